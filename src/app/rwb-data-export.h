/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-data-export.h — Export Data…: what the window shows, as a graph file. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-formats.h"
#include "rwb-session.h"

G_BEGIN_DECLS

/**
 * rwb_data_export_n_formats:
 *
 * Returns: how many graph formats the core writes now (Rawabit JSON, GraphML, GEXF when the
 *   core has it, CSV, DOT): those rwb_data_export_format() names
 */
guint       rwb_data_export_n_formats (void);
/**
 * rwb_data_export_format:
 * @i: an index below rwb_data_export_n_formats()
 * @format: (out): the format
 *
 * Returns: the format's extension ("json", "csv": a folder); the translated label is
 *   rwb_data_export_format_label()
 */
const char *rwb_data_export_format    (guint i, RwbFormat *format);
const char *rwb_data_export_format_label (guint i);
/**
 * rwb_data_export_write:
 * @session: the session whose shown graph to write (rwb_session_dup_shown_graph())
 * @file: where
 * @format: the format
 * @overwrite_read_only: replace a read-only file (after asking the user)
 * @error: return location for an error (RWB_SAVE_ERROR_READ_ONLY for a read-only target)
 *
 * Writes what is shown — the timeline's date, the filters and show-mentions applied — with the
 * same writers as `rawabit-cli convert`, and, in the formats that carry positions, where the
 * view draws each entity (the session's scene, dragged positions included).
 *
 * Returns: %TRUE on success
 */
gboolean    rwb_data_export_write     (RwbSession *session,
                                       GFile      *file,
                                       RwbFormat   format,
                                       gboolean    overwrite_read_only,
                                       GError    **error);
/**
 * rwb_data_export_save:
 * @parent: the window
 * @session: its session
 * @file: where
 * @format: the format
 *
 * What the dialog does once a file is chosen: a read-only target asks first (a modal message
 * dialog, "Replace"/"Cancel"); errors and success show in @parent's banner and status line.
 */
void        rwb_data_export_save      (GtkWindow  *parent,
                                       RwbSession *session,
                                       GFile      *file,
                                       RwbFormat   format);
/**
 * rwb_data_export_show:
 * @parent: the window
 * @session: its session
 *
 * Export Data…: a file chooser with the formats as a choice, then rwb_data_export_save().
 */
void        rwb_data_export_show      (GtkWindow  *parent,
                                       RwbSession *session);

G_END_DECLS
