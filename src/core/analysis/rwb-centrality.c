/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-centrality.c — betweenness centrality, exact and sampled.
 *
 * Exact: Brandes' algorithm for unweighted graphs — U. Brandes, "A faster algorithm for
 * betweenness centrality", Journal of Mathematical Sociology 25(2):163–177, 2001. One
 * breadth-first search per source counts the shortest paths σ to every node; walking the
 * nodes back in order of distance adds up each node's dependency δ(v) = Σ σ(v)/σ(w) (1 + δ(w))
 * over the nodes w one step further out. O(V + E) per source, O(V E) in all.
 *
 * Sampled: U. Brandes and C. Pich, "Centrality estimation in large networks", International
 * Journal of Bifurcation and Chaos 17(7):2303–2318, 2007: the same dependencies from k pivots
 * drawn uniformly without replacement, scaled by n / k, which is an unbiased estimate of the
 * exact value. O(k (V + E)).
 *
 * Relations are undirected edges, so every pair is reached from both ends: the sums are halved.
 */
#define G_LOG_DOMAIN "rawabit-analysis"

#include "rwb-centrality.h"

#include "rwb-analysis-task-private.h"

#include <stdlib.h>

/* The working arrays of one source's search, reset only where the search went. */
typedef struct {
  guint *order;   /* nodes in the order they were reached (the BFS queue, then a stack) */
  gint *dist;     /* -1: not reached */
  double *sigma;  /* shortest paths from the source */
  double *delta;  /* dependency of the source on the node */
} Search;

static void
accumulate (const RwbAnalysisGraph *ag, Search *s, guint source, double scale, double *values)
{
  guint head = 0, tail = 0;
  s->order[tail++] = source;
  s->dist[source] = 0;
  s->sigma[source] = 1;
  while (head < tail)
    {
      guint v = s->order[head++];
      for (guint a = ag->offsets[v]; a < ag->offsets[v + 1]; a++)
        {
          guint w = ag->neighbours[a];
          if (s->dist[w] < 0)
            {
              s->dist[w] = s->dist[v] + 1;
              s->order[tail++] = w;
            }
          if (s->dist[w] == s->dist[v] + 1)
            s->sigma[w] += s->sigma[v];
        }
    }
  /* Farthest first: every node's dependency is complete before it is passed on. */
  for (guint i = tail; i-- > 0;)
    {
      guint w = s->order[i];
      double share = (1 + s->delta[w]) / s->sigma[w];
      for (guint a = ag->offsets[w]; a < ag->offsets[w + 1]; a++)
        {
          guint v = ag->neighbours[a];
          if (s->dist[v] == s->dist[w] - 1)
            s->delta[v] += s->sigma[v] * share;
        }
      if (w != source)
        values[w] += s->delta[w] * scale;
    }
  for (guint i = 0; i < tail; i++)
    {
      guint w = s->order[i];
      s->dist[w] = -1;
      s->sigma[w] = 0;
      s->delta[w] = 0;
    }
}

static RwbBetweenness *
betweenness_run (RwbAnalysisGraph *ag, const RwbBetweennessOptions *options,
                 GCancellable *cancellable, RwbAnalysisReportFunc report, gpointer report_data,
                 GError **error)
{
  guint exact_limit = options && options->exact_limit ? options->exact_limit
                                                      : RWB_BETWEENNESS_EXACT_LIMIT;
  guint n_pivots = options && options->n_pivots ? options->n_pivots
                                                : RWB_BETWEENNESS_DEFAULT_PIVOTS;
  guint32 seed = options && options->seed ? options->seed : 1;
  guint n = ag->n_nodes;

  g_autofree guint *sources = g_new (guint, ag->n_included + 1);
  guint n_sources = 0;
  for (guint u = 0; u < n; u++)
    if (ag->included[u])
      sources[n_sources++] = u;
  gboolean sampled = ag->n_included >= exact_limit && n_pivots < ag->n_included;
  if (sampled)
    {
      /* The first k places of a Fisher–Yates shuffle: k distinct pivots, uniformly. */
      g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
      for (guint i = 0; i < n_pivots; i++)
        {
          guint j = i + g_rand_int_range (rand, 0, n_sources - i);
          guint t = sources[i];
          sources[i] = sources[j];
          sources[j] = t;
        }
      n_sources = n_pivots;
    }

  g_autoptr (RwbBetweenness) result = g_new0 (RwbBetweenness, 1);
  result->n_nodes = n;
  result->values = g_new0 (double, n ? n : 1);
  result->n_included = ag->n_included;
  result->n_sources = n_sources;
  result->sampled = sampled;

  Search s = { g_new (guint, n ? n : 1), g_new (gint, n ? n : 1), g_new0 (double, n ? n : 1),
               g_new0 (double, n ? n : 1) };
  for (guint u = 0; u < n; u++)
    s.dist[u] = -1;
  /* Each unordered pair is found from both ends: half of each. */
  double scale = (sampled ? (double) ag->n_included / n_sources : 1.0) / 2;
  gboolean cancelled = FALSE;
  for (guint i = 0; i < n_sources; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cancelled = TRUE;
          break;
        }
      accumulate (ag, &s, sources[i], scale, result->values);
      if (report)
        report ((double) (i + 1) / n_sources, report_data);
    }
  g_free (s.order);
  g_free (s.dist);
  g_free (s.sigma);
  g_free (s.delta);
  if (cancelled)
    return NULL;
  for (guint u = 0; u < n; u++)
    result->max = MAX (result->max, result->values[u]);
  return g_steal_pointer (&result);
}

