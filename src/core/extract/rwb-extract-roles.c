/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-extract-roles.c — people named by their role in an organization, from the grammar of
 * Arabic news: a title, the organization it belongs to, then the person —
 *   "الرئيس التنفيذي لشركة نماء للحديد سامر الخطيب، …"
 *   "رئيس مجلس إدارة بنك الريان، المهندس فلان الفلاني"
 *   "الرئيس التنفيذي للشركة فلان الفلاني قوله …"
 * or the person first: "سامر الخطيب، الرئيس التنفيذي لشركة نماء". The slot after the
 * organization holds a name even when no lexicon knows its words (a foreign name written in
 * Arabic letters), so it is read from its position and its boundaries: the name is two to
 * four words closed by punctuation, a verb of saying or the end of the sentence.
 */
#define G_LOG_DOMAIN "rawabit-extract"

#include "rwb-extract-private.h"

#include <string.h>

#define MAX_SLOT_SKIP 6
#define MAX_SLOT_WORDS 4

static gboolean
is_role_trigger (const TriggerHit *hit)
{
  return hit->trigger->type == RWB_RELATION_EXECUTIVE || hit->trigger->type == RWB_RELATION_FOUNDER;
}

static gboolean
is_org_entity (Ctx *ctx, guint entity)
{
  RwbEntityType t = etype (ctx, entity);
  return t == RWB_ENTITY_COMPANY || t == RWB_ENTITY_ORGANIZATION;
}

static gboolean
is_dash (const Token *t)
{
  return g_str_equal (t->form, "-") || g_str_equal (t->form, "\xe2\x80\x93") /* – */
         || g_str_equal (t->form, "\xe2\x80\x94") /* — */ || g_str_equal (t->form, ":");
}

static gboolean
is_punct_boundary (const Token *t)
{
  const char *f = t->form;
  return g_str_equal (f, ",") || g_str_equal (f, "\xd8\x8c") /* ، */ || g_str_equal (f, ".")
         || g_str_equal (f, ":") || g_str_equal (f, ";") || g_str_equal (f, "\xd8\x9b") /* ؛ */
         || g_str_equal (f, "(") || g_str_equal (f, ")") || is_dash (t) || is_open_quote (t)
         || is_close_quote (t);
}

/* The organization a title at @hit_last belongs to: a mention right after it ("رئيس مجلس
 * إدارة مجموعة لولو"), or after the head noun that carries the ل of the title ("لشركة
 * نماء", which the mention may leave out), or "للشركة" standing for one named before.
 * Returns the last token of the organization, or -1; *org_mention gets the mention covering
 * it or -1 (a reference not resolved yet). */
static gint
title_org (Ctx *ctx, GArray *tokens, GArray *mentions, guint hit_last, gint *org_mention)
{
  guint j = hit_last + 1;
  *org_mention = -1;
  /* "الرئيس التنفيذي لـ"نوفارا"": a bare ل and an opening quote stand before the name. */
  if (j < tokens->len && form_is (TOK (j), "\xd9\x84") /* ل */)
    j++;
  if (j < tokens->len && is_open_quote (TOK (j)))
    j++;
  if (j >= tokens->len)
    return -1;
  Token *t = TOK (j);
  if (t->mention < 0 && (t->cue & RWB_CUE_COREF_ONE) && t->arabic)
    return (gint) j; /* "للشركة": resolved later */
  if (t->mention < 0 && (t->cue & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_BANK))
      && j + 1 < tokens->len)
    {
      t = TOK (++j);
      /* "لشركة “دي إس كيو”": the quoted name after the head noun. */
      if (t->mention < 0 && is_open_quote (t) && j + 1 < tokens->len)
        t = TOK (++j);
    }
  if (t->mention < 0)
    return -1;
  Mention *m = &g_array_index (mentions, Mention, t->mention);
  if (m->first != j && m->first + 1 != j)
    return -1;
  if (m->kind == MENTION_ADJECTIVE || !is_org_entity (ctx, m->entity))
    return -1;
  *org_mention = t->mention;
  guint last = m->last;
  /* "(RGC)" or a place nisba right after the name belongs with it. */
  for (guint k = last + 1; k < tokens->len && k <= last + MAX_SLOT_SKIP; k++)
    {
      Token *x = TOK (k);
      if (form_is (x, "(") || form_is (x, ")") || is_close_quote (x))
        {
          last = k;
          continue;
        }
      /* "لمجموعة BTX العالمية": a nisba describing the organization, no mention of its own. */
      if (x->mention < 0 && x->arabic && x->keys[0] != x->cands[0]
          && (x->cue & ~(RwbCueFlags) (RWB_CUE_NAME_ADJECTIVE | RWB_CUE_ORDINARY_ADJECTIVE)) == 0
          && (g_str_has_suffix (x->form, "\xd9\x8a\xd9\x87") /* ية, in the matching form */
                             || g_str_has_suffix (x->form, "\xd9\x8a") /* ي */))
        {
          last = k;
          continue;
        }
      if (x->mention >= 0)
        {
          Mention *y = &g_array_index (mentions, Mention, x->mention);
          /* The organization's own acronym in parentheses, "(RGC)", whatever it was read
           * as. */
          gboolean parenthesized = k > 0 && form_is (TOK (k - 1), "(") && y->last + 1 < tokens->len
                                   && form_is (TOK (y->last + 1), ")");
          if (y->entity == m->entity || y->kind == MENTION_ADJECTIVE || parenthesized)
            {
              last = k = y->last;
              continue;
            }
        }
      /* "للشركة X في الشرق الأوسط (JGCE) فلان": where the office is. */
      if (x->mention < 0 && x->arabic && (x->cue & RWB_CUE_LOCATIVE) && x->n_cands == 1
          && k + 1 < tokens->len && TOK (k + 1)->mention >= 0
          && etype (ctx, g_array_index (mentions, Mention, TOK (k + 1)->mention).entity)
               == RWB_ENTITY_PLACE)
        {
          last = k = g_array_index (mentions, Mention, TOK (k + 1)->mention).last;
          continue;
        }
      break;
    }
  return (gint) last;
}

