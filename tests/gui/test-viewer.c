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

#include "rwb-analysis.h"
#include "rwb-timeline.h"
#include "rwb-application.h"
#include "rwb-article-view.h"
#include "rwb-details-panel.h"
#include "rwb-entity-item.h"
#include "rwb-entity-list.h"
#include "rwb-graph-view.h"
#include "rwb-graph-view-private.h"
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

  /* And drawn: the panel's picture is not one plain colour (the text view validates its
   * lines over a few frames: wait for them, within the time limit). */
  {
    gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

    do
      {
        guint32 background;

        g_clear_pointer (&picture, picture_free);
        picture = render_widget (GTK_WIDGET (text_view), "viewer-fresh-article.png");
        background = pixel_at (picture, picture->width - 2, picture->height - 2);
        inked = total = 0;
        for (int y = 0; y < picture->height; y += 2)
          for (int x = 0; x < picture->width; x += 2)
            {
              total++;
              if (colour_distance (pixel_at (picture, x, y), background) > 60)
                inked++;
            }
        if (inked > total / 100)
          break;
        g_usleep (50000);
        settle ();
      }
    while (g_get_monotonic_time () < end);
  }
  g_test_message ("article panel: %u of %u sampled pixels inked", inked, total);
  g_assert_true (span_is_visible (&shown));
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

/* Presses @keysym with @modifier (a modifier key's keysym) held. */
static void
press_key_with (KeySym modifier, KeySym keysym)
{
  Display *dpy = x_display ();
  KeyCode mod = XKeysymToKeycode (dpy, modifier);

  g_assert_cmpuint (mod, !=, 0);
  XTestFakeKeyEvent (dpy, mod, True, CurrentTime);
  press_key (keysym);
  XTestFakeKeyEvent (dpy, mod, False, CurrentTime);
  XFlush (dpy);
}

typedef struct
{
  RwbGraphView *view;
  gint from;
} FocusChange;

static gboolean
focus_changed (gpointer data)
{
  FocusChange *change = data;

  return rwb_graph_view_get_focus_entity (change->view) != change->from;
}

/* Presses @keysym (with @modifier unless 0) and waits for the focus ring to move; returns the
 * focused entity. */
static gint
press_and_wait_focus (KeySym modifier, KeySym keysym, const char *what)
{
  FocusChange change = { graph_view (), rwb_graph_view_get_focus_entity (graph_view ()) };
  gint after;

  if (modifier != 0)
    press_key_with (modifier, keysym);
  else
    press_key (keysym);
  g_assert_true (wait_for (focus_changed, &change));
  after = rwb_graph_view_get_focus_entity (graph_view ());
  g_test_message ("%s: focus %d → %d", what, change.from, after);
  return after;
}

static const RwbSceneNode *
node_of (guint entity)
{
  const RwbScene *scene = rwb_graph_view_get_scene (graph_view ());

  for (guint i = 0; i < scene->nodes->len; i++)
    if (g_array_index (scene->nodes, RwbSceneNode, i).entity == entity)
      return &g_array_index (scene->nodes, RwbSceneNode, i);
  g_assert_not_reached ();
}

/* The entities in reading order: top to bottom, left to right (an English window). */
static int
compare_reading (gconstpointer a, gconstpointer b)
{
  const RwbSceneNode *na = a, *nb = b;

  if (na->y != nb->y)
    return na->y < nb->y ? -1 : 1;
  return na->x < nb->x ? -1 : na->x > nb->x ? 1 : 0;
}

static gboolean
popover_shown (gpointer data)
{
  for (GtkWidget *c = gtk_widget_get_first_child (data); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_POPOVER (c) && gtk_widget_get_visible (c))
      return TRUE;
  return FALSE;
}

static gboolean
popover_hidden (gpointer data)
{
  return !popover_shown (data);
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

/* The four articles at fit: a picture for a person to look at. */
static void
test_legible (void)
{
  g_autoptr (Picture) picture = NULL;

  ensure_window ();
  gtk_widget_activate_action (GTK_WIDGET (graph_view ()), "view.fit", NULL);
  settle ();
  picture = render_widget (GTK_WIDGET (window), "viewer-fit.png");
}

/* --- The legend's chip, clicked through the X server --------------------------------------- */

static guint most_connected_company (void);

/* Clicks the primary button at widget point (x, y) of @widget as a mouse does. */
static void
click_widget_at (GtkWidget *widget, double x, double y)
{
  Display *dpy = x_display ();
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t in_native;
  double sx, sy;
  int rx, ry;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &in_native));
  gtk_native_get_surface_transform (native, &sx, &sy);
  XTranslateCoordinates (dpy, gdk_x11_surface_get_xid (surface), DefaultRootWindow (dpy),
                         (int) round (in_native.x + sx), (int) round (in_native.y + sy), &rx,
                         &ry, &child);
  XTestFakeMotionEvent (dpy, -1, rx, ry, CurrentTime);
  XFlush (dpy);
  settle ();
  XTestFakeButtonEvent (dpy, 1, True, CurrentTime);
  XTestFakeButtonEvent (dpy, 1, False, CurrentTime);
  XFlush (dpy);
}

