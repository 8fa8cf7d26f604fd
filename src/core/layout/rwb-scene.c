/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-scene.c — laid-out graph geometry. */
#define G_LOG_DOMAIN "rawabit-scene"

#include "rwb-scene.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* An item whose box covers more cells than this goes to a list every query checks: a long
 * edge across a big graph would otherwise sit in thousands of cells. */
#define MAX_ITEM_CELLS 64
/* Arrowhead length the renderer draws and Graphviz leaves between a spline and its head. */
#define ARROW_LEN 10.0
/* Distance between the middles of two edges that join the same pair of nodes. */
#define PARALLEL_GAP 18.0

struct _RwbSceneIndex
{
  double x0, y0, cell;  /* grid origin and cell size, scene points */
  guint cols, rows;
  GArray **cells;       /* cols × rows; guint items (index << 1 | is_edge); NULL when empty */
  GArray *big;          /* items too large for cells */
  guint n_nodes, n_edges;
  RwbRect *node_box;
  RwbRect *edge_box;
  guint *node_stamp;    /* query generation that last saw the item: dedups multi-cell items */
  guint *edge_stamp;
  guint stamp;
  guint *adj_start;     /* n_nodes + 1 offsets into adj: edges by node (CSR) */
  guint *adj;
};

static void
index_free (RwbSceneIndex *index)
{
  if (index == NULL)
    return;
  for (guint i = 0; i < index->cols * index->rows; i++)
    if (index->cells[i])
      g_array_unref (index->cells[i]);
  g_free (index->cells);
  g_array_unref (index->big);
  g_free (index->node_box);
  g_free (index->edge_box);
  g_free (index->node_stamp);
  g_free (index->edge_stamp);
  g_free (index->adj_start);
  g_free (index->adj);
  g_free (index);
}

static void
node_clear (gpointer data)
{
  RwbSceneNode *node = data;
  g_free (node->label);
  g_free (node->sublabel);
}

static void
edge_clear (gpointer data)
{
  RwbSceneEdge *edge = data;
  g_clear_pointer (&edge->points, g_array_unref);
  g_free (edge->label);
}

static void
cluster_clear (gpointer data)
{
  RwbSceneCluster *cluster = data;
  g_free (cluster->label);
}

/**
 * rwb_scene_new:
 * Creates an empty scene for @graph, holding a reference to it.
 */
RwbScene *
rwb_scene_new (RwbGraph *graph)
{
  RwbScene *scene = g_new0 (RwbScene, 1);
  scene->graph = rwb_graph_ref (graph);
  scene->nodes = g_array_new (FALSE, TRUE, sizeof (RwbSceneNode));
  g_array_set_clear_func (scene->nodes, node_clear);
  scene->edges = g_array_new (FALSE, TRUE, sizeof (RwbSceneEdge));
  g_array_set_clear_func (scene->edges, edge_clear);
  scene->clusters = g_array_new (FALSE, TRUE, sizeof (RwbSceneCluster));
  g_array_set_clear_func (scene->clusters, cluster_clear);
  scene->draw_ops = g_array_new (FALSE, TRUE, sizeof (RwbDrawOp));
  scene->draw_points = g_array_new (FALSE, TRUE, sizeof (RwbPoint));
  scene->strings = g_string_chunk_new (4096);
  return scene;
}

/**
 * rwb_scene_free:
 * Frees the scene and drops its reference to the graph.
 */
void
rwb_scene_free (RwbScene *scene)
{
  if (scene == NULL)
    return;
  index_free (scene->index);
  g_array_unref (scene->nodes);
  g_array_unref (scene->edges);
  g_array_unref (scene->clusters);
  g_array_unref (scene->draw_ops);
  g_array_unref (scene->draw_points);
  g_string_chunk_free (scene->strings);
  rwb_graph_unref (scene->graph);
  g_free (scene->engine);
  g_free (scene);
}

/**
 * rwb_scene_copy:
 * @scene: a scene
 *
 * A copy of @scene sharing nothing with it but a reference to its graph, and without the
 * spatial index, so another thread can draw it while the original changes.
 *
 * Returns: (transfer full): the copy; free it with rwb_scene_free()
 */
