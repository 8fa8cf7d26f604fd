/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-date.h — an article's date from its text: the dateline, in Arabic or English.
 *
 * News articles carry their date near the top: "18 March 2024", "March 18, 2024",
 * "2024-03-18", "18 مارس 2024", "الإثنين 18 آذار/مارس 2024" (Levantine and Maghrebi month names
 * too), Arabic-Indic digits, and Hijri dates ("8 رمضان 1445 هـ", converted with ICU's Umm
 * al-Qura calendar) when no Gregorian date is given. Numeric dates with slashes are read day
 * first (18/03/2024), as Arabic and European papers write them. Dates are ISO 8601
 * ("2024-03-18"), which sort as strings.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How far into an article its dateline is looked for, in bytes. */
#define RWB_DATE_SEARCH_BYTES 3000

/* The first date in the first RWB_DATE_SEARCH_BYTES of @text (a Gregorian one before any
 * Hijri one), as ISO 8601, or NULL if there is none. Returns: (transfer full) (nullable) */
char     *rwb_date_find      (const char *text, gssize length);

/* A date the user typed (the same forms, alone), as ISO 8601; NULL if it is not a valid date.
 * Returns: (transfer full) (nullable) */
char     *rwb_date_parse     (const char *text);

/* Whether @date is a valid ISO 8601 calendar date "YYYY-MM-DD". */
gboolean  rwb_date_is_valid  (const char *date);

G_END_DECLS
