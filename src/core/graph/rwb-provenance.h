/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-provenance.h — which articles support what: the documents behind each entity and
 * relation, and per article how many entities and relations it gives.
 *
 * An entity is supported by the documents it is mentioned in, a relation by the documents of
 * its evidence. In a project each document is an article (its id is "a" and the article's id,
 * see rwb-project.h), so removing an article removes exactly what only it supported.
 */
#pragma once

#include <glib.h>
#include "rwb-graph.h"

G_BEGIN_DECLS

/* Indices of the documents that mention entity @index, sorted, each once.
 * Returns: (transfer full) (element-type guint) */
GArray   *rwb_graph_entity_documents   (RwbGraph *graph, guint index);
/* Indices of the documents with evidence of relation @index, sorted, each once.
 * Returns: (transfer full) (element-type guint) */
GArray   *rwb_graph_relation_documents (RwbGraph *graph, guint index);

/* For every document, the number of entities it mentions and of relations it gives evidence
 * of; co-occurrence (`mention`) relations count only with @with_mentions. Each array has
 * graph->documents->len elements (freed with g_free). One pass over the graph. */
void      rwb_graph_document_counts    (RwbGraph *graph, gboolean with_mentions,
                                        guint **n_entities, guint **n_relations);

G_END_DECLS
