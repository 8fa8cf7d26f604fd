/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-formats-graphml-read.c — GraphML read with GLib's GMarkup, which knows no DTDs and no
 * external entities, so reading a file opens no other file and nothing on the network.
 *
 * Reading takes yEd's node boxes as positions (every number checked: finite and bounded) and
 * its node and edge labels; nested graphs are flattened and hyperedges left out, with a
 * warning. Writing GraphML is rwb-formats-graphml.c.
 */
#define G_LOG_DOMAIN "rawabit-formats"

#include "rwb-formats-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* Attributes whose key gives a default, copied to every node or edge without the data. */
#define GRAPHML_MAX_DEFAULTS 256
/* Elements open at once. GraphML needs four (graphml, graph, node, data), yEd a dozen more
 * inside <data> and one graph level per group; a file nested deeper is not a drawing. */
#define GRAPHML_MAX_DEPTH 256

/* ---- reading GraphML ---- */

typedef struct {
  char *id;
  char *name;           /* attr.name, else the id */
  gboolean for_edges;   /* for="edge" (else node, graph or all) */
  gboolean for_nodes;
  gboolean yfiles;      /* yfiles.type="nodegraphics", …: yEd's drawing, read for itself */
  char *default_value;
} GraphmlKey;

typedef struct {
  char *id, *source, *target;  /* source/target for edges only */
  int directed;                /* -1: not given */
  GHashTable *data;            /* key id → text */
  char *yfiles_label;          /* yEd: the text of its first y:NodeLabel/y:EdgeLabel */
  gboolean has_geometry;       /* yEd: a usable y:Geometry, its centre in x, y */
  gboolean bad_geometry;       /* yEd: a y:Geometry with numbers that are not usable */
  double x, y;
  int line;
} GraphmlItem;

typedef struct {
  GHashTable *keys;            /* id → GraphmlKey */
  GPtrArray *key_ids;          /* the ids of <key>s in the order of the file */
  /* Built once the file is read, [0] for nodes and [1] for edges, so that looking data up
   * costs what the item holds, not what the file declares: */
  GHashTable *defaults[2];     /* lower-case name → the default of the first key with it */
  GPtrArray *extra_defaults[2]; /* GraphmlKey with a default whose name no field takes */
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
  gboolean data_has_elements;  /* the <data> holds elements (a drawing), not only text */
  guint label_depth;           /* data_depth of the y:NodeLabel/y:EdgeLabel open, or 0 */
  int bad_geometry_line;       /* the first unusable y:Geometry */
  GString *text;
  GString *yfiles_text;
  GPtrArray *warnings;
  gboolean warned_nested, warned_hyperedge;
} GraphmlParser;

