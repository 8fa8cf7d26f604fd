/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-formats.c — graph files: Rawabit JSON, DOT, GraphML and CSV, read and written.
 *
 * JSON is rwb-json's; DOT is written here and read by Graphviz in the layout helper
 * (rwb-dot.c), never parsed in this process; GraphML is written by hand and read with GLib's
 * GMarkup, which knows no DTDs and no external entities, so reading one opens no other file
 * and nothing on the network; CSV is written only.
 */
#define G_LOG_DOMAIN "rawabit-formats"

#include "rwb-formats.h"
#include "rwb-dot.h"
#include "rwb-json.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

G_DEFINE_QUARK (rwb-formats-error-quark, rwb_formats_error)

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

static const struct {
  const char *ext;
  RwbFormat format;
} format_names[] = {
  { "json", RWB_FORMAT_JSON }, { "dot", RWB_FORMAT_DOT },   { "gv", RWB_FORMAT_DOT },
  { "graphml", RWB_FORMAT_GRAPHML }, { "csv", RWB_FORMAT_CSV },
};

/**
 * rwb_format_from_string:
 * Parses a format name as the CLI takes it (json, dot, gv, graphml, csv; any case).
 */
gboolean
rwb_format_from_string (const char *name, RwbFormat *out)
{
  g_return_val_if_fail (out != NULL, FALSE);
  for (guint i = 0; name && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i].ext) == 0)
      {
        *out = format_names[i].format;
        return TRUE;
      }
  return FALSE;
}

/**
 * rwb_format_from_path:
 * The format a file name's extension names; FALSE for any other extension.
 */
gboolean
rwb_format_from_path (const char *path, RwbFormat *out)
{
  g_return_val_if_fail (path != NULL && out != NULL, FALSE);
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');
  return dot != NULL && dot != base && rwb_format_from_string (dot + 1, out);
}

/* ---- helpers shared by the writers ---- */

static guint
evidence_count (const RwbRelation *r)
{
  return MAX (r->n_evidence, r->evidence->len);
}

static char *
join_aliases (const RwbEntity *e)
{
  GString *s = g_string_new (NULL);
  for (guint j = 0; j < e->aliases->len; j++)
    {
      if (j)
        g_string_append_c (s, '|');
      g_string_append (s, g_ptr_array_index (e->aliases, j));
    }
  return g_string_free (s, FALSE);
}

static char *
format_double (double v, const char *fmt)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buf, sizeof buf, fmt, v));
}

/* Position of entity @index: from the scene, else from x/y attributes an import kept. */
static gboolean
entity_position (RwbGraph *graph, const RwbScene *scene, guint index, double *x, double *y)
{
  if (scene)
    {
      gint n = rwb_scene_find_node (scene, index);
      if (n < 0)
        return FALSE;
      const RwbSceneNode *node = &g_array_index (scene->nodes, RwbSceneNode, n);
      *x = node->x;
      *y = node->y;
      return TRUE;
    }
  RwbEntity *e = g_ptr_array_index (graph->entities, index);
  const char *xs = e->attrs ? g_hash_table_lookup (e->attrs, "x") : NULL;
  const char *ys = e->attrs ? g_hash_table_lookup (e->attrs, "y") : NULL;
  char *end1, *end2;
  if (xs == NULL || ys == NULL)
    return FALSE;
  *x = g_ascii_strtod (xs, &end1);
  *y = g_ascii_strtod (ys, &end2);
  return *xs && *ys && *end1 == '\0' && *end2 == '\0';
}

static int
compare_strptr (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* Imported attribute keys of @table minus @reserved, sorted so output is reproducible. */
static GPtrArray *
extra_keys (GHashTable *table, const char *const *reserved)
{
  GPtrArray *keys = g_ptr_array_new ();
  if (table == NULL)
    return keys;
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, table);
  while (g_hash_table_iter_next (&it, &key, NULL))
    if (!g_strv_contains (reserved, key))
      g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strptr);
  return keys;
}

/* ---- DOT ---- */

static const char *const dot_node_reserved[] = { "label", "type", "id", "aliases", "pos", NULL };
static const char *const dot_edge_reserved[] = { "label", "type", "id", "directed", "confidence",
                                                 "evidence", "dir", "style", NULL };

/* A DOT double-quoted string. Graphviz's lexer only knows \" and line continuation; the
 * backslash escapes below are the ones its labels (escString) read back, and what
 * rwb_formats_adopt_rawabit_attrs undoes for every Rawabit attribute. */
