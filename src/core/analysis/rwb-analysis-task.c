/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-analysis-task.c — one GTask for every async analysis. */
#define G_LOG_DOMAIN "rawabit-analysis"

#include "rwb-analysis-task-private.h"

typedef struct {
  RwbAnalysisGraph *ag;
  gpointer params;
  RwbAnalysisRunFunc run;
  GDestroyNotify result_free;
  RwbAnalysisProgressFunc progress;
  gpointer progress_data;
  gint64 last_report;     /* worker thread only */
} Task;

static void
task_free (gpointer data)
{
  Task *t = data;
  rwb_analysis_graph_unref (t->ag);
  g_free (t->params);
  g_free (t);
}

typedef struct {
  GTask *task;
  double fraction;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *p = data;
  g_object_unref (p->task);
  g_free (p);
}

static gboolean
progress_dispatch (gpointer data)
{
  Progress *p = data;
  Task *t = g_task_get_task_data (p->task);
  /* The callback may have run already: the result is posted after the reports, but the
   * caller's loop may be iterated from elsewhere. */
  if (!g_task_get_completed (p->task))
    t->progress (p->fraction, t->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: hands the fraction to the caller's main context, ten times a second. */
static void
progress_report (double fraction, gpointer data)
{
  GTask *task = data;
  Task *t = g_task_get_task_data (task);
  gint64 now = g_get_monotonic_time ();
  if (now - t->last_report < G_USEC_PER_SEC / 10 && fraction < 1)
    return;
  t->last_report = now;
  Progress *p = g_new (Progress, 1);
  p->task = g_object_ref (task);
  p->fraction = fraction;
  g_main_context_invoke_full (g_task_get_context (task), g_task_get_priority (task),
                              progress_dispatch, p, progress_free);
}

static void
task_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Task *t = data;
  GError *error = NULL;
  gpointer result = t->run (t->ag, t->params, cancellable, t->progress ? progress_report : NULL,
                            task, &error);
  if (result)
    g_task_return_pointer (task, result, t->result_free);
  else
    g_task_return_error (task, error);
}

void
rwb_analysis_task_run (RwbAnalysisGraph *ag, gconstpointer params, gsize params_size,
                       RwbAnalysisRunFunc run, GDestroyNotify result_free,
                       RwbAnalysisProgressFunc progress, gpointer progress_data,
                       gpointer source_tag, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data)
{
  Task *t = g_new0 (Task, 1);
  t->ag = rwb_analysis_graph_ref (ag);
  t->params = g_memdup2 (params, params_size);
  t->run = run;
  t->result_free = result_free;
  t->progress = progress;
  t->progress_data = progress_data;
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, t, task_free);
  g_task_run_in_thread (task, task_thread);
}

gpointer
rwb_analysis_task_finish (GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
