/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for GEXF (rwb-formats-gexf.c) and Cytoscape.js JSON (rwb-formats-cytoscape.c): a round
 * trip with names XML finds hard, the colours and dates Gephi shows, a Gephi-style sample
 * (tests/data/gephi-sample.gexf), hostile files, the Cytoscape.js elements field by field,
 * and, when they are installed, xmllint and networkx reading what Rawabit writes. */
#include "rwb-formats.h"
#include "rwb-timeline.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static RwbEntity *
entity (RwbGraph *g, guint i)
{
  return g_ptr_array_index (g->entities, i);
}

static RwbRelation *
relation (RwbGraph *g, guint i)
{
  return g_ptr_array_index (g->relations, i);
}

static guint
count_of (const RwbRelation *r)
{
  return MAX (r->n_evidence, r->evidence->len);
}

static const char *
attr (GHashTable *attrs, const char *key)
{
  return attrs ? g_hash_table_lookup (attrs, key) : NULL;
}

static char *
make_tmp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("rawabit-gexf-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (dir);
}

static RwbGraph *
read_path (const char *path, GPtrArray *warnings, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  return rwb_formats_read_file (file, warnings, NULL, error);
}

static RwbGraph *
read_gexf (const char *text, GPtrArray *warnings, GError **error)
{
  return rwb_formats_read_data (text, strlen (text), RWB_FORMAT_GEXF, warnings, error);
}

/* Whether one of @warnings contains @part. */
static gboolean
warned (GPtrArray *warnings, const char *part)
{
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), part))
      return TRUE;
  return FALSE;
}

/* Names XML makes hard: Arabic, markup characters, quotes of both kinds, and control
 * characters XML 1.0 forbids even as references (left out when written). */
#define NAME_ARABIC "شركة المراعي"
#define NAME_AMP "AT&T <Mobility>"
#define NAME_QUOTES "Great Wall \"GWM\" 'Motors'"
#define NAME_CONTROL "Nova\001 Elec\037tronics\013"
#define NAME_CONTROL_CLEAN "Nova Electronics"

static RwbGraph *
sample_graph (void)
{
  RwbGraph *g = rwb_graph_new ();
  guint a = rwb_graph_add_entity (g, NAME_ARABIC, RWB_ENTITY_COMPANY);
  guint b = rwb_graph_add_entity (g, NAME_AMP, RWB_ENTITY_ORGANIZATION);
  guint c = rwb_graph_add_entity (g, NAME_QUOTES, RWB_ENTITY_PERSON);
  guint d = rwb_graph_add_entity (g, NAME_CONTROL, RWB_ENTITY_PLACE);
  rwb_entity_add_alias (entity (g, a), "Almarai");
  rwb_entity_add_alias (entity (g, a), "المراعي & شركاه");
  rwb_entity_set_attr (entity (g, b), "sector", "telecom \"5G\" & <fibre>");
  guint r0 = rwb_graph_ensure_relation (g, a, b, RWB_RELATION_SUPPLY, 0.8);
  guint r1 = rwb_graph_ensure_relation (g, b, c, RWB_RELATION_PARTNERSHIP, 0.55);
  guint r2 = rwb_graph_ensure_relation (g, c, d, RWB_RELATION_LOCATION, 0.6);
  relation (g, r0)->directed = TRUE;
  relation (g, r0)->n_evidence = 3;
  relation (g, r1)->directed = FALSE;
  relation (g, r1)->n_evidence = 1;
  relation (g, r2)->directed = TRUE;
  rwb_relation_set_attr (relation (g, r2), "note", "said in «Riyadh»");
  return g;
}

static RwbScene *
scene_for (RwbGraph *g)
{
  RwbScene *scene = rwb_scene_new (g);
  for (guint i = 0; i < g->entities->len; i++)
    {
      RwbSceneNode node = { 0 };
      node.entity = i;
      node.x = 10.5 + 100 * i;
      node.y = 20.25 + 7 * i;
      node.width = 50;
      node.height = 20;
      g_array_append_val (scene->nodes, node);
    }
  scene->bounds = (RwbRect) { 0, 0, 600, 100 };
  return scene;
}