static void
dot_quoted (GString *s, const char *value)
{
  g_string_append_c (s, '"');
  for (const char *p = value; *p; p++)
    switch (*p)
      {
      case '"':
        g_string_append (s, "\\\"");
        break;
      case '\\':
        g_string_append (s, "\\\\");
        break;
      case '\r':
        if (p[1] != '\n')
          g_string_append (s, "\\n");
        break;
      case '\n':
        g_string_append (s, "\\n");
        break;
      default:
        g_string_append_c (s, *p);
      }
  g_string_append_c (s, '"');
}

static void
dot_attr (GString *s, gboolean *first, const char *key, const char *value)
{
  g_string_append (s, *first ? "" : ", ");
  *first = FALSE;
  dot_quoted (s, key);
  g_string_append_c (s, '=');
  dot_quoted (s, value);
}

static void
dot_extra_attrs (GString *s, gboolean *first, GHashTable *attrs, const char *const *reserved)
{
  g_autoptr (GPtrArray) keys = extra_keys (attrs, reserved);
  for (guint k = 0; k < keys->len; k++)
    {
      const char *key = g_ptr_array_index (keys, k);
      dot_attr (s, first, key, g_hash_table_lookup (attrs, key));
    }
}

static char *
write_dot (RwbGraph *graph, const RwbScene *scene)
{
  GString *s = g_string_new ("digraph rawabit {\n  graph [rawabit_format=1");
  if (scene)
    g_string_append (s, ", splines=true");
  g_string_append (s, "];\n  node [shape=box];\n");
  /* Graphviz's y axis points up; the scene's points down. */
  double ymax = scene ? scene->bounds.y + scene->bounds.height : 0;
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      gboolean first = TRUE;
      g_autofree char *aliases = join_aliases (e);
      g_string_append_printf (s, "  n%u [", i);
      dot_attr (s, &first, "label", e->name);
      dot_attr (s, &first, "type", rwb_entity_type_to_string (e->type));
      dot_attr (s, &first, "id", e->id);
      if (*aliases)
        dot_attr (s, &first, "aliases", aliases);
      double x, y;
      if (scene && entity_position (graph, scene, i, &x, &y))
        {
          g_autofree char *xs = format_double (x, "%.2f");
          g_autofree char *ys = format_double (ymax - y, "%.2f");
          g_autofree char *pos = g_strdup_printf ("%s,%s!", xs, ys);
          dot_attr (s, &first, "pos", pos);
        }
      dot_extra_attrs (s, &first, e->attrs, dot_node_reserved);
      g_string_append (s, "];\n");
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      const char *type = rwb_relation_type_to_string (r->type);
      gboolean first = TRUE;
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autofree char *conf = format_double (r->confidence, "%.3f");
      g_autofree char *count = g_strdup_printf ("%u", evidence_count (r));
      g_string_append_printf (s, "  n%u -> n%u [", r->source, r->target);
      dot_attr (s, &first, "id", id);
      dot_attr (s, &first, "type", type);
      dot_attr (s, &first, "label", type);
      dot_attr (s, &first, "directed", r->directed ? "true" : "false");
      /* A digraph draws every edge with an arrow; dir=none is Graphviz's undirected edge. */
      dot_attr (s, &first, "dir", r->directed ? "forward" : "none");
      dot_attr (s, &first, "confidence", conf);
      dot_attr (s, &first, "evidence", count);
      if (r->type == RWB_RELATION_MENTION)
        dot_attr (s, &first, "style", "dashed");
      dot_extra_attrs (s, &first, r->attrs, dot_edge_reserved);
      g_string_append (s, "];\n");
    }
  g_string_append (s, "}\n");
  return g_string_free (s, FALSE);
}

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
      g_autoptr (GPtrArray) keys = extra_keys (attrs, reserved);
      for (guint k = 0; k < keys->len; k++)
        g_hash_table_add (seen, g_ptr_array_index (keys, k));
    }
  GPtrArray *names = g_ptr_array_new ();
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, seen);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_strptr);
  return names;
}

