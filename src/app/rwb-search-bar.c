/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-search-bar.c — finds entities by name or alias, in the matching form extraction uses;
 * in a project, also the sentences of its articles (a second section, below the entry).
 *
 * A query and every name are reduced to search keys (rwb_collate_search_key: Arabic letter
 * variants unified, diacritics gone, Latin case-folded), so what the user types finds a name
 * however either is spelled: شاومى finds شاومي, "great wall" finds "Great Wall". Keys are
 * computed once per graph, on the first search; a keystroke is then a substring test per
 * name.
 *
 * Sentences come from the project's full-text index (rwb_project_search: SQLite FTS5 over the
 * same matching forms), best first; activating one emits ::sentence-activated so the window
 * shows it in its article.
 */
#define G_LOG_DOMAIN "rawabit-search-bar"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rwb-collate.h"
#include "rwb-labels.h"
#include "rwb-project.h"
#include "rwb-search-bar.h"

/* Sentences listed at most: the best ones; the count says when there are more. */
#define MAX_SENTENCES 50

struct _RwbSearchBar
{
  GtkWidget parent_instance;

  /* Template children */
  GtkSearchBar *search_bar;
  GtkSearchEntry *entry;
  GtkLabel *count_label;
  GtkWidget *sentences_box;
  GtkLabel *sentences_label;
  GtkListBox *sentence_list;

  RwbSession *session;
  RwbGraph *graph;
  GPtrArray *keys;              /* per entity: GStrv of name and alias keys; NULL until needed */
  GArray *matches;              /* entity indices, best first */
  gint current;                 /* the match last stepped to, or -1 */
  GArray *sentences;            /* Sentence per row of sentence_list */
  char *searched;               /* the text the matches are for */
  gboolean search_mode;
  GtkWidget *capture_widget;    /* whose typing opens the bar (weak) */
  GtkEventController *capture;  /* the key controller on it */
};

G_DEFINE_FINAL_TYPE (RwbSearchBar, rwb_search_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SEARCH_MODE_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SENTENCE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A sentence found, in the shown graph's terms. */
typedef struct
{
  guint document;
  guint start, end;
} Sentence;

typedef struct
{
  guint entity;
  RwbSearchMatch match;
} Match;

static void
ensure_keys (RwbSearchBar *self)
{
  if (self->keys != NULL || self->graph == NULL)
    return;

  self->keys = g_ptr_array_new_full (self->graph->entities->len, (GDestroyNotify) g_strfreev);
  for (guint i = 0; i < self->graph->entities->len; i++)
    {
      const RwbEntity *e = g_ptr_array_index (self->graph->entities, i);
      GStrvBuilder *builder = g_strv_builder_new ();

      /* What Details shows of a name is what is searched: the key of a 10 MB name takes a
       * fifth of a second on the UI thread. */
      g_autofree char *name = rwb_display_name (e->name, RWB_DISPLAY_NAME_MAX_DETAILS);
      g_autofree char *name_key = rwb_collate_search_key (name);

      g_strv_builder_add (builder, name_key);
      for (guint k = 0; k < e->aliases->len; k++)
        {
          g_autofree char *alias = rwb_display_name (g_ptr_array_index (e->aliases, k),
                                                     RWB_DISPLAY_NAME_MAX_DETAILS);
          g_autofree char *key = rwb_collate_search_key (alias);
          g_strv_builder_add (builder, key);
        }
      g_ptr_array_add (self->keys, g_strv_builder_end (builder));
      g_strv_builder_unref (builder);
    }
}

static int
compare_matches (gconstpointer a, gconstpointer b)
{
  const Match *ma = a, *mb = b;

  if (ma->match != mb->match)
    return ma->match < mb->match ? -1 : 1;
  /* Then in the order the articles introduce them. */
  return ma->entity < mb->entity ? -1 : ma->entity > mb->entity ? 1 : 0;
}

static void
update_label (RwbSearchBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *label = NULL;
  gboolean none = FALSE;

  if (text == NULL || *text == '\0' || self->graph == NULL)
    label = g_strdup ("");
  else if (self->matches->len == 0 && self->sentences->len > 0)
    label = g_strdup (_("No entities"));
  else if (self->matches->len == 0)
    {
      label = g_strdup (_("No matches"));
      none = TRUE;
    }
  else if (self->current < 0)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches",
                                          self->matches->len),
                             self->matches->len);
  else
    /* Translators: the match shown and how many there are, as in "2 of 5". */
    label = g_strdup_printf (_("%u of %u"), self->current + 1, self->matches->len);

  gtk_label_set_text (self->count_label, label);
  if (none)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.next", self->matches->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.previous", self->matches->len > 0);
}

