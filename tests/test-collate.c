/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for rwb-collate: ICU order of Arabic and Latin names, and search keys that find a name
 * by any of its spelling variants. */
#include "rwb-collate.h"

#include <string.h>

static RwbCollator *
open_collator (const char *locale, RwbCollateStrength strength)
{
  g_autoptr (GError) error = NULL;
  RwbCollator *collator = rwb_collator_new (locale, strength, &error);

  g_assert_no_error (error);
  g_assert_nonnull (collator);
  return collator;
}

/* Sorts @names with the collator's sort keys, as the entity list does. */
static int
compare_keys (gconstpointer a, gconstpointer b, gpointer data)
{
  RwbCollator *collator = data;
  g_autofree char *ka = rwb_collator_sort_key (collator, *(const char *const *) a);
  g_autofree char *kb = rwb_collator_sort_key (collator, *(const char *const *) b);

  return strcmp (ka, kb);
}

static void
test_arabic_order (void)
{
  g_autoptr (RwbCollator) ar = open_collator ("ar", RWB_COLLATE_TERTIARY);
  g_autoptr (RwbCollator) latin_first = open_collator ("ar@colReorder=latn-arab",
                                                       RWB_COLLATE_TERTIARY);
  const char *names[] = { "يوتا", "بايدو", "إنتل", "ابل", "هواوي", "أبل", "جيلي", "آبل" };
  const char *expected[] = { "آبل", "أبل", "ابل", "إنتل", "بايدو", "جيلي", "هواوي", "يوتا" };
  RwbCollator *collators[] = { ar, latin_first };

  /* Alef with hamza is a kind of alef: before baa. */
  g_assert_cmpint (rwb_collator_compare (ar, "أبل", "بايدو"), <, 0);
  g_assert_cmpint (rwb_collator_compare (latin_first, "أبل", "بايدو"), <, 0);
  /* All alef forms are one letter, so the second letter decides: ب before ن. Byte order
   * (and ICU's root collation) put إ (U+0625) before ا (U+0627) instead. */
  g_assert_cmpint (strcmp ("إنتل", "ابل"), <, 0);
  g_assert_cmpint (rwb_collator_compare (ar, "ابل", "إنتل"), <, 0);
  g_assert_cmpint (rwb_collator_compare (latin_first, "ابل", "إنتل"), <, 0);

  for (guint c = 0; c < G_N_ELEMENTS (collators); c++)
    {
      const char *sorted[G_N_ELEMENTS (names)];

      memcpy (sorted, names, sizeof names);
      g_qsort_with_data (sorted, G_N_ELEMENTS (sorted), sizeof sorted[0], compare_keys,
                         collators[c]);
      for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
        g_assert_cmpstr (sorted[i], ==, expected[i]);
    }

  /* Which script comes first is the locale's choice. */
  g_assert_cmpint (rwb_collator_compare (ar, "بايدو", "Apple"), <, 0);
  g_assert_cmpint (rwb_collator_compare (latin_first, "Apple", "بايدو"), <, 0);
  g_assert_cmpint (rwb_collator_compare (latin_first, "Zoom", "آبل"), <, 0);
}

static void
test_latin_order (void)
{
  g_autoptr (RwbCollator) primary = open_collator (rwb_collate_default_locale (),
                                                   RWB_COLLATE_PRIMARY);
  g_autoptr (RwbCollator) tertiary = open_collator (rwb_collate_default_locale (),
                                                    RWB_COLLATE_TERTIARY);
  g_autofree char *k1 = NULL, *k2 = NULL;

  /* Case does not separate names at primary strength… */
  g_assert_cmpint (rwb_collator_compare (primary, "Apple", "apple"), ==, 0);
  g_assert_cmpint (rwb_collator_compare (primary, "Ábc", "abc"), ==, 0);
  /* …and at tertiary strength only breaks the tie: both still sort before "Baidu". */
  g_assert_cmpint (rwb_collator_compare (tertiary, "Apple", "apple"), !=, 0);
  g_assert_cmpint (rwb_collator_compare (tertiary, "apple", "Baidu"), <, 0);
  g_assert_cmpint (rwb_collator_compare (tertiary, "Apple", "baidu"), <, 0);
  /* Byte order would put "Zoom" before "apple". */
  g_assert_cmpint (rwb_collator_compare (tertiary, "apple", "Zoom"), <, 0);
  /* Numbers by value. */
  g_assert_cmpint (rwb_collator_compare (tertiary, "Model 9", "Model 10"), <, 0);

  /* Sort keys order as compare() does. */
  k1 = rwb_collator_sort_key (tertiary, "apple");
  k2 = rwb_collator_sort_key (tertiary, "Zoom");
  g_assert_cmpint (strcmp (k1, k2), <, 0);
  g_clear_pointer (&k1, g_free);
  g_clear_pointer (&k2, g_free);
  k1 = rwb_collator_sort_key (primary, "Apple");
  k2 = rwb_collator_sort_key (primary, "apple");
  g_assert_cmpstr (k1, ==, k2);
}

