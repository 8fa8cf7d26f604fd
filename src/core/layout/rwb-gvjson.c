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
 * Every number is checked before use — finite and within ±10^7 points — since it comes from
 * another process; a layout that fails the check is an error, never a crash. Y is flipped to
 * point down (y' = top − y).
 */
#define G_LOG_DOMAIN "rawabit-layout"

#include "rwb-formats.h"
#include "rwb-json.h"
#include "rwb-layout-private.h"
#include "rwb-render.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define MAX_COORD 1e7
/* Graphviz's JSON nests a handful of levels (graph, objects, an operation, its points, a
 * point); anything deeper is not its output. */
#define MAX_DEPTH 16

static gboolean
output_error (GError **error, const char *what)
{
  g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_OUTPUT,
               _("The layout helper wrote something unexpected: %s"), what);
  return FALSE;
}

static gboolean
coords_error (GError **error, const char *where)
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
    return output_error (error, _("nothing")), NULL;
  if (!rwb_json_depth_within (data, len, MAX_DEPTH, NULL))
    return output_error (error, _("nested too deeply")), NULL;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local = NULL;
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local))
    return output_error (error, local->message), NULL;
  JsonNode *root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return output_error (error, _("not a JSON object")), NULL;
  return json_node_ref (root);
}

/* ---- Small readers. ---- */

