/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-paths.c — the k shortest simple paths between two entities.
 *
 * J. Y. Yen, "Finding the k shortest loopless paths in a network", Management Science
 * 17(11):712–716, 1971. Having found the i shortest paths, each node of the last one is tried
 * as a spur: the path's prefix up to it (the root) is kept, its nodes blocked, and so is the
 * next step of every path found so far that shares that root; the shortest path from the spur
 * to the target in what is left, after the root, is a candidate. The best candidate is the
 * next path. Each spur search is one breadth-first search or one Dijkstra with a binary heap,
 * on arrays reset by a stamp (no clearing per search), so a round costs O(L (V + E)) for a path
 * of L hops.
 */
#define G_LOG_DOMAIN "rawabit-analysis"

#include "rwb-paths.h"

#include "rwb-analysis-task-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* A path while it is being found: nodes and the pair of each step. */
typedef struct {
  GArray *nodes; /* guint */
  GArray *pairs; /* guint, one fewer */
  double cost;
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *c = data;
  g_array_unref (c->nodes);
  g_array_unref (c->pairs);
  g_free (c);
}

static Candidate *
candidate_new (void)
{
  Candidate *c = g_new0 (Candidate, 1);
  c->nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  c->pairs = g_array_new (FALSE, FALSE, sizeof (guint));
  return c;
}

typedef struct {
  double d;
  guint node;
} HeapItem;

typedef struct {
  const RwbAnalysisGraph *ag;
  RwbPathCost cost;
  guint block;        /* current blocking stamp */
  guint search;       /* current search stamp */
  guint *node_block;  /* == block: the node may not be used */
  guint *pair_block;  /* == block: the pair may not be used */
  guint *reached;     /* == search: dist, parent are set */
  guint *settled;     /* == search: Dijkstra is done with the node */
  guint *parent;      /* node it was reached from */
  guint *parent_pair;
  double *dist;
  guint *queue;
  GArray *heap;       /* HeapItem, a binary min-heap */
} Search;

static double
pair_weight (const Search *s, guint pair)
{
  if (s->cost == RWB_PATH_BY_COUNT)
    return 1;
  return 1 / MAX (1.0, s->ag->pairs[pair].evidence);
}

static gboolean
heap_less (const HeapItem *x, const HeapItem *y)
{
  return x->d < y->d || (x->d == y->d && x->node < y->node);
}

static void
heap_push (GArray *heap, double d, guint node)
{
  HeapItem item = { d, node };
  g_array_append_val (heap, item);
  HeapItem *h = (HeapItem *) heap->data;
  for (guint i = heap->len - 1; i > 0;)
    {
      guint up = (i - 1) / 2;
      if (!heap_less (&h[i], &h[up]))
        break;
      HeapItem t = h[i];
      h[i] = h[up];
      h[up] = t;
      i = up;
    }
}

static HeapItem
heap_pop (GArray *heap)
{
  HeapItem *h = (HeapItem *) heap->data;
  HeapItem top = h[0];
  h[0] = h[heap->len - 1];
  g_array_set_size (heap, heap->len - 1);
  for (guint i = 0;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;
      if (l < heap->len && heap_less (&h[l], &h[m]))
        m = l;
      if (r < heap->len && heap_less (&h[r], &h[m]))
        m = r;
      if (m == i)
        break;
      HeapItem t = h[i];
      h[i] = h[m];
      h[m] = t;
      i = m;
    }
  return top;
}

static gboolean
usable (const Search *s, guint node, guint pair)
{
  return s->node_block[node] != s->block && s->pair_block[pair] != s->block;
}

/* The shortest path from @from to @to avoiding what is blocked, appended to @out (from
 * included); FALSE when there is none. */
