/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-corrections-panel.c — the corrections in force, oldest first, each one withdrawable.
 *
 * The list is the session's (rwb_session_get_corrections): in a project it is read from the
 * file, so it is what every other window and `rawabit-cli project list` see. A correction that
 * finds nothing to act on in the graph (its names are in no article any more) is shown dimmed
 * and says so, rather than vanishing: the user's work is never dropped silently. The list is
 * rebuilt in an idle after the history changes, once the session has the corrected graph, and
 * activating a row selects the entity the correction names.
 */
#define G_LOG_DOMAIN "rawabit-corrections-panel"

#include "rwb-config.h"

#include <glib/gi18n.h>

#include "rwb-corrections-panel.h"
#include "rwb-labels.h"

struct _RwbCorrectionsPanel
{
  GtkWidget parent_instance;

  /* Template children */
  GtkLabel *summary_label;
  GtkListBox *list;
  GtkButton *undo_button;

  RwbSession *session;
  RwbCorrections *corrections;  /* as listed */
  guint refresh_idle;
};

G_DEFINE_FINAL_TYPE (RwbCorrectionsPanel, rwb_corrections_panel, GTK_TYPE_WIDGET)

static void
on_withdraw_clicked (GtkButton *button, RwbCorrectionsPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rwb-index"));
  g_autoptr (GError) error = NULL;

  if (self->session == NULL)
    return;
  if (!rwb_session_withdraw_correction (self->session, index, &error))
    {
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
      GtkWidget *dialog = gtk_message_dialog_new (window ? GTK_WINDOW (window) : NULL,
                                                  GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                  GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                  _("Could not withdraw the correction"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                                error->message);
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static GtkWidget *
make_row (RwbCorrectionsPanel *self, guint index, const RwbCorrection *c, gboolean applies)
{
  g_autofree char *sentence = rwb_correction_describe_isolated (c);
  /* A correction names entities, whose names can be megabytes long. */
  g_autofree char *shown = rwb_display_name (sentence, RWB_DISPLAY_NAME_MAX_DETAILS);
  g_autofree char *text = rwb_ui_line (shown);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-undo-symbolic");

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), label);
  if (!applies)
    {
      GtkWidget *note = gtk_label_new (_("Finds nothing to change in these articles"));

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_widget_add_css_class (note, "caption");
      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (labels), note);
    }
  gtk_box_append (GTK_BOX (box), labels);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Withdraw this correction (undoable)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Withdraw"), -1);
  gtk_widget_set_name (button, "withdraw");
  g_object_set_data (G_OBJECT (button), "rwb-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (on_withdraw_clicked), self);
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), applies);
  return row;
}

static void
update_undo_button (RwbCorrectionsPanel *self)
{
  const char *label = self->session ? rwb_session_get_undo_label (self->session) : NULL;
  g_autofree char *text = label ? g_strdup_printf (_("_Undo %s"), label) : g_strdup (_("_Undo"));

  gtk_button_set_label (self->undo_button, text);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), label != NULL);
}

static void
refresh (RwbCorrectionsPanel *self)
{
  g_autoptr (GArray) applied = NULL;
  GtkWidget *child;
  guint n, n_idle = 0;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->corrections, rwb_corrections_free);
  update_undo_button (self);
  if (self->session == NULL)
    return;

  self->corrections = rwb_session_get_corrections (self->session);
  applied = rwb_session_get_corrections_applied (self->session);
  n = rwb_corrections_len (self->corrections);
  for (guint i = 0; i < n; i++)
    {
      gboolean applies = i >= applied->len || g_array_index (applied, gboolean, i);

      n_idle += applies ? 0 : 1;
      gtk_list_box_append (self->list,
                           make_row (self, i, rwb_corrections_get (self->corrections, i), applies));
    }

  if (n == 0)
    gtk_label_set_text (self->summary_label,
                        _("No corrections yet. Right-click an entity or a relation in the graph "
                          "to delete, merge, rename or retype it; every correction is listed "
                          "here and applies to every article, also those added later."));
  else
    {
      g_autofree char *count = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u correction in force", "%u corrections in force", n), n);
      g_autofree char *idle = n_idle > 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finds nothing to change",
                                        "%u find nothing to change", n_idle), n_idle)
        : NULL;
      g_autofree char *text = idle ? g_strdup_printf (_("%s · %s"), count, idle) : NULL;

      gtk_label_set_text (self->summary_label, text ? text : count);
    }
}

static gboolean
refresh_in_idle (gpointer data)
{
  RwbCorrectionsPanel *self = data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (RwbCorrectionsPanel *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_in_idle, self);
}

static void
on_row_activated (RwbCorrectionsPanel *self, GtkListBoxRow *row)
{
  guint index = gtk_list_box_row_get_index (row);
  RwbGraph *graph = self->session ? rwb_session_get_graph (self->session) : NULL;
  const RwbCorrection *c;
  gint entity = -1;

  if (graph == NULL || self->corrections == NULL
      || index >= rwb_corrections_len (self->corrections))
    return;
  c = rwb_corrections_get (self->corrections, index);
  /* The name the entity has after the correction: a rename's new name, a merge's first. */
  if (c->kind == RWB_CORRECTION_RENAME || c->kind == RWB_CORRECTION_SPLIT)
    entity = rwb_graph_find_entity (graph, c->b);
  if (entity < 0)
    entity = rwb_graph_find_entity (graph, c->a);
  if (entity >= 0)
    rwb_session_reveal_entity (self->session, entity);
}

static void
rwb_corrections_panel_dispose (GObject *object)
{
  RwbCorrectionsPanel *self = RWB_CORRECTIONS_PANEL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  rwb_session_replace (&self->session, NULL, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RWB_TYPE_CORRECTIONS_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->corrections, rwb_corrections_free);

  G_OBJECT_CLASS (rwb_corrections_panel_parent_class)->dispose (object);
}

static void
rwb_corrections_panel_class_init (RwbCorrectionsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rwb_corrections_panel_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rawabit/Rawabit/rwb-corrections-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RwbCorrectionsPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RwbCorrectionsPanel, list);
  gtk_widget_class_bind_template_child (widget_class, RwbCorrectionsPanel, undo_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rwb-corrections-panel");
}

static void
rwb_corrections_panel_init (RwbCorrectionsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}

GtkWidget *
rwb_corrections_panel_new (void)
{
  return g_object_new (RWB_TYPE_CORRECTIONS_PANEL, NULL);
}

void
rwb_corrections_panel_set_session (RwbCorrectionsPanel *self, RwbSession *session)
{
  g_return_if_fail (RWB_IS_CORRECTIONS_PANEL (self));
  g_return_if_fail (session == NULL || RWB_IS_SESSION (session));

  if (!rwb_session_replace (&self->session, session, self))
    return;
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "history-changed", G_CALLBACK (queue_refresh), self);
      g_signal_connect_swapped (session, "graph-changed", G_CALLBACK (queue_refresh), self);
    }
  refresh (self);
}

guint
rwb_corrections_panel_get_n_rows (RwbCorrectionsPanel *self)
{
  guint n = 0;

  g_return_val_if_fail (RWB_IS_CORRECTIONS_PANEL (self), 0);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += GTK_IS_LIST_BOX_ROW (c) ? 1 : 0;
  return n;
}
