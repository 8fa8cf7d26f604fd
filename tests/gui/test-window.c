/* test-window.c — the main window, driven as a user would: open the sample article, look at
 * the picture, switch the layout engine, open a broken file, switch to the dark theme, close.
 *
 * Runs under xvfb-run (see meson.build). Every wait has a time limit that fails the test.
 */
#define G_LOG_DOMAIN "rawabit-test-window"

#include "rwb-config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "rwb-application.h"
#include "rwb-graph-view.h"
#include "rwb-layout.h"
#include "rwb-window.h"

/* Extraction, the layout helper and a first frame on a slow CI machine. */
#define WAIT_SECONDS 90

static RwbApplication *app;
static RwbWindow *window;

typedef gboolean (*Condition) (gpointer data);

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds; FALSE if it did not within WAIT_SECONDS. */
static gboolean
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

static gboolean
is_idle (gpointer data)
{
  return !rwb_window_get_busy (RWB_WINDOW (data));
}

static gboolean
view_is_dark (gpointer data)
{
  return rwb_graph_view_get_dark (RWB_GRAPH_VIEW (data));
}

static gboolean
view_is_light (gpointer data)
{
  return !rwb_graph_view_get_dark (RWB_GRAPH_VIEW (data));
}

static gpointer
template_child (const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), RWB_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static RwbGraphView *
graph_view (void)
{
  return RWB_GRAPH_VIEW (template_child ("graph_view"));
}

/* Opens @path the way a second `rawabit PATH` does, and waits until the window is done. */
static void
open_path (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GtkWindow *active;

  g_application_open (G_APPLICATION (app), &file, 1, "");

  /* Files given later go to the window already open. */
  active = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (RWB_WINDOW (active) == window);
  g_assert_true (rwb_window_get_busy (window));

  g_assert_true (wait_for (is_idle, window));
}

typedef struct
{
  int width, height;
  gsize stride;
  guchar *data;     /* ARGB32 as cairo lays it out: B, G, R, A bytes on little-endian */
} Picture;

static void
picture_free (Picture *picture)
{
  g_free (picture->data);
  g_free (picture);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Picture, picture_free)

/* Renders the whole window as the compositor would get it, saves it as @name in the test's
 * build directory (for a person to look at) and returns the pixels. */
static Picture *
render_window (const char *name)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderNode *node;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  Picture *picture;
  int width, height;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_assert_nonnull (renderer);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  g_assert_nonnull (texture);

  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("window rendered to %s", path);

  picture = g_new0 (Picture, 1);
  picture->width = gdk_texture_get_width (texture);
  picture->height = gdk_texture_get_height (texture);
  picture->stride = (gsize) picture->width * 4;
  picture->data = g_malloc (picture->stride * picture->height);
  gdk_texture_download (texture, picture->data, picture->stride);
  return picture;
}

static guint32
pixel_at (const Picture *picture, int x, int y)
{
  const guchar *p = picture->data + (gsize) y * picture->stride + (gsize) x * 4;

  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16;
}

static int
colour_distance (guint32 a, guint32 b)
{
  int d = 0;

  for (int shift = 0; shift < 24; shift += 8)
    d += ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff));
  return d;
}

