/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-analysis.h — the questions analysts ask of a graph, in one include.
 *
 * Take a snapshot of the graph (rwb-analysis-graph.h), then ask it: who is central
 * (rwb-centrality.h), how two entities are connected (rwb-paths.h), what clusters there are
 * (rwb-communities.h), what surrounds an entity (rwb-ego.h), and the counts of the whole
 * (rwb-statistics.h). The long ones have _async variants that run in a worker thread on the
 * snapshot, with a GCancellable checked inside their loops.
 */
#pragma once

#include "rwb-analysis-graph.h"
#include "rwb-centrality.h"
#include "rwb-communities.h"
#include "rwb-ego.h"
#include "rwb-paths.h"
#include "rwb-statistics.h"
