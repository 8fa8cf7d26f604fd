/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-project-store.c — what extraction found in an article, stored in rows
 * (entities, mentions, relations, evidence) and read back into one joined graph. */
#define G_LOG_DOMAIN "rawabit-project"

#include "rwb-project-private.h"

#include "rwb-graph-builder.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* ---- articles: storing what extraction found ----------------------------------------- */

static gint64
rule_id (RwbProject *project, const char *rule, GError **error)
{
  if (rule == NULL)
    return 0;
  gpointer cached = g_hash_table_lookup (project->rules, rule);
  if (cached)
    return GPOINTER_TO_SIZE (cached);
  sqlite3_stmt *st = rwb_project_statement (
    project, "INSERT INTO rules (text) VALUES (?1) ON CONFLICT (text) DO NOTHING", error);
  if (st == NULL)
    return -1;
  sqlite3_bind_text (st, 1, rule, -1, SQLITE_STATIC);
  if (!rwb_project_step_done (project, st, _("save the article"), error))
    return -1;
  st = rwb_project_statement (project, "SELECT id FROM rules WHERE text = ?1", error);
  if (st == NULL)
    return -1;
  sqlite3_bind_text (st, 1, rule, -1, SQLITE_STATIC);
  int rc = sqlite3_step (st);
  gint64 id = rc == SQLITE_ROW ? sqlite3_column_int64 (st, 0) : -1;
  sqlite3_reset (st);
  if (id < 0)
    {
      rwb_project_sql_error (project, rc, _("save the article"), error);
      return -1;
    }
  g_hash_table_insert (project->rules, g_strdup (rule), GSIZE_TO_POINTER ((gsize) id));
  return id;
}

/* Aliases are stored one per line. */
static char *
join_aliases (const RwbEntity *e)
{
  GString *out = g_string_new (NULL);
  for (guint j = 0; j < e->aliases->len; j++)
    {
      if (j > 0)
        g_string_append_c (out, '\n');
      for (const char *p = g_ptr_array_index (e->aliases, j); *p; p++)
        g_string_append_c (out, *p == '\n' || *p == '\r' ? ' ' : *p);
    }
  return g_string_free (out, FALSE);
}

gboolean
rwb_project_delete_rows (RwbProject *project, gint64 id, GError **error)
{
  static const char *const deletes[] = {
    "DELETE FROM entities WHERE article = ?1",
    "DELETE FROM mentions WHERE article = ?1",
    "DELETE FROM relations WHERE article = ?1",
    "DELETE FROM evidence WHERE article = ?1",
  };
  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      sqlite3_stmt *st = rwb_project_statement (project, deletes[i], error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, id);
      if (!rwb_project_step_done (project, st, _("save the article"), error))
        return FALSE;
    }
  return TRUE;
}

