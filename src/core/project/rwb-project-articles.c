/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-project-articles.c — adding, removing, dating, listing and extracting again
 * the articles of a project. */
#define G_LOG_DOMAIN "rawabit-project"

#include "rwb-project-private.h"

#include "rwb-config.h"
#include "rwb-date.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

/* ---- articles ------------------------------------------------------------------------ */

static char *
ids_json (const gint64 *ids, guint n)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "articles");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    json_builder_add_int_value (b, ids[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

/* Adds or refreshes one article inside the caller's transaction; *@back is set when it
 * (re)joins the project's articles. */
static gint64
add_one (RwbProject *project, RwbImportItem *item, gboolean *back, GError **error)
{
  const char *doing = _("save the article");
  RwbDocument *doc = g_ptr_array_index (item->graph->documents, 0);
  g_autofree char *key = rwb_document_key (doc);
  if (key == NULL)
    {
      g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_INVALID,
                   _("%s: the article has no text"), item->path ? item->path : "?");
      return 0;
    }
  sqlite3_stmt *st = rwb_project_statement (project,
                                            "SELECT id, removed IS NOT NULL FROM articles"
                                            " WHERE key = ?1", error);
  if (st == NULL)
    return 0;
  sqlite3_bind_text (st, 1, key, -1, SQLITE_STATIC);
  int rc = sqlite3_step (st);
  gint64 id = rc == SQLITE_ROW ? sqlite3_column_int64 (st, 0) : 0;
  gboolean removed = rc == SQLITE_ROW && sqlite3_column_int (st, 1);
  sqlite3_reset (st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, doing, error), 0;
  *back = id == 0 || removed;
  if (id)
    {
      /* The same article again: extracted anew, in place. */
      if (!rwb_project_delete_rows (project, id, error) || (removed && !rwb_project_mark_removed (project, &id, 1, FALSE, error)))
        return 0;
      st = rwb_project_statement (project, "UPDATE articles SET extractor = ?2 WHERE id = ?1",
                                  error);
      if (st == NULL)
        return 0;
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_text (st, 2, RWB_VERSION, -1, SQLITE_STATIC);
      if (!rwb_project_step_done (project, st, doing, error))
        return 0;
    }
  else
    {
      g_autofree char *now = rwb_project_now ();
      st = rwb_project_statement (
        project, "INSERT INTO articles (key, title, source, language, date, date_source, added,"
                 " length, extractor, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        error);
      if (st == NULL)
        return 0;
      sqlite3_bind_text (st, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 2, doc->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 3, doc->path, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 4, doc->language ? doc->language : "und", -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 5, doc->date, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 6, doc->date ? item->date_source : NULL, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 7, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (st, 8, doc->length);
      sqlite3_bind_text (st, 9, RWB_VERSION, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 10, doc->text, -1, SQLITE_STATIC);
      if (!rwb_project_step_done (project, st, doing, error))
        return 0;
      id = sqlite3_last_insert_rowid (project->db);
      if (!rwb_project_index_article (project, id, doc->text, error))
        return 0;
    }
  if (!rwb_project_store_rows (project, id, item->graph, error))
    return 0;
  return id;
}

/**
 * rwb_project_add_articles:
 * Stores extracted articles in one transaction and one undo entry.
 */
gboolean
rwb_project_add_articles (RwbProject *project, GPtrArray *items, GArray *ids, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && items != NULL, FALSE);
  if (!rwb_project_begin (project, error))
    return FALSE;
  g_autoptr (GArray) joined = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (ids)
    g_array_set_size (ids, 0);
  for (guint i = 0; i < items->len; i++)
    {
      RwbImportItem *item = g_ptr_array_index (items, i);
      gint64 id = 0;
      gboolean back = FALSE;
      if (item->graph && item->graph->documents->len == 1)
        {
          id = add_one (project, item, &back, error);
          if (id == 0)
            {
              rwb_project_rollback (project);
              return FALSE;
            }
          if (back)
            g_array_append_val (joined, id);
        }
      if (ids)
        g_array_append_val (ids, id);
    }
  if (joined->len > 0)
    {
      g_autofree char *data = ids_json ((gint64 *) joined->data, joined->len);
      if (!rwb_project_record (project, "add-articles",
                               joined->len == 1 ? N_("Add Article") : N_("Add Articles"), data,
                               error))
        {
          rwb_project_rollback (project);
          return FALSE;
        }
    }
  if (!rwb_project_commit (project, error))
    return FALSE;
  rwb_project_changed (project, RWB_PROJECT_CHANGED_ARTICLES);
  return TRUE;
}

gboolean
rwb_project_mark_removed (RwbProject *project, const gint64 *ids, guint n, gboolean removed,
                          GError **error)
{
  g_autofree char *now = rwb_project_now ();
  for (guint i = 0; i < n; i++)
    {
      sqlite3_stmt *st = rwb_project_statement (project,
                                                "UPDATE articles SET removed = ?2 WHERE id = ?1",
                                                error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, ids[i]);
      if (removed)
        sqlite3_bind_text (st, 2, now, -1, SQLITE_STATIC);
      if (!rwb_project_step_done (project, st, _("remove the article"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
article_exists (RwbProject *project, gint64 id, gboolean *removed, GError **error)
{
  sqlite3_stmt *st = rwb_project_statement (project,
                                            "SELECT removed IS NOT NULL FROM articles"
                                            " WHERE id = ?1", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  int rc = sqlite3_step (st);
  if (rc == SQLITE_ROW && removed)
    *removed = sqlite3_column_int (st, 0);
  sqlite3_reset (st);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_NOT_FOUND,
                 _("%s: there is no article %lld"), project->path, (long long) id);
  else
    rwb_project_sql_error (project, rc, _("read the articles"), error);
  return FALSE;
}

/**
 * rwb_project_remove_articles:
 * Removes articles, undoably.
 */
gboolean
rwb_project_remove_articles (RwbProject *project, const gint64 *ids, guint n_ids,
                             GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && (ids != NULL || n_ids == 0), FALSE);
  g_autoptr (GArray) going = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < n_ids; i++)
    {
      gboolean removed = FALSE;
      if (!article_exists (project, ids[i], &removed, error))
        return FALSE;
      if (!removed)
        g_array_append_val (going, ids[i]);
    }
  if (going->len == 0)
    return TRUE;
  if (!rwb_project_begin (project, error))
    return FALSE;
  g_autofree char *data = ids_json ((gint64 *) going->data, going->len);
  if (!rwb_project_mark_removed (project, (gint64 *) going->data, going->len, TRUE, error)
      || !rwb_project_record (project, "remove-articles",
                              going->len == 1 ? N_("Remove Article") : N_("Remove Articles"),
                              data, error))
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  if (!rwb_project_commit (project, error))
    return FALSE;
  rwb_project_changed (project, RWB_PROJECT_CHANGED_ARTICLES);
  return TRUE;
}

static void
add_date_pair (JsonBuilder *b, const char *member, const char *date, const char *source)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  if (date)
    json_builder_add_string_value (b, date);
  else
    json_builder_add_null_value (b);
  if (source)
    json_builder_add_string_value (b, source);
  else
    json_builder_add_null_value (b);
  json_builder_end_array (b);
}

/**
 * rwb_project_set_article_date:
 * Sets the article's date (ISO 8601 or NULL), undoably.
 */
gboolean
rwb_project_set_article_date (RwbProject *project, gint64 id, const char *date, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), FALSE);
  if (date && !rwb_date_is_valid (date))
    {
      g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_INVALID,
                   _("“%s” is not a date (write it as 2024-03-18)"), date);
      return FALSE;
    }
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT date, date_source FROM articles"
                                                     " WHERE id = ?1", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  int rc = sqlite3_step (st);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (st);
      if (rc == SQLITE_DONE)
        return article_exists (project, id, NULL, error);
      return rwb_project_sql_error (project, rc, _("read the articles"), error);
    }
  g_autofree char *old = g_strdup ((const char *) sqlite3_column_text (st, 0));
  g_autofree char *old_source = g_strdup ((const char *) sqlite3_column_text (st, 1));
  sqlite3_reset (st);

  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "article");
  json_builder_add_int_value (b, id);
  add_date_pair (b, "before", old, old_source);
  add_date_pair (b, "after", date, date ? RWB_DATE_SOURCE_USER : NULL);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autofree char *data = json_to_string (root, FALSE);

  if (!rwb_project_begin (project, error))
    return FALSE;
  st = rwb_project_statement (project, "UPDATE articles SET date = ?2, date_source = ?3"
                                       " WHERE id = ?1", error);
  if (st == NULL)
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  sqlite3_bind_int64 (st, 1, id);
  sqlite3_bind_text (st, 2, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, date ? RWB_DATE_SOURCE_USER : NULL, -1, SQLITE_STATIC);
  if (!rwb_project_step_done (project, st, _("change the date"), error)
      || !rwb_project_record (project, "set-date", N_("Change Date"), data, error))
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  if (!rwb_project_commit (project, error))
    return FALSE;
  rwb_project_changed (project, RWB_PROJECT_CHANGED_ARTICLES);
  return TRUE;
}

