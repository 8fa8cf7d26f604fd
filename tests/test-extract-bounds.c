/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The relation search stays linear in the sentence's length whatever the input: one sentence
 * of many names (a list, names with relation words, a repeated report) costs a bounded number
 * of steps per mention. Counts the search's steps, not time. */
#include "rwb-extract-private.h"

#include <string.h>

static RwbLexicon *
default_lexicon (void)
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

/* Steps of the relation search for @unit repeated @n times as one sentence (no full stop). */
static guint64
work_for (const char *unit, guint n, const char *language)
{
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append (text, unit);
  g_string_append (text, ".");
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  guint doc = rwb_graph_add_document (graph, NULL, language, text->str);
  g_autoptr (GError) error = NULL;
  guint64 work = 0;
  g_assert_true (extract_document_counting (default_lexicon (), graph, doc, NULL, &work,
                                            &error));
  g_assert_no_error (error);
  /* Each unit names at least two parties, except a name repeated alone. */
  if (strchr (unit, ' ') != strrchr (unit, ' '))
    g_assert_cmpuint (graph->relations->len, >, 0);
  return work;
}

/* A letter-made word for @n, different for every @n: "Bakomi" … in Latin, or Arabic
 * letters that are no clitics (جحخد …), so no two words differ only by a prefix. */
static void
append_word (GString *text, guint n, gboolean arabic)
{
  static const char *const latin[] = { "ba", "ko", "mi", "tu", "ze", "ra", "lo", "pi",
                                       "da", "fe", "gu", "ha", "jo", "ni", "so", "vu" };
  static const char *const arab[] = { "\xd8\xac", "\xd8\xad", "\xd8\xae", "\xd8\xaf", "\xd8\xb1", "\xd8\xb2", "\xd8\xb3", "\xd8\xb4", "\xd8\xb5", "\xd8\xb6", "\xd8\xb7", "\xd8\xb9", "\xd8\xba", "\xd9\x82", "\xd9\x86", "\xd8\xab" };
  const char *const *letters = arabic ? arab : latin;
  gsize start = text->len;
  for (guint k = 0; k < 4; k++, n /= 16)
    g_string_append (text, letters[n % 16]);
  if (!arabic)
    text->str[start] = g_ascii_toupper (text->str[start]);
}

/* Steps of the whole extraction for @n sentences, each naming three parties no other
 * sentence names. */
static guint64
work_for_distinct (guint n, gboolean arabic)
{
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (arabic)
        g_string_append (text, "\xd9\x88\xd9\x82\xd8\xb9\xd8\xaa \xd8\xb4\xd8\xb1\xd9\x83\xd8\xa9 "); /* وقعت شركة */
      append_word (text, 3 * i, arabic);
      g_string_append_c (text, ' ');
      append_word (text, 3 * i + 1, arabic);
      g_string_append (text, arabic ? " \xd9\x84\xd9\x84\xd8\xaa\xd8\xb7\xd9\x88\xd9\x8a\xd8\xb1 \xd8\xb9\xd9\x82\xd8\xaf\xd8\xa7 \xd9\x85\xd8\xb9 \xd8\xa8\xd9\x86\xd9\x83 " /* للتطوير عقدا مع بنك */
                                    : " Holdings signed a deal with ");
      append_word (text, 3 * i + 2, arabic);
      g_string_append (text, arabic ? ".\n" : " Capital.\n");
    }
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  guint doc = rwb_graph_add_document (graph, NULL, arabic ? "ar" : "en", text->str);
  g_autoptr (GError) error = NULL;
  guint64 work = 0;
  g_assert_true (extract_document_counting (default_lexicon (), graph, doc, NULL, &work,
                                            &error));
  g_assert_no_error (error);
  /* Every sentence gives its two parties and their relation. */
  g_assert_cmpuint (graph->entities->len, >=, 2 * n);
  g_assert_cmpuint (graph->relations->len, >=, n);
  return work;
}

/* Names never seen before are looked up through indices: a new name costs the same whatever
 * the number of names before it (a scan of every entity per new name was quadratic). */
static void
test_distinct_names (void)
{
  for (guint arabic = 0; arabic < 2; arabic++)
    {
      guint64 small = work_for_distinct (200, arabic);
      guint64 large = work_for_distinct (1600, arabic);
      g_test_message ("%s: %" G_GUINT64_FORMAT " steps for 200 sentences, %" G_GUINT64_FORMAT
                      " for 1600", arabic ? "Arabic" : "English", small, large);
      g_assert_cmpuint (large, <=, small * 10);
      g_assert_cmpuint (large, >=, small * 6);
    }
}

static void
check_linear (const char *unit, const char *language)
{
  guint64 small = work_for (unit, 200, language);
  guint64 large = work_for (unit, 1600, language);
  g_test_message ("«%s»: %" G_GUINT64_FORMAT " steps for 200, %" G_GUINT64_FORMAT " for 1600",
                  unit, small, large);
  /* Eight times the input: about eight times the work (quadratic would be 64 times). */
  g_assert_cmpuint (large, <=, small * 10);
  g_assert_cmpuint (large, >=, small * 6);
}

static void
test_list (void)
{
  check_linear ("Toyota, Honda, Nissan, Panasonic, ", "en");
}

static void
test_names_and_triggers (void)
{
  check_linear ("Toyota partnered with Honda and Nissan acquired Panasonic in Japan, ", "en");
  check_linear ("وقعت بايدو اتفاقية مع جيلي لتصنيع السيارات في الصين، ", "ar");
}

static void
test_reporting (void)
{
  check_linear ("Bloomberg reported that Toyota and Honda talk, ", "en");
}

static void
test_repeated_name (void)
{
  check_linear ("بايدو ", "ar");
}

/* The bounds keep what a real sentence says: a list of four parties after a trigger, and a
 * party far into a long sentence. */
static void
test_bounds_keep_relations (void)
{
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  guint doc = rwb_graph_add_document (graph, NULL, "en",
                                      "Toyota will partner with Honda, Panasonic, Sony and "
                                      "Samsung on batteries.");
  g_autoptr (GError) error = NULL;
  g_assert_true (rwb_extract_document (default_lexicon (), graph, doc, NULL, &error));
  gint toyota = rwb_graph_find_entity (graph, "Toyota");
  g_assert_cmpint (toyota, >=, 0);
  guint partners = 0;
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      if (r->type == RWB_RELATION_PARTNERSHIP
          && (r->source == (guint) toyota || r->target == (guint) toyota))
        partners++;
    }
  g_assert_cmpuint (partners, ==, 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract-bounds/list", test_list);
  g_test_add_func ("/extract-bounds/names-and-triggers", test_names_and_triggers);
  g_test_add_func ("/extract-bounds/reporting", test_reporting);
  g_test_add_func ("/extract-bounds/repeated-name", test_repeated_name);
  g_test_add_func ("/extract-bounds/keep-relations", test_bounds_keep_relations);
  g_test_add_func ("/extract-bounds/distinct-names", test_distinct_names);
  return g_test_run ();
}
