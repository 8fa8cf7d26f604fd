/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for rwb-text: validation, ICU segmentation, matching form, clitics. */
#include "rwb-text.h"

#include <unicode/uscript.h>

#include <string.h>

static void
test_validate (void)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (rwb_text_validate ("شاومي", strlen ("شاومي"), NULL));

  const char bad[] = "abc\xff\xfe tail";
  g_assert_false (rwb_text_validate (bad, sizeof bad - 1, &error));
  g_assert_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte 3"));
  g_clear_error (&error);

  const char bin[] = "PNG\0\0\x01";
  g_assert_false (rwb_text_validate (bin, sizeof bin - 1, &error));
  g_assert_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_BINARY);
  g_clear_error (&error);

  g_assert_false (rwb_text_validate (" \n\t ", 4, &error));
  g_assert_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_EMPTY);
}

static GPtrArray *
sentences_of (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) spans = rwb_text_sentences (text, strlen (text), &error);
  g_assert_no_error (error);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < spans->len; i++)
    {
      RwbTextSpan *s = &g_array_index (spans, RwbTextSpan, i);
      /* Code-point offsets and byte offsets must describe the same text. */
      g_autofree char *by_cp = g_utf8_substring (text, s->start, s->end);
      g_autofree char *by_byte = g_strndup (text + s->bstart, s->bend - s->bstart);
      g_assert_cmpstr (by_cp, ==, by_byte);
      g_ptr_array_add (out, g_steal_pointer (&by_byte));
    }
  return out;
}

static void
test_sentences_glued (void)
{
  /* Arabic sentences glued by a full stop with no space, as news sites often publish them. */
  g_autoptr (GPtrArray) s = sentences_of ("تنضم إلى السباق الذكي.وتجري الشركة محادثات. "
                                          "وباعت 1.11 مليون سيارة.");
  g_assert_cmpuint (s->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (s, 0), ==, "تنضم إلى السباق الذكي.");
  g_assert_cmpstr (g_ptr_array_index (s, 1), ==, "وتجري الشركة محادثات.");
  g_assert_cmpstr (g_ptr_array_index (s, 2), ==, "وباعت 1.11 مليون سيارة.");
}

/* An Arabic acronym spelled in letter names with full stops (كيو.إل.تي، إيه.بي.سي) is one word:
 * its stops end no sentence, while a stop after an ordinary short word still does. */
static void
test_sentences_arabic_acronym (void)
{
  g_autoptr (GPtrArray) s = sentences_of ("تعاقدت شركة إف.جي.إل للنقل مع الميناء. وقال "
                                          "مدير الشركة إن العقد كبير.وبدأ العمل أمس.");
  g_assert_cmpuint (s->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (s, 0), ==, "تعاقدت شركة إف.جي.إل للنقل مع الميناء.");
  g_assert_cmpstr (g_ptr_array_index (s, 1), ==, "وقال مدير الشركة إن العقد كبير.");
}

static void
test_sentences_english (void)
{
  g_autoptr (GPtrArray) s = sentences_of ("Shares of JD.com rose 2.5% in the U.S. market on "
                                          "Friday.Xiaomi declined to comment. Why?\nHeadline");
  g_assert_cmpuint (s->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (s, 1), ==, "Xiaomi declined to comment.");
  g_assert_cmpstr (g_ptr_array_index (s, 3), ==, "Headline");
}

static void
test_words (void)
{
  const char *text = "قال (لي جون) Lei Jun، مؤسس";
  g_autoptr (GArray) w = rwb_text_words (text, 0, strlen (text), 0, NULL);
  g_autoptr (GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < w->len; i++)
    {
      RwbTextSpan *s = &g_array_index (w, RwbTextSpan, i);
      g_ptr_array_add (forms, g_strndup (text + s->bstart, s->bend - s->bstart));
    }
  g_assert_cmpuint (forms->len, ==, 9);
  g_assert_cmpstr (g_ptr_array_index (forms, 1), ==, "(");
  g_assert_cmpstr (g_ptr_array_index (forms, 2), ==, "لي");
  g_assert_cmpstr (g_ptr_array_index (forms, 5), ==, "Lei");
  RwbTextSpan *lei = &g_array_index (w, RwbTextSpan, 5);
  g_assert_cmpuint (lei->start, ==, 13);
  g_assert_cmpuint (lei->end, ==, 16);
}

