/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-cli-common.c — what every rawabit-cli command shares: errors, logging, reading inputs. */
#define G_LOG_DOMAIN "rawabit-cli"

#include "rwb-cli.h"
#include "rwb-input.h"

#include "rwb-config.h"
#include "rwb-dot.h"
#include "rwb-extract.h"
#include "rwb-formats.h"
#include "rwb-save.h"
#include "rwb-json.h"
#include "rwb-layout.h"
#include "rwb-render.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

int
rwb_cli_fail (const char *what, const GError *error)
{
  /* The way out of a text in a broken encoding, on the same line. */
  const char *hint = g_error_matches (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_INVALID_UTF8)
                       ? _(" (--replace-invalid reads it with U+FFFD in place of bad bytes)")
                     : g_error_matches (error, RWB_SAVE_ERROR, RWB_SAVE_ERROR_READ_ONLY)
                       ? _(" (--force replaces it and keeps it read-only)") : "";
  if (what)
    g_printerr ("rawabit-cli: %s: %s%s\n", what, error->message, hint);
  else
    g_printerr ("rawabit-cli: %s%s\n", error->message, hint);
  return 1;
}

int
rwb_cli_usage_error (const char *message)
{
  g_printerr (_("rawabit-cli: %s (see rawabit-cli --help)\n"), message);
  return 2;
}

void
rwb_cli_log_to_stderr (const char *message, gpointer user_data)
{
  g_printerr ("%s\n", message);
}

/* Reads the inputs with the core's loader (rwb-input.h), which the window uses too; prints
 * what a Graphviz import dropped as warnings. */
RwbGraph *
rwb_cli_load_inputs (char **files, const char *lexicon_dir, gboolean verbose, gboolean replace_invalid,
             guint n_jobs, const RwbLayoutOptions *dot_options, RwbScene **dot_scene, char **failed_file,
             GError **error)
{
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  RwbExtractOptions options = { verbose ? rwb_cli_log_to_stderr : NULL, NULL,
                                replace_invalid ? RWB_TEXT_LOAD_REPLACE_INVALID
                                                : RWB_TEXT_LOAD_DEFAULT };
  RwbGraph *graph;
  gint failed = -1;

  for (guint i = 0; files[i]; i++)
    g_ptr_array_add (inputs, g_file_new_for_commandline_arg (files[i]));
  *failed_file = NULL;
  if (inputs->len == 0)
    return rwb_graph_new ();
  graph = rwb_input_load ((GFile **) inputs->pdata, inputs->len, NULL, lexicon_dir, &options,
                          n_jobs, dot_options, dot_scene, NULL, warnings, &failed, NULL, error);
  if (graph == NULL)
    {
      if (failed >= 0)
        *failed_file = files[failed];
      return NULL;
    }
  for (guint w = 0; w < warnings->len; w++)
    g_printerr (_("rawabit-cli: warning: %s: %s\n"), files[0], (char *) g_ptr_array_index (warnings, w));
  return graph;
}

