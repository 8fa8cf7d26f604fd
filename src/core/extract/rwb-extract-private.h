/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-extract-private.h — what the parts of extraction share: a sentence's tokens, its
 * mentions and triggers, the per-document context, and the functions each part offers the
 * others. Not installed; only src/core/extract includes it.
 *
 * The pipeline per sentence (rwb-extract.c drives it): tokens (rwb-extract-tokens.c) →
 * entity mentions (rwb-extract-entities.c, -orgs.c, -persons.c, -roles.c) → coreference
 * (rwb-extract-coref.c) → relations (rwb-extract-relations.c, -roles.c).
 */
#pragma once

#include "rwb-extract.h"
#include "rwb-lexicon-private.h"
#include "rwb-text.h"

G_BEGIN_DECLS

#define MAX_READINGS 12

/* A word of a sentence. Its strings live in the sentence's string chunk: a token costs no
 * allocation of its own, which matters at tens of megabytes of text. */
typedef struct
{
  RwbTextSpan span;
  const char *form; /* matching form */
  guint n_cands;
  const char *cands[MAX_READINGS];       /* clitic-free forms, least stripped first (form first) */
  const char *keys[MAX_READINGS];        /* key form of each (no leading article) */
  guint stripped[MAX_READINGS];          /* letters stripped, per candidate */
  const RwbWordInfo *info[MAX_READINGS]; /* what the lexicon knows of each key, or NULL */
  guint cue_max;                         /* longest cue of several words starting here */
  gboolean word;                         /* starts with a letter or digit */
  gboolean latin;                        /* Latin letters only (with digits, '-', '&', '.') */
  gboolean arabic;
  gboolean capital; /* Latin and starts with an upper-case letter or digit */
  RwbCueFlags cue;  /* cue classes of this single token (any candidate) */
  gint mention;     /* index into the sentence's mentions covering it, or -1 */
} Token;

typedef enum
{
  MENTION_NAME,
  MENTION_ADJECTIVE, /* nisba / demonym of a place */
  MENTION_COREF,     /* "the company" standing for an earlier entity */
} MentionKind;

typedef struct
{
  guint first, last; /* token range, inclusive */
  guint entity;      /* index into graph->entities */
  MentionKind kind;
} Mention;

typedef struct
{
  guint first, last;
  const RwbTrigger *trigger;
} TriggerHit;

typedef struct
{
  RwbLexicon *lex;
  RwbGraph *graph;
  guint doc;
  const char *text;
  const RwbExtractOptions *options;
  GHashTable *by_entry; /* lexicon entry index → graph entity index + 1 */
  GHashTable *media;    /* graph entity indices of news agencies and outlets */
  GHashTable *by_name;  /* pattern names seen in this document → graph entity index + 1 */
  GHashTable *by_exact; /* every entity name and alias → entity index + 1 (the first holder) */
  GHashTable *by_key;   /* rwb_name_key of every entity name and alias → entity index + 1 */
  guint names_done;     /* entities whose names and aliases the two indices hold */
  GHashTable *short_forms; /* first word (matching form) of an organization named in full in
                            * this document → graph entity index + 1: "نوفا" after "شركة نوفا
                            * للإلكترونيات" is the same company */
  GArray *recent;       /* entity indices of recent company/org mentions, newest last, with
                         * holes where a party named again was (rwb-extract-coref.c) */
  GHashTable *recent_at; /* entity → its slot in recent + 1 */
  guint recent_holes;
  gint subject;         /* first company of the last sentence that named one, or -1 */
  gint pair[2];         /* the two parties of the last typed relation between two companies or
                         * organizations ("الشركتان" after it), or -1 */
  GHashTable *salience; /* entity → times named in this document */
  GHashTable *first_words; /* first word of every entity name of several words (names_known_entity) */
  GHashTable *last_words;  /* last word of every person's name of several words */
  GHashTable *org_first;   /* first word of a non-person's name of several words → index + 1 */
  GHashTable *person_last; /* last word of a person's name of several words → index + 1 */
  guint name_words_done;   /* entities whose names the four tables hold */
  GStringChunk *chunk;  /* the current sentence's token strings */
  GString *scratch;
  GArray *tokens; /* the current sentence's tokens, reused */
  GArray *words;  /* the current sentence's words, reused */
  guint64 work;   /* steps of the relation search (pairs, triggers, mentions looked at) and
                   * of the name indices (names keyed, recent parties walked) */
} Ctx;