RwbScene *
rwb_scene_copy (const RwbScene *scene)
{
  g_return_val_if_fail (scene != NULL, NULL);
  RwbScene *copy = rwb_scene_new (scene->graph);
  g_array_set_size (copy->nodes, scene->nodes->len);
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
      RwbSceneNode *c = &g_array_index (copy->nodes, RwbSceneNode, i);
      *c = *n;
      c->label = g_strdup (n->label);
      c->sublabel = g_strdup (n->sublabel);
    }
  g_array_set_size (copy->edges, scene->edges->len);
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      RwbSceneEdge *c = &g_array_index (copy->edges, RwbSceneEdge, i);
      *c = *e;
      c->points = e->points ? g_array_copy (e->points) : NULL;
      c->label = g_strdup (e->label);
    }
  g_array_set_size (copy->clusters, scene->clusters->len);
  for (guint i = 0; i < scene->clusters->len; i++)
    {
      const RwbSceneCluster *k = &g_array_index (scene->clusters, RwbSceneCluster, i);
      RwbSceneCluster *c = &g_array_index (copy->clusters, RwbSceneCluster, i);
      *c = *k;
      c->label = g_strdup (k->label);
    }
  g_array_append_vals (copy->draw_points, scene->draw_points->data, scene->draw_points->len);
  g_array_append_vals (copy->draw_ops, scene->draw_ops->data, scene->draw_ops->len);
  for (guint i = 0; i < copy->draw_ops->len; i++)
    {
      RwbDrawOp *op = &g_array_index (copy->draw_ops, RwbDrawOp, i);
      if (op->text)
        op->text = g_string_chunk_insert (copy->strings, op->text);
      if (op->font)
        op->font = g_string_chunk_insert_const (copy->strings, op->font);
    }
  copy->bounds = scene->bounds;
  copy->engine = g_strdup (scene->engine);
  copy->from_dot = scene->from_dot;
  copy->has_background = scene->has_background;
  copy->background = scene->background;
  copy->draw_first = scene->draw_first;
  copy->draw_n = scene->draw_n;
  return copy;
}

/**
 * rwb_scene_subset:
 * @scene: a scene
 * @graph: a graph made from `scene->graph` by leaving entities and relations out
 * @entity_map: per entity of `scene->graph`, its index in @graph or G_MAXUINT
 * @relation_map: per relation of `scene->graph`, its index in @graph or G_MAXUINT
 *
 * What @scene draws of @graph, renumbered to it: what an export of a filtered graph places
 * where the view shows it.
 *
 * Returns: (transfer full): the scene of @graph
 */
RwbScene *
rwb_scene_subset (const RwbScene *scene, RwbGraph *graph, const guint *entity_map,
                  const guint *relation_map)
{
  g_return_val_if_fail (scene != NULL && graph != NULL, NULL);
  g_return_val_if_fail (entity_map != NULL && relation_map != NULL, NULL);
  RwbScene *out = rwb_scene_copy (scene);
  rwb_graph_unref (out->graph);
  out->graph = rwb_graph_ref (graph);
  guint n_entities = scene->graph->entities->len, n_relations = scene->graph->relations->len;
  guint n_nodes = out->nodes->len, kept = 0;
  g_autofree guint *node_map = g_new (guint, n_nodes + 1);
  for (guint i = 0; i < n_nodes; i++)
    {
      RwbSceneNode *node = &g_array_index (out->nodes, RwbSceneNode, i);
      guint to = node->entity < n_entities ? entity_map[node->entity] : G_MAXUINT;
      if (to >= graph->entities->len)
        {
          node_map[i] = G_MAXUINT;
          g_clear_pointer (&node->label, g_free);
          g_clear_pointer (&node->sublabel, g_free);
          continue;
        }
      node->entity = to;
      node_map[i] = kept;
      if (kept != i)
        g_array_index (out->nodes, RwbSceneNode, kept) = *node;
      kept++;
    }
  /* What is past @kept was moved down or freed: cleared, the array's clear function frees
   * nothing twice when it shrinks. */
  if (kept < n_nodes)
    memset (&g_array_index (out->nodes, RwbSceneNode, kept), 0,
            (n_nodes - kept) * sizeof (RwbSceneNode));
  g_array_set_size (out->nodes, kept);

  guint n_edges = out->edges->len;
  kept = 0;
  for (guint i = 0; i < n_edges; i++)
    {
      RwbSceneEdge *edge = &g_array_index (out->edges, RwbSceneEdge, i);
      guint to = edge->relation < n_relations ? relation_map[edge->relation] : G_MAXUINT;
      guint from_node = edge->from < n_nodes ? node_map[edge->from] : G_MAXUINT;
      guint to_node = edge->to < n_nodes ? node_map[edge->to] : G_MAXUINT;
      if (to >= graph->relations->len || from_node == G_MAXUINT || to_node == G_MAXUINT)
        {
          g_clear_pointer (&edge->points, g_array_unref);
          g_clear_pointer (&edge->label, g_free);
          continue;
        }
      edge->relation = to;
      edge->from = from_node;
      edge->to = to_node;
      if (kept != i)
        g_array_index (out->edges, RwbSceneEdge, kept) = *edge;
      kept++;
    }
  if (kept < n_edges)
    memset (&g_array_index (out->edges, RwbSceneEdge, kept), 0,
            (n_edges - kept) * sizeof (RwbSceneEdge));
  g_array_set_size (out->edges, kept);
  return out;
}

