/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-extract-relations.c — typed relations between the mentions of a sentence: triggers,
 * clauses, lists, relative clauses, reporting and locations.
 */
#define G_LOG_DOMAIN "rawabit-extract"

#include "rwb-extract-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* Whether @tr matches at @i; with @first_key, token @i is read as that key (the word
 * without its possessive pronoun, "مفاوضاته" → "مفاوضات"). */
static gboolean
trigger_matches (GArray *tokens, guint i, const RwbTrigger *tr, const char *first_key)
{
  if (i + tr->n_tokens > tokens->len)
    return FALSE;
  for (guint k = 0; k < tr->n_tokens; k++)
    {
      Token *t = TOK (i + k);
      if (!t->word || t->mention >= 0)
        return FALSE;
      if (k == 0 && first_key ? !key_matches (first_key, tr->tokens[0])
                              : !token_matches (t, tr->tokens[k]))
        return FALSE;
    }
  return TRUE;
}

gboolean
trigger_at (GArray *tokens, guint i, const RwbTrigger *tr)
{
  return trigger_matches (tokens, i, tr, NULL);
}

/* Adds the hit of @tr at @i, keeping the longest phrase of a type at one place. */
static void
add_hit (GArray *hits, guint i, const RwbTrigger *tr)
{
  /* Hits are appended in token order: those at @i are the last ones. */
  for (guint h = hits->len; h-- > 0 && g_array_index (hits, TriggerHit, h).first == i;)
    {
      TriggerHit *o = &g_array_index (hits, TriggerHit, h);
      if (o->trigger->type == tr->type)
        {
          if (tr->n_tokens > o->trigger->n_tokens)
            o->trigger = tr, o->last = i + tr->n_tokens - 1;
          return;
        }
    }
  TriggerHit hit = { i, i + tr->n_tokens - 1, tr };
  g_array_append_val (hits, hit);
}

/* Possessive pronouns a noun takes, in matching form, the longest first. */
static const char *const pronoun_suffixes[] = {
  "\xd9\x87\xd9\x85\xd8\xa7", /* ـهما */
  "\xd9\x87\xd8\xa7",         /* ـها */
  "\xd9\x87\xd9\x85",         /* ـهم */
  "\xd9\x87",                 /* ـه */
  NULL,
};

/* Adds the hits of triggers whose first word is @base at @i. */
static void
try_base_triggers (Ctx *ctx, GArray *tokens, guint i, const char *base, GArray *hits)
{
  /* Only whole-word triggers: one ending in * already matches the word with its pronoun. */
  const RwbWordInfo *info = rwb_lexicon_word (ctx->lex, base);
  for (guint j = 0; info && info->triggers && j < info->triggers->len; j++)
    {
      const RwbTrigger *tr = g_ptr_array_index (info->triggers, j);
      if (trigger_matches (tokens, i, tr, base))
        add_hit (hits, i, tr);
    }
}

/* The triggers a noun names with a possessive pronoun on it: "مفاوضاته مع"، "شراكتها مع"،
 * "استحواذها على"، "مساهميها". The word without the pronoun must be a trigger's first word;
 * a ت before the pronoun may be the noun's ة (folded to ه): شراكتها → شراكه. */
static void
try_suffixed_triggers (Ctx *ctx, GArray *tokens, guint i, GArray *hits)
{
  Token *t = TOK (i);
  if (!t->arabic || t->span.bend - t->span.bstart < 8)
    return;
  /* The matching form folds ة to ه: a pronoun is told apart by the letters written, the
   * same for every clitic reading. */
  /* Arabic letters are two bytes each in UTF-8: read the last three straight. */
  const guchar *e = (const guchar *) ctx->text + t->span.bend;
  gunichar c1 = e[-2] == 0xd9 && e[-1] == 0x87 ? 0x0647 : e[-2] == 0xd8 && e[-1] == 0xa7 ? 0x0627
               : e[-2] == 0xd9 && e[-1] == 0x85 ? 0x0645 : 0;
  if (c1 == 0)
    return;
  gunichar c2 = e[-4] == 0xd9 && e[-3] == 0x87 ? 0x0647 : e[-4] == 0xd9 && e[-3] == 0x85 ? 0x0645 : 0;
  gunichar c3 = t->span.bend - t->span.bstart >= 10 && e[-6] == 0xd9 && e[-5] == 0x87 ? 0x0647 : 0;
  const char *suffix = NULL;
  if (c1 == 0x0647)
    suffix = pronoun_suffixes[3]; /* ـه */
  else if (c1 == 0x0627 && c2 == 0x0647)
    suffix = pronoun_suffixes[1]; /* ـها */
  else if (c1 == 0x0627 && c2 == 0x0645 && c3 == 0x0647)
    suffix = pronoun_suffixes[0]; /* ـهما */
  else if (c1 == 0x0645 && c2 == 0x0647)
    suffix = pronoun_suffixes[2]; /* ـهم */
  if (suffix == NULL)
    return;
  gsize sl = strlen (suffix);
  for (guint c = 0; c < t->n_cands; c++)
    {
      const char *key = t->keys[c];
      gsize len = strlen (key);
      /* Three letters or more before it; a definite noun takes no pronoun. */
      if (key != t->cands[c] || len < sl + 6 || !g_str_has_suffix (key, suffix))
        continue;
      char base[128];
      gsize bl = len - sl;
      if (bl + 1 > sizeof base)
        continue;
      memcpy (base, key, bl);
      base[bl] = '\0';
      guint before = hits->len;
      try_base_triggers (ctx, tokens, i, base, hits);
      if (hits->len == before && g_str_has_suffix (base, "\xd8\xaa" /* ت */))
        {
          memcpy (base + bl - 2, "\xd9\x87" /* ه */, 2);
          try_base_triggers (ctx, tokens, i, base, hits);
        }
    }
}

