/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-panels.c — the sidebar panels and the search bar in the real window, on the sample
 * article: details of a selection, the article with its mentions, the entity list and its
 * collation, search in the Arabic matching form, filters, rank direction, and the engine and
 * Cancel for a large graph.
 *
 * Runs under xvfb-run (see meson.build). Every wait has a time limit that fails the test.
 */
#define G_LOG_DOMAIN "rawabit-test-panels"

#include "rwb-config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "rwb-application.h"
#include "rwb-article-view.h"
#include "rwb-collate.h"
#include "rwb-details-panel.h"
#include "rwb-entity-item.h"
#include "rwb-entity-list.h"
#include "rwb-filter-panel.h"
#include "rwb-graph-view.h"
#include "rwb-layout.h"
#include "rwb-search-bar.h"
#include "rwb-window.h"

#include "gui-test-util.h"

static RwbApplication *app;
static RwbWindow *window;

static gpointer
window_child (const char *name)
{
  return template_child_of (window, RWB_TYPE_WINDOW, name);
}

static gpointer
panel_child (gpointer panel, GType type, const char *name)
{
  return template_child_of (panel, type, name);
}

static RwbGraphView *
graph_view (void)
{
  return RWB_GRAPH_VIEW (window_child ("graph_view"));
}

static RwbGraph *
graph (void)
{
  const RwbScene *scene = rwb_graph_view_get_scene (graph_view ());

  g_assert_nonnull (scene);
  return scene->graph;
}

static guint
entity_named (const char *name)
{
  return view_entity_named (graph_view (), name);
}

static gint
relation_of (guint source, guint target, RwbRelationType type)
{
  RwbGraph *g = graph ();

  for (guint i = 0; i < g->relations->len; i++)
    {
      const RwbRelation *r = g_ptr_array_index (g->relations, i);

      if (r->type == type && r->source == source && r->target == target)
        return i;
    }
  return -1;
}

/* The selection as "e1,e2" or "r5", for messages and comparisons. */
static char *
selection_string (void)
{
  g_autoptr (GArray) entities = rwb_graph_view_get_selected_entities (graph_view ());
  gint relation = rwb_graph_view_get_selected_relation (graph_view ());
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < entities->len; i++)
    g_string_append_printf (s, "%se%u", i ? "," : "", g_array_index (entities, guint, i));
  if (relation >= 0)
    g_string_append_printf (s, "%sr%d", s->len ? "," : "", relation);
  return g_string_free (s, FALSE);
}

static void
assert_selected_entity (guint entity)
{
  g_autofree char *expected = g_strdup_printf ("e%u", entity);
  g_autofree char *actual = selection_string ();

  g_assert_cmpstr (actual, ==, expected);
}

/* The sample was given on the command line (see main()); wait until it is on screen. */
static void
ensure_sample_open (void)
{
  window = wait_for_sample (app, window);
  /* Each test starts from the whole graph, nothing selected. */
  rwb_graph_view_select_entity (graph_view (), -1, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (graph_view ()), "view.fit", NULL);
}

/* --- Pictures ------------------------------------------------------------------------------ */

/* The whole window as the compositor gets it, saved as @name; the size rules out a window
 * that never got mapped. */
static Picture *
render_window (const char *name)
{
  Picture *picture = render_widget (GTK_WIDGET (window), name);

  g_assert_cmpint (picture->width, >, 100);
  g_assert_cmpint (picture->height, >, 100);
  return picture;
}

/* Where the graph view is in the picture, and its most frequent colour. */
static void
view_area (const Picture *picture, int *x0, int *y0, int *x1, int *y1, guint32 *background)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
  graphene_rect_t area;
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0;
  double sx, sy;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (graph_view ()), GTK_WIDGET (window),
                                            &area));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  *x0 = MAX (0, (int) (area.origin.x + sx));
  *y0 = MAX (0, (int) (area.origin.y + sy));
  *x1 = MIN (picture->width, (int) (area.origin.x + sx + area.size.width));
  *y1 = MIN (picture->height, (int) (area.origin.y + sy + area.size.height));
  g_assert_cmpint (*x1 - *x0, >, 200);
  g_assert_cmpint (*y1 - *y0, >, 200);

  for (int y = *y0; y < *y1; y++)
    for (int x = *x0; x < *x1; x++)
      {
        gpointer k = GUINT_TO_POINTER (pixel_at (picture, x, y) | 0x1000000);
        g_hash_table_insert (counts, k,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, k)) + 1));
      }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best)
      {
        best = GPOINTER_TO_UINT (value);
        *background = GPOINTER_TO_UINT (key) & 0xffffff;
      }
}

