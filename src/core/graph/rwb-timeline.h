/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-timeline.h — the graph over time: when each entity and relation became known.
 *
 * Every document may have a date (RwbDocument.date, ISO 8601 "YYYY-MM-DD"). An entity is known
 * from the date of the earliest document that mentions it, a relation from the earliest
 * document with evidence of it (and not before both its entities). Undated documents, and
 * entities or relations with no document at all (added by hand, imported), count as known from
 * the start. A timeline is computed once per graph in one pass; asking whether something is
 * known by a date is then a string comparison, cheap enough for every frame of a dragged
 * timeline handle. rwb_graph_as_of makes the graph known by a date, for exports.
 */
#pragma once

#include <glib.h>
#include "rwb-graph.h"

G_BEGIN_DECLS

typedef struct _RwbTimeline RwbTimeline;

/* The timeline of @graph (which it does not keep: rebuild it when the graph changes). */
RwbTimeline *rwb_timeline_new               (RwbGraph *graph);
void         rwb_timeline_free              (RwbTimeline *timeline);

/* The date from which entity/relation @index is known, or NULL when always. */
const char  *rwb_timeline_entity_since      (const RwbTimeline *timeline, guint index);
const char  *rwb_timeline_relation_since    (const RwbTimeline *timeline, guint index);
/* Whether entity/relation @index is known by @date (inclusive; NULL @date: everything). */
gboolean     rwb_timeline_entity_known      (const RwbTimeline *timeline, guint index,
                                             const char *date);
gboolean     rwb_timeline_relation_known    (const RwbTimeline *timeline, guint index,
                                             const char *date);

/* The distinct document dates, earliest first, and how many documents have each: what a
 * timeline bar draws. */
guint        rwb_timeline_n_dates           (const RwbTimeline *timeline);
const char  *rwb_timeline_date              (const RwbTimeline *timeline, guint i);
guint        rwb_timeline_date_documents    (const RwbTimeline *timeline, guint i);

/* What changed between two dates: the entities and relations that became known after @from
 * and by @to (inclusive; NULL @from: after the start, so undated ones never count as changes;
 * NULL @to: no limit), appended to @entities and @relations (guint indices, ascending; either
 * may be NULL). "What did the articles of that week add?" In one pass over both. */
void         rwb_timeline_changes           (const RwbTimeline *timeline, const char *from,
                                             const char *to, GArray *entities,
                                             GArray *relations);

/* The graph as known by @date: documents dated after it left out (the others renumbered),
 * mentions and evidence from those documents dropped, and entities and relations that had
 * nothing else left out. Returns: (transfer full) */
RwbGraph    *rwb_graph_as_of                (RwbGraph *graph, const char *date);
/* rwb_graph_as_of, keeping further only the entities and relations whose element of
 * @keep_entities / @keep_relations (one per entity / relation of @graph; NULL: all) is TRUE:
 * what a view shows, for exports. A relation goes with either of its entities.
 * Returns: (transfer full) */
RwbGraph    *rwb_graph_filter               (RwbGraph *graph, const char *date,
                                             const gboolean *keep_entities,
                                             const gboolean *keep_relations);
/* rwb_graph_filter, also giving where each entity and relation of @graph went: @entity_map
 * and @relation_map (either may be NULL) receive one element per entity / relation of @graph,
 * its index in the new graph or G_MAXUINT when it was left out (free with g_free), so that
 * what refers to @graph's entities (a scene: rwb_scene_subset) can follow. */
RwbGraph    *rwb_graph_filter_mapped        (RwbGraph *graph, const char *date,
                                             const gboolean *keep_entities,
                                             const gboolean *keep_relations,
                                             guint **entity_map, guint **relation_map);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbTimeline, rwb_timeline_free)

G_END_DECLS
