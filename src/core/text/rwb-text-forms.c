/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-text-forms.c — the Arabic matching form (and its keys), the readings of a word with its
 * clitics, script runs, a guess at the language, and transliteration to Latin. */
#define G_LOG_DOMAIN "rawabit-text"

#include "rwb-text.h"
#include "rwb-text-private.h"

#include <string.h>
#include <unicode/uscript.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

static gboolean
is_arabic_mark (gunichar c)
{
  return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670
         || (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640 /* tatweel */;
}

/* Arabic presentation forms (ligatures and positional shapes, U+FB50–FDFF, U+FE70–FEFC) and
 * full-width forms (U+FF01–FF5E) are compatibility characters: only NFKC turns them into the
 * letters the lexicon is written in. */
static gboolean
is_compat_form (gunichar c)
{
  return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC)
         || (c >= 0xFF01 && c <= 0xFF5E);
}

/* 0: the word is already in its normal form; 1: it needs NFC; 2: it needs NFKC. */
static int
needs_nfc (const char *word, gssize length)
{
  const char *end = word + length;
  int need = 0;
  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_compat_form (c))
        return 2;
      /* Plain ASCII and Arabic letters are already NFC; marks that compose with them
       * (U+0653–0655 maddah/hamza above/below, Latin combining marks) are not. */
      if ((c >= 0x0300 && c < 0x0370) || (c >= 0x0653 && c <= 0x0655) || c >= 0x1E00)
        need = 1;
    }
  return need;
}

static char *
icu_nfc (const char *word, gssize length, gboolean compat)
{
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = compat ? unorm2_getNFKCInstance (&status)
                                   : unorm2_getNFCInstance (&status);
  gint32 n16 = 0;
  u_strFromUTF8 (NULL, 0, &n16, word, length, &status);
  status = U_ZERO_ERROR;
  g_autofree UChar *in = g_new (UChar, n16 + 1);
  u_strFromUTF8 (in, n16 + 1, NULL, word, length, &status);
  g_autofree UChar *out = g_new (UChar, 2 * n16 + 4);
  gint32 nout = unorm2_normalize (nfc, in, n16, out, 2 * n16 + 4, &status);
  if (U_FAILURE (status))
    return g_strndup (word, length);
  gint32 n8 = 0;
  u_strToUTF8 (NULL, 0, &n8, out, nout, &status);
  status = U_ZERO_ERROR;
  char *result = g_malloc (n8 + 1);
  u_strToUTF8 (result, n8 + 1, NULL, out, nout, &status);
  return result;
}

/* Folds one Latin letter with a diacritic to its base letter (é → e) through its canonical
 * decomposition, so "Nestlé" and "Nestle" match. */
static gunichar
latin_base (gunichar c)
{
  if (c < 0xC0 || c > 0x24F)
    return c;
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfd = unorm2_getNFDInstance (&status);
  UChar buf[8];
  gint32 n = unorm2_getRawDecomposition (nfd, c, buf, G_N_ELEMENTS (buf), &status);
  if (U_SUCCESS (status) && n > 0 && buf[0] < 0x80)
    return buf[0];
  return c;
}

/**
 * rwb_text_match_form_append:
 * Appends the matching form of @word to @out.
 */
