/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-formats-graphml.c — GraphML, written by hand and read with GLib's GMarkup, which knows
 * no DTDs and no external entities, so reading a file opens no other file and nothing on the
 * network. yEd's labels are read; nested graphs are flattened and hyperedges left out, with a
 * warning.
 */
#define G_LOG_DOMAIN "rawabit-formats"

#include "rwb-formats-private.h"

#include <glib/gi18n.h>
#include <string.h>

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
/* Elements open at once. GraphML needs four (graphml, graph, node, data), yEd a dozen more
 * inside <data> and one graph level per group; a file nested deeper is not a drawing. */
#define GRAPHML_MAX_DEPTH 256

/* ---- GraphML ---- */

static const char *const graphml_node_reserved[] = { "label", "type", "aliases", "x", "y",
                                                     "entity_id", NULL };
static const char *const graphml_edge_reserved[] = { "type", "confidence", "evidence",
                                                     "directed", NULL };

static void
xml_text (GString *s, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_string_append (s, escaped);
}

static void
graphml_data (GString *s, const char *key, const char *value)
{
  g_string_append (s, "      <data key=\"");
  xml_text (s, key);
  g_string_append (s, "\">");
  xml_text (s, value);
  g_string_append (s, "</data>\n");
}

static void
graphml_key (GString *s, const char *id, const char *for_, const char *name, const char *type)
{
  g_string_append (s, "  <key id=\"");
  xml_text (s, id);
  g_string_append_printf (s, "\" for=\"%s\" attr.name=\"", for_);
  xml_text (s, name);
  g_string_append_printf (s, "\" attr.type=\"%s\"/>\n", type);
}

/* Every imported attribute name used by some entity (or relation), sorted. */
static GPtrArray *
collect_attr_names (GPtrArray *items, gboolean entities, const char *const *reserved)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < items->len; i++)
    {
      GHashTable *attrs = entities ? ((RwbEntity *) g_ptr_array_index (items, i))->attrs
                                   : ((RwbRelation *) g_ptr_array_index (items, i))->attrs;
      g_autoptr (GPtrArray) keys = rwb_formats_extra_keys (attrs, reserved);
      for (guint k = 0; k < keys->len; k++)
        g_hash_table_add (seen, g_ptr_array_index (keys, k));
    }
  GPtrArray *names = g_ptr_array_new ();
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, seen);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, rwb_formats_compare_strptr);
  return names;
}

