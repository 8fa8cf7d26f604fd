/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-render.c — draws scenes with cairo and pango, for the window and for image files: culling
 * to the visible area through the scene's index, and level of detail by zoom, for Rawabit's own
 * scenes here and for imported ones (rwb-render-xdot.c) alike. */
#define G_LOG_DOMAIN "rawabit-render"

#include "rwb-render-private.h"

#include <math.h>
#include <string.h>

/**
 * rwb_viewport_fit:
 * Fits the whole scene, centred, with @margin device units around it; never enlarges past 2×.
 */
void
rwb_viewport_fit (RwbViewport *viewport, const RwbScene *scene, double width, double height,
                  double margin)
{
  double sw = MAX (scene ? scene->bounds.width : 1, 1);
  double sh = MAX (scene ? scene->bounds.height : 1, 1);
  double aw = MAX (width - 2 * margin, 1), ah = MAX (height - 2 * margin, 1);
  double scale = MIN (MIN (aw / sw, ah / sh), 2.0);
  viewport->scale = scale;
  viewport->origin_x = (scene ? scene->bounds.x : 0) - (width / scale - sw) / 2;
  viewport->origin_y = (scene ? scene->bounds.y : 0) - (height / scale - sh) / 2;
}



static guint
node_state (const Frame *f, guint i)
{
  guint s = f->style->node_state ? f->style->node_state[i] : 0;
  if (f->style->highlight_node == (gint) i)
    s |= RWB_DRAW_SELECTED;
  return s;
}

static guint
edge_state (const Frame *f, guint i)
{
  const RwbSceneEdge *e = &g_array_index (f->scene->edges, RwbSceneEdge, i);
  const RwbRelation *r = g_ptr_array_index (f->scene->graph->relations, e->relation);
  guint s = f->style->edge_state ? f->style->edge_state[i] : 0;
  if ((r->type == RWB_RELATION_MENTION && !f->style->show_mentions)
      || e->points == NULL || e->points->len < 2
      || (node_state (f, e->from) & RWB_DRAW_HIDDEN) || (node_state (f, e->to) & RWB_DRAW_HIDDEN))
    s |= RWB_DRAW_HIDDEN;
  return s;
}

static void
edge_path (cairo_t *cr, const RwbSceneEdge *e, gboolean straight)
{
  RwbPoint p0 = g_array_index (e->points, RwbPoint, 0);
  RwbPoint last = g_array_index (e->points, RwbPoint, e->points->len - 1);
  cairo_move_to (cr, p0.x, p0.y);
  if (straight)
    {
      RwbPoint end = e->has_head ? e->head : last;
      cairo_line_to (cr, end.x, end.y);
      return;
    }
  guint k = 1;
  for (; k + 2 < e->points->len; k += 3)
    {
      RwbPoint a = g_array_index (e->points, RwbPoint, k);
      RwbPoint b = g_array_index (e->points, RwbPoint, k + 1);
      RwbPoint c = g_array_index (e->points, RwbPoint, k + 2);
      cairo_curve_to (cr, a.x, a.y, b.x, b.y, c.x, c.y);
    }
  for (; k < e->points->len; k++)
    {
      RwbPoint a = g_array_index (e->points, RwbPoint, k);
      cairo_line_to (cr, a.x, a.y);
    }
  /* Into the arrowhead's base, so the line's round cap does not poke out beside the tip. */
  if (e->has_head)
    cairo_line_to (cr, last.x + (e->head.x - last.x) * 0.3, last.y + (e->head.y - last.y) * 0.3);
}

static const RwbRelation *
edge_relation (const Frame *f, const RwbSceneEdge *e)
{
  return g_ptr_array_index (f->scene->graph->relations, e->relation);
}

/* Groups @items (visible indices) by a key from @key_of (G_MAXUINT: leave out) with a counting
 * sort: one pass over the items, however many groups there are. Returns the items in key
 * order; @starts (n_keys + 1 entries) receives where each key's run begins. */
