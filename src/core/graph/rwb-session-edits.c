/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-session-edits.c — the session's edits: pinned positions (moves and their reset) and
 * corrections, each a command on the history (see rwb-session.c), with undo and redo, and
 * articles added to the work.
 */
#define G_LOG_DOMAIN "rawabit-session"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rwb-graph-builder.h"
#include "rwb-import.h"

#include "rwb-session-private.h"

GHashTable *
rwb_session_positions_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static RwbPosition *
position_new (double x, double y)
{
  RwbPosition *p = g_new (RwbPosition, 1);

  *p = (RwbPosition) { x, y, TRUE };
  return p;
}

static RwbPosition *
position_copy (const RwbPosition *p)
{
  return p != NULL ? g_memdup2 (p, sizeof *p) : NULL;
}

/* --- Positions ----------------------------------------------------------------------------- */

GHashTable *
rwb_session_get_positions (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  return self->positions;
}

gboolean
rwb_session_get_entity_position (RwbSession *self, guint entity, double *x, double *y)
{
  const RwbPosition *p;

  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  if (self->graph == NULL || entity >= self->graph->entities->len
      || g_hash_table_size (self->positions) == 0)
    return FALSE;
  p = rwb_positions_lookup (self->positions, g_ptr_array_index (self->graph->entities, entity));
  if (p == NULL || !p->pinned)
    return FALSE;
  *x = p->x;
  *y = p->y;
  return TRUE;
}

/* Sets the positions of @moves (key → RwbPosition*, NULL: forget) in the session's table. */
static void
apply_moves (RwbSession *self, GHashTable *moves)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, moves);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (value != NULL)
      g_hash_table_insert (self->positions, g_strdup (key), position_copy (value));
    else
      g_hash_table_remove (self->positions, key);
  g_signal_emit (self, rwb_session_signals[SIGNAL_POSITIONS_CHANGED], 0);
}

/* One command that changes positions from @before to @after (both key → RwbPosition*). */
static gboolean
move (RwbSession *self, GHashTable *before, GHashTable *after, const char *label,
      GError **error)
{
  if (self->project != NULL)
    {
      if (!rwb_project_move_nodes (self->project, after, label, error))
        {
          g_hash_table_unref (before);
          g_hash_table_unref (after);
          return FALSE;
        }
      apply_moves (self, after);
      g_hash_table_unref (before);
      g_hash_table_unref (after);
      rwb_session_notify_history (self);
      return TRUE;
    }

  {
    Command *command = g_new0 (Command, 1);

    command->kind = COMMAND_MOVE;
    command->before = before;
    command->after = after;
    command->label = g_strdup (label);
    apply_moves (self, after);
    rwb_session_push_command (self, command);
  }
  return TRUE;
}

gboolean
rwb_session_move_entity (RwbSession *self, guint entity, double x, double y, GError **error)
{
  const RwbEntity *e;
  GHashTable *before, *after;
  g_autofree char *key = NULL;

  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->graph != NULL && entity < self->graph->entities->len, FALSE);

  if (!isfinite (x) || !isfinite (y))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A position must be a finite number"));
      return FALSE;
    }

  e = g_ptr_array_index (self->graph->entities, entity);
  key = rwb_name_key (e->name);
  before = rwb_session_positions_table_new ();
  after = rwb_session_positions_table_new ();
  /* An entity placed under an alias's key (a merge since) is forgotten there. */
  for (gint j = -1; j < (gint) e->aliases->len; j++)
    {
      g_autofree char *k = rwb_name_key (j < 0 ? e->name : g_ptr_array_index (e->aliases, j));
      const RwbPosition *p = g_hash_table_lookup (self->positions, k);

      if (p != NULL && !g_hash_table_contains (before, k))
        {
          g_hash_table_insert (before, g_strdup (k), position_copy (p));
          g_hash_table_insert (after, g_strdup (k), NULL);
        }
    }
  if (!g_hash_table_contains (before, key))
    g_hash_table_insert (before, g_strdup (key), NULL);
  g_hash_table_insert (after, g_strdup (key), position_new (x, y));
  /* Translators: the undo entry of dragging a node. */
  return move (self, before, after, _("Move"), error);
}

gboolean
rwb_session_reset_positions (RwbSession *self, GError **error)
{
  GHashTable *before, *after;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  if (g_hash_table_size (self->positions) == 0)
    return TRUE;
  before = rwb_session_positions_table_new ();
  after = rwb_session_positions_table_new ();
  g_hash_table_iter_init (&iter, self->positions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_insert (before, g_strdup (key), position_copy (value));
      g_hash_table_insert (after, g_strdup (key), NULL);
    }
  return move (self, before, after, _("Reset Positions"), error);
}

/* --- Edits --------------------------------------------------------------------------------- */

