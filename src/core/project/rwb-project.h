/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-project.h — a Rawabit project: NAME.rawabit, an SQLite database (docs/project-format.md).
 *
 * A project keeps an analyst's work: the articles with their text (so a project moved to
 * another machine opens whole), what extraction found in each, the user's corrections, node
 * positions, view state and the undo history. It is the store of the session: the session
 * asks it for the graph (rwb_project_load_graph, then rwb_corrections_apply) and changes it
 * only through the commands below, each of which is one SQLite transaction and one entry of
 * the undo history. So a kill at any moment leaves the last committed state, and
 * undo/redo survive a restart.
 *
 * One writer at a time: opening takes an exclusive lock (flock on NAME.rawabit-lock) that the
 * system drops when the process dies, so a second window or process is refused with
 * RWB_PROJECT_ERROR_LOCKED. RWB_PROJECT_OPEN_READ_ONLY takes no lock and writes nothing
 * (exports and renders of a project that a window has open).
 *
 * Threads: one RwbProject is used by one thread at a time. Extraction (rwb-import.h) runs in
 * worker threads and hands its results to rwb_project_add_articles.
 *
 * Documents of the graphs a project gives have the id "a" + the article id ("a17"), see
 * rwb_document_article_id; positions are keyed by rwb_name_key of the entity's name.
 */
#pragma once

#include <gio/gio.h>
#include "rwb-corrections.h"
#include "rwb-graph.h"
#include "rwb-import.h"
#include "rwb-lexicon.h"

G_BEGIN_DECLS

/* The schema version this Rawabit writes (PRAGMA user_version); older ones are migrated. */
#define RWB_PROJECT_VERSION 2
/* PRAGMA application_id of a project: "RWBT". */
#define RWB_PROJECT_APPLICATION_ID 0x52574254
/* The extension of project files. */
#define RWB_PROJECT_SUFFIX ".rawabit"

#define RWB_PROJECT_ERROR (rwb_project_error_quark ())
typedef enum {
  RWB_PROJECT_ERROR_LOCKED,       /* open in another window or process */
  RWB_PROJECT_ERROR_NOT_PROJECT,  /* not an SQLite database, or not a Rawabit one */
  RWB_PROJECT_ERROR_TOO_NEW,      /* written by a newer Rawabit */
  RWB_PROJECT_ERROR_EXISTS,       /* create: the file is there already */
  RWB_PROJECT_ERROR_CORRUPT,      /* SQLite finds the file damaged */
  RWB_PROJECT_ERROR_FULL,         /* the disk (or the file size limit) is full */
  RWB_PROJECT_ERROR_IO,           /* any other failure to read or write */
  RWB_PROJECT_ERROR_NOT_FOUND,    /* no such file, article, correction, or nothing to undo */
  RWB_PROJECT_ERROR_READ_ONLY,    /* a write to a project opened read-only */
  RWB_PROJECT_ERROR_INVALID,      /* bad arguments: a date that is none, a blank name */
} RwbProjectError;

typedef enum {
  RWB_PROJECT_OPEN_DEFAULT = 0,
  RWB_PROJECT_OPEN_READ_ONLY = 1 << 0,
} RwbProjectOpenFlags;

/* What an edit, an undo or a redo changed, so a session knows what to read again. */
typedef enum {
  RWB_PROJECT_CHANGED_NONE = 0,
  RWB_PROJECT_CHANGED_ARTICLES = 1 << 0,    /* articles added, removed, re-extracted, dated */
  RWB_PROJECT_CHANGED_CORRECTIONS = 1 << 1,
  RWB_PROJECT_CHANGED_POSITIONS = 1 << 2,
  RWB_PROJECT_CHANGED_VIEW = 1 << 3,
  RWB_PROJECT_CHANGED_CUSTOM = 1 << 4,      /* a command of the session's own (push_custom) */
} RwbProjectChanges;

/* One article as the project lists it. */
typedef struct {
  gint64 id;
  char *key;          /* rwb_document_key: the article by content */
  char *title;        /* NULL if none was found */
  char *source;       /* path or address it was added from, NULL for pasted text */
  char *language;     /* "ar", "en" */
  char *date;         /* ISO 8601 "2024-03-18", or NULL */
  char *date_source;  /* where the date came from: "text", "metadata", "file", "user" */
  char *added;        /* when it was added, ISO 8601 UTC */
  guint length;       /* code points */
  gboolean removed;   /* removed (undoably); only listed with include_removed */
} RwbArticleInfo;

