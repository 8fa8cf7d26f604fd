/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-po.c — the translations: every file with marked strings is in po/POTFILES.in, and each
 * catalogue in po/LINGUAS translates every string the sources mark today (nothing missing,
 * nothing fuzzy), with the printf placeholders of the English and the plural forms its
 * language needs.
 *
 * The catalogue is compared with a template extracted from the sources at test time by
 * xgettext with the keywords of po/meson.build (meson's glib preset), so a string added
 * anywhere without its translation fails here even if po/rawabit.pot was not regenerated.
 * The gettext tools are a build dependency; the test skips when they are absent.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

/* The arguments meson's `i18n.gettext(…, preset: 'glib')` gives xgettext. */
static const char *const xgettext_args[] = {
  "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2",
  "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
  "--keyword=g_dpgettext2:2c,3", "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
  "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
  "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
  "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
  "--flag=g_set_error:4:c-format", "--flag=g_markup_printf_escaped:1:c-format",
  "--flag=g_log:3:c-format", "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format",
  "--flag=g_printf:1:c-format", "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format",
  "--flag=g_snprintf:3:c-format",
};

static char *
source_root (void)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", NULL);
}

/* Runs @argv (NULL-terminated) in @cwd; returns its exit status and fills @out and @err. */
static int
run (const char *cwd, const char *const *argv, char **out, char **err)
{
  g_autoptr (GError) error = NULL;
  int status = -1;
  if (!g_spawn_sync (cwd, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err,
                     &status, &error))
    g_error ("could not run %s: %s", argv[0], error->message);
  return g_spawn_check_wait_status (status, NULL) ? 0 : (WIFEXITED (status) ? WEXITSTATUS (status) : -1);
}

static gboolean
have_tools (void)
{
  const char *tools[] = { "xgettext", "msgfmt", "msgcmp", "msgattrib" };
  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);
      if (path == NULL)
        {
          g_autofree char *msg = g_strdup_printf ("%s is not installed", tools[i]);
          g_test_skip (msg);
          return FALSE;
        }
    }
  return TRUE;
}

/* The lines of a po/ list file (POTFILES.in, LINGUAS) that are not comments or blank. */
static GPtrArray *
read_list (const char *name)
{
  g_autofree char *root = source_root ();
  g_autofree char *path = g_build_filename (root, "po", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) split = g_strsplit (text, "\n", -1);
  for (guint i = 0; split[i]; i++)
    {
      char *line = g_strstrip (split[i]);
      if (*line != '\0' && *line != '#')
        g_ptr_array_add (lines, g_strdup (line));
    }
  return lines;
}

static gboolean
in_list (GPtrArray *list, const char *s)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), s))
      return TRUE;
  return FALSE;
}

/* Whether a source file marks strings for translation. */
static gboolean
marks_strings (const char *path)
{
  static GRegex *c_marks, *ui_marks;
  g_autofree char *text = NULL;
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  if (c_marks == NULL)
    {
      c_marks = g_regex_new ("(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|g_dpgettext2)\\s*\\(\\s*"
                             "(\"|GETTEXT_PACKAGE)",
                             G_REGEX_MULTILINE, 0, NULL);
      ui_marks = g_regex_new ("translatable=\"yes\"", 0, 0, NULL);
    }
  if (g_str_has_suffix (path, ".c"))
    return g_regex_match (c_marks, text, 0, NULL);
  return g_regex_match (ui_marks, text, 0, NULL);
}

static void
scan (const char *root, const char *dir, GPtrArray *found)
{
  g_autofree char *full = g_build_filename (root, dir, NULL);
  g_autoptr (GDir) d = g_dir_open (full, 0, NULL);
  const char *name;
  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *rel = g_build_filename (dir, name, NULL);
      g_autofree char *path = g_build_filename (root, rel, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        scan (root, rel, found);
      else if ((g_str_has_suffix (name, ".c") || g_str_has_suffix (name, ".ui"))
               && marks_strings (path))
        g_ptr_array_add (found, g_steal_pointer (&rel));
    }
}

