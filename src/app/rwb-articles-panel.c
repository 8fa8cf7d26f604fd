/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-articles-panel.c — the articles of the work, oldest first, with what each one gives.
 *
 * The counts are of the graph shown (corrections applied): what an article still supports
 * after the user's work, one pass over the graph (rwb_graph_document_counts). In a project a
 * row also changes the article's date (the timeline's, where the text, the metadata or the
 * file's date was wrong) and removes the article; both are commands of the session, undone
 * with Ctrl+Z like every edit, and removing an article removes what only it supported.
 */
#define G_LOG_DOMAIN "rawabit-articles-panel"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rwb-articles-panel.h"
#include "rwb-provenance.h"
#include "rwb-labels.h"

struct _RwbArticlesPanel
{
  GtkWidget parent_instance;

  /* Template children */
  GtkLabel *summary_label;
  GtkListBox *list;

  RwbSession *session;
  guint refresh_idle;
};

G_DEFINE_FINAL_TYPE (RwbArticlesPanel, rwb_articles_panel, GTK_TYPE_WIDGET)

static void
show_error (RwbArticlesPanel *self, const char *primary, const GError *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  GtkWidget *dialog = gtk_message_dialog_new (window ? GTK_WINDOW (window) : NULL,
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s",
                                              primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gint64
row_article (GtkWidget *widget)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "rwb-article"));
}

static void
on_remove_clicked (GtkButton *button, RwbArticlesPanel *self)
{
  gint64 id = row_article (GTK_WIDGET (button));
  g_autoptr (GError) error = NULL;

  if (self->session != NULL && !rwb_session_remove_articles (self->session, &id, 1, &error))
    show_error (self, _("Could not remove the article"), error);
}

static void
on_date_activate (GtkEntry *entry, RwbArticlesPanel *self)
{
  gint64 id = row_article (GTK_WIDGET (entry));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr (GError) error = NULL;
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  if (self->session != NULL
      && !rwb_session_set_article_date (self->session, id, *text ? text : NULL, &error))
    show_error (self, _("Could not change the date"), error);
}

static char *
format_date (const char *iso)
{
  int y, m, d;
  g_autoptr (GDateTime) dt = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3
      || (dt = g_date_time_new_utc (y, m, d, 0, 0, 0)) == NULL)
    return g_strdup (iso);
  /* Translators: an article's date in the articles list, in g_date_time_format's notation. */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

static GtkWidget *
make_row (RwbArticlesPanel *self, const RwbDocument *doc, guint index, gint64 article,
          guint n_entities, guint n_relations)
{
  g_autofree char *title = NULL;
  g_autofree char *date = format_date (doc->date);
  g_autofree char *entities = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities", n_entities), n_entities);
  g_autofree char *relations = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n_relations), n_relations);
  g_autofree char *line = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  if (doc->title != NULL && *doc->title != '\0')
    title = g_strdup (doc->title);
  else if (doc->path != NULL)
    title = g_path_get_basename (doc->path);
  else
    title = g_strdup_printf (_("Article %u"), index + 1);
  /* Translators: under an article's title: its date · entities · relations. */
  line = g_strdup_printf (_("%s · %s · %s"), date ? date : _("no date"), entities, relations);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_direction (label, rwb_text_direction (title));
  gtk_widget_set_name (label, "title");
  gtk_box_append (GTK_BOX (labels), label);
  label = gtk_label_new (line);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_name (label, "summary");
  gtk_box_append (GTK_BOX (labels), label);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);

  if (article > 0)
    {
      GtkWidget *date_button = gtk_menu_button_new ();
      GtkWidget *popover = gtk_popover_new ();
      GtkWidget *pop_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *hint = gtk_label_new (_("The article's date, as 2024-03-18; empty for none"));
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_editable_set_text (GTK_EDITABLE (entry), doc->date ? doc->date : "");
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "YYYY-MM-DD");
      gtk_widget_set_name (entry, "date-entry");
      g_object_set_data (G_OBJECT (entry), "rwb-article", GSIZE_TO_POINTER (article));
      g_signal_connect (entry, "activate", G_CALLBACK (on_date_activate), self);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (GTK_BOX (pop_box), hint);
      gtk_box_append (GTK_BOX (pop_box), entry);
      gtk_popover_set_child (GTK_POPOVER (popover), pop_box);
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (date_button), popover);
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (date_button), "x-office-calendar-symbolic");
      gtk_widget_set_tooltip_text (date_button, _("Change the Date"));
      gtk_widget_set_valign (date_button, GTK_ALIGN_CENTER);
      gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (date_button), FALSE);
      gtk_box_append (GTK_BOX (box), date_button);

      gtk_widget_set_tooltip_text (remove, _("Remove the article and what only it says (undoable)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove"), -1);
      gtk_widget_set_name (remove, "remove");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "rwb-article", GSIZE_TO_POINTER (article));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
      gtk_box_append (GTK_BOX (box), remove);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

