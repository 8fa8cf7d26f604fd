/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for rwb-layout: every engine through the helper process, failures as errors. */
#include "rwb-dot.h"
#include "rwb-layout.h"

#include <cairo.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

static RwbGraph *
small_graph (guint n)
{
  RwbGraph *g = rwb_graph_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Company %u", i);
      guint e = rwb_graph_add_entity (g, name, RWB_ENTITY_COMPANY);
      rwb_entity_add_alias (g_ptr_array_index (g->entities, e), "شركة");
    }
  for (guint i = 1; i < n; i++)
    rwb_graph_ensure_relation (g, i - 1, i, i % 2 ? RWB_RELATION_SUPPLY : RWB_RELATION_TALKS, 0.8);
  rwb_graph_ensure_relation (g, 0, n - 1, RWB_RELATION_MENTION, 0.2);
  return g;
}

static void
test_engines (void)
{
  g_autoptr (RwbGraph) g = small_graph (6);
  for (guint e = 0; e < RWB_LAYOUT_N_ENGINES; e++)
    {
      RwbLayoutOptions options;
      rwb_layout_options_init (&options);
      options.engine = e;
      g_autoptr (GError) error = NULL;
      g_autoptr (RwbScene) scene = rwb_layout_run (g, &options, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (scene->nodes->len, ==, 6);
      /* Mentions are left out of the layout unless asked for. */
      g_assert_cmpuint (scene->edges->len, ==, 5);
      g_assert_cmpfloat (scene->bounds.width, >, 0);
      /* Nodes do not overlap and lie inside the bounds. */
      for (guint i = 0; i < scene->nodes->len; i++)
        {
          RwbSceneNode *a = &g_array_index (scene->nodes, RwbSceneNode, i);
          g_assert_cmpfloat (a->x - a->width / 2, >=, scene->bounds.x - 1);
          g_assert_cmpfloat (a->y + a->height / 2, <=, scene->bounds.y + scene->bounds.height + 1);
          g_assert_nonnull (a->sublabel);
          for (guint j = i + 1; j < scene->nodes->len; j++)
            {
              RwbSceneNode *b = &g_array_index (scene->nodes, RwbSceneNode, j);
              gboolean apart = fabs (a->x - b->x) >= (a->width + b->width) / 2 - 1
                               || fabs (a->y - b->y) >= (a->height + b->height) / 2 - 1;
              if (!apart)
                g_error ("%s: nodes %u and %u overlap", rwb_layout_engine_to_string (e), i, j);
            }
        }
      for (guint i = 0; i < scene->edges->len; i++)
        g_assert_cmpuint (g_array_index (scene->edges, RwbSceneEdge, i).points->len, >=, 4);
    }
}

static void
test_missing_helper (void)
{
  g_autoptr (RwbGraph) g = small_graph (2);
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  g_autofree char *saved = g_strdup (g_getenv ("RAWABIT_LAYOUT_HELPER"));
  g_setenv ("RAWABIT_LAYOUT_HELPER", "/nonexistent/rawabit-layout", TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbScene) scene = rwb_layout_run (g, &options, NULL, &error);
  g_assert_null (scene);
  g_assert_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_HELPER);
  g_setenv ("RAWABIT_LAYOUT_HELPER", saved, TRUE);
}

static void
test_crash_is_error (void)
{
  /* A helper that dies from a signal stands for Graphviz crashing: the caller gets an error
   * and lives on. */
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-layout-XXXXXX", &error);
  g_autofree char *fake = g_build_filename (dir, "crash", NULL);
  g_assert_true (g_file_set_contents (fake, "#!/bin/sh\ncat >/dev/null\nkill -SEGV $$\n", -1,
                                      NULL));
  g_chmod (fake, 0755);
  g_autofree char *saved = g_strdup (g_getenv ("RAWABIT_LAYOUT_HELPER"));
  g_setenv ("RAWABIT_LAYOUT_HELPER", fake, TRUE);
  g_autoptr (RwbGraph) g = small_graph (3);
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  g_autoptr (RwbScene) scene = rwb_layout_run (g, &options, NULL, &error);
  g_assert_null (scene);
  g_assert_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_CRASHED);
  g_setenv ("RAWABIT_LAYOUT_HELPER", saved, TRUE);
  g_remove (fake);
  g_rmdir (dir);
}

