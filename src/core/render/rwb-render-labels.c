/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-render-labels.c — names that stay readable zoomed out.
 *
 * At a zoom where a node's own label would be smaller than RWB_RENDER_MIN_LABEL_PX, the
 * renderer draws no text inside the nodes; instead the names are drawn over their nodes at
 * that size, on a plate. Not every name fits whole then: a box wide enough to hold its name
 * cut with "…" always shows that much, and the rest of the width is given greedily, the most
 * important node first (its priority, by default its relation count), each name only where it
 * overlaps no name placed before it (see place()). Smaller nodes are named where there is room;
 * the rest appear as the user zooms in. The placement is over the
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
  guint node;
} Box;

/* Overlaps smaller than this (device pixels) are rounding: two shares of one gap meet at its
 * middle, computed from either side. */
#define TOUCH 1e-6

static gboolean
boxes_meet (const Box *a, const Box *b)
{
  return a->x1 > b->x0 + TOUCH && a->x0 < b->x1 - TOUCH && a->y1 > b->y0 + TOUCH
         && a->y0 < b->y1 - TOUCH;
}

/* Whether @box meets a box of @boxes that is not node @self's. */
static gboolean
meets_any (const Box *box, const GArray *boxes, guint self)
{
  for (guint b = 0; b < boxes->len; b++)
    {
      const Box *o = &g_array_index (boxes, Box, b);

      if (o->node != self && boxes_meet (box, o))
        return TRUE;
    }
  return FALSE;
}

/* Shrinks @half, the half width of a plate centred at @cx over the rows of @box, so that it
 * meets no box of @boxes but node @self's own. */
static double
free_half_width (const Box *box, double cx, double half, const GArray *boxes, guint self)
{
  for (guint b = 0; b < boxes->len && half > 0; b++)
    {
      const Box *o = &g_array_index (boxes, Box, b);

      if (o->node == self || o->y1 <= box->y0 || o->y0 >= box->y1)
        continue;
      if (o->x1 <= cx)
        half = MIN (half, cx - o->x1);
      else if (o->x0 >= cx)
        half = MIN (half, o->x0 - cx);
      else
        half = 0;
    }
  /* Less than the rounding of a neighbour's share, so that this plate does not meet it. */
  return MAX (half - TOUCH, 0);
}

/* The half width of a plate centred at @cx over the rows of @box that stays within node @self's
 * own box (@own half width) and half the space to the next box of @nodes on either side, and
 * is at most @want. */
static double
share_half_width (const Box *box, double cx, double own, double want, const GArray *nodes,
                  guint self)
{
  double half = want;

  for (guint b = 0; b < nodes->len && half > own; b++)
    {
      const Box *o = &g_array_index (nodes, Box, b);

      if (o->node == self || o->y1 <= box->y0 || o->y0 >= box->y1)
        continue;
      if (o->x1 <= cx)
        half = MIN (half, own + MAX (cx - own - o->x1, 0) / 2);
      else if (o->x0 >= cx)
        half = MIN (half, own + MAX (o->x0 - cx - own, 0) / 2);
      else
        half = MIN (half, own);
    }
  return MIN (half, want);
}

/* The text of a name cut shorter than this many device pixels is no longer read as a name
 * (about two letters and "…"), unless the whole name is shorter. */
#define MIN_CUT_PX (1.8 * RWB_RENDER_MIN_LABEL_PX)

/* Places the names; @cut[i] gets the width in label points (at LABEL_SIZE) a name is cut to,
 * or 0 for its whole (short) label, and @plates[i] (may be NULL) its plate's width in device
 * pixels. Three steps over the candidates in priority order:
 *  1. every node whose box, with half the space to the next box on either side, is wide
 *     enough to hold its name cut to a few letters reserves that much (unless another node's
 *     reservation is there already): a name drawn over its own box hides no other;
 *  2. each name is then given the widest plate up to its whole length that meets no name
 *     placed before it and no other node's reservation, and at least its reservation;
 *  3. a node without a reservation gets its name only where it fits whole or cut to no less
 *     than MIN_CUT_PX.
 * So every box drawn large enough is named, the most important names are longest, and no two
 * names overlap. */
