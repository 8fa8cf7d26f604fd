/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-edit-actions.h — the corrections and undo/redo as actions on a session. */
#pragma once

#include <gtk/gtk.h>

#include "rwb-graph-view.h"
#include "rwb-session.h"

G_BEGIN_DECLS

/**
 * rwb_edit_actions_add:
 * @map: where to add the actions (the window: `win.undo`, `win.delete`, …)
 * @session: (transfer none): the session they edit; kept alive by the actions
 * @parent: (nullable): the window the rename dialog belongs to
 *
 * Adds `undo`, `redo`, `delete`, `rename` (s: the new name; "" asks for it), `retype`
 * (s: an entity type), `merge`, `split` (s: the alias), `confirm`, `reverse`,
 * `retype-relation` (s), `add-relation` (s: a relation type, between the first two selected
 * entities). Each acts on the session's selection and is enabled when it applies; a failure
 * goes to @error_func.
 */
void        rwb_edit_actions_add      (GActionMap   *map,
                                       RwbSession   *session,
                                       GtkWindow    *parent,
                                       void        (*error_func) (gpointer    data,
                                                                  const char *message),
                                       gpointer      error_data);

/* Where win.add-relation finds its evidence: the text the user selected in an article
 * (document index of the session's graph and code points); FALSE when there is none. */
typedef gboolean (*RwbEditEvidenceFunc) (gpointer data, guint *document, guint *start,
                                         guint *end);

/**
 * rwb_edit_actions_set_evidence_func:
 * @map: the action map given to rwb_edit_actions_add()
 * @func: (nullable): asked, when a relation is added, for the selected text
 * @data: for @func
 *
 * A relation added then carries the selected sentence as its evidence.
 */
void        rwb_edit_actions_set_evidence_func (GActionMap          *map,
                                                RwbEditEvidenceFunc  func,
                                                gpointer             data);

/**
 * rwb_edit_menu_new:
 * @session: the session whose selection the menu is for
 *
 * The context menu of the graph view for what is selected: the corrections that apply, with
 * their `win.` actions.
 *
 * Returns: (transfer full): a menu model
 */
GMenuModel *rwb_edit_menu_new         (RwbSession   *session);

G_END_DECLS
