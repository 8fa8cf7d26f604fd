/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-gvjson-import.c — an imported DOT file from Graphviz's `-Tjson` (its xdot operations:
 * `_draw_`, `_ldraw_`, `_hdraw_`, …, with resolved colours and fonts) into a graph and a scene
 * whose nodes and edges keep the operations Graphviz would draw. The readers it shares with the
 * layout's json0 reading are in rwb-gvjson.c (rwb-gvjson-private.h).
 */
#define G_LOG_DOMAIN "rawabit-layout"

#include "rwb-formats.h"
#include "rwb-gvjson-private.h"
#include "rwb-layout-private.h"
#include "rwb-render.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

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
  if (parse_color (rwb_gvjson_member_string (op, "color"), &c))
    return c;
  JsonArray *stops = rwb_gvjson_member_array (op, "stops");
  if (stops && json_array_get_length (stops) > 0)
    {
      JsonNode *first = json_array_get_element (stops, 0);
      if (JSON_NODE_HOLDS_OBJECT (first))
        parse_color (rwb_gvjson_member_string (json_node_get_object (first), "color"), &c);
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
      const char *name = rwb_gvjson_member_string (op, "op");
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
      apply_style (st, rwb_gvjson_member_string (op, "style"));
      break;
    case 'F':
      {
        double size;
        if (rwb_gvjson_member_number (op, "size", &size) && size >= 0 && size < 10000)
          st->font_size = size;
        else
          st->font_size = -1; /* its texts are left out */
        const char *face = rwb_gvjson_member_string (op, "face");
        if (face)
          st->font = g_string_chunk_insert_const (scene->strings, face);
      }
      break;
    case 't':
      {
        double flags;
        if (rwb_gvjson_member_number (op, "fontchar", &flags))
          st->font_flags = (guint8) ((guint) flags & 3);
      }
      break;
    case 'P':
    case 'p':
    case 'L':
    case 'B':
    case 'b':
      {
        if (!rwb_gvjson_read_points (rwb_gvjson_member_array (op, "points"), c->top,
                                     scene->draw_points))
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
        JsonArray *rect = rwb_gvjson_member_array (op, "rect");
        double v[4];
        if (rect == NULL || json_array_get_length (rect) < 4)
          return FALSE;
        for (guint k = 0; k < 4; k++)
          if (!rwb_gvjson_node_number (json_array_get_element (rect, k), &v[k]))
            return FALSE;
        RwbPoint centre = { v[0], c->top - v[1] }, radii = { fabs (v[2]), fabs (v[3]) };
        g_array_append_val (scene->draw_points, centre);
        g_array_append_val (scene->draw_points, radii);
        add_op (c, st, RWB_DRAW_OP_ELLIPSE, name == 'E', first, 2);
      }
      break;
    case 'T':
      {
        JsonArray *pt = rwb_gvjson_member_array (op, "pt");
        double x, y, width = 0;
        const char *text = rwb_gvjson_member_string (op, "text");
        const char *align = rwb_gvjson_member_string (op, "align");
        if (pt == NULL || json_array_get_length (pt) < 2
            || !rwb_gvjson_node_number (json_array_get_element (pt, 0), &x)
            || !rwb_gvjson_node_number (json_array_get_element (pt, 1), &y))
          return FALSE;
        rwb_gvjson_member_number (op, "width", &width);
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
      gboolean ok = read_ops (c, rwb_gvjson_member_array (o, keys[k]), &st);
      c->pen_is_default = saved;
      if (!ok)
        return FALSE;
    }
  *count = c->scene->draw_ops->len - *first;
  return TRUE;
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
  const char *name = rwb_gvjson_member_string (o, "name");
  g_autofree char *where = g_strdup_printf (_("cluster %s"), name ? name : "?");
  ValueState st = rwb_gvjson_member_numbers (o, "bb", bb, 4);
  if (st == VALUE_BAD)
    return rwb_gvjson_coords_error (error, where);
  if (st == VALUE_MISSING)
    return TRUE; /* a plain subgraph: nothing to draw */
  RwbSceneCluster cl = { 0 };
  cl.box = (RwbRect) { bb[0], c->top - bb[3], bb[2] - bb[0], bb[3] - bb[1] };
  c->pen_is_default = !rwb_gvjson_has_attr (o, "color") && !rwb_gvjson_has_attr (o, "pencolor");
  c->text_is_default = !rwb_gvjson_has_attr (o, "fontcolor");
  if (!read_object_ops (c, o, node_keys, &cl.draw_first, &cl.draw_n))
    return rwb_gvjson_output_error (error, where);
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
  const char *raw_name = rwb_gvjson_member_string (o, "name");
  g_autofree char *name = g_utf8_make_valid (raw_name ? raw_name : "", -1);
  RwbSceneNode node = { 0 };
  if (!rwb_gvjson_read_node_box (o, c->top, &node, name, error))
    return FALSE;
  c->pen_is_default = !rwb_gvjson_has_attr (o, "color");
  c->text_is_default = !rwb_gvjson_has_attr (o, "fontcolor");
  if (!read_object_ops (c, o, node_keys, &node.draw_first, &node.draw_n))
    {
      g_autofree char *where = g_strdup_printf (_("node %s"), name);
      return rwb_gvjson_output_error (error, where);
    }
  /* The entity is named by what Graphviz shows (\N, records and HTML resolved). */
  g_autofree char *shown = ops_text (im->scene, node.draw_first, node.draw_n);
  const char *label = shown && *shown ? shown : name;
  guint index = rwb_graph_add_entity (im->graph, label, RWB_ENTITY_COMPANY);
  RwbEntity *entity = g_ptr_array_index (im->graph->entities, index);
  rwb_entity_add_alias (entity, label);
  if (!g_str_equal (label, name))
    rwb_entity_add_alias (entity, name);
  entity->attrs = rwb_gvjson_object_attrs (o);
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
  if (!rwb_gvjson_member_index (o, "tail", n_objects, &tail)
      || !rwb_gvjson_member_index (o, "head", n_objects, &head)
      || node_of[tail] == 0 || node_of[head] == 0)
    return rwb_gvjson_output_error (error, _("an edge between nodes that are not there"));
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
  const char *dir = rwb_gvjson_member_string (o, "dir");
  rel->directed = digraph ? !(dir && g_str_equal (dir, "none"))
                          : (dir && *dir && !g_str_equal (dir, "none"));
  rel->confidence = 1.0;
  rel->evidence = g_array_new (FALSE, TRUE, sizeof (RwbEvidence));
  rel->attrs = rwb_gvjson_object_attrs (o);
  g_ptr_array_add (im->graph->relations, rel);

  RwbSceneEdge edge = { 0 };
  edge.relation = im->graph->relations->len - 1;
  edge.from = from, edge.to = to;
  if (!rwb_gvjson_read_edge_geometry (o, c->top, &edge, where, error))
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
  c->pen_is_default = !rwb_gvjson_has_attr (o, "color");
  c->text_is_default = !rwb_gvjson_has_attr (o, "fontcolor");
  if (!read_object_ops (c, o, edge_keys, &edge.draw_first, &edge.draw_n))
    {
      g_array_unref (edge.points);
      return rwb_gvjson_output_error (error, where);
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
  const char *engine = rwb_gvjson_member_string (g, "layout");
  im.scene->engine = g_strdup (engine && *engine ? engine : "dot");
  JsonNode *directed = json_object_get_member (g, "directed");
  gboolean digraph = directed == NULL || !JSON_NODE_HOLDS_VALUE (directed)
                     || json_node_get_value_type (directed) != G_TYPE_BOOLEAN
                     || json_node_get_boolean (directed);
  OpsContext c = { .scene = im.scene };
  if (!rwb_gvjson_read_bounds (g, im.scene, &c.top, error))
    return NULL;

  /* The file's background replaces the theme's; without one the theme's stays (Graphviz
   * would paint white). */
  guint32 bg;
  if (rwb_gvjson_has_attr (g, "bgcolor"))
    {
      JsonArray *ops = rwb_gvjson_member_array (g, "_draw_");
      for (guint i = 0; ops && i < json_array_get_length (ops); i++)
        {
          JsonNode *on = json_array_get_element (ops, i);
          if (JSON_NODE_HOLDS_OBJECT (on)
              && g_strcmp0 (rwb_gvjson_member_string (json_node_get_object (on), "op"), "C") == 0)
            {
              bg = op_color (json_node_get_object (on));
              im.scene->has_background = (bg & 0xff) != 0;
              im.scene->background = bg;
              break;
            }
        }
    }
  static const char *const graph_keys[] = { "_ldraw_", NULL };
  c.pen_is_default = c.text_is_default = !rwb_gvjson_has_attr (g, "fontcolor");
  if (!read_object_ops (&c, g, graph_keys, &im.scene->draw_first, &im.scene->draw_n))
    return rwb_gvjson_output_error (error, _("the graph's label")), NULL;

  JsonArray *objects = rwb_gvjson_member_array (g, "objects");
  guint n_objects = objects ? json_array_get_length (objects) : 0;
  double n_sub = 0;
  rwb_gvjson_member_number (g, "_subgraph_cnt", &n_sub);
  g_autofree guint *node_of = g_new0 (guint, MAX (n_objects, 1));
  for (guint i = 0; i < n_objects; i++)
    {
      JsonNode *on = json_array_get_element (objects, i);
      if (!JSON_NODE_HOLDS_OBJECT (on))
        return rwb_gvjson_output_error (error, _("an object that is not one")), NULL;
      JsonObject *o = json_node_get_object (on);
      guint gvid;
      if (!rwb_gvjson_member_index (o, "_gvid", n_objects, &gvid))
        return rwb_gvjson_output_error (error, _("an object without its number")), NULL;
      if (i < n_sub)
        {
          if (!read_cluster (&c, o, error))
            return NULL;
        }
      else
        {
          if (node_of[gvid] != 0)
            return rwb_gvjson_output_error (error, _("two nodes with one number")), NULL;
          if (!read_import_node (&c, &im, o, node_of, gvid, error))
            return NULL;
        }
    }
  JsonArray *edges = rwb_gvjson_member_array (g, "edges");
  for (guint i = 0; edges && i < json_array_get_length (edges); i++)
    {
      JsonNode *en = json_array_get_element (edges, i);
      if (!JSON_NODE_HOLDS_OBJECT (en))
        return rwb_gvjson_output_error (error, _("an edge that is not an object")), NULL;
      if (!read_import_edge (&c, &im, json_node_get_object (en), node_of, n_objects, digraph,
                             error))
        return NULL;
    }
  rwb_scene_build_index (im.scene);
  *scene = g_steal_pointer (&im.scene);
  return g_steal_pointer (&im.graph);
}
