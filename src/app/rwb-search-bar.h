/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-search-bar.h — find entities by name or alias and step through them in the graph. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-session.h"

G_BEGIN_DECLS

#define RWB_TYPE_SEARCH_BAR (rwb_search_bar_get_type ())
G_DECLARE_FINAL_TYPE (RwbSearchBar, rwb_search_bar, RWB, SEARCH_BAR, GtkWidget)

/**
 * rwb_search_bar_new:
 *
 * Creates a hidden search bar.
 *
 * Returns: (transfer floating): the new widget
 */
GtkWidget *rwb_search_bar_new                 (void);

/**
 * rwb_search_bar_set_session:
 * @self: a search bar
 * @session: (nullable): the session to select and reveal matches in
 *
 * Sets the session the search selects matches in.
 */
void rwb_search_bar_set_session (RwbSearchBar *self,
                                 RwbSession *session);
/**
 * rwb_search_bar_set_key_capture_widget:
 * @self: a search bar
 * @widget: (nullable): the widget (the graph view) whose typing opens the bar
 *
 * Typing while @widget has the focus opens the bar and starts a search.
 */
void rwb_search_bar_set_key_capture_widget (RwbSearchBar *self,
                                            GtkWidget    *widget);

/**
 * rwb_search_bar_set_graph:
 * @self: a search bar
 * @graph: (nullable): the graph to search
 *
 * Sets the graph whose entity names and aliases are searched, and searches it for the text
 * in the entry.
 */
void       rwb_search_bar_set_graph           (RwbSearchBar *self,
                                               RwbGraph     *graph);

/**
 * rwb_search_bar_set_search_mode:
 * @self: a search bar
 * @search_mode: whether the bar is shown
 *
 * Shows the bar and focuses its entry, or hides it. The window's win.search action toggles
 * this (#RwbSearchBar:search-mode-enabled).
 */
void       rwb_search_bar_set_search_mode     (RwbSearchBar *self,
                                               gboolean      search_mode);

/**
 * rwb_search_bar_get_search_mode:
 * @self: a search bar
 *
 * Returns: whether the bar is shown
 */
gboolean   rwb_search_bar_get_search_mode     (RwbSearchBar *self);

/**
 * rwb_search_bar_get_n_matches:
 * @self: a search bar
 *
 * Returns: how many entities the current text finds
 */
guint      rwb_search_bar_get_n_matches       (RwbSearchBar *self);

/**
 * rwb_search_bar_get_match:
 * @self: a search bar
 * @position: a match, from 0 to rwb_search_bar_get_n_matches() - 1
 *
 * Matches are ordered best first: a whole name or alias, then the start of one of its words,
 * then anywhere inside it.
 *
 * Returns: the entity index of match @position
 */
guint      rwb_search_bar_get_match           (RwbSearchBar *self,
                                               guint         position);

/**
 * rwb_search_bar_get_n_sentences:
 * @self: a search bar
 *
 * Returns: how many sentences of the project's articles the second section lists (0 without a
 *   project); activating one emits #RwbSearchBar::sentence-activated
 */
guint      rwb_search_bar_get_n_sentences     (RwbSearchBar *self);

/* Actions: search.next (Enter, Ctrl+G) and search.previous (Shift+Enter, Ctrl+Shift+G)
 * select and centre the next or previous match, wrapping around. */

G_END_DECLS
