/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-extract.c — entities, light coreference and typed relations from article text.
 *
 * Sentence by sentence: ICU words → matching forms and clitic-free candidates → lexicon
 * mentions (longest match) and name patterns → coreference of "الشركة / the company" →
 * relation triggers between mentions. Every mention and relation keeps the code-point offsets
 * of its sentence as evidence.
 */
#define G_LOG_DOMAIN "rawabit-extract"

#include "rwb-extract.h"
#include "rwb-lexicon-private.h"
#include "rwb-text.h"

#include <glib/gi18n.h>
#include <string.h>

#define MAX_READINGS 12

/* A word of a sentence. Its strings live in the sentence's string chunk: a token costs no
 * allocation of its own, which matters at tens of megabytes of text. */
typedef struct {
  RwbTextSpan span;
  const char *form;      /* matching form */
  guint n_cands;
  const char *cands[MAX_READINGS];  /* clitic-free forms, least stripped first (form first) */
  const char *keys[MAX_READINGS];   /* key form of each (no leading article) */
  guint stripped[MAX_READINGS];     /* letters stripped, per candidate */
  const RwbWordInfo *info[MAX_READINGS]; /* what the lexicon knows of each key, or NULL */
  guint cue_max;         /* longest cue of several words starting here */
  gboolean word;         /* starts with a letter or digit */
  gboolean latin;        /* Latin letters only (with digits, '-', '&', '.') */
  gboolean arabic;
  gboolean capital;      /* Latin and starts with an upper-case letter or digit */
  RwbCueFlags cue;       /* cue classes of this single token (any candidate) */
  gint mention;          /* index into the sentence's mentions covering it, or -1 */
} Token;

typedef enum {
  MENTION_NAME,
  MENTION_ADJECTIVE,     /* nisba / demonym of a place */
  MENTION_COREF,         /* "the company" standing for an earlier entity */
} MentionKind;

typedef struct {
  guint first, last;     /* token range, inclusive */
  guint entity;          /* index into graph->entities */
  MentionKind kind;
} Mention;

typedef struct {
  guint first, last;
  const RwbTrigger *trigger;
} TriggerHit;

typedef struct {
  RwbLexicon *lex;
  RwbGraph *graph;
  guint doc;
  const char *text;
  const RwbExtractOptions *options;
  GHashTable *by_entry;   /* lexicon entry index → graph entity index + 1 */
  GHashTable *media;      /* graph entity indices of news agencies and outlets */
  GHashTable *by_name;    /* pattern names seen in this document → graph entity index + 1 */
  GArray *recent;         /* entity indices of recent company/org mentions, newest last */
  gint subject;           /* first company of the last sentence that named one, or -1 */
  GHashTable *salience;   /* entity → times named in this document */
  GStringChunk *chunk;    /* the current sentence's token strings */
  GString *scratch;
  GArray *tokens;         /* the current sentence's tokens, reused */
  GArray *words;          /* the current sentence's words, reused */
} Ctx;

static void
say (Ctx *ctx, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
say (Ctx *ctx, const char *format, ...)
{
  if (ctx->options == NULL || ctx->options->log == NULL)
    return;
  va_list args;
  va_start (args, format);
  g_autofree char *msg = g_strdup_vprintf (format, args);
  va_end (args);
  ctx->options->log (msg, ctx->options->log_data);
}

/* Arabic letters and digits; not Arabic punctuation (، ؛ ؟), which is no word. */
static gboolean
is_arabic_char (gunichar c)
{
  return (c >= 0x0620 && c <= 0x064A) || (c >= 0x0660 && c <= 0x0669)
         || (c >= 0x066E && c <= 0x06D3) || (c >= 0x06FA && c <= 0x06FF);
}

/* @a followed by @b, built in @scratch (overwritten). */
static const char *
g_strconcat_static (const char *a, const char *b, GString *scratch)
{
  g_string_assign (scratch, a);
  g_string_append (scratch, b);
  return scratch->str;
}

static RwbCueFlags
cue_of (RwbLexicon *lex, const char *form)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (lex->cues, form));
}

static GArray *
tokenize_sentence (Ctx *ctx, RwbSegmenter *segmenter, GError **error)
{
  GArray *words = ctx->words;
  if (!rwb_segmenter_words (segmenter, words, error))
    return NULL;
  GArray *tokens = ctx->tokens;
  g_array_set_size (tokens, 0);
  g_string_chunk_clear (ctx->chunk);
  for (guint i = 0; i < words->len; i++)
    {
      RwbTextSpan *w = &g_array_index (words, RwbTextSpan, i);
      const char *s = ctx->text + w->bstart;
      gsize len = w->bend - w->bstart;
      g_array_set_size (tokens, tokens->len + 1);
      Token *t = &g_array_index (tokens, Token, tokens->len - 1);
      /* Only the fixed fields: the per-reading arrays are read up to n_cands. */
      t->span = *w;
      t->mention = -1;
      t->cue = 0;
      t->cue_max = 0;
      g_string_truncate (ctx->scratch, 0);
      rwb_text_match_form_append (s, len, ctx->scratch);
      t->form = g_string_chunk_insert_len (ctx->chunk, ctx->scratch->str, ctx->scratch->len);
      gunichar c0 = g_utf8_get_char (s);
      t->word = g_unichar_isalnum (c0) || is_arabic_char (c0);
      t->arabic = is_arabic_char (c0);
      t->latin = t->word && !t->arabic && c0 < 0x250;
      t->capital = t->latin && (g_unichar_isupper (c0) || g_unichar_isdigit (c0));
      if (t->arabic)
        {
          RwbReading readings[MAX_READINGS];
          t->n_cands = rwb_text_arabic_readings (t->form, readings, MAX_READINGS);
          for (guint k = 0; k < t->n_cands; k++)
            {
              /* Readings point into the form; only "ال" restored after ل needs a new string. */
              t->cands[k] = readings[k].article == NULL
                              ? readings[k].rest
                              : g_string_chunk_insert (ctx->chunk,
                                                       g_strconcat_static (readings[k].article,
                                                                           readings[k].rest,
                                                                           ctx->scratch));
              t->stripped[k] = readings[k].stripped;
            }
        }
      else
        {
          t->n_cands = 1;
          t->cands[0] = t->form;
          t->stripped[0] = 0;
        }
      for (guint k = 0; k < t->n_cands; k++)
        {
          t->keys[k] = rwb_text_key_start (t->cands[k]);
          t->info[k] = rwb_lexicon_word (ctx->lex, t->keys[k]);
          /* Cues keep the article ("الشركة" is not "شركة"): look the form up too when the key
           * dropped it. */
          const RwbWordInfo *form_info = t->keys[k] == t->cands[k]
                                           ? t->info[k]
                                           : rwb_lexicon_word (ctx->lex, t->cands[k]);
          if (form_info)
            {
              t->cue |= form_info->cue;
              t->cue_max = MAX (t->cue_max, form_info->cue_max);
            }
        }
    }

  /* Cues of several words ("the company", "في حين") mark their last word. */
  GString *phrase = ctx->scratch;
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *first = &g_array_index (tokens, Token, i);
      for (guint len = 2; len <= first->cue_max && i + len <= tokens->len; len++)
        for (guint c = 0; c < first->n_cands; c++)
          {
            g_string_assign (phrase, first->cands[c]);
            for (guint k = 1; k < len; k++)
              {
                g_string_append_c (phrase, ' ');
                g_string_append (phrase, g_array_index (tokens, Token, i + k).cands[0]);
              }
            g_array_index (tokens, Token, i + len - 1).cue |= cue_of (ctx->lex, phrase->str);
          }
    }
  return tokens;
}

#define TOK(i) (&g_array_index (tokens, Token, (i)))

/* --- Entities ------------------------------------------------------------------------------ */

static guint
entity_for_entry (Ctx *ctx, guint entry_index, const char *surface)
{
  RwbLexEntry *entry = g_ptr_array_index (ctx->lex->entries, entry_index);
  guint idx = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->by_entry,
                                                     GUINT_TO_POINTER (entry_index + 1)));
  if (idx == 0)
    {
      gint found = rwb_graph_find_entity (ctx->graph, entry->name);
      if (found < 0)
        {
          found = rwb_graph_add_entity (ctx->graph, entry->name, entry->type);
          RwbEntity *e = g_ptr_array_index (ctx->graph->entities, found);
          e->source = g_strdup_printf ("lexicon %s", entry->origin);
          if (entry->arabic)
            rwb_entity_add_alias (e, entry->arabic);
        }
      idx = found + 1;
      g_hash_table_insert (ctx->by_entry, GUINT_TO_POINTER (entry_index + 1),
                           GUINT_TO_POINTER (idx));
    }
  RwbEntity *e = g_ptr_array_index (ctx->graph->entities, idx - 1);
  if (surface && !g_str_equal (surface, e->name))
    rwb_entity_add_alias (e, surface);
  if (entry->media)
    g_hash_table_add (ctx->media, GUINT_TO_POINTER (idx - 1));
  return idx - 1;
}

/* An entity found by a pattern, not the lexicon: merged by exact alias with what the graph
 * already has (the same name seen in an earlier sentence or document). */
static guint entity_for_pattern_uncached (Ctx *ctx, const char *latin, const char *arabic,
                                          RwbEntityType type, const char *rule);

/* The same unknown name recurs through an article: look it up once per document. */
static guint
entity_for_pattern (Ctx *ctx, const char *latin, const char *arabic, RwbEntityType type,
                    const char *rule)
{
  g_autofree char *key = g_strdup_printf ("%d\x1f%s\x1f%s", type, latin ? latin : "",
                                          arabic ? arabic : "");
  guint idx = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->by_name, key));
  if (idx == 0)
    {
      idx = entity_for_pattern_uncached (ctx, latin, arabic, type, rule) + 1;
      g_hash_table_insert (ctx->by_name, g_steal_pointer (&key), GUINT_TO_POINTER (idx));
    }
  return idx - 1;
}

