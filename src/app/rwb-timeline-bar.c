/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-timeline-bar.c — the articles over time under the graph, and a handle for "as of".
 *
 * The bar draws one bar per date an article has, placed in time (days, not ranks: a quiet month
 * looks quiet) and as high as the number of articles of that day; the handle stands on one of
 * them. Only dates of articles can be chosen, so every step of a drag or of the play animation
 * changes what is shown, and the last date means "no limit" (articles without a date count as
 * known from the start, see rwb-timeline.h). The bar keeps no state of its own besides the
 * dates: the handle is #RwbSession:as-of, which the view and every export follow, and which a
 * project keeps.
 */
#define G_LOG_DOMAIN "rawabit-timeline-bar"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rwb-timeline-bar.h"

#define PAD 10.0

struct _RwbTimelineBar
{
  GtkWidget parent_instance;

  /* Template children */
  GtkWidget *play_button;
  GtkDrawingArea *area;
  GtkLabel *date_label;

  RwbSession *session;
  GArray *days;                 /* gint: Julian day of each timeline date */
  double drag_x;
  guint play_timer;
  guint interval;
};

G_DEFINE_FINAL_TYPE (RwbTimelineBar, rwb_timeline_bar, GTK_TYPE_WIDGET)

static RwbTimeline *
timeline (RwbTimelineBar *self)
{
  return self->session != NULL ? rwb_session_get_timeline (self->session) : NULL;
}

static guint
n_dates (RwbTimelineBar *self)
{
  RwbTimeline *tl = timeline (self);

  return tl != NULL ? rwb_timeline_n_dates (tl) : 0;
}