/* One command of the undo history. */
typedef struct {
  gint64 seq;          /* 1, 2, … in the order done */
  char *kind;          /* "correct", "withdraw", "move", "layout", "add-articles",
                        * "remove-articles", "set-date", or the session's "x-…" */
  char *label;         /* translated action name: "Merge", "Move", "Layout" */
  char *data;          /* JSON: what to do and what to undo (docs/project-format.md) */
  char *created;       /* ISO 8601 UTC */
  gboolean done;       /* FALSE: undone, on the redo stack */
  RwbProjectChanges changes;
} RwbHistoryEntry;

/* A node's place in the view. */
typedef struct {
  double x, y;
  gboolean pinned;     /* placed by the user: kept when the layout runs again */
} RwbPosition;

/* A sentence of an article that matched a search. */
typedef struct {
  gint64 article;
  char *title;
  guint start, end;    /* the sentence, code points of the article's text */
  char *text;          /* the sentence */
} RwbSearchHit;

#define RWB_TYPE_PROJECT (rwb_project_get_type ())
G_DECLARE_FINAL_TYPE (RwbProject, rwb_project, RWB, PROJECT, GObject)

GQuark          rwb_project_error_quark        (void);

/* Creates a new project at @path (which must not exist). Returns: (transfer full) */
RwbProject     *rwb_project_create             (const char *path, GError **error);
/* Opens a project; migrates an older schema (not when read-only). Errors say what and
 * where: another process has it, not a project, from a newer Rawabit, damaged.
 * Returns: (transfer full) */
RwbProject     *rwb_project_open               (const char *path, RwbProjectOpenFlags flags,
                                                GError **error);
/* Closes the database and releases the lock (also done when the last reference goes); any
 * later call fails. Returns FALSE if closing reported an error. */
gboolean        rwb_project_close              (RwbProject *project, GError **error);
/* Whether @path looks like a project: an SQLite file with the project's application id. */
gboolean        rwb_project_file_is_project    (const char *path);
const char     *rwb_project_get_path           (RwbProject *project);
gboolean        rwb_project_is_read_only       (RwbProject *project);

/* The article id of a document of a graph this project gave ("a17" → 17), or 0. */
gint64          rwb_document_article_id        (const RwbDocument *document);

/* ---- articles ---- */

/* Adds extracted articles (rwb_import_files / rwb_import_text items; those with an error are
 * skipped) in one transaction and one history entry ("Add Articles"). An article already in
 * the project (same text) is extracted again in place: its rows are replaced, its date and
 * title kept, and that is not an undoable change; a removed one comes back. @ids (may be
 * NULL) receives each item's article id (0 for skipped ones). */
gboolean        rwb_project_add_articles       (RwbProject *project, GPtrArray *items,
                                                GArray *ids, GError **error);
/* Articles by id. @include_removed lists removed ones too. Returns: (transfer full)
 * (element-type RwbArticleInfo) */
GPtrArray      *rwb_project_list_articles      (RwbProject *project, gboolean include_removed,
                                                GError **error);
/* The article's text. Returns: (transfer full) */
char           *rwb_project_get_article_text   (RwbProject *project, gint64 id, GError **error);
/* Removes articles (undoably: "Remove Articles"); what only they supported leaves the
 * graph. */
gboolean        rwb_project_remove_articles    (RwbProject *project, const gint64 *ids,
                                                guint n_ids, GError **error);
/* Sets an article's date (ISO 8601, see rwb_date_parse; NULL clears it); undoable. */
gboolean        rwb_project_set_article_date   (RwbProject *project, gint64 id,
                                                const char *date, GError **error);
/* Extracts every article again with @lexicon (new rules, a user's lexicon), in @n_threads
 * threads (0: one per core); corrections apply to the result as before. */
gboolean        rwb_project_reextract          (RwbProject *project, RwbLexicon *lexicon,
                                                guint n_threads, RwbImportProgress progress,
                                                gpointer user_data, GCancellable *cancellable,
                                                GError **error);

/* ---- the graph ---- */

/* The graph extraction found in the articles (not removed), joined (rwb-graph-builder.h);
 * corrections not applied. Reads stored results: nothing is extracted.
 * Returns: (transfer full) */
