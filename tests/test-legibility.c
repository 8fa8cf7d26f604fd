/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for what keeps a graph readable at any size: the pieces off the main part packed in
 * rows under it (rwb_scene_pack_components) and the names placed when zoomed out
 * (rwb_render_place_labels), on scenes built by hand with known answers. */
#include "rwb-render.h"
#include "rwb-scene.h"

#include <math.h>
#include <string.h>

/* A node of @scene for a new entity @name at (x, y), 60 × 20 points. */
static guint
add_node (RwbScene *scene, const char *name, RwbEntityType type, double x, double y)
{
  RwbSceneNode n = { 0 };

  n.entity = rwb_graph_add_entity (scene->graph, name, type);
  n.x = x;
  n.y = y;
  n.width = 60;
  n.height = 20;
  n.label = g_strdup (name);
  g_array_append_val (scene->nodes, n);
  return scene->nodes->len - 1;
}

static void
add_edge (RwbScene *scene, guint from, guint to)
{
  const RwbSceneNode *a = &g_array_index (scene->nodes, RwbSceneNode, from);
  const RwbSceneNode *b = &g_array_index (scene->nodes, RwbSceneNode, to);
  RwbSceneEdge e = { 0 };
  RwbPoint p;

  e.relation = rwb_graph_add_relation (scene->graph, a->entity, b->entity,
                                       RWB_RELATION_PARTNERSHIP, FALSE, 0.8);
  e.from = from;
  e.to = to;
  e.points = g_array_new (FALSE, FALSE, sizeof (RwbPoint));
  for (int k = 0; k < 4; k++)
    {
      p.x = a->x + (b->x - a->x) * k / 3.0;
      p.y = a->y + (b->y - a->y) * k / 3.0;
      g_array_append_val (e.points, p);
    }
  e.label_x = (a->x + b->x) / 2;
  e.label_y = (a->y + b->y) / 2;
  g_array_append_val (scene->edges, e);
}

static RwbScene *
new_scene (void)
{
  g_autoptr (RwbGraph) g = rwb_graph_new ();

  return rwb_scene_new (g);
}

static gboolean
boxes_overlap (const RwbSceneNode *a, const RwbSceneNode *b)
{
  return fabs (a->x - b->x) < (a->width + b->width) / 2
         && fabs (a->y - b->y) < (a->height + b->height) / 2;
}

/* A triangle and, in a column left of it as dot stacks them, ten lone entities and a pair: the
 * triangle stays, the rest goes under it in rows no wider than it can hold, overlapping
 * nothing, the pair first and kept together. */
static void
test_pack (void)
{
  g_autoptr (RwbScene) scene = new_scene ();
  guint t[3], pair[2], lone[10];
  char name[32];
  double bottom;

  t[0] = add_node (scene, "Alpha", RWB_ENTITY_COMPANY, 200, 100);
  t[1] = add_node (scene, "Beta", RWB_ENTITY_COMPANY, 500, 100);
  t[2] = add_node (scene, "Gamma", RWB_ENTITY_PLACE, 350, 300);
  add_edge (scene, t[0], t[1]);
  add_edge (scene, t[1], t[2]);
  add_edge (scene, t[2], t[0]);
  pair[0] = add_node (scene, "Pair one", RWB_ENTITY_PERSON, 30, 100);
  pair[1] = add_node (scene, "Pair two", RWB_ENTITY_COMPANY, 30, 140);
  add_edge (scene, pair[0], pair[1]);
  for (guint i = 0; i < G_N_ELEMENTS (lone); i++)
    {
      g_snprintf (name, sizeof name, "Lone %02u", i);
      lone[i] = add_node (scene, name, i % 2 ? RWB_ENTITY_PLACE : RWB_ENTITY_COMPANY, 30,
                          200 + 40.0 * i);
    }
  rwb_scene_update_bounds (scene);
  rwb_scene_build_index (scene);
  g_assert_cmpfloat (scene->bounds.height, >, 450);

  g_assert_cmpuint (rwb_scene_pack_components (scene), ==, 12);

  /* The main part did not move. */
  g_assert_cmpfloat (g_array_index (scene->nodes, RwbSceneNode, t[0]).x, ==, 200);
  g_assert_cmpfloat (g_array_index (scene->nodes, RwbSceneNode, t[2]).y, ==, 300);
  bottom = 310;
  /* Everything else lies under it, within its width, without overlaps. */
  for (guint i = 3; i < scene->nodes->len; i++)
    {
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);

      g_assert_cmpfloat (n->y - n->height / 2, >, bottom);
      g_assert_cmpfloat (n->x - n->width / 2, >=, 170 - 1e-9);
      for (guint j = 0; j < i; j++)
        g_assert_false (boxes_overlap (n, &g_array_index (scene->nodes, RwbSceneNode, j)));
    }
  /* The pair keeps its shape; its edge moved with it. */
  {
    const RwbSceneNode *a = &g_array_index (scene->nodes, RwbSceneNode, pair[0]);
    const RwbSceneNode *b = &g_array_index (scene->nodes, RwbSceneNode, pair[1]);
    const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, 3);
    RwbPoint p0 = g_array_index (e->points, RwbPoint, 0);

    g_assert_cmpfloat (fabs (b->x - a->x), <, 1e-9);
    g_assert_cmpfloat (fabs (b->y - a->y - 40), <, 1e-9);
    g_assert_cmpfloat (fabs (p0.x - a->x), <, 1e-9);
    g_assert_cmpfloat (fabs (p0.y - a->y), <, 1e-9);
  }
  /* Far shorter than the column: a few rows. */
  g_assert_cmpfloat (scene->bounds.height, <, 400);
  /* The query index follows the move. */
  {
    const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, lone[0]);
    g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
    RwbRect at = { n->x - 1, n->y - 1, 2, 2 };

    rwb_scene_query_rect (scene, &at, found, NULL);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpuint (g_array_index (found, guint, 0), ==, lone[0]);
  }

  /* Packing again puts every piece where it is already. */
  {
    RwbSceneNode before = g_array_index (scene->nodes, RwbSceneNode, lone[9]);

    rwb_scene_pack_components (scene);
    g_assert_cmpfloat (fabs (g_array_index (scene->nodes, RwbSceneNode, lone[9]).x - before.x),
                       <, 1e-9);
    g_assert_cmpfloat (fabs (g_array_index (scene->nodes, RwbSceneNode, lone[9]).y - before.y),
                       <, 1e-9);
  }
}

