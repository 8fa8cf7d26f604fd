/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-json.c — the Rawabit JSON graph format, read and written with json-glib. */
#define G_LOG_DOMAIN "rawabit-json"

#include "rwb-json.h"
#include "rwb-render.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (rwb-json-error-quark, rwb_json_error)

#define FORMAT_NAME "rawabit-graph"
#define FORMAT_VERSION 1

static int
compare_keys (gconstpointer a, gconstpointer b, gpointer data)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static gboolean
has_no_latin (const char *s)
{
  for (; *s; s++)
    if (g_ascii_isalpha (*s))
      return FALSE;
  return TRUE;
}

/* Imported attributes with no field of their own (DOT, GraphML), sorted for stable output. */
static void
add_attrs (JsonBuilder *b, GHashTable *attrs)
{
  if (attrs == NULL || g_hash_table_size (attrs) == 0)
    return;
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (attrs, NULL);
  g_qsort_with_data (keys, g_hash_table_size (attrs), sizeof (gpointer),
                     (GCompareDataFunc) compare_keys, NULL);
  json_builder_set_member_name (b, "attrs");
  json_builder_begin_object (b);
  for (guint i = 0; keys[i]; i++)
    {
      json_builder_set_member_name (b, keys[i]);
      json_builder_add_string_value (b, g_hash_table_lookup (attrs, keys[i]));
    }
  json_builder_end_object (b);
}

/* "document", "start", "end" of a mention or an evidence sentence. */
static void
add_span (JsonBuilder *b, RwbGraph *graph, guint document, guint start, guint end)
{
  RwbDocument *doc = g_ptr_array_index (graph->documents, document);
  json_builder_set_member_name (b, "document");
  json_builder_add_string_value (b, doc->id);
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, start);
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, end);
}

/**
 * rwb_json_build_tree:
 * The rawabit-graph document of @graph as a json-glib tree.
 */
JsonNode *
rwb_json_build_tree (RwbGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, FORMAT_NAME);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, FORMAT_VERSION);

  json_builder_set_member_name (b, "documents");
  json_builder_begin_array (b);
  for (guint i = 0; i < graph->documents->len; i++)
    {
      RwbDocument *doc = g_ptr_array_index (graph->documents, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, doc->id);
      if (doc->path)
        {
          json_builder_set_member_name (b, "path");
          json_builder_add_string_value (b, doc->path);
        }
      json_builder_set_member_name (b, "language");
      json_builder_add_string_value (b, doc->language);
      json_builder_set_member_name (b, "length");
      json_builder_add_int_value (b, doc->length);
      if (doc->title)
        {
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, doc->title);
        }
      if (doc->date)
        {
          json_builder_set_member_name (b, "date");
          json_builder_add_string_value (b, doc->date);
        }
      if (doc->text)
        {
          /* The article itself, so the file reopens with its text (not only its graph). */
          json_builder_set_member_name (b, "text");
          json_builder_add_string_value (b, doc->text);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "entities");
  json_builder_begin_array (b);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, e->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, e->name);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, rwb_entity_type_to_string (e->type));
      /* A name known only in Arabic gets a Latin label (ICU transliteration), for readers
       * who do not read Arabic; it is derived, so it is not read back. */
      g_autofree char *label = NULL, *latin = NULL;
      rwb_render_entity_labels (e, &label, &latin);
      if (latin && has_no_latin (e->name))
        {
          json_builder_set_member_name (b, "latin");
          json_builder_add_string_value (b, latin);
        }
      json_builder_set_member_name (b, "aliases");
      json_builder_begin_array (b);
      for (guint j = 0; j < e->aliases->len; j++)
        json_builder_add_string_value (b, g_ptr_array_index (e->aliases, j));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "mentions");
      json_builder_begin_array (b);
      for (guint j = 0; j < e->mentions->len; j++)
        {
          RwbSpan *s = &g_array_index (e->mentions, RwbSpan, j);
          json_builder_begin_object (b);
          add_span (b, graph, s->document, s->start, s->end);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, rwb_mention_kind_to_string (s->kind));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      if (e->source)
        {
          json_builder_set_member_name (b, "source");
          json_builder_add_string_value (b, e->source);
        }
      add_attrs (b, e->attrs);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "relations");
  json_builder_begin_array (b);
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      RwbEntity *src = g_ptr_array_index (graph->entities, r->source);
      RwbEntity *dst = g_ptr_array_index (graph->entities, r->target);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, src->id);
      json_builder_set_member_name (b, "target");
      json_builder_add_string_value (b, dst->id);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, rwb_relation_type_to_string (r->type));
      json_builder_set_member_name (b, "directed");
      json_builder_add_boolean_value (b, r->directed);
      json_builder_set_member_name (b, "confidence");
      json_builder_add_double_value (b, ((int) (r->confidence * 1000 + 0.5)) / 1000.0);
      json_builder_set_member_name (b, "evidence");
      json_builder_begin_array (b);
      for (guint j = 0; j < r->evidence->len; j++)
        {
          RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, j);
          json_builder_begin_object (b);
          add_span (b, graph, ev->document, ev->start, ev->end);
          g_autofree char *text = rwb_graph_evidence_text (graph, ev);
          if (*text)
            {
              json_builder_set_member_name (b, "text");
              json_builder_add_string_value (b, text);
            }
          if (ev->rule)
            {
              json_builder_set_member_name (b, "rule");
              json_builder_add_string_value (b, ev->rule);
            }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      /* Evidence known only as a count (imported from DOT or GraphML). */
      if (r->n_evidence > r->evidence->len)
        {
          json_builder_set_member_name (b, "evidence_count");
          json_builder_add_int_value (b, r->n_evidence);
        }
      add_attrs (b, r->attrs);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

