/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-project-crash.c — a project survives its process: 20 writers killed (SIGKILL) at a
 * random moment mid-write, and a full disk (RLIMIT_FSIZE). After each, the project opens,
 * SQLite finds it whole, and it holds exactly what was committed. */
#define G_LOG_DOMAIN "rawabit-test-crash"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rwb-project.h"

#define KILLS 20

static char *tmp_dir;

static RwbLexicon *
lexicon (void)
{
  static RwbLexicon *lex;
  if (lex == NULL)
    {
      g_autoptr (GError) error = NULL;
      lex = rwb_lexicon_new_default (NULL, &error);
      g_assert_no_error (error);
    }
  return lex;
}

static gint64
count (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_stmt *st = NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  gint64 n = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  sqlite3_close (db);
  return n;
}

/* Opens @path as the app would and checks SQLite finds nothing broken. */
static void
check_whole (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) p = rwb_project_open (path, 0, &error);
  g_assert_no_error (error);
  g_autoptr (RwbGraph) g = rwb_project_load_corrected_graph (p, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g);
  g_autoptr (GPtrArray) history = rwb_project_list_history (p, &error);
  g_assert_no_error (error);
  g_assert_true (rwb_project_close (p, &error));
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_stmt *st = NULL;
  sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &st, NULL);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (st, 0), ==, "ok");
  sqlite3_finalize (st);
  sqlite3_close (db);
}

/* The child: corrections, moves and articles, one transaction each, reporting each commit on
 * @fd. It never returns; the parent kills it. */
static void G_GNUC_NORETURN
writer (const char *path, int fd, guint round)
{
  g_autoptr (GError) error = NULL;
  RwbProject *p = rwb_project_open (path, 0, &error);
  if (p == NULL)
    _exit (3);
  for (guint i = 0;; i++)
    {
      gboolean ok;
      if (i % 4 == 3)
        {
          g_autofree char *text = g_strdup_printf (
            "Round %u article %u\n\nAcme Widgets %u signed a supply deal with Globex Trading in "
            "Muscat, Acme said. Globex is in talks with Initech about a plant in Sohar.\n",
            round, i, i);
          g_autoptr (RwbImportItem) item = rwb_import_text (lexicon (), text, NULL, NULL, NULL,
                                                            NULL, NULL, &error);
          g_autoptr (GPtrArray) items = g_ptr_array_new ();
          g_ptr_array_add (items, item);
          ok = item && rwb_project_add_articles (p, items, NULL, &error);
        }
      else if (i % 4 == 2)
        {
          g_autoptr (GHashTable) moves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                g_free);
          RwbPosition pos = { i, round, TRUE };
          g_hash_table_insert (moves, g_strdup_printf ("node %u %u", round, i),
                               g_memdup2 (&pos, sizeof pos));
          ok = rwb_project_move_nodes (p, moves, NULL, &error);
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("junk %u %u", round, i);
          g_autoptr (RwbCorrection) c = rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY, name,
                                                            NULL);
          ok = rwb_project_correct (p, c, &error) > 0;
        }
      if (!ok)
        _exit (4);
      /* Committed: say so. */
      guint32 done = i + 1;
      if (write (fd, &done, sizeof done) != sizeof done)
        _exit (5);
    }
}

static void
test_kills (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "killed.rawabit", NULL);
  g_autoptr (GError) error = NULL;
  g_object_unref (rwb_project_create (path, &error));
  g_assert_no_error (error);
  lexicon ();
  gint64 history = 0;
  for (guint round = 0; round < KILLS; round++)
    {
      int fds[2];
      g_assert_cmpint (pipe (fds), ==, 0);
      pid_t child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          close (fds[0]);
          writer (path, fds[1], round);
        }
      close (fds[1]);
      /* Let it commit a few times, then kill it at a random moment. */
      guint32 last = 0, n;
      guint want = g_test_rand_int_range (2, 12);
      while (last < want && read (fds[0], &n, sizeof n) == sizeof n)
        last = n;
      g_usleep (g_test_rand_int_range (0, 20000));
      kill (child, SIGKILL);
      int status = 0;
      waitpid (child, &status, 0);
      g_assert_true (WIFSIGNALED (status));
      while (read (fds[0], &n, sizeof n) == sizeof n)
        last = n;
      close (fds[0]);

      check_whole (path);
      /* Every command reported committed is there; at most one more (committed, killed
       * before it could say so). */
      gint64 now = count (path, "SELECT count(*) FROM history");
      g_assert_cmpint (now - history, >=, last);
      g_assert_cmpint (now - history, <=, last + 1);
      g_assert_cmpint (count (path, "SELECT value FROM meta WHERE key = 'history_position'"), ==,
                       now);
      history = now;
    }
  /* The lock died with each writer: open for writing, and undo the last thing done. */
  g_autoptr (RwbProject) p = rwb_project_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_true (rwb_project_undo (p, NULL, &error));
  g_assert_no_error (error);
}

