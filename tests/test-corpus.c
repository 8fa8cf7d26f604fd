/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Extraction quality on annotated articles, scored as ../shared/tools/score-graph does.
 *
 * tests/corpus holds articles written for this project with hand-made gold graphs; the dev
 * set in ../shared/corpus/dev is scored too when it is there (skipped otherwise). Each fails
 * when the scores drop below its thresholds, so an extraction regression fails `meson test`.
 */
#include "rwb-extract.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

typedef struct {
  guint ent_tp, ent_fp, ent_fn, ent_dup, ent_typed;
  guint rel_tp, rel_fp, rel_fn, rel_typed;
  guint docs;
} Totals;

/* score-graph's norm(): NFKC, casefold, no Arabic diacritics or tatweel, unified alef, yaa,
 * taa marbuta and keheh, separators as one space, a leading وال or ال dropped. */
static char *
norm (const char *s)
{
  UErrorCode status = U_ZERO_ERROR;
  gint32 n16 = 0;
  u_strFromUTF8 (NULL, 0, &n16, s, -1, &status);
  status = U_ZERO_ERROR;
  g_autofree UChar *in = g_new0 (UChar, n16 + 1);
  u_strFromUTF8 (in, n16 + 1, NULL, s, -1, &status);
  const UNormalizer2 *nfkc = unorm2_getNFKCInstance (&status);
  gint32 cap = n16 * 4 + 8;
  g_autofree UChar *nf = g_new0 (UChar, cap);
  gint32 nn = unorm2_normalize (nfkc, in, n16, nf, cap, &status);
  g_autofree UChar *folded = g_new0 (UChar, cap * 2);
  gint32 nfold = u_strFoldCase (folded, cap * 2, nf, nn, U_FOLD_CASE_DEFAULT, &status);
  g_assert_true (U_SUCCESS (status));
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  for (gint32 i = 0; i < nfold;)
    {
      UChar32 c;
      U16_NEXT (folded, i, nfold, c);
      if ((c >= 0x610 && c <= 0x61A) || (c >= 0x64B && c <= 0x65F) || c == 0x670
          || (c >= 0x6D6 && c <= 0x6ED) || c == 0x640)
        continue;
      if (c == 0x622 || c == 0x623 || c == 0x625 || c == 0x671)
        c = 0x627;
      else if (c == 0x649 || c == 0x6CC)
        c = 0x64A;
      else if (c == 0x629)
        c = 0x647;
      else if (c == 0x6A9)
        c = 0x643;
      if (g_unichar_isspace (c) || c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F
          || strchr ("-_.,()\"'", c < 128 ? (int) c : 1) || c == 0xAB || c == 0xBB)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  static const char *const prefixes[] = { "\u0648\u0627\u0644", "\u0627\u0644" };
  for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
    if (g_str_has_prefix (out->str, prefixes[p])
        && g_utf8_strlen (out->str, -1) > g_utf8_strlen (prefixes[p], -1) + 2)
      {
        g_string_erase (out, 0, strlen (prefixes[p]));
        break;
      }
  return g_string_free (out, FALSE);
}

static GPtrArray *
names_of (const char *name, GPtrArray *aliases)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (out, norm (name));
  for (guint i = 0; aliases && i < aliases->len; i++)
    g_ptr_array_add (out, norm (g_ptr_array_index (aliases, i)));
  return out;
}

static gboolean
same_class (RwbEntityType t, const char *gold)
{
  gboolean org = t == RWB_ENTITY_COMPANY || t == RWB_ENTITY_ORGANIZATION;
  if (g_str_equal (gold, "company") || g_str_equal (gold, "organization"))
    return org;
  return g_str_equal (rwb_entity_type_to_string (t), gold);
}