void
rwb_text_match_form_append (const char *word, gssize length, GString *out)
{
  g_return_if_fail (word != NULL && out != NULL);
  if (length < 0)
    length = strlen (word);
  int need = needs_nfc (word, length);
  g_autofree char *nfc = need ? icu_nfc (word, length, need == 2) : NULL;
  const char *src = nfc ? nfc : word;
  const char *end = nfc ? nfc + strlen (nfc) : word + length;
  gsize start = out->len;
  for (const char *p = src; p < end;)
    {
      /* ASCII, the bulk of Latin text: fold case in place. */
      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          p++;
          continue;
        }
      gunichar c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if (is_arabic_mark (c) || is_bidi_or_joiner (c) || c == 0x200B || c == 0xFEFF
          || c == 0x00AD)
        continue;
      switch (c)
        {
        case 0x0622: case 0x0623: case 0x0625: case 0x0671:
          c = 0x0627;
          break;
        case 0x0649: case 0x06CC:
          c = 0x064A;
          break;
        case 0x0629:
          c = 0x0647;
          break;
        case 0x06A9:
          c = 0x0643;
          break;
        case 0x2019: case 0x2018:
          c = '\'';
          break;
        default:
          if (c < 0x0600)
            c = latin_base (u_foldCase (c, U_FOLD_CASE_DEFAULT));
          break;
        }
      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else if (c < 0x800)
        {
          /* Two-byte UTF-8 (Arabic, accented Latin): written directly, it is the hot path. */
          char two[2] = { (char) (0xC0 | (c >> 6)), (char) (0x80 | (c & 0x3F)) };
          g_string_append_len (out, two, 2);
        }
      else
        g_string_append_unichar (out, c);
    }
  /* English possessive: "Wall's" matches "Wall". */
  gsize n = out->len - start;
  if (n > 2 && out->str[out->len - 2] == '\'' && out->str[out->len - 1] == 's')
    g_string_truncate (out, out->len - 2);
  else if (n > 1 && out->str[out->len - 1] == '\'')
    g_string_truncate (out, out->len - 1);
}

/**
 * rwb_text_match_form:
 * The form words are compared in: NFC, Latin casefolded without accents or a possessive 's,
 * Arabic without diacritics, tatweel or bidi marks and with unified alef/yaa/taa marbuta.
 */
char *
rwb_text_match_form (const char *word, gssize length)
{
  g_return_val_if_fail (word != NULL, NULL);
  GString *out = g_string_sized_new (length > 0 ? length : 16);
  rwb_text_match_form_append (word, length, out);
  return g_string_free (out, FALSE);
}

#define AR_ALEF_LAM "\xd8\xa7\xd9\x84" /* ال */

/**
 * rwb_text_key_start:
 * Where the key form of @match_form starts, without copying.
 */
const char *
rwb_text_key_start (const char *match_form)
{
  g_return_val_if_fail (match_form != NULL, NULL);
  const char *rest = match_form + strlen (AR_ALEF_LAM);
  /* Two Arabic letters are four bytes. */
  if (g_str_has_prefix (match_form, AR_ALEF_LAM) && strlen (rest) >= 4
      && g_utf8_strlen (rest, -1) >= 2)
    return rest;
  return match_form;
}

/**
 * rwb_text_key_form:
 * Drops a leading ال when at least two letters remain.
 */
char *
rwb_text_key_form (const char *match_form)
{
  g_return_val_if_fail (match_form != NULL, NULL);
  if (g_str_has_prefix (match_form, AR_ALEF_LAM)
      && g_utf8_strlen (match_form + strlen (AR_ALEF_LAM), -1) >= 2)
    return g_strdup (match_form + strlen (AR_ALEF_LAM));
  return g_strdup (match_form);
}

#define AR_WAW "\xd9\x88"
#define AR_FA "\xd9\x81"
#define AR_BA "\xd8\xa8"
#define AR_LAM "\xd9\x84"
#define AR_KAF "\xd9\x83"
#define AR_SIN "\xd8\xb3"

static gboolean
starts_with_letter (const char *s, const char *letter)
{
  return s[0] == letter[0] && s[1] == letter[1];
}

static void
add_reading (RwbReading *out, guint *n, guint max, const char *article, const char *rest,
             guint stripped)
{
  /* Arabic letters are two bytes in UTF-8: fewer than two letters left is no word. */
  if (*n >= max || strlen (rest) < 4)
    return;
  for (guint i = 0; i < *n; i++)
    if (out[i].rest == rest && out[i].article == article)
      return;
  out[(*n)++] = (RwbReading) { article, rest, stripped };
}

/**
 * rwb_text_arabic_readings:
 * Clitic-free readings of a word as pointers into it, least stripped first.
 */
