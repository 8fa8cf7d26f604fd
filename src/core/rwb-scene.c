/* rwb-scene.c — laid-out graph geometry. */
#define G_LOG_DOMAIN "rawabit-scene"

#include "rwb-scene.h"

static void
node_clear (gpointer data)
{
  RwbSceneNode *node = data;
  g_free (node->label);
  g_free (node->sublabel);
}

static void
edge_clear (gpointer data)
{
  RwbSceneEdge *edge = data;
  g_clear_pointer (&edge->points, g_array_unref);
}

/**
 * rwb_scene_new:
 * Creates an empty scene for @graph, holding a reference to it.
 */
RwbScene *
rwb_scene_new (RwbGraph *graph)
{
  RwbScene *scene = g_new0 (RwbScene, 1);
  scene->graph = rwb_graph_ref (graph);
  scene->nodes = g_array_new (FALSE, TRUE, sizeof (RwbSceneNode));
  g_array_set_clear_func (scene->nodes, node_clear);
  scene->edges = g_array_new (FALSE, TRUE, sizeof (RwbSceneEdge));
  g_array_set_clear_func (scene->edges, edge_clear);
  return scene;
}

/**
 * rwb_scene_free:
 * Frees the scene and drops its reference to the graph.
 */
void
rwb_scene_free (RwbScene *scene)
{
  if (scene == NULL)
    return;
  g_array_unref (scene->nodes);
  g_array_unref (scene->edges);
  rwb_graph_unref (scene->graph);
  g_free (scene->engine);
  g_free (scene);
}

/**
 * rwb_scene_find_node:
 * Returns the scene node of entity @entity, or -1.
 */
gint
rwb_scene_find_node (const RwbScene *scene, guint entity)
{
  g_return_val_if_fail (scene != NULL, -1);
  for (guint i = 0; i < scene->nodes->len; i++)
    if (g_array_index (scene->nodes, RwbSceneNode, i).entity == entity)
      return i;
  return -1;
}

/**
 * rwb_scene_node_at:
 * Returns the topmost node whose box contains (x, y) in scene points, or -1.
 */
gint
rwb_scene_node_at (const RwbScene *scene, double x, double y)
{
  g_return_val_if_fail (scene != NULL, -1);
  for (guint i = scene->nodes->len; i-- > 0;)
    {
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
      if (x >= n->x - n->width / 2 && x <= n->x + n->width / 2
          && y >= n->y - n->height / 2 && y <= n->y + n->height / 2)
        return i;
    }
  return -1;
}
