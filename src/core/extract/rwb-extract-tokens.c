/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-extract-tokens.c — a sentence as tokens: ICU words, their matching forms and
 * clitic-free readings, cue classes; small predicates on tokens that every part uses.
 */
#define G_LOG_DOMAIN "rawabit-extract"

#include "rwb-extract-private.h"

#include <glib/gi18n.h>
#include <string.h>

void
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
gboolean
is_arabic_char (gunichar c)
{
  return (c >= 0x0620 && c <= 0x064A) || (c >= 0x0660 && c <= 0x0669)
         || (c >= 0x066E && c <= 0x06D3) || (c >= 0x06FA && c <= 0x06FF);
}

/* @a followed by @b, built in @scratch (overwritten). */
const char *
concat_scratch (const char *a, const char *b, GString *scratch)
{
  g_string_assign (scratch, a);
  g_string_append (scratch, b);
  return scratch->str;
}

RwbCueFlags
cue_of (RwbLexicon *lex, const char *form)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (lex->cues, form));
}

GArray *
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
                                                       concat_scratch (readings[k].article,
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
          if (t->capital && rwb_lexicon_common_word (ctx->lex, t->form))
            t->cue |= RWB_CUE_COMMON_WORD;
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
          /* A function or number word is itself, not a clitic and a name: "بليون" (billion)
           * is no ب + ليون, "بين" no ب + ين. */
          if (k == 0 && t->stripped[0] == 0 && form_info && (form_info->cue & RWB_CUE_STOP))
            t->n_cands = 1;
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

/* "Great Wall's" names Great Wall: drop an English possessive ending from an alias. */
void
strip_possessive (char *s)
{
  static const char *const endings[] = { "'s", "\xe2\x80\x99s" /* ’s */ };
  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    if (g_str_has_suffix (s, endings[i]))
      s[strlen (s) - strlen (endings[i])] = '\0';
}

gboolean
is_name_token (Token *t)
{
  return t->latin && t->word && t->mention < 0 && !(t->cue & RWB_CUE_STOP);
}

char *
span_text (Ctx *ctx, GArray *tokens, guint first, guint last)
{
  gsize b0 = TOK (first)->span.bstart, b1 = TOK (last)->span.bend;
  return g_strndup (ctx->text + b0, b1 - b0);
}

gboolean
is_open_quote (const Token *t)
{
  return g_str_equal (t->form, "\xc2\xab") /* « */ || g_str_equal (t->form, "\xe2\x80\x9c")
         || g_str_equal (t->form, "\"");
}

gboolean
is_close_quote (const Token *t)
{
  return g_str_equal (t->form, "\xc2\xbb") /* » */ || g_str_equal (t->form, "\xe2\x80\x9d")
         || g_str_equal (t->form, "\"");
}

/* Whether tokens first..last are exactly what stands between quotation marks. */
gboolean
quoted (GArray *tokens, guint first, guint last)
{
  return first > 0 && last + 1 < tokens->len && is_open_quote (TOK (first - 1))
         && is_close_quote (TOK (last + 1));
}

gboolean
form_is (const Token *t, const char *form)
{
  return g_str_equal (t->form, form);
}

gboolean
key_matches (const char *key, const char *pattern)
{
  gsize n = strlen (pattern);
  gboolean star = n > 0 && pattern[n - 1] == '*';
  return star ? strncmp (key, pattern, n - 1) == 0 : strcmp (key, pattern) == 0;
}

gboolean
token_matches (Token *t, const char *pattern)
{
  for (guint c = 0; c < t->n_cands; c++)
    if (key_matches (t->keys[c], pattern))
      return TRUE;
  return FALSE;
}

/* A comma, Latin or Arabic. */
gboolean
is_comma (const Token *t)
{
  return g_str_equal (t->form, ",") || g_str_equal (t->form, "\xd8\x8c" /* ، */);
}

/* Whether @t's matching form is one of the NULL-terminated @forms. */
gboolean
form_in (const Token *t, const char *const *forms)
{
  for (guint i = 0; forms[i]; i++)
    if (g_str_equal (t->form, forms[i]))
      return TRUE;
  return FALSE;
}

/* Commas, conjunctions and the quotation marks around quoted names («طاقة» و«مبادلة»). */
gboolean
is_separator (const Token *t)
{
  return is_comma (t)
         || (t->cue & RWB_CUE_CONJUNCTION) || is_open_quote (t) || is_close_quote (t);
}

/* Whether the surface of @t ends in the letter ي (U+064A) itself, not ى folded to it in the
 * matching form: a nisba or family name in ـي (الكندي) rather than المستوى or على. */
gboolean
surface_ends_in_yaa (Ctx *ctx, const Token *t)
{
  const char *p = g_utf8_find_prev_char (ctx->text + t->span.bstart, ctx->text + t->span.bend);
  return p && g_utf8_get_char (p) == 0x064A;
}

/* Whether the noun at @k is counted ("260 غرفة"، "3 شركات"): a number right before it. A
 * counted head noun names nothing. */
gboolean
counted_noun (GArray *tokens, guint k)
{
  if (k == 0)
    return FALSE;
  const Token *t = TOK (k - 1);
  return t->word && g_unichar_isdigit (g_utf8_get_char (t->form));
}
