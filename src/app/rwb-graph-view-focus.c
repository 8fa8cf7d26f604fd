/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-view-focus.c — the keyboard on the canvas: a focus ring that Tab / Shift+Tab move
 * through the nodes in reading order and the arrow keys move to the nearest node in their
 * direction; Enter (or Space) selects the focused node, the Menu key (or Shift+F10) asks for
 * its context menu; and what assistive technology is told of the focused node.
 *
 * The focus is an entity (not a scene node), so a new layout of the same graph keeps it. Each
 * key press looks at every node once: no sorted order is kept.
 */
#define G_LOG_DOMAIN "rawabit-graph-view"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rwb-graph-view-private.h"
#include "rwb-labels.h"

/* The focused entity's scene node, or -1 (none, not in this scene, or hidden). */
static gint
focus_node (RwbGraphView *self)
{
  gint node;

  if (self->scene == NULL || self->focus_entity < 0 || (guint) self->focus_entity >= self->n_entities)
    return -1;
  node = self->entity_node[self->focus_entity];
  if (node < 0 || rwb_graph_view_node_hidden (self, node))
    return -1;
  return node;
}

static const RwbSceneNode *
node_at (RwbGraphView *self, guint node)
{
  return &g_array_index (self->scene->nodes, RwbSceneNode, node);
}

/* Reading order: top to bottom, then along the line in the window's direction; the node index
 * breaks ties, so the order is total. Negative when node @a comes before node @b. */
