/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-formats-gexf.c — GEXF, Gephi's format: version 1.3 written, 1.1 to 1.3 read.
 *
 * Written: nodes with their label and, as declared attributes, type, aliases and entity id;
 * edges with their label, relation type, confidence and weight (the evidence count; at least
 * 1, as Gephi drops an edge of weight 0 — gephi/gephi#1945 — with the exact count in an
 * `evidence` attribute, which reading prefers); the
 * type colours of rwb-types.c and, when positions are known, viz:position. networkx refuses an
 * undirected edge in a directed graph, so (as in GraphML) only a graph whose relations all
 * read both ways is undirected, and a boolean attribute `directed` says it for each edge;
 * Gephi's own `type` on an edge is read. Gephi's y axis
 * points up and Rawabit's down, so y is written negated (and negated back when read). When
 * the graph has dated documents (rwb-timeline.h) each node and edge gets the date from which
 * it is known as `start` in a dynamic graph, so Gephi's timeline plays the story.
 *
 * Read with GLib's GMarkup, as GraphML is (rwb-formats-graphml.c): no DTD, no external
 * entity, no entity but XML's own five, so a file opens no other file and nothing on the
 * network. Attributes are found by title or by id (Gephi numbers its ids, networkx too),
 * viz data may be missing, every number is checked (finite, in range) and a file nested
 * too deep or declaring too much is refused.
 */
#define G_LOG_DOMAIN "rawabit-formats"

#include "rwb-formats-private.h"
#include "rwb-timeline.h"
#include "rwb-xml.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define GEXF_NS "http://gexf.net/1.3"
#define GEXF_VIZ_NS "http://gexf.net/1.3/viz"
/* Elements open at once. A flat GEXF file needs six (gexf, graph, nodes, node, attvalues,
 * attvalue); Gephi's hierarchies nest nodes/node pairs, a few levels in practice. */
#define GEXF_MAX_DEPTH 128
/* Attribute declarations and values per node or edge: Gephi's widest tables have tens. */
#define GEXF_MAX_ATTRIBUTES 4096
#define GEXF_MAX_ATTVALUES 4096
/* Nodes and edges in one file: ten times the largest graph the view is made for. */
#define GEXF_MAX_ITEMS 5000000
/* Coordinates and sizes beyond this are not a drawing (and would overflow a scene). */
#define GEXF_MAX_COORD 1e9

static const char *const gexf_node_reserved[] = { "label", "type", "aliases", "x", "y",
                                                  "entity_id", "start", NULL };
static const char *const gexf_edge_reserved[] = { "label", "relation", "confidence", "directed",
                                                  "evidence", "start", "weight", NULL };

/* ---- writing ---- */

static void
gexf_attr (GString *s, const char *name, const char *value)
{
  g_autofree char *escaped = rwb_xml_escape (value);
  g_string_append_printf (s, " %s=\"%s\"", name, escaped);
}

static void
gexf_attvalue (GString *s, const char *id, const char *value)
{
  g_string_append (s, "          <attvalue");
  gexf_attr (s, "for", id);
  gexf_attr (s, "value", value);
  g_string_append (s, "/>\n");
}

static void
gexf_declare (GString *s, const char *id, const char *title, const char *type)
{
  g_string_append (s, "      <attribute");
  gexf_attr (s, "id", id);
  gexf_attr (s, "title", title);
  g_string_append_printf (s, " type=\"%s\"/>\n", type);
}

static void
gexf_color (GString *s, const char *indent, double r, double g, double b)
{
  g_string_append_printf (s, "%s<viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n", indent,
                          (int) lround (CLAMP (r, 0, 1) * 255),
                          (int) lround (CLAMP (g, 0, 1) * 255),
                          (int) lround (CLAMP (b, 0, 1) * 255));
}

