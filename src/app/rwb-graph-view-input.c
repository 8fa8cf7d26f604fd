/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-view-input.c — the graph view's pointer input: hit testing, clicks, panning and
 * moving nodes with one drag gesture, scrolling, pinch zoom and tooltips. The gesture handlers
 * only forward to the entry points in rwb-graph-view-private.h, which the tests call.
 */
#define G_LOG_DOMAIN "rawabit-graph-view"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rwb-graph-view-private.h"
#include "rwb-labels.h"
#include "rwb-provenance.h"
#include "rwb-render.h"
#include "rwb-labels.h"


/* --- Hit testing --------------------------------------------------------------------------- */

gboolean
rwb_graph_view_node_hidden (RwbGraphView *self, guint node)
{
  return self->node_state != NULL && self->node_state[node] & RWB_DRAW_HIDDEN;
}

gboolean
rwb_graph_view_edge_hidden (RwbGraphView *self, guint edge)
{
  return self->edge_state != NULL && self->edge_state[edge] & RWB_DRAW_HIDDEN;
}

/* The topmost visible node under widget point (x, y), or -1. */
gint
rwb_graph_view_node_at (RwbGraphView *self, double x, double y)
{
  g_autoptr (GArray) hits = NULL;
  RwbRect point;

  if (self->scene == NULL)
    return -1;

  rwb_graph_view_widget_to_scene (self, x, y, &point.x, &point.y);
  point.width = point.height = 0;
  hits = g_array_new (FALSE, FALSE, sizeof (guint));
  rwb_scene_query_rect (self->scene, &point, hits, NULL);
  for (guint k = hits->len; k-- > 0;)
    if (!rwb_graph_view_node_hidden (self, g_array_index (hits, guint, k)))
      return g_array_index (hits, guint, k);
  return -1;
}

/* The visible edge whose curve passes within EDGE_HIT_PX of widget point (x, y), or -1. */
gint
rwb_graph_view_edge_at (RwbGraphView *self, double x, double y)
{
  g_autoptr (GArray) hits = NULL;
  double tolerance, best = G_MAXDOUBLE;
  gint found = -1;
  RwbRect area;

  if (self->scene == NULL)
    return -1;

  tolerance = EDGE_HIT_PX / self->viewport.scale;
  rwb_graph_view_widget_to_scene (self, x, y, &area.x, &area.y);
  area.x -= tolerance;
  area.y -= tolerance;
  area.width = area.height = 2 * tolerance;
  hits = g_array_new (FALSE, FALSE, sizeof (guint));
  rwb_scene_query_rect (self->scene, &area, NULL, hits);
  for (guint k = 0; k < hits->len; k++)
    {
      guint i = g_array_index (hits, guint, k);
      double d;

      if (rwb_graph_view_edge_hidden (self, i))
        continue;
      d = rwb_scene_edge_distance (self->scene, i, area.x + tolerance, area.y + tolerance);
      if (d < tolerance && d <= best)
        {
          best = d;
          found = i;
        }
    }
  return found;
}

/* --- Moving nodes -------------------------------------------------------------------------- */

void
rwb_graph_view_save_edge (RwbGraphView *self, guint edge)
{
  const RwbSceneEdge *e = &g_array_index (self->scene->edges, RwbSceneEdge, edge);
  SavedEdge *saved;

  if (g_hash_table_contains (self->saved_edges, GUINT_TO_POINTER (edge)) || e->points == NULL)
    return;

  saved = g_new0 (SavedEdge, 1);
  saved->points = g_array_copy (e->points);
  saved->has_head = e->has_head;
  saved->head = e->head;
  saved->label_x = e->label_x;
  saved->label_y = e->label_y;
  g_hash_table_insert (self->saved_edges, GUINT_TO_POINTER (edge), saved);
}

/* Moves scene node @node while it is dragged; the release records where it went. */
static void
move_node (RwbGraphView *self, guint node, double x, double y)
{
  guint n_adj;
  const guint *adj = rwb_scene_node_edges (self->scene, node, &n_adj);

  for (guint k = 0; k < n_adj; k++)
    rwb_graph_view_save_edge (self, adj[k]);
  rwb_scene_move_node (self->scene, node, x, y);
}

/* --- Input --------------------------------------------------------------------------------- */

static void
click (RwbGraphView *self, double x, double y, GdkModifierType state)
{
  gboolean toggle = (state & GDK_CONTROL_MASK) != 0;
  gint node = rwb_graph_view_node_at (self, x, y);
  gint edge = node < 0 ? rwb_graph_view_edge_at (self, x, y) : -1;

  if (node >= 0)
    {
      guint entity = g_array_index (self->scene->nodes, RwbSceneNode, node).entity;

      if (toggle && rwb_graph_view_is_selected_entity (self, entity))
        {
          rwb_session_unselect_entity (self->session, entity);
        }
      else
        rwb_graph_view_select_entity (self, entity, toggle);
    }
  else if (edge >= 0)
    rwb_graph_view_select_relation (self,
                                    g_array_index (self->scene->edges, RwbSceneEdge, edge).relation);
  else if (!toggle)
    rwb_graph_view_select_entity (self, -1, FALSE);
}

