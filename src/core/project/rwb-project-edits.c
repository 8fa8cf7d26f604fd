/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-project-edits.c — the user's corrections and node positions, each change
 * an undoable command. */
#define G_LOG_DOMAIN "rawabit-project"

#include "rwb-project-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- corrections --------------------------------------------------------------------- */

/**
 * rwb_project_get_corrections:
 * The corrections in force, in the order they were made.
 */
RwbCorrections *
rwb_project_get_corrections (RwbProject *project, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), NULL);
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT id, op FROM corrections"
                                                     " WHERE active ORDER BY id", error);
  if (st == NULL)
    return NULL;
  g_autoptr (RwbCorrections) list = rwb_corrections_new ();
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (st, 0);
      const char *op = (const char *) sqlite3_column_text (st, 1);
      g_autoptr (GError) local = NULL;
      RwbCorrection *c = op ? rwb_correction_from_json (op, &local) : NULL;
      if (c == NULL)
        {
          sqlite3_reset (st);
          g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_CORRUPT,
                       _("%s: correction %lld cannot be read: %s"), project->path,
                       (long long) id, local ? local->message : _("it is empty"));
          return NULL;
        }
      rwb_corrections_add (list, c, id);
    }
  sqlite3_reset (st);
  if (rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the corrections"), error), NULL;
  return g_steal_pointer (&list);
}

/**
 * rwb_project_load_corrected_graph:
 * The stored graph with the corrections applied.
 */
RwbGraph *
rwb_project_load_corrected_graph (RwbProject *project, GArray **applied, GError **error)
{
  g_autoptr (RwbGraph) graph = rwb_project_load_graph (project, error);
  if (graph == NULL)
    return NULL;
  g_autoptr (RwbCorrections) corrections = rwb_project_get_corrections (project, error);
  if (corrections == NULL)
    return NULL;
  return rwb_corrections_apply (graph, corrections, applied);
}

/* Untranslated labels of corrections for the history (translated when shown). */
static const char *
correction_label (RwbCorrectionKind kind)
{
  static const char *const labels[RWB_CORRECTION_N_KINDS] = {
    [RWB_CORRECTION_REJECT_ENTITY] = N_("Delete Entity"),
    [RWB_CORRECTION_REJECT_RELATION] = N_("Delete Relation"),
    [RWB_CORRECTION_MERGE] = N_("Merge"),
    [RWB_CORRECTION_SPLIT] = N_("Split Alias"),
    [RWB_CORRECTION_RENAME] = N_("Rename"),
    [RWB_CORRECTION_RETYPE_ENTITY] = N_("Change Type"),
    [RWB_CORRECTION_DIRECT_RELATION] = N_("Reverse Relation"),
    [RWB_CORRECTION_RETYPE_RELATION] = N_("Change Relation Type"),
    [RWB_CORRECTION_ADD_RELATION] = N_("Add Relation"),
    [RWB_CORRECTION_CONFIRM_ENTITY] = N_("Confirm Entity"),
    [RWB_CORRECTION_CONFIRM_RELATION] = N_("Confirm Relation"),
  };
  return kind < RWB_CORRECTION_N_KINDS ? labels[kind] : N_("Correction");
}

static char *
correction_data (gint64 id)
{
  return g_strdup_printf ("{\"correction\":%" G_GINT64_FORMAT "}", id);
}

/**
 * rwb_project_correct:
 * Records @correction as a command; returns its id.
 */
gint64
rwb_project_correct (RwbProject *project, const RwbCorrection *correction, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && correction != NULL, 0);
  g_autoptr (GError) invalid = NULL;
  if (!rwb_correction_validate (correction, &invalid))
    {
      g_set_error_literal (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_INVALID, invalid->message);
      return 0;
    }
  g_autofree char *op = rwb_correction_to_json (correction);
  g_autofree char *now = rwb_project_now ();
  if (!rwb_project_begin (project, error))
    return 0;
  sqlite3_stmt *st = rwb_project_statement (project, "INSERT INTO corrections (op, active,"
                                                     " created) VALUES (?1, 1, ?2)", error);
  if (st == NULL)
    {
      rwb_project_rollback (project);
      return 0;
    }
  sqlite3_bind_text (st, 1, op, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, now, -1, SQLITE_STATIC);
  if (!rwb_project_step_done (project, st, _("save the correction"), error))
    {
      rwb_project_rollback (project);
      return 0;
    }
  gint64 id = sqlite3_last_insert_rowid (project->db);
  g_autofree char *data = correction_data (id);
  if (!rwb_project_record (project, "correct", correction_label (correction->kind), data, error)
      || !rwb_project_commit (project, error))
    {
      rwb_project_rollback (project);
      return 0;
    }
  rwb_project_changed (project, RWB_PROJECT_CHANGED_CORRECTIONS);
  return id;
}