static guint
entity_for_pattern_uncached (Ctx *ctx, const char *latin, const char *arabic,
                             RwbEntityType type, const char *rule)
{
  gint found = latin ? rwb_graph_find_entity (ctx->graph, latin) : -1;
  if (found < 0 && arabic)
    found = rwb_graph_find_entity (ctx->graph, arabic);
  /* "Hemsworth" after "Hemsworth Living": news shortens a name it has given in full; people
   * are called by their family name ("Fuentes" after "Mariela Fuentes"). */
  if (found < 0 && latin && strchr (latin, ' ') == NULL)
    for (guint i = 0; i < ctx->graph->entities->len && found < 0; i++)
      {
        RwbEntity *e = g_ptr_array_index (ctx->graph->entities, i);
        gsize n = strlen (latin), len = strlen (e->name);
        if (e->type != RWB_ENTITY_PERSON && g_str_has_prefix (e->name, latin)
            && e->name[n] == ' ')
          found = i;
        else if (e->type == RWB_ENTITY_PERSON && len > n + 1 && g_str_has_suffix (e->name, latin)
                 && e->name[len - n - 1] == ' ')
          found = i;
      }
  if (found < 0)
    {
      const char *name = latin ? latin : arabic;
      found = rwb_graph_add_entity (ctx->graph, name, type);
      RwbEntity *e = g_ptr_array_index (ctx->graph->entities, found);
      e->source = g_strdup_printf ("pattern %s", rule);
    }
  RwbEntity *e = g_ptr_array_index (ctx->graph->entities, found);
  if (latin)
    {
      /* A Latin form found later replaces a transliteration-less Arabic name. */
      if (!g_str_equal (e->name, latin) && arabic && g_str_equal (e->name, arabic))
        {
          g_free (e->name);
          e->name = g_strdup (latin);
        }
      rwb_entity_add_alias (e, latin);
    }
  if (arabic)
    rwb_entity_add_alias (e, arabic);
  return found;
}

static void
add_mention (Ctx *ctx, GArray *tokens, GArray *mentions, guint first, guint last, guint entity,
             MentionKind kind)
{
  Mention m = { first, last, entity, kind };
  g_array_append_val (mentions, m);
  for (guint i = first; i <= last; i++)
    TOK (i)->mention = mentions->len - 1;
  RwbEntity *e = g_ptr_array_index (ctx->graph->entities, entity);
  rwb_entity_add_mention (e, ctx->doc, TOK (first)->span.start, TOK (last)->span.end);
}

/* Longest lexicon phrase starting at token @i. Only the first word may carry clitics. */
static gboolean
lookup_phrase (Ctx *ctx, GArray *tokens, guint i, guint *out_last, const RwbLexHit **out_hit,
               guint *out_cand)
{
  RwbLexicon *lex = ctx->lex;
  Token *t0 = TOK (i);
  if (!t0->word)
    return FALSE;
  guint max = 0;
  for (guint c = 0; c < t0->n_cands; c++)
    if (t0->info[c])
      max = MAX (max, t0->info[c]->phrase_max);
  max = MIN (max, tokens->len - i);
  if (max == 0)
    return FALSE;
  g_autoptr (GString) rest = g_string_new (NULL);
  for (guint len = max; len >= 1; len--)
    {
      g_string_truncate (rest, 0);
      gboolean ok = TRUE;
      for (guint k = 1; k < len; k++)
        {
          Token *t = TOK (i + k);
          if (t->mention >= 0)
            {
              ok = FALSE;
              break;
            }
          g_string_append_c (rest, ' ');
          g_string_append (rest, t->keys[0]);
        }
      if (!ok)
        continue;
      for (guint c = 0; c < t0->n_cands; c++)
        {
          if (t0->info[c] == NULL || t0->info[c]->phrase_max < len)
            continue;
          g_autofree char *key = g_strconcat (t0->keys[c], rest->str, NULL);
          GArray *hits = g_hash_table_lookup (lex->phrases, key);
          if (hits == NULL)
            continue;
          const RwbLexHit *hit = &g_array_index (hits, RwbLexHit, 0);
          /* English names are capitalized; "apple" and "shell" in running text are not
           * companies. Brands written in lower case (stc, e&) match as written. */
          if (hit->latin && !t0->capital && !hit->lower)
            continue;
          if (hit->lower && g_ascii_isupper (ctx->text[t0->span.bstart]))
            continue;
          *out_last = i + len - 1;
          *out_hit = hit;
          *out_cand = c;
          return TRUE;
        }
    }
  return FALSE;
}

/* "Great Wall's" names Great Wall: drop an English possessive ending from an alias. */
static void
strip_possessive (char *s)
{
  static const char *const endings[] = { "'s", "\xe2\x80\x99s" /* ’s */ };
  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    if (g_str_has_suffix (s, endings[i]))
      s[strlen (s) - strlen (endings[i])] = '\0';
}

static gboolean
is_name_token (Token *t)
{
  return t->latin && t->word && t->mention < 0 && !(t->cue & RWB_CUE_STOP);
}

/* A run of capitalized Latin words (with inner "&", "-", "of", digits) starting at @i. */
static guint
latin_run_end (GArray *tokens, guint i)
{
  guint last = i;
  for (guint k = i + 1; k < tokens->len; k++)
    {
      Token *t = TOK (k);
      if (t->mention >= 0)
        break;
      if (is_name_token (t) && t->capital)
        last = k;
      else if ((g_str_equal (t->form, "&") || g_str_equal (t->form, "-")
                || (!t->capital && (t->cue & RWB_CUE_PARTICLE)))
               && k + 1 < tokens->len && TOK (k + 1)->capital && TOK (k + 1)->mention < 0
               && !(TOK (k + 1)->cue & RWB_CUE_STOP))
        continue;
      else
        break;
    }
  return last;
}

/* Model names mix letters and digits (E2, A320neo, SU7); company names rarely do. */
static gboolean
has_model_number (Ctx *ctx, GArray *tokens, guint first, guint last)
{
  for (guint k = first; k <= last; k++)
    {
      const char *p = ctx->text + TOK (k)->span.bstart, *end = ctx->text + TOK (k)->span.bend;
      gboolean digit = FALSE, alpha = FALSE;
      for (; p < end; p++)
        digit |= g_ascii_isdigit (*p), alpha |= g_ascii_isalpha (*p);
      if (digit && alpha)
        return TRUE;
    }
  return FALSE;
}

static char *
span_text (Ctx *ctx, GArray *tokens, guint first, guint last)
{
  gsize b0 = TOK (first)->span.bstart, b1 = TOK (last)->span.bend;
  return g_strndup (ctx->text + b0, b1 - b0);
}

/* The Arabic written form just before a Latin name, if it looks like the same name: either in
 * parentheses "(لي جون) Lei Jun", or one plain word whose consonants agree "جيلي Geely". */
static gboolean
arabic_before (Ctx *ctx, GArray *tokens, guint latin_first, guint *a_first, guint *a_last)
{
  if (latin_first == 0)
    return FALSE;
  guint k = latin_first - 1;
  if (g_str_equal (TOK (k)->form, ")") && k >= 2)
    {
      guint end = k - 1, start = end;
      while (start > 0 && TOK (start)->arabic && TOK (start)->mention < 0
             && !g_str_equal (TOK (start - 1)->form, "("))
        start--;
      if (TOK (start)->arabic && start > 0 && g_str_equal (TOK (start - 1)->form, "(")
          && end - start < 4)
        {
          *a_first = start;
          *a_last = end;
          return TRUE;
        }
      return FALSE;
    }
  Token *t = TOK (k);
  if (!t->arabic || t->mention >= 0 || t->cue != 0)
    return FALSE;
  g_autofree char *latin = span_text (ctx, tokens, latin_first, latin_first);
  g_autofree char *translit = rwb_text_transliterate (t->cands[0]);
  /* Compare the first consonant sounds: ICU writes ج as "j", Latin names use g/j. */
  gunichar a = g_unichar_tolower (g_utf8_get_char (translit));
  gunichar b = g_unichar_tolower (g_utf8_get_char (latin));
  static const char *const classes[] = { "gjqkc", "bpv", "fv", "td", "sz", "aeiouy", "lr", "mn",
                                         "h", "w", "x", NULL };
  gboolean same = a == b;
  for (guint c = 0; !same && classes[c]; c++)
    same = strchr (classes[c], (int) a) && strchr (classes[c], (int) b);
  if (!same || g_utf8_strlen (t->form, -1) < 3)
    return FALSE;
  *a_first = *a_last = k;
  return TRUE;
}

static gboolean token_matches (Token *t, const char *pattern);

/* Whether a relation trigger starts with this word ("تصنيع" in "شركة تصنيع"). */
static gboolean
starts_trigger (Ctx *ctx, Token *t)
{
  for (guint c = 0; c < t->n_cands; c++)
    {
      if (t->info[c] && t->info[c]->triggers && t->info[c]->triggers->len > 0)
        return TRUE;
      char buf[16];
      GPtrArray *list = g_hash_table_lookup (ctx->lex->prefix_triggers,
                                             rwb_lexicon_prefix_bucket (t->keys[c], buf));
      for (guint k = 0; list && k < list->len; k++)
        if (token_matches (t, ((RwbTrigger *) g_ptr_array_index (list, k))->tokens[0]))
          return TRUE;
    }
  return FALSE;
}

