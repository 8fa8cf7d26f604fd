/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-builder.c — joining the graphs of many articles by name key and relation pair. */
#define G_LOG_DOMAIN "rawabit-graph"

#include "rwb-graph-builder.h"

#include "rwb-corrections.h"

#include <string.h>

struct _RwbGraphBuilder {
  RwbGraph *graph;
  GHashTable *keys;       /* name key → entity index + 1 */
  GHashTable *relations;  /* guint64* (pair and type) → relation index + 1 */
  guint next_id;
};

static guint64 *
pair_key (guint a, guint b, RwbRelationType type)
{
  guint64 *key = g_new (guint64, 1);
  guint lo = MIN (a, b), hi = MAX (a, b);
  *key = ((guint64) lo << 36) ^ ((guint64) hi << 8) ^ (guint64) type;
  return key;
}

/* Claims the keys of entity @index's name and aliases that no entity has yet. */
static void
claim_keys (RwbGraphBuilder *b, RwbEntity *e, guint index)
{
  for (gint j = -1; j < (gint) e->aliases->len; j++)
    {
      const char *name = j < 0 ? e->name : g_ptr_array_index (e->aliases, j);
      char *key = rwb_name_key (name);
      if (*key && !g_hash_table_contains (b->keys, key))
        g_hash_table_insert (b->keys, key, GUINT_TO_POINTER (index + 1));
      else
        g_free (key);
    }
}

static void
index_graph (RwbGraphBuilder *b)
{
  RwbGraph *g = b->graph;
  for (guint i = 0; i < g->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (g->entities, i);
      claim_keys (b, e, i);
      if (e->id && e->id[0] == 'e')
        b->next_id = MAX (b->next_id, (guint) g_ascii_strtoull (e->id + 1, NULL, 10) + 1);
    }
  b->next_id = MAX (b->next_id, g->entities->len + 1);
  for (guint k = 0; k < g->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (g->relations, k);
      guint64 *key = pair_key (r->source, r->target, r->type);
      if (!g_hash_table_contains (b->relations, key))
        g_hash_table_insert (b->relations, key, GUINT_TO_POINTER (k + 1));
      else
        g_free (key);
    }
}

/**
 * rwb_graph_builder_new_from:
 * A builder that adds to @graph (referenced).
 */
RwbGraphBuilder *
rwb_graph_builder_new_from (RwbGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);
  RwbGraphBuilder *b = g_new0 (RwbGraphBuilder, 1);
  b->graph = rwb_graph_ref (graph);
  b->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->relations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  b->next_id = 1;
  index_graph (b);
  return b;
}

/**
 * rwb_graph_builder_new:
 * A builder of a new, empty graph.
 */
RwbGraphBuilder *
rwb_graph_builder_new (void)
{
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  return rwb_graph_builder_new_from (graph);
}

/**
 * rwb_graph_builder_free:
 * Frees the builder; the graph lives on while referenced.
 */
void
rwb_graph_builder_free (RwbGraphBuilder *builder)
{
  if (builder == NULL)
    return;
  g_hash_table_unref (builder->keys);
  g_hash_table_unref (builder->relations);
  rwb_graph_unref (builder->graph);
  g_free (builder);
}

/**
 * rwb_graph_builder_get_graph:
 * The graph built so far (borrowed).
 */
RwbGraph *
rwb_graph_builder_get_graph (RwbGraphBuilder *builder)
{
  g_return_val_if_fail (builder != NULL, NULL);
  return builder->graph;
}

static gint
find_entity (RwbGraphBuilder *b, RwbEntity *e)
{
  for (gint j = -1; j < (gint) e->aliases->len; j++)
    {
      g_autofree char *key = rwb_name_key (j < 0 ? e->name : g_ptr_array_index (e->aliases, j));
      guint v = GPOINTER_TO_UINT (g_hash_table_lookup (b->keys, key));
      if (v)
        return (gint) v - 1;
    }
  return -1;
}