/* ---- The streaming writer: the same bytes as json-glib's generator, without a tree. ---- */

#define STREAM_CHUNK (64 * 1024)
#define STREAM_MAX_DEPTH 8

typedef struct {
  GString *buf;
  RwbJsonSink sink;
  gpointer sink_data;
  gboolean pretty;
  gboolean failed;
  guint depth;
  guint count[STREAM_MAX_DEPTH]; /* values written so far at each open level */
} Stream;

static void
stream_flush (Stream *s)
{
  if (s->buf->len && !s->failed && !s->sink (s->buf->str, s->buf->len, s->sink_data))
    s->failed = TRUE;
  g_string_truncate (s->buf, 0);
}

static void
stream_indent (Stream *s, guint level)
{
  for (guint i = 0; i < level * 2; i++)
    g_string_append_c (s->buf, ' ');
}

/* json-glib's escaping (json_strescape in 1.6): quote, backslash, \b \f \n \r \t, other
 * control characters below 0x1f (and DEL) as \u00XX; everything else as it is. */
static void
stream_quoted (Stream *s, const char *str)
{
  static const char hex[] = "0123456789abcdef";
  g_string_append_c (s->buf, '"');
  const char *run = str;
  for (const char *p = str; *p; p++)
    {
      guchar c = (guchar) *p;
      /* json-glib leaves 0x1f as it is (its test is "< 0x1f"): so do we, for the same bytes. */
      if (c >= 0x1f && c != '"' && c != '\\' && c != 0x7f)
        continue;
      g_string_append_len (s->buf, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':
          g_string_append (s->buf, "\\\"");
          break;
        case '\\':
          g_string_append (s->buf, "\\\\");
          break;
        case '\b':
          g_string_append (s->buf, "\\b");
          break;
        case '\f':
          g_string_append (s->buf, "\\f");
          break;
        case '\n':
          g_string_append (s->buf, "\\n");
          break;
        case '\r':
          g_string_append (s->buf, "\\r");
          break;
        case '\t':
          g_string_append (s->buf, "\\t");
          break;
        default:
          g_string_append (s->buf, "\\u00");
          g_string_append_c (s->buf, hex[c >> 4]);
          g_string_append_c (s->buf, hex[c & 15]);
        }
    }
  g_string_append_len (s->buf, run, strlen (run));
  g_string_append_c (s->buf, '"');
}

