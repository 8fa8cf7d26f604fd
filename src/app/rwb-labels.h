/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-labels.h — what the panels call entity and relation types, and their colours.
 *
 * The core names types in English for files ("company"); the panels show translated, capitalized
 * names and the renderer's colours, so a type reads the same in the graph, the article and the
 * lists. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-bidi.h"
#include "rwb-graph.h"

G_BEGIN_DECLS

/* How many characters of a name lists, tooltips and messages show, and the Details heading. */
#define RWB_DISPLAY_NAME_MAX 200
#define RWB_DISPLAY_NAME_MAX_DETAILS 2000

GtkTextDirection rwb_text_direction (const char *text);
char       *rwb_display_name           (const char *name,
                                        guint       max_chars);
char       *rwb_isolated_name          (const char *name);
char       *rwb_isolated_name_markup   (const char *name);
gboolean    rwb_ui_is_rtl (void);
char       *rwb_ui_line (const char *text);
const char *rwb_ui_arrow (gboolean outgoing);
char       *rwb_markup_highlight_spans (const char *text,
                                        const RwbSpan *spans,
                                        guint n_spans,
                                        const RwbEntityType *types);

G_END_DECLS
