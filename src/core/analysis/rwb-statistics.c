/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-statistics.c — counts over a graph, in one pass over each of its arrays. */
#define G_LOG_DOMAIN "rawabit-analysis"

#include "rwb-statistics.h"

#include "rwb-centrality.h"

/**
 * rwb_analysis_statistics:
 * @graph: a graph
 * @options: (nullable): which relations and entities count; NULL for the defaults
 * @n_top: how many companies to rank at most
 *
 * Counts the entities and relations of @graph by type and by document, and ranks its most
 * connected companies.
 *
 * Returns: (transfer full): the statistics
 */
RwbStatistics *
rwb_analysis_statistics (RwbGraph *graph, const RwbAnalysisOptions *options, guint n_top)
{
  g_return_val_if_fail (graph != NULL, NULL);
  guint n = graph->entities->len, n_docs = graph->documents->len;
  RwbStatistics *st = g_new0 (RwbStatistics, 1);
  st->n_documents = n_docs;
  st->documents = g_new0 (RwbDocumentStatistics, n_docs + 1);
  for (guint d = 0; d < n_docs; d++)
    st->documents[d].document = d;

  /* stamp[d] == x + 1: document d already counted for entity or relation x. */
  g_autofree guint *stamp = g_new0 (guint, n_docs + 1);
  g_autofree guint8 *included = g_new0 (guint8, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const RwbEntity *e = g_ptr_array_index (graph->entities, i);
      included[i] = rwb_analysis_options_includes (options, i);
      if (!included[i])
        continue;
      st->n_entities++;
      if ((guint) e->type < RWB_ENTITY_N_TYPES)
        st->entities_by_type[e->type]++;
      for (guint m = 0; m < e->mentions->len; m++)
        {
          guint d = g_array_index (e->mentions, RwbSpan, m).document;
          if (d < n_docs && stamp[d] != i + 1)
            {
              stamp[d] = i + 1;
              st->documents[d].n_entities++;
            }
        }
    }

  g_autofree double *degree = g_new0 (double, n + 1);
  g_autofree double *evidence = g_new0 (double, n + 1);
  g_autofree guint8 *type_in_doc = g_new0 (guint8, (gsize) RWB_RELATION_N_TYPES * n_docs + 1);
  g_autoptr (GHashTable) pairs = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) pair_keys = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                    graph->relations->len);
  for (guint d = 0; d < n_docs; d++)
    stamp[d] = 0;
  for (guint r = 0; r < graph->relations->len; r++)
    {
      const RwbRelation *rel = g_ptr_array_index (graph->relations, r);
      if (rel->source >= n || rel->target >= n || !included[rel->source]
          || !included[rel->target] || (guint) rel->type >= RWB_RELATION_N_TYPES)
        continue;
      guint ev = rwb_analysis_relation_evidence (rel);
      st->relations_by_type[rel->type]++;
      st->evidence_by_type[rel->type] += ev;
      gboolean counted = rwb_analysis_options_counts (options, graph, rel);
      for (guint k = 0; k < rel->evidence->len; k++)
        {
          guint d = g_array_index (rel->evidence, RwbEvidence, k).document;
          if (d >= n_docs)
            continue;
          type_in_doc[(gsize) rel->type * n_docs + d] = 1;
          if (!counted)
            continue;
          st->documents[d].n_evidence++;
          if (stamp[d] != r + 1)
            {
              stamp[d] = r + 1;
              st->documents[d].n_relations++;
            }
        }
      if (!counted)
        continue;
      st->n_relations++;
      degree[rel->source]++;
      evidence[rel->source] += ev;
      if (rel->source != rel->target)
        {
          degree[rel->target]++;
          evidence[rel->target] += ev;
          gint64 key = (gint64) MIN (rel->source, rel->target) << 32
                       | MAX (rel->source, rel->target);
          g_array_append_val (pair_keys, key);
        }
    }
  /* The array does not move once filled: its elements are the table's keys. */
  for (guint i = 0; i < pair_keys->len; i++)
    g_hash_table_add (pairs, &g_array_index (pair_keys, gint64, i));
  st->n_pairs = g_hash_table_size (pairs);
  for (guint t = 0; t < RWB_RELATION_N_TYPES; t++)
    for (guint d = 0; d < n_docs; d++)
      st->documents_by_type[t] += type_in_doc[(gsize) t * n_docs + d];

  g_autofree guint8 *companies = g_new0 (guint8, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const RwbEntity *e = g_ptr_array_index (graph->entities, i);
      st->n_isolated += included[i] && degree[i] == 0;
      companies[i] = included[i] && degree[i] > 0 && e->type == RWB_ENTITY_COMPANY;
    }
  st->top_companies = rwb_analysis_rank (degree, evidence, companies, n, n_top,
                                         &st->n_top_companies);
  return st;
}

/**
 * rwb_statistics_free:
 * @statistics: (nullable) (transfer full): statistics
 *
 * Frees statistics.
 */
void
rwb_statistics_free (RwbStatistics *statistics)
{
  if (statistics == NULL)
    return;
  g_free (statistics->top_companies);
  g_free (statistics->documents);
  g_free (statistics);
}