typedef struct
{
  RwbGraphView *view;
  gboolean collapsed;
} LegendState;

static gboolean
legend_is (gpointer data)
{
  LegendState *want = data;
  gboolean collapsed;

  g_object_get (want->view, "legend-collapsed", &collapsed, NULL);
  return collapsed == want->collapsed;
}

/* The legend is drawn with its panel open (more than three chips tall). */
static gboolean
legend_panel_drawn (gpointer data)
{
  graphene_rect_t rect, chip;

  return rwb_graph_view_get_legend_rect (data, &rect, &chip)
         && rect.size.height > 3 * chip.size.height;
}

/* Pixels of @a and @b that differ inside @rect. */
static guint64
pixels_changed (const Picture *a, const Picture *b, const graphene_rect_t *rect)
{
  guint64 changed = 0;

  for (int y = MAX (0, (int) rect->origin.y);
       y < MIN (a->height, (int) (rect->origin.y + rect->size.height)); y++)
    for (int x = MAX (0, (int) rect->origin.x);
         x < MIN (a->width, (int) (rect->origin.x + rect->size.width)); x++)
      changed += pixel_at (a, x, y) != pixel_at (b, x, y);
  return changed;
}

/* Issue 13: on the four articles at fit every corner of the view holds a node, so the open
 * legend is drawn folded to its chip (its setting still says open); a click on the chip opens
 * it, and it stays open. Then a click on the chip folds it, and another unfolds it; the clicks
 * neither select, clear the selection, move a node nor pan, and the state is kept in the
 * settings. Clicked for real, through the X server. */
