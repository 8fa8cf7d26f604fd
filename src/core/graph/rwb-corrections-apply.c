/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-corrections-apply.c — applying corrections to a graph: a copy of it changed in place, one
 * correction after another, by name (see rwb-corrections.h for what each kind does).
 */
#define G_LOG_DOMAIN "rawabit-corrections"

#include "rwb-corrections-private.h"

#include "rwb-text.h"

/* ---- applying ------------------------------------------------------------------------ */

/* The graph being corrected is a copy that the corrections change in place; entities and
 * relations that go are marked dead and dropped at the end, so indices hold meanwhile. */
typedef struct {
  RwbGraph *g;
  GArray *dead_e;      /* gboolean per entity */
  GArray *dead_r;      /* gboolean per relation */
  GPtrArray *adj;      /* per entity: GArray of relation indices (may hold stale ones) */
  GHashTable *keys;    /* name key → entity index + 1 */
  GHashTable *doc_keys;/* document key → index + 1, filled on demand */
  guint next_id;
  /* Walking a document's text from code points to bytes: the last place reached. */
  guint *cursor_cp;
  gsize *cursor_byte;
} Work;

static gboolean
entity_dead (Work *w, guint i)
{
  return g_array_index (w->dead_e, gboolean, i);
}

static gboolean
relation_dead (Work *w, guint i)
{
  return g_array_index (w->dead_r, gboolean, i);
}

static RwbEntity *
entity_at (Work *w, guint i)
{
  return g_ptr_array_index (w->g->entities, i);
}

static RwbRelation *
relation_at (Work *w, guint i)
{
  return g_ptr_array_index (w->g->relations, i);
}

static void
adj_add (Work *w, guint entity, guint relation)
{
  g_array_append_val ((GArray *) g_ptr_array_index (w->adj, entity), relation);
}

static void
claim_key (Work *w, const char *name, guint entity, gboolean override)
{
  char *key = rwb_name_key (name);
  if (*key == '\0' || (!override && g_hash_table_contains (w->keys, key)))
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (w->keys, key, GUINT_TO_POINTER (entity + 1));
}

static void
claim_keys (Work *w, guint entity, gboolean override)
{
  RwbEntity *e = entity_at (w, entity);
  claim_key (w, e->name, entity, override);
  for (guint j = 0; j < e->aliases->len; j++)
    claim_key (w, g_ptr_array_index (e->aliases, j), entity, override);
}

static void
drop_key (Work *w, const char *name, guint entity)
{
  g_autofree char *key = rwb_name_key (name);
  if (GPOINTER_TO_UINT (g_hash_table_lookup (w->keys, key)) == entity + 1)
    g_hash_table_remove (w->keys, key);
}

static gint
lookup (Work *w, const char *name)
{
  if (name == NULL)
    return -1;
  g_autofree char *key = rwb_name_key (name);
  guint v = GPOINTER_TO_UINT (g_hash_table_lookup (w->keys, key));
  if (v == 0 || entity_dead (w, v - 1))
    return -1;
  return (gint) v - 1;
}

static guint
add_entity (Work *w, const char *name, RwbEntityType type)
{
  guint i = rwb_graph_add_entity (w->g, name, type);
  RwbEntity *e = entity_at (w, i);
  g_free (e->id);
  e->id = g_strdup_printf ("e%u", w->next_id++);
  gboolean no = FALSE;
  g_array_append_val (w->dead_e, no);
  g_ptr_array_add (w->adj, g_array_new (FALSE, FALSE, sizeof (guint)));
  return i;
}

static guint
add_relation (Work *w, guint source, guint target, RwbRelationType type, gboolean directed,
              double confidence)
{
  guint k = rwb_graph_add_relation (w->g, source, target, type, directed, confidence);
  gboolean no = FALSE;
  g_array_append_val (w->dead_r, no);
  adj_add (w, source, k);
  adj_add (w, target, k);
  return k;
}

static gboolean
joins (RwbRelation *r, guint a, guint b)
{
  return (r->source == a && r->target == b) || (r->source == b && r->target == a);
}