/**
 * rwb_scene_find_node:
 * Returns the scene node of entity @entity, or -1.
 */
gint
rwb_scene_find_node (const RwbScene *scene, guint entity)
{
  g_return_val_if_fail (scene != NULL, -1);
  for (guint i = 0; i < scene->nodes->len; i++)
    if (g_array_index (scene->nodes, RwbSceneNode, i).entity == entity)
      return i;
  return -1;
}

static gboolean
rects_meet (const RwbRect *a, const RwbRect *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width && a->y <= b->y + b->height
         && b->y <= a->y + a->height;
}

static gboolean
rect_finite (const RwbRect *r)
{
  return isfinite (r->x) && isfinite (r->y) && isfinite (r->width) && isfinite (r->height);
}

static void
node_box (const RwbSceneNode *n, RwbRect *out)
{
  *out = (RwbRect) { n->x - n->width / 2, n->y - n->height / 2, n->width, n->height };
}

/* Grows (x0, y0)–(x1, y1) around what operations @first … @first + @n draw. */
static void
ops_extent (const RwbScene *scene, guint first, guint n, double *x0, double *y0, double *x1,
            double *y1)
{
  for (guint i = first; i < first + n && i < scene->draw_ops->len; i++)
    {
      const RwbDrawOp *op = &g_array_index (scene->draw_ops, RwbDrawOp, i);
      const RwbPoint *p = &g_array_index (scene->draw_points, RwbPoint, op->first);
      double rx = 0, ry = 0;
      guint np = op->n;
      if (op->kind == RWB_DRAW_OP_ELLIPSE && op->n == 2)
        rx = p[1].x, ry = p[1].y, np = 1;
      else if (op->kind == RWB_DRAW_OP_TEXT)
        rx = op->text_width, ry = op->size;
      for (guint k = 0; k < np; k++)
        {
          *x0 = MIN (*x0, p[k].x - rx), *y0 = MIN (*y0, p[k].y - ry);
          *x1 = MAX (*x1, p[k].x + rx), *y1 = MAX (*y1, p[k].y + ry);
        }
    }
}

static void
edge_box (const RwbScene *scene, const RwbSceneEdge *e, RwbRect *out)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  guint n = e->points ? e->points->len : 0;

  /* An imported edge's arrowheads and label reach past its curve. */
  if (e->draw_n > 0)
    ops_extent (scene, e->draw_first, e->draw_n, &x0, &y0, &x1, &y1);

  for (guint k = 0; k < n; k++)
    {
      RwbPoint p = g_array_index (e->points, RwbPoint, k);
      x0 = MIN (x0, p.x), y0 = MIN (y0, p.y), x1 = MAX (x1, p.x), y1 = MAX (y1, p.y);
    }
  if (e->has_head)
    {
      x0 = MIN (x0, e->head.x), y0 = MIN (y0, e->head.y);
      x1 = MAX (x1, e->head.x), y1 = MAX (y1, e->head.y);
    }
  if (x0 > x1)
    *out = (RwbRect) { 0, 0, -1, -1 }; /* meets nothing */
  else
    *out = (RwbRect) { x0, y0, x1 - x0, y1 - y0 };
}

/**
 * rwb_scene_edge_bounds:
 * Stores the box around edge @edge's control points and arrowhead in @out.
 */
void
rwb_scene_edge_bounds (const RwbScene *scene, guint edge, RwbRect *out)
{
  g_return_if_fail (scene != NULL && edge < scene->edges->len && out != NULL);
  if (scene->index)
    *out = scene->index->edge_box[edge];
  else
    edge_box (scene, &g_array_index (scene->edges, RwbSceneEdge, edge), out);
}

