/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-edit-actions.c — the corrections and undo/redo as actions on a session.
 *
 * Each action builds one RwbCorrection from the session's selection (entities by their names,
 * relations by their two ends and type, as corrections are keyed) and hands it to
 * rwb_session_correct(), which records it as an undoable command. Menus, shortcuts, the
 * canvas context menu and the tests all go through these actions.
 */
#define G_LOG_DOMAIN "rawabit-edit"

#include "rwb-config.h"

#include <glib/gi18n.h>

#include "rwb-edit-actions.h"
#include "rwb-labels.h"

typedef struct {
  RwbSession *session;
  GtkWindow *parent;            /* weak */
  GActionMap *map;              /* weak: the map owns the actions, which own this */
  void (*error_func) (gpointer data, const char *message);
  gpointer error_data;
  RwbEditEvidenceFunc evidence_func;
  gpointer evidence_data;
  gint ref_count;
} Edit;

static Edit *
edit_ref (Edit *edit)
{
  edit->ref_count++;
  return edit;
}

static void
edit_unref (gpointer data)
{
  Edit *edit = data;

  if (--edit->ref_count > 0)
    return;
  if (edit->session != NULL)
    g_signal_handlers_disconnect_by_data (edit->session, edit);
  g_clear_object (&edit->session);
  g_clear_weak_pointer (&edit->parent);
  g_free (edit);
}

static void
report (Edit *edit, const GError *error)
{
  if (edit->error_func != NULL)
    edit->error_func (edit->error_data, error->message);
  else
    g_warning ("%s", error->message);
}

static gboolean
apply (Edit *edit, RwbCorrection *correction)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = rwb_session_correct (edit->session, correction, &error);

  if (!ok)
    report (edit, error);
  rwb_correction_free (correction);
  return ok;
}

static const RwbEntity *
entity (Edit *edit, guint index)
{
  RwbGraph *graph = rwb_session_get_graph (edit->session);

  return graph != NULL && index < graph->entities->len ? g_ptr_array_index (graph->entities,
                                                                              index)
                                                       : NULL;
}

static const RwbRelation *
selected_relation (Edit *edit)
{
  RwbGraph *graph = rwb_session_get_graph (edit->session);
  gint r = rwb_session_get_selected_relation (edit->session);

  return graph != NULL && r >= 0 && (guint) r < graph->relations->len
           ? g_ptr_array_index (graph->relations, r) : NULL;
}

/* A correction of @kind about relation @r (its ends by name, and its type). */
static RwbCorrection *
relation_correction (Edit *edit, RwbCorrectionKind kind, const RwbRelation *r)
{
  RwbCorrection *c = rwb_correction_new (kind, entity (edit, r->source)->name,
                                         entity (edit, r->target)->name);

  c->relation_type = r->type;
  return c;
}

/* --- Actions ------------------------------------------------------------------------------- */

static void
undo_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Edit *edit = data;
  g_autoptr (GError) error = NULL;

  if (!rwb_session_undo (edit->session, &error))
    report (edit, error);
}

static void
redo_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Edit *edit = data;
  g_autoptr (GError) error = NULL;

  if (!rwb_session_redo (edit->session, &error))
    report (edit, error);
}

static void
delete_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Edit *edit = data;
  const RwbRelation *r = selected_relation (edit);
  g_autoptr (GArray) selected = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (r != NULL)
    {
      apply (edit, relation_correction (edit, RWB_CORRECTION_REJECT_RELATION, r));
      return;
    }
  /* Names first: each correction makes a new graph, with new indices. */
  selected = rwb_session_get_selected_entities (edit->session);
  for (guint k = 0; k < selected->len; k++)
    g_ptr_array_add (names, g_strdup (entity (edit, g_array_index (selected, guint, k))->name));
  for (guint k = 0; k < names->len; k++)
    if (!apply (edit, rwb_correction_new (RWB_CORRECTION_REJECT_ENTITY,
                                          g_ptr_array_index (names, k), NULL)))
      return;
}

/* The entity the user selected last, or NULL. */
static const RwbEntity *
last_selected (Edit *edit)
{
  g_autoptr (GArray) selected = rwb_session_get_selected_entities (edit->session);

  return selected->len > 0 ? entity (edit, g_array_index (selected, guint, selected->len - 1))
                           : NULL;
}

static void rename_dialog (Edit *edit, const RwbEntity *e);

static void
rename_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Edit *edit = data;
  const RwbEntity *e = last_selected (edit);
  g_autofree char *name = NULL;

  if (e == NULL)
    return;
  name = g_strstrip (g_strdup (g_variant_get_string (parameter, NULL)));
  if (*name == '\0')
    {
      rename_dialog (edit, e);
      return;
    }
  if (g_strcmp0 (name, e->name) != 0)
    apply (edit, rwb_correction_new (RWB_CORRECTION_RENAME, e->name, name));
}

