/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-cli-render.c — `rawabit-cli render`: lay out and draw a graph to PNG, SVG or PDF. */
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

int
rwb_cli_cmd_render (int argc, char **argv)
{
  g_autofree char *format = NULL, *engine = NULL, *output = NULL, *lexicon_dir = NULL;
  g_autofree char *rankdir = NULL, *scope = NULL, *title = NULL;
  g_auto (GStrv) files = NULL;
  g_auto (GStrv) select = NULL;
  gboolean dark = FALSE, mentions = FALSE, transparent = FALSE, legend = FALSE, force = FALSE;
  gboolean page_fit = FALSE, replace_invalid = FALSE;
  double scale = 2.0;
  int timeout = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the image to OUT"), N_("OUT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("png, svg or pdf (default: from OUT's extension)"), N_("FORMAT") },
    { "engine", 'e', 0, G_OPTION_ARG_STRING, &engine,
      N_("Graphviz engine: dot, neato, fdp, sfdp, circo, twopi (default: dot, sfdp past 400 entities)"), N_("E") },
    { "rankdir", 0, 0, G_OPTION_ARG_STRING, &rankdir, N_("dot only: LR (default), TB, RL, BT"),
      N_("DIR") },
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale, N_("Scale (PNG: 1 = 72 dpi; default 2)"), N_("S") },
    { "page-fit", 0, 0, G_OPTION_ARG_NONE, &page_fit,
      N_("PDF: one A4 landscape page with the picture fitted in it"), NULL },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &scope,
      N_("What to draw: whole (default) or selection (with --select)"), N_("SCOPE") },
    { "select", 0, 0, G_OPTION_ARG_STRING_ARRAY, &select,
      N_("Draw only these entities (names or aliases, comma-separated) and the relations among "
      "them, cropped to them"), N_("NAME,…") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Dark style (default: light, for print)"), NULL },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &transparent, N_("No background"), NULL },
    { "legend", 0, 0, G_OPTION_ARG_NONE, &legend, N_("Add a legend of the types drawn"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace OUT even if it is read-only (it stays read-only)"), NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Draw TEXT as a title at the top"), N_("TEXT") },
    { "mentions", 0, 0, G_OPTION_ARG_NONE, &mentions, N_("Also draw co-occurrence (mention) edges"),
      NULL },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &timeout, N_("Stop Graphviz after SECONDS (default 60)"),
      N_("SECONDS") },
    { "replace-invalid", 0, 0, G_OPTION_ARG_NONE, &replace_invalid,
      N_("Read articles that are not valid UTF-8, each bad byte replaced by U+FFFD"), NULL },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME, &lexicon_dir,
      N_("Also load the *.tsv lexicon and pattern files in DIR"), N_("DIR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (NULL);
  g_option_context_set_summary (ctx, _("Draw the graph of articles."));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return rwb_cli_usage_error (error->message);
  if (files == NULL || files[0] == NULL)
    return rwb_cli_usage_error (_("render needs at least one FILE"));
  if (output == NULL)
    return rwb_cli_usage_error (_("render needs -o OUT"));
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
    return rwb_cli_usage_error (_("--format must be png, svg or pdf"));
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  if (engine && !rwb_layout_engine_from_string (engine, &options.engine))
    return rwb_cli_usage_error (_("--engine must be one of dot, neato, fdp, sfdp, circo, twopi"));
  if (rankdir && !g_strv_contains ((const char *const[]) { "LR", "TB", "RL", "BT", NULL },
                                   rankdir))
    return rwb_cli_usage_error (_("--rankdir must be LR, TB, RL or BT"));
  if (timeout < 0 || scale <= 0 || scale > 16)
    return rwb_cli_usage_error (_("--timeout must be positive and --scale between 0 and 16"));
  if (page_fit && export.format != RWB_IMAGE_PDF)
    return rwb_cli_usage_error (_("--page-fit is for PDF output"));
  /* --select may be repeated and each may hold a comma-separated list. */
  g_autofree char *joined = select ? g_strjoinv (",", select) : NULL;
  g_auto (GStrv) names = joined ? g_strsplit (joined, ",", -1) : NULL;
  if (scope == NULL || g_str_equal (scope, "whole"))
    {
      if (scope == NULL && names != NULL)
        export.scope = RWB_EXPORT_SELECTION;
      else if (names != NULL)
        return rwb_cli_usage_error (_("--select needs --scope selection"));
    }
  else if (g_str_equal (scope, "selection"))
    {
      if (names == NULL)
        return rwb_cli_usage_error (_("--scope selection needs --select NAME,…"));
      export.scope = RWB_EXPORT_SELECTION;
    }
  else if (g_str_equal (scope, "visible"))
    return rwb_cli_usage_error (_("--scope visible needs an interactive view; use whole or selection"));
  else
    return rwb_cli_usage_error (_("--scope must be whole or selection"));
  options.include_mentions = mentions;
  options.timeout_seconds = timeout;
  options.rankdir = rankdir;

  char *failed = NULL;
  /* A Graphviz file keeps its own layout engine unless --engine names one. */
  RwbLayoutOptions dot_options = options;
  if (engine == NULL)
    dot_options.engine = RWB_LAYOUT_N_ENGINES;
  g_autoptr (RwbScene) dot_scene = NULL;
  g_autoptr (RwbGraph) graph = rwb_cli_load_inputs (files, lexicon_dir, FALSE, replace_invalid, 0,
                                            &dot_options, &dot_scene, &failed, &error);
  if (graph == NULL)
    return rwb_cli_fail (failed, error);
  g_autoptr (GArray) selection = NULL;
  if (export.scope == RWB_EXPORT_SELECTION)
    {
      selection = find_selection (graph, names, &error);
      if (selection == NULL)
        return rwb_cli_fail (NULL, error);
      export.selection = (const guint *) selection->data;
      export.n_selection = selection->len;
    }
  /* Without --engine, the engine for the graph's size, as the window picks it. */
  if (engine == NULL)
    options.engine = rwb_layout_engine_for_size (graph->entities->len);
  g_autoptr (RwbScene) scene = dot_scene ? g_steal_pointer (&dot_scene)
                                         : rwb_layout_run (graph, &options, NULL, &error);
  if (scene == NULL)
    return rwb_cli_fail (NULL, error);
  export.scale = scale;
  export.page_fit = page_fit;
  export.dark = dark;
  export.transparent = transparent;
  export.show_mentions = mentions;
  export.legend = legend;
  export.save_flags = force ? RWB_SAVE_OVERWRITE_READ_ONLY : RWB_SAVE_DEFAULT;
  export.title = title;
  if (!rwb_render_export (scene, &export, output, &error))
    return rwb_cli_fail (output, error);
  return 0;
}
