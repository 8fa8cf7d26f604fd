/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-render-shapes.c — paths: node shapes by entity type, type icons, arrowheads, the drawing
 * operations of imported scenes; and the direct pixel writer for overview lines. */
#define G_LOG_DOMAIN "rawabit-render"

#include "rwb-render-private.h"

#include <math.h>
#include <string.h>

void
rwb_render_rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Shape per entity type, so type reads without colour too: company rounded box, organization
 * square box, person pill, place box with cut corners. (rwb-scene's border_point() knows the
 * pill, for edges rerouted after a drag.) */
void
rwb_render_node_path (cairo_t *cr, RwbEntityType type, double x, double y, double w, double h)
{
  switch (rwb_entity_type_info (MIN (type, RWB_ENTITY_N_TYPES - 1))->shape)
    {
    case RWB_NODE_SHAPE_BOX:
      cairo_rectangle (cr, x, y, w, h);
      break;
    case RWB_NODE_SHAPE_PILL:
      rwb_render_rounded_rect (cr, x, y, w, h, h / 2);
      break;
    case RWB_NODE_SHAPE_CUT_BOX:
      {
        double c = MIN (h / 3, 8);
        cairo_move_to (cr, x + c, y);
        cairo_line_to (cr, x + w - c, y);
        cairo_line_to (cr, x + w, y + c);
        cairo_line_to (cr, x + w, y + h - c);
        cairo_line_to (cr, x + w - c, y + h);
        cairo_line_to (cr, x + c, y + h);
        cairo_line_to (cr, x, y + h - c);
        cairo_line_to (cr, x, y + c);
        cairo_close_path (cr);
      }
      break;
    case RWB_NODE_SHAPE_ROUNDED_BOX:
    default:
      rwb_render_rounded_rect (cr, x, y, w, h, MIN (6, h / 4));
      break;
    }
}

/* The type icon, a small symbolic picture filled in the current source, in the square of side
 * @size at (x, y): company a building, organization a columned hall, person head and
 * shoulders, place a map pin. Drawn from paths so it needs no icon theme and scales cleanly. */
static cairo_fill_rule_t
icon_path (cairo_t *cr, RwbEntityType type, double x, double y, double size)
{
  cairo_fill_rule_t rule = CAIRO_FILL_RULE_WINDING;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size, size);
  cairo_new_path (cr);
  switch (rwb_entity_type_info (MIN (type, RWB_ENTITY_N_TYPES - 1))->icon)
    {
    case RWB_NODE_ICON_HALL:
      cairo_move_to (cr, 0.0, 0.30);
      cairo_line_to (cr, 0.5, 0.02);
      cairo_line_to (cr, 1.0, 0.30);
      cairo_close_path (cr);
      for (int i = 0; i < 3; i++)
        cairo_rectangle (cr, 0.10 + i * 0.31, 0.36, 0.18, 0.46);
      cairo_rectangle (cr, 0.0, 0.86, 1.0, 0.14);
      break;
    case RWB_NODE_ICON_PERSON:
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0.5, 0.26, 0.23, 0, 2 * G_PI);
      cairo_close_path (cr);
      cairo_move_to (cr, 0.06, 1.0);
      cairo_save (cr);
      cairo_translate (cr, 0.5, 1.0);
      cairo_scale (cr, 0.44, 0.46);
      cairo_arc (cr, 0, 0, 1, G_PI, 2 * G_PI);
      cairo_restore (cr);
      cairo_close_path (cr);
      break;
    case RWB_NODE_ICON_PIN:
      {
        /* A circle with tangents meeting at the tip, and a hole. */
        double cx = 0.5, cy = 0.37, r = 0.33, tip = 1.0;
        double a = acos (r / (tip - cy));
        cairo_move_to (cr, cx, tip);
        cairo_arc (cr, cx, cy, r, G_PI / 2 + a, G_PI / 2 - a + 2 * G_PI);
        cairo_close_path (cr);
        cairo_new_sub_path (cr);
        cairo_arc (cr, cx, cy, 0.13, 0, 2 * G_PI);
        cairo_close_path (cr);
        rule = CAIRO_FILL_RULE_EVEN_ODD;
      }
      break;
    case RWB_NODE_ICON_BUILDING:
    default:
      /* A tower with two columns of windows and a door, cut out. */
      cairo_rectangle (cr, 0.16, 0.0, 0.68, 1.0);
      for (int row = 0; row < 3; row++)
        for (int col = 0; col < 2; col++)
          cairo_rectangle (cr, 0.30 + col * 0.26, 0.12 + row * 0.21, 0.14, 0.12);
      cairo_rectangle (cr, 0.42, 0.78, 0.16, 0.22);
      rule = CAIRO_FILL_RULE_EVEN_ODD;
      break;
    }
  /* The path stays in user space: cairo transforms it as it is built. */
  cairo_restore (cr);
  return rule;
}