static guint *
bucket (Frame *f, GArray *items, guint n_keys, guint (*key_of) (Frame *, guint), guint *starts)
{
  g_autofree guint *keys = g_new (guint, MAX (items->len, 1));
  guint *sorted = g_new (guint, MAX (items->len, 1));

  memset (starts, 0, sizeof (guint) * (n_keys + 1));
  for (guint k = 0; k < items->len; k++)
    {
      keys[k] = key_of (f, g_array_index (items, guint, k));
      if (keys[k] != G_MAXUINT)
        starts[keys[k] + 1]++;
    }
  for (guint i = 0; i < n_keys; i++)
    starts[i + 1] += starts[i];
  g_autofree guint *fill = g_memdup2 (starts, sizeof (guint) * (n_keys + 1));
  for (guint k = 0; k < items->len; k++)
    if (keys[k] != G_MAXUINT)
      sorted[fill[keys[k]]++] = g_array_index (items, guint, k);
  return sorted;
}

/* Batches of plain edges: by dimmed, then relation type. */
static guint
edge_batch_key (Frame *f, guint i)
{
  guint s = edge_state (f, i);
  const RwbSceneEdge *e = &g_array_index (f->scene->edges, RwbSceneEdge, i);
  if (s & (RWB_DRAW_HIDDEN | PROMINENT))
    return G_MAXUINT;
  return (s & RWB_DRAW_DIMMED ? RWB_RELATION_N_TYPES : 0) + edge_relation (f, e)->type;
}

/* Far out, edges of a type are stroked as one path: one cairo operation per colour instead of
 * one per edge is what keeps a 20,000-edge overview fast. */
static void
draw_edges_batched (Frame *f, gboolean straight)
{
  cairo_t *cr = f->cr;
  gboolean arrows = ARROW_SIZE * f->scale >= 2.5;
  guint starts[2 * RWB_RELATION_N_TYPES + 1];
  g_autofree guint *sorted = bucket (f, f->edges, 2 * RWB_RELATION_N_TYPES, edge_batch_key,
                                     starts);

  for (guint key = 0; key < 2 * RWB_RELATION_N_TYPES; key++)
    {
      guint type = key % RWB_RELATION_N_TYPES;
      gboolean dimmed = key >= RWB_RELATION_N_TYPES;
      if (starts[key] == starts[key + 1])
        continue;
      Rgb color = rwb_render_relation_color (f->style, type);
      if (dimmed)
        color = rwb_render_mix (color, f->bg, RWB_RENDER_DIM);

      if (straight && f->direct && type != RWB_RELATION_MENTION)
        {
          /* One-pixel lines written directly (see Pixels). */
          cairo_surface_flush (f->pixels.surface);
          f->pixels.data = (guint32 *) cairo_image_surface_get_data (f->pixels.surface);
          for (guint k = starts[key]; k < starts[key + 1]; k++)
            {
              const RwbSceneEdge *e = &g_array_index (f->scene->edges, RwbSceneEdge, sorted[k]);
              rwb_render_pixels_line (&f->pixels, g_array_index (e->points, RwbPoint, 0),
                           e->has_head ? e->head
                                       : g_array_index (e->points, RwbPoint, e->points->len - 1),
                           color, 0.9);
            }
          cairo_surface_mark_dirty (f->pixels.surface);
          continue;
        }

      cairo_new_path (cr);
      for (guint k = starts[key]; k < starts[key + 1]; k++)
        edge_path (cr, &g_array_index (f->scene->edges, RwbSceneEdge, sorted[k]), straight);
      if (type == RWB_RELATION_MENTION)
        cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_set_line_width (cr, MAX (1.5, 1.0 / f->scale));
      rwb_render_set_rgb (cr, color, type == RWB_RELATION_MENTION ? 0.7 : 0.9);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (!arrows)
        continue;
      for (guint k = starts[key]; k < starts[key + 1]; k++)
        {
          const RwbSceneEdge *e = &g_array_index (f->scene->edges, RwbSceneEdge, sorted[k]);
          if (e->has_head)
            rwb_render_arrowhead_path (cr, g_array_index (e->points, RwbPoint, e->points->len - 1),
                            e->head, ARROW_SIZE);
        }
      cairo_fill (cr);
    }
}

