/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-render.c — draws scenes with cairo and pango, for the window and for image files. */
#define G_LOG_DOMAIN "rawabit-render"

#include "rwb-render.h"
#include "rwb-render-dot.h"
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
/* The type icon at the start of a node's label. */
#define ICON_SIZE 12.0
#define ICON_GAP 5.0
/* Arrowhead length, as Graphviz leaves room for it at arrowsize=1. */
#define ARROW_SIZE 9.0
/* Edge labels of hovered or selected edges stay at least this many device pixels tall. */
#define MIN_EDGE_LABEL_PX 9.0
/* Scene points around the visible area in which items are still drawn: halos, edge labels
 * wider than their edge's box, so a picture cut into tiles shows no seams. */
#define DRAW_MARGIN 48.0
#define LEGEND_FONT_SIZE 11.0

typedef struct {
  double r, g, b;
} Rgb;

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

static PangoContext *
make_context (void)
{
  /* A context of the default font map rather than of a cairo_t: layouts made once can then be
   * drawn on any surface at any zoom. */
  PangoContext *ctx = pango_font_map_create_context (pango_cairo_font_map_get_default ());
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
layout_size (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  *width = logical.width / (double) PANGO_SCALE;
  *height = logical.height / (double) PANGO_SCALE;
}

/* A node's two label lines, shaped. */
typedef struct {
  PangoLayout *label, *sublabel;
  double w1, h1, w2, h2;
  gboolean rtl;          /* the name reads right to left: the icon goes on the right */
} NodeText;

struct _RwbRenderCache {
  const RwbScene *scene; /* what nodes[] belongs to; compared, never dereferenced alone */
  guint n_nodes;
  char *family;
  PangoContext *ctx;
  NodeText *nodes;       /* n_nodes, filled as nodes come into view */
  PangoLayout *edge_labels[RWB_RELATION_N_TYPES];
};

static void
node_text_clear (NodeText *t)
{
  g_clear_object (&t->label);
  g_clear_object (&t->sublabel);
}

/**
 * rwb_render_cache_new:
 * An empty cache of shaped labels; see rwb_render_cache_reset() for its life.
 */
RwbRenderCache *
rwb_render_cache_new (void)
{
  return g_new0 (RwbRenderCache, 1);
}

/**
 * rwb_render_cache_reset:
 * Forgets every label, so the cache can serve another scene (or the same scene after its
 * labels changed).
 */
void
rwb_render_cache_reset (RwbRenderCache *cache)
{
  g_return_if_fail (cache != NULL);
  for (guint i = 0; cache->nodes && i < cache->n_nodes; i++)
    node_text_clear (&cache->nodes[i]);
  g_clear_pointer (&cache->nodes, g_free);
  for (guint i = 0; i < RWB_RELATION_N_TYPES; i++)
    g_clear_object (&cache->edge_labels[i]);
  g_clear_object (&cache->ctx);
  g_clear_pointer (&cache->family, g_free);
  cache->scene = NULL;
  cache->n_nodes = 0;
}

/**
 * rwb_render_cache_free:
 * Frees the cache and everything in it.
 */
void
rwb_render_cache_free (RwbRenderCache *cache)
{
  if (cache == NULL)
    return;
  rwb_render_cache_reset (cache);
  g_free (cache);
}

static void
cache_bind (RwbRenderCache *cache, const RwbScene *scene, const char *family)
{
  if (cache->scene != scene || cache->n_nodes != scene->nodes->len
      || g_strcmp0 (cache->family, family) != 0)
    rwb_render_cache_reset (cache);
  if (cache->ctx == NULL)
    {
      cache->ctx = make_context ();
      cache->scene = scene;
      cache->n_nodes = scene->nodes->len;
      cache->nodes = g_new0 (NodeText, MAX (cache->n_nodes, 1));
      cache->family = g_strdup (family);
    }
}

static void
shape_text (PangoContext *ctx, const char *family, const char *label, const char *sublabel,
            NodeText *t)
{
  t->label = make_layout (ctx, family, LABEL_SIZE, TRUE, label ? label : "");
  layout_size (t->label, &t->w1, &t->h1);
  t->sublabel = NULL;
  t->w2 = t->h2 = 0;
  if (sublabel && *sublabel)
    {
      t->sublabel = make_layout (ctx, family, SUBLABEL_SIZE, FALSE, sublabel);
      layout_size (t->sublabel, &t->w2, &t->h2);
    }
  /* The paragraph direction pango resolved from the first strong letter (auto-dir). */
  PangoLayoutLine *line = pango_layout_get_line_readonly (t->label, 0);
  t->rtl = line != NULL && line->resolved_dir == PANGO_DIRECTION_RTL;
}

static const NodeText *
cache_node_text (RwbRenderCache *cache, const RwbScene *scene, guint i)
{
  NodeText *t = &cache->nodes[i];
  if (t->label == NULL)
    {
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
      shape_text (cache->ctx, cache->family, n->label, n->sublabel, t);
    }
  return t;
}

static PangoLayout *
cache_edge_label (RwbRenderCache *cache, RwbRelationType type)
{
  if (cache->edge_labels[type] == NULL)
    cache->edge_labels[type] = make_layout (cache->ctx, cache->family, EDGE_LABEL_SIZE, FALSE,
                                            rwb_relation_type_short_label (type));
  return cache->edge_labels[type];
}

static void
content_size (const NodeText *t, double *width, double *height)
{
  double text_h = t->h1 + (t->sublabel ? LINE_GAP + t->h2 : 0);
  *width = ICON_SIZE + ICON_GAP + MAX (t->w1, t->w2);
  *height = MAX (text_h, ICON_SIZE);
}

/**
 * rwb_render_measure_node:
 * Box size for a node's icon and labels, as drawn.
 */
void
rwb_render_measure_node (const char *label, const char *sublabel, double *width, double *height)
{
  PangoContext *ctx = make_context ();
  NodeText t;
  double w, h;
  shape_text (ctx, NULL, label, sublabel, &t);
  content_size (&t, &w, &h);
  *width = ceil (w + 2 * PAD_X);
  *height = ceil (h + 2 * PAD_Y);
  node_text_clear (&t);
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

static Rgb
background (const RwbStyle *style)
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
  Rgb c = background (style);
  *r = c.r, *g = c.g, *b = c.b;
}

static Rgb
entity_color (const RwbStyle *style, RwbEntityType type)
{
  Rgb c;
  rwb_entity_type_rgb (MIN (type, RWB_ENTITY_N_TYPES - 1), &c.r, &c.g, &c.b);
  /* Lifted a little on dark backgrounds, where the saturated hues look heavy. */
  return style->dark ? mix (c, (Rgb) { 1, 1, 1 }, 0.15) : c;
}

static Rgb
relation_color (const RwbStyle *style, RwbRelationType type)
{
  Rgb c;
  rwb_relation_type_rgb (MIN (type, RWB_RELATION_N_TYPES - 1), &c.r, &c.g, &c.b);
  return style->dark ? mix (c, (Rgb) { 1, 1, 1 }, 0.25) : c;
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
 * square box, person pill, place box with cut corners. (rwb-scene's border_point() knows the
 * pill, for edges rerouted after a drag.) */
static void
node_path (cairo_t *cr, RwbEntityType type, double x, double y, double w, double h)
{
  switch (rwb_entity_type_info (MIN (type, RWB_ENTITY_N_TYPES - 1))->shape)
    {
    case RWB_NODE_SHAPE_BOX:
      cairo_rectangle (cr, x, y, w, h);
      break;
    case RWB_NODE_SHAPE_PILL:
      rounded_rect (cr, x, y, w, h, h / 2);
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
      rounded_rect (cr, x, y, w, h, MIN (6, h / 4));
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

static void
fill_icon (cairo_t *cr, RwbEntityType type, double x, double y, double size)
{
  cairo_set_fill_rule (cr, icon_path (cr, type, x, y, size));
  cairo_fill (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
}

static void
arrowhead_path (cairo_t *cr, RwbPoint from, RwbPoint tip, double size)
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

/* Direct access to the pixels of an image surface, for drawing the thousands of one-pixel lines
 * of an overview: cairo spends one to three microseconds rasterizing each short line however it
 * is given (stroke or filled polygon, with any antialiasing), which made a 10,000-edge overview
 * take 30 ms; writing the pixels takes well under one. Only for image targets drawn with a
 * plain scale and offset and at most a rectangular clip; anything else goes through cairo. */
typedef struct {
  cairo_surface_t *surface;
  guint32 *data;
  int stride;                 /* in pixels */
  gboolean has_alpha;
  int x0, y0, x1, y1;         /* the clip, device pixels, end exclusive */
  cairo_matrix_t matrix;      /* user → device */
} Pixels;

static gboolean
pixels_init (cairo_t *cr, Pixels *px)
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
static void
pixels_line (Pixels *px, RwbPoint a, RwbPoint b, Rgb color, double alpha)
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

/* What one call of rwb_render_scene works with. */
typedef struct {
  Pixels pixels;
  gboolean direct;  /* pixels is usable */
  cairo_t *cr;
  const RwbScene *scene;
  const RwbStyle *style;
  RwbRenderCache *cache;
  double scale;
  Rgb bg, fg, fg2;
  GArray *nodes;  /* visible node indices, ascending */
  GArray *edges;  /* visible edge indices, ascending */
} Frame;

#define PROMINENT (RWB_DRAW_SELECTED | RWB_DRAW_HOVER | RWB_DRAW_EMPHASIS)

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
      Rgb color = relation_color (f->style, type);
      if (dimmed)
        color = mix (color, f->bg, RWB_RENDER_DIM);

      if (straight && f->direct && type != RWB_RELATION_MENTION)
        {
          /* One-pixel lines written directly (see Pixels). */
          cairo_surface_flush (f->pixels.surface);
          f->pixels.data = (guint32 *) cairo_image_surface_get_data (f->pixels.surface);
          for (guint k = starts[key]; k < starts[key + 1]; k++)
            {
              const RwbSceneEdge *e = &g_array_index (f->scene->edges, RwbSceneEdge, sorted[k]);
              pixels_line (&f->pixels, g_array_index (e->points, RwbPoint, 0),
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
      set_rgb (cr, color, type == RWB_RELATION_MENTION ? 0.7 : 0.9);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (!arrows)
        continue;
      for (guint k = starts[key]; k < starts[key + 1]; k++)
        {
          const RwbSceneEdge *e = &g_array_index (f->scene->edges, RwbSceneEdge, sorted[k]);
          if (e->has_head)
            arrowhead_path (cr, g_array_index (e->points, RwbPoint, e->points->len - 1),
                            e->head, ARROW_SIZE);
        }
      cairo_fill (cr);
    }
}

static void
draw_edge_label (Frame *f, const RwbSceneEdge *e, Rgb color, gboolean prominent)
{
  cairo_t *cr = f->cr;
  const RwbRelation *r = edge_relation (f, e);
  PangoLayout *l = cache_edge_label (f->cache, r->type);
  double w, h;
  layout_size (l, &w, &h);
  /* Hovered or selected, a label is read at any zoom: keep it a legible size on screen. */
  double grow = prominent ? MAX (1.0, MIN_EDGE_LABEL_PX / (EDGE_LABEL_SIZE * f->scale)) : 1.0;
  const Rgb text = f->style->dark ? (Rgb) { 0.85, 0.85, 0.87 } : (Rgb) { 0.25, 0.25, 0.28 };

  cairo_save (cr);
  cairo_translate (cr, e->label_x, e->label_y);
  cairo_scale (cr, grow, grow);
  /* An opaque-ish plate under the text, so it reads over the edge and whatever crosses it. */
  set_rgb (cr, f->bg, 0.88);
  rounded_rect (cr, -w / 2 - 3, -h / 2 - 1, w + 6, h + 2, 3);
  cairo_fill_preserve (cr);
  set_rgb (cr, color, prominent ? 0.8 : 0.35);
  cairo_set_line_width (cr, MAX (0.8, 1.0 / (f->scale * grow)));
  cairo_stroke (cr);
  set_rgb (cr, mix (color, text, 0.35), 1);
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
  Rgb color = relation_color (f->style, r->type);
  if (s & RWB_DRAW_DIMMED)
    color = mix (color, f->bg, RWB_RENDER_DIM);

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
      set_rgb (cr, color, s & RWB_DRAW_SELECTED ? 0.30 : 0.18);
      cairo_set_line_width (cr, width + MAX (6.0, 6.0 / f->scale));
      cairo_stroke (cr);
    }
  if (mention)
    cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  edge_path (cr, e, FALSE);
  set_rgb (cr, color, mention ? 0.7 : 0.9);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (e->has_head)
    {
      arrowhead_path (cr, last, e->head, arrow);
      cairo_fill (cr);
    }
  if (!(s & PROMINENT) && !(s & RWB_DRAW_DIMMED) && !mention && edge_labels_legible (f))
    draw_edge_label (f, e, color, FALSE);
}

static void
draw_node_text (Frame *f, guint i, const RwbSceneNode *n, RwbEntityType type, Rgb icon, Rgb fg,
                Rgb fg2)
{
  cairo_t *cr = f->cr;
  const NodeText *t = cache_node_text (f->cache, f->scene, i);
  double cw, ch;
  content_size (t, &cw, &ch);
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
  set_rgb (cr, icon, 1);
  fill_icon (cr, type, icon_x, n->y - ICON_SIZE / 2, ICON_SIZE);

  double top = n->y - text_h / 2;
  set_rgb (cr, fg, 1);
  cairo_move_to (cr, text_cx - t->w1 / 2, top);
  rwb_render_show_layout (cr, f->style, t->label);
  if (t->sublabel)
    {
      set_rgb (cr, fg2, 1);
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
  Rgb color = entity_color (f->style, entity->type);
  Rgb fill = mix (f->bg, color, (s & RWB_DRAW_HOVER) ? (f->style->dark ? 0.40 : 0.24)
                                                       : (f->style->dark ? 0.28 : 0.14));
  Rgb fg = f->fg, fg2 = f->fg2;
  if (s & RWB_DRAW_DIMMED)
    {
      color = mix (color, f->bg, RWB_RENDER_DIM);
      fill = mix (fill, f->bg, RWB_RENDER_DIM);
      fg = mix (fg, f->bg, RWB_RENDER_DIM);
      fg2 = mix (fg2, f->bg, RWB_RENDER_DIM);
    }

  if (s & RWB_DRAW_SELECTED)
    {
      /* The halo: a soft band of the node's colour around it, visible on light and dark. */
      double g = MAX (5.0, 3.0 / f->scale);
      node_path (cr, entity->type, x - g, y - g, n->width + 2 * g, n->height + 2 * g);
      set_rgb (cr, color, f->style->dark ? 0.45 : 0.32);
      cairo_fill (cr);
    }
  double line = (s & RWB_DRAW_SELECTED) ? 3.0 : (s & RWB_DRAW_HOVER) ? 2.5
                : (s & RWB_DRAW_EMPHASIS) ? 2.0 : 1.5;
  node_path (cr, entity->type, x, y, n->width, n->height);
  set_rgb (cr, fill, 1);
  cairo_fill_preserve (cr);
  set_rgb (cr, color, 1);
  cairo_set_line_width (cr, MAX (line, 1.0 / f->scale));
  cairo_stroke (cr);
  if (labels)
    draw_node_text (f, i, n, entity->type, color, fg, fg2);
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
            node_path (cr, type, x, y, n->width, n->height);
        }
      Rgb color = entity_color (f->style, type);
      Rgb fill = mix (f->bg, color, f->style->dark ? 0.28 : 0.14);
      if (dimmed)
        color = mix (color, f->bg, RWB_RENDER_DIM), fill = mix (fill, f->bg, RWB_RENDER_DIM);
      if (tiny)
        {
          /* A few pixels: an outline would be all there is, and stroking thousands of boxes
           * costs five times filling them. One solid tone between fill and outline. */
          set_rgb (cr, mix (fill, color, 0.6), 1);
          cairo_fill (cr);
          continue;
        }
      set_rgb (cr, fill, 1);
      cairo_fill_preserve (cr);
      set_rgb (cr, color, 1);
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
  Rgb bg = background (style);
  if (!style->transparent)
    {
      set_rgb (cr, bg, 1);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }
  if (scene == NULL || viewport->scale <= 0)
    {
      cairo_restore (cr);
      return;
    }
  if (scene->from_dot)
    {
      rwb_render_dot_scene (cr, scene, style, viewport, width, height);
      cairo_restore (cr);
      return;
    }
  double scale = viewport->scale;
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -viewport->origin_x, -viewport->origin_y);
  double margin = DRAW_MARGIN + 8.0 / scale;
  RwbRect view = { viewport->origin_x - margin, viewport->origin_y - margin,
                   width / scale + 2 * margin, height / scale + 2 * margin };

  RwbRenderCache *own_cache = NULL;
  Frame f = { 0 };
  f.direct = pixels_init (cr, &f.pixels);
  f.cr = cr;
  f.scene = scene;
  f.style = style;
  f.cache = style->cache ? style->cache : (own_cache = rwb_render_cache_new ());
  cache_bind (f.cache, scene, style->font_family);
  f.scale = scale;
  f.bg = bg;
  f.fg = style->dark ? (Rgb) { 0.95, 0.95, 0.96 } : (Rgb) { 0.10, 0.10, 0.12 };
  f.fg2 = style->dark ? (Rgb) { 0.75, 0.75, 0.78 } : (Rgb) { 0.33, 0.33, 0.37 };
  f.nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  f.edges = g_array_new (FALSE, FALSE, sizeof (guint));
  rwb_scene_query_rect (scene, &view, f.nodes, f.edges);

  /* Text smaller than about 5 device pixels is noise: draw boxes only, and then the whole
   * picture is an overview where per-item detail is invisible anyway. */
  gboolean labels = scale * LABEL_SIZE >= 5.0;
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Edges under nodes; within each, what is hovered or selected over the rest. */
  if (labels)
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

  if (labels)
    {
      for (guint k = 0; k < f.nodes->len; k++)
        {
          guint i = g_array_index (f.nodes, guint, k), s = node_state (&f, i);
          if (!(s & (RWB_DRAW_HIDDEN | PROMINENT)))
            draw_node (&f, i, s, TRUE);
        }
    }
  else
    draw_nodes_batched (&f);
  for (guint k = 0; k < f.nodes->len; k++)
    {
      guint i = g_array_index (f.nodes, guint, k), s = node_state (&f, i);
      if (!(s & RWB_DRAW_HIDDEN) && (s & PROMINENT))
        draw_node (&f, i, s, labels);
    }

  /* Labels of hovered and selected edges last, so no node covers them. */
  for (guint k = 0; k < f.edges->len; k++)
    {
      guint i = g_array_index (f.edges, guint, k), s = edge_state (&f, i);
      if (!(s & (RWB_DRAW_HIDDEN | RWB_DRAW_DIMMED)) && (s & PROMINENT))
        {
          const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
          draw_edge_label (&f, e, relation_color (style, edge_relation (&f, e)->type), TRUE);
        }
    }

  g_array_unref (f.nodes);
  g_array_unref (f.edges);
  rwb_render_cache_free (own_cache);
  cairo_restore (cr);
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
  PangoContext *ctx = make_context ();
  Rgb bg = background (style);
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
      layouts[i] = make_layout (ctx, style->font_family, LEGEND_FONT_SIZE, FALSE,
                                entity ? rwb_entity_type_short_label (type) : rwb_relation_type_short_label (type));
      pango_layout_set_alignment (layouts[i], PANGO_ALIGN_LEFT);
      double h;
      layout_size (layouts[i], &text_w[i], &h);
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
      rounded_rect (cr, x + 0.5, y + 0.5, w - 1, h - 1, 6);
      set_rgb (cr, bg, 0.92);
      cairo_fill_preserve (cr);
      set_rgb (cr, fg, 0.18);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);

      double cx = x + pad, cy = y + pad;
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
          if (entity)
            {
              Rgb color = entity_color (style, type);
              node_path (cr, type, cx + 0.75, sy + 0.75, swatch_w - 1.5, swatch_h - 1.5);
              set_rgb (cr, mix (bg, color, style->dark ? 0.28 : 0.14), 1);
              cairo_fill_preserve (cr);
              set_rgb (cr, color, 1);
              cairo_set_line_width (cr, 1.5);
              cairo_stroke (cr);
              fill_icon (cr, type, cx + (swatch_w - 9) / 2, sy + (swatch_h - 9) / 2, 9);
            }
          else
            {
              Rgb color = relation_color (style, type);
              double my = cy + row_h / 2;
              gboolean directed = rwb_relation_type_is_directed (type);
              set_rgb (cr, color, 1);
              cairo_set_line_width (cr, 2);
              if (type == RWB_RELATION_MENTION)
                cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
              cairo_move_to (cr, cx + 1, my);
              cairo_line_to (cr, cx + swatch_w - (directed ? 6 : 1), my);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
              if (directed)
                {
                  arrowhead_path (cr, (RwbPoint) { cx, my }, (RwbPoint) { cx + swatch_w, my }, 7);
                  cairo_fill (cr);
                }
            }
          set_rgb (cr, fg, 1);
          cairo_move_to (cr, cx + swatch_w + gap, cy + (row_h - text_h) / 2);
          rwb_render_show_layout (cr, style, layouts[i]);
          cy += row_h + row_gap;
        }
      cairo_restore (cr);
    }

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    g_clear_object (&layouts[i]);
  g_object_unref (ctx);
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
 * rwb_render_show_layout:
 * Draws @layout at the current point, or hands its lines to the style's text sink.
 */
void
rwb_render_show_layout (cairo_t *cr, const RwbStyle *style, PangoLayout *layout)
{
  g_return_if_fail (cr != NULL && PANGO_IS_LAYOUT (layout));
  if (style == NULL || style->text_sink == NULL)
    {
      pango_cairo_show_layout (cr, layout);
      return;
    }
  if (!cairo_has_current_point (cr))
    cairo_move_to (cr, 0, 0);
  double x0, y0;
  cairo_get_current_point (cr, &x0, &y0);
  cairo_matrix_t m;
  cairo_get_matrix (cr, &m);
  double unit = sqrt (fabs (m.xx * m.yy - m.xy * m.yx));
  double r = 0, g = 0, b = 0, a = 1;
  if (cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a) != CAIRO_STATUS_SUCCESS)
    r = g = b = 0, a = 1;
  const PangoFontDescription *fd = pango_layout_get_font_description (layout);
  double size = fd ? pango_font_description_get_size (fd) / (double) PANGO_SCALE : 10.0;
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      if (line == NULL || line->length <= 0)
        continue;
      PangoRectangle logical;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      g_autofree char *s = g_strndup (text + line->start_index, line->length);
      double x = x0 + (logical.x + logical.width / 2.0) / PANGO_SCALE;
      double y = y0 + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      cairo_user_to_device (cr, &x, &y);
      RwbTextItem item = {
        .text = s, .x = x, .y = y, .size = size * unit,
        .bold = fd && pango_font_description_get_weight (fd) >= PANGO_WEIGHT_SEMIBOLD,
        .rtl = line->resolved_dir == PANGO_DIRECTION_RTL,
        .family = fd ? pango_font_description_get_family (fd) : NULL,
        .r = r, .g = g, .b = b, .a = a,
      };
      style->text_sink (&item, style->text_sink_data);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  cairo_new_path (cr);
}

/* --- Export -------------------------------------------------------------------------------- */

#define TITLE_SIZE 16.0
#define TITLE_PAD 12.0
#define LEGEND_GAP 12.0
/* A4 landscape in points, and the margin kept free on it. */
#define PAGE_WIDTH 841.89
#define PAGE_HEIGHT 595.28
#define PAGE_MARGIN 36.0
#define PNG_LIMIT 32767.0

/**
 * rwb_export_options_init:
 * Sets @options to the defaults: PNG of the whole scene at scale 2, light, solid background.
 */
void
rwb_export_options_init (RwbExportOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
  options->format = RWB_IMAGE_PNG;
  options->scope = RWB_EXPORT_WHOLE;
  options->scale = 2.0;
}

/**
 * rwb_export_options_copy:
 * Deep copy of @options, for use after the caller's arrays are gone (another thread).
 */
RwbExportOptions *
rwb_export_options_copy (const RwbExportOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);
  RwbExportOptions *copy = g_memdup2 (options, sizeof *options);
  copy->selection = options->selection
                      ? g_memdup2 (options->selection, sizeof (guint) * options->n_selection)
                      : NULL;
  copy->hidden_entities = options->hidden_entities
                            ? g_memdup2 (options->hidden_entities,
                                         sizeof (gboolean) * options->n_hidden_entities)
                            : NULL;
  copy->hidden_relations = options->hidden_relations
                             ? g_memdup2 (options->hidden_relations,
                                          sizeof (gboolean) * options->n_hidden_relations)
                             : NULL;
  copy->title = g_strdup (options->title);
  copy->font_family = g_strdup (options->font_family);
  return copy;
}