static char *
write_graphml (RwbGraph *graph, const RwbScene *scene)
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
      g_autofree char *aliases = join_aliases (e);
      g_string_append_printf (s, "    <node id=\"n%u\">\n", i);
      graphml_data (s, "label", e->name);
      graphml_data (s, "type", rwb_entity_type_to_string (e->type));
      if (*aliases)
        graphml_data (s, "aliases", aliases);
      graphml_data (s, "entity_id", e->id);
      double x, y;
      if (entity_position (graph, scene, i, &x, &y))
        {
          g_autofree char *xs = format_double (x, "%.2f");
          g_autofree char *ys = format_double (y, "%.2f");
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
      g_autofree char *conf = format_double (r->confidence, "%.3f");
      g_autofree char *count = g_strdup_printf ("%u", evidence_count (r));
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

/* ---- CSV ---- */

/* RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
static void
csv_field (GString *s, const char *value, gboolean last)
{
  if (value && strpbrk (value, ",\"\r\n"))
    {
      g_string_append_c (s, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (s, '"');
          g_string_append_c (s, *p);
        }
      g_string_append_c (s, '"');
    }
  else if (value)
    g_string_append (s, value);
  g_string_append (s, last ? "\r\n" : ",");
}

static char *
write_nodes_csv (RwbGraph *graph, const RwbScene *scene)
{
  GString *s = g_string_new ("id,name,type,aliases,degree,x,y\r\n");
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      g_autofree char *aliases = join_aliases (e);
      g_autofree char *degree = g_strdup_printf ("%u", rwb_graph_entity_degree (graph, i, TRUE));
      g_autofree char *xs = NULL, *ys = NULL;
      double x, y;
      if (entity_position (graph, scene, i, &x, &y))
        {
          xs = format_double (x, "%.2f");
          ys = format_double (y, "%.2f");
        }
      csv_field (s, e->id, FALSE);
      csv_field (s, e->name, FALSE);
      csv_field (s, rwb_entity_type_to_string (e->type), FALSE);
      csv_field (s, aliases, FALSE);
      csv_field (s, degree, FALSE);
      csv_field (s, xs, FALSE);
      csv_field (s, ys, TRUE);
    }
  return g_string_free (s, FALSE);
}

static char *
write_edges_csv (RwbGraph *graph)
{
  GString *s = g_string_new ("source,target,type,directed,confidence,evidence\r\n");
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      RwbEntity *src = g_ptr_array_index (graph->entities, r->source);
      RwbEntity *dst = g_ptr_array_index (graph->entities, r->target);
      g_autofree char *conf = format_double (r->confidence, "%.3f");
      g_autofree char *count = g_strdup_printf ("%u", evidence_count (r));
      csv_field (s, src->id, FALSE);
      csv_field (s, dst->id, FALSE);
      csv_field (s, rwb_relation_type_to_string (r->type), FALSE);
      csv_field (s, r->directed ? "true" : "false", FALSE);
      csv_field (s, conf, FALSE);
      csv_field (s, count, TRUE);
    }
  return g_string_free (s, FALSE);
}

/* ---- writing files ---- */

/* A temporary file next to @path, renamed over it once complete and synced: readers see the
 * old or the new file, never half of one. Not g_file_replace_contents(): in GLib 2.74 it closes
 * the stream after a failed write, and closing renames the partial file over the old one
 * (test-formats' /formats/atomic/interrupted shows it). */
static gboolean
replace_file (const char *path, const char *data, GError **error)
{
  g_autoptr (GError) local = NULL;
  if (g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local))
    return TRUE;
  g_autofree char *name = g_filename_display_name (path);
  g_set_error (error, local->domain, local->code, _("Could not write %s: %s"), name,
               local->message);
  return FALSE;
}

/**
 * rwb_formats_to_string:
 * The text of @graph in a text format; NULL with an error for CSV, which is two files.
 */
char *
rwb_formats_to_string (RwbGraph *graph, const RwbScene *scene, RwbFormat format, GError **error)
{
  g_return_val_if_fail (graph != NULL, NULL);
  switch (format)
    {
    case RWB_FORMAT_JSON:
      return rwb_json_write (graph, TRUE);
    case RWB_FORMAT_DOT:
      return write_dot (graph, scene);
    case RWB_FORMAT_GRAPHML:
      return write_graphml (graph, scene);
    case RWB_FORMAT_CSV:
    default:
      g_set_error_literal (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_UNSUPPORTED,
                           _("CSV is two files (nodes.csv and edges.csv): write it to a folder"));
      return NULL;
    }
}

/**
 * rwb_formats_write:
 * Writes @graph to @path, replacing any file there atomically (for CSV: a folder, made if
 * missing, receiving nodes.csv and edges.csv, each replaced atomically).
 */