/* Whether anything is drawn around the centre of @entity's node. */
static gboolean
entity_drawn (const Picture *picture, guint entity)
{
  const RwbScene *scene = rwb_graph_view_get_scene (graph_view ());
  gint node = rwb_scene_find_node (scene, entity);
  const RwbSceneNode *n;
  int x0, y0, x1, y1, px, py;
  guint32 background = 0;
  RwbViewport vp;

  g_assert_cmpint (node, >=, 0);
  n = &g_array_index (scene->nodes, RwbSceneNode, node);
  view_area (picture, &x0, &y0, &x1, &y1, &background);
  rwb_graph_view_get_viewport (graph_view (), &vp);
  px = (int) (x0 + (n->x - vp.origin_x) * vp.scale);
  py = (int) (y0 + (n->y - vp.origin_y) * vp.scale);

  for (int dy = -3; dy <= 3; dy++)
    for (int dx = -3; dx <= 3; dx++)
      if (px + dx >= x0 && px + dx < x1 && py + dy >= y0 && py + dy < y1
          && colour_distance (pixel_at (picture, px + dx, py + dy), background) > 30)
        return TRUE;
  return FALSE;
}

/* --- Details ------------------------------------------------------------------------------- */

/* The sentence label of each evidence row (the last label in the row). */
static GPtrArray *
evidence_labels (RwbDetailsPanel *panel)
{
  GtkWidget *list = panel_child (panel, RWB_TYPE_DETAILS_PANEL, "evidence_list");
  GPtrArray *labels = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      g_ptr_array_add (labels, gtk_widget_get_last_child (box));
    }
  return labels;
}

static GtkWidget *
first_row (RwbDetailsPanel *panel, const char *list_name)
{
  GtkWidget *list = panel_child (panel, RWB_TYPE_DETAILS_PANEL, list_name);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      return row;
  return NULL;
}

static void
test_details_entity (void)
{
  RwbDetailsPanel *panel;
  g_autoptr (GPtrArray) labels = NULL;
  const char *highlight = "background=\"#3584e4\"";
  GtkStack *stack;
  GtkWidget *row;
  GVariant *target;
  guint xiaomi, highlighted = 0;

  ensure_sample_open ();
  panel = window_child ("details_panel");
  stack = panel_child (panel, RWB_TYPE_DETAILS_PANEL, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  xiaomi = entity_named ("Xiaomi");
  rwb_graph_view_select_entity (graph_view (), xiaomi, FALSE);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "details");
  g_assert_cmpstr (gtk_label_get_text (panel_child (panel, RWB_TYPE_DETAILS_PANEL, "title_label")),
                   ==, "Xiaomi");
  g_assert_nonnull (strstr (gtk_label_get_text (panel_child (panel, RWB_TYPE_DETAILS_PANEL,
                                                             "subtitle_label")),
                            "Company"));
  g_assert_nonnull (strstr (gtk_label_get_text (panel_child (panel, RWB_TYPE_DETAILS_PANEL,
                                                             "aliases_label")),
                            "شاومي"));

  /* Every sentence names Xiaomi, and the name is highlighted in the company colour. */
  labels = evidence_labels (panel);
  g_test_message ("%u sentences for Xiaomi", labels->len);
  g_assert_cmpuint (labels->len, >=, 1);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *markup = gtk_label_get_label (labels->pdata[i]);

      if (strstr (markup, highlight) != NULL && strstr (markup, ">شاومي</span>") != NULL)
        highlighted++;
    }
  g_assert_cmpuint (highlighted, >=, 1);

  /* A relation line selects its relation. */
  row = first_row (panel, "relations_list");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==,
                   "details.select-relation");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
  gtk_widget_activate (row);
  g_assert_cmpint (rwb_graph_view_get_selected_relation (graph_view ()), ==,
                   (gint) g_variant_get_uint32 (target));
}

static void
test_details_relation (void)
{
  RwbDetailsPanel *panel;
  RwbArticleView *article;
  g_autoptr (GPtrArray) labels = NULL;
  const RwbRelation *relation;
  const RwbEvidence *evidence;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *title;
  gint index;

  ensure_sample_open ();
  panel = window_child ("details_panel");
  article = window_child ("article_view");

  /* Great Wall makes Xiaomi's cars: the relation the sample is about. */
  index = relation_of (entity_named ("Great Wall Motor"), entity_named ("Xiaomi"),
                       RWB_RELATION_MANUFACTURING);
  g_assert_cmpint (index, >=, 0);
  relation = g_ptr_array_index (graph ()->relations, index);
  rwb_graph_view_select_relation (graph_view (), index);

  title = gtk_label_get_text (panel_child (panel, RWB_TYPE_DETAILS_PANEL, "title_label"));
  /* The names isolated (FSI … PDI) in a left-to-right line (LRM), whatever their script. */
  g_assert_cmpstr (title, ==, "\u200e\u2068Great Wall Motor\u2069 → \u2068Xiaomi\u2069");
  g_assert_nonnull (strstr (gtk_label_get_text (panel_child (panel, RWB_TYPE_DETAILS_PANEL,
                                                             "subtitle_label")),
                            "Manufacturing"));

  /* One row per evidence sentence, both ends highlighted. */
  labels = evidence_labels (panel);
  g_assert_cmpuint (labels->len, ==, relation->evidence->len);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *markup = gtk_label_get_label (labels->pdata[i]);
      guint spans = 0;

      for (const char *p = strstr (markup, "<span background"); p != NULL;
           p = strstr (p + 1, "<span background"))
        spans++;
      g_test_message ("evidence %u: %u highlights", i, spans);
      g_assert_cmpuint (spans, >=, 2);
    }

  /* Clicking a sentence shows it in its article, selected. */
  evidence = &g_array_index (relation->evidence, RwbEvidence, 0);
  gtk_widget_activate (first_row (panel, "evidence_list"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child ("sidebar_stack")), ==,
                   "article");
  g_assert_cmpint (rwb_article_view_get_document (article), ==, evidence->document);
  buffer = gtk_text_view_get_buffer (panel_child (article, RWB_TYPE_ARTICLE_VIEW, "text_view"));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, evidence->start);
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, evidence->end);
  g_assert_true (gtk_text_iter_has_tag (&start,
                                        gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                   "evidence")));
  {
    g_autofree char *shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_autofree char *sentence = rwb_graph_evidence_text (graph (), evidence);

    g_assert_cmpstr (shown, ==, sentence);
  }

  gtk_stack_set_visible_child_name (window_child ("sidebar_stack"), "details");
}