void
try_triggers (GArray *tokens, guint i, GPtrArray *list, GArray *hits)
{
  for (guint j = 0; list && j < list->len; j++)
    {
      const RwbTrigger *tr = g_ptr_array_index (list, j);
      if (trigger_at (tokens, i, tr))
        add_hit (hits, i, tr);
    }
}

/* How far after a weak trigger a stronger one takes its place, in tokens: past the subject
 * of a verb-first clause ("وقعت شركة نماء للحديد عقدا"). */
#define WEAK_REACH 6

/* Trigger hits by first token, the longest first. */
static gint
compare_hits (gconstpointer a, gconstpointer b)
{
  const TriggerHit *x = a, *y = b;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->last != y->last)
    return x->last > y->last ? -1 : 1;
  return 0;
}

GArray *
find_triggers (Ctx *ctx, GArray *tokens)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (TriggerHit));
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *t = TOK (i);
      if (!t->word || t->mention >= 0)
        continue;
      guint before = hits->len;
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
      if (hits->len == before)
        try_suffixed_triggers (ctx, tokens, i, hits);
    }
  /* A phrase inside a longer one that also matched is read as the longer one: "وقعت" within
   * "وقعت عقدا" (a contract, supply) states no partnership of its own. Hits are in order of
   * their first token; one pass keeps the hit reaching furthest. */
  g_array_sort (hits, compare_hits);
  guint kept = 0;
  gint reach_first = -1, reach_last = -1;
  for (guint h = 0; h < hits->len; h++)
    {
      TriggerHit *x = &g_array_index (hits, TriggerHit, h);
      gboolean inside = (gint) x->last <= reach_last
                        && !((gint) x->first == reach_first && (gint) x->last == reach_last);
      if ((gint) x->last > reach_last)
        reach_first = (gint) x->first, reach_last = (gint) x->last;
      if (!inside)
        g_array_index (hits, TriggerHit, kept++) = *x;
    }
  g_array_set_size (hits, kept);
  /* A weak trigger ("وقع"، "signed") gives way to the next trigger when that one starts
   * within WEAK_REACH tokens after it: "وقعت شركة X عقدا مع Y" is a contract. */
  kept = 0;
  for (guint h = 0; h < hits->len; h++)
    {
      TriggerHit *x = &g_array_index (hits, TriggerHit, h);
      gboolean yields = FALSE;
      for (guint n = h + 1; x->trigger->weak && n < hits->len && !yields; n++)
        {
          const TriggerHit *y = &g_array_index (hits, TriggerHit, n);
          if (y->first > x->last + WEAK_REACH)
            break;
          yields = !y->trigger->weak && y->first > x->last;
        }
      if (!yields)
        g_array_index (hits, TriggerHit, kept++) = *x;
    }
  g_array_set_size (hits, kept);
  return hits;
}

RwbEntityType
etype (Ctx *ctx, guint entity)
{
  return ((RwbEntity *) g_ptr_array_index (ctx->graph->entities, entity))->type;
}

gboolean
is_media (Ctx *ctx, guint entity)
{
  return g_hash_table_contains (ctx->media, GUINT_TO_POINTER (entity));
}

/* Which entity types a relation type may join, as (source, target) after direction. */
gboolean
types_fit (Ctx *ctx, RwbRelationType type, guint source, guint target)
{
  RwbEntityType s = etype (ctx, source), t = etype (ctx, target);
  gboolean s_org = s == RWB_ENTITY_COMPANY || s == RWB_ENTITY_ORGANIZATION;
  gboolean t_org = t == RWB_ENTITY_COMPANY || t == RWB_ENTITY_ORGANIZATION;
  /* A news agency reports on companies; it does not make cars for them. */
  if (type != RWB_RELATION_REPORTING && type != RWB_RELATION_MENTION
      && type != RWB_RELATION_LOCATION && (is_media (ctx, source) || is_media (ctx, target)))
    return FALSE;
  switch (type)
    {
    case RWB_RELATION_MANUFACTURING:
    case RWB_RELATION_COMPETITION:
      return s == RWB_ENTITY_COMPANY && t == RWB_ENTITY_COMPANY;
    case RWB_RELATION_PARTNERSHIP:
    case RWB_RELATION_SUPPLY:
      /* Companies partner with and supply each other; the chief executive who announces an
       * agreement is no party to it (an adviser who is a person is named with the firm). */
      return s_org && t_org;
    case RWB_RELATION_TALKS:
    case RWB_RELATION_INVESTMENT:
    case RWB_RELATION_ACQUISITION:
    case RWB_RELATION_OWNERSHIP:
      return (s_org || s == RWB_ENTITY_PERSON) && t_org;
    case RWB_RELATION_FOUNDER:
    case RWB_RELATION_EXECUTIVE:
      return s == RWB_ENTITY_PERSON && t_org;
    case RWB_RELATION_REPORTING:
      /* An outlet reports on companies and bodies; the people it quotes are its sources. */
      return (s == RWB_ENTITY_ORGANIZATION || s == RWB_ENTITY_COMPANY) && t_org;
    case RWB_RELATION_LOCATION:
      /* Where a company, a plant or an office is; a person's nationality is no relation. */
      return s_org && t == RWB_ENTITY_PLACE;
    case RWB_RELATION_MENTION:
    case RWB_RELATION_N_TYPES:
    default:
      return TRUE;
    }
}

gboolean
clause_between (Sent *s, guint a, guint b)
{
  if (s->break_sum)
    return s->break_sum[MAX (a, b)] > s->break_sum[MIN (a, b)];
  for (guint i = MIN (a, b); i < MAX (a, b); i++)
    if (s->clause_break[i])
      return TRUE;
  return FALSE;
}