char *
rwb_formats_write_graphml (RwbGraph *graph, const RwbScene *scene)
{
  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<graphml xmlns=\"" GRAPHML_NS "\"\n"
                             "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                             "    xsi:schemaLocation=\"" GRAPHML_NS " "
                             GRAPHML_NS "/1.0/graphml.xsd\">\n");
  graphml_key (s, "label", "node", "label", "string");
  graphml_key (s, "type", "node", "type", "string");
  graphml_key (s, "aliases", "node", "aliases", "string");
  graphml_key (s, "x", "node", "x", "double");
  graphml_key (s, "y", "node", "y", "double");
  graphml_key (s, "entity_id", "node", "entity_id", "string");
  graphml_key (s, "relation", "edge", "type", "string");
  graphml_key (s, "confidence", "edge", "confidence", "double");
  graphml_key (s, "evidence", "edge", "evidence", "int");
  graphml_key (s, "directed", "edge", "directed", "boolean");
  /* Attributes kept from an import get keys of their own, with ids that cannot clash. */
  g_autoptr (GPtrArray) node_extra = collect_attr_names (graph->entities, TRUE,
                                                         graphml_node_reserved);
  g_autoptr (GPtrArray) edge_extra = collect_attr_names (graph->relations, FALSE,
                                                         graphml_edge_reserved);
  for (guint k = 0; k < node_extra->len; k++)
    {
      g_autofree char *id = g_strdup_printf ("node_attr%u", k);
      graphml_key (s, id, "node", g_ptr_array_index (node_extra, k), "string");
    }
  for (guint k = 0; k < edge_extra->len; k++)
    {
      g_autofree char *id = g_strdup_printf ("edge_attr%u", k);
      graphml_key (s, id, "edge", g_ptr_array_index (edge_extra, k), "string");
    }
  g_string_append (s, "  <graph id=\"rawabit\" edgedefault=\"directed\">\n");
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      g_autofree char *aliases = rwb_formats_join_aliases (e);
      g_string_append_printf (s, "    <node id=\"n%u\">\n", i);
      graphml_data (s, "label", e->name);
      graphml_data (s, "type", rwb_entity_type_to_string (e->type));
      if (*aliases)
        graphml_data (s, "aliases", aliases);
      graphml_data (s, "entity_id", e->id);
      double x, y;
      if (rwb_formats_entity_position (graph, scene, i, &x, &y))
        {
          g_autofree char *xs = rwb_formats_format_double (x, "%.2f");
          g_autofree char *ys = rwb_formats_format_double (y, "%.2f");
          graphml_data (s, "x", xs);
          graphml_data (s, "y", ys);
        }
      for (guint k = 0; e->attrs && k < node_extra->len; k++)
        {
          const char *value = g_hash_table_lookup (e->attrs, g_ptr_array_index (node_extra, k));
          g_autofree char *id = g_strdup_printf ("node_attr%u", k);
          if (value)
            graphml_data (s, id, value);
        }
      g_string_append (s, "    </node>\n");
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      g_autofree char *conf = rwb_formats_format_double (r->confidence, "%.3f");
      g_autofree char *count = g_strdup_printf ("%u", rwb_formats_evidence_count (r));
      /* networkx refuses directed="false" inside an edgedefault="directed" graph, so only
       * directed edges say so in XML; the boolean data key carries it for every edge. */
      g_string_append_printf (s, "    <edge id=\"r%u\" source=\"n%u\" target=\"n%u\"%s>\n", i,
                              r->source, r->target, r->directed ? " directed=\"true\"" : "");
      graphml_data (s, "relation", rwb_relation_type_to_string (r->type));
      graphml_data (s, "directed", r->directed ? "true" : "false");
      graphml_data (s, "confidence", conf);
      graphml_data (s, "evidence", count);
      for (guint k = 0; r->attrs && k < edge_extra->len; k++)
        {
          const char *value = g_hash_table_lookup (r->attrs, g_ptr_array_index (edge_extra, k));
          g_autofree char *id = g_strdup_printf ("edge_attr%u", k);
          if (value)
            graphml_data (s, id, value);
        }
      g_string_append (s, "    </edge>\n");
    }
  g_string_append (s, "  </graph>\n</graphml>\n");
  return g_string_free (s, FALSE);
}


/* ---- reading GraphML ---- */

typedef struct {
  char *name;           /* attr.name, else the id */
  gboolean for_edges;   /* for="edge" (else node, graph or all) */
  gboolean for_nodes;
  char *default_value;
} GraphmlKey;

typedef struct {
  char *id, *source, *target;  /* source/target for edges only */
  int directed;                /* -1: not given */
  GHashTable *data;            /* key id → text */
  char *yfiles_label;          /* yEd: the text of a y:NodeLabel/y:EdgeLabel */
  int line;
} GraphmlItem;

typedef struct {
  GHashTable *keys;            /* id → GraphmlKey */
  GPtrArray *nodes, *edges;    /* GraphmlItem */
  gboolean edgedefault_directed;
  gboolean seen_root;
  guint depth;                 /* elements open */
  guint graph_depth;
  GraphmlKey *key;             /* inside <key> */
  gboolean in_default;
  GraphmlItem *item;           /* inside <node> or <edge> */
  char *data_key;              /* inside <data> */
  guint data_depth;            /* elements open inside <data> */
  gboolean in_yfiles_label;
  GString *text;
  GString *yfiles_text;
  GPtrArray *warnings;
  gboolean warned_nested, warned_hyperedge;
} GraphmlParser;

