/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-extract-orgs.c — Arabic organization names from their grammar: a head noun (شركة، بنك،
 * هيئة … the company and organization cues) and the name after it — a proper word or an idafa
 * chain, a place ("بنك مصر"), nisba adjectives (الكويتي، الوطنية), sector tails in لل
 * (للتأمين), legal forms (القابضة) and name adjectives (المتحدة، العامة) — ending at the first
 * word that is none of these. Names built only of common words come out whole when the head
 * noun itself is definite and the chain says it is a name: "البنك العربي الوطني"، "الهيئة
 * العامة للمنافسة" (but not the description "الشركة الصينية").
 */
#define G_LOG_DOMAIN "rawabit-extract"

#include "rwb-extract-private.h"

#include <string.h>

#define MAX_ORG_WORDS 8

typedef enum
{
  PART_NONE,
  PART_TAIL,        /* للتأمين */
  PART_LEGAL,       /* القابضة */
  PART_ADJECTIVE,   /* المتحدة، العامة */
  PART_NISBA,       /* الوطني، الأهلية */
  PART_PLACE_NISBA, /* الكويتي: a nisba the lexicon knows as a place's */
} Part;

static gboolean
definite (const Token *t)
{
  return t->arabic && t->keys[0] != t->cands[0];
}

static gboolean
generic_word (Ctx *ctx, const Token *t)
{
  return (t->cue & RWB_CUE_GENERIC) || (cue_of (ctx->lex, t->keys[0]) & RWB_CUE_GENERIC);
}

/* A lexicon place named at @k (its last token in *last), or FALSE. */
gboolean
place_at (Ctx *ctx, GArray *tokens, guint k, guint *last, gboolean *adjective)
{
  guint l, cand;
  const RwbLexHit *hit;
  if (!lookup_phrase (ctx, tokens, k, &l, &hit, &cand))
    return FALSE;
  RwbLexEntry *entry = g_ptr_array_index (ctx->lex->entries, hit->entry);
  if (entry->type != RWB_ENTITY_PLACE)
    return FALSE;
  *last = l;
  if (adjective)
    *adjective = hit->kind == RWB_LEX_ADJECTIVE;
  return TRUE;
}

/* Whether anything the lexicon knows starts at @k. */
static gboolean
lexicon_at (Ctx *ctx, GArray *tokens, guint k)
{
  guint l, cand;
  const RwbLexHit *hit;
  return lookup_phrase (ctx, tokens, k, &l, &hit, &cand);
}

/* What @k adds to a name that has words before it. */
static Part
name_tail_part (Ctx *ctx, GArray *tokens, guint k)
{
  Token *t = TOK (k);
  if (!t->arabic || t->mention >= 0)
    return PART_NONE;
  const char *f = t->form;
  glong n = g_utf8_strlen (f, -1);
  /* للاستشارات، للاتصالات: ل + ال + a plural sector noun is a tail even when the noun also
   * states a relation; a verbal noun there is a purpose ("للتعاون مع"). */
  gboolean tail = g_str_has_prefix (f, "\xd9\x84\xd9\x84") && n >= 5;
  if (starts_trigger (ctx, t) && !(tail && g_str_has_suffix (f, "\xd8\xa7\xd8\xaa") /* ات */))
    return PART_NONE;
  if (t->cue & RWB_CUE_LEGAL_FORM)
    return PART_LEGAL;
  if (t->cue & RWB_CUE_NAME_ADJECTIVE)
    return PART_ADJECTIVE;
  if (blocking_cue (t) != 0 || (t->cue & RWB_CUE_ORDINARY_ADJECTIVE))
    return PART_NONE;
  /* للبتروكيماويات: ل + ال + a sector noun. */
  if (tail)
    return PART_TAIL;
  if (definite (t) && t->n_cands == 1 && n >= 5
      && (surface_ends_in_yaa (ctx, t) || g_str_has_suffix (f, "\xd9\x8a\xd9\x87") /* ـية */))
    {
      guint last;
      gboolean adjective = FALSE;
      if (place_at (ctx, tokens, k, &last, &adjective) && adjective && last == k)
        return PART_PLACE_NISBA;
      return lexicon_at (ctx, tokens, k) ? PART_NONE : PART_NISBA;
    }
  return PART_NONE;
}

/* A feminine definite adjective after a sector tail ("للطاقة المتجددة"): no cue, no lexicon
 * name, no clitic, five letters or more, ending in ة. */
