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

#define WAIT_SECONDS 90

static RwbApplication *app;
static RwbWindow *window;

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
wait_idle (void)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint source = g_timeout_add (20, tick, NULL);
  gboolean idle;

  while (!(idle = !rwb_window_get_busy (window)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);
  return idle;
}

static gpointer
template_child (const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), RWB_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
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
  window = RWB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (RWB_IS_WINDOW (window));
  g_assert_true (wait_idle ());
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
  g_assert_true (wait_idle ());

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
  g_assert_true (wait_idle ());
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
  g_assert_true (wait_idle ());
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (template_child ("banner_revealer"))));
  g_assert_false (gtk_widget_get_visible (button));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_close (void)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  window = NULL;
}

/* As in test-window.c: xvfb-run starts no D-Bus session and GTK warns about it once. */
static GLogWriterOutput
log_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }
  if ((level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gtk") == 0 && message != NULL
      && g_str_has_prefix (message, "Unable to acquire session bus"))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

static int test_status;

static gboolean
run_tests (gpointer data)
{
  test_status = g_test_run ();
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int argc, char *argv[])
{
  char *app_argv[3];

  g_log_set_writer_func (log_writer, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("RAWABIT_SAMPLE"));

  g_test_add_func ("/robust-gui/replace-invalid", test_replace_invalid);
  g_test_add_func ("/robust-gui/close", test_close);

  app = rwb_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  app_argv[0] = argv[0];
  app_argv[1] = (char *) g_getenv ("RAWABIT_SAMPLE");
  app_argv[2] = NULL;
  g_idle_add (run_tests, NULL);
  g_application_run (G_APPLICATION (app), 2, app_argv);

  g_assert_finalize_object (app);
  return test_status;
}
