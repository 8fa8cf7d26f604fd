/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-details-panel.c — the selected entity or relation, and why the graph has it.
 *
 * Every relation keeps the sentences it was found in; this panel is where a reader checks
 * them. It is rebuilt on each selection change (a selection has tens of rows, not thousands),
 * and each row is an actionable GtkListBoxRow, so a click, Enter and a test all go through the
 * same details.* action.
 */
#define G_LOG_DOMAIN "rawabit-details-panel"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rwb-details-panel.h"
#include "rwb-edit-actions.h"
#include "rwb-labels.h"
#include "rwb-text.h"

/* Sentences shown for one selection; a hub entity in a corpus can have thousands. */
#define MAX_SENTENCES 100
/* How far around a mention to look for its sentence when no relation recorded one. */
#define CONTEXT_CHARS 400

struct _RwbDetailsPanel
{
  GtkWidget parent_instance;

  /* Template children */
  GtkStack *stack;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *aliases_label;
  GtkMenuButton *correct_button;
  GtkLabel *relations_heading;
  GtkListBox *relations_list;
  GtkLabel *evidence_heading;
  GtkListBox *evidence_list;
  GtkLabel *more_label;

  RwbSession *session;
  RwbGraph *graph;
};

G_DEFINE_FINAL_TYPE (RwbDetailsPanel, rwb_details_panel, GTK_TYPE_WIDGET)

enum {
  SIGNAL_EVIDENCE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A sentence to show: where it is, what to highlight in it and what it is evidence of. */
typedef struct
{
  guint document;
  guint start, end;
  char *text;
  char *caption;     /* "Manufacturing · Great Wall Motor", or NULL */
  const char *rule;  /* interned, may be NULL */
} Sentence;

static void
sentence_clear (Sentence *sentence)
{
  g_free (sentence->text);
  g_free (sentence->caption);
}

static RwbEntity *
entity_at (RwbDetailsPanel *self, guint index)
{
  return g_ptr_array_index (self->graph->entities, index);
}

/* Labels take the direction of their text (see rwb_text_direction). */
static void
set_direction_from_text (GtkWidget *widget, const char *text)
{
  gtk_widget_set_direction (widget, rwb_text_direction (text));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_empty (RwbDetailsPanel *self)
{
  clear_list (self->relations_list);
  clear_list (self->evidence_list);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The mentions of @entity inside the sentence [start, end) of @document, relative to start. */
static void
add_highlights (RwbDetailsPanel *self, guint entity, guint document, guint start, guint end,
                GArray *spans, GArray *types)
{
  const RwbEntity *e = entity_at (self, entity);

  for (guint i = 0; i < e->mentions->len; i++)
    {
      const RwbSpan *m = &g_array_index (e->mentions, RwbSpan, i);
      RwbSpan relative;

      if (m->document != document || m->start < start || m->end > end)
        continue;
      relative = (RwbSpan) { 0, m->start - start, m->end - start };
      g_array_append_val (spans, relative);
      g_array_append_val (types, e->type);
    }
}

static GtkWidget *
make_sentence_row (RwbDetailsPanel *self, const Sentence *sentence, const guint *entities,
                   guint n_entities)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (RwbSpan));
  g_autoptr (GArray) types = g_array_new (FALSE, FALSE, sizeof (RwbEntityType));
  g_autofree char *markup = NULL;
  GtkWidget *row, *box, *label;

  for (guint i = 0; i < n_entities; i++)
    add_highlights (self, entities[i], sentence->document, sentence->start, sentence->end,
                    spans, types);
  markup = rwb_markup_highlight_spans (sentence->text, (const RwbSpan *) spans->data, spans->len,
                                       (const RwbEntityType *) types->data);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  if (sentence->caption != NULL)
    {
      label = gtk_label_new (sentence->caption);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  set_direction_from_text (label, sentence->text);
  gtk_widget_add_css_class (label, "rwb-evidence-text");
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* For evidence_header: the sentences come sorted by document, one heading per article. */
  g_object_set_data (G_OBJECT (row), "rwb-document", GUINT_TO_POINTER (sentence->document + 1));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "details.show-evidence");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(uuu)", sentence->document,
                                    sentence->start, sentence->end);
  if (sentence->rule != NULL)
    {
      /* Translators: tooltip of an evidence sentence; %s is the extraction rule. */
      g_autofree char *tooltip = g_strdup_printf (_("Found by %s. Click to show it in the article."),
                                                  sentence->rule);
      gtk_widget_set_tooltip_text (row, tooltip);
    }
  else
    gtk_widget_set_tooltip_text (row, _("Click to show it in the article."));
  return row;
}

