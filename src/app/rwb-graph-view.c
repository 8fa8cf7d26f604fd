/* rwb-graph-view.c — the widget that draws a laid-out graph with the core renderer.
 *
 * The view does no drawing of its own: it keeps a viewport and a style and hands both to
 * rwb_render_scene(), so the window shows exactly what an image export writes.
 */
#define G_LOG_DOMAIN "rawabit-graph-view"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rwb-graph-view.h"
#include "rwb-render.h"

/* Blank space kept around the fitted graph, in pixels. */
#define FIT_MARGIN 24.0
/* Zoom limits relative to nothing in particular: device pixels per scene point. */
#define MIN_SCALE 0.02
#define MAX_SCALE 20.0
#define ZOOM_STEP 1.25

struct _RwbGraphView
{
  GtkWidget parent_instance;

  RwbScene *scene;
  RwbViewport viewport;
  /* Once the user zooms or pans, size changes keep their view instead of re-fitting. */
  gboolean user_viewport;
  gboolean dark;
  gboolean show_mentions;

  /* The last frame; drawing a whole graph with cairo is slow, and most frames (focus changes,
   * the spinner elsewhere in the window) redraw the view without changing anything in it. */
  GskRenderNode *cache;

  /* Last pointer position in the view, -1 when outside: scroll events carry none. */
  double pointer_x;
  double pointer_y;

  /* Viewport origin when a drag began. */
  double drag_origin_x;
  double drag_origin_y;
};

G_DEFINE_FINAL_TYPE (RwbGraphView, rwb_graph_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HAS_SCENE,
  PROP_SHOW_MENTIONS,
  PROP_DARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
invalidate (RwbGraphView *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
refit (RwbGraphView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->scene == NULL || width <= 0 || height <= 0)
    return;

  rwb_viewport_fit (&self->viewport, self->scene, width, height, FIT_MARGIN);
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
update_dark (RwbGraphView *self)
{
  gboolean dark = style_is_dark (GTK_WIDGET (self));

  if (dark == self->dark)
    return;

  self->dark = dark;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

static void
set_scale_at (RwbGraphView *self, double scale, double x, double y)
{
  double scene_x, scene_y;

  if (self->scene == NULL)
    return;

  scale = CLAMP (scale, MIN_SCALE, MAX_SCALE);
  /* Keep the scene point under (x, y) where it is, so zooming follows the pointer. */
  scene_x = x / self->viewport.scale + self->viewport.origin_x;
  scene_y = y / self->viewport.scale + self->viewport.origin_y;
  self->viewport.scale = scale;
  self->viewport.origin_x = scene_x - x / scale;
  self->viewport.origin_y = scene_y - y / scale;
  self->user_viewport = TRUE;
  invalidate (self);
}

static void
zoom_by (RwbGraphView *self, double factor)
{
  set_scale_at (self, self->viewport.scale * factor,
                gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

static void
zoom_in_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  zoom_by (RWB_GRAPH_VIEW (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  zoom_by (RWB_GRAPH_VIEW (widget), 1.0 / ZOOM_STEP);
}

static void
fit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);

  self->user_viewport = FALSE;
  refit (self);
  invalidate (self);
}

static void
on_motion (GtkEventControllerMotion *controller, double x, double y, RwbGraphView *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
on_leave (GtkEventControllerMotion *controller, RwbGraphView *self)
{
  self->pointer_x = -1;
  self->pointer_y = -1;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, RwbGraphView *self)
{
  GdkModifierType state;
  double x = self->pointer_x, y = self->pointer_y;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  /* Plain scrolling is left to whatever contains the view; Ctrl+scroll is the usual zoom. */
  if ((state & GDK_CONTROL_MASK) == 0 || self->scene == NULL || dy == 0)
    return FALSE;

  if (x < 0 || y < 0)
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  set_scale_at (self, self->viewport.scale * pow (ZOOM_STEP, -dy), x, y);
  return TRUE;
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
  self->drag_origin_x = self->viewport.origin_x;
  self->drag_origin_y = self->viewport.origin_y;
}

static void
on_drag_update (GtkGestureDrag *gesture, double offset_x, double offset_y, RwbGraphView *self)
{
  if (self->scene == NULL)
    return;

  self->viewport.origin_x = self->drag_origin_x - offset_x / self->viewport.scale;
  self->viewport.origin_y = self->drag_origin_y - offset_y / self->viewport.scale;
  self->user_viewport = TRUE;
  invalidate (self);
}

static gboolean
rwb_graph_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);
  const RwbSceneNode *node;
  const RwbEntity *entity;
  g_autofree char *aliases = NULL;
  gint index;

  if (self->scene == NULL || keyboard_mode)
    return FALSE;

  index = rwb_scene_node_at (self->scene, x / self->viewport.scale + self->viewport.origin_x,
                             y / self->viewport.scale + self->viewport.origin_y);
  if (index < 0)
    return FALSE;

  node = &g_array_index (self->scene->nodes, RwbSceneNode, index);
  entity = g_ptr_array_index (self->scene->graph->entities, node->entity);
  if (entity->aliases != NULL && entity->aliases->len > 0)
    {
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_auto (GStrv) strv = NULL;

      for (guint i = 0; i < entity->aliases->len; i++)
        g_strv_builder_add (builder, g_ptr_array_index (entity->aliases, i));
      strv = g_strv_builder_end (builder);
      aliases = g_strjoinv (_(", "), strv);
    }

  /* Translators: tooltip of a node: entity name, its type, then its other names. */
  if (aliases != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%s (%s)\n%s"), entity->name,
                                               rwb_entity_type_to_string (entity->type), aliases);
      gtk_tooltip_set_text (tooltip, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), entity->name,
                                               rwb_entity_type_to_string (entity->type));
      gtk_tooltip_set_text (tooltip, text);
    }

  return TRUE;
}

static void
rwb_graph_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->scene == NULL || width <= 0 || height <= 0)
    return;

  if (self->cache == NULL)
    {
      g_autoptr (GtkSnapshot) inner = gtk_snapshot_new ();
      cairo_t *cr;
      RwbStyle style;

      rwb_style_init (&style);
      style.dark = self->dark;
      style.show_mentions = self->show_mentions;

      cr = gtk_snapshot_append_cairo (inner, &GRAPHENE_RECT_INIT (0, 0, width, height));
      rwb_render_scene (cr, self->scene, &style, &self->viewport, width, height);
      cairo_destroy (cr);
      self->cache = gtk_snapshot_free_to_node (g_steal_pointer (&inner));
    }

  if (self->cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cache);
}