/* Could this Arabic word be (the start of) a name? Not a function word, sector noun or other
 * cue, not a relation word, not definite (names with ال are in the lexicon; "شركة السيارات"
 * is generic), not a nisba adjective in ـية, and at least three letters. */
static gboolean
name_like_arabic (Ctx *ctx, Token *t)
{
  if (!t->arabic || t->mention >= 0 || t->cue != 0 || t->keys[0] != t->cands[0])
    return FALSE;
  if (g_utf8_strlen (t->form, -1) < 3 || g_str_has_suffix (t->form, "\xd9\x8a\xd9\x87"))
    return FALSE;
  /* "للدخول" is ل + الدخول: a preposition before a definite noun, not a name. */
  for (guint c = 1; c < t->n_cands; c++)
    if (t->keys[c] != t->cands[c])
      return FALSE;
  return !starts_trigger (ctx, t);
}

static gboolean
is_open_quote (const Token *t)
{
  return g_str_equal (t->form, "\xc2\xab") /* « */ || g_str_equal (t->form, "\xe2\x80\x9c")
         || g_str_equal (t->form, "\"");
}

static gboolean
is_close_quote (const Token *t)
{
  return g_str_equal (t->form, "\xc2\xbb") /* » */ || g_str_equal (t->form, "\xe2\x80\x9d")
         || g_str_equal (t->form, "\"");
}

/* Whether tokens first..last are exactly what stands between quotation marks. */
static gboolean
quoted (GArray *tokens, guint first, guint last)
{
  return first > 0 && last + 1 < tokens->len && is_open_quote (TOK (first - 1))
         && is_close_quote (TOK (last + 1));
}

/* «بقالتي», «ومضة كابيتال»: one or two name-like Arabic words alone between quotation marks.
 * Quotations of speech are longer or hold verbs, adjectives and function words. */
static gboolean
quoted_arabic_name (Ctx *ctx, GArray *tokens, guint i, GArray *mentions, guint *out_last)
{
  if (i == 0 || !is_open_quote (TOK (i - 1)))
    return FALSE;
  guint last = i;
  while (last + 1 < tokens->len && last - i < 2 && !is_close_quote (TOK (last + 1)))
    last++;
  if (!quoted (tokens, i, last))
    return FALSE;
  for (guint k = i; k <= last; k++)
    if (!name_like_arabic (ctx, TOK (k)))
      return FALSE;
  RwbEntityType type = RWB_ENTITY_COMPANY;
  const char *rule = "quoted-arabic-name";
  RwbCueFlags cue = i > 1 ? TOK (i - 2)->cue : 0;
  if (cue & RWB_CUE_PERSON)
    type = RWB_ENTITY_PERSON;
  else if (cue & RWB_CUE_ORGANIZATION)
    type = RWB_ENTITY_ORGANIZATION;
  g_autofree char *arabic = span_text (ctx, tokens, i, last);
  guint e = entity_for_pattern (ctx, NULL, arabic, type, rule);
  add_mention (ctx, tokens, mentions, i, last, e, MENTION_NAME);
  say (ctx, "entity “%s” (%s) ← pattern %s at %u–%u", arabic, rwb_entity_type_to_string (type),
       rule, TOK (i)->span.start, TOK (last)->span.end);
  *out_last = last;
  return TRUE;
}

/* "وقال محمد أبونيان، مؤسس …", "وأضاف سامر حداد أن …": two or three name words right after
 * a verb of saying, closed by a comma, a colon or إن/أن, are a person. Family names may carry
 * the article (الشناوي); the given name does not. */
static gboolean
arabic_person_after_speech (Ctx *ctx, GArray *tokens, guint i, GArray *mentions,
                            guint *out_last)
{
  if (i == 0 || !(TOK (i - 1)->cue & RWB_CUE_SPEECH) || !TOK (i - 1)->arabic
      || !name_like_arabic (ctx, TOK (i)))
    return FALSE;
  guint last = i;
  while (last + 1 < tokens->len && last - i < 2)
    {
      Token *t = TOK (last + 1);
      if (!t->arabic || t->mention >= 0 || t->cue != 0 || starts_trigger (ctx, t))
        break;
      last++;
    }
  if (last == i || last + 1 >= tokens->len)
    return FALSE;
  Token *after = TOK (last + 1);
  gboolean closed = g_str_equal (after->form, "\xd8\x8c") /* ، */ || g_str_equal (after->form, ",")
                    || g_str_equal (after->form, ":")
                    || g_str_equal (after->form, "\xd8\xa7\xd9\x86") /* ان (إن/أن) */;
  if (!closed)
    return FALSE;
  g_autofree char *arabic = span_text (ctx, tokens, i, last);
  guint e = entity_for_pattern (ctx, NULL, arabic, RWB_ENTITY_PERSON, "arabic-person-after-speech");
  add_mention (ctx, tokens, mentions, i, last, e, MENTION_NAME);
  say (ctx, "entity “%s” (person) ← pattern arabic-person-after-speech at %u–%u", arabic,
       TOK (i)->span.start, TOK (last)->span.end);
  *out_last = last;
  return TRUE;
}

static gboolean
arabic_name_after_cue (Ctx *ctx, GArray *tokens, guint i, GArray *mentions)
{
  if (i == 0)
    return FALSE;
  RwbCueFlags cue = TOK (i - 1)->cue;
  if (!(cue & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_PERSON))
      || !name_like_arabic (ctx, TOK (i)))
    return FALSE;
  /* "جيلي Geely": the Latin form that follows is handled with it by the Latin-name rule. */
  if (i + 1 < tokens->len && TOK (i + 1)->capital && is_name_token (TOK (i + 1)))
    return FALSE;
  RwbEntityType type = RWB_ENTITY_COMPANY;
  const char *rule = "arabic-after-company-cue";
  guint last = i;
  if (cue & RWB_CUE_PERSON)
    {
      type = RWB_ENTITY_PERSON, rule = "arabic-after-person-cue";
      /* Given name and family name: "السيد محمد العبار". */
      if (i + 1 < tokens->len && TOK (i + 1)->arabic && TOK (i + 1)->mention < 0
          && TOK (i + 1)->cue == 0 && !starts_trigger (ctx, TOK (i + 1)))
        last = i + 1;
    }
  else if (cue & RWB_CUE_ORGANIZATION)
    type = RWB_ENTITY_ORGANIZATION, rule = "arabic-after-organization-cue";
  g_autofree char *arabic = span_text (ctx, tokens, i, last);
  guint e = entity_for_pattern (ctx, NULL, arabic, type, rule);
  add_mention (ctx, tokens, mentions, i, last, e, MENTION_NAME);
  say (ctx, "entity “%s” (%s) ← pattern %s at %u–%u", arabic, rwb_entity_type_to_string (type),
       rule, TOK (i)->span.start, TOK (last)->span.end);
  return TRUE;
}

static gboolean is_open_quote (const Token *t);

static gboolean
form_is (const Token *t, const char *form)
{
  return g_str_equal (t->form, form);
}

/* The type of an unknown capitalized English name from the words around it, or FALSE when
 * it is probably not a name at all:
 *   "in Leeds", "near Atacama", "Istanbul-based" → place;
 *   "Farid Rahman, chief executive of …", "said Farid Rahman", "Farid Rahman said" → person
 *   (two or three words);
 *   anything else in the middle of a sentence → company, the commonest unknown name in
 *   business news. A single capitalized word opening the sentence is left alone. */
static gboolean is_separator (const Token *t);

/* Whether one capitalized word shortens a name the graph already has (the first word of a
 * company's name, or a person's family name). */
static gboolean
names_known_entity (Ctx *ctx, GArray *tokens, guint i)
{
  g_autofree char *word = span_text (ctx, tokens, i, i);
  strip_possessive (word);
  gsize n = strlen (word);
  for (guint e = 0; e < ctx->graph->entities->len; e++)
    {
      RwbEntity *x = g_ptr_array_index (ctx->graph->entities, e);
      gsize len = strlen (x->name);
      if (len > n && ((g_str_has_prefix (x->name, word) && x->name[n] == ' ')
                      || (x->type == RWB_ENTITY_PERSON && g_str_has_suffix (x->name, word)
                          && x->name[len - n - 1] == ' ')))
        return TRUE;
    }
  return FALSE;
}

