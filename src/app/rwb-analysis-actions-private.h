/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-analysis-actions-private.h — what the files of the analysis actions share: the state
 * behind them and the functions one file calls in another (rwb-analysis-actions.c: the state,
 * messages, names, communities, centrality, focus, setup; -connection.c: Show Connection;
 * -statistics.c: Statistics).
 */
#pragma once

#include "rwb-analysis-actions.h"

G_BEGIN_DECLS

typedef struct {
  RwbSession *session;
  RwbGraphView *view;           /* weak */
  GtkWindow *parent;            /* weak */
  GActionMap *map;              /* weak */
  void (*message_func) (gpointer data, const char *message);
  gpointer message_data;
  GCancellable *cancellable;    /* of the analyses running */
  RwbScene *whole;              /* while focused: the whole graph's scene, to go back to */
  RwbGraph *focus_graph;        /* the graph the focus is of */
  gboolean setting_focus;       /* the session shows a scene of ours */
  /* Show Connection: the pair asked about last (of connection_graph), so ranking the paths
   * another way asks again, and the window listing the paths (weak). */
  RwbGraph *connection_graph;
  guint connection_source, connection_target;
  GtkWidget *connection_window;
  gint ref_count;
} Analysis;

/* rwb-analysis-actions.c */
Analysis    *rwb_analysis_actions_ref             (Analysis   *a);
void         rwb_analysis_actions_unref           (gpointer    data);
/* Hands @message to the window's message function (the status line). */
void         rwb_analysis_actions_tell            (Analysis   *a,
                                                   const char *message);
void         rwb_analysis_actions_update_enabled  (Analysis   *a);
/* An arrow pointing from the name read first to the one read next: right in a left-to-right
 * window, left in a right-to-left one (arrows are not mirrored by the bidi algorithm). */
const char  *rwb_analysis_actions_arrow_on        (void);
/* @e's name for markup, set apart from the text around it (FSI … PDI, escaped). */
char        *rwb_analysis_actions_isolated_name   (const RwbEntity *e);

/* rwb-analysis-actions-connection.c */
void         rwb_analysis_actions_show_connection (GSimpleAction *action,
                                                   GVariant      *parameter,
                                                   gpointer       data);
/* Ranked another way: the same two entities asked again, if their graph is still shown. */
void         rwb_analysis_actions_connection_by   (GSimpleAction *action,
                                                   GVariant      *value,
                                                   gpointer       data);
void         rwb_analysis_actions_clear_highlight (GSimpleAction *action,
                                                   GVariant      *parameter,
                                                   gpointer       data);

/* rwb-analysis-actions-statistics.c */
void         rwb_analysis_actions_statistics      (GSimpleAction *action,
                                                   GVariant      *parameter,
                                                   gpointer       data);

G_END_DECLS