static void
test_legend_chip (void)
{
  RwbGraphView *view;
  graphene_rect_t open_rect, open_chip, closed_rect, closed_chip, again;
  g_autoptr (Picture) open_picture = NULL;
  g_autoptr (Picture) closed_picture = NULL;
  g_autoptr (GArray) selected = NULL;
  RwbViewport before, after;
  GSettings *settings = rwb_application_get_settings (app);
  guint company;

  ensure_window ();
  if (x_display () == NULL)
    {
      g_test_skip ("clicks go through X11");
      return;
    }
  view = graph_view ();
  gtk_widget_activate_action (GTK_WIDGET (view), "view.fit", NULL);
  g_object_set (view, "show-legend", TRUE, "legend-collapsed", FALSE, NULL);
  company = most_connected_company ();
  rwb_graph_view_select_entity (view, company, FALSE);
  rwb_graph_view_pointer_leave (view);
  settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  g_assert_true (rwb_graph_view_get_legend_rect (view, &open_rect, &open_chip));
  g_test_message ("at fit: legend %.0f×%.0f at %.0f,%.0f", open_rect.size.width,
                  open_rect.size.height, open_rect.origin.x, open_rect.origin.y);
  g_assert_cmpfloat (open_rect.size.height, ==, open_chip.size.height);
  g_assert_false (g_settings_get_boolean (settings, "legend-collapsed"));
  click_widget_at (GTK_WIDGET (view), open_chip.origin.x + open_chip.size.width / 2,
                   open_chip.origin.y + open_chip.size.height / 2);
  g_assert_true (wait_for (legend_panel_drawn, view));
  /* Open for good: a new frame at the same place keeps it. */
  gtk_widget_queue_draw (GTK_WIDGET (view));
  settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  g_assert_true (legend_panel_drawn (view));

  open_picture = render_widget (GTK_WIDGET (view), "viewer-legend-open.png");
  g_assert_true (rwb_graph_view_get_legend_rect (view, &open_rect, &open_chip));
  g_test_message ("legend %.0f×%.0f at %.0f,%.0f; chip %.0f×%.0f at %.0f,%.0f",
                  open_rect.size.width, open_rect.size.height, open_rect.origin.x,
                  open_rect.origin.y, open_chip.size.width, open_chip.size.height,
                  open_chip.origin.x, open_chip.origin.y);
  /* The chip is small, in the legend's corner that is the view's corner. */
  g_assert_cmpfloat (open_rect.size.height, >, 3 * open_chip.size.height);
  if (open_rect.origin.y < gtk_widget_get_height (GTK_WIDGET (view)) / 2.0)
    g_assert_cmpfloat (open_chip.origin.y, ==, open_rect.origin.y);
  else
    g_assert_cmpfloat (open_chip.origin.y + open_chip.size.height, ==,
                       open_rect.origin.y + open_rect.size.height);
  rwb_graph_view_get_viewport (view, &before);

  click_widget_at (GTK_WIDGET (view), open_chip.origin.x + open_chip.size.width / 2,
                   open_chip.origin.y + open_chip.size.height / 2);
  g_assert_true (wait_for (legend_is, &(LegendState) { view, TRUE }));
  settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  closed_picture = render_widget (GTK_WIDGET (view), "viewer-legend-collapsed.png");
  g_assert_true (rwb_graph_view_get_legend_rect (view, &closed_rect, &closed_chip));
  g_test_message ("collapsed: %.0f×%.0f at %.0f,%.0f", closed_rect.size.width,
                  closed_rect.size.height, closed_rect.origin.x, closed_rect.origin.y);
  /* Only the chip is left, where it was (under the pointer), and the panel's pixels are gone
   * from the picture. */
  g_assert_true (graphene_rect_equal (&closed_chip, &open_chip));
  g_assert_cmpfloat (closed_rect.size.height, ==, closed_chip.size.height);
  g_assert_cmpfloat (closed_rect.size.height, <, open_rect.size.height / 3);
  g_assert_cmpuint (pixels_changed (open_picture, closed_picture, &open_rect), >,
                    open_rect.size.width * open_rect.size.height / 10);
  g_assert_true (g_settings_get_boolean (settings, "legend-collapsed"));
  {
    /* The menu's View ▸ Fold Legend shows it checked. */
    g_autoptr (GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window),
                                                                  "legend-collapsed");

    g_assert_true (g_variant_get_boolean (state));
  }

  /* The click was the legend's alone. */
  selected = rwb_graph_view_get_selected_entities (view);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpuint (g_array_index (selected, guint, 0), ==, company);
  g_assert_cmpuint (g_hash_table_size (rwb_graph_view_get_moved_positions (view)), ==, 0);
  rwb_graph_view_get_viewport (view, &after);
  g_assert_cmpfloat (after.origin_x, ==, before.origin_x);
  g_assert_cmpfloat (after.origin_y, ==, before.origin_y);
  g_assert_cmpfloat (after.scale, ==, before.scale);

  /* And back. */
  click_widget_at (GTK_WIDGET (view), closed_chip.origin.x + closed_chip.size.width / 2,
                   closed_chip.origin.y + closed_chip.size.height / 2);
  g_assert_true (wait_for (legend_is, &(LegendState) { view, FALSE }));
  settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  g_assert_true (rwb_graph_view_get_legend_rect (view, &again, NULL));
  g_assert_cmpfloat (again.size.height, ==, open_rect.size.height);
  g_assert_false (g_settings_get_boolean (settings, "legend-collapsed"));
  rwb_graph_view_select_entity (view, -1, FALSE);
  settle ();
}

/* The company with the most relations in the graph shown. */
static guint
most_connected_company (void)
{
  RwbGraph *g = graph ();
  guint best = 0, best_degree = 0;

  for (guint i = 0; i < g->entities->len; i++)
    {
      const RwbEntity *e = g_ptr_array_index (g->entities, i);
      guint d = rwb_graph_entity_degree (g, i, FALSE);

      if (e->type == RWB_ENTITY_COMPANY && d > best_degree)
        best = i, best_degree = d;
    }
  g_assert_cmpuint (best_degree, >, 0);
  return best;
}

static gboolean
has_highlight (gpointer data)
{
  return rwb_graph_view_has_highlight (RWB_GRAPH_VIEW (data));
}

static guint8
state_of_entity (guint entity)
{
  const RwbScene *scene = rwb_graph_view_get_scene (graph_view ());
  guint n;
  const guint8 *states = rwb_graph_view_get_node_states (graph_view (), &n);
  gint node = rwb_scene_find_node (scene, entity);

  g_assert_cmpint (node, >=, 0);
  return states[node];
}

/* The text of the Connection window's list, or NULL while there is none. */
static const char *
connection_text (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  const char *text = NULL;

  for (GList *l = toplevels; l != NULL && text == NULL; l = l->next)
    {
      GtkWidget *label = g_object_get_data (l->data, "connection-text");

      if (label != NULL && gtk_widget_get_visible (l->data))
        text = gtk_label_get_text (GTK_LABEL (label));
    }
  g_list_free (toplevels);
  return text;
}

