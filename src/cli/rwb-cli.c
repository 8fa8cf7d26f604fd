/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-cli.c — `rawabit-cli`: extract, render, convert over the core library.
 *
 * Scripts read stdout; every error is one line on stderr and a non-zero exit status
 * (1: input or processing error, 2: usage error).
 */
#define G_LOG_DOMAIN "rawabit-cli"

#include "rwb-config.h"
#include "rwb-dot.h"
#include "rwb-extract.h"
#include "rwb-formats.h"
#include "rwb-json.h"
#include "rwb-layout.h"
#include "rwb-render.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

static const char *usage_text =
  "Usage:\n"
  "  rawabit-cli extract [--format json|dot] [-v] [--lexicon DIR] [--replace-invalid]\n"
  "                      FILE...\n"
  "  rawabit-cli render [--engine E] [--format png|svg|pdf] [--scale S] [--dark]\n"
  "                     [--transparent] [--legend] [--title TEXT] [--page-fit]\n"
  "                     [--scope whole|selection] [--select NAME,...] [--mentions]\n"
  "                     [--timeout SECONDS] [--replace-invalid] -o OUT FILE...\n"
  "  rawabit-cli convert [--format json|dot|graphml|csv] [--merge] [--lexicon DIR]\n"
  "                      [--replace-invalid] -o OUT IN...\n"
  "  rawabit-cli --help | --version\n"
  "\n"
  "extract  reads news articles (UTF-8 text, Arabic or English) or Rawabit JSON graphs and\n"
  "         prints their knowledge graph on stdout.\n"
  "render   lays the graph out with Graphviz (dot, neato, fdp, sfdp, circo, twopi) and draws\n"
  "         it to an image, with the renderer the window uses.\n"
  "convert  reads articles (.txt), Rawabit JSON, GraphML or DOT and writes JSON, DOT,\n"
  "         GraphML or CSV (a folder with nodes.csv and edges.csv); --merge joins several\n"
  "         graphs, entities by name or alias.\n"
  "\n"
  "Run “rawabit-cli COMMAND --help” for a command's options.\n";

static int
fail (const char *what, const GError *error)
{
  /* The way out of a text in a broken encoding, on the same line. */
  const char *hint = g_error_matches (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_INVALID_UTF8)
                       ? " (--replace-invalid reads it with U+FFFD in place of bad bytes)" : "";
  if (what)
    g_printerr ("rawabit-cli: %s: %s%s\n", what, error->message, hint);
  else
    g_printerr ("rawabit-cli: %s%s\n", error->message, hint);
  return 1;
}

static int
usage_error (const char *message)
{
  g_printerr ("rawabit-cli: %s (see rawabit-cli --help)\n", message);
  return 2;
}

