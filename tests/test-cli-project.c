/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-project.c — `rawabit-cli project …` run as a user would, and render/convert with a
 * project as input. */
#define G_LOG_DOMAIN "rawabit-test-cli-project"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rwb-project.h"

static char *tmp_dir;

static int
run_cli (const char *const *args, char **out, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) g_getenv ("RAWABIT_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, tmp_dir);
  g_autoptr (GSubprocess) proc = g_subprocess_launcher_spawnv (launcher,
                                                               (const char *const *) argv->pdata,
                                                               &error);
  g_assert_no_error (error);
  g_autofree char *o = NULL, *e = NULL;
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &o, &e, &error));
  g_assert_no_error (error);
  if (out)
    *out = g_steal_pointer (&o);
  if (err)
    *err = g_steal_pointer (&e);
  return g_subprocess_get_exit_status (proc);
}

/* Exit status @status with exactly one line on stderr that contains @what. */
static void
assert_fails (const char *const *args, int status, const char *what)
{
  g_autofree char *err = NULL;
  int got = run_cli (args, NULL, &err);
  if (got != status || strstr (err, what) == NULL || strchr (err, '\n') != err + strlen (err) - 1)
    g_error ("%s %s: exit %d, stderr «%s» (wanted %d and «%s»)", args[0], args[1], got, err,
             status, what);
}

static char *
articles_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "project", NULL);
}

static void
new_project (const char *name, const char *jobs)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_unlink (path);
  g_autofree char *dir = articles_dir ();
  g_assert_cmpint (run_cli ((const char *[]) { "project", "create", name, NULL }, NULL, NULL), ==,
                   0);
  g_assert_cmpint (run_cli ((const char *[]) { "project", "add", "--jobs", jobs, name, dir, NULL },
                            NULL, NULL), ==, 0);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static gboolean
has_entity (const char *json, const char *name)
{
  g_autoptr (JsonNode) root = parse_json (json);
  JsonArray *ents = json_object_get_array_member (json_node_get_object (root), "entities");
  for (guint i = 0; i < json_array_get_length (ents); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (ents, i),
                                                    "name"), name))
      return TRUE;
  return FALSE;
}

static char *
export_json (const char *project)
{
  g_autofree char *out = NULL;
  g_assert_cmpint (run_cli ((const char *[]) { "project", "export", "--format", "json", "-o", "-",
                                               project, NULL }, &out, NULL), ==, 0);
  return g_steal_pointer (&out);
}

static void
test_create_add_list (void)
{
  new_project ("p.rawabit", "2");
  assert_fails ((const char *[]) { "project", "create", "p.rawabit", NULL }, 1, "already exists");
  g_autofree char *out = NULL;
  g_assert_cmpint (run_cli ((const char *[]) { "project", "list", "p.rawabit", NULL }, &out, NULL),
                   ==, 0);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5); /* header, 3 articles, "" */
  g_assert_true (g_str_has_prefix (lines[1], "1\t2024-03-18\t"));
  g_assert_true (g_str_has_prefix (lines[3], "3\t2024-04-02\t6\t"));
  g_autofree char *json = NULL;
  g_assert_cmpint (run_cli ((const char *[]) { "project", "list", "--json", "p.rawabit", NULL },
                            &json, NULL), ==, 0);
  g_autoptr (JsonNode) root = parse_json (json);
  JsonArray *a = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (a), ==, 3);
  JsonObject *second = json_array_get_object_element (a, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "date"), ==, "2024-03-20");
  g_assert_cmpstr (json_object_get_string_member (second, "date_source"), ==, "text");
  g_assert_cmpint (json_object_get_int_member (second, "entities"), ==, 9);

  /* The same folder again adds nothing. */
  g_autofree char *dir = articles_dir ();
  g_assert_cmpint (run_cli ((const char *[]) { "project", "add", "p.rawabit", dir, NULL }, NULL,
                            NULL), ==, 0);
  g_autofree char *again = NULL;
  run_cli ((const char *[]) { "project", "list", "p.rawabit", NULL }, &again, NULL);
  g_assert_cmpstr (again, ==, out);

  /* A missing file, a file that is no article: one line each, nothing half done. */
  assert_fails ((const char *[]) { "project", "add", "p.rawabit", "nonexistent.txt", NULL }, 1,
                "nonexistent.txt: no such file or folder");
  g_autofree char *bin = g_build_filename (tmp_dir, "binary.txt", NULL);
  g_assert_true (g_file_set_contents (bin, "PNG\0\0\0", 6, NULL));
  assert_fails ((const char *[]) { "project", "add", "p.rawabit", "binary.txt", NULL }, 1,
                "binary.txt");
  assert_fails ((const char *[]) { "project", "list", "binary.txt", NULL }, 1,
                "is not a Rawabit project");
  assert_fails ((const char *[]) { "project", "frobnicate", "p.rawabit", NULL }, 2,
                "unknown project command");
  assert_fails ((const char *[]) { "project", "list", NULL }, 2, "needs a project file");
}

