/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session.c — RwbSession: selection, filters, positions, corrections and undo, in memory
 * and in a project. */
#include "rwb-config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "rwb-extract.h"
#include "rwb-import.h"
#include "rwb-lexicon.h"
#include "rwb-session.h"

static char *tmp_dir;

/* Four entities: Alpha Motors, Alpha (another spelling), Beta Bank, Gamma City. Alpha Motors
 * owns Beta Bank; Beta Bank is in Gamma City; Alpha is partner of Beta Bank. */
static RwbGraph *
small_graph (void)
{
  RwbGraph *g = rwb_graph_new ();
  guint a = rwb_graph_add_entity (g, "Alpha Motors", RWB_ENTITY_COMPANY);
  guint a2 = rwb_graph_add_entity (g, "Alpha", RWB_ENTITY_COMPANY);
  guint b = rwb_graph_add_entity (g, "Beta Bank", RWB_ENTITY_COMPANY);
  guint c = rwb_graph_add_entity (g, "Gamma City", RWB_ENTITY_PLACE);

  rwb_graph_add_document (g, NULL, "en", "Alpha Motors owns Beta Bank.");
  rwb_graph_ensure_relation (g, a, b, RWB_RELATION_OWNERSHIP, 0.9);
  rwb_graph_ensure_relation (g, b, c, RWB_RELATION_LOCATION, 0.8);
  rwb_graph_ensure_relation (g, a2, b, RWB_RELATION_PARTNERSHIP, 0.5);
  return g;
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

static void
test_selection (void)
{
  g_autoptr (RwbSession) session = rwb_session_new ();
  g_autoptr (RwbGraph) g = small_graph ();
  g_autoptr (GArray) selected = NULL;
  gboolean hidden[4] = { FALSE, FALSE, TRUE, FALSE };
  guint changes = 0, filters = 0;

  g_signal_connect_swapped (session, "selection-changed", G_CALLBACK (count_signal), &changes);
  g_signal_connect_swapped (session, "filter-changed", G_CALLBACK (count_signal), &filters);
  rwb_session_set_graph (session, g);
  g_assert_true (rwb_session_get_graph (session) == g);

  rwb_session_select_entity (session, 0, FALSE);
  rwb_session_select_entity (session, 2, TRUE);
  rwb_session_select_entity (session, 2, TRUE); /* no change */
  g_assert_cmpuint (changes, ==, 2);
  selected = rwb_session_get_selected_entities (session);
  g_assert_cmpuint (selected->len, ==, 2);
  g_assert_cmpuint (g_array_index (selected, guint, 1), ==, 2);

  /* A relation alone; then an entity replaces it. */
  rwb_session_select_relation (session, 1);
  g_assert_cmpint (rwb_session_get_selected_relation (session), ==, 1);
  g_assert_false (rwb_session_is_entity_selected (session, 0));
  rwb_session_select_entity (session, 2, FALSE);
  g_assert_cmpint (rwb_session_get_selected_relation (session), ==, -1);

  /* Hiding Beta Bank takes it out of the selection, and its relations out of reach. */
  changes = 0;
  rwb_session_set_hidden (session, hidden, NULL);
  g_assert_cmpuint (filters, >=, 1);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (rwb_session_is_entity_selected (session, 2));
  g_assert_true (rwb_session_entity_hidden (session, 2));
  g_assert_true (rwb_session_relation_hidden (session, 0));
  g_assert_true (rwb_session_relation_hidden (session, 99)); /* no such relation */
  /* Selected while hidden (the neighbourhood filter follows the selection), it goes at the
   * next change of the filters. */
  rwb_session_select_entity (session, 2, FALSE);
  g_assert_true (rwb_session_is_entity_selected (session, 2));
  rwb_session_set_hidden (session, hidden, NULL);
  g_assert_false (rwb_session_is_entity_selected (session, 2));

  /* Unselect; clear. */
  rwb_session_select_entity (session, 3, FALSE);
  rwb_session_unselect_entity (session, 3);
  g_assert_false (rwb_session_is_entity_selected (session, 3));

  /* A new graph is new work: selection and filters go. */
  rwb_session_select_entity (session, 0, FALSE);
  {
    g_autoptr (RwbGraph) other = small_graph ();
    rwb_session_set_graph (session, other);
  }
  g_assert_false (rwb_session_is_entity_selected (session, 0));
  g_assert_false (rwb_session_entity_hidden (session, 2));
}

static void
test_reveal (void)
{
  g_autoptr (RwbSession) session = rwb_session_new ();
  g_autoptr (RwbGraph) g = small_graph ();
  guint revealed = 0;

  g_signal_connect_swapped (session, "reveal-entity", G_CALLBACK (count_signal), &revealed);
  rwb_session_set_graph (session, g);
  rwb_session_reveal_entity (session, 3);
  g_assert_cmpuint (revealed, ==, 1);
  g_assert_true (rwb_session_is_entity_selected (session, 3));
  rwb_session_reveal_entity (session, 42); /* not an entity: nothing */
  g_assert_cmpuint (revealed, ==, 1);
}

static void
test_filter_properties (void)
{
  g_autoptr (RwbSession) session = rwb_session_new ();
  guint notified = 0;

  g_signal_connect_swapped (session, "notify::min-confidence", G_CALLBACK (count_signal),
                            &notified);
  rwb_session_set_min_confidence (session, 0.4);
  rwb_session_set_min_confidence (session, 0.4);
  g_assert_cmpuint (notified, ==, 1);
  rwb_session_set_min_confidence (session, 7);
  g_assert_cmpfloat (rwb_session_get_min_confidence (session), ==, 1.0);
  g_object_set (session, "hidden-entity-types", 1u << RWB_ENTITY_PLACE, "show-mentions", TRUE,
                NULL);
  g_assert_cmpuint (rwb_session_get_hidden_entity_types (session), ==, 1u << RWB_ENTITY_PLACE);
  g_assert_true (rwb_session_get_show_mentions (session));
}

static void
test_correct_undo_memory (void)
{
  g_autoptr (RwbSession) session = rwb_session_new ();
  g_autoptr (RwbGraph) g = small_graph ();
  g_autoptr (RwbCorrection) merge = rwb_correction_new (RWB_CORRECTION_MERGE, "Alpha Motors",
                                                        "Alpha");
  g_autoptr (RwbCorrection) reject = rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY,
                                                         "Gamma City", NULL);
  g_autoptr (RwbCorrection) bad = rwb_correction_new (RWB_CORRECTION_MERGE, "Alpha", NULL);
  g_autoptr (GError) error = NULL;
  RwbGraph *now;

  rwb_session_set_graph (session, g);
  g_assert_false (rwb_session_can_undo (session));
  g_assert_null (rwb_session_get_undo_label (session));

  /* An invalid correction is refused and changes nothing. */
  g_assert_false (rwb_session_correct (session, bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (rwb_session_can_undo (session));

  rwb_session_select_entity (session, find (g, "Beta Bank"), FALSE);
  g_assert_true (rwb_session_correct (session, merge, &error));
  g_assert_no_error (error);
  /* Without a scene the corrected graph is shown at once, with the selection by name. */
  now = rwb_session_get_graph (session);
  g_assert_true (now != g);
  g_assert_null (rwb_session_get_pending_graph (session));
  g_assert_cmpuint (now->entities->len, ==, 3);
  g_assert_cmpint (find (now, "Alpha"), ==, find (now, "Alpha Motors"));
  g_assert_true (rwb_session_is_entity_selected (session, find (now, "Beta Bank")));
  g_assert_cmpstr (rwb_session_get_undo_label (session), ==,
                   rwb_correction_kind_label (RWB_CORRECTION_MERGE));

  g_assert_true (rwb_session_correct (session, reject, &error));
  g_assert_cmpuint (rwb_session_get_graph (session)->entities->len, ==, 2);
  {
    g_autoptr (RwbCorrections) list = rwb_session_get_corrections (session);
    g_assert_cmpuint (rwb_corrections_len (list), ==, 2);
  }

  /* Undo the reject, then the merge; redo the merge. */
  g_assert_true (rwb_session_undo (session, &error));
  g_assert_cmpuint (rwb_session_get_graph (session)->entities->len, ==, 3);
  g_assert_true (rwb_session_undo (session, &error));
  g_assert_cmpuint (rwb_session_get_graph (session)->entities->len, ==, 4);
  g_assert_false (rwb_session_can_undo (session));
  g_assert_false (rwb_session_undo (session, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rwb_session_can_redo (session));
  g_assert_true (rwb_session_redo (session, &error));
  g_assert_cmpuint (rwb_session_get_graph (session)->entities->len, ==, 3);
  /* A new command drops what was undone after it. */
  g_assert_true (rwb_session_can_redo (session));
  {
    g_autoptr (RwbCorrection) rename = rwb_correction_new (RWB_CORRECTION_RENAME, "Beta Bank",
                                                           "Beta Group");
    g_assert_true (rwb_session_correct (session, rename, &error));
  }
  g_assert_false (rwb_session_can_redo (session));
  g_assert_cmpint (find (rwb_session_get_graph (session), "Beta Group"), >=, 0);
  g_assert_cmpint (find (rwb_session_get_graph (session), "Gamma City"), >=, 0);
}

static void
test_pending_with_scene (void)
{
  g_autoptr (RwbSession) session = rwb_session_new ();
  g_autoptr (RwbGraph) g = small_graph ();
  g_autoptr (RwbCorrection) reject = rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY,
                                                         "Alpha", NULL);
  g_autoptr (GError) error = NULL;
  guint graphs = 0;
  RwbGraph *pending;

  rwb_session_set_scene (session, rwb_scene_new (g));
  g_assert_true (rwb_session_get_graph (session) == g);
  g_signal_connect_swapped (session, "graph-changed", G_CALLBACK (count_signal), &graphs);
  rwb_session_select_entity (session, find (g, "Gamma City"), FALSE);

  /* With a scene the edit waits for its layout: the old graph stays shown. */
  g_assert_true (rwb_session_correct (session, reject, &error));
  pending = rwb_session_get_pending_graph (session);
  g_assert_nonnull (pending);
  g_assert_true (rwb_session_get_graph (session) == g);
  g_assert_cmpuint (graphs, ==, 0);
  g_assert_cmpuint (pending->entities->len, ==, 3);

  /* Its scene arrives: the graph is the edit's, the selection follows by name, the history
   * stays (it is the same work). */
  rwb_session_set_scene (session, rwb_scene_new (pending));
  g_assert_true (rwb_session_get_graph (session) == pending);
  g_assert_null (rwb_session_get_pending_graph (session));
  g_assert_cmpuint (graphs, ==, 1);
  g_assert_true (rwb_session_is_entity_selected (session,
                                                 find (rwb_session_get_graph (session),
                                                       "Gamma City")));
  g_assert_true (rwb_session_can_undo (session));

  /* A second scene of the same graph (another engine) keeps everything. */
  rwb_session_set_scene (session, rwb_scene_new (rwb_session_get_graph (session)));
  g_assert_cmpuint (graphs, ==, 1);
  g_assert_true (rwb_session_can_undo (session));
}

/* What an export writes: the shown graph (Alpha hidden) with the session's scene cut down and
 * renumbered to it: every node of a shown entity where the view has it (Beta Bank where a drag
 * left it), the edges of the relations left, none of the hidden one's. No scene, no places. */
static void
test_dup_shown_scene (void)
{
  g_autoptr (RwbSession) session = rwb_session_new ();
  g_autoptr (RwbGraph) g = small_graph ();
  g_autoptr (RwbScene) none = NULL;
  guint n = g->entities->len;
  RwbScene *scene = rwb_scene_new (g);
  gboolean hidden[4] = { FALSE, TRUE, FALSE, FALSE };

  /* Nodes in the reverse order of the entities, so that renumbering shows. */
  for (guint k = 0; k < n; k++)
    {
      RwbSceneNode node = { 0 };

      node.entity = n - 1 - k;
      node.x = 100.0 * node.entity;
      node.y = 10.0 * node.entity;
      node.width = 40;
      node.height = 20;
      node.label = g_strdup (((RwbEntity *) g_ptr_array_index (g->entities, node.entity))->name);
      g_array_append_val (scene->nodes, node);
    }
  for (guint r = 0; r < g->relations->len; r++)
    {
      const RwbRelation *rel = g_ptr_array_index (g->relations, r);
      RwbSceneEdge edge = { 0 };
      RwbPoint p[4] = { { 0, 0 }, { 1, 1 }, { 2, 2 }, { 3, 3 } };

      edge.relation = r;
      edge.from = n - 1 - rel->source;
      edge.to = n - 1 - rel->target;
      edge.points = g_array_new (FALSE, FALSE, sizeof (RwbPoint));
      g_array_append_vals (edge.points, p, 4);
      g_array_append_val (scene->edges, edge);
    }
  g_assert_null (rwb_session_dup_shown (session, &none));
  rwb_session_set_graph (session, g);
  {
    g_autoptr (RwbGraph) shown = rwb_session_dup_shown (session, &none);

    g_assert_nonnull (shown);
    g_assert_null (none);
  }
  rwb_session_set_scene (session, scene);
  /* A drag, as the view does it: on the session's scene. */
  rwb_scene_move_node (rwb_session_get_scene (session), n - 1 - find (g, "Beta Bank"), 555, 66);
  rwb_session_set_hidden (session, hidden, NULL);
  {
    g_autoptr (RwbScene) part = NULL;
    g_autoptr (RwbGraph) shown = rwb_session_dup_shown (session, &part);

    g_assert_cmpuint (shown->entities->len, ==, 3);
    g_assert_nonnull (part);
    g_assert_true (part->graph == shown);
    g_assert_cmpuint (part->nodes->len, ==, 3);
    for (guint k = 0; k < part->nodes->len; k++)
      {
        const RwbSceneNode *node = &g_array_index (part->nodes, RwbSceneNode, k);
        const RwbEntity *e;
        gint original;

        g_assert_cmpuint (node->entity, <, shown->entities->len);
        e = g_ptr_array_index (shown->entities, node->entity);
        g_assert_cmpstr (node->label, ==, e->name);
        original = find (g, e->name);
        if (g_str_equal (e->name, "Beta Bank"))
          {
            g_assert_cmpfloat (node->x, ==, 555);
            g_assert_cmpfloat (node->y, ==, 66);
          }
        else
          g_assert_cmpfloat (node->x, ==, 100.0 * original);
      }
    /* Owns and is-in stay; Alpha's partnership went with Alpha. */
    g_assert_cmpuint (shown->relations->len, ==, 2);
    g_assert_cmpuint (part->edges->len, ==, 2);
    for (guint k = 0; k < part->edges->len; k++)
      {
        const RwbSceneEdge *edge = &g_array_index (part->edges, RwbSceneEdge, k);
        const RwbRelation *rel;

        g_assert_cmpuint (edge->relation, <, shown->relations->len);
        rel = g_ptr_array_index (shown->relations, edge->relation);
        g_assert_cmpuint (g_array_index (part->nodes, RwbSceneNode, edge->from).entity, ==,
                          rel->source);
        g_assert_cmpuint (g_array_index (part->nodes, RwbSceneNode, edge->to).entity, ==,
                          rel->target);
        g_assert_cmpuint (edge->points->len, ==, 4);
      }
  }
}

static void
test_positions (void)
{
  g_autoptr (RwbSession) session = rwb_session_new ();
  g_autoptr (RwbGraph) g = small_graph ();
  g_autoptr (RwbCorrection) merge = rwb_correction_new (RWB_CORRECTION_MERGE, "Alpha Motors",
                                                        "Alpha");
  g_autoptr (GError) error = NULL;
  guint moved = 0;
  double x = 0, y = 0;

  rwb_session_set_graph (session, g);
  g_signal_connect_swapped (session, "positions-changed", G_CALLBACK (count_signal), &moved);
  g_assert_false (rwb_session_get_entity_position (session, 1, &x, &y));
  g_assert_false (rwb_session_move_entity (session, 1, NAN, 3, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (rwb_session_move_entity (session, find (g, "Alpha"), 10, 20, &error));
  g_assert_true (rwb_session_move_entity (session, find (g, "Alpha"), 30, 40, &error));
  g_assert_cmpuint (moved, ==, 2);
  g_assert_true (rwb_session_get_entity_position (session, find (g, "Alpha"), &x, &y));
  g_assert_cmpfloat (x, ==, 30);
  g_assert_cmpfloat (y, ==, 40);
  g_assert_cmpstr (rwb_session_get_undo_label (session), ==, "Move");

  /* Undo goes one move back, then to no position. */
  g_assert_true (rwb_session_undo (session, &error));
  g_assert_true (rwb_session_get_entity_position (session, find (g, "Alpha"), &x, &y));
  g_assert_cmpfloat (x, ==, 10);
  g_assert_true (rwb_session_undo (session, &error));
  g_assert_false (rwb_session_get_entity_position (session, find (g, "Alpha"), &x, &y));
  g_assert_true (rwb_session_redo (session, &error));
  g_assert_true (rwb_session_redo (session, &error));

  /* Merged into Alpha Motors, the place stays found through the alias. */
  g_assert_true (rwb_session_correct (session, merge, &error));
  g_assert_true (rwb_session_get_entity_position (session,
                                                  find (rwb_session_get_graph (session),
                                                        "Alpha Motors"),
                                                  &x, &y));
  g_assert_cmpfloat (x, ==, 30);

  /* Reset forgets all, undoably. */
  g_assert_true (rwb_session_reset_positions (session, &error));
  g_assert_cmpuint (g_hash_table_size (rwb_session_get_positions (session)), ==, 0);
  g_assert_true (rwb_session_undo (session, &error));
  g_assert_cmpuint (g_hash_table_size (rwb_session_get_positions (session)), ==, 1);
}

static void
test_add_graph (void)
{
  g_autoptr (RwbSession) session = rwb_session_new ();
  g_autoptr (RwbGraph) g = small_graph ();
  g_autoptr (RwbGraph) part = rwb_graph_new ();
  g_autoptr (RwbCorrection) reject = rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY,
                                                         "Gamma City", NULL);
  g_autoptr (GError) error = NULL;
  RwbGraph *now;
  guint d, c;

  rwb_session_set_graph (session, g);
  rwb_session_select_entity (session, find (g, "Beta Bank"), FALSE);
  g_assert_true (rwb_session_correct (session, reject, &error));

  /* A new article mentions the rejected place again, and a new company. */
  rwb_graph_add_document (part, NULL, "en", "Delta Foods is based in Gamma City.");
  d = rwb_graph_add_entity (part, "Delta Foods", RWB_ENTITY_COMPANY);
  c = rwb_graph_add_entity (part, "Gamma City", RWB_ENTITY_PLACE);
  rwb_graph_ensure_relation (part, d, c, RWB_RELATION_LOCATION, 0.6);
  g_assert_true (rwb_session_add_graph (session, part, &error));
  g_assert_no_error (error);

  now = rwb_session_get_graph (session);
  g_assert_cmpuint (now->documents->len, ==, 2);
  g_assert_cmpint (find (now, "Delta Foods"), >=, 0);
  /* The rejection holds for the new article too; the selection and history stay. */
  g_assert_cmpint (find (now, "Gamma City"), <, 0);
  g_assert_true (rwb_session_is_entity_selected (session, find (now, "Beta Bank")));
  g_assert_true (rwb_session_can_undo (session));
  /* The part was only read. */
  g_assert_cmpuint (part->entities->len, ==, 2);
  /* Undoing the rejection brings the place back, from both articles. */
  g_assert_true (rwb_session_undo (session, &error));
  g_assert_cmpint (find (rwb_session_get_graph (session), "Gamma City"), >=, 0);
  g_assert_cmpint (find (rwb_session_get_graph (session), "Delta Foods"), >=, 0);
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

static void
test_project (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "session.rawabit", NULL);
  g_autofree char *article = g_test_build_filename (G_TEST_DIST, "data", "project",
                                                    "en-xiaomi-nova.txt", NULL);
  const char *files[] = { article, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) project = rwb_project_create (path, &error);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (RwbSession) session = rwb_session_new ();
  g_autoptr (RwbCorrection) reject = NULL;
  RwbGraph *g;
  gint nova;
  guint before;
  double x, y;

  g_assert_no_error (error);
  items = rwb_import_files (lexicon (), files, 1, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rwb_project_add_articles (project, items, NULL, &error));

  g_assert_true (rwb_session_set_project (session, project, &error));
  g_assert_no_error (error);
  g = rwb_session_get_graph (session);
  g_assert_nonnull (g);
  before = g->entities->len;
  nova = find (g, "Nova Electronics");
  g_assert_cmpint (nova, >=, 0);

  /* Every edit is in the project at once. */
  g_assert_true (rwb_session_move_entity (session, nova, 5, 6, &error));
  g_assert_no_error (error);
  reject = rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY, "Nova Electronics", NULL);
  g_assert_true (rwb_session_correct (session, reject, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rwb_session_get_graph (session)->entities->len, ==, before - 1);
  g_assert_true (rwb_project_can_undo (project));
  {
    g_autoptr (RwbCorrections) list = rwb_project_get_corrections (project, &error);
    g_assert_cmpuint (rwb_corrections_len (list), ==, 1);
  }

  /* A second session on the same project finds the edits there. */
  {
    g_autoptr (RwbSession) again = rwb_session_new ();
    g_assert_true (rwb_session_set_project (again, project, &error));
    g_assert_cmpuint (rwb_session_get_graph (again)->entities->len, ==, before - 1);
    g_assert_cmpuint (g_hash_table_size (rwb_session_get_positions (again)), ==, 1);
  }

  /* Undo through the session undoes in the project. */
  g_assert_true (rwb_session_undo (session, &error));
  g_assert_no_error (error);
  g = rwb_session_get_graph (session);
  g_assert_cmpuint (g->entities->len, ==, before);
  g_assert_true (rwb_session_get_entity_position (session, find (g, "Nova Electronics"), &x, &y));
  g_assert_cmpfloat (x, ==, 5);
  g_assert_true (rwb_session_undo (session, &error));
  g_assert_false (rwb_session_get_entity_position (session, find (g, "Nova Electronics"), &x,
                                                   &y));
  g_assert_true (rwb_session_redo (session, &error));
  g_assert_true (rwb_session_get_entity_position (session, find (g, "Nova Electronics"), &x, &y));

  g_assert_true (rwb_project_close (project, &error));
  g_unlink (path);
}

static void
test_save_as (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "saved.rawabit", NULL);
  g_autofree char *article = g_test_build_filename (G_TEST_DIST, "data", "project",
                                                    "en-xiaomi-nova.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (article);
  g_autoptr (RwbGraph) g = rwb_graph_new ();
  g_autoptr (RwbSession) session = rwb_session_new ();
  g_autoptr (RwbCorrection) reject = rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY,
                                                         "Nova Electronics", NULL);
  g_autoptr (GError) error = NULL;
  RwbProject *project;
  guint before;
  double x, y;

  g_unlink (path);
  g_assert_true (rwb_extract_file (lexicon (), g, file, NULL, NULL, &error));
  rwb_session_set_graph (session, g);
  before = g->entities->len;
  g_assert_true (rwb_session_move_entity (session, find (g, "Xiaomi"), 7, 8, &error));
  g_assert_true (rwb_session_correct (session, reject, &error));

  project = rwb_session_save_as (session, path, lexicon (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_true (rwb_session_get_project (session) == project);
  /* The same work, now in the file: reopened elsewhere it has the correction and the place. */
  g_assert_cmpuint (rwb_session_get_graph (session)->entities->len, ==, before - 1);
  {
    g_autoptr (RwbSession) again = rwb_session_new ();
    g_autoptr (RwbProject) reopened = NULL;

    g_assert_true (rwb_project_close (project, &error));
    reopened = rwb_project_open (path, RWB_PROJECT_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_true (rwb_session_set_project (again, reopened, &error));
    g_assert_cmpint (find (rwb_session_get_graph (again), "Nova Electronics"), <, 0);
    g_assert_true (rwb_session_get_entity_position (again,
                                                    find (rwb_session_get_graph (again), "Xiaomi"),
                                                    &x, &y));
    g_assert_cmpfloat (x, ==, 7);
  }
  /* A second Save As of work in a project is refused. */
  g_assert_null (rwb_session_save_as (session, path, lexicon (), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("rawabit-session-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/session/selection", test_selection);
  g_test_add_func ("/session/reveal", test_reveal);
  g_test_add_func ("/session/filter-properties", test_filter_properties);
  g_test_add_func ("/session/correct-undo-memory", test_correct_undo_memory);
  g_test_add_func ("/session/pending-with-scene", test_pending_with_scene);
  g_test_add_func ("/session/positions", test_positions);
  g_test_add_func ("/session/add-graph", test_add_graph);
  g_test_add_func ("/session/dup-shown-scene", test_dup_shown_scene);
  g_test_add_func ("/session/project", test_project);
  g_test_add_func ("/session/save-as", test_save_as);
  status = g_test_run ();
  g_rmdir (tmp_dir);
  return status;
}
