/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-window.c — the main window: its state, the error banner and status line, the actions
 * table, the context menu, and the sidebar of panels beside the graph. Loading and layout jobs
 * are in rwb-window-load.c, opening (the dialog, drops, paste, folders, projects) in
 * rwb-window-open.c; rwb-window-private.h is what they share.
 *
 * Work never runs on the UI thread: articles are read and extracted in a GTask thread, and the
 * layout runs in the `rawabit-layout` child process through rwb_layout_run_async(). At most one
 * such job runs per window; starting another (or win.cancel) cancels it, which kills the
 * helper. A job's result replaces what the window shows only when every step succeeded, so an
 * error leaves the previous graph on screen.
 *
 * The panels (details, article, entities, filters) and the search bar talk to the graph view
 * directly, through its selection API and ::selection-changed; the window only hands them the
 * graph when a new one is shown and routes an evidence click from the details to the article.
 */
#define G_LOG_DOMAIN "rawabit-window"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rwb-article-view.h"
#include "rwb-articles-panel.h"
#include "rwb-corrections-panel.h"
#include "rwb-project-actions.h"
#include "rwb-details-panel.h"
#include "rwb-entity-list.h"
#include "rwb-export-dialog.h"
#include "rwb-filter-panel.h"
#include "rwb-graph-view.h"
#include "rwb-analysis-actions.h"
#include "rwb-edit-actions.h"
#include "rwb-layout.h"
#include "rwb-search-bar.h"
#include "rwb-timeline-bar.h"
#include "rwb-window-private.h"

/* Above this many entities dot takes minutes and draws a tangle; sfdp is made for it. */

/* Graphviz rank directions, in the order of the drop-down. */
static const char *const rank_directions[] = { "LR", "TB", "RL", "BT" };

G_DEFINE_FINAL_TYPE (RwbWindow, rwb_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The graph once there is one; before that, a spinner while the first load runs (rather than
 * "No Articles Open" when articles are being opened), else the invitation to open some. */
static void
update_page (RwbWindow *self)
{
  const char *page;

  if (rwb_graph_view_get_scene (self->graph_view) != NULL)
    page = "graph";
  else if (self->job != NULL)
    page = "loading";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->main_stack, page);
  /* The panels describe a graph; without one they would be four empty pages. */
  gtk_widget_set_visible (self->sidebar, g_str_equal (page, "graph"));
  /* Only a graph on screen can be exported. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "export")),
                               g_str_equal (page, "graph"));
}

void
rwb_window_set_job (RwbWindow *self, Job *job)
{
  gboolean was_busy = self->job != NULL;

  if (self->job != NULL)
    g_cancellable_cancel (self->job->cancellable);
  self->job = job;

  if (was_busy != (job != NULL))
    {
      gtk_spinner_set_spinning (self->spinner, job != NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), job != NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->busy_label), job != NULL);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                                "cancel")),
                                   job != NULL);
      update_page (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

void
rwb_window_hide_error (RwbWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

void
rwb_window_show_error (RwbWindow *self, const char *message)
{
  g_return_if_fail (RWB_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* A debug line, not a warning: the banner is the report, and tests run with fatal warnings. */
  g_debug ("%s", message);
  /* Only extract_done() offers the replacement, right after this, for the error it is for. */
  g_clear_pointer (&self->invalid_files, g_ptr_array_unref);
  gtk_widget_set_visible (self->banner_replace_button, FALSE);
  gtk_label_set_text (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
  /* An error after an import's notes (rwb_window_show_info) looks like an error again. */
  {
    GtkWidget *banner = gtk_revealer_get_child (self->banner_revealer);
    GtkWidget *icon = banner ? gtk_widget_get_first_child (banner) : NULL;

    if (banner != NULL && gtk_widget_has_css_class (banner, "rwb-info-banner"))
      {
        gtk_widget_remove_css_class (banner, "rwb-info-banner");
        gtk_widget_add_css_class (banner, "rwb-error-banner");
        if (GTK_IS_IMAGE (icon))
          gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-error-symbolic");
      }
  }
}

/* The banner with an information icon instead of the error one: an import that went well but
 * left something out. rwb_window_show_error() turns it back. */
void
rwb_window_show_info (RwbWindow *self, const char *message)
{
  GtkWidget *banner = gtk_revealer_get_child (self->banner_revealer);
  GtkWidget *icon = banner ? gtk_widget_get_first_child (banner) : NULL;

  rwb_window_show_error (self, message);
  if (banner == NULL)
    return;
  gtk_widget_remove_css_class (banner, "rwb-error-banner");
  gtk_widget_add_css_class (banner, "rwb-info-banner");
  if (GTK_IS_IMAGE (icon))
    gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-information-symbolic");
}

static gboolean
message_timeout_cb (gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);

  self->message_timeout = 0;
  rwb_window_update_status (self);
  return G_SOURCE_REMOVE;
}

