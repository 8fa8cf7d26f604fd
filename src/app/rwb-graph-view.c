/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-view.c — the widget that draws a laid-out graph with the core renderer, and lets
 * the user pan, zoom, hover, select and move nodes.
 *
 * All drawing goes through rwb_render_scene(), so the window shows what an image export writes.
 * What keeps it fluid on big graphs is what is drawn when:
 *
 * - The picture without anything hovered, selected or dragged (the "base") is drawn in tiles of
 *   TILE × TILE pixels into textures, for one zoom at a time. Panning reuses them and draws only
 *   tiles that come into view; a zoom, a theme change or a filter draws them again. A change to
 *   a few items (a drag starts or ends) redraws only the tiles under them.
 * - What is hovered, selected or dragged is drawn over the tiles on every frame (few items),
 *   after a veil of background colour when a hovered node dims the rest. Moving the pointer
 *   over the graph therefore never redraws the base.
 * - The renderer culls with the scene's grid index and draws far-out views in batches.
 *
 * Input: one GtkGestureDrag does clicks (a press and release under the drag threshold), panning
 * (a drag that starts on empty space) and moving nodes (a drag that starts on a node). The
 * handlers only forward to the functions in rwb-graph-view-private.h, which the tests call.
 *
 * The view spans several files around rwb-graph-view-private.h: this one (instance,
 * properties, selection, the public API), -states.c (draw states), -tiles.c (drawing),
 * -input.c (pointer input, moving nodes, tooltips), -actions.c (the view.* actions and their
 * keys), -focus.c (the keyboard focus ring) and -analysis.c (highlights and colourings).
 */
#define G_LOG_DOMAIN "rawabit-graph-view"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rwb-graph-view-private.h"
#include "rwb-render.h"

G_DEFINE_FINAL_TYPE (RwbGraphView, rwb_graph_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HAS_SCENE,
  PROP_SHOW_MENTIONS,
  PROP_SHOW_LEGEND,
  PROP_LEGEND_COLLAPSED,
  PROP_DARK,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
saved_edge_free (gpointer data)
{
  SavedEdge *saved = data;

  g_clear_pointer (&saved->points, g_array_unref);
  g_free (saved);
}

/* --- Coordinates --------------------------------------------------------------------------- */

void
rwb_graph_view_widget_to_scene (RwbGraphView *self, double x, double y, double *sx, double *sy)
{
  *sx = x / self->viewport.scale + self->viewport.origin_x;
  *sy = y / self->viewport.scale + self->viewport.origin_y;
}

static double
fit_scale (RwbGraphView *self)
{
  RwbViewport fit;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->scene == NULL || width <= 0 || height <= 0)
    return 1.0;
  rwb_viewport_fit (&fit, self->scene, width, height, FIT_MARGIN);
  return fit.scale;
}

double
rwb_graph_view_min_scale (RwbGraphView *self)
{
  return MIN (fit_scale (self) * MIN_SCALE_OF_FIT, MIN_SCALE_CAP);
}

void
rwb_graph_view_refit (RwbGraphView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->scene == NULL || width <= 0 || height <= 0)
    return;

  rwb_viewport_fit (&self->viewport, self->scene, width, height, FIT_MARGIN);
}