static void
graphml_key_free (gpointer data)
{
  GraphmlKey *key = data;
  g_free (key->name);
  g_free (key->default_value);
  g_free (key);
}

static void
graphml_item_free (gpointer data)
{
  GraphmlItem *item = data;
  g_free (item->id);
  g_free (item->source);
  g_free (item->target);
  g_free (item->yfiles_label);
  g_hash_table_unref (item->data);
  g_free (item);
}

static GraphmlItem *
graphml_item_new (GMarkupParseContext *context, const char *id)
{
  GraphmlItem *item = g_new0 (GraphmlItem, 1);
  item->id = g_strdup (id);
  item->directed = -1;
  item->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_markup_parse_context_get_position (context, &item->line, NULL);
  return item;
}

static void
graphml_start (GMarkupParseContext *context, const char *element, const char **names,
               const char **values, gpointer user_data, GError **error)
{
  GraphmlParser *p = user_data;
  const char *name = rwb_formats_xml_local_name (element);

  if (++p->depth > GRAPHML_MAX_DEPTH)
    {
      rwb_formats_markup_error (context, error, _("elements are nested more than %u levels deep"),
                    GRAPHML_MAX_DEPTH);
      return;
    }
  if (p->data_key)
    {
      /* Inside <data>: yEd nests its drawing here; its label text is worth keeping. */
      p->data_depth++;
      if (g_str_equal (name, "NodeLabel") || g_str_equal (name, "EdgeLabel"))
        p->in_yfiles_label = TRUE;
      return;
    }
  if (!p->seen_root)
    {
      if (!g_str_equal (name, "graphml"))
        {
          rwb_formats_markup_error (context, error, _("not a GraphML file: the root element is <%s>"),
                        element);
          return;
        }
      p->seen_root = TRUE;
      return;
    }
  if (g_str_equal (name, "key"))
    {
      const char *id = rwb_formats_xml_attr (names, values, "id");
      if (id == NULL)
        {
          rwb_formats_markup_error (context, error, _("<key> has no id"));
          return;
        }
      const char *attr_name = rwb_formats_xml_attr (names, values, "attr.name");
      const char *for_ = rwb_formats_xml_attr (names, values, "for");
      GraphmlKey *key = g_new0 (GraphmlKey, 1);
      key->name = g_strdup (attr_name ? attr_name : id);
      key->for_nodes = for_ == NULL || g_str_equal (for_, "node") || g_str_equal (for_, "all");
      key->for_edges = for_ == NULL || g_str_equal (for_, "edge") || g_str_equal (for_, "all");
      g_hash_table_replace (p->keys, g_strdup (id), key);
      p->key = key;
    }
  else if (g_str_equal (name, "default") && p->key)
    {
      p->in_default = TRUE;
      g_string_truncate (p->text, 0);
    }
  else if (g_str_equal (name, "graph"))
    {
      if (p->graph_depth++ == 0)
        p->edgedefault_directed
          = g_strcmp0 (rwb_formats_xml_attr (names, values, "edgedefault"), "undirected") != 0;
      else if (!p->warned_nested)
        {
          p->warned_nested = TRUE;
          rwb_formats_warn (p->warnings, _("Nested graphs (groups) were flattened into one graph"));
        }
    }
  else if (g_str_equal (name, "node"))
    {
      const char *id = rwb_formats_xml_attr (names, values, "id");
      if (id == NULL)
        {
          rwb_formats_markup_error (context, error, _("<node> has no id"));
          return;
        }
      p->item = graphml_item_new (context, id);
      g_ptr_array_add (p->nodes, p->item);
    }
  else if (g_str_equal (name, "edge"))
    {
      const char *source = rwb_formats_xml_attr (names, values, "source");
      const char *target = rwb_formats_xml_attr (names, values, "target");
      const char *directed = rwb_formats_xml_attr (names, values, "directed");
      if (source == NULL || target == NULL)
        {
          rwb_formats_markup_error (context, error, _("<edge> needs a source and a target"));
          return;
        }
      p->item = graphml_item_new (context, rwb_formats_xml_attr (names, values, "id"));
      p->item->source = g_strdup (source);
      p->item->target = g_strdup (target);
      if (directed)
        p->item->directed = g_str_equal (directed, "true") || g_str_equal (directed, "1");
      g_ptr_array_add (p->edges, p->item);
    }
  else if (g_str_equal (name, "hyperedge") && !p->warned_hyperedge)
    {
      p->warned_hyperedge = TRUE;
      rwb_formats_warn (p->warnings, _("Hyperedges are not supported and were left out"));
    }
  else if (g_str_equal (name, "data") && p->item)
    {
      const char *key = rwb_formats_xml_attr (names, values, "key");
      if (key == NULL)
        {
          rwb_formats_markup_error (context, error, _("<data> has no key"));
          return;
        }
      p->data_key = g_strdup (key);
      p->data_depth = 0;
      g_string_truncate (p->text, 0);
      g_string_truncate (p->yfiles_text, 0);
    }
}

