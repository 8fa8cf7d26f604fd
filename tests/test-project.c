/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-project.c — projects: create, add articles, reopen, corrections and positions kept,
 * undo/redo of every command across a reopen, removal of articles, dates, search, a second
 * opener refused (another process too), a file that is no project, and the migration of a
 * version 1 file. Kills and full disks are in test-project-crash.c. */
#define G_LOG_DOMAIN "rawabit-test-project"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rwb-graph-builder.h"
#include "rwb-project.h"
#include "rwb-provenance.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
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

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "project", name, NULL);
}

/* A new project at @name with the three test articles added. */
static RwbProject *
project_with_articles (const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_unlink (path);
  g_autoptr (GError) error = NULL;
  RwbProject *p = rwb_project_create (path, &error);
  g_assert_no_error (error);
  g_autofree char *a = data_path ("ar-xiaomi-nova.txt");
  g_autofree char *b = data_path ("en-almarai-nadec.txt");
  g_autofree char *c = data_path ("en-xiaomi-nova.txt");
  const char *files[] = { a, b, c, NULL };
  g_autoptr (GPtrArray) items = rwb_import_files (lexicon (), files, 2, NULL, NULL, NULL, NULL,
                                                  &error);
  g_assert_no_error (error);
  g_assert_true (rwb_project_add_articles (p, items, NULL, &error));
  g_assert_no_error (error);
  return p;
}

static gint
find (RwbGraph *g, const char *name)
{
  g_autofree char *want = rwb_name_key (name);
  for (guint i = 0; i < g->entities->len; i++)
    {
      g_autofree char *key = rwb_name_key (((RwbEntity *) g_ptr_array_index (g->entities, i))->name);
      if (g_str_equal (key, want))
        return i;
    }
  return -1;
}