static void
test_names (void)
{
  RwbFormat f;
  g_assert_true (rwb_format_from_path ("/a/g.GEXF", &f) && f == RWB_FORMAT_GEXF);
  g_assert_true (rwb_format_from_path ("web.cyjs", &f) && f == RWB_FORMAT_CYTOSCAPE);
  g_assert_true (rwb_format_from_string ("gexf", &f) && f == RWB_FORMAT_GEXF);
  g_assert_true (rwb_format_from_string ("Cytoscape", &f) && f == RWB_FORMAT_CYTOSCAPE);
  g_assert_false (rwb_format_from_path ("x.cytoscape", &f));
  g_assert_cmpstr (rwb_format_extension (RWB_FORMAT_GEXF), ==, "gexf");
  g_assert_cmpstr (rwb_format_extension (RWB_FORMAT_CYTOSCAPE), ==, "cyjs");
  g_assert_cmpstr (rwb_format_extension (RWB_FORMAT_DOT), ==, "dot");
  g_assert_cmpstr (rwb_format_extension (RWB_FORMAT_CSV), ==, "");
}

static void
test_round_trip (void)
{
  g_autoptr (RwbGraph) g = sample_graph ();
  g_autoptr (RwbScene) scene = scene_for (g);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "g.gexf", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (rwb_formats_write (g, scene, RWB_FORMAT_GEXF, path, &error));
  g_assert_no_error (error);
  g_autofree char *xml = NULL;
  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "<gexf xmlns=\"http://gexf.net/1.3\""));
  g_assert_nonnull (strstr (xml, "xmlns:viz=\"http://gexf.net/1.3/viz\""));
  g_assert_nonnull (strstr (xml, "version=\"1.3\""));
  g_assert_nonnull (strstr (xml, "<attributes class=\"node\""));
  g_assert_nonnull (strstr (xml, "<attribute id=\"type\" title=\"type\" type=\"string\"/>"));
  g_assert_nonnull (strstr (xml, "label=\"AT&amp;T &lt;Mobility&gt;\""));
  g_assert_nonnull (strstr (xml, "label=\"" NAME_CONTROL_CLEAN "\""));
  g_assert_null (strstr (xml, "&#x"));
  g_assert_null (strstr (xml, "\001"));
  /* Weight is the evidence count, but at least 1 (Gephi drops an edge of weight 0): the
   * count itself is an attribute. Gephi's y points up. */
  g_assert_nonnull (strstr (xml, "source=\"n0\" target=\"n1\" weight=\"3\""));
  g_assert_nonnull (strstr (xml, "source=\"n2\" target=\"n3\" weight=\"1\""));
  g_assert_nonnull (strstr (xml, "<attvalue for=\"evidence\" value=\"0\"/>"));
  g_assert_nonnull (strstr (xml, "<viz:position x=\"10.50\" y=\"-20.25\" z=\"0.0\"/>"));
  /* Static: no document has a date. */
  g_assert_nonnull (strstr (xml, "mode=\"static\""));
  g_assert_null (strstr (xml, "start="));

  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RwbGraph) back = read_path (path, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (back->entities->len, ==, 4);
  const char *names[] = { NAME_ARABIC, NAME_AMP, NAME_QUOTES, NAME_CONTROL_CLEAN };
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpstr (entity (back, i)->name, ==, names[i]);
      g_assert_cmpint (entity (back, i)->type, ==, entity (g, i)->type);
      g_assert_cmpstr (entity (back, i)->id, ==, entity (g, i)->id);
      g_autofree char *x = g_strdup_printf ("%.2f", 10.5 + 100 * i);
      g_autofree char *y = g_strdup_printf ("%.2f", 20.25 + 7 * i);
      g_assert_cmpstr (attr (entity (back, i)->attrs, "x"), ==, x);
      g_assert_cmpstr (attr (entity (back, i)->attrs, "y"), ==, y);
    }
  g_assert_cmpuint (entity (back, 0)->aliases->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (entity (back, 0)->aliases, 1), ==,
                   "المراعي & شركاه");
  g_assert_cmpstr (attr (entity (back, 1)->attrs, "sector"), ==, "telecom \"5G\" & <fibre>");

  g_assert_cmpuint (back->relations->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      RwbRelation *x = relation (g, i), *y = relation (back, i);
      g_assert_cmpuint (x->source, ==, y->source);
      g_assert_cmpuint (x->target, ==, y->target);
      g_assert_cmpint (x->type, ==, y->type);
      g_assert_cmpint (x->directed, ==, y->directed);
      g_assert_cmpfloat_with_epsilon (x->confidence, y->confidence, 0.001);
      g_assert_cmpuint (count_of (x), ==, count_of (y));
    }
  g_assert_cmpstr (attr (relation (back, 2)->attrs, "note"), ==, "said in «Riyadh»");
  /* The label only named the type: not kept. */
  g_assert_null (attr (relation (back, 0)->attrs, "label"));

  /* Written again, the file is the same: positions came back as attributes. */
  g_autofree char *again = rwb_formats_to_string (back, NULL, RWB_FORMAT_GEXF, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, xml);
  remove_dir (dir);
}