static void
assert_key (const char *text, const char *expected)
{
  g_autofree char *key = rwb_collate_search_key (text);

  g_assert_cmpstr (key, ==, expected);
}

static void
test_search_key (void)
{
  /* Alef maqsura and yaa, taa marbuta and haa, hamza on alef, diacritics, tatweel. */
  assert_key ("شاومى", "شاومي");
  assert_key ("شاومي", "شاومي");
  assert_key ("أبل", "ابل");
  assert_key ("شـاومِي", "شاومي");
  assert_key ("وكالة رويترز", "وكاله رويترز");
  /* The article goes, word by word. */
  assert_key ("الصين", "صين");
  assert_key ("الأمم المتحدة", "امم متحده");
  /* Latin: case and accents fold, punctuation separates, spaces collapse. */
  assert_key ("Great  Wall", "great wall");
  assert_key ("GREAT-WALL", "great wall");
  assert_key ("Nestlé", "nestle");
  assert_key ("  ", "");
  /* A bidi mark inside a word does not split it. */
  assert_key ("شاو\u200fمي", "شاومي");
}

static void
test_search_match (void)
{
  g_autofree char *xiaomi = rwb_collate_search_key ("شاومي");
  g_autofree char *great_wall = rwb_collate_search_key ("Great Wall Motor");
  g_autofree char *q = NULL;

  q = rwb_collate_search_key ("شاومى");
  g_assert_cmpint (rwb_collate_search_match (xiaomi, q), ==, RWB_SEARCH_MATCH_EXACT);
  g_clear_pointer (&q, g_free);

  q = rwb_collate_search_key ("wall");
  g_assert_cmpint (rwb_collate_search_match (great_wall, q), ==, RWB_SEARCH_MATCH_WORD_PREFIX);
  g_clear_pointer (&q, g_free);

  q = rwb_collate_search_key ("GREAT W");
  g_assert_cmpint (rwb_collate_search_match (great_wall, q), ==, RWB_SEARCH_MATCH_WORD_PREFIX);
  g_clear_pointer (&q, g_free);

  q = rwb_collate_search_key ("otor");
  g_assert_cmpint (rwb_collate_search_match (great_wall, q), ==, RWB_SEARCH_MATCH_SUBSTRING);
  g_clear_pointer (&q, g_free);

  q = rwb_collate_search_key ("apple");
  g_assert_cmpint (rwb_collate_search_match (great_wall, q), ==, RWB_SEARCH_MATCH_NONE);
  g_clear_pointer (&q, g_free);

  /* Nothing typed finds nothing, not everything. */
  g_assert_cmpint (rwb_collate_search_match (great_wall, ""), ==, RWB_SEARCH_MATCH_NONE);
}

static void
test_query_keys (void)
{
  g_auto (GStrv) keys = rwb_collate_query_keys ("لشاومى");
  g_auto (GStrv) baidu = rwb_collate_query_keys ("بايدو");
  g_auto (GStrv) china = rwb_collate_query_keys ("والصين");
  g_auto (GStrv) empty = rwb_collate_query_keys (" ؟ ");

  /* The query as typed first, then without its clitic. */
  g_assert_cmpstr (keys[0], ==, "لشاومي");
  g_assert_true (g_strv_contains ((const char *const *) keys, "شاومي"));

  /* A name that starts with a clitic letter is looked for whole first. */
  g_assert_cmpstr (baidu[0], ==, "بايدو");

  /* و + ال: the conjunction off, and the article with it. */
  g_assert_true (g_strv_contains ((const char *const *) china, "صين"));

  g_assert_null (empty[0]);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/collate/arabic-order", test_arabic_order);
  g_test_add_func ("/collate/latin-order", test_latin_order);
  g_test_add_func ("/collate/search-key", test_search_key);
  g_test_add_func ("/collate/search-match", test_search_match);
  g_test_add_func ("/collate/query-keys", test_query_keys);
  return g_test_run ();
}
