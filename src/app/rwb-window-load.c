/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-window-load.c — the window's jobs: reading and extracting files (or a pasted article) in
 * a GTask thread, laying the graph out in the `rawabit-layout` child process, and laying it out
 * again when the engine or rank direction changes. See rwb-window.c for how jobs replace each
 * other and what an error leaves on screen.
 */
#define G_LOG_DOMAIN "rawabit-window"

#include "rwb-config.h"

#include <glib/gi18n.h>

#include "rwb-bidi.h"
#include "rwb-filter-panel.h"
#include "rwb-graph-view.h"
#include "rwb-import.h"
#include "rwb-input.h"
#include "rwb-layout.h"
#include "rwb-project.h"
#include "rwb-window-private.h"

void
rwb_window_job_free (Job *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->graph, rwb_graph_unref);
  g_free (job->what);
  g_free (job->info);
  g_free (job);
}

/* Files to read, handed to the extraction thread. */
typedef struct
{
  RwbApplication *application;  /* keeps the shared lexicon alive */
  GPtrArray *files;             /* GFile */
  /* Results besides the graph: a DOT file comes laid out in its own style. */
  RwbScene *scene;
  GPtrArray *warnings;          /* char*: what an import removed or refused */
  gint engine;                  /* RwbLayoutEngine to lay a DOT file out with, -1: its own */
  RwbTextLoadFlags load_flags;  /* articles: RWB_TEXT_LOAD_REPLACE_INVALID once the user asks */
  char *text;                   /* a pasted article, instead of files */
  gboolean add;                 /* articles join the work shown instead of replacing it */
  RwbInputKind kind;            /* what the files were */
} ExtractData;

static void
extract_data_free (ExtractData *data)
{
  g_clear_object (&data->application);
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_clear_pointer (&data->scene, rwb_scene_free);
  g_clear_pointer (&data->warnings, g_ptr_array_unref);
  g_free (data->text);
  g_free (data);
}

/* Starts a new job of the window (cancelling the one running): @graph (may be NULL for an
 * extraction that makes its graph) is what it lays out; @replace says whether its result
 * replaces the graph shown. */
Job *
rwb_window_begin_job (RwbWindow *self, RwbGraph *graph, gboolean replace)
{
  Job *job = g_new0 (Job, 1);

  job->window = g_object_ref (self);
  job->cancellable = g_cancellable_new ();
  job->graph = graph != NULL ? rwb_graph_ref (graph) : NULL;
  job->replace = replace;
  rwb_window_set_job (self, job);
  return job;
}

/* Whether the job's result is still wanted; the callbacks of cancelled jobs only clean up. */
gboolean
rwb_window_job_is_current (Job *job)
{
  return !g_cancellable_is_cancelled (job->cancellable) && job->window->job == job;
}

static void
fill_layout_options (RwbWindow *self, RwbLayoutOptions *options)
{
  rwb_layout_options_init (options);
  options->engine = self->engine;
  options->include_mentions = self->show_mentions;
  options->rankdir = self->rankdir;
}

/* For a large graph the default engine is sfdp, unless the user picked one: a choice made
 * once (and saved) is kept for every graph after it. */
void
rwb_window_pick_engine_for (RwbWindow *self, RwbGraph *graph)
{
  RwbLayoutEngine engine;

  if (self->engine_chosen)
    return;
  engine = rwb_layout_engine_for_size (graph->entities->len);
  if (engine == self->engine)
    return;

  self->picking_engine = TRUE;
  g_action_group_change_action_state (G_ACTION_GROUP (self), "layout-engine",
                                      g_variant_new_string (rwb_layout_engine_to_string (engine)));
  self->picking_engine = FALSE;
}

static void
layout_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (Job) job = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbScene) scene = NULL;
  RwbWindow *self = job->window;

  scene = rwb_layout_run_finish (result, &error);
  if (!rwb_window_job_is_current (job))
    return;

  if (scene == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the error from Graphviz or the layout helper. */
      message = g_strdup_printf (_("Could not lay out the graph: %s"), error->message);
      rwb_window_show_error (self, message);
      rwb_window_set_job (self, NULL);
      return;
    }

  /* The view frees the old scene first; only then may the old graph it borrows go. */
  rwb_session_set_scene (self->session, g_steal_pointer (&scene));
  if (job->replace)
    {
      g_clear_pointer (&self->graph, rwb_graph_unref);
      self->graph = rwb_graph_ref (job->graph);
      rwb_window_set_panels_graph (self, self->graph);
    }
  else
    /* A new layout is a new scene; what the filters hide must carry over to it. */
    rwb_filter_panel_apply (self->filter_panel);
  rwb_window_hide_error (self);
  if (job->info != NULL)
    rwb_window_show_info (self, job->info);
  rwb_window_update_status (self);
  rwb_window_set_job (self, NULL);
}

