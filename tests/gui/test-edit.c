/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-edit.c — corrections and undo in the real window, on the sample article: delete, rename,
 * retype, merge, reverse and delete a relation, each undone and redone through the win.
 * actions the menus and shortcuts use; the undo item's label; a node drag undone; the canvas
 * context menu.
 *
 * Runs under xvfb-run (see meson.build). Every wait has a time limit that fails the test.
 */
#define G_LOG_DOMAIN "rawabit-test-edit"

#include "rwb-config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "rwb-application.h"
#include "rwb-article-view.h"
#include "rwb-details-panel.h"
#include "rwb-edit-actions.h"
#include "rwb-graph-view-private.h"
#include "rwb-graph-view.h"
#include "rwb-project.h"
#include "rwb-window.h"

#include "gui-test-util.h"

static RwbApplication *app;
static RwbWindow *window;

static RwbGraphView *
graph_view (void)
{
  return RWB_GRAPH_VIEW (template_child_of (window, RWB_TYPE_WINDOW, "graph_view"));
}

static RwbSession *
session (void)
{
  return rwb_graph_view_get_session (graph_view ());
}

static RwbGraph *
graph (void)
{
  return rwb_session_get_graph (session ());
}

static gint
find (const char *name)
{
  return rwb_graph_find_entity (graph (), name);
}

/* Activates win.@name and waits until the graph it made is laid out and shown. */
static void
run (const char *name, GVariant *parameter)
{
  run_window_action (window, name, parameter);
}

static void
ensure_sample_open (void)
{
  window = wait_for_sample (app, window);
  rwb_session_select_entity (session (), -1, FALSE);
}

/* The first item of the primary menu's undo section. */
static char *
undo_item_label (void)
{
  GMenuModel *section = template_child_of (window, RWB_TYPE_WINDOW, "undo_section");
  char *label = NULL;

  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 2);
  g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  return label;
}

static void
test_delete_undo_redo (void)
{
  guint before;
  g_autofree char *label = NULL;

  ensure_sample_open ();
  before = graph ()->entities->len;
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "delete"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  rwb_session_select_entity (session (), find ("Baidu"), FALSE);
  run ("delete", NULL);
  g_assert_cmpint (find ("Baidu"), <, 0);
  g_assert_cmpuint (graph ()->entities->len, ==, before - 1);
  label = undo_item_label ();
  g_assert_cmpstr (label, ==, "_Undo Delete Entity");

  run ("undo", NULL);
  g_assert_cmpint (find ("Baidu"), >=, 0);
  g_assert_cmpuint (graph ()->entities->len, ==, before);
  run ("redo", NULL);
  g_assert_cmpint (find ("Baidu"), <, 0);
  run ("undo", NULL);
  g_assert_cmpint (find ("Baidu"), >=, 0);
}

static void
test_rename_retype (void)
{
  RwbEntityType type;

  ensure_sample_open ();
  rwb_session_select_entity (session (), find ("Xiaomi"), FALSE);
  run ("rename", g_variant_new_string ("Xiaomi Group"));
  g_assert_cmpint (find ("Xiaomi Group"), >=, 0);
  /* The selection follows the entity to its new name. */
  g_assert_true (rwb_session_is_entity_selected (session (), find ("Xiaomi Group")));
  g_assert_cmpstr (((RwbEntity *) g_ptr_array_index (graph ()->entities,
                                                      find ("Xiaomi Group")))->name,
                   ==, "Xiaomi Group");
  run ("undo", NULL);
  g_assert_cmpstr (((RwbEntity *) g_ptr_array_index (graph ()->entities, find ("Xiaomi")))->name,
                   ==, "Xiaomi");

  rwb_session_select_entity (session (), find ("Lei Jun"), FALSE);
  type = ((RwbEntity *) g_ptr_array_index (graph ()->entities, find ("Lei Jun")))->type;
  g_assert_cmpint (type, !=, RWB_ENTITY_PLACE);
  run ("retype", g_variant_new_string ("place"));
  g_assert_cmpint (((RwbEntity *) g_ptr_array_index (graph ()->entities, find ("Lei Jun")))->type,
                   ==, RWB_ENTITY_PLACE);
  run ("undo", NULL);
  g_assert_cmpint (((RwbEntity *) g_ptr_array_index (graph ()->entities, find ("Lei Jun")))->type,
                   ==, type);
}

