/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-bidi.c — bidi isolation of names inside other text (see rwb-bidi.h). */
#define G_LOG_DOMAIN "rawabit-bidi"

#include "rwb-bidi.h"

/* The explicit embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): a name that
 * brings one of them could close the isolate around it or leave one open past its end. */
static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static void
append_isolated (GString *out, const char *text, gboolean markup)
{
  const char *p = text != NULL ? text : "";
  const char *run = p;

  g_string_append (out, RWB_BIDI_FSI);
  /* Copied in runs between the controls, which are dropped. */
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!is_bidi_control (g_utf8_get_char (p)))
        continue;
      if (markup)
        {
          g_autofree char *escaped = g_markup_escape_text (run, p - run);
          g_string_append (out, escaped);
        }
      else
        g_string_append_len (out, run, p - run);
      run = g_utf8_next_char (p);
    }
  if (markup)
    {
      g_autofree char *escaped = g_markup_escape_text (run, -1);
      g_string_append (out, escaped);
    }
  else
    g_string_append (out, run);
  g_string_append (out, RWB_BIDI_PDI);
}

/**
 * rwb_bidi_isolate:
 * @text: (nullable): a name, valid UTF-8
 *
 * @text between FSI and PDI, without the bidi controls it may hold, to be put inside other
 * text: it is laid out in its own first letter's direction and does not move the text around
 * it. %NULL is an empty name.
 *
 * Returns: (transfer full): the isolated text
 */
char *
rwb_bidi_isolate (const char *text)
{
  GString *out = g_string_new (NULL);

  append_isolated (out, text, FALSE);
  return g_string_free (out, FALSE);
}

/**
 * rwb_bidi_isolate_markup:
 * @text: (nullable): a name, valid UTF-8
 *
 * rwb_bidi_isolate() for Pango markup: the name escaped as well.
 *
 * Returns: (transfer full): the isolated, escaped text
 */
char *
rwb_bidi_isolate_markup (const char *text)
{
  GString *out = g_string_new (NULL);

  append_isolated (out, text, TRUE);
  return g_string_free (out, FALSE);
}

/**
 * rwb_bidi_line:
 * @text: a line of text (or markup) with its names isolated
 * @rtl: whether the line is written right to left (an Arabic window)
 *
 * @text after the mark of its direction (RLM when @rtl, else LRM), so that a label which takes
 * its paragraph direction from its first strong character (Pango's automatic direction, which
 * looks inside isolates) lays the line out in the window's direction, whatever a name at its
 * start is written in. Each line of a multi-line text gets its mark.
 *
 * Returns: (transfer full): the marked line
 */
char *
rwb_bidi_line (const char *text, gboolean rtl)
{
  const char *mark = rtl ? RWB_BIDI_RLM : RWB_BIDI_LRM;
  g_auto (GStrv) lines = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  lines = g_strsplit (text, "\n", -1);
  out = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      if (!g_str_has_prefix (lines[i], RWB_BIDI_LRM) && !g_str_has_prefix (lines[i], RWB_BIDI_RLM))
        g_string_append (out, mark);
      g_string_append (out, lines[i]);
    }
  return g_string_free (out, FALSE);
}
