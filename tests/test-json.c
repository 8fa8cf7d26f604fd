/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for rwb-json: round trip and clear errors on bad input. */
#include "rwb-json.h"

#include <string.h>

static RwbGraph *
sample_graph (void)
{
  RwbGraph *g = rwb_graph_new ();
  guint d = rwb_graph_add_document (g, "/tmp/a.txt", "ar",
                                    "قال لي جون إن شاومي وقعت عقدا جديدا اليوم.\nسطر ثان.");
  guint a = rwb_graph_add_entity (g, "Xiaomi", RWB_ENTITY_COMPANY);
  guint b = rwb_graph_add_entity (g, "Lei Jun", RWB_ENTITY_PERSON);
  rwb_entity_add_alias (g_ptr_array_index (g->entities, a), "شاومي");
  rwb_entity_add_mention (g_ptr_array_index (g->entities, a), d, 3, 8);
  rwb_entity_add_mention_kind (g_ptr_array_index (g->entities, a), d, 9, 15,
                               RWB_MENTION_DESCRIPTION);
  RwbDocument *doc = g_ptr_array_index (g->documents, d);
  doc->title = g_strdup ("عنوان");
  doc->date = g_strdup ("2024-03-18");
  rwb_entity_set_attr (g_ptr_array_index (g->entities, a), "shape", "box");
  guint r = rwb_graph_ensure_relation (g, b, a, RWB_RELATION_FOUNDER, 0.9);
  ((RwbRelation *) g_ptr_array_index (g->relations, r))->n_evidence = 3;
  rwb_relation_add_evidence (g_ptr_array_index (g->relations, r), d, 0, 20, "جملة \"مقتبسة\"",
                             "trigger", 0.9);
  return g;
}

static void
test_round_trip (void)
{
  g_autoptr (RwbGraph) g = sample_graph ();
  g_autofree char *json = rwb_json_write (g, TRUE);
  g_assert_nonnull (strstr (json, "\"format\" : \"rawabit-graph\""));
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) back = rwb_json_read (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->entities->len, ==, 2);
  g_assert_cmpuint (back->relations->len, ==, 1);
  RwbEntity *x = g_ptr_array_index (back->entities, 0);
  g_assert_cmpstr (x->name, ==, "Xiaomi");
  g_assert_cmpstr (g_ptr_array_index (x->aliases, 0), ==, "شاومي");
  g_assert_cmpuint (g_array_index (x->mentions, RwbSpan, 0).end, ==, 8);
  g_assert_cmpint (g_array_index (x->mentions, RwbSpan, 0).kind, ==, RWB_MENTION_NAME);
  g_assert_cmpint (g_array_index (x->mentions, RwbSpan, 1).kind, ==, RWB_MENTION_DESCRIPTION);
  RwbDocument *doc = g_ptr_array_index (back->documents, 0);
  g_assert_cmpstr (doc->title, ==, "عنوان");
  g_assert_cmpstr (doc->date, ==, "2024-03-18");
  RwbRelation *r = g_ptr_array_index (back->relations, 0);
  g_assert_cmpuint (r->type, ==, RWB_RELATION_FOUNDER);
  g_assert_cmpuint (r->source, ==, 1);
  g_assert_cmpfloat_with_epsilon (r->confidence, 0.9, 1e-9);
  g_assert_cmpstr (g_array_index (r->evidence, RwbEvidence, 0).text, ==, "جملة \"مقتبسة\"");
  /* Imported attributes and a count-only evidence survive. */
  g_assert_cmpstr (g_hash_table_lookup (x->attrs, "shape"), ==, "box");
  g_assert_cmpuint (r->n_evidence, ==, 3);
  /* Writing what was read gives the same text. */
  g_autofree char *again = rwb_json_write (back, TRUE);
  g_assert_cmpstr (again, ==, json);
}

static gboolean
append_piece (const char *data, gsize length, gpointer user_data)
{
  g_string_append_len (user_data, data, length);
  return TRUE;
}