static void
retype_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Edit *edit = data;
  const RwbEntity *e = last_selected (edit);
  RwbEntityType type;
  RwbCorrection *c;

  if (e == NULL || !rwb_entity_type_from_string (g_variant_get_string (parameter, NULL), &type)
      || type == e->type)
    return;
  c = rwb_correction_new (RWB_CORRECTION_RETYPE_ENTITY, e->name, NULL);
  c->entity_type = type;
  apply (edit, c);
}

static void
merge_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Edit *edit = data;
  g_autoptr (GArray) selected = rwb_session_get_selected_entities (edit->session);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  /* Everything selected goes into the entity selected first, whose name stays. */
  for (guint k = 0; k < selected->len; k++)
    g_ptr_array_add (names, g_strdup (entity (edit, g_array_index (selected, guint, k))->name));
  for (guint k = 1; k < names->len; k++)
    if (!apply (edit, rwb_correction_new (RWB_CORRECTION_MERGE, g_ptr_array_index (names, 0),
                                          g_ptr_array_index (names, k))))
      return;
}

static void
split_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Edit *edit = data;
  const RwbEntity *e = last_selected (edit);
  const char *alias = g_variant_get_string (parameter, NULL);

  if (e == NULL || *alias == '\0')
    return;
  apply (edit, rwb_correction_new (RWB_CORRECTION_SPLIT, e->name, alias));
}

static void
confirm_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Edit *edit = data;
  const RwbRelation *r = selected_relation (edit);
  const RwbEntity *e;

  if (r != NULL)
    apply (edit, relation_correction (edit, RWB_CORRECTION_CONFIRM_RELATION, r));
  else if ((e = last_selected (edit)) != NULL)
    apply (edit, rwb_correction_new (RWB_CORRECTION_CONFIRM_ENTITY, e->name, NULL));
}

static void
reverse_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Edit *edit = data;
  const RwbRelation *r = selected_relation (edit);
  RwbCorrection *c;

  if (r == NULL)
    return;
  /* It reads target → source from now on. */
  c = rwb_correction_new (RWB_CORRECTION_DIRECT_RELATION, entity (edit, r->target)->name,
                          entity (edit, r->source)->name);
  c->relation_type = r->type;
  apply (edit, c);
}

static void
retype_relation_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Edit *edit = data;
  const RwbRelation *r = selected_relation (edit);
  RwbRelationType type;
  RwbCorrection *c;

  if (r == NULL
      || !rwb_relation_type_from_string (g_variant_get_string (parameter, NULL), &type)
      || type == r->type)
    return;
  c = relation_correction (edit, RWB_CORRECTION_RETYPE_RELATION, r);
  c->new_relation_type = type;
  apply (edit, c);
}

/* Text selected in an article (the window's article view) becomes the added relation's
 * evidence, keyed by the article's content so it survives re-extraction. */
static void
add_evidence (Edit *edit, RwbCorrection *c)
{
  RwbGraph *graph = rwb_session_get_graph (edit->session);
  guint document, start, end;
  const RwbDocument *doc;
  const char *from, *to;

  if (edit->evidence_func == NULL || graph == NULL
      || !edit->evidence_func (edit->evidence_data, &document, &start, &end)
      || document >= graph->documents->len)
    return;
  doc = g_ptr_array_index (graph->documents, document);
  if (doc->text == NULL || start >= end || end > doc->length)
    return;
  from = g_utf8_offset_to_pointer (doc->text, start);
  to = g_utf8_offset_to_pointer (from, end - start);
  c->document = rwb_document_key (doc);
  c->start = start;
  c->end = end;
  c->text = g_strndup (from, to - from);
}

static void
add_relation_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Edit *edit = data;
  g_autoptr (GArray) selected = rwb_session_get_selected_entities (edit->session);
  RwbRelationType type;
  RwbCorrection *c;

  if (selected->len < 2
      || !rwb_relation_type_from_string (g_variant_get_string (parameter, NULL), &type))
    return;
  c = rwb_correction_new (RWB_CORRECTION_ADD_RELATION,
                          entity (edit, g_array_index (selected, guint, 0))->name,
                          entity (edit, g_array_index (selected, guint, 1))->name);
  c->relation_type = type;
  add_evidence (edit, c);
  apply (edit, c);
}

/* --- Rename dialog ------------------------------------------------------------------------- */