gboolean
rwb_formats_write (RwbGraph *graph, const RwbScene *scene, RwbFormat format, const char *path,
                   GError **error)
{
  g_return_val_if_fail (graph != NULL && path != NULL, FALSE);
  if (format == RWB_FORMAT_CSV)
    {
      if (g_mkdir_with_parents (path, 0777) != 0)
        {
          int err = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (err),
                       _("Could not create the folder %s: %s"), path, g_strerror (err));
          return FALSE;
        }
      g_autofree char *nodes = write_nodes_csv (graph, scene);
      g_autofree char *edges = write_edges_csv (graph);
      g_autofree char *nodes_path = g_build_filename (path, "nodes.csv", NULL);
      g_autofree char *edges_path = g_build_filename (path, "edges.csv", NULL);
      return replace_file (nodes_path, nodes, error) && replace_file (edges_path, edges, error);
    }
  g_autofree char *text = rwb_formats_to_string (graph, scene, format, error);
  if (text == NULL)
    return FALSE;
  return replace_file (path, text, error);
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

static void
warn (GPtrArray *warnings, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
warn (GPtrArray *warnings, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  char *message = g_strdup_vprintf (format, args);
  va_end (args);
  if (warnings)
    g_ptr_array_add (warnings, message);
  else
    g_free (message);
}

static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');
  return colon ? colon + 1 : name;
}

static const char *
find_attr (const char **names, const char **values, const char *wanted)
{
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], wanted))
      return values[i];
  return NULL;
}

static gboolean
markup_error (GMarkupParseContext *context, GError **error, const char *format, ...)
  G_GNUC_PRINTF (3, 4);