/* Colours are the type table's, edges' too. */
static void
test_colours (void)
{
  g_autoptr (RwbGraph) g = sample_graph ();
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = rwb_formats_to_string (g, NULL, RWB_FORMAT_GEXF, &error);
  g_assert_no_error (error);
  for (RwbEntityType t = 0; t < RWB_ENTITY_N_TYPES; t++)
    {
      double r, gr, b;
      rwb_entity_type_rgb (t, &r, &gr, &b);
      g_autofree char *viz = g_strdup_printf ("<viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>",
                                              (int) (r * 255 + 0.5), (int) (gr * 255 + 0.5),
                                              (int) (b * 255 + 0.5));
      g_assert_nonnull (strstr (xml, viz));
    }
  double r, gr, b;
  rwb_relation_type_rgb (RWB_RELATION_SUPPLY, &r, &gr, &b);
  g_autofree char *supply = g_strdup_printf ("<viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n      "
                                             "</edge>", (int) (r * 255 + 0.5),
                                             (int) (gr * 255 + 0.5), (int) (b * 255 + 0.5));
  g_assert_nonnull (strstr (xml, supply));
  /* Without a scene and without imported x/y there is no position. */
  g_assert_null (strstr (xml, "viz:position"));
}

/* Dated articles make a dynamic graph whose nodes and edges start when they became known. */
static void
test_dates (void)
{
  g_autoptr (RwbGraph) g = rwb_graph_new ();
  guint d0 = rwb_graph_add_document (g, NULL, "en", "Acme buys Bolt. Bolt hires Cora.");
  guint d1 = rwb_graph_add_document (g, NULL, "en", "Cora leaves Bolt.");
  RwbDocument *doc0 = g_ptr_array_index (g->documents, d0);
  RwbDocument *doc1 = g_ptr_array_index (g->documents, d1);
  doc0->date = g_strdup ("2024-03-18");
  doc1->date = g_strdup ("2024-04-02");
  guint a = rwb_graph_add_entity (g, "Acme", RWB_ENTITY_COMPANY);
  guint b = rwb_graph_add_entity (g, "Bolt", RWB_ENTITY_COMPANY);
  guint c = rwb_graph_add_entity (g, "Cora", RWB_ENTITY_PERSON);
  rwb_entity_add_mention (entity (g, a), d0, 0, 4);
  rwb_entity_add_mention (entity (g, b), d0, 10, 14);
  rwb_entity_add_mention (entity (g, c), d1, 0, 4);
  guint r0 = rwb_graph_ensure_relation (g, a, b, RWB_RELATION_ACQUISITION, 0.9);
  rwb_relation_add_evidence (relation (g, r0), d0, 0, 15, "Acme buys Bolt.", NULL, 0.9);
  guint r1 = rwb_graph_ensure_relation (g, b, c, RWB_RELATION_EXECUTIVE, 0.7);
  rwb_relation_add_evidence (relation (g, r1), d1, 0, 17, "Cora leaves Bolt.", NULL, 0.7);

  g_autoptr (RwbTimeline) timeline = rwb_timeline_new (g);
  g_assert_cmpstr (rwb_timeline_entity_since (timeline, c), ==, "2024-04-02");
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = rwb_formats_to_string (g, NULL, RWB_FORMAT_GEXF, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "mode=\"dynamic\" timeformat=\"date\""));
  g_assert_nonnull (strstr (xml, "<node id=\"n0\" label=\"Acme\" start=\"2024-03-18\">"));
  g_assert_nonnull (strstr (xml, "<node id=\"n2\" label=\"Cora\" start=\"2024-04-02\">"));
  g_assert_nonnull (strstr (xml, "label=\"Executive\" start=\"2024-04-02\">"));
  g_assert_nonnull (strstr (xml, "label=\"Acquisition\" start=\"2024-03-18\">"));

  /* Read back (a GEXF file has no documents), the dates stay with nodes and edges and are
   * written again. */
  g_autoptr (RwbGraph) back = read_gexf (xml, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attr (entity (back, 2)->attrs, "start"), ==, "2024-04-02");
  g_assert_cmpstr (attr (relation (back, 1)->attrs, "start"), ==, "2024-04-02");
  g_autofree char *again = rwb_formats_to_string (back, NULL, RWB_FORMAT_GEXF, &error);
  g_assert_nonnull (strstr (again, "mode=\"dynamic\" timeformat=\"date\""));
  g_assert_nonnull (strstr (again, "<node id=\"n2\" label=\"Cora\" start=\"2024-04-02\">"));
}