static RwbProject *
reopen (RwbProject *p)
{
  g_autofree char *path = g_strdup (rwb_project_get_path (p));
  g_autoptr (GError) error = NULL;
  g_assert_true (rwb_project_close (p, &error));
  g_assert_no_error (error);
  g_object_unref (p);
  RwbProject *again = rwb_project_open (path, RWB_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return again;
}

static void
test_create_add_reopen (void)
{
  RwbProject *p = project_with_articles ("basic.rawabit");
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) g = rwb_project_load_graph (p, &error);
  g_assert_no_error (error);
  p = reopen (p);
  g_autoptr (RwbGraph) g2 = rwb_project_load_graph (p, &error);
  g_assert_no_error (error);
  /* The stored extraction gives the same graph as the one extracted and joined directly. */
  g_autoptr (RwbGraphBuilder) builder = rwb_graph_builder_new ();
  const char *names[] = { "ar-xiaomi-nova.txt", "en-almarai-nadec.txt", "en-xiaomi-nova.txt" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = data_path (names[i]);
      g_autofree char *text = NULL;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_autoptr (RwbImportItem) item = rwb_import_text (lexicon (), text, path, NULL, NULL, NULL,
                                                        NULL, &error);
      g_assert_no_error (error);
      rwb_graph_builder_add (builder, item->graph);
    }
  RwbGraph *direct = rwb_graph_builder_get_graph (builder);
  g_assert_cmpuint (g2->entities->len, ==, direct->entities->len);
  g_assert_cmpuint (g2->relations->len, ==, direct->relations->len);
  for (guint k = 0; k < direct->relations->len; k++)
    {
      RwbRelation *a = g_ptr_array_index (direct->relations, k);
      RwbRelation *b = g_ptr_array_index (g2->relations, k);
      g_assert_cmpuint (a->evidence->len, ==, b->evidence->len);
      g_assert_cmpint (a->type, ==, b->type);
      for (guint j = 0; j < a->evidence->len; j++)
        {
          g_autofree char *ta = rwb_graph_evidence_text (direct, &g_array_index (a->evidence, RwbEvidence, j));
          g_autofree char *tb = rwb_graph_evidence_text (g2, &g_array_index (b->evidence, RwbEvidence, j));
          g_assert_cmpstr (ta, ==, tb);
          g_assert_cmpstr (g_array_index (a->evidence, RwbEvidence, j).rule, ==,
                           g_array_index (b->evidence, RwbEvidence, j).rule);
        }
    }
  /* Documents carry their article ids, titles and dates. */
  g_autoptr (GPtrArray) list = rwb_project_list_articles (p, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  RwbArticleInfo *ar = g_ptr_array_index (list, 0);
  g_assert_cmpstr (ar->title, ==, "شاومي تتعاون مع شركة نوفا في دبي");
  g_assert_cmpstr (ar->date, ==, "2024-03-18");
  g_assert_cmpstr (ar->date_source, ==, "text");
  g_assert_cmpstr (ar->language, ==, "ar");
  g_assert_cmpstr (((RwbArticleInfo *) g_ptr_array_index (list, 1))->date, ==, "2024-03-20");
  g_assert_cmpstr (((RwbArticleInfo *) g_ptr_array_index (list, 2))->date, ==, "2024-04-02");
  RwbDocument *d0 = g_ptr_array_index (g2->documents, 0);
  g_assert_cmpint (rwb_document_article_id (d0), ==, ar->id);
  g_assert_cmpstr (d0->date, ==, "2024-03-18");
  g_autofree char *text = rwb_project_get_article_text (p, ar->id, &error);
  g_assert_cmpstr (text, ==, d0->text);

  /* The same article again: no second copy, and nothing new to undo. */
  g_autofree char *again = data_path ("en-xiaomi-nova.txt");
  const char *files[] = { again, NULL };
  g_autoptr (GPtrArray) items = rwb_import_files (lexicon (), files, 1, NULL, NULL, NULL, NULL,
                                                  &error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *undo_before = g_strdup (rwb_project_get_undo_label (p));
  g_assert_true (rwb_project_add_articles (p, items, ids, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==,
                   ((RwbArticleInfo *) g_ptr_array_index (list, 2))->id);
  g_autoptr (GPtrArray) list2 = rwb_project_list_articles (p, TRUE, &error);
  g_assert_cmpuint (list2->len, ==, 3);
  g_assert_cmpstr (rwb_project_get_undo_label (p), ==, undo_before);
  g_object_unref (p);
}

static void
test_provenance_and_removal (void)
{
  RwbProject *p = project_with_articles ("provenance.rawabit");
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) g = rwb_project_load_corrected_graph (p, NULL, &error);
  g_assert_no_error (error);
  gint x = find (g, "Xiaomi");
  g_autoptr (GArray) docs = rwb_graph_entity_documents (g, x);
  g_assert_cmpuint (docs->len, ==, 3);
  gint savola = find (g, "Savola Group");
  g_autoptr (GArray) sdocs = rwb_graph_entity_documents (g, savola);
  g_assert_cmpuint (sdocs->len, ==, 1);
  g_autofree guint *n_ent = NULL, *n_rel = NULL;
  rwb_graph_document_counts (g, FALSE, &n_ent, &n_rel);
  /* The English Almarai article names Nadec, Riyadh, Reuters, Saudi Arabia, Abdullah Al Badr,
   * Jeddah, Savola, Xiaomi and the desk. */
  g_assert_cmpuint (n_ent[1], ==, 9);
  /* Its relations: Reuters and Saudi Arabia, Nadec and Jeddah, Nadec and Savola (a person is
   * not located: "Al Badr said … grow in Saudi Arabia" places no company). */
  g_assert_cmpuint (n_rel[1], >=, 3);
  for (guint k = 0; k < g->relations->len; k++)
    {
      g_autoptr (GArray) rd = rwb_graph_relation_documents (g, k);
      g_assert_cmpuint (rd->len, >=, 1);
    }

  /* Removing the Almarai article removes what only it supported. */
  gint64 id = rwb_document_article_id (g_ptr_array_index (g->documents, 1));
  g_assert_true (rwb_project_remove_articles (p, &id, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rwb_project_get_undo_label (p), ==, "Remove Article");
  g_autoptr (RwbGraph) g2 = rwb_project_load_corrected_graph (p, NULL, &error);
  g_assert_cmpuint (g2->documents->len, ==, 2);
  g_assert_cmpint (find (g2, "Savola Group"), ==, -1);
  g_assert_cmpint (find (g2, "Nadec"), ==, -1);
  gint x2 = find (g2, "Xiaomi");
  g_assert_cmpint (x2, >=, 0);
  g_autoptr (GArray) docs2 = rwb_graph_entity_documents (g2, x2);
  g_assert_cmpuint (docs2->len, ==, 2);
  /* Search no longer finds its sentences. */
  g_autoptr (GPtrArray) hits = rwb_project_search (p, "Savola", 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  /* Undo brings it back, across a reopen. */
  p = reopen (p);
  g_assert_true (rwb_project_undo (p, NULL, &error));
  g_assert_no_error (error);
  g_autoptr (RwbGraph) g3 = rwb_project_load_corrected_graph (p, NULL, &error);
  g_assert_cmpuint (g3->documents->len, ==, 3);
  g_assert_cmpint (find (g3, "Savola Group"), >=, 0);
  g_object_unref (p);
}

static void
test_corrections_persist (void)
{
  RwbProject *p = project_with_articles ("corrections.rawabit");
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbCorrection) merge = rwb_correction_new (RWB_CORRECTION_MERGE, "Nova Electronics",
                                                        "نوفا");
  gint64 merge_id = rwb_project_correct (p, merge, &error);
  g_assert_no_error (error);
  g_assert_cmpint (merge_id, >, 0);
  g_assert_cmpstr (rwb_project_get_undo_label (p), ==, "Merge");
  g_autoptr (RwbCorrection) reject = rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY,
                                                         "Qalam Markets Desk", NULL);
  gint64 reject_id = rwb_project_correct (p, reject, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rwb_project_get_undo_label (p), ==, "Delete Entity");
  /* A blank correction is refused and records nothing. */
  g_autoptr (RwbCorrection) blank = rwb_correction_new (RWB_CORRECTION_RENAME, "Nadec", " ");
  g_assert_cmpint (rwb_project_correct (p, blank, &error), ==, 0);
  g_assert_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  p = reopen (p);
  g_autoptr (RwbCorrections) list = rwb_project_get_corrections (p, &error);
  g_assert_cmpuint (rwb_corrections_len (list), ==, 2);
  g_assert_cmpint (rwb_corrections_get_id (list, 0), ==, merge_id);
  g_autoptr (RwbGraph) g = rwb_project_load_corrected_graph (p, NULL, &error);
  g_assert_cmpint (find (g, "نوفا"), ==, -1);
  g_assert_cmpint (find (g, "Qalam Markets Desk"), ==, -1);

  /* The panel withdraws the older one; undo puts it back, redo withdraws it again. */
  g_assert_true (rwb_project_withdraw_correction (p, merge_id, &error));
  g_assert_cmpstr (rwb_project_get_undo_label (p), ==, "Withdraw Correction");
  g_autoptr (RwbGraph) g2 = rwb_project_load_corrected_graph (p, NULL, &error);
  g_assert_cmpint (find (g2, "نوفا"), >=, 0);
  g_assert_cmpint (find (g2, "Qalam Markets Desk"), ==, -1);
  g_assert_true (rwb_project_undo (p, NULL, &error));
  g_autoptr (RwbGraph) g3 = rwb_project_load_corrected_graph (p, NULL, &error);
  g_assert_cmpint (find (g3, "نوفا"), ==, -1);
  g_assert_false (rwb_project_withdraw_correction (p, 999, &error));
  g_assert_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Undo the reject: the desk is back. */
  g_autoptr (RwbHistoryEntry) entry = NULL;
  g_assert_true (rwb_project_undo (p, &entry, &error));
  g_assert_cmpstr (entry->kind, ==, "correct");
  g_assert_cmpuint (entry->changes, ==, RWB_PROJECT_CHANGED_CORRECTIONS);
  g_autoptr (RwbGraph) g4 = rwb_project_load_corrected_graph (p, NULL, &error);
  g_assert_cmpint (find (g4, "Qalam Markets Desk"), >=, 0);
  g_assert_cmpstr (rwb_project_get_redo_label (p), ==, "Delete Entity");
  (void) reject_id;
  g_object_unref (p);
}

static void
changed_cb (RwbProject *p, guint changes, guint *seen)
{
  *seen |= changes;
}

static void
test_history (void)
{
  RwbProject *p = project_with_articles ("history.rawabit");
  g_autoptr (GError) error = NULL;
  guint seen = 0;
  g_signal_connect (p, "changed", G_CALLBACK (changed_cb), &seen);
  g_assert_cmpstr (rwb_project_get_undo_label (p), ==, "Add Articles");

  /* A drag of two nodes, then a layout, then a drag. */
  g_autoptr (GHashTable) moves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  RwbPosition xiaomi = { 10, 20, TRUE }, nadec = { -5, 7.5, TRUE };
  g_hash_table_insert (moves, rwb_name_key ("Xiaomi"), g_memdup2 (&xiaomi, sizeof xiaomi));
  g_hash_table_insert (moves, rwb_name_key ("Nadec"), g_memdup2 (&nadec, sizeof nadec));
  g_assert_true (rwb_project_move_nodes (p, moves, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen, ==, RWB_PROJECT_CHANGED_POSITIONS);
  g_autoptr (GHashTable) layout = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  RwbPosition a = { 100, 100, FALSE }, b = { 200, 50, FALSE };
  g_hash_table_insert (layout, rwb_name_key ("Xiaomi"), g_memdup2 (&a, sizeof a));
  g_hash_table_insert (layout, rwb_name_key ("Dubai"), g_memdup2 (&b, sizeof b));
  g_assert_true (rwb_project_record_layout (p, "neato", layout, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rwb_project_get_undo_label (p), ==, "Layout");
  g_autofree char *engine = rwb_project_get_view (p, "engine");
  g_assert_cmpstr (engine, ==, "neato");

  g_autoptr (GHashTable) pos = rwb_project_get_positions (p, &error);
  g_assert_cmpuint (g_hash_table_size (pos), ==, 3);
  /* A pinned node keeps the place the user gave it. */
  RwbPosition *px = g_hash_table_lookup (pos, "xiaomi");
  g_assert_cmpfloat (px->x, ==, 10);
  g_assert_true (px->pinned);
  RwbPosition *pd = g_hash_table_lookup (pos, "dubai");
  g_assert_false (pd->pinned);
  g_autoptr (RwbGraph) g = rwb_project_load_graph (p, &error);
  const RwbPosition *found = rwb_positions_lookup (pos, g_ptr_array_index (g->entities, find (g, "Xiaomi")));
  g_assert_nonnull (found);
  g_assert_cmpfloat (found->y, ==, 20);

  /* Another layout forgets unpinned places it does not give; pinned ones stay. Undone. */
  g_autoptr (GHashTable) layout2 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  RwbPosition j = { 1, 2, FALSE };
  g_hash_table_insert (layout2, rwb_name_key ("Jeddah"), g_memdup2 (&j, sizeof j));
  g_assert_true (rwb_project_record_layout (p, "dot", layout2, &error));
  g_autoptr (GHashTable) pos_b = rwb_project_get_positions (p, &error);
  g_assert_true (g_hash_table_contains (pos_b, "jeddah"));
  g_assert_false (g_hash_table_contains (pos_b, "dubai"));
  g_assert_cmpfloat (((RwbPosition *) g_hash_table_lookup (pos_b, "xiaomi"))->x, ==, 10);
  g_assert_true (rwb_project_undo (p, NULL, &error));
  g_autoptr (GHashTable) pos_c = rwb_project_get_positions (p, &error);
  g_assert_true (g_hash_table_contains (pos_c, "dubai"));
  g_assert_false (g_hash_table_contains (pos_c, "jeddah"));

  /* Undo across a reopen: history lives in the project. */
  p = reopen (p);
  g_assert_cmpstr (rwb_project_get_undo_label (p), ==, "Layout");
  g_assert_true (rwb_project_undo (p, NULL, &error));
  g_autofree char *engine2 = rwb_project_get_view (p, "engine");
  g_assert_null (engine2);
  g_autoptr (GHashTable) pos2 = rwb_project_get_positions (p, &error);
  g_assert_cmpuint (g_hash_table_size (pos2), ==, 2);
  g_assert_false (g_hash_table_contains (pos2, "dubai"));
  g_assert_cmpstr (rwb_project_get_undo_label (p), ==, "Move");
  g_assert_cmpstr (rwb_project_get_redo_label (p), ==, "Layout");
  g_assert_true (rwb_project_undo (p, NULL, &error));
  g_autoptr (GHashTable) pos3 = rwb_project_get_positions (p, &error);
  g_assert_cmpuint (g_hash_table_size (pos3), ==, 0);
  g_assert_true (rwb_project_redo (p, NULL, &error));
  g_autoptr (GHashTable) pos4 = rwb_project_get_positions (p, &error);
  g_assert_cmpuint (g_hash_table_size (pos4), ==, 2);

  /* A new command drops the redo stack (the layout). */
  g_autoptr (RwbCorrection) c = rwb_correction_new (RWB_CORRECTION_RENAME, "Nadec", "NADEC");
  g_assert_cmpint (rwb_project_correct (p, c, &error), >, 0);
  g_assert_false (rwb_project_can_redo (p));
  g_autoptr (GPtrArray) history = rwb_project_list_history (p, &error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((RwbHistoryEntry *) g_ptr_array_index (history, 0))->kind, ==, "add-articles");
  g_assert_cmpstr (((RwbHistoryEntry *) g_ptr_array_index (history, 2))->kind, ==, "correct");

  /* Dates: set, undo, and a date that is none refused. */
  g_autoptr (GPtrArray) list = rwb_project_list_articles (p, FALSE, &error);
  gint64 id = ((RwbArticleInfo *) g_ptr_array_index (list, 0))->id;
  g_assert_true (rwb_project_set_article_date (p, id, "2023-12-31", &error));
  g_assert_false (rwb_project_set_article_date (p, id, "2023-02-30", &error));
  g_assert_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_autoptr (GPtrArray) list2 = rwb_project_list_articles (p, FALSE, &error);
  g_assert_cmpstr (((RwbArticleInfo *) g_ptr_array_index (list2, 0))->date, ==, "2023-12-31");
  g_assert_cmpstr (((RwbArticleInfo *) g_ptr_array_index (list2, 0))->date_source, ==, "user");
  g_assert_true (rwb_project_undo (p, NULL, &error));
  g_autoptr (GPtrArray) list3 = rwb_project_list_articles (p, FALSE, &error);
  g_assert_cmpstr (((RwbArticleInfo *) g_ptr_array_index (list3, 0))->date, ==, "2024-03-18");
  g_assert_cmpstr (((RwbArticleInfo *) g_ptr_array_index (list3, 0))->date_source, ==, "text");

  /* The session's own commands come back on undo for it to act on. */
  g_assert_false (rwb_project_push_custom (p, "pin", "Pin", "{}", &error));
  g_clear_error (&error);
  g_assert_true (rwb_project_push_custom (p, "x-pin", "Pin", "{\"node\":\"xiaomi\"}", &error));
  g_autoptr (RwbHistoryEntry) undone = NULL;
  g_assert_true (rwb_project_undo (p, &undone, &error));
  g_assert_cmpstr (undone->data, ==, "{\"node\":\"xiaomi\"}");
  g_assert_cmpuint (undone->changes, ==, RWB_PROJECT_CHANGED_CUSTOM);
  g_assert_false (undone->done);

  /* Undo everything, then once more: nothing to undo. */
  while (rwb_project_can_undo (p))
    g_assert_true (rwb_project_undo (p, NULL, &error));
  g_assert_false (rwb_project_undo (p, NULL, &error));
  g_assert_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_autoptr (GPtrArray) none = rwb_project_list_articles (p, FALSE, &error);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_true (rwb_project_redo (p, NULL, &error));
  g_autoptr (GPtrArray) back = rwb_project_list_articles (p, FALSE, &error);
  g_assert_cmpuint (back->len, ==, 3);
  g_object_unref (p);
}

static void
test_search (void)
{
  RwbProject *p = project_with_articles ("search.rawabit");
  g_autoptr (GError) error = NULL;
  /* شاومى (alef maksura) finds شاومي, with its clitic لـ too. */
  g_autoptr (GPtrArray) hits = rwb_project_search (p, "شاومى", 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 5);
  gboolean clitic = FALSE;
  for (guint i = 0; i < hits->len; i++)
    {
      RwbSearchHit *h = g_ptr_array_index (hits, i);
      g_assert_cmpuint (h->end, >, h->start);
      g_assert_cmpuint (g_utf8_strlen (h->text, -1), ==, h->end - h->start);
      clitic = clitic || strstr (h->text, "وشاومي") != NULL;
      g_autofree char *text = rwb_project_get_article_text (p, h->article, &error);
      const char *at = g_utf8_offset_to_pointer (text, h->start);
      g_assert_true (strncmp (at, h->text, strlen (h->text)) == 0);
    }
  g_assert_true (clitic);
  /* Latin without case, several words, the last a prefix. */
  g_autoptr (GPtrArray) en = rwb_project_search (p, "NOVA electr", 20, &error);
  g_assert_cmpuint (en->len, ==, 4);
  g_assert_cmpstr (((RwbSearchHit *) g_ptr_array_index (en, 0))->title, ==,
                   "Xiaomi and Nova Electronics to make phones in Dubai");
  g_autoptr (GPtrArray) both = rwb_project_search (p, "Savola talks", 20, &error);
  g_assert_cmpuint (both->len, ==, 1);
  /* Not a word, quotes and FTS syntax: no hits and no error. */
  const char *odd[] = { "", "  ,. ", "\"", "NEAR(", "a\" OR \"b", "*" };
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr (GPtrArray) none = rwb_project_search (p, odd[i], 20, &error);
      g_assert_no_error (error);
      g_assert_nonnull (none);
    }
  g_object_unref (p);
}

static void
test_lock_same_process (void)
{
  RwbProject *p = project_with_articles ("lock.rawabit");
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) second = rwb_project_open (rwb_project_get_path (p), 0, &error);
  g_assert_null (second);
  g_assert_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "is open in another Rawabit window or program"));
  g_clear_error (&error);
  /* Read-only (an export while the window has it) is allowed and sees the articles. */
  g_autoptr (RwbProject) reader = rwb_project_open (rwb_project_get_path (p),
                                                    RWB_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) list = rwb_project_list_articles (reader, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_autoptr (RwbCorrection) c = rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY, "Nadec", NULL);
  g_assert_cmpint (rwb_project_correct (reader, c, &error), ==, 0);
  g_assert_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  /* Closed, it opens again. */
  g_autofree char *path = g_strdup (rwb_project_get_path (p));
  g_object_unref (p);
  g_autoptr (RwbProject) third = rwb_project_open (path, 0, &error);
  g_assert_no_error (error);
}

