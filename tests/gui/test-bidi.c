/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bidi.c — names of one script inside lines of the other keep the line's order: the
 * details panel's relation rows, in a left-to-right and a right-to-left window, with Arabic and
 * Latin names. Checks the strings built (FSI … PDI around each name, the window's direction
 * mark first) and where Pango puts the arrow, the name and the parenthesis on screen.
 *
 * The panel alone, on a graph made here; runs under xvfb-run (see meson.build).
 */
#define G_LOG_DOMAIN "rawabit-test-bidi"

#include "rwb-config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "rwb-bidi.h"
#include "rwb-corrections.h"
#include "rwb-details-panel.h"
#include "rwb-labels.h"

#include "gui-test-util.h"

#define ARABIC_NAME "تشيينج"
#define LATIN_NAME "Great Wall Motor"

typedef struct
{
  RwbGraph *graph;
  guint xiaomi, arabic, latin, arabic_subject;
} Fixture;

static void
fixture_init (Fixture *f)
{
  f->graph = rwb_graph_new ();
  f->xiaomi = rwb_graph_add_entity (f->graph, "Xiaomi", RWB_ENTITY_COMPANY);
  f->arabic = rwb_graph_add_entity (f->graph, ARABIC_NAME, RWB_ENTITY_COMPANY);
  f->latin = rwb_graph_add_entity (f->graph, LATIN_NAME, RWB_ENTITY_COMPANY);
  f->arabic_subject = rwb_graph_add_entity (f->graph, "شاومي", RWB_ENTITY_COMPANY);
  /* Xiaomi → تشيينج, an outgoing relation of Xiaomi; شاومي → Great Wall Motor, from an Arabic
   * entity to a Latin one. */
  rwb_graph_add_relation (f->graph, f->xiaomi, f->arabic, RWB_RELATION_MANUFACTURING, TRUE, 0.7);
  rwb_graph_add_relation (f->graph, f->arabic_subject, f->latin, RWB_RELATION_SUPPLY, TRUE, 0.5);
}

/* The label of the first row of the panel's relations list. */
static GtkLabel *
first_relation_label (RwbDetailsPanel *panel)
{
  GtkWidget *list = template_child_of (panel, RWB_TYPE_DETAILS_PANEL, "relations_list");
  GtkWidget *row = gtk_widget_get_first_child (list);

  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  g_assert_true (GTK_IS_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))));
  return GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
}

/* The x of the grapheme at the start of @needle in @label's layout, in Pango units; the test
 * fails if the layout has no @needle. */
static int
x_of (GtkLabel *label, const char *needle)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  const char *at = strstr (text, needle);
  PangoRectangle pos;

  g_assert_nonnull (at);
  pango_layout_index_to_pos (layout, at - text, &pos);
  /* An RTL run's rectangle has a negative width: its leading edge is on the right. */
  return pos.width < 0 ? pos.x + pos.width : pos.x;
}

/* Shows @entity in a new panel in a window of direction @dir and returns the first relation
 * row's label, its layout made. */
static GtkLabel *
show (Fixture *f, GtkWindow **window, guint entity, GtkTextDirection dir)
{
  RwbDetailsPanel *panel;

  gtk_widget_set_default_direction (dir);
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 420, 600);
  panel = RWB_DETAILS_PANEL (rwb_details_panel_new ());
  gtk_window_set_child (*window, GTK_WIDGET (panel));
  rwb_details_panel_set_graph (panel, f->graph);
  rwb_details_panel_show_entity (panel, entity);
  gtk_window_present (*window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (*window));
  return first_relation_label (panel);
}

static void
close_test_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  settle ();
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* An English window: "→ تشيينج (Manufacturing, 0.7)" reads left to right, the arrow first. */
static void
test_arabic_name_in_english_line (void)
{
  Fixture f;
  GtkWindow *window;
  GtkLabel *label;
  const char *text;

  fixture_init (&f);
  label = show (&f, &window, f.xiaomi, GTK_TEXT_DIR_LTR);
  text = gtk_label_get_text (label);
  g_test_message ("row: %s", text);
  /* On screen: arrow, then the name, then the parenthesis, from the left. */
  g_assert_cmpint (x_of (label, "→"), <, x_of (label, ARABIC_NAME));
  g_assert_cmpint (x_of (label, ARABIC_NAME), <, x_of (label, "(Manufacturing"));
  g_assert_true (g_str_has_prefix (text, RWB_BIDI_LRM "→ " RWB_BIDI_FSI ARABIC_NAME RWB_BIDI_PDI));
  g_assert_nonnull (strstr (text, "(Manufacturing, 0.7)"));
  g_assert_cmpint (pango_layout_get_direction (gtk_label_get_layout (label), 0), ==,
                   PANGO_DIRECTION_LTR);
  {
    g_autoptr (Picture) picture = render_widget (GTK_WIDGET (window), "bidi-ltr.png");
    g_assert_cmpint (picture->width, >, 100);
  }
  close_test_window (window);
  rwb_graph_unref (f.graph);
}