static gboolean
english_name_context (Ctx *ctx, GArray *tokens, GArray *mentions, guint first, guint last,
                      RwbEntityType *type, const char **rule)
{
  guint len = last - first + 1;
  const Token *prev = first > 0 ? TOK (first - 1) : NULL;
  const Token *next = last + 1 < tokens->len ? TOK (last + 1) : NULL;
  const Token *next2 = last + 2 < tokens->len ? TOK (last + 2) : NULL;
  /* "a stake in X", "shares in X", "invest in X": X is the company invested in. */
  const Token *prev2 = first > 1 ? TOK (first - 2) : NULL;
  gboolean invested = prev2 && (prev2->cue & RWB_CUE_STAKE);
  /* "in the Atacama": an article between the locative and the name. */
  const Token *loc = prev && form_is (prev, "the") ? prev2 : prev;
  if (loc && !invested && (loc->cue & RWB_CUE_LOCATIVE))
    {
      *type = RWB_ENTITY_PLACE, *rule = "english-place-after-in";
      return TRUE;
    }
  if (next && next2 && form_is (next, "-") && (next2->cue & RWB_CUE_BASED))
    {
      *type = RWB_ENTITY_PLACE, *rule = "english-place-based";
      return TRUE;
    }
  /* "Manchester, Leeds and Birmingham": a list member takes the type of a known member. */
  if (prev && prev2 && is_separator (prev) && prev2->mention >= 0)
    {
      const Mention *m = &g_array_index (mentions, Mention, prev2->mention);
      RwbEntityType listed = ((RwbEntity *) g_ptr_array_index (ctx->graph->entities,
                                                               m->entity))->type;
      if (m->kind == MENTION_NAME && listed == RWB_ENTITY_PLACE)
        {
          *type = listed, *rule = "english-list-member";
          return TRUE;
        }
    }
  gboolean role_after = next && next2 && form_is (next, ",")
                        && ((next2->cue & RWB_CUE_PERSON) || form_is (next2, "who"));
  /* "founded in 2012 by Claire Whitfield", "led by …". */
  gboolean founded_by = FALSE;
  if (prev && form_is (prev, "by"))
    for (guint k = first - 1; k-- > 0 && k + 5 >= first;)
      if (TOK (k)->cue & RWB_CUE_LED_BY)
        founded_by = TRUE;
  if (len >= 2 && len <= 4
      && (role_after || founded_by || (prev && (prev->cue & RWB_CUE_SPEECH))
          || (next && (next->cue & RWB_CUE_SPEECH))))
    {
      *type = RWB_ENTITY_PERSON, *rule = "english-person-context";
      return TRUE;
    }
  if (first == 0 || (prev && !prev->word && !form_is (prev, ",") && !is_open_quote (prev)))
    {
      /* Sentence (or clause) start: only a name of several words, or one the article has
       * already named in full ("Hemsworth competes …"). */
      if (len < 2 && !names_known_entity (ctx, tokens, first))
        return FALSE;
    }
  *type = RWB_ENTITY_COMPANY, *rule = "english-capitalized-name";
  return TRUE;
}

/* "Saudi Telecom Co (stc)": an acronym in parentheses right after a name is another alias of
 * it, and a known acronym names the entity. */
static void
paren_alias (Ctx *ctx, GArray *tokens, GArray *mentions, guint last, guint entity)
{
  /* "PT Aneka Tambang, known as Antam" / ", also known as". */
  guint k = last + 1;
  if (k < tokens->len && form_is (TOK (k), ","))
    k++;
  if (k < tokens->len && form_is (TOK (k), "also"))
    k++;
  if (k + 2 < tokens->len && form_is (TOK (k), "known") && form_is (TOK (k + 1), "as")
      && TOK (k + 2)->capital && is_name_token (TOK (k + 2)))
    {
      guint end = latin_run_end (tokens, k + 2);
      g_autofree char *alias = span_text (ctx, tokens, k + 2, end);
      rwb_entity_add_alias (g_ptr_array_index (ctx->graph->entities, entity), alias);
      add_mention (ctx, tokens, mentions, k + 2, end, entity, MENTION_NAME);
      return;
    }
  if (last + 3 >= tokens->len || !form_is (TOK (last + 1), "(") || !form_is (TOK (last + 3), ")")
      || !TOK (last + 2)->latin || TOK (last + 2)->mention >= 0
      || TOK (last + 2)->span.bend - TOK (last + 2)->span.bstart > 8)
    return;
  g_autofree char *acronym = span_text (ctx, tokens, last + 2, last + 2);
  rwb_entity_add_alias (g_ptr_array_index (ctx->graph->entities, entity), acronym);
  add_mention (ctx, tokens, mentions, last + 2, last + 2, entity, MENTION_NAME);
}

static void
find_entities (Ctx *ctx, GArray *tokens, GArray *mentions, gboolean arabic_doc)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *t = TOK (i);
      if (t->mention >= 0 || !t->word)
        continue;
      guint last, cand;
      const RwbLexHit *hit;
      if (lookup_phrase (ctx, tokens, i, &last, &hit, &cand))
        {
          RwbLexEntry *entry = g_ptr_array_index (ctx->lex->entries, hit->entry);
          /* "Saudi Telecom Co": a demonym opening a company name is part of the name. */
          if (hit->kind == RWB_LEX_ADJECTIVE && hit->latin && last + 1 < tokens->len
              && TOK (last + 1)->capital && is_name_token (TOK (last + 1)))
            {
              guint run = latin_run_end (tokens, last + 1);
              gboolean suffix = FALSE;
              for (guint k = last + 1; k <= run; k++)
                suffix |= (TOK (k)->cue & RWB_CUE_COMPANY_SUFFIX) != 0;
              if (suffix)
                goto latin_name;
            }
          gboolean cued = (i > 0 && (TOK (i - 1)->cue & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION)))
                          || quoted (tokens, i, last);
          if (entry->needs_cue && !cued)
            continue;
          /* "Great Wall Motor Co Ltd": legal-form words after a known name are part of it. */
          while (hit->kind == RWB_LEX_NAME && last + 1 < tokens->len && TOK (last + 1)->capital
                 && TOK (last + 1)->mention < 0
                 && (TOK (last + 1)->cue & RWB_CUE_COMPANY_SUFFIX))
            last++;
          g_autofree char *surf = span_text (ctx, tokens, i, last);
          /* Keep the alias without the clitic the match stripped ("بالصين" → "الصين"). */
          const char *alias = surf;
          if (TOK (i)->stripped[cand] > 0)
            alias = g_utf8_offset_to_pointer (surf, TOK (i)->stripped[cand]);
          if (hit->kind == RWB_LEX_ADJECTIVE)
            alias = NULL;
          else
            strip_possessive (surf);
          guint e = entity_for_entry (ctx, hit->entry, alias);
          add_mention (ctx, tokens, mentions, i, last, e,
                       hit->kind == RWB_LEX_ADJECTIVE ? MENTION_ADJECTIVE : MENTION_NAME);
          say (ctx, "entity “%s” (%s) ← lexicon %s%s at %u–%u «%s»", entry->name,
               rwb_entity_type_to_string (entry->type), entry->origin,
               hit->kind == RWB_LEX_ADJECTIVE ? " (adjective)" : "", TOK (i)->span.start,
               TOK (last)->span.end, surf);
          /* "جيلي Geely": a Latin form right after an Arabic name is the same entity. */
          if (last + 1 < tokens->len && TOK (i)->arabic && hit->kind == RWB_LEX_NAME
              && is_name_token (TOK (last + 1)) && TOK (last + 1)->capital)
            {
              guint l2 = latin_run_end (tokens, last + 1);
              g_autofree char *latin = span_text (ctx, tokens, last + 1, l2);
              guint l3;
              const RwbLexHit *h2;
              guint c2;
              if (!lookup_phrase (ctx, tokens, last + 1, &l3, &h2, &c2) || h2->entry == hit->entry)
                {
                  rwb_entity_add_alias (g_ptr_array_index (ctx->graph->entities, e), latin);
                  add_mention (ctx, tokens, mentions, last + 1, l2, e, MENTION_NAME);
                  i = l2;
                  continue;
                }
            }
          i = last;
          continue;
        }

      /* "شركة زيمبرا", "وكالة ستاربرس": an unknown Arabic name right after a cue. */
      if (arabic_name_after_cue (ctx, tokens, i, mentions))
        continue;
      /* "وقال محمد أبونيان، …": the name after a verb of saying, before a comma or إن. */
      if (arabic_person_after_speech (ctx, tokens, i, mentions, &last))
        {
          i = last;
          continue;
        }
      /* «بقالتي»: Arabic news quotes names of companies, brands and outlets. */
      if (quoted_arabic_name (ctx, tokens, i, mentions, &last))
        {
          i = last;
          continue;
        }

    latin_name:
      /* A Latin name that the lexicon does not know. In Arabic text any Latin run is a name;
       * in English text only with a company cue before it or a company suffix in it. Names
       * start with a letter: "2023" and "1.11" are not companies. */
      if (!t->capital || !is_name_token (t)
          || !g_unichar_isalpha (g_utf8_get_char (ctx->text + t->span.bstart)))
        continue;
      last = latin_run_end (tokens, i);
      /* "Chief Executive Olayan Alwetaid": a title inside the run is not part of the name. */
      gboolean titled = FALSE;
      for (guint k = last; k > i; k--)
        if (TOK (k - 1)->cue & RWB_CUE_PERSON)
          {
            i = k;
            titled = TRUE;
            break;
          }
      RwbCueFlags before = i > 0 ? TOK (i - 1)->cue : 0;
      gboolean cue_before = (before & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION
                                       | RWB_CUE_PERSON)) != 0;
      gboolean suffix = FALSE;
      for (guint k = i + 1; k <= last; k++)
        if (TOK (k)->cue & RWB_CUE_COMPANY_SUFFIX)
          suffix = TRUE;
      if (has_model_number (ctx, tokens, i, last))
        {
          i = last;
          continue;
        }
      RwbEntityType type = RWB_ENTITY_COMPANY;
      const char *rule = arabic_doc ? "latin-run-in-arabic" : "english-company-cue";
      if (!arabic_doc && !titled && !cue_before && !suffix)
        {
          /* English: an unknown capitalized name. Typed by its context; a lone capitalized
           * word starting the sentence is usually just the first word. */
          if (!english_name_context (ctx, tokens, mentions, i, last, &type, &rule))
            {
              i = last;
              continue;
            }
        }
      else if (titled || (before & RWB_CUE_PERSON))
        type = RWB_ENTITY_PERSON, rule = "person-cue";
      else if (before & RWB_CUE_ORGANIZATION)
        type = RWB_ENTITY_ORGANIZATION, rule = "organization-cue";
      g_autofree char *latin = span_text (ctx, tokens, i, last);
      strip_possessive (latin);
      guint a_first, a_last;
      g_autofree char *arabic = NULL;
      gboolean pair = arabic_before (ctx, tokens, i, &a_first, &a_last);
      if (pair)
        arabic = span_text (ctx, tokens, a_first, a_last);
      guint e;
      guint acr_last, acr_cand;
      const RwbLexHit *acr;
      /* "Saudi Telecom Co (stc)": a known acronym after the name says who it is. */
      if (last + 3 < tokens->len && form_is (TOK (last + 1), "(")
          && lookup_phrase (ctx, tokens, last + 2, &acr_last, &acr, &acr_cand)
          && acr->kind == RWB_LEX_NAME && acr_last + 1 < tokens->len
          && form_is (TOK (acr_last + 1), ")"))
        {
          e = entity_for_entry (ctx, acr->entry, latin);
          rule = "name + known acronym";
        }
      else
        e = entity_for_pattern (ctx, latin, arabic, type, rule);
      if (pair)
        add_mention (ctx, tokens, mentions, a_first, a_last, e, MENTION_NAME);
      add_mention (ctx, tokens, mentions, i, last, e, MENTION_NAME);
      paren_alias (ctx, tokens, mentions, last, e);
      say (ctx, "entity “%s” (%s) ← pattern %s%s at %u–%u", latin,
           rwb_entity_type_to_string (type), rule, pair ? " + Arabic form" : "",
           TOK (i)->span.start, TOK (last)->span.end);
      i = last;
    }
}