static void
cancel_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;
  RwbScene *scene = rwb_layout_run_finish (result, error);
  g_assert_null (scene);
}

static void
test_cancel_kills (void)
{
  /* A helper that would sleep for a minute: Cancel must end it at once. */
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-layout-XXXXXX", &error);
  g_autofree char *fake = g_build_filename (dir, "slow", NULL);
  g_assert_true (g_file_set_contents (fake, "#!/bin/sh\nexec sleep 60\n", -1, NULL));
  g_chmod (fake, 0755);
  g_autofree char *saved = g_strdup (g_getenv ("RAWABIT_LAYOUT_HELPER"));
  g_setenv ("RAWABIT_LAYOUT_HELPER", fake, TRUE);
  g_autoptr (RwbGraph) g = small_graph (3);
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  g_autoptr (GCancellable) cancel = g_cancellable_new ();
  GError *async_error = NULL;
  gint64 start = g_get_monotonic_time ();
  rwb_layout_run_async (g, &options, cancel, cancel_done, &async_error);
  g_timeout_add_once (200, (GSourceOnceFunc) g_cancellable_cancel, cancel);
  while (async_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (async_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
  g_clear_error (&async_error);
  g_setenv ("RAWABIT_LAYOUT_HELPER", saved, TRUE);
  g_remove (fake);
  g_rmdir (dir);
}

/* Issue 10: Graphviz prints inf for nodes pinned at ±1e308. That was a SIGSEGV in the scene's
 * index; it is an error that says what. */
static void
test_infinite_coordinates (void)
{
  const char *dot = "graph G { layout=neato; notranslate=true; a [pos=\"1e308,0!\"]; "
                    "b [pos=\"-1e308,0!\"]; }\n";
  g_autoptr (RwbScene) scene = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) graph = rwb_dot_import (dot, strlen (dot), NULL, &scene, NULL, NULL,
                                               &error);
  g_assert_null (graph);
  g_assert_null (scene);
  g_assert_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_COORDINATES);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "cannot be drawn"));
}

/* Whatever the helper prints, the reader answers with a scene or an error. */
static void
test_bad_output (void)
{
  g_autoptr (RwbGraph) g = small_graph (2);
  static const char *const bad[] = {
    "",
    "not json",
    "[]",
    "{}",
    "{\"bb\": \"0,0,inf,10\"}",
    "{\"bb\": \"0,0,nan,10\"}",
    "{\"bb\": \"0,0,1e300,10\"}",
    "{\"bb\": \"0,0,10,10\", \"objects\": [{\"_gvid\": 0, \"name\": \"n0\", \"pos\": \"inf,1\", "
    "\"width\": \"1\", \"height\": \"1\"}]}",
    "{\"bb\": \"0,0,10,10\", \"objects\": [{\"_gvid\": 0, \"name\": \"n7\", \"pos\": \"1,1\", "
    "\"width\": \"1\", \"height\": \"1\"}]}",
    "{\"bb\": \"0,0,10,10\", \"objects\": [{\"_gvid\": 0, \"name\": \"n0\", \"pos\": \"1,1\", "
    "\"width\": \"-nan\", \"height\": \"1\"}]}",
    "{\"bb\": \"0,0,10,10\", \"objects\": [{\"_gvid\": 0, \"name\": \"n0\", \"pos\": \"1,1\", "
    "\"width\": \"1\", \"height\": \"1\"}, {\"_gvid\": 1, \"name\": \"n1\", \"pos\": \"1,1\", "
    "\"width\": \"1\", \"height\": \"1\"}], \"edges\": [{\"id\": \"r0\", \"tail\": 0, "
    "\"head\": 1, \"pos\": \"e,1,1 0,0 1,1 2,2 inf,3\"}]}",
    "{\"bb\": \"0,0,10,10\", \"edges\": [{\"id\": \"r0\", \"tail\": 5, \"head\": -1}]}",
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RwbScene) scene = rwb_layout_parse_output (g, bad[i], strlen (bad[i]),
                                                            RWB_LAYOUT_DOT, &error);
      if (scene != NULL)
        g_error ("output %u was taken: %s", i, bad[i]);
      g_assert_nonnull (error);
      g_assert_true (error->domain == RWB_LAYOUT_ERROR);
      if (i >= 4 && i <= 7)
        g_assert_cmpint (error->code, ==, RWB_LAYOUT_ERROR_COORDINATES);
      g_test_message ("%u: %s", i, error->message);
    }
  /* Nested 100,000 levels deep: refused before json-glib could overflow the stack. */
  g_autoptr (GString) deep = g_string_new (NULL);
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbScene) scene = rwb_layout_parse_output (g, deep->str, deep->len, RWB_LAYOUT_DOT,
                                                        &error);
  g_assert_null (scene);
  g_assert_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_OUTPUT);
}

