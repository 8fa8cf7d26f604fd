/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-extract-entities.c — entity mentions of a sentence: lexicon matches (longest
 * first), name patterns after cues, quoted names, English proper-noun runs and their context.
 */
#define G_LOG_DOMAIN "rawabit-extract"

#include "rwb-extract-private.h"
#include "rwb-corrections.h"

#include <glib/gi18n.h>
#include <string.h>

guint
entity_for_entry (Ctx *ctx, guint entry_index, const char *surface)
{
  RwbLexEntry *entry = g_ptr_array_index (ctx->lex->entries, entry_index);
  guint idx = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->by_entry,
                                                     GUINT_TO_POINTER (entry_index + 1)));
  if (idx == 0)
    {
      gint found = find_by_name (ctx, entry->name);
      if (found < 0)
        {
          found = rwb_graph_add_entity (ctx->graph, entry->name, entry->type);
          RwbEntity *e = g_ptr_array_index (ctx->graph->entities, found);
          e->source = g_strdup_printf ("lexicon %s", entry->origin);
          if (entry->arabic)
            entity_add_alias (ctx, found, entry->arabic);
        }
      idx = found + 1;
      g_hash_table_insert (ctx->by_entry, GUINT_TO_POINTER (entry_index + 1),
                           GUINT_TO_POINTER (idx));
    }
  RwbEntity *e = g_ptr_array_index (ctx->graph->entities, idx - 1);
  if (surface && !g_str_equal (surface, e->name))
    entity_add_alias (ctx, idx - 1, surface);
  if (entry->media)
    g_hash_table_add (ctx->media, GUINT_TO_POINTER (idx - 1));
  return idx - 1;
}

/* The same unknown name recurs through an article: look it up once per document. */
guint
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

/* Whether two entity types may name one thing: the same, or company and organization. */
static gboolean
types_may_merge (RwbEntityType a, RwbEntityType b)
{
  gboolean org_a = a == RWB_ENTITY_COMPANY || a == RWB_ENTITY_ORGANIZATION;
  gboolean org_b = b == RWB_ENTITY_COMPANY || b == RWB_ENTITY_ORGANIZATION;
  return a == b || (org_a && org_b);
}

/* Records @name (a name or an alias of entity @index) in the exact and the matching-form
 * index. Where two entities share a spelling the earlier one holds it, as a scan of the
 * entities in order would find it. */
static void
index_name (GHashTable *table, char *key, guint index)
{
  guint held = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));
  if (held != 0 && held <= index + 1)
    g_free (key);
  else
    g_hash_table_replace (table, key, GUINT_TO_POINTER (index + 1));
}

static void
index_spelling (Ctx *ctx, const char *name, guint index)
{
  ctx->work++;
  index_name (ctx->by_exact, g_strdup (name), index);
  index_name (ctx->by_key, rwb_name_key (name), index);
}

/* Brings the two name indices up to the graph's entities: entities added since the last call
 * are keyed with all their names; aliases added later come through entity_add_alias. Each
 * name is keyed once, so extraction stays linear in the number of names. */
static void
sync_names (Ctx *ctx)
{
  GPtrArray *entities = ctx->graph->entities;
  for (; ctx->names_done < entities->len; ctx->names_done++)
    {
      RwbEntity *e = g_ptr_array_index (entities, ctx->names_done);
      index_spelling (ctx, e->name, ctx->names_done);
      for (guint a = 0; a < e->aliases->len; a++)
        index_spelling (ctx, g_ptr_array_index (e->aliases, a), ctx->names_done);
    }
}

/* Adds @alias to entity @index and to the name indices. */
void
entity_add_alias (Ctx *ctx, guint index, const char *alias)
{
  rwb_entity_add_alias (g_ptr_array_index (ctx->graph->entities, index), alias);
  if (index < ctx->names_done && alias != NULL && *alias != '\0')
    index_spelling (ctx, alias, index);
}

/* The entity named or aliased exactly @name, or -1: rwb_graph_find_entity through the
 * index. */
gint
find_by_name (Ctx *ctx, const char *name)
{
  sync_names (ctx);
  guint idx = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->by_exact, name));
  return (gint) idx - 1;
}

/* The entity with a name or alias spelled like @name up to hamza, alef maqsura, taa marbuta,
 * diacritics, presentation forms and case ("بنك نهضه" is "بنك نهضة"), of a type that fits,
 * or -1. */
gint
find_by_key (Ctx *ctx, const char *name, RwbEntityType type)
{
  sync_names (ctx);
  g_autofree char *key = rwb_name_key (name);
  guint idx = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->by_key, key));
  if (idx == 0)
    return -1;
  RwbEntity *e = g_ptr_array_index (ctx->graph->entities, idx - 1);
  return types_may_merge (e->type, type) ? (gint) idx - 1 : -1;
}

