/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-extract-coref.c — coreference: "الشركة / the company" and the like standing for an
 * earlier entity of the document.
 */
#define G_LOG_DOMAIN "rawabit-extract"

#include "rwb-extract-private.h"

#include <glib/gi18n.h>
#include <string.h>

gboolean
is_party (RwbGraph *graph, guint entity)
{
  RwbEntity *e = g_ptr_array_index (graph->entities, entity);
  return e->type == RWB_ENTITY_COMPANY || e->type == RWB_ENTITY_ORGANIZATION;
}

/* ctx->recent holds parties in the order last named, newest last. Naming a party again
 * moves it to the end: its old slot becomes a hole (RECENT_HOLE), and the array is compacted
 * when holes are half of it, so each mention costs constant time on average. */
#define RECENT_HOLE G_MAXUINT

static void
recent_compact (Ctx *ctx)
{
  guint kept = 0;
  for (guint i = 0; i < ctx->recent->len; i++)
    {
      guint e = g_array_index (ctx->recent, guint, i);
      ctx->work++;
      if (e == RECENT_HOLE)
        continue;
      g_array_index (ctx->recent, guint, kept) = e;
      g_hash_table_insert (ctx->recent_at, GUINT_TO_POINTER (e), GUINT_TO_POINTER (kept + 1));
      kept++;
    }
  g_array_set_size (ctx->recent, kept);
}

void
remember (Ctx *ctx, guint entity)
{
  if (!is_party (ctx->graph, entity))
    return;
  gpointer key = GUINT_TO_POINTER (entity);
  g_hash_table_insert (ctx->salience, key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (ctx->salience,
                                                                                key)) + 1));
  guint at = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->recent_at, key));
  if (at == ctx->recent->len && at > 0)
    return; /* already the newest */
  if (at > 0)
    {
      g_array_index (ctx->recent, guint, at - 1) = RECENT_HOLE;
      ctx->recent_holes++;
    }
  g_array_append_val (ctx->recent, entity);
  g_hash_table_insert (ctx->recent_at, key, GUINT_TO_POINTER (ctx->recent->len));
  if (ctx->recent_holes > 16 && ctx->recent_holes * 2 > ctx->recent->len)
    {
      recent_compact (ctx);
      ctx->recent_holes = 0;
    }
}

/* The party named before slot *@cursor, stepping over holes, and moves @cursor to it; -1
 * when there is none. A hole passed stands for a party named again later, which the walk
 * from the end has already passed: k parties cost at most 2k steps. */
static gint
recent_party (Ctx *ctx, guint *cursor)
{
  while (*cursor > 0)
    {
      guint e = g_array_index (ctx->recent, guint, --*cursor);
      ctx->work++;
      if (e != RECENT_HOLE)
        return (gint) e;
    }
  return -1;
}

/* The head nouns a description can name its kind by, in matching form and in Latin: "البنك"
 * and "the lender" stand for a bank, "الصندوق" for a fund, "المجموعة" for a group. A
 * description without one of these ("الشركة", "the company") fits any company. */
typedef struct
{
  const char *key;        /* the description's key (matching form, no article) */
  const char *const *in_name; /* words one of which the referent's name or alias holds */
} KindHead;

static const char *const bank_words[] = { "\xd8\xa8\xd9\x86\xd9\x83" /* بنك */,
                                          "\xd9\x85\xd8\xb5\xd8\xb1\xd9\x81" /* مصرف */,
                                          "Bank", "bank", "Banque", NULL };
static const char *const fund_words[] = { "\xd8\xb5\xd9\x86\xd8\xaf\xd9\x88\xd9\x82" /* صندوق */,
                                          "Fund", "fund", NULL };
static const char *const group_words[] = { "\xd9\x85\xd8\xac\xd9\x85\xd9\x88\xd8\xb9\xd9\x87" /* مجموعه */,
                                           "\xd9\x85\xd8\xac\xd9\x85\xd9\x88\xd8\xb9\xd8\xa9" /* مجموعة */,
                                           "Group", "group", NULL };
static const KindHead kind_heads[] = {
  { "\xd8\xa8\xd9\x86\xd9\x83", bank_words },             /* البنك */
  { "\xd9\x85\xd8\xb5\xd8\xb1\xd9\x81", bank_words },   /* المصرف */
  { "bank", bank_words },
  { "lender", bank_words },
  { "\xd8\xb5\xd9\x86\xd8\xaf\xd9\x88\xd9\x82", fund_words }, /* الصندوق */
  { "fund", fund_words },
  { "\xd9\x85\xd8\xac\xd9\x85\xd9\x88\xd8\xb9\xd9\x87", group_words }, /* المجموعة */
  { "group", group_words },
};

/* How many of the most recent parties a description looks back over: for one of a kind
 * ("البنك"), and for the two the article is about ("both companies"). */
