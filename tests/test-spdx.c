/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-spdx.c — every source file says its licence in an SPDX-License-Identifier line near its
 * top (issue 9): each file under src/ and ui/, the tests' own C files and every meson.build.
 * Data a program reads (articles, lexicons, fuzz corpora) is not source and is not checked.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#define LICENCE "SPDX-License-Identifier: GPL-3.0-or-later"
/* A shebang, or an XML declaration, may come before the licence line. */
#define HEAD_LINES 3

static char *
source_root (void)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", NULL);
}

/* TRUE if one of @path's first HEAD_LINES lines names the licence. */
static gboolean
has_licence (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  const char *p;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s: %s", path, error->message);
  p = text;
  for (int line = 0; line < HEAD_LINES && p != NULL && *p != '\0'; line++)
    {
      const char *end = strchr (p, '\n');
      gsize len = end != NULL ? (gsize) (end - p) : strlen (p);

      if (g_strstr_len (p, len, LICENCE) != NULL)
        return TRUE;
      p = end != NULL ? end + 1 : NULL;
    }
  return FALSE;
}

typedef gboolean (*Wanted) (const char *name);

static gboolean
any_file (const char *name)
{
  (void) name;
  return TRUE;
}

static gboolean
test_source (const char *name)
{
  return g_str_has_suffix (name, ".c") || g_str_has_suffix (name, ".h")
         || strcmp (name, "meson.build") == 0 || g_str_has_suffix (name, ".py")
         || g_str_has_suffix (name, ".sh");
}

/* Adds to @missing every wanted file under @dir (recursively) without the licence line, and
 * counts the files looked at in @checked. @skip names subfolders that hold data. */
static void
walk (const char *dir, Wanted wanted, const char *const *skip, GPtrArray *missing,
      guint *checked)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) d = g_dir_open (dir, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (skip == NULL || !g_strv_contains (skip, name))
            walk (path, wanted, skip, missing, checked);
          continue;
        }
      if (!wanted (name))
        continue;
      (*checked)++;
      if (!has_licence (path))
        g_ptr_array_add (missing, g_steal_pointer (&path));
    }
}

static void
assert_none_missing (GPtrArray *missing, guint checked, guint at_least)
{
  for (guint i = 0; i < missing->len; i++)
    g_test_message ("no \"%s\" line: %s", LICENCE, (char *) g_ptr_array_index (missing, i));
  g_assert_cmpuint (missing->len, ==, 0);
  /* The walk found the tree at all. */
  g_assert_cmpuint (checked, >=, at_least);
}

static void
test_src_and_ui (void)
{
  g_autofree char *root = source_root ();
  g_autofree char *src = g_build_filename (root, "src", NULL);
  g_autofree char *ui = g_build_filename (root, "ui", NULL);
  g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  guint checked = 0;

  walk (src, any_file, NULL, missing, &checked);
  walk (ui, any_file, NULL, missing, &checked);
  assert_none_missing (missing, checked, 100);
}

static void
test_tests_and_build (void)
{
  static const char *const data_dirs[] = { "corpus", "data", NULL };
  static const char *const top_files[] = { "meson.build", "meson_options.txt", NULL };
  g_autofree char *root = source_root ();
  g_autofree char *tests = g_build_filename (root, "tests", NULL);
  g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  guint checked = 0;

  walk (tests, test_source, data_dirs, missing, &checked);
  for (guint i = 0; top_files[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (root, top_files[i], NULL);

      checked++;
      if (!has_licence (path))
        g_ptr_array_add (missing, g_steal_pointer (&path));
    }
  assert_none_missing (missing, checked, 30);
}

/* The check itself finds a file without the line. */
static void
test_detects_missing (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rwb-spdx-XXXXXX", &error);
  g_autofree char *bad = NULL;
  g_autofree char *good = NULL;
  g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  guint checked = 0;

  g_assert_no_error (error);
  bad = g_build_filename (dir, "bad.c", NULL);
  good = g_build_filename (dir, "good.py", NULL);
  g_assert_true (g_file_set_contents (bad, "/* no licence */\n\n\n/* " LICENCE " */\n", -1, NULL));
  g_assert_true (g_file_set_contents (good, "#!/usr/bin/python3\n# " LICENCE "\n", -1, NULL));
  walk (dir, test_source, NULL, missing, &checked);
  g_assert_cmpuint (checked, ==, 2);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==, bad);
  g_remove (bad);
  g_remove (good);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/spdx/src-and-ui", test_src_and_ui);
  g_test_add_func ("/spdx/tests-and-build", test_tests_and_build);
  g_test_add_func ("/spdx/detects-missing", test_detects_missing);
  return g_test_run ();
}
