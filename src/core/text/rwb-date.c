/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-date.c — datelines in Arabic and English, Gregorian and Hijri. */
#define G_LOG_DOMAIN "rawabit-text"

#include "rwb-date.h"

#include "rwb-text.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucal.h>

/* Month names in the matching form (rwb_text_match_form: alef, yaa and taa marbuta unified,
 * Latin lower case), each with its month number. */
static const struct {
  const char *name;
  guint month;
} gregorian_months[] = {
  { "january", 1 }, { "jan", 1 }, { "يناير", 1 }, { "جانفي", 1 }, { "كانون الثاني", 1 },
  { "february", 2 }, { "feb", 2 }, { "فبراير", 2 }, { "فيفري", 2 }, { "شباط", 2 },
  { "march", 3 }, { "mar", 3 }, { "مارس", 3 }, { "اذار", 3 },
  { "april", 4 }, { "apr", 4 }, { "ابريل", 4 }, { "افريل", 4 }, { "نيسان", 4 },
  { "may", 5 }, { "مايو", 5 }, { "ماي", 5 }, { "ايار", 5 },
  { "june", 6 }, { "jun", 6 }, { "يونيو", 6 }, { "يونيه", 6 }, { "جوان", 6 },
  { "حزيران", 6 },
  { "july", 7 }, { "jul", 7 }, { "يوليو", 7 }, { "يوليه", 7 }, { "جويليه", 7 }, { "تموز", 7 },
  { "august", 8 }, { "aug", 8 }, { "اغسطس", 8 }, { "اوت", 8 }, { "اب", 8 },
  { "september", 9 }, { "sept", 9 }, { "sep", 9 }, { "سبتمبر", 9 }, { "ايلول", 9 },
  { "october", 10 }, { "oct", 10 }, { "اكتوبر", 10 }, { "تشرين الاول", 10 },
  { "november", 11 }, { "nov", 11 }, { "نوفمبر", 11 }, { "تشرين الثاني", 11 },
  { "december", 12 }, { "dec", 12 }, { "ديسمبر", 12 }, { "كانون الاول", 12 },
};

static const struct {
  const char *name;
  guint month;
} hijri_months[] = {
  { "محرم", 1 }, { "صفر", 2 }, { "ربيع الاول", 3 }, { "ربيع الاخر", 4 }, { "ربيع الثاني", 4 },
  { "جمادي الاولي", 5 }, { "جمادي الاول", 5 }, { "جمادي الاخره", 6 }, { "جمادي الاخر", 6 },
  { "جمادي الثانيه", 6 }, { "رجب", 7 }, { "شعبان", 8 }, { "رمضان", 9 }, { "شوال", 10 },
  { "ذو القعده", 11 }, { "ذي القعده", 11 }, { "ذو الحجه", 12 }, { "ذي الحجه", 12 },
};

typedef struct {
  GRegex *day_month_year;   /* 18 March 2024, 18 آذار/مارس 2024 */
  GRegex *month_day_year;   /* March 18, 2024 */
  GRegex *iso;              /* 2024-03-18, 2024/03/18 */
  GRegex *numeric;          /* 18/03/2024, 18.03.2024 */
  GRegex *hijri;            /* 8 رمضان 1445 هـ */
  GHashTable *months;       /* name → month */
  GHashTable *hijri_names;  /* name → month */
} Patterns;

/* A name as a regex alternative: spaces inside it match any run of white space. */
static void
append_alternative (GString *re, const char *name)
{
  if (re->len > 0 && re->str[re->len - 1] != '(')
    g_string_append_c (re, '|');
  g_auto (GStrv) words = g_strsplit (name, " ", -1);
  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (words[i], -1);
      if (i > 0)
        g_string_append (re, "\\s+");
      g_string_append (re, escaped);
    }
}

#define NOT_AFTER_WORD "(?<![\\p{L}\\p{N}])"
#define NOT_BEFORE_WORD "(?![\\p{L}\\p{N}])"

static GRegex *
compile (const char *pattern)
{
  g_autoptr (GError) error = NULL;
  /* No G_REGEX_OPTIMIZE: JIT compiling is not worth it for 3 kB an article. */
  GRegex *re = g_regex_new (pattern, 0, 0, &error);
  if (re == NULL)
    g_error ("date pattern does not compile: %s", error->message);
  return re;
}

