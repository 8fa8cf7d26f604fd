/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-window-private.h — what the files of the main window share: its instance struct, its
 * jobs, and the functions one file of it calls in another (rwb-window.c: state, banner, status,
 * actions and panels; -load.c: extraction and layout jobs; -open.c: the Open dialog, drops,
 * paste, folders and projects).
 */
#pragma once

#include "rwb-window.h"

#include "rwb-article-view.h"
#include "rwb-articles-panel.h"
#include "rwb-corrections-panel.h"
#include "rwb-details-panel.h"
#include "rwb-entity-list.h"
#include "rwb-filter-panel.h"
#include "rwb-graph-view.h"
#include "rwb-layout.h"
#include "rwb-search-bar.h"
#include "rwb-session.h"
#include "rwb-text.h"
#include "rwb-timeline-bar.h"

G_BEGIN_DECLS

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

/* rwb-window.c */
void     rwb_window_set_job            (RwbWindow *self,
                                        Job       *job);
void     rwb_window_hide_error         (RwbWindow  *self);
void     rwb_window_show_info          (RwbWindow  *self,
                                        const char *message);
void     rwb_window_update_status      (RwbWindow  *self);
/* Hands a newly shown graph to the panels. */
void     rwb_window_set_panels_graph   (RwbWindow  *self,
                                        RwbGraph   *graph);

/* rwb-window-load.c */
void     rwb_window_job_free           (Job       *job);
Job     *rwb_window_begin_job          (RwbWindow *self,
                                        RwbGraph  *graph,
                                        gboolean   replace);
gboolean rwb_window_job_is_current     (Job       *job);
void     rwb_window_start_layout       (RwbWindow *self,
                                        Job       *job);
void     rwb_window_pick_engine_for    (RwbWindow *self,
                                        RwbGraph  *graph);
void     rwb_window_load_files         (RwbWindow       *self,
                                        GFile          **files,
                                        guint            n_files,
                                        gint             engine,
                                        RwbTextLoadFlags load_flags);
void     rwb_window_relayout           (RwbWindow *self);

/* rwb-window-open.c */
void     rwb_window_import_articles    (RwbWindow *self,
                                        GFile    **files,
                                        guint      n_files);
gboolean rwb_window_on_drop            (GtkDropTarget *target,
                                        const GValue  *value,
                                        double         x,
                                        double         y,
                                        RwbWindow     *self);
void     rwb_window_paste_action       (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data);
void     rwb_window_save_as_action     (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, rwb_window_job_free)

G_END_DECLS