static void
cell_range (const RwbSceneIndex *index, const RwbRect *r, guint *cx0, guint *cy0, guint *cx1,
            guint *cy1)
{
  /* Clamped, so items moved outside the grid still land in (and are found in) edge cells. */
  double fx0 = floor ((r->x - index->x0) / index->cell);
  double fy0 = floor ((r->y - index->y0) / index->cell);
  double fx1 = floor ((r->x + r->width - index->x0) / index->cell);
  double fy1 = floor ((r->y + r->height - index->y0) / index->cell);
  /* A box that is not finite (never from a checked layout, but a caller may set anything) goes
   * to cell 0 rather than to an undefined cast. */
  if (!isfinite (fx0) || !isfinite (fy0) || !isfinite (fx1) || !isfinite (fy1))
    fx0 = fy0 = fx1 = fy1 = 0;
  *cx0 = (guint) CLAMP (fx0, 0, index->cols - 1);
  *cy0 = (guint) CLAMP (fy0, 0, index->rows - 1);
  *cx1 = (guint) CLAMP (fx1, 0, index->cols - 1);
  *cy1 = (guint) CLAMP (fy1, 0, index->rows - 1);
}

static void
index_insert (RwbSceneIndex *index, guint item, const RwbRect *box)
{
  guint cx0, cy0, cx1, cy1;

  if (box->width < 0)
    return;
  cell_range (index, box, &cx0, &cy0, &cx1, &cy1);
  if ((gsize) (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_ITEM_CELLS)
    {
      g_array_append_val (index->big, item);
      return;
    }
  for (guint cy = cy0; cy <= cy1; cy++)
    for (guint cx = cx0; cx <= cx1; cx++)
      {
        GArray **cell = &index->cells[cy * index->cols + cx];
        if (*cell == NULL)
          *cell = g_array_sized_new (FALSE, FALSE, sizeof (guint), 4);
        g_array_append_val (*cell, item);
      }
}

static void
remove_item (GArray *array, guint item)
{
  for (guint i = 0; array && i < array->len; i++)
    if (g_array_index (array, guint, i) == item)
      {
        g_array_remove_index_fast (array, i);
        return;
      }
}

static void
index_remove (RwbSceneIndex *index, guint item, const RwbRect *box)
{
  guint cx0, cy0, cx1, cy1;

  if (box->width < 0)
    return;
  cell_range (index, box, &cx0, &cy0, &cx1, &cy1);
  if ((gsize) (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_ITEM_CELLS)
    {
      remove_item (index->big, item);
      return;
    }
  for (guint cy = cy0; cy <= cy1; cy++)
    for (guint cx = cx0; cx <= cx1; cx++)
      remove_item (index->cells[cy * index->cols + cx], item);
}

/**
 * rwb_scene_build_index:
 * Builds the grid index and the node → edges table; replaces an older index.
 */
void
rwb_scene_build_index (RwbScene *scene)
{
  g_return_if_fail (scene != NULL);

  g_clear_pointer (&scene->index, index_free);
  RwbSceneIndex *index = g_new0 (RwbSceneIndex, 1);
  guint nn = scene->nodes->len, ne = scene->edges->len;
  index->n_nodes = nn;
  index->n_edges = ne;
  index->node_box = g_new (RwbRect, MAX (nn, 1));
  index->edge_box = g_new (RwbRect, MAX (ne, 1));
  index->node_stamp = g_new0 (guint, MAX (nn, 1));
  index->edge_stamp = g_new0 (guint, MAX (ne, 1));
  index->big = g_array_new (FALSE, FALSE, sizeof (guint));

  /* The grid spans the items themselves, not scene->bounds, which a caller may not have set. */
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  for (guint i = 0; i < nn; i++)
    {
      RwbRect *b = &index->node_box[i];
      node_box (&g_array_index (scene->nodes, RwbSceneNode, i), b);
      if (!rect_finite (b))
        continue;
      x0 = MIN (x0, b->x), y0 = MIN (y0, b->y);
      x1 = MAX (x1, b->x + b->width), y1 = MAX (y1, b->y + b->height);
    }
  for (guint i = 0; i < ne; i++)
    {
      RwbRect *b = &index->edge_box[i];
      edge_box (scene, &g_array_index (scene->edges, RwbSceneEdge, i), b);
      if (b->width < 0 || !rect_finite (b))
        continue;
      x0 = MIN (x0, b->x), y0 = MIN (y0, b->y);
      x1 = MAX (x1, b->x + b->width), y1 = MAX (y1, b->y + b->height);
    }
  if (x0 > x1)
    x0 = y0 = 0, x1 = y1 = 1;

  /* About two nodes per cell: a point or a screen-sized query looks at few items per cell. */
  double w = MAX (x1 - x0, 1), h = MAX (y1 - y0, 1);
  if (!isfinite (w) || !isfinite (h))
    x0 = y0 = 0, w = h = 1;
  double cell = sqrt (w * h * 2.0 / MAX (nn, 1));
  cell = MAX (cell, 16.0);
  index->x0 = x0;
  index->y0 = y0;
  index->cols = (guint) CLAMP (ceil (w / cell), 1, 2048);
  index->rows = (guint) CLAMP (ceil (h / cell), 1, 2048);
  index->cell = MAX (w / index->cols, h / index->rows);
  index->cells = g_new0 (GArray *, (gsize) index->cols * index->rows);

  for (guint i = 0; i < ne; i++)
    index_insert (index, i << 1 | 1, &index->edge_box[i]);
  for (guint i = 0; i < nn; i++)
    index_insert (index, i << 1, &index->node_box[i]);

  /* Incident edges per node, compressed: counts, prefix sums, fill. */
  index->adj_start = g_new0 (guint, nn + 1);
  for (guint i = 0; i < ne; i++)
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      if (e->from < nn)
        index->adj_start[e->from + 1]++;
      if (e->to < nn && e->to != e->from)
        index->adj_start[e->to + 1]++;
    }
  for (guint i = 0; i < nn; i++)
    index->adj_start[i + 1] += index->adj_start[i];
  index->adj = g_new (guint, MAX (index->adj_start[nn], 1));
  g_autofree guint *fill = g_memdup2 (index->adj_start, sizeof (guint) * (nn + 1));
  for (guint i = 0; i < ne; i++)
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      if (e->from < nn)
        index->adj[fill[e->from]++] = i;
      if (e->to < nn && e->to != e->from)
        index->adj[fill[e->to]++] = i;
    }

  scene->index = index;
}

