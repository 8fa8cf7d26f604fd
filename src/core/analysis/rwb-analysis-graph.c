/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-analysis-graph.c — the compressed, read-only snapshot every analysis reads. */
#define G_LOG_DOMAIN "rawabit-analysis"

#include "rwb-analysis-graph.h"

#include <glib/gi18n.h>
#include <stdlib.h>

G_DEFINE_QUARK (rwb-analysis-error-quark, rwb_analysis_error)

typedef struct {
  guint a, b;       /* a < b */
  guint relation;
  guint evidence;
} Arc;

static int
compare_arcs (const void *x, const void *y)
{
  const Arc *p = x, *q = y;
  if (p->a != q->a)
    return p->a < q->a ? -1 : 1;
  if (p->b != q->b)
    return p->b < q->b ? -1 : 1;
  if (p->evidence != q->evidence)
    return p->evidence > q->evidence ? -1 : 1;
  return p->relation < q->relation ? -1 : p->relation > q->relation;
}

/**
 * rwb_analysis_relation_evidence:
 * @relation: a relation
 *
 * Returns: its evidence count: the sentences it holds, or the count an import carried when
 *   that is larger
 */
guint
rwb_analysis_relation_evidence (const RwbRelation *relation)
{
  g_return_val_if_fail (relation != NULL, 0);
  return MAX (relation->evidence ? relation->evidence->len : 0, relation->n_evidence);
}

/**
 * rwb_analysis_options_includes:
 * @options: (nullable): options
 * @entity: an entity index
 *
 * Returns: whether @options keeps @entity (its mask does not hide it)
 */
gboolean
rwb_analysis_options_includes (const RwbAnalysisOptions *options, guint entity)
{
  return options == NULL || options->hidden == NULL || entity >= options->n_hidden
         || options->hidden[entity] == 0;
}

/**
 * rwb_analysis_options_counts:
 * @options: (nullable): options
 * @graph: the graph of @relation
 * @relation: a relation of @graph
 *
 * Returns: whether the analyses count @relation under @options: its type counts and both its
 *   entities exist and are kept
 */
gboolean
rwb_analysis_options_counts (const RwbAnalysisOptions *options, RwbGraph *graph,
                             const RwbRelation *relation)
{
  g_return_val_if_fail (graph != NULL && relation != NULL, FALSE);
  if ((guint) relation->type >= RWB_RELATION_N_TYPES)
    return FALSE;
  if (relation->type == RWB_RELATION_MENTION && !(options && options->with_mentions))
    return FALSE;
  if (options && (options->hidden_relation_types & (1u << relation->type)))
    return FALSE;
  /* Indices from a file were checked by its reader; a snapshot stays safe regardless. */
  if (relation->source >= graph->entities->len || relation->target >= graph->entities->len)
    return FALSE;
  return rwb_analysis_options_includes (options, relation->source)
         && rwb_analysis_options_includes (options, relation->target);
}

/**
 * rwb_analysis_graph_new:
 * @graph: a graph
 * @options: (nullable): which relations and entities count; NULL for the defaults
 *
 * Takes a snapshot of @graph for the analyses: every entity a node, every pair of entities
 * joined by counted relations an undirected edge, with the relations behind it. Sorting the
 * relations by pair makes it O(R log R); call it on the thread that owns @graph.
 *
 * Returns: (transfer full): the snapshot
 */
