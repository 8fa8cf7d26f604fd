/* rwb-cli.c — `rawabit-cli`: extract, render over the core library.
 *
 * Scripts read stdout; every error is one line on stderr and a non-zero exit status
 * (1: input or processing error, 2: usage error).
 */
#define G_LOG_DOMAIN "rawabit-cli"

#include "rwb-config.h"
#include "rwb-extract.h"
#include "rwb-json.h"
#include "rwb-layout.h"
#include "rwb-render.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

static const char *usage_text =
  "Usage:\n"
  "  rawabit-cli extract [--format json|dot] [-v] [--lexicon DIR] FILE...\n"
  "  rawabit-cli render [--engine E] [--format png|svg|pdf] [--scale S] [--dark]\n"
  "                     [--mentions] [--timeout SECONDS] -o OUT FILE...\n"
  "  rawabit-cli --help | --version\n"
  "\n"
  "extract  reads news articles (UTF-8 text, Arabic or English) or Rawabit JSON graphs and\n"
  "         prints their knowledge graph on stdout.\n"
  "render   lays the graph out with Graphviz (dot, neato, fdp, sfdp, circo, twopi) and draws\n"
  "         it to an image, with the renderer the window uses.\n"
  "\n"
  "Run “rawabit-cli COMMAND --help” for a command's options.\n";

static int
fail (const char *what, const GError *error)
{
  if (what)
    g_printerr ("rawabit-cli: %s: %s\n", what, error->message);
  else
    g_printerr ("rawabit-cli: %s\n", error->message);
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

/* Builds one graph from article files and Rawabit JSON files. */
static RwbGraph *
load_inputs (char **files, const char *lexicon_dir, gboolean verbose, char **failed_file,
             GError **error)
{
  g_autoptr (RwbGraph) graph = NULL;
  g_autoptr (RwbLexicon) lexicon = NULL;
  RwbExtractOptions options = { verbose ? log_to_stderr : NULL, NULL };

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (files[i]);
      *failed_file = files[i];
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
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: json (default) or dot",
      "FORMAT" },
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
  g_autoptr (RwbGraph) graph = load_inputs (files, lexicon_dir, verbose, &failed, &error);
  if (graph == NULL)
    return fail (failed, error);
  g_autofree char *out = NULL;
  if (format && g_str_equal (format, "dot"))
    {
      RwbLayoutOptions options;
      rwb_layout_options_init (&options);
      options.include_mentions = TRUE;
      out = rwb_layout_graph_to_dot (graph, &options, FALSE);
    }
  else
    out = rwb_json_write (graph, TRUE);
  fputs (out, stdout);
  if (!g_str_has_suffix (out, "\n"))
    fputc ('\n', stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}

static int
cmd_render (int argc, char **argv)
{
  g_autofree char *format = NULL, *engine = NULL, *output = NULL, *lexicon_dir = NULL;
  g_autofree char *rankdir = NULL;
  g_auto (GStrv) files = NULL;
  gboolean dark = FALSE, mentions = FALSE, transparent = FALSE;
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
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &transparent, "No background", NULL },
    { "mentions", 0, 0, G_OPTION_ARG_NONE, &mentions, "Also draw co-occurrence (mention) edges",
      NULL },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &timeout, "Stop Graphviz after SECONDS (default 60)",
      "SECONDS" },
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
  RwbImageFormat image_format;
  if (format == NULL)
    {
      const char *dot = strrchr (output, '.');
      g_autofree char *ext = g_ascii_strdown (dot ? dot + 1 : "png", -1);
      if (!rwb_image_format_from_string (ext, &image_format))
        image_format = RWB_IMAGE_PNG;
    }
  else if (!rwb_image_format_from_string (format, &image_format))
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
  options.include_mentions = mentions;
  options.timeout_seconds = timeout;
  options.rankdir = rankdir;

  char *failed = NULL;
  g_autoptr (RwbGraph) graph = load_inputs (files, lexicon_dir, FALSE, &failed, &error);
  if (graph == NULL)
    return fail (failed, error);
  g_autoptr (RwbScene) scene = rwb_layout_run (graph, &options, NULL, &error);
  if (scene == NULL)
    return fail (NULL, error);
  RwbStyle style;
  rwb_style_init (&style);
  style.dark = dark;
  style.show_mentions = mentions;
  style.transparent = transparent;
  if (!rwb_render_to_file (scene, &style, image_format, scale, output, &error))
    return fail (output, error);
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
  g_printerr ("rawabit-cli: unknown command “%s” (see rawabit-cli --help)\n", cmd);
  return 2;
}
