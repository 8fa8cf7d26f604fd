/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-session.h — what the user is working on, in one object the whole UI binds to.
 *
 * A session owns the graph shown and its scene (the laid-out picture), the selection, the
 * filters (what is hidden, which types, the lowest confidence shown, whether co-occurrence
 * edges are drawn), the positions the user moved entities to, and the edits: corrections and
 * moves are commands on the session, each one undoable. With a project
 * (rwb_session_set_project) the commands, their undo history and the positions live in the
 * project's SQLite file and every edit is written at once; without one they live in memory.
 *
 * Entities and relations are named by their index in the shown graph. Positions are keyed by
 * the matching form of the entity's name (rwb_name_key), so they survive a correction or a
 * re-extraction that renumbers entities, exactly as the project stores them.
 *
 * A correction makes a new graph. Until it is laid out the session keeps showing the old one:
 * the new graph is the #RwbSession:pending-graph, which whoever lays out (the window) turns into
 * a scene and hands back with rwb_session_set_scene(). A session without a scene takes the new
 * graph at once.
 */
#pragma once

#include <glib-object.h>

#include "rwb-corrections.h"
#include "rwb-graph.h"
#include "rwb-lexicon.h"
#include "rwb-project.h"
#include "rwb-scene.h"
#include "rwb-timeline.h"

G_BEGIN_DECLS

#define RWB_TYPE_SESSION (rwb_session_get_type ())
G_DECLARE_FINAL_TYPE (RwbSession, rwb_session, RWB, SESSION, GObject)

/**
 * rwb_session_new:
 *
 * Creates an empty session: no graph, no project, nothing selected or hidden.
 *
 * Returns: (transfer full): the new session
 */
RwbSession     *rwb_session_new                    (void);

/* ---- graph and scene ---- */

/**
 * rwb_session_set_graph:
 * @self: a session
 * @graph: (transfer none) (nullable): the graph to show
 *
 * Shows @graph without a scene (the scene is dropped). A graph other than the one shown (and
 * other than the pending graph of an edit) is new work: it clears the selection and the
 * per-item filters, and, without a project, the positions, the corrections and the undo
 * history. The type filters, the confidence filter and show-mentions stay.
 */
void            rwb_session_set_graph              (RwbSession *self,
                                                    RwbGraph   *graph);
/**
 * rwb_session_get_graph:
 * @self: a session
 *
 * Returns: (transfer none) (nullable): the graph shown
 */
RwbGraph       *rwb_session_get_graph              (RwbSession *self);
/**
 * rwb_session_set_scene:
 * @self: a session
 * @scene: (transfer full) (nullable): a laid-out picture
 *
 * Shows @scene; its graph (`scene->graph`) becomes the session's graph. When that is the
 * pending graph of an edit, the selection carries over by name; when it is another graph, as
 * in rwb_session_set_graph(). The positions the user moved entities to are applied to the scene.
 */
void            rwb_session_set_scene              (RwbSession *self,
                                                    RwbScene   *scene);
/**
 * rwb_session_get_scene:
 * @self: a session
 *
 * The scene is the session's; the graph view moves its nodes while the user drags them and
 * records the end of a drag with rwb_session_move_entity().
 *
 * Returns: (transfer none) (nullable): the scene shown
 */
RwbScene       *rwb_session_get_scene              (RwbSession *self);
/**
 * rwb_session_get_pending_graph:
 * @self: a session
 *
 * Returns: (transfer none) (nullable): the graph an edit made that waits for its layout, or
 *   %NULL when the graph shown is the latest
 */
RwbGraph       *rwb_session_get_pending_graph      (RwbSession *self);

/* ---- selection ---- */

/**
 * rwb_session_get_selected_entities:
 * @self: a session
 *
 * Returns: (transfer full): a new array of guint entity indices, in the order selected
 */
GArray         *rwb_session_get_selected_entities  (RwbSession *self);
/**
 * rwb_session_get_selected_relation:
 * @self: a session
 *
 * Returns: the selected relation's index, or -1
 */
gint            rwb_session_get_selected_relation  (RwbSession *self);
/**
 * rwb_session_is_entity_selected:
 * @self: a session
 * @entity: an entity index
 *
 * Returns: whether @entity is selected
 */
gboolean        rwb_session_is_entity_selected     (RwbSession *self,
                                                    guint       entity);
/**
 * rwb_session_select_entity:
 * @self: a session
 * @entity: an entity index, or -1 to clear the selection
 * @add: add @entity to the selection instead of replacing it
 *
 * Selects an entity (which unselects the relation). Emits #RwbSession::selection-changed when
 * the selection changed. A hidden entity can be selected (a filter that depends on the
 * selection, like the neighbourhood filter, may show it then); a change of the filters drops
 * what they hide from the selection.
 */
