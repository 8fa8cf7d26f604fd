/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-corrections.c — corrections as operations on names: the keys they go by, one correction
 * (description, validation, JSON) and the list of them. Applying them to a graph is in
 * rwb-corrections-apply.c.
 */
#define G_LOG_DOMAIN "rawabit-corrections"

#include "rwb-bidi.h"
#include "rwb-corrections-private.h"
#include "rwb-json.h"

#include "rwb-text.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

/* ---- keys ---------------------------------------------------------------------------- */

/**
 * rwb_name_key:
 * The matching form of @name with white space runs made one space.
 */
char *
rwb_name_key (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_autofree char *form = rwb_text_match_form (name, -1);
  GString *out = g_string_sized_new (strlen (form));
  gboolean space = FALSE;
  for (const char *p = form; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * rwb_document_key:
 * "LENGTH:SHA256" of the document's text, or NULL without text.
 */
char *
rwb_document_key (const RwbDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);
  if (document->text == NULL)
    return NULL;
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, document->text, -1);
  return g_strdup_printf ("%u:%s", document->length, sum);
}

/* ---- one correction ------------------------------------------------------------------ */

static const char *const kind_names[RWB_CORRECTION_N_KINDS] = {
  [RWB_CORRECTION_REJECT_ENTITY] = "reject",
  [RWB_CORRECTION_REJECT_RELATION] = "reject-relation",
  [RWB_CORRECTION_MERGE] = "merge",
  [RWB_CORRECTION_SPLIT] = "split",
  [RWB_CORRECTION_RENAME] = "rename",
  [RWB_CORRECTION_RETYPE_ENTITY] = "retype",
  [RWB_CORRECTION_DIRECT_RELATION] = "reverse",
  [RWB_CORRECTION_RETYPE_RELATION] = "retype-relation",
  [RWB_CORRECTION_ADD_RELATION] = "add-relation",
  [RWB_CORRECTION_CONFIRM_ENTITY] = "confirm",
  [RWB_CORRECTION_CONFIRM_RELATION] = "confirm-relation",
};

/**
 * rwb_correction_kind_to_string:
 * The JSON name of @kind ("merge").
 */
const char *
rwb_correction_kind_to_string (RwbCorrectionKind kind)
{
  g_return_val_if_fail (kind < RWB_CORRECTION_N_KINDS, NULL);
  return kind_names[kind];
}

/**
 * rwb_correction_kind_from_string:
 * Parses a JSON name of a kind; FALSE if unknown.
 */