static void
test_pack_single_component (void)
{
  g_autoptr (RwbScene) scene = new_scene ();
  guint a = add_node (scene, "Alpha", RWB_ENTITY_COMPANY, 0, 0);
  guint b = add_node (scene, "Beta", RWB_ENTITY_COMPANY, 200, 0);

  add_edge (scene, a, b);
  g_assert_cmpuint (rwb_scene_pack_components (scene), ==, 0);
  g_assert_cmpfloat (g_array_index (scene->nodes, RwbSceneNode, b).x, ==, 200);
}

/* Zoomed out: names never overlap; the most connected of two that would is the one named;
 * names far apart are all placed; hidden nodes get none; a priority overrides the degree. */
static void
test_place_labels (void)
{
  g_autoptr (RwbScene) scene = new_scene ();
  g_autofree guint8 *placed = NULL;
  guint hub, near, far[4];
  guint8 states[8] = { 0 };
  double priority[8] = { 0 };
  RwbStyle style;
  double scale = 0.3;

  hub = add_node (scene, "Hub Company", RWB_ENTITY_COMPANY, 0, 0);
  /* 20 points right of the hub: at 0.3 px per point their names would overlap. */
  near = add_node (scene, "Nearby Company", RWB_ENTITY_COMPANY, 20, 0);
  for (guint i = 0; i < G_N_ELEMENTS (far); i++)
    {
      char name[16];

      g_snprintf (name, sizeof name, "Far %u", i);
      far[i] = add_node (scene, name, RWB_ENTITY_PLACE, 2000.0 * (i + 1), 1000.0 * (i % 2));
      add_edge (scene, hub, far[i]);
    }
  rwb_scene_update_bounds (scene);
  rwb_scene_build_index (scene);
  g_assert_false (rwb_render_full_labels (scale));
  g_assert_true (rwb_render_full_labels (1.0));

  rwb_style_init (&style);
  placed = g_malloc0 (scene->nodes->len);
  g_assert_cmpuint (rwb_render_place_labels (scene, &style, scale, placed, NULL), ==, 5);
  g_assert_true (placed[hub]);
  g_assert_false (placed[near]);
  for (guint i = 0; i < G_N_ELEMENTS (far); i++)
    g_assert_true (placed[far[i]]);

  /* The hub hidden: the nearby company gets its name. */
  states[hub] = RWB_DRAW_HIDDEN;
  style.node_state = states;
  g_assert_cmpuint (rwb_render_place_labels (scene, &style, scale, placed, NULL), ==, 5);
  g_assert_false (placed[hub]);
  g_assert_true (placed[near]);

  /* Priorities instead of relation counts. */
  style.node_state = NULL;
  priority[near] = 10;
  style.node_priority = priority;
  rwb_render_place_labels (scene, &style, scale, placed, NULL);
  g_assert_true (placed[near]);
  g_assert_false (placed[hub]);

  /* Zoomed in far enough, the two fit side by side. */
  style.node_priority = NULL;
  g_assert_cmpuint (rwb_render_place_labels (scene, &style, 5.0, placed, NULL), ==, 6);
}

/* The grid of loose entities zoomed out: boxes side by side, each narrower than its name at the
 * zoomed-out size. Every box is named (cut with "…" where it must be), no two plates overlap,
 * and a name with room beside it is longer than its box. (Placed whole and greedily, every
 * other name of the row was dropped.) */
