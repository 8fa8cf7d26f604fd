/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-text.c — article loading and ICU segmentation. The Arabic matching form, readings,
 * script runs and transliteration are in rwb-text-forms.c. */
#define G_LOG_DOMAIN "rawabit-text"

#include "rwb-text.h"
#include "rwb-text-private.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

G_DEFINE_QUARK (rwb-text-error-quark, rwb_text_error)

/**
 * rwb_text_validate:
 * Accepts only non-empty, NUL-free, valid UTF-8; the error names the first bad byte.
 */
gboolean
rwb_text_validate (const char *data, gsize length, GError **error)
{
  const char *end = NULL;

  if (!g_utf8_validate_len (data, length, &end))
    {
      gsize offset = end - data;
      /* A NUL byte anywhere means binary data, not a bad encoding: a PNG's first byte (0x89)
       * is invalid UTF-8, its NUL bytes come a few bytes later. */
      const char *nul = memchr (data, '\0', length);
      if (nul != NULL)
        {
          offset = nul - data;
          g_set_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_BINARY,
                       _("This is a binary file, not text (byte %lu is a NUL byte)"),
                       (gulong) offset);
          return FALSE;
        }
      g_set_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_INVALID_UTF8,
                   _("The text is not valid UTF-8: byte %lu (0x%02X) is not part of a UTF-8 "
                     "character"), (gulong) offset, (guint) (guchar) data[offset]);
      return FALSE;
    }
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return TRUE;
  g_set_error_literal (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_EMPTY,
                       _("The file is empty: there is no text to read"));
  return FALSE;
}

/**
 * rwb_text_load_file:
 * Loads and validates an article, refusing files larger than RWB_TEXT_MAX_BYTES up front.
 */
char *
rwb_text_load_file (GFile *file, GCancellable *cancellable, GError **error)
{
  return rwb_text_load_file_full (file, RWB_TEXT_LOAD_DEFAULT, cancellable, error);
}

/**
 * rwb_text_load_file_full:
 * rwb_text_load_file, optionally replacing invalid UTF-8 with U+FFFD.
 */
