/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reopen.c — the window killed after edits, and started again without files: the last
 * project is there as it was last written. A child process (this program again) opens a
 * project of two articles in the real window, pastes a third, deletes an entity, merges two,
 * drags a node, makes a change and undoes it, writes down what its window shows, and is killed
 * with SIGKILL (no quit, no close). Then the application starts here with no files, reopens
 * the project from the "last-project" setting, and must show the same articles, entities,
 * corrections, moved node, and redo.
 *
 * Settings go to a keyfile under a temporary XDG_CONFIG_HOME, so they outlive the child as
 * they outlive a real Rawabit. Runs under xvfb-run (see meson.build); every wait has a limit.
 */
#define G_LOG_DOMAIN "rawabit-test-reopen"

#include "rwb-config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "rwb-application.h"
#include "rwb-graph-view-private.h"
#include "rwb-graph-view.h"
#include "rwb-import.h"
#include "rwb-project.h"
#include "rwb-window.h"

#include "gui-test-util.h"

/* Set in the child's environment: the folder of the project and of the state it writes. */
#define CHILD_ENV "RAWABIT_TEST_REOPEN_DIR"

static RwbApplication *app;
static RwbWindow *window;
static char *tmp_dir;
static int status;

static RwbSession *
session (void)
{
  return window_session (window);
}

static RwbGraph *
graph (void)
{
  return rwb_session_get_graph (session ());
}

static gint
find (const char *name)
{
  return rwb_graph_find_entity (graph (), name);
}

static void
run (const char *name)
{
  run_window_action (window, name, NULL);
}

static char *
project_path (void)
{
  return g_build_filename (tmp_dir, "kept.rawabit", NULL);
}

static char *
article (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "project", name, NULL);
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* What the window shows, one fact a line: the articles, the entities, the corrections in
 * force, every moved node's place, what Undo and Redo would do. Lines are sorted, so two
 * windows showing the same thing give the same text. */
static char *
describe (void)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RwbCorrections) corrections = rwb_session_get_corrections (session ());
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < graph ()->documents->len; i++)
    {
      const RwbDocument *doc = g_ptr_array_index (graph ()->documents, i);

      g_ptr_array_add (lines, g_strdup_printf ("article %s %u %s", doc->id, doc->length,
                                               doc->title ? doc->title : "-"));
    }
  for (guint i = 0; i < graph ()->entities->len; i++)
    {
      const RwbEntity *e = g_ptr_array_index (graph ()->entities, i);
      double x, y;

      g_ptr_array_add (lines, g_strdup_printf ("entity %s %s %u", e->name,
                                               rwb_entity_type_to_string (e->type),
                                               e->aliases->len));
      if (rwb_session_get_entity_position (session (), i, &x, &y))
        g_ptr_array_add (lines, g_strdup_printf ("moved %s %.3f %.3f", e->name, x, y));
    }
  for (guint i = 0; i < rwb_corrections_len (corrections); i++)
    {
      g_autofree char *op = rwb_correction_to_json (rwb_corrections_get (corrections, i));

      g_ptr_array_add (lines, g_strdup_printf ("correction %u %s", i, op));
    }
  g_ptr_array_add (lines, g_strdup_printf ("undo %s", rwb_session_get_undo_label (session ())));
  g_ptr_array_add (lines, g_strdup_printf ("redo %s", rwb_session_get_redo_label (session ())));
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

/* ---- the child: edits, then waits to be killed ---- */

