/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-data-export.c — Export Data…: what the window shows, as a graph file.
 *
 * "What is shown" is the session's (rwb_session_dup_shown): the graph as of the timeline's
 * date, without what the filters hide, placed where the view draws it (the session's scene, with
 * the positions the user dragged entities to). The writers are the core's, the ones
 * `rawabit-cli convert` uses, so a file from the window and one from the command line agree
 * byte for byte. The formats offered are those the core can name (rwb_format_from_string), so a
 * format the core learns appears here without a change; a name the chooser forgets to end is
 * given the format's extension (rwb_format_extension: .cyjs for Cytoscape.js). The file chooser
 * confirms replacing a file; a read-only file is refused by the writer and asked about here.
 */
#define G_LOG_DOMAIN "rawabit-data-export"

#include "rwb-config.h"

#include <glib/gi18n.h>

#include "rwb-bidi.h"
#include "rwb-data-export.h"
#include "rwb-window.h"

/* In the order offered; those the core does not write are skipped. */
static const struct
{
  const char *ext;
  const char *label;
} candidates[] = {
  { "json", N_("Rawabit JSON (articles, evidence)") },
  { "graphml", N_("GraphML") },
  { "gexf", N_("GEXF (Gephi)") },
  { "cytoscape", N_("Cytoscape.js JSON (web pages)") },
  { "csv", N_("CSV (a folder: nodes.csv, edges.csv)") },
  { "dot", N_("Graphviz DOT") },
};

static guint
available (guint *index, guint n)
{
  guint k = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      RwbFormat format;

      if (!rwb_format_from_string (candidates[i].ext, &format))
        continue;
      if (index != NULL && k < n)
        index[k] = i;
      k++;
    }
  return k;
}

guint
rwb_data_export_n_formats (void)
{
  return available (NULL, 0);
}

static gint
candidate (guint i)
{
  guint index[G_N_ELEMENTS (candidates)];
  guint n = available (index, G_N_ELEMENTS (candidates));

  return i < n ? (gint) index[i] : -1;
}

const char *
rwb_data_export_format (guint i, RwbFormat *format)
{
  gint c = candidate (i);

  g_return_val_if_fail (c >= 0, NULL);
  if (format != NULL)
    rwb_format_from_string (candidates[c].ext, format);
  return candidates[c].ext;
}

const char *
rwb_data_export_format_label (guint i)
{
  gint c = candidate (i);

  g_return_val_if_fail (c >= 0, NULL);
  return _(candidates[c].label);
}

gboolean
rwb_data_export_write (RwbSession *session, GFile *file, RwbFormat format,
                       gboolean overwrite_read_only, GError **error)
{
  g_autoptr (RwbGraph) graph = NULL;
  g_autoptr (RwbScene) scene = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RWB_IS_SESSION (session), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* With the scene of what is shown, so a file that carries positions (GraphML for yEd, GEXF,
   * Cytoscape.js, DOT, CSV) places each entity where the view does, dragged ones included. */
  graph = rwb_session_dup_shown (session, &scene);
  if (graph == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no graph to export"));
      return FALSE;
    }
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Export to a local file"));
      return FALSE;
    }
  return rwb_formats_write_full (graph, scene, format, path,
                                 overwrite_read_only ? RWB_SAVE_OVERWRITE_READ_ONLY
                                                     : RWB_SAVE_DEFAULT,
                                 error);
}

typedef struct
{
  GtkWindow *parent;
  RwbSession *session;
  GFile *file;
  RwbFormat format;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->session);
  g_clear_object (&data->file);
  g_free (data);
}

static void
save_data_closure_free (gpointer data, GClosure *closure)
{
  save_data_free (data);
}

static void
report (GtkWindow *parent, GFile *file, gboolean ok, const GError *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *isolated = rwb_bidi_isolate (name);
  g_autofree char *text = NULL;

  if (!RWB_IS_WINDOW (parent))
    return;
  if (ok)
    {
      /* Translators: %s is a file name. */
      text = g_strdup_printf (_("Exported to “%s”"), isolated);
      rwb_window_show_message (RWB_WINDOW (parent), text);
    }
  else
    {
      /* Translators: %s is a file name; an error message follows. */
      text = g_strdup_printf (_("Could not export to “%s”: %s"), isolated, error->message);
      rwb_window_show_error (RWB_WINDOW (parent), text);
    }
}

static void
on_read_only_response (GtkDialog *dialog, int response, SaveData *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GError) error = NULL;
      gboolean ok = rwb_data_export_write (data->session, data->file, data->format, TRUE, &error);

      report (data->parent, data->file, ok, error);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
rwb_data_export_save (GtkWindow *parent, RwbSession *session, GFile *file, RwbFormat format)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (RWB_IS_SESSION (session));
  g_return_if_fail (G_IS_FILE (file));

  ok = rwb_data_export_write (session, file, format, FALSE, &error);
  if (!ok && g_error_matches (error, RWB_SAVE_ERROR, RWB_SAVE_ERROR_READ_ONLY))
    {
      g_autofree char *name = g_file_get_basename (file);
      SaveData *data = g_new0 (SaveData, 1);
      GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL
                                                  | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                  GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                                  _("“%s” is read-only. Replace it?"), name);

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                                _("The file is write-protected; replacing it "
                                                  "keeps its permissions."));
      gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                              _("_Replace"), GTK_RESPONSE_ACCEPT, NULL);
      gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
      gtk_widget_add_css_class (
        gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
        "destructive-action");
      gtk_widget_set_name (dialog, "rwb-read-only-question");
      data->parent = g_object_ref (parent);
      data->session = g_object_ref (session);
      data->file = g_object_ref (file);
      data->format = format;
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_read_only_response), data,
                             save_data_closure_free, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  report (parent, file, ok, error);
}

static void
on_chooser_response (GtkNativeDialog *chooser, int response, SaveData *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");
      RwbFormat format;
      g_autofree char *path = chosen ? g_file_get_path (chosen) : NULL;

      if (chosen != NULL && path != NULL)
        {
          /* A name with a format's extension says which; else the choice does, and gives
           * the name its extension (CSV is a folder: no extension). */
          if (!rwb_format_from_path (path, &format))
            {
              if (choice == NULL || !rwb_format_from_string (choice, &format))
                format = RWB_FORMAT_JSON;
              if (format != RWB_FORMAT_CSV)
                {
                  g_autofree char *with_ext = g_strconcat (path, ".",
                                                           rwb_format_extension (format), NULL);

                  g_clear_object (&chosen);
                  chosen = g_file_new_for_path (with_ext);
                }
            }
          rwb_data_export_save (data->parent, data->session, chosen, format);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  save_data_free (data);
}

void
rwb_data_export_show (GtkWindow *parent, RwbSession *session)
{
  GtkFileChooserNative *chooser;
  SaveData *data;
  guint n = rwb_data_export_n_formats ();
  g_autofree const char **ids = g_new0 (const char *, n + 1);
  g_autofree const char **labels = g_new0 (const char *, n + 1);

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (RWB_IS_SESSION (session));

  for (guint i = 0; i < n; i++)
    {
      ids[i] = rwb_data_export_format (i, NULL);
      labels[i] = rwb_data_export_format_label (i);
    }
  chooser = gtk_file_chooser_native_new (_("Export Data"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", "json");
  /* Translators: the file name Export Data proposes. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("graph.json"));
  data = g_new0 (SaveData, 1);
  data->parent = g_object_ref (parent);
  data->session = g_object_ref (session);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
