/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph.h — the knowledge graph: documents, entities, mentions, relations, evidence.
 *
 * Plain data owned by RwbGraph. Offsets everywhere count Unicode code points from the start of
 * the document text, end exclusive, so the UI can highlight the exact source sentence.
 */
#pragma once

#include <glib.h>
#include "rwb-types.h"

G_BEGIN_DECLS

/* A span of one document, in code points, end exclusive. For an entity's mentions, @kind says
 * what the span is (a name, a place adjective, a description, a pronoun); elsewhere it is
 * RWB_MENTION_NAME (0). */
typedef struct {
  guint document;
  guint start;
  guint end;
  RwbMentionKind kind;
} RwbSpan;

typedef struct {
  guint document;
  guint start;      /* sentence start, code points */
  guint end;        /* sentence end, code points, exclusive */
  char *text;       /* the sentence, or NULL when it is read from the document's text (see
                     * rwb_graph_evidence_text): extraction does not copy every sentence */
  const char *rule; /* which trigger or rule produced it, interned (few distinct), may be NULL */
  gsize byte_start; /* with text == NULL: the sentence in bytes of the document's text */
  gsize byte_end;
} RwbEvidence;

typedef struct {
  char *id;         /* "d0", "d1", … */
  char *path;       /* as given by the user; may be NULL for in-memory text */
  char *language;   /* "ar", "en", … */
  char *text;       /* full UTF-8 text; may be NULL when loaded from a graph file */
  guint length;     /* length of the text in code points (kept when the text is not) */
  char *title;      /* the article's title (headline, HTML <title>), or NULL */
  char *date;       /* the article's date, ISO 8601 ("2024-03-18"), or NULL when unknown */
} RwbDocument;

typedef struct {
  char *id;             /* "e1", "e2", … */
  char *name;           /* Latin name where known, else the surface form */
  RwbEntityType type;
  GPtrArray *aliases;   /* char*, unique, includes the surface forms seen */
  GArray *mentions;     /* RwbSpan */
  char *source;         /* why it exists: lexicon entry or pattern name, may be NULL */
  GHashTable *attrs;    /* char* → char*: attributes from an imported file (DOT, GraphML) that
                         * have no field here, kept for export; NULL when there are none */
  gboolean confirmed;   /* the user marked it right (a correction, see rwb-corrections.h) */
} RwbEntity;

typedef struct {
  guint source;         /* index into graph->entities */
  guint target;         /* index into graph->entities */
  RwbRelationType type;
  gboolean directed;
  double confidence;    /* 0..1 */
  GArray *evidence;     /* RwbEvidence */
  GHashTable *attrs;    /* as RwbEntity.attrs */
  guint n_evidence;     /* evidence sentences known from an import that carried only a count
                         * (DOT, GraphML); the larger of this and evidence->len is the count */
  gboolean confirmed;   /* the user marked it right, or added it (see rwb-corrections.h) */
} RwbRelation;

typedef struct _RwbGraphIndex RwbGraphIndex;

/* Relations may be appended to @relations directly (g_ptr_array_add) or through
 * rwb_graph_ensure_relation(); code that removes, reorders or retypes relations, or moves one
 * to other entities, calls rwb_graph_relations_changed() afterwards. */
typedef struct {
  GPtrArray *documents; /* RwbDocument* */
  GPtrArray *entities;  /* RwbEntity* */
  GPtrArray *relations; /* RwbRelation* */
  gint ref_count;
  RwbGraphIndex *index; /* private: relations by pair and type, degrees; built on first use */
} RwbGraph;

/* Graphs are reference counted: a scene and a running layout hold the graph they use, so it
 * lives as long as its last user. Not thread-safe to modify while shared across threads. */
RwbGraph     *rwb_graph_new               (void);
RwbGraph     *rwb_graph_ref               (RwbGraph *graph);
void          rwb_graph_unref             (RwbGraph *graph);

/* Adds a document and returns its index. Takes copies of the strings. */
guint         rwb_graph_add_document      (RwbGraph *graph, const char *path,
                                           const char *language, const char *text);
/* Adds an entity (name copied) and returns its index. */
guint         rwb_graph_add_entity        (RwbGraph *graph, const char *name, RwbEntityType type);
/* Returns the index of the entity whose name or alias equals @name exactly, or -1. */
gint          rwb_graph_find_entity       (RwbGraph *graph, const char *name);
/* Whether an entity other than @except (may be NULL) has the id @id. Linear in entities. */
gboolean      rwb_graph_entity_id_used    (RwbGraph *graph, const char *id,
                                           const RwbEntity *except);
void          rwb_entity_add_alias        (RwbEntity *entity, const char *alias);
/* Records a mention of kind RWB_MENTION_NAME / of @kind; a span just recorded is not added
 * twice (a second kind for the same span keeps the first). */
void          rwb_entity_add_mention      (RwbEntity *entity, guint document, guint start, guint end);
void          rwb_entity_add_mention_kind (RwbEntity *entity, guint document, guint start,
                                           guint end, RwbMentionKind kind);

/* A deep copy of @graph: documents with their text, entities, relations, evidence. The copy
 * shares nothing with @graph. Returns: (transfer full) */
RwbGraph     *rwb_graph_copy              (RwbGraph *graph);

/* Appends a relation without looking for an existing one (callers that keep their own index
 * of relations, like merges of many graphs); @directed as given. Returns its index. */
guint         rwb_graph_add_relation      (RwbGraph *graph, guint source, guint target,
                                           RwbRelationType type, gboolean directed,
                                           double confidence);

/* Finds the relation of @type between @source and @target, in either direction, or adds it.
 * A pair has one relation per type; for directed types the direction follows the evidence with
 * the highest confidence. Returns its index. */
guint         rwb_graph_ensure_relation   (RwbGraph *graph, guint source, guint target,
                                           RwbRelationType type, double confidence);
/* Adds evidence to a relation unless the same sentence was among the last added (text is read
 * in order); raises confidence to @confidence if higher. Returns whether it was new. */
gboolean      rwb_relation_add_evidence   (RwbRelation *relation, guint document, guint start,
                                           guint end, const char *text, const char *rule,
                                           double confidence);

/* The sentence of @evidence (newly allocated), from its own text or its document's. */
char         *rwb_graph_evidence_text     (RwbGraph *graph, const RwbEvidence *evidence);
/* Adds evidence that points into its document's text instead of copying the sentence. */
gboolean      rwb_relation_add_evidence_span (RwbRelation *relation, guint document, guint start,
                                              guint end, gsize byte_start, gsize byte_end,
                                              const char *rule, double confidence);

/* Sets an imported attribute (creates the table on first use). */
void          rwb_entity_set_attr         (RwbEntity *entity, const char *key, const char *value);
void          rwb_relation_set_attr       (RwbRelation *relation, const char *key,
                                           const char *value);

/* Number of relations that touch entity @index (a relation of an entity with itself counts
 * once), `mention` relations only if @with_mentions. Constant time once the graph's index is
 * built (one pass over the relations, on the first call after a change). */
guint         rwb_graph_entity_degree     (RwbGraph *graph, guint index, gboolean with_mentions);
/* Tells @graph that relations were removed, reordered, retyped or moved to other entities
 * outside the functions above, so its index is rebuilt on next use. Appending needs no call.
 * (The index also notices when the array got shorter or its last indexed relation is no
 * longer in its place, but an edit in place cannot be seen.) */
void          rwb_graph_relations_changed (RwbGraph *graph);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbGraph, rwb_graph_unref)

G_END_DECLS