static int
compare_mentions (gconstpointer a, gconstpointer b)
{
  const Mention *x = a, *y = b;
  return (int) x->first - (int) y->first;
}

static gboolean
is_party (RwbGraph *graph, guint entity)
{
  RwbEntity *e = g_ptr_array_index (graph->entities, entity);
  return e->type == RWB_ENTITY_COMPANY || e->type == RWB_ENTITY_ORGANIZATION;
}

static void
remember (Ctx *ctx, guint entity)
{
  if (!is_party (ctx->graph, entity))
    return;
  gpointer key = GUINT_TO_POINTER (entity);
  g_hash_table_insert (ctx->salience, key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (ctx->salience,
                                                                                key)) + 1));
  for (guint i = 0; i < ctx->recent->len; i++)
    if (g_array_index (ctx->recent, guint, i) == entity)
      {
        g_array_remove_index (ctx->recent, i);
        break;
      }
  g_array_append_val (ctx->recent, entity);
}

/* "الشركة" / "the company" stands for the subject of the discourse: the first company named
 * earlier in this sentence, else the first company of the last sentence that named one (news
 * keeps its subject; the company named last is often only an object). "الشركتان" / "both
 * companies" stand for the last two companies named. Mentions are added in text order. */
static void
resolve_coreference (Ctx *ctx, GArray *tokens, GArray *mentions)
{
  g_autoptr (GArray) order = g_array_copy (mentions);
  g_array_sort (order, compare_mentions);
  guint next = 0;
  gint sentence_subject = -1;
  for (guint i = 0; i < tokens->len; i++)
    {
      while (next < order->len && g_array_index (order, Mention, next).first <= i)
        {
          Mention *m = &g_array_index (order, Mention, next++);
          if (m->kind == MENTION_NAME)
            {
              remember (ctx, m->entity);
              if (sentence_subject < 0 && is_party (ctx->graph, m->entity)
                  && !g_hash_table_contains (ctx->media, GUINT_TO_POINTER (m->entity)))
                sentence_subject = m->entity;
            }
        }
      Token *t = TOK (i);
      if (t->mention >= 0 || !(t->cue & (RWB_CUE_COREF_ONE | RWB_CUE_COREF_TWO)))
        continue;
      /* "the company Baidu": an apposition, not a reference. */
      if (i + 1 < tokens->len && TOK (i + 1)->mention >= 0)
        continue;
      guint want = (t->cue & RWB_CUE_COREF_TWO) ? 2 : 1;
      guint referents[2];
      /* "ويملك صندوق الاستثمارات نحو 44% من أسهم الشركة": when a relation word stands
       * between this sentence's subject and "the company", the company is the object — the
       * one the article was about before this sentence. */
      gint subject_here = sentence_subject;
      if (subject_here >= 0 && ctx->subject >= 0 && ctx->subject != subject_here)
        for (guint k = 0; k < i; k++)
          if (TOK (k)->mention < 0 && TOK (k)->word && starts_trigger (ctx, TOK (k)))
            {
              subject_here = -1;
              break;
            }
      if (want == 1 && (subject_here >= 0 || ctx->subject >= 0))
        referents[0] = subject_here >= 0 ? (guint) subject_here : (guint) ctx->subject;
      else if (ctx->recent->len >= want)
        {
          /* "both companies": the two the article is about — named most often so far, the
           * latest first among equals. */
          guint best[2] = { G_MAXUINT, G_MAXUINT }, score[2] = { 0, 0 };
          for (guint r = ctx->recent->len; r-- > 0;)
            {
              guint e = g_array_index (ctx->recent, guint, r);
              if (g_hash_table_contains (ctx->media, GUINT_TO_POINTER (e)))
                continue;
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->salience,
                                                               GUINT_TO_POINTER (e)));
              if (n > score[0])
                best[1] = best[0], score[1] = score[0], best[0] = e, score[0] = n;
              else if (n > score[1])
                best[1] = e, score[1] = n;
            }
          if (want == 1 || best[1] == G_MAXUINT)
            for (guint k = 0; k < want; k++)
              referents[k] = g_array_index (ctx->recent, guint, ctx->recent->len - 1 - k);
          else
            referents[0] = best[0], referents[1] = best[1];
        }
      else
        continue;
      for (guint k = 0; k < want; k++)
        {
          Mention m = { i, i, referents[k], MENTION_COREF };
          g_array_append_val (mentions, m);
          RwbEntity *e = g_ptr_array_index (ctx->graph->entities, referents[k]);
          say (ctx, "coreference «%.*s» at %u → “%s”", (int) (t->span.bend - t->span.bstart),
               ctx->text + t->span.bstart, t->span.start, e->name);
        }
      t->mention = mentions->len - 1;
    }
  if (sentence_subject >= 0)
    ctx->subject = sentence_subject;
  g_array_sort (mentions, compare_mentions);
}

/* --- Relations ----------------------------------------------------------------------------- */

static gboolean
token_matches (Token *t, const char *pattern)
{
  gsize n = strlen (pattern);
  gboolean star = n > 0 && pattern[n - 1] == '*';
  for (guint c = 0; c < t->n_cands; c++)
    {
      const char *key = t->keys[c];
      if (star ? strncmp (key, pattern, n - 1) == 0 : strcmp (key, pattern) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
trigger_at (GArray *tokens, guint i, const RwbTrigger *tr)
{
  if (i + tr->n_tokens > tokens->len)
    return FALSE;
  for (guint k = 0; k < tr->n_tokens; k++)
    {
      Token *t = TOK (i + k);
      if (!t->word || t->mention >= 0 || !token_matches (t, tr->tokens[k]))
        return FALSE;
    }
  return TRUE;
}

static void
try_triggers (GArray *tokens, guint i, GPtrArray *list, GArray *hits)
{
  for (guint j = 0; list && j < list->len; j++)
    {
      const RwbTrigger *tr = g_ptr_array_index (list, j);
      if (!trigger_at (tokens, i, tr))
        continue;
      gboolean dup = FALSE;
      for (guint h = 0; h < hits->len; h++)
        {
          TriggerHit *o = &g_array_index (hits, TriggerHit, h);
          if (o->first == i && o->trigger->type == tr->type)
            {
              /* Keep the longest phrase of a type at one place. */
              if (tr->n_tokens > o->trigger->n_tokens)
                o->trigger = tr, o->last = i + tr->n_tokens - 1;
              dup = TRUE;
            }
        }
      if (!dup)
        {
          TriggerHit hit = { i, i + tr->n_tokens - 1, tr };
          g_array_append_val (hits, hit);
        }
    }
}

static GArray *
find_triggers (Ctx *ctx, GArray *tokens)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (TriggerHit));
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *t = TOK (i);
      if (!t->word || t->mention >= 0)
        continue;
      for (guint c = 0; c < t->n_cands; c++)
        {
          if (t->info[c])
            try_triggers (tokens, i, t->info[c]->triggers, hits);
          char buf[16];
          try_triggers (tokens, i, g_hash_table_lookup (ctx->lex->prefix_triggers,
                                                        rwb_lexicon_prefix_bucket (t->keys[c],
                                                                                   buf)),
                        hits);
        }
    }
  return hits;
}

static RwbEntityType
etype (Ctx *ctx, guint entity)
{
  return ((RwbEntity *) g_ptr_array_index (ctx->graph->entities, entity))->type;
}

static gboolean
is_media (Ctx *ctx, guint entity)
{
  return g_hash_table_contains (ctx->media, GUINT_TO_POINTER (entity));
}