static void
test_deterministic_across_threads (void)
{
  new_project ("one.rawabit", "1");
  new_project ("two.rawabit", "2");
  g_autofree char *a = export_json ("one.rawabit");
  g_autofree char *b = export_json ("two.rawabit");
  g_assert_cmpstr (a, ==, b);
}

/* A project exported to Rawabit JSON carries its articles' text: added to a new project, the
 * JSON gives the same articles (titles, dates, sources, text) and, extracted again with the
 * same rules, the same graph, byte for byte. A graph without text, or not JSON, is refused. */
static void
test_json_round_trip (void)
{
  new_project ("from.rawabit", "1");
  g_autofree char *json = g_build_filename (tmp_dir, "from.json", NULL);
  g_unlink (json);
  g_assert_cmpint (run_cli ((const char *[]) { "project", "export", "-o", "from.json",
                                               "from.rawabit", NULL }, NULL, NULL), ==, 0);
  g_autofree char *to = g_build_filename (tmp_dir, "to.rawabit", NULL);
  g_unlink (to);
  g_assert_cmpint (run_cli ((const char *[]) { "project", "create", "to.rawabit", NULL }, NULL,
                            NULL), ==, 0);
  g_assert_cmpint (run_cli ((const char *[]) { "project", "add", "to.rawabit", "from.json",
                                               NULL }, NULL, NULL), ==, 0);
  g_autofree char *list_from = NULL;
  g_autofree char *list_to = NULL;
  g_assert_cmpint (run_cli ((const char *[]) { "project", "list", "from.rawabit", NULL },
                            &list_from, NULL), ==, 0);
  g_assert_cmpint (run_cli ((const char *[]) { "project", "list", "to.rawabit", NULL }, &list_to,
                            NULL), ==, 0);
  g_assert_nonnull (strstr (list_to, "2024-03-20"));
  g_assert_nonnull (strstr (list_to, "Almarai agrees to supply Nadec with milk powder"));
  g_assert_cmpstr (list_to, ==, list_from);
  g_autofree char *a = export_json ("from.rawabit");
  g_autofree char *b = export_json ("to.rawabit");
  g_assert_nonnull (strstr (b, "\"text\""));
  g_assert_cmpstr (b, ==, a);
  /* Searchable: the text went into the index. */
  g_autofree char *hits = NULL;
  g_assert_cmpint (run_cli ((const char *[]) { "project", "search", "to.rawabit", "powder",
                                               NULL }, &hits, NULL), ==, 0);
  g_assert_nonnull (strstr (hits, "milk powder"));
  /* Added again: the same articles, nothing new. */
  g_assert_cmpint (run_cli ((const char *[]) { "project", "add", "to.rawabit", "from.json",
                                               NULL }, NULL, NULL), ==, 0);
  g_autofree char *again = NULL;
  g_assert_cmpint (run_cli ((const char *[]) { "project", "list", "to.rawabit", NULL }, &again,
                            NULL), ==, 0);
  g_assert_cmpstr (again, ==, list_from);

  g_autofree char *bare = g_build_filename (tmp_dir, "bare.json", NULL);
  g_assert_true (g_file_set_contents (bare, "{\"format\":\"rawabit-graph\",\"version\":1,"
                                            "\"documents\":[{\"id\":\"d0\",\"length\":4}],"
                                            "\"entities\":[]}", -1, NULL));
  assert_fails ((const char *[]) { "project", "add", "to.rawabit", "bare.json", NULL }, 1,
                "document “d0” has no text");
  assert_fails ((const char *[]) { "project", "add", "to.rawabit", "from.rawabit", NULL }, 1,
                "not an article");
}

