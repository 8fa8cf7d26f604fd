/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-robust.c — bad input and failed saves, in the core and through rawabit-cli: every case
 * ends in a clear message (or a documented empty result), never a crash or a hang, and what
 * was there before (the output file, the graph) stays as it was.
 *
 * Reading DOT attributes that name other files (image, shapefile, …) is covered by the
 * canary cases of test-dot.c; cancelling an asynchronous layout by test-layout.c.
 */
#define G_LOG_DOMAIN "rawabit-test-robust"

#include <glib/gstdio.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rwb-dot.h"
#include "rwb-extract.h"
#include "rwb-formats.h"
#include "rwb-json.h"
#include "rwb-layout.h"
#include "rwb-render.h"
#include "rwb-text.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
write_tmp (const char *name, const char *data, gssize length)
{
  g_autoptr (GError) error = NULL;
  char *path = tmp_path (name);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

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

/* Runs rawabit-cli with @args; returns its exit status, stdout and stderr. */
static int
run_cli (const char *const *args, char **out, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_ptr_array_add (argv, (gpointer) g_getenv ("RAWABIT_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_autoptr (GSubprocess) proc = g_subprocess_newv ((const char *const *) argv->pdata,
                                                    G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                    | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_autofree char *o = NULL, *e = NULL;
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &o, &e, &error));
  g_assert_no_error (error);
  g_test_message ("rawabit-cli %s: status %d, stderr: %s", args[0],
                  g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1,
                  e);
  /* A crash is never an answer. */
  g_assert_true (g_subprocess_get_if_exited (proc));
  if (out)
    *out = g_steal_pointer (&o);
  if (err)
    *err = g_steal_pointer (&e);
  return g_subprocess_get_exit_status (proc);
}

static void
assert_file_equals (const char *path, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_assert_true (g_file_get_contents (path, &data, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (data, ==, expected);
}

/* Invalid UTF-8: the message names the byte; --replace-invalid (and the core flag) read the
 * text with U+FFFD; a failed convert leaves its output file alone. */
static void
test_invalid_utf8 (void)
{
  static const char broken[] = "Xiaomi partners with Great Wall\xff\xfe Motor in China.\n";
  g_autofree char *path = write_tmp ("broken.txt", broken, sizeof broken - 1);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  g_autofree char *strict = rwb_text_load_file (file, NULL, &error);
  g_assert_null (strict);
  g_assert_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte 31"));
  g_clear_error (&error);

  g_autofree char *lossy = rwb_text_load_file_full (file, RWB_TEXT_LOAD_REPLACE_INVALID, NULL,
                                                    &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (lossy, -1, NULL));
  g_assert_nonnull (strstr (lossy, "Great Wall\xEF\xBF\xBD\xEF\xBF\xBD Motor"));

  g_autofree char *out_path = write_tmp ("kept.json", "previous\n", -1);
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run_cli ((const char *const[]) { "extract", path, NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "byte 31"));
  g_assert_nonnull (strstr (err, "--replace-invalid"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);  /* one line */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *const[]) { "convert", "-o", out_path, path, NULL },
                            NULL, &err), ==, 1);
  assert_file_equals (out_path, "previous\n");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ((const char *const[]) { "extract", "--replace-invalid", path, NULL },
                            &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Xiaomi"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *const[]) { "convert", "--replace-invalid", "-o",
                                                    out_path, path, NULL }, NULL, &err), ==, 0);
  g_autoptr (RwbGraph) graph = NULL;
  g_autofree char *json = NULL;
  g_assert_true (g_file_get_contents (out_path, &json, NULL, NULL));
  graph = rwb_json_read (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graph->entities->len, >, 0);
}

/* A PNG, or any file with NUL bytes, is binary: refused, even with --replace-invalid. */
static void
test_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
  g_autofree char *path = write_tmp ("picture.png", png, sizeof png - 1);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  g_assert_null (rwb_text_load_file_full (file, RWB_TEXT_LOAD_REPLACE_INVALID, NULL, &error));
  g_assert_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_BINARY);
  g_clear_error (&error);

  g_autofree char *err = NULL;
  g_autofree char *txt = write_tmp ("picture.txt", png, sizeof png - 1);
  g_assert_cmpint (run_cli ((const char *const[]) { "extract", "--replace-invalid", txt, NULL },
                            NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "binary"));
  g_clear_pointer (&err, g_free);
  /* As convert's input by extension it is neither a graph format nor text. */
  g_autofree char *out_path = write_tmp ("kept2.json", "previous\n", -1);
  g_assert_cmpint (run_cli ((const char *const[]) { "convert", "-o", out_path, path, NULL },
                            NULL, &err), ==, 1);
  assert_file_equals (out_path, "previous\n");
}