static const Patterns *
patterns (void)
{
  static Patterns *p;
  static gsize ready;
  if (g_once_init_enter (&ready))
    {
      Patterns *n = g_new0 (Patterns, 1);
      n->months = g_hash_table_new (g_str_hash, g_str_equal);
      n->hijri_names = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (GString) names = g_string_new ("(");
      /* Longer names first, so "مايو" is not read as "ماي". */
      for (guint len = 14; len > 0; len--)
        for (guint i = 0; i < G_N_ELEMENTS (gregorian_months); i++)
          if (g_utf8_strlen (gregorian_months[i].name, -1) == len)
            append_alternative (names, gregorian_months[i].name);
      g_string_append_c (names, ')');
      for (guint i = 0; i < G_N_ELEMENTS (gregorian_months); i++)
        g_hash_table_insert (n->months, (gpointer) gregorian_months[i].name,
                             GUINT_TO_POINTER (gregorian_months[i].month));
      g_autoptr (GString) hnames = g_string_new ("(");
      for (guint len = 14; len > 0; len--)
        for (guint i = 0; i < G_N_ELEMENTS (hijri_months); i++)
          if (g_utf8_strlen (hijri_months[i].name, -1) == len)
            append_alternative (hnames, hijri_months[i].name);
      g_string_append_c (hnames, ')');
      for (guint i = 0; i < G_N_ELEMENTS (hijri_months); i++)
        g_hash_table_insert (n->hijri_names, (gpointer) hijri_months[i].name,
                             GUINT_TO_POINTER (hijri_months[i].month));

      const char *day = NOT_AFTER_WORD "(\\d{1,2})(?:st|nd|rd|th)?";
      const char *year = "((?:19|20)\\d\\d)" NOT_BEFORE_WORD;
      g_autofree char *dmy = g_strdup_printf (
        "%s\\s+%s\\.?(?:\\s*/\\s*%s)?\\.?\\s*[,،]?\\s+%s", day, names->str, names->str, year);
      g_autofree char *mdy = g_strdup_printf (
        NOT_AFTER_WORD "%s\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*[,،]?\\s+%s", names->str, year);
      g_autofree char *hijri = g_strdup_printf (
        "%s\\s+%s\\s+(1[345]\\d\\d)(?:\\s*هـ|\\s*ه" NOT_BEFORE_WORD ")?", day, hnames->str);
      n->day_month_year = compile (dmy);
      n->month_day_year = compile (mdy);
      n->iso = compile (NOT_AFTER_WORD "((?:19|20)\\d\\d)[-/.](\\d{1,2})[-/.](\\d{1,2})"
                        NOT_BEFORE_WORD);
      n->numeric = compile (NOT_AFTER_WORD "(\\d{1,2})[/.](\\d{1,2})[/.]((?:19|20)\\d\\d)"
                            NOT_BEFORE_WORD);
      n->hijri = compile (hijri);
      p = n;
      g_once_init_leave (&ready, 1);
    }
  return p;
}

