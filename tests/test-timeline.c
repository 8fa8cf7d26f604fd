/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-timeline.c — datelines in Arabic and English, the timeline of a graph and the graph as
 * known by a date, provenance counts per article. */
#define G_LOG_DOMAIN "rawabit-test-timeline"

#include <string.h>

#include "rwb-date.h"
#include "rwb-graph-builder.h"
#include "rwb-import.h"
#include "rwb-provenance.h"
#include "rwb-timeline.h"

static void
test_dates (void)
{
  const struct {
    const char *text;
    const char *iso;
  } cases[] = {
    { "Almarai results\n18 March 2024\n\nRIYADH - …", "2024-03-18" },
    { "Posted March 20, 2024 by the desk", "2024-03-20" },
    { "Sept. 3rd, 2023 — Dubai", "2023-09-03" },
    { "DUBAI, 2024-04-02 (Reuters) -", "2024-04-02" },
    { "دبي - 18 مارس 2024 (رويترز)", "2024-03-18" },
    { "الإثنين 18 آذار/مارس 2024\nبيروت", "2024-03-18" },
    { "الخميس ٢١ تشرين الأول ٢٠٢١", "2021-10-21" },
    { "الجزائر في 5 جويلية 2022", "2022-07-05" },
    { "صدر في 1 أيار 2020", "2020-05-01" },
    { "نشر بتاريخ 18/03/2024", "2024-03-18" },
    /* Hijri, only when no Gregorian date is given: 8 Ramadan 1445 is 18 March 2024. */
    { "الرياض 8 رمضان 1445 هـ", "2024-03-18" },
    { "الجمعة 1 محرم 1446هـ الموافق 7 يوليو 2024", "2024-07-07" },
    /* The first date near the top wins. */
    { "12 May 2023\nThe deal, first reported on 1 January 2020, …", "2023-05-12" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = rwb_date_find (cases[i].text, -1);
      if (g_strcmp0 (iso, cases[i].iso) != 0)
        g_error ("«%s»: %s, not %s", cases[i].text, iso ? iso : "(none)", cases[i].iso);
    }
  const char *none[] = {
    "Xiaomi sold 12 million phones in 2023.", "31 February 2024", "2024-13-01",
    "صفر مشاكل في 1445", "the 1990s", "call 12/34/2024", "",
  };
  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    {
      g_autofree char *iso = rwb_date_find (none[i], -1);
      if (iso)
        g_error ("«%s»: found %s", none[i], iso);
    }
  /* Far down the article is not its dateline. */
  g_autoptr (GString) long_text = g_string_new (NULL);
  for (guint i = 0; i < 400; i++)
    g_string_append (long_text, "word word ");
  g_string_append (long_text, "18 March 2024");
  g_autofree char *far = rwb_date_find (long_text->str, -1);
  g_assert_null (far);

  g_autofree char *typed = rwb_date_parse ("  2 April 2024 ");
  g_assert_cmpstr (typed, ==, "2024-04-02");
  g_autofree char *bad = rwb_date_parse ("tomorrow");
  g_assert_null (bad);
  g_assert_true (rwb_date_is_valid ("2024-02-29"));
  g_assert_false (rwb_date_is_valid ("2023-02-29"));
  g_assert_false (rwb_date_is_valid ("2024-2-29"));
  g_assert_false (rwb_date_is_valid (NULL));
}

static RwbGraph *
three_articles (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbLexicon) lex = rwb_lexicon_new_default (NULL, &error);
  g_assert_no_error (error);
  g_autoptr (RwbGraphBuilder) builder = rwb_graph_builder_new ();
  const char *names[] = { "ar-xiaomi-nova.txt", "en-almarai-nadec.txt", "en-xiaomi-nova.txt" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "project", names[i], NULL);
      g_autofree char *text = NULL;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_autoptr (RwbImportItem) item = rwb_import_text (lex, text, names[i], NULL, NULL, NULL,
                                                        NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (item->date_source, ==, RWB_DATE_SOURCE_TEXT);
      rwb_graph_builder_add (builder, item->graph);
    }
  return rwb_graph_ref (rwb_graph_builder_get_graph (builder));
}

static gint
find (RwbGraph *g, const char *name)
{
  for (guint i = 0; i < g->entities->len; i++)
    if (g_str_equal (((RwbEntity *) g_ptr_array_index (g->entities, i))->name, name))
      return i;
  return -1;
}

