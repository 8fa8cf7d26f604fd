/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-view-analysis.c — what the analyses show on the graph view: a highlighted path
 * (the rest dimmed), nodes coloured by community, nodes sized by centrality.
 *
 * The analyses name entities and relations of a graph; the view keeps their arrays with that
 * graph and maps them to the nodes of whatever scene of it is shown (a focused scene has only
 * some of them). A scene of another graph drops them.
 */
#define G_LOG_DOMAIN "rawabit-graph-view"

#include "rwb-config.h"

#include <string.h>

#include "rwb-graph-view-private.h"

static gboolean
current (RwbGraphView *self)
{
  return self->scene != NULL && self->analysis_graph != NULL
         && self->scene->graph == self->analysis_graph;
}

static void
drop_node_arrays (RwbGraphView *self)
{
  g_clear_pointer (&self->node_colors, g_free);
  g_clear_pointer (&self->node_sizes, g_free);
  g_clear_pointer (&self->node_priority, g_free);
  self->analysis_scene = NULL;
}

void
rwb_graph_view_clear_analysis (RwbGraphView *self)
{
  drop_node_arrays (self);
  g_clear_pointer (&self->highlight_entities, g_free);
  g_clear_pointer (&self->highlight_relations, g_free);
  g_clear_pointer (&self->entity_colors, g_free);
  g_clear_pointer (&self->entity_sizes, g_free);
  g_clear_pointer (&self->analysis_graph, rwb_graph_unref);
}

/* Arrays set for @graph: another graph than the one they are kept for drops the others. */
static void
use_graph (RwbGraphView *self, RwbGraph *graph)
{
  if (graph != self->analysis_graph)
    {
      rwb_graph_view_clear_analysis (self);
      self->analysis_graph = graph != NULL ? rwb_graph_ref (graph) : NULL;
    }
  drop_node_arrays (self);
}

static void
changed (RwbGraphView *self)
{
  rwb_graph_view_update_states (self);
  rwb_graph_view_invalidate (self);
}

void
rwb_graph_view_set_highlight (RwbGraphView *self, RwbGraph *graph, const guint8 *entities,
                              const guint8 *relations)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));
  g_return_if_fail (graph != NULL);

  use_graph (self, graph);
  g_clear_pointer (&self->highlight_entities, g_free);
  g_clear_pointer (&self->highlight_relations, g_free);
  if (entities != NULL || relations != NULL)
    {
      self->highlight_entities = g_malloc0 (MAX (graph->entities->len, 1));
      self->highlight_relations = g_malloc0 (MAX (graph->relations->len, 1));
      if (entities != NULL)
        memcpy (self->highlight_entities, entities, graph->entities->len);
      if (relations != NULL)
        memcpy (self->highlight_relations, relations, graph->relations->len);
    }
  changed (self);
}

gboolean
rwb_graph_view_has_highlight (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), FALSE);

  return current (self) && self->highlight_entities != NULL;
}

void
rwb_graph_view_set_entity_colors (RwbGraphView *self, RwbGraph *graph, const guint32 *colors)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));
  g_return_if_fail (graph != NULL);

  use_graph (self, graph);
  g_clear_pointer (&self->entity_colors, g_free);
  if (colors != NULL)
    self->entity_colors = g_memdup2 (colors, sizeof (guint32) * MAX (graph->entities->len, 1));
  changed (self);
}

void
rwb_graph_view_set_entity_sizes (RwbGraphView *self, RwbGraph *graph, const double *sizes)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));
  g_return_if_fail (graph != NULL);

  use_graph (self, graph);
  g_clear_pointer (&self->entity_sizes, g_free);
  if (sizes != NULL)
    self->entity_sizes = g_memdup2 (sizes, sizeof (double) * MAX (graph->entities->len, 1));
  changed (self);
}

void
rwb_graph_view_apply_highlight (RwbGraphView *self)
{
  const RwbScene *scene = self->scene;

  if (!current (self) || self->highlight_entities == NULL)
    return;
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      guint entity = g_array_index (scene->nodes, RwbSceneNode, i).entity;

      if (self->node_state[i] & RWB_DRAW_HIDDEN)
        continue;
      if (entity < scene->graph->entities->len && self->highlight_entities[entity])
        self->node_state[i] = (self->node_state[i] & ~RWB_DRAW_DIMMED) | RWB_DRAW_EMPHASIS;
      else if (!(self->node_state[i] & PROMINENT))
        self->node_state[i] |= RWB_DRAW_DIMMED;
    }
  for (guint i = 0; i < scene->edges->len; i++)
    {
      guint relation = g_array_index (scene->edges, RwbSceneEdge, i).relation;

      if (self->edge_state[i] & RWB_DRAW_HIDDEN)
        continue;
      if (relation < scene->graph->relations->len && self->highlight_relations[relation])
        self->edge_state[i] = (self->edge_state[i] & ~RWB_DRAW_DIMMED) | RWB_DRAW_SELECTED;
      else if (!(self->edge_state[i] & PROMINENT))
        self->edge_state[i] |= RWB_DRAW_DIMMED;
    }
}

void
rwb_graph_view_analysis_style (RwbGraphView *self, RwbStyle *style)
{
  const RwbScene *scene = self->scene;
  guint nn;

  if (!current (self) || (self->entity_colors == NULL && self->entity_sizes == NULL))
    return;
  nn = scene->nodes->len;
  if (self->analysis_scene != scene)
    {
      drop_node_arrays (self);
      self->analysis_scene = scene;
      if (self->entity_colors != NULL)
        {
          self->node_colors = g_new0 (guint32, MAX (nn, 1));
          for (guint i = 0; i < nn; i++)
            {
              guint entity = g_array_index (scene->nodes, RwbSceneNode, i).entity;

              if (entity < scene->graph->entities->len)
                self->node_colors[i] = self->entity_colors[entity];
            }
        }
      if (self->entity_sizes != NULL)
        {
          self->node_sizes = g_new (double, MAX (nn, 1));
          self->node_priority = g_new (double, MAX (nn, 1));
          for (guint i = 0; i < nn; i++)
            {
              guint entity = g_array_index (scene->nodes, RwbSceneNode, i).entity;

              self->node_sizes[i] = entity < scene->graph->entities->len
                                      ? CLAMP (self->entity_sizes[entity], 1.0, 2.0) : 1.0;
              self->node_priority[i] = self->node_sizes[i];
            }
        }
    }
  style->node_color = self->node_colors;
  style->node_scale = self->node_sizes;
  style->node_priority = self->node_priority;
}

void
rwb_graph_view_analysis_scene_changed (RwbGraphView *self)
{
  drop_node_arrays (self);
  if (self->scene == NULL || self->scene->graph != self->analysis_graph)
    rwb_graph_view_clear_analysis (self);
}