void
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
  if (type != RWB_RELATION_MENTION && type != RWB_RELATION_LOCATION
      && type != RWB_RELATION_REPORTING && is_party (ctx->graph, source)
      && is_party (ctx->graph, target))
    ctx->pair[0] = (gint) source, ctx->pair[1] = (gint) target;
  if (added && type != RWB_RELATION_MENTION)
    {
      RwbEntity *a = g_ptr_array_index (ctx->graph->entities, rel->source);
      RwbEntity *b = g_ptr_array_index (ctx->graph->entities, rel->target);
      say (ctx, "relation %s “%s” %s “%s” ← %s in sentence at %u–%u",
           rwb_relation_type_to_string (type), a->name, rel->directed ? "→" : "—", b->name, rule,
           s->sentence->start, s->sentence->end);
    }
}

/* The first mention (mentions are sorted by their first token) that starts at @token or
 * later; the number of mentions if none does. */
guint
mention_after (Sent *s, guint token)
{
  guint lo = 0, hi = s->mentions->len;
  s->ctx->work++; /* one step per search: its log factor is not what the test looks for */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (s->mentions, Mention, mid).first < token)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The first trigger hit (in token order, as find_triggers makes them) at @token or later. */
guint
trigger_from (Sent *s, guint token)
{
  guint lo = 0, hi = s->triggers->len;
  s->ctx->work++;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (s->triggers, TriggerHit, mid).first < token)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Mentions other than a and b of other entities strictly between two token positions. */
gboolean
other_party_between (Sent *s, guint from, guint to, guint a, guint b)
{
  for (guint m = mention_after (s, from + 1);
       m < s->mentions->len && g_array_index (s->mentions, Mention, m).first < to; m++)
    {
      Mention *x = &g_array_index (s->mentions, Mention, m);
      s->ctx->work++;
      if (x->first > from && x->last < to && x->entity != a && x->entity != b
          && x->kind != MENTION_ADJECTIVE && etype (s->ctx, x->entity) != RWB_ENTITY_PLACE)
        return TRUE;
    }
  return FALSE;
}

/* Whether only separators stand between two mentions ("A، وB", "A and B", "A, B"). The و of
 * "وB" is a clitic of B's word, so adjacent mentions count too. */
gboolean
conjoined (Sent *s, const Mention *a, const Mention *b)
{
  if (b->first <= a->last)
    return TRUE;
  for (guint i = a->last + 1; i < b->first; i++)
    {
      const Token *t = &g_array_index (s->tokens, Token, i);
      /* "“توتال” الفرنسية و“إيني”": a member's nisba stands between two names ("،
       * والشركة" after one opens a clause). */
      if (t->mention >= 0 && b->kind == MENTION_NAME
          && g_array_index (s->mentions, Mention, t->mention).kind == MENTION_ADJECTIVE)
        continue;
      if (!is_separator (t))
        return FALSE;
    }
  return TRUE;
}

gboolean
object_marker_between (Sent *s, guint from, guint to)
{
  for (guint i = from + 1; i < to; i++)
    if (g_array_index (s->tokens, Token, i).cue & RWB_CUE_OBJECT)
      return TRUE;
  return FALSE;
}

gboolean
tok_arabic (Sent *s, guint i)
{
  return g_array_index (s->tokens, Token, i).arabic;
}

gboolean
person_between (Sent *s, guint from, guint to)
{
  for (guint m = mention_after (s, from + 1);
       m < s->mentions->len && g_array_index (s->mentions, Mention, m).first < to; m++)
    {
      Mention *x = &g_array_index (s->mentions, Mention, m);
      s->ctx->work++;
      if (x->first > from && x->last < to && etype (s->ctx, x->entity) == RWB_ENTITY_PERSON)
        return TRUE;
    }
  return FALSE;
}

