/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-window.h — the main window: header bar, graph view, status line and error banner. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-application.h"

G_BEGIN_DECLS

#define RWB_TYPE_WINDOW (rwb_window_get_type ())
G_DECLARE_FINAL_TYPE (RwbWindow, rwb_window, RWB, WINDOW, GtkApplicationWindow)

/**
 * rwb_window_new:
 * @application: the application
 *
 * Creates an empty window, sized and with the layout engine as saved in the settings.
 *
 * Returns: (transfer floating): the new window
 */
RwbWindow *rwb_window_new              (RwbApplication *application);

/**
 * rwb_window_open_files:
 * @self: a window
 * @files: (array length=n_files): the articles to read
 * @n_files: number of files, at least one
 *
 * Reads the articles, extracts one graph from all of them in a worker thread and lays it out in
 * the helper process. The result replaces the graph shown only if every step succeeds; on error
 * the banner says what went wrong and the previous graph stays. Opening again while a load is
 * running cancels that load.
 */
void       rwb_window_open_files       (RwbWindow  *self,
                                        GFile     **files,
                                        guint       n_files);

/**
 * rwb_window_show_open_dialog:
 * @self: a window
 *
 * Asks the user for articles with a (portal-aware) native file chooser and opens them with
 * rwb_window_open_files().
 */
void       rwb_window_show_open_dialog (RwbWindow *self);

/**
 * rwb_window_new_open_filters:
 *
 * The filters the Open dialog offers, in order: articles, projects and graphs together; articles
 * (text, HTML); projects; graphs (DOT, GraphML, GEXF, Rawabit JSON); all files. Their names are
 * translated.
 *
 * Returns: (transfer full): a list of #GtkFileFilter
 */
GListModel *rwb_window_new_open_filters (void);

/**
 * rwb_window_show_error:
 * @self: a window
 * @message: the message, already translated
 *
 * Shows @message in the in-window error banner (and logs it), replacing any message there.
 */
void       rwb_window_show_error       (RwbWindow  *self,
                                        const char *message);

/**
 * rwb_window_show_message:
 * @self: a window
 * @message: a short note, already translated ("Exported “graph.png”")
 *
 * Shows @message in the status bar for a few seconds, then the graph's counts again.
 */
void       rwb_window_show_message     (RwbWindow  *self,
                                        const char *message);

/**
 * rwb_window_get_busy:
 * @self: a window
 *
 * Returns whether articles are being read or a graph is being laid out.
 *
 * Returns: the value of #RwbWindow:busy
 */
gboolean   rwb_window_get_busy         (RwbWindow *self);

/**
 * rwb_window_popup_context_menu:
 * @self: a window
 * @x: graph view x
 * @y: graph view y
 *
 * What a right-click on the graph view at (@x, @y) does: selects what is there (unless it is
 * selected already) and pops up the corrections that apply.
 */
void rwb_window_popup_context_menu (RwbWindow *self,
                                    double     x,
                                    double     y);

/**
 * rwb_window_add_articles:
 * @self: a window
 * @files: (array length=n_files): article files (a graph file opens on its own instead)
 * @n_files: how many
 *
 * Reads the articles off the UI thread and adds them to the work shown: the joined graph is
 * laid out, the corrections apply to it, and the selection, positions and undo history stay.
 * What dropping files on the window does.
 */
void rwb_window_add_articles (RwbWindow *self,
                              GFile    **files,
                              guint      n_files);
/**
 * rwb_window_add_text:
 * @self: a window
 * @text: an article's text
 *
 * Adds @text as a new article, as rwb_window_add_articles() does for files (win.paste).
 */
void rwb_window_add_text     (RwbWindow  *self,
                              const char *text);

/**
 * rwb_window_open_project:
 * @self: a window
 * @file: a Rawabit project (NAME.rawabit)
 * @error: return location for an error (a project open elsewhere is refused)
 *
 * Works in @file from now on: its graph with its corrections is laid out, and every edit is
 * written to it at once. The title names it; it joins the recent files.
 *
 * Returns: %TRUE on success
 */
gboolean rwb_window_open_project    (RwbWindow *self,
                                     GFile     *file,
                                     GError   **error);
/**
 * rwb_window_save_project_as:
 * @self: a window
 * @file: where to create the project (must not exist)
 * @error: return location for an error
 *
 * Saves the work in memory (articles, corrections, positions) as a new project and works in
 * it from then on (win.save-as).
 *
 * Returns: %TRUE on success
 */
gboolean rwb_window_save_project_as (RwbWindow *self,
                                     GFile     *file,
                                     GError   **error);

G_END_DECLS
