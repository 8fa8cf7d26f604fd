/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-view-states.c — the draw state of every scene node and edge, made from the
 * session's filters and selection, the hover, the drag and an analysis highlight: the whole
 * picture (node_state), the tiled base and the per-frame overlay; and which tiles a change of
 * the base redraws. */
#define G_LOG_DOMAIN "rawabit-graph-view"

#include "rwb-config.h"

#include <string.h>

#include "rwb-graph-view-private.h"

gboolean
rwb_graph_view_entity_filtered (RwbGraphView *self, guint entity)
{
  return rwb_session_entity_hidden (self->session, entity);
}

gboolean
rwb_graph_view_is_selected_entity (RwbGraphView *self, guint entity)
{
  return rwb_session_is_entity_selected (self->session, entity);
}

/* Items of the base that changed from @old to @now; redraws the tiles under them. */
static void
invalidate_changed (RwbGraphView *self, const guint8 *old_nodes, const guint8 *old_edges)
{
  guint nn = self->scene->nodes->len, ne = self->scene->edges->len;
  g_autoptr (GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < nn && changed->len <= MAX_PARTIAL_ITEMS; i++)
    if (old_nodes[i] != self->base_node_state[i])
      {
        guint item = i << 1;
        g_array_append_val (changed, item);
      }
  for (guint i = 0; i < ne && changed->len <= MAX_PARTIAL_ITEMS; i++)
    if (old_edges[i] != self->base_edge_state[i])
      {
        guint item = i << 1 | 1;
        g_array_append_val (changed, item);
      }

  if (changed->len > MAX_PARTIAL_ITEMS)
    {
      rwb_graph_view_drop_tiles (self);
      return;
    }
  for (guint k = 0; k < changed->len; k++)
    {
      guint item = g_array_index (changed, guint, k);
      RwbRect rect;

      rwb_graph_view_item_rect (self, item & 1, item >> 1, &rect);
      rwb_graph_view_invalidate_rect (self, &rect);
    }
}

/* Recomputes every draw state from filters, selection, hover and drag; redraws the tiles whose
 * base changed and queues a frame. Cheap (a few passes over bytes) next to drawing. */