/* The first token of the person's slot after the organization that ends at @org_last:
 * separators and honorifics ("، المهندس") are passed over. */
static guint
slot_start (GArray *tokens, guint org_last)
{
  guint k = org_last + 1;
  for (guint n = 0; k < tokens->len && n < MAX_SLOT_SKIP; n++)
    {
      Token *t = TOK (k);
      gboolean comma = is_comma (t);
      /* "…، والمهندس فلان": و opens the next item of a list; its person holds no title of
       * the organization before. */
      if (t->mention < 0 && t->arabic && (t->cue & RWB_CUE_PERSON) && t->n_cands > 1
          && g_str_has_prefix (t->form, "\xd9\x88"))
        return tokens->len;
      if (t->mention < 0 && (comma || is_dash (t) || ((t->cue & RWB_CUE_PERSON) && t->arabic)))
        k++;
      else
        break;
    }
  return k;
}

/* Whether @t may be a word of a person's name read from its slot. */
static gboolean
slot_word (Ctx *ctx, Token *t, gboolean first)
{
  if (!t->arabic || t->mention >= 0 || starts_trigger (ctx, t))
    return FALSE;
  if (blocking_cue (t) != 0 || (t->cue & (RWB_CUE_LEGAL_FORM | RWB_CUE_NAME_ADJECTIVE
                                           | RWB_CUE_ORDINARY_ADJECTIVE)))
    return FALSE;
  if (g_utf8_strlen (t->form, -1) < 2)
    return FALSE;
  /* "للتطوير": ل + a definite noun is a sector tail or a phrase, never a word of a name. */
  if (g_str_has_prefix (t->form, "\xd9\x84\xd9\x84"))
    return FALSE;
  if (first)
    return (t->cue & RWB_CUE_GIVEN_ANY) || name_like_arabic (ctx, t);
  return TRUE;
}

/* Whether the person's name may end before token @k. */
static gboolean
slot_closed (Ctx *ctx, GArray *tokens, guint k)
{
  if (k >= tokens->len)
    return TRUE;
  Token *t = TOK (k);
  if (is_punct_boundary (t) || (t->cue & RWB_CUE_SPEECH))
    return TRUE;
  /* "… سامي حداد في مقابلة": a preposition or other function word is no part of a name. */
  if (t->arabic && t->n_cands == 1 && (t->cue & (RWB_CUE_STOP | RWB_CUE_LOCATIVE | RWB_CUE_OBJECT)))
    return TRUE;
  if (g_str_equal (t->form, "\xd8\xa7\xd9\x86")) /* ان (إن/أن) */
    return TRUE;
  /* "…، والرئيس التنفيذي": the next role of a list. */
  if (t->arabic && g_str_has_prefix (t->form, "\xd9\x88") && t->n_cands > 1
      && (starts_trigger (ctx, t) || (t->cue & RWB_CUE_PERSON)))
    return TRUE;
  return FALSE;
}