static void
fill_sentences (RwbDetailsPanel *self, GArray *sentences, const guint *entities,
                guint n_entities)
{
  guint shown = MIN (sentences->len, MAX_SENTENCES);

  clear_list (self->evidence_list);
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->evidence_list,
                         make_sentence_row (self, &g_array_index (sentences, Sentence, i),
                                            entities, n_entities));

  gtk_widget_set_visible (GTK_WIDGET (self->evidence_heading), sentences->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), sentences->len > 0);
  if (sentences->len > shown)
    {
      g_autofree char *more = NULL;

      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more sentence.",
                                           "And %u more sentences.", sentences->len - shown),
                              sentences->len - shown);
      gtk_label_set_text (self->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), sentences->len > shown);
}

static int
compare_sentences (gconstpointer a, gconstpointer b)
{
  const Sentence *sa = a, *sb = b;

  if (sa->document != sb->document)
    return sa->document < sb->document ? -1 : 1;
  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  return 0;
}

/* Sentences already listed, by document and start: a set of 64-bit keys. */
static GHashTable *
sentence_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static gboolean
has_sentence (GHashTable *seen, guint document, guint start)
{
  gint64 key = (gint64) document << 32 | start;

  return g_hash_table_contains (seen, &key);
}

static void
mark_sentence (GHashTable *seen, guint document, guint start)
{
  gint64 *key = g_new (gint64, 1);

  *key = (gint64) document << 32 | start;
  g_hash_table_add (seen, key);
}

/* The sentence around a mention no relation recorded: ICU's sentence breaker over a window of
 * the document, which is what extraction would have cut there. */
static gboolean
mention_sentence (const RwbDocument *doc, const char *mention_ptr, const RwbSpan *mention,
                  Sentence *out)
{
  g_autoptr (GArray) spans = NULL;
  const char *from = mention_ptr, *to = mention_ptr;
  guint back = 0;

  for (; back < CONTEXT_CHARS && from > doc->text; back++)
    from = g_utf8_prev_char (from);
  for (guint i = 0; i < CONTEXT_CHARS + (mention->end - mention->start) && *to != '\0'; i++)
    to = g_utf8_next_char (to);

  spans = rwb_text_sentences (from, to - from, NULL);
  if (spans == NULL)
    return FALSE;
  for (guint i = 0; i < spans->len; i++)
    {
      const RwbTextSpan *s = &g_array_index (spans, RwbTextSpan, i);

      if (s->start <= back && back < s->end)
        {
          out->document = mention->document;
          out->start = mention->start - back + s->start;
          out->end = mention->start - back + s->end;
          out->text = g_strndup (from + s->bstart, s->bend - s->bstart);
          out->caption = NULL;
          out->rule = NULL;
          return TRUE;
        }
    }
  return FALSE;
}

static void
append_evidence (RwbDetailsPanel *self, const RwbRelation *relation, const char *caption,
                 GArray *sentences, GHashTable *seen)
{
  for (guint k = 0; k < relation->evidence->len; k++)
    {
      const RwbEvidence *ev = &g_array_index (relation->evidence, RwbEvidence, k);
      Sentence sentence = { 0 };
      char *text;

      if (has_sentence (seen, ev->document, ev->start))
        continue;
      text = rwb_graph_evidence_text (self->graph, ev);
      if (text == NULL)
        continue;
      mark_sentence (seen, ev->document, ev->start);
      sentence.document = ev->document;
      sentence.start = ev->start;
      sentence.end = ev->end;
      sentence.text = text;
      sentence.caption = g_strdup (caption);
      sentence.rule = ev->rule;
      g_array_append_val (sentences, sentence);
    }
}

typedef struct
{
  RwbDetailsPanel *self;
  guint entity;
} RelationOrder;

static int
compare_relations_for (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const RelationOrder *order = user_data;
  RwbDetailsPanel *self = order->self;
  guint entity = order->entity;
  const RwbRelation *ra = g_ptr_array_index (self->graph->relations, *(const guint *) a);
  const RwbRelation *rb = g_ptr_array_index (self->graph->relations, *(const guint *) b);
  const RwbEntity *oa, *ob;

  if (ra->type != rb->type)
    return ra->type < rb->type ? -1 : 1;
  if (ra->confidence != rb->confidence)
    return ra->confidence > rb->confidence ? -1 : 1;
  oa = entity_at (self, ra->source == entity ? ra->target : ra->source);
  ob = entity_at (self, rb->source == entity ? rb->target : rb->source);
  return g_utf8_collate (oa->name, ob->name);
}

