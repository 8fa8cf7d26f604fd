/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-timeline.c — first-known dates of entities and relations; the graph as of a date. */
#define G_LOG_DOMAIN "rawabit-graph"

#include "rwb-timeline.h"

#include <stdlib.h>
#include <string.h>

struct _RwbTimeline {
  GPtrArray *entity_since;    /* const char* (into dates) or NULL, per entity */
  GPtrArray *relation_since;  /* per relation */
  GPtrArray *dates;           /* char*: distinct dates, sorted */
  GArray *counts;             /* guint: documents per date */
};

/* The earlier of two dates where NULL means "always". */
static const char *
earlier (const char *a, const char *b, gboolean *always)
{
  if (*always)
    return NULL;
  if (b == NULL)
    {
      *always = TRUE;
      return NULL;
    }
  return a == NULL || strcmp (b, a) < 0 ? b : a;
}

static const char *
document_date (RwbGraph *graph, guint doc)
{
  if (doc >= graph->documents->len)
    return NULL;
  const char *date = ((RwbDocument *) g_ptr_array_index (graph->documents, doc))->date;
  return date && *date ? date : NULL;
}

static int
compare_strings (const void *a, const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/**
 * rwb_timeline_new:
 * When each entity and relation of @graph became known (see rwb-timeline.h).
 */
RwbTimeline *
rwb_timeline_new (RwbGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);
  RwbTimeline *tl = g_new0 (RwbTimeline, 1);
  /* Distinct dates, interned in a table so every "since" points at one copy. */
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  tl->dates = g_ptr_array_new_with_free_func (g_free);
  tl->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  for (guint d = 0; d < graph->documents->len; d++)
    {
      const char *date = document_date (graph, d);
      if (date && !g_hash_table_contains (seen, date))
        g_hash_table_add (seen, (gpointer) date);
    }
  g_autofree gpointer *sorted = (gpointer *) g_hash_table_get_keys_as_array (seen, NULL);
  guint n_dates = g_hash_table_size (seen);
  qsort (sorted, n_dates, sizeof (gpointer), compare_strings);
  g_autoptr (GHashTable) slot = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_dates; i++)
    {
      char *copy = g_strdup (sorted[i]);
      g_ptr_array_add (tl->dates, copy);
      g_hash_table_insert (slot, copy, GUINT_TO_POINTER (i + 1));
    }
  g_array_set_size (tl->counts, n_dates);
  g_autofree const char **by_doc = g_new0 (const char *, graph->documents->len + 1);
  for (guint d = 0; d < graph->documents->len; d++)
    {
      const char *date = document_date (graph, d);
      guint i = date ? GPOINTER_TO_UINT (g_hash_table_lookup (slot, date)) : 0;
      if (i)
        {
          by_doc[d] = g_ptr_array_index (tl->dates, i - 1);
          g_array_index (tl->counts, guint, i - 1)++;
        }
    }

  tl->entity_since = g_ptr_array_sized_new (graph->entities->len);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      gboolean always = e->mentions->len == 0;
      const char *since = NULL;
      for (guint j = 0; j < e->mentions->len; j++)
        {
          guint d = g_array_index (e->mentions, RwbSpan, j).document;
          since = earlier (since, d < graph->documents->len ? by_doc[d] : NULL, &always);
        }
      g_ptr_array_add (tl->entity_since, (gpointer) since);
    }
  tl->relation_since = g_ptr_array_sized_new (graph->relations->len);
  for (guint k = 0; k < graph->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, k);
      gboolean always = r->evidence->len == 0;
      const char *since = NULL;
      for (guint j = 0; j < r->evidence->len; j++)
        {
          guint d = g_array_index (r->evidence, RwbEvidence, j).document;
          since = earlier (since, d < graph->documents->len ? by_doc[d] : NULL, &always);
        }
      /* Not before both its entities are known. */
      const char *ends[2] = { g_ptr_array_index (tl->entity_since, r->source),
                              g_ptr_array_index (tl->entity_since, r->target) };
      for (guint j = 0; j < 2; j++)
        if (ends[j] && (since == NULL || strcmp (ends[j], since) > 0))
          since = ends[j];
      g_ptr_array_add (tl->relation_since, (gpointer) since);
    }
  return tl;
}