RwbGraph       *rwb_project_load_graph         (RwbProject *project, GError **error);
/* The corrections in force, in order, each with its id. Returns: (transfer full) */
RwbCorrections *rwb_project_get_corrections    (RwbProject *project, GError **error);
/* rwb_project_load_graph with the corrections applied (@applied as for
 * rwb_corrections_apply). Returns: (transfer full) */
RwbGraph       *rwb_project_load_corrected_graph (RwbProject *project, GArray **applied,
                                                  GError **error);

/* ---- commands: each is one transaction and one undo entry ---- */

/* Records a correction ("Undo Merge"); returns its id (> 0), or 0 on error. */
gint64          rwb_project_correct            (RwbProject *project,
                                                const RwbCorrection *correction,
                                                GError **error);
/* Withdraws correction @id (the corrections panel's "undo this one"); itself undoable. */
gboolean        rwb_project_withdraw_correction (RwbProject *project, gint64 id,
                                                 GError **error);
/* Node positions: name key (rwb_name_key of the entity's name) → RwbPosition.
 * Returns: (transfer full) (element-type utf8 RwbPosition) */
GHashTable     *rwb_project_get_positions      (RwbProject *project, GError **error);
/* The position of @entity in @positions: by its name's key, else by an alias's. */
const RwbPosition *rwb_positions_lookup        (GHashTable *positions, const RwbEntity *entity);
/* Moves nodes: @moves maps name keys to new RwbPosition* (NULL value: forget the position).
 * One undo entry named @label (NULL: "Move"). */
gboolean        rwb_project_move_nodes         (RwbProject *project, GHashTable *moves,
                                                const char *label, GError **error);
/* A layout run: @positions (name key → RwbPosition*) replaces every position that is not
 * pinned, @engine (may be NULL) becomes the view's "engine". One undo entry ("Layout"). */
gboolean        rwb_project_record_layout      (RwbProject *project, const char *engine,
                                                GHashTable *positions, GError **error);
/* A command of the session's own: @kind must start with "x-"; @data is the caller's JSON,
 * handed back on undo and redo (RWB_PROJECT_CHANGED_CUSTOM) for the caller to act on. */
gboolean        rwb_project_push_custom        (RwbProject *project, const char *kind,
                                                const char *label, const char *data,
                                                GError **error);

/* ---- undo ---- */

gboolean        rwb_project_can_undo           (RwbProject *project);
gboolean        rwb_project_can_redo           (RwbProject *project);
/* The label of the command undo/redo would act on ("Merge"), or NULL. */
const char     *rwb_project_get_undo_label     (RwbProject *project);
const char     *rwb_project_get_redo_label     (RwbProject *project);
/* Undoes the last command done (in one transaction). @entry (may be NULL) receives it, with
 * what it changed. */
gboolean        rwb_project_undo               (RwbProject *project, RwbHistoryEntry **entry,
                                                GError **error);
gboolean        rwb_project_redo               (RwbProject *project, RwbHistoryEntry **entry,
                                                GError **error);
/* The whole history, oldest first; entries after the undo position have done == FALSE.
 * Returns: (transfer full) (element-type RwbHistoryEntry) */
GPtrArray      *rwb_project_list_history       (RwbProject *project, GError **error);

/* ---- view state (not undoable): engine, rankdir, filters, timeline date, viewport ---- */

/* Returns: (transfer full) (nullable) */
char           *rwb_project_get_view           (RwbProject *project, const char *key);
/* Sets (or with NULL @value removes) a view setting. */
gboolean        rwb_project_set_view           (RwbProject *project, const char *key,
                                                const char *value, GError **error);

/* ---- search ---- */

/* Sentences of the articles (not removed) that contain every word of @query, compared in
 * the matching form and without Arabic clitics (شاومى finds «وشاومي»), the last word as a
 * prefix; best first (FTS5 bm25), at most @limit. Returns: (transfer full)
 * (element-type RwbSearchHit) */
GPtrArray      *rwb_project_search             (RwbProject *project, const char *query,
                                                guint limit, GError **error);

void            rwb_article_info_free          (RwbArticleInfo *info);
void            rwb_history_entry_free         (RwbHistoryEntry *entry);
void            rwb_search_hit_free            (RwbSearchHit *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbArticleInfo, rwb_article_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbHistoryEntry, rwb_history_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbSearchHit, rwb_search_hit_free)

G_END_DECLS