/* ", which …", "التي …" right after token @i. */
gboolean
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
void
find_relative_clauses (Sent *s)
{
  guint k = 0;
  gboolean open = FALSE;
  for (guint i = 0; i < s->tokens->len; i++)
    {
      const Token *t = &g_array_index (s->tokens, Token, i);
      gboolean comma = is_comma (t);
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

gboolean
in_region (Sent *s, const Mention *m, guint mention_index, guint region)
{
  if (s->region[m->first] == region)
    return TRUE;
  return region > 0 && g_array_index (s->antecedents, gint, region - 1) == (gint) mention_index;
}

/* Whether the two parties and the trigger can be read together (see find_relative_clauses). */
gboolean
same_region (Sent *s, guint ia, guint ib, guint trigger_token)
{
  guint r = s->region[trigger_token];
  return in_region (s, &g_array_index (s->mentions, Mention, ia), ia, r)
         && in_region (s, &g_array_index (s->mentions, Mention, ib), ib, r);
}

void
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
  /* A list's members share its head: the last member seen for a head is its tail. */
  for (guint m = 0; m < n; m++)
    s->tail[s->head[m]] = m;
  for (guint m = 0; m < n; m++)
    s->tail[m] = s->tail[s->head[m]];
}

/* Whether a company or organization is named before token @k in its clause, within the pair
 * window. */
static gboolean
party_before_in_clause (Sent *s, guint k)
{
  guint m = mention_after (s, k);
  for (guint steps = 0; m > 0 && steps < PAIR_MAX_MEMBERS; steps++)
    {
      const Mention *x = &g_array_index (s->mentions, Mention, --m);
      s->ctx->work++;
      if (x->last + PAIR_WINDOW < k || clause_between (s, x->last, k))
        return FALSE;
      if (x->kind != MENTION_ADJECTIVE && is_party (s->ctx->graph, x->entity)
          && !is_media (s->ctx, x->entity))
        return TRUE;
    }
  return FALSE;
}

/* Whether trigger @hit types the pair of mentions @ia, @ib (see relate_pair). */
static gboolean
relate_by_trigger (Sent *s, guint ia, guint ib, const TriggerHit *hit)
{
  Ctx *ctx = s->ctx;
  const Mention *a = &g_array_index (s->mentions, Mention, ia);
  const Mention *b = &g_array_index (s->mentions, Mention, ib);
  const Mention *a_end = &g_array_index (s->mentions, Mention, s->tail[ia]);
  const Mention *b_start = &g_array_index (s->mentions, Mention, s->head[ib]);
  const Mention *first = &g_array_index (s->mentions, Mention, s->head[ia]);
  const Mention *last = &g_array_index (s->mentions, Mention, s->tail[ib]);
  gboolean same_list = s->head[ia] == s->head[ib];
  const RwbTrigger *tr = hit->trigger;
  if (tr->type == RWB_RELATION_REPORTING || tr->type == RWB_RELATION_LOCATION)
    return FALSE;
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
  /* "باعت X حصصها في A و B": with a party before the trigger in its clause, a list after
   * it is the object, not a pair of partners. */
  if (around && hit->last < first->first && tr->type != RWB_RELATION_EXECUTIVE
      && tr->type != RWB_RELATION_FOUNDER && party_before_in_clause (s, hit->first))
    around = FALSE;
  /* Arabic verb-first clauses: "وتتنافس نون مع أمازون", "تستحوذ X على Y" — the verb
   * stands right before the first party and the second follows in the same clause. */
  gboolean role_title = tr->type == RWB_RELATION_FOUNDER || tr->type == RWB_RELATION_EXECUTIVE;
  /* A title before its organization is no verb: its person is read by find_roles. */
  gboolean verb_first = !same_list && !role_title && tok_arabic (s, hit->first)
                        && hit->last < first->first
                        && first->first - hit->last <= 2 && b_start->first > a_end->last
                        && b_start->first - a_end->last <= 8
                        && !other_party_between (s, a_end->last, b_start->first, a->entity,
                                                 b->entity);
  if (!between && !around && !after && !verb_first)
    return FALSE;
  /* "وليد الأحمدي - الرئيس التنفيذي لشركة الوفرة …": a title that names its organization
   * is held there, not in another party of the sentence. */
  if (role_title)
    {
      gint own = title_org_entity (s, hit);
      if (own >= 0 && (guint) own != a->entity && (guint) own != b->entity)
        return FALSE;
    }
  if (role_title && between && etype (ctx, a->entity) == RWB_ENTITY_PERSON
      && title_opens_item (s, hit))
    return FALSE;
  if (!same_region (s, ia, ib, hit->first))
    return FALSE;
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
        return FALSE;
    }
  if (clause_between (s, MIN (a->last, hit->first), MAX (b->first, hit->last)))
    return FALSE;
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
    return FALSE;
  guint source = a->entity, target = b->entity;
  if (tr->dir == RWB_TRIGGER_BACKWARD)
    source = b->entity, target = a->entity;
  if (!types_fit (ctx, tr->type, source, target))
    {
      if (!types_fit (ctx, tr->type, target, source))
        return FALSE;
      guint tmp = source;
      source = target, target = tmp;
    }
  double conf = tr->confidence * (dist <= 4 ? 1.0 : dist <= 10 ? 0.85 : 0.7);
  if (a->kind == MENTION_COREF || b->kind == MENTION_COREF)
    conf *= 0.85;
  g_autofree char *rule = g_strdup_printf ("trigger «%s» (%s)", tr->text, tr->origin);
  relate (s, source, target, tr->type, conf, rule);
  return TRUE;
}

/* Typed relations between two parties: triggers between them (or between their lists: "X
 * will work with A, B and C"), or around them when they are in one list ("Baidu and Geely
 * formed a venture"). Only the triggers that can stand where a rule looks are tried, found
 * by binary search. */
gboolean
relate_pair (Sent *s, guint ia, guint ib)
{
  const Mention *b = &g_array_index (s->mentions, Mention, ib);
  const Mention *a_end = &g_array_index (s->mentions, Mention, s->tail[ia]);
  const Mention *b_start = &g_array_index (s->mentions, Mention, s->head[ib]);
  const Mention *first = &g_array_index (s->mentions, Mention, s->head[ia]);
  const Mention *last = &g_array_index (s->mentions, Mention, s->tail[ib]);
  gboolean same_list = s->head[ia] == s->head[ib];
  /* Token ranges (inclusive) where a useful trigger starts: before the first party (verb
   * first, or a verb before a list), between the two lists, after the list, and right after
   * the second party (a role: "founder of X"). */
  guint lo[4], hi[4], n = 0;
  guint back = 4 + s->trigger_span;
  lo[n] = first->first > back ? first->first - back : 0, hi[n++] = first->first;
  if (!same_list && b_start->first > a_end->last + 1)
    lo[n] = a_end->last + 1, hi[n++] = b_start->first - 1;
  if (same_list)
    lo[n] = last->last + 1, hi[n++] = last->last + 6;
  lo[n] = b->last + 1, hi[n++] = b->last + 2;
  /* Sort the ranges and try each trigger once, in token order. */
  for (guint i = 1; i < n; i++)
    for (guint k = i; k > 0 && lo[k] < lo[k - 1]; k--)
      {
        guint tl = lo[k], th = hi[k];
        lo[k] = lo[k - 1], hi[k] = hi[k - 1], lo[k - 1] = tl, hi[k - 1] = th;
      }
  gboolean found = FALSE;
  guint h = 0;
  for (guint i = 0; i < n; i++)
    {
      guint from = trigger_from (s, lo[i]);
      if (from > h)
        h = from;
      for (; h < s->triggers->len && g_array_index (s->triggers, TriggerHit, h).first <= hi[i];
           h++)
        {
          s->ctx->work++;
          if (relate_by_trigger (s, ia, ib, &g_array_index (s->triggers, TriggerHit, h)))
            found = TRUE;
        }
    }
  return found;
}