static void
test_full_disk (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "full.rawabit", NULL);
  g_autoptr (GError) error = NULL;
  g_object_unref (rwb_project_create (path, &error));
  g_assert_no_error (error);
  lexicon ();
  pid_t child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      RwbProject *p = rwb_project_open (path, 0, NULL);
      if (p == NULL)
        _exit (3);
      g_autoptr (RwbCorrection) c = rwb_correction_new (RWB_CORRECTION_MERGE, "Acme", "Acme Co");
      if (rwb_project_correct (p, c, NULL) == 0)
        _exit (4);
      /* Files (the project and its write-ahead log) may grow 1 MB past the larger of them;
       * articles of 100 kB, with their rows and search index, soon fill that. */
      signal (SIGXFSZ, SIG_IGN);
      GStatBuf st, wal_st = { 0 };
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_stat (path, &st);
      g_stat (wal, &wal_st);
      rlim_t size = MAX (st.st_size, wal_st.st_size) + 1024 * 1024;
      struct rlimit limit = { size, size };
      setrlimit (RLIMIT_FSIZE, &limit);
      for (guint i = 0; i < 100; i++)
        {
          GString *text = g_string_new (NULL);
          g_string_append_printf (text, "Article %u\n\n", i);
          while (text->len < 100 * 1024)
            g_string_append_printf (text, "Acme Widgets %u signed a deal with Globex in Muscat. ",
                                    (guint) text->len);
          g_autoptr (GError) local = NULL;
          g_autoptr (RwbImportItem) item = rwb_import_text (lexicon (), text->str, NULL, NULL, NULL,
                                                            NULL, NULL, &local);
          g_string_free (text, TRUE);
          g_autoptr (GPtrArray) items = g_ptr_array_new ();
          g_ptr_array_add (items, item);
          if (!rwb_project_add_articles (p, items, NULL, &local))
            {
              gboolean full = g_error_matches (local, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_FULL);
              g_printerr ("%s\n", local->message);
              _exit (full && strstr (local->message, "full.rawabit") ? 10 + MIN (i, 50) : 6);
            }
        }
      _exit (7);
    }
  int status = 0;
  waitpid (child, &status, 0);
  g_assert_true (WIFEXITED (status));
  int code = WEXITSTATUS (status);
  /* Failed cleanly with "the disk is full" or "the file size limit is reached" after at
   * least one article. */
  g_assert_cmpint (code, >=, 11);
  guint added = code - 10;
  check_whole (path);
  /* What committed before the failure is there, and nothing of the article that failed. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM articles"), ==, added);
  g_assert_cmpint (count (path, "SELECT count(*) FROM corrections"), ==, 1);
  g_autoptr (RwbProject) p = rwb_project_open (path, 0, &error);
  g_assert_no_error (error);
  g_autoptr (RwbCorrection) c = rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY, "Globex", NULL);
  g_assert_cmpint (rwb_project_correct (p, c, &error), >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autoptr (GError) error = NULL;
  tmp_dir = g_dir_make_tmp ("rawabit-crash-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/project-crash/kills", test_kills);
  g_test_add_func ("/project-crash/full-disk", test_full_disk);
  int status = g_test_run ();
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  if (system (rm) != 0)
    g_debug ("could not remove %s", tmp_dir);
  return status;
}
