/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-render-text.c — shaping labels with pango: node and edge labels, their cache, the size a node
 * needs for its label, and handing text to a sink (SVG export) instead of drawing it. */
#define G_LOG_DOMAIN "rawabit-render"

#include "rwb-render-private.h"

#include "rwb-text.h"

#include <math.h>
#include <string.h>

PangoContext *
rwb_render_make_context (void)
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

PangoLayout *
rwb_render_make_layout (PangoContext *ctx, const char *family, double size, gboolean bold, const char *text)
{
  PangoLayout *layout = pango_layout_new (ctx);
  PangoFontDescription *fd = pango_font_description_from_string (family ? family : RWB_RENDER_DEFAULT_FONT);
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

void
rwb_render_layout_size (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  *width = logical.width / (double) PANGO_SCALE;
  *height = logical.height / (double) PANGO_SCALE;
}

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
  for (guint i = 0; cache->ops && i < cache->n_ops; i++)
    g_clear_object (&cache->ops[i]);
  g_clear_pointer (&cache->ops, g_free);
  cache->n_ops = 0;
  for (guint i = 0; cache->short_labels && i < cache->n_nodes; i++)
    g_clear_object (&cache->short_labels[i]);
  g_clear_pointer (&cache->short_labels, g_free);
  for (guint i = 0; cache->cut_labels && i < cache->n_nodes; i++)
    g_clear_object (&cache->cut_labels[i]);
  g_clear_pointer (&cache->cut_labels, g_free);
  g_clear_pointer (&cache->placed, g_free);
  g_clear_pointer (&cache->placed_cut, g_free);
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

void
rwb_render_cache_bind (RwbRenderCache *cache, const RwbScene *scene, const char *family)
{
  if (cache->scene != scene || cache->n_nodes != scene->nodes->len
      || cache->n_ops != scene->draw_ops->len || g_strcmp0 (cache->family, family) != 0)
    rwb_render_cache_reset (cache);
  if (cache->ctx == NULL)
    {
      cache->ctx = rwb_render_make_context ();
      cache->scene = scene;
      cache->n_nodes = scene->nodes->len;
      cache->nodes = g_new0 (NodeText, MAX (cache->n_nodes, 1));
      cache->family = g_strdup (family);
      cache->n_ops = scene->draw_ops->len;
      cache->ops = cache->n_ops ? g_new0 (PangoLayout *, cache->n_ops) : NULL;
    }
}

/* Graphviz's PostScript-style face ("Times-Roman", "Helvetica-Bold") as a pango family list
 * with fallbacks, its weight and style in @bold and @italic. */
static char *
face_family (const char *face, gboolean *bold, gboolean *italic)
{
  static const struct {
    const char *name, *families;
  } known[] = {
    { "Times", "Times, Liberation Serif, DejaVu Serif, serif" },
    { "Helvetica", "Helvetica, Liberation Sans, DejaVu Sans, sans" },
    { "Arial", "Arial, Liberation Sans, DejaVu Sans, sans" },
    { "Courier", "Courier, Liberation Mono, DejaVu Sans Mono, monospace" },
  };
  g_autofree char *name = g_strdup (face && *face ? face : "Times-Roman");
  char *dash = strrchr (name, '-');
  if (dash)
    {
      const char *suffix = dash + 1;
      if (strstr (suffix, "Bold"))
        *bold = TRUE;
      if (strstr (suffix, "Italic") || strstr (suffix, "Oblique"))
        *italic = TRUE;
      if (*bold || *italic || g_str_equal (suffix, "Roman"))
        *dash = '\0';
    }
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strcasecmp (name, known[i].name) == 0)
      return g_strdup (known[i].families);
  /* Another family, as the file named it; pango's own fallback covers what it lacks. */
  return g_strdup_printf ("%s, DejaVu Sans, sans", name);
}

/* @text cut after @max characters, with "…". */
static char *
cap_chars (const char *text, guint max)
{
  if (text == NULL)
    return NULL;
  const char *p = text;
  for (guint i = 0; i < max && *p; i++)
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return g_strdup (text);
  g_autofree char *head = g_strndup (text, p - text);
  return g_strconcat (head, "…", NULL);
}

/* A text operation of an imported scene, shaped once. */
PangoLayout *
rwb_render_cache_op_text (RwbRenderCache *cache, const RwbScene *scene, guint op)
{
  if (op >= cache->n_ops)
    return NULL;
  if (cache->ops[op] == NULL)
    {
      const RwbDrawOp *o = &g_array_index (scene->draw_ops, RwbDrawOp, op);
      gboolean bold = (o->flags & RWB_DRAW_OP_BOLD) != 0, italic = (o->flags & RWB_DRAW_OP_ITALIC) != 0;
      g_autofree char *families = face_family (o->font, &bold, &italic);
      PangoLayout *layout = pango_layout_new (cache->ctx);
      PangoFontDescription *fd = pango_font_description_from_string (families);
      pango_font_description_set_absolute_size (fd, MAX (o->size, 0.1) * PANGO_SCALE);
      if (bold)
        pango_font_description_set_weight (fd, PANGO_WEIGHT_BOLD);
      if (italic)
        pango_font_description_set_style (fd, PANGO_STYLE_ITALIC);
      pango_layout_set_font_description (layout, fd);
      pango_font_description_free (fd);
      pango_layout_set_auto_dir (layout, TRUE);
      /* A line of an imported label cut as node labels are (at a longer length: imported
       * labels are the file's own text): shaping a line of half a megabyte takes pango about a
       * second, on every thread that draws it, the UI's included. */
      g_autofree char *valid = g_utf8_make_valid (o->text ? o->text : "", -1);
      g_autofree char *text = cap_chars (valid, RWB_RENDER_MAX_TEXT_OP);
      pango_layout_set_text (layout, text, -1);
      cache->ops[op] = layout;
    }
  return cache->ops[op];
}

