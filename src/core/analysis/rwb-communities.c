/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-communities.c — Louvain community detection over the analysis snapshot.
 *
 * V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, "Fast unfolding of
 * communities in large networks", J. Stat. Mech. (2008) P10008, arXiv:0803.0476.
 *
 * Modularity Q = Σ_c [ in_c / 2m − (tot_c / 2m)² ], where in_c adds the weights of the edges
 * inside community c (each counted from both ends) and tot_c the strengths of its nodes.
 * Phase one visits every node and moves it to the neighbouring community with the largest
 * gain k_{u,c} − tot_c k_u / 2m (k_{u,c}: u's weight towards c), passes over all nodes until
 * modularity stops rising; phase two makes each community one node (its inside weight a loop)
 * and starts again, until a level moves nothing. Each pass is O(V + E): the weights towards
 * neighbouring communities are gathered in one scratch array and reset where touched.
 */
#define G_LOG_DOMAIN "rawabit-analysis"

#include "rwb-communities.h"

#include "rwb-analysis-task-private.h"

#include <stdlib.h>

/* Passes stop when a pass raises modularity by less than this. */
#define MIN_GAIN 1e-10
/* A bound that cannot be reached in practice: modularity rises at every pass. */
#define MAX_PASSES 1000

/* One level of the algorithm: a weighted graph whose nodes are the communities of the level
 * below. */
typedef struct {
  guint n;
  guint *offsets;   /* [n + 1] */
  guint *adj;       /* neighbours, never the node itself */
  double *w;        /* weight of each arc */
  double *loop;     /* [n]: weight inside the node, each inner edge counted from both ends */
  double *k;        /* [n]: strength, loop + Σ w */
} Level;

static void
level_free (Level *g)
{
  if (g == NULL)
    return;
  g_free (g->offsets);
  g_free (g->adj);
  g_free (g->w);
  g_free (g->loop);
  g_free (g->k);
  g_free (g);
}

static double
edge_weight (const RwbAnalysisGraph *ag, guint pair, gboolean weighted)
{
  return weighted ? MAX (1.0, ag->pairs[pair].evidence) : 1.0;
}

static Level *
level_from_snapshot (const RwbAnalysisGraph *ag, gboolean weighted)
{
  Level *g = g_new0 (Level, 1);
  guint n_arcs = ag->offsets[ag->n_nodes];
  g->n = ag->n_nodes;
  g->offsets = g_memdup2 (ag->offsets, (g->n + 1) * sizeof (guint));
  g->adj = g_memdup2 (ag->neighbours, (n_arcs + 1) * sizeof (guint));
  g->w = g_new (double, n_arcs + 1);
  g->loop = g_new0 (double, g->n + 1);
  g->k = g_new0 (double, g->n + 1);
  for (guint u = 0; u < g->n; u++)
    for (guint a = g->offsets[u]; a < g->offsets[u + 1]; a++)
      {
        g->w[a] = edge_weight (ag, ag->arc_pairs[a], weighted);
        g->k[u] += g->w[a];
      }
  return g;
}

static double
level_modularity (const Level *g, const guint *comm, double m2, double *in, double *tot)
{
  for (guint c = 0; c < g->n; c++)
    in[c] = tot[c] = 0;
  for (guint u = 0; u < g->n; u++)
    {
      in[comm[u]] += g->loop[u];
      tot[comm[u]] += g->k[u];
      for (guint a = g->offsets[u]; a < g->offsets[u + 1]; a++)
        if (comm[g->adj[a]] == comm[u])
          in[comm[u]] += g->w[a];
    }
  double q = 0;
  for (guint c = 0; c < g->n; c++)
    if (tot[c] > 0)
      q += in[c] / m2 - (tot[c] / m2) * (tot[c] / m2);
  return q;
}

/* Phase one on @g from singletons; @comm gets each node's community (a node index). Returns
 * whether any node ended up away from its own, or FALSE with @error when cancelled. */
static gboolean
local_moves (const Level *g, double m2, guint *comm, GRand *rand, GCancellable *cancellable,
             gboolean *moved, GError **error)
{
  g_autofree guint *order = g_new (guint, g->n + 1);
  g_autofree double *tot = g_new (double, g->n + 1);
  g_autofree double *in = g_new (double, g->n + 1);
  g_autofree double *towards = g_new (double, g->n + 1);
  g_autofree guint *touched = g_new (guint, g->n + 1);
  for (guint u = 0; u < g->n; u++)
    {
      comm[u] = u;
      tot[u] = g->k[u];
      towards[u] = -1;
      order[u] = u;
    }
  for (guint i = g->n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      guint t = order[i - 1];
      order[i - 1] = order[j];
      order[j] = t;
    }

  double q = level_modularity (g, comm, m2, in, tot);
  for (guint u = 0; u < g->n; u++)
    tot[u] = g->k[u];
  *moved = FALSE;
  for (guint pass = 0; pass < MAX_PASSES; pass++)
    {
      guint moves = 0;
      for (guint i = 0; i < g->n; i++)
        {
          guint u = order[i], own = comm[u], n_touched = 0;
          if (g->offsets[u] == g->offsets[u + 1])
            continue; /* nothing to join */
          towards[own] = 0;
          touched[n_touched++] = own;
          for (guint a = g->offsets[u]; a < g->offsets[u + 1]; a++)
            {
              guint c = comm[g->adj[a]];
              if (towards[c] < 0)
                {
                  towards[c] = 0;
                  touched[n_touched++] = c;
                }
              towards[c] += g->w[a];
            }
          tot[own] -= g->k[u];
          guint best = own;
          double best_gain = towards[own] - tot[own] * g->k[u] / m2;
          for (guint t = 0; t < n_touched; t++)
            {
              guint c = touched[t];
              double gain = towards[c] - tot[c] * g->k[u] / m2;
              if (gain > best_gain)
                {
                  best = c;
                  best_gain = gain;
                }
            }
          tot[best] += g->k[u];
          comm[u] = best;
          moves += best != own;
          for (guint t = 0; t < n_touched; t++)
            towards[touched[t]] = -1;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (moves == 0)
        break;
      *moved = TRUE;
      double next = level_modularity (g, comm, m2, in, tot);
      /* level_modularity left tot as it was: the communities' strengths. */
      if (next - q < MIN_GAIN)
        break;
      q = next;
    }
  return TRUE;
}

/* Renumbers @comm 0 .. n_communities - 1 (first seen, first numbered) and builds the level
 * whose nodes are those communities. */
static Level *
aggregate (const Level *g, guint *comm)
{
  g_autofree guint *number = g_new (guint, g->n + 1);
  guint nc = 0;
  for (guint c = 0; c < g->n; c++)
    number[c] = G_MAXUINT;
  for (guint u = 0; u < g->n; u++)
    {
      if (number[comm[u]] == G_MAXUINT)
        number[comm[u]] = nc++;
      comm[u] = number[comm[u]];
    }

  g_autofree guint *start = g_new0 (guint, nc + 1);
  g_autofree guint *members = g_new (guint, g->n + 1);
  for (guint u = 0; u < g->n; u++)
    start[comm[u] + 1]++;
  for (guint c = 0; c < nc; c++)
    start[c + 1] += start[c];
  g_autofree guint *fill = g_memdup2 (start, (nc + 1) * sizeof (guint));
  for (guint u = 0; u < g->n; u++)
    members[fill[comm[u]]++] = u;

  Level *h = g_new0 (Level, 1);
  h->n = nc;
  h->offsets = g_new0 (guint, nc + 1);
  h->loop = g_new0 (double, nc + 1);
  h->k = g_new0 (double, nc + 1);
  g_autoptr (GArray) adj = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) w = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree double *towards = g_new (double, nc + 1);
  g_autofree guint *touched = g_new (guint, nc + 1);
  for (guint c = 0; c < nc; c++)
    towards[c] = -1;
  for (guint c = 0; c < nc; c++)
    {
      guint n_touched = 0;
      for (guint m = start[c]; m < start[c + 1]; m++)
        {
          guint u = members[m];
          h->loop[c] += g->loop[u];
          h->k[c] += g->k[u];
          for (guint a = g->offsets[u]; a < g->offsets[u + 1]; a++)
            {
              guint d = comm[g->adj[a]];
              if (d == c)
                {
                  h->loop[c] += g->w[a];
                  continue;
                }
              if (towards[d] < 0)
                {
                  towards[d] = 0;
                  touched[n_touched++] = d;
                }
              towards[d] += g->w[a];
            }
        }
      for (guint t = 0; t < n_touched; t++)
        {
          g_array_append_val (adj, touched[t]);
          g_array_append_val (w, towards[touched[t]]);
          towards[touched[t]] = -1;
        }
      h->offsets[c + 1] = adj->len;
    }
  h->adj = (guint *) g_array_free (g_steal_pointer (&adj), FALSE);
  h->w = (double *) g_array_free (g_steal_pointer (&w), FALSE);
  return h;
}

typedef struct {
  const guint *size;
  const guint *first;
} CommunityOrder;

static int
compare_communities (const void *x, const void *y, void *data)
{
  const CommunityOrder *o = data;
  guint c = *(const guint *) x, d = *(const guint *) y;
  if (o->size[c] != o->size[d])
    return o->size[c] > o->size[d] ? -1 : 1;
  return o->first[c] < o->first[d] ? -1 : o->first[c] > o->first[d];
}

/* Numbers the communities of @assign (ids below ag->n_nodes) by size, fills @result. */
static void
number_communities (const RwbAnalysisGraph *ag, const guint *assign, RwbCommunities *result)
{
  guint n = ag->n_nodes;
  g_autofree guint *size = g_new0 (guint, n + 1);
  g_autofree guint *first = g_new (guint, n + 1);
  g_autofree guint *ids = g_new (guint, n + 1);
  g_autofree guint *number = g_new (guint, n + 1);
  guint nc = 0;
  for (guint c = 0; c < n; c++)
    first[c] = G_MAXUINT;
  for (guint u = 0; u < n; u++)
    if (ag->included[u])
      {
        guint c = assign[u];
        if (size[c]++ == 0)
          {
            first[c] = u;
            ids[nc++] = c;
          }
      }
  CommunityOrder order = { size, first };
  g_qsort_with_data (ids, nc, sizeof (guint), compare_communities, &order);
  for (guint i = 0; i < nc; i++)
    number[ids[i]] = i;

  result->n_communities = nc;
  result->community = g_new (guint, n + 1);
  result->member_offsets = g_new0 (guint, nc + 1);
  result->members = g_new (guint, ag->n_included + 1);
  for (guint u = 0; u < n; u++)
    {
      result->community[u] = ag->included[u] ? number[assign[u]] : RWB_COMMUNITY_NONE;
      if (ag->included[u])
        result->member_offsets[result->community[u] + 1]++;
    }
  for (guint c = 0; c < nc; c++)
    result->member_offsets[c + 1] += result->member_offsets[c];
  g_autofree guint *fill = g_memdup2 (result->member_offsets, (nc + 1) * sizeof (guint));
  for (guint u = 0; u < n; u++)
    if (ag->included[u])
      result->members[fill[result->community[u]]++] = u;
}

/**
 * rwb_analysis_communities:
 * @ag: a snapshot
 * @options: (nullable): weights and seed; NULL for the defaults
 * @cancellable: (nullable): checked after each pass
 * @error: return location for an error
 *
 * Finds communities among the included entities of @ag with the Louvain method. The same
 * snapshot and options give the same communities on every run.
 *
 * Returns: (transfer full) (nullable): the communities, or NULL when cancelled
 */
RwbCommunities *
rwb_analysis_communities (RwbAnalysisGraph *ag, const RwbCommunityOptions *options,
                          GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (ag != NULL, NULL);
  gboolean weighted = options && options->weighted;
  guint32 seed = options && options->seed ? options->seed : 1;
  guint n = ag->n_nodes;

  g_autofree guint *assign = g_new (guint, n + 1);
  for (guint u = 0; u < n; u++)
    assign[u] = u;
  Level *level = level_from_snapshot (ag, weighted);
  double m2 = 0;
  for (guint u = 0; u < level->n; u++)
    m2 += level->k[u];
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint n_levels = 0;
  while (m2 > 0)
    {
      g_autofree guint *comm = g_new (guint, level->n + 1);
      gboolean moved;
      if (!local_moves (level, m2, comm, rand, cancellable, &moved, error))
        {
          level_free (level);
          return NULL;
        }
      if (!moved)
        break;
      n_levels++;
      Level *next = aggregate (level, comm);
      for (guint u = 0; u < n; u++)
        assign[u] = comm[assign[u]];
      gboolean merged = next->n < level->n;
      level_free (level);
      level = next;
      if (!merged)
        break;
    }
  level_free (level);

  RwbCommunities *result = g_new0 (RwbCommunities, 1);
  result->n_nodes = n;
  result->n_levels = n_levels;
  number_communities (ag, assign, result);
  result->modularity = rwb_analysis_modularity (ag, result->community, weighted);
  return result;
}

/**
 * rwb_analysis_modularity:
 * @ag: a snapshot
 * @community: (array): a community id below ag->n_nodes for every node, or
 *   RWB_COMMUNITY_NONE for nodes left out
 * @weighted: whether edges weigh their evidence count (else 1 each)
 *
 * Returns: the modularity of the partition (0 when @ag has no edges)
 */
double
rwb_analysis_modularity (RwbAnalysisGraph *ag, const guint *community, gboolean weighted)
{
  g_return_val_if_fail (ag != NULL && (community != NULL || ag->n_nodes == 0), 0);
  guint n = ag->n_nodes;
  g_autofree double *in = g_new0 (double, n + 1);
  g_autofree double *tot = g_new0 (double, n + 1);
  double m2 = 0;
  for (guint u = 0; u < n; u++)
    for (guint a = ag->offsets[u]; a < ag->offsets[u + 1]; a++)
      {
        double w = edge_weight (ag, ag->arc_pairs[a], weighted);
        guint c = community[u];
        m2 += w;
        if (c >= n)
          continue;
        tot[c] += w;
        if (community[ag->neighbours[a]] == c)
          in[c] += w;
      }
  if (m2 == 0)
    return 0;
  double q = 0;
  for (guint c = 0; c < n; c++)
    q += in[c] / m2 - (tot[c] / m2) * (tot[c] / m2);
  return q;
}

/* --- Async --------------------------------------------------------------------------------- */

static gpointer
communities_task (RwbAnalysisGraph *ag, gconstpointer params, GCancellable *cancellable,
                  RwbAnalysisReportFunc report, gpointer report_data, GError **error)
{
  return rwb_analysis_communities (ag, params, cancellable, error);
}

/**
 * rwb_analysis_communities_async:
 * @ag: a snapshot (a reference is held until the task ends)
 * @options: (nullable): as for rwb_analysis_communities(); copied
 * @cancellable: (nullable): cancels between two passes
 * @callback: called when done
 * @user_data: for @callback
 *
 * Runs rwb_analysis_communities() in a worker thread.
 */
void
rwb_analysis_communities_async (RwbAnalysisGraph *ag, const RwbCommunityOptions *options,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_return_if_fail (ag != NULL);
  RwbCommunityOptions copy = { 0 };
  if (options)
    copy = *options;
  rwb_analysis_task_run (ag, &copy, sizeof copy, communities_task,
                         (GDestroyNotify) rwb_communities_free, NULL, NULL,
                         rwb_analysis_communities_async, cancellable, callback, user_data);
}

/**
 * rwb_analysis_communities_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the communities, or NULL with @error set
 */
RwbCommunities *
rwb_analysis_communities_finish (GAsyncResult *result, GError **error)
{
  return rwb_analysis_task_finish (result, rwb_analysis_communities_async, error);
}

/**
 * rwb_communities_free:
 * @communities: (nullable) (transfer full): a result
 *
 * Frees a communities result.
 */
void
rwb_communities_free (RwbCommunities *communities)
{
  if (communities == NULL)
    return;
  g_free (communities->community);
  g_free (communities->member_offsets);
  g_free (communities->members);
  g_free (communities);
}