typedef struct
{
  Ctx *ctx;
  GArray *tokens;
  GArray *mentions;
  GArray *triggers;
  const RwbTextSpan *sentence;
  gboolean *clause_break; /* per token: a clause boundary sits at this token */
  guint *head;            /* per mention: first mention of its "A, B and C" list */
  guint *tail;            /* per mention: last mention of its list */
  guint *region;          /* per token: 0 main clause, k the k-th ", which …," clause */
  GArray *antecedents;    /* per clause k (index k - 1): the mention it describes, or -1 */
  guint *break_sum;       /* per token position: clause breaks before it (find_relations) */
  guint trigger_span;     /* tokens of the longest trigger hit of the sentence */
} Sent;

/* Bounds of the relation search, so that it stays linear in the sentence's length whatever
 * the input (a megabyte of one repeated name is one "sentence" of 200,000 mentions): a
 * mention pairs with the mentions of at most PAIR_MAX_LISTS following lists ("A, B and C" is
 * one list) that start within PAIR_WINDOW words of it, and with at most PAIR_MAX_MEMBERS
 * members of each. */
#define PAIR_MAX_LISTS 8
#define PAIR_WINDOW 60
#define PAIR_MAX_MEMBERS 24
/* How far back a search looks for a mention that ends near a word: names longer than this
 * many tokens are not expected. */
#define MENTION_SPAN 24

/* Token @i of the array named `tokens` in scope. */
#define TOK(i) (&g_array_index (tokens, Token, (i)))

/* Tokens and their helpers (rwb-extract-tokens.c) */
/* Given names are cues only for the person rules: elsewhere a word is read as if it had none. */
#define RWB_CUE_GIVEN_ANY (RWB_CUE_GIVEN | RWB_CUE_GIVEN_WEAK)
#define RWB_CUE_NAME_WORDS                                                                     \
  (RWB_CUE_GIVEN_ANY | RWB_CUE_LEGAL_FORM | RWB_CUE_NAME_ADJECTIVE | RWB_CUE_ORDINARY_ADJECTIVE \
   | RWB_CUE_FACILITY | RWB_CUE_PLACE_HEAD | RWB_CUE_LETTER_NAME | RWB_CUE_LOANWORD)
static inline RwbCueFlags
blocking_cue (const Token *t)
{
  return t->cue & ~(RwbCueFlags) RWB_CUE_NAME_WORDS;
}

G_GNUC_INTERNAL void say (Ctx *ctx, const char *format, ...) G_GNUC_PRINTF (2, 3);
G_GNUC_INTERNAL gboolean is_arabic_char (gunichar c);
G_GNUC_INTERNAL const char *concat_scratch (const char *a, const char *b, GString *scratch);
G_GNUC_INTERNAL RwbCueFlags cue_of (RwbLexicon *lex, const char *form);
G_GNUC_INTERNAL GArray *tokenize_sentence (Ctx *ctx, RwbSegmenter *segmenter, GError **error);
G_GNUC_INTERNAL void strip_possessive (char *s);
G_GNUC_INTERNAL gboolean is_name_token (Token *t);
G_GNUC_INTERNAL char *span_text (Ctx *ctx, GArray *tokens, guint first, guint last);
/* A lexicon place named at @k (its last token in *last; *adjective: a nisba), or FALSE. */
G_GNUC_INTERNAL gboolean place_at (Ctx *ctx, GArray *tokens, guint k, guint *last,
                                   gboolean *adjective);
/* The entity named or aliased @name up to spelling variants (rwb_name_key), of a type that
 * may be @type, or -1. */
G_GNUC_INTERNAL gint find_by_key (Ctx *ctx, const char *name, RwbEntityType type);
G_GNUC_INTERNAL gint find_by_name (Ctx *ctx, const char *name);
G_GNUC_INTERNAL guint before_known_party (Ctx *ctx, GArray *tokens, guint first, guint last);
G_GNUC_INTERNAL void entity_add_alias (Ctx *ctx, guint index, const char *alias);
G_GNUC_INTERNAL gboolean is_open_quote (const Token *t);
G_GNUC_INTERNAL gboolean is_close_quote (const Token *t);
G_GNUC_INTERNAL gboolean quoted (GArray *tokens, guint first, guint last);
G_GNUC_INTERNAL gboolean form_is (const Token *t, const char *form);
/* Whether a key matches a trigger word ("تصنيع*" matches every key it begins). */
G_GNUC_INTERNAL gboolean key_matches (const char *key, const char *pattern);
G_GNUC_INTERNAL gboolean token_matches (Token *t, const char *pattern);
G_GNUC_INTERNAL gboolean is_comma (const Token *t);
G_GNUC_INTERNAL gboolean form_in (const Token *t, const char *const *forms);
G_GNUC_INTERNAL gboolean is_separator (const Token *t);
G_GNUC_INTERNAL gboolean surface_ends_in_yaa (Ctx *ctx, const Token *t);

