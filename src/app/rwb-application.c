/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-application.c — application-wide actions, settings and the shared lexicon. */
#define G_LOG_DOMAIN "rawabit-app"

#include "rwb-config.h"

#include <glib/gi18n.h>

#include "rwb-app-resources.h"
#include "rwb-application.h"
#include "rwb-project.h"
#include "rwb-window.h"

struct _RwbApplication
{
  GtkApplication parent_instance;

  GSettings *settings;

  /* Loaded by the first extraction thread that needs it and shared by all later ones, so
   * opening a second article does not parse the lexicon files again. */
  GMutex lexicon_lock;
  RwbLexicon *lexicon;
};

G_DEFINE_FINAL_TYPE (RwbApplication, rwb_application, GTK_TYPE_APPLICATION)

static RwbWindow *
get_or_create_window (RwbApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (RWB_IS_WINDOW (window))
    return RWB_WINDOW (window);

  return rwb_window_new (self);
}

static void
open_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RwbWindow *window = get_or_create_window (RWB_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  rwb_window_show_open_dialog (window);
}

static void
quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_autoptr (GList) windows = NULL;

  /* Closing (rather than destroying) lets every window save its size; the application ends
   * when the last one is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  static const char *authors[] = { "The Rawabit authors", NULL };

  gtk_show_about_dialog (parent,
                         "program-name", _("Rawabit"),
                         "logo-icon-name", RWB_APP_ID,
                         "version", RWB_VERSION,
                         "comments", _("Draws the companies, people and places in news articles "
                                       "and how they are related"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         /* Translators: your names, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "open", .activate = open_action },
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
};

static void
rwb_application_startup (GApplication *application)
{
  RwbApplication *self = RWB_APPLICATION (application);
  g_autoptr (GtkCssProvider) css = NULL;
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };

  G_APPLICATION_CLASS (rwb_application_parent_class)->startup (application);

  /* Only for checking the mirrored layout without switching the whole session's locale. */
  if (g_strcmp0 (g_getenv ("RAWABIT_FORCE_RTL"), "1") == 0)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);

  /* GtkApplication loads gtk/help-overlay.ui from the resource base path by itself, but not
   * CSS. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/rawabit/Rawabit/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
rwb_application_activate (GApplication *application)
{
  RwbApplication *self = RWB_APPLICATION (application);
  gboolean first = !RWB_IS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (self)));
  RwbWindow *window = get_or_create_window (self);
  GSettings *settings = rwb_application_get_settings (self);

  gtk_window_present (GTK_WINDOW (window));
  /* Started without files: the project worked in last, as it was last written. */
  if (first && settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (settings, "last-project");
      g_autoptr (GError) error = NULL;

      if (*last != '\0' && rwb_project_file_is_project (last))
        {
          g_autoptr (GFile) file = g_file_new_for_path (last);

          if (!rwb_window_open_project (window, file, &error))
            rwb_window_show_error (window, error->message);
        }
    }
}

static void
rwb_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  RwbWindow *window = get_or_create_window (RWB_APPLICATION (application));

  if (n_files > 0)
    rwb_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
rwb_application_finalize (GObject *object)
{
  RwbApplication *self = RWB_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->lexicon, rwb_lexicon_free);
  g_mutex_clear (&self->lexicon_lock);

  G_OBJECT_CLASS (rwb_application_parent_class)->finalize (object);
}

static void
rwb_application_class_init (RwbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rwb_application_finalize;
  app_class->startup = rwb_application_startup;
  app_class->activate = rwb_application_activate;
  app_class->open = rwb_application_open;

  /* Referencing the resource keeps its object file (and the constructor that registers it) in
   * programs that link the app as a static library, like the GUI tests. */
  (void) rwb_app_get_resource ();
}

static void
rwb_application_init (RwbApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  g_mutex_init (&self->lexicon_lock);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, RWB_APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
  else
    g_message ("GSettings schema %s not found; settings will not be saved", RWB_APP_ID);
}

RwbApplication *
rwb_application_new (void)
{
  RwbApplication *app = g_object_new (RWB_TYPE_APPLICATION,
                                      "application-id", RWB_APP_ID,
                                      "flags", G_APPLICATION_HANDLES_OPEN,
                                      "resource-base-path", "/io/github/rawabit/Rawabit",
                                      NULL);
  /* `rawabit --help` names what it opens. */
  g_application_set_option_context_parameter_string (G_APPLICATION (app), _("[FILE…]"));
  g_application_set_option_context_summary (
    G_APPLICATION (app), _("Open news articles (text or HTML), Rawabit projects or graph files "
                           "(DOT, GraphML, GEXF, Rawabit JSON) and explore their knowledge "
                           "graph."));
  return app;
}

RwbLexicon *
rwb_application_get_lexicon (RwbApplication *self, GError **error)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (RWB_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->lexicon_lock);
  if (self->lexicon == NULL)
    self->lexicon = rwb_lexicon_new_default (NULL, error);

  return self->lexicon;
}

GSettings *
rwb_application_get_settings (RwbApplication *self)
{
  g_return_val_if_fail (RWB_IS_APPLICATION (self), NULL);

  return self->settings;
}
