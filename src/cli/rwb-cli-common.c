/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-cli-common.c — what every rawabit-cli command shares: errors, logging, reading inputs. */
#define G_LOG_DOMAIN "rawabit-cli"

#include "rwb-cli.h"

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
                       ? " (--replace-invalid reads it with U+FFFD in place of bad bytes)"
                     : g_error_matches (error, RWB_SAVE_ERROR, RWB_SAVE_ERROR_READ_ONLY)
                       ? " (--force replaces it and keeps it read-only)" : "";
  if (what)
    g_printerr ("rawabit-cli: %s: %s%s\n", what, error->message, hint);
  else
    g_printerr ("rawabit-cli: %s%s\n", error->message, hint);
  return 1;
}

int
rwb_cli_usage_error (const char *message)
{
  g_printerr ("rawabit-cli: %s (see rawabit-cli --help)\n", message);
  return 2;
}

void
rwb_cli_log_to_stderr (const char *message, gpointer user_data)
{
  g_printerr ("%s\n", message);
}

static gboolean
is_dot_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, ".gv") || g_str_has_suffix (lower, ".dot");
}

/* Builds one graph from article files and Rawabit JSON files, or opens one Graphviz file:
 * that is parsed and laid out in the helper with @dot_options, and its scene (drawn with the
 * file's own styles) goes to @dot_scene (may be NULL). */
RwbGraph *
rwb_cli_load_inputs (char **files, const char *lexicon_dir, gboolean verbose, gboolean replace_invalid,
             const RwbLayoutOptions *dot_options, RwbScene **dot_scene, char **failed_file,
             GError **error)
{
  g_autoptr (RwbGraph) graph = NULL;
  g_autoptr (RwbLexicon) lexicon = NULL;
  RwbExtractOptions options = { verbose ? rwb_cli_log_to_stderr : NULL, NULL,
                                replace_invalid ? RWB_TEXT_LOAD_REPLACE_INVALID
                                                : RWB_TEXT_LOAD_DEFAULT };

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (files[i]);
      *failed_file = files[i];
      if (rwb_cli_is_project (files[i]))
        {
          if (graph != NULL || files[i + 1] != NULL)
            {
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("a project cannot be combined with other inputs"));
              return NULL;
            }
          graph = rwb_cli_load_project (files[i], error);
          if (graph == NULL)
            {
              *failed_file = NULL; /* the project's errors name it */
              return NULL;
            }
          continue;
        }
      if (is_dot_path (files[i]))
        {
          if (graph != NULL || files[i + 1] != NULL)
            {
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("a Graphviz file cannot be combined with other inputs"));
              return NULL;
            }
          g_autofree char *data = NULL;
          gsize len;
          if (!g_file_load_contents (file, NULL, &data, &len, NULL, error))
            return NULL;
          g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
          g_autoptr (RwbScene) scene = NULL;
          graph = rwb_dot_import (data, len, dot_options, &scene, warnings, NULL, error);
          if (graph == NULL)
            return NULL;
          for (guint w = 0; w < warnings->len; w++)
            g_printerr ("rawabit-cli: warning: %s: %s\n", files[i],
                        (char *) g_ptr_array_index (warnings, w));
          if (dot_scene)
            *dot_scene = g_steal_pointer (&scene);
          continue;
        }
      if (g_str_has_suffix (files[i], ".json"))
        {
          g_autofree char *data = NULL;
          gsize len;
          if (!g_file_load_contents (file, NULL, &data, &len, NULL, error))
            return NULL;
          RwbGraph *loaded = rwb_json_read (data, len, error);
          if (loaded == NULL)
            return NULL;
          if (graph != NULL || files[i + 1] != NULL)
            {
              rwb_graph_unref (loaded);
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("a JSON graph cannot be combined with other inputs yet"));
              return NULL;
            }
          graph = loaded;
          continue;
        }
      if (lexicon == NULL)
        {
          lexicon = rwb_lexicon_new_default (lexicon_dir, error);
          if (lexicon == NULL)
            {
              *failed_file = NULL;
              return NULL;
            }
        }
      if (graph == NULL)
        graph = rwb_graph_new ();
      if (verbose)
        g_printerr ("# %s\n", files[i]);
      if (!rwb_extract_file (lexicon, graph, file, &options, NULL, error))
        return NULL;
    }
  *failed_file = NULL;
  return g_steal_pointer (&graph);
}