guint
rwb_text_arabic_readings (const char *match_form, RwbReading *out, guint max)
{
  g_return_val_if_fail (match_form != NULL && out != NULL && max > 0, 0);
  static const char *const conj[] = { "", AR_WAW, AR_FA };
  static const char *const prep[] = { "", AR_BA, AR_LAM, AR_KAF };
  /* The future prefix س before an imperfect verb: "ستتعاون" is س + "تتعاون". */
  static const char *const imperfect[] = { "\xd9\x8a" /* ي */, "\xd8\xaa" /* ت */,
                                           "\xd9\x86" /* ن */, "\xd8\xa7" /* ا */ };
  guint n = 0;
  out[n++] = (RwbReading) { NULL, match_form, 0 };

  /* Only words starting with a clitic letter have other readings; most words stop here. */
  const char *p = match_form;
  if (!(starts_with_letter (p, AR_WAW) || starts_with_letter (p, AR_FA)
        || starts_with_letter (p, AR_BA) || starts_with_letter (p, AR_LAM)
        || starts_with_letter (p, AR_KAF) || starts_with_letter (p, AR_SIN)))
    return n;
  for (guint c = 0; c < G_N_ELEMENTS (conj); c++)
    {
      const char *after_conj = match_form;
      if (*conj[c])
        {
          if (!starts_with_letter (after_conj, conj[c]))
            continue;
          after_conj += 2;
        }
      for (guint v = 0; v < G_N_ELEMENTS (prep); v++)
        {
          const char *rest = after_conj;
          if (*prep[v])
            {
              if (!starts_with_letter (rest, prep[v]))
                continue;
              rest += 2;
            }
          guint stripped = (guint) (rest - match_form) / 2;
          if (stripped == 0)
            continue;
          add_reading (out, &n, max, NULL, rest, stripped);
          /* ل before the article loses the article's alef: "للصين" is ل + الصين. */
          if (v == 2 && starts_with_letter (rest, AR_LAM))
            add_reading (out, &n, max, AR_ALEF_LAM, rest + 2, stripped);
        }
      if (starts_with_letter (after_conj, AR_SIN))
        for (guint v = 0; v < G_N_ELEMENTS (imperfect); v++)
          if (starts_with_letter (after_conj + 2, imperfect[v])
              && g_utf8_strlen (after_conj + 2, -1) >= 4)
            add_reading (out, &n, max, NULL, after_conj + 2,
                         (guint) (after_conj + 2 - match_form) / 2);
    }
  return n;
}

/**
 * rwb_text_arabic_clitic_splits:
 * Forms the word may stand for without its proclitics, least stripped first.
 */
char **
rwb_text_arabic_clitic_splits (const char *match_form, guint **prefix_lengths)
{
  g_return_val_if_fail (match_form != NULL, NULL);
  RwbReading readings[16];
  guint n = rwb_text_arabic_readings (match_form, readings, G_N_ELEMENTS (readings));
  char **out = g_new0 (char *, n + 1);
  if (prefix_lengths)
    *prefix_lengths = g_new0 (guint, n);
  for (guint i = 0; i < n; i++)
    {
      out[i] = g_strconcat (readings[i].article ? readings[i].article : "", readings[i].rest,
                            NULL);
      if (prefix_lengths)
        (*prefix_lengths)[i] = readings[i].stripped;
    }
  return out;
}

/**
 * rwb_text_script_runs:
 * Splits @text into runs of one script; neutral characters join the run around them.
 */
GArray *
rwb_text_script_runs (const char *text, gsize length)
{
  g_return_val_if_fail (text != NULL, NULL);
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (RwbScriptRun));
  RwbScriptRun cur = { { 0, 0, 0, 0 }, USCRIPT_COMMON };
  guint cp = 0;
  for (gsize i = 0; i < length; i = g_utf8_next_char (text + i) - text, cp++)
    {
      UErrorCode status = U_ZERO_ERROR;
      int script = uscript_getScript (g_utf8_get_char (text + i), &status);
      gboolean neutral = U_FAILURE (status) || script == USCRIPT_COMMON
                         || script == USCRIPT_INHERITED;
      if (neutral || script == cur.script)
        continue;
      if (cur.script != USCRIPT_COMMON)
        {
          cur.span.end = cp, cur.span.bend = i;
          g_array_append_val (runs, cur);
          cur.span.start = cp, cur.span.bstart = i;
        }
      cur.script = script;
    }
  cur.span.end = cp, cur.span.bend = length;
  if (length > 0)
    g_array_append_val (runs, cur);
  return runs;
}