static void
test_merge (void)
{
  guint before;
  const RwbEntity *merged;
  gboolean alias = FALSE;

  ensure_sample_open ();
  before = graph ()->entities->len;
  rwb_session_select_entity (session (), find ("Xiaomi"), FALSE);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "merge"));
  rwb_session_select_entity (session (), find ("Baidu"), TRUE);
  run ("merge", NULL);
  g_assert_cmpuint (graph ()->entities->len, ==, before - 1);
  /* Baidu is a name of Xiaomi now, whose name stays. */
  g_assert_cmpint (find ("Baidu"), ==, find ("Xiaomi"));
  merged = g_ptr_array_index (graph ()->entities, find ("Xiaomi"));
  g_assert_cmpstr (merged->name, ==, "Xiaomi");
  for (guint i = 0; i < merged->aliases->len; i++)
    alias |= g_str_equal (g_ptr_array_index (merged->aliases, i), "Baidu");
  g_assert_true (alias);
  run ("undo", NULL);
  g_assert_cmpuint (graph ()->entities->len, ==, before);
  g_assert_cmpint (find ("Baidu"), !=, find ("Xiaomi"));
}

/* The first relation other than a co-occurrence, and its ends' names. */
static gint
first_relation (const char **source, const char **target, RwbRelationType *type)
{
  for (guint i = 0; i < graph ()->relations->len; i++)
    {
      const RwbRelation *r = g_ptr_array_index (graph ()->relations, i);

      if (r->type == RWB_RELATION_MENTION || !r->directed)
        continue;
      *source = ((RwbEntity *) g_ptr_array_index (graph ()->entities, r->source))->name;
      *target = ((RwbEntity *) g_ptr_array_index (graph ()->entities, r->target))->name;
      *type = r->type;
      return i;
    }
  g_assert_not_reached ();
}

static gint
relation_between (const char *a, const char *b, RwbRelationType type)
{
  for (guint i = 0; i < graph ()->relations->len; i++)
    {
      const RwbRelation *r = g_ptr_array_index (graph ()->relations, i);

      if (r->type == type && r->source == (guint) find (a) && r->target == (guint) find (b))
        return i;
    }
  return -1;
}

static void
test_relation (void)
{
  const char *s, *t;
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  RwbRelationType type;
  guint before;

  ensure_sample_open ();
  rwb_session_select_relation (session (), first_relation (&s, &t, &type));
  source = g_strdup (s);
  target = g_strdup (t);
  before = graph ()->relations->len;

  run ("reverse", NULL);
  g_assert_cmpint (relation_between (target, source, type), >=, 0);
  g_assert_cmpint (relation_between (source, target, type), <, 0);
  run ("undo", NULL);
  g_assert_cmpint (relation_between (source, target, type), >=, 0);

  rwb_session_select_relation (session (), relation_between (source, target, type));
  run ("delete", NULL);
  g_assert_cmpint (relation_between (source, target, type), <, 0);
  g_assert_cmpuint (graph ()->relations->len, <, before);
  run ("undo", NULL);
  g_assert_cmpint (relation_between (source, target, type), >=, 0);
}

/* Whether @menu (or a section or submenu of it) has an item for @action with string @target. */
static gboolean
menu_has (GMenuModel *menu, const char *action, const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr (GVariant) value = NULL;
      g_autoptr (GMenuLinkIter) links = NULL;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_strcmp0 (name, action) == 0)
        {
          value = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                         G_VARIANT_TYPE_STRING);
          if (value != NULL && g_strcmp0 (g_variant_get_string (value, NULL), target) == 0)
            return TRUE;
        }
      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          gboolean found = menu_has (link, action, target);

          g_object_unref (link);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

/* Split Off in the context menu, for each other name; and a relation added while a sentence
 * is selected in the Article panel has that sentence as its evidence. */
