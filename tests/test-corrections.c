/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-corrections.c — each correction on graphs extracted from the project's own test
 * articles, their re-application after extraction again (another order, an extra article, a
 * user lexicon that finds an alias extraction missed), and how they combine. */
#define G_LOG_DOMAIN "rawabit-test-corrections"

#include <string.h>

#include "rwb-corrections.h"
#include "rwb-graph-builder.h"
#include "rwb-import.h"
#include "rwb-json.h"
#include "rwb-lexicon.h"

static const char *const articles[] = {
  "ar-xiaomi-nova.txt", "en-almarai-nadec.txt", "en-xiaomi-nova.txt", NULL
};

static RwbLexicon *
lexicon (gboolean extra)
{
  static RwbLexicon *lex[2];
  if (lex[extra] == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "project",
                                                    "lexicon-extra", NULL);
      lex[extra] = rwb_lexicon_new_default (extra ? dir : NULL, &error);
      g_assert_no_error (error);
    }
  return lex[extra];
}

static char *
article_text (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "project", name, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The joined graph of @names (in that order), each extracted on its own as a project does;
 * @extra_text, if not NULL, is one more article. */
static RwbGraph *
build (const char *const *names, gboolean extra_lexicon, const char *extra_text)
{
  g_autoptr (RwbGraphBuilder) builder = rwb_graph_builder_new ();
  guint n = g_strv_length ((char **) names);
  for (guint i = 0; i < n + (extra_text ? 1 : 0); i++)
    {
      g_autofree char *text = i < n ? article_text (names[i]) : g_strdup (extra_text);
      g_autoptr (GError) error = NULL;
      g_autoptr (RwbImportItem) item = rwb_import_text (lexicon (extra_lexicon), text,
                                                        i < n ? names[i] : "extra.txt", NULL,
                                                        NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      rwb_graph_builder_add (builder, item->graph);
    }
  return rwb_graph_ref (rwb_graph_builder_get_graph (builder));
}

static RwbGraph *
build_default (void)
{
  return build (articles, FALSE, NULL);
}

static gint
find (RwbGraph *g, const char *name)
{
  g_autofree char *want = rwb_name_key (name);
  for (guint i = 0; i < g->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (g->entities, i);
      g_autofree char *key = rwb_name_key (e->name);
      if (g_str_equal (key, want))
        return i;
    }
  return -1;
}

/* The relation of @type between @a and @b (any direction), or NULL. */
static RwbRelation *
relation (RwbGraph *g, const char *a, const char *b, RwbRelationType type)
{
  gint ia = find (g, a), ib = find (g, b);
  for (guint k = 0; ia >= 0 && ib >= 0 && k < g->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (g->relations, k);
      if (r->type == type && ((r->source == (guint) ia && r->target == (guint) ib)
                              || (r->source == (guint) ib && r->target == (guint) ia)))
        return r;
    }
  return NULL;
}

static gboolean
has_alias (RwbEntity *e, const char *alias)
{
  for (guint j = 0; j < e->aliases->len; j++)
    if (g_str_equal (g_ptr_array_index (e->aliases, j), alias))
      return TRUE;
  return FALSE;
}

/* Applies @list to @g and checks every correction applied. */
static RwbGraph *
apply_all (RwbGraph *g, RwbCorrections *list)
{
  g_autoptr (GArray) applied = NULL;
  RwbGraph *out = rwb_corrections_apply (g, list, &applied);
  g_assert_cmpuint (applied->len, ==, rwb_corrections_len (list));
  for (guint i = 0; i < applied->len; i++)
    if (!g_array_index (applied, gboolean, i))
      g_error ("correction %u (%s) did not apply", i,
               rwb_correction_kind_to_string (rwb_corrections_get (list, i)->kind));
  return out;
}

static RwbCorrection *
relation_correction (RwbCorrectionKind kind, const char *a, const char *b, RwbRelationType type)
{
  RwbCorrection *c = rwb_correction_new (kind, a, b);
  c->relation_type = type;
  return c;
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Entities (name, type) and relations (type, ends by name, evidence count), sorted: two
 * graphs that read the same have the same signature. */
static char *
signature_full (RwbGraph *g, gboolean counts)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (g->entities, i);
      g_ptr_array_add (lines, g_strdup_printf ("E %s %s", e->name,
                                               rwb_entity_type_to_string (e->type)));
    }
  for (guint k = 0; k < g->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (g->relations, k);
      RwbEntity *s = g_ptr_array_index (g->entities, r->source);
      RwbEntity *t = g_ptr_array_index (g->entities, r->target);
      const char *a = s->name, *b = t->name;
      if (!r->directed && strcmp (a, b) > 0)
        a = t->name, b = s->name;
      if (counts)
        g_ptr_array_add (lines, g_strdup_printf ("R %s %s %s %u",
                                                 rwb_relation_type_to_string (r->type), a, b,
                                                 r->evidence->len));
      else
        g_ptr_array_add (lines, g_strdup_printf ("R %s %s %s",
                                                 rwb_relation_type_to_string (r->type), a, b));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static char *
signature (RwbGraph *g)
{
  return signature_full (g, TRUE);
}

static void
test_name_key (void)
{
  g_autofree char *a = rwb_name_key ("شاومى");
  g_autofree char *b = rwb_name_key ("شاومي");
  g_assert_cmpstr (a, ==, b);
  g_autofree char *c = rwb_name_key ("  Nova   Electronics ");
  g_autofree char *d = rwb_name_key ("nova electronics");
  g_assert_cmpstr (c, ==, d);
  g_autofree char *e = rwb_name_key ("أوراسكوم");
  g_autofree char *f = rwb_name_key ("اوراسكوم");
  g_assert_cmpstr (e, ==, f);
}

static void
test_builder_joins_articles (void)
{
  g_autoptr (RwbGraph) g = build_default ();
  g_assert_cmpuint (g->documents->len, ==, 3);
  /* Xiaomi is one entity across the Arabic and English articles. */
  gint x = find (g, "Xiaomi");
  g_assert_cmpint (x, >=, 0);
  RwbEntity *xiaomi = g_ptr_array_index (g->entities, x);
  g_assert_true (has_alias (xiaomi, "شاومي"));
  g_autoptr (GHashTable) docs = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint j = 0; j < xiaomi->mentions->len; j++)
    g_hash_table_add (docs, GUINT_TO_POINTER (g_array_index (xiaomi->mentions, RwbSpan, j).document + 1));
  g_assert_cmpuint (g_hash_table_size (docs), ==, 3);
  /* One relation per pair and type: the partnership has evidence from two articles. */
  RwbRelation *p = relation (g, "Xiaomi", "Nova Electronics", RWB_RELATION_PARTNERSHIP);
  g_assert_nonnull (p);
  g_assert_cmpuint (p->evidence->len, >=, 1);
  /* Documents keep their order and text. */
  RwbDocument *d0 = g_ptr_array_index (g->documents, 0);
  g_assert_cmpstr (d0->path, ==, "ar-xiaomi-nova.txt");
  g_assert_cmpstr (d0->date, ==, "2024-03-18");
}

static void
test_reject_entity (void)
{
  g_autoptr (RwbGraph) g = build_default ();
  /* "Qalam Markets Desk said…": a byline read as a company. */
  gint junk = find (g, "Qalam Markets Desk");
  g_assert_cmpint (junk, >=, 0);
  g_autoptr (RwbCorrections) list = rwb_corrections_new ();
  rwb_corrections_add (list, rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY,
                                                 "qalam  markets desk", NULL), 1);
  g_autoptr (RwbGraph) out = apply_all (g, list);
  g_assert_cmpint (find (out, "Qalam Markets Desk"), ==, -1);
  g_assert_cmpuint (out->entities->len, ==, g->entities->len - 1);
  for (guint k = 0; k < out->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (out->relations, k);
      g_assert_cmpuint (r->source, <, out->entities->len);
      g_assert_cmpuint (r->target, <, out->entities->len);
    }
  /* The input is not changed. */
  g_assert_cmpint (find (g, "Qalam Markets Desk"), ==, junk);

  /* Extracted again, in another order and with one more article that makes the same junk:
   * still rejected, in the new article too. */
  const char *const again[] = { "en-xiaomi-nova.txt", "ar-xiaomi-nova.txt", NULL };
  g_autoptr (RwbGraph) g2 = build (again, FALSE,
                                   "Xiaomi sells more phones in Dubai, Qalam Markets Desk said "
                                   "on Sunday.\n");
  g_assert_cmpint (find (g2, "Qalam Markets Desk"), >=, 0);
  g_autoptr (RwbGraph) out2 = apply_all (g2, list);
  g_assert_cmpint (find (out2, "Qalam Markets Desk"), ==, -1);
  g_assert_cmpint (find (out2, "Xiaomi"), >=, 0);
}

static void
test_reject_relation (void)
{
  g_autoptr (RwbGraph) g = build_default ();
  g_assert_nonnull (relation (g, "Reuters", "Saudi Arabia", RWB_RELATION_LOCATION));
  g_autoptr (RwbCorrections) list = rwb_corrections_new ();
  rwb_corrections_add (list, relation_correction (RWB_CORRECTION_REJECT_RELATION, "Saudi Arabia",
                                                  "reuters", RWB_RELATION_LOCATION), 1);
  g_autoptr (RwbGraph) out = apply_all (g, list);
  g_assert_null (relation (out, "Reuters", "Saudi Arabia", RWB_RELATION_LOCATION));
  g_assert_cmpuint (out->relations->len, ==, g->relations->len - 1);
  /* Both entities stay. */
  g_assert_cmpint (find (out, "Reuters"), >=, 0);
  g_assert_cmpint (find (out, "Saudi Arabia"), >=, 0);
  /* A relation the graph does not have: the correction does not apply. */
  rwb_corrections_add (list, relation_correction (RWB_CORRECTION_REJECT_RELATION, "Reuters",
                                                  "Nadec", RWB_RELATION_OWNERSHIP), 2);
  g_autoptr (GArray) applied = NULL;
  g_autoptr (RwbGraph) out2 = rwb_corrections_apply (g, list, &applied);
  g_assert_true (g_array_index (applied, gboolean, 0));
  g_assert_false (g_array_index (applied, gboolean, 1));
}

static RwbCorrections *
merge_nova (void)
{
  RwbCorrections *list = rwb_corrections_new ();
  rwb_corrections_add (list, rwb_correction_new (RWB_CORRECTION_MERGE, "Nova Electronics", "نوفا"),
                       1);
  return list;
}

static void
test_merge (void)
{
  g_autoptr (RwbGraph) g = build_default ();
  gint arabic = find (g, "نوفا"), latin = find (g, "Nova Electronics");
  g_assert_cmpint (arabic, >=, 0);
  g_assert_cmpint (latin, >=, 0);
  RwbEntity *ea = g_ptr_array_index (g->entities, arabic);
  RwbEntity *el = g_ptr_array_index (g->entities, latin);
  guint mentions = ea->mentions->len + el->mentions->len;
  RwbRelation *p_en = relation (g, "Xiaomi", "Nova Electronics", RWB_RELATION_PARTNERSHIP);
  RwbRelation *p_ar = relation (g, "Xiaomi", "نوفا", RWB_RELATION_PARTNERSHIP);
  g_assert_nonnull (p_en);
  g_assert_nonnull (p_ar);
  guint evidence = p_en->evidence->len + p_ar->evidence->len;

  g_autoptr (RwbCorrections) list = merge_nova ();
  g_autoptr (RwbGraph) out = apply_all (g, list);
  g_assert_cmpint (find (out, "نوفا"), ==, -1);
  gint m = find (out, "Nova Electronics");
  RwbEntity *merged = g_ptr_array_index (out->entities, m);
  g_assert_true (has_alias (merged, "نوفا"));
  g_assert_cmpuint (merged->mentions->len, ==, mentions);
  g_assert_cmpuint (out->entities->len, ==, g->entities->len - 1);
  /* The two partnerships are one, with the evidence of both. */
  RwbRelation *p = relation (out, "Xiaomi", "Nova Electronics", RWB_RELATION_PARTNERSHIP);
  g_assert_nonnull (p);
  g_assert_cmpuint (p->evidence->len, ==, evidence);
  guint n = 0;
  for (guint k = 0; k < out->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (out->relations, k);
      if (r->type == RWB_RELATION_PARTNERSHIP && (r->source == (guint) m || r->target == (guint) m))
        n++;
    }
  g_assert_cmpuint (n, ==, 1);
  /* The Arabic name now reaches the merged entity in later corrections. */
  rwb_corrections_add (list, rwb_correction_new (RWB_CORRECTION_CONFIRM_ENTITY, "نوفا", NULL), 2);
  g_autoptr (RwbGraph) out2 = apply_all (g, list);
  g_assert_true (((RwbEntity *) g_ptr_array_index (out2->entities, find (out2, "Nova Electronics")))->confirmed);
}

static void
test_split (void)
{
  g_autoptr (RwbGraph) g = build_default ();
  gint x = find (g, "Xiaomi");
  RwbEntity *xiaomi = g_ptr_array_index (g->entities, x);
  guint total = xiaomi->mentions->len;
  g_autoptr (RwbCorrections) list = rwb_corrections_new ();
  rwb_corrections_add (list, rwb_correction_new (RWB_CORRECTION_SPLIT, "Xiaomi", "شاومي"), 1);
  g_autoptr (RwbGraph) out = apply_all (g, list);
  gint a = find (out, "شاومي"), l = find (out, "Xiaomi");
  g_assert_cmpint (a, >=, 0);
  g_assert_cmpint (l, >=, 0);
  g_assert_cmpint (a, !=, l);
  RwbEntity *ea = g_ptr_array_index (out->entities, a), *el = g_ptr_array_index (out->entities, l);
  g_assert_false (has_alias (el, "شاومي"));
  g_assert_cmpuint (ea->mentions->len + el->mentions->len, ==, total);
  /* The Arabic mentions (شاومى too: the same name in matching form) are in the Arabic
   * article (document 0), the Latin ones in the English ones. */
  g_assert_cmpuint (ea->mentions->len, ==, 5);
  for (guint j = 0; j < ea->mentions->len; j++)
    g_assert_cmpuint (g_array_index (ea->mentions, RwbSpan, j).document, ==, 0);
  for (guint j = 0; j < el->mentions->len; j++)
    g_assert_cmpuint (g_array_index (el->mentions, RwbSpan, j).document, !=, 0);
  /* Relations from Arabic sentences follow: Egypt is only named in Arabic. */
  g_assert_nonnull (relation (out, "شاومي", "Egypt", RWB_RELATION_LOCATION));
  g_assert_null (relation (out, "Xiaomi", "Egypt", RWB_RELATION_LOCATION));
  /* A partnership found in both languages is split by its evidence. */
  RwbRelation *pa = relation (out, "شاومي", "نوفا", RWB_RELATION_PARTNERSHIP);
  RwbRelation *pl = relation (out, "Xiaomi", "Nova Electronics", RWB_RELATION_PARTNERSHIP);
  g_assert_nonnull (pa);
  g_assert_nonnull (pl);
  /* An alias the entity does not have: nothing to split. */
  rwb_corrections_add (list, rwb_correction_new (RWB_CORRECTION_SPLIT, "Nadec", "Savola"), 2);
  g_autoptr (GArray) applied = NULL;
  g_autoptr (RwbGraph) out2 = rwb_corrections_apply (g, list, &applied);
  g_assert_false (g_array_index (applied, gboolean, 1));
}

static void
test_split_after_merge (void)
{
  g_autoptr (RwbGraph) g = build_default ();
  g_autoptr (RwbCorrections) list = merge_nova ();
  rwb_corrections_add (list, rwb_correction_new (RWB_CORRECTION_SPLIT, "Nova Electronics", "نوفا"),
                       2);
  g_autoptr (RwbGraph) out = apply_all (g, list);
  /* Back to two entities, each with the relations of its own sentences. */
  gint a = find (out, "نوفا"), l = find (out, "Nova Electronics");
  g_assert_cmpint (a, >=, 0);
  g_assert_cmpint (l, >=, 0);
  RwbRelation *pa = relation (out, "Xiaomi", "نوفا", RWB_RELATION_PARTNERSHIP);
  RwbRelation *pl = relation (out, "Xiaomi", "Nova Electronics", RWB_RELATION_PARTNERSHIP);
  RwbRelation *ga = relation (g, "Xiaomi", "نوفا", RWB_RELATION_PARTNERSHIP);
  RwbRelation *gl = relation (g, "Xiaomi", "Nova Electronics", RWB_RELATION_PARTNERSHIP);
  g_assert_nonnull (pa);
  g_assert_nonnull (pl);
  g_assert_cmpuint (pa->evidence->len, ==, ga->evidence->len);
  g_assert_cmpuint (pl->evidence->len, ==, gl->evidence->len);
  g_assert_cmpuint (out->entities->len, ==, g->entities->len);
}

static void
test_rename_and_retype (void)
{
  g_autoptr (RwbGraph) g = build_default ();
  g_autoptr (RwbCorrections) list = merge_nova ();
  /* Merge then rename: the new name carries the merged entity… */
  rwb_corrections_add (list, rwb_correction_new (RWB_CORRECTION_RENAME, "نوفا",
                                                 "Nova Electronics FZE"), 2);
  /* … and both the old and the new name reach it afterwards. */
  RwbCorrection *retype = rwb_correction_new (RWB_CORRECTION_RETYPE_ENTITY, "Nova Electronics FZE",
                                              NULL);
  retype->entity_type = RWB_ENTITY_ORGANIZATION;
  rwb_corrections_add (list, retype, 3);
  rwb_corrections_add (list, rwb_correction_new (RWB_CORRECTION_CONFIRM_ENTITY, "Nova Electronics",
                                                 NULL), 4);
  g_autoptr (RwbGraph) out = apply_all (g, list);
  gint n = find (out, "Nova Electronics FZE");
  g_assert_cmpint (n, >=, 0);
  RwbEntity *e = g_ptr_array_index (out->entities, n);
  g_assert_true (has_alias (e, "Nova Electronics"));
  g_assert_true (has_alias (e, "نوفا"));
  g_assert_cmpint (e->type, ==, RWB_ENTITY_ORGANIZATION);
  g_assert_true (e->confirmed);
  g_assert_cmpint (find (out, "Nova Electronics"), ==, -1);
  g_assert_nonnull (relation (out, "Xiaomi", "Nova Electronics FZE", RWB_RELATION_PARTNERSHIP));
}

static void
test_reverse_and_retype_relation (void)
{
  g_autoptr (RwbGraph) g = build_default ();
  RwbRelation *m = relation (g, "Xiaomi", "Nova Electronics", RWB_RELATION_MANUFACTURING);
  g_assert_nonnull (m);
  /* English extraction reads "Xiaomi … manufacture … Nova": Nova makes the phones. */
  g_assert_cmpint (find (g, "Xiaomi"), ==, m->source);
  g_autoptr (RwbCorrections) list = rwb_corrections_new ();
  rwb_corrections_add (list, relation_correction (RWB_CORRECTION_DIRECT_RELATION, "Nova Electronics",
                                                  "Xiaomi", RWB_RELATION_MANUFACTURING), 1);
  RwbCorrection *retype = relation_correction (RWB_CORRECTION_RETYPE_RELATION, "Savola Group",
                                               "Nadec", RWB_RELATION_TALKS);
  retype->new_relation_type = RWB_RELATION_PARTNERSHIP;
  rwb_corrections_add (list, retype, 2);
  g_autoptr (RwbGraph) out = apply_all (g, list);
  RwbRelation *r = relation (out, "Xiaomi", "Nova Electronics", RWB_RELATION_MANUFACTURING);
  g_assert_cmpint (find (out, "Nova Electronics"), ==, r->source);
  g_assert_cmpint (find (out, "Xiaomi"), ==, r->target);
  g_assert_null (relation (out, "Savola Group", "Nadec", RWB_RELATION_TALKS));
  RwbRelation *p = relation (out, "Savola Group", "Nadec", RWB_RELATION_PARTNERSHIP);
  g_assert_nonnull (p);
  g_assert_cmpuint (p->evidence->len, ==, 1);
  g_assert_false (p->directed);
  /* Applied again to its own result, a reverse changes nothing (it says which way, it does
   * not flip). */
  g_autoptr (RwbGraph) again = apply_all (out, list);
  g_autofree char *s1 = signature (out), *s2 = signature (again);
  r = relation (again, "Xiaomi", "Nova Electronics", RWB_RELATION_MANUFACTURING);
  g_assert_cmpint (find (again, "Nova Electronics"), ==, r->source);
  g_assert_cmpstr (s1, ==, s2);
}

/* The Orascom sentence of the Arabic article, as the article view would select it. */
static RwbCorrection *
add_orascom (RwbGraph *g)
{
  gint d = -1;
  for (guint i = 0; i < g->documents->len; i++)
    if (g_str_has_prefix (((RwbDocument *) g_ptr_array_index (g->documents, i))->path, "ar-"))
      d = i;
  g_assert_cmpint (d, >=, 0);
  RwbDocument *doc = g_ptr_array_index (g->documents, d);
  const char *sentence = "كما أكدت شركة أوراسكوم أنها تجري محادثات مع نوفا بشأن توريد المكونات.";
  const char *at = strstr (doc->text, sentence);
  g_assert_nonnull (at);
  RwbCorrection *c = relation_correction (RWB_CORRECTION_ADD_RELATION, "أوراسكوم", "نوفا",
                                          RWB_RELATION_SUPPLY);
  c->document = rwb_document_key (doc);
  c->start = g_utf8_pointer_to_offset (doc->text, at);
  c->end = c->start + g_utf8_strlen (sentence, -1);
  c->text = g_strdup (sentence);
  return c;
}

static void
test_add_relation (void)
{
  g_autoptr (RwbGraph) g = build_default ();
  g_assert_null (relation (g, "أوراسكوم", "نوفا", RWB_RELATION_SUPPLY));
  g_autoptr (RwbCorrections) list = rwb_corrections_new ();
  rwb_corrections_add (list, add_orascom (g), 1);
  g_autoptr (RwbGraph) out = apply_all (g, list);
  RwbRelation *r = relation (out, "أوراسكوم", "نوفا", RWB_RELATION_SUPPLY);
  g_assert_nonnull (r);
  g_assert_true (r->confirmed);
  g_assert_cmpfloat (r->confidence, ==, 1.0);
  g_assert_cmpuint (r->evidence->len, ==, 1);
  RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, 0);
  g_autofree char *text = rwb_graph_evidence_text (out, ev);
  g_assert_true (g_str_has_prefix (text, "كما أكدت شركة أوراسكوم"));

  /* The articles added in another order: the evidence finds its article by content. */
  const char *const reordered[] = { "en-xiaomi-nova.txt", "en-almarai-nadec.txt",
                                    "ar-xiaomi-nova.txt", NULL };
  g_autoptr (RwbGraph) g2 = build (reordered, FALSE, NULL);
  g_autoptr (RwbGraph) out2 = apply_all (g2, list);
  RwbRelation *r2 = relation (out2, "أوراسكوم", "نوفا", RWB_RELATION_SUPPLY);
  g_assert_nonnull (r2);
  RwbEvidence *ev2 = &g_array_index (r2->evidence, RwbEvidence, 0);
  g_assert_cmpuint (ev2->document, ==, 2);
  g_autofree char *text2 = rwb_graph_evidence_text (out2, ev2);
  g_assert_cmpstr (text, ==, text2);

  /* Without its article, the relation is still added, without evidence. */
  const char *const english[] = { "en-xiaomi-nova.txt", NULL };
  g_autoptr (RwbGraph) g3 = build (english, FALSE, "شركة أوراسكوم وشركة نوفا.\n");
  g_autoptr (RwbGraph) out3 = apply_all (g3, list);
  RwbRelation *r3 = relation (out3, "أوراسكوم", "نوفا", RWB_RELATION_SUPPLY);
  g_assert_nonnull (r3);
  g_assert_cmpuint (r3->evidence->len, ==, 0);
}

