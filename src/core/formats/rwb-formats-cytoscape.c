/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-formats-cytoscape.c — Cytoscape.js JSON, for publishing a graph on the web.
 *
 * The shape `cy.json()` and `cytoscape({ elements: … })` take:
 * {"elements": {"nodes": [{"data": {…}, "position": {"x", "y"}}], "edges": [{"data": {…}}]}}.
 * Node data carries id, label, type, the type's colour (for a stylesheet's `data(color)`),
 * aliases and the entity id; edge data id, source, target, label, type, weight (the evidence
 * count), confidence and direction. Written with json-glib, so every string is escaped as
 * JSON wants; written only (Rawabit JSON is the format to read back).
 */
#define G_LOG_DOMAIN "rawabit-formats"

#include "rwb-formats-private.h"

#include <json-glib/json-glib.h>
#include <math.h>

static void
add_attrs (JsonBuilder *b, GHashTable *attrs, const char *const *reserved)
{
  g_autoptr (GPtrArray) keys = rwb_formats_extra_keys (attrs, reserved);
  for (guint k = 0; k < keys->len; k++)
    {
      const char *key = g_ptr_array_index (keys, k);
      json_builder_set_member_name (b, key);
      json_builder_add_string_value (b, g_hash_table_lookup (attrs, key));
    }
}

/* Data members Rawabit writes itself: an imported attribute of that name is left out. */
static const char *const node_reserved[] = { "id", "label", "type", "color", "aliases",
                                             "entity_id", "x", "y", NULL };
static const char *const edge_reserved[] = { "id", "source", "target", "label", "type",
                                             "weight", "confidence", "directed", "color", NULL };

char *
rwb_formats_write_cytoscape (RwbGraph *graph, const RwbScene *scene)
{
  g_autofree guint *scene_nodes = rwb_formats_scene_nodes (graph, scene);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "elements");
  json_builder_begin_object (b);

  json_builder_set_member_name (b, "nodes");
  json_builder_begin_array (b);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      g_autofree char *id = g_strdup_printf ("n%u", i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "data");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, e->name);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, rwb_entity_type_to_string (e->type));
      json_builder_set_member_name (b, "color");
      json_builder_add_string_value (b, rwb_entity_type_color (e->type));
      json_builder_set_member_name (b, "entity_id");
      json_builder_add_string_value (b, e->id);
      if (e->aliases->len)
        {
          json_builder_set_member_name (b, "aliases");
          json_builder_begin_array (b);
          for (guint j = 0; j < e->aliases->len; j++)
            json_builder_add_string_value (b, g_ptr_array_index (e->aliases, j));
          json_builder_end_array (b);
        }
      add_attrs (b, e->attrs, node_reserved);
      json_builder_end_object (b);
      double x, y;
      if (rwb_formats_entity_position (graph, scene, scene_nodes, i, &x, &y)
          && isfinite (x) && isfinite (y))
        {
          /* Cytoscape.js, like Rawabit, has y pointing down. */
          json_builder_set_member_name (b, "position");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "x");
          json_builder_add_double_value (b, round (x * 100) / 100);
          json_builder_set_member_name (b, "y");
          json_builder_add_double_value (b, round (y * 100) / 100);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "edges");
  json_builder_begin_array (b);
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      const RwbRelationTypeInfo *info = rwb_relation_type_info (r->type);
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autofree char *source = g_strdup_printf ("n%u", r->source);
      g_autofree char *target = g_strdup_printf ("n%u", r->target);
      const char *label = r->attrs ? g_hash_table_lookup (r->attrs, "label") : NULL;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "data");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id);
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, source);
      json_builder_set_member_name (b, "target");
      json_builder_add_string_value (b, target);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, label ? label : info->label);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, info->name);
      json_builder_set_member_name (b, "color");
      json_builder_add_string_value (b, info->color);
      json_builder_set_member_name (b, "weight");
      json_builder_add_int_value (b, rwb_formats_evidence_count (r));
      json_builder_set_member_name (b, "confidence");
      json_builder_add_double_value (b, round (r->confidence * 1000) / 1000);
      json_builder_set_member_name (b, "directed");
      json_builder_add_boolean_value (b, r->directed);
      add_attrs (b, r->attrs, edge_reserved);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_end_object (b);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  gsize length = 0;
  char *text = json_generator_to_data (gen, &length);
  /* A file ends with a newline, like the other writers' output. */
  char *with_newline = g_strconcat (text, "\n", NULL);
  g_free (text);
  return with_newline;
}
