/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the graph model's index: degrees and the pair lookup of rwb_graph_ensure_relation
 * stay true while relations are added, appended directly, removed and edited. */
#include "rwb-graph.h"

/* The degree as the model defines it, by a pass over every relation. */
static guint
degree_by_scan (RwbGraph *graph, guint index, gboolean with_mentions)
{
  guint n = 0;
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      if (!with_mentions && r->type == RWB_RELATION_MENTION)
        continue;
      if (r->source == index || r->target == index)
        n++;
    }
  return n;
}

static void
assert_degrees (RwbGraph *graph)
{
  for (guint i = 0; i < graph->entities->len; i++)
    {
      g_assert_cmpuint (rwb_graph_entity_degree (graph, i, FALSE), ==,
                        degree_by_scan (graph, i, FALSE));
      g_assert_cmpuint (rwb_graph_entity_degree (graph, i, TRUE), ==,
                        degree_by_scan (graph, i, TRUE));
    }
}

static RwbGraph *
graph_with (guint n)
{
  RwbGraph *graph = rwb_graph_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("E%u", i);
      rwb_graph_add_entity (graph, name, RWB_ENTITY_COMPANY);
    }
  return graph;
}

static void
test_degree (void)
{
  g_autoptr (RwbGraph) g = graph_with (4);
  g_assert_cmpuint (rwb_graph_entity_degree (g, 0, TRUE), ==, 0);
  rwb_graph_ensure_relation (g, 0, 1, RWB_RELATION_SUPPLY, 0.5);
  rwb_graph_ensure_relation (g, 0, 2, RWB_RELATION_MENTION, 0.2);
  rwb_graph_ensure_relation (g, 2, 0, RWB_RELATION_PARTNERSHIP, 0.5);
  g_assert_cmpuint (rwb_graph_entity_degree (g, 0, FALSE), ==, 2);
  g_assert_cmpuint (rwb_graph_entity_degree (g, 0, TRUE), ==, 3);
  g_assert_cmpuint (rwb_graph_entity_degree (g, 2, FALSE), ==, 1);
  /* Asked once, then more relations: the index follows. */
  rwb_graph_ensure_relation (g, 3, 2, RWB_RELATION_TALKS, 0.5);
  rwb_graph_ensure_relation (g, 3, 3, RWB_RELATION_OWNERSHIP, 0.5);
  g_assert_cmpuint (rwb_graph_entity_degree (g, 2, FALSE), ==, 2);
  g_assert_cmpuint (rwb_graph_entity_degree (g, 3, FALSE), ==, 2); /* a loop counts once */
  /* An entity added after the index was built, and one out of range. */
  guint e = rwb_graph_add_entity (g, "late", RWB_ENTITY_PERSON);
  g_assert_cmpuint (rwb_graph_entity_degree (g, e, TRUE), ==, 0);
  rwb_graph_ensure_relation (g, e, 1, RWB_RELATION_EXECUTIVE, 0.5);
  g_assert_cmpuint (rwb_graph_entity_degree (g, e, TRUE), ==, 1);
  g_assert_cmpuint (rwb_graph_entity_degree (g, 1000, TRUE), ==, 0);
  assert_degrees (g);
}

static void
test_ensure_relation (void)
{
  g_autoptr (RwbGraph) g = graph_with (3);
  guint a = rwb_graph_ensure_relation (g, 0, 1, RWB_RELATION_FOUNDER, 0.5);
  guint b = rwb_graph_ensure_relation (g, 1, 2, RWB_RELATION_FOUNDER, 0.5);
  g_assert_cmpuint (a, !=, b);
  /* Same pair and type in either order: the same relation; another type: a new one. */
  g_assert_cmpuint (rwb_graph_ensure_relation (g, 0, 1, RWB_RELATION_FOUNDER, 0.4), ==, a);
  g_assert_cmpuint (rwb_graph_ensure_relation (g, 1, 0, RWB_RELATION_FOUNDER, 0.3), ==, a);
  g_assert_cmpuint (rwb_graph_ensure_relation (g, 1, 0, RWB_RELATION_TALKS, 0.3), ==, 2);
  g_assert_cmpuint (g->relations->len, ==, 3);
  RwbRelation *r = g_ptr_array_index (g->relations, a);
  g_assert_cmpuint (r->source, ==, 0);
  /* A directed relation turns to the reading of its strongest evidence. */
  g_assert_cmpuint (rwb_graph_ensure_relation (g, 1, 0, RWB_RELATION_FOUNDER, 0.9), ==, a);
  g_assert_cmpuint (r->source, ==, 1);
  g_assert_cmpuint (r->target, ==, 0);
  g_assert_cmpfloat (r->confidence, ==, 0.9);
  /* An undirected one keeps its first reading. */
  guint p = rwb_graph_ensure_relation (g, 0, 2, RWB_RELATION_PARTNERSHIP, 0.2);
  g_assert_cmpuint (rwb_graph_ensure_relation (g, 2, 0, RWB_RELATION_PARTNERSHIP, 0.9), ==, p);
  r = g_ptr_array_index (g->relations, p);
  g_assert_cmpuint (r->source, ==, 0);
}

