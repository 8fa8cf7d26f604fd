/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-session.c — the session: graph, scene, selection, filters, positions and edits.
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
#include "rwb-session.h"
#include "rwb-timeline.h"

typedef enum {
  COMMAND_CORRECT,
  COMMAND_MOVE,
  COMMAND_WITHDRAW,
} CommandKind;

typedef struct {
  CommandKind kind;
  RwbCorrection *correction;   /* COMMAND_CORRECT, COMMAND_WITHDRAW (the one withdrawn) */
  guint index;                 /* COMMAND_WITHDRAW: where it was in the list in force */
  /* COMMAND_MOVE: name key → RwbPosition* before and after; a NULL value is "not moved". */
  GHashTable *before, *after;
  char *label;
} Command;

struct _RwbSession
{
  GObject parent_instance;

  RwbGraph *graph;             /* shown */
  RwbScene *scene;             /* of graph, or NULL */
  RwbGraph *pending;           /* an edit's graph waiting for its layout, or NULL */
  RwbGraph *base;              /* without a project: the graph before corrections */
  RwbProject *project;

  GArray *selected_entities;   /* guint, in selection order */
  gint selected_relation;

  gboolean *hidden_entities;
  gboolean *hidden_relations;
  guint n_hidden_entities, n_hidden_relations;
  gboolean show_mentions;
  guint hidden_entity_types, hidden_relation_types;
  double min_confidence;

  char *as_of;                 /* the timeline's date: what is known by then is shown */
  RwbTimeline *timeline;       /* of graph, made when first asked for */

  GHashTable *positions;       /* name key → RwbPosition */

  /* Without a project. */
  RwbCorrections *corrections;
  GPtrArray *history;          /* Command */

  GArray *applied;             /* gboolean per correction in force, from the last application */
  guint n_done;
};

G_DEFINE_FINAL_TYPE (RwbSession, rwb_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HAS_SCENE,
  PROP_PENDING,
  PROP_SHOW_MENTIONS,
  PROP_HIDDEN_ENTITY_TYPES,
  PROP_HIDDEN_RELATION_TYPES,
  PROP_MIN_CONFIDENCE,
  PROP_PROJECT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_AS_OF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_GRAPH_CHANGED,
  SIGNAL_SCENE_CHANGED,
  SIGNAL_SELECTION_CHANGED,
  SIGNAL_FILTER_CHANGED,
  SIGNAL_POSITIONS_CHANGED,
  SIGNAL_REVEAL_ENTITY,
  SIGNAL_HISTORY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static GHashTable *
positions_table_new (void)
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

/* --- History ------------------------------------------------------------------------------- */

static void
notify_history (RwbSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_signal_emit (self, signals[SIGNAL_HISTORY_CHANGED], 0);
}

/* Appends a done command, dropping what was undone after the last one done. */
static void
push_command (RwbSession *self, Command *command)
{
  if (self->n_done < self->history->len)
    g_ptr_array_remove_range (self->history, self->n_done, self->history->len - self->n_done);
  g_ptr_array_add (self->history, command);
  self->n_done = self->history->len;
  notify_history (self);
}

static void
clear_history (RwbSession *self)
{
  g_ptr_array_set_size (self->history, 0);
  self->n_done = 0;
  rwb_corrections_free (self->corrections);
  self->corrections = rwb_corrections_new ();
  g_clear_pointer (&self->applied, g_array_unref);
  notify_history (self);
}

/* --- Graph and scene ----------------------------------------------------------------------- */

static void
clear_hidden (RwbSession *self)
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
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
static void
show (RwbSession *self, RwbGraph *graph, RwbScene *scene)
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
              clear_history (self);
              if (self->as_of != NULL)
                {
                  /* Other work: its timeline starts whole. */
                  g_clear_pointer (&self->as_of, g_free);
                  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
                }
            }
        }
      clear_hidden (self);
      g_clear_pointer (&self->timeline, rwb_timeline_free);
    }

  if (!same)
    g_signal_emit (self, signals[SIGNAL_GRAPH_CHANGED], 0);
  g_signal_emit (self, signals[SIGNAL_SCENE_CHANGED], 0);
  if (had_scene != (self->scene != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SCENE]);
  if (!same && (had_selection || self->selected_entities->len > 0
                || self->selected_relation >= 0))
    g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
  if (!same)
    g_signal_emit (self, signals[SIGNAL_FILTER_CHANGED], 0);
}

