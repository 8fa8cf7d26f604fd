/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-formats.c — graph files: which format a name or a file's first bytes show, reading and
 * writing by format, and the fields every format spells alike.
 *
 * Each format has its own file: JSON is rwb-json.c; DOT is written in rwb-formats-dot.c and
 * read by Graphviz in the layout helper (rwb-dot.c), never parsed in this process; GraphML is
 * rwb-formats-graphml.c; GEXF is rwb-formats-gexf.c; Cytoscape.js JSON (written only) is
 * rwb-formats-cytoscape.c; CSV (written only) is rwb-formats-csv.c. Merging graphs is the graph
 * module's (rwb-graph-merge.c).
 */
#define G_LOG_DOMAIN "rawabit-formats"

#include "rwb-formats-private.h"
#include "rwb-dot.h"
#include "rwb-json.h"
#include "rwb-text.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

G_DEFINE_QUARK (rwb-formats-error-quark, rwb_formats_error)

static const struct {
  const char *ext;
  RwbFormat format;
} format_names[] = {
  { "json", RWB_FORMAT_JSON }, { "dot", RWB_FORMAT_DOT },   { "gv", RWB_FORMAT_DOT },
  { "graphml", RWB_FORMAT_GRAPHML }, { "csv", RWB_FORMAT_CSV }, { "gexf", RWB_FORMAT_GEXF },
  { "cyjs", RWB_FORMAT_CYTOSCAPE },
};

/**
 * rwb_format_from_string:
 * Parses a format name as the CLI takes it (json, dot, gv, graphml, gexf, cytoscape or cyjs,
 * csv; any case).
 */
gboolean
rwb_format_from_string (const char *name, RwbFormat *out)
{
  g_return_val_if_fail (out != NULL, FALSE);
  if (name && g_ascii_strcasecmp (name, "cytoscape") == 0)
    {
      *out = RWB_FORMAT_CYTOSCAPE;
      return TRUE;
    }
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
  if (dot == NULL || dot == base)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (dot + 1, format_names[i].ext) == 0)
      {
        *out = format_names[i].format;
        return TRUE;
      }
  return FALSE;
}

/**
 * rwb_format_extension:
 * The extension, without its dot, that a file of @format gets: the first one the table above
 * gives it ("gv" for DOT is not it: "dot" comes first); "" for CSV, which is a folder.
 */
const char *
rwb_format_extension (RwbFormat format)
{
  if (format == RWB_FORMAT_CSV)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (format_names[i].format == format)
      return format_names[i].ext;
  g_return_val_if_reached ("");
}

/* ---- fields every format spells alike ---- */

guint
rwb_formats_evidence_count (const RwbRelation *r)
{
  return MAX (r->n_evidence, r->evidence->len);
}

char *
rwb_formats_join_aliases (const RwbEntity *e)
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

char *
rwb_formats_format_double (double v, const char *fmt)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buf, sizeof buf, fmt, v));
}

guint *
rwb_formats_scene_nodes (RwbGraph *graph, const RwbScene *scene)
{
  if (scene == NULL)
    return NULL;
  guint n_entities = graph->entities->len;
  guint *map = g_new0 (guint, n_entities + 1);
  /* The first node of an entity wins, as rwb_scene_find_node would find it. */
  for (guint k = 0; k < scene->nodes->len; k++)
    {
      guint entity = g_array_index (scene->nodes, RwbSceneNode, k).entity;
      if (entity < n_entities && map[entity] == 0)
        map[entity] = k + 1;
    }
  return map;
}

