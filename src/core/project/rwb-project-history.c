/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-project-history.c — the undo history: a log of commands with a position.
 *
 * Every command is a row of `history` (seq, kind, label, data); `meta.history_position` is
 * the seq of the last one done. Undo applies the command's "before" side and moves the
 * position back, redo its "after" side and moves it on; a new command first drops the rows
 * after the position (the redo stack), as every editor's undo does. Each of these is one
 * transaction with the change it stands for, so the history and the state never disagree.
 */
#define G_LOG_DOMAIN "rawabit-project"

#include "rwb-json.h"
#include "rwb-project-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

static gboolean
set_position (RwbProject *project, gint64 seq, GError **error)
{
  sqlite3_stmt *st = rwb_project_statement (
    project, "INSERT INTO meta (key, value) VALUES ('history_position', ?1) ON CONFLICT (key)"
             " DO UPDATE SET value = ?1", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, seq);
  return rwb_project_step_done (project, st, _("save the history"), error);
}

gboolean
rwb_project_record (RwbProject *project, const char *kind, const char *label, const char *data,
                    GError **error)
{
  sqlite3_stmt *st = rwb_project_statement (project, "DELETE FROM history WHERE seq > ?1",
                                            error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, project->position);
  if (!rwb_project_step_done (project, st, _("save the history"), error))
    return FALSE;
  g_autofree char *now = rwb_project_now ();
  st = rwb_project_statement (project, "INSERT INTO history (seq, kind, label, data, created)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, project->position + 1);
  sqlite3_bind_text (st, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, label, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, data, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 5, now, -1, SQLITE_STATIC);
  if (!rwb_project_step_done (project, st, _("save the history"), error))
    return FALSE;
  return set_position (project, project->position + 1, error);
}

static char *
label_at (RwbProject *project, gint64 seq)
{
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT label FROM history WHERE seq = ?1",
                                            NULL);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, seq);
  char *label = sqlite3_step (st) == SQLITE_ROW
                  ? g_strdup ((const char *) sqlite3_column_text (st, 0)) : NULL;
  sqlite3_reset (st);
  return label;
}

gboolean
rwb_project_history_load (RwbProject *project, GError **error)
{
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT value FROM meta"
                                                     " WHERE key = 'history_position'", error);
  if (st == NULL)
    return FALSE;
  int rc = sqlite3_step (st);
  gint64 position = rc == SQLITE_ROW ? sqlite3_column_int64 (st, 0) : 0;
  sqlite3_reset (st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the history"), error);
  project->position = MAX (position, 0);
  g_free (project->undo_label);
  g_free (project->redo_label);
  project->undo_label = project->position > 0 ? label_at (project, project->position) : NULL;
  project->redo_label = label_at (project, project->position + 1);
  /* A position past the log (a damaged file) undoes nothing. */
  if (project->undo_label == NULL)
    project->position = 0;
  return TRUE;
}

/**
 * rwb_project_can_undo:
 * Whether there is a command to undo.
 */
gboolean
rwb_project_can_undo (RwbProject *project)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), FALSE);
  return project->undo_label != NULL;
}

/**
 * rwb_project_can_redo:
 * Whether there is an undone command to redo.
 */
gboolean
rwb_project_can_redo (RwbProject *project)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), FALSE);
  return project->redo_label != NULL;
}

/**
 * rwb_project_get_undo_label:
 * The translated name of the command undo would undo, or NULL.
 */
const char *
rwb_project_get_undo_label (RwbProject *project)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), NULL);
  return project->undo_label ? _(project->undo_label) : NULL;
}

/**
 * rwb_project_get_redo_label:
 * The translated name of the command redo would redo, or NULL.
 */
const char *
rwb_project_get_redo_label (RwbProject *project)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), NULL);
  return project->redo_label ? _(project->redo_label) : NULL;
}

/**
 * rwb_history_entry_free:
 * Frees @entry.
 */
void
rwb_history_entry_free (RwbHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->kind);
  g_free (entry->label);
  g_free (entry->data);
  g_free (entry->created);
  g_free (entry);
}

static RwbProjectChanges
changes_of (const char *kind)
{
  if (g_str_equal (kind, "correct") || g_str_equal (kind, "withdraw"))
    return RWB_PROJECT_CHANGED_CORRECTIONS;
  if (g_str_equal (kind, "move"))
    return RWB_PROJECT_CHANGED_POSITIONS;
  if (g_str_equal (kind, "layout"))
    return RWB_PROJECT_CHANGED_POSITIONS | RWB_PROJECT_CHANGED_VIEW;
  if (g_str_equal (kind, "add-articles") || g_str_equal (kind, "remove-articles")
      || g_str_equal (kind, "set-date"))
    return RWB_PROJECT_CHANGED_ARTICLES;
  return RWB_PROJECT_CHANGED_CUSTOM;
}

