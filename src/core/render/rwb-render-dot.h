/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-render-dot.h — drawing a scene imported from a DOT file with its own Graphviz styles
 * (shapes, colours, labels, clusters), for Rawabit as a Graphviz viewer. Called by
 * rwb_render_scene() for scenes with from_dot set. */
#pragma once

#include "rwb-render.h"

G_BEGIN_DECLS

void rwb_render_dot_scene (cairo_t *cr, const RwbScene *scene, const RwbStyle *style,
                           const RwbViewport *viewport, double width, double height);

G_END_DECLS