/* The pointer if it is over the view, else the view's centre: where keyboard zoom anchors. */
void
rwb_graph_view_zoom_anchor (RwbGraphView *self, double *x, double *y)
{
  if (self->pointer_x >= 0 && self->pointer_y >= 0)
    {
      *x = self->pointer_x;
      *y = self->pointer_y;
    }
  else
    {
      *x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      *y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
}

void
rwb_graph_view_set_scale_at (RwbGraphView *self, double scale, double x, double y)
{
  double scene_x, scene_y;

  if (self->scene == NULL || !(scale > 0))
    return;

  /* At a limit a further step changes nothing, rather than moving the picture. */
  scale = CLAMP (scale, rwb_graph_view_min_scale (self), MAX_SCALE);
  if (scale == self->viewport.scale)
    return;

  /* Keep the scene point under (x, y) where it is, so zooming follows the pointer. */
  rwb_graph_view_widget_to_scene (self, x, y, &scene_x, &scene_y);
  self->viewport.scale = scale;
  self->viewport.origin_x = scene_x - x / scale;
  self->viewport.origin_y = scene_y - y / scale;
  self->user_viewport = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rwb_graph_view_pan_by (RwbGraphView *self, double dx, double dy)
{
  if (self->scene == NULL || (dx == 0 && dy == 0))
    return;

  self->viewport.origin_x += dx / self->viewport.scale;
  self->viewport.origin_y += dy / self->viewport.scale;
  self->user_viewport = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rwb_graph_view_selection_changed (RwbGraphView *self)
{
  rwb_graph_view_update_states (self);
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

/* The selected relation, if the view alone hides its edge (a mention edge while those are not
 * drawn), leaves the selection; the session drops what its filters hide by itself. */
static void
prune_selection (RwbGraphView *self)
{
  gint relation = rwb_session_get_selected_relation (self->session);
  gint edge = relation >= 0 && (guint) relation < self->n_relations
                ? self->relation_edge[relation] : -1;

  if (edge >= 0 && rwb_graph_view_edge_hidden (self, edge))
    rwb_session_select_entity (self->session, -1, FALSE);
}

static void
rwb_graph_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);

  if (!self->user_viewport)
    rwb_graph_view_refit (self);
}

static void
rwb_graph_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  /* The graph scales to whatever it gets; ask for a useful size but need little. */
  *minimum = 64;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

/* A light foreground means a dark background, whatever the theme is called: this covers
 * GTK_THEME=Adwaita:dark, gtk-application-prefer-dark-theme and dark third-party themes. */
static gboolean
style_is_dark (GtkWidget *widget)
{
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  return 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
}

static void
rwb_graph_view_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);
  gboolean dark;

  GTK_WIDGET_CLASS (rwb_graph_view_parent_class)->css_changed (widget, change);

  dark = style_is_dark (widget);
  if (dark == self->dark)
    return;

  self->dark = dark;
  g_clear_pointer (&self->legend, rwb_graph_view_tile_free);
  rwb_graph_view_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

static void
rwb_graph_view_direction_changed (GtkWidget *widget, GtkTextDirection previous)
{
  gtk_widget_queue_draw (widget);
}

static void
on_scale_factor_changed (RwbGraphView *self)
{
  g_clear_pointer (&self->legend, rwb_graph_view_tile_free);
  rwb_graph_view_invalidate (self);
}

/* --- GObject ------------------------------------------------------------------------------- */

static void
rwb_graph_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_HAS_SCENE:
      g_value_set_boolean (value, self->scene != NULL);
      break;
    case PROP_SHOW_MENTIONS:
      g_value_set_boolean (value, rwb_session_get_show_mentions (self->session));
      break;
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;
    case PROP_LEGEND_COLLAPSED:
      g_value_set_boolean (value, self->legend_collapsed);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rwb_graph_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_MENTIONS:
      rwb_graph_view_set_show_mentions (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_LEGEND:
      if (self->show_legend != g_value_get_boolean (value))
        {
          self->show_legend = g_value_get_boolean (value);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_LEGEND_COLLAPSED:
      if (self->legend_collapsed != g_value_get_boolean (value))
        {
          self->legend_collapsed = g_value_get_boolean (value);
          /* Folded by the user: the next opening is the user's too. */
          self->legend_opened = !self->legend_collapsed;
          self->legend_dirty = TRUE;
          g_clear_pointer (&self->legend, rwb_graph_view_tile_free);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SESSION:
      rwb_graph_view_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clear_scene_data (RwbGraphView *self)
{
  g_clear_pointer (&self->entity_node, g_free);
  g_clear_pointer (&self->relation_edge, g_free);
  g_clear_pointer (&self->node_state, g_free);
  g_clear_pointer (&self->edge_state, g_free);
  g_clear_pointer (&self->base_node_state, g_free);
  g_clear_pointer (&self->base_edge_state, g_free);
  g_clear_pointer (&self->overlay_node_state, g_free);
  g_clear_pointer (&self->overlay_edge_state, g_free);
  g_clear_pointer (&self->layout_positions, g_free);
  g_hash_table_remove_all (self->saved_edges);
  rwb_graph_view_drop_tiles (self);
  g_clear_pointer (&self->legend, rwb_graph_view_tile_free);
  self->has_overlay = self->veil = FALSE;
  self->legend_dirty = TRUE;
  self->legend_drawn = FALSE;
  self->hover_node = self->hover_edge = -1;
  self->press = PRESS_NONE;
  self->dragging = FALSE;
  self->drag_node = -1;
  self->focus_entity = -1;
  if (self->render_cache != NULL)
    rwb_render_cache_reset (self->render_cache);
}

static void
rwb_graph_view_dispose (GObject *object)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (object);

  clear_scene_data (self);
  self->scene = NULL;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rwb_graph_view_parent_class)->dispose (object);
}

static void
rwb_graph_view_finalize (GObject *object)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (object);

  g_clear_pointer (&self->saved_edges, g_hash_table_unref);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_pointer (&self->view_tile, rwb_graph_view_tile_free);
  g_clear_pointer (&self->render_cache, rwb_render_cache_free);
  rwb_graph_view_clear_analysis (self);

  G_OBJECT_CLASS (rwb_graph_view_parent_class)->finalize (object);
}

static void
rwb_graph_view_class_init (RwbGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rwb_graph_view_dispose;
  object_class->finalize = rwb_graph_view_finalize;
  object_class->get_property = rwb_graph_view_get_property;
  object_class->set_property = rwb_graph_view_set_property;

  widget_class->snapshot = rwb_graph_view_snapshot;
  widget_class->size_allocate = rwb_graph_view_size_allocate;
  widget_class->measure = rwb_graph_view_measure;
  widget_class->css_changed = rwb_graph_view_css_changed;
  widget_class->direction_changed = rwb_graph_view_direction_changed;
  widget_class->query_tooltip = rwb_graph_view_query_tooltip;

  properties[PROP_HAS_SCENE] =
    g_param_spec_boolean ("has-scene", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_MENTIONS] =
    g_param_spec_boolean ("show-mentions", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RwbGraphView:legend-collapsed:
   *
   * Whether the legend shows only its "Legend" chip; a click on the chip toggles it.
   */
  properties[PROP_LEGEND_COLLAPSED] =
    g_param_spec_boolean ("legend-collapsed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * RwbGraphView:session:
   *
   * The session whose scene the view draws, and whose selection, filters and positions it
   * shows and changes. A view made without one has a session of its own.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RWB_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RwbGraphView::selection-changed:
   *
   * Emitted whenever the selected entities or relation change, by the user or through the API.
   */
  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RwbGraphView::context-menu:
   * @x: the focused node's centre, widget coordinates
   * @y: the same
   *
   * Emitted when the keyboard asks for the context menu of the focused (or selected) node:
   * the Menu key or Shift+F10. The window pops its menu up there, as for a right-click.
   */
  g_signal_new ("context-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  rwb_graph_view_install_actions (widget_class);
  rwb_graph_view_install_focus_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "rwb-graph-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

/* The focus ring shows only while the view has the focus: a frame when it comes or goes. */
static void
on_has_focus_changed (GtkWidget *widget, GParamSpec *pspec, gpointer data)
{
  if (rwb_graph_view_get_focus_entity (RWB_GRAPH_VIEW (widget)) >= 0)
    gtk_widget_queue_draw (widget);
}

static void
rwb_graph_view_init (RwbGraphView *self)
{
  self->viewport.scale = 1.0;
  self->show_legend = TRUE;
  self->legend_corner = -1;
  self->legend_left = TRUE; /* the bottom left, where a left-to-right legend starts */
  self->pointer_x = self->pointer_y = -1;
  self->hover_node = self->hover_edge = -1;
  self->drag_node = -1;
  self->saved_edges = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                             saved_edge_free);
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, rwb_graph_view_tile_free);
  self->render_cache = rwb_render_cache_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  rwb_graph_view_init_input (self);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);
  /* The focus ring shows only while the view has the focus. */
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (on_has_focus_changed), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Knowledge graph"),
                                  -1);
  rwb_graph_view_update_actions (self);
  {
    g_autoptr (RwbSession) own = rwb_session_new ();
    rwb_graph_view_set_session (self, own);
  }
}

/* --- Public API ---------------------------------------------------------------------------- */

/**
 * rwb_graph_view_new:
 * Creates an empty graph view.
 */
GtkWidget *
rwb_graph_view_new (void)
{
  return g_object_new (RWB_TYPE_GRAPH_VIEW, NULL);
}

/* Places the entities the user moved where they were put, in a fresh scene of their graph. */
static void
apply_moved_positions (RwbGraphView *self)
{
  gboolean moved = FALSE;

  if (g_hash_table_size (rwb_session_get_positions (self->session)) == 0)
    return;
  for (guint i = 0; i < self->scene->nodes->len; i++)
    {
      guint entity = g_array_index (self->scene->nodes, RwbSceneNode, i).entity;
      double x, y;
      guint n_adj;
      const guint *adj;

      if (!rwb_session_get_entity_position (self->session, entity, &x, &y))
        continue;
      adj = rwb_scene_node_edges (self->scene, i, &n_adj);
      for (guint k = 0; k < n_adj; k++)
        rwb_graph_view_save_edge (self, adj[k]);
      rwb_scene_move_node (self->scene, i, x, y);
      moved = TRUE;
    }
  if (moved)
    rwb_scene_update_bounds (self->scene);
}

/* Puts every node and reshaped edge back where the layout placed them. */
static void
restore_layout_positions (RwbGraphView *self)
{
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < self->scene->nodes->len; i++)
    {
      RwbSceneNode *n = &g_array_index (self->scene->nodes, RwbSceneNode, i);
      n->x = self->layout_positions[i].x;
      n->y = self->layout_positions[i].y;
    }
  g_hash_table_iter_init (&iter, self->saved_edges);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RwbSceneEdge *e = &g_array_index (self->scene->edges, RwbSceneEdge, GPOINTER_TO_UINT (key));
      SavedEdge *saved = value;

      g_array_unref (e->points);
      e->points = g_steal_pointer (&saved->points);
      e->has_head = saved->has_head;
      e->head = saved->head;
      e->label_x = saved->label_x;
      e->label_y = saved->label_y;
    }
  g_hash_table_remove_all (self->saved_edges);
}

