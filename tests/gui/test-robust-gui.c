/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-robust-gui.c — the window's way out of a text in a broken encoding: the error banner
 * offers "Open with Replacement Characters", which opens the same file with U+FFFD for each
 * bad byte; until then the graph on screen stays as it was.
 *
 * Runs under xvfb-run (see meson.build). Every wait has a time limit that fails the test.
 */
#define G_LOG_DOMAIN "rawabit-test-robust-gui"

#include "rwb-config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "rwb-application.h"
#include "rwb-graph-view.h"
#include "rwb-window.h"

#include "gui-test-util.h"

static RwbApplication *app;
static RwbWindow *window;

static gpointer
template_child (const char *name)
{
  return template_child_of (window, RWB_TYPE_WINDOW, name);
}

static const RwbScene *
current_scene (void)
{
  return rwb_graph_view_get_scene (RWB_GRAPH_VIEW (template_child ("graph_view")));
}

static void
test_replace_invalid (void)
{
  /* Latin-1 "é" (0xE9) in an otherwise English article, at byte offset 21. */
  static const char broken[] = "Xiaomi and Great Wall\xe9 signed a deal.\n";
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  GtkWidget *button;
  const RwbScene *before;
  guint nodes_before;

  g_assert_no_error (error);
  window = wait_for_sample (app, NULL);
  before = current_scene ();
  g_assert_nonnull (before);
  nodes_before = before->nodes->len;
  button = template_child ("banner_replace_button");
  g_assert_false (gtk_widget_get_visible (button));

  path = g_build_filename (dir, "latin1.txt", NULL);
  g_file_set_contents (path, broken, sizeof broken - 1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  rwb_window_open_files (window, &file, 1);
  g_assert_true (wait_for (is_idle, window));

  /* The error names the byte, the button is offered, the sample's graph is still shown. */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (template_child ("banner_revealer"))));
  g_test_message ("banner: %s", gtk_label_get_text (GTK_LABEL (template_child ("banner_label"))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (template_child ("banner_label"))),
                            "byte 21"));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (current_scene () == before);
  g_assert_cmpuint (current_scene ()->nodes->len, ==, nodes_before);

  /* The button's action opens the same file with U+FFFD in place of the bad byte. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open-replacing"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "open-replacing", NULL);
  g_assert_true (wait_for (is_idle, window));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (template_child ("banner_revealer"))));
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_nonnull (current_scene ());
  g_assert_true (current_scene () != before);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (template_child ("status_label"))),
                            "1 document"));

  /* An error of another kind offers no replacement. */
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  rwb_window_open_files (window, &file, 1);
  g_assert_true (wait_for (is_idle, window));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (template_child ("banner_revealer"))));
  g_assert_false (gtk_widget_get_visible (button));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_close (void)
{
  close_window (app, &window);
}

int
main (int argc, char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/robust-gui/replace-invalid", test_replace_invalid);
  g_test_add_func ("/robust-gui/close", test_close);

  app = rwb_application_new ();
  return gui_test_run_app (app, argv[0]);
}
