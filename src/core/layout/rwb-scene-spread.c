/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-scene-spread.c — moving a force-directed layout's nodes apart until no two boxes touch,
 * in time linear in the nodes per pass.
 *
 * Graphviz's prism overlap removal rebuilds a proximity graph and solves a stress model on
 * every pass: on a 5,000-node Rawabit graph the twenty passes it needs cost more than sfdp's
 * whole layout. Here sfdp lays the graph out without removing overlaps and this file does it:
 * the layout is first scaled about its centre until its densest places (local_density()) are
 * 40 % covered by the padded boxes, then each pass finds the overlapping pairs through a
 * uniform grid and pushes each pair apart along the axis where they overlap least, 0.6 of the
 * overlap each way (applied at once, in a fixed order, so the result depends only on the
 * input). Passes that keep finding
 * overlaps widen the layout a little; whatever is left after the last pass is removed by
 * scaling just enough, which a uniform scale always can once no two centres coincide. The
 * shape sfdp found is kept: nodes only move to make room.
 */
#define G_LOG_DOMAIN "rawabit-layout"

#include "rwb-scene.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The padded boxes should cover about this share of the layout's densest places after the first
 * scaling: sparse enough for the passes to finish in a few rounds, dense enough to read. */
#define TARGET_DENSITY 0.4
#define MAX_PASSES 60
/* Share of a pair's overlap each of the two moves: a little more than half, so a pass leaves
 * room rather than touching boxes. */
#define PUSH 0.6
/* local_density(): nodes per cell of its coarse grid, and the share of the nodes whose cell is
 * no denser than what it returns. */
#define DENSITY_CELL 8.0
#define DENSITY_SHARE 0.9
/* After this many passes in a row with overlaps left, the layout is widened by WIDEN. */
#define WIDEN_EVERY 12
#define WIDEN 1.12

typedef struct {
  guint64 key;  /* cell_key() */
  guint node;
} GridItem;

typedef struct {
  guint n;
  double *x, *y;   /* centres, moved in place */
  double *hw, *hh; /* half sizes with half the gap added */
  /* The grid: cells of @cell points from (@x0, @y0); @grid holds a GridItem for each cell a
   * node's box covers, sorted by cell. */
  double cell, x0, y0;
  GArray *grid;
  guint64 *work;
} Spread;

static void
bounds (const Spread *s, double *x0, double *y0, double *x1, double *y1)
{
  *x0 = *y0 = G_MAXDOUBLE;
  *x1 = *y1 = -G_MAXDOUBLE;
  for (guint i = 0; i < s->n; i++)
    {
      *x0 = MIN (*x0, s->x[i] - s->hw[i]);
      *y0 = MIN (*y0, s->y[i] - s->hh[i]);
      *x1 = MAX (*x1, s->x[i] + s->hw[i]);
      *y1 = MAX (*y1, s->y[i] + s->hh[i]);
    }
}

static void
scale_about_centre (Spread *s, double factor)
{
  double x0, y0, x1, y1;
  bounds (s, &x0, &y0, &x1, &y1);
  double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  for (guint i = 0; i < s->n; i++)
    {
      s->x[i] = cx + (s->x[i] - cx) * factor;
      s->y[i] = cy + (s->y[i] - cy) * factor;
    }
}

/* The cell of a point: column and row counted from the grid's origin, packed row first. */
static guint64
cell_key (const Spread *s, double x, double y)
{
  double c = floor ((x - s->x0) / s->cell), r = floor ((y - s->y0) / s->cell);
  c = CLAMP (c, 0, G_MAXUINT32), r = CLAMP (r, 0, G_MAXUINT32);
  return (guint64) r << 32 | (guint64) c;
}

static int
compare_cells (const void *a, const void *b)
{
  const GridItem *x = a, *y = b;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->node < y->node ? -1 : x->node > y->node;
}

/* Puts every node in each cell its padded box covers, cells of the mean padded size. Only
 * cells that hold a node exist (sorted by cell, then node), so memory and time follow the
 * nodes, not the layout's extent: one node far out costs nothing, and a cell holds only the
 * nodes that crowd its few square points. */
