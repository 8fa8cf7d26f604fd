/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-json.h — the Rawabit JSON graph format ("rawabit-graph", version 1), via json-glib. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "rwb-graph.h"

G_BEGIN_DECLS

#define RWB_JSON_ERROR (rwb_json_error_quark ())
typedef enum {
  RWB_JSON_ERROR_PARSE,
  RWB_JSON_ERROR_FORMAT,
} RwbJsonError;

/* Arrays and objects a Rawabit graph file may nest: it needs five; compatible tools get room. */
#define RWB_JSON_MAX_DEPTH 64

GQuark    rwb_json_error_quark  (void);
/* Whether JSON text nests at most @max_depth arrays and objects (brackets inside strings do
 * not count). json-glib's parser recurses once per level and overflows the stack some 80,000
 * levels down, so every reader of JSON from a file or another process checks this first. On
 * FALSE, @offset (may be NULL) receives the byte offset of the first bracket too deep. */
gboolean  rwb_json_depth_within (const char *data, gsize length, guint max_depth,
                                 gsize *offset);
/* Receives the text of a graph piece by piece; FALSE stops the writer (a full disk). */
typedef gboolean (*RwbJsonSink) (const char *data, gsize length, gpointer user_data);

/* Serializes @graph; @pretty indents it (2 spaces). Includes every evidence text. Written by
 * a streaming writer that builds no tree: the same bytes as json-glib's generator gives for
 * rwb_json_build_tree(). */
char     *rwb_json_write        (RwbGraph *graph, gboolean pretty);
/* The same text handed to @sink in pieces of about 64 KB, so a caller writing to a file never
 * holds it whole. FALSE when @sink said so. */
gboolean  rwb_json_write_to     (RwbGraph *graph, gboolean pretty, RwbJsonSink sink,
                                 gpointer sink_data);
/* The document as a json-glib tree (for callers that need one; and the reference the
 * streaming writer's tests compare with). Returns: (transfer full) */
JsonNode *rwb_json_build_tree   (RwbGraph *graph);
/* Parses a graph written by rwb_json_write (or a compatible tool); errors name the line.
 * Text nested deeper than RWB_JSON_MAX_DEPTH is refused before json-glib sees it. */
RwbGraph *rwb_json_read         (const char *data, gssize length, GError **error);

G_END_DECLS