static void
draw_edge_label (Frame *f, const RwbSceneEdge *e, double x, double y, Rgb color,
                 gboolean prominent)
{
  cairo_t *cr = f->cr;
  const RwbRelation *r = edge_relation (f, e);
  PangoLayout *l = rwb_render_cache_edge_label (f->cache, r->type);
  double w, h;
  rwb_render_layout_size (l, &w, &h);
  /* Hovered or selected, a label is read at any zoom: keep it a legible size on screen. */
  double grow = prominent ? MAX (1.0, MIN_EDGE_LABEL_PX / (EDGE_LABEL_SIZE * f->scale)) : 1.0;
  const Rgb text = f->style->dark ? (Rgb) { 0.85, 0.85, 0.87 } : (Rgb) { 0.25, 0.25, 0.28 };

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, grow, grow);
  /* An opaque-ish plate under the text, so it reads over the edge and whatever crosses it. */
  rwb_render_set_rgb (cr, f->bg, 0.88);
  rwb_render_rounded_rect (cr, -w / 2 - 3, -h / 2 - 1, w + 6, h + 2, 3);
  cairo_fill_preserve (cr);
  rwb_render_set_rgb (cr, color, prominent ? 0.8 : 0.35);
  cairo_set_line_width (cr, MAX (0.8, 1.0 / (f->scale * grow)));
  cairo_stroke (cr);
  rwb_render_set_rgb (cr, rwb_render_mix (color, text, 0.35), 1);
  cairo_move_to (cr, -w / 2, -h / 2);
  rwb_render_show_layout (cr, f->style, l);
  cairo_restore (cr);
}

static gboolean
edge_labels_legible (const Frame *f)
{
  return f->scale * EDGE_LABEL_SIZE >= 6.5 && f->scale >= f->style->edge_label_scale;
}

static void
draw_edge (Frame *f, guint i, guint s)
{
  cairo_t *cr = f->cr;
  const RwbSceneEdge *e = &g_array_index (f->scene->edges, RwbSceneEdge, i);
  const RwbRelation *r = edge_relation (f, e);
  gboolean mention = r->type == RWB_RELATION_MENTION;
  Rgb color = rwb_render_relation_color (f->style, r->type);
  if (s & RWB_DRAW_DIMMED)
    color = rwb_render_mix (color, f->bg, RWB_RENDER_DIM);

  double width = mention ? 1.0 : 1.2 + 1.3 * r->confidence;
  if (s & RWB_DRAW_SELECTED)
    width += 2.0;
  else if (s & (RWB_DRAW_HOVER | RWB_DRAW_EMPHASIS))
    width += 1.0;
  width = MAX (width, 1.0 / f->scale);
  RwbPoint last = g_array_index (e->points, RwbPoint, e->points->len - 1);
  double arrow = ARROW_SIZE + (s & RWB_DRAW_SELECTED ? 2 : 0);

  if (s & (RWB_DRAW_SELECTED | RWB_DRAW_HOVER))
    {
      /* The halo: a wide, faint stroke of the edge's own colour under it. */
      edge_path (cr, e, FALSE);
      rwb_render_set_rgb (cr, color, s & RWB_DRAW_SELECTED ? 0.30 : 0.18);
      cairo_set_line_width (cr, width + MAX (6.0, 6.0 / f->scale));
      cairo_stroke (cr);
    }
  if (mention)
    cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  edge_path (cr, e, FALSE);
  rwb_render_set_rgb (cr, color, mention ? 0.7 : 0.9);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (e->has_head)
    {
      rwb_render_arrowhead_path (cr, last, e->head, arrow);
      cairo_fill (cr);
    }
}

/* Point @t (0 to 1) along the edge's path of cubic Bézier segments, equal in parameter. */
static RwbPoint
edge_point (const RwbSceneEdge *e, double t)
{
  guint n_seg = (e->points->len - 1) / 3;
  RwbPoint p0 = g_array_index (e->points, RwbPoint, 0);

  if (n_seg == 0)
    {
      RwbPoint last = g_array_index (e->points, RwbPoint, e->points->len - 1);

      return (RwbPoint) { p0.x + (last.x - p0.x) * t, p0.y + (last.y - p0.y) * t };
    }
  double s = CLAMP (t, 0, 1) * n_seg;
  guint seg = MIN ((guint) s, n_seg - 1);
  double u = s - seg, v = 1 - u;
  RwbPoint a = g_array_index (e->points, RwbPoint, 3 * seg);
  RwbPoint b = g_array_index (e->points, RwbPoint, 3 * seg + 1);
  RwbPoint c = g_array_index (e->points, RwbPoint, 3 * seg + 2);
  RwbPoint d = g_array_index (e->points, RwbPoint, 3 * seg + 3);

  return (RwbPoint) { v * v * v * a.x + 3 * v * v * u * b.x + 3 * v * u * u * c.x + u * u * u * d.x,
                      v * v * v * a.y + 3 * v * v * u * b.y + 3 * v * u * u * c.y + u * u * u * d.y };
}

