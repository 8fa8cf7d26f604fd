/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-ego.c — ego networks: breadth-first neighbourhoods and the subgraph they span. */
#define G_LOG_DOMAIN "rawabit-analysis"

#include "rwb-ego.h"

#include <glib/gi18n.h>
#include <stdlib.h>

static int
compare_uint (const void *x, const void *y)
{
  guint a = *(const guint *) x, b = *(const guint *) y;
  return a < b ? -1 : a > b;
}

/* Sorts @array from @start on: within one distance, entities by index, so the same set comes
 * in the same order however the search reached it. */
static void
sort_range (GArray *array, guint start)
{
  if (array->len > start)
    qsort (&g_array_index (array, guint, start), array->len - start, sizeof (guint),
           compare_uint);
}

/**
 * rwb_analysis_ego:
 * @ag: a snapshot
 * @seeds: (array length=n_seeds): the entities to start from
 * @n_seeds: how many
 * @depth: steps out (0: the seeds alone)
 * @distances: (out) (optional) (transfer full) (element-type guint): the distance of each
 *   entity returned
 * @error: return location for an error
 *
 * Finds the included entities at most @depth relations away from any seed.
 *
 * Returns: (transfer full) (element-type guint) (nullable): the entities, seeds first, then
 *   by distance and index; NULL with @error set for a bad seed
 */
GArray *
rwb_analysis_ego (RwbAnalysisGraph *ag, const guint *seeds, guint n_seeds, guint depth,
                  GArray **distances, GError **error)
{
  g_return_val_if_fail (ag != NULL && (seeds != NULL || n_seeds == 0), NULL);
  for (guint i = 0; i < n_seeds; i++)
    if (!rwb_analysis_graph_check_entity (ag, seeds[i], error))
      return NULL;

  /* Sparse: a small neighbourhood of a big graph needs no array of the graph's size. */
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) dist = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n_seeds; i++)
    if (g_hash_table_add (seen, GUINT_TO_POINTER (seeds[i] + 1)))
      g_array_append_val (order, seeds[i]);
  sort_range (order, 0);
  guint zero = 0;
  for (guint i = 0; i < order->len; i++)
    g_array_append_val (dist, zero);

  guint level_start = 0;
  for (guint d = 1; d <= depth && level_start < order->len; d++)
    {
      guint level_end = order->len;
      for (guint i = level_start; i < level_end; i++)
        {
          guint u = g_array_index (order, guint, i);
          for (guint a = ag->offsets[u]; a < ag->offsets[u + 1]; a++)
            {
              guint w = ag->neighbours[a];
              if (g_hash_table_add (seen, GUINT_TO_POINTER (w + 1)))
                {
                  g_array_append_val (order, w);
                  g_array_append_val (dist, d);
                }
            }
        }
      sort_range (order, level_end);
      level_start = level_end;
    }
  if (distances)
    *distances = g_steal_pointer (&dist);
  return g_steal_pointer (&order);
}

static void
evidence_clear (gpointer data)
{
  g_free (((RwbEvidence *) data)->text);
}