static void index_name_words (Ctx *ctx, const RwbEntity *e, guint index);
static gint shortened_name (Ctx *ctx, const char *word);

guint
entity_for_pattern_uncached (Ctx *ctx, const char *latin, const char *arabic,
                             RwbEntityType type, const char *rule)
{
  gint found = latin ? find_by_name (ctx, latin) : -1;
  if (found < 0 && arabic)
    found = find_by_name (ctx, arabic);
  if (found < 0 && arabic)
    found = find_by_key (ctx, arabic, type);
  /* "Hemsworth" after "Hemsworth Living": news shortens a name it has given in full; people
   * are called by their family name ("Fuentes" after "Mariela Fuentes"). */
  if (found < 0 && latin && strchr (latin, ' ') == NULL)
    found = shortened_name (ctx, latin);
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
          if ((guint) found < ctx->name_words_done)
            index_name_words (ctx, e, found);
        }
      entity_add_alias (ctx, found, latin);
    }
  if (arabic)
    entity_add_alias (ctx, found, arabic);
  return found;
}

/* What the JSON says a mention is: a name-level consumer (a NER benchmark, a search index)
 * reads only the names. */
RwbMentionKind
mention_kind_public (MentionKind kind)
{
  switch (kind)
    {
    case MENTION_ADJECTIVE:
      return RWB_MENTION_ADJECTIVE;
    case MENTION_COREF:
      return RWB_MENTION_DESCRIPTION;
    case MENTION_NAME:
    default:
      return RWB_MENTION_NAME;
    }
}

void
add_mention (Ctx *ctx, GArray *tokens, GArray *mentions, guint first, guint last, guint entity,
             MentionKind kind)
{
  Mention m = { first, last, entity, kind };
  g_array_append_val (mentions, m);
  for (guint i = first; i <= last; i++)
    TOK (i)->mention = mentions->len - 1;
  RwbEntity *e = g_ptr_array_index (ctx->graph->entities, entity);
  rwb_entity_add_mention_kind (e, ctx->doc, TOK (first)->span.start, TOK (last)->span.end,
                               mention_kind_public (kind));
}

/* Longest lexicon phrase starting at token @i. Only the first word may carry clitics. */
gboolean
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

/* A run of capitalized Latin words (with inner "&", "-", "of", digits) starting at @i. */
guint
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

/* "Value of AfDB’s investment": a capitalized run reaching a company or organization the
 * lexicon knows through "of" stops before the "of" — the known name is read on its own.
 * Places stay inside ("Bank of Jordan", "University of Cairo"). Returns the run's new end. */
guint
before_known_party (Ctx *ctx, GArray *tokens, guint first, guint last)
{
  for (guint k = first + 1; k + 1 <= last; k++)
    {
      if (!form_is (TOK (k), "of"))
        continue;
      guint l, cand;
      const RwbLexHit *hit;
      if (!lookup_phrase (ctx, tokens, k + 1, &l, &hit, &cand) || hit->kind != RWB_LEX_NAME)
        continue;
      const RwbLexEntry *entry = g_ptr_array_index (ctx->lex->entries, hit->entry);
      if (entry->type == RWB_ENTITY_COMPANY || entry->type == RWB_ENTITY_ORGANIZATION)
        return k - 1;
    }
  return last;
}

/* Model names mix letters and digits (E2, A320neo, SU7); company names rarely do. */
gboolean
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

/* The Arabic written form just before a Latin name, if it looks like the same name: either in
 * parentheses "(لي جون) Lei Jun", or one plain word whose consonants agree "جيلي Geely". */
gboolean
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
  if (!t->arabic || t->mention >= 0 || blocking_cue (t) != 0)
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

/* Whether a relation trigger starts with this word ("تصنيع" in "شركة تصنيع"). */
gboolean
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
gboolean
name_like_arabic (Ctx *ctx, Token *t)
{
  if (!t->arabic || t->mention >= 0 || blocking_cue (t) != 0 || t->keys[0] != t->cands[0])
    return FALSE;
  if (g_utf8_strlen (t->form, -1) < 3 || g_str_has_suffix (t->form, "\xd9\x8a\xd9\x87"))
    return FALSE;
  /* "إدارتها"، "شركاتهم": a noun in ـة or ـات with a possessive pronoun is no name. */
  if (g_str_has_suffix (t->form, "\xd8\xaa\xd9\x87\xd8\xa7") /* ـتها */
      || g_str_has_suffix (t->form, "\xd8\xaa\xd9\x87\xd9\x85") /* ـتهم */)
    return FALSE;
  /* "للدخول" is ل + الدخول: a preposition before a definite noun, not a name. */
  for (guint c = 1; c < t->n_cands; c++)
    if (t->keys[c] != t->cands[c])
      return FALSE;
  return !starts_trigger (ctx, t);
}