void
rwb_session_set_graph (RwbSession *self, RwbGraph *graph)
{
  g_return_if_fail (RWB_IS_SESSION (self));

  if (graph == self->graph && self->scene == NULL)
    return;
  show (self, graph, NULL);
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
  show (self, scene != NULL ? scene->graph : NULL, scene);
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
static void
edited (RwbSession *self, RwbGraph *graph)
{
  if (self->scene == NULL)
    {
      set_pending (self, graph);
      show (self, graph, NULL);
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

static gboolean
entity_visible (RwbSession *self, guint entity)
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
    g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
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
        g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
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
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

void
rwb_session_reveal_entity (RwbSession *self, guint entity)
{
  g_return_if_fail (RWB_IS_SESSION (self));

  if (!entity_exists (self, entity))
    return;
  rwb_session_select_entity (self, entity, FALSE);
  g_signal_emit (self, signals[SIGNAL_REVEAL_ENTITY], 0, entity);
}

/* --- Filters ------------------------------------------------------------------------------- */

/* Drops what the filters hide from the selection; TRUE if that changed it. */
static gboolean
prune_selection (RwbSession *self)
{
  gboolean changed = FALSE;

  for (guint k = self->selected_entities->len; k-- > 0;)
    if (!entity_visible (self, g_array_index (self->selected_entities, guint, k)))
      {
        g_array_remove_index (self->selected_entities, k);
        changed = TRUE;
      }
  if (self->selected_relation >= 0 && rwb_session_relation_hidden (self, self->selected_relation))
    {
      self->selected_relation = -1;
      changed = TRUE;
    }
  return changed;
}

void
rwb_session_set_hidden (RwbSession     *self,
                        const gboolean *hidden_entities,
                        const gboolean *hidden_relations)
{
  guint ne, nr;

  g_return_if_fail (RWB_IS_SESSION (self));

  ne = self->graph != NULL ? self->graph->entities->len : 0;
  nr = self->graph != NULL ? self->graph->relations->len : 0;
  clear_hidden (self);
  if (hidden_entities != NULL && ne > 0)
    {
      self->hidden_entities = g_memdup2 (hidden_entities, sizeof (gboolean) * ne);
      self->n_hidden_entities = ne;
    }
  if (hidden_relations != NULL && nr > 0)
    {
      self->hidden_relations = g_memdup2 (hidden_relations, sizeof (gboolean) * nr);
      self->n_hidden_relations = nr;
    }

  g_signal_emit (self, signals[SIGNAL_FILTER_CHANGED], 0);
  if (prune_selection (self))
    g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

gboolean
rwb_session_entity_hidden (RwbSession *self, guint entity)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  if (self->hidden_entities != NULL && entity < self->n_hidden_entities
      && self->hidden_entities[entity])
    return TRUE;
  return self->as_of != NULL && self->graph != NULL && entity < self->graph->entities->len
         && !rwb_timeline_entity_known (rwb_session_get_timeline (self), entity, self->as_of);
}

gboolean
rwb_session_relation_hidden (RwbSession *self, guint relation)
{
  const RwbRelation *r;

  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  if (self->graph == NULL || relation >= self->graph->relations->len)
    return TRUE;
  if (self->hidden_relations != NULL && relation < self->n_hidden_relations
      && self->hidden_relations[relation])
    return TRUE;
  if (self->as_of != NULL
      && !rwb_timeline_relation_known (rwb_session_get_timeline (self), relation, self->as_of))
    return TRUE;
  r = g_ptr_array_index (self->graph->relations, relation);
  return rwb_session_entity_hidden (self, r->source) || rwb_session_entity_hidden (self, r->target);
}

gboolean
rwb_session_get_show_mentions (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  return self->show_mentions;
}

void
rwb_session_set_show_mentions (RwbSession *self, gboolean show_mentions)
{
  g_return_if_fail (RWB_IS_SESSION (self));

  show_mentions = !!show_mentions;
  if (show_mentions == self->show_mentions)
    return;
  self->show_mentions = show_mentions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MENTIONS]);
}

guint
rwb_session_get_hidden_entity_types (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), 0);

  return self->hidden_entity_types;
}

void
rwb_session_set_hidden_entity_types (RwbSession *self, guint mask)
{
  g_return_if_fail (RWB_IS_SESSION (self));

  if (mask == self->hidden_entity_types)
    return;
  self->hidden_entity_types = mask;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_ENTITY_TYPES]);
}

guint
rwb_session_get_hidden_relation_types (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), 0);

  return self->hidden_relation_types;
}