static void
test_timeline (void)
{
  g_autoptr (RwbGraph) g = three_articles ();
  /* 2024-03-18 (Arabic), 2024-03-20 (Almarai), 2024-04-02 (English Xiaomi). */
  g_autoptr (RwbTimeline) tl = rwb_timeline_new (g);
  g_assert_cmpuint (rwb_timeline_n_dates (tl), ==, 3);
  g_assert_cmpstr (rwb_timeline_date (tl, 0), ==, "2024-03-18");
  g_assert_cmpstr (rwb_timeline_date (tl, 2), ==, "2024-04-02");
  g_assert_cmpuint (rwb_timeline_date_documents (tl, 1), ==, 1);
  gint xiaomi = find (g, "Xiaomi"), nadec = find (g, "Nadec"), samer = find (g, "Samer Haddad");
  g_assert_cmpstr (rwb_timeline_entity_since (tl, xiaomi), ==, "2024-03-18");
  g_assert_cmpstr (rwb_timeline_entity_since (tl, nadec), ==, "2024-03-20");
  g_assert_cmpstr (rwb_timeline_entity_since (tl, samer), ==, "2024-04-02");
  g_assert_false (rwb_timeline_entity_known (tl, nadec, "2024-03-19"));
  g_assert_true (rwb_timeline_entity_known (tl, nadec, "2024-03-20"));
  g_assert_true (rwb_timeline_entity_known (tl, nadec, NULL));
  for (guint k = 0; k < g->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (g->relations, k);
      const char *since = rwb_timeline_relation_since (tl, k);
      /* Never before its entities. */
      g_assert_cmpstr (since, >=, rwb_timeline_entity_since (tl, r->source));
      g_assert_cmpstr (since, >=, rwb_timeline_entity_since (tl, r->target));
    }

  /* The graph as of 20 March: two articles. */
  g_autoptr (RwbGraph) march = rwb_graph_as_of (g, "2024-03-20");
  g_assert_cmpuint (march->documents->len, ==, 2);
  g_assert_cmpint (find (march, "Nadec"), >=, 0);
  g_assert_cmpint (find (march, "Samer Haddad"), ==, -1);
  g_assert_cmpint (find (march, "Nova Electronics"), ==, -1);
  RwbEntity *x = g_ptr_array_index (march->entities, find (march, "Xiaomi"));
  for (guint j = 0; j < x->mentions->len; j++)
    g_assert_cmpuint (g_array_index (x->mentions, RwbSpan, j).document, <, 2);
  for (guint k = 0; k < march->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (march->relations, k);
      g_assert_cmpuint (r->source, <, march->entities->len);
      g_assert_cmpuint (r->target, <, march->entities->len);
      for (guint j = 0; j < r->evidence->len; j++)
        {
          RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, j);
          g_assert_cmpuint (ev->document, <, 2);
          g_autofree char *text = rwb_graph_evidence_text (march, ev);
          g_assert_cmpuint (strlen (text), >, 0);
        }
    }
  /* Before the first article: nothing; after the last: everything. */
  g_autoptr (RwbGraph) before = rwb_graph_as_of (g, "2024-01-01");
  g_assert_cmpuint (before->entities->len, ==, 0);
  g_assert_cmpuint (before->relations->len, ==, 0);
  g_autoptr (RwbGraph) all = rwb_graph_as_of (g, "2025-01-01");
  g_assert_cmpuint (all->entities->len, ==, g->entities->len);
  g_assert_cmpuint (all->relations->len, ==, g->relations->len);

  /* An undated article is known from the start. */
  RwbDocument *d2 = g_ptr_array_index (g->documents, 2);
  g_clear_pointer (&d2->date, g_free);
  g_autoptr (RwbTimeline) tl2 = rwb_timeline_new (g);
  g_assert_null (rwb_timeline_entity_since (tl2, samer));
  g_assert_cmpuint (rwb_timeline_n_dates (tl2), ==, 2);
}

/* What changed: on 20 March Nadec is new and Xiaomi is not; from the start, everything dated
 * up to then; between 20 March and the end, Samer Haddad; the changes of consecutive dates add
 * up to the whole, each entity once; an undated entity never counts as a change. */