/* Whether @s is a date as timeformat="date" spells it: YYYY-MM-DD, a real day. */
static gboolean
is_iso_date (const char *s)
{
  guint y, m, d;
  char tail;
  if (s == NULL || strlen (s) != 10 || sscanf (s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

/* Imported attribute names of @items minus @reserved, sorted (shared shape with GraphML). */
static GPtrArray *
extra_names (GPtrArray *items, gboolean entities, const char *const *reserved)
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

static const char *
entity_start (RwbEntity *e, const RwbTimeline *timeline, guint i)
{
  const char *since = rwb_timeline_entity_since (timeline, i);
  if (since == NULL && e->attrs)
    since = g_hash_table_lookup (e->attrs, "start");
  return is_iso_date (since) ? since : NULL;
}

static const char *
relation_start (RwbRelation *r, const RwbTimeline *timeline, guint i)
{
  const char *since = rwb_timeline_relation_since (timeline, i);
  if (since == NULL && r->attrs)
    since = g_hash_table_lookup (r->attrs, "start");
  return is_iso_date (since) ? since : NULL;
}

char *
rwb_formats_write_gexf (RwbGraph *graph, const RwbScene *scene)
{
  g_autoptr (RwbTimeline) timeline = rwb_timeline_new (graph);
  g_autofree guint *scene_nodes = rwb_formats_scene_nodes (graph, scene);
  gboolean dynamic = FALSE, any_aliases = FALSE;
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      dynamic |= entity_start (e, timeline, i) != NULL;
      any_aliases |= e->aliases->len > 0;
    }
  for (guint i = 0; !dynamic && i < graph->relations->len; i++)
    dynamic |= relation_start (g_ptr_array_index (graph->relations, i), timeline, i) != NULL;

  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<gexf xmlns=\"" GEXF_NS "\" xmlns:viz=\"" GEXF_VIZ_NS "\"\n"
                             "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                             "    xsi:schemaLocation=\"" GEXF_NS " " GEXF_NS "/gexf.xsd\""
                             " version=\"1.3\">\n"
                             "  <meta>\n    <creator>Rawabit</creator>\n  </meta>\n");
  gboolean any_directed = graph->relations->len == 0;
  for (guint i = 0; !any_directed && i < graph->relations->len; i++)
    any_directed |= ((RwbRelation *) g_ptr_array_index (graph->relations, i))->directed;
  g_string_append_printf (s, "  <graph defaultedgetype=\"%s\" mode=\"%s\"%s>\n",
                          any_directed ? "directed" : "undirected",
                          dynamic ? "dynamic" : "static",
                          dynamic ? " timeformat=\"date\"" : "");

  g_autoptr (GPtrArray) node_extra = extra_names (graph->entities, TRUE, gexf_node_reserved);
  g_autoptr (GPtrArray) edge_extra = extra_names (graph->relations, FALSE, gexf_edge_reserved);
  g_string_append (s, "    <attributes class=\"node\" mode=\"static\">\n");
  gexf_declare (s, "type", "type", "string");
  if (any_aliases)
    gexf_declare (s, "aliases", "aliases", "string");
  gexf_declare (s, "entity_id", "entity_id", "string");
  for (guint k = 0; k < node_extra->len; k++)
    {
      g_autofree char *id = g_strdup_printf ("node_attr%u", k);
      gexf_declare (s, id, g_ptr_array_index (node_extra, k), "string");
    }
  g_string_append (s, "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n");
  /* Not "type": networkx writes an edge attribute of that name as the edge's XML type,
   * which GEXF keeps for directed/undirected/mutual. */
  gexf_declare (s, "relation", "relation", "string");
  gexf_declare (s, "confidence", "confidence", "double");
  gexf_declare (s, "directed", "directed", "boolean");
  gexf_declare (s, "evidence", "evidence", "integer");
  for (guint k = 0; k < edge_extra->len; k++)
    {
      g_autofree char *id = g_strdup_printf ("edge_attr%u", k);
      gexf_declare (s, id, g_ptr_array_index (edge_extra, k), "string");
    }
  g_string_append (s, "    </attributes>\n    <nodes>\n");

  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      const char *start = entity_start (e, timeline, i);
      g_string_append_printf (s, "      <node id=\"n%u\"", i);
      gexf_attr (s, "label", e->name);
      if (start)
        gexf_attr (s, "start", start);
      g_string_append (s, ">\n        <attvalues>\n");
      gexf_attvalue (s, "type", rwb_entity_type_to_string (e->type));
      if (e->aliases->len)
        {
          g_autofree char *aliases = rwb_formats_join_aliases (e);
          gexf_attvalue (s, "aliases", aliases);
        }
      gexf_attvalue (s, "entity_id", e->id);
      for (guint k = 0; e->attrs && k < node_extra->len; k++)
        {
          const char *value = g_hash_table_lookup (e->attrs, g_ptr_array_index (node_extra, k));
          g_autofree char *id = g_strdup_printf ("node_attr%u", k);
          if (value)
            gexf_attvalue (s, id, value);
        }
      g_string_append (s, "        </attvalues>\n");
      double r, g, b, x, y;
      rwb_entity_type_rgb (e->type, &r, &g, &b);
      gexf_color (s, "        ", r, g, b);
      if (rwb_formats_entity_position (graph, scene, scene_nodes, i, &x, &y)
          && isfinite (x) && isfinite (y))
        {
          g_autofree char *xs = rwb_formats_format_double (x, "%.2f");
          g_autofree char *ys = rwb_formats_format_double (y == 0 ? 0 : -y, "%.2f");
          g_string_append_printf (s, "        <viz:position x=\"%s\" y=\"%s\" z=\"0.0\"/>\n",
                                  xs, ys);
        }
      g_string_append (s, "      </node>\n");
    }
  g_string_append (s, "    </nodes>\n    <edges>\n");
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *rel = g_ptr_array_index (graph->relations, i);
      const char *start = relation_start (rel, timeline, i);
      const char *label = rwb_relation_type_info (rel->type)->label;
      if (rel->attrs && g_hash_table_lookup (rel->attrs, "label"))
        label = g_hash_table_lookup (rel->attrs, "label");
      g_autofree char *conf = rwb_formats_format_double (rel->confidence, "%.3f");
      g_string_append_printf (s, "      <edge id=\"r%u\" source=\"n%u\" target=\"n%u\" "
                                 "weight=\"%u\"",
                              i, rel->source, rel->target,
                              MAX (rwb_formats_evidence_count (rel), 1));
      gexf_attr (s, "label", label);
      if (start)
        gexf_attr (s, "start", start);
      g_string_append (s, ">\n        <attvalues>\n");
      gexf_attvalue (s, "relation", rwb_relation_type_to_string (rel->type));
      gexf_attvalue (s, "confidence", conf);
      gexf_attvalue (s, "directed", rel->directed ? "true" : "false");
      g_autofree char *count = g_strdup_printf ("%u", rwb_formats_evidence_count (rel));
      gexf_attvalue (s, "evidence", count);
      for (guint k = 0; rel->attrs && k < edge_extra->len; k++)
        {
          const char *value = g_hash_table_lookup (rel->attrs,
                                                   g_ptr_array_index (edge_extra, k));
          g_autofree char *id = g_strdup_printf ("edge_attr%u", k);
          if (value)
            gexf_attvalue (s, id, value);
        }
      g_string_append (s, "        </attvalues>\n");
      double r, g, b;
      rwb_relation_type_rgb (rel->type, &r, &g, &b);
      gexf_color (s, "        ", r, g, b);
      g_string_append (s, "      </edge>\n");
    }
  g_string_append (s, "    </edges>\n  </graph>\n</gexf>\n");
  return g_string_free (s, FALSE);
}