static void
graphml_key_free (gpointer data)
{
  GraphmlKey *key = data;
  g_free (key->id);
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

static gboolean
blank (const char *s)
{
  while (g_ascii_isspace (*s))
    s++;
  return *s == '\0';
}

/* A number of a y:Geometry: given, finite and within @max (and not negative when @size). */
static gboolean
geometry_number (const char **names, const char **values, const char *attr, gboolean size,
                 double *out)
{
  const char *text = rwb_formats_xml_attr (names, values, attr);
  double v;
  if (text == NULL || !rwb_formats_parse_double (text, &v) || !isfinite (v))
    return FALSE;
  if (size ? v < 0 || v > GRAPHML_MAX_SIZE : fabs (v) > GRAPHML_MAX_COORD)
    return FALSE;
  *out = v;
  return TRUE;
}

/* yEd's box of a node (its first y:Geometry): top left corner and size, kept as the centre,
 * which is what Rawabit's x and y are. */
static void
yfiles_geometry (GraphmlParser *p, GMarkupParseContext *context, const char **names,
                 const char **values)
{
  GraphmlItem *item = p->item;
  if (item->has_geometry || item->bad_geometry)
    return;
  double x, y, w = 0, h = 0;
  gboolean has_w = rwb_formats_xml_attr (names, values, "width") != NULL;
  gboolean has_h = rwb_formats_xml_attr (names, values, "height") != NULL;
  if (geometry_number (names, values, "x", FALSE, &x)
      && geometry_number (names, values, "y", FALSE, &y)
      && (!has_w || geometry_number (names, values, "width", TRUE, &w))
      && (!has_h || geometry_number (names, values, "height", TRUE, &h)))
    {
      item->has_geometry = TRUE;
      item->x = x + w / 2;
      item->y = y + h / 2;
      return;
    }
  item->bad_geometry = TRUE;
  if (p->bad_geometry_line == 0)
    g_markup_parse_context_get_position (context, &p->bad_geometry_line, NULL);
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
      /* Inside <data>: yEd nests its drawing here; its labels and node boxes are worth
       * keeping. */
      p->data_depth++;
      p->data_has_elements = TRUE;
      if (p->label_depth == 0
          && (g_str_equal (name, "NodeLabel") || g_str_equal (name, "EdgeLabel")))
        {
          p->label_depth = p->data_depth;
          g_string_truncate (p->yfiles_text, 0);
        }
      else if (g_str_equal (name, "Geometry") && p->item->source == NULL)
        yfiles_geometry (p, context, names, values);
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
      key->id = g_strdup (id);
      key->name = g_strdup (attr_name ? attr_name : id);
      key->for_nodes = for_ == NULL || g_str_equal (for_, "node") || g_str_equal (for_, "all");
      key->for_edges = for_ == NULL || g_str_equal (for_, "edge") || g_str_equal (for_, "all");
      key->yfiles = rwb_formats_xml_attr (names, values, "yfiles.type") != NULL;
      g_hash_table_replace (p->keys, g_strdup (id), key);
      g_ptr_array_add (p->key_ids, g_strdup (id));
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
      p->data_has_elements = FALSE;
      p->label_depth = 0;
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
          if (p->data_depth == p->label_depth)
            {
              /* The first label with text is the item's; yEd writes empty ones too. */
              p->label_depth = 0;
              g_autofree char *label = g_strstrip (g_strdup (p->yfiles_text->str));
              if (*label && p->item->yfiles_label == NULL)
                p->item->yfiles_label = g_steal_pointer (&label);
            }
          p->data_depth--;
          return;
        }
      GraphmlKey *key = g_hash_table_lookup (p->keys, p->data_key);
      g_autofree char *data_key = g_steal_pointer (&p->data_key);
      /* yEd's drawing was read above; the whitespace around its elements is no value. */
      if ((key && key->yfiles) || (p->data_has_elements && blank (p->text->str)))
        return;
      g_hash_table_replace (p->item->data, g_steal_pointer (&data_key), g_strdup (p->text->str));
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
  else if (p->data_key && p->label_depth && p->data_depth == p->label_depth)
    g_string_append_len (p->yfiles_text, text, len);
  else if (p->in_default)
    g_string_append_len (p->text, text, len);
}

static const char *const graphml_node_mapped[] = { "label", "name", "type", "aliases",
                                                   "entity_id", NULL };
static const char *const graphml_edge_mapped[] = { "type", "confidence", "evidence", "directed",
                                                   NULL };

static gboolean
key_applies (const GraphmlKey *key, gboolean edge)
{
  return key && (edge ? key->for_edges : key->for_nodes) && !key->yfiles;
}

static gboolean
is_mapped (const GraphmlKey *key, const char *const *mapped)
{
  for (guint m = 0; mapped[m]; m++)
    if (g_ascii_strcasecmp (key->name, mapped[m]) == 0)
      return TRUE;
  return FALSE;
}

/* Indexes the keys' defaults (see GraphmlParser), in the order of the file. Defaults of
 * attributes no field takes are copied to every item: beyond GRAPHML_MAX_DEFAULTS of them
 * the copies would outgrow the file by far, so the others are left out, with a warning. */
