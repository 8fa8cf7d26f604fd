/* rwb-render.c — draws scenes with cairo and pango, for the window and for image files. */
#define G_LOG_DOMAIN "rawabit-render"

#include "rwb-render.h"
#include "rwb-text.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#define DEFAULT_FONT "Noto Sans, Noto Sans Arabic, DejaVu Sans, sans"
#define LABEL_SIZE 11.0
#define SUBLABEL_SIZE 10.0
#define EDGE_LABEL_SIZE 8.5
#define PAD_X 10.0
#define PAD_Y 6.0
#define LINE_GAP 2.0
#define FILE_MARGIN 24.0

typedef struct {
  double r, g, b;
} Rgb;

/* Entity colours chosen to stay apart for common colour-vision deficiencies and to read on
 * both backgrounds. */
static const Rgb entity_colors[RWB_ENTITY_N_TYPES] = {
  { 0.21, 0.52, 0.89 }, /* company: blue */
  { 0.57, 0.25, 0.67 }, /* organization: purple */
  { 0.90, 0.38, 0.00 }, /* person: orange */
  { 0.15, 0.64, 0.41 }, /* place: green */
};

static const Rgb relation_colors[RWB_RELATION_N_TYPES] = {
  { 0.11, 0.44, 0.85 }, /* manufacturing */
  { 0.18, 0.60, 0.35 }, /* partnership */
  { 0.80, 0.55, 0.00 }, /* talks */
  { 0.00, 0.60, 0.65 }, /* supply */
  { 0.55, 0.35, 0.80 }, /* investment */
  { 0.80, 0.15, 0.30 }, /* acquisition */
  { 0.60, 0.30, 0.15 }, /* ownership */
  { 0.90, 0.38, 0.00 }, /* founder */
  { 0.75, 0.40, 0.10 }, /* executive */
  { 0.45, 0.45, 0.50 }, /* reporting */
  { 0.15, 0.55, 0.30 }, /* location */
  { 0.85, 0.20, 0.10 }, /* competition */
  { 0.60, 0.60, 0.60 }, /* mention */
};

/**
 * rwb_style_init:
 * Light style, mentions hidden, nothing selected.
 */
void
rwb_style_init (RwbStyle *style)
{
  memset (style, 0, sizeof *style);
  style->highlight_node = -1;
}

static PangoContext *
make_context (cairo_t *cr)
{
  PangoContext *ctx;
  if (cr)
    ctx = pango_cairo_create_context (cr);
  else
    ctx = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* 72 dpi: one point is one scene unit. Unhinted metrics: the same size at every zoom, so
   * boxes measured for the layout fit the text at any scale and in every file format. */
  pango_cairo_context_set_resolution (ctx, 72.0);
  cairo_font_options_t *fo = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (ctx, fo);
  cairo_font_options_destroy (fo);
  return ctx;
}

static PangoLayout *
make_layout (PangoContext *ctx, const char *family, double size, gboolean bold, const char *text)
{
  PangoLayout *layout = pango_layout_new (ctx);
  PangoFontDescription *fd = pango_font_description_from_string (family ? family : DEFAULT_FONT);
  pango_font_description_set_size (fd, (gint) (size * PANGO_SCALE));
  pango_font_description_set_weight (fd, bold ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, fd);
  pango_font_description_free (fd);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  /* Direction from the text itself: Arabic lines read right to left, mixed lines by bidi. */
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
measure (PangoContext *ctx, const char *family, const char *label, const char *sublabel,
         double *width, double *height, double *label_h)
{
  PangoRectangle logical;
  g_autoptr (PangoLayout) l1 = make_layout (ctx, family, LABEL_SIZE, TRUE, label ? label : "");
  pango_layout_get_extents (l1, NULL, &logical);
  double w = logical.width / (double) PANGO_SCALE, h = logical.height / (double) PANGO_SCALE;
  *label_h = h;
  if (sublabel && *sublabel)
    {
      g_autoptr (PangoLayout) l2 = make_layout (ctx, family, SUBLABEL_SIZE, FALSE, sublabel);
      pango_layout_get_extents (l2, NULL, &logical);
      w = MAX (w, logical.width / (double) PANGO_SCALE);
      h += LINE_GAP + logical.height / (double) PANGO_SCALE;
    }
  *width = ceil (w + 2 * PAD_X);
  *height = ceil (h + 2 * PAD_Y);
}

/**
 * rwb_render_measure_node:
 * Box size for a node's labels, as drawn.
 */
void
rwb_render_measure_node (const char *label, const char *sublabel, double *width, double *height)
{
  double lh;
  PangoContext *ctx = make_context (NULL);
  measure (ctx, NULL, label, sublabel, width, height, &lh);
  g_object_unref (ctx);
}

static gboolean
has_latin_letter (const char *s)
{
  for (; *s; s++)
    if (g_ascii_isalpha (*s))
      return TRUE;
  return FALSE;
}

static gboolean
has_arabic_letter (const char *s)
{
  for (; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);
      if (c >= 0x0600 && c <= 0x06FF)
        return TRUE;
    }
  return FALSE;
}