/* ---- reading ---- */

typedef struct {
  char *title;          /* title, else the id */
  char *default_value;
} GexfAttribute;

typedef struct {
  char *id, *label, *source, *target, *start;
  char *edge_type;      /* edges: the type attribute (directed, undirected, mutual) */
  char *weight;
  GHashTable *values;   /* attribute id → value */
  gboolean has_position;
  double x, y;
  int line;
} GexfItem;

typedef struct {
  GHashTable *node_attrs, *edge_attrs;  /* id → GexfAttribute */
  GPtrArray *nodes, *edges;             /* GexfItem */
  gboolean seen_root, default_directed;
  guint depth, node_depth;
  GHashTable *declaring;                /* inside <attributes>: the table it fills */
  GexfAttribute *attribute;             /* inside <attribute> */
  gboolean in_default;
  GexfItem *item;                       /* inside <node> or <edge> (the innermost node) */
  GPtrArray *open_nodes;                /* GexfItem of nested nodes, for hierarchies */
  GString *text;
  GPtrArray *warnings;
  gboolean warned_hierarchy, warned_position, warned_namespace;
} GexfParser;

static void
gexf_attribute_free (gpointer data)
{
  GexfAttribute *a = data;
  g_free (a->title);
  g_free (a->default_value);
  g_free (a);
}