static guint
place (RwbRenderCache *cache, const RwbScene *scene, const RwbStyle *style, double scale,
       guint8 *placed, double *cut, double *plates)
{
  guint n = scene->nodes->len;
  g_autofree double *degree = NULL;
  const double *priority = style->node_priority;
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  g_autoptr (GArray) reserved = g_array_new (FALSE, FALSE, sizeof (Box));
  g_autoptr (GArray) node_boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  g_autofree gint *reservation = NULL;
  double k = rwb_render_overview_factor (scale) / scale; /* points per label point */
  const double pad = 2 * (PLATE_X + LABEL_SPACING);
  guint count = 0, tried;

  memset (placed, 0, n);
  memset (cut, 0, n * sizeof (double));
  if (plates != NULL)
    memset (plates, 0, n * sizeof (double));
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
  tried = MIN (candidates->len, RWB_RENDER_MAX_PLACED_LABELS);
  reservation = g_new (gint, MAX (tried, 1));
  for (guint c = 0; c < tried; c++)
    {
      guint i = g_array_index (candidates, Candidate, c).node;
      const RwbSceneNode *node = &g_array_index (scene->nodes, RwbSceneNode, i);
      double grow = style->node_scale ? CLAMP (style->node_scale[i], 1.0, 2.0) : 1.0;
      double hw = node->width * grow * scale / 2, hh = node->height * grow * scale / 2;
      Box box = { node->x * scale - hw, node->y * scale - hh, node->x * scale + hw,
                  node->y * scale + hh, i };

      g_array_append_val (node_boxes, box);
    }

  /* 1. Reservations: the name cut to its box and half the space to the next box each side. */
  for (guint c = 0; c < tried; c++)
    {
      guint i = g_array_index (candidates, Candidate, c).node;
      const RwbSceneNode *node = &g_array_index (scene->nodes, RwbSceneNode, i);
      PangoLayout *l = rwb_render_cache_short_label (cache, scene, i);
      double w, h, grow = style->node_scale ? CLAMP (style->node_scale[i], 1.0, 2.0) : 1.0;
      double text, half, cx = node->x * scale;
      Box box;

      reservation[c] = -1;
      rwb_render_layout_size (l, &w, &h);
      text = w * k * grow * scale;
      h = h * k * grow * scale + 2 * PLATE_Y;
      box = (Box) { cx, node->y * scale - h / 2, cx, node->y * scale + h / 2, i };
      half = share_half_width (&box, cx, node->width * grow * scale / 2, (text + pad) / 2,
                               node_boxes, i);
      /* Within its share the plate needs no spacing: the box's outline parts it from the next. */
      if (2 * (half - PLATE_X) < MIN (text, MIN_CUT_PX))
        continue;
      box.x0 = cx - half;
      box.x1 = cx + half;
      if (meets_any (&box, reserved, i))
        continue;
      reservation[c] = reserved->len;
      g_array_append_val (reserved, box);
    }

  /* 2 and 3. The names, as long as they can be. */
  for (guint c = 0; c < tried; c++)
    {
      guint i = g_array_index (candidates, Candidate, c).node;
      const RwbSceneNode *node = &g_array_index (scene->nodes, RwbSceneNode, i);
      PangoLayout *l = rwb_render_cache_short_label (cache, scene, i);
      double w, h, grow = style->node_scale ? CLAMP (style->node_scale[i], 1.0, 2.0) : 1.0;
      double cx = node->x * scale, text, half;
      Box box;

      rwb_render_layout_size (l, &w, &h);
      /* In device pixels, so the spacing is the same at every zoom. */
      text = w * k * grow * scale;
      h = h * k * grow * scale + 2 * PLATE_Y;
      box = (Box) { cx - (text + pad) / 2, node->y * scale - h / 2, cx + (text + pad) / 2,
                    node->y * scale + h / 2, i };
      half = free_half_width (&box, cx, (text + pad) / 2, boxes, i);
      half = free_half_width (&box, cx, half, reserved, i);
      double shown = 2 * half - pad;
      if (reservation[c] >= 0)
        {
          const Box *own = &g_array_index (reserved, Box, reservation[c]);

          if (own->x1 - own->x0 - 2 * PLATE_X > shown)
            {
              half = (own->x1 - own->x0) / 2;
              shown = 2 * half - 2 * PLATE_X;
            }
        }
      else if (shown < MIN (text, MIN_CUT_PX) - 1e-9)
        continue;
      box.x0 = cx - half;
      box.x1 = cx + half;
      g_array_append_val (boxes, box);
      placed[i] = 1;
      if (shown < text - 1e-6)
        cut[i] = MAX (shown, 1.0) / (k * grow * scale);
      if (plates != NULL)
        plates[i] = 2 * half;
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
    {
      cache->placed = g_malloc0 (MAX (scene->nodes->len, 1));
      cache->placed_cut = g_new0 (double, MAX (scene->nodes->len, 1));
    }
  place (cache, scene, style, scale, cache->placed, cache->placed_cut, NULL);
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
                         guint8 *placed, double *plate_widths)
{
  g_return_val_if_fail (scene != NULL && style != NULL && placed != NULL && scale > 0, 0);

  RwbRenderCache *cache = rwb_render_cache_new ();
  g_autofree double *cut = g_new0 (double, MAX (scene->nodes->len, 1));
  rwb_render_cache_bind (cache, scene, style->font_family);
  guint count = place (cache, scene, style, scale, placed, cut, plate_widths);
  rwb_render_cache_free (cache);
  return count;
}
