/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-graph — the graph model and the analyses on a generated graph.
 *
 * Usage: bench-graph [--nodes N] [--seed S] [--write-json FILE] [PHASE...]
 *
 * Generates a graph of N entities (default 20,000) with about two relations per entity, half
 * of them to a random earlier entity and half by preferential attachment (so there are hubs,
 * as companies in news are), every relation with one to four evidence sentences and one in ten
 * a co-occurrence (`mention`). Then times each PHASE with its own clock and prints one line per
 * phase; the phases are:
 *
 *   degree      rwb_graph_entity_degree() for every entity, as the Entities list does
 *   json        the graph written to JSON and read back
 *   snapshot    rwb_analysis_graph_new(): the analyses' view of the graph
 *   betweenness betweenness as the GUI gets it (sampled from 5,000 entities on)
 *   exact       exact betweenness whatever the size (O(V E): minutes at 20,000)
 *   paths       the 3 shortest paths by relation count and by evidence between 20 pairs
 *   communities Louvain
 *   ego         the entities two steps around 20 entities, and their subgraph
 *   stats       rwb_analysis_statistics()
 *
 * --pivots K sets the pivots of sampled betweenness. --write-json FILE writes the generated graph as Rawabit JSON (for whole-process runs of
 * rawabit-cli on it). Not part of meson test.
 */
#include "rwb-analysis.h"
#include "rwb-graph.h"
#include "rwb-json.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