static void
gexf_item_free (gpointer data)
{
  GexfItem *item = data;
  g_free (item->id);
  g_free (item->label);
  g_free (item->source);
  g_free (item->target);
  g_free (item->start);
  g_free (item->edge_type);
  g_free (item->weight);
  g_hash_table_unref (item->values);
  g_free (item);
}

static GexfItem *
gexf_item_new (GMarkupParseContext *context, const char **names, const char **values)
{
  GexfItem *item = g_new0 (GexfItem, 1);
  item->id = g_strdup (rwb_formats_xml_attr (names, values, "id"));
  item->label = g_strdup (rwb_formats_xml_attr (names, values, "label"));
  item->start = g_strdup (rwb_formats_xml_attr (names, values, "start"));
  item->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_markup_parse_context_get_position (context, &item->line, NULL);
  return item;
}

/* A coordinate: a number, finite and within GEXF_MAX_COORD. */
static gboolean
parse_coord (const char *s, double *out)
{
  return rwb_formats_parse_double (s, out) && isfinite (*out) && fabs (*out) <= GEXF_MAX_COORD;
}

static void
gexf_position (GexfParser *p, GMarkupParseContext *context, const char **names,
               const char **values)
{
  const char *xs = rwb_formats_xml_attr (names, values, "x");
  const char *ys = rwb_formats_xml_attr (names, values, "y");
  double x = 0, y = 0;
  /* A missing coordinate is 0 in GEXF's schema. */
  if ((xs == NULL || parse_coord (xs, &x)) && (ys == NULL || parse_coord (ys, &y)))
    {
      p->item->has_position = TRUE;
      p->item->x = x;
      p->item->y = y;
    }
  else if (!p->warned_position)
    {
      int line = 0;
      g_markup_parse_context_get_position (context, &line, NULL);
      p->warned_position = TRUE;
      rwb_formats_warn (p->warnings,
                        _("line %d: a node position that is not a finite number within "
                          "±10⁹ was left out"), line);
    }
}