void
rwb_graph_view_pointer_motion (RwbGraphView *self, double x, double y)
{
  gint node, edge = -1;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  self->pointer_x = x;
  self->pointer_y = y;
  /* While a button is down the picture follows the drag; hover waits for the release. */
  if (self->press != PRESS_NONE || self->scene == NULL)
    return;
  /* What the legend covers is out of reach. */
  if (rwb_graph_view_legend_at (self, x, y, NULL))
    {
      rwb_graph_view_set_hover (self, -1, -1);
      return;
    }

  node = rwb_graph_view_node_at (self, x, y);
  if (node < 0)
    edge = rwb_graph_view_edge_at (self, x, y);
  rwb_graph_view_set_hover (self, node, edge);
}

void
rwb_graph_view_pointer_leave (RwbGraphView *self)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  self->pointer_x = -1;
  self->pointer_y = -1;
  if (self->press == PRESS_NONE)
    rwb_graph_view_set_hover (self, -1, -1);
}

void
rwb_graph_view_press (RwbGraphView *self, double x, double y, GdkModifierType state)
{
  gint node;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  if (self->scene == NULL)
    return;

  self->press_x = x;
  self->press_y = y;
  self->press_state = state;
  self->dragging = FALSE;
  self->pointer_x = x;
  self->pointer_y = y;

  /* On the legend a press neither drags what is under it nor clears the selection; on its
   * chip, the release folds or unfolds it. */
  if (rwb_graph_view_legend_at (self, x, y, &self->press_on_chip))
    {
      self->press = PRESS_LEGEND;
      return;
    }

  node = rwb_graph_view_node_at (self, x, y);
  if (node >= 0 && !(state & GDK_CONTROL_MASK))
    {
      const RwbSceneNode *n = &g_array_index (self->scene->nodes, RwbSceneNode, node);

      self->press = PRESS_NODE;
      self->drag_node = node;
      self->node_start_x = n->x;
      self->node_start_y = n->y;
    }
  else
    {
      self->press = PRESS_PAN;
      self->drag_origin_x = self->viewport.origin_x;
      self->drag_origin_y = self->viewport.origin_y;
    }
}

void
rwb_graph_view_drag_to (RwbGraphView *self, double offset_x, double offset_y)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  if (self->press == PRESS_NONE || self->scene == NULL)
    return;

  self->pointer_x = self->press_x + offset_x;
  self->pointer_y = self->press_y + offset_y;
  if (self->press == PRESS_LEGEND)
    return;
  if (!self->dragging)
    {
      /* Below the threshold a press is still a click; a shaky hand must not move the node. */
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) offset_x, (int) offset_y))
        return;
      self->dragging = TRUE;
      if (self->press == PRESS_NODE)
        rwb_graph_view_update_states (self); /* the node leaves the tiles for the overlay */
    }

  if (self->press == PRESS_NODE)
    {
      move_node (self, self->drag_node,
                 self->node_start_x + offset_x / self->viewport.scale,
                 self->node_start_y + offset_y / self->viewport.scale);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    {
      self->viewport.origin_x = self->drag_origin_x - offset_x / self->viewport.scale;
      self->viewport.origin_y = self->drag_origin_y - offset_y / self->viewport.scale;
      self->user_viewport = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
rwb_graph_view_release (RwbGraphView *self, double offset_x, double offset_y)
{
  PressKind press;
  gboolean dragging;
  gint drag_node;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  if (self->press == PRESS_NONE || self->scene == NULL)
    return;

  rwb_graph_view_drag_to (self, offset_x, offset_y);
  if (self->press == PRESS_LEGEND)
    {
      gboolean on_chip;

      self->press = PRESS_NONE;
      /* A click is a press and a release on the chip. */
      if (self->press_on_chip
          && rwb_graph_view_legend_at (self, self->pointer_x, self->pointer_y, &on_chip)
          && on_chip)
        rwb_graph_view_toggle_legend (self);
      return;
    }
  press = self->press;
  dragging = self->dragging;
  drag_node = self->drag_node;
  self->press = PRESS_NONE;
  self->dragging = FALSE;
  self->drag_node = -1;

  if (!dragging)
    click (self, self->press_x, self->press_y, self->press_state);
  else if (press == PRESS_NODE)
    {
      const RwbSceneNode *n = &g_array_index (self->scene->nodes, RwbSceneNode, drag_node);
      g_autoptr (GError) error = NULL;

      /* Back into the tiles, at its new place, and a "Move" in the session's history. */
      rwb_scene_update_bounds (self->scene);
      rwb_graph_view_update_states (self);
      self->recording_move = TRUE;
      if (!rwb_session_move_entity (self->session, n->entity, n->x, n->y, &error))
        g_warning ("Could not record the move: %s", error->message);
      self->recording_move = FALSE;
    }
  rwb_graph_view_pointer_motion (self, self->pointer_x, self->pointer_y);
}

gboolean
rwb_graph_view_scroll (RwbGraphView *self, double dx, double dy, GdkScrollUnit unit,
                       GdkModifierType state)
{
  double x, y;

  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), FALSE);

  if (self->scene == NULL)
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    {
      if (dy == 0)
        return FALSE;
      rwb_graph_view_zoom_anchor (self, &x, &y);
      /* A wheel click is one zoom step; a touchpad's pixels zoom proportionally. */
      rwb_graph_view_set_scale_at (self, self->viewport.scale
                            * (unit == GDK_SCROLL_UNIT_WHEEL ? pow (ZOOM_STEP, -dy)
                                                             : exp (-dy * 0.01)),
                    x, y);
      return TRUE;
    }

  /* Shift turns a plain wheel sideways, for mice without a horizontal wheel. */
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  if (unit == GDK_SCROLL_UNIT_WHEEL)
    {
      dx *= SCROLL_STEP;
      dy *= SCROLL_STEP;
    }
  rwb_graph_view_pan_by (self, dx, dy);
  return TRUE;
}

