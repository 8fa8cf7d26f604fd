/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-article-view.h — the source text of the graph's documents, mentions coloured by type. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-session.h"

G_BEGIN_DECLS

#define RWB_TYPE_ARTICLE_VIEW (rwb_article_view_get_type ())
G_DECLARE_FINAL_TYPE (RwbArticleView, rwb_article_view, RWB, ARTICLE_VIEW, GtkWidget)

/**
 * rwb_article_view_new:
 *
 * Creates an empty article view.
 *
 * Returns: (transfer floating): the new widget
 */
GtkWidget *rwb_article_view_new            (void);

/**
 * rwb_article_view_set_session:
 * @self: an article view
 * @session: (nullable): the session to select clicked mentions in
 *
 * Sets the session in which a click on a mention selects the entity and brings it into sight,
 * and whose selected entity the article emphasizes.
 */
void rwb_article_view_set_session (RwbArticleView *self,
                                   RwbSession *session);

/**
 * rwb_article_view_set_graph:
 * @self: an article view
 * @graph: (nullable): the graph whose documents to show
 *
 * Shows the first document of @graph, with a drop-down to choose another when it has
 * several.
 */
void       rwb_article_view_set_graph      (RwbArticleView *self,
                                            RwbGraph       *graph);

/**
 * rwb_article_view_show_document:
 * @self: an article view
 * @document: a document index of the graph
 *
 * Shows document @document: its text, right to left when it is Arabic, every mention tinted
 * in its entity type's colour.
 */
void       rwb_article_view_show_document  (RwbArticleView *self,
                                            guint           document);

/**
 * rwb_article_view_get_document:
 * @self: an article view
 *
 * Returns: the index of the document shown, or -1
 */
gint       rwb_article_view_get_document   (RwbArticleView *self);

/**
 * rwb_article_view_show_span:
 * @self: an article view
 * @document: a document index of the graph
 * @start: first code point of the span in the document
 * @end: code point after the span
 *
 * Shows the document, highlights the span (an evidence sentence) and scrolls it into view.
 */
void       rwb_article_view_show_span      (RwbArticleView *self,
                                            guint           document,
                                            guint           start,
                                            guint           end);

/**
 * rwb_article_view_get_selection:
 * @self: an article view
 * @document: (out): the document shown
 * @start: (out): first code point selected
 * @end: (out): code point after the selection
 *
 * Returns: whether text of the shown article is selected (a sentence the user picked as
 *   evidence, say)
 */
gboolean   rwb_article_view_get_selection  (RwbArticleView *self,
                                            guint          *document,
                                            guint          *start,
                                            guint          *end);

G_END_DECLS
