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

/* How one node or edge is drawn, beyond its type: flags in RwbStyle's state arrays. */
typedef enum {
  RWB_DRAW_HIDDEN   = 1 << 0, /* not drawn (filtered out); an edge of a hidden node is hidden */
  RWB_DRAW_DIMMED   = 1 << 1, /* faded towards the background, no label */
  RWB_DRAW_SELECTED = 1 << 2, /* thick outline and a halo in its own colour; edges labelled */
  RWB_DRAW_HOVER    = 1 << 3, /* under the pointer: stronger outline; edges labelled */
  RWB_DRAW_EMPHASIS = 1 << 4, /* next to what is hovered: a little stronger; edges labelled */
} RwbDrawState;

typedef struct _RwbRenderCache RwbRenderCache;

typedef struct {
  gboolean dark;             /* dark palette (GUI in a dark theme) */
  gboolean show_mentions;    /* draw co-occurrence edges (dashed) */
  gboolean transparent;      /* no background fill */
  gint highlight_node;       /* scene node index drawn as selected, or -1 (older API; the same
                              * as RWB_DRAW_SELECTED in node_state) */
  const char *font_family;   /* NULL: "Noto Sans, DejaVu Sans, sans" */
  const guint8 *node_state;  /* per scene node, RwbDrawState flags; NULL: all plain */
  const guint8 *edge_state;  /* per scene edge, RwbDrawState flags; NULL: all plain */
  double edge_label_scale;   /* plain edges are labelled from this zoom on (1.2 by default;
                              * 0: whenever legible); hovered, selected and emphasized edges
                              * always are */
  RwbRenderCache *cache;     /* text layouts kept between calls for one scene, or NULL */
} RwbStyle;

typedef enum {
  RWB_IMAGE_PNG,
  RWB_IMAGE_SVG,
  RWB_IMAGE_PDF,
} RwbImageFormat;

void     rwb_style_init             (RwbStyle *style);
/* A cache of shaped labels for drawing one scene many times (a view redrawing as it pans):
 * without one, every call shapes every visible label again. Tied to the first scene it is used
 * with; rwb_render_cache_reset() before using it with another. Use from one thread. */
RwbRenderCache *rwb_render_cache_new   (void);
void            rwb_render_cache_reset (RwbRenderCache *cache);
void            rwb_render_cache_free  (RwbRenderCache *cache);
/* Size in points of a node box holding the type icon, @label and, under it, @sublabel (may be
 * NULL), as rwb_render_scene draws them. Used by the layout to give Graphviz exact node sizes. */
void     rwb_render_measure_node    (const char *label, const char *sublabel, double *width,
                                     double *height);
/* The label lines the renderer draws for an entity: the name and, if the name is Latin and an
 * Arabic alias is known, that alias (or the reverse). Strings are newly allocated. */
void     rwb_render_entity_labels   (const RwbEntity *entity, char **label, char **sublabel);
/* Viewport that fits the whole scene into width × height device units with a margin. */
void     rwb_viewport_fit           (RwbViewport *viewport, const RwbScene *scene,
                                     double width, double height, double margin);
/* Draws the part of @scene visible in a width × height device area, honouring the style's
 * per-item states. Level of detail follows the zoom: labels only where they are legible, and
 * when zoomed far out, shapes and edges of a type drawn together, edges as straight lines. */
void     rwb_render_scene           (cairo_t *cr, const RwbScene *scene, const RwbStyle *style,
                                     const RwbViewport *viewport, double width, double height);
/* Draws a legend at (x, y) in device units (unscaled): one row per entity type in
 * @entity_type_mask (bit 1 << RwbEntityType: shape, icon, name) and per relation type in
 * @relation_type_mask (colour line, dashed for mention, arrow for directed types, name), on a
 * rounded panel. Stores its size in @width and @height; with @cr NULL it only measures. */
void     rwb_render_legend          (cairo_t *cr, const RwbStyle *style, double x, double y,
                                     guint entity_type_mask, guint relation_type_mask,
                                     double *width, double *height);
/* The colour the renderer uses for the background, for callers drawing around the scene. */
void     rwb_render_background_rgb  (const RwbStyle *style, double *r, double *g, double *b);
/* Share (0..1) of the background mixed into a dimmed item's colours. */
#define RWB_RENDER_DIM 0.72
gboolean rwb_image_format_from_string (const char *str, RwbImageFormat *out);
/* Writes the whole scene to @path at @scale (1.0 = 72 dpi for PNG). */
gboolean rwb_render_to_file         (const RwbScene *scene, const RwbStyle *style,
                                     RwbImageFormat format, double scale, const char *path,
                                     GError **error);

G_END_DECLS