/**
 * rwb_timeline_free:
 * Frees @timeline.
 */
void
rwb_timeline_free (RwbTimeline *timeline)
{
  if (timeline == NULL)
    return;
  g_ptr_array_unref (timeline->entity_since);
  g_ptr_array_unref (timeline->relation_since);
  g_ptr_array_unref (timeline->dates);
  g_array_unref (timeline->counts);
  g_free (timeline);
}

/**
 * rwb_timeline_entity_since:
 * The date entity @index is known from, or NULL (always).
 */
const char *
rwb_timeline_entity_since (const RwbTimeline *timeline, guint index)
{
  g_return_val_if_fail (timeline != NULL && index < timeline->entity_since->len, NULL);
  return g_ptr_array_index (timeline->entity_since, index);
}

/**
 * rwb_timeline_relation_since:
 * The date relation @index is known from, or NULL (always).
 */
const char *
rwb_timeline_relation_since (const RwbTimeline *timeline, guint index)
{
  g_return_val_if_fail (timeline != NULL && index < timeline->relation_since->len, NULL);
  return g_ptr_array_index (timeline->relation_since, index);
}

static gboolean
known (const char *since, const char *date)
{
  return date == NULL || since == NULL || strcmp (since, date) <= 0;
}

/**
 * rwb_timeline_entity_known:
 * Whether entity @index is known by @date.
 */
gboolean
rwb_timeline_entity_known (const RwbTimeline *timeline, guint index, const char *date)
{
  return known (rwb_timeline_entity_since (timeline, index), date);
}

/**
 * rwb_timeline_relation_known:
 * Whether relation @index is known by @date.
 */
gboolean
rwb_timeline_relation_known (const RwbTimeline *timeline, guint index, const char *date)
{
  return known (rwb_timeline_relation_since (timeline, index), date);
}

/**
 * rwb_timeline_n_dates:
 * Number of distinct document dates.
 */
guint
rwb_timeline_n_dates (const RwbTimeline *timeline)
{
  g_return_val_if_fail (timeline != NULL, 0);
  return timeline->dates->len;
}

/**
 * rwb_timeline_date:
 * The @i-th distinct date, earliest first.
 */
const char *
rwb_timeline_date (const RwbTimeline *timeline, guint i)
{
  g_return_val_if_fail (timeline != NULL && i < timeline->dates->len, NULL);
  return g_ptr_array_index (timeline->dates, i);
}

/**
 * rwb_timeline_date_documents:
 * How many documents have the @i-th date.
 */
guint
rwb_timeline_date_documents (const RwbTimeline *timeline, guint i)
{
  g_return_val_if_fail (timeline != NULL && i < timeline->counts->len, 0);
  return g_array_index (timeline->counts, guint, i);
}

/**
 * rwb_graph_as_of:
 * The part of @graph known by @date, as a new graph.
 */
RwbGraph *
rwb_graph_as_of (RwbGraph *graph, const char *date)
{
  g_return_val_if_fail (graph != NULL, NULL);
  return rwb_graph_filter (graph, date, NULL, NULL);
}

/**
 * rwb_graph_filter:
 * The part of @graph known by @date (NULL: all of it) of which @keep_entities and
 * @keep_relations (NULL: all) keep, as a new graph.
 */
RwbGraph *
rwb_graph_filter (RwbGraph *graph, const char *date, const gboolean *keep_entities,
                  const gboolean *keep_relations)
{
  return rwb_graph_filter_mapped (graph, date, keep_entities, keep_relations, NULL, NULL);
}

/**
 * rwb_graph_filter_mapped:
 * rwb_graph_filter, with where each entity and relation went (G_MAXUINT: left out).
 */