void
rwb_render_fill_icon (cairo_t *cr, RwbEntityType type, double x, double y, double size)
{
  cairo_set_fill_rule (cr, icon_path (cr, type, x, y, size));
  cairo_fill (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
}

void
rwb_render_arrowhead_path (cairo_t *cr, RwbPoint from, RwbPoint tip, double size)
{
  double dx = tip.x - from.x, dy = tip.y - from.y;
  double len = sqrt (dx * dx + dy * dy);
  if (len < 1e-6)
    return;
  dx /= len, dy /= len;
  double bx = tip.x - dx * size, by = tip.y - dy * size;
  cairo_move_to (cr, tip.x, tip.y);
  cairo_line_to (cr, bx - dy * size * 0.45, by + dx * size * 0.45);
  cairo_line_to (cr, bx + dy * size * 0.45, by - dx * size * 0.45);
  cairo_close_path (cr);
}


gboolean
rwb_render_pixels_init (cairo_t *cr, Pixels *px)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_rectangle_list_t *clip;
  double ox, oy, sx, sy;
  gboolean ok;

  memset (px, 0, sizeof *px);
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_format_t format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_get_matrix (cr, &px->matrix);
  if (ox != 0 || oy != 0 || sx != 1 || sy != 1 || px->matrix.xy != 0 || px->matrix.yx != 0
      || px->matrix.xx <= 0 || px->matrix.yy <= 0)
    return FALSE;

  clip = cairo_copy_clip_rectangle_list (cr);
  ok = clip->status == CAIRO_STATUS_SUCCESS && clip->num_rectangles == 1;
  if (ok)
    {
      double x0 = clip->rectangles[0].x, y0 = clip->rectangles[0].y;
      double x1 = x0 + clip->rectangles[0].width, y1 = y0 + clip->rectangles[0].height;
      cairo_matrix_transform_point (&px->matrix, &x0, &y0);
      cairo_matrix_transform_point (&px->matrix, &x1, &y1);
      px->x0 = MAX (0, (int) round (x0));
      px->y0 = MAX (0, (int) round (y0));
      px->x1 = MIN (cairo_image_surface_get_width (target), (int) round (x1));
      px->y1 = MIN (cairo_image_surface_get_height (target), (int) round (y1));
      /* A clip between pixels would need coverage at its border. */
      ok = fabs (x0 - round (x0)) < 1e-6 && fabs (y0 - round (y0)) < 1e-6
           && fabs (x1 - round (x1)) < 1e-6 && fabs (y1 - round (y1)) < 1e-6;
    }
  cairo_rectangle_list_destroy (clip);
  if (!ok)
    return FALSE;

  px->surface = target;
  px->stride = cairo_image_surface_get_stride (target) / 4;
  px->has_alpha = format == CAIRO_FORMAT_ARGB32;
  return TRUE;
}

/* Blends colour @c at @alpha over one pixel (premultiplied ARGB32, as cairo stores it). */
static inline void
pixels_blend (Pixels *px, int x, int y, guint c_r, guint c_g, guint c_b, double alpha)
{
  if (x < px->x0 || y < px->y0 || x >= px->x1 || y >= px->y1 || alpha <= 0)
    return;
  guint32 *p = px->data + (gsize) y * px->stride + x;
  guint a = (guint) (alpha * 255 + 0.5), ia = 255 - a;
  guint32 d = *p;
  guint r = (c_r * a + ((d >> 16) & 0xff) * ia + 127) / 255;
  guint g = (c_g * a + ((d >> 8) & 0xff) * ia + 127) / 255;
  guint b = (c_b * a + (d & 0xff) * ia + 127) / 255;
  guint da = px->has_alpha ? (a * 255 + (d >> 24) * ia + 127) / 255 : 0xff;
  *p = da << 24 | r << 16 | g << 8 | b;
}

