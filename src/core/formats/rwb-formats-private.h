/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-formats-private.h — what the writers and readers of src/core/formats share: fields the
 * formats spell alike (alias lists, counts, positions, numbers) and each format's entry points,
 * which rwb-formats.c dispatches to by RwbFormat. Not installed; no other module includes it.
 */
#pragma once

#include "rwb-formats.h"

G_BEGIN_DECLS

/* ---- fields as every format writes and reads them (rwb-formats.c) ---- */

/* Evidence sentences of @r: the larger of the kept ones and an imported count. */
guint      rwb_formats_evidence_count  (const RwbRelation *r);
/* @e's aliases joined with '|' (newly allocated; "" when it has none). */
char      *rwb_formats_join_aliases    (const RwbEntity *e);
/* @v printed with @fmt in the C locale (newly allocated). */
char      *rwb_formats_format_double   (double v, const char *fmt);
/* Entity → its scene node + 1 (0: not in @scene), built once per write so that finding an
 * entity's node is constant time (rwb_scene_find_node searches, which made writing a large
 * scene quadratic). NULL when @scene is NULL. Free with g_free(). */
guint     *rwb_formats_scene_nodes     (RwbGraph *graph, const RwbScene *scene);
/* Position of entity @index: from @scene when given (@scene_nodes is its
 * rwb_formats_scene_nodes()), else from the x/y attributes an import kept. FALSE when it has
 * none. */
gboolean   rwb_formats_entity_position (RwbGraph *graph, const RwbScene *scene,
                                        const guint *scene_nodes, guint index, double *x,
                                        double *y);
/* g_ptr_array_sort comparator for arrays of strings. */
int        rwb_formats_compare_strptr  (gconstpointer a, gconstpointer b);
/* Keys of @table minus @reserved, sorted so output is reproducible; (transfer container). */
GPtrArray *rwb_formats_extra_keys      (GHashTable *table, const char *const *reserved);
/* true/1/yes, false/0/no (any case, spaces around); FALSE and @out untouched otherwise. */
gboolean   rwb_formats_parse_bool      (const char *s, gboolean *out);
/* A number in the C locale (spaces after it allowed). */
gboolean   rwb_formats_parse_double    (const char *s, double *out);
/* A whole non-negative number that fits a guint. */
gboolean   rwb_formats_parse_count     (const char *s, guint *out);
/* Adds the '|'-separated aliases of @joined to @e. */
void       rwb_formats_add_aliases     (RwbEntity *e, const char *joined);
/* Entity ids taken from a file can collide with generated ones ("e3" given to a later node):
 * gives such later entities fresh ids. */
void       rwb_formats_unique_entity_ids (RwbGraph *graph);

/* ---- XML read with GMarkup (rwb-formats.c), which knows no DTDs and no entities beyond
 * XML's five, so a file read opens no other file and expands nothing ---- */

/* Appends a message to @warnings (may be NULL: then nothing). */
void       rwb_formats_warn            (GPtrArray *warnings, const char *format, ...)
  G_GNUC_PRINTF (2, 3);
/* @name without its namespace prefix ("viz:position" → "position"). */
const char *rwb_formats_xml_local_name (const char *name);
/* The value of attribute @wanted among GMarkup's @names/@values, or NULL. */
const char *rwb_formats_xml_attr       (const char **names, const char **values,
                                        const char *wanted);
/* Sets a G_MARKUP_ERROR naming the line @context is at; returns FALSE. */
/* FALSE, with @error "Not valid @format_name: …" naming the first bad byte, when @data is not
 * UTF-8 (or holds a NUL byte). Checked before GMarkup sees the text: GLib 2.74's GMarkup goes on
 * parsing after a CDATA section of invalid UTF-8 and sets its next error over the first. */
gboolean   rwb_formats_xml_check_utf8  (const char *data, gsize length, const char *format_name,
                                        GError **error);
gboolean   rwb_formats_markup_error    (GMarkupParseContext *context, GError **error,
                                        const char *format, ...) G_GNUC_PRINTF (3, 4);

/* ---- one file per format ---- */

/* rwb-formats-dot.c: the DOT text of @graph (positions pinned from @scene, may be NULL). */
char      *rwb_formats_write_dot       (RwbGraph *graph, const RwbScene *scene);
/* rwb-formats-graphml.c, rwb-formats-graphml-read.c. Bounds on yEd geometry, read or written
 * (points): Graphviz's own output is held to the same coordinates (rwb-gvjson.c); a node larger
 * than this is not a drawing. */
#define GRAPHML_MAX_COORD 1e7
#define GRAPHML_MAX_SIZE 1e5
char      *rwb_formats_write_graphml   (RwbGraph *graph, const RwbScene *scene);
RwbGraph  *rwb_formats_read_graphml    (const char *data, gsize length, GPtrArray *warnings,
                                        GError **error);
/* rwb-formats-gexf.c */
char      *rwb_formats_write_gexf      (RwbGraph *graph, const RwbScene *scene);
RwbGraph  *rwb_formats_read_gexf       (const char *data, gsize length, GPtrArray *warnings,
                                        GError **error);
/* rwb-formats-cytoscape.c: Cytoscape.js JSON, through json-glib. */
char      *rwb_formats_write_cytoscape (RwbGraph *graph, const RwbScene *scene);
/* rwb-formats-csv.c: nodes.csv and edges.csv in the folder @path (made if missing), replaced
 * as a pair. */
gboolean   rwb_formats_write_csv       (RwbGraph *graph, const RwbScene *scene, const char *path,
                                        RwbSaveFlags flags, GError **error);

G_END_DECLS