/* A person read from the slot at @k: returns its last token, or -1. */
static gint
read_slot_person (Ctx *ctx, GArray *tokens, guint k)
{
  if (k >= tokens->len || !slot_word (ctx, TOK (k), TRUE))
    return -1;
  guint last = k;
  while (last + 1 < tokens->len && last + 1 - k < MAX_SLOT_WORDS
         && !slot_closed (ctx, tokens, last + 1) && slot_word (ctx, TOK (last + 1), FALSE))
    last++;
  if (last == k || !slot_closed (ctx, tokens, last + 1))
    return -1;
  /* A definite word inside the name is its family name, the last word ("أحمد البسام"): a
   * definite word before another is a phrase ("يوم الثلاثاء المقبل"). */
  for (guint i = k; i < last; i++)
    {
      Token *t = TOK (i);
      if (t->keys[0] != t->cands[0])
        return -1;
    }
  return (gint) last;
}

void
find_title_persons (Ctx *ctx, GArray *tokens, GArray *mentions)
{
  if (mentions->len == 0)
    return;
  g_autoptr (GArray) hits = find_triggers (ctx, tokens);
  for (guint h = 0; h < hits->len; h++)
    {
      const TriggerHit *hit = &g_array_index (hits, TriggerHit, h);
      if (!is_role_trigger (hit) || !TOK (hit->first)->arabic)
        continue;
      gint org_mention;
      gint org_last = title_org (ctx, tokens, mentions, hit->last, &org_mention);
      if (org_last < 0)
        continue;
      guint k = slot_start (tokens, (guint) org_last);
      if (k >= tokens->len || TOK (k)->mention >= 0)
        continue;
      gint last = read_slot_person (ctx, tokens, k);
      if (last < 0)
        continue;
      g_autofree char *name = span_text (ctx, tokens, k, (guint) last);
      guint e = entity_for_pattern (ctx, NULL, name, RWB_ENTITY_PERSON, "arabic-person-after-title");
      add_mention (ctx, tokens, mentions, k, (guint) last, e, MENTION_NAME);
      say (ctx, "entity “%s” (person) ← pattern arabic-person-after-title «%s» at %u–%u", name,
           hit->trigger->text, TOK (k)->span.start, TOK (last)->span.end);
    }
}

/* The mention covering token @k of the sentence, or -1. */
static gint
mention_at (Sent *s, guint k)
{
  return k < s->tokens->len ? g_array_index (s->tokens, Token, k).mention : -1;
}

static gboolean
person_mention (Sent *s, gint m)
{
  if (m < 0)
    return FALSE;
  const Mention *x = &g_array_index (s->mentions, Mention, m);
  return x->kind != MENTION_ADJECTIVE && etype (s->ctx, x->entity) == RWB_ENTITY_PERSON;
}

/* Whether the title at @hit, joined by و and after a person's name ("فلان، والمدير العام
 * لمجموعة Y"), opens the next item of a list of people: the name before is not its holder.
 * ("العبار، مؤسس نون ورئيس مجلس إدارة إعمار" lists one person's roles: a company stands
 * before the و there.) */
gboolean
title_opens_item (Sent *s, const TriggerHit *hit)
{
  GArray *tokens = s->tokens;
  const Token *ht = TOK (hit->first);
  if (!ht->arabic || ht->n_cands < 2 || !g_str_has_prefix (ht->form, "\xd9\x88") /* و */)
    return FALSE;
  guint k = hit->first;
  while (k > 0 && TOK (k - 1)->mention < 0
         && (form_is (TOK (k - 1), ",") || form_is (TOK (k - 1), "\xd8\x8c")))
    k--;
  return k > 0 && person_mention (s, mention_at (s, k - 1));
}

/* Relations of the title slots: the person after "TITLE ل ORG" and the person right before
 * "، TITLE ل ORG" hold that role in ORG. */
