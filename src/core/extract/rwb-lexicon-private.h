/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-lexicon-private.h — the compiled lexicon, shared by rwb-lexicon.c and rwb-extract.c. */
#pragma once

#include "rwb-graph.h"
#include "rwb-lexicon.h"

G_BEGIN_DECLS

typedef struct {
  char *name;            /* canonical (Latin) name */
  RwbEntityType type;
  char *arabic;          /* first Arabic alias, for labels; may be NULL */
  gboolean needs_cue;    /* only accept next to a cue (شركة, company, its other-script form) */
  gboolean media;        /* a news agency or outlet: reports, is no business party */
  char *origin;          /* "companies.tsv:12" */
} RwbLexEntry;

typedef enum {
  RWB_LEX_NAME,          /* the entity's name or alias */
  RWB_LEX_ADJECTIVE,     /* a nisba/demonym of a place (الألمانية → Germany) */
} RwbLexKind;

typedef struct {
  guint entry;           /* index into lexicon->entries */
  RwbLexKind kind;
  gboolean latin;        /* the alias is in Latin script: match only capitalized text */
  gboolean lower;        /* a brand written in lower case (stc, e&): match it as written */
} RwbLexHit;

/* Where the trigger's entities stand relative to it. */
typedef enum {
  RWB_TRIGGER_FORWARD,   /* entity before the trigger is the source */
  RWB_TRIGGER_BACKWARD,  /* entity after the trigger is the source */
} RwbTriggerDir;

typedef struct {
  RwbRelationType type;
  RwbTriggerDir dir;
  double confidence;
  guint near;            /* if > 0, an entity must stand within this many tokens of it */
  gboolean weak;         /* "signed": gives way to a trigger standing just after it ("signed a
                          * contract"), which says what kind of deal it was */
  guint n_tokens;
  char **tokens;         /* keys; a token ending in '*' matches any key it prefixes */
  char *text;            /* as written in the file, for `-v` */
  char *origin;
} RwbTrigger;

/* Closed word classes the extractor needs, from data/patterns/cues.tsv. */
typedef enum {
  RWB_CUE_COMPANY = 1 << 0,      /* شركة, company: the next name is a company */
  RWB_CUE_ORGANIZATION = 1 << 1, /* وكالة, agency */
  RWB_CUE_PERSON = 1 << 2,       /* السيد, CEO: the next name is a person */
  RWB_CUE_COREF_ONE = 1 << 3,    /* الشركة, the company: refers back to one company */
  RWB_CUE_COREF_TWO = 1 << 4,    /* الشركتان, both companies: refers back to two */
  RWB_CUE_CLAUSE = 1 << 5,       /* كما, while: a clause boundary */
  RWB_CUE_STOP = 1 << 6,         /* function words that never start or continue a name */
  RWB_CUE_COMPANY_SUFFIX = 1 << 7, /* Inc., Corp, Group, Motors: ends an English company name */
  RWB_CUE_LOCATIVE = 1 << 8,     /* في, in: before a place, marks where something is */
  RWB_CUE_GENERIC = 1 << 9,      /* سيارات, ناشئة: a common word after شركة, not a name */
  RWB_CUE_PARTICLE = 1 << 10,    /* of, bin, dos: lower-case words inside names */
  RWB_CUE_OBJECT = 1 << 11,      /* مع, with, to: what follows is an object, not a subject */
  RWB_CUE_SPEECH = 1 << 12,      /* said, told: a person's name stands next to it */
  RWB_CUE_RELATIVE = 1 << 13,    /* which, التي: a relative clause starts */
  RWB_CUE_CONJUNCTION = 1 << 14, /* and, و, &: joins the members of a list */
  RWB_CUE_STAKE = 1 << 15,       /* stake, shares: "a stake in X" names a company, not a place */
  RWB_CUE_BASED = 1 << 16,       /* based, listed: "X-based" places what follows */
  RWB_CUE_ARTICLE = 1 << 17,     /* a, an: "Y, an X-based firm" describes Y */
  RWB_CUE_LED_BY = 1 << 18,      /* founded, led: "founded … by X" names a person X */
  RWB_CUE_ORG_HEAD = 1 << 24,    /* Ministry, Commission: heads an organization's name */
  RWB_CUE_GIVEN = 1 << 19,       /* أحمد, Sarah: a given name (cues-given-names.tsv) */
  RWB_CUE_GIVEN_WEAK = 1 << 20,  /* أمل, Mark: a given name that is also a common word */
  RWB_CUE_LEGAL_FORM = 1 << 21,  /* القابضة: ends an Arabic company name */
  RWB_CUE_NAME_ADJECTIVE = 1 << 22, /* المتحدة، العامة: an adjective inside organization names */
  RWB_CUE_BANK = 1 << 23,        /* بنك، مصرف: a company head noun that is part of the name */
  RWB_CUE_FACILITY = 1 << 25,    /* مطار، شارع: a place named after a person (مطار الملك خالد) */
  RWB_CUE_ORDINARY_ADJECTIVE = 1 << 26, /* الحالي، التنفيذي: looks like a nisba, is no name */
  RWB_CUE_PLACE_HEAD = 1 << 27,  /* مدينة، منطقة: the name after it is a place */
  RWB_CUE_LETTER_NAME = 1 << 28, /* إم، كيو: a Latin letter spelled in Arabic (كيو.إل.تي) */
  RWB_CUE_COMMON_WORD = 1 << 29, /* iron, merger: an ordinary English word, no name alone */
  RWB_CUE_LOANWORD = 1 << 30,    /* كابيتال، انترناشونال: an English business word in Arabic letters */
} RwbCueFlags;

