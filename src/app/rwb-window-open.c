/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-window-open.c — what comes into the window: the Open dialog and its filters, dropped
 * files and pasted text, folders of articles read each article on its own (with progress and
 * Cancel), and projects opened and saved.
 */
#define G_LOG_DOMAIN "rawabit-window"

#include "rwb-config.h"

#include <glib/gi18n.h>

#include "rwb-bidi.h"
#include "rwb-graph-builder.h"
#include "rwb-import.h"
#include "rwb-input.h"
#include "rwb-project.h"
#include "rwb-window-private.h"

/* --- Adding many articles: files and folders, each article on its own ------------------------ */

/* What the import thread gets and gives back. */
typedef struct
{
  RwbApplication *application;
  GPtrArray *paths;             /* char*: files and folders as given */
  GPtrArray *items;             /* RwbImportItem, the result */
  guint n_failed;
  char *first_failure;          /* the first file that could not be read, and why */
  Job *job;                     /* borrowed: freed only by import_done, after the thread */
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->application);
  g_clear_pointer (&data->paths, g_ptr_array_unref);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data->first_failure);
  g_free (data);
}

/* One progress report, carried from the import thread to the UI thread. */
typedef struct
{
  RwbWindow *window;
  GCancellable *cancellable;    /* the job's: a report of a job gone is dropped */
  guint done, total;
} ImportProgress;

static gboolean
show_import_progress (gpointer user_data)
{
  ImportProgress *p = user_data;

  if (p->window->job != NULL && p->window->job->cancellable == p->cancellable
      && !g_cancellable_is_cancelled (p->cancellable))
    {
      /* Translators: the status while a folder of articles is read; the numbers count them. */
      g_autofree char *text = g_strdup_printf (_("Reading articles… %u of %u"), p->done, p->total);

      gtk_label_set_text (p->window->busy_label, text);
    }
  g_object_unref (p->window);
  g_object_unref (p->cancellable);
  g_free (p);
  return G_SOURCE_REMOVE;
}

static void
on_import_progress (guint done, guint total, gpointer user_data)
{
  Job *job = user_data;
  ImportProgress *p;

  p = g_new0 (ImportProgress, 1);
  p->window = g_object_ref (job->window);
  p->cancellable = g_object_ref (job->cancellable);
  p->done = done;
  p->total = total;
  g_main_context_invoke (NULL, show_import_progress, p);
}

/* Runs in a worker thread: folders become their articles, every article is extracted on its
 * own (on every core), and what could not be read is counted for the message. */
static void
import_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = NULL;
  RwbLexicon *lexicon = rwb_application_get_lexicon (data->application, &error);

  if (lexicon == NULL)
    {
      g_prefix_error (&error, "%s", _("Could not load the lexicon: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_ptr_array_add (data->paths, NULL);
  files = rwb_import_expand_paths ((const char *const *) data->paths->pdata, &error);
  g_ptr_array_remove_index (data->paths, data->paths->len - 1);
  if (files == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (files->len == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _("There are no articles (.txt, .html) in the folder"));
      return;
    }
  g_ptr_array_add (files, NULL);
  data->items = rwb_import_files (lexicon, (const char *const *) files->pdata, 0, NULL,
                                  on_import_progress, data->job, cancellable, &error);
  if (data->items == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < data->items->len; i++)
    {
      RwbImportItem *item = g_ptr_array_index (data->items, i);

      if (item->error == NULL)
        continue;
      if (data->n_failed++ == 0)
        {
          g_autofree char *path = rwb_bidi_isolate (item->path);
          data->first_failure = g_strdup_printf ("%s: %s", path, item->error->message);
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
import_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (Job) job = user_data;
  ImportData *data = g_task_get_task_data (G_TASK (result));
  RwbWindow *self = job->window;
  RwbProject *project = rwb_session_get_project (self->session);
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (rwb_window_job_is_current (job))
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            rwb_window_show_error (self, error->message);
          rwb_window_set_job (self, NULL);
        }
      return;
    }
  if (!rwb_window_job_is_current (job))
    return;
  rwb_window_set_job (self, NULL);

  if (project != NULL)
    {
      /* One "Add Articles" command: undone, every article of the folder goes at once. */
      if (!rwb_project_add_articles (project, data->items, NULL, &error)
          || !rwb_session_reload (self->session, &error))
        {
          rwb_window_show_error (self, error->message);
          return;
        }
    }
  else
    {
      g_autoptr (RwbGraphBuilder) builder = rwb_graph_builder_new ();
      RwbGraph *joined;

      for (guint i = 0; i < data->items->len; i++)
        {
          RwbImportItem *item = g_ptr_array_index (data->items, i);

          if (item->graph != NULL)
            rwb_graph_builder_add (builder, item->graph);
        }
      joined = rwb_graph_builder_get_graph (builder);
      if (joined->documents->len > 0 && rwb_session_get_graph (self->session) != NULL)
        {
          if (!rwb_session_add_graph (self->session, joined, &error))
            rwb_window_show_error (self, error->message);
        }
      else if (joined->documents->len > 0)
        {
          Job *layout = rwb_window_begin_job (self, joined, TRUE);

          rwb_window_pick_engine_for (self, joined);
          rwb_window_start_layout (self, layout);
        }
    }
  if (data->n_failed > 0)
    {
      g_autofree char *message = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u file could not be read (%s)",
                     "%u files could not be read (the first: %s)", data->n_failed),
        data->n_failed, data->first_failure);

      rwb_window_show_error (self, message);
    }
}