/**
 * rwb_render_entity_labels:
 * Name plus the other-script form: the Arabic alias under a Latin name, or a transliteration
 * under an Arabic-only name.
 */
void
rwb_render_entity_labels (const RwbEntity *entity, char **label, char **sublabel)
{
  *label = g_strdup (entity->name);
  *sublabel = NULL;
  if (has_latin_letter (entity->name))
    {
      for (guint i = 0; i < entity->aliases->len; i++)
        {
          const char *alias = g_ptr_array_index (entity->aliases, i);
          if (has_arabic_letter (alias))
            {
              *sublabel = g_strdup (alias);
              break;
            }
        }
    }
  else if (has_arabic_letter (entity->name))
    {
      for (guint i = 0; i < entity->aliases->len && *sublabel == NULL; i++)
        {
          const char *alias = g_ptr_array_index (entity->aliases, i);
          if (has_latin_letter (alias) && !has_arabic_letter (alias))
            *sublabel = g_strdup (alias);
        }
      if (*sublabel == NULL)
        *sublabel = rwb_text_transliterate (entity->name);
    }
}

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

static void
set_rgb (cairo_t *cr, Rgb c, double alpha)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, alpha);
}

static Rgb
mix (Rgb a, Rgb b, double t)
{
  return (Rgb) { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t };
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

/* Shape per entity type, so type reads without colour too: company rounded box, organization
 * square box, person pill, place box with cut corners. */
static void
node_path (cairo_t *cr, RwbEntityType type, double x, double y, double w, double h)
{
  switch (type)
    {
    case RWB_ENTITY_ORGANIZATION:
      cairo_rectangle (cr, x, y, w, h);
      break;
    case RWB_ENTITY_PERSON:
      rounded_rect (cr, x, y, w, h, h / 2);
      break;
    case RWB_ENTITY_PLACE:
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
    case RWB_ENTITY_COMPANY:
    case RWB_ENTITY_N_TYPES:
    default:
      rounded_rect (cr, x, y, w, h, 6);
      break;
    }
}

static void
draw_arrowhead (cairo_t *cr, RwbPoint from, RwbPoint tip, double size)
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
  cairo_fill (cr);
}

static gboolean
rect_visible (double x0, double y0, double x1, double y1, const RwbRect *view)
{
  return x1 >= view->x && y1 >= view->y && x0 <= view->x + view->width
         && y0 <= view->y + view->height;
}

