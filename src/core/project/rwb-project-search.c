/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-project-search.c — full-text search over the articles' sentences (SQLite FTS5).
 *
 * Each sentence of an article is a row of the `search` table: its rowid is the article id
 * shifted left by SENTENCE_BITS plus the sentence's number, so an article's rows are one rowid
 * range (removing them costs the same at any project size), and `start`/`end` are the
 * sentence's code-point offsets. The indexed text is not the sentence itself but, for each
 * word, its matching form (rwb_text_match_form) and, for Arabic, the forms without clitics
 * (rwb_text_arabic_readings), each without a leading ال: so شاومى finds «وشاومي» and الصين
 * finds «بالصين». A query is read the same way, word by word, the last word as a prefix.
 */
#define G_LOG_DOMAIN "rawabit-project"

#include "rwb-project-private.h"

#include "rwb-text.h"

#include <glib/gi18n.h>
#include <string.h>

#define SENTENCE_BITS 24
#define MAX_READINGS 12

static gboolean
has_letter_or_digit (const char *s)
{
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Appends @form unless it is the last one appended (readings repeat the word). */
static void
append_form (GString *out, const char *form, gsize len, GHashTable *seen)
{
  g_autofree char *copy = g_strndup (form, len);
  if (*copy == '\0' || g_hash_table_contains (seen, copy))
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, copy);
  g_hash_table_add (seen, g_steal_pointer (&copy));
}

/* The indexed forms of one word (see the file comment). */
static void
append_word_forms (GString *out, const char *word, gsize len)
{
  g_autofree char *form = rwb_text_match_form (word, len);
  if (!has_letter_or_digit (form))
    return;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *key = rwb_text_key_start (form);
  append_form (out, key, strlen (key), seen);
  RwbReading readings[MAX_READINGS];
  guint n = rwb_text_arabic_readings (form, readings, MAX_READINGS);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *whole = g_strconcat (readings[i].article ? readings[i].article : "",
                                            readings[i].rest, NULL);
      const char *k = rwb_text_key_start (whole);
      append_form (out, k, strlen (k), seen);
    }
}

gboolean
rwb_project_unindex_article (RwbProject *project, gint64 id, GError **error)
{
  sqlite3_stmt *st = rwb_project_statement (project, "DELETE FROM search WHERE rowid >= ?1"
                                                     " AND rowid < ?2", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id << SENTENCE_BITS);
  sqlite3_bind_int64 (st, 2, (id + 1) << SENTENCE_BITS);
  return rwb_project_step_done (project, st, _("update the search index"), error);
}

gboolean
rwb_project_index_article (RwbProject *project, gint64 id, const char *text, GError **error)
{
  if (id <= 0 || id >= (G_GINT64_CONSTANT (1) << (62 - SENTENCE_BITS)))
    return TRUE;
  if (!rwb_project_unindex_article (project, id, error))
    return FALSE;
  gsize length = strlen (text);
  g_autoptr (RwbSegmenter) seg = rwb_segmenter_new (text, length);
  g_autoptr (GArray) words = g_array_new (FALSE, FALSE, sizeof (RwbTextSpan));
  g_autoptr (GString) forms = g_string_new (NULL);
  RwbTextSpan sentence;
  gint64 n = 0;
  GError *seg_error = NULL;
  while (n < (1 << SENTENCE_BITS) && rwb_segmenter_next (seg, &sentence, &seg_error))
    {
      if (!rwb_segmenter_words (seg, words, &seg_error))
        break;
      g_string_truncate (forms, 0);
      for (guint i = 0; i < words->len; i++)
        {
          RwbTextSpan *w = &g_array_index (words, RwbTextSpan, i);
          append_word_forms (forms, text + w->bstart, w->bend - w->bstart);
        }
      if (forms->len == 0)
        continue;
      sqlite3_stmt *st = rwb_project_statement (project, "INSERT INTO search (rowid, text,"
                                                         " start, end) VALUES (?1, ?2, ?3, ?4)",
                                                error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, (id << SENTENCE_BITS) | n++);
      sqlite3_bind_text (st, 2, forms->str, forms->len, SQLITE_STATIC);
      sqlite3_bind_int64 (st, 3, sentence.start);
      sqlite3_bind_int64 (st, 4, sentence.end);
      if (!rwb_project_step_done (project, st, _("update the search index"), error))
        return FALSE;
    }
  if (seg_error)
    {
      /* ICU could not segment the text: it is stored, only not searchable. */
      g_debug ("article %" G_GINT64_FORMAT " not indexed: %s", id, seg_error->message);
      g_error_free (seg_error);
    }
  return TRUE;
}

