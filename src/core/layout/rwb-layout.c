/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-layout.c — Graphviz layout through the `rawabit-layout` child process.
 *
 * Protocol: DOT on the child's stdin; on its stdout one line per item, in points with y up:
 *   graph LLX LLY URX URY
 *   node NAME X Y WIDTH HEIGHT
 *   edge ID TAIL HEAD N X1 Y1 … XN YN [head X Y] [tail X Y] [label X Y]
 * Names escape spaces and backslashes as \xHH.
 */
#define G_LOG_DOMAIN "rawabit-layout"

#include "rwb-layout.h"
#include "rwb-layout-private.h"
#include "rwb-render.h"
#include "rwb-config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (rwb-layout-error-quark, rwb_layout_error)

#define DEFAULT_TIMEOUT RWB_LAYOUT_DEFAULT_TIMEOUT

static const char *const engine_names[RWB_LAYOUT_N_ENGINES] = {
  "dot", "neato", "fdp", "sfdp", "circo", "twopi",
};

/**
 * rwb_layout_engine_to_string:
 * The Graphviz name of @engine.
 */
const char *
rwb_layout_engine_to_string (RwbLayoutEngine engine)
{
  g_return_val_if_fail (engine < RWB_LAYOUT_N_ENGINES, "dot");
  return engine_names[engine];
}

/**
 * rwb_layout_engine_from_string:
 * Parses a Graphviz engine name; FALSE if it is not one we offer.
 */
gboolean
rwb_layout_engine_from_string (const char *str, RwbLayoutEngine *out)
{
  for (guint i = 0; str && i < RWB_LAYOUT_N_ENGINES; i++)
    if (g_str_equal (str, engine_names[i]))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * rwb_layout_options_init:
 * Defaults: dot, no mention edges, 60 s.
 */
void
rwb_layout_options_init (RwbLayoutOptions *options)
{
  memset (options, 0, sizeof *options);
  options->engine = RWB_LAYOUT_DOT;
}

static gboolean
edge_included (const RwbRelation *r, const RwbLayoutOptions *options)
{
  return r->type != RWB_RELATION_MENTION || options->include_mentions;
}

/**
 * rwb_layout_graph_to_dot:
 * The DOT text handed to Graphviz: node sizes measured for the renderer, edge labels of the
 * size the renderer draws. (DOT for other tools is written by rwb-formats.)
 */
char *
rwb_layout_graph_to_dot (RwbGraph *graph, const RwbLayoutOptions *options)
{
  g_return_val_if_fail (graph != NULL && options != NULL, NULL);
  GString *s = g_string_new ("digraph rawabit {\n");
  g_string_append (s, "  graph [outputorder=edgesfirst, splines=true, overlap=prism, "
                      "nodesep=0.35, ranksep=0.6, sep=\"+8\", esep=\"+4\"");
  if (options->engine == RWB_LAYOUT_DOT)
    g_string_append_printf (s, ", rankdir=%s", options->rankdir ? options->rankdir : "LR");
  /* Bounded effort on big graphs: Graphviz's own iteration limits. */
  g_string_append (s, ", nslimit=50, nslimit1=50, mclimit=2, maxiter=2000];\n");
  g_string_append (s, "  node [shape=box, fixedsize=true];\n");
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      g_autofree char *label = NULL, *sublabel = NULL;
      double w, h;
      rwb_render_entity_labels (e, &label, &sublabel);
      rwb_render_measure_node (label, sublabel, &w, &h);
      char wb[G_ASCII_DTOSTR_BUF_SIZE], hb[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append_printf (s, "  n%u [width=%s, height=%s, label=\"\"];\n", i,
                              g_ascii_formatd (wb, sizeof wb, "%.3f", w / 72.0),
                              g_ascii_formatd (hb, sizeof hb, "%.3f", h / 72.0));
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      if (!edge_included (r, options))
        continue;
      g_string_append_printf (s, "  n%u -> n%u [id=r%u, dir=%s", r->source, r->target, i,
                              r->directed ? "forward" : "none");
      if (r->type == RWB_RELATION_MENTION)
        g_string_append (s, ", weight=0");
      else
        /* A label of the size the renderer draws, so Graphviz leaves room for it (dot makes
         * it a virtual node) and reports where it goes. */
        g_string_append_printf (s, ", label=\"%s\", fontsize=8.5, fontname=\"DejaVu Sans\"",
                                rwb_relation_type_to_string (r->type));
      g_string_append (s, "];\n");
    }
  g_string_append (s, "}\n");
  return g_string_free (s, FALSE);
}

static char *
find_helper (void)
{
  const char *env = g_getenv ("RAWABIT_LAYOUT_HELPER");
  if (env && *env)
    return g_strdup (env);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  if (self)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      const char *const candidates[] = { "rawabit-layout", "../rawabit-layout" };
      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          char *path = g_build_filename (dir, candidates[i], NULL);
          if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
            return path;
          g_free (path);
        }
    }
  return g_build_filename (RWB_LIBEXECDIR, "rawabit-layout", NULL);
}

