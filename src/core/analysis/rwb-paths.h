/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-paths.h — how two entities are connected: the k shortest simple paths between them.
 *
 * Yen's algorithm over a shortest-path search: breadth-first when paths are measured in
 * relations (RWB_PATH_BY_COUNT), Dijkstra's when they are measured by evidence
 * (RWB_PATH_BY_EVIDENCE: a step between two entities costs 1 / its evidence count, so pairs
 * many sentences support are short). Every hop carries the relations behind it, so the UI can
 * list their evidence.
 */
#pragma once

#include "rwb-analysis-graph.h"

G_BEGIN_DECLS

typedef enum {
  RWB_PATH_BY_COUNT,      /* fewest relations */
  RWB_PATH_BY_EVIDENCE,   /* least Σ 1 / evidence */
} RwbPathCost;

typedef struct {
  guint from;             /* entity index */
  guint to;               /* entity index */
  guint n_relations;
  guint *relations;       /* indices into graph->relations joining from and to (counted by the
                           * snapshot's options), the most evidence first */
  double evidence;        /* their evidence count, added up */
} RwbPathHop;

typedef struct {
  guint n_hops;
  RwbPathHop *hops;       /* [n_hops]: hops[0].from is the source, hops[n_hops - 1].to the target */
  double cost;            /* hops (by count) or Σ 1 / max (1, evidence) (by evidence) */
} RwbPath;

/* Up to @k shortest simple paths (no entity twice) from @source to @target, shortest first;
 * paths of equal cost in a fixed order (fewer hops, then entity indices). Empty when the two
 * are not connected. O(k L (V + E)) breadth-first, times log V by evidence, for paths of L
 * hops. Errors: RWB_ANALYSIS_ERROR_INVALID_ENTITY (out of range, hidden, or @source ==
 * @target), G_IO_ERROR_CANCELLED.
 * Returns: (transfer full) (element-type RwbPath) (nullable): the paths */
GPtrArray *rwb_analysis_paths        (RwbAnalysisGraph *ag, guint source, guint target, guint k,
                                      RwbPathCost cost, GCancellable *cancellable,
                                      GError **error);
/* The same in a worker thread (the task holds a reference on @ag). */
void       rwb_analysis_paths_async  (RwbAnalysisGraph *ag, guint source, guint target, guint k,
                                      RwbPathCost cost, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
/* Returns: (transfer full) (element-type RwbPath) (nullable) */
GPtrArray *rwb_analysis_paths_finish (GAsyncResult *result, GError **error);

void       rwb_path_free             (RwbPath *path);
/* The entities of @path in order, source to target: n_hops + 1 of them.
 * Returns: (transfer full) (array length=n_entities) */
guint     *rwb_path_get_entities     (const RwbPath *path, guint *n_entities);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbPath, rwb_path_free)

G_END_DECLS
