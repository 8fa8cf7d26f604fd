/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-render-style.c — the colours a style draws with, and the legend that shows them. */
#define G_LOG_DOMAIN "rawabit-render"

#include "rwb-render-private.h"

#include <string.h>

#define LEGEND_FONT_SIZE 11.0

/**
 * rwb_style_init:
 * Light style, mentions hidden, nothing selected, edge labels from a zoom of 1.2.
 */
void
rwb_style_init (RwbStyle *style)
{
  memset (style, 0, sizeof *style);
  style->highlight_node = -1;
  style->edge_label_scale = 1.2;
}

void
rwb_render_set_rgb (cairo_t *cr, Rgb c, double alpha)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, alpha);
}

Rgb
rwb_render_mix (Rgb a, Rgb b, double t)
{
  return (Rgb) { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t };
}

Rgb
rwb_render_background (const RwbStyle *style)
{
  return style->dark ? (Rgb) { 0.12, 0.12, 0.13 } : (Rgb) { 0.98, 0.98, 0.98 };
}

/**
 * rwb_render_background_rgb:
 * The background colour of @style, as rwb_render_scene() fills it.
 */
void
rwb_render_background_rgb (const RwbStyle *style, double *r, double *g, double *b)
{
  g_return_if_fail (style != NULL);
  Rgb c = rwb_render_background (style);
  *r = c.r, *g = c.g, *b = c.b;
}

Rgb
rwb_render_entity_color (const RwbStyle *style, RwbEntityType type)
{
  Rgb c;
  rwb_entity_type_rgb (MIN (type, RWB_ENTITY_N_TYPES - 1), &c.r, &c.g, &c.b);
  /* Lifted a little on dark backgrounds, where the saturated hues look heavy. */
  return style->dark ? rwb_render_mix (c, (Rgb) { 1, 1, 1 }, 0.15) : c;
}

Rgb
rwb_render_relation_color (const RwbStyle *style, RwbRelationType type)
{
  Rgb c;
  rwb_relation_type_rgb (MIN (type, RWB_RELATION_N_TYPES - 1), &c.r, &c.g, &c.b);
  return style->dark ? rwb_render_mix (c, (Rgb) { 1, 1, 1 }, 0.25) : c;
}

/**
 * rwb_render_legend:
 * Draws (or with @cr NULL, measures) the legend of the types in the masks.
 */
