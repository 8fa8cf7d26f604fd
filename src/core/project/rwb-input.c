/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-input.c — the one loader of inputs; see the header. */
#define G_LOG_DOMAIN "rawabit-input"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rwb-dot.h"
#include "rwb-formats.h"
#include "rwb-graph-builder.h"
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

/* One article of a parallel extraction: written by its worker, read by the joiner once done. */
typedef struct {
  GFile *file;
  RwbGraph *graph;   /* one document and what was found in it; NULL until done or on error */
  GError *error;
  GPtrArray *log;    /* the article's log lines, held until its turn (NULL without a log) */
  gboolean done;
} Part;

typedef struct {
  RwbLexicon *lexicon;
  const RwbExtractOptions *options;
  GCancellable *cancellable;
  Part *parts;
  GMutex lock;
  GCond cond;
} Work;

static void
log_to_part (const char *message, gpointer user_data)
{
  g_ptr_array_add (((Part *) user_data)->log, g_strdup (message));
}

static void
log_file_name (const RwbExtractOptions *options, GFile *file)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *line = g_strdup_printf ("# %s", name);

  options->log (line, options->log_data);
}

/* Extracts @part's file into a fresh graph; @options' log goes straight through. */
static void
extract_part (RwbLexicon *lexicon, const RwbExtractOptions *options, Part *part,
              GCancellable *cancellable)
{
  g_autoptr (RwbGraph) graph = rwb_graph_new ();

  if (options->log != NULL)
    log_file_name (options, part->file);
  if (rwb_extract_file (lexicon, graph, part->file, options, cancellable, &part->error))
    part->graph = g_steal_pointer (&graph);
}

static void
extract_part_in_pool (gpointer data, gpointer user_data)
{
  Work *work = user_data;
  Part *part = &work->parts[GPOINTER_TO_UINT (data) - 1];
  RwbExtractOptions options = *work->options;

  /* A worker's lines wait for its article's turn, so -v reads as in one thread. */
  if (options.log != NULL)
    {
      part->log = g_ptr_array_new_with_free_func (g_free);
      options.log = log_to_part;
      options.log_data = part;
    }
  extract_part (work->lexicon, &options, part, work->cancellable);
  g_mutex_lock (&work->lock);
  part->done = TRUE;
  g_cond_broadcast (&work->cond);
  g_mutex_unlock (&work->lock);
}

static void
clear_part (Part *part)
{
  g_clear_pointer (&part->graph, rwb_graph_unref);
  g_clear_error (&part->error);
  g_clear_pointer (&part->log, g_ptr_array_unref);
}

/* Joins the graph of article @part after those before it, in @builder. */
static void
join_part (RwbGraphBuilder *builder, const RwbExtractOptions *options, Part *part)
{
  RwbGraph *g = rwb_graph_builder_get_graph (builder);
  guint first;

  for (guint j = 0; part->log != NULL && j < part->log->len; j++)
    options->log (g_ptr_array_index (part->log, j), options->log_data);
  first = rwb_graph_builder_add (builder, part->graph);
  /* Each article's graph named its document d0; in the whole they are d0, d1, … as one graph
   * extracting them all would name them. */
  for (guint d = first; d < g->documents->len; d++)
    {
      RwbDocument *doc = g_ptr_array_index (g->documents, d);

      g_free (doc->id);
      doc->id = g_strdup_printf ("d%u", d);
    }
  clear_part (part);
}

/* At most this many articles per thread are extracted ahead of the one being joined: what a
 * slow article holds back stays bounded. */
#define PARTS_AHEAD_PER_THREAD 2

/**
 * rwb_input_load_articles:
 * Extracts @n_files articles on @n_threads threads and joins their graphs in order (see
 * rwb-input.h).
 */
RwbGraph *
rwb_input_load_articles (GFile **files, guint n_files, RwbLexicon *lexicon,
                         const RwbExtractOptions *options, guint n_threads, gint *failed,
                         GCancellable *cancellable, GError **error)
{
  RwbExtractOptions no_options = { 0 };
  gint dummy_failed;
  g_autoptr (RwbGraphBuilder) builder = NULL;
  g_autofree Part *parts = g_new0 (Part, n_files);
  GThreadPool *pool = NULL;
  Work work = { lexicon, options, cancellable, parts };
  guint pushed = 0, ahead;

  g_return_val_if_fail (files != NULL && n_files > 0 && lexicon != NULL, NULL);
  if (options == NULL)
    options = &no_options;
  if (failed == NULL)
    failed = &dummy_failed;
  *failed = -1;
  work.options = options;
  for (guint i = 0; i < n_files; i++)
    parts[i].file = files[i];
  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  n_threads = CLAMP (n_threads, 1, n_files);

  /* One article: its own graph as extraction made it, untouched by a join. */
  if (n_files == 1)
    {
      extract_part (lexicon, options, &parts[0], cancellable);
      if (parts[0].graph == NULL)
        {
          *failed = 0;
          g_propagate_error (error, g_steal_pointer (&parts[0].error));
          return NULL;
        }
      return g_steal_pointer (&parts[0].graph);
    }

  builder = rwb_graph_builder_new ();
  ahead = n_threads * PARTS_AHEAD_PER_THREAD;
  if (n_threads > 1)
    {
      g_mutex_init (&work.lock);
      g_cond_init (&work.cond);
      pool = g_thread_pool_new (extract_part_in_pool, &work, n_threads, FALSE, NULL);
    }
  for (guint i = 0; i < n_files; i++)
    {
      Part *part = &parts[i];

      if (pool == NULL)
        extract_part (lexicon, options, part, cancellable);
      else
        {
          for (; pushed < n_files && pushed < i + ahead; pushed++)
            g_thread_pool_push (pool, GUINT_TO_POINTER (pushed + 1), NULL);
          g_mutex_lock (&work.lock);
          while (!part->done)
            g_cond_wait (&work.cond, &work.lock);
          g_mutex_unlock (&work.lock);
        }
      if (part->graph == NULL)
        {
          /* The first article at fault in input order, as one thread would have stopped. */
          *failed = i;
          g_propagate_error (error, g_steal_pointer (&part->error));
          break;
        }
      join_part (builder, options, part);
    }
  if (pool != NULL)
    {
      /* After a failure, articles not yet begun are dropped; those running finish. */
      g_thread_pool_free (pool, TRUE, TRUE);
      g_mutex_clear (&work.lock);
      g_cond_clear (&work.cond);
    }
  for (guint i = 0; i < n_files; i++)
    clear_part (&parts[i]);
  if (*failed >= 0)
    return NULL;
  return rwb_graph_ref (rwb_graph_builder_get_graph (builder));
}

RwbGraph *
rwb_input_load (GFile                  **files,
                guint                    n_files,
                RwbLexicon              *lexicon,
                const char              *lexicon_dir,
                const RwbExtractOptions *extract_options,
                guint                    n_threads,
                const RwbLayoutOptions  *dot_options,
                RwbScene               **dot_scene,
                RwbInputKind            *kind,
                GPtrArray               *warnings,
                gint                    *failed,
                GCancellable            *cancellable,
                GError                 **error)
{
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
  return rwb_input_load_articles (files, n_files, lexicon, extract_options, n_threads, failed,
                                  cancellable, error);
}