/* Before a value: the separator and indentation of its container, and its member name. */
static void
stream_value (Stream *s, const char *name)
{
  if (s->depth > 0)
    {
      if (s->count[s->depth - 1]++ > 0)
        g_string_append_c (s->buf, ',');
      if (s->pretty)
        {
          g_string_append_c (s->buf, '\n');
          stream_indent (s, s->depth);
        }
    }
  if (name)
    {
      stream_quoted (s, name);
      g_string_append (s->buf, s->pretty ? " : " : ":");
    }
  if (s->buf->len >= STREAM_CHUNK)
    stream_flush (s);
}

static void
stream_open (Stream *s, const char *name, char bracket)
{
  stream_value (s, name);
  g_string_append_c (s->buf, bracket);
  g_assert (s->depth < STREAM_MAX_DEPTH);
  s->count[s->depth++] = 0;
}

static void
stream_close (Stream *s, char bracket)
{
  guint n = s->count[--s->depth];
  if (s->pretty && n > 0)
    {
      g_string_append_c (s->buf, '\n');
      stream_indent (s, s->depth);
    }
  g_string_append_c (s->buf, bracket);
}

static void
stream_string (Stream *s, const char *name, const char *value)
{
  stream_value (s, name);
  stream_quoted (s, value);
}

static void
stream_int (Stream *s, const char *name, gint64 value)
{
  stream_value (s, name);
  g_string_append_printf (s->buf, "%" G_GINT64_FORMAT, value);
}

static void
stream_bool (Stream *s, const char *name, gboolean value)
{
  stream_value (s, name);
  g_string_append (s->buf, value ? "true" : "false");
}

/* As json-glib 1.6 prints a double: %.17g in the C locale, ".0" added to a whole number. */
static void
stream_double (Stream *s, const char *name, double value)
{
  stream_value (s, name);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buf, sizeof buf, "%.17g", value);
  g_string_append (s->buf, buf);
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (s->buf, ".0");
}

static void
stream_attrs (Stream *s, GHashTable *attrs)
{
  if (attrs == NULL || g_hash_table_size (attrs) == 0)
    return;
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (attrs, NULL);
  g_qsort_with_data (keys, g_hash_table_size (attrs), sizeof (gpointer),
                     (GCompareDataFunc) compare_keys, NULL);
  stream_open (s, "attrs", '{');
  for (guint i = 0; keys[i]; i++)
    stream_string (s, keys[i], g_hash_table_lookup (attrs, keys[i]));
  stream_close (s, '}');
}

static void
stream_span (Stream *s, RwbGraph *graph, guint document, guint start, guint end)
{
  RwbDocument *doc = g_ptr_array_index (graph->documents, document);
  stream_string (s, "document", doc->id);
  stream_int (s, "start", start);
  stream_int (s, "end", end);
}

/**
 * rwb_json_write_to:
 * Streams @graph in the rawabit-graph format to @sink, in pieces of about 64 KB; the bytes are
 * those of rwb_json_build_tree() through json-glib's generator (indent 2 when @pretty).
 */
