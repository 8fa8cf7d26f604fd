/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-view.c — the graph view, driven as a user would: click, Ctrl+click, Esc, drag a node,
 * pan, zoom at the pointer, fit, hover, filters, a new layout of the same graph, the legend.
 *
 * Runs under xvfb-run (see meson.build) with GSK_RENDERER=cairo. GTK 4.8 cannot synthesize
 * pointer events, so pointer input goes through the functions of rwb-graph-view-private.h that
 * the view's gesture handlers call (press, drag_to, release, pointer_motion, scroll); commands
 * go through the view's actions, as menus and keys do. Pictures come from the window's renderer,
 * as on screen, and are saved next to the test for a person to look at.
 */
#define G_LOG_DOMAIN "rawabit-test-view"

#include "rwb-config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "rwb-graph-view-private.h"
#include "rwb-graph-view.h"
#include "rwb-layout.h"
#include "rwb-render.h"

#include "gui-test-util.h"

#define VIEW_WIDTH 900
#define VIEW_HEIGHT 600

/* The synthetic graph: A→B manufacturing, A–C partnership, B→D location, E→D reporting,
 * F–B talks. Hovering A emphasizes B and C and dims D, E and F. */
enum { A, B, C, D, E, F, N_ENTITIES };

static const struct {
  const char *name;
  const char *alias;
  RwbEntityType type;
  double x, y;
} entities[N_ENTITIES] = {
  [A] = { "Alpha Motors", "ألفا موتورز", RWB_ENTITY_COMPANY, 0, 0 },
  [B] = { "Beta", "بيتا", RWB_ENTITY_COMPANY, 320, 0 },
  [C] = { "Gamma Person", NULL, RWB_ENTITY_PERSON, 0, 220 },
  [D] = { "Delta", "دلتا", RWB_ENTITY_PLACE, 320, 220 },
  [E] = { "Epsilon Agency", NULL, RWB_ENTITY_ORGANIZATION, 640, 320 },
  [F] = { "شركة النور", NULL, RWB_ENTITY_COMPANY, 640, 0 },
};

static GtkWindow *window;
static RwbGraphView *view;
static guint selection_signals;

static RwbGraph *
make_graph (void)
{
  RwbGraph *graph = rwb_graph_new ();
  guint doc = rwb_graph_add_document (graph, NULL, "en", "Alpha Motors makes cars for Beta.");
  guint r;

  for (guint i = 0; i < N_ENTITIES; i++)
    {
      guint e = rwb_graph_add_entity (graph, entities[i].name, entities[i].type);
      if (entities[i].alias)
        rwb_entity_add_alias (g_ptr_array_index (graph->entities, e), entities[i].alias);
    }
  rwb_entity_add_mention (g_ptr_array_index (graph->entities, A), doc, 0, 12);
  r = rwb_graph_ensure_relation (graph, A, B, RWB_RELATION_MANUFACTURING, 0.9);
  rwb_relation_add_evidence (g_ptr_array_index (graph->relations, r), doc, 0, 33,
                             "Alpha Motors makes cars for Beta.", "test", 0.9);
  rwb_relation_add_evidence (g_ptr_array_index (graph->relations, r), doc, 0, 12,
                             "Alpha Motors", "test", 0.9);
  rwb_graph_ensure_relation (graph, A, C, RWB_RELATION_PARTNERSHIP, 0.8);
  rwb_graph_ensure_relation (graph, B, D, RWB_RELATION_LOCATION, 0.7);
  rwb_graph_ensure_relation (graph, E, D, RWB_RELATION_REPORTING, 0.7);
  rwb_graph_ensure_relation (graph, F, B, RWB_RELATION_TALKS, 0.6);
  return graph;
}

/* A scene built directly, without Graphviz: nodes where the table says, edges routed by the
 * scene itself (moving each node onto its own place gives every edge its border-to-border
 * shape). */
static RwbScene *
make_scene (RwbGraph *graph)
{
  RwbScene *scene = rwb_scene_new (graph);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbSceneNode node = { 0 };

      node.entity = i;
      node.x = entities[i].x;
      node.y = entities[i].y;
      rwb_render_entity_labels (g_ptr_array_index (graph->entities, i), &node.label,
                                &node.sublabel);
      rwb_render_measure_node (node.label, node.sublabel, &node.width, &node.height);
      g_array_append_val (scene->nodes, node);
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      const RwbRelation *r = g_ptr_array_index (graph->relations, i);
      RwbSceneEdge edge = { 0 };

      edge.relation = i;
      edge.from = r->source;
      edge.to = r->target;
      edge.has_head = r->directed;
      edge.points = g_array_new (FALSE, TRUE, sizeof (RwbPoint));
      g_array_set_size (edge.points, 4);
      g_array_append_val (scene->edges, edge);
    }
  for (guint i = 0; i < scene->nodes->len; i++)
    rwb_scene_move_node (scene, i, entities[i].x, entities[i].y);
  rwb_scene_update_bounds (scene);
  scene->engine = g_strdup ("test");
  return scene;
}

