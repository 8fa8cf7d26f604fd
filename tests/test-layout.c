/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for rwb-layout: every engine through the helper process, failures as errors. */
#include "rwb-layout.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

static RwbGraph *
small_graph (guint n)
{
  RwbGraph *g = rwb_graph_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Company %u", i);
      guint e = rwb_graph_add_entity (g, name, RWB_ENTITY_COMPANY);
      rwb_entity_add_alias (g_ptr_array_index (g->entities, e), "شركة");
    }
  for (guint i = 1; i < n; i++)
    rwb_graph_ensure_relation (g, i - 1, i, i % 2 ? RWB_RELATION_SUPPLY : RWB_RELATION_TALKS, 0.8);
  rwb_graph_ensure_relation (g, 0, n - 1, RWB_RELATION_MENTION, 0.2);
  return g;
}

static void
test_engines (void)
{
  g_autoptr (RwbGraph) g = small_graph (6);
  for (guint e = 0; e < RWB_LAYOUT_N_ENGINES; e++)
    {
      RwbLayoutOptions options;
      rwb_layout_options_init (&options);
      options.engine = e;
      g_autoptr (GError) error = NULL;
      g_autoptr (RwbScene) scene = rwb_layout_run (g, &options, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (scene->nodes->len, ==, 6);
      /* Mentions are left out of the layout unless asked for. */
      g_assert_cmpuint (scene->edges->len, ==, 5);
      g_assert_cmpfloat (scene->bounds.width, >, 0);
      /* Nodes do not overlap and lie inside the bounds. */
      for (guint i = 0; i < scene->nodes->len; i++)
        {
          RwbSceneNode *a = &g_array_index (scene->nodes, RwbSceneNode, i);
          g_assert_cmpfloat (a->x - a->width / 2, >=, scene->bounds.x - 1);
          g_assert_cmpfloat (a->y + a->height / 2, <=, scene->bounds.y + scene->bounds.height + 1);
          g_assert_nonnull (a->sublabel);
          for (guint j = i + 1; j < scene->nodes->len; j++)
            {
              RwbSceneNode *b = &g_array_index (scene->nodes, RwbSceneNode, j);
              gboolean apart = fabs (a->x - b->x) >= (a->width + b->width) / 2 - 1
                               || fabs (a->y - b->y) >= (a->height + b->height) / 2 - 1;
              if (!apart)
                g_error ("%s: nodes %u and %u overlap", rwb_layout_engine_to_string (e), i, j);
            }
        }
      for (guint i = 0; i < scene->edges->len; i++)
        g_assert_cmpuint (g_array_index (scene->edges, RwbSceneEdge, i).points->len, >=, 4);
    }
}

static void
test_missing_helper (void)
{
  g_autoptr (RwbGraph) g = small_graph (2);
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  g_autofree char *saved = g_strdup (g_getenv ("RAWABIT_LAYOUT_HELPER"));
  g_setenv ("RAWABIT_LAYOUT_HELPER", "/nonexistent/rawabit-layout", TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbScene) scene = rwb_layout_run (g, &options, NULL, &error);
  g_assert_null (scene);
  g_assert_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_HELPER);
  g_setenv ("RAWABIT_LAYOUT_HELPER", saved, TRUE);
}

static void
test_crash_is_error (void)
{
  /* A helper that dies from a signal stands for Graphviz crashing: the caller gets an error
   * and lives on. */
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-layout-XXXXXX", &error);
  g_autofree char *fake = g_build_filename (dir, "crash", NULL);
  g_assert_true (g_file_set_contents (fake, "#!/bin/sh\ncat >/dev/null\nkill -SEGV $$\n", -1,
                                      NULL));
  g_chmod (fake, 0755);
  g_autofree char *saved = g_strdup (g_getenv ("RAWABIT_LAYOUT_HELPER"));
  g_setenv ("RAWABIT_LAYOUT_HELPER", fake, TRUE);
  g_autoptr (RwbGraph) g = small_graph (3);
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  g_autoptr (RwbScene) scene = rwb_layout_run (g, &options, NULL, &error);
  g_assert_null (scene);
  g_assert_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_CRASHED);
  g_setenv ("RAWABIT_LAYOUT_HELPER", saved, TRUE);
  g_remove (fake);
  g_rmdir (dir);
}

static void
cancel_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;
  RwbScene *scene = rwb_layout_run_finish (result, error);
  g_assert_null (scene);
}

static void
test_cancel_kills (void)
{
  /* A helper that would sleep for a minute: Cancel must end it at once. */
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-layout-XXXXXX", &error);
  g_autofree char *fake = g_build_filename (dir, "slow", NULL);
  g_assert_true (g_file_set_contents (fake, "#!/bin/sh\nexec sleep 60\n", -1, NULL));
  g_chmod (fake, 0755);
  g_autofree char *saved = g_strdup (g_getenv ("RAWABIT_LAYOUT_HELPER"));
  g_setenv ("RAWABIT_LAYOUT_HELPER", fake, TRUE);
  g_autoptr (RwbGraph) g = small_graph (3);
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  g_autoptr (GCancellable) cancel = g_cancellable_new ();
  GError *async_error = NULL;
  gint64 start = g_get_monotonic_time ();
  rwb_layout_run_async (g, &options, cancel, cancel_done, &async_error);
  g_timeout_add_once (200, (GSourceOnceFunc) g_cancellable_cancel, cancel);
  while (async_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (async_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
  g_clear_error (&async_error);
  g_setenv ("RAWABIT_LAYOUT_HELPER", saved, TRUE);
  g_remove (fake);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout/engines", test_engines);
  g_test_add_func ("/layout/missing-helper", test_missing_helper);
  g_test_add_func ("/layout/crash-is-error", test_crash_is_error);
  g_test_add_func ("/layout/cancel-kills", test_cancel_kills);
  return g_test_run ();
}
