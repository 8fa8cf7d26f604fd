/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-desktop.c — the file types Rawabit claims: the built desktop file's MimeType= lists
 * exactly the project, Graphviz, GraphML, GEXF and Rawabit JSON types (never text/plain or
 * application/json, which would make it the handler of every text and JSON file), each type of
 * ours is declared in the shared-mime-info package, and a mime database built from that package
 * (update-mime-database; skipped without it) tells those files from their names and contents.
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#define APP_ID "io.github.rawabit.Rawabit"

static const char *const claimed[] = {
  "application/x-rawabit", "text/vnd.graphviz", "application/graphml+xml",
  "application/x-gexf+xml", "application/x-rawabit-graph+json",
};

/* Set in main() when the temporary mime database was built. */
static char *mime_home;

static char *
mime_package_path (void)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", APP_ID ".mime.xml", NULL);
}

static void
test_desktop_mime_types (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "data",
                                            APP_ID ".desktop", NULL);
  g_autoptr (GKeyFile) keys = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  gsize n = 0;

  g_assert_true (g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  g_auto (GStrv) types = g_key_file_get_string_list (keys, G_KEY_FILE_DESKTOP_GROUP,
                                                     G_KEY_FILE_DESKTOP_KEY_MIME_TYPE, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (claimed));
  for (guint i = 0; i < G_N_ELEMENTS (claimed); i++)
    if (!g_strv_contains ((const char *const *) types, claimed[i]))
      g_error ("MimeType= lacks %s", claimed[i]);
  g_assert_false (g_strv_contains ((const char *const *) types, "text/plain"));
  g_assert_false (g_strv_contains ((const char *const *) types, "application/json"));

  /* %F: the app takes several files. */
  g_autofree char *exec = g_key_file_get_string (keys, G_KEY_FILE_DESKTOP_GROUP,
                                                 G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, "rawabit %F");
}

/* Every type the desktop file claims is ours to declare, except Graphviz's, which
 * shared-mime-info has. */
static void
test_package_declares_types (void)
{
  g_autofree char *path = mime_package_path ();
  g_autofree char *xml = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &xml, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (claimed); i++)
    {
      g_autofree char *decl = g_strdup_printf ("<mime-type type=\"%s\">", claimed[i]);
      g_assert_cmpint (strstr (xml, decl) != NULL, ==, !g_str_equal (claimed[i], "text/vnd.graphviz"));
    }
}

/* With the package installed in a database of its own, GIO names each file's type. */
static void
test_guess (void)
{
  static const struct {
    const char *name;
    const char *data;
    const char *type;
  } cases[] = {
    { "graph.gexf", "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">",
      "application/x-gexf+xml" },
    { "graph.graphml", "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">",
      "application/graphml+xml" },
    { "work.rawabit", NULL, "application/x-rawabit" },
    { "graph.rawabit.json", NULL, "application/x-rawabit-graph+json" },
    /* By content alone: the root element of a GEXF 1.2 file, the JSON's format tag. */
    { NULL, "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">"
            "<graph/></gexf>", "application/x-gexf+xml" },
    { NULL, "{\"format\": \"rawabit-graph\", \"version\": 1}", "application/x-rawabit-graph+json" },
    /* What Rawabit does not claim stays what it was. */
    { "notes.txt", NULL, "text/plain" },
    { "data.json", NULL, "application/json" },
  };

  if (mime_home == NULL)
    {
      g_test_skip ("update-mime-database is not installed");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *data = cases[i].data;
      g_autofree char *type = g_content_type_guess (cases[i].name, (const guchar *) data,
                                                    data ? strlen (data) : 0, NULL);
      g_test_message ("%s → %s", cases[i].name ? cases[i].name : data, type);
      g_assert_cmpstr (type, ==, cases[i].type);
    }
}

/* Builds <tmp>/mime from the package and the system's own types, before GIO reads any. */
static char *
build_mime_database (void)
{
  g_autofree char *tool = g_find_program_in_path ("update-mime-database");
  g_autofree char *package = mime_package_path ();
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = NULL;
  gsize len = 0;
  int status = 0;

  if (tool == NULL)
    return NULL;
  char *home = g_dir_make_tmp ("rawabit-mime-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *mime = g_build_filename (home, "mime", NULL);
  g_autofree char *packages = g_build_filename (mime, "packages", NULL);
  g_autofree char *copy = g_build_filename (packages, APP_ID ".xml", NULL);
  g_assert_cmpint (g_mkdir_with_parents (packages, 0700), ==, 0);
  g_assert_true (g_file_get_contents (package, &xml, &len, &error));
  g_assert_true (g_file_set_contents (copy, xml, len, &error));
  g_assert_no_error (error);

  const char *argv[] = { tool, mime, NULL };
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL
                               | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return home;
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  int status;

  mime_home = build_mime_database ();
  if (mime_home != NULL)
    {
      /* The user's database is ours alone; GIO reads the system's too (XDG_DATA_DIRS) for the
       * types ours build on (XML, JSON, Graphviz, text). */
      g_setenv ("XDG_DATA_HOME", mime_home, TRUE);
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/desktop/mime-types", test_desktop_mime_types);
  g_test_add_func ("/desktop/package-declares-types", test_package_declares_types);
  g_test_add_func ("/desktop/guess", test_guess);
  status = g_test_run ();

  if (mime_home != NULL)
    remove_tree (mime_home);
  g_free (mime_home);
  return status;
}
