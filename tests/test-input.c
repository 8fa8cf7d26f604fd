/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-input.c — the one input loader (rwb-input.h): what a file is, and reading inputs. */
#include "rwb-config.h"

#include <glib/gstdio.h>
#include <string.h>

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
    articles = rwb_input_load (files, 2, NULL, NULL, NULL, 0, NULL, NULL, &kind, NULL, &failed,
                               NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (kind, ==, RWB_INPUT_ARTICLE);
    g_assert_cmpuint (articles->documents->len, ==, 2);
  }
  {
    GFile *files[] = { json };
    graph = rwb_input_load (files, 1, NULL, NULL, NULL, 0, NULL, NULL, &kind, NULL, &failed, NULL,
                            &error);
    g_assert_no_error (error);
    g_assert_cmpint (kind, ==, RWB_INPUT_GRAPH);
    g_assert_cmpuint (graph->entities->len, ==, 2);
    g_assert_cmpint (rwb_graph_find_entity (graph, "Kestrel Works"), >=, 0);
  }
  {
    /* A graph file does not mix with articles. */
    GFile *files[] = { a, json };
    g_assert_null (rwb_input_load (files, 2, NULL, NULL, NULL, 0, NULL, NULL, &kind, NULL, &failed,
                                   NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_assert_cmpint (failed, ==, -1);
    g_clear_error (&error);
  }
  {
    /* The error names the file at fault. */
    GFile *files[] = { a, missing };
    g_assert_null (rwb_input_load (files, 2, NULL, NULL, NULL, 0, NULL, NULL, &kind, NULL, &failed,
                                   NULL, &error));
    g_assert_nonnull (error);
    g_assert_cmpint (failed, ==, 1);
    g_clear_error (&error);
  }
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
collect_line (const char *message, gpointer user_data)
{
  g_ptr_array_add (user_data, g_strdup (message));
}

/* The project's own articles (the *.txt files of tests/corpus), sorted. */
static GPtrArray *
corpus_files (void)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "corpus", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (names, i)));
  g_assert_cmpuint (files->len, >=, 4);
  return files;
}

/* Mentions of document @doc in @graph as "start-end name" lines, sorted. */
static char *
mentions_of (RwbGraph *graph, guint doc)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      for (guint j = 0; j < e->mentions->len; j++)
        {
          RwbSpan *m = &g_array_index (e->mentions, RwbSpan, j);
          if (m->document == doc)
            g_ptr_array_add (lines, g_strdup_printf ("%u-%u", m->start, m->end));
        }
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* Several articles: each extracted on its own, joined in input order; the same bytes on one
 * thread or many, and one article exactly as extraction alone makes it. */
static void
test_articles_apart (void)
{
  g_autoptr (GPtrArray) files = corpus_files ();
  g_autoptr (RwbLexicon) lexicon = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *one_thread = NULL;
  g_autoptr (GPtrArray) log_one = g_ptr_array_new_with_free_func (g_free);
  GFile **inputs = (GFile **) files->pdata;
  gint failed;

  lexicon = rwb_lexicon_new_default (NULL, &error);
  g_assert_no_error (error);

  /* One article: the graph rwb_extract_file makes, byte for byte. */
  {
    g_autoptr (RwbGraph) alone = rwb_graph_new ();
    g_autoptr (RwbGraph) loaded = NULL;
    g_autofree char *expected = NULL, *got = NULL;

    g_assert_true (rwb_extract_file (lexicon, alone, inputs[0], NULL, NULL, &error));
    g_assert_no_error (error);
    loaded = rwb_input_load (inputs, 1, lexicon, NULL, NULL, 2, NULL, NULL, NULL, NULL, &failed,
                             NULL, &error);
    g_assert_no_error (error);
    expected = rwb_json_write (alone, TRUE);
    got = rwb_json_write (loaded, TRUE);
    g_assert_cmpstr (got, ==, expected);
  }

  for (guint n_threads = 1; n_threads <= 3; n_threads++)
    {
      g_autoptr (GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
      RwbExtractOptions options = { collect_line, log, RWB_TEXT_LOAD_DEFAULT };
      g_autoptr (RwbGraph) graph = rwb_input_load (inputs, files->len, lexicon, NULL, &options,
                                                   n_threads, NULL, NULL, NULL, NULL, &failed,
                                                   NULL, &error);
      g_autofree char *json = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (graph->documents->len, ==, files->len);
      json = rwb_json_write (graph, TRUE);
      if (n_threads == 1)
        {
          one_thread = g_steal_pointer (&json);
          g_ptr_array_extend_and_steal (log_one, g_steal_pointer (&log));
          g_assert_cmpuint (log_one->len, >, files->len);
          /* Documents in input order, named d0, d1, …; each found what it finds alone. */
          for (guint d = 0; d < graph->documents->len; d++)
            {
              RwbDocument *doc = g_ptr_array_index (graph->documents, d);
              g_autofree char *id = g_strdup_printf ("d%u", d);
              g_autofree char *path = g_file_get_path (inputs[d]);
              g_autoptr (RwbGraph) alone = rwb_graph_new ();
              g_autofree char *joined_mentions = mentions_of (graph, d);
              g_autofree char *alone_mentions = NULL;

              g_assert_cmpstr (doc->id, ==, id);
              g_assert_cmpstr (doc->path, ==, path);
              g_assert_true (rwb_extract_file (lexicon, alone, inputs[d], NULL, NULL, &error));
              g_assert_no_error (error);
              alone_mentions = mentions_of (alone, 0);
              g_assert_cmpstr (joined_mentions, ==, alone_mentions);
            }
          continue;
        }
      g_assert_cmpstr (json, ==, one_thread);
      /* -v's lines: each article's together, in input order. */
      g_assert_cmpuint (log->len, ==, log_one->len);
      for (guint i = 0; i < log->len; i++)
        g_assert_cmpstr (g_ptr_array_index (log, i), ==, g_ptr_array_index (log_one, i));
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
  g_test_add_func ("/input/articles-apart", test_articles_apart);
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