static void
test_reject_then_add (void)
{
  g_autoptr (RwbGraph) g = build_default ();
  g_autoptr (RwbCorrections) list = rwb_corrections_new ();
  rwb_corrections_add (list, relation_correction (RWB_CORRECTION_REJECT_RELATION, "Nadec",
                                                  "Jeddah", RWB_RELATION_LOCATION), 1);
  g_autoptr (RwbGraph) out = apply_all (g, list);
  g_assert_null (relation (out, "Nadec", "Jeddah", RWB_RELATION_LOCATION));
  /* Added again by hand later: the later correction wins, and the relation is confirmed. */
  rwb_corrections_add (list, relation_correction (RWB_CORRECTION_ADD_RELATION, "Nadec", "Jeddah",
                                                  RWB_RELATION_LOCATION), 2);
  g_autoptr (RwbGraph) out2 = apply_all (g, list);
  RwbRelation *r = relation (out2, "Nadec", "Jeddah", RWB_RELATION_LOCATION);
  g_assert_nonnull (r);
  g_assert_true (r->confirmed);
  /* A rejected entity cannot take part in a relation added after it. */
  rwb_corrections_add (list, rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY, "Jeddah", NULL), 3);
  rwb_corrections_add (list, relation_correction (RWB_CORRECTION_ADD_RELATION, "Nadec", "Jeddah",
                                                  RWB_RELATION_LOCATION), 4);
  g_autoptr (GArray) applied = NULL;
  g_autoptr (RwbGraph) out3 = rwb_corrections_apply (g, list, &applied);
  g_assert_true (g_array_index (applied, gboolean, 2));
  g_assert_false (g_array_index (applied, gboolean, 3));
  g_assert_cmpint (find (out3, "Jeddah"), ==, -1);
}