/* The live relation of @type between @a and @b (either direction), other than @except. */
static gint
find_relation (Work *w, guint a, guint b, RwbRelationType type, gint except)
{
  GArray *list = g_ptr_array_index (w->adj, a);
  for (guint j = 0; j < list->len; j++)
    {
      guint k = g_array_index (list, guint, j);
      RwbRelation *r = relation_at (w, k);
      if ((gint) k != except && !relation_dead (w, k) && r->type == type && joins (r, a, b))
        return k;
    }
  return -1;
}

static guint64
evidence_key (const RwbEvidence *ev)
{
  return ((guint64) ev->document << 32) | ev->start;
}

/* Moves the evidence of relation @from into @into, without repeating a sentence. */
static void
absorb_relation (Work *w, guint into, guint from)
{
  RwbRelation *d = relation_at (w, into), *s = relation_at (w, from);
  /* Counts known only from an import add up. */
  guint counted = d->n_evidence || s->n_evidence
                    ? MAX (d->n_evidence, d->evidence->len) + MAX (s->n_evidence, s->evidence->len)
                    : 0;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint j = 0; j < d->evidence->len; j++)
    {
      guint64 *key = g_new (guint64, 1);
      *key = evidence_key (&g_array_index (d->evidence, RwbEvidence, j));
      g_hash_table_add (seen, key);
    }
  for (guint j = 0; j < s->evidence->len; j++)
    {
      RwbEvidence *ev = &g_array_index (s->evidence, RwbEvidence, j);
      guint64 key = evidence_key (ev);
      if (g_hash_table_contains (seen, &key))
        continue;
      RwbEvidence copy = *ev;
      ev->text = NULL; /* moved */
      g_array_append_val (d->evidence, copy);
    }
  d->confidence = MAX (d->confidence, s->confidence);
  d->confirmed = d->confirmed || s->confirmed;
  d->n_evidence = counted;
  g_array_index (w->dead_r, gboolean, from) = TRUE;
}

static void
kill_entity (Work *w, guint i)
{
  RwbEntity *e = entity_at (w, i);
  g_array_index (w->dead_e, gboolean, i) = TRUE;
  drop_key (w, e->name, i);
  for (guint j = 0; j < e->aliases->len; j++)
    drop_key (w, g_ptr_array_index (e->aliases, j), i);
  GArray *list = g_ptr_array_index (w->adj, i);
  for (guint j = 0; j < list->len; j++)
    {
      guint k = g_array_index (list, guint, j);
      RwbRelation *r = relation_at (w, k);
      if (r->source == i || r->target == i)
        g_array_index (w->dead_r, gboolean, k) = TRUE;
    }
}

static void
add_alias_unless_name (RwbEntity *e, const char *alias)
{
  if (!g_str_equal (e->name, alias))
    rwb_entity_add_alias (e, alias);
}

/* Entity @b becomes part of @a: names, mentions, relations (joined with @a's own of the same
 * type and other party). */
static void
merge_entities (Work *w, guint a, guint b)
{
  RwbEntity *ea = entity_at (w, a), *eb = entity_at (w, b);
  add_alias_unless_name (ea, eb->name);
  for (guint j = 0; j < eb->aliases->len; j++)
    add_alias_unless_name (ea, g_ptr_array_index (eb->aliases, j));
  g_array_append_vals (ea->mentions, eb->mentions->data, eb->mentions->len);
  ea->confirmed = ea->confirmed || eb->confirmed;
  /* Every key that reached b now reaches a. */
  claim_key (w, eb->name, a, TRUE);
  for (guint j = 0; j < eb->aliases->len; j++)
    claim_key (w, g_ptr_array_index (eb->aliases, j), a, TRUE);
  g_array_index (w->dead_e, gboolean, b) = TRUE;

  GArray *list = g_ptr_array_index (w->adj, b);
  for (guint j = 0; j < list->len; j++)
    {
      guint k = g_array_index (list, guint, j);
      RwbRelation *r = relation_at (w, k);
      if (relation_dead (w, k) || (r->source != b && r->target != b))
        continue;
      if (r->source == b)
        r->source = a;
      if (r->target == b)
        r->target = a;
      if (r->source == r->target)
        {
          g_array_index (w->dead_r, gboolean, k) = TRUE;
          continue;
        }
      guint other = r->source == a ? r->target : r->source;
      gint same = find_relation (w, a, other, r->type, k);
      if (same >= 0)
        absorb_relation (w, same, k);
      else
        adj_add (w, a, k);
    }
}

