/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-lexicon.h — the shipped name lists, cue words and relation triggers, compiled once.
 *
 * Entities with aliases and types, cue classes and relation triggers are plain UTF-8 files under
 * data/ (compiled into the program's GResource); a user adds their own with --lexicon DIR.
 * Everything is keyed by the Arabic/Latin matching form of the token sequence, longest first.
 */
#pragma once

#include <glib.h>

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbLexicon, rwb_lexicon_free)

G_END_DECLS