void
rwb_window_start_layout (RwbWindow *self, Job *job)
{
  RwbLayoutOptions options;

  g_assert (job->graph != NULL);

  fill_layout_options (self, &options);
  gtk_label_set_text (self->busy_label, _("Laying out…"));
  rwb_layout_run_async (job->graph, &options, job->cancellable, layout_done, job);
}

/* Runs in the extraction thread. The core's loader (rwb-input.h, shared with rawabit-cli) tells
 * a graph file from articles; a DOT file is parsed and laid out by the helper process (the call
 * blocks this thread, not the window; Cancel kills the helper). */
static void
extract_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ExtractData *data = task_data;
  g_autoptr (RwbGraph) graph = NULL;
  g_autoptr (GError) error = NULL;
  RwbLexicon *lexicon;
  RwbExtractOptions options = { .load_flags = data->load_flags };
  RwbLayoutOptions dot_options;
  RwbInputKind kind = RWB_INPUT_ARTICLE;
  gint failed = -1;

  lexicon = rwb_application_get_lexicon (data->application, &error);
  if (lexicon == NULL)
    {
      g_prefix_error (&error, "%s", _("Could not load the lexicon: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Without an engine chosen in the window: a DOT file's own `layout`, else dot. */
  rwb_layout_options_init (&dot_options);
  if (data->engine >= 0)
    dot_options.engine = data->engine;
  data->warnings = g_ptr_array_new_with_free_func (g_free);
  if (data->text != NULL)
    {
      g_autoptr (RwbImportItem) item = rwb_import_text (lexicon, data->text, NULL, NULL, NULL,
                                                        NULL, &options, &error);

      if (item == NULL || item->graph == NULL)
        {
          if (error == NULL && item != NULL && item->error != NULL)
            error = g_error_copy (item->error);
          g_prefix_error (&error, "%s", _("Could not read the pasted text: "));
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_task_return_pointer (task, g_steal_pointer (&item->graph),
                             (GDestroyNotify) rwb_graph_unref);
      return;
    }
  graph = rwb_input_load ((GFile **) data->files->pdata, data->files->len, lexicon, NULL,
                          &options, 0, data->engine >= 0 ? &dot_options : NULL, &data->scene,
                          &kind, data->warnings, &failed, cancellable, &error);
  data->kind = kind;
  if (graph == NULL)
    {
      if (failed >= 0)
        {
          GFile *file = g_ptr_array_index (data->files, failed);
          g_autofree char *path = g_file_get_parse_name (file);
          /* Isolated: an Arabic file name does not reorder the message around it. */
          g_autofree char *name = rwb_bidi_isolate (path);

          /* Translators: %s is a file name; an error message follows. */
          if (kind == RWB_INPUT_ARTICLE)
            g_prefix_error (&error, _("Could not read “%s”: "), name);
          else
            g_prefix_error (&error, _("Could not open “%s”: "), name);
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&graph), (GDestroyNotify) rwb_graph_unref);
}

static void
extract_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (Job) job = user_data;
  g_autoptr (GError) error = NULL;
  RwbGraph *graph;
  RwbWindow *self = job->window;

  graph = g_task_propagate_pointer (G_TASK (result), &error);
  if (!rwb_window_job_is_current (job))
    {
      g_clear_pointer (&graph, rwb_graph_unref);
      return;
    }

  if (graph == NULL)
    {
      rwb_window_show_error (self, error->message);
      /* A text in a broken encoding can still be read, with U+FFFD for each bad byte. */
      if (g_error_matches (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_INVALID_UTF8))
        {
          ExtractData *data = g_task_get_task_data (G_TASK (result));

          self->invalid_files = g_ptr_array_ref (data->files);
          gtk_widget_set_visible (self->banner_replace_button, TRUE);
        }
      rwb_window_set_job (self, NULL);
      return;
    }

  job->graph = graph;
  {
    ExtractData *data = g_task_get_task_data (G_TASK (result));

    /* A project opens to be worked in, not as a read-only graph. */
    if (data->kind == RWB_INPUT_PROJECT)
      {
        g_autoptr (GError) open_error = NULL;

        rwb_window_set_job (self, NULL);
        if (!rwb_window_open_project (self, g_ptr_array_index (data->files, 0), &open_error))
          rwb_window_show_error (self, open_error->message);
        return;
      }

    /* Added articles join the work: the session lays out the joined graph as an edit. */
    if (data->add && data->kind == RWB_INPUT_ARTICLE && self->dot_file == NULL
        && rwb_session_get_graph (self->session) != NULL)
      {
        g_autoptr (GError) add_error = NULL;

        rwb_window_set_job (self, NULL);
        if (rwb_session_get_project (self->session) != NULL)
          {
            /* Into the project: one "Add Articles" command, then the session reads it back. */
            g_autoptr (RwbImportItem) item = g_new0 (RwbImportItem, 1);
            g_autoptr (GPtrArray) items = g_ptr_array_new ();

            item->graph = rwb_graph_ref (graph);
            g_ptr_array_add (items, item);
            /* A project keeps each article with what was found in it alone. */
            if (graph->documents->len != 1)
              rwb_window_show_error (self, _("Add one article at a time to a project, or "
                                             "all of a folder with rawabit-cli project add"));
            else if (!rwb_project_add_articles (rwb_session_get_project (self->session), items, NULL,
                                           &add_error)
                || !rwb_session_reload (self->session, &add_error))
              rwb_window_show_error (self, add_error->message);
          }
        else if (!rwb_session_add_graph (self->session, graph, &add_error))
          rwb_window_show_error (self, add_error->message);
        return;
      }

    if (data->warnings != NULL && data->warnings->len > 0)
      {
        g_autoptr (GString) info = g_string_new (NULL);

        for (guint i = 0; i < data->warnings->len; i++)
          g_string_append_printf (info, "%s%s", i ? "\n" : "",
                                  (char *) g_ptr_array_index (data->warnings, i));
        job->info = g_string_free (g_steal_pointer (&info), FALSE);
      }
    if (data->scene != NULL)
      {
        /* A DOT file arrives laid out in its own style: show it as it is, and keep the file
         * so another engine lays it out again in that style (see rwb_window_relayout). */
        GFile *dot_file = data->files->len == 1 ? g_ptr_array_index (data->files, 0) : NULL;
        g_set_object (&self->dot_file, dot_file);
        rwb_session_set_scene (self->session, g_steal_pointer (&data->scene));
        g_clear_pointer (&self->graph, rwb_graph_unref);
        self->graph = rwb_graph_ref (job->graph);
        rwb_window_set_panels_graph (self, self->graph);
        rwb_window_hide_error (self);
        if (job->info != NULL)
          rwb_window_show_info (self, job->info);
        rwb_window_update_status (self);
        rwb_window_set_job (self, NULL);
        return;
      }
  }
  g_clear_object (&self->dot_file);
  rwb_window_pick_engine_for (self, graph);
  rwb_window_start_layout (self, g_steal_pointer (&job));
}

/* What the status line says while @files load: by their names alone (no reading on the UI
 * thread), so a Graphviz file or a graph is not announced as an article. */
static const char *
loading_label (GFile **files, guint n_files)
{
  g_autofree char *name = n_files == 1 ? g_file_get_basename (files[0]) : NULL;
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  if (lower != NULL && (g_str_has_suffix (lower, ".gv") || g_str_has_suffix (lower, ".dot")))
    return _("Reading the Graphviz file…");
  if (lower != NULL && (g_str_has_suffix (lower, ".json") || g_str_has_suffix (lower, ".graphml")
                        || g_str_has_suffix (lower, ".gexf")))
    return _("Reading the graph…");
  return g_dngettext (GETTEXT_PACKAGE, "Reading the article…", "Reading the articles…", n_files);
}

void
rwb_window_open_files (RwbWindow *self, GFile **files, guint n_files)
{
  rwb_window_load_files (self, files, n_files, -1, RWB_TEXT_LOAD_DEFAULT);
}

/* Whether @files are articles and folders (what rwb_window_import_articles reads), all local. */
static gboolean
all_articles_or_folders (GFile **files, guint n_files, gboolean *has_folder)
{
  *has_folder = FALSE;
  for (guint i = 0; i < n_files; i++)
    {
      GFileType type = g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, NULL);
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        return FALSE;
      if (type == G_FILE_TYPE_DIRECTORY)
        *has_folder = TRUE;
      else if (rwb_input_kind (files[i], NULL) != RWB_INPUT_ARTICLE)
        return FALSE;
    }
  return TRUE;
}

/* Starts reading files (or, with @text, a pasted article) whose articles join the work shown. */
static void
add_articles (RwbWindow *self, GFile **files, guint n_files, const char *text)
{
  g_autoptr (GTask) task = NULL;
  ExtractData *data;
  Job *job;
  gboolean has_folder;

  /* Into a project each article goes on its own; a folder is many articles. */
  if (text == NULL && n_files > 0 && all_articles_or_folders (files, n_files, &has_folder)
      && (has_folder || rwb_session_get_project (self->session) != NULL)
      && self->dot_file == NULL)
    {
      rwb_window_import_articles (self, files, n_files);
      return;
    }

  job = rwb_window_begin_job (self, NULL, TRUE);

  data = g_new0 (ExtractData, 1);
  data->application = RWB_APPLICATION (g_object_ref (gtk_window_get_application (GTK_WINDOW (self))));
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  data->engine = -1;
  data->add = TRUE;
  data->text = g_strdup (text);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));

  gtk_label_set_text (self->busy_label, _("Reading the articles…"));
  task = g_task_new (self, job->cancellable, extract_done, job);
  g_task_set_source_tag (task, rwb_window_add_articles);
  g_task_set_task_data (task, data, (GDestroyNotify) extract_data_free);
  g_task_run_in_thread (task, extract_thread);
}

