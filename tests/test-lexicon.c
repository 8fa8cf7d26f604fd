/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for rwb-lexicon: file formats, errors, the shipped lexicon. */
#include "rwb-extract.h"

#include <glib/gstdio.h>

#include <string.h>

static void
test_add_data_errors (void)
{
  g_autoptr (RwbLexicon) lex = rwb_lexicon_new_empty ();
  g_autoptr (GError) error = NULL;
  const char *bad_type = "# comment\nAcme\tspaceship\t\t\t\n";
  g_assert_false (rwb_lexicon_add_data (lex, "mine.tsv", bad_type, strlen (bad_type), &error));
  g_assert_nonnull (strstr (error->message, "mine.tsv: line 2"));
  g_clear_error (&error);

  const char *bad_trigger = "partnership\tشراكة\tdir=sideways\n";
  g_assert_false (rwb_lexicon_add_data (lex, "relations-x.tsv", bad_trigger,
                                        strlen (bad_trigger), &error));
  g_assert_nonnull (strstr (error->message, "line 1"));
  g_clear_error (&error);

  const char *bad_cue = "nonsense\tشركة\n";
  g_assert_false (rwb_lexicon_add_data (lex, "cues-x.tsv", bad_cue, strlen (bad_cue), &error));
  g_clear_error (&error);

  const char *ok = "Acme\tcompany\tأكمي|Acme Corp\t\t\n";
  g_assert_true (rwb_lexicon_add_data (lex, "mine.tsv", ok, strlen (ok), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rwb_lexicon_n_entries (lex), ==, 1);
}

static void
test_default (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbLexicon) lex = rwb_lexicon_new_default (NULL, &error);
  g_assert_no_error (error);
  /* The shipped lexicon is general: hundreds of entities and a real trigger set. */
  g_assert_cmpuint (rwb_lexicon_n_entries (lex), >=, 500);
  g_assert_cmpuint (rwb_lexicon_n_triggers (lex), >=, 100);
}

static void
test_user_dir (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-lex-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *file = g_build_filename (dir, "mine.tsv", NULL);
  g_assert_true (g_file_set_contents (file, "Zorblax\tcompany\tزوربلاكس\t\t\n", -1, NULL));
  g_autoptr (RwbLexicon) base = rwb_lexicon_new_default (NULL, &error);
  g_autoptr (RwbLexicon) lex = rwb_lexicon_new_default (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rwb_lexicon_n_entries (lex), ==, rwb_lexicon_n_entries (base) + 1);
  g_remove (file);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lexicon/errors", test_add_data_errors);
  g_test_add_func ("/lexicon/default", test_default);
  g_test_add_func ("/lexicon/user-dir", test_user_dir);
  return g_test_run ();
}