/* The articles' text goes into the file and comes back (so a reopened file shows its
 * articles); a length or a span that does not fit the text is a clear error. */
static void
test_text (void)
{
  g_autoptr (RwbGraph) g = sample_graph ();
  RwbDocument *doc = g_ptr_array_index (g->documents, 0);
  g_autofree char *json = rwb_json_write (g, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) back = rwb_json_read (json, -1, &error);
  g_assert_no_error (error);
  RwbDocument *read = g_ptr_array_index (back->documents, 0);
  g_assert_cmpstr (read->text, ==, doc->text);
  g_assert_cmpuint (read->length, ==, g_utf8_strlen (doc->text, -1));
  g_assert_cmpuint (read->length, ==, 51);
  /* The streaming writer carries it too, byte for byte the same. */
  g_autoptr (GString) streamed = g_string_new (NULL);
  g_assert_true (rwb_json_write_to (g, FALSE, append_piece, streamed));
  g_assert_cmpstr (streamed->str, ==, json);

  /* A file of an older Rawabit, without the text: its length stands, its spans unchecked. */
  static const char *const old =
    "{\"format\":\"rawabit-graph\",\"version\":1,\"documents\":[{\"id\":\"d0\",\"length\":9}],"
    "\"entities\":[{\"id\":\"e1\",\"name\":\"X\",\"type\":\"company\","
    "\"mentions\":[{\"document\":\"d0\",\"start\":2,\"end\":40}]}]}";
  g_autoptr (RwbGraph) older = rwb_json_read (old, -1, &error);
  g_assert_no_error (error);
  g_assert_null (((RwbDocument *) g_ptr_array_index (older->documents, 0))->text);
  g_assert_cmpuint (((RwbDocument *) g_ptr_array_index (older->documents, 0))->length, ==, 9);

  static const struct {
    const char *json;
    const char *message;
  } bad[] = {
    { "{\"format\":\"rawabit-graph\",\"version\":1,\"documents\":[{\"id\":\"d0\",\"length\":9,"
      "\"text\":\"شاومي\"}],\"entities\":[]}",
      "document 0: “length” is 9 but its text has 5 characters" },
    { "{\"format\":\"rawabit-graph\",\"version\":1,\"documents\":[{\"id\":\"d0\",\"text\":\"شاومي\"}],"
      "\"entities\":[{\"id\":\"e1\",\"name\":\"X\",\"type\":\"company\","
      "\"mentions\":[{\"document\":\"d0\",\"start\":2,\"end\":6}]}]}",
      "entity 0: a span ends at 6, after the end of document “d0” (5 characters)" },
    { "{\"format\":\"rawabit-graph\",\"version\":1,\"documents\":[{\"id\":\"d0\",\"text\":\"شاومي\"}],"
      "\"entities\":[{\"id\":\"e1\",\"name\":\"X\",\"type\":\"company\"},"
      "{\"id\":\"e2\",\"name\":\"Y\",\"type\":\"company\"}],"
      "\"relations\":[{\"source\":\"e1\",\"target\":\"e2\",\"type\":\"supply\","
      "\"evidence\":[{\"document\":\"d0\",\"start\":0,\"end\":99}]}]}",
      "relation 0: a span ends at 99, after the end of document “d0” (5 characters)" },
    { "{\"format\":\"rawabit-graph\",\"version\":1,\"documents\":[{\"id\":\"d0\",\"text\":7}],"
      "\"entities\":[]}",
      "document 0: member “id/path/language/title/date/text” is missing or has the wrong type" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (RwbGraph) none = rwb_json_read (bad[i].json, -1, &local);
      g_assert_null (none);
      g_assert_error (local, RWB_JSON_ERROR, RWB_JSON_ERROR_FORMAT);
      g_assert_cmpstr (local->message, ==, bad[i].message);
    }
}

static void
test_errors (void)
{
  struct { const char *json; const char *needle; } cases[] = {
    { "{ \"format\": \"rawabit-graph\", \"version\": 1, \"entities\": [", "line 1" },
    { "[1, 2]", "top level" },
    { "{ \"format\": \"other\" }", "format" },
    { "{ \"format\": \"rawabit-graph\", \"version\": 99, \"entities\": [] }", "version" },
    { "{ \"format\": \"rawabit-graph\", \"version\": 1, \"entities\": [ { \"id\": 5, "
      "\"name\": \"X\", \"type\": \"company\" } ] }", "entity 0" },
    { "{ \"format\": \"rawabit-graph\", \"version\": 1, \"entities\": [ { \"id\": \"e1\", "
      "\"name\": \"X\", \"type\": \"spaceship\" } ] }", "type" },
    { "{ \"format\": \"rawabit-graph\", \"version\": 1, \"documents\": [ { \"id\": \"d0\" } ], "
      "\"entities\": [ { \"id\": \"e1\", \"name\": \"X\", \"type\": \"company\", \"mentions\": "
      "[ { \"document\": \"d0\", \"start\": 0, \"end\": 1, \"kind\": \"verb\" } ] } ] }",
      "mentions" },
    { "{ \"format\": \"rawabit-graph\", \"version\": 1, \"entities\": [], \"relations\": [ "
      "{ \"source\": \"e1\", \"target\": \"e2\", \"type\": \"supply\" } ] }", "relation 0" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RwbGraph) g = rwb_json_read (cases[i].json, -1, &error);
      g_assert_null (g);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %u: “%s” does not mention “%s”", i, error->message, cases[i].needle);
    }
}

/* JSON nested 100,000 levels deep (a 200 KB file) overflowed the stack inside json-glib; it is
 * an error that says where, and brackets inside strings do not count. */
static void
test_deep (void)
{
  const guint n = 100000;
  g_autoptr (GString) arrays = g_string_new (NULL);
  g_autoptr (GString) objects = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (arrays, '[');
      g_string_append (objects, "{\"a\":");
    }
  g_string_append (objects, "1");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (arrays, ']');
      g_string_append_c (objects, '}');
    }
  GString *texts[] = { arrays, objects };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RwbGraph) g = rwb_json_read (texts[i]->str, texts[i]->len, &error);
      g_assert_null (g);
      g_assert_error (error, RWB_JSON_ERROR, RWB_JSON_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "nested more than 64 levels"));
      g_assert_nonnull (strstr (error->message, "line 1"));
    }
  gsize offset = 0;
  g_assert_false (rwb_json_depth_within (arrays->str, arrays->len, RWB_JSON_MAX_DEPTH, &offset));
  g_assert_cmpuint (offset, ==, RWB_JSON_MAX_DEPTH);
  g_assert_true (rwb_json_depth_within ("[[]]", 4, 2, NULL));
  g_assert_false (rwb_json_depth_within ("[[[]]]", 6, 2, NULL));

  /* A name made of brackets, and one with an escaped quote before them, are only text. */
  g_autoptr (GString) name = g_string_new ("\\\"");
  for (guint i = 0; i < 1000; i++)
    g_string_append (name, "[{");
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  rwb_graph_add_entity (graph, name->str, RWB_ENTITY_COMPANY);
  g_autofree char *json = rwb_json_write (graph, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) back = rwb_json_read (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((RwbEntity *) g_ptr_array_index (back->entities, 0))->name, ==, name->str);
}