/* Relations are grouped by type under a heading: the header function adds one whenever the
 * type changes from the row above. */
static void
relation_header (GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
  int type = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "rwb-relation-type")) - 1;
  int before_type = before == NULL ? -1
                    : GPOINTER_TO_INT (g_object_get_data (G_OBJECT (before), "rwb-relation-type")) - 1;
  GtkWidget *header;

  if (type < 0 || type == before_type)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (rwb_relation_type_label (type));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "rwb-group-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
make_text_row (const char *markup, const char *action, GVariant *target)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  return row;
}

/* "● Company", the dot in the type's colour. */
static char *
type_markup (RwbEntityType type)
{
  g_autofree char *label = g_markup_escape_text (rwb_entity_type_label (type), -1);

  return g_strdup_printf ("<span foreground=\"%s\">●</span> %s", rwb_entity_type_color (type),
                          label);
}

void
rwb_details_panel_show_entity (RwbDetailsPanel *self, guint entity)
{
  g_autoptr (GArray) relations = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) sentences = g_array_new (FALSE, FALSE, sizeof (Sentence));
  g_autoptr (GHashTable) seen = sentence_set_new ();
  g_autoptr (GString) aliases = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *type = NULL;
  g_autofree char *mentions = NULL;
  const RwbEntity *e;

  g_return_if_fail (RWB_IS_DETAILS_PANEL (self));
  g_return_if_fail (self->graph != NULL && entity < self->graph->entities->len);

  e = entity_at (self, entity);
  g_array_set_clear_func (sentences, (GDestroyNotify) sentence_clear);

  /* The heading keeps the window's direction, aligned with the rest of the panel; only
   * sentences, which are read as paragraphs, take their own. */
  {
    g_autofree char *title = rwb_display_name (e->name, RWB_DISPLAY_NAME_MAX_DETAILS);

    gtk_label_set_text (self->title_label, title);
  }
  type = type_markup (e->type);
  mentions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions",
                                           e->mentions->len),
                              e->mentions->len);
  /* Translators: "● Company · 10 mentions" under an entity's name. */
  subtitle = g_strdup_printf (_("%s · %s"), type, mentions);
  gtk_label_set_markup (self->subtitle_label, subtitle);

  for (guint i = 0; i < e->aliases->len; i++)
    {
      const char *alias = g_ptr_array_index (e->aliases, i);

      if (g_strcmp0 (alias, e->name) == 0)
        continue;
      if (aliases->len > 0)
        /* Translators: separates aliases in "Also: شاومي، Mi". */
        g_string_append (aliases, _(", "));
      {
        g_autofree char *isolated = rwb_isolated_name (alias);
        g_string_append (aliases, isolated);
      }
    }
  if (aliases->len > 0)
    {
      /* Translators: %s is a list of other names of the entity. */
      g_autofree char *text = g_strdup_printf (_("Also: %s"), aliases->str);
      g_autofree char *line = rwb_ui_line (text);
      gtk_label_set_text (self->aliases_label, line);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->aliases_label), aliases->len > 0);

  /* Relations, grouped by type, strongest first. */
  for (guint i = 0; i < self->graph->relations->len; i++)
    {
      const RwbRelation *r = g_ptr_array_index (self->graph->relations, i);

      if (r->source == entity || r->target == entity)
        g_array_append_val (relations, i);
    }
  g_array_sort_with_data (relations, compare_relations_for,
                          &(RelationOrder) { .self = self, .entity = entity });

  clear_list (self->relations_list);
  gtk_label_set_text (self->relations_heading, _("Relations"));
  for (guint i = 0; i < relations->len; i++)
    {
      guint index = g_array_index (relations, guint, i);
      const RwbRelation *r = g_ptr_array_index (self->graph->relations, index);
      guint other = r->source == entity ? r->target : r->source;
      const char *arrow = !r->directed ? "↔" : rwb_ui_arrow (r->source == entity);
      /* The name isolated (FSI … PDI) in a line marked with the window's direction: an Arabic
       * name in a Latin line (or the reverse) keeps its place between the arrow and the
       * parenthesis, and the line reads in the window's direction. */
      g_autofree char *name = rwb_isolated_name_markup (entity_at (self, other)->name);
      g_autofree char *kind = g_markup_escape_text (rwb_relation_type_label (r->type), -1);
      g_autofree char *markup = NULL;
      g_autofree char *line = NULL;
      g_autofree char *caption = NULL;
      g_autofree char *caption_line = NULL;
      GtkWidget *row;

      /* Translators: a relation of the selected entity: arrow, other entity, relation type,
       * confidence, as in "→ Great Wall Motor (Manufacturing, 0.9)". */
      markup = g_strdup_printf (_("%s %s <span alpha=\"70%%\">(%s, %.2g)</span>"), arrow, name,
                                kind, r->confidence);
      line = rwb_ui_line (markup);
      row = make_text_row (line, "details.select-relation", g_variant_new_uint32 (index));
      g_object_set_data (G_OBJECT (row), "rwb-relation-type", GINT_TO_POINTER (r->type + 1));
      gtk_list_box_append (self->relations_list, row);

      /* Translators: caption above an evidence sentence: relation type · other entity. */
      g_autofree char *other_name = rwb_isolated_name (entity_at (self, other)->name);
      caption = g_strdup_printf (_("%s · %s"), rwb_relation_type_label (r->type), other_name);
      caption_line = rwb_ui_line (caption);
      append_evidence (self, r, caption_line, sentences, seen);
    }
  gtk_list_box_set_header_func (self->relations_list, relation_header, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->relations_heading), relations->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->relations_list), relations->len > 0);

  /* Mentions no relation's evidence covers still show where the entity was named. The
   * mentions are in text order, so one pass over each document converts their offsets. */
  {
    guint cursor_doc = G_MAXUINT, cursor_cp = 0;
    const char *cursor = NULL;

    for (guint i = 0; i < e->mentions->len && sentences->len <= MAX_SENTENCES; i++)
      {
        const RwbSpan *m = &g_array_index (e->mentions, RwbSpan, i);
        const RwbDocument *doc;
        gboolean covered = FALSE;
        Sentence sentence = { 0 };

        if (m->document >= self->graph->documents->len)
          continue;
        for (guint k = 0; k < sentences->len && !covered; k++)
          {
            const Sentence *s = &g_array_index (sentences, Sentence, k);
            covered = s->document == m->document && s->start <= m->start && m->end <= s->end;
          }
        if (covered)
          continue;

        doc = g_ptr_array_index (self->graph->documents, m->document);
        if (doc->text == NULL || m->start >= doc->length)
          continue;
        if (cursor_doc != m->document || m->start < cursor_cp)
          {
            cursor_doc = m->document;
            cursor_cp = 0;
            cursor = doc->text;
          }
        cursor = g_utf8_offset_to_pointer (cursor, m->start - cursor_cp);
        cursor_cp = m->start;

        if (mention_sentence (doc, cursor, m, &sentence)
            && !has_sentence (seen, sentence.document, sentence.start))
          {
            mark_sentence (seen, sentence.document, sentence.start);
            sentence.caption = g_strdup (_("Mention"));
            g_array_append_val (sentences, sentence);
          }
        else
          sentence_clear (&sentence);
      }
  }

  g_array_sort (sentences, compare_sentences);
  fill_sentences (self, sentences, &entity, 1);
  gtk_label_set_text (self->evidence_heading, _("Sentences"));
  gtk_stack_set_visible_child_name (self->stack, "details");
}

