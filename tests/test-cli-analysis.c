/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for `rawabit-cli stats` and `rawabit-cli path`, run as a user would, on
 * tests/data/analysis.json: two groups of four companies (Alpha, Beta, Gamma, Delta and Nile,
 * Sahara, Atlas, Cedar), joined by a weakly attested supply relation Delta → Nile and by a
 * well attested way through a person (Gamma – Omar Haddad – Nile); Lone Trader has no
 * relation; Alpha and Nile only co-occur. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static int
run_cli (const char *const *args, char **out, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) g_getenv ("RAWABIT_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) proc = g_subprocess_newv ((const char *const *) argv->pdata,
                                                    G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                    | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

static char *
fixture (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "analysis.json", NULL);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static const char *
name_of (JsonArray *array, guint i)
{
  return json_object_get_string_member (json_array_get_object_element (array, i), "name");
}

/* The community (index in the list) whose members include @name, or -1. */
static gint
community_of (JsonArray *list, const char *name)
{
  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonArray *members = json_object_get_array_member (json_array_get_object_element (list, c),
                                                         "members");
      for (guint m = 0; m < json_array_get_length (members); m++)
        if (g_str_equal (name_of (members, m), name))
          return c;
    }
  return -1;
}

static void
test_stats_json (void)
{
  g_autofree char *file = fixture ();
  const char *args[] = { "stats", "--format", "json", "--top", "3", file, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_autoptr (JsonNode) root = parse (out);
  JsonObject *o = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (o, "documents"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "entities"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (o, "relations"), ==, 15); /* not the mention */
  g_assert_cmpint (json_object_get_int_member (o, "isolated"), ==, 1);
  JsonObject *types = json_object_get_object_member (o, "entities_by_type");
  g_assert_cmpint (json_object_get_int_member (types, "company"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (types, "person"), ==, 1);
  JsonObject *exec = json_object_get_object_member (
    json_object_get_object_member (o, "relations_by_type"), "executive");
  g_assert_cmpint (json_object_get_int_member (exec, "relations"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (exec, "evidence"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (exec, "documents"), ==, 2);
  JsonArray *docs = json_object_get_array_member (o, "per_document");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (docs, 0),
                                               "relations"), ==, 7);

  /* Nile Foods has the most relations (its four partners, Delta and Omar) and lies on the
   * most shortest paths; Omar Haddad, a person, is not among the companies. */
  JsonArray *companies = json_object_get_array_member (o, "top_companies");
  g_assert_cmpuint (json_array_get_length (companies), ==, 3);
  g_assert_cmpstr (name_of (companies, 0), ==, "Nile Foods");
  JsonArray *degree = json_object_get_array_member (o, "top_degree");
  g_assert_cmpstr (name_of (degree, 0), ==, "Nile Foods");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (degree, 0),
                                               "degree"), ==, 5);
  JsonArray *between = json_object_get_array_member (o, "top_betweenness");
  g_assert_cmpstr (name_of (between, 0), ==, "Nile Foods");
  g_assert_cmpstr (name_of (between, 1), ==, "Delta Ports");
  JsonObject *b = json_object_get_object_member (o, "betweenness");
  g_assert_false (json_object_get_boolean_member (b, "sampled"));
  g_assert_cmpint (json_object_get_int_member (b, "sources"), ==, 10);

  /* The two groups are two communities; Lone Trader is one of its own. */
  JsonObject *comm = json_object_get_object_member (o, "communities");
  g_assert_cmpstr (json_object_get_string_member (comm, "algorithm"), ==, "louvain");
  g_assert_cmpfloat (json_object_get_double_member (comm, "modularity"), >, 0.3);
  JsonArray *list = json_object_get_array_member (comm, "list");
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  g_assert_cmpint (community_of (list, "Alpha Motors"), ==, community_of (list, "Delta Ports"));
  g_assert_cmpint (community_of (list, "Nile Foods"), ==, community_of (list, "Cedar Holdings"));
  g_assert_cmpint (community_of (list, "Alpha Motors"), !=, community_of (list, "Nile Foods"));
  gint lone = community_of (list, "Lone Trader");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (list, lone),
                                               "size"), ==, 1);
}

