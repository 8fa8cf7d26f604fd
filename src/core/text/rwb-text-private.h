/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-text-private.h — the character tests both files of the text module use (rwb-text.c:
 * loading and segmentation; rwb-text-forms.c: matching forms, readings, transliteration),
 * static inline, so each file has its own copy, as when they were one file.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

static inline gboolean
is_arabic_letter (gunichar c)
{
  return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5
         || (c >= 0x06FA && c <= 0x06FC) || (c >= 0xFB50 && c <= 0xFDFF)
         || (c >= 0xFE70 && c <= 0xFEFC);
}

/* Directional marks, embeddings, overrides and isolates (U+200E/F, U+061C, U+202A–202E,
 * U+2066–2069) and the joiners U+200C/D: they shape or order the text, they are no letter. */
static inline gboolean
is_bidi_or_joiner (gunichar c)
{
  return c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F || c == 0x061C
         || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

G_END_DECLS