static gboolean
markup_error (GMarkupParseContext *context, GError **error, const char *format, ...)
{
  int line = 0, chr = 0;
  g_markup_parse_context_get_position (context, &line, &chr);
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, _("line %d: %s"), line,
               message);
  return FALSE;
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
  const char *name = local_name (element);

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
          markup_error (context, error, _("not a GraphML file: the root element is <%s>"),
                        element);
          return;
        }
      p->seen_root = TRUE;
      return;
    }
  if (g_str_equal (name, "key"))
    {
      const char *id = find_attr (names, values, "id");
      if (id == NULL)
        {
          markup_error (context, error, _("<key> has no id"));
          return;
        }
      const char *attr_name = find_attr (names, values, "attr.name");
      const char *for_ = find_attr (names, values, "for");
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
          = g_strcmp0 (find_attr (names, values, "edgedefault"), "undirected") != 0;
      else if (!p->warned_nested)
        {
          p->warned_nested = TRUE;
          warn (p->warnings, _("Nested graphs (groups) were flattened into one graph"));
        }
    }
  else if (g_str_equal (name, "node"))
    {
      const char *id = find_attr (names, values, "id");
      if (id == NULL)
        {
          markup_error (context, error, _("<node> has no id"));
          return;
        }
      p->item = graphml_item_new (context, id);
      g_ptr_array_add (p->nodes, p->item);
    }
  else if (g_str_equal (name, "edge"))
    {
      const char *source = find_attr (names, values, "source");
      const char *target = find_attr (names, values, "target");
      const char *directed = find_attr (names, values, "directed");
      if (source == NULL || target == NULL)
        {
          markup_error (context, error, _("<edge> needs a source and a target"));
          return;
        }
      p->item = graphml_item_new (context, find_attr (names, values, "id"));
      p->item->source = g_strdup (source);
      p->item->target = g_strdup (target);
      if (directed)
        p->item->directed = g_str_equal (directed, "true") || g_str_equal (directed, "1");
      g_ptr_array_add (p->edges, p->item);
    }
  else if (g_str_equal (name, "hyperedge") && !p->warned_hyperedge)
    {
      p->warned_hyperedge = TRUE;
      warn (p->warnings, _("Hyperedges are not supported and were left out"));
    }
  else if (g_str_equal (name, "data") && p->item)
    {
      const char *key = find_attr (names, values, "key");
      if (key == NULL)
        {
          markup_error (context, error, _("<data> has no key"));
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
  const char *name = local_name (element);

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

static gboolean
parse_bool (const char *s, gboolean *out)
{
  if (s == NULL)
    return FALSE;
  g_autofree char *t = g_strstrip (g_ascii_strdown (s, -1));
  if (g_str_equal (t, "true") || g_str_equal (t, "1") || g_str_equal (t, "yes"))
    *out = TRUE;
  else if (g_str_equal (t, "false") || g_str_equal (t, "0") || g_str_equal (t, "no"))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_double (const char *s, double *out)
{
  char *end;
  if (s == NULL || *s == '\0')
    return FALSE;
  *out = g_ascii_strtod (s, &end);
  while (g_ascii_isspace (*end))
    end++;
  return *end == '\0';
}

static gboolean
parse_count (const char *s, guint *out)
{
  double v;
  if (!parse_double (s, &v) || v < 0 || v > G_MAXUINT || v != (guint) v)
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

static void
add_aliases (RwbEntity *e, const char *joined)
{
  g_auto (GStrv) parts = g_strsplit (joined, "|", -1);
  for (guint j = 0; parts[j]; j++)
    rwb_entity_add_alias (e, parts[j]);
}

/* Whether an entity other than @except has the id @id. */
static gboolean
entity_id_used (RwbGraph *graph, const char *id, const RwbEntity *except)
{
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      if (e != except && g_str_equal (e->id, id))
        return TRUE;
    }
  return FALSE;
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
        add_aliases (e, aliases);
      const char *entity_id = item_value (p, item, FALSE, "entity_id");
      if (entity_id && *entity_id && !entity_id_used (graph, entity_id, e))
        {
          g_free (e->id);
          e->id = g_strdup (entity_id);
        }
      keep_other_data (p, item, FALSE, &e->attrs, graphml_node_mapped, NULL);
    }
  /* Entity ids taken from the file can collide with generated ones ("e3" given to a later
   * node): give such later entities fresh ids. */
  g_autoptr (GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      for (guint n = graph->entities->len + 1; g_hash_table_contains (seen_ids, e->id); n++)
        {
          g_free (e->id);
          e->id = g_strdup_printf ("e%u", n);
        }
      g_hash_table_add (seen_ids, e->id);
    }
  GHashTableIter it;
  gpointer type_name;
  g_hash_table_iter_init (&it, unknown_types);
  while (g_hash_table_iter_next (&it, &type_name, NULL))
    warn (p->warnings, _("Unknown entity type “%s” read as company"), (char *) type_name);
  if (untyped_nodes)
    warn (p->warnings, _("%u nodes have no type and were read as companies"), untyped_nodes);

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
      if (conf_str && parse_double (conf_str, &confidence))
        confidence = CLAMP (confidence, 0.0, 1.0);
      gboolean directed = p->edgedefault_directed;
      if (item->directed >= 0)
        directed = item->directed;
      parse_bool (item_value (p, item, TRUE, "directed"), &directed);
      guint index = rwb_graph_ensure_relation (graph, GPOINTER_TO_UINT (src),
                                               GPOINTER_TO_UINT (dst), type, confidence);
      RwbRelation *r = g_ptr_array_index (graph->relations, index);
      r->directed = directed;
      guint count = 0;
      const char *count_str = item_value (p, item, TRUE, "evidence");
      if (count_str && !parse_count (count_str, &count))
        warn (p->warnings, _("line %d: evidence count “%s” is not a number"), item->line,
              count_str);
      /* Parallel edges of one type become one relation: their counts add up. */
      r->n_evidence += count;
      if (type_str && !known)
        rwb_relation_set_attr (r, "graphml_type", type_str);
      keep_other_data (p, item, TRUE, &r->attrs, graphml_edge_mapped,
                       rwb_relation_type_to_string (type));
    }
  if (untyped_edges)
    warn (p->warnings, _("%u edges have no Rawabit relation type and were read as mention "
                         "(co-occurrence)"), untyped_edges);
  return g_steal_pointer (&graph);
}

static RwbGraph *
read_graphml (const char *data, gsize length, GPtrArray *warnings, GError **error)
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

/* ---- reading any file ---- */

static gboolean
sniff_format (const char *data, gsize length, RwbFormat *out)
{
  const char *p = data, *end = data + length;
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  /* DOT may start with comments; skip C and C++ style ones and '#' lines. */
  while (p + 1 < end && (p[0] == '#' || (p[0] == '/' && (p[1] == '/' || p[1] == '*'))))
    {
      if (p[1] == '*')
        {
          const char *close = g_strstr_len (p + 2, end - p - 2, "*/");
          p = close ? close + 2 : end;
        }
      else
        {
          const char *nl = memchr (p, '\n', end - p);
          p = nl ? nl + 1 : end;
        }
      while (p < end && g_ascii_isspace (*p))
        p++;
    }
  if (p >= end)
    return FALSE;
  if (*p == '{')
    *out = RWB_FORMAT_JSON;
  else if (*p == '<')
    *out = RWB_FORMAT_GRAPHML;
  else
    {
      gsize n = MIN ((gsize) (end - p), 8);
      g_autofree char *word = g_ascii_strdown (p, n);
      if (g_str_has_prefix (word, "graph") || g_str_has_prefix (word, "digraph")
          || g_str_has_prefix (word, "strict"))
        *out = RWB_FORMAT_DOT;
      else
        return FALSE;
    }
  return TRUE;
}

static RwbGraph *
read_dot (const char *data, gsize length, GPtrArray *warnings, GCancellable *cancellable,
          GError **error)
{
  /* The layout is not kept: a graph file read here has no scene. */
  RwbScene *scene = NULL;
  RwbGraph *graph = rwb_dot_import (data, length, NULL, &scene, warnings, cancellable, error);
  g_clear_pointer (&scene, rwb_scene_free);
  return graph;
}

/**
 * rwb_formats_read_file:
 * Reads a graph in the format its extension names, or, for any other extension, the one its
 * first characters show ('{' JSON, '<' GraphML, graph/digraph/strict DOT).
 */
RwbGraph *
rwb_formats_read_file (GFile *file, GPtrArray *warnings, GCancellable *cancellable,
                       GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;
  RwbFormat format;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  if (!(basename && rwb_format_from_path (basename, &format))
      && !sniff_format (data, length, &format))
    {
      g_set_error_literal (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_UNSUPPORTED,
                           _("Not a graph file Rawabit reads (JSON, GraphML or DOT)"));
      return NULL;
    }
  switch (format)
    {
    case RWB_FORMAT_JSON:
      return rwb_json_read (data, length, error);
    case RWB_FORMAT_GRAPHML:
      return read_graphml (data, length, warnings, error);
    case RWB_FORMAT_DOT:
      return read_dot (data, length, warnings, cancellable, error);
    case RWB_FORMAT_CSV:
    default:
      g_set_error_literal (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_UNSUPPORTED,
                           _("CSV files cannot be read back; use JSON or GraphML"));
      return NULL;
    }
}

/**
 * rwb_formats_read_data:
 * Reads JSON or GraphML from memory, as rwb_formats_read_file does for a file of that format.
 */
RwbGraph *
rwb_formats_read_data (const char *data, gsize length, RwbFormat format, GPtrArray *warnings,
                       GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  switch (format)
    {
    case RWB_FORMAT_JSON:
      return rwb_json_read (data ? data : "", length, error);
    case RWB_FORMAT_GRAPHML:
      return read_graphml (data ? data : "", length, warnings, error);
    case RWB_FORMAT_DOT:
    case RWB_FORMAT_CSV:
    default:
      g_set_error_literal (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_UNSUPPORTED,
                           _("Only JSON and GraphML are read from memory"));
      return NULL;
    }
}

/* ---- DOT attributes back to fields ---- */

/* Undoes the escapes of dot_quoted and Graphviz's label escapes (\l and \r end lines like
 * \n; \N is the node's name). Trailing line ends, which \l leaves, are dropped. */
static char *
dot_unescape (const char *s, const char *node_name)
{
  GString *out = g_string_new (NULL);
  for (; *s; s++)
    {
      if (s[0] != '\\' || s[1] == '\0')
        {
          g_string_append_c (out, *s);
          continue;
        }
      s++;
      switch (*s)
        {
        case 'n':
        case 'l':
        case 'r':
          g_string_append_c (out, '\n');
          break;
        case 'N':
          g_string_append (out, node_name ? node_name : "");
          break;
        default:
          g_string_append_c (out, *s);
        }
    }
  while (out->len && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* Removes @key from @attrs and returns its value (owned by the caller), or NULL. */
static char *
take_attr (GHashTable *attrs, const char *key)
{
  gpointer k, v;
  if (attrs == NULL || !g_hash_table_steal_extended (attrs, key, &k, &v))
    return NULL;
  g_free (k);
  return v;
}

static void
put_back (GHashTable *attrs, const char *key, char *value)
{
  g_hash_table_replace (attrs, g_strdup (key), value);
}

/**
 * rwb_formats_adopt_rawabit_attrs:
 * For the DOT importer: moves the attributes Rawabit's DOT writer puts on nodes and edges
 * from attrs to the fields they came from.
 */
void
rwb_formats_adopt_rawabit_attrs (RwbGraph *graph)
{
  g_return_if_fail (graph != NULL);
  g_autoptr (GHashTable) used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      if (e->attrs == NULL)
        continue;
      /* Rawabit writes type and id on every node, and all its aliases: what an importer
       * guessed as aliases (the label, the node name) gives way to that list. */
      gboolean from_rawabit = g_hash_table_contains (e->attrs, "type")
                              && g_hash_table_contains (e->attrs, "id");
      g_autofree char *label = take_attr (e->attrs, "label");
      if (label)
        {
          char *name = dot_unescape (label, e->name);
          if (*name)
            {
              g_free (e->name);
              e->name = name;
            }
          else
            g_free (name);
        }
      char *type = take_attr (e->attrs, "type");
      if (type)
        {
          g_autofree char *value = dot_unescape (type, NULL);
          if (!rwb_entity_type_from_string (value, &e->type))
            {
              e->type = RWB_ENTITY_COMPANY;
              put_back (e->attrs, "dot_type", g_steal_pointer (&value));
            }
          g_free (type);
        }
      g_autofree char *aliases = take_attr (e->attrs, "aliases");
      if (from_rawabit)
        g_ptr_array_set_size (e->aliases, 0);
      if (aliases)
        {
          g_autofree char *value = dot_unescape (aliases, NULL);
          add_aliases (e, value);
        }
      char *id = take_attr (e->attrs, "id");
      if (id)
        {
          g_autofree char *value = dot_unescape (id, NULL);
          if (*value && !g_hash_table_contains (used_ids, value))
            {
              g_free (e->id);
              e->id = g_steal_pointer (&value);
              g_free (id);
            }
          else
            put_back (e->attrs, "id", id);
        }
      g_hash_table_add (used_ids, g_strdup (e->id));
      if (g_hash_table_size (e->attrs) == 0)
        g_clear_pointer (&e->attrs, g_hash_table_unref);
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      if (r->attrs == NULL)
        continue;
      char *type = take_attr (r->attrs, "type");
      if (type)
        {
          g_autofree char *value = dot_unescape (type, NULL);
          if (!rwb_relation_type_from_string (value, &r->type))
            put_back (r->attrs, "dot_type", g_steal_pointer (&value));
          g_free (type);
        }
      char *directed = take_attr (r->attrs, "directed");
      if (directed && !parse_bool (directed, &r->directed))
        put_back (r->attrs, "directed", g_steal_pointer (&directed));
      g_free (directed);
      char *confidence = take_attr (r->attrs, "confidence");
      double c;
      if (confidence && parse_double (confidence, &c))
        r->confidence = CLAMP (c, 0.0, 1.0);
      else if (confidence)
        put_back (r->attrs, "confidence", g_steal_pointer (&confidence));
      g_free (confidence);
      char *evidence = take_attr (r->attrs, "evidence");
      guint count;
      if (evidence && parse_count (evidence, &count))
        r->n_evidence = count;
      else if (evidence)
        put_back (r->attrs, "evidence", g_steal_pointer (&evidence));
      g_free (evidence);
      /* The writer labels an edge with its type; a label saying more is the file's own. */
      const char *label = g_hash_table_lookup (r->attrs, "label");
      if (label && g_str_equal (label, rwb_relation_type_to_string (r->type)))
        g_hash_table_remove (r->attrs, "label");
      if (g_hash_table_size (r->attrs) == 0)
        g_clear_pointer (&r->attrs, g_hash_table_unref);
    }
}

/* ---- merging ---- */

static void
merge_attrs (GHashTable **dest, GHashTable *src)
{
  if (src == NULL)
    return;
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, src);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      if (*dest && g_hash_table_contains (*dest, k))
        continue;
      if (*dest == NULL)
        *dest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (*dest, g_strdup (k), g_strdup (v));
    }
}