static void
test_edit (void)
{
  g_autofree char *path = project_path ();
  g_autofree char *third = article ("en-xiaomi-nova.txt");
  g_autofree char *text = NULL;
  g_autofree char *state = NULL;
  g_autofree char *state_path = g_build_filename (tmp_dir, "state", NULL);
  g_autofree char *ready_path = g_build_filename (tmp_dir, "ready", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  RwbGraphView *view;
  const RwbScene *scene;
  const RwbSceneNode *n;
  RwbViewport vp;
  gint node;

  window = wait_for_sample (app, window);
  g_assert_true (rwb_window_open_project (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for (window_shows_latest, window));
  g_assert_cmpuint (graph ()->documents->len, ==, 2);

  /* A third article, pasted. */
  g_assert_true (g_file_get_contents (third, &text, NULL, &error));
  rwb_window_add_text (window, text);
  g_assert_true (wait_for (window_shows_latest, window));
  g_assert_cmpuint (graph ()->documents->len, ==, 3);

  /* Corrections: a deletion, a merge. */
  rwb_session_select_entity (session (), find ("Jeddah"), FALSE);
  run ("delete");
  g_assert_cmpint (find ("Jeddah"), <, 0);
  rwb_session_select_entity (session (), find ("Savola Group"), FALSE);
  rwb_session_select_entity (session (), find ("Nadec"), TRUE);
  run ("merge");
  g_assert_cmpint (find ("Savola Group"), ==, find ("Nadec"));
  /* A node dragged on the canvas. */
  view = template_child_of (window, RWB_TYPE_WINDOW, "graph_view");
  scene = rwb_session_get_scene (session ());
  node = rwb_scene_find_node (scene, find ("Riyadh"));
  g_assert_cmpint (node, >=, 0);
  n = &g_array_index (scene->nodes, RwbSceneNode, node);
  rwb_graph_view_get_viewport (view, &vp);
  rwb_graph_view_press (view, (n->x - vp.origin_x) * vp.scale, (n->y - vp.origin_y) * vp.scale, 0);
  rwb_graph_view_drag_to (view, 37, 41);
  rwb_graph_view_release (view, 37, 41);
  settle ();
  g_assert_true (wait_for (window_shows_latest, window));

  /* Last, a rename undone: there is something to redo. */
  {
    g_autoptr (RwbCorrection) rename = rwb_correction_new (RWB_CORRECTION_RENAME, "Reuters",
                                                           "Reuters News");

    g_assert_true (rwb_session_correct (session (), rename, &error));
    g_assert_no_error (error);
    g_assert_true (wait_for (window_shows_latest, window));
    g_assert_cmpint (find ("Reuters News"), >=, 0);
  }
  run ("undo");
  g_assert_cmpint (find ("Reuters"), >=, 0);

  state = describe ();
  g_assert_nonnull (strstr (state, "moved Riyadh "));
  g_assert_true (g_file_set_contents (state_path, state, -1, &error));
  g_assert_true (g_file_set_contents (ready_path, "", 0, &error));
  g_assert_no_error (error);
  /* Killed here, the window open, the project not closed. */
  for (;;)
    g_main_context_iteration (NULL, TRUE);
}

/* ---- the parent: a new start, without files ---- */

static gboolean
has_project (gpointer data)
{
  return rwb_session_get_project (session ()) != NULL && window_shows_latest (window);
}

static void
test_after_kill (void)
{
  g_autofree char *state_path = g_build_filename (tmp_dir, "state", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = project_path ();

  g_assert_true (g_file_get_contents (state_path, &before, NULL, NULL));
  window = RWB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_true (wait_for (has_project, NULL));
  g_assert_cmpstr (rwb_project_get_path (rwb_session_get_project (session ())), ==, path);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "kept.rawabit"));
  after = describe ();
  g_test_message ("before the kill and after the new start:\n%s", before);
  g_assert_cmpstr (after, ==, before);
  /* What the lines say, checked once by name. */
  g_assert_cmpuint (graph ()->documents->len, ==, 3);
  g_assert_cmpint (find ("Jeddah"), <, 0);
  g_assert_cmpint (find ("Savola Group"), ==, find ("Nadec"));
  g_assert_true (rwb_session_can_redo (session ()));
  g_assert_cmpstr (rwb_session_get_redo_label (session ()), ==, "Rename");
  g_assert_cmpstr (rwb_session_get_undo_label (session ()), ==, "Move");
  run ("redo");
  g_assert_cmpint (find ("Reuters News"), >=, 0);
}

static void
test_close (void)
{
  g_assert_nonnull (window);
  close_window (app, &window);
}

static gboolean
run_tests (gpointer data)
{
  status = g_test_run ();
  g_application_quit (G_APPLICATION (data));
  return G_SOURCE_REMOVE;
}

static gboolean
exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The child's life: the project opened, edited, and the process killed. Returns FALSE (with
 * a TAP "Bail out") when the child did not get to the point of being killed. */