/* The FTS5 query for @query: each word's key form as a quoted string, ANDed, the last one a
 * prefix; NULL when the query has no word. */
static char *
fts_query (const char *query)
{
  g_autoptr (GArray) words = rwb_text_words (query, 0, strlen (query), 0, NULL);
  if (words == NULL)
    return NULL;
  g_autoptr (GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < words->len; i++)
    {
      RwbTextSpan *w = &g_array_index (words, RwbTextSpan, i);
      g_autofree char *form = rwb_text_match_form (query + w->bstart, w->bend - w->bstart);
      if (!has_letter_or_digit (form))
        continue;
      GString *term = g_string_new ("\"");
      for (const char *p = rwb_text_key_start (form); *p; p++)
        {
          if (*p == '"')
            g_string_append_c (term, '"');
          g_string_append_c (term, *p);
        }
      g_string_append_c (term, '"');
      g_ptr_array_add (terms, g_string_free (term, FALSE));
    }
  if (terms->len == 0)
    return NULL;
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < terms->len; i++)
    {
      if (i > 0)
        g_string_append (out, " AND ");
      g_string_append (out, g_ptr_array_index (terms, i));
      if (i + 1 == terms->len)
        g_string_append_c (out, '*');
    }
  return g_string_free (out, FALSE);
}

/**
 * rwb_search_hit_free:
 * Frees @hit.
 */
void
rwb_search_hit_free (RwbSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->title);
  g_free (hit->text);
  g_free (hit);
}

/**
 * rwb_project_search:
 * Sentences that contain every word of @query, best first.
 */
GPtrArray *
rwb_project_search (RwbProject *project, const char *query, guint limit, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && query != NULL, NULL);
  g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) rwb_search_hit_free);
  if (!g_utf8_validate (query, -1, NULL))
    return g_steal_pointer (&hits);
  g_autofree char *match = fts_query (query);
  if (match == NULL || limit == 0)
    return g_steal_pointer (&hits);
  /* The sentence is cut from the article by code points (substr counts characters). */
  sqlite3_stmt *st = rwb_project_statement (
    project, "SELECT s.rowid >> 24, a.title, s.start, s.end,"
             " substr (a.text, s.start + 1, s.end - s.start)"
             " FROM search s JOIN articles a ON a.id = s.rowid >> 24"
             " WHERE search MATCH ?1 AND a.removed IS NULL ORDER BY s.rank LIMIT ?2", error);
  if (st == NULL)
    return NULL;
  G_STATIC_ASSERT (SENTENCE_BITS == 24);
  sqlite3_bind_text (st, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, limit);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      RwbSearchHit *hit = g_new0 (RwbSearchHit, 1);
      hit->article = sqlite3_column_int64 (st, 0);
      hit->title = g_strdup ((const char *) sqlite3_column_text (st, 1));
      hit->start = (guint) CLAMP (sqlite3_column_int64 (st, 2), 0, G_MAXUINT);
      hit->end = (guint) CLAMP (sqlite3_column_int64 (st, 3), hit->start, G_MAXUINT);
      hit->text = g_strdup ((const char *) sqlite3_column_text (st, 4));
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (st);
  if (rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("search the articles"), error), NULL;
  return g_steal_pointer (&hits);
}
