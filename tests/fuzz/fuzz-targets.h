/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-targets.h — what each fuzz target does with one input, shared by the libFuzzer targets
 * (fuzz-*.c) and by tests/test-fuzz-regressions.c, which replays the seed corpora and every
 * input that once failed through exactly these paths. Each function frees all it allocates,
 * so LeakSanitizer sees any leak in the code under test. */
#pragma once

#include "rwb-dot-private.h"
#include "rwb-extract.h"
#include "rwb-formats.h"
#include "rwb-json.h"
#include "rwb-text.h"

#include <stdint.h>
#include <string.h>

/* Article text: validated, added as a document, extracted with @lexicon, written as JSON. */
static inline void
rwb_fuzz_extract (RwbLexicon *lexicon, const char *data, gsize size)
{
  if (!rwb_text_validate (data, size, NULL))
    return;
  g_autofree char *text = g_strndup (data, size);
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  guint doc = rwb_graph_add_document (graph, "fuzz.txt", rwb_text_guess_language (text, size),
                                      text);
  g_autoptr (GError) error = NULL;
  if (rwb_extract_document (lexicon, graph, doc, NULL, &error))
    g_free (rwb_json_write (graph, FALSE));
}

/* Rawabit JSON: read, and written back when it is a graph. */
static inline void
rwb_fuzz_json (const char *data, gsize size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) graph = rwb_json_read (data, size, &error);
  if (graph)
    g_free (rwb_json_write (graph, TRUE));
}

/* GraphML: read from memory, and written back as GraphML and JSON when it is a graph. */
static inline void
rwb_fuzz_graphml (const char *data, gsize size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RwbGraph) graph = rwb_formats_read_data (data, size, RWB_FORMAT_GRAPHML, warnings,
                                                      &error);
  if (graph == NULL)
    return;
  g_free (rwb_formats_to_string (graph, NULL, RWB_FORMAT_GRAPHML, NULL));
  g_free (rwb_json_write (graph, FALSE));
}

/* The layout helper's --import output (Graphviz's JSON, as rwb_dot_import receives it from the
 * child): read into a graph and scene, then written as DOT and JSON. */
static inline void
rwb_fuzz_dot (const char *data, gsize size)
{
  g_autoptr (GError) error = NULL;
  RwbScene *scene = NULL;
  g_autoptr (RwbGraph) graph = rwb_dot_parse_import_output (data, size, &scene, &error);
  if (graph == NULL)
    return;
  g_free (rwb_formats_to_string (graph, scene, RWB_FORMAT_DOT, NULL));
  g_free (rwb_json_write (graph, FALSE));
  rwb_scene_free (scene);
}
