/* rwb-scene.h — a laid-out graph: node boxes, edge curves and label positions.
 *
 * Coordinates are in points (1/72 inch), origin at the top left of the drawing, y down; the
 * scene's bounds enclose everything drawn. Produced by rwb-layout from Graphviz's output and
 * consumed by rwb-render, so screen and image exports share one geometry.
 */
#pragma once

#include <glib.h>
#include "rwb-graph.h"

G_BEGIN_DECLS

typedef struct {
  double x, y, width, height;
} RwbRect;

typedef struct {
  guint entity;         /* index into graph->entities */
  double x, y;          /* centre */
  double width, height; /* box size */
  char *label;          /* first line: the name (Latin where known) */
  char *sublabel;       /* second line: the other-script alias (e.g. Arabic), may be NULL */
} RwbSceneNode;

typedef struct {
  double x, y;
} RwbPoint;

typedef struct {
  guint relation;       /* index into graph->relations */
  guint from, to;       /* indices into scene->nodes */
  GArray *points;       /* RwbPoint: cubic bezier control points, 1 + 3n points */
  gboolean has_head;    /* an arrowhead from the last point to @head */
  RwbPoint head;
  double label_x, label_y;
} RwbSceneEdge;

typedef struct {
  RwbGraph *graph;      /* a reference, held while the scene lives */
  GArray *nodes;        /* RwbSceneNode */
  GArray *edges;        /* RwbSceneEdge */
  RwbRect bounds;
  char *engine;         /* Graphviz engine that produced it */
} RwbScene;

RwbScene *rwb_scene_new        (RwbGraph *graph);  /* takes a reference on @graph */
void      rwb_scene_free       (RwbScene *scene);
/* Index of the scene node for entity @entity, or -1 if it is not in the scene. */
gint      rwb_scene_find_node  (const RwbScene *scene, guint entity);
/* Index of the topmost node containing the point, or -1. */
gint      rwb_scene_node_at    (const RwbScene *scene, double x, double y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbScene, rwb_scene_free)

G_END_DECLS
