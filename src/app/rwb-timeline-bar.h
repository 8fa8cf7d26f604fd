/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-timeline-bar.h — the articles over time under the graph, and a handle that shows the graph
 * as of a date. */
#pragma once

#include <gtk/gtk.h>
#include "rwb-session.h"

G_BEGIN_DECLS

#define RWB_TYPE_TIMELINE_BAR (rwb_timeline_bar_get_type ())
G_DECLARE_FINAL_TYPE (RwbTimelineBar, rwb_timeline_bar, RWB, TIMELINE_BAR, GtkWidget)

/**
 * rwb_timeline_bar_new:
 *
 * Returns: (transfer full): a new timeline bar
 */
GtkWidget  *rwb_timeline_bar_new          (void);
/**
 * rwb_timeline_bar_set_session:
 * @self: a timeline bar
 * @session: (nullable): the session whose timeline to show
 *
 * Draws the dates of @session's articles (one bar per date, as high as the number of articles
 * of that day, placed in time) and a handle at #RwbSession:as-of. Dragging or clicking the
 * handle, or Left/Right/Home/End, sets #RwbSession:as-of to a date of an article (the last
 * date: no limit); the bar hides itself while no article has a date.
 */
void        rwb_timeline_bar_set_session  (RwbTimelineBar *self,
                                           RwbSession     *session);
/**
 * rwb_timeline_bar_set_playing:
 * @self: a timeline bar
 * @playing: whether to animate
 *
 * Plays the timeline: from the first date (or the handle's, when it is not at the end) the
 * handle steps to each next date every #RwbTimelineBar:interval milliseconds and stops at the
 * last. The play button does the same (`timeline.play`).
 */
void        rwb_timeline_bar_set_playing  (RwbTimelineBar *self,
                                           gboolean        playing);
gboolean    rwb_timeline_bar_get_playing  (RwbTimelineBar *self);
/**
 * rwb_timeline_bar_set_interval:
 * @self: a timeline bar
 * @interval: milliseconds from one date to the next while playing
 */
void        rwb_timeline_bar_set_interval (RwbTimelineBar *self,
                                           guint           interval);
/**
 * rwb_timeline_bar_step:
 * @self: a timeline bar
 * @delta: dates to move the handle by (negative: earlier)
 *
 * What the arrow keys do. Returns: whether the handle moved
 */
gboolean    rwb_timeline_bar_step         (RwbTimelineBar *self,
                                           gint            delta);
/**
 * rwb_timeline_bar_date_at:
 * @self: a timeline bar
 * @x: an x coordinate in the bar's drawing area
 *
 * Returns: (nullable): the article date nearest to @x, as a click there would choose it
 *   (%NULL for the last one: no limit), or %NULL without dates
 */
const char *rwb_timeline_bar_date_at      (RwbTimelineBar *self,
                                           double          x);
/**
 * rwb_timeline_bar_get_area:
 * @self: a timeline bar
 *
 * Returns: (transfer none): the drawing area (for tests that drag on it)
 */
GtkWidget  *rwb_timeline_bar_get_area     (RwbTimelineBar *self);

G_END_DECLS