void
rwb_session_set_hidden_relation_types (RwbSession *self, guint mask)
{
  g_return_if_fail (RWB_IS_SESSION (self));

  if (mask == self->hidden_relation_types)
    return;
  self->hidden_relation_types = mask;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_RELATION_TYPES]);
}

double
rwb_session_get_min_confidence (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), 0);

  return self->min_confidence;
}

void
rwb_session_set_min_confidence (RwbSession *self, double min_confidence)
{
  g_return_if_fail (RWB_IS_SESSION (self));

  if (!(min_confidence >= 0))
    min_confidence = 0;
  min_confidence = MIN (min_confidence, 1.0);
  if (min_confidence == self->min_confidence)
    return;
  self->min_confidence = min_confidence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_CONFIDENCE]);
}

/* --- Timeline ------------------------------------------------------------------------------ */

const char *
rwb_session_get_as_of (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  return self->as_of;
}

/* Sets the date without writing it to the project (which is where it may come from). */
static gboolean
set_as_of (RwbSession *self, const char *date)
{
  if (g_strcmp0 (date, self->as_of) == 0)
    return FALSE;
  g_free (self->as_of);
  self->as_of = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
  g_signal_emit (self, signals[SIGNAL_FILTER_CHANGED], 0);
  if (prune_selection (self))
    g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
  return TRUE;
}

void
rwb_session_set_as_of (RwbSession *self, const char *date)
{
  g_return_if_fail (RWB_IS_SESSION (self));

  if (date != NULL && *date == '\0')
    date = NULL;
  if (!set_as_of (self, date) || self->project == NULL
      || rwb_project_is_read_only (self->project))
    return;
  {
    g_autoptr (GError) error = NULL;

    /* A view setting: losing it costs the user one drag, so it is not an error to show. */
    if (!rwb_project_set_view (self->project, "as-of", date, &error))
      g_debug ("Could not keep the timeline date in the project: %s", error->message);
  }
}

RwbTimeline *
rwb_session_get_timeline (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  if (self->graph == NULL)
    return NULL;
  if (self->timeline == NULL)
    self->timeline = rwb_timeline_new (self->graph);
  return self->timeline;
}

RwbGraph *
rwb_session_dup_shown_graph (RwbSession *self)
{
  return rwb_session_dup_shown (self, NULL);
}

RwbGraph *
rwb_session_dup_shown (RwbSession *self, RwbScene **scene)
{
  g_autofree gboolean *keep_entities = NULL;
  g_autofree gboolean *keep_relations = NULL;
  g_autofree guint *entity_map = NULL;
  g_autofree guint *relation_map = NULL;
  RwbGraph *shown;

  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  if (scene != NULL)
    *scene = NULL;
  if (self->graph == NULL)
    return NULL;
  keep_entities = g_new (gboolean, self->graph->entities->len + 1);
  keep_relations = g_new (gboolean, self->graph->relations->len + 1);
  for (guint i = 0; i < self->graph->entities->len; i++)
    keep_entities[i] = !rwb_session_entity_hidden (self, i);
  for (guint i = 0; i < self->graph->relations->len; i++)
    {
      const RwbRelation *r = g_ptr_array_index (self->graph->relations, i);

      keep_relations[i] = !rwb_session_relation_hidden (self, i)
                          && (self->show_mentions || r->type != RWB_RELATION_MENTION);
    }
  shown = rwb_graph_filter_mapped (self->graph, self->as_of, keep_entities, keep_relations,
                                   scene ? &entity_map : NULL, scene ? &relation_map : NULL);
  /* The scene is the one the view draws and moves nodes of while the user drags them; of
   * another graph (none yet after an edit), there is nothing to place. */
  if (scene != NULL && self->scene != NULL && self->scene->graph == self->graph)
    *scene = rwb_scene_subset (self->scene, shown, entity_map, relation_map);
  return shown;
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
  g_signal_emit (self, signals[SIGNAL_POSITIONS_CHANGED], 0);
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
      notify_history (self);
      return TRUE;
    }

  {
    Command *command = g_new0 (Command, 1);

    command->kind = COMMAND_MOVE;
    command->before = before;
    command->after = after;
    command->label = g_strdup (label);
    apply_moves (self, after);
    push_command (self, command);
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
  before = positions_table_new ();
  after = positions_table_new ();
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
  before = positions_table_new ();
  after = positions_table_new ();
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
static RwbGraph *
corrected_graph (RwbSession *self, GError **error)
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
      notify_history (self);
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
      push_command (self, command);
    }

  graph = corrected_graph (self, error);
  if (graph == NULL)
    return FALSE;
  edited (self, graph);
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
      notify_history (self);
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
      push_command (self, command);
    }

  graph = corrected_graph (self, error);
  if (graph == NULL)
    return FALSE;
  edited (self, graph);
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

