/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-details-panel.h — what the graph view's selection is and the sentences it comes from. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-session.h"

G_BEGIN_DECLS

#define RWB_TYPE_DETAILS_PANEL (rwb_details_panel_get_type ())
G_DECLARE_FINAL_TYPE (RwbDetailsPanel, rwb_details_panel, RWB, DETAILS_PANEL, GtkWidget)

/**
 * rwb_details_panel_new:
 *
 * Creates a details panel. It follows the selection of the view set with
 * rwb_details_panel_set_session() (or the #RwbDetailsPanel:session property).
 *
 * Returns: (transfer floating): the new widget
 */
GtkWidget      *rwb_details_panel_new            (void);

/**
 * rwb_details_panel_set_session:
 * @self: a details panel
 * @session: (nullable): the session whose selection to describe
 *
 * Sets the session the panel describes and acts on: the panel updates on the session's
 * ::selection-changed and selects in it when a relation or an entity is clicked in the panel.
 */
void rwb_details_panel_set_session (RwbDetailsPanel *self,
                                    RwbSession *session);

/**
 * rwb_details_panel_set_graph:
 * @self: a details panel
 * @graph: (nullable): the graph the view shows
 *
 * Sets the graph the view's selection indexes into, and shows the view's current selection.
 */
void            rwb_details_panel_set_graph      (RwbDetailsPanel *self,
                                                  RwbGraph        *graph);

/**
 * rwb_details_panel_show_entity:
 * @self: a details panel
 * @entity: an entity index of the graph
 *
 * Describes entity @entity: name, type, aliases, relations grouped by type and every
 * sentence it is mentioned in, with its mentions highlighted. The panel calls this itself on
 * selection changes; it is public for tests and for a window without a view.
 */
void            rwb_details_panel_show_entity    (RwbDetailsPanel *self,
                                                  guint            entity);

/**
 * rwb_details_panel_show_relation:
 * @self: a details panel
 * @relation: a relation index of the graph
 *
 * Describes relation @relation: its type, direction, confidence and evidence sentences with
 * both entities highlighted.
 */
void            rwb_details_panel_show_relation  (RwbDetailsPanel *self,
                                                  guint            relation);

/* Signals: "evidence-activated" (guint document, guint start, guint end): the user clicked
 * an evidence sentence; the span is in code points of the document. */

G_END_DECLS
