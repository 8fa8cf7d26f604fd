/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-xml.h — text that is safe to put in an XML 1.0 document, for every writer of XML
 * (GraphML in src/core/formats, SVG in src/core/render): one escaper, so no writer emits a
 * character XML 1.0 forbids.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @text (may be NULL) to @s as XML 1.0 character data or attribute text: invalid
 * UTF-8 becomes U+FFFD, the characters XML 1.0 forbids (C0 controls but tab, LF and CR;
 * U+FFFE, U+FFFF) are dropped, markup characters, tab/LF/CR and DEL/C1 become references. */
void rwb_xml_append_escaped (GString *s, const char *text);
/* rwb_xml_append_escaped() into a new string (never NULL). */
char *rwb_xml_escape (const char *text);

G_END_DECLS
