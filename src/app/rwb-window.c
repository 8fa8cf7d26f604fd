/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-window.c — the main window: opening articles, layout, status and errors, and the
 * sidebar of panels beside the graph.
 *
 * Work never runs on the UI thread: articles are read and extracted in a GTask thread, and the
 * layout runs in the `rawabit-layout` child process through rwb_layout_run_async(). At most one
 * such job runs per window; starting another (or win.cancel) cancels it, which kills the
 * helper. A job's result replaces what the window shows only when every step succeeded, so an
 * error leaves the previous graph on screen.
 *
 * The panels (details, article, entities, filters) and the search bar talk to the graph view
 * directly, through its selection API and ::selection-changed; the window only hands them the
 * graph when a new one is shown and routes an evidence click from the details to the article.
 */
#define G_LOG_DOMAIN "rawabit-window"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rwb-article-view.h"
#include "rwb-articles-panel.h"
#include "rwb-bidi.h"
#include "rwb-corrections-panel.h"
#include "rwb-project-actions.h"
#include "rwb-details-panel.h"
#include "rwb-dot.h"
#include "rwb-formats.h"
#include "rwb-graph-builder.h"
#include "rwb-entity-list.h"
#include "rwb-export-dialog.h"
#include "rwb-filter-panel.h"
#include "rwb-graph-view.h"
#include "rwb-import.h"
#include "rwb-input.h"
#include "rwb-project.h"
#include "rwb-analysis-actions.h"
#include "rwb-edit-actions.h"
#include "rwb-layout.h"
#include "rwb-search-bar.h"
#include "rwb-timeline-bar.h"
#include "rwb-window.h"

/* Above this many entities dot takes minutes and draws a tangle; sfdp is made for it. */

/* Graphviz rank directions, in the order of the drop-down. */
static const char *const rank_directions[] = { "LR", "TB", "RL", "BT" };

struct _RwbWindow
{
  GtkApplicationWindow parent_instance;

  /* Template children */
  GtkDropDown *engine_dropdown;
  GtkDropDown *rankdir_dropdown;
  GtkSpinner *spinner;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkWidget *banner_replace_button;
  GtkStack *main_stack;
  RwbGraphView *graph_view;
  GtkLabel *status_label;
  GtkLabel *busy_label;
  GtkWidget *sidebar;
  GtkStack *sidebar_stack;
  RwbSearchBar *search_bar;
  RwbDetailsPanel *details_panel;
  RwbArticleView *article_view;
  RwbEntityList *entity_list;
  RwbFilterPanel *filter_panel;
  RwbCorrectionsPanel *corrections_panel;
  RwbArticlesPanel *articles_panel;
  RwbTimelineBar *timeline_bar;

  /* What the user works on: the graph view and every panel bind to it. */
  RwbSession *session;
  GMenu *undo_section;          /* "Undo Merge" / "Redo Merge" in the primary menu */
  GMenu *recent_section;        /* Open Recent's projects */
  GtkWidget *context_menu;      /* the graph view's, while it is up */

  GSettings *settings;          /* may be NULL: see rwb_application_get_settings() */
  RwbGraph *graph;              /* the graph shown (a reference) */
  GFile *dot_file;              /* the Graphviz file shown, laid out again from the file */
  RwbLayoutEngine engine;
  gboolean engine_chosen;       /* by the user, now or in an earlier session */
  gboolean picking_engine;      /* the window, not the user, is changing the engine */
  const char *rankdir;          /* one of rank_directions */
  gboolean show_mentions;

  struct _Job *job;             /* the running job, or NULL */
  GtkNativeDialog *open_dialog; /* while the file chooser is up */
  guint message_timeout;        /* restores the status line after rwb_window_show_message() */
  GPtrArray *invalid_files;     /* GFile: the open that failed on invalid UTF-8, for the banner's
                                 * "Open with Replacement Characters"; NULL otherwise */
};