RwbGraph *
rwb_graph_filter_mapped (RwbGraph *graph, const char *date, const gboolean *keep_entities,
                         const gboolean *keep_relations, guint **entity_map,
                         guint **relation_map)
{
  g_return_val_if_fail (graph != NULL, NULL);
  RwbGraph *out = rwb_graph_copy (graph);
  if (entity_map)
    *entity_map = NULL;
  if (relation_map)
    *relation_map = NULL;
  if (date == NULL && keep_entities == NULL && keep_relations == NULL)
    {
      if (entity_map)
        {
          *entity_map = g_new (guint, graph->entities->len + 1);
          for (guint i = 0; i < graph->entities->len; i++)
            (*entity_map)[i] = i;
        }
      if (relation_map)
        {
          *relation_map = g_new (guint, graph->relations->len + 1);
          for (guint i = 0; i < graph->relations->len; i++)
            (*relation_map)[i] = i;
        }
      return out;
    }
  g_autoptr (RwbTimeline) tl = rwb_timeline_new (graph);
  guint n_docs = out->documents->len;
  g_autofree guint *doc_map = g_new (guint, n_docs + 1);
  gsize n;
  gpointer *docs = g_ptr_array_steal (out->documents, &n);
  g_autoptr (RwbGraph) trash = rwb_graph_new ();
  for (gsize d = 0; d < n; d++)
    {
      const char *when = document_date (graph, d);
      gboolean keep = known (when, date);
      doc_map[d] = keep ? out->documents->len : G_MAXUINT;
      g_ptr_array_add (keep ? out->documents : trash->documents, docs[d]);
    }
  g_free (docs);

  gpointer *entities = g_ptr_array_steal (out->entities, &n);
  g_autofree guint *ent_map = g_new (guint, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      RwbEntity *e = entities[i];
      gboolean keep = rwb_timeline_entity_known (tl, i, date)
                      && (keep_entities == NULL || keep_entities[i]);
      guint kept = 0;
      for (guint j = 0; keep && j < e->mentions->len; j++)
        {
          RwbSpan s = g_array_index (e->mentions, RwbSpan, j);
          if (s.document < n_docs && doc_map[s.document] == G_MAXUINT)
            continue;
          if (s.document < n_docs)
            s.document = doc_map[s.document];
          g_array_index (e->mentions, RwbSpan, kept++) = s;
        }
      if (keep)
        g_array_set_size (e->mentions, kept);
      ent_map[i] = keep ? out->entities->len : G_MAXUINT;
      g_ptr_array_add (keep ? out->entities : trash->entities, e);
    }
  g_free (entities);

  gpointer *relations = g_ptr_array_steal (out->relations, &n);
  g_autofree guint *rel_map = g_new (guint, n + 1);
  for (gsize k = 0; k < n; k++)
    {
      RwbRelation *r = relations[k];
      gboolean keep = rwb_timeline_relation_known (tl, k, date)
                      && (keep_relations == NULL || keep_relations[k])
                      && ent_map[r->source] != G_MAXUINT && ent_map[r->target] != G_MAXUINT;
      if (keep)
        {
          r->source = ent_map[r->source];
          r->target = ent_map[r->target];
          for (guint j = r->evidence->len; j-- > 0;)
            {
              RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, j);
              if (ev->document < n_docs && doc_map[ev->document] == G_MAXUINT)
                g_array_remove_index (r->evidence, j);
              else if (ev->document < n_docs)
                ev->document = doc_map[ev->document];
            }
        }
      rel_map[k] = keep ? out->relations->len : G_MAXUINT;
      g_ptr_array_add (keep ? out->relations : trash->relations, r);
    }
  g_free (relations);
  if (entity_map)
    *entity_map = g_steal_pointer (&ent_map);
  if (relation_map)
    *relation_map = g_steal_pointer (&rel_map);
  return out;
}

static gboolean
changed_between (const char *since, const char *from, const char *to)
{
  return since != NULL && (from == NULL || strcmp (since, from) > 0)
         && (to == NULL || strcmp (since, to) <= 0);
}

/**
 * rwb_timeline_changes:
 * What became known after @from and by @to; see the header.
 */
void
rwb_timeline_changes (const RwbTimeline *timeline, const char *from, const char *to,
                      GArray *entities, GArray *relations)
{
  g_return_if_fail (timeline != NULL);

  for (guint i = 0; entities != NULL && i < timeline->entity_since->len; i++)
    if (changed_between (g_ptr_array_index (timeline->entity_since, i), from, to))
      g_array_append_val (entities, i);
  for (guint i = 0; relations != NULL && i < timeline->relation_since->len; i++)
    if (changed_between (g_ptr_array_index (timeline->relation_since, i), from, to))
      g_array_append_val (relations, i);
}
