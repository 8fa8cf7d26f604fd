/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-article-view.c — the article a graph was read from, with its mentions marked.
 *
 * The buffer holds the document's text exactly as loaded, so the code-point offsets of
 * mentions and evidence are GtkTextBuffer character offsets as they are, with no conversion.
 * Mentions are tinted (background and underline in the entity type's colour) rather than
 * recoloured, which keeps them readable in a light and a dark theme without a second palette.
 */
#define G_LOG_DOMAIN "rawabit-article-view"

#include "rwb-config.h"

#include <glib/gi18n.h>

#include "rwb-article-view.h"
#include "rwb-labels.h"

struct _RwbArticleView
{
  GtkWidget parent_instance;

  /* Template children */
  GtkDropDown *document_dropdown;
  GtkTextView *text_view;

  RwbSession *session;
  RwbGraph *graph;
  gint document;                /* shown, or -1 */
  GArray *mentions;             /* Mention of the document shown, by start */

  GtkTextTag *evidence_tag;
  GtkTextTag *selected_tag;
  GtkTextTag *type_tags[RWB_ENTITY_N_TYPES];
  GtkTextMark *evidence_mark;
  gboolean changing_document;   /* while the drop-down follows the API */
  gboolean scroll_pending;      /* scroll to evidence_mark once the text view has lines */
  guint scroll_tick;            /* its tick callback, 0 */
  guint scroll_frames;          /* frames it has run */
};

typedef struct
{
  guint start, end;
  guint entity;
} Mention;

G_DEFINE_FINAL_TYPE (RwbArticleView, rwb_article_view, GTK_TYPE_WIDGET)

static int
compare_mentions (gconstpointer a, gconstpointer b)
{
  const Mention *ma = a, *mb = b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  return ma->end < mb->end ? 1 : ma->end > mb->end ? -1 : 0;
}

/* The mention covering character @offset, or NULL. Mentions do not nest in practice; where
 * two overlap, the earlier (longer) one wins, as it does in the tags. */
static const Mention *
mention_at (RwbArticleView *self, guint offset)
{
  guint lo = 0, hi = self->mentions->len;

  /* The last mention starting at or before @offset. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->mentions, Mention, mid).start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i > 0 && i + 8 > lo; i--)
    {
      const Mention *m = &g_array_index (self->mentions, Mention, i - 1);

      if (m->start <= offset && offset < m->end)
        return m;
    }
  return NULL;
}

static void
apply_range (GtkTextBuffer *buffer, GtkTextTag *tag, guint start, guint end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_apply_tag (buffer, tag, &a, &b);
}

/* Emphasizes the mentions of the entity the graph view selected. */
static void
update_selected (RwbArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr (GArray) selected = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->selected_tag, &start, &end);
  if (self->session == NULL || self->graph == NULL || self->document < 0)
    return;

  selected = rwb_session_get_selected_entities (self->session);
  for (guint i = 0; selected != NULL && i < selected->len; i++)
    {
      guint index = g_array_index (selected, guint, i);
      const RwbEntity *entity;

      if (index >= self->graph->entities->len)
        continue;
      entity = g_ptr_array_index (self->graph->entities, index);
      for (guint k = 0; k < entity->mentions->len; k++)
        {
          const RwbSpan *m = &g_array_index (entity->mentions, RwbSpan, k);

          if (m->document == (guint) self->document)
            apply_range (buffer, self->selected_tag, m->start, m->end);
        }
    }
}

void
rwb_article_view_show_document (RwbArticleView *self, guint document)
{
  GtkTextBuffer *buffer;
  const RwbDocument *doc;
  GtkTextIter start;

  g_return_if_fail (RWB_IS_ARTICLE_VIEW (self));
  g_return_if_fail (self->graph != NULL && document < self->graph->documents->len);

  if (self->document == (gint) document)
    return;

  buffer = gtk_text_view_get_buffer (self->text_view);
  doc = g_ptr_array_index (self->graph->documents, document);
  self->document = document;
  g_array_set_size (self->mentions, 0);

  if (doc->text == NULL)
    {
      /* A graph read from a file keeps offsets but not always the text. */
      gtk_text_buffer_set_text (buffer, _("The text of this article is not available."), -1);
      gtk_widget_set_direction (GTK_WIDGET (self->text_view), GTK_TEXT_DIR_NONE);
    }
  else
    {
      guint length;

      gtk_text_buffer_set_text (buffer, doc->text, -1);
      length = gtk_text_buffer_get_char_count (buffer);
      /* Neutral paragraphs (numbers, a date line) follow the article's language; each other
       * paragraph takes the direction of its first strong letter anyway. */
      gtk_widget_set_direction (GTK_WIDGET (self->text_view),
                                g_strcmp0 (doc->language, "ar") == 0 ? GTK_TEXT_DIR_RTL
                                                                      : GTK_TEXT_DIR_LTR);

      for (guint e = 0; e < self->graph->entities->len; e++)
        {
          const RwbEntity *entity = g_ptr_array_index (self->graph->entities, e);

          for (guint k = 0; k < entity->mentions->len; k++)
            {
              const RwbSpan *span = &g_array_index (entity->mentions, RwbSpan, k);
              Mention m = { span->start, span->end, e };

              if (span->document == document && span->start < span->end && span->end <= length)
                g_array_append_val (self->mentions, m);
            }
        }
      g_array_sort (self->mentions, compare_mentions);

      for (guint i = 0; i < self->mentions->len; i++)
        {
          const Mention *m = &g_array_index (self->mentions, Mention, i);
          const RwbEntity *entity = g_ptr_array_index (self->graph->entities, m->entity);

          apply_range (buffer, self->type_tags[entity->type], m->start, m->end);
        }
    }

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  update_selected (self);

  self->changing_document = TRUE;
  gtk_drop_down_set_selected (self->document_dropdown, document);
  self->changing_document = FALSE;
}

gint
rwb_article_view_get_document (RwbArticleView *self)
{
  g_return_val_if_fail (RWB_IS_ARTICLE_VIEW (self), -1);

  return self->document;
}

/* Whether the evidence mark's line is in the visible part of the text view. */
static gboolean
mark_visible (RwbArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GdkRectangle visible, location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, self->evidence_mark);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  return visible.height > 0 && location.y + location.height > visible.y
         && location.y < visible.y + visible.height;
}