typedef struct
{
  const char *needle;
} TextWait;

static gboolean
connection_says (gpointer data)
{
  const char *text = connection_text ();

  return text != NULL && strstr (text, ((TextWait *) data)->needle) != NULL;
}

/* The first evidence sentence of the first relation of hop @h of @path, as the window lists
 * it. */
static char *
hop_sentence (RwbGraph *g, const RwbPath *path, guint h)
{
  const RwbRelation *r = g_ptr_array_index (g->relations, path->hops[h].relations[0]);

  g_assert_cmpuint (r->evidence->len, >, 0);
  return rwb_graph_evidence_text (g, &g_array_index (r->evidence, RwbEvidence, 0));
}

/* Show Connection between a company and another company two steps from it: the path's three
 * entities stand out, an entity off every shortest path is dimmed. */
static void
test_path (void)
{
  RwbGraph *g;
  g_autoptr (RwbAnalysisGraph) ag = NULL;
  g_autoptr (GArray) ego = NULL, distances = NULL;
  g_autoptr (GPtrArray) paths = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree guint8 *on_path = NULL;
  g_autoptr (Picture) picture = NULL;
  guint source, target = G_MAXUINT, off = G_MAXUINT;

  ensure_window ();
  g = graph ();
  source = most_connected_company ();
  ag = rwb_analysis_graph_new (g, NULL);
  ego = rwb_analysis_ego (ag, &source, 1, 2, &distances, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < ego->len; k++)
    if (g_array_index (distances, guint, k) == 2
        && ((const RwbEntity *) g_ptr_array_index (g->entities, g_array_index (ego, guint, k)))->type
             == RWB_ENTITY_COMPANY)
      {
        target = g_array_index (ego, guint, k);
        break;
      }
  g_assert_cmpuint (target, !=, G_MAXUINT);
  paths = rwb_analysis_paths (ag, source, target, 3, RWB_PATH_BY_COUNT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, >, 0);
  on_path = g_malloc0 (g->entities->len);
  for (guint p = 0; p < paths->len; p++)
    {
      const RwbPath *path = g_ptr_array_index (paths, p);

      for (guint h = 0; h < path->n_hops; h++)
        on_path[path->hops[h].from] = on_path[path->hops[h].to] = 1;
    }
  for (guint i = 0; i < g->entities->len && off == G_MAXUINT; i++)
    if (!on_path[i] && rwb_scene_find_node (rwb_graph_view_get_scene (graph_view ()), i) >= 0
        && !rwb_session_entity_hidden (rwb_graph_view_get_session (graph_view ()), i))
      off = i;
  g_assert_cmpuint (off, !=, G_MAXUINT);
  g_test_message ("path from %s to %s",
                  ((const RwbEntity *) g_ptr_array_index (g->entities, source))->name,
                  ((const RwbEntity *) g_ptr_array_index (g->entities, target))->name);

  rwb_graph_view_select_entity (graph_view (), source, FALSE);
  rwb_graph_view_select_entity (graph_view (), target, TRUE);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-connection"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-connection", NULL);
  g_assert_true (wait_for (has_highlight, graph_view ()));

  for (guint i = 0; i < g->entities->len; i++)
    if (on_path[i])
      g_assert_false (state_of_entity (i) & RWB_DRAW_DIMMED);
  g_assert_true (state_of_entity (off) & RWB_DRAW_DIMMED);
  {
    const RwbPath *best = g_ptr_array_index (paths, 0);
    guint middle = best->hops[0].to;

    g_assert_true (state_of_entity (middle) & RWB_DRAW_EMPHASIS);
  }
  gtk_widget_activate_action (GTK_WIDGET (graph_view ()), "view.fit", NULL);
  picture = render_widget (GTK_WIDGET (window), "viewer-path.png");

  /* The Connection window lists the paths, each hop with its evidence. */
  {
    const RwbPath *best = g_ptr_array_index (paths, 0);
    g_autofree char *heading = g_strdup_printf ("Path 1 · steps: %u", best->n_hops);
    g_autoptr (GPtrArray) by_evidence = NULL;
    const char *text;

    g_assert_true (wait_for (connection_says, &(TextWait) { "relation count" }));
    text = connection_text ();
    g_assert_nonnull (strstr (text, heading));
    g_assert_nonnull (strstr (text, "Path 2"));
    for (guint h = 0; h < best->n_hops; h++)
      {
        g_autofree char *sentence = hop_sentence (g, best, h);
        const RwbEntity *to = g_ptr_array_index (g->entities, best->hops[h].to);

        g_assert_nonnull (strstr (text, sentence));
        g_assert_nonnull (strstr (text, to->name));
      }

    /* Ranked by evidence: asked again, the window says so and lists the path the core finds
     * best by evidence first. */
    by_evidence = rwb_analysis_paths (ag, source, target, 3, RWB_PATH_BY_EVIDENCE, NULL, &error);
    g_assert_no_error (error);
    g_action_group_change_action_state (G_ACTION_GROUP (window), "connection-by",
                                        g_variant_new_string ("evidence"));
    g_assert_true (wait_for (connection_says, &(TextWait) { "Ranked by evidence" }));
    text = connection_text ();
    {
      const RwbPath *first = g_ptr_array_index (by_evidence, 0);
      g_autofree char *sentence = hop_sentence (g, first, 0);
      g_autofree char *head = g_strdup_printf ("Path 1 · steps: %u", first->n_hops);
      const char *p1 = strstr (text, "Path 1"), *p2 = strstr (text, "Path 2");

      g_assert_nonnull (strstr (text, head));
      g_assert_nonnull (p1);
      /* Its first hop's sentence is under Path 1. */
      g_assert_true (strstr (p1, sentence) != NULL
                     && (p2 == NULL || strstr (p1, sentence) < p2));
    }
    g_action_group_change_action_state (G_ACTION_GROUP (window), "connection-by",
                                        g_variant_new_string ("count"));
    g_assert_true (wait_for (connection_says, &(TextWait) { "relation count" }));
  }

  g_action_group_activate_action (G_ACTION_GROUP (window), "clear-highlight", NULL);
  g_assert_false (rwb_graph_view_has_highlight (graph_view ()));
  g_assert_false (state_of_entity (off) & RWB_DRAW_DIMMED);
}