void
rwb_window_show_message (RwbWindow *self, const char *message)
{
  g_return_if_fail (RWB_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_text (self->status_label, message);
  g_clear_handle_id (&self->message_timeout, g_source_remove);
  self->message_timeout = g_timeout_add_seconds (5, message_timeout_cb, self);
}

void
rwb_window_update_status (RwbWindow *self)
{
  const RwbGraph *graph = self->graph;
  g_autofree char *entities = NULL;
  g_autofree char *relations = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *text = NULL;
  guint n_relations = 0;

  if (graph == NULL)
    {
      gtk_label_set_text (self->status_label, _("No articles open"));
      return;
    }

  /* Co-occurrences are not relations a reader would count; the status counts what the
   * extractor claims. */
  for (guint i = 0; i < graph->relations->len; i++)
    {
      const RwbRelation *relation = g_ptr_array_index (graph->relations, i);

      if (relation->type != RWB_RELATION_MENTION)
        n_relations++;
    }

  entities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities",
                                           graph->entities->len),
                              graph->entities->len);
  relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations",
                                            n_relations),
                               n_relations);
  documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                            graph->documents->len),
                               graph->documents->len);
  /* Translators: the status line: "12 entities · 20 relations · 1 document". */
  text = g_strdup_printf (_("%s · %s · %s"), entities, relations, documents);
  gtk_label_set_text (self->status_label, text);
}

/* Hands a newly shown graph to the panels. */
void
rwb_window_set_panels_graph (RwbWindow *self, RwbGraph *graph)
{
  rwb_details_panel_set_graph (self->details_panel, graph);
  rwb_article_view_set_graph (self->article_view, graph);
  rwb_entity_list_set_graph (self->entity_list, graph);
  rwb_filter_panel_set_graph (self->filter_panel, graph);
  rwb_search_bar_set_graph (self->search_bar, graph);
}

static void
layout_engine_change_state (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);
  const char *name = g_variant_get_string (value, NULL);
  RwbLayoutEngine engine;

  if (!rwb_layout_engine_from_string (name, &engine))
    return;

  g_simple_action_set_state (action, value);
  if (gtk_drop_down_get_selected (self->engine_dropdown) != (guint) engine)
    gtk_drop_down_set_selected (self->engine_dropdown, engine);

  /* Rank direction means something to dot only. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->rankdir_dropdown), engine == RWB_LAYOUT_DOT);

  if (engine == self->engine)
    return;

  self->engine = engine;
  /* The window's own pick is not saved and lays out nothing: the load that asked for it is
   * about to lay out with it. */
  if (self->picking_engine)
    return;
  self->engine_chosen = TRUE;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "layout-engine", name);
  rwb_window_relayout (self);
}

static void
rankdir_change_state (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);
  const char *name = g_variant_get_string (value, NULL);
  guint index;

  for (index = 0; index < G_N_ELEMENTS (rank_directions); index++)
    if (g_str_equal (name, rank_directions[index]))
      break;
  if (index == G_N_ELEMENTS (rank_directions))
    return;

  g_simple_action_set_state (action, value);
  if (gtk_drop_down_get_selected (self->rankdir_dropdown) != index)
    gtk_drop_down_set_selected (self->rankdir_dropdown, index);

  if (self->rankdir == rank_directions[index])
    return;
  self->rankdir = rank_directions[index];
  if (self->engine == RWB_LAYOUT_DOT)
    rwb_window_relayout (self);
}

