/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-gvjson-private.h — the readers of Graphviz's JSON that rwb-gvjson.c (the layout of a
 * Rawabit graph, the graph alone) and rwb-gvjson-import.c (an imported DOT file with its
 * drawing operations) share. Every number they return is checked: finite and within ±10^7
 * points (MAX_COORD). */
#pragma once

#include <json-glib/json-glib.h>

#include "rwb-scene.h"

G_BEGIN_DECLS

#define MAX_COORD 1e7

/* Which of "no number", "bad number" a string is: present but unusable is a coordinates
 * error, absent is the caller's to judge. */
typedef enum { VALUE_MISSING, VALUE_OK, VALUE_BAD } ValueState;

/* Set @error (RWB_LAYOUT_ERROR_OUTPUT: the helper wrote @what; RWB_LAYOUT_ERROR_COORDINATES:
 * @where has unusable numbers) and return FALSE. */
gboolean    rwb_gvjson_output_error       (GError **error, const char *what);
gboolean    rwb_gvjson_coords_error       (GError **error, const char *where);

/* A member of @o of that kind, or NULL / FALSE when absent or of another kind. */
const char *rwb_gvjson_member_string      (JsonObject *o, const char *key);
JsonArray  *rwb_gvjson_member_array       (JsonObject *o, const char *key);
gboolean    rwb_gvjson_node_number        (JsonNode *n, double *out);
gboolean    rwb_gvjson_member_number      (JsonObject *o, const char *key, double *out);
/* An integer member below @limit. */
gboolean    rwb_gvjson_member_index       (JsonObject *o, const char *key, guint limit,
                                           guint *out);
/* @n comma-separated numbers of a string member ("x,y", "llx,lly,urx,ury"). */
ValueState  rwb_gvjson_member_numbers     (JsonObject *o, const char *key, double *out,
                                           guint n);
/* Points of a [[x, y], …] array, y flipped at @top; FALSE if any is not a finite pair. */
gboolean    rwb_gvjson_read_points        (JsonArray *a, double top, GArray *into);

/* The graph's `bb`: sets @top (where y flips) and the scene's bounds. */
gboolean    rwb_gvjson_read_bounds        (JsonObject *g, RwbScene *scene, double *top,
                                           GError **error);
/* A node's centre and size, from `pos`, `width` and `height`. */
gboolean    rwb_gvjson_read_node_box      (JsonObject *o, double top, RwbSceneNode *node,
                                           const char *name, GError **error);
/* An edge's curve, arrowhead and label position from `pos` and `lp`. */
gboolean    rwb_gvjson_read_edge_geometry (JsonObject *o, double top, RwbSceneEdge *edge,
                                           const char *where, GError **error);

/* The object's string attributes, except layout results and the JSON's bookkeeping; NULL
 * when none. */
GHashTable *rwb_gvjson_object_attrs       (JsonObject *o);
/* Whether @o has a non-empty string attribute @key. */
gboolean    rwb_gvjson_has_attr           (JsonObject *o, const char *key);

G_END_DECLS
