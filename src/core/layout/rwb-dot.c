/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-dot.c — opening any DOT/GV file through `rawabit-layout --import`.
 *
 * The helper parses, cleans and lays out the file and prints Graphviz's own `-Tjson`, which
 * rwb-gvjson.c turns into an RwbGraph (a node is an entity named by the text Graphviz drew for
 * it, an edge a relation; the file's attributes are kept in attrs) and an RwbScene with
 * from_dot set whose nodes, edges and clusters carry the drawing operations Graphviz made:
 * shapes, colours, fonts, HTML and record labels as Graphviz draws them. Warnings (what the
 * cleaner removed) come on the helper's stderr.
 */
#define G_LOG_DOMAIN "rawabit-dot"

#include "rwb-dot.h"
#include "rwb-dot-private.h"
#include "rwb-formats.h"
#include "rwb-layout-private.h"

#include <glib/gi18n.h>
#include <string.h>

typedef struct {
  RwbGraph *graph;
  RwbScene *scene;
  GPtrArray *warnings;
} ImportResult;

static void
import_result_free (ImportResult *r)
{
  g_clear_pointer (&r->scene, rwb_scene_free);
  g_clear_pointer (&r->graph, rwb_graph_unref);
  g_clear_pointer (&r->warnings, g_ptr_array_unref);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportResult, import_result_free)

static ImportResult *
read_import (GBytes *out, const char *err, GError **error)
{
  g_autoptr (JsonNode) root = rwb_gvjson_parse (out, error);
  if (root == NULL)
    return NULL;
  g_autoptr (ImportResult) r = g_new0 (ImportResult, 1);
  r->graph = rwb_gvjson_read_import (root, &r->scene, error);
  if (r->graph == NULL)
    return NULL;
  /* Rawabit's own attributes (type, aliases, confidence, relation type) back to fields, so a
   * DOT written by Rawabit opens as the graph it was. */
  rwb_formats_adopt_rawabit_attrs (r->graph);
  r->warnings = rwb_layout_helper_warnings (err);
  return g_steal_pointer (&r);
}

static gpointer
parse_import (GBytes *out, const char *err, gpointer data, GError **error)
{
  return read_import (out, err, error);
}

static gpointer
parse_graph_only (GBytes *out, const char *err, gpointer data, GError **error)
{
  g_autoptr (JsonNode) root = rwb_gvjson_parse (out, error);
  if (root == NULL)
    return NULL;
  g_autoptr (ImportResult) r = g_new0 (ImportResult, 1);
  r->graph = rwb_gvjson_read_graph (root, error);
  if (r->graph == NULL)
    return NULL;
  rwb_formats_adopt_rawabit_attrs (r->graph);
  r->warnings = rwb_layout_helper_warnings (err);
  return g_steal_pointer (&r);
}

/**
 * rwb_dot_parse_import_output:
 * Turns the helper's --import output into a graph and scene; see rwb-dot-private.h.
 */
RwbGraph *
rwb_dot_parse_import_output (const char *json, gsize length, RwbScene **scene,
                             GError **error)
{
  g_return_val_if_fail ((json != NULL || length == 0) && scene != NULL, NULL);
  *scene = NULL;
  g_autoptr (GBytes) out = g_bytes_new (json, length);
  g_autoptr (ImportResult) r = read_import (out, NULL, error);
  if (r == NULL)
    return NULL;
  *scene = g_steal_pointer (&r->scene);
  return g_steal_pointer (&r->graph);
}

static guint
timeout_of (const RwbLayoutOptions *options)
{
  return options && options->timeout_seconds ? options->timeout_seconds
                                             : RWB_LAYOUT_DEFAULT_TIMEOUT;
}

/* The helper's arguments for an import with @options; @timeout holds the number's text. */
static void
make_job (RwbHelperJob *job, const char **args, char *timeout, const RwbLayoutOptions *options)
{
  g_snprintf (timeout, 16, "%u", timeout_of (options));
  guint n = 0;
  args[n++] = "--import";
  args[n++] = "--timeout";
  args[n++] = timeout;
  /* An engine beyond the list means "the file's own", as NULL options do. */
  if (options && options->engine < RWB_LAYOUT_N_ENGINES)
    {
      args[n++] = "--engine";
      args[n++] = rwb_layout_engine_to_string (options->engine);
    }
  args[n] = NULL;
  *job = (RwbHelperJob) {
    .args = args, .timeout = timeout_of (options), .import = TRUE, .parse = parse_import,
    .result_free = (GDestroyNotify) import_result_free,
  };
}

/* Runs @job on DOT text @data and copies the helper's warnings to @warnings (may be NULL). */
static ImportResult *
run_import (RwbHelperJob *job, const char *data, gsize length, GPtrArray *warnings,
            GCancellable *cancellable, GError **error)
{
  g_autoptr (GBytes) in = g_bytes_new (data, length);
  ImportResult *r = rwb_layout_helper_run (job, in, cancellable, error);
  if (r != NULL && warnings != NULL)
    for (guint i = 0; i < r->warnings->len; i++)
      g_ptr_array_add (warnings, g_strdup (g_ptr_array_index (r->warnings, i)));
  return r;
}

/**
 * rwb_dot_import:
 * Parses, cleans and lays out DOT text in the helper; see rwb-dot.h. A NULL @options (or an
 * engine of RWB_LAYOUT_N_ENGINES) uses the file's own `layout` or dot.
 */
RwbGraph *
rwb_dot_import (const char *data, gsize length, const RwbLayoutOptions *options,
                RwbScene **scene, GPtrArray *warnings, GCancellable *cancellable,
                GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (scene != NULL, NULL);
  *scene = NULL;
  const char *args[6];
  char timeout[16];
  RwbHelperJob job;
  make_job (&job, args, timeout, options);
  g_autoptr (ImportResult) r = run_import (&job, data, length, warnings, cancellable, error);
  if (r == NULL)
    return NULL;
  *scene = g_steal_pointer (&r->scene);
  return g_steal_pointer (&r->graph);
}

/**
 * rwb_dot_read_graph:
 * Parses and cleans DOT text in the helper, without a layout; see rwb-dot.h.
 */
RwbGraph *
rwb_dot_read_graph (const char *data, gsize length, const RwbLayoutOptions *options,
                    GPtrArray *warnings, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  char timeout[16];
  g_snprintf (timeout, sizeof timeout, "%u", timeout_of (options));
  const char *args[] = { "--import", "--no-layout", "--timeout", timeout, NULL };
  RwbHelperJob job = {
    .args = args, .timeout = timeout_of (options), .import = TRUE, .parse = parse_graph_only,
    .result_free = (GDestroyNotify) import_result_free,
  };
  g_autoptr (ImportResult) r = run_import (&job, data, length, warnings, cancellable, error);
  if (r == NULL)
    return NULL;
  return g_steal_pointer (&r->graph);
}

/**
 * rwb_dot_import_async:
 * Starts an import in the helper; Cancel kills it at once.
 */
void
rwb_dot_import_async (GBytes *data, const RwbLayoutOptions *options, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (data != NULL);
  const char *args[6];
  char timeout[16];
  RwbHelperJob job;
  make_job (&job, args, timeout, options);
  rwb_layout_helper_run_async (&job, data, cancellable, callback, user_data);
}

/**
 * rwb_dot_import_finish:
 * The graph of a finished asynchronous import, its scene in @scene and its warnings (a new
 * array of strings, possibly empty) in @warnings; NULL with @error set on failure.
 */
RwbGraph *
rwb_dot_import_finish (GAsyncResult *result, RwbScene **scene, GPtrArray **warnings,
                       GError **error)
{
  g_return_val_if_fail (scene != NULL, NULL);
  *scene = NULL;
  if (warnings)
    *warnings = NULL;
  g_autoptr (ImportResult) r = rwb_layout_helper_run_finish (result, error);
  if (r == NULL)
    return NULL;
  *scene = g_steal_pointer (&r->scene);
  if (warnings)
    *warnings = g_steal_pointer (&r->warnings);
  return g_steal_pointer (&r->graph);
}