static gboolean
tail_adjective (Ctx *ctx, GArray *tokens, guint k)
{
  Token *t = TOK (k);
  if (!t->arabic || t->mention >= 0 || t->cue != 0 || !definite (t) || t->n_cands != 1
      || starts_trigger (ctx, t) || g_utf8_strlen (t->form, -1) < 5
      || !g_str_has_suffix (t->form, "\xd9\x87") /* ة, folded to ه */)
    return FALSE;
  return !lexicon_at (ctx, tokens, k);
}

/* A word of an idafa chain after an indefinite word: a definite noun that is not a sector or
 * common word ("بيت التمويل" yes, "شركة نماء العام" no), or a place ("موانئ دبي"). Returns the
 * last token of the word or place, or -1. */
static gint
idafa_word (Ctx *ctx, GArray *tokens, guint k)
{
  Token *t = TOK (k);
  if (!t->arabic || t->mention >= 0 || starts_trigger (ctx, t) || blocking_cue (t) != 0)
    return -1;
  guint last;
  if (place_at (ctx, tokens, k, &last, NULL))
    return (gint) last;
  if (!definite (t) || t->n_cands != 1 || generic_word (ctx, t) || lexicon_at (ctx, tokens, k)
      || g_utf8_strlen (t->form, -1) < 4)
    return -1;
  return (gint) k;
}

/* "لتطوير العقارات": ل, a verbal noun of the form تفعيل (five letters or more, no article),
 * then a definite noun that is no name or cue. */
static gboolean
trade_tail (Ctx *ctx, GArray *tokens, guint k)
{
  Token *t = TOK (k), *n = TOK (k + 1);
  if (!t->arabic || t->mention >= 0 || !g_str_has_prefix (t->form, "\xd9\x84\xd8\xaa") /* لت */
      || g_utf8_strlen (t->form, -1) < 5)
    return FALSE;
  gboolean lam = FALSE;
  for (guint c = 1; c < t->n_cands; c++)
    lam |= t->stripped[c] == 1 && t->keys[c] == t->cands[c];
  if (!lam)
    return FALSE;
  return n->arabic && n->mention < 0 && definite (n) && n->n_cands == 1 && blocking_cue (n) == 0
         && !lexicon_at (ctx, tokens, k + 1);
}

/* Reads the words after the name's first word(s), which end at @k. Returns the name's last
 * token and counts what it met. */
static guint
read_chain (Ctx *ctx, GArray *tokens, guint k, gboolean indefinite_before, guint *n_tails,
            guint *n_adjectives, guint *n_place_nisbas, guint *plain_last)
{
  guint words = 1;
  *plain_last = k;
  while (k + 1 < tokens->len && words < MAX_ORG_WORDS)
    {
      guint n = k + 1;
      Part p = name_tail_part (ctx, tokens, n);
      /* "لتطوير العقارات السكنية"، "لتجارة السيارات": ل + a verbal noun in ت and the
       * definite noun it governs name the trade, like a sector tail. */
      if (p == PART_NONE && *n_tails == 0 && n + 1 < tokens->len && trade_tail (ctx, tokens, n))
        {
          (*n_tails)++;
          k = n + 1, words += 2, indefinite_before = FALSE;
          *plain_last = k;
          if (k + 1 < tokens->len && (tail_adjective (ctx, tokens, k + 1)
                                      || name_tail_part (ctx, tokens, k + 1) == PART_NISBA))
            k++, words++, *plain_last = k;
          continue;
        }
      if (p == PART_TAIL && *n_tails > 0)
        break; /* "للاستشارات للعمل": a second ل-phrase says what for */
      if (p == PART_TAIL)
        {
          (*n_tails)++;
          k = n, words++, indefinite_before = FALSE;
          *plain_last = k;
          /* "للطاقة المتجددة"، "للصناعات الغذائية": the sector's own adjective. */
          if (k + 1 < tokens->len && tail_adjective (ctx, tokens, k + 1))
            k++, words++, *plain_last = k;
          continue;
        }
      if (p == PART_LEGAL || p == PART_ADJECTIVE || p == PART_NISBA)
        {
          (*n_adjectives)++;
          k = n, words++, indefinite_before = FALSE;
          *plain_last = k;
          continue;
        }
      if (p == PART_PLACE_NISBA)
        {
          (*n_place_nisbas)++;
          k = n, words++, indefinite_before = FALSE;
          continue;
        }
      if (indefinite_before && *n_tails == 0)
        {
          gint w = idafa_word (ctx, tokens, n);
          if (w >= 0)
            {
              k = (guint) w, words++, indefinite_before = FALSE;
              *plain_last = k;
              continue;
            }
        }
      break;
    }
  return k;
}

