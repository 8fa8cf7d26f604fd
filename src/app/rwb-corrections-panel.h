/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-corrections-panel.h — the corrections in force, each one withdrawable. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-session.h"

G_BEGIN_DECLS

#define RWB_TYPE_CORRECTIONS_PANEL (rwb_corrections_panel_get_type ())
G_DECLARE_FINAL_TYPE (RwbCorrectionsPanel, rwb_corrections_panel, RWB, CORRECTIONS_PANEL,
                      GtkWidget)

/**
 * rwb_corrections_panel_new:
 *
 * Returns: (transfer full): a new, empty corrections panel
 */
GtkWidget *rwb_corrections_panel_new         (void);
/**
 * rwb_corrections_panel_set_session:
 * @self: a corrections panel
 * @session: (nullable): the session whose corrections to list
 *
 * Lists @session's corrections in force (rwb_session_get_corrections()), oldest first, each
 * with a Withdraw button (rwb_session_withdraw_correction(), itself undoable), and follows
 * every change of its history.
 */
void       rwb_corrections_panel_set_session (RwbCorrectionsPanel *self,
                                              RwbSession          *session);
/**
 * rwb_corrections_panel_get_n_rows:
 * @self: a corrections panel
 *
 * Returns: how many corrections the panel lists now (for tests)
 */
guint      rwb_corrections_panel_get_n_rows  (RwbCorrectionsPanel *self);

G_END_DECLS
