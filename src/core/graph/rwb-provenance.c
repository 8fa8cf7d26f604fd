/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-provenance.c — documents behind entities and relations, counts per document. */
#define G_LOG_DOMAIN "rawabit-graph"

#include "rwb-provenance.h"

#include <string.h>

static int
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

static GArray *
sorted_unique (GArray *docs)
{
  g_array_sort (docs, compare_uint);
  guint out = 0;
  for (guint i = 0; i < docs->len; i++)
    if (out == 0 || g_array_index (docs, guint, out - 1) != g_array_index (docs, guint, i))
      g_array_index (docs, guint, out++) = g_array_index (docs, guint, i);
  g_array_set_size (docs, out);
  return docs;
}

/**
 * rwb_graph_entity_documents:
 * Sorted indices of the documents that mention entity @index.
 */
GArray *
rwb_graph_entity_documents (RwbGraph *graph, guint index)
{
  g_return_val_if_fail (graph != NULL && index < graph->entities->len, NULL);
  RwbEntity *e = g_ptr_array_index (graph->entities, index);
  GArray *docs = g_array_sized_new (FALSE, FALSE, sizeof (guint), e->mentions->len);
  for (guint j = 0; j < e->mentions->len; j++)
    g_array_append_val (docs, g_array_index (e->mentions, RwbSpan, j).document);
  return sorted_unique (docs);
}

/**
 * rwb_graph_relation_documents:
 * Sorted indices of the documents with evidence of relation @index.
 */
GArray *
rwb_graph_relation_documents (RwbGraph *graph, guint index)
{
  g_return_val_if_fail (graph != NULL && index < graph->relations->len, NULL);
  RwbRelation *r = g_ptr_array_index (graph->relations, index);
  GArray *docs = g_array_sized_new (FALSE, FALSE, sizeof (guint), r->evidence->len);
  for (guint j = 0; j < r->evidence->len; j++)
    g_array_append_val (docs, g_array_index (r->evidence, RwbEvidence, j).document);
  return sorted_unique (docs);
}

/**
 * rwb_graph_document_counts:
 * Entities and relations per document, in one pass.
 */
void
rwb_graph_document_counts (RwbGraph *graph, gboolean with_mentions, guint **n_entities,
                           guint **n_relations)
{
  g_return_if_fail (graph != NULL);
  guint n = graph->documents->len;
  guint *ents = g_new0 (guint, n + 1), *rels = g_new0 (guint, n + 1);
  /* The last item that counted for each document, so an item counts once per document. */
  g_autofree guint *last = g_new (guint, n + 1);
  memset (last, 0xff, sizeof (guint) * (n + 1));
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      for (guint j = 0; j < e->mentions->len; j++)
        {
          guint d = g_array_index (e->mentions, RwbSpan, j).document;
          if (d < n && last[d] != i)
            last[d] = i, ents[d]++;
        }
    }
  memset (last, 0xff, sizeof (guint) * (n + 1));
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      if (!with_mentions && r->type == RWB_RELATION_MENTION)
        continue;
      for (guint j = 0; j < r->evidence->len; j++)
        {
          guint d = g_array_index (r->evidence, RwbEvidence, j).document;
          if (d < n && last[d] != i)
            last[d] = i, rels[d]++;
        }
    }
  if (n_entities)
    *n_entities = ents;
  else
    g_free (ents);
  if (n_relations)
    *n_relations = rels;
  else
    g_free (rels);
}
