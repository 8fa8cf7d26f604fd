/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-project-actions.c — New Project…, Open Recent, Add Folder…, Export Data….
 *
 * Each is a `win.` action (menus, shortcuts and tests share it) over the window's public calls:
 * a new project is created empty and opened like any other; Add Folder hands the folder to
 * rwb_window_add_articles, which reads it off the UI thread with progress and Cancel. Recent
 * projects are GtkRecentManager's items that end in .rawabit and still exist.
 */
#define G_LOG_DOMAIN "rawabit-project-actions"

#include "rwb-config.h"

#include <glib/gi18n.h>

#include "rwb-data-export.h"
#include "rwb-project-actions.h"

#define MAX_RECENT 8

typedef struct
{
  RwbWindow *window;            /* weak: the data lives as long as the window */
  RwbSession *session;          /* the window's */
  GMenu *recent_menu;
  GtkRecentManager *recent;
} Actions;

static void
actions_free (Actions *actions)
{
  g_signal_handlers_disconnect_by_data (actions->recent, actions);
  g_signal_handlers_disconnect_by_data (actions->session, actions);
  g_clear_object (&actions->recent_menu);
  g_clear_object (&actions->session);
  g_free (actions);
}

gboolean
rwb_window_new_project (RwbWindow *window, GFile *file, GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr (RwbProject) project = NULL;

  g_return_val_if_fail (RWB_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A project must be a local file"));
      return FALSE;
    }
  project = rwb_project_create (path, error);
  if (project == NULL || !rwb_project_close (project, error))
    return FALSE;
  return rwb_window_open_project (window, file, error);
}

static void
on_new_response (GtkNativeDialog *chooser, int response, Actions *actions)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GError) error = NULL;
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL && !g_str_has_suffix (path, RWB_PROJECT_SUFFIX))
        {
          g_autofree char *named = g_strconcat (path, RWB_PROJECT_SUFFIX, NULL);

          g_clear_object (&file);
          file = g_file_new_for_path (named);
        }
      /* The chooser asked before replacing: a new project replaces the file. */
      if (file != NULL && path != NULL && g_file_query_exists (file, NULL))
        {
          g_autofree char *target = g_file_get_path (file);

          if (rwb_project_file_is_project (target))
            {
              /* Never delete a project another window works in. */
              g_autoptr (RwbProject) open = rwb_project_open (target, 0, &error);

              if (open == NULL)
                {
                  rwb_window_show_error (actions->window, error->message);
                  goto out;
                }
              rwb_project_close (open, NULL);
            }
          g_file_delete (file, NULL, NULL);
        }
      if (file != NULL && !rwb_window_new_project (actions->window, file, &error))
        rwb_window_show_error (actions->window, error->message);
    }
out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
new_project_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  Actions *actions = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("New Project"), GTK_WINDOW (actions->window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Rawabit Projects"));
  gtk_file_filter_add_suffix (filter, "rawabit");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name New Project proposes; keep the .rawabit extension. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled.rawabit"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_response), actions);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_folder_response (GtkNativeDialog *chooser, int response, Actions *actions)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        rwb_window_add_articles (actions->window, &folder, 1);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_folder_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  Actions *actions = user_data;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Add a Folder of Articles"),
                                         GTK_WINDOW (actions->window),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Add"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_response), actions);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_data_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  Actions *actions = user_data;

  rwb_data_export_show (GTK_WINDOW (actions->window), actions->session);
}

static void
open_recent_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  Actions *actions = user_data;
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autoptr (GError) error = NULL;

  if (!rwb_window_open_project (actions->window, file, &error))
    rwb_window_show_error (actions->window, error->message);
}

static gint
newest_first (gconstpointer a, gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (tb, ta);
}

static void
update_recent (Actions *actions)
{
  GList *items = gtk_recent_manager_get_items (actions->recent);
  guint n = 0;

  g_menu_remove_all (actions->recent_menu);
  items = g_list_sort (items, newest_first);
  for (GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr (GFile) file = NULL;
      g_autoptr (GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (!g_str_has_suffix (uri, RWB_PROJECT_SUFFIX) || !gtk_recent_info_exists (info))
        continue;
      file = g_file_new_for_uri (uri);
      label = g_file_get_basename (file);
      /* Underscores in a file name are not mnemonics. */
      {
        g_autofree char *escaped = NULL;
        char **parts = g_strsplit (label, "_", -1);

        escaped = g_strjoinv ("__", parts);
        g_strfreev (parts);
        item = g_menu_item_new (escaped, NULL);
      }
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (uri));
      g_menu_append_item (actions->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
update_export_enabled (Actions *actions)
{
  GAction *export = g_action_map_lookup_action (G_ACTION_MAP (actions->window), "export-data");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (export),
                               rwb_session_get_graph (actions->session) != NULL);
}

static const GActionEntry entries[] = {
  { .name = "new-project", .activate = new_project_action },
  { .name = "add-folder", .activate = add_folder_action },
  { .name = "export-data", .activate = export_data_action },
  { .name = "open-recent", .parameter_type = "s", .activate = open_recent_action },
};

void
rwb_project_actions_add (RwbWindow *window, RwbSession *session, GMenu *recent_menu)
{
  Actions *actions;

  g_return_if_fail (RWB_IS_WINDOW (window));
  g_return_if_fail (RWB_IS_SESSION (session));
  g_return_if_fail (G_IS_MENU (recent_menu));

  actions = g_new0 (Actions, 1);
  actions->window = window;
  actions->session = g_object_ref (session);
  actions->recent_menu = g_object_ref (recent_menu);
  actions->recent = gtk_recent_manager_get_default ();
  g_object_set_data_full (G_OBJECT (window), "rwb-project-actions", actions,
                          (GDestroyNotify) actions_free);
  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries),
                                   actions);
  g_signal_connect_swapped (actions->recent, "changed", G_CALLBACK (update_recent), actions);
  g_signal_connect_swapped (session, "graph-changed", G_CALLBACK (update_export_enabled),
                            actions);
  update_recent (actions);
  update_export_enabled (actions);
}