/* Which entity types a relation type may join, as (source, target) after direction. */
static gboolean
types_fit (Ctx *ctx, RwbRelationType type, guint source, guint target)
{
  RwbEntityType s = etype (ctx, source), t = etype (ctx, target);
  gboolean s_org = s == RWB_ENTITY_COMPANY || s == RWB_ENTITY_ORGANIZATION;
  gboolean t_org = t == RWB_ENTITY_COMPANY || t == RWB_ENTITY_ORGANIZATION;
  /* A news agency reports on companies; it does not make cars for them. */
  if (type != RWB_RELATION_REPORTING && type != RWB_RELATION_MENTION
      && (is_media (ctx, source) || is_media (ctx, target)))
    return FALSE;
  switch (type)
    {
    case RWB_RELATION_MANUFACTURING:
    case RWB_RELATION_COMPETITION:
      return s == RWB_ENTITY_COMPANY && t == RWB_ENTITY_COMPANY;
    case RWB_RELATION_PARTNERSHIP:
    case RWB_RELATION_TALKS:
    case RWB_RELATION_SUPPLY:
    case RWB_RELATION_INVESTMENT:
    case RWB_RELATION_ACQUISITION:
    case RWB_RELATION_OWNERSHIP:
      return (s_org || s == RWB_ENTITY_PERSON) && t_org;
    case RWB_RELATION_FOUNDER:
    case RWB_RELATION_EXECUTIVE:
      return s == RWB_ENTITY_PERSON && t_org;
    case RWB_RELATION_REPORTING:
      return s == RWB_ENTITY_ORGANIZATION || s == RWB_ENTITY_COMPANY;
    case RWB_RELATION_LOCATION:
      return s != RWB_ENTITY_PLACE && t == RWB_ENTITY_PLACE;
    case RWB_RELATION_MENTION:
    case RWB_RELATION_N_TYPES:
    default:
      return TRUE;
    }
}

typedef struct {
  Ctx *ctx;
  GArray *tokens;
  GArray *mentions;
  GArray *triggers;
  const RwbTextSpan *sentence;
  gboolean *clause_break;   /* per token: a clause boundary sits at this token */
  guint *head;              /* per mention: first mention of its "A, B and C" list */
  guint *tail;              /* per mention: last mention of its list */
  guint *region;            /* per token: 0 main clause, k the k-th ", which …," clause */
  GArray *antecedents;      /* per clause k (index k - 1): the mention it describes, or -1 */
} Sent;

static gboolean
clause_between (Sent *s, guint a, guint b)
{
  for (guint i = MIN (a, b); i < MAX (a, b); i++)
    if (s->clause_break[i])
      return TRUE;
  return FALSE;
}

static void
relate (Sent *s, guint source, guint target, RwbRelationType type, double confidence,
        const char *rule)
{
  if (source == target)
    return;
  Ctx *ctx = s->ctx;
  guint r = rwb_graph_ensure_relation (ctx->graph, source, target, type, confidence);
  RwbRelation *rel = g_ptr_array_index (ctx->graph->relations, r);
  gboolean added = rwb_relation_add_evidence_span (rel, ctx->doc, s->sentence->start,
                                                   s->sentence->end, s->sentence->bstart,
                                                   s->sentence->bend, rule, confidence);
  if (added && type != RWB_RELATION_MENTION)
    {
      RwbEntity *a = g_ptr_array_index (ctx->graph->entities, rel->source);
      RwbEntity *b = g_ptr_array_index (ctx->graph->entities, rel->target);
      say (ctx, "relation %s “%s” %s “%s” ← %s in sentence at %u–%u",
           rwb_relation_type_to_string (type), a->name, rel->directed ? "→" : "—", b->name, rule,
           s->sentence->start, s->sentence->end);
    }
}

/* Mentions other than a and b of other entities strictly between two token positions. */
static gboolean
other_party_between (Sent *s, guint from, guint to, guint a, guint b)
{
  for (guint m = 0; m < s->mentions->len; m++)
    {
      Mention *x = &g_array_index (s->mentions, Mention, m);
      if (x->first > from && x->last < to && x->entity != a && x->entity != b
          && x->kind != MENTION_ADJECTIVE && etype (s->ctx, x->entity) != RWB_ENTITY_PLACE)
        return TRUE;
    }
  return FALSE;
}

static gboolean is_open_quote (const Token *t);
static gboolean is_close_quote (const Token *t);

/* Commas, conjunctions and the quotation marks around quoted names («طاقة» و«مبادلة»). */
static gboolean
is_separator (const Token *t)
{
  return g_str_equal (t->form, ",") || g_str_equal (t->form, "\xd8\x8c" /* ، */)
         || (t->cue & RWB_CUE_CONJUNCTION) || is_open_quote (t) || is_close_quote (t);
}

/* Whether only separators stand between two mentions ("A، وB", "A and B", "A, B"). The و of
 * "وB" is a clitic of B's word, so adjacent mentions count too. */
static gboolean
conjoined (Sent *s, const Mention *a, const Mention *b)
{
  if (b->first <= a->last)
    return TRUE;
  for (guint i = a->last + 1; i < b->first; i++)
    if (!is_separator (&g_array_index (s->tokens, Token, i)))
      return FALSE;
  return TRUE;
}

static gboolean
object_marker_between (Sent *s, guint from, guint to)
{
  for (guint i = from + 1; i < to; i++)
    if (g_array_index (s->tokens, Token, i).cue & RWB_CUE_OBJECT)
      return TRUE;
  return FALSE;
}

static gboolean
tok_arabic (Sent *s, guint i)
{
  return g_array_index (s->tokens, Token, i).arabic;
}

static gboolean
person_between (Sent *s, guint from, guint to)
{
  for (guint m = 0; m < s->mentions->len; m++)
    {
      Mention *x = &g_array_index (s->mentions, Mention, m);
      if (x->first > from && x->last < to && etype (s->ctx, x->entity) == RWB_ENTITY_PERSON)
        return TRUE;
    }
  return FALSE;
}

/* ", which …", "التي …" right after token @i. */
static gboolean
relative_clause_after (Sent *s, guint i)
{
  for (guint k = i + 1; k <= i + 2 && k < s->tokens->len; k++)
    {
      const Token *t = &g_array_index (s->tokens, Token, k);
      if (t->cue & RWB_CUE_RELATIVE)
        return TRUE;
      if (!is_separator (t))
        return FALSE;
    }
  return FALSE;
}

/* ", whose customers include Tesla and BMW," is a clause of its own: a trigger inside it
 * relates the parties inside it and the party it describes (the antecedent before the
 * comma), and a trigger outside it does not reach inside. */
static void
find_relative_clauses (Sent *s)
{
  guint k = 0;
  gboolean open = FALSE;
  for (guint i = 0; i < s->tokens->len; i++)
    {
      const Token *t = &g_array_index (s->tokens, Token, i);
      gboolean comma = g_str_equal (t->form, ",") || g_str_equal (t->form, "\xd8\x8c");
      gboolean opens_with_comma = comma && i + 1 < s->tokens->len
                                  && (g_array_index (s->tokens, Token, i + 1).cue
                                      & RWB_CUE_RELATIVE);
      /* Arabic often writes the relative pronoun right after the name: "ومضة كابيتال الذي
       * يتخذ من دبي مقراً له". */
      gboolean opens_directly = (t->cue & RWB_CUE_RELATIVE) && i > 0
                                && g_array_index (s->tokens, Token, i - 1).mention >= 0;
      if (!open && (opens_with_comma || opens_directly))
        {
          open = TRUE;
          k++;
          gint antecedent = i > 0 ? g_array_index (s->tokens, Token, i - 1).mention : -1;
          g_array_append_val (s->antecedents, antecedent);
          s->region[i] = opens_directly ? k : 0;
          continue;
        }
      if (open && comma)
        open = FALSE;
      s->region[i] = open ? k : 0;
    }
}

static gboolean
in_region (Sent *s, const Mention *m, guint mention_index, guint region)
{
  if (s->region[m->first] == region)
    return TRUE;
  return region > 0 && g_array_index (s->antecedents, gint, region - 1) == (gint) mention_index;
}

/* Whether the two parties and the trigger can be read together (see find_relative_clauses). */
static gboolean
same_region (Sent *s, guint ia, guint ib, guint trigger_token)
{
  guint r = s->region[trigger_token];
  return in_region (s, &g_array_index (s->mentions, Mention, ia), ia, r)
         && in_region (s, &g_array_index (s->mentions, Mention, ib), ib, r);
}

static void
find_lists (Sent *s)
{
  guint n = s->mentions->len;
  for (guint m = 0; m < n; m++)
    {
      Mention *x = &g_array_index (s->mentions, Mention, m);
      s->head[m] = m;
      if (m > 0 && x->kind != MENTION_ADJECTIVE)
        {
          guint p = m - 1;
          /* An adjective between list members ("شركة X الصينية وY") does not end the list. */
          while (p > 0 && g_array_index (s->mentions, Mention, p).kind == MENTION_ADJECTIVE)
            p--;
          Mention *prev = &g_array_index (s->mentions, Mention, p);
          if (prev->kind != MENTION_ADJECTIVE && conjoined (s, prev, x))
            s->head[m] = s->head[p];
        }
    }
  for (guint m = n; m-- > 0;)
    {
      s->tail[m] = m;
      for (guint k = m + 1; k < n; k++)
        if (s->head[k] == s->head[m])
          s->tail[m] = k;
    }
}

/* Typed relations between two parties: triggers between them (or between their lists: "X
 * will work with A, B and C"), or around them when they are in one list ("Baidu and Geely
 * formed a venture"). */