/* Whether a @w × @h plate centred at (x, y) meets a node @style draws (hidden ones are not). */
static gboolean
label_meets_node (const RwbScene *scene, const RwbStyle *style, double x, double y, double w,
                  double h, GArray *nodes, const GArray *taken)
{
  for (guint k = 0; taken != NULL && k < taken->len; k++)
    {
      const RwbRect *t = &g_array_index (taken, RwbRect, k);

      if (x - w / 2 < t->x + t->width && x + w / 2 > t->x && y - h / 2 < t->y + t->height
          && y + h / 2 > t->y)
        return TRUE;
    }

  /* Grown nodes (centrality sizing) reach up to twice their box: look that far. */
  RwbRect box = { x - w / 2, y - h / 2, w, h };
  RwbRect query = box;

  if (style->node_scale != NULL)
    {
      query.x -= 150;
      query.y -= 60;
      query.width += 300;
      query.height += 120;
    }
  g_array_set_size (nodes, 0);
  rwb_scene_query_rect (scene, &query, nodes, NULL);
  for (guint k = 0; k < nodes->len; k++)
    {
      guint n = g_array_index (nodes, guint, k);
      const RwbSceneNode *node = &g_array_index (scene->nodes, RwbSceneNode, n);
      double grow = style->node_scale ? CLAMP (style->node_scale[n], 1.0, 2.0) : 1.0;
      double half_w = node->width * grow / 2, half_h = node->height * grow / 2;

      if (style->node_state != NULL && (style->node_state[n] & RWB_DRAW_HIDDEN))
        continue;
      if (box.x < node->x + half_w && box.x + box.width > node->x - half_w
          && box.y < node->y + half_h && box.y + box.height > node->y - half_h)
        return TRUE;
    }
  return FALSE;
}

/* rwb_render_edge_label_place, also keeping clear of the labels in @taken (RwbRect, scene
 * points; may be NULL). */