static gint
find_entity_for (RwbGraph *dest, RwbEntity *e)
{
  gint found = rwb_graph_find_entity (dest, e->name);
  for (guint j = 0; found < 0 && j < e->aliases->len; j++)
    found = rwb_graph_find_entity (dest, g_ptr_array_index (e->aliases, j));
  return found;
}

static gint
find_relation_for (RwbGraph *dest, guint source, guint target, RwbRelationType type,
                   gboolean directed)
{
  for (guint i = 0; i < dest->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (dest->relations, i);
      if (r->type != type)
        continue;
      if ((r->source == source && r->target == target)
          || (!directed && !r->directed && r->source == target && r->target == source))
        return i;
    }
  return -1;
}

static gboolean
has_evidence (RwbRelation *r, guint document, guint start, guint end)
{
  for (guint i = 0; i < r->evidence->len; i++)
    {
      RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, i);
      if (ev->document == document && ev->start == start && ev->end == end)
        return TRUE;
    }
  return FALSE;
}

static void
evidence_clear (gpointer data)
{
  g_free (((RwbEvidence *) data)->text);
}

/* A new relation like @like between @source and @target. Not rwb_graph_ensure_relation: it
 * would join a directed relation read the other way, and a merge keeps both. */
static RwbRelation *
append_relation (RwbGraph *graph, guint source, guint target, const RwbRelation *like)
{
  RwbRelation *r = g_new0 (RwbRelation, 1);
  r->source = source;
  r->target = target;
  r->type = like->type;
  r->directed = like->directed;
  r->confidence = like->confidence;
  r->evidence = g_array_new (FALSE, TRUE, sizeof (RwbEvidence));
  g_array_set_clear_func (r->evidence, evidence_clear);
  g_ptr_array_add (graph->relations, r);
  return r;
}