static double
luminance (guint32 rgb)
{
  return (0.0722 * (rgb & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.2126 * ((rgb >> 16) & 0xff))
         / 255.0;
}

typedef struct
{
  graphene_rect_t area;    /* the graph view, in picture pixels */
  guint32 background;      /* its most frequent colour */
  double ink;              /* fraction of its pixels that differ from the background */
  guint nodes_inked;       /* scene nodes whose centre is not background */
} ViewAnalysis;

/* Looks at the graph view's part of the picture: what is the background, how much is drawn
 * on it, and is something drawn where the scene says its nodes are. */
static void
analyse_view (const Picture *picture, ViewAnalysis *out)
{
  RwbGraphView *view = graph_view ();
  const RwbScene *scene = rwb_graph_view_get_scene (view);
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0;
  guint64 inked = 0, total = 0;
  int x0, y0, x1, y1;
  double sx, sy;
  RwbViewport vp;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view), GTK_WIDGET (window), &out->area));
  /* The picture is the whole surface; the window widget sits inside it, past the space its
   * client-side decorations keep for the shadow. */
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  out->area.origin.x += sx;
  out->area.origin.y += sy;
  x0 = MAX (0, (int) out->area.origin.x);
  y0 = MAX (0, (int) out->area.origin.y);
  x1 = MIN (picture->width, (int) (out->area.origin.x + out->area.size.width));
  y1 = MIN (picture->height, (int) (out->area.origin.y + out->area.size.height));
  g_assert_cmpint (x1 - x0, >, 200);
  g_assert_cmpint (y1 - y0, >, 200);

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        gpointer k = GUINT_TO_POINTER (pixel_at (picture, x, y) | 0x1000000);
        g_hash_table_insert (counts, k,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, k)) + 1));
      }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best)
      {
        best = GPOINTER_TO_UINT (value);
        out->background = GPOINTER_TO_UINT (key) & 0xffffff;
      }

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        total++;
        if (colour_distance (pixel_at (picture, x, y), out->background) > 30)
          inked++;
      }
  out->ink = (double) inked / (double) total;

  /* Node centres, through the same viewport the view drew with. */
  rwb_graph_view_get_viewport (view, &vp);
  out->nodes_inked = 0;
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const RwbSceneNode *node = &g_array_index (scene->nodes, RwbSceneNode, i);
      int px = (int) (x0 + (node->x - vp.origin_x) * vp.scale);
      int py = (int) (y0 + (node->y - vp.origin_y) * vp.scale);
      gboolean hit = FALSE;

      /* The centre may fall in a letter's counter or between two label lines; look around. */
      for (int dy = -3; dy <= 3 && !hit; dy++)
        for (int dx = -3; dx <= 3 && !hit; dx++)
          if (px + dx >= x0 && px + dx < x1 && py + dy >= y0 && py + dy < y1
              && colour_distance (pixel_at (picture, px + dx, py + dy), out->background) > 30)
            hit = TRUE;
      if (hit)
        out->nodes_inked++;
    }
}

static guint
count_relations (const RwbGraph *graph)
{
  guint n = 0;

  for (guint i = 0; i < graph->relations->len; i++)
    if (((const RwbRelation *) g_ptr_array_index (graph->relations, i))->type != RWB_RELATION_MENTION)
      n++;
  return n;
}

static void
assert_status_mentions_counts (const RwbGraph *graph)
{
  const char *status = gtk_label_get_text (GTK_LABEL (template_child ("status_label")));
  g_autofree char *entities = g_strdup_printf ("%u entit", graph->entities->len);
  g_autofree char *relations = g_strdup_printf ("%u relation", count_relations (graph));
  g_autofree char *documents = g_strdup_printf ("%u document", graph->documents->len);

  g_test_message ("status: %s", status);
  g_assert_nonnull (strstr (status, entities));
  g_assert_nonnull (strstr (status, relations));
  g_assert_nonnull (strstr (status, documents));
}

/* The sample was given on the command line (see main()); wait until it is on screen. */
static void
ensure_sample_open (void)
{
  if (window == NULL)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

      g_assert_true (RWB_IS_WINDOW (active));
      window = RWB_WINDOW (active);
    }

  g_assert_true (wait_for (is_idle, window));
  g_assert_nonnull (rwb_graph_view_get_scene (graph_view ()));
}

static void
test_open_sample (void)
{
  g_autoptr (Picture) picture = NULL;
  const RwbScene *scene;
  GtkRevealer *banner;
  ViewAnalysis analysis;

  ensure_sample_open ();

  banner = GTK_REVEALER (template_child ("banner_revealer"));
  if (gtk_revealer_get_reveal_child (banner))
    g_test_message ("banner: %s",
                    gtk_label_get_text (GTK_LABEL (template_child ("banner_label"))));
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  scene = rwb_graph_view_get_scene (graph_view ());
  g_assert_cmpuint (scene->nodes->len, >=, 5);
  g_assert_cmpuint (scene->graph->documents->len, ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child ("main_stack"))),
                   ==, "graph");
  assert_status_mentions_counts (scene->graph);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  picture = render_window ("test-window.png");
  analyse_view (picture, &analysis);
  g_test_message ("view %gx%g, background #%06x, %.1f%% drawn, %u of %u node centres drawn",
                  analysis.area.size.width, analysis.area.size.height, analysis.background,
                  analysis.ink * 100, analysis.nodes_inked, scene->nodes->len);

  /* A real graph covers a good part of the view: boxes, labels and edges, not a speck. */
  g_assert_cmpfloat (analysis.ink, >, 0.02);
  /* And it is drawn where the scene puts it: most node centres have ink under them. */
  g_assert_cmpuint (analysis.nodes_inked * 5, >=, scene->nodes->len * 4);
  /* The default theme is light. */
  g_assert_false (rwb_graph_view_get_dark (graph_view ()));
  g_assert_cmpfloat (luminance (analysis.background), >, 0.5);
}