static int
reading_compare (RwbGraphView *self, guint a, guint b)
{
  const RwbSceneNode *na = node_at (self, a), *nb = node_at (self, b);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  if (na->y != nb->y)
    return na->y < nb->y ? -1 : 1;
  if (na->x != nb->x)
    return (na->x < nb->x) != rtl ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/* The visible node next to @from in reading order (@forward) or before it; the first (or last)
 * when @from is -1; -1 past the end. */
static gint
reading_next (RwbGraphView *self, gint from, gboolean forward)
{
  gint best = -1;

  for (guint i = 0; i < self->scene->nodes->len; i++)
    {
      if (rwb_graph_view_node_hidden (self, i))
        continue;
      if (from >= 0)
        {
          int c = reading_compare (self, i, from);
          if (forward ? c <= 0 : c >= 0)
            continue;
        }
      if (best < 0 || (forward ? reading_compare (self, i, best) < 0
                               : reading_compare (self, i, best) > 0))
        best = i;
    }
  return best;
}

/* The visible node nearest to @from in direction (@dx, @dy) (screen axes, unit steps): the one
 * with the least distance along the direction plus twice its distance off it, among those
 * ahead of @from and within 60° of the direction; -1 if there is none. */
static gint
nearest_in_direction (RwbGraphView *self, guint from, double dx, double dy)
{
  const RwbSceneNode *f = node_at (self, from);
  double best_score = INFINITY;
  gint best = -1;

  for (guint i = 0; i < self->scene->nodes->len; i++)
    {
      const RwbSceneNode *n;
      double vx, vy, along, across, score;

      if (i == from || rwb_graph_view_node_hidden (self, i))
        continue;
      n = node_at (self, i);
      vx = n->x - f->x;
      vy = n->y - f->y;
      along = vx * dx + vy * dy;
      across = fabs (vx * dy - vy * dx);
      if (along <= 0 || across > along * 1.7320508) /* tan 60° */
        continue;
      score = along + 2 * across;
      if (score < best_score)
        {
          best_score = score;
          best = i;
        }
    }
  return best;
}

/* The visible node nearest the middle of the view: where the arrows start without a focus. */
static gint
nearest_to_centre (RwbGraphView *self)
{
  double cx, cy, best_d = INFINITY;
  gint best = -1;

  rwb_graph_view_widget_to_scene (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                  gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, &cx, &cy);
  for (guint i = 0; i < self->scene->nodes->len; i++)
    {
      const RwbSceneNode *n;
      double d;

      if (rwb_graph_view_node_hidden (self, i))
        continue;
      n = node_at (self, i);
      d = hypot (n->x - cx, n->y - cy);
      if (d < best_d)
        {
          best_d = d;
          best = i;
        }
    }
  return best;
}

/* Where a key press starts from: the focus, else the last selected entity's node. */
static gint
start_node (RwbGraphView *self)
{
  gint node = focus_node (self);
  g_autoptr (GArray) selected = NULL;

  if (node >= 0)
    return node;
  selected = rwb_graph_view_get_selected_entities (self);
  for (guint i = selected->len; i > 0; i--)
    {
      guint entity = g_array_index (selected, guint, i - 1);

      if (entity < self->n_entities && self->entity_node[entity] >= 0
          && !rwb_graph_view_node_hidden (self, self->entity_node[entity]))
        return self->entity_node[entity];
    }
  return -1;
}

/* Tells assistive technology which node has the focus: its name, type and relation count as
 * the view's description, and the view's label unchanged ("Knowledge graph"). */
static void
announce (RwbGraphView *self)
{

  gint node = focus_node (self);
  g_autofree char *text = NULL;

  if (node < 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  {
    guint entity = node_at (self, node)->entity;
    const RwbEntity *e = g_ptr_array_index (self->scene->graph->entities, entity);
    guint degree = rwb_graph_entity_degree (self->scene->graph, entity, FALSE);
    g_autofree char *relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation",
                                                               "%u relations", degree),
                                                  degree);
    g_autofree char *name = rwb_isolated_name (e->name);

    /* Translators: what a screen reader says of the node with the keyboard focus: name, type,
     * relation count, "Xiaomi, company, 3 relations". */
    text = g_strdup_printf (_("%s, %s, %s"), name, rwb_entity_type_short_label (e->type),
                            relations);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
}

/* Pans as little as it takes for @node's box (and a margin) to be in the view. */
static void
reveal (RwbGraphView *self, guint node)
{
  const RwbSceneNode *n = node_at (self, node);
  double s = self->viewport.scale, margin = 24.0;
  double w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  double left = (n->x - n->width / 2 - self->viewport.origin_x) * s - margin;
  double right = (n->x + n->width / 2 - self->viewport.origin_x) * s + margin;
  double top = (n->y - n->height / 2 - self->viewport.origin_y) * s - margin;
  double bottom = (n->y + n->height / 2 - self->viewport.origin_y) * s + margin;
  double dx = 0, dy = 0;

  if (w <= 0 || h <= 0)
    return;
  if (left < 0)
    dx = left;
  else if (right > w)
    dx = MIN (right - w, left);
  if (top < 0)
    dy = top;
  else if (bottom > h)
    dy = MIN (bottom - h, top);
  if (dx != 0 || dy != 0)
    rwb_graph_view_pan_by (self, dx, dy);
}

static void
set_focus_node (RwbGraphView *self, gint node)
{
  gint entity = node >= 0 ? (gint) node_at (self, node)->entity : -1;

  if (entity == self->focus_entity)
    return;
  self->focus_entity = entity;
  if (node >= 0)
    reveal (self, node);
  announce (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * rwb_graph_view_get_focus_entity:
 * @self: a graph view
 *
 * The entity whose node has the keyboard focus ring, -1 when none has.
 *
 * Returns: an entity index of the shown graph, or -1
 */
gint
rwb_graph_view_get_focus_entity (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), -1);

  return focus_node (self) >= 0 ? self->focus_entity : -1;
}

/* The view's GtkWidget.focus: Tab and Shift+Tab go from node to node inside the view before
 * they leave it; other directions (and a view without nodes) behave as for any widget. */
gboolean
rwb_graph_view_focus (GtkWidget *widget, GtkDirectionType direction)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  gint next;

  GtkRoot *root = gtk_widget_get_root (widget);

  /* The window's first focus (nothing had it yet) lands on the view without a ring: the ring
   * is for someone moving through the window with the keyboard. */
  if ((direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
      || self->scene == NULL || root == NULL || gtk_root_get_focus (root) == NULL)
    {
      if (gtk_widget_is_focus (widget))
        return FALSE;
      return gtk_widget_grab_focus (widget);
    }

  /* Tabbing in: the first node (the last, backwards); tabbing on: the next, or out of the
   * view past the end. */
  next = reading_next (self, gtk_widget_is_focus (widget) ? focus_node (self) : -1, forward);
  if (next < 0 && gtk_widget_is_focus (widget))
    {
      set_focus_node (self, -1);
      return FALSE;
    }
  if (!gtk_widget_is_focus (widget) && !gtk_widget_grab_focus (widget))
    return FALSE;
  set_focus_node (self, next);
  return TRUE;
}

/* view.focus-move "(ii)": the arrow keys; the focus ring to the nearest node that way (the one
 * nearest the middle of the view when no node has it yet). */
static void
focus_move_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);
  gint dx, dy, from, next;

  if (self->scene == NULL)
    return;
  g_variant_get (parameter, "(ii)", &dx, &dy);
  from = start_node (self);
  if (from < 0 || focus_node (self) < 0)
    next = from >= 0 ? from : nearest_to_centre (self);
  else
    next = nearest_in_direction (self, from, dx, dy);
  if (next >= 0)
    set_focus_node (self, next);
  else
    gtk_widget_error_bell (widget);
}

