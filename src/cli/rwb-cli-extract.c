/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-cli-extract.c — `rawabit-cli extract`: the graph of articles on stdout. */
#define G_LOG_DOMAIN "rawabit-cli"

#include "rwb-cli.h"

#include "rwb-config.h"
#include "rwb-dot.h"
#include "rwb-extract.h"
#include "rwb-formats.h"
#include "rwb-json.h"
#include "rwb-layout.h"
#include "rwb-render.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

static gboolean
write_stdout (const char *data, gsize length, gpointer user_data)
{
  return fwrite (data, 1, length, stdout) == length;
}

int
rwb_cli_cmd_extract (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *lexicon_dir = NULL;
  g_auto (GStrv) files = NULL;
  gboolean verbose = FALSE, replace_invalid = FALSE;
  gint jobs = -1;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: json (default) or dot"),
      N_("FORMAT") },
    { "replace-invalid", 0, 0, G_OPTION_ARG_NONE, &replace_invalid,
      N_("Read articles that are not valid UTF-8, each bad byte replaced by U+FFFD"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      N_("Explain on stderr which lexicon entry or rule made each entity and relation"), NULL },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      N_("Extract N articles at once (default: one per core); the graph is the same for any N"),
      N_("N") },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME, &lexicon_dir,
      N_("Also load the *.tsv lexicon and pattern files in DIR"), N_("DIR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (NULL);
  g_option_context_set_summary (ctx, _("Print the graph of articles."));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return rwb_cli_usage_error (error->message);
  if (files == NULL || files[0] == NULL)
    return rwb_cli_usage_error (_("extract needs at least one FILE"));
  if (format && !g_str_equal (format, "json") && !g_str_equal (format, "dot"))
    return rwb_cli_usage_error (_("--format must be json or dot"));
  /* Not given: one per core (0 to the loader). */
  if (jobs == -1)
    jobs = 0;
  else if (jobs < 1 || jobs > 256)
    return rwb_cli_usage_error (_("--jobs must be between 1 and 256"));

  char *failed = NULL;
  g_autoptr (RwbGraph) graph = rwb_cli_load_inputs (files, lexicon_dir, verbose, replace_invalid,
                                                    (guint) jobs, NULL, NULL, &failed, &error);
  if (graph == NULL)
    return rwb_cli_fail (failed, error);
  if (format && g_str_equal (format, "dot"))
    {
      g_autofree char *out = rwb_formats_to_string (graph, NULL, RWB_FORMAT_DOT, &error);
      if (out == NULL)
        return rwb_cli_fail (NULL, error);
      fputs (out, stdout);
      if (!g_str_has_suffix (out, "\n"))
        fputc ('\n', stdout);
    }
  /* Streamed: the text of a big graph is never held whole. */
  else if (!rwb_json_write_to (graph, TRUE, write_stdout, NULL) || fputc ('\n', stdout) == EOF)
    return 1;
  return fflush (stdout) == 0 ? 0 : 1;
}
