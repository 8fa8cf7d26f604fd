/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rtl.c — the window under an Arabic locale (LANGUAGE=ar): translated, and mirrored as GTK
 * does it from the locale — the header bar's end (the main menu) on the left, the side panel
 * left of the graph. Saves the window as rtl-ar.png.
 *
 * Runs under xvfb-run (see meson.build), with the catalogues of the build (RAWABIT_LOCALEDIR).
 */
#define G_LOG_DOMAIN "rawabit-test-rtl"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "rwb-application.h"
#include "rwb-window.h"

#include "gui-test-util.h"

static RwbApplication *app;
static RwbWindow *window;

/* The header bar's primary menu button (a GtkHeaderBar "end" child). */
static GtkWidget *
find_primary_menu (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_primary_menu (c);
      if (found)
        return found;
    }
  return NULL;
}

static double
centre_x (GtkWidget *widget)
{
  graphene_rect_t bounds;
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  return bounds.origin.x + bounds.size.width / 2;
}

static void
test_mirrored (void)
{
  window = wait_for_sample (app, window);
  double width = gtk_widget_get_width (GTK_WIDGET (window));

  /* Translated: the catalogue of the build is found and used. */
  g_assert_cmpstr (_("Main Menu"), ==, "القائمة الرئيسية");
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);

  /* The header bar: its end (the main menu) is on the left. */
  GtkWidget *menu = find_primary_menu (gtk_window_get_titlebar (GTK_WINDOW (window)));
  g_assert_nonnull (menu);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu), ==, "القائمة الرئيسية");
  g_assert_cmpfloat (centre_x (menu), <, width / 2);

  /* The side panel (the paned's end child) is left of the graph. */
  GtkWidget *sidebar = template_child_of (window, RWB_TYPE_WINDOW, "sidebar");
  gtk_widget_set_visible (sidebar, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  GtkWidget *graph = template_child_of (window, RWB_TYPE_WINDOW, "graph_view");
  g_assert_cmpfloat (centre_x (sidebar), <, centre_x (graph));
  g_assert_cmpfloat (centre_x (sidebar), <, width / 2);

  g_autoptr (Picture) picture = render_widget (GTK_WIDGET (window), "rtl-ar.png");
  g_assert_cmpint (picture->width, >, 100);
}

/* The Open dialog's filters are named in Arabic. */
static void
test_open_filters (void)
{
  g_autoptr (GListModel) filters = rwb_window_new_open_filters ();
  static const char *const names[] = {
    "المقالات والمشاريع والمخططات", "المقالات (نص وHTML)", "المشاريع",
    "المخططات (DOT وGraphML وGEXF وJSON روابط)", "كل الملفات",
  };

  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (GtkFileFilter) filter = g_list_model_get_item (filters, i);
      g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, names[i]);
    }
}

/* The About dialog: translated, and its logo is the application icon, found from the build tree
 * (the icon is in the GResource), not the "missing image" placeholder. */
static void
test_about (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  GtkWindow *about = NULL;
  g_autoptr (GListModel) toplevels = NULL;

  g_assert_true (gtk_icon_theme_has_icon (theme, RWB_APP_ID));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  settle ();
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && about == NULL; i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (GTK_IS_ABOUT_DIALOG (w))
        about = w;
    }
  g_assert_nonnull (about);
  g_assert_cmpstr (gtk_about_dialog_get_logo_icon_name (GTK_ABOUT_DIALOG (about)), ==, RWB_APP_ID);
  g_assert_cmpstr (gtk_about_dialog_get_program_name (GTK_ABOUT_DIALOG (about)), ==, "روابط");
  {
    g_autoptr (GtkIconPaintable) icon =
      gtk_icon_theme_lookup_icon (theme, RWB_APP_ID, NULL, 128, 1, GTK_TEXT_DIR_RTL, 0);
    g_autoptr (GFile) file = gtk_icon_paintable_get_file (icon);
    g_autofree char *uri = file ? g_file_get_uri (file) : NULL;

    g_test_message ("icon: %s", uri);
    g_assert_nonnull (uri);
    g_assert_true (g_str_has_suffix (uri, "/" RWB_APP_ID ".svg"));
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (about));
  {
    g_autoptr (Picture) picture = render_widget (GTK_WIDGET (about), "about-ar.png");
    g_assert_cmpint (picture->width, >, 100);
  }
  gtk_window_destroy (about);
  settle ();
}

static void
test_close (void)
{
  close_window (app, &window);
}

int
main (int argc, char *argv[])
{
  /* An Arabic user's environment; the app's main() binds the catalogue the same way. */
  g_setenv ("LANGUAGE", "ar", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  const char *localedir = g_getenv ("RAWABIT_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : RWB_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gui_test_init (&argc, &argv);
  app = rwb_application_new ();
  g_test_add_func ("/rtl/mirrored", test_mirrored);
  g_test_add_func ("/rtl/open-filters", test_open_filters);
  g_test_add_func ("/rtl/about", test_about);
  g_test_add_func ("/rtl/close", test_close);
  return gui_test_run_app (app, argv[0]);
}
