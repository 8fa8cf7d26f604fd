/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-extract.h — from article text to a graph: entities, coreference, typed relations.
 *
 * A pure function of (text, lexicon): lexicon lookup over normalized tokens, name patterns
 * (شركة X, Latin runs in Arabic text, Arabic name + Latin form), and relation triggers from
 * data/patterns. Each decision can be logged for `rawabit-cli extract -v`.
 */
#pragma once

#include <gio/gio.h>
#include "rwb-graph.h"
#include "rwb-lexicon.h"
#include "rwb-text.h"

G_BEGIN_DECLS

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

G_END_DECLS
