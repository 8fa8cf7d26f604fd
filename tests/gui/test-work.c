/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-work.c — a project of several articles in the real window: the corrections panel (a
 * correction listed, withdrawn from the panel, the withdrawal undone), and the timeline bar
 * (visible with dated articles, a drag on it shows the graph as of a date, the keys, play
 * animates date by date to the end). Saves pictures of both for a person to look at.
 *
 * Runs under xvfb-run (see meson.build). Every wait has a time limit that fails the test.
 */
#define G_LOG_DOMAIN "rawabit-test-work"

#include "rwb-config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "rwb-application.h"
#include "rwb-corrections-panel.h"
#include "rwb-graph-view.h"
#include "rwb-project.h"
#include "rwb-timeline-bar.h"
#include "rwb-window.h"

#include "gui-test-util.h"

static RwbApplication *app;
static RwbWindow *window;
static char *tmp_dir;

static RwbSession *
session (void)
{
  return rwb_graph_view_get_session (template_child_of (window, RWB_TYPE_WINDOW, "graph_view"));
}

static RwbGraph *
graph (void)
{
  return rwb_session_get_graph (session ());
}

static gint
find (const char *name)
{
  return rwb_graph_find_entity (graph (), name);
}

static gboolean
shows_latest (gpointer data)
{
  return is_idle (window) && rwb_session_get_pending_graph (session ()) == NULL
         && rwb_session_get_scene (session ()) != NULL
         && rwb_session_get_scene (session ())->graph == graph ();
}

static void
run (const char *name)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), name));
  g_action_group_activate_action (G_ACTION_GROUP (window), name, NULL);
  g_assert_true (wait_for (shows_latest, NULL));
  settle ();
}

static RwbCorrectionsPanel *
corrections_panel (void)
{
  return template_child_of (window, RWB_TYPE_WINDOW, "corrections_panel");
}

static RwbTimelineBar *
timeline_bar (void)
{
  return template_child_of (window, RWB_TYPE_WINDOW, "timeline_bar");
}

/* The three test articles (dated 2024-03-18, 2024-03-20, 2024-04-02) in a new project, opened
 * in the window as a user opens a .rawabit file. */
static void
open_project (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "three.rawabit", NULL);
  g_autofree char *ar = g_test_build_filename (G_TEST_DIST, "data", "project",
                                               "ar-xiaomi-nova.txt", NULL);
  g_autofree char *dairy = g_test_build_filename (G_TEST_DIST, "data", "project",
                                                  "en-almarai-nadec.txt", NULL);
  g_autofree char *en = g_test_build_filename (G_TEST_DIST, "data", "project",
                                               "en-xiaomi-nova.txt", NULL);
  const char *files[] = { ar, dairy, en, NULL };
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  window = wait_for_sample (app, window);
  if (rwb_session_get_project (session ()) != NULL)
    return;
  {
    g_autoptr (RwbLexicon) lexicon = rwb_lexicon_new_default (NULL, &error);
    g_autoptr (RwbProject) project = rwb_project_create (path, &error);
    g_autoptr (GPtrArray) items = NULL;

    g_assert_no_error (error);
    items = rwb_import_files (lexicon, files, 1, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (rwb_project_add_articles (project, items, NULL, &error));
    g_assert_true (rwb_project_close (project, &error));
  }
  g_assert_true (rwb_window_open_project (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for (shows_latest, NULL));
  g_assert_cmpuint (graph ()->documents->len, ==, 3);
}

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_corrections_panel (void)
{
  RwbCorrectionsPanel *panel;
  GtkWidget *withdraw;

  open_project ();
  panel = corrections_panel ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-panel",
                                  g_variant_new_string ("corrections"));
  settle ();
  g_assert_cmpuint (rwb_corrections_panel_get_n_rows (panel), ==, 0);

  /* Two corrections from the canvas's actions: both listed, oldest first. */
  g_assert_cmpint (find ("Nadec"), >=, 0);
  rwb_session_select_entity (session (), find ("Nadec"), FALSE);
  run ("delete");
  rwb_session_select_entity (session (), find ("Nova Electronics"), FALSE);
  rwb_session_select_entity (session (), find ("نوفا"), TRUE);
  run ("merge");
  g_assert_cmpint (find ("Nadec"), <, 0);
  g_assert_cmpint (find ("نوفا"), ==, find ("Nova Electronics"));
  g_assert_cmpuint (rwb_corrections_panel_get_n_rows (panel), ==, 2);
  gtk_widget_set_visible (template_child_of (window, RWB_TYPE_WINDOW, "sidebar"), TRUE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-panel",
                                  g_variant_new_string ("corrections"));
  settle ();
  {
    g_autoptr (Picture) picture = render_widget (GTK_WIDGET (window), "work-corrections");
  }

  /* Withdrawing the first from the panel brings Nadec back and keeps the merge. */
  withdraw = find_named (GTK_WIDGET (panel), "withdraw");
  g_assert_nonnull (withdraw);
  g_signal_emit_by_name (withdraw, "clicked");
  g_assert_true (wait_for (shows_latest, NULL));
  settle ();
  g_assert_cmpint (find ("Nadec"), >=, 0);
  g_assert_cmpint (find ("نوفا"), ==, find ("Nova Electronics"));
  g_assert_cmpuint (rwb_corrections_panel_get_n_rows (panel), ==, 1);
  {
    g_autoptr (RwbCorrections) list = rwb_project_get_corrections (
      rwb_session_get_project (session ()), NULL);
    g_assert_cmpuint (rwb_corrections_len (list), ==, 1);
    g_assert_cmpint (rwb_corrections_get (list, 0)->kind, ==, RWB_CORRECTION_MERGE);
  }

  /* The withdrawal is an edit like the others: undone, the correction is back in the list. */
  run ("undo");
  g_assert_cmpint (find ("Nadec"), <, 0);
  g_assert_cmpuint (rwb_corrections_panel_get_n_rows (panel), ==, 2);
  run ("undo");
  run ("undo");
  g_assert_cmpuint (rwb_corrections_panel_get_n_rows (panel), ==, 0);
}