/* --- Article ------------------------------------------------------------------------------- */

static void
test_article_mentions (void)
{
  RwbArticleView *article;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkTextTagTable *tags;
  const RwbDocument *doc;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  guint checked = 0;

  ensure_sample_open ();
  article = window_child ("article_view");
  text_view = panel_child (article, RWB_TYPE_ARTICLE_VIEW, "text_view");
  buffer = gtk_text_view_get_buffer (text_view);
  tags = gtk_text_buffer_get_tag_table (buffer);
  doc = g_ptr_array_index (graph ()->documents, 0);

  rwb_article_view_show_document (article, 0);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, doc->text);
  /* The sample is Arabic: right to left. */
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (text_view)), ==, GTK_TEXT_DIR_RTL);

  /* Each mention is one run of its type's tag, exactly over the mention's text. */
  for (guint e = 0; e < graph ()->entities->len; e++)
    {
      const RwbEntity *entity = g_ptr_array_index (graph ()->entities, e);
      g_autofree char *tag_name = g_strconcat ("mention-", rwb_entity_type_to_string (entity->type),
                                               NULL);
      GtkTextTag *tag = gtk_text_tag_table_lookup (tags, tag_name);

      g_assert_nonnull (tag);
      for (guint k = 0; k < entity->mentions->len; k++)
        {
          const RwbSpan *m = &g_array_index (entity->mentions, RwbSpan, k);
          g_autofree char *expected = g_utf8_substring (doc->text, m->start, m->end);
          g_autofree char *tagged = NULL;
          GtkTextIter a, b;

          gtk_text_buffer_get_iter_at_offset (buffer, &a, m->start);
          g_assert_true (gtk_text_iter_starts_tag (&a, tag));
          b = a;
          g_assert_true (gtk_text_iter_forward_to_tag_toggle (&b, tag));
          g_assert_cmpint (gtk_text_iter_get_offset (&b), ==, m->end);
          tagged = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
          g_assert_cmpstr (tagged, ==, expected);
          checked++;
        }
    }
  g_test_message ("%u mentions tagged", checked);
  g_assert_cmpuint (checked, >=, 10);

  /* A mention selects its entity and centres it (what a click on it does). */
  {
    guint china = entity_named ("China");
    const RwbScene *scene = rwb_graph_view_get_scene (graph_view ());
    const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode,
                                            rwb_scene_find_node (scene, china));
    RwbViewport vp;
    double cx, cy;

    gtk_widget_activate_action (GTK_WIDGET (article), "article.select-entity", "i",
                                (gint32) china);
    assert_selected_entity (china);
    rwb_graph_view_get_viewport (graph_view (), &vp);
    cx = (n->x - vp.origin_x) * vp.scale;
    cy = (n->y - vp.origin_y) * vp.scale;
    g_assert_cmpfloat (fabs (cx - gtk_widget_get_width (GTK_WIDGET (graph_view ())) / 2.0), <, 2);
    g_assert_cmpfloat (fabs (cy - gtk_widget_get_height (GTK_WIDGET (graph_view ())) / 2.0), <, 2);

    /* And the article emphasizes the selected entity's mentions. */
    {
      const RwbSpan *m = &g_array_index (((const RwbEntity *) g_ptr_array_index (graph ()->entities,
                                                                                china))->mentions,
                                         RwbSpan, 0);
      GtkTextIter a;

      gtk_text_buffer_get_iter_at_offset (buffer, &a, m->start);
      g_assert_true (gtk_text_iter_has_tag (&a, gtk_text_tag_table_lookup (tags,
                                                                           "selected-entity")));
    }
  }
  gtk_widget_activate_action (GTK_WIDGET (graph_view ()), "view.fit", NULL);
}

/* --- Entity list --------------------------------------------------------------------------- */

static guint
position_of (GListModel *model, guint entity)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (RwbEntityItem) item = g_list_model_get_item (model, i);

      if (rwb_entity_item_get_index (item) == entity)
        return i;
    }
  g_assert_not_reached ();
}

