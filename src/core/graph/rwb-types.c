/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-types.c — the one table of entity and relation types. */
#define G_LOG_DOMAIN "rawabit-graph"

#include "rwb-types.h"

#include <glib/gi18n-lib.h>

/* Entity colours are GNOME palette blue, purple, orange and green: they stay apart for common
 * colour-vision deficiencies and read on light and dark backgrounds. */
static const RwbEntityTypeInfo entity_types[RWB_ENTITY_N_TYPES] = {
  [RWB_ENTITY_COMPANY] = { "company", N_("Company"), NC_("entity type", "company"), "#3584e4",
                           RWB_NODE_SHAPE_ROUNDED_BOX, RWB_NODE_ICON_BUILDING },
  [RWB_ENTITY_ORGANIZATION] = { "organization", N_("Organization"),
                                NC_("entity type", "organization"), "#9141ac",
                                RWB_NODE_SHAPE_BOX, RWB_NODE_ICON_HALL },
  [RWB_ENTITY_PERSON] = { "person", N_("Person"), NC_("entity type", "person"), "#e66100",
                          RWB_NODE_SHAPE_PILL, RWB_NODE_ICON_PERSON },
  [RWB_ENTITY_PLACE] = { "place", N_("Place"), NC_("entity type", "place"), "#26a269",
                         RWB_NODE_SHAPE_CUT_BOX, RWB_NODE_ICON_PIN },
};

static const RwbRelationTypeInfo relation_types[RWB_RELATION_N_TYPES] = {
  [RWB_RELATION_MANUFACTURING] = { "manufacturing", N_("Manufacturing"),
                                   NC_("relation type", "manufacturing"), "#1c70d9", TRUE },
  [RWB_RELATION_PARTNERSHIP] = { "partnership", N_("Partnership"),
                                 NC_("relation type", "partnership"), "#2e9959", FALSE },
  [RWB_RELATION_TALKS] = { "talks", N_("Talks"), NC_("relation type", "talks"), "#cc8c00",
                           FALSE },
  [RWB_RELATION_SUPPLY] = { "supply", N_("Supply"), NC_("relation type", "supply"), "#0099a6",
                            TRUE },
  [RWB_RELATION_INVESTMENT] = { "investment", N_("Investment"),
                                NC_("relation type", "investment"), "#8c59cc", TRUE },
  [RWB_RELATION_ACQUISITION] = { "acquisition", N_("Acquisition"),
                                 NC_("relation type", "acquisition"), "#cc264c", TRUE },
  [RWB_RELATION_OWNERSHIP] = { "ownership", N_("Ownership"), NC_("relation type", "ownership"),
                               "#994c26", TRUE },
  [RWB_RELATION_FOUNDER] = { "founder", N_("Founder"), NC_("relation type", "founder"),
                             "#e66100", TRUE },
  [RWB_RELATION_EXECUTIVE] = { "executive", N_("Executive"), NC_("relation type", "executive"),
                               "#bf661a", TRUE },
  [RWB_RELATION_REPORTING] = { "reporting", N_("Reporting"), NC_("relation type", "reporting"),
                               "#737380", TRUE },
  [RWB_RELATION_LOCATION] = { "location", N_("Location"), NC_("relation type", "location"),
                              "#268c4c", TRUE },
  [RWB_RELATION_COMPETITION] = { "competition", N_("Competition"),
                                 NC_("relation type", "competition"), "#d9331a", FALSE },
  /* `mention` is co-occurrence in one sentence, and the panels say so. */
  [RWB_RELATION_MENTION] = { "mention", N_("Co-occurrence"), NC_("relation type", "mention"),
                             "#999999", FALSE },
};

/**
 * rwb_entity_type_info:
 * @type: an entity type
 *
 * Returns: (transfer none): the table row of @type (the first row when @type is not valid)
 */
const RwbEntityTypeInfo *
rwb_entity_type_info (RwbEntityType type)
{
  g_return_val_if_fail (type < RWB_ENTITY_N_TYPES, &entity_types[0]);
  return &entity_types[type];
}

/**
 * rwb_relation_type_info:
 * @type: a relation type
 *
 * Returns: (transfer none): the table row of @type (`mention` when @type is not valid)
 */
const RwbRelationTypeInfo *
rwb_relation_type_info (RwbRelationType type)
{
  g_return_val_if_fail (type < RWB_RELATION_N_TYPES, &relation_types[RWB_RELATION_MENTION]);
  return &relation_types[type];
}

/**
 * rwb_entity_type_to_string:
 * Returns: (transfer none): the JSON name of an entity type ("company", …)
 */