static void
graphml_end (GMarkupParseContext *context, const char *element, gpointer user_data,
             GError **error)
{
  GraphmlParser *p = user_data;
  const char *name = rwb_formats_xml_local_name (element);

  p->depth--;
  if (p->data_key)
    {
      if (p->data_depth > 0)
        {
          p->data_depth--;
          if (g_str_equal (name, "NodeLabel") || g_str_equal (name, "EdgeLabel"))
            p->in_yfiles_label = FALSE;
          return;
        }
      g_hash_table_replace (p->item->data, g_steal_pointer (&p->data_key),
                            g_strdup (p->text->str));
      if (p->yfiles_text->len && p->item->yfiles_label == NULL)
        p->item->yfiles_label = g_strstrip (g_strdup (p->yfiles_text->str));
      return;
    }
  if (g_str_equal (name, "key"))
    p->key = NULL;
  /* A <key> nested in <default> (not valid GraphML, but well-formed XML) ends with p->key
   * already cleared by its </key>. */
  else if (g_str_equal (name, "default") && p->in_default && p->key)
    {
      p->in_default = FALSE;
      g_free (p->key->default_value);
      p->key->default_value = g_strdup (p->text->str);
    }
  else if (g_str_equal (name, "graph") && p->graph_depth > 0)
    p->graph_depth--;
  else if (g_str_equal (name, "node") || g_str_equal (name, "edge"))
    p->item = NULL;
}

static void
graphml_text (GMarkupParseContext *context, const char *text, gsize len, gpointer user_data,
              GError **error)
{
  GraphmlParser *p = user_data;
  if (p->data_key && p->data_depth == 0)
    g_string_append_len (p->text, text, len);
  else if (p->data_key && p->in_yfiles_label)
    g_string_append_len (p->yfiles_text, text, len);
  else if (p->in_default)
    g_string_append_len (p->text, text, len);
}

/* Value of the data named @name on @item (by the keys' attr.name, any case), or its default. */
static const char *
item_value (GraphmlParser *p, GraphmlItem *item, gboolean edge, const char *name)
{
  GHashTableIter it;
  gpointer id, value;
  g_hash_table_iter_init (&it, p->keys);
  while (g_hash_table_iter_next (&it, &id, &value))
    {
      GraphmlKey *key = value;
      if ((edge ? key->for_edges : key->for_nodes) && g_ascii_strcasecmp (key->name, name) == 0)
        {
          const char *v = g_hash_table_lookup (item->data, id);
          if (v)
            return v;
          if (key->default_value)
            return key->default_value;
        }
    }
  return NULL;
}