/**
 * rwb_layout_spawn_helper:
 * Starts the helper with @args (see rwb-layout-private.h).
 */
GSubprocess *
rwb_layout_spawn_helper (const char *const *args, GError **error)
{
  g_autofree char *helper = find_helper ();
  if (!g_file_test (helper, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_HELPER,
                   _("The layout helper %s is missing; reinstall Rawabit"), helper);
      return NULL;
    }
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
    | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Graphviz opens no files (images, shapes, fonts named by a graph) with this set. */
  g_subprocess_launcher_setenv (launcher, "SERVER_NAME", "rawabit-layout", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, helper);
  for (guint i = 0; args && args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  return g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, error);
}

static GSubprocess *
spawn_helper (const RwbLayoutOptions *options, GError **error)
{
  guint timeout = options->timeout_seconds ? options->timeout_seconds : DEFAULT_TIMEOUT;
  g_autofree char *timeout_str = g_strdup_printf ("%u", timeout);
  const char *const args[] = { "--engine", rwb_layout_engine_to_string (options->engine),
                               "--timeout", timeout_str, NULL };
  return rwb_layout_spawn_helper (args, error);
}

static char *
unescape (const char *s)
{
  GString *out = g_string_new (NULL);
  for (; *s; s++)
    {
      if (s[0] == '\\' && s[1] == 'x' && g_ascii_isxdigit (s[2]) && g_ascii_isxdigit (s[3]))
        {
          g_string_append_c (out, (char) (g_ascii_xdigit_value (s[2]) * 16
                                          + g_ascii_xdigit_value (s[3])));
          s += 3;
        }
      else
        g_string_append_c (out, *s);
    }
  return g_string_free (out, FALSE);
}

static gboolean
output_error (GError **error, guint line)
{
  g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_OUTPUT,
               _("The layout helper wrote something unexpected (line %u)"), line);
  return FALSE;
}

