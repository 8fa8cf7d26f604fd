/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-statistics.h — a graph in numbers: counts per entity and relation type, the most
 * connected companies, what each article contributes. */
#pragma once

#include "rwb-analysis-graph.h"

G_BEGIN_DECLS

typedef struct {
  guint document;           /* index into graph->documents */
  guint n_entities;         /* included entities mentioned in it */
  guint n_relations;        /* counted relations with evidence in it */
  guint n_evidence;         /* their evidence sentences in it */
} RwbDocumentStatistics;

typedef struct {
  guint n_entities;         /* included entities */
  guint n_relations;        /* counted relations */
  guint n_pairs;            /* pairs of entities they join */
  guint n_isolated;         /* included entities without a counted relation */
  guint n_documents;
  guint entities_by_type[RWB_ENTITY_N_TYPES];     /* included entities */
  /* Every relation between included entities, by type — `mention` too, and types the options
   * do not count, so a panel can show what a filter hides: */
  guint relations_by_type[RWB_RELATION_N_TYPES];
  guint evidence_by_type[RWB_RELATION_N_TYPES];   /* their evidence count */
  guint documents_by_type[RWB_RELATION_N_TYPES];  /* documents with evidence of the type */
  guint n_top_companies;
  guint *top_companies;     /* [n_top_companies]: companies by degree, then evidence, then
                             * index; only those with a counted relation */
  RwbDocumentStatistics *documents;               /* [n_documents], in document order */
} RwbStatistics;

/* Statistics of @graph counted as @options (nullable: the defaults) say, with up to @n_top
 * companies. O(entities + mentions + relations + evidence): at 20,000 entities a few
 * milliseconds, so it needs no thread; it reads @graph, so call it on the thread that owns it.
 * Returns: (transfer full) */
RwbStatistics *rwb_analysis_statistics (RwbGraph *graph, const RwbAnalysisOptions *options,
                                        guint n_top);
void           rwb_statistics_free     (RwbStatistics *statistics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbStatistics, rwb_statistics_free)

G_END_DECLS