char *
rwb_text_load_file_full (GFile *file, RwbTextLoadFlags flags, GCancellable *cancellable,
                         GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                  G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                  G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not an article"));
      return NULL;
    }
  goffset size = g_file_info_get_size (info);
  if (size > RWB_TEXT_MAX_BYTES)
    {
      g_set_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_TOO_LARGE,
                   _("The file is too large (%lld MB); the limit for one article is %d MB"),
                   (long long) (size / (1024 * 1024)), RWB_TEXT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  char *contents = NULL;
  gsize length = 0;
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  if (length > RWB_TEXT_MAX_BYTES)
    {
      g_free (contents);
      g_set_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_TOO_LARGE,
                   _("The file is too large; the limit for one article is %d MB"),
                   RWB_TEXT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  /* NUL bytes mean binary data: replacing them would open a picture as a page of U+FFFD. */
  if ((flags & RWB_TEXT_LOAD_REPLACE_INVALID) && memchr (contents, '\0', length) == NULL
      && !g_utf8_validate_len (contents, length, NULL))
    {
      char *valid = g_utf8_make_valid (contents, length);
      g_free (contents);
      contents = valid;
      length = strlen (valid);
    }
  if (!rwb_text_validate (contents, length, error))
    {
      g_free (contents);
      return NULL;
    }
  return contents;
}

/**
 * rwb_text_cp_count:
 * Counts the code points in the first @bytes bytes of valid UTF-8 @text.
 */
guint
rwb_text_cp_count (const char *text, gsize bytes)
{
  guint n = 0;
  for (gsize i = 0; i < bytes; i++)
    if (((guchar) text[i] & 0xC0) != 0x80)
      n++;
  return n;
}

/* g_utf8_get_char for the one- and two-byte characters that make up nearly all news text,
 * inline; longer sequences go to GLib. */
static inline gunichar
get_char (const char *p)
{
  guchar b = (guchar) p[0];
  if (b < 0x80)
    return b;
  if ((b & 0xE0) == 0xC0)
    return ((gunichar) (b & 0x1F) << 6) | ((guchar) p[1] & 0x3F);
  return g_utf8_get_char (p);
}

static gboolean
is_sentence_terminator (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x061F /* ؟ */ || c == 0x06D4 /* ۔ */;
}

static void
push_trimmed (GArray *spans, const char *text, gsize bstart, gsize bend, guint cp_start)
{
  /* Trim white space (and bidi marks) on both ends; code points are counted as we go. */
  while (bstart < bend)
    {
      gunichar c = g_utf8_get_char (text + bstart);
      if (!g_unichar_isspace (c) && !is_bidi_or_joiner (c) && c != 0xFEFF)
        break;
      bstart = g_utf8_next_char (text + bstart) - text;
      cp_start++;
    }
  while (bend > bstart)
    {
      const char *prev = g_utf8_find_prev_char (text + bstart, text + bend);
      gunichar c = g_utf8_get_char (prev);
      if (!g_unichar_isspace (c) && !is_bidi_or_joiner (c) && c != 0xFEFF)
        break;
      bend = prev - text;
    }
  if (bend <= bstart)
    return;
  RwbTextSpan span = { cp_start, cp_start + rwb_text_cp_count (text + bstart, bend - bstart),
                       bstart, bend };
  g_array_append_val (spans, span);
}

/* The letters of the word that ends right before @i (backwards) or starts right after the
 * character at @i (forwards), at most 6 counted, and the character past them. */
static guint
letter_run (const char *text, gsize bstart, gsize bend, gsize i, gboolean forwards,
            gunichar *beyond)
{
  guint n = 0;
  *beyond = 0;
  const char *p = text + i;
  while (n <= 6)
    {
      if (forwards)
        {
          p = g_utf8_next_char (p);
          if (p >= text + bend)
            return n;
        }
      else
        {
          if (p <= text + bstart)
            return n;
          p = g_utf8_find_prev_char (text + bstart, p);
        }
      gunichar c = get_char (p);
      if (!is_arabic_letter (c))
        {
          *beyond = c;
          return n;
        }
      n++;
    }
  return n;
}

/* A stop inside an acronym spelled in Arabic letter names, "كيو.إل.تي": short words on both
 * sides and another stop right before or after them. */
static gboolean
in_arabic_acronym (const char *text, gsize bstart, gsize bend, gsize i)
{
  gunichar before, after;
  guint a = letter_run (text, bstart, bend, i, FALSE, &before);
  guint b = letter_run (text, bstart, bend, i, TRUE, &after);
  return a >= 2 && a <= 5 && b >= 2 && b <= 5 && (before == '.' || after == '.');
}

/* ICU does not break "الذكي.وتجري" (no space after the stop). Split a sentence wherever a
 * terminator sits between two letters and the next is Arabic, or a lower-case Latin letter
 * precedes and an upper-case one follows ("plan.The"); digits ("1.11"), abbreviations
 * ("U.S.", "كيو.إل.تي") and domain names ("JD.com") stay whole. */
static void
split_glued (GArray *spans, const char *text, gsize bstart, gsize bend, guint cp_start)
{
  gsize seg = bstart;
  guint seg_cp = cp_start, cp = cp_start;
  gunichar prev = 0;
  for (gsize i = bstart; i < bend; i = g_utf8_next_char (text + i) - text, cp++)
    {
      gunichar c = get_char (text + i);
      if (is_sentence_terminator (c) && i + 1 < bend)
        {
          const char *nx = g_utf8_next_char (text + i);
          gunichar next = get_char (nx);
          gboolean arabic = is_arabic_letter (next)
                            && (is_arabic_letter (prev) || g_unichar_isalpha (prev))
                            && !(c == '.' && in_arabic_acronym (text, bstart, bend, i));
          gboolean latin = g_unichar_islower (prev) && g_unichar_isupper (next);
          if (arabic || latin)
            {
              gsize cut = nx - text;
              push_trimmed (spans, text, seg, cut, seg_cp);
              seg = cut;
              seg_cp = cp + 1;
            }
        }
      prev = c;
    }
  push_trimmed (spans, text, seg, bend, seg_cp);
}

static gboolean
icu_failed (UErrorCode status, const char *what, GError **error)
{
  if (U_SUCCESS (status))
    return FALSE;
  g_set_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_ICU, _("ICU %s failed: %s"), what,
               u_errorName (status));
  return TRUE;
}

