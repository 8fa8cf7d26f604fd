/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for rwb-extract: entities, coreference, relations and evidence offsets. */
#include "rwb-extract.h"
#include "rwb-json.h"
#include "rwb-text.h"

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

static RwbGraph *
extract_text (const char *text, const char *language)
{
  RwbGraph *graph = rwb_graph_new ();
  guint doc = rwb_graph_add_document (graph, NULL, language, text);
  g_autoptr (GError) error = NULL;
  g_assert_true (rwb_extract_document (default_lexicon (), graph, doc, NULL, &error));
  g_assert_no_error (error);
  return graph;
}

static gint
find (RwbGraph *graph, const char *name)
{
  return rwb_graph_find_entity (graph, name);
}

/* The relation types between two entities (any direction), as a bit set. */
static guint
types_between (RwbGraph *graph, const char *a, const char *b)
{
  gint ia = find (graph, a), ib = find (graph, b);
  if (ia < 0 || ib < 0)
    return 0;
  guint bits = 0;
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      if ((r->source == (guint) ia && r->target == (guint) ib)
          || (r->source == (guint) ib && r->target == (guint) ia))
        bits |= 1u << r->type;
    }
  return bits;
}

#define TYPED(bits) ((bits) & ~(1u << RWB_RELATION_MENTION))
#define HAS(bits, t) (((bits) & (1u << (t))) != 0)

/* Bidi controls, tatweel and presentation forms change the matching form only: the company is
 * found, and its mention covers the original code points of the text. */
static void
test_bidi_and_shapes (void)
{
  const char *texts[] = {
    "أعلنت شركة \u202bهواوي\u202c عن نتائجها السنوية.",
    "أعلنت شركة \u2067هـــواوي\u2069 عن نتائجها السنوية.",
    "أعلنت شركة \ufee9\ufeee\ufe8d\ufeed\ufef1 عن نتائجها السنوية.",
  };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (RwbGraph) g = extract_text (texts[i], "ar");
      gint h = find (g, "Huawei");
      g_assert_cmpint (h, >=, 0);
      RwbEntity *e = g_ptr_array_index (g->entities, h);
      g_assert_cmpuint (e->mentions->len, ==, 1);
      RwbSpan *m = &g_array_index (e->mentions, RwbSpan, 0);
      g_autofree char *surface = g_utf8_substring (texts[i], m->start, m->end);
      g_autofree char *form = rwb_text_match_form (surface, -1);
      g_assert_cmpstr (form, ==, "هواوي");
      /* The span starts on the name, not on the space or control before it, and ends on
       * it, not on the mark that closes the embedding. */
      gunichar first = g_utf8_get_char (surface);
      g_assert_true (first != ' ' && (first < 0x202A || first > 0x2069));
      gunichar end = g_utf8_get_char (g_utf8_find_prev_char (surface, surface + strlen (surface)));
      g_assert_true (end < 0x202A || end > 0x2069);
    }
}

/* A parent group and its brand are two entities, in either script. */
static void
test_parent_and_subsidiary (void)
{
  const char *texts[][2] = {
    { "قالت مجموعة دايملر إن وحدتها مرسيدس بنز ستفتح مصنعا جديدا.", "ar" },
    { "Daimler said its unit Mercedes-Benz will open a new plant.", "en" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (RwbGraph) g = extract_text (texts[i][0], texts[i][1]);
      gint parent = find (g, "Daimler"), brand = find (g, "Mercedes-Benz");
      g_assert_cmpint (parent, >=, 0);
      g_assert_cmpint (brand, >=, 0);
      g_assert_cmpint (parent, !=, brand);
    }
}

static void
test_offsets (void)
{
  const char *text = "أعلنت شركة هواوي، ومقرها في الصين، عن شراكة مع شركة فولكس فاجن.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  gint h = find (g, "Huawei");
  g_assert_cmpint (h, >=, 0);
  RwbEntity *e = g_ptr_array_index (g->entities, h);
  g_assert_cmpuint (e->mentions->len, ==, 1);
  RwbSpan *m = &g_array_index (e->mentions, RwbSpan, 0);
  g_autofree char *surface = g_utf8_substring (text, m->start, m->end);
  g_assert_cmpstr (surface, ==, "هواوي");
  g_assert_cmpuint (e->type, ==, RWB_ENTITY_COMPANY);
  /* Every evidence span is the sentence, in code points. */
  g_assert_cmpuint (g->relations->len, >, 0);
  for (guint i = 0; i < g->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (g->relations, i);
      RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, 0);
      g_autofree char *sentence = g_utf8_substring (text, ev->start, ev->end);
      g_autofree char *evidence = rwb_graph_evidence_text (g, ev);
      g_assert_cmpstr (sentence, ==, evidence);
    }
  g_assert_true (HAS (types_between (g, "Huawei", "Volkswagen"), RWB_RELATION_PARTNERSHIP));
  g_assert_true (HAS (types_between (g, "Huawei", "China"), RWB_RELATION_LOCATION));
}

static void
test_clitic_names (void)
{
  /* "وبايدو" is و + بايدو; "بايدو" itself starts with ب and must not lose it. */
  g_autoptr (RwbGraph) g = extract_text ("تتنافس بايدو وعلي بابا في الحوسبة السحابية.", "ar");
  g_assert_cmpint (find (g, "Baidu"), >=, 0);
  g_autoptr (RwbGraph) g2 = extract_text ("وتعمل وبايدو على الخرائط.", "ar");
  g_assert_cmpint (find (g2, "Baidu"), >=, 0);
}