/* Position of entity @index: from the scene, else from x/y attributes an import kept. */
gboolean
rwb_formats_entity_position (RwbGraph *graph, const RwbScene *scene, const guint *scene_nodes,
                             guint index, double *x, double *y)
{
  if (scene)
    {
      g_return_val_if_fail (scene_nodes != NULL, FALSE);
      if (index >= graph->entities->len || scene_nodes[index] == 0)
        return FALSE;
      const RwbSceneNode *node = &g_array_index (scene->nodes, RwbSceneNode,
                                                 scene_nodes[index] - 1);
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

int
rwb_formats_compare_strptr (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* Imported attribute keys of @table minus @reserved, sorted so output is reproducible. */
GPtrArray *
rwb_formats_extra_keys (GHashTable *table, const char *const *reserved)
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
  g_ptr_array_sort (keys, rwb_formats_compare_strptr);
  return keys;
}

gboolean
rwb_formats_parse_bool (const char *s, gboolean *out)
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

gboolean
rwb_formats_parse_double (const char *s, double *out)
{
  char *end;
  if (s == NULL || *s == '\0')
    return FALSE;
  *out = g_ascii_strtod (s, &end);
  while (g_ascii_isspace (*end))
    end++;
  return *end == '\0';
}

gboolean
rwb_formats_parse_count (const char *s, guint *out)
{
  double v;
  if (!rwb_formats_parse_double (s, &v) || v < 0 || v > G_MAXUINT || v != (guint) v)
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

void
rwb_formats_add_aliases (RwbEntity *e, const char *joined)
{
  g_auto (GStrv) parts = g_strsplit (joined, "|", -1);
  for (guint j = 0; parts[j]; j++)
    rwb_entity_add_alias (e, parts[j]);
}

void
rwb_formats_unique_entity_ids (RwbGraph *graph)
{
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
}


/* ---- reading XML with GMarkup (GraphML, GEXF) ---- */

void
rwb_formats_warn (GPtrArray *warnings, const char *format, ...)
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

const char *
rwb_formats_xml_local_name (const char *name)
{
  const char *colon = strrchr (name, ':');
  return colon ? colon + 1 : name;
}

const char *
rwb_formats_xml_attr (const char **names, const char **values, const char *wanted)
{
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], wanted))
      return values[i];
  return NULL;
}

gboolean
rwb_formats_xml_check_utf8 (const char *data, gsize length, const char *format_name,
                            GError **error)
{
  g_autoptr (GError) local = NULL;

  if (g_utf8_validate_len (data, length, NULL) && memchr (data, '\0', length) == NULL)
    return TRUE;
  /* The text module's message names the byte (and says "binary" for a NUL byte). */
  if (rwb_text_validate (data, length, &local))
    g_assert_not_reached ();
  if (g_str_equal (format_name, "GEXF"))
    g_set_error (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_PARSE, _("Not valid GEXF: %s"),
                 local->message);
  else
    g_set_error (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_PARSE, _("Not valid GraphML: %s"),
                 local->message);
  return FALSE;
}

gboolean
rwb_formats_markup_error (GMarkupParseContext *context, GError **error, const char *format, ...)
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

/* ---- writing files ---- */

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
      return rwb_formats_write_dot (graph, scene);
    case RWB_FORMAT_GRAPHML:
      return rwb_formats_write_graphml (graph, scene);
    case RWB_FORMAT_GEXF:
      return rwb_formats_write_gexf (graph, scene);
    case RWB_FORMAT_CYTOSCAPE:
      return rwb_formats_write_cytoscape (graph, scene);
    case RWB_FORMAT_CSV:
    default:
      g_set_error_literal (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_UNSUPPORTED,
                           _("CSV is two files (nodes.csv and edges.csv): write it to a folder"));
      return NULL;
    }
}

/**
 * rwb_formats_write_full:
 * Writes @graph to @path through rwb_save_file (for CSV: a folder, made if missing, whose
 * nodes.csv and edges.csv are replaced as a pair), with @flags.
 */
gboolean
rwb_formats_write_full (RwbGraph *graph, const RwbScene *scene, RwbFormat format,
                        const char *path, RwbSaveFlags flags, GError **error)
{
  g_return_val_if_fail (graph != NULL && path != NULL, FALSE);
  if (format == RWB_FORMAT_CSV)
    return rwb_formats_write_csv (graph, scene, path, flags, error);
  g_autofree char *text = rwb_formats_to_string (graph, scene, format, error);
  if (text == NULL)
    return FALSE;
  return rwb_save_file (path, text, strlen (text), flags, error);
}