/* A stretch of text in UTF-16 for ICU, with the byte and code-point offset of every UTF-16
 * unit, so ICU's boundaries map straight back to the UTF-8 text. */
typedef struct {
  UChar *u16;
  gsize *byte_at;       /* n16 + 1 entries */
  guint *cp_at;         /* n16 + 1 entries */
  gint32 n16;
  gsize cap;
} Para;

static void
para_clear (Para *p)
{
  g_free (p->u16);
  g_free (p->byte_at);
  g_free (p->cp_at);
}

static void
para_load (Para *p, const char *text, gsize bstart, gsize bend, guint cp)
{
  /* At most one UTF-16 unit per byte of UTF-8. */
  gsize need = bend - bstart + 1;
  if (need > p->cap)
    {
      p->cap = MAX (need, 2 * p->cap);
      p->u16 = g_renew (UChar, p->u16, p->cap);
      p->byte_at = g_renew (gsize, p->byte_at, p->cap);
      p->cp_at = g_renew (guint, p->cp_at, p->cap);
    }
  gint32 n = 0;
  for (gsize i = bstart; i < bend; cp++)
    {
      gsize at = i;
      gunichar c = get_char (text + i);
      i = g_utf8_next_char (text + i) - text;
      if (c < 0x10000)
        {
          p->u16[n] = (UChar) c;
          p->byte_at[n] = at, p->cp_at[n] = cp, n++;
        }
      else
        {
          p->u16[n] = (UChar) (0xD7C0 + (c >> 10));
          p->byte_at[n] = at, p->cp_at[n] = cp, n++;
          p->u16[n] = (UChar) (0xDC00 | (c & 0x3FF));
          p->byte_at[n] = at, p->cp_at[n] = cp, n++;
        }
    }
  p->byte_at[n] = bend;
  p->cp_at[n] = cp;
  p->n16 = n;
}

/* ICU keeps "وAnhui" (Arabic و glued to a Latin name) as one word; split such words where
 * the script changes, so the Latin name stands alone. */
static void
split_scripts (GArray *words, const char *text, gsize bstart, gsize bend, guint cp)
{
  gsize seg = bstart;
  guint seg_cp = cp;
  int prev_script = 0; /* 0 none, 1 Arabic, 2 Latin */
  for (gsize i = bstart; i < bend; i = g_utf8_next_char (text + i) - text, cp++)
    {
      gunichar c = get_char (text + i);
      int script = is_arabic_letter (c) ? 1 : (c < 0x250 && g_unichar_isalpha (c)) ? 2 : 0;
      if (script && prev_script && script != prev_script)
        {
          RwbTextSpan span = { seg_cp, cp, seg, i };
          g_array_append_val (words, span);
          seg = i;
          seg_cp = cp;
        }
      if (script)
        prev_script = script;
    }
  RwbTextSpan span = { seg_cp, cp, seg, bend };
  g_array_append_val (words, span);
}

