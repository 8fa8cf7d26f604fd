/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Organization names from their grammar (issue 11.1), on sentences written for this test. */
#include "rwb-extract.h"
#include "rwb-lexicon.h"

static RwbGraph *
extract_lang (const char *text, const char *language)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbLexicon) lex = rwb_lexicon_new_default (NULL, &error);
  g_assert_no_error (error);
  RwbGraph *graph = rwb_graph_new ();
  guint doc = rwb_graph_add_document (graph, NULL, language, text);
  g_assert_true (rwb_extract_document (lex, graph, doc, NULL, &error));
  g_assert_no_error (error);
  return graph;
}

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

/* Capitalized common words are a heading or a term, not a name; a head noun, a suffix or a
 * fuller name earlier in the article makes them one. */
static void
test_english_common_words (void)
{
  g_autoptr (RwbGraph) g = extract_en (
    "Key Figures: the filing follows the Merger and Acquisition Regulations and the Listing "
    "Rules. Tarvel Harvest Logistics Co signed the contract with the Port Development "
    "Authority, and Tarvel said the Exploration unit will open in May. "
    "The Minister of Energy and Minerals attended.");
  g_assert_cmpint (rwb_graph_find_entity (g, "Tarvel Harvest Logistics Co"), >=, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "Port Development Authority"), >=, 0);
  const char *junk[] = { "Merger", "Acquisition Regulations", "Rules", "Listing Rules",
                         "Exploration", "of Energy", "Minerals", "Figures" };
  for (guint k = 0; k < G_N_ELEMENTS (junk); k++)
    g_assert_cmpint (rwb_graph_find_entity (g, junk[k]), <, 0);
  /* "Tarvel" alone is the company named in full before. */
  gint full = rwb_graph_find_entity (g, "Tarvel Harvest Logistics Co");
  RwbEntity *e = g_ptr_array_index (g->entities, full);
  g_assert_cmpuint (e->mentions->len, >=, 2);
}

/* Arabic company names read from their grammar: one definite word after the head when the
 * next word closes it; a person's name inside, closed by a sector tail; a name closed by its
 * acronym in Arabic letters, which is its alias; no name after a counted noun. */
static void
test_arabic_name_shapes (void)
{
  g_autoptr (RwbGraph) g = extract_lang (
    "تشترك في ملكيتها كل من شركة أولاد سالم الهاجري للسيارات الكويتية، ومجموعة الفرحاني. "
    "ووقعت شركة رمل نيو فيوتشر (آر إن إف) على الاتفاقية مع مجموعة الفرحاني. "
    "ويضم المبنى 90 غرفة وحديقة.",
    "ar");
  g_assert_cmpint (rwb_graph_find_entity (g, "أولاد سالم الهاجري للسيارات"), >=, 0);
  gint f = rwb_graph_find_entity (g, "مجموعة الفرحاني");
  g_assert_cmpint (f, >=, 0);
  g_assert_cmpuint (((RwbEntity *) g_ptr_array_index (g->entities, f))->mentions->len, ==, 2);
  gint r = rwb_graph_find_entity (g, "رمل نيو فيوتشر");
  g_assert_cmpint (r, >=, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "آر إن إف"), ==, r);
  g_assert_cmpint (rwb_graph_find_entity (g, "وحديقة"), <, 0);
  /* A name after a description, not the description's verb. */
  {
    g_autoptr (RwbGraph) d = extract_lang ("والشركة الاماراتية سمران تحوز على 49 بالمائة، "
                                           "وقال إن الشركة الصينية دخلت في شراكة جديدة.",
                                           "ar");
    g_assert_cmpint (rwb_graph_find_entity (d, "سمران"), >=, 0);
    g_assert_cmpint (rwb_graph_find_entity (d, "دخلت"), <, 0);
  }
  /* A noun with a possessive pronoun after a head is no name: "رئيس مجلس إدارتها". */
  {
    g_autoptr (RwbGraph) p = extract_lang ("ولا يزال يشغل منصب رئيس مجلس إدارتها.", "ar");
    g_assert_cmpint (rwb_graph_find_entity (p, "إدارتها"), <, 0);
  }
  g_assert_cmpint (rwb_graph_find_entity (g, "حديقة"), <, 0);
  for (guint k = 0; k < g->entities->len; k++)
    {
      RwbEntity *x = g_ptr_array_index (g->entities, k);
      g_assert_cmpint (x->type, !=, RWB_ENTITY_PERSON); /* no person made of the company's name */
    }
}

/* English titles: "X, Managing Director of Y" makes X a person who runs Y, and Y is read on
 * its own (the lexicon first); "Minister of Energy and Minerals" names no organization. A
 * nasab link or particles do not stop a person's name. */
