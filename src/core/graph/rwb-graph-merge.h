/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-merge.h — joining graphs: the graphs of several articles or files into one. */
#pragma once

#include "rwb-graph.h"

G_BEGIN_DECLS

/* Adds @src to @dest: documents (one per path), entities matched by name or any alias (else
 * added), relations matched by (source, target, type) — either way round for undirected ones —
 * with their evidence appended and counts added. Imported attrs are kept, @dest's win. */
void       rwb_graph_merge       (RwbGraph *dest, RwbGraph *src);

G_END_DECLS