static void
shift_evidence (GArray *evidence, guint offset)
{
  for (guint j = 0; j < evidence->len; j++)
    g_array_index (evidence, RwbEvidence, j).document += offset;
}

/**
 * rwb_graph_builder_add:
 * Moves @part's documents, entities and relations into the built graph, joining what is the
 * same (see rwb-graph-builder.h).
 */
guint
rwb_graph_builder_add (RwbGraphBuilder *builder, RwbGraph *part)
{
  g_return_val_if_fail (builder != NULL && part != NULL && part != builder->graph, 0);
  RwbGraph *g = builder->graph;
  guint offset = g->documents->len;
  gsize n;

  gpointer *docs = g_ptr_array_steal (part->documents, &n);
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (g->documents, docs[i]);
  g_free (docs);

  /* Entities of @part that join an existing one are freed with @part. */
  gpointer *entities = g_ptr_array_steal (part->entities, &n);
  g_autofree guint *map = g_new (guint, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      RwbEntity *e = entities[i];
      for (guint j = 0; j < e->mentions->len; j++)
        g_array_index (e->mentions, RwbSpan, j).document += offset;
      gint found = find_entity (builder, e);
      if (found >= 0)
        {
          RwbEntity *d = g_ptr_array_index (g->entities, found);
          if (!g_str_equal (d->name, e->name))
            rwb_entity_add_alias (d, e->name);
          for (guint j = 0; j < e->aliases->len; j++)
            if (!g_str_equal (d->name, g_ptr_array_index (e->aliases, j)))
              rwb_entity_add_alias (d, g_ptr_array_index (e->aliases, j));
          g_array_append_vals (d->mentions, e->mentions->data, e->mentions->len);
          d->confirmed = d->confirmed || e->confirmed;
          claim_keys (builder, e, found);
          map[i] = found;
          g_ptr_array_add (part->entities, e);
          continue;
        }
      g_free (e->id);
      e->id = g_strdup_printf ("e%u", builder->next_id++);
      map[i] = g->entities->len;
      g_ptr_array_add (g->entities, e);
      claim_keys (builder, e, map[i]);
    }
  g_free (entities);

  gpointer *relations = g_ptr_array_steal (part->relations, &n);
  for (gsize k = 0; k < n; k++)
    {
      RwbRelation *r = relations[k];
      guint s = map[r->source], t = map[r->target];
      if (s == t)
        {
          /* Two entities of the article turned out to be one. */
          g_ptr_array_add (part->relations, r);
          continue;
        }
      shift_evidence (r->evidence, offset);
      guint64 *key = pair_key (s, t, r->type);
      guint v = GPOINTER_TO_UINT (g_hash_table_lookup (builder->relations, key));
      if (v == 0)
        {
          r->source = s;
          r->target = t;
          g_hash_table_insert (builder->relations, key, GUINT_TO_POINTER (g->relations->len + 1));
          g_ptr_array_add (g->relations, r);
          continue;
        }
      g_free (key);
      RwbRelation *d = g_ptr_array_index (g->relations, v - 1);
      if (d->directed && r->confidence > d->confidence && d->source == t && d->target == s)
        {
          d->source = s;
          d->target = t;
        }
      d->confidence = MAX (d->confidence, r->confidence);
      d->confirmed = d->confirmed || r->confirmed;
      guint extra = MAX (d->n_evidence, d->evidence->len) + MAX (r->n_evidence, r->evidence->len);
      for (guint j = 0; j < r->evidence->len; j++)
        {
          RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, j);
          if (!rwb_relation_add_evidence (d, ev->document, ev->start, ev->end, ev->text,
                                          ev->rule, 0))
            continue;
          RwbEvidence *added = &g_array_index (d->evidence, RwbEvidence, d->evidence->len - 1);
          added->byte_start = ev->byte_start;
          added->byte_end = ev->byte_end;
        }
      if (d->n_evidence || r->n_evidence)
        d->n_evidence = extra;
      g_ptr_array_add (part->relations, r);
    }
  g_free (relations);
  return offset;
}
