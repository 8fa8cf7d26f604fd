/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-view-private.h — what the files of the graph view share: its instance struct and
 * the functions one file of it calls in another (rwb-graph-view.c: coordinates, selection and
 * API; -states.c: draw states; -tiles.c: drawing; -input.c: pointer input and tooltips;
 * -actions.c: view.* actions).
 *
 * It also holds the view's input entry points, for its tests: GTK 4.8 has no public way to
 * synthesize pointer events, so each gesture handler of the view is a thin wrapper around one of
 * these functions, and tests/gui/test-view.c calls them with widget coordinates. What a test
 * drives here is exactly what a gesture would run.
 */
#pragma once

#include "rwb-graph-view.h"

#include "rwb-render.h"
#include "rwb-session.h"

G_BEGIN_DECLS

/* Blank space kept around the fitted graph, in pixels. */
#define FIT_MARGIN 24.0
/* Zooming in past 8 device pixels per point shows nothing new; zooming out stops at half the
 * scale that fits the whole graph (or 1/4, for small graphs), where it is a speck. */
#define MAX_SCALE 8.0
#define MIN_SCALE_OF_FIT 0.5
#define MIN_SCALE_CAP 0.25
#define ZOOM_STEP 1.25
/* Pixels per wheel click, and per arrow key press. */
#define SCROLL_STEP 64.0
#define KEY_PAN_STEP 64.0
/* How close the pointer must come to an edge's curve to hover or click it, in pixels. */
#define EDGE_HIT_PX 5.0
/* Tile side in widget pixels; 256 keeps a frame's newly exposed area small while panning. */
#define TILE 256
/* Scene points around the graph's bounds that can still hold ink (halos, edge labels). */
#define INK_MARGIN 64.0
/* A drag-start or -end redrawing more items than this redraws all tiles instead. */
#define MAX_PARTIAL_ITEMS 512

#define PROMINENT (RWB_DRAW_SELECTED | RWB_DRAW_HOVER | RWB_DRAW_EMPHASIS)

/* The legend overlay: pixels in from the view's sides, and how much further clear of content
 * another corner must be before the legend moves there. */
#define LEGEND_MARGIN 12.0
#define LEGEND_HYSTERESIS 24.0

typedef enum {
  PRESS_NONE,
  PRESS_PAN,
  PRESS_NODE,
  PRESS_LEGEND,  /* on the legend: neither a pan nor a node drag; on its chip, a toggle */
} PressKind;

/* One tile of the base picture: its pixels, and a texture sharing them once a GL or Vulkan
 * renderer asked for one. */
typedef struct {
  cairo_surface_t *surface;
  GdkTexture *texture;
} Tile;

/* An edge's geometry as the layout made it, kept when a drag first changes it. */
typedef struct {
  GArray *points;
  gboolean has_head;
  RwbPoint head;
  double label_x, label_y;
} SavedEdge;

struct _RwbGraphView
{
  GtkWidget parent_instance;

  RwbSession *session;         /* what is drawn, selected, hidden and moved */
  RwbScene *scene;             /* the session's (borrowed): the one the lookups are of */
  gboolean recording_move;     /* the view itself is recording a drag in the session */
  RwbViewport viewport;
  /* Once the user zooms or pans, size changes keep their view instead of re-fitting. */
  gboolean user_viewport;
  gboolean dark;
  gboolean show_legend;

  /* Lookups built with the scene. */
  gint *entity_node;           /* graph entity → scene node, -1 */
  guint n_entities;
  gint *relation_edge;         /* graph relation → scene edge, -1 */
  guint n_relations;

  /* Scene indices under the pointer, -1. */
  gint hover_node;
  gint hover_edge;

  /* Draw states, per scene node and edge: the full picture (node_state), the tiled base
   * (hidden and dragged items only) and the per-frame overlay (everything not in it hidden). */
  guint8 *node_state, *edge_state;
  guint8 *base_node_state, *base_edge_state;
  guint8 *overlay_node_state, *overlay_edge_state;
  gboolean has_overlay;
  gboolean veil;               /* a hovered node dims the rest */
  guint entity_type_mask, relation_type_mask;

  /* Tiles of the base picture at tile_scale device pixels per point: (x, y) → Tile. */
  GHashTable *tiles;
  double tile_scale;
  /* After a zoom, the base as one picture of exactly the view (tiles would overhang it by half
   * its area again): whole-device-pixel position (view_x, view_y) of the picture at
   * tile_scale. Panning cuts tiles out of it. */
  Tile *view_tile;
  gboolean view_mode;
  double view_x, view_y;
  RwbRenderCache *render_cache;
  /* The legend: its chip over the panel of types (the chip alone when collapsed), one
   * picture; where it was last drawn, in widget coordinates, for hit testing. */
  gboolean legend_collapsed;
  Tile *legend;
  int legend_width, legend_height;
  gboolean legend_rtl;         /* the direction the picture was made for */
  /* The picture's chip is on the side of the corner it was made for, so that folding and
   * unfolding leave the chip where it was, under the pointer. */
  gboolean legend_left, legend_top;
  double chip_x, chip_y, chip_width, chip_height; /* the chip in the picture */
  gboolean legend_drawn;
  double legend_x, legend_y;
  /* Its corner, -1 before the first frame; recomputed when the viewport, its size or the
   * states (selection, filters) change, not on every frame. */
  int legend_corner;
  double legend_key[8];
  gboolean legend_dirty;
  /* Open (legend_collapsed FALSE) but drawn folded to its chip, because in every corner the
   * panel would hide a node; until the user opens it with a click on the chip
   * (legend_opened), after which it stays open wherever it must go. */
  gboolean legend_auto_folded;
  gboolean legend_opened;
  int legend_open_width, legend_open_height; /* the chip and the panel */
  gboolean press_on_chip;