static void
index_keys (GraphmlParser *p)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean too_many = FALSE;
  for (guint edge = 0; edge < 2; edge++)
    {
      p->defaults[edge] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      p->extra_defaults[edge] = g_ptr_array_new ();
    }
  for (guint i = 0; i < p->key_ids->len; i++)
    {
      const char *id = g_ptr_array_index (p->key_ids, i);
      if (!g_hash_table_add (seen, (gpointer) id))
        continue;
      GraphmlKey *key = g_hash_table_lookup (p->keys, id);
      if (key == NULL || key->default_value == NULL)
        continue;
      for (guint edge = 0; edge < 2; edge++)
        {
          if (!key_applies (key, edge))
            continue;
          char *lower = g_ascii_strdown (key->name, -1);
          if (g_hash_table_contains (p->defaults[edge], lower))
            g_free (lower);
          else
            g_hash_table_insert (p->defaults[edge], lower, key->default_value);
          if (is_mapped (key, edge ? graphml_edge_mapped : graphml_node_mapped))
            continue;
          if (p->extra_defaults[edge]->len < GRAPHML_MAX_DEFAULTS)
            g_ptr_array_add (p->extra_defaults[edge], key);
          else
            too_many = TRUE;
        }
    }
  if (too_many)
    rwb_formats_warn (p->warnings, _("The file gives defaults to more than %u attributes; the others were "
                         "left out"), GRAPHML_MAX_DEFAULTS);
}

/* Value of the data named @name (lower case) on @item (by the keys' attr.name, any case), or
 * its default. Costs the number of data @item holds. */
static const char *
item_value (GraphmlParser *p, GraphmlItem *item, gboolean edge, const char *name)
{
  GHashTableIter it;
  gpointer id, value;
  g_hash_table_iter_init (&it, item->data);
  while (g_hash_table_iter_next (&it, &id, &value))
    {
      GraphmlKey *key = g_hash_table_lookup (p->keys, id);
      if (key_applies (key, edge) && g_ascii_strcasecmp (key->name, name) == 0)
        return value;
    }
  return g_hash_table_lookup (p->defaults[edge], name);
}

/* Puts @value under @key's name into attrs, unless it is a label only repeating the relation
 * type (@label_of_type), which is not worth keeping. */
static void
keep_value (GHashTable **attrs, const GraphmlKey *key, const char *value,
            const char *label_of_type)
{
  if (label_of_type && g_ascii_strcasecmp (key->name, "label") == 0
      && g_str_equal (value, label_of_type))
    return;
  if (*attrs == NULL)
    *attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (*attrs, g_strdup (key->name), g_strdup (value));
}

/* Copies the data of @item that no field took into attrs, under the keys' names, and the
 * defaults of the keys it has no data for. */
static void
keep_other_data (GraphmlParser *p, GraphmlItem *item, gboolean edge, GHashTable **attrs,
                 const char *const *mapped, const char *label_of_type)
{
  GHashTableIter it;
  gpointer id, value;
  g_hash_table_iter_init (&it, item->data);
  while (g_hash_table_iter_next (&it, &id, &value))
    {
      GraphmlKey *key = g_hash_table_lookup (p->keys, id);
      if (key_applies (key, edge) && !is_mapped (key, mapped))
        keep_value (attrs, key, value, label_of_type);
    }
  GPtrArray *defaults = p->extra_defaults[edge];
  for (guint i = 0; i < defaults->len; i++)
    {
      GraphmlKey *key = g_ptr_array_index (defaults, i);
      if (!g_hash_table_contains (item->data, key->id))
        keep_value (attrs, key, key->default_value, label_of_type);
    }
}

/* Whether @a and @b are the same text but for the ASCII spaces at either end. */
static gboolean
same_but_spaces (const char *a, const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a));
  g_autofree char *y = g_strstrip (g_strdup (b));
  return g_str_equal (x, y);
}

/* Whether @label is only the name or the label of relation type @type, in any case. */
static gboolean
names_relation_type (const char *label, RwbRelationType type)
{
  const RwbRelationTypeInfo *info = rwb_relation_type_info (type);
  return g_ascii_strcasecmp (label, info->name) == 0
         || g_ascii_strcasecmp (label, info->label) == 0
         || g_str_equal (label, rwb_relation_type_label (type))
         || g_str_equal (label, rwb_relation_type_short_label (type));
}