/* Runs the helper on @dot with @args; TRUE if it opened @canary meanwhile (inotify). */
static gboolean
helper_opens (const char *dot, const char *canary, const char *const *args)
{
  int fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (fd, canary, IN_OPEN | IN_ACCESS), >=, 0);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (char *) g_getenv ("RAWABIT_LAYOUT_HELPER"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) proc = g_subprocess_newv ((const char *const *) argv->pdata,
                                                    G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                      | G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                                      | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                                    &error);
  g_assert_no_error (error);
  g_autoptr (GBytes) in = g_bytes_new (dot, strlen (dot));
  g_subprocess_communicate (proc, in, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  char buf[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  ssize_t n = read (fd, buf, sizeof buf);
  close (fd);
  return n > 0;
}

/* The second layer: with the import cleaner off (as if an attribute slipped past it), the
 * helper still cannot open the file an image attribute names. Without the sandbox it does,
 * which shows the check can see an open. */
static void
test_sandbox (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-sandbox-XXXXXX", &error);
  g_autofree char *canary = g_build_filename (dir, "canary.png", NULL);
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  g_assert_cmpint (cairo_surface_write_to_png (s, canary), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);
  g_autofree char *dot = g_strdup_printf ("digraph { a [image=\"%s\", label=\"A\"]; a -> b; }",
                                          canary);
  const char *const unsafe[] = { "--import", "--no-sanitize", "--no-sandbox", NULL };
  if (!helper_opens (dot, canary, unsafe))
    {
      g_test_skip ("this Graphviz does not open image files at all");
      return;
    }
  const char *const sandboxed[] = { "--import", "--no-sanitize", NULL };
  g_assert_false (helper_opens (dot, canary, sandboxed));
  g_remove (canary);
  g_rmdir (dir);
}

/* The pid of a child of @parent running rawabit-layout, or 0. */
static pid_t
find_helper (pid_t parent)
{
  g_autoptr (GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  while (proc && (name = g_dir_read_name (proc)))
    {
      if (!g_ascii_isdigit (name[0]))
        continue;
      g_autofree char *path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *stat = NULL;
      if (!g_file_get_contents (path, &stat, NULL, NULL))
        continue;
      /* "pid (comm) state ppid …" */
      const char *close = strrchr (stat, ')');
      if (close == NULL || !strstr (stat, "(rawabit-layout)"))
        continue;
      pid_t ppid = (pid_t) g_ascii_strtoll (close + 4, NULL, 10);
      if (ppid == parent)
        return (pid_t) g_ascii_strtoll (name, NULL, 10);
    }
  return 0;
}

/* Issue 10: killing the CLI during a long layout leaves no helper running. */
static void
test_orphan (void)
{
  const char *cli = g_getenv ("RAWABIT_CLI");
  if (cli == NULL)
    {
      g_test_skip ("RAWABIT_CLI not set");
      return;
    }
  /* dot on 700 nodes with random long edges runs for minutes. */
  g_autoptr (GString) dot = g_string_new ("digraph { nslimit=100000; mclimit=100;\n");
  GRand *rand = g_rand_new_with_seed (7);
  for (guint i = 0; i < 1400; i++)
    g_string_append_printf (dot, "  n%u -> n%u;\n", g_rand_int_range (rand, 0, 700),
                            g_rand_int_range (rand, 0, 700));
  g_rand_free (rand);
  g_string_append (dot, "}\n");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-orphan-XXXXXX", &error);
  g_autofree char *gv = g_build_filename (dir, "slow.gv", NULL);
  g_autofree char *png = g_build_filename (dir, "slow.png", NULL);
  g_assert_true (g_file_set_contents (gv, dot->str, dot->len, NULL));
  const char *argv[] = { cli, "render", "--engine", "dot", "--timeout", "120", "-o", png, gv,
                         NULL };
  g_autoptr (GSubprocess) proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                                    &error);
  g_assert_no_error (error);
  pid_t cli_pid = (pid_t) g_ascii_strtoll (g_subprocess_get_identifier (proc), NULL, 10);
  pid_t helper = 0;
  for (guint i = 0; i < 100 && helper == 0; i++)
    {
      g_usleep (50000);
      helper = find_helper (cli_pid);
    }
  g_assert_cmpint (helper, >, 0);
  g_usleep (300000);
  g_assert_cmpint (kill (helper, 0), ==, 0);
  g_subprocess_send_signal (proc, SIGKILL);
  g_subprocess_wait (proc, NULL, NULL);
  gboolean gone = FALSE;
  for (guint i = 0; i < 20 && !gone; i++)
    {
      /* Reparented to init (or a subreaper) and reaped, or at least a zombie. */
      g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) helper);
      g_autofree char *stat = NULL;
      gone = !g_file_get_contents (path, &stat, NULL, NULL) || strstr (stat, ") Z ") != NULL;
      if (!gone)
        g_usleep (50000);
    }
  if (!gone)
    kill (helper, SIGKILL);
  g_assert_true (gone);
  g_remove (gv);
  g_rmdir (dir);
}

