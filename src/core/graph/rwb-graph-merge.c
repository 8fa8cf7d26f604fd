/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-merge.c — joining graphs: the graphs of many articles (or files) into one, with
 * entities matched by name and alias and relations by their ends and type.
 */
#define G_LOG_DOMAIN "rawabit-graph"

#include "rwb-graph-merge.h"

static void
merge_attrs (GHashTable **dest, GHashTable *src)
{
  if (src == NULL)
    return;
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, src);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      if (*dest && g_hash_table_contains (*dest, k))
        continue;
      if (*dest == NULL)
        *dest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (*dest, g_strdup (k), g_strdup (v));
    }
}

static gint
find_entity_for (RwbGraph *dest, RwbEntity *e)
{
  gint found = rwb_graph_find_entity (dest, e->name);
  for (guint j = 0; found < 0 && j < e->aliases->len; j++)
    found = rwb_graph_find_entity (dest, g_ptr_array_index (e->aliases, j));
  return found;
}

static gint
find_relation_for (RwbGraph *dest, guint source, guint target, RwbRelationType type,
                   gboolean directed)
{
  for (guint i = 0; i < dest->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (dest->relations, i);
      if (r->type != type)
        continue;
      if ((r->source == source && r->target == target)
          || (!directed && !r->directed && r->source == target && r->target == source))
        return i;
    }
  return -1;
}

static gboolean
has_evidence (RwbRelation *r, guint document, guint start, guint end)
{
  for (guint i = 0; i < r->evidence->len; i++)
    {
      RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, i);
      if (ev->document == document && ev->start == start && ev->end == end)
        return TRUE;
    }
  return FALSE;
}

static void
evidence_clear (gpointer data)
{
  g_free (((RwbEvidence *) data)->text);
}

/* A new relation like @like between @source and @target. Not rwb_graph_ensure_relation: it
 * would join a directed relation read the other way, and a merge keeps both. */
static RwbRelation *
append_relation (RwbGraph *graph, guint source, guint target, const RwbRelation *like)
{
  RwbRelation *r = g_new0 (RwbRelation, 1);
  r->source = source;
  r->target = target;
  r->type = like->type;
  r->directed = like->directed;
  r->confidence = like->confidence;
  r->evidence = g_array_new (FALSE, TRUE, sizeof (RwbEvidence));
  g_array_set_clear_func (r->evidence, evidence_clear);
  g_ptr_array_add (graph->relations, r);
  return r;
}

/**
 * rwb_graph_merge:
 * Merges @src into @dest by entity name and alias (see rwb-graph-merge.h).
 */
void
rwb_graph_merge (RwbGraph *dest, RwbGraph *src)
{
  g_return_if_fail (dest != NULL && src != NULL && dest != src);

  /* Documents: the same article read twice is one document, so its evidence is not counted
   * twice. */
  g_autofree guint *doc_map = g_new0 (guint, src->documents->len + 1);
  for (guint i = 0; i < src->documents->len; i++)
    {
      RwbDocument *d = g_ptr_array_index (src->documents, i);
      gint same = -1;
      for (guint j = 0; d->path && same < 0 && j < dest->documents->len; j++)
        {
          RwbDocument *o = g_ptr_array_index (dest->documents, j);
          if (g_strcmp0 (o->path, d->path) == 0 && o->length == d->length)
            same = j;
        }
      if (same >= 0)
        doc_map[i] = same;
      else
        {
          doc_map[i] = rwb_graph_add_document (dest, d->path, d->language, d->text);
          RwbDocument *added = g_ptr_array_index (dest->documents, doc_map[i]);
          added->length = d->length;
          added->title = g_strdup (d->title);
          added->date = g_strdup (d->date);
        }
    }

  g_autofree guint *ent_map = g_new0 (guint, src->entities->len + 1);
  for (guint i = 0; i < src->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (src->entities, i);
      gint found = find_entity_for (dest, e);
      RwbEntity *d;
      if (found >= 0)
        {
          d = g_ptr_array_index (dest->entities, found);
          if (!g_str_equal (d->name, e->name))
            rwb_entity_add_alias (d, e->name);
          ent_map[i] = found;
        }
      else
        {
          ent_map[i] = rwb_graph_add_entity (dest, e->name, e->type);
          d = g_ptr_array_index (dest->entities, ent_map[i]);
          d->source = g_strdup (e->source);
          /* Keep the entity's own id when it is free, so references to it still hold. */
          if (!rwb_graph_entity_id_used (dest, e->id, d))
            {
              g_free (d->id);
              d->id = g_strdup (e->id);
            }
          else
            for (guint n = dest->entities->len; rwb_graph_entity_id_used (dest, d->id, d); n++)
              {
                g_free (d->id);
                d->id = g_strdup_printf ("e%u", n + 1);
              }
        }
      for (guint j = 0; j < e->aliases->len; j++)
        if (!g_str_equal (g_ptr_array_index (e->aliases, j), d->name))
          rwb_entity_add_alias (d, g_ptr_array_index (e->aliases, j));
      for (guint j = 0; j < e->mentions->len; j++)
        {
          RwbSpan *s = &g_array_index (e->mentions, RwbSpan, j);
          rwb_entity_add_mention_kind (d, doc_map[s->document], s->start, s->end, s->kind);
        }
      merge_attrs (&d->attrs, e->attrs);
    }

  for (guint i = 0; i < src->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (src->relations, i);
      guint source = ent_map[r->source], target = ent_map[r->target];
      gint found = find_relation_for (dest, source, target, r->type, r->directed);
      RwbRelation *d;
      if (found < 0)
        d = append_relation (dest, source, target, r);
      else
        {
          d = g_ptr_array_index (dest->relations, found);
          d->confidence = MAX (d->confidence, r->confidence);
        }
      guint extra_dest = d->n_evidence > d->evidence->len ? d->n_evidence - d->evidence->len : 0;
      guint extra_src = r->n_evidence > r->evidence->len ? r->n_evidence - r->evidence->len : 0;
      for (guint j = 0; j < r->evidence->len; j++)
        {
          RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, j);
          guint doc = doc_map[ev->document];
          if (has_evidence (d, doc, ev->start, ev->end))
            continue;
          g_autofree char *text = rwb_graph_evidence_text (src, ev);
          rwb_relation_add_evidence (d, doc, ev->start, ev->end, *text ? text : NULL, ev->rule,
                                     0);
        }
      d->n_evidence = extra_dest + extra_src ? d->evidence->len + extra_dest + extra_src : 0;
      merge_attrs (&d->attrs, r->attrs);
    }
}
