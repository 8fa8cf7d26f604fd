/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-collate.c — ICU collation for sorting names, and search keys in the matching form. */
#define G_LOG_DOMAIN "rawabit-collate"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "rwb-collate.h"
#include "rwb-text.h"

struct _RwbCollator
{
  UCollator *collator;
};

/**
 * rwb_collator_new:
 * @locale: an ICU locale ("ar", "ar@colReorder=latn-arab", …; "" for the root collation)
 * @strength: what may break a tie between two names
 * @error: return location for an error
 *
 * Opens an ICU collator for sorting names. Numbers inside names compare by value ("Model 9"
 * before "Model 10"), because product and fund names carry them. Fails (RWB_TEXT_ERROR_ICU)
 * only when ICU's data is missing.
 *
 * Returns: (transfer full): the collator, or %NULL
 */
RwbCollator *
rwb_collator_new (const char *locale, RwbCollateStrength strength, GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollator *collator;
  RwbCollator *self;

  g_return_val_if_fail (locale != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  collator = ucol_open (locale, &status);
  if (U_FAILURE (status))
    {
      g_set_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_ICU,
                   _("Could not open the collation for “%s”: %s"), locale, u_errorName (status));
      return NULL;
    }

  ucol_setStrength (collator, strength == RWB_COLLATE_PRIMARY ? UCOL_PRIMARY : UCOL_TERTIARY);
  ucol_setAttribute (collator, UCOL_NUMERIC_COLLATION, UCOL_ON, &status);
  /* A failed attribute only loses numeric order; the collator still sorts. */
  if (U_FAILURE (status))
    g_debug ("numeric collation unavailable: %s", u_errorName (status));

  self = g_new0 (RwbCollator, 1);
  self->collator = collator;
  return self;
}

/**
 * rwb_collator_free:
 * @collator: (nullable): a collator
 *
 * Closes the collator.
 */
void
rwb_collator_free (RwbCollator *collator)
{
  if (collator == NULL)
    return;
  ucol_close (collator->collator);
  g_free (collator);
}

/**
 * rwb_collator_compare:
 * @collator: a collator
 * @a: UTF-8 text
 * @b: UTF-8 text
 *
 * Compares two names in the collator's order.
 *
 * Returns: negative, zero or positive as @a sorts before, with or after @b
 */
int
rwb_collator_compare (RwbCollator *collator, const char *a, const char *b)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult result;

  g_return_val_if_fail (collator != NULL, 0);
  g_return_val_if_fail (a != NULL && b != NULL, 0);

  result = ucol_strcollUTF8 (collator->collator, a, -1, b, -1, &status);
  /* Only invalid UTF-8 fails here; byte order still gives a stable answer. */
  if (U_FAILURE (status))
    return strcmp (a, b);
  return result == UCOL_LESS ? -1 : result == UCOL_GREATER ? 1 : 0;
}

/**
 * rwb_collator_sort_key:
 * @collator: a collator
 * @text: UTF-8 text
 *
 * The ICU sort key of @text: two keys compared with strcmp() order as
 * rwb_collator_compare() orders their texts. A list sorts thousands of names many times (each
 * click on a column header), so it computes every key once and compares bytes after that.
 *
 * Returns: (transfer full): a NUL-terminated key, not readable text
 */
