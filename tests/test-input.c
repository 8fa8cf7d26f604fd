/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-input.c — the one input loader (rwb-input.h): what a file is, and reading inputs. */
#include "rwb-config.h"

#include <glib/gstdio.h>

#include "rwb-input.h"
#include "rwb-json.h"
#include "rwb-project.h"

static char *tmp_dir;

static GFile *
write_file (const char *name, const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GFile *
graph_json (void)
{
  g_autoptr (RwbGraph) g = rwb_graph_new ();
  g_autofree char *json = NULL;

  rwb_graph_add_entity (g, "Kestrel Works", RWB_ENTITY_COMPANY);
  rwb_graph_add_entity (g, "Marlow", RWB_ENTITY_PLACE);
  rwb_graph_ensure_relation (g, 0, 1, RWB_RELATION_LOCATION, 0.7);
  json = rwb_json_write (g, FALSE);
  return write_file ("graph.json", json);
}

static void
test_kind (void)
{
  g_autoptr (GFile) article = write_file ("a.txt", "Kestrel Works opened a plant in Marlow.\n");
  g_autoptr (GFile) html = write_file ("b.html", "<html><body><p>Hello</p></body></html>");
  g_autoptr (GFile) gv = write_file ("c.gv", "digraph { a -> b }");
  /* A DOT graph with an article's extension is still DOT: its first bytes tell. */
  g_autoptr (GFile) sniffed = write_file ("d.txt", "/* notes */\n// more\nstrict digraph G {\n}\n");
  g_autoptr (GFile) json = graph_json ();
  g_autoptr (GFile) graphml = write_file ("e.graphml", "<graphml/>");
  g_autoptr (GFile) project = write_file ("f" RWB_PROJECT_SUFFIX, "");
  g_autoptr (GFile) missing = g_file_new_build_filename (tmp_dir, "none.txt", NULL);

  g_assert_cmpint (rwb_input_kind (article, NULL), ==, RWB_INPUT_ARTICLE);
  g_assert_cmpint (rwb_input_kind (html, NULL), ==, RWB_INPUT_ARTICLE);
  g_assert_cmpint (rwb_input_kind (gv, NULL), ==, RWB_INPUT_DOT);
  g_assert_cmpint (rwb_input_kind (sniffed, NULL), ==, RWB_INPUT_DOT);
  g_assert_cmpint (rwb_input_kind (json, NULL), ==, RWB_INPUT_GRAPH);
  g_assert_cmpint (rwb_input_kind (graphml, NULL), ==, RWB_INPUT_GRAPH);
  g_assert_cmpint (rwb_input_kind (project, NULL), ==, RWB_INPUT_PROJECT);
  /* Unreadable: an article, whose reading then says why. */
  g_assert_cmpint (rwb_input_kind (missing, NULL), ==, RWB_INPUT_ARTICLE);
}

static void
test_load (void)
{
  g_autoptr (GFile) a = write_file ("one.txt", "Kestrel Works opened a plant in Marlow.\n");
  g_autoptr (GFile) b = write_file ("two.txt", "Marlow welcomed the new plant.\n");
  g_autoptr (GFile) json = graph_json ();
  g_autoptr (GFile) missing = g_file_new_build_filename (tmp_dir, "none.txt", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) articles = NULL;
  g_autoptr (RwbGraph) graph = NULL;
  RwbInputKind kind;
  gint failed;

  {
    GFile *files[] = { a, b };
    articles = rwb_input_load (files, 2, NULL, NULL, NULL, NULL, NULL, &kind, NULL, &failed,
                               NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (kind, ==, RWB_INPUT_ARTICLE);
    g_assert_cmpuint (articles->documents->len, ==, 2);
  }
  {
    GFile *files[] = { json };
    graph = rwb_input_load (files, 1, NULL, NULL, NULL, NULL, NULL, &kind, NULL, &failed, NULL,
                            &error);
    g_assert_no_error (error);
    g_assert_cmpint (kind, ==, RWB_INPUT_GRAPH);
    g_assert_cmpuint (graph->entities->len, ==, 2);
    g_assert_cmpint (rwb_graph_find_entity (graph, "Kestrel Works"), >=, 0);
  }
  {
    /* A graph file does not mix with articles. */
    GFile *files[] = { a, json };
    g_assert_null (rwb_input_load (files, 2, NULL, NULL, NULL, NULL, NULL, &kind, NULL, &failed,
                                   NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_assert_cmpint (failed, ==, -1);
    g_clear_error (&error);
  }
  {
    /* The error names the file at fault. */
    GFile *files[] = { a, missing };
    g_assert_null (rwb_input_load (files, 2, NULL, NULL, NULL, NULL, NULL, &kind, NULL, &failed,
                                   NULL, &error));
    g_assert_nonnull (error);
    g_assert_cmpint (failed, ==, 1);
    g_clear_error (&error);
  }
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("rawabit-input-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/input/kind", test_kind);
  g_test_add_func ("/input/load", test_load);
  status = g_test_run ();
  dir = g_dir_open (tmp_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmp_dir);
  return status;
}