static void
rwb_graph_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);

  if (!self->user_viewport)
    refit (self);
  /* The cached node is clipped to the old size. */
  g_clear_pointer (&self->cache, gsk_render_node_unref);
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

static void
rwb_graph_view_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rwb_graph_view_parent_class)->css_changed (widget, change);
  update_dark (RWB_GRAPH_VIEW (widget));
}

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
      g_value_set_boolean (value, self->show_mentions);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rwb_graph_view_finalize (GObject *object)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (object);

  g_clear_pointer (&self->cache, gsk_render_node_unref);
  g_clear_pointer (&self->scene, rwb_scene_free);

  G_OBJECT_CLASS (rwb_graph_view_parent_class)->finalize (object);
}

static void
rwb_graph_view_class_init (RwbGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rwb_graph_view_finalize;
  object_class->get_property = rwb_graph_view_get_property;
  object_class->set_property = rwb_graph_view_set_property;

  widget_class->snapshot = rwb_graph_view_snapshot;
  widget_class->size_allocate = rwb_graph_view_size_allocate;
  widget_class->measure = rwb_graph_view_measure;
  widget_class->css_changed = rwb_graph_view_css_changed;
  widget_class->query_tooltip = rwb_graph_view_query_tooltip;

  properties[PROP_HAS_SCENE] =
    g_param_spec_boolean ("has-scene", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_MENTIONS] =
    g_param_spec_boolean ("show-mentions", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "view.fit", NULL, fit_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "view.fit", NULL);

  gtk_widget_class_set_css_name (widget_class, "rwb-graph-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rwb_graph_view_init (RwbGraphView *self)
{
  GtkEventController *scroll;
  GtkEventController *motion;
  GtkGesture *drag;

  self->viewport.scale = 1.0;
  self->pointer_x = self->pointer_y = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Knowledge graph"),
                                  -1);
}

GtkWidget *
rwb_graph_view_new (void)
{
  return g_object_new (RWB_TYPE_GRAPH_VIEW, NULL);
}

void
rwb_graph_view_set_scene (RwbGraphView *self, RwbScene *scene)
{
  gboolean had_scene;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  if (scene == self->scene)
    return;

  had_scene = self->scene != NULL;
  g_clear_pointer (&self->scene, rwb_scene_free);
  self->scene = scene;
  self->user_viewport = FALSE;
  refit (self);
  invalidate (self);

  if (had_scene != (scene != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SCENE]);
}

const RwbScene *
rwb_graph_view_get_scene (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), NULL);

  return self->scene;
}

void
rwb_graph_view_set_show_mentions (RwbGraphView *self, gboolean show_mentions)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  show_mentions = !!show_mentions;
  if (show_mentions == self->show_mentions)
    return;

  self->show_mentions = show_mentions;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MENTIONS]);
}

gboolean
rwb_graph_view_get_show_mentions (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), FALSE);

  return self->show_mentions;
}

gboolean
rwb_graph_view_get_dark (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), FALSE);

  return self->dark;
}

void
rwb_graph_view_get_viewport (RwbGraphView *self, RwbViewport *viewport)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));
  g_return_if_fail (viewport != NULL);

  *viewport = self->viewport;
}