/* The session shows another scene (or graph): rebuild the lookups of the new one. */
static void
on_scene_changed (RwbGraphView *self)
{
  RwbScene *scene = rwb_session_get_scene (self->session);
  gboolean had_scene = self->scene != NULL;

  if (scene == self->scene)
    return;

  /* The old scene is gone already: forget everything of it without reading it. */
  clear_scene_data (self);
  self->scene = scene;
  rwb_graph_view_analysis_scene_changed (self);

  if (scene != NULL)
    {
      guint nn = scene->nodes->len, ne = scene->edges->len;

      rwb_scene_build_index (scene);
      self->n_entities = scene->graph->entities->len;
      self->n_relations = scene->graph->relations->len;
      self->entity_node = g_new (gint, MAX (self->n_entities, 1));
      self->relation_edge = g_new (gint, MAX (self->n_relations, 1));
      for (guint i = 0; i < self->n_entities; i++)
        self->entity_node[i] = -1;
      for (guint i = 0; i < self->n_relations; i++)
        self->relation_edge[i] = -1;
      for (guint i = 0; i < nn; i++)
        {
          guint entity = g_array_index (scene->nodes, RwbSceneNode, i).entity;
          if (entity < self->n_entities)
            self->entity_node[entity] = i;
        }
      for (guint i = 0; i < ne; i++)
        {
          guint relation = g_array_index (scene->edges, RwbSceneEdge, i).relation;
          if (relation < self->n_relations)
            self->relation_edge[relation] = i;
        }
      self->layout_positions = g_new (RwbPoint, MAX (nn, 1));
      for (guint i = 0; i < nn; i++)
        {
          const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
          self->layout_positions[i] = (RwbPoint) { n->x, n->y };
        }
      self->node_state = g_malloc0 (MAX (nn, 1));
      self->edge_state = g_malloc0 (MAX (ne, 1));
      self->overlay_node_state = g_malloc0 (MAX (nn, 1));
      self->overlay_edge_state = g_malloc0 (MAX (ne, 1));

      apply_moved_positions (self);
      rwb_graph_view_update_states (self);
    }
  else
    {
      self->n_entities = self->n_relations = 0;
    }
  rwb_graph_view_focus_scene_changed (self);

  self->user_viewport = FALSE;
  rwb_graph_view_refit (self);
  rwb_graph_view_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (had_scene != (scene != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SCENE]);
}

