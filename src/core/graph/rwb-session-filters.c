/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-session-filters.c — what the session shows of its graph: hidden entities and relations,
 * hidden types, the lowest confidence shown, co-occurrences, and the timeline's date (what is
 * known by then).
 */
#define G_LOG_DOMAIN "rawabit-session"

#include "rwb-config.h"

#include <glib/gi18n.h>

#include "rwb-timeline.h"

#include "rwb-session-private.h"

/* --- Filters ------------------------------------------------------------------------------- */

/* Drops what the filters hide from the selection; TRUE if that changed it. */
static gboolean
prune_selection (RwbSession *self)
{
  gboolean changed = FALSE;

  for (guint k = self->selected_entities->len; k-- > 0;)
    if (!rwb_session_entity_visible (self, g_array_index (self->selected_entities, guint, k)))
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
  rwb_session_clear_hidden (self);
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

  g_signal_emit (self, rwb_session_signals[SIGNAL_FILTER_CHANGED], 0);
  if (prune_selection (self))
    g_signal_emit (self, rwb_session_signals[SIGNAL_SELECTION_CHANGED], 0);
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
  g_object_notify_by_pspec (G_OBJECT (self), rwb_session_properties[PROP_SHOW_MENTIONS]);
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
  g_object_notify_by_pspec (G_OBJECT (self), rwb_session_properties[PROP_HIDDEN_ENTITY_TYPES]);
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
  g_object_notify_by_pspec (G_OBJECT (self), rwb_session_properties[PROP_HIDDEN_RELATION_TYPES]);
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
  g_object_notify_by_pspec (G_OBJECT (self), rwb_session_properties[PROP_MIN_CONFIDENCE]);
}

/* --- Timeline ------------------------------------------------------------------------------ */

const char *
rwb_session_get_as_of (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  return self->as_of;
}

/* Sets the date without writing it to the project (which is where it may come from). */
gboolean
rwb_session_update_as_of (RwbSession *self, const char *date)
{
  if (g_strcmp0 (date, self->as_of) == 0)
    return FALSE;
  g_free (self->as_of);
  self->as_of = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), rwb_session_properties[PROP_AS_OF]);
  g_signal_emit (self, rwb_session_signals[SIGNAL_FILTER_CHANGED], 0);
  if (prune_selection (self))
    g_signal_emit (self, rwb_session_signals[SIGNAL_SELECTION_CHANGED], 0);
  return TRUE;
}

void
rwb_session_set_as_of (RwbSession *self, const char *date)
{
  g_return_if_fail (RWB_IS_SESSION (self));

  if (date != NULL && *date == '\0')
    date = NULL;
  if (!rwb_session_update_as_of (self, date) || self->project == NULL
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
