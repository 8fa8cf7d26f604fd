/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-import.h — articles read and extracted in parallel, ready for a project.
 *
 * Each article is extracted into a graph of its own (one document), so articles extract in
 * any order on any number of threads and the results are the same: the lexicon is read-only
 * and shared. Each item also gets its title (the first line of text, unless extraction found
 * one) and its date: HTML metadata when extraction filled RwbDocument.date, else a dateline in
 * the text (rwb-date.h), else the file's modification date.
 */
#pragma once

#include <gio/gio.h>
#include "rwb-extract.h"
#include "rwb-graph.h"
#include "rwb-lexicon.h"

G_BEGIN_DECLS

/* Where an article's date came from. */
#define RWB_DATE_SOURCE_METADATA "metadata"
#define RWB_DATE_SOURCE_TEXT     "text"
#define RWB_DATE_SOURCE_FILE     "file"
#define RWB_DATE_SOURCE_USER     "user"

typedef struct {
  char *path;               /* the file as given, or NULL for text */
  RwbGraph *graph;          /* one document (text, title, date) and what was found in it;
                             * NULL when it could not be read */
  const char *date_source;  /* RWB_DATE_SOURCE_*, or NULL without a date */
  GError *error;            /* why it could not be read, or NULL */
} RwbImportItem;

/* Called in the calling thread as articles finish. */
typedef void (*RwbImportProgress) (guint done, guint total, gpointer user_data);

/* The article files @paths stand for: a file stays itself; a folder gives the *.txt, *.text,
 * *.html and *.htm files in it and its subfolders, sorted by path. A path that does not
 * exist is an error naming it. Returns: (transfer full) (element-type filename) */
GPtrArray     *rwb_import_expand_paths (const char *const *paths, GError **error);

/* Reads and extracts the files @paths with @n_threads threads (0: one per core), calling
 * @progress after each. Item i is paths[i]'s; a file that cannot be read has its error in its
 * item, the others go on. Fails only when @cancellable is cancelled.
 * Returns: (transfer full) (element-type RwbImportItem) */
GPtrArray     *rwb_import_files        (RwbLexicon *lexicon, const char *const *paths,
                                        guint n_threads, const RwbExtractOptions *options,
                                        RwbImportProgress progress, gpointer user_data,
                                        GCancellable *cancellable, GError **error);

/* Extracts texts in memory (the articles of a project, extracted again) as rwb_import_files
 * does files: @texts is NULL-terminated, @sources (may be NULL) has one source (or NULL) per
 * text. Returns: (transfer full) (element-type RwbImportItem) */
GPtrArray     *rwb_import_texts        (RwbLexicon *lexicon, const char *const *texts,
                                        const char *const *sources, guint n_threads,
                                        const RwbExtractOptions *options,
                                        RwbImportProgress progress, gpointer user_data,
                                        GCancellable *cancellable, GError **error);

/* Extracts a text in memory (a pasted article; a stored one extracted again). @source may be
 * NULL; @title and @date (ISO, with @date_source) may be NULL to find them in the text.
 * Returns: (transfer full) */
RwbImportItem *rwb_import_text         (RwbLexicon *lexicon, const char *text,
                                        const char *source, const char *title,
                                        const char *date, const char *date_source,
                                        const RwbExtractOptions *options, GError **error);

/* The articles of the Rawabit JSON graph at @path (each document with its text: a graph
 * exported from a project), extracted again with their titles and dates, one item each. A
 * document without text is an error naming it. Returns: (transfer full)
 * (element-type RwbImportItem) */
GPtrArray     *rwb_import_json         (RwbLexicon *lexicon, const char *path,
                                        const RwbExtractOptions *options, GError **error);

void           rwb_import_item_free    (RwbImportItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbImportItem, rwb_import_item_free)

G_END_DECLS
