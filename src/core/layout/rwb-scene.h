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
  char *label;          /* first line: the name (Latin where known); of an imported node, the
                         * text Graphviz drew, lines joined by "\n" */
  char *sublabel;       /* second line: the other-script alias (e.g. Arabic), may be NULL */
  guint draw_first;     /* an imported node's drawing: draw_n operations from scene->draw_ops */
  guint draw_n;         /* 0 for a Rawabit graph's nodes (the style by entity type applies) */
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
  /* From an imported DOT file: the label Graphviz drew (NULL otherwise) and the drawing, as for
   * nodes. Once a drag has rerouted the edge its curve and arrowheads are drawn from @points
   * in the colour of its drawing, and its text moves with the label. */
  char *label;
  guint draw_first, draw_n;
  gboolean rerouted;
} RwbSceneEdge;

/* A Graphviz cluster (subgraph cluster_*) of an imported DOT file, drawn by its operations. */
typedef struct {
  RwbRect box;
  char *label;          /* the text Graphviz drew, or NULL */
  guint draw_first, draw_n;
} RwbSceneCluster;

/* What Graphviz drew for an imported DOT file (its xdot operations, `_draw_`, `_ldraw_`, … in
 * its JSON), with the state operations (colours, style, font) folded into each drawing one and
 * y flipped to point down. */
typedef enum {
  RWB_DRAW_OP_POLYGON,   /* closed polygon */
  RWB_DRAW_OP_POLYLINE,
  RWB_DRAW_OP_BEZIER,    /* cubic pieces: 1 + 3n points */
  RWB_DRAW_OP_ELLIPSE,   /* points: the centre, then (rx, ry) */
  RWB_DRAW_OP_TEXT,      /* points: where the baseline meets the anchor given by align */
} RwbDrawOpKind;

typedef enum {
  RWB_DRAW_LINE_SOLID,
  RWB_DRAW_LINE_DASHED,
  RWB_DRAW_LINE_DOTTED,
  RWB_DRAW_LINE_INVISIBLE,
} RwbDrawLine;

typedef enum {
  RWB_DRAW_OP_DEFAULT_PEN  = 1 << 0, /* @pen is Graphviz's default black, not set by the file:
                                      * the theme's foreground stands in (text likewise) */
  RWB_DRAW_OP_DEFAULT_FILL = 1 << 1, /* the same for @fill (an arrowhead's default black) */
  RWB_DRAW_OP_BOLD         = 1 << 2, /* text */
  RWB_DRAW_OP_ITALIC       = 1 << 3,
} RwbDrawOpFlags;

typedef struct {
  guint8 kind;          /* RwbDrawOpKind */
  guint8 filled;        /* polygon, bezier, ellipse: filled with @fill, then outlined */
  guint8 line;          /* RwbDrawLine */
  guint8 flags;         /* RwbDrawOpFlags */
  gint8 align;          /* text: -1 left, 0 centre, 1 right of the point */
  guint32 pen, fill;    /* 0xRRGGBBAA */
  float width;          /* line width, points */
  float size;           /* text: font size, points */
  float text_width;     /* text: its width as Graphviz measured it */
  guint first, n;       /* points in scene->draw_points */
  const char *text;     /* text: the line (in scene->strings) */
  const char *font;     /* text: Graphviz's font face, "Times-Roman" (in scene->strings) */
} RwbDrawOp;

typedef struct _RwbSceneIndex RwbSceneIndex;

typedef struct {
  RwbGraph *graph;      /* a reference, held while the scene lives */
  GArray *nodes;        /* RwbSceneNode */
  GArray *edges;        /* RwbSceneEdge */
  RwbRect bounds;
  char *engine;         /* Graphviz engine that produced it */
  RwbSceneIndex *index; /* private: see rwb_scene_build_index(); NULL until built */
  GArray *clusters;     /* RwbSceneCluster, empty unless imported from DOT */
  gboolean from_dot;    /* imported: nodes, edges and clusters are drawn by their operations */
  gboolean has_background;
  guint32 background;   /* the DOT graph's bgcolor, 0xRRGGBBAA, when has_background */
  GArray *draw_ops;     /* RwbDrawOp, of every item of an imported scene */
  GArray *draw_points;  /* RwbPoint, of every operation */
  GStringChunk *strings; /* the operations' texts and fonts */
  guint draw_first, draw_n; /* the graph's own label */
} RwbScene;

RwbScene *rwb_scene_new        (RwbGraph *graph);  /* takes a reference on @graph */
void      rwb_scene_free       (RwbScene *scene);
/* A deep copy without the index, for another thread (queries on an index write to it). */
RwbScene *rwb_scene_copy       (const RwbScene *scene);
/* The part of @scene that shows @graph, a graph made from the scene's by leaving entities and
 * relations out (rwb_graph_filter_mapped): @entity_map and @relation_map give, per entity and
 * relation of `scene->graph`, its index in @graph or G_MAXUINT. The nodes of entities left out
 * go, with the edges of relations left out or that lost an end; the rest keep their geometry
 * (moved nodes where they were moved) and are renumbered. Without the index. */
RwbScene *rwb_scene_subset     (const RwbScene *scene, RwbGraph *graph, const guint *entity_map,
                                const guint *relation_map);
/* Index of the scene node for entity @entity, or -1 if it is not in the scene. A search: a
 * caller that looks many entities up builds a table once instead. */
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
/* Routes every edge but loops again as rwb_scene_move_node() does, between its nodes' current
 * centres (after many nodes moved at once); then updates the bounds and rebuilds the index. */
void      rwb_scene_route_edges (RwbScene *scene);
/* Moves nodes apart until no two boxes come closer than @gap points, keeping the layout's
 * shape, and routes the edges again (rwb-scene-spread.c): linear in the nodes per pass. @work,
 * when not NULL, counts the pairs of nodes looked at. Not for imported scenes. Returns the
 * passes that found overlaps. */
guint     rwb_scene_spread_nodes (RwbScene *scene, double gap, guint64 *work);
/* Recomputes @bounds from every node box and edge point (after moves shrank the drawing). */
void      rwb_scene_update_bounds (RwbScene *scene);

/* Keeps the largest connected component where the layout put it and gathers every other one
 * (lone entities included) in rows under it, as wide as it is, instead of the column Graphviz
 * stacks them in (rwb-scene-pack.c). Not for imported scenes. Returns the nodes moved. */
guint     rwb_scene_pack_components (RwbScene *scene);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwbScene, rwb_scene_free)

G_END_DECLS
