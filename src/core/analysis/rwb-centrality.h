/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-centrality.h — who is central: degree, weighted degree and betweenness.
 *
 * Degree and weighted degree (evidence count) are part of the snapshot (RwbAnalysisGraph's
 * degree and weighted_degree). Betweenness counts, for each entity, the shortest paths between
 * other entities that pass through it (Brandes' algorithm, unweighted, relations as undirected
 * edges); from RWB_BETWEENNESS_EXACT_LIMIT entities on it is estimated from the shortest-path
 * trees of a random sample of pivots (Brandes and Pich 2007), and the result says so and how
 * many were used.
 */
#pragma once

#include "rwb-analysis-graph.h"

G_BEGIN_DECLS

/* From this many entities (not hidden) on, betweenness is sampled by default. */
#define RWB_BETWEENNESS_EXACT_LIMIT 5000
/* Pivots of a sampled betweenness by default: on a generated graph of 20,000 entities they
 * find 9 or 10 of the 10 most central, within 4–8 % on average, in about a second. */
#define RWB_BETWEENNESS_DEFAULT_PIVOTS 1024

/* All zero (or NULL) is the default. */
typedef struct {
  guint exact_limit;        /* sampled from this many included entities on; 0: the default */
  guint n_pivots;           /* pivots when sampled; 0: the default. At least the number of
                             * included entities: exact */
  guint32 seed;             /* the pivots are drawn from a generator seeded with it; 0 is 1 */
} RwbBetweennessOptions;

typedef struct {
  guint n_nodes;            /* as the snapshot's */
  double *values;           /* [n_nodes]: shortest paths between pairs of other entities
                             * through each entity, each pair counted once and split among
                             * its equal shortest paths; 0 for hidden entities. An estimate
                             * (the expected value is exact) when sampled */
  double max;               /* the largest value */
  guint n_included;         /* entities taking part */
  guint n_sources;          /* shortest-path trees computed: n_included when exact, the
                             * pivots when sampled */
  gboolean sampled;
} RwbBetweenness;

/* Betweenness of every node of @ag. O(V E) exact; O(k E) for k pivots when sampled. Checks
 * @cancellable after each shortest-path tree. Returns: (transfer full) (nullable): the result,
 * or NULL with @error set (G_IO_ERROR_CANCELLED) */
RwbBetweenness *rwb_analysis_betweenness        (RwbAnalysisGraph *ag,
                                                 const RwbBetweennessOptions *options,
                                                 GCancellable *cancellable, GError **error);
/* The same in a worker thread (the task holds a reference on @ag); @progress (nullable) is
 * called on this thread's main context, @progress_data must live until @callback. */
void            rwb_analysis_betweenness_async  (RwbAnalysisGraph *ag,
                                                 const RwbBetweennessOptions *options,
                                                 RwbAnalysisProgressFunc progress,
                                                 gpointer progress_data,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer user_data);
/* Returns: (transfer full) (nullable) */
RwbBetweenness *rwb_analysis_betweenness_finish (GAsyncResult *result, GError **error);
void            rwb_betweenness_free            (RwbBetweenness *betweenness);
/* Value of @entity divided by the number of pairs of other included entities, 0 to 1. */
double          rwb_betweenness_normalized      (const RwbBetweenness *betweenness,
                                                 guint entity);

/* The indices of the @limit highest @scores, highest first; ties go to the higher @secondary
 * (nullable), then to the lower index. Only indices with @eligible[i] != 0 take part (@eligible
 * nullable: all). O(n log n). Returns: (transfer full) (array length=n_ranked) */
guint          *rwb_analysis_rank               (const double *scores, const double *secondary,
                                                 const guint8 *eligible, guint n, guint limit,
                                                 guint *n_ranked);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbBetweenness, rwb_betweenness_free)

G_END_DECLS
