/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-labels.c — translated names and colours of entity and relation types. */
#define G_LOG_DOMAIN "rawabit-labels"

#include "rwb-config.h"

#include <glib/gi18n.h>

#include "rwb-labels.h"

/**
 * rwb_text_direction:
 * @text: UTF-8 text
 *
 * The direction of @text's first letter: right to left for Arabic (and the other
 * right-to-left scripts), left to right for any other letter, %GTK_TEXT_DIR_NONE when @text has
 * no letter. A label set to it starts an Arabic sentence at the right in an English window,
 * and an English name at the left in an Arabic one.
 *
 * Returns: the direction
 */
GtkTextDirection
rwb_text_direction (const char *text)
{
  g_return_val_if_fail (text != NULL, GTK_TEXT_DIR_NONE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;
      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
          return GTK_TEXT_DIR_RTL;
        default:
          return GTK_TEXT_DIR_LTR;
        }
    }
  return GTK_TEXT_DIR_NONE;
}

/**
 * rwb_display_name:
 * @name: an entity's name, any length
 * @max_chars: the most characters shown, RWB_DISPLAY_NAME_MAX or RWB_DISPLAY_NAME_MAX_DETAILS
 *
 * @name as a widget shows it: cut after @max_chars characters, with "…". GTK shapes a label's
 * whole text on the main thread every time it measures it, so a 10 MB name would freeze the
 * window for many seconds; the graph keeps the whole name (files, exports, search, edits).
 *
 * Returns: (transfer full): the name to show
 */
char *
rwb_display_name (const char *name, guint max_chars)
{
  const char *p;

  if (name == NULL)
    return NULL;
  p = name;
  for (guint i = 0; i < max_chars && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return g_strdup (name);
  g_autofree char *head = g_strndup (name, p - name);
  return g_strconcat (head, "…", NULL);
}

/**
 * rwb_isolated_name:
 * @name: an entity's name, any length
 *
 * rwb_bidi_isolate() of the first RWB_DISPLAY_NAME_MAX characters of @name (rwb_display_name()).
 *
 * Returns: (transfer full): the name to put in a line of text
 */
char *
rwb_isolated_name (const char *name)
{
  g_autofree char *shown = rwb_display_name (name, RWB_DISPLAY_NAME_MAX);

  return rwb_bidi_isolate (shown);
}

/**
 * rwb_isolated_name_markup:
 * @name: an entity's name, any length
 *
 * rwb_bidi_isolate_markup() of the first RWB_DISPLAY_NAME_MAX characters of @name.
 *
 * Returns: (transfer full): the escaped name to put in a line of markup
 */
char *
rwb_isolated_name_markup (const char *name)
{
  g_autofree char *shown = rwb_display_name (name, RWB_DISPLAY_NAME_MAX);

  return rwb_bidi_isolate_markup (shown);
}

/**
 * rwb_ui_is_rtl:
 *
 * Whether the window is laid out right to left: GTK's default direction, which it takes from
 * the locale (an Arabic catalogue) or `GTK_DEBUG`-style overrides in tests.
 *
 * Returns: %TRUE for a right-to-left window
 */
gboolean
rwb_ui_is_rtl (void)
{
  return gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
}

/**
 * rwb_ui_line:
 * @text: a line (or lines) of text or markup in the window's language, names isolated with
 *   rwb_bidi_isolate()
 *
 * rwb_bidi_line() in the window's direction: a label showing it lays it out as the window's
 * language reads, even when it starts with (or holds only) names of the other script.
 *
 * Returns: (transfer full): the marked text
 */
char *
rwb_ui_line (const char *text)
{
  return rwb_bidi_line (text, rwb_ui_is_rtl ());
}

/**
 * rwb_ui_arrow:
 * @outgoing: %TRUE for a relation from the shown entity to another, %FALSE for one to it
 *
 * The arrow before the other entity in a line about one entity: it points along the line's
 * reading direction for an outgoing relation ("→ X" in English, "← X" in Arabic, read from the
 * right), against it for an incoming one.
 *
 * Returns: (transfer none): the arrow, UTF-8
 */
const char *
rwb_ui_arrow (gboolean outgoing)
{
  return outgoing != rwb_ui_is_rtl () ? "→" : "←";
}

static int
compare_spans (gconstpointer a, gconstpointer b)
{
  const RwbSpan *sa = a, *sb = b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  return sa->end < sb->end ? 1 : sa->end > sb->end ? -1 : 0;
}

/**
 * rwb_markup_highlight_spans:
 * @text: a sentence, UTF-8
 * @spans: (array length=n_spans): spans to highlight, in code points from the start of @text
 *   (their `document` field is ignored)
 * @n_spans: number of spans
 * @types: (array length=n_spans): the entity type of each span, for its colour
 *
 * Pango markup for @text with each span underlined and tinted in its entity type's colour,
 * the rest escaped. A tint (not a text colour) keeps the words readable on a light and a dark
 * background alike. Spans past the end of @text are cut, overlapping ones merged into the
 * first.
 *
 * Returns: (transfer full): the markup
 */
char *
rwb_markup_highlight_spans (const char *text, const RwbSpan *spans, guint n_spans,
                            const RwbEntityType *types)
{
  g_autoptr (GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (RwbSpan), n_spans);
  GString *out = g_string_new (NULL);
  glong length;
  guint done = 0;

  g_return_val_if_fail (text != NULL, NULL);

  length = g_utf8_strlen (text, -1);
  /* The type rides along in the span's document field while sorting. */
  for (guint i = 0; i < n_spans; i++)
    {
      RwbSpan span = spans[i];

      span.document = types != NULL ? types[i] : RWB_ENTITY_COMPANY;
      if (span.start < span.end && span.start < (guint) length)
        g_array_append_val (sorted, span);
    }
  g_array_sort (sorted, compare_spans);

  for (guint i = 0; i < sorted->len; i++)
    {
      const RwbSpan *span = &g_array_index (sorted, RwbSpan, i);
      guint end = MIN (span->end, (guint) length);
      const char *a, *b, *c;
      g_autofree char *before = NULL;
      g_autofree char *inside = NULL;

      if (span->start < done)
        continue;
      a = g_utf8_offset_to_pointer (text, done);
      b = g_utf8_offset_to_pointer (text, span->start);
      c = g_utf8_offset_to_pointer (text, end);
      before = g_markup_escape_text (a, b - a);
      inside = g_markup_escape_text (b, c - b);
      g_string_append (out, before);
      g_string_append_printf (out,
                              "<span background=\"%s\" bgalpha=\"22%%\" underline=\"single\" "
                              "underline_color=\"%s\">%s</span>",
                              rwb_entity_type_color (span->document),
                              rwb_entity_type_color (span->document), inside);
      done = end;
    }

  {
    g_autofree char *rest = g_markup_escape_text (g_utf8_offset_to_pointer (text, done), -1);
    g_string_append (out, rest);
  }
  return g_string_free (out, FALSE);
}