static gint
julian (const char *iso)
{
  int y, m, d;
  GDate date;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

/* "20 Mar 2024", in the user's language. */
static char *
format_date (const char *iso)
{
  int y, m, d;
  g_autoptr (GDateTime) dt = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3
      || (dt = g_date_time_new_utc (y, m, d, 0, 0, 0)) == NULL)
    return g_strdup (iso);
  /* Translators: a date on the timeline, in g_date_time_format's notation. */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/* The index of the date the handle is on: the last date up to #RwbSession:as-of, the last
 * one when there is no limit; -1 when as-of is before every date. */
static gint
handle_index (RwbTimelineBar *self)
{
  RwbTimeline *tl = timeline (self);
  const char *as_of = self->session ? rwb_session_get_as_of (self->session) : NULL;
  guint n = tl ? rwb_timeline_n_dates (tl) : 0;
  gint index = -1;

  if (n == 0)
    return -1;
  if (as_of == NULL)
    return n - 1;
  for (guint i = 0; i < n; i++)
    if (strcmp (rwb_timeline_date (tl, i), as_of) <= 0)
      index = i;
  return index;
}

static double
x_of (RwbTimelineBar *self, guint i, double width)
{
  guint n = self->days->len;
  gint first, last;

  if (n <= 1)
    return width / 2;
  first = g_array_index (self->days, gint, 0);
  last = g_array_index (self->days, gint, n - 1);
  if (last <= first)
    return PAD + (width - 2 * PAD) * i / (n - 1);
  return PAD + (width - 2 * PAD) * (g_array_index (self->days, gint, i) - first) / (last - first);
}

static void
set_index (RwbTimelineBar *self, gint index)
{
  RwbTimeline *tl = timeline (self);
  guint n = tl ? rwb_timeline_n_dates (tl) : 0;

  if (n == 0)
    return;
  index = CLAMP (index, 0, (gint) n - 1);
  rwb_session_set_as_of (self->session,
                         (guint) index == n - 1 ? NULL : rwb_timeline_date (tl, index));
}

const char *
rwb_timeline_bar_date_at (RwbTimelineBar *self, double x)
{
  RwbTimeline *tl;
  double width, best = G_MAXDOUBLE;
  gint index = -1;

  g_return_val_if_fail (RWB_IS_TIMELINE_BAR (self), NULL);

  tl = timeline (self);
  if (tl == NULL || self->days->len == 0)
    return NULL;
  width = gtk_widget_get_width (GTK_WIDGET (self->area));
  for (guint i = 0; i < self->days->len; i++)
    {
      double d = ABS (x_of (self, i, width) - x);

      /* Ties (dates drawn on one pixel) go to the later date: the user sees more. */
      if (d <= best)
        {
          best = d;
          index = i;
        }
    }
  return (guint) index + 1 == self->days->len ? NULL : rwb_timeline_date (tl, index);
}

static void
choose_at (RwbTimelineBar *self, double x)
{
  const char *date = rwb_timeline_bar_date_at (self, x);

  if (self->days->len > 0)
    rwb_session_set_as_of (self->session, date);
}

static void
update_label (RwbTimelineBar *self)
{
  RwbTimeline *tl = timeline (self);
  RwbGraph *graph = self->session ? rwb_session_get_graph (self->session) : NULL;
  guint n = tl ? rwb_timeline_n_dates (tl) : 0;
  gint index = handle_index (self);
  guint total, dated = 0, known = 0;
  g_autofree char *text = NULL;

  if (n == 0 || graph == NULL)
    {
      gtk_label_set_text (self->date_label, "");
      return;
    }
  total = graph->documents->len;
  for (guint i = 0; i < n; i++)
    {
      guint c = rwb_timeline_date_documents (tl, i);

      dated += c;
      if ((gint) i <= index)
        known += c;
    }
  known += total - dated; /* undated articles are known from the start */
  if (rwb_session_get_as_of (self->session) == NULL)
    {
      g_autofree char *first = format_date (rwb_timeline_date (tl, 0));
      g_autofree char *last = format_date (rwb_timeline_date (tl, n - 1));

      /* Translators: the timeline with no limit: every article, first and last date. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article · %s – %s",
                                           "All %u articles · %s – %s", total),
                              total, first, last);
    }
  else
    {
      g_autofree char *date = format_date (rwb_session_get_as_of (self->session));

      /* Translators: the timeline's handle: the date, and how many articles are known by then. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "As of %s · %u of %u article",
                                           "As of %s · %u of %u articles", total),
                              date, known, total);
    }
  gtk_label_set_text (self->date_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) (n - 1),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) MAX (index, 0),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

static void
draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  RwbTimelineBar *self = data;
  RwbTimeline *tl = timeline (self);
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (area));
  GdkRGBA fg, accent;
  guint n = tl ? rwb_timeline_n_dates (tl) : 0;
  guint most = 1;
  gint index = handle_index (self);
  double base = height - 12, bar_w, hx;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The axis. */
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
  cairo_move_to (cr, PAD, base + 0.5);
  cairo_line_to (cr, width - PAD, base + 0.5);
  cairo_stroke (cr);
  if (n == 0 || self->days->len != n)
    return;

  for (guint i = 0; i < n; i++)
    most = MAX (most, rwb_timeline_date_documents (tl, i));
  bar_w = CLAMP ((width - 2 * PAD) / (n * 1.6), 2.0, 10.0);
  for (guint i = 0; i < n; i++)
    {
      double x = x_of (self, i, width);
      double h = MAX (3.0, (base - 4) * rwb_timeline_date_documents (tl, i) / most);

      if ((gint) i <= index)
        gdk_cairo_set_source_rgba (cr, &accent);
      else
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.28);
      cairo_rectangle (cr, x - bar_w / 2, base - h, bar_w, h);
      cairo_fill (cr);
    }

  /* The handle: a line through the chosen day and a knob under it. */
  hx = index >= 0 ? x_of (self, index, width) : PAD / 2;
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, hx, 2);
  cairo_line_to (cr, hx, base);
  cairo_stroke (cr);
  cairo_arc (cr, hx, base + 5, 5, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.9);
  cairo_set_line_width (cr, gtk_widget_has_focus (GTK_WIDGET (area)) ? 2.5 : 1);
  cairo_stroke (cr);
}

/* --- Playing ------------------------------------------------------------------------------- */

static void
stop_playing (RwbTimelineBar *self)
{
  if (self->play_timer == 0)
    return;
  g_clear_handle_id (&self->play_timer, g_source_remove);
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button), "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (self->play_button, _("Play the Timeline"));
}

static gboolean
play_tick (gpointer data)
{
  RwbTimelineBar *self = data;
  guint n = n_dates (self);
  gint index = handle_index (self);

  if (index + 1 < (gint) n)
    set_index (self, index + 1);
  if (index + 2 < (gint) n)
    return G_SOURCE_CONTINUE;
  /* At the end: the source goes when this returns, so only the button is reset. */
  self->play_timer = 0;
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button), "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (self->play_button, _("Play the Timeline"));
  return G_SOURCE_REMOVE;
}

void
rwb_timeline_bar_set_playing (RwbTimelineBar *self, gboolean playing)
{
  guint n;

  g_return_if_fail (RWB_IS_TIMELINE_BAR (self));

  if (!playing)
    {
      stop_playing (self);
      return;
    }
  n = n_dates (self);
  if (self->play_timer != 0 || n < 2)
    return;
  /* From the start when the handle is at the end; else on from where it is. */
  if (handle_index (self) + 1 >= (gint) n)
    set_index (self, 0);
  self->play_timer = g_timeout_add (self->interval, play_tick, self);
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button), "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (self->play_button, _("Pause"));
}