G_DEFINE_FINAL_TYPE (RwbWindow, rwb_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One load or re-layout. The window points to its current job; a cancelled job is forgotten by
 * the window at once but frees itself only when its callback runs. */
typedef struct _Job
{
  RwbWindow *window;            /* strong reference */
  GCancellable *cancellable;
  RwbGraph *graph;              /* the graph to lay out; NULL while extracting */
  gboolean replace;             /* a newly opened graph, to replace the current one */
  char *what;                   /* for error messages: the file name(s) */
  char *info;                   /* what an import removed, for the banner once shown */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->graph, rwb_graph_unref);
  g_free (job->what);
  g_free (job->info);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

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

static void start_layout (RwbWindow *self, Job *job);

/* The graph once there is one; before that, a spinner while the first load runs (rather than
 * "No Articles Open" when articles are being opened), else the invitation to open some. */
static void
update_page (RwbWindow *self)
{
  const char *page;

  if (rwb_graph_view_get_scene (self->graph_view) != NULL)
    page = "graph";
  else if (self->job != NULL)
    page = "loading";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->main_stack, page);
  /* The panels describe a graph; without one they would be four empty pages. */
  gtk_widget_set_visible (self->sidebar, g_str_equal (page, "graph"));
  /* Only a graph on screen can be exported. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "export")),
                               g_str_equal (page, "graph"));
}

static void
set_job (RwbWindow *self, Job *job)
{
  gboolean was_busy = self->job != NULL;

  if (self->job != NULL)
    g_cancellable_cancel (self->job->cancellable);
  self->job = job;

  if (was_busy != (job != NULL))
    {
      gtk_spinner_set_spinning (self->spinner, job != NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), job != NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->busy_label), job != NULL);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                                "cancel")),
                                   job != NULL);
      update_page (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

/* Starts a new job of the window (cancelling the one running): @graph (may be NULL for an
 * extraction that makes its graph) is what it lays out; @replace says whether its result
 * replaces the graph shown. */
static Job *
begin_job (RwbWindow *self, RwbGraph *graph, gboolean replace)
{
  Job *job = g_new0 (Job, 1);

  job->window = g_object_ref (self);
  job->cancellable = g_cancellable_new ();
  job->graph = graph != NULL ? rwb_graph_ref (graph) : NULL;
  job->replace = replace;
  set_job (self, job);
  return job;
}

/* Whether the job's result is still wanted; the callbacks of cancelled jobs only clean up. */
static gboolean
job_is_current (Job *job)
{
  return !g_cancellable_is_cancelled (job->cancellable) && job->window->job == job;
}

static void
hide_error (RwbWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

void
rwb_window_show_error (RwbWindow *self, const char *message)
{
  g_return_if_fail (RWB_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* A debug line, not a warning: the banner is the report, and tests run with fatal warnings. */
  g_debug ("%s", message);
  /* Only extract_done() offers the replacement, right after this, for the error it is for. */
  g_clear_pointer (&self->invalid_files, g_ptr_array_unref);
  gtk_widget_set_visible (self->banner_replace_button, FALSE);
  gtk_label_set_text (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
  /* An error after an import's notes (show_info) looks like an error again. */
  {
    GtkWidget *banner = gtk_revealer_get_child (self->banner_revealer);
    GtkWidget *icon = banner ? gtk_widget_get_first_child (banner) : NULL;

    if (banner != NULL && gtk_widget_has_css_class (banner, "rwb-info-banner"))
      {
        gtk_widget_remove_css_class (banner, "rwb-info-banner");
        gtk_widget_add_css_class (banner, "rwb-error-banner");
        if (GTK_IS_IMAGE (icon))
          gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-error-symbolic");
      }
  }
}

/* The banner with an information icon instead of the error one: an import that went well but
 * left something out. rwb_window_show_error() turns it back. */
static void
show_info (RwbWindow *self, const char *message)
{
  GtkWidget *banner = gtk_revealer_get_child (self->banner_revealer);
  GtkWidget *icon = banner ? gtk_widget_get_first_child (banner) : NULL;

  rwb_window_show_error (self, message);
  if (banner == NULL)
    return;
  gtk_widget_remove_css_class (banner, "rwb-error-banner");
  gtk_widget_add_css_class (banner, "rwb-info-banner");
  if (GTK_IS_IMAGE (icon))
    gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-information-symbolic");
}

static void update_status (RwbWindow *self);

static gboolean
message_timeout_cb (gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);

  self->message_timeout = 0;
  update_status (self);
  return G_SOURCE_REMOVE;
}

void
rwb_window_show_message (RwbWindow *self, const char *message)
{
  g_return_if_fail (RWB_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_text (self->status_label, message);
  g_clear_handle_id (&self->message_timeout, g_source_remove);
  self->message_timeout = g_timeout_add_seconds (5, message_timeout_cb, self);
}

static void
update_status (RwbWindow *self)
{
  const RwbGraph *graph = self->graph;
  g_autofree char *entities = NULL;
  g_autofree char *relations = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *text = NULL;
  guint n_relations = 0;

  if (graph == NULL)
    {
      gtk_label_set_text (self->status_label, _("No articles open"));
      return;
    }

  /* Co-occurrences are not relations a reader would count; the status counts what the
   * extractor claims. */
  for (guint i = 0; i < graph->relations->len; i++)
    {
      const RwbRelation *relation = g_ptr_array_index (graph->relations, i);

      if (relation->type != RWB_RELATION_MENTION)
        n_relations++;
    }

  entities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities",
                                           graph->entities->len),
                              graph->entities->len);
  relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations",
                                            n_relations),
                               n_relations);
  documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                            graph->documents->len),
                               graph->documents->len);
  /* Translators: the status line: "12 entities · 20 relations · 1 document". */
  text = g_strdup_printf (_("%s · %s · %s"), entities, relations, documents);
  gtk_label_set_text (self->status_label, text);
}