static void
test_stats_text (void)
{
  g_autofree char *file = fixture ();
  const char *args[] = { "stats", file, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "2 documents, 10 entities, 15 relations"));
  g_assert_nonnull (strstr (out, "1. Nile Foods: 5 relations, 10 sentences"));
  g_assert_nonnull (strstr (out, "Alpha Motors, Beta Steel, Gamma Bank, Delta Ports"));
  g_assert_nonnull (strstr (out, "mention (not counted)"));

  /* Co-occurrences counted: one more relation. */
  const char *with[] = { "stats", "--mentions", file, NULL };
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_assert_cmpint (run_cli (with, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (out2, "2 documents, 10 entities, 16 relations"));

  /* Sampled when asked: the sample size is said. */
  const char *sampled[] = { "stats", "--pivots", "4", file, NULL };
  g_autofree char *out3 = NULL, *err3 = NULL;
  g_assert_cmpint (run_cli (sampled, &out3, &err3), ==, 0);
  g_assert_nonnull (strstr (out3, "estimated from the shortest paths of 4 of the 10 entities"));
}

/* What changed: the fixture with its two articles dated, the first date adds the first
 * group (and Omar Haddad, named in both), the second the other group and Lone Trader, and
 * nothing twice; undated, there is no such section. */
static void
test_stats_changes (void)
{
  g_autofree char *file = fixture ();
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-changes-XXXXXX", &error);
  g_autofree char *dated = NULL;
  g_autofree char *out = NULL, *err = NULL;
  GString *edited;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  edited = g_string_new (text);
  g_assert_cmpint (g_string_replace (edited, "\"path\": \"cluster-one.txt\"",
                                     "\"path\": \"cluster-one.txt\", \"date\": \"2026-01-05\"", 1),
                   ==, 1);
  g_assert_cmpint (g_string_replace (edited, "\"path\": \"cluster-two.txt\"",
                                     "\"path\": \"cluster-two.txt\", \"date\": \"2026-02-01\"", 1),
                   ==, 1);
  dated = g_build_filename (dir, "dated.json", NULL);
  g_assert_true (g_file_set_contents (dated, edited->str, -1, NULL));
  g_string_free (edited, TRUE);

  const char *args[] = { "stats", dated, NULL };
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "What changed, date by date"));
  g_assert_nonnull (strstr (out, "  2026-01-05: 5 new entities, "));
  g_assert_nonnull (strstr (out, "  2026-02-01: 5 new entities, "));
  const char *second = strstr (out, "  2026-02-01: ");
  g_assert_nonnull (strstr (second, "Nile Foods"));
  g_assert_nonnull (strstr (second, "Lone Trader"));
  g_assert_null (strstr (second, "Alpha Motors"));
  g_assert_null (strstr (second, "Omar Haddad"));

  const char *json_args[] = { "stats", "--format", "json", dated, NULL };
  g_autofree char *jout = NULL, *jerr = NULL;
  g_assert_cmpint (run_cli (json_args, &jout, &jerr), ==, 0);
  g_autoptr (JsonNode) root = parse (jout);
  JsonArray *changes = json_object_get_array_member (json_node_get_object (root), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 2);
  JsonObject *first = json_array_get_object_element (changes, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "date"), ==, "2026-01-05");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "entities")), ==,
                    5);
  g_assert_cmpint (json_object_get_int_member (first, "relations")
                     + json_object_get_int_member (json_array_get_object_element (changes, 1),
                                                   "relations"),
                   ==, 16); /* every relation, the mention too, once */

  /* Undated: no section. */
  const char *plain[] = { "stats", file, NULL };
  g_autofree char *pout = NULL, *perr = NULL;
  g_assert_cmpint (run_cli (plain, &pout, &perr), ==, 0);
  g_assert_null (strstr (pout, "What changed"));
  g_unlink (dated);
  g_rmdir (dir);
}