static void
score_one (RwbGraph *pred, JsonObject *gold, Totals *tot, const char *label)
{
  JsonArray *gents = json_object_get_array_member (gold, "entities");
  JsonArray *grels = json_object_get_array_member (gold, "relations");
  guint ng = json_array_get_length (gents);
  g_autoptr (GHashTable) gname = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < ng; i++)
    {
      JsonObject *g = json_array_get_object_element (gents, i);
      g_autoptr (GPtrArray) al = g_ptr_array_new ();
      JsonArray *ja = json_object_has_member (g, "aliases")
                        ? json_object_get_array_member (g, "aliases") : NULL;
      for (guint k = 0; ja && k < json_array_get_length (ja); k++)
        g_ptr_array_add (al, (gpointer) json_array_get_string_element (ja, k));
      g_autoptr (GPtrArray) ns = names_of (json_object_get_string_member (g, "name"), al);
      for (guint k = 0; k < ns->len; k++)
        if (*(char *) ns->pdata[k] && !g_hash_table_contains (gname, ns->pdata[k]))
          g_hash_table_insert (gname, g_strdup (ns->pdata[k]), GUINT_TO_POINTER (i + 1));
    }
  /* Predicted entity → gold index + 1 (0: no match). */
  g_autofree guint *p2g = g_new0 (guint, pred->entities->len + 1);
  g_autofree gint *matched = g_new0 (gint, ng);
  for (guint i = 0; i < ng; i++)
    matched[i] = -1;
  for (guint e = 0; e < pred->entities->len; e++)
    {
      RwbEntity *pe = g_ptr_array_index (pred->entities, e);
      g_autoptr (GPtrArray) ns = names_of (pe->name, pe->aliases);
      for (guint k = 0; k < ns->len && p2g[e] == 0; k++)
        p2g[e] = GPOINTER_TO_UINT (g_hash_table_lookup (gname, ns->pdata[k]));
      if (p2g[e] == 0)
        {
          tot->ent_fp++;
          g_test_message ("[%s] extra entity: %s", label, pe->name);
        }
      else if (matched[p2g[e] - 1] >= 0)
        tot->ent_dup++;
      else
        matched[p2g[e] - 1] = e;
    }
  for (guint i = 0; i < ng; i++)
    {
      JsonObject *g = json_array_get_object_element (gents, i);
      if (json_object_get_boolean_member_with_default (g, "optional", FALSE))
        continue;
      if (matched[i] >= 0)
        {
          tot->ent_tp++;
          RwbEntity *pe = g_ptr_array_index (pred->entities, matched[i]);
          if (same_class (pe->type, json_object_get_string_member (g, "type")))
            tot->ent_typed++;
        }
      else
        {
          tot->ent_fn++;
          g_test_message ("[%s] missed entity: %s", label, json_object_get_string_member (g, "name"));
        }
    }
  /* Relations: unordered pairs of matched entities; mention edges do not count. */
  g_autoptr (GHashTable) gidx = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < ng; i++)
    g_hash_table_insert (gidx, norm (json_object_get_string_member (
                                 json_array_get_object_element (gents, i), "name")),
                         GUINT_TO_POINTER (i + 1));
  guint nr = json_array_get_length (grels);
  g_autofree guint *ga = g_new0 (guint, nr), *gb = g_new0 (guint, nr);
  for (guint r = 0; r < nr; r++)
    {
      JsonObject *o = json_array_get_object_element (grels, r);
      g_autofree char *a = norm (json_object_get_string_member (o, "a"));
      g_autofree char *b = norm (json_object_get_string_member (o, "b"));
      ga[r] = GPOINTER_TO_UINT (g_hash_table_lookup (gidx, a));
      gb[r] = GPOINTER_TO_UINT (g_hash_table_lookup (gidx, b));
      g_assert_true (ga[r] && gb[r]); /* a gold file naming an unknown entity is broken */
    }
  /* Pair key "min,max" of gold indices → bit set of predicted types. */
  g_autoptr (GHashTable) ppairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < pred->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (pred->relations, i);
      if (r->type == RWB_RELATION_MENTION)
        continue;
      guint a = p2g[r->source], b = p2g[r->target];
      char *key = (a && b && a != b) ? g_strdup_printf ("%u,%u", MIN (a, b), MAX (a, b))
                                     : g_strdup_printf ("x%u,%u", r->source, r->target);
      guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (ppairs, key));
      g_hash_table_insert (ppairs, key, GUINT_TO_POINTER (bits | (1u << r->type)));
    }
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, ppairs);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      gint found = -1;
      for (guint r = 0; r < nr && found < 0; r++)
        {
          g_autofree char *k = g_strdup_printf ("%u,%u", MIN (ga[r], gb[r]), MAX (ga[r], gb[r]));
          if (g_str_equal (k, key))
            found = r;
        }
      if (found < 0)
        {
          tot->rel_fp++;
          g_test_message ("[%s] extra relation %s", label, (char *) key);
          continue;
        }
      JsonObject *o = json_array_get_object_element (grels, found);
      if (json_object_get_boolean_member_with_default (o, "optional", FALSE))
        continue;
      tot->rel_tp++;
      JsonArray *types = json_object_get_array_member (o, "types");
      for (guint t = 0; t < json_array_get_length (types); t++)
        {
          RwbRelationType rt;
          if (rwb_relation_type_from_string (json_array_get_string_element (types, t), &rt)
              && (GPOINTER_TO_UINT (value) & (1u << rt)))
            {
              tot->rel_typed++;
              break;
            }
        }
    }
  for (guint r = 0; r < nr; r++)
    {
      JsonObject *o = json_array_get_object_element (grels, r);
      g_autofree char *k = g_strdup_printf ("%u,%u", MIN (ga[r], gb[r]), MAX (ga[r], gb[r]));
      if (!json_object_get_boolean_member_with_default (o, "optional", FALSE)
          && !g_hash_table_contains (ppairs, k))
        {
          tot->rel_fn++;
          g_test_message ("[%s] missed relation: %s – %s", label,
                          json_object_get_string_member (o, "a"),
                          json_object_get_string_member (o, "b"));
        }
    }
  tot->docs++;
}