static void
build_grid (Spread *s)
{
  double x0, y0, x1, y1;
  bounds (s, &x0, &y0, &x1, &y1);
  double mean = 0;
  for (guint i = 0; i < s->n; i++)
    mean += MAX (s->hw[i], s->hh[i]) * 2;
  s->cell = MAX (mean / s->n, 1.0);
  s->x0 = x0, s->y0 = y0;
  g_array_set_size (s->grid, 0);
  for (guint i = 0; i < s->n; i++)
    {
      guint64 k0 = cell_key (s, s->x[i] - s->hw[i], s->y[i] - s->hh[i]);
      guint64 k1 = cell_key (s, s->x[i] + s->hw[i], s->y[i] + s->hh[i]);
      for (guint64 r = k0 >> 32; r <= k1 >> 32; r++)
        for (guint64 c = k0 & G_MAXUINT32; c <= (k1 & G_MAXUINT32); c++)
          {
            GridItem item = { r << 32 | c, i };
            g_array_append_val (s->grid, item);
          }
    }
  qsort (s->grid->data, s->grid->len, sizeof (GridItem), compare_cells);
}

static int
compare_centres (gconstpointer a, gconstpointer b, gpointer data)
{
  const Spread *s = data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  if (s->x[i] != s->x[j])
    return s->x[i] < s->x[j] ? -1 : 1;
  if (s->y[i] != s->y[j])
    return s->y[i] < s->y[j] ? -1 : 1;
  return i < j ? -1 : i > j;
}

/* Nodes on the very same centre (Graphviz puts a graph without edges in one place; a pile has
 * no direction to push in, and would fill one cell of the grid) are set out on a sunflower
 * spiral around it, one mean node size apart. */
static void
separate_coincident (Spread *s)
{
  g_autofree guint *order = g_new (guint, s->n);
  for (guint i = 0; i < s->n; i++)
    order[i] = i;
  g_qsort_with_data (order, s->n, sizeof (guint), compare_centres, s);
  double mean = 0;
  for (guint i = 0; i < s->n; i++)
    mean += s->hw[i] + s->hh[i];
  mean /= s->n;
  for (guint i = 0; i < s->n;)
    {
      guint j = i + 1;
      while (j < s->n && s->x[order[j]] == s->x[order[i]] && s->y[order[j]] == s->y[order[i]])
        j++;
      for (guint k = i + 1; k < j; k++)
        {
          double r = mean * sqrt (k - i), t = (k - i) * 2.399963229728653;
          s->x[order[k]] += r * cos (t);
          s->y[order[k]] += r * sin (t);
        }
      i = j;
    }
}

/* Whether @a and @b overlap, and by how much on each axis. */
static gboolean
overlap (const Spread *s, guint a, guint b, double *ox, double *oy)
{
  *ox = s->hw[a] + s->hw[b] - fabs (s->x[a] - s->x[b]);
  *oy = s->hh[a] + s->hh[b] - fabs (s->y[a] - s->y[b]);
  return *ox > 1e-6 && *oy > 1e-6;
}

/* Whether the cell @key holds the top left corner of the intersection of the boxes of @a and
 * @b, so each pair is looked at once however many cells the two share. */
static gboolean
owns_pair (const Spread *s, guint a, guint b, guint64 key)
{
  double left = MAX (s->x[a] - s->hw[a], s->x[b] - s->hw[b]);
  double top = MAX (s->y[a] - s->hh[a], s->y[b] - s->hh[b]);
  return cell_key (s, left, top) == key;
}

/* The end of the run of grid items of the cell of item @p. */
static guint
run_end (const Spread *s, guint p)
{
  const GridItem *items = (const GridItem *) s->grid->data;
  guint q = p + 1;
  while (q < s->grid->len && items[q].key == items[p].key)
    q++;
  return q;
}

/* Calls @visit for every pair of nodes that share a cell of a grid built from where the nodes
 * are now, cell by cell in order; @key is the cell's. A pair that shares several cells comes
 * once for each (owns_pair() tells the one cell to act in). */
typedef void (*PairFunc) (Spread *s, guint a, guint b, guint64 key, gpointer data);

static void
for_each_cell_pair (Spread *s, PairFunc visit, gpointer data)
{
  build_grid (s);
  const GridItem *items = (const GridItem *) s->grid->data;
  for (guint start = 0, end; start < s->grid->len; start = end)
    {
      end = run_end (s, start);
      for (guint p = start; p < end; p++)
        for (guint q = p + 1; q < end; q++)
          visit (s, items[p].node, items[q].node, items[p].key, data);
    }
}