/* Once the text view is mapped and sized, scroll to the evidence on each frame until its line
 * is in view (the lines are measured over a few frames), for at most about a second. */
static gboolean
scroll_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  RwbArticleView *self = data;

  if (!self->scroll_pending || ++self->scroll_frames > 60)
    {
      self->scroll_pending = FALSE;
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (gtk_widget_get_height (widget) <= 0)
    return G_SOURCE_CONTINUE;
  if (mark_visible (self))
    {
      self->scroll_pending = FALSE;
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_text_view_scroll_to_mark (self->text_view, self->evidence_mark, 0.05, TRUE, 0.0, 0.3);
  return G_SOURCE_CONTINUE;
}

static void
schedule_scroll (RwbArticleView *self)
{
  self->scroll_frames = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view),
                                                      scroll_tick_cb, self, NULL);
}

static void
on_text_view_map (GtkWidget *widget, RwbArticleView *self)
{
  if (self->scroll_pending)
    schedule_scroll (self);
}

void
rwb_article_view_show_span (RwbArticleView *self, guint document, guint start, guint end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  g_return_if_fail (RWB_IS_ARTICLE_VIEW (self));
  g_return_if_fail (self->graph != NULL && document < self->graph->documents->len);
  g_return_if_fail (start <= end);

  rwb_article_view_show_document (self, document);
  buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_text_buffer_get_bounds (buffer, &a, &b);
  gtk_text_buffer_remove_tag (buffer, self->evidence_tag, &a, &b);
  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_apply_tag (buffer, self->evidence_tag, &a, &b);
  /* Selected too, so Ctrl+C copies the sentence the user asked for. */
  gtk_text_buffer_select_range (buffer, &a, &b);

  /* A mark, not an iter: the view scrolls once its lines are measured, which for a text set
   * a moment ago has not happened yet. */
  gtk_text_buffer_move_mark (buffer, self->evidence_mark, &a);
  gtk_text_view_scroll_to_mark (self->text_view, self->evidence_mark, 0.05, TRUE, 0.0, 0.3);
  /* A text view that was never shown (the Article page before its first visit) has no size
   * and no lines yet: the scroll above is lost, and so was the article, left at an offset past
   * its text. Scroll again once it is mapped and laid out. */
  self->scroll_pending = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    schedule_scroll (self);
}