static void
log_to_stderr (const char *message, gpointer user_data)
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
static RwbGraph *
load_inputs (char **files, const char *lexicon_dir, gboolean verbose, gboolean replace_invalid,
             const RwbLayoutOptions *dot_options, RwbScene **dot_scene, char **failed_file,
             GError **error)
{
  g_autoptr (RwbGraph) graph = NULL;
  g_autoptr (RwbLexicon) lexicon = NULL;
  RwbExtractOptions options = { verbose ? log_to_stderr : NULL, NULL,
                                replace_invalid ? RWB_TEXT_LOAD_REPLACE_INVALID
                                                : RWB_TEXT_LOAD_DEFAULT };

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (files[i]);
      *failed_file = files[i];
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

static int
cmd_extract (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *lexicon_dir = NULL;
  g_auto (GStrv) files = NULL;
  gboolean verbose = FALSE, replace_invalid = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: json (default) or dot",
      "FORMAT" },
    { "replace-invalid", 0, 0, G_OPTION_ARG_NONE, &replace_invalid,
      "Read articles that are not valid UTF-8, each bad byte replaced by U+FFFD", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      "Explain on stderr which lexicon entry or rule made each entity and relation", NULL },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME, &lexicon_dir,
      "Also load the *.tsv lexicon and pattern files in DIR", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("FILE… — print the graph of articles");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return usage_error (error->message);
  if (files == NULL || files[0] == NULL)
    return usage_error ("extract needs at least one FILE");
  if (format && !g_str_equal (format, "json") && !g_str_equal (format, "dot"))
    return usage_error ("--format must be json or dot");

  char *failed = NULL;
  g_autoptr (RwbGraph) graph = load_inputs (files, lexicon_dir, verbose, replace_invalid, NULL,
                                            NULL, &failed, &error);
  if (graph == NULL)
    return fail (failed, error);
  g_autofree char *out = NULL;
  if (format && g_str_equal (format, "dot"))
    {
      out = rwb_formats_to_string (graph, NULL, RWB_FORMAT_DOT, &error);
      if (out == NULL)
        return fail (NULL, error);
    }
  else
    out = rwb_json_write (graph, TRUE);
  fputs (out, stdout);
  if (!g_str_has_suffix (out, "\n"))
    fputc ('\n', stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}

/* The entities named in --select: by name or alias, ignoring case. Fails on a name that
 * matches nothing, so a typo does not export an empty picture. */
static GArray *
find_selection (RwbGraph *graph, char **names, GError **error)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; names[k]; k++)
    {
      g_autofree char *want = g_utf8_casefold (g_strstrip (names[k]), -1);
      gboolean any = FALSE;
      if (*want == '\0')
        continue;
      for (guint i = 0; i < graph->entities->len; i++)
        {
          const RwbEntity *entity = g_ptr_array_index (graph->entities, i);
          g_autofree char *name = g_utf8_casefold (entity->name, -1);
          gboolean match = g_str_equal (name, want);
          for (guint j = 0; !match && entity->aliases && j < entity->aliases->len; j++)
            {
              g_autofree char *alias = g_utf8_casefold (g_ptr_array_index (entity->aliases, j),
                                                        -1);
              match = g_str_equal (alias, want);
            }
          if (match)
            {
              g_array_append_val (found, i);
              any = TRUE;
            }
        }
      if (!any)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("--select: no entity is named “%s”"), names[k]);
          return NULL;
        }
    }
  return g_steal_pointer (&found);
}