static gboolean
reload_positions (RwbSession *self, GError **error)
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
  g_signal_emit (self, signals[SIGNAL_POSITIONS_CHANGED], 0);
  return TRUE;
}

/* After the project's undo or redo: read again what @entry says it changed. */
static gboolean
project_changed (RwbSession *self, const RwbHistoryEntry *entry, GError **error)
{
  notify_history (self);
  if (entry->changes & RWB_PROJECT_CHANGED_POSITIONS && !reload_positions (self, error))
    return FALSE;
  if (entry->changes & (RWB_PROJECT_CHANGED_ARTICLES | RWB_PROJECT_CHANGED_CORRECTIONS))
    {
      RwbGraph *graph = corrected_graph (self, error);

      if (graph == NULL)
        return FALSE;
      edited (self, graph);
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
  notify_history (self);
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
      edited (self, corrected_graph (self, NULL));
      return TRUE;
    }

  /* Corrections are undone last first: the one undone is the last in force. */
  if (undo)
    rwb_corrections_remove_index (self->corrections, rwb_corrections_len (self->corrections) - 1);
  else
    rwb_corrections_add (self->corrections, rwb_correction_copy (command->correction), 0);
  edited (self, corrected_graph (self, NULL));
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
      show (self, part, NULL);
      return TRUE;
    }

  /* The builder moves what it joins: it works on copies, and the base shown stays whole. */
  base = rwb_graph_copy (self->base);
  copy = rwb_graph_copy (part);
  builder = rwb_graph_builder_new_from (base);
  rwb_graph_builder_add (builder, copy);
  g_clear_pointer (&self->base, rwb_graph_unref);
  self->base = rwb_graph_ref (rwb_graph_builder_get_graph (builder));
  edited (self, corrected_graph (self, NULL));
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

/* --- Project ------------------------------------------------------------------------------- */

gboolean
rwb_session_reload (RwbSession *self, GError **error)
{
  RwbGraph *graph;

  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  if (self->project == NULL)
    return TRUE;
  if (!reload_positions (self, error))
    return FALSE;
  graph = corrected_graph (self, error);
  if (graph == NULL)
    return FALSE;
  if (self->scene == NULL)
    {
      show (self, graph, NULL);
      rwb_graph_unref (graph);
    }
  else
    edited (self, graph);
  return TRUE;
}

gboolean
rwb_session_set_project (RwbSession *self, RwbProject *project, GError **error)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);
  g_return_val_if_fail (project == NULL || RWB_IS_PROJECT (project), FALSE);

  if (project == self->project)
    return TRUE;

  g_set_object (&self->project, project);
  g_clear_pointer (&self->base, rwb_graph_unref);
  if (project == NULL)
    {
      /* In memory from here on: the graph shown is the base of new corrections. */
      if (self->graph != NULL)
        self->base = rwb_graph_ref (self->graph);
      clear_history (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
      return TRUE;
    }

  g_ptr_array_set_size (self->history, 0);
  self->n_done = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  notify_history (self);
  if (!rwb_session_reload (self, error))
    return FALSE;
  {
    g_autofree char *as_of = rwb_project_get_view (project, "as-of");

    set_as_of (self, as_of);
  }
  return TRUE;
}