/* A file in the shape Gephi writes it, found by its content under another name too. */
static void
test_gephi_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "gephi-sample.gexf", NULL);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) g = read_path (path, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g->entities->len, ==, 5);
  g_assert_cmpstr (entity (g, 0)->name, ==, "أرامكو السعودية");
  g_assert_cmpint (entity (g, 0)->type, ==, RWB_ENTITY_COMPANY);
  g_assert_cmpint (entity (g, 1)->type, ==, RWB_ENTITY_PERSON);
  g_assert_cmpint (entity (g, 2)->type, ==, RWB_ENTITY_PLACE);
  /* An unknown type: a company, the file's type kept, a warning. */
  g_assert_cmpint (entity (g, 3)->type, ==, RWB_ENTITY_COMPANY);
  g_assert_cmpstr (attr (entity (g, 3)->attrs, "gexf_type"), ==, "event");
  g_assert_true (warned (warnings, "“event”"));
  /* No label: the id. */
  g_assert_cmpstr (entity (g, 4)->name, ==, "21");
  g_assert_cmpint (entity (g, 4)->type, ==, RWB_ENTITY_ORGANIZATION);
  /* Attributes by title, values unescaped, positions back on Rawabit's axis. */
  g_assert_cmpstr (attr (entity (g, 0)->attrs, "sector"), ==, "oil & gas");
  g_assert_cmpstr (attr (entity (g, 0)->attrs, "Modularity Class"), ==, "0");
  g_assert_cmpstr (attr (entity (g, 0)->attrs, "x"), ==, "-120.50");
  g_assert_cmpstr (attr (entity (g, 0)->attrs, "y"), ==, "-40.25");
  g_assert_cmpstr (attr (entity (g, 1)->attrs, "y"), ==, "80.00");
  g_assert_null (attr (entity (g, 2)->attrs, "x"));
  g_assert_cmpstr (attr (entity (g, 0)->attrs, "start"), ==, "2024-03-18");
  g_assert_cmpstr (attr (entity (g, 1)->attrs, "start"), ==, "2024-03-19");

  g_assert_cmpuint (g->relations->len, ==, 4);
  RwbRelation *exec = relation (g, 0), *loc = relation (g, 1), *dec = relation (g, 2);
  RwbRelation *sup = relation (g, 3);
  g_assert_cmpint (exec->type, ==, RWB_RELATION_EXECUTIVE);
  g_assert_cmpuint (exec->source, ==, 1);
  g_assert_cmpuint (count_of (exec), ==, 3);
  g_assert_true (exec->directed);
  g_assert_null (attr (exec->attrs, "label"));
  g_assert_cmpint (loc->type, ==, RWB_RELATION_LOCATION);
  g_assert_false (loc->directed);
  g_assert_cmpuint (count_of (loc), ==, 1);
  g_assert_cmpstr (attr (loc->attrs, "label"), ==, "headquarters");
  /* No relation type: a mention; 2.5 is no count. */
  g_assert_cmpint (dec->type, ==, RWB_RELATION_MENTION);
  g_assert_cmpuint (count_of (dec), ==, 0);
  g_assert_true (warned (warnings, "not whole numbers"));
  g_assert_cmpstr (attr (sup->attrs, "label"), ==, "Supply");
  g_assert_true (warned (warnings, "2 edges have no Rawabit relation type"));
  g_assert_cmpuint (warnings->len, ==, 3);

  /* The same text under a name that says nothing is GEXF by its root element. */
  g_autofree char *text = NULL;
  gsize len = 0;
  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *other = g_build_filename (dir, "export.xml", NULL);
  g_assert_true (g_file_set_contents (other, text, len, NULL));
  g_autoptr (RwbGraph) sniffed = read_path (other, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sniffed->entities->len, ==, 5);

  /* GEXF 1.2 (Gephi 0.9, networkx's default) and a prefixed root read alike. */
  g_autoptr (GString) v12 = g_string_new (text);
  g_string_replace (v12, "http://gexf.net/1.3", "http://www.gexf.net/1.2draft", 0);
  g_autoptr (GPtrArray) w12 = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RwbGraph) g12 = read_gexf (v12->str, w12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g12->relations->len, ==, 4);
  g_assert_false (warned (w12, "namespace"));
  const char *prefixed = "<?xml version=\"1.0\"?>\n<g:gexf xmlns:g=\"http://gexf.net/1.3\">"
                         "<g:graph><g:nodes><g:node id=\"a\" label=\"A\"/></g:nodes></g:graph>"
                         "</g:gexf>";
  g_autofree char *ppath = g_build_filename (dir, "prefixed", NULL);
  g_assert_true (g_file_set_contents (ppath, prefixed, -1, NULL));
  g_autoptr (RwbGraph) pg = read_path (ppath, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entity (pg, 0)->name, ==, "A");
  remove_dir (dir);
}