void
find_roles (Sent *s)
{
  Ctx *ctx = s->ctx;
  GArray *tokens = s->tokens;
  for (guint h = 0; h < s->triggers->len; h++)
    {
      const TriggerHit *hit = &g_array_index (s->triggers, TriggerHit, h);
      ctx->work++;
      if (!is_role_trigger (hit) || !TOK (hit->first)->arabic)
        continue;
      gint org_mention;
      gint org_last = title_org (ctx, tokens, s->mentions, hit->last, &org_mention);
      if (org_last < 0 || org_mention < 0)
        continue;
      guint org = g_array_index (s->mentions, Mention, org_mention).entity;
      g_autofree char *rule = g_strdup_printf ("title «%s» (%s) + organization + person",
                                               hit->trigger->text, hit->trigger->origin);
      gint after = mention_at (s, slot_start (tokens, (guint) org_last));
      if (person_mention (s, after))
        relate (s, g_array_index (s->mentions, Mention, after).entity, org, hit->trigger->type,
                hit->trigger->confidence, rule);
      /* "سامر الخطيب، الرئيس التنفيذي لشركة نماء": the person right before the title. */
      if (title_opens_item (s, hit))
        continue;
      guint k = hit->first;
      guint skipped = 0;
      while (k > 0 && skipped < 2)
        {
          Token *t = TOK (k - 1);
          gboolean comma = is_comma (t);
          if (t->mention >= 0 || !(comma || is_dash (t)))
            break;
          k--, skipped++;
        }
      gint before = k > 0 ? mention_at (s, k - 1) : -1;
      if (person_mention (s, before))
        {
          g_autofree char *rule2 = g_strdup_printf ("person + title «%s» (%s) + organization",
                                                    hit->trigger->text, hit->trigger->origin);
          relate (s, g_array_index (s->mentions, Mention, before).entity, org,
                  hit->trigger->type, hit->trigger->confidence, rule2);
        }
    }
}

/* Roles a company takes for another, in the accusative after it: "عين بنك X شركة Y مستشارا
 * ماليا" (Y advises X), "اختارت X شركة Y شريكا استراتيجيا". Matching forms. */
static const struct
{
  const char *form;
  RwbRelationType type;
} org_roles[] = {
  { "\xd9\x85\xd8\xb3\xd8\xaa\xd8\xb4\xd8\xa7\xd8\xb1\xd8\xa7", RWB_RELATION_SUPPLY },      /* مستشارا */
  { "\xd9\x85\xd9\x88\xd8\xb1\xd8\xaf\xd8\xa7", RWB_RELATION_SUPPLY },                      /* موردا */
  { "\xd9\x85\xd9\x82\xd8\xa7\xd9\x88\xd9\x84\xd8\xa7", RWB_RELATION_SUPPLY },              /* مقاولا */
  { "\xd9\x88\xd9\x83\xd9\x8a\xd9\x84\xd8\xa7", RWB_RELATION_SUPPLY },                      /* وكيلا */
  { "\xd8\xb4\xd8\xb1\xd9\x8a\xd9\x83\xd8\xa7", RWB_RELATION_PARTNERSHIP },                 /* شريكا */
};

/* The same roles after a copula, in the nominative with the article: "شركة Y لتكون الشريك
 * الرابع لها". Matching forms. */
static const struct
{
  const char *form;
  RwbRelationType type;
} org_roles_definite[] = {
  { "\xd8\xa7\xd9\x84\xd9\x85\xd8\xb3\xd8\xaa\xd8\xb4\xd8\xa7\xd8\xb1", RWB_RELATION_SUPPLY },  /* المستشار */
  { "\xd8\xa7\xd9\x84\xd9\x85\xd9\x88\xd8\xb1\xd8\xaf", RWB_RELATION_SUPPLY },                  /* المورد */
  { "\xd8\xa7\xd9\x84\xd9\x85\xd9\x82\xd8\xa7\xd9\x88\xd9\x84", RWB_RELATION_SUPPLY },          /* المقاول */
  { "\xd8\xa7\xd9\x84\xd9\x88\xd9\x83\xd9\x8a\xd9\x84", RWB_RELATION_SUPPLY },                  /* الوكيل */
  { "\xd8\xa7\xd9\x84\xd8\xb4\xd8\xb1\xd9\x8a\xd9\x83", RWB_RELATION_PARTNERSHIP },             /* الشريك */
};

/* Copulas between a company and the role it takes: لتكون، ليكون، لتصبح، ليصبح، بصفتها،
 * بصفته. Matching forms. */