static void
test_entity_list (void)
{
  RwbEntityList *list;
  GtkColumnView *column_view;
  GtkSelectionModel *selection;
  GListModel *model;
  guint baidu, geely, xiaomi, n;

  ensure_sample_open ();
  list = window_child ("entity_list");
  column_view = panel_child (list, RWB_TYPE_ENTITY_LIST, "column_view");
  selection = gtk_column_view_get_model (column_view);
  model = rwb_entity_list_get_model (list);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, graph ()->entities->len);

  /* The Relations column counts relations, not co-occurrences. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RwbEntityItem) item = g_list_model_get_item (model, i);

      g_assert_cmpuint (rwb_entity_item_get_degree (item), ==,
                        rwb_graph_entity_degree (graph (), rwb_entity_item_get_index (item),
                                                 FALSE));
    }

  /* Activating a row (double click, Enter) selects and centres its entity. */
  baidu = entity_named ("Baidu");
  g_signal_emit_by_name (column_view, "activate", position_of (model, baidu));
  assert_selected_entity (baidu);

  /* So does selecting it (a single click). */
  geely = entity_named ("Geely");
  gtk_selection_model_select_item (selection, position_of (model, geely), TRUE);
  assert_selected_entity (geely);

  /* And the list follows a selection made elsewhere. */
  xiaomi = entity_named ("Xiaomi");
  rwb_graph_view_select_entity (graph_view (), xiaomi, FALSE);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==,
                    position_of (model, xiaomi));
  rwb_graph_view_select_entity (graph_view (), -1, FALSE);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==,
                    GTK_INVALID_LIST_POSITION);

  /* Sorting by the Relations header, most first. */
  gtk_column_view_sort_by_column (column_view,
                                  panel_child (list, RWB_TYPE_ENTITY_LIST, "degree_column"),
                                  GTK_SORT_DESCENDING);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr (RwbEntityItem) a = g_list_model_get_item (model, i - 1);
      g_autoptr (RwbEntityItem) b = g_list_model_get_item (model, i);

      g_assert_cmpuint (rwb_entity_item_get_degree (a), >=, rwb_entity_item_get_degree (b));
    }
  {
    g_autoptr (RwbEntityItem) top = g_list_model_get_item (model, 0);
    g_assert_cmpstr (rwb_entity_item_get_name (top), ==, "Great Wall Motor");
  }
  gtk_column_view_sort_by_column (column_view,
                                  panel_child (list, RWB_TYPE_ENTITY_LIST, "name_column"),
                                  GTK_SORT_ASCENDING);
}

