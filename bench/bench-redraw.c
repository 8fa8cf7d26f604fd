/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-redraw — frame times of the graph view on big graphs.
 *
 * Usage: xvfb-run -a -s '-screen 0 1280x800x24' env GSK_RENDERER=cairo \
 *          build/bench/bench-redraw [--frames N] [--sizes 1000,5000,20000]
 *
 * For each size it builds a random geometric graph (nodes spread evenly, each joined to about
 * two near neighbours, so edges ≈ 2 × nodes; labels of realistic length, a third with an
 * Arabic second line) straight into an RwbScene, without Graphviz, and shows it in a graph
 * view filling a 1280 × 800 window. Then it times N frames of each scenario:
 *
 *   pan-fit   the whole graph in view, panning 13 × 7 px per frame (plain scroll)
 *   pan-1:1   at scale 1 (labels drawn), panning 13 × 7 px per frame
 *   zoom      Ctrl+scroll at the centre, 3 % per frame, in from the fitted view then out
 *   zoom-1:1  the same from scale 1 (labels drawn) out to 0.23 and back: past the zoom where
 *             labels are dropped, the most text a frame draws
 *   hover     in the fitted view, the pointer moving from node to node (the rest dims)
 *
 * With --file GRAPH (repeatable) it times the same scenarios on that file instead: a DOT file
 * (.gv, .dot) imported as a Graphviz viewer shows it (laid out by sfdp, drawn with its own
 * styles), or a Rawabit JSON graph laid out as the window does. The same generated graph
 * (bench/gen-graph.py) as both compares imported and native scenes of one size.
 *
 * A frame is what GTK does for the screen: the input path queues a draw, then the view is
 * snapshotted (gtk_widget_snapshot_child() from the window, which rebuilds its render node) and
 * the node rendered to a texture by the window's own renderer (gsk_renderer_render_texture). "direct" is the same viewport drawn with one call of
 * rwb_render_scene() into a 1280 × 800 image, without the view's tiles and overlay: the cost
 * of drawing everything on every frame. Prints median and 95th percentile in ms.
 */
#define G_LOG_DOMAIN "rawabit-bench-redraw"

#include "rwb-config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "rwb-dot.h"
#include "rwb-graph-view-private.h"
#include "rwb-graph-view.h"
#include "rwb-json.h"
#include "rwb-layout.h"
#include "rwb-render.h"

#define WIDTH 1280
#define HEIGHT 800
/* Average distance between neighbouring node centres, points: about what dot leaves. */
#define SPACING 150.0

static const char *const syllables[] = {
  "Al", "ba", "Cor", "da", "Ex", "fin", "Gro", "hal", "In", "ja", "Kor", "lum", "Me", "nor",
  "Ost", "pa", "Qu", "ri", "Sol", "ta", "Ur", "vin", "Wex", "zen",
};
static const char *const arabic[] = { "شركة", "مجموعة", "وكالة", "السيد", "مدينة", "بنك" };

static RwbGraph *
make_graph (guint n, GRand *rand)
{
  RwbGraph *graph = rwb_graph_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GString) name = g_string_new (NULL);
      guint parts = g_rand_int_range (rand, 2, 5);
      guint e;

      for (guint k = 0; k < parts; k++)
        g_string_append (name, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
      g_string_append_printf (name, " %u", i);
      e = rwb_graph_add_entity (graph, name->str, g_rand_int_range (rand, 0, RWB_ENTITY_N_TYPES));
      if (i % 3 == 0)
        {
          g_autofree char *alias = g_strdup_printf ("%s %u",
                                                    arabic[g_rand_int_range (rand, 0, G_N_ELEMENTS (arabic))],
                                                    i);
          rwb_entity_add_alias (g_ptr_array_index (graph->entities, e), alias);
        }
    }
  return graph;
}

