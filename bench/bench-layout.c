/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-layout — lays out one Rawabit graph as the window and `rawabit-cli render` do, for
 * timing the whole process against `sfdp` on the same graph (bench/run).
 *
 * Usage: build/bench/bench-layout [--engine E] [--png OUT] [--check] GRAPH.json
 *
 * Without --engine the engine is the one Rawabit picks for the graph's size. --check counts
 * pairs of nodes whose boxes overlap (through the scene's grid index, so it stays fast at 20k)
 * and prints it with the layout's size; --png draws the whole layout (scale 0.5) for looking at.
 */
#define G_LOG_DOMAIN "rawabit-bench-layout"

#include "rwb-json.h"
#include "rwb-layout.h"
#include "rwb-render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static guint
count_overlaps (RwbScene *scene)
{
  guint overlaps = 0;
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
      /* Boxes that share more than a hairline. */
      RwbRect box = { n->x - n->width / 2 + 0.5, n->y - n->height / 2 + 0.5, n->width - 1,
                      n->height - 1 };
      g_array_set_size (hits, 0);
      rwb_scene_query_rect (scene, &box, hits, NULL);
      for (guint k = 0; k < hits->len; k++)
        {
          guint j = g_array_index (hits, guint, k);
          const RwbSceneNode *m = &g_array_index (scene->nodes, RwbSceneNode, j);
          if (j > i && fabs (n->x - m->x) < (n->width + m->width) / 2 - 1
              && fabs (n->y - m->y) < (n->height + m->height) / 2 - 1)
            overlaps++;
        }
    }
  return overlaps;
}

int
main (int argc, char **argv)
{
  g_autofree char *engine = NULL, *png = NULL;
  gboolean check = FALSE;
  GOptionEntry entries[] = {
    { "engine", 'e', 0, G_OPTION_ARG_STRING, &engine, "Graphviz engine", "E" },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png, "write the layout as PNG", "OUT" },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, "count overlapping nodes", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("GRAPH.json");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || argc != 2)
    {
      fprintf (stderr, "usage: bench-layout [--engine E] [--png OUT] [--check] GRAPH.json\n");
      return 2;
    }
  g_autofree char *data = NULL;
  gsize len;
  if (!g_file_get_contents (argv[1], &data, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_autoptr (RwbGraph) graph = rwb_json_read (data, len, &error);
  if (graph == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  options.engine = rwb_layout_engine_for_size (graph->entities->len);
  if (engine && !rwb_layout_engine_from_string (engine, &options.engine))
    {
      fprintf (stderr, "unknown engine %s\n", engine);
      return 2;
    }
  options.timeout_seconds = 600;
  gint64 start = g_get_monotonic_time ();
  g_autoptr (RwbScene) scene = rwb_layout_run (graph, &options, NULL, &error);
  if (scene == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (check)
    printf ("%u nodes, %u edges, engine %s, %.2f s, %.0f × %.0f pt, %u overlapping pairs\n",
            scene->nodes->len, scene->edges->len, scene->engine,
            (g_get_monotonic_time () - start) / 1e6, scene->bounds.width,
            scene->bounds.height, count_overlaps (scene));
  if (png)
    {
      RwbStyle style;
      rwb_style_init (&style);
      if (!rwb_render_to_file (scene, &style, RWB_IMAGE_PNG, 0.5, png, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }
  return 0;
}
