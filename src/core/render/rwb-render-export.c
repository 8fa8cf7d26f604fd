/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-render-export.c — writing a scene to PNG, SVG (labels as <text>) or PDF: what to draw
 * (scope, filters, legend, title), where, and the atomic write. */
#define G_LOG_DOMAIN "rawabit-render"

#include "rwb-render-private.h"
#include "rwb-formats.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

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

/* --- Export -------------------------------------------------------------------------------- */

#define FILE_MARGIN 24.0
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
      p->ctx = rwb_render_make_context ();
      p->title = rwb_render_make_layout (p->ctx, o->font_family, TITLE_SIZE, TRUE, o->title);
      pango_layout_set_single_paragraph_mode (p->title, TRUE);
      double th;
      rwb_render_layout_size (p->title, &title_w, &th);
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
      Rgb bg = rwb_render_background (&p->style);
      cairo_save (cr);
      rwb_render_set_rgb (cr, bg, 1);
      cairo_rectangle (cr, 0, 0, p->width, p->height);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  if (p->title)
    {
      cairo_save (cr);
      cairo_translate (cr, p->tx, p->ty);
      cairo_scale (cr, p->k, p->k);
      rwb_render_set_rgb (cr, p->style.dark ? (Rgb) { 0.95, 0.95, 0.96 } : (Rgb) { 0.10, 0.10, 0.12 }, 1);
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
  g_auto (GStrv) names = g_strsplit (family ? family : RWB_RENDER_DEFAULT_FONT, ",", -1);
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
  g_autofree char *text = rwb_formats_xml_escape (item->text);
  g_autofree char *families = css_families (item->family);
  g_autofree char *family_attr = rwb_formats_xml_escape (families);
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
  if (rwb_render_has_arabic_letter (item->text))
    g_string_append (out, " xml:lang=\"ar\"");
  g_string_append_printf (out, ">%s</text>\n", text);
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
          ok = rwb_save_file (path, svg->str, svg->len, options->save_flags, error);
        }
      g_string_free (svg, TRUE);
    }
  else
    ok = rwb_save_file (path, bytes->data, bytes->len, options->save_flags, error);
  if (texts)
    g_string_free (texts, TRUE);
  g_byte_array_unref (bytes);
  return ok;
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
  job->scene = rwb_scene_copy (scene);
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

