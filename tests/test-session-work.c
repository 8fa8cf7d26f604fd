/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session-work.c — the session over weeks of work: withdrawing one correction (the
 * corrections panel), corrections that re-apply after re-extraction, and the timeline (the
 * graph as of a date, kept in the project, and what an export of what is shown holds). */
#include "rwb-config.h"

#include <glib/gstdio.h>

#include "rwb-import.h"
#include "rwb-lexicon.h"
#include "rwb-session.h"

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

static gint
find (RwbGraph *g, const char *name)
{
  return rwb_graph_find_entity (g, name);
}

static void
count_signal (gpointer data)
{
  (*(guint *) data)++;
}

/* Five entities in two dated documents: Alpha Motors and Beta Bank in the first (2024-01-10),
 * Gamma City, Delta and "Alpha" (another spelling) in the second (2024-02-20). */
static RwbGraph *
dated_graph (void)
{
  RwbGraph *g = rwb_graph_new ();
  guint d0 = rwb_graph_add_document (g, NULL, "en", "Alpha Motors owns Beta Bank.");
  guint d1 = rwb_graph_add_document (g, NULL, "en", "Beta Bank opened in Gamma City. Alpha and "
                                                    "Delta agreed.");
  guint a = rwb_graph_add_entity (g, "Alpha Motors", RWB_ENTITY_COMPANY);
  guint b = rwb_graph_add_entity (g, "Beta Bank", RWB_ENTITY_COMPANY);
  guint c = rwb_graph_add_entity (g, "Gamma City", RWB_ENTITY_PLACE);
  guint a2 = rwb_graph_add_entity (g, "Alpha", RWB_ENTITY_COMPANY);
  guint d = rwb_graph_add_entity (g, "Delta", RWB_ENTITY_COMPANY);
  RwbRelation *r;
  guint k;

  ((RwbDocument *) g_ptr_array_index (g->documents, d0))->date = g_strdup ("2024-01-10");
  ((RwbDocument *) g_ptr_array_index (g->documents, d1))->date = g_strdup ("2024-02-20");
  rwb_entity_add_mention (g_ptr_array_index (g->entities, a), d0, 0, 12);
  rwb_entity_add_mention (g_ptr_array_index (g->entities, b), d0, 18, 27);
  rwb_entity_add_mention (g_ptr_array_index (g->entities, b), d1, 0, 9);
  rwb_entity_add_mention (g_ptr_array_index (g->entities, c), d1, 20, 30);
  rwb_entity_add_mention (g_ptr_array_index (g->entities, a2), d1, 32, 37);
  rwb_entity_add_mention (g_ptr_array_index (g->entities, d), d1, 42, 47);
  k = rwb_graph_ensure_relation (g, a, b, RWB_RELATION_OWNERSHIP, 0.9);
  r = g_ptr_array_index (g->relations, k);
  rwb_relation_add_evidence (r, d0, 0, 28, "Alpha Motors owns Beta Bank.", "test", 0.9);
  k = rwb_graph_ensure_relation (g, b, c, RWB_RELATION_LOCATION, 0.8);
  r = g_ptr_array_index (g->relations, k);
  rwb_relation_add_evidence (r, d1, 0, 31, "Beta Bank opened in Gamma City.", "test", 0.8);
  k = rwb_graph_ensure_relation (g, a2, d, RWB_RELATION_PARTNERSHIP, 0.6);
  r = g_ptr_array_index (g->relations, k);
  rwb_relation_add_evidence (r, d1, 32, 55, "Alpha and Delta agreed.", "test", 0.6);
  return g;
}

