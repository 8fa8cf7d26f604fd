/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-cli-convert.c — `rawabit-cli convert`: from one graph format (or articles) to another. */
#define G_LOG_DOMAIN "rawabit-cli"

#include "rwb-cli.h"
#include "rwb-input.h"

#include "rwb-config.h"
#include "rwb-dot.h"
#include "rwb-extract.h"
#include "rwb-formats.h"
#include "rwb-json.h"
#include "rwb-layout.h"
#include "rwb-project.h"
#include "rwb-render.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/* Reads one input of `convert`: a graph file, by extension or content; NULL with
 * *is_article set when it is neither, so the caller extracts it as an article. Warnings go
 * to @messages, to be printed once the inputs are known to be usable. */
static RwbGraph *
read_graph_input (const char *path, gboolean *is_article, GPtrArray *messages, GError **error)
{
  RwbFormat format;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  *is_article = FALSE;
  if (rwb_cli_is_project (path))
    return rwb_cli_load_project (path, error);
  if (!rwb_format_from_path (path, &format) && g_str_has_suffix (lower, ".txt"))
    {
      *is_article = TRUE;
      return NULL;
    }
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local = NULL;
  RwbGraph *graph = rwb_formats_read_file (file, warnings, NULL, &local);
  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_add (messages, g_strdup_printf (_("rawabit-cli: %s: warning: %s"), path,
                                                (char *) g_ptr_array_index (warnings, i)));
  if (graph == NULL && !rwb_format_from_path (path, &format)
      && g_error_matches (local, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_UNSUPPORTED))
    *is_article = TRUE;
  else if (graph == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return graph;
}

/* --layout[=ENGINE]: lay the graph out before writing it, so the file carries positions. */
typedef struct
{
  gboolean wanted;
  RwbLayoutEngine engine;
} ConvertLayout;

static gboolean
parse_layout (const char *option_name, const char *value, gpointer data, GError **error)
{
  ConvertLayout *layout = data;
  layout->wanted = TRUE;
  layout->engine = RWB_LAYOUT_DOT;
  if (value != NULL && !rwb_layout_engine_from_string (value, &layout->engine))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--layout must be one of dot, neato, fdp, sfdp, circo, twopi"));
      return FALSE;
    }
  return TRUE;
}