static GtkGesture *
drag_gesture (GtkWidget *widget)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (c))
        return GTK_GESTURE (c);
    }
  g_error ("the timeline has no drag gesture");
}

static void
record_as_of (GPtrArray *seen)
{
  g_ptr_array_add (seen, g_strdup (rwb_session_get_as_of (session ())));
}

static gboolean
stopped_playing (gpointer data)
{
  return !rwb_timeline_bar_get_playing (data);
}

static guint
n_shown (void)
{
  guint n = 0;

  for (guint i = 0; i < graph ()->entities->len; i++)
    n += rwb_session_entity_hidden (session (), i) ? 0 : 1;
  return n;
}

static void
test_timeline (void)
{
  RwbTimelineBar *bar;
  GtkWidget *area;
  GtkGesture *drag;
  guint all;
  double width;
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  open_project ();
  bar = timeline_bar ();
  area = rwb_timeline_bar_get_area (bar);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_true (gtk_widget_get_mapped (area));
  g_assert_null (rwb_session_get_as_of (session ()));
  all = n_shown ();
  width = gtk_widget_get_width (area);
  g_assert_cmpfloat (width, >, 100);

  /* A press at the left end and a drag to the right edge, as a user's. */
  drag = drag_gesture (area);
  g_signal_emit_by_name (drag, "drag-begin", 2.0, 10.0);
  g_assert_cmpstr (rwb_session_get_as_of (session ()), ==, "2024-03-18");
  g_assert_cmpuint (n_shown (), <, all);
  g_assert_true (rwb_session_entity_hidden (session (), find ("Nadec")));
  g_assert_true (rwb_session_entity_hidden (session (), find ("Nova Electronics")));
  g_assert_false (rwb_session_entity_hidden (session (), find ("نوفا")));
  settle ();
  {
    g_autoptr (Picture) picture = render_widget (GTK_WIDGET (window), "work-timeline-early");
  }
  g_signal_emit_by_name (drag, "drag-update", width, 0.0);
  g_assert_null (rwb_session_get_as_of (session ()));
  g_assert_cmpuint (n_shown (), ==, all);

  /* The keys step from date to date. */
  g_assert_true (rwb_timeline_bar_step (bar, -1));
  g_assert_cmpstr (rwb_session_get_as_of (session ()), ==, "2024-03-20");
  g_assert_false (rwb_session_entity_hidden (session (), find ("Nadec")));
  g_assert_true (rwb_session_entity_hidden (session (), find ("Nova Electronics")));
  settle ();
  {
    g_autoptr (Picture) picture = render_widget (GTK_WIDGET (window), "work-timeline");
  }
  g_assert_false (rwb_timeline_bar_step (bar, 5) && rwb_timeline_bar_step (bar, 1));
  g_assert_null (rwb_session_get_as_of (session ()));

  /* Play from the end starts over and steps through every date to the end. */
  g_signal_connect_swapped (session (), "notify::as-of", G_CALLBACK (record_as_of), seen);
  rwb_timeline_bar_set_interval (bar, 30);
  gtk_widget_activate_action (GTK_WIDGET (bar), "timeline.play", NULL);
  g_assert_true (rwb_timeline_bar_get_playing (bar));
  g_assert_true (wait_for (stopped_playing, bar));
  g_signal_handlers_disconnect_by_func (session (), record_as_of, seen);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "2024-03-18");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "2024-03-20");
  g_assert_null (g_ptr_array_index (seen, 2));
  g_assert_cmpuint (n_shown (), ==, all);
}

static void
test_close (void)
{
  window = wait_for_sample (app, window);
  close_window (app, &window);
}

int
main (int argc, char *argv[])
{
  int status;

  gui_test_init (&argc, &argv);
  tmp_dir = g_dir_make_tmp ("rawabit-work-XXXXXX", NULL);

  g_test_add_func ("/work/corrections-panel", test_corrections_panel);
  g_test_add_func ("/work/timeline", test_timeline);
  g_test_add_func ("/work/close", test_close);

  app = rwb_application_new ();
  status = gui_test_run_app (app, argv[0]);
  {
    g_autofree char *path = g_build_filename (tmp_dir, "three.rawabit", NULL);
    g_autofree char *lock = g_strconcat (path, "-lock", NULL);

    g_unlink (path);
    g_unlink (lock);
    g_rmdir (tmp_dir);
  }
  return status;
}