/* Whether @t, written as it stands, is an English business word in Arabic letters. */
static gboolean
is_loanword (Ctx *ctx, const Token *t)
{
  return (cue_of (ctx->lex, t->form) & RWB_CUE_LOANWORD) != 0;
}

/* Whether @t may be a word of a transliterated company name: a name-like word or a
 * business loanword; only the first may carry a clitic (و، ب، ل). */
static gboolean
loanword_name_part (Ctx *ctx, Token *t, gboolean first)
{
  if (!t->arabic || t->mention >= 0 || starts_trigger (ctx, t))
    return FALSE;
  if (is_loanword (ctx, t) || (first && (t->cue & RWB_CUE_LOANWORD)))
    return TRUE;
  return name_like_arabic (ctx, t) && (first || t->n_cands == 1);
}

/* "قدمته نوراس وسيلفر باور"، "ومضة كابيتال": two to four name-like words ending in a
 * business word in Arabic letters (كابيتال، انترناشونال، جروب) are a company. The clitic
 * of the first word stays out of the name. */
gboolean
arabic_loanword_name (Ctx *ctx, GArray *tokens, guint i, GArray *mentions, guint *out_last)
{
  Token *t = TOK (i);
  if (!t->arabic)
    return FALSE;
  /* Cheap first: a loanword among this word and the three after it. */
  gboolean any = FALSE;
  for (guint k = i; k < tokens->len && k <= i + 3 && !any; k++)
    any = (TOK (k)->cue & RWB_CUE_LOANWORD) != 0;
  if (!any || !loanword_name_part (ctx, t, TRUE))
    return FALSE;
  guint last = i, end = i;
  gboolean first_loan = is_loanword (ctx, t);
  gint clitic_loan = -1; /* the reading of the first word that is a loanword */
  for (guint c = 1; !first_loan && c < t->n_cands; c++)
    if (t->keys[c] == t->cands[c] && (cue_of (ctx->lex, t->cands[c]) & RWB_CUE_LOANWORD))
      clitic_loan = (gint) c;
  gboolean loan = first_loan || clitic_loan >= 0;
  while (end + 1 < tokens->len && end - i < 3 && loanword_name_part (ctx, TOK (end + 1), FALSE))
    if (is_loanword (ctx, TOK (++end)))
      last = end;
  /* The name ends at its last loanword and has two words at least. A plain word before
   * loanwords that make a name by themselves is read apart (a verb: "تعمل غلوبال أوتو"); it
   * joins one loanword only ("ومضة كابيتال"). */
  if (last == i)
    return FALSE;
  if (!loan && i + 1 < last && is_loanword (ctx, TOK (i + 1)))
    return FALSE;
  for (guint k = i; k <= last; k++)
    {
      guint l, cand;
      const RwbLexHit *hit;
      if (lookup_phrase (ctx, tokens, k, &l, &hit, &cand))
        return FALSE; /* a place or a company the lexicon knows is read by its own rule */
    }
  g_autofree char *text = span_text (ctx, tokens, i, last);
  const char *name = text;
  if (clitic_loan >= 0)
    name = g_utf8_offset_to_pointer (text, t->stripped[clitic_loan]);
  else if (!first_loan && i > 0 && TOK (i - 1)->mention >= 0 && t->n_cands > 1
           && g_str_has_prefix (t->form, "\xd9\x88") /* و */)
    name = g_utf8_offset_to_pointer (text, 1); /* "نوراس وسيلفر باور": و joins two names */
  guint e = entity_for_pattern (ctx, NULL, name, RWB_ENTITY_COMPANY, "arabic-loanword-name");
  add_mention (ctx, tokens, mentions, i, last, e, MENTION_NAME);
  say (ctx, "entity “%s” (company) ← pattern arabic-loanword-name at %u–%u", name,
       t->span.start, TOK (last)->span.end);
  *out_last = last;
  return TRUE;
}

/* «بقالتي», «ومضة كابيتال»: one or two name-like Arabic words alone between quotation marks.
 * Quotations of speech are longer or hold verbs, adjectives and function words. */