static void
assert_refused (const char *text, const char *part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) g = read_gexf (text, NULL, &error);
  g_assert_null (g);
  g_assert_error (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_PARSE);
  if (part && strstr (error->message, part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, part);
}

#define HEAD "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph>"
#define TAIL "</graph></gexf>"

static void
test_hostile (void)
{
  /* An external entity is never read: GMarkup knows no DTD. */
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_assert_true (g_file_set_contents (secret, "TOP-SECRET", -1, NULL));
  g_autofree char *xxe = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [<!ENTITY x "
                                          "SYSTEM \"file://%s\">]>\n" HEAD "<nodes><node id=\"a\""
                                          " label=\"&x;\"/></nodes>" TAIL, secret);
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) g = read_gexf (xxe, NULL, &error);
  g_assert_null (g);
  g_assert_error (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_PARSE);
  g_assert_null (strstr (error->message, "TOP-SECRET"));
  g_remove (secret);
  remove_dir (dir);

  /* A billion laughs expands nothing. */
  assert_refused ("<!DOCTYPE gexf [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                  HEAD "<nodes><node id=\"n\" label=\"&b;&b;&b;\"/></nodes>" TAIL, NULL);

  /* Deep, wide, broken. */
  g_autoptr (GString) deep = g_string_new (HEAD "<nodes><node id=\"a\">");
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<nodes><node id=\"x\">");
  assert_refused (deep->str, "nested more than");
  g_autoptr (GString) wide = g_string_new (HEAD "<attributes class=\"node\">");
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (wide, "<attribute id=\"%u\" title=\"t%u\" type=\"string\"/>", i, i);
  g_string_append (wide, "</attributes>" TAIL);
  assert_refused (wide->str, "attributes are declared");
  g_autoptr (GString) values = g_string_new (HEAD "<nodes><node id=\"a\"><attvalues>");
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (values, "<attvalue for=\"%u\" value=\"v\"/>", i);
  g_string_append (values, "</attvalues></node></nodes>" TAIL);
  assert_refused (values->str, "values on one element");
  assert_refused (HEAD "<nodes><node id=\"a\"/><node id=\"a\"/></nodes>" TAIL, "used twice");
  assert_refused (HEAD "<nodes><node id=\"a\"/></nodes><edges><edge source=\"a\" target=\"b\"/>"
                  "</edges>" TAIL, "does not exist");
  assert_refused (HEAD "<nodes><node label=\"no id\"/></nodes>" TAIL, "has no id");
  assert_refused ("<graphml><graph/></graphml>", "root element");
  assert_refused (HEAD "<nodes><node id=\"a\" label=\"cut", NULL);
  assert_refused (HEAD "<nodes><node id=\"a\" label=\"bad \xff byte\"/></nodes>" TAIL, NULL);
  assert_refused ("", "empty");
  assert_refused ("<!-- only a comment -->", "no <gexf>");

  /* Numbers that are not numbers, infinite or out of range are left out, with a warning. */
  const char *numbers = HEAD "<attributes class=\"edge\"><attribute id=\"c\" title=\"confidence\""
                        " type=\"double\"/></attributes><nodes>"
                        "<node id=\"a\"><viz:position x=\"nan\" y=\"1\"/></node>"
                        "<node id=\"b\"><viz:position x=\"1e300\" y=\"1\"/></node>"
                        "<node id=\"c\"><viz:position x=\"inf\" y=\"-inf\"/></node>"
                        "<node id=\"d\"><viz:position x=\"12abc\" y=\"1\"/></node>"
                        "<node id=\"e\"><viz:position x=\"3\" y=\"4\"/></node></nodes><edges>"
                        "<edge source=\"a\" target=\"b\" weight=\"-1\"><attvalues><attvalue "
                        "for=\"c\" value=\"nan\"/></attvalues></edge>"
                        "<edge source=\"b\" target=\"c\" weight=\"1e99\"><attvalues><attvalue "
                        "for=\"c\" value=\"7\"/></attvalues></edge>"
                        "<edge source=\"c\" target=\"d\" weight=\"4294967296\"/></edges>" TAIL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_clear_error (&error);
  g_autoptr (RwbGraph) n = read_gexf (numbers, warnings, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    g_assert_null (attr (entity (n, i)->attrs, "x"));
  g_assert_cmpstr (attr (entity (n, 4)->attrs, "x"), ==, "3.00");
  g_assert_cmpstr (attr (entity (n, 4)->attrs, "y"), ==, "-4.00");
  g_assert_true (warned (warnings, "not a finite number"));
  g_assert_true (warned (warnings, "3 edge weights are not whole numbers"));
  g_assert_cmpfloat (relation (n, 0)->confidence, ==, 0.5);
  g_assert_cmpfloat (relation (n, 1)->confidence, ==, 1.0);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (count_of (relation (n, i)), ==, 0);
}

