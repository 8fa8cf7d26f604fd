/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-extract.c — entities, light coreference and typed relations from article text.
 *
 * Sentence by sentence: ICU words → matching forms and clitic-free candidates → lexicon
 * mentions (longest match) and name patterns → coreference of "الشركة / the company" →
 * relation triggers between mentions. Every mention and relation keeps the code-point offsets
 * of its sentence as evidence.
 */
#define G_LOG_DOMAIN "rawabit-extract"

#include "rwb-extract-private.h"
#include "rwb-html.h"

#include <string.h>

/* A pair with a typed relation needs no co-occurrence edge as well: drop `mention` relations
 * of such pairs (a pair can collect both when one sentence types it and another only names
 * both). Relations are only referred to by index after extraction, so they can move. */
void
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
void
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
  return extract_document_counting (lexicon, graph, doc, options, NULL, error);
}

gboolean
extract_document_counting (RwbLexicon *lexicon, RwbGraph *graph, guint doc,
                           const RwbExtractOptions *options, guint64 *work, GError **error)
{
  g_return_val_if_fail (lexicon != NULL && graph != NULL, FALSE);
  g_return_val_if_fail (doc < graph->documents->len, FALSE);
  RwbDocument *d = g_ptr_array_index (graph->documents, doc);
  g_return_val_if_fail (d->text != NULL, FALSE);

  Ctx ctx = { .lex = lexicon, .graph = graph, .doc = doc, .text = d->text, .options = options,
              .subject = -1, .pair = { -1, -1 } };
  ctx.by_entry = g_hash_table_new (g_direct_hash, g_direct_equal);
  ctx.media = g_hash_table_new (g_direct_hash, g_direct_equal);
  ctx.by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.by_exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.short_forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.salience = g_hash_table_new (g_direct_hash, g_direct_equal);
  ctx.first_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.last_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.org_first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.person_last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.recent = g_array_new (FALSE, FALSE, sizeof (guint));
  ctx.recent_at = g_hash_table_new (g_direct_hash, g_direct_equal);
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
      if (arabic_doc)
        find_title_persons (&ctx, tokens, mentions);
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
  if (work)
    *work = ctx.work;
  g_hash_table_unref (ctx.by_entry);
  g_hash_table_unref (ctx.media);
  g_hash_table_unref (ctx.by_name);
  g_hash_table_unref (ctx.by_key);
  g_hash_table_unref (ctx.first_words);
  g_hash_table_unref (ctx.last_words);
  g_hash_table_unref (ctx.org_first);
  g_hash_table_unref (ctx.person_last);
  g_hash_table_unref (ctx.by_exact);
  g_hash_table_unref (ctx.short_forms);
  g_hash_table_unref (ctx.salience);
  g_array_unref (ctx.recent);
  g_hash_table_unref (ctx.recent_at);
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
  g_autofree char *path = g_file_get_path (file);
  if (path == NULL)
    path = g_file_get_uri (file);
  g_autoptr (RwbHtmlArticle) page = NULL;
  g_autofree char *text = NULL;
  if (rwb_html_is_page (path, NULL, 0))
    {
      /* A web page: its main text is the document (rwb-html.h). */
      page = rwb_html_load_file (file, flags, cancellable, error);
      if (page == NULL)
        return FALSE;
      text = g_steal_pointer (&page->text);
    }
  else
    {
      text = rwb_text_load_file_full (file, flags, cancellable, error);
      if (text == NULL)
        return FALSE;
      /* A page saved without its extension ("<!DOCTYPE html…" or "<html…" at the top). */
      if (rwb_html_is_page (NULL, text, MIN (strlen (text), 64)))
        {
          page = rwb_html_read (text, strlen (text), flags, error);
          if (page == NULL)
            return FALSE;
          g_free (text);
          text = g_steal_pointer (&page->text);
        }
    }
  guint doc = rwb_graph_add_document (graph, path, rwb_text_guess_language (text, strlen (text)),
                                      text);
  if (page)
    {
      RwbDocument *d = g_ptr_array_index (graph->documents, doc);
      if (page->title && d->title == NULL)
        d->title = g_strdup (page->title);
      if (page->date && d->date == NULL)
        d->date = g_strdup (page->date);
    }
  return rwb_extract_document (lexicon, graph, doc, options, error);
}