static void
fill_layout_options (RwbWindow *self, RwbLayoutOptions *options)
{
  rwb_layout_options_init (options);
  options->engine = self->engine;
  options->include_mentions = self->show_mentions;
  options->rankdir = self->rankdir;
}

/* Hands a newly shown graph to the panels. */
static void
set_panels_graph (RwbWindow *self, RwbGraph *graph)
{
  rwb_details_panel_set_graph (self->details_panel, graph);
  rwb_article_view_set_graph (self->article_view, graph);
  rwb_entity_list_set_graph (self->entity_list, graph);
  rwb_filter_panel_set_graph (self->filter_panel, graph);
  rwb_search_bar_set_graph (self->search_bar, graph);
}

/* For a large graph the default engine is sfdp, unless the user picked one: a choice made
 * once (and saved) is kept for every graph after it. */
static void
pick_engine_for (RwbWindow *self, RwbGraph *graph)
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
  if (!job_is_current (job))
    return;

  if (scene == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the error from Graphviz or the layout helper. */
      message = g_strdup_printf (_("Could not lay out the graph: %s"), error->message);
      rwb_window_show_error (self, message);
      set_job (self, NULL);
      return;
    }

  /* The view frees the old scene first; only then may the old graph it borrows go. */
  rwb_session_set_scene (self->session, g_steal_pointer (&scene));
  if (job->replace)
    {
      g_clear_pointer (&self->graph, rwb_graph_unref);
      self->graph = rwb_graph_ref (job->graph);
      set_panels_graph (self, self->graph);
    }
  else
    /* A new layout is a new scene; what the filters hide must carry over to it. */
    rwb_filter_panel_apply (self->filter_panel);
  hide_error (self);
  if (job->info != NULL)
    show_info (self, job->info);
  update_status (self);
  set_job (self, NULL);
}

static void
start_layout (RwbWindow *self, Job *job)
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
  if (!job_is_current (job))
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
      set_job (self, NULL);
      return;
    }

  job->graph = graph;
  {
    ExtractData *data = g_task_get_task_data (G_TASK (result));

    /* A project opens to be worked in, not as a read-only graph. */
    if (data->kind == RWB_INPUT_PROJECT)
      {
        g_autoptr (GError) open_error = NULL;

        set_job (self, NULL);
        if (!rwb_window_open_project (self, g_ptr_array_index (data->files, 0), &open_error))
          rwb_window_show_error (self, open_error->message);
        return;
      }

    /* Added articles join the work: the session lays out the joined graph as an edit. */
    if (data->add && data->kind == RWB_INPUT_ARTICLE && self->dot_file == NULL
        && rwb_session_get_graph (self->session) != NULL)
      {
        g_autoptr (GError) add_error = NULL;

        set_job (self, NULL);
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
         * so another engine lays it out again in that style (see relayout). */
        GFile *dot_file = data->files->len == 1 ? g_ptr_array_index (data->files, 0) : NULL;
        g_set_object (&self->dot_file, dot_file);
        rwb_session_set_scene (self->session, g_steal_pointer (&data->scene));
        g_clear_pointer (&self->graph, rwb_graph_unref);
        self->graph = rwb_graph_ref (job->graph);
        set_panels_graph (self, self->graph);
        hide_error (self);
        if (job->info != NULL)
          show_info (self, job->info);
        update_status (self);
        set_job (self, NULL);
        return;
      }
  }
  g_clear_object (&self->dot_file);
  pick_engine_for (self, graph);
  start_layout (self, g_steal_pointer (&job));
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