void
rwb_graph_view_pinch_begin (RwbGraphView *self, double x, double y)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  self->pinch_scale = self->viewport.scale;
  rwb_graph_view_widget_to_scene (self, x, y, &self->pinch_anchor_x, &self->pinch_anchor_y);
}

void
rwb_graph_view_pinch (RwbGraphView *self, double scale, double x, double y)
{
  double new_scale;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  if (self->scene == NULL || !(scale > 0) || self->pinch_scale <= 0)
    return;

  /* The point that was between the fingers stays between them, wherever they go. */
  new_scale = CLAMP (self->pinch_scale * scale, rwb_graph_view_min_scale (self), MAX_SCALE);
  self->viewport.scale = new_scale;
  self->viewport.origin_x = self->pinch_anchor_x - x / new_scale;
  self->viewport.origin_y = self->pinch_anchor_y - y / new_scale;
  self->user_viewport = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller, double x, double y, RwbGraphView *self)
{
  rwb_graph_view_pointer_motion (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller, RwbGraphView *self)
{
  rwb_graph_view_pointer_leave (self);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, RwbGraphView *self)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  return rwb_graph_view_scroll (self, dx, dy, gtk_event_controller_scroll_get_unit (controller),
                                state);
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, RwbGraphView *self)
{
  if (self->scene == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  rwb_graph_view_press (self, x, y,
                        gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)));
}

static void
on_drag_update (GtkGestureDrag *gesture, double offset_x, double offset_y, RwbGraphView *self)
{
  rwb_graph_view_drag_to (self, offset_x, offset_y);
}

static void
on_drag_end (GtkGestureDrag *gesture, double offset_x, double offset_y, RwbGraphView *self)
{
  rwb_graph_view_release (self, offset_x, offset_y);
}

static void
on_zoom_begin (GtkGesture *gesture, GdkEventSequence *sequence, RwbGraphView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    return;
  /* Two fingers mean zoom: whatever the first finger started is not a drag any more. */
  self->press = PRESS_NONE;
  self->dragging = FALSE;
  self->drag_node = -1;
  rwb_graph_view_pinch_begin (self, x, y);
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture, double scale, RwbGraphView *self)
{
  double x, y;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    rwb_graph_view_pinch (self, scale, x, y);
}

gboolean
rwb_graph_view_item_at (RwbGraphView *self, double x, double y, gint *entity, gint *relation)
{
  gint node, edge = -1;

  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), FALSE);

  *entity = *relation = -1;
  if (self->scene == NULL || rwb_graph_view_legend_at (self, x, y, NULL))
    return FALSE;
  node = rwb_graph_view_node_at (self, x, y);
  if (node < 0)
    edge = rwb_graph_view_edge_at (self, x, y);
  if (node >= 0)
    *entity = g_array_index (self->scene->nodes, RwbSceneNode, node).entity;
  else if (edge >= 0)
    *relation = g_array_index (self->scene->edges, RwbSceneEdge, edge).relation;
  return node >= 0 || edge >= 0;
}

/* --- Tooltip ------------------------------------------------------------------------------- */