static const char *const role_copulas[] = {
  "\xd9\x84\xd8\xaa\xd9\x83\xd9\x88\xd9\x86",             /* لتكون */
  "\xd9\x84\xd9\x8a\xd9\x83\xd9\x88\xd9\x86",             /* ليكون */
  "\xd9\x84\xd8\xaa\xd8\xb5\xd8\xa8\xd8\xad",             /* لتصبح */
  "\xd9\x84\xd9\x8a\xd8\xb5\xd8\xa8\xd8\xad",             /* ليصبح */
  "\xd8\xa8\xd8\xb5\xd9\x81\xd8\xaa\xd9\x87\xd8\xa7",   /* بصفتها */
  "\xd8\xa8\xd8\xb5\xd9\x81\xd8\xaa\xd9\x87",             /* بصفته */
  NULL,
};

static gboolean
is_role_copula (const Token *t)
{
  return t->arabic && t->mention < 0 && form_in (t, role_copulas);
}

/* The relation a company in the accusative role @t takes (or, after a copula, in the
 * nominative with the article), or RWB_RELATION_N_TYPES. */
static RwbRelationType
org_role (const Token *t, gboolean after_copula)
{
  if (!t->arabic || t->mention >= 0)
    return RWB_RELATION_N_TYPES;
  for (guint i = 0; i < G_N_ELEMENTS (org_roles); i++)
    if (g_str_equal (t->form, org_roles[i].form))
      return org_roles[i].type;
  for (guint i = 0; after_copula && i < G_N_ELEMENTS (org_roles_definite); i++)
    if (g_str_equal (t->form, org_roles_definite[i].form))
      return org_roles_definite[i].type;
  return RWB_RELATION_N_TYPES;
}

/* The organization a role at @r is held in, when it is named after the role: "مديرا عاما
 * لشركة X"، "رئيسا تنفيذيا لبنك Y" — up to two describing words, then a mention whose first
 * token carries ل (or a bare ل before it). Returns the mention or -1. */
static gint
role_org_after (Sent *s, guint r)
{
  GArray *tokens = s->tokens;
  for (guint k = r + 1; k < tokens->len && k <= r + 4; k++)
    {
      const Token *t = TOK (k);
      if (t->mention >= 0)
        {
          const Mention *m = &g_array_index (s->mentions, Mention, t->mention);
          if (m->first != k || m->kind == MENTION_ADJECTIVE || !is_org_entity (s->ctx, m->entity))
            return -1;
          const Token *p = TOK (k - 1);
          gboolean head_before = k > r + 1 && p->arabic
                                 && (p->cue & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_BANK));
          const Token *l = head_before ? p : t;
          gboolean lam = (l->arabic && l->n_cands > 1 && g_str_has_prefix (l->form, "\xd9\x84"))
                         || (k > r + 1 && form_is (p, "\xd9\x84"));
          return lam ? t->mention : -1;
        }
      if (k > r + 1 && form_is (t, "\xd9\x84") /* a bare ل */)
        continue;
      /* "تنفيذيا"، "ماليا"، "عاما": indefinite accusative words; a head noun may carry the ل
       * of a name the mention leaves out ("لشركة"). */
      if (!t->arabic || (t->cue & (RWB_CUE_STOP | RWB_CUE_CLAUSE | RWB_CUE_SPEECH)))
        {
          if (!(t->arabic && (t->cue & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_BANK))))
            return -1;
        }
    }
  return -1;
}

/* The organization that gives the role, named before its holder: the subject of "عين بنك X
 * فلانا رئيسا" (right before the holder) or of "بنك X عين فلانا" (a verb between). Returns
 * the mention or -1. */
static gint
role_org_before (Sent *s, const Mention *holder)
{
  GArray *tokens = s->tokens;
  guint gap = 0;
  /* At most a dozen tokens back, whatever stands there. */
  for (guint k = holder->first; k > 0 && gap <= 1 && k + 12 > holder->first; k--)
    {
      const Token *t = TOK (k - 1);
      if (t->mention >= 0)
        {
          const Mention *m = &g_array_index (s->mentions, Mention, t->mention);
          if (m->kind == MENTION_ADJECTIVE)
            {
              k = m->first + 1;
              continue; /* "بنك نهضة الأردني": the nisba describes the bank */
            }
          return is_org_entity (s->ctx, m->entity) && !is_media (s->ctx, m->entity) ? t->mention
                                                                                    : -1;
        }
      if (is_comma (t))
        {
          /* "أعلنت X، الثلاثاء، اختيار شركة Y": a word set off by commas. */
          if (k >= 3 && TOK (k - 2)->mention < 0 && TOK (k - 2)->word && is_comma (TOK (k - 3)))
            k -= 2;
          continue; /* "عين بنك X، شركة Y، مستشارا" */
        }
      if (gap == 0 && (is_open_quote (t) || is_close_quote (t)))
        continue;
      if (gap == 0 && t->arabic && (t->cue & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_BANK)))
        continue; /* the holder's head noun, which its mention leaves out ("شركة Y") */
      if (!t->word || !t->arabic || blocking_cue (t) != 0)
        return -1;
      gap++; /* the verb of "بنك X عين فلانا" */
    }
  return -1;
}

