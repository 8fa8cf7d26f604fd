/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-communities.h — clusters of entities: Louvain modularity optimisation.
 *
 * V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, "Fast unfolding of
 * communities in large networks", Journal of Statistical Mechanics P10008, 2008. Nodes move
 * to the neighbouring community that raises modularity most, then each community becomes a
 * node of a smaller graph, until nothing moves. Deterministic: nodes are visited in an order
 * shuffled by a seeded generator.
 */
#pragma once

#include "rwb-analysis-graph.h"

G_BEGIN_DECLS

/* The community of a hidden entity. */
#define RWB_COMMUNITY_NONE G_MAXUINT

/* All zero (or NULL) is the default. */
typedef struct {
  gboolean weighted;        /* edges weigh their evidence count (else 1 per pair) */
  guint32 seed;             /* order of visits; 0 is 1 */
} RwbCommunityOptions;

typedef struct {
  guint n_nodes;            /* as the snapshot's */
  guint *community;         /* [n_nodes]: 0 .. n_communities - 1, or RWB_COMMUNITY_NONE for
                             * hidden entities. Numbered by size, largest first (ties: the
                             * one with the lowest entity index first); an entity without
                             * counted relations is a community of its own */
  guint n_communities;
  guint *member_offsets;    /* [n_communities + 1]: community c's members are */
  guint *members;           /* members[member_offsets[c] .. member_offsets[c + 1]),
                             * ascending entity indices */
  double modularity;        /* of this partition, -0.5 to 1; 0 without edges */
  guint n_levels;           /* aggregation levels Louvain went through */
} RwbCommunities;

/* Communities of the included nodes of @ag. Each pass of local moves is O(E); a few passes
 * per level and a few levels in practice. Checks @cancellable between passes.
 * Returns: (transfer full) (nullable): the communities, or NULL with @error set
 * (G_IO_ERROR_CANCELLED) */
RwbCommunities *rwb_analysis_communities        (RwbAnalysisGraph *ag,
                                                 const RwbCommunityOptions *options,
                                                 GCancellable *cancellable, GError **error);
/* The same in a worker thread (the task holds a reference on @ag). */
void            rwb_analysis_communities_async  (RwbAnalysisGraph *ag,
                                                 const RwbCommunityOptions *options,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer user_data);
/* Returns: (transfer full) (nullable) */
RwbCommunities *rwb_analysis_communities_finish (GAsyncResult *result, GError **error);
void            rwb_communities_free            (RwbCommunities *communities);

/* Newman's modularity of the partition @community ([ag->n_nodes], RWB_COMMUNITY_NONE: left
 * out) of @ag, edges weighted as @weighted says. */
double          rwb_analysis_modularity         (RwbAnalysisGraph *ag, const guint *community,
                                                 gboolean weighted);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbCommunities, rwb_communities_free)

G_END_DECLS
