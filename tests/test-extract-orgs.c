/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Organization names from their grammar (issue 11.1), on sentences written for this test. */
#include "rwb-extract.h"
#include "rwb-lexicon.h"

static RwbGraph *
extract_en (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbLexicon) lex = rwb_lexicon_new_default (NULL, &error);
  g_assert_no_error (error);
  RwbGraph *graph = rwb_graph_new ();
  guint doc = rwb_graph_add_document (graph, NULL, "en", text);
  g_assert_true (rwb_extract_document (lex, graph, doc, NULL, &error));
  g_assert_no_error (error);
  return graph;
}

/* "Ministry of X and Y" and "X and Y Commission" are one body each; two bodies joined by
 * "and" stay two. */
static void
test_english_inner_and (void)
{
  g_autoptr (RwbGraph) g = extract_en (
    "The deal was approved on Tuesday by the Ministry of Fisheries and Water Resources. "
    "A filing went to the Ports and Shipping Commission in the capital. "
    "Lumora Holdings will also brief the Tariff Commission and Selvane Bank next month.");
  g_assert_cmpint (rwb_graph_find_entity (g, "Ministry of Fisheries and Water Resources"), >=, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "Ministry of Fisheries"), <, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "Ports and Shipping Commission"), >=, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "Shipping Commission"), <, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "Tariff Commission"), >=, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "Selvane Bank"), >=, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "Tariff Commission and Selvane Bank"), <, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract-orgs/english-inner-and", test_english_inner_and);
  return g_test_run ();
}