/* Bytes of code point @cp of document @doc, walking on from the last place reached. */
static const char *
doc_pointer (Work *w, guint doc, guint cp)
{
  RwbDocument *d = g_ptr_array_index (w->g->documents, doc);
  if (cp < w->cursor_cp[doc])
    w->cursor_cp[doc] = 0, w->cursor_byte[doc] = 0;
  const char *p = d->text + w->cursor_byte[doc];
  for (guint i = w->cursor_cp[doc]; i < cp && *p; i++)
    p = g_utf8_next_char (p);
  w->cursor_cp[doc] = cp;
  w->cursor_byte[doc] = p - d->text;
  return p;
}

/* Whether the mention's text, less Arabic clitics, is the name with key @key. */
static gboolean
mention_is (Work *w, const RwbSpan *s, const char *key)
{
  if (s->document >= w->g->documents->len || s->end <= s->start)
    return FALSE;
  RwbDocument *d = g_ptr_array_index (w->g->documents, s->document);
  if (d->text == NULL || s->end > d->length)
    return FALSE;
  const char *p = doc_pointer (w, s->document, s->start);
  const char *q = g_utf8_offset_to_pointer (p, s->end - s->start);
  g_autofree char *surface = g_strndup (p, q - p);
  g_autofree char *form = rwb_name_key (surface);
  const char *want = rwb_text_key_start (key);
  if (g_str_equal (rwb_text_key_start (form), want))
    return TRUE;
  /* "وشاومي": the mention keeps its clitics, the alias has none. */
  g_auto (GStrv) readings = rwb_text_arabic_clitic_splits (form, NULL);
  for (guint i = 0; readings && readings[i]; i++)
    if (g_str_equal (rwb_text_key_start (readings[i]), want))
      return TRUE;
  return FALSE;
}