/* Stores the entities, mentions, relations and evidence of @graph (one document). */
gboolean
rwb_project_store_rows (RwbProject *project, gint64 id, RwbGraph *graph, GError **error)
{
  const char *doing = _("save the article");
  RwbDocument *doc = g_ptr_array_index (graph->documents, 0);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      sqlite3_stmt *st = rwb_project_statement (
        project, "INSERT INTO entities (article, idx, name, type, aliases, source)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (st == NULL)
        return FALSE;
      g_autofree char *aliases = join_aliases (e);
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_int (st, 2, i);
      sqlite3_bind_text (st, 3, e->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 4, rwb_entity_type_to_string (e->type), -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 5, aliases, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 6, e->source, -1, SQLITE_STATIC);
      if (!rwb_project_step_done (project, st, doing, error))
        return FALSE;
      for (guint j = 0; j < e->mentions->len; j++)
        {
          RwbSpan *s = &g_array_index (e->mentions, RwbSpan, j);
          st = rwb_project_statement (project,
                                      "INSERT INTO mentions (article, entity, seq, start, end,"
                                      " kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
          if (st == NULL)
            return FALSE;
          sqlite3_bind_int64 (st, 1, id);
          sqlite3_bind_int (st, 2, i);
          sqlite3_bind_int (st, 3, j);
          sqlite3_bind_int64 (st, 4, s->start);
          sqlite3_bind_int64 (st, 5, s->end);
          sqlite3_bind_text (st, 6, rwb_mention_kind_to_string (s->kind), -1, SQLITE_STATIC);
          if (!rwb_project_step_done (project, st, doing, error))
            return FALSE;
        }
    }
  for (guint k = 0; k < graph->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, k);
      sqlite3_stmt *st = rwb_project_statement (
        project, "INSERT INTO relations (article, idx, source, target, type, directed,"
                 " confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_int (st, 2, k);
      sqlite3_bind_int (st, 3, r->source);
      sqlite3_bind_int (st, 4, r->target);
      sqlite3_bind_text (st, 5, rwb_relation_type_to_string (r->type), -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 6, r->directed);
      sqlite3_bind_double (st, 7, r->confidence);
      if (!rwb_project_step_done (project, st, doing, error))
        return FALSE;
      for (guint j = 0; j < r->evidence->len; j++)
        {
          RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, j);
          gsize bstart = ev->byte_start, bend = ev->byte_end;
          if (bend <= bstart && doc->text && ev->end <= doc->length && ev->start < ev->end)
            {
              /* Evidence that carried its own copy of the sentence: point into the text. */
              const char *p = g_utf8_offset_to_pointer (doc->text, ev->start);
              bstart = p - doc->text;
              bend = g_utf8_offset_to_pointer (p, ev->end - ev->start) - doc->text;
            }
          gint64 rule = rule_id (project, ev->rule, error);
          if (rule < 0)
            return FALSE;
          st = rwb_project_statement (project,
                                      "INSERT INTO evidence (article, relation, seq, start, end,"
                                      " byte_start, byte_end, rule)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
          if (st == NULL)
            return FALSE;
          sqlite3_bind_int64 (st, 1, id);
          sqlite3_bind_int (st, 2, k);
          sqlite3_bind_int (st, 3, j);
          sqlite3_bind_int64 (st, 4, ev->start);
          sqlite3_bind_int64 (st, 5, ev->end);
          sqlite3_bind_int64 (st, 6, bstart);
          sqlite3_bind_int64 (st, 7, bend);
          if (rule > 0)
            sqlite3_bind_int64 (st, 8, rule);
          if (!rwb_project_step_done (project, st, doing, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ---- loading the graph --------------------------------------------------------------- */

/* One cursor per table, all ordered by article: the rows of each article are read in one
 * pass, like a merge join. */
typedef struct {
  sqlite3_stmt *st;
  int rc;
} Cursor;

static void
cursor_next (Cursor *c)
{
  c->rc = sqlite3_step (c->st);
}

/* Skips rows of articles before @article; TRUE while the cursor is on one of @article's. */
static gboolean
cursor_at (Cursor *c, gint64 article)
{
  while (c->rc == SQLITE_ROW && sqlite3_column_int64 (c->st, 0) < article)
    cursor_next (c);
  return c->rc == SQLITE_ROW && sqlite3_column_int64 (c->st, 0) == article;
}

static gboolean
valid_span (gint64 start, gint64 end, guint length)
{
  return start >= 0 && end > start && end <= length;
}

static gboolean
load_rules (RwbProject *project, GPtrArray *rules, GError **error)
{
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT id, text FROM rules", error);
  if (st == NULL)
    return FALSE;
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (st, 0);
      const char *text = (const char *) sqlite3_column_text (st, 1);
      if (id <= 0 || id > 10000000 || text == NULL)
        continue;
      if ((guint) id >= rules->len)
        g_ptr_array_set_size (rules, id + 1);
      g_ptr_array_index (rules, id) = (gpointer) g_intern_string (text);
    }
  sqlite3_reset (st);
  if (rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the project"), error);
  return TRUE;
}

/* The part graph of one article (the current row of @articles) from the cursors' rows. Rows
 * that do not fit the article (offsets outside its text, indices of no entity, unknown types)
 * are dropped: the file is not trusted. */
static RwbGraph *
read_article (sqlite3_stmt *articles, Cursor *ents, Cursor *ments, Cursor *rels, Cursor *evs,
              GPtrArray *rules)
{
  gint64 id = sqlite3_column_int64 (articles, 0);
  const char *text = (const char *) sqlite3_column_text (articles, 6);
  gsize text_bytes = (gsize) sqlite3_column_bytes (articles, 6);
  RwbGraph *g = rwb_graph_new ();
  guint d = rwb_graph_add_document (g, (const char *) sqlite3_column_text (articles, 2),
                                    (const char *) sqlite3_column_text (articles, 3), text);
  RwbDocument *doc = g_ptr_array_index (g->documents, d);
  g_free (doc->id);
  doc->id = g_strdup_printf ("a%" G_GINT64_FORMAT, id);
  doc->title = rwb_project_column_strdup (articles, 1);
  doc->date = rwb_project_column_strdup (articles, 4);
  guint length = doc->length;

  /* Stored entity index → index in @g (rows may be missing or out of order). */
  g_autoptr (GHashTable) ent_map = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (; cursor_at (ents, id); cursor_next (ents))
    {
      sqlite3_stmt *st = ents->st;
      const char *name = (const char *) sqlite3_column_text (st, 2);
      RwbEntityType type;
      if (name == NULL || *name == '\0'
          || !rwb_entity_type_from_string ((const char *) sqlite3_column_text (st, 3), &type))
        continue;
      gint64 idx = sqlite3_column_int64 (st, 1);
      guint e = rwb_graph_add_entity (g, name, type);
      RwbEntity *entity = g_ptr_array_index (g->entities, e);
      const char *aliases = (const char *) sqlite3_column_text (st, 4);
      for (const char *p = aliases; p && *p;)
        {
          const char *nl = strchr (p, '\n');
          gsize len = nl ? (gsize) (nl - p) : strlen (p);
          if (len > 0)
            g_ptr_array_add (entity->aliases, g_strndup (p, len));
          p = nl ? nl + 1 : p + len;
        }
      entity->source = rwb_project_column_strdup (st, 5);
      if (idx >= 0 && idx <= G_MAXINT)
        g_hash_table_insert (ent_map, GINT_TO_POINTER ((gint) idx), GUINT_TO_POINTER (e + 1));
    }
  for (; cursor_at (ments, id); cursor_next (ments))
    {
      sqlite3_stmt *st = ments->st;
      gint64 idx = sqlite3_column_int64 (st, 1);
      guint e = idx >= 0 && idx <= G_MAXINT
                  ? GPOINTER_TO_UINT (g_hash_table_lookup (ent_map, GINT_TO_POINTER ((gint) idx)))
                  : 0;
      gint64 start = sqlite3_column_int64 (st, 2), end = sqlite3_column_int64 (st, 3);
      RwbMentionKind kind;
      if (e == 0 || !valid_span (start, end, length)
          || !rwb_mention_kind_from_string ((const char *) sqlite3_column_text (st, 4), &kind))
        continue;
      RwbSpan span = { d, (guint) start, (guint) end, kind };
      g_array_append_val (((RwbEntity *) g_ptr_array_index (g->entities, e - 1))->mentions,
                          span);
    }
  g_autoptr (GHashTable) rel_map = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (; cursor_at (rels, id); cursor_next (rels))
    {
      sqlite3_stmt *st = rels->st;
      gint64 idx = sqlite3_column_int64 (st, 1), s = sqlite3_column_int64 (st, 2);
      gint64 t = sqlite3_column_int64 (st, 3);
      guint se = s >= 0 && s <= G_MAXINT
                   ? GPOINTER_TO_UINT (g_hash_table_lookup (ent_map, GINT_TO_POINTER ((gint) s)))
                   : 0;
      guint te = t >= 0 && t <= G_MAXINT
                   ? GPOINTER_TO_UINT (g_hash_table_lookup (ent_map, GINT_TO_POINTER ((gint) t)))
                   : 0;
      RwbRelationType type;
      double confidence = sqlite3_column_double (st, 6);
      if (se == 0 || te == 0 || idx < 0 || idx > G_MAXINT || !isfinite (confidence)
          || !rwb_relation_type_from_string ((const char *) sqlite3_column_text (st, 4), &type))
        continue;
      guint k = rwb_graph_add_relation (g, se - 1, te - 1, type, sqlite3_column_int (st, 5) != 0,
                                        CLAMP (confidence, 0.0, 1.0));
      g_hash_table_insert (rel_map, GINT_TO_POINTER ((gint) idx), GUINT_TO_POINTER (k + 1));
    }
  for (; cursor_at (evs, id); cursor_next (evs))
    {
      sqlite3_stmt *st = evs->st;
      gint64 idx = sqlite3_column_int64 (st, 1);
      guint k = idx >= 0 && idx <= G_MAXINT
                  ? GPOINTER_TO_UINT (g_hash_table_lookup (rel_map, GINT_TO_POINTER ((gint) idx)))
                  : 0;
      gint64 start = sqlite3_column_int64 (st, 2), end = sqlite3_column_int64 (st, 3);
      gint64 bstart = sqlite3_column_int64 (st, 4), bend = sqlite3_column_int64 (st, 5);
      gint64 rule = sqlite3_column_int64 (st, 6);
      if (k == 0 || !valid_span (start, end, length) || bstart < 0 || bend <= bstart
          || (guint64) bend > text_bytes)
        continue;
      RwbRelation *r = g_ptr_array_index (g->relations, k - 1);
      RwbEvidence ev = { d, (guint) start, (guint) end, NULL,
                         rule > 0 && rule < rules->len ? g_ptr_array_index (rules, rule) : NULL,
                         (gsize) bstart, (gsize) bend };
      g_array_append_val (r->evidence, ev);
    }
  return g;
}

/**
 * rwb_project_load_graph:
 * The joined graph of the stored extraction results.
 */
RwbGraph *
rwb_project_load_graph (RwbProject *project, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), NULL);
  g_autoptr (GPtrArray) rules = g_ptr_array_new ();
  g_ptr_array_add (rules, NULL);
  if (!load_rules (project, rules, error))
    return NULL;
  static const char *const queries[] = {
    "SELECT article, idx, name, type, aliases, source FROM entities ORDER BY article, idx",
    "SELECT article, entity, start, end, kind FROM mentions ORDER BY article, entity, seq",
    "SELECT article, idx, source, target, type, directed, confidence FROM relations"
    " ORDER BY article, idx",
    "SELECT article, relation, start, end, byte_start, byte_end, rule FROM evidence"
    " ORDER BY article, relation, seq",
  };
  Cursor cursors[G_N_ELEMENTS (queries)];
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      cursors[i].st = rwb_project_statement (project, queries[i], error);
      if (cursors[i].st == NULL)
        return NULL;
    }
  sqlite3_stmt *articles = rwb_project_statement (
    project, "SELECT id, title, source, language, date, length, text FROM articles"
             " WHERE removed IS NULL ORDER BY id", error);
  if (articles == NULL)
    return NULL;
  /* One read transaction, so every table is read as of the same commit. */
  if (!rwb_project_exec (project, "BEGIN", error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (cursors); i++)
    cursor_next (&cursors[i]);
  g_autoptr (RwbGraphBuilder) builder = rwb_graph_builder_new ();
  int rc;
  while ((rc = sqlite3_step (articles)) == SQLITE_ROW)
    {
      if (sqlite3_column_text (articles, 6) == NULL)
        continue;
      g_autoptr (RwbGraph) part = read_article (articles, &cursors[0], &cursors[1], &cursors[2],
                                                &cursors[3], rules);
      rwb_graph_builder_add (builder, part);
    }
  int failed = rc != SQLITE_DONE ? rc : SQLITE_OK;
  for (guint i = 0; i < G_N_ELEMENTS (cursors); i++)
    {
      if (failed == SQLITE_OK && cursors[i].rc != SQLITE_DONE && cursors[i].rc != SQLITE_ROW)
        failed = cursors[i].rc;
      sqlite3_reset (cursors[i].st);
    }
  sqlite3_reset (articles);
  sqlite3_exec (project->db, "COMMIT", NULL, NULL, NULL);
  if (failed != SQLITE_OK)
    return rwb_project_sql_error (project, failed, _("read the articles"), error), NULL;
  return rwb_graph_ref (rwb_graph_builder_get_graph (builder));
}