static void
test_lock_other_process (void)
{
  g_autofree char *path = tmp_path ("lock2.rawabit");
  g_unlink (path);
  g_autoptr (GError) error = NULL;
  g_object_unref (rwb_project_create (path, &error));
  g_assert_no_error (error);
  int ready[2];
  g_assert_cmpint (pipe (ready), ==, 0);
  pid_t child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      /* The child holds the project open until it is killed. */
      RwbProject *held = rwb_project_open (path, 0, NULL);
      char ok = held ? 'y' : 'n';
      if (write (ready[1], &ok, 1) != 1)
        _exit (2);
      for (;;)
        pause ();
    }
  char ok = 0;
  g_assert_cmpint (read (ready[0], &ok, 1), ==, 1);
  g_assert_cmpint (ok, ==, 'y');
  g_autoptr (RwbProject) refused = rwb_project_open (path, 0, &error);
  g_assert_null (refused);
  g_assert_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_LOCKED);
  g_autofree char *pid = g_strdup_printf ("(process %d)", (int) child);
  g_assert_nonnull (strstr (error->message, pid));
  g_clear_error (&error);
  /* A crash (SIGKILL) drops the lock with the process. */
  kill (child, SIGKILL);
  waitpid (child, NULL, 0);
  close (ready[0]);
  close (ready[1]);
  g_autoptr (RwbProject) p = rwb_project_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
}

