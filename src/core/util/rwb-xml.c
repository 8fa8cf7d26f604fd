/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-xml.c — escaping text for XML 1.0 character data and attribute values. */
#define G_LOG_DOMAIN "rawabit-util"

#include "rwb-xml.h"

#include <string.h>

/**
 * rwb_xml_append_escaped:
 * @s: the document being written
 * @text: (nullable): any bytes; NULL is the empty string
 *
 * Appends @text so that it reads back unchanged from XML 1.0 character data or a quoted
 * attribute value, except for what XML 1.0 cannot carry at all: invalid UTF-8 becomes U+FFFD,
 * and the C0 controls other than tab, line feed and carriage return, U+FFFE and U+FFFF are
 * dropped — XML 1.0 forbids them even as character references (`&#x1;` makes networkx and
 * xmllint refuse the whole file). `& < > " '` become entities; tab, line feed and carriage
 * return become references, so attribute-value normalization and line-end handling leave them
 * as they were; DEL and the C1 controls, allowed but easily mistaken for line ends or garbage,
 * become references too. Linear in the length of @text.
 */
void
rwb_xml_append_escaped (GString *s, const char *text)
{
  g_return_if_fail (s != NULL);

  if (text == NULL)
    return;
  g_autofree char *valid = NULL;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  for (const char *c = text; *c; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      switch (u)
        {
        case '&':
          g_string_append (s, "&amp;");
          continue;
        case '<':
          g_string_append (s, "&lt;");
          continue;
        case '>':
          g_string_append (s, "&gt;");
          continue;
        case '"':
          g_string_append (s, "&quot;");
          continue;
        case '\'':
          g_string_append (s, "&apos;");
          continue;
        case '\t':
          g_string_append (s, "&#9;");
          continue;
        case '\n':
          g_string_append (s, "&#10;");
          continue;
        case '\r':
          g_string_append (s, "&#13;");
          continue;
        default:
          break;
        }
      if (u < 0x20 || u == 0xFFFE || u == 0xFFFF)
        continue;
      if (u >= 0x7F && u <= 0x9F)
        g_string_append_printf (s, "&#x%X;", u);
      else
        g_string_append_len (s, c, g_utf8_next_char (c) - c);
    }
}

/**
 * rwb_xml_escape:
 * @text: (nullable): any bytes
 *
 * @text escaped as rwb_xml_append_escaped() does it.
 *
 * Returns: (transfer full): the escaped text, never NULL
 */
char *
rwb_xml_escape (const char *text)
{
  GString *s = g_string_sized_new (text ? strlen (text) + 16 : 1);
  rwb_xml_append_escaped (s, text);
  return g_string_free (s, FALSE);
}
