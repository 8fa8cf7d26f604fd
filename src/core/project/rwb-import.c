/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-import.c — reading and extracting articles on several threads. */
#define G_LOG_DOMAIN "rawabit-project"

#include "rwb-import.h"

#include "rwb-date.h"
#include "rwb-json.h"
#include "rwb-text.h"

#include <glib/gi18n.h>
#include <string.h>

/* Longest title taken from a first line, in characters. */
#define TITLE_MAX_CHARS 200

/**
 * rwb_import_item_free:
 * Frees @item, its graph and its error.
 */
void
rwb_import_item_free (RwbImportItem *item)
{
  if (item == NULL)
    return;
  g_free (item->path);
  g_clear_pointer (&item->graph, rwb_graph_unref);
  g_clear_error (&item->error);
  g_free (item);
}

/* The first line with letters, trimmed and cut to TITLE_MAX_CHARS. */
static char *
first_line (const char *text)
{
  const char *p = text;
  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;
  while (*p)
    {
      const char *end = strchr (p, '\n');
      gsize len = end ? (gsize) (end - p) : strlen (p);
      g_autofree char *line = g_strstrip (g_strndup (p, len));
      gboolean letters = FALSE;
      for (const char *q = line; *q && !letters; q = g_utf8_next_char (q))
        letters = g_unichar_isalpha (g_utf8_get_char (q));
      if (letters)
        {
          if (g_utf8_strlen (line, -1) <= TITLE_MAX_CHARS)
            return g_steal_pointer (&line);
          const char *cut = g_utf8_offset_to_pointer (line, TITLE_MAX_CHARS);
          g_autofree char *head = g_strndup (line, cut - line);
          return g_strconcat (g_strchomp (head), "…", NULL);
        }
      if (end == NULL)
        break;
      p = end + 1;
    }
  return NULL;
}

static char *
file_date (GFile *file)
{
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    return NULL;
  g_autoptr (GDateTime) when = g_file_info_get_modification_date_time (info);
  if (when == NULL)
    return NULL;
  g_autoptr (GDateTime) local = g_date_time_to_local (when);
  return g_date_time_format (local, "%Y-%m-%d");
}

/* Title and date of the item's document, where extraction left them empty. */
static void
finish_item (RwbImportItem *item, const char *date, const char *date_source, GFile *file)
{
  RwbDocument *doc = g_ptr_array_index (item->graph->documents, 0);
  if (doc->title == NULL && doc->text)
    doc->title = first_line (doc->text);
  if (date)
    {
      g_free (doc->date);
      doc->date = g_strdup (date);
      item->date_source = date_source ? g_intern_string (date_source) : RWB_DATE_SOURCE_USER;
      return;
    }
  if (doc->date)
    {
      item->date_source = RWB_DATE_SOURCE_METADATA;
      return;
    }
  if (doc->text && (doc->date = rwb_date_find (doc->text, -1)))
    {
      item->date_source = RWB_DATE_SOURCE_TEXT;
      return;
    }
  if (file && (doc->date = file_date (file)))
    item->date_source = RWB_DATE_SOURCE_FILE;
}

/**
 * rwb_import_text:
 * Extracts @text as one article.
 */
RwbImportItem *
rwb_import_text (RwbLexicon *lexicon, const char *text, const char *source, const char *title,
                 const char *date, const char *date_source, const RwbExtractOptions *options,
                 GError **error)
{
  g_return_val_if_fail (lexicon != NULL && text != NULL, NULL);
  gsize length = strlen (text);
  if (!rwb_text_validate (text, length, error))
    return NULL;
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  guint doc = rwb_graph_add_document (graph, source, rwb_text_guess_language (text, length),
                                      text);
  ((RwbDocument *) g_ptr_array_index (graph->documents, doc))->title = g_strdup (title);
  if (!rwb_extract_document (lexicon, graph, doc, options, error))
    return NULL;
  RwbImportItem *item = g_new0 (RwbImportItem, 1);
  item->path = g_strdup (source);
  item->graph = g_steal_pointer (&graph);
  finish_item (item, date, date_source, NULL);
  return item;
}