/* The matching form with Arabic-Indic and Persian digits made ASCII. */
static char *
normalize (const char *text, gsize length)
{
  g_autofree char *form = rwb_text_match_form (text, length);
  GString *out = g_string_sized_new (strlen (form));
  for (const char *p = form; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x0660 && c <= 0x0669)
        c = '0' + (c - 0x0660);
      else if (c >= 0x06F0 && c <= 0x06F9)
        c = '0' + (c - 0x06F0);
      else if (c == 0x066B)
        c = '.'; /* Arabic decimal separator */
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
iso_date (guint year, guint month, guint day)
{
  if (year < 1900 || year > 2099 || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

static guint
group_number (GMatchInfo *info, gint group)
{
  g_autofree char *s = g_match_info_fetch (info, group);
  return s ? (guint) g_ascii_strtoull (s, NULL, 10) : 0;
}

static guint
group_month (GMatchInfo *info, gint group, GHashTable *names)
{
  g_autofree char *s = g_match_info_fetch (info, group);
  if (s == NULL || *s == '\0')
    return 0;
  /* Runs of white space inside a name ("كانون  الثاني") are one space in the table. */
  g_auto (GStrv) words = g_regex_split_simple ("\\s+", s, 0, 0);
  g_autofree char *joined = g_strjoinv (" ", words);
  return GPOINTER_TO_UINT (g_hash_table_lookup (names, joined));
}

typedef enum { DMY, MDY, YMD, NUMERIC_DMY } Order;

/* The earliest valid date @re finds in @text, with its byte position in *@at. */
static char *
first_match (GRegex *re, const char *text, Order order, GHashTable *months, gint *at)
{
  g_autoptr (GMatchInfo) info = NULL;
  g_regex_match (re, text, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      guint y = 0, m = 0, d = 0;
      switch (order)
        {
        case DMY:
          d = group_number (info, 1);
          m = group_month (info, 2, months);
          y = group_number (info, 4);
          break;
        case MDY:
          m = group_month (info, 1, months);
          d = group_number (info, 2);
          y = group_number (info, 3);
          break;
        case YMD:
          y = group_number (info, 1);
          m = group_number (info, 2);
          d = group_number (info, 3);
          break;
        case NUMERIC_DMY:
          d = group_number (info, 1);
          m = group_number (info, 2);
          y = group_number (info, 3);
          break;
        }
      char *iso = iso_date (y, m, d);
      if (iso)
        {
          g_match_info_fetch_pos (info, 0, at, NULL);
          return iso;
        }
    }
  return NULL;
}

/* A Hijri date (Umm al-Qura) as a Gregorian ISO date. */
static char *
hijri_to_iso (guint year, guint month, guint day)
{
  static const UChar utc[] = { 'U', 'T', 'C', 0 };
  if (month < 1 || month > 12 || day < 1 || day > 30)
    return NULL;
  UErrorCode status = U_ZERO_ERROR;
  UCalendar *hijri = ucal_open (utc, -1, "en@calendar=islamic-umalqura", UCAL_DEFAULT, &status);
  UCalendar *greg = ucal_open (utc, -1, "en@calendar=gregorian", UCAL_GREGORIAN, &status);
  char *iso = NULL;
  if (U_SUCCESS (status))
    {
      ucal_clear (hijri);
      ucal_setDate (hijri, (int32_t) year, (int32_t) month - 1, (int32_t) day, &status);
      UDate when = ucal_getMillis (hijri, &status);
      ucal_setMillis (greg, when, &status);
      int32_t y = ucal_get (greg, UCAL_YEAR, &status);
      int32_t m = ucal_get (greg, UCAL_MONTH, &status) + 1;
      int32_t d = ucal_get (greg, UCAL_DATE, &status);
      if (U_SUCCESS (status) && y > 0 && m > 0 && d > 0)
        iso = iso_date ((guint) y, (guint) m, (guint) d);
    }
  if (hijri)
    ucal_close (hijri);
  if (greg)
    ucal_close (greg);
  return iso;
}

static char *
find_in (const char *form)
{
  const Patterns *p = patterns ();
  struct { GRegex *re; Order order; } gregorian[] = {
    { p->day_month_year, DMY }, { p->month_day_year, MDY }, { p->iso, YMD },
    { p->numeric, NUMERIC_DMY },
  };
  char *best = NULL;
  gint best_at = G_MAXINT;
  for (guint i = 0; i < G_N_ELEMENTS (gregorian); i++)
    {
      gint at = G_MAXINT;
      char *iso = first_match (gregorian[i].re, form, gregorian[i].order, p->months, &at);
      if (iso && at < best_at)
        {
          g_free (best);
          best = iso;
          best_at = at;
        }
      else
        g_free (iso);
    }
  if (best)
    return best;

  g_autoptr (GMatchInfo) info = NULL;
  g_regex_match (p->hijri, form, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      char *iso = hijri_to_iso (group_number (info, 3), group_month (info, 2, p->hijri_names),
                                group_number (info, 1));
      if (iso)
        return iso;
    }
  return NULL;
}

/**
 * rwb_date_find:
 * The first date near the top of @text, as ISO 8601, or NULL.
 */
char *
rwb_date_find (const char *text, gssize length)
{
  g_return_val_if_fail (text != NULL, NULL);
  gsize len = length < 0 ? strlen (text) : (gsize) length;
  if (len > RWB_DATE_SEARCH_BYTES)
    {
      /* Cut at a character boundary. */
      const char *end = g_utf8_find_prev_char (text, text + RWB_DATE_SEARCH_BYTES + 1);
      len = end ? (gsize) (end - text) : RWB_DATE_SEARCH_BYTES;
    }
  if (!g_utf8_validate_len (text, len, NULL))
    return NULL;
  g_autofree char *form = normalize (text, len);
  return find_in (form);
}

/**
 * rwb_date_parse:
 * A date typed by the user, as ISO 8601, or NULL.
 */
char *
rwb_date_parse (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  g_autofree char *copy = g_strstrip (g_strdup (text));
  if (*copy == '\0' || strlen (copy) > 80)
    return NULL;
  return rwb_date_find (copy, -1);
}

/**
 * rwb_date_is_valid:
 * Whether @date is exactly a valid "YYYY-MM-DD".
 */
gboolean
rwb_date_is_valid (const char *date)
{
  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  guint y = atoi (date), m = atoi (date + 5), d = atoi (date + 8);
  return y >= 1 && g_date_valid_dmy (d, m, y);
}