/* A sector noun and a nationality after a company's head noun, "الحديد الأردنية" or "صناعة
 * الحديد الأردنية", with no name after them: returns the nationality's token, or -1. */
static gint
sector_nisba_end (Ctx *ctx, GArray *tokens, guint k)
{
  Token *t = TOK (k);
  if (!t->arabic || t->mention >= 0 || !generic_word (ctx, t) || t->n_cands != 1)
    return -1;
  if (!definite (t))
    {
      /* صناعة الحديد: an indefinite sector noun before a definite one. */
      if (k + 1 >= tokens->len || !definite (TOK (k + 1)) || !generic_word (ctx, TOK (k + 1))
          || TOK (k + 1)->n_cands != 1 || TOK (k + 1)->mention >= 0)
        return -1;
      k++;
    }
  if (k + 1 >= tokens->len || name_tail_part (ctx, tokens, k + 1) != PART_PLACE_NISBA)
    return -1;
  /* No name after it, even past a describing word or two ("الصينية العملاقة بايدو"). */
  for (guint j = k + 2; j < tokens->len && j <= k + 4; j++)
    {
      Token *n = TOK (j);
      if (name_like_arabic (ctx, n) || n->capital || is_open_quote (n) || lexicon_at (ctx, tokens, j)
          || (n->cue & (RWB_CUE_LEGAL_FORM | RWB_CUE_NAME_ADJECTIVE)))
        return -1;
      if (!n->arabic || !definite (n) || n->n_cands != 1 || n->mention >= 0)
        break; /* the name ends before a verb, a preposition or punctuation */
    }
  return (gint) k + 1;
}

/* "والري" after "وزارة الزراعة", "وتنمية الريف" after "وزارة الزراعة": و and a second
 * field of the same body, a definite noun or an idafa of two words. Not another body ("وهيئة
 * السوق") or a company ("والشركة"). Returns its last token, or -1. */
static gint
field_conjunct (Ctx *ctx, GArray *tokens, guint k)
{
  Token *t = TOK (k);
  if (!t->arabic || t->mention >= 0 || !g_str_has_prefix (t->form, "\xd9\x88") /* و */
      || starts_trigger (ctx, t))
    return -1;
  for (guint c = 1; c < t->n_cands; c++)
    {
      if (t->stripped[c] != 1)
        continue;
      RwbCueFlags f = cue_of (ctx->lex, t->cands[c]) | cue_of (ctx->lex, t->keys[c]);
      if ((f & ~(RwbCueFlags) RWB_CUE_NAME_WORDS) != 0 || g_utf8_strlen (t->keys[c], -1) < 3)
        return -1;
      if (t->keys[c] != t->cands[c])
        return (gint) k; /* والماء */
      if (k + 1 < tokens->len)
        {
          Token *n = TOK (k + 1);
          if (definite (n) && n->n_cands == 1 && n->mention < 0 && blocking_cue (n) == 0
              && !starts_trigger (ctx, n) && !lexicon_at (ctx, tokens, k + 1))
            return (gint) k + 1; /* وتنمية الريف */
        }
      return -1;
    }
  return -1;
}

/* Institutions are named with their head noun (بنك مصر، هيئة السوق المالية); companies by
 * their own name (شركة نماء للحديد → نماء للحديد), with the head kept as an alias. */
static gboolean
head_in_name (Ctx *ctx, const Token *head)
{
  for (guint c = 0; c < head->n_cands; c++)
    {
      RwbCueFlags f = cue_of (ctx->lex, head->keys[c]) | cue_of (ctx->lex, head->cands[c]);
      if (f & RWB_CUE_ORGANIZATION)
        return TRUE;
      if (f & RWB_CUE_BANK)
        return TRUE;
    }
  return FALSE;
}

/* A copy of @text, which starts with the head noun @head, without the clitic the head
 * carries ("لشركة نماء" → "شركة نماء"); ل before the article is written without its alef,
 * which comes back ("للشركة الوطنية" → "الشركة الوطنية"). */
static char *
without_head_clitic (Ctx *ctx, const Token *head, const char *text)
{
  for (guint c = 1; c < head->n_cands; c++)
    if ((cue_of (ctx->lex, head->cands[c]) | cue_of (ctx->lex, head->keys[c]))
        & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_BANK))
      {
        const char *rest = g_utf8_offset_to_pointer (text, head->stripped[c]);
        if (g_str_has_prefix (head->form, "\xd9\x84\xd9\x84") /* لل */
            && head->keys[c] != head->cands[c] && g_str_has_prefix (rest, "\xd9\x84"))
          return g_strconcat ("\xd8\xa7" /* ا */, rest, NULL);
        return g_strdup (rest);
      }
  return g_strdup (text);
}