typedef struct
{
  const RwbDocument *doc;
  guint index;
} Entry;

/* Dated first, oldest first; then the undated in the order added. */
static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const Entry *ea = a, *eb = b;
  const char *da = ea->doc->date, *db = eb->doc->date;

  if (da != NULL && db != NULL && strcmp (da, db) != 0)
    return strcmp (da, db);
  if ((da == NULL) != (db == NULL))
    return da == NULL ? 1 : -1;
  return ea->index < eb->index ? -1 : ea->index > eb->index;
}

static void
refresh (RwbArticlesPanel *self)
{
  RwbGraph *graph = self->session ? rwb_session_get_pending_graph (self->session) : NULL;
  g_autofree guint *n_entities = NULL;
  g_autofree guint *n_relations = NULL;
  g_autoptr (GArray) entries = NULL;
  GtkWidget *child;
  g_autofree char *summary = NULL;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  /* The latest graph: an edit's, before its layout, or the one shown. */
  if (graph == NULL && self->session != NULL)
    graph = rwb_session_get_graph (self->session);
  if (graph == NULL || graph->documents->len == 0)
    {
      gtk_label_set_text (self->summary_label, _("No articles yet. Open or drop articles, or add "
                                                 "a folder of them from the menu."));
      return;
    }

  rwb_graph_document_counts (graph, FALSE, &n_entities, &n_relations);
  entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), graph->documents->len);
  for (guint i = 0; i < graph->documents->len; i++)
    {
      Entry e = { g_ptr_array_index (graph->documents, i), i };

      g_array_append_val (entries, e);
    }
  g_array_sort (entries, compare_entries);
  for (guint k = 0; k < entries->len; k++)
    {
      const Entry *e = &g_array_index (entries, Entry, k);
      gint64 article = rwb_session_get_project (self->session) != NULL
                         ? rwb_document_article_id (e->doc) : 0;

      gtk_list_box_append (self->list, make_row (self, e->doc, e->index, article,
                                                 n_entities[e->index], n_relations[e->index]));
    }
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                          graph->documents->len),
                             graph->documents->len);
  gtk_label_set_text (self->summary_label, summary);
}

static gboolean
refresh_in_idle (gpointer data)
{
  RwbArticlesPanel *self = data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (RwbArticlesPanel *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_in_idle, self);
}

char *
rwb_articles_panel_get_row_text (RwbArticlesPanel *self, guint i)
{
  GtkListBoxRow *row;
  GtkWidget *box, *labels;

  g_return_val_if_fail (RWB_IS_ARTICLES_PANEL (self), NULL);

  if (self->refresh_idle != 0)
    refresh (self);
  row = gtk_list_box_get_row_at_index (self->list, i);
  if (row == NULL)
    return NULL;
  box = gtk_list_box_row_get_child (row);
  labels = gtk_widget_get_first_child (box);
  return g_strdup_printf ("%s\n%s",
                          gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (labels))),
                          gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (labels))));
}

static void
rwb_articles_panel_dispose (GObject *object)
{
  RwbArticlesPanel *self = RWB_ARTICLES_PANEL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  rwb_session_replace (&self->session, NULL, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RWB_TYPE_ARTICLES_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rwb_articles_panel_parent_class)->dispose (object);
}

static void
rwb_articles_panel_class_init (RwbArticlesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rwb_articles_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rawabit/Rawabit/rwb-articles-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RwbArticlesPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RwbArticlesPanel, list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rwb-articles-panel");
}

static void
rwb_articles_panel_init (RwbArticlesPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}

GtkWidget *
rwb_articles_panel_new (void)
{
  return g_object_new (RWB_TYPE_ARTICLES_PANEL, NULL);
}

void
rwb_articles_panel_set_session (RwbArticlesPanel *self, RwbSession *session)
{
  g_return_if_fail (RWB_IS_ARTICLES_PANEL (self));
  g_return_if_fail (session == NULL || RWB_IS_SESSION (session));

  if (!rwb_session_replace (&self->session, session, self))
    return;
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "graph-changed", G_CALLBACK (queue_refresh), self);
      g_signal_connect_swapped (session, "notify::pending-graph", G_CALLBACK (queue_refresh), self);
      g_signal_connect_swapped (session, "notify::project", G_CALLBACK (queue_refresh), self);
    }
  refresh (self);
}
