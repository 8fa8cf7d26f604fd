/* rwb-render.h — draws a scene with cairo and pango.
 *
 * One renderer for the window and for PNG/SVG/PDF files, so exports match the screen. The
 * viewport maps scene points to device units: device = (scene - origin) * scale.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include "rwb-scene.h"

G_BEGIN_DECLS

typedef struct {
  double scale;          /* device units per scene point */
  double origin_x;       /* scene point at the device's left edge */
  double origin_y;       /* scene point at the device's top edge */
} RwbViewport;

typedef struct {
  gboolean dark;             /* dark palette (GUI in a dark theme) */
  gboolean show_mentions;    /* draw co-occurrence edges (dashed) */
  gboolean transparent;      /* no background fill */
  gint highlight_node;       /* scene node index drawn as selected, or -1 */
  const char *font_family;   /* NULL: "Noto Sans, DejaVu Sans, sans" */
} RwbStyle;

typedef enum {
  RWB_IMAGE_PNG,
  RWB_IMAGE_SVG,
  RWB_IMAGE_PDF,
} RwbImageFormat;

void     rwb_style_init             (RwbStyle *style);
/* Size in points of a node box holding @label and, under it, @sublabel (may be NULL), as
 * rwb_render_scene draws them. Used by the layout to give Graphviz exact node sizes. */
void     rwb_render_measure_node    (const char *label, const char *sublabel, double *width,
                                     double *height);
/* The label lines the renderer draws for an entity: the name and, if the name is Latin and an
 * Arabic alias is known, that alias (or the reverse). Strings are newly allocated. */
void     rwb_render_entity_labels   (const RwbEntity *entity, char **label, char **sublabel);
/* Viewport that fits the whole scene into width × height device units with a margin. */
void     rwb_viewport_fit           (RwbViewport *viewport, const RwbScene *scene,
                                     double width, double height, double margin);
/* Draws the part of @scene visible in a width × height device area. */
void     rwb_render_scene           (cairo_t *cr, const RwbScene *scene, const RwbStyle *style,
                                     const RwbViewport *viewport, double width, double height);
gboolean rwb_image_format_from_string (const char *str, RwbImageFormat *out);
/* Writes the whole scene to @path at @scale (1.0 = 72 dpi for PNG). */
gboolean rwb_render_to_file         (const RwbScene *scene, const RwbStyle *style,
                                     RwbImageFormat format, double scale, const char *path,
                                     GError **error);

G_END_DECLS