static const char *const graphml_node_mapped[] = { "label", "name", "type", "aliases",
                                                   "entity_id", NULL };
static const char *const graphml_edge_mapped[] = { "type", "confidence", "evidence", "directed",
                                                   NULL };

/* Copies the data of @item that no field took into attrs, under the keys' names. */
static void
keep_other_data (GraphmlParser *p, GraphmlItem *item, gboolean edge, GHashTable **attrs,
                 const char *const *mapped, const char *label_of_type)
{
  GHashTableIter it;
  gpointer id, value;
  g_hash_table_iter_init (&it, p->keys);
  while (g_hash_table_iter_next (&it, &id, &value))
    {
      GraphmlKey *key = value;
      if (!(edge ? key->for_edges : key->for_nodes))
        continue;
      gboolean is_mapped = FALSE;
      for (guint m = 0; mapped[m]; m++)
        is_mapped |= g_ascii_strcasecmp (key->name, mapped[m]) == 0;
      if (is_mapped)
        continue;
      const char *v = g_hash_table_lookup (item->data, id);
      if (v == NULL)
        v = key->default_value;
      /* A label that only repeats the relation type is not worth keeping. */
      if (v == NULL || (label_of_type && g_ascii_strcasecmp (key->name, "label") == 0
                        && g_str_equal (v, label_of_type)))
        continue;
      if (*attrs == NULL)
        *attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_replace (*attrs, g_strdup (key->name), g_strdup (v));
    }
}

static RwbGraph *
graphml_build (GraphmlParser *p, GError **error)
{
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) unknown_types = g_hash_table_new (g_str_hash, g_str_equal);
  guint untyped_nodes = 0, untyped_edges = 0;

  for (guint i = 0; i < p->nodes->len; i++)
    {
      GraphmlItem *item = g_ptr_array_index (p->nodes, i);
      if (g_hash_table_contains (ids, item->id))
        {
          g_set_error (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_PARSE,
                       _("line %d: node id “%s” is used twice"), item->line, item->id);
          return NULL;
        }
      const char *label = item_value (p, item, FALSE, "label");
      if (label == NULL || *label == '\0')
        label = item_value (p, item, FALSE, "name");
      if (label == NULL || *label == '\0')
        label = item->yfiles_label;
      if (label == NULL || *label == '\0')
        label = item->id;
      const char *type_str = item_value (p, item, FALSE, "type");
      RwbEntityType type = RWB_ENTITY_COMPANY;
      gboolean known = type_str && rwb_entity_type_from_string (type_str, &type);
      guint index = rwb_graph_add_entity (graph, label, type);
      RwbEntity *e = g_ptr_array_index (graph->entities, index);
      g_hash_table_insert (ids, item->id, GUINT_TO_POINTER (index));
      if (type_str == NULL)
        untyped_nodes++;
      else if (!known)
        {
          rwb_entity_set_attr (e, "graphml_type", type_str);
          g_hash_table_add (unknown_types, (gpointer) g_intern_string (type_str));
        }
      const char *aliases = item_value (p, item, FALSE, "aliases");
      if (aliases)
        rwb_formats_add_aliases (e, aliases);
      const char *entity_id = item_value (p, item, FALSE, "entity_id");
      if (entity_id && *entity_id && !rwb_graph_entity_id_used (graph, entity_id, e))
        {
          g_free (e->id);
          e->id = g_strdup (entity_id);
        }
      keep_other_data (p, item, FALSE, &e->attrs, graphml_node_mapped, NULL);
    }
  rwb_formats_unique_entity_ids (graph);
  GHashTableIter it;
  gpointer type_name;
  g_hash_table_iter_init (&it, unknown_types);
  while (g_hash_table_iter_next (&it, &type_name, NULL))
    rwb_formats_warn (p->warnings, _("Unknown entity type “%s” read as company"), (char *) type_name);
  if (untyped_nodes)
    rwb_formats_warn (p->warnings, _("%u nodes have no type and were read as companies"), untyped_nodes);

  for (guint i = 0; i < p->edges->len; i++)
    {
      GraphmlItem *item = g_ptr_array_index (p->edges, i);
      gpointer src, dst;
      if (!g_hash_table_lookup_extended (ids, item->source, NULL, &src)
          || !g_hash_table_lookup_extended (ids, item->target, NULL, &dst))
        {
          g_set_error (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_PARSE,
                       _("line %d: edge %s → %s names a node that does not exist"), item->line,
                       item->source, item->target);
          return NULL;
        }
      const char *type_str = item_value (p, item, TRUE, "type");
      RwbRelationType type = RWB_RELATION_MENTION;
      gboolean known = type_str && rwb_relation_type_from_string (type_str, &type);
      if (!known)
        untyped_edges++;
      double confidence = 0.5;
      const char *conf_str = item_value (p, item, TRUE, "confidence");
      if (conf_str && rwb_formats_parse_double (conf_str, &confidence))
        confidence = CLAMP (confidence, 0.0, 1.0);
      gboolean directed = p->edgedefault_directed;
      if (item->directed >= 0)
        directed = item->directed;
      rwb_formats_parse_bool (item_value (p, item, TRUE, "directed"), &directed);
      guint index = rwb_graph_ensure_relation (graph, GPOINTER_TO_UINT (src),
                                               GPOINTER_TO_UINT (dst), type, confidence);
      RwbRelation *r = g_ptr_array_index (graph->relations, index);
      r->directed = directed;
      guint count = 0;
      const char *count_str = item_value (p, item, TRUE, "evidence");
      if (count_str && !rwb_formats_parse_count (count_str, &count))
        rwb_formats_warn (p->warnings, _("line %d: evidence count “%s” is not a number"), item->line,
              count_str);
      /* Parallel edges of one type become one relation: their counts add up. */
      r->n_evidence += count;
      if (type_str && !known)
        rwb_relation_set_attr (r, "graphml_type", type_str);
      keep_other_data (p, item, TRUE, &r->attrs, graphml_edge_mapped,
                       rwb_relation_type_to_string (type));
    }
  if (untyped_edges)
    rwb_formats_warn (p->warnings, _("%u edges have no Rawabit relation type and were read as mention "
                         "(co-occurrence)"), untyped_edges);
  return g_steal_pointer (&graph);
}

