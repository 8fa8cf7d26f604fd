/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-session.c — the session: its graph and scene, the selection, its history of commands,
 * and the GObject glue. The filters and the timeline's date are in rwb-session-filters.c, the
 * positions and edits (corrections, undo, redo) in rwb-session-edits.c, the project in
 * rwb-session-project.c; rwb-session-private.h is what they share.
 *
 * Without a project the session keeps its own history: a list of commands (a correction, or a
 * change of positions with the old and new place of each entity it touched) and how many of
 * them are done. The corrected graph is always rwb_corrections_apply (base, corrections in
 * force), so undoing a correction is dropping it and applying the rest again. With a project
 * every command is the project's (rwb_project_correct, rwb_project_move_nodes, its undo and
 * redo), and the session reads back what the project says changed.
 */
#define G_LOG_DOMAIN "rawabit-session"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rwb-graph-builder.h"
#include "rwb-import.h"
#include "rwb-session-private.h"
#include "rwb-timeline.h"

G_DEFINE_FINAL_TYPE (RwbSession, rwb_session, G_TYPE_OBJECT)

GParamSpec *rwb_session_properties[N_PROPS];

guint rwb_session_signals[N_SIGNALS];

static void
command_free (gpointer data)
{
  Command *command = data;

  g_clear_pointer (&command->correction, rwb_correction_free);
  g_clear_pointer (&command->before, g_hash_table_unref);
  g_clear_pointer (&command->after, g_hash_table_unref);
  g_free (command->label);
  g_free (command);
}

/* --- History ------------------------------------------------------------------------------- */

void
rwb_session_notify_history (RwbSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), rwb_session_properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), rwb_session_properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), rwb_session_properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), rwb_session_properties[PROP_REDO_LABEL]);
  g_signal_emit (self, rwb_session_signals[SIGNAL_HISTORY_CHANGED], 0);
}

/* Appends a done command, dropping what was undone after the last one done. */
void
rwb_session_push_command (RwbSession *self, Command *command)
{
  if (self->n_done < self->history->len)
    g_ptr_array_remove_range (self->history, self->n_done, self->history->len - self->n_done);
  g_ptr_array_add (self->history, command);
  self->n_done = self->history->len;
  rwb_session_notify_history (self);
}

void
rwb_session_clear_history (RwbSession *self)
{
  g_ptr_array_set_size (self->history, 0);
  self->n_done = 0;
  rwb_corrections_free (self->corrections);
  self->corrections = rwb_corrections_new ();
  g_clear_pointer (&self->applied, g_array_unref);
  rwb_session_notify_history (self);
}

/* --- Graph and scene ----------------------------------------------------------------------- */

void
rwb_session_clear_hidden (RwbSession *self)
{
  g_clear_pointer (&self->hidden_entities, g_free);
  g_clear_pointer (&self->hidden_relations, g_free);
  self->n_hidden_entities = self->n_hidden_relations = 0;
}

static void
set_pending (RwbSession *self, RwbGraph *graph)
{
  if (graph == self->pending)
    return;
  g_clear_pointer (&self->pending, rwb_graph_unref);
  if (graph != NULL)
    self->pending = rwb_graph_ref (graph);
  g_object_notify_by_pspec (G_OBJECT (self), rwb_session_properties[PROP_PENDING]);
}

/* The selection of the graph shown, moved by name to @graph (an edit's result). */
static void
carry_selection (RwbSession *self, RwbGraph *graph)
{
  g_autoptr (GArray) kept = g_array_new (FALSE, FALSE, sizeof (guint));
  gint relation = -1;

  for (guint k = 0; k < self->selected_entities->len; k++)
    {
      guint old = g_array_index (self->selected_entities, guint, k);
      const RwbEntity *e = g_ptr_array_index (self->graph->entities, old);
      gint now = rwb_graph_find_entity (graph, e->name);
      gboolean seen = FALSE;

      for (guint j = 0; j < kept->len && now >= 0; j++)
        seen |= g_array_index (kept, guint, j) == (guint) now;
      if (now >= 0 && !seen)
        {
          guint u = now;
          g_array_append_val (kept, u);
        }
    }
  if (self->selected_relation >= 0)
    {
      const RwbRelation *r = g_ptr_array_index (self->graph->relations, self->selected_relation);
      const RwbEntity *s = g_ptr_array_index (self->graph->entities, r->source);
      const RwbEntity *t = g_ptr_array_index (self->graph->entities, r->target);
      gint ns = rwb_graph_find_entity (graph, s->name);
      gint nt = rwb_graph_find_entity (graph, t->name);

      for (guint i = 0; ns >= 0 && nt >= 0 && i < graph->relations->len; i++)
        {
          const RwbRelation *q = g_ptr_array_index (graph->relations, i);

          if (q->type == r->type && ((q->source == (guint) ns && q->target == (guint) nt)
                                     || (q->source == (guint) nt && q->target == (guint) ns)))
            {
              relation = i;
              break;
            }
        }
    }
  g_array_set_size (self->selected_entities, 0);
  g_array_append_vals (self->selected_entities, kept->data, kept->len);
  self->selected_relation = relation;
}