gboolean
rwb_correction_kind_from_string (const char *name, RwbCorrectionKind *out)
{
  for (guint i = 0; name && i < RWB_CORRECTION_N_KINDS; i++)
    if (g_str_equal (name, kind_names[i]))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * rwb_correction_kind_label:
 * The translated action name of @kind, for "Undo …" menu items.
 */
const char *
rwb_correction_kind_label (RwbCorrectionKind kind)
{
  switch (kind)
    {
    case RWB_CORRECTION_REJECT_ENTITY: return _("Delete Entity");
    case RWB_CORRECTION_REJECT_RELATION: return _("Delete Relation");
    case RWB_CORRECTION_MERGE: return _("Merge");
    case RWB_CORRECTION_SPLIT: return _("Split Alias");
    case RWB_CORRECTION_RENAME: return _("Rename");
    case RWB_CORRECTION_RETYPE_ENTITY: return _("Change Type");
    case RWB_CORRECTION_DIRECT_RELATION: return _("Reverse Relation");
    case RWB_CORRECTION_RETYPE_RELATION: return _("Change Relation Type");
    case RWB_CORRECTION_ADD_RELATION: return _("Add Relation");
    case RWB_CORRECTION_CONFIRM_ENTITY: return _("Confirm Entity");
    case RWB_CORRECTION_CONFIRM_RELATION: return _("Confirm Relation");
    case RWB_CORRECTION_N_KINDS: break;
    }
  g_return_val_if_reached (NULL);
}

/* The sentence of rwb_correction_describe(), with the names @a and @b as given. */
static char *
describe (const RwbCorrection *c, const char *a, const char *b)
{
  switch (c->kind)
    {
    case RWB_CORRECTION_REJECT_ENTITY:
      return g_strdup_printf (_("Delete “%s”"), a);
    case RWB_CORRECTION_REJECT_RELATION:
      return g_strdup_printf (_("Delete the %s relation between “%s” and “%s”"),
                              rwb_relation_type_short_label (c->relation_type), a, b);
    case RWB_CORRECTION_MERGE:
      return g_strdup_printf (_("Merge “%s” into “%s”"), b, a);
    case RWB_CORRECTION_SPLIT:
      return g_strdup_printf (_("Split “%s” off “%s”"), b, a);
    case RWB_CORRECTION_RENAME:
      return g_strdup_printf (_("Rename “%s” to “%s”"), a, b);
    case RWB_CORRECTION_RETYPE_ENTITY:
      return g_strdup_printf (_("Make “%s” a %s"), a,
                              rwb_entity_type_short_label (c->entity_type));
    case RWB_CORRECTION_DIRECT_RELATION:
      return g_strdup_printf (_("The %s relation reads “%s” → “%s”"),
                              rwb_relation_type_short_label (c->relation_type), a, b);
    case RWB_CORRECTION_RETYPE_RELATION:
      return g_strdup_printf (_("The relation between “%s” and “%s” is %s, not %s"), a, b,
                              rwb_relation_type_short_label (c->new_relation_type),
                              rwb_relation_type_short_label (c->relation_type));
    case RWB_CORRECTION_ADD_RELATION:
      return g_strdup_printf (_("Add a %s relation “%s” → “%s”"),
                              rwb_relation_type_short_label (c->relation_type), a, b);
    case RWB_CORRECTION_CONFIRM_ENTITY:
      return g_strdup_printf (_("Confirm “%s”"), a);
    case RWB_CORRECTION_CONFIRM_RELATION:
      return g_strdup_printf (_("Confirm the %s relation between “%s” and “%s”"),
                              rwb_relation_type_short_label (c->relation_type), a, b);
    case RWB_CORRECTION_N_KINDS:
      break;
    }
  g_return_val_if_reached (NULL);
}

/**
 * rwb_correction_describe:
 * One translated sentence saying what @correction does.
 */
char *
rwb_correction_describe (const RwbCorrection *c)
{
  g_return_val_if_fail (c != NULL, NULL);
  return describe (c, c->a, c->b ? c->b : "");
}

/**
 * rwb_correction_describe_isolated:
 * rwb_correction_describe() with each name between FSI and PDI (rwb_bidi_isolate()), for a
 * label: an Arabic name in an English sentence, or the reverse, does not reorder the sentence.
 */
char *
rwb_correction_describe_isolated (const RwbCorrection *c)
{
  g_return_val_if_fail (c != NULL, NULL);
  g_autofree char *a = rwb_bidi_isolate (c->a);
  g_autofree char *b = rwb_bidi_isolate (c->b);
  return describe (c, a, b);
}

/**
 * rwb_correction_new:
 * A correction of @kind between @a and @b (copied).
 */
RwbCorrection *
rwb_correction_new (RwbCorrectionKind kind, const char *a, const char *b)
{
  RwbCorrection *c = g_new0 (RwbCorrection, 1);
  c->kind = kind;
  c->a = g_strdup (a);
  c->b = g_strdup (b);
  c->relation_type = RWB_RELATION_MENTION;
  c->new_relation_type = RWB_RELATION_MENTION;
  return c;
}

/**
 * rwb_correction_copy:
 * A deep copy of @correction.
 */
RwbCorrection *
rwb_correction_copy (const RwbCorrection *correction)
{
  g_return_val_if_fail (correction != NULL, NULL);
  RwbCorrection *c = g_memdup2 (correction, sizeof *c);
  c->a = g_strdup (correction->a);
  c->b = g_strdup (correction->b);
  c->document = g_strdup (correction->document);
  c->text = g_strdup (correction->text);
  return c;
}

/**
 * rwb_correction_free:
 * Frees @correction and its strings.
 */
void
rwb_correction_free (RwbCorrection *correction)
{
  if (correction == NULL)
    return;
  g_free (correction->a);
  g_free (correction->b);
  g_free (correction->document);
  g_free (correction->text);
  g_free (correction);
}

gboolean
rwb_correction_kind_needs_b (RwbCorrectionKind kind)
{
  return kind != RWB_CORRECTION_REJECT_ENTITY && kind != RWB_CORRECTION_RETYPE_ENTITY
         && kind != RWB_CORRECTION_CONFIRM_ENTITY;
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  g_autofree char *key = rwb_name_key (s);
  return *key == '\0';
}

/**
 * rwb_correction_validate:
 * Checks the fields @correction's kind needs.
 */
gboolean
rwb_correction_validate (const RwbCorrection *c, GError **error)
{
  g_return_val_if_fail (c != NULL, FALSE);
  if (c->kind >= RWB_CORRECTION_N_KINDS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("unknown correction (%d)"), (int) c->kind);
      return FALSE;
    }
  const char *op = kind_names[c->kind];
  if (is_blank (c->a) || (rwb_correction_kind_needs_b (c->kind) && is_blank (c->b)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s needs %s"), op, rwb_correction_kind_needs_b (c->kind) ? _("two names") : _("a name"));
      return FALSE;
    }
  if (c->entity_type >= RWB_ENTITY_N_TYPES || c->relation_type >= RWB_RELATION_N_TYPES
      || c->new_relation_type >= RWB_RELATION_N_TYPES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: the type is out of range"), op);
      return FALSE;
    }
  if (c->document && (c->end <= c->start))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: the evidence ends (%u) before it starts (%u)"), op, c->end, c->start);
      return FALSE;
    }
  return TRUE;
}