static RwbHistoryEntry *
entry_from_row (sqlite3_stmt *st, gint64 position)
{
  RwbHistoryEntry *e = g_new0 (RwbHistoryEntry, 1);
  e->seq = sqlite3_column_int64 (st, 0);
  e->kind = g_strdup ((const char *) sqlite3_column_text (st, 1));
  e->label = g_strdup ((const char *) sqlite3_column_text (st, 2));
  e->data = g_strdup ((const char *) sqlite3_column_text (st, 3));
  e->created = g_strdup ((const char *) sqlite3_column_text (st, 4));
  e->kind = e->kind ? e->kind : g_strdup ("");
  e->done = e->seq <= position;
  e->changes = changes_of (e->kind);
  return e;
}

/**
 * rwb_project_list_history:
 * Every command, oldest first.
 */
GPtrArray *
rwb_project_list_history (RwbProject *project, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), NULL);
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT seq, kind, label, data, created"
                                                     " FROM history ORDER BY seq", error);
  if (st == NULL)
    return NULL;
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rwb_history_entry_free);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_ptr_array_add (out, entry_from_row (st, project->position));
  sqlite3_reset (st);
  if (rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the history"), error), NULL;
  return g_steal_pointer (&out);
}

static gboolean
bad_entry (RwbProject *project, gint64 seq, GError **error)
{
  g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_CORRUPT,
               _("%s: history entry %lld cannot be read"), project->path, (long long) seq);
  return FALSE;
}

static gboolean
set_correction_active (RwbProject *project, gint64 id, gboolean active, GError **error)
{
  sqlite3_stmt *st = rwb_project_statement (project, "UPDATE corrections SET active = ?2"
                                                     " WHERE id = ?1", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  sqlite3_bind_int (st, 2, active);
  return rwb_project_step_done (project, st, _("save the correction"), error);
}

/* The positions of one side of a move or layout entry: key → RwbPosition* or NULL. */
static GHashTable *
read_positions (JsonObject *side)
{
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GList) members = json_object_get_members (side);
  for (GList *l = members; l; l = l->next)
    {
      JsonNode *n = json_object_get_member (side, l->data);
      RwbPosition *p = NULL;
      if (JSON_NODE_HOLDS_ARRAY (n))
        {
          JsonArray *a = json_node_get_array (n);
          if (json_array_get_length (a) != 3)
            goto bad;
          double x = json_array_get_double_element (a, 0);
          double y = json_array_get_double_element (a, 1);
          if (!isfinite (x) || !isfinite (y))
            goto bad;
          p = g_new (RwbPosition, 1);
          *p = (RwbPosition) { x, y, json_array_get_boolean_element (a, 2) };
        }
      else if (!JSON_NODE_HOLDS_NULL (n))
        goto bad;
      g_hash_table_insert (out, g_strdup (l->data), p);
    }
  return out;
bad:
  g_hash_table_unref (out);
  return NULL;
}

static gboolean
set_engine (RwbProject *project, JsonNode *engine, GError **error)
{
  const char *value = engine && JSON_NODE_HOLDS_VALUE (engine) ? json_node_get_string (engine)
                                                                : NULL;
  sqlite3_stmt *st = rwb_project_statement (
    project, value && *value ? "INSERT INTO view (key, value) VALUES ('engine', ?1)"
                               " ON CONFLICT (key) DO UPDATE SET value = ?1"
                             : "DELETE FROM view WHERE key = 'engine'", error);
  if (st == NULL)
    return FALSE;
  if (value && *value)
    sqlite3_bind_text (st, 1, value, -1, SQLITE_STATIC);
  return rwb_project_step_done (project, st, _("save the view"), error);
}

static gboolean
read_ids (JsonObject *o, GArray *ids)
{
  JsonNode *n = json_object_get_member (o, "articles");
  if (n == NULL || !JSON_NODE_HOLDS_ARRAY (n))
    return FALSE;
  JsonArray *a = json_node_get_array (n);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      gint64 id = json_array_get_int_element (a, i);
      if (id <= 0)
        return FALSE;
      g_array_append_val (ids, id);
    }
  return TRUE;
}