static void
test_place_labels_grid (void)
{
  static const char *const names[] = {
    "Hyundai Motor Group", "Intel", "Lucid Group", "Morgan Stanley", "SQM", "Toyota",
    "Europe", "Fujian", "Indonesia", "Japan", "Red Sea", "Taipei",
  };
  g_autoptr (RwbScene) scene = new_scene ();
  g_autofree guint8 *placed = NULL;
  g_autofree double *plates = NULL;
  guint n = G_N_ELEMENTS (names), lonely;
  double scale = 0.4;
  RwbStyle style;

  /* One row, 70.3 points apart: 60-point boxes, 24 device pixels at 0.4. */
  for (guint i = 0; i < n; i++)
    add_node (scene, names[i], i < 6 ? RWB_ENTITY_COMPANY : RWB_ENTITY_PLACE, 70.3 * i + 0.1, 0);
  /* And one far below, alone in its row. */
  lonely = add_node (scene, "Alone With Room Around", RWB_ENTITY_COMPANY, 0, 400);
  rwb_scene_update_bounds (scene);
  rwb_scene_build_index (scene);
  rwb_style_init (&style);
  placed = g_malloc0 (scene->nodes->len);
  plates = g_new0 (double, scene->nodes->len);

  /* At scales where the two shares of a gap, computed from either side, round differently. */
  for (double odd = 0.3313; odd < 0.45; odd += 0.0071)
    g_assert_cmpuint (rwb_render_place_labels (scene, &style, odd, placed, NULL), ==, n + 1);
  g_assert_cmpuint (rwb_render_place_labels (scene, &style, scale, placed, plates), ==, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const RwbSceneNode *a = &g_array_index (scene->nodes, RwbSceneNode, i);

      g_assert_true (placed[i]);
      g_assert_cmpfloat (plates[i], >, 10);
      if (i + 1 < n)
        {
          const RwbSceneNode *b = &g_array_index (scene->nodes, RwbSceneNode, i + 1);

          g_assert_cmpfloat (a->x * scale + plates[i] / 2, <=,
                             b->x * scale - plates[i + 1] / 2 + 1e-9);
        }
    }
  /* With room around it, a name is drawn wider than its box. */
  g_assert_true (placed[lonely]);
  g_assert_cmpfloat (plates[lonely], >, 60 * scale + 10);
}

/* Issue 13: an edge label never hides under a node. Alpha—Beta's label would sit on Gamma,
 * between them on the line (as sfdp routes lines past nodes): it moves along the line to the
 * first free place from the middle outwards; with Gamma hidden it stays; with the line covered
 * end to end there is no place. */
static void
test_edge_label_place (void)
{
  g_autoptr (RwbScene) scene = new_scene ();
  guint a = add_node (scene, "Alpha", RWB_ENTITY_COMPANY, 0, 0);
  guint b = add_node (scene, "Beta", RWB_ENTITY_COMPANY, 400, 0);
  guint c = add_node (scene, "Gamma", RWB_ENTITY_PLACE, 200, 0);
  guint8 states[8] = { 0 };
  double scales[8] = { 1, 1, 1, 1, 1, 1, 1, 1 };
  RwbStyle style;
  double x, y;

  add_edge (scene, a, b);
  rwb_scene_update_bounds (scene);
  rwb_scene_build_index (scene);
  rwb_style_init (&style);

  /* A 50 × 14 label: at 200 (Graphviz's), 168 and 232 it meets Gamma (170 to 230); at 136
   * (a third of the way) it does not. */
  g_assert_true (rwb_render_edge_label_place (scene, &style, 0, 50, 14, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, 136, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-6);

  /* Gamma hidden: where Graphviz put it. */
  states[c] = RWB_DRAW_HIDDEN;
  style.node_state = states;
  g_assert_true (rwb_render_edge_label_place (scene, &style, 0, 50, 14, &x, &y));
  g_assert_cmpfloat (x, ==, 200);
  style.node_state = NULL;

  /* Gamma drawn twice its size (centrality): 140 to 260, so 136 is taken too; 104 is free. */
  scales[c] = 2;
  style.node_scale = scales;
  g_assert_true (rwb_render_edge_label_place (scene, &style, 0, 50, 14, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, 104, 1e-6);
  style.node_scale = NULL;

  /* Boxes all along the line: no place, and the label is left out. */
  for (double px = 60; px < 400; px += 60)
    add_node (scene, "Wall", RWB_ENTITY_PLACE, px, 0);
  rwb_scene_build_index (scene);
  g_assert_false (rwb_render_edge_label_place (scene, &style, 0, 50, 14, &x, &y));
  g_assert_cmpfloat (x, ==, 200);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/legibility/pack", test_pack);
  g_test_add_func ("/legibility/pack-single-component", test_pack_single_component);
  g_test_add_func ("/legibility/place-labels", test_place_labels);
  g_test_add_func ("/legibility/place-labels-grid", test_place_labels_grid);
  g_test_add_func ("/legibility/edge-label-place", test_edge_label_place);
  return g_test_run ();
}
