/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-layout.c — Graphviz layout of a Rawabit graph through the `rawabit-layout` child.
 *
 * The graph goes to the child as DOT (nodes nI of the size the renderer draws them, edges with
 * id rJ); the child prints Graphviz's own `-Tjson0` (rwb-gvjson.c reads it). The settings
 * follow the graph's size (layout_settings()): Graphviz's spline router and prism overlap
 * removal are what readable small graphs want, and what makes a thousand-node graph take
 * minutes.
 */
#define G_LOG_DOMAIN "rawabit-layout"

#include "rwb-layout.h"
#include "rwb-layout-private.h"
#include "rwb-render.h"

#include <glib/gi18n.h>
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
 * rwb_layout_engine_for_size:
 * @n_entities: the graph's entities
 *
 * The engine a graph of this size is laid out with when nobody chose one: dot's ranks read
 * best up to a few hundred entities and cost too much past them, where sfdp (multilevel
 * force-directed, near-linear) takes over.
 *
 * Returns: the engine
 */
RwbLayoutEngine
rwb_layout_engine_for_size (guint n_entities)
{
  return n_entities > RWB_LAYOUT_LARGE_GRAPH ? RWB_LAYOUT_SFDP : RWB_LAYOUT_DOT;
}

/* Graph attributes for @engine on a graph of @nodes nodes and @edges edges.
 *
 * Small graphs get the full treatment: curved edges routed around nodes, prism overlap removal
 * with room for edge labels, generous iteration limits. Graphviz's spline router costs about
 * nodes × edges (5 s for 200 nodes and 400 edges on this kind of machine, minutes at 1,000), so
 * past MEDIUM_GRAPH edges are straight, edge labels no longer reserve room (dot would make each
 * a virtual node) and dot's ranking and crossing reduction get its small limits. Past
 * MEDIUM_GRAPH the force-directed engines keep their overlaps (overlap=true) and the core
 * removes them (rwb_scene_spread_nodes(), see layout_spreads()): Graphviz's prism needed 20
 * passes to leave no two boxes overlapping at 5,000 nodes and cost more than sfdp's layout
 * itself; the core's passes are linear and take a few milliseconds each. (Measured with
 * bench/bench-layout and bench/gen-graph.py; see docs/benchmarks.md.) */
#define MEDIUM_GRAPH 100
/* Points left between two boxes by the core's overlap removal. */
#define SPREAD_GAP 20.0

static gboolean
is_big (guint nodes, guint edges)
{
  return nodes > MEDIUM_GRAPH || edges > 2 * MEDIUM_GRAPH;
}

/* Whether the core, not Graphviz, removes the overlaps of this layout: big graphs laid out by
 * an engine that places nodes freely (dot's ranks never overlap). */
static gboolean
layout_spreads (RwbLayoutEngine engine, guint nodes, guint edges)
{
  return engine != RWB_LAYOUT_DOT && is_big (nodes, edges);
}

static guint
count_edges (RwbGraph *graph, const RwbLayoutOptions *options)
{
  guint n_edges = 0;
  for (guint i = 0; i < graph->relations->len; i++)
    n_edges += edge_included (g_ptr_array_index (graph->relations, i), options);
  return n_edges;
}

static void
layout_settings (GString *s, RwbLayoutEngine engine, guint nodes, guint edges,
                 const RwbLayoutOptions *options, gboolean *edge_labels)
{
  gboolean big = is_big (nodes, edges);
  *edge_labels = !big;
  g_string_append (s, "  graph [outputorder=edgesfirst, nodesep=0.35, ranksep=0.6, esep=\"+4\"");
  if (engine == RWB_LAYOUT_DOT)
    g_string_append_printf (s, ", rankdir=%s", options->rankdir ? options->rankdir : "LR");
  if (!big)
    g_string_append (s, ", splines=true, overlap=prism, sep=\"+8\", nslimit=50, nslimit1=50, "
                        "mclimit=2, maxiter=2000");
  else if (layout_spreads (engine, nodes, edges))
    g_string_append (s, ", splines=false, overlap=true, maxiter=400");
  else
    g_string_append (s, ", splines=false, nslimit=2, nslimit1=2, mclimit=0.2");
  g_string_append (s, "];\n");
}