static const char *
member (JsonObject *o, const char *name)
{
  g_assert_true (json_object_has_member (o, name));
  return json_object_get_string_member (o, name);
}

static void
test_cytoscape (void)
{
  g_autoptr (RwbGraph) g = sample_graph ();
  g_autoptr (RwbScene) scene = scene_for (g);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "web.cyjs", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (rwb_formats_write (g, scene, RWB_FORMAT_CYTOSCAPE, path, &error));
  g_assert_no_error (error);

  g_autoptr (JsonParser) parser = json_parser_new ();
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *elements = json_object_get_object_member (root, "elements");
  g_assert_nonnull (elements);
  JsonArray *nodes = json_object_get_array_member (elements, "nodes");
  JsonArray *edges = json_object_get_array_member (elements, "edges");
  g_assert_cmpuint (json_array_get_length (nodes), ==, 4);
  g_assert_cmpuint (json_array_get_length (edges), ==, 3);
  /* Control characters are JSON's to escape: the name is kept as it is. */
  const char *names[] = { NAME_ARABIC, NAME_AMP, NAME_QUOTES, NAME_CONTROL };
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);
      JsonObject *data = json_object_get_object_member (node, "data");
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_assert_cmpstr (member (data, "id"), ==, id);
      g_assert_cmpstr (member (data, "label"), ==, names[i]);
      g_assert_cmpstr (member (data, "type"), ==, rwb_entity_type_to_string (entity (g, i)->type));
      g_assert_cmpstr (member (data, "color"), ==, rwb_entity_type_color (entity (g, i)->type));
      JsonObject *pos = json_object_get_object_member (node, "position");
      g_assert_nonnull (pos);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pos, "x"), 10.5 + 100 * i,
                                      0.001);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pos, "y"), 20.25 + 7 * i,
                                      0.001);
    }
  JsonObject *d0 = json_object_get_object_member (json_array_get_object_element (nodes, 0),
                                                  "data");
  JsonArray *aliases = json_object_get_array_member (d0, "aliases");
  g_assert_cmpuint (json_array_get_length (aliases), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (aliases, 1), ==, "المراعي & شركاه");
  JsonObject *d1 = json_object_get_object_member (json_array_get_object_element (nodes, 1),
                                                  "data");
  g_assert_cmpstr (member (d1, "sector"), ==, "telecom \"5G\" & <fibre>");
  for (guint i = 0; i < 3; i++)
    {
      RwbRelation *r = relation (g, i);
      JsonObject *data = json_object_get_object_member (json_array_get_object_element (edges, i),
                                                        "data");
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autofree char *source = g_strdup_printf ("n%u", r->source);
      g_autofree char *target = g_strdup_printf ("n%u", r->target);
      g_assert_cmpstr (member (data, "id"), ==, id);
      g_assert_cmpstr (member (data, "source"), ==, source);
      g_assert_cmpstr (member (data, "target"), ==, target);
      g_assert_cmpstr (member (data, "type"), ==, rwb_relation_type_to_string (r->type));
      g_assert_cmpstr (member (data, "label"), ==, rwb_relation_type_info (r->type)->label);
      g_assert_cmpint (json_object_get_int_member (data, "weight"), ==, count_of (r));
      g_assert_cmpint (json_object_get_boolean_member (data, "directed"), ==, r->directed);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (data, "confidence"),
                                      r->confidence, 0.001);
    }
  JsonObject *e2 = json_object_get_object_member (json_array_get_object_element (edges, 2),
                                                  "data");
  g_assert_cmpstr (member (e2, "note"), ==, "said in «Riyadh»");

  /* Without positions there is no "position"; the file is not read back. */
  g_autofree char *bare = rwb_formats_to_string (g, NULL, RWB_FORMAT_CYTOSCAPE, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (bare, "\"position\""));
  g_autoptr (RwbGraph) back = read_path (path, NULL, &error);
  g_assert_null (back);
  g_assert_error (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_UNSUPPORTED);
  remove_dir (dir);
}