static void
test_changes (void)
{
  g_autoptr (RwbGraph) g = three_articles ();
  g_autoptr (RwbTimeline) tl = rwb_timeline_new (g);
  g_autoptr (GArray) ents = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) rels = g_array_new (FALSE, FALSE, sizeof (guint));
  gint xiaomi = find (g, "Xiaomi"), nadec = find (g, "Nadec"), samer = find (g, "Samer Haddad");
  g_autofree guint *seen = g_new0 (guint, g->entities->len);
  guint total = 0;

  rwb_timeline_changes (tl, "2024-03-18", "2024-03-20", ents, rels);
  g_assert_cmpuint (ents->len, >, 0);
  for (guint k = 0; k < ents->len; k++)
    {
      guint e = g_array_index (ents, guint, k);

      g_assert_cmpstr (rwb_timeline_entity_since (tl, e), ==, "2024-03-20");
      g_assert_cmpint ((gint) e, !=, xiaomi);
      g_assert_cmpint ((gint) e, !=, samer);
    }
  {
    gboolean has_nadec = FALSE;

    for (guint k = 0; k < ents->len; k++)
      has_nadec |= (gint) g_array_index (ents, guint, k) == nadec;
    g_assert_true (has_nadec);
  }
  for (guint k = 0; k < rels->len; k++)
    g_assert_cmpstr (rwb_timeline_relation_since (tl, g_array_index (rels, guint, k)), ==,
                     "2024-03-20");

  /* Date by date from the start: every entity exactly once. */
  for (guint d = 0; d < rwb_timeline_n_dates (tl); d++)
    {
      g_array_set_size (ents, 0);
      rwb_timeline_changes (tl, d == 0 ? NULL : rwb_timeline_date (tl, d - 1),
                            rwb_timeline_date (tl, d), ents, NULL);
      for (guint k = 0; k < ents->len; k++)
        seen[g_array_index (ents, guint, k)]++;
      total += ents->len;
    }
  g_assert_cmpuint (total, ==, g->entities->len);
  for (guint i = 0; i < g->entities->len; i++)
    g_assert_cmpuint (seen[i], ==, 1);

  /* After 20 March, no limit: Samer Haddad is among them, Nadec is not. */
  g_array_set_size (ents, 0);
  rwb_timeline_changes (tl, "2024-03-20", NULL, ents, NULL);
  {
    gboolean has_samer = FALSE;

    for (guint k = 0; k < ents->len; k++)
      {
        has_samer |= (gint) g_array_index (ents, guint, k) == samer;
        g_assert_cmpint ((gint) g_array_index (ents, guint, k), !=, nadec);
      }
    g_assert_true (has_samer);
  }

  /* The last article undated: Samer Haddad is known from the start, no change. */
  RwbDocument *d2 = g_ptr_array_index (g->documents, 2);
  g_clear_pointer (&d2->date, g_free);
  g_autoptr (RwbTimeline) tl2 = rwb_timeline_new (g);
  g_array_set_size (ents, 0);
  rwb_timeline_changes (tl2, NULL, NULL, ents, NULL);
  for (guint k = 0; k < ents->len; k++)
    g_assert_cmpint ((gint) g_array_index (ents, guint, k), !=, samer);
}

/* A relation whose only evidence is older than one of its entities' mentions (a relation
 * added by hand on an early sentence, an entity named by a later article): known when both
 * entities are. */
static void
test_relation_after_entities (void)
{
  g_autoptr (RwbGraph) g = rwb_graph_new ();
  guint d0 = rwb_graph_add_document (g, "old.txt", "en", "Acme and Globex.");
  guint d1 = rwb_graph_add_document (g, "new.txt", "en", "Globex.");
  ((RwbDocument *) g_ptr_array_index (g->documents, d0))->date = g_strdup ("2020-01-01");
  ((RwbDocument *) g_ptr_array_index (g->documents, d1))->date = g_strdup ("2021-06-01");
  guint a = rwb_graph_add_entity (g, "Acme", RWB_ENTITY_COMPANY);
  guint b = rwb_graph_add_entity (g, "Globex", RWB_ENTITY_COMPANY);
  rwb_entity_add_mention (g_ptr_array_index (g->entities, a), d0, 0, 4);
  rwb_entity_add_mention (g_ptr_array_index (g->entities, b), d1, 0, 6);
  guint k = rwb_graph_add_relation (g, a, b, RWB_RELATION_PARTNERSHIP, FALSE, 1.0);
  rwb_relation_add_evidence (g_ptr_array_index (g->relations, k), d0, 0, 15, NULL, NULL, 1.0);
  g_autoptr (RwbTimeline) tl = rwb_timeline_new (g);
  g_assert_cmpstr (rwb_timeline_relation_since (tl, k), ==, "2021-06-01");
  g_assert_false (rwb_timeline_relation_known (tl, k, "2020-12-31"));
  g_autoptr (RwbGraph) early = rwb_graph_as_of (g, "2020-12-31");
  g_assert_cmpuint (early->entities->len, ==, 1);
  g_assert_cmpuint (early->relations->len, ==, 0);
}

static void
test_counts (void)
{
  g_autoptr (RwbGraph) g = three_articles ();
  g_autofree guint *ents = NULL, *rels = NULL, *rels_all = NULL;
  rwb_graph_document_counts (g, FALSE, &ents, &rels);
  rwb_graph_document_counts (g, TRUE, NULL, &rels_all);
  /* Counted by hand from the English Xiaomi article: Xiaomi, Nova Electronics, Dubai, the
   * United Arab Emirates, Samer Haddad, Jebel Ali. */
  g_assert_cmpuint (ents[2], ==, 6);
  guint typed = 0, any = 0;
  for (guint k = 0; k < g->relations->len; k++)
    {
      g_autoptr (GArray) docs = rwb_graph_relation_documents (g, k);
      RwbRelation *r = g_ptr_array_index (g->relations, k);
      for (guint j = 0; j < docs->len; j++)
        if (g_array_index (docs, guint, j) == 2)
          {
            any++;
            typed += r->type != RWB_RELATION_MENTION;
          }
    }
  g_assert_cmpuint (rels[2], ==, typed);
  g_assert_cmpuint (rels_all[2], ==, any);
  g_assert_cmpuint (rels[2], >=, 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline/dates", test_dates);
  g_test_add_func ("/timeline/timeline", test_timeline);
  g_test_add_func ("/timeline/counts", test_counts);
  g_test_add_func ("/timeline/relation-after-entities", test_relation_after_entities);
  g_test_add_func ("/timeline/changes", test_changes);
  return g_test_run ();
}