/* Reads @files (articles and folders of articles) off the UI thread, with progress in the
 * status line and Cancel, and adds them to the project, or to the work in memory. */
void
rwb_window_import_articles (RwbWindow *self, GFile **files, guint n_files)
{
  g_autoptr (GTask) task = NULL;
  ImportData *data = g_new0 (ImportData, 1);
  Job *job = rwb_window_begin_job (self, NULL, TRUE);

  data->application = RWB_APPLICATION (g_object_ref (gtk_window_get_application (GTK_WINDOW (self))));
  data->paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->paths, g_file_get_path (files[i]));
  gtk_label_set_text (self->busy_label, _("Reading articles…"));
  task = g_task_new (self, job->cancellable, import_done, job);
  g_task_set_source_tag (task, rwb_window_import_articles);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  data->job = job;
  g_task_run_in_thread (task, import_thread);
}

/* The title says which project the work is in. */
static void
update_title (RwbWindow *self)
{
  RwbProject *project = rwb_session_get_project (self->session);
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;

  if (project == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Rawabit"));
      return;
    }
  base = g_path_get_basename (rwb_project_get_path (project));
  /* Translators: the window title; %s is the project's file name. */
  g_autofree char *isolated = rwb_bidi_isolate (base);
  title = g_strdup_printf (_("%s — Rawabit"), isolated);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
remember_recent (RwbWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *path = g_file_get_path (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  /* Opened again at the next start: after a crash the work is there as last written. */
  if (self->settings != NULL && path != NULL)
    g_settings_set_string (self->settings, "last-project", path);
}

/* Lays out the session's graph when it has none laid out (a project just opened). */
static void
layout_session_graph (RwbWindow *self)
{
  RwbGraph *graph = rwb_session_get_graph (self->session);
  Job *job;

  if (graph == NULL || rwb_session_get_scene (self->session) != NULL)
    return;
  job = rwb_window_begin_job (self, graph, TRUE);
  rwb_window_pick_engine_for (self, graph);
  rwb_window_start_layout (self, job);
}

gboolean
rwb_window_open_project (RwbWindow *self, GFile *file, GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr (RwbProject) project = NULL;

  g_return_val_if_fail (RWB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A project must be a local file"));
      return FALSE;
    }
  /* The project worked in already: read it again (it holds the lock itself). */
  if (rwb_session_get_project (self->session) != NULL
      && g_strcmp0 (rwb_project_get_path (rwb_session_get_project (self->session)), path) == 0)
    return rwb_session_reload (self->session, error);
  project = rwb_project_open (path, RWB_PROJECT_OPEN_DEFAULT, error);
  if (project == NULL)
    return FALSE;
  /* Another project's work (or the work in memory) gives way to this one. */
  g_clear_object (&self->dot_file);
  rwb_session_set_scene (self->session, NULL);
  if (!rwb_session_set_project (self->session, NULL, error)
      || !rwb_session_set_project (self->session, project, error))
    return FALSE;
  update_title (self);
  remember_recent (self, file);
  layout_session_graph (self);
  return TRUE;
}

gboolean
rwb_window_save_project_as (RwbWindow *self, GFile *file, GError **error)
{
  GtkApplication *application;
  RwbLexicon *lexicon;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RWB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  application = gtk_window_get_application (GTK_WINDOW (self));
  lexicon = RWB_IS_APPLICATION (application)
              ? rwb_application_get_lexicon (RWB_APPLICATION (application), error) : NULL;
  if (lexicon == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No lexicon"));
      return FALSE;
    }
  path = g_file_get_path (file);
  if (path == NULL || rwb_session_save_as (self->session, path, lexicon, error) == NULL)
    {
      if (path == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("A project must be a local file"));
      return FALSE;
    }
  update_title (self);
  remember_recent (self, file);
  return TRUE;
}

static void
on_save_as_response (GtkNativeDialog *dialog, int response, RwbWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GError) error = NULL;

      if (file != NULL && !rwb_window_save_project_as (self, file, &error))
        rwb_window_show_error (self, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
rwb_window_save_as_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Save Project As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "graph" RWB_PROJECT_SUFFIX);
  g_signal_connect (native, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

gboolean
rwb_window_on_drop (GtkDropTarget *target, const GValue *value, double x, double y, RwbWindow *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr (GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  rwb_window_add_articles (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

static void
on_paste_text (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RwbWindow) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (text != NULL)
    rwb_window_add_text (self, text);
}

void
rwb_window_paste_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 on_paste_text, g_object_ref (self));
}

static void
on_open_response (GtkNativeDialog *dialog, int response, RwbWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);
      g_autoptr (GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      if (array->len > 0)
        rwb_window_open_files (self, (GFile **) array->pdata, array->len);
    }

  g_clear_object (&self->open_dialog);
}

GListModel *
rwb_window_new_open_filters (void)
{
  /* What the input loader reads (rwb-input.h): articles (plain text or HTML), projects, and
   * graph files. The first filter, selected when the dialog opens, shows all three, and any text
   * file (articles need not be called *.txt). The Articles filter goes by name alone: Graphviz,
   * XML and JSON files are all text/plain to shared-mime-info. */
  static const char *const article_types[] = { "text/plain", "text/html", NULL };
  static const struct {
    const char *name;
    const char *const *mime_types;
    const char *suffixes[10];
  } kinds[] = {
    { N_("Articles, Projects and Graphs"), article_types,
      { "txt", "html", "htm", "rawabit", "gv", "dot", "graphml", "gexf", "json", NULL } },
    { N_("Articles (text, HTML)"), NULL, { "txt", "html", "htm", NULL } },
    { N_("Projects"), NULL, { "rawabit", NULL } },
    { N_("Graphs (DOT, GraphML, GEXF, Rawabit JSON)"), NULL,
      { "gv", "dot", "graphml", "gexf", "json", NULL } },
  };
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _(kinds[k].name));
      for (guint s = 0; kinds[k].suffixes[s] != NULL; s++)
        gtk_file_filter_add_suffix (filter, kinds[k].suffixes[s]);
      for (guint m = 0; kinds[k].mime_types != NULL && kinds[k].mime_types[m] != NULL; m++)
        gtk_file_filter_add_mime_type (filter, kinds[k].mime_types[m]);
      g_list_store_append (filters, filter);
    }

  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, all);

  return G_LIST_MODEL (filters);
}

void
rwb_window_show_open_dialog (RwbWindow *self)
{
  g_autoptr (GListModel) filters = NULL;
  GtkFileChooserNative *native;

  g_return_if_fail (RWB_IS_WINDOW (self));

  if (self->open_dialog != NULL)
    {
      gtk_native_dialog_show (self->open_dialog);
      return;
    }

  native = gtk_file_chooser_native_new (_("Open Articles"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  filters = rwb_window_new_open_filters ();
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr (GtkFileFilter) filter = g_list_model_get_item (filters, i);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }

  self->open_dialog = GTK_NATIVE_DIALOG (native);
  g_signal_connect (native, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (self->open_dialog);
}