void
rwb_details_panel_show_relation (RwbDetailsPanel *self, guint relation)
{
  g_autoptr (GArray) sentences = g_array_new (FALSE, FALSE, sizeof (Sentence));
  g_autoptr (GHashTable) seen = sentence_set_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *kind = NULL;
  const RwbRelation *r;
  const RwbEntity *source, *target;
  guint ends[2];

  g_return_if_fail (RWB_IS_DETAILS_PANEL (self));
  g_return_if_fail (self->graph != NULL && relation < self->graph->relations->len);

  g_array_set_clear_func (sentences, (GDestroyNotify) sentence_clear);
  r = g_ptr_array_index (self->graph->relations, relation);
  source = entity_at (self, r->source);
  target = entity_at (self, r->target);

  /* Translators: a relation's heading: "Great Wall Motor → Xiaomi"; "↔" when undirected. */
  /* The names isolated in a left-to-right line (LRM first), so "A → B" keeps its order and the
   * arrow its meaning whatever the script of the names and the direction of the window. */
  g_autofree char *source_name = rwb_isolated_name (source->name);
  g_autofree char *target_name = rwb_isolated_name (target->name);
  title = g_strdup_printf (_("%s %s %s"), source_name, r->directed ? "→" : "↔", target_name);
  g_autofree char *title_line = rwb_bidi_line (title, FALSE);
  gtk_label_set_text (self->title_label, title_line);
  kind = g_markup_escape_text (rwb_relation_type_label (r->type), -1);
  /* Translators: under a relation's heading: type and confidence, "Manufacturing · confidence
   * 0.9". */
  subtitle = g_strdup_printf (_("%s · confidence %.2g"), kind, r->confidence);
  gtk_label_set_markup (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->aliases_label), FALSE);

  /* The two ends, to go on to either. */
  clear_list (self->relations_list);
  gtk_list_box_set_header_func (self->relations_list, NULL, NULL, NULL);
  gtk_label_set_text (self->relations_heading, r->directed ? _("From and To") : _("Between"));
  ends[0] = r->source;
  ends[1] = r->target;
  for (guint i = 0; i < 2; i++)
    {
      const RwbEntity *e = entity_at (self, ends[i]);
      g_autofree char *type = type_markup (e->type);
      g_autofree char *name = rwb_isolated_name_markup (e->name);
      g_autofree char *markup = g_strdup_printf ("%s  <span alpha=\"70%%\">%s</span>", name,
                                                 type);
      g_autofree char *line = rwb_ui_line (markup);

      gtk_list_box_append (self->relations_list,
                           make_text_row (line, "details.select-entity",
                                          g_variant_new_int32 ((gint32) ends[i])));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->relations_heading), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->relations_list), TRUE);

  append_evidence (self, r, NULL, sentences, seen);
  g_array_sort (sentences, compare_sentences);
  fill_sentences (self, sentences, ends, 2);
  gtk_label_set_text (self->evidence_heading, _("Evidence"));
  gtk_stack_set_visible_child_name (self->stack, "details");
}