static void
cancel_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);

  /* Cancelling the job's GCancellable kills the layout helper or stops the extraction; the
   * graph shown (if any) stays. */
  if (self->job != NULL)
    rwb_window_set_job (self, NULL);
}

static void
show_panel_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->sidebar_stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->sidebar_stack, name);
}

/* An edit (a correction, its undo) made a new graph: lay it out; the session shows it with its
 * scene. The new graph is drawn natively, even if the old one came from a Graphviz file. */
static void
on_pending_graph (RwbWindow *self)
{
  RwbGraph *pending = rwb_session_get_pending_graph (self->session);
  Job *job;

  if (pending == NULL)
    return;
  g_clear_object (&self->dot_file);
  job = rwb_window_begin_job (self, pending, TRUE);
  rwb_window_start_layout (self, job);
}

static void
update_undo_labels (RwbWindow *self)
{
  const char *undo = rwb_session_get_undo_label (self->session);
  const char *redo = rwb_session_get_redo_label (self->session);
  g_autofree char *undo_text = NULL;
  g_autofree char *redo_text = NULL;

  /* Translators: a menu item; %s is what it undoes, "Merge", "Move". */
  undo_text = undo != NULL ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: a menu item; %s is what it redoes. */
  redo_text = redo != NULL ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));
  g_menu_remove_all (self->undo_section);
  g_menu_append (self->undo_section, undo_text, "win.undo");
  g_menu_append (self->undo_section, redo_text, "win.redo");
}

static void
on_edit_error (gpointer data, const char *message)
{
  rwb_window_show_error (RWB_WINDOW (data), message);
}

/* What an analysis found, in the status line. */
static void
on_analysis_message (gpointer data, const char *message)
{
  rwb_window_show_message (RWB_WINDOW (data), message);
}

static void
on_context_menu_closed (GtkPopover *popover, RwbWindow *self)
{
  if (self->context_menu == GTK_WIDGET (popover))
    self->context_menu = NULL;
  gtk_widget_unparent (GTK_WIDGET (popover));
}

/* A right-click on the graph: what is under the pointer is selected (unless it already is), and
 * the corrections that apply to the selection pop up there. */
void
rwb_window_popup_context_menu (RwbWindow *self, double x, double y)
{
  g_autoptr (GMenuModel) model = NULL;
  gint entity = -1, relation = -1;
  GtkWidget *popover;

  g_return_if_fail (RWB_IS_WINDOW (self));

  if (!rwb_graph_view_item_at (self->graph_view, x, y, &entity, &relation))
    return;
  if (entity >= 0 && !rwb_session_is_entity_selected (self->session, entity))
    rwb_session_select_entity (self->session, entity, FALSE);
  else if (relation >= 0 && rwb_session_get_selected_relation (self->session) != relation)
    rwb_session_select_relation (self->session, relation);

  if (self->context_menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->context_menu));
  model = rwb_edit_menu_new (self->session);
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, GTK_WIDGET (self->graph_view));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (on_context_menu_closed), self);
  self->context_menu = popover;
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_secondary_click (GtkGestureClick *gesture, int n_press, double x, double y, RwbWindow *self)
{
  rwb_window_popup_context_menu (self, x, y);
}

/* win.show-mentions is the session's show-mentions property (a GPropertyAction), which the
 * settings are bound to; this follows it. */
static void
on_show_mentions_changed (RwbWindow *self)
{
  gboolean show = rwb_session_get_show_mentions (self->session);

  if (show == self->show_mentions)
    return;
  self->show_mentions = show;
  /* The co-occurrence edges are only in the scene if the layout had them. */
  rwb_window_relayout (self);
}

static void
dismiss_error_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  rwb_window_hide_error (RWB_WINDOW (user_data));
}

/* The banner's answer to invalid UTF-8: the same files again, bad bytes read as U+FFFD. */
static void
open_replacing_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);
  g_autoptr (GPtrArray) files = g_steal_pointer (&self->invalid_files);

  if (files == NULL)
    return;
  rwb_window_hide_error (self);
  gtk_widget_set_visible (self->banner_replace_button, FALSE);
  rwb_window_load_files (self, (GFile **) files->pdata, files->len, -1, RWB_TEXT_LOAD_REPLACE_INVALID);
}