static void
test_not_a_project (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = tmp_path ("text.rawabit");
  g_assert_true (g_file_set_contents (text, "just some text\n", -1, NULL));
  g_assert_null (rwb_project_open (text, 0, &error));
  g_assert_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_NOT_PROJECT);
  g_clear_error (&error);
  /* The file is left as it was. */
  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (text, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "just some text\n");

  /* An SQLite database of another program. */
  g_autofree char *other = tmp_path ("other.db");
  g_unlink (other);
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (rwb_project_open (other, 0, &error));
  g_assert_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_NOT_PROJECT);
  g_clear_error (&error);
  g_assert_false (rwb_project_file_is_project (other));

  /* A newer project. */
  g_autofree char *newer = tmp_path ("newer.rawabit");
  g_unlink (newer);
  g_object_unref (rwb_project_create (newer, &error));
  g_assert_no_error (error);
  g_assert_true (rwb_project_file_is_project (newer));
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (rwb_project_open (newer, 0, &error));
  g_assert_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_TOO_NEW);
  g_clear_error (&error);

  /* Missing, and create over an existing file. */
  g_autofree char *missing = tmp_path ("missing.rawabit");
  g_assert_null (rwb_project_open (missing, 0, &error));
  g_assert_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (rwb_project_create (text, &error));
  g_assert_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);
  g_autofree char *still = NULL;
  g_assert_true (g_file_get_contents (text, &still, NULL, NULL));
  g_assert_cmpstr (still, ==, "just some text\n");
}

