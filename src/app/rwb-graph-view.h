/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-view.h — the widget that draws a laid-out graph. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-render.h"
#include "rwb-scene.h"
#include "rwb-session.h"

G_BEGIN_DECLS

#define RWB_TYPE_GRAPH_VIEW (rwb_graph_view_get_type ())
G_DECLARE_FINAL_TYPE (RwbGraphView, rwb_graph_view, RWB, GRAPH_VIEW, GtkWidget)

/**
 * rwb_graph_view_new:
 *
 * Creates an empty graph view. It draws nothing until a scene is set with
 * rwb_graph_view_set_scene().
 *
 * Returns: (transfer floating): the new widget
 */
GtkWidget      *rwb_graph_view_new               (void);

/**
 * rwb_graph_view_set_session:
 * @self: a graph view
 * @session: (transfer none) (nullable): the session to draw; %NULL gives the view a new,
 *   empty session of its own
 *
 * Makes the view draw @session's scene and show and change its selection, filters and
 * positions. Every view has a session; one made with rwb_graph_view_new() has its own until
 * another is set.
 */
void            rwb_graph_view_set_session       (RwbGraphView *self,
                                                  RwbSession   *session);
/**
 * rwb_graph_view_get_session:
 * @self: a graph view
 *
 * Returns: (transfer none): the session the view draws
 */
RwbSession     *rwb_graph_view_get_session       (RwbGraphView *self);
/**
 * rwb_graph_view_set_scene:
 * @self: a graph view
 * @scene: (transfer full) (nullable): the scene to draw, or %NULL to clear the view
 *
 * Replaces the drawn scene and fits it to the widget again (a new layout is a new picture, so a
 * zoom the user chose for the old one does not carry over). The view owns @scene; the graph the
 * scene borrows (`scene->graph`) must stay alive until the scene is replaced or cleared.
 */
void            rwb_graph_view_set_scene         (RwbGraphView *self,
                                                  RwbScene     *scene);

/**
 * rwb_graph_view_get_scene:
 * @self: a graph view
 *
 * Returns the scene being drawn.
 *
 * Returns: (transfer none) (nullable): the scene, or %NULL when the view is empty
 */
const RwbScene *rwb_graph_view_get_scene         (RwbGraphView *self);

/**
 * rwb_graph_view_set_show_mentions:
 * @self: a graph view
 * @show_mentions: whether to draw co-occurrence (`mention`) edges
 *
 * Sets whether co-occurrence edges are drawn (they are only in the scene when the layout was
 * run with them).
 */
void            rwb_graph_view_set_show_mentions (RwbGraphView *self,
                                                  gboolean      show_mentions);

/**
 * rwb_graph_view_get_show_mentions:
 * @self: a graph view
 *
 * Returns whether co-occurrence edges are drawn.
 *
 * Returns: the value of #RwbGraphView:show-mentions
 */
gboolean        rwb_graph_view_get_show_mentions (RwbGraphView *self);

/**
 * rwb_graph_view_get_dark:
 * @self: a graph view
 *
 * Returns whether the view draws with the dark palette, which it picks from the luminance of
 * the theme's foreground colour.
 *
 * Returns: %TRUE in a dark theme
 */
gboolean        rwb_graph_view_get_dark          (RwbGraphView *self);

/**
 * rwb_graph_view_get_viewport:
 * @self: a graph view
 * @viewport: (out): where to store the viewport
 *
 * Stores the mapping from scene points to widget pixels that the last frame used.
 */
void            rwb_graph_view_get_viewport      (RwbGraphView *self,
                                                  RwbViewport  *viewport);

/* --- Interaction API (issue "interactive viewer") ------------------------------------------
 * Entities and relations are named by their index in the graph (scene->graph->entities /
 * ->relations), not by scene node index, so panels need not know the scene. */

/**
 * rwb_graph_view_get_selected_entities:
 * Returns: (transfer full): a new GArray of guint entity indices, in selection order
 */
GArray         *rwb_graph_view_get_selected_entities (RwbGraphView *self);
/**
 * rwb_graph_view_get_selected_relation:
 * Returns: the relation index of the selected edge, or -1
 */
gint            rwb_graph_view_get_selected_relation (RwbGraphView *self);
/**
 * rwb_graph_view_select_entity:
 * Selects entity @entity (replacing the selection unless @add), emits ::selection-changed.
 * @entity -1 clears the selection.
 */
void            rwb_graph_view_select_entity     (RwbGraphView *self,
                                                  gint          entity,
                                                  gboolean      add);
/**
 * rwb_graph_view_select_relation:
 * Selects one relation (edge), emits ::selection-changed.
 */
void            rwb_graph_view_select_relation   (RwbGraphView *self,
                                                  guint         relation);