/* Entities (rwb-extract-entities.c) */
G_GNUC_INTERNAL guint entity_for_entry (Ctx *ctx, guint entry_index, const char *surface);
G_GNUC_INTERNAL guint entity_for_pattern (Ctx *ctx, const char *latin, const char *arabic,
                                          RwbEntityType type, const char *rule);
G_GNUC_INTERNAL guint entity_for_pattern_uncached (Ctx *ctx, const char *latin, const char *arabic,
                                                   RwbEntityType type, const char *rule);
G_GNUC_INTERNAL RwbMentionKind mention_kind_public (MentionKind kind);
G_GNUC_INTERNAL gboolean arabic_org_after_head (Ctx *ctx, GArray *tokens, guint i,
                                                GArray *mentions, guint *out_last);
G_GNUC_INTERNAL gboolean arabic_letter_acronym (Ctx *ctx, GArray *tokens, guint i,
                                                GArray *mentions, guint *out_last);
G_GNUC_INTERNAL gint arabic_short_form (Ctx *ctx, const Token *t);
G_GNUC_INTERNAL gboolean arabic_definite_org (Ctx *ctx, GArray *tokens, guint i,
                                              GArray *mentions, guint *out_last);
G_GNUC_INTERNAL gboolean latin_given_name_run (GArray *tokens, guint first, guint last);
G_GNUC_INTERNAL gboolean arabic_person_by_given_name (Ctx *ctx, GArray *tokens, guint i,
                                                      GArray *mentions, guint *out_last);
G_GNUC_INTERNAL void add_mention (Ctx *ctx, GArray *tokens, GArray *mentions, guint first,
                                  guint last, guint entity, MentionKind kind);
G_GNUC_INTERNAL gboolean lookup_phrase (Ctx *ctx, GArray *tokens, guint i, guint *out_last,
                                        const RwbLexHit **out_hit, guint *out_cand);
G_GNUC_INTERNAL guint latin_run_end (GArray *tokens, guint i);
G_GNUC_INTERNAL gboolean has_model_number (Ctx *ctx, GArray *tokens, guint first, guint last);
G_GNUC_INTERNAL gboolean arabic_before (Ctx *ctx, GArray *tokens, guint latin_first, guint *a_first,
                                        guint *a_last);
G_GNUC_INTERNAL gboolean starts_trigger (Ctx *ctx, Token *t);
G_GNUC_INTERNAL gboolean name_like_arabic (Ctx *ctx, Token *t);
G_GNUC_INTERNAL gboolean quoted_arabic_name (Ctx *ctx, GArray *tokens, guint i, GArray *mentions,
                                             guint *out_last);
G_GNUC_INTERNAL gboolean arabic_person_after_speech (Ctx *ctx, GArray *tokens, guint i,
                                                     GArray *mentions, guint *out_last);
G_GNUC_INTERNAL gboolean arabic_name_after_cue (Ctx *ctx, GArray *tokens, guint i,
                                                GArray *mentions);
G_GNUC_INTERNAL gboolean names_known_entity (Ctx *ctx, GArray *tokens, guint i);
G_GNUC_INTERNAL gboolean english_name_context (Ctx *ctx, GArray *tokens, GArray *mentions,
                                               guint first, guint last, RwbEntityType *type,
                                               const char **rule);
G_GNUC_INTERNAL void paren_alias (Ctx *ctx, GArray *tokens, GArray *mentions, guint last,
                                  guint entity);
G_GNUC_INTERNAL void find_entities (Ctx *ctx, GArray *tokens, GArray *mentions,
                                    gboolean arabic_doc);
G_GNUC_INTERNAL int compare_mentions (gconstpointer a, gconstpointer b);

/* English organization names (rwb-extract-english.c) */
G_GNUC_INTERNAL guint english_org_run_end (GArray *tokens, guint first, guint last);

/* Coreference (rwb-extract-coref.c) */
G_GNUC_INTERNAL gboolean is_party (RwbGraph *graph, guint entity);
G_GNUC_INTERNAL void remember (Ctx *ctx, guint entity);
G_GNUC_INTERNAL void resolve_coreference (Ctx *ctx, GArray *tokens, GArray *mentions);

/* Places named by a head noun (rwb-extract-places.c) */
G_GNUC_INTERNAL gboolean arabic_place_after_head (Ctx *ctx, GArray *tokens, guint i,
                                                  GArray *mentions);