/* A right-to-left window: the line reads from the right, a Latin name inside it keeps its own
 * order, and the outgoing arrow points along the reading, to the left. */
static void
test_latin_name_in_rtl_line (void)
{
  Fixture f;
  GtkWindow *window;
  GtkLabel *label;
  const char *text;

  fixture_init (&f);
  label = show (&f, &window, f.arabic_subject, GTK_TEXT_DIR_RTL);
  text = gtk_label_get_text (label);
  g_test_message ("row: %s", text);
  g_assert_cmpint (x_of (label, "←"), >, x_of (label, "Great"));
  g_assert_cmpint (x_of (label, "Great"), >, x_of (label, "("));
  g_assert_true (g_str_has_prefix (text, RWB_BIDI_RLM "← " RWB_BIDI_FSI LATIN_NAME RWB_BIDI_PDI));
  /* The name itself left to right inside the line: "Great" left of "Motor". */
  g_assert_cmpint (x_of (label, "Great"), <, x_of (label, "Motor"));
  g_assert_cmpint (pango_layout_get_direction (gtk_label_get_layout (label), 0), ==,
                   PANGO_DIRECTION_RTL);
  {
    g_autoptr (Picture) picture = render_widget (GTK_WIDGET (window), "bidi-rtl.png");
    g_assert_cmpint (picture->width, >, 100);
  }
  close_test_window (window);
  rwb_graph_unref (f.graph);
}

/* The strings the other places build: isolation drops a name's own controls, marks every line,
 * and a correction's sentence isolates both names. */
static void
test_strings (void)
{
  g_autofree char *hostile = rwb_bidi_isolate ("a\u2069b\u202e");
  g_autofree char *markup = rwb_bidi_isolate_markup ("<b>");
  g_autofree char *lines = rwb_bidi_line ("x\n" RWB_BIDI_LRM "y\nz", TRUE);
  g_autoptr (RwbCorrection) c = rwb_correction_new (RWB_CORRECTION_RENAME, ARABIC_NAME, "Chery");
  g_autofree char *said = rwb_correction_describe_isolated (c);
  g_autofree char *plain = rwb_correction_describe (c);

  g_assert_cmpstr (hostile, ==, RWB_BIDI_FSI "ab" RWB_BIDI_PDI);
  g_assert_cmpstr (markup, ==, RWB_BIDI_FSI "&lt;b&gt;" RWB_BIDI_PDI);
  g_assert_cmpstr (lines, ==, RWB_BIDI_RLM "x\n" RWB_BIDI_LRM "y\n" RWB_BIDI_RLM "z");
  g_assert_cmpstr (said, ==, "Rename “" RWB_BIDI_FSI ARABIC_NAME RWB_BIDI_PDI "” to “"
                   RWB_BIDI_FSI "Chery" RWB_BIDI_PDI "”");
  g_assert_cmpstr (plain, ==, "Rename “" ARABIC_NAME "” to “Chery”");

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  g_assert_cmpstr (rwb_ui_arrow (TRUE), ==, "←");
  g_assert_cmpstr (rwb_ui_arrow (FALSE), ==, "→");
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  g_assert_cmpstr (rwb_ui_arrow (TRUE), ==, "→");
}

int
main (int argc, char *argv[])
{
  /* The English strings, whatever the environment. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gui_test_init (&argc, &argv);
  g_test_add_func ("/bidi/arabic-name-in-english-line", test_arabic_name_in_english_line);
  g_test_add_func ("/bidi/latin-name-in-rtl-line", test_latin_name_in_rtl_line);
  g_test_add_func ("/bidi/strings", test_strings);
  return g_test_run ();
}