/* The schema of version 1, as an older Rawabit wrote it: no search index and no
 * articles.date_source. */
static const char v1_schema[] =
  "PRAGMA application_id = 1381450324; PRAGMA user_version = 1;"
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
  "CREATE TABLE articles (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, title TEXT,"
  " source TEXT, language TEXT NOT NULL, date TEXT, added TEXT NOT NULL, removed TEXT,"
  " length INTEGER NOT NULL, extractor TEXT, text TEXT NOT NULL);"
  "CREATE TABLE entities (article INTEGER NOT NULL, idx INTEGER NOT NULL, name TEXT NOT NULL,"
  " type TEXT NOT NULL, aliases TEXT NOT NULL, source TEXT, PRIMARY KEY (article, idx))"
  " WITHOUT ROWID;"
  "CREATE TABLE mentions (article INTEGER NOT NULL, entity INTEGER NOT NULL, seq INTEGER NOT NULL,"
  " start INTEGER NOT NULL, end INTEGER NOT NULL, kind TEXT NOT NULL,"
  " PRIMARY KEY (article, entity, seq)) WITHOUT ROWID;"
  "CREATE TABLE relations (article INTEGER NOT NULL, idx INTEGER NOT NULL, source INTEGER NOT NULL,"
  " target INTEGER NOT NULL, type TEXT NOT NULL, directed INTEGER NOT NULL,"
  " confidence REAL NOT NULL, PRIMARY KEY (article, idx)) WITHOUT ROWID;"
  "CREATE TABLE rules (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);"
  "CREATE TABLE evidence (article INTEGER NOT NULL, relation INTEGER NOT NULL,"
  " seq INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
  " byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL, rule INTEGER,"
  " PRIMARY KEY (article, relation, seq)) WITHOUT ROWID;"
  "CREATE TABLE corrections (id INTEGER PRIMARY KEY, op TEXT NOT NULL,"
  " active INTEGER NOT NULL DEFAULT 1, created TEXT NOT NULL);"
  "CREATE TABLE positions (key TEXT PRIMARY KEY, x REAL NOT NULL, y REAL NOT NULL,"
  " pinned INTEGER NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE view (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE history (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, label TEXT NOT NULL,"
  " data TEXT NOT NULL, created TEXT NOT NULL);"
  "INSERT INTO meta VALUES ('format', 'rawabit-project'), ('history_position', '1');"
  "INSERT INTO articles VALUES (1, '59:x', 'Old news', 'old.txt', 'en', '2020-01-02',"
  " '2020-01-02T00:00:00Z', NULL, 59, '0.0.1',"
  " 'Acme Widgets signed a deal with Globex Trading in Muscat.');"
  "INSERT INTO entities VALUES (1, 0, 'Acme Widgets', 'company', 'Acme', 'old rule'),"
  " (1, 1, 'Globex Trading', 'company', '', NULL);"
  "INSERT INTO mentions VALUES (1, 0, 0, 0, 12, 'name'), (1, 1, 0, 30, 44, 'name');"
  "INSERT INTO rules VALUES (1, 'trigger «deal»');"
  "INSERT INTO relations VALUES (1, 0, 0, 1, 'partnership', 0, 0.8);"
  "INSERT INTO evidence VALUES (1, 0, 0, 0, 56, 0, 56, 1);"
  "INSERT INTO corrections VALUES (1, '{\"op\":\"rename\",\"a\":\"Acme\",\"b\":\"Acme Widgets LLC\"}',"
  " 1, '2020-01-02T00:00:00Z');"
  "INSERT INTO history VALUES (1, 'correct', 'Rename', '{\"correction\":1}', '2020-01-02T00:00:00Z');";

