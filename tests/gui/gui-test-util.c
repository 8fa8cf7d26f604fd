/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gui-test-util.c — the helpers every GUI test shares (see gui-test-util.h). */
#define G_LOG_DOMAIN "rawabit-gui-test-util"

#include "rwb-config.h"

#include "gui-test-util.h"

/* Keeps the main loop waking up, so that a wait without any other event still sees its time
 * limit pass. */
static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
wait_for (Condition condition, gpointer data)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint source = g_timeout_add (20, tick, NULL);
  gboolean ok;

  while (!(ok = condition (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (source);
  return ok;
}

void
settle (void)
{
  for (int i = 0; i < 20 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

gboolean
is_idle (gpointer data)
{
  return !rwb_window_get_busy (RWB_WINDOW (data));
}

/* --- The window and what it shows --------------------------------------------------------- */

gpointer
template_child_of (gpointer widget, GType type, const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

RwbWindow *
wait_for_sample (RwbApplication *app, RwbWindow *window)
{
  if (window == NULL)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

      g_assert_true (RWB_IS_WINDOW (active));
      window = RWB_WINDOW (active);
    }

  g_assert_true (wait_for (is_idle, window));
  g_assert_nonnull (rwb_graph_view_get_scene (template_child_of (window, RWB_TYPE_WINDOW,
                                                                 "graph_view")));
  return window;
}

guint
view_entity_named (RwbGraphView *view, const char *name)
{
  const RwbScene *scene = rwb_graph_view_get_scene (view);
  RwbGraph *g;

  g_assert_nonnull (scene);
  g = scene->graph;
  for (guint i = 0; i < g->entities->len; i++)
    if (g_strcmp0 (((const RwbEntity *) g_ptr_array_index (g->entities, i))->name, name) == 0)
      return i;
  g_error ("no entity “%s” in the sample", name);
}

/* --- Pictures ------------------------------------------------------------------------------ */

void
picture_free (Picture *picture)
{
  g_free (picture->data);
  g_free (picture);
}

Picture *
render_widget (GtkWidget *widget, const char *name)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderNode *node;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  Picture *picture;
  int width, height;

  gtk_test_widget_wait_for_draw (widget);

  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  /* An empty viewport is no picture at all; callers assert the size they expect. */
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  /* The renderer of the window the widget is in, so the pixels are those on screen. */
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_nonnull (renderer);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  g_assert_nonnull (texture);

  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("%s rendered to %s", G_OBJECT_TYPE_NAME (widget), path);

  picture = g_new0 (Picture, 1);
  picture->width = gdk_texture_get_width (texture);
  picture->height = gdk_texture_get_height (texture);
  picture->stride = (gsize) picture->width * 4;
  picture->data = g_malloc (picture->stride * picture->height);
  gdk_texture_download (texture, picture->data, picture->stride);
  return picture;
}

guint32
pixel_at (const Picture *picture, int x, int y)
{
  const guchar *p = picture->data + (gsize) y * picture->stride + (gsize) x * 4;

  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16;
}

int
colour_distance (guint32 a, guint32 b)
{
  int d = 0;

  for (int shift = 0; shift < 24; shift += 8)
    d += ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff));
  return d;
}

double
luminance (guint32 rgb)
{
  return (0.0722 * (rgb & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.2126 * ((rgb >> 16) & 0xff))
         / 255.0;
}

/* --- Running ------------------------------------------------------------------------------- */

/* xvfb-run starts no D-Bus session, and GtkApplication warns once that it has none and runs
 * on without it. GTK logs through the structured API, where g_test_log_set_fatal_handler()
 * has no say, so that one message is dropped here; every other warning still fails the test. */
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

void
gui_test_init (int *argc, char ***argv)
{
  /* Before GTK starts: the warning comes as the application registers. */
  g_log_set_writer_func (log_writer, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
}

static int test_status;

/* Runs the tests from inside the application's main loop, once it has opened the sample. */
static gboolean
run_tests (gpointer data)
{
  test_status = g_test_run ();
  /* A test that closes the last window ends the application; this covers a run (with -p)
   * that skipped it. */
  g_application_quit (G_APPLICATION (data));
  return G_SOURCE_REMOVE;
}

int
gui_test_run_app (RwbApplication *app, const char *argv0)
{
  const char *sample = g_getenv ("RAWABIT_SAMPLE");
  char *app_argv[3];

  g_assert_nonnull (sample);

  /* Never hand the files to a Rawabit the developer has open. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);

  /* `rawabit SAMPLE`: the sample goes through the command-line path, and the application's
   * whole life (startup to shutdown) runs, so it can be checked for leaks at the end. */
  app_argv[0] = (char *) argv0;
  app_argv[1] = (char *) sample;
  app_argv[2] = NULL;
  g_idle_add (run_tests, app);
  g_application_run (G_APPLICATION (app), 2, app_argv);

  g_assert_finalize_object (app);
  return test_status;
}

void
close_window (RwbApplication *app, RwbWindow **window)
{
  g_object_ref (*window);
  gtk_window_destroy (GTK_WINDOW (*window));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (*window);
  *window = NULL;
}

RwbSession *
window_session (RwbWindow *window)
{
  return rwb_graph_view_get_session (template_child_of (window, RWB_TYPE_WINDOW, "graph_view"));
}

gboolean
window_shows_latest (gpointer data)
{
  RwbSession *session = window_session (data);
  RwbScene *scene = rwb_session_get_scene (session);
  return is_idle (data) && rwb_session_get_pending_graph (session) == NULL && scene != NULL
         && scene->graph == rwb_session_get_graph (session);
}

void
run_window_action (RwbWindow *window, const char *name, GVariant *parameter)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), name));
  g_action_group_activate_action (G_ACTION_GROUP (window), name, parameter);
  g_assert_true (wait_for (window_shows_latest, window));
  settle ();
}