static void
rwb_render_shape_text (PangoContext *ctx, const char *family, const char *label, const char *sublabel,
            NodeText *t)
{
  t->label = rwb_render_make_layout (ctx, family, LABEL_SIZE, TRUE, label ? label : "");
  rwb_render_layout_size (t->label, &t->w1, &t->h1);
  t->sublabel = NULL;
  t->w2 = t->h2 = 0;
  if (sublabel && *sublabel)
    {
      t->sublabel = rwb_render_make_layout (ctx, family, SUBLABEL_SIZE, FALSE, sublabel);
      rwb_render_layout_size (t->sublabel, &t->w2, &t->h2);
    }
  /* The paragraph direction pango resolved from the first strong letter (auto-dir). */
  PangoLayoutLine *line = pango_layout_get_line_readonly (t->label, 0);
  t->rtl = line != NULL && line->resolved_dir == PANGO_DIRECTION_RTL;
}

const NodeText *
rwb_render_cache_node_text (RwbRenderCache *cache, const RwbScene *scene, guint i)
{
  NodeText *t = &cache->nodes[i];
  if (t->label == NULL)
    {
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
      rwb_render_shape_text (cache->ctx, cache->family, n->label, n->sublabel, t);
    }
  return t;
}

/* Zoomed out, a name wider than this many points (at LABEL_SIZE) is cut with "…". */
#define SHORT_LABEL_WIDTH 150

PangoLayout *
rwb_render_cache_short_label (RwbRenderCache *cache, const RwbScene *scene, guint i)
{
  const NodeText *t = rwb_render_cache_node_text (cache, scene, i);

  if (t->w1 <= SHORT_LABEL_WIDTH)
    return t->label;
  if (cache->short_labels == NULL)
    cache->short_labels = g_new0 (PangoLayout *, MAX (cache->n_nodes, 1));
  if (cache->short_labels[i] == NULL)
    {
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
      PangoLayout *l = rwb_render_make_layout (cache->ctx, cache->family, LABEL_SIZE, TRUE,
                                               n->label ? n->label : "");
      pango_layout_set_width (l, SHORT_LABEL_WIDTH * PANGO_SCALE);
      pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
      cache->short_labels[i] = l;
    }
  return cache->short_labels[i];
}

PangoLayout *
rwb_render_cache_cut_label (RwbRenderCache *cache, const RwbScene *scene, guint i, double width)
{
  PangoLayout *l;

  if (cache->cut_labels == NULL)
    cache->cut_labels = g_new0 (PangoLayout *, MAX (cache->n_nodes, 1));
  l = cache->cut_labels[i];
  if (l != NULL && fabs (pango_layout_get_width (l) - width * PANGO_SCALE) < PANGO_SCALE / 2)
    return l;
  g_clear_object (&cache->cut_labels[i]);
  const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
  l = rwb_render_make_layout (cache->ctx, cache->family, LABEL_SIZE, TRUE, n->label ? n->label : "");
  pango_layout_set_width (l, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
  cache->cut_labels[i] = l;
  return l;
}

PangoLayout *
rwb_render_cache_edge_label (RwbRenderCache *cache, RwbRelationType type)
{
  if (cache->edge_labels[type] == NULL)
    cache->edge_labels[type] = rwb_render_make_layout (cache->ctx, cache->family, EDGE_LABEL_SIZE, FALSE,
                                            rwb_relation_type_short_label (type));
  return cache->edge_labels[type];
}

void
rwb_render_content_size (const NodeText *t, double *width, double *height)
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
  PangoContext *ctx = rwb_render_make_context ();
  NodeText t;
  double w, h;
  rwb_render_shape_text (ctx, NULL, label, sublabel, &t);
  rwb_render_content_size (&t, &w, &h);
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

gboolean
rwb_render_has_arabic_letter (const char *s)
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
 * rwb_render_cap_label:
 * @text: a name, any length
 *
 * @text cut after RWB_RENDER_MAX_LABEL characters, with "…": what layout and drawing show of a
 * name (shaping a megabyte-long line would take seconds on every redraw).
 *
 * Returns: (transfer full): the label
 */
char *
rwb_render_cap_label (const char *text)
{
  return cap_chars (text, RWB_RENDER_MAX_LABEL);
}

/**
 * rwb_render_entity_labels:
 * Name plus the other-script form: the Arabic alias under a Latin name, or a transliteration
 * under an Arabic-only name.
 */
void
rwb_render_entity_labels (const RwbEntity *entity, char **label, char **sublabel)
{
  *label = rwb_render_cap_label (entity->name);
  *sublabel = NULL;
  if (has_latin_letter (*label))
    {
      for (guint i = 0; i < entity->aliases->len; i++)
        {
          const char *alias = g_ptr_array_index (entity->aliases, i);
          if (rwb_render_has_arabic_letter (alias))
            {
              *sublabel = rwb_render_cap_label (alias);
              break;
            }
        }
    }
  else if (rwb_render_has_arabic_letter (*label))
    {
      for (guint i = 0; i < entity->aliases->len && *sublabel == NULL; i++)
        {
          const char *alias = g_ptr_array_index (entity->aliases, i);
          if (has_latin_letter (alias) && !rwb_render_has_arabic_letter (alias))
            *sublabel = rwb_render_cap_label (alias);
        }
      if (*sublabel == NULL)
        *sublabel = rwb_text_transliterate (*label);
    }
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