static void open_files (RwbWindow *self, GFile **files, guint n_files, gint engine,
                        RwbTextLoadFlags load_flags);

void
rwb_window_open_files (RwbWindow *self, GFile **files, guint n_files)
{
  open_files (self, files, n_files, -1, RWB_TEXT_LOAD_DEFAULT);
}

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
      if (job_is_current (job))
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            rwb_window_show_error (self, error->message);
          set_job (self, NULL);
        }
      return;
    }
  if (!job_is_current (job))
    return;
  set_job (self, NULL);

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
          Job *layout = begin_job (self, joined, TRUE);

          pick_engine_for (self, joined);
          start_layout (self, layout);
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

/* Whether @files are articles and folders (what import_articles reads), all local. */
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

/* Reads @files (articles and folders of articles) off the UI thread, with progress in the
 * status line and Cancel, and adds them to the project, or to the work in memory. */
static void
import_articles (RwbWindow *self, GFile **files, guint n_files)
{
  g_autoptr (GTask) task = NULL;
  ImportData *data = g_new0 (ImportData, 1);
  Job *job = begin_job (self, NULL, TRUE);

  data->application = RWB_APPLICATION (g_object_ref (gtk_window_get_application (GTK_WINDOW (self))));
  data->paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->paths, g_file_get_path (files[i]));
  gtk_label_set_text (self->busy_label, _("Reading articles…"));
  task = g_task_new (self, job->cancellable, import_done, job);
  g_task_set_source_tag (task, import_articles);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  data->job = job;
  g_task_run_in_thread (task, import_thread);
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
      import_articles (self, files, n_files);
      return;
    }

  job = begin_job (self, NULL, TRUE);

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
  job = begin_job (self, graph, TRUE);
  pick_engine_for (self, graph);
  start_layout (self, job);
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

static void
save_as_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
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

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, RwbWindow *self)
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

static void
paste_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 on_paste_text, g_object_ref (self));
}

static void
open_files (RwbWindow *self, GFile **files, guint n_files, gint engine,
            RwbTextLoadFlags load_flags)
{
  g_autoptr (GTask) task = NULL;
  ExtractData *data;
  Job *job;

  g_return_if_fail (RWB_IS_WINDOW (self));
  g_return_if_fail (files != NULL && n_files > 0);

  job = begin_job (self, NULL, TRUE);

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
static void
relayout (RwbWindow *self)
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
      open_files (self, &file, 1, self->engine, RWB_TEXT_LOAD_DEFAULT);
      return;
    }
  else if (self->graph != NULL)
    graph = self->graph;
  else
    return;

  job = begin_job (self, graph, replace);
  start_layout (self, job);
}

static void
layout_engine_change_state (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);
  const char *name = g_variant_get_string (value, NULL);
  RwbLayoutEngine engine;

  if (!rwb_layout_engine_from_string (name, &engine))
    return;

  g_simple_action_set_state (action, value);
  if (gtk_drop_down_get_selected (self->engine_dropdown) != (guint) engine)
    gtk_drop_down_set_selected (self->engine_dropdown, engine);

  /* Rank direction means something to dot only. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->rankdir_dropdown), engine == RWB_LAYOUT_DOT);

  if (engine == self->engine)
    return;

  self->engine = engine;
  /* The window's own pick is not saved and lays out nothing: the load that asked for it is
   * about to lay out with it. */
  if (self->picking_engine)
    return;
  self->engine_chosen = TRUE;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "layout-engine", name);
  relayout (self);
}