static void
on_engine_selected (GtkDropDown *dropdown, GParamSpec *pspec, RwbWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected >= RWB_LAYOUT_N_ENGINES)
    return;

  /* The drop-down is one more way to change the action's state, like a menu or a test. */
  g_action_group_change_action_state (G_ACTION_GROUP (self), "layout-engine",
                                      g_variant_new_string (rwb_layout_engine_to_string (selected)));
}

static void
on_rankdir_selected (GtkDropDown *dropdown, GParamSpec *pspec, RwbWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected >= G_N_ELEMENTS (rank_directions))
    return;
  g_action_group_change_action_state (G_ACTION_GROUP (self), "rankdir",
                                      g_variant_new_string (rank_directions[selected]));
}

/* An evidence sentence clicked in the details: read it in its article. */
static void
on_evidence_activated (RwbDetailsPanel *panel, guint document, guint start, guint end,
                       RwbWindow *self)
{
  gtk_stack_set_visible_child_name (self->sidebar_stack, "article");
  rwb_article_view_show_span (self->article_view, document, start, end);
}

/* The text selected in the Article panel: evidence for a relation the user adds. */
static gboolean
article_selection (gpointer data, guint *document, guint *start, guint *end)
{
  RwbWindow *self = data;

  return rwb_article_view_get_selection (self->article_view, document, start, end);
}

/* A sentence found by the search bar: read it in its article. The span first, then the page:
 * the article view scrolls to it once its page is mapped and laid out. */
static void
on_sentence_activated (RwbSearchBar *bar, guint document, guint start, guint end,
                       RwbWindow *self)
{
  RwbGraph *graph = rwb_session_get_graph (self->session);

  if (graph == NULL || document >= graph->documents->len)
    return;
  rwb_article_view_show_span (self->article_view, document, start, end);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "article");
}

gboolean
rwb_window_get_busy (RwbWindow *self)
{
  g_return_val_if_fail (RWB_IS_WINDOW (self), FALSE);

  return self->job != NULL;
}

static void
export_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RwbWindow *self = RWB_WINDOW (user_data);
  RwbExportDialog *dialog;

  if (rwb_graph_view_get_scene (self->graph_view) == NULL)
    return;
  dialog = rwb_export_dialog_new (GTK_WINDOW (self), self->graph_view, self->filter_panel);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry win_actions[] = {
  { .name = "layout-engine", .parameter_type = "s", .state = "'dot'",
    .change_state = layout_engine_change_state },
  { .name = "dismiss-error", .activate = dismiss_error_action },
  { .name = "open-replacing", .activate = open_replacing_action },
  { .name = "rankdir", .parameter_type = "s", .state = "'LR'",
    .change_state = rankdir_change_state },
  { .name = "cancel", .activate = cancel_action },
  { .name = "show-panel", .parameter_type = "s", .activate = show_panel_action },
  { .name = "export", .activate = export_action },
  { .name = "paste", .activate = rwb_window_paste_action },
  { .name = "save-as", .activate = rwb_window_save_as_action },
};