static int
compare_spans (gconstpointer a, gconstpointer b)
{
  const RwbSpan *x = a, *y = b;
  if (x->document != y->document)
    return x->document < y->document ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* Whether @spans (sorted) has one starting inside [start, end) of @doc. */
static gboolean
spans_within (GArray *spans, guint doc, guint start, guint end)
{
  guint lo = 0, hi = spans->len;
  RwbSpan want = { doc, start, 0, 0 };
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (compare_spans (&g_array_index (spans, RwbSpan, mid), &want) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == spans->len)
    return FALSE;
  RwbSpan *s = &g_array_index (spans, RwbSpan, lo);
  return s->document == doc && s->start < end;
}

/* Alias @alias of entity @a becomes an entity of its own, with the mentions written that way
 * and the evidence of sentences that name only it. Returns FALSE if @a has no such alias. */
static gboolean
split_entity (Work *w, guint a, const char *alias)
{
  RwbEntity *ea = entity_at (w, a);
  g_autofree char *key = rwb_name_key (alias);
  g_autofree char *spelling = NULL;
  g_autofree char *name_key = rwb_name_key (ea->name);
  for (guint j = ea->aliases->len; j-- > 0;)
    {
      g_autofree char *k = rwb_name_key (g_ptr_array_index (ea->aliases, j));
      if (!g_str_equal (k, key))
        continue;
      g_free (spelling);
      spelling = g_strdup (g_ptr_array_index (ea->aliases, j));
      g_ptr_array_remove_index (ea->aliases, j);
    }
  if (g_str_equal (name_key, key))
    {
      /* The name itself goes: the entity is called by its first other alias. */
      if (ea->aliases->len == 0)
        return FALSE;
      g_free (spelling);
      spelling = g_strdup (ea->name);
      g_free (ea->name);
      ea->name = g_strdup (g_ptr_array_index (ea->aliases, 0));
    }
  if (spelling == NULL)
    return FALSE;

  guint n = add_entity (w, spelling, ea->type);
  ea = entity_at (w, a); /* the array may have moved */
  RwbEntity *en = entity_at (w, n);
  en->source = g_strdup ("split");
  rwb_entity_add_alias (en, spelling);
  claim_key (w, spelling, n, TRUE);

  g_autoptr (GArray) moved = g_array_new (FALSE, FALSE, sizeof (RwbSpan));
  g_autoptr (GArray) kept = g_array_new (FALSE, FALSE, sizeof (RwbSpan));
  g_autoptr (GArray) order = g_array_copy (ea->mentions);
  g_array_sort (order, compare_spans);
  for (guint j = 0; j < order->len; j++)
    {
      RwbSpan *s = &g_array_index (order, RwbSpan, j);
      if (s->kind == RWB_MENTION_NAME && mention_is (w, s, key))
        g_array_append_val (moved, *s);
      else if (s->kind == RWB_MENTION_NAME)
        g_array_append_val (kept, *s);
    }
  /* Keep the mentions in their original order. */
  g_autoptr (GArray) rest = g_array_new (FALSE, FALSE, sizeof (RwbSpan));
  for (guint j = 0; j < ea->mentions->len; j++)
    {
      RwbSpan *s = &g_array_index (ea->mentions, RwbSpan, j);
      if (s->kind == RWB_MENTION_NAME && spans_within (moved, s->document, s->start, s->start + 1))
        g_array_append_val (en->mentions, *s);
      else
        g_array_append_val (rest, *s);
    }
  g_array_set_size (ea->mentions, 0);
  g_array_append_vals (ea->mentions, rest->data, rest->len);

  /* Relations: a sentence that names the split alias and not the entity otherwise is
   * evidence of the new entity. */
  GArray *list = g_ptr_array_index (w->adj, a);
  guint n_list = list->len;
  for (guint j = 0; j < n_list && moved->len > 0; j++)
    {
      guint k = g_array_index ((GArray *) g_ptr_array_index (w->adj, a), guint, j);
      RwbRelation *r = relation_at (w, k);
      if (relation_dead (w, k) || (r->source != a && r->target != a) || r->evidence->len == 0)
        continue;
      g_autoptr (GArray) go = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint e = 0; e < r->evidence->len; e++)
        {
          RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, e);
          if (spans_within (moved, ev->document, ev->start, ev->end)
              && !spans_within (kept, ev->document, ev->start, ev->end))
            g_array_append_val (go, e);
        }
      if (go->len == 0)
        continue;
      if (go->len == r->evidence->len)
        {
          if (r->source == a)
            r->source = n;
          if (r->target == a)
            r->target = n;
          adj_add (w, n, k);
          continue;
        }
      guint source = r->source == a ? n : r->source, target = r->target == a ? n : r->target;
      guint k2 = add_relation (w, source, target, r->type, r->directed, r->confidence);
      r = relation_at (w, k); /* the array may have moved */
      RwbRelation *r2 = relation_at (w, k2);
      for (guint e = go->len; e-- > 0;)
        {
          guint idx = g_array_index (go, guint, e);
          RwbEvidence copy = g_array_index (r->evidence, RwbEvidence, idx);
          g_array_index (r->evidence, RwbEvidence, idx).text = NULL; /* moved */
          g_array_remove_index (r->evidence, idx);
          g_array_prepend_val (r2->evidence, copy);
        }
    }
  return TRUE;
}

static gint
find_document (Work *w, const char *key)
{
  if (w->doc_keys == NULL)
    w->doc_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint v = GPOINTER_TO_UINT (g_hash_table_lookup (w->doc_keys, key));
  if (v)
    return (gint) v - 1;
  /* Only documents of the same length are hashed. */
  guint64 length = g_ascii_strtoull (key, NULL, 10);
  for (guint i = 0; i < w->g->documents->len; i++)
    {
      RwbDocument *d = g_ptr_array_index (w->g->documents, i);
      if (d->length != length || d->text == NULL)
        continue;
      char *k = rwb_document_key (d);
      gboolean same = g_str_equal (k, key);
      g_hash_table_insert (w->doc_keys, k, GUINT_TO_POINTER (i + 1));
      if (same)
        return i;
    }
  return -1;
}

