/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-view-actions.c — the graph view's view.* actions (zoom, fit, pan, selection,
 * positions, legend) and the keys bound to them.
 */
#define G_LOG_DOMAIN "rawabit-graph-view"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rwb-graph-view-private.h"
#include "rwb-render.h"


/* --- Actions ------------------------------------------------------------------------------- */

static void
zoom_by (RwbGraphView *self, double factor)
{
  double x, y;

  rwb_graph_view_zoom_anchor (self, &x, &y);
  rwb_graph_view_set_scale_at (self, self->viewport.scale * factor, x, y);
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
zoom_reset_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);

  zoom_by (self, 1.0 / self->viewport.scale);
}

static void
fit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);

  self->user_viewport = FALSE;
  rwb_graph_view_refit (self);
  gtk_widget_queue_draw (widget);
}

static void
pan_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  rwb_graph_view_pan_by (RWB_GRAPH_VIEW (widget), dx * KEY_PAN_STEP, dy * KEY_PAN_STEP);
}

static void
clear_selection_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rwb_graph_view_select_entity (RWB_GRAPH_VIEW (widget), -1, FALSE);
}

static void
reset_positions_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rwb_graph_view_reset_positions (RWB_GRAPH_VIEW (widget));
}

void
rwb_graph_view_update_actions (RwbGraphView *self)
{
  gboolean has_scene = self->scene != NULL;
  static const char *const names[] = {
    "view.zoom-in", "view.zoom-out", "view.zoom-reset", "view.fit", "view.pan",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), names[i], has_scene);
}

/* Installs the view.* actions and their keys on the view's class. */
void
rwb_graph_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "view.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "view.pan", "(dd)", pan_action);
  gtk_widget_class_install_action (widget_class, "view.clear-selection", NULL,
                                   clear_selection_action);
  gtk_widget_class_install_action (widget_class, "view.reset-positions", NULL,
                                   reset_positions_action);
  gtk_widget_class_install_property_action (widget_class, "view.show-legend", "show-legend");
  gtk_widget_class_install_property_action (widget_class, "view.legend-collapsed",
                                            "legend-collapsed");

  /* Keys work while the view has the focus; plain keys too, as in image viewers. The plain
   * arrows move the focus ring between nodes (rwb-graph-view-focus.c); with Ctrl they pan. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "view.zoom-out",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "view.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "view.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "view.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "view.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "view.clear-selection",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "view.pan",
                                       "(dd)",
                                       -1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "view.pan",
                                       "(dd)",
                                       1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_CONTROL_MASK, "view.pan",
                                       "(dd)",
                                       0.0, -1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_CONTROL_MASK, "view.pan",
                                       "(dd)",
                                       0.0, 1.0);
}
