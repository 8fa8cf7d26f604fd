/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-formats-dot.c — DOT as Rawabit writes it, and the attributes of that writer mapped back
 * to fields after Graphviz (in the layout helper, rwb-dot.c) has read a file. This process
 * never parses DOT itself.
 */
#define G_LOG_DOMAIN "rawabit-formats"

#include "rwb-formats-private.h"

#include <string.h>

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
  g_autoptr (GPtrArray) keys = rwb_formats_extra_keys (attrs, reserved);
  for (guint k = 0; k < keys->len; k++)
    {
      const char *key = g_ptr_array_index (keys, k);
      dot_attr (s, first, key, g_hash_table_lookup (attrs, key));
    }
}

char *
rwb_formats_write_dot (RwbGraph *graph, const RwbScene *scene)
{
  g_autofree guint *scene_nodes = rwb_formats_scene_nodes (graph, scene);
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
      g_autofree char *aliases = rwb_formats_join_aliases (e);
      g_string_append_printf (s, "  n%u [", i);
      dot_attr (s, &first, "label", e->name);
      dot_attr (s, &first, "type", rwb_entity_type_to_string (e->type));
      dot_attr (s, &first, "id", e->id);
      if (*aliases)
        dot_attr (s, &first, "aliases", aliases);
      double x, y;
      if (scene && rwb_formats_entity_position (graph, scene, scene_nodes, i, &x, &y))
        {
          g_autofree char *xs = rwb_formats_format_double (x, "%.2f");
          g_autofree char *ys = rwb_formats_format_double (ymax - y, "%.2f");
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
      g_autofree char *conf = rwb_formats_format_double (r->confidence, "%.3f");
      g_autofree char *count = g_strdup_printf ("%u", rwb_formats_evidence_count (r));
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

/**
 * rwb_formats_dot_label_text:
 * A DOT label's text, its escapes undone (see rwb-formats.h).
 */
char *
rwb_formats_dot_label_text (const char *label, const char *node_name)
{
  g_return_val_if_fail (label != NULL, NULL);
  return dot_unescape (label, node_name);
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
          rwb_formats_add_aliases (e, value);
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
      if (directed && !rwb_formats_parse_bool (directed, &r->directed))
        put_back (r->attrs, "directed", g_steal_pointer (&directed));
      g_free (directed);
      char *confidence = take_attr (r->attrs, "confidence");
      double c;
      if (confidence && rwb_formats_parse_double (confidence, &c))
        r->confidence = CLAMP (c, 0.0, 1.0);
      else if (confidence)
        put_back (r->attrs, "confidence", g_steal_pointer (&confidence));
      g_free (confidence);
      char *evidence = take_attr (r->attrs, "evidence");
      guint count;
      if (evidence && rwb_formats_parse_count (evidence, &count))
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