gboolean
rwb_timeline_bar_get_playing (RwbTimelineBar *self)
{
  g_return_val_if_fail (RWB_IS_TIMELINE_BAR (self), FALSE);

  return self->play_timer != 0;
}

void
rwb_timeline_bar_set_interval (RwbTimelineBar *self, guint interval)
{
  g_return_if_fail (RWB_IS_TIMELINE_BAR (self));

  self->interval = MAX (interval, 1);
}

static void
play_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RwbTimelineBar *self = RWB_TIMELINE_BAR (widget);

  rwb_timeline_bar_set_playing (self, self->play_timer == 0);
}

/* --- Input --------------------------------------------------------------------------------- */

gboolean
rwb_timeline_bar_step (RwbTimelineBar *self, gint delta)
{
  gint before;
  guint n;

  g_return_val_if_fail (RWB_IS_TIMELINE_BAR (self), FALSE);

  n = n_dates (self);
  before = handle_index (self);
  if (n == 0 || CLAMP (before + delta, 0, (gint) n - 1) == before)
    return FALSE;
  stop_playing (self);
  set_index (self, before + delta);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state,
                RwbTimelineBar *self)
{
  /* In a right-to-left layout the bar still runs left to right, as dates on an axis do, so
   * the arrows move the way they point. */
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      rwb_timeline_bar_step (self, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      rwb_timeline_bar_step (self, 1);
      return TRUE;
    case GDK_KEY_Home:
      rwb_timeline_bar_step (self, -(gint) n_dates (self));
      return TRUE;
    case GDK_KEY_End:
      rwb_timeline_bar_step (self, n_dates (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, RwbTimelineBar *self)
{
  stop_playing (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->area));
  self->drag_x = x;
  choose_at (self, x);
}

static void
on_drag_update (GtkGestureDrag *gesture, double dx, double dy, RwbTimelineBar *self)
{
  choose_at (self, self->drag_x + dx);
}

/* --- Session ------------------------------------------------------------------------------- */

static void
on_graph_changed (RwbTimelineBar *self)
{
  RwbTimeline *tl = timeline (self);
  guint n = tl ? rwb_timeline_n_dates (tl) : 0;

  stop_playing (self);
  g_array_set_size (self->days, 0);
  for (guint i = 0; i < n; i++)
    {
      gint day = julian (rwb_timeline_date (tl, i));

      g_array_append_val (self->days, day);
    }
  /* Nothing to scrub through without dates. */
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
on_as_of_changed (RwbTimelineBar *self)
{
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

void
rwb_timeline_bar_set_session (RwbTimelineBar *self, RwbSession *session)
{
  g_return_if_fail (RWB_IS_TIMELINE_BAR (self));
  g_return_if_fail (session == NULL || RWB_IS_SESSION (session));

  if (!rwb_session_replace (&self->session, session, self))
    return;
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "graph-changed", G_CALLBACK (on_graph_changed), self);
      g_signal_connect_swapped (session, "notify::as-of", G_CALLBACK (on_as_of_changed), self);
    }
  on_graph_changed (self);
}

GtkWidget *
rwb_timeline_bar_get_area (RwbTimelineBar *self)
{
  g_return_val_if_fail (RWB_IS_TIMELINE_BAR (self), NULL);

  return GTK_WIDGET (self->area);
}

GtkWidget *
rwb_timeline_bar_new (void)
{
  return g_object_new (RWB_TYPE_TIMELINE_BAR, NULL);
}

static void
rwb_timeline_bar_dispose (GObject *object)
{
  RwbTimelineBar *self = RWB_TIMELINE_BAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->play_timer, g_source_remove);
  rwb_session_replace (&self->session, NULL, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RWB_TYPE_TIMELINE_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->days, g_array_unref);

  G_OBJECT_CLASS (rwb_timeline_bar_parent_class)->dispose (object);
}

static void
rwb_timeline_bar_class_init (RwbTimelineBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rwb_timeline_bar_dispose;

  gtk_widget_class_install_action (widget_class, "timeline.play", NULL, play_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rawabit/Rawabit/rwb-timeline-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, RwbTimelineBar, play_button);
  gtk_widget_class_bind_template_child (widget_class, RwbTimelineBar, area);
  gtk_widget_class_bind_template_child (widget_class, RwbTimelineBar, date_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rwb-timeline-bar");
}

static void
rwb_timeline_bar_init (RwbTimelineBar *self)
{
  GtkEventController *key;
  GtkGesture *drag;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->days = g_array_new (FALSE, FALSE, sizeof (gint));
  self->interval = 700;
  gtk_drawing_area_set_draw_func (self->area, draw, self, NULL);

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), key);
  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
