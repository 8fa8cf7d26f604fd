/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-extract-persons.c — Arabic people named without a title or a verb of saying: a given
 * name (data/patterns/cues-given-names.tsv) and what follows it in the grammar of Arabic names —
 * a father's name, the links بن / ابن / بنت / آل / أبو, a family name with or without the
 * article — up to the first word that cannot be part of a name.
 */
#define G_LOG_DOMAIN "rawabit-extract"

#include "rwb-extract-private.h"

#include <string.h>

#define MAX_NAME_WORDS 6

/* The candidate (clitic reading) of @t that is a given name, or -1; *weak says whether it is
 * also a common word. "وأحمد" is و + أحمد. */
static gint
given_reading (Ctx *ctx, Token *t, gboolean *weak)
{
  for (guint c = 0; c < t->n_cands; c++)
    {
      RwbCueFlags f = cue_of (ctx->lex, t->cands[c]);
      if (f & RWB_CUE_GIVEN_ANY)
        {
          *weak = !(f & RWB_CUE_GIVEN);
          return (gint) c;
        }
    }
  return -1;
}

/* The given name علي and the preposition على share a matching form (ى folds to ي); the
 * letter written tells them apart. */
static gboolean
is_name_ali (Ctx *ctx, const Token *t)
{
  return g_str_equal (t->form, "\xd8\xb9\xd9\x84\xd9\x8a") && surface_ends_in_yaa (ctx, t);
}

/* Words that join two parts of a name: بن، ابن، بنت، آل (in matching form: ابن، بنت، ال). */
static const char *const links[] = {
  "\xd8\xa8\xd9\x86",                 /* بن */
  "\xd8\xa7\xd8\xa8\xd9\x86",         /* ابن (ابن / إبن) */
  "\xd8\xa8\xd9\x86\xd8\xaa",         /* بنت */
  "\xd8\xa7\xd9\x84",                 /* آل (folded to ال as a word of its own) */
  NULL,
};

/* A kunya or a compound opens a name and always takes the next word: أبو بكر،
 * عبد الله (written apart). */
static const char *const openers[] = {
  "\xd8\xa7\xd8\xa8\xd9\x88",         /* أبو */
  "\xd8\xb9\xd8\xa8\xd8\xaf",         /* عبد */
  NULL,
};

/* Titles in the accusative of role ("عينت الشركة فلانا رئيسا تنفيذيا"، "انتخب مديرا"): the
 * words before one name the person who takes the role. Matching forms. */
static const char *const role_complements[] = {
  "\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3\xd8\xa7",                 /* رئيسا */
  "\xd9\x85\xd8\xaf\xd9\x8a\xd8\xb1\xd8\xa7",                 /* مديرا */
  "\xd8\xb9\xd8\xb6\xd9\x88\xd8\xa7",                         /* عضوا */
  "\xd9\x86\xd8\xa7\xd8\xa6\xd8\xa8\xd8\xa7",                 /* نائبا */
  "\xd9\x85\xd8\xb3\xd8\xaa\xd8\xb4\xd8\xa7\xd8\xb1\xd8\xa7", /* مستشارا */
  "\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1\xd8\xa7",                 /* وزيرا */
  "\xd8\xa7\xd9\x85\xd9\x8a\xd9\x86\xd8\xa7",                 /* أمينا */
  "\xd9\x85\xd8\xad\xd8\xa7\xd9\x81\xd8\xb8\xd8\xa7",         /* محافظا */
  "\xd8\xb3\xd9\x81\xd9\x8a\xd8\xb1\xd8\xa7",                 /* سفيرا */
  NULL,
};

/* Could @t be a word of a name after the given name? Arabic, not yet part of a mention, not
 * a function word, cue or relation word, and not the start of something the lexicon knows
 * ("زار أحمد الرياض": the city is not his family name). */
static gboolean
name_part (Ctx *ctx, GArray *tokens, guint k)
{
  Token *t = TOK (k);
  if (!t->arabic || t->mention >= 0 || starts_trigger (ctx, t))
    return FALSE;
  if (blocking_cue (t) != 0 && !is_name_ali (ctx, t))
    return FALSE;
  guint last, cand;
  const RwbLexHit *hit;
  if (lookup_phrase (ctx, tokens, k, &last, &hit, &cand))
    return FALSE;
  return g_utf8_strlen (t->form, -1) >= 2;
}