static void
rankdir_change_state (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);
  const char *name = g_variant_get_string (value, NULL);
  guint index;

  for (index = 0; index < G_N_ELEMENTS (rank_directions); index++)
    if (g_str_equal (name, rank_directions[index]))
      break;
  if (index == G_N_ELEMENTS (rank_directions))
    return;

  g_simple_action_set_state (action, value);
  if (gtk_drop_down_get_selected (self->rankdir_dropdown) != index)
    gtk_drop_down_set_selected (self->rankdir_dropdown, index);

  if (self->rankdir == rank_directions[index])
    return;
  self->rankdir = rank_directions[index];
  if (self->engine == RWB_LAYOUT_DOT)
    relayout (self);
}

static void
cancel_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);

  /* Cancelling the job's GCancellable kills the layout helper or stops the extraction; the
   * graph shown (if any) stays. */
  if (self->job != NULL)
    set_job (self, NULL);
}

static void
show_panel_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->sidebar_stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->sidebar_stack, name);
}

/* An edit (a correction, its undo) made a new graph: lay it out; the session shows it with its
 * scene. The new graph is drawn natively, even if the old one came from a Graphviz file. */
static void
on_pending_graph (RwbWindow *self)
{
  RwbGraph *pending = rwb_session_get_pending_graph (self->session);
  Job *job;

  if (pending == NULL)
    return;
  g_clear_object (&self->dot_file);
  job = begin_job (self, pending, TRUE);
  start_layout (self, job);
}

static void
update_undo_labels (RwbWindow *self)
{
  const char *undo = rwb_session_get_undo_label (self->session);
  const char *redo = rwb_session_get_redo_label (self->session);
  g_autofree char *undo_text = NULL;
  g_autofree char *redo_text = NULL;

  /* Translators: a menu item; %s is what it undoes, "Merge", "Move". */
  undo_text = undo != NULL ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: a menu item; %s is what it redoes. */
  redo_text = redo != NULL ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));
  g_menu_remove_all (self->undo_section);
  g_menu_append (self->undo_section, undo_text, "win.undo");
  g_menu_append (self->undo_section, redo_text, "win.redo");
}

static void
on_edit_error (gpointer data, const char *message)
{
  rwb_window_show_error (RWB_WINDOW (data), message);
}

/* What an analysis found, in the status line. */
static void
on_analysis_message (gpointer data, const char *message)
{
  rwb_window_show_message (RWB_WINDOW (data), message);
}

static void
on_context_menu_closed (GtkPopover *popover, RwbWindow *self)
{
  if (self->context_menu == GTK_WIDGET (popover))
    self->context_menu = NULL;
  gtk_widget_unparent (GTK_WIDGET (popover));
}

/* A right-click on the graph: what is under the pointer is selected (unless it already is), and
 * the corrections that apply to the selection pop up there. */
void
rwb_window_popup_context_menu (RwbWindow *self, double x, double y)
{
  g_autoptr (GMenuModel) model = NULL;
  gint entity = -1, relation = -1;
  GtkWidget *popover;

  g_return_if_fail (RWB_IS_WINDOW (self));

  if (!rwb_graph_view_item_at (self->graph_view, x, y, &entity, &relation))
    return;
  if (entity >= 0 && !rwb_session_is_entity_selected (self->session, entity))
    rwb_session_select_entity (self->session, entity, FALSE);
  else if (relation >= 0 && rwb_session_get_selected_relation (self->session) != relation)
    rwb_session_select_relation (self->session, relation);

  if (self->context_menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->context_menu));
  model = rwb_edit_menu_new (self->session);
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, GTK_WIDGET (self->graph_view));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (on_context_menu_closed), self);
  self->context_menu = popover;
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_secondary_click (GtkGestureClick *gesture, int n_press, double x, double y, RwbWindow *self)
{
  rwb_window_popup_context_menu (self, x, y);
}

/* win.show-mentions is the session's show-mentions property (a GPropertyAction), which the
 * settings are bound to; this follows it. */
static void
on_show_mentions_changed (RwbWindow *self)
{
  gboolean show = rwb_session_get_show_mentions (self->session);

  if (show == self->show_mentions)
    return;
  self->show_mentions = show;
  /* The co-occurrence edges are only in the scene if the layout had them. */
  relayout (self);
}

static void
dismiss_error_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  hide_error (RWB_WINDOW (user_data));
}