static void
test_arabic_latin_pair (void)
{
  /* An unknown Arabic name followed by its Latin form is one entity with both aliases. */
  g_autoptr (RwbGraph) g = extract_text ("وقعت شركة زيمبرا Zimbra اتفاقية توريد مع شركة "
                                         "سامسونج.", "ar");
  gint z = find (g, "Zimbra");
  g_assert_cmpint (z, >=, 0);
  RwbEntity *e = g_ptr_array_index (g->entities, z);
  g_assert_cmpint (find (g, "زيمبرا"), ==, z);
  g_assert_cmpuint (e->type, ==, RWB_ENTITY_COMPANY);
  g_assert_true (HAS (types_between (g, "Zimbra", "Samsung Electronics"), RWB_RELATION_SUPPLY));
}

static void
test_arabic_name_after_cue (void)
{
  /* An Arabic name the lexicon does not know, read after شركة; sector nouns and adjectives
   * after شركة are not names. */
  g_autoptr (RwbGraph) g = extract_text ("أعلنت شركة تريفانو عن شراكة مع شركة سامسونج. وتعمل "
                                         "شركة ناشئة مع شركة سيارات صينية للدخول إلى السوق.",
                                         "ar");
  gint t = find (g, "تريفانو");
  g_assert_cmpint (t, >=, 0);
  g_assert_cmpuint (((RwbEntity *) g_ptr_array_index (g->entities, t))->type, ==,
                    RWB_ENTITY_COMPANY);
  g_assert_true (HAS (types_between (g, "تريفانو", "Samsung Electronics"),
                      RWB_RELATION_PARTNERSHIP));
  g_assert_cmpint (find (g, "ناشئة"), <, 0);
  g_assert_cmpint (find (g, "سيارات"), <, 0);
  g_assert_cmpuint (g->entities->len, ==, 3); /* Trevano, Samsung, China (from صينية) */
}

static void
test_cooccurrence_is_mention (void)
{
  g_autoptr (RwbGraph) g = extract_text ("Apple and Huawei both sell phones.", "en");
  guint bits = types_between (g, "Apple", "Huawei");
  g_assert_true (HAS (bits, RWB_RELATION_MENTION));
  g_assert_cmpuint (TYPED (bits), ==, 0);
}

static void
test_coreference (void)
{
  g_autoptr (RwbGraph) g = extract_text ("Toyota met Panasonic on Monday. The two companies "
                                         "signed a battery partnership.", "en");
  g_assert_true (HAS (types_between (g, "Toyota", "Panasonic"), RWB_RELATION_PARTNERSHIP));
}