/* The text of the Statistics window, or NULL while there is none. */
static const char *
statistics_text (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  const char *text = NULL;

  for (GList *l = toplevels; l != NULL && text == NULL; l = l->next)
    {
      GtkWidget *label = g_object_get_data (l->data, "statistics-text");

      if (label != NULL && gtk_widget_get_visible (l->data))
        text = gtk_label_get_text (GTK_LABEL (label));
    }
  g_list_free (toplevels);
  return text;
}

static gboolean
statistics_says (gpointer data)
{
  const char *text = statistics_text ();

  return text != NULL && strstr (text, data) != NULL;
}

/* Issue 13, "what clusters are there, what changed": the Statistics window lists Louvain's
 * communities with their members, as the core finds them, and what the latest date's articles
 * added since the date before (the four articles given dates here). */
static void
test_statistics (void)
{
  static const char *const dates[] = { "2026-01-05", "2026-01-05", "2026-02-01", "2026-03-01" };
  RwbGraph *g;
  g_autoptr (RwbAnalysisGraph) ag = NULL;
  g_autoptr (RwbCommunities) c = NULL;
  g_autoptr (RwbTimeline) tl = NULL;
  g_autoptr (GArray) ents = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GError) error = NULL;
  g_autofree char *since = NULL, *count = NULL, *largest = NULL;
  const char *text;

  ensure_window ();
  g = graph ();
  g_assert_cmpuint (g->documents->len, ==, G_N_ELEMENTS (dates));
  for (guint d = 0; d < g->documents->len; d++)
    {
      RwbDocument *doc = g_ptr_array_index (g->documents, d);

      g_free (doc->date);
      doc->date = g_strdup (dates[d]);
    }
  tl = rwb_timeline_new (g);
  rwb_timeline_changes (tl, "2026-02-01", "2026-03-01", ents, NULL);
  g_assert_cmpuint (ents->len, >, 0);
  ag = rwb_analysis_graph_new (g, NULL);
  c = rwb_analysis_communities (ag, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->member_offsets[1] - c->member_offsets[0], >=, 2);

  g_action_group_activate_action (G_ACTION_GROUP (window), "statistics", NULL);
  g_assert_true (wait_for (statistics_says, "modularity"));
  text = statistics_text ();
  since = g_strdup_printf ("On %s, since %s:", "2026-03-01", "2026-02-01");
  count = g_strdup_printf ("New entities: %u", ents->len);
  g_assert_nonnull (strstr (text, since));
  g_assert_nonnull (strstr (text, count));
  g_assert_nonnull (strstr (text, ((const RwbEntity *) g_ptr_array_index (
                                       g->entities, g_array_index (ents, guint, 0)))->name));
  largest = g_strdup_printf ("1. members: %u — ", c->member_offsets[1] - c->member_offsets[0]);
  g_assert_nonnull (strstr (text, largest));
  g_assert_nonnull (strstr (text, ((const RwbEntity *) g_ptr_array_index (
                                       g->entities, c->members[0]))->name));

  {
    GList *toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (g_object_get_data (l->data, "statistics-text") != NULL)
        gtk_window_destroy (l->data);
    g_list_free (toplevels);
  }
  for (guint d = 0; d < g->documents->len; d++)
    g_clear_pointer (&((RwbDocument *) g_ptr_array_index (g->documents, d))->date, g_free);
}

