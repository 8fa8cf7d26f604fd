/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-man.c — the manual pages cannot drift from the programs: rawabit-cli(1), rendered by
 * man, names every command `rawabit-cli --help` lists, every project command, every correction
 * operation and every option each command's --help lists; rawabit(1) names every option
 * `rawabit --help-all` lists and every file type the Open dialog offers. Besides, `rawabit
 * --help` names its FILE arguments and no `rawabit-cli COMMAND --help` doubles one.
 *
 * The pages are built only with scdoc (RAWABIT_MAN_DIR is set then); their tests skip without
 * them or without man.
 */
#include <gio/gio.h>
#include <string.h>

/* Runs @argv with @env_extra (NULL-terminated KEY=VALUE pairs, may be NULL) added to the
 * environment; returns its standard output. */
static char *
run (const char *const *argv, const char *const *env_extra, int *status)
{
  g_autoptr (GSubprocessLauncher) launcher
    = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  for (guint i = 0; env_extra && env_extra[i]; i++)
    {
      g_auto (GStrv) kv = g_strsplit (env_extra[i], "=", 2);
      g_subprocess_launcher_setenv (launcher, kv[0], kv[1], TRUE);
    }
  g_autoptr (GSubprocess) proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  if (status)
    *status = g_subprocess_get_exit_status (proc);
  return out;
}

static char *
cli_help (const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  int status = -1;

  g_ptr_array_add (argv, (gpointer) g_getenv ("RAWABIT_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, (gpointer) "--help");
  g_ptr_array_add (argv, NULL);
  /* In English, whatever the machine's language. */
  const char *env[] = { "LANGUAGE=C", "LC_ALL=C.UTF-8", NULL };
  char *out = run ((const char *const *) argv->pdata, env, &status);
  g_assert_cmpint (status, ==, 0);
  return out;
}

/* @page rendered as plain text by man, on lines too long to break (no hyphenation), with the
 * hyphens and minus signs groff prints as U+2010 and U+2212 back to '-'. NULL (and the test
 * skipped) without the page or man. */
static char *
render (const char *page)
{
  const char *dir = g_getenv ("RAWABIT_MAN_DIR");
  g_autofree char *man = g_find_program_in_path ("man");

  if (dir == NULL || *dir == '\0')
    {
      g_test_skip ("the manual pages are not built (no scdoc)");
      return NULL;
    }
  if (man == NULL)
    {
      g_test_skip ("man is not installed");
      return NULL;
    }
  g_autofree char *path = g_build_filename (dir, page, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  const char *argv[] = { man, "-l", path, NULL };
  const char *env[] = { "MANWIDTH=4000", "MANPAGER=cat", "PAGER=cat", "LANGUAGE=C",
                        "LC_ALL=C.UTF-8", "MAN_KEEP_FORMATTING=", NULL };
  int status = -1;
  g_autofree char *out = run (argv, env, &status);
  g_assert_cmpint (status, ==, 0);

  GString *text = g_string_new (NULL);
  for (const char *p = out; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x2010 || c == 0x2011 || c == 0x2212)
        g_string_append_c (text, '-');
      else
        g_string_append_unichar (text, c);
    }
  g_assert_cmpuint (text->len, >, 1000);
  return g_string_free (text, FALSE);
}

/* Whether @text has @word with no letter, digit or '-' on either side. */
static gboolean
has_word (const char *text, const char *word)
{
  gsize n = strlen (word);

  for (const char *p = strstr (text, word); p; p = strstr (p + 1, word))
    {
      gboolean before = p > text && (g_ascii_isalnum (p[-1]) || p[-1] == '-');
      gboolean after = g_ascii_isalnum (p[n]) || p[n] == '-';
      if (!before && !after)
        return TRUE;
    }
  return FALSE;
}

/* Whether a line of @text starts, after its indentation, with @word and a space: a command
 * given its own entry in the page. */
static gboolean
has_entry (const char *text, const char *word)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *l = lines[i];
      while (*l == ' ')
        l++;
      if (g_str_has_prefix (l, word) && (l[strlen (word)] == ' ' || l[strlen (word)] == '\0'))
        return TRUE;
    }
  return FALSE;
}

/* The options (-x and --long) @help lists after "Options:". */
static GPtrArray *
options_of (const char *help)
{
  GPtrArray *options = g_ptr_array_new_with_free_func (g_free);
  const char *listed = strstr (help, "Application Options:");
  g_autoptr (GRegex) option = g_regex_new ("^\\s+(-[a-zA-Z], )?(--[a-z][a-z0-9-]*)", G_REGEX_MULTILINE,
                                           0, NULL);
  g_autoptr (GMatchInfo) match = NULL;

  if (listed == NULL)
    return options;
  g_regex_match (option, listed, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *shortopt = g_match_info_fetch (match, 1);
      if (shortopt != NULL && *shortopt != '\0')
        g_ptr_array_add (options, g_strndup (shortopt, 2));
      g_ptr_array_add (options, g_match_info_fetch (match, 2));
      g_match_info_next (match, NULL);
    }
  return options;
}

/* The words that follow "rawabit-cli PREFIX" in the usage lines of @help, split at '|'. */
static GPtrArray *
commands_of (const char *help, const char *prefix)
{
  GPtrArray *commands = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pattern = g_strdup_printf ("^  %s ([a-z][a-z|]*)", prefix);
  g_autoptr (GRegex) usage = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;

  g_regex_match (usage, help, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *words = g_match_info_fetch (match, 1);
      g_auto (GStrv) split = g_strsplit (words, "|", -1);
      for (guint i = 0; split[i]; i++)
        if (*split[i] && !g_ptr_array_find_with_equal_func (commands, split[i], g_str_equal, NULL))
          g_ptr_array_add (commands, g_strdup (split[i]));
      g_match_info_next (match, NULL);
    }
  return commands;
}