static GtkWidget *
sentence_row (const char *title, const char *text)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>  %s", title, text);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  return label;
}

/* The second section: the project's sentences that match @text, in the shown graph's
 * articles; not those of articles dated after the timeline's date (the graph shows what was
 * known by then). */
static void
search_sentences (RwbSearchBar *self, const char *text)
{
  RwbProject *project = self->session ? rwb_session_get_project (self->session) : NULL;
  const char *as_of = self->session ? rwb_session_get_as_of (self->session) : NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GHashTable) documents = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  g_array_set_size (self->sentences, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sentence_list))) != NULL)
    gtk_list_box_remove (self->sentence_list, child);
  if (project != NULL && self->graph != NULL && text != NULL && *text != '\0')
    {
      hits = rwb_project_search (project, text, MAX_SENTENCES + 1, &error);
      if (hits == NULL)
        g_warning ("searching the articles: %s", error->message);
    }
  if (hits != NULL && hits->len > 0)
    {
      documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < self->graph->documents->len; i++)
        {
          RwbDocument *doc = g_ptr_array_index (self->graph->documents, i);
          gint64 *id = g_new (gint64, 1);

          *id = rwb_document_article_id (doc);
          if (*id > 0)
            g_hash_table_insert (documents, id, GUINT_TO_POINTER (i + 1));
          else
            g_free (id);
        }
      for (guint i = 0; i < hits->len && self->sentences->len < MAX_SENTENCES; i++)
        {
          const RwbSearchHit *hit = g_ptr_array_index (hits, i);
          guint d = GPOINTER_TO_UINT (g_hash_table_lookup (documents, &hit->article));
          Sentence s = { d - 1, hit->start, hit->end };
          const RwbDocument *doc;

          if (d == 0)
            continue;
          doc = g_ptr_array_index (self->graph->documents, d - 1);
          if (hit->end > doc->length || hit->start >= hit->end
              || (as_of != NULL && doc->date != NULL && *doc->date != '\0'
                  && strcmp (doc->date, as_of) > 0))
            continue;
          g_array_append_val (self->sentences, s);
          gtk_list_box_append (self->sentence_list,
                               sentence_row (hit->title ? hit->title : _("Untitled article"),
                                             hit->text ? hit->text : ""));
        }
    }
  if (self->sentences->len > 0)
    {
      g_autofree char *label = NULL;

      if (hits->len > MAX_SENTENCES)
        /* Translators: the heading of the sentences found; %u is at least 50. */
        label = g_strdup_printf (_("The first %u sentences in the articles"),
                                 self->sentences->len);
      else
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sentence in the articles",
                                              "%u sentences in the articles",
                                              self->sentences->len),
                                 self->sentences->len);
      gtk_label_set_text (self->sentences_label, label);
    }
  gtk_widget_set_visible (self->sentences_box, self->sentences->len > 0);
}

static void
on_sentence_row_activated (RwbSearchBar *self, GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);
  const Sentence *s;

  if (index < 0 || (guint) index >= self->sentences->len)
    return;
  s = &g_array_index (self->sentences, Sentence, index);
  g_signal_emit (self, signals[SIGNAL_SENTENCE_ACTIVATED], 0, s->document, s->start, s->end);
}

static void
search (RwbSearchBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Match));
  g_auto (GStrv) queries = NULL;

  g_array_set_size (self->matches, 0);
  self->current = -1;
  g_free (self->searched);
  self->searched = g_strdup (text);

  if (self->graph != NULL && text != NULL && *text != '\0')
    {
      ensure_keys (self);
      queries = rwb_collate_query_keys (text);

      /* The query as typed first; without its clitics only if that finds nothing. */
      for (guint q = 0; queries[q] != NULL && found->len == 0; q++)
        for (guint i = 0; i < self->keys->len; i++)
          {
            GStrv keys = g_ptr_array_index (self->keys, i);
            Match m = { i, RWB_SEARCH_MATCH_NONE };

            for (guint k = 0; keys[k] != NULL; k++)
              m.match = MIN (m.match, rwb_collate_search_match (keys[k], queries[q]));
            if (m.match != RWB_SEARCH_MATCH_NONE)
              g_array_append_val (found, m);
          }
      g_array_sort (found, compare_matches);
      for (guint i = 0; i < found->len; i++)
        g_array_append_val (self->matches, g_array_index (found, Match, i).entity);
    }

  search_sentences (self, text);
  update_label (self);
}