gboolean
quoted_arabic_name (Ctx *ctx, GArray *tokens, guint i, GArray *mentions, guint *out_last)
{
  if (i == 0 || !is_open_quote (TOK (i - 1)))
    return FALSE;
  /* After a head noun ("شركة «الوادي مهندسون مقاولون»") the quotes hold the name, whatever
   * its words (a relation word too: "مقاولون"): up to five, none a function word or a verb
   * of saying. */
  RwbCueFlags cue = i > 1 ? TOK (i - 2)->cue : 0;
  gboolean headed = (cue & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_BANK)) != 0
                    && TOK (i - 2)->arabic;
  guint max_words = headed ? 5 : 3;
  guint last = i;
  while (last + 1 < tokens->len && last + 1 - i < max_words && !is_close_quote (TOK (last + 1)))
    last++;
  if (!quoted (tokens, i, last))
    return FALSE;
  for (guint k = i; k <= last; k++)
    {
      Token *t = TOK (k);
      gboolean plain = t->word && t->mention < 0
                       && !(t->cue & (RWB_CUE_STOP | RWB_CUE_CLAUSE | RWB_CUE_SPEECH));
      if (!(headed ? plain : name_like_arabic (ctx, t)))
        return FALSE;
    }
  RwbEntityType type = RWB_ENTITY_COMPANY;
  const char *rule = "quoted-arabic-name";
  if (cue & RWB_CUE_PERSON)
    type = RWB_ENTITY_PERSON;
  else if (cue & RWB_CUE_ORGANIZATION)
    type = RWB_ENTITY_ORGANIZATION;
  g_autofree char *arabic = span_text (ctx, tokens, i, last);
  /* «نوراس» (Nawras): the Latin name in parentheses after the quote is the same company. */
  guint e = type == RWB_ENTITY_PERSON
              ? entity_for_pattern (ctx, NULL, arabic, type, rule)
              : entity_with_paren_latin (ctx, tokens, mentions, last + 1, arabic, type, rule);
  add_mention (ctx, tokens, mentions, i, last, e, MENTION_NAME);
  say (ctx, "entity “%s” (%s) ← pattern %s at %u–%u", arabic, rwb_entity_type_to_string (type),
       rule, TOK (i)->span.start, TOK (last)->span.end);
  *out_last = last;
  return TRUE;
}

/* "وقال محمد أبونيان، مؤسس …", "وأضاف سامر حداد أن …": two or three name words right after
 * a verb of saying, closed by a comma, a colon or إن/أن, are a person. Family names may carry
 * the article (الشناوي); the given name does not. */
gboolean
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
      if (!t->arabic || t->mention >= 0 || blocking_cue (t) != 0 || starts_trigger (ctx, t))
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

gboolean
arabic_name_after_cue (Ctx *ctx, GArray *tokens, guint i, GArray *mentions)
{
  if (i == 0)
    return FALSE;
  /* "الشركة الإماراتية سمران": a definite head noun and its nisba (a describing word may
   * stand between them), then the name. */
  guint h = i - 1;
  while (h > 0 && i - h <= 3 && TOK (h)->arabic
         && ((TOK (h)->mention >= 0
              && g_array_index (mentions, Mention, TOK (h)->mention).kind == MENTION_ADJECTIVE)
             || (h + 1 < i && TOK (h)->mention < 0 && TOK (h)->keys[0] != TOK (h)->cands[0]
                 && TOK (h)->n_cands == 1 && blocking_cue (TOK (h)) == 0)))
    h--;
  if (h < i - 1 && !(TOK (i - 1)->mention >= 0
                     && g_array_index (mentions, Mention, TOK (i - 1)->mention).kind
                          == MENTION_ADJECTIVE))
    h = i - 1; /* only a nisba may stand right before the name */
  /* The head is definite there: its class is its word's without the article. */
  RwbCueFlags head_cue = 0;
  for (guint c = 0; h < i - 1 && c < TOK (h)->n_cands; c++)
    if (TOK (h)->keys[c] != TOK (h)->cands[c]) /* "الشركة"، "والشركة" */
      head_cue |= cue_of (ctx->lex, TOK (h)->keys[c]);
  if (h < i - 1 && !((head_cue & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_BANK))
                     && TOK (h)->mention < 0))
    h = i - 1;
  /* After a description the next word is mostly its verb ("الشركة الصينية دخلت في"،
   * "تعتزم"): not a word shaped as a verb agreeing with the head (ت at its end, ت or ي
   * at its start), nor one a preposition follows. */
  if (h < i - 1)
    {
      const char *f = TOK (i)->form;
      gboolean verb_shaped = g_str_has_suffix (f, "\xd8\xaa") || g_str_has_prefix (f, "\xd8\xaa")
                             || g_str_has_prefix (f, "\xd9\x8a");
      gboolean preposition_after = i + 1 < tokens->len && TOK (i + 1)->arabic
                                   && (TOK (i + 1)->cue & (RWB_CUE_STOP | RWB_CUE_LOCATIVE
                                                           | RWB_CUE_OBJECT))
                                   && TOK (i + 1)->n_cands == 1;
      if (verb_shaped || preposition_after)
        h = i - 1;
    }
  RwbCueFlags cue = h < i - 1 ? head_cue : TOK (h)->cue;
  if (h < i - 1)
    cue &= ~(RwbCueFlags) RWB_CUE_PERSON;
  if (!(cue & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION | RWB_CUE_PERSON))
      || !name_like_arabic (ctx, TOK (i)) || counted_noun (tokens, h))
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
          && blocking_cue (TOK (i + 1)) == 0 && !starts_trigger (ctx, TOK (i + 1)))
        last = i + 1;
      /* "المهندس شحادة أبو هديب"، "الشيخ خالد بن حمد": a kunya or a nasab link takes the
       * word after it. */
      static const char *const links[] = { "\xd8\xa7\xd8\xa8\xd9\x88" /* أبو */,
                                           "\xd8\xb9\xd8\xa8\xd8\xaf" /* عبد */,
                                           "\xd8\xa8\xd9\x86" /* بن */,
                                           "\xd8\xa7\xd8\xa8\xd9\x86" /* ابن */, NULL };
      for (guint n = 0; n < 2 && last + 2 < tokens->len; n++)
        {
          gboolean link = FALSE;
          for (guint k = 0; links[k]; k++)
            link = link || form_is (TOK (last), links[k]);
          Token *next = TOK (last + 1);
          if (!link || !next->arabic || next->mention >= 0 || blocking_cue (next) != 0
              || starts_trigger (ctx, next))
            break;
          last++;
        }
    }
  else if (cue & RWB_CUE_ORGANIZATION)
    type = RWB_ENTITY_ORGANIZATION, rule = "arabic-after-organization-cue";
  g_autofree char *arabic = span_text (ctx, tokens, i, last);
  gint known = last == i && type != RWB_ENTITY_PERSON ? arabic_short_form (ctx, TOK (i)) : -1;
  guint e = known >= 0 ? (guint) known : entity_for_pattern (ctx, NULL, arabic, type, rule);
  add_mention (ctx, tokens, mentions, i, last, e, MENTION_NAME);
  say (ctx, "entity “%s” (%s) ← pattern %s at %u–%u", arabic, rwb_entity_type_to_string (type),
       known >= 0 ? "short form of an organization named before" : rule, TOK (i)->span.start,
       TOK (last)->span.end);
  return TRUE;
}