static void
push_pair (Spread *s, guint a, guint b, guint64 key, gpointer data)
{
  guint *pushed = data;
  double ox, oy;
  if (s->work)
    (*s->work)++;
  if (!overlap (s, a, b, &ox, &oy) || !owns_pair (s, a, b, key))
    return;
  /* @b goes the way it already lies from @a; from the same centre, right or down
   * by index, so nothing depends on chance. */
  if (ox <= oy)
    {
      double dir = s->x[b] > s->x[a] || (s->x[b] == s->x[a] && b > a) ? 1 : -1;
      s->x[a] -= dir * ox * PUSH;
      s->x[b] += dir * ox * PUSH;
    }
  else
    {
      double dir = s->y[b] > s->y[a] || (s->y[b] == s->y[a] && b > a) ? 1 : -1;
      s->y[a] -= dir * oy * PUSH;
      s->y[b] += dir * oy * PUSH;
    }
  (*pushed)++;
}

/* One pass: every overlapping pair found through the grid of the pass's start is pushed apart
 * at once, cell by cell in order. Returns the pairs pushed. */
static guint
push_pass (Spread *s)
{
  guint pushed = 0;
  for_each_cell_pair (s, push_pair, &pushed);
  return pushed;
}

static void
scale_pair (Spread *s, guint a, guint b, guint64 key, gpointer data)
{
  double *factor = data;
  double ox, oy;
  if (!overlap (s, a, b, &ox, &oy))
    return;
  double dx = fabs (s->x[a] - s->x[b]), dy = fabs (s->y[a] - s->y[b]);
  double fx = dx > 1e-9 ? (s->hw[a] + s->hw[b]) / dx : G_MAXDOUBLE;
  double fy = dy > 1e-9 ? (s->hh[a] + s->hh[b]) / dy : G_MAXDOUBLE;
  if (MIN (fx, fy) < G_MAXDOUBLE)
    *factor = MAX (*factor, MIN (fx, fy) * 1.001);
}

/* The uniform scale about the centre that separates every pair still overlapping: a pair
 * apart by (dx, dy) needs (hw + hw') / |dx| or (hh + hh') / |dy|, whichever is smaller. Pairs
 * apart already stay apart under any scale above 1; two nodes on one centre cannot be
 * separated so and are left. */