static gboolean
edit_and_kill (const char *argv0)
{
  g_autofree char *ready = g_build_filename (tmp_dir, "ready", NULL);
  g_autofree char *path = project_path ();
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), CHILD_ENV, tmp_dir, TRUE);
  const char *child_argv[] = { argv0, NULL };
  g_autoptr (GError) error = NULL;
  GPid pid;
  int wstatus = 0;

  {
    g_autofree char *first = article ("ar-xiaomi-nova.txt");
    g_autofree char *second = article ("en-almarai-nadec.txt");
    const char *files[] = { first, second, NULL };
    g_autoptr (RwbLexicon) lexicon = rwb_lexicon_new_default (NULL, &error);
    g_autoptr (RwbProject) project = rwb_project_create (path, &error);
    g_autoptr (GPtrArray) items = NULL;

    g_assert_no_error (error);
    items = rwb_import_files (lexicon, files, 1, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (rwb_project_add_articles (project, items, NULL, &error));
    g_assert_true (rwb_project_close (project, &error));
  }
  if (!g_spawn_async (NULL, (char **) child_argv, env,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid,
                      &error))
    {
      printf ("Bail out! the child did not start: %s\n", error->message);
      return FALSE;
    }
  {
    gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (!exists (ready) && g_get_monotonic_time () < end
           && waitpid (pid, &wstatus, WNOHANG) == 0)
      g_usleep (20000);
  }
  if (!exists (ready))
    {
      printf ("Bail out! the child window did not finish its edits (see its messages above)\n");
      kill (pid, SIGKILL);
      waitpid (pid, &wstatus, 0);
      return FALSE;
    }
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &wstatus, 0), ==, pid);
  g_assert_true (WIFSIGNALED (wstatus) && WTERMSIG (wstatus) == SIGKILL);
  g_spawn_close_pid (pid);
  /* The project was left open: its write-ahead log is still beside it. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_assert_true (exists (wal));
  }
  return TRUE;
}

int
main (int argc, char *argv[])
{
  const char *child_dir = g_getenv (CHILD_ENV);
  char *app_argv[] = { argv[0], NULL };

  if (child_dir == NULL)
    {
      /* Before GLib reads them: settings in a file of our own, as a real start has them. */
      tmp_dir = g_dir_make_tmp ("rawabit-reopen-XXXXXX", NULL);
      g_assert_nonnull (tmp_dir);
      {
        g_autofree char *config = g_build_filename (tmp_dir, "config", NULL);

        g_setenv ("XDG_CONFIG_HOME", config, TRUE);
        g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
      }
    }
  else
    tmp_dir = g_strdup (child_dir);

  gui_test_init (&argc, &argv);

  if (child_dir != NULL)
    {
      g_test_add_func ("/reopen/edit", test_edit);
      app = rwb_application_new ();
      return gui_test_run_app (app, argv[0]);
    }

  if (!edit_and_kill (argv[0]))
    return 1;
  g_test_add_func ("/reopen/after-kill", test_after_kill);
  g_test_add_func ("/reopen/close", test_close);

  /* `rawabit` with no files, as a user starts it again. */
  app = rwb_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app))
                             | G_APPLICATION_NON_UNIQUE);
  g_idle_add (run_tests, app);
  g_application_run (G_APPLICATION (app), 1, app_argv);
  g_assert_finalize_object (app);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);

    g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  }
  return status;
}