RwbGraph *
rwb_formats_read_graphml (const char *data, gsize length, GPtrArray *warnings, GError **error)
{
  static const GMarkupParser parser = { graphml_start, graphml_end, graphml_text, NULL, NULL };
  GraphmlParser p = { 0 };
  p.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, graphml_key_free);
  p.nodes = g_ptr_array_new_with_free_func (graphml_item_free);
  p.edges = g_ptr_array_new_with_free_func (graphml_item_free);
  p.text = g_string_new (NULL);
  p.yfiles_text = g_string_new (NULL);
  p.warnings = warnings;
  p.edgedefault_directed = TRUE;

  RwbGraph *graph = NULL;
  g_autoptr (GError) local = NULL;
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, &p, NULL);
  if (g_markup_parse_context_parse (context, data, length, &local)
      && g_markup_parse_context_end_parse (context, &local))
    {
      if (!p.seen_root)
        g_set_error_literal (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_PARSE,
                             _("Not valid GraphML: the file has no <graphml> element"));
      else
        graph = graphml_build (&p, error);
    }
  else
    /* GMarkup's messages already say "Error on line N char M: …". */
    g_set_error (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_PARSE, _("Not valid GraphML: %s"),
                 local->message);
  g_markup_parse_context_free (context);
  g_free (p.data_key);
  g_string_free (p.text, TRUE);
  g_string_free (p.yfiles_text, TRUE);
  g_ptr_array_unref (p.nodes);
  g_ptr_array_unref (p.edges);
  g_hash_table_unref (p.keys);
  return graph;
}

