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

/* --- Index --------------------------------------------------------------------------------- */

/* What would take a pass over every relation per question: the relation of a pair and type
 * (rwb_graph_ensure_relation, once per relation read from a file or found in a text) and the
 * degree of an entity (once per row of the Entities list, per tooltip, per CSV line). Kept up
 * to date as relations are appended: it remembers how many it has seen and the last of them,
 * and rebuilds itself when the array no longer starts with what it saw. */
typedef struct {
  guint typed; /* relations other than `mention` */
  guint all;
} Degree;

/* A pair and type, by value: the table never points into relations, which code outside this
 * file may free. */
typedef struct {
  guint a, b;          /* a <= b */
  guint type;
  guint index;         /* of the first relation with them */
} PairKey;

#define KEYS_PER_BLOCK 1024

struct _RwbGraphIndex {
  GMutex lock;         /* lookups from several threads read the graph, and build this */
  guint n_relations;   /* graph->relations->pdata[0 .. n_relations) are indexed */
  gpointer last;       /* pdata[n_relations - 1] when they were */
  GArray *degrees;     /* Degree per entity (shorter: the rest have none) */
  GHashTable *by_pair; /* PairKey* (a set) */
  GPtrArray *blocks;   /* the PairKeys, KEYS_PER_BLOCK to a block */
  guint n_keys;
};

static guint
pair_hash (gconstpointer key)
{
  const PairKey *k = key;
  guint64 h = ((guint64) k->a << 32 | k->b) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return (guint) (h >> 32) ^ (guint) h ^ (k->type * 0x85EBCA6Bu);
}

static gboolean
pair_equal (gconstpointer x, gconstpointer y)
{
  const PairKey *k = x, *l = y;
  return k->a == l->a && k->b == l->b && k->type == l->type;
}

static PairKey
pair_key (guint source, guint target, RwbRelationType type)
{
  return (PairKey) { MIN (source, target), MAX (source, target), type, 0 };
}

static RwbGraphIndex *
index_new (void)
{
  RwbGraphIndex *idx = g_new0 (RwbGraphIndex, 1);
  g_mutex_init (&idx->lock);
  idx->degrees = g_array_new (FALSE, TRUE, sizeof (Degree));
  idx->by_pair = g_hash_table_new (pair_hash, pair_equal);
  idx->blocks = g_ptr_array_new_with_free_func (g_free);
  return idx;
}

static void
index_free (RwbGraphIndex *idx)
{
  g_hash_table_unref (idx->by_pair);
  g_ptr_array_unref (idx->blocks);
  g_array_unref (idx->degrees);
  g_mutex_clear (&idx->lock);
  g_free (idx);
}

static void
index_reset (RwbGraphIndex *idx)
{
  idx->n_relations = 0;
  idx->last = NULL;
  g_array_set_size (idx->degrees, 0);
  g_hash_table_remove_all (idx->by_pair);
  g_ptr_array_set_size (idx->blocks, 0);
  idx->n_keys = 0;
}

static void
index_count (RwbGraphIndex *idx, guint entity, gboolean typed)
{
  if (entity >= idx->degrees->len)
    g_array_set_size (idx->degrees, MAX (entity + 1, idx->degrees->len * 2));
  Degree *d = &g_array_index (idx->degrees, Degree, entity);
  d->all++;
  d->typed += typed;
}

static void
index_add_pair (RwbGraphIndex *idx, const RwbRelation *r, guint index)
{
  PairKey probe = pair_key (r->source, r->target, r->type);
  /* The first relation of a pair and type is the one rwb_graph_ensure_relation finds. */
  if (g_hash_table_contains (idx->by_pair, &probe))
    return;
  if (idx->n_keys % KEYS_PER_BLOCK == 0)
    g_ptr_array_add (idx->blocks, g_new (PairKey, KEYS_PER_BLOCK));
  PairKey *key = (PairKey *) g_ptr_array_index (idx->blocks, idx->blocks->len - 1)
                 + idx->n_keys++ % KEYS_PER_BLOCK;
  *key = probe;
  key->index = index;
  g_hash_table_add (idx->by_pair, key);
}

