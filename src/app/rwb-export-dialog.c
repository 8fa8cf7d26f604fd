/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-export-dialog.c — the Export dialog.
 *
 * The dialog only turns its widgets and the view's state into RwbExportOptions; the core's
 * rwb_render_export_async() draws and writes in a worker thread on copies of the scene and the
 * options, so a big graph never blocks the window, and the file is the one `rawabit-cli render`
 * writes for the same options.
 */
#define G_LOG_DOMAIN "rawabit-export"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rwb-bidi.h"
#include "rwb-export-dialog.h"
#include "rwb-window.h"

struct _RwbExportDialog
{
  GtkWindow parent_instance;

  /* Template children */
  GtkWidget *export_button;
  GtkSpinner *spinner;
  GtkLabel *file_label;
  GtkDropDown *format_dropdown;
  GtkCheckButton *scope_whole;
  GtkCheckButton *scope_visible;
  GtkCheckButton *scope_selection;
  GtkWidget *scale_label;
  GtkSpinButton *scale_spin;
  GtkCheckButton *page_fit_check;
  GtkCheckButton *transparent_check;
  GtkCheckButton *legend_check;
  GtkEntry *title_entry;
  GtkLabel *size_label;

  RwbGraphView *view;           /* strong references */
  RwbSession *session;          /* the view's: what is shown and selected */
  RwbFilterPanel *filters;
  GtkWindow *parent;            /* weak: the window outlives its modal dialog */
  GFile *file;
  GArray *selection;            /* guint entity indices, what get_options() hands out */
  gboolean *hidden_entities;    /* what get_options() hands out */
  gboolean *hidden_relations;
  GCancellable *cancellable;    /* of the running export, or NULL */
  GtkNativeDialog *chooser;
};

G_DEFINE_FINAL_TYPE (RwbExportDialog, rwb_export_dialog, GTK_TYPE_WINDOW)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const extensions[] = { "png", "svg", "pdf" };

static RwbImageFormat
selected_format (RwbExportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->format_dropdown);
  return selected <= RWB_IMAGE_PDF ? (RwbImageFormat) selected : RWB_IMAGE_PNG;
}

