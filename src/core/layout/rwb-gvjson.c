/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-gvjson.c — reading Graphviz's JSON (`-Tjson0` and `-Tjson`, as the helper prints them)
 * into scenes, with json-glib.
 *
 * The format (graphviz.org/docs/outputs/json): the graph's attributes, `objects` (the
 * `_subgraph_cnt` subgraphs first, then the nodes, each with `_gvid`, its index there) and
 * `edges` (with `tail` and `head` naming objects by `_gvid`). Positions are strings in points
 * with y up: `bb` "llx,lly,urx,ury", a node's `pos` "x,y" with `width`/`height` in inches, an
 * edge's `pos` a spline "[e,x,y] [s,x,y] x,y x,y …" and `lp` its label's centre. With `-Tjson`
 * every object also has its xdot operations (`_draw_`, `_ldraw_`, `_hdraw_`, `_tdraw_`,
 * `_hldraw_`, `_tldraw_`): arrays of {op, …} with resolved colours ("#rrggbb[aa]") and fonts.
 *
 * The import of a DOT file with its drawing operations is in rwb-gvjson-import.c; the readers
 * both use are declared in rwb-gvjson-private.h.
 *
 * Every number is checked before use — finite and within ±10^7 points — since it comes from
 * another process; a layout that fails the check is an error, never a crash. Y is flipped to
 * point down (y' = top − y).
 */
#define G_LOG_DOMAIN "rawabit-layout"

#include "rwb-formats.h"
#include "rwb-json.h"
#include "rwb-gvjson-private.h"
#include "rwb-layout-private.h"
#include "rwb-render.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* Graphviz's JSON nests a handful of levels (graph, objects, an operation, its points, a
 * point); anything deeper is not its output. */
#define MAX_DEPTH 16

gboolean
rwb_gvjson_output_error (GError **error, const char *what)
{
  g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_OUTPUT,
               _("The layout helper wrote something unexpected: %s"), what);
  return FALSE;
}

gboolean
rwb_gvjson_coords_error (GError **error, const char *where)
{
  g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_COORDINATES,
               _("The layout cannot be drawn: %s has coordinates that are infinite, not a "
                 "number or beyond ±10 million points"), where);
  return FALSE;
}

static gboolean
number_ok (double v)
{
  return isfinite (v) && fabs (v) <= MAX_COORD;
}

/**
 * rwb_gvjson_parse:
 * @out: the helper's stdout
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the JSON tree, an object at its root
 */
JsonNode *
rwb_gvjson_parse (GBytes *out, GError **error)
{
  gsize len = 0;
  const char *data = out ? g_bytes_get_data (out, &len) : NULL;
  if (data == NULL || len == 0)
    return rwb_gvjson_output_error (error, _("nothing")), NULL;
  if (!rwb_json_depth_within (data, len, MAX_DEPTH, NULL))
    return rwb_gvjson_output_error (error, _("nested too deeply")), NULL;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local = NULL;
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local))
    return rwb_gvjson_output_error (error, local->message), NULL;
  JsonNode *root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return rwb_gvjson_output_error (error, _("not a JSON object")), NULL;
  return json_node_ref (root);
}

/* ---- Small readers. ---- */

