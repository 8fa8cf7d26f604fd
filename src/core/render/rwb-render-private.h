/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-render-private.h — what the renderer's files share: the style's colours
 * (rwb-render-style.c), text shaping and its cache (rwb-render-text.c), paths and the pixel
 * writer (rwb-render-shapes.c), the frame a drawing call works with (rwb-render.c, and
 * rwb-render-xdot.c for imported scenes) and the exporter (rwb-render-export.c). */
#pragma once

#include "rwb-render.h"

#include <pango/pangocairo.h>

G_BEGIN_DECLS

#define RWB_RENDER_DEFAULT_FONT "Noto Sans, Noto Sans Arabic, DejaVu Sans, sans"
#define LABEL_SIZE 11.0
#define SUBLABEL_SIZE 10.0
#define EDGE_LABEL_SIZE 8.5
#define PAD_X 10.0
#define PAD_Y 6.0
#define LINE_GAP 2.0
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
/* Labels longer than this many characters are cut (with "…") for layout and drawing; the
 * graph keeps the whole name and the Details panel shows more of it (rwb_display_name). Shaping
 * a megabyte-long line takes seconds. */
#define RWB_RENDER_MAX_LABEL 200
/* Characters of one line of an imported label (a text operation of Graphviz's xdot). */
#define RWB_RENDER_MAX_TEXT_OP 1000

typedef struct {
  double r, g, b;
} Rgb;

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
  PangoLayout **ops;     /* an imported scene's text operations, shaped as they come into view */
  guint n_ops;
  /* The names placed zoomed out (rwb_render_place_labels), for one scale and one set of hidden
   * nodes and priorities: the tiles of one frame share them. */
  guint8 *placed;        /* n_nodes, or NULL */
  double *placed_cut;    /* n_nodes with placed: the width (label points) a name is cut to, or 0 */
  double placed_scale;
  guint64 placed_key;
  PangoLayout **short_labels; /* n_nodes: a node's name cut to the width drawn zoomed out */
  PangoLayout **cut_labels;   /* n_nodes: a name cut shorter to fit beside its neighbours */
};


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
  double fg_alpha;  /* imported scenes: the foreground's alpha (1) */
  GArray *nodes;  /* visible node indices, ascending */
  GArray *edges;  /* visible edge indices, ascending */
} Frame;

#define PROMINENT (RWB_DRAW_SELECTED | RWB_DRAW_HOVER | RWB_DRAW_EMPHASIS)

/* Colours of the style (rwb-render-style.c). */
void           rwb_render_set_rgb         (cairo_t *cr, Rgb c, double alpha);
Rgb            rwb_render_mix             (Rgb a, Rgb b, double t);
Rgb            rwb_render_background      (const RwbStyle *style);
Rgb            rwb_render_entity_color    (const RwbStyle *style, RwbEntityType type);
Rgb            rwb_render_relation_color  (const RwbStyle *style, RwbRelationType type);

/* Text (rwb-render-text.c). */
PangoContext  *rwb_render_make_context    (void);
PangoLayout   *rwb_render_make_layout     (PangoContext *ctx, const char *family, double size,
                                           gboolean bold, const char *text);
void           rwb_render_layout_size     (PangoLayout *layout, double *width, double *height);
void           rwb_render_cache_bind      (RwbRenderCache *cache, const RwbScene *scene,
                                           const char *family);
const NodeText *rwb_render_cache_node_text (RwbRenderCache *cache, const RwbScene *scene,
                                            guint i);
PangoLayout   *rwb_render_cache_edge_label (RwbRenderCache *cache, RwbRelationType type);
PangoLayout   *rwb_render_cache_op_text   (RwbRenderCache *cache, const RwbScene *scene,
                                           guint op);
void           rwb_render_content_size    (const NodeText *t, double *width, double *height);
/* The name drawn over node @i zoomed out: its label, ellipsized past a width. */
PangoLayout   *rwb_render_cache_short_label (RwbRenderCache *cache, const RwbScene *scene,
                                             guint i);
/* The name of node @i cut with "…" to @width label points, cached while @width holds. */
PangoLayout   *rwb_render_cache_cut_label (RwbRenderCache *cache, const RwbScene *scene,
                                           guint i, double width);
/* The placed names for @scale, from the cache when they are still valid (rwb-render-labels.c). */
const guint8  *rwb_render_cache_placed    (RwbRenderCache *cache, const RwbScene *scene,
                                           const RwbStyle *style, double scale);
/* Device pixels per point (font size 1) of a zoomed-out name at @scale: its layout, shaped at
 * LABEL_SIZE points, is drawn scaled by this. */
double         rwb_render_overview_factor (double scale);
gboolean       rwb_render_has_arabic_letter (const char *s);

/* Paths and pixels (rwb-render-shapes.c). */
void           rwb_render_rounded_rect    (cairo_t *cr, double x, double y, double w, double h,
                                           double r);
void           rwb_render_node_path       (cairo_t *cr, RwbEntityType type, double x, double y,
                                           double w, double h);
void           rwb_render_fill_icon       (cairo_t *cr, RwbEntityType type, double x, double y,
                                           double size);
void           rwb_render_arrowhead_path  (cairo_t *cr, RwbPoint from, RwbPoint tip,
                                           double size);
gboolean       rwb_render_pixels_init     (cairo_t *cr, Pixels *px);
void           rwb_render_pixels_line     (Pixels *px, RwbPoint a, RwbPoint b, Rgb color,
                                           double alpha);
/* Adds the path of operation @op (polygon, polyline, bezier, ellipse) of @scene. */
void           rwb_render_op_path         (cairo_t *cr, const RwbScene *scene,
                                           const RwbDrawOp *op);

/* Drawing an imported scene's operations (rwb-render-xdot.c), called by rwb_render_scene()
 * with the frame set up and the visible items queried. */
void           rwb_render_xdot_frame      (Frame *f);

G_END_DECLS