/* Applies @entry's "after" side (@forward) or its "before" side, inside a transaction. */
static gboolean
apply_entry (RwbProject *project, const RwbHistoryEntry *entry, gboolean forward, GError **error)
{
  if (g_str_has_prefix (entry->kind, "x-"))
    return TRUE;
  g_autoptr (JsonParser) parser = json_parser_new ();
  if (entry->data == NULL
      || !rwb_json_depth_within (entry->data, strlen (entry->data), RWB_JSON_MAX_DEPTH, NULL)
      || !json_parser_load_from_data (parser, entry->data, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return bad_entry (project, entry->seq, error);
  JsonObject *o = json_node_get_object (json_parser_get_root (parser));
  const char *kind = entry->kind;

  if (g_str_equal (kind, "correct") || g_str_equal (kind, "withdraw"))
    {
      gint64 id = json_object_get_int_member_with_default (o, "correction", 0);
      if (id <= 0)
        return bad_entry (project, entry->seq, error);
      gboolean active = g_str_equal (kind, "correct") ? forward : !forward;
      return set_correction_active (project, id, active, error);
    }
  if (g_str_equal (kind, "move") || g_str_equal (kind, "layout"))
    {
      JsonNode *side = json_object_get_member (o, forward ? "after" : "before");
      if (side == NULL || !JSON_NODE_HOLDS_OBJECT (side))
        return bad_entry (project, entry->seq, error);
      g_autoptr (GHashTable) positions = read_positions (json_node_get_object (side));
      if (positions == NULL)
        return bad_entry (project, entry->seq, error);
      if (!rwb_project_write_positions (project, positions, error))
        return FALSE;
      JsonNode *engine = json_object_get_member (o, "engine");
      if (engine && JSON_NODE_HOLDS_ARRAY (engine)
          && json_array_get_length (json_node_get_array (engine)) == 2)
        return set_engine (project,
                           json_array_get_element (json_node_get_array (engine), forward ? 1 : 0),
                           error);
      return TRUE;
    }
  if (g_str_equal (kind, "add-articles") || g_str_equal (kind, "remove-articles"))
    {
      g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (!read_ids (o, ids))
        return bad_entry (project, entry->seq, error);
      gboolean removed = g_str_equal (kind, "add-articles") ? !forward : forward;
      return rwb_project_mark_removed (project, (gint64 *) ids->data, ids->len, removed, error);
    }
  if (g_str_equal (kind, "set-date"))
    {
      gint64 id = json_object_get_int_member_with_default (o, "article", 0);
      JsonNode *side = json_object_get_member (o, forward ? "after" : "before");
      if (id <= 0 || side == NULL || !JSON_NODE_HOLDS_ARRAY (side)
          || json_array_get_length (json_node_get_array (side)) != 2)
        return bad_entry (project, entry->seq, error);
      JsonArray *a = json_node_get_array (side);
      JsonNode *date = json_array_get_element (a, 0), *source = json_array_get_element (a, 1);
      sqlite3_stmt *st = rwb_project_statement (project, "UPDATE articles SET date = ?2,"
                                                         " date_source = ?3 WHERE id = ?1", error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, id);
      if (JSON_NODE_HOLDS_VALUE (date))
        sqlite3_bind_text (st, 2, json_node_get_string (date), -1, SQLITE_TRANSIENT);
      if (JSON_NODE_HOLDS_VALUE (source))
        sqlite3_bind_text (st, 3, json_node_get_string (source), -1, SQLITE_TRANSIENT);
      return rwb_project_step_done (project, st, _("change the date"), error);
    }
  return bad_entry (project, entry->seq, error);
}

static gboolean
step (RwbProject *project, gboolean forward, RwbHistoryEntry **out, GError **error)
{
  if (!rwb_project_history_load (project, error))
    return FALSE;
  gint64 seq = forward ? project->position + 1 : project->position;
  if ((forward && project->redo_label == NULL) || (!forward && project->undo_label == NULL))
    {
      g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_NOT_FOUND,
                   forward ? _("%s: there is nothing to redo") : _("%s: there is nothing to undo"),
                   project->path);
      return FALSE;
    }
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT seq, kind, label, data, created"
                                                     " FROM history WHERE seq = ?1", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, seq);
  int rc = sqlite3_step (st);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (st);
      return rwb_project_sql_error (project, rc, _("read the history"), error);
    }
  g_autoptr (RwbHistoryEntry) entry = entry_from_row (st, project->position);
  sqlite3_reset (st);

  if (!rwb_project_begin (project, error))
    return FALSE;
  if (!apply_entry (project, entry, forward, error)
      || !set_position (project, forward ? seq : seq - 1, error)
      || !rwb_project_commit (project, error))
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  entry->done = forward;
  RwbProjectChanges changes = entry->changes;
  if (out)
    *out = g_steal_pointer (&entry);
  rwb_project_changed (project, changes);
  return TRUE;
}

/**
 * rwb_project_undo:
 * Undoes the last command done.
 */
gboolean
rwb_project_undo (RwbProject *project, RwbHistoryEntry **entry, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), FALSE);
  return step (project, FALSE, entry, error);
}

/**
 * rwb_project_redo:
 * Redoes the last command undone.
 */
gboolean
rwb_project_redo (RwbProject *project, RwbHistoryEntry **entry, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), FALSE);
  return step (project, TRUE, entry, error);
}

/**
 * rwb_project_push_custom:
 * Records a command of the caller's own ("x-…") with its JSON @data.
 */
gboolean
rwb_project_push_custom (RwbProject *project, const char *kind, const char *label,
                         const char *data, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && kind && label && data, FALSE);
  if (!g_str_has_prefix (kind, "x-"))
    {
      g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_INVALID,
                   _("a command of the session's own must be named “x-…”, not “%s”"), kind);
      return FALSE;
    }
  if (!rwb_project_begin (project, error))
    return FALSE;
  if (!rwb_project_record (project, kind, label, data, error)
      || !rwb_project_commit (project, error))
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  rwb_project_changed (project, RWB_PROJECT_CHANGED_CUSTOM);
  return TRUE;
}