/**
 * rwb_article_info_free:
 * Frees @info.
 */
void
rwb_article_info_free (RwbArticleInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->key);
  g_free (info->title);
  g_free (info->source);
  g_free (info->language);
  g_free (info->date);
  g_free (info->date_source);
  g_free (info->added);
  g_free (info);
}

/**
 * rwb_project_list_articles:
 * The project's articles, by id.
 */
GPtrArray *
rwb_project_list_articles (RwbProject *project, gboolean include_removed, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), NULL);
  sqlite3_stmt *st = rwb_project_statement (
    project, "SELECT id, key, title, source, language, date, date_source, added, length,"
             " removed IS NOT NULL FROM articles WHERE ?1 OR removed IS NULL ORDER BY id", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int (st, 1, include_removed);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rwb_article_info_free);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      RwbArticleInfo *info = g_new0 (RwbArticleInfo, 1);
      info->id = sqlite3_column_int64 (st, 0);
      info->key = rwb_project_column_strdup (st, 1);
      info->title = rwb_project_column_strdup (st, 2);
      info->source = rwb_project_column_strdup (st, 3);
      info->language = rwb_project_column_strdup (st, 4);
      info->date = rwb_project_column_strdup (st, 5);
      info->date_source = rwb_project_column_strdup (st, 6);
      info->added = rwb_project_column_strdup (st, 7);
      info->length = (guint) CLAMP (sqlite3_column_int64 (st, 8), 0, G_MAXUINT);
      info->removed = sqlite3_column_int (st, 9);
      g_ptr_array_add (out, info);
    }
  sqlite3_reset (st);
  if (rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the articles"), error), NULL;
  return g_steal_pointer (&out);
}