/* Describes what the view has selected: the entity chosen last, else the relation. */
static void
update_from_selection (RwbDetailsPanel *self)
{
  g_autoptr (GArray) entities = NULL;
  gint relation;

  if (self->session == NULL || self->graph == NULL)
    {
      show_empty (self);
      return;
    }
  /* The window's corrections (win.*) for the selection, the canvas context menu's items. */
  {
    g_autoptr (GMenuModel) menu = rwb_edit_menu_new (self->session);

    gtk_menu_button_set_menu_model (self->correct_button, menu);
  }

  entities = rwb_session_get_selected_entities (self->session);
  relation = rwb_session_get_selected_relation (self->session);
  if (entities != NULL && entities->len > 0)
    {
      guint entity = g_array_index (entities, guint, entities->len - 1);

      if (entity < self->graph->entities->len)
        {
          rwb_details_panel_show_entity (self, entity);
          return;
        }
    }
  if (relation >= 0 && (guint) relation < self->graph->relations->len)
    {
      rwb_details_panel_show_relation (self, relation);
      return;
    }
  show_empty (self);
}

static void
select_entity_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RwbDetailsPanel *self = RWB_DETAILS_PANEL (widget);
  gint32 entity = g_variant_get_int32 (parameter);

  if (self->session == NULL || self->graph == NULL || entity < 0
      || (guint) entity >= self->graph->entities->len)
    return;
  rwb_session_reveal_entity (self->session, entity);
}

static void
select_relation_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RwbDetailsPanel *self = RWB_DETAILS_PANEL (widget);
  guint32 relation = g_variant_get_uint32 (parameter);

  if (self->session == NULL || self->graph == NULL || relation >= self->graph->relations->len)
    return;
  rwb_session_select_relation (self->session, relation);
}

static void
show_evidence_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  guint32 document, start, end;

  g_variant_get (parameter, "(uuu)", &document, &start, &end);
  g_signal_emit (widget, signals[SIGNAL_EVIDENCE_ACTIVATED], 0, document, start, end);
}