static int
cmd_render (int argc, char **argv)
{
  g_autofree char *format = NULL, *engine = NULL, *output = NULL, *lexicon_dir = NULL;
  g_autofree char *rankdir = NULL, *scope = NULL, *title = NULL;
  g_auto (GStrv) files = NULL;
  g_auto (GStrv) select = NULL;
  gboolean dark = FALSE, mentions = FALSE, transparent = FALSE, legend = FALSE;
  gboolean page_fit = FALSE, replace_invalid = FALSE;
  double scale = 2.0;
  int timeout = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the image to OUT", "OUT" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "png, svg or pdf (default: from OUT's extension)", "FORMAT" },
    { "engine", 'e', 0, G_OPTION_ARG_STRING, &engine,
      "Graphviz engine: dot (default), neato, fdp, sfdp, circo, twopi", "E" },
    { "rankdir", 0, 0, G_OPTION_ARG_STRING, &rankdir, "dot only: LR (default), TB, RL, BT",
      "DIR" },
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale, "Scale (PNG: 1 = 72 dpi; default 2)", "S" },
    { "page-fit", 0, 0, G_OPTION_ARG_NONE, &page_fit,
      "PDF: one A4 landscape page with the picture fitted in it", NULL },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &scope,
      "What to draw: whole (default) or selection (with --select)", "SCOPE" },
    { "select", 0, 0, G_OPTION_ARG_STRING_ARRAY, &select,
      "Draw only these entities (names or aliases, comma-separated) and the relations among "
      "them, cropped to them", "NAME,…" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style (default: light, for print)", NULL },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &transparent, "No background", NULL },
    { "legend", 0, 0, G_OPTION_ARG_NONE, &legend, "Add a legend of the types drawn", NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "Draw TEXT as a title at the top", "TEXT" },
    { "mentions", 0, 0, G_OPTION_ARG_NONE, &mentions, "Also draw co-occurrence (mention) edges",
      NULL },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &timeout, "Stop Graphviz after SECONDS (default 60)",
      "SECONDS" },
    { "replace-invalid", 0, 0, G_OPTION_ARG_NONE, &replace_invalid,
      "Read articles that are not valid UTF-8, each bad byte replaced by U+FFFD", NULL },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME, &lexicon_dir,
      "Also load the *.tsv lexicon and pattern files in DIR", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("FILE… — draw the graph of articles");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return usage_error (error->message);
  if (files == NULL || files[0] == NULL)
    return usage_error ("render needs at least one FILE");
  if (output == NULL)
    return usage_error ("render needs -o OUT");
  RwbExportOptions export;
  rwb_export_options_init (&export);
  if (format == NULL)
    {
      const char *dot = strrchr (output, '.');
      g_autofree char *ext = g_ascii_strdown (dot ? dot + 1 : "png", -1);
      if (!rwb_image_format_from_string (ext, &export.format))
        export.format = RWB_IMAGE_PNG;
    }
  else if (!rwb_image_format_from_string (format, &export.format))
    return usage_error ("--format must be png, svg or pdf");
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  if (engine && !rwb_layout_engine_from_string (engine, &options.engine))
    return usage_error ("--engine must be one of dot, neato, fdp, sfdp, circo, twopi");
  if (rankdir && !g_strv_contains ((const char *const[]) { "LR", "TB", "RL", "BT", NULL },
                                   rankdir))
    return usage_error ("--rankdir must be LR, TB, RL or BT");
  if (timeout < 0 || scale <= 0 || scale > 16)
    return usage_error ("--timeout must be positive and --scale between 0 and 16");
  if (page_fit && export.format != RWB_IMAGE_PDF)
    return usage_error ("--page-fit is for PDF output");
  /* --select may be repeated and each may hold a comma-separated list. */
  g_autofree char *joined = select ? g_strjoinv (",", select) : NULL;
  g_auto (GStrv) names = joined ? g_strsplit (joined, ",", -1) : NULL;
  if (scope == NULL || g_str_equal (scope, "whole"))
    {
      if (scope == NULL && names != NULL)
        export.scope = RWB_EXPORT_SELECTION;
      else if (names != NULL)
        return usage_error ("--select needs --scope selection");
    }
  else if (g_str_equal (scope, "selection"))
    {
      if (names == NULL)
        return usage_error ("--scope selection needs --select NAME,…");
      export.scope = RWB_EXPORT_SELECTION;
    }
  else if (g_str_equal (scope, "visible"))
    return usage_error ("--scope visible needs an interactive view; use whole or selection");
  else
    return usage_error ("--scope must be whole or selection");
  options.include_mentions = mentions;
  options.timeout_seconds = timeout;
  options.rankdir = rankdir;

  char *failed = NULL;
  /* A Graphviz file keeps its own layout engine unless --engine names one. */
  RwbLayoutOptions dot_options = options;
  if (engine == NULL)
    dot_options.engine = RWB_LAYOUT_N_ENGINES;
  g_autoptr (RwbScene) dot_scene = NULL;
  g_autoptr (RwbGraph) graph = load_inputs (files, lexicon_dir, FALSE, replace_invalid,
                                            &dot_options, &dot_scene, &failed, &error);
  if (graph == NULL)
    return fail (failed, error);
  g_autoptr (GArray) selection = NULL;
  if (export.scope == RWB_EXPORT_SELECTION)
    {
      selection = find_selection (graph, names, &error);
      if (selection == NULL)
        return fail (NULL, error);
      export.selection = (const guint *) selection->data;
      export.n_selection = selection->len;
    }
  g_autoptr (RwbScene) scene = dot_scene ? g_steal_pointer (&dot_scene)
                                         : rwb_layout_run (graph, &options, NULL, &error);
  if (scene == NULL)
    return fail (NULL, error);
  export.scale = scale;
  export.page_fit = page_fit;
  export.dark = dark;
  export.transparent = transparent;
  export.show_mentions = mentions;
  export.legend = legend;
  export.title = title;
  if (!rwb_render_export (scene, &export, output, &error))
    return fail (output, error);
  return 0;
}

/* Reads one input of `convert`: a graph file, by extension or content; NULL with
 * *is_article set when it is neither, so the caller extracts it as an article. Warnings go
 * to @messages, to be printed once the inputs are known to be usable. */