/* Issue 10: the helper's time limit counts from when its input is in, not from its start: a
 * parent that takes longer than the limit to write a graph still gets a layout. */
static void
test_clock_after_input (void)
{
  const char *helper = g_getenv ("RAWABIT_LAYOUT_HELPER");
  g_autoptr (GError) error = NULL;
  const char *argv[] = { helper, "--timeout", "1", NULL };
  g_autoptr (GSubprocess) proc = NULL;
  GOutputStream *in;
  g_autoptr (GBytes) out = NULL;
  static const char dot[] = "digraph G { a -> b; }\n";

  g_assert_nonnull (helper);
  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                            | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  in = g_subprocess_get_stdin_pipe (proc);
  /* Half the graph, then longer than the limit (1 s, and its wall-clock alarm at 2 s) before
   * the rest. */
  g_assert_true (g_output_stream_write_all (in, dot, 10, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_flush (in, NULL, &error));
  g_usleep (2500 * 1000);
  g_autoptr (GBytes) rest = g_bytes_new_static (dot + 10, sizeof dot - 1 - 10);
  g_assert_true (g_subprocess_communicate (proc, rest, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (out, NULL), g_bytes_get_size (out), "\"bb\""));
}

/* A scene built by hand, as sfdp leaves a big graph without overlap removal: @n nodes of
 * varied sizes on a ball of radius @radius around (@cx, 0) (a fixed pseudo-random sequence),
 * each joined to the next by an edge with an arrowhead. */
static void
add_ball (RwbScene *scene, guint n, double cx, double radius, guint32 seed)
{
  RwbGraph *g = scene->graph;
  GRand *rand = g_rand_new_with_seed (seed);
  guint first = scene->nodes->len;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Node %u", first + i);
      RwbSceneNode node = { 0 };
      node.entity = rwb_graph_add_entity (g, name, RWB_ENTITY_COMPANY);
      double r = radius * sqrt (g_rand_double (rand)), t = g_rand_double_range (rand, 0, 2 * G_PI);
      node.x = cx + r * cos (t);
      node.y = r * sin (t);
      node.width = g_rand_double_range (rand, 40, 200);
      node.height = g_rand_int_range (rand, 0, 3) ? 30 : 48;
      g_array_append_val (scene->nodes, node);
    }
  for (guint i = first + 1; i < first + n; i++)
    {
      RwbSceneEdge edge = { 0 };
      edge.relation = rwb_graph_ensure_relation (g, i - 1, i, RWB_RELATION_SUPPLY, 0.9);
      edge.from = i - 1;
      edge.to = i;
      edge.points = g_array_new (FALSE, FALSE, sizeof (RwbPoint));
      const RwbSceneNode *a = &g_array_index (scene->nodes, RwbSceneNode, i - 1);
      const RwbSceneNode *b = &g_array_index (scene->nodes, RwbSceneNode, i);
      RwbPoint p[2] = { { a->x, a->y }, { b->x, b->y } };
      g_array_append_vals (edge.points, p, 2);
      edge.has_head = TRUE;
      edge.head = p[1];
      g_array_append_val (scene->edges, edge);
    }
  g_rand_free (rand);
}