static gboolean
shortest (Search *s, guint from, guint to, Candidate *out)
{
  const RwbAnalysisGraph *ag = s->ag;
  s->search++;
  s->reached[from] = s->search;
  s->dist[from] = 0;
  gboolean found = FALSE;
  if (s->cost == RWB_PATH_BY_COUNT)
    {
      guint head = 0, tail = 0;
      s->queue[tail++] = from;
      while (head < tail && !found)
        {
          guint v = s->queue[head++];
          for (guint a = ag->offsets[v]; a < ag->offsets[v + 1]; a++)
            {
              guint w = ag->neighbours[a], p = ag->arc_pairs[a];
              if (s->reached[w] == s->search || !usable (s, w, p))
                continue;
              s->reached[w] = s->search;
              s->parent[w] = v;
              s->parent_pair[w] = p;
              if (w == to)
                {
                  found = TRUE;
                  break;
                }
              s->queue[tail++] = w;
            }
        }
    }
  else
    {
      g_array_set_size (s->heap, 0);
      heap_push (s->heap, 0, from);
      while (s->heap->len > 0)
        {
          HeapItem item = heap_pop (s->heap);
          guint v = item.node;
          if (s->settled[v] == s->search)
            continue;
          s->settled[v] = s->search;
          if (v == to)
            {
              found = TRUE;
              break;
            }
          for (guint a = ag->offsets[v]; a < ag->offsets[v + 1]; a++)
            {
              guint w = ag->neighbours[a], p = ag->arc_pairs[a];
              if (s->settled[w] == s->search || !usable (s, w, p))
                continue;
              double d = item.d + pair_weight (s, p);
              if (s->reached[w] == s->search && d >= s->dist[w])
                continue;
              s->reached[w] = s->search;
              s->dist[w] = d;
              s->parent[w] = v;
              s->parent_pair[w] = p;
              heap_push (s->heap, d, w);
            }
        }
    }
  if (!found)
    return FALSE;
  guint start = out->nodes->len, start_pairs = out->pairs->len;
  for (guint v = to; v != from; v = s->parent[v])
    {
      g_array_append_val (out->nodes, v);
      g_array_append_val (out->pairs, s->parent_pair[v]);
    }
  g_array_append_val (out->nodes, from);
  /* Collected backwards. */
  guint *n = &g_array_index (out->nodes, guint, start);
  for (guint i = 0, j = out->nodes->len - start - 1; i < j; i++, j--)
    {
      guint t = n[i];
      n[i] = n[j];
      n[j] = t;
    }
  /* @from != @to, so there is at least one step. */
  guint *p = &g_array_index (out->pairs, guint, start_pairs);
  for (guint i = 0, j = out->pairs->len - start_pairs - 1; i < j; i++, j--)
    {
      guint t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
  return TRUE;
}

static double
path_cost (const Search *s, const Candidate *c)
{
  double cost = 0;
  for (guint i = 0; i < c->pairs->len; i++)
    cost += pair_weight (s, g_array_index (c->pairs, guint, i));
  return cost;
}

/* Cheaper first, then fewer hops, then by entity indices: one order on every run. */
static gboolean
candidate_before (const Candidate *x, const Candidate *y)
{
  if (x->cost != y->cost)
    return x->cost < y->cost;
  if (x->nodes->len != y->nodes->len)
    return x->nodes->len < y->nodes->len;
  return memcmp (x->nodes->data, y->nodes->data, x->nodes->len * sizeof (guint)) < 0;
}

static GBytes *
candidate_key (const Candidate *c)
{
  return g_bytes_new (c->nodes->data, c->nodes->len * sizeof (guint));
}

static RwbPath *
to_path (const RwbAnalysisGraph *ag, const Candidate *c)
{
  RwbPath *path = g_new0 (RwbPath, 1);
  path->n_hops = c->pairs->len;
  path->hops = g_new0 (RwbPathHop, path->n_hops ? path->n_hops : 1);
  path->cost = c->cost;
  for (guint i = 0; i < path->n_hops; i++)
    {
      const RwbAnalysisPair *pair = &ag->pairs[g_array_index (c->pairs, guint, i)];
      RwbPathHop *hop = &path->hops[i];
      hop->from = g_array_index (c->nodes, guint, i);
      hop->to = g_array_index (c->nodes, guint, i + 1);
      hop->n_relations = pair->n_relations;
      hop->relations = g_memdup2 (ag->relations + pair->first, pair->n_relations * sizeof (guint));
      hop->evidence = pair->evidence;
    }
  return path;
}

/**
 * rwb_analysis_paths:
 * @ag: a snapshot
 * @source: the entity to start from
 * @target: the entity to reach
 * @k: how many paths at most (0 is 1)
 * @cost: what makes a path short
 * @cancellable: (nullable): checked before each search
 * @error: return location for an error
 *
 * Finds up to @k shortest simple paths from @source to @target with Yen's algorithm.
 *
 * Returns: (transfer full) (element-type RwbPath) (nullable): the paths, shortest first (empty
 *   when none), or NULL with @error set
 */
GPtrArray *
rwb_analysis_paths (RwbAnalysisGraph *ag, guint source, guint target, guint k, RwbPathCost cost,
                    GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (ag != NULL, NULL);
  if (!rwb_analysis_graph_check_entity (ag, source, error)
      || !rwb_analysis_graph_check_entity (ag, target, error))
    return NULL;
  if (source == target)
    {
      g_set_error (error, RWB_ANALYSIS_ERROR, RWB_ANALYSIS_ERROR_INVALID_ENTITY,
                   _("A path needs two different entities; both ends are entity %u"), source);
      return NULL;
    }
  k = MAX (k, 1);

  guint n = ag->n_nodes;
  Search s = { ag, cost, 0, 0 };
  s.node_block = g_new0 (guint, n);
  s.pair_block = g_new0 (guint, ag->n_pairs + 1);
  s.reached = g_new0 (guint, n);
  s.settled = g_new0 (guint, n);
  s.parent = g_new0 (guint, n);
  s.parent_pair = g_new0 (guint, n);
  s.dist = g_new0 (double, n);
  s.queue = g_new0 (guint, n);
  s.heap = g_array_new (FALSE, FALSE, sizeof (HeapItem));

  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (candidate_free);
  g_autoptr (GPtrArray) candidates = g_ptr_array_new_with_free_func (candidate_free);
  g_autoptr (GHashTable) known = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                        (GDestroyNotify) g_bytes_unref, NULL);
  gboolean cancelled = FALSE;

  s.block++;
  Candidate *first = candidate_new ();
  if (shortest (&s, source, target, first))
    {
      first->cost = path_cost (&s, first);
      g_hash_table_add (known, candidate_key (first));
      g_ptr_array_add (found, first);
    }
  else
    candidate_free (first);

  while (found->len > 0 && found->len < k && !cancelled)
    {
      const Candidate *last = g_ptr_array_index (found, found->len - 1);
      for (guint i = 0; i + 1 < last->nodes->len; i++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              cancelled = TRUE;
              break;
            }
          const guint *root = (const guint *) last->nodes->data;
          guint spur = root[i];
          s.block++;
          /* The next step of every path that starts with this root is taken. */
          for (guint f = 0; f < found->len; f++)
            {
              const Candidate *p = g_ptr_array_index (found, f);
              if (p->nodes->len > i + 1
                  && memcmp (p->nodes->data, root, (i + 1) * sizeof (guint)) == 0)
                s.pair_block[g_array_index (p->pairs, guint, i)] = s.block;
            }
          for (guint j = 0; j < i; j++)
            s.node_block[root[j]] = s.block;

          Candidate *c = candidate_new ();
          g_array_append_vals (c->nodes, root, i);
          g_array_append_vals (c->pairs, last->pairs->data, i);
          if (!shortest (&s, spur, target, c))
            {
              candidate_free (c);
              continue;
            }
          c->cost = path_cost (&s, c);
          GBytes *key = candidate_key (c);
          if (g_hash_table_contains (known, key))
            {
              g_bytes_unref (key);
              candidate_free (c);
              continue;
            }
          g_hash_table_add (known, key);
          g_ptr_array_add (candidates, c);
        }
      if (cancelled || candidates->len == 0)
        break;
      guint best = 0;
      for (guint i = 1; i < candidates->len; i++)
        if (candidate_before (g_ptr_array_index (candidates, i),
                              g_ptr_array_index (candidates, best)))
          best = i;
      g_ptr_array_add (found, g_ptr_array_steal_index_fast (candidates, best));
    }

  g_free (s.node_block);
  g_free (s.pair_block);
  g_free (s.reached);
  g_free (s.settled);
  g_free (s.parent);
  g_free (s.parent_pair);
  g_free (s.dist);
  g_free (s.queue);
  g_array_unref (s.heap);
  if (cancelled)
    return NULL;

  GPtrArray *paths = g_ptr_array_new_with_free_func ((GDestroyNotify) rwb_path_free);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (paths, to_path (ag, g_ptr_array_index (found, i)));
  return paths;
}