static void
test_empty (void)
{
  g_autofree char *path = write_tmp ("empty.txt", "", 0);
  g_autofree char *blank = write_tmp ("blank.txt", " \n\t\n", -1);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL, *err2 = NULL;

  g_assert_null (rwb_text_load_file (file, NULL, &error));
  g_assert_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_EMPTY);
  g_assert_cmpint (run_cli ((const char *const[]) { "extract", path, NULL }, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "empty"));
  g_assert_cmpint (run_cli ((const char *const[]) { "extract", blank, NULL }, NULL, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "empty"));
}

/* 10 MB on one line, twice: sentences without a newline, and one 10 MB "word" with no
 * space or full stop. Both must extract in reasonable time (the bound leaves room for
 * sanitizer builds, which run several times slower). */
static void
test_long_line (void)
{
  const gsize size = 10 * 1024 * 1024;
  static const char sentence[] = "Xiaomi partners with Great Wall Motor on a new factory. ";
  const char *kinds[] = { "sentences", "one-word" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr (GString) text = g_string_sized_new (size + 64);
      while (text->len < size)
        {
          if (k == 0)
            g_string_append (text, sentence);
          else
            g_string_append (text, "abcdefghijklmnopqrstuvwxyz");
        }
      g_autofree char *name = g_strdup_printf ("long-%s.txt", kinds[k]);
      g_autofree char *path = write_tmp (name, text->str, text->len);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (RwbGraph) graph = rwb_graph_new ();
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_assert_true (rwb_extract_file (lexicon (), graph, file, NULL, NULL, &error));
      g_assert_no_error (error);
      double seconds = (g_get_monotonic_time () - start) / 1e6;
      g_test_message ("10 MB single line (%s): %.2f s, %u entities, %u relations", kinds[k],
                      seconds, graph->entities->len, graph->relations->len);
      g_assert_cmpfloat (seconds, <, 120);
      if (k == 0)
        g_assert_cmpint (rwb_graph_find_entity (graph, "Xiaomi"), >=, 0);
      g_unlink (path);
    }
}

/* 200 MB (a sparse file: it takes no disk) is refused by its size, before it is read: the
 * message names the limit, and it comes at once. Reading it would have said "binary". */
static void
test_too_large (void)
{
  g_autofree char *path = tmp_path ("huge.txt");
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 200 * 1024 * 1024), ==, 0);
  close (fd);

  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_assert_null (rwb_text_load_file (file, NULL, &error));
  g_assert_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "64 MB"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  g_autofree char *err = NULL;
  g_assert_cmpint (run_cli ((const char *const[]) { "extract", path, NULL }, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "too large"));
  g_assert_nonnull (strstr (err, "64 MB"));
  g_unlink (path);
}

/* Text in scripts the extractor has no rules for: an empty graph and no error (the article
 * is still a document of the graph). */
