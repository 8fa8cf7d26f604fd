/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the analyses (src/core/analysis) on graphs whose answers are known: by hand for
 * paths, stars, cliques and bridges, by brute force on small random graphs. */
#include "rwb-analysis.h"

#include <math.h>
#include <string.h>

/* --- Graphs -------------------------------------------------------------------------------- */

static RwbGraph *
graph_with (guint n)
{
  RwbGraph *graph = rwb_graph_new ();
  rwb_graph_add_document (graph, NULL, "en", "Alpha supplies Beta. Beta talks to Gamma.");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("E%u", i);
      rwb_graph_add_entity (graph, name, i % 2 ? RWB_ENTITY_PERSON : RWB_ENTITY_COMPANY);
    }
  return graph;
}

/* A relation with @evidence sentences. */
static guint
relate (RwbGraph *graph, guint a, guint b, RwbRelationType type, guint evidence)
{
  guint r = rwb_graph_ensure_relation (graph, a, b, type, 0.8);
  RwbRelation *rel = g_ptr_array_index (graph->relations, r);
  for (guint i = 0; i < evidence; i++)
    rwb_relation_add_evidence (rel, 0, 10 * i, 10 * i + 5, NULL, "test", 0.8);
  return r;
}

static void
join (RwbGraph *graph, guint a, guint b)
{
  relate (graph, a, b, RWB_RELATION_PARTNERSHIP, 1);
}

static RwbGraph *
path_graph (guint n)
{
  RwbGraph *g = graph_with (n);
  for (guint i = 0; i + 1 < n; i++)
    join (g, i, i + 1);
  return g;
}

/* Entity 0 in the middle, 1 .. n - 1 around it. */
static RwbGraph *
star_graph (guint n)
{
  RwbGraph *g = graph_with (n);
  for (guint i = 1; i < n; i++)
    join (g, 0, i);
  return g;
}

/* Two cliques of @size (0 .. size - 1 and size .. 2 size - 1) and one bridge between
 * size - 1 and size. */
static RwbGraph *
two_cliques (guint size)
{
  RwbGraph *g = graph_with (2 * size);
  for (guint c = 0; c < 2; c++)
    for (guint i = 0; i < size; i++)
      for (guint j = i + 1; j < size; j++)
        join (g, c * size + i, c * size + j);
  join (g, size - 1, size);
  return g;
}

static RwbGraph *
random_graph (guint n, guint m, guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  RwbGraph *g = graph_with (n);
  for (guint i = 0; i < m; i++)
    {
      guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);
      if (a != b)
        join (g, a, b);
    }
  return g;
}

/* --- Snapshot ------------------------------------------------------------------------------ */

static void
test_snapshot (void)
{
  g_autoptr (RwbGraph) g = graph_with (5);
  guint supply = relate (g, 0, 1, RWB_RELATION_SUPPLY, 3);
  guint talks = relate (g, 1, 0, RWB_RELATION_TALKS, 5);
  relate (g, 1, 2, RWB_RELATION_MENTION, 1);
  relate (g, 3, 3, RWB_RELATION_OWNERSHIP, 1); /* a loop */
  guint imported = relate (g, 2, 3, RWB_RELATION_LOCATION, 0);
  ((RwbRelation *) g_ptr_array_index (g->relations, imported))->n_evidence = 4;

  g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (g, NULL);
  g_assert_cmpuint (ag->n_nodes, ==, 5);
  g_assert_cmpuint (ag->n_included, ==, 5);
  g_assert_cmpuint (ag->n_relations, ==, 4); /* not the mention */
  g_assert_cmpuint (ag->n_pairs, ==, 2);     /* 0–1 (two relations), 2–3 */
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (ag->degree[i], ==, rwb_graph_entity_degree (g, i, FALSE));
  g_assert_cmpfloat (ag->weighted_degree[0], ==, 8);
  g_assert_cmpfloat (ag->weighted_degree[3], ==, 5); /* 4 imported + the loop's 1 */
  const RwbAnalysisPair *p = &ag->pairs[0];
  g_assert_cmpuint (p->a, ==, 0);
  g_assert_cmpuint (p->b, ==, 1);
  g_assert_cmpuint (p->n_relations, ==, 2);
  g_assert_cmpfloat (p->evidence, ==, 8);
  /* The most evidence first. */
  g_assert_cmpuint (ag->relations[p->first], ==, talks);
  g_assert_cmpuint (ag->relations[p->first + 1], ==, supply);
  /* Node 1's neighbours: 0 only; node 2's: 3 only. */
  g_assert_cmpuint (ag->offsets[2] - ag->offsets[1], ==, 1);
  g_assert_cmpuint (ag->neighbours[ag->offsets[1]], ==, 0);
  g_assert_cmpuint (ag->neighbours[ag->offsets[2]], ==, 3);

  /* With co-occurrences, without talks, without entity 0. */
  guint8 hidden[] = { 1 };
  RwbAnalysisOptions options = { TRUE, 1u << RWB_RELATION_TALKS, hidden, 1 };
  g_autoptr (RwbAnalysisGraph) other = rwb_analysis_graph_new (g, &options);
  g_assert_cmpuint (other->n_included, ==, 4);
  g_assert_false (other->included[0]);
  g_assert_cmpuint (other->degree[0], ==, 0);
  g_assert_cmpuint (other->degree[1], ==, 1); /* the mention */
  g_assert_cmpuint (other->n_pairs, ==, 2);   /* 1–2, 2–3 */
  g_autoptr (GError) error = NULL;
  g_assert_false (rwb_analysis_graph_check_entity (other, 0, &error));
  g_assert_error (error, RWB_ANALYSIS_ERROR, RWB_ANALYSIS_ERROR_INVALID_ENTITY);
  g_clear_error (&error);
  g_assert_false (rwb_analysis_graph_check_entity (other, 5, &error));
  g_assert_error (error, RWB_ANALYSIS_ERROR, RWB_ANALYSIS_ERROR_INVALID_ENTITY);
}

/* --- Centrality ---------------------------------------------------------------------------- */