static char *
generated (RwbGraph *graph, gboolean pretty)
{
  g_autoptr (JsonNode) root = rwb_json_build_tree (graph);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_pretty (gen, pretty);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static void
assert_same_bytes (RwbGraph *graph)
{
  for (int pretty = 0; pretty <= 1; pretty++)
    {
      g_autofree char *tree = generated (graph, pretty);
      g_autofree char *stream = rwb_json_write (graph, pretty);
      if (strcmp (tree, stream) != 0)
        {
          gsize i = 0;
          while (tree[i] && tree[i] == stream[i])
            i++;
          g_error ("pretty=%d: the streaming writer differs at byte %" G_GSIZE_FORMAT
                   ": json-glib “%.40s”, stream “%.40s”", pretty, i, tree + i, stream + i);
        }
    }
}

static gboolean
count_pieces (const char *data, gsize length, gpointer user_data)
{
  g_assert_cmpuint (length, >, 0);
  (*(guint *) user_data)++;
  return TRUE;
}

/* The streaming writer gives json-glib's bytes exactly: every control character and quote,
 * Arabic, empty arrays and objects, numbers of every shape, a document without a path, attrs,
 * evidence known only by count; and a big graph arrives in pieces. */
static void
test_stream_same_bytes (void)
{
  g_autoptr (RwbGraph) small = sample_graph ();
  assert_same_bytes (small);
  g_autoptr (RwbGraph) empty = rwb_graph_new ();
  assert_same_bytes (empty);

  g_autoptr (RwbGraph) g = rwb_graph_new ();
  g_autoptr (GString) all = g_string_new (NULL);
  for (int c = 1; c < 128; c++)
    g_string_append_c (all, (char) c);
  g_string_append (all, "شركة \u00e9 \xc3\xa9 😀");
  guint d = rwb_graph_add_document (g, NULL, "en", all->str);
  rwb_graph_add_document (g, "/x/\"quoted\".txt", "ar", NULL);
  guint a = rwb_graph_add_entity (g, all->str, RWB_ENTITY_PERSON);
  guint b = rwb_graph_add_entity (g, "شركة أرامكو", RWB_ENTITY_COMPANY);
  rwb_entity_set_attr (g_ptr_array_index (g->entities, a), all->str, all->str);
  rwb_entity_set_attr (g_ptr_array_index (g->entities, a), "b", "");
  ((RwbEntity *) g_ptr_array_index (g->entities, b))->source = g_strdup ("lexicon");
  const double confidences[] = { 0.0, 1.0, 1.0 / 3, 0.1, 0.5, 0.9995, 0.0004, 0.45, 0.7 };
  for (guint i = 0; i < G_N_ELEMENTS (confidences); i++)
    {
      guint r = rwb_graph_add_relation (g, a, b, (RwbRelationType) (i % 3), i % 2,
                                        confidences[i]);
      RwbRelation *rel = g_ptr_array_index (g->relations, r);
      if (i % 2)
        rwb_relation_add_evidence (rel, d, i, i + 40, i % 4 ? all->str : NULL,
                                   i % 3 ? "rule" : NULL, 0.5);
      if (i == 4)
        rel->n_evidence = 7;
      if (i == 5)
        rwb_relation_set_attr (rel, "weight", "3");
    }
  assert_same_bytes (g);

  /* Many entities: written in pieces, the same bytes. */
  g_autoptr (RwbGraph) big = rwb_graph_new ();
  guint doc = rwb_graph_add_document (big, "/tmp/big.txt", "ar", NULL);
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *name = g_strdup_printf ("شركة رقم %u", i);
      guint e = rwb_graph_add_entity (big, name, RWB_ENTITY_COMPANY);
      rwb_entity_add_mention (g_ptr_array_index (big->entities, e), doc, i, i + 3);
      if (i > 0)
        rwb_graph_add_relation (big, e - 1, e, RWB_RELATION_SUPPLY, TRUE, 0.6);
    }
  assert_same_bytes (big);
  guint pieces = 0;
  g_assert_true (rwb_json_write_to (big, TRUE, count_pieces, &pieces));
  g_assert_cmpuint (pieces, >, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/round-trip", test_round_trip);
  g_test_add_func ("/json/text", test_text);
  g_test_add_func ("/json/errors", test_errors);
  g_test_add_func ("/json/deep", test_deep);
  g_test_add_func ("/json/stream-same-bytes", test_stream_same_bytes);
  return g_test_run ();
}