/**
 * rwb_graph_view_center_on_entity:
 * Scrolls (animated or not) so the entity's node is at the centre, keeping the zoom.
 */
void            rwb_graph_view_center_on_entity  (RwbGraphView *self,
                                                  guint         entity);
/**
 * rwb_graph_view_set_hidden:
 * Hides entities and relations (filters). @hidden_entities / @hidden_relations are arrays of
 * graph->entities->len / graph->relations->len booleans (copied), or NULL for none hidden. A
 * hidden entity hides its edges too.
 */
void            rwb_graph_view_set_hidden        (RwbGraphView   *self,
                                                  const gboolean *hidden_entities,
                                                  const gboolean *hidden_relations);
/**
 * rwb_graph_view_get_moved_positions:
 * Returns: (transfer full): entity index → (RwbPoint *) moved by the user (scene points), for
 * the window to keep across a new layout; may be empty.
 */
GHashTable     *rwb_graph_view_get_moved_positions (RwbGraphView *self);
/**
 * rwb_graph_view_reset_positions:
 * Forgets positions the user dragged nodes to (action view.reset-positions).
 */
void            rwb_graph_view_reset_positions   (RwbGraphView *self);

/**
 * rwb_graph_view_get_focus_entity:
 * Returns: the entity whose node has the keyboard focus ring, or -1
 */
gint            rwb_graph_view_get_focus_entity  (RwbGraphView *self);

/* Signals: "selection-changed" (no arguments), emitted on every selection change, from the
 * user or from the API; "context-menu" (double x, double y), the keyboard asking for the
 * focused node's menu. Keyboard focus: Tab / Shift+Tab move a focus ring through the nodes in
 * reading order (then on out of the view), the arrow keys to the nearest node in their
 * direction (view.focus-move "(ii)"), Enter or Space select it (view.activate-focus "b", Ctrl
 * adds), Menu or Shift+F10 emit "context-menu" (view.context-menu); the view's accessible
 * description names the focused node, its type and relation count. Actions installed on the
 * widget, with the keys bound to them while the view has the focus: view.zoom-in (+, Ctrl++),
 * view.zoom-out (-, Ctrl+-), view.zoom-reset (1:1; 0, Ctrl+0), view.fit (F), view.pan "(dd)"
 * in steps of 64 px (Ctrl+arrow keys),
 * view.reset-positions, view.clear-selection (Esc), view.show-legend (stateful, the
 * "show-legend" property, default on), view.legend-collapsed (the "legend-collapsed"
 * property: only the legend's chip). Pointer: drag empty space or scroll to pan, Ctrl+scroll
 * or pinch to zoom at the pointer, click to select, Ctrl+click to add or remove, drag a node to
 * move it; a click on the legend's chip folds or unfolds it. The legend sits in the corner of
 * the view where it hides the least. */

/* --- Analysis views (issue 13). Arrays are per entity of @graph (copied); a later scene of
 * another graph drops them. */

/**
 * rwb_graph_view_set_highlight:
 * @graph: the graph the indices are of
 * @entities: (nullable): per entity, whether it stands out
 * @relations: (nullable): per relation, whether it stands out
 *
 * Makes what is set stand out (a path between two entities) and dims the rest; both %NULL
 * clears it.
 */
void            rwb_graph_view_set_highlight     (RwbGraphView  *self,
                                                  RwbGraph      *graph,
                                                  const guint8  *entities,
                                                  const guint8  *relations);
/* Whether a highlight is shown. */
gboolean        rwb_graph_view_has_highlight     (RwbGraphView  *self);
/**
 * rwb_graph_view_set_entity_colors:
 * @colors: (nullable): per entity, RWB_NODE_COLOR_SET | 0xRRGGBB (communities), or 0 for its
 *   type's colour; %NULL: colours by type
 */
void            rwb_graph_view_set_entity_colors (RwbGraphView  *self,
                                                  RwbGraph      *graph,
                                                  const guint32 *colors);
/**
 * rwb_graph_view_set_entity_sizes:
 * @sizes: (nullable): per entity, the drawn size of its node, 1 to 2 (centrality); the larger
 *   ones also keep their names first when zoomed out. %NULL: all 1
 */
void            rwb_graph_view_set_entity_sizes  (RwbGraphView  *self,
                                                  RwbGraph      *graph,
                                                  const double  *sizes);

/**
 * rwb_graph_view_item_at:
 * @self: a graph view
 * @x: widget x
 * @y: widget y
 * @entity: (out): the entity index of the node there, or -1
 * @relation: (out): the relation index of the edge there (when no node is), or -1
 *
 * Returns: whether a visible node or edge is at (@x, @y)
 */
gboolean        rwb_graph_view_item_at           (RwbGraphView *self,
                                                  double        x,
                                                  double        y,
                                                  gint         *entity,
                                                  gint         *relation);

G_END_DECLS
