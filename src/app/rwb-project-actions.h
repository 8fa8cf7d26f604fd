/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-project-actions.h — the window's project commands: New Project…, Open Recent, Add Folder…,
 * Export Data…. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-session.h"
#include "rwb-window.h"

G_BEGIN_DECLS

/**
 * rwb_project_actions_add:
 * @window: the window (its `win.` actions)
 * @session: the window's session
 * @recent_menu: the menu section to fill with recent projects
 *
 * Adds `win.new-project`, `win.add-folder`, `win.export-data` (enabled while a graph is shown)
 * and `win.open-recent` (parameter: the project's URI) to @window, and keeps @recent_menu
 * listing the projects of GtkRecentManager that still exist, newest first (at most 8).
 */
void     rwb_project_actions_add        (RwbWindow  *window,
                                         RwbSession *session,
                                         GMenu      *recent_menu);
/**
 * rwb_window_new_project:
 * @window: the window
 * @file: where to create it (must not exist)
 * @error: return location for an error
 *
 * Creates an empty project at @file and works in it (rwb_window_open_project()): the work
 * shown before gives way, as on opening another project.
 *
 * Returns: %TRUE on success
 */
gboolean rwb_window_new_project         (RwbWindow  *window,
                                         GFile      *file,
                                         GError    **error);

G_END_DECLS