/**
 * rwb_export_options_free:
 * Frees a copy made by rwb_export_options_copy().
 */
void
rwb_export_options_free (RwbExportOptions *options)
{
  if (options == NULL)
    return;
  g_free ((gpointer) options->selection);
  g_free ((gpointer) options->hidden_entities);
  g_free ((gpointer) options->hidden_relations);
  g_free ((gpointer) options->title);
  g_free ((gpointer) options->font_family);
  g_free (options);
}

static gboolean
flags_equal (const gboolean *a, guint na, const gboolean *b, guint nb)
{
  /* NULL means none hidden, as does an array of FALSE. */
  for (guint i = 0; i < MAX (na, nb); i++)
    {
      gboolean x = a && i < na && a[i], y = b && i < nb && b[i];
      if (!x != !y)
        return FALSE;
    }
  return TRUE;
}

/**
 * rwb_export_options_equal:
 * Whether @a and @b describe the same file; the GUI and CLI tests compare their options.
 */
gboolean
rwb_export_options_equal (const RwbExportOptions *a, const RwbExportOptions *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  if (a->format != b->format || a->scope != b->scope || a->scale != b->scale
      || !a->page_fit != !b->page_fit || !a->transparent != !b->transparent
      || !a->dark != !b->dark || !a->show_mentions != !b->show_mentions
      || !a->legend != !b->legend || g_strcmp0 (a->title, b->title) != 0
      || g_strcmp0 (a->font_family, b->font_family) != 0)
    return FALSE;
  if (a->scope == RWB_EXPORT_VISIBLE
      && memcmp (&a->visible, &b->visible, sizeof a->visible) != 0)
    return FALSE;
  if (a->scope == RWB_EXPORT_SELECTION
      && (a->n_selection != b->n_selection
          || (a->n_selection
              && memcmp (a->selection, b->selection, sizeof (guint) * a->n_selection) != 0)))
    return FALSE;
  return flags_equal (a->hidden_entities, a->n_hidden_entities, b->hidden_entities,
                      b->n_hidden_entities)
         && flags_equal (a->hidden_relations, a->n_hidden_relations, b->hidden_relations,
                         b->n_hidden_relations);
}