/* The corrected graph; which corrections found something to act on is kept for the panel. */
RwbGraph *
rwb_session_corrected_graph (RwbSession *self, GError **error)
{
  GArray *applied = NULL;
  RwbGraph *graph;

  if (self->project != NULL)
    graph = rwb_project_load_corrected_graph (self->project, &applied, error);
  else if (self->base == NULL)
    graph = rwb_graph_new ();
  else
    graph = rwb_corrections_apply (self->base, self->corrections, &applied);
  if (graph != NULL)
    {
      g_clear_pointer (&self->applied, g_array_unref);
      self->applied = applied;
    }
  else if (applied != NULL)
    g_array_unref (applied);
  return graph;
}

gboolean
rwb_session_correct (RwbSession *self, const RwbCorrection *correction, GError **error)
{
  RwbGraph *graph;

  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);
  g_return_val_if_fail (correction != NULL, FALSE);

  if (!rwb_correction_validate (correction, error))
    return FALSE;

  if (self->project != NULL)
    {
      if (rwb_project_correct (self->project, correction, error) == 0)
        return FALSE;
      rwb_session_notify_history (self);
    }
  else
    {
      Command *command;

      if (self->base == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no graph to correct"));
          return FALSE;
        }
      command = g_new0 (Command, 1);
      command->kind = COMMAND_CORRECT;
      command->correction = rwb_correction_copy (correction);
      command->label = g_strdup (rwb_correction_kind_label (correction->kind));
      rwb_corrections_add (self->corrections, rwb_correction_copy (correction), 0);
      rwb_session_push_command (self, command);
    }

  graph = rwb_session_corrected_graph (self, error);
  if (graph == NULL)
    return FALSE;
  rwb_session_edited (self, graph);
  return TRUE;
}

gboolean
rwb_session_withdraw_correction (RwbSession *self, guint index, GError **error)
{
  g_autoptr (RwbCorrections) list = NULL;
  RwbGraph *graph;

  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  list = rwb_session_get_corrections (self);
  if (index >= rwb_corrections_len (list))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no such correction"));
      return FALSE;
    }
  if (self->project != NULL)
    {
      if (!rwb_project_withdraw_correction (self->project, rwb_corrections_get_id (list, index),
                                            error))
        return FALSE;
      rwb_session_notify_history (self);
    }
  else
    {
      Command *command = g_new0 (Command, 1);

      command->kind = COMMAND_WITHDRAW;
      command->correction = rwb_correction_copy (rwb_corrections_get (list, index));
      command->index = index;
      /* Translators: the undo entry of withdrawing a correction in the corrections panel. */
      command->label = g_strdup (_("Withdraw Correction"));
      rwb_corrections_remove_index (self->corrections, index);
      rwb_session_push_command (self, command);
    }

  graph = rwb_session_corrected_graph (self, error);
  if (graph == NULL)
    return FALSE;
  rwb_session_edited (self, graph);
  return TRUE;
}

GArray *
rwb_session_get_corrections_applied (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  /* Kept from the last application: asking costs nothing, even in a large project. */
  if (self->applied != NULL)
    return g_array_copy (self->applied);
  return g_array_new (FALSE, TRUE, sizeof (gboolean));
}

RwbCorrections *
rwb_session_get_corrections (RwbSession *self)
{
  RwbCorrections *copy;

  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  if (self->project != NULL)
    {
      copy = rwb_project_get_corrections (self->project, NULL);
      return copy != NULL ? copy : rwb_corrections_new ();
    }
  copy = rwb_corrections_new ();
  for (guint i = 0; i < rwb_corrections_len (self->corrections); i++)
    rwb_corrections_add (copy, rwb_correction_copy (rwb_corrections_get (self->corrections, i)),
                         rwb_corrections_get_id (self->corrections, i));
  return copy;
}

gboolean
rwb_session_can_undo (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  return self->project != NULL ? rwb_project_can_undo (self->project) : self->n_done > 0;
}

gboolean
rwb_session_can_redo (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  return self->project != NULL ? rwb_project_can_redo (self->project)
                               : self->n_done < self->history->len;
}

const char *
rwb_session_get_undo_label (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  if (self->project != NULL)
    return rwb_project_get_undo_label (self->project);
  return self->n_done > 0 ? ((Command *) g_ptr_array_index (self->history, self->n_done - 1))->label
                          : NULL;
}

const char *
rwb_session_get_redo_label (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  if (self->project != NULL)
    return rwb_project_get_redo_label (self->project);
  return self->n_done < self->history->len
           ? ((Command *) g_ptr_array_index (self->history, self->n_done))->label
           : NULL;
}

gboolean
rwb_session_reload_positions (RwbSession *self, GError **error)
{
  g_autoptr (GHashTable) positions = rwb_project_get_positions (self->project, error);
  GHashTableIter iter;
  gpointer key, value;

  if (positions == NULL)
    return FALSE;
  g_hash_table_remove_all (self->positions);
  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((RwbPosition *) value)->pinned)
      g_hash_table_insert (self->positions, g_strdup (key), position_copy (value));
  g_signal_emit (self, rwb_session_signals[SIGNAL_POSITIONS_CHANGED], 0);
  return TRUE;
}