/**
 * rwb_text_guess_language:
 * "ar" when Arabic letters outnumber Latin ones, else "en".
 */
const char *
rwb_text_guess_language (const char *text, gsize length)
{
  gsize arabic = 0, latin = 0;
  const char *end = text + length;
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_arabic_letter (c))
        arabic++;
      else if (g_ascii_isalpha (c))
        latin++;
    }
  return arabic > latin ? "ar" : "en";
}

static UTransliterator *
open_transliterator (void)
{
  UErrorCode status = U_ZERO_ERROR;
  UChar id[64];
  u_uastrcpy (id, "Arabic-Latin; Latin-ASCII");
  UTransliterator *t = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_FAILURE (status))
    {
      g_warning ("ICU transliterator unavailable: %s", u_errorName (status));
      return NULL;
    }
  return t;
}

/**
 * rwb_text_transliterate:
 * Latin label for an Arabic name (ICU Arabic-Latin; Latin-ASCII), title-cased.
 */
char *
rwb_text_transliterate (const char *arabic)
{
  g_return_val_if_fail (arabic != NULL, NULL);
  static GMutex lock;
  static UTransliterator *trans;
  static gboolean tried;

  g_autofree char *clean = rwb_text_match_form (arabic, -1);
  UErrorCode status = U_ZERO_ERROR;
  gint32 len = 0;
  u_strFromUTF8 (NULL, 0, &len, clean, -1, &status);
  status = U_ZERO_ERROR;
  gint32 cap = len * 4 + 16;
  g_autofree UChar *buf = g_new0 (UChar, cap);
  u_strFromUTF8 (buf, cap, NULL, clean, -1, &status);
  gint32 limit = len;

  /* utrans objects are not thread-safe; one shared instance behind a lock is enough for the
   * few unknown names an article has. */
  g_mutex_lock (&lock);
  if (!tried)
    {
      trans = open_transliterator ();
      tried = TRUE;
    }
  if (trans)
    utrans_transUChars (trans, buf, &len, cap, 0, &limit, &status);
  g_mutex_unlock (&lock);
  if (trans == NULL || U_FAILURE (status))
    return g_strdup (arabic);

  gint32 n8 = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8 (NULL, 0, &n8, buf, len, &status);
  status = U_ZERO_ERROR;
  g_autofree char *latin = g_malloc (n8 + 1);
  u_strToUTF8 (latin, n8 + 1, NULL, buf, len, &status);

  /* Arabic writes long vowels with و and ي, which ICU renders as w and y: read them as u and
   * i where they stand after a consonant and before a consonant or the end ("hwawy" →
   * "Huawi"), which is closer to how such names are spelled in Latin. */
  for (char *p = latin; *p; p++)
    {
      if (*p != 'w' && *p != 'y')
        continue;
      gboolean after_consonant = p > latin && g_ascii_isalpha (p[-1])
                                 && !strchr ("aeiouwy", p[-1]);
      gboolean before_consonant = !g_ascii_isalpha (p[1]) || !strchr ("aeiouwy", p[1]);
      if (after_consonant && before_consonant)
        *p = *p == 'w' ? 'u' : 'i';
    }
  GString *out = g_string_new (NULL);
  gboolean word_start = TRUE;
  for (const char *p = latin; *p; p++)
    {
      char ch = *p;
      if (ch == '\'' || ch == '`')
        continue;
      if (g_ascii_isalpha (ch))
        {
          g_string_append_c (out, word_start ? g_ascii_toupper (ch) : ch);
          word_start = FALSE;
        }
      else
        {
          g_string_append_c (out, ch);
          word_start = g_ascii_isspace (ch) || ch == '-';
        }
    }
  return g_string_free (out, FALSE);
}
