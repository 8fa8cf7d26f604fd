/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-dialog.c — the Export dialog in the real window, on the sample article: the
 * win.export action opens it, its widgets make the options `rawabit-cli render` makes for the
 * same flags and the file it writes has the CLI's very bytes; selection scope, filters, SVG
 * text and errors in the window's banner.
 *
 * Runs under xvfb-run (see meson.build). Every wait has a time limit that fails the test.
 */
#define G_LOG_DOMAIN "rawabit-test-export-dialog"

#include "rwb-config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "rwb-application.h"
#include "rwb-export-dialog.h"
#include "rwb-filter-panel.h"
#include "rwb-graph-view.h"
#include "rwb-window.h"

#include "gui-test-util.h"

static RwbApplication *app;
static RwbWindow *window;
static char *tmp_dir;

static gpointer
window_child (const char *name)
{
  return template_child_of (window, RWB_TYPE_WINDOW, name);
}

static gpointer
dialog_child (RwbExportDialog *dialog, const char *name)
{
  return template_child_of (dialog, RWB_TYPE_EXPORT_DIALOG, name);
}

static RwbGraphView *
graph_view (void)
{
  return RWB_GRAPH_VIEW (window_child ("graph_view"));
}

static guint
entity_named (const char *name)
{
  return view_entity_named (graph_view (), name);
}

static void
ensure_sample_open (void)
{
  window = wait_for_sample (app, window);
  rwb_graph_view_select_entity (graph_view (), -1, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

/* Activates win.export as the menu and Ctrl+E do and returns the dialog it opened. */
static RwbExportDialog *
open_dialog (void)
{
  RwbExportDialog *dialog = NULL;
  GList *toplevels;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  settle ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (RWB_IS_EXPORT_DIALOG (l->data))
      {
        g_assert_null (dialog);
        dialog = l->data;
      }
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  return dialog;
}

static void
on_finished (RwbExportDialog *dialog, gboolean ok, int *state)
{
  *state = ok ? 1 : 2;
}

static gboolean
is_set (gpointer data)
{
  return *(int *) data != 0;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Clicks Export and waits for the thread; returns whether the file was written. On success
 * the dialog must be gone. */
static gboolean
click_export (RwbExportDialog *dialog)
{
  int state = 0;
  gpointer alive = dialog;
  gulong handler = g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &state);

  g_object_add_weak_pointer (G_OBJECT (dialog), &alive);
  g_signal_emit_by_name (dialog_child (dialog, "export_button"), "clicked");
  g_assert_true (wait_for (is_set, &state));
  if (state == 1)
    {
      g_assert_true (wait_for (is_null, &alive));
      return TRUE;
    }
  g_signal_handler_disconnect (dialog, handler);
  g_object_remove_weak_pointer (G_OBJECT (dialog), &alive);
  return FALSE;
}

static void
close_dialog (RwbExportDialog *dialog)
{
  gpointer alive = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &alive);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_true (wait_for (is_null, &alive));
}

static void
set_file (RwbExportDialog *dialog, const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  rwb_export_dialog_set_file (dialog, file);
}

static char *
read_file (const char *name, gsize *len)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr (GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, len, &error));
  g_assert_no_error (error);
  return data;
}

/* The options and bytes of a PNG from the dialog are those of `rawabit-cli render` with the
 * same flags on the same article. */
