/* SPDX-License-Identifier: GPL-3.0-or-later */
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
  /* Drawing taken from an imported DOT file, when the scene shows a plain Graphviz graph
   * rather than a Rawabit graph; all NULL otherwise (the style by entity type applies). */
  char *shape;          /* Graphviz shape name: box, ellipse, circle, diamond, … */
  char *color;          /* outline colour, "#rrggbb" or "#rrggbbaa" */
  char *fillcolor;      /* fill colour, NULL: not filled */
  char *fontcolor;
  char *style;          /* Graphviz style list: "filled,dashed,rounded", … */
  double fontsize;      /* points; 0: the renderer's default */
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
  /* From an imported DOT file, as for nodes; NULL otherwise. */
  char *label;          /* edge label text */
  char *color;
  char *style;          /* "dashed", "dotted", "bold", "invis" … */
} RwbSceneEdge;

/* A Graphviz cluster (subgraph cluster_*) of an imported DOT file. */
typedef struct {
  RwbRect box;
  char *label;
  double label_x, label_y;
  char *color;
  char *fillcolor;
  char *style;
} RwbSceneCluster;

typedef struct _RwbSceneIndex RwbSceneIndex;

typedef struct {
  RwbGraph *graph;      /* a reference, held while the scene lives */
  GArray *nodes;        /* RwbSceneNode */
  GArray *edges;        /* RwbSceneEdge */
  RwbRect bounds;
  char *engine;         /* Graphviz engine that produced it */
  RwbSceneIndex *index; /* private: see rwb_scene_build_index(); NULL until built */
  GArray *clusters;     /* RwbSceneCluster, empty unless imported from DOT */
  gboolean from_dot;    /* draw with the nodes' and edges' own DOT styles */
  char *background;     /* the DOT graph's bgcolor, or NULL */
} RwbScene;

RwbScene *rwb_scene_new        (RwbGraph *graph);  /* takes a reference on @graph */
void      rwb_scene_free       (RwbScene *scene);
/* Index of the scene node for entity @entity, or -1 if it is not in the scene. */
gint      rwb_scene_find_node  (const RwbScene *scene, guint entity);

/* Builds (or rebuilds) the spatial index: a uniform grid over node boxes and edge bounding
 * boxes, plus each node's list of incident edges. Call it once after the scene's geometry is
 * complete and again after changing nodes or edges other than through rwb_scene_move_node(). Not
 * thread-safe: a scene with an index must be queried from one thread at a time. */
void      rwb_scene_build_index (RwbScene *scene);
/* Appends to @nodes and @edges (GArrays of guint, either may be NULL) the indices, ascending, of
 * the nodes and edges whose bounding boxes meet @rect. Scans everything without an index. */
void      rwb_scene_query_rect (const RwbScene *scene, const RwbRect *rect, GArray *nodes,
                                GArray *edges);
/* Bounding box of edge @edge: its control points and arrowhead. */
void      rwb_scene_edge_bounds (const RwbScene *scene, guint edge, RwbRect *out);
/* Distance in scene points from (x, y) to the drawn curve of edge @edge (arrowhead included). */
double    rwb_scene_edge_distance (const RwbScene *scene, guint edge, double x, double y);
/* The edges incident to node @node (self-loops once); needs the index, else returns NULL. */
const guint *rwb_scene_node_edges (const RwbScene *scene, guint node, guint *n_edges);
/* Moves node @node's centre to (x, y) and reroutes its edges: each becomes one cubic from
 * border to border (bent apart when two nodes share several edges; self-loops move along),
 * its arrowhead on the target's border and its label at its middle. Grows the bounds to
 * include the node and its edges, and updates the index when there is one. */
void      rwb_scene_move_node  (RwbScene *scene, guint node, double x, double y);
/* Recomputes @bounds from every node box and edge point (after moves shrank the drawing). */
void      rwb_scene_update_bounds (RwbScene *scene);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbScene, rwb_scene_free)

G_END_DECLS
