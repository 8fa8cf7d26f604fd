/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-layout-private.h — what the layout module's files share: running the `rawabit-layout`
 * helper (rwb-layout-helper.c) and reading the Graphviz JSON it prints (rwb-gvjson.c), for the
 * layout of a Rawabit graph (rwb-layout.c) and the import of a DOT file (rwb-dot.c). */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "rwb-layout.h"

G_BEGIN_DECLS

#define RWB_LAYOUT_DEFAULT_TIMEOUT 60

/* Turns what the helper printed into a result, in a worker thread: @out its stdout, @err its
 * stderr (valid UTF-8), @data the caller's. Returns the result or NULL with @error set. */
typedef gpointer (*RwbHelperParse) (GBytes *out, const char *err, gpointer data,
                                    GError **error);

/* How one run of the helper goes. */
typedef struct {
  const char *const *args;  /* the helper's arguments (engine, --import, …) */
  guint timeout;            /* seconds, as passed with --timeout (for the error message) */
  gboolean import;          /* a syntax error is "Not a valid DOT file: …" */
  RwbHelperParse parse;
  gpointer parse_data;
  GDestroyNotify parse_data_free;
  GDestroyNotify result_free;
} RwbHelperJob;

/* Runs the helper on @input and blocks until it is done, killed by @cancellable or failed;
 * the parse function's result, or NULL with @error set. Takes @job's parse_data. */
gpointer rwb_layout_helper_run        (const RwbHelperJob *job, GBytes *input,
                                       GCancellable *cancellable, GError **error);
/* The same without blocking: the helper is started at once from the calling thread (it dies
 * with that thread: PR_SET_PDEATHSIG), the output parsed in a worker thread. */
void     rwb_layout_helper_run_async  (const RwbHelperJob *job, GBytes *input,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data);
gpointer rwb_layout_helper_run_finish (GAsyncResult *result, GError **error);

/* The "rawabit-warning: " lines of the helper's stderr, as a new array of strings. */
GPtrArray *rwb_layout_helper_warnings (const char *err);

/* Parses Graphviz's JSON from @out (at most a few levels deep; deeper text is refused before
 * json-glib sees it, so no input can exhaust the stack). */
JsonNode *rwb_gvjson_parse            (GBytes *out, GError **error);
/* A scene for @graph from the helper's json0 output of rwb_layout_graph_to_dot()'s DOT:
 * nodes named nI, edges with id rJ. Every number is checked: finite and within ±10^7. With
 * @spread_gap above 0, overlapping nodes are moved apart first (rwb_scene_spread_nodes()). */
RwbScene *rwb_gvjson_read_layout      (RwbGraph *graph, JsonNode *root, RwbLayoutEngine engine,
                                       double spread_gap, GError **error);
/* A graph and scene from the helper's json output of an imported DOT file (see rwb-dot.h). */
RwbGraph *rwb_gvjson_read_import      (JsonNode *root, RwbScene **scene, GError **error);
/* The graph alone from `rawabit-layout --no-layout` (no positions, no drawing): entities named
 * by their labels as Graphviz would show them (\N, escapes, HTML text, record fields). */
RwbGraph *rwb_gvjson_read_graph       (JsonNode *root, GError **error);

G_END_DECLS