static void
rect_union (RwbRect *acc, gboolean *empty, const RwbRect *r)
{
  if (*empty)
    {
      *acc = *r;
      *empty = FALSE;
      return;
    }
  double x1 = MAX (acc->x + acc->width, r->x + r->width);
  double y1 = MAX (acc->y + acc->height, r->y + r->height);
  acc->x = MIN (acc->x, r->x);
  acc->y = MIN (acc->y, r->y);
  acc->width = x1 - acc->x;
  acc->height = y1 - acc->y;
}

/* Everything one export computes before drawing: what is drawn and where, in device units. */
typedef struct {
  RwbStyle style;
  guint8 *node_state, *edge_state;
  RwbRect region;            /* scene rectangle of the picture */
  double k;                  /* device units per scene point */
  double width, height;      /* the surface */
  double gx, gy, gw, gh;     /* the picture of the graph on it */
  PangoContext *ctx;
  PangoLayout *title;
  double tx, ty;             /* title's top left */
  guint entity_mask, relation_mask;
  double lx, ly;             /* legend's top left */
} Plan;

static void
plan_clear (Plan *p)
{
  g_clear_pointer (&p->node_state, g_free);
  g_clear_pointer (&p->edge_state, g_free);
  g_clear_object (&p->title);
  g_clear_object (&p->ctx);
}