/* Every C file and template that marks strings is listed, and every listed file exists. */
static void
test_potfiles (void)
{
  g_autofree char *root = source_root ();
  g_autoptr (GPtrArray) listed = read_list ("POTFILES.in");
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  scan (root, "src", found);
  scan (root, "ui", found);
  g_assert_cmpuint (found->len, >, 10);
  for (guint i = 0; i < found->len; i++)
    if (!in_list (listed, g_ptr_array_index (found, i)))
      g_error ("%s marks strings for translation but is not in po/POTFILES.in",
               (char *) g_ptr_array_index (found, i));
  for (guint i = 0; i < listed->len; i++)
    {
      g_autofree char *path = g_build_filename (root, g_ptr_array_index (listed, i), NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_error ("po/POTFILES.in lists %s, which does not exist", (char *) g_ptr_array_index (listed, i));
    }
  /* Sorted, as the comment at its top promises. */
  for (guint i = 1; i < listed->len; i++)
    g_assert_cmpstr (g_ptr_array_index (listed, i - 1), <, g_ptr_array_index (listed, i));
}

/* The template of what the sources mark today, in a temporary folder. */
static char *
extract_template (const char *tmpdir)
{
  g_autofree char *root = source_root ();
  g_autofree char *potfiles = g_build_filename (root, "po", "POTFILES.in", NULL);
  g_autofree char *pot = g_build_filename (tmpdir, "rawabit.pot", NULL);
  g_autofree char *files_from = g_strconcat ("--files-from=", potfiles, NULL);
  g_autofree char *output = g_strconcat ("--output=", pot, NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (char *) "xgettext");
  for (guint i = 0; i < G_N_ELEMENTS (xgettext_args); i++)
    g_ptr_array_add (argv, (char *) xgettext_args[i]);
  g_ptr_array_add (argv, (char *) "--package-name=rawabit");
  g_ptr_array_add (argv, files_from);
  g_ptr_array_add (argv, output);
  g_ptr_array_add (argv, NULL);
  g_autofree char *out = NULL, *err = NULL;
  int status = run (root, (const char *const *) argv->pdata, &out, &err);
  if (status != 0)
    g_error ("xgettext failed (%d): %s", status, err);
  g_assert_true (g_file_test (pot, G_FILE_TEST_EXISTS));
  return g_steal_pointer (&pot);
}

/* A tool's report, a line at a time as TAP comments, and the test failed (g_error would print
 * the lines after the first bare, which TAP readers reject). */
static void
fail_with_report (const char *what, const char *report)
{
  g_auto (GStrv) lines = g_strsplit (report != NULL ? report : "", "\n", -1);
  g_test_message ("%s", what);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_test_message ("  %s", lines[i]);
  g_test_fail ();
}

static void
test_catalogues (void)
{
  if (!have_tools ())
    return;
  g_autofree char *root = source_root ();
  g_autoptr (GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("rawabit-po-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *pot = extract_template (tmpdir);
  g_autoptr (GPtrArray) linguas = read_list ("LINGUAS");
  g_assert_true (in_list (linguas, "ar"));

  for (guint i = 0; i < linguas->len; i++)
    {
      const char *lang = g_ptr_array_index (linguas, i);
      g_autofree char *name = g_strconcat (lang, ".po", NULL);
      g_autofree char *po = g_build_filename (root, "po", name, NULL);
      g_autofree char *out = NULL, *err = NULL;
      g_test_message ("%s", po);

      /* Every msgid of the template has a translation that is neither empty nor fuzzy
       * (msgcmp ignores both unless told to use them). */
      const char *cmp[] = { "msgcmp", po, pot, NULL };
      if (run (NULL, cmp, &out, &err) != 0)
        {
          g_autofree char *what = g_strdup_printf ("%s lacks translations of strings the sources mark:", name);
          fail_with_report (what, err);
          continue;
        }
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      /* No fuzzy entries at all, not even ones the sources no longer use. */
      const char *fuzzy[] = { "msgattrib", "--only-fuzzy", "--no-obsolete", po, NULL };
      g_assert_cmpint (run (NULL, fuzzy, &out, &err), ==, 0);
      if (out != NULL && *out != '\0')
        g_error ("%s has fuzzy entries:\n%s", name, out);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      /* The placeholders of each c-format translation are those of the English (msgfmt
       * accepts dropping the number only in a plural form used for one number), the header
       * is complete and the plural expression matches nplurals. */
      g_autofree char *mo = g_build_filename (tmpdir, "check.mo", NULL);
      const char *check[] = { "msgfmt", "--check", "--check-accelerators=_", "-o", mo, po, NULL };
      if (run (NULL, check, &out, &err) != 0)
        {
          g_autofree char *what = g_strdup_printf ("msgfmt --check %s:", name);
          fail_with_report (what, err);
          continue;
        }
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_remove (mo);

      g_autofree char *text = NULL;
      g_assert_true (g_file_get_contents (po, &text, NULL, NULL));
      if (g_str_equal (lang, "ar"))
        /* Arabic has six plural forms: zero, one, two, few (3–10), many (11–99), other. */
        g_assert_nonnull (strstr (text, "\"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : "
                                        "n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : "
                                        "5;\\n\""));
    }
  g_remove (pot);
  g_rmdir (tmpdir);
}

/* A translation that loses a placeholder fails: the check above is not vacuous. */
static void
test_check_catches_placeholders (void)
{
  if (!have_tools ())
    return;
  g_autoptr (GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("rawabit-po-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *po = g_build_filename (tmpdir, "bad.po", NULL);
  g_autofree char *mo = g_build_filename (tmpdir, "bad.mo", NULL);
  const char *text = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                     "\"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
                     "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\\n\"\n\n"
                     "#, c-format\nmsgid \"Could not write %s: %s\"\nmsgstr \"تعذّرت الكتابة: %s\"\n";
  g_assert_true (g_file_set_contents (po, text, -1, NULL));
  const char *check[] = { "msgfmt", "--check", "-o", mo, po, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run (NULL, check, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "format specifications"));
  g_remove (po);
  g_remove (mo);
  g_rmdir (tmpdir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/po/potfiles", test_potfiles);
  g_test_add_func ("/po/catalogues", test_catalogues);
  g_test_add_func ("/po/check-catches-placeholders", test_check_catches_placeholders);
  return g_test_run ();
}
