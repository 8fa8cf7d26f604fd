/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-entity-item.c — one entity of a graph as a list item.
 *
 * Items copy what the list shows (name, type, number of relations) rather than point into the
 * graph, so a row never reads a graph that the window has already replaced.
 */
#define G_LOG_DOMAIN "rawabit-entity-item"

#include "rwb-config.h"

#include "rwb-entity-item.h"
#include "rwb-labels.h"

struct _RwbEntityItem
{
  GObject parent_instance;

  guint index;
  char *name;
  RwbEntityType type;
  guint degree;
  char *sort_key;   /* ICU sort key of the name (rwb_collator_sort_key) */
  double centrality; /* normalized betweenness, 0 to 1; -1 until computed */
  guint evidence;    /* weighted degree: the evidence sentences of its relations */
};

G_DEFINE_FINAL_TYPE (RwbEntityItem, rwb_entity_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_NAME,
  PROP_TYPE_NAME,
  PROP_DEGREE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rwb_entity_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RwbEntityItem *self = RWB_ENTITY_ITEM (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TYPE_NAME:
      g_value_set_string (value, rwb_entity_type_label (self->type));
      break;
    case PROP_DEGREE:
      g_value_set_uint (value, self->degree);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rwb_entity_item_finalize (GObject *object)
{
  RwbEntityItem *self = RWB_ENTITY_ITEM (object);

  g_free (self->name);
  g_free (self->sort_key);

  G_OBJECT_CLASS (rwb_entity_item_parent_class)->finalize (object);
}

static void
rwb_entity_item_class_init (RwbEntityItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rwb_entity_item_finalize;
  object_class->get_property = rwb_entity_item_get_property;

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPE_NAME] =
    g_param_spec_string ("type-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEGREE] =
    g_param_spec_uint ("degree", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rwb_entity_item_init (RwbEntityItem *self)
{
}

/**
 * rwb_entity_item_new:
 * @graph: a graph
 * @index: an entity of @graph
 * @sort_key: the collation sort key of the entity's name
 *
 * Creates an item for entity @index of @graph: its name, type and number of relations
 * (co-occurrences not counted).
 *
 * Returns: (transfer full): the item
 */
RwbEntityItem *
rwb_entity_item_new (RwbGraph *graph, guint index, const char *sort_key)
{
  RwbEntityItem *self;
  const RwbEntity *entity;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (index < graph->entities->len, NULL);
  g_return_val_if_fail (sort_key != NULL, NULL);

  entity = g_ptr_array_index (graph->entities, index);
  self = g_object_new (RWB_TYPE_ENTITY_ITEM, NULL);
  self->index = index;
  self->name = g_strdup (entity->name);
  self->type = entity->type;
  self->degree = rwb_graph_entity_degree (graph, index, FALSE);
  self->centrality = -1;
  self->sort_key = g_strdup (sort_key);
  return self;
}

/**
 * rwb_entity_item_get_index:
 * @self: an item
 *
 * Returns: the entity's index in the graph (graph->entities)
 */
guint
rwb_entity_item_get_index (RwbEntityItem *self)
{
  g_return_val_if_fail (RWB_IS_ENTITY_ITEM (self), 0);
  return self->index;
}

/**
 * rwb_entity_item_get_name:
 * @self: an item
 *
 * Returns: (transfer none): the entity's name
 */
const char *
rwb_entity_item_get_name (RwbEntityItem *self)
{
  g_return_val_if_fail (RWB_IS_ENTITY_ITEM (self), NULL);
  return self->name;
}

/**
 * rwb_entity_item_get_entity_type:
 * @self: an item
 *
 * Returns: the entity's type
 */
RwbEntityType
rwb_entity_item_get_entity_type (RwbEntityItem *self)
{
  g_return_val_if_fail (RWB_IS_ENTITY_ITEM (self), RWB_ENTITY_COMPANY);
  return self->type;
}

/**
 * rwb_entity_item_get_degree:
 * @self: an item
 *
 * Returns: the number of the entity's relations, co-occurrences not counted
 */
guint
rwb_entity_item_get_degree (RwbEntityItem *self)
{
  g_return_val_if_fail (RWB_IS_ENTITY_ITEM (self), 0);
  return self->degree;
}

/**
 * rwb_entity_item_get_evidence:
 * @self: an item
 *
 * Returns: the entity's weighted degree: the evidence sentences of its relations (as
 * #RwbAnalysisGraph's weighted_degree), 0 until set
 */
guint
rwb_entity_item_get_evidence (RwbEntityItem *self)
{
  g_return_val_if_fail (RWB_IS_ENTITY_ITEM (self), 0);
  return self->evidence;
}

/**
 * rwb_entity_item_set_evidence:
 * @self: an item
 * @evidence: the entity's weighted degree
 *
 * Sets what rwb_entity_item_get_evidence() returns; the list computes it for all rows in one
 * pass over the relations.
 */
void
rwb_entity_item_set_evidence (RwbEntityItem *self, guint evidence)
{
  g_return_if_fail (RWB_IS_ENTITY_ITEM (self));
  self->evidence = evidence;
}

/**
 * rwb_entity_item_get_sort_key:
 * @self: an item
 *
 * Returns: (transfer none): the collation sort key of the name, compared with strcmp()
 */
const char *
rwb_entity_item_get_sort_key (RwbEntityItem *self)
{
  g_return_val_if_fail (RWB_IS_ENTITY_ITEM (self), "");
  return self->sort_key;
}

double
rwb_entity_item_get_centrality (RwbEntityItem *self)
{
  g_return_val_if_fail (RWB_IS_ENTITY_ITEM (self), -1);

  return self->centrality;
}

void
rwb_entity_item_set_centrality (RwbEntityItem *self, double centrality)
{
  g_return_if_fail (RWB_IS_ENTITY_ITEM (self));

  self->centrality = centrality;
}