static void
test_migrate_v1 (void)
{
  g_autofree char *path = tmp_path ("v1.rawabit");
  g_unlink (path);
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  char *message = NULL;
  int rc = sqlite3_exec (db, v1_schema, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("v1 schema: %s", message);
  sqlite3_close (db);

  g_autoptr (GError) error = NULL;
  /* Read-only cannot migrate, and says what to do. */
  g_assert_null (rwb_project_open (path, RWB_PROJECT_OPEN_READ_ONLY, &error));
  g_assert_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  RwbProject *p = rwb_project_open (path, 0, &error);
  g_assert_no_error (error);
  /* Searchable now, from the article's text. */
  g_autoptr (GPtrArray) hits = rwb_project_search (p, "globex", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (((RwbSearchHit *) g_ptr_array_index (hits, 0))->start, ==, 0);
  g_autoptr (RwbGraph) g = rwb_project_load_corrected_graph (p, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g->entities->len, ==, 2);
  g_assert_cmpint (find (g, "Acme Widgets LLC"), >=, 0);
  RwbRelation *r = g_ptr_array_index (g->relations, 0);
  g_autofree char *sentence = rwb_graph_evidence_text (g, &g_array_index (r->evidence, RwbEvidence, 0));
  g_assert_cmpstr (sentence, ==, "Acme Widgets signed a deal with Globex Trading in Muscat");
  g_assert_cmpstr (g_array_index (r->evidence, RwbEvidence, 0).rule, ==, "trigger «deal»");
  g_assert_cmpstr (rwb_project_get_undo_label (p), ==, "Rename");
  g_object_unref (p);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_stmt *st = NULL;
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &st, NULL);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (st, 0), ==, RWB_PROJECT_VERSION);
  sqlite3_finalize (st);
  sqlite3_close (db);
}