static void
test_own_articles (void)
{
  /* Articles written for this project (tests/data), checked relation by relation. */
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "article-ar-toyota.txt",
                                                 NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (RwbGraph) g = rwb_graph_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (rwb_extract_file (default_lexicon (), g, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (HAS (types_between (g, "Toyota", "Panasonic"), RWB_RELATION_PARTNERSHIP));
  g_assert_true (HAS (types_between (g, "Toyota", "Japan"), RWB_RELATION_LOCATION));
  g_assert_true (HAS (types_between (g, "Bloomberg", "Honda"), RWB_RELATION_REPORTING));
  g_assert_true (TYPED (types_between (g, "Honda", "LG Electronics")) != 0);
  /* The Toyota–Bloomberg pair only shares an article, not a sentence. */
  g_assert_cmpuint (types_between (g, "Toyota", "Bloomberg"), ==, 0);
  g_assert_cmpuint (TYPED (types_between (g, "Toyota", "Honda")), ==, 0);
}

static void
test_english_article (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "article-en-acme.txt",
                                                 NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (RwbGraph) g = rwb_graph_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (rwb_extract_file (default_lexicon (), g, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (HAS (types_between (g, "Volvo", "Daimler"), RWB_RELATION_PARTNERSHIP));
  /* A company the lexicon does not know, found by its suffix. */
  g_assert_cmpint (find (g, "Nordlicht Motors Inc"), >=, 0);
  g_assert_true (HAS (types_between (g, "Nordlicht Motors Inc", "Volvo"), RWB_RELATION_SUPPLY));
  g_assert_true (HAS (types_between (g, "Bloomberg", "Volvo"), RWB_RELATION_REPORTING));
  g_assert_cmpuint (TYPED (types_between (g, "Tesla", "BYD")), ==, 0);
}


/* People named without a title or a verb of saying, from the grammar of Arabic names; and
 * the common words that are given names too, which stay words. */
static void
test_given_names (void)
{
  const char *text =
    "التقى خالد بن سعيد الهاجري بوفد من المستثمرين في مسقط. "
    "وترأست نادية الشامي الاجتماع الأول. "
    "وحضر أبو بكر العمودي وعبدالله يوسف المطيري الحفل. "
    "وقالت الشركة إن لديها أمل كبير في نمو المبيعات. "
    "وتعمل شركة عبداللطيف جميل في قطاع السيارات. "
    "وجاء الطلب على المنتجات قويا خلال العام. "
    "وكان مالك الشركة حاضرا.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  const char *people[] = { "خالد بن سعيد الهاجري", "نادية الشامي", "أبو بكر العمودي",
                           "عبدالله يوسف المطيري" };
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gint e = find (g, people[i]);
      if (e < 0)
        g_error ("no person “%s”", people[i]);
      g_assert_cmpuint (((RwbEntity *) g_ptr_array_index (g->entities, e))->type, ==,
                        RWB_ENTITY_PERSON);
    }
  /* The clitic و is not part of the name. */
  g_assert_cmpint (find (g, "وعبدالله يوسف المطيري"), <, 0);
  for (guint i = 0; i < g->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (g->entities, i);
      /* "أمل كبير" (great hope), "على المنتجات", "مالك الشركة" (the company's owner) are no
       * people; the company after شركة is no person either. */
      g_assert_null (strstr (e->name, "\xd8\xa3\xd9\x85\xd9\x84 ")); /* أمل */
      g_assert_null (strstr (e->name, "\xd8\xa7\xd9\x84\xd9\x85\xd9\x86\xd8\xaa\xd8\xac")); /* المنتج… */
      g_assert_null (strstr (e->name, "\xd9\x85\xd8\xa7\xd9\x84\xd9\x83 ")); /* مالك */
      if (strstr (e->name, "\xd8\xac\xd9\x85\xd9\x8a\xd9\x84")) /* جميل */
        g_assert_cmpuint (e->type, !=, RWB_ENTITY_PERSON);
    }
}

/* English: a given name opening a capitalized run is a person, whatever the context. */
static void
test_given_names_english (void)
{
  g_autoptr (RwbGraph) g = extract_text (
    "Harbour Logistics has appointed Mariam Al-Farsi to lead its expansion. The board thanked "
    "Omar Haddad Saleh for his work.",
    "en");
  const char *people[] = { "Mariam Al-Farsi", "Omar Haddad Saleh" };
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gint e = find (g, people[i]);
      if (e < 0)
        g_error ("no person “%s”", people[i]);
      g_assert_cmpuint (((RwbEntity *) g_ptr_array_index (g->entities, e))->type, ==,
                        RWB_ENTITY_PERSON);
    }
}

/* Organization names from their grammar: a head noun and the name after it, with sector
 * tails, legal forms, nisbas and places inside; names of common words after a definite head;
 * the description "الشركة الصينية" and the board "مجلس الإدارة" are no names. */
static void
test_org_grammar (void)
{
  const char *text =
    "وقعت شركة نماء للحديد عقدا مع مجموعة الواحة القابضة. "
    "وحصل بنك الساحل الوطني على موافقة الهيئة الوطنية للمواصفات على المنتج. "
    "وقال رئيس مجلس الإدارة إن الشركة الصينية ستبني المصنع. "
    "ويمول البنك الوطني المتحد المشروع مع شركة نقل دمشق.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  const char *orgs[] = { "نماء للحديد", "الواحة القابضة", "بنك الساحل الوطني",
                         "الهيئة الوطنية للمواصفات", "البنك الوطني المتحد", "نقل دمشق" };
  for (guint i = 0; i < G_N_ELEMENTS (orgs); i++)
    {
      gint e = -1;
      for (guint k = 0; k < g->entities->len && e < 0; k++)
        {
          RwbEntity *x = g_ptr_array_index (g->entities, k);
          if (g_str_equal (x->name, orgs[i]))
            e = k;
          for (guint a = 0; x->aliases && a < x->aliases->len && e < 0; a++)
            if (g_str_equal (g_ptr_array_index (x->aliases, a), orgs[i]))
              e = k;
        }
      if (e < 0)
        g_error ("no organization “%s”", orgs[i]);
      RwbEntityType type = ((RwbEntity *) g_ptr_array_index (g->entities, e))->type;
      g_assert_true (type == RWB_ENTITY_COMPANY || type == RWB_ENTITY_ORGANIZATION);
    }
  for (guint k = 0; k < g->entities->len; k++)
    {
      RwbEntity *x = g_ptr_array_index (g->entities, k);
      g_assert_null (strstr (x->name, "الإدارة"));
      g_assert_null (strstr (x->name, "الصينية"));
    }
}

/* Mentions say what they are: a nisba standing for a place is an adjective, not a name; "the
 * company" standing for a company is a description. */
static void
test_mention_kinds (void)
{
  const char *text = "وقعت شركة هواوي عقدا مع شركة سويدية. وقالت الشركة إن العقد كبير.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  gint sweden = find (g, "Sweden");
  g_assert_cmpint (sweden, >=, 0);
  RwbEntity *s = g_ptr_array_index (g->entities, sweden);
  g_assert_cmpuint (s->mentions->len, >=, 1);
  for (guint i = 0; i < s->mentions->len; i++)
    g_assert_cmpint (g_array_index (s->mentions, RwbSpan, i).kind, ==, RWB_MENTION_ADJECTIVE);
  gint huawei = find (g, "Huawei");
  g_assert_cmpint (huawei, >=, 0);
  RwbEntity *h = g_ptr_array_index (g->entities, huawei);
  gboolean name = FALSE, description = FALSE;
  for (guint i = 0; i < h->mentions->len; i++)
    {
      RwbSpan *m = &g_array_index (h->mentions, RwbSpan, i);
      g_autofree char *surface = g_utf8_substring (text, m->start, m->end);
      if (m->kind == RWB_MENTION_NAME)
        {
          name = TRUE;
          g_assert_cmpstr (surface, ==, "هواوي");
        }
      if (m->kind == RWB_MENTION_DESCRIPTION)
        {
          description = TRUE;
          g_assert_cmpstr (surface, ==, "الشركة");
        }
    }
  g_assert_true (name);
  g_assert_true (description);
}

/* People named by their role: "TITLE ل ORG PERSON" reads a name no lexicon knows from its
 * place after the organization; "PERSON، TITLE ل ORG" and a kunya after an honorific too. */