#define KIND_LOOKBACK 16
#define SALIENT_LOOKBACK 256

static gboolean
names_hold (const RwbEntity *e, const char *const *words)
{
  for (guint w = 0; words[w]; w++)
    {
      if (strstr (e->name, words[w]))
        return TRUE;
      for (guint a = 0; e->aliases && a < e->aliases->len; a++)
        if (strstr (g_ptr_array_index (e->aliases, a), words[w]))
          return TRUE;
    }
  return FALSE;
}

/* The words a description at @t asks its referent's name to hold, or NULL. */
static const char *const *
kind_of_description (const Token *t)
{
  for (guint c = 0; c < t->n_cands; c++)
    for (guint k = 0; k < G_N_ELEMENTS (kind_heads); k++)
      {
        const char *key = t->keys[c];
        /* Latin descriptions are phrases ("the lender"): their last word is the token. */
        if (g_str_equal (key, kind_heads[k].key) || g_ascii_strcasecmp (key, kind_heads[k].key) == 0)
          return kind_heads[k].in_name;
      }
  return NULL;
}

/* The referent of a description naming its kind: @preferred when it is of that kind, else the
 * most recent party of that kind, else -1. */
static gint
referent_of_kind (Ctx *ctx, const char *const *words, gint preferred)
{
  if (preferred >= 0
      && names_hold (g_ptr_array_index (ctx->graph->entities, (guint) preferred), words))
    return preferred;
  guint cursor = ctx->recent->len;
  gint party;
  for (guint n = 0; n < KIND_LOOKBACK && (party = recent_party (ctx, &cursor)) >= 0; n++)
    {
      guint e = (guint) party;
      if (!g_hash_table_contains (ctx->media, GUINT_TO_POINTER (e))
          && names_hold (g_ptr_array_index (ctx->graph->entities, e), words))
        return (gint) e;
    }
  return -1;
}

/* "الشركة" / "the company" stands for the subject of the discourse: the first company named
 * earlier in this sentence, else the first company of the last sentence that named one (news
 * keeps its subject; the company named last is often only an object). "الشركتان" / "both
 * companies" stand for the last two companies named. Mentions are added in text order. */
void
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
      /* "the company Baidu": an apposition, not a reference ("الرئيس التنفيذي للشركة فلان" is
       * one: the person holds a role in it). */
      if (i + 1 < tokens->len && TOK (i + 1)->mention >= 0
          && etype (ctx, g_array_index (mentions, Mention, TOK (i + 1)->mention).entity)
               != RWB_ENTITY_PERSON)
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
      const char *const *kind = want == 1 ? kind_of_description (t) : NULL;
      gint of_kind = kind ? referent_of_kind (ctx, kind, subject_here >= 0 ? subject_here
                                                                           : ctx->subject)
                          : -1;
      if (of_kind >= 0)
        referents[0] = (guint) of_kind;
      else if (want == 1 && (subject_here >= 0 || ctx->subject >= 0))
        referents[0] = subject_here >= 0 ? (guint) subject_here : (guint) ctx->subject;
      else if (want == 2 && ctx->pair[0] >= 0 && ctx->pair[1] >= 0)
        {
          /* "الشركتان": the parties of the last two-party event. */
          referents[0] = (guint) ctx->pair[0];
          referents[1] = (guint) ctx->pair[1];
        }
      else if (ctx->recent->len - ctx->recent_holes >= want)
        {
          /* "both companies": the two the article is about — named most often so far, the
           * latest first among equals, among the last SALIENT_LOOKBACK parties. */
          guint best[2] = { G_MAXUINT, G_MAXUINT }, score[2] = { 0, 0 };
          guint cursor = ctx->recent->len;
          gint party;
          for (guint seen = 0;
               seen < SALIENT_LOOKBACK && (party = recent_party (ctx, &cursor)) >= 0; seen++)
            {
              guint e = (guint) party;
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
            {
              guint back = ctx->recent->len;
              for (guint k = 0; k < want; k++)
                referents[k] = (guint) recent_party (ctx, &back);
            }
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
          /* The article view highlights "الشركة" as a mention of the company it stands for. */
          rwb_entity_add_mention_kind (e, ctx->doc, t->span.start, t->span.end,
                                       RWB_MENTION_DESCRIPTION);
          say (ctx, "coreference «%.*s» at %u → “%s”", (int) (t->span.bend - t->span.bstart),
               ctx->text + t->span.bstart, t->span.start, e->name);
        }
      t->mention = mentions->len - 1;
      /* "وقعت الشركة عقدا مع بتروفاك": a description opening the sentence keeps the
       * discourse's subject for the sentences after it. */
      if (want == 1 && sentence_subject < 0)
        sentence_subject = (gint) referents[0];
    }
  if (sentence_subject >= 0)
    ctx->subject = sentence_subject;
  g_array_sort (mentions, compare_mentions);
}