/* A Latin name in parentheses right after token @k: "الشركة الأردنية العامة للهندسة المدنية
 * (JGCE)". Sets its first and last token. */
static gboolean
paren_latin_after (GArray *tokens, guint k, guint *first, guint *last)
{
  if (k + 3 >= tokens->len || !form_is (TOK (k + 1), "("))
    return FALSE;
  guint l = k + 2;
  if (!TOK (l)->latin || !TOK (l)->capital || TOK (l)->mention >= 0)
    return FALSE;
  while (l + 1 < tokens->len && l - k < 7 && TOK (l + 1)->latin && TOK (l + 1)->mention < 0)
    l++;
  if (l + 1 >= tokens->len || !form_is (TOK (l + 1), ")"))
    return FALSE;
  *first = k + 2, *last = l;
  return TRUE;
}

static gboolean paren_acronym_after (Ctx *ctx, GArray *tokens, guint k, guint *first,
                                     guint *last);

/* The entity for an Arabic organization name ending at @last: the one the lexicon knows by
 * the Latin name in parentheses after it, if any (the Arabic name joins it as an alias), else
 * a new one, with an unknown Latin name in parentheses as its alias and mention. */
guint
entity_with_paren_latin (Ctx *ctx, GArray *tokens, GArray *mentions, guint last,
                         const char *arabic, RwbEntityType type, const char *rule)
{
  guint lf, ll, l, cand;
  const RwbLexHit *hit;
  if (!paren_latin_after (tokens, last, &lf, &ll))
    {
      /* "(آر إن إف)": an acronym in Arabic letters is an alias and a mention. */
      guint e = entity_for_pattern (ctx, NULL, arabic, type, rule);
      if (paren_acronym_after (ctx, tokens, last, &lf, &ll))
        {
          g_autofree char *acronym = span_text (ctx, tokens, lf, ll);
          entity_add_alias (ctx, e, acronym);
          add_mention (ctx, tokens, mentions, lf, ll, e, MENTION_NAME);
        }
      return e;
    }
  if (lookup_phrase (ctx, tokens, lf, &l, &hit, &cand) && l == ll
      && hit->kind == RWB_LEX_NAME)
    {
      RwbLexEntry *entry = g_ptr_array_index (ctx->lex->entries, hit->entry);
      if (entry->type == RWB_ENTITY_COMPANY || entry->type == RWB_ENTITY_ORGANIZATION)
        return entity_for_entry (ctx, hit->entry, arabic); /* the lexicon rule reads the Latin */
    }
  guint e = entity_for_pattern (ctx, NULL, arabic, type, rule);
  g_autofree char *latin = span_text (ctx, tokens, lf, ll);
  entity_add_alias (ctx, e, latin);
  add_mention (ctx, tokens, mentions, lf, ll, e, MENTION_NAME);
  return e;
}

static void
emit (Ctx *ctx, GArray *tokens, GArray *mentions, guint head, guint first, guint last,
      guint plain_last, RwbEntityType type, gboolean with_head, gboolean name_whole,
      const char *rule)
{
  guint from = with_head ? head : first;
  g_autofree char *name
    = span_text (ctx, tokens, from, plain_last >= from && !name_whole ? plain_last : last);
  g_autofree char *shown = from == head ? without_head_clitic (ctx, TOK (head), name)
                                         : g_strdup (name);
  guint e = entity_with_paren_latin (ctx, tokens, mentions, last, shown, type, rule);
  /* The other forms an article or an annotator may use: with or without the head noun,
   * without a trailing place nisba (بنك نهضة الأردني → بنك نهضة). */
  if (first != head)
    {
      g_autofree char *bare = span_text (ctx, tokens, first, plain_last);
      g_autofree char *headed_text = span_text (ctx, tokens, head, plain_last);
      g_autofree char *headed = without_head_clitic (ctx, TOK (head), headed_text);
      /* A sector word alone ("الحديد") names no company. */
      if (!name_whole)
        entity_add_alias (ctx, e, bare);
      entity_add_alias (ctx, e, headed);
    }
  if (plain_last < last && plain_last >= first)
    {
      g_autofree char *full = span_text (ctx, tokens, from, last);
      entity_add_alias (ctx, e, full);
    }
  /* A trailing place nisba stays a mention of its own (the company's country): the name with
   * it is an alias. */
  if (plain_last < last && plain_last >= first)
    last = plain_last;
  add_mention (ctx, tokens, mentions, from, last, e, MENTION_NAME);
  say (ctx, "entity “%s” (%s) ← pattern %s at %u–%u", shown, rwb_entity_type_to_string (type),
       rule, TOK (from)->span.start, TOK (last)->span.end);
  /* Its first word alone, later in the article, is the same organization. */
  if (first != from || last > first)
    {
      const Token *f = TOK (first);
      guint pl;
      if (f->arabic && !generic_word (ctx, f) && g_utf8_strlen (f->keys[0], -1) >= 3
          && !place_at (ctx, tokens, first, &pl, NULL))
        g_hash_table_insert (ctx->short_forms, g_strdup (f->keys[0]), GUINT_TO_POINTER (e + 1));
    }
}