static void
rwb_details_panel_dispose (GObject *object)
{
  RwbDetailsPanel *self = RWB_DETAILS_PANEL (object);
  GtkWidget *child;

  rwb_details_panel_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RWB_TYPE_DETAILS_PANEL);
  /* Only bound template children are unparented by the call above; the root of the template
   * may not be one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->graph, rwb_graph_unref);

  G_OBJECT_CLASS (rwb_details_panel_parent_class)->dispose (object);
}

static void
rwb_details_panel_class_init (RwbDetailsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rwb_details_panel_dispose;


  signals[SIGNAL_EVIDENCE_ACTIVATED] =
    g_signal_new ("evidence-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "details.select-entity", "i",
                                   select_entity_action);
  gtk_widget_class_install_action (widget_class, "details.select-relation", "u",
                                   select_relation_action);
  gtk_widget_class_install_action (widget_class, "details.show-evidence", "(uuu)",
                                   show_evidence_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rawabit/Rawabit/rwb-details-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RwbDetailsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, RwbDetailsPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, RwbDetailsPanel, correct_button);
  gtk_widget_class_bind_template_child (widget_class, RwbDetailsPanel, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RwbDetailsPanel, aliases_label);
  gtk_widget_class_bind_template_child (widget_class, RwbDetailsPanel, relations_heading);
  gtk_widget_class_bind_template_child (widget_class, RwbDetailsPanel, relations_list);
  gtk_widget_class_bind_template_child (widget_class, RwbDetailsPanel, evidence_heading);
  gtk_widget_class_bind_template_child (widget_class, RwbDetailsPanel, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, RwbDetailsPanel, more_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rwb-details-panel");
}

/* "Almarai agrees to supply Nadec · 20 Mar 2024": the article the sentences below are from. */
static char *
article_heading (const RwbDocument *doc, guint index)
{
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;

  if (doc->title != NULL && *doc->title != '\0')
    title = g_strdup (doc->title);
  else if (doc->path != NULL)
    title = g_path_get_basename (doc->path);
  else
    /* Translators: an article without a title or a file name; %u counts from 1. */
    title = g_strdup_printf (_("Article %u"), index + 1);
  if (doc->date != NULL)
    {
      int y, m, d;
      g_autoptr (GDateTime) dt = NULL;

      if (sscanf (doc->date, "%d-%d-%d", &y, &m, &d) == 3
          && (dt = g_date_time_new_utc (y, m, d, 0, 0, 0)) != NULL)
        /* Translators: an article's date above its sentences, in g_date_time_format's notation. */
        date = g_date_time_format (dt, _("%-d %b %Y"));
    }
  /* Translators: heading of an article's sentences: its title · its date. */
  if (date == NULL)
    return g_steal_pointer (&title);
  {
    /* Each part isolated (FSI…PDI), so a Latin date keeps its order beside an Arabic title,
     * and the line in the window's direction. */
    g_autofree char *t = rwb_bidi_isolate (title);
    g_autofree char *d = rwb_bidi_isolate (date);
    g_autofree char *line = g_strdup_printf (_("%s · %s"), t, d);

    return rwb_ui_line (line);
  }
}

/* Evidence and sentences are grouped by article under a heading with its title and date. */
static void
evidence_header (GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
  RwbDetailsPanel *self = user_data;
  guint doc = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "rwb-document"));
  guint before_doc = before == NULL
                       ? 0 : GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (before), "rwb-document"));
  g_autofree char *text = NULL;
  GtkWidget *header;

  if (doc == 0 || doc == before_doc || self->graph == NULL
      || doc - 1 >= self->graph->documents->len)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  text = article_heading (g_ptr_array_index (self->graph->documents, doc - 1), doc - 1);
  header = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (header), PANGO_WRAP_WORD_CHAR);
  set_direction_from_text (header, text);
  gtk_widget_add_css_class (header, "rwb-group-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_name (header, "article-heading");
  gtk_list_box_row_set_header (row, header);
}

static void
rwb_details_panel_init (RwbDetailsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->evidence_list, evidence_header, self, NULL);
}

GtkWidget *
rwb_details_panel_new (void)
{
  return g_object_new (RWB_TYPE_DETAILS_PANEL, NULL);
}

void
rwb_details_panel_set_session (RwbDetailsPanel *self, RwbSession *session)
{
  g_return_if_fail (RWB_IS_DETAILS_PANEL (self));
  g_return_if_fail (session == NULL || RWB_IS_SESSION (session));

  if (!rwb_session_replace (&self->session, session, self))
    return;
  if (session != NULL)
    g_signal_connect_swapped (session, "selection-changed", G_CALLBACK (update_from_selection),
                              self);

  update_from_selection (self);
}

void
rwb_details_panel_set_graph (RwbDetailsPanel *self, RwbGraph *graph)
{
  g_return_if_fail (RWB_IS_DETAILS_PANEL (self));

  if (graph != self->graph)
    {
      g_clear_pointer (&self->graph, rwb_graph_unref);
      if (graph != NULL)
        self->graph = rwb_graph_ref (graph);
    }
  update_from_selection (self);
}