/* Arabic and Latin names in the list sort as readers sort them, not by bytes. */
static void
test_entity_list_collation (void)
{
  static const char *const names[] = { "يوتا", "Zoom", "بايدو", "إنتل", "apple", "ابل" };
  /* All alef forms are one letter (so ابل before إنتل, against byte order); case does not
   * put "Zoom" before "apple". */
  static const char *const latin[] = { "apple", "Zoom" };
  static const char *const arabic[] = { "ابل", "إنتل", "بايدو", "يوتا" };
  g_autoptr (RwbGraph) g = rwb_graph_new ();
  g_autoptr (GPtrArray) expected = g_ptr_array_new ();
  GtkWidget *list;
  GListModel *model;
  gboolean arabic_first = g_str_equal (rwb_collate_default_locale (), "ar");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    rwb_graph_add_entity (g, names[i], RWB_ENTITY_COMPANY);
  for (guint pass = 0; pass < 2; pass++)
    {
      if ((pass == 0) == arabic_first)
        for (guint i = 0; i < G_N_ELEMENTS (arabic); i++)
          g_ptr_array_add (expected, (gpointer) arabic[i]);
      else
        for (guint i = 0; i < G_N_ELEMENTS (latin); i++)
          g_ptr_array_add (expected, (gpointer) latin[i]);
    }

  list = g_object_ref_sink (rwb_entity_list_new ());
  rwb_entity_list_set_graph (RWB_ENTITY_LIST (list), g);
  model = rwb_entity_list_get_model (RWB_ENTITY_LIST (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr (RwbEntityItem) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (rwb_entity_item_get_name (item), ==, expected->pdata[i]);
    }

  rwb_entity_list_set_graph (RWB_ENTITY_LIST (list), NULL);
  g_assert_finalize_object (list);
}

/* --- Search -------------------------------------------------------------------------------- */

typedef struct
{
  RwbSearchBar *bar;
  const char *text;
} Searched;

static gboolean
search_done (gpointer data)
{
  Searched *s = data;
  GtkLabel *count = panel_child (s->bar, RWB_TYPE_SEARCH_BAR, "count_label");

  /* The label is filled by the (delayed) search for the text now in the entry. */
  return *gtk_label_get_text (count) != '\0';
}

static const char *
search_for (RwbSearchBar *bar, const char *text)
{
  GtkEditable *entry = panel_child (bar, RWB_TYPE_SEARCH_BAR, "entry");
  GtkLabel *count = panel_child (bar, RWB_TYPE_SEARCH_BAR, "count_label");
  Searched s = { bar, text };

  gtk_editable_set_text (entry, "");
  settle ();
  gtk_label_set_text (count, "");
  gtk_editable_set_text (entry, text);
  g_assert_true (wait_for (search_done, &s));
  g_test_message ("search “%s”: %s", text, gtk_label_get_text (count));
  return gtk_label_get_text (count);
}

static void
press_enter (RwbSearchBar *bar)
{
  g_signal_emit_by_name (panel_child (bar, RWB_TYPE_SEARCH_BAR, "entry"), "activate");
}

static void
test_search (void)
{
  RwbSearchBar *bar;
  GtkWidget *entry;
  GtkLabel *count;
  guint xiaomi, n;
  char expected[32];

  ensure_sample_open ();
  bar = window_child ("search_bar");
  entry = panel_child (bar, RWB_TYPE_SEARCH_BAR, "entry");
  count = panel_child (bar, RWB_TYPE_SEARCH_BAR, "count_label");

  /* Ctrl+F's action opens the bar. */
  g_assert_false (rwb_search_bar_get_search_mode (bar));
  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  g_assert_true (rwb_search_bar_get_search_mode (bar));

  /* Alef maqsura for yaa: the spelling differs, the matching form does not. */
  xiaomi = entity_named ("Xiaomi");
  g_assert_cmpstr (search_for (bar, "شاومى"), ==, "1 match");
  g_assert_cmpuint (rwb_search_bar_get_match (bar, 0), ==, xiaomi);
  {
    g_autofree char *none = selection_string ();
    g_assert_cmpstr (none, ==, "");
  }
  press_enter (bar);
  assert_selected_entity (xiaomi);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "1 of 1");

  /* Latin, whatever the case; the whole name ranks first. */
  search_for (bar, "GREAT wall");
  g_assert_cmpuint (rwb_search_bar_get_match (bar, 0), ==, entity_named ("Great Wall Motor"));

  /* A clitic on the query: "لشاومي" ("for Xiaomi") still finds it. */
  g_assert_cmpstr (search_for (bar, "لشاومي"), ==, "1 match");
  g_assert_cmpuint (rwb_search_bar_get_match (bar, 0), ==, xiaomi);

  /* Nothing found says so. */
  g_assert_cmpstr (search_for (bar, "zzqx"), ==, "No matches");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  press_enter (bar);
  assert_selected_entity (xiaomi);

  /* Several matches: Enter steps forward, Shift+Enter back, both wrap. */
  search_for (bar, "a");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  n = rwb_search_bar_get_n_matches (bar);
  g_assert_cmpuint (n, >=, 3);
  press_enter (bar);
  press_enter (bar);
  g_snprintf (expected, sizeof expected, "2 of %u", n);
  g_assert_cmpstr (gtk_label_get_text (count), ==, expected);
  assert_selected_entity (rwb_search_bar_get_match (bar, 1));
  gtk_widget_activate_action (GTK_WIDGET (bar), "search.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (bar), "search.previous", NULL);
  g_snprintf (expected, sizeof expected, "%u of %u", n, n);
  g_assert_cmpstr (gtk_label_get_text (count), ==, expected);
  assert_selected_entity (rwb_search_bar_get_match (bar, n - 1));

  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  g_assert_false (rwb_search_bar_get_search_mode (bar));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* --- Filters ------------------------------------------------------------------------------- */

static GtkCheckButton *
filter_check (RwbFilterPanel *panel, const char *box, const char *name)
{
  GtkWidget *parent = panel_child (panel, RWB_TYPE_FILTER_PANEL, box);

  for (GtkWidget *c = gtk_widget_get_first_child (parent); c; c = gtk_widget_get_next_sibling (c))
    if (g_strcmp0 (gtk_widget_get_name (c), name) == 0)
      return GTK_CHECK_BUTTON (c);
  g_error ("no check button %s", name);
}

static const char *
hidden_summary (RwbFilterPanel *panel)
{
  const char *text = gtk_label_get_text (panel_child (panel, RWB_TYPE_FILTER_PANEL,
                                                      "hidden_label"));

  g_test_message ("filters: %s", text);
  return text;
}

static void
test_filter_places (void)
{
  RwbFilterPanel *panel;
  g_autoptr (Picture) before = NULL;
  g_autoptr (Picture) after = NULL;
  g_autofree char *entities = NULL;
  g_autofree char *relations = NULL;
  const gboolean *hidden;
  RwbGraph *g;
  guint n_places = 0, n_relations = 0;

  ensure_sample_open ();
  panel = window_child ("filter_panel");
  g = graph ();
  g_assert_cmpstr (hidden_summary (panel), ==, "Everything is shown.");

  for (guint i = 0; i < g->entities->len; i++)
    if (((const RwbEntity *) g_ptr_array_index (g->entities, i))->type == RWB_ENTITY_PLACE)
      n_places++;
  for (guint i = 0; i < g->relations->len; i++)
    {
      const RwbRelation *r = g_ptr_array_index (g->relations, i);
      const RwbEntity *s = g_ptr_array_index (g->entities, r->source);
      const RwbEntity *t = g_ptr_array_index (g->entities, r->target);

      if (r->type != RWB_RELATION_MENTION
          && (s->type == RWB_ENTITY_PLACE || t->type == RWB_ENTITY_PLACE))
        n_relations++;
    }
  g_assert_cmpuint (n_places, >=, 2);

  before = render_window ("test-panels-before-filter.png");
  for (guint i = 0; i < g->entities->len; i++)
    g_assert_true (entity_drawn (before, i));

  gtk_check_button_set_active (filter_check (panel, "entity_types_box", "entity-place"), FALSE);

  hidden = rwb_filter_panel_get_hidden_entities (panel);
  g_assert_nonnull (hidden);
  for (guint i = 0; i < g->entities->len; i++)
    g_assert_cmpint (hidden[i], ==,
                     ((const RwbEntity *) g_ptr_array_index (g->entities, i))->type
                       == RWB_ENTITY_PLACE);
  entities = g_strdup_printf ("%u entities", n_places);
  relations = g_strdup_printf ("%u relation", n_relations);
  g_assert_nonnull (strstr (hidden_summary (panel), entities));
  g_assert_nonnull (strstr (hidden_summary (panel), relations));
  g_assert_nonnull (strstr (hidden_summary (panel), "hidden"));

  /* The picture: places gone, the rest still there. */
  after = render_window ("test-panels-no-places.png");
  for (guint i = 0; i < g->entities->len; i++)
    {
      gboolean place = ((const RwbEntity *) g_ptr_array_index (g->entities, i))->type
                       == RWB_ENTITY_PLACE;
      g_assert_cmpint (entity_drawn (after, i), ==, !place);
    }

  gtk_widget_activate_action (GTK_WIDGET (panel), "filter.reset", NULL);
  g_assert_true (gtk_check_button_get_active (filter_check (panel, "entity_types_box",
                                                            "entity-place")));
  g_assert_cmpstr (hidden_summary (panel), ==, "Everything is shown.");
}

static void
test_filter_confidence (void)
{
  RwbFilterPanel *panel;
  const gboolean *hidden;
  RwbGraph *g;
  guint weak = 0;

  ensure_sample_open ();
  panel = window_child ("filter_panel");
  g = graph ();

  gtk_range_set_value (panel_child (panel, RWB_TYPE_FILTER_PANEL, "confidence_scale"), 0.5);
  hidden = rwb_filter_panel_get_hidden_relations (panel);
  for (guint i = 0; i < g->relations->len; i++)
    {
      const RwbRelation *r = g_ptr_array_index (g->relations, i);

      g_assert_cmpint (hidden[i], ==, r->confidence < 0.5);
      if (r->confidence < 0.5 && r->type != RWB_RELATION_MENTION)
        weak++;
    }
  g_assert_cmpuint (weak, >, 0);
  {
    g_autofree char *relations = g_strdup_printf ("0 entities and %u relation", weak);
    g_assert_nonnull (strstr (hidden_summary (panel), relations));
  }

  /* A relation type off hides its relations, and nothing else. */
  gtk_range_set_value (panel_child (panel, RWB_TYPE_FILTER_PANEL, "confidence_scale"), 0.0);
  gtk_check_button_set_active (filter_check (panel, "relation_types_grid",
                                             "relation-manufacturing"), FALSE);
  hidden = rwb_filter_panel_get_hidden_relations (panel);
  for (guint i = 0; i < g->relations->len; i++)
    g_assert_cmpint (hidden[i], ==,
                     ((const RwbRelation *) g_ptr_array_index (g->relations, i))->type
                       == RWB_RELATION_MANUFACTURING);

  /* The co-occurrence box is the window's show-mentions switch. */
  g_assert_false (gtk_check_button_get_active (filter_check (panel, "relation_types_grid",
                                                             "relation-mention")));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-mentions",
                                      g_variant_new_boolean (TRUE));
  g_assert_true (gtk_check_button_get_active (filter_check (panel, "relation_types_grid",
                                                            "relation-mention")));
  g_assert_true (wait_for (is_idle, window));
  /* The new layout keeps the filters. */
  hidden = rwb_filter_panel_get_hidden_relations (panel);
  for (guint i = 0; i < g->relations->len; i++)
    g_assert_cmpint (hidden[i], ==,
                     ((const RwbRelation *) g_ptr_array_index (g->relations, i))->type
                       == RWB_RELATION_MANUFACTURING);
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-mentions",
                                      g_variant_new_boolean (FALSE));
  g_assert_true (wait_for (is_idle, window));

  gtk_widget_activate_action (GTK_WIDGET (panel), "filter.reset", NULL);
  g_assert_cmpstr (hidden_summary (panel), ==, "Everything is shown.");
}

