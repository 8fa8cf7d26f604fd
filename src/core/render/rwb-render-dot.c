/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-render-dot.c — drawing a scene imported from a DOT file in its own Graphviz style.
 *
 * Clusters first (fill, outline, label), then edges (curve, arrowheads, label), then nodes
 * (shape, fill, outline, label), each culled to the viewport. Colours are the file's, already
 * "#rrggbb[aa]" (rwb-dot.c); where the file sets none, the style's foreground and background
 * stand in, so a plain DOT file reads in a dark theme too. Shapes Graphviz has and this file
 * does not draw fall back to a box or an ellipse.
 */
#define G_LOG_DOMAIN "rawabit-render"

#include "rwb-render-dot.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

/* Text smaller than this many device pixels is not drawn. */
#define MIN_TEXT_PX 4.0
#define ARROW_LEN 10.0
#define DEFAULT_FONT "Times, Liberation Serif, DejaVu Serif, serif"

typedef struct {
  double r, g, b, a;
} Rgba;

typedef struct {
  cairo_t *cr;
  const RwbScene *scene;
  const RwbStyle *style;
  double scale;
  Rgba fg, bg;
  PangoLayout *layout;
} Frame;

static gboolean
parse_hex (const char *s, Rgba *out)
{
  if (s == NULL || s[0] != '#')
    return FALSE;
  size_t n = strlen (s + 1);
  if (n != 6 && n != 8)
    return FALSE;
  guint v[4] = { 0, 0, 0, 255 };
  for (guint i = 0; i < n / 2; i++)
    {
      int hi = g_ascii_xdigit_value (s[1 + 2 * i]), lo = g_ascii_xdigit_value (s[2 + 2 * i]);
      if (hi < 0 || lo < 0)
        return FALSE;
      v[i] = (guint) (hi * 16 + lo);
    }
  *out = (Rgba) { v[0] / 255.0, v[1] / 255.0, v[2] / 255.0, v[3] / 255.0 };
  return TRUE;
}

/* @s as a colour, or @fallback when it is unset or not "#rrggbb[aa]". */
static Rgba
color_or (const char *s, Rgba fallback)
{
  Rgba c;
  return parse_hex (s, &c) ? c : fallback;
}

static Rgba
dim (const Frame *f, Rgba c, guint state)
{
  if (!(state & RWB_DRAW_DIMMED))
    return c;
  double t = RWB_RENDER_DIM;
  return (Rgba) { c.r + (f->bg.r - c.r) * t, c.g + (f->bg.g - c.g) * t,
                  c.b + (f->bg.b - c.b) * t, c.a };
}

static void
set_color (cairo_t *cr, Rgba c)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a);
}

static gboolean
style_has (const char *style, const char *word)
{
  if (style == NULL)
    return FALSE;
  gsize len = strlen (word);
  for (const char *p = style; (p = strstr (p, word)) != NULL; p += len)
    {
      gboolean start = p == style || p[-1] == ',' || p[-1] == ' ';
      char end = p[len];
      if (start && (end == '\0' || end == ',' || end == ' ' || end == '('))
        return TRUE;
    }
  return FALSE;
}

static const char *
entity_attr (const Frame *f, guint entity, const char *key)
{
  const RwbEntity *e = g_ptr_array_index (f->scene->graph->entities, entity);
  return e->attrs ? g_hash_table_lookup (e->attrs, key) : NULL;
}

static const char *
relation_attr (const Frame *f, guint relation, const char *key)
{
  const RwbRelation *r = g_ptr_array_index (f->scene->graph->relations, relation);
  return r->attrs ? g_hash_table_lookup (r->attrs, key) : NULL;
}