/* Communities as colours and sizes by degree: pictures to look at (the colours come from a
 * worker thread). */
static gboolean
no_messages_pending (gpointer data)
{
  return !g_main_context_pending (NULL);
}

static void
test_communities_and_sizes (void)
{
  g_autoptr (Picture) colours = NULL, sizes = NULL;

  ensure_window ();
  rwb_graph_view_select_entity (graph_view (), -1, FALSE);
  g_action_group_change_action_state (G_ACTION_GROUP (window), "color-communities",
                                      g_variant_new_boolean (TRUE));
  g_usleep (200000);
  wait_for (no_messages_pending, NULL);
  settle ();
  colours = render_widget (GTK_WIDGET (window), "viewer-communities.png");
  g_action_group_change_action_state (G_ACTION_GROUP (window), "color-communities",
                                      g_variant_new_boolean (FALSE));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "size-by",
                                      g_variant_new_string ("betweenness"));
  g_usleep (200000);
  wait_for (no_messages_pending, NULL);
  settle ();
  sizes = render_widget (GTK_WIDGET (window), "viewer-centrality.png");
  g_action_group_change_action_state (G_ACTION_GROUP (window), "size-by",
                                      g_variant_new_string ("none"));
}

typedef struct
{
  RwbGraphView *view;
  guint n_nodes;
} NodeCount;

static gboolean
scene_has_nodes (gpointer data)
{
  NodeCount *count = data;
  const RwbScene *scene = rwb_graph_view_get_scene (count->view);

  return scene != NULL && scene->nodes->len == count->n_nodes;
}

/* Issue 14: the keyboard on the canvas. Tab and Shift+Tab move a focus ring through the nodes
 * in reading order, the arrows to a node in their direction, Enter selects it, Menu opens its
 * context menu; the view's accessible description names the focused node. Real key events
 * through the X server. */