void            rwb_session_select_entity          (RwbSession *self,
                                                    gint        entity,
                                                    gboolean    add);
/**
 * rwb_session_unselect_entity:
 * @self: a session
 * @entity: an entity index
 *
 * Takes @entity out of the selection (Ctrl+click on a selected node).
 */
void            rwb_session_unselect_entity        (RwbSession *self,
                                                    guint       entity);
/**
 * rwb_session_select_relation:
 * @self: a session
 * @relation: a relation index
 *
 * Selects @relation alone. Emits #RwbSession::selection-changed when the selection changed.
 */
void            rwb_session_select_relation        (RwbSession *self,
                                                    guint       relation);
/**
 * rwb_session_reveal_entity:
 * @self: a session
 * @entity: an entity index
 *
 * Selects @entity alone and asks the views to bring it into sight (#RwbSession::reveal-entity):
 * what a panel does when the user activates an entity in a list.
 */
void            rwb_session_reveal_entity          (RwbSession *self,
                                                    guint       entity);

/* ---- filters ---- */

/**
 * rwb_session_set_hidden:
 * @self: a session
 * @hidden_entities: (nullable) (array): per entity of the shown graph, whether it is hidden
 * @hidden_relations: (nullable) (array): per relation, whether it is hidden
 *
 * Sets what the filters hide (copied; %NULL: nothing). What is hidden leaves the selection.
 * Emits #RwbSession::filter-changed.
 */
void            rwb_session_set_hidden             (RwbSession     *self,
                                                    const gboolean *hidden_entities,
                                                    const gboolean *hidden_relations);
/**
 * rwb_session_entity_hidden:
 * @self: a session
 * @entity: an entity index
 *
 * Returns: whether the filters hide @entity
 */
gboolean        rwb_session_entity_hidden          (RwbSession *self,
                                                    guint       entity);
/**
 * rwb_session_relation_hidden:
 * @self: a session
 * @relation: a relation index
 *
 * Returns: whether the filters hide @relation (mention edges while #RwbSession:show-mentions
 *   is off are not counted here)
 */
gboolean        rwb_session_relation_hidden        (RwbSession *self,
                                                    guint       relation);
/**
 * rwb_session_get_show_mentions:
 * @self: a session
 *
 * Returns: whether co-occurrence (`mention`) relations are shown
 */
gboolean        rwb_session_get_show_mentions      (RwbSession *self);
void            rwb_session_set_show_mentions      (RwbSession *self,
                                                    gboolean    show_mentions);
/**
 * rwb_session_get_hidden_entity_types:
 * @self: a session
 *
 * Returns: a mask of `1 << RwbEntityType` of the entity types the type filter hides
 */
guint           rwb_session_get_hidden_entity_types   (RwbSession *self);
void            rwb_session_set_hidden_entity_types   (RwbSession *self,
                                                       guint       mask);
/**
 * rwb_session_get_hidden_relation_types:
 * @self: a session
 *
 * Returns: a mask of `1 << RwbRelationType` of the relation types the type filter hides
 */
guint           rwb_session_get_hidden_relation_types (RwbSession *self);
void            rwb_session_set_hidden_relation_types (RwbSession *self,
                                                       guint       mask);
/**
 * rwb_session_get_min_confidence:
 * @self: a session
 *
 * Returns: the lowest confidence of a relation the filter shows, 0..1
 */
double          rwb_session_get_min_confidence     (RwbSession *self);
void            rwb_session_set_min_confidence     (RwbSession *self,
                                                    double      min_confidence);

/* ---- timeline ---- */

/**
 * rwb_session_get_as_of:
 * @self: a session
 *
 * Returns: (nullable): the timeline's date (ISO 8601 "YYYY-MM-DD"): only what the articles
 *   dated up to then say is shown; %NULL shows everything
 */
const char     *rwb_session_get_as_of              (RwbSession *self);
/**
 * rwb_session_set_as_of:
 * @self: a session
 * @date: (nullable): an ISO 8601 date, or %NULL (or "") for no limit
 *
 * Shows the graph as of @date (#RwbSession:as-of): an entity or relation not known by then
 * (rwb-timeline.h) counts as hidden, as a filter would hide it, and leaves the selection.
 * Emits #RwbSession::filter-changed. A project keeps the date in its view state ("as-of") and
 * gives it back when opened again. Another graph that is new work (not an edit) starts with no
 * limit.
 */
void            rwb_session_set_as_of              (RwbSession *self,
                                                    const char *date);
/**
 * rwb_session_get_timeline:
 * @self: a session
 *
 * Returns: (transfer none) (nullable): the timeline of the graph shown (made when first asked
 *   for, dropped when the graph changes), or %NULL without a graph
 */