/* The organization named in full earlier in the document whose first word @t is, or -1. */
gint
arabic_short_form (Ctx *ctx, const Token *t)
{
  if (g_hash_table_size (ctx->short_forms) == 0)
    return -1;
  for (guint c = 0; c < t->n_cands; c++)
    {
      guint idx = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->short_forms, t->keys[c]));
      if (idx > 0)
        return (gint) idx - 1;
    }
  return -1;
}

/* A given name inside a company's name ("أولاد سالم"): علي is the name, not على. */
static gboolean
given_name_word (Ctx *ctx, Token *t)
{
  if (!t->arabic || t->mention >= 0 || t->n_cands != 1 || !(t->cue & RWB_CUE_GIVEN_ANY))
    return FALSE;
  return (blocking_cue (t) == 0 || surface_ends_in_yaa (ctx, t)) && !starts_trigger (ctx, t);
}

/* An acronym in parentheses right after token @k: Latin capitals "(TES)" or Arabic letter
 * names "(آر إن إف)". Sets its first and last token. */
static gboolean
paren_acronym_after (Ctx *ctx, GArray *tokens, guint k, guint *first, guint *last)
{
  if (paren_latin_after (tokens, k, first, last))
    return TRUE;
  if (k + 3 >= tokens->len || !form_is (TOK (k + 1), "("))
    return FALSE;
  guint l = k + 2;
  while (l < tokens->len && l - k < 8 && TOK (l)->arabic && TOK (l)->mention < 0
         && (cue_of (ctx->lex, TOK (l)->form) & RWB_CUE_LETTER_NAME))
    l++;
  if (l < k + 4 || l >= tokens->len || !form_is (TOK (l), ")"))
    return FALSE; /* two letters or more */
  *first = k + 2, *last = l - 1;
  return TRUE;
}

/* "ومجموعة الفرحاني"، "شركة المراعي": one definite word after an indefinite company head is
 * the name when nothing more general reads it — not a sector or common word, an adjective,
 * a nisba the lexicon knows as a place's, or a noun ending in ة / ات (a description: "شركة
 * الإدارة"). */
static gboolean
lone_definite_name (Ctx *ctx, GArray *tokens, guint i, guint last)
{
  Token *w = TOK (i);
  if (last != i || (w->cue & (RWB_CUE_ORDINARY_ADJECTIVE | RWB_CUE_NAME_ADJECTIVE)) != 0)
    return FALSE;
  if (g_str_has_suffix (w->form, "\xd9\x87") /* ة */ || g_str_has_suffix (w->form, "\xd8\xa7\xd8\xaa"))
    return FALSE;
  guint pl;
  gboolean adjective = FALSE;
  if (place_at (ctx, tokens, i, &pl, &adjective))
    return FALSE;
  /* The word after must close the name: punctuation (not a quote: a quoted name is read by
   * its own rule), في, مع, من, إلى, a verb of saying or a relative pronoun. */
  if (i + 1 >= tokens->len)
    return TRUE;
  const Token *n = TOK (i + 1);
  if (!n->word)
    return !is_open_quote (n) && !is_close_quote (n) && !(i >= 2 && is_open_quote (TOK (i - 2)));
  return n->mention < 0
         && (n->cue & (RWB_CUE_LOCATIVE | RWB_CUE_OBJECT | RWB_CUE_SPEECH | RWB_CUE_RELATIVE)) != 0;
}

/* After a head noun at @i - 1: "شركة نماء للحديد"، "بنك الكويت الوطني"، "مجموعة النخيل
 * القابضة"، "شركة نفط الكويت". Returns FALSE, touching nothing, when the words after the head
 * are no name this rule can read (the simpler rules then try). */