/* The banner's answer to invalid UTF-8: the same files again, bad bytes read as U+FFFD. */
static void
open_replacing_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);
  g_autoptr (GPtrArray) files = g_steal_pointer (&self->invalid_files);

  if (files == NULL)
    return;
  hide_error (self);
  gtk_widget_set_visible (self->banner_replace_button, FALSE);
  open_files (self, (GFile **) files->pdata, files->len, -1, RWB_TEXT_LOAD_REPLACE_INVALID);
}

static void
on_engine_selected (GtkDropDown *dropdown, GParamSpec *pspec, RwbWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected >= RWB_LAYOUT_N_ENGINES)
    return;

  /* The drop-down is one more way to change the action's state, like a menu or a test. */
  g_action_group_change_action_state (G_ACTION_GROUP (self), "layout-engine",
                                      g_variant_new_string (rwb_layout_engine_to_string (selected)));
}

static void
on_rankdir_selected (GtkDropDown *dropdown, GParamSpec *pspec, RwbWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected >= G_N_ELEMENTS (rank_directions))
    return;
  g_action_group_change_action_state (G_ACTION_GROUP (self), "rankdir",
                                      g_variant_new_string (rank_directions[selected]));
}

/* An evidence sentence clicked in the details: read it in its article. */
static void
on_evidence_activated (RwbDetailsPanel *panel, guint document, guint start, guint end,
                       RwbWindow *self)
{
  gtk_stack_set_visible_child_name (self->sidebar_stack, "article");
  rwb_article_view_show_span (self->article_view, document, start, end);
}

/* The text selected in the Article panel: evidence for a relation the user adds. */
static gboolean
article_selection (gpointer data, guint *document, guint *start, guint *end)
{
  RwbWindow *self = data;

  return rwb_article_view_get_selection (self->article_view, document, start, end);
}

/* A sentence found by the search bar: read it in its article. The span first, then the page:
 * the article view scrolls to it once its page is mapped and laid out. */
static void
on_sentence_activated (RwbSearchBar *bar, guint document, guint start, guint end,
                       RwbWindow *self)
{
  RwbGraph *graph = rwb_session_get_graph (self->session);

  if (graph == NULL || document >= graph->documents->len)
    return;
  rwb_article_view_show_span (self->article_view, document, start, end);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "article");
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

gboolean
rwb_window_get_busy (RwbWindow *self)
{
  g_return_val_if_fail (RWB_IS_WINDOW (self), FALSE);

  return self->job != NULL;
}

static void
export_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);
  RwbExportDialog *dialog;

  if (rwb_graph_view_get_scene (self->graph_view) == NULL)
    return;
  dialog = rwb_export_dialog_new (GTK_WINDOW (self), self->graph_view, self->filter_panel);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry win_actions[] = {
  { .name = "layout-engine", .parameter_type = "s", .state = "'dot'",
    .change_state = layout_engine_change_state },
  { .name = "dismiss-error", .activate = dismiss_error_action },
  { .name = "open-replacing", .activate = open_replacing_action },
  { .name = "rankdir", .parameter_type = "s", .state = "'LR'",
    .change_state = rankdir_change_state },
  { .name = "cancel", .activate = cancel_action },
  { .name = "show-panel", .parameter_type = "s", .activate = show_panel_action },
  { .name = "export", .activate = export_action },
  { .name = "paste", .activate = paste_action },
  { .name = "save-as", .activate = save_as_action },
};