/* What the lexicon knows of one word, so a token needs one hash probe per reading. */
typedef struct {
  guint phrase_max;       /* longest lexicon phrase starting with this key, 0 if none */
  guint cue_max;          /* longest cue of several words starting with this form, 0 if none */
  RwbCueFlags cue;        /* cue classes of this word alone (matching form, article kept) */
  GPtrArray *triggers;    /* triggers whose first word is exactly this key, or NULL */
} RwbWordInfo;

struct _RwbLexicon {
  GPtrArray *entries;     /* RwbLexEntry* */
  GHashTable *phrases;    /* key phrase (keys joined by ' ') → GArray of RwbLexHit */
  guint max_phrase;       /* longest phrase, in tokens */
  GPtrArray *triggers;    /* RwbTrigger* */
  GHashTable *prefix_triggers; /* first two characters of a '*' first token → GPtrArray */
  GHashTable *cues;       /* phrase in matching form (article kept) → RwbCueFlags */
  GHashTable *words;      /* word (key or matching form) → RwbWordInfo */
  guint max_cue;          /* longest cue, in tokens */
  GPtrArray *common_blocks; /* char*: the text of each common-words list, split in place */
  GPtrArray *common_words;  /* const char* into common_blocks, sorted (strcmp) */
};

/* Splits @text into token keys (match form + key form), as the extractor does. */
GPtrArray *rwb_lexicon_tokenize_keys (const char *text);
/* Splits @text into tokens in matching form, and key form too when @keys_form. */
GPtrArray *rwb_lexicon_tokenize      (const char *text, gboolean keys_form);
/* Bucket of prefix triggers a word falls in: its first two characters, written to @buf. */
const char *rwb_lexicon_prefix_bucket (const char *word, char buf[16]);
/* What the lexicon knows of @word, or NULL. */
const RwbWordInfo *rwb_lexicon_word (RwbLexicon *lexicon, const char *word);

/* Whether @key (a Latin word in matching form) is in a common-words list. */
gboolean rwb_lexicon_common_word (RwbLexicon *lexicon, const char *key);

G_END_DECLS