static void
test_english_titles (void)
{
  g_autoptr (RwbGraph) g = extract_en (
    "The deal was signed by Hamdan bin Rashid Al Tarmouk, Managing Director of Qalvor "
    "Drilling Services, and by Noura Ben Salah, Deputy Governor of Tessir Bank. "
    "The Minister of Energy and Minerals attended. "
    "The Ministry of Water and Parks approved it, and Eng Faris Al Duri, Minister of Water "
    "and Parks, spoke.");
  /* The minister's office is the ministry named before; "Eng" is an honorific. */
  g_assert_true (rwb_graph_find_entity (g, "Faris Al Duri") >= 0);
  gint mw = rwb_graph_find_entity (g, "Ministry of Water and Parks");
  gint fd = rwb_graph_find_entity (g, "Faris Al Duri");
  g_assert_cmpint (mw, >=, 0);
  gboolean minister = FALSE;
  for (guint k = 0; k < g->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (g->relations, k);
      minister |= r->type == RWB_RELATION_EXECUTIVE && r->source == (guint) fd
                  && r->target == (guint) mw;
    }
  g_assert_true (minister);
  gint p = rwb_graph_find_entity (g, "Hamdan bin Rashid Al Tarmouk");
  g_assert_cmpint (p, >=, 0);
  g_assert_cmpint (((RwbEntity *) g_ptr_array_index (g->entities, p))->type, ==,
                   RWB_ENTITY_PERSON);
  gint q = rwb_graph_find_entity (g, "Noura Ben Salah");
  g_assert_cmpint (q, >=, 0);
  g_assert_cmpint (((RwbEntity *) g_ptr_array_index (g->entities, q))->type, ==,
                   RWB_ENTITY_PERSON);
  g_assert_cmpint (rwb_graph_find_entity (g, "Qalvor Drilling Services"), >=, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "Tessir Bank"), >=, 0);
  gboolean exec1 = FALSE, exec2 = FALSE;
  gint o1 = rwb_graph_find_entity (g, "Qalvor Drilling Services");
  gint o2 = rwb_graph_find_entity (g, "Tessir Bank");
  for (guint k = 0; k < g->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (g->relations, k);
      if (r->type != RWB_RELATION_EXECUTIVE)
        continue;
      exec1 |= r->source == (guint) p && r->target == (guint) o1;
      exec2 |= r->source == (guint) q && r->target == (guint) o2;
    }
  g_assert_true (exec1);
  g_assert_true (exec2);
  const char *junk[] = { "Managing Director of Qalvor Drilling Services", "Energy and Minerals",
                         "Deputy Governor of Tessir Bank", "Minister of Energy and Minerals" };
  for (guint k = 0; k < G_N_ELEMENTS (junk); k++)
    g_assert_cmpint (rwb_graph_find_entity (g, junk[k]), <, 0);
}

/* Transliterated company names: name-like words ending in an English business word written
 * in Arabic letters, with or without a head noun; a verb before a whole loanword name is not
 * part of it. */
static void
test_arabic_loanwords (void)
{
  g_autoptr (RwbGraph) g = extract_lang (
    "أن عرضا مشتركا قدمته شركة نوراس وسيلفر باور تغلب على عروض أخرى. "
    "واستثمرت شركة ومضة كابيتال في شركة ريفان. وتعمل غلوبال تريدينج في مصر.",
    "ar");
  g_assert_cmpint (rwb_graph_find_entity (g, "سيلفر باور"), >=, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "ومضة كابيتال"), >=, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "غلوبال تريدينج"), >=, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "تعمل غلوبال تريدينج"), <, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "باور تغلب"), <, 0);
  gint a = rwb_graph_find_entity (g, "ومضة كابيتال"), b = rwb_graph_find_entity (g, "ريفان");
  gboolean invest = FALSE;
  for (guint k = 0; k < g->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (g->relations, k);
      invest |= r->type == RWB_RELATION_INVESTMENT
                && ((r->source == (guint) a && r->target == (guint) b)
                    || (r->source == (guint) b && r->target == (guint) a));
    }
  g_assert_true (invest);
}

/* A title-case heading names nothing by its capitals; a contraction of a common word is no
 * name; a single word opening a sentence is a name when an apposition describes it. */
static void
test_english_headings (void)
{
  g_autoptr (RwbGraph) g = extract_en (
    "Qorvan Raises Record Funding for Smart Ledger Platform\n\n"
    "Qorvan, an Amman-based start-up, said BlueDune Capital led the round. "
    "\"We're ready,\" the founder said.");
  g_assert_cmpint (rwb_graph_find_entity (g, "Qorvan Raises Record Funding"), <, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "Smart Ledger Platform"), <, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "We're"), <, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "Qorvan"), >=, 0);
  g_assert_cmpint (rwb_graph_find_entity (g, "BlueDune Capital"), >=, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract-orgs/english-inner-and", test_english_inner_and);
  g_test_add_func ("/extract-orgs/english-common-words", test_english_common_words);
  g_test_add_func ("/extract-orgs/arabic-name-shapes", test_arabic_name_shapes);
  g_test_add_func ("/extract-orgs/english-titles", test_english_titles);
  g_test_add_func ("/extract-orgs/arabic-loanwords", test_arabic_loanwords);
  g_test_add_func ("/extract-orgs/english-headings", test_english_headings);
  return g_test_run ();
}