int
rwb_cli_cmd_convert (int argc, char **argv)
{
  ConvertLayout layout = { FALSE, RWB_LAYOUT_DOT };
  g_autofree char *format = NULL, *output = NULL, *lexicon_dir = NULL;
  g_auto (GStrv) files = NULL;
  gboolean merge = FALSE, replace_invalid = FALSE, force = FALSE;
  const GOptionEntry entries[] = {
    { "replace-invalid", 0, 0, G_OPTION_ARG_NONE, &replace_invalid,
      N_("Read articles that are not valid UTF-8, each bad byte replaced by U+FFFD"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the graph to OUT (a folder for csv; - for stdout)"), N_("OUT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("json, dot, graphml, gexf, cytoscape or csv (default: from OUT's extension)"),
      N_("FORMAT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace OUT even if it is read-only (it stays read-only)"), NULL },
    { "merge", 'm', 0, G_OPTION_ARG_NONE, &merge,
      N_("Merge several graphs: entities by name or alias, relations by source, target and type"),
      NULL },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME, &lexicon_dir,
      N_("Also load the *.tsv lexicon and pattern files in DIR (for articles)"), N_("DIR") },
    { "layout", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, (gpointer) parse_layout,
      N_("Lay the graph out with Graphviz's ENGINE (dot, the default, neato, fdp, sfdp, circo, "
         "twopi) and write the positions (GraphML for yEd, GEXF, Cytoscape.js, DOT, CSV)"),
      N_("ENGINE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("IN…") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (NULL);
  g_option_context_set_summary (ctx, _("Convert articles (.txt), Rawabit JSON, GraphML, GEXF "
                                       "or DOT to another graph format."));
  /* A group of our own, so that --layout's callback gets @layout. */
  GOptionGroup *group = g_option_group_new (NULL, NULL, NULL, &layout, NULL);
  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_context_set_main_group (ctx, group);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return rwb_cli_usage_error (error->message);
  if (files == NULL || files[0] == NULL)
    return rwb_cli_usage_error (_("convert needs at least one input file"));
  if (output == NULL)
    return rwb_cli_usage_error (_("convert needs -o OUT"));
  RwbFormat out_format;
  if (format)
    {
      if (!rwb_format_from_string (format, &out_format))
        return rwb_cli_usage_error (_("--format must be json, dot, graphml, gexf, cytoscape or "
                                      "csv"));
    }
  else if (!rwb_format_from_path (output, &out_format))
    {
      if (g_str_has_suffix (output, G_DIR_SEPARATOR_S)
          || g_file_test (output, G_FILE_TEST_IS_DIR))
        out_format = RWB_FORMAT_CSV;
      else
        return rwb_cli_usage_error (_("cannot tell the format from OUT's extension (.json, .dot, .gv, "
                            ".graphml, .gexf, .cyjs, .csv); use --format"));
    }
  if (layout.wanted && out_format == RWB_FORMAT_JSON)
    return rwb_cli_usage_error (_("--layout needs a format with positions: graphml, gexf, "
                                  "cytoscape, dot or csv"));
  gboolean to_stdout = g_str_equal (output, "-");
  if (to_stdout && (format == NULL || out_format == RWB_FORMAT_CSV))
    return rwb_cli_usage_error (_("-o - needs --format json, dot, graphml, gexf or cytoscape"));

  /* Articles are extracted and joined into one graph, as `extract` does, in the place of the
   * first; each graph file is a graph. */
  g_autoptr (GPtrArray) graphs = g_ptr_array_new_with_free_func ((GDestroyNotify) rwb_graph_unref);
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) article_names = g_ptr_array_new ();
  guint articles_at = 0;
  RwbExtractOptions options = { NULL, NULL, replace_invalid ? RWB_TEXT_LOAD_REPLACE_INVALID
                                                             : RWB_TEXT_LOAD_DEFAULT };
  g_autoptr (GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; files[i]; i++)
    {
      gboolean is_article;
      RwbGraph *graph = read_graph_input (files[i], &is_article, messages, &error);
      if (graph)
        {
          g_ptr_array_add (graphs, graph);
          continue;
        }
      if (!is_article)
        /* A project's errors name the file already. */
        return rwb_cli_fail (error->domain == RWB_PROJECT_ERROR ? NULL : files[i], error);
      if (articles->len == 0)
        articles_at = graphs->len;
      g_ptr_array_add (articles, g_file_new_for_commandline_arg (files[i]));
      g_ptr_array_add (article_names, files[i]);
    }
  if (articles->len > 0)
    {
      g_autoptr (RwbLexicon) lexicon = rwb_lexicon_new_default (lexicon_dir, &error);
      gint failed = -1;
      RwbGraph *graph;

      if (lexicon == NULL)
        return rwb_cli_fail (NULL, error);
      graph = rwb_input_load_articles ((GFile **) articles->pdata, articles->len, lexicon,
                                       &options, 0, &failed, NULL, &error);
      if (graph == NULL)
        return rwb_cli_fail (failed >= 0 ? g_ptr_array_index (article_names, failed) : NULL,
                             error);
      g_ptr_array_insert (graphs, articles_at, graph);
    }
  if (graphs->len > 1 && !merge)
    return rwb_cli_usage_error (_("the inputs make several graphs: add --merge to combine them"));
  for (guint i = 0; i < messages->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (messages, i));
  RwbGraph *graph = g_ptr_array_index (graphs, 0);
  for (guint i = 1; i < graphs->len; i++)
    rwb_graph_merge (graph, g_ptr_array_index (graphs, i));

  /* Laid out in the helper as `render` lays out, so the file has the positions its picture
   * would. */
  g_autoptr (RwbScene) scene = NULL;
  if (layout.wanted)
    {
      RwbLayoutOptions layout_options;
      rwb_layout_options_init (&layout_options);
      layout_options.engine = layout.engine;
      scene = rwb_layout_run (graph, &layout_options, NULL, &error);
      if (scene == NULL)
        return rwb_cli_fail (NULL, error);
    }

  if (to_stdout)
    {
      g_autofree char *text = rwb_formats_to_string (graph, scene, out_format, &error);
      if (text == NULL)
        return rwb_cli_fail (NULL, error);
      fputs (text, stdout);
      return fflush (stdout) == 0 ? 0 : 1;
    }
  if (!rwb_formats_write_full (graph, scene, out_format, output,
                               force ? RWB_SAVE_OVERWRITE_READ_ONLY : RWB_SAVE_DEFAULT, &error))
    return rwb_cli_fail (NULL, error);
  return 0;
}