static void
test_keyboard_focus (void)
{
  const RwbScene *scene;
  g_autoptr (GArray) order = NULL;
  g_autoptr (GArray) selected = NULL;
  const RwbSceneNode *first, *second, *from, *to;
  RwbGraph *g;
  Display *dpy;
  gint focus;

  ensure_window ();
  dpy = x_display ();
  if (dpy == NULL)
    {
      g_test_skip ("keys are pressed through X11");
      return;
    }
  g = graph ();
  scene = rwb_graph_view_get_scene (graph_view ());
  order = g_array_sized_new (FALSE, FALSE, sizeof (RwbSceneNode), scene->nodes->len);
  g_array_append_vals (order, scene->nodes->data, scene->nodes->len);
  g_array_sort (order, compare_reading);
  g_assert_cmpuint (order->len, >=, 3);
  first = &g_array_index (order, RwbSceneNode, 0);
  second = &g_array_index (order, RwbSceneNode, 1);

  XSetInputFocus (dpy, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                  RevertToParent, CurrentTime);
  rwb_graph_view_select_entity (graph_view (), -1, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (graph_view ()));
  g_assert_true (wait_for (view_has_focus, graph_view ()));
  g_assert_cmpint (rwb_graph_view_get_focus_entity (graph_view ()), ==, -1);

  /* Tab: the first node in reading order, then the next; Shift+Tab back. */
  focus = press_and_wait_focus (0, XK_Tab, "Tab");
  g_assert_cmpint (focus, ==, (gint) first->entity);
  {
    const RwbEntity *e = g_ptr_array_index (g->entities, focus);
    guint degree = rwb_graph_entity_degree (g, focus, FALSE);
    g_autofree char *expected = g_strdup_printf ("\u2068%s\u2069, %s, %u relation%s", e->name,
                                                 rwb_entity_type_short_label (e->type), degree,
                                                 degree == 1 ? "" : "s");
    g_autofree char *mismatch = gtk_test_accessible_check_property (
      GTK_ACCESSIBLE (graph_view ()), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);

    g_test_message ("accessible description: %s", expected);
    g_assert_null (mismatch);
    g_assert_true (gtk_widget_has_focus (GTK_WIDGET (graph_view ())));
  }
  g_assert_cmpint (press_and_wait_focus (0, XK_Tab, "Tab"), ==, (gint) second->entity);
  g_assert_cmpint (press_and_wait_focus (XK_Shift_L, XK_Tab, "Shift+Tab"), ==,
                   (gint) first->entity);
  {
    /* The ring: the accent colour just outside the focused node's box, at the middle of its
     * left side (its 2 px are 2 to 4 px out), and not around the next node. */
    g_autoptr (Picture) picture = render_widget (GTK_WIDGET (graph_view ()), "keyboard-focus.png");
    RwbViewport vp;
    const RwbSceneNode *n = node_of (first->entity), *m = node_of (second->entity);
    int sx, sy, mx, my;

    rwb_graph_view_get_viewport (graph_view (), &vp);
    sx = (int) round ((n->x - n->width / 2 - vp.origin_x) * vp.scale - 3);
    sy = (int) round ((n->y - vp.origin_y) * vp.scale);
    mx = (int) round ((m->x - m->width / 2 - vp.origin_x) * vp.scale - 3);
    my = (int) round ((m->y - vp.origin_y) * vp.scale);
    g_test_message ("ring pixel at %d,%d: #%06x; next node's at %d,%d: #%06x", sx, sy,
                    pixel_at (picture, sx, sy), mx, my, pixel_at (picture, mx, my));
    g_assert_cmpint (colour_distance (pixel_at (picture, sx, sy), 0x3584e4), <, 90);
    g_assert_cmpint (colour_distance (pixel_at (picture, mx, my), 0x3584e4), >, 90);
    picture_free (render_widget (GTK_WIDGET (window), "keyboard-focus-window.png"));
  }

  /* An arrow: a node that way, within 60° of it. */
  from = node_of (first->entity);
  focus = press_and_wait_focus (0, XK_Down, "Down");
  to = node_of (focus);
  g_assert_cmpfloat (to->y, >, from->y);
  g_assert_cmpfloat (fabs (to->x - from->x), <=, (to->y - from->y) * 1.74);
  /* Up from there comes back up. */
  from = to;
  to = node_of (press_and_wait_focus (0, XK_Up, "Up"));
  g_assert_cmpfloat (to->y, <, from->y);
  focus = to->entity;

  /* Enter selects the focused node. */
  press_key (XK_Return);
  settle ();
  {
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    do
      {
        g_clear_pointer (&selected, g_array_unref);
        g_main_context_iteration (NULL, FALSE);
        selected = rwb_graph_view_get_selected_entities (graph_view ());
      }
    while (selected->len == 0 && g_get_monotonic_time () < end);
  }
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpint (g_array_index (selected, guint, 0), ==, focus);

  /* Menu: the corrections menu pops up on the canvas. */
  press_key (XK_Menu);
  g_assert_true (wait_for (popover_shown, graph_view ()));
  press_key (XK_Escape);
  g_assert_true (wait_for (popover_hidden, graph_view ()));
  settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

/* Focus on the most connected company, one step out: a new layout of it and its neighbours
 * only, of the same graph (the selection stays); Back brings the whole graph again. */
static void
test_focus (void)
{
  RwbGraph *g;
  const RwbScene *scene;
  g_autoptr (RwbAnalysisGraph) ag = NULL;
  g_autoptr (GArray) ego = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree guint8 *in = NULL;
  g_autoptr (Picture) picture = NULL;
  guint company, whole;
  NodeCount count;

  ensure_window ();
  g = graph ();
  whole = rwb_graph_view_get_scene (graph_view ())->nodes->len;
  company = most_connected_company ();
  ag = rwb_analysis_graph_new (g, NULL);
  ego = rwb_analysis_ego (ag, &company, 1, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ego->len, >, 1);
  g_assert_cmpuint (ego->len, <, whole);

  rwb_graph_view_select_entity (graph_view (), company, FALSE);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "unfocus"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "focus", g_variant_new_uint32 (1));
  count.view = graph_view ();
  count.n_nodes = ego->len;
  g_assert_true (wait_for (scene_has_nodes, &count));

  scene = rwb_graph_view_get_scene (graph_view ());
  g_assert_true (scene->graph == g);
  in = g_malloc0 (g->entities->len);
  for (guint k = 0; k < ego->len; k++)
    in[g_array_index (ego, guint, k)] = 1;
  for (guint i = 0; i < scene->nodes->len; i++)
    g_assert_true (in[g_array_index (scene->nodes, RwbSceneNode, i).entity]);
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      const RwbRelation *r = g_ptr_array_index (g->relations, e->relation);

      g_assert_true (in[r->source] && in[r->target]);
    }
  {
    g_autoptr (GArray) selected = rwb_graph_view_get_selected_entities (graph_view ());

    g_assert_cmpuint (selected->len, ==, 1);
    g_assert_cmpuint (g_array_index (selected, guint, 0), ==, company);
  }
  picture = render_widget (GTK_WIDGET (window), "viewer-focus.png");

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "unfocus"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "unfocus", NULL);
  count.n_nodes = whole;
  g_assert_true (wait_for (scene_has_nodes, &count));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "unfocus"));
}

