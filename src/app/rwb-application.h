/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-application.h — the Rawabit GtkApplication. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-extract.h"

G_BEGIN_DECLS

#define RWB_TYPE_APPLICATION (rwb_application_get_type ())
G_DECLARE_FINAL_TYPE (RwbApplication, rwb_application, RWB, APPLICATION, GtkApplication)

/**
 * rwb_application_new:
 *
 * Creates the application object (id `io.github.rawabit.Rawabit`). It opens the files given on
 * the command line, each set into the active window.
 *
 * Returns: (transfer full): the new application
 */
RwbApplication *rwb_application_new          (void);

/**
 * rwb_application_get_lexicon:
 * @self: the application
 * @error: return location for an error
 *
 * Returns the shipped lexicon, loading it on first use. Safe to call from any thread: the
 * extraction worker threads call it, and loading happens once per application, not once per
 * opened file. A failed load is not cached, so a later call tries again.
 *
 * Returns: (transfer none) (nullable): the lexicon, valid as long as the application lives, or
 *   %NULL with @error set
 */
RwbLexicon     *rwb_application_get_lexicon  (RwbApplication *self,
                                              GError        **error);

/**
 * rwb_application_get_settings:
 * @self: the application
 *
 * Returns the application's settings, or %NULL when the `io.github.rawabit.Rawabit` schema is
 * not installed (an uninstalled run without `GSETTINGS_SCHEMA_DIR`): the windows then start
 * with the defaults and remember nothing, instead of aborting.
 *
 * Returns: (transfer none) (nullable): the settings
 */
GSettings      *rwb_application_get_settings (RwbApplication *self);

G_END_DECLS