gboolean
arabic_org_after_head (Ctx *ctx, GArray *tokens, guint i, GArray *mentions, guint *out_last)
{
  if (i == 0)
    return FALSE;
  Token *head = TOK (i - 1);
  RwbCueFlags hc = head->cue;
  if (!(hc & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_BANK)) || !head->arabic
      || head->mention >= 0 || counted_noun (tokens, i - 1))
    return FALSE;
  Token *w = TOK (i);
  if (!w->arabic || w->mention >= 0)
    return FALSE;
  RwbEntityType type = (hc & RWB_CUE_ORGANIZATION) && !(hc & (RWB_CUE_COMPANY | RWB_CUE_BANK))
                         ? RWB_ENTITY_ORGANIZATION
                         : RWB_ENTITY_COMPANY;
  gboolean institution = head_in_name (ctx, head);
  /* "وزارة المالية"، "هيئة التأمين": a public body named by its field, one definite noun. */
  gboolean field_head = (hc & RWB_CUE_ORG_HEAD) && (hc & RWB_CUE_ORGANIZATION);
  guint k = i, last = 0, plain_last = 0;
  gint sector_end;
  gboolean indefinite = FALSE, first_place = FALSE, first_definite = FALSE, sector_name = FALSE;
  guint place_last;
  gboolean adjective = FALSE;
  if (place_at (ctx, tokens, i, &place_last, &adjective))
    {
      /* "بنك مصر"، "جامعة القاهرة"، "شركة قطر للطاقة". */
      if (adjective)
        return FALSE; /* "شركة صينية" */
      k = place_last, first_place = TRUE;
    }
  else if (lexicon_at (ctx, tokens, i))
    return FALSE; /* a company the lexicon knows: its own rule reads it */
  else if (field_head && definite (w) && w->n_cands == 1 && blocking_cue (w) == 0
           && !starts_trigger (ctx, w) && g_utf8_strlen (w->form, -1) >= 4)
    first_definite = TRUE;
  else if (generic_word (ctx, w) && (sector_end = sector_nisba_end (ctx, tokens, i)) >= 0)
    {
      /* "شركة الحديد الأردنية"، "شركة صناعة الحديد الأردنية": a sector and a nationality make
       * the name, unless a name follows that they describe ("شركة الشحن الإماراتية أرامكس"). */
      last = (guint) sector_end;
      plain_last = last - 1;
      sector_name = TRUE;
    }
  else if (generic_word (ctx, w) && !definite (w))
    {
      /* "شركة نفط الكويت"، "شركة طيران الخليج": a sector noun in idafa with a place. */
      if (i + 1 >= tokens->len || !place_at (ctx, tokens, i + 1, &place_last, &adjective)
          || adjective)
        return FALSE;
      k = place_last; /* the sector noun makes it a name: no chain needed */
    }
  else if (name_like_arabic (ctx, w))
    indefinite = TRUE;
  else if (definite (w) && w->n_cands == 1 && blocking_cue (w) == 0 && !generic_word (ctx, w)
           && !starts_trigger (ctx, w) && g_utf8_strlen (w->form, -1) >= 4)
    first_definite = TRUE;
  else
    return FALSE;

  guint tails = 0, adjectives = 0, place_nisbas = 0;
  if (!sector_name)
    {
      plain_last = k;
      last = read_chain (ctx, tokens, k, indefinite, &tails, &adjectives, &place_nisbas,
                         &plain_last);
    }
  /* "وزارة الزراعة والري": a second field joined by و, then what closes the name. */
  if (field_head && first_definite)
    {
      gint c = last + 1 < tokens->len ? field_conjunct (ctx, tokens, last + 1) : -1;
      if (c >= 0)
        {
          guint t2 = 0, a2 = 0, p2 = 0, pl2 = (guint) c;
          guint l2 = read_chain (ctx, tokens, (guint) c, FALSE, &t2, &a2, &p2, &pl2);
          last = l2, plain_last = pl2, tails += t2, adjectives += a2, place_nisbas += p2;
        }
    }
  /* "شركة نجم الساحل للتطوير": a name of two or three proper words is closed by a sector tail,
   * a legal form or a name adjective after them. */
  if (indefinite && last == i)
    {
      /* Also a person's name inside ("شركة أولاد سالم الهاجري للسيارات": a given name, and a
       * family name with the article last), or a name closed by its acronym in parentheses
       * ("شركة رمل نيو فيوتشر (آر إن إف)"). */
      guint k2 = i;
      gboolean given = FALSE;
      while (k2 + 1 < tokens->len && k2 - i < 3
             && (name_like_arabic (ctx, TOK (k2 + 1)) || given_name_word (ctx, TOK (k2 + 1))))
        given |= given_name_word (ctx, TOK (++k2));
      gboolean family = FALSE;
      if (given && k2 + 1 < tokens->len && k2 - i < 3 && definite (TOK (k2 + 1))
          && TOK (k2 + 1)->n_cands == 1 && TOK (k2 + 1)->mention < 0
          && blocking_cue (TOK (k2 + 1)) == 0 && !generic_word (ctx, TOK (k2 + 1))
          && !starts_trigger (ctx, TOK (k2 + 1)) && !lexicon_at (ctx, tokens, k2 + 1)
          && name_tail_part (ctx, tokens, k2 + 1) == PART_NONE)
        k2++, family = TRUE;
      if (k2 > i)
        {
          guint t2 = 0, a2 = 0, p2 = 0, pl2 = k2;
          guint l2 = read_chain (ctx, tokens, k2, FALSE, &t2, &a2, &p2, &pl2);
          guint lf, ll;
          if (family ? t2 > 0 : t2 + a2 > 0)
            last = l2, plain_last = pl2, tails = t2, adjectives = a2, place_nisbas = p2;
          /* "شركة ومضة كابيتال": a business word in Arabic letters ends the name. */
          else if (!family && (cue_of (ctx->lex, TOK (k2)->form) & RWB_CUE_LOANWORD))
            last = plain_last = k2, adjectives = 1;
          else if (!family && k2 + 1 < tokens->len && form_is (TOK (k2 + 1), "(")
                   && paren_acronym_after (ctx, tokens, k2, &lf, &ll))
            last = plain_last = k2;
        }
    }
  /* A definite word after the head is a name only when the chain goes on: "مجموعة النخيل
   * القابضة" is; "مجلس الإدارة" and "شركة الاتصالات" are not. A place alone after شركة is
   * no name ("شركات الصين"); after بنك or هيئة it is. */
  if (first_definite && tails + adjectives == 0 && !quoted (tokens, i, last) && !field_head
      && !(hc & RWB_CUE_BANK) && !lone_definite_name (ctx, tokens, i, last))
    return FALSE;
  if (first_place && last == place_last && !institution)
    return FALSE;
  if (indefinite && last == i)
    return FALSE; /* one word: arabic_name_after_cue reads it as before */
  emit (ctx, tokens, mentions, i - 1, i, last, plain_last, type, institution || sector_name,
        sector_name,
        "arabic-organization-grammar");
  *out_last = plain_last < last ? plain_last : last;
  return TRUE;
}