static const char *
member_string (JsonObject *o, const char *key)
{
  JsonNode *n = json_object_get_member (o, key);
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static JsonArray *
member_array (JsonObject *o, const char *key)
{
  JsonNode *n = json_object_get_member (o, key);
  return n && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

/* A JSON number (integer or not), or FALSE. */
static gboolean
node_number (JsonNode *n, double *out)
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

static gboolean
member_number (JsonObject *o, const char *key, double *out)
{
  return node_number (json_object_get_member (o, key), out);
}

static gboolean
member_index (JsonObject *o, const char *key, guint limit, guint *out)
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

/* Which of "no number", "bad number" a string is: present but unusable is a coordinates
 * error, absent is the caller's to judge. */
typedef enum { VALUE_MISSING, VALUE_OK, VALUE_BAD } ValueState;

static ValueState
member_numbers (JsonObject *o, const char *key, double *out, guint n)
{
  const char *s = member_string (o, key);
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
static gboolean
read_points (JsonArray *a, double top, GArray *into)
{
  guint n = a ? json_array_get_length (a) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *pn = json_array_get_element (a, i);
      if (!JSON_NODE_HOLDS_ARRAY (pn))
        return FALSE;
      JsonArray *pa = json_node_get_array (pn);
      double x, y;
      if (json_array_get_length (pa) < 2 || !node_number (json_array_get_element (pa, 0), &x)
          || !node_number (json_array_get_element (pa, 1), &y))
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
static gboolean
read_bounds (JsonObject *g, RwbScene *scene, double *top, GError **error)
{
  double bb[4];
  ValueState st = member_numbers (g, "bb", bb, 4);
  if (st == VALUE_BAD)
    return coords_error (error, _("the graph's bounding box"));
  if (st == VALUE_MISSING)
    return output_error (error, _("no bounding box"));
  *top = bb[3];
  scene->bounds = (RwbRect) { bb[0], 0, bb[2] - bb[0], bb[3] - bb[1] };
  return TRUE;
}

/* A node's centre and size, from `pos`, `width` and `height`. */
static gboolean
read_node_box (JsonObject *o, double top, RwbSceneNode *node, const char *name, GError **error)
{
  double pos[2], w, h;
  g_autofree char *where = g_strdup_printf (_("node %s"), name);
  if (member_numbers (o, "pos", pos, 2) != VALUE_OK
      || member_numbers (o, "width", &w, 1) != VALUE_OK
      || member_numbers (o, "height", &h, 1) != VALUE_OK || !number_ok (w * 72)
      || !number_ok (h * 72) || w < 0 || h < 0)
    return coords_error (error, where);
  node->x = pos[0];
  node->y = top - pos[1];
  node->width = w * 72.0;
  node->height = h * 72.0;
  return TRUE;
}

/* An edge's curve, arrowhead and label position from `pos` and `lp`. */
static gboolean
read_edge_geometry (JsonObject *o, double top, RwbSceneEdge *edge, const char *where,
                    GError **error)
{
  const char *pos = member_string (o, "pos");
  Spline sp = { 0 };
  if (pos && *pos && !parse_spline (pos, &sp))
    {
      g_clear_pointer (&sp.points, g_array_unref);
      return coords_error (error, where);
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
  ValueState st = member_numbers (o, "lp", lp, 2);
  if (st == VALUE_BAD)
    return coords_error (error, where);
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
  if (!read_bounds (g, scene, &top, error))
    return NULL;

  JsonArray *objects = member_array (g, "objects");
  guint n_objects = objects ? json_array_get_length (objects) : 0;
  /* _gvid → scene node + 1 */
  g_autofree guint *node_of = g_new0 (guint, MAX (n_objects, 1));
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (graph->entities->len, 1));
  for (guint i = 0; i < n_objects; i++)
    {
      JsonNode *on = json_array_get_element (objects, i);
      if (!JSON_NODE_HOLDS_OBJECT (on))
        return output_error (error, _("an object that is not one")), NULL;
      JsonObject *o = json_node_get_object (on);
      const char *name = member_string (o, "name");
      guint entity, gvid;
      /* Our DOT has no subgraphs: every object is a node nI, once. */
      if (!parse_name_index (name, 'n', graph->entities->len, &entity) || seen[entity]
          || !member_index (o, "_gvid", n_objects, &gvid) || node_of[gvid] != 0)
        return output_error (error, _("a node the graph does not have")), NULL;
      seen[entity] = TRUE;
      RwbSceneNode node = { 0 };
      node.entity = entity;
      if (!read_node_box (o, top, &node, name, error))
        return NULL;
      rwb_render_entity_labels (g_ptr_array_index (graph->entities, entity), &node.label,
                                &node.sublabel);
      g_array_append_val (scene->nodes, node);
      node_of[gvid] = scene->nodes->len;
    }

  JsonArray *edges = member_array (g, "edges");
  guint n_edges = edges ? json_array_get_length (edges) : 0;
  g_autofree gboolean *edge_seen = g_new0 (gboolean, MAX (graph->relations->len, 1));
  for (guint i = 0; i < n_edges; i++)
    {
      JsonNode *en = json_array_get_element (edges, i);
      if (!JSON_NODE_HOLDS_OBJECT (en))
        return output_error (error, _("an edge that is not an object")), NULL;
      JsonObject *o = json_node_get_object (en);
      guint rel, tail, head;
      if (!parse_name_index (member_string (o, "id"), 'r', graph->relations->len, &rel)
          || edge_seen[rel] || !member_index (o, "tail", n_objects, &tail)
          || !member_index (o, "head", n_objects, &head) || node_of[tail] == 0
          || node_of[head] == 0)
        return output_error (error, _("an edge the graph does not have")), NULL;
      edge_seen[rel] = TRUE;
      const RwbRelation *r = g_ptr_array_index (graph->relations, rel);
      RwbSceneEdge edge = { 0 };
      edge.relation = rel;
      edge.from = node_of[tail] - 1;
      edge.to = node_of[head] - 1;
      /* The edge runs as the relation does. */
      if (g_array_index (scene->nodes, RwbSceneNode, edge.from).entity != r->source
          || g_array_index (scene->nodes, RwbSceneNode, edge.to).entity != r->target)
        return output_error (error, _("an edge between other nodes")), NULL;
      g_autofree char *where = g_strdup_printf (_("edge r%u"), rel);
      if (!read_edge_geometry (o, top, &edge, where, error))
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

/* ---- An imported DOT file (json with xdot operations). ---- */

/* The pen, fill, style and font of a run of operations. */
typedef struct {
  guint32 pen, fill;
  gboolean pen_set, fill_set;  /* by the operations (even to Graphviz's default black) */
  RwbDrawLine line;
  double width;
  double font_size;
  const char *font;
  guint8 font_flags;
} DrawState;

typedef struct {
  RwbScene *scene;
  double top;
  GHashTable *attrs;           /* the object's own attributes (for what the file set) */
  gboolean pen_is_default;     /* the file sets no colour for the object */
  gboolean text_is_default;    /* … and no fontcolor */
} OpsContext;

static gboolean
parse_color (const char *s, guint32 *out)
{
  if (s == NULL || s[0] != '#')
    return FALSE;
  gsize n = strlen (s + 1);
  if (n != 6 && n != 8)
    return FALSE;
  guint32 v = 0;
  for (gsize i = 0; i < n; i++)
    {
      int d = g_ascii_xdigit_value (s[1 + i]);
      if (d < 0)
        return FALSE;
      v = v << 4 | (guint32) d;
    }
  *out = n == 6 ? v << 8 | 0xff : v;
  return TRUE;
}

/* A colour operation's colour: plain, or the first stop of a gradient. */
static guint32
op_color (JsonObject *op)
{
  guint32 c = 0x000000ff;
  if (parse_color (member_string (op, "color"), &c))
    return c;
  JsonArray *stops = member_array (op, "stops");
  if (stops && json_array_get_length (stops) > 0)
    {
      JsonNode *first = json_array_get_element (stops, 0);
      if (JSON_NODE_HOLDS_OBJECT (first))
        parse_color (member_string (json_node_get_object (first), "color"), &c);
    }
  return c;
}

static void
apply_style (DrawState *st, const char *style)
{
  if (style == NULL)
    return;
  if (g_str_equal (style, "solid"))
    st->line = RWB_DRAW_LINE_SOLID;
  else if (g_str_equal (style, "dashed"))
    st->line = RWB_DRAW_LINE_DASHED;
  else if (g_str_equal (style, "dotted"))
    st->line = RWB_DRAW_LINE_DOTTED;
  else if (g_str_equal (style, "invis") || g_str_equal (style, "invisible"))
    st->line = RWB_DRAW_LINE_INVISIBLE;
  else if (g_str_equal (style, "bold"))
    st->width = 2.0;
  else if (g_str_has_prefix (style, "setlinewidth("))
    {
      double w = g_ascii_strtod (style + strlen ("setlinewidth("), NULL);
      if (isfinite (w) && w >= 0 && w <= 100)
        st->width = w;
    }
}

static void
add_op (OpsContext *c, const DrawState *st, RwbDrawOpKind kind, gboolean filled, guint first,
        guint n)
{
  RwbDrawOp op = { 0 };
  op.kind = kind;
  op.filled = filled;
  op.line = st->line;
  op.pen = st->pen;
  op.fill = st->fill;
  op.width = (float) st->width;
  op.first = first;
  op.n = n;
  /* Black that the file did not ask for is the theme's foreground. */
  if (c->pen_is_default && st->pen == 0x000000ff)
    op.flags |= RWB_DRAW_OP_DEFAULT_PEN;
  if (c->pen_is_default && st->fill == 0x000000ff)
    op.flags |= RWB_DRAW_OP_DEFAULT_FILL;
  g_array_append_val (c->scene->draw_ops, op);
}

static gboolean read_op (OpsContext *c, JsonObject *op, char name, DrawState *st);

/* Appends the operations of @ops (an xdot array) to the scene; FALSE on a malformed one. */
static gboolean
read_ops (OpsContext *c, JsonArray *ops, DrawState *st)
{
  RwbScene *scene = c->scene;
  guint n = ops ? json_array_get_length (ops) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *on = json_array_get_element (ops, i);
      if (!JSON_NODE_HOLDS_OBJECT (on))
        return FALSE;
      JsonObject *op = json_node_get_object (on);
      const char *name = member_string (op, "op");
      if (name == NULL || name[0] == '\0' || name[1] != '\0')
        return FALSE;
      guint first = scene->draw_points->len;
      if (!read_op (c, op, name[0], st))
        {
          /* A shape or text with a coordinate out of range (a font size of 10^12 puts a
           * label's baseline there) is left out; the rest of the drawing stays. */
          g_array_set_size (scene->draw_points, first);
        }
    }
  return TRUE;
}

/* One operation; FALSE if its numbers are unusable. */
static gboolean
read_op (OpsContext *c, JsonObject *op, char name, DrawState *st)
{
  RwbScene *scene = c->scene;
  guint first = scene->draw_points->len;
  switch (name)
    {
    case 'c':
      st->pen = op_color (op);
      break;
    case 'C':
      st->fill = op_color (op);
      break;
    case 'S':
      apply_style (st, member_string (op, "style"));
      break;
    case 'F':
      {
        double size;
        if (member_number (op, "size", &size) && size >= 0 && size < 10000)
          st->font_size = size;
        else
          st->font_size = -1; /* its texts are left out */
        const char *face = member_string (op, "face");
        if (face)
          st->font = g_string_chunk_insert_const (scene->strings, face);
      }
      break;
    case 't':
      {
        double flags;
        if (member_number (op, "fontchar", &flags))
          st->font_flags = (guint8) ((guint) flags & 3);
      }
      break;
    case 'P':
    case 'p':
    case 'L':
    case 'B':
    case 'b':
      {
        if (!read_points (member_array (op, "points"), c->top, scene->draw_points))
          return FALSE;
        guint np = scene->draw_points->len - first;
        RwbDrawOpKind kind = name == 'L' ? RWB_DRAW_OP_POLYLINE
                             : (name == 'B' || name == 'b') ? RWB_DRAW_OP_BEZIER
                                                                   : RWB_DRAW_OP_POLYGON;
        if (np >= 2)
          add_op (c, st, kind, g_ascii_isupper (name) && name != 'L', first, np);
      }
      break;
    case 'E':
    case 'e':
      {
        JsonArray *rect = member_array (op, "rect");
        double v[4];
        if (rect == NULL || json_array_get_length (rect) < 4)
          return FALSE;
        for (guint k = 0; k < 4; k++)
          if (!node_number (json_array_get_element (rect, k), &v[k]))
            return FALSE;
        RwbPoint centre = { v[0], c->top - v[1] }, radii = { fabs (v[2]), fabs (v[3]) };
        g_array_append_val (scene->draw_points, centre);
        g_array_append_val (scene->draw_points, radii);
        add_op (c, st, RWB_DRAW_OP_ELLIPSE, name == 'E', first, 2);
      }
      break;
    case 'T':
      {
        JsonArray *pt = member_array (op, "pt");
        double x, y, width = 0;
        const char *text = member_string (op, "text");
        const char *align = member_string (op, "align");
        if (pt == NULL || json_array_get_length (pt) < 2
            || !node_number (json_array_get_element (pt, 0), &x)
            || !node_number (json_array_get_element (pt, 1), &y))
          return FALSE;
        member_number (op, "width", &width);
        if (text == NULL || *text == '\0' || st->font_size < 0)
          break;
        RwbPoint p = { x, c->top - y };
        g_array_append_val (scene->draw_points, p);
        RwbDrawOp t = { 0 };
        t.kind = RWB_DRAW_OP_TEXT;
        t.pen = st->pen;
        t.first = first;
        t.n = 1;
        t.size = (float) (st->font_size > 0 ? st->font_size : 14.0);
        t.text_width = (float) MAX (width, 0);
        t.align = align && align[0] == 'l' ? -1 : align && align[0] == 'r' ? 1 : 0;
        t.text = g_string_chunk_insert (scene->strings, text);
        t.font = st->font;
        if (st->font_flags & 1)
          t.flags |= RWB_DRAW_OP_BOLD;
        if (st->font_flags & 2)
          t.flags |= RWB_DRAW_OP_ITALIC;
        if (c->text_is_default && st->pen == 0x000000ff)
          t.flags |= RWB_DRAW_OP_DEFAULT_PEN;
        g_array_append_val (scene->draw_ops, t);
      }
      break;
    default:
      /* 'I' (images: the cleaner removed their files) and anything newer: not drawn. */
      break;
    }
  return TRUE;
}

static void
state_init (DrawState *st)
{
  memset (st, 0, sizeof *st);
  st->pen = 0x000000ff;
  st->fill = 0x000000ff;
  st->line = RWB_DRAW_LINE_SOLID;
  st->width = 1.0;
  st->font_size = 14.0;
}

/* Reads the operations under @keys of @o; stores their range. */
static gboolean
read_object_ops (OpsContext *c, JsonObject *o, const char *const *keys, guint *first,
                 guint *count)
{
  *first = c->scene->draw_ops->len;
  for (guint k = 0; keys[k]; k++)
    {
      /* Each attribute's operations start from Graphviz's defaults (xdot's rule). */
      DrawState st;
      state_init (&st);
      gboolean label = strstr (keys[k], "ldraw") != NULL;
      gboolean saved = c->pen_is_default;
      /* A label's default black follows fontcolor, not color. */
      if (label)
        c->pen_is_default = c->text_is_default;
      gboolean ok = read_ops (c, member_array (o, keys[k]), &st);
      c->pen_is_default = saved;
      if (!ok)
        return FALSE;
    }
  *count = c->scene->draw_ops->len - *first;
  return TRUE;
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
static GHashTable *
object_attrs (JsonObject *o)
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

static gboolean
has_attr (JsonObject *o, const char *key)
{
  const char *v = member_string (o, key);
  return v && *v;
}

/* The text Graphviz drew in operations @first … @first + @n: pieces on one baseline and close
 * together are one line (an HTML label's runs), others new lines (record fields, \n). */
static char *
ops_text (RwbScene *scene, guint first, guint n)
{
  GString *s = NULL;
  double last_y = 0, last_right = 0;
  for (guint i = first; i < first + n; i++)
    {
      const RwbDrawOp *op = &g_array_index (scene->draw_ops, RwbDrawOp, i);
      if (op->kind != RWB_DRAW_OP_TEXT)
        continue;
      RwbPoint p = g_array_index (scene->draw_points, RwbPoint, op->first);
      double left = op->align < 0 ? p.x : op->align > 0 ? p.x - op->text_width
                                                         : p.x - op->text_width / 2;
      if (s == NULL)
        s = g_string_new (NULL);
      else if (fabs (p.y - last_y) > 0.5 || fabs (left - last_right) > op->size * 0.5)
        g_string_append_c (s, '\n');
      g_string_append (s, op->text);
      last_y = p.y;
      last_right = left + op->text_width;
    }
  return s ? g_strstrip (g_string_free (s, FALSE)) : NULL;
}

static const char *const node_keys[] = { "_draw_", "_ldraw_", NULL };
static const char *const edge_keys[] = { "_draw_", "_hdraw_", "_tdraw_", "_ldraw_", "_hldraw_",
                                         "_tldraw_", NULL };

static gboolean
read_cluster (OpsContext *c, JsonObject *o, GError **error)
{
  RwbScene *scene = c->scene;
  double bb[4];
  const char *name = member_string (o, "name");
  g_autofree char *where = g_strdup_printf (_("cluster %s"), name ? name : "?");
  ValueState st = member_numbers (o, "bb", bb, 4);
  if (st == VALUE_BAD)
    return coords_error (error, where);
  if (st == VALUE_MISSING)
    return TRUE; /* a plain subgraph: nothing to draw */
  RwbSceneCluster cl = { 0 };
  cl.box = (RwbRect) { bb[0], c->top - bb[3], bb[2] - bb[0], bb[3] - bb[1] };
  c->pen_is_default = !has_attr (o, "color") && !has_attr (o, "pencolor");
  c->text_is_default = !has_attr (o, "fontcolor");
  if (!read_object_ops (c, o, node_keys, &cl.draw_first, &cl.draw_n))
    return output_error (error, where);
  cl.label = ops_text (scene, cl.draw_first, cl.draw_n);
  g_array_append_val (scene->clusters, cl);
  return TRUE;
}

typedef struct {
  RwbGraph *graph;
  RwbScene *scene;
} Import;

static void
import_clear (Import *im)
{
  g_clear_pointer (&im->scene, rwb_scene_free);
  g_clear_pointer (&im->graph, rwb_graph_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static gboolean
read_import_node (OpsContext *c, Import *im, JsonObject *o, guint *node_of, guint gvid,
                  GError **error)
{
  const char *raw_name = member_string (o, "name");
  g_autofree char *name = g_utf8_make_valid (raw_name ? raw_name : "", -1);
  RwbSceneNode node = { 0 };
  if (!read_node_box (o, c->top, &node, name, error))
    return FALSE;
  c->pen_is_default = !has_attr (o, "color");
  c->text_is_default = !has_attr (o, "fontcolor");
  if (!read_object_ops (c, o, node_keys, &node.draw_first, &node.draw_n))
    {
      g_autofree char *where = g_strdup_printf (_("node %s"), name);
      return output_error (error, where);
    }
  /* The entity is named by what Graphviz shows (\N, records and HTML resolved). */
  g_autofree char *shown = ops_text (im->scene, node.draw_first, node.draw_n);
  const char *label = shown && *shown ? shown : name;
  guint index = rwb_graph_add_entity (im->graph, label, RWB_ENTITY_COMPANY);
  RwbEntity *entity = g_ptr_array_index (im->graph->entities, index);
  rwb_entity_add_alias (entity, label);
  if (!g_str_equal (label, name))
    rwb_entity_add_alias (entity, name);
  entity->attrs = object_attrs (o);
  node.entity = index;
  node.label = g_strdup (label);
  g_array_append_val (im->scene->nodes, node);
  node_of[gvid] = im->scene->nodes->len;
  return TRUE;
}

static gboolean
read_import_edge (OpsContext *c, Import *im, JsonObject *o, const guint *node_of,
                  guint n_objects, gboolean digraph, GError **error)
{
  RwbScene *scene = im->scene;
  guint tail, head;
  if (!member_index (o, "tail", n_objects, &tail) || !member_index (o, "head", n_objects, &head)
      || node_of[tail] == 0 || node_of[head] == 0)
    return output_error (error, _("an edge between nodes that are not there"));
  guint from = node_of[tail] - 1, to = node_of[head] - 1;
  const RwbSceneNode *a = &g_array_index (scene->nodes, RwbSceneNode, from);
  const RwbSceneNode *b = &g_array_index (scene->nodes, RwbSceneNode, to);
  g_autofree char *where = g_strdup_printf (_("edge %s → %s"), a->label, b->label);

  /* Built here rather than with rwb_graph_ensure_relation(): a DOT file may hold many edges
   * between the same two nodes, and each one is drawn. */
  RwbRelation *rel = g_new0 (RwbRelation, 1);
  rel->source = a->entity;
  rel->target = b->entity;
  rel->type = RWB_RELATION_PARTNERSHIP;
  const char *dir = member_string (o, "dir");
  rel->directed = digraph ? !(dir && g_str_equal (dir, "none"))
                          : (dir && *dir && !g_str_equal (dir, "none"));
  rel->confidence = 1.0;
  rel->evidence = g_array_new (FALSE, TRUE, sizeof (RwbEvidence));
  rel->attrs = object_attrs (o);
  g_ptr_array_add (im->graph->relations, rel);

  RwbSceneEdge edge = { 0 };
  edge.relation = im->graph->relations->len - 1;
  edge.from = from, edge.to = to;
  if (!read_edge_geometry (o, c->top, &edge, where, error))
    {
      g_clear_pointer (&edge.points, g_array_unref);
      return FALSE;
    }
  if (edge.points->len < 4 || (edge.points->len - 1) % 3 != 0)
    {
      /* No usable curve (some engines give up on a spline): a straight line, for hit tests
       * and drags; the drawing is what Graphviz drew. */
      g_array_set_size (edge.points, 0);
      for (guint i = 0; i < 4; i++)
        {
          RwbPoint p = { a->x + (b->x - a->x) * i / 3.0, a->y + (b->y - a->y) * i / 3.0 };
          g_array_append_val (edge.points, p);
        }
    }
  c->pen_is_default = !has_attr (o, "color");
  c->text_is_default = !has_attr (o, "fontcolor");
  if (!read_object_ops (c, o, edge_keys, &edge.draw_first, &edge.draw_n))
    {
      g_array_unref (edge.points);
      return output_error (error, where);
    }
  edge.label = ops_text (scene, edge.draw_first, edge.draw_n);
  g_array_append_val (scene->edges, edge);
  return TRUE;
}

/**
 * rwb_gvjson_read_import:
 * @root: the helper's json output for a DOT file
 * @scene: (out) (transfer full): the scene
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the graph
 */
RwbGraph *
rwb_gvjson_read_import (JsonNode *root, RwbScene **scene, GError **error)
{
  g_return_val_if_fail (root != NULL && scene != NULL, NULL);
  *scene = NULL;
  JsonObject *g = json_node_get_object (root);
  g_auto (Import) im = { 0 };
  im.graph = rwb_graph_new ();
  im.scene = rwb_scene_new (im.graph);
  im.scene->from_dot = TRUE;
  const char *engine = member_string (g, "layout");
  im.scene->engine = g_strdup (engine && *engine ? engine : "dot");
  JsonNode *directed = json_object_get_member (g, "directed");
  gboolean digraph = directed == NULL || !JSON_NODE_HOLDS_VALUE (directed)
                     || json_node_get_value_type (directed) != G_TYPE_BOOLEAN
                     || json_node_get_boolean (directed);
  OpsContext c = { .scene = im.scene };
  if (!read_bounds (g, im.scene, &c.top, error))
    return NULL;

  /* The file's background replaces the theme's; without one the theme's stays (Graphviz
   * would paint white). */
  guint32 bg;
  if (has_attr (g, "bgcolor"))
    {
      JsonArray *ops = member_array (g, "_draw_");
      for (guint i = 0; ops && i < json_array_get_length (ops); i++)
        {
          JsonNode *on = json_array_get_element (ops, i);
          if (JSON_NODE_HOLDS_OBJECT (on)
              && g_strcmp0 (member_string (json_node_get_object (on), "op"), "C") == 0)
            {
              bg = op_color (json_node_get_object (on));
              im.scene->has_background = (bg & 0xff) != 0;
              im.scene->background = bg;
              break;
            }
        }
    }
  static const char *const graph_keys[] = { "_ldraw_", NULL };
  c.pen_is_default = c.text_is_default = !has_attr (g, "fontcolor");
  if (!read_object_ops (&c, g, graph_keys, &im.scene->draw_first, &im.scene->draw_n))
    return output_error (error, _("the graph's label")), NULL;

  JsonArray *objects = member_array (g, "objects");
  guint n_objects = objects ? json_array_get_length (objects) : 0;
  double n_sub = 0;
  member_number (g, "_subgraph_cnt", &n_sub);
  g_autofree guint *node_of = g_new0 (guint, MAX (n_objects, 1));
  for (guint i = 0; i < n_objects; i++)
    {
      JsonNode *on = json_array_get_element (objects, i);
      if (!JSON_NODE_HOLDS_OBJECT (on))
        return output_error (error, _("an object that is not one")), NULL;
      JsonObject *o = json_node_get_object (on);
      guint gvid;
      if (!member_index (o, "_gvid", n_objects, &gvid))
        return output_error (error, _("an object without its number")), NULL;
      if (i < n_sub)
        {
          if (!read_cluster (&c, o, error))
            return NULL;
        }
      else
        {
          if (node_of[gvid] != 0)
            return output_error (error, _("two nodes with one number")), NULL;
          if (!read_import_node (&c, &im, o, node_of, gvid, error))
            return NULL;
        }
    }
  JsonArray *edges = member_array (g, "edges");
  for (guint i = 0; edges && i < json_array_get_length (edges); i++)
    {
      JsonNode *en = json_array_get_element (edges, i);
      if (!JSON_NODE_HOLDS_OBJECT (en))
        return output_error (error, _("an edge that is not an object")), NULL;
      if (!read_import_edge (&c, &im, json_node_get_object (en), node_of, n_objects, digraph,
                             error))
        return NULL;
    }
  rwb_scene_build_index (im.scene);
  *scene = g_steal_pointer (&im.scene);
  return g_steal_pointer (&im.graph);
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
  const char *label = member_string (o, "label");
  if (label == NULL || *label == '\0')
    return g_strdup (name);
  if (has_attr (o, "rawabit_html_label"))
    return html_label_text (label);
  const char *shape = member_string (o, "shape");
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
  JsonArray *objects = member_array (g, "objects");
  guint n_objects = objects ? json_array_get_length (objects) : 0;
  g_autofree guint *entity_of = g_new0 (guint, MAX (n_objects, 1));
  for (guint i = 0; i < n_objects; i++)
    {
      JsonNode *on = json_array_get_element (objects, i);
      guint gvid;
      if (!JSON_NODE_HOLDS_OBJECT (on)
          || !member_index (json_node_get_object (on), "_gvid", n_objects, &gvid))
        return output_error (error, _("an object without its number")), NULL;
      JsonObject *o = json_node_get_object (on);
      if (entity_of[gvid] != 0)
        return output_error (error, _("two nodes with one number")), NULL;
      const char *raw_name = member_string (o, "name");
      g_autofree char *name = g_utf8_make_valid (raw_name ? raw_name : "", -1);
      g_autofree char *shown = shown_label (o, name);
      const char *label = shown && *shown ? shown : name;
      guint index = rwb_graph_add_entity (graph, label, RWB_ENTITY_COMPANY);
      RwbEntity *entity = g_ptr_array_index (graph->entities, index);
      rwb_entity_add_alias (entity, label);
      if (!g_str_equal (label, name))
        rwb_entity_add_alias (entity, name);
      entity->attrs = object_attrs (o);
      entity_of[gvid] = index + 1;
    }
  JsonArray *edges = member_array (g, "edges");
  for (guint i = 0; edges && i < json_array_get_length (edges); i++)
    {
      JsonNode *en = json_array_get_element (edges, i);
      guint tail, head;
      if (!JSON_NODE_HOLDS_OBJECT (en)
          || !member_index (json_node_get_object (en), "tail", n_objects, &tail)
          || !member_index (json_node_get_object (en), "head", n_objects, &head)
          || entity_of[tail] == 0 || entity_of[head] == 0)
        return output_error (error, _("an edge between nodes that are not there")), NULL;
      JsonObject *o = json_node_get_object (en);
      /* As read_import_edge: each DOT edge is a relation of its own. */
      guint index = rwb_graph_add_relation (graph, entity_of[tail] - 1, entity_of[head] - 1,
                                            RWB_RELATION_PARTNERSHIP, FALSE, 1.0);
      RwbRelation *rel = g_ptr_array_index (graph->relations, index);
      const char *dir = member_string (o, "dir");
      rel->directed = digraph ? !(dir && g_str_equal (dir, "none"))
                              : (dir && *dir && !g_str_equal (dir, "none"));
      rel->attrs = object_attrs (o);
    }
  return g_steal_pointer (&graph);
}