  /* Pointer. */
  double pointer_x, pointer_y; /* -1 when outside: scroll events carry no position */
  PressKind press;
  gboolean dragging;           /* the press moved past the drag threshold */
  double press_x, press_y;
  GdkModifierType press_state;
  gint drag_node;              /* scene node being moved, -1 */
  double drag_origin_x, drag_origin_y;
  double node_start_x, node_start_y;
  double pinch_scale;
  double pinch_anchor_x, pinch_anchor_y;

  RwbPoint *layout_positions;  /* per scene node, as the layout placed it */

  /* Analysis views (rwb-graph-view-analysis.c), of the graph they were set for: per entity of
   * it, copied; NULL when not set. Per scene node for the renderer, made as needed. */
  RwbGraph *analysis_graph;    /* a reference */
  guint8 *highlight_entities;  /* a path: these stand out, the rest is dimmed */
  guint8 *highlight_relations;
  guint32 *entity_colors;      /* RWB_NODE_COLOR_SET | 0xRRGGBB, or 0 */
  double *entity_sizes;        /* 1 to 2 */
  const RwbScene *analysis_scene; /* what the per-node arrays are for */
  guint32 *node_colors;
  double *node_sizes;
  double *node_priority;
  GHashTable *saved_edges;     /* scene edge → SavedEdge, edges a drag reshaped */

  gint focus_entity;           /* the keyboard focus ring's entity, -1 (rwb-graph-view-focus.c) */
  const void *focus_graph;     /* the graph it is of, only compared: a new graph drops it */
};

/* --- rwb-graph-view.c: coordinates, selection; -states.c: draw states ---------------------- */
void     rwb_graph_view_widget_to_scene     (RwbGraphView *self,
                                             double        x,
                                             double        y,
                                             double       *sx,
                                             double       *sy);
double   rwb_graph_view_min_scale           (RwbGraphView *self);
void     rwb_graph_view_refit               (RwbGraphView *self);
void     rwb_graph_view_zoom_anchor         (RwbGraphView *self,
                                             double       *x,
                                             double       *y);
void     rwb_graph_view_set_scale_at        (RwbGraphView *self,
                                             double        scale,
                                             double        x,
                                             double        y);
void     rwb_graph_view_pan_by              (RwbGraphView *self,
                                             double        dx,
                                             double        dy);
gboolean rwb_graph_view_node_hidden         (RwbGraphView *self,
                                             guint         node);
gboolean rwb_graph_view_edge_hidden         (RwbGraphView *self,
                                             guint         edge);
gboolean rwb_graph_view_entity_filtered     (RwbGraphView *self,
                                             guint         entity);
gboolean rwb_graph_view_is_selected_entity  (RwbGraphView *self,
                                             guint         entity);
/* Recomputes every draw state from filters, selection, hover and drag; queues a frame. */
void     rwb_graph_view_update_states       (RwbGraphView *self);
void     rwb_graph_view_selection_changed   (RwbGraphView *self);
void     rwb_graph_view_set_hover           (RwbGraphView *self,
                                             gint          node,
                                             gint          edge);

/* --- rwb-graph-view-tiles.c: drawing ------------------------------------------------------- */
void     rwb_graph_view_tile_free           (gpointer      data);
/* Forgets every tile (and the view picture) without queueing a frame. */
void     rwb_graph_view_drop_tiles          (RwbGraphView *self);
/* Forgets every tile: the next frame draws the base again. */
void     rwb_graph_view_invalidate          (RwbGraphView *self);
/* Forgets the tiles that show any of @rect (scene points). */
void     rwb_graph_view_invalidate_rect     (RwbGraphView  *self,
                                             const RwbRect *rect);
void     rwb_graph_view_item_rect           (RwbGraphView *self,
                                             gboolean      edge,
                                             guint         i,
                                             RwbRect      *out);
void     rwb_graph_view_snapshot            (GtkWidget    *widget,
                                             GtkSnapshot  *snapshot);
/* What a click on the legend's chip does: opens a folded legend (folded by the user or because
 * no corner was free, and then it stays open), folds an open one. */
void     rwb_graph_view_toggle_legend        (RwbGraphView *self);
/* Whether widget point (x, y) is on the legend as last drawn; @on_chip (may be NULL) whether
 * on its chip. */