static void
on_rename_response (GtkDialog *dialog, int response, gpointer data)
{
  Edit *edit = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      GtkEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");
      const char *name = gtk_editable_get_text (GTK_EDITABLE (entry));
      g_autofree char *old = g_strdup (g_object_get_data (G_OBJECT (dialog), "old-name"));

      if (*name != '\0' && g_strcmp0 (name, old) != 0)
        apply (edit, rwb_correction_new (RWB_CORRECTION_RENAME, old, name));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
rename_dialog (Edit *edit, const RwbEntity *e)
{
  GtkWidget *dialog, *entry, *box;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_dialog_new_with_buttons (_("Rename Entity"), edit->parent,
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT
                                          | GTK_DIALOG_USE_HEADER_BAR,
                                        _("_Cancel"), GTK_RESPONSE_CANCEL,
                                        _("_Rename"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  box = gtk_dialog_get_content_area (GTK_DIALOG (dialog));
  G_GNUC_END_IGNORE_DEPRECATIONS
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), e->name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_margin_start (entry, 12);
  gtk_widget_set_margin_end (entry, 12);
  gtk_widget_set_margin_top (entry, 12);
  gtk_widget_set_margin_bottom (entry, 12);
  gtk_box_append (GTK_BOX (box), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "old-name", g_strdup (e->name), g_free);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_rename_response), edit_ref (edit),
                         (GClosureNotify) (void (*) (void)) edit_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Enabling ------------------------------------------------------------------------------ */

static void
set_enabled (Edit *edit, const char *name, gboolean enabled)
{
  GAction *action = edit->map != NULL ? g_action_map_lookup_action (edit->map, name) : NULL;

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_enabled (Edit *edit)
{
  g_autoptr (GArray) selected = rwb_session_get_selected_entities (edit->session);
  gboolean relation = selected_relation (edit) != NULL;
  gboolean entities = selected->len > 0;

  set_enabled (edit, "undo", rwb_session_can_undo (edit->session));
  set_enabled (edit, "redo", rwb_session_can_redo (edit->session));
  set_enabled (edit, "delete", relation || entities);
  set_enabled (edit, "confirm", relation || entities);
  set_enabled (edit, "rename", entities);
  set_enabled (edit, "retype", entities);
  set_enabled (edit, "split", entities);
  set_enabled (edit, "merge", selected->len >= 2);
  set_enabled (edit, "add-relation", selected->len >= 2);
  set_enabled (edit, "reverse", relation);
  set_enabled (edit, "retype-relation", relation);
}

void
rwb_edit_actions_add (GActionMap *map,
                      RwbSession *session,
                      GtkWindow  *parent,
                      void      (*error_func) (gpointer data, const char *message),
                      gpointer    error_data)
{
  static const GActionEntry entries[] = {
    { .name = "undo", .activate = undo_action },
    { .name = "redo", .activate = redo_action },
    { .name = "delete", .activate = delete_action },
    { .name = "rename", .parameter_type = "s", .activate = rename_action },
    { .name = "retype", .parameter_type = "s", .activate = retype_action },
    { .name = "merge", .activate = merge_action },
    { .name = "split", .parameter_type = "s", .activate = split_action },
    { .name = "confirm", .activate = confirm_action },
    { .name = "reverse", .activate = reverse_action },
    { .name = "retype-relation", .parameter_type = "s", .activate = retype_relation_action },
    { .name = "add-relation", .parameter_type = "s", .activate = add_relation_action },
  };
  Edit *edit;

  g_return_if_fail (G_IS_ACTION_MAP (map));
  g_return_if_fail (RWB_IS_SESSION (session));

  edit = g_new0 (Edit, 1);
  edit->ref_count = 1;
  edit->session = g_object_ref (session);
  g_set_weak_pointer (&edit->parent, parent);
  edit->map = map;
  edit->error_func = error_func;
  edit->error_data = error_data;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr (GSimpleAction) action = NULL;
      const GVariantType *type = entries[i].parameter_type
                                   ? G_VARIANT_TYPE (entries[i].parameter_type) : NULL;

      action = g_simple_action_new (entries[i].name, type);
      g_signal_connect_data (action, "activate", G_CALLBACK (entries[i].activate),
                             edit_ref (edit), (GClosureNotify) (void (*) (void)) edit_unref, 0);
      /* Owned by the handler above, as long as the action lives. */
      g_object_set_data (G_OBJECT (action), "rwb-edit", edit);
      g_action_map_add_action (map, G_ACTION (action));
    }
  g_signal_connect_swapped (session, "selection-changed", G_CALLBACK (update_enabled), edit);
  g_signal_connect_swapped (session, "graph-changed", G_CALLBACK (update_enabled), edit);
  g_signal_connect_swapped (session, "notify::can-undo", G_CALLBACK (update_enabled), edit);
  g_signal_connect_swapped (session, "notify::can-redo", G_CALLBACK (update_enabled), edit);
  update_enabled (edit);
  edit_unref (edit);
}

void
rwb_edit_actions_set_evidence_func (GActionMap *map, RwbEditEvidenceFunc func, gpointer data)
{
  GAction *action;
  Edit *edit;

  g_return_if_fail (G_IS_ACTION_MAP (map));
  action = g_action_map_lookup_action (map, "add-relation");
  g_return_if_fail (action != NULL);
  edit = g_object_get_data (G_OBJECT (action), "rwb-edit");
  g_return_if_fail (edit != NULL);
  edit->evidence_func = func;
  edit->evidence_data = data;
}

/* --- Context menu -------------------------------------------------------------------------- */

GMenuModel *
rwb_edit_menu_new (RwbSession *session)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) section = g_menu_new ();
  g_autoptr (GArray) selected = rwb_session_get_selected_entities (session);
  gboolean relation = rwb_session_get_selected_relation (session) >= 0;

  if (relation)
    {
      g_autoptr (GMenu) types = g_menu_new ();

      g_menu_append (section, _("_Reverse Direction"), "win.reverse");
      for (guint t = 0; t < RWB_RELATION_N_TYPES; t++)
        if (t != RWB_RELATION_MENTION)
          {
            g_autofree char *detailed = g_strdup_printf ("win.retype-relation::%s",
                                                         rwb_relation_type_to_string (t));
            g_menu_append (types, rwb_relation_type_label (t), detailed);
          }
      g_menu_append_submenu (section, _("Change _Type"), G_MENU_MODEL (types));
    }
  else if (selected->len > 0)
    {
      g_autoptr (GMenu) types = g_menu_new ();

      g_menu_append (section, _("Re_name…"), "win.rename::");
      for (guint t = 0; t < RWB_ENTITY_N_TYPES; t++)
        {
          g_autofree char *detailed = g_strdup_printf ("win.retype::%s",
                                                       rwb_entity_type_to_string (t));
          g_menu_append (types, rwb_entity_type_label (t), detailed);
        }
      g_menu_append_submenu (section, _("Change _Type"), G_MENU_MODEL (types));
      if (selected->len == 1)
        {
          RwbGraph *graph = rwb_session_get_graph (session);
          guint index = g_array_index (selected, guint, 0);
          const RwbEntity *e = graph != NULL && index < graph->entities->len
                                 ? g_ptr_array_index (graph->entities, index) : NULL;
          /* Spellings compared by what Details shows of them: this menu is made on every
           * selection, and the key of a 10 MB name held the UI thread a fifth of a second. */
          g_autofree char *shown = e != NULL ? rwb_display_name (e->name, RWB_DISPLAY_NAME_MAX_DETAILS)
                                             : NULL;
          g_autofree char *name_key = shown != NULL ? rwb_name_key (shown) : NULL;
          g_autoptr (GMenu) aliases = g_menu_new ();
          g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               NULL);

          /* Each other name of the entity, to make it an entity of its own; spellings of one
           * name (شاومي, شاومى) are one item, as a split takes them all. */
          for (guint k = 0; e != NULL && k < e->aliases->len; k++)
            {
              const char *alias = g_ptr_array_index (e->aliases, k);
              g_autofree char *alias_shown = rwb_display_name (alias, RWB_DISPLAY_NAME_MAX_DETAILS);
              char *key = rwb_name_key (alias_shown);
              g_autofree char *label = rwb_display_name (alias, RWB_DISPLAY_NAME_MAX);
              g_autoptr (GMenuItem) item = NULL;

              if (g_strcmp0 (key, name_key) == 0 || g_hash_table_contains (seen, key))
                {
                  g_free (key);
                  continue;
                }
              g_hash_table_add (seen, key);
              item = g_menu_item_new (label, NULL);
              g_menu_item_set_action_and_target_value (item, "win.split",
                                                       g_variant_new_string (alias));
              g_menu_append_item (aliases, item);
            }
          if (g_menu_model_get_n_items (G_MENU_MODEL (aliases)) > 0)
            g_menu_append_submenu (section, _("_Split Off"), G_MENU_MODEL (aliases));
        }
      if (selected->len >= 2)
        {
          g_autoptr (GMenu) relations = g_menu_new ();

          g_menu_append (section, _("_Merge"), "win.merge");
          for (guint t = 0; t < RWB_RELATION_N_TYPES; t++)
            if (t != RWB_RELATION_MENTION)
              {
                g_autofree char *detailed = g_strdup_printf ("win.add-relation::%s",
                                                             rwb_relation_type_to_string (t));
                g_menu_append (relations, rwb_relation_type_label (t), detailed);
              }
          g_menu_append_submenu (section, _("_Add Relation"), G_MENU_MODEL (relations));
        }
    }
  g_menu_append (section, _("_Confirm"), "win.confirm");
  g_menu_append (section, _("_Delete"), "win.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  return G_MENU_MODEL (menu);
}