/**
 * rwb_analysis_betweenness:
 * @ag: a snapshot
 * @options: (nullable): exact limit, pivots and seed; NULL for the defaults
 * @cancellable: (nullable): checked after each shortest-path tree
 * @error: return location for an error
 *
 * Computes the betweenness of every node of @ag: exactly below @options' exact limit
 * (RWB_BETWEENNESS_EXACT_LIMIT included entities by default), else estimated from pivots.
 *
 * Returns: (transfer full) (nullable): the result, or NULL when cancelled
 */
RwbBetweenness *
rwb_analysis_betweenness (RwbAnalysisGraph *ag, const RwbBetweennessOptions *options,
                          GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (ag != NULL, NULL);
  return betweenness_run (ag, options, cancellable, NULL, NULL, error);
}

/* --- Async --------------------------------------------------------------------------------- */

static gpointer
betweenness_task (RwbAnalysisGraph *ag, gconstpointer params, GCancellable *cancellable,
                  RwbAnalysisReportFunc report, gpointer report_data, GError **error)
{
  return betweenness_run (ag, params, cancellable, report, report_data, error);
}

/**
 * rwb_analysis_betweenness_async:
 * @ag: a snapshot (a reference is held until the task ends)
 * @options: (nullable): as for rwb_analysis_betweenness(); copied
 * @progress: (nullable) (scope notified): called with the share done on the thread-default
 *   main context of the caller
 * @progress_data: for @progress; must live until @callback runs
 * @cancellable: (nullable): cancels the computation between two shortest-path trees
 * @callback: called when done
 * @user_data: for @callback
 *
 * Computes rwb_analysis_betweenness() in a worker thread.
 */
void
rwb_analysis_betweenness_async (RwbAnalysisGraph *ag, const RwbBetweennessOptions *options,
                                RwbAnalysisProgressFunc progress, gpointer progress_data,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_return_if_fail (ag != NULL);
  RwbBetweennessOptions copy = { 0 };
  if (options)
    copy = *options;
  rwb_analysis_task_run (ag, &copy, sizeof copy, betweenness_task,
                         (GDestroyNotify) rwb_betweenness_free, progress, progress_data,
                         rwb_analysis_betweenness_async, cancellable, callback, user_data);
}

/**
 * rwb_analysis_betweenness_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the betweenness, or NULL with @error set
 */
RwbBetweenness *
rwb_analysis_betweenness_finish (GAsyncResult *result, GError **error)
{
  return rwb_analysis_task_finish (result, rwb_analysis_betweenness_async, error);
}

/**
 * rwb_betweenness_free:
 * @betweenness: (nullable) (transfer full): a result
 *
 * Frees a betweenness result.
 */
void
rwb_betweenness_free (RwbBetweenness *betweenness)
{
  if (betweenness == NULL)
    return;
  g_free (betweenness->values);
  g_free (betweenness);
}

/**
 * rwb_betweenness_normalized:
 * @betweenness: a result
 * @entity: an entity index
 *
 * Returns: the betweenness of @entity over the number of pairs of other included entities
 *   ((n - 1)(n - 2) / 2), 0 to 1 (up to sampling error); 0 when there are no such pairs
 */
double
rwb_betweenness_normalized (const RwbBetweenness *betweenness, guint entity)
{
  g_return_val_if_fail (betweenness != NULL, 0);
  double n = betweenness->n_included;
  if (entity >= betweenness->n_nodes || n < 3)
    return 0;
  return betweenness->values[entity] / ((n - 1) * (n - 2) / 2);
}

/* --- Ranking ------------------------------------------------------------------------------- */

typedef struct {
  const double *scores;
  const double *secondary;
} RankKeys;

static int
compare_ranked (const void *x, const void *y, void *data)
{
  const RankKeys *k = data;
  guint i = *(const guint *) x, j = *(const guint *) y;
  if (k->scores[i] != k->scores[j])
    return k->scores[i] > k->scores[j] ? -1 : 1;
  if (k->secondary && k->secondary[i] != k->secondary[j])
    return k->secondary[i] > k->secondary[j] ? -1 : 1;
  return i < j ? -1 : i > j;
}

/**
 * rwb_analysis_rank:
 * @scores: (array length=n): one score per index
 * @secondary: (nullable) (array length=n): breaks ties of @scores
 * @eligible: (nullable) (array length=n): non-zero for the indices that take part
 * @n: the number of indices
 * @limit: at most this many are returned
 * @n_ranked: (out): how many were
 *
 * Ranks indices by score, highest first; ties by @secondary, then by index, so the order is
 * the same on every run.
 *
 * Returns: (transfer full) (array length=n_ranked): the indices
 */
guint *
rwb_analysis_rank (const double *scores, const double *secondary, const guint8 *eligible,
                   guint n, guint limit, guint *n_ranked)
{
  g_return_val_if_fail (n_ranked != NULL, NULL);
  g_return_val_if_fail (scores != NULL || n == 0, NULL);
  guint *order = g_new (guint, n + 1);
  guint m = 0;
  for (guint i = 0; i < n; i++)
    if (eligible == NULL || eligible[i])
      order[m++] = i;
  RankKeys keys = { scores, secondary };
  g_qsort_with_data (order, m, sizeof (guint), compare_ranked, &keys);
  *n_ranked = MIN (m, limit);
  return order;
}