static long
peak_rss_mb (void)
{
  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static RwbGraph *
generate (guint n, guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  RwbGraph *graph = rwb_graph_new ();
  g_autoptr (GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  guint doc = rwb_graph_add_document (graph, NULL, "en", NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Entity %u", i);
      rwb_graph_add_entity (graph, name, g_rand_int_range (rand, 0, RWB_ENTITY_N_TYPES));
    }
  for (guint i = 1; i < n; i++)
    for (guint k = 0; k < 2; k++)
      {
        guint j;
        if (k == 0 || ends->len == 0)
          j = g_rand_int_range (rand, 0, i);
        else
          j = g_array_index (ends, guint, g_rand_int_range (rand, 0, ends->len));
        if (j == i)
          continue;
        RwbRelationType type = g_rand_int_range (rand, 0, 10) == 0
                                 ? RWB_RELATION_MENTION
                                 : (RwbRelationType) g_rand_int_range (rand, 0, RWB_RELATION_MENTION);
        guint r = rwb_graph_ensure_relation (graph, i, j, type, 0.8);
        RwbRelation *rel = g_ptr_array_index (graph->relations, r);
        guint n_ev = g_rand_int_range (rand, 1, 5);
        for (guint e = 0; e < n_ev; e++)
          rwb_relation_add_evidence (rel, doc, 100 * (i + e), 100 * (i + e) + 50,
                                     "A generated sentence.", "bench", 0.8);
        g_array_append_val (ends, i);
        g_array_append_val (ends, j);
      }
  return graph;
}

int
main (int argc, char **argv)
{
  guint n = 20000;
  guint32 seed = 1;
  guint pivots = 0;
  const char *json_out = NULL;
  g_autoptr (GPtrArray) phases = g_ptr_array_new ();

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--nodes") && i + 1 < argc)
        n = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--seed") && i + 1 < argc)
        seed = (guint32) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--pivots") && i + 1 < argc)
        pivots = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--write-json") && i + 1 < argc)
        json_out = argv[++i];
      else if (argv[i][0] != '-')
        g_ptr_array_add (phases, argv[i]);
      else
        {
          fprintf (stderr, "usage: bench-graph [--nodes N] [--seed S] [--pivots K] "
                           "[--write-json FILE] [degree|json|snapshot|betweenness|exact|paths|"
                           "communities|ego|stats]...\n");
          return 2;
        }
    }

  double t0 = now_ms ();
  g_autoptr (RwbGraph) graph = generate (n, seed);
  printf ("generate     %9.1f ms  %u entities, %u relations\n", now_ms () - t0,
          graph->entities->len, graph->relations->len);

  if (json_out)
    {
      g_autofree char *json = rwb_json_write (graph, FALSE);
      g_autoptr (GError) error = NULL;
      if (!g_file_set_contents (json_out, json, -1, &error))
        {
          fprintf (stderr, "bench-graph: %s\n", error->message);
          return 1;
        }
    }

  for (guint p = 0; p < phases->len; p++)
    {
      const char *phase = g_ptr_array_index (phases, p);
      t0 = now_ms ();
      if (g_str_equal (phase, "degree"))
        {
          guint64 sum = 0;
          for (guint i = 0; i < graph->entities->len; i++)
            sum += rwb_graph_entity_degree (graph, i, FALSE);
          printf ("degree       %9.1f ms  sum %" G_GUINT64_FORMAT "\n", now_ms () - t0, sum);
        }
      else if (g_str_equal (phase, "json"))
        {
          g_autofree char *json = rwb_json_write (graph, FALSE);
          double t1 = now_ms ();
          g_autoptr (GError) error = NULL;
          g_autoptr (RwbGraph) back = rwb_json_read (json, -1, &error);
          if (back == NULL)
            {
              fprintf (stderr, "bench-graph: %s\n", error->message);
              return 1;
            }
          printf ("json         %9.1f ms  write %.1f ms, read %.1f ms\n", now_ms () - t0,
                  t1 - t0, now_ms () - t1);
        }
      else if (g_str_equal (phase, "snapshot"))
        {
          g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (graph, NULL);
          printf ("snapshot     %9.1f ms  %u pairs\n", now_ms () - t0, ag->n_pairs);
        }
      else if (g_str_equal (phase, "betweenness") || g_str_equal (phase, "exact"))
        {
          g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (graph, NULL);
          RwbBetweennessOptions options = { .n_pivots = pivots };
          if (g_str_equal (phase, "exact"))
            options.exact_limit = G_MAXUINT;
          t0 = now_ms ();
          g_autoptr (RwbBetweenness) b = rwb_analysis_betweenness (ag, &options, NULL, NULL);
          printf ("%-12s %9.1f ms  %s, %u sources, max %.0f\n", phase, now_ms () - t0,
                  b->sampled ? "sampled" : "exact", b->n_sources, b->max);
        }
      else if (g_str_equal (phase, "paths"))
        {
          g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (graph, NULL);
          g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
          guint found = 0, hops = 0;
          t0 = now_ms ();
          for (guint i = 0; i < 20; i++)
            {
              guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);
              for (RwbPathCost cost = RWB_PATH_BY_COUNT; a != b && cost <= RWB_PATH_BY_EVIDENCE;
                   cost++)
                {
                  g_autoptr (GPtrArray) paths = rwb_analysis_paths (ag, a, b, 3, cost, NULL,
                                                                    NULL);
                  found += paths->len;
                  for (guint k = 0; k < paths->len; k++)
                    hops += ((RwbPath *) g_ptr_array_index (paths, k))->n_hops;
                }
            }
          printf ("paths        %9.1f ms  40 searches, %u paths, %.1f hops each\n",
                  now_ms () - t0, found, found ? (double) hops / found : 0.0);
        }
      else if (g_str_equal (phase, "communities"))
        {
          g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (graph, NULL);
          t0 = now_ms ();
          g_autoptr (RwbCommunities) c = rwb_analysis_communities (ag, NULL, NULL, NULL);
          printf ("communities  %9.1f ms  %u communities, modularity %.3f, %u levels\n",
                  now_ms () - t0, c->n_communities, c->modularity, c->n_levels);
        }
      else if (g_str_equal (phase, "ego"))
        {
          g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (graph, NULL);
          guint total = 0;
          t0 = now_ms ();
          for (guint i = 0; i < 20; i++)
            {
              guint seed_entity = (i * 7919) % n;
              g_autoptr (GArray) ego = rwb_analysis_ego (ag, &seed_entity, 1, 2, NULL, NULL);
              g_autoptr (RwbGraph) sub = rwb_analysis_subgraph (graph, (guint *) ego->data,
                                                                ego->len, NULL);
              total += sub->entities->len;
            }
          printf ("ego          %9.1f ms  20 neighbourhoods, %u entities\n", now_ms () - t0,
                  total);
        }
      else if (g_str_equal (phase, "stats"))
        {
          g_autoptr (RwbStatistics) st = rwb_analysis_statistics (graph, NULL, 10);
          printf ("stats        %9.1f ms  %u relations, %u isolated\n", now_ms () - t0,
                  st->n_relations, st->n_isolated);
        }
      else
        {
          fprintf (stderr, "bench-graph: unknown phase “%s”\n", phase);
          return 2;
        }
    }
  printf ("peak RSS     %9ld MB\n", peak_rss_mb ());
  return 0;
}