static void
gexf_start (GMarkupParseContext *context, const char *element, const char **names,
            const char **values, gpointer user_data, GError **error)
{
  GexfParser *p = user_data;
  const char *name = rwb_formats_xml_local_name (element);

  if (++p->depth > GEXF_MAX_DEPTH)
    {
      rwb_formats_markup_error (context, error, _("elements are nested more than %u levels deep"),
                                GEXF_MAX_DEPTH);
      return;
    }
  if (!p->seen_root)
    {
      if (!g_str_equal (name, "gexf"))
        {
          rwb_formats_markup_error (context, error,
                                    _("not a GEXF file: the root element is <%s>"), element);
          return;
        }
      /* Gephi 0.9 and networkx write 1.2draft; older tools 1.1draft. The elements Rawabit
       * reads are the same in all of them. */
      static const char *const known_ns[] = { GEXF_NS, "http://www.gexf.net/1.2draft",
                                              "http://gexf.net/1.2",
                                              "http://www.gexf.net/1.1draft", NULL };
      const char *ns = rwb_formats_xml_attr (names, values, "xmlns");
      if (ns && !g_strv_contains (known_ns, ns))
        rwb_formats_warn (p->warnings, _("Unknown GEXF namespace “%s”, read as GEXF 1.3"), ns);
      p->seen_root = TRUE;
      return;
    }
  if (g_str_equal (name, "graph"))
    p->default_directed
      = g_strcmp0 (rwb_formats_xml_attr (names, values, "defaultedgetype"), "undirected") != 0;
  else if (g_str_equal (name, "attributes"))
    {
      const char *class = rwb_formats_xml_attr (names, values, "class");
      p->declaring = g_strcmp0 (class, "edge") == 0 ? p->edge_attrs
                     : g_strcmp0 (class, "node") == 0 ? p->node_attrs
                                                      : NULL;
    }
  else if (g_str_equal (name, "attribute") && p->declaring)
    {
      const char *id = rwb_formats_xml_attr (names, values, "id");
      const char *title = rwb_formats_xml_attr (names, values, "title");
      if (id == NULL)
        {
          rwb_formats_markup_error (context, error, _("<attribute> has no id"));
          return;
        }
      if (g_hash_table_size (p->node_attrs) + g_hash_table_size (p->edge_attrs)
          >= GEXF_MAX_ATTRIBUTES)
        {
          rwb_formats_markup_error (context, error, _("more than %u attributes are declared"),
                                    GEXF_MAX_ATTRIBUTES);
          return;
        }
      GexfAttribute *a = g_new0 (GexfAttribute, 1);
      a->title = g_strdup (title && *title ? title : id);
      g_hash_table_replace (p->declaring, g_strdup (id), a);
      p->attribute = a;
    }
  else if (g_str_equal (name, "default") && p->attribute)
    {
      p->in_default = TRUE;
      g_string_truncate (p->text, 0);
    }
  else if (g_str_equal (name, "node"))
    {
      if (p->nodes->len + p->edges->len >= GEXF_MAX_ITEMS)
        {
          rwb_formats_markup_error (context, error, _("more than %u nodes and edges"),
                                    GEXF_MAX_ITEMS);
          return;
        }
      GexfItem *item = gexf_item_new (context, names, values);
      if (item->id == NULL)
        {
          gexf_item_free (item);
          rwb_formats_markup_error (context, error, _("<node> has no id"));
          return;
        }
      if (p->open_nodes->len && !p->warned_hierarchy)
        {
          p->warned_hierarchy = TRUE;
          rwb_formats_warn (p->warnings, _("Nested nodes (a hierarchy) were flattened into one "
                                           "graph"));
        }
      g_ptr_array_add (p->nodes, item);
      g_ptr_array_add (p->open_nodes, item);
      p->item = item;
    }
  else if (g_str_equal (name, "edge"))
    {
      if (p->nodes->len + p->edges->len >= GEXF_MAX_ITEMS)
        {
          rwb_formats_markup_error (context, error, _("more than %u nodes and edges"),
                                    GEXF_MAX_ITEMS);
          return;
        }
      const char *source = rwb_formats_xml_attr (names, values, "source");
      const char *target = rwb_formats_xml_attr (names, values, "target");
      if (source == NULL || target == NULL)
        {
          rwb_formats_markup_error (context, error, _("<edge> needs a source and a target"));
          return;
        }
      GexfItem *item = gexf_item_new (context, names, values);
      item->source = g_strdup (source);
      item->target = g_strdup (target);
      item->edge_type = g_strdup (rwb_formats_xml_attr (names, values, "type"));
      item->weight = g_strdup (rwb_formats_xml_attr (names, values, "weight"));
      g_ptr_array_add (p->edges, item);
      p->item = item;
    }
  else if (g_str_equal (name, "attvalue") && p->item)
    {
      /* Gephi writes `for`, GEXF 1.1 files `id`. */
      const char *id = rwb_formats_xml_attr (names, values, "for");
      const char *value = rwb_formats_xml_attr (names, values, "value");
      if (id == NULL)
        id = rwb_formats_xml_attr (names, values, "id");
      if (id == NULL || value == NULL)
        {
          rwb_formats_markup_error (context, error, _("<attvalue> needs for and value"));
          return;
        }
      if (g_hash_table_size (p->item->values) >= GEXF_MAX_ATTVALUES)
        {
          rwb_formats_markup_error (context, error, _("more than %u values on one element"),
                                    GEXF_MAX_ATTVALUES);
          return;
        }
      /* A dynamic attribute has one value per time span: the first is kept. */
      if (!g_hash_table_contains (p->item->values, id))
        g_hash_table_insert (p->item->values, g_strdup (id), g_strdup (value));
    }
  else if (g_str_equal (name, "spell") && p->item && p->item->start == NULL)
    p->item->start = g_strdup (rwb_formats_xml_attr (names, values, "start"));
  else if (g_str_equal (name, "position") && p->item && p->item->source == NULL)
    gexf_position (p, context, names, values);
}