static void
add_relation_evidence (Work *w, guint k, const RwbCorrection *c)
{
  gint doc = find_document (w, c->document);
  if (doc < 0)
    return;
  RwbDocument *d = g_ptr_array_index (w->g->documents, doc);
  if (c->end > d->length || c->start >= c->end)
    return;
  RwbRelation *r = relation_at (w, k);
  for (guint j = 0; j < r->evidence->len; j++)
    {
      RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, j);
      if (ev->document == (guint) doc && ev->start == c->start && ev->end == c->end)
        return;
    }
  const char *p = g_utf8_offset_to_pointer (d->text, c->start);
  const char *q = g_utf8_offset_to_pointer (p, c->end - c->start);
  rwb_relation_add_evidence_span (r, doc, c->start, c->end, p - d->text, q - d->text,
                                  "correction", 1.0);
}

static gboolean
apply_one (Work *w, const RwbCorrection *c)
{
  gint a = lookup (w, c->a);
  if (a < 0)
    return FALSE;
  gint b = -1;
  if (rwb_correction_kind_needs_b (c->kind) && c->kind != RWB_CORRECTION_SPLIT && c->kind != RWB_CORRECTION_RENAME)
    {
      b = lookup (w, c->b);
      if (b < 0)
        return FALSE;
    }
  gint k = -1;
  switch (c->kind)
    {
    case RWB_CORRECTION_REJECT_RELATION:
    case RWB_CORRECTION_DIRECT_RELATION:
    case RWB_CORRECTION_RETYPE_RELATION:
    case RWB_CORRECTION_CONFIRM_RELATION:
      k = find_relation (w, a, b, c->relation_type, -1);
      /* Retyped already (by new rules, or applied to its own result): holds as it is. */
      if (k < 0 && c->kind == RWB_CORRECTION_RETYPE_RELATION)
        return find_relation (w, a, b, c->new_relation_type, -1) >= 0;
      if (k < 0)
        return FALSE;
      break;
    default:
      break;
    }

  switch (c->kind)
    {
    case RWB_CORRECTION_REJECT_ENTITY:
      kill_entity (w, a);
      return TRUE;
    case RWB_CORRECTION_REJECT_RELATION:
      g_array_index (w->dead_r, gboolean, k) = TRUE;
      return TRUE;
    case RWB_CORRECTION_MERGE:
      /* Already one entity (extraction joined them, as after a lexicon update): done. */
      if (a != b)
        merge_entities (w, a, b);
      return TRUE;
    case RWB_CORRECTION_SPLIT:
      return split_entity (w, a, c->b);
    case RWB_CORRECTION_RENAME:
      {
        RwbEntity *e = entity_at (w, a);
        g_autofree char *old = e->name;
        e->name = g_strdup (c->b);
        add_alias_unless_name (e, old);
        claim_key (w, c->b, a, TRUE);
        return TRUE;
      }
    case RWB_CORRECTION_RETYPE_ENTITY:
      entity_at (w, a)->type = c->entity_type;
      return TRUE;
    case RWB_CORRECTION_DIRECT_RELATION:
      relation_at (w, k)->source = a;
      relation_at (w, k)->target = b;
      return TRUE;
    case RWB_CORRECTION_RETYPE_RELATION:
      {
        if (c->new_relation_type == c->relation_type)
          return TRUE;
        gint same = find_relation (w, a, b, c->new_relation_type, k);
        if (same >= 0)
          absorb_relation (w, same, k);
        else
          {
            relation_at (w, k)->type = c->new_relation_type;
            relation_at (w, k)->directed = rwb_relation_type_is_directed (c->new_relation_type);
          }
        return TRUE;
      }
    case RWB_CORRECTION_ADD_RELATION:
      {
        if (a == b)
          return FALSE;
        k = find_relation (w, a, b, c->relation_type, -1);
        if (k < 0)
          k = add_relation (w, a, b, c->relation_type,
                            rwb_relation_type_is_directed (c->relation_type), 1.0);
        RwbRelation *r = relation_at (w, k);
        r->confidence = 1.0;
        r->confirmed = TRUE;
        if (c->document)
          add_relation_evidence (w, k, c);
        return TRUE;
      }
    case RWB_CORRECTION_CONFIRM_ENTITY:
      entity_at (w, a)->confirmed = TRUE;
      return TRUE;
    case RWB_CORRECTION_CONFIRM_RELATION:
      relation_at (w, k)->confirmed = TRUE;
      return TRUE;
    case RWB_CORRECTION_N_KINDS:
      break;
    }
  return FALSE;
}