static void
test_title_roles (void)
{
  const char *text =
    "وقع الاتفاقية الرئيس التنفيذي لشركة رمال الخليج للمقاولات بيتروس كالانيس، والمدير العام "
    "لمجموعة الفنار القابضة المهندس زياد أبو شقرة. "
    "وقال سامي العتيبي، الرئيس التنفيذي لبنك الساحل الوطني، إن التمويل جاهز. "
    "وقال الرئيس التنفيذي لشركة رمال الخليج للمقاولات يوم الثلاثاء إن العمل بدأ.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  g_assert_cmpint (find (g, "بيتروس كالانيس"), >=, 0);
  g_assert_cmpint (find (g, "زياد أبو شقرة"), >=, 0);
  g_assert_true (HAS (types_between (g, "بيتروس كالانيس", "رمال الخليج للمقاولات"),
                      RWB_RELATION_EXECUTIVE));
  g_assert_true (HAS (types_between (g, "زياد أبو شقرة", "الفنار القابضة"),
                      RWB_RELATION_EXECUTIVE));
  g_assert_true (HAS (types_between (g, "سامي العتيبي", "بنك الساحل الوطني"),
                      RWB_RELATION_EXECUTIVE));
  /* Not the other company's executive, and no person made of a day. */
  g_assert_false (HAS (types_between (g, "بيتروس كالانيس", "الفنار القابضة"),
                       RWB_RELATION_EXECUTIVE));
  for (guint k = 0; k < g->entities->len; k++)
    {
      RwbEntity *x = g_ptr_array_index (g->entities, k);
      g_assert_null (strstr (x->name, "الثلاثاء"));
    }
}

/* A role in the accusative after its holder: the person holds it in the organization named
 * after the role, or in the one that gave it; a company in that slot advises or partners. A
 * bank named by one definite word; a three-word name with no given name after the first. */
static void
test_role_complements (void)
{
  const char *text =
    "عين بنك الوادي سليم عباس فارح رئيسا تنفيذيا لعملياته في الأردن. "
    "وقررت الجمعية العمومية تعيين سعاد المرزوقي مديرة عامة، وتعيين ناصر البدري مديرا عاما "
    "لشركة سنابل الريف للتجارة. "
    "واختارت مجموعة الربوة القابضة، شركة نجم الساحل للاستشارات، مستشارا ماليا للصفقة.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  g_assert_cmpint (find (g, "بنك الوادي"), >=, 0);
  g_assert_cmpint (find (g, "سليم عباس فارح"), >=, 0);
  g_assert_true (HAS (types_between (g, "سليم عباس فارح", "بنك الوادي"),
                      RWB_RELATION_EXECUTIVE));
  /* After a nasab a place's nisba is the family name. */
  {
    g_autoptr (RwbGraph) k = extract_text ("وقال حمدان بن سالم الكندي إن العمل بدأ.", "ar");
    g_assert_cmpint (find (k, "حمدان بن سالم الكندي"), >=, 0);
  }
  g_assert_true (HAS (types_between (g, "ناصر البدري", "سنابل الريف للتجارة"),
                      RWB_RELATION_EXECUTIVE));
  g_assert_true (HAS (types_between (g, "نجم الساحل للاستشارات", "الربوة القابضة"),
                      RWB_RELATION_SUPPLY));
  /* A nisba before a quoted name describes it. */
  {
    g_autoptr (RwbGraph) q = extract_text ("وتجري محادثات مع شركة السيارات الصينية \"ليانغ\" منذ "
                                           "شهور.", "ar");
    g_assert_true (HAS (types_between (q, "ليانغ", "China"), RWB_RELATION_LOCATION));
  }
  /* The nisba before a comma describes nothing after it. */
  g_assert_false (HAS (types_between (g, "نجم الساحل للاستشارات", "Jordan"),
                       RWB_RELATION_LOCATION));
}

/* An outlet as the indirect object of a verb of saying, or the other side of an interview,
 * reports on the companies of what it was told; not on the people it quotes. */
static void
test_reporting_told (void)
{
  const char *text =
    "قالت مصادر مطلعة لرويترز إن شركة سنابل الريف للتجارة تجري محادثات لشراء شركة نجم الساحل "
    "للاستشارات. "
    "وقال الرئيس التنفيذي لشركة الربوة القابضة نادر سلوم في مقابلة مع تلفزيون بلومبرغ إن "
    "الطلب قوي.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  g_assert_true (HAS (types_between (g, "Reuters", "سنابل الريف للتجارة"), RWB_RELATION_REPORTING));
  g_assert_true (HAS (types_between (g, "Reuters", "نجم الساحل للاستشارات"),
                      RWB_RELATION_REPORTING));
  g_assert_true (HAS (types_between (g, "Bloomberg", "الربوة القابضة"), RWB_RELATION_REPORTING));
  g_assert_cmpuint (TYPED (types_between (g, "Bloomberg", "نادر سلوم")), ==, 0);
}

/* A trigger noun with a possessive pronoun on it: "مفاوضاته مع"، "شراكتها مع" (the ة of the
 * noun written ت before the pronoun). */
static void
test_suffixed_triggers (void)
{
  const char *text =
    "وكان بنك الوادي أعلن عن مفاوضاته مع مصرف الساحل لبيع وحدته. "
    "وأعلنت شركة سنابل الريف للتجارة شراكتها مع شركة نجم الساحل للاستشارات.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  g_assert_true (HAS (types_between (g, "بنك الوادي", "مصرف الساحل"), RWB_RELATION_TALKS));
  g_assert_true (HAS (types_between (g, "سنابل الريف للتجارة", "نجم الساحل للاستشارات"),
                      RWB_RELATION_PARTNERSHIP));
}

/* A quoted name with its Latin name in parentheses is one company; a list after a trigger
 * whose clause names a party before it is that party's object, not a pair of partners; a
 * title's quoted organization after its head noun. */