/* A definite word that ends a name: a family name (السالم، المنصوري), not a feminine or
 * plural noun (الشركة، الشركات، المستثمرين) nor a pronoun-suffixed one. */
static gboolean
definite_family_name (const Token *t)
{
  if (t->keys[0] == t->cands[0] || t->n_cands > 1)
    return FALSE; /* not definite, or definite only after a clitic (للشركة) */
  const char *f = t->form;
  if (g_utf8_strlen (f, -1) < 4)
    return FALSE;
  static const char *const noun_endings[] = {
    "\xd9\x87",         /* ة folded to ه, or the pronoun ـه */
    "\xd8\xa7\xd8\xaa", /* ـات */
    "\xd9\x88\xd9\x86", /* ـون */
    "\xd9\x8a\xd9\x86", /* ـين */
    "\xd9\x87\xd8\xa7", /* ـها */
    "\xd9\x87\xd9\x85", /* ـهم */
    NULL,
  };
  for (guint i = 0; noun_endings[i]; i++)
    if (g_str_has_suffix (f, noun_endings[i]))
      return FALSE;
  return TRUE;
}

/* A word that may follow a name's last undefined word: the end of the sentence, punctuation,
 * a function word, a verb of saying, a conjunction, a locative or a title. */
static gboolean
closes_name (GArray *tokens, guint k)
{
  if (k >= tokens->len)
    return TRUE;
  const Token *t = TOK (k);
  if (!t->word)
    return TRUE;
  return (t->cue & (RWB_CUE_STOP | RWB_CUE_SPEECH | RWB_CUE_CLAUSE | RWB_CUE_CONJUNCTION
                    | RWB_CUE_LOCATIVE | RWB_CUE_OBJECT | RWB_CUE_PERSON | RWB_CUE_RELATIVE))
         != 0;
}

gboolean
is_role_complement (const Token *t)
{
  return t->arabic && t->mention < 0 && form_in (t, role_complements);
}

/* Whether token @k is a role in the accusative ("رئيسا"). */
static gboolean
role_at (GArray *tokens, guint k)
{
  return k < tokens->len && is_role_complement (TOK (k));
}

/* "أحمد السالم"، "خالد بن علي الكندي"، "أبو بكر الحسيني"، "سامر حداد،": a person from the
 * grammar of Arabic names. Returns TRUE and the last token when a name of two words or more
 * starts at @i. */