static GHashTable *
copy_attrs (GHashTable *attrs)
{
  if (attrs == NULL)
    return NULL;
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, attrs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

/**
 * rwb_analysis_subgraph:
 * @graph: a graph
 * @entities: (array length=n_entities): entity indices of @graph, each once
 * @n_entities: how many
 * @error: return location for an error
 *
 * Copies @entities, the relations among them and the documents they cite into a new graph,
 * for a view of a neighbourhood laid out on its own. Entity i of the new graph is
 * @entities[i]; relations and documents keep their order. O(entities + relations of @graph).
 *
 * Returns: (transfer full) (nullable): the new graph, or NULL with @error set
 */
RwbGraph *
rwb_analysis_subgraph (RwbGraph *graph, const guint *entities, guint n_entities, GError **error)
{
  g_return_val_if_fail (graph != NULL && (entities != NULL || n_entities == 0), NULL);
  guint n = graph->entities->len;
  g_autofree guint *new_entity = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    new_entity[i] = G_MAXUINT;
  for (guint i = 0; i < n_entities; i++)
    {
      if (entities[i] >= n || new_entity[entities[i]] != G_MAXUINT)
        {
          g_set_error (error, RWB_ANALYSIS_ERROR, RWB_ANALYSIS_ERROR_INVALID_ENTITY,
                       entities[i] >= n ? _("Entity %u does not exist (the graph has %u "
                                            "entities)")
                                        : _("Entity %u is given twice"),
                       entities[i], n);
          return NULL;
        }
      new_entity[entities[i]] = i;
    }

  /* The documents that what is kept points to, in their order. */
  guint n_docs = graph->documents->len;
  g_autofree guint *new_doc = g_new (guint, n_docs + 1);
  for (guint d = 0; d < n_docs; d++)
    new_doc[d] = G_MAXUINT;
  for (guint i = 0; i < n_entities; i++)
    {
      const RwbEntity *e = g_ptr_array_index (graph->entities, entities[i]);
      for (guint m = 0; m < e->mentions->len; m++)
        {
          guint d = g_array_index (e->mentions, RwbSpan, m).document;
          if (d < n_docs)
            new_doc[d] = 0;
        }
    }
  g_autoptr (GArray) kept = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint r = 0; r < graph->relations->len; r++)
    {
      const RwbRelation *rel = g_ptr_array_index (graph->relations, r);
      if (rel->source >= n || rel->target >= n || new_entity[rel->source] == G_MAXUINT
          || new_entity[rel->target] == G_MAXUINT)
        continue;
      g_array_append_val (kept, r);
      for (guint k = 0; k < rel->evidence->len; k++)
        {
          guint d = g_array_index (rel->evidence, RwbEvidence, k).document;
          if (d < n_docs)
            new_doc[d] = 0;
        }
    }

  g_autoptr (RwbGraph) sub = rwb_graph_new ();
  for (guint d = 0; d < n_docs; d++)
    {
      if (new_doc[d] == G_MAXUINT)
        continue;
      const RwbDocument *doc = g_ptr_array_index (graph->documents, d);
      new_doc[d] = rwb_graph_add_document (sub, doc->path, doc->language, doc->text);
      RwbDocument *copy = g_ptr_array_index (sub->documents, new_doc[d]);
      g_free (copy->id);
      copy->id = g_strdup (doc->id);
      copy->length = doc->length;
      copy->title = g_strdup (doc->title);
      copy->date = g_strdup (doc->date);
    }
  for (guint i = 0; i < n_entities; i++)
    {
      const RwbEntity *e = g_ptr_array_index (graph->entities, entities[i]);
      guint index = rwb_graph_add_entity (sub, e->name, e->type);
      RwbEntity *copy = g_ptr_array_index (sub->entities, index);
      g_free (copy->id);
      copy->id = g_strdup (e->id);
      copy->source = g_strdup (e->source);
      copy->attrs = copy_attrs (e->attrs);
      for (guint a = 0; a < e->aliases->len; a++)
        g_ptr_array_add (copy->aliases, g_strdup (g_ptr_array_index (e->aliases, a)));
      for (guint m = 0; m < e->mentions->len; m++)
        {
          RwbSpan span = g_array_index (e->mentions, RwbSpan, m);
          if (span.document >= n_docs)
            continue;
          span.document = new_doc[span.document];
          g_array_append_val (copy->mentions, span);
        }
    }
  for (guint k = 0; k < kept->len; k++)
    {
      const RwbRelation *rel = g_ptr_array_index (graph->relations, g_array_index (kept, guint, k));
      RwbRelation *copy = g_new0 (RwbRelation, 1);
      copy->source = new_entity[rel->source];
      copy->target = new_entity[rel->target];
      copy->type = rel->type;
      copy->directed = rel->directed;
      copy->confidence = rel->confidence;
      copy->n_evidence = rel->n_evidence;
      copy->attrs = copy_attrs (rel->attrs);
      copy->evidence = g_array_sized_new (FALSE, TRUE, sizeof (RwbEvidence), rel->evidence->len);
      g_array_set_clear_func (copy->evidence, evidence_clear);
      for (guint v = 0; v < rel->evidence->len; v++)
        {
          RwbEvidence ev = g_array_index (rel->evidence, RwbEvidence, v);
          if (ev.document >= n_docs)
            continue;
          ev.document = new_doc[ev.document];
          ev.text = g_strdup (ev.text);
          g_array_append_val (copy->evidence, ev);
        }
      g_ptr_array_add (sub->relations, copy);
    }
  return g_steal_pointer (&sub);
}
