/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-formats.h — graph files other tools read and write: Rawabit JSON, DOT, GraphML, GEXF,
 * Cytoscape.js JSON, CSV.
 *
 * One file per format (rwb-json.c, rwb-formats-dot.c, rwb-formats-graphml.c,
 * rwb-formats-gexf.c, rwb-formats-cytoscape.c, rwb-formats-csv.c) behind the functions below.
 * Reading never trusts the file: errors name the line where the parser gives one, and DOT is parsed by Graphviz only inside the
 * `rawabit-layout` child (see rwb-dot.h). Writing goes through rwb-save.h: the target is
 * replaced atomically, so a failed write leaves the old file as it was.
 */
#pragma once

#include <gio/gio.h>
#include "rwb-graph.h"
#include "rwb-graph-merge.h"
#include "rwb-save.h"
#include "rwb-scene.h"

G_BEGIN_DECLS

typedef enum {
  RWB_FORMAT_JSON,
  RWB_FORMAT_DOT,
  RWB_FORMAT_GRAPHML,
  RWB_FORMAT_CSV,       /* a folder (or base name) with nodes.csv and edges.csv */
  RWB_FORMAT_GEXF,      /* Gephi's GEXF 1.3 (1.1 and 1.2 read too) */
  RWB_FORMAT_CYTOSCAPE, /* Cytoscape.js JSON ("elements"), written only */
} RwbFormat;

#define RWB_FORMATS_ERROR (rwb_formats_error_quark ())
typedef enum {
  RWB_FORMATS_ERROR_PARSE,
  RWB_FORMATS_ERROR_UNSUPPORTED,
} RwbFormatsError;

GQuark     rwb_formats_error_quark (void);
/* Format from a file name's extension (.json, .gv/.dot, .graphml, .gexf, .cyjs, .csv); FALSE
 * if unknown. */
gboolean   rwb_format_from_path    (const char *path, RwbFormat *out);
/* Format from its name as the CLI takes it: those extensions and "cytoscape"; any case. */
gboolean   rwb_format_from_string  (const char *name, RwbFormat *out);
/* The extension a file of @format gets (without the dot; "" for CSV, a folder). */
const char *rwb_format_extension   (RwbFormat format);


/* Writes @graph; @scene (may be NULL) adds node positions where the format carries them.
 * For CSV, @path names the folder that receives nodes.csv and edges.csv, replaced as a pair.
 * A read-only target is refused (RWB_SAVE_ERROR_READ_ONLY) unless @flags has
 * RWB_SAVE_OVERWRITE_READ_ONLY; see rwb-save.h for symlinks, modes and temporaries. */
gboolean   rwb_formats_write_full  (RwbGraph *graph, const RwbScene *scene, RwbFormat format,
                                    const char *path, RwbSaveFlags flags, GError **error);
/* rwb_formats_write_full() with RWB_SAVE_DEFAULT. */
gboolean   rwb_formats_write       (RwbGraph *graph, const RwbScene *scene, RwbFormat format,
                                    const char *path, GError **error);
/* Text of @graph in a text format (not CSV), newly allocated. */
char      *rwb_formats_to_string   (RwbGraph *graph, const RwbScene *scene, RwbFormat format,
                                    GError **error);
/* Reads a graph file. @warnings (may be NULL) receives one string per thing dropped or
 * refused (attributes that would read other files, unknown types, …). DOT goes through the
 * layout helper (rwb_dot_import); pass a cancellable for it. */
RwbGraph  *rwb_formats_read_file   (GFile *file, GPtrArray *warnings, GCancellable *cancellable,
                                    GError **error);
/* Reads a graph from memory in @format, which must be RWB_FORMAT_JSON, RWB_FORMAT_GRAPHML or
 * RWB_FORMAT_GEXF (DOT needs the helper: use rwb_dot_import). @warnings as for
 * rwb_formats_read_file. */
RwbGraph  *rwb_formats_read_data   (const char *data, gsize length, RwbFormat format,
                                    GPtrArray *warnings, GError **error);

/* Maps the attributes Rawabit writes into DOT (see rwb_formats_write) back to fields, for the
 * DOT importer: on entities label → name (Graphviz escapes \\ \" \n \N undone), type, id,
 * aliases ('|'-separated); on relations type, directed, confidence, evidence → n_evidence (and
 * label when it only repeats the type). Mapped keys are removed from attrs; values that do not
 * parse stay. An unknown entity type makes the entity a company and keeps the value under
 * "dot_type" (likewise "dot_type" for relations, whose type is then left as it was). */
void       rwb_formats_adopt_rawabit_attrs (RwbGraph *graph);

/* The text Graphviz shows for a plain (not HTML, not record) @label of node @node_name:
 * \N is the name, \n \l \r end lines, other escapes give their character; trailing line
 * ends dropped. Newly allocated. */
char      *rwb_formats_dot_label_text (const char *label, const char *node_name);

/* Kept for callers written before merging moved to the graph module: rwb_graph_merge. */
static inline void
rwb_formats_merge (RwbGraph *dest, RwbGraph *src)
{
  rwb_graph_merge (dest, src);
}

G_END_DECLS