const char *
rwb_entity_type_to_string (RwbEntityType type)
{
  return rwb_entity_type_info (type)->name;
}

/**
 * rwb_entity_type_from_string:
 * Parses an entity type name into @out; returns FALSE (and leaves @out) if @str is not one.
 */
gboolean
rwb_entity_type_from_string (const char *str, RwbEntityType *out)
{
  for (guint i = 0; str && i < RWB_ENTITY_N_TYPES; i++)
    if (g_str_equal (str, entity_types[i].name))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * rwb_relation_type_to_string:
 * Returns: (transfer none): the JSON name of a relation type ("manufacturing", …)
 */
const char *
rwb_relation_type_to_string (RwbRelationType type)
{
  return rwb_relation_type_info (type)->name;
}

/**
 * rwb_relation_type_from_string:
 * Parses a relation type name into @out; returns FALSE (and leaves @out) if @str is not one.
 */
gboolean
rwb_relation_type_from_string (const char *str, RwbRelationType *out)
{
  for (guint i = 0; str && i < RWB_RELATION_N_TYPES; i++)
    if (g_str_equal (str, relation_types[i].name))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * rwb_relation_type_is_directed:
 * Whether the type reads one way (Lei Jun founded Xiaomi) rather than both (partners).
 */
gboolean
rwb_relation_type_is_directed (RwbRelationType type)
{
  return type < RWB_RELATION_N_TYPES && relation_types[type].directed;
}

static const char *const mention_kinds[RWB_MENTION_N_KINDS] = {
  "name", "adjective", "description", "pronoun",
};

/**
 * rwb_mention_kind_to_string:
 * Returns: (transfer none): the JSON name of @kind ("name", …)
 */
const char *
rwb_mention_kind_to_string (RwbMentionKind kind)
{
  g_return_val_if_fail (kind < RWB_MENTION_N_KINDS, "name");
  return mention_kinds[kind];
}

/**
 * rwb_mention_kind_from_string:
 * Parses a mention kind into @out; returns FALSE (and leaves @out) if @str is not one.
 */
gboolean
rwb_mention_kind_from_string (const char *str, RwbMentionKind *out)
{
  for (guint i = 0; str && i < RWB_MENTION_N_KINDS; i++)
    if (g_str_equal (str, mention_kinds[i]))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * rwb_entity_type_label:
 * Returns: (transfer none): the translated, capitalized name of @type for lists and headings
 *   ("Company")
 */
const char *
rwb_entity_type_label (RwbEntityType type)
{
  return _(rwb_entity_type_info (type)->label);
}

/**
 * rwb_entity_type_short_label:
 * Returns: (transfer none): the translated lower-case name of @type for legends ("company")
 */
const char *
rwb_entity_type_short_label (RwbEntityType type)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "entity type", rwb_entity_type_info (type)->short_label);
}

/**
 * rwb_relation_type_label:
 * Returns: (transfer none): the translated, capitalized name of @type ("Manufacturing");
 *   `mention` is "Co-occurrence", which is what it is
 */
const char *
rwb_relation_type_label (RwbRelationType type)
{
  return _(rwb_relation_type_info (type)->label);
}

/**
 * rwb_relation_type_short_label:
 * Returns: (transfer none): the translated lower-case name of @type for edge labels and legends
 */
const char *
rwb_relation_type_short_label (RwbRelationType type)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "relation type",
                       rwb_relation_type_info (type)->short_label);
}

/**
 * rwb_entity_type_color:
 * Returns: (transfer none): the colour nodes of @type are drawn in, "#rrggbb"
 */
const char *
rwb_entity_type_color (RwbEntityType type)
{
  return rwb_entity_type_info (type)->color;
}

static void
hex_rgb (const char *hex, double *r, double *g, double *b)
{
  /* The table holds "#rrggbb" literals only. */
  guint v = (guint) g_ascii_strtoull (hex + 1, NULL, 16);
  *r = ((v >> 16) & 0xff) / 255.0;
  *g = ((v >> 8) & 0xff) / 255.0;
  *b = (v & 0xff) / 255.0;
}

/**
 * rwb_entity_type_rgb:
 * The colour of @type as components in 0..1.
 */
void
rwb_entity_type_rgb (RwbEntityType type, double *r, double *g, double *b)
{
  hex_rgb (rwb_entity_type_info (type)->color, r, g, b);
}

/**
 * rwb_relation_type_rgb:
 * The colour of @type as components in 0..1.
 */
void
rwb_relation_type_rgb (RwbRelationType type, double *r, double *g, double *b)
{
  hex_rgb (rwb_relation_type_info (type)->color, r, g, b);
}