const char *
rwb_gvjson_member_string (JsonObject *o, const char *key)
{
  JsonNode *n = json_object_get_member (o, key);
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

JsonArray *
rwb_gvjson_member_array (JsonObject *o, const char *key)
{
  JsonNode *n = json_object_get_member (o, key);
  return n && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

/* A JSON number (integer or not), or FALSE. */
gboolean
rwb_gvjson_node_number (JsonNode *n, double *out)
{
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return FALSE;
  GType t = json_node_get_value_type (n);
  if (t == G_TYPE_DOUBLE)
    *out = json_node_get_double (n);
  else if (t == G_TYPE_INT64)
    *out = (double) json_node_get_int (n);
  else
    return FALSE;
  return number_ok (*out);
}

gboolean
rwb_gvjson_member_number (JsonObject *o, const char *key, double *out)
{
  return rwb_gvjson_node_number (json_object_get_member (o, key), out);
}

gboolean
rwb_gvjson_member_index (JsonObject *o, const char *key, guint limit, guint *out)
{
  JsonNode *n = json_object_get_member (o, key);
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64)
    return FALSE;
  gint64 v = json_node_get_int (n);
  if (v < 0 || v >= limit)
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

/* @n numbers separated by commas (and spaces): "1.5,2", "0,0,90,117". */
static gboolean
parse_numbers (const char *s, double *out, guint n)
{
  if (s == NULL)
    return FALSE;
  const char *p = s;
  for (guint i = 0; i < n; i++)
    {
      char *end;
      while (*p == ' ')
        p++;
      out[i] = g_ascii_strtod (p, &end);
      if (end == p || !number_ok (out[i]))
        return FALSE;
      p = end;
      while (*p == ' ')
        p++;
      if (i + 1 < n)
        {
          if (*p != ',')
            return FALSE;
          p++;
        }
    }
  return TRUE;
}

ValueState
rwb_gvjson_member_numbers (JsonObject *o, const char *key, double *out, guint n)
{
  const char *s = rwb_gvjson_member_string (o, key);
  if (s == NULL || *s == '\0')
    return VALUE_MISSING;
  return parse_numbers (s, out, n) ? VALUE_OK : VALUE_BAD;
}

/* An edge's `pos`: its first spline's points and its end points. */
typedef struct {
  GArray *points;  /* RwbPoint, Graphviz's coordinates */
  gboolean has_head, has_tail;
  RwbPoint head, tail;
} Spline;

static gboolean
parse_spline (const char *s, Spline *sp)
{
  sp->points = g_array_new (FALSE, FALSE, sizeof (RwbPoint));
  sp->has_head = sp->has_tail = FALSE;
  /* Several splines (edges concentrated into one) are separated by ';': the first is drawn
   * as the curve, the drawing operations carry all of them. */
  g_autofree char *first = g_strndup (s, strcspn (s, ";"));
  g_auto (GStrv) parts = g_strsplit_set (first, " \t\n", -1);
  for (guint i = 0; parts[i]; i++)
    {
      const char *part = parts[i];
      if (*part == '\0')
        continue;
      gboolean head = g_str_has_prefix (part, "e,"), tail = g_str_has_prefix (part, "s,");
      double v[2];
      if (!parse_numbers (head || tail ? part + 2 : part, v, 2))
        return FALSE;
      RwbPoint p = { v[0], v[1] };
      if (head)
        sp->has_head = TRUE, sp->head = p;
      else if (tail)
        sp->has_tail = TRUE, sp->tail = p;
      else
        g_array_append_val (sp->points, p);
    }
  return TRUE;
}

/* Points of a [[x, y], …] array, flipped; FALSE if any is not a finite pair. */
gboolean
rwb_gvjson_read_points (JsonArray *a, double top, GArray *into)
{
  guint n = a ? json_array_get_length (a) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *pn = json_array_get_element (a, i);
      if (!JSON_NODE_HOLDS_ARRAY (pn))
        return FALSE;
      JsonArray *pa = json_node_get_array (pn);
      double x, y;
      if (json_array_get_length (pa) < 2
          || !rwb_gvjson_node_number (json_array_get_element (pa, 0), &x)
          || !rwb_gvjson_node_number (json_array_get_element (pa, 1), &y))
        return FALSE;
      RwbPoint p = { x, top - y };
      g_array_append_val (into, p);
    }
  return TRUE;
}

/* ---- The layout of a Rawabit graph (json0). ---- */

static gboolean
parse_name_index (const char *name, char prefix, guint limit, guint *out)
{
  if (name == NULL || name[0] != prefix || !g_ascii_isdigit (name[1]))
    return FALSE;
  char *end;
  guint64 v = g_ascii_strtoull (name + 1, &end, 10);
  if (*end != '\0' || v >= limit)
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

/* The bounding box: sets @top and the scene's bounds. */
gboolean
rwb_gvjson_read_bounds (JsonObject *g, RwbScene *scene, double *top, GError **error)
{
  double bb[4];
  ValueState st = rwb_gvjson_member_numbers (g, "bb", bb, 4);
  if (st == VALUE_BAD)
    return rwb_gvjson_coords_error (error, _("the graph's bounding box"));
  if (st == VALUE_MISSING)
    return rwb_gvjson_output_error (error, _("no bounding box"));
  *top = bb[3];
  scene->bounds = (RwbRect) { bb[0], 0, bb[2] - bb[0], bb[3] - bb[1] };
  return TRUE;
}

/* A node's centre and size, from `pos`, `width` and `height`. */
gboolean
rwb_gvjson_read_node_box (JsonObject *o, double top, RwbSceneNode *node, const char *name,
                          GError **error)
{
  double pos[2], w, h;
  g_autofree char *where = g_strdup_printf (_("node %s"), name);
  if (rwb_gvjson_member_numbers (o, "pos", pos, 2) != VALUE_OK
      || rwb_gvjson_member_numbers (o, "width", &w, 1) != VALUE_OK
      || rwb_gvjson_member_numbers (o, "height", &h, 1) != VALUE_OK || !number_ok (w * 72)
      || !number_ok (h * 72) || w < 0 || h < 0)
    return rwb_gvjson_coords_error (error, where);
  node->x = pos[0];
  node->y = top - pos[1];
  node->width = w * 72.0;
  node->height = h * 72.0;
  return TRUE;
}

/* An edge's curve, arrowhead and label position from `pos` and `lp`. */
gboolean
rwb_gvjson_read_edge_geometry (JsonObject *o, double top, RwbSceneEdge *edge, const char *where,
                    GError **error)
{
  const char *pos = rwb_gvjson_member_string (o, "pos");
  Spline sp = { 0 };
  if (pos && *pos && !parse_spline (pos, &sp))
    {
      g_clear_pointer (&sp.points, g_array_unref);
      return rwb_gvjson_coords_error (error, where);
    }
  edge->points = g_array_new (FALSE, FALSE, sizeof (RwbPoint));
  for (guint i = 0; sp.points && i < sp.points->len; i++)
    {
      RwbPoint p = g_array_index (sp.points, RwbPoint, i);
      p.y = top - p.y;
      g_array_append_val (edge->points, p);
    }
  g_clear_pointer (&sp.points, g_array_unref);
  if (sp.has_head)
    edge->has_head = TRUE, edge->head = (RwbPoint) { sp.head.x, top - sp.head.y };
  double lp[2];
  ValueState st = rwb_gvjson_member_numbers (o, "lp", lp, 2);
  if (st == VALUE_BAD)
    return rwb_gvjson_coords_error (error, where);
  if (st == VALUE_OK)
    edge->label_x = lp[0], edge->label_y = top - lp[1];
  else if (edge->points->len > 0)
    {
      RwbPoint mid = g_array_index (edge->points, RwbPoint, edge->points->len / 2);
      edge->label_x = mid.x, edge->label_y = mid.y;
    }
  return TRUE;
}

/**
 * rwb_gvjson_read_layout:
 * @graph: the graph the DOT text was made from
 * @root: the helper's json0 output
 * @engine: the engine that laid it out
 * @spread_gap: above 0, overlapping nodes are moved apart to leave this many points
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the scene, its index built
 */
RwbScene *
rwb_gvjson_read_layout (RwbGraph *graph, JsonNode *root, RwbLayoutEngine engine,
                        double spread_gap, GError **error)
{
  g_return_val_if_fail (graph != NULL && root != NULL, NULL);
  JsonObject *g = json_node_get_object (root);
  g_autoptr (RwbScene) scene = rwb_scene_new (graph);
  scene->engine = g_strdup (rwb_layout_engine_to_string (engine));
  double top;
  if (!rwb_gvjson_read_bounds (g, scene, &top, error))
    return NULL;

  JsonArray *objects = rwb_gvjson_member_array (g, "objects");
  guint n_objects = objects ? json_array_get_length (objects) : 0;
  /* _gvid → scene node + 1 */
  g_autofree guint *node_of = g_new0 (guint, MAX (n_objects, 1));
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (graph->entities->len, 1));
  for (guint i = 0; i < n_objects; i++)
    {
      JsonNode *on = json_array_get_element (objects, i);
      if (!JSON_NODE_HOLDS_OBJECT (on))
        return rwb_gvjson_output_error (error, _("an object that is not one")), NULL;
      JsonObject *o = json_node_get_object (on);
      const char *name = rwb_gvjson_member_string (o, "name");
      guint entity, gvid;
      /* Our DOT has no subgraphs: every object is a node nI, once. */
      if (!parse_name_index (name, 'n', graph->entities->len, &entity) || seen[entity]
          || !rwb_gvjson_member_index (o, "_gvid", n_objects, &gvid) || node_of[gvid] != 0)
        return rwb_gvjson_output_error (error, _("a node the graph does not have")), NULL;
      seen[entity] = TRUE;
      RwbSceneNode node = { 0 };
      node.entity = entity;
      if (!rwb_gvjson_read_node_box (o, top, &node, name, error))
        return NULL;
      rwb_render_entity_labels (g_ptr_array_index (graph->entities, entity), &node.label,
                                &node.sublabel);
      g_array_append_val (scene->nodes, node);
      node_of[gvid] = scene->nodes->len;
    }

  JsonArray *edges = rwb_gvjson_member_array (g, "edges");
  guint n_edges = edges ? json_array_get_length (edges) : 0;
  g_autofree gboolean *edge_seen = g_new0 (gboolean, MAX (graph->relations->len, 1));
  for (guint i = 0; i < n_edges; i++)
    {
      JsonNode *en = json_array_get_element (edges, i);
      if (!JSON_NODE_HOLDS_OBJECT (en))
        return rwb_gvjson_output_error (error, _("an edge that is not an object")), NULL;
      JsonObject *o = json_node_get_object (en);
      guint rel, tail, head;
      if (!parse_name_index (rwb_gvjson_member_string (o, "id"), 'r', graph->relations->len, &rel)
          || edge_seen[rel] || !rwb_gvjson_member_index (o, "tail", n_objects, &tail)
          || !rwb_gvjson_member_index (o, "head", n_objects, &head) || node_of[tail] == 0
          || node_of[head] == 0)
        return rwb_gvjson_output_error (error, _("an edge the graph does not have")), NULL;
      edge_seen[rel] = TRUE;
      const RwbRelation *r = g_ptr_array_index (graph->relations, rel);
      RwbSceneEdge edge = { 0 };
      edge.relation = rel;
      edge.from = node_of[tail] - 1;
      edge.to = node_of[head] - 1;
      /* The edge runs as the relation does. */
      if (g_array_index (scene->nodes, RwbSceneNode, edge.from).entity != r->source
          || g_array_index (scene->nodes, RwbSceneNode, edge.to).entity != r->target)
        return rwb_gvjson_output_error (error, _("an edge between other nodes")), NULL;
      g_autofree char *where = g_strdup_printf (_("edge r%u"), rel);
      if (!rwb_gvjson_read_edge_geometry (o, top, &edge, where, error))
        {
          g_clear_pointer (&edge.points, g_array_unref);
          return NULL;
        }
      g_array_append_val (scene->edges, edge);
    }
  if (spread_gap > 0)
    rwb_scene_spread_nodes (scene, spread_gap, NULL);
  /* What is not connected to the main part goes into rows under it. */
  rwb_scene_pack_components (scene);
  rwb_scene_build_index (scene);
  return g_steal_pointer (&scene);
}

/* Attributes that are layout results or the JSON's own bookkeeping, not the file's. */
static gboolean
is_output_key (const char *key)
{
  static const char *const keys[] = { "name", "pos", "width", "height", "bb", "lp", "xlp",
                                      "head_lp", "tail_lp", "lwidth", "lheight", "rects",
                                      "tail", "head", "nodes", "edges", "subgraphs", "label",
                                      "xdotversion", "_subgraph_cnt", "objects",
                                      "rawabit_html_label", NULL };
  return key[0] == '_' || g_strv_contains (keys, key);
}

/* The object's string attributes, except what is_output_key() says; NULL when none. */
GHashTable *
rwb_gvjson_object_attrs (JsonObject *o)
{
  GHashTable *attrs = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  json_object_iter_init (&iter, o);
  while (json_object_iter_next (&iter, &key, &value))
    {
      if (is_output_key (key) || !JSON_NODE_HOLDS_VALUE (value)
          || json_node_get_value_type (value) != G_TYPE_STRING)
        continue;
      const char *s = json_node_get_string (value);
      if (s == NULL || *s == '\0')
        continue;
      if (attrs == NULL)
        attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (attrs, g_utf8_make_valid (key, -1), g_utf8_make_valid (s, -1));
    }
  return attrs;
}

gboolean
rwb_gvjson_has_attr (JsonObject *o, const char *key)
{
  const char *v = rwb_gvjson_member_string (o, key);
  return v && *v;
}

/* ---- The graph alone (--no-layout). ---- */

/* The text of an HTML label: its character data, line breaks at <br/>. */
static void
html_text_cb (GMarkupParseContext *context, const char *text, gsize len, gpointer user_data,
              GError **error)
{
  g_string_append_len (user_data, text, len);
}

static void
html_start_cb (GMarkupParseContext *context, const char *element, const char **names,
               const char **values, gpointer user_data, GError **error)
{
  if (g_ascii_strcasecmp (element, "br") == 0)
    g_string_append_c (user_data, '\n');
}

static char *
html_label_text (const char *label)
{
  static const GMarkupParser parser = { html_start_cb, NULL, html_text_cb, NULL, NULL };
  GString *s = g_string_new (NULL);
  g_autofree char *wrapped = g_strconcat ("<x>", label, "</x>", NULL);
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, s, NULL);
  gboolean ok = g_markup_parse_context_parse (context, wrapped, -1, NULL)
                && g_markup_parse_context_end_parse (context, NULL);
  g_markup_parse_context_free (context);
  if (!ok)
    g_string_assign (s, label);
  return g_strstrip (g_string_free (s, FALSE));
}