static gboolean
run (const char *const *argv, char **out, char **err, int *status)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out,
                              err, status, &error);
  g_assert_no_error (error);
  return ok;
}

static void
test_xmllint (void)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }
  g_autoptr (RwbGraph) g = sample_graph ();
  g_autoptr (RwbScene) scene = scene_for (g);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "g.gexf", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (rwb_formats_write (g, scene, RWB_FORMAT_GEXF, path, &error));
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;
  run ((const char *const[]) { xmllint, "--noout", "--nonet", path, NULL }, &out, &err, &status);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint: %s", err);
  g_assert_cmpstr (err, ==, "");
  remove_dir (dir);
}

/* networkx reads what Rawabit writes (counts, labels, attributes) and writes GEXF 1.2 that
 * Rawabit reads back with the same labels and types. */
static const char networkx_script[] =
  "import json, sys\n"
  "import networkx as nx\n"
  "g = nx.read_gexf(sys.argv[1], version='1.3')\n"
  "out = {'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),\n"
  "       'labels': [g.nodes[n]['label'] for n in sorted(g.nodes, key=lambda n: int(n[1:]))],\n"
  "       'types': [g.nodes[n]['type'] for n in sorted(g.nodes, key=lambda n: int(n[1:]))],\n"
  "       'weights': sorted(d['weight'] for _, _, d in g.edges(data=True))}\n"
  "nx.write_gexf(g, sys.argv[2])\n"
  "print(json.dumps(out))\n";

