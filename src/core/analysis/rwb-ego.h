/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-ego.h — an entity and its neighbourhood: the entities within N steps of a set, and the
 * subgraph they span, to be laid out afresh ("Focus on entity"). */
#pragma once

#include "rwb-analysis-graph.h"

G_BEGIN_DECLS

/* The included entities within @depth steps of @seeds (breadth-first over the snapshot's
 * counted relations): the seeds first (distance 0), then by distance, within a distance by
 * entity index. @distances (nullable) gets the distance of each, in the same order. O(size of
 * the neighbourhood and its relations). Errors: RWB_ANALYSIS_ERROR_INVALID_ENTITY for a seed
 * out of range or hidden.
 * Returns: (transfer full) (element-type guint) (nullable): entity indices */
GArray   *rwb_analysis_ego          (RwbAnalysisGraph *ag, const guint *seeds, guint n_seeds,
                                     guint depth, GArray **distances, GError **error);

/* A new graph of @entities of @graph (in that order: entity i of the result is @entities[i])
 * with every relation of @graph among them, whatever its type, and the documents their
 * mentions and evidence point to. Entities, relations and documents are copies (ids, aliases,
 * mentions, evidence, attributes and texts), so the result lives on its own. Errors:
 * RWB_ANALYSIS_ERROR_INVALID_ENTITY for an index out of range or given twice.
 * Returns: (transfer full) (nullable) */
RwbGraph *rwb_analysis_subgraph     (RwbGraph *graph, const guint *entities, guint n_entities,
                                     GError **error);

G_END_DECLS
