/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-extract-places.c — Arabic place names no lexicon lists, from the head noun that news
 * prose puts before them: "مدينة سمراية"، "بمنطقة قرطاسة"، "ولاية سطيف". The head stays out
 * of the name (it is an alias with the head); the word after it must look like a name: not
 * a function word, a cue, a relation word or a common noun in ـة/ـات/ـون/ـين, and not a name
 * the lexicon already knows (its own rule reads "مدينة مكة المكرمة").
 */
#define G_LOG_DOMAIN "rawabit-extract"

#include "rwb-extract-private.h"

/* A definite word that may be a place's name (البطحاء is; الصناعات، المستثمرين are not). */
static gboolean
definite_place_word (Ctx *ctx, const Token *t)
{
  if (!t->arabic || t->keys[0] == t->cands[0] || t->n_cands > 1 || blocking_cue (t) != 0)
    return FALSE;
  if ((t->cue & RWB_CUE_GENERIC) || (cue_of (ctx->lex, t->keys[0]) & RWB_CUE_GENERIC))
    return FALSE;
  const char *f = t->form;
  if (g_utf8_strlen (f, -1) < 5)
    return FALSE;
  static const char *const endings[] = {
    "\xd8\xa7\xd8\xaa", /* ـات */
    "\xd9\x88\xd9\x86", /* ـون */
    "\xd9\x8a\xd9\x86", /* ـين */
    "\xd9\x8a",         /* ـي: a nisba adjective (المنطقة الصناعية is no name) */
    "\xd9\x8a\xd9\x87", /* ـية */
    "\xd9\x87\xd8\xa7", /* ـها */
    NULL,
  };
  for (guint i = 0; endings[i]; i++)
    if (g_str_has_suffix (f, endings[i]))
      return FALSE;
  return TRUE;
}

/* A word of the place's idafa chain after its first word ("قصر وادي الرمال"). */
static gboolean
chain_word (Ctx *ctx, Token *t)
{
  if (!t->arabic || t->mention >= 0 || starts_trigger (ctx, t) || blocking_cue (t) != 0)
    return FALSE;
  if ((t->cue & RWB_CUE_GENERIC) || (cue_of (ctx->lex, t->keys[0]) & RWB_CUE_GENERIC))
    return FALSE;
  return name_like_arabic (ctx, t) || definite_place_word (ctx, t);
}

/* "مدينة سمراية"، "منطقة قرطاسة الصناعية": an indefinite word in ـة after a place's head
 * noun is its name, not an adjective agreeing with it, when it ends in ـاية (no adjective
 * does: سمراية، سقاية) or a definite nisba follows it (an indefinite adjective takes none
 * after it: "منطقة صناعية جديدة"). */
static gboolean
feminine_place_name (Ctx *ctx, GArray *tokens, guint i)
{
  Token *t = TOK (i);
  /* Right after the head noun no preposition can stand: a first letter that could be a
   * clitic (ليساسفة، بوقنادل) is the name's own, but not a conjunction (و، ف). */
  if (t->n_cands > 1 && (g_str_has_prefix (t->form, "\xd9\x88") /* و */
                         || g_str_has_prefix (t->form, "\xd9\x81") /* ف */))
    return FALSE;
  if (blocking_cue (t) != 0 || g_utf8_strlen (t->form, -1) < 4
      || !g_str_has_suffix (t->form, "\xd9\x87") /* ة, folded to ه */)
    return FALSE;
  if (g_str_has_suffix (t->form, "\xd8\xa7\xd9\x8a\xd9\x87") /* ـاية */)
    return TRUE;
  if (g_str_has_suffix (t->form, "\xd9\x8a\xd9\x87") /* ـية: a nisba itself */ || i + 1 >= tokens->len)
    return FALSE;
  const Token *n = TOK (i + 1);
  if (!n->arabic || n->keys[0] == n->cands[0] || n->n_cands != 1)
    return FALSE;
  return g_str_has_suffix (n->form, "\xd9\x8a\xd9\x87") /* الجنوبية */
         || g_str_has_suffix (n->form, "\xd9\x8a");
}

gboolean
arabic_place_after_head (Ctx *ctx, GArray *tokens, guint i, GArray *mentions)
{
  if (i == 0)
    return FALSE;
  Token *head = TOK (i - 1);
  Token *t = TOK (i);
  if (!(head->cue & RWB_CUE_PLACE_HEAD) || !head->arabic || head->mention >= 0 || !t->arabic
      || t->mention >= 0 || starts_trigger (ctx, t))
    return FALSE;
  guint l, cand;
  const RwbLexHit *hit;
  if (lookup_phrase (ctx, tokens, i, &l, &hit, &cand))
    return FALSE;
  gboolean definite = t->keys[0] != t->cands[0];
  gboolean feminine = !definite && feminine_place_name (ctx, tokens, i);
  if (!feminine && !(definite ? definite_place_word (ctx, t) : name_like_arabic (ctx, t)))
    return FALSE;
  /* "منطقة متعددة الاستخدامات": an indefinite feminine word is an adjective, not a name. */
  if (!definite && !feminine && g_str_has_suffix (t->form, "\xd9\x87"))
    return FALSE;
  if (t->cue & RWB_CUE_GIVEN_ANY)
    return FALSE; /* "مدينة الملك عبدالله"-like names after a person's: not read here */
  /* An idafa chain goes on after indefinite words and ends at a definite one: "مثلث
   * الريحان"، "قصر وادي الرمال". */
  guint last = i;
  while (!definite && last + 1 < tokens->len && last - i < 3 && chain_word (ctx, TOK (last + 1))
         && !lookup_phrase (ctx, tokens, last + 1, &l, &hit, &cand))
    {
      last++;
      definite = TOK (last)->keys[0] != TOK (last)->cands[0];
    }
  g_autofree char *name = span_text (ctx, tokens, i, last);
  g_autofree char *headed_text = span_text (ctx, tokens, i - 1, last);
  /* The head with its clitic dropped ("بمنطقة X" → "منطقة X"). */
  const char *headed = headed_text;
  if (head->n_cands > 1)
    for (guint c = 1; c < head->n_cands; c++)
      if (cue_of (ctx->lex, head->cands[c]) & RWB_CUE_PLACE_HEAD)
        {
          headed = g_utf8_offset_to_pointer (headed_text, head->stripped[c]);
          break;
        }
  guint e = entity_for_pattern (ctx, NULL, name, RWB_ENTITY_PLACE, "arabic-place-after-head");
  entity_add_alias (ctx, e, headed);
  add_mention (ctx, tokens, mentions, i, last, e, MENTION_NAME);
  say (ctx, "entity “%s” (place) ← pattern arabic-place-after-head at %u–%u", name,
       t->span.start, TOK (last)->span.end);
  return TRUE;
}