static void
test_split_and_evidence (void)
{
  RwbArticleView *article = template_child_of (window, RWB_TYPE_WINDOW, "article_view");
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkTextIter a, b;
  const RwbDocument *doc;
  const RwbRelation *r;
  const RwbEvidence *ev;
  guint entities;
  gint k;

  ensure_sample_open ();
  entities = graph ()->entities->len;
  rwb_session_select_entity (session (), find ("Xiaomi"), FALSE);
  {
    g_autoptr (GMenuModel) menu = rwb_edit_menu_new (session ());

    g_assert_true (menu_has (menu, "win.split", "شاومي"));
    g_assert_false (menu_has (menu, "win.split", "Xiaomi"));
    /* Another spelling of the same name is not offered again. */
    g_assert_false (menu_has (menu, "win.split", "شاومى"));
  }
  /* The details panel offers the same corrections, and they reach the window's actions. */
  {
    GtkWidget *details = template_child_of (window, RWB_TYPE_WINDOW, "details_panel");
    GtkMenuButton *correct = template_child_of (details, RWB_TYPE_DETAILS_PANEL,
                                                "correct_button");
    GMenuModel *menu = gtk_menu_button_get_menu_model (correct);

    settle ();
    g_assert_nonnull (menu);
    g_assert_true (menu_has (menu, "win.split", "شاومي"));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (correct)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (correct), "win.split", "s",
                                               "شاومي"));
    g_assert_true (wait_for (window_shows_latest, window));
    g_assert_cmpint (find ("شاومي"), !=, find ("Xiaomi"));
    run ("undo", NULL);
    g_assert_cmpint (find ("شاومي"), ==, find ("Xiaomi"));
    rwb_session_select_entity (session (), find ("Xiaomi"), FALSE);
  }
  run ("split", g_variant_new_string ("شاومي"));
  g_assert_cmpuint (graph ()->entities->len, ==, entities + 1);
  g_assert_cmpint (find ("شاومي"), >=, 0);
  g_assert_cmpint (find ("شاومي"), !=, find ("Xiaomi"));
  run ("undo", NULL);
  g_assert_cmpint (find ("شاومي"), ==, find ("Xiaomi"));

  /* The sentence the user selected: the first one of the article. */
  rwb_article_view_show_document (article, 0);
  text_view = template_child_of (article, RWB_TYPE_ARTICLE_VIEW, "text_view");
  buffer = gtk_text_view_get_buffer (text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &a, 10);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, 40);
  gtk_text_buffer_select_range (buffer, &a, &b);
  rwb_session_select_entity (session (), find ("Xiaomi"), FALSE);
  rwb_session_select_entity (session (), find ("Baidu"), TRUE);
  g_assert_cmpint (relation_between ("Xiaomi", "Baidu", RWB_RELATION_SUPPLY), <, 0);
  run ("add-relation", g_variant_new_string ("supply"));
  k = relation_between ("Xiaomi", "Baidu", RWB_RELATION_SUPPLY);
  g_assert_cmpint (k, >=, 0);
  r = g_ptr_array_index (graph ()->relations, k);
  g_assert_cmpuint (r->evidence->len, ==, 1);
  ev = &g_array_index (r->evidence, RwbEvidence, 0);
  /* The graph of now (each edit makes a new one). */
  doc = g_ptr_array_index (graph ()->documents, ev->document);
  g_assert_cmpuint (ev->document, ==, 0);
  g_assert_cmpuint (ev->start, ==, 10);
  g_assert_cmpuint (ev->end, ==, 40);
  {
    g_autofree char *sentence = rwb_graph_evidence_text (graph (), ev);
    const char *from = g_utf8_offset_to_pointer (doc->text, 10);
    g_autofree char *expected = g_strndup (from, g_utf8_offset_to_pointer (from, 30) - from);
    g_autoptr (RwbCorrections) list = rwb_session_get_corrections (session ());
    const RwbCorrection *c = rwb_corrections_get (list, rwb_corrections_len (list) - 1);
    g_autofree char *key = rwb_document_key (doc);

    g_assert_cmpstr (sentence, ==, expected);
    g_assert_cmpint (c->kind, ==, RWB_CORRECTION_ADD_RELATION);
    g_assert_cmpstr (c->document, ==, key);
    g_assert_cmpstr (c->text, ==, expected);
  }
  run ("undo", NULL);
  g_assert_cmpint (relation_between ("Xiaomi", "Baidu", RWB_RELATION_SUPPLY), <, 0);

  /* Nothing selected: the relation has no sentence. */
  gtk_text_buffer_get_iter_at_offset (buffer, &a, 0);
  gtk_text_buffer_select_range (buffer, &a, &a);
  run ("add-relation", g_variant_new_string ("supply"));
  k = relation_between ("Xiaomi", "Baidu", RWB_RELATION_SUPPLY);
  g_assert_cmpint (k, >=, 0);
  r = g_ptr_array_index (graph ()->relations, k);
  g_assert_cmpuint (r->evidence->len, ==, 0);
  run ("undo", NULL);
  rwb_session_select_entity (session (), -1, FALSE);
}

