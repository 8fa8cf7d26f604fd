/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-analysis-task-private.h — what the async analyses share: one GTask that runs an
 * analysis on a snapshot in a worker thread, and hands its progress to the caller's main
 * context. */
#pragma once

#include "rwb-analysis-graph.h"

G_BEGIN_DECLS

/* How a worker reports progress: the share done, 0 to 1. */
typedef void (*RwbAnalysisReportFunc) (double fraction, gpointer report_data);

/* An analysis of @ag with @params (a copy of what the async call was given); @report may be
 * NULL. Returns the result, or NULL with @error set. */
typedef gpointer (*RwbAnalysisRunFunc) (RwbAnalysisGraph *ag, gconstpointer params,
                                        GCancellable *cancellable, RwbAnalysisReportFunc report,
                                        gpointer report_data, GError **error);

/* Runs @run on @ag (referenced until the task ends) and a copy of @params_size bytes of
 * @params in a worker thread; its result is freed with @result_free unless finished.
 * @progress (nullable) gets the reports on the caller's thread-default main context, at most
 * ten times a second, never after @callback. */
void     rwb_analysis_task_run    (RwbAnalysisGraph *ag, gconstpointer params, gsize params_size,
                                   RwbAnalysisRunFunc run, GDestroyNotify result_free,
                                   RwbAnalysisProgressFunc progress, gpointer progress_data,
                                   gpointer source_tag, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data);
/* The result of a task started with @source_tag. Returns: (transfer full) (nullable) */
gpointer rwb_analysis_task_finish (GAsyncResult *result, gpointer source_tag, GError **error);

G_END_DECLS