void
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
      guint back = near + MENTION_SPAN;
      for (guint m = mention_after (s, hit->first > back ? hit->first - back : 0);
           m < s->mentions->len && reporter < 0
           && g_array_index (s->mentions, Mention, m).first <= hit->last + near;
           m++)
        {
          Mention *x = &g_array_index (s->mentions, Mention, m);
          ctx->work++;
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
      /* What it reports on: the parties of its clause, within the pair window. */
      for (guint m = mention_after (s, hit->first > PAIR_WINDOW ? hit->first - PAIR_WINDOW : 0);
           m < s->mentions->len
           && g_array_index (s->mentions, Mention, m).first <= hit->last + PAIR_WINDOW;
           m++)
        {
          Mention *x = &g_array_index (s->mentions, Mention, m);
          ctx->work++;
          if ((guint) m == (guint) reporter || x->kind == MENTION_ADJECTIVE
              || !types_fit (ctx, RWB_RELATION_REPORTING, r->entity, x->entity)
              || x->entity == r->entity)
            continue;
          /* What a source told the outlet is the clause after the verb ("قالت مصادر لرويترز
           * إن X …", "told Reuters that X …"). */
          gboolean told = x->first > r->last
                          && (g_array_index (s->tokens, Token, hit->first).cue & RWB_CUE_SPEECH);
          if (!told && clause_between (s, MIN (x->first, hit->first), MAX (x->last, hit->last)))
            continue;
          g_autofree char *rule = g_strdup_printf ("trigger «%s» (%s)", hit->trigger->text,
                                                   hit->trigger->origin);
          relate (s, r->entity, x->entity, RWB_RELATION_REPORTING, hit->trigger->confidence, rule);
        }
    }
}

/* The sentence's first company or organization (not a news outlet): in news prose the
 * subject that a plant, an office or a market "in PLACE" belongs to. */
