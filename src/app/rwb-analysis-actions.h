/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-analysis-actions.h — the questions analysts ask, as window actions over the session and
 * the graph view (issue 13). */
#pragma once

#include <gtk/gtk.h>

#include "rwb-graph-view.h"
#include "rwb-session.h"

G_BEGIN_DECLS

/**
 * rwb_analysis_actions_add:
 * @map: where to add the actions (the window)
 * @session: (transfer none): the session analysed; kept alive by the actions
 * @view: (transfer none): the graph view that shows the results (weak)
 * @parent: (nullable): the window dialogs belong to
 * @message_func: how a result or a failure is told (the status line)
 *
 * Adds `fit`, `zoom-in`, `zoom-out`, `zoom-reset`, `show-legend` and `legend-collapsed` (the
 * view's, for menus),
 * `show-connection` (the shortest paths between the first two selected entities, highlighted,
 * the rest dimmed, and listed hop by hop with their evidence sentences in a Connection window),
 * `connection-by` (stateful s: "count" ranks the paths by fewest relations, "evidence" by
 * Σ 1 / evidence, so the pairs most sentences support come first), `clear-highlight`, `focus` (u: the ego network of the selection that many
 * steps out, laid out afresh), `unfocus` (back to the whole graph), `color-communities`
 * (stateful b: Louvain communities as colours), `size-by` (stateful s: "none", "degree" or
 * "betweenness") and `statistics` (a window of counts). The analyses run off the UI thread on
 * a snapshot of the graph.
 */
void rwb_analysis_actions_add (GActionMap   *map,
                               RwbSession   *session,
                               RwbGraphView *view,
                               GtkWindow    *parent,
                               void        (*message_func) (gpointer    data,
                                                            const char *message),
                               gpointer      message_data);

/* Whether the view shows the ego network of a focus (win.unfocus goes back). */
gboolean rwb_analysis_actions_is_focused (GActionMap *map);

G_END_DECLS