static gboolean
para_words (Para *p, gint32 s16, gint32 e16, UBreakIterator *bi, const char *text,
            GArray *words, GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText (bi, p->u16 + s16, e16 - s16, &status);
  if (icu_failed (status, "word segmentation", error))
    return FALSE;
  gint32 start = ubrk_first (bi);
  for (gint32 end = ubrk_next (bi); end != UBRK_DONE; start = end, end = ubrk_next (bi))
    {
      UChar c = p->u16[s16 + start];
      if (g_unichar_isspace (c) || is_bidi_or_joiner (c) || c == 0x200B || c == 0xFEFF)
        continue;
      /* A mark that closes an embedding ("Volvo\u202c") is part of the segment ICU gives,
       * not of the word: the word's offsets leave it out. */
      gint32 stop = end;
      while (stop > start + 1 && (is_bidi_or_joiner (p->u16[s16 + stop - 1])
                                  || p->u16[s16 + stop - 1] == 0x200B
                                  || p->u16[s16 + stop - 1] == 0xFEFF))
        stop--;
      split_scripts (words, text, p->byte_at[s16 + start], p->byte_at[s16 + stop],
                     p->cp_at[s16 + start]);
    }
  return TRUE;
}

/* Opening an ICU break iterator loads and builds its rules: far more work than breaking one
 * sentence. Each thread keeps one word iterator and points it at new text. */
static void
close_break_iterator (gpointer bi)
{
  ubrk_close (bi);
}

static GPrivate word_iterator = G_PRIVATE_INIT (close_break_iterator);

static UBreakIterator *
thread_word_iterator (UErrorCode *status)
{
  UBreakIterator *bi = g_private_get (&word_iterator);
  if (bi == NULL)
    {
      bi = ubrk_open (UBRK_WORD, "ar", NULL, 0, status);
      if (U_FAILURE (*status))
        return NULL;
      g_private_set (&word_iterator, bi);
    }
  return bi;
}

struct _RwbSegmenter {
  const char *text;
  gsize length;
  gsize next;            /* byte offset of the next paragraph */
  guint next_cp;
  Para para;             /* the current paragraph */
  UBreakIterator *sentences;
  GArray *pending;       /* sentences of the current paragraph not yet returned */
  guint pending_pos;
  RwbTextSpan current;
};

/**
 * rwb_segmenter_new:
 * A segmenter over @text (borrowed; must outlive it).
 */
RwbSegmenter *
rwb_segmenter_new (const char *text, gsize length)
{
  g_return_val_if_fail (text != NULL, NULL);
  RwbSegmenter *seg = g_new0 (RwbSegmenter, 1);
  seg->text = text;
  seg->length = length;
  seg->pending = g_array_new (FALSE, FALSE, sizeof (RwbTextSpan));
  return seg;
}

/**
 * rwb_segmenter_free:
 * Frees the segmenter.
 */
void
rwb_segmenter_free (RwbSegmenter *seg)
{
  if (seg == NULL)
    return;
  if (seg->sentences)
    ubrk_close (seg->sentences);
  para_clear (&seg->para);
  g_array_unref (seg->pending);
  g_free (seg);
}

/* Loads the next paragraph and queues its sentences. ICU always ends a sentence at a line
 * break, so paragraphs can be segmented one at a time: memory follows the longest paragraph,
 * not the text. */
static gboolean
next_paragraph (RwbSegmenter *seg, GError **error)
{
  const char *nl = memchr (seg->text + seg->next, '\n', seg->length - seg->next);
  gsize end = nl ? (gsize) (nl - seg->text) + 1 : seg->length;
  para_load (&seg->para, seg->text, seg->next, end, seg->next_cp);
  seg->next_cp = seg->para.cp_at[seg->para.n16];
  seg->next = end;
  g_array_set_size (seg->pending, 0);
  seg->pending_pos = 0;

  UErrorCode status = U_ZERO_ERROR;
  if (seg->sentences == NULL)
    seg->sentences = ubrk_open (UBRK_SENTENCE, "ar", NULL, 0, &status);
  if (U_SUCCESS (status))
    ubrk_setText (seg->sentences, seg->para.u16, seg->para.n16, &status);
  if (icu_failed (status, "sentence segmentation", error))
    return FALSE;
  gint32 start = ubrk_first (seg->sentences);
  gsize pb = seg->para.byte_at[0], pe = seg->para.byte_at[seg->para.n16];
  for (gint32 e = ubrk_next (seg->sentences); e != UBRK_DONE; e = ubrk_next (seg->sentences))
    {
      /* ICU ends a sentence at every stop before an Arabic letter, also inside "كيو.إل.تي". */
      gsize eb = seg->para.byte_at[e];
      if (e < (gint32) seg->para.n16 && eb > pb && seg->text[eb - 1] == '.'
          && in_arabic_acronym (seg->text, pb, pe, eb - 1))
        continue;
      split_glued (seg->pending, seg->text, seg->para.byte_at[start], eb, seg->para.cp_at[start]);
      start = e;
    }
  return TRUE;
}

