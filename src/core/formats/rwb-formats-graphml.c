/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-formats-graphml.c — GraphML, written by hand. Text goes through the one XML 1.0 escaper
 * (rwb-xml.h).
 *
 * When nodes have positions (a scene, or x/y kept from an import) the file also carries
 * yEd's yFiles graphics — a y:ShapeNode per node (box, the type table's colour and shape,
 * label) and a y:PolyLineEdge per edge (colour, arrow, label, bends from the scene's curve) —
 * so yEd opens it laid out and coloured. Reading it is rwb-formats-graphml-read.c.
 */
#define G_LOG_DOMAIN "rawabit-formats"

#include "rwb-formats-private.h"
#include "rwb-xml.h"

#include <math.h>
#include <string.h>

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define YFILES_NS "http://www.yworks.com/xml/graphml"

/* ---- GraphML ---- */

static const char *const graphml_node_reserved[] = { "label", "type", "aliases", "x", "y",
                                                     "entity_id", NULL };
static const char *const graphml_edge_reserved[] = { "type", "confidence", "evidence",
                                                     "directed", NULL };

static void
graphml_data (GString *s, const char *key, const char *value)
{
  g_string_append (s, "      <data key=\"");
  rwb_xml_append_escaped (s, key);
  g_string_append (s, "\">");
  rwb_xml_append_escaped (s, value);
  g_string_append (s, "</data>\n");
}

static void
graphml_key (GString *s, const char *id, const char *for_, const char *name, const char *type)
{
  g_string_append (s, "  <key id=\"");
  rwb_xml_append_escaped (s, id);
  g_string_append_printf (s, "\" for=\"%s\" attr.name=\"", for_);
  rwb_xml_append_escaped (s, name);
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

/* ---- yFiles graphics, for yEd ---- */

static const char *
yfiles_shape (RwbNodeShape shape)
{
  switch (shape)
    {
    case RWB_NODE_SHAPE_BOX: return "rectangle";
    case RWB_NODE_SHAPE_PILL: return "ellipse";
    case RWB_NODE_SHAPE_CUT_BOX: return "octagon";
    case RWB_NODE_SHAPE_ROUNDED_BOX:
    default: return "roundrectangle";
    }
}

static gboolean
coord_ok (double v)
{
  return isfinite (v) && fabs (v) <= GRAPHML_MAX_COORD;
}

static gboolean
size_ok (double v)
{
  return isfinite (v) && v >= 0 && v <= GRAPHML_MAX_SIZE;
}

/* Where node @i is drawn, centre and size: from @scene (through @scene_node, entity → scene
 * node + 1, 0 for none) when given, else from the x/y an import kept with a size guessed from
 * the name. FALSE when it has no position or the numbers are unusable. */
static gboolean
node_geometry (RwbGraph *graph, const RwbScene *scene, const guint *scene_node, guint i,
               double *x, double *y, double *w, double *h)
{
  if (scene)
    {
      if (scene_node[i] == 0)
        return FALSE;
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, scene_node[i] - 1);
      *x = n->x, *y = n->y, *w = n->width, *h = n->height;
    }
  else
    {
      if (!rwb_formats_entity_position (graph, NULL, NULL, i, x, y))
        return FALSE;
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      *w = CLAMP (16.0 + 7.0 * g_utf8_strlen (e->name, -1), 40.0, 400.0);
      *h = 30;
    }
  return coord_ok (*x) && coord_ok (*y) && size_ok (*w) && size_ok (*h);
}

/* "#RRGGBB" as yEd writes colours, from the table's "#rrggbb". */
static void
append_color (GString *s, const char *hex)
{
  g_autofree char *up = g_ascii_strup (hex, -1);
  rwb_xml_append_escaped (s, up);
}

static void
append_number_attr (GString *s, const char *name, double v)
{
  g_autofree char *text = rwb_formats_format_double (v, "%.2f");
  g_string_append_printf (s, " %s=\"%s\"", name, text);
}

static void
yfiles_node (GString *s, const RwbEntity *e, double x, double y, double w, double h)
{
  const RwbEntityTypeInfo *info = rwb_entity_type_info (e->type);
  g_string_append (s, "      <data key=\"nodegraphics\">\n        <y:ShapeNode>\n"
                      "          <y:Geometry");
  append_number_attr (s, "x", x - w / 2);
  append_number_attr (s, "y", y - h / 2);
  append_number_attr (s, "width", w);
  append_number_attr (s, "height", h);
  g_string_append (s, "/>\n          <y:Fill color=\"");
  append_color (s, info->color);
  g_string_append (s, "\" transparent=\"false\"/>\n          <y:BorderStyle color=\"");
  append_color (s, info->color);
  g_string_append (s, "\" type=\"line\" width=\"1.0\"/>\n"
                      "          <y:NodeLabel alignment=\"center\" autoSizePolicy=\"content\" "
                      "fontFamily=\"Dialog\" fontSize=\"12\" fontStyle=\"plain\" "
                      "modelName=\"internal\" modelPosition=\"c\" textColor=\"#FFFFFF\" "
                      "visible=\"true\">");
  rwb_xml_append_escaped (s, e->name);
  g_string_append_printf (s, "</y:NodeLabel>\n          <y:Shape type=\"%s\"/>\n"
                             "        </y:ShapeNode>\n      </data>\n",
                          yfiles_shape (info->shape));
}

/* Bends of a scene edge's curve for yEd's polyline: each cubic piece's middle and the joints
 * between pieces, in the direction source → target. Nothing when a number is unusable. */
static void
yfiles_bends (GString *s, const RwbSceneEdge *edge, gboolean reversed)
{
  GArray *pts = edge->points;
  if (pts == NULL || pts->len < 4 || (pts->len - 1) % 3 != 0)
    return;
  guint n = (pts->len - 1) / 3 * 2 - 1;
  g_autofree RwbPoint *bends = g_new (RwbPoint, n);
  for (guint k = 0, b = 0; k + 3 < pts->len; k += 3)
    {
      const RwbPoint *p = &g_array_index (pts, RwbPoint, k);
      bends[b++] = (RwbPoint) { (p[0].x + 3 * p[1].x + 3 * p[2].x + p[3].x) / 8,
                                (p[0].y + 3 * p[1].y + 3 * p[2].y + p[3].y) / 8 };
      if (k + 4 < pts->len)
        bends[b++] = p[3];
    }
  for (guint b = 0; b < n; b++)
    if (!coord_ok (bends[b].x) || !coord_ok (bends[b].y))
      return;
  for (guint b = 0; b < n; b++)
    {
      const RwbPoint *p = &bends[reversed ? n - 1 - b : b];
      g_string_append (s, "            <y:Point");
      append_number_attr (s, "x", p->x);
      append_number_attr (s, "y", p->y);
      g_string_append (s, "/>\n");
    }
}

static void
yfiles_edge (GString *s, const RwbRelation *r, const RwbScene *scene, const RwbSceneEdge *edge)
{
  const RwbRelationTypeInfo *info = rwb_relation_type_info (r->type);
  const char *label = r->attrs ? g_hash_table_lookup (r->attrs, "label") : NULL;
  g_string_append (s, "      <data key=\"edgegraphics\">\n        <y:PolyLineEdge>\n"
                      "          <y:Path sx=\"0.0\" sy=\"0.0\" tx=\"0.0\" ty=\"0.0\"");
  if (edge)
    {
      const RwbSceneNode *from = &g_array_index (scene->nodes, RwbSceneNode, edge->from);
      g_autoptr (GString) bends = g_string_new (NULL);
      yfiles_bends (bends, edge, from->entity != r->source);
      if (bends->len)
        g_string_append_printf (s, ">\n%s          </y:Path>\n", bends->str);
      else
        g_string_append (s, "/>\n");
    }
  else
    g_string_append (s, "/>\n");
  g_string_append (s, "          <y:LineStyle color=\"");
  append_color (s, info->color);
  g_string_append_printf (s, "\" type=\"%s\" width=\"1.0\"/>\n"
                             "          <y:Arrows source=\"none\" target=\"%s\"/>\n"
                             "          <y:EdgeLabel alignment=\"center\" fontFamily=\"Dialog\" "
                             "fontSize=\"10\" fontStyle=\"plain\" modelName=\"centered\" "
                             "modelPosition=\"center\" textColor=\"#000000\" visible=\"true\">",
                          r->type == RWB_RELATION_MENTION ? "dashed" : "line",
                          r->directed ? "standard" : "none");
  rwb_xml_append_escaped (s, label ? label : rwb_relation_type_to_string (r->type));
  g_string_append (s, "</y:EdgeLabel>\n          <y:BendStyle smoothed=\"true\"/>\n"
                      "        </y:PolyLineEdge>\n      </data>\n");
}

char *
rwb_formats_write_graphml (RwbGraph *graph, const RwbScene *scene)
{
  guint n_entities = graph->entities->len;
  /* Entity → scene node + 1 and relation → scene edge + 1, so each lookup is constant time. */
  g_autofree guint *scene_node = rwb_formats_scene_nodes (graph, scene);
  g_autofree guint *scene_edge = NULL;
  if (scene)
    {
      scene_edge = g_new0 (guint, graph->relations->len + 1);
      for (guint k = 0; k < scene->edges->len; k++)
        {
          const RwbSceneEdge *edge = &g_array_index (scene->edges, RwbSceneEdge, k);
          if (edge->relation < graph->relations->len && scene_edge[edge->relation] == 0
              && edge->from < scene->nodes->len && edge->to < scene->nodes->len)
            scene_edge[edge->relation] = k + 1;
        }
    }
  /* yEd's drawing goes in only when some node has a position: without one yEd piles every
   * node at the origin, and a plain file is easier to read. */
  gboolean yfiles = FALSE;
  double x, y, w, h;
  for (guint i = 0; !yfiles && i < n_entities; i++)
    yfiles = node_geometry (graph, scene, scene_node, i, &x, &y, &w, &h);

  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<graphml xmlns=\"" GRAPHML_NS "\"\n"
                             "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n");
  if (yfiles)
    g_string_append (s, "    xmlns:y=\"" YFILES_NS "\"\n");
  g_string_append (s, "    xsi:schemaLocation=\"" GRAPHML_NS " " GRAPHML_NS
                      "/1.0/graphml.xsd\">\n");
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
  if (yfiles)
    g_string_append (s, "  <key id=\"nodegraphics\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
                        "  <key id=\"edgegraphics\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n");
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
  for (guint i = 0; i < n_entities; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      g_autofree char *aliases = rwb_formats_join_aliases (e);
      g_string_append_printf (s, "    <node id=\"n%u\">\n", i);
      gboolean placed = node_geometry (graph, scene, scene_node, i, &x, &y, &w, &h);
      /* yEd's drawing first: networkx reads x and y from it too, and the data after it (the
       * centre, as a number) is what it keeps. */
      if (yfiles && placed)
        yfiles_node (s, e, x, y, w, h);
      graphml_data (s, "label", e->name);
      graphml_data (s, "type", rwb_entity_type_to_string (e->type));
      if (*aliases)
        graphml_data (s, "aliases", aliases);
      graphml_data (s, "entity_id", e->id);
      if (placed)
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
      if (yfiles)
        yfiles_edge (s, r, scene,
                     scene_edge && scene_edge[i]
                       ? &g_array_index (scene->edges, RwbSceneEdge, scene_edge[i] - 1)
                       : NULL);
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