static gboolean
uses_relation_type (RwbCorrectionKind kind)
{
  return kind == RWB_CORRECTION_REJECT_RELATION || kind == RWB_CORRECTION_DIRECT_RELATION
         || kind == RWB_CORRECTION_RETYPE_RELATION || kind == RWB_CORRECTION_ADD_RELATION
         || kind == RWB_CORRECTION_CONFIRM_RELATION;
}

/**
 * rwb_correction_to_json:
 * @correction as one line of JSON.
 */
char *
rwb_correction_to_json (const RwbCorrection *c)
{
  g_return_val_if_fail (c != NULL && c->kind < RWB_CORRECTION_N_KINDS, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "op");
  json_builder_add_string_value (b, kind_names[c->kind]);
  json_builder_set_member_name (b, "a");
  json_builder_add_string_value (b, c->a);
  if (c->b)
    {
      json_builder_set_member_name (b, "b");
      json_builder_add_string_value (b, c->b);
    }
  if (c->kind == RWB_CORRECTION_RETYPE_ENTITY)
    {
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, rwb_entity_type_to_string (c->entity_type));
    }
  if (uses_relation_type (c->kind))
    {
      json_builder_set_member_name (b, "relation");
      json_builder_add_string_value (b, rwb_relation_type_to_string (c->relation_type));
    }
  if (c->kind == RWB_CORRECTION_RETYPE_RELATION)
    {
      json_builder_set_member_name (b, "new_relation");
      json_builder_add_string_value (b, rwb_relation_type_to_string (c->new_relation_type));
    }
  if (c->document)
    {
      json_builder_set_member_name (b, "evidence");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "document");
      json_builder_add_string_value (b, c->document);
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, c->start);
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, c->end);
      if (c->text)
        {
          json_builder_set_member_name (b, "text");
          json_builder_add_string_value (b, c->text);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static gboolean
member_error (GError **error, const char *member)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("correction: “%s” is missing or has the wrong type"), member);
  return FALSE;
}

static const char *
string_member (JsonObject *o, const char *name, gboolean required, gboolean *ok, GError **error)
{
  JsonNode *n = json_object_get_member (o, name);
  if (n == NULL && !required)
    return NULL;
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    {
      if (*ok)
        member_error (error, name);
      *ok = FALSE;
      return NULL;
    }
  return json_node_get_string (n);
}

static guint
offset_member (JsonObject *o, const char *name, gboolean *ok, GError **error)
{
  JsonNode *n = json_object_get_member (o, name);
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64
      || json_node_get_int (n) < 0 || json_node_get_int (n) > G_MAXUINT)
    {
      if (*ok)
        member_error (error, name);
      *ok = FALSE;
      return 0;
    }
  return (guint) json_node_get_int (n);
}

/**
 * rwb_correction_from_json:
 * Parses one correction written by rwb_correction_to_json.
 */
