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

GQuark    rwb_json_error_quark  (void);
/* Serializes @graph; @pretty indents it. Includes every evidence text. */
char     *rwb_json_write        (RwbGraph *graph, gboolean pretty);
/* Parses a graph written by rwb_json_write (or a compatible tool); errors name the line. */
RwbGraph *rwb_json_read         (const char *data, gssize length, GError **error);

G_END_DECLS