RwbAnalysisGraph *
rwb_analysis_graph_new (RwbGraph *graph, const RwbAnalysisOptions *options)
{
  g_return_val_if_fail (graph != NULL, NULL);

  RwbAnalysisGraph *ag = g_new0 (RwbAnalysisGraph, 1);
  guint n = graph->entities->len;
  ag->ref_count = 1;
  ag->n_nodes = n;
  ag->included = g_new0 (guint8, n);
  ag->degree = g_new0 (guint, n);
  ag->weighted_degree = g_new0 (double, n);
  ag->offsets = g_new0 (guint, n + 1);
  for (guint i = 0; i < n; i++)
    {
      ag->included[i] = rwb_analysis_options_includes (options, i);
      ag->n_included += ag->included[i];
    }

  g_autofree Arc *arcs = g_new (Arc, graph->relations->len ? graph->relations->len : 1);
  guint n_arcs = 0;
  for (guint i = 0; i < graph->relations->len; i++)
    {
      const RwbRelation *r = g_ptr_array_index (graph->relations, i);
      if (!rwb_analysis_options_counts (options, graph, r))
        continue;
      guint evidence = rwb_analysis_relation_evidence (r);
      ag->n_relations++;
      ag->degree[r->source]++;
      ag->weighted_degree[r->source] += evidence;
      if (r->source == r->target)
        continue;
      ag->degree[r->target]++;
      ag->weighted_degree[r->target] += evidence;
      arcs[n_arcs++] = (Arc) { MIN (r->source, r->target), MAX (r->source, r->target), i,
                               evidence };
    }
  qsort (arcs, n_arcs, sizeof (Arc), compare_arcs);

  ag->relations = g_new (guint, n_arcs ? n_arcs : 1);
  ag->pairs = g_new (RwbAnalysisPair, n_arcs ? n_arcs : 1);
  for (guint i = 0; i < n_arcs; i++)
    {
      ag->relations[i] = arcs[i].relation;
      if (ag->n_pairs == 0 || ag->pairs[ag->n_pairs - 1].a != arcs[i].a
          || ag->pairs[ag->n_pairs - 1].b != arcs[i].b)
        ag->pairs[ag->n_pairs++] = (RwbAnalysisPair) { arcs[i].a, arcs[i].b, i, 0, 0 };
      RwbAnalysisPair *p = &ag->pairs[ag->n_pairs - 1];
      p->n_relations++;
      p->evidence += arcs[i].evidence;
    }

  /* Arcs in both directions, in pair order: each node's neighbours come out ascending (pairs
   * (x, u) with x < u before pairs (u, y)). */
  for (guint p = 0; p < ag->n_pairs; p++)
    {
      ag->offsets[ag->pairs[p].a + 1]++;
      ag->offsets[ag->pairs[p].b + 1]++;
    }
  for (guint u = 0; u < n; u++)
    ag->offsets[u + 1] += ag->offsets[u];
  ag->neighbours = g_new (guint, 2 * ag->n_pairs + 1);
  ag->arc_pairs = g_new (guint, 2 * ag->n_pairs + 1);
  g_autofree guint *fill = g_memdup2 (ag->offsets, (n + 1) * sizeof (guint));
  for (guint p = 0; p < ag->n_pairs; p++)
    {
      guint a = ag->pairs[p].a, b = ag->pairs[p].b;
      ag->neighbours[fill[a]] = b;
      ag->arc_pairs[fill[a]++] = p;
      ag->neighbours[fill[b]] = a;
      ag->arc_pairs[fill[b]++] = p;
    }
  return ag;
}

/**
 * rwb_analysis_graph_ref:
 * @ag: a snapshot
 *
 * Returns: (transfer full): @ag
 */
RwbAnalysisGraph *
rwb_analysis_graph_ref (RwbAnalysisGraph *ag)
{
  g_return_val_if_fail (ag != NULL, NULL);
  g_atomic_int_inc (&ag->ref_count);
  return ag;
}

/**
 * rwb_analysis_graph_unref:
 * @ag: (nullable) (transfer full): a snapshot
 *
 * Drops a reference; the last one frees the snapshot.
 */
void
rwb_analysis_graph_unref (RwbAnalysisGraph *ag)
{
  if (ag == NULL || !g_atomic_int_dec_and_test (&ag->ref_count))
    return;
  g_free (ag->included);
  g_free (ag->degree);
  g_free (ag->weighted_degree);
  g_free (ag->offsets);
  g_free (ag->neighbours);
  g_free (ag->arc_pairs);
  g_free (ag->pairs);
  g_free (ag->relations);
  g_free (ag);
}

/**
 * rwb_analysis_graph_check_entity:
 * @ag: a snapshot
 * @entity: an entity index
 * @error: return location for an error
 *
 * Returns: whether @entity is a node of @ag that takes part in the analyses; if not, @error
 *   says which entity and why
 */
gboolean
rwb_analysis_graph_check_entity (RwbAnalysisGraph *ag, guint entity, GError **error)
{
  g_return_val_if_fail (ag != NULL, FALSE);
  if (entity >= ag->n_nodes)
    {
      g_set_error (error, RWB_ANALYSIS_ERROR, RWB_ANALYSIS_ERROR_INVALID_ENTITY,
                   _("Entity %u does not exist (the graph has %u entities)"), entity,
                   ag->n_nodes);
      return FALSE;
    }
  if (!ag->included[entity])
    {
      g_set_error (error, RWB_ANALYSIS_ERROR, RWB_ANALYSIS_ERROR_INVALID_ENTITY,
                   _("Entity %u is hidden"), entity);
      return FALSE;
    }
  return TRUE;
}