/**
 * rwb_layout_graph_to_dot:
 * @graph: the graph
 * @options: engine and settings
 *
 * The DOT text handed to Graphviz: node sizes measured for the renderer, edge labels of the
 * size the renderer draws, settings by size. (DOT for other tools is written by rwb-formats.)
 * Measuring shapes every label with pango: call it off the UI thread for big graphs.
 *
 * Returns: (transfer full): the DOT text
 */
char *
rwb_layout_graph_to_dot (RwbGraph *graph, const RwbLayoutOptions *options)
{
  g_return_val_if_fail (graph != NULL && options != NULL, NULL);
  guint n_edges = count_edges (graph, options);
  GString *s = g_string_new ("digraph rawabit {\n");
  gboolean edge_labels;
  layout_settings (s, options->engine, graph->entities->len, n_edges, options, &edge_labels);
  g_string_append (s, "  node [shape=box, fixedsize=true, label=\"\"];\n");
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      g_autofree char *label = NULL, *sublabel = NULL;
      double w, h;
      rwb_render_entity_labels (e, &label, &sublabel);
      rwb_render_measure_node (label, sublabel, &w, &h);
      char wb[G_ASCII_DTOSTR_BUF_SIZE], hb[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append_printf (s, "  n%u [width=%s, height=%s];\n", i,
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
      else if (edge_labels)
        /* A label of the size the renderer draws, so Graphviz leaves room for it (dot makes
         * it a virtual node) and reports where it goes. */
        g_string_append_printf (s, ", label=\"%s\", fontsize=8.5, fontname=\"DejaVu Sans\"",
                                rwb_relation_type_to_string (r->type));
      g_string_append (s, "];\n");
    }
  g_string_append (s, "}\n");
  return g_string_free (s, FALSE);
}

typedef struct {
  RwbGraph *graph;
  RwbLayoutEngine engine;
  double spread_gap;  /* the core removes overlaps, leaving this much room; 0 when not */
} ParseData;

static void
parse_data_free (ParseData *d)
{
  rwb_graph_unref (d->graph);
  g_free (d);
}

static gpointer
parse_layout (GBytes *out, const char *err, gpointer data, GError **error)
{
  ParseData *d = data;
  g_autoptr (JsonNode) root = rwb_gvjson_parse (out, error);
  if (root == NULL)
    return NULL;
  return rwb_gvjson_read_layout (d->graph, root, d->engine, d->spread_gap, error);
}

/**
 * rwb_layout_parse_output:
 * @graph: the graph that was laid out
 * @json: what the helper printed
 * @length: its length
 * @engine: the engine
 * @error: return location for a #GError
 *
 * Reads the helper's output for @graph, as rwb_layout_run() does (tests and fuzzers feed it
 * any text).
 *
 * Returns: (transfer full) (nullable): the scene
 */
RwbScene *
rwb_layout_parse_output (RwbGraph *graph, const char *json, gsize length,
                         RwbLayoutEngine engine, GError **error)
{
  g_return_val_if_fail (graph != NULL && (json != NULL || length == 0), NULL);
  g_autoptr (GBytes) out = g_bytes_new (json, length);
  ParseData d = { graph, engine, 0 };
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  if (layout_spreads (engine, graph->entities->len, count_edges (graph, &options)))
    d.spread_gap = SPREAD_GAP;
  return parse_layout (out, NULL, &d, error);
}

static void
make_job (RwbHelperJob *job, const char **args, char *timeout_str, RwbGraph *graph,
          const RwbLayoutOptions *options)
{
  guint timeout = options->timeout_seconds ? options->timeout_seconds : DEFAULT_TIMEOUT;
  g_snprintf (timeout_str, 16, "%u", timeout);
  args[0] = "--engine";
  args[1] = rwb_layout_engine_to_string (options->engine);
  args[2] = "--timeout";
  args[3] = timeout_str;
  args[4] = NULL;
  ParseData *d = g_new0 (ParseData, 1);
  d->graph = rwb_graph_ref (graph);
  d->engine = options->engine;
  if (layout_spreads (options->engine, graph->entities->len, count_edges (graph, options)))
    d->spread_gap = SPREAD_GAP;
  *job = (RwbHelperJob) {
    .args = args, .timeout = timeout, .parse = parse_layout, .parse_data = d,
    .parse_data_free = (GDestroyNotify) parse_data_free,
    .result_free = (GDestroyNotify) rwb_scene_free,
  };
}

/**
 * rwb_layout_run:
 * @graph: the graph
 * @options: engine and limits
 * @cancellable: (nullable): kills the helper when cancelled
 * @error: return location for a #GError
 *
 * Lays out @graph in the helper process and blocks until done, cancelled or failed.
 *
 * Returns: (transfer full) (nullable): the scene
 */
RwbScene *
rwb_layout_run (RwbGraph *graph, const RwbLayoutOptions *options, GCancellable *cancellable,
                GError **error)
{
  g_return_val_if_fail (graph != NULL && options != NULL, NULL);
  char *dot = rwb_layout_graph_to_dot (graph, options);
  gsize len = strlen (dot);
  g_autoptr (GBytes) input = g_bytes_new_take (dot, len);
  const char *args[5];
  char timeout_str[16];
  RwbHelperJob job;
  make_job (&job, args, timeout_str, graph, options);
  return rwb_layout_helper_run (&job, input, cancellable, error);
}

typedef struct {
  RwbGraph *graph;
  RwbLayoutOptions options;
  char *rankdir;
  GBytes *dot;
} AsyncLayout;

static void
async_layout_free (AsyncLayout *a)
{
  rwb_graph_unref (a->graph);
  g_free (a->rankdir);
  g_clear_pointer (&a->dot, g_bytes_unref);
  g_free (a);
}

/* Measuring every label takes seconds on a big graph: in a worker thread. */
static void
make_dot_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AsyncLayout *a = task_data;
  char *dot = rwb_layout_graph_to_dot (a->graph, &a->options);
  gsize len = strlen (dot);
  a->dot = g_bytes_new_take (dot, len);
  g_task_return_boolean (task, TRUE);
}