static int
compare_uint (const void *a, const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

static void
sort_tail (GArray *array, guint from)
{
  if (array && array->len > from + 1)
    qsort (&g_array_index (array, guint, from), array->len - from, sizeof (guint), compare_uint);
}

/**
 * rwb_scene_query_rect:
 * Appends the nodes and edges whose boxes meet @rect, each list in ascending (drawing) order.
 */
void
rwb_scene_query_rect (const RwbScene *scene, const RwbRect *rect, GArray *nodes, GArray *edges)
{
  g_return_if_fail (scene != NULL && rect != NULL);
  RwbSceneIndex *index = scene->index;

  /* A query over a good part of the grid (the whole graph in view) gains nothing from the
   * cells, and a straight scan comes out sorted. */
  if (index == NULL
      || rect->width * rect->height
           >= 0.25 * index->cols * index->rows * index->cell * index->cell)
    {
      for (guint i = 0; nodes && i < scene->nodes->len; i++)
        {
          RwbRect b;
          if (index)
            b = index->node_box[i];
          else
            node_box (&g_array_index (scene->nodes, RwbSceneNode, i), &b);
          if (rects_meet (&b, rect))
            g_array_append_val (nodes, i);
        }
      for (guint i = 0; edges && i < scene->edges->len; i++)
        {
          RwbRect b;
          if (index)
            b = index->edge_box[i];
          else
            edge_box (scene, &g_array_index (scene->edges, RwbSceneEdge, i), &b);
          if (b.width >= 0 && rects_meet (&b, rect))
            g_array_append_val (edges, i);
        }
      return;
    }

  guint first_node = nodes ? nodes->len : 0, first_edge = edges ? edges->len : 0;
  if (++index->stamp == 0)
    {
      memset (index->node_stamp, 0, sizeof (guint) * MAX (index->n_nodes, 1));
      memset (index->edge_stamp, 0, sizeof (guint) * MAX (index->n_edges, 1));
      index->stamp = 1;
    }

  guint cx0, cy0, cx1, cy1;
  cell_range (index, rect, &cx0, &cy0, &cx1, &cy1);
  for (guint cy = cy0; cy <= cy1 + 1; cy++)
    for (guint cx = cx0; cx <= cx1; cx++)
      {
        /* The row past the last is the list of big items, visited once. */
        GArray *cell;
        if (cy > cy1)
          {
            if (cx != cx0)
              break;
            cell = index->big;
          }
        else
          cell = index->cells[cy * index->cols + cx];
        for (guint k = 0; cell && k < cell->len; k++)
          {
            guint item = g_array_index (cell, guint, k), i = item >> 1;
            if (item & 1)
              {
                if (edges == NULL || index->edge_stamp[i] == index->stamp)
                  continue;
                index->edge_stamp[i] = index->stamp;
                if (rects_meet (&index->edge_box[i], rect))
                  g_array_append_val (edges, i);
              }
            else
              {
                if (nodes == NULL || index->node_stamp[i] == index->stamp)
                  continue;
                index->node_stamp[i] = index->stamp;
                if (rects_meet (&index->node_box[i], rect))
                  g_array_append_val (nodes, i);
              }
          }
      }
  sort_tail (nodes, first_node);
  sort_tail (edges, first_edge);
}

static double
segment_distance2 (RwbPoint a, RwbPoint b, double x, double y)
{
  double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((x - a.x) * dx + (y - a.y) * dy) / len2 : 0;
  t = CLAMP (t, 0, 1);
  double px = a.x + t * dx - x, py = a.y + t * dy - y;
  return px * px + py * py;
}

static RwbPoint
bezier_at (RwbPoint p0, RwbPoint p1, RwbPoint p2, RwbPoint p3, double t)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
  return (RwbPoint) { a * p0.x + b * p1.x + c * p2.x + d * p3.x,
                      a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

/**
 * rwb_scene_edge_distance:
 * Distance from (x, y) to edge @edge as drawn: its bezier pieces sampled into 16 chords each,
 * then the line to the arrowhead's tip.
 */
double
rwb_scene_edge_distance (const RwbScene *scene, guint edge, double x, double y)
{
  g_return_val_if_fail (scene != NULL && edge < scene->edges->len, G_MAXDOUBLE);
  const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, edge);
  if (e->points == NULL || e->points->len == 0)
    return G_MAXDOUBLE;

  const RwbPoint *p = (const RwbPoint *) e->points->data;
  double best = G_MAXDOUBLE;
  RwbPoint prev = p[0];
  guint k = 1;
  for (; k + 2 < e->points->len; k += 3)
    for (int s = 1; s <= 16; s++)
      {
        RwbPoint q = bezier_at (p[k - 1], p[k], p[k + 1], p[k + 2], s / 16.0);
        best = MIN (best, segment_distance2 (prev, q, x, y));
        prev = q;
      }
  /* As the renderer: leftover points are joined by lines. */
  for (; k < e->points->len; k++)
    {
      best = MIN (best, segment_distance2 (prev, p[k], x, y));
      prev = p[k];
    }
  if (e->has_head)
    best = MIN (best, segment_distance2 (prev, e->head, x, y));
  if (e->points->len == 1 && !e->has_head)
    best = segment_distance2 (prev, prev, x, y);
  return sqrt (best);
}

/**
 * rwb_scene_node_edges:
 * The edges of node @node, from the index; @n_edges receives their number.
 */
const guint *
rwb_scene_node_edges (const RwbScene *scene, guint node, guint *n_edges)
{
  g_return_val_if_fail (scene != NULL && n_edges != NULL, NULL);
  *n_edges = 0;
  g_return_val_if_fail (scene->index != NULL, NULL);
  g_return_val_if_fail (node < scene->index->n_nodes, NULL);
  *n_edges = scene->index->adj_start[node + 1] - scene->index->adj_start[node];
  return scene->index->adj + scene->index->adj_start[node];
}

/* Where the ray from the centre of @n along (dx, dy) leaves the node's outline. Boxes for every
 * type but person, which rwb-render draws as a pill (half circles at both ends). */
static RwbPoint
border_point (const RwbScene *scene, const RwbSceneNode *n, double dx, double dy)
{
  double len = hypot (dx, dy);
  double hw = n->width / 2, hh = n->height / 2;
  if (len < 1e-9)
    return (RwbPoint) { n->x, n->y };
  dx /= len, dy /= len;
  double t = MIN (fabs (dx) > 1e-9 ? hw / fabs (dx) : G_MAXDOUBLE,
                  fabs (dy) > 1e-9 ? hh / fabs (dy) : G_MAXDOUBLE);
  RwbPoint p = { n->x + dx * t, n->y + dy * t };

  const RwbEntity *entity = n->entity < scene->graph->entities->len
                              ? g_ptr_array_index (scene->graph->entities, n->entity) : NULL;
  double r = MIN (hw, hh);
  gboolean pill = entity && entity->type < RWB_ENTITY_N_TYPES
                  && rwb_entity_type_info (entity->type)->shape == RWB_NODE_SHAPE_PILL;
  if (pill && fabs (p.x - n->x) > hw - r)
    {
      /* Far root of |c + t·d − cc|² = r² with cc the centre of the end's half circle. */
      double ccx = n->x + (dx > 0 ? hw - r : -(hw - r));
      double ox = n->x - ccx, oy = 0;
      double b = ox * dx + oy * dy, c = ox * ox + oy * oy - r * r;
      double disc = b * b - c;
      if (disc >= 0)
        {
          double tt = -b + sqrt (disc);
          p = (RwbPoint) { n->x + dx * tt, n->y + dy * tt };
        }
    }
  return p;
}

/* Moves the points of operations @first … @first + @n by (dx, dy); with @text_only, only
 * those of text. */
static void
translate_ops (RwbScene *scene, guint first, guint n, double dx, double dy, gboolean text_only)
{
  for (guint i = first; i < first + n && i < scene->draw_ops->len; i++)
    {
      const RwbDrawOp *op = &g_array_index (scene->draw_ops, RwbDrawOp, i);
      if (text_only && op->kind != RWB_DRAW_OP_TEXT)
        continue;
      /* An ellipse's second point is its radii. */
      guint np = op->kind == RWB_DRAW_OP_ELLIPSE ? MIN (op->n, 1) : op->n;
      for (guint k = 0; k < np && op->first + k < scene->draw_points->len; k++)
        {
          RwbPoint *p = &g_array_index (scene->draw_points, RwbPoint, op->first + k);
          p->x += dx, p->y += dy;
        }
    }
}

/* Gives edge @edge a fresh shape between its nodes' current positions. */
static void
route_edge (RwbScene *scene, guint edge)
{
  RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, edge);
  const RwbSceneNode *a = &g_array_index (scene->nodes, RwbSceneNode, e->from);
  const RwbSceneNode *b = &g_array_index (scene->nodes, RwbSceneNode, e->to);

  /* Edges joining the same two nodes (one per relation type) fan out instead of overlapping:
   * rank among them by index, offset to alternate sides of the line between the centres. */
  guint rank = 0, count = 0;
  guint n_adj = 0;
  const guint *adj = scene->index ? rwb_scene_node_edges (scene, e->from, &n_adj) : NULL;
  for (guint i = 0; i < (adj ? n_adj : scene->edges->len); i++)
    {
      guint j = adj ? adj[i] : i;
      const RwbSceneEdge *o = &g_array_index (scene->edges, RwbSceneEdge, j);
      if ((o->from == e->from && o->to == e->to) || (o->from == e->to && o->to == e->from))
        {
          if (j < edge)
            rank++;
          count++;
        }
    }
  /* The perpendicular of the pair, not of the edge, so opposite edges bend apart too. */
  const RwbSceneNode *lo = e->from < e->to ? a : b, *hi = e->from < e->to ? b : a;
  double ux = hi->x - lo->x, uy = hi->y - lo->y, len = hypot (ux, uy);
  if (len < 1e-9)
    ux = 1, uy = 0, len = 1;
  ux /= len, uy /= len;
  /* A cubic whose two inner points are shifted by h bulges by 3h/4 at its middle. */
  double bend = (rank - (count - 1) / 2.0) * PARALLEL_GAP / 0.75;
  double px = -uy * bend, py = ux * bend;
  RwbPoint c1 = { a->x + (b->x - a->x) / 3 + px, a->y + (b->y - a->y) / 3 + py };
  RwbPoint c2 = { a->x + 2 * (b->x - a->x) / 3 + px, a->y + 2 * (b->y - a->y) / 3 + py };
  RwbPoint start = border_point (scene, a, c1.x - a->x, c1.y - a->y);
  RwbPoint tip = border_point (scene, b, c2.x - b->x, c2.y - b->y);
  RwbPoint end = tip;
  if (e->has_head)
    {
      double dx = tip.x - c2.x, dy = tip.y - c2.y, d = hypot (dx, dy);
      if (d > 1e-9)
        end = (RwbPoint) { tip.x - dx / d * MIN (ARROW_LEN, d), tip.y - dy / d * MIN (ARROW_LEN, d) };
      e->head = tip;
    }

  g_array_set_size (e->points, 4);
  RwbPoint *p = (RwbPoint *) e->points->data;
  p[0] = start, p[1] = c1, p[2] = c2, p[3] = end;
  RwbPoint mid = bezier_at (start, c1, c2, end, 0.5);
  /* An imported edge's curve is drawn from these points from now on; its label follows. */
  if (e->draw_n > 0)
    {
      translate_ops (scene, e->draw_first, e->draw_n, mid.x - e->label_x, mid.y - e->label_y,
                     TRUE);
      e->rerouted = TRUE;
    }
  e->label_x = mid.x;
  e->label_y = mid.y;
}

