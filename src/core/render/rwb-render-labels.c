/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-render-labels.c — names that stay readable zoomed out.
 *
 * At a zoom where a node's own label would be smaller than RWB_RENDER_MIN_LABEL_PX, the
 * renderer draws no text inside the nodes; instead the names are drawn over their nodes at
 * that size, on a plate. Not every name fits then: they are placed greedily, the most important
 * node first (its priority, by default its relation count), each name only where it overlaps
 * no name placed before it. The rest appear as the user zooms in. The placement is over the
 * whole scene, not the part drawn, so tiles of one picture agree; the cache keeps it for one
 * scale.
 */
#define G_LOG_DOMAIN "rawabit-render"

#include "rwb-render-private.h"

#include <math.h>
#include <string.h>

/* Points between two names placed side by side, in device pixels. */
#define LABEL_SPACING 2.0
/* The plate around a zoomed-out name, device pixels. */
#define PLATE_X 2.0
#define PLATE_Y 0.5

gboolean
rwb_render_full_labels (double scale)
{
  return scale * LABEL_SIZE >= RWB_RENDER_MIN_LABEL_PX;
}

double
rwb_render_overview_factor (double scale)
{
  return RWB_RENDER_MIN_LABEL_PX / LABEL_SIZE;
}

typedef struct {
  guint node;
  double priority;
} Candidate;

static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->priority != y->priority)
    return x->priority > y->priority ? -1 : 1;
  return x->node < y->node ? -1 : x->node > y->node;
}

typedef struct {
  double x0, y0, x1, y1;
} Box;

static guint
place (RwbRenderCache *cache, const RwbScene *scene, const RwbStyle *style, double scale,
       guint8 *placed)
{
  guint n = scene->nodes->len;
  g_autofree double *degree = NULL;
  const double *priority = style->node_priority;
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  double k = rwb_render_overview_factor (scale) / scale; /* points per label point */
  guint count = 0;

  memset (placed, 0, n);
  if (priority == NULL)
    {
      degree = g_new0 (double, MAX (n, 1));
      for (guint i = 0; i < scene->edges->len; i++)
        {
          const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
          const RwbRelation *r = g_ptr_array_index (scene->graph->relations, e->relation);

          if (r->type == RWB_RELATION_MENTION || e->from >= n || e->to >= n)
            continue;
          degree[e->from] += 1;
          if (e->to != e->from)
            degree[e->to] += 1;
        }
      priority = degree;
    }
  for (guint i = 0; i < n; i++)
    {
      Candidate c = { i, priority[i] };

      if (style->node_state != NULL && (style->node_state[i] & RWB_DRAW_HIDDEN))
        continue;
      g_array_append_val (candidates, c);
    }
  g_array_sort (candidates, compare_candidates);

  for (guint c = 0; c < candidates->len && c < RWB_RENDER_MAX_PLACED_LABELS; c++)
    {
      guint i = g_array_index (candidates, Candidate, c).node;
      const RwbSceneNode *node = &g_array_index (scene->nodes, RwbSceneNode, i);
      PangoLayout *l = rwb_render_cache_short_label (cache, scene, i);
      double w, h, grow = style->node_scale ? CLAMP (style->node_scale[i], 1.0, 2.0) : 1.0;
      Box box;
      gboolean free = TRUE;

      rwb_render_layout_size (l, &w, &h);
      /* In device pixels, so the spacing is the same at every zoom. */
      w = w * k * grow * scale + 2 * (PLATE_X + LABEL_SPACING);
      h = h * k * grow * scale + 2 * PLATE_Y;
      box.x0 = node->x * scale - w / 2;
      box.x1 = box.x0 + w;
      box.y0 = node->y * scale - h / 2;
      box.y1 = box.y0 + h;
      for (guint b = 0; b < boxes->len && free; b++)
        {
          const Box *o = &g_array_index (boxes, Box, b);

          free = box.x1 <= o->x0 || box.x0 >= o->x1 || box.y1 <= o->y0 || box.y0 >= o->y1;
        }
      if (!free)
        continue;
      g_array_append_val (boxes, box);
      placed[i] = 1;
      count++;
    }
  return count;
}

/* A key for what the placement depends on besides the scene and the scale. */
static guint64
placement_key (const RwbScene *scene, const RwbStyle *style)
{
  guint64 h = 1469598103934665603ull;

  for (guint i = 0; i < scene->nodes->len; i++)
    {
      guint64 v = style->node_state ? (style->node_state[i] & RWB_DRAW_HIDDEN) : 0;

      if (style->node_priority)
        {
          double p = style->node_priority[i];
          guint64 bits;

          memcpy (&bits, &p, sizeof bits);
          v ^= bits;
        }
      if (style->node_scale)
        {
          double s = style->node_scale[i];
          guint64 bits;

          memcpy (&bits, &s, sizeof bits);
          v ^= bits << 1;
        }
      h = (h ^ v) * 1099511628211ull;
    }
  return h;
}

const guint8 *
rwb_render_cache_placed (RwbRenderCache *cache, const RwbScene *scene, const RwbStyle *style,
                         double scale)
{
  guint64 key = placement_key (scene, style);

  if (cache->placed != NULL && cache->placed_scale == scale && cache->placed_key == key)
    return cache->placed;
  if (cache->placed == NULL)
    cache->placed = g_malloc0 (MAX (scene->nodes->len, 1));
  place (cache, scene, style, scale, cache->placed);
  cache->placed_scale = scale;
  cache->placed_key = key;
  return cache->placed;
}

/**
 * rwb_render_place_labels:
 * Which names are drawn zoomed out at @scale; see the header.
 */
guint
rwb_render_place_labels (const RwbScene *scene, const RwbStyle *style, double scale,
                         guint8 *placed)
{
  g_return_val_if_fail (scene != NULL && style != NULL && placed != NULL && scale > 0, 0);

  RwbRenderCache *cache = rwb_render_cache_new ();
  rwb_render_cache_bind (cache, scene, style->font_family);
  guint count = place (cache, scene, style, scale, placed);
  rwb_render_cache_free (cache);
  return count;
}