/* Nodes on a jittered grid; each joined to two of its nearest grid neighbours. */
static RwbScene *
make_scene (RwbGraph *graph, GRand *rand)
{
  guint n = graph->entities->len;
  guint side = (guint) ceil (sqrt (n));
  RwbScene *scene = rwb_scene_new (graph);

  for (guint i = 0; i < n; i++)
    {
      RwbSceneNode node = { 0 };

      node.entity = i;
      node.x = (i % side) * SPACING * 1.4 + g_rand_double_range (rand, -30, 30);
      node.y = (i / side) * SPACING * 0.8 + g_rand_double_range (rand, -15, 15);
      rwb_render_entity_labels (g_ptr_array_index (graph->entities, i), &node.label,
                                &node.sublabel);
      rwb_render_measure_node (node.label, node.sublabel, &node.width, &node.height);
      g_array_append_val (scene->nodes, node);
    }

  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < 2; k++)
      {
        static const int offsets[][2] = { { 1, 0 }, { 0, 1 }, { 1, 1 }, { -1, 1 }, { 2, 0 } };
        const int *o = offsets[g_rand_int_range (rand, 0, G_N_ELEMENTS (offsets))];
        gint col = i % side + o[0], row = i / side + o[1];
        guint j = row * side + col;
        RwbRelationType type = g_rand_int_range (rand, 0, RWB_RELATION_MENTION);
        guint r;
        RwbSceneEdge edge = { 0 };

        if (col < 0 || col >= (gint) side || j >= n)
          continue;
        r = rwb_graph_ensure_relation (graph, i, j, type, g_rand_double_range (rand, 0.5, 1));
        if (r < scene->edges->len)
          continue; /* the same pair and type twice */
        edge.relation = r;
        edge.from = ((RwbRelation *) g_ptr_array_index (graph->relations, r))->source;
        edge.to = ((RwbRelation *) g_ptr_array_index (graph->relations, r))->target;
        edge.has_head = ((RwbRelation *) g_ptr_array_index (graph->relations, r))->directed;
        edge.points = g_array_new (FALSE, TRUE, sizeof (RwbPoint));
        g_array_set_size (edge.points, 4);
        g_array_append_val (scene->edges, edge);
      }

  /* Moving each node onto its own place routes its edges from border to border. */
  for (guint i = 0; i < n; i++)
    {
      const RwbSceneNode *node = &g_array_index (scene->nodes, RwbSceneNode, i);
      rwb_scene_move_node (scene, i, node->x, node->y);
    }
  rwb_scene_update_bounds (scene);
  scene->engine = g_strdup ("bench");
  return scene;
}

static GtkWindow *window;
static RwbGraphView *view;
static int frames_per = 100;

/* One frame, as GTK paints one: the view's render node made again if a draw was queued (the
 * window's own snapshot of its child), then rasterized by the window's renderer. Forced here
 * rather than waited for, since the frame clock would round every frame up to 1/60 s. */