static void
select_entity_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RwbArticleView *self = RWB_ARTICLE_VIEW (widget);
  gint32 entity = g_variant_get_int32 (parameter);

  if (self->session == NULL || self->graph == NULL || entity < 0
      || (guint) entity >= self->graph->entities->len)
    return;
  rwb_session_reveal_entity (self->session, entity);
}

static const Mention *
mention_at_point (RwbArticleView *self, double x, double y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, (int) x,
                                         (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return NULL;
  return mention_at (self, gtk_text_iter_get_offset (&iter));
}

static void
on_click_released (GtkGestureClick *gesture, int n_press, double x, double y,
                   RwbArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const Mention *m;

  /* A drag that selected text is for copying, not for going to the graph. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;
  m = mention_at_point (self, x, y);
  if (m != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "article.select-entity", "i",
                                (gint32) m->entity);
}

static void
on_motion (GtkEventControllerMotion *controller, double x, double y, RwbArticleView *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view),
                                   mention_at_point (self, x, y) != NULL ? "pointer" : "text");
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  RwbArticleView *self)
{
  const Mention *m;
  const RwbEntity *entity;
  g_autofree char *text = NULL;

  if (keyboard || self->graph == NULL)
    return FALSE;
  m = mention_at_point (self, x, y);
  if (m == NULL)
    return FALSE;
  entity = g_ptr_array_index (self->graph->entities, m->entity);
  /* The name isolated (FSI … PDI): its script does not reorder the parenthesis. */
  g_autofree char *shown = rwb_display_name (entity->name, RWB_DISPLAY_NAME_MAX);
  g_autofree char *name = rwb_bidi_isolate (shown);
  /* Translators: tooltip over a mention in the article: name and type, "Xiaomi (Company)". */
  text = g_strdup_printf (_("%s (%s)"), name, rwb_entity_type_label (entity->type));
  g_autofree char *line = rwb_ui_line (text);
  gtk_tooltip_set_text (tooltip, line);
  return TRUE;
}

static void
on_document_selected (GtkDropDown *dropdown, GParamSpec *pspec, RwbArticleView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->changing_document || self->graph == NULL
      || selected >= self->graph->documents->len)
    return;
  rwb_article_view_show_document (self, selected);
}