static void
test_no_entities (void)
{
  static const char *texts[] = {
    "Η Ελλάδα είναι μια χώρα στη νοτιοανατολική Ευρώπη. Η Αθήνα είναι η πρωτεύουσα.\n",
    "小米和长城汽车宣布合作。这家公司在北京。\n",
  };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *name = g_strdup_printf ("script-%u.txt", i);
      g_autofree char *path = write_tmp (name, texts[i], -1);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (RwbGraph) graph = rwb_graph_new ();
      g_autoptr (GError) error = NULL;
      g_assert_true (rwb_extract_file (lexicon (), graph, file, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (graph->entities->len, ==, 0);
      g_assert_cmpuint (graph->relations->len, ==, 0);
      g_assert_cmpuint (graph->documents->len, ==, 1);

      g_autofree char *out = NULL;
      g_assert_cmpint (run_cli ((const char *const[]) { "extract", path, NULL }, &out, NULL), ==,
                       0);
      g_autoptr (RwbGraph) printed = rwb_json_read (out, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (printed->entities->len, ==, 0);

      /* Rendering an empty graph is a small empty picture, not an error. */
      g_autofree char *png = tmp_path ("empty.png");
      g_assert_cmpint (run_cli ((const char *const[]) { "render", "-o", png, path, NULL }, NULL,
                                NULL), ==, 0);
      g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
    }
}

static char *
sample_json (void)
{
  g_autoptr (GFile) file = g_file_new_for_path (g_getenv ("RAWABIT_SAMPLE"));
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (rwb_extract_file (lexicon (), graph, file, NULL, NULL, &error));
  return rwb_json_write (graph, TRUE);
}

/* A project file cut short at several points: a parse error with a line number; through the
 * CLI, the output file stays. */
static void
test_truncated_json (void)
{
  g_autofree char *json = sample_json ();
  gsize len = strlen (json);
  for (guint i = 1; i < 8; i++)
    {
      gsize cut = len * i / 8;
      g_autoptr (GError) error = NULL;
      g_assert_null (rwb_json_read (json, cut, &error));
      g_assert_error (error, RWB_JSON_ERROR, RWB_JSON_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "line "));
    }
  g_autofree char *path = write_tmp ("truncated.json", json, len / 2);
  g_autofree char *out_path = write_tmp ("kept3.gv", "previous\n", -1);
  g_autofree char *err = NULL;
  g_assert_cmpint (run_cli ((const char *const[]) { "convert", "-o", out_path, path, NULL },
                            NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "line "));
  assert_file_equals (out_path, "previous\n");
}

/* Well-formed JSON with the wrong types where the graph's fields are: a format error. */
static void
test_json_wrong_types (void)
{
  static const char *cases[] = {
    "[]",
    "\"rawabit-graph\"",
    "{\"format\": 1, \"version\": 1, \"entities\": []}",
    "{\"format\": \"rawabit-graph\", \"version\": \"1\", \"entities\": []}",
    "{\"format\": \"rawabit-graph\", \"version\": 1, \"entities\": {}}",
    "{\"format\": \"rawabit-graph\", \"version\": 1, \"entities\": [1, 2]}",
    "{\"format\": \"rawabit-graph\", \"version\": 1, \"entities\": "
    "[{\"id\": 5, \"name\": [], \"type\": \"company\"}]}",
    "{\"format\": \"rawabit-graph\", \"version\": 1, \"entities\": "
    "[{\"id\": \"e0\", \"name\": \"A\", \"type\": \"planet\"}]}",
    "{\"format\": \"rawabit-graph\", \"version\": 1, \"entities\": "
    "[{\"id\": \"e0\", \"name\": \"A\", \"type\": \"company\"}], \"relations\": "
    "[{\"source\": \"e0\", \"target\": \"e9\", \"type\": \"partnership\"}]}",
    "{\"format\": \"rawabit-graph\", \"version\": 1, \"entities\": "
    "[{\"id\": \"e0\", \"name\": \"A\", \"type\": \"company\"}], \"relations\": "
    "[{\"source\": \"e0\", \"target\": \"e0\", \"type\": \"partnership\", "
    "\"confidence\": \"high\", \"evidence\": 7}]}",
    "{\"format\": \"rawabit-graph\", \"version\": 1, \"documents\": [null], \"entities\": []}",
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RwbGraph) graph = rwb_json_read (cases[i], -1, &error);
      g_test_message ("case %u: %s", i, error ? error->message : "(read)");
      /* A type that is wrong but optional may be ignored; what is read must be usable. */
      if (graph != NULL)
        {
          g_autofree char *again = rwb_json_write (graph, FALSE);
          g_assert_nonnull (again);
          continue;
        }
      g_assert_error (error, RWB_JSON_ERROR, RWB_JSON_ERROR_FORMAT);
    }
  /* The ones that must fail: not an object, format, version, entities not an array. */
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_null (rwb_json_read (cases[i], -1, &error));
    }
}

/* A DOT syntax error is an error that names the line; the helper parses, we do not crash. */
static void
test_dot_syntax_error (void)
{
  static const char dot[] = "digraph g {\n  a -> b;\n  b -> ;\n  c [label=\"x\"\n}\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbScene) scene = NULL;
  g_autoptr (RwbGraph) graph = rwb_dot_import (dot, sizeof dot - 1, NULL, &scene, NULL, NULL,
                                               &error);
  g_assert_null (graph);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "line 3"));

  g_autofree char *path = write_tmp ("broken.gv", dot, sizeof dot - 1);
  g_autofree char *png = write_tmp ("kept.png", "previous\n", -1);
  g_autofree char *err = NULL;
  g_assert_cmpint (run_cli ((const char *const[]) { "render", "-o", png, path, NULL }, NULL,
                            &err), ==, 1);
  g_assert_nonnull (strstr (err, "line 3"));
  assert_file_equals (png, "previous\n");
}

