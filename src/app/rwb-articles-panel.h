/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-articles-panel.h — the articles of the work, with what each gives; remove one, date one. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-session.h"

G_BEGIN_DECLS

#define RWB_TYPE_ARTICLES_PANEL (rwb_articles_panel_get_type ())
G_DECLARE_FINAL_TYPE (RwbArticlesPanel, rwb_articles_panel, RWB, ARTICLES_PANEL, GtkWidget)

/**
 * rwb_articles_panel_new:
 *
 * Returns: (transfer full): a new articles panel
 */
GtkWidget *rwb_articles_panel_new          (void);
/**
 * rwb_articles_panel_set_session:
 * @self: an articles panel
 * @session: (nullable): the session whose articles to list
 *
 * Lists the documents of @session's graph in date order, each with its title, date and how many
 * entities and relations it gives (co-occurrence links not counted). In a project each row can
 * change the article's date and remove the article (rwb_session_set_article_date(),
 * rwb_session_remove_articles(), both undoable).
 */
void       rwb_articles_panel_set_session  (RwbArticlesPanel *self,
                                            RwbSession       *session);
/**
 * rwb_articles_panel_get_row_text:
 * @self: an articles panel
 * @i: a row
 *
 * Returns: (nullable): row @i's title and summary line ("… · 9 entities · 8 relations"), for
 *   tests; %NULL past the last row
 */
char      *rwb_articles_panel_get_row_text (RwbArticlesPanel *self,
                                            guint             i);

G_END_DECLS