static void
draw_edges (cairo_t *cr, PangoContext *pctx, const RwbScene *scene, const RwbStyle *style,
            const RwbRect *view, double scale, gboolean labels)
{
  const Rgb text = style->dark ? (Rgb) { 0.85, 0.85, 0.87 } : (Rgb) { 0.25, 0.25, 0.28 };
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      const RwbRelation *r = g_ptr_array_index (scene->graph->relations, e->relation);
      if (r->type == RWB_RELATION_MENTION && !style->show_mentions)
        continue;
      if (e->points == NULL || e->points->len < 2)
        continue;
      double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
      for (guint k = 0; k < e->points->len; k++)
        {
          RwbPoint p = g_array_index (e->points, RwbPoint, k);
          x0 = MIN (x0, p.x), y0 = MIN (y0, p.y), x1 = MAX (x1, p.x), y1 = MAX (y1, p.y);
        }
      if (e->has_head)
        x0 = MIN (x0, e->head.x), y0 = MIN (y0, e->head.y), x1 = MAX (x1, e->head.x),
        y1 = MAX (y1, e->head.y);
      if (!rect_visible (x0, y0, x1, y1, view))
        continue;

      Rgb color = relation_colors[r->type];
      if (style->dark)
        color = mix (color, (Rgb) { 1, 1, 1 }, 0.25);
      double width = (r->type == RWB_RELATION_MENTION ? 1.0 : 1.2 + 1.3 * r->confidence);
      cairo_set_line_width (cr, MAX (width, 1.0 / scale));
      if (r->type == RWB_RELATION_MENTION)
        {
          double dash[] = { 4, 3 };
          cairo_set_dash (cr, dash, 2, 0);
        }
      else
        cairo_set_dash (cr, NULL, 0, 0);
      set_rgb (cr, color, r->type == RWB_RELATION_MENTION ? 0.7 : 0.9);
      RwbPoint p0 = g_array_index (e->points, RwbPoint, 0);
      cairo_move_to (cr, p0.x, p0.y);
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
      RwbPoint last = g_array_index (e->points, RwbPoint, e->points->len - 1);
      if (e->has_head)
        cairo_line_to (cr, last.x + (e->head.x - last.x) * 0.3,
                       last.y + (e->head.y - last.y) * 0.3);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (e->has_head)
        draw_arrowhead (cr, last, e->head, 9);

      if (labels && r->type != RWB_RELATION_MENTION)
        {
          g_autoptr (PangoLayout) l = make_layout (pctx, style->font_family, EDGE_LABEL_SIZE,
                                                   FALSE, rwb_relation_type_to_string (r->type));
          PangoRectangle ink;
          pango_layout_get_extents (l, NULL, &ink);
          double w = ink.width / (double) PANGO_SCALE, h = ink.height / (double) PANGO_SCALE;
          double lx = e->label_x - w / 2, ly = e->label_y - h / 2;
          Rgb bg = style->dark ? (Rgb) { 0.12, 0.12, 0.13 } : (Rgb) { 0.98, 0.98, 0.98 };
          set_rgb (cr, bg, 0.85);
          rounded_rect (cr, lx - 3, ly - 1, w + 6, h + 2, 3);
          cairo_fill (cr);
          set_rgb (cr, mix (color, text, 0.35), 1);
          cairo_move_to (cr, lx, ly);
          pango_cairo_show_layout (cr, l);
        }
    }
}

static void
draw_nodes (cairo_t *cr, PangoContext *pctx, const RwbScene *scene, const RwbStyle *style,
            const RwbRect *view, double scale, gboolean labels)
{
  const Rgb bg = style->dark ? (Rgb) { 0.16, 0.16, 0.18 } : (Rgb) { 1, 1, 1 };
  const Rgb fg = style->dark ? (Rgb) { 0.95, 0.95, 0.96 } : (Rgb) { 0.10, 0.10, 0.12 };
  const Rgb fg2 = style->dark ? (Rgb) { 0.75, 0.75, 0.78 } : (Rgb) { 0.33, 0.33, 0.37 };
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
      double x = n->x - n->width / 2, y = n->y - n->height / 2;
      if (!rect_visible (x, y, x + n->width, y + n->height, view))
        continue;
      const RwbEntity *e = g_ptr_array_index (scene->graph->entities, n->entity);
      Rgb color = entity_colors[e->type];
      gboolean selected = style->highlight_node == (gint) i;

      node_path (cr, e->type, x, y, n->width, n->height);
      set_rgb (cr, mix (bg, color, style->dark ? 0.28 : 0.14), 1);
      cairo_fill_preserve (cr);
      set_rgb (cr, color, 1);
      cairo_set_line_width (cr, MAX (selected ? 3.0 : 1.5, 1.0 / scale));
      cairo_stroke (cr);
      if (selected)
        {
          node_path (cr, e->type, x - 4, y - 4, n->width + 8, n->height + 8);
          set_rgb (cr, color, 0.45);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
      if (!labels)
        continue;

      double w, h, lh;
      measure (pctx, style->font_family, n->label, n->sublabel, &w, &h, &lh);
      double top = n->y - (h - 2 * PAD_Y) / 2;
      g_autoptr (PangoLayout) l1 = make_layout (pctx, style->font_family, LABEL_SIZE, TRUE,
                                                n->label);
      PangoRectangle logical;
      pango_layout_get_extents (l1, NULL, &logical);
      set_rgb (cr, fg, 1);
      cairo_move_to (cr, n->x - logical.width / (2.0 * PANGO_SCALE), top);
      pango_cairo_show_layout (cr, l1);
      if (n->sublabel)
        {
          g_autoptr (PangoLayout) l2 = make_layout (pctx, style->font_family, SUBLABEL_SIZE,
                                                    FALSE, n->sublabel);
          pango_layout_get_extents (l2, NULL, &logical);
          set_rgb (cr, fg2, 1);
          cairo_move_to (cr, n->x - logical.width / (2.0 * PANGO_SCALE), top + lh + LINE_GAP);
          pango_cairo_show_layout (cr, l2);
        }
    }
}