static void
layout_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  RwbScene *scene = rwb_layout_helper_run_finish (result, &error);
  if (scene == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, scene, (GDestroyNotify) rwb_scene_free);
}

static void
dot_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *dot_task = G_TASK (result);
  g_autoptr (GTask) task = user_data;
  AsyncLayout *a = g_task_get_task_data (dot_task);
  if (g_task_return_error_if_cancelled (task))
    return;
  /* Back on the caller's thread: the helper dies with the thread that starts it. */
  const char *args[5];
  char timeout_str[16];
  RwbHelperJob job;
  make_job (&job, args, timeout_str, a->graph, &a->options);
  rwb_layout_helper_run_async (&job, a->dot, g_task_get_cancellable (task), layout_done,
                               g_object_ref (task));
}

/**
 * rwb_layout_run_async:
 * @graph: the graph (a reference is held until done; do not change it meanwhile)
 * @options: engine and limits (copied)
 * @cancellable: (nullable): Cancel kills the helper at once
 * @callback: called when done
 * @user_data: for @callback
 *
 * Starts a layout: labels are measured in a worker thread, Graphviz runs in the helper.
 */
void
rwb_layout_run_async (RwbGraph *graph, const RwbLayoutOptions *options,
                      GCancellable *cancellable, GAsyncReadyCallback callback,
                      gpointer user_data)
{
  g_return_if_fail (graph != NULL && options != NULL);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rwb_layout_run_async);
  AsyncLayout *a = g_new0 (AsyncLayout, 1);
  a->graph = rwb_graph_ref (graph);
  a->options = *options;
  a->rankdir = g_strdup (options->rankdir);
  a->options.rankdir = a->rankdir;
  GTask *dot_task = g_task_new (NULL, cancellable, dot_done, task);
  g_task_set_task_data (dot_task, a, (GDestroyNotify) async_layout_free);
  g_task_run_in_thread (dot_task, make_dot_thread);
  g_object_unref (dot_task);
}

/**
 * rwb_layout_run_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the scene of a finished asynchronous layout
 */
RwbScene *
rwb_layout_run_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
