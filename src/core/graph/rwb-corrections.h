/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-corrections.h — the user's corrections of an extracted graph, as operations on names.
 *
 * A correction never names an internal index or id: it names entities by what the user saw
 * (a name or an alias, compared in the Arabic/Latin matching form, see rwb_name_key), relations
 * by their two entities and type, and evidence by the article's content key and code-point
 * offsets. So the same list re-applies to a graph extracted again — with new rules, with the
 * article added again, with more articles — and a rejected junk entity stays rejected in every
 * article, including those added later.
 *
 * rwb_corrections_apply turns an extracted graph into the corrected one. It is a pure function
 * of (graph, corrections), applies them in list order, and costs about the size of the graph
 * plus, per correction, the size of what it touches (hash tables keyed by matching form).
 * Nothing here touches a file or a database: the project (rwb-project.h) stores the list.
 */
#pragma once

#include <glib.h>
#include "rwb-graph.h"

G_BEGIN_DECLS

typedef enum {
  RWB_CORRECTION_REJECT_ENTITY,    /* a: the entity is junk; it and its relations go */
  RWB_CORRECTION_REJECT_RELATION,  /* a, b, relation_type: that relation is wrong */
  RWB_CORRECTION_MERGE,            /* a, b: b is the same entity as a; a's name stays */
  RWB_CORRECTION_SPLIT,            /* a, b: alias b of entity a is another entity */
  RWB_CORRECTION_RENAME,           /* a, b: entity a is called b (a stays an alias) */
  RWB_CORRECTION_RETYPE_ENTITY,    /* a, entity_type */
  RWB_CORRECTION_DIRECT_RELATION,  /* a, b, relation_type: the relation reads a → b (reverse) */
  RWB_CORRECTION_RETYPE_RELATION,  /* a, b, relation_type → new_relation_type */
  RWB_CORRECTION_ADD_RELATION,     /* a, b, relation_type, optional evidence */
  RWB_CORRECTION_CONFIRM_ENTITY,   /* a */
  RWB_CORRECTION_CONFIRM_RELATION, /* a, b, relation_type */
  RWB_CORRECTION_N_KINDS /*< skip >*/
} RwbCorrectionKind;

/* One correction. Strings are owned. */
typedef struct {
  RwbCorrectionKind kind;
  char *a;                          /* an entity's name or alias, as the user saw it */
  char *b;                          /* the second entity, the alias split off, or the new name */
  RwbEntityType entity_type;        /* RETYPE_ENTITY */
  RwbRelationType relation_type;    /* relation kinds */
  RwbRelationType new_relation_type;/* RETYPE_RELATION */
  /* ADD_RELATION's evidence, optional (document == NULL): the article by content
   * (rwb_document_key), the sentence's code-point offsets and its text. */
  char *document;
  guint start, end;
  char *text;
} RwbCorrection;

typedef struct _RwbCorrections RwbCorrections;

/* The matching form of a name for comparing names: rwb_text_match_form (diacritics, tatweel,
 * alef/yaa/taa marbuta variants, Latin case) with runs of white space made one space and the
 * ends trimmed. "شاومى" and "شاومي" have one key, as do "Xiaomi " and "xiaomi". Returns: (transfer full) */
char           *rwb_name_key               (const char *name);

/* The key of a document's article by content: its length in code points and the SHA-256 of
 * its text, "LENGTH:HEX" (NULL when the document has no text). The same article added again
 * has the same key. Returns: (transfer full) (nullable) */
char           *rwb_document_key           (const RwbDocument *document);

/* A new correction of @kind with names @a and @b (copied; @b may be NULL). Set the other
 * fields directly. Returns: (transfer full) */
RwbCorrection  *rwb_correction_new         (RwbCorrectionKind kind, const char *a, const char *b);
RwbCorrection  *rwb_correction_copy        (const RwbCorrection *correction);
void            rwb_correction_free        (RwbCorrection *correction);
/* Checks that the fields @kind needs are there and valid. */
gboolean        rwb_correction_validate    (const RwbCorrection *correction, GError **error);

/* A correction as one line of JSON ({"op": "merge", "a": …}), the form the project stores
 * and `rawabit-cli project` prints. Returns: (transfer full) */
char           *rwb_correction_to_json     (const RwbCorrection *correction);
/* Parses rwb_correction_to_json's output; unknown operations, types or missing members are
 * errors naming the member. Returns: (transfer full) (nullable) */
RwbCorrection  *rwb_correction_from_json   (const char *json, GError **error);

/* "reject", "merge", … as in the JSON "op" member; FALSE for an unknown name. */
const char     *rwb_correction_kind_to_string   (RwbCorrectionKind kind);
gboolean        rwb_correction_kind_from_string (const char *name, RwbCorrectionKind *out);
/* The action's translated name for menus ("Merge", so "Undo Merge"). */
const char     *rwb_correction_kind_label  (RwbCorrectionKind kind);
/* A translated sentence for the corrections panel: "Merge “شاومي” into “Xiaomi”".
 * Returns: (transfer full) */
char           *rwb_correction_describe    (const RwbCorrection *correction);
char           *rwb_correction_describe_isolated (const RwbCorrection *correction);

/* An ordered list of corrections; each may carry the id the project gave it (0 if none). */
RwbCorrections *rwb_corrections_new        (void);
void            rwb_corrections_free       (RwbCorrections *corrections);
/* Appends @correction (ownership taken) with @id. */
void            rwb_corrections_add        (RwbCorrections *corrections, RwbCorrection *correction,
                                            gint64 id);
guint           rwb_corrections_len        (const RwbCorrections *corrections);
const RwbCorrection *rwb_corrections_get   (const RwbCorrections *corrections, guint index);
gint64          rwb_corrections_get_id     (const RwbCorrections *corrections, guint index);
void            rwb_corrections_remove_index (RwbCorrections *corrections, guint index);

/* The corrected graph: a new graph (documents copied, entities and relations rebuilt) with the
 * corrections applied in order. Entities that survive keep their ids; an entity split off gets
 * a new one. If @applied is not NULL it is set to an array of gboolean, one per correction:
 * FALSE when the correction found nothing to act on (its names are not in this graph, or no
 * longer), so a panel can show it as not applying. Returns: (transfer full) */
RwbGraph       *rwb_corrections_apply      (RwbGraph *graph, const RwbCorrections *corrections,
                                            GArray **applied);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbCorrection, rwb_correction_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbCorrections, rwb_corrections_free)

G_END_DECLS