/* Line width and dashes for a style list and an optional penwidth. */
static void
set_line (Frame *f, const char *style, const char *penwidth)
{
  cairo_t *cr = f->cr;
  double w = 1.0;
  if (penwidth && *penwidth)
    w = g_ascii_strtod (penwidth, NULL);
  const char *slw = style ? strstr (style, "setlinewidth(") : NULL;
  if (slw)
    w = g_ascii_strtod (slw + strlen ("setlinewidth("), NULL);
  if (style_has (style, "bold"))
    w = MAX (w, 2.0);
  if (!(w >= 0 && w < 100))
    w = 1.0;
  /* Hairlines stay visible when zoomed out. */
  cairo_set_line_width (cr, MAX (w, 0.6 / f->scale));
  if (style_has (style, "dashed"))
    {
      double d[] = { 5.0, 3.0 };
      cairo_set_dash (cr, d, 2, 0);
    }
  else if (style_has (style, "dotted"))
    {
      double d[] = { 0.01, 3.0 };
      cairo_set_dash (cr, d, 2, 0);
    }
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static void
polygon (cairo_t *cr, double cx, double cy, double rx, double ry, guint sides, double rotate)
{
  for (guint i = 0; i < sides; i++)
    {
      double a = rotate + 2 * G_PI * i / sides;
      double x = cx + rx * cos (a), y = cy + ry * sin (a);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

static void
ellipse (cairo_t *cr, double cx, double cy, double rx, double ry)
{
  if (rx <= 0 || ry <= 0)
    return;
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, rx, ry);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_close_path (cr);
  cairo_restore (cr);
}

static void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

typedef enum { OUTLINE_YES, OUTLINE_NONE } Outline;

/* Adds the path of a node's shape; returns whether it has an outline at all. */
static Outline
shape_path (cairo_t *cr, const char *shape, const char *style, double cx, double cy, double w,
            double h)
{
  double x = cx - w / 2, y = cy - h / 2, rx = w / 2, ry = h / 2;
  if (shape == NULL || g_str_equal (shape, "ellipse") || g_str_equal (shape, "oval")
      || g_str_equal (shape, "circle") || g_str_equal (shape, "point"))
    ellipse (cr, cx, cy, rx, ry);
  else if (g_str_equal (shape, "doublecircle") || g_str_equal (shape, "doubleellipse"))
    {
      ellipse (cr, cx, cy, rx, ry);
      ellipse (cr, cx, cy, MAX (rx - 4, 1), MAX (ry - 4, 1));
    }
  else if (g_str_equal (shape, "plaintext") || g_str_equal (shape, "plain")
           || g_str_equal (shape, "none"))
    return OUTLINE_NONE;
  else if (g_str_equal (shape, "underline"))
    {
      cairo_move_to (cr, x, y + h);
      cairo_line_to (cr, x + w, y + h);
    }
  else if (g_str_equal (shape, "diamond"))
    polygon (cr, cx, cy, rx, ry, 4, -G_PI / 2);
  else if (g_str_equal (shape, "triangle"))
    {
      cairo_move_to (cr, cx, y);
      cairo_line_to (cr, x + w, y + h * 0.75);
      cairo_line_to (cr, x, y + h * 0.75);
      cairo_close_path (cr);
    }
  else if (g_str_equal (shape, "invtriangle"))
    {
      cairo_move_to (cr, cx, y + h);
      cairo_line_to (cr, x + w, y + h * 0.25);
      cairo_line_to (cr, x, y + h * 0.25);
      cairo_close_path (cr);
    }
  else if (g_str_equal (shape, "pentagon"))
    polygon (cr, cx, cy, rx, ry, 5, -G_PI / 2);
  else if (g_str_equal (shape, "hexagon"))
    polygon (cr, cx, cy, rx, ry, 6, 0);
  else if (g_str_equal (shape, "septagon"))
    polygon (cr, cx, cy, rx, ry, 7, -G_PI / 2);
  else if (g_str_equal (shape, "octagon") || g_str_equal (shape, "doubleoctagon")
           || g_str_equal (shape, "tripleoctagon"))
    polygon (cr, cx, cy, rx, ry, 8, G_PI / 8);
  else if (g_str_equal (shape, "house"))
    {
      cairo_move_to (cr, cx, y);
      cairo_line_to (cr, x + w, y + h * 0.4);
      cairo_line_to (cr, x + w, y + h);
      cairo_line_to (cr, x, y + h);
      cairo_line_to (cr, x, y + h * 0.4);
      cairo_close_path (cr);
    }
  else if (g_str_equal (shape, "invhouse"))
    {
      cairo_move_to (cr, cx, y + h);
      cairo_line_to (cr, x + w, y + h * 0.6);
      cairo_line_to (cr, x + w, y);
      cairo_line_to (cr, x, y);
      cairo_line_to (cr, x, y + h * 0.6);
      cairo_close_path (cr);
    }
  else if (g_str_equal (shape, "parallelogram"))
    {
      double d = MIN (w * 0.25, h * 0.5);
      cairo_move_to (cr, x + d, y);
      cairo_line_to (cr, x + w, y);
      cairo_line_to (cr, x + w - d, y + h);
      cairo_line_to (cr, x, y + h);
      cairo_close_path (cr);
    }
  else if (g_str_equal (shape, "trapezium") || g_str_equal (shape, "invtrapezium"))
    {
      double d = MIN (w * 0.25, h * 0.5);
      gboolean inv = shape[0] == 'i';
      cairo_move_to (cr, x + (inv ? 0 : d), y);
      cairo_line_to (cr, x + w - (inv ? 0 : d), y);
      cairo_line_to (cr, x + w - (inv ? d : 0), y + h);
      cairo_line_to (cr, x + (inv ? d : 0), y + h);
      cairo_close_path (cr);
    }
  else if (g_str_equal (shape, "note"))
    {
      double d = MIN (10, MIN (w, h) / 3);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + w - d, y);
      cairo_line_to (cr, x + w, y + d);
      cairo_line_to (cr, x + w, y + h);
      cairo_line_to (cr, x, y + h);
      cairo_close_path (cr);
      cairo_move_to (cr, x + w - d, y);
      cairo_line_to (cr, x + w - d, y + d);
      cairo_line_to (cr, x + w, y + d);
    }
  else if (g_str_equal (shape, "tab"))
    {
      double tw = MIN (12, w / 3), th = MIN (5, h / 4);
      cairo_rectangle (cr, x, y, w, h);
      cairo_move_to (cr, x + 3, y);
      cairo_line_to (cr, x + 3, y - th);
      cairo_line_to (cr, x + 3 + tw, y - th);
      cairo_line_to (cr, x + 3 + tw, y);
    }
  else if (g_str_equal (shape, "cylinder"))
    {
      double e = MIN (h * 0.15, 10);
      cairo_move_to (cr, x, y + e);
      cairo_curve_to (cr, x, y - e / 3, x + w, y - e / 3, x + w, y + e);
      cairo_line_to (cr, x + w, y + h - e);
      cairo_curve_to (cr, x + w, y + h + e / 3, x, y + h + e / 3, x, y + h - e);
      cairo_close_path (cr);
      cairo_move_to (cr, x, y + e);
      cairo_curve_to (cr, x, y + e * 7 / 3, x + w, y + e * 7 / 3, x + w, y + e);
    }
  else if (g_str_equal (shape, "Mrecord") || style_has (style, "rounded"))
    rounded_rect (cr, x, y, w, h, MIN (12, MIN (w, h) / 4));
  else
    /* box, rect, rectangle, square, record, folder, component, box3d, … */
    cairo_rectangle (cr, x, y, w, h);
  return OUTLINE_YES;
}

static double
luminance (Rgba c)
{
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

/* Draws @text centred on (x, y) at @size points, if it would be legible. */
static void
draw_text (Frame *f, const char *text, double x, double y, double size, const char *family,
           Rgba color)
{
  if (text == NULL || *text == '\0' || size * f->scale < MIN_TEXT_PX)
    return;
  PangoFontDescription *desc = pango_font_description_from_string (
    family && *family && !strchr (family, '/') ? family : DEFAULT_FONT);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (f->layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (f->layout, text, -1);
  PangoRectangle ink, logical;
  pango_layout_get_extents (f->layout, &ink, &logical);
  set_color (f->cr, color);
  cairo_move_to (f->cr, x - logical.width / (2.0 * PANGO_SCALE),
                 y - logical.height / (2.0 * PANGO_SCALE));
  /* Through the renderer, so an SVG export writes the label as text. */
  rwb_render_show_layout (f->cr, f->style, f->layout);
}

static guint
node_state (const Frame *f, guint i)
{
  guint s = f->style->node_state ? f->style->node_state[i] : 0;
  if (f->style->highlight_node >= 0 && (guint) f->style->highlight_node == i)
    s |= RWB_DRAW_SELECTED;
  return s;
}

static void
draw_cluster (Frame *f, const RwbSceneCluster *c)
{
  cairo_t *cr = f->cr;
  gboolean only_label = c->style && g_str_equal (c->style, "graph-label");
  if (style_has (c->style, "invis"))
    return;
  if (!only_label)
    {
      gboolean rounded = style_has (c->style, "rounded");
      Rgba fill;
      if (c->fillcolor && parse_hex (c->fillcolor, &fill))
        {
          if (rounded)
            rounded_rect (cr, c->box.x, c->box.y, c->box.width, c->box.height, 12);
          else
            cairo_rectangle (cr, c->box.x, c->box.y, c->box.width, c->box.height);
          set_color (cr, fill);
          cairo_fill (cr);
        }
      if (rounded)
        rounded_rect (cr, c->box.x, c->box.y, c->box.width, c->box.height, 12);
      else
        cairo_rectangle (cr, c->box.x, c->box.y, c->box.width, c->box.height);
      set_line (f, c->style, NULL);
      set_color (cr, color_or (c->color, f->fg));
      cairo_stroke (cr);
    }
  /* A graph label takes its colour from fontcolor (kept in color); a cluster's is the text
   * colour of the theme. */
  draw_text (f, c->label, c->label_x, c->label_y, 14,
             NULL, only_label ? color_or (c->color, f->fg) : f->fg);
}

/* An arrowhead of @kind with its tip at @tip, coming from @from. */
static void
draw_arrow (Frame *f, RwbPoint from, RwbPoint tip, const char *kind, double size, Rgba color)
{
  cairo_t *cr = f->cr;
  double dx = tip.x - from.x, dy = tip.y - from.y, len = hypot (dx, dy);
  if (len < 1e-6 || (kind && g_str_equal (kind, "none")))
    return;
  double ux = dx / len, uy = dy / len, l = ARROW_LEN * size, hw = 3.5 * size;
  /* The base: where the curve ends, or ARROW_LEN back from the tip. */
  double bx = tip.x - ux * l, by = tip.y - uy * l;
  const char *k = kind ? kind : "normal";
  gboolean open = k[0] == 'o' || g_str_equal (k, "empty");
  if (k[0] == 'o')
    k++;
  if (k[0] == 'l' || k[0] == 'r')
    k++;
  cairo_set_dash (cr, NULL, 0, 0);
  set_color (cr, color);
  if (g_str_has_prefix (k, "dot"))
    ellipse (cr, (tip.x + bx) / 2, (tip.y + by) / 2, l / 2, l / 2);
  else if (g_str_has_prefix (k, "inv"))
    {
      cairo_move_to (cr, bx, by);
      cairo_line_to (cr, tip.x - uy * hw, tip.y + ux * hw);
      cairo_line_to (cr, tip.x + uy * hw, tip.y - ux * hw);
      cairo_close_path (cr);
    }
  else if (g_str_has_prefix (k, "diamond"))
    {
      double mx = (tip.x + bx) / 2, my = (tip.y + by) / 2;
      cairo_move_to (cr, tip.x, tip.y);
      cairo_line_to (cr, mx - uy * hw, my + ux * hw);
      cairo_line_to (cr, bx, by);
      cairo_line_to (cr, mx + uy * hw, my - ux * hw);
      cairo_close_path (cr);
    }
  else if (g_str_has_prefix (k, "box"))
    {
      double s = l / 2;
      cairo_move_to (cr, tip.x - uy * s / 2, tip.y + ux * s / 2);
      cairo_line_to (cr, tip.x - ux * s - uy * s / 2, tip.y - uy * s + ux * s / 2);
      cairo_line_to (cr, tip.x - ux * s + uy * s / 2, tip.y - uy * s - ux * s / 2);
      cairo_line_to (cr, tip.x + uy * s / 2, tip.y - ux * s / 2);
      cairo_close_path (cr);
    }
  else if (g_str_has_prefix (k, "tee"))
    {
      cairo_move_to (cr, tip.x - uy * hw, tip.y + ux * hw);
      cairo_line_to (cr, tip.x + uy * hw, tip.y - ux * hw);
      cairo_stroke (cr);
      cairo_move_to (cr, bx, by);
      cairo_line_to (cr, tip.x, tip.y);
      cairo_stroke (cr);
      return;
    }
  else if (g_str_has_prefix (k, "vee"))
    {
      cairo_move_to (cr, tip.x, tip.y);
      cairo_line_to (cr, bx - uy * hw, by + ux * hw);
      cairo_line_to (cr, tip.x - ux * l * 0.6, tip.y - uy * l * 0.6);
      cairo_line_to (cr, bx + uy * hw, by - ux * hw);
      cairo_close_path (cr);
    }
  else
    {
      cairo_move_to (cr, tip.x, tip.y);
      cairo_line_to (cr, bx - uy * hw, by + ux * hw);
      cairo_line_to (cr, bx + uy * hw, by - ux * hw);
      cairo_close_path (cr);
    }
  if (open)
    {
      cairo_set_line_width (cr, MAX (1.0, 0.6 / f->scale));
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

static void
draw_edge (Frame *f, guint i)
{
  const RwbSceneEdge *e = &g_array_index (f->scene->edges, RwbSceneEdge, i);
  guint state = f->style->edge_state ? f->style->edge_state[i] : 0;
  if ((state & RWB_DRAW_HIDDEN) || style_has (e->style, "invis") || e->points->len < 2)
    return;
  cairo_t *cr = f->cr;
  Rgba color = dim (f, color_or (e->color, f->fg), state);
  const RwbPoint *p = (const RwbPoint *) e->points->data;
  cairo_move_to (cr, p[0].x, p[0].y);
  guint n = e->points->len;
  for (guint k = 1; k + 2 < n; k += 3)
    cairo_curve_to (cr, p[k].x, p[k].y, p[k + 1].x, p[k + 1].y, p[k + 2].x, p[k + 2].y);
  set_line (f, e->style, relation_attr (f, e->relation, "penwidth"));
  if (state & (RWB_DRAW_SELECTED | RWB_DRAW_HOVER))
    cairo_set_line_width (cr, cairo_get_line_width (cr) + 1.5);
  set_color (cr, color);
  cairo_stroke (cr);

  const char *size_s = relation_attr (f, e->relation, "arrowsize");
  double size = size_s ? g_ascii_strtod (size_s, NULL) : 1.0;
  if (!(size > 0 && size < 20))
    size = 1.0;
  if (e->has_head)
    draw_arrow (f, p[n - 1], e->head, relation_attr (f, e->relation, "arrowhead"), size, color);
  const char *dir = relation_attr (f, e->relation, "dir");
  if (dir && (g_str_equal (dir, "both") || g_str_equal (dir, "back")) && n >= 2)
    {
      /* The scene keeps no tail point: continue the curve's first tangent into the node. */
      double dx = p[0].x - p[1].x, dy = p[0].y - p[1].y, len = hypot (dx, dy);
      if (len > 1e-6)
        {
          RwbPoint tip = { p[0].x + dx / len * ARROW_LEN * size,
                           p[0].y + dy / len * ARROW_LEN * size };
          draw_arrow (f, p[0], tip, relation_attr (f, e->relation, "arrowtail"), size, color);
        }
    }
  if (e->label && !(state & RWB_DRAW_DIMMED))
    {
      const char *fs = relation_attr (f, e->relation, "fontsize");
      double font_size = fs ? g_ascii_strtod (fs, NULL) : 14;
      if (!(font_size > 0 && font_size < 1000))
        font_size = 14;
      draw_text (f, e->label, e->label_x, e->label_y, font_size,
                 relation_attr (f, e->relation, "fontname"),
                 color_or (relation_attr (f, e->relation, "fontcolor"), f->fg));
    }
}

static void
draw_node (Frame *f, guint i)
{
  const RwbSceneNode *n = &g_array_index (f->scene->nodes, RwbSceneNode, i);
  guint state = node_state (f, i);
  if ((state & RWB_DRAW_HIDDEN) || style_has (n->style, "invis"))
    return;
  cairo_t *cr = f->cr;
  gboolean point = n->shape && g_str_equal (n->shape, "point");
  Rgba line = dim (f, color_or (n->color, f->fg), state);
  Rgba fill = { 0, 0, 0, 0 };
  gboolean filled = n->fillcolor && parse_hex (n->fillcolor, &fill);
  if (point && !filled)
    fill = color_or (n->color, f->fg), filled = TRUE;
  fill = dim (f, fill, state);

  cairo_new_path (cr);
  Outline outline = shape_path (cr, n->shape, n->style, n->x, n->y, n->width, n->height);
  if (filled)
    {
      set_color (cr, fill);
      cairo_fill_preserve (cr);
    }
  if (outline == OUTLINE_YES)
    {
      set_line (f, n->style, entity_attr (f, n->entity, "penwidth"));
      set_color (cr, line);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  if (state & (RWB_DRAW_SELECTED | RWB_DRAW_HOVER))
    {
      /* The file's colours stay; the selection is a halo around the shape. */
      cairo_rectangle (cr, n->x - n->width / 2 - 3, n->y - n->height / 2 - 3, n->width + 6,
                       n->height + 6);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, MAX (2.0, 1.5 / f->scale));
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, (state & RWB_DRAW_SELECTED) ? 0.9 : 0.5);
      cairo_stroke (cr);
    }
  if (point || (state & RWB_DRAW_DIMMED))
    return;
  /* Without a fontcolor, text on a fill takes the contrast of the fill. */
  Rgba text = f->fg;
  if (n->fontcolor)
    text = color_or (n->fontcolor, f->fg);
  else if (filled && fill.a > 0.3)
    text = luminance (fill) > 0.5 ? (Rgba) { 0, 0, 0, 1 } : (Rgba) { 1, 1, 1, 1 };
  draw_text (f, n->label, n->x, n->y, n->fontsize > 0 ? n->fontsize : 14,
             entity_attr (f, n->entity, "fontname"), text);
}

static gboolean
rects_meet (const RwbRect *a, const RwbRect *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width && a->y <= b->y + b->height
         && b->y <= a->y + a->height;
}

/**
 * rwb_render_dot_scene:
 * Draws the visible part of a scene imported from DOT with the file's own styles.
 */
void
rwb_render_dot_scene (cairo_t *cr, const RwbScene *scene, const RwbStyle *style,
                      const RwbViewport *viewport, double width, double height)
{
  g_return_if_fail (cr != NULL && scene != NULL && style != NULL && viewport != NULL);
  if (viewport->scale <= 0)
    return;
  cairo_save (cr);
  Frame f = { 0 };
  f.cr = cr;
  f.scene = scene;
  f.style = style;
  f.scale = viewport->scale;
  double r, g, b;
  rwb_render_background_rgb (style, &r, &g, &b);
  f.bg = (Rgba) { r, g, b, 1 };
  Rgba file_bg;
  if (parse_hex (scene->background, &file_bg) && file_bg.a > 0)
    {
      /* The file's background replaces the theme's, and its text colour follows it. */
      if (!style->transparent)
        {
          set_color (cr, file_bg);
          cairo_rectangle (cr, 0, 0, width, height);
          cairo_fill (cr);
        }
      f.bg = file_bg;
    }
  f.fg = luminance (f.bg) > 0.5 ? (Rgba) { 0, 0, 0, 1 } : (Rgba) { 0.93, 0.93, 0.94, 1 };

  cairo_scale (cr, f.scale, f.scale);
  cairo_translate (cr, -viewport->origin_x, -viewport->origin_y);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  double margin = ARROW_LEN * 2 + 20;
  RwbRect view = { viewport->origin_x - margin, viewport->origin_y - margin,
                   width / f.scale + 2 * margin, height / f.scale + 2 * margin };

  f.layout = pango_cairo_create_layout (cr);
  pango_cairo_context_set_resolution (pango_layout_get_context (f.layout), 72);
  pango_layout_set_alignment (f.layout, PANGO_ALIGN_CENTER);
  pango_cairo_update_layout (cr, f.layout);

  for (guint i = 0; i < scene->clusters->len; i++)
    {
      const RwbSceneCluster *c = &g_array_index (scene->clusters, RwbSceneCluster, i);
      if (rects_meet (&c->box, &view))
        draw_cluster (&f, c);
    }
  g_autoptr (GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
  rwb_scene_query_rect (scene, &view, nodes, edges);
  for (guint k = 0; k < edges->len; k++)
    draw_edge (&f, g_array_index (edges, guint, k));
  for (guint k = 0; k < nodes->len; k++)
    draw_node (&f, g_array_index (nodes, guint, k));

  g_object_unref (f.layout);
  cairo_restore (cr);
}
