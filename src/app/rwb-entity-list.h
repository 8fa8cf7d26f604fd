/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-entity-list.h — every entity of the graph in a sortable table. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-session.h"

G_BEGIN_DECLS

#define RWB_TYPE_ENTITY_LIST (rwb_entity_list_get_type ())
G_DECLARE_FINAL_TYPE (RwbEntityList, rwb_entity_list, RWB, ENTITY_LIST, GtkWidget)

/**
 * rwb_entity_list_new:
 *
 * Creates an empty entity list.
 *
 * Returns: (transfer floating): the new widget
 */
GtkWidget  *rwb_entity_list_new            (void);

/**
 * rwb_entity_list_set_session:
 * @self: an entity list
 * @session: (nullable): the session to select and reveal entities in
 *
 * Sets the session in which selecting a row selects the entity and brings it into sight
 * (rwb_session_reveal_entity). The list follows the session's selection in turn.
 */
void rwb_entity_list_set_session (RwbEntityList *self,
                                  RwbSession *session);

/**
 * rwb_entity_list_set_graph:
 * @self: an entity list
 * @graph: (nullable): the graph to list
 *
 * Lists the entities of @graph: name, type and number of relations (co-occurrences not
 * counted), sorted by name in the collation order of the user's language until a column
 * header is clicked.
 */
void        rwb_entity_list_set_graph      (RwbEntityList *self,
                                            RwbGraph      *graph);

/**
 * rwb_entity_list_get_model:
 * @self: an entity list
 *
 * The rows as shown, in their current sort order.
 *
 * Returns: (transfer none): a list model of #RwbEntityItem
 */
GListModel *rwb_entity_list_get_model      (RwbEntityList *self);

G_END_DECLS