/* Drops dead entities and relations, renumbering what stays; dead ones are freed with
 * @trash. */
static void
compact (Work *w, RwbGraph *trash)
{
  RwbGraph *g = w->g;
  gsize n_entities, n_relations;
  gpointer *entities = g_ptr_array_steal (g->entities, &n_entities);
  gpointer *relations = g_ptr_array_steal (g->relations, &n_relations);
  g_autofree guint *map = g_new0 (guint, n_entities + 1);
  for (gsize i = 0; i < n_entities; i++)
    {
      GPtrArray *to = entity_dead (w, i) ? trash->entities : g->entities;
      map[i] = to == g->entities ? g->entities->len : G_MAXUINT;
      g_ptr_array_add (to, entities[i]);
    }
  for (gsize k = 0; k < n_relations; k++)
    {
      RwbRelation *r = relations[k];
      gboolean dead = relation_dead (w, k) || map[r->source] == G_MAXUINT
                      || map[r->target] == G_MAXUINT;
      if (!dead)
        {
          r->source = map[r->source];
          r->target = map[r->target];
        }
      g_ptr_array_add (dead ? trash->relations : g->relations, r);
    }
  g_free (entities);
  g_free (relations);
}

/**
 * rwb_corrections_apply:
 * The graph with @corrections applied in order (see rwb-corrections.h).
 */
RwbGraph *
rwb_corrections_apply (RwbGraph *graph, const RwbCorrections *corrections, GArray **applied)
{
  g_return_val_if_fail (graph != NULL && corrections != NULL, NULL);
  Work w = { 0 };
  w.g = rwb_graph_copy (graph);
  guint n = w.g->entities->len;
  w.dead_e = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), n);
  g_array_set_size (w.dead_e, n);
  w.dead_r = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), w.g->relations->len);
  g_array_set_size (w.dead_r, w.g->relations->len);
  w.adj = g_ptr_array_new_full (n, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (w.adj, g_array_new (FALSE, FALSE, sizeof (guint)));
  w.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.cursor_cp = g_new0 (guint, w.g->documents->len + 1);
  w.cursor_byte = g_new0 (gsize, w.g->documents->len + 1);
  for (guint i = 0; i < n; i++)
    {
      claim_keys (&w, i, FALSE);
      /* New entities are numbered after the largest "eN" id. */
      const char *id = entity_at (&w, i)->id;
      if (id && id[0] == 'e')
        w.next_id = MAX (w.next_id, (guint) g_ascii_strtoull (id + 1, NULL, 10) + 1);
    }
  w.next_id = MAX (w.next_id, n + 1);
  for (guint k = 0; k < w.g->relations->len; k++)
    {
      RwbRelation *r = relation_at (&w, k);
      adj_add (&w, r->source, k);
      if (r->target != r->source)
        adj_add (&w, r->target, k);
    }

  if (applied)
    *applied = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), rwb_corrections_len (corrections));
  for (guint i = 0; i < rwb_corrections_len (corrections); i++)
    {
      const RwbCorrection *c = rwb_corrections_get (corrections, i);
      gboolean ok = rwb_correction_validate (c, NULL) && apply_one (&w, c);
      if (applied)
        g_array_append_val (*applied, ok);
    }

  g_autoptr (RwbGraph) trash = rwb_graph_new ();
  compact (&w, trash);
  g_array_unref (w.dead_e);
  g_array_unref (w.dead_r);
  g_ptr_array_unref (w.adj);
  g_hash_table_unref (w.keys);
  g_clear_pointer (&w.doc_keys, g_hash_table_unref);
  g_free (w.cursor_cp);
  g_free (w.cursor_byte);
  return w.g;
}