static void
test_networkx (void)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  int status = 0;
  g_autofree char *out = NULL, *err = NULL;
  if (python)
    run ((const char *const[]) { python, "-c", "import networkx", NULL }, NULL, NULL, &status);
  if (python == NULL || !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("python3 with networkx is not installed");
      return;
    }
  g_autoptr (RwbGraph) g = sample_graph ();
  g_autoptr (RwbScene) scene = scene_for (g);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "rawabit.gexf", NULL);
  g_autofree char *nx_path = g_build_filename (dir, "networkx.gexf", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (rwb_formats_write (g, scene, RWB_FORMAT_GEXF, path, &error));
  run ((const char *const[]) { python, "-c", networkx_script, path, nx_path, NULL }, &out, &err,
       &status);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("networkx: %s", err);

  g_autoptr (JsonParser) parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  JsonObject *o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (o, "nodes"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (o, "edges"), ==, 3);
  JsonArray *labels = json_object_get_array_member (o, "labels");
  JsonArray *types = json_object_get_array_member (o, "types");
  const char *names[] = { NAME_ARABIC, NAME_AMP, NAME_QUOTES, NAME_CONTROL_CLEAN };
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpstr (json_array_get_string_element (labels, i), ==, names[i]);
      g_assert_cmpstr (json_array_get_string_element (types, i), ==,
                       rwb_entity_type_to_string (entity (g, i)->type));
    }
  JsonArray *weights = json_object_get_array_member (o, "weights");
  g_assert_cmpfloat (json_array_get_double_element (weights, 0), ==, 1);
  g_assert_cmpfloat (json_array_get_double_element (weights, 2), ==, 3);

  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RwbGraph) back = read_path (nx_path, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (back->entities->len, ==, 4);
  g_assert_cmpuint (back->relations->len, ==, 3);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpstr (entity (back, i)->name, ==, names[i]);
      g_assert_cmpint (entity (back, i)->type, ==, entity (g, i)->type);
    }
  for (guint i = 0; i < 3; i++)
    {
      RwbRelation *x = relation (g, i), *y = NULL;
      for (guint j = 0; j < 3; j++)
        if (relation (back, j)->type == x->type)
          y = relation (back, j);
      g_assert_nonnull (y);
      g_assert_cmpuint (count_of (y), ==, count_of (x));
      g_assert_cmpint (y->directed, ==, x->directed);
      g_assert_cmpstr (entity (back, y->source)->name, ==, entity (g, x->source)->name);
    }
  remove_dir (dir);
}

/* `rawabit-cli convert` writes both by extension and by --format, to a file and to stdout. */
static void
test_cli (void)
{
  const char *cli = g_getenv ("RAWABIT_CLI");
  if (cli == NULL)
    {
      g_test_skip ("RAWABIT_CLI is not set");
      return;
    }
  g_autoptr (RwbGraph) g = sample_graph ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *json = g_build_filename (dir, "in.json", NULL);
  g_autofree char *gexf = g_build_filename (dir, "out.gexf", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (rwb_formats_write (g, NULL, RWB_FORMAT_JSON, json, &error));
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;
  run ((const char *const[]) { cli, "convert", json, "-o", gexf, NULL }, NULL, &err, &status);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("convert to GEXF: %s", err);
  g_autoptr (RwbGraph) back = read_path (gexf, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entity (back, 1)->name, ==, NAME_AMP);

  g_clear_pointer (&err, g_free);
  run ((const char *const[]) { cli, "convert", gexf, "-f", "cytoscape", "-o", "-", NULL }, &out,
       &err, &status);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("convert to Cytoscape.js: %s", err);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  JsonObject *elements = json_object_get_object_member (
    json_node_get_object (json_parser_get_root (parser)), "elements");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (elements, "edges")), ==,
                    3);

  g_clear_pointer (&out, g_free);
  run ((const char *const[]) { cli, "convert", "--help", NULL }, &out, NULL, &status);
  g_assert_nonnull (strstr (out, "gexf, cytoscape"));
  remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/formats/gexf/names", test_names);
  g_test_add_func ("/formats/gexf/round-trip", test_round_trip);
  g_test_add_func ("/formats/gexf/colours", test_colours);
  g_test_add_func ("/formats/gexf/dates", test_dates);
  g_test_add_func ("/formats/gexf/gephi-sample", test_gephi_sample);
  g_test_add_func ("/formats/gexf/hostile", test_hostile);
  g_test_add_func ("/formats/gexf/xmllint", test_xmllint);
  g_test_add_func ("/formats/gexf/networkx", test_networkx);
  g_test_add_func ("/formats/gexf/cli", test_cli);
  g_test_add_func ("/formats/cytoscape", test_cytoscape);
  return g_test_run ();
}