/* The number of pairs of boxes closer than @gap − 0.01 points on both axes, by looking at
 * every pair. */
static guint
pairs_too_close (const RwbScene *scene, double gap)
{
  guint close = 0;
  for (guint i = 0; i < scene->nodes->len; i++)
    for (guint j = i + 1; j < scene->nodes->len; j++)
      {
        const RwbSceneNode *a = &g_array_index (scene->nodes, RwbSceneNode, i);
        const RwbSceneNode *b = &g_array_index (scene->nodes, RwbSceneNode, j);
        if (fabs (a->x - b->x) < (a->width + b->width) / 2 + gap - 0.01
            && fabs (a->y - b->y) < (a->height + b->height) / 2 + gap - 0.01)
          close++;
      }
  return close;
}

/* Whether @p lies on the outline of @n's box, within a point. */
static gboolean
on_border (const RwbSceneNode *n, RwbPoint p)
{
  double ex = fabs (fabs (p.x - n->x) - n->width / 2), ey = fabs (fabs (p.y - n->y) - n->height / 2);
  return (ex < 1 && fabs (p.y - n->y) <= n->height / 2 + 1)
         || (ey < 1 && fabs (p.x - n->x) <= n->width / 2 + 1);
}

/* The core's overlap removal for big graphs: two crowded balls far apart (as sfdp lays out
 * two parts) come out with every pair of boxes at least the gap apart, the left ball still
 * wholly left of the right one, every edge routed from border to border, and the work (pairs
 * looked at) linear in the nodes: a few dozen per node and pass, where all pairs would be
 * 1,500 per node. */
static void
test_spread_nodes (void)
{
  g_autoptr (RwbGraph) g = rwb_graph_new ();
  g_autoptr (RwbScene) scene = rwb_scene_new (g);
  add_ball (scene, 1500, 0, 300, 7);
  add_ball (scene, 1500, 5000, 300, 8);
  g_assert_cmpuint (pairs_too_close (scene, 0), >, 10000);
  guint64 work = 0;
  guint passes = rwb_scene_spread_nodes (scene, 20, &work);
  g_assert_cmpuint (pairs_too_close (scene, 20), ==, 0);
  g_assert_cmpuint (passes, >, 0);
  g_assert_cmpuint (work, <, (guint64) 60 * scene->nodes->len * (passes + 1));

  double right_of_left = -G_MAXDOUBLE, left_of_right = G_MAXDOUBLE;
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
      if (i < 1500)
        right_of_left = MAX (right_of_left, n->x);
      else
        left_of_right = MIN (left_of_right, n->x);
    }
  g_assert_cmpfloat (right_of_left, <, left_of_right);

  for (guint i = 0; i < scene->edges->len; i++)
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      const RwbSceneNode *a = &g_array_index (scene->nodes, RwbSceneNode, e->from);
      const RwbSceneNode *b = &g_array_index (scene->nodes, RwbSceneNode, e->to);
      g_assert_true (on_border (a, g_array_index (e->points, RwbPoint, 0)));
      g_assert_true (e->has_head && on_border (b, e->head));
    }
  /* The bounds hold the moved nodes. */
  const RwbSceneNode *last = &g_array_index (scene->nodes, RwbSceneNode, 2999);
  g_assert_cmpfloat (last->x + last->width / 2, <=, scene->bounds.x + scene->bounds.width + 0.01);
}

/* A layout that puts every node in one place (Graphviz does with a graph without edges) has
 * no direction to push in: the nodes are set out around it first, and the work stays linear
 * instead of every pair of the pile; so it does when one node lies far from a crowd. A layout
 * with room to spare is left as it is. */