gint
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
gboolean
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
  guint back = 4 + MENTION_SPAN;
  for (guint n = mention_after (s, p->first > back ? p->first - back : 0);
       n < s->mentions->len && g_array_index (s->mentions, Mention, n).first <= p->last + 7; n++)
    {
      Mention *x = &g_array_index (s->mentions, Mention, n);
      ctx->work++;
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

/* Whether a preposition, conjunction or other function word stands strictly between tokens
 * @a and @b: "الصيني بايدو" describes Baidu, "العمانية مع شركة X" does not describe X. */
static gboolean
function_word_between (Sent *s, guint a, guint b)
{
  for (guint k = a + 1; k < b; k++)
    {
      const Token *t = &g_array_index (s->tokens, Token, k);
      /* A punctuation mark too: "بنك X اللبناني، شركة Y" — the nisba ends its phrase. */
      /* (Not a quotation mark: "شركة السيارات الصينية «جريت وول»".) */
      if ((!t->word && !is_open_quote (t) && !is_close_quote (t))
          || (t->cue & (RWB_CUE_STOP | RWB_CUE_OBJECT | RWB_CUE_LOCATIVE | RWB_CUE_CLAUSE
                        | RWB_CUE_CONJUNCTION)))
        return TRUE;
    }
  return FALSE;
}

/* Where things are: "مصنع في تايلاند", "a plant in Thailand", "headquartered in", "الصيني
 * بايدو" / "China's Xiaomi" / "Great Wall's Hong Kong (shares)", and datelines. */
void
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
      guint back = 1 + MENTION_SPAN;
      for (guint n = mention_after (s, p->first > back ? p->first - back : 0);
           n < s->mentions->len && g_array_index (s->mentions, Mention, n).first <= p->last + 3;
           n++)
        {
          Mention *x = &g_array_index (s->mentions, Mention, n);
          ctx->work++;
          if (x->kind == MENTION_ADJECTIVE || !types_fit (ctx, RWB_RELATION_LOCATION, x->entity,
                                                          p->entity))
            continue;
          gboolean adjacent = x->last + 1 == p->first || p->last + 1 == x->first;
          gboolean near_adj = p->kind == MENTION_ADJECTIVE
                              && ((p->last < x->first && x->first - p->last <= 3
                                   && !function_word_between (s, p->last, x->first))
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
      guint at = head->first;
      /* "في مدينة X"، "بمنطقة X": the place's head noun stands between. */
      if (at > 0 && (g_array_index (s->tokens, Token, at - 1).cue & RWB_CUE_PLACE_HEAD)
          && g_array_index (s->tokens, Token, at - 1).mention < 0)
        at--;
      Token *pt = &g_array_index (s->tokens, Token, at);
      gboolean locative = at > 0
                          && (g_array_index (s->tokens, Token, at - 1).cue & RWB_CUE_LOCATIVE);
      gboolean clitic_b = pt->arabic && g_str_has_prefix (pt->form, "\xd8\xa8"); /* ب */
      /* "تتخذ من دبي مقراً لها": where the word for headquarters follows the place. */
      gboolean seat_after = FALSE;
      for (guint h = trigger_from (s, p->last + 1);
           h < s->triggers->len && g_array_index (s->triggers, TriggerHit, h).first <= p->last + 2;
           h++)
        {
          TriggerHit *hit = &g_array_index (s->triggers, TriggerHit, h);
          ctx->work++;
          if (hit->trigger->type == RWB_RELATION_LOCATION && hit->first > p->last
              && hit->first - p->last <= 2 && pt->arabic)
            seat_after = TRUE;
        }
      /* "ومقرها أبوظبي": the word for headquarters right before the place. */
      for (guint h = trigger_from (s, at > 2 ? at - 2 : 0);
           h < s->triggers->len && g_array_index (s->triggers, TriggerHit, h).first < at; h++)
        {
          TriggerHit *hit = &g_array_index (s->triggers, TriggerHit, h);
          ctx->work++;
          if (hit->trigger->type == RWB_RELATION_LOCATION && hit->last + 1 == at && pt->arabic)
            seat_after = TRUE;
        }
      if (!locative && !clitic_b && !seat_after)
        continue;
      /* A trigger just before ("plant in", "مقرها في") makes it firm. */
      double conf = 0.5;
      const char *rule = "locative before place";
      guint tback = 5 + s->trigger_span;
      for (guint h = trigger_from (s, p->first > tback ? p->first - tback : 0);
           h < s->triggers->len && g_array_index (s->triggers, TriggerHit, h).first < p->first;
           h++)
        {
          TriggerHit *hit = &g_array_index (s->triggers, TriggerHit, h);
          ctx->work++;
          if (hit->trigger->type == RWB_RELATION_LOCATION && hit->last < p->first
              && p->first - hit->last <= 5)
            conf = hit->trigger->confidence, rule = hit->trigger->text;
        }
      /* The located party: one named just before the locative ("مصانع Great Wall في الصين"),
       * else the sentence's subject. */
      gint who = -1;
      guint wback = 3 + MENTION_SPAN;
      for (guint n = mention_after (s, p->first > wback ? p->first - wback : 0);
           n < s->mentions->len && g_array_index (s->mentions, Mention, n).first < p->first; n++)
        {
          Mention *x = &g_array_index (s->mentions, Mention, n);
          ctx->work++;
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
      if (who < 0 || g_array_index (s->mentions, Mention, who).first > p->first
          || !types_fit (ctx, RWB_RELATION_LOCATION,
                         g_array_index (s->mentions, Mention, who).entity, p->entity))
        continue;
      g_autofree char *r = g_strdup_printf ("%s + locative", rule);
      relate (s, g_array_index (s->mentions, Mention, who).entity, p->entity,
              RWB_RELATION_LOCATION, conf, r);
    }
}

/* Whether mention @m takes part in pairs at all. */
static gboolean
pairable (Sent *s, guint m)
{
  const Mention *x = &g_array_index (s->mentions, Mention, m);
  return x->kind != MENTION_ADJECTIVE && etype (s->ctx, x->entity) != RWB_ENTITY_PLACE;
}

static void
pair (Sent *s, guint i, guint j)
{
  const Mention *a = &g_array_index (s->mentions, Mention, i);
  const Mention *b = &g_array_index (s->mentions, Mention, j);
  s->ctx->work++;
  if (a->entity == b->entity || !pairable (s, j))
    return;
  if (!relate_pair (s, i, j))
    relate (s, a->entity, b->entity, RWB_RELATION_MENTION, 0.2, "same sentence");
}

/* "بنك نهضة مصر"، "MTN Syria", "Bank Audi Egypt": a company named as another one plus a
 * country is that company's unit there (ownership, parent → unit). The place gets its
 * location relation from find_locations. */
/* "شركة الوفرة للتطوير (مجموعة سنابل)": a group named with its head noun in parentheses
 * right after a company is the company's owner. */
static void
parent_in_parentheses (Sent *s, const Mention *x)
{
  GArray *tokens = s->tokens;
  guint k = x->last + 1;
  if (k + 3 >= tokens->len || !form_is (TOK (k), "(") || !TOK (k + 1)->arabic
      || !(TOK (k + 1)->cue & RWB_CUE_COMPANY))
    return;
  gint pm = TOK (k + 1)->mention >= 0 ? TOK (k + 1)->mention : TOK (k + 2)->mention;
  if (pm < 0)
    return;
  const Mention *p = &g_array_index (s->mentions, Mention, pm);
  if (p->kind != MENTION_NAME || p->last + 1 >= tokens->len || !form_is (TOK (p->last + 1), ")")
      || p->entity == x->entity || !is_party (s->ctx->graph, p->entity))
    return;
  relate (s, p->entity, x->entity, RWB_RELATION_OWNERSHIP, 0.7, "group in parentheses");
}

void
find_named_units (Sent *s)
{
  Ctx *ctx = s->ctx;
  for (guint m = 0; m < s->mentions->len; m++)
    {
      const Mention *x = &g_array_index (s->mentions, Mention, m);
      if (x->kind != MENTION_NAME || x->last == x->first)
        continue;
      RwbEntityType t = etype (ctx, x->entity);
      if (t != RWB_ENTITY_COMPANY && t != RWB_ENTITY_ORGANIZATION)
        continue;
      parent_in_parentheses (s, x);
      /* The place ends the name: its first token is one or two tokens before the end. */
      guint j = 0;
      for (guint k = x->last; k > x->first && k + 2 > x->last && j == 0; k--)
        {
          guint last;
          gboolean adjective = FALSE;
          if (place_at (ctx, s->tokens, k, &last, &adjective) && last == x->last && !adjective)
            j = k;
        }
      if (j == 0)
        continue;
      ctx->work++;
      g_autofree char *parent_name = span_text (ctx, s->tokens, x->first, j - 1);
      gint parent = find_by_key (ctx, parent_name, t);
      /* The parent may be known without its head noun ("نوران" for "بنك نوران"). */
      const Token *head = &g_array_index (s->tokens, Token, x->first);
      if (parent < 0 && j > x->first + 1
          && (head->cue & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_BANK)))
        {
          g_autofree char *bare = span_text (ctx, s->tokens, x->first + 1, j - 1);
          parent = find_by_key (ctx, bare, t);
        }
      if (parent < 0 || (guint) parent == x->entity)
        continue;
      relate (s, (guint) parent, x->entity, RWB_RELATION_OWNERSHIP, 0.7, "parent's name + place");
    }
}

/* "…، كما وقعت عقدا مع شركة Y": a conjoined clause whose subject is dropped. Its verb opens
 * the clause with no party before it, and its party after it is an object (after مع، على
 * …); the subject is the sentence's first party, named in an earlier clause. One pass over
 * the triggers, each looking a bounded number of mentions ahead. */
void
find_dropped_subjects (Sent *s)
{
  Ctx *ctx = s->ctx;
  gint subject = sentence_subject (s);
  if (subject < 0)
    return;
  const Mention *a = &g_array_index (s->mentions, Mention, subject);
  for (guint h = 0; h < s->triggers->len; h++)
    {
      const TriggerHit *hit = &g_array_index (s->triggers, TriggerHit, h);
      const RwbTrigger *tr = hit->trigger;
      if (tr->type == RWB_RELATION_REPORTING || tr->type == RWB_RELATION_LOCATION
          || tr->type == RWB_RELATION_FOUNDER || tr->type == RWB_RELATION_EXECUTIVE
          || !tok_arabic (s, hit->first) || hit->first <= a->last
          || !clause_between (s, a->last, hit->first))
        continue;
      /* Nothing between the clause's start and the verb but function words. */
      guint start = hit->first;
      while (start > a->last + 1 && !s->clause_break[start - 1])
        start--;
      if (start == a->last + 1 || hit->first - start > 2)
        continue;
      guint m = mention_after (s, hit->last);
      for (guint n = 0; m < s->mentions->len && n < 3; m++, n++)
        {
          const Mention *b = &g_array_index (s->mentions, Mention, m);
          ctx->work++;
          if (b->first > hit->last + 8)
            break;
          if (b->kind == MENTION_ADJECTIVE || !is_party (ctx->graph, b->entity))
            continue;
          if (!object_marker_between (s, hit->last, b->first) || b->entity == a->entity
              || clause_between (s, hit->last, b->first))
            break;
          guint source = a->entity, target = b->entity;
          if (tr->dir == RWB_TRIGGER_BACKWARD)
            source = b->entity, target = a->entity;
          if (types_fit (ctx, tr->type, source, target))
            {
              g_autofree char *rule = g_strdup_printf ("trigger «%s» (%s), subject of the "
                                                       "sentence's first clause",
                                                       tr->text, tr->origin);
              relate (s, source, target, tr->type, tr->confidence * 0.8, rule);
            }
          break;
        }
    }
}

/* The first party mention starting in tokens [@from, @to] of the clause at @from, skipping
 * adjectives; -1 if another word than a head noun or a quote comes first when @adjacent. */
static gint
party_in (Sent *s, guint from, guint to, gboolean adjacent)
{
  for (guint m = mention_after (s, from); m < s->mentions->len; m++)
    {
      const Mention *x = &g_array_index (s->mentions, Mention, m);
      s->ctx->work++;
      if (x->first > to || clause_between (s, from, x->first))
        return -1;
      if (x->kind == MENTION_ADJECTIVE)
        continue;
      if (!is_party (s->ctx->graph, x->entity) || is_media (s->ctx, x->entity))
        return -1;
      if (adjacent)
        for (guint k = from; k < x->first; k++)
          {
            const Token *t = &g_array_index (s->tokens, Token, k);
            if (!(t->cue & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_BANK))
                && !is_open_quote (t) && !form_is (t, "the"))
              return -1;
          }
      return (gint) m;
    }
  return -1;
}