/* Roles: people named by a title and its organization (rwb-extract-roles.c) */
G_GNUC_INTERNAL void find_title_persons (Ctx *ctx, GArray *tokens, GArray *mentions);

/* Relations (rwb-extract-relations.c) */
G_GNUC_INTERNAL gboolean trigger_at (GArray *tokens, guint i, const RwbTrigger *tr);
G_GNUC_INTERNAL void try_triggers (GArray *tokens, guint i, GPtrArray *list, GArray *hits);
G_GNUC_INTERNAL GArray *find_triggers (Ctx *ctx, GArray *tokens);
G_GNUC_INTERNAL RwbEntityType etype (Ctx *ctx, guint entity);
G_GNUC_INTERNAL gboolean is_media (Ctx *ctx, guint entity);
G_GNUC_INTERNAL gboolean types_fit (Ctx *ctx, RwbRelationType type, guint source, guint target);
G_GNUC_INTERNAL gboolean clause_between (Sent *s, guint a, guint b);
G_GNUC_INTERNAL void relate (Sent *s, guint source, guint target, RwbRelationType type,
                             double confidence, const char *rule);
G_GNUC_INTERNAL gboolean other_party_between (Sent *s, guint from, guint to, guint a, guint b);
G_GNUC_INTERNAL gboolean conjoined (Sent *s, const Mention *a, const Mention *b);
G_GNUC_INTERNAL gboolean object_marker_between (Sent *s, guint from, guint to);
G_GNUC_INTERNAL gboolean tok_arabic (Sent *s, guint i);
G_GNUC_INTERNAL gboolean person_between (Sent *s, guint from, guint to);
G_GNUC_INTERNAL gboolean relative_clause_after (Sent *s, guint i);
G_GNUC_INTERNAL void find_relative_clauses (Sent *s);
G_GNUC_INTERNAL gboolean in_region (Sent *s, const Mention *m, guint mention_index, guint region);
G_GNUC_INTERNAL gboolean same_region (Sent *s, guint ia, guint ib, guint trigger_token);
G_GNUC_INTERNAL void find_lists (Sent *s);
G_GNUC_INTERNAL gboolean relate_pair (Sent *s, guint ia, guint ib);
G_GNUC_INTERNAL void find_reporting (Sent *s);
G_GNUC_INTERNAL gint sentence_subject (Sent *s);
G_GNUC_INTERNAL gboolean based_on (Sent *s, const Mention *p);
G_GNUC_INTERNAL void find_locations (Sent *s);
G_GNUC_INTERNAL void find_named_units (Sent *s);
G_GNUC_INTERNAL void find_dropped_subjects (Sent *s);
G_GNUC_INTERNAL void find_relations (Sent *s);
G_GNUC_INTERNAL void find_roles (Sent *s);
G_GNUC_INTERNAL gboolean counted_noun (GArray *tokens, guint k);
G_GNUC_INTERNAL gboolean arabic_loanword_name (Ctx *ctx, GArray *tokens, guint i, GArray *mentions,
                                               guint *out_last);
/* The entity for an Arabic name ending at @last, joined with the Latin name in parentheses
 * right after it when there is one (rwb-extract-orgs.c). */
G_GNUC_INTERNAL guint entity_with_paren_latin (Ctx *ctx, GArray *tokens, GArray *mentions,
                                               guint last, const char *arabic,
                                               RwbEntityType type, const char *rule);
/* A title in the accusative of role, "رئيسا"، "مديرا" (rwb-extract-persons.c). */
G_GNUC_INTERNAL gboolean is_role_complement (const Token *t);
G_GNUC_INTERNAL void find_role_complements (Sent *s);
G_GNUC_INTERNAL gint title_org_entity (Sent *s, const TriggerHit *hit);
G_GNUC_INTERNAL gboolean title_opens_item (Sent *s, const TriggerHit *hit);
G_GNUC_INTERNAL guint mention_after (Sent *s, guint token);
G_GNUC_INTERNAL guint trigger_from (Sent *s, guint token);

/* Driver (rwb-extract.c) */
G_GNUC_INTERNAL void prune_mentions (RwbGraph *graph);
G_GNUC_INTERNAL void index_mentions (GArray *tokens, GArray *mentions);
/* rwb_extract_document that also counts the steps of the relation search into @work (for the
 * test that the search stays linear). */
G_GNUC_INTERNAL gboolean extract_document_counting (RwbLexicon *lexicon, RwbGraph *graph,
                                                    guint doc, const RwbExtractOptions *options,
                                                    guint64 *work, GError **error);

G_END_DECLS
