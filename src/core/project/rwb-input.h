/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-input.h — what a file the user gives is, and reading it into a graph: the one loader the
 * window and rawabit-cli share.
 *
 * Inputs are articles (text, HTML: each extracted into a graph of its own, on a pool of threads,
 * and the graphs joined in input order with RwbGraphBuilder, so the graph depends only on the
 * files and their order, never on the number of threads), or one graph file
 * alone: a Rawabit project (its corrected graph), a Graphviz file (laid out by the helper in
 * its own style, with its scene), or a JSON / GraphML / GEXF graph.
 */
#pragma once

#include <gio/gio.h>

#include "rwb-extract.h"
#include "rwb-graph.h"
#include "rwb-layout.h"
#include "rwb-lexicon.h"
#include "rwb-scene.h"

G_BEGIN_DECLS

typedef enum {
  RWB_INPUT_ARTICLE,   /* text or HTML, extracted */
  RWB_INPUT_PROJECT,   /* NAME.rawabit */
  RWB_INPUT_DOT,       /* Graphviz: .gv, .dot, or a file that starts like one */
  RWB_INPUT_GRAPH,     /* Rawabit JSON, GraphML, GEXF */
} RwbInputKind;

/**
 * rwb_input_kind:
 * @file: a file
 * @cancellable: (nullable): a cancellable
 *
 * Tells what @file is, by its extension, else by its first bytes (an SQLite project header, a
 * DOT graph's start); anything else is an article. Reads at most 4 KiB.
 *
 * Returns: the kind of input
 */
RwbInputKind rwb_input_kind (GFile        *file,
                             GCancellable *cancellable);

/**
 * rwb_input_load:
 * @files: (array length=n_files): the inputs, in order
 * @n_files: how many; at least one
 * @lexicon: (nullable): the lexicon to extract articles with; %NULL loads the default one
 *   (with @lexicon_dir) when an article is among the inputs
 * @lexicon_dir: (nullable): a folder of lexicon files that extend the shipped ones
 * @extract_options: (nullable): how articles are read and extracted; its log, when set, gets
 *   each article's lines together and in input order, whatever the threads
 * @n_threads: how many articles are extracted at once; 0: one per core
 * @dot_options: (nullable): how a Graphviz file is laid out; %NULL: its own `layout`, else dot
 * @dot_scene: (out) (optional) (nullable): the scene of a Graphviz file, as the helper drew it
 * @kind: (out) (optional): what the inputs were (%RWB_INPUT_ARTICLE for several articles)
 * @warnings: (nullable) (element-type utf8): receives what an import dropped or changed
 * @failed: (out) (optional): the index of the file an error is about, or -1 when it is about
 *   none (the lexicon, a project's own errors, a mix of inputs)
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reads the inputs into one graph. A project, a Graphviz file or a graph file cannot be
 * combined with other inputs (G_IO_ERROR_NOT_SUPPORTED). Blocks: call it off the UI thread.
 *
 * Returns: (transfer full) (nullable): the graph, or %NULL with @error set
 */
RwbGraph    *rwb_input_load (GFile                  **files,
                             guint                    n_files,
                             RwbLexicon              *lexicon,
                             const char              *lexicon_dir,
                             const RwbExtractOptions *extract_options,
                             guint                    n_threads,
                             const RwbLayoutOptions  *dot_options,
                             RwbScene               **dot_scene,
                             RwbInputKind            *kind,
                             GPtrArray               *warnings,
                             gint                    *failed,
                             GCancellable            *cancellable,
                             GError                 **error);

/**
 * rwb_input_load_articles:
 * @files: (array length=n_files): article files (text or HTML), in order
 * @n_files: how many; at least one
 * @lexicon: the lexicon to extract them with
 * @options: (nullable): how they are read and extracted; its log gets each article's lines
 *   together and in input order
 * @n_threads: how many articles are extracted at once; 0: one per core
 * @failed: (out) (optional): the index of the first file in input order that could not be
 *   read, or -1
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Extracts each article into a graph of its own and joins the graphs in input order with
 * RwbGraphBuilder, documents named d0, d1, …: the graph depends only on the files and their
 * order. At most two articles per thread wait to be joined. One article gives the graph
 * rwb_extract_file() makes, unjoined. rwb_input_load() reads articles with it.
 *
 * Returns: (transfer full) (nullable): the graph, or %NULL with @error set
 */
RwbGraph    *rwb_input_load_articles (GFile                  **files,
                                      guint                    n_files,
                                      RwbLexicon              *lexicon,
                                      const RwbExtractOptions *options,
                                      guint                    n_threads,
                                      gint                    *failed,
                                      GCancellable            *cancellable,
                                      GError                 **error);

G_END_DECLS