static gboolean
relation_shown (const RwbExportOptions *o, const RwbScene *scene, const RwbSceneEdge *e)
{
  if (e->relation >= scene->graph->relations->len)
    return TRUE;
  if (o->hidden_relations && e->relation < o->n_hidden_relations
      && o->hidden_relations[e->relation])
    return FALSE;
  const RwbRelation *r = g_ptr_array_index (scene->graph->relations, e->relation);
  return r->type != RWB_RELATION_MENTION || o->show_mentions;
}

static gboolean
plan_make (Plan *p, const RwbScene *scene, const RwbExportOptions *o, GError **error)
{
  memset (p, 0, sizeof *p);
  rwb_style_init (&p->style);
  p->style.dark = o->dark;
  p->style.show_mentions = o->show_mentions;
  /* The whole surface is filled here, title and legend too; a DOT scene fills its own
   * area with its bgcolor. */
  p->style.transparent = scene->from_dot ? o->transparent : TRUE;
  p->style.font_family = o->font_family;
  /* A picture has no pointer to hover with: label every edge that is legible. */
  p->style.edge_label_scale = 0;

  guint nn = scene->nodes->len, ne = scene->edges->len;
  p->node_state = g_malloc0 (MAX (nn, 1));
  p->edge_state = g_malloc0 (MAX (ne, 1));
  g_autofree gboolean *selected = NULL;
  if (o->scope == RWB_EXPORT_SELECTION)
    {
      selected = g_new0 (gboolean, MAX (scene->graph->entities->len, 1));
      for (guint i = 0; i < o->n_selection; i++)
        if (o->selection[i] < scene->graph->entities->len)
          selected[o->selection[i]] = TRUE;
    }
  for (guint i = 0; i < nn; i++)
    {
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
      gboolean hidden = o->hidden_entities && n->entity < o->n_hidden_entities
                        && o->hidden_entities[n->entity];
      if (selected && !(n->entity < scene->graph->entities->len && selected[n->entity]))
        hidden = TRUE;
      if (hidden)
        p->node_state[i] = RWB_DRAW_HIDDEN;
    }
  for (guint i = 0; i < ne; i++)
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      if (!relation_shown (o, scene, e) || e->from >= nn || e->to >= nn
          || (p->node_state[e->from] & RWB_DRAW_HIDDEN) || (p->node_state[e->to] & RWB_DRAW_HIDDEN))
        p->edge_state[i] = RWB_DRAW_HIDDEN;
    }
  p->style.node_state = p->node_state;
  p->style.edge_state = p->edge_state;

  /* The scene rectangle to draw. */
  switch (o->scope)
    {
    case RWB_EXPORT_VISIBLE:
      if (!(o->visible.width > 0 && o->visible.height > 0))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The visible area is empty"));
          return FALSE;
        }
      p->region = o->visible;
      break;
    case RWB_EXPORT_SELECTION:
      {
        gboolean empty = TRUE;
        for (guint i = 0; i < nn; i++)
          if (!(p->node_state[i] & RWB_DRAW_HIDDEN))
            {
              const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
              RwbRect b = { n->x - n->width / 2, n->y - n->height / 2, n->width, n->height };
              rect_union (&p->region, &empty, &b);
            }
        if (empty)
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                 _("No shown entity is selected"));
            return FALSE;
          }
        for (guint i = 0; i < ne; i++)
          if (!(p->edge_state[i] & RWB_DRAW_HIDDEN))
            {
              RwbRect b;
              rwb_scene_edge_bounds (scene, i, &b);
              if (b.width >= 0)
                rect_union (&p->region, &empty, &b);
            }
        p->region.x -= FILE_MARGIN;
        p->region.y -= FILE_MARGIN;
        p->region.width += 2 * FILE_MARGIN;
        p->region.height += 2 * FILE_MARGIN;
      }
      break;
    case RWB_EXPORT_WHOLE:
    default:
      p->region = (RwbRect) { scene->bounds.x - FILE_MARGIN, scene->bounds.y - FILE_MARGIN,
                              MAX (scene->bounds.width, 0) + 2 * FILE_MARGIN,
                              MAX (scene->bounds.height, 0) + 2 * FILE_MARGIN };
      break;
    }

  /* Title and legend, in points, around the graph. */
  double title_w = 0, title_band = 0;
  if (o->title && *o->title)
    {
      p->ctx = make_context ();
      p->title = make_layout (p->ctx, o->font_family, TITLE_SIZE, TRUE, o->title);
      pango_layout_set_single_paragraph_mode (p->title, TRUE);
      double th;
      layout_size (p->title, &title_w, &th);
      title_band = th + 2 * TITLE_PAD;
    }
  double legend_w = 0, legend_h = 0;
  if (o->legend && !scene->from_dot)
    {
      for (guint i = 0; i < nn; i++)
        if (!(p->node_state[i] & RWB_DRAW_HIDDEN))
          {
            const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
            if (n->entity < scene->graph->entities->len)
              {
                const RwbEntity *en = g_ptr_array_index (scene->graph->entities, n->entity);
                p->entity_mask |= 1u << MIN (en->type, RWB_ENTITY_N_TYPES - 1);
              }
          }
      for (guint i = 0; i < ne; i++)
        if (!(p->edge_state[i] & RWB_DRAW_HIDDEN))
          {
            const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
            if (e->relation < scene->graph->relations->len)
              {
                const RwbRelation *r = g_ptr_array_index (scene->graph->relations, e->relation);
                p->relation_mask |= 1u << MIN (r->type, RWB_RELATION_N_TYPES - 1);
              }
          }
      rwb_render_legend (NULL, &p->style, 0, 0, p->entity_mask, p->relation_mask, &legend_w,
                         &legend_h);
    }
  double graph_w = p->region.width, graph_h = p->region.height;
  double side = legend_w > 0 ? legend_w + 2 * LEGEND_GAP : 0;
  double total_w = MAX (graph_w + side, title_w + 2 * TITLE_PAD);
  double total_h = title_band + MAX (graph_h, legend_h > 0 ? legend_h + 2 * LEGEND_GAP : 0);

  /* Device units: a scale, or an A4 page the picture is fitted into. */
  double ox = 0, oy = 0;
  if (o->format == RWB_IMAGE_PDF && o->page_fit)
    {
      p->k = MIN ((PAGE_WIDTH - 2 * PAGE_MARGIN) / total_w,
                  (PAGE_HEIGHT - 2 * PAGE_MARGIN) / total_h);
      p->width = PAGE_WIDTH;
      p->height = PAGE_HEIGHT;
      ox = round ((PAGE_WIDTH - total_w * p->k) / 2);
      oy = round ((PAGE_HEIGHT - total_h * p->k) / 2);
    }
  else
    {
      p->k = o->scale > 0 && o->scale <= 16 ? o->scale : 1.0;
      p->width = ceil (total_w * p->k);
      p->height = ceil (total_h * p->k);
      if (o->format == RWB_IMAGE_PNG && (p->width > PNG_LIMIT || p->height > PNG_LIMIT))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The image would be %.0f × %.0f pixels, over the PNG limit of 32767; "
                         "use a smaller scale or SVG/PDF"), p->width, p->height);
          return FALSE;
        }
    }
  /* Whole device units for the graph's corner keep PNG drawing on the fast pixel path. */
  p->gx = ox;
  p->gy = oy + round (title_band * p->k);
  p->gw = round (graph_w * p->k);
  p->gh = round (graph_h * p->k);
  p->tx = ox + (total_w * p->k - title_w * p->k) / 2;
  p->ty = oy + TITLE_PAD * p->k;
  p->lx = ox + (graph_w + LEGEND_GAP) * p->k;
  p->ly = p->gy + LEGEND_GAP * p->k;
  return TRUE;
}

