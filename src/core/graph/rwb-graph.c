/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph.c — the knowledge graph model. */
#define G_LOG_DOMAIN "rawabit-graph"

#include "rwb-graph.h"

#include <string.h>

static void
document_free (gpointer data)
{
  RwbDocument *doc = data;
  g_free (doc->id);
  g_free (doc->path);
  g_free (doc->language);
  g_free (doc->text);
  g_free (doc->title);
  g_free (doc->date);
  g_free (doc);
}

static void
entity_free (gpointer data)
{
  RwbEntity *entity = data;
  g_free (entity->id);
  g_free (entity->name);
  g_free (entity->source);
  g_ptr_array_unref (entity->aliases);
  g_array_unref (entity->mentions);
  g_clear_pointer (&entity->attrs, g_hash_table_unref);
  g_free (entity);
}

static void
evidence_clear (gpointer data)
{
  RwbEvidence *ev = data;
  g_free (ev->text);
}

static void
relation_free (gpointer data)
{
  RwbRelation *relation = data;
  g_array_unref (relation->evidence);
  g_clear_pointer (&relation->attrs, g_hash_table_unref);
  g_free (relation);
}

/**
 * rwb_graph_new:
 * Creates an empty graph.
 */
RwbGraph *
rwb_graph_new (void)
{
  RwbGraph *graph = g_new0 (RwbGraph, 1);
  graph->documents = g_ptr_array_new_with_free_func (document_free);
  graph->entities = g_ptr_array_new_with_free_func (entity_free);
  graph->relations = g_ptr_array_new_with_free_func (relation_free);
  graph->ref_count = 1;
  return graph;
}

/**
 * rwb_graph_ref:
 * Adds a reference to @graph and returns it.
 */
RwbGraph *
rwb_graph_ref (RwbGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);
  g_atomic_int_inc (&graph->ref_count);
  return graph;
}

/**
 * rwb_graph_unref:
 * Drops a reference; the last one frees the graph and everything it holds.
 */
void
rwb_graph_unref (RwbGraph *graph)
{
  if (graph == NULL || !g_atomic_int_dec_and_test (&graph->ref_count))
    return;
  g_ptr_array_unref (graph->relations);
  g_ptr_array_unref (graph->entities);
  g_ptr_array_unref (graph->documents);
  g_free (graph);
}

/**
 * rwb_graph_add_document:
 * Adds a document (strings copied) and returns its index.
 */
guint
rwb_graph_add_document (RwbGraph *graph, const char *path, const char *language,
                        const char *text)
{
  g_return_val_if_fail (graph != NULL, 0);
  RwbDocument *doc = g_new0 (RwbDocument, 1);
  doc->id = g_strdup_printf ("d%u", graph->documents->len);
  doc->path = g_strdup (path);
  doc->language = g_strdup (language ? language : "und");
  doc->text = g_strdup (text);
  doc->length = text ? g_utf8_strlen (text, -1) : 0;
  g_ptr_array_add (graph->documents, doc);
  return graph->documents->len - 1;
}

/**
 * rwb_graph_add_entity:
 * Adds an entity named @name (also its first alias) and returns its index.
 */
guint
rwb_graph_add_entity (RwbGraph *graph, const char *name, RwbEntityType type)
{
  g_return_val_if_fail (graph != NULL && name != NULL, 0);
  RwbEntity *entity = g_new0 (RwbEntity, 1);
  entity->id = g_strdup_printf ("e%u", graph->entities->len + 1);
  entity->name = g_strdup (name);
  entity->type = type;
  entity->aliases = g_ptr_array_new_with_free_func (g_free);
  entity->mentions = g_array_new (FALSE, FALSE, sizeof (RwbSpan));
  g_ptr_array_add (graph->entities, entity);
  return graph->entities->len - 1;
}

/**
 * rwb_graph_find_entity:
 * Returns the index of the entity named or aliased exactly @name, or -1.
 */
gint
rwb_graph_find_entity (RwbGraph *graph, const char *name)
{
  g_return_val_if_fail (graph != NULL && name != NULL, -1);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *entity = g_ptr_array_index (graph->entities, i);
      if (g_str_equal (entity->name, name))
        return i;
      for (guint j = 0; j < entity->aliases->len; j++)
        if (g_str_equal (g_ptr_array_index (entity->aliases, j), name))
          return i;
    }
  return -1;
}

/**
 * rwb_entity_add_alias:
 * Adds @alias unless the entity already has it.
 */
void
rwb_entity_add_alias (RwbEntity *entity, const char *alias)
{
  g_return_if_fail (entity != NULL);
  if (alias == NULL || *alias == '\0')
    return;
  for (guint j = 0; j < entity->aliases->len; j++)
    if (g_str_equal (g_ptr_array_index (entity->aliases, j), alias))
      return;
  g_ptr_array_add (entity->aliases, g_strdup (alias));
}