static void
test_png_matches_cli (void)
{
  RwbExportDialog *dialog;
  RwbExportOptions options, cli_options;
  g_autofree char *cli_out = g_build_filename (tmp_dir, "cli.png", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  ensure_sample_open ();
  dialog = open_dialog ();

  /* Nothing selected: the selection scope cannot be chosen. */
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "scope_selection")));
  g_assert_true (gtk_check_button_get_active (dialog_child (dialog, "scope_whole")));

  gtk_drop_down_set_selected (dialog_child (dialog, "format_dropdown"), RWB_IMAGE_PNG);
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "scale_spin")));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "page_fit_check")));
  gtk_spin_button_set_value (dialog_child (dialog, "scale_spin"), 1.5);
  gtk_check_button_set_active (dialog_child (dialog, "legend_check"), TRUE);
  gtk_check_button_set_active (dialog_child (dialog, "transparent_check"), TRUE);
  gtk_editable_set_text (dialog_child (dialog, "title_entry"), "Sample & co");
  set_file (dialog, "gui.png");
  g_assert_nonnull (strstr (gtk_label_get_text (dialog_child (dialog, "size_label")), "pixels"));

  /* What `rawabit-cli render --scale 1.5 --legend --transparent --title …` builds. */
  rwb_export_options_init (&cli_options);
  cli_options.scale = 1.5;
  cli_options.legend = TRUE;
  cli_options.transparent = TRUE;
  cli_options.title = "Sample & co";
  rwb_export_dialog_get_options (dialog, &options);
  g_assert_true (rwb_export_options_equal (&options, &cli_options));
  g_assert_false (options.dark);

  g_assert_true (click_export (dialog));
  g_assert_nonnull (strstr (gtk_label_get_text (window_child ("status_label")), "gui.png"));

  const char *argv[] = { g_getenv ("RAWABIT_CLI"), "render", "--scale", "1.5", "--legend",
                         "--transparent", "--title", "Sample & co", "-o", cli_out,
                         g_getenv ("RAWABIT_SAMPLE"), NULL };
  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("rawabit-cli failed: %s", err);

  gsize gui_len, cli_len;
  g_autofree char *gui_bytes = read_file ("gui.png", &gui_len);
  g_autofree char *cli_bytes = read_file ("cli.png", &cli_len);
  g_assert_cmpuint (gui_len, >, 1000);
  g_assert_cmpmem (gui_bytes, gui_len, cli_bytes, cli_len);
}

/* Issue 13: the legend on screen does not go into an image unless asked. With the window's
 * legend shown, the dialog starts with the box clear; the SVG it writes has no legend rows (the
 * types' names as text), and with the box ticked it has them. The PNG without asking is the
 * bytes of `rawabit-cli render` without --legend. */
static void
test_no_legend_by_default (void)
{
  RwbExportDialog *dialog;
  RwbExportOptions options;
  gboolean shown;
  g_autofree char *cli_out = g_build_filename (tmp_dir, "cli-plain.png", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  ensure_sample_open ();
  g_object_set (graph_view (), "show-legend", TRUE, NULL);
  g_object_get (graph_view (), "show-legend", &shown, NULL);
  g_assert_true (shown);

  dialog = open_dialog ();
  g_assert_false (gtk_check_button_get_active (dialog_child (dialog, "legend_check")));
  rwb_export_dialog_get_options (dialog, &options);
  g_assert_false (options.legend);
  set_file (dialog, "plain.svg");
  g_assert_true (click_export (dialog));

  dialog = open_dialog ();
  gtk_check_button_set_active (dialog_child (dialog, "legend_check"), TRUE);
  set_file (dialog, "legend.svg");
  g_assert_true (click_export (dialog));

  gsize plain_len, legend_len;
  g_autofree char *plain = read_file ("plain.svg", &plain_len);
  g_autofree char *legend = read_file ("legend.svg", &legend_len);
  g_assert_null (strstr (plain, ">company</text>"));
  g_assert_null (strstr (plain, ">person</text>"));
  g_assert_nonnull (strstr (legend, ">company</text>"));

  dialog = open_dialog ();
  g_assert_false (gtk_check_button_get_active (dialog_child (dialog, "legend_check")));
  set_file (dialog, "plain.png");
  g_assert_true (click_export (dialog));
  const char *argv[] = { g_getenv ("RAWABIT_CLI"), "render", "-o", cli_out,
                         g_getenv ("RAWABIT_SAMPLE"), NULL };
  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("rawabit-cli failed: %s", err);
  gsize gui_len, cli_len;
  g_autofree char *gui_bytes = read_file ("plain.png", &gui_len);
  g_autofree char *cli_bytes = read_file ("cli-plain.png", &cli_len);
  g_assert_cmpmem (gui_bytes, gui_len, cli_bytes, cli_len);
}

/* Selection scope to SVG: only the selected entities, their labels as text. */
static void
test_svg_selection (void)
{
  RwbExportDialog *dialog;
  RwbExportOptions options;
  guint xiaomi, great_wall;

  ensure_sample_open ();
  xiaomi = entity_named ("Xiaomi");
  great_wall = entity_named ("Great Wall Motor");
  dialog = open_dialog ();
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "scope_selection")));
  rwb_graph_view_select_entity (graph_view (), xiaomi, FALSE);
  rwb_graph_view_select_entity (graph_view (), great_wall, TRUE);
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "scope_selection")));
  gtk_check_button_set_active (dialog_child (dialog, "scope_selection"), TRUE);

  /* The file's extension picks the format. */
  set_file (dialog, "selection.svg");
  g_assert_cmpuint (gtk_drop_down_get_selected (dialog_child (dialog, "format_dropdown")), ==,
                    RWB_IMAGE_SVG);
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "scale_spin")));
  rwb_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.scope, ==, RWB_EXPORT_SELECTION);
  g_assert_cmpuint (options.n_selection, ==, 2);

  g_assert_true (click_export (dialog));
  g_autofree char *svg = read_file ("selection.svg", NULL);
  g_assert_nonnull (strstr (svg, ">Xiaomi</text>"));
  g_assert_nonnull (strstr (svg, ">Great Wall Motor</text>"));
  g_assert_nonnull (strstr (svg, "xml:lang=\"ar\""));
  g_assert_null (strstr (svg, ">Germany</text>"));
  rwb_graph_view_select_entity (graph_view (), -1, FALSE);
}

