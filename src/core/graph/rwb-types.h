/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-types.h — the one table of entity and relation types.
 *
 * Every module that names, labels, colours or draws a type reads it here: the JSON and DOT
 * names, the translated labels of panels and legends, the colours of the renderer and of the
 * panels' swatches, the node shape and icon of each entity type, and whether a relation type
 * reads one way. The enums are registered as GTypes by glib-mkenums (rwb-enum-types.h), with
 * the JSON names as their nicks.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RWB_ENTITY_COMPANY,
  RWB_ENTITY_ORGANIZATION,
  RWB_ENTITY_PERSON,
  RWB_ENTITY_PLACE,
  RWB_ENTITY_N_TYPES /*< skip >*/
} RwbEntityType;

typedef enum {
  RWB_RELATION_MANUFACTURING,
  RWB_RELATION_PARTNERSHIP,
  RWB_RELATION_TALKS,
  RWB_RELATION_SUPPLY,
  RWB_RELATION_INVESTMENT,
  RWB_RELATION_ACQUISITION,
  RWB_RELATION_OWNERSHIP,
  RWB_RELATION_FOUNDER,
  RWB_RELATION_EXECUTIVE,
  RWB_RELATION_REPORTING,
  RWB_RELATION_LOCATION,
  RWB_RELATION_COMPETITION,
  RWB_RELATION_MENTION,
  RWB_RELATION_N_TYPES /*< skip >*/
} RwbRelationType;

/* What a mention of an entity is in its sentence: a name-level consumer (a NER benchmark, a
 * search index) reads only RWB_MENTION_NAME. */
typedef enum {
  RWB_MENTION_NAME,          /* a proper name: شركة المراعي, Almarai */
  RWB_MENTION_ADJECTIVE,     /* a nisba or demonym standing for a place: الألمانية, German */
  RWB_MENTION_DESCRIPTION,   /* a definite description: الشركة, the bank */
  RWB_MENTION_PRONOUN,       /* it, its, ها */
  RWB_MENTION_N_KINDS /*< skip >*/
} RwbMentionKind;

/* The outline every node of an entity type has, so type reads without colour too. */
typedef enum {
  RWB_NODE_SHAPE_ROUNDED_BOX,  /* company */
  RWB_NODE_SHAPE_BOX,          /* organization: square corners */
  RWB_NODE_SHAPE_PILL,         /* person */
  RWB_NODE_SHAPE_CUT_BOX,      /* place: corners cut off */
} RwbNodeShape;

/* The small symbolic picture drawn inside a node of an entity type (paths in the renderer, so
 * no icon theme is needed). */
typedef enum {
  RWB_NODE_ICON_BUILDING,      /* a tower with windows */
  RWB_NODE_ICON_HALL,          /* a columned hall */
  RWB_NODE_ICON_PERSON,        /* head and shoulders */
  RWB_NODE_ICON_PIN,           /* a map pin */
} RwbNodeIcon;

typedef struct {
  const char *name;          /* "company": JSON, DOT, GraphML, CSV, the CLI */
  const char *label;         /* "Company", untranslated: see rwb_entity_type_label() */
  const char *short_label;   /* "company" (msgctxt "entity type"): legends */
  const char *color;         /* "#3584e4": fill and outline, light palette */
  RwbNodeShape shape;
  RwbNodeIcon icon;
} RwbEntityTypeInfo;

typedef struct {
  const char *name;          /* "manufacturing" */
  const char *label;         /* "Manufacturing", untranslated: see rwb_relation_type_label() */
  const char *short_label;   /* "manufacturing" (msgctxt "relation type"): edge labels */
  const char *color;         /* "#1c70d9": the edge, light palette */
  gboolean directed;         /* reads one way (Lei Jun founded Xiaomi), not both (partners) */
} RwbRelationTypeInfo;

/* The table row of @type; @type must be valid. */
const RwbEntityTypeInfo   *rwb_entity_type_info        (RwbEntityType type);
const RwbRelationTypeInfo *rwb_relation_type_info      (RwbRelationType type);

const char   *rwb_entity_type_to_string     (RwbEntityType type);
gboolean      rwb_entity_type_from_string   (const char *str, RwbEntityType *out);
const char   *rwb_relation_type_to_string   (RwbRelationType type);
gboolean      rwb_relation_type_from_string (const char *str, RwbRelationType *out);
/* Whether a relation type has a meaningful direction (source → target). */
gboolean      rwb_relation_type_is_directed (RwbRelationType type);

/* JSON names of mention kinds: "name", "adjective", "description", "pronoun". */
const char   *rwb_mention_kind_to_string    (RwbMentionKind kind);
gboolean      rwb_mention_kind_from_string  (const char *str, RwbMentionKind *out);

/* Translated names: "Company", "company"; "Co-occurrence" for `mention`. */
const char   *rwb_entity_type_label         (RwbEntityType type);
const char   *rwb_entity_type_short_label   (RwbEntityType type);
const char   *rwb_relation_type_label       (RwbRelationType type);
const char   *rwb_relation_type_short_label (RwbRelationType type);

/* The table's colour of @type as "#rrggbb" and as 0..1 components. */
const char   *rwb_entity_type_color         (RwbEntityType type);
void          rwb_entity_type_rgb           (RwbEntityType type, double *r, double *g, double *b);
void          rwb_relation_type_rgb         (RwbRelationType type, double *r, double *g,
                                             double *b);

G_END_DECLS