RwbTimeline    *rwb_session_get_timeline           (RwbSession *self);
/**
 * rwb_session_dup_shown_graph:
 * @self: a session
 *
 * What the view shows, as a graph of its own for exports: the graph as of the timeline's date
 * (rwb_graph_as_of) without what the filters hide, and without co-occurrence relations while
 * #RwbSession:show-mentions is off.
 *
 * Returns: (transfer full) (nullable): the graph, or %NULL without a graph
 */
RwbGraph       *rwb_session_dup_shown_graph        (RwbSession *self);
/**
 * rwb_session_dup_shown:
 * @self: a session
 * @scene: (out) (optional) (transfer full) (nullable): where what is shown is drawn: the
 *   session's scene, the positions the user dragged entities to included, cut down and
 *   renumbered to the returned graph (rwb_scene_subset); %NULL when there is no scene of the
 *   graph shown (not laid out yet)
 *
 * rwb_session_dup_shown_graph() with the scene of what it returns, for exports that carry
 * positions (GraphML for yEd, GEXF, Cytoscape.js, DOT, CSV).
 *
 * Returns: (transfer full) (nullable): the graph, or %NULL without a graph
 */
RwbGraph       *rwb_session_dup_shown              (RwbSession  *self,
                                                    RwbScene   **scene);

/* ---- positions ---- */

/**
 * rwb_session_get_positions:
 * @self: a session
 *
 * Returns: (transfer none): name key (rwb_name_key) → RwbPosition of every entity the user
 *   moved; rwb_positions_lookup() finds an entity's
 */
GHashTable     *rwb_session_get_positions          (RwbSession *self);
/**
 * rwb_session_get_entity_position:
 * @self: a session
 * @entity: an entity index of the shown graph
 * @x: (out): scene x
 * @y: (out): scene y
 *
 * Returns: whether the user moved @entity (and then where to)
 */
gboolean        rwb_session_get_entity_position    (RwbSession *self,
                                                    guint       entity,
                                                    double     *x,
                                                    double     *y);
/**
 * rwb_session_move_entity:
 * @self: a session
 * @entity: an entity index
 * @x: scene x
 * @y: scene y
 * @error: return location for an error (a project that cannot be written)
 *
 * Records that the user put @entity at (@x, @y): one undoable "Move". Emits
 * #RwbSession::positions-changed.
 *
 * Returns: %TRUE on success
 */
gboolean        rwb_session_move_entity            (RwbSession *self,
                                                    guint       entity,
                                                    double      x,
                                                    double      y,
                                                    GError    **error);
/**
 * rwb_session_reset_positions:
 * @self: a session
 * @error: return location for an error
 *
 * Forgets every position the user chose (undoable "Reset Positions").
 *
 * Returns: %TRUE on success
 */
gboolean        rwb_session_reset_positions        (RwbSession *self,
                                                    GError    **error);

/* ---- edits ---- */

/**
 * rwb_session_correct:
 * @self: a session
 * @correction: (transfer none): the correction
 * @error: return location for an error
 *
 * Applies a correction as an undoable command (in the project when there is one) and makes
 * the corrected graph the pending graph (see the top of this header).
 *
 * Returns: %TRUE on success; %FALSE with @error for an invalid correction or a failed write
 */
gboolean        rwb_session_correct                (RwbSession          *self,
                                                    const RwbCorrection *correction,
                                                    GError             **error);
/**
 * rwb_session_get_corrections:
 * @self: a session
 *
 * Returns: (transfer full): the corrections in force, in order
 */
RwbCorrections *rwb_session_get_corrections        (RwbSession *self);
/**
 * rwb_session_get_corrections_applied:
 * @self: a session
 *
 * Returns: (transfer full): per correction in force (as rwb_session_get_corrections() lists
 *   them), a gboolean: whether it found something to act on in the graph
 */
GArray         *rwb_session_get_corrections_applied (RwbSession *self);
/**
 * rwb_session_withdraw_correction:
 * @self: a session
 * @index: the correction's index in rwb_session_get_corrections()
 * @error: return location for an error
 *
 * Withdraws one correction in force, whatever came after it (the corrections panel's
 * "Withdraw"): itself an undoable command ("Undo Withdraw Correction" puts it back where it
 * was). The corrected graph becomes the pending graph.
 *
 * Returns: %TRUE on success
 */
gboolean        rwb_session_withdraw_correction    (RwbSession *self,
                                                    guint       index,
                                                    GError    **error);
gboolean        rwb_session_can_undo               (RwbSession *self);
gboolean        rwb_session_can_redo               (RwbSession *self);
/**
 * rwb_session_get_undo_label:
 * @self: a session
 *
 * Returns: (transfer none) (nullable): the translated name of what undo would undo ("Merge")
 */