static void
test_drag_undo (void)
{
  RwbGraphView *view;
  const RwbScene *scene;
  RwbViewport vp;
  const RwbSceneNode *n = NULL;
  double x, y, px, py;
  gint entity = find ("Xiaomi");
  g_autofree char *label = NULL;

  ensure_sample_open ();
  view = graph_view ();
  scene = rwb_graph_view_get_scene (view);
  rwb_graph_view_get_viewport (view, &vp);
  for (guint i = 0; i < scene->nodes->len; i++)
    if (g_array_index (scene->nodes, RwbSceneNode, i).entity == (guint) entity)
      n = &g_array_index (scene->nodes, RwbSceneNode, i);
  g_assert_nonnull (n);
  x = (n->x - vp.origin_x) * vp.scale;
  y = (n->y - vp.origin_y) * vp.scale;

  rwb_graph_view_press (view, x, y, 0);
  rwb_graph_view_drag_to (view, 40, 30);
  rwb_graph_view_release (view, 40, 30);
  g_assert_true (rwb_session_get_entity_position (session (), entity, &px, &py));
  label = undo_item_label ();
  g_assert_cmpstr (label, ==, "_Undo Move");

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  settle ();
  g_assert_false (rwb_session_get_entity_position (session (), entity, &px, &py));
  /* The node is back where the layout put it. */
  for (guint i = 0; i < scene->nodes->len; i++)
    if (g_array_index (scene->nodes, RwbSceneNode, i).entity == (guint) entity)
      {
        g_assert_cmpfloat_with_epsilon (g_array_index (scene->nodes, RwbSceneNode, i).x,
                                        x / vp.scale + vp.origin_x, 0.01);
      }
}

static GtkWidget *
popover_of (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_POPOVER_MENU (c))
      return c;
  return NULL;
}

static void
test_context_menu (void)
{
  RwbGraphView *view;
  const RwbScene *scene;
  RwbViewport vp;
  const RwbSceneNode *n = NULL;
  gint entity = find ("Xiaomi");
  GtkWidget *popover;

  ensure_sample_open ();
  view = graph_view ();
  scene = rwb_graph_view_get_scene (view);
  rwb_graph_view_get_viewport (view, &vp);
  for (guint i = 0; i < scene->nodes->len; i++)
    if (g_array_index (scene->nodes, RwbSceneNode, i).entity == (guint) entity)
      n = &g_array_index (scene->nodes, RwbSceneNode, i);
  g_assert_nonnull (n);

  rwb_window_popup_context_menu (window, (n->x - vp.origin_x) * vp.scale,
                                 (n->y - vp.origin_y) * vp.scale);
  /* What was under the pointer is selected, and the menu is up. */
  g_assert_true (rwb_session_is_entity_selected (session (), entity));
  popover = popover_of (GTK_WIDGET (view));
  g_assert_nonnull (popover);
  g_assert_true (wait_for ((Condition) gtk_widget_get_mapped, popover));
  {
    g_autoptr (Picture) picture = render_widget (GTK_WIDGET (window), "edit-context-menu");
    g_assert_cmpint (picture->width, >, 100);
  }
  gtk_popover_popdown (GTK_POPOVER (popover));
  settle ();

  /* Nothing there: no menu, the selection stays. */
  rwb_window_popup_context_menu (window, -50, -50);
  g_assert_true (rwb_session_is_entity_selected (session (), entity));
}

