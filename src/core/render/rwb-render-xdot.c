/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-render-xdot.c — drawing an imported DOT file's scene: the operations Graphviz made for it
 * (shapes, colours, fonts, HTML and record labels), through the same frame, culling and levels
 * of detail as Rawabit's own scenes (rwb-render.c).
 *
 * Close in (text legible), every visible cluster, edge and node is drawn operation by operation,
 * text shaped once per operation and kept in the render cache. Further out, text goes and the
 * operations of all visible items are grouped by colour, line width and dash, each group filled
 * or stroked as one path; nodes a few pixels small become one rectangle in their colour, and
 * edges far out are one-pixel lines written straight into the image. Colours the file did not
 * set (Graphviz's default black) take the theme's foreground, so a plain DOT file reads in a
 * dark theme too; a file's bgcolor replaces the theme's background.
 */
#define G_LOG_DOMAIN "rawabit-render"

#include "rwb-render-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Text smaller than this many device pixels is not drawn. */
#define MIN_TEXT_PX 4.0
/* Graphviz's default font size: below this zoom a default label is under MIN_TEXT_PX. */
#define DETAIL_SCALE (MIN_TEXT_PX / 14.0)
/* Nodes smaller than this many pixels are drawn as a rectangle of their colour. */
#define TINY_PX 10.0
/* Below the zoom where text goes, edges are straight one-pixel lines written into the image:
 * stroking ten thousand curves thinner than a pixel is what cost an imported 5,000-node graph
 * hundreds of milliseconds a frame. */
#define STRAIGHT_SCALE DETAIL_SCALE

static Rgb
rgb_of (guint32 c)
{
  return (Rgb) { (c >> 24) / 255.0, ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0 };
}

static double
alpha_of (guint32 c)
{
  return (c & 0xff) / 255.0;
}

static guint32
pack (Rgb c, double a)
{
  return (guint32) CLAMP (round (c.r * 255), 0, 255) << 24
         | (guint32) CLAMP (round (c.g * 255), 0, 255) << 16
         | (guint32) CLAMP (round (c.b * 255), 0, 255) << 8
         | (guint32) CLAMP (round (a * 255), 0, 255);
}

static double
luminance (Rgb c)
{
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

static const RwbDrawOp *
op_at (const Frame *f, guint i)
{
  return &g_array_index (f->scene->draw_ops, RwbDrawOp, i);
}

/* An operation's pen (stroke and text) and fill as drawn: the theme's foreground for the
 * file's defaults, faded when dimmed. 0xRRGGBBAA. */
static guint32
pen_of (const Frame *f, const RwbDrawOp *op, guint state)
{
  Rgb c = op->flags & RWB_DRAW_OP_DEFAULT_PEN ? f->fg : rgb_of (op->pen);
  if (state & RWB_DRAW_DIMMED)
    c = rwb_render_mix (c, f->bg, RWB_RENDER_DIM);
  return pack (c, alpha_of (op->pen));
}

static guint32
fill_of (const Frame *f, const RwbDrawOp *op, guint state)
{
  Rgb c = op->flags & RWB_DRAW_OP_DEFAULT_FILL ? f->fg : rgb_of (op->fill);
  if (state & RWB_DRAW_DIMMED)
    c = rwb_render_mix (c, f->bg, RWB_RENDER_DIM);
  return pack (c, alpha_of (op->fill));
}

static void
set_color (cairo_t *cr, guint32 c)
{
  rwb_render_set_rgb (cr, rgb_of (c), alpha_of (c));
}

static void
set_line (Frame *f, RwbDrawLine line, double width)
{
  cairo_t *cr = f->cr;
  /* Hairlines stay visible when zoomed out. */
  cairo_set_line_width (cr, MAX (width, 0.6 / f->scale));
  if (line == RWB_DRAW_LINE_DASHED)
    cairo_set_dash (cr, (double[]) { 5.0, 3.0 }, 2, 0);
  else if (line == RWB_DRAW_LINE_DOTTED)
    cairo_set_dash (cr, (double[]) { 0.01, 3.0 }, 2, 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static guint
node_state (const Frame *f, guint i)
{
  guint s = f->style->node_state ? f->style->node_state[i] : 0;
  if (f->style->highlight_node >= 0 && (guint) f->style->highlight_node == i)
    s |= RWB_DRAW_SELECTED;
  return s;
}

static guint
edge_state (const Frame *f, guint i)
{
  const RwbSceneEdge *e = &g_array_index (f->scene->edges, RwbSceneEdge, i);
  guint s = f->style->edge_state ? f->style->edge_state[i] : 0;
  if ((node_state (f, e->from) & RWB_DRAW_HIDDEN) || (node_state (f, e->to) & RWB_DRAW_HIDDEN))
    s |= RWB_DRAW_HIDDEN;
  return s;
}

/* The foreground for default black at (x, y): the contrast of the innermost filled cluster
 * there, so Graphviz's black on a light cluster stays dark in a dark theme; else the frame's.
 * Clusters @skip and later are not looked at (a cluster's own label sits on its own fill, which
 * the caller passes as @skip + 1). */
static Rgb
ground_fg (const Frame *f, double x, double y, guint skip)
{
  const RwbScene *scene = f->scene;
  /* Many clusters: not worth a scan per item. */
  if (scene->clusters->len > 64)
    return f->fg;
  for (guint i = MIN (skip, scene->clusters->len); i-- > 0;)
    {
      const RwbSceneCluster *c = &g_array_index (scene->clusters, RwbSceneCluster, i);
      if (x < c->box.x || y < c->box.y || x > c->box.x + c->box.width
          || y > c->box.y + c->box.height)
        continue;
      for (guint k = c->draw_first; k < c->draw_first + c->draw_n; k++)
        {
          const RwbDrawOp *op = op_at (f, k);
          if (op->kind != RWB_DRAW_OP_TEXT && op->filled && alpha_of (op->fill) > 0.5)
            return luminance (rgb_of (op->fill)) > 0.5 ? (Rgb) { 0, 0, 0 }
                                                       : (Rgb) { 0.93, 0.93, 0.94 };
        }
    }
  return f->fg;
}

/* One shape operation: filled, then outlined unless its line is invisible. */
static void
draw_shape (Frame *f, const RwbDrawOp *op, guint state, double extra_width)
{
  cairo_t *cr = f->cr;
  if (op->line == RWB_DRAW_LINE_INVISIBLE)
    return;
  cairo_new_path (cr);
  rwb_render_op_path (cr, f->scene, op);
  if (op->filled && alpha_of (op->fill) > 0)
    {
      set_color (cr, fill_of (f, op, state));
      cairo_fill_preserve (cr);
    }
  guint32 pen = pen_of (f, op, state);
  if (alpha_of (pen) > 0)
    {
      set_line (f, op->line, op->width + extra_width);
      set_color (cr, pen);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
}

/* One line of text at Graphviz's position; @fallback is the colour of default black text. */
static void
draw_text (Frame *f, guint i, guint state, Rgb fallback)
{
  const RwbDrawOp *op = op_at (f, i);
  if (op->size * f->scale < MIN_TEXT_PX || op->first >= f->scene->draw_points->len)
    return;
  PangoLayout *layout = rwb_render_cache_op_text (f->cache, f->scene, i);
  if (layout == NULL)
    return;
  RwbPoint p = g_array_index (f->scene->draw_points, RwbPoint, op->first);
  double w, h;
  rwb_render_layout_size (layout, &w, &h);
  double baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
  double x = op->align < 0 ? p.x : op->align > 0 ? p.x - w : p.x - w / 2;
  Rgb c = op->flags & RWB_DRAW_OP_DEFAULT_PEN ? fallback : rgb_of (op->pen);
  if (state & RWB_DRAW_DIMMED)
    c = rwb_render_mix (c, f->bg, RWB_RENDER_DIM);
  rwb_render_set_rgb (f->cr, c, alpha_of (op->pen));
  cairo_move_to (f->cr, x, p.y - baseline);
  /* Through the renderer, so an SVG export writes the label as text. */
  rwb_render_show_layout (f->cr, f->style, layout);
}

/* Every operation of one item, in Graphviz's order. */
static void
draw_ops (Frame *f, guint first, guint n, guint state, double extra_width, Rgb text_fallback,
          gboolean shapes, gboolean text)
{
  for (guint i = first; i < first + n && i < f->scene->draw_ops->len; i++)
    {
      const RwbDrawOp *op = op_at (f, i);
      if (op->kind == RWB_DRAW_OP_TEXT)
        {
          if (text)
            draw_text (f, i, state, text_fallback);
        }
      else if (shapes)
        draw_shape (f, op, state, extra_width);
    }
}

/* Default text on a node takes the contrast of its fill, as Graphviz's black would not on a
 * dark fill in a dark theme. */
static Rgb
node_text_color (const Frame *f, const RwbSceneNode *n)
{
  for (guint i = n->draw_first; i < n->draw_first + n->draw_n; i++)
    {
      const RwbDrawOp *op = op_at (f, i);
      if (op->kind != RWB_DRAW_OP_TEXT && op->filled && alpha_of (op->fill) > 0.3
          && !(op->flags & RWB_DRAW_OP_DEFAULT_FILL))
        return luminance (rgb_of (op->fill)) > 0.5 ? (Rgb) { 0, 0, 0 } : (Rgb) { 1, 1, 1 };
    }
  return f->fg;
}

static void
draw_node (Frame *f, guint i, guint state, gboolean text)
{
  const RwbSceneNode *n = &g_array_index (f->scene->nodes, RwbSceneNode, i);
  Rgb saved = f->fg;
  f->fg = ground_fg (f, n->x, n->y, f->scene->clusters->len);
  draw_ops (f, n->draw_first, n->draw_n, state, 0, node_text_color (f, n), TRUE,
            text && !(state & RWB_DRAW_DIMMED));
  f->fg = saved;
  if (state & (RWB_DRAW_SELECTED | RWB_DRAW_HOVER))
    {
      /* The file's colours stay; the selection is a halo around the shape. */
      cairo_t *cr = f->cr;
      cairo_new_path (cr);
      cairo_rectangle (cr, n->x - n->width / 2 - 3, n->y - n->height / 2 - 3, n->width + 6,
                       n->height + 6);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, MAX (2.0, 1.5 / f->scale));
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, (state & RWB_DRAW_SELECTED) ? 0.9 : 0.5);
      cairo_stroke (cr);
    }
}

/* The first stroked operation of an edge: its pen, width and dash for a rerouted curve. */
static const RwbDrawOp *
edge_stroke_op (const Frame *f, const RwbSceneEdge *e)
{
  for (guint i = e->draw_first; i < e->draw_first + e->draw_n; i++)
    if (op_at (f, i)->kind != RWB_DRAW_OP_TEXT)
      return op_at (f, i);
  return NULL;
}

static void draw_edge_ops (Frame *f, const RwbSceneEdge *e, guint state, double extra,
                           gboolean text);

static void
draw_edge (Frame *f, guint i, guint state, gboolean text)
{
  const RwbSceneEdge *e = &g_array_index (f->scene->edges, RwbSceneEdge, i);
  double extra = state & (RWB_DRAW_SELECTED | RWB_DRAW_HOVER) ? 1.5 : 0;
  Rgb saved = f->fg;
  f->fg = ground_fg (f, e->label_x, e->label_y, f->scene->clusters->len);
  draw_edge_ops (f, e, state, extra, text);
  f->fg = saved;
}

static void
draw_edge_ops (Frame *f, const RwbSceneEdge *e, guint state, double extra, gboolean text)
{
  if (!e->rerouted)
    {
      draw_ops (f, e->draw_first, e->draw_n, state, extra, f->fg, TRUE,
                text && !(state & RWB_DRAW_DIMMED));
      return;
    }
  /* Dragged: Graphviz's curve is gone; the new one in the file's colour and line. */
  const RwbDrawOp *pen = edge_stroke_op (f, e);
  cairo_t *cr = f->cr;
  if (pen && pen->line != RWB_DRAW_LINE_INVISIBLE && e->points && e->points->len >= 2)
    {
      guint32 c = pen_of (f, pen, state);
      const RwbPoint *p = (const RwbPoint *) e->points->data;
      guint n = e->points->len;
      cairo_new_path (cr);
      cairo_move_to (cr, p[0].x, p[0].y);
      for (guint k = 1; k + 2 < n; k += 3)
        cairo_curve_to (cr, p[k].x, p[k].y, p[k + 1].x, p[k + 1].y, p[k + 2].x, p[k + 2].y);
      set_line (f, pen->line, pen->width + extra);
      set_color (cr, c);
      cairo_stroke (cr);
      if (e->has_head)
        {
          cairo_set_dash (cr, NULL, 0, 0);
          rwb_render_arrowhead_path (cr, p[n - 1], e->head, ARROW_SIZE);
          cairo_fill (cr);
        }
    }
  if (text && !(state & RWB_DRAW_DIMMED))
    draw_ops (f, e->draw_first, e->draw_n, state, 0, f->fg, FALSE, TRUE);
}

/* ---- Far out: operations grouped by how they are painted. ---- */

typedef struct {
  guint64 key;    /* colour (high 32 bits), then line and width for strokes */
  guint item;     /* operation index, or node index for a tiny node's rectangle */
  guint8 stroke;  /* stroke (1) or fill (0) */
  guint8 rect;    /* a tiny node's rectangle */
} Paint;

static int
compare_paint (const void *a, const void *b)
{
  const Paint *x = a, *y = b;
  if (x->stroke != y->stroke)
    return x->stroke - y->stroke;
  return x->key < y->key ? -1 : x->key > y->key;
}

static void
add_op_paints (Frame *f, GArray *paints, guint first, guint n, guint state, gboolean arrows,
               gboolean outline_filled)
{
  for (guint i = first; i < first + n && i < f->scene->draw_ops->len; i++)
    {
      const RwbDrawOp *op = op_at (f, i);
      if (op->kind == RWB_DRAW_OP_TEXT || op->line == RWB_DRAW_LINE_INVISIBLE)
        continue;
      /* Arrowheads (an edge's filled shapes) vanish before the lines do. */
      if (!arrows && op->filled)
        continue;
      if (op->filled && alpha_of (op->fill) > 0)
        {
          Paint p = { (guint64) fill_of (f, op, state) << 32, i, 0, 0 };
          g_array_append_val (paints, p);
        }
      guint32 pen = pen_of (f, op, state);
      /* Far out, an arrowhead's outline adds nothing to its fill. */
      if (alpha_of (pen) > 0 && (outline_filled || !op->filled))
        {
          guint width = (guint) CLAMP (round (op->width * 4), 0, 0xffff);
          Paint p = { (guint64) pen << 32 | (guint64) op->line << 16 | width, i, 1, 0 };
          g_array_append_val (paints, p);
        }
    }
}

/* A tiny node's colour: its first fill, else its first pen. */
static guint32
node_color (const Frame *f, const RwbSceneNode *n, guint state)
{
  for (guint i = n->draw_first; i < n->draw_first + n->draw_n; i++)
    {
      const RwbDrawOp *op = op_at (f, i);
      if (op->kind != RWB_DRAW_OP_TEXT && op->filled && alpha_of (op->fill) > 0)
        return fill_of (f, op, state);
    }
  for (guint i = n->draw_first; i < n->draw_first + n->draw_n; i++)
    {
      const RwbDrawOp *op = op_at (f, i);
      if (op->kind != RWB_DRAW_OP_TEXT && op->line != RWB_DRAW_LINE_INVISIBLE)
        return pen_of (f, op, state);
    }
  return 0;
}

static void
paint_groups (Frame *f, GArray *paints)
{
  cairo_t *cr = f->cr;
  if (paints->len == 0)
    return;
  qsort (paints->data, paints->len, sizeof (Paint), compare_paint);
  for (guint k = 0; k < paints->len;)
    {
      const Paint *first = &g_array_index (paints, Paint, k);
      guint end = k;
      cairo_new_path (cr);
      while (end < paints->len)
        {
          const Paint *p = &g_array_index (paints, Paint, end);
          if (p->key != first->key || p->stroke != first->stroke)
            break;
          if (p->rect)
            {
              const RwbSceneNode *n = &g_array_index (f->scene->nodes, RwbSceneNode, p->item);
              cairo_rectangle (cr, n->x - n->width / 2, n->y - n->height / 2, n->width,
                               n->height);
            }
          else
            rwb_render_op_path (cr, f->scene, op_at (f, p->item));
          end++;
        }
      set_color (cr, (guint32) (first->key >> 32));
      if (first->stroke)
        {
          set_line (f, (RwbDrawLine) ((first->key >> 16) & 0xff), (first->key & 0xffff) / 4.0);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
      k = end;
    }
  g_array_set_size (paints, 0);
}

/* Far out, edges are straight one-pixel lines in their colour, written into the image. */
static void
draw_edge_pixels (Frame *f, guint i, guint state)
{
  const RwbSceneEdge *e = &g_array_index (f->scene->edges, RwbSceneEdge, i);
  const RwbDrawOp *pen = edge_stroke_op (f, e);
  if (pen == NULL || pen->line == RWB_DRAW_LINE_INVISIBLE || e->points == NULL
      || e->points->len < 2)
    return;
  guint32 c = pen_of (f, pen, state);
  RwbPoint a = g_array_index (e->points, RwbPoint, 0);
  RwbPoint b = e->has_head ? e->head : g_array_index (e->points, RwbPoint, e->points->len - 1);
  rwb_render_pixels_line (&f->pixels, a, b, rgb_of (c), alpha_of (c) * 0.9);
}

static void
draw_far (Frame *f)
{
  g_autoptr (GArray) paints = g_array_new (FALSE, FALSE, sizeof (Paint));
  /* Shapes a few pixels across need no sub-pixel curves: cairo flattens each ellipse into far
   * fewer segments at this tolerance, which is most of the cost of thousands of them. */
  cairo_save (f->cr);
  cairo_set_tolerance (f->cr, 0.75);
  gboolean arrows = ARROW_SIZE * f->scale >= 2.5;
  gboolean straight = f->scale < STRAIGHT_SCALE && f->direct;

  if (straight)
    {
      cairo_surface_flush (f->pixels.surface);
      f->pixels.data = (guint32 *) cairo_image_surface_get_data (f->pixels.surface);
    }
  for (guint k = 0; k < f->edges->len; k++)
    {
      guint i = g_array_index (f->edges, guint, k), s = edge_state (f, i);
      if (s & (RWB_DRAW_HIDDEN | PROMINENT))
        continue;
      const RwbSceneEdge *e = &g_array_index (f->scene->edges, RwbSceneEdge, i);
      if (straight)
        draw_edge_pixels (f, i, s);
      else if (!e->rerouted)
        add_op_paints (f, paints, e->draw_first, e->draw_n, s, arrows, FALSE);
      else
        draw_edge (f, i, s, FALSE);
    }
  if (straight)
    cairo_surface_mark_dirty (f->pixels.surface);
  paint_groups (f, paints);

  for (guint k = 0; k < f->nodes->len; k++)
    {
      guint i = g_array_index (f->nodes, guint, k), s = node_state (f, i);
      if (s & (RWB_DRAW_HIDDEN | PROMINENT))
        continue;
      const RwbSceneNode *n = &g_array_index (f->scene->nodes, RwbSceneNode, i);
      if (MAX (n->width, n->height) * f->scale < TINY_PX)
        {
          guint32 c = node_color (f, n, s);
          if (alpha_of (c) > 0)
            {
              Paint p = { (guint64) c << 32, i, 0, 1 };
              g_array_append_val (paints, p);
            }
        }
      else
        add_op_paints (f, paints, n->draw_first, n->draw_n, s, TRUE, TRUE);
    }
  paint_groups (f, paints);
  cairo_restore (f->cr);
}

/**
 * rwb_render_xdot_frame:
 * @f: the frame, transformed to scene points, with the visible nodes and edges
 *
 * Draws an imported scene: clusters, edges, nodes, what is hovered or selected over the rest,
 * and the graph's own label, at the level of detail of the frame's zoom.
 */
void
rwb_render_xdot_frame (Frame *f)
{
  const RwbScene *scene = f->scene;
  gboolean detail = f->scale >= DETAIL_SCALE;
  double margin = DRAW_MARGIN + 8.0 / f->scale;
  double clip_x0, clip_y0, clip_x1, clip_y1;
  cairo_clip_extents (f->cr, &clip_x0, &clip_y0, &clip_x1, &clip_y1);
  RwbRect view = { clip_x0 - margin, clip_y0 - margin, clip_x1 - clip_x0 + 2 * margin,
                   clip_y1 - clip_y0 + 2 * margin };

  for (guint i = 0; i < scene->clusters->len; i++)
    {
      const RwbSceneCluster *c = &g_array_index (scene->clusters, RwbSceneCluster, i);
      if (c->box.x <= view.x + view.width && view.x <= c->box.x + c->box.width
          && c->box.y <= view.y + view.height && view.y <= c->box.y + c->box.height)
        {
          /* Its outline on what is around it, its label on its own fill. */
          Rgb saved = f->fg;
          f->fg = ground_fg (f, c->box.x + c->box.width / 2, c->box.y + c->box.height / 2, i);
          draw_ops (f, c->draw_first, c->draw_n, 0, 0, f->fg, TRUE, FALSE);
          Rgb text = ground_fg (f, c->box.x + c->box.width / 2, c->box.y + c->box.height / 2,
                                i + 1);
          if (detail)
            draw_ops (f, c->draw_first, c->draw_n, 0, 0, text, FALSE, TRUE);
          f->fg = saved;
        }
    }

  if (detail)
    {
      for (guint k = 0; k < f->edges->len; k++)
        {
          guint i = g_array_index (f->edges, guint, k), s = edge_state (f, i);
          if (!(s & (RWB_DRAW_HIDDEN | PROMINENT)))
            draw_edge (f, i, s, TRUE);
        }
      for (guint k = 0; k < f->nodes->len; k++)
        {
          guint i = g_array_index (f->nodes, guint, k), s = node_state (f, i);
          if (!(s & (RWB_DRAW_HIDDEN | PROMINENT)))
            draw_node (f, i, s, TRUE);
        }
    }
  else
    draw_far (f);

  for (guint k = 0; k < f->edges->len; k++)
    {
      guint i = g_array_index (f->edges, guint, k), s = edge_state (f, i);
      if (!(s & RWB_DRAW_HIDDEN) && (s & PROMINENT))
        draw_edge (f, i, s, TRUE);
    }
  for (guint k = 0; k < f->nodes->len; k++)
    {
      guint i = g_array_index (f->nodes, guint, k), s = node_state (f, i);
      if (!(s & RWB_DRAW_HIDDEN) && (s & PROMINENT))
        draw_node (f, i, s, TRUE);
    }
  draw_ops (f, scene->draw_first, scene->draw_n, 0, 0, f->fg, TRUE, TRUE);
}