static void
gexf_end (GMarkupParseContext *context, const char *element, gpointer user_data,
          GError **error)
{
  GexfParser *p = user_data;
  const char *name = rwb_formats_xml_local_name (element);

  p->depth--;
  if (g_str_equal (name, "attributes"))
    p->declaring = NULL;
  else if (g_str_equal (name, "attribute"))
    p->attribute = NULL;
  else if (g_str_equal (name, "default") && p->in_default && p->attribute)
    {
      p->in_default = FALSE;
      g_free (p->attribute->default_value);
      p->attribute->default_value = g_strdup (p->text->str);
    }
  else if (g_str_equal (name, "node") && p->open_nodes->len)
    {
      g_ptr_array_set_size (p->open_nodes, p->open_nodes->len - 1);
      p->item = p->open_nodes->len ? g_ptr_array_index (p->open_nodes, p->open_nodes->len - 1)
                                   : NULL;
    }
  else if (g_str_equal (name, "edge"))
    p->item = p->open_nodes->len ? g_ptr_array_index (p->open_nodes, p->open_nodes->len - 1)
                                 : NULL;
}

static void
gexf_text (GMarkupParseContext *context, const char *text, gsize len, gpointer user_data,
           GError **error)
{
  GexfParser *p = user_data;
  if (p->in_default)
    g_string_append_len (p->text, text, len);
}

/* Where a field's value is: the id of the attribute that carries it and that attribute's
 * default. Found once per file, so reading a node costs the same however many attributes the
 * file declares. */
typedef struct {
  const char *id;
  const char *default_value;
} GexfField;

/* The attribute titled @name (any case), else the one with the id @name; a value whose id is
 * @name and that nothing declares is found too. */
static GexfField
resolve_field (GHashTable *declared, const char *name)
{
  GHashTableIter it;
  gpointer id, value;
  GexfField by_id = { name, NULL };
  g_hash_table_iter_init (&it, declared);
  while (g_hash_table_iter_next (&it, &id, &value))
    {
      GexfAttribute *a = value;
      if (g_ascii_strcasecmp (a->title, name) == 0)
        return (GexfField) { id, a->default_value };
      if (g_ascii_strcasecmp (id, name) == 0)
        by_id = (GexfField) { id, a->default_value };
    }
  return by_id;
}

static const char *
field_value (const GexfField *field, GexfItem *item)
{
  const char *v = g_hash_table_lookup (item->values, field->id);
  return v ? v : field->default_value;
}

/* Copies the values of @item that no field took (@mapped: attribute ids) into @attrs, under
 * their attributes' titles (an undeclared one under its id). Defaults are not copied: they
 * would multiply a small file's declarations by its node count. */
static void
keep_other_values (GHashTable *declared, GexfItem *item, GHashTable **attrs,
                   GHashTable *mapped)
{
  GHashTableIter it;
  gpointer id, value;
  g_hash_table_iter_init (&it, item->values);
  while (g_hash_table_iter_next (&it, &id, &value))
    {
      if (g_hash_table_contains (mapped, id))
        continue;
      GexfAttribute *a = g_hash_table_lookup (declared, id);
      const char *title = a ? a->title : id;
      if (*attrs == NULL)
        *attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_replace (*attrs, g_strdup (title), g_strdup (value));
    }
}

enum { NODE_LABEL, NODE_NAME, NODE_TYPE, NODE_ALIASES, NODE_ENTITY_ID, NODE_N_FIELDS };
static const char *const gexf_node_fields[] = { "label", "name", "type", "aliases", "entity_id" };
enum { EDGE_RELATION, EDGE_TYPE, EDGE_CONFIDENCE, EDGE_WEIGHT, EDGE_DIRECTED, EDGE_EVIDENCE,
       EDGE_N_FIELDS };
static const char *const gexf_edge_fields[] = { "relation", "type", "confidence", "weight",
                                                "directed", "evidence" };

