/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-layout-helper.c — starting, feeding, cancelling and judging the `rawabit-layout` child,
 * once for both of its uses (laying out a Rawabit graph, importing a DOT file).
 *
 * The child gets its input on stdin and prints Graphviz's JSON on stdout; its stderr holds
 * Graphviz's error message when it fails and "rawabit-warning: " lines when it succeeds.
 * Cancel is a kill. The exit statuses (src/layout-helper/rwb-layout-main.c): 3 the DOT text
 * does not parse, 4 Graphviz failed, 5 the layout has coordinates that cannot be drawn.
 */
#define G_LOG_DOMAIN "rawabit-layout"

#include "rwb-layout-private.h"
#include "rwb-config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#define EXIT_SYNTAX 3
#define EXIT_COORDS 5
#define WARNING_PREFIX "rawabit-warning: "

static char *
find_helper (void)
{
  const char *env = g_getenv ("RAWABIT_LAYOUT_HELPER");
  if (env && *env)
    return g_strdup (env);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  if (self)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      /* Installed beside the program, or in the build tree (src/, seen from bench/). */
      const char *const candidates[] = { "rawabit-layout", "../rawabit-layout",
                                         "../src/rawabit-layout" };
      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          char *path = g_build_filename (dir, candidates[i], NULL);
          if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
            return path;
          g_free (path);
        }
    }
  return g_build_filename (RWB_LIBEXECDIR, "rawabit-layout", NULL);
}

static GSubprocess *
spawn_helper (const char *const *args, GError **error)
{
  g_autofree char *helper = find_helper ();
  if (!g_file_test (helper, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_HELPER,
                   _("The layout helper %s is missing; reinstall Rawabit"), helper);
      return NULL;
    }
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
    | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Graphviz opens fewer files (images, shapes) a graph names with this set. */
  g_subprocess_launcher_setenv (launcher, "SERVER_NAME", "rawabit-layout", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  /* The helper exits at once if this is not its parent any more (killed before it started). */
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_subprocess_launcher_setenv (launcher, "RAWABIT_PARENT_PID", pid, TRUE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, helper);
  for (guint i = 0; args && args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  return g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, error);
}

static char *
bytes_text (GBytes *bytes)
{
  gsize len = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;
  return g_utf8_make_valid (data ? data : "", (gssize) len);
}

/* Graphviz's message without our warning lines, trimmed to a readable length. */
static char *
error_text (const char *err)
{
  GString *s = g_string_new (NULL);
  g_auto (GStrv) lines = g_strsplit (err ? err : "", "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (*lines[i] && !g_str_has_prefix (lines[i], WARNING_PREFIX))
      {
        if (s->len)
          g_string_append_c (s, '\n');
        g_string_append (s, lines[i]);
      }
  if (g_utf8_strlen (s->str, -1) > 400)
    {
      g_autofree char *head = g_utf8_substring (s->str, 0, 399);
      g_string_assign (s, head);
      g_string_append (s, "…");
    }
  return g_strstrip (g_string_free (s, FALSE));
}

/* The child's fate as a GError: killed by our limits, crashed, or failed. */
static gboolean
check_exit (GSubprocess *proc, const char *err, const RwbHelperJob *job, GError **error)
{
  if (g_subprocess_get_if_signaled (proc))
    {
      int sig = g_subprocess_get_term_sig (proc);
      if (sig == SIGALRM || sig == SIGXCPU)
        g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_TIMEOUT,
                     _("Graphviz took longer than %u s and was stopped"), job->timeout);
      else
        g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_CRASHED,
                     _("Graphviz crashed on this graph (%s); your work is safe"),
                     g_strsignal (sig));
      return FALSE;
    }
  int status = g_subprocess_get_exit_status (proc);
  if (status == 0)
    return TRUE;
  g_autofree char *msg = error_text (err);
  if (status == EXIT_SYNTAX && job->import)
    g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_GRAPHVIZ,
                 _("Not a valid DOT file: %s"), *msg ? msg : _("syntax error"));
  else if (status == EXIT_COORDS)
    g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_COORDINATES,
                 _("The layout cannot be drawn: %s"), msg);
  else
    g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_GRAPHVIZ, _("Graphviz failed: %s"),
                 *msg ? msg : _("no message"));
  return FALSE;
}

static void
kill_on_cancel (GCancellable *cancellable, gpointer proc)
{
  g_subprocess_force_exit (proc);
}

/**
 * rwb_layout_helper_run:
 * @job: what to run and how to read its output
 * @input: the helper's stdin
 * @cancellable: (nullable): kills the helper when cancelled
 * @error: return location for a #GError
 *
 * Runs the helper to its end and parses what it printed.
 *
 * Returns: (transfer full) (nullable): the parse function's result
 */
