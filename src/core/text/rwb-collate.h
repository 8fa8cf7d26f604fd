/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-collate.h — sorting names with ICU collation and finding them by a search key.
 *
 * Names in a graph mix Arabic and Latin script. Byte order puts "apple" after "Zoom" and
 * alef with hamza (أ) after yaa, so lists sort with an ICU collator instead. Search compares
 * the same matching form extraction uses (rwb_text_match_form), so a query finds a name
 * whatever its spelling variant: شاومى finds شاومي, "great wall" finds "Great Wall".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RwbCollator RwbCollator;

typedef enum {
  RWB_COLLATE_PRIMARY,   /* base letters only: "Apple" = "apple" = "Äpple" */
  RWB_COLLATE_TERTIARY,  /* case and accents break ties, so every order is total */
} RwbCollateStrength;

/* How well a search key matches a query key, best first. */
typedef enum {
  RWB_SEARCH_MATCH_EXACT,        /* the whole key */
  RWB_SEARCH_MATCH_WORD_PREFIX,  /* the start of one of its words */
  RWB_SEARCH_MATCH_SUBSTRING,    /* anywhere */
  RWB_SEARCH_MATCH_NONE,
} RwbSearchMatch;

RwbCollator   *rwb_collator_new          (const char         *locale,
                                          RwbCollateStrength  strength,
                                          GError            **error);
void           rwb_collator_free         (RwbCollator *collator);
int            rwb_collator_compare      (RwbCollator *collator,
                                          const char  *a,
                                          const char  *b);
char          *rwb_collator_sort_key     (RwbCollator *collator,
                                          const char  *text);
const char    *rwb_collate_default_locale (void);

char          *rwb_collate_search_key    (const char *text);
char         **rwb_collate_query_keys    (const char *query);
RwbSearchMatch rwb_collate_search_match  (const char *key,
                                          const char *query_key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbCollator, rwb_collator_free)

G_END_DECLS