char *
rwb_graph_view_tooltip_text_at (RwbGraphView *self, double x, double y)
{
  RwbGraph *graph;
  gint node, edge;

  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), NULL);

  if (self->scene == NULL)
    return NULL;

  if (rwb_graph_view_legend_at (self, x, y, NULL))
    return NULL;
  graph = self->scene->graph;
  node = rwb_graph_view_node_at (self, x, y);
  if (node >= 0)
    {
      guint index = g_array_index (self->scene->nodes, RwbSceneNode, node).entity;
      const RwbEntity *entity = g_ptr_array_index (graph->entities, index);
      guint degree = rwb_graph_entity_degree (graph, index, FALSE);
      g_autofree char *shown = rwb_display_name (entity->name, RWB_DISPLAY_NAME_MAX);
      GString *text = g_string_new (shown);
      g_autofree char *relations = NULL;
      gboolean first = TRUE;

      g_autoptr (GArray) documents = rwb_graph_entity_documents (graph, index);
      g_autofree char *articles = NULL;

      relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations",
                                                degree),
                                   degree);
      articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                               documents->len),
                                  documents->len);
      /* Translators: second line of a node's tooltip: "company · 3 relations · 2 articles". */
      g_string_append_printf (text, _("\n%s · %s · %s"), rwb_entity_type_short_label (entity->type),
                              relations, articles);
      for (guint i = 0; entity->aliases != NULL && i < entity->aliases->len; i++)
        {
          const char *alias = g_ptr_array_index (entity->aliases, i);
          g_autofree char *isolated = NULL;

          if (g_strcmp0 (alias, entity->name) == 0)
            continue;
          /* Translators: separates an entity's other names in its tooltip. */
          g_string_append (text, first ? "\n" : _(", "));
          /* Each name isolated (FSI … PDI): Latin and Arabic names in one line keep their
           * order, and the commas stay between them. */
          g_autofree char *alias_shown = rwb_display_name (alias, RWB_DISPLAY_NAME_MAX);
          isolated = rwb_bidi_isolate (alias_shown);
          g_string_append (text, isolated);
          first = FALSE;
        }
      {
        /* Every line in the window's direction (rwb_ui_line marks each one). */
        g_autofree char *lines = g_string_free (text, FALSE);
        return rwb_ui_line (lines);
      }
    }

  edge = rwb_graph_view_edge_at (self, x, y);
  if (edge >= 0)
    {
      const RwbSceneEdge *e = &g_array_index (self->scene->edges, RwbSceneEdge, edge);
      const RwbRelation *r = g_ptr_array_index (graph->relations, e->relation);
      const RwbEntity *source = g_ptr_array_index (graph->entities, r->source);
      const RwbEntity *target = g_ptr_array_index (graph->entities, r->target);
      guint n_evidence = r->evidence ? r->evidence->len : 0;
      g_autoptr (GArray) documents = rwb_graph_relation_documents (graph, e->relation);
      g_autofree char *sentences = NULL;
      g_autofree char *articles = NULL;
      g_autofree char *evidence = NULL;
      g_autofree char *source_name = rwb_display_name (source->name, RWB_DISPLAY_NAME_MAX);
      g_autofree char *target_name = rwb_display_name (target->name, RWB_DISPLAY_NAME_MAX);

      sentences = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sentence of evidence",
                                                "%u sentences of evidence", n_evidence),
                                   n_evidence);
      articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                               documents->len),
                                  documents->len);
      /* Translators: a relation's provenance in its tooltip: "2 sentences of evidence · 1
       * article". */
      evidence = g_strdup_printf (_("%s · %s"), sentences, articles);
      /* The names are isolated (FSI … PDI) in a left-to-right line, so "A → B" keeps its order
       * and the arrow its meaning when the names are Arabic. */
      g_autofree char *a = rwb_bidi_isolate (source_name);
      g_autofree char *b = rwb_bidi_isolate (target_name);
      g_autofree char *kind = rwb_ui_line (rwb_relation_type_short_label (r->type));
      g_autofree char *ev = rwb_ui_line (evidence);

      return g_strdup_printf ("%s\n" RWB_BIDI_LRM "%s %s %s\n%s", kind, a,
                              r->directed ? "→" : "—", b, ev);
    }

  return NULL;
}

gboolean
rwb_graph_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard_mode)
    return FALSE;

  text = rwb_graph_view_tooltip_text_at (RWB_GRAPH_VIEW (widget), x, y);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}


/* Adds the view's event controllers; called once from rwb_graph_view_init(). */
void
rwb_graph_view_init_input (RwbGraphView *self)
{
  GtkEventController *scroll;
  GtkEventController *motion;
  GtkGesture *drag;
  GtkGesture *zoom;

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));
  /* Grouped, a second finger turns the one-finger drag into the pinch instead of fighting it. */
  gtk_gesture_group (zoom, drag);

}