/* Entities within @steps relations (co-occurrences not counted) of @seed. */
static gboolean *
neighbourhood (guint seed, guint steps)
{
  RwbGraph *g = graph ();
  g_autofree guint *distance = g_new (guint, g->entities->len);
  gboolean *near = g_new0 (gboolean, g->entities->len);

  for (guint i = 0; i < g->entities->len; i++)
    distance[i] = G_MAXUINT;
  distance[seed] = 0;
  for (guint step = 1; step <= steps; step++)
    for (guint i = 0; i < g->relations->len; i++)
      {
        const RwbRelation *r = g_ptr_array_index (g->relations, i);

        if (r->type == RWB_RELATION_MENTION)
          continue;
        if (distance[r->source] < step && distance[r->target] == G_MAXUINT)
          distance[r->target] = step;
        if (distance[r->target] < step && distance[r->source] == G_MAXUINT)
          distance[r->source] = step;
      }
  for (guint i = 0; i < g->entities->len; i++)
    near[i] = distance[i] != G_MAXUINT;
  return near;
}

static void
test_filter_neighbourhood (void)
{
  RwbFilterPanel *panel;
  RwbGraph *g;
  guint baidu;
  guint counts[2] = { 0, 0 };

  ensure_sample_open ();
  panel = window_child ("filter_panel");
  g = graph ();
  baidu = entity_named ("Baidu");

  /* On with nothing selected: nothing to measure from, nothing hidden. */
  gtk_check_button_set_active (panel_child (panel, RWB_TYPE_FILTER_PANEL, "near_check"), TRUE);
  g_assert_cmpstr (hidden_summary (panel), ==, "Everything is shown.");

  rwb_graph_view_select_entity (graph_view (), baidu, FALSE);
  for (guint steps = 1; steps <= 2; steps++)
    {
      g_autofree gboolean *near = neighbourhood (baidu, steps);
      const gboolean *hidden;

      gtk_spin_button_set_value (panel_child (panel, RWB_TYPE_FILTER_PANEL, "steps_spin"), steps);
      hidden = rwb_filter_panel_get_hidden_entities (panel);
      for (guint i = 0; i < g->entities->len; i++)
        {
          g_assert_cmpint (hidden[i], ==, !near[i]);
          counts[steps - 1] += near[i];
        }
    }
  g_test_message ("near Baidu: %u within 1 step, %u within 2", counts[0], counts[1]);
  g_assert_cmpuint (counts[0], >=, 2);
  g_assert_cmpuint (counts[1], >, counts[0]);
  g_assert_cmpuint (counts[1], <, g->entities->len);

  /* The selection is still there (Baidu is not hidden), and a new one moves the
   * neighbourhood. */
  assert_selected_entity (baidu);
  rwb_graph_view_select_entity (graph_view (), entity_named ("Lei Jun"), FALSE);
  {
    g_autofree gboolean *near = neighbourhood (entity_named ("Lei Jun"), 2);
    const gboolean *hidden = rwb_filter_panel_get_hidden_entities (panel);

    for (guint i = 0; i < g->entities->len; i++)
      g_assert_cmpint (hidden[i], ==, !near[i]);
  }

  gtk_widget_activate_action (GTK_WIDGET (panel), "filter.reset", NULL);
  g_assert_false (gtk_check_button_get_active (panel_child (panel, RWB_TYPE_FILTER_PANEL,
                                                            "near_check")));
  g_assert_cmpstr (hidden_summary (panel), ==, "Everything is shown.");
}