/* After the project's undo or redo: read again what @entry says it changed. */
static gboolean
project_changed (RwbSession *self, const RwbHistoryEntry *entry, GError **error)
{
  rwb_session_notify_history (self);
  if (entry->changes & RWB_PROJECT_CHANGED_POSITIONS && !rwb_session_reload_positions (self, error))
    return FALSE;
  if (entry->changes & (RWB_PROJECT_CHANGED_ARTICLES | RWB_PROJECT_CHANGED_CORRECTIONS))
    {
      RwbGraph *graph = rwb_session_corrected_graph (self, error);

      if (graph == NULL)
        return FALSE;
      rwb_session_edited (self, graph);
    }
  return TRUE;
}

/* Puts a copy of @correction back at @index of the corrections in force (an undone withdraw). */
static void
corrections_insert (RwbSession *self, guint index, const RwbCorrection *correction)
{
  RwbCorrections *list = rwb_corrections_new ();
  guint n = rwb_corrections_len (self->corrections);

  for (guint i = 0; i <= n; i++)
    {
      if (i == index)
        rwb_corrections_add (list, rwb_correction_copy (correction), 0);
      if (i < n)
        rwb_corrections_add (list, rwb_correction_copy (rwb_corrections_get (self->corrections, i)),
                             rwb_corrections_get_id (self->corrections, i));
    }
  rwb_corrections_free (self->corrections);
  self->corrections = list;
}

static gboolean
undo_redo (RwbSession *self, gboolean undo, GError **error)
{
  Command *command;

  if (self->project != NULL)
    {
      g_autoptr (RwbHistoryEntry) entry = NULL;

      if (!(undo ? rwb_project_undo (self->project, &entry, error)
                 : rwb_project_redo (self->project, &entry, error)))
        return FALSE;
      return project_changed (self, entry, error);
    }

  if (undo ? self->n_done == 0 : self->n_done == self->history->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   undo ? _("There is nothing to undo") : _("There is nothing to redo"));
      return FALSE;
    }

  command = g_ptr_array_index (self->history, undo ? self->n_done - 1 : self->n_done);
  self->n_done += undo ? -1 : 1;
  rwb_session_notify_history (self);
  if (command->kind == COMMAND_MOVE)
    {
      apply_moves (self, undo ? command->before : command->after);
      return TRUE;
    }

  if (command->kind == COMMAND_WITHDRAW)
    {
      if (undo)
        corrections_insert (self, command->index, command->correction);
      else
        rwb_corrections_remove_index (self->corrections, command->index);
      rwb_session_edited (self, rwb_session_corrected_graph (self, NULL));
      return TRUE;
    }

  /* Corrections are undone last first: the one undone is the last in force. */
  if (undo)
    rwb_corrections_remove_index (self->corrections, rwb_corrections_len (self->corrections) - 1);
  else
    rwb_corrections_add (self->corrections, rwb_correction_copy (command->correction), 0);
  rwb_session_edited (self, rwb_session_corrected_graph (self, NULL));
  return TRUE;
}

gboolean
rwb_session_undo (RwbSession *self, GError **error)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  return undo_redo (self, TRUE, error);
}

gboolean
rwb_session_redo (RwbSession *self, GError **error)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  return undo_redo (self, FALSE, error);
}

gboolean
rwb_session_add_graph (RwbSession *self, RwbGraph *part, GError **error)
{
  g_autoptr (RwbGraph) copy = NULL;
  g_autoptr (RwbGraph) base = NULL;
  g_autoptr (RwbGraphBuilder) builder = NULL;

  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);
  g_return_val_if_fail (part != NULL, FALSE);

  if (self->project != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Articles are added to the project"));
      return FALSE;
    }
  if (self->base == NULL)
    {
      /* Nothing yet: the articles are the work. */
      rwb_session_show (self, part, NULL);
      return TRUE;
    }

  /* The builder moves what it joins: it works on copies, and the base shown stays whole. */
  base = rwb_graph_copy (self->base);
  copy = rwb_graph_copy (part);
  builder = rwb_graph_builder_new_from (base);
  rwb_graph_builder_add (builder, copy);
  g_clear_pointer (&self->base, rwb_graph_unref);
  self->base = rwb_graph_ref (rwb_graph_builder_get_graph (builder));
  rwb_session_edited (self, rwb_session_corrected_graph (self, NULL));
  return TRUE;
}

gboolean
rwb_session_replace (RwbSession **slot, RwbSession *session, gpointer owner)
{
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (session == NULL || RWB_IS_SESSION (session), FALSE);

  if (session == *slot)
    return FALSE;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, owner);
  g_set_object (slot, session);
  return TRUE;
}