static gboolean
parse_index (const char *name, char prefix, guint limit, guint *out)
{
  if (name[0] != prefix || !g_ascii_isdigit (name[1]))
    return FALSE;
  char *end;
  guint64 v = g_ascii_strtoull (name + 1, &end, 10);
  if (*end != '\0' || v >= limit)
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

static RwbScene *
parse_output (RwbGraph *graph, const char *out, RwbLayoutEngine engine, GError **error)
{
  g_autoptr (RwbScene) scene = rwb_scene_new (graph);
  scene->engine = g_strdup (rwb_layout_engine_to_string (engine));
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  double top = 0;
  gboolean have_graph = FALSE;
  g_autoptr (GHashTable) node_index = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint n = 0; lines[n]; n++)
    {
      if (*lines[n] == '\0')
        continue;
      g_auto (GStrv) f = g_strsplit (lines[n], " ", -1);
      guint nf = g_strv_length (f);
      if (g_str_equal (f[0], "graph") && nf == 5)
        {
          double llx = g_ascii_strtod (f[1], NULL), lly = g_ascii_strtod (f[2], NULL);
          double urx = g_ascii_strtod (f[3], NULL), ury = g_ascii_strtod (f[4], NULL);
          top = ury;
          scene->bounds = (RwbRect) { llx, 0, urx - llx, ury - lly };
          have_graph = TRUE;
        }
      else if (g_str_equal (f[0], "node") && nf == 6 && have_graph)
        {
          g_autofree char *name = unescape (f[1]);
          guint entity;
          if (!parse_index (name, 'n', graph->entities->len, &entity))
            return output_error (error, n + 1), NULL;
          RwbSceneNode node = { 0 };
          node.entity = entity;
          node.x = g_ascii_strtod (f[2], NULL);
          node.y = top - g_ascii_strtod (f[3], NULL);
          node.width = g_ascii_strtod (f[4], NULL);
          node.height = g_ascii_strtod (f[5], NULL);
          rwb_render_entity_labels (g_ptr_array_index (graph->entities, entity), &node.label,
                                    &node.sublabel);
          g_array_append_val (scene->nodes, node);
          g_hash_table_insert (node_index, GUINT_TO_POINTER (entity + 1),
                               GUINT_TO_POINTER (scene->nodes->len));
        }
      else if (g_str_equal (f[0], "edge") && nf >= 5 && have_graph)
        {
          g_autofree char *id = unescape (f[1]);
          g_autofree char *tail = unescape (f[2]);
          g_autofree char *head = unescape (f[3]);
          guint rel, t, h;
          if (!parse_index (id, 'r', graph->relations->len, &rel)
              || !parse_index (tail, 'n', graph->entities->len, &t)
              || !parse_index (head, 'n', graph->entities->len, &h))
            return output_error (error, n + 1), NULL;
          guint np = (guint) g_ascii_strtoull (f[4], NULL, 10);
          if (5 + 2 * (gsize) np > nf)
            return output_error (error, n + 1), NULL;
          RwbSceneEdge edge = { 0 };
          edge.relation = rel;
          edge.from = GPOINTER_TO_UINT (g_hash_table_lookup (node_index, GUINT_TO_POINTER (t + 1)));
          edge.to = GPOINTER_TO_UINT (g_hash_table_lookup (node_index, GUINT_TO_POINTER (h + 1)));
          if (edge.from == 0 || edge.to == 0)
            return output_error (error, n + 1), NULL;
          edge.from--, edge.to--;
          edge.points = g_array_sized_new (FALSE, FALSE, sizeof (RwbPoint), np);
          for (guint i = 0; i < np; i++)
            {
              RwbPoint p = { g_ascii_strtod (f[5 + 2 * i], NULL),
                             top - g_ascii_strtod (f[6 + 2 * i], NULL) };
              g_array_append_val (edge.points, p);
            }
          for (guint i = 5 + 2 * np; i + 2 < nf; i += 3)
            {
              double x = g_ascii_strtod (f[i + 1], NULL), y = top - g_ascii_strtod (f[i + 2], NULL);
              if (g_str_equal (f[i], "head"))
                edge.has_head = TRUE, edge.head = (RwbPoint) { x, y };
              else if (g_str_equal (f[i], "label"))
                edge.label_x = x, edge.label_y = y;
            }
          if (edge.label_x == 0 && edge.label_y == 0 && np > 0)
            {
              RwbPoint mid = g_array_index (edge.points, RwbPoint, np / 2);
              edge.label_x = mid.x, edge.label_y = mid.y;
            }
          g_array_append_val (scene->edges, edge);
        }
      else
        return output_error (error, n + 1), NULL;
    }
  if (!have_graph)
    return output_error (error, 1), NULL;
  return g_steal_pointer (&scene);
}

/* Turns the child's fate into a GError: killed by our time limit, crashed, or failed. */
static gboolean
check_exit (GSubprocess *proc, const char *err_text, guint timeout, GError **error)
{
  if (g_subprocess_get_if_signaled (proc))
    {
      int sig = g_subprocess_get_term_sig (proc);
      if (sig == SIGALRM || sig == SIGXCPU)
        g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_TIMEOUT,
                     _("Graphviz took longer than %u s and was stopped"), timeout);
      else
        g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_CRASHED,
                     _("Graphviz crashed on this graph (%s); your work is safe"),
                     g_strsignal (sig));
      return FALSE;
    }
  if (g_subprocess_get_exit_status (proc) != 0)
    {
      g_autofree char *msg = g_strstrip (g_strndup (err_text ? err_text : "", 400));
      g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_GRAPHVIZ, _("Graphviz failed: %s"),
                   *msg ? msg : _("no message"));
      return FALSE;
    }
  return TRUE;
}

/**
 * rwb_layout_check_exit:
 * The helper's fate as a GError (see rwb-layout-private.h).
 */
gboolean
rwb_layout_check_exit (GSubprocess *proc, const char *err_text, guint timeout, GError **error)
{
  return check_exit (proc, err_text, timeout, error);
}