/**
 * rwb_project_withdraw_correction:
 * Withdraws correction @id, undoably.
 */
gboolean
rwb_project_withdraw_correction (RwbProject *project, gint64 id, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), FALSE);
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT active FROM corrections"
                                                     " WHERE id = ?1", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  int rc = sqlite3_step (st);
  gboolean active = rc == SQLITE_ROW && sqlite3_column_int (st, 0);
  sqlite3_reset (st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the corrections"), error);
  if (!active)
    {
      g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_NOT_FOUND,
                   _("%s: there is no correction %lld in force"), project->path,
                   (long long) id);
      return FALSE;
    }
  if (!rwb_project_begin (project, error))
    return FALSE;
  st = rwb_project_statement (project, "UPDATE corrections SET active = 0 WHERE id = ?1", error);
  g_autofree char *data = correction_data (id);
  if (st == NULL)
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  sqlite3_bind_int64 (st, 1, id);
  if (!rwb_project_step_done (project, st, _("save the correction"), error)
      || !rwb_project_record (project, "withdraw", N_("Withdraw Correction"), data, error)
      || !rwb_project_commit (project, error))
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  rwb_project_changed (project, RWB_PROJECT_CHANGED_CORRECTIONS);
  return TRUE;
}

/* ---- positions ----------------------------------------------------------------------- */

/**
 * rwb_project_get_positions:
 * Node positions by name key.
 */
GHashTable *
rwb_project_get_positions (RwbProject *project, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), NULL);
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT key, x, y, pinned FROM positions",
                                            error);
  if (st == NULL)
    return NULL;
  g_autoptr (GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (st, 0);
      double x = sqlite3_column_double (st, 1), y = sqlite3_column_double (st, 2);
      if (key == NULL || !isfinite (x) || !isfinite (y))
        continue;
      RwbPosition *p = g_new (RwbPosition, 1);
      *p = (RwbPosition) { x, y, sqlite3_column_int (st, 3) != 0 };
      g_hash_table_insert (out, g_strdup (key), p);
    }
  sqlite3_reset (st);
  if (rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the positions"), error), NULL;
  return g_steal_pointer (&out);
}

/**
 * rwb_positions_lookup:
 * @entity's position in @positions, by name key, else by an alias's.
 */
const RwbPosition *
rwb_positions_lookup (GHashTable *positions, const RwbEntity *entity)
{
  g_return_val_if_fail (positions != NULL && entity != NULL, NULL);
  for (gint j = -1; j < (gint) entity->aliases->len; j++)
    {
      g_autofree char *key = rwb_name_key (j < 0 ? entity->name
                                                 : g_ptr_array_index (entity->aliases, j));
      const RwbPosition *p = g_hash_table_lookup (positions, key);
      if (p)
        return p;
    }
  return NULL;
}

gboolean
rwb_project_write_positions (RwbProject *project, GHashTable *positions, GError **error)
{
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const RwbPosition *p = value;
      sqlite3_stmt *st = rwb_project_statement (
        project, p ? "INSERT INTO positions (key, x, y, pinned) VALUES (?1, ?2, ?3, ?4)"
                     " ON CONFLICT (key) DO UPDATE SET x = ?2, y = ?3, pinned = ?4"
                   : "DELETE FROM positions WHERE key = ?1", error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_text (st, 1, key, -1, SQLITE_STATIC);
      if (p)
        {
          sqlite3_bind_double (st, 2, p->x);
          sqlite3_bind_double (st, 3, p->y);
          sqlite3_bind_int (st, 4, p->pinned);
        }
      if (!rwb_project_step_done (project, st, _("save the positions"), error))
        return FALSE;
    }
  return TRUE;
}

