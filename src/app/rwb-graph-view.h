/* rwb-graph-view.h — the widget that draws a laid-out graph. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-render.h"
#include "rwb-scene.h"

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

G_END_DECLS