/* "اشترت X حصة الأغلبية في Y من مجموعة Z"، "X bought a stake in Y from Z": the party right
 * after من / from, past the thing bought, sold it — Z owned Y, and X bought from Z. */
static void
find_sellers (Sent *s)
{
  Ctx *ctx = s->ctx;
  GArray *tokens = s->tokens;
  for (guint h = 0; h < s->triggers->len; h++)
    {
      const TriggerHit *hit = &g_array_index (s->triggers, TriggerHit, h);
      if (hit->trigger->type != RWB_RELATION_ACQUISITION)
        continue;
      gint y = party_in (s, hit->last + 1, hit->last + 8, FALSE);
      if (y < 0)
        continue;
      const Mention *ym = &g_array_index (s->mentions, Mention, y);
      /* من / from within three words after the thing bought (its nisba may stand between). */
      guint k = ym->last + 1;
      while (k < tokens->len && k <= ym->last + 3 && TOK (k)->mention >= 0
             && g_array_index (s->mentions, Mention, TOK (k)->mention).kind == MENTION_ADJECTIVE)
        k++;
      /* "… Steel Company (Hadeed) from …": the thing bought's short name in parentheses. */
      if (k + 2 < tokens->len && form_is (TOK (k), "(") && form_is (TOK (k + 2), ")"))
        k += 3;
      if (k >= tokens->len || TOK (k)->mention >= 0
          || !(form_is (TOK (k), "\xd9\x85\xd9\x86") /* من */ || form_is (TOK (k), "from")))
        continue;
      gint z = party_in (s, k + 1, k + 3, TRUE);
      if (z < 0)
        continue;
      guint seller = g_array_index (s->mentions, Mention, z).entity;
      if (seller == ym->entity)
        continue;
      g_autofree char *rule = g_strdup_printf ("trigger «%s» (%s) + seller after من/from",
                                               hit->trigger->text, hit->trigger->origin);
      relate (s, seller, ym->entity, RWB_RELATION_OWNERSHIP, 0.6, rule);
      /* The buyer: the nearest party before the trigger in its clause. */
      guint m = mention_after (s, hit->first);
      for (guint steps = 0; m > 0 && steps < 4; steps++)
        {
          const Mention *x = &g_array_index (s->mentions, Mention, --m);
          ctx->work++;
          if (clause_between (s, x->last, hit->first) || x->last + 12 < hit->first)
            break;
          if (x->kind == MENTION_ADJECTIVE || !is_party (ctx->graph, x->entity)
              || is_media (ctx, x->entity))
            continue;
          if (x->entity != seller)
            relate (s, x->entity, seller, RWB_RELATION_ACQUISITION, 0.6, rule);
          break;
        }
    }
}

/* The nearest party mention ending before token @k within @reach tokens, past commas and
 * quotes only, or -1. */