/* --- Async --------------------------------------------------------------------------------- */

typedef struct {
  guint source, target, k;
  RwbPathCost cost;
} PathsParams;

static gpointer
paths_task (RwbAnalysisGraph *ag, gconstpointer params, GCancellable *cancellable,
            RwbAnalysisReportFunc report, gpointer report_data, GError **error)
{
  const PathsParams *p = params;
  return rwb_analysis_paths (ag, p->source, p->target, p->k, p->cost, cancellable, error);
}

/**
 * rwb_analysis_paths_async:
 * @ag: a snapshot (a reference is held until the task ends)
 * @source: the entity to start from
 * @target: the entity to reach
 * @k: how many paths at most
 * @cost: what makes a path short
 * @cancellable: (nullable): cancels between two searches
 * @callback: called when done
 * @user_data: for @callback
 *
 * Runs rwb_analysis_paths() in a worker thread.
 */
void
rwb_analysis_paths_async (RwbAnalysisGraph *ag, guint source, guint target, guint k,
                          RwbPathCost cost, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (ag != NULL);
  PathsParams params = { source, target, k, cost };
  rwb_analysis_task_run (ag, &params, sizeof params, paths_task,
                         (GDestroyNotify) g_ptr_array_unref, NULL, NULL,
                         rwb_analysis_paths_async, cancellable, callback, user_data);
}

