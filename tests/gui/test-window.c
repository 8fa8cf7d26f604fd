/* SPDX-License-Identifier: GPL-3.0-or-later */
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

#include "gui-test-util.h"

static RwbApplication *app;
static RwbWindow *window;

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
  return template_child_of (window, RWB_TYPE_WINDOW, name);
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

/* The whole window as the compositor gets it, saved as @name; the size rules out a window
 * that never got mapped. */
static Picture *
render_window (const char *name)
{
  Picture *picture = render_widget (GTK_WIDGET (window), name);

  g_assert_cmpint (picture->width, >, 100);
  g_assert_cmpint (picture->height, >, 100);
  return picture;
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
  window = wait_for_sample (app, window);
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

/* Whether @filter shows a file called @name whose content type is @content_type. */
static gboolean
filter_shows (GtkFileFilter *filter, const char *name, const char *content_type)
{
  g_autoptr (GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  g_file_info_set_content_type (info, content_type);
  return gtk_filter_match (GTK_FILTER (filter), info);
}

/* The Open dialog's filters: articles, projects and graphs together, then each kind, then all
 * files; each shows its own kind and nothing of the others. */
static void
test_open_filters (void)
{
  g_autoptr (GListModel) filters = rwb_window_new_open_filters ();
  static const struct {
    const char *name;
    const char *content_type;
    /* Which filter shows it: combined, articles, projects, graphs, all. */
    gboolean shown[5];
  } files[] = {
    { "news.txt", "text/plain", { TRUE, TRUE, FALSE, FALSE, TRUE } },
    { "page.html", "text/html", { TRUE, TRUE, FALSE, FALSE, TRUE } },
    { "PAGE.HTM", "text/html", { TRUE, TRUE, FALSE, FALSE, TRUE } },
    /* An article without a suffix, known by its content type in the first filter. */
    { "article", "text/plain", { TRUE, FALSE, FALSE, FALSE, TRUE } },
    { "work.rawabit", "application/x-rawabit", { TRUE, FALSE, TRUE, FALSE, TRUE } },
    { "g.gv", "text/vnd.graphviz", { TRUE, FALSE, FALSE, TRUE, TRUE } },
    { "g.dot", "text/vnd.graphviz", { TRUE, FALSE, FALSE, TRUE, TRUE } },
    { "g.graphml", "application/graphml+xml", { TRUE, FALSE, FALSE, TRUE, TRUE } },
    { "g.gexf", "application/x-gexf+xml", { TRUE, FALSE, FALSE, TRUE, TRUE } },
    { "g.rawabit.json", "application/x-rawabit-graph+json", { TRUE, FALSE, FALSE, TRUE, TRUE } },
    { "photo.png", "image/png", { FALSE, FALSE, FALSE, FALSE, TRUE } },
  };

  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 5);
  for (guint f = 0; f < 5; f++)
    {
      g_autoptr (GtkFileFilter) filter = g_list_model_get_item (filters, f);

      g_assert_true (GTK_IS_FILE_FILTER (filter));
      g_assert_nonnull (gtk_file_filter_get_name (filter));
      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          if (filter_shows (filter, files[i].name, files[i].content_type) != files[i].shown[f])
            g_error ("filter “%s” %s %s", gtk_file_filter_get_name (filter),
                     files[i].shown[f] ? "hides" : "shows", files[i].name);
        }
    }
}

static void
test_close (void)
{
  ensure_sample_open ();

  close_window (app, &window);
}

int
main (int argc, char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/window/open-sample", test_open_sample);
  g_test_add_func ("/window/change-engine", test_change_engine);
  g_test_add_func ("/window/show-mentions", test_show_mentions);
  g_test_add_func ("/window/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/window/rapid-changes", test_rapid_changes);
  g_test_add_func ("/window/dark-theme", test_dark_theme);
  g_test_add_func ("/window/open-filters", test_open_filters);
  g_test_add_func ("/window/close", test_close);

  app = rwb_application_new ();
  return gui_test_run_app (app, argv[0]);
}