static void
rwb_window_constructed (GObject *object)
{
  RwbWindow *self = RWB_WINDOW (object);
  /* Not gtk_window_get_application(): GObject sets that plain property only after
   * constructed() returns. The settings are per application anyway. */
  GApplication *application = g_application_get_default ();
  g_autofree char *engine_name = NULL;
  RwbLayoutEngine engine = RWB_LAYOUT_DOT;

  G_OBJECT_CLASS (rwb_window_parent_class)->constructed (object);

  if (RWB_IS_APPLICATION (application))
    g_set_object (&self->settings, rwb_application_get_settings (RWB_APPLICATION (application)));

  if (self->settings != NULL)
    {
      /* Read once and written as they change; not read again when another window writes
       * them (the settings are the application's). The default size is the unmaximized size,
       * which is what to restore. */
      const GSettingsBindFlags flags = G_SETTINGS_BIND_GET | G_SETTINGS_BIND_SET
                                       | G_SETTINGS_BIND_GET_NO_CHANGES;

      g_settings_bind (self->settings, "window-width", self, "default-width", flags);
      g_settings_bind (self->settings, "window-height", self, "default-height", flags);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", flags);
      g_settings_bind (self->settings, "show-mentions", self->session, "show-mentions", flags);
      g_settings_bind (self->settings, "legend-collapsed", self->graph_view, "legend-collapsed",
                       flags);

      engine_name = g_settings_get_string (self->settings, "layout-engine");
      if (!rwb_layout_engine_from_string (engine_name, &engine))
        engine = RWB_LAYOUT_DOT;
    }

  /* Through the actions, so the drop-down, the menu and the view all agree from the start.
   * Restoring is not choosing: only an engine the user once set (a value in the settings
   * rather than the default) overrides the pick for large graphs. */
  if (self->settings != NULL)
    {
      g_autoptr (GVariant) user_value = g_settings_get_user_value (self->settings,
                                                                   "layout-engine");
      self->engine_chosen = user_value != NULL;
    }
  self->picking_engine = TRUE;
  g_action_group_change_action_state (G_ACTION_GROUP (self), "layout-engine",
                                      g_variant_new_string (rwb_layout_engine_to_string (engine)));
  self->picking_engine = FALSE;
  if (GTK_IS_APPLICATION (application))
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.export",
                                           (const char *const[]) { "<Control>e", NULL });
  if (GTK_IS_APPLICATION (application))
    {
      static const struct { const char *action; const char *accels[3]; } accels[] = {
        { "win.undo", { "<Control>z", NULL } },
        { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
        { "win.delete", { "Delete", NULL } },
        { "win.rename::", { "F2", NULL } },
        { "win.merge", { "<Control>m", NULL } },
        { "win.paste", { "<Control>v", NULL } },
        { "win.save-as", { "<Control><Shift>s", NULL } },
        { "win.new-project", { "<Control>n", NULL } },
        { "win.export-data", { "<Control><Shift>e", NULL } },
      };

      for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
        gtk_application_set_accels_for_action (GTK_APPLICATION (application), accels[i].action,
                                               accels[i].accels);
    }
}

static void
rwb_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RwbWindow *self = RWB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, rwb_window_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rwb_window_dispose (GObject *object)
{
  RwbWindow *self = RWB_WINDOW (object);

  if (self->job != NULL)
    {
      g_cancellable_cancel (self->job->cancellable);
      self->job = NULL;
    }
  if (self->open_dialog != NULL)
    {
      gtk_native_dialog_destroy (self->open_dialog);
      g_clear_object (&self->open_dialog);
    }

  /* Someone may still hold the session; its scene must not outlive the graph it borrows. */
  if (self->session != NULL)
    rwb_session_set_scene (self->session, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RWB_TYPE_WINDOW);
  if (self->context_menu != NULL)
    {
      gtk_widget_unparent (self->context_menu);
      self->context_menu = NULL;
    }
  g_clear_object (&self->session);
  g_clear_pointer (&self->graph, rwb_graph_unref);
  g_clear_object (&self->dot_file);
  g_clear_pointer (&self->invalid_files, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_handle_id (&self->message_timeout, g_source_remove);

  G_OBJECT_CLASS (rwb_window_parent_class)->dispose (object);
}

static void
rwb_window_class_init (RwbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rwb_window_constructed;
  object_class->dispose = rwb_window_dispose;
  object_class->get_property = rwb_window_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RWB_TYPE_GRAPH_VIEW);
  g_type_ensure (RWB_TYPE_SEARCH_BAR);
  g_type_ensure (RWB_TYPE_DETAILS_PANEL);
  g_type_ensure (RWB_TYPE_ARTICLE_VIEW);
  g_type_ensure (RWB_TYPE_ENTITY_LIST);
  g_type_ensure (RWB_TYPE_FILTER_PANEL);
  g_type_ensure (RWB_TYPE_CORRECTIONS_PANEL);
  g_type_ensure (RWB_TYPE_ARTICLES_PANEL);
  g_type_ensure (RWB_TYPE_TIMELINE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rawabit/Rawabit/rwb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, engine_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, banner_replace_button);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, graph_view);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, busy_label);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, rankdir_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, details_panel);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, entity_list);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, filter_panel);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, corrections_panel);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, articles_panel);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, timeline_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_engine_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_rankdir_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sentence_activated);
}