/* Makes @graph (and @scene, of it, owned) the one shown. */
void
rwb_session_show (RwbSession *self, RwbGraph *graph, RwbScene *scene)
{
  gboolean had_scene = self->scene != NULL;
  gboolean same = graph == self->graph;
  gboolean edit = graph != NULL && graph == self->pending && !same;
  gboolean had_selection = self->selected_entities->len > 0 || self->selected_relation >= 0;
  g_autoptr (RwbGraph) old = self->graph; /* the old scene may borrow it: freed last */

  /* Moved by name while the old graph is still the session's. */
  if (!same && edit && old != NULL)
    carry_selection (self, graph);

  self->graph = NULL;
  g_clear_pointer (&self->scene, rwb_scene_free);
  self->scene = scene;
  self->graph = graph != NULL ? rwb_graph_ref (graph) : NULL;
  if (edit || graph == self->pending)
    set_pending (self, NULL);

  if (!same)
    {
      if (!(edit && old != NULL))
        {
          g_array_set_size (self->selected_entities, 0);
          self->selected_relation = -1;
          if (self->project == NULL)
            {
              g_clear_pointer (&self->base, rwb_graph_unref);
              if (graph != NULL)
                self->base = rwb_graph_ref (graph);
              g_hash_table_remove_all (self->positions);
              rwb_session_clear_history (self);
              if (self->as_of != NULL)
                {
                  /* Other work: its timeline starts whole. */
                  g_clear_pointer (&self->as_of, g_free);
                  g_object_notify_by_pspec (G_OBJECT (self), rwb_session_properties[PROP_AS_OF]);
                }
            }
        }
      rwb_session_clear_hidden (self);
      g_clear_pointer (&self->timeline, rwb_timeline_free);
    }

  if (!same)
    g_signal_emit (self, rwb_session_signals[SIGNAL_GRAPH_CHANGED], 0);
  g_signal_emit (self, rwb_session_signals[SIGNAL_SCENE_CHANGED], 0);
  if (had_scene != (self->scene != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), rwb_session_properties[PROP_HAS_SCENE]);
  if (!same && (had_selection || self->selected_entities->len > 0
                || self->selected_relation >= 0))
    g_signal_emit (self, rwb_session_signals[SIGNAL_SELECTION_CHANGED], 0);
  if (!same)
    g_signal_emit (self, rwb_session_signals[SIGNAL_FILTER_CHANGED], 0);
}

void
rwb_session_set_graph (RwbSession *self, RwbGraph *graph)
{
  g_return_if_fail (RWB_IS_SESSION (self));

  if (graph == self->graph && self->scene == NULL)
    return;
  rwb_session_show (self, graph, NULL);
}

RwbGraph *
rwb_session_get_graph (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  return self->graph;
}

void
rwb_session_set_scene (RwbSession *self, RwbScene *scene)
{
  g_return_if_fail (RWB_IS_SESSION (self));

  if (scene != NULL && scene == self->scene)
    return;
  rwb_session_show (self, scene != NULL ? scene->graph : NULL, scene);
}

RwbScene *
rwb_session_get_scene (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  return self->scene;
}

RwbGraph *
rwb_session_get_pending_graph (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  return self->pending;
}

/* An edit made @graph (owned): shown at once without a scene, else pending for its layout. */
void
rwb_session_edited (RwbSession *self, RwbGraph *graph)
{
  if (self->scene == NULL)
    {
      set_pending (self, graph);
      rwb_session_show (self, graph, NULL);
    }
  else
    set_pending (self, graph);
  rwb_graph_unref (graph);
}

/* --- Selection ----------------------------------------------------------------------------- */

static gboolean
entity_exists (RwbSession *self, guint entity)
{
  return self->graph != NULL && entity < self->graph->entities->len;
}