gboolean
rwb_json_write_to (RwbGraph *graph, gboolean pretty, RwbJsonSink sink, gpointer sink_data)
{
  g_return_val_if_fail (graph != NULL && sink != NULL, FALSE);
  Stream st = { .buf = g_string_sized_new (STREAM_CHUNK + 4096), .sink = sink,
                .sink_data = sink_data, .pretty = pretty };
  Stream *s = &st;
  stream_open (s, NULL, '{');
  stream_string (s, "format", FORMAT_NAME);
  stream_int (s, "version", FORMAT_VERSION);
  stream_open (s, "documents", '[');
  for (guint i = 0; i < graph->documents->len; i++)
    {
      RwbDocument *doc = g_ptr_array_index (graph->documents, i);
      stream_open (s, NULL, '{');
      stream_string (s, "id", doc->id);
      if (doc->path)
        stream_string (s, "path", doc->path);
      stream_string (s, "language", doc->language);
      stream_int (s, "length", doc->length);
      if (doc->title)
        stream_string (s, "title", doc->title);
      if (doc->date)
        stream_string (s, "date", doc->date);
      if (doc->text)
        stream_string (s, "text", doc->text);
      stream_close (s, '}');
    }
  stream_close (s, ']');
  stream_open (s, "entities", '[');
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      stream_open (s, NULL, '{');
      stream_string (s, "id", e->id);
      stream_string (s, "name", e->name);
      stream_string (s, "type", rwb_entity_type_to_string (e->type));
      g_autofree char *label = NULL, *latin = NULL;
      rwb_render_entity_labels (e, &label, &latin);
      if (latin && has_no_latin (e->name))
        stream_string (s, "latin", latin);
      stream_open (s, "aliases", '[');
      for (guint j = 0; j < e->aliases->len; j++)
        stream_string (s, NULL, g_ptr_array_index (e->aliases, j));
      stream_close (s, ']');
      stream_open (s, "mentions", '[');
      for (guint j = 0; j < e->mentions->len; j++)
        {
          RwbSpan *sp = &g_array_index (e->mentions, RwbSpan, j);
          stream_open (s, NULL, '{');
          stream_span (s, graph, sp->document, sp->start, sp->end);
          stream_string (s, "kind", rwb_mention_kind_to_string (sp->kind));
          stream_close (s, '}');
        }
      stream_close (s, ']');
      if (e->source)
        stream_string (s, "source", e->source);
      stream_attrs (s, e->attrs);
      stream_close (s, '}');
    }
  stream_close (s, ']');
  stream_open (s, "relations", '[');
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      RwbEntity *src = g_ptr_array_index (graph->entities, r->source);
      RwbEntity *dst = g_ptr_array_index (graph->entities, r->target);
      stream_open (s, NULL, '{');
      stream_string (s, "source", src->id);
      stream_string (s, "target", dst->id);
      stream_string (s, "type", rwb_relation_type_to_string (r->type));
      stream_bool (s, "directed", r->directed);
      stream_double (s, "confidence", ((int) (r->confidence * 1000 + 0.5)) / 1000.0);
      stream_open (s, "evidence", '[');
      for (guint j = 0; j < r->evidence->len; j++)
        {
          RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, j);
          stream_open (s, NULL, '{');
          stream_span (s, graph, ev->document, ev->start, ev->end);
          g_autofree char *text = rwb_graph_evidence_text (graph, ev);
          if (*text)
            stream_string (s, "text", text);
          if (ev->rule)
            stream_string (s, "rule", ev->rule);
          stream_close (s, '}');
        }
      stream_close (s, ']');
      if (r->n_evidence > r->evidence->len)
        stream_int (s, "evidence_count", r->n_evidence);
      stream_attrs (s, r->attrs);
      stream_close (s, '}');
    }
  stream_close (s, ']');
  stream_close (s, '}');
  stream_flush (s);
  g_string_free (st.buf, TRUE);
  return !st.failed;
}

static gboolean
append_to_string (const char *data, gsize length, gpointer user_data)
{
  g_string_append_len (user_data, data, length);
  return TRUE;
}

/**
 * rwb_json_write:
 * Serializes @graph in the rawabit-graph format (rwb_json_write_to into a string).
 */
char *
rwb_json_write (RwbGraph *graph, gboolean pretty)
{
  g_return_val_if_fail (graph != NULL, NULL);
  GString *out = g_string_new (NULL);
  rwb_json_write_to (graph, pretty, append_to_string, out);
  return g_string_free (out, FALSE);
}

/* Reading: every member is checked for its type, so a file with wrong types gives a message
 * naming the member instead of a crash or a silently empty graph. */

static gboolean
format_error (GError **error, const char *what, guint index, const char *member)
{
  g_set_error (error, RWB_JSON_ERROR, RWB_JSON_ERROR_FORMAT,
               _("%s %u: member “%s” is missing or has the wrong type"), what, index, member);
  return FALSE;
}