static void
step (RwbSearchBar *self, int direction)
{
  guint entity;
  gint n = (gint) self->matches->len;

  if (n == 0)
    return;
  if (self->current < 0)
    self->current = direction > 0 ? 0 : n - 1;
  else
    self->current = (self->current + direction + n) % n;
  update_label (self);

  entity = g_array_index (self->matches, guint, self->current);
  if (self->session != NULL && rwb_session_get_scene (self->session) != NULL)
    {
      rwb_session_reveal_entity (self->session, entity);
    }
}

static void
next_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step (RWB_SEARCH_BAR (widget), 1);
}

static void
previous_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step (RWB_SEARCH_BAR (widget), -1);
}

static void
on_search_changed (RwbSearchBar *self)
{
  search (self);
}

static void
on_entry_activate (RwbSearchBar *self)
{
  /* Enter right after typing must use what was typed, not what the delayed search saw. */
  if (g_strcmp0 (self->searched, gtk_editable_get_text (GTK_EDITABLE (self->entry))) != 0)
    search (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "search.next", NULL);
}

static void
on_next_match (RwbSearchBar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "search.next", NULL);
}

static void
on_previous_match (RwbSearchBar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "search.previous", NULL);
}

/* Shift+Enter steps back. GtkText turns every Enter into ::activate, so this is caught
 * before the entry sees it. */
static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                      GdkModifierType state, RwbSearchBar *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
      && (state & GDK_SHIFT_MASK) != 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "search.previous", NULL);
      return TRUE;
    }
  return FALSE;
}

static void
rwb_search_bar_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RwbSearchBar *self = RWB_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE_ENABLED:
      g_value_set_boolean (value, self->search_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rwb_search_bar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RwbSearchBar *self = RWB_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE_ENABLED:
      rwb_search_bar_set_search_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_inner_search_mode (GtkSearchBar *search_bar, GParamSpec *pspec, RwbSearchBar *self)
{
  /* The close button and Escape hide the inner bar; the property follows. */
  rwb_search_bar_set_search_mode (self, gtk_search_bar_get_search_mode (search_bar));
}

static void
rwb_search_bar_dispose (GObject *object)
{
  RwbSearchBar *self = RWB_SEARCH_BAR (object);
  GtkWidget *child;

  rwb_search_bar_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RWB_TYPE_SEARCH_BAR);
  /* Only bound template children are unparented by the call above; the root of the template
   * may not be one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  rwb_search_bar_set_key_capture_widget (self, NULL);
  g_clear_pointer (&self->graph, rwb_graph_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);

  G_OBJECT_CLASS (rwb_search_bar_parent_class)->dispose (object);
}

static void
rwb_search_bar_finalize (GObject *object)
{
  RwbSearchBar *self = RWB_SEARCH_BAR (object);

  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->sentences, g_array_unref);
  g_free (self->searched);

  G_OBJECT_CLASS (rwb_search_bar_parent_class)->finalize (object);
}

static void
rwb_search_bar_class_init (RwbSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rwb_search_bar_dispose;
  object_class->finalize = rwb_search_bar_finalize;
  object_class->get_property = rwb_search_bar_get_property;
  object_class->set_property = rwb_search_bar_set_property;

  properties[PROP_SEARCH_MODE_ENABLED] =
    g_param_spec_boolean ("search-mode-enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RwbSearchBar::sentence-activated:
   * @document: a document index of the graph
   * @start: the sentence's first code point
   * @end: the code point after it
   *
   * A sentence of the second section was activated: show it in its article.
   */
  signals[SIGNAL_SENTENCE_ACTIVATED] =
    g_signal_new ("sentence-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "search.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "search.previous", NULL, previous_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rawabit/Rawabit/rwb-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, RwbSearchBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RwbSearchBar, entry);
  gtk_widget_class_bind_template_child (widget_class, RwbSearchBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, RwbSearchBar, sentences_box);
  gtk_widget_class_bind_template_child (widget_class, RwbSearchBar, sentences_label);
  gtk_widget_class_bind_template_child (widget_class, RwbSearchBar, sentence_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_next_match);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_match);
  gtk_widget_class_bind_template_callback (widget_class, on_sentence_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rwb-search-bar");
}

static void
rwb_search_bar_init (RwbSearchBar *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sentences = g_array_new (FALSE, FALSE, sizeof (Sentence));
  self->current = -1;

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->entry));
  g_signal_connect (self->search_bar, "notify::search-mode-enabled",
                    G_CALLBACK (on_inner_search_mode), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  update_label (self);
}

GtkWidget *
rwb_search_bar_new (void)
{
  return g_object_new (RWB_TYPE_SEARCH_BAR, NULL);
}