static const RwbSceneNode *
node (guint i)
{
  const RwbScene *scene = rwb_graph_view_get_scene (view);
  gint n = rwb_scene_find_node (scene, i);

  g_assert_cmpint (n, >=, 0);
  return &g_array_index (scene->nodes, RwbSceneNode, n);
}

static const RwbSceneEdge *
edge_between (guint from, guint to)
{
  const RwbScene *scene = rwb_graph_view_get_scene (view);

  for (guint i = 0; i < scene->edges->len; i++)
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      const RwbRelation *r = g_ptr_array_index (scene->graph->relations, e->relation);

      if (r->source == from && r->target == to)
        return e;
    }
  g_assert_not_reached ();
}

static void
scene_to_widget (double sx, double sy, double *x, double *y)
{
  RwbViewport vp;

  rwb_graph_view_get_viewport (view, &vp);
  *x = (sx - vp.origin_x) * vp.scale;
  *y = (sy - vp.origin_y) * vp.scale;
}

static void
node_centre (guint entity, double *x, double *y)
{
  scene_to_widget (node (entity)->x, node (entity)->y, x, y);
}

static void
click_at (double x, double y, GdkModifierType state)
{
  rwb_graph_view_press (view, x, y, state);
  rwb_graph_view_release (view, 0, 0);
}

static void
drag (double x, double y, double dx, double dy)
{
  rwb_graph_view_press (view, x, y, 0);
  /* In steps, as motion events come. */
  for (int i = 1; i <= 4; i++)
    rwb_graph_view_drag_to (view, dx * i / 4, dy * i / 4);
  rwb_graph_view_release (view, dx, dy);
}

static GArray *
selected (void)
{
  return rwb_graph_view_get_selected_entities (view);
}

static void
assert_selection (guint n, ...)
{
  g_autoptr (GArray) sel = selected ();
  va_list args;

  g_assert_cmpuint (sel->len, ==, n);
  va_start (args, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (sel, guint, i), ==, va_arg (args, guint));
  va_end (args);
}

static void
on_selection_changed (RwbGraphView *v, gpointer data)
{
  selection_signals++;
}

/* A fresh scene of a fresh graph, fitted, nothing selected, the legend off (it covers a corner
 * of the picture where tests look at nodes). */