/**
 * rwb_export_get_size:
 * The surface size rwb_render_export() would write.
 */
gboolean
rwb_export_get_size (const RwbScene *scene, const RwbExportOptions *options, double *width,
                     double *height, GError **error)
{
  g_return_val_if_fail (scene != NULL && options != NULL, FALSE);
  Plan p;
  gboolean ok = plan_make (&p, scene, options, error);
  if (ok)
    {
      if (width)
        *width = p.width;
      if (height)
        *height = p.height;
    }
  plan_clear (&p);
  return ok;
}

static void
plan_draw (Plan *p, cairo_t *cr, const RwbScene *scene, const RwbExportOptions *o)
{
  if (!o->transparent)
    {
      Rgb bg = background (&p->style);
      cairo_save (cr);
      set_rgb (cr, bg, 1);
      cairo_rectangle (cr, 0, 0, p->width, p->height);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  if (p->title)
    {
      cairo_save (cr);
      cairo_translate (cr, p->tx, p->ty);
      cairo_scale (cr, p->k, p->k);
      set_rgb (cr, p->style.dark ? (Rgb) { 0.95, 0.95, 0.96 } : (Rgb) { 0.10, 0.10, 0.12 }, 1);
      cairo_move_to (cr, 0, 0);
      rwb_render_show_layout (cr, &p->style, p->title);
      cairo_restore (cr);
    }

  cairo_save (cr);
  cairo_translate (cr, p->gx, p->gy);
  cairo_rectangle (cr, 0, 0, p->gw, p->gh);
  cairo_clip (cr);
  RwbViewport vp = { p->k, p->region.x, p->region.y };
  rwb_render_scene (cr, scene, &p->style, &vp, p->gw, p->gh);
  cairo_restore (cr);

  if (p->entity_mask || p->relation_mask)
    {
      cairo_save (cr);
      cairo_translate (cr, p->lx, p->ly);
      cairo_scale (cr, p->k, p->k);
      rwb_render_legend (cr, &p->style, 0, 0, p->entity_mask, p->relation_mask, NULL, NULL);
      cairo_restore (cr);
    }
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Text safe in XML 1.0 character data and attributes: valid UTF-8 without the control
 * characters XML forbids even as references, then escaped. */
static char *
xml_text (const char *s)
{
  g_autofree char *valid = g_utf8_make_valid (s ? s : "", -1);
  GString *clean = g_string_sized_new (strlen (valid));
  for (const char *c = valid; *c; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      if ((u < 0x20 && u != '\t') || u == 0xFFFE || u == 0xFFFF)
        continue;
      g_string_append_unichar (clean, u);
    }
  char *escaped = g_markup_escape_text (clean->str, -1);
  g_string_free (clean, TRUE);
  return escaped;
}

static void
append_number (GString *s, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  /* g_ascii_formatd: a decimal point whatever the locale (the CLI runs with the user's). */
  g_string_append (s, g_ascii_formatd (buf, sizeof buf, "%.2f", v));
}

/* A CSS font-family list from a pango one: "Noto Sans, sans" → "'Noto Sans', sans-serif". */
static char *
css_families (const char *family)
{
  g_auto (GStrv) names = g_strsplit (family ? family : DEFAULT_FONT, ",", -1);
  GString *s = g_string_new (NULL);
  for (guint i = 0; names[i]; i++)
    {
      char *name = g_strstrip (names[i]);
      if (*name == '\0')
        continue;
      if (s->len)
        g_string_append (s, ", ");
      if (g_ascii_strcasecmp (name, "sans") == 0 || g_ascii_strcasecmp (name, "sans-serif") == 0)
        g_string_append (s, "sans-serif");
      else if (g_ascii_strcasecmp (name, "serif") == 0 || g_ascii_strcasecmp (name, "monospace") == 0)
        g_string_append (s, name);
      else
        {
          g_autofree char *quoted = g_strdup (name);
          g_strdelimit (quoted, "'\"\\;{}<>", ' ');
          g_string_append_printf (s, "'%s'", g_strstrip (quoted));
        }
    }
  return g_string_free (s, FALSE);
}

/* Collects the text sink's lines as SVG <text> elements. */
static void
svg_text_sink (const RwbTextItem *item, gpointer user_data)
{
  GString *out = user_data;
  g_autofree char *text = xml_text (item->text);
  g_autofree char *families = css_families (item->family);
  g_autofree char *family_attr = xml_text (families);
  g_string_append (out, "<text x=\"");
  append_number (out, item->x);
  g_string_append (out, "\" y=\"");
  append_number (out, item->y);
  g_string_append (out, "\" font-size=\"");
  append_number (out, item->size);
  g_string_append_printf (out, "\" font-family=\"%s\" font-weight=\"%s\" fill=\"#%02x%02x%02x\"",
                          family_attr, item->bold ? "600" : "normal",
                          (guint) CLAMP (round (item->r * 255), 0, 255),
                          (guint) CLAMP (round (item->g * 255), 0, 255),
                          (guint) CLAMP (round (item->b * 255), 0, 255));
  if (item->a < 1.0)
    {
      g_string_append (out, " fill-opacity=\"");
      append_number (out, item->a);
      g_string_append_c (out, '"');
    }
  /* Anchored at the middle, the line sits where the renderer centred it whatever the viewer's
   * font; Arabic is marked so viewers shape and order it right to left. */
  g_string_append (out, " text-anchor=\"middle\"");
  if (item->rtl)
    g_string_append (out, " direction=\"rtl\" unicode-bidi=\"embed\"");
  if (has_arabic_letter (item->text))
    g_string_append (out, " xml:lang=\"ar\"");
  g_string_append_printf (out, ">%s</text>\n", text);
}

static gboolean
write_atomically (const char *path, const guint8 *data, gsize len, GError **error)
{
  /* g_file_set_contents_full writes a temporary file beside @path, syncs it and renames it
   * over @path: a failure at any step leaves the old file whole. */
  return g_file_set_contents_full (path, (const char *) data, len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

/**
 * rwb_render_export:
 * Renders and writes the file; see the header.
 */
gboolean
rwb_render_export (const RwbScene *scene, const RwbExportOptions *options, const char *path,
                   GError **error)
{
  g_return_val_if_fail (scene != NULL && options != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  Plan p;
  if (!plan_make (&p, scene, options, error))
    {
      plan_clear (&p);
      return FALSE;
    }
  GByteArray *bytes = g_byte_array_new ();
  GString *texts = NULL;
  cairo_surface_t *surface;
  switch (options->format)
    {
    case RWB_IMAGE_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, p.width, p.height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      texts = g_string_new ("<g id=\"rawabit-labels\">\n");
      p.style.text_sink = svg_text_sink;
      p.style.text_sink_data = texts;
      break;
    case RWB_IMAGE_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, p.width, p.height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rawabit");
      if (options->title && *options->title)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, options->title);
      break;
    case RWB_IMAGE_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) p.width, (int) p.height);
      break;
    }
  cairo_status_t status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      cairo_t *cr = cairo_create (surface);
      plan_draw (&p, cr, scene, options);
      status = cairo_status (cr);
      cairo_destroy (cr);
    }
  if (status == CAIRO_STATUS_SUCCESS && options->format == RWB_IMAGE_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  plan_clear (&p);

  gboolean ok = FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot draw %s: %s"), path,
                 cairo_status_to_string (status));
  else if (texts != NULL)
    {
      /* The labels go last, over the shapes, inside the root element. */
      g_string_append (texts, "</g>\n");
      GString *svg = g_string_new_len ((const char *) bytes->data, bytes->len);
      const char *end = g_strrstr (svg->str, "</svg>");
      if (end == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot draw %s: %s"), path,
                     "no </svg>");
      else
        {
          g_string_insert (svg, end - svg->str, texts->str);
          ok = write_atomically (path, (const guint8 *) svg->str, svg->len, error);
        }
      g_string_free (svg, TRUE);
    }
  else
    ok = write_atomically (path, bytes->data, bytes->len, error);
  if (texts)
    g_string_free (texts, TRUE);
  g_byte_array_unref (bytes);
  return ok;
}

/* A scene for another thread: the same geometry with its own arrays and no index (queries on
 * an index write to it). */
static RwbScene *
scene_copy (const RwbScene *scene)
{
  RwbScene *copy = rwb_scene_new (scene->graph);
  g_array_set_size (copy->nodes, scene->nodes->len);
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
      RwbSceneNode *c = &g_array_index (copy->nodes, RwbSceneNode, i);
      *c = *n;
      c->label = g_strdup (n->label);
      c->sublabel = g_strdup (n->sublabel);
      c->shape = g_strdup (n->shape);
      c->color = g_strdup (n->color);
      c->fillcolor = g_strdup (n->fillcolor);
      c->fontcolor = g_strdup (n->fontcolor);
      c->style = g_strdup (n->style);
    }
  g_array_set_size (copy->edges, scene->edges->len);
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      RwbSceneEdge *c = &g_array_index (copy->edges, RwbSceneEdge, i);
      *c = *e;
      c->points = e->points ? g_array_copy (e->points) : NULL;
      c->label = g_strdup (e->label);
      c->color = g_strdup (e->color);
      c->style = g_strdup (e->style);
    }
  if (scene->clusters)
    {
      g_array_set_size (copy->clusters, scene->clusters->len);
      for (guint i = 0; i < scene->clusters->len; i++)
        {
          const RwbSceneCluster *k = &g_array_index (scene->clusters, RwbSceneCluster, i);
          RwbSceneCluster *c = &g_array_index (copy->clusters, RwbSceneCluster, i);
          *c = *k;
          c->label = g_strdup (k->label);
          c->color = g_strdup (k->color);
          c->fillcolor = g_strdup (k->fillcolor);
          c->style = g_strdup (k->style);
        }
    }
  copy->bounds = scene->bounds;
  copy->engine = g_strdup (scene->engine);
  copy->from_dot = scene->from_dot;
  copy->background = g_strdup (scene->background);
  return copy;
}