/**
 * rwb_entity_add_mention:
 * Records a name mention; a span just recorded is not added twice.
 */
void
rwb_entity_add_mention (RwbEntity *entity, guint document, guint start, guint end)
{
  rwb_entity_add_mention_kind (entity, document, start, end, RWB_MENTION_NAME);
}

/**
 * rwb_entity_add_mention_kind:
 * Records a mention of @kind; a span just recorded is not added twice.
 */
void
rwb_entity_add_mention_kind (RwbEntity *entity, guint document, guint start, guint end,
                             RwbMentionKind kind)
{
  g_return_if_fail (entity != NULL);
  /* Text is read front to back, so a repeat can only be one of the last mentions; looking
   * further back would make big articles quadratic. */
  for (guint i = entity->mentions->len; i-- > 0 && i + 4 >= entity->mentions->len;)
    {
      RwbSpan *s = &g_array_index (entity->mentions, RwbSpan, i);
      if (s->document == document && s->start == start && s->end == end)
        return;
    }
  RwbSpan span = { document, start, end, kind };
  g_array_append_val (entity->mentions, span);
}

static RwbRelation *
relation_new (guint source, guint target, RwbRelationType type, gboolean directed,
              double confidence)
{
  RwbRelation *r = g_new0 (RwbRelation, 1);
  r->source = source;
  r->target = target;
  r->type = type;
  r->directed = directed;
  r->confidence = confidence;
  r->evidence = g_array_new (FALSE, TRUE, sizeof (RwbEvidence));
  g_array_set_clear_func (r->evidence, evidence_clear);
  return r;
}

/**
 * rwb_graph_add_relation:
 * Appends a relation without searching for an equal one; returns its index.
 */
guint
rwb_graph_add_relation (RwbGraph *graph, guint source, guint target, RwbRelationType type,
                        gboolean directed, double confidence)
{
  g_return_val_if_fail (graph != NULL, 0);
  g_ptr_array_add (graph->relations, relation_new (source, target, type, directed, confidence));
  return graph->relations->len - 1;
}

static GHashTable *
attrs_copy (GHashTable *attrs)
{
  if (attrs == NULL)
    return NULL;
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer k, v;
  g_hash_table_iter_init (&iter, attrs);
  while (g_hash_table_iter_next (&iter, &k, &v))
    g_hash_table_insert (copy, g_strdup (k), g_strdup (v));
  return copy;
}

/**
 * rwb_graph_copy:
 * A deep copy of @graph; the copy shares nothing with it.
 */
RwbGraph *
rwb_graph_copy (RwbGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);
  RwbGraph *copy = rwb_graph_new ();
  for (guint i = 0; i < graph->documents->len; i++)
    {
      const RwbDocument *d = g_ptr_array_index (graph->documents, i);
      RwbDocument *c = g_new0 (RwbDocument, 1);
      c->id = g_strdup (d->id);
      c->path = g_strdup (d->path);
      c->language = g_strdup (d->language);
      c->text = g_strdup (d->text);
      c->length = d->length;
      c->title = g_strdup (d->title);
      c->date = g_strdup (d->date);
      g_ptr_array_add (copy->documents, c);
    }
  for (guint i = 0; i < graph->entities->len; i++)
    {
      const RwbEntity *e = g_ptr_array_index (graph->entities, i);
      RwbEntity *c = g_new0 (RwbEntity, 1);
      c->id = g_strdup (e->id);
      c->name = g_strdup (e->name);
      c->type = e->type;
      c->aliases = g_ptr_array_new_full (e->aliases->len, g_free);
      for (guint j = 0; j < e->aliases->len; j++)
        g_ptr_array_add (c->aliases, g_strdup (g_ptr_array_index (e->aliases, j)));
      c->mentions = g_array_copy (e->mentions);
      c->source = g_strdup (e->source);
      c->attrs = attrs_copy (e->attrs);
      c->confirmed = e->confirmed;
      g_ptr_array_add (copy->entities, c);
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      const RwbRelation *r = g_ptr_array_index (graph->relations, i);
      RwbRelation *c = relation_new (r->source, r->target, r->type, r->directed, r->confidence);
      g_array_set_size (c->evidence, r->evidence->len);
      for (guint j = 0; j < r->evidence->len; j++)
        {
          RwbEvidence *ev = &g_array_index (c->evidence, RwbEvidence, j);
          *ev = g_array_index (r->evidence, RwbEvidence, j);
          ev->text = g_strdup (ev->text);
        }
      c->attrs = attrs_copy (r->attrs);
      c->n_evidence = r->n_evidence;
      c->confirmed = r->confirmed;
      g_ptr_array_add (copy->relations, c);
    }
  return copy;
}