static void
reset_view (void)
{
  g_autoptr (RwbGraph) graph = make_graph ();

  rwb_graph_view_set_scene (view, make_scene (graph));
  g_object_set (view, "show-legend", FALSE, NULL);
  rwb_graph_view_pointer_leave (view);
  gtk_widget_activate_action (GTK_WIDGET (view), "view.fit", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  selection_signals = 0;
}

/* --- Pictures ------------------------------------------------------------------------------ */

/* The view as the window's renderer draws it, saved as @name in the build directory. */
static Picture *
render_view (const char *name)
{
  Picture *picture = render_widget (GTK_WIDGET (view), name);

  g_assert_cmpint (picture->width, ==, gtk_widget_get_width (GTK_WIDGET (view)));
  return picture;
}

static int
distance_to_background (const Picture *picture, int x, int y)
{
  const guchar *p = picture->data + (gsize) y * picture->stride + (gsize) x * 4;
  const guchar *bg = picture->data + 2 * picture->stride + 2 * 4; /* a corner pixel */

  return ABS (p[0] - bg[0]) + ABS (p[1] - bg[1]) + ABS (p[2] - bg[2]);
}

/* Sum of colour distance from the background over entity @entity's box on screen: how much of
 * it is drawn, and how strongly. */
static double
node_ink (const Picture *picture, guint entity)
{
  const RwbSceneNode *n = node (entity);
  double x0, y0, x1, y1, sum = 0;

  scene_to_widget (n->x - n->width / 2, n->y - n->height / 2, &x0, &y0);
  scene_to_widget (n->x + n->width / 2, n->y + n->height / 2, &x1, &y1);
  for (int y = MAX (0, (int) y0); y < MIN (picture->height, (int) y1); y++)
    for (int x = MAX (0, (int) x0); x < MIN (picture->width, (int) x1); x++)
      sum += distance_to_background (picture, x, y);
  return sum / MAX (1.0, (x1 - x0) * (y1 - y0));
}

/* --- Tests --------------------------------------------------------------------------------- */

static void
test_click_selects (void)
{
  double x, y;
  const RwbSceneEdge *e;

  reset_view ();
  node_centre (B, &x, &y);
  click_at (x, y, 0);
  assert_selection (1, B);
  g_assert_cmpuint (selection_signals, ==, 1);
  g_assert_cmpint (rwb_graph_view_get_selected_relation (view), ==, -1);
  {
    guint n;
    const guint8 *states = rwb_graph_view_get_node_states (view, &n);
    g_assert_true (states[rwb_scene_find_node (rwb_graph_view_get_scene (view), B)]
                   & RWB_DRAW_SELECTED);
  }

  /* The same click again changes nothing, so says nothing. */
  click_at (x, y, 0);
  g_assert_cmpuint (selection_signals, ==, 1);

  /* A click on an edge, 3 px beside its middle, selects its relation instead. */
  e = edge_between (A, B);
  scene_to_widget (e->label_x, e->label_y, &x, &y);
  click_at (x, y + 3, 0);
  assert_selection (0);
  g_assert_cmpint (rwb_graph_view_get_selected_relation (view), ==, e->relation);
  g_assert_cmpuint (selection_signals, ==, 2);

  /* Empty space clears. */
  click_at (5, VIEW_HEIGHT - 5, 0);
  assert_selection (0);
  g_assert_cmpint (rwb_graph_view_get_selected_relation (view), ==, -1);
  g_assert_cmpuint (selection_signals, ==, 3);
}

static void
test_escape_clears (void)
{
  double x, y;

  reset_view ();
  node_centre (C, &x, &y);
  click_at (x, y, 0);
  assert_selection (1, C);

  /* Esc is bound to this action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.clear-selection", NULL));
  assert_selection (0);
  g_assert_cmpuint (selection_signals, ==, 2);
}

static void
test_ctrl_click_adds (void)
{
  double x, y;

  reset_view ();
  node_centre (A, &x, &y);
  click_at (x, y, 0);
  node_centre (D, &x, &y);
  click_at (x, y, GDK_CONTROL_MASK);
  assert_selection (2, A, D);
  /* Ctrl+click on a selected node takes it out again. */
  node_centre (A, &x, &y);
  click_at (x, y, GDK_CONTROL_MASK);
  assert_selection (1, D);
  g_assert_cmpuint (selection_signals, ==, 3);
  /* Ctrl+click on empty space keeps the selection. */
  click_at (5, VIEW_HEIGHT - 5, GDK_CONTROL_MASK);
  assert_selection (1, D);
  /* A plain click replaces it. */
  node_centre (E, &x, &y);
  click_at (x, y, 0);
  assert_selection (1, E);
}

/* Whether @p lies on the outline of @n: its box, or for a person the pill the renderer draws
 * (a box with half circles for ends). */
static gboolean
on_border (const RwbSceneNode *n, RwbPoint p)
{
  const RwbGraph *graph = rwb_graph_view_get_scene (view)->graph;
  const RwbEntity *entity = g_ptr_array_index (graph->entities, n->entity);
  double dx = fabs (p.x - n->x), dy = fabs (p.y - n->y);

  if (entity->type == RWB_ENTITY_PERSON)
    {
      double r = MIN (n->width, n->height) / 2;
      double along = MAX (0, dx - (n->width / 2 - r));
      return fabs (hypot (along, dy) - r) <= 0.5;
    }
  return dx <= n->width / 2 + 0.5 && dy <= n->height / 2 + 0.5
         && (dx >= n->width / 2 - 0.5 || dy >= n->height / 2 - 0.5);
}

static void
test_drag_moves_node (void)
{
  RwbViewport vp, after;
  double x, y, old_x, old_y;
  const RwbSceneEdge *e;
  g_autoptr (GHashTable) moved = NULL;
  RwbPoint *where;

  reset_view ();
  rwb_graph_view_get_viewport (view, &vp);
  old_x = node (B)->x;
  old_y = node (B)->y;
  node_centre (B, &x, &y);
  drag (x, y, 60, 40);

  /* The node follows the pointer, the view does not pan, nothing gets selected. */
  g_assert_cmpfloat_with_epsilon (node (B)->x, old_x + 60 / vp.scale, 1e-6);
  g_assert_cmpfloat_with_epsilon (node (B)->y, old_y + 40 / vp.scale, 1e-6);
  rwb_graph_view_get_viewport (view, &after);
  g_assert_cmpfloat (after.origin_x, ==, vp.origin_x);
  assert_selection (0);
  g_assert_cmpuint (selection_signals, ==, 0);

  /* Its edges end on its new border (the arrowhead's tip for A→B), and still start on A's. */
  e = edge_between (A, B);
  g_assert_true (e->has_head);
  g_assert_true (on_border (node (B), e->head));
  g_assert_true (on_border (node (A), g_array_index (e->points, RwbPoint, 0)));
  e = edge_between (B, D);
  g_assert_true (on_border (node (B), g_array_index (e->points, RwbPoint, 0)));
  g_assert_true (on_border (node (D), e->head));

  /* And the move is remembered for a new layout. */
  moved = rwb_graph_view_get_moved_positions (view);
  g_assert_cmpuint (g_hash_table_size (moved), ==, 1);
  where = g_hash_table_lookup (moved, GUINT_TO_POINTER (B));
  g_assert_nonnull (where);
  g_assert_cmpfloat_with_epsilon (where->x, node (B)->x, 1e-9);

  /* The moved node is drawn where it went, not where it was. */
  {
    g_autoptr (Picture) picture = render_view ("test-view-drag.png");
    double px, py;

    node_centre (B, &px, &py);
    g_assert_cmpfloat (node_ink (picture, B), >, 10);
    scene_to_widget (old_x, old_y - node (B)->height / 2, &px, &py);
    g_assert_cmpint (distance_to_background (picture, (int) px, (int) py), <, 20);
  }

  /* A drag that starts on empty space pans instead. */
  drag (5, VIEW_HEIGHT - 5, -30, 20);
  rwb_graph_view_get_viewport (view, &after);
  g_assert_cmpfloat_with_epsilon (after.origin_x, vp.origin_x + 30 / vp.scale, 1e-6);
  g_assert_cmpfloat_with_epsilon (after.origin_y, vp.origin_y - 20 / vp.scale, 1e-6);
  g_assert_cmpfloat_with_epsilon (node (A)->x, entities[A].x, 1e-9);

  /* A press that moves less than the drag threshold is a click, and moves nothing. */
  node_centre (A, &x, &y);
  rwb_graph_view_press (view, x, y, 0);
  rwb_graph_view_drag_to (view, 2, 1);
  rwb_graph_view_release (view, 2, 1);
  g_assert_cmpfloat (node (A)->x, ==, entities[A].x);
  assert_selection (1, A);
}

static void
assert_fixed_point (double x, double y, double sx, double sy)
{
  double wx, wy;

  scene_to_widget (sx, sy, &wx, &wy);
  g_assert_cmpfloat (fabs (wx - x), <=, 0.5);
  g_assert_cmpfloat (fabs (wy - y), <=, 0.5);
}

static void
test_zoom_at_pointer (void)
{
  RwbViewport vp, after;
  double x = 170, y = 130, sx, sy, min_scale, max_scale;

  reset_view ();
  rwb_graph_view_pointer_motion (view, x, y);
  rwb_graph_view_get_viewport (view, &vp);
  sx = x / vp.scale + vp.origin_x;
  sy = y / vp.scale + vp.origin_y;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-in", NULL));
  rwb_graph_view_get_viewport (view, &after);
  g_assert_cmpfloat_with_epsilon (after.scale, vp.scale * 1.25, 1e-9);
  assert_fixed_point (x, y, sx, sy);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-out", NULL));
  rwb_graph_view_get_viewport (view, &after);
  g_assert_cmpfloat_with_epsilon (after.scale, vp.scale / 1.25, 1e-9);
  assert_fixed_point (x, y, sx, sy);

  /* Ctrl+wheel at another point keeps that point. */
  x = 600, y = 420;
  rwb_graph_view_pointer_motion (view, x, y);
  rwb_graph_view_get_viewport (view, &vp);
  sx = x / vp.scale + vp.origin_x;
  sy = y / vp.scale + vp.origin_y;
  g_assert_true (rwb_graph_view_scroll (view, 0, -2, GDK_SCROLL_UNIT_WHEEL, GDK_CONTROL_MASK));
  rwb_graph_view_get_viewport (view, &after);
  g_assert_cmpfloat_with_epsilon (after.scale, vp.scale * 1.25 * 1.25, 1e-9);
  assert_fixed_point (x, y, sx, sy);

  /* At the limit a step does nothing at all: no jump of the picture. */
  rwb_graph_view_get_zoom_range (view, &min_scale, &max_scale);
  for (int i = 0; i < 60; i++)
    gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-in", NULL);
  rwb_graph_view_get_viewport (view, &vp);
  g_assert_cmpfloat (vp.scale, ==, max_scale);
  assert_fixed_point (x, y, sx, sy);
  gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-in", NULL);
  rwb_graph_view_get_viewport (view, &after);
  g_assert_true (memcmp (&vp, &after, sizeof vp) == 0);
  for (int i = 0; i < 80; i++)
    rwb_graph_view_scroll (view, 0, 1, GDK_SCROLL_UNIT_WHEEL, GDK_CONTROL_MASK);
  rwb_graph_view_get_viewport (view, &vp);
  g_assert_cmpfloat (vp.scale, ==, min_scale);
  assert_fixed_point (x, y, sx, sy);

  /* A pinch keeps the point between the fingers under them, and stops at the limit too. */
  rwb_graph_view_get_viewport (view, &vp);
  x = 300, y = 200;
  rwb_graph_view_pointer_motion (view, x, y);
  sx = x / vp.scale + vp.origin_x;
  sy = y / vp.scale + vp.origin_y;
  rwb_graph_view_pinch_begin (view, x, y);
  rwb_graph_view_pinch (view, 1.5, x, y);
  rwb_graph_view_get_viewport (view, &after);
  g_assert_cmpfloat_with_epsilon (after.scale, vp.scale * 1.5, 1e-9);
  assert_fixed_point (x, y, sx, sy);
  rwb_graph_view_pinch (view, 1e-6, x, y);
  rwb_graph_view_get_viewport (view, &after);
  g_assert_cmpfloat (after.scale, ==, min_scale);
  assert_fixed_point (x, y, sx, sy);

  /* 1:1. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-reset", NULL));
  rwb_graph_view_get_viewport (view, &vp);
  g_assert_cmpfloat (vp.scale, ==, 1.0);
  assert_fixed_point (x, y, sx, sy);

  /* Plain wheel and arrow keys pan. */
  g_assert_true (rwb_graph_view_scroll (view, 0, 1, GDK_SCROLL_UNIT_WHEEL, 0));
  rwb_graph_view_get_viewport (view, &after);
  g_assert_cmpfloat (after.scale, ==, vp.scale);
  g_assert_cmpfloat (after.origin_y, >, vp.origin_y);
  vp = after;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.pan", "(dd)", -1.0, 0.0));
  rwb_graph_view_get_viewport (view, &after);
  g_assert_cmpfloat (after.origin_x, <, vp.origin_x);
}

static void
test_fit (void)
{
  const RwbScene *scene;
  int width, height;

  reset_view ();
  /* Far away and zoomed in: nothing of the graph in sight. */
  for (int i = 0; i < 10; i++)
    gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-in", NULL);
  drag (5, VIEW_HEIGHT - 5, 3000, 3000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.fit", NULL));
  scene = rwb_graph_view_get_scene (view);
  width = gtk_widget_get_width (GTK_WIDGET (view));
  height = gtk_widget_get_height (GTK_WIDGET (view));
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
      double x0, y0, x1, y1;

      scene_to_widget (n->x - n->width / 2, n->y - n->height / 2, &x0, &y0);
      scene_to_widget (n->x + n->width / 2, n->y + n->height / 2, &x1, &y1);
      g_assert_cmpfloat (x0, >=, 0);
      g_assert_cmpfloat (y0, >=, 0);
      g_assert_cmpfloat (x1, <=, width);
      g_assert_cmpfloat (y1, <=, height);
    }

  /* Fitted, the view follows size changes again. */
  gtk_widget_set_size_request (GTK_WIDGET (view), VIEW_WIDTH / 2, VIEW_HEIGHT / 2);
  gtk_window_set_default_size (window, VIEW_WIDTH / 2, VIEW_HEIGHT / 2);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  gtk_widget_set_size_request (GTK_WIDGET (view), VIEW_WIDTH, VIEW_HEIGHT);
  gtk_window_set_default_size (window, VIEW_WIDTH, VIEW_HEIGHT);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
}

static void
test_hidden_not_drawn (void)
{
  gboolean hidden_entities[N_ENTITIES] = { FALSE };
  g_autoptr (Picture) before = NULL;
  g_autoptr (Picture) after = NULL;
  const RwbScene *scene;
  const guint8 *states;
  double x, y;
  guint n;

  reset_view ();
  node_centre (D, &x, &y);
  click_at (x, y, 0);
  before = render_view ("test-view-before-hide.png");
  g_test_message ("ink at D before hiding: %.1f", node_ink (before, D));
  g_assert_cmpfloat (node_ink (before, D), >, 10);

  hidden_entities[D] = TRUE;
  rwb_graph_view_set_hidden (view, hidden_entities, NULL);
  after = render_view ("test-view-hidden.png");
  g_test_message ("ink at D after hiding: %.1f", node_ink (after, D));
  g_assert_cmpfloat (node_ink (after, D), <, 1);
  /* Others stay. */
  g_assert_cmpfloat (node_ink (after, A), >, 10);

  /* Its edges go with it, and it leaves the selection. */
  scene = rwb_graph_view_get_scene (view);
  states = rwb_graph_view_get_edge_states (view, &n);
  for (guint i = 0; i < n; i++)
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      gboolean touches = node (D) == &g_array_index (scene->nodes, RwbSceneNode, e->from)
                         || node (D) == &g_array_index (scene->nodes, RwbSceneNode, e->to);
      g_assert_cmpint (!!(states[i] & RWB_DRAW_HIDDEN), ==, touches);
    }
  assert_selection (0);
  g_assert_cmpuint (selection_signals, ==, 2);

  /* Hidden nodes cannot be clicked. */
  click_at (x, y, 0);
  assert_selection (0);

  rwb_graph_view_set_hidden (view, NULL, NULL);
  g_clear_pointer (&after, picture_free);
  after = render_view ("test-view-unhidden.png");
  g_assert_cmpfloat (node_ink (after, D), >, 10);
}