/* "عين بنك X محمد فايد رئيسا تنفيذيا"، "عينت الشركة فلانا مديرا عاما لها"، "تعيين فلان
 * مديرا عاما لشركة X": the holder of a role in the accusative, right before it, holds it in
 * the organization named after the role or, failing that, in the one that gave it. A company
 * in that slot takes a company's role: "عين بنك X شركة Y مستشارا" (Y supplies X). */
void
find_role_complements (Sent *s)
{
  GArray *tokens = s->tokens;
  for (guint r = 1; r < tokens->len; r++)
    {
      const Token *t = TOK (r);
      if (!t->arabic || t->mention >= 0)
        continue;
      /* Cheap first: an accusative role ends in ا; after a copula it has the article. */
      gsize len = strlen (t->form);
      gboolean accusative = len >= 4 && g_str_has_suffix (t->form, "\xd8\xa7");
      if (!accusative && !g_str_has_prefix (t->form, "\xd8\xa7\xd9\x84"))
        continue;
      gboolean copula = !accusative && r > 1 && is_role_copula (TOK (r - 1));
      if (!accusative && !copula)
        continue;
      guint before = copula ? r - 2 : r - 1;
      if (before > 0 && is_comma (TOK (before)))
        before--; /* "شركة Y، مستشارا" */
      /* "شركة “Y” الأمريكية لتكون الشريك": a nisba and a closing quote after the name. */
      if (before > 0 && TOK (before)->mention >= 0
          && g_array_index (s->mentions, Mention, TOK (before)->mention).kind == MENTION_ADJECTIVE)
        {
          guint first = g_array_index (s->mentions, Mention, TOK (before)->mention).first;
          if (first == 0)
            continue; /* the nisba opens the sentence: no holder before it */
          before = first - 1;
        }
      if (before > 0 && is_close_quote (TOK (before)))
        before--;
      gint hm = TOK (before)->mention;
      if (hm < 0)
        continue;
      gboolean person_role = !copula && is_role_complement (t);
      RwbRelationType org_type = org_role (t, copula);
      if (!person_role && org_type == RWB_RELATION_N_TYPES)
        continue;
      s->ctx->work++;
      const Mention *holder = &g_array_index (s->mentions, Mention, hm);
      if (holder->kind == MENTION_ADJECTIVE || holder->last != before)
        continue;
      RwbEntityType ht = etype (s->ctx, holder->entity);
      gboolean person = ht == RWB_ENTITY_PERSON;
      if (!(person ? person_role : (is_org_entity (s->ctx, holder->entity)
                                    && org_type != RWB_RELATION_N_TYPES)))
        continue;
      gint om = role_org_after (s, r);
      const char *where = "after the role";
      if (om < 0)
        om = role_org_before (s, holder), where = "that gives the role";
      if (om < 0)
        continue;
      guint org = g_array_index (s->mentions, Mention, om).entity;
      g_autofree char *rule
        = g_strdup_printf ("role «%s» after its holder + organization %s", t->form, where);
      relate (s, holder->entity, org, person ? RWB_RELATION_EXECUTIVE : org_type, 0.75, rule);
    }
}

/* The organization an Arabic title at @hit names right after it ("الرئيس التنفيذي لشركة
 * X"), as an entity, or -1: a title with its own organization is held in no other. */
gint
title_org_entity (Sent *s, const TriggerHit *hit)
{
  if (!is_role_trigger (hit) || !(&g_array_index (s->tokens, Token, hit->first))->arabic)
    return -1;
  gint org_mention;
  if (title_org (s->ctx, s->tokens, s->mentions, hit->last, &org_mention) < 0 || org_mention < 0)
    return -1;
  return (gint) g_array_index (s->mentions, Mention, org_mention).entity;
}