static void
grow_bounds (RwbScene *scene, const RwbRect *r)
{
  if (r->width < 0)
    return;
  RwbRect *b = &scene->bounds;
  double x0 = MIN (b->x, r->x), y0 = MIN (b->y, r->y);
  double x1 = MAX (b->x + b->width, r->x + r->width), y1 = MAX (b->y + b->height, r->y + r->height);
  *b = (RwbRect) { x0, y0, x1 - x0, y1 - y0 };
}

/**
 * rwb_scene_move_node:
 * Moves a node and reshapes its edges; see the header for how.
 */
void
rwb_scene_move_node (RwbScene *scene, guint node, double x, double y)
{
  g_return_if_fail (scene != NULL && node < scene->nodes->len);
  if (scene->index == NULL || scene->index->n_nodes != scene->nodes->len
      || scene->index->n_edges != scene->edges->len)
    rwb_scene_build_index (scene);
  RwbSceneIndex *index = scene->index;
  RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, node);
  double dx = x - n->x, dy = y - n->y;

  index_remove (index, node << 1, &index->node_box[node]);
  n->x = x;
  n->y = y;
  translate_ops (scene, n->draw_first, n->draw_n, dx, dy, FALSE);
  node_box (n, &index->node_box[node]);
  index_insert (index, node << 1, &index->node_box[node]);
  grow_bounds (scene, &index->node_box[node]);

  guint n_adj;
  const guint *adj = rwb_scene_node_edges (scene, node, &n_adj);
  for (guint i = 0; i < n_adj; i++)
    {
      guint j = adj[i];
      RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, j);
      if (e->points == NULL)
        continue;
      index_remove (index, j << 1 | 1, &index->edge_box[j]);
      if (e->from == e->to)
        {
          /* A loop keeps Graphviz's shape; it only travels with its node. */
          for (guint k = 0; k < e->points->len; k++)
            {
              RwbPoint *p = &g_array_index (e->points, RwbPoint, k);
              p->x += dx, p->y += dy;
            }
          e->head.x += dx, e->head.y += dy;
          e->label_x += dx, e->label_y += dy;
          translate_ops (scene, e->draw_first, e->draw_n, dx, dy, FALSE);
        }
      else
        route_edge (scene, j);
      edge_box (scene, e, &index->edge_box[j]);
      index_insert (index, j << 1 | 1, &index->edge_box[j]);
      grow_bounds (scene, &index->edge_box[j]);
    }
}