static RwbGraph *
gexf_build (GexfParser *p, GError **error)
{
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) unknown_types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) entity_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             NULL);
  guint untyped_nodes = 0, untyped_edges = 0, bad_weights = 0;
  GexfField nf[NODE_N_FIELDS], ef[EDGE_N_FIELDS];
  g_autoptr (GHashTable) node_mapped = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) edge_mapped = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint f = 0; f < NODE_N_FIELDS; f++)
    {
      nf[f] = resolve_field (p->node_attrs, gexf_node_fields[f]);
      g_hash_table_add (node_mapped, (gpointer) nf[f].id);
    }
  for (guint f = 0; f < EDGE_N_FIELDS; f++)
    {
      ef[f] = resolve_field (p->edge_attrs, gexf_edge_fields[f]);
      g_hash_table_add (edge_mapped, (gpointer) ef[f].id);
    }

  for (guint i = 0; i < p->nodes->len; i++)
    {
      GexfItem *item = g_ptr_array_index (p->nodes, i);
      if (g_hash_table_contains (ids, item->id))
        {
          g_set_error (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_PARSE,
                       _("line %d: node id “%s” is used twice"), item->line, item->id);
          return NULL;
        }
      const char *label = item->label;
      if (label == NULL || *label == '\0')
        label = field_value (&nf[NODE_LABEL], item);
      if (label == NULL || *label == '\0')
        label = field_value (&nf[NODE_NAME], item);
      if (label == NULL || *label == '\0')
        label = item->id;
      const char *type_str = field_value (&nf[NODE_TYPE], item);
      RwbEntityType type = RWB_ENTITY_COMPANY;
      gboolean known = type_str && rwb_entity_type_from_string (type_str, &type);
      guint index = rwb_graph_add_entity (graph, label, type);
      RwbEntity *e = g_ptr_array_index (graph->entities, index);
      g_hash_table_insert (ids, item->id, GUINT_TO_POINTER (index));
      if (type_str == NULL)
        untyped_nodes++;
      else if (!known)
        {
          rwb_entity_set_attr (e, "gexf_type", type_str);
          g_hash_table_add (unknown_types, (gpointer) g_intern_string (type_str));
        }
      const char *aliases = field_value (&nf[NODE_ALIASES], item);
      if (aliases && *aliases)
        rwb_formats_add_aliases (e, aliases);
      const char *entity_id = field_value (&nf[NODE_ENTITY_ID], item);
      /* An id the file gives is kept unless an earlier entity has it (a set, not
       * rwb_graph_entity_id_used, which is linear: a file of 10⁵ nodes would take minutes);
       * clashes with ids generated later are settled below. */
      if (entity_id && *entity_id && !g_hash_table_contains (entity_ids, entity_id))
        {
          g_free (e->id);
          e->id = g_strdup (entity_id);
        }
      g_hash_table_add (entity_ids, g_strdup (e->id));
      keep_other_values (p->node_attrs, item, &e->attrs, node_mapped);
      if (item->has_position)
        {
          /* Back to Rawabit's y axis, which points down. */
          g_autofree char *xs = rwb_formats_format_double (item->x, "%.2f");
          g_autofree char *ys = rwb_formats_format_double (item->y == 0 ? 0 : -item->y, "%.2f");
          rwb_entity_set_attr (e, "x", xs);
          rwb_entity_set_attr (e, "y", ys);
        }
      if (is_iso_date (item->start))
        rwb_entity_set_attr (e, "start", item->start);
    }
  rwb_formats_unique_entity_ids (graph);
  GHashTableIter it;
  gpointer type_name;
  g_hash_table_iter_init (&it, unknown_types);
  while (g_hash_table_iter_next (&it, &type_name, NULL))
    rwb_formats_warn (p->warnings, _("Unknown entity type “%s” read as company"),
                      (char *) type_name);
  if (untyped_nodes)
    rwb_formats_warn (p->warnings, _("%u nodes have no type and were read as companies"),
                      untyped_nodes);

  for (guint i = 0; i < p->edges->len; i++)
    {
      GexfItem *item = g_ptr_array_index (p->edges, i);
      gpointer src, dst;
      if (!g_hash_table_lookup_extended (ids, item->source, NULL, &src)
          || !g_hash_table_lookup_extended (ids, item->target, NULL, &dst))
        {
          g_set_error (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_PARSE,
                       _("line %d: edge %s → %s names a node that does not exist"), item->line,
                       item->source, item->target);
          return NULL;
        }
      /* The edge's XML type is its direction; networkx puts a `type` attribute there. */
      const char *edge_type = item->edge_type;
      gboolean type_is_direction = edge_type
                                   && (g_str_equal (edge_type, "directed")
                                       || g_str_equal (edge_type, "undirected")
                                       || g_str_equal (edge_type, "mutual"));
      const char *type_str = field_value (&ef[EDGE_RELATION], item);
      if (type_str == NULL)
        type_str = field_value (&ef[EDGE_TYPE], item);
      if (type_str == NULL && edge_type && !type_is_direction)
        type_str = edge_type;
      RwbRelationType type = RWB_RELATION_MENTION;
      gboolean known = type_str && rwb_relation_type_from_string (type_str, &type);
      if (!known)
        untyped_edges++;
      double confidence = 0.5;
      const char *conf_str = field_value (&ef[EDGE_CONFIDENCE], item);
      if (conf_str && rwb_formats_parse_double (conf_str, &confidence) && isfinite (confidence))
        confidence = CLAMP (confidence, 0.0, 1.0);
      else
        confidence = 0.5;
      gboolean directed = p->default_directed;
      if (type_is_direction)
        directed = g_str_equal (edge_type, "directed");
      rwb_formats_parse_bool (field_value (&ef[EDGE_DIRECTED], item), &directed);
      guint index = rwb_graph_ensure_relation (graph, GPOINTER_TO_UINT (src),
                                               GPOINTER_TO_UINT (dst), type, confidence);
      RwbRelation *r = g_ptr_array_index (graph->relations, index);
      r->directed = directed;
      /* The evidence count, else the weight: Gephi's 1.0 is one sentence; a value that is no
       * count (2.5, -1, NaN) is not taken as one. */
      guint count = 0;
      const char *weight = field_value (&ef[EDGE_EVIDENCE], item);
      if (weight == NULL)
        weight = item->weight ? item->weight : field_value (&ef[EDGE_WEIGHT], item);
      if (weight && !rwb_formats_parse_count (weight, &count))
        bad_weights++;
      /* Parallel edges of one type become one relation: their counts add up, capped. */
      r->n_evidence = count > G_MAXUINT - r->n_evidence ? G_MAXUINT : r->n_evidence + count;
      if (type_str && !known)
        rwb_relation_set_attr (r, "gexf_type", type_str);
      /* A label that only names the type is the type's: not worth keeping. */
      if (item->label && *item->label
          && g_ascii_strcasecmp (item->label, rwb_relation_type_info (type)->label) != 0
          && g_ascii_strcasecmp (item->label, rwb_relation_type_to_string (type)) != 0)
        rwb_relation_set_attr (r, "label", item->label);
      keep_other_values (p->edge_attrs, item, &r->attrs, edge_mapped);
      if (is_iso_date (item->start))
        rwb_relation_set_attr (r, "start", item->start);
    }
  if (untyped_edges)
    rwb_formats_warn (p->warnings, _("%u edges have no Rawabit relation type and were read as "
                                     "mention (co-occurrence)"), untyped_edges);
  if (bad_weights)
    rwb_formats_warn (p->warnings, _("%u edge weights are not whole numbers and were not read as "
                                     "evidence counts"), bad_weights);
  return g_steal_pointer (&graph);
}