static void
test_hover (void)
{
  g_autoptr (Picture) before = NULL;
  g_autoptr (Picture) hovered = NULL;
  g_autofree char *tip = NULL;
  const RwbScene *scene;
  const RwbSceneEdge *e;
  const guint8 *states;
  double x, y;
  guint n;

  reset_view ();
  scene = rwb_graph_view_get_scene (view);
  before = render_view ("test-view-before-hover.png");

  node_centre (A, &x, &y);
  rwb_graph_view_pointer_motion (view, x, y);
  states = rwb_graph_view_get_node_states (view, &n);
  g_assert_true (states[rwb_scene_find_node (scene, A)] & RWB_DRAW_HOVER);
  g_assert_true (states[rwb_scene_find_node (scene, B)] & RWB_DRAW_EMPHASIS);
  g_assert_true (states[rwb_scene_find_node (scene, C)] & RWB_DRAW_EMPHASIS);
  g_assert_true (states[rwb_scene_find_node (scene, D)] & RWB_DRAW_DIMMED);
  g_assert_true (states[rwb_scene_find_node (scene, E)] & RWB_DRAW_DIMMED);
  g_assert_true (states[rwb_scene_find_node (scene, F)] & RWB_DRAW_DIMMED);

  hovered = render_view ("test-view-hover.png");
  g_test_message ("ink: E %.1f → %.1f, B %.1f → %.1f", node_ink (before, E),
                  node_ink (hovered, E), node_ink (before, B), node_ink (hovered, B));
  /* Non-neighbours fade towards the background; neighbours keep their strength. */
  g_assert_cmpfloat (node_ink (hovered, E), <, node_ink (before, E) * 0.5);
  g_assert_cmpfloat (node_ink (hovered, D), <, node_ink (before, D) * 0.5);
  g_assert_cmpfloat (node_ink (hovered, B), >, node_ink (before, B) * 0.8);
  g_assert_cmpfloat (node_ink (hovered, A), >, node_ink (before, A) * 0.8);

  /* The tooltip: name, type, other names and the number of relations. */
  tip = rwb_graph_view_tooltip_text_at (view, x, y);
  g_test_message ("tooltip: %s", tip);
  g_assert_nonnull (strstr (tip, "Alpha Motors"));
  g_assert_nonnull (strstr (tip, "company"));
  g_assert_nonnull (strstr (tip, "ألفا موتورز"));
  g_assert_nonnull (strstr (tip, "2 relations"));
  /* Provenance: how many articles mention it. */
  g_assert_nonnull (strstr (tip, "1 article"));
  g_clear_pointer (&tip, g_free);

  /* An edge: type, direction, evidence; its ends stand out, it is labelled. */
  e = edge_between (A, B);
  scene_to_widget (e->label_x, e->label_y, &x, &y);
  rwb_graph_view_pointer_motion (view, x, y - 3);
  tip = rwb_graph_view_tooltip_text_at (view, x, y - 3);
  g_test_message ("tooltip: %s", tip);
  g_assert_nonnull (strstr (tip, "manufacturing"));
  g_assert_nonnull (strstr (tip, "Alpha Motors\u2069 → \u2068Beta"));
  g_assert_nonnull (strstr (tip, "2 sentences"));
  g_assert_nonnull (strstr (tip, "· 1 article"));
  states = rwb_graph_view_get_edge_states (view, &n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (!!(states[i] & RWB_DRAW_HOVER), ==,
                     &g_array_index (scene->edges, RwbSceneEdge, i) == e);
  g_clear_pointer (&tip, g_free);

  /* Nothing there: no tooltip; leaving clears every hover state. */
  g_assert_null (rwb_graph_view_tooltip_text_at (view, 3, 3));
  rwb_graph_view_pointer_leave (view);
  states = rwb_graph_view_get_node_states (view, &n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (states[i], ==, 0);
}

static void
test_relayout_keeps_moved (void)
{
  g_autoptr (RwbGraph) graph = make_graph ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) moved = NULL;
  RwbLayoutOptions options;
  RwbScene *scene;
  double x, y, layout_x, layout_y, moved_x, moved_y;

  rwb_layout_options_init (&options);
  scene = rwb_layout_run (graph, &options, NULL, &error);
  g_assert_no_error (error);
  rwb_graph_view_set_scene (view, scene);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  layout_x = node (C)->x;
  layout_y = node (C)->y;
  node_centre (C, &x, &y);
  drag (x, y, 80, -50);
  moved_x = node (C)->x;
  moved_y = node (C)->y;
  g_assert_cmpfloat (fabs (moved_x - layout_x), >, 10);

  /* The layout again (as after changing an option): C stays where the user put it. */
  scene = rwb_layout_run (graph, &options, NULL, &error);
  g_assert_no_error (error);
  rwb_graph_view_set_scene (view, scene);
  g_assert_cmpfloat_with_epsilon (node (C)->x, moved_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (node (C)->y, moved_y, 1e-6);
  g_assert_true (on_border (node (C), g_array_index (edge_between (A, C)->points, RwbPoint, 3)));

  /* view.reset-positions puts it back and forgets. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.reset-positions", NULL));
  g_assert_cmpfloat_with_epsilon (node (C)->x, layout_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (node (C)->y, layout_y, 1e-6);
  moved = rwb_graph_view_get_moved_positions (view);
  g_assert_cmpuint (g_hash_table_size (moved), ==, 0);
  g_clear_pointer (&moved, g_hash_table_unref);
  scene = rwb_layout_run (graph, &options, NULL, &error);
  g_assert_no_error (error);
  rwb_graph_view_set_scene (view, scene);
  g_assert_cmpfloat_with_epsilon (node (C)->x, layout_x, 1e-6);

  /* A different graph starts with no moves. */
  node_centre (C, &x, &y);
  drag (x, y, 40, 40);
  moved = rwb_graph_view_get_moved_positions (view);
  g_assert_cmpuint (g_hash_table_size (moved), ==, 1);
  g_clear_pointer (&moved, g_hash_table_unref);
  reset_view ();
  moved = rwb_graph_view_get_moved_positions (view);
  g_assert_cmpuint (g_hash_table_size (moved), ==, 0);
  g_assert_cmpfloat (node (C)->x, ==, entities[C].x);
}

static void
test_legend (void)
{
  g_autoptr (Picture) off = NULL;
  g_autoptr (Picture) on = NULL;
  gboolean show;
  guint64 changed = 0;

  reset_view ();
  off = render_view ("test-view-no-legend.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.show-legend", NULL));
  g_object_get (view, "show-legend", &show, NULL);
  g_assert_true (show);
  on = render_view ("test-view-legend.png");

  /* The bottom-left corner holds it: a panel with a row per type in the graph. */
  for (int y = on->height - 200; y < on->height; y++)
    for (int x = 0; x < 160; x++)
      if (memcmp (on->data + y * on->stride + x * 4, off->data + y * off->stride + x * 4, 3))
        changed++;
  g_test_message ("%" G_GUINT64_FORMAT " pixels changed by the legend", changed);
  g_assert_cmpuint (changed, >, 2000);

  /* Measuring: 4 entity types and 5 relation types make 9 rows. */
  {
    RwbStyle style;
    double w4, h4, w9, h9;

    rwb_style_init (&style);
    rwb_render_legend (NULL, &style, 0, 0, 0x1, 0, &w4, &h4);
    rwb_render_legend (NULL, &style, 0, 0, 0xf, 0x1f, &w9, &h9);
    g_assert_cmpfloat (w4, >, 30);
    g_assert_cmpfloat (h9, >, h4 * 3);
  }
}

static gboolean
rect_contains (const graphene_rect_t *r, double x, double y)
{
  return graphene_rect_contains_point (r, &GRAPHENE_POINT_INIT (x, y));
}

/* Issue 13: the legend goes where it hides the least. Panning Gamma Person under it moves it to
 * another corner, clear of Gamma, and fitting the graph again brings it back. A press on the
 * legend neither selects what is under it nor pans. (Hysteresis: tests/test-legend.c.) */
static void
test_legend_moves (void)
{
  graphene_rect_t first, moved, back, chip;
  double gx, gy;
  RwbViewport vp;

  reset_view ();
  g_object_set (view, "show-legend", TRUE, "legend-collapsed", FALSE, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  g_assert_true (rwb_graph_view_get_legend_rect (view, &first, &chip));
  /* Nothing under the bottom left: it is there, where lines start. */
  g_assert_cmpfloat (first.origin.x, ==, LEGEND_MARGIN);
  g_assert_cmpfloat (first.origin.y + first.size.height, ==, VIEW_HEIGHT - LEGEND_MARGIN);

  /* Gamma Person's centre to the legend's centre. */
  node_centre (C, &gx, &gy);
  rwb_graph_view_pan_by (view, gx - (first.origin.x + first.size.width / 2),
                         gy - (first.origin.y + first.size.height / 2));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  node_centre (C, &gx, &gy);
  g_assert_true (rect_contains (&first, gx, gy));
  g_assert_true (rwb_graph_view_get_legend_rect (view, &moved, NULL));
  g_test_message ("legend moved from %.0f,%.0f to %.0f,%.0f", first.origin.x, first.origin.y,
                  moved.origin.x, moved.origin.y);
  g_assert_false (graphene_rect_equal (&first, &moved));
  g_assert_false (rect_contains (&moved, gx, gy));

  /* A press, drag and release on the legend: the selection stays, the view does not pan. */
  rwb_graph_view_select_entity (view, A, FALSE);
  rwb_graph_view_get_viewport (view, &vp);
  rwb_graph_view_press (view, moved.origin.x + moved.size.width / 2,
                        moved.origin.y + moved.size.height - 4, 0);
  rwb_graph_view_drag_to (view, 40, 40);
  rwb_graph_view_release (view, 40, 40);
  {
    g_autoptr (GArray) sel = rwb_graph_view_get_selected_entities (view);
    RwbViewport now;

    g_assert_cmpuint (sel->len, ==, 1);
    g_assert_cmpuint (g_array_index (sel, guint, 0), ==, A);
    rwb_graph_view_get_viewport (view, &now);
    g_assert_cmpfloat (now.origin_x, ==, vp.origin_x);
    g_assert_cmpfloat (now.origin_y, ==, vp.origin_y);
  }
  {
    gboolean collapsed;

    g_object_get (view, "legend-collapsed", &collapsed, NULL);
    g_assert_false (collapsed); /* not on the chip */
  }

  /* Fitted again, the top right would hide شركة النور: back to the empty bottom left. */
  gtk_widget_activate_action (GTK_WIDGET (view), "view.fit", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  g_assert_true (rwb_graph_view_get_legend_rect (view, &back, NULL));
  g_test_message ("after fit: %.0f,%.0f", back.origin.x, back.origin.y);
  g_assert_true (graphene_rect_equal (&back, &first));
  g_object_set (view, "show-legend", FALSE, NULL);
}

static void
test_dark (void)
{
  g_autoptr (Picture) picture = NULL;
  GtkSettings *settings = gtk_settings_get_default ();
  double x, y;
  const guchar *bg;

  reset_view ();
  g_object_set (settings, "gtk-application-prefer-dark-theme", TRUE, NULL);
  for (int i = 0; i < 100 && !rwb_graph_view_get_dark (view); i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (rwb_graph_view_get_dark (view));
  node_centre (B, &x, &y);
  click_at (x, y, 0);
  node_centre (A, &x, &y);
  rwb_graph_view_pointer_motion (view, x, y);
  picture = render_view ("test-view-dark.png");
  bg = picture->data + 2 * picture->stride + 8;
  g_assert_cmpint (bg[0] + bg[1] + bg[2], <, 150);
  g_assert_cmpfloat (node_ink (picture, B), >, 10);
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
  for (int i = 0; i < 100 && rwb_graph_view_get_dark (view); i++)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int argc, char *argv[])
{
  int status;

  gui_test_init (&argc, &argv);

  window = GTK_WINDOW (gtk_window_new ());
  view = RWB_GRAPH_VIEW (rwb_graph_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (view), VIEW_WIDTH, VIEW_HEIGHT);
  gtk_window_set_child (window, GTK_WIDGET (view));
  g_signal_connect (view, "selection-changed", G_CALLBACK (on_selection_changed), NULL);
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_present (window);
  reset_view ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), ==, VIEW_WIDTH);

  g_test_add_func ("/view/click-selects", test_click_selects);
  g_test_add_func ("/view/escape-clears", test_escape_clears);
  g_test_add_func ("/view/ctrl-click-adds", test_ctrl_click_adds);
  g_test_add_func ("/view/drag-moves-node", test_drag_moves_node);
  g_test_add_func ("/view/zoom-at-pointer", test_zoom_at_pointer);
  g_test_add_func ("/view/fit", test_fit);
  g_test_add_func ("/view/hidden-not-drawn", test_hidden_not_drawn);
  g_test_add_func ("/view/hover", test_hover);
  g_test_add_func ("/view/relayout-keeps-moved", test_relayout_keeps_moved);
  g_test_add_func ("/view/legend", test_legend);
  g_test_add_func ("/view/legend-moves", test_legend_moves);
  g_test_add_func ("/view/dark", test_dark);
  status = g_test_run ();

  g_object_ref (window);
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
  g_assert_null (view);
  return status;
}