gboolean
arabic_person_by_given_name (Ctx *ctx, GArray *tokens, guint i, GArray *mentions,
                             guint *out_last)
{
  Token *t = TOK (i);
  if (!t->arabic || t->mention >= 0)
    return FALSE;
  /* "شركة عبداللطيف جميل": after شركة / هيئة the name is the company's; so it is after a
   * title that follows one, or a facility ("جامعة الملك فيصل"، "مطار الملك خالد"). */
  /* Not after a head the name rules already closed ("عين بنك الرافدين محمد فايد") or a
   * definite one ("عينت الشركة محمد فايد"): those take no name in idafa. */
  for (guint b = 1; b <= 2 && b <= i; b++)
    {
      const Token *h = TOK (i - b);
      if (h->mention >= 0)
        break;
      if (h->cue & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_BANK | RWB_CUE_FACILITY))
        {
          if (b == 1 && h->arabic && h->keys[0] != h->cands[0] && h->n_cands == 1)
            break; /* "الشركة محمد": a definite head */
          return FALSE;
        }
    }
  /* Most words are no given name: t->cue already holds the classes of every reading. */
  if (!(t->cue & RWB_CUE_GIVEN_ANY) && !form_in (t, openers))
    return FALSE;
  gboolean weak = FALSE;
  gint reading = given_reading (ctx, t, &weak);
  gboolean opener = reading < 0 && form_in (t, openers);
  if (reading < 0 && !opener)
    return FALSE;
  /* A given name that is a function word or a cue as well is read as that word. */
  if (((t->cue & (RWB_CUE_STOP | RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_PERSON
                 | RWB_CUE_SPEECH | RWB_CUE_CLAUSE | RWB_CUE_LOCATIVE | RWB_CUE_GENERIC))
       && !is_name_ali (ctx, t))
      || starts_trigger (ctx, t))
    return FALSE;
  guint k = i;
  guint words = 1;
  gboolean strong = !weak; /* has the name a part that only a name would have? */
  gboolean nasab = FALSE;  /* a link (بن، بنت) joined two of its parts */
  /* "عماد الشريف رئيسا تنفيذيا": a role in the accusative right after two to four name words
   * says they are a person's name, however common the given name. */
  for (guint n = i + 1; !strong && n < tokens->len && n <= i + 3 && name_part (ctx, tokens, n); n++)
    if (n + 1 < tokens->len && form_in (TOK (n + 1), role_complements))
      strong = TRUE;
  if (form_in (t, openers))
    {
      if (i + 1 >= tokens->len || !name_part (ctx, tokens, i + 1))
        return FALSE;
      k = i + 1, words = 2;
      gboolean w2 = FALSE;
      strong = given_reading (ctx, TOK (k), &w2) >= 0 || opener;
    }
  while (words < MAX_NAME_WORDS && k + 1 < tokens->len)
    {
      guint n = k + 1;
      Token *u = TOK (n);
      /* بن / آل + a word: "محمد بن راشد آل مكتوم". */
      if (form_in (u, links) && n + 1 < tokens->len && name_part (ctx, tokens, n + 1))
        {
          k = n + 1, words += 2, strong = TRUE, nasab = TRUE;
          continue;
        }
      /* "يوسف بن علي الكندي": after a nasab, a nisba in ـي the lexicon knows as a place's
       * (الكندي، المصري) is the family name, not a nationality. */
      if (nasab && u->arabic && u->mention < 0 && u->n_cands == 1 && u->keys[0] != u->cands[0]
          && surface_ends_in_yaa (ctx, u) && definite_family_name (u))
        {
          guint pl;
          gboolean adjective = FALSE;
          if (place_at (ctx, tokens, n, &pl, &adjective) && adjective && pl == n)
            {
              k = n, words++;
              break;
            }
        }
      if (!name_part (ctx, tokens, n))
        break;
      gboolean w2 = FALSE;
      gboolean definite = u->keys[0] != u->cands[0];
      if (!definite && given_reading (ctx, u, &w2) >= 0)
        {
          /* A father's name: "خالد عبدالله المنصوري". */
          k = n, words++;
          strong |= !w2;
          if (form_in (u, openers) && n + 1 < tokens->len && name_part (ctx, tokens, n + 1))
            k = n + 1, words++;
          continue;
        }
      if (form_in (u, openers) && n + 1 < tokens->len && name_part (ctx, tokens, n + 1))
        {
          k = n + 1, words += 2, strong = TRUE;
          continue;
        }
      if (definite)
        {
          /* The family name ends the name. A weak given name needs one in ـي. */
          if (definite_family_name (u) && (strong || surface_ends_in_yaa (ctx, u)))
            k = n, words++;
          break;
        }
      /* An undefined family name ("ليلى حداد،") only as the last word before a comma, a
       * function word, a role or the end, and only after a given name that is not a common
       * word. A grandfather's or family name may follow it: "سليم عباس فارح،"، "سليم عباس
       * الفارح". */
      if (!strong || g_utf8_strlen (u->form, -1) < 3)
        break;
      if (closes_name (tokens, n + 1) || role_at (tokens, n + 1))
        {
          k = n, words++;
          break;
        }
      if (words + 1 < MAX_NAME_WORDS && n + 1 < tokens->len && name_part (ctx, tokens, n + 1)
          && g_utf8_strlen (TOK (n + 1)->form, -1) >= 3)
        {
          Token *v = TOK (n + 1);
          gboolean v_definite = v->keys[0] != v->cands[0];
          if (v_definite ? definite_family_name (v)
                         : (closes_name (tokens, n + 2) || role_at (tokens, n + 2)))
            k = n + 1, words += 2;
        }
      break;
    }
  if (k == i || (!strong && words < 3 && !surface_ends_in_yaa (ctx, TOK (k))))
    return FALSE;
  /* The name without the clitic of its first word ("وأحمد السالم" → "أحمد السالم"). */
  g_autofree char *text = span_text (ctx, tokens, i, k);
  const char *name = text;
  if (reading > 0 && t->stripped[reading] > 0)
    name = g_utf8_offset_to_pointer (text, t->stripped[reading]);
  guint e = entity_for_pattern (ctx, NULL, name, RWB_ENTITY_PERSON, "arabic-given-name");
  add_mention (ctx, tokens, mentions, i, k, e, MENTION_NAME);
  say (ctx, "entity “%s” (person) ← pattern arabic-given-name (%s) at %u–%u", name,
       weak ? "given-weak" : "given", TOK (i)->span.start, TOK (k)->span.end);
  *out_last = k;
  return TRUE;
}