static void
test_path (void)
{
  g_autofree char *file = fixture ();
  g_autofree char *out = NULL, *err = NULL;

  /* By relation count: over the bridge, then the 3-step ways in entity order. */
  const char *count[] = { "path", "--k", "2", "--format", "json", "alpha motors", "Nile Foods",
                          file, NULL };
  g_assert_cmpint (run_cli (count, &out, &err), ==, 0);
  g_autoptr (JsonNode) root = parse (out);
  JsonObject *o = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "source"),
                                                  "id"), ==, "e1");
  JsonArray *paths = json_object_get_array_member (o, "paths");
  g_assert_cmpuint (json_array_get_length (paths), ==, 2);
  JsonObject *first = json_array_get_object_element (paths, 0);
  JsonArray *hops = json_object_get_array_member (first, "hops");
  g_assert_cmpuint (json_array_get_length (hops), ==, 2);
  JsonObject *hop = json_array_get_object_element (hops, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (hop, "from"),
                                                  "name"), ==, "Delta Ports");
  JsonObject *rel = json_array_get_object_element (json_object_get_array_member (hop,
                                                                                 "relations"),
                                                   0);
  g_assert_cmpstr (json_object_get_string_member (rel, "type"), ==, "supply");
  g_assert_false (json_object_has_member (rel, "evidence")); /* only with -v */
  JsonObject *second = json_array_get_object_element (paths, 1);
  g_assert_cmpfloat (json_object_get_double_member (second, "cost"), ==, 3);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* By evidence, found by its Arabic alias and an id: through Gamma Bank and Omar Haddad,
   * five sentences a step; -v prints them. */
  const char *evidence[] = { "path", "--by", "evidence", "-v", "ألفا موتورز", "e5", file, NULL };
  g_assert_cmpint (run_cli (evidence, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "1. Alpha Motors → Gamma Bank → Omar Haddad → Nile Foods"
                                        "  (3 steps, cost 0.600)\n"));
  g_assert_nonnull (strstr (out, "“Omar Haddad and Nile Foods: executive sentence 5.” "
                                 "[cluster-two.txt]"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Through a co-occurrence only when asked. */
  const char *mentions[] = { "path", "--k", "1", "--mentions", "Alpha Motors", "Nile Foods",
                             file, NULL };
  g_assert_cmpint (run_cli (mentions, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "1. Alpha Motors → Nile Foods  (1 step)\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Not connected: said, and not an error. */
  const char *none[] = { "path", "Lone Trader", "Alpha Motors", file, NULL };
  g_assert_cmpint (run_cli (none, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "No path between Lone Trader and Alpha Motors.\n");
}

static void
test_path_errors (void)
{
  g_autofree char *file = fixture ();
  struct {
    const char *args[8];
    int status;
    const char *message;
  } cases[] = {
    { { "path", "Nokia", "Alpha Motors", file }, 1,
      "rawabit-cli: no entity is named “Nokia” (names, aliases and ids are looked up)\n" },
    { { "path", "Alpha Motors", "Nokia", file }, 1, "“Nokia”" },
    { { "path", "BS", "Alpha Motors", file }, 1,
      "rawabit-cli: “BS” names 2 entities: Beta Steel (e2), Sahara Energy (e6); give its id "
      "instead\n" },
    { { "path", "e1", "alpha motors", file }, 1, "are the same entity (e1)" },
    { { "path", "Alpha Motors", file }, 2, "path needs two entities and at least one FILE" },
    { { "path", "--by", "money", "A", "B", file }, 2, "--by must be count or evidence" },
    { { "path", "--k", "0", "A", "B", file }, 2, "--k must be 1 or more" },
    { { "path", "A", "B", "/nonexistent/graph.json" }, 1, "/nonexistent/graph.json" },
    { { "stats" }, 2, "stats needs at least one FILE" },
    { { "stats", "--format", "xml", file }, 2, "--format must be text or json" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_assert_cmpint (run_cli (cases[i].args, &out, &err), ==, cases[i].status);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, cases[i].message));
      /* One line. */
      g_assert_cmpint (strchr (err, '\n') - err, ==, (gint) strlen (err) - 1);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-analysis/stats/json", test_stats_json);
  g_test_add_func ("/cli-analysis/stats/text", test_stats_text);
  g_test_add_func ("/cli-analysis/stats/changes", test_stats_changes);
  g_test_add_func ("/cli-analysis/path", test_path);
  g_test_add_func ("/cli-analysis/path/errors", test_path_errors);
  return g_test_run ();
}
