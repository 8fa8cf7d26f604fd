/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-layout.h — Graphviz layout of a graph, run in the `rawabit-layout` child process.
 *
 * Graphviz 2.42 is not thread-safe, keeps global state, cannot be interrupted and crashes on
 * some inputs, so the layout runs in a helper process spawned with GSubprocess: cancelling kills
 * it and a crash becomes a GError. Label sizes are measured here with pango and passed to
 * Graphviz as fixed node sizes, so the renderer's labels always fit their boxes.
 */
#pragma once

#include <gio/gio.h>
#include "rwb-graph.h"
#include "rwb-scene.h"

G_BEGIN_DECLS

typedef enum {
  RWB_LAYOUT_DOT,
  RWB_LAYOUT_NEATO,
  RWB_LAYOUT_FDP,
  RWB_LAYOUT_SFDP,
  RWB_LAYOUT_CIRCO,
  RWB_LAYOUT_TWOPI,
  RWB_LAYOUT_N_ENGINES
} RwbLayoutEngine;

typedef struct {
  RwbLayoutEngine engine;
  gboolean include_mentions;  /* lay out `mention` edges too */
  guint timeout_seconds;      /* 0: default (60 s) */
  const char *rankdir;        /* dot only: "LR", "TB", …; NULL for the default */
} RwbLayoutOptions;

#define RWB_LAYOUT_ERROR (rwb_layout_error_quark ())
typedef enum {
  RWB_LAYOUT_ERROR_HELPER,    /* helper missing or failed to start */
  RWB_LAYOUT_ERROR_CRASHED,   /* helper died from a signal */
  RWB_LAYOUT_ERROR_TIMEOUT,
  RWB_LAYOUT_ERROR_GRAPHVIZ,  /* Graphviz reported an error */
  RWB_LAYOUT_ERROR_OUTPUT,    /* helper output could not be read */
  RWB_LAYOUT_ERROR_COORDINATES, /* the layout has coordinates that cannot be drawn */
} RwbLayoutError;

GQuark           rwb_layout_error_quark         (void);
const char      *rwb_layout_engine_to_string    (RwbLayoutEngine engine);
gboolean         rwb_layout_engine_from_string  (const char *str, RwbLayoutEngine *out);
void             rwb_layout_options_init        (RwbLayoutOptions *options);
/* Entities past which a graph is laid out with sfdp when nobody chose an engine. */
#define RWB_LAYOUT_LARGE_GRAPH 400
RwbLayoutEngine  rwb_layout_engine_for_size     (guint n_entities);

/* The DOT text handed to the helper: node sizes as the renderer draws them. */
char            *rwb_layout_graph_to_dot        (RwbGraph *graph, const RwbLayoutOptions *options);

/* Lays out @graph synchronously (blocks until the helper is done). */
RwbScene        *rwb_layout_run                 (RwbGraph *graph, const RwbLayoutOptions *options,
                                                 GCancellable *cancellable, GError **error);
/* Asynchronous variant for the GUI; it holds a reference to @graph until it is done. The graph
 * must not be modified meanwhile. */
void             rwb_layout_run_async           (RwbGraph *graph, const RwbLayoutOptions *options,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
RwbScene        *rwb_layout_run_finish          (GAsyncResult *result, GError **error);
/* Reads what the helper printed for @graph (tests and fuzzers). */
RwbScene        *rwb_layout_parse_output        (RwbGraph *graph, const char *json, gsize length,
                                                 RwbLayoutEngine engine, GError **error);

G_END_DECLS