static gboolean
centrality_shown (gpointer data)
{
  GListModel *model = data;
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RwbEntityItem) item = g_list_model_get_item (model, i);

      if (rwb_entity_item_get_centrality (item) < 0)
        return FALSE;
    }
  return n > 0;
}

/* The Entities list's centrality column: every row gets the normalized betweenness the core
 * computes for its entity. */
static void
test_centrality_column (void)
{
  GListModel *model;
  g_autoptr (RwbAnalysisGraph) ag = NULL;
  g_autoptr (RwbBetweenness) b = NULL;
  g_autoptr (GError) error = NULL;
  guint n;

  ensure_window ();
  model = rwb_entity_list_get_model (window_child ("entity_list"));
  g_assert_true (wait_for (centrality_shown, model));
  ag = rwb_analysis_graph_new (graph (), NULL);
  b = rwb_analysis_betweenness (ag, NULL, NULL, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, graph ()->entities->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RwbEntityItem) item = g_list_model_get_item (model, i);
      guint e = rwb_entity_item_get_index (item);

      g_assert_cmpfloat_with_epsilon (rwb_entity_item_get_centrality (item),
                                      rwb_betweenness_normalized (b, e), 1e-9);
      g_assert_cmpuint (rwb_entity_item_get_evidence (item), ==, (guint) ag->weighted_degree[e]);
    }
  g_assert_cmpfloat (b->max, >, 0);

  /* Sorted by the Evidence column (weighted degree), most first. */
  {
    RwbEntityList *list = window_child ("entity_list");
    GtkColumnView *view = NULL;
    GtkColumnViewColumn *evidence = NULL;
    GListModel *columns;
    guint last = G_MAXUINT, top = 0;

    for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (list)); w && view == NULL;
         w = gtk_widget_get_next_sibling (w))
      {
        if (GTK_IS_COLUMN_VIEW (w))
          view = GTK_COLUMN_VIEW (w);
        else if (GTK_IS_SCROLLED_WINDOW (w)
                 && GTK_IS_COLUMN_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (w))))
          view = GTK_COLUMN_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (w)));
      }
    g_assert_nonnull (view);
    columns = gtk_column_view_get_columns (view);
    for (guint c = 0; c < g_list_model_get_n_items (columns) && evidence == NULL; c++)
      {
        g_autoptr (GtkColumnViewColumn) col = g_list_model_get_item (columns, c);

        if (g_strcmp0 (gtk_column_view_column_get_title (col), "Evidence") == 0)
          evidence = col;
      }
    g_assert_nonnull (evidence);
    gtk_column_view_sort_by_column (view, evidence, GTK_SORT_DESCENDING);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr (RwbEntityItem) item = g_list_model_get_item (model, i);
        guint ev = rwb_entity_item_get_evidence (item);

        g_assert_cmpuint (ev, <=, last);
        last = ev;
      }
    for (guint e = 0; e < ag->n_nodes; e++)
      top = MAX (top, (guint) ag->weighted_degree[e]);
    {
      g_autoptr (RwbEntityItem) first = g_list_model_get_item (model, 0);

      g_assert_cmpuint (rwb_entity_item_get_evidence (first), ==, top);
      g_assert_cmpuint (top, >, 0);
    }
    gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  }
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
  g_test_add_func ("/viewer/keyboard-focus", test_keyboard_focus);
  g_test_add_func ("/viewer/legible", test_legible);
  g_test_add_func ("/viewer/legend-chip", test_legend_chip);
  g_test_add_func ("/viewer/path", test_path);
  g_test_add_func ("/viewer/communities-and-sizes", test_communities_and_sizes);
  g_test_add_func ("/viewer/statistics", test_statistics);
  g_test_add_func ("/viewer/focus", test_focus);
  g_test_add_func ("/viewer/centrality-column", test_centrality_column);
  g_test_add_func ("/viewer/close", test_close);

  app = rwb_application_new ();
  return gui_test_run_app (app, argv[0]);
}