/**
 * rwb_project_get_article_text:
 * The text of article @id.
 */
char *
rwb_project_get_article_text (RwbProject *project, gint64 id, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), NULL);
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT text FROM articles WHERE id = ?1",
                                            error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, id);
  int rc = sqlite3_step (st);
  char *text = rc == SQLITE_ROW ? rwb_project_column_strdup (st, 0) : NULL;
  sqlite3_reset (st);
  if (rc == SQLITE_DONE)
    article_exists (project, id, NULL, error);
  else if (rc != SQLITE_ROW)
    rwb_project_sql_error (project, rc, _("read the article"), error);
  return text;
}

/* ---- extracting again ---------------------------------------------------------------- */

/**
 * rwb_project_reextract:
 * Extracts every article again with @lexicon; not an undoable change.
 */
gboolean
rwb_project_reextract (RwbProject *project, RwbLexicon *lexicon, guint n_threads,
                       RwbImportProgress progress, gpointer user_data,
                       GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && lexicon != NULL, FALSE);
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT id, text, source FROM articles"
                                                     " ORDER BY id", error);
  if (st == NULL)
    return FALSE;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (st, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (texts, rwb_project_column_strdup (st, 1));
      g_ptr_array_add (sources, rwb_project_column_strdup (st, 2));
    }
  sqlite3_reset (st);
  if (rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the articles"), error);
  g_ptr_array_add (texts, NULL);
  g_autoptr (GPtrArray) items = rwb_import_texts (lexicon, (const char *const *) texts->pdata,
                                                  (const char *const *) sources->pdata,
                                                  n_threads, NULL, progress, user_data,
                                                  cancellable, error);
  if (items == NULL)
    return FALSE;
  if (!rwb_project_begin (project, error))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      RwbImportItem *item = g_ptr_array_index (items, i);
      gint64 id = g_array_index (ids, gint64, i);
      if (item->graph == NULL)
        continue;
      if (!rwb_project_delete_rows (project, id, error) || !rwb_project_store_rows (project, id, item->graph, error))
        {
          rwb_project_rollback (project);
          return FALSE;
        }
      st = rwb_project_statement (project, "UPDATE articles SET extractor = ?2 WHERE id = ?1",
                                  error);
      if (st == NULL)
        {
          rwb_project_rollback (project);
          return FALSE;
        }
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_text (st, 2, RWB_VERSION, -1, SQLITE_STATIC);
      if (!rwb_project_step_done (project, st, _("save the article"), error))
        {
          rwb_project_rollback (project);
          return FALSE;
        }
    }
  if (!rwb_project_commit (project, error))
    return FALSE;
  rwb_project_changed (project, RWB_PROJECT_CHANGED_ARTICLES);
  return TRUE;
}