static double
f1 (guint tp, guint fp, guint fn)
{
  double p = tp + fp ? (double) tp / (tp + fp) : 0, r = tp + fn ? (double) tp / (tp + fn) : 0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void
score_dir (const char *dir, double min_ent, double min_rel, double min_typed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbLexicon) lex = rwb_lexicon_new_default (NULL, &error);
  g_assert_no_error (error);
  g_autoptr (GDir) d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  for (const char *name; (name = g_dir_read_name (d));)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (files, g_strdup (name));
  Totals tot = { 0 };
  for (guint i = 0; i < files->len; i++)
    {
      const char *name = g_ptr_array_index (files, i);
      g_autofree char *base = g_strndup (name, strlen (name) - 4);
      g_autofree char *txt = g_build_filename (dir, name, NULL);
      g_autofree char *gold_name = g_strconcat (base, ".gold.json", NULL);
      g_autofree char *gold_path = g_build_filename (dir, gold_name, NULL);
      if (!g_file_test (gold_path, G_FILE_TEST_EXISTS))
        continue;
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_assert_true (json_parser_load_from_file (parser, gold_path, &error));
      g_autoptr (RwbGraph) graph = rwb_graph_new ();
      g_autoptr (GFile) file = g_file_new_for_path (txt);
      g_assert_true (rwb_extract_file (lex, graph, file, NULL, NULL, &error));
      g_assert_no_error (error);
      score_one (graph, json_node_get_object (json_parser_get_root (parser)), &tot, name);
    }
  g_assert_cmpuint (tot.docs, >, 0);
  double ef = f1 (tot.ent_tp, tot.ent_fp + tot.ent_dup, tot.ent_fn);
  double rf = f1 (tot.rel_tp, tot.rel_fp, tot.rel_fn);
  double rt = tot.rel_tp ? (double) tot.rel_typed / tot.rel_tp : 0;
  g_test_message ("%u documents: entity_f1=%.3f relation_f1=%.3f relation_typed=%.3f", tot.docs,
                  ef, rf, rt);
  g_assert_cmpfloat (ef, >=, min_ent);
  g_assert_cmpfloat (rf, >=, min_rel);
  g_assert_cmpfloat (rt, >=, min_typed);
}

static void
test_norm (void)
{
  /* The scorer's own normalization, checked so a broken copy cannot pass everything. */
  g_autofree char *a = norm ("الشركة");
  g_autofree char *b = norm ("Great-Wall's");
  g_autofree char *c = norm ("أبل");
  g_assert_cmpstr (a, ==, "شركه");
  g_assert_cmpstr (b, ==, "great wall s");
  g_assert_cmpstr (c, ==, "ابل");
}

static void
test_own (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "corpus", NULL);
  /* Thresholds a little under the scores measured when the corpus was written. */
  score_dir (dir, OWN_MIN_ENTITY, OWN_MIN_RELATION, OWN_MIN_TYPED);
}

static void
test_dev (void)
{
  const char *shared = g_getenv ("RAWABIT_SHARED");
  g_autofree char *dir = shared ? g_build_filename (shared, "corpus", "dev", NULL) : NULL;
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/corpus/dev is not here");
      return;
    }
  /* A little under the scores measured on the whole dev set (tests/meson.build), so a
   * regression fails; raised as extraction improves. */
  score_dir (dir, DEV_MIN_ENTITY, DEV_MIN_RELATION, DEV_MIN_TYPED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/corpus/norm", test_norm);
  g_test_add_func ("/corpus/own", test_own);
  g_test_add_func ("/corpus/dev", test_dev);
  return g_test_run ();
}