/* Adds the first word of @e's name (and a person's last word) to the tables that
 * names_known_entity and shortened_name read: one look-up per word instead of a scan of
 * every entity. */
static void
index_name_words (Ctx *ctx, const RwbEntity *e, guint index)
{
  const char *space = strchr (e->name, ' ');
  if (space == NULL)
    return;
  GHashTable *words = e->type == RWB_ENTITY_PERSON ? ctx->person_last : ctx->org_first;
  char *word = e->type == RWB_ENTITY_PERSON ? g_strdup (strrchr (e->name, ' ') + 1)
                                            : g_strndup (e->name, space - e->name);
  g_hash_table_add (ctx->first_words, g_strndup (e->name, space - e->name));
  if (e->type == RWB_ENTITY_PERSON)
    g_hash_table_add (ctx->last_words, g_strdup (word));
  index_name (words, word, index);
}

static void
sync_name_words (Ctx *ctx)
{
  GPtrArray *entities = ctx->graph->entities;
  for (; ctx->name_words_done < entities->len; ctx->name_words_done++, ctx->work++)
    index_name_words (ctx, g_ptr_array_index (entities, ctx->name_words_done),
                      ctx->name_words_done);
}

/* The entity whose name one word @word shortens: "Hemsworth" after "Hemsworth Living" (the
 * first word of an organization's name), "Fuentes" after "Mariela Fuentes" (a person's family
 * name); the earlier one when both fit, or -1. An entity renamed since it was indexed is
 * checked against its name now. */
static gint
shortened_name (Ctx *ctx, const char *word)
{
  sync_name_words (ctx);
  gint found = -1;
  GHashTable *tables[] = { ctx->org_first, ctx->person_last };
  for (guint k = 0; k < G_N_ELEMENTS (tables); k++)
    {
      guint idx = GPOINTER_TO_UINT (g_hash_table_lookup (tables[k], word));
      if (idx == 0 || (found >= 0 && (gint) idx - 1 > found))
        continue;
      const RwbEntity *e = g_ptr_array_index (ctx->graph->entities, idx - 1);
      gsize n = strlen (word), len = strlen (e->name);
      gboolean fits = k == 0 ? g_str_has_prefix (e->name, word) && e->name[n] == ' '
                             : len > n + 1 && g_str_has_suffix (e->name, word)
                                   && e->name[len - n - 1] == ' ';
      if (fits)
        found = idx - 1;
    }
  return found;
}

/* Whether one capitalized word shortens a name the graph already has (the first word of a
 * company's name, or a person's family name). */
gboolean
names_known_entity (Ctx *ctx, GArray *tokens, guint i)
{
  sync_name_words (ctx);
  g_autofree char *word = span_text (ctx, tokens, i, i);
  strip_possessive (word);
  return g_hash_table_contains (ctx->first_words, word)
         || g_hash_table_contains (ctx->last_words, word);
}

/* Whether the capitalized run @first..@last is a person's name by its first word: a given
 * name (a common-word one such as "Mark" only with two more words after it). */