static void
rwb_window_init (RwbWindow *self)
{
  g_autoptr (GtkStringList) engines = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) directions = gtk_string_list_new (NULL);
  g_autoptr (GPropertyAction) search = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "cancel")),
                               FALSE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "export")),
                               FALSE);
  search = g_property_action_new ("search", self->search_bar, "search-mode-enabled");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (search));
  /* The view first: it must know of a new scene before any panel asks it about one. */
  self->session = rwb_session_new ();
  rwb_graph_view_set_session (self->graph_view, self->session);
  rwb_details_panel_set_session (self->details_panel, self->session);
  rwb_article_view_set_session (self->article_view, self->session);
  rwb_entity_list_set_session (self->entity_list, self->session);
  rwb_filter_panel_set_session (self->filter_panel, self->session);
  rwb_corrections_panel_set_session (self->corrections_panel, self->session);
  rwb_articles_panel_set_session (self->articles_panel, self->session);
  rwb_timeline_bar_set_session (self->timeline_bar, self->session);
  rwb_search_bar_set_session (self->search_bar, self->session);
  rwb_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->graph_view));
  {
    g_autoptr (GPropertyAction) mentions = g_property_action_new ("show-mentions", self->session,
                                                                  "show-mentions");
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (mentions));
  }
  g_signal_connect_swapped (self->session, "notify::show-mentions",
                            G_CALLBACK (on_show_mentions_changed), self);
  g_signal_connect_swapped (self->session, "notify::pending-graph",
                            G_CALLBACK (on_pending_graph), self);
  g_signal_connect_swapped (self->session, "notify::undo-label",
                            G_CALLBACK (update_undo_labels), self);
  g_signal_connect_swapped (self->session, "notify::redo-label",
                            G_CALLBACK (update_undo_labels), self);
  rwb_edit_actions_add (G_ACTION_MAP (self), self->session, GTK_WINDOW (self), on_edit_error,
                        self);
  rwb_edit_actions_set_evidence_func (G_ACTION_MAP (self), article_selection, self);
  rwb_analysis_actions_add (G_ACTION_MAP (self), self->session, self->graph_view,
                            GTK_WINDOW (self), on_analysis_message, self);
  update_undo_labels (self);
  rwb_project_actions_add (self, self->session, self->recent_section);
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click), self);
    /* The Menu key on a focused node. */
    g_signal_connect_swapped (self->graph_view, "context-menu",
                              G_CALLBACK (rwb_window_popup_context_menu), self);
    gtk_widget_add_controller (GTK_WIDGET (self->graph_view), GTK_EVENT_CONTROLLER (click));
  }

  /* Item i is rank_directions[i]; named by where the edges point. */
  gtk_string_list_append (directions, _("Left to Right"));
  gtk_string_list_append (directions, _("Top to Bottom"));
  gtk_string_list_append (directions, _("Right to Left"));
  gtk_string_list_append (directions, _("Bottom to Top"));
  gtk_drop_down_set_model (self->rankdir_dropdown, G_LIST_MODEL (directions));
  gtk_drop_down_set_selected (self->rankdir_dropdown, 0);
  self->rankdir = rank_directions[0];

  /* Filled from the core so the list and rwb_layout_engine_from_string() cannot disagree;
   * item i is engine i. */
  for (guint i = 0; i < RWB_LAYOUT_N_ENGINES; i++)
    gtk_string_list_append (engines, rwb_layout_engine_to_string (i));
  gtk_drop_down_set_model (self->engine_dropdown, G_LIST_MODEL (engines));
  gtk_drop_down_set_selected (self->engine_dropdown, RWB_LAYOUT_DOT);
  self->engine = RWB_LAYOUT_DOT;

  update_status (self);
}

RwbWindow *
rwb_window_new (RwbApplication *application)
{
  g_return_val_if_fail (RWB_IS_APPLICATION (application), NULL);

  return g_object_new (RWB_TYPE_WINDOW, "application", application, NULL);
}