static void
check_options (const char *page, const char *const *command, const char *label)
{
  g_autofree char *help = cli_help (command);
  g_autoptr (GPtrArray) options = options_of (help);

  for (guint i = 0; i < options->len; i++)
    if (!has_word (page, g_ptr_array_index (options, i)))
      g_error ("rawabit-cli(1) does not name %s of %s", (char *) g_ptr_array_index (options, i),
               label);
  g_test_message ("%s: %u options", label, options->len);
}

static void
test_cli_page (void)
{
  g_autofree char *page = render ("rawabit-cli.1");
  if (page == NULL)
    return;

  const char *none[] = { NULL };
  g_autofree char *help = cli_help (none);
  g_autoptr (GPtrArray) commands = commands_of (help, "rawabit-cli");
  /* extract, render, convert, stats, path, project. */
  g_assert_cmpuint (commands->len, >=, 6);
  for (guint i = 0; i < commands->len; i++)
    {
      const char *cmd = g_ptr_array_index (commands, i);
      if (!has_entry (page, cmd))
        g_error ("rawabit-cli(1) has no entry for the command %s", cmd);
      if (g_str_equal (cmd, "project"))
        continue;
      const char *args[] = { cmd, NULL };
      check_options (page, args, cmd);
    }

  const char *project[] = { "project", NULL };
  g_autofree char *project_help = cli_help (project);
  g_autoptr (GPtrArray) subcommands = commands_of (project_help, "rawabit-cli project");
  g_assert_cmpuint (subcommands->len, >=, 13);
  for (guint i = 0; i < subcommands->len; i++)
    {
      const char *sub = g_ptr_array_index (subcommands, i);
      if (!has_entry (page, sub))
        g_error ("rawabit-cli(1) has no entry for project %s", sub);
      const char *args[] = { "project", sub, NULL };
      g_autofree char *label = g_strdup_printf ("project %s", sub);
      check_options (page, args, label);
    }

  /* The operations of project correct, as its usage lists them. */
  const char *operations = strstr (project_help, "OPERATION is one of:");
  g_assert_nonnull (operations);
  g_autoptr (GRegex) option = g_regex_new ("--[a-z][a-z-]*", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  guint n = 0;
  g_regex_match (option, operations, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL), n++)
    {
      g_autofree char *op = g_match_info_fetch (match, 0);
      if (!has_word (page, op))
        g_error ("rawabit-cli(1) does not name the correction %s", op);
    }
  g_assert_cmpuint (n, >=, 12);
}

static void
test_app_page (void)
{
  const char *app = g_getenv ("RAWABIT_APP");
  if (app == NULL || *app == '\0')
    {
      g_test_skip ("the window is not built");
      return;
    }
  g_autofree char *page = render ("rawabit.1");
  if (page == NULL)
    return;

  const char *argv[] = { app, "--help-all", NULL };
  const char *env[] = { "LANGUAGE=C", "LC_ALL=C.UTF-8", NULL };
  int status = -1;
  g_autofree char *help = run (argv, env, &status);
  g_assert_cmpint (status, ==, 0);
  g_autoptr (GRegex) option = g_regex_new ("^\\s+(--[a-z][a-z-]*)", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  guint n = 0;
  g_regex_match (option, help, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL), n++)
    {
      g_autofree char *op = g_match_info_fetch (match, 1);
      if (!has_word (page, op))
        g_error ("rawabit(1) does not name %s", op);
    }
  g_assert_cmpuint (n, >=, 3);

  /* What the Open dialog offers (rwb_window_new_open_filters). */
  static const char *const suffixes[] = { ".txt", ".html", ".htm", ".rawabit", ".gv", ".dot",
                                          ".graphml", ".gexf", ".json" };
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (strstr (page, suffixes[i]) == NULL)
      g_error ("rawabit(1) does not name %s files", suffixes[i]);
  g_assert_true (has_word (page, "rawabit-cli(1)"));
}

/* `rawabit --help` names its FILE arguments and what they may be. */
static void
test_app_help_names_files (void)
{
  const char *app = g_getenv ("RAWABIT_APP");
  if (app == NULL || *app == '\0')
    {
      g_test_skip ("the window is not built");
      return;
    }
  const char *argv[] = { app, "--help", NULL };
  const char *env[] = { "LANGUAGE=C", "LC_ALL=C.UTF-8", NULL };
  int status = -1;
  g_autofree char *help = run (argv, env, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (help, "rawabit [OPTION…] [FILE…]"));
  g_assert_nonnull (strstr (help, "Rawabit projects"));
}

/* The CLI's --help shows each argument once: no "FILE… FILE…" (a summary and a parameter
 * string both naming them). */
static void
test_cli_usage_not_doubled (void)
{
  static const char *const commands[] = { "extract", "render", "convert", "stats", "path" };
  g_autoptr (GRegex) doubled = g_regex_new ("(\\S+…) \\1", 0, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *args[] = { commands[i], NULL };
      g_autofree char *help = cli_help (args);
      g_autofree char *usage_line = g_strdup_printf ("rawabit-cli %s [OPTION…] ", commands[i]);
      g_assert_nonnull (strstr (help, usage_line));
      if (g_regex_match (doubled, help, 0, NULL))
        g_error ("rawabit-cli %s --help doubles an argument:\n%s", commands[i], help);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/man/rawabit-cli", test_cli_page);
  g_test_add_func ("/man/rawabit", test_app_page);
  g_test_add_func ("/man/app-help-names-files", test_app_help_names_files);
  g_test_add_func ("/man/cli-usage-not-doubled", test_cli_usage_not_doubled);
  return g_test_run ();
}
