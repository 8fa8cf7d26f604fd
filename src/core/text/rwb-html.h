/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-html.h — an article from a saved web page (.html, .htm), read with libxml2's HTML parser.
 *
 * The article's text is what a reader sees of it: paragraphs, headings, list items, quotes,
 * table cells and captions of the page's main content (its <main>, else its longest <article>,
 * else its <body>), one paragraph per block, white space collapsed as a browser does. Scripts,
 * styles, navigation, site headers, footers, asides, forms and hidden elements are left out.
 * Mentions and evidence are code-point offsets into that text, which becomes the document's
 * text. The title comes from og:title or <title>, the date from article:published_time and
 * the other usual meta tags or the first <time datetime> of the content.
 *
 * The page's bytes are decoded by the program, not by the parser: a byte order mark, else the
 * charset a <meta> declares, else UTF-8. A page that is not valid in its encoding is refused
 * naming the first bad byte (as a text file is), or read with U+FFFD for each bad byte with
 * RWB_TEXT_LOAD_REPLACE_INVALID.
 */
#pragma once

#include <gio/gio.h>

#include "rwb-text.h"

G_BEGIN_DECLS

typedef struct {
  char *text;    /* the main text, valid UTF-8, never empty */
  char *title;   /* (nullable) */
  char *date;    /* (nullable) ISO 8601 "YYYY-MM-DD" */
  char *lang;    /* (nullable) the <html lang> attribute as written */
} RwbHtmlArticle;

void            rwb_html_article_free   (RwbHtmlArticle *article);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbHtmlArticle, rwb_html_article_free)

/* Whether a file of this @name and whose first bytes are @head (@head_len of them; may be
 * 0) is a web page: an .html, .htm or .xhtml name, or text that starts with "<!DOCTYPE html"
 * or "<html" (after a byte order mark and white space), in any case. */
gboolean        rwb_html_is_page        (const char *name, const char *head, gsize head_len);

/* The article of the page in @data. Fails with RWB_TEXT_ERROR_INVALID_UTF8 (bad bytes in the
 * page's encoding, or an encoding this system cannot convert), RWB_TEXT_ERROR_BINARY (NUL
 * bytes), RWB_TEXT_ERROR_TOO_LARGE or RWB_TEXT_ERROR_EMPTY (no text in the page's content).
 * Returns: (transfer full) (nullable) */
RwbHtmlArticle *rwb_html_read           (const char *data, gsize length, RwbTextLoadFlags flags,
                                         GError **error);

/* rwb_html_read on the contents of @file, refused before it is read when it is larger than
 * RWB_TEXT_MAX_BYTES. Returns: (transfer full) (nullable) */
RwbHtmlArticle *rwb_html_load_file      (GFile *file, RwbTextLoadFlags flags,
                                         GCancellable *cancellable, GError **error);

G_END_DECLS