/* A relation built by hand and appended, as the DOT and GraphML readers do. */
static RwbRelation *
append_relation (RwbGraph *g, guint source, guint target, RwbRelationType type)
{
  RwbRelation *r = g_new0 (RwbRelation, 1);
  r->source = source;
  r->target = target;
  r->type = type;
  r->evidence = g_array_new (FALSE, TRUE, sizeof (RwbEvidence));
  g_ptr_array_add (g->relations, r);
  return r;
}

static void
test_direct_edits (void)
{
  g_autoptr (RwbGraph) g = graph_with (5);
  rwb_graph_ensure_relation (g, 0, 1, RWB_RELATION_SUPPLY, 0.5);
  assert_degrees (g);
  append_relation (g, 1, 2, RWB_RELATION_SUPPLY);
  append_relation (g, 3, 4, RWB_RELATION_MENTION);
  assert_degrees (g);
  /* The pair lookup sees relations appended by hand. */
  g_assert_cmpuint (rwb_graph_ensure_relation (g, 2, 1, RWB_RELATION_SUPPLY, 0.5), ==, 1);
  g_assert_cmpuint (g->relations->len, ==, 3);

  /* A removal (as extraction prunes co-occurrences), noticed without being told... */
  g_ptr_array_remove_index (g->relations, 0);
  assert_degrees (g);
  g_assert_cmpuint (rwb_graph_ensure_relation (g, 1, 2, RWB_RELATION_SUPPLY, 0.5), ==, 0);
  /* ...and a removal followed by as many appends, which needs the call. */
  g_ptr_array_remove_index (g->relations, 0);
  append_relation (g, 0, 4, RWB_RELATION_TALKS);
  rwb_graph_relations_changed (g);
  assert_degrees (g);
  g_assert_cmpuint (rwb_graph_ensure_relation (g, 4, 0, RWB_RELATION_TALKS, 0.5), ==, 1);
  g_assert_cmpuint (rwb_graph_ensure_relation (g, 1, 2, RWB_RELATION_SUPPLY, 0.5), ==, 2);

  /* Retyped in place (a correction): a co-occurrence becomes a typed relation. */
  RwbRelation *m = g_ptr_array_index (g->relations, 0);
  g_assert_cmpint (m->type, ==, RWB_RELATION_MENTION);
  g_assert_cmpuint (rwb_graph_entity_degree (g, 3, FALSE), ==, 0);
  m->type = RWB_RELATION_OWNERSHIP;
  rwb_graph_relations_changed (g);
  g_assert_cmpuint (rwb_graph_entity_degree (g, 3, FALSE), ==, 1);
  assert_degrees (g);

  /* Retyped without telling the graph: the pair lookup still never hands out a relation of
   * another type. */
  m->type = RWB_RELATION_TALKS;
  guint n = g->relations->len;
  guint owned = rwb_graph_ensure_relation (g, 4, 3, RWB_RELATION_OWNERSHIP, 0.5);
  g_assert_cmpuint (owned, ==, n);
  g_assert_cmpint (((RwbRelation *) g_ptr_array_index (g->relations, owned))->type, ==,
                   RWB_RELATION_OWNERSHIP);
  g_assert_cmpuint (rwb_graph_ensure_relation (g, 3, 4, RWB_RELATION_TALKS, 0.5), ==, 0);
}

static void
test_random (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (RwbGraph) g = graph_with (60);
  for (guint step = 0; step < 400; step++)
    {
      guint a = g_rand_int_range (rand, 0, 60), b = g_rand_int_range (rand, 0, 60);
      RwbRelationType type = g_rand_int_range (rand, 0, RWB_RELATION_N_TYPES);
      guint before = g->relations->len;
      guint r = rwb_graph_ensure_relation (g, a, b, type, g_rand_double (rand));
      /* ensure_relation adds only when no relation of that pair and type exists. */
      gboolean exists = FALSE;
      for (guint i = 0; i < before; i++)
        {
          RwbRelation *x = g_ptr_array_index (g->relations, i);
          if (x->type == type && MIN (x->source, x->target) == MIN (a, b)
              && MAX (x->source, x->target) == MAX (a, b))
            {
              g_assert_cmpuint (r, ==, i);
              exists = TRUE;
              break;
            }
        }
      g_assert_cmpuint (g->relations->len, ==, before + !exists);
      if (step % 50 == 0)
        {
          assert_degrees (g);
          g_ptr_array_remove_index (g->relations, g_rand_int_range (rand, 0, g->relations->len));
        }
    }
  assert_degrees (g);
}

/* Degrees asked from several threads at once (a worker and the UI) build the index once. */
static gpointer
sum_degrees (gpointer data)
{
  RwbGraph *g = data;
  guint sum = 0;
  for (guint i = 0; i < g->entities->len; i++)
    sum += rwb_graph_entity_degree (g, i, TRUE);
  return GUINT_TO_POINTER (sum);
}

static void
test_threads (void)
{
  g_autoptr (RwbGraph) g = graph_with (2000);
  for (guint i = 1; i < 2000; i++)
    append_relation (g, i, i / 2, RWB_RELATION_SUPPLY);
  GThread *threads[4];
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("degree", sum_degrees, g);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[t])), ==, 2 * 1999);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/graph/degree", test_degree);
  g_test_add_func ("/graph/ensure-relation", test_ensure_relation);
  g_test_add_func ("/graph/direct-edits", test_direct_edits);
  g_test_add_func ("/graph/random", test_random);
  g_test_add_func ("/graph/threads", test_threads);
  return g_test_run ();
}