gboolean
rwb_session_entity_visible (RwbSession *self, guint entity)
{
  return entity_exists (self, entity) && !rwb_session_entity_hidden (self, entity);
}

GArray *
rwb_session_get_selected_entities (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  return g_array_copy (self->selected_entities);
}

gint
rwb_session_get_selected_relation (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), -1);

  return self->selected_relation;
}

gboolean
rwb_session_is_entity_selected (RwbSession *self, guint entity)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  for (guint i = 0; i < self->selected_entities->len; i++)
    if (g_array_index (self->selected_entities, guint, i) == entity)
      return TRUE;
  return FALSE;
}

void
rwb_session_select_entity (RwbSession *self, gint entity, gboolean add)
{
  gboolean changed = FALSE;

  g_return_if_fail (RWB_IS_SESSION (self));
  g_return_if_fail (entity < 0 || (self->graph != NULL
                                   && (guint) entity < self->graph->entities->len));

  if (entity < 0)
    {
      changed = self->selected_entities->len > 0 || self->selected_relation >= 0;
      g_array_set_size (self->selected_entities, 0);
      self->selected_relation = -1;
    }
  else
    {
      guint e = entity;

      if (self->selected_relation >= 0)
        {
          self->selected_relation = -1;
          changed = TRUE;
        }
      if (!add && (self->selected_entities->len != 1
                   || g_array_index (self->selected_entities, guint, 0) != e))
        {
          g_array_set_size (self->selected_entities, 0);
          changed = TRUE;
        }
      if (!rwb_session_is_entity_selected (self, e))
        {
          g_array_append_val (self->selected_entities, e);
          changed = TRUE;
        }
    }

  if (changed)
    g_signal_emit (self, rwb_session_signals[SIGNAL_SELECTION_CHANGED], 0);
}

void
rwb_session_unselect_entity (RwbSession *self, guint entity)
{
  g_return_if_fail (RWB_IS_SESSION (self));

  for (guint k = 0; k < self->selected_entities->len; k++)
    if (g_array_index (self->selected_entities, guint, k) == entity)
      {
        g_array_remove_index (self->selected_entities, k);
        self->selected_relation = -1;
        g_signal_emit (self, rwb_session_signals[SIGNAL_SELECTION_CHANGED], 0);
        return;
      }
}

void
rwb_session_select_relation (RwbSession *self, guint relation)
{
  g_return_if_fail (RWB_IS_SESSION (self));
  g_return_if_fail (self->graph != NULL && relation < self->graph->relations->len);

  if (self->selected_relation == (gint) relation && self->selected_entities->len == 0)
    return;

  g_array_set_size (self->selected_entities, 0);
  self->selected_relation = relation;
  g_signal_emit (self, rwb_session_signals[SIGNAL_SELECTION_CHANGED], 0);
}

void
rwb_session_reveal_entity (RwbSession *self, guint entity)
{
  g_return_if_fail (RWB_IS_SESSION (self));

  if (!entity_exists (self, entity))
    return;
  rwb_session_select_entity (self, entity, FALSE);
  g_signal_emit (self, rwb_session_signals[SIGNAL_REVEAL_ENTITY], 0, entity);
}

/* --- GObject ------------------------------------------------------------------------------- */