static void
test_quoted_latin_and_objects (void)
{
  const char *text =
    "وقعت مجموعة \"نوراس\" (Nawras) المغربية اتفاقية مع مجموعة \"سحابة\" (Sahaba). "
    "وينص الاتفاق على بيع \"نوراس\" لجميع حصصها في شركتي \"ريفان\" و\"وديان\". "
    "وقال الرئيس التنفيذي لشركة \"تلال\" سامي درويش إن العمل بدأ.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  gint a = find (g, "Nawras"), b = find (g, "نوراس");
  g_assert_cmpint (a, >=, 0);
  g_assert_cmpint (a, ==, b);
  g_assert_cmpint (find (g, "Sahaba"), ==, find (g, "سحابة"));
  g_assert_cmpuint (TYPED (types_between (g, "نوراس", "ريفان")), !=, 0);
  g_assert_cmpuint (TYPED (types_between (g, "نوراس", "وديان")), !=, 0);
  g_assert_cmpuint (TYPED (types_between (g, "ريفان", "وديان")), ==, 0);
  g_assert_true (HAS (types_between (g, "سامي درويش", "تلال"), RWB_RELATION_EXECUTIVE));
  /* The contractor's partner in the deal supplies the client too. */
  {
    g_autoptr (RwbGraph) j = extract_text (
      "وقعت شركة نوران للتطوير عقدا مع شركة «رمال الخليج للمقاولات»، بالشراكة مع مجموعة الربوة "
      "القابضة، لتنفيذ المشروع.", "ar");
    g_assert_true (HAS (types_between (j, "رمال الخليج للمقاولات", "نوران للتطوير"), RWB_RELATION_SUPPLY));
    g_assert_true (HAS (types_between (j, "الربوة القابضة", "نوران للتطوير"), RWB_RELATION_SUPPLY));
  }
}

/* Members of a list each with its nisba are one list ("شراكات مع كل من “A” الفرنسية و“B”
 * الإيطالية"); a company chosen "لتكون الشريك" partners the one that chose it. */
static void
test_lists_with_nisbas (void)
{
  const char *text =
    "ووقعت مجموعة الربوة القابضة شراكات مع كل من شركة \"ريفان\" الفرنسية و\"وديان\" الإيطالية "
    "و\"تلال\" الأمريكية. "
    "وأعلنت مجموعة الربوة القابضة، الثلاثاء، اختيار شركة \"نوراس\" الألمانية لتكون الشريك "
    "الرابع لها في المشروع.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  const char *members[] = { "ريفان", "وديان", "تلال", "نوراس" };
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_assert_true (HAS (types_between (g, "الربوة القابضة", members[i]),
                        RWB_RELATION_PARTNERSHIP));
  g_assert_cmpuint (TYPED (types_between (g, "ريفان", "وديان")), ==, 0);
}

/* In a list of signatories each title names its own organization: no one holds a title in
 * another party of the sentence. A trade tail (لتطوير العقارات السكنية) ends a name; a
 * group in parentheses after a company owns it. */
static void
test_signatories (void)
{
  const char *text =
    "وقع الاتفاقية السيد سامر الخطيب الرئيس التنفيذي لشركة رمال الخليج للمقاولات، والمهندس "
    "وليد أحمد البدري - الرئيس التنفيذي لشركة الوفرة لتطوير العقارات السكنية (مجموعة "
    "سنابل) والأستاذ ناصر محمد – المدير الإقليمي لمجموعة الربوة القابضة.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  g_assert_cmpint (find (g, "الوفرة لتطوير العقارات السكنية"), >=, 0);
  g_assert_true (HAS (types_between (g, "وليد أحمد البدري", "الوفرة لتطوير العقارات السكنية"),
                      RWB_RELATION_EXECUTIVE));
  g_assert_true (HAS (types_between (g, "سنابل", "الوفرة لتطوير العقارات السكنية"),
                      RWB_RELATION_OWNERSHIP));
  g_assert_false (HAS (types_between (g, "وليد أحمد البدري", "رمال الخليج للمقاولات"),
                       RWB_RELATION_EXECUTIVE));
  g_assert_false (HAS (types_between (g, "ناصر محمد", "رمال الخليج للمقاولات"),
                       RWB_RELATION_EXECUTIVE));
  g_assert_false (HAS (types_between (g, "ناصر محمد", "سنابل"), RWB_RELATION_EXECUTIVE));
  /* The office's place between the organization and the person. */
  {
    g_autoptr (RwbGraph) o = extract_text (
      "ووقع العقد نائب الرئيس لشركة رمال الخليج للمقاولات في الأردن (RGC) كمال الفارس، "
      "ومن المقرر أن يبدأ العمل قريبا.", "ar");
    g_assert_true (HAS (types_between (o, "كمال الفارس", "رمال الخليج للمقاولات"),
                        RWB_RELATION_EXECUTIVE));
  }
}

/* English names from their grammar: a demonym opening a name of two fields joined by "and"
 * before its suffix; a family firm; a run stopping before a known party after "of"; an
 * everyday word opening the sentence before a short name; the seller after "from the". */