static void
test_untrusted_rows (void)
{
  /* Rows a damaged or hand-edited file may hold: offsets past the text, entities that do not
   * exist, unknown types. They are dropped; the rest opens. */
  RwbProject *p = project_with_articles ("untrusted.rawabit");
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) before = rwb_project_load_graph (p, &error);
  g_autofree char *path = g_strdup (rwb_project_get_path (p));
  g_object_unref (p);
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO mentions VALUES (1, 0, 999, 100000, 100005, 'name');"
                                 "INSERT INTO mentions VALUES (1, 77, 0, 1, 2, 'name');"
                                 "INSERT INTO entities VALUES (1, 500, 'Ghost', 'planet', '', NULL);"
                                 "INSERT INTO relations VALUES (1, 900, 0, 4242, 'supply', 1, 0.5);"
                                 "INSERT INTO evidence VALUES (1, 0, 999, 5, 3, 9, 2, 1);"
                                 "INSERT INTO evidence VALUES (1, 0, 998, 0, 5, 0, 50000, 1);"
                                 "INSERT INTO positions VALUES ('x', 'nan', 1, 0);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  p = rwb_project_open (path, 0, &error);
  g_assert_no_error (error);
  g_autoptr (RwbGraph) after = rwb_project_load_graph (p, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->entities->len, ==, before->entities->len);
  g_assert_cmpuint (after->relations->len, ==, before->relations->len);
  RwbEntity *e0 = g_ptr_array_index (after->entities, 0), *b0 = g_ptr_array_index (before->entities, 0);
  g_assert_cmpuint (e0->mentions->len, ==, b0->mentions->len);
  for (guint k = 0; k < after->relations->len; k++)
    g_assert_cmpuint (((RwbRelation *) g_ptr_array_index (after->relations, k))->evidence->len, ==,
                      ((RwbRelation *) g_ptr_array_index (before->relations, k))->evidence->len);
  g_autoptr (GHashTable) pos = rwb_project_get_positions (p, &error);
  g_assert_no_error (error);
  g_object_unref (p);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autoptr (GError) error = NULL;
  tmp_dir = g_dir_make_tmp ("rawabit-project-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/project/create-add-reopen", test_create_add_reopen);
  g_test_add_func ("/project/provenance-removal", test_provenance_and_removal);
  g_test_add_func ("/project/corrections", test_corrections_persist);
  g_test_add_func ("/project/history", test_history);
  g_test_add_func ("/project/search", test_search);
  g_test_add_func ("/project/lock-same-process", test_lock_same_process);
  g_test_add_func ("/project/lock-other-process", test_lock_other_process);
  g_test_add_func ("/project/not-a-project", test_not_a_project);
  g_test_add_func ("/project/migrate-v1", test_migrate_v1);
  g_test_add_func ("/project/untrusted-rows", test_untrusted_rows);
  int status = g_test_run ();
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  if (system (rm) != 0)
    g_debug ("could not remove %s", tmp_dir);
  return status;
}
