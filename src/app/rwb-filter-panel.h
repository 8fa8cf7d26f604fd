/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-filter-panel.h — which entity and relation types, confidences and neighbourhood show. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-session.h"

G_BEGIN_DECLS

#define RWB_TYPE_FILTER_PANEL (rwb_filter_panel_get_type ())
G_DECLARE_FINAL_TYPE (RwbFilterPanel, rwb_filter_panel, RWB, FILTER_PANEL, GtkWidget)

/**
 * rwb_filter_panel_new:
 *
 * Creates a filter panel showing everything.
 *
 * Returns: (transfer floating): the new widget
 */
GtkWidget      *rwb_filter_panel_new                 (void);

/**
 * rwb_filter_panel_set_session:
 * @self: a filter panel
 * @session: (nullable): the session to hide entities and relations in
 *
 * Sets the session the filters apply to (rwb_session_set_hidden()). The neighbourhood filter
 * follows its selection.
 */
void rwb_filter_panel_set_session (RwbFilterPanel *self,
                                   RwbSession *session);

/**
 * rwb_filter_panel_set_graph:
 * @self: a filter panel
 * @graph: (nullable): the graph the view shows
 *
 * Sets the graph to filter and applies the filters to it; the filters themselves stay as the
 * user set them.
 */
void            rwb_filter_panel_set_graph           (RwbFilterPanel *self,
                                                      RwbGraph       *graph);

/**
 * rwb_filter_panel_apply:
 * @self: a filter panel
 *
 * Computes what the filters hide and hands it to the view, and updates the summary line. The
 * panel does this itself on every change; the window calls it after a new layout, which
 * brings a new scene.
 */
void            rwb_filter_panel_apply               (RwbFilterPanel *self);

/**
 * rwb_filter_panel_get_hidden_entities:
 * @self: a filter panel
 *
 * What the last rwb_filter_panel_apply() hid: one boolean per entity of the graph.
 *
 * Returns: (transfer none) (nullable): graph->entities->len booleans, or %NULL with no graph
 */
const gboolean *rwb_filter_panel_get_hidden_entities (RwbFilterPanel *self);

/**
 * rwb_filter_panel_get_hidden_relations:
 * @self: a filter panel
 *
 * What the last rwb_filter_panel_apply() hid: one boolean per relation of the graph, true for
 * relations hidden themselves or through a hidden entity.
 *
 * Returns: (transfer none) (nullable): graph->relations->len booleans, or %NULL with no graph
 */
const gboolean *rwb_filter_panel_get_hidden_relations (RwbFilterPanel *self);

G_END_DECLS
