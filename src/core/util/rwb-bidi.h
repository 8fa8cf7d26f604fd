/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-bidi.h — names put inside other text without reordering it (Unicode bidi isolation).
 *
 * An Arabic name in an English sentence, or an English name in an Arabic one, carries its own
 * direction into the sentence around it: "→ تشيينج (Manufacturing, 0.7)" shows as
 * "(Manufacturing, 0.7) تشيينج →" once the bidi algorithm sees the Arabic letter first. Each
 * name goes between FSI and PDI (U+2068 … U+2069), so it is laid out on its own and the text
 * around it keeps its order, and a line starts with the mark of the direction it is written in
 * (LRM or RLM), so a label that takes its direction from its first strong letter (Pango does)
 * takes the line's, not the name's.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RWB_BIDI_FSI "\u2068" /* FIRST STRONG ISOLATE */
#define RWB_BIDI_PDI "\u2069" /* POP DIRECTIONAL ISOLATE */
#define RWB_BIDI_LRM "\u200e" /* LEFT-TO-RIGHT MARK */
#define RWB_BIDI_RLM "\u200f" /* RIGHT-TO-LEFT MARK */

char *rwb_bidi_isolate (const char *text);
char *rwb_bidi_isolate_markup (const char *text);
char *rwb_bidi_line (const char *text, gboolean rtl);

G_END_DECLS