RwbProject *
rwb_session_save_as (RwbSession *self, const char *path, RwbLexicon *lexicon, GError **error)
{
  g_autoptr (RwbProject) project = NULL;
  g_autoptr (GPtrArray) texts = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GPtrArray) items = NULL;
  RwbGraph *base;

  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);
  g_return_val_if_fail (path != NULL && lexicon != NULL, NULL);

  if (self->project != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This work is in a project already"));
      return NULL;
    }
  base = self->base != NULL ? self->base : self->graph;
  if (base == NULL || base->documents->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("There are no articles to save"));
      return NULL;
    }
  texts = g_ptr_array_new ();
  sources = g_ptr_array_new ();
  for (guint i = 0; i < base->documents->len; i++)
    {
      const RwbDocument *d = g_ptr_array_index (base->documents, i);

      if (d->text == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only articles can be saved as a project; this graph was read "
                                 "from a graph file without their text"));
          return NULL;
        }
      g_ptr_array_add (texts, d->text);
      g_ptr_array_add (sources, d->path);
    }
  g_ptr_array_add (texts, NULL);

  items = rwb_import_texts (lexicon, (const char *const *) texts->pdata,
                            (const char *const *) sources->pdata, 0, NULL, NULL, NULL, NULL,
                            error);
  if (items == NULL)
    return NULL;
  project = rwb_project_create (path, error);
  if (project == NULL || !rwb_project_add_articles (project, items, NULL, error))
    return NULL;
  for (guint i = 0; i < rwb_corrections_len (self->corrections); i++)
    if (rwb_project_correct (project, rwb_corrections_get (self->corrections, i), error) == 0)
      return NULL;
  if (g_hash_table_size (self->positions) > 0
      && !rwb_project_move_nodes (project, self->positions, NULL, error))
    return NULL;
  if (!rwb_session_set_project (self, project, error))
    return NULL;
  return self->project;
}

/* A command on the project's articles: done there, then the corrected graph read back. */
static gboolean
articles_changed (RwbSession *self, gboolean ok, GError **error)
{
  RwbGraph *graph;

  if (!ok)
    return FALSE;
  notify_history (self);
  graph = corrected_graph (self, error);
  if (graph == NULL)
    return FALSE;
  edited (self, graph);
  return TRUE;
}

static gboolean
need_project (RwbSession *self, GError **error)
{
  if (self->project != NULL)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Save the work as a project to remove articles or change their dates"));
  return FALSE;
}

gboolean
rwb_session_remove_articles (RwbSession *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!need_project (self, error))
    return FALSE;
  return articles_changed (self, rwb_project_remove_articles (self->project, ids, n_ids, error),
                           error);
}

gboolean
rwb_session_set_article_date (RwbSession *self, gint64 id, const char *date, GError **error)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  if (!need_project (self, error))
    return FALSE;
  return articles_changed (self, rwb_project_set_article_date (self->project, id, date, error),
                           error);
}

RwbProject *
rwb_session_get_project (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  return self->project;
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
  clear_hidden (self);
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

  properties[PROP_HAS_SCENE] =
    g_param_spec_boolean ("has-scene", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending-graph", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_MENTIONS] =
    g_param_spec_boolean ("show-mentions", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDDEN_ENTITY_TYPES] =
    g_param_spec_uint ("hidden-entity-types", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDDEN_RELATION_TYPES] =
    g_param_spec_uint ("hidden-relation-types", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_CONFIDENCE] =
    g_param_spec_double ("min-confidence", NULL, NULL, 0, 1, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, RWB_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RwbSession::graph-changed:
   *
   * Another graph is shown (its indices are not the old ones).
   */
  signals[SIGNAL_GRAPH_CHANGED] =
    g_signal_new ("graph-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RwbSession::scene-changed:
   *
   * Another scene is shown (a layout, or none), after ::graph-changed when the graph changed.
   */
  signals[SIGNAL_SCENE_CHANGED] =
    g_signal_new ("scene-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RwbSession::selection-changed:
   *
   * The selected entities or relation changed.
   */
  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RwbSession::filter-changed:
   *
   * What rwb_session_set_hidden() hides changed.
   */
  signals[SIGNAL_FILTER_CHANGED] =
    g_signal_new ("filter-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RwbSession::positions-changed:
   *
   * The positions the user moved entities to changed (a move, its undo, a reset).
   */
  signals[SIGNAL_POSITIONS_CHANGED] =
    g_signal_new ("positions-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RwbSession::reveal-entity:
   * @entity: the entity index
   *
   * A panel asks the views to bring @entity into sight.
   */
  signals[SIGNAL_REVEAL_ENTITY] =
    g_signal_new ("reveal-entity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * RwbSession::history-changed:
   *
   * A command was done, undone or redone, or the history was replaced (another graph, another
   * project): the corrections in force and the undo labels may have changed.
   */
  signals[SIGNAL_HISTORY_CHANGED] =
    g_signal_new ("history-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rwb_session_init (RwbSession *self)
{
  self->selected_entities = g_array_new (FALSE, FALSE, sizeof (guint));
  self->selected_relation = -1;
  self->positions = positions_table_new ();
  self->corrections = rwb_corrections_new ();
  self->history = g_ptr_array_new_with_free_func (command_free);
}

RwbSession *
rwb_session_new (void)
{
  return g_object_new (RWB_TYPE_SESSION, NULL);
}