/**
 * rwb_import_json:
 * The articles a Rawabit JSON graph carries, extracted again (see rwb-import.h).
 */
GPtrArray *
rwb_import_json (RwbLexicon *lexicon, const char *path, const RwbExtractOptions *options,
                 GError **error)
{
  g_return_val_if_fail (lexicon != NULL && path != NULL, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  g_autoptr (RwbGraph) graph = rwb_json_read (data, (gssize) length, error);
  if (graph == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) rwb_import_item_free);
  for (guint i = 0; i < graph->documents->len; i++)
    {
      const RwbDocument *doc = g_ptr_array_index (graph->documents, i);
      if (doc->text == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: document “%s” has no text (only a graph written with its articles "
                         "can be added to a project)"), path, doc->id);
          return NULL;
        }
      /* Its title and date as the file has them; where it came from, else the file. */
      RwbImportItem *item = rwb_import_text (lexicon, doc->text, doc->path ? doc->path : path,
                                             doc->title, doc->date,
                                             doc->date ? RWB_DATE_SOURCE_METADATA : NULL,
                                             options, error);
      if (item == NULL)
        {
          g_prefix_error (error, "%s: document “%s”: ", path, doc->id);
          return NULL;
        }
      g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}

static gboolean
is_article_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  return g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".text")
         || g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm");
}

static gboolean
walk (GFile *dir, GPtrArray *out, GError **error)
{
  g_autoptr (GFileEnumerator) en = g_file_enumerate_children (
    dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
    G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (en == NULL)
    return FALSE;
  for (;;)
    {
      GFileInfo *info;
      GFile *child;
      if (!g_file_enumerator_iterate (en, &info, &child, NULL, error))
        return FALSE;
      if (info == NULL)
        return TRUE;
      const char *name = g_file_info_get_name (info);
      if (name[0] == '.')
        continue;
      GFileType type = g_file_info_get_file_type (info);
      if (type == G_FILE_TYPE_DIRECTORY)
        {
          if (!walk (child, out, error))
            return FALSE;
        }
      else if (type == G_FILE_TYPE_REGULAR && is_article_name (name))
        g_ptr_array_add (out, g_file_get_path (child));
    }
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/**
 * rwb_import_expand_paths:
 * Files stay; folders give their article files, sorted.
 */
GPtrArray *
rwb_import_expand_paths (const char *const *paths, GError **error)
{
  g_return_val_if_fail (paths != NULL, NULL);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; paths[i]; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr (GFile) dir = g_file_new_for_path (paths[i]);
          g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
          g_autoptr (GError) local = NULL;
          if (!walk (dir, found, &local))
            {
              g_set_error (error, local->domain, local->code, "%s: %s", paths[i],
                           local->message);
              return NULL;
            }
          g_ptr_array_sort (found, compare_paths);
          for (guint j = 0; j < found->len; j++)
            g_ptr_array_add (out, g_strdup (g_ptr_array_index (found, j)));
        }
      else if (g_file_test (paths[i], G_FILE_TEST_EXISTS))
        g_ptr_array_add (out, g_strdup (paths[i]));
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s: no such file or folder"),
                       paths[i]);
          return NULL;
        }
    }
  return g_steal_pointer (&out);
}

typedef struct {
  RwbLexicon *lexicon;
  const char *const *paths;      /* files, or (with @texts) the texts' sources */
  const char *const *texts;      /* NULL when extracting files */
  const RwbExtractOptions *options;
  GCancellable *cancellable;
  RwbImportItem **items;
  GMutex lock;
  GCond cond;
  guint done;
} Batch;