static void
test_english_name_grammar (void)
{
  const char *text =
    "The Qarvo Fund agreed to acquire a 60 percent shareholding in the Jordanian Paint and "
    "Chemicals Company (Tasco) from the Nabrel Industries Corporation. "
    "Later Tasco hired Qasim Ali Hamdan and Sons Trading Company as a supplier. "
    "Value of World Bank's loan to Tarsel Group reached $10 million.";
  g_autoptr (RwbGraph) g = extract_text (text, "en");
  gint tasco = find (g, "Jordanian Paint and Chemicals Company");
  g_assert_cmpint (tasco, >=, 0);
  g_assert_cmpint (find (g, "Tasco"), ==, tasco);
  g_assert_cmpint (find (g, "Later Tasco"), <, 0);
  g_assert_cmpint (find (g, "Chemicals Company"), <, 0);
  g_assert_true (HAS (types_between (g, "Nabrel Industries Corporation",
                                     "Jordanian Paint and Chemicals Company"),
                      RWB_RELATION_OWNERSHIP));
  g_assert_true (HAS (types_between (g, "Qarvo Fund", "Nabrel Industries Corporation"),
                      RWB_RELATION_ACQUISITION));
  gint sons = find (g, "Qasim Ali Hamdan and Sons Trading Company");
  g_assert_cmpint (sons, >=, 0);
  g_assert_cmpint (((RwbEntity *) g_ptr_array_index (g->entities, sons))->type, ==,
                   RWB_ENTITY_COMPANY);
  g_assert_cmpint (find (g, "Value of World Bank"), <, 0);
  g_assert_cmpint (find (g, "World Bank"), >=, 0);
}

/* A definite organization named again with a clitic ("للشركة الوطنية …") is the same one,
 * not "the company" standing for another; its name gets the article's alef back. */
static void
test_definite_org_again (void)
{
  const char *text =
    "خرجت أول شاحنة من مصنع الشركة الوطنية للمركبات الثقيلة بمدينة سمراية. "
    "وأكد الرئيس المدير العام للشركة الوطنية للمركبات الثقيلة سالم الدوري أن الإنتاج بدأ.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  gint e = find (g, "الشركة الوطنية للمركبات الثقيلة");
  g_assert_cmpint (e, >=, 0);
  g_assert_cmpuint (((RwbEntity *) g_ptr_array_index (g->entities, e))->mentions->len, ==, 2);
  g_assert_cmpint (find (g, "لشركة الوطنية للمركبات الثقيلة"), <, 0);
  g_assert_true (HAS (types_between (g, "سالم الدوري", "الشركة الوطنية للمركبات الثقيلة"),
                      RWB_RELATION_EXECUTIVE));
}

/* A place no lexicon lists, named after its head noun, and where a company is: "بمنطقة X",
 * "ومقرها X"; a person's nationality is no location. */
static void
test_place_heads (void)
{
  const char *text =
    "افتتحت شركة نماء للحديد مصنعها الجديد بمنطقة وادي برقان. "
    "وتعاملت شركة رمال الخليج للمقاولات، ومقرها دبي، مع الطلب. "
    "وقال المهندس زياد أبو شقرة المصري إن العمل بدأ في منطقة متعددة الاستخدامات.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  gint p = find (g, "وادي برقان");
  g_assert_cmpint (p, >=, 0);
  g_assert_cmpint (((RwbEntity *) g_ptr_array_index (g->entities, p))->type, ==,
                   RWB_ENTITY_PLACE);
  g_assert_true (HAS (types_between (g, "نماء للحديد", "وادي برقان"), RWB_RELATION_LOCATION));
  g_assert_true (HAS (types_between (g, "رمال الخليج للمقاولات", "Dubai"),
                      RWB_RELATION_LOCATION));
  g_assert_false (HAS (types_between (g, "زياد أبو شقرة", "Egypt"), RWB_RELATION_LOCATION));
  /* Feminine names: in ـاية, or before a definite nisba; not an adjective ("صناعية"). */
  {
    g_autoptr (RwbGraph) f = extract_text ("وتبني شركة نماء للحديد مصنعا خارج مدينة سمراية. "
                                           "وتقع شركة رمال الخليج للمقاولات في منطقة قرطاسة "
                                           "الصناعية، وافتتحت فرعا في منطقة صناعية جديدة.",
                                           "ar");
    g_assert_true (HAS (types_between (f, "نماء للحديد", "سمراية"), RWB_RELATION_LOCATION));
    g_assert_cmpint (find (f, "قرطاسة"), >=, 0);
    g_assert_cmpint (find (f, "صناعية"), <, 0);
    /* A first letter that could be a clitic (ل) is the name's own after the head. */
    g_autoptr (RwbGraph) c = extract_text ("وتوسع شركة نماء للحديد مصنعها في منطقة لمراسة "
                                           "الشمالية.", "ar");
    g_assert_cmpint (find (c, "لمراسة"), >=, 0);
    g_assert_cmpint (find (f, "صناعية جديدة"), <, 0);
  }
  for (guint k = 0; k < g->entities->len; k++)
    {
      RwbEntity *x = g_ptr_array_index (g->entities, k);
      g_assert_null (strstr (x->name, "متعددة"));
    }
}

/* Latin acronyms spelled in Arabic letter names, ministries and authorities with their field,
 * and a company named by its sector and nationality. */