/* --- Layout controls ----------------------------------------------------------------------- */

static char *
engine_state (void)
{
  g_autoptr (GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window),
                                                                "layout-engine");
  return g_variant_dup_string (state, NULL);
}

static gboolean
engine_picked_or_idle (gpointer data)
{
  g_autofree char *engine = engine_state ();

  return g_str_equal (engine, "sfdp") || !rwb_window_get_busy (window);
}

/* An article naming 1500 companies and places, two to a sentence. */
static char *
write_large_article (const char *dir)
{
  static const char *const files[] = { "companies.tsv", "places.tsv" };
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, "large.txt", NULL);
  guint n = 0;

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *lexicon = g_test_build_filename (G_TEST_DIST, "..", "data", "lexicon",
                                                        files[f], NULL);
      g_autofree char *contents = NULL;
      g_auto (GStrv) lines = NULL;

      g_file_get_contents (lexicon, &contents, NULL, &error);
      g_assert_no_error (error);
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto (GStrv) columns = NULL;

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
          columns = g_strsplit (lines[i], "\t", 2);
          g_string_append_printf (text, n % 2 ? " and %s signed a partnership agreement.\n"
                                              : "%s",
                                  columns[0]);
          n++;
        }
    }
  g_string_append (text, " and Xiaomi signed a partnership agreement.\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_large_graph_engine_and_cancel (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *engine = NULL;
  g_autofree char *status = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) sample = NULL;
  g_autoptr (GError) error = NULL;
  const RwbScene *scene;
  GSettings *settings;

  ensure_sample_open ();
  scene = rwb_graph_view_get_scene (graph_view ());
  status = g_strdup (gtk_label_get_text (window_child ("status_label")));
  g_assert_cmpstr (scene->engine, ==, "dot");

  dir = g_dir_make_tmp ("rawabit-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = write_large_article (dir);
  file = g_file_new_for_path (path);

  /* Cancel does nothing (and cannot be used) when nothing runs. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "cancel"));

  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (rwb_window_get_busy (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "cancel"));

  /* Once extracted, a graph this large is laid out with sfdp: the user chose no engine. */
  g_assert_true (wait_for (engine_picked_or_idle, NULL));
  engine = engine_state ();
  g_assert_cmpstr (engine, ==, "sfdp");
  g_assert_true (rwb_window_get_busy (window));
  g_assert_cmpuint (gtk_drop_down_get_selected (window_child ("engine_dropdown")), ==,
                    RWB_LAYOUT_SFDP);
  g_assert_false (gtk_widget_get_sensitive (window_child ("rankdir_dropdown")));
  settings = rwb_application_get_settings (app);
  if (settings != NULL)
    {
      /* The window's pick is not the user's choice, and is not saved as one. */
      g_autoptr (GVariant) saved = g_settings_get_user_value (settings, "layout-engine");
      g_assert_null (saved);
    }

  /* Cancel, while Graphviz works: the window is idle at once and shows what it showed. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "cancel", NULL);
  g_assert_false (rwb_window_get_busy (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "cancel"));
  settle ();
  g_assert_true (rwb_graph_view_get_scene (graph_view ()) == scene);
  g_assert_cmpstr (gtk_label_get_text (window_child ("status_label")), ==, status);
  g_assert_cmpuint (g_list_model_get_n_items (rwb_entity_list_get_model (window_child ("entity_list"))),
                    ==, scene->graph->entities->len);
  g_assert_false (gtk_revealer_get_reveal_child (window_child ("banner_revealer")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child ("main_stack")), ==, "graph");

  /* A small graph goes back to dot. */
  sample = g_file_new_for_path (g_getenv ("RAWABIT_SAMPLE"));
  g_application_open (G_APPLICATION (app), &sample, 1, "");
  g_assert_true (wait_for (is_idle, window));
  g_assert_cmpstr (rwb_graph_view_get_scene (graph_view ())->engine, ==, "dot");
  g_assert_true (gtk_widget_get_sensitive (window_child ("rankdir_dropdown")));

  g_unlink (path);
  g_rmdir (dir);
}

