/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-export-dialog.h — the Export dialog (win.export): format, scope, size, background,
 * legend, title and file of an image of the graph view. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-filter-panel.h"
#include "rwb-graph-view.h"
#include "rwb-render.h"

G_BEGIN_DECLS

#define RWB_TYPE_EXPORT_DIALOG (rwb_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RwbExportDialog, rwb_export_dialog, RWB, EXPORT_DIALOG, GtkWindow)

/**
 * rwb_export_dialog_new:
 * @parent: the window the dialog belongs to; errors go to its banner when it is an RwbWindow
 * @view: the view to export: its scene, selection, visible area and mentions setting
 * @filters: (nullable): the filter panel whose hidden entities and relations stay hidden
 *
 * Creates a modal export dialog over @parent. The selection scope is insensitive while nothing
 * is selected in @view.
 *
 * Returns: (transfer none): the dialog, not yet shown; like every toplevel it lives until
 *   gtk_window_destroy() (closing it destroys it)
 */
RwbExportDialog *rwb_export_dialog_new         (GtkWindow      *parent,
                                                RwbGraphView   *view,
                                                RwbFilterPanel *filters);

/**
 * rwb_export_dialog_get_options:
 * @self: an export dialog
 * @options: (out caller-allocates): filled from the dialog's widgets and the view
 *
 * The options Export would use. Arrays and strings in @options belong to the dialog and stay
 * valid until its widgets change or it is destroyed.
 */
void             rwb_export_dialog_get_options (RwbExportDialog  *self,
                                                RwbExportOptions *options);

/**
 * rwb_export_dialog_set_file:
 * @self: an export dialog
 * @file: where to write; its extension picks the format when it names one
 *
 * Sets the file Export writes, as the file chooser does.
 */
void             rwb_export_dialog_set_file    (RwbExportDialog *self,
                                                GFile           *file);

/**
 * rwb_export_dialog_get_file:
 * Returns: (transfer none) (nullable): the file Export writes
 */
GFile           *rwb_export_dialog_get_file    (RwbExportDialog *self);

/**
 * rwb_export_dialog_export:
 * @self: an export dialog
 *
 * What the Export button does: renders in a worker thread and writes the file. On success the
 * dialog closes and the parent window says where the file went; on failure the parent window's
 * banner shows the error and the dialog stays open. Either way ::finished is emitted first,
 * with whether the file was written.
 */
void             rwb_export_dialog_export      (RwbExportDialog *self);

G_END_DECLS
