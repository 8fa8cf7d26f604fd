/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-scene-pack.c — the pieces of a laid-out graph that are not its main part, gathered in
 * rows under it.
 *
 * Graphviz's dot ranks every connected component by itself and stacks them along the rank
 * axis: twenty entities without a relation become a column taller than the graph, and fitting
 * that column sets the zoom of the whole view. Here the largest component stays where the
 * layout put it and every other one (single entities included) is moved, as a rigid block, into
 * rows as wide as the main part, under it: the bigger pieces first, then the lone entities by
 * type and name.
 */
#define G_LOG_DOMAIN "rawabit-layout"

#include "rwb-scene.h"

#include <math.h>
#include <string.h>

/* Points between blocks in a row, between lone entities, and between rows. */
#define BLOCK_GAP 24.0
#define LONE_GAP 12.0
#define ROW_GAP 18.0
/* Space between the main part and the first row. */
#define MAIN_GAP 42.0

typedef struct {
  guint root;          /* component id: the union-find root */
  guint n_nodes;
  RwbRect box;
  guint first_node;    /* of the lone entity, to sort by */
} Block;

static guint
find (guint *parent, guint i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

static void
grow (RwbRect *box, const RwbRect *r)
{
  if (box->width < 0)
    {
      *box = *r;
      return;
    }
  double x1 = MAX (box->x + box->width, r->x + r->width);
  double y1 = MAX (box->y + box->height, r->y + r->height);
  box->x = MIN (box->x, r->x);
  box->y = MIN (box->y, r->y);
  box->width = x1 - box->x;
  box->height = y1 - box->y;
}

static const RwbScene *sort_scene;

/* Multi-entity blocks first, largest first; then lone entities by type, then name. */
static int
compare_blocks (gconstpointer a, gconstpointer b)
{
  const Block *x = a, *y = b;

  if ((x->n_nodes > 1) != (y->n_nodes > 1))
    return x->n_nodes > 1 ? -1 : 1;
  if (x->n_nodes > 1)
    {
      if (x->n_nodes != y->n_nodes)
        return x->n_nodes > y->n_nodes ? -1 : 1;
      return x->first_node < y->first_node ? -1 : x->first_node > y->first_node;
    }
  const RwbSceneNode *nx = &g_array_index (sort_scene->nodes, RwbSceneNode, x->first_node);
  const RwbSceneNode *ny = &g_array_index (sort_scene->nodes, RwbSceneNode, y->first_node);
  const RwbEntity *ex = g_ptr_array_index (sort_scene->graph->entities, nx->entity);
  const RwbEntity *ey = g_ptr_array_index (sort_scene->graph->entities, ny->entity);
  if (ex->type != ey->type)
    return ex->type < ey->type ? -1 : 1;
  int c = g_utf8_collate (nx->label ? nx->label : "", ny->label ? ny->label : "");
  if (c != 0)
    return c;
  return x->first_node < y->first_node ? -1 : x->first_node > y->first_node;
}

static void
translate_edge (RwbSceneEdge *e, double dx, double dy)
{
  for (guint k = 0; e->points != NULL && k < e->points->len; k++)
    {
      RwbPoint *p = &g_array_index (e->points, RwbPoint, k);
      p->x += dx;
      p->y += dy;
    }
  e->head.x += dx;
  e->head.y += dy;
  e->label_x += dx;
  e->label_y += dy;
}

/**
 * rwb_scene_pack_components:
 * @scene: a scene of a Rawabit graph, as the layout made it
 *
 * Keeps the largest connected component where it is and moves every other component
 * (entities without a relation in the scene included) into rows under it. Does nothing to an
 * imported scene, or to one with a single component. Rebuilds the index if there is one.
 *
 * Returns: the number of nodes moved
 */
guint
rwb_scene_pack_components (RwbScene *scene)
{
  g_return_val_if_fail (scene != NULL, 0);

  guint n = scene->nodes->len;
  if (scene->from_dot || n < 2)
    return 0;

  g_autofree guint *parent = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      if (e->from >= n || e->to >= n)
        continue;
      guint a = find (parent, e->from), b = find (parent, e->to);
      if (a != b)
        parent[MAX (a, b)] = MIN (a, b);
    }

  /* One block per component, its box over its nodes and edges. */
  g_autofree gint *block_of = g_new (gint, n);
  g_autoptr (GArray) blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  for (guint i = 0; i < n; i++)
    block_of[i] = -1;
  for (guint i = 0; i < n; i++)
    {
      guint r = find (parent, i);
      if (block_of[r] < 0)
        {
          Block b = { r, 0, { 0, 0, -1, -1 }, i };
          block_of[r] = blocks->len;
          g_array_append_val (blocks, b);
        }
      Block *b = &g_array_index (blocks, Block, block_of[r]);
      const RwbSceneNode *node = &g_array_index (scene->nodes, RwbSceneNode, i);
      RwbRect box = { node->x - node->width / 2, node->y - node->height / 2, node->width,
                      node->height };
      b->n_nodes++;
      grow (&b->box, &box);
    }
  if (blocks->len < 2)
    return 0;
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      if (e->from >= n || e->points == NULL || e->points->len == 0)
        continue;
      RwbRect box;
      rwb_scene_edge_bounds (scene, i, &box);
      grow (&g_array_index (blocks, Block, block_of[find (parent, e->from)]).box, &box);
    }

  /* The main part: the component with the most nodes (the first of them on a tie). A graph
   * without any relation has none: everything goes into rows. */
  gint main = -1;
  for (guint k = 0; k < blocks->len; k++)
    {
      const Block *b = &g_array_index (blocks, Block, k);
      if (b->n_nodes > 1 && (main < 0 || b->n_nodes > g_array_index (blocks, Block, main).n_nodes))
        main = k;
    }

  g_autoptr (GArray) rest = g_array_new (FALSE, FALSE, sizeof (Block));
  double area = 0;
  for (guint k = 0; k < blocks->len; k++)
    if ((gint) k != main)
      {
        const Block *b = &g_array_index (blocks, Block, k);
        g_array_append_val (rest, *b);
        area += (b->box.width + BLOCK_GAP) * (b->box.height + ROW_GAP);
      }
  sort_scene = scene;
  g_array_sort (rest, compare_blocks);
  sort_scene = NULL;

  /* Rows as wide as the main part, or a little wider than square when the rows hold more
   * than it does; never narrower than the widest block. */
  RwbRect main_box = main >= 0 ? g_array_index (blocks, Block, main).box
                               : (RwbRect) { 0, 0, 0, 0 };
  double width = MAX (main_box.width, sqrt (area) * 1.6);
  for (guint k = 0; k < rest->len; k++)
    width = MAX (width, g_array_index (rest, Block, k).box.width);

  g_autofree double *dx = g_new0 (double, blocks->len);
  g_autofree double *dy = g_new0 (double, blocks->len);
  double x = main_box.x, y = main >= 0 ? main_box.y + main_box.height + MAIN_GAP : 0;
  double row_height = 0;
  guint moved = 0;
  for (guint k = 0; k < rest->len; k++)
    {
      const Block *b = &g_array_index (rest, Block, k);
      double gap = b->n_nodes > 1 ? BLOCK_GAP : LONE_GAP;
      /* Lone entities start a row of their own after the bigger pieces. */
      gboolean first_lone = b->n_nodes == 1 && k > 0
                            && g_array_index (rest, Block, k - 1).n_nodes > 1;
      if (x > main_box.x && (x + b->box.width > main_box.x + width || first_lone))
        {
          x = main_box.x;
          y += row_height + ROW_GAP;
          row_height = 0;
        }
      dx[block_of[b->root]] = x - b->box.x;
      dy[block_of[b->root]] = y - b->box.y;
      x += b->box.width + gap;
      row_height = MAX (row_height, b->box.height);
      moved += b->n_nodes;
    }

  for (guint i = 0; i < n; i++)
    {
      gint k = block_of[find (parent, i)];
      RwbSceneNode *node = &g_array_index (scene->nodes, RwbSceneNode, i);
      node->x += dx[k];
      node->y += dy[k];
    }
  for (guint i = 0; i < scene->edges->len; i++)
    {
      RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      if (e->from >= n)
        continue;
      gint k = block_of[find (parent, e->from)];
      if (dx[k] != 0 || dy[k] != 0)
        translate_edge (e, dx[k], dy[k]);
    }

  rwb_scene_update_bounds (scene);
  if (scene->index != NULL)
    rwb_scene_build_index (scene);
  return moved;
}
