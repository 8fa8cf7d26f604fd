/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-extract-english.c — English organization names: the inner "and" of a body's name. */
#define G_LOG_DOMAIN "rawabit-extract"

#include "rwb-extract-private.h"

static gboolean
org_head (const Token *t)
{
  return t->capital && (t->cue & RWB_CUE_ORG_HEAD) != 0;
}

/* "Ministry of Energy and Minerals", "Communications and Media Commission": a run of
 * capitalized words that a capitalized word after "and" continues, when the name is an
 * organization's, headed by "Ministry of …" before the "and" or closed by a head noun
 * ("… Commission") after it. Two bodies joined by "and" ("the Ministry of Health and the
 * Central Bank") keep apart: the word after "and" must be capitalized and no article stand
 * between. Returns the new last token of the run starting at @first and ending at @last. */
guint
english_org_run_end (GArray *tokens, guint first, guint last)
{
  for (;;)
    {
      guint and = last + 1;
      if (and + 1 >= tokens->len || !form_is (TOK (and), "and"))
        return last;
      Token *next = TOK (and + 1);
      if (!next->capital || !is_name_token (next))
        return last;
      guint end = latin_run_end (tokens, and + 1);
      gboolean of_head = FALSE;
      for (guint k = first; k + 1 <= last; k++)
        if (org_head (TOK (k)) && (form_is (TOK (k + 1), "of") || form_is (TOK (k + 1), "for")))
          of_head = TRUE;
      /* "Iron and Steel Company", "Oil and Gas Corporation": two fields, everyday words
       * both, joined before a company's suffix. */
      gboolean fields = (TOK (end)->cue & RWB_CUE_COMPANY_SUFFIX) && end > and + 1
                        && (TOK (last)->cue & RWB_CUE_COMMON_WORD);
      for (guint k = and + 1; fields && k < end; k++)
        fields = (TOK (k)->cue & RWB_CUE_COMMON_WORD) != 0;
      /* "Mohammed Hassan Al Fahad and Sons Investment Company", "Kamal and Partners": a
       * family firm names its founder and his sons or partners. */
      gboolean family = TOK (and + 1)->cue & RWB_CUE_COMPANY_SUFFIX;
      gboolean head_after = org_head (TOK (end)) || fields || family;
      gboolean head_before = FALSE;
      for (guint k = first; k <= last; k++)
        head_before |= org_head (TOK (k));
      if (!(of_head && !head_after) && !(head_after && !head_before))
        return last;
      last = end;
    }
}