static const char *
get_string (JsonObject *obj, const char *member, gboolean required, gboolean *ok)
{
  JsonNode *node = json_object_get_member (obj, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        *ok = FALSE;
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *ok = FALSE;
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
get_uint (JsonObject *obj, const char *member, guint *out)
{
  JsonNode *node = json_object_get_member (obj, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  gint64 v = json_node_get_int (node);
  if (v < 0 || v > G_MAXUINT)
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

/* String members of an "attrs" object; other value types are skipped. */
static void
read_attrs (JsonObject *obj, void (*set) (gpointer, const char *, const char *), gpointer target)
{
  JsonNode *node = json_object_get_member (obj, "attrs");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  JsonObject *attrs = json_node_get_object (node);
  g_autoptr (GList) members = json_object_get_members (attrs);
  for (GList *l = members; l; l = l->next)
    {
      JsonNode *v = json_object_get_member (attrs, l->data);
      if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
        set (target, l->data, json_node_get_string (v));
    }
}

static JsonArray *
get_array (JsonObject *obj, const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static JsonObject *
array_object (JsonArray *array, guint i)
{
  JsonNode *node = json_array_get_element (array, i);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gint
lookup_id (GHashTable *ids, const char *id)
{
  gpointer value;
  if (id == NULL || !g_hash_table_lookup_extended (ids, id, NULL, &value))
    return -1;
  return GPOINTER_TO_INT (value);
}

/* A span that ends within document @d's text, when the file carries the text (else not
 * checked: a graph without its articles has nothing to point into). */
static gboolean
within_text (RwbGraph *graph, gint d, guint end, const char *what, guint index, GError **error)
{
  const RwbDocument *doc = g_ptr_array_index (graph->documents, d);
  if (doc->text == NULL || end <= doc->length)
    return TRUE;
  g_set_error (error, RWB_JSON_ERROR, RWB_JSON_ERROR_FORMAT,
               _("%s %u: a span ends at %u, after the end of document “%s” (%u characters)"),
               what, index, end, doc->id, doc->length);
  return FALSE;
}

/**
 * rwb_json_depth_within:
 * Scans JSON text for its nesting depth without parsing it (see rwb-json.h).
 */
gboolean
rwb_json_depth_within (const char *data, gsize length, guint max_depth, gsize *offset)
{
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  guint depth = 0;
  gboolean in_string = FALSE;
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            {
              if (offset)
                *offset = i;
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* Line and column (in characters), from 1, of @at in @data. */
static void
line_column (const char *data, const char *at, guint *line, guint *column)
{
  *line = 1;
  *column = 1;
  for (const char *p = data; p < at; p++)
    {
      if (*p == '\n')
        (*line)++, *column = 1;
      else if (((guchar) *p & 0xC0) != 0x80)
        (*column)++;
    }
}

/**
 * rwb_json_read:
 * Parses a rawabit-graph JSON document; on error the message names the line or member.
 */
RwbGraph *
rwb_json_read (const char *data, gssize length, GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  /* json-glib refuses invalid UTF-8 without saying where, and a file cut short in the middle
   * of an Arabic letter is the usual case: name the line and column here. */
  const char *bad = NULL;
  gsize data_len = length < 0 ? strlen (data) : (gsize) length;
  guint line, column;
  if (!g_utf8_validate_len (data, data_len, &bad))
    {
      line_column (data, bad, &line, &column);
      g_set_error (error, RWB_JSON_ERROR, RWB_JSON_ERROR_PARSE,
                   _("Not valid JSON: line %u, column %u: not UTF-8 text%s"), line, column,
                   bad + 4 >= data + data_len ? _(" (the file may be cut short)") : "");
      return NULL;
    }
  gsize too_deep;
  if (!rwb_json_depth_within (data, data_len, RWB_JSON_MAX_DEPTH, &too_deep))
    {
      line_column (data, data + too_deep, &line, &column);
      g_set_error (error, RWB_JSON_ERROR, RWB_JSON_ERROR_PARSE,
                   _("Not valid JSON: line %u, column %u: nested more than %u levels deep"),
                   line, column, RWB_JSON_MAX_DEPTH);
      return NULL;
    }
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local = NULL;
  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: …"; say it in words. */
      line = column = 0;
      const char *msg = local->message;
      const char *rest = strstr (msg, ": ");
      if (sscanf (msg, "<data>:%u:%u:", &line, &column) == 2 && rest)
        {
          if (g_str_has_prefix (rest + 2, "Parse error: "))
            rest += strlen ("Parse error: ");
          g_set_error (error, RWB_JSON_ERROR, RWB_JSON_ERROR_PARSE,
                       _("Not valid JSON: line %u, column %u: %s"), line, column, rest + 2);
        }
      else
        g_set_error (error, RWB_JSON_ERROR, RWB_JSON_ERROR_PARSE, _("Not valid JSON: %s"), msg);
      return NULL;
    }
  JsonNode *root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, RWB_JSON_ERROR, RWB_JSON_ERROR_FORMAT,
                           _("Not a Rawabit graph: the top level is not a JSON object"));
      return NULL;
    }
  JsonObject *top = json_node_get_object (root);
  gboolean ok = TRUE;
  const char *format = get_string (top, "format", TRUE, &ok);
  if (!ok || g_strcmp0 (format, FORMAT_NAME) != 0)
    {
      g_set_error (error, RWB_JSON_ERROR, RWB_JSON_ERROR_FORMAT,
                   _("Not a Rawabit graph: “format” must be “%s”"), FORMAT_NAME);
      return NULL;
    }
  guint version = 0;
  if (!get_uint (top, "version", &version) || version > FORMAT_VERSION)
    {
      g_set_error (error, RWB_JSON_ERROR, RWB_JSON_ERROR_FORMAT,
                   _("Unsupported Rawabit graph version (this program reads version %d)"),
                   FORMAT_VERSION);
      return NULL;
    }

  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  g_autoptr (GHashTable) doc_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) ent_ids = g_hash_table_new (g_str_hash, g_str_equal);

  JsonArray *docs = get_array (top, "documents");
  for (guint i = 0; docs && i < json_array_get_length (docs); i++)
    {
      JsonObject *o = array_object (docs, i);
      if (o == NULL)
        return format_error (error, _("document"), i, "id"), NULL;
      const char *id = get_string (o, "id", TRUE, &ok);
      const char *path = get_string (o, "path", FALSE, &ok);
      const char *lang = get_string (o, "language", FALSE, &ok);
      const char *title = get_string (o, "title", FALSE, &ok);
      const char *date = get_string (o, "date", FALSE, &ok);
      const char *text = get_string (o, "text", FALSE, &ok);
      if (!ok)
        return format_error (error, _("document"), i, "id/path/language/title/date/text"), NULL;
      guint index = rwb_graph_add_document (graph, path, lang, text);
      RwbDocument *doc = g_ptr_array_index (graph->documents, index);
      g_free (doc->id);
      doc->id = g_strdup (id);
      guint stated;
      if (get_uint (o, "length", &stated))
        {
          /* With its text, a document's length is the text's: offsets are checked against it. */
          if (text && stated != doc->length)
            {
              g_set_error (error, RWB_JSON_ERROR, RWB_JSON_ERROR_FORMAT,
                           _("document %u: “length” is %u but its text has %u characters"), i,
                           stated, doc->length);
              return NULL;
            }
          doc->length = stated;
        }
      doc->title = g_strdup (title);
      doc->date = g_strdup (date);
      g_hash_table_insert (doc_ids, doc->id, GINT_TO_POINTER (index));
    }

  JsonArray *ents = get_array (top, "entities");
  if (ents == NULL)
    {
      g_set_error_literal (error, RWB_JSON_ERROR, RWB_JSON_ERROR_FORMAT,
                           _("Not a Rawabit graph: “entities” is missing or not an array"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (ents); i++)
    {
      JsonObject *o = array_object (ents, i);
      if (o == NULL)
        return format_error (error, _("entity"), i, "id"), NULL;
      const char *id = get_string (o, "id", TRUE, &ok);
      const char *name = get_string (o, "name", TRUE, &ok);
      const char *type = get_string (o, "type", TRUE, &ok);
      const char *source = get_string (o, "source", FALSE, &ok);
      RwbEntityType etype;
      if (!ok || !rwb_entity_type_from_string (type, &etype))
        return format_error (error, _("entity"), i, "id/name/type"), NULL;
      if (lookup_id (ent_ids, id) >= 0)
        {
          g_set_error (error, RWB_JSON_ERROR, RWB_JSON_ERROR_FORMAT,
                       _("entity %u: id “%s” is used twice"), i, id);
          return NULL;
        }
      guint index = rwb_graph_add_entity (graph, name, etype);
      RwbEntity *e = g_ptr_array_index (graph->entities, index);
      g_free (e->id);
      e->id = g_strdup (id);
      e->source = g_strdup (source);
      g_hash_table_insert (ent_ids, e->id, GINT_TO_POINTER (index));
      read_attrs (o, (void (*) (gpointer, const char *, const char *)) rwb_entity_set_attr, e);
      JsonArray *aliases = get_array (o, "aliases");
      for (guint j = 0; aliases && j < json_array_get_length (aliases); j++)
        {
          JsonNode *n = json_array_get_element (aliases, j);
          if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
            rwb_entity_add_alias (e, json_node_get_string (n));
        }
      JsonArray *mentions = get_array (o, "mentions");
      for (guint j = 0; mentions && j < json_array_get_length (mentions); j++)
        {
          JsonObject *m = array_object (mentions, j);
          guint start, end;
          RwbMentionKind kind = RWB_MENTION_NAME;
          gint d = m ? lookup_id (doc_ids, get_string (m, "document", TRUE, &ok)) : -1;
          const char *kind_name = m ? get_string (m, "kind", FALSE, &ok) : NULL;
          if (m == NULL || !ok || d < 0 || !get_uint (m, "start", &start)
              || !get_uint (m, "end", &end) || end < start
              || (kind_name && !rwb_mention_kind_from_string (kind_name, &kind)))
            return format_error (error, _("entity"), i, "mentions"), NULL;
          if (!within_text (graph, d, end, _("entity"), i, error))
            return NULL;
          rwb_entity_add_mention_kind (e, d, start, end, kind);
        }
    }

  JsonArray *rels = get_array (top, "relations");
  for (guint i = 0; rels && i < json_array_get_length (rels); i++)
    {
      JsonObject *o = array_object (rels, i);
      if (o == NULL)
        return format_error (error, _("relation"), i, "source"), NULL;
      gint src = lookup_id (ent_ids, get_string (o, "source", TRUE, &ok));
      gint dst = lookup_id (ent_ids, get_string (o, "target", TRUE, &ok));
      const char *type = get_string (o, "type", TRUE, &ok);
      RwbRelationType rtype;
      if (!ok || src < 0 || dst < 0 || !rwb_relation_type_from_string (type, &rtype))
        return format_error (error, _("relation"), i, "source/target/type"), NULL;
      double confidence = 0.5;
      JsonNode *cn = json_object_get_member (o, "confidence");
      if (cn && JSON_NODE_HOLDS_VALUE (cn)
          && (json_node_get_value_type (cn) == G_TYPE_DOUBLE
              || json_node_get_value_type (cn) == G_TYPE_INT64))
        confidence = CLAMP (json_node_get_double (cn), 0.0, 1.0);
      guint index = rwb_graph_ensure_relation (graph, src, dst, rtype, confidence);
      RwbRelation *r = g_ptr_array_index (graph->relations, index);
      guint count;
      if (get_uint (o, "evidence_count", &count))
        r->n_evidence = MAX (r->n_evidence, count);
      read_attrs (o, (void (*) (gpointer, const char *, const char *)) rwb_relation_set_attr, r);
      JsonArray *evidence = get_array (o, "evidence");
      for (guint j = 0; evidence && j < json_array_get_length (evidence); j++)
        {
          JsonObject *m = array_object (evidence, j);
          guint start, end;
          gint d = m ? lookup_id (doc_ids, get_string (m, "document", TRUE, &ok)) : -1;
          const char *text = m ? get_string (m, "text", FALSE, &ok) : NULL;
          const char *rule = m ? get_string (m, "rule", FALSE, &ok) : NULL;
          if (m == NULL || !ok || d < 0 || !get_uint (m, "start", &start)
              || !get_uint (m, "end", &end) || end < start)
            return format_error (error, _("relation"), i, "evidence"), NULL;
          if (!within_text (graph, d, end, _("relation"), i, error))
            return NULL;
          rwb_relation_add_evidence (r, d, start, end, text, rule, confidence);
        }
    }
  return g_steal_pointer (&graph);
}