/**
 * rwb_graph_ensure_relation:
 * Finds or adds the relation (source, target, type); undirected types ignore order.
 */
guint
rwb_graph_ensure_relation (RwbGraph *graph, guint source, guint target, RwbRelationType type,
                           double confidence)
{
  g_return_val_if_fail (graph != NULL, 0);
  gboolean directed = rwb_relation_type_is_directed (type);
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      if (r->type != type)
        continue;
      if (r->source == source && r->target == target)
        {
          r->confidence = MAX (r->confidence, confidence);
          return i;
        }
      if (r->source == target && r->target == source)
        {
          /* One relation per pair and type: the direction is the one its strongest evidence
           * reads. */
          if (directed && confidence > r->confidence)
            {
              r->source = source;
              r->target = target;
            }
          r->confidence = MAX (r->confidence, confidence);
          return i;
        }
    }
  g_ptr_array_add (graph->relations, relation_new (source, target, type, directed, confidence));
  return graph->relations->len - 1;
}

/**
 * rwb_relation_add_evidence:
 * Adds a supporting sentence unless it was just added.
 */
gboolean
rwb_relation_add_evidence (RwbRelation *relation, guint document, guint start, guint end,
                           const char *text, const char *rule, double confidence)
{
  g_return_val_if_fail (relation != NULL, FALSE);
  relation->confidence = MAX (relation->confidence, confidence);
  /* Sentences arrive in text order: only the latest evidence can be the same sentence. */
  for (guint i = relation->evidence->len; i-- > 0 && i + 4 >= relation->evidence->len;)
    {
      RwbEvidence *ev = &g_array_index (relation->evidence, RwbEvidence, i);
      if (ev->document == document && ev->start == start && ev->end == end)
        return FALSE;
    }
  /* Rules repeat across a corpus: one interned copy each instead of one per sentence. */
  RwbEvidence ev = { document, start, end, g_strdup (text), g_intern_string (rule), 0, 0 };
  g_array_append_val (relation->evidence, ev);
  return TRUE;
}

/**
 * rwb_relation_add_evidence_span:
 * Like rwb_relation_add_evidence, with the sentence given as bytes of the document's text.
 */
gboolean
rwb_relation_add_evidence_span (RwbRelation *relation, guint document, guint start, guint end,
                                gsize byte_start, gsize byte_end, const char *rule,
                                double confidence)
{
  if (!rwb_relation_add_evidence (relation, document, start, end, NULL, rule, confidence))
    return FALSE;
  RwbEvidence *ev = &g_array_index (relation->evidence, RwbEvidence, relation->evidence->len - 1);
  ev->byte_start = byte_start;
  ev->byte_end = byte_end;
  return TRUE;
}

/**
 * rwb_graph_evidence_text:
 * The evidence sentence as a new string ("" if neither it nor its document has text).
 */
char *
rwb_graph_evidence_text (RwbGraph *graph, const RwbEvidence *evidence)
{
  g_return_val_if_fail (graph != NULL && evidence != NULL, NULL);
  if (evidence->text)
    return g_strdup (evidence->text);
  RwbDocument *doc = evidence->document < graph->documents->len
                       ? g_ptr_array_index (graph->documents, evidence->document) : NULL;
  if (doc == NULL || doc->text == NULL || evidence->byte_end <= evidence->byte_start)
    return g_strdup ("");
  return g_strndup (doc->text + evidence->byte_start, evidence->byte_end - evidence->byte_start);
}

static void
set_attr (GHashTable **table, const char *key, const char *value)
{
  if (*table == NULL)
    *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (*table, g_strdup (key), g_strdup (value));
}

/**
 * rwb_entity_set_attr:
 * Keeps an attribute an import could not map to a field.
 */
void
rwb_entity_set_attr (RwbEntity *entity, const char *key, const char *value)
{
  g_return_if_fail (entity != NULL && key != NULL && value != NULL);
  set_attr (&entity->attrs, key, value);
}

/**
 * rwb_relation_set_attr:
 * Keeps an attribute an import could not map to a field.
 */
void
rwb_relation_set_attr (RwbRelation *relation, const char *key, const char *value)
{
  g_return_if_fail (relation != NULL && key != NULL && value != NULL);
  set_attr (&relation->attrs, key, value);
}

/**
 * rwb_graph_entity_degree:
 * Counts the relations that touch entity @index.
 */
guint
rwb_graph_entity_degree (RwbGraph *graph, guint index, gboolean with_mentions)
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