static void
rwb_window_constructed (GObject *object)
{
  RwbWindow *self = RWB_WINDOW (object);
  /* Not gtk_window_get_application(): GObject sets that plain property only after
   * constructed() returns. The settings are per application anyway. */
  GApplication *application = g_application_get_default ();
  g_autofree char *engine_name = NULL;
  RwbLayoutEngine engine = RWB_LAYOUT_DOT;

  G_OBJECT_CLASS (rwb_window_parent_class)->constructed (object);

  if (RWB_IS_APPLICATION (application))
    g_set_object (&self->settings, rwb_application_get_settings (RWB_APPLICATION (application)));

  if (self->settings != NULL)
    {
      /* Read once and written as they change; not read again when another window writes
       * them (the settings are the application's). The default size is the unmaximized size,
       * which is what to restore. */
      const GSettingsBindFlags flags = G_SETTINGS_BIND_GET | G_SETTINGS_BIND_SET
                                       | G_SETTINGS_BIND_GET_NO_CHANGES;

      g_settings_bind (self->settings, "window-width", self, "default-width", flags);
      g_settings_bind (self->settings, "window-height", self, "default-height", flags);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", flags);
      g_settings_bind (self->settings, "show-mentions", self->session, "show-mentions", flags);
      g_settings_bind (self->settings, "legend-collapsed", self->graph_view, "legend-collapsed",
                       flags);

      engine_name = g_settings_get_string (self->settings, "layout-engine");
      if (!rwb_layout_engine_from_string (engine_name, &engine))
        engine = RWB_LAYOUT_DOT;
    }

  /* Through the actions, so the drop-down, the menu and the view all agree from the start.
   * Restoring is not choosing: only an engine the user once set (a value in the settings
   * rather than the default) overrides the pick for large graphs. */
  if (self->settings != NULL)
    {
      g_autoptr (GVariant) user_value = g_settings_get_user_value (self->settings,
                                                                   "layout-engine");
      self->engine_chosen = user_value != NULL;
    }
  self->picking_engine = TRUE;
  g_action_group_change_action_state (G_ACTION_GROUP (self), "layout-engine",
                                      g_variant_new_string (rwb_layout_engine_to_string (engine)));
  self->picking_engine = FALSE;
  if (GTK_IS_APPLICATION (application))
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.export",
                                           (const char *const[]) { "<Control>e", NULL });
  if (GTK_IS_APPLICATION (application))
    {
      static const struct { const char *action; const char *accels[3]; } accels[] = {
        { "win.undo", { "<Control>z", NULL } },
        { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
        { "win.delete", { "Delete", NULL } },
        { "win.rename::", { "F2", NULL } },
        { "win.merge", { "<Control>m", NULL } },
        { "win.paste", { "<Control>v", NULL } },
        { "win.save-as", { "<Control><Shift>s", NULL } },
        { "win.new-project", { "<Control>n", NULL } },
        { "win.export-data", { "<Control><Shift>e", NULL } },
      };

      for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
        gtk_application_set_accels_for_action (GTK_APPLICATION (application), accels[i].action,
                                               accels[i].accels);
    }
}

static void
rwb_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RwbWindow *self = RWB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, rwb_window_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rwb_window_dispose (GObject *object)
{
  RwbWindow *self = RWB_WINDOW (object);

  if (self->job != NULL)
    {
      g_cancellable_cancel (self->job->cancellable);
      self->job = NULL;
    }
  if (self->open_dialog != NULL)
    {
      gtk_native_dialog_destroy (self->open_dialog);
      g_clear_object (&self->open_dialog);
    }

  /* Someone may still hold the session; its scene must not outlive the graph it borrows. */
  if (self->session != NULL)
    rwb_session_set_scene (self->session, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RWB_TYPE_WINDOW);
  if (self->context_menu != NULL)
    {
      gtk_widget_unparent (self->context_menu);
      self->context_menu = NULL;
    }
  g_clear_object (&self->session);
  g_clear_pointer (&self->graph, rwb_graph_unref);
  g_clear_object (&self->dot_file);
  g_clear_pointer (&self->invalid_files, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_handle_id (&self->message_timeout, g_source_remove);

  G_OBJECT_CLASS (rwb_window_parent_class)->dispose (object);
}

static void
rwb_window_class_init (RwbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rwb_window_constructed;
  object_class->dispose = rwb_window_dispose;
  object_class->get_property = rwb_window_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RWB_TYPE_GRAPH_VIEW);
  g_type_ensure (RWB_TYPE_SEARCH_BAR);
  g_type_ensure (RWB_TYPE_DETAILS_PANEL);
  g_type_ensure (RWB_TYPE_ARTICLE_VIEW);
  g_type_ensure (RWB_TYPE_ENTITY_LIST);
  g_type_ensure (RWB_TYPE_FILTER_PANEL);
  g_type_ensure (RWB_TYPE_CORRECTIONS_PANEL);
  g_type_ensure (RWB_TYPE_ARTICLES_PANEL);
  g_type_ensure (RWB_TYPE_TIMELINE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rawabit/Rawabit/rwb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, engine_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, banner_replace_button);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, graph_view);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, busy_label);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, rankdir_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, details_panel);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, entity_list);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, filter_panel);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, corrections_panel);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, articles_panel);
  gtk_widget_class_bind_template_child (widget_class, RwbWindow, timeline_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_engine_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_rankdir_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sentence_activated);
}