static void
test_match_form (void)
{
  struct { const char *in, *out; } cases[] = {
    { "آبل", "ابل" },
    { "أبل", "ابل" },
    { "إمارات", "امارات" },
    { "مصنعًا", "مصنعا" },
    { "شـــاومي", "شاومي" },
    { "الصينيّة", "الصينيه" },
    { "مستشفى", "مستشفي" },
    { "\u200fهواوي\u200e", "هواوي" },
    { "Nestlé", "nestle" },
    { "WALL's", "wall" },
    { "Great", "great" },
    /* NFC: alef + combining hamza above is the same letter as أ. */
    { "\u0627\u0654بل", "ابل" },
    /* Embeddings, overrides and isolates are stripped like the marks. */
    { "\u202bهواوي\u202c", "هواوي" },
    { "\u2067شاومي\u2069", "شاومي" },
    { "\u202eابل\u202d", "ابل" },
    /* NFKC: presentation forms (isolated/final/initial shapes, the لا ligature). */
    { "\ufee9\ufeee\ufe8d\ufeed\ufef1", "هواوي" },
    { "\ufefbعب", "لاعب" },
    { "\uff21\uff22\uff23", "abc" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *form = rwb_text_match_form (cases[i].in, -1);
      g_assert_cmpstr (form, ==, cases[i].out);
    }
}

static gboolean
splits_contain (const char *word, const char *want)
{
  g_autofree char *form = rwb_text_match_form (word, -1);
  g_auto (GStrv) splits = rwb_text_arabic_clitic_splits (form, NULL);
  for (guint i = 0; splits[i]; i++)
    {
      g_autofree char *key = rwb_text_key_form (splits[i]);
      if (g_str_equal (key, want))
        return TRUE;
    }
  return FALSE;
}

static void
test_clitics (void)
{
  g_assert_true (splits_contain ("والصين", "صين"));
  g_assert_true (splits_contain ("بالصين", "صين"));
  g_assert_true (splits_contain ("للصين", "صين"));
  g_assert_true (splits_contain ("وبالشراكة", "شراكه"));
  g_assert_true (splits_contain ("لشركة", "شركه"));
  g_assert_true (splits_contain ("وهواوي", "هواوي"));
  /* Names starting with clitic letters stay whole as the first candidate. */
  g_autofree char *form = rwb_text_match_form ("بايدو", -1);
  g_auto (GStrv) splits = rwb_text_arabic_clitic_splits (form, NULL);
  g_assert_cmpstr (splits[0], ==, "بايدو");
  g_autofree char *lee = rwb_text_match_form ("لي", -1);
  g_auto (GStrv) s2 = rwb_text_arabic_clitic_splits (lee, NULL);
  g_assert_cmpstr (s2[0], ==, "لي");
  g_assert_null (s2[1]); /* nothing of fewer than two letters */
}

static void
test_language_and_translit (void)
{
  g_assert_cmpstr (rwb_text_guess_language ("تخطط شركة شاومي Great Wall", 40), ==, "ar");
  g_assert_cmpstr (rwb_text_guess_language ("Xiaomi plans", 12), ==, "en");
  g_autofree char *t = rwb_text_transliterate ("بايدو");
  g_assert_true (g_ascii_isupper (t[0]));
  g_assert_true (g_str_is_ascii (t));
  g_assert_cmpuint (strlen (t), >=, 4);
}

static void
test_script_runs (void)
{
  const char *text = "تخطط شركة Great Wall، 2023 لصنع";
  g_autoptr (GArray) runs = rwb_text_script_runs (text, strlen (text));
  g_assert_cmpuint (runs->len, ==, 3);
  RwbScriptRun *latin = &g_array_index (runs, RwbScriptRun, 1);
  g_assert_cmpint (latin->script, ==, USCRIPT_LATIN);
  g_autofree char *latin_text = g_strndup (text + latin->span.bstart,
                                           latin->span.bend - latin->span.bstart);
  g_assert_true (g_str_has_prefix (latin_text, "Great Wall"));
  g_assert_cmpint (g_array_index (runs, RwbScriptRun, 2).script, ==, USCRIPT_ARABIC);
  g_assert_cmpuint (g_array_index (runs, RwbScriptRun, 2).span.end, ==, g_utf8_strlen (text, -1));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/validate", test_validate);
  g_test_add_func ("/text/sentences/glued", test_sentences_glued);
  g_test_add_func ("/text/sentences/english", test_sentences_english);
  g_test_add_func ("/text/sentences/arabic-acronym", test_sentences_arabic_acronym);
  g_test_add_func ("/text/words", test_words);
  g_test_add_func ("/text/match-form", test_match_form);
  g_test_add_func ("/text/clitics", test_clitics);
  g_test_add_func ("/text/language-translit", test_language_and_translit);
  g_test_add_func ("/text/script-runs", test_script_runs);
  return g_test_run ();
}
