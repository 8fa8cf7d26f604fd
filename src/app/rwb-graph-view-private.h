/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-view-private.h — the graph view's input entry points, for its tests.
 *
 * GTK 4.8 has no public way to synthesize pointer events, so each gesture handler of the view
 * is a thin wrapper around one of these functions, and tests/gui/test-view.c calls them with
 * widget coordinates. What a test drives here is exactly what a gesture would run.
 */
#pragma once

#include "rwb-graph-view.h"

G_BEGIN_DECLS

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
/* Zoom limits the view clamps to, device pixels per scene point. */
void         rwb_graph_view_get_zoom_range   (RwbGraphView    *self,
                                              double          *min_scale,
                                              double          *max_scale);

G_END_DECLS
