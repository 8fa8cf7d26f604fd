/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-viewer.c — the viewer as an analyst uses it, in the real window: the evidence of a fresh
 * window read in the Article panel, the view's keys pressed for real (through the X server)
 * while the search bar listens for typing, and the analysis commands.
 *
 * Runs under xvfb-run (see meson.build). Every wait has a time limit that fails the test.
 */
#define G_LOG_DOMAIN "rawabit-test-viewer"

#include "rwb-config.h"

#include <gdk/x11/gdkx.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "rwb-application.h"
#include "rwb-article-view.h"
#include "rwb-details-panel.h"
#include "rwb-graph-view.h"
#include "rwb-search-bar.h"
#include "rwb-window.h"

#include "gui-test-util.h"

static RwbApplication *app;
static RwbWindow *window;

static gpointer
window_child (const char *name)
{
  return template_child_of (window, RWB_TYPE_WINDOW, name);
}

static RwbGraphView *
graph_view (void)
{
  return RWB_GRAPH_VIEW (window_child ("graph_view"));
}

static RwbGraph *
graph (void)
{
  const RwbScene *scene = rwb_graph_view_get_scene (graph_view ());

  g_assert_nonnull (scene);
  return scene->graph;
}

static void
ensure_window (void)
{
  window = wait_for_sample (app, window);
}

/* Opens four of the project's own test articles together (tests/corpus: written for the
 * project), the way `rawabit A B C D` does, and waits until they are shown. */
static void
open_articles (void)
{
  static const char *const names[] = {
    "01-automotive-ev-ar.txt", "02-batteries-mining-en.txt", "03-semiconductors-ar.txt",
    "04-telecom-en.txt",
  };
  GFile *files[G_N_ELEMENTS (names)];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", names[i], NULL);

      files[i] = g_file_new_for_path (path);
    }
  g_application_open (G_APPLICATION (app), files, G_N_ELEMENTS (files), "");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
  g_assert_true (wait_for (is_idle, window));
  g_assert_cmpuint (graph ()->documents->len, ==, G_N_ELEMENTS (names));
}

/* --- The Article panel before it was ever shown --------------------------------------------- */

static GtkWidget *
first_list_row (GtkWidget *list)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      return row;
  return NULL;
}

typedef struct
{
  GtkTextView *text_view;
  guint offset;
} SpanShown;

/* The text view is laid out and its visible part holds the character at @offset. */
static gboolean
span_is_visible (gpointer data)
{
  SpanShown *shown = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (shown->text_view);
  GdkRectangle visible, location;
  GtkTextIter iter;

  if (!gtk_widget_get_mapped (GTK_WIDGET (shown->text_view))
      || gtk_widget_get_height (GTK_WIDGET (shown->text_view)) <= 0)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, shown->offset);
  gtk_text_view_get_visible_rect (shown->text_view, &visible);
  gtk_text_view_get_iter_location (shown->text_view, &iter, &location);
  return visible.height > 0 && location.y + location.height > visible.y
         && location.y < visible.y + visible.height;
}

/* Issue 13: in a fresh window, an evidence sentence clicked in Details before the Article tab
 * was ever opened left the Article panel blank. It must show the article, the sentence in
 * view and drawn (ink in the panel's picture). */
static void
test_blank_article (void)
{
  RwbDetailsPanel *panel;
  RwbArticleView *article;
  GtkTextView *text_view;
  const RwbEntity *entity = NULL;
  const RwbEvidence *evidence = NULL;
  RwbGraph *g;
  GtkWidget *row;
  SpanShown shown;
  g_autoptr (Picture) picture = NULL;
  guint inked = 0, total = 0;
  guint32 background;

  ensure_window ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child ("sidebar_stack")), ==,
                   "details");
  article = window_child ("article_view");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (article)));

  /* Four articles: the evidence sentence that lies furthest into its article, in another
   * article than the first. */
  open_articles ();
  g = graph ();
  {
    gint best_relation = -1;
    guint best_start = 0;

    for (guint i = 0; i < g->relations->len; i++)
      {
        const RwbRelation *r = g_ptr_array_index (g->relations, i);
        const RwbEvidence *ev;

        if (r->type == RWB_RELATION_MENTION || r->evidence->len == 0)
          continue;
        ev = &g_array_index (r->evidence, RwbEvidence, 0);
        if (ev->document > 0 && ev->start > best_start)
          best_start = ev->start, best_relation = i;
      }
    g_assert_cmpint (best_relation, >=, 0);
    rwb_graph_view_select_relation (graph_view (), best_relation);
    evidence = &g_array_index (((const RwbRelation *) g_ptr_array_index (g->relations,
                                                                         best_relation))->evidence,
                               RwbEvidence, 0);
    entity = g_ptr_array_index (g->entities, ((const RwbRelation *) g_ptr_array_index (
                                                 g->relations, best_relation))->source);
    g_test_message ("evidence in document %u at %u", evidence->document, evidence->start);
  }
  g_assert_nonnull (entity);
  settle ();

  panel = window_child ("details_panel");
  row = first_list_row (template_child_of (panel, RWB_TYPE_DETAILS_PANEL, "evidence_list"));
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child ("sidebar_stack")), ==,
                   "article");

  text_view = template_child_of (article, RWB_TYPE_ARTICLE_VIEW, "text_view");
  shown.text_view = text_view;
  shown.offset = evidence->start;
  g_assert_true (wait_for (span_is_visible, &shown));

  /* And drawn: the panel's picture is not one plain colour. */
  picture = render_widget (GTK_WIDGET (text_view), "viewer-fresh-article.png");
  background = pixel_at (picture, picture->width - 2, picture->height - 2);
  for (int y = 0; y < picture->height; y += 2)
    for (int x = 0; x < picture->width; x += 2)
      {
        total++;
        if (colour_distance (pixel_at (picture, x, y), background) > 60)
          inked++;
      }
  g_test_message ("article panel: %u of %u sampled pixels inked", inked, total);
  g_assert_cmpuint (inked, >, total / 100);
}

