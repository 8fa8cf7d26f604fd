/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-builder.h — one graph from the graphs of many articles, in time linear in them.
 *
 * Each article is extracted into a graph of its own (in parallel, and stored so in a project);
 * the builder joins them: documents are appended, entities are joined when a name or alias has
 * the same matching form (rwb_name_key), relations when they join the same two entities with
 * the same type (one relation per pair and type, as extraction makes them; a directed one reads
 * the way its most confident evidence does). Hash tables keep each article's cost independent
 * of how many came before.
 */
#pragma once

#include <glib.h>
#include "rwb-graph.h"

G_BEGIN_DECLS

typedef struct _RwbGraphBuilder RwbGraphBuilder;

/* A builder of an empty graph. */
RwbGraphBuilder *rwb_graph_builder_new       (void);
/* A builder that goes on from @graph (a graph it built before, or any graph): @graph is
 * referenced and grows in place. */
RwbGraphBuilder *rwb_graph_builder_new_from  (RwbGraph *graph);
void             rwb_graph_builder_free      (RwbGraphBuilder *builder);

/* Joins @part into the graph. Its contents are moved, not copied: @part is left empty (unref
 * it). Returns the index in the built graph of @part's first document. */
guint            rwb_graph_builder_add       (RwbGraphBuilder *builder, RwbGraph *part);

/* The graph built so far. Returns: (transfer none) */
RwbGraph        *rwb_graph_builder_get_graph (RwbGraphBuilder *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbGraphBuilder, rwb_graph_builder_free)

G_END_DECLS