static void
on_selection_changed (RwbGraphView *self)
{
  if (self->scene == NULL && rwb_session_get_scene (self->session) != NULL)
    return;
  rwb_graph_view_selection_changed (self);
}

static void
on_filter_changed (RwbGraphView *self)
{
  if (self->scene == NULL || self->scene != rwb_session_get_scene (self->session))
    return;
  /* Hover on what just disappeared would keep it drawn. */
  if (self->hover_node >= 0
      && rwb_graph_view_entity_filtered (self, g_array_index (self->scene->nodes, RwbSceneNode,
                                                              self->hover_node).entity))
    self->hover_node = -1;
  rwb_graph_view_update_states (self);
  if (self->hover_edge >= 0 && rwb_graph_view_edge_hidden (self, self->hover_edge))
    {
      self->hover_edge = -1;
      rwb_graph_view_update_states (self);
    }
}

static void
on_show_mentions_changed (RwbGraphView *self)
{
  if (self->scene != NULL)
    {
      rwb_graph_view_update_states (self);
      prune_selection (self);
      rwb_graph_view_invalidate (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MENTIONS]);
}

/* Positions changed in the session (an undo, a reset, another view): draw them. */
static void
on_positions_changed (RwbGraphView *self)
{
  if (self->recording_move || self->scene == NULL || self->layout_positions == NULL
      || self->scene != rwb_session_get_scene (self->session))
    return;
  restore_layout_positions (self);
  apply_moved_positions (self);
  rwb_scene_build_index (self->scene);
  rwb_scene_update_bounds (self->scene);
  rwb_graph_view_invalidate (self);
}