static void
test_confirm_relation (void)
{
  g_autoptr (RwbGraph) g = build_default ();
  g_autoptr (RwbCorrections) list = rwb_corrections_new ();
  rwb_corrections_add (list, relation_correction (RWB_CORRECTION_CONFIRM_RELATION, "Samer Haddad",
                                                  "Nova Electronics", RWB_RELATION_EXECUTIVE), 1);
  g_autoptr (RwbGraph) out = apply_all (g, list);
  g_assert_true (relation (out, "Samer Haddad", "Nova Electronics", RWB_RELATION_EXECUTIVE)->confirmed);
  g_assert_false (relation (g, "Samer Haddad", "Nova Electronics", RWB_RELATION_EXECUTIVE)->confirmed);
}

/* The analyst's corrections of the three articles; with the user lexicon extraction joins
 * نوفا and Nova Electronics itself, and the same list gives the same graph. */
static RwbCorrections *
analyst_corrections (RwbGraph *g)
{
  RwbCorrections *list = rwb_corrections_new ();
  rwb_corrections_add (list, rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY, "Qalam Markets Desk",
                                                 NULL), 1);
  rwb_corrections_add (list, rwb_correction_new (RWB_CORRECTION_MERGE, "Nova Electronics", "نوفا"),
                       2);
  rwb_corrections_add (list, relation_correction (RWB_CORRECTION_DIRECT_RELATION, "Nova Electronics",
                                                  "Xiaomi", RWB_RELATION_MANUFACTURING), 3);
  rwb_corrections_add (list, relation_correction (RWB_CORRECTION_REJECT_RELATION, "Reuters",
                                                  "Saudi Arabia", RWB_RELATION_LOCATION), 4);
  rwb_corrections_add (list, add_orascom (g), 5);
  return list;
}