void
rwb_window_add_articles (RwbWindow *self, GFile **files, guint n_files)
{
  g_return_if_fail (RWB_IS_WINDOW (self));
  g_return_if_fail (files != NULL && n_files > 0);

  add_articles (self, files, n_files, NULL);
}

void
rwb_window_add_text (RwbWindow *self, const char *text)
{
  g_return_if_fail (RWB_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  {
    g_autofree char *stripped = g_strstrip (g_strdup (text));

    if (*stripped == '\0')
      return;
  }
  add_articles (self, NULL, 0, text);
}

void
rwb_window_load_files (RwbWindow *self, GFile **files, guint n_files, gint engine,
            RwbTextLoadFlags load_flags)
{
  g_autoptr (GTask) task = NULL;
  ExtractData *data;
  Job *job;

  g_return_if_fail (RWB_IS_WINDOW (self));
  g_return_if_fail (files != NULL && n_files > 0);

  job = rwb_window_begin_job (self, NULL, TRUE);

  data = g_new0 (ExtractData, 1);
  data->application = RWB_APPLICATION (g_object_ref (gtk_window_get_application (GTK_WINDOW (self))));
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  data->engine = engine;
  data->load_flags = load_flags;
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));

  gtk_label_set_text (self->busy_label, loading_label (files, n_files));

  task = g_task_new (self, job->cancellable, extract_done, job);
  g_task_set_source_tag (task, rwb_window_open_files);
  g_task_set_task_data (task, data, (GDestroyNotify) extract_data_free);
  g_task_run_in_thread (task, extract_thread);
}

/* Lays out again with the current options: the graph being loaded if a load is past
 * extraction, else the graph shown. A load still extracting picks the options up by itself. */
void
rwb_window_relayout (RwbWindow *self)
{
  RwbGraph *graph = NULL;
  gboolean replace = FALSE;
  Job *job;

  if (self->job != NULL)
    {
      if (self->job->graph == NULL)
        return;
      graph = self->job->graph;
      replace = self->job->replace;
    }
  else if (self->dot_file != NULL)
    {
      /* A Graphviz file is laid out again by the helper from the file, in its own style. */
      g_autoptr (GFile) file = g_object_ref (self->dot_file);
      rwb_window_load_files (self, &file, 1, self->engine, RWB_TEXT_LOAD_DEFAULT);
      return;
    }
  else if (self->graph != NULL)
    graph = self->graph;
  else
    return;

  job = rwb_window_begin_job (self, graph, replace);
  rwb_window_start_layout (self, job);
}
