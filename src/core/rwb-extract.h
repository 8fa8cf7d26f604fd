/* rwb-extract.h — from article text to a graph: entities, coreference, typed relations.
 *
 * A pure function of (text, lexicon): lexicon lookup over normalized tokens, name patterns
 * (شركة X, Latin runs in Arabic text, Arabic name + Latin form), and relation triggers from
 * data/patterns. Each decision can be logged for `rawabit-cli extract -v`.
 */
#pragma once

#include <gio/gio.h>
#include "rwb-graph.h"
#include "rwb-text.h"

G_BEGIN_DECLS

/* A lexicon is read-only once loaded: one instance may serve extractions in several threads
 * at once. */
typedef struct _RwbLexicon RwbLexicon;

/* The lexicon shipped inside the program (data/lexicon, data/patterns), plus every *.tsv in
 * @extra_dir if not NULL (a user's own entries, same format). */
RwbLexicon *rwb_lexicon_new_default  (const char *extra_dir, GError **error);
/* Loads one data file's text into @lexicon. @origin is its file name and says what it holds:
 * "relations*.tsv" relation triggers, "cues*.tsv" cue words, any other name entities. Errors
 * name the file and line ("companies.tsv: line 12: …"). */
gboolean    rwb_lexicon_add_data     (RwbLexicon *lexicon, const char *origin, const char *data,
                                      gsize length, GError **error);
RwbLexicon *rwb_lexicon_new_empty    (void);
void        rwb_lexicon_free         (RwbLexicon *lexicon);
guint       rwb_lexicon_n_entries    (RwbLexicon *lexicon);
guint       rwb_lexicon_n_triggers   (RwbLexicon *lexicon);

/* Receives one line per decision when not NULL (`extract -v`). */
typedef void (*RwbExtractLogFunc) (const char *message, gpointer user_data);

typedef struct {
  RwbExtractLogFunc log;
  gpointer log_data;
  RwbTextLoadFlags load_flags;  /* rwb_extract_file: how the article is read */
} RwbExtractOptions;

/* Extracts entities and relations of document @doc (which must have text) into @graph, merging
 * entities with those already there by alias. */
gboolean    rwb_extract_document     (RwbLexicon *lexicon, RwbGraph *graph, guint doc,
                                      const RwbExtractOptions *options, GError **error);
/* Loads an article file, adds it as a document and extracts it. */
gboolean    rwb_extract_file         (RwbLexicon *lexicon, RwbGraph *graph, GFile *file,
                                      const RwbExtractOptions *options,
                                      GCancellable *cancellable, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbLexicon, rwb_lexicon_free)

G_END_DECLS