static void
test_correct_undo (void)
{
  new_project ("c.rawabit", "2");
  g_autofree char *before = export_json ("c.rawabit");
  g_assert_true (has_entity (before, "نوفا"));
  g_autofree char *id = NULL;
  g_assert_cmpint (run_cli ((const char *[]) { "project", "correct", "c.rawabit", "--merge",
                                               "Nova Electronics", "نوفا", NULL }, &id, NULL), ==, 0);
  g_assert_cmpstr (id, ==, "1\n");
  g_assert_cmpint (run_cli ((const char *[]) { "project", "correct", "c.rawabit", "--reject",
                                               "QALAM MARKETS DESK", NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (run_cli ((const char *[]) { "project", "correct", "c.rawabit", "--reverse",
                                               "Nova Electronics", "Xiaomi", "manufacturing", NULL },
                            NULL, NULL), ==, 0);
  g_autofree char *after = export_json ("c.rawabit");
  g_assert_false (has_entity (after, "نوفا"));
  g_assert_false (has_entity (after, "Qalam Markets Desk"));

  /* A name no article has: kept, with a warning. */
  g_autofree char *err = NULL;
  g_assert_cmpint (run_cli ((const char *[]) { "project", "correct", "c.rawabit", "--reject",
                                               "Nobody Inc", NULL }, NULL, &err), ==, 0);
  g_assert_nonnull (strstr (err, "changes nothing"));
  g_autofree char *list = NULL;
  g_assert_cmpint (run_cli ((const char *[]) { "project", "corrections", "c.rawabit", NULL }, &list,
                            NULL), ==, 0);
  g_assert_nonnull (strstr (list, "1\tMerge “نوفا” into “Nova Electronics”\n"));
  g_assert_nonnull (strstr (list, "4\tDelete “Nobody Inc”\t(changes nothing so far)\n"));

  /* Undo, redo, withdraw. */
  g_autofree char *undid = NULL;
  g_assert_cmpint (run_cli ((const char *[]) { "project", "undo", "c.rawabit", NULL }, &undid,
                            NULL), ==, 0);
  g_assert_cmpstr (undid, ==, "Undid Delete Entity\n");
  g_assert_cmpint (run_cli ((const char *[]) { "project", "undo", "c.rawabit", NULL }, NULL, NULL),
                   ==, 0);
  g_assert_cmpint (run_cli ((const char *[]) { "project", "undo", "c.rawabit", NULL }, NULL, NULL),
                   ==, 0);
  g_autofree char *undone = export_json ("c.rawabit");
  g_assert_true (has_entity (undone, "Qalam Markets Desk"));
  g_assert_false (has_entity (undone, "نوفا"));
  g_autofree char *redid = NULL;
  g_assert_cmpint (run_cli ((const char *[]) { "project", "redo", "c.rawabit", NULL }, &redid,
                            NULL), ==, 0);
  g_assert_cmpstr (redid, ==, "Redid Delete Entity\n");
  g_assert_cmpint (run_cli ((const char *[]) { "project", "correct", "c.rawabit", "--withdraw", "1",
                                               NULL }, NULL, NULL), ==, 0);
  g_autofree char *withdrawn = export_json ("c.rawabit");
  g_assert_true (has_entity (withdrawn, "نوفا"));
  g_autofree char *history = NULL;
  g_assert_cmpint (run_cli ((const char *[]) { "project", "history", "c.rawabit", NULL }, &history,
                            NULL), ==, 0);
  g_assert_nonnull (strstr (history, "\twithdraw\tWithdraw Correction\n"));

  /* Usage errors. */
  assert_fails ((const char *[]) { "project", "correct", "c.rawabit", "--merge", "A", NULL }, 2,
                "--merge takes 2 arguments");
  assert_fails ((const char *[]) { "project", "correct", "c.rawabit", "--retype", "Nadec",
                                   "planet", NULL }, 2, "is not an entity type");
  assert_fails ((const char *[]) { "project", "correct", "c.rawabit", "--explode", "A", NULL }, 2,
                "unknown operation");
  assert_fails ((const char *[]) { "project", "correct", "c.rawabit", "--rename", "Nadec", " ",
                                   NULL }, 1, "rename needs two names");
  assert_fails ((const char *[]) { "project", "correct", "c.rawabit", "--withdraw", "99", NULL },
                1, "no correction 99");
}

static void
test_search_remove_date_export (void)
{
  new_project ("s.rawabit", "2");
  g_autofree char *hits = NULL;
  g_assert_cmpint (run_cli ((const char *[]) { "project", "search", "s.rawabit", "شاومى", NULL },
                            &hits, NULL), ==, 0);
  g_auto (GStrv) lines = g_strsplit (hits, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_true (g_str_has_prefix (lines[0], "1\t"));

  /* As of 19 March only the Arabic article is known. */
  g_assert_cmpint (run_cli ((const char *[]) { "project", "export", "--as-of", "19 March 2024", "-o",
                                               "early.json", "s.rawabit", NULL }, NULL, NULL), ==, 0);
  g_autofree char *path = g_build_filename (tmp_dir, "early.json", NULL);
  g_autofree char *early = NULL;
  g_assert_true (g_file_get_contents (path, &early, NULL, NULL));
  g_assert_false (has_entity (early, "Nadec"));
  g_assert_true (has_entity (early, "Xiaomi"));
  assert_fails ((const char *[]) { "project", "export", "--as-of", "soon", "-o", "x.json",
                                   "s.rawabit", NULL }, 2, "--as-of needs a date");

  /* Dating the Almarai article earlier brings Nadec in. */
  g_assert_cmpint (run_cli ((const char *[]) { "project", "date", "s.rawabit", "2", "2024-03-01",
                                               NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (run_cli ((const char *[]) { "project", "export", "--as-of", "2024-03-19", "-o",
                                               "early.json", "s.rawabit", NULL }, NULL, NULL), ==, 0);
  g_autofree char *early2 = NULL;
  g_assert_true (g_file_get_contents (path, &early2, NULL, NULL));
  g_assert_true (has_entity (early2, "Nadec"));
  assert_fails ((const char *[]) { "project", "date", "s.rawabit", "2", "31 February 2024", NULL },
                2, "the date must be");
  assert_fails ((const char *[]) { "project", "date", "s.rawabit", "42", "2024-01-01", NULL }, 1,
                "there is no article 42");

  /* Remove the Almarai article: Savola goes; undo brings it back. */
  g_assert_cmpint (run_cli ((const char *[]) { "project", "remove", "s.rawabit", "2", NULL }, NULL,
                            NULL), ==, 0);
  g_autofree char *removed = export_json ("s.rawabit");
  g_assert_false (has_entity (removed, "Savola Group"));
  g_assert_cmpint (run_cli ((const char *[]) { "project", "undo", "s.rawabit", NULL }, NULL, NULL),
                   ==, 0);
  g_autofree char *back = export_json ("s.rawabit");
  g_assert_true (has_entity (back, "Savola Group"));

  /* Other formats, and render/convert with a project as input. */
  g_assert_cmpint (run_cli ((const char *[]) { "project", "export", "-o", "s.graphml", "s.rawabit",
                                               NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (run_cli ((const char *[]) { "project", "export", "-o", "csv/", "--format",
                                               "csv", "s.rawabit", NULL }, NULL, NULL), ==, 0);
  g_autofree char *nodes = g_build_filename (tmp_dir, "csv", "nodes.csv", NULL);
  g_assert_true (g_file_test (nodes, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_cli ((const char *[]) { "convert", "-o", "c.gv", "s.rawabit", NULL }, NULL,
                            NULL), ==, 0);
  g_assert_cmpint (run_cli ((const char *[]) { "render", "-o", "s.png", "s.rawabit", NULL }, NULL,
                            NULL), ==, 0);
  g_autofree char *png = g_build_filename (tmp_dir, "s.png", NULL);
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  assert_fails ((const char *[]) { "render", "-o", "x.png", "s.rawabit", "s.graphml", NULL }, 1,
                "cannot be combined");
  assert_fails ((const char *[]) { "convert", "-o", "x.json", "missing.rawabit", NULL }, 1,
                "missing.rawabit: no such project");
  /* The sqlite3 shell reads it. */
  g_autofree char *db = g_build_filename (tmp_dir, "s.rawabit", NULL);
  g_autofree char *cmd = g_strdup_printf ("sqlite3 '%s' 'SELECT count(*) FROM articles'", db);
  g_autofree char *count = NULL;
  g_autofree char *shell = g_find_program_in_path ("sqlite3");
  if (shell && g_spawn_command_line_sync (cmd, &count, NULL, NULL, NULL))
    g_assert_cmpstr (count, ==, "3\n");
}

static void
test_locked (void)
{
  new_project ("l.rawabit", "2");
  g_autofree char *path = g_build_filename (tmp_dir, "l.rawabit", NULL);
  g_autoptr (GError) error = NULL;
  /* This process has it open, as a window would. */
  g_autoptr (RwbProject) held = rwb_project_open (path, 0, &error);
  g_assert_no_error (error);
  g_autofree char *pid = g_strdup_printf ("(process %d)", (int) getpid ());
  assert_fails ((const char *[]) { "project", "correct", "l.rawabit", "--reject", "Nadec", NULL },
                1, pid);
  assert_fails ((const char *[]) { "project", "add", "l.rawabit", "l.rawabit", NULL }, 1,
                "is open in another Rawabit window or program");
  /* Reading while it is open works. */
  g_assert_cmpint (run_cli ((const char *[]) { "project", "list", "l.rawabit", NULL }, NULL, NULL),
                   ==, 0);
  g_assert_cmpint (run_cli ((const char *[]) { "render", "-o", "l.png", "l.rawabit", NULL }, NULL,
                            NULL), ==, 0);
  g_clear_object (&held);
  g_assert_cmpint (run_cli ((const char *[]) { "project", "correct", "l.rawabit", "--reject",
                                               "Nadec", NULL }, NULL, NULL), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autoptr (GError) error = NULL;
  tmp_dir = g_dir_make_tmp ("rawabit-cli-project-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/cli-project/create-add-list", test_create_add_list);
  g_test_add_func ("/cli-project/deterministic", test_deterministic_across_threads);
  g_test_add_func ("/cli-project/json-round-trip", test_json_round_trip);
  g_test_add_func ("/cli-project/correct-undo", test_correct_undo);
  g_test_add_func ("/cli-project/search-remove-date-export", test_search_remove_date_export);
  g_test_add_func ("/cli-project/locked", test_locked);
  int status = g_test_run ();
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  if (system (rm) != 0)
    g_debug ("could not remove %s", tmp_dir);
  return status;
}