static void
extract_one (gpointer data, gpointer user_data)
{
  Batch *batch = user_data;
  guint i = GPOINTER_TO_UINT (data) - 1;
  RwbImportItem *item = NULL;
  if (batch->texts)
    {
      GError *error = NULL;
      if (!g_cancellable_set_error_if_cancelled (batch->cancellable, &error))
        item = rwb_import_text (batch->lexicon, batch->texts[i],
                                batch->paths ? batch->paths[i] : NULL, NULL, NULL, NULL,
                                batch->options, &error);
      if (item == NULL)
        {
          item = g_new0 (RwbImportItem, 1);
          item->path = g_strdup (batch->paths ? batch->paths[i] : NULL);
          item->error = error;
        }
    }
  else
    {
      item = g_new0 (RwbImportItem, 1);
      item->path = g_strdup (batch->paths[i]);
    }
  if (!batch->texts && !g_cancellable_set_error_if_cancelled (batch->cancellable, &item->error))
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (batch->paths[i]);
      g_autoptr (RwbGraph) graph = rwb_graph_new ();
      if (rwb_extract_file (batch->lexicon, graph, file, batch->options, batch->cancellable,
                            &item->error))
        {
          item->graph = g_steal_pointer (&graph);
          finish_item (item, NULL, NULL, file);
        }
    }
  g_mutex_lock (&batch->lock);
  batch->items[i] = item;
  batch->done++;
  g_cond_signal (&batch->cond);
  g_mutex_unlock (&batch->lock);
}

static GPtrArray *
run_batch (RwbLexicon *lexicon, const char *const *paths, const char *const *texts, guint total,
           guint n_threads, const RwbExtractOptions *options, RwbImportProgress progress,
           gpointer user_data, GCancellable *cancellable, GError **error)
{
  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  n_threads = CLAMP (n_threads, 1, MAX (total, 1));
  Batch batch = { lexicon, paths, texts, options, cancellable,
                  g_new0 (RwbImportItem *, total + 1) };
  g_mutex_init (&batch.lock);
  g_cond_init (&batch.cond);
  GThreadPool *pool = g_thread_pool_new (extract_one, &batch, n_threads, FALSE, NULL);
  for (guint i = 0; i < total; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
  g_mutex_lock (&batch.lock);
  guint reported = 0;
  while (reported < total)
    {
      while (batch.done == reported)
        g_cond_wait (&batch.cond, &batch.lock);
      reported = batch.done;
      if (progress)
        {
          g_mutex_unlock (&batch.lock);
          progress (reported, total, user_data);
          g_mutex_lock (&batch.lock);
        }
    }
  g_mutex_unlock (&batch.lock);
  g_thread_pool_free (pool, FALSE, TRUE);
  g_mutex_clear (&batch.lock);
  g_cond_clear (&batch.cond);

  GPtrArray *items = g_ptr_array_new_full (total, (GDestroyNotify) rwb_import_item_free);
  for (guint i = 0; i < total; i++)
    g_ptr_array_add (items, batch.items[i]);
  g_free (batch.items);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_ptr_array_unref (items);
      return NULL;
    }
  return items;
}

/**
 * rwb_import_files:
 * Extracts @paths on @n_threads threads; item i belongs to paths[i].
 */
GPtrArray *
rwb_import_files (RwbLexicon *lexicon, const char *const *paths, guint n_threads,
                  const RwbExtractOptions *options, RwbImportProgress progress,
                  gpointer user_data, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (lexicon != NULL && paths != NULL, NULL);
  return run_batch (lexicon, paths, NULL, g_strv_length ((char **) paths), n_threads, options,
                    progress, user_data, cancellable, error);
}

/**
 * rwb_import_texts:
 * Extracts @texts on @n_threads threads; item i belongs to texts[i].
 */
GPtrArray *
rwb_import_texts (RwbLexicon *lexicon, const char *const *texts, const char *const *sources,
                  guint n_threads, const RwbExtractOptions *options, RwbImportProgress progress,
                  gpointer user_data, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (lexicon != NULL && texts != NULL, NULL);
  return run_batch (lexicon, sources, texts, g_strv_length ((char **) texts), n_threads,
                    options, progress, user_data, cancellable, error);
}
