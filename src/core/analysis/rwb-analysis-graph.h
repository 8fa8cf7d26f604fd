/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-analysis-graph.h — the graph as the analyses see it: an immutable snapshot.
 *
 * Every analysis (centrality, paths, communities, ego networks, statistics) reads an
 * RwbAnalysisGraph: the entities of an RwbGraph as nodes and the pairs of entities joined by
 * at least one counted relation as undirected edges, in compressed adjacency arrays. It is
 * taken on the thread that owns the RwbGraph (one pass over the relations and a sort) and is
 * then read-only, so the async analyses read it from a worker thread while the graph itself
 * goes on changing. Which relations count is set by RwbAnalysisOptions: `mention`
 * (co-occurrence) relations are left out unless asked for, and entities the user hid can be
 * masked out with their relations.
 *
 * Relations are read as undirected: "Xiaomi supplies BMW" links the two for a path or a
 * cluster either way.
 */
#pragma once

#include <gio/gio.h>
#include "rwb-graph.h"

G_BEGIN_DECLS

#define RWB_ANALYSIS_ERROR (rwb_analysis_error_quark ())
typedef enum {
  RWB_ANALYSIS_ERROR_INVALID_ENTITY, /* an entity index out of range, hidden, or repeated */
} RwbAnalysisError;

GQuark rwb_analysis_error_quark (void);

/* Progress of a long analysis: the share done, 0 to 1. Async variants call it on the main
 * context they were started from, at most about ten times a second, never after their
 * callback. */
typedef void (*RwbAnalysisProgressFunc) (double fraction, gpointer user_data);

/* Which relations and entities an analysis counts. All zero (or a NULL pointer) is the
 * default: every entity, every relation type but `mention`. */
typedef struct {
  gboolean with_mentions;        /* count `mention` (co-occurrence) relations too */
  guint hidden_relation_types;   /* bit (1 << type) set: relations of that type do not count */
  const guint8 *hidden;          /* entity i is left out, with its relations, when
                                  * i < n_hidden and hidden[i] != 0; may be NULL */
  guint n_hidden;
} RwbAnalysisOptions;

/* Two entities joined by one or more counted relations. */
typedef struct {
  guint a;                       /* entity index, a < b */
  guint b;
  guint first;                   /* its relations: ag->relations[first .. first + n_relations) */
  guint n_relations;
  double evidence;               /* Σ over them of max (evidence->len, n_evidence) */
} RwbAnalysisPair;

/* Plain data, read-only once made; free with rwb_analysis_graph_unref(). Node indices are the
 * entity indices of the RwbGraph it was taken from (graph->entities) at that time. */
typedef struct {
  guint n_nodes;                 /* graph->entities->len then */
  guint n_included;              /* nodes not hidden */
  guint n_pairs;
  guint n_relations;             /* counted relations, loops (an entity with itself) included */
  guint8 *included;              /* [n_nodes]: 1 unless hidden by the options */
  guint *degree;                 /* [n_nodes]: counted relations touching the entity (a loop
                                  * counts once), as rwb_graph_entity_degree() counts them */
  double *weighted_degree;       /* [n_nodes]: their evidence, max (evidence->len, n_evidence)
                                  * each */
  guint *offsets;                /* [n_nodes + 1]: the arcs of node u are offsets[u] ..
                                  * offsets[u + 1] - 1 of neighbours and arc_pairs */
  guint *neighbours;             /* [2 n_pairs]: the node at the other end, ascending per node */
  guint *arc_pairs;              /* [2 n_pairs]: the pair of each arc (index into pairs) */
  RwbAnalysisPair *pairs;        /* [n_pairs], sorted by (a, b) */
  guint *relations;              /* indices into graph->relations, grouped by pair, the most
                                  * evidence first within a pair; loops are not listed */
  gint ref_count;
} RwbAnalysisGraph;

/* Takes a snapshot of @graph with @options (may be NULL: the defaults), in O(R log R) for R
 * relations. Call it on the thread that owns @graph; the snapshot keeps no pointer into
 * @graph or @options. Returns: (transfer full) */
RwbAnalysisGraph *rwb_analysis_graph_new   (RwbGraph *graph, const RwbAnalysisOptions *options);
/* Returns: (transfer full) @ag with one more reference. Thread-safe. */
RwbAnalysisGraph *rwb_analysis_graph_ref   (RwbAnalysisGraph *ag);
/* Drops a reference; the last one frees the snapshot. Thread-safe. */
void              rwb_analysis_graph_unref (RwbAnalysisGraph *ag);

/* Whether @options counts relation @relation of @graph, its entities included. */
gboolean rwb_analysis_options_counts   (const RwbAnalysisOptions *options, RwbGraph *graph,
                                        const RwbRelation *relation);
/* Whether @options keeps entity @entity (not hidden). */
gboolean rwb_analysis_options_includes (const RwbAnalysisOptions *options, guint entity);
/* The evidence count of @relation: max (evidence->len, n_evidence). */
guint    rwb_analysis_relation_evidence (const RwbRelation *relation);

/* Checks that @entity is a node of @ag that takes part (not hidden); else sets
 * RWB_ANALYSIS_ERROR_INVALID_ENTITY naming it. */
gboolean rwb_analysis_graph_check_entity (RwbAnalysisGraph *ag, guint entity, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbAnalysisGraph, rwb_analysis_graph_unref)

G_END_DECLS