const char     *rwb_session_get_undo_label         (RwbSession *self);
const char     *rwb_session_get_redo_label         (RwbSession *self);
/**
 * rwb_session_undo:
 * @self: a session
 * @error: return location for an error
 *
 * Undoes the last command. Returns: %FALSE with @error when there is none or it failed
 */
gboolean        rwb_session_undo                   (RwbSession *self,
                                                    GError    **error);
gboolean        rwb_session_redo                   (RwbSession *self,
                                                    GError    **error);

/**
 * rwb_session_add_graph:
 * @self: a session
 * @part: (transfer none): what newly added articles gave (read, not changed)
 * @error: return location for an error
 *
 * Adds articles to the work in memory: @part joins the graph before corrections, the
 * corrections apply to the whole again, and the result is the pending graph (see the top of
 * this header); selection, positions and history stay. A session with a project adds articles
 * to the project instead (rwb_project_add_articles, then rwb_session_reload), so this fails
 * there with G_IO_ERROR_NOT_SUPPORTED.
 *
 * Returns: %TRUE on success
 */
gboolean        rwb_session_add_graph              (RwbSession *self,
                                                    RwbGraph   *part,
                                                    GError    **error);
/**
 * rwb_session_replace:
 * @slot: (inout): where an object keeps its session (a strong reference, or %NULL)
 * @session: (transfer none) (nullable): the new session
 * @owner: the object whose signal handlers (connected with @owner as data) to move
 *
 * What every widget that shows a session does when it is given one: disconnects @owner's
 * handlers from the old session and keeps a reference on the new one. The caller connects its
 * handlers to @session afterwards.
 *
 * Returns: %FALSE when @session was the one in @slot already (nothing to do)
 */
gboolean        rwb_session_replace                (RwbSession **slot,
                                                    RwbSession  *session,
                                                    gpointer     owner);

/* ---- project ---- */

/**
 * rwb_session_set_project:
 * @self: a session
 * @project: (transfer none) (nullable): the project to work in
 * @error: return location for an error
 *
 * Makes @project the store of the session: its corrected graph becomes the pending graph (or
 * the graph, without a scene), its positions the session's, its history the undo stack.
 * %NULL detaches the project (in-memory from then on, with an empty history).
 *
 * Returns: %TRUE on success
 */
gboolean        rwb_session_set_project            (RwbSession *self,
                                                    RwbProject *project,
                                                    GError    **error);
/**
 * rwb_session_save_as:
 * @self: a session without a project
 * @path: where to create the project (must not exist)
 * @lexicon: the lexicon to extract the articles with
 * @error: return location for an error
 *
 * "Save As" of the work in memory: creates a project at @path with the articles shown (their
 * text), the corrections in force and the positions, then works in it
 * (rwb_session_set_project). A graph whose documents have no text (one read from a graph
 * file) cannot become a project.
 *
 * Returns: (transfer none) (nullable): the project, or %NULL with @error set
 */
RwbProject     *rwb_session_save_as                (RwbSession *self,
                                                    const char *path,
                                                    RwbLexicon *lexicon,
                                                    GError    **error);
/**
 * rwb_session_get_project:
 * @self: a session
 *
 * Returns: (transfer none) (nullable): the project, or %NULL
 */
RwbProject     *rwb_session_get_project            (RwbSession *self);
/**
 * rwb_session_remove_articles:
 * @self: a session with a project
 * @ids: (array length=n_ids): article ids (rwb_document_article_id())
 * @n_ids: how many
 * @error: return location for an error (G_IO_ERROR_NOT_SUPPORTED without a project)
 *
 * Removes articles from the project as one undoable command ("Remove Articles"): what only
 * they supported leaves the graph, which becomes the pending graph.
 *
 * Returns: %TRUE on success
 */
gboolean        rwb_session_remove_articles        (RwbSession   *self,
                                                    const gint64 *ids,
                                                    guint         n_ids,
                                                    GError      **error);
/**
 * rwb_session_set_article_date:
 * @self: a session with a project
 * @id: an article id
 * @date: (nullable): ISO 8601 date, or %NULL to clear it
 * @error: return location for an error (RWB_PROJECT_ERROR_INVALID for a date that is none)
 *
 * Changes an article's date, undoably ("Change Date"); the timeline follows.
 *
 * Returns: %TRUE on success
 */
gboolean        rwb_session_set_article_date       (RwbSession *self,
                                                    gint64      id,
                                                    const char *date,
                                                    GError    **error);
/**
 * rwb_session_reload:
 * @self: a session
 * @error: return location for an error
 *
 * Reads the project's corrected graph and positions again (after articles were added to it)
 * into the pending graph.
 *
 * Returns: %TRUE on success
 */
gboolean        rwb_session_reload                 (RwbSession *self,
                                                    GError    **error);

G_END_DECLS