/* Brings the index up to date with graph->relations; called with the lock held. */
static void
index_update (RwbGraph *graph)
{
  RwbGraphIndex *idx = graph->index;
  GPtrArray *rels = graph->relations;
  if (rels->len < idx->n_relations
      || (idx->n_relations > 0 && rels->pdata[idx->n_relations - 1] != idx->last))
    index_reset (idx);
  for (guint i = idx->n_relations; i < rels->len; i++)
    {
      RwbRelation *r = rels->pdata[i];
      gboolean typed = r->type != RWB_RELATION_MENTION;
      index_count (idx, r->source, typed);
      if (r->target != r->source)
        index_count (idx, r->target, typed);
      index_add_pair (idx, r, i);
    }
  idx->n_relations = rels->len;
  idx->last = rels->len > 0 ? rels->pdata[rels->len - 1] : NULL;
}

/* The index of the relation of @probe's pair and type, or -1; called with the lock held. A
 * hit is checked against the relation it names, so an edit nobody announced costs a rebuild,
 * never a wrong relation. */
static gint
index_find (RwbGraph *graph, const PairKey *probe)
{
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      index_update (graph);
      const PairKey *key = g_hash_table_lookup (graph->index->by_pair, probe);
      if (key == NULL)
        return -1;
      if (key->index < graph->relations->len)
        {
          const RwbRelation *r = g_ptr_array_index (graph->relations, key->index);
          PairKey found = pair_key (r->source, r->target, r->type);
          if (pair_equal (&found, probe))
            return key->index;
        }
      index_reset (graph->index);
    }
  return -1;
}

/**
 * rwb_graph_relations_changed:
 * @graph: a graph
 *
 * Drops the graph's index of relations, to be rebuilt on next use: call it after removing,
 * reordering or retyping relations of graph->relations, or changing their entities, other
 * than through rwb_graph_ensure_relation().
 */
void
rwb_graph_relations_changed (RwbGraph *graph)
{
  g_return_if_fail (graph != NULL);
  g_mutex_lock (&graph->index->lock);
  index_reset (graph->index);
  g_mutex_unlock (&graph->index->lock);
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
  graph->index = index_new ();
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
  index_free (graph->index);
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
 * rwb_graph_entity_id_used:
 * Whether an entity other than @except has the id @id.
 */
gboolean
rwb_graph_entity_id_used (RwbGraph *graph, const char *id, const RwbEntity *except)
{
  g_return_val_if_fail (graph != NULL && id != NULL, FALSE);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      if (e != except && g_str_equal (e->id, id))
        return TRUE;
    }
  return FALSE;
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
  PairKey probe = pair_key (source, target, type);
  guint index;

  g_mutex_lock (&graph->index->lock);
  gint found = index_find (graph, &probe);
  if (found >= 0)
    {
      index = found;
      RwbRelation *r = g_ptr_array_index (graph->relations, index);
      /* One relation per pair and type: the direction is the one its strongest evidence
       * reads. */
      if (r->source != source && directed && confidence > r->confidence)
        {
          r->source = source;
          r->target = target;
        }
      r->confidence = MAX (r->confidence, confidence);
    }
  else
    {
      g_ptr_array_add (graph->relations,
                       relation_new (source, target, type, directed, confidence));
      index = graph->relations->len - 1;
      index_update (graph);
    }
  g_mutex_unlock (&graph->index->lock);
  return index;
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
 * @graph: a graph
 * @index: an entity of @graph
 * @with_mentions: whether `mention` (co-occurrence) relations count
 *
 * Counts the relations that touch entity @index, from the graph's index (built or brought up
 * to date here when relations changed, in one pass over them).
 *
 * Returns: the number of relations of the entity
 */
guint
rwb_graph_entity_degree (RwbGraph *graph, guint index, gboolean with_mentions)
{
  g_return_val_if_fail (graph != NULL, 0);
  guint n = 0;
  g_mutex_lock (&graph->index->lock);
  index_update (graph);
  if (index < graph->index->degrees->len)
    {
      const Degree *d = &g_array_index (graph->index->degrees, Degree, index);
      n = with_mentions ? d->all : d->typed;
    }
  g_mutex_unlock (&graph->index->lock);
  return n;
}