static RwbGraph *
read_graph_input (const char *path, gboolean *is_article, GPtrArray *messages, GError **error)
{
  RwbFormat format;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  *is_article = FALSE;
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
    g_ptr_array_add (messages, g_strdup_printf ("rawabit-cli: %s: warning: %s", path,
                                                (char *) g_ptr_array_index (warnings, i)));
  if (graph == NULL && !rwb_format_from_path (path, &format)
      && g_error_matches (local, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_UNSUPPORTED))
    *is_article = TRUE;
  else if (graph == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return graph;
}

static int
cmd_convert (int argc, char **argv)
{
  g_autofree char *format = NULL, *output = NULL, *lexicon_dir = NULL;
  g_auto (GStrv) files = NULL;
  gboolean merge = FALSE, replace_invalid = FALSE;
  const GOptionEntry entries[] = {
    { "replace-invalid", 0, 0, G_OPTION_ARG_NONE, &replace_invalid,
      "Read articles that are not valid UTF-8, each bad byte replaced by U+FFFD", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the graph to OUT (a folder for csv; - for stdout)", "OUT" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "json, dot, graphml or csv (default: from OUT's extension)", "FORMAT" },
    { "merge", 'm', 0, G_OPTION_ARG_NONE, &merge,
      "Merge several graphs: entities by name or alias, relations by source, target and type",
      NULL },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME, &lexicon_dir,
      "Also load the *.tsv lexicon and pattern files in DIR (for articles)", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "IN…" },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (
    "IN… — convert articles (.txt), Rawabit JSON, GraphML or DOT to another graph format");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return usage_error (error->message);
  if (files == NULL || files[0] == NULL)
    return usage_error ("convert needs at least one input file");
  if (output == NULL)
    return usage_error ("convert needs -o OUT");
  RwbFormat out_format;
  if (format)
    {
      if (!rwb_format_from_string (format, &out_format))
        return usage_error ("--format must be json, dot, graphml or csv");
    }
  else if (!rwb_format_from_path (output, &out_format))
    {
      if (g_str_has_suffix (output, G_DIR_SEPARATOR_S)
          || g_file_test (output, G_FILE_TEST_IS_DIR))
        out_format = RWB_FORMAT_CSV;
      else
        return usage_error ("cannot tell the format from OUT's extension (.json, .dot, .gv, "
                            ".graphml, .csv); use --format");
    }
  gboolean to_stdout = g_str_equal (output, "-");
  if (to_stdout && (format == NULL || out_format == RWB_FORMAT_CSV))
    return usage_error ("-o - needs --format json, dot or graphml");

  /* Articles are extracted into one graph, as `extract` does; each graph file is a graph. */
  g_autoptr (GPtrArray) graphs = g_ptr_array_new_with_free_func ((GDestroyNotify) rwb_graph_unref);
  g_autoptr (RwbLexicon) lexicon = NULL;
  RwbGraph *articles = NULL;
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
        return fail (files[i], error);
      if (lexicon == NULL && (lexicon = rwb_lexicon_new_default (lexicon_dir, &error)) == NULL)
        return fail (NULL, error);
      if (articles == NULL)
        g_ptr_array_add (graphs, articles = rwb_graph_new ());
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (files[i]);
      if (!rwb_extract_file (lexicon, articles, file, &options, NULL, &error))
        return fail (files[i], error);
    }
  if (graphs->len > 1 && !merge)
    return usage_error ("the inputs make several graphs: add --merge to combine them");
  for (guint i = 0; i < messages->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (messages, i));
  RwbGraph *graph = g_ptr_array_index (graphs, 0);
  for (guint i = 1; i < graphs->len; i++)
    rwb_formats_merge (graph, g_ptr_array_index (graphs, i));

  if (to_stdout)
    {
      g_autofree char *text = rwb_formats_to_string (graph, NULL, out_format, &error);
      if (text == NULL)
        return fail (NULL, error);
      fputs (text, stdout);
      return fflush (stdout) == 0 ? 0 : 1;
    }
  if (!rwb_formats_write (graph, NULL, out_format, output, &error))
    return fail (NULL, error);
  return 0;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, RWB_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      fputs (usage_text, stderr);
      return 2;
    }
  const char *cmd = argv[1];
  if (g_str_equal (cmd, "--help") || g_str_equal (cmd, "-h") || g_str_equal (cmd, "help"))
    {
      fputs (usage_text, stdout);
      return 0;
    }
  if (g_str_equal (cmd, "--version"))
    {
      printf ("rawabit-cli %s\n", RWB_VERSION);
      return 0;
    }
  /* Each command parses its own options; argv[0] becomes "rawabit-cli COMMAND". */
  g_autofree char *prog = g_strdup_printf ("rawabit-cli %s", cmd);
  argv[1] = prog;
  if (g_str_equal (cmd, "extract"))
    return cmd_extract (argc - 1, argv + 1);
  if (g_str_equal (cmd, "render"))
    return cmd_render (argc - 1, argv + 1);
  if (g_str_equal (cmd, "convert"))
    return cmd_convert (argc - 1, argv + 1);
  g_printerr ("rawabit-cli: unknown command “%s” (see rawabit-cli --help)\n", cmd);
  return 2;
}