static gboolean
place_edge_label (const RwbScene *scene, const RwbStyle *style, guint edge, double width,
                  double height, const GArray *taken, double *x, double *y)
{
  /* Graphviz's place first, then along the line from its middle outwards, to a quarter of its
   * length from either end (closer, the label would sit on the arrowhead). */
  static const double along[] = { 0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74 };
  g_autoptr (GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, edge);

  *x = e->label_x;
  *y = e->label_y;
  if (!label_meets_node (scene, style, e->label_x, e->label_y, width, height, nodes, taken))
    return TRUE;
  if (e->points == NULL || e->points->len < 2)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (along); k++)
    {
      RwbPoint p = edge_point (e, along[k]);

      if (!label_meets_node (scene, style, p.x, p.y, width, height, nodes, taken))
        {
          *x = p.x;
          *y = p.y;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * rwb_render_edge_label_place:
 * Where the label of edge @edge goes; see the header.
 */
gboolean
rwb_render_edge_label_place (const RwbScene *scene, const RwbStyle *style, guint edge,
                             double width, double height, double *x, double *y)
{
  g_return_val_if_fail (scene != NULL && style != NULL && x != NULL && y != NULL, FALSE);
  g_return_val_if_fail (edge < scene->edges->len, FALSE);

  return place_edge_label (scene, style, edge, width, height, NULL, x, y);
}

/* The label of a plain edge, drawn after the nodes so none covers it; moved along its line
 * when it would lie over a node (Graphviz's spline can pass its label under a node in sfdp
 * layouts), left out when no place on it is free. */
static void
draw_plain_edge_label (Frame *f, guint i)
{
  const RwbSceneEdge *e = &g_array_index (f->scene->edges, RwbSceneEdge, i);
  const RwbRelation *r = edge_relation (f, e);
  PangoLayout *l = rwb_render_cache_edge_label (f->cache, r->type);
  double w, h, x, y;

  rwb_render_layout_size (l, &w, &h);
  if (rwb_render_edge_label_place (f->scene, f->style, i, w + 6, h + 2, &x, &y))
    draw_edge_label (f, e, x, y, rwb_render_relation_color (f->style, r->type), FALSE);
}

static Rgb
node_color (const Frame *f, guint i, RwbEntityType type)
{
  guint32 c = f->style->node_color ? f->style->node_color[i] : 0;

  if (c & RWB_NODE_COLOR_SET)
    return (Rgb) { ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0 };
  return rwb_render_entity_color (f->style, type);
}

static void
draw_node_text (Frame *f, guint i, const RwbSceneNode *n, RwbEntityType type, Rgb icon, Rgb fg,
                Rgb fg2)
{
  cairo_t *cr = f->cr;
  const NodeText *t = rwb_render_cache_node_text (f->cache, f->scene, i);
  double cw, ch;
  rwb_render_content_size (t, &cw, &ch);
  double text_w = MAX (t->w1, t->w2);
  double text_h = t->h1 + (t->sublabel ? LINE_GAP + t->h2 : 0);
  /* The icon leads the name: on the left of a Latin name, on the right of an Arabic one. */
  double icon_x, text_cx;
  if (t->rtl)
    {
      icon_x = n->x + cw / 2 - ICON_SIZE;
      text_cx = n->x - cw / 2 + text_w / 2;
    }
  else
    {
      icon_x = n->x - cw / 2;
      text_cx = icon_x + ICON_SIZE + ICON_GAP + text_w / 2;
    }
  rwb_render_set_rgb (cr, icon, 1);
  rwb_render_fill_icon (cr, type, icon_x, n->y - ICON_SIZE / 2, ICON_SIZE);

  double top = n->y - text_h / 2;
  rwb_render_set_rgb (cr, fg, 1);
  cairo_move_to (cr, text_cx - t->w1 / 2, top);
  rwb_render_show_layout (cr, f->style, t->label);
  if (t->sublabel)
    {
      rwb_render_set_rgb (cr, fg2, 1);
      cairo_move_to (cr, text_cx - t->w2 / 2, top + t->h1 + LINE_GAP);
      rwb_render_show_layout (cr, f->style, t->sublabel);
    }
}

static void
draw_node (Frame *f, guint i, guint s, gboolean labels)
{
  cairo_t *cr = f->cr;
  const RwbSceneNode *n = &g_array_index (f->scene->nodes, RwbSceneNode, i);
  const RwbEntity *entity = g_ptr_array_index (f->scene->graph->entities, n->entity);
  double x = n->x - n->width / 2, y = n->y - n->height / 2;
  Rgb color = node_color (f, i, entity->type);
  Rgb fill = rwb_render_mix (f->bg, color, (s & RWB_DRAW_HOVER) ? (f->style->dark ? 0.40 : 0.24)
                                                       : (f->style->dark ? 0.28 : 0.14));
  double grow = f->style->node_scale ? CLAMP (f->style->node_scale[i], 1.0, 2.0) : 1.0;
  if (grow != 1.0)
    {
      /* Bigger by centrality: the box and its name, about its centre. */
      cairo_save (cr);
      cairo_translate (cr, n->x, n->y);
      cairo_scale (cr, grow, grow);
      cairo_translate (cr, -n->x, -n->y);
    }
  Rgb fg = f->fg, fg2 = f->fg2;
  if (s & RWB_DRAW_DIMMED)
    {
      color = rwb_render_mix (color, f->bg, RWB_RENDER_DIM);
      fill = rwb_render_mix (fill, f->bg, RWB_RENDER_DIM);
      fg = rwb_render_mix (fg, f->bg, RWB_RENDER_DIM);
      fg2 = rwb_render_mix (fg2, f->bg, RWB_RENDER_DIM);
    }

  if (s & RWB_DRAW_SELECTED)
    {
      /* The halo: a soft band of the node's colour around it, visible on light and dark. */
      double g = MAX (5.0, 3.0 / f->scale);
      rwb_render_node_path (cr, entity->type, x - g, y - g, n->width + 2 * g, n->height + 2 * g);
      rwb_render_set_rgb (cr, color, f->style->dark ? 0.45 : 0.32);
      cairo_fill (cr);
    }
  double line = (s & RWB_DRAW_SELECTED) ? 3.0 : (s & RWB_DRAW_HOVER) ? 2.5
                : (s & RWB_DRAW_EMPHASIS) ? 2.0 : 1.5;
  rwb_render_node_path (cr, entity->type, x, y, n->width, n->height);
  rwb_render_set_rgb (cr, fill, 1);
  cairo_fill_preserve (cr);
  rwb_render_set_rgb (cr, color, 1);
  cairo_set_line_width (cr, MAX (line, 1.0 / f->scale));
  cairo_stroke (cr);
  if (labels)
    draw_node_text (f, i, n, entity->type, color, fg, fg2);
  if (grow != 1.0)
    cairo_restore (cr);
}

/* Zoomed out: the name over node @i at RWB_RENDER_MIN_LABEL_PX, on a plate. */
static void
draw_overview_label (Frame *f, guint i, guint s)
{
  cairo_t *cr = f->cr;
  const RwbSceneNode *n = &g_array_index (f->scene->nodes, RwbSceneNode, i);
  double cut = f->cache->placed_cut != NULL && !(s & PROMINENT) ? f->cache->placed_cut[i] : 0;
  PangoLayout *l = cut > 0 ? rwb_render_cache_cut_label (f->cache, f->scene, i, cut)
                           : rwb_render_cache_short_label (f->cache, f->scene, i);
  double grow = f->style->node_scale ? CLAMP (f->style->node_scale[i], 1.0, 2.0) : 1.0;
  double k = rwb_render_overview_factor (f->scale) / f->scale * grow;
  double w, h;
  Rgb fg = f->fg;

  rwb_render_layout_size (l, &w, &h);
  if (s & RWB_DRAW_DIMMED)
    fg = rwb_render_mix (fg, f->bg, RWB_RENDER_DIM);
  cairo_save (cr);
  cairo_translate (cr, n->x, n->y);
  cairo_scale (cr, k, k);
  rwb_render_set_rgb (cr, f->bg, s & RWB_DRAW_DIMMED ? 0.5 : 0.82);
  rwb_render_rounded_rect (cr, -w / 2 - 2.5, -h / 2 - 0.5, w + 5, h + 1, 3);
  cairo_fill (cr);
  rwb_render_set_rgb (cr, fg, 1);
  cairo_move_to (cr, -w / 2, -h / 2);
  rwb_render_show_layout (cr, f->style, l);
  cairo_restore (cr);
}

/* Batches of plain nodes: by dimmed, type, and whether they are a few pixels small. */
static guint
node_batch_key (Frame *f, guint i)
{
  guint s = node_state (f, i);
  const RwbSceneNode *n = &g_array_index (f->scene->nodes, RwbSceneNode, i);
  const RwbEntity *entity = g_ptr_array_index (f->scene->graph->entities, n->entity);
  if (s & (RWB_DRAW_HIDDEN | PROMINENT))
    return G_MAXUINT;
  return ((s & RWB_DRAW_DIMMED ? RWB_ENTITY_N_TYPES : 0) + MIN (entity->type, RWB_ENTITY_N_TYPES - 1)) * 2
         + (n->height * f->scale < 6);
}

/* Far out, the nodes of a type are filled and outlined as one path; boxes smaller than a few
 * pixels become plain rectangles. */
static void
draw_nodes_batched (Frame *f)
{
  cairo_t *cr = f->cr;
  guint starts[4 * RWB_ENTITY_N_TYPES + 1];
  g_autofree guint *sorted = bucket (f, f->nodes, 4 * RWB_ENTITY_N_TYPES, node_batch_key, starts);

  for (guint key = 0; key < 4 * RWB_ENTITY_N_TYPES; key++)
    {
      gboolean tiny = key % 2, dimmed = key >= 2 * RWB_ENTITY_N_TYPES;
      RwbEntityType type = (key / 2) % RWB_ENTITY_N_TYPES;
      if (starts[key] == starts[key + 1])
        continue;
      cairo_new_path (cr);
      for (guint k = starts[key]; k < starts[key + 1]; k++)
        {
          const RwbSceneNode *n = &g_array_index (f->scene->nodes, RwbSceneNode, sorted[k]);
          double x = n->x - n->width / 2, y = n->y - n->height / 2;
          if (tiny)
            cairo_rectangle (cr, x, y, n->width, n->height);
          else
            rwb_render_node_path (cr, type, x, y, n->width, n->height);
        }
      Rgb color = rwb_render_entity_color (f->style, type);
      Rgb fill = rwb_render_mix (f->bg, color, f->style->dark ? 0.28 : 0.14);
      if (dimmed)
        color = rwb_render_mix (color, f->bg, RWB_RENDER_DIM), fill = rwb_render_mix (fill, f->bg, RWB_RENDER_DIM);
      if (tiny)
        {
          /* A few pixels: an outline would be all there is, and stroking thousands of boxes
           * costs five times filling them. One solid tone between fill and outline. */
          rwb_render_set_rgb (cr, rwb_render_mix (fill, color, 0.6), 1);
          cairo_fill (cr);
          continue;
        }
      rwb_render_set_rgb (cr, fill, 1);
      cairo_fill_preserve (cr);
      rwb_render_set_rgb (cr, color, 1);
      cairo_set_line_width (cr, MAX (1.5, 1.0 / f->scale));
      cairo_stroke (cr);
    }
}

/**
 * rwb_render_scene:
 * Draws the visible part of @scene; see the header for the level of detail.
 */
void
rwb_render_scene (cairo_t *cr, const RwbScene *scene, const RwbStyle *style,
                  const RwbViewport *viewport, double width, double height)
{
  g_return_if_fail (cr != NULL && style != NULL && viewport != NULL);
  cairo_save (cr);
  Rgb bg = rwb_render_background (style);
  if (!style->transparent)
    {
      rwb_render_set_rgb (cr, bg, 1);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }
  if (scene == NULL || viewport->scale <= 0)
    {
      cairo_restore (cr);
      return;
    }
  double scale = viewport->scale;
  RwbRenderCache *own_cache = NULL;
  Frame f = { 0 };
  f.cr = cr;
  f.scene = scene;
  f.style = style;
  f.cache = style->cache ? style->cache : (own_cache = rwb_render_cache_new ());
  rwb_render_cache_bind (f.cache, scene, style->font_family);
  f.scale = scale;
  f.bg = bg;
  f.fg = style->dark ? (Rgb) { 0.95, 0.95, 0.96 } : (Rgb) { 0.10, 0.10, 0.12 };
  f.fg2 = style->dark ? (Rgb) { 0.75, 0.75, 0.78 } : (Rgb) { 0.33, 0.33, 0.37 };
  f.fg_alpha = 1;
  if (scene->from_dot && scene->has_background)
    {
      /* The file's background replaces the theme's, and its text colour follows it. */
      guint32 c = scene->background;
      Rgb file_bg = { (c >> 24) / 255.0, ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0 };
      if (!style->transparent)
        {
          rwb_render_set_rgb (cr, file_bg, (c & 0xff) / 255.0);
          cairo_rectangle (cr, 0, 0, width, height);
          cairo_fill (cr);
        }
      f.bg = file_bg;
    }
  if (scene->from_dot)
    {
      /* A plain DOT file's default black reads on the theme (or the file's) background. */
      double lum = 0.2126 * f.bg.r + 0.7152 * f.bg.g + 0.0722 * f.bg.b;
      f.fg = lum > 0.5 ? (Rgb) { 0, 0, 0 } : (Rgb) { 0.93, 0.93, 0.94 };
    }
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -viewport->origin_x, -viewport->origin_y);
  /* After the transformation: the pixel writer maps scene points to pixels with it. */
  f.direct = rwb_render_pixels_init (cr, &f.pixels);
  double margin = DRAW_MARGIN + 8.0 / scale;
  RwbRect view = { viewport->origin_x - margin, viewport->origin_y - margin,
                   width / scale + 2 * margin, height / scale + 2 * margin };
  f.nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  f.edges = g_array_new (FALSE, FALSE, sizeof (guint));
  rwb_scene_query_rect (scene, &view, f.nodes, f.edges);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (scene->from_dot)
    {
      rwb_render_xdot_frame (&f);
      g_array_unref (f.nodes);
      g_array_unref (f.edges);
      rwb_render_cache_free (own_cache);
      cairo_restore (cr);
      return;
    }

  /* Text smaller than about 5 device pixels is noise: draw boxes only, and then the whole
   * picture is an overview where per-item detail is invisible anyway. Names are drawn inside
   * the nodes only from RWB_RENDER_MIN_LABEL_PX on; below, the names that fit are drawn over
   * their nodes at that size (rwb-render-labels.c). */
  gboolean detail = scale * LABEL_SIZE >= 5.0 || style->node_color != NULL
                    || style->node_scale != NULL;
  gboolean labels = rwb_render_full_labels (scale);

  /* Edges under nodes; within each, what is hovered or selected over the rest. */
  if (detail)
    {
      for (guint k = 0; k < f.edges->len; k++)
        {
          guint i = g_array_index (f.edges, guint, k), s = edge_state (&f, i);
          if (!(s & (RWB_DRAW_HIDDEN | PROMINENT)))
            draw_edge (&f, i, s);
        }
    }
  else
    draw_edges_batched (&f, scale < 0.25);
  for (guint k = 0; k < f.edges->len; k++)
    {
      guint i = g_array_index (f.edges, guint, k), s = edge_state (&f, i);
      if (!(s & RWB_DRAW_HIDDEN) && (s & PROMINENT))
        draw_edge (&f, i, s);
    }

  if (detail)
    {
      for (guint k = 0; k < f.nodes->len; k++)
        {
          guint i = g_array_index (f.nodes, guint, k), s = node_state (&f, i);
          if (!(s & (RWB_DRAW_HIDDEN | PROMINENT)))
            draw_node (&f, i, s, labels);
        }
    }
  else
    draw_nodes_batched (&f);

  /* Plain edge labels over the nodes they pass, unless they lie on one. */
  if (labels && edge_labels_legible (&f))
    for (guint k = 0; k < f.edges->len; k++)
      {
        guint i = g_array_index (f.edges, guint, k), s = edge_state (&f, i);
        const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
        if (!(s & (RWB_DRAW_HIDDEN | PROMINENT | RWB_DRAW_DIMMED))
            && edge_relation (&f, e)->type != RWB_RELATION_MENTION)
          draw_plain_edge_label (&f, i);
      }

  /* Zoomed out, the names that fit, over the nodes. */
  const guint8 *placed = labels ? NULL : rwb_render_cache_placed (f.cache, scene, style, scale);
  if (placed != NULL)
    for (guint k = 0; k < f.nodes->len; k++)
      {
        guint i = g_array_index (f.nodes, guint, k), s = node_state (&f, i);
        if (placed[i] && !(s & (RWB_DRAW_HIDDEN | PROMINENT)))
          draw_overview_label (&f, i, s);
      }

  for (guint k = 0; k < f.nodes->len; k++)
    {
      guint i = g_array_index (f.nodes, guint, k), s = node_state (&f, i);
      if (!(s & RWB_DRAW_HIDDEN) && (s & PROMINENT))
        {
          draw_node (&f, i, s, labels);
          /* What stands out is named at any zoom. */
          if (!labels)
            draw_overview_label (&f, i, s);
        }
    }

  /* Labels of hovered and selected edges last, so no node covers them, and none over another
   * (they are few: a path, a node's edges). */
  g_autoptr (GArray) taken = g_array_new (FALSE, FALSE, sizeof (RwbRect));
  for (guint k = 0; k < f.edges->len; k++)
    {
      guint i = g_array_index (f.edges, guint, k), s = edge_state (&f, i);
      if (!(s & (RWB_DRAW_HIDDEN | RWB_DRAW_DIMMED)) && (s & PROMINENT))
        {
          const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
          PangoLayout *l = rwb_render_cache_edge_label (f.cache, edge_relation (&f, e)->type);
          double w, h, x, y;
          /* Off the nodes and the labels drawn so far, at the size it is drawn (kept legible
           * zoomed out); over them when there is no free place, as it is asked for. */
          double grow = MAX (1.0, MIN_EDGE_LABEL_PX / (EDGE_LABEL_SIZE * scale));

          rwb_render_layout_size (l, &w, &h);
          w = (w + 6) * grow;
          h = (h + 2) * grow;
          if (!place_edge_label (scene, style, i, w, h, taken, &x, &y))
            place_edge_label (scene, style, i, w, h, NULL, &x, &y);
          g_array_append_val (taken, ((RwbRect) { x - w / 2, y - h / 2, w, h }));
          draw_edge_label (&f, e, x, y, rwb_render_relation_color (style, edge_relation (&f, e)->type), TRUE);
        }
    }

  g_array_unref (f.nodes);
  g_array_unref (f.edges);
  rwb_render_cache_free (own_cache);
  cairo_restore (cr);
}
