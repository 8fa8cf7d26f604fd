/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-dot-private.h — the reader of the layout helper's --import output (Graphviz's JSON),
 * apart from the process that produces it, so tests and fuzzers can feed it any text. */
#pragma once

#include "rwb-dot.h"

G_BEGIN_DECLS

/* Reads what `rawabit-layout --import` writes on stdout (@length bytes of JSON) as
 * rwb_dot_import does after the helper exits successfully; the scene goes to @scene. */
RwbGraph *rwb_dot_parse_import_output (const char *json, gsize length, RwbScene **scene,
                                       GError **error);

G_END_DECLS