/**
 * rwb_formats_merge:
 * Merges @src into @dest by entity name and alias (see rwb-formats.h).
 */
void
rwb_formats_merge (RwbGraph *dest, RwbGraph *src)
{
  g_return_if_fail (dest != NULL && src != NULL && dest != src);

  /* Documents: the same article read twice is one document, so its evidence is not counted
   * twice. */
  g_autofree guint *doc_map = g_new0 (guint, src->documents->len + 1);
  for (guint i = 0; i < src->documents->len; i++)
    {
      RwbDocument *d = g_ptr_array_index (src->documents, i);
      gint same = -1;
      for (guint j = 0; d->path && same < 0 && j < dest->documents->len; j++)
        {
          RwbDocument *o = g_ptr_array_index (dest->documents, j);
          if (g_strcmp0 (o->path, d->path) == 0 && o->length == d->length)
            same = j;
        }
      if (same >= 0)
        doc_map[i] = same;
      else
        {
          doc_map[i] = rwb_graph_add_document (dest, d->path, d->language, d->text);
          RwbDocument *added = g_ptr_array_index (dest->documents, doc_map[i]);
          added->length = d->length;
          added->title = g_strdup (d->title);
          added->date = g_strdup (d->date);
        }
    }

  g_autofree guint *ent_map = g_new0 (guint, src->entities->len + 1);
  for (guint i = 0; i < src->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (src->entities, i);
      gint found = find_entity_for (dest, e);
      RwbEntity *d;
      if (found >= 0)
        {
          d = g_ptr_array_index (dest->entities, found);
          if (!g_str_equal (d->name, e->name))
            rwb_entity_add_alias (d, e->name);
          ent_map[i] = found;
        }
      else
        {
          ent_map[i] = rwb_graph_add_entity (dest, e->name, e->type);
          d = g_ptr_array_index (dest->entities, ent_map[i]);
          d->source = g_strdup (e->source);
          /* Keep the entity's own id when it is free, so references to it still hold. */
          if (!entity_id_used (dest, e->id, d))
            {
              g_free (d->id);
              d->id = g_strdup (e->id);
            }
          else
            for (guint n = dest->entities->len; entity_id_used (dest, d->id, d); n++)
              {
                g_free (d->id);
                d->id = g_strdup_printf ("e%u", n + 1);
              }
        }
      for (guint j = 0; j < e->aliases->len; j++)
        if (!g_str_equal (g_ptr_array_index (e->aliases, j), d->name))
          rwb_entity_add_alias (d, g_ptr_array_index (e->aliases, j));
      for (guint j = 0; j < e->mentions->len; j++)
        {
          RwbSpan *s = &g_array_index (e->mentions, RwbSpan, j);
          rwb_entity_add_mention_kind (d, doc_map[s->document], s->start, s->end, s->kind);
        }
      merge_attrs (&d->attrs, e->attrs);
    }

  for (guint i = 0; i < src->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (src->relations, i);
      guint source = ent_map[r->source], target = ent_map[r->target];
      gint found = find_relation_for (dest, source, target, r->type, r->directed);
      RwbRelation *d;
      if (found < 0)
        d = append_relation (dest, source, target, r);
      else
        {
          d = g_ptr_array_index (dest->relations, found);
          d->confidence = MAX (d->confidence, r->confidence);
        }
      guint extra_dest = d->n_evidence > d->evidence->len ? d->n_evidence - d->evidence->len : 0;
      guint extra_src = r->n_evidence > r->evidence->len ? r->n_evidence - r->evidence->len : 0;
      for (guint j = 0; j < r->evidence->len; j++)
        {
          RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, j);
          guint doc = doc_map[ev->document];
          if (has_evidence (d, doc, ev->start, ev->end))
            continue;
          g_autofree char *text = rwb_graph_evidence_text (src, ev);
          rwb_relation_add_evidence (d, doc, ev->start, ev->end, *text ? text : NULL, ev->rule,
                                     0);
        }
      d->n_evidence = extra_dest + extra_src ? d->evidence->len + extra_dest + extra_src : 0;
      merge_attrs (&d->attrs, r->attrs);
    }
}
