/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-render-legend.c — where a legend overlay goes (the corner of a view it hides the least
 * in) and the "Legend ▾" chip that heads it in the graph view. The legend itself is drawn by
 * rwb_render_legend() in rwb-render-style.c, which exports share. */
#define G_LOG_DOMAIN "rawabit-render"

#include "rwb-render-private.h"

#include <math.h>

#define CHIP_FONT_SIZE 11.0
#define CHIP_PAD_X 8.0
#define CHIP_PAD_Y 3.0
#define CHIP_ARROW 7.0
#define CHIP_GAP 5.0

void
rwb_legend_corner_rect (const RwbRect *area, double width, double height, double margin,
                        gboolean rtl, RwbLegendCorner corner, RwbRect *out)
{
  g_return_if_fail (area != NULL && out != NULL);

  gboolean start = corner == RWB_LEGEND_BOTTOM_START || corner == RWB_LEGEND_TOP_START;
  gboolean left = start != rtl;
  gboolean top = corner == RWB_LEGEND_TOP_START || corner == RWB_LEGEND_TOP_END;

  out->x = left ? area->x + margin : area->x + area->width - margin - width;
  out->y = top ? area->y + margin : area->y + area->height - margin - height;
  out->width = width;
  out->height = height;
}

static gboolean
rects_meet (const RwbRect *a, const RwbRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height
         && b->y < a->y + a->height;
}

RwbLegendCorner
rwb_legend_choose_corner (const RwbRect *area, double width, double height, double margin,
                          gboolean rtl, const RwbOccupied *occupied, guint n_occupied, int current,
                          double hysteresis)
{
  double cost[RWB_LEGEND_N_CORNERS] = { 0 };
  RwbLegendCorner best;

  g_return_val_if_fail (area != NULL, RWB_LEGEND_BOTTOM_START);
  g_return_val_if_fail (occupied != NULL || n_occupied == 0, RWB_LEGEND_BOTTOM_START);

  if (current < 0 || current >= RWB_LEGEND_N_CORNERS)
    current = -1;
  for (int c = 0; c < RWB_LEGEND_N_CORNERS; c++)
    {
      RwbRect rect;

      rwb_legend_corner_rect (area, width, height, margin, rtl, c, &rect);
      /* A corner other than the current one must be clear by @hysteresis all round to win:
       * panning a node across the border of two corners does not flip the legend to and fro. */
      if (c != current)
        {
          rect.x -= hysteresis;
          rect.y -= hysteresis;
          rect.width += 2 * hysteresis;
          rect.height += 2 * hysteresis;
        }
      for (guint i = 0; i < n_occupied; i++)
        if (rects_meet (&rect, &occupied[i].rect))
          cost[c] += occupied[i].weight;
    }

  /* Ties keep the current corner, else the first in reading order of the enum (bottom, where
   * lines start). */
  best = current >= 0 ? (RwbLegendCorner)current : RWB_LEGEND_BOTTOM_START;
  for (int c = 0; c < RWB_LEGEND_N_CORNERS; c++)
    if (cost[c] < cost[best])
      best = c;
  return best;
}

double
rwb_legend_node_weight (guint degree, guint state)
{
  double w = 1.0 + degree;

  if (state & RWB_DRAW_HIDDEN)
    return 0;
  if (state & (RWB_DRAW_SELECTED | RWB_DRAW_EMPHASIS))
    return 100 * w;
  if (state & RWB_DRAW_DIMMED)
    return 0.5 * w;
  return w;
}

gboolean
rwb_legend_has_free_corner (const RwbRect *area, double width, double height, double margin,
                            gboolean rtl, const RwbOccupied *occupied, guint n_occupied)
{
  g_return_val_if_fail (area != NULL, TRUE);
  g_return_val_if_fail (occupied != NULL || n_occupied == 0, TRUE);

  for (int c = 0; c < RWB_LEGEND_N_CORNERS; c++)
    {
      RwbRect rect;
      gboolean free = TRUE;

      rwb_legend_corner_rect (area, width, height, margin, rtl, c, &rect);
      for (guint i = 0; i < n_occupied && free; i++)
        free = occupied[i].weight <= 0 || !rects_meet (&rect, &occupied[i].rect);
      if (free)
        return TRUE;
    }
  return FALSE;
}

void
rwb_render_legend_chip (cairo_t *cr, const RwbStyle *style, double x, double y, const char *label,
                        gboolean collapsed, gboolean rtl, double *width, double *height)
{
  g_return_if_fail (style != NULL && label != NULL);

  PangoContext *ctx = rwb_render_make_context ();
  PangoLayout *layout
      = rwb_render_make_layout (ctx, style->font_family, CHIP_FONT_SIZE, TRUE, label);
  Rgb bg = rwb_render_background (style);
  Rgb fg = style->dark ? (Rgb){ 0.90, 0.90, 0.92 } : (Rgb){ 0.15, 0.15, 0.18 };
  double tw, th;

  rwb_render_layout_size (layout, &tw, &th);
  double w = ceil (2 * CHIP_PAD_X + tw + CHIP_GAP + CHIP_ARROW);
  double h = ceil (MAX (th, CHIP_ARROW) + 2 * CHIP_PAD_Y);
  if (width)
    *width = w;
  if (height)
    *height = h;

  if (cr != NULL)
    {
      cairo_save (cr);
      rwb_render_rounded_rect (cr, x + 0.5, y + 0.5, w - 1, h - 1, h / 2);
      rwb_render_set_rgb (cr, rwb_render_mix (bg, fg, 0.06), 0.95);
      cairo_fill_preserve (cr);
      rwb_render_set_rgb (cr, fg, 0.25);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);

      /* The text at the start, the arrow after it: on the right left to right, on the left
       * right to left. */
      double text_x = rtl ? x + w - CHIP_PAD_X - tw : x + CHIP_PAD_X;
      double ax = rtl ? x + CHIP_PAD_X : x + w - CHIP_PAD_X - CHIP_ARROW;
      double ay = y + (h - CHIP_ARROW) / 2, a = CHIP_ARROW;

      rwb_render_set_rgb (cr, fg, 1);
      cairo_move_to (cr, text_x, y + (h - th) / 2);
      rwb_render_show_layout (cr, style, layout);
      /* Open: pointing down (▾). Collapsed: pointing the way lines read (▸, or ◂). */
      if (!collapsed)
        {
          cairo_move_to (cr, ax, ay + a * 0.2);
          cairo_line_to (cr, ax + a, ay + a * 0.2);
          cairo_line_to (cr, ax + a / 2, ay + a * 0.85);
        }
      else if (!rtl)
        {
          cairo_move_to (cr, ax + a * 0.2, ay);
          cairo_line_to (cr, ax + a * 0.85, ay + a / 2);
          cairo_line_to (cr, ax + a * 0.2, ay + a);
        }
      else
        {
          cairo_move_to (cr, ax + a * 0.8, ay);
          cairo_line_to (cr, ax + a * 0.15, ay + a / 2);
          cairo_line_to (cr, ax + a * 0.8, ay + a);
        }
      cairo_close_path (cr);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  g_object_unref (layout);
  g_object_unref (ctx);
}