static gboolean
relate_pair (Sent *s, guint ia, guint ib)
{
  Ctx *ctx = s->ctx;
  const Mention *a = &g_array_index (s->mentions, Mention, ia);
  const Mention *b = &g_array_index (s->mentions, Mention, ib);
  const Mention *a_end = &g_array_index (s->mentions, Mention, s->tail[ia]);
  const Mention *b_start = &g_array_index (s->mentions, Mention, s->head[ib]);
  const Mention *first = &g_array_index (s->mentions, Mention, s->head[ia]);
  const Mention *last = &g_array_index (s->mentions, Mention, s->tail[ib]);
  gboolean same_list = s->head[ia] == s->head[ib];
  gboolean found = FALSE;
  for (guint h = 0; h < s->triggers->len; h++)
    {
      TriggerHit *hit = &g_array_index (s->triggers, TriggerHit, h);
      const RwbTrigger *tr = hit->trigger;
      if (tr->type == RWB_RELATION_REPORTING || tr->type == RWB_RELATION_LOCATION)
        continue;
      gboolean between = !same_list && hit->first > a_end->last && hit->last < b_start->first;
      gboolean around = same_list && ((hit->first > last->last && hit->first - last->last <= 6)
                                      || (hit->last < first->first
                                          && first->first - hit->last <= 4));
      /* A person's role right after the company ("founder of Xiaomi and its CEO"). */
      gboolean after = (tr->type == RWB_RELATION_FOUNDER || tr->type == RWB_RELATION_EXECUTIVE)
                       && hit->first > b->last && hit->first - b->last <= 2;
      /* "X will work with A and B": a list after "with" is the object, not a subject pair. */
      if (around && hit->last < first->first && object_marker_between (s, hit->last,
                                                                        first->first))
        around = FALSE;
      /* Arabic verb-first clauses: "وتتنافس نون مع أمازون", "تستحوذ X على Y" — the verb
       * stands right before the first party and the second follows in the same clause. */
      gboolean verb_first = !same_list && tok_arabic (s, hit->first) && hit->last < first->first
                            && first->first - hit->last <= 2 && b_start->first > a_end->last
                            && b_start->first - a_end->last <= 8
                            && !other_party_between (s, a_end->last, b_start->first, a->entity,
                                                     b->entity);
      if (!between && !around && !after && !verb_first)
        continue;
      if (!same_region (s, ia, ib, hit->first))
        continue;
      gboolean role = tr->type == RWB_RELATION_FOUNDER || tr->type == RWB_RELATION_EXECUTIVE;
      if (between)
        {
          gboolean left = other_party_between (s, a_end->last, hit->first, a->entity, b->entity);
          gboolean right = other_party_between (s, hit->last, b_start->first, a->entity,
                                                b->entity);
          /* "العبار، مؤسس نون ورئيس مجلس إدارة إعمار": a person's roles are listed one after
           * another, each right before its company. */
          if (left && role && etype (ctx, a->entity) == RWB_ENTITY_PERSON
              && b_start->first - hit->last <= 2
              && !person_between (s, a_end->last, hit->first))
            left = FALSE;
          if (left || right)
            continue;
        }
      if (clause_between (s, MIN (a->last, hit->first), MAX (b->first, hit->last)))
        continue;
      guint gap_a = hit->first > a_end->last ? hit->first - a_end->last : 0;
      guint gap_b = b_start->first > hit->last ? b_start->first - hit->last : 0;
      /* "Hemsworth, which owns …, was founded by …": a relative clause after the first party
       * does not count as distance. */
      if (between && relative_clause_after (s, a_end->last))
        gap_a = MIN (gap_a, gap_b);
      guint dist = between ? MIN (gap_a, gap_b)
                           : (hit->first > b->last ? hit->first - b->last
                                                    : first->first - hit->last);
      /* "X مملوك لـ Y", "Lei Jun, founder of Xiaomi": both parties sit close to the words. */
      if (tr->near > 0 && (between ? MAX (gap_a, gap_b) : dist) > tr->near)
        continue;
      guint source = a->entity, target = b->entity;
      if (tr->dir == RWB_TRIGGER_BACKWARD)
        source = b->entity, target = a->entity;
      if (!types_fit (ctx, tr->type, source, target))
        {
          if (!types_fit (ctx, tr->type, target, source))
            continue;
          guint tmp = source;
          source = target, target = tmp;
        }
      double conf = tr->confidence * (dist <= 4 ? 1.0 : dist <= 10 ? 0.85 : 0.7);
      if (a->kind == MENTION_COREF || b->kind == MENTION_COREF)
        conf *= 0.85;
      g_autofree char *rule = g_strdup_printf ("trigger «%s» (%s)", tr->text, tr->origin);
      relate (s, source, target, tr->type, conf, rule);
      found = TRUE;
    }
  return found;
}

static void
find_reporting (Sent *s)
{
  Ctx *ctx = s->ctx;
  for (guint h = 0; h < s->triggers->len; h++)
    {
      TriggerHit *hit = &g_array_index (s->triggers, TriggerHit, h);
      if (hit->trigger->type != RWB_RELATION_REPORTING)
        continue;
      guint near = hit->trigger->near ? hit->trigger->near : 3;
      /* The reporter: an organization right before or after the verb ("أفادت وكالة رويترز",
       * "Reuters reported", "according to Bloomberg"). */
      gint reporter = -1;
      for (guint m = 0; m < s->mentions->len && reporter < 0; m++)
        {
          Mention *x = &g_array_index (s->mentions, Mention, m);
          /* The reporter is a news outlet, or an organization named with an agency cue. */
          RwbEntity *xe = g_ptr_array_index (ctx->graph->entities, x->entity);
          gboolean agency = xe->source && g_str_has_prefix (xe->source, "pattern organization");
          if (x->kind == MENTION_ADJECTIVE || !(is_media (ctx, x->entity) || agency))
            continue;
          if ((x->first > hit->last && x->first - hit->last <= near)
              || (x->last < hit->first && hit->first - x->last <= near))
            reporter = m;
        }
      if (reporter < 0)
        continue;
      Mention *r = &g_array_index (s->mentions, Mention, reporter);
      for (guint m = 0; m < s->mentions->len; m++)
        {
          Mention *x = &g_array_index (s->mentions, Mention, m);
          if ((guint) m == (guint) reporter || x->kind == MENTION_ADJECTIVE
              || etype (ctx, x->entity) == RWB_ENTITY_PLACE || x->entity == r->entity)
            continue;
          if (clause_between (s, MIN (x->first, hit->first), MAX (x->last, hit->last)))
            continue;
          g_autofree char *rule = g_strdup_printf ("trigger «%s» (%s)", hit->trigger->text,
                                                   hit->trigger->origin);
          relate (s, r->entity, x->entity, RWB_RELATION_REPORTING, hit->trigger->confidence, rule);
        }
    }
}

/* The sentence's first company or organization (not a news outlet): in news prose the
 * subject that a plant, an office or a market "in PLACE" belongs to. */
static gint
sentence_subject (Sent *s)
{
  for (guint m = 0; m < s->mentions->len; m++)
    {
      Mention *x = &g_array_index (s->mentions, Mention, m);
      if (x->kind != MENTION_ADJECTIVE && is_party (s->ctx->graph, x->entity)
          && !is_media (s->ctx, x->entity))
        return m;
    }
  return -1;
}

/* "X-based", "X-listed", "X-headquartered": the place describes the party named right after
 * it, or, in "Y, an X-based firm", the party before. Returns whether it related one. */
static gboolean
based_on (Sent *s, const Mention *p)
{
  Ctx *ctx = s->ctx;
  GArray *tokens = s->tokens;
  if (p->last + 2 >= tokens->len || !form_is (TOK (p->last + 1), "-"))
    return FALSE;
  const Token *w = TOK (p->last + 2);
  if (!(w->cue & RWB_CUE_BASED))
    return FALSE;
  gint who = -1;
  gboolean apposition = p->first > 0 && (TOK (p->first - 1)->cue & RWB_CUE_ARTICLE);
  for (guint n = 0; n < s->mentions->len; n++)
    {
      Mention *x = &g_array_index (s->mentions, Mention, n);
      if (x->kind == MENTION_ADJECTIVE || !is_party (ctx->graph, x->entity))
        continue;
      if (apposition && x->last < p->first && p->first - x->last <= 4)
        who = n;
      if (!apposition && who < 0 && x->first > p->last && x->first - p->last <= 7)
        who = n;
    }
  if (who < 0)
    return FALSE;
  g_autofree char *rule = g_strdup_printf ("place-%s", w->form);
  relate (s, g_array_index (s->mentions, Mention, who).entity, p->entity, RWB_RELATION_LOCATION,
          0.8, rule);
  return TRUE;
}

/* Where things are: "مصنع في تايلاند", "a plant in Thailand", "headquartered in", "الصيني
 * بايدو" / "China's Xiaomi" / "Great Wall's Hong Kong (shares)", and datelines. */