/**
 * rwb_formats_write:
 * rwb_formats_write_full() with RWB_SAVE_DEFAULT: a read-only target is refused.
 */
gboolean
rwb_formats_write (RwbGraph *graph, const RwbScene *scene, RwbFormat format, const char *path,
                   GError **error)
{
  return rwb_formats_write_full (graph, scene, format, path, RWB_SAVE_DEFAULT, error);
}


/* ---- reading any file ---- */

/* Whether the first element of the XML text at @p is <gexf> (any prefix), past the XML
 * declaration, comments and a DOCTYPE. Looks at the first 64 KiB only. */
static gboolean
xml_root_is_gexf (const char *p, const char *end)
{
  end = MIN (end, p + 65536);
  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      if (lt == NULL || lt + 1 >= end)
        return FALSE;
      if (lt[1] == '?' || lt[1] == '!')
        {
          const char *close = lt + 4 <= end && memcmp (lt, "<!--", 4) == 0
                                ? g_strstr_len (lt + 4, end - lt - 4, "-->")
                                : memchr (lt, '>', end - lt);
          if (close == NULL)
            return FALSE;
          p = close + 1;
          continue;
        }
      const char *name = lt + 1, *q = name;
      while (q < end && !g_ascii_isspace (*q) && *q != '>' && *q != '/')
        q++;
      for (const char *c = name; c < q; c++)
        if (*c == ':')
          name = c + 1;
      return q - name == 4 && g_ascii_strncasecmp (name, "gexf", 4) == 0;
    }
  return FALSE;
}

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
    *out = xml_root_is_gexf (p, end) ? RWB_FORMAT_GEXF : RWB_FORMAT_GRAPHML;
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
  /* A graph file read here has no scene, so Graphviz need not lay it out. */
  return rwb_dot_read_graph (data, length, NULL, warnings, cancellable, error);
}

/**
 * rwb_formats_read_file:
 * Reads a graph in the format its extension names, or, for any other extension, the one its
 * first characters show ('{' JSON, '<' GraphML or, with a <gexf> root, GEXF,
 * graph/digraph/strict DOT).
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
                           _("Not a graph file Rawabit reads (JSON, GraphML, GEXF or DOT)"));
      return NULL;
    }
  switch (format)
    {
    case RWB_FORMAT_JSON:
      return rwb_json_read (data, length, error);
    case RWB_FORMAT_GRAPHML:
      return rwb_formats_read_graphml (data, length, warnings, error);
    case RWB_FORMAT_GEXF:
      return rwb_formats_read_gexf (data, length, warnings, error);
    case RWB_FORMAT_DOT:
      return read_dot (data, length, warnings, cancellable, error);
    case RWB_FORMAT_CYTOSCAPE:
      g_set_error_literal (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_UNSUPPORTED,
                           _("Cytoscape.js files are written, not read; use JSON, GraphML or "
                             "GEXF"));
      return NULL;
    case RWB_FORMAT_CSV:
    default:
      g_set_error_literal (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_UNSUPPORTED,
                           _("CSV files cannot be read back; use JSON or GraphML"));
      return NULL;
    }
}

/**
 * rwb_formats_read_data:
 * Reads JSON, GraphML or GEXF from memory, as rwb_formats_read_file does for a file of that
 * format.
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
      return rwb_formats_read_graphml (data ? data : "", length, warnings, error);
    case RWB_FORMAT_GEXF:
      return rwb_formats_read_gexf (data ? data : "", length, warnings, error);
    case RWB_FORMAT_DOT:
    case RWB_FORMAT_CSV:
    case RWB_FORMAT_CYTOSCAPE:
    default:
      g_set_error_literal (error, RWB_FORMATS_ERROR, RWB_FORMATS_ERROR_UNSUPPORTED,
                           _("Only JSON, GraphML and GEXF are read from memory"));
      return NULL;
    }
}