/**
 * rwb_layout_unescape:
 * Undoes the helper's \xHH escapes.
 */
char *
rwb_layout_unescape (const char *s)
{
  return unescape (s);
}

static void
kill_on_cancel (GCancellable *cancellable, gpointer proc)
{
  g_subprocess_force_exit (proc);
}

/**
 * rwb_layout_run:
 * Lays out @graph in the helper process and blocks until done, cancelled or failed.
 */
RwbScene *
rwb_layout_run (RwbGraph *graph, const RwbLayoutOptions *options, GCancellable *cancellable,
                GError **error)
{
  g_return_val_if_fail (graph != NULL && options != NULL, NULL);
  g_autofree char *dot = rwb_layout_graph_to_dot (graph, options);
  g_autoptr (GSubprocess) proc = spawn_helper (options, error);
  if (proc == NULL)
    return NULL;
  gulong handler = cancellable ? g_cancellable_connect (cancellable, G_CALLBACK (kill_on_cancel),
                                                        proc, NULL)
                               : 0;
  g_autofree char *out = NULL, *err = NULL;
  gboolean ok = g_subprocess_communicate_utf8 (proc, dot, NULL, &out, &err, error);
  if (cancellable)
    g_cancellable_disconnect (cancellable, handler);
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (!ok)
    {
      g_subprocess_force_exit (proc);
      g_subprocess_wait (proc, NULL, NULL);
      return NULL;
    }
  g_subprocess_wait (proc, NULL, NULL);
  if (!check_exit (proc, err, options->timeout_seconds ? options->timeout_seconds
                                                       : DEFAULT_TIMEOUT, error))
    return NULL;
  return parse_output (graph, out, options->engine, error);
}

typedef struct {
  RwbGraph *graph;
  RwbLayoutEngine engine;
  guint timeout;
  GSubprocess *proc;
  gulong handler;
  GCancellable *cancellable;
} AsyncData;

static void
async_data_free (AsyncData *data)
{
  if (data->cancellable)
    {
      g_cancellable_disconnect (data->cancellable, data->handler);
      g_object_unref (data->cancellable);
    }
  g_clear_object (&data->proc);
  rwb_graph_unref (data->graph);
  g_free (data);
}

static void
communicate_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  AsyncData *data = g_task_get_task_data (task);
  g_autofree char *out = NULL, *err = NULL;
  GError *error = NULL;
  if (!g_subprocess_communicate_utf8_finish (data->proc, result, &out, &err, &error))
    {
      g_subprocess_force_exit (data->proc);
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  /* communicate has seen EOF on both pipes; the exit status follows at once. */
  g_subprocess_wait (data->proc, NULL, NULL);
  if (!check_exit (data->proc, err, data->timeout, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  RwbScene *scene = parse_output (data->graph, out, data->engine, &error);
  if (scene == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, scene, (GDestroyNotify) rwb_scene_free);
}

/**
 * rwb_layout_run_async:
 * Starts a layout in the helper; Cancel kills the helper at once.
 */
void
rwb_layout_run_async (RwbGraph *graph, const RwbLayoutOptions *options,
                      GCancellable *cancellable, GAsyncReadyCallback callback,
                      gpointer user_data)
{
  g_return_if_fail (graph != NULL && options != NULL);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rwb_layout_run_async);
  GError *error = NULL;
  AsyncData *data = g_new0 (AsyncData, 1);
  data->graph = rwb_graph_ref (graph);
  data->engine = options->engine;
  data->timeout = options->timeout_seconds ? options->timeout_seconds : DEFAULT_TIMEOUT;
  g_task_set_task_data (task, data, (GDestroyNotify) async_data_free);
  data->proc = spawn_helper (options, &error);
  if (data->proc == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (cancellable)
    {
      data->cancellable = g_object_ref (cancellable);
      data->handler = g_cancellable_connect (cancellable, G_CALLBACK (kill_on_cancel),
                                             data->proc, NULL);
    }
  /* GSubprocess copies the input, so the DOT text can go at once. */
  g_autofree char *dot = rwb_layout_graph_to_dot (graph, options);
  g_subprocess_communicate_utf8_async (data->proc, dot, cancellable, communicate_done, task);
}

/**
 * rwb_layout_run_finish:
 * The scene of a finished asynchronous layout, or NULL with @error set.
 */
RwbScene *
rwb_layout_run_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