static void
test_reapply_after_lexicon_change (void)
{
  g_autoptr (RwbGraph) g = build_default ();
  g_autoptr (RwbGraph) g2 = build (articles, TRUE, NULL);
  /* The user lexicon makes extraction find the alias: one entity fewer before corrections. */
  g_assert_cmpint (find (g2, "نوفا"), ==, -1);
  g_assert_cmpuint (g2->entities->len, <, g->entities->len);
  g_autoptr (RwbCorrections) list = analyst_corrections (g);
  g_autoptr (RwbGraph) out = apply_all (g, list);
  g_autoptr (RwbGraph) out2 = apply_all (g2, list);
  /* Everything the corrected graph said holds after extraction with the new lexicon; what it
   * adds is what the lexicon newly lets extraction find (here Orascom's talks with Nova). */
  g_autofree char *s1 = signature_full (out, FALSE), *s2 = signature_full (out2, FALSE);
  g_auto (GStrv) lines = g_strsplit (s1, "\n", -1);
  g_auto (GStrv) lines2 = g_strsplit (s2, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (!g_strv_contains ((const char *const *) lines2, lines[i]))
      g_error ("lost after the lexicon change: %s", lines[i]);
  g_assert_cmpuint (g_strv_length (lines2), <=, g_strv_length (lines) + 1);
  g_assert_nonnull (relation (out2, "أوراسكوم", "Nova Electronics", RWB_RELATION_SUPPLY));
  g_assert_cmpint (find (out2, "Qalam Markets Desk"), ==, -1);
  /* No relation lost evidence. */
  for (guint k = 0; k < out->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (out->relations, k);
      RwbEntity *s = g_ptr_array_index (out->entities, r->source);
      RwbEntity *t = g_ptr_array_index (out->entities, r->target);
      RwbRelation *r2 = relation (out2, s->name, t->name, r->type);
      g_assert_nonnull (r2);
      g_assert_cmpuint (r2->evidence->len, >=, r->evidence->len);
    }
}

static void
test_deterministic (void)
{
  g_autoptr (RwbGraph) g = build_default ();
  g_autoptr (RwbCorrections) list = analyst_corrections (g);
  rwb_corrections_add (list, rwb_correction_new (RWB_CORRECTION_SPLIT, "Xiaomi", "شاومي"), 6);
  g_autoptr (RwbGraph) a = apply_all (g, list);
  g_autoptr (RwbGraph) b = apply_all (g, list);
  g_autofree char *ja = rwb_json_write (a, FALSE), *jb = rwb_json_write (b, FALSE);
  g_assert_cmpstr (ja, ==, jb);
  /* Same graph, built again from the same articles: same result. */
  g_autoptr (RwbGraph) g2 = build_default ();
  g_autoptr (RwbGraph) c = apply_all (g2, list);
  g_autofree char *jc = rwb_json_write (c, FALSE);
  g_assert_cmpstr (ja, ==, jc);
}

static void
test_json_round_trip (void)
{
  g_autoptr (RwbGraph) g = build_default ();
  g_autoptr (RwbCorrections) list = analyst_corrections (g);
  RwbCorrection *retype = relation_correction (RWB_CORRECTION_RETYPE_RELATION, "a", "b",
                                               RWB_RELATION_TALKS);
  retype->new_relation_type = RWB_RELATION_ACQUISITION;
  rwb_corrections_add (list, retype, 6);
  RwbCorrection *etype = rwb_correction_new (RWB_CORRECTION_RETYPE_ENTITY, "Nova", NULL);
  etype->entity_type = RWB_ENTITY_PERSON;
  rwb_corrections_add (list, etype, 7);
  for (guint i = 0; i < rwb_corrections_len (list); i++)
    {
      const RwbCorrection *c = rwb_corrections_get (list, i);
      g_autofree char *json = rwb_correction_to_json (c);
      g_autoptr (GError) error = NULL;
      g_autoptr (RwbCorrection) back = rwb_correction_from_json (json, &error);
      g_assert_no_error (error);
      g_autofree char *again = rwb_correction_to_json (back);
      g_assert_cmpstr (json, ==, again);
      g_autofree char *said = rwb_correction_describe (back);
      g_assert_nonnull (strstr (said, c->a));
    }
  const char *bad[] = {
    "[]", "{\"op\":\"merge\",\"a\":\"x\"}", "{\"op\":\"explode\",\"a\":\"x\"}",
    "{\"op\":\"retype\",\"a\":\"x\",\"type\":\"planet\"}", "{\"op\":\"reject\",\"a\":\"  \"}",
    "{\"op\":\"add-relation\",\"a\":\"x\",\"b\":\"y\",\"relation\":\"supply\","
    "\"evidence\":{\"document\":\"1:ab\",\"start\":9,\"end\":3}}",
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RwbCorrection) c = rwb_correction_from_json (bad[i], &error);
      g_assert_null (c);
      g_assert_nonnull (error);
    }
  /* A project file is anyone's: a correction nested 100,000 levels deep is an error, not a
   * stack overflow in json-glib. */
  g_autoptr (GString) deep = g_string_new ("{\"op\":\"reject\",\"a\":\"x\",\"z\":");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbCorrection) c = rwb_correction_from_json (deep->str, &error);
  g_assert_null (c);
  g_assert_nonnull (strstr (error->message, "nested more than"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/corrections/name-key", test_name_key);
  g_test_add_func ("/corrections/builder", test_builder_joins_articles);
  g_test_add_func ("/corrections/reject-entity", test_reject_entity);
  g_test_add_func ("/corrections/reject-relation", test_reject_relation);
  g_test_add_func ("/corrections/merge", test_merge);
  g_test_add_func ("/corrections/split", test_split);
  g_test_add_func ("/corrections/split-after-merge", test_split_after_merge);
  g_test_add_func ("/corrections/rename-retype", test_rename_and_retype);
  g_test_add_func ("/corrections/reverse-retype-relation", test_reverse_and_retype_relation);
  g_test_add_func ("/corrections/add-relation", test_add_relation);
  g_test_add_func ("/corrections/reject-then-add", test_reject_then_add);
  g_test_add_func ("/corrections/confirm-relation", test_confirm_relation);
  g_test_add_func ("/corrections/lexicon-change", test_reapply_after_lexicon_change);
  g_test_add_func ("/corrections/deterministic", test_deterministic);
  g_test_add_func ("/corrections/json", test_json_round_trip);
  return g_test_run ();
}