gpointer
rwb_layout_helper_run (const RwbHelperJob *job, GBytes *input, GCancellable *cancellable,
                       GError **error)
{
  g_return_val_if_fail (job != NULL && job->parse != NULL && input != NULL, NULL);
  gpointer result = NULL;
  g_autoptr (GSubprocess) proc = spawn_helper (job->args, error);
  if (proc != NULL)
    {
      gulong handler = cancellable ? g_cancellable_connect (cancellable,
                                                            G_CALLBACK (kill_on_cancel), proc,
                                                            NULL)
                                   : 0;
      g_autoptr (GBytes) out = NULL, err = NULL;
      gboolean ok = g_subprocess_communicate (proc, input, NULL, &out, &err, error);
      if (cancellable)
        g_cancellable_disconnect (cancellable, handler);
      if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      if (!ok)
        g_subprocess_force_exit (proc);
      g_subprocess_wait (proc, NULL, NULL);
      g_autofree char *err_text = bytes_text (err);
      if (ok && check_exit (proc, err_text, job, error))
        result = job->parse (out, err_text, job->parse_data, error);
    }
  if (job->parse_data_free && job->parse_data)
    job->parse_data_free (job->parse_data);
  return result;
}

typedef struct {
  RwbHelperJob job;
  char **args;
  GSubprocess *proc;
  GCancellable *cancellable;
  gulong handler;
  GBytes *out;
  char *err;
} AsyncRun;

static void
async_run_free (AsyncRun *run)
{
  if (run->cancellable)
    {
      g_cancellable_disconnect (run->cancellable, run->handler);
      g_object_unref (run->cancellable);
    }
  if (run->proc)
    {
      /* Whatever happened, the child does not outlive its job. */
      g_subprocess_force_exit (run->proc);
      g_object_unref (run->proc);
    }
  if (run->job.parse_data_free && run->job.parse_data)
    run->job.parse_data_free (run->job.parse_data);
  g_strfreev (run->args);
  g_clear_pointer (&run->out, g_bytes_unref);
  g_free (run->err);
  g_free (run);
}

static void
parse_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AsyncRun *run = task_data;
  GError *error = NULL;
  gpointer result = run->job.parse (run->out, run->err, run->job.parse_data, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, run->job.result_free);
}

static void
communicate_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  AsyncRun *run = g_task_get_task_data (task);
  g_autoptr (GBytes) err = NULL;
  GError *error = NULL;
  if (!g_subprocess_communicate_finish (run->proc, result, &run->out, &err, &error))
    {
      g_subprocess_force_exit (run->proc);
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  /* Both pipes are at EOF: the exit status follows at once. */
  g_subprocess_wait (run->proc, NULL, NULL);
  run->err = bytes_text (err);
  if (!check_exit (run->proc, run->err, &run->job, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Reading a big layout takes a while: not on the caller's (the UI's) thread. */
  g_task_run_in_thread (task, parse_thread);
}

/**
 * rwb_layout_helper_run_async:
 * @job: what to run (copied; its parse_data is taken)
 * @input: the helper's stdin
 * @cancellable: (nullable): kills the helper when cancelled
 * @callback: called in the caller's main context when done
 * @user_data: for @callback
 *
 * Starts the helper from this thread and returns; see rwb_layout_helper_run_finish().
 */
void
rwb_layout_helper_run_async (const RwbHelperJob *job, GBytes *input, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (job != NULL && job->parse != NULL && input != NULL);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rwb_layout_helper_run_async);
  AsyncRun *run = g_new0 (AsyncRun, 1);
  run->job = *job;
  run->args = g_strdupv ((char **) job->args);
  run->job.args = (const char *const *) run->args;
  g_task_set_task_data (task, run, (GDestroyNotify) async_run_free);
  GError *error = NULL;
  run->proc = spawn_helper (run->job.args, &error);
  if (run->proc == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (cancellable)
    {
      run->cancellable = g_object_ref (cancellable);
      run->handler = g_cancellable_connect (cancellable, G_CALLBACK (kill_on_cancel), run->proc,
                                            NULL);
    }
  g_subprocess_communicate_async (run->proc, input, cancellable, communicate_done, task);
}

/**
 * rwb_layout_helper_run_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the parse function's result, or NULL with @error set
 */
gpointer
rwb_layout_helper_run_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rwb_layout_helper_warnings:
 * @err: the helper's stderr
 *
 * Returns: (transfer full) (element-type utf8): the helper's warnings, each without its prefix
 */
GPtrArray *
rwb_layout_helper_warnings (const char *err)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) lines = g_strsplit (err ? err : "", "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], WARNING_PREFIX) && lines[i][strlen (WARNING_PREFIX)])
      g_ptr_array_add (warnings, g_strdup (lines[i] + strlen (WARNING_PREFIX)));
  return warnings;
}