/**
 * rwb_segmenter_next:
 * The next sentence of the text; FALSE at the end or on error.
 */
gboolean
rwb_segmenter_next (RwbSegmenter *seg, RwbTextSpan *sentence, GError **error)
{
  g_return_val_if_fail (seg != NULL && sentence != NULL, FALSE);
  while (seg->pending_pos >= seg->pending->len)
    {
      if (seg->next >= seg->length)
        return FALSE;
      if (!next_paragraph (seg, error))
        return FALSE;
    }
  seg->current = g_array_index (seg->pending, RwbTextSpan, seg->pending_pos++);
  *sentence = seg->current;
  return TRUE;
}

/* UTF-16 index in the current paragraph of a byte offset in it. */
static gint32
para_index (const Para *p, gsize byte)
{
  gint32 lo = 0, hi = p->n16;
  while (lo < hi)
    {
      gint32 mid = (lo + hi) / 2;
      if (p->byte_at[mid] < byte)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * rwb_segmenter_words:
 * Words of the sentence last returned, appended to @words after clearing it.
 */
gboolean
rwb_segmenter_words (RwbSegmenter *seg, GArray *words, GError **error)
{
  g_return_val_if_fail (seg != NULL && words != NULL, FALSE);
  g_array_set_size (words, 0);
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *bi = thread_word_iterator (&status);
  if (icu_failed (status, "word segmentation", error))
    return FALSE;
  return para_words (&seg->para, para_index (&seg->para, seg->current.bstart),
                     para_index (&seg->para, seg->current.bend), bi, seg->text, words, error);
}

/**
 * rwb_text_sentences:
 * Splits @text into sentences with ICU, then splits sentences glued by a full stop.
 */
GArray *
rwb_text_sentences (const char *text, gsize length, GError **error)
{
  g_return_val_if_fail (text != NULL, NULL);
  RwbSegmenter *seg = rwb_segmenter_new (text, length);
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (RwbTextSpan));
  RwbTextSpan span;
  GError *local = NULL;
  while (rwb_segmenter_next (seg, &span, &local))
    g_array_append_val (spans, span);
  rwb_segmenter_free (seg);
  if (local)
    {
      g_propagate_error (error, local);
      g_array_unref (spans);
      return NULL;
    }
  return spans;
}

/**
 * rwb_text_words:
 * Splits a byte range into words, numbers and punctuation marks (no spaces) with ICU.
 */
GArray *
rwb_text_words (const char *text, gsize bstart, gsize bend, guint cp_start, GError **error)
{
  g_return_val_if_fail (text != NULL && bstart <= bend, NULL);
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *bi = thread_word_iterator (&status);
  if (icu_failed (status, "word segmentation", error))
    return NULL;
  Para p = { 0 };
  para_load (&p, text, bstart, bend, cp_start);
  GArray *words = g_array_new (FALSE, FALSE, sizeof (RwbTextSpan));
  gboolean ok = para_words (&p, 0, p.n16, bi, text, words, error);
  para_clear (&p);
  if (!ok)
    g_clear_pointer (&words, g_array_unref);
  return words;
}