/**
 * rwb_render_scene:
 * Draws the visible part of @scene; labels are dropped when they would be too small to read.
 */
void
rwb_render_scene (cairo_t *cr, const RwbScene *scene, const RwbStyle *style,
                  const RwbViewport *viewport, double width, double height)
{
  g_return_if_fail (cr != NULL && style != NULL && viewport != NULL);
  cairo_save (cr);
  if (!style->transparent)
    {
      if (style->dark)
        cairo_set_source_rgb (cr, 0.12, 0.12, 0.13);
      else
        cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }
  if (scene == NULL || viewport->scale <= 0)
    {
      cairo_restore (cr);
      return;
    }
  cairo_scale (cr, viewport->scale, viewport->scale);
  cairo_translate (cr, -viewport->origin_x, -viewport->origin_y);
  RwbRect view = { viewport->origin_x, viewport->origin_y, width / viewport->scale,
                   height / viewport->scale };
  PangoContext *pctx = make_context (cr);
  /* Text smaller than about 5 device pixels is noise: draw boxes only. */
  gboolean node_labels = viewport->scale * LABEL_SIZE >= 5.0;
  gboolean edge_labels = viewport->scale * EDGE_LABEL_SIZE >= 6.5;
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  draw_edges (cr, pctx, scene, style, &view, viewport->scale, edge_labels);
  draw_nodes (cr, pctx, scene, style, &view, viewport->scale, node_labels);
  g_object_unref (pctx);
  cairo_restore (cr);
}

/**
 * rwb_image_format_from_string:
 * Parses "png", "svg" or "pdf".
 */
gboolean
rwb_image_format_from_string (const char *str, RwbImageFormat *out)
{
  if (g_strcmp0 (str, "png") == 0)
    *out = RWB_IMAGE_PNG;
  else if (g_strcmp0 (str, "svg") == 0)
    *out = RWB_IMAGE_SVG;
  else if (g_strcmp0 (str, "pdf") == 0)
    *out = RWB_IMAGE_PDF;
  else
    return FALSE;
  return TRUE;
}

/**
 * rwb_render_to_file:
 * Writes the whole scene as PNG, SVG or PDF with a margin around it.
 */
gboolean
rwb_render_to_file (const RwbScene *scene, const RwbStyle *style, RwbImageFormat format,
                    double scale, const char *path, GError **error)
{
  g_return_val_if_fail (scene != NULL && style != NULL && path != NULL, FALSE);
  if (scale <= 0 || scale > 16)
    scale = 1;
  double w = (scene->bounds.width + 2 * FILE_MARGIN) * scale;
  double h = (scene->bounds.height + 2 * FILE_MARGIN) * scale;
  if (format == RWB_IMAGE_PNG && (w > 32767 || h > 32767))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The image would be %.0f × %.0f pixels, over the PNG limit of 32767; use a "
                     "smaller scale or SVG/PDF"), w, h);
      return FALSE;
    }
  cairo_surface_t *surface;
  switch (format)
    {
    case RWB_IMAGE_SVG:
      surface = cairo_svg_surface_create (path, w, h);
      break;
    case RWB_IMAGE_PDF:
      surface = cairo_pdf_surface_create (path, w, h);
      break;
    case RWB_IMAGE_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w), (int) ceil (h));
      break;
    }
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write %s: %s"), path,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cairo_t *cr = cairo_create (surface);
  RwbViewport vp = { scale, scene->bounds.x - FILE_MARGIN, scene->bounds.y - FILE_MARGIN };
  rwb_render_scene (cr, scene, style, &vp, w, h);
  cairo_destroy (cr);
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  if (format == RWB_IMAGE_PNG)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