static void
test_withdraw_memory (void)
{
  g_autoptr (RwbGraph) g = dated_graph ();
  g_autoptr (RwbSession) session = rwb_session_new ();
  g_autoptr (RwbCorrection) reject = rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY,
                                                         "Gamma City", NULL);
  g_autoptr (RwbCorrection) merge = rwb_correction_new (RWB_CORRECTION_MERGE, "Alpha Motors",
                                                        "Alpha");
  g_autoptr (GError) error = NULL;
  guint history = 0;
  RwbGraph *shown;

  rwb_session_set_graph (session, g);
  g_signal_connect_swapped (session, "history-changed", G_CALLBACK (count_signal), &history);
  g_assert_true (rwb_session_correct (session, reject, &error));
  g_assert_true (rwb_session_correct (session, merge, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (history, ==, 2);
  shown = rwb_session_get_graph (session);
  g_assert_cmpint (find (shown, "Gamma City"), <, 0);
  g_assert_cmpint (find (shown, "Delta"), >=, 0);
  g_assert_cmpuint (shown->entities->len, ==, 3);
  {
    g_autoptr (GArray) applied = rwb_session_get_corrections_applied (session);
    g_assert_cmpuint (applied->len, ==, 2);
    g_assert_true (g_array_index (applied, gboolean, 0));
    g_assert_true (g_array_index (applied, gboolean, 1));
  }

  /* The older one is withdrawn; the later one stays in force. */
  g_assert_true (rwb_session_withdraw_correction (session, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (history, ==, 3);
  shown = rwb_session_get_graph (session);
  g_assert_cmpint (find (shown, "Gamma City"), >=, 0);
  g_assert_cmpuint (shown->entities->len, ==, 4); /* Alpha still merged */
  g_assert_cmpstr (rwb_session_get_undo_label (session), ==, "Withdraw Correction");
  {
    g_autoptr (RwbCorrections) list = rwb_session_get_corrections (session);
    g_assert_cmpuint (rwb_corrections_len (list), ==, 1);
    g_assert_cmpint (rwb_corrections_get (list, 0)->kind, ==, RWB_CORRECTION_MERGE);
  }

  /* Undo puts it back where it was (first), redo withdraws it again. */
  g_assert_true (rwb_session_undo (session, &error));
  {
    g_autoptr (RwbCorrections) list = rwb_session_get_corrections (session);
    g_assert_cmpuint (rwb_corrections_len (list), ==, 2);
    g_assert_cmpint (rwb_corrections_get (list, 0)->kind, ==, RWB_CORRECTION_REJECT_ENTITY);
    g_assert_cmpint (rwb_corrections_get (list, 1)->kind, ==, RWB_CORRECTION_MERGE);
  }
  g_assert_cmpint (find (rwb_session_get_graph (session), "Gamma City"), <, 0);
  /* Then the merge, the last done before the withdraw, is undone, and the reject stays. */
  g_assert_true (rwb_session_undo (session, &error));
  shown = rwb_session_get_graph (session);
  g_assert_cmpint (find (shown, "Gamma City"), <, 0);
  g_assert_cmpuint (shown->entities->len, ==, 4);
  g_assert_true (rwb_session_redo (session, &error));
  g_assert_true (rwb_session_redo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (find (rwb_session_get_graph (session), "Gamma City"), >=, 0);
  g_assert_false (rwb_session_can_redo (session));

  g_assert_false (rwb_session_withdraw_correction (session, 5, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_as_of_memory (void)
{
  g_autoptr (RwbGraph) g = dated_graph ();
  g_autoptr (RwbSession) session = rwb_session_new ();
  guint filters = 0, notified = 0;
  gint gamma, alpha;
  gboolean hidden[5] = { FALSE };

  rwb_session_set_graph (session, g);
  g_signal_connect_swapped (session, "filter-changed", G_CALLBACK (count_signal), &filters);
  g_signal_connect_swapped (session, "notify::as-of", G_CALLBACK (count_signal), &notified);
  gamma = find (g, "Gamma City");
  alpha = find (g, "Alpha Motors");
  g_assert_cmpuint (rwb_timeline_n_dates (rwb_session_get_timeline (session)), ==, 2);

  rwb_session_select_entity (session, gamma, FALSE);
  rwb_session_set_as_of (session, "2024-01-31");
  g_assert_cmpstr (rwb_session_get_as_of (session), ==, "2024-01-31");
  g_assert_cmpuint (filters, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (rwb_session_entity_hidden (session, gamma));
  g_assert_false (rwb_session_entity_hidden (session, alpha));
  g_assert_false (rwb_session_relation_hidden (session, 0)); /* owns, from January */
  g_assert_true (rwb_session_relation_hidden (session, 1));  /* in Gamma City, February */
  /* What is not known by then leaves the selection. */
  g_assert_false (rwb_session_is_entity_selected (session, gamma));
  rwb_session_set_as_of (session, "2024-01-31"); /* no change */
  g_assert_cmpuint (filters, ==, 1);

  /* The graph shown, for exports: the first article only. */
  {
    g_autoptr (RwbGraph) shown = rwb_session_dup_shown_graph (session);
    g_assert_cmpuint (shown->documents->len, ==, 1);
    g_assert_cmpuint (shown->entities->len, ==, 2);
    g_assert_cmpuint (shown->relations->len, ==, 1);
  }
  /* With a filter on top: what it hides goes too. */
  hidden[find (g, "Beta Bank")] = TRUE;
  rwb_session_set_hidden (session, hidden, NULL);
  {
    g_autoptr (RwbGraph) shown = rwb_session_dup_shown_graph (session);
    g_assert_cmpuint (shown->entities->len, ==, 1);
    g_assert_cmpuint (shown->relations->len, ==, 0);
  }
  rwb_session_set_hidden (session, NULL, NULL);

  /* The whole of February: everything; no date: everything. */
  rwb_session_set_as_of (session, "2024-02-20");
  g_assert_false (rwb_session_entity_hidden (session, gamma));
  rwb_session_set_as_of (session, "");
  g_assert_null (rwb_session_get_as_of (session));
  {
    g_autoptr (RwbGraph) shown = rwb_session_dup_shown_graph (session);
    g_assert_cmpuint (shown->entities->len, ==, 5);
    g_assert_cmpuint (shown->documents->len, ==, 2);
  }

  /* Other work starts with the whole timeline. */
  rwb_session_set_as_of (session, "2024-01-31");
  {
    g_autoptr (RwbGraph) other = dated_graph ();
    rwb_session_set_graph (session, other);
    g_assert_null (rwb_session_get_as_of (session));
    g_assert_false (rwb_session_entity_hidden (session, find (other, "Gamma City")));
  }
}

/* A project of the three test articles (dated 2024-03-18, 2024-03-20 and 2024-04-02). */
static RwbProject *
three_article_project (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *ar = g_test_build_filename (G_TEST_DIST, "data", "project",
                                               "ar-xiaomi-nova.txt", NULL);
  g_autofree char *en = g_test_build_filename (G_TEST_DIST, "data", "project",
                                               "en-xiaomi-nova.txt", NULL);
  g_autofree char *dairy = g_test_build_filename (G_TEST_DIST, "data", "project",
                                                  "en-almarai-nadec.txt", NULL);
  const char *files[] = { ar, dairy, en, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  RwbProject *project;

  g_unlink (path);
  project = rwb_project_create (path, &error);
  g_assert_no_error (error);
  items = rwb_import_files (lexicon (), files, 1, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rwb_project_add_articles (project, items, NULL, &error));
  g_assert_no_error (error);
  return project;
}

static void
test_as_of_project (void)
{
  g_autoptr (RwbProject) project = three_article_project ("timeline.rawabit");
  g_autofree char *path = g_strdup (rwb_project_get_path (project));
  g_autoptr (RwbSession) session = rwb_session_new ();
  g_autoptr (GError) error = NULL;
  RwbGraph *g;
  RwbTimeline *tl;

  g_assert_true (rwb_session_set_project (session, project, &error));
  g_assert_no_error (error);
  g = rwb_session_get_graph (session);
  tl = rwb_session_get_timeline (session);
  g_assert_cmpuint (rwb_timeline_n_dates (tl), ==, 3);
  g_assert_cmpstr (rwb_timeline_date (tl, 0), ==, "2024-03-18");
  g_assert_cmpstr (rwb_timeline_date (tl, 2), ==, "2024-04-02");
  g_assert_cmpint (find (g, "Nova Electronics"), >=, 0);

  /* As of 19 March only the Arabic article is known. */
  rwb_session_set_as_of (session, "2024-03-19");
  g_assert_false (rwb_session_entity_hidden (session, find (g, "Xiaomi")));
  g_assert_true (rwb_session_entity_hidden (session, find (g, "Nova Electronics")));
  g_assert_true (rwb_session_entity_hidden (session, find (g, "Nadec")));
  {
    g_autoptr (RwbGraph) shown = rwb_session_dup_shown_graph (session);
    g_assert_cmpuint (shown->documents->len, ==, 1);
    g_assert_cmpint (find (shown, "Nadec"), <, 0);
    g_assert_cmpint (find (shown, "Xiaomi"), >=, 0);
  }
  rwb_session_set_as_of (session, "2024-03-20");
  g_assert_false (rwb_session_entity_hidden (session, find (g, "Nadec")));
  g_assert_true (rwb_session_entity_hidden (session, find (g, "Nova Electronics")));

  /* The date is the project's view state: a new window on it starts there. */
  g_assert_true (rwb_project_close (project, &error));
  {
    g_autoptr (RwbProject) again = rwb_project_open (path, 0, &error);
    g_autoptr (RwbSession) other = rwb_session_new ();

    g_assert_no_error (error);
    g_assert_true (rwb_session_set_project (other, again, &error));
    g_assert_cmpstr (rwb_session_get_as_of (other), ==, "2024-03-20");
    g_assert_true (rwb_session_entity_hidden (
      other, find (rwb_session_get_graph (other), "Nova Electronics")));
    rwb_session_set_as_of (other, NULL);
    g_assert_true (rwb_project_close (again, &error));
  }
  g_unlink (path);
}

static void
test_reapply_after_reextract (void)
{
  g_autoptr (RwbProject) project = three_article_project ("reextract.rawabit");
  g_autofree char *path = g_strdup (rwb_project_get_path (project));
  g_autofree char *extra = g_test_build_filename (G_TEST_DIST, "data", "project",
                                                  "lexicon-extra", NULL);
  g_autoptr (RwbSession) session = rwb_session_new ();
  g_autoptr (RwbLexicon) lexicon2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbCorrection) reject = rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY,
                                                         "أوراسكوم", NULL);
  g_autoptr (RwbCorrection) rename = rwb_correction_new (RWB_CORRECTION_RENAME, "Xiaomi",
                                                         "Xiaomi Corporation");
  g_autoptr (RwbCorrection) retype = rwb_correction_new (RWB_CORRECTION_RETYPE_ENTITY, "Jebel Ali",
                                                         NULL);
  guint history = 0;
  RwbGraph *g;
  gint jebel;

  retype->entity_type = RWB_ENTITY_ORGANIZATION;
  g_assert_true (rwb_session_set_project (session, project, &error));
  g_signal_connect_swapped (session, "history-changed", G_CALLBACK (count_signal), &history);
  g = rwb_session_get_graph (session);
  g_assert_cmpint (find (g, "Xiaomi"), >=, 0);
  g_assert_cmpint (find (g, "Jebel Ali"), >=, 0);
  /* Before the user's lexicon, the Arabic article's Nova is an entity of its own. */
  g_assert_cmpint (find (g, "نوفا"), !=, find (g, "Nova Electronics"));

  g_assert_true (rwb_session_correct (session, reject, &error));
  g_assert_true (rwb_session_correct (session, rename, &error));
  g_assert_true (rwb_session_correct (session, retype, &error));
  g_assert_no_error (error);

  /* New rules (a user's lexicon that knows Nova's Arabic name): every article is extracted
   * again, and the corrections, kept by name, apply to the new extraction. */
  lexicon2 = rwb_lexicon_new_default (extra, &error);
  g_assert_no_error (error);
  g_assert_true (rwb_project_reextract (project, lexicon2, 1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rwb_session_reload (session, &error));
  g = rwb_session_get_graph (session);
  g_assert_cmpint (find (g, "نوفا"), ==, find (g, "Nova Electronics")); /* new rules seen */
  g_assert_cmpint (find (g, "أوراسكوم"), <, 0);
  g_assert_cmpint (find (g, "Xiaomi Corporation"), >=, 0);
  jebel = find (g, "Jebel Ali");
  g_assert_cmpint (jebel, >=, 0);
  g_assert_cmpint (((RwbEntity *) g_ptr_array_index (g->entities, jebel))->type, ==,
                   RWB_ENTITY_ORGANIZATION);
  {
    g_autoptr (GArray) applied = rwb_session_get_corrections_applied (session);
    g_assert_cmpuint (applied->len, ==, 3);
    for (guint i = 0; i < applied->len; i++)
      g_assert_true (g_array_index (applied, gboolean, i));
  }

  /* The panel withdraws the rename in the project; undo puts it back. */
  g_assert_true (rwb_session_withdraw_correction (session, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (history, ==, 4);
  g = rwb_session_get_graph (session);
  g_assert_cmpint (find (g, "Xiaomi Corporation"), <, 0);
  g_assert_cmpint (find (g, "أوراسكوم"), <, 0);
  {
    g_autoptr (RwbCorrections) list = rwb_project_get_corrections (project, &error);
    g_assert_cmpuint (rwb_corrections_len (list), ==, 2);
  }
  g_assert_true (rwb_session_undo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (find (rwb_session_get_graph (session), "Xiaomi Corporation"), >=, 0);
  {
    g_autoptr (RwbCorrections) list = rwb_session_get_corrections (session);
    g_assert_cmpuint (rwb_corrections_len (list), ==, 3);
  }
  g_assert_true (rwb_project_close (project, &error));
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("rawabit-session-work-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/session-work/withdraw-memory", test_withdraw_memory);
  g_test_add_func ("/session-work/as-of-memory", test_as_of_memory);
  g_test_add_func ("/session-work/as-of-project", test_as_of_project);
  g_test_add_func ("/session-work/reapply-after-reextract", test_reapply_after_reextract);
  status = g_test_run ();
  g_rmdir (tmp_dir);
  return status;
}
