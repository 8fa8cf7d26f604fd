/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-entity-item.h — one entity of a graph as a list item (for GtkColumnView models). */
#pragma once

#include <glib-object.h>
#include "rwb-graph.h"

G_BEGIN_DECLS

#define RWB_TYPE_ENTITY_ITEM (rwb_entity_item_get_type ())
G_DECLARE_FINAL_TYPE (RwbEntityItem, rwb_entity_item, RWB, ENTITY_ITEM, GObject)

RwbEntityItem *rwb_entity_item_new          (RwbGraph   *graph,
                                             guint       index,
                                             const char *sort_key);
guint          rwb_entity_item_get_index    (RwbEntityItem *self);
const char    *rwb_entity_item_get_name     (RwbEntityItem *self);
RwbEntityType  rwb_entity_item_get_entity_type (RwbEntityItem *self);
guint          rwb_entity_item_get_degree   (RwbEntityItem *self);
guint          rwb_entity_item_get_evidence (RwbEntityItem *self);
void           rwb_entity_item_set_evidence (RwbEntityItem *self,
                                             guint          evidence);
const char    *rwb_entity_item_get_sort_key (RwbEntityItem *self);
/* Betweenness centrality, normalized (0 to 1), once the list computed it; -1 before. */
double         rwb_entity_item_get_centrality (RwbEntityItem *self);
void           rwb_entity_item_set_centrality (RwbEntityItem *self,
                                               double         centrality);

G_END_DECLS