/* A record label's fields, one a line: braces and ports (<p>) gone, \\{ \\} \\| \\< \\> their
 * characters, each field's other escapes as in a plain label. */
static char *
record_label_text (const char *label, const char *name)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean in_port = FALSE;
  for (const char *p = label;; p++)
    {
      if (*p == '\\' && p[1] && strchr ("{}|<> ", p[1]))
        g_string_append_c (field, *++p);
      else if (*p == '\\' && p[1])
        {
          g_string_append_len (field, p, 2);
          p++;
        }
      else if (in_port && *p)
        in_port = *p != '>';
      else if (*p == '<')
        in_port = TRUE;
      else if (*p == '|' || *p == '{' || *p == '}' || *p == '\0')
        {
          char *text = rwb_formats_dot_label_text (field->str, name);
          g_strstrip (text);
          if (*text)
            g_ptr_array_add (fields, text);
          else
            g_free (text);
          g_string_truncate (field, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (field, *p);
    }
  g_string_free (field, TRUE);
  g_ptr_array_add (fields, NULL);
  return g_strjoinv ("\n", (char **) fields->pdata);
}

/* What Graphviz would show for a node named @name with these attributes. */
static char *
shown_label (JsonObject *o, const char *name)
{
  const char *label = rwb_gvjson_member_string (o, "label");
  if (label == NULL || *label == '\0')
    return g_strdup (name);
  if (rwb_gvjson_has_attr (o, "rawabit_html_label"))
    return html_label_text (label);
  const char *shape = rwb_gvjson_member_string (o, "shape");
  if (shape && (g_str_equal (shape, "record") || g_str_equal (shape, "Mrecord")))
    return record_label_text (label, name);
  return rwb_formats_dot_label_text (label, name);
}

/**
 * rwb_gvjson_read_graph:
 * @root: the helper's --no-layout output
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the graph, without a scene
 */
RwbGraph *
rwb_gvjson_read_graph (JsonNode *root, GError **error)
{
  g_return_val_if_fail (root != NULL, NULL);
  JsonObject *g = json_node_get_object (root);
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  JsonNode *directed = json_object_get_member (g, "directed");
  gboolean digraph = directed == NULL || !JSON_NODE_HOLDS_VALUE (directed)
                     || json_node_get_value_type (directed) != G_TYPE_BOOLEAN
                     || json_node_get_boolean (directed);
  JsonArray *objects = rwb_gvjson_member_array (g, "objects");
  guint n_objects = objects ? json_array_get_length (objects) : 0;
  g_autofree guint *entity_of = g_new0 (guint, MAX (n_objects, 1));
  for (guint i = 0; i < n_objects; i++)
    {
      JsonNode *on = json_array_get_element (objects, i);
      guint gvid;
      if (!JSON_NODE_HOLDS_OBJECT (on)
          || !rwb_gvjson_member_index (json_node_get_object (on), "_gvid", n_objects, &gvid))
        return rwb_gvjson_output_error (error, _("an object without its number")), NULL;
      JsonObject *o = json_node_get_object (on);
      if (entity_of[gvid] != 0)
        return rwb_gvjson_output_error (error, _("two nodes with one number")), NULL;
      const char *raw_name = rwb_gvjson_member_string (o, "name");
      g_autofree char *name = g_utf8_make_valid (raw_name ? raw_name : "", -1);
      g_autofree char *shown = shown_label (o, name);
      const char *label = shown && *shown ? shown : name;
      guint index = rwb_graph_add_entity (graph, label, RWB_ENTITY_COMPANY);
      RwbEntity *entity = g_ptr_array_index (graph->entities, index);
      rwb_entity_add_alias (entity, label);
      if (!g_str_equal (label, name))
        rwb_entity_add_alias (entity, name);
      entity->attrs = rwb_gvjson_object_attrs (o);
      entity_of[gvid] = index + 1;
    }
  JsonArray *edges = rwb_gvjson_member_array (g, "edges");
  for (guint i = 0; edges && i < json_array_get_length (edges); i++)
    {
      JsonNode *en = json_array_get_element (edges, i);
      guint tail, head;
      if (!JSON_NODE_HOLDS_OBJECT (en)
          || !rwb_gvjson_member_index (json_node_get_object (en), "tail", n_objects, &tail)
          || !rwb_gvjson_member_index (json_node_get_object (en), "head", n_objects, &head)
          || entity_of[tail] == 0 || entity_of[head] == 0)
        return rwb_gvjson_output_error (error, _("an edge between nodes that are not there")), NULL;
      JsonObject *o = json_node_get_object (en);
      /* As read_import_edge: each DOT edge is a relation of its own. */
      guint index = rwb_graph_add_relation (graph, entity_of[tail] - 1, entity_of[head] - 1,
                                            RWB_RELATION_PARTNERSHIP, FALSE, 1.0);
      RwbRelation *rel = g_ptr_array_index (graph->relations, index);
      const char *dir = rwb_gvjson_member_string (o, "dir");
      rel->directed = digraph ? !(dir && g_str_equal (dir, "none"))
                              : (dir && *dir && !g_str_equal (dir, "none"));
      rel->attrs = rwb_gvjson_object_attrs (o);
    }
  return g_steal_pointer (&graph);
}