/* What the filters hide stays out of the file. */
static void
test_filters (void)
{
  RwbExportDialog *dialog;
  RwbFilterPanel *panel;
  GtkWidget *box;
  GtkCheckButton *places = NULL;

  ensure_sample_open ();
  panel = window_child ("filter_panel");
  box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (panel), RWB_TYPE_FILTER_PANEL,
                                                   "entity_types_box"));
  for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
    if (g_strcmp0 (gtk_widget_get_name (c), "entity-place") == 0)
      places = GTK_CHECK_BUTTON (c);
  g_assert_nonnull (places);
  gtk_check_button_set_active (places, FALSE);

  dialog = open_dialog ();
  set_file (dialog, "filtered.svg");
  g_assert_true (click_export (dialog));
  g_autofree char *svg = read_file ("filtered.svg", NULL);
  g_assert_nonnull (strstr (svg, ">Xiaomi</text>"));
  g_assert_null (strstr (svg, ">Germany</text>"));
  g_assert_null (strstr (svg, ">China</text>"));
  gtk_check_button_set_active (places, TRUE);
}

/* A file that cannot be written: the window's banner says so and the dialog stays. */
static void
test_error (void)
{
  RwbExportDialog *dialog;
  g_autofree char *blocker = g_build_filename (tmp_dir, "blocker", NULL);
  g_autofree char *bad = g_build_filename (blocker, "x.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (bad);

  ensure_sample_open ();
  g_assert_true (g_file_set_contents (blocker, "a file, not a folder", -1, NULL));
  g_assert_false (gtk_revealer_get_reveal_child (window_child ("banner_revealer")));
  dialog = open_dialog ();
  rwb_export_dialog_set_file (dialog, file);
  g_assert_cmpuint (gtk_drop_down_get_selected (dialog_child (dialog, "format_dropdown")), ==,
                    RWB_IMAGE_PDF);
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "page_fit_check")));
  g_assert_false (click_export (dialog));
  g_assert_true (gtk_revealer_get_reveal_child (window_child ("banner_revealer")));
  g_assert_nonnull (strstr (gtk_label_get_text (window_child ("banner_label")),
                            "Could not export"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  close_dialog (dialog);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-error", NULL);
}

static void
test_close (void)
{
  ensure_sample_open ();
  close_window (app, &window);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int argc, char *argv[])
{
  int status;

  gui_test_init (&argc, &argv);
  tmp_dir = g_dir_make_tmp ("rawabit-export-dialog-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/export-dialog/png-matches-cli", test_png_matches_cli);
  g_test_add_func ("/export-dialog/no-legend-by-default", test_no_legend_by_default);
  g_test_add_func ("/export-dialog/svg-selection", test_svg_selection);
  g_test_add_func ("/export-dialog/filters", test_filters);
  g_test_add_func ("/export-dialog/error", test_error);
  g_test_add_func ("/export-dialog/close", test_close);

  app = rwb_application_new ();
  status = gui_test_run_app (app, argv[0]);

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