/**
 * rwb_scene_route_edges:
 * Gives every edge but loops a fresh shape between its nodes; see the header.
 */
void
rwb_scene_route_edges (RwbScene *scene)
{
  g_return_if_fail (scene != NULL);
  /* route_edge() finds the edges of the same pair through the index. */
  rwb_scene_build_index (scene);
  for (guint i = 0; i < scene->edges->len; i++)
    {
      RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      if (e->points != NULL && e->from != e->to && e->from < scene->nodes->len
          && e->to < scene->nodes->len)
        route_edge (scene, i);
    }
  rwb_scene_update_bounds (scene);
  rwb_scene_build_index (scene);
}

/**
 * rwb_scene_update_bounds:
 * Sets @scene's bounds to the box around all nodes and edges.
 */
void
rwb_scene_update_bounds (RwbScene *scene)
{
  g_return_if_fail (scene != NULL);
  if (scene->nodes->len == 0 && scene->edges->len == 0)
    return;
  RwbRect first = { 0, 0, -1, -1 };
  if (scene->nodes->len)
    node_box (&g_array_index (scene->nodes, RwbSceneNode, 0), &first);
  scene->bounds = first.width >= 0 ? first : (RwbRect) { 0, 0, 0, 0 };
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      RwbRect b;
      node_box (&g_array_index (scene->nodes, RwbSceneNode, i), &b);
      grow_bounds (scene, &b);
    }
  for (guint i = 0; i < scene->edges->len; i++)
    {
      RwbRect b;
      edge_box (scene, &g_array_index (scene->edges, RwbSceneEdge, i), &b);
      grow_bounds (scene, &b);
    }
}