static RwbBetweenness *
exact_betweenness (RwbGraph *g, const RwbAnalysisOptions *options)
{
  g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (g, options);
  g_autoptr (GError) error = NULL;
  RwbBetweenness *b = rwb_analysis_betweenness (ag, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (b->sampled);
  g_assert_cmpuint (b->n_sources, ==, ag->n_included);
  return b;
}

static void
assert_values (const RwbBetweenness *b, const double *expected, guint n)
{
  g_assert_cmpuint (b->n_nodes, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (b->values[i], expected[i], 1e-9);
}

static void
test_betweenness_known (void)
{
  /* A path of five: the pairs each inner node separates. */
  g_autoptr (RwbGraph) path = path_graph (5);
  g_autoptr (RwbBetweenness) bp = exact_betweenness (path, NULL);
  assert_values (bp, (double[]) { 0, 3, 4, 3, 0 }, 5);
  g_assert_cmpfloat (bp->max, ==, 4);
  g_assert_cmpfloat_with_epsilon (rwb_betweenness_normalized (bp, 2), 4.0 / 6, 1e-9);

  /* A star of a centre and four leaves: all C(4, 2) pairs of leaves through the centre. */
  g_autoptr (RwbGraph) star = star_graph (5);
  g_autoptr (RwbBetweenness) bs = exact_betweenness (star, NULL);
  assert_values (bs, (double[]) { 6, 0, 0, 0, 0 }, 5);
  /* Its centre hidden: nothing is between anything. */
  guint8 hidden[] = { 1 };
  RwbAnalysisOptions options = { .hidden = hidden, .n_hidden = 1 };
  g_autoptr (RwbBetweenness) bh = exact_betweenness (star, &options);
  assert_values (bh, (double[]) { 0, 0, 0, 0, 0 }, 5);

  /* A cycle of four: the opposite pair has two shortest paths, half through each. */
  g_autoptr (RwbGraph) cycle = path_graph (4);
  join (cycle, 3, 0);
  g_autoptr (RwbBetweenness) bc = exact_betweenness (cycle, NULL);
  assert_values (bc, (double[]) { 0.5, 0.5, 0.5, 0.5 }, 4);

  /* Two triangles and a bridge 2–3: each end of the bridge separates 2 × 3 pairs. */
  g_autoptr (RwbGraph) bridge = two_cliques (3);
  g_autoptr (RwbBetweenness) bb = exact_betweenness (bridge, NULL);
  assert_values (bb, (double[]) { 0, 0, 6, 6, 0, 0 }, 6);

  /* Co-occurrences count only when asked. */
  g_autoptr (RwbGraph) m = path_graph (3);
  relate (m, 0, 2, RWB_RELATION_MENTION, 1);
  g_autoptr (RwbBetweenness) without = exact_betweenness (m, NULL);
  assert_values (without, (double[]) { 0, 1, 0 }, 3);
  RwbAnalysisOptions with = { .with_mentions = TRUE };
  g_autoptr (RwbBetweenness) with_m = exact_betweenness (m, &with);
  assert_values (with_m, (double[]) { 0, 0, 0 }, 3);
}

/* Betweenness by its definition: for every pair s < t, the share of shortest s–t paths
 * through v, from BFS distances and path counts of every node. O(V³). */
static double *
brute_betweenness (RwbAnalysisGraph *ag)
{
  guint n = ag->n_nodes;
  g_autofree gint *dist = g_new (gint, n * n);
  g_autofree double *sigma = g_new0 (double, n * n);
  g_autofree guint *queue = g_new (guint, n);
  for (guint s = 0; s < n; s++)
    {
      gint *d = dist + s * n;
      double *sg = sigma + s * n;
      for (guint v = 0; v < n; v++)
        d[v] = -1;
      guint head = 0, tail = 0;
      d[s] = 0;
      sg[s] = 1;
      queue[tail++] = s;
      while (head < tail)
        {
          guint v = queue[head++];
          for (guint a = ag->offsets[v]; a < ag->offsets[v + 1]; a++)
            {
              guint w = ag->neighbours[a];
              if (d[w] < 0)
                {
                  d[w] = d[v] + 1;
                  queue[tail++] = w;
                }
              if (d[w] == d[v] + 1)
                sg[w] += sg[v];
            }
        }
    }
  double *values = g_new0 (double, n);
  for (guint s = 0; s < n; s++)
    for (guint t = s + 1; t < n; t++)
      {
        if (dist[s * n + t] <= 0)
          continue;
        for (guint v = 0; v < n; v++)
          if (v != s && v != t && dist[s * n + v] > 0 && dist[v * n + t] > 0
              && dist[s * n + v] + dist[v * n + t] == dist[s * n + t])
            values[v] += sigma[s * n + v] * sigma[v * n + t] / sigma[s * n + t];
      }
  return values;
}

static void
test_betweenness_brute (void)
{
  for (guint32 seed = 1; seed <= 5; seed++)
    {
      g_autoptr (RwbGraph) g = random_graph (40, 70, seed);
      g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (g, NULL);
      g_autoptr (RwbBetweenness) b = rwb_analysis_betweenness (ag, NULL, NULL, NULL);
      g_autofree double *expected = brute_betweenness (ag);
      assert_values (b, expected, 40);
    }
}

static double
correlation (const double *x, const double *y, guint n)
{
  double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
  for (guint i = 0; i < n; i++)
    {
      mx += x[i] / n;
      my += y[i] / n;
    }
  for (guint i = 0; i < n; i++)
    {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
  return sxy / sqrt (sxx * syy);
}

static void
test_betweenness_sampled (void)
{
  /* A random graph with hubs: each new entity joins a random earlier one and, half the
   * time, the end of a random earlier relation. */
  const guint n = 1500;
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  g_autoptr (RwbGraph) g = graph_with (n);
  g_autoptr (GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 1; i < n; i++)
    {
      guint j = g_rand_int_range (rand, 0, i);
      join (g, i, j);
      g_array_append_val (ends, j);
      if (g_rand_boolean (rand))
        {
          guint k = g_array_index (ends, guint, g_rand_int_range (rand, 0, ends->len));
          if (k != i)
            join (g, i, k);
        }
    }
  g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (g, NULL);
  g_autoptr (RwbBetweenness) exact = rwb_analysis_betweenness (ag, NULL, NULL, NULL);
  g_assert_false (exact->sampled);

  RwbBetweennessOptions options = { .exact_limit = 1000, .n_pivots = 300, .seed = 9 };
  g_autoptr (RwbBetweenness) est = rwb_analysis_betweenness (ag, &options, NULL, NULL);
  g_assert_true (est->sampled);
  g_assert_cmpuint (est->n_sources, ==, 300);
  g_assert_cmpuint (est->n_included, ==, n);
  g_assert_cmpfloat (correlation (exact->values, est->values, n), >, 0.98);
  /* The ten most central entities are found again and their values are close on average
   * (one may be off by a fifth: a hub's dependency on a pivot varies a lot); the sum over all
   * entities, which averages the errors out, within a few percent. */
  guint n_top_exact, n_top_est, overlap = 0;
  double mean_error = 0, sum_exact = 0, sum_est = 0;
  g_autofree guint *top_exact = rwb_analysis_rank (exact->values, NULL, NULL, n, 10,
                                                   &n_top_exact);
  g_autofree guint *top_est = rwb_analysis_rank (est->values, NULL, NULL, n, 10, &n_top_est);
  for (guint i = 0; i < 10; i++)
    {
      guint v = top_exact[i];
      mean_error += fabs (est->values[v] - exact->values[v]) / exact->values[v] / 10;
      for (guint j = 0; j < 10; j++)
        overlap += top_est[j] == v;
    }
  for (guint i = 0; i < n; i++)
    {
      sum_exact += exact->values[i];
      sum_est += est->values[i];
    }
  g_assert_cmpfloat (mean_error, <, 0.12);
  g_assert_cmpuint (overlap, >=, 8);
  g_assert_cmpfloat (fabs (sum_est - sum_exact) / sum_exact, <, 0.05);
  /* The same seed, the same estimate. */
  g_autoptr (RwbBetweenness) again = rwb_analysis_betweenness (ag, &options, NULL, NULL);
  g_assert_cmpmem (again->values, n * sizeof (double), est->values, n * sizeof (double));
  /* As many pivots as entities: exact. */
  options.n_pivots = n;
  g_autoptr (RwbBetweenness) all = rwb_analysis_betweenness (ag, &options, NULL, NULL);
  g_assert_false (all->sampled);
}

static void
test_rank (void)
{
  double scores[] = { 1, 5, 3, 5, 0, 3 };
  double second[] = { 0, 1, 2, 2, 0, 1 };
  guint8 eligible[] = { 1, 1, 1, 1, 1, 0 };
  guint n;
  g_autofree guint *r = rwb_analysis_rank (scores, second, eligible, 6, 4, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpmem (r, 4 * sizeof (guint), ((guint[]) { 3, 1, 2, 0 }), 4 * sizeof (guint));
  g_autofree guint *s = rwb_analysis_rank (scores, NULL, NULL, 6, 100, &n);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpmem (s, 6 * sizeof (guint), ((guint[]) { 1, 3, 2, 5, 0, 4 }), 6 * sizeof (guint));
}

/* --- Paths --------------------------------------------------------------------------------- */

static GPtrArray *
paths_of (RwbGraph *g, guint from, guint to, guint k, RwbPathCost cost)
{
  g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (g, NULL);
  g_autoptr (GError) error = NULL;
  GPtrArray *paths = rwb_analysis_paths (ag, from, to, k, cost, NULL, &error);
  g_assert_no_error (error);
  return paths;
}

static void
assert_path (const RwbPath *path, const guint *nodes, guint n)
{
  guint m;
  g_autofree guint *got = rwb_path_get_entities (path, &m);
  g_assert_cmpuint (path->n_hops + 1, ==, n);
  g_assert_cmpmem (got, m * sizeof (guint), nodes, n * sizeof (guint));
}

/* 0 → 4 three ways: through 1, through 2, and through 3 and 5. */
static RwbGraph *
three_ways (void)
{
  RwbGraph *g = graph_with (7);
  relate (g, 0, 1, RWB_RELATION_SUPPLY, 1);
  relate (g, 1, 4, RWB_RELATION_SUPPLY, 1);
  relate (g, 0, 2, RWB_RELATION_TALKS, 2);
  relate (g, 2, 4, RWB_RELATION_TALKS, 2);
  relate (g, 0, 3, RWB_RELATION_OWNERSHIP, 10);
  relate (g, 3, 5, RWB_RELATION_OWNERSHIP, 10);
  relate (g, 5, 4, RWB_RELATION_OWNERSHIP, 10);
  return g;
}

static void
test_paths_known (void)
{
  g_autoptr (RwbGraph) g = three_ways ();
  g_autoptr (GPtrArray) by_count = paths_of (g, 0, 4, 5, RWB_PATH_BY_COUNT);
  g_assert_cmpuint (by_count->len, ==, 3);
  assert_path (g_ptr_array_index (by_count, 0), (guint[]) { 0, 1, 4 }, 3);
  assert_path (g_ptr_array_index (by_count, 1), (guint[]) { 0, 2, 4 }, 3);
  assert_path (g_ptr_array_index (by_count, 2), (guint[]) { 0, 3, 5, 4 }, 4);
  g_assert_cmpfloat (((RwbPath *) g_ptr_array_index (by_count, 2))->cost, ==, 3);

  /* By evidence the well-attested long way comes first: 3 × 1/10 < 2 × 1/2 < 2 × 1. */
  g_autoptr (GPtrArray) by_ev = paths_of (g, 0, 4, 3, RWB_PATH_BY_EVIDENCE);
  g_assert_cmpuint (by_ev->len, ==, 3);
  assert_path (g_ptr_array_index (by_ev, 0), (guint[]) { 0, 3, 5, 4 }, 4);
  assert_path (g_ptr_array_index (by_ev, 1), (guint[]) { 0, 2, 4 }, 3);
  assert_path (g_ptr_array_index (by_ev, 2), (guint[]) { 0, 1, 4 }, 3);
  g_assert_cmpfloat_with_epsilon (((RwbPath *) g_ptr_array_index (by_ev, 0))->cost, 0.3, 1e-12);

  /* k = 1: the shortest alone; every hop names its relation. */
  g_autoptr (GPtrArray) one = paths_of (g, 4, 0, 1, RWB_PATH_BY_COUNT);
  g_assert_cmpuint (one->len, ==, 1);
  const RwbPath *p = g_ptr_array_index (one, 0);
  assert_path (p, (guint[]) { 4, 1, 0 }, 3);
  g_assert_cmpuint (p->hops[0].n_relations, ==, 1);
  const RwbRelation *r = g_ptr_array_index (g->relations, p->hops[0].relations[0]);
  g_assert_cmpuint (MIN (r->source, r->target), ==, 1);
  g_assert_cmpuint (MAX (r->source, r->target), ==, 4);

  /* Not connected: no path, no error. */
  g_autoptr (GPtrArray) none = paths_of (g, 0, 6, 3, RWB_PATH_BY_COUNT);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_paths_hops (void)
{
  /* Two relations between 0 and 1: the hop lists both, the better attested first. */
  g_autoptr (RwbGraph) g = graph_with (3);
  guint weak = relate (g, 0, 1, RWB_RELATION_TALKS, 1);
  guint strong = relate (g, 1, 0, RWB_RELATION_SUPPLY, 4);
  relate (g, 1, 2, RWB_RELATION_MENTION, 1);
  relate (g, 1, 2, RWB_RELATION_LOCATION, 2);
  g_autoptr (GPtrArray) paths = paths_of (g, 0, 2, 2, RWB_PATH_BY_COUNT);
  g_assert_cmpuint (paths->len, ==, 1);
  const RwbPath *p = g_ptr_array_index (paths, 0);
  g_assert_cmpuint (p->hops[0].n_relations, ==, 2);
  g_assert_cmpuint (p->hops[0].relations[0], ==, strong);
  g_assert_cmpuint (p->hops[0].relations[1], ==, weak);
  g_assert_cmpfloat (p->hops[0].evidence, ==, 5);
  /* The co-occurrence is not a relation of the hop. */
  g_assert_cmpuint (p->hops[1].n_relations, ==, 1);

  /* Errors: the same entity twice, a hidden one, one out of range. */
  g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (g, NULL);
  g_autoptr (GError) error = NULL;
  g_assert_null (rwb_analysis_paths (ag, 1, 1, 3, RWB_PATH_BY_COUNT, NULL, &error));
  g_assert_error (error, RWB_ANALYSIS_ERROR, RWB_ANALYSIS_ERROR_INVALID_ENTITY);
  g_clear_error (&error);
  g_assert_null (rwb_analysis_paths (ag, 1, 9, 3, RWB_PATH_BY_COUNT, NULL, &error));
  g_assert_error (error, RWB_ANALYSIS_ERROR, RWB_ANALYSIS_ERROR_INVALID_ENTITY);
  g_clear_error (&error);
  guint8 hidden[] = { 0, 0, 1 };
  RwbAnalysisOptions options = { .hidden = hidden, .n_hidden = 3 };
  g_autoptr (RwbAnalysisGraph) masked = rwb_analysis_graph_new (g, &options);
  g_assert_null (rwb_analysis_paths (masked, 0, 2, 3, RWB_PATH_BY_COUNT, NULL, &error));
  g_assert_error (error, RWB_ANALYSIS_ERROR, RWB_ANALYSIS_ERROR_INVALID_ENTITY);
}

/* Every simple path from @v to @target, by depth-first search: their costs. */
static void
all_paths (RwbAnalysisGraph *ag, RwbPathCost cost, guint v, guint target, gboolean *on,
           double sofar, GArray *costs)
{
  if (v == target)
    {
      g_array_append_val (costs, sofar);
      return;
    }
  on[v] = TRUE;
  for (guint a = ag->offsets[v]; a < ag->offsets[v + 1]; a++)
    {
      guint w = ag->neighbours[a];
      double step = cost == RWB_PATH_BY_COUNT
                      ? 1 : 1 / MAX (1.0, ag->pairs[ag->arc_pairs[a]].evidence);
      if (!on[w])
        all_paths (ag, cost, w, target, on, sofar + step, costs);
    }
  on[v] = FALSE;
}

static gint
compare_double (gconstpointer x, gconstpointer y)
{
  double a = *(const double *) x, b = *(const double *) y;
  return a < b ? -1 : a > b;
}

/* Yen's k shortest paths have the k smallest costs of all simple paths, each path once. */
static void
test_paths_brute (void)
{
  for (guint32 seed = 1; seed <= 6; seed++)
    {
      g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr (RwbGraph) g = graph_with (11);
      for (guint i = 0; i < 22; i++)
        {
          guint a = g_rand_int_range (rand, 0, 11), b = g_rand_int_range (rand, 0, 11);
          if (a != b)
            relate (g, a, b, RWB_RELATION_PARTNERSHIP, g_rand_int_range (rand, 1, 6));
        }
      g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (g, NULL);
      for (RwbPathCost cost = RWB_PATH_BY_COUNT; cost <= RWB_PATH_BY_EVIDENCE; cost++)
        {
          g_autoptr (GArray) costs = g_array_new (FALSE, FALSE, sizeof (double));
          gboolean on[11] = { 0 };
          all_paths (ag, cost, 0, 10, on, 0, costs);
          g_array_sort (costs, compare_double);
          const guint k = 12;
          g_autoptr (GPtrArray) paths = rwb_analysis_paths (ag, 0, 10, k, cost, NULL, NULL);
          g_assert_cmpuint (paths->len, ==, MIN (k, costs->len));
          g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               NULL);
          for (guint i = 0; i < paths->len; i++)
            {
              const RwbPath *p = g_ptr_array_index (paths, i);
              g_assert_cmpfloat_with_epsilon (p->cost, g_array_index (costs, double, i), 1e-9);
              guint m;
              g_autofree guint *nodes = rwb_path_get_entities (p, &m);
              GString *key = g_string_new (NULL);
              gboolean used[11] = { 0 };
              for (guint j = 0; j < m; j++)
                {
                  g_assert_false (used[nodes[j]]); /* simple */
                  used[nodes[j]] = TRUE;
                  g_string_append_printf (key, "%u,", nodes[j]);
                }
              g_assert_true (g_hash_table_add (seen, g_string_free (key, FALSE)));
            }
        }
    }
}

static void
test_paths_grid (void)
{
  /* A 3 × 3 grid: C(4, 2) = 6 shortest corner-to-corner paths of 4 steps, then 6 steps. */
  g_autoptr (RwbGraph) g = graph_with (9);
  for (guint y = 0; y < 3; y++)
    for (guint x = 0; x < 3; x++)
      {
        if (x < 2)
          join (g, 3 * y + x, 3 * y + x + 1);
        if (y < 2)
          join (g, 3 * y + x, 3 * (y + 1) + x);
      }
  g_autoptr (GPtrArray) paths = paths_of (g, 0, 8, 7, RWB_PATH_BY_COUNT);
  g_assert_cmpuint (paths->len, ==, 7);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpuint (((RwbPath *) g_ptr_array_index (paths, i))->n_hops, ==, 4);
  g_assert_cmpuint (((RwbPath *) g_ptr_array_index (paths, 6))->n_hops, ==, 6);
}

/* --- Communities --------------------------------------------------------------------------- */

static RwbCommunities *
communities_of (RwbGraph *g, const RwbAnalysisOptions *options, guint32 seed)
{
  g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (g, options);
  RwbCommunityOptions copts = { .seed = seed };
  g_autoptr (GError) error = NULL;
  RwbCommunities *c = rwb_analysis_communities (ag, &copts, NULL, &error);
  g_assert_no_error (error);
  return c;
}

static void
test_communities_cliques (void)
{
  /* Two K5 joined by a bridge, and entity 10 alone. m = 21; each clique has 20 inner
   * (ordered) and a total degree of 21: Q = 2 (20/42 − (21/42)²) = 19/42. */
  g_autoptr (RwbGraph) g = two_cliques (5);
  rwb_graph_add_entity (g, "alone", RWB_ENTITY_PLACE);
  for (guint32 seed = 1; seed <= 8; seed++)
    {
      g_autoptr (RwbCommunities) c = communities_of (g, NULL, seed);
      g_assert_cmpuint (c->n_communities, ==, 3);
      for (guint i = 1; i < 5; i++)
        {
          g_assert_cmpuint (c->community[i], ==, c->community[0]);
          g_assert_cmpuint (c->community[5 + i], ==, c->community[5]);
        }
      g_assert_cmpuint (c->community[0], !=, c->community[5]);
      /* Ties in size go to the lower entity index: the first clique is community 0. */
      g_assert_cmpuint (c->community[0], ==, 0);
      g_assert_cmpuint (c->community[5], ==, 1);
      g_assert_cmpuint (c->community[10], ==, 2); /* the isolated entity, on its own */
      g_assert_cmpfloat_with_epsilon (c->modularity, 19.0 / 42, 1e-12);
      g_assert_cmpuint (c->member_offsets[1] - c->member_offsets[0], ==, 5);
      g_assert_cmpmem (c->members + c->member_offsets[1], 5 * sizeof (guint),
                       ((guint[]) { 5, 6, 7, 8, 9 }), 5 * sizeof (guint));
      g_assert_cmpuint (c->members[c->member_offsets[2]], ==, 10);
      g_assert_cmpuint (c->member_offsets[3], ==, 11);
    }

  /* A hidden entity belongs to no community. */
  guint8 hidden[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
  RwbAnalysisOptions options = { .hidden = hidden, .n_hidden = 11 };
  g_autoptr (RwbCommunities) h = communities_of (g, &options, 1);
  g_assert_cmpuint (h->n_communities, ==, 2);
  g_assert_cmpuint (h->community[10], ==, RWB_COMMUNITY_NONE);
  g_assert_cmpuint (h->member_offsets[2], ==, 10);
}

static void
test_communities_ring (void)
{
  /* Six K5 in a ring, each joined to the next by one relation: six communities, each a
   * clique; modularity by hand: m = 66, every clique 20 inner and 22 in total:
   * 6 (20/132 − (22/132)²) = 10/11 − 1/6. */
  g_autoptr (RwbGraph) g = graph_with (30);
  for (guint c = 0; c < 6; c++)
    {
      for (guint i = 0; i < 5; i++)
        for (guint j = i + 1; j < 5; j++)
          join (g, 5 * c + i, 5 * c + j);
      join (g, 5 * c + 4, (5 * c + 5) % 30);
    }
  g_autoptr (RwbCommunities) c = communities_of (g, NULL, 1);
  g_assert_cmpuint (c->n_communities, ==, 6);
  for (guint i = 0; i < 30; i++)
    g_assert_cmpuint (c->community[i], ==, i / 5);
  g_assert_cmpfloat_with_epsilon (c->modularity, 10.0 / 11 - 1.0 / 6, 1e-12);

  /* The modularity of a given partition. */
  g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (g, NULL);
  guint all_one[30] = { 0 };
  g_assert_cmpfloat_with_epsilon (rwb_analysis_modularity (ag, all_one, FALSE), 0, 1e-12);
}

/* Zachary's karate club (W. W. Zachary, "An information flow model for conflict and fission in
 * small groups", J. Anthropological Research 33(4), 1977): 34 members, 78 friendships, 1-based
 * as published. The best partition has modularity 0.4198 (four communities). */
static const guint8 karate[][2] = {
  { 2, 1 }, { 3, 1 }, { 3, 2 }, { 4, 1 }, { 4, 2 }, { 4, 3 }, { 5, 1 }, { 6, 1 }, { 7, 1 },
  { 7, 5 }, { 7, 6 }, { 8, 1 }, { 8, 2 }, { 8, 3 }, { 8, 4 }, { 9, 1 }, { 9, 3 }, { 10, 3 },
  { 11, 1 }, { 11, 5 }, { 11, 6 }, { 12, 1 }, { 13, 1 }, { 13, 4 }, { 14, 1 }, { 14, 2 },
  { 14, 3 }, { 14, 4 }, { 17, 6 }, { 17, 7 }, { 18, 1 }, { 18, 2 }, { 20, 1 }, { 20, 2 },
  { 22, 1 }, { 22, 2 }, { 26, 24 }, { 26, 25 }, { 28, 3 }, { 28, 24 }, { 28, 25 }, { 29, 3 },
  { 30, 24 }, { 30, 27 }, { 31, 2 }, { 31, 9 }, { 32, 1 }, { 32, 25 }, { 32, 26 }, { 32, 29 },
  { 33, 3 }, { 33, 9 }, { 33, 15 }, { 33, 16 }, { 33, 19 }, { 33, 21 }, { 33, 23 }, { 33, 24 },
  { 33, 30 }, { 33, 31 }, { 33, 32 }, { 34, 9 }, { 34, 10 }, { 34, 14 }, { 34, 15 },
  { 34, 16 }, { 34, 19 }, { 34, 20 }, { 34, 21 }, { 34, 23 }, { 34, 24 }, { 34, 27 },
  { 34, 28 }, { 34, 29 }, { 34, 30 }, { 34, 31 }, { 34, 32 }, { 34, 33 },
};

static void
test_communities_karate (void)
{
  g_autoptr (RwbGraph) g = graph_with (34);
  for (guint i = 0; i < G_N_ELEMENTS (karate); i++)
    join (g, karate[i][0] - 1, karate[i][1] - 1);
  g_assert_cmpuint (g->relations->len, ==, 78);
  /* Louvain finds a local optimum that depends on the order of visits: over ten orders it
   * reaches the best partition known, and never falls far below (measured here: 0.398 to
   * 0.4198, mean 0.415). */
  double best = 0, mean = 0;
  for (guint32 seed = 1; seed <= 10; seed++)
    {
      g_autoptr (RwbCommunities) c = communities_of (g, NULL, seed);
      g_test_message ("seed %u: Q %.4f, %u communities", seed, c->modularity, c->n_communities);
      g_assert_cmpfloat (c->modularity, >=, 0.39);
      g_assert_cmpfloat (c->modularity, <=, 0.4198 + 1e-4);
      g_assert_cmpuint (c->n_communities, >=, 3);
      g_assert_cmpuint (c->n_communities, <=, 5);
      /* The instructor (1) and the administrator (34) end up apart, as the club did. */
      g_assert_cmpuint (c->community[0], !=, c->community[33]);
      best = MAX (best, c->modularity);
      mean += c->modularity / 10;
    }
  g_assert_cmpfloat (best, >=, 0.4198 - 1e-4);
  g_assert_cmpfloat (mean, >=, 0.41);
}

static void
test_communities_random (void)
{
  /* A random graph: same seed, same partition; its modularity is the one of its
   * communities and beats the trivial partitions. */
  g_autoptr (RwbGraph) g = random_graph (400, 800, 11);
  g_autoptr (RwbCommunities) a = communities_of (g, NULL, 4);
  g_autoptr (RwbCommunities) b = communities_of (g, NULL, 4);
  g_assert_cmpmem (a->community, 400 * sizeof (guint), b->community, 400 * sizeof (guint));
  g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (g, NULL);
  g_assert_cmpfloat_with_epsilon (rwb_analysis_modularity (ag, a->community, FALSE),
                                  a->modularity, 1e-12);
  g_assert_cmpfloat (a->modularity, >, 0.3);
  g_assert_cmpuint (a->n_levels, >=, 2);
  /* Members are grouped by community, ascending. */
  for (guint c = 0; c < a->n_communities; c++)
    for (guint m = a->member_offsets[c]; m < a->member_offsets[c + 1]; m++)
      {
        g_assert_cmpuint (a->community[a->members[m]], ==, c);
        if (m > a->member_offsets[c])
          g_assert_cmpuint (a->members[m - 1], <, a->members[m]);
        if (c > 0)
          g_assert_cmpuint (a->member_offsets[c + 1] - a->member_offsets[c], <=,
                            a->member_offsets[c] - a->member_offsets[c - 1]);
      }

  /* No relations at all: every entity alone, modularity 0. */
  g_autoptr (RwbGraph) empty = graph_with (4);
  g_autoptr (RwbCommunities) e = communities_of (empty, NULL, 1);
  g_assert_cmpuint (e->n_communities, ==, 4);
  g_assert_cmpfloat (e->modularity, ==, 0);
}

/* --- Ego networks -------------------------------------------------------------------------- */

static void
test_ego (void)
{
  g_autoptr (RwbGraph) g = path_graph (6);
  g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (g, NULL);
  g_autoptr (GArray) dist = NULL;
  g_autoptr (GArray) one = rwb_analysis_ego (ag, (guint[]) { 2 }, 1, 1, &dist, NULL);
  g_assert_cmpmem (one->data, one->len * sizeof (guint), ((guint[]) { 2, 1, 3 }),
                   3 * sizeof (guint));
  g_assert_cmpmem (dist->data, dist->len * sizeof (guint), ((guint[]) { 0, 1, 1 }),
                   3 * sizeof (guint));
  g_autoptr (GArray) two = rwb_analysis_ego (ag, (guint[]) { 2, 5 }, 2, 2, NULL, NULL);
  g_assert_cmpmem (two->data, two->len * sizeof (guint), ((guint[]) { 2, 5, 1, 3, 4, 0 }),
                   6 * sizeof (guint));
  g_autoptr (GArray) zero = rwb_analysis_ego (ag, (guint[]) { 4 }, 1, 0, NULL, NULL);
  g_assert_cmpuint (zero->len, ==, 1);

  g_autoptr (GError) error = NULL;
  g_assert_null (rwb_analysis_ego (ag, (guint[]) { 6 }, 1, 1, NULL, &error));
  g_assert_error (error, RWB_ANALYSIS_ERROR, RWB_ANALYSIS_ERROR_INVALID_ENTITY);
}

static void
test_subgraph (void)
{
  g_autoptr (RwbGraph) g = rwb_graph_new ();
  guint d0 = rwb_graph_add_document (g, "a.txt", "en", "Alpha supplies Beta.");
  guint d1 = rwb_graph_add_document (g, "b.txt", "en", "Gamma owns Delta.");
  guint d2 = rwb_graph_add_document (g, "c.txt", "ar", "Beta talks to Gamma.");
  guint alpha = rwb_graph_add_entity (g, "Alpha", RWB_ENTITY_COMPANY);
  guint beta = rwb_graph_add_entity (g, "Beta", RWB_ENTITY_COMPANY);
  guint gamma = rwb_graph_add_entity (g, "Gamma", RWB_ENTITY_PERSON);
  guint delta = rwb_graph_add_entity (g, "Delta", RWB_ENTITY_PLACE);
  rwb_entity_add_alias (g_ptr_array_index (g->entities, beta), "Beta Corp");
  rwb_entity_add_mention (g_ptr_array_index (g->entities, beta), d0, 15, 19);
  rwb_entity_add_mention (g_ptr_array_index (g->entities, gamma), d2, 14, 19);
  rwb_entity_add_mention (g_ptr_array_index (g->entities, delta), d1, 11, 16);
  guint r = rwb_graph_ensure_relation (g, alpha, beta, RWB_RELATION_SUPPLY, 0.9);
  rwb_relation_add_evidence_span (g_ptr_array_index (g->relations, r), d0, 0, 20, 0, 20,
                                  "supplies", 0.9);
  r = rwb_graph_ensure_relation (g, beta, gamma, RWB_RELATION_TALKS, 0.7);
  rwb_relation_add_evidence (g_ptr_array_index (g->relations, r), d2, 0, 20,
                             "Beta talks to Gamma.", "talks", 0.7);
  rwb_graph_ensure_relation (g, gamma, delta, RWB_RELATION_OWNERSHIP, 0.7);

  /* Beta and Gamma: their relation, document c.txt (and a.txt, where Beta is named). */
  guint keep[] = { gamma, beta };
  g_autoptr (RwbGraph) sub = rwb_analysis_subgraph (g, keep, 2, NULL);
  g_assert_cmpuint (sub->entities->len, ==, 2);
  const RwbEntity *e0 = g_ptr_array_index (sub->entities, 0);
  const RwbEntity *e1 = g_ptr_array_index (sub->entities, 1);
  g_assert_cmpstr (e0->name, ==, "Gamma");
  g_assert_cmpstr (e1->name, ==, "Beta");
  g_assert_cmpstr (e1->id, ==, ((RwbEntity *) g_ptr_array_index (g->entities, beta))->id);
  g_assert_cmpuint (e1->aliases->len, ==, 1);
  g_assert_cmpuint (sub->relations->len, ==, 1);
  g_assert_cmpuint (sub->documents->len, ==, 2);
  g_assert_cmpstr (((RwbDocument *) g_ptr_array_index (sub->documents, 0))->path, ==, "a.txt");
  g_assert_cmpstr (((RwbDocument *) g_ptr_array_index (sub->documents, 1))->path, ==, "c.txt");
  const RwbRelation *rel = g_ptr_array_index (sub->relations, 0);
  g_assert_cmpuint (rel->source, ==, 1);
  g_assert_cmpuint (rel->target, ==, 0);
  const RwbEvidence *ev = &g_array_index (rel->evidence, RwbEvidence, 0);
  g_assert_cmpuint (ev->document, ==, 1);
  g_assert_cmpuint (g_array_index (e0->mentions, RwbSpan, 0).document, ==, 1);
  g_assert_cmpuint (g_array_index (e1->mentions, RwbSpan, 0).document, ==, 0);
  g_assert_cmpuint (rwb_graph_entity_degree (sub, 1, FALSE), ==, 1);

  /* Alpha and Beta: the evidence that points into its document's text still reads. */
  guint pair[] = { alpha, beta };
  g_autoptr (RwbGraph) ab = rwb_analysis_subgraph (g, pair, 2, NULL);
  g_assert_cmpuint (ab->documents->len, ==, 1);
  rel = g_ptr_array_index (ab->relations, 0);
  g_autofree char *text = rwb_graph_evidence_text (ab, &g_array_index (rel->evidence,
                                                                       RwbEvidence, 0));
  g_assert_cmpstr (text, ==, "Alpha supplies Beta.");

  g_autoptr (GError) error = NULL;
  g_assert_null (rwb_analysis_subgraph (g, (guint[]) { beta, beta }, 2, &error));
  g_assert_error (error, RWB_ANALYSIS_ERROR, RWB_ANALYSIS_ERROR_INVALID_ENTITY);
  g_clear_error (&error);
  g_assert_null (rwb_analysis_subgraph (g, (guint[]) { 7 }, 1, &error));
  g_assert_error (error, RWB_ANALYSIS_ERROR, RWB_ANALYSIS_ERROR_INVALID_ENTITY);
}

/* --- Statistics ---------------------------------------------------------------------------- */

/* Not g_ptr_array_index (g->relations, rwb_graph_ensure_relation (…)): that may read the
 * array before the call grows it. */
static RwbRelation *
relation_of (RwbGraph *g, guint index)
{
  return g_ptr_array_index (g->relations, index);
}

static void
test_statistics (void)
{
  g_autoptr (RwbGraph) g = rwb_graph_new ();
  rwb_graph_add_document (g, "a.txt", "en", "one");
  rwb_graph_add_document (g, "b.txt", "en", "two");
  guint a = rwb_graph_add_entity (g, "A", RWB_ENTITY_COMPANY);
  guint b = rwb_graph_add_entity (g, "B", RWB_ENTITY_COMPANY);
  guint c = rwb_graph_add_entity (g, "C", RWB_ENTITY_COMPANY);
  guint p = rwb_graph_add_entity (g, "P", RWB_ENTITY_PERSON);
  rwb_graph_add_entity (g, "X", RWB_ENTITY_PLACE);
  for (guint i = 0; i < 5; i++)
    rwb_entity_add_mention (g_ptr_array_index (g->entities, i), 0, 10 * i, 10 * i + 1);
  rwb_entity_add_mention (g_ptr_array_index (g->entities, b), 1, 0, 1);
  rwb_entity_add_mention (g_ptr_array_index (g->entities, b), 1, 5, 6);
  RwbRelation *r;
  r = relation_of (g, rwb_graph_ensure_relation (g, a, b, RWB_RELATION_SUPPLY, 1));
  rwb_relation_add_evidence (r, 0, 0, 3, NULL, NULL, 1);
  rwb_relation_add_evidence (r, 1, 0, 3, NULL, NULL, 1);
  r = relation_of (g, rwb_graph_ensure_relation (g, b, c, RWB_RELATION_SUPPLY, 1));
  rwb_relation_add_evidence (r, 1, 0, 3, NULL, NULL, 1);
  r = relation_of (g, rwb_graph_ensure_relation (g, p, b, RWB_RELATION_EXECUTIVE, 1));
  rwb_relation_add_evidence (r, 0, 0, 3, NULL, NULL, 1);
  r = relation_of (g, rwb_graph_ensure_relation (g, c, a, RWB_RELATION_MENTION, 1));
  rwb_relation_add_evidence (r, 0, 0, 3, NULL, NULL, 1);

  g_autoptr (RwbStatistics) st = rwb_analysis_statistics (g, NULL, 2);
  g_assert_cmpuint (st->n_entities, ==, 5);
  g_assert_cmpuint (st->n_relations, ==, 3);
  g_assert_cmpuint (st->n_pairs, ==, 3);
  g_assert_cmpuint (st->n_isolated, ==, 1); /* X */
  g_assert_cmpuint (st->entities_by_type[RWB_ENTITY_COMPANY], ==, 3);
  g_assert_cmpuint (st->entities_by_type[RWB_ENTITY_PLACE], ==, 1);
  g_assert_cmpuint (st->relations_by_type[RWB_RELATION_SUPPLY], ==, 2);
  g_assert_cmpuint (st->relations_by_type[RWB_RELATION_MENTION], ==, 1);
  g_assert_cmpuint (st->evidence_by_type[RWB_RELATION_SUPPLY], ==, 3);
  g_assert_cmpuint (st->documents_by_type[RWB_RELATION_SUPPLY], ==, 2);
  g_assert_cmpuint (st->documents_by_type[RWB_RELATION_EXECUTIVE], ==, 1);
  g_assert_cmpuint (st->n_top_companies, ==, 2);
  g_assert_cmpuint (st->top_companies[0], ==, b);
  /* A and C both have one counted relation; A has more evidence. */
  g_assert_cmpuint (st->top_companies[1], ==, a);
  g_assert_cmpuint (st->n_documents, ==, 2);
  g_assert_cmpuint (st->documents[0].n_entities, ==, 5);
  g_assert_cmpuint (st->documents[1].n_entities, ==, 1);
  g_assert_cmpuint (st->documents[0].n_relations, ==, 2);
  g_assert_cmpuint (st->documents[1].n_relations, ==, 2);
  g_assert_cmpuint (st->documents[1].n_evidence, ==, 2);

  /* B hidden: its relations go, A and C keep the co-occurrence only when it counts. */
  guint8 hidden[] = { 0, 1 };
  RwbAnalysisOptions options = { .with_mentions = TRUE, .hidden = hidden, .n_hidden = 2 };
  g_autoptr (RwbStatistics) hb = rwb_analysis_statistics (g, &options, 5);
  g_assert_cmpuint (hb->n_entities, ==, 4);
  g_assert_cmpuint (hb->n_relations, ==, 1);
  g_assert_cmpuint (hb->n_isolated, ==, 2); /* P and X */
  g_assert_cmpuint (hb->n_top_companies, ==, 2);
  g_assert_cmpuint (hb->documents[1].n_entities, ==, 0);
}

/* --- Async --------------------------------------------------------------------------------- */

typedef struct {
  GMainLoop *loop;
  GAsyncResult *result;
  guint progress_calls;
  double last_progress;
} Wait;

static void
done (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  w->result = g_object_ref (result);
  g_main_loop_quit (w->loop);
}

static void
progress (double fraction, gpointer data)
{
  Wait *w = data;
  g_assert_null (w->result);
  g_assert_cmpfloat (fraction, >=, w->last_progress);
  w->last_progress = fraction;
  w->progress_calls++;
}

static void
test_async (void)
{
  g_autoptr (RwbGraph) g = two_cliques (30);
  g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (g, NULL);
  Wait w = { g_main_loop_new (NULL, FALSE) };

  rwb_analysis_betweenness_async (ag, NULL, progress, &w, NULL, done, &w);
  g_main_loop_run (w.loop);
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbBetweenness) b = rwb_analysis_betweenness_finish (w.result, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (b->values[29], ==, 29.0 * 30); /* the other 29 of its clique × 30 */
  g_assert_cmpuint (w.progress_calls, >=, 1);
  g_clear_object (&w.result);

  rwb_analysis_communities_async (ag, NULL, NULL, done, &w);
  g_main_loop_run (w.loop);
  g_autoptr (RwbCommunities) c = rwb_analysis_communities_finish (w.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->n_communities, ==, 2);
  g_clear_object (&w.result);

  rwb_analysis_paths_async (ag, 0, 59, 3, RWB_PATH_BY_COUNT, NULL, done, &w);
  g_main_loop_run (w.loop);
  g_autoptr (GPtrArray) paths = rwb_analysis_paths_finish (w.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 3);
  g_assert_cmpuint (((RwbPath *) g_ptr_array_index (paths, 0))->n_hops, ==, 3);
  g_clear_object (&w.result);

  /* Cancelled: an error, no result. */
  g_autoptr (GCancellable) cancel = g_cancellable_new ();
  g_cancellable_cancel (cancel);
  rwb_analysis_betweenness_async (ag, NULL, NULL, NULL, cancel, done, &w);
  g_main_loop_run (w.loop);
  g_assert_null (rwb_analysis_betweenness_finish (w.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&w.result);
  rwb_analysis_communities_async (ag, NULL, cancel, done, &w);
  g_main_loop_run (w.loop);
  g_assert_null (rwb_analysis_communities_finish (w.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&w.result);
  rwb_analysis_paths_async (ag, 0, 59, 3, RWB_PATH_BY_COUNT, cancel, done, &w);
  g_main_loop_run (w.loop);
  g_assert_null (rwb_analysis_paths_finish (w.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&w.result);
  g_main_loop_unref (w.loop);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analysis/snapshot", test_snapshot);
  g_test_add_func ("/analysis/betweenness/known", test_betweenness_known);
  g_test_add_func ("/analysis/betweenness/brute-force", test_betweenness_brute);
  g_test_add_func ("/analysis/betweenness/sampled", test_betweenness_sampled);
  g_test_add_func ("/analysis/rank", test_rank);
  g_test_add_func ("/analysis/paths/known", test_paths_known);
  g_test_add_func ("/analysis/paths/hops", test_paths_hops);
  g_test_add_func ("/analysis/paths/brute-force", test_paths_brute);
  g_test_add_func ("/analysis/paths/grid", test_paths_grid);
  g_test_add_func ("/analysis/communities/cliques", test_communities_cliques);
  g_test_add_func ("/analysis/communities/ring", test_communities_ring);
  g_test_add_func ("/analysis/communities/karate", test_communities_karate);
  g_test_add_func ("/analysis/communities/random", test_communities_random);
  g_test_add_func ("/analysis/ego", test_ego);
  g_test_add_func ("/analysis/subgraph", test_subgraph);
  g_test_add_func ("/analysis/statistics", test_statistics);
  g_test_add_func ("/analysis/async", test_async);
  return g_test_run ();
}