gboolean rwb_graph_view_legend_at           (RwbGraphView *self,
                                             double        x,
                                             double        y,
                                             gboolean     *on_chip);

/* --- rwb-graph-view-input.c: pointer input and tooltips ------------------------------------ */
void     rwb_graph_view_init_input          (RwbGraphView *self);
gint     rwb_graph_view_node_at             (RwbGraphView *self,
                                             double        x,
                                             double        y);
gint     rwb_graph_view_edge_at             (RwbGraphView *self,
                                             double        x,
                                             double        y);
/* Keeps @edge's layout geometry before a move first reshapes it. */
void     rwb_graph_view_save_edge           (RwbGraphView *self,
                                             guint         edge);
gboolean rwb_graph_view_query_tooltip       (GtkWidget    *widget,
                                             int           x,
                                             int           y,
                                             gboolean      keyboard_mode,
                                             GtkTooltip   *tooltip);

/* --- rwb-graph-view-analysis.c ------------------------------------------------------------ */
/* Adds the highlight (dims what is not on it) to the draw states. */
void     rwb_graph_view_apply_highlight     (RwbGraphView *self);
/* Fills @style's node colours, sizes and label priorities for the scene. */
void     rwb_graph_view_analysis_style      (RwbGraphView *self,
                                             RwbStyle     *style);
void     rwb_graph_view_clear_analysis      (RwbGraphView *self);
/* The view shows another scene: its per-node arrays go, and the rest with another graph. */
void     rwb_graph_view_analysis_scene_changed (RwbGraphView *self);

/* --- rwb-graph-view-focus.c: the keyboard focus ring on nodes ------------------------------ */
gboolean rwb_graph_view_focus               (GtkWidget        *widget,
                                             GtkDirectionType  direction);
void     rwb_graph_view_snapshot_focus      (RwbGraphView *self,
                                             GtkSnapshot  *snapshot);
void     rwb_graph_view_focus_scene_changed (RwbGraphView *self);
void     rwb_graph_view_install_focus_actions (GtkWidgetClass *widget_class);

/* --- rwb-graph-view-actions.c --------------------------------------------------------------- */
void     rwb_graph_view_install_actions     (GtkWidgetClass *widget_class);
/* Enables the actions that need a scene. */
void     rwb_graph_view_update_actions      (RwbGraphView   *self);

/* --- Test entry points ---------------------------------------------------------------------- */

/* The pointer moved to (x, y) with no button down: hover and tooltip target. */
void         rwb_graph_view_pointer_motion   (RwbGraphView    *self,
                                              double           x,
                                              double           y);
/* The pointer left the view. */
void         rwb_graph_view_pointer_leave    (RwbGraphView    *self);
/* The primary button went down at (x, y) (GtkGestureDrag::drag-begin). */
void         rwb_graph_view_press            (RwbGraphView    *self,
                                              double           x,
                                              double           y,
                                              GdkModifierType  state);
/* The pointer is (@offset_x, @offset_y) from where the button went down (::drag-update). */
void         rwb_graph_view_drag_to          (RwbGraphView    *self,
                                              double           offset_x,
                                              double           offset_y);
/* The button came up (::drag-end); under the drag threshold this is a click. */
void         rwb_graph_view_release          (RwbGraphView    *self,
                                              double           offset_x,
                                              double           offset_y);
/* A scroll event (GtkEventControllerScroll::scroll): Ctrl zooms at the pointer, else pans. */
gboolean     rwb_graph_view_scroll           (RwbGraphView    *self,
                                              double           dx,
                                              double           dy,
                                              GdkScrollUnit    unit,
                                              GdkModifierType  state);
/* A pinch: @scale relative to when it began, centred at (x, y) (GtkGestureZoom). */
void         rwb_graph_view_pinch_begin      (RwbGraphView    *self,
                                              double           x,
                                              double           y);
void         rwb_graph_view_pinch            (RwbGraphView    *self,
                                              double           scale,
                                              double           x,
                                              double           y);
/* The text the tooltip shows at (x, y), or NULL where there is none. */
char        *rwb_graph_view_tooltip_text_at  (RwbGraphView    *self,
                                              double           x,
                                              double           y);
/* Per scene node / edge RwbDrawState flags of the whole picture as drawn. */
const guint8 *rwb_graph_view_get_node_states (RwbGraphView    *self,
                                              guint           *n_nodes);
const guint8 *rwb_graph_view_get_edge_states (RwbGraphView    *self,
                                              guint           *n_edges);
/* Where the legend and its chip were last drawn (widget coordinates); FALSE when it was not. */
gboolean     rwb_graph_view_get_legend_rect  (RwbGraphView    *self,
                                              graphene_rect_t *legend,
                                              graphene_rect_t *chip);
/* Zoom limits the view clamps to, device pixels per scene point. */
void         rwb_graph_view_get_zoom_range   (RwbGraphView    *self,
                                              double          *min_scale,
                                              double          *max_scale);

G_END_DECLS