gboolean
latin_given_name_run (GArray *tokens, guint first, guint last)
{
  guint len = last - first + 1;
  const Token *t = TOK (first);
  /* Particles and family articles do not count: "Hamdan bin Rashid Al Tarmouk". */
  guint core = 0;
  for (guint k = first; k <= last; k++)
    if (!(TOK (k)->cue & RWB_CUE_PARTICLE))
      core++;
  if (len < 2 || core > 4 || len > 7)
    return FALSE;
  /* "Noura Ben Salah": a nasab link inside makes it a person's name, whatever the given
   * name. */
  gboolean nasab = FALSE;
  for (guint k = first + 1; k < last; k++)
    {
      const Token *x = TOK (k);
      nasab |= form_is (x, "bin") || form_is (x, "ben") || form_is (x, "ibn")
               || form_is (x, "bint") || form_is (x, "binti");
    }
  if (!nasab && !(t->cue & RWB_CUE_GIVEN_ANY))
    return FALSE;
  if (!nasab && !(t->cue & RWB_CUE_GIVEN) && len < 3)
    return FALSE;
  for (guint k = first; k <= last; k++)
    if (TOK (k)->cue & (RWB_CUE_COMPANY_SUFFIX | RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION))
      return FALSE;
  return TRUE;
}

/* The type of an unknown capitalized English name from the words around it, or FALSE when
 * it is probably not a name at all:
 *   "in Leeds", "near Atacama", "Istanbul-based" → place;
 *   "Farid Rahman, chief executive of …", "said Farid Rahman", "Farid Rahman said" → person
 *   (two or three words);
 *   anything else in the middle of a sentence → company, the commonest unknown name in
 *   business news. A single capitalized word opening the sentence is left alone. */
/* Whether every capitalized word of @first..@last is a common English word
 * (words-common-english.txt): "Rules", "Deputy Governor", "Offer of Securities". */
static gboolean
common_words_run (GArray *tokens, guint first, guint last)
{
  for (guint k = first; k <= last; k++)
    {
      const Token *t = TOK (k);
      if (t->capital && !(t->cue & RWB_CUE_COMMON_WORD))
        return FALSE;
      /* "Capital Market Authority", "Development Bank": a head noun makes it a name. */
      if (t->cue & (RWB_CUE_ORG_HEAD | RWB_CUE_ORGANIZATION | RWB_CUE_COMPANY | RWB_CUE_BANK))
        return FALSE;
    }
  return TRUE;
}

gboolean
english_name_context (Ctx *ctx, GArray *tokens, GArray *mentions, guint first, guint last,
                      RwbEntityType *type, const char **rule)
{
  guint len = last - first + 1;
  /* Capitalized common words with no cue, suffix or head are a heading, a title or a term
   * ("Merger and Acquisition Regulations"), not a name, unless the article named the entity
   * in full before ("Tarvel" after "Tarvel Harvest Logistics Co"). */
  if (common_words_run (tokens, first, last)
      && !(len == 1 && names_known_entity (ctx, tokens, first)))
    return FALSE;
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
  /* "Sarah Whitfield", "Mohammed Abdulaziz AlRajhi": a given name opening two to four
   * capitalized words (no company suffix among them: the caller saw none). */
  if (latin_given_name_run (tokens, first, last))
    {
      *type = RWB_ENTITY_PERSON, *rule = "english-given-name";
      return TRUE;
    }
  if (first == 0 || (prev && !prev->word && !form_is (prev, ",") && !is_open_quote (prev)))
    {
      /* Sentence (or clause) start: only a name of several words, one the article has
       * already named in full ("Hemsworth competes …"), or one an apposition describes
       * ("Qorvan, an Amman-based start-up, …"). */
      gboolean apposition = next && next2 && form_is (next, ",") && (next2->cue & RWB_CUE_ARTICLE);
      if (len < 2 && !apposition && !names_known_entity (ctx, tokens, first))
        return FALSE;
    }
  *type = RWB_ENTITY_COMPANY, *rule = "english-capitalized-name";
  return TRUE;
}

/* "Saudi Telecom Co (stc)": an acronym in parentheses right after a name is another alias of
 * it, and a known acronym names the entity. */
void
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
      entity_add_alias (ctx, entity, alias);
      add_mention (ctx, tokens, mentions, k + 2, end, entity, MENTION_NAME);
      return;
    }
  if (last + 3 >= tokens->len || !form_is (TOK (last + 1), "(") || !form_is (TOK (last + 3), ")")
      || !TOK (last + 2)->latin || TOK (last + 2)->mention >= 0
      || TOK (last + 2)->span.bend - TOK (last + 2)->span.bstart > 8)
    return;
  g_autofree char *acronym = span_text (ctx, tokens, last + 2, last + 2);
  entity_add_alias (ctx, entity, acronym);
  add_mention (ctx, tokens, mentions, last + 2, last + 2, entity, MENTION_NAME);
}

/* "Minister of Energy and Minerals" in an article that named "the Ministry of Energy and
 * Minerals": the minister's office is that ministry, a mention of it. */