/**
 * rwb_analysis_paths_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type RwbPath) (nullable): the paths, or NULL with @error
 */
GPtrArray *
rwb_analysis_paths_finish (GAsyncResult *result, GError **error)
{
  return rwb_analysis_task_finish (result, rwb_analysis_paths_async, error);
}

/**
 * rwb_path_free:
 * @path: (nullable) (transfer full): a path
 *
 * Frees a path and its hops.
 */
void
rwb_path_free (RwbPath *path)
{
  if (path == NULL)
    return;
  for (guint i = 0; i < path->n_hops; i++)
    g_free (path->hops[i].relations);
  g_free (path->hops);
  g_free (path);
}

/**
 * rwb_path_get_entities:
 * @path: a path
 * @n_entities: (out): n_hops + 1
 *
 * Returns: (transfer full) (array length=n_entities): the entities along @path, source first
 */
guint *
rwb_path_get_entities (const RwbPath *path, guint *n_entities)
{
  g_return_val_if_fail (path != NULL && n_entities != NULL, NULL);
  guint *entities = g_new (guint, path->n_hops + 1);
  *n_entities = path->n_hops + (path->n_hops > 0);
  for (guint i = 0; i < path->n_hops; i++)
    {
      entities[i] = path->hops[i].from;
      entities[i + 1] = path->hops[i].to;
    }
  return entities;
}