static void
test_change_engine (void)
{
  GtkDropDown *dropdown;
  const RwbScene *before, *after;
  GSettings *settings;
  GVariant *state;

  ensure_sample_open ();
  dropdown = GTK_DROP_DOWN (template_child ("engine_dropdown"));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, RWB_LAYOUT_DOT);
  before = rwb_graph_view_get_scene (graph_view ());

  /* Through the action, as the menu and the keyboard would. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "layout-engine",
                                  g_variant_new_string ("neato"));
  g_assert_true (rwb_window_get_busy (window));
  g_assert_true (wait_for (is_idle, window));

  after = rwb_graph_view_get_scene (graph_view ());
  g_assert_true (after != before);
  g_assert_cmpstr (after->engine, ==, "neato");
  g_assert_cmpuint (after->nodes->len, >=, 5);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, RWB_LAYOUT_NEATO);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (template_child ("banner_revealer"))));

  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "layout-engine");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "neato");
  g_variant_unref (state);

  settings = rwb_application_get_settings (app);
  if (settings != NULL)
    {
      g_autofree char *saved = g_settings_get_string (settings, "layout-engine");
      g_assert_cmpstr (saved, ==, "neato");
    }

  /* And back through the drop-down, as a user clicks it. */
  before = after;
  gtk_drop_down_set_selected (dropdown, RWB_LAYOUT_DOT);
  g_assert_true (wait_for (is_idle, window));
  after = rwb_graph_view_get_scene (graph_view ());
  g_assert_true (after != before);
  g_assert_cmpstr (after->engine, ==, "dot");
}

static guint
count_mention_edges (const RwbScene *scene)
{
  guint n = 0;

  for (guint i = 0; i < scene->edges->len; i++)
    {
      const RwbSceneEdge *edge = &g_array_index (scene->edges, RwbSceneEdge, i);
      const RwbRelation *relation = g_ptr_array_index (scene->graph->relations, edge->relation);

      if (relation->type == RWB_RELATION_MENTION)
        n++;
    }
  return n;
}

static void
test_show_mentions (void)
{
  const RwbScene *scene;
  GSettings *settings;
  guint mentions_in_graph = 0;

  ensure_sample_open ();
  scene = rwb_graph_view_get_scene (graph_view ());
  for (guint i = 0; i < scene->graph->relations->len; i++)
    if (((const RwbRelation *) g_ptr_array_index (scene->graph->relations, i))->type
        == RWB_RELATION_MENTION)
      mentions_in_graph++;
  g_test_message ("%u co-occurrence relations in the graph", mentions_in_graph);
  g_assert_cmpuint (count_mention_edges (scene), ==, 0);

  /* The menu's check item: co-occurrences join the layout and the picture. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-mentions",
                                      g_variant_new_boolean (TRUE));
  g_assert_true (wait_for (is_idle, window));
  g_assert_true (rwb_graph_view_get_show_mentions (graph_view ()));
  scene = rwb_graph_view_get_scene (graph_view ());
  g_assert_cmpuint (count_mention_edges (scene), ==, mentions_in_graph);

  settings = rwb_application_get_settings (app);
  if (settings != NULL)
    g_assert_true (g_settings_get_boolean (settings, "show-mentions"));

  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-mentions",
                                      g_variant_new_boolean (FALSE));
  g_assert_true (wait_for (is_idle, window));
  g_assert_false (rwb_graph_view_get_show_mentions (graph_view ()));
  g_assert_cmpuint (count_mention_edges (rwb_graph_view_get_scene (graph_view ())), ==, 0);
}

static void
test_invalid_utf8 (void)
{
  /* "Great Wall" then a byte that can never start a UTF-8 sequence, at byte offset 10. */
  static const char broken[] = "Great Wall\xff\xfe and Xiaomi.\n";
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *status_before = NULL;
  const RwbScene *scene_before;
  guint nodes_before;
  const char *message;

  ensure_sample_open ();
  scene_before = rwb_graph_view_get_scene (graph_view ());
  nodes_before = scene_before->nodes->len;
  status_before = g_strdup (gtk_label_get_text (GTK_LABEL (template_child ("status_label"))));

  dir = g_dir_make_tmp ("rawabit-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "broken.txt", NULL);
  g_file_set_contents (path, broken, sizeof broken - 1, &error);
  g_assert_no_error (error);

  open_path (path);

  /* The error is in the window, says where the bad byte is and which file it is in. */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (template_child ("banner_revealer"))));
  message = gtk_label_get_text (GTK_LABEL (template_child ("banner_label")));
  g_test_message ("banner: %s", message);
  g_assert_nonnull (strstr (message, "broken.txt"));
  g_assert_nonnull (strstr (message, "byte 10"));

  /* And the previous graph is still there, untouched. */
  g_assert_true (rwb_graph_view_get_scene (graph_view ()) == scene_before);
  g_assert_cmpuint (rwb_graph_view_get_scene (graph_view ())->nodes->len, ==, nodes_before);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (template_child ("status_label"))), ==,
                   status_before);

  /* The close button's action hides the banner. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "dismiss-error", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (template_child ("banner_revealer"))));

  g_unlink (path);
  g_rmdir (dir);
}

/* Commands given while a load runs: the last one wins, nothing of a cancelled one shows. */
static void
test_rapid_changes (void)
{
  const char *sample = g_getenv ("RAWABIT_SAMPLE");
  g_autoptr (GFile) sample_file = g_file_new_for_path (sample);
  g_autoptr (GFile) missing = g_file_new_for_path ("/nonexistent/rawabit/article.txt");
  GtkRevealer *banner;
  const RwbScene *scene;

  ensure_sample_open ();
  banner = GTK_REVEALER (template_child ("banner_revealer"));

  /* The engine changes while the articles are still being read. */
  g_application_open (G_APPLICATION (app), &sample_file, 1, "");
  g_action_group_change_action_state (G_ACTION_GROUP (window), "layout-engine",
                                      g_variant_new_string ("circo"));
  g_assert_true (wait_for (is_idle, window));
  scene = rwb_graph_view_get_scene (graph_view ());
  g_assert_cmpstr (scene->engine, ==, "circo");
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  /* A load that would fail is replaced by one that succeeds before it reports. */
  g_application_open (G_APPLICATION (app), &missing, 1, "");
  g_application_open (G_APPLICATION (app), &sample_file, 1, "");
  g_assert_true (wait_for (is_idle, window));
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_true (rwb_graph_view_get_scene (graph_view ()) != scene);
  scene = rwb_graph_view_get_scene (graph_view ());

  /* And a missing file on its own is reported. */
  g_application_open (G_APPLICATION (app), &missing, 1, "");
  g_assert_true (wait_for (is_idle, window));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (template_child ("banner_label"))),
                            "/nonexistent/rawabit/article.txt"));
  g_assert_true (rwb_graph_view_get_scene (graph_view ()) == scene);

  g_action_group_change_action_state (G_ACTION_GROUP (window), "layout-engine",
                                      g_variant_new_string ("dot"));
  g_assert_true (wait_for (is_idle, window));
  g_assert_false (gtk_revealer_get_reveal_child (banner));
}

