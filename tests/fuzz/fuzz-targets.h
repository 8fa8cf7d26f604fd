/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-targets.h — what each fuzz target does with one input, shared by the libFuzzer targets
 * (fuzz-*.c) and by tests/test-fuzz-regressions.c, which replays the seed corpora and every
 * input that once failed through exactly these paths. Each function frees all it allocates,
 * so LeakSanitizer sees any leak in the code under test. */
#pragma once

#include "rwb-dot-private.h"
#include "rwb-extract.h"
#include "rwb-formats.h"
#include "rwb-html.h"
#include "rwb-json.h"
#include "rwb-layout.h"
#include "rwb-render.h"
#include "rwb-text.h"

#include <stdint.h>
#include <string.h>
#include <stdlib.h>

/* The fuzzers' log writer: a GLib warning or critical is a finding. It is written as usual,
 * then abort(): libFuzzer catches SIGABRT and saves the input, while the SIGTRAP that
 * g_log_set_always_fatal() ends in kills the fuzzer with no input saved. */
static inline GLogWriterOutput
rwb_fuzz_log_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  GLogWriterOutput out = g_log_writer_default (level, fields, n_fields, data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return out;
}

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

/* A scene drawn into a small image at three zooms: fitted (far out, batched), 1:1 and 4×
 * around its middle (every operation, text shaped). */
static inline void
rwb_fuzz_draw (RwbScene *scene)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 48);
  cairo_t *cr = cairo_create (surface);
  RwbStyle style;
  rwb_style_init (&style);
  RwbRenderCache *cache = rwb_render_cache_new ();
  style.cache = cache;
  RwbViewport vp;
  rwb_viewport_fit (&vp, scene, 64, 48, 2);
  rwb_render_scene (cr, scene, &style, &vp, 64, 48);
  for (double scale = 1; scale <= 4; scale *= 4)
    {
      RwbViewport close = { scale, scene->bounds.x + scene->bounds.width / 2,
                            scene->bounds.y + scene->bounds.height / 2 };
      style.dark = scale > 1;
      rwb_render_scene (cr, scene, &style, &close, 64, 48);
    }
  rwb_render_cache_free (cache);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The renderer on fuzzed scenes: the input read as the helper's --import output, the scene
 * drawn, then a node dragged (rerouting its edges) and drawn again. */
static inline void
rwb_fuzz_render (const char *data, gsize size)
{
  g_autoptr (GError) error = NULL;
  RwbScene *scene = NULL;
  g_autoptr (RwbGraph) graph = rwb_dot_parse_import_output (data, size, &scene, &error);
  if (graph == NULL)
    return;
  rwb_fuzz_draw (scene);
  if (scene->nodes->len > 0)
    {
      rwb_scene_move_node (scene, 0, scene->bounds.x + 10, scene->bounds.y + 10);
      rwb_fuzz_draw (scene);
    }
  rwb_scene_free (scene);
}

/* The reader of a Rawabit graph's layout (json0) for a fixed graph of three entities and three
 * relations (n0…n2, r0…r2), and the scene drawn. */
static inline void
rwb_fuzz_layout (const char *data, gsize size)
{
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  rwb_graph_add_entity (graph, "Acme", RWB_ENTITY_COMPANY);
  guint b = rwb_graph_add_entity (graph, "شركة", RWB_ENTITY_PERSON);
  rwb_graph_add_entity (graph, "Paris", RWB_ENTITY_PLACE);
  rwb_entity_add_alias (g_ptr_array_index (graph->entities, b), "Sharika");
  rwb_graph_ensure_relation (graph, 0, 1, RWB_RELATION_SUPPLY, 0.9);
  rwb_graph_ensure_relation (graph, 1, 2, RWB_RELATION_LOCATION, 0.5);
  rwb_graph_ensure_relation (graph, 2, 2, RWB_RELATION_MENTION, 0.5);
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbScene) scene = rwb_layout_parse_output (graph, data, size, RWB_LAYOUT_DOT,
                                                        &error);
  if (scene)
    rwb_fuzz_draw (scene);
}

/* Graphviz's own DOT parser and layout, in the helper with its limits (2 s, 512 MB), through
 * the import as the window runs it; then the scene drawn. */
static inline void
rwb_fuzz_helper (const char *data, gsize size)
{
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  options.engine = RWB_LAYOUT_N_ENGINES;
  options.timeout_seconds = 2;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  RwbScene *scene = NULL;
  g_autoptr (RwbGraph) graph = rwb_dot_import (data, size, &options, &scene, warnings, NULL,
                                               &error);
  if (graph == NULL)
    return;
  rwb_fuzz_draw (scene);
  rwb_scene_free (scene);
}

/* A web page: decoded and read (rwb-html.h) with and without replacing bad bytes, and the
 * article's text checked as the extractor will receive it. */
static inline void
rwb_fuzz_html (const char *data, gsize size)
{
  for (guint replace = 0; replace < 2; replace++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RwbHtmlArticle) article = rwb_html_read (
        data, size, replace ? RWB_TEXT_LOAD_REPLACE_INVALID : RWB_TEXT_LOAD_DEFAULT, &error);
      if (article == NULL)
        {
          g_assert (error != NULL);
          continue;
        }
      g_assert (rwb_text_validate (article->text, strlen (article->text), NULL));
      g_assert (article->date == NULL || strlen (article->date) == 10);
    }
}