static gint
party_just_before (Sent *s, guint k, guint reach)
{
  guint m = mention_after (s, k);
  while (m > 0)
    {
      const Mention *x = &g_array_index (s->mentions, Mention, --m);
      s->ctx->work++;
      if (x->last >= k)
        continue;
      if (x->last + reach < k)
        return -1;
      if (x->kind == MENTION_ADJECTIVE)
        continue;
      for (guint t = x->last + 1; t < k; t++)
        {
          const Token *tok = &g_array_index (s->tokens, Token, t);
          if (tok->mention >= 0
              && g_array_index (s->mentions, Mention, tok->mention).kind == MENTION_ADJECTIVE)
            continue;
          if (tok->word)
            return -1;
        }
      return is_party (s->ctx->graph, x->entity) ? (gint) m : -1;
    }
  return -1;
}

/* "وقعت X عقدا مع Y، بالشراكة مع Z"، "X awarded a contract to Y in partnership with Z": the
 * contractor's partner in the deal supplies the client too. */
static void
find_joint_contractors (Sent *s)
{
  for (guint h = 0; h < s->triggers->len; h++)
    {
      const TriggerHit *hit = &g_array_index (s->triggers, TriggerHit, h);
      if (hit->trigger->type != RWB_RELATION_PARTNERSHIP || hit->last == hit->first)
        continue; /* only the phrases "بالشراكة مع"، "in partnership with" … */
      gint y = party_just_before (s, hit->first, 3);
      gint z = party_in (s, hit->last + 1, hit->last + 3, TRUE);
      if (y < 0 || z < 0)
        continue;
      const Mention *ym = &g_array_index (s->mentions, Mention, y);
      /* A supply phrase right before the contractor ("عقدا مع شركة Y"): only the hits that
       * can end within three tokens of it are looked at. */
      guint back = 3 + s->trigger_span;
      for (guint g = trigger_from (s, ym->first > back ? ym->first - back : 0);
           g < s->triggers->len; g++)
        {
          const TriggerHit *sup = &g_array_index (s->triggers, TriggerHit, g);
          s->ctx->work++;
          if (sup->first >= ym->first)
            break;
          if (sup->trigger->type != RWB_RELATION_SUPPLY || sup->last + 3 < ym->first)
            continue;
          gint x = party_just_before (s, sup->first, 2);
          if (x < 0)
            {
              /* "وقعت شركة X عقدا": the party between the verb and the phrase. */
              guint m = mention_after (s, sup->first > 6 ? sup->first - 6 : 0);
              for (; m < s->mentions->len && g_array_index (s->mentions, Mention, m).last < sup->first; m++)
                if (g_array_index (s->mentions, Mention, m).kind != MENTION_ADJECTIVE
                    && is_party (s->ctx->graph, g_array_index (s->mentions, Mention, m).entity))
                  x = (gint) m;
            }
          if (x < 0)
            continue;
          guint client = g_array_index (s->mentions, Mention, x).entity;
          guint partner = g_array_index (s->mentions, Mention, z).entity;
          if (client != partner && client != ym->entity)
            relate (s, partner, client, RWB_RELATION_SUPPLY, 0.6,
                    "contractor's partner in the deal (joint contract)");
        }
    }
}

void
find_relations (Sent *s)
{
  GArray *mentions = s->mentions;
  guint n = mentions->len;
  g_autofree guint *break_sum = g_new (guint, s->tokens->len + 1);
  break_sum[0] = 0;
  for (guint i = 0; i < s->tokens->len; i++)
    break_sum[i + 1] = break_sum[i] + (s->clause_break[i] ? 1 : 0);
  s->break_sum = break_sum;
  s->trigger_span = 1;
  for (guint h = 0; h < s->triggers->len; h++)
    {
      const TriggerHit *hit = &g_array_index (s->triggers, TriggerHit, h);
      s->trigger_span = MAX (s->trigger_span, hit->last - hit->first + 1);
    }
  find_lists (s);
  find_reporting (s);
  find_locations (s);
  find_named_units (s);
  find_dropped_subjects (s);
  find_sellers (s);
  find_joint_contractors (s);
  find_roles (s);
  find_role_complements (s);
  /* Each mention pairs with the next members of its own list and with the mentions of the
   * few lists that follow it closely (PAIR_MAX_LISTS, PAIR_WINDOW, PAIR_MAX_MEMBERS): the
   * work per mention is bounded, so a sentence costs time linear in its length. */
  guint capped = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!pairable (s, i))
        continue;
      guint tail = s->tail[i];
      guint j = i + 1;
      for (guint k = 0; j <= tail && j < n && k < PAIR_MAX_MEMBERS; j++, k++)
        pair (s, i, j);
      if (j <= tail)
        capped++;
      j = tail + 1;
      const Mention *a_end = &g_array_index (mentions, Mention, tail);
      guint lists = 0;
      while (j < n)
        {
          s->ctx->work++;
          const Mention *b = &g_array_index (mentions, Mention, j);
          if (b->first > a_end->last + PAIR_WINDOW)
            break;
          if (!pairable (s, j))
            {
              j++;
              continue;
            }
          if (++lists > PAIR_MAX_LISTS)
            {
              capped++;
              break;
            }
          /* The list that starts at j (its first members, then the mentions after it). */
          guint list_tail = s->tail[j];
          guint k = 0;
          for (; j <= list_tail && k < PAIR_MAX_MEMBERS; j++, k++)
            pair (s, i, j);
          if (j <= list_tail)
            capped++;
          j = MAX (j, list_tail + 1);
        }
    }
  if (capped > 0)
    say (s->ctx, "relation search bounded in sentence at %u–%u: %u mention(s) not paired with "
         "every later one (lists longer than %d or more than %d lists within %d words)",
         s->sentence->start, s->sentence->end, capped, PAIR_MAX_MEMBERS, PAIR_MAX_LISTS,
         PAIR_WINDOW);
  s->break_sum = NULL;
}