typedef struct {
  RwbScene *scene;
  RwbExportOptions *options;
  char *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->scene, rwb_scene_free);
  g_clear_pointer (&job->options, rwb_export_options_free);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  if (g_task_return_error_if_cancelled (task))
    return;
  if (rwb_render_export (job->scene, job->options, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * rwb_render_export_async:
 * Runs rwb_render_export() in a thread on copies of @scene and @options.
 */
void
rwb_render_export_async (const RwbScene *scene, const RwbExportOptions *options,
                         const char *path, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (scene != NULL && options != NULL && path != NULL);
  ExportJob *job = g_new0 (ExportJob, 1);
  job->scene = scene_copy (scene);
  job->options = rwb_export_options_copy (options);
  job->path = g_strdup (path);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rwb_render_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
  g_object_unref (task);
}

/**
 * rwb_render_export_finish:
 * Whether the file was written.
 */
gboolean
rwb_render_export_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
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
  RwbExportOptions options;
  rwb_export_options_init (&options);
  options.format = format;
  options.scale = scale > 0 && scale <= 16 ? scale : 1;
  options.dark = style->dark;
  options.transparent = style->transparent;
  options.show_mentions = style->show_mentions;
  options.font_family = style->font_family;
  return rwb_render_export (scene, &options, path, error);
}