static void
find_locations (Sent *s)
{
  Ctx *ctx = s->ctx;
  gint subject = sentence_subject (s);
  for (guint m = 0; m < s->mentions->len; m++)
    {
      Mention *p = &g_array_index (s->mentions, Mention, m);
      if (etype (ctx, p->entity) != RWB_ENTITY_PLACE)
        continue;
      /* A nisba or name right next to a party describes it ("شركة بي إم دبليو الألمانية",
       * "Chinese smartphone maker Xiaomi", "China's Xiaomi"). */
      for (guint n = 0; n < s->mentions->len; n++)
        {
          Mention *x = &g_array_index (s->mentions, Mention, n);
          if (x->kind == MENTION_ADJECTIVE || etype (ctx, x->entity) == RWB_ENTITY_PLACE)
            continue;
          gboolean adjacent = x->last + 1 == p->first || p->last + 1 == x->first;
          gboolean near_adj = p->kind == MENTION_ADJECTIVE
                              && ((p->last < x->first && x->first - p->last <= 3)
                                  || (x->last < p->first && p->first - x->last <= 1));
          if (adjacent || near_adj)
            relate (s, x->entity, p->entity, RWB_RELATION_LOCATION,
                    p->kind == MENTION_ADJECTIVE ? 0.45 : 0.55, "place next to party");
        }
      if (p->kind == MENTION_ADJECTIVE)
        continue;
      /* "Istanbul-based Kule", "London-listed Landsec", "an Istanbul-based operator". */
      if (based_on (s, p))
        continue;
      /* "in Thailand", "بتايلاند", "في تايلاند": a locative right before the place, or
       * before the first of a list of places ("in Manchester, Leeds and Birmingham"). */
      const Mention *head = &g_array_index (s->mentions, Mention, s->head[m]);
      Token *pt = &g_array_index (s->tokens, Token, head->first);
      gboolean locative = head->first > 0
                          && (g_array_index (s->tokens, Token, head->first - 1).cue
                              & RWB_CUE_LOCATIVE);
      gboolean clitic_b = pt->arabic && g_str_has_prefix (pt->form, "\xd8\xa8"); /* ب */
      /* "تتخذ من دبي مقراً لها": where the word for headquarters follows the place. */
      gboolean seat_after = FALSE;
      for (guint h = 0; h < s->triggers->len; h++)
        {
          TriggerHit *hit = &g_array_index (s->triggers, TriggerHit, h);
          if (hit->trigger->type == RWB_RELATION_LOCATION && hit->first > p->last
              && hit->first - p->last <= 2 && pt->arabic)
            seat_after = TRUE;
        }
      if (!locative && !clitic_b && !seat_after)
        continue;
      /* A trigger just before ("plant in", "مقرها في") makes it firm. */
      double conf = 0.5;
      const char *rule = "locative before place";
      for (guint h = 0; h < s->triggers->len; h++)
        {
          TriggerHit *hit = &g_array_index (s->triggers, TriggerHit, h);
          if (hit->trigger->type == RWB_RELATION_LOCATION && hit->last < p->first
              && p->first - hit->last <= 5)
            conf = hit->trigger->confidence, rule = hit->trigger->text;
        }
      /* The located party: one named just before the locative ("مصانع Great Wall في الصين"),
       * else the sentence's subject. */
      gint who = -1;
      for (guint n = 0; n < s->mentions->len; n++)
        {
          Mention *x = &g_array_index (s->mentions, Mention, n);
          if (x->kind != MENTION_ADJECTIVE && etype (ctx, x->entity) != RWB_ENTITY_PLACE
              && x->last < p->first && p->first - x->last <= 3)
            who = n;
        }
      /* In "X, which has a plant in Y" / "X الذي يتخذ من Y مقراً" the clause's antecedent. */
      guint region = s->region[p->first];
      if (who < 0 && region > 0 && g_array_index (s->antecedents, gint, region - 1) >= 0)
        who = g_array_index (s->antecedents, gint, region - 1);
      if (who < 0)
        who = subject;
      if (who < 0 || g_array_index (s->mentions, Mention, who).first > p->first)
        continue;
      g_autofree char *r = g_strdup_printf ("%s + locative", rule);
      relate (s, g_array_index (s->mentions, Mention, who).entity, p->entity,
              RWB_RELATION_LOCATION, conf, r);
    }
}

static void
find_relations (Sent *s)
{
  Ctx *ctx = s->ctx;
  GArray *mentions = s->mentions;
  find_lists (s);
  find_reporting (s);
  find_locations (s);
  for (guint i = 0; i < mentions->len; i++)
    for (guint j = i + 1; j < mentions->len; j++)
      {
        Mention *a = &g_array_index (mentions, Mention, i);
        Mention *b = &g_array_index (mentions, Mention, j);
        if (a->entity == b->entity || a->kind == MENTION_ADJECTIVE
            || b->kind == MENTION_ADJECTIVE)
          continue;
        if (etype (ctx, a->entity) == RWB_ENTITY_PLACE || etype (ctx, b->entity) == RWB_ENTITY_PLACE)
          continue;
        if (!relate_pair (s, i, j))
          relate (s, a->entity, b->entity, RWB_RELATION_MENTION, 0.2, "same sentence");
      }
  /* Co-occurrence stays as a weak `mention` only where no typed relation exists. */
  (void) ctx;
}

/* --- Driver -------------------------------------------------------------------------------- */

/* A pair with a typed relation needs no co-occurrence edge as well: drop `mention` relations
 * of such pairs (a pair can collect both when one sentence types it and another only names
 * both). Relations are only referred to by index after extraction, so they can move. */
static void
prune_mentions (RwbGraph *graph)
{
  g_autoptr (GHashTable) typed = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      if (r->type == RWB_RELATION_MENTION)
        continue;
      gint64 key = ((gint64) MIN (r->source, r->target) << 32) | MAX (r->source, r->target);
      g_array_append_val (keys, key);
    }
  for (guint i = 0; i < keys->len; i++)
    g_hash_table_add (typed, &g_array_index (keys, gint64, i));
  for (guint i = graph->relations->len; i-- > 0;)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      gint64 key = ((gint64) MIN (r->source, r->target) << 32) | MAX (r->source, r->target);
      if (r->type == RWB_RELATION_MENTION && g_hash_table_contains (typed, &key))
        g_ptr_array_remove_index (graph->relations, i);
    }
}

/* Token → mention indices, after mentions were sorted or added. */
static void
index_mentions (GArray *tokens, GArray *mentions)
{
  for (guint i = 0; i < tokens->len; i++)
    TOK (i)->mention = -1;
  for (guint m = 0; m < mentions->len; m++)
    for (guint i = g_array_index (mentions, Mention, m).first;
         i <= g_array_index (mentions, Mention, m).last; i++)
      TOK (i)->mention = m;
}

/**
 * rwb_extract_document:
 * Extracts document @doc of @graph into @graph.
 */
gboolean
rwb_extract_document (RwbLexicon *lexicon, RwbGraph *graph, guint doc,
                      const RwbExtractOptions *options, GError **error)
{
  g_return_val_if_fail (lexicon != NULL && graph != NULL, FALSE);
  g_return_val_if_fail (doc < graph->documents->len, FALSE);
  RwbDocument *d = g_ptr_array_index (graph->documents, doc);
  g_return_val_if_fail (d->text != NULL, FALSE);

  Ctx ctx = { .lex = lexicon, .graph = graph, .doc = doc, .text = d->text, .options = options,
              .subject = -1 };
  ctx.by_entry = g_hash_table_new (g_direct_hash, g_direct_equal);
  ctx.media = g_hash_table_new (g_direct_hash, g_direct_equal);
  ctx.by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.salience = g_hash_table_new (g_direct_hash, g_direct_equal);
  ctx.recent = g_array_new (FALSE, FALSE, sizeof (guint));
  ctx.chunk = g_string_chunk_new (4096);
  ctx.scratch = g_string_sized_new (256);
  ctx.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  ctx.words = g_array_new (FALSE, FALSE, sizeof (RwbTextSpan));
  gsize length = strlen (d->text);
  gboolean arabic_doc = g_str_equal (d->language, "ar");
  gboolean ok = TRUE;

  g_autoptr (RwbSegmenter) segmenter = rwb_segmenter_new (d->text, length);
  RwbTextSpan sentence;
  const RwbTextSpan *sp = &sentence;
  GError *seg_error = NULL;
  while (rwb_segmenter_next (segmenter, &sentence, &seg_error))
    {
      GArray *tokens = tokenize_sentence (&ctx, segmenter, error);
      if (tokens == NULL)
        {
          ok = FALSE;
          break;
        }
      g_autoptr (GArray) mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
      find_entities (&ctx, tokens, mentions, arabic_doc);
      g_array_sort (mentions, compare_mentions);
      index_mentions (tokens, mentions);
      resolve_coreference (&ctx, tokens, mentions);
      index_mentions (tokens, mentions);
      if (mentions->len == 0)
        continue;
      g_autoptr (GArray) triggers = find_triggers (&ctx, tokens);
      g_autofree gboolean *breaks = g_new0 (gboolean, tokens->len + 1);
      for (guint i = 0; i < tokens->len; i++)
        breaks[i] = (TOK (i)->cue & RWB_CUE_CLAUSE) != 0 || g_str_equal (TOK (i)->form, ";");
      g_autofree guint *heads = g_new0 (guint, mentions->len);
      g_autofree guint *tails = g_new0 (guint, mentions->len);
      g_autofree guint *regions = g_new0 (guint, tokens->len + 1);
      g_autoptr (GArray) antecedents = g_array_new (FALSE, FALSE, sizeof (gint));
      Sent s = { &ctx, tokens, mentions, triggers, sp, breaks, heads, tails, regions,
                 antecedents };
      find_relative_clauses (&s);
      find_relations (&s);
    }
  if (seg_error)
    {
      g_propagate_error (error, seg_error);
      ok = FALSE;
    }
  prune_mentions (graph);
  g_hash_table_unref (ctx.by_entry);
  g_hash_table_unref (ctx.media);
  g_hash_table_unref (ctx.by_name);
  g_hash_table_unref (ctx.salience);
  g_array_unref (ctx.recent);
  g_string_chunk_free (ctx.chunk);
  g_string_free (ctx.scratch, TRUE);
  g_array_unref (ctx.tokens);
  g_array_unref (ctx.words);
  return ok;
}

/**
 * rwb_extract_file:
 * Loads @file (validated UTF-8), adds it as a document of @graph and extracts it.
 */
gboolean
rwb_extract_file (RwbLexicon *lexicon, RwbGraph *graph, GFile *file,
                  const RwbExtractOptions *options, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (lexicon != NULL && graph != NULL && G_IS_FILE (file), FALSE);
  RwbTextLoadFlags flags = options ? options->load_flags : RWB_TEXT_LOAD_DEFAULT;
  g_autofree char *text = rwb_text_load_file_full (file, flags, cancellable, error);
  if (text == NULL)
    return FALSE;
  g_autofree char *path = g_file_get_path (file);
  if (path == NULL)
    path = g_file_get_uri (file);
  guint doc = rwb_graph_add_document (graph, path, rwb_text_guess_language (text, strlen (text)),
                                      text);
  return rwb_extract_document (lexicon, graph, doc, options, error);
}