void
rwb_export_dialog_get_options (RwbExportDialog *self, RwbExportOptions *options)
{
  g_return_if_fail (RWB_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  rwb_export_options_init (options);
  options->format = selected_format (self);
  if (gtk_check_button_get_active (self->scope_selection)
      && gtk_widget_get_sensitive (GTK_WIDGET (self->scope_selection)))
    options->scope = RWB_EXPORT_SELECTION;
  else if (gtk_check_button_get_active (self->scope_visible))
    options->scope = RWB_EXPORT_VISIBLE;

  if (options->scope == RWB_EXPORT_VISIBLE)
    {
      RwbViewport viewport;
      int width = gtk_widget_get_width (GTK_WIDGET (self->view));
      int height = gtk_widget_get_height (GTK_WIDGET (self->view));

      rwb_graph_view_get_viewport (self->view, &viewport);
      if (viewport.scale > 0)
        options->visible = (RwbRect) { viewport.origin_x, viewport.origin_y,
                                       width / viewport.scale, height / viewport.scale };
    }

  g_clear_pointer (&self->selection, g_array_unref);
  self->selection = rwb_session_get_selected_entities (self->session);
  if (options->scope == RWB_EXPORT_SELECTION)
    {
      options->selection = (const guint *) self->selection->data;
      options->n_selection = self->selection->len;
    }

  /* Vector formats are drawn in points: scale is a PNG setting. */
  options->scale = options->format == RWB_IMAGE_PNG ? gtk_spin_button_get_value (self->scale_spin)
                                                    : 1.0;
  options->page_fit = options->format == RWB_IMAGE_PDF
                      && gtk_check_button_get_active (self->page_fit_check);
  options->transparent = gtk_check_button_get_active (self->transparent_check);
  /* Light whatever the desktop: an exported picture goes on paper and into documents. */
  options->dark = FALSE;
  options->show_mentions = rwb_session_get_show_mentions (self->session);
  options->legend = gtk_check_button_get_active (self->legend_check);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  options->title = title && *title ? title : NULL;

  const RwbScene *scene = rwb_session_get_scene (self->session);
  /* What the session hides: the filters' and what the timeline's date does not know yet. */
  g_clear_pointer (&self->hidden_entities, g_free);
  g_clear_pointer (&self->hidden_relations, g_free);
  if (scene != NULL && scene->graph == rwb_session_get_graph (self->session))
    {
      guint ne = scene->graph->entities->len, nr = scene->graph->relations->len;

      self->hidden_entities = g_new (gboolean, ne + 1);
      self->hidden_relations = g_new (gboolean, nr + 1);
      for (guint i = 0; i < ne; i++)
        self->hidden_entities[i] = rwb_session_entity_hidden (self->session, i);
      for (guint i = 0; i < nr; i++)
        self->hidden_relations[i] = rwb_session_relation_hidden (self->session, i);
      options->hidden_entities = self->hidden_entities;
      options->n_hidden_entities = ne;
      options->hidden_relations = self->hidden_relations;
      options->n_hidden_relations = nr;
    }
}

static void
update_file_label (RwbExportDialog *self)
{
  g_autofree char *name = self->file ? g_file_get_parse_name (self->file) : NULL;

  gtk_label_set_text (self->file_label, name ? name : _("(none)"));
}

/* Shows the size the file will have, and what applies to the format. */
static void
update_size (RwbExportDialog *self)
{
  RwbExportOptions options;
  const RwbScene *scene = rwb_session_get_scene (self->session);
  g_autoptr (GError) error = NULL;
  double width, height;
  RwbImageFormat format = selected_format (self);

  gtk_widget_set_visible (self->scale_label, format == RWB_IMAGE_PNG);
  gtk_widget_set_visible (GTK_WIDGET (self->scale_spin), format == RWB_IMAGE_PNG);
  gtk_widget_set_visible (GTK_WIDGET (self->page_fit_check), format == RWB_IMAGE_PDF);

  rwb_export_dialog_get_options (self, &options);
  if (scene == NULL)
    gtk_label_set_text (self->size_label, _("Nothing to export"));
  else if (!rwb_export_get_size (scene, &options, &width, &height, &error))
    gtk_label_set_text (self->size_label, error->message);
  else
    {
      g_autofree char *text = NULL;

      if (format == RWB_IMAGE_PNG)
        /* Translators: the size of the image to export. */
        text = g_strdup_printf (_("%.0f × %.0f pixels"), width, height);
      else
        text = g_strdup_printf (_("%.0f × %.0f points"), width, height);
      gtk_label_set_text (self->size_label, text);
    }
}

static void
on_option_changed (RwbExportDialog *self)
{
  update_size (self);
}

static void
on_format_selected (RwbExportDialog *self)
{
  RwbImageFormat format = selected_format (self);

  /* The file follows the format: graph.png becomes graph.svg. */
  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      char *dot = strrchr (basename, '.');
      g_autoptr (GFile) parent = g_file_get_parent (self->file);
      g_autofree char *renamed = NULL;

      if (dot != NULL)
        *dot = '\0';
      renamed = g_strconcat (basename, ".", extensions[format], NULL);
      if (parent != NULL)
        {
          g_autoptr (GFile) file = g_file_get_child (parent, renamed);
          g_set_object (&self->file, file);
          update_file_label (self);
        }
    }
  update_size (self);
}

void
rwb_export_dialog_set_file (RwbExportDialog *self, GFile *file)
{
  g_return_if_fail (RWB_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  update_file_label (self);

  g_autofree char *basename = g_file_get_basename (file);
  const char *dot = basename ? strrchr (basename, '.') : NULL;
  RwbImageFormat format;
  if (dot != NULL)
    {
      g_autofree char *ext = g_ascii_strdown (dot + 1, -1);
      if (rwb_image_format_from_string (ext, &format)
          && format != selected_format (self))
        gtk_drop_down_set_selected (self->format_dropdown, format);
    }
}

GFile *
rwb_export_dialog_get_file (RwbExportDialog *self)
{
  g_return_val_if_fail (RWB_IS_EXPORT_DIALOG (self), NULL);

  return self->file;
}

static void
on_chooser_response (GtkNativeDialog *chooser, int response, RwbExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        rwb_export_dialog_set_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_clicked (RwbExportDialog *self)
{
  GtkFileChooserNative *native;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }
  native = gtk_file_chooser_native_new (_("Export Image"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (self->file != NULL)
    {
      g_autoptr (GFile) parent = g_file_get_parent (self->file);
      g_autofree char *basename = g_file_get_basename (self->file);
      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), parent, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), basename);
    }
  self->chooser = GTK_NATIVE_DIALOG (native);
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (self->chooser);
}

static void
set_busy (RwbExportDialog *self, gboolean busy)
{
  gtk_widget_set_sensitive (self->export_button, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
export_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RwbExportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean ok = rwb_render_export_finish (result, &error);
  GtkWindow *parent = self->parent;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  /* Closed while it worked: the file may be written, but nobody is waiting for it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, FALSE);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, ok);
  if (!ok)
    {
      /* Translators: %s says why, e.g. "Permission denied". */
      g_autofree char *message = g_strdup_printf (_("Could not export the image: %s"),
                                                  error->message);
      if (RWB_IS_WINDOW (parent))
        rwb_window_show_error (RWB_WINDOW (parent), message);
      else
        gtk_label_set_text (self->size_label, message);
      return;
    }

  if (RWB_IS_WINDOW (parent))
    {
      g_autofree char *name = g_file_get_basename (self->file);
      /* Translators: %s is a file name. */
      g_autofree char *isolated = rwb_bidi_isolate (name);
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), isolated);
      rwb_window_show_message (RWB_WINDOW (parent), message);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