/* 100,000 nodes: `render --timeout 2` stops Graphviz and says so, in well under a minute. */
static void
test_dot_timeout (void)
{
  g_autoptr (GString) dot = g_string_new ("digraph big {\n");
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (dot, "  n%u -> n%u;\n", i, (i * 7919 + 13) % 100000);
  g_string_append (dot, "}\n");
  g_autofree char *path = write_tmp ("big.gv", dot->str, dot->len);
  g_autofree char *png = write_tmp ("kept-big.png", "previous\n", -1);
  g_autofree char *err = NULL;
  gint64 start = g_get_monotonic_time ();
  g_assert_cmpint (run_cli ((const char *const[]) { "render", "--timeout", "2", "-o", png, path,
                                                    NULL }, NULL, &err), ==, 1);
  double seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("100k-node DOT with --timeout 2: %.2f s", seconds);
  g_assert_nonnull (strstr (err, "longer than 2 s"));
  g_assert_cmpfloat (seconds, <, 30);
  assert_file_equals (png, "previous\n");
}

/* A graph big enough that writing it takes a while (several MB of JSON). */
static RwbGraph *
big_graph (guint n, const char *prefix)
{
  RwbGraph *graph = rwb_graph_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s company number %u with a long name", prefix, i);
      guint e = rwb_graph_add_entity (graph, name, RWB_ENTITY_COMPANY);
      if (i > 0)
        rwb_graph_ensure_relation (graph, e - 1, e, RWB_RELATION_PARTNERSHIP, 0.5);
    }
  return graph;
}

static guint
entities_in (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_autoptr (RwbGraph) graph = rwb_json_read (data, len, &error);
  if (graph == NULL)
    g_error ("%s does not parse (%" G_GSIZE_FORMAT " bytes): %s", path, len, error->message);
  return graph->entities->len;
}

/* A full disk, simulated with RLIMIT_FSIZE in a child (writes past it fail with EFBIG once
 * SIGXFSZ is ignored): rwb_formats_write and rwb_render_export report the error and the old
 * file stays whole. */
static void
test_full_disk (void)
{
  g_autofree char *json_path = tmp_path ("disk.json");
  g_autofree char *png_path = tmp_path ("disk.png");

  if (g_test_subprocess ())
    {
      g_autoptr (RwbGraph) graph = big_graph (5000, "New");
      g_autoptr (GError) error = NULL;
      /* Lay out a small graph first: the helper must not inherit the limit. */
      g_autoptr (RwbGraph) small = big_graph (30, "Small");
      RwbLayoutOptions layout;
      rwb_layout_options_init (&layout);
      g_autoptr (RwbScene) scene = rwb_layout_run (small, &layout, NULL, &error);
      g_assert_no_error (error);
      struct rlimit limit = { 4096, 4096 };
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (rwb_formats_write (graph, NULL, RWB_FORMAT_JSON, json_path, &error));
      g_assert_nonnull (error);
      g_printerr ("json: %s\n", error->message);
      g_clear_error (&error);

      RwbExportOptions options;
      rwb_export_options_init (&options);
      options.scale = 4;
      g_assert_false (rwb_render_export (scene, &options, png_path, &error));
      g_assert_nonnull (error);
      g_printerr ("png: %s\n", error->message);
      return;
    }

  g_autoptr (RwbGraph) old = big_graph (3, "Old");
  g_autoptr (GError) error = NULL;
  g_assert_true (rwb_formats_write (old, NULL, RWB_FORMAT_JSON, json_path, &error));
  g_assert_no_error (error);
  g_autofree char *old_json = NULL;
  g_assert_true (g_file_get_contents (json_path, &old_json, NULL, NULL));
  g_assert_true (g_file_set_contents (png_path, "old picture\n", -1, NULL));

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*json: *File too large*png: *");
  assert_file_equals (json_path, old_json);
  assert_file_equals (png_path, "old picture\n");
}

/* A folder we cannot write to. Tests often run as root, who may write anywhere, so the folder
 * here is a path under a regular file (ENOTDIR for everyone); as a normal user a chmod 0555
 * folder is tried as well. Either way: an error, and the CLI says which file. */
