/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-cli.c — `rawabit-cli`: extract, render, convert, stats, path over the core library.
 *
 * Scripts read stdout; every error is one line on stderr and a non-zero exit status
 * (1: input or processing error, 2: usage error).
 */
#define G_LOG_DOMAIN "rawabit-cli"

#include "rwb-cli.h"
#include "rwb-config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const char *usage_text = N_(
  "Usage:\n"
  "  rawabit-cli extract [--format json|dot] [-v] [--lexicon DIR] [--replace-invalid]\n"
  "                      FILE...\n"
  "  rawabit-cli render [--engine E] [--format png|svg|pdf] [--scale S] [--dark]\n"
  "                     [--transparent] [--legend] [--title TEXT] [--page-fit]\n"
  "                     [--scope whole|selection] [--select NAME,...] [--mentions]\n"
  "                     [--timeout SECONDS] [--replace-invalid] [--force] -o OUT FILE...\n"
  "  rawabit-cli convert [--format json|dot|graphml|gexf|cytoscape|csv] [--layout[=E]]\n"
  "                      [--merge] [--lexicon DIR] [--replace-invalid] [--force]\n"
  "                      -o OUT IN...\n"
  "  rawabit-cli stats [--format text|json] [--top N] [--mentions] [--pivots K]\n"
  "                    [--lexicon DIR] [--replace-invalid] FILE...\n"
  "  rawabit-cli path [--k N] [--by count|evidence] [--format text|json] [-v]\n"
  "                   [--mentions] [--lexicon DIR] [--replace-invalid] A B FILE...\n"
  "  rawabit-cli project create|add|list|export|correct|corrections|undo|redo|history|\n"
  "                      search|remove|date|reextract P.rawabit ...\n"
  "  rawabit-cli --help | --version\n"
  "\n"
  "extract  reads news articles (UTF-8 text, Arabic or English) or Rawabit JSON graphs and\n"
  "         prints their knowledge graph on stdout.\n"
  "render   lays the graph out with Graphviz (dot, neato, fdp, sfdp, circo, twopi) and draws\n"
  "         it to an image, with the renderer the window uses.\n"
  "convert  reads articles (.txt), Rawabit JSON, GraphML, GEXF or DOT and writes JSON,\n"
  "         DOT, GraphML, GEXF, Cytoscape.js JSON or CSV (a folder with nodes.csv and\n"
  "         edges.csv); --merge joins several graphs, entities by name or alias;\n"
  "         --layout lays the graph out and writes the positions.\n"
  "stats    counts per type and document, the most connected and most central entities\n"
  "         (degree, betweenness) and the communities (Louvain) of a graph.\n"
  "path     the shortest paths between entities A and B (names, aliases or ids), each hop\n"
  "         with its relations; -v adds their evidence sentences.\n"
  "project  keeps articles, what was found in them, your corrections and the undo history in\n"
  "         one file (P.rawabit, SQLite); render and convert read a project as input.\n"
  "\n"
  "Run “rawabit-cli COMMAND --help” for a command's options.\n");

/* Every command, in the order --help lists them; each lives in rwb-cli-NAME.c. */
static const struct {
  const char *name;
  int (*run) (int argc, char **argv);
} commands[] = {
  { "extract", rwb_cli_cmd_extract },
  { "render", rwb_cli_cmd_render },
  { "convert", rwb_cli_cmd_convert },
  { "stats", rwb_cli_cmd_stats },
  { "path", rwb_cli_cmd_path },
  { "project", rwb_cli_cmd_project },
};

int
main (int argc, char **argv)
{
  /* A locale that is named but not installed (LANG=ar_EG.UTF-8 on a system without it) would
   * leave the "C" locale, where gettext ignores LANGUAGE and the window stays English: C.UTF-8
   * keeps UTF-8 and lets LANGUAGE choose the translation. */
  if (setlocale (LC_ALL, "") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  /* Past a file size limit a write fails (and the project says the disk is full) instead of
   * the process being killed mid-transaction. */
  signal (SIGXFSZ, SIG_IGN);
  /* RAWABIT_LOCALEDIR: the catalogues of an uninstalled build (build/po), for tests. */
  const char *localedir = g_getenv ("RAWABIT_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : RWB_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      fputs (_(usage_text), stderr);
      return 2;
    }
  const char *cmd = argv[1];
  if (g_str_equal (cmd, "--help") || g_str_equal (cmd, "-h") || g_str_equal (cmd, "help"))
    {
      fputs (_(usage_text), stdout);
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
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (cmd, commands[i].name))
      return commands[i].run (argc - 1, argv + 1);
  g_printerr (_("rawabit-cli: unknown command “%s” (see rawabit-cli --help)\n"), cmd);
  return 2;
}
