/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-input.c — the one loader of inputs; see the header. */
#define G_LOG_DOMAIN "rawabit-input"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rwb-dot.h"
#include "rwb-formats.h"
#include "rwb-input.h"
#include "rwb-project.h"

/* How much of a file tells what it is. */
#define SNIFF_BYTES 4096

/* Whether @data starts like a DOT graph: comments, then [strict] (di)graph [ID] {. */
static gboolean
looks_like_dot (const char *data, gsize len)
{
  g_autofree char *head = g_strndup (data, MIN (len, SNIFF_BYTES));
  const char *p = head;
  g_autoptr (GRegex) start = NULL;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");
          if (end == NULL)
            return FALSE;
          p = end + 2;
        }
      else if ((p[0] == '/' && p[1] == '/') || p[0] == '#')
        {
          p = strchr (p, '\n');
          if (p == NULL)
            return FALSE;
        }
      else
        break;
    }
  start = g_regex_new ("^(strict\\s+)?(di)?graph\\s*(\"[^\"]*\"|[\\w.]+)?\\s*\\{",
                       G_REGEX_CASELESS, 0, NULL);
  return g_regex_match (start, p, 0, NULL);
}

RwbInputKind
rwb_input_kind (GFile *file, GCancellable *cancellable)
{
  g_autofree char *base = NULL;
  g_autofree char *lower = NULL;
  g_autoptr (GFileInputStream) in = NULL;
  const char *path;
  char buf[SNIFF_BYTES];
  gsize n = 0;
  RwbFormat format;

  g_return_val_if_fail (G_IS_FILE (file), RWB_INPUT_ARTICLE);

  base = g_file_get_basename (file);
  lower = g_ascii_strdown (base ? base : "", -1);
  path = g_file_peek_path (file);
  if (g_str_has_suffix (lower, RWB_PROJECT_SUFFIX)
      || (path != NULL && rwb_project_file_is_project (path)))
    return RWB_INPUT_PROJECT;
  if (rwb_format_from_path (lower, &format))
    {
      if (format == RWB_FORMAT_DOT)
        return RWB_INPUT_DOT;
      if (format != RWB_FORMAT_CSV)
        return RWB_INPUT_GRAPH;
    }
  in = g_file_read (file, cancellable, NULL);
  if (in == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (in), buf, sizeof buf, &n, cancellable, NULL))
    return RWB_INPUT_ARTICLE;
  return looks_like_dot (buf, n) ? RWB_INPUT_DOT : RWB_INPUT_ARTICLE;
}

static RwbGraph *
load_project (GFile *file, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (RwbProject) project = NULL;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A project must be a local file"));
      return NULL;
    }
  project = rwb_project_open (path, RWB_PROJECT_OPEN_READ_ONLY, error);
  if (project == NULL)
    return NULL;
  return rwb_project_load_corrected_graph (project, NULL, error);
}

static RwbGraph *
load_dot (GFile *file, const RwbLayoutOptions *dot_options, RwbScene **dot_scene,
          GPtrArray *warnings, GCancellable *cancellable, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (RwbScene) scene = NULL;
  RwbGraph *graph;

  if (!g_file_load_contents (file, cancellable, &data, &len, NULL, error))
    return NULL;
  graph = rwb_dot_import (data, len, dot_options, &scene, warnings, cancellable, error);
  if (graph != NULL && dot_scene != NULL)
    *dot_scene = g_steal_pointer (&scene);
  return graph;
}

RwbGraph *
rwb_input_load (GFile                  **files,
                guint                    n_files,
                RwbLexicon              *lexicon,
                const char              *lexicon_dir,
                const RwbExtractOptions *extract_options,
                const RwbLayoutOptions  *dot_options,
                RwbScene               **dot_scene,
                RwbInputKind            *kind,
                GPtrArray               *warnings,
                gint                    *failed,
                GCancellable            *cancellable,
                GError                 **error)
{
  g_autoptr (RwbGraph) graph = NULL;
  g_autoptr (RwbLexicon) own_lexicon = NULL;
  RwbExtractOptions no_options = { 0 };
  gint dummy_failed;
  RwbInputKind dummy_kind;

  g_return_val_if_fail (files != NULL && n_files > 0, NULL);

  if (failed == NULL)
    failed = &dummy_failed;
  if (kind == NULL)
    kind = &dummy_kind;
  if (dot_scene != NULL)
    *dot_scene = NULL;
  *failed = -1;
  *kind = RWB_INPUT_ARTICLE;
  if (extract_options == NULL)
    extract_options = &no_options;

  for (guint i = 0; i < n_files; i++)
    {
      RwbInputKind k = rwb_input_kind (files[i], cancellable);

      if (k != RWB_INPUT_ARTICLE)
        {
          if (n_files > 1)
            {
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   k == RWB_INPUT_PROJECT
                                     ? _("a project cannot be combined with other inputs")
                                   : k == RWB_INPUT_DOT
                                     ? _("a Graphviz file cannot be combined with other inputs")
                                     : _("a graph file cannot be combined with other inputs"));
              return NULL;
            }
          *kind = k;
          *failed = k == RWB_INPUT_PROJECT ? -1 : 0; /* a project's errors name it */
          if (k == RWB_INPUT_PROJECT)
            return load_project (files[i], error);
          if (k == RWB_INPUT_DOT)
            return load_dot (files[i], dot_options, dot_scene, warnings, cancellable, error);
          return rwb_formats_read_file (files[i], warnings, cancellable, error);
        }
    }

  if (lexicon == NULL)
    {
      own_lexicon = rwb_lexicon_new_default (lexicon_dir, error);
      if (own_lexicon == NULL)
        return NULL;
      lexicon = own_lexicon;
    }
  graph = rwb_graph_new ();
  for (guint i = 0; i < n_files; i++)
    {
      if (extract_options->log != NULL)
        {
          g_autofree char *name = g_file_get_parse_name (files[i]);
          g_autofree char *line = g_strdup_printf ("# %s", name);

          extract_options->log (line, extract_options->log_data);
        }
      if (!rwb_extract_file (lexicon, graph, files[i], extract_options, cancellable, error))
        {
          *failed = i;
          return NULL;
        }
    }
  return g_steal_pointer (&graph);
}