static int
compare_keys (const void *a, const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
add_positions (JsonBuilder *b, const char *member, GHashTable *positions)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  /* Sorted, so the stored history is the same for the same change. */
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (positions, NULL);
  guint n = g_hash_table_size (positions);
  qsort (keys, n, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n; i++)
    {
      const RwbPosition *p = g_hash_table_lookup (positions, keys[i]);
      json_builder_set_member_name (b, keys[i]);
      if (p == NULL)
        {
          json_builder_add_null_value (b);
          continue;
        }
      json_builder_begin_array (b);
      json_builder_add_double_value (b, p->x);
      json_builder_add_double_value (b, p->y);
      json_builder_add_boolean_value (b, p->pinned);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

/* Records a change of positions (@after: key → RwbPosition* or NULL) as one command. */
static gboolean
change_positions (RwbProject *project, const char *kind, const char *label, GHashTable *after,
                  const char *engine, GError **error)
{
  g_autoptr (GHashTable) current = rwb_project_get_positions (project, error);
  if (current == NULL)
    return FALSE;
  g_autoptr (GHashTable) before = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (before, key, g_hash_table_lookup (current, key));
  g_autofree char *old_engine = engine ? rwb_project_get_view (project, "engine") : NULL;

  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  add_positions (b, "before", before);
  add_positions (b, "after", after);
  if (engine)
    {
      json_builder_set_member_name (b, "engine");
      json_builder_begin_array (b);
      if (old_engine)
        json_builder_add_string_value (b, old_engine);
      else
        json_builder_add_null_value (b);
      json_builder_add_string_value (b, engine);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autofree char *data = json_to_string (root, FALSE);

  if (!rwb_project_begin (project, error))
    return FALSE;
  sqlite3_stmt *st = engine ? rwb_project_statement (project,
                                                     "INSERT INTO view (key, value) VALUES"
                                                     " ('engine', ?1) ON CONFLICT (key)"
                                                     " DO UPDATE SET value = ?1", error)
                            : NULL;
  if (engine && st)
    sqlite3_bind_text (st, 1, engine, -1, SQLITE_STATIC);
  if (!rwb_project_write_positions (project, after, error)
      || (engine && (st == NULL || !rwb_project_step_done (project, st, _("save the view"), error)))
      || !rwb_project_record (project, kind, label, data, error)
      || !rwb_project_commit (project, error))
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  rwb_project_changed (project, RWB_PROJECT_CHANGED_POSITIONS
                                  | (engine ? RWB_PROJECT_CHANGED_VIEW : 0));
  return TRUE;
}

static gboolean
check_positions (RwbProject *project, GHashTable *positions, GError **error)
{
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const RwbPosition *p = value;
      if (key == NULL || *(const char *) key == '\0'
          || (p && (!isfinite (p->x) || !isfinite (p->y))))
        {
          g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_INVALID,
                       _("%s: a position without a name or not a finite number"),
                       project->path);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * rwb_project_move_nodes:
 * Sets the positions in @moves as one undoable command.
 */
gboolean
rwb_project_move_nodes (RwbProject *project, GHashTable *moves, const char *label,
                        GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && moves != NULL, FALSE);
  if (g_hash_table_size (moves) == 0)
    return TRUE;
  if (!check_positions (project, moves, error))
    return FALSE;
  return change_positions (project, "move", label ? label : N_("Move"), moves, NULL, error);
}

/**
 * rwb_project_record_layout:
 * A layout run's positions replace the unpinned ones, as one undoable command.
 */
gboolean
rwb_project_record_layout (RwbProject *project, const char *engine, GHashTable *positions,
                           GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && positions != NULL, FALSE);
  if (!check_positions (project, positions, error))
    return FALSE;
  g_autoptr (GHashTable) current = rwb_project_get_positions (project, error);
  if (current == NULL)
    return FALSE;
  g_autoptr (GHashTable) after = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer key, value;
  /* Unpinned places the new layout does not give are forgotten; pinned ones stay. */
  g_hash_table_iter_init (&iter, current);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!((RwbPosition *) value)->pinned && !g_hash_table_contains (positions, key))
      g_hash_table_insert (after, key, NULL);
  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RwbPosition *old = g_hash_table_lookup (current, key);
      if (value == NULL || (old && old->pinned))
        continue;
      RwbPosition *p = g_memdup2 (value, sizeof (RwbPosition));
      p->pinned = FALSE;
      g_hash_table_insert (after, key, p);
    }
  return change_positions (project, "layout", N_("Layout"), after, engine ? engine : "", error);
}