static void
render_frame (void)
{
  int w = gtk_widget_get_width (GTK_WIDGET (window));
  int h = gtk_widget_get_height (GTK_WIDGET (window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GdkTexture *texture;

  gtk_widget_snapshot_child (GTK_WIDGET (window), GTK_WIDGET (view), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    g_error ("no picture of the view (%d × %d): is it mapped?", w, h);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  gsk_render_node_unref (node);
  g_object_unref (texture);
}

/* The same viewport drawn whole, without the view's caches. */
static void
render_direct (void)
{
  static cairo_surface_t *surface;
  static RwbRenderCache *cache;
  RwbViewport vp;
  RwbStyle style;
  cairo_t *cr;

  if (surface == NULL)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  if (cache == NULL)
    cache = rwb_render_cache_new ();
  rwb_graph_view_get_viewport (view, &vp);
  rwb_style_init (&style);
  style.cache = cache;
  cr = cairo_create (surface);
  rwb_render_scene (cr, rwb_graph_view_get_scene (view), &style, &vp, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

typedef enum { PAN, ZOOM, ZOOM_OUT, HOVER } Scenario;

static void
step (Scenario scenario, int i, int frames, const RwbScene *scene)
{
  switch (scenario)
    {
    case PAN:
      /* Back and forth, so the graph stays in view. */
      rwb_graph_view_scroll (view, i < frames / 2 ? 13 : -13, i < frames / 2 ? 7 : -7,
                             GDK_SCROLL_UNIT_SURFACE, 0);
      break;
    case ZOOM:
    case ZOOM_OUT:
      rwb_graph_view_scroll (view, 0, (i < frames / 2) == (scenario == ZOOM) ? -3 : 3,
                             GDK_SCROLL_UNIT_SURFACE, GDK_CONTROL_MASK);
      break;
    case HOVER:
      {
        const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode,
                                                (i * 7919u) % scene->nodes->len);
        RwbViewport vp;

        rwb_graph_view_get_viewport (view, &vp);
        /* Every other frame on a node, else on empty space beside it. */
        rwb_graph_view_pointer_motion (view, (n->x - vp.origin_x) * vp.scale + (i % 2 ? 0 : 300),
                                       (n->y - vp.origin_y) * vp.scale);
      }
      break;
    }
}

static void
time_scenario (const char *name, Scenario scenario, int frames, guint n_nodes, guint n_edges,
               gboolean direct)
{
  const RwbScene *scene = rwb_graph_view_get_scene (view);
  g_autofree double *times = g_new (double, frames);
  RwbViewport start;

  rwb_graph_view_get_viewport (view, &start);
  for (int i = 0; i < frames; i++)
    {
      gint64 t0;

      step (scenario, i, frames, scene);
      t0 = g_get_monotonic_time ();
      if (direct)
        render_direct ();
      else
        render_frame ();
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
      /* Let GTK handle what the frame queued, outside the timed part. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  rwb_graph_view_pointer_leave (view);
  qsort (times, frames, sizeof (double), compare_double);
  printf ("%7u %7u  %-8s %-6s  %8.2f %8.2f %8.2f   (scale %.3f)\n", n_nodes, n_edges, name,
          direct ? "direct" : "view", times[frames / 2], times[(int) ceil (frames * 0.95) - 1],
          times[frames - 1], start.scale);
  fflush (stdout);
}

static void
reset_zoom (gboolean one_to_one)
{
  gtk_widget_activate_action (GTK_WIDGET (view), "view.fit", NULL);
  if (one_to_one)
    {
      rwb_graph_view_pointer_leave (view);
      gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-reset", NULL);
    }
  /* Tiles of the previous scenario are not part of the next one's first frame... */
  render_frame ();
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GLogWriterOutput
log_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].value != NULL
        && g_str_has_prefix (fields[i].value, "Unable to acquire session bus"))
      return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

/* Every scenario on @scene (the view takes it). */
static void
run_scenarios (RwbScene *scene)
{
  guint n = scene->nodes->len, n_edges = scene->edges->len;
  gint64 t1 = g_get_monotonic_time ();
  rwb_graph_view_set_scene (view, scene);
  fprintf (stderr, "  set (index) in %.1f ms\n", (g_get_monotonic_time () - t1) / 1000.0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));

  reset_zoom (FALSE);
  time_scenario ("pan-fit", PAN, frames_per, n, n_edges, FALSE);
  reset_zoom (FALSE);
  time_scenario ("pan-fit", PAN, frames_per, n, n_edges, TRUE);
  reset_zoom (TRUE);
  time_scenario ("pan-1:1", PAN, frames_per, n, n_edges, FALSE);
  reset_zoom (TRUE);
  time_scenario ("pan-1:1", PAN, frames_per, n, n_edges, TRUE);
  reset_zoom (FALSE);
  time_scenario ("zoom", ZOOM, frames_per, n, n_edges, FALSE);
  reset_zoom (FALSE);
  time_scenario ("zoom", ZOOM, frames_per, n, n_edges, TRUE);
  reset_zoom (TRUE);
  time_scenario ("zoom-1:1", ZOOM_OUT, frames_per, n, n_edges, FALSE);
  reset_zoom (TRUE);
  time_scenario ("zoom-1:1", ZOOM_OUT, frames_per, n, n_edges, TRUE);
  reset_zoom (FALSE);
  time_scenario ("hover", HOVER, frames_per, n, n_edges, FALSE);
}

/* A scene from a DOT file (imported, sfdp) or a Rawabit JSON graph (laid out). */
static RwbScene *
load_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr (GError) error = NULL;
  RwbScene *scene = NULL;
  if (!g_file_get_contents (path, &data, &len, &error))
    goto fail;
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  options.timeout_seconds = 600;
  if (g_str_has_suffix (path, ".json"))
    {
      g_autoptr (RwbGraph) graph = rwb_json_read (data, len, &error);
      if (graph == NULL)
        goto fail;
      options.engine = rwb_layout_engine_for_size (graph->entities->len);
      scene = rwb_layout_run (graph, &options, NULL, &error);
    }
  else
    {
      options.engine = RWB_LAYOUT_SFDP;
      g_autoptr (RwbGraph) graph = rwb_dot_import (data, len, &options, &scene, NULL, NULL,
                                                   &error);
    }
  if (scene)
    return scene;
fail:
  fprintf (stderr, "%s: %s\n", path, error ? error->message : "no scene");
  return NULL;
}

int
main (int argc, char **argv)
{
  int frames = 100;
  g_autoptr (GPtrArray) file_list = g_ptr_array_new ();
  g_auto (GStrv) sizes = g_strsplit ("1000,5000,20000", ",", -1);
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);

  g_log_set_writer_func (log_writer, NULL, NULL);
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--frames") && i + 1 < argc)
        {
          frames = atoi (argv[++i]); /* not inside MAX(), which evaluates twice */
          frames = MAX (frames, 2);
        }
      else if (g_str_equal (argv[i], "--file") && i + 1 < argc)
        g_ptr_array_add (file_list, argv[++i]);
      else if (g_str_equal (argv[i], "--sizes") && i + 1 < argc)
        {
          g_strfreev (sizes);
          sizes = g_strsplit (argv[++i], ",", -1);
        }
      else
        {
          fprintf (stderr, "usage: bench-redraw [--frames N] [--sizes 1000,5000,20000] [--file GRAPH]...\n");
          return 2;
        }
    }

  frames_per = frames;
  g_ptr_array_add (file_list, NULL);
  char **files = file_list->len > 1 ? (char **) file_list->pdata : NULL;
  gtk_init ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  view = RWB_GRAPH_VIEW (rwb_graph_view_new ());
  g_object_set (view, "show-legend", TRUE, NULL);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);

  printf ("renderer %s, %d frames per scenario, view %d × %d\n",
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))), frames, WIDTH,
          HEIGHT);
  printf ("  nodes   edges  scenario draw      median      p95      max   (ms)\n");

  for (guint f = 0; files && files[f]; f++)
    {
      RwbScene *scene = load_file (files[f]);
      if (scene == NULL)
        return 1;
      fprintf (stderr, "%s: %u nodes, %u edges%s\n", files[f], scene->nodes->len,
               scene->edges->len, scene->from_dot ? " (imported DOT)" : "");
      run_scenarios (scene);
    }
  for (guint s = 0; files == NULL && sizes[s] != NULL; s++)
    {
      guint n = (guint) g_ascii_strtoull (sizes[s], NULL, 10);
      g_autoptr (RwbGraph) graph = make_graph (n, rand);
      gint64 t0 = g_get_monotonic_time ();
      RwbScene *scene = make_scene (graph, rand);
      fprintf (stderr, "%u nodes: scene built in %.0f ms\n", n,
               (g_get_monotonic_time () - t0) / 1000.0);
      run_scenarios (scene);
    }

  rwb_graph_view_set_scene (view, NULL);
  gtk_window_destroy (window);
  return 0;
}