static gboolean
minister_office (Ctx *ctx, GArray *tokens, GArray *mentions, guint i, guint *out_last)
{
  if (!TOK (i)->latin || !form_is (TOK (i), "minister") || i + 2 >= tokens->len
      || !form_is (TOK (i + 1), "of") || !TOK (i + 2)->capital || TOK (i + 2)->mention >= 0)
    return FALSE;
  guint first = i + 2;
  guint last = latin_run_end (tokens, first);
  /* "Energy and Minerals": an office names its fields joined by "and". */
  while (last + 2 < tokens->len && form_is (TOK (last + 1), "and") && TOK (last + 2)->capital
         && TOK (last + 2)->mention < 0)
    last = latin_run_end (tokens, last + 2);
  g_autofree char *office = span_text (ctx, tokens, first, last);
  g_autofree char *ministry = g_strconcat ("Ministry of ", office, NULL);
  gint known = find_by_key (ctx, ministry, RWB_ENTITY_ORGANIZATION);
  if (known < 0)
    return FALSE;
  add_mention (ctx, tokens, mentions, first, last, (guint) known, MENTION_NAME);
  say (ctx, "entity “%s” ← the office of a minister at %u–%u", ministry, TOK (first)->span.start,
       TOK (last)->span.end);
  *out_last = last;
  return TRUE;
}

/* Whether the sentence is a heading in title case ("Qorvan Raises Record Funding for Smart
 * Ledger Platform"): four words or more, most of them capitalized, no full stop at the
 * end. Its capitalized runs are no evidence of a name; the lexicon and cues still are. */
static gboolean
english_heading (GArray *tokens)
{
  guint words = 0, capitals = 0;
  const Token *last = NULL;
  for (guint k = 0; k < tokens->len; k++)
    {
      const Token *t = TOK (k);
      last = t;
      if (!t->word || !t->latin)
        continue;
      words++;
      capitals += t->capital;
    }
  if (words < 4 || capitals * 10 < words * 7)
    return FALSE;
  return last && last->word;
}

/* "We're", "Don't": a contraction of a common word opening a quote or a sentence. */
static gboolean
english_contraction (Ctx *ctx, const Token *t)
{
  const char *p = strchr (t->form, '\'');
  if (p == NULL)
    p = strstr (t->form, "\xe2\x80\x99"); /* ’ */
  if (p == NULL || p == t->form)
    return FALSE;
  g_autofree char *head = g_strndup (t->form, p - t->form);
  return rwb_lexicon_common_word (ctx->lex, head);
}

