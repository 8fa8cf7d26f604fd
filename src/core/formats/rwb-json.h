/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-json.h — the Rawabit JSON graph format ("rawabit-graph", version 1), via json-glib. */
#pragma once

#include <gio/gio.h>
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
/* Serializes @graph; @pretty indents it. Includes every evidence text. */
char     *rwb_json_write        (RwbGraph *graph, gboolean pretty);
/* Parses a graph written by rwb_json_write (or a compatible tool); errors name the line.
 * Text nested deeper than RWB_JSON_MAX_DEPTH is refused before json-glib sees it. */
RwbGraph *rwb_json_read         (const char *data, gssize length, GError **error);

G_END_DECLS