RwbCorrection *
rwb_correction_from_json (const char *json, GError **error)
{
  g_return_val_if_fail (json != NULL, NULL);
  /* It comes from a project file, which anyone may have written. */
  if (!rwb_json_depth_within (json, strlen (json), RWB_JSON_MAX_DEPTH, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("correction: nested more than %u levels deep"), RWB_JSON_MAX_DEPTH);
      return NULL;
    }
  g_autoptr (JsonParser) parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  JsonNode *root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("correction: not a JSON object"));
      return NULL;
    }
  JsonObject *o = json_node_get_object (root);
  gboolean ok = TRUE;
  const char *op = string_member (o, "op", TRUE, &ok, error);
  RwbCorrectionKind kind;
  if (!ok)
    return NULL;
  if (!rwb_correction_kind_from_string (op, &kind))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("correction: unknown operation “%s”"), op);
      return NULL;
    }
  const char *a = string_member (o, "a", TRUE, &ok, error);
  const char *b = string_member (o, "b", rwb_correction_kind_needs_b (kind), &ok, error);
  if (!ok)
    return NULL;
  g_autoptr (RwbCorrection) c = rwb_correction_new (kind, a, b);
  if (kind == RWB_CORRECTION_RETYPE_ENTITY)
    {
      const char *type = string_member (o, "type", TRUE, &ok, error);
      if (!ok || !rwb_entity_type_from_string (type, &c->entity_type))
        return ok ? member_error (error, "type"), NULL : NULL;
    }
  if (uses_relation_type (kind))
    {
      const char *type = string_member (o, "relation", TRUE, &ok, error);
      if (!ok || !rwb_relation_type_from_string (type, &c->relation_type))
        return ok ? member_error (error, "relation"), NULL : NULL;
    }
  if (kind == RWB_CORRECTION_RETYPE_RELATION)
    {
      const char *type = string_member (o, "new_relation", TRUE, &ok, error);
      if (!ok || !rwb_relation_type_from_string (type, &c->new_relation_type))
        return ok ? member_error (error, "new_relation"), NULL : NULL;
    }
  JsonNode *ev = json_object_get_member (o, "evidence");
  if (ev && JSON_NODE_HOLDS_OBJECT (ev))
    {
      JsonObject *e = json_node_get_object (ev);
      c->document = g_strdup (string_member (e, "document", TRUE, &ok, error));
      c->start = offset_member (e, "start", &ok, error);
      c->end = offset_member (e, "end", &ok, error);
      c->text = g_strdup (string_member (e, "text", FALSE, &ok, error));
      if (!ok)
        return NULL;
    }
  else if (ev)
    return member_error (error, "evidence"), NULL;
  if (!rwb_correction_validate (c, error))
    return NULL;
  return g_steal_pointer (&c);
}

/* ---- the list ------------------------------------------------------------------------ */

struct _RwbCorrections {
  GPtrArray *items;   /* RwbCorrection* */
  GArray *ids;        /* gint64 */
};

/**
 * rwb_corrections_new:
 * An empty list of corrections.
 */
RwbCorrections *
rwb_corrections_new (void)
{
  RwbCorrections *list = g_new0 (RwbCorrections, 1);
  list->items = g_ptr_array_new_with_free_func ((GDestroyNotify) rwb_correction_free);
  list->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return list;
}

/**
 * rwb_corrections_free:
 * Frees the list and its corrections.
 */
void
rwb_corrections_free (RwbCorrections *corrections)
{
  if (corrections == NULL)
    return;
  g_ptr_array_unref (corrections->items);
  g_array_unref (corrections->ids);
  g_free (corrections);
}

/**
 * rwb_corrections_add:
 * Appends @correction (taken) with the project's @id (0 if none).
 */
void
rwb_corrections_add (RwbCorrections *corrections, RwbCorrection *correction, gint64 id)
{
  g_return_if_fail (corrections != NULL && correction != NULL);
  g_ptr_array_add (corrections->items, correction);
  g_array_append_val (corrections->ids, id);
}

/**
 * rwb_corrections_len:
 * Number of corrections in the list.
 */
guint
rwb_corrections_len (const RwbCorrections *corrections)
{
  g_return_val_if_fail (corrections != NULL, 0);
  return corrections->items->len;
}

/**
 * rwb_corrections_get:
 * The correction at @index (borrowed).
 */
const RwbCorrection *
rwb_corrections_get (const RwbCorrections *corrections, guint index)
{
  g_return_val_if_fail (corrections != NULL && index < corrections->items->len, NULL);
  return g_ptr_array_index (corrections->items, index);
}

/**
 * rwb_corrections_get_id:
 * The project id of the correction at @index (0 if it has none).
 */
gint64
rwb_corrections_get_id (const RwbCorrections *corrections, guint index)
{
  g_return_val_if_fail (corrections != NULL && index < corrections->ids->len, 0);
  return g_array_index (corrections->ids, gint64, index);
}

/**
 * rwb_corrections_remove_index:
 * Removes (and frees) the correction at @index.
 */
void
rwb_corrections_remove_index (RwbCorrections *corrections, guint index)
{
  g_return_if_fail (corrections != NULL && index < corrections->items->len);
  g_ptr_array_remove_index (corrections->items, index);
  g_array_remove_index (corrections->ids, index);
}