static void
test_arabic_acronyms_and_bodies (void)
{
  const char *text =
    "وقعت شركة إف.جي.إل للنقل عقدا مع مجموعة بي إم كيه. "
    "وحصلت الشركة على موافقة وزارة النقل والمواصلات وهيئة الطيران المدني. "
    "كما تعاقدت شركة الإسمنت العمانية مع شركة دبليو.إتش.إس. "
    "وتبلغ قيمة العقد 2 بليون دولار. "
    "وقالت شركة الأسمدة المصرية العملاقة كيمابكو إن الإنتاج ارتفع.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  g_assert_cmpint (find (g, "إف.جي.إل للنقل"), >=, 0);
  g_assert_cmpint (find (g, "بي إم كيه"), >=, 0);
  g_assert_true (HAS (types_between (g, "إف.جي.إل للنقل", "بي إم كيه"),
                      RWB_RELATION_SUPPLY) ||
                 HAS (types_between (g, "إف.جي.إل للنقل", "بي إم كيه"),
                      RWB_RELATION_PARTNERSHIP));
  gint m = find (g, "وزارة النقل والمواصلات");
  g_assert_cmpint (m, >=, 0);
  g_assert_cmpint (((RwbEntity *) g_ptr_array_index (g->entities, m))->type, ==,
                   RWB_ENTITY_ORGANIZATION);
  g_assert_cmpint (find (g, "هيئة الطيران المدني"), >=, 0);
  g_assert_cmpint (find (g, "شركة الإسمنت العمانية"), >=, 0);
  g_assert_true (HAS (types_between (g, "شركة الإسمنت العمانية", "Oman"),
                      RWB_RELATION_LOCATION));
  g_assert_cmpint (find (g, "دبليو.إتش.إس"), >=, 0);
  /* The nisba before "مع شركة X" describes the company before it, not X. */
  g_assert_false (HAS (types_between (g, "دبليو.إتش.إس", "Oman"), RWB_RELATION_LOCATION));
  g_assert_cmpint (find (g, "Lyon"), <, 0); /* بليون is a number word */
  /* A sector and a nationality describe the company named after them, past "العملاقة". */
  g_assert_cmpint (find (g, "شركة الأسمدة المصرية"), <, 0);
  for (guint k = 0; k < g->entities->len; k++)
    {
      RwbEntity *x = g_ptr_array_index (g->entities, k);
      g_assert_cmpstr (x->name, !=, "إف");
      g_assert_cmpstr (x->name, !=, "الإسمنت");
      for (guint a = 0; x->aliases && a < x->aliases->len; a++)
        g_assert_cmpstr (g_ptr_array_index (x->aliases, a), !=, "الإسمنت");
    }
}

/* A title's holder read from its slot past a bare ل, quotes and a nisba, up to a
 * preposition; the holder of an appointment named by the role in the accusative; a title
 * with a possessive pronoun ("رئيسها التنفيذي") held in the company before it. */
static void
test_title_slots (void)
{
  const char *text =
    "قال الرئيس التنفيذي لـ\"نوفارا\" سامي حداد في مقابلة مع قناة محلية إن الطلب ارتفع. "
    "والتقى الرئيس الأعلى لمجموعة BTX العالمية، كريم فاضل، بالوزير أمس. "
    "وعينت شركة رمال الخليج للمقاولات عماد الشريف رئيسا تنفيذيا لها. "
    "وقالت مجموعة نماء القابضة إن رئيسها التنفيذي سعيد الحربي سيزور الرياض.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  struct { const char *person, *org; } want[] = {
    { "سامي حداد", "نوفارا" },
    { "كريم فاضل", "BTX" },
    { "عماد الشريف", "رمال الخليج للمقاولات" },
    { "سعيد الحربي", "نماء القابضة" },
  };
  for (guint k = 0; k < G_N_ELEMENTS (want); k++)
    {
      gint p = find (g, want[k].person);
      g_assert_cmpint (p, >=, 0);
      g_assert_cmpint (((RwbEntity *) g_ptr_array_index (g->entities, p))->type, ==,
                       RWB_ENTITY_PERSON);
      g_assert_true (HAS (types_between (g, want[k].person, want[k].org),
                          RWB_RELATION_EXECUTIVE));
    }
  /* "في مقابلة" is no part of the name. */
  g_assert_cmpint (find (g, "سامي حداد في"), <, 0);
}

/* One entity for two spellings of one name (ة/ه); a company named as another plus a country
 * is its unit there; "ذراع … لمجموعة" states who owns whom. */
static void
test_spellings_and_units (void)
{
  const char *text =
    "أعلن بنك نوران عن بيع بنك نوران مصر إلى مجموعة فنار القابضة. "
    "وقال بنك نوران إن الصفقة ستكتمل هذا العام. "
    "وتعمل شركة ضياء للتقنية، ذراع التقنية لمجموعة فنار القابضة، في الرياض. "
    "وقالت شركة ربوة للتجارة إن شركة ربوه للتجارة لن تبيع.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  g_assert_true (HAS (types_between (g, "نوران", "بنك نوران مصر"),
                      RWB_RELATION_OWNERSHIP));
  g_assert_true (HAS (types_between (g, "فنار القابضة", "ضياء للتقنية"),
                      RWB_RELATION_OWNERSHIP));
  gint a = find (g, "ربوة للتجارة"), b = find (g, "ربوه للتجارة");
  g_assert_cmpint (a, >=, 0);
  g_assert_cmpint (a, ==, b);
}

/* "وقعت X عقدا مع Y": the contract, not the signing, types the deal (supply, the contractor
 * Y supplying X); a quoted name after a head noun may hold any words. */
static void
test_contracts_and_quoted_names (void)
{
  const char *text =
    "وقعت شركة نماء للحديد عقدا مع شركة «الرمال مهندسون مقاولون» لبناء مصنع جديد. "
    "ووقعت شركة فنار القابضة اتفاقية مع شركة ضياء للتقنية. "
    "وقالت مجموعة الوادي القابضة إنها ستوسع أعمالها، كما وقعت عقدا مع شركة سهل للمقاولات.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  g_assert_cmpint (find (g, "الرمال مهندسون مقاولون"), >=, 0);
  /* The conjoined clause's dropped subject is the sentence's first party. */
  g_assert_true (HAS (types_between (g, "الوادي القابضة", "سهل للمقاولات"), RWB_RELATION_SUPPLY));
  guint bits = types_between (g, "نماء للحديد", "الرمال مهندسون مقاولون");
  g_assert_true (HAS (bits, RWB_RELATION_SUPPLY));
  g_assert_false (HAS (bits, RWB_RELATION_PARTNERSHIP));
  g_assert_true (HAS (types_between (g, "فنار القابضة", "ضياء للتقنية"),
                      RWB_RELATION_PARTNERSHIP));
  /* The contractor supplies the client. */
  gint client = find (g, "نماء للحديد"), contractor = find (g, "الرمال مهندسون مقاولون");
  gboolean directed = FALSE;
  for (guint k = 0; k < g->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (g->relations, k);
      if (r->type == RWB_RELATION_SUPPLY && r->source == (guint) contractor
          && r->target == (guint) client)
        directed = TRUE;
    }
  g_assert_true (directed);
}