static void
on_reveal_entity (RwbGraphView *self, guint entity)
{
  rwb_graph_view_center_on_entity (self, entity);
}

/**
 * rwb_graph_view_set_session:
 * Draws @session's scene from now on; see the header.
 */
void
rwb_graph_view_set_session (RwbGraphView *self, RwbSession *session)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));
  g_return_if_fail (session == NULL || RWB_IS_SESSION (session));

  if (session == NULL)
    {
      g_autoptr (RwbSession) own = rwb_session_new ();
      rwb_graph_view_set_session (self, own);
      return;
    }
  if (!rwb_session_replace (&self->session, session, self))
    return;
  g_signal_connect_swapped (session, "graph-changed", G_CALLBACK (on_scene_changed), self);
  g_signal_connect_swapped (session, "scene-changed", G_CALLBACK (on_scene_changed), self);
  g_signal_connect_swapped (session, "selection-changed", G_CALLBACK (on_selection_changed),
                            self);
  g_signal_connect_swapped (session, "filter-changed", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (session, "notify::show-mentions",
                            G_CALLBACK (on_show_mentions_changed), self);
  g_signal_connect_swapped (session, "positions-changed", G_CALLBACK (on_positions_changed),
                            self);
  g_signal_connect_swapped (session, "reveal-entity", G_CALLBACK (on_reveal_entity), self);
  /* The graph-changed handler may read a scene the session freed: start clean. */
  clear_scene_data (self);
  self->scene = NULL;
  on_scene_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * rwb_graph_view_get_session:
 * The session the view draws.
 */
RwbSession *
rwb_graph_view_get_session (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), NULL);

  return self->session;
}
/**
 * rwb_graph_view_set_scene:
 * Replaces the scene; see the header. A scene of the graph already shown keeps the selection,
 * the filters and the positions the user moved entities to; a scene of another graph starts
 * afresh.
 */
void
rwb_graph_view_set_scene (RwbGraphView *self, RwbScene *scene)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  if (scene != NULL && scene == self->scene)
    return;
  rwb_session_set_scene (self->session, scene);
}
/**
 * rwb_graph_view_get_scene:
 * The scene being drawn, or NULL.
 */
const RwbScene *
rwb_graph_view_get_scene (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), NULL);

  return self->scene;
}

/**
 * rwb_graph_view_set_show_mentions:
 * Whether to draw co-occurrence edges.
 */
void
rwb_graph_view_set_show_mentions (RwbGraphView *self, gboolean show_mentions)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  rwb_session_set_show_mentions (self->session, show_mentions);
}