void
rwb_render_legend (cairo_t *cr, const RwbStyle *style, double x, double y,
                   guint entity_type_mask, guint relation_type_mask, double *width,
                   double *height)
{
  g_return_if_fail (style != NULL);
  const double pad = 8, swatch_w = 26, swatch_h = 15, gap = 7, row_gap = 4, col_gap = 14;
  PangoContext *ctx = rwb_render_make_context ();
  Rgb bg = rwb_render_background (style);
  Rgb fg = style->dark ? (Rgb) { 0.90, 0.90, 0.92 } : (Rgb) { 0.15, 0.15, 0.18 };
  PangoLayout *layouts[RWB_ENTITY_N_TYPES + RWB_RELATION_N_TYPES] = { NULL };
  double text_w[G_N_ELEMENTS (layouts)] = { 0 }, text_h = 0;
  guint n_entities = 0, n_relations = 0;

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      gboolean entity = i < RWB_ENTITY_N_TYPES;
      guint type = entity ? i : i - RWB_ENTITY_N_TYPES;
      if (!((entity ? entity_type_mask : relation_type_mask) & (1u << type)))
        continue;
      layouts[i] = rwb_render_make_layout (ctx, style->font_family, LEGEND_FONT_SIZE, FALSE,
                                entity ? rwb_entity_type_short_label (type) : rwb_relation_type_short_label (type));
      pango_layout_set_alignment (layouts[i], style->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      double h;
      rwb_render_layout_size (layouts[i], &text_w[i], &h);
      text_h = MAX (text_h, h);
      if (entity)
        n_entities++;
      else
        n_relations++;
    }
  double row_h = MAX (text_h, swatch_h);
  /* Entities and relations side by side once a single column would grow tall. */
  gboolean two_columns = n_entities > 0 && n_relations > 0 && n_entities + n_relations > 8;
  double col_w[2] = { 0, 0 };
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (layouts[i])
      {
        guint c = two_columns && i >= RWB_ENTITY_N_TYPES;
        col_w[c] = MAX (col_w[c], swatch_w + gap + text_w[i]);
      }
  guint rows = two_columns ? MAX (n_entities, n_relations) : n_entities + n_relations;
  double sep = (!two_columns && n_entities && n_relations) ? row_gap * 2 : 0;
  double w = 2 * pad + col_w[0] + (two_columns ? col_gap + col_w[1] : 0);
  double h = rows ? 2 * pad + rows * row_h + (rows - 1) * row_gap + sep : 0;
  if (rows == 0)
    w = 0;
  if (width)
    *width = w;
  if (height)
    *height = h;

  if (cr != NULL && rows > 0)
    {
      cairo_save (cr);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      rwb_render_rounded_rect (cr, x + 0.5, y + 0.5, w - 1, h - 1, 6);
      rwb_render_set_rgb (cr, bg, 0.92);
      cairo_fill_preserve (cr);
      rwb_render_set_rgb (cr, fg, 0.18);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);

      double cx = x + pad, cy = y + pad;
      /* Where something @ew wide at @px left to right goes in this legend's direction. */
#define MIRROR_X(px, ew) (style->rtl ? 2 * x + w - (px) - (ew) : (px))
      for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
        {
          if (layouts[i] == NULL)
            continue;
          gboolean entity = i < RWB_ENTITY_N_TYPES;
          guint type = entity ? i : i - RWB_ENTITY_N_TYPES;
          if (!entity && i == RWB_ENTITY_N_TYPES + (guint) g_bit_nth_lsf (relation_type_mask, -1))
            {
              /* First relation row: a new column, or a little space under the entities. */
              if (two_columns)
                cx = x + pad + col_w[0] + col_gap, cy = y + pad;
              else
                cy += sep;
            }
          double sy = cy + (row_h - swatch_h) / 2;
          /* Right to left, each row is mirrored: the swatch on the right, the name left of it,
           * arrows pointing left. */
          double sx = MIRROR_X (cx, swatch_w);
          if (entity)
            {
              Rgb color = rwb_render_entity_color (style, type);
              rwb_render_node_path (cr, type, sx + 0.75, sy + 0.75, swatch_w - 1.5, swatch_h - 1.5);
              rwb_render_set_rgb (cr, rwb_render_mix (bg, color, style->dark ? 0.28 : 0.14), 1);
              cairo_fill_preserve (cr);
              rwb_render_set_rgb (cr, color, 1);
              cairo_set_line_width (cr, 1.5);
              cairo_stroke (cr);
              rwb_render_fill_icon (cr, type, sx + (swatch_w - 9) / 2, sy + (swatch_h - 9) / 2, 9);
            }
          else
            {
              Rgb color = rwb_render_relation_color (style, type);
              double my = cy + row_h / 2;
              gboolean directed = rwb_relation_type_is_directed (type);
              rwb_render_set_rgb (cr, color, 1);
              cairo_set_line_width (cr, 2);
              if (type == RWB_RELATION_MENTION)
                cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
              cairo_move_to (cr, MIRROR_X (cx + 1, 0), my);
              cairo_line_to (cr, MIRROR_X (cx + swatch_w - (directed ? 6 : 1), 0), my);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
              if (directed)
                {
                  rwb_render_arrowhead_path (cr, (RwbPoint) { MIRROR_X (cx, 0), my },
                                             (RwbPoint) { MIRROR_X (cx + swatch_w, 0), my }, 7);
                  cairo_fill (cr);
                }
            }
          rwb_render_set_rgb (cr, fg, 1);
          cairo_move_to (cr, MIRROR_X (cx + swatch_w + gap, text_w[i]), cy + (row_h - text_h) / 2);
          rwb_render_show_layout (cr, style, layouts[i]);
          cy += row_h + row_gap;
        }
#undef MIRROR_X
      cairo_restore (cr);
    }

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    g_clear_object (&layouts[i]);
  g_object_unref (ctx);
}