/* A Latin name in parentheses after an Arabic organization name is the same organization:
 * the one the lexicon knows by it, or a new one with the Latin name as alias. */
static void
test_arabic_name_with_paren_latin (void)
{
  const char *text =
    "وقعت الشركة الكورية العامة للإلكترونيات (Samsung) اتفاقية مع الشركة الوطنية العامة "
    "للطاقة المتجددة (NGRE) في القاهرة.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  gint a = find (g, "Samsung"), b = find (g, "الشركة الكورية العامة للإلكترونيات");
  g_assert_cmpint (a, >=, 0);
  g_assert_cmpint (a, ==, b);
  gint c = find (g, "NGRE"), d = find (g, "الشركة الوطنية العامة للطاقة المتجددة");
  g_assert_cmpint (c, >=, 0);
  g_assert_cmpint (c, ==, d);
  g_assert_true (HAS (types_between (g, "Samsung", "NGRE"), RWB_RELATION_PARTNERSHIP));
}

/* Descriptions pick the antecedent that fits: "الشركتان" the parties of the last two-party
 * event (not the most named companies), "البنك" the bank (not the sentence's subject). */
static void
test_coreference_fit (void)
{
  const char *text =
    "استحوذ بنك الساحل الوطني على حصة في شركة نماء للحديد، وقال بنك الساحل الوطني إن الصفقة "
    "كبيرة. ووقعت شركة رمال الخليج للمقاولات عقدا مع شركة الواحة القابضة. ووقعت الشركتان "
    "اتفاقية شراكة مع شركة ضياء للتقنية. ووقع البنك اتفاقية تمويل مع شركة فنار للطاقة.";
  g_autoptr (RwbGraph) g = extract_text (text, "ar");
  g_assert_true (HAS (types_between (g, "رمال الخليج للمقاولات", "ضياء للتقنية"),
                      RWB_RELATION_PARTNERSHIP));
  g_assert_true (HAS (types_between (g, "الواحة القابضة", "ضياء للتقنية"),
                      RWB_RELATION_PARTNERSHIP));
  g_assert_cmpuint (TYPED (types_between (g, "بنك الساحل الوطني", "ضياء للتقنية")), ==, 0);
  g_assert_true (HAS (types_between (g, "بنك الساحل الوطني", "فنار للطاقة"),
                      RWB_RELATION_INVESTMENT));
  g_assert_cmpuint (TYPED (types_between (g, "رمال الخليج للمقاولات", "فنار للطاقة")), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/offsets", test_offsets);
  g_test_add_func ("/extract/bidi-and-shapes", test_bidi_and_shapes);
  g_test_add_func ("/extract/parent-and-subsidiary", test_parent_and_subsidiary);
  g_test_add_func ("/extract/clitic-names", test_clitic_names);
  g_test_add_func ("/extract/arabic-latin-pair", test_arabic_latin_pair);
  g_test_add_func ("/extract/arabic-name-after-cue", test_arabic_name_after_cue);
  g_test_add_func ("/extract/cooccurrence-is-mention", test_cooccurrence_is_mention);
  g_test_add_func ("/extract/coreference", test_coreference);
  g_test_add_func ("/extract/coreference-fit", test_coreference_fit);
  g_test_add_func ("/extract/given-names", test_given_names);
  g_test_add_func ("/extract/given-names-english", test_given_names_english);
  g_test_add_func ("/extract/mention-kinds", test_mention_kinds);
  g_test_add_func ("/extract/org-grammar", test_org_grammar);
  g_test_add_func ("/extract/title-roles", test_title_roles);
  g_test_add_func ("/extract/role-complements", test_role_complements);
  g_test_add_func ("/extract/reporting-told", test_reporting_told);
  g_test_add_func ("/extract/suffixed-triggers", test_suffixed_triggers);
  g_test_add_func ("/extract/quoted-latin-objects", test_quoted_latin_and_objects);
  g_test_add_func ("/extract/lists-with-nisbas", test_lists_with_nisbas);
  g_test_add_func ("/extract/signatories", test_signatories);
  g_test_add_func ("/extract/definite-org-again", test_definite_org_again);
  g_test_add_func ("/extract/place-heads", test_place_heads);
  g_test_add_func ("/extract/english-name-grammar", test_english_name_grammar);
  g_test_add_func ("/extract/own-article-ar", test_own_articles);
  g_test_add_func ("/extract/own-article-en", test_english_article);
  g_test_add_func ("/extract/arabic-acronyms-and-bodies", test_arabic_acronyms_and_bodies);
  g_test_add_func ("/extract/title-slots", test_title_slots);
  g_test_add_func ("/extract/spellings-and-units", test_spellings_and_units);
  g_test_add_func ("/extract/contracts-and-quoted-names", test_contracts_and_quoted_names);
  g_test_add_func ("/extract/arabic-name-with-paren-latin", test_arabic_name_with_paren_latin);
  return g_test_run ();
}