static void
on_as_of_changed (RwbSession *session, GParamSpec *pspec, RwbSearchBar *self)
{
  /* The timeline moved: the sentences offered follow it. */
  if (self->searched != NULL && *self->searched != '\0')
    search (self);
}

void
rwb_search_bar_set_session (RwbSearchBar *self, RwbSession *session)
{
  g_return_if_fail (RWB_IS_SEARCH_BAR (self));
  g_return_if_fail (session == NULL || RWB_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_as_of_changed, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "notify::as-of", G_CALLBACK (on_as_of_changed), self, 0);
}

/* Whether a shortcut of @widget itself (its class's key bindings, or a shortcut controller
 * added to it) takes @event: such keys are the widget's, not the start of a search. */
static gboolean
widget_takes_key (GtkWidget *widget, GdkEvent *event)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
      guint n_shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      n_shortcuts = g_list_model_get_n_items (G_LIST_MODEL (controller));
      for (guint k = 0; k < n_shortcuts; k++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (trigger != NULL && gtk_shortcut_trigger_trigger (trigger, event, FALSE)
                                   != GDK_KEY_MATCH_NONE)
            return TRUE;
        }
    }
  return FALSE;
}

/* Typing on the capture widget: a printable key that is not one of the widget's own shortcuts
 * (the view's + - 0 f) opens the bar and goes into the entry. GtkSearchBar's own key capture
 * runs in the capture phase before any shortcut of the widget, so it would take those keys. */
static gboolean
on_capture_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                        GdkModifierType state, RwbSearchBar *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gunichar c = gdk_keyval_to_unicode (keyval);
  char utf8[8] = { 0 };

  if (self->search_mode || event == NULL
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0
      || c == 0 || !g_unichar_isgraph (c) || widget_takes_key (widget, event))
    return GDK_EVENT_PROPAGATE;

  /* The bar is hidden, its entry unmapped: the character goes in by hand, the rest of the
   * query is typed into the entry itself. */
  g_unichar_to_utf8 (c, utf8);
  rwb_search_bar_set_search_mode (self, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), utf8);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  return GDK_EVENT_STOP;
}

void
rwb_search_bar_set_key_capture_widget (RwbSearchBar *self, GtkWidget *widget)
{
  g_return_if_fail (RWB_IS_SEARCH_BAR (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  if (widget == self->capture_widget)
    return;
  if (self->capture_widget != NULL)
    {
      gtk_widget_remove_controller (self->capture_widget, self->capture);
      g_object_remove_weak_pointer (G_OBJECT (self->capture_widget),
                                    (gpointer *) &self->capture_widget);
    }
  self->capture_widget = widget;
  self->capture = NULL;
  if (widget == NULL)
    return;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->capture_widget);
  self->capture = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (self->capture, GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->capture, "key-pressed", G_CALLBACK (on_capture_key_pressed),
                           self, 0);
  gtk_widget_add_controller (widget, self->capture);
}

void
rwb_search_bar_set_graph (RwbSearchBar *self, RwbGraph *graph)
{
  g_return_if_fail (RWB_IS_SEARCH_BAR (self));

  if (graph == self->graph)
    return;

  g_clear_pointer (&self->graph, rwb_graph_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  if (graph != NULL)
    self->graph = rwb_graph_ref (graph);
  search (self);
}

void
rwb_search_bar_set_search_mode (RwbSearchBar *self, gboolean search_mode)
{
  g_return_if_fail (RWB_IS_SEARCH_BAR (self));

  search_mode = !!search_mode;
  if (search_mode == self->search_mode)
    return;

  self->search_mode = search_mode;
  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE_ENABLED]);
}

gboolean
rwb_search_bar_get_search_mode (RwbSearchBar *self)
{
  g_return_val_if_fail (RWB_IS_SEARCH_BAR (self), FALSE);

  return self->search_mode;
}

guint
rwb_search_bar_get_n_matches (RwbSearchBar *self)
{
  g_return_val_if_fail (RWB_IS_SEARCH_BAR (self), 0);

  return self->matches->len;
}

guint
rwb_search_bar_get_match (RwbSearchBar *self, guint position)
{
  g_return_val_if_fail (RWB_IS_SEARCH_BAR (self), 0);
  g_return_val_if_fail (position < self->matches->len, 0);

  return g_array_index (self->matches, guint, position);
}

guint
rwb_search_bar_get_n_sentences (RwbSearchBar *self)
{
  g_return_val_if_fail (RWB_IS_SEARCH_BAR (self), 0);

  return self->sentences->len;
}
