/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fuzz-regressions.c — replays the fuzzers' inputs in the normal test suite.
 *
 * Every file in tests/data/fuzz-regressions/<target>/ (an input that once crashed, leaked or
 * hung the libFuzzer target of that name) and in tests/fuzz/corpus-<target>/ (the seed corpus)
 * goes through the same function the target calls (tests/fuzz/fuzz-targets.h). Under the
 * sanitizer build or valgrind a regression shows as an error; here it shows as a crash, a
 * critical (fatal in the test environment) or a timeout.
 */
#include "fuzz/fuzz-targets.h"

static RwbLexicon *lexicon;

typedef void (*ReplayFunc) (const char *data, gsize size);

static void
replay_extract (const char *data, gsize size)
{
  rwb_fuzz_extract (lexicon, data, size);
}

/* Replays every file of @dir (relative to tests/); returns how many. */
static guint
replay_dir (const char *dir, ReplayFunc func)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, dir, NULL);
  g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
  if (d == NULL)
    return 0;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  guint n = 0;
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
        continue;
      g_autofree char *data = NULL;
      gsize size = 0;
      g_autoptr (GError) error = NULL;
      g_assert_true (g_file_get_contents (file, &data, &size, &error));
      g_test_message ("%s/%s", dir, (const char *) g_ptr_array_index (names, i));
      func (data, size);
      n++;
    }
  return n;
}

static void
test_replay (gconstpointer user_data)
{
  const char *target = user_data;
  ReplayFunc func = g_str_equal (target, "extract") ? replay_extract
                    : g_str_equal (target, "json")  ? rwb_fuzz_json
                    : g_str_equal (target, "graphml") ? rwb_fuzz_graphml
                    : g_str_equal (target, "layout") ? rwb_fuzz_layout
                    : g_str_equal (target, "render") ? rwb_fuzz_render
                    : g_str_equal (target, "helper") ? rwb_fuzz_helper
                    : g_str_equal (target, "html") ? rwb_fuzz_html
                                                      : rwb_fuzz_dot;
  g_autofree char *regressions = g_build_filename ("data", "fuzz-regressions", target, NULL);
  g_autofree char *corpus = g_strdup_printf ("fuzz/corpus-%s", target);
  guint n_regressions = replay_dir (regressions, func);
  guint n_corpus = replay_dir (corpus, func);
  g_test_message ("%s: %u regression inputs, %u seed inputs", target, n_regressions, n_corpus);
  /* The seed corpus is part of the source tree: finding none means the path is wrong. */
  g_assert_cmpuint (n_corpus, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autoptr (GError) error = NULL;
  lexicon = rwb_lexicon_new_default (NULL, &error);
  g_assert_no_error (error);
  g_test_add_data_func ("/fuzz-regressions/extract", "extract", test_replay);
  g_test_add_data_func ("/fuzz-regressions/json", "json", test_replay);
  g_test_add_data_func ("/fuzz-regressions/graphml", "graphml", test_replay);
  g_test_add_data_func ("/fuzz-regressions/dot", "dot", test_replay);
  g_test_add_data_func ("/fuzz-regressions/layout", "layout", test_replay);
  g_test_add_data_func ("/fuzz-regressions/render", "render", test_replay);
  g_test_add_data_func ("/fuzz-regressions/helper", "helper", test_replay);
  g_test_add_data_func ("/fuzz-regressions/html", "html", test_replay);
  int status = g_test_run ();
  rwb_lexicon_free (lexicon);
  return status;
}