void
find_entities (Ctx *ctx, GArray *tokens, GArray *mentions, gboolean arabic_doc)
{
  gboolean heading = !arabic_doc && english_heading (tokens);
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *t = TOK (i);
      if (t->mention >= 0 || !t->word)
        continue;
      guint last, cand;
      const RwbLexHit *hit;
      /* "بنك مصر"، "شركة نماء للحديد"، "مجموعة النخيل القابضة": a head noun and the name
       * its grammar gives, before the lexicon takes a place out of it. */
      if (arabic_letter_acronym (ctx, tokens, i, mentions, &last)
          || arabic_org_after_head (ctx, tokens, i, mentions, &last)
          || arabic_definite_org (ctx, tokens, i, mentions, &last))
        {
          i = last;
          continue;
        }
      if (lookup_phrase (ctx, tokens, i, &last, &hit, &cand))
        {
          RwbLexEntry *entry = g_ptr_array_index (ctx->lex->entries, hit->entry);
          /* "Saudi Telecom Co": a demonym opening a company name is part of the name. */
          if (hit->kind == RWB_LEX_ADJECTIVE && hit->latin && last + 1 < tokens->len
              && TOK (last + 1)->capital && is_name_token (TOK (last + 1)))
            {
              guint run = latin_run_end (tokens, last + 1);
              /* "the Saudi Iron and Steel Company": the name may join two fields by "and". */
              if (!arabic_doc)
                run = english_org_run_end (tokens, last + 1, run);
              gboolean suffix = FALSE;
              for (guint k = last + 1; k <= run; k++)
                suffix |= (TOK (k)->cue & RWB_CUE_COMPANY_SUFFIX) != 0;
              if (suffix)
                goto latin_name;
            }
          gboolean cued = (i > 0 && (TOK (i - 1)->cue & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION)))
                          || quoted (tokens, i, last);
          /* A form that is also an everyday word, with no cue: no lexicon name — but a
           * capitalized Latin word may still open an unknown name ("Jordan Ventures"). */
          if (entry->needs_cue && !cued)
            {
              if (t->latin && t->capital)
                goto latin_name;
              continue;
            }
          /* "Jordan Ventures Limited": a place or a person the lexicon knows, then company
           * suffixes, names a company of its own. */
          if (hit->kind == RWB_LEX_NAME && entry->type != RWB_ENTITY_COMPANY && t->latin
              && last + 1 < tokens->len && TOK (last + 1)->capital && TOK (last + 1)->mention < 0
              && (TOK (last + 1)->cue & RWB_CUE_COMPANY_SUFFIX))
            goto latin_name;
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
                  entity_add_alias (ctx, e, latin);
                  add_mention (ctx, tokens, mentions, last + 1, l2, e, MENTION_NAME);
                  i = l2;
                  continue;
                }
            }
          i = last;
          continue;
        }

      /* "أحمد السالم", "خالد بن علي الكندي": a person from a given name and what follows. */
      if (arabic_person_by_given_name (ctx, tokens, i, mentions, &last))
        {
          i = last;
          continue;
        }
      /* "وسيلفر باور"، "ومضة كابيتال": name-like words with an English business word
       * in Arabic letters among them. */
      if (arabic_loanword_name (ctx, tokens, i, mentions, &last))
        {
          i = last;
          continue;
        }
      /* "مدينة سمراية", "بمنطقة قرطاسة": an unknown name after a place's head noun. */
      if (arabic_place_after_head (ctx, tokens, i, mentions))
        continue;
      /* "شركة زيمبرا", "وكالة ستاربرس": an unknown Arabic name right after a cue. */
      if (arabic_name_after_cue (ctx, tokens, i, mentions))
        continue;
      /* "نوفا" alone after "شركة نوفا للإلكترونيات": the organization named before. */
      if (t->arabic)
        {
          gint known = arabic_short_form (ctx, t);
          if (known >= 0 && name_like_arabic (ctx, t))
            {
              add_mention (ctx, tokens, mentions, i, i, (guint) known, MENTION_NAME);
              say (ctx, "entity “%s” ← short form of an organization named before at %u–%u",
                   ((RwbEntity *) g_ptr_array_index (ctx->graph->entities, known))->name,
                   t->span.start, t->span.end);
              continue;
            }
        }
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
      if (minister_office (ctx, tokens, mentions, i, &last))
        {
          i = last;
          continue;
        }
      if (!t->capital || !is_name_token (t)
          || !g_unichar_isalpha (g_utf8_get_char (ctx->text + t->span.bstart)))
        continue;
      last = latin_run_end (tokens, i);
      if (!arabic_doc)
        last = english_org_run_end (tokens, i, last);
      last = before_known_party (ctx, tokens, i, last);
      /* "Later Hadeed grew": an everyday word capitalized only because it opens the sentence,
       * before a name the article has given, is not part of it. */
      if (!arabic_doc && i < last && (i == 0 || !TOK (i - 1)->word)
          && (t->cue & RWB_CUE_COMMON_WORD) && !(t->cue & RWB_CUE_GIVEN_ANY))
        {
          g_autofree char *rest = span_text (ctx, tokens, i + 1, last);
          strip_possessive (rest);
          if (find_by_name (ctx, rest) >= 0)
            {
              i++;
              t = TOK (i);
            }
        }
      /* "Chief Executive Olayan Alwetaid": a title inside the run is not part of the name. */
      gboolean titled = FALSE;
      for (guint k = last; k > i; k--)
        if (TOK (k - 1)->cue & RWB_CUE_PERSON)
          {
            i = k;
            titled = TRUE;
            break;
          }
      /* "Managing Director of OQ Exploration", "Minister of Energy": after a title and "of"
       * comes the organization or office it is held in, read on its own from the next word
       * (the lexicon first; an office of common words is no name). */
      if (titled && !TOK (i)->capital)
        {
          if (!form_is (TOK (i), "of"))
            i = last;
          continue;
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
      if (!arabic_doc && !titled && !cue_before && !suffix
          && (heading || (i == last && english_contraction (ctx, TOK (i)))))
        {
          i = last;
          continue;
        }
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
      else if (arabic_doc && !suffix && !(before & (RWB_CUE_COMPANY | RWB_CUE_ORGANIZATION))
               && latin_given_name_run (tokens, i, last))
        type = RWB_ENTITY_PERSON, rule = "latin-given-name";
      else if (before & RWB_CUE_ORGANIZATION)
        type = RWB_ENTITY_ORGANIZATION, rule = "organization-cue";
      /* "Ministry of Energy", "Capital Market Authority": a public body's head noun. */
      if (type == RWB_ENTITY_COMPANY && !arabic_doc)
        for (guint k = i; k <= last; k++)
          if ((TOK (k)->cue & RWB_CUE_ORG_HEAD) && !(TOK (k)->cue & RWB_CUE_COMPANY))
            {
              type = RWB_ENTITY_ORGANIZATION;
              break;
            }
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

int
compare_mentions (gconstpointer a, gconstpointer b)
{
  const Mention *x = a, *y = b;
  return (int) x->first - (int) y->first;
}