static void
test_spread_pile (void)
{
  g_autoptr (RwbGraph) g = rwb_graph_new ();
  g_autoptr (RwbScene) scene = rwb_scene_new (g);
  add_ball (scene, 2000, 0, 0, 3);
  guint64 work = 0;
  guint passes = rwb_scene_spread_nodes (scene, 10, &work);
  g_assert_cmpuint (pairs_too_close (scene, 10), ==, 0);
  g_assert_cmpuint (work, <, (guint64) 60 * scene->nodes->len * (passes + 1));

  /* One node far out does not make the grid's cells big enough to hold the whole crowd. */
  g_autoptr (RwbGraph) g2 = rwb_graph_new ();
  g_autoptr (RwbScene) far = rwb_scene_new (g2);
  add_ball (far, 2000, 0, 300, 5);
  RwbSceneNode out = { .entity = rwb_graph_add_entity (g2, "Far out", RWB_ENTITY_PLACE),
                       .x = 1e6, .y = 1e6, .width = 80, .height = 30 };
  g_array_append_val (far->nodes, out);
  work = 0;
  passes = rwb_scene_spread_nodes (far, 10, &work);
  g_assert_cmpuint (pairs_too_close (far, 10), ==, 0);
  g_assert_cmpuint (work, <, (guint64) 60 * far->nodes->len * (passes + 1));

  g_autoptr (RwbScene) sparse = rwb_scene_new (g);
  for (guint i = 0; i < 50; i++)
    {
      RwbSceneNode node = { .entity = i, .x = (i % 10) * 300.0, .y = (i / 10) * 200.0,
                            .width = 100, .height = 40 };
      g_array_append_val (sparse->nodes, node);
    }
  g_assert_cmpuint (rwb_scene_spread_nodes (sparse, 20, NULL), ==, 0);
  for (guint i = 0; i < 50; i++)
    {
      const RwbSceneNode *n = &g_array_index (sparse->nodes, RwbSceneNode, i);
      g_assert_cmpfloat (n->x, ==, (i % 10) * 300.0);
      g_assert_cmpfloat (n->y, ==, (i / 10) * 200.0);
    }
}

/* A graph past the size where sfdp takes over comes out of the whole layout (helper, JSON,
 * the core's overlap removal) with no two boxes overlapping. */
static void
test_big_layout_no_overlap (void)
{
  g_autoptr (RwbGraph) g = small_graph (450);
  for (guint i = 0; i + 37 < 450; i += 3)
    rwb_graph_ensure_relation (g, i, (i * 7 + 37) % 450, RWB_RELATION_PARTNERSHIP, 0.7);
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  options.engine = rwb_layout_engine_for_size (g->entities->len);
  g_assert_cmpint (options.engine, ==, RWB_LAYOUT_SFDP);
  g_autofree char *dot = rwb_layout_graph_to_dot (g, &options);
  /* Graphviz keeps its overlaps; the core removes them. */
  g_assert_nonnull (strstr (dot, "overlap=true"));
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbScene) scene = rwb_layout_run (g, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scene->nodes->len, ==, 450);
  g_assert_cmpuint (pairs_too_close (scene, 0), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout/engines", test_engines);
  g_test_add_func ("/layout/missing-helper", test_missing_helper);
  g_test_add_func ("/layout/crash-is-error", test_crash_is_error);
  g_test_add_func ("/layout/cancel-kills", test_cancel_kills);
  g_test_add_func ("/layout/infinite-coordinates", test_infinite_coordinates);
  g_test_add_func ("/layout/bad-output", test_bad_output);
  g_test_add_func ("/layout/sandbox", test_sandbox);
  g_test_add_func ("/layout/orphan", test_orphan);
  g_test_add_func ("/layout/clock-after-input", test_clock_after_input);
  g_test_add_func ("/layout/spread-nodes", test_spread_nodes);
  g_test_add_func ("/layout/spread-pile", test_spread_pile);
  g_test_add_func ("/layout/big-no-overlap", test_big_layout_no_overlap);
  return g_test_run ();
}
