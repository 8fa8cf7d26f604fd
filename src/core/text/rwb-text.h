/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-text.h — loading articles, ICU segmentation and the Arabic matching form.
 *
 * Every derived form keeps a map back to code-point offsets of the original text, so mentions
 * and evidence always point at what the user loaded.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RWB_TEXT_ERROR (rwb_text_error_quark ())
typedef enum {
  RWB_TEXT_ERROR_INVALID_UTF8,
  RWB_TEXT_ERROR_BINARY,
  RWB_TEXT_ERROR_EMPTY,
  RWB_TEXT_ERROR_TOO_LARGE,
  RWB_TEXT_ERROR_ICU,
} RwbTextError;

/* Largest article accepted, in bytes. */
#define RWB_TEXT_MAX_BYTES (64 * 1024 * 1024)

/* A segment of text: code-point offsets and the matching byte offsets. */
typedef struct {
  guint start, end;      /* code points, end exclusive */
  gsize bstart, bend;    /* bytes, end exclusive */
} RwbTextSpan;

GQuark    rwb_text_error_quark        (void);

/* Checks that @data is text we can read: valid UTF-8 (the error names the byte offset of the
 * first bad byte), no NUL bytes, not empty. */
gboolean  rwb_text_validate           (const char *data, gsize length, GError **error);
/* Reads and validates an article. The text is kept exactly as in the file (a byte order mark
 * included), so offsets count the file's own characters. Files over RWB_TEXT_MAX_BYTES are
 * refused before they are read. */
char     *rwb_text_load_file          (GFile *file, GCancellable *cancellable, GError **error);

/* How rwb_text_load_file_full treats what is not valid text. */
typedef enum {
  RWB_TEXT_LOAD_DEFAULT = 0,
  /* Each byte that is not part of a valid UTF-8 character becomes U+FFFD (as
   * g_utf8_make_valid does); a file with NUL bytes is still refused as binary. */
  RWB_TEXT_LOAD_REPLACE_INVALID = 1 << 0,
} RwbTextLoadFlags;

/* rwb_text_load_file with @flags: RWB_TEXT_LOAD_REPLACE_INVALID opens a file in a broken or
 * mixed encoding with replacement characters instead of refusing it. */
char     *rwb_text_load_file_full     (GFile *file, RwbTextLoadFlags flags,
                                       GCancellable *cancellable, GError **error);

/* Sentences of @text (ICU sentence break iterator, plus a split wherever a full stop or other
 * terminator is glued to the next sentence's first letter, as in "الذكي.وتجري"). Leading and
 * trailing white space is trimmed from each span. Returns RwbTextSpan array. */
GArray   *rwb_text_sentences          (const char *text, gsize length, GError **error);

/* Walks a text sentence by sentence, paragraph by paragraph: each paragraph is converted
 * once to UTF-16 and shared by ICU's sentence and word iterators, so memory follows the
 * longest paragraph, not the text. */
typedef struct _RwbSegmenter RwbSegmenter;

RwbSegmenter *rwb_segmenter_new       (const char *text, gsize length);
void          rwb_segmenter_free      (RwbSegmenter *seg);
/* The next sentence (as rwb_text_sentences gives them); FALSE at the end or on an ICU error. */
gboolean      rwb_segmenter_next      (RwbSegmenter *seg, RwbTextSpan *sentence, GError **error);
/* Words of the sentence last returned (as rwb_text_words gives them), into @words. */
gboolean      rwb_segmenter_words     (RwbSegmenter *seg, GArray *words, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbSegmenter, rwb_segmenter_free)

/* Words of @text between @bstart and @bend (ICU word break iterator), each punctuation mark a
 * word of its own, spaces dropped, and words split where Arabic and Latin letters meet
 * ("وAnhui"). Returns RwbTextSpan array; @cp_start is the code-point offset of @bstart. */
GArray   *rwb_text_words              (const char *text, gsize bstart, gsize bend,
                                       guint cp_start, GError **error);

/* NFC and the matching form of one word: Latin casefolded; Arabic without diacritics, tatweel
 * and bidi marks, alef variants → ا, ى → ي, ة → ه. Clitics are NOT removed (see
 * rwb_text_arabic_clitic_splits). */
char     *rwb_text_match_form         (const char *word, gssize length);

/* The lookup key of a word in matching form: a leading Arabic article ال is dropped when at
 * least two letters remain, so "الصين" and "صين" share the key. Returns a new string. */
char     *rwb_text_key_form           (const char *match_form);

/* Forms an Arabic word in matching form may stand for once clitics are removed, least stripped
 * first, as a NULL-terminated string array: the word itself, then the word without the
 * conjunctions و ف, the prepositions ب ل ك and their combinations (وب، فل، ولل = و + ل + ال …)
 * and the future prefix س before an imperfect verb (ستتعاون), never leaving fewer than two
 * letters; the article ال stays (see rwb_text_key_form). Trying
 * them in order keeps names that start with those letters (بايدو, لي) whole. If @prefix_lengths
 * is not NULL it receives, per form, how many letters were stripped (freed with g_free). */
char    **rwb_text_arabic_clitic_splits (const char *match_form, guint **prefix_lengths);

/* One reading of an Arabic word without its clitics, as pointers into the word: the form is
 * @article (NULL, or "ال" restored after ل, as in للصين) followed by @rest. */
typedef struct {
  const char *article;
  const char *rest;
  guint stripped;        /* letters of clitics removed */
} RwbReading;

/* The same readings as rwb_text_arabic_clitic_splits without allocating: fills up to @max
 * entries of @out and returns how many. The extractor calls it for every word. */
guint     rwb_text_arabic_readings    (const char *match_form, RwbReading *out, guint max);

/* Appends the matching form of @word (see rwb_text_match_form) to @out. */
void      rwb_text_match_form_append  (const char *word, gssize length, GString *out);

/* Pointer into @match_form where its key form starts (past a leading ال when at least two
 * letters remain): the key form of rwb_text_key_form without a copy. */
const char *rwb_text_key_start        (const char *match_form);

/* A run of one script: Arabic, Latin, or other (digits, punctuation and spaces join the run
 * they stand in). Offsets in code points and bytes. */
typedef struct {
  RwbTextSpan span;
  int script;            /* ICU UScriptCode: USCRIPT_ARABIC, USCRIPT_LATIN, USCRIPT_COMMON … */
} RwbScriptRun;

/* Script runs of @text (ICU uscript_getScript per character). */
GArray   *rwb_text_script_runs        (const char *text, gsize length);

/* Whether the text is mostly Arabic script; returns "ar" or "en". */
const char *rwb_text_guess_language   (const char *text, gsize length);

/* Latin transliteration of an Arabic name (ICU Arabic-Latin, then simplified to ASCII-ish
 * letters and title case), for entities with no known Latin name. */
char     *rwb_text_transliterate      (const char *arabic);

/* Number of code points in @text up to byte @bytes. */
guint     rwb_text_cp_count           (const char *text, gsize bytes);

G_END_DECLS