/**
 * rwb_graph_view_get_show_mentions:
 * Whether co-occurrence edges are drawn.
 */
gboolean
rwb_graph_view_get_show_mentions (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), FALSE);

  return rwb_session_get_show_mentions (self->session);
}

/**
 * rwb_graph_view_get_dark:
 * Whether the dark palette is in use.
 */
gboolean
rwb_graph_view_get_dark (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), FALSE);

  return self->dark;
}

/**
 * rwb_graph_view_get_viewport:
 * The scene → widget mapping in use.
 */
void
rwb_graph_view_get_viewport (RwbGraphView *self, RwbViewport *viewport)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));
  g_return_if_fail (viewport != NULL);

  *viewport = self->viewport;
}

/**
 * rwb_graph_view_get_selected_entities:
 * A copy of the selected entity indices, in the order they were selected.
 */
GArray *
rwb_graph_view_get_selected_entities (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), NULL);

  return rwb_session_get_selected_entities (self->session);
}

/**
 * rwb_graph_view_get_selected_relation:
 * The selected relation index, or -1.
 */
gint
rwb_graph_view_get_selected_relation (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), -1);

  return rwb_session_get_selected_relation (self->session);
}

/**
 * rwb_graph_view_select_entity:
 * Selects @entity, adds it to the selection with @add, or clears the selection with -1.
 * Emits ::selection-changed when the selection changed.
 */
void
rwb_graph_view_select_entity (RwbGraphView *self, gint entity, gboolean add)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));
  g_return_if_fail (entity < (gint) self->n_entities);

  rwb_session_select_entity (self->session, entity, add);
}
/**
 * rwb_graph_view_select_relation:
 * Selects relation @relation alone. Emits ::selection-changed when the selection changed.
 */
void
rwb_graph_view_select_relation (RwbGraphView *self, guint relation)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));
  g_return_if_fail (relation < self->n_relations);

  rwb_session_select_relation (self->session, relation);
}
/**
 * rwb_graph_view_center_on_entity:
 * Pans, at once and keeping the zoom, so @entity's node is in the middle of the view.
 */
void
rwb_graph_view_center_on_entity (RwbGraphView *self, guint entity)
{
  const RwbSceneNode *n;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  if (self->scene == NULL || entity >= self->n_entities || self->entity_node[entity] < 0)
    return;

  n = &g_array_index (self->scene->nodes, RwbSceneNode, self->entity_node[entity]);
  self->viewport.origin_x = n->x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0
                                     / self->viewport.scale;
  self->viewport.origin_y = n->y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0
                                     / self->viewport.scale;
  self->user_viewport = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * rwb_graph_view_set_hidden:
 * Hides entities and relations; what is hidden leaves the selection.
 */
void
rwb_graph_view_set_hidden (RwbGraphView   *self,
                           const gboolean *hidden_entities,
                           const gboolean *hidden_relations)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  rwb_session_set_hidden (self->session, hidden_entities, hidden_relations);
}
/**
 * rwb_graph_view_get_moved_positions:
 * A new table: entity index → RwbPoint (scene points) for every entity the user moved.
 */
GHashTable *
rwb_graph_view_get_moved_positions (RwbGraphView *self)
{
  GHashTable *copy;

  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), NULL);

  copy = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  for (guint i = 0; self->scene != NULL && i < self->scene->nodes->len; i++)
    {
      guint entity = g_array_index (self->scene->nodes, RwbSceneNode, i).entity;
      RwbPoint p;

      if (rwb_session_get_entity_position (self->session, entity, &p.x, &p.y))
        g_hash_table_insert (copy, GUINT_TO_POINTER (entity), g_memdup2 (&p, sizeof p));
    }
  return copy;
}
/**
 * rwb_graph_view_reset_positions:
 * Puts moved nodes and their edges back where the layout placed them and forgets the moves.
 */
void
rwb_graph_view_reset_positions (RwbGraphView *self)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  if (!rwb_session_reset_positions (self->session, &error))
    g_warning ("Could not reset the positions: %s", error->message);
}
/* --- Test entry points --------------------------------------------------------------------- */

void
rwb_graph_view_get_zoom_range (RwbGraphView *self, double *min, double *max)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  *min = rwb_graph_view_min_scale (self);
  *max = MAX_SCALE;
}