RwbGraph *
rwb_formats_read_gexf (const char *data, gsize length, GPtrArray *warnings, GError **error)
{
  static const GMarkupParser parser = { gexf_start, gexf_end, gexf_text, NULL, NULL };
  GexfParser p = { 0 };

  if (!rwb_formats_xml_check_utf8 (data, length, "GEXF", error))
    return NULL;
  p.node_attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, gexf_attribute_free);
  p.edge_attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, gexf_attribute_free);
  p.nodes = g_ptr_array_new_with_free_func (gexf_item_free);
  p.edges = g_ptr_array_new_with_free_func (gexf_item_free);
  p.open_nodes = g_ptr_array_new ();
  p.text = g_string_new (NULL);
  p.warnings = warnings;
  p.default_directed = TRUE;

  RwbGraph *graph = NULL;
  g_autoptr (GError) local = NULL;
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, &p, NULL);
  if (g_markup_parse_context_parse (context, data, length, &local)
      && g_markup_parse_context_end_parse (context, &local))
    {
      if (!p.seen_root)
        g_set_error_literal (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_PARSE,
                             _("Not valid GEXF: the file has no <gexf> element"));
      else
        graph = gexf_build (&p, error);
    }
  else
    g_set_error (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_PARSE, _("Not valid GEXF: %s"),
                 local->message);
  g_markup_parse_context_free (context);
  g_string_free (p.text, TRUE);
  g_ptr_array_unref (p.open_nodes);
  g_ptr_array_unref (p.nodes);
  g_ptr_array_unref (p.edges);
  g_hash_table_unref (p.node_attrs);
  g_hash_table_unref (p.edge_attrs);
  return graph;
}