static void
rwb_window_init (RwbWindow *self)
{
  g_autoptr (GtkStringList) engines = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) directions = gtk_string_list_new (NULL);
  g_autoptr (GPropertyAction) search = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "cancel")),
                               FALSE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "export")),
                               FALSE);
  search = g_property_action_new ("search", self->search_bar, "search-mode-enabled");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (search));
  /* The view first: it must know of a new scene before any panel asks it about one. */
  self->session = rwb_session_new ();
  rwb_graph_view_set_session (self->graph_view, self->session);
  rwb_details_panel_set_session (self->details_panel, self->session);
  rwb_article_view_set_session (self->article_view, self->session);
  rwb_entity_list_set_session (self->entity_list, self->session);
  rwb_filter_panel_set_session (self->filter_panel, self->session);
  rwb_corrections_panel_set_session (self->corrections_panel, self->session);
  rwb_articles_panel_set_session (self->articles_panel, self->session);
  rwb_timeline_bar_set_session (self->timeline_bar, self->session);
  rwb_search_bar_set_session (self->search_bar, self->session);
  rwb_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->graph_view));
  {
    g_autoptr (GPropertyAction) mentions = g_property_action_new ("show-mentions", self->session,
                                                                  "show-mentions");
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (mentions));
  }
  g_signal_connect_swapped (self->session, "notify::show-mentions",
                            G_CALLBACK (on_show_mentions_changed), self);
  g_signal_connect_swapped (self->session, "notify::pending-graph",
                            G_CALLBACK (on_pending_graph), self);
  g_signal_connect_swapped (self->session, "notify::undo-label",
                            G_CALLBACK (update_undo_labels), self);
  g_signal_connect_swapped (self->session, "notify::redo-label",
                            G_CALLBACK (update_undo_labels), self);
  rwb_edit_actions_add (G_ACTION_MAP (self), self->session, GTK_WINDOW (self), on_edit_error,
                        self);
  rwb_edit_actions_set_evidence_func (G_ACTION_MAP (self), article_selection, self);
  rwb_analysis_actions_add (G_ACTION_MAP (self), self->session, self->graph_view,
                            GTK_WINDOW (self), on_analysis_message, self);
  update_undo_labels (self);
  rwb_project_actions_add (self, self->session, self->recent_section);
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (rwb_window_on_drop), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click), self);
    /* The Menu key on a focused node. */
    g_signal_connect_swapped (self->graph_view, "context-menu",
                              G_CALLBACK (rwb_window_popup_context_menu), self);
    gtk_widget_add_controller (GTK_WIDGET (self->graph_view), GTK_EVENT_CONTROLLER (click));
  }

  /* Item i is rank_directions[i]; named by where the edges point. */
  gtk_string_list_append (directions, _("Left to Right"));
  gtk_string_list_append (directions, _("Top to Bottom"));
  gtk_string_list_append (directions, _("Right to Left"));
  gtk_string_list_append (directions, _("Bottom to Top"));
  gtk_drop_down_set_model (self->rankdir_dropdown, G_LIST_MODEL (directions));
  gtk_drop_down_set_selected (self->rankdir_dropdown, 0);
  self->rankdir = rank_directions[0];

  /* Filled from the core so the list and rwb_layout_engine_from_string() cannot disagree;
   * item i is engine i. */
  for (guint i = 0; i < RWB_LAYOUT_N_ENGINES; i++)
    gtk_string_list_append (engines, rwb_layout_engine_to_string (i));
  gtk_drop_down_set_model (self->engine_dropdown, G_LIST_MODEL (engines));
  gtk_drop_down_set_selected (self->engine_dropdown, RWB_LAYOUT_DOT);
  self->engine = RWB_LAYOUT_DOT;

  rwb_window_update_status (self);
}

RwbWindow *
rwb_window_new (RwbApplication *application)
{
  g_return_val_if_fail (RWB_IS_APPLICATION (application), NULL);

  return g_object_new (RWB_TYPE_WINDOW, "application", application, NULL);
}
