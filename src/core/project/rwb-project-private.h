/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-project-private.h — what the files of the project module share: the instance, SQLite
 * helpers, the stored rows of an article, the schema, the history and the search index. */
#pragma once

#include "rwb-project.h"

#include <sqlite3.h>

G_BEGIN_DECLS

struct _RwbProject {
  GObject parent_instance;
  char *path;
  sqlite3 *db;
  gboolean read_only;
  int lock_fd;              /* flock'ed NAME.rawabit-lock, or -1 */
  char *lock_path;
  GHashTable *statements;   /* SQL text (static) → prepared sqlite3_stmt */
  GHashTable *rules;        /* evidence rule text → rules.id */
  gint64 position;          /* history: seq of the last command done (0: none) */
  char *undo_label;         /* untranslated; NULL when there is nothing to undo */
  char *redo_label;
};

/* Sets @error from SQLite's result @rc while @doing ("save the article"): the disk is full,
 * the file is damaged, locked, read-only, or SQLite's own message. Returns FALSE. */
gboolean      rwb_project_sql_error     (RwbProject *project, int rc, const char *doing,
                                         GError **error);
/* A cached statement for @sql (a string literal), reset and with its bindings cleared. */
sqlite3_stmt *rwb_project_statement     (RwbProject *project, const char *sql, GError **error);
gboolean      rwb_project_exec          (RwbProject *project, const char *sql, GError **error);
/* Steps @stmt to the end (a write); FALSE with @error on failure. */
gboolean      rwb_project_step_done     (RwbProject *project, sqlite3_stmt *stmt,
                                         const char *doing, GError **error);
/* BEGIN IMMEDIATE, after checking the project is open for writing. */
gboolean      rwb_project_begin         (RwbProject *project, GError **error);
gboolean      rwb_project_commit        (RwbProject *project, GError **error);
void          rwb_project_rollback      (RwbProject *project);
/* Now, ISO 8601 UTC, for "added" and "created" columns. */
char         *rwb_project_now           (void);
/* A copy of a text column, or NULL. */
char         *rwb_project_column_strdup (sqlite3_stmt *st, int column);

/* Stored rows (rwb-project-store.c), inside the caller's transaction: drops what extraction
 * found in article @id; stores the entities, mentions, relations and evidence of @graph (one
 * document) as article @id's. */
gboolean      rwb_project_delete_rows   (RwbProject *project, gint64 id, GError **error);
gboolean      rwb_project_store_rows    (RwbProject *project, gint64 id, RwbGraph *graph,
                                         GError **error);

/* Schema (rwb-project-schema.c): creates the current schema in an empty database, or
 * migrates an older one to RWB_PROJECT_VERSION, each in the caller's transaction. */
gboolean      rwb_project_schema_create  (RwbProject *project, GError **error);
gboolean      rwb_project_schema_migrate (RwbProject *project, int from_version, GError **error);

/* History (rwb-project-history.c). Appends a command inside the caller's transaction (after
 * it has made the change): drops the redo stack, stores the entry, moves the position. */
gboolean      rwb_project_record        (RwbProject *project, const char *kind,
                                         const char *label, const char *data, GError **error);
/* Reads the position and labels after opening or a commit. */
gboolean      rwb_project_history_load  (RwbProject *project, GError **error);
/* After a committed change: updates the undo/redo labels, notifies, emits "changed". */
void          rwb_project_changed       (RwbProject *project, RwbProjectChanges changes);
/* Sets articles' removed mark ("now" or NULL), inside a transaction. */
gboolean      rwb_project_mark_removed  (RwbProject *project, const gint64 *ids, guint n,
                                         gboolean removed, GError **error);
/* Writes positions (key → RwbPosition*, NULL value deletes), inside a transaction. */
gboolean      rwb_project_write_positions (RwbProject *project, GHashTable *positions,
                                           GError **error);

/* Search index (rwb-project-search.c): the sentences of one article, replacing any. */
gboolean      rwb_project_index_article (RwbProject *project, gint64 id, const char *text,
                                         GError **error);
gboolean      rwb_project_unindex_article (RwbProject *project, gint64 id, GError **error);

G_END_DECLS
