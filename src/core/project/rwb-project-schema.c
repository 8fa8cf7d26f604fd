/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-project-schema.c — the tables of a project and the migrations between versions.
 *
 * docs/project-format.md describes every table. A migration runs in the transaction that
 * opens the project, so a project is either migrated whole or left as it was.
 */
#define G_LOG_DOMAIN "rawabit-project"

#include "rwb-project-private.h"

#include "rwb-config.h"

#include <glib/gi18n.h>

/* Version 2, the current schema. */
static const char schema[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"
  "  title TEXT,"
  "  source TEXT,"
  "  language TEXT NOT NULL,"
  "  date TEXT,"
  "  date_source TEXT,"
  "  added TEXT NOT NULL,"
  "  removed TEXT,"
  "  length INTEGER NOT NULL,"
  "  extractor TEXT,"
  "  text TEXT NOT NULL);"
  "CREATE TABLE entities ("
  "  article INTEGER NOT NULL REFERENCES articles (id),"
  "  idx INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  type TEXT NOT NULL,"
  "  aliases TEXT NOT NULL,"
  "  source TEXT,"
  "  PRIMARY KEY (article, idx)) WITHOUT ROWID;"
  "CREATE TABLE mentions ("
  "  article INTEGER NOT NULL,"
  "  entity INTEGER NOT NULL,"
  "  seq INTEGER NOT NULL,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  PRIMARY KEY (article, entity, seq)) WITHOUT ROWID;"
  "CREATE TABLE relations ("
  "  article INTEGER NOT NULL,"
  "  idx INTEGER NOT NULL,"
  "  source INTEGER NOT NULL,"
  "  target INTEGER NOT NULL,"
  "  type TEXT NOT NULL,"
  "  directed INTEGER NOT NULL,"
  "  confidence REAL NOT NULL,"
  "  PRIMARY KEY (article, idx)) WITHOUT ROWID;"
  "CREATE TABLE rules (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);"
  "CREATE TABLE evidence ("
  "  article INTEGER NOT NULL,"
  "  relation INTEGER NOT NULL,"
  "  seq INTEGER NOT NULL,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  byte_start INTEGER NOT NULL,"
  "  byte_end INTEGER NOT NULL,"
  "  rule INTEGER REFERENCES rules (id),"
  "  PRIMARY KEY (article, relation, seq)) WITHOUT ROWID;"
  "CREATE TABLE corrections ("
  "  id INTEGER PRIMARY KEY,"
  "  op TEXT NOT NULL,"
  "  active INTEGER NOT NULL DEFAULT 1,"
  "  created TEXT NOT NULL);"
  "CREATE TABLE positions ("
  "  key TEXT PRIMARY KEY,"
  "  x REAL NOT NULL,"
  "  y REAL NOT NULL,"
  "  pinned INTEGER NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE view (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE history ("
  "  seq INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  label TEXT NOT NULL,"
  "  data TEXT NOT NULL,"
  "  created TEXT NOT NULL);";

/* Version 2 added the full-text index of sentences and where an article's date came from. */
static const char search_table[] =
  "CREATE VIRTUAL TABLE search USING fts5 ("
  "  text, start UNINDEXED, end UNINDEXED,"
  "  tokenize = 'unicode61 remove_diacritics 0');";

static gboolean
set_versions (RwbProject *project, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                          RWB_PROJECT_APPLICATION_ID, RWB_PROJECT_VERSION);
  return rwb_project_exec (project, sql, error);
}

/**
 * rwb_project_schema_create:
 * The current schema, in the caller's transaction.
 */
gboolean
rwb_project_schema_create (RwbProject *project, GError **error)
{
  g_autofree char *now = rwb_project_now ();
  if (!rwb_project_exec (project, schema, error) || !rwb_project_exec (project, search_table, error)
      || !set_versions (project, error))
    return FALSE;
  sqlite3_stmt *st = rwb_project_statement (
    project, "INSERT INTO meta (key, value) VALUES ('format', 'rawabit-project'),"
             " ('created', ?1), ('created_by', 'Rawabit " RWB_VERSION "'),"
             " ('history_position', '0')", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, now, -1, SQLITE_TRANSIENT);
  return rwb_project_step_done (project, st, _("create the project"), error);
}

/* 1 → 2: the search index (filled from the articles' text) and articles.date_source. */
static gboolean
migrate_1_to_2 (RwbProject *project, GError **error)
{
  if (!rwb_project_exec (project, "ALTER TABLE articles ADD COLUMN date_source TEXT;", error)
      || !rwb_project_exec (project, search_table, error))
    return FALSE;
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT id, text FROM articles", error);
  if (st == NULL)
    return FALSE;
  /* Index from a copy of each row: the statement is reused by the indexer's own queries. */
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (st, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (st, 1)));
    }
  if (rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the articles"), error);
  for (guint i = 0; i < ids->len; i++)
    if (g_ptr_array_index (texts, i)
        && !rwb_project_index_article (project, g_array_index (ids, gint64, i),
                                       g_ptr_array_index (texts, i), error))
      return FALSE;
  return TRUE;
}

/**
 * rwb_project_schema_migrate:
 * Migrates from @from_version to RWB_PROJECT_VERSION, in the caller's transaction.
 */
gboolean
rwb_project_schema_migrate (RwbProject *project, int from_version, GError **error)
{
  static gboolean (*const steps[]) (RwbProject *, GError **) = {
    NULL,            /* 0: not a project */
    migrate_1_to_2,  /* 1 → 2 */
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (steps) == RWB_PROJECT_VERSION);
  if (from_version < 1 || from_version > RWB_PROJECT_VERSION)
    {
      g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_NOT_PROJECT,
                   _("%s: unknown project version %d"), project->path, from_version);
      return FALSE;
    }
  for (int v = from_version; v < RWB_PROJECT_VERSION; v++)
    {
      g_debug ("migrating %s from version %d to %d", project->path, v, v + 1);
      if (!steps[v] (project, error))
        return FALSE;
    }
  return set_versions (project, error);
}
