/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-corrections-private.h — what the two files of the corrections share (rwb-corrections.c:
 * keys, one correction, the list; -apply.c: applying them to a graph).
 */
#pragma once

#include "rwb-corrections.h"

G_BEGIN_DECLS

/* Whether a correction of @kind has a b: the second entity, the alias split off, or the new
 * name. */
gboolean rwb_correction_kind_needs_b (RwbCorrectionKind kind);

G_END_DECLS