static RwbGraph *
graphml_build (GraphmlParser *p, GError **error)
{
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) unknown_types = g_hash_table_new (g_str_hash, g_str_equal);
  guint untyped_nodes = 0, untyped_edges = 0, bad_geometry = 0;

  index_keys (p);

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
      /* yEd's label is what its user sees and edits: it wins over a label key it did not
       * touch, unless the two differ only in the spaces around them. */
      if (item->yfiles_label && (label == NULL || !same_but_spaces (label, item->yfiles_label)))
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
      /* yEd moves nodes in its geometry and leaves the x and y keys as they were. */
      if (item->has_geometry)
        {
          g_autofree char *xs = rwb_formats_format_double (item->x, "%.2f");
          g_autofree char *ys = rwb_formats_format_double (item->y, "%.2f");
          rwb_entity_set_attr (e, "x", xs);
          rwb_entity_set_attr (e, "y", ys);
        }
      else if (item->bad_geometry)
        bad_geometry++;
    }
  rwb_formats_unique_entity_ids (graph);
  GHashTableIter it;
  gpointer type_name;
  g_hash_table_iter_init (&it, unknown_types);
  while (g_hash_table_iter_next (&it, &type_name, NULL))
    rwb_formats_warn (p->warnings, _("Unknown entity type “%s” read as company"), (char *) type_name);
  if (untyped_nodes)
    rwb_formats_warn (p->warnings, _("%u nodes have no type and were read as companies"), untyped_nodes);
  if (bad_geometry)
    rwb_formats_warn (p->warnings, _("line %d: yEd node boxes with numbers that are missing, not finite, "
                         "out of range or negative (nodes affected: %u); their positions were "
                         "left out"), p->bad_geometry_line, bad_geometry);

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
      double confidence = 0.5, parsed;
      const char *conf_str = item_value (p, item, TRUE, "confidence");
      /* NaN would pass CLAMP untouched, and a number cut short is not the file's. */
      if (conf_str && rwb_formats_parse_double (conf_str, &parsed) && isfinite (parsed))
        confidence = CLAMP (parsed, 0.0, 1.0);
      else if (conf_str)
        rwb_formats_warn (p->warnings, _("line %d: confidence “%s” is not a number"), item->line, conf_str);
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
      /* yEd's edge label, unless it only repeats the type (Rawabit writes the type there). */
      const char *yfiles_label = item->yfiles_label;
      if (yfiles_label && !names_relation_type (yfiles_label, type)
          && (r->attrs == NULL || !g_hash_table_contains (r->attrs, "label")))
        rwb_relation_set_attr (r, "label", yfiles_label);
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

  if (!rwb_formats_xml_check_utf8 (data, length, "GraphML", error))
    return NULL;
  p.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, graphml_key_free);
  p.key_ids = g_ptr_array_new_with_free_func (g_free);
  p.nodes = g_ptr_array_new_with_free_func (graphml_item_free);
  p.edges = g_ptr_array_new_with_free_func (graphml_item_free);
  p.text = g_string_new (NULL);
  p.yfiles_text = g_string_new (NULL);
  p.warnings = warnings;
  p.edgedefault_directed = TRUE;

  RwbGraph *graph = NULL;
  g_autoptr (GError) local = NULL;
  /* yEd writes descriptions and URLs as CDATA sections: they are text. */
  GMarkupParseContext *context = g_markup_parse_context_new (&parser,
                                                             G_MARKUP_TREAT_CDATA_AS_TEXT, &p,
                                                             NULL);
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
  for (guint edge = 0; edge < 2; edge++)
    {
      g_clear_pointer (&p.defaults[edge], g_hash_table_unref);
      g_clear_pointer (&p.extra_defaults[edge], g_ptr_array_unref);
    }
  g_ptr_array_unref (p.key_ids);
  g_hash_table_unref (p.keys);
  return graph;
}