static void
test_add_text (void)
{
  guint documents;

  ensure_sample_open ();
  documents = graph ()->documents->len;
  /* A rejection made before holds for the article added after it. */
  rwb_session_select_entity (session (), find ("Baidu"), FALSE);
  run ("delete", NULL);
  rwb_session_select_entity (session (), find ("Xiaomi"), FALSE);

  rwb_window_add_text (window, "Baidu and Xiaomi met in Beijing.\n\n"
                               "Lei Jun said Xiaomi will open a new plant in Thailand next year.\n");
  g_assert_true (wait_for (window_shows_latest, window));
  settle ();
  g_assert_cmpuint (graph ()->documents->len, ==, documents + 1);
  g_assert_cmpint (find ("Baidu"), <, 0);
  g_assert_true (rwb_session_is_entity_selected (session (), find ("Xiaomi")));
  g_assert_true (rwb_session_can_undo (session ()));
  run ("undo", NULL);
  g_assert_cmpint (find ("Baidu"), >=, 0);
  g_assert_cmpuint (graph ()->documents->len, ==, documents + 1);

  /* Blank text adds nothing. */
  rwb_window_add_text (window, "  \n ");
  g_assert_true (is_idle (window));
}

static void
test_project (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rawabit-edit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "work.rawabit", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  guint entities;

  ensure_sample_open ();
  rwb_session_select_entity (session (), find ("Geely"), FALSE);
  run ("delete", NULL);
  entities = graph ()->entities->len;

  g_assert_true (rwb_window_save_project_as (window, file, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "work.rawabit"));
  g_assert_true (wait_for (window_shows_latest, window));
  g_assert_cmpuint (graph ()->entities->len, ==, entities);
  g_assert_cmpint (find ("Geely"), <, 0);

  /* Every edit is in the file at once: a reader sees it while the window works on. */
  rwb_session_select_entity (session (), find ("Baidu"), FALSE);
  run ("delete", NULL);
  {
    g_autoptr (RwbProject) reader = rwb_project_open (path, RWB_PROJECT_OPEN_READ_ONLY, &error);
    g_autoptr (RwbCorrections) list = NULL;

    g_assert_no_error (error);
    list = rwb_project_get_corrections (reader, &error);
    g_assert_cmpuint (rwb_corrections_len (list), ==, 2);
  }
  /* The window holds the project: a second writer is refused, clearly. */
  g_assert_null (rwb_project_open (path, RWB_PROJECT_OPEN_DEFAULT, &error));
  g_assert_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);

  /* Undo in the window undoes in the project. */
  run ("undo", NULL);
  g_assert_cmpint (find ("Baidu"), >=, 0);
  {
    g_autoptr (RwbProject) reader = rwb_project_open (path, RWB_PROJECT_OPEN_READ_ONLY, &error);
    g_autoptr (RwbCorrections) list = rwb_project_get_corrections (reader, &error);

    g_assert_cmpuint (rwb_corrections_len (list), ==, 1);
  }

  /* Opened again (as after a restart), the work is there. */
  g_assert_true (rwb_window_open_project (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for (window_shows_latest, window));
  g_assert_cmpint (find ("Geely"), <, 0);
  g_assert_cmpint (find ("Baidu"), >=, 0);
}

static void
test_close (void)
{
  ensure_sample_open ();
  close_window (app, &window);
}

int
main (int argc, char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/edit/delete-undo-redo", test_delete_undo_redo);
  g_test_add_func ("/edit/rename-retype", test_rename_retype);
  g_test_add_func ("/edit/merge", test_merge);
  g_test_add_func ("/edit/relation", test_relation);
  g_test_add_func ("/edit/split-and-evidence", test_split_and_evidence);
  g_test_add_func ("/edit/drag-undo", test_drag_undo);
  g_test_add_func ("/edit/context-menu", test_context_menu);
  g_test_add_func ("/edit/add-text", test_add_text);
  g_test_add_func ("/edit/project", test_project);
  g_test_add_func ("/edit/close", test_close);

  app = rwb_application_new ();
  return gui_test_run_app (app, argv[0]);
}
