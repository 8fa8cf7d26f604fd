/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-render.h — draws a scene with cairo and pango.
 *
 * One renderer for the window and for PNG/SVG/PDF files, so exports match the screen. The
 * viewport maps scene points to device units: device = (scene - origin) * scale.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>
#include "rwb-save.h"
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

/* One line of text the renderer would draw, handed to RwbStyle's text_sink instead (SVG export
 * writes them as <text> elements, so the file keeps real, selectable, searchable text). */
typedef struct {
  const char *text;      /* the line, UTF-8 */
  double x, y;           /* device units: the horizontal centre of the line and its baseline */
  double size;           /* font size in device units */
  gboolean bold;
  gboolean rtl;          /* pango resolved the line right to left */
  const char *family;    /* font family list ("Noto Sans, DejaVu Sans, sans"), may be NULL */
  double r, g, b, a;     /* colour */
} RwbTextItem;

typedef void (*RwbTextSink) (const RwbTextItem *item, gpointer user_data);

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
  RwbTextSink text_sink;     /* NULL: text is drawn; else every text line goes here instead */
  gpointer text_sink_data;
  /* Analysis views (all per scene node, NULL for none): */
  const double *node_priority; /* which names are kept when zoomed out, highest first (NULL:
                                * by relation count) */
  const guint32 *node_color;   /* RWB_NODE_COLOR_SET | 0xRRGGBB: the node's colour instead of
                                * its type's (communities); 0: its type's */
  const double *node_scale;    /* drawn size of the node box and name, 1 to 2 (centrality) */
  gboolean rtl;                /* the legend's rows read right to left (swatch on the right) */
} RwbStyle;

#define RWB_NODE_COLOR_SET 0x1000000u
/* Below this many device pixels a node's own name is not drawn inside it; zoomed out, the
 * names that fit are drawn at this size over their nodes, most important first, none over
 * another (rwb_render_place_labels). */
#define RWB_RENDER_MIN_LABEL_PX 8.5

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
/* @text cut to the length labels are drawn at (200 characters and "…"); newly allocated. */
char    *rwb_render_cap_label       (const char *text);
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
/* The corners a legend overlay can take; "start" is where lines start (left, or right in a
 * right-to-left locale). */
typedef enum {
  RWB_LEGEND_BOTTOM_START,
  RWB_LEGEND_BOTTOM_END,
  RWB_LEGEND_TOP_END,
  RWB_LEGEND_TOP_START,
  RWB_LEGEND_N_CORNERS
} RwbLegendCorner;

/* Something the legend would hide, and how much hiding it costs (1 for a plain node). */
typedef struct {
  RwbRect rect;
  double weight;
} RwbOccupied;

/* How much hiding a node costs the legend: a node with more relations weighs more (a hub hidden
 * hides the lines of all its neighbours), one selected or highlighted far more, a dimmed one
 * less. @state is the node's RWB_DRAW_* flags; a hidden node weighs nothing. */
double   rwb_legend_node_weight     (guint degree, guint state);
/* The width × height rectangle at @corner of @area, @margin in from its sides. */
void     rwb_legend_corner_rect     (const RwbRect *area, double width, double height,
                                     double margin, gboolean rtl, RwbLegendCorner corner,
                                     RwbRect *out);
/* The corner of @area where a width × height legend hides the least of @occupied (the sum of
 * the weights of the rectangles it meets; all in the same units). @current is the corner it is
 * in now, or -1: another corner wins only when it is better even grown by @hysteresis on every
 * side, and a tie keeps @current (else the earliest corner of RwbLegendCorner). A pure
 * function: the view gathers @occupied from its spatial index. */
RwbLegendCorner rwb_legend_choose_corner (const RwbRect *area, double width, double height,
                                          double margin, gboolean rtl,
                                          const RwbOccupied *occupied, guint n_occupied,
                                          int current, double hysteresis);
/* Whether some corner of @area holds a width × height legend meeting none of @occupied: when
 * none does, the view folds its legend to the chip. */
gboolean rwb_legend_has_free_corner (const RwbRect *area, double width, double height,
                                     double margin, gboolean rtl, const RwbOccupied *occupied,
                                     guint n_occupied);
/* Draws (or with @cr NULL, measures) the chip that heads the view's legend: @label and an
 * arrow pointing down when open, the way lines read when @collapsed; mirrored when @rtl. */
void     rwb_render_legend_chip     (cairo_t *cr, const RwbStyle *style, double x, double y,
                                     const char *label, gboolean collapsed, gboolean rtl,
                                     double *width, double *height);
/* The names drawn zoomed out at @scale (device units per point), when a node's own label would
 * be smaller than RWB_RENDER_MIN_LABEL_PX: @placed[i] (one per scene node) is set to 1 for each
 * node whose name is drawn over it at that size, and @plate_widths[i] (may be NULL) to the width
 * in device units of the plate it is drawn on, centred on the node. A node whose box can hold
 * its name cut with "…" to a few letters always gets that much; then, in priority order
 * (@style's node_priority, else relation count), each name gets the widest plate up to its whole
 * length that overlaps no name placed before it and no other box's share. Nodes hidden in
 * @style's node_state get none. Returns how many are placed. Up to
 * RWB_RENDER_MAX_PLACED_LABELS candidates are tried. */