/* An antialiased one-pixel line (Xiaolin Wu's), user coordinates in. */
void
rwb_render_pixels_line (Pixels *px, RwbPoint a, RwbPoint b, Rgb color, double alpha)
{
  double x0 = a.x, y0 = a.y, x1 = b.x, y1 = b.y;
  cairo_matrix_transform_point (&px->matrix, &x0, &y0);
  cairo_matrix_transform_point (&px->matrix, &x1, &y1);
  /* Pixel centres sit at half coordinates. */
  x0 -= 0.5, y0 -= 0.5, x1 -= 0.5, y1 -= 0.5;
  if (MAX (x0, x1) < px->x0 - 1 || MIN (x0, x1) > px->x1 || MAX (y0, y1) < px->y0 - 1
      || MIN (y0, y1) > px->y1)
    return;
  guint cr = (guint) (color.r * 255 + 0.5), cg = (guint) (color.g * 255 + 0.5);
  guint cb = (guint) (color.b * 255 + 0.5);
  gboolean steep = fabs (y1 - y0) > fabs (x1 - x0);
  if (steep)
    {
      double t;
      t = x0, x0 = y0, y0 = t;
      t = x1, x1 = y1, y1 = t;
    }
  if (x0 > x1)
    {
      double t;
      t = x0, x0 = x1, x1 = t;
      t = y0, y0 = y1, y1 = t;
    }
  double gradient = x1 - x0 > 1e-9 ? (y1 - y0) / (x1 - x0) : 0;
  int lo = (int) ceil (x0), hi = (int) floor (x1);
  /* Only the part inside the clip along the major axis. */
  lo = MAX (lo, (steep ? px->y0 : px->x0) - 1);
  hi = MIN (hi, (steep ? px->y1 : px->x1));
  for (int x = lo; x <= hi; x++)
    {
      double y = y0 + gradient * (x - x0);
      int iy = (int) floor (y);
      double f = y - iy;
      if (steep)
        {
          pixels_blend (px, iy, x, cr, cg, cb, alpha * (1 - f));
          pixels_blend (px, iy + 1, x, cr, cg, cb, alpha * f);
        }
      else
        {
          pixels_blend (px, x, iy, cr, cg, cb, alpha * (1 - f));
          pixels_blend (px, x, iy + 1, cr, cg, cb, alpha * f);
        }
    }
}

/* Adds the path of a drawing operation of an imported scene: polygons closed, beziers as
 * Graphviz's cubic pieces (left-over points as lines), ellipses from centre and radii. */
void
rwb_render_op_path (cairo_t *cr, const RwbScene *scene, const RwbDrawOp *op)
{
  if (op->first + op->n > scene->draw_points->len || op->n == 0)
    return;
  const RwbPoint *p = &g_array_index (scene->draw_points, RwbPoint, op->first);
  switch (op->kind)
    {
    case RWB_DRAW_OP_ELLIPSE:
      if (op->n >= 2 && p[1].x > 0 && p[1].y > 0)
        {
          cairo_save (cr);
          cairo_translate (cr, p[0].x, p[0].y);
          cairo_scale (cr, p[1].x, p[1].y);
          cairo_new_sub_path (cr);
          cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
          cairo_close_path (cr);
          cairo_restore (cr);
        }
      break;
    case RWB_DRAW_OP_BEZIER:
      {
        cairo_move_to (cr, p[0].x, p[0].y);
        guint k = 1;
        for (; k + 2 < op->n; k += 3)
          cairo_curve_to (cr, p[k].x, p[k].y, p[k + 1].x, p[k + 1].y, p[k + 2].x, p[k + 2].y);
        for (; k < op->n; k++)
          cairo_line_to (cr, p[k].x, p[k].y);
        if (op->filled)
          cairo_close_path (cr);
      }
      break;
    case RWB_DRAW_OP_POLYGON:
    case RWB_DRAW_OP_POLYLINE:
      cairo_move_to (cr, p[0].x, p[0].y);
      for (guint k = 1; k < op->n; k++)
        cairo_line_to (cr, p[k].x, p[k].y);
      if (op->kind == RWB_DRAW_OP_POLYGON)
        cairo_close_path (cr);
      break;
    case RWB_DRAW_OP_TEXT:
    default:
      break;
    }
}