/* A definite head noun opening a name made of common words: "البنك العربي الوطني"، "الهيئة
 * العامة للمنافسة"، "الشركة الوطنية للسيارات الصناعية". The chain must say it is a name: two
 * adjectives, or an adjective and a sector tail, and not only place nisbas ("الشركة الصينية"
 * describes a company named before). */
gboolean
arabic_definite_org (Ctx *ctx, GArray *tokens, guint i, GArray *mentions, guint *out_last)
{
  Token *t = TOK (i);
  if (t->mention >= 0 || i + 2 >= tokens->len || !t->arabic)
    return FALSE;
  /* "الشركة الوطنية …", and with a clitic when named again: "للشركة الوطنية …". */
  RwbCueFlags key_cue = 0;
  for (guint c = 0; c < t->n_cands && key_cue == 0; c++)
    if (t->keys[c] != t->cands[c])
      key_cue = cue_of (ctx->lex, t->keys[c]) & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_BANK);
  if (!(key_cue & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_BANK)))
    return FALSE;
  guint tails = 0, adjectives = 0, place_nisbas = 0, plain_last = i;
  guint last = read_chain (ctx, tokens, i, FALSE, &tails, &adjectives, &place_nisbas,
                           &plain_last);
  if (adjectives == 0 || (adjectives + tails + place_nisbas < 2))
    return FALSE;
  RwbEntityType type = (key_cue & RWB_CUE_ORGANIZATION)
                           && !(key_cue & (RWB_CUE_COMPANY | RWB_CUE_BANK))
                         ? RWB_ENTITY_ORGANIZATION
                         : RWB_ENTITY_COMPANY;
  /* Here a place nisba names the institution ("البنك المركزي المصري"): it stays in. */
  emit (ctx, tokens, mentions, i, i, last, last, type, TRUE, FALSE, "arabic-definite-organization");
  *out_last = last;
  return TRUE;
}