#define RWB_RENDER_MAX_PLACED_LABELS 600
guint    rwb_render_place_labels    (const RwbScene *scene, const RwbStyle *style, double scale,
                                     guint8 *placed, double *plate_widths);
/* Where the label of scene edge @edge is drawn, a @width × @height plate (scene points) centred
 * at (*@x, *@y): Graphviz's place when the plate meets no node drawn (@style's node_state hides,
 * its node_scale grows them), else the first free place along the edge's line from its middle
 * outwards. FALSE when there is none: the label is left out (hovered or selected it is drawn
 * at Graphviz's place, *@x and *@y). */
gboolean rwb_render_edge_label_place (const RwbScene *scene, const RwbStyle *style, guint edge,
                                      double width, double height, double *x, double *y);
/* Whether @scale draws node names inside the nodes (else rwb_render_place_labels applies). */
gboolean rwb_render_full_labels     (double scale);
/* The colour the renderer uses for the background, for callers drawing around the scene. */
void     rwb_render_background_rgb  (const RwbStyle *style, double *r, double *g, double *b);
/* Share (0..1) of the background mixed into a dimmed item's colours. */
#define RWB_RENDER_DIM 0.72
gboolean rwb_image_format_from_string (const char *str, RwbImageFormat *out);
/* Writes the whole scene to @path at @scale (1.0 = 72 dpi for PNG): rwb_render_export() with
 * @style's palette, background, mentions and font. */
gboolean rwb_render_to_file         (const RwbScene *scene, const RwbStyle *style,
                                     RwbImageFormat format, double scale, const char *path,
                                     GError **error);
/* Draws @layout at the current point like pango_cairo_show_layout(), or, when @style has a
 * text_sink, hands its lines to the sink instead (for renderers of other scene kinds, so their
 * text also becomes SVG <text>). */
void     rwb_render_show_layout     (cairo_t *cr, const RwbStyle *style, PangoLayout *layout);

/* --- Export ------------------------------------------------------------------------------- */

typedef enum {
  RWB_EXPORT_WHOLE,      /* the whole scene, with a margin */
  RWB_EXPORT_VISIBLE,    /* the scene rectangle @visible (what a view shows) */
  RWB_EXPORT_SELECTION,  /* the selected entities and the edges among them, cropped to them */
} RwbExportScope;

/* What rwb_render_export() writes. Arrays and strings are borrowed: they must outlive the
 * call (rwb_export_options_copy() makes an owning copy for another thread). */
typedef struct {
  RwbImageFormat format;
  RwbExportScope scope;
  RwbRect visible;                  /* RWB_EXPORT_VISIBLE: scene points */
  const guint *selection;           /* RWB_EXPORT_SELECTION: entity indices (graph) */
  guint n_selection;
  double scale;                     /* device units per scene point (PNG: 1 = 72 dpi); 2 */
  gboolean page_fit;                /* PDF: one A4 landscape page, the picture fitted in it */
  gboolean transparent;             /* no background fill (PNG alpha 0, SVG/PDF no rectangle) */
  gboolean dark;                    /* dark palette; FALSE (the default) prints well */
  gboolean show_mentions;           /* draw co-occurrence edges */
  gboolean legend;                  /* a legend of the types drawn, right of the picture */
  const char *title;                /* drawn at the top, or NULL */
  const gboolean *hidden_entities;  /* per graph entity, or NULL: filtered out, not drawn */
  guint n_hidden_entities;
  const gboolean *hidden_relations; /* per graph relation, or NULL */
  guint n_hidden_relations;
  const char *font_family;          /* NULL: the renderer's default */
  RwbSaveFlags save_flags;          /* RWB_SAVE_OVERWRITE_READ_ONLY: replace a read-only file */
} RwbExportOptions;

/* Defaults: PNG, whole scene, scale 2, light, solid background, no legend or title. */
void              rwb_export_options_init  (RwbExportOptions *options);
/* A newly allocated copy owning copies of every array and string; free with
 * rwb_export_options_free(), which must only be given such copies. */
RwbExportOptions *rwb_export_options_copy  (const RwbExportOptions *options);
void              rwb_export_options_free  (RwbExportOptions *options);
/* Whether two option sets would write the same file (arrays compared by content). */
gboolean          rwb_export_options_equal (const RwbExportOptions *a, const RwbExportOptions *b);
/* The size in device units (PNG: pixels, SVG/PDF: points) of the picture @options describe,
 * or FALSE with @error set when there is nothing to draw (an empty selection). */
gboolean          rwb_export_get_size      (const RwbScene *scene, const RwbExportOptions *options,
                                            double *width, double *height, GError **error);
/* Renders @scene as @options say and writes it to @path atomically through rwb_save_file: the
 * file is written next to @path under a temporary name and renamed over it, so on any error an
 * existing @path is left as it was; a read-only @path is refused unless @options->save_flags
 * says otherwise. SVG output keeps every label as a <text> element. */
gboolean          rwb_render_export        (const RwbScene *scene, const RwbExportOptions *options,
                                            const char *path, GError **error);
/* The same in a worker thread, on deep copies of @scene and @options (the caller may change or
 * free both at once). */
void              rwb_render_export_async  (const RwbScene *scene, const RwbExportOptions *options,
                                            const char *path, GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data);
gboolean          rwb_render_export_finish (GAsyncResult *result, GError **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbExportOptions, rwb_export_options_free)

G_END_DECLS
