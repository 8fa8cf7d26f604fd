/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gui-test-util.h — what every GUI test needs and would otherwise write again: waiting in the
 * main loop with a time limit, pictures of a widget as the renderer draws it, and the start and
 * end of a test run inside the application.
 */
#pragma once

#include <gtk/gtk.h>

#include "rwb-application.h"
#include "rwb-graph-view.h"
#include "rwb-window.h"

G_BEGIN_DECLS

/* Extraction, the layout helper and a first frame on a slow CI machine. */
#define WAIT_SECONDS 90

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; FALSE if it did not within WAIT_SECONDS. */
gboolean wait_for (Condition condition, gpointer data);

/* Lets pending idles and redraws run. */
void settle (void);

/* A Condition: the RwbWindow @data has no extraction or layout under way. */
gboolean is_idle (gpointer data);

/* --- The window and what it shows --------------------------------------------------------- */

/* @widget's template child @name, as class @type declares it; the test fails if there is none. */
gpointer template_child_of (gpointer widget, GType type, const char *name);

/* The window once it shows the sample given on the command line: @window if the test has it
 * already, else the application's active one. */
RwbWindow *wait_for_sample (RwbApplication *app, RwbWindow *window);

/* The index of the entity called @name in the graph @view shows; the test fails without one. */
guint view_entity_named (RwbGraphView *view, const char *name);

/* The session @window's graph view binds to. */
RwbSession *window_session (RwbWindow *window);

/* A Condition: the RwbWindow @data is idle and shows the scene of its session's latest graph. */
gboolean window_shows_latest (gpointer data);

/* Activates win.@name (enabled, or the test fails) with @parameter and waits until the graph it
 * made is laid out and shown. */
void run_window_action (RwbWindow *window, const char *name, GVariant *parameter);

/* --- Pictures ------------------------------------------------------------------------------ */

typedef struct
{
  int width, height;
  gsize stride;
  guchar *data;     /* ARGB32 as cairo lays it out: B, G, R, A bytes on little-endian */
} Picture;

void picture_free (Picture *picture);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Picture, picture_free)

/* Renders @widget with its window's renderer, as the compositor would get it, saves it as
 * @name in the test's build directory (for a person to look at) and returns the pixels. */
Picture *render_widget (GtkWidget *widget, const char *name);

/* The pixel at @x, @y as 0xRRGGBB. */
guint32 pixel_at (const Picture *picture, int x, int y);

/* Sum of the differences of the three channels of 0xRRGGBB colours @a and @b (0 to 765). */
int colour_distance (guint32 a, guint32 b);

/* Relative luminance of 0xRRGGBB @rgb, 0 (black) to 1 (white). */
double luminance (guint32 rgb);

/* --- Running ------------------------------------------------------------------------------- */

/* gtk_test_init() with the log writer that lets xvfb-run's missing session bus pass. */
void gui_test_init (int *argc, char ***argv);

/* Runs @app as `rawabit SAMPLE` would, SAMPLE being the article in RAWABIT_SAMPLE, with the
 * added tests run from inside its main loop once it has opened it; takes the caller's reference
 * and asserts that the application is finalized at the end. Returns g_test_run()'s status. */
int gui_test_run_app (RwbApplication *app, const char *argv0);

/* Closes *@window, the application's last one, asserts that nothing keeps it alive and clears
 * the test's pointer to it. */
void close_window (RwbApplication *app, RwbWindow **window);

G_END_DECLS