static void
test_dark_theme (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autoptr (Picture) picture = NULL;
  RwbGraphView *view;
  ViewAnalysis analysis;

  ensure_sample_open ();
  view = graph_view ();

  g_object_set (settings, "gtk-application-prefer-dark-theme", TRUE, NULL);
  g_assert_true (wait_for (view_is_dark, view));

  picture = render_window ("test-window-dark.png");
  analyse_view (picture, &analysis);
  g_test_message ("dark: background #%06x, %.1f%% drawn", analysis.background,
                  analysis.ink * 100);
  g_assert_cmpfloat (luminance (analysis.background), <, 0.5);
  g_assert_cmpfloat (analysis.ink, >, 0.02);

  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
  g_assert_true (wait_for (view_is_light, view));
}

static void
test_close (void)
{
  ensure_sample_open ();

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (window);
  window = NULL;
}

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

static int test_status;

/* Runs the tests from inside the application's main loop, once it has opened the sample. */
static gboolean
run_tests (gpointer data)
{
  test_status = g_test_run ();
  /* test_close destroyed the last window, which ends the application; this covers a run
   * (with -p) that skipped it. */
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int argc, char *argv[])
{
  const char *sample;
  char *app_argv[3];

  g_log_set_writer_func (log_writer, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);

  sample = g_getenv ("RAWABIT_SAMPLE");
  g_assert_nonnull (sample);

  g_test_add_func ("/window/open-sample", test_open_sample);
  g_test_add_func ("/window/change-engine", test_change_engine);
  g_test_add_func ("/window/show-mentions", test_show_mentions);
  g_test_add_func ("/window/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/window/rapid-changes", test_rapid_changes);
  g_test_add_func ("/window/dark-theme", test_dark_theme);
  g_test_add_func ("/window/close", test_close);

  app = rwb_application_new ();
  /* Never hand the files to a Rawabit the developer has open. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);

  /* `rawabit SAMPLE`: the sample goes through the command-line path, and the application's
   * whole life (startup to shutdown) runs, so it can be checked for leaks at the end. */
  app_argv[0] = argv[0];
  app_argv[1] = (char *) sample;
  app_argv[2] = NULL;
  g_idle_add (run_tests, NULL);
  g_application_run (G_APPLICATION (app), 2, app_argv);

  g_assert_finalize_object (app);
  return test_status;
}