static double
separating_scale (Spread *s)
{
  double factor = 1;
  for_each_cell_pair (s, scale_pair, &factor);
  return factor;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* How densely the padded boxes fill the places where the layout is densest: over a coarse grid
 * of about DENSITY_CELL nodes a cell, the share of a node's cell that the boxes whose centres
 * lie in it cover, at the DENSITY_SHARE-th of the nodes in order of that share. A
 * force-directed layout of a random graph is a ball, its middle several times denser than its
 * bounding box. */
static double
quantile (const double *v, guint n, double q)
{
  g_autofree double *sorted = g_memdup2 (v, n * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_doubles);
  return sorted[(guint) ((n - 1) * q)];
}

static double
local_density (Spread *s)
{
  /* Over the box of the middle 96 % of the centres on each axis: a few nodes far out would
   * make the cells so big that a crowd looks sparse. Nodes outside count in the edge cells. */
  double x0 = quantile (s->x, s->n, 0.02), x1 = quantile (s->x, s->n, 0.98);
  double y0 = quantile (s->y, s->n, 0.02), y1 = quantile (s->y, s->n, 0.98);
  double mean_w = 0, mean_h = 0;
  for (guint i = 0; i < s->n; i++)
    mean_w += 2 * s->hw[i], mean_h += 2 * s->hh[i];
  double w = MAX (x1 - x0, mean_w / s->n), h = MAX (y1 - y0, mean_h / s->n);
  double cell = MAX (sqrt (w * h * DENSITY_CELL / s->n), 1e-3);
  guint cols = (guint) CLAMP (ceil (w / cell), 1, s->n), rows = (guint) CLAMP (ceil (h / cell), 1, s->n);
  g_autofree double *filled = g_new0 (double, (gsize) cols * rows);
  g_autofree guint *cell_of = g_new (guint, s->n);
  for (guint i = 0; i < s->n; i++)
    {
      double c = CLAMP (floor ((s->x[i] - x0) / cell), 0, cols - 1);
      double r = CLAMP (floor ((s->y[i] - y0) / cell), 0, rows - 1);
      cell_of[i] = (guint) r * cols + (guint) c;
      filled[cell_of[i]] += 4 * s->hw[i] * s->hh[i];
    }
  g_autofree double *density = g_new (double, s->n);
  for (guint i = 0; i < s->n; i++)
    density[i] = filled[cell_of[i]] / (cell * cell);
  return quantile (density, s->n, DENSITY_SHARE);
}

/**
 * rwb_scene_spread_nodes:
 * @scene: a laid-out Rawabit graph (not an imported one)
 * @gap: the least space, in points, left between two boxes
 * @work: (nullable): incremented by the pairs looked at, for tests that check the cost
 *
 * Moves nodes apart until no two boxes (grown by half of @gap each way) overlap, keeping the
 * layout's shape: scaled up first when its densest places are more than 40 % covered, then
 * pushed apart pair by pair through a grid; then every edge is routed again between its nodes' new places
 * (rwb_scene_route_edges()), loops travelling with their node. Rebuilds the index if there is
 * one.
 *
 * Returns: the number of passes that found overlaps
 */
guint
rwb_scene_spread_nodes (RwbScene *scene, double gap, guint64 *work)
{
  g_return_val_if_fail (scene != NULL && gap >= 0, 0);
  guint n = scene->nodes->len;
  if (n < 2 || scene->from_dot)
    return 0;

  Spread s = { .n = n, .work = work };
  s.grid = g_array_new (FALSE, FALSE, sizeof (GridItem));
  s.x = g_new (double, n);
  s.y = g_new (double, n);
  s.hw = g_new (double, n);
  s.hh = g_new (double, n);
  double area = 0;
  for (guint i = 0; i < n; i++)
    {
      const RwbSceneNode *node = &g_array_index (scene->nodes, RwbSceneNode, i);
      s.x[i] = node->x;
      s.y[i] = node->y;
      s.hw[i] = MAX (node->width, 0) / 2 + gap / 2;
      s.hh[i] = MAX (node->height, 0) / 2 + gap / 2;
      area += 4 * s.hw[i] * s.hh[i];
    }

  separate_coincident (&s);
  double density = local_density (&s);
  double factor = density > TARGET_DENSITY ? sqrt (density / TARGET_DENSITY) : 1;
  if (factor > 1)
    scale_about_centre (&s, factor);

  guint passes = 0, stuck = 0;
  while (passes < MAX_PASSES && push_pass (&s) > 0)
    {
      passes++;
      if (++stuck == WIDEN_EVERY)
        {
          scale_about_centre (&s, WIDEN);
          stuck = 0;
        }
    }
  if (passes == MAX_PASSES)
    {
      double last = separating_scale (&s);
      if (last > 1)
        scale_about_centre (&s, last);
    }

  g_autofree double *dx = g_new (double, n);
  g_autofree double *dy = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      RwbSceneNode *node = &g_array_index (scene->nodes, RwbSceneNode, i);
      dx[i] = s.x[i] - node->x;
      dy[i] = s.y[i] - node->y;
      node->x = s.x[i];
      node->y = s.y[i];
    }
  /* Loops keep Graphviz's shape and move with their node; the other edges are routed anew. */
  for (guint i = 0; i < scene->edges->len; i++)
    {
      RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      if (e->from != e->to || e->from >= n)
        continue;
      for (guint k = 0; e->points != NULL && k < e->points->len; k++)
        {
          RwbPoint *p = &g_array_index (e->points, RwbPoint, k);
          p->x += dx[e->from], p->y += dy[e->from];
        }
      e->head.x += dx[e->from], e->head.y += dy[e->from];
      e->label_x += dx[e->from], e->label_y += dy[e->from];
    }
  rwb_scene_route_edges (scene);
  g_debug ("spread %u nodes: scaled by %.1f, %u passes", n, factor, passes);

  g_free (s.x);
  g_free (s.y);
  g_free (s.hw);
  g_free (s.hh);
  g_array_unref (s.grid);
  return passes;
}