void
rwb_graph_view_update_states (RwbGraphView *self)
{
  const RwbScene *scene = self->scene;
  g_autofree guint8 *old_nodes = NULL;
  g_autofree guint8 *old_edges = NULL;
  guint nn, ne, n_adj;
  const guint *adj;
  guint entity_mask = 0, relation_mask = 0;
  g_autoptr (GArray) selected = NULL;
  gint selected_relation;
  gboolean show_mentions;

  if (scene == NULL)
    return;

  selected = rwb_session_get_selected_entities (self->session);
  selected_relation = rwb_session_get_selected_relation (self->session);
  show_mentions = rwb_session_get_show_mentions (self->session);

  nn = scene->nodes->len;
  ne = scene->edges->len;
  old_nodes = g_steal_pointer (&self->base_node_state);
  old_edges = g_steal_pointer (&self->base_edge_state);
  self->base_node_state = g_malloc0 (MAX (nn, 1));
  self->base_edge_state = g_malloc0 (MAX (ne, 1));
  memset (self->node_state, 0, MAX (nn, 1));
  memset (self->edge_state, 0, MAX (ne, 1));

  /* Filters, and mention edges when they are not shown. */
  for (guint i = 0; i < nn; i++)
    {
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);

      if (rwb_graph_view_entity_filtered (self, n->entity))
        self->node_state[i] = RWB_DRAW_HIDDEN;
      else
        entity_mask |= 1u << ((const RwbEntity *) g_ptr_array_index (scene->graph->entities,
                                                                       n->entity))->type;
    }
  for (guint i = 0; i < ne; i++)
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      const RwbRelation *r = g_ptr_array_index (scene->graph->relations, e->relation);

      if (rwb_session_relation_hidden (self->session, e->relation)
          || (r->type == RWB_RELATION_MENTION && !show_mentions)
          || self->node_state[e->from] & RWB_DRAW_HIDDEN
          || self->node_state[e->to] & RWB_DRAW_HIDDEN)
        self->edge_state[i] = RWB_DRAW_HIDDEN;
      else
        relation_mask |= 1u << r->type;
    }
  /* A path shown: it stands out and the rest is dimmed, in the base too. */
  rwb_graph_view_apply_highlight (self);
  memcpy (self->base_node_state, self->node_state, MAX (nn, 1));
  memcpy (self->base_edge_state, self->edge_state, MAX (ne, 1));

  /* A node being dragged, with its edges, leaves the base for the overlay. */
  if (self->drag_node >= 0 && self->dragging)
    {
      self->base_node_state[self->drag_node] |= RWB_DRAW_HIDDEN;
      adj = rwb_scene_node_edges (scene, self->drag_node, &n_adj);
      for (guint k = 0; k < n_adj; k++)
        self->base_edge_state[adj[k]] |= RWB_DRAW_HIDDEN;
    }

  /* Hover on a node: it, its neighbours and the edges to them stand out; the rest fades. */
  if (self->hover_node >= 0 && !rwb_graph_view_node_hidden (self, self->hover_node))
    {
      for (guint i = 0; i < nn; i++)
        if (!(self->node_state[i] & RWB_DRAW_HIDDEN))
          self->node_state[i] |= RWB_DRAW_DIMMED;
      for (guint i = 0; i < ne; i++)
        if (!(self->edge_state[i] & RWB_DRAW_HIDDEN))
          self->edge_state[i] |= RWB_DRAW_DIMMED;

      self->node_state[self->hover_node] = RWB_DRAW_HOVER;
      adj = rwb_scene_node_edges (scene, self->hover_node, &n_adj);
      for (guint k = 0; k < n_adj; k++)
        {
          const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, adj[k]);
          guint other = e->from == (guint) self->hover_node ? e->to : e->from;

          if (self->edge_state[adj[k]] & RWB_DRAW_HIDDEN)
            continue;
          self->edge_state[adj[k]] = RWB_DRAW_EMPHASIS;
          if (other != (guint) self->hover_node)
            self->node_state[other] = RWB_DRAW_EMPHASIS;
        }
    }
  else if (self->hover_edge >= 0 && !rwb_graph_view_edge_hidden (self, self->hover_edge))
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, self->hover_edge);

      self->edge_state[self->hover_edge] |= RWB_DRAW_HOVER;
      self->node_state[e->from] |= RWB_DRAW_EMPHASIS;
      self->node_state[e->to] |= RWB_DRAW_EMPHASIS;
    }

  for (guint k = 0; k < selected->len; k++)
    {
      guint entity = g_array_index (selected, guint, k);

      if (entity < self->n_entities && self->entity_node[entity] >= 0)
        self->node_state[self->entity_node[entity]] |= RWB_DRAW_SELECTED;
    }
  if (selected_relation >= 0 && (guint) selected_relation < self->n_relations
      && self->relation_edge[selected_relation] >= 0)
    self->edge_state[self->relation_edge[selected_relation]] |= RWB_DRAW_SELECTED;

  /* The overlay: what stands out, and what is being dragged. */
  self->has_overlay = FALSE;
  for (guint i = 0; i < nn; i++)
    {
      gboolean over = (self->node_state[i] & PROMINENT) || (self->base_node_state[i]
                                                            & ~self->node_state[i]
                                                            & RWB_DRAW_HIDDEN);

      self->overlay_node_state[i] = over ? self->node_state[i] : RWB_DRAW_HIDDEN;
      self->has_overlay |= over;
    }
  for (guint i = 0; i < ne; i++)
    {
      gboolean over = (self->edge_state[i] & PROMINENT) || (self->base_edge_state[i]
                                                            & ~self->edge_state[i]
                                                            & RWB_DRAW_HIDDEN);

      self->overlay_edge_state[i] = over ? self->edge_state[i] : RWB_DRAW_HIDDEN;
      self->has_overlay |= over;
    }
  self->veil = self->hover_node >= 0 && !rwb_graph_view_node_hidden (self, self->hover_node);
  self->legend_dirty = TRUE;

  if (entity_mask != self->entity_type_mask || relation_mask != self->relation_type_mask)
    {
      self->entity_type_mask = entity_mask;
      self->relation_type_mask = relation_mask;
      g_clear_pointer (&self->legend, rwb_graph_view_tile_free);
    }

  if (old_nodes != NULL && old_edges != NULL)
    invalidate_changed (self, old_nodes, old_edges);
  else
    rwb_graph_view_drop_tiles (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rwb_graph_view_set_hover (RwbGraphView *self, gint node, gint edge)
{
  if (node == self->hover_node && edge == self->hover_edge)
    return;

  self->hover_node = node;
  self->hover_edge = edge;
  rwb_graph_view_update_states (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

const guint8 *
rwb_graph_view_get_node_states (RwbGraphView *self, guint *n_nodes)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), NULL);

  *n_nodes = self->scene ? self->scene->nodes->len : 0;
  return self->node_state;
}

const guint8 *
rwb_graph_view_get_edge_states (RwbGraphView *self, guint *n_edges)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), NULL);

  *n_edges = self->scene ? self->scene->edges->len : 0;
  return self->edge_state;
}