static void
rwb_article_view_dispose (GObject *object)
{
  RwbArticleView *self = RWB_ARTICLE_VIEW (object);
  GtkWidget *child;

  rwb_article_view_set_session (self, NULL);
  if (self->scroll_tick != 0 && self->text_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->scroll_tick);
  self->scroll_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), RWB_TYPE_ARTICLE_VIEW);
  /* Only bound template children are unparented by the call above; the root of the template
   * may not be one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->graph, rwb_graph_unref);

  G_OBJECT_CLASS (rwb_article_view_parent_class)->dispose (object);
}

static void
rwb_article_view_finalize (GObject *object)
{
  RwbArticleView *self = RWB_ARTICLE_VIEW (object);

  g_clear_pointer (&self->mentions, g_array_unref);

  G_OBJECT_CLASS (rwb_article_view_parent_class)->finalize (object);
}

static void
rwb_article_view_class_init (RwbArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rwb_article_view_dispose;
  object_class->finalize = rwb_article_view_finalize;


  gtk_widget_class_install_action (widget_class, "article.select-entity", "i",
                                   select_entity_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rawabit/Rawabit/rwb-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RwbArticleView, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RwbArticleView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_document_selected);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rwb-article-view");
}

static void
rwb_article_view_init (RwbArticleView *self)
{
  GtkTextBuffer *buffer;
  GtkEventController *motion;
  GtkGesture *click;
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->document = -1;
  self->mentions = g_array_new (FALSE, FALSE, sizeof (Mention));

  /* Created lowest priority first: the evidence tint lies under the mention tints. */
  buffer = gtk_text_view_get_buffer (self->text_view);
  self->evidence_tag = gtk_text_buffer_create_tag (buffer, "evidence",
                                                   "background-rgba",
                                                   &(GdkRGBA) { 0.96, 0.83, 0.18, 0.35 },
                                                   NULL);
  for (guint t = 0; t < RWB_ENTITY_N_TYPES; t++)
    {
      g_autofree char *name = g_strconcat ("mention-", rwb_entity_type_to_string (t), NULL);
      GdkRGBA color, tint;

      gdk_rgba_parse (&color, rwb_entity_type_color (t));
      tint = color;
      tint.alpha = 0.22f;
      self->type_tags[t] = gtk_text_buffer_create_tag (buffer, name,
                                                       "background-rgba", &tint,
                                                       "underline", PANGO_UNDERLINE_SINGLE,
                                                       "underline-rgba", &color,
                                                       NULL);
    }
  self->selected_tag = gtk_text_buffer_create_tag (buffer, "selected-entity",
                                                   "weight", PANGO_WEIGHT_BOLD,
                                                   NULL);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->evidence_mark = gtk_text_buffer_create_mark (buffer, "evidence", &start, TRUE);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
  g_signal_connect (self->text_view, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  g_signal_connect (self->text_view, "map", G_CALLBACK (on_text_view_map), self);
}

GtkWidget *
rwb_article_view_new (void)
{
  return g_object_new (RWB_TYPE_ARTICLE_VIEW, NULL);
}

void
rwb_article_view_set_session (RwbArticleView *self, RwbSession *session)
{
  g_return_if_fail (RWB_IS_ARTICLE_VIEW (self));
  g_return_if_fail (session == NULL || RWB_IS_SESSION (session));

  if (!rwb_session_replace (&self->session, session, self))
    return;
  if (session != NULL)
    g_signal_connect_swapped (session, "selection-changed", G_CALLBACK (update_selected), self);

}

void
rwb_article_view_set_graph (RwbArticleView *self, RwbGraph *graph)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  g_return_if_fail (RWB_IS_ARTICLE_VIEW (self));

  if (graph == self->graph)
    return;

  g_clear_pointer (&self->graph, rwb_graph_unref);
  if (graph != NULL)
    self->graph = rwb_graph_ref (graph);
  self->document = -1;
  g_array_set_size (self->mentions, 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);

  for (guint i = 0; graph != NULL && i < graph->documents->len; i++)
    {
      const RwbDocument *doc = g_ptr_array_index (graph->documents, i);
      g_autofree char *name = doc->path != NULL ? g_path_get_basename (doc->path)
                                                : g_strdup (doc->id);

      gtk_string_list_append (names, name);
    }
  self->changing_document = TRUE;
  gtk_drop_down_set_model (self->document_dropdown, G_LIST_MODEL (names));
  self->changing_document = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->document_dropdown),
                          graph != NULL && graph->documents->len > 1);

  if (graph != NULL && graph->documents->len > 0)
    rwb_article_view_show_document (self, 0);
}

/**
 * rwb_article_view_get_selection:
 * The span of the shown article's text the user selected (see rwb-article-view.h).
 */
gboolean
rwb_article_view_get_selection (RwbArticleView *self, guint *document, guint *start, guint *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;
  const RwbDocument *doc;

  g_return_val_if_fail (RWB_IS_ARTICLE_VIEW (self), FALSE);

  if (self->graph == NULL || self->document < 0
      || (guint) self->document >= self->graph->documents->len)
    return FALSE;
  doc = g_ptr_array_index (self->graph->documents, self->document);
  /* Without its text the buffer holds a notice, not the article. */
  if (doc->text == NULL)
    return FALSE;
  buffer = gtk_text_view_get_buffer (self->text_view);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return FALSE;
  *document = (guint) self->document;
  *start = (guint) gtk_text_iter_get_offset (&a);
  *end = (guint) gtk_text_iter_get_offset (&b);
  return *end > *start && *end <= doc->length;
}