void
rwb_export_dialog_export (RwbExportDialog *self)
{
  RwbExportOptions options;
  const RwbScene *scene;

  g_return_if_fail (RWB_IS_EXPORT_DIALOG (self));

  if (self->cancellable != NULL)
    return;
  scene = rwb_session_get_scene (self->session);
  if (scene == NULL || self->file == NULL)
    {
      const char *message = scene == NULL ? _("There is no graph to export")
                                          : _("Choose a file to export to");
      if (RWB_IS_WINDOW (self->parent))
        rwb_window_show_error (RWB_WINDOW (self->parent), message);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, FALSE);
      return;
    }

  g_autofree char *path = g_file_get_path (self->file);
  if (path == NULL)
    {
      if (RWB_IS_WINDOW (self->parent))
        rwb_window_show_error (RWB_WINDOW (self->parent),
                               _("Images can only be exported to local files"));
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, FALSE);
      return;
    }

  rwb_export_dialog_get_options (self, &options);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  /* The core copies the scene and the options: the view may change while the thread draws. */
  rwb_render_export_async (scene, &options, path, self->cancellable, export_done,
                           g_object_ref (self));
}

static void
on_export_clicked (RwbExportDialog *self)
{
  rwb_export_dialog_export (self);
}

static void
update_selection_scope (RwbExportDialog *self)
{
  g_autoptr (GArray) selected = rwb_session_get_selected_entities (self->session);
  gboolean any = selected->len > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_selection), any);
  if (!any && gtk_check_button_get_active (self->scope_selection))
    gtk_check_button_set_active (self->scope_whole, TRUE);
  update_size (self);
}

static void
rwb_export_dialog_dispose (GObject *object)
{
  RwbExportDialog *self = RWB_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RWB_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->view);
  g_clear_object (&self->filters);
  g_clear_pointer (&self->hidden_entities, g_free);
  g_clear_pointer (&self->hidden_relations, g_free);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->selection, g_array_unref);
  if (self->parent != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
      self->parent = NULL;
    }

  G_OBJECT_CLASS (rwb_export_dialog_parent_class)->dispose (object);
}

static void
rwb_export_dialog_class_init (RwbExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rwb_export_dialog_dispose;

  /**
   * RwbExportDialog::finished:
   * @ok: whether the file was written
   *
   * An export started by rwb_export_dialog_export() ended.
   */
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rawabit/Rawabit/rwb-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RwbExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, RwbExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RwbExportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, RwbExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RwbExportDialog, scope_whole);
  gtk_widget_class_bind_template_child (widget_class, RwbExportDialog, scope_visible);
  gtk_widget_class_bind_template_child (widget_class, RwbExportDialog, scope_selection);
  gtk_widget_class_bind_template_child (widget_class, RwbExportDialog, scale_label);
  gtk_widget_class_bind_template_child (widget_class, RwbExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, RwbExportDialog, page_fit_check);
  gtk_widget_class_bind_template_child (widget_class, RwbExportDialog, transparent_check);
  gtk_widget_class_bind_template_child (widget_class, RwbExportDialog, legend_check);
  gtk_widget_class_bind_template_child (widget_class, RwbExportDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, RwbExportDialog, size_label);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_format_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rwb_export_dialog_init (RwbExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RwbExportDialog *
rwb_export_dialog_new (GtkWindow *parent, RwbGraphView *view, RwbFilterPanel *filters)
{
  RwbExportDialog *self;
  const char *pictures = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES);
  g_autoptr (GFile) file = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (view), NULL);
  g_return_val_if_fail (filters == NULL || RWB_IS_FILTER_PANEL (filters), NULL);

  self = g_object_new (RWB_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->parent = parent;
  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);
  self->view = g_object_ref (view);
  self->session = g_object_ref (rwb_graph_view_get_session (view));
  self->filters = filters ? g_object_ref (filters) : NULL;
  /* The legend on screen is a help for reading the view, not part of the picture: an image
   * has one only when the user ticks the box (as `rawabit-cli render` only with --legend). */
  gtk_check_button_set_active (self->legend_check, FALSE);

  file = g_file_new_build_filename (pictures ? pictures : g_get_home_dir (), "graph.png", NULL);
  rwb_export_dialog_set_file (self, file);
  g_signal_connect_swapped (self->session, "selection-changed",
                            G_CALLBACK (update_selection_scope), self);
  update_selection_scope (self);
  return self;
}