char *
rwb_collator_sort_key (RwbCollator *collator, const char *text)
{
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *utf16 = NULL;
  int32_t n16 = 0;
  int32_t size;
  guint8 *key;

  g_return_val_if_fail (collator != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  u_strFromUTF8 (NULL, 0, &n16, text, -1, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return g_strdup (text);
  status = U_ZERO_ERROR;
  utf16 = g_new (UChar, n16 + 1);
  u_strFromUTF8 (utf16, n16 + 1, NULL, text, -1, &status);
  if (U_FAILURE (status))
    return g_strdup (text);

  /* The key ends in a NUL and has none inside, so it is a C string. */
  size = ucol_getSortKey (collator->collator, utf16, n16, NULL, 0);
  key = g_malloc (MAX (size, 1));
  key[0] = 0;
  ucol_getSortKey (collator->collator, utf16, n16, key, size);
  return (char *) key;
}

/**
 * rwb_collate_default_locale:
 *
 * The collation locale for names. Always Arabic rules, because ICU's root collation gives
 * each alef form (آ أ إ ا) a letter of its own and so sorts إنتل before ابل; the Arabic
 * tailoring treats them as one letter, as readers do. Arabic names sort first when the
 * interface is in Arabic and after Latin ones otherwise (ICU's colReorder keyword).
 *
 * Returns: (transfer none): an ICU locale for rwb_collator_new()
 */
const char *
rwb_collate_default_locale (void)
{
  const char *const *languages = g_get_language_names ();

  if (languages[0] != NULL && g_str_has_prefix (languages[0], "ar"))
    return "ar";
  return "ar@colReorder=latn-arab";
}

/* Format characters (bidi marks, joiners) sit inside words; they are dropped, not split at. */
static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/**
 * rwb_collate_search_key:
 * @text: a name, an alias or a query, UTF-8
 *
 * The form in which names are searched: its words in the matching form extraction uses
 * (rwb_text_match_form: Latin case-folded and without accents, Arabic without diacritics and
 * tatweel, alef/yaa/taa marbuta unified), each without a leading article ال
 * (rwb_text_key_start), joined by single spaces. Punctuation separates words.
 *
 * Returns: (transfer full): the key, "" when @text has no letters or digits
 */
char *
rwb_collate_search_key (const char *text)
{
  GString *out;
  GString *word;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  word = g_string_new (NULL);
  for (p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c != 0 && is_word_char (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (c != 0 && g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;

      if (word->len > 0)
        {
          g_autofree char *form = rwb_text_match_form (word->str, word->len);

          if (*form != '\0')
            {
              if (out->len > 0)
                g_string_append_c (out, ' ');
              g_string_append (out, rwb_text_key_start (form));
            }
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  return g_string_free (out, FALSE);
}

/* The first word of @text in matching form. */
static char *
first_word_match_form (const char *text)
{
  const char *start = text;
  const char *end;

  while (*start != '\0' && !is_word_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  for (end = start; *end != '\0'; end = g_utf8_next_char (end))
    {
      gunichar c = g_utf8_get_char (end);

      if (!is_word_char (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        break;
    }
  return rwb_text_match_form (start, end - start);
}

/**
 * rwb_collate_query_keys:
 * @query: what the user typed
 *
 * Keys to look for, best first: the query's own search key (rwb_collate_search_key), then the
 * same key with Arabic clitics taken off its first word (rwb_text_arabic_readings: "لشاومي"
 * also looks for "شاومي"), for a caller that finds nothing with the first key. Readings come
 * second so that a name that starts with those letters (بايدو) is found whole first.
 *
 * Returns: (transfer full): a %NULL-terminated array of distinct non-empty keys, possibly
 *   empty
 */
char **
rwb_collate_query_keys (const char *query)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_autofree char *key = NULL;
  const char *space;
  g_autofree char *first = NULL;
  RwbReading readings[16];
  guint n;

  g_return_val_if_fail (query != NULL, NULL);

  key = rwb_collate_search_key (query);
  if (*key == '\0')
    {
      g_ptr_array_add (keys, NULL);
      return (char **) g_ptr_array_steal (keys, NULL);
    }
  g_ptr_array_add (keys, g_strdup (key));

  /* Readings need the first word as written, article included (the key dropped it). */
  space = strchr (key, ' ');
  first = first_word_match_form (query);

  n = rwb_text_arabic_readings (first, readings, G_N_ELEMENTS (readings));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *word = g_strconcat (readings[i].article ? readings[i].article : "",
                                           readings[i].rest, NULL);
      g_autofree char *alternative = NULL;
      gboolean seen = FALSE;

      if (readings[i].stripped == 0)
        continue;
      alternative = g_strconcat (rwb_text_key_start (word), space ? space : "", NULL);
      for (guint j = 0; j < keys->len; j++)
        seen |= strcmp (g_ptr_array_index (keys, j), alternative) == 0;
      if (!seen && *alternative != '\0')
        g_ptr_array_add (keys, g_steal_pointer (&alternative));
    }

  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_steal (keys, NULL);
}

/**
 * rwb_collate_search_match:
 * @key: the search key of a name (rwb_collate_search_key)
 * @query_key: the search key of the query
 *
 * How @query_key occurs in @key. An empty query matches nothing: it would select every name.
 *
 * Returns: the best kind of match, or %RWB_SEARCH_MATCH_NONE
 */
RwbSearchMatch
rwb_collate_search_match (const char *key, const char *query_key)
{
  const char *hit;
  RwbSearchMatch best = RWB_SEARCH_MATCH_NONE;

  g_return_val_if_fail (key != NULL && query_key != NULL, RWB_SEARCH_MATCH_NONE);

  if (*query_key == '\0')
    return RWB_SEARCH_MATCH_NONE;
  if (strcmp (key, query_key) == 0)
    return RWB_SEARCH_MATCH_EXACT;

  for (hit = strstr (key, query_key); hit != NULL; hit = strstr (hit + 1, query_key))
    {
      if (hit == key || hit[-1] == ' ')
        return RWB_SEARCH_MATCH_WORD_PREFIX;
      best = RWB_SEARCH_MATCH_SUBSTRING;
    }
  return best;
}