/* view.activate-focus: Enter and Space select the focused node (Ctrl adds it). */
static void
activate_focus_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);
  gboolean add = parameter != NULL && g_variant_get_boolean (parameter);

  if (focus_node (self) < 0)
    return;
  rwb_graph_view_select_entity (self, self->focus_entity, add);
}

/* view.context-menu: the Menu key and Shift+F10 ask for the focused node's context menu (or
 * the selection's, without a focus): ::context-menu with the node's centre. */
static void
context_menu_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);
  gint node = start_node (self);
  const RwbSceneNode *n;

  if (node < 0)
    return;
  n = node_at (self, node);
  g_signal_emit_by_name (self, "context-menu", (n->x - self->viewport.origin_x) * self->viewport.scale,
                         (n->y - self->viewport.origin_y) * self->viewport.scale);
}

/* Draws the focus ring round the focused node while the view shows keyboard focus. */
void
rwb_graph_view_snapshot_focus (RwbGraphView *self, GtkSnapshot *snapshot)
{
  gint node = focus_node (self);
  const RwbSceneNode *n;
  double s = self->viewport.scale, pad = 4.0;
  GdkRGBA colour = { 0.21, 0.52, 0.89, 1.0 }; /* Adwaita's accent, #3584e4 */
  GskRoundedRect ring;
  float width = 2.0;

  if (node < 0 || !gtk_widget_has_focus (GTK_WIDGET (self)))
    return;
  n = node_at (self, node);
  gsk_rounded_rect_init_from_rect (&ring,
                                   &GRAPHENE_RECT_INIT ((n->x - n->width / 2 - self->viewport.origin_x) * s - pad,
                                                        (n->y - n->height / 2 - self->viewport.origin_y) * s - pad,
                                                        n->width * s + 2 * pad,
                                                        n->height * s + 2 * pad),
                                   6.0);
  gtk_snapshot_append_border (snapshot, &ring, (float[4]) { width, width, width, width },
                              (GdkRGBA[4]) { colour, colour, colour, colour });
}

/* The view forgets a focus whose entity the new scene does not show. */
void
rwb_graph_view_focus_scene_changed (RwbGraphView *self)
{
  gint before = self->focus_entity;

  if (self->scene == NULL || self->scene->graph != self->focus_graph || self->focus_entity < 0
      || (guint) self->focus_entity >= self->n_entities
      || self->entity_node[self->focus_entity] < 0)
    self->focus_entity = -1;
  self->focus_graph = self->scene != NULL ? self->scene->graph : NULL;
  /* Only a change is told: an accessible property set for nothing costs a relayout. */
  if (self->focus_entity != before)
    announce (self);
}

/* Installs the focus actions and their keys. The arrow keys move the focus; with Ctrl they
 * pan (see rwb-graph-view-actions.c). */
void
rwb_graph_view_install_focus_actions (GtkWidgetClass *widget_class)
{
  static const struct { guint key; gint dx, dy; } arrows[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_Right, 1, 0 }, { GDK_KEY_Up, 0, -1 }, { GDK_KEY_Down, 0, 1 },
    { GDK_KEY_KP_Left, -1, 0 }, { GDK_KEY_KP_Right, 1, 0 }, { GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_KP_Down, 0, 1 },
  };

  widget_class->focus = rwb_graph_view_focus;
  gtk_widget_class_install_action (widget_class, "view.focus-move", "(ii)", focus_move_action);
  gtk_widget_class_install_action (widget_class, "view.activate-focus", "b",
                                   activate_focus_action);
  gtk_widget_class_install_action (widget_class, "view.context-menu", NULL, context_menu_action);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    gtk_widget_class_add_binding_action (widget_class, arrows[i].key, 0, "view.focus-move", "(ii)",
                                         arrows[i].dx, arrows[i].dy);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "view.activate-focus",
                                       "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "view.activate-focus",
                                       "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "view.activate-focus",
                                       "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "view.activate-focus", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK,
                                       "view.activate-focus", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "view.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "view.context-menu", NULL);
}