static double
aspect (void)
{
  const RwbScene *scene = rwb_graph_view_get_scene (graph_view ());

  return scene->bounds.height / scene->bounds.width;
}

static void
test_rankdir (void)
{
  GtkDropDown *dropdown;
  const RwbScene *before;
  double lr, tb;

  ensure_sample_open ();
  dropdown = window_child ("rankdir_dropdown");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dropdown)));
  before = rwb_graph_view_get_scene (graph_view ());
  lr = aspect ();

  /* Top to bottom: the same layers, now stacked, so the picture is taller for its width. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "rankdir",
                                      g_variant_new_string ("TB"));
  g_assert_true (rwb_window_get_busy (window));
  g_assert_true (wait_for (is_idle, window));
  g_assert_true (rwb_graph_view_get_scene (graph_view ()) != before);
  tb = aspect ();
  g_test_message ("height/width: LR %.2f, TB %.2f", lr, tb);
  g_assert_cmpfloat (tb, >, lr * 1.5);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);

  /* Back through the drop-down, as a user clicks it. */
  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_true (wait_for (is_idle, window));
  g_assert_cmpfloat (fabs (aspect () - lr), <, 0.01);

  /* Other engines have no layers. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "layout-engine",
                                      g_variant_new_string ("neato"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dropdown)));
  g_assert_true (wait_for (is_idle, window));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "layout-engine",
                                      g_variant_new_string ("dot"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dropdown)));
  g_assert_true (wait_for (is_idle, window));
}

static void
test_close (void)
{
  ensure_sample_open ();

  close_window (app, &window);
}

int
main (int argc, char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/panels/details-entity", test_details_entity);
  g_test_add_func ("/panels/details-relation", test_details_relation);
  g_test_add_func ("/panels/article-mentions", test_article_mentions);
  g_test_add_func ("/panels/entity-list", test_entity_list);
  g_test_add_func ("/panels/entity-list-collation", test_entity_list_collation);
  g_test_add_func ("/panels/search", test_search);
  g_test_add_func ("/panels/filter-places", test_filter_places);
  g_test_add_func ("/panels/filter-confidence", test_filter_confidence);
  g_test_add_func ("/panels/filter-neighbourhood", test_filter_neighbourhood);
  /* Before any test picks an engine: the automatic pick is only for users who did not. */
  g_test_add_func ("/panels/large-graph", test_large_graph_engine_and_cancel);
  g_test_add_func ("/panels/rankdir", test_rankdir);
  g_test_add_func ("/panels/close", test_close);

  app = rwb_application_new ();
  return gui_test_run_app (app, argv[0]);
}