/* --- Keys, pressed through the X server --------------------------------------------------- */

static Display *
x_display (void)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));

  if (!GDK_IS_X11_DISPLAY (display))
    return NULL;
  return gdk_x11_display_get_xdisplay (display);
}

/* Presses and releases @keysym as a keyboard would, Shift held when the key needs it. */
static void
press_key (KeySym keysym)
{
  Display *dpy = x_display ();
  KeyCode code = XKeysymToKeycode (dpy, keysym);
  KeyCode shift = XKeysymToKeycode (dpy, XK_Shift_L);
  gboolean shifted;

  g_assert_cmpuint (code, !=, 0);
  shifted = XkbKeycodeToKeysym (dpy, code, 0, 0) != keysym;
  if (shifted)
    XTestFakeKeyEvent (dpy, shift, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, False, CurrentTime);
  if (shifted)
    XTestFakeKeyEvent (dpy, shift, False, CurrentTime);
  XFlush (dpy);
}

typedef struct
{
  RwbGraphView *view;
  double scale;
} ScaleChange;

static gboolean
scale_changed (gpointer data)
{
  ScaleChange *change = data;
  RwbViewport vp;

  rwb_graph_view_get_viewport (change->view, &vp);
  return fabs (vp.scale - change->scale) > 1e-6;
}

static double
view_scale (void)
{
  RwbViewport vp;

  settle ();
  rwb_graph_view_get_viewport (graph_view (), &vp);
  return vp.scale;
}

/* Presses @keysym and waits for the zoom to change; returns the new scale. */
static double
press_and_wait_zoom (KeySym keysym, const char *what)
{
  ScaleChange change = { graph_view (), view_scale () };
  double after;

  press_key (keysym);
  g_assert_true (wait_for (scale_changed, &change));
  after = view_scale ();
  g_test_message ("%s: scale %.3f → %.3f", what, change.scale, after);
  return after;
}

static gboolean
view_has_focus (gpointer data)
{
  return gtk_widget_has_focus (GTK_WIDGET (data));
}

/* Issue 13: + - 0 f opened the search bar and were typed into it. With the focus on the
 * canvas each must change the view, and the search bar stay closed; a letter the view does not
 * bind still starts a search. */
static void
test_keys (void)
{
  RwbSearchBar *search_bar;
  RwbViewport fit;
  double scale, after;
  Display *dpy;

  ensure_window ();
  dpy = x_display ();
  if (dpy == NULL)
    {
      g_test_skip ("keys are pressed through X11");
      return;
    }
  search_bar = window_child ("search_bar");
  rwb_search_bar_set_search_mode (search_bar, FALSE);
  gtk_stack_set_visible_child_name (window_child ("sidebar_stack"), "details");
  settle ();

  /* The window has the X input focus (no window manager gives it), the canvas GTK's. */
  XSetInputFocus (dpy, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                  RevertToParent, CurrentTime);
  gtk_widget_grab_focus (GTK_WIDGET (graph_view ()));
  g_assert_true (wait_for (view_has_focus, graph_view ()));
  rwb_graph_view_get_viewport (graph_view (), &fit);

  scale = view_scale ();
  after = press_and_wait_zoom (XK_plus, "+");
  g_assert_cmpfloat (after, >, scale * 1.1);
  g_assert_false (rwb_search_bar_get_search_mode (search_bar));

  scale = after;
  after = press_and_wait_zoom (XK_minus, "-");
  g_assert_cmpfloat (after, <, scale / 1.1);
  g_assert_false (rwb_search_bar_get_search_mode (search_bar));

  after = press_and_wait_zoom (XK_0, "0");
  g_assert_cmpfloat_with_epsilon (after, 1.0, 1e-6);
  g_assert_false (rwb_search_bar_get_search_mode (search_bar));

  after = press_and_wait_zoom (XK_f, "f");
  g_assert_cmpfloat_with_epsilon (after, fit.scale, 1e-6);
  g_assert_false (rwb_search_bar_get_search_mode (search_bar));

  /* Keys the view does not bind still open the search with what was typed. */
  press_key (XK_x);
  {
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (!rwb_search_bar_get_search_mode (search_bar) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_true (rwb_search_bar_get_search_mode (search_bar));
  rwb_search_bar_set_search_mode (search_bar, FALSE);
  settle ();
}

static void
test_close (void)
{
  if (window == NULL)
    {
      g_test_skip ("no window open");
      return;
    }
  close_window (app, &window);
}

int
main (int argc, char *argv[])
{
  gui_test_init (&argc, &argv);

  /* First, in the fresh window: the regression needs an Article panel never shown. */
  g_test_add_func ("/viewer/blank-article", test_blank_article);
  g_test_add_func ("/viewer/keys", test_keys);
  g_test_add_func ("/viewer/close", test_close);

  app = rwb_application_new ();
  return gui_test_run_app (app, argv[0]);
}