/* Whether @t is an acronym spelled in Arabic letter names joined by dots, "كيو.إل.تي"،
 * "بي.إل.إم" (one word to the segmenter): at least two letters; a stop may close it. */
static gboolean
letter_acronym (Ctx *ctx, const Token *t)
{
  if (!t->arabic || t->mention >= 0 || strchr (t->form, '.') == NULL)
    return FALSE;
  g_auto (GStrv) parts = g_strsplit (t->form, ".", -1);
  guint n = 0;
  for (guint k = 0; parts[k]; k++)
    {
      if (parts[k][0] == '\0' && parts[k + 1] == NULL && n > 0)
        break;
      if (!(cue_of (ctx->lex, parts[k]) & RWB_CUE_LETTER_NAME))
        return FALSE;
      n++;
    }
  return n >= 2;
}

/* Whether @t is a letter name and nothing else ("بي"، "كيه"; not "في" or "أو", which are also
 * words). */
static gboolean
pure_letter_name (Ctx *ctx, const Token *t)
{
  if (!t->arabic || t->mention >= 0 || !(t->cue & RWB_CUE_LETTER_NAME))
    return FALSE;
  RwbCueFlags f = cue_of (ctx->lex, t->form);
  return (f & RWB_CUE_LETTER_NAME) && (f & ~(RwbCueFlags) RWB_CUE_LETTER_NAME) == 0;
}

/* An acronym spelled in letter names at @i: one dotted word ("كيو.إل.تي") or a run of separate
 * letter names ("إتش إس بي سي"، "بي إم كيه"). A run starts and ends with a letter that is no
 * other word, so "في" and "أو" end none; it may hold them inside. Sets its last token. */
static gboolean
letter_run (Ctx *ctx, GArray *tokens, guint i, guint *out_last)
{
  if (letter_acronym (ctx, TOK (i)))
    {
      *out_last = i;
      return TRUE;
    }
  if (!pure_letter_name (ctx, TOK (i)))
    return FALSE;
  guint last = i;
  for (guint k = i + 1; k < tokens->len && k - i < 8; k++)
    {
      const Token *t = TOK (k);
      if (!t->arabic || t->mention >= 0 || !(cue_of (ctx->lex, t->form) & RWB_CUE_LETTER_NAME))
        break;
      if (pure_letter_name (ctx, t))
        last = k;
    }
  if (last == i)
    return FALSE;
  *out_last = last;
  return TRUE;
}

/* "إيه.بي.سي"، "شركة بي.إل.إم"، "مجموعة بي إم كيه"، "كيو.إل.تي كارغو"، "شركة إف.جي.إل
 * للنقل": an acronym spelled in Arabic letters is a name; one name-like word right after it
 * and the chain that follows (sector tails, legal forms) belong to it. An organization when
 * an organization's head noun stands before it; else a company. */
gboolean
arabic_letter_acronym (Ctx *ctx, GArray *tokens, guint i, GArray *mentions, guint *out_last)
{
  guint last, place_last;
  if (!letter_run (ctx, tokens, i, &last) || lexicon_at (ctx, tokens, i))
    return FALSE; /* a company the lexicon knows ("إتش إس بي سي"): its own rule reads it */
  if (last + 1 < tokens->len && name_like_arabic (ctx, TOK (last + 1))
      && !lexicon_at (ctx, tokens, last + 1)
      && !place_at (ctx, tokens, last + 1, &place_last, NULL))
    last++;
  guint tails = 0, adjectives = 0, place_nisbas = 0, plain_last = last;
  last = read_chain (ctx, tokens, last, FALSE, &tails, &adjectives, &place_nisbas, &plain_last);
  RwbCueFlags before = i > 0 && TOK (i - 1)->arabic && TOK (i - 1)->mention < 0
                         ? TOK (i - 1)->cue
                         : 0;
  RwbEntityType type = (before & RWB_CUE_ORGANIZATION) && !(before & (RWB_CUE_COMPANY | RWB_CUE_BANK))
                         ? RWB_ENTITY_ORGANIZATION
                         : RWB_ENTITY_COMPANY;
  guint head = (before & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_BANK)) ? i - 1 : i;
  emit (ctx, tokens, mentions, head, i, last, plain_last, type, FALSE, FALSE,
        "arabic-letter-acronym");
  *out_last = plain_last < last ? plain_last : last;
  return TRUE;
}
