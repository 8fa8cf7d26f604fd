/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-dot-private.h — the parser of the layout helper's --import output, apart from the
 * process that produces it, so tests and fuzzers can feed it any text. */
#pragma once

#include "rwb-dot.h"

G_BEGIN_DECLS

/* Parses what `rawabit-layout --import` writes on stdout (NUL-terminated @out) as
 * rwb_dot_import does after the helper exits successfully. On success stores the scene in
 * @scene and appends the helper's warnings to @warnings (may be NULL). */
RwbGraph *rwb_dot_parse_import_output (const char *out, RwbScene **scene, GPtrArray *warnings,
                                       GError **error);

G_END_DECLS