static void
test_unwritable_folder (void)
{
  g_autofree char *plain = write_tmp ("plain-file", "x", -1);
  g_autofree char *target = g_build_filename (plain, "out.json", NULL);
  g_autoptr (RwbGraph) graph = big_graph (3, "A");
  g_autoptr (GError) error = NULL;

  g_assert_false (rwb_formats_write (graph, NULL, RWB_FORMAT_JSON, target, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_autofree char *sample = g_strdup (g_getenv ("RAWABIT_SAMPLE"));
  g_autofree char *png = g_build_filename (plain, "out.png", NULL);
  g_autofree char *err = NULL;
  g_assert_cmpint (run_cli ((const char *const[]) { "render", "-o", png, sample, NULL }, NULL,
                            &err), ==, 1);
  g_assert_nonnull (strstr (err, "out.png"));

  if (geteuid () != 0)
    {
      g_autofree char *ro = tmp_path ("read-only");
      g_assert_cmpint (g_mkdir (ro, 0755), ==, 0);
      g_autofree char *inside = g_build_filename (ro, "out.json", NULL);
      g_assert_true (rwb_formats_write (graph, NULL, RWB_FORMAT_JSON, inside, &error));
      g_assert_cmpint (g_chmod (ro, 0555), ==, 0);
      g_autoptr (RwbGraph) other = big_graph (10, "B");
      g_assert_false (rwb_formats_write (other, NULL, RWB_FORMAT_JSON, inside, &error));
      g_assert_nonnull (error);
      g_assert_cmpuint (entities_in (inside), ==, 3);
      g_chmod (ro, 0755);
    }
}

/* rawabit-cli convert SIGKILLed at several moments of writing a large graph over an old one:
 * the target is always either the old graph or the new one, never a mix or a stub. */
static void
test_kill_during_save (void)
{
  g_autofree char *big = tmp_path ("big-input.json");
  g_autofree char *target = tmp_path ("target.json");
  g_autoptr (RwbGraph) graph = big_graph (20000, "New");
  g_autoptr (RwbGraph) old = big_graph (7, "Old");
  g_autoptr (GError) error = NULL;
  g_assert_true (rwb_formats_write (graph, NULL, RWB_FORMAT_JSON, big, &error));
  g_assert_no_error (error);

  /* How long a whole convert takes, to spread the kills over it. */
  g_assert_true (rwb_formats_write (old, NULL, RWB_FORMAT_JSON, target, &error));
  gint64 start = g_get_monotonic_time ();
  g_assert_cmpint (run_cli ((const char *const[]) { "convert", "-o", target, big, NULL }, NULL,
                            NULL), ==, 0);
  gint64 whole = g_get_monotonic_time () - start;
  g_assert_cmpuint (entities_in (target), ==, 20000);
  g_test_message ("convert of the large graph: %.2f s", whole / 1e6);

  /* The first kill comes at once, before the new graph can have been written, so at least
   * one kill lands mid-way whatever the speed of the machine; the rest are spread from there
   * to a little past the measured end (the first, cold run may be slower than later ones). */
  guint saw_old = 0, saw_new = 0;
  for (guint k = 0; k < 12; k++)
    {
      g_assert_true (rwb_formats_write (old, NULL, RWB_FORMAT_JSON, target, &error));
      g_autoptr (GSubprocess) proc = g_subprocess_newv (
        (const char *const[]) { g_getenv ("RAWABIT_CLI"), "convert", "-o", target, big, NULL },
        G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
      g_assert_no_error (error);
      if (k > 0)
        g_usleep (whole * (10 * k) / 100);
      g_subprocess_send_signal (proc, SIGKILL);
      g_assert_true (g_subprocess_wait (proc, NULL, &error));
      guint n = entities_in (target);
      g_assert_true (n == 7 || n == 20000);
      if (n == 7)
        saw_old++;
      else
        saw_new++;
    }
  g_test_message ("after SIGKILL: %u times the old file, %u times the new one", saw_old,
                  saw_new);
  g_assert_cmpuint (saw_old, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("RAWABIT_CLI"));
  g_autoptr (GError) error = NULL;
  /* A fixed folder of this build, so the re-run of a subprocess test finds the parent's files. */
  tmp_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "robust-tmp", NULL);
  if (!g_test_subprocess ())
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp_dir);
      g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, &error));
      g_assert_cmpint (g_mkdir_with_parents (tmp_dir, 0755), ==, 0);
    }

  g_test_add_func ("/robust/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/robust/binary", test_binary);
  g_test_add_func ("/robust/empty", test_empty);
  g_test_add_func ("/robust/long-line", test_long_line);
  g_test_add_func ("/robust/too-large", test_too_large);
  g_test_add_func ("/robust/no-entities", test_no_entities);
  g_test_add_func ("/robust/truncated-json", test_truncated_json);
  g_test_add_func ("/robust/json-wrong-types", test_json_wrong_types);
  g_test_add_func ("/robust/dot-syntax-error", test_dot_syntax_error);
  g_test_add_func ("/robust/dot-timeout", test_dot_timeout);
  g_test_add_func ("/robust/full-disk", test_full_disk);
  g_test_add_func ("/robust/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/robust/kill-during-save", test_kill_during_save);
  return g_test_run ();
}