static void
rwb_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RwbSession *self = RWB_SESSION (object);

  switch (prop_id)
    {
    case PROP_HAS_SCENE:
      g_value_set_boolean (value, self->scene != NULL);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, self->pending != NULL);
      break;
    case PROP_SHOW_MENTIONS:
      g_value_set_boolean (value, self->show_mentions);
      break;
    case PROP_HIDDEN_ENTITY_TYPES:
      g_value_set_uint (value, self->hidden_entity_types);
      break;
    case PROP_HIDDEN_RELATION_TYPES:
      g_value_set_uint (value, self->hidden_relation_types);
      break;
    case PROP_MIN_CONFIDENCE:
      g_value_set_double (value, self->min_confidence);
      break;
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rwb_session_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, rwb_session_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, rwb_session_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, rwb_session_get_redo_label (self));
      break;
    case PROP_AS_OF:
      g_value_set_string (value, self->as_of);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rwb_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RwbSession *self = RWB_SESSION (object);

  switch (prop_id)
    {
    case PROP_SHOW_MENTIONS:
      rwb_session_set_show_mentions (self, g_value_get_boolean (value));
      break;
    case PROP_HIDDEN_ENTITY_TYPES:
      rwb_session_set_hidden_entity_types (self, g_value_get_uint (value));
      break;
    case PROP_HIDDEN_RELATION_TYPES:
      rwb_session_set_hidden_relation_types (self, g_value_get_uint (value));
      break;
    case PROP_MIN_CONFIDENCE:
      rwb_session_set_min_confidence (self, g_value_get_double (value));
      break;
    case PROP_AS_OF:
      rwb_session_set_as_of (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rwb_session_finalize (GObject *object)
{
  RwbSession *self = RWB_SESSION (object);
  g_autoptr (RwbGraph) graph = g_steal_pointer (&self->graph);

  /* The scene borrows the graph: it goes first. */
  g_clear_pointer (&self->scene, rwb_scene_free);
  g_clear_pointer (&self->pending, rwb_graph_unref);
  g_clear_pointer (&self->base, rwb_graph_unref);
  g_clear_object (&self->project);
  g_clear_pointer (&self->selected_entities, g_array_unref);
  rwb_session_clear_hidden (self);
  g_clear_pointer (&self->timeline, rwb_timeline_free);
  g_clear_pointer (&self->as_of, g_free);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->corrections, rwb_corrections_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->applied, g_array_unref);

  G_OBJECT_CLASS (rwb_session_parent_class)->finalize (object);
}

static void
rwb_session_class_init (RwbSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rwb_session_finalize;
  object_class->get_property = rwb_session_get_property;
  object_class->set_property = rwb_session_set_property;

  rwb_session_properties[PROP_HAS_SCENE] =
    g_param_spec_boolean ("has-scene", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  rwb_session_properties[PROP_PENDING] =
    g_param_spec_boolean ("pending-graph", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  rwb_session_properties[PROP_SHOW_MENTIONS] =
    g_param_spec_boolean ("show-mentions", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  rwb_session_properties[PROP_HIDDEN_ENTITY_TYPES] =
    g_param_spec_uint ("hidden-entity-types", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  rwb_session_properties[PROP_HIDDEN_RELATION_TYPES] =
    g_param_spec_uint ("hidden-relation-types", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  rwb_session_properties[PROP_MIN_CONFIDENCE] =
    g_param_spec_double ("min-confidence", NULL, NULL, 0, 1, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  rwb_session_properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, RWB_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  rwb_session_properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  rwb_session_properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  rwb_session_properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  rwb_session_properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  rwb_session_properties[PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, rwb_session_properties);

  /**
   * RwbSession::graph-changed:
   *
   * Another graph is shown (its indices are not the old ones).
   */
  rwb_session_signals[SIGNAL_GRAPH_CHANGED] =
    g_signal_new ("graph-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RwbSession::scene-changed:
   *
   * Another scene is shown (a layout, or none), after ::graph-changed when the graph changed.
   */
  rwb_session_signals[SIGNAL_SCENE_CHANGED] =
    g_signal_new ("scene-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RwbSession::selection-changed:
   *
   * The selected entities or relation changed.
   */
  rwb_session_signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RwbSession::filter-changed:
   *
   * What rwb_session_set_hidden() hides changed.
   */
  rwb_session_signals[SIGNAL_FILTER_CHANGED] =
    g_signal_new ("filter-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RwbSession::positions-changed:
   *
   * The positions the user moved entities to changed (a move, its undo, a reset).
   */
  rwb_session_signals[SIGNAL_POSITIONS_CHANGED] =
    g_signal_new ("positions-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RwbSession::reveal-entity:
   * @entity: the entity index
   *
   * A panel asks the views to bring @entity into sight.
   */
  rwb_session_signals[SIGNAL_REVEAL_ENTITY] =
    g_signal_new ("reveal-entity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * RwbSession::history-changed:
   *
   * A command was done, undone or redone, or the history was replaced (another graph, another
   * project): the corrections in force and the undo labels may have changed.
   */
  rwb_session_signals[SIGNAL_HISTORY_CHANGED] =
    g_signal_new ("history-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rwb_session_init (RwbSession *self)
{
  self->selected_entities = g_array_new (FALSE, FALSE, sizeof (guint));
  self->selected_relation = -1;
  self->positions = rwb_session_positions_table_new ();
  self->corrections = rwb_corrections_new ();
  self->history = g_ptr_array_new_with_free_func (command_free);
}

RwbSession *
rwb_session_new (void)
{
  return g_object_new (RWB_TYPE_SESSION, NULL);
}
