/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-dot.h — opening any DOT/GV file: Rawabit as a Graphviz viewer.
 *
 * The file is parsed, cleaned and laid out by Graphviz inside the `rawabit-layout` child
 * (`rawabit-layout --import`), never in the calling process: a DOT that crashes Graphviz is an
 * error message. Attributes that would make Graphviz read other files (image, shapefile,
 * imagepath, fontpath, fontnames, stylesheet, …, <IMG> in HTML labels, fontname with a path)
 * are removed before layout and each removal is reported as a warning.
 */
#pragma once

#include <gio/gio.h>
#include "rwb-graph.h"
#include "rwb-layout.h"
#include "rwb-scene.h"

G_BEGIN_DECLS

/* Parses and lays out DOT text. On success returns the graph (nodes → entities with their
 * DOT attributes in attrs, Rawabit attributes such as type/aliases/confidence mapped back to
 * fields) and stores its scene (positions, shapes, colours, labels, clusters; from_dot set)
 * in @scene. @warnings (may be NULL) receives one line per removed attribute. @options gives
 * the engine (NULL: the file's own `layout` attribute or dot) and the time limit. */
RwbGraph *rwb_dot_import       (const char *data, gsize length, const RwbLayoutOptions *options,
                                RwbScene **scene, GPtrArray *warnings,
                                GCancellable *cancellable, GError **error);
/* Parses and cleans DOT text in the helper without laying it out (`--no-layout`): the graph
 * alone, for what needs no positions (convert to JSON, GraphML, CSV, DOT without pos). Much
 * faster than rwb_dot_import on big files. @options gives only the time limit (may be NULL). */
RwbGraph *rwb_dot_read_graph   (const char *data, gsize length, const RwbLayoutOptions *options,
                                GPtrArray *warnings, GCancellable *cancellable, GError **error);
/* Asynchronous variant for the GUI. */
void      rwb_dot_import_async (GBytes *data, const RwbLayoutOptions *options,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data);
RwbGraph *rwb_dot_import_finish (GAsyncResult *result, RwbScene **scene, GPtrArray **warnings,
                                 GError **error);

G_END_DECLS
