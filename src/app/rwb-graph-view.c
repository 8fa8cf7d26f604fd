/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-view.c — the widget that draws a laid-out graph with the core renderer, and lets
 * the user pan, zoom, hover, select and move nodes.
 *
 * All drawing goes through rwb_render_scene(), so the window shows what an image export writes.
 * What keeps it fluid on big graphs is what is drawn when:
 *
 * - The picture without anything hovered, selected or dragged (the "base") is drawn in tiles of
 *   TILE × TILE pixels into textures, for one zoom at a time. Panning reuses them and draws only
 *   tiles that come into view; a zoom, a theme change or a filter draws them again. A change to
 *   a few items (a drag starts or ends) redraws only the tiles under them.
 * - What is hovered, selected or dragged is drawn over the tiles on every frame (few items),
 *   after a veil of background colour when a hovered node dims the rest. Moving the pointer
 *   over the graph therefore never redraws the base.
 * - The renderer culls with the scene's grid index and draws far-out views in batches.
 *
 * Input: one GtkGestureDrag does clicks (a press and release under the drag threshold), panning
 * (a drag that starts on empty space) and moving nodes (a drag that starts on a node). The
 * handlers only forward to the functions in rwb-graph-view-private.h, which the tests call.
 */
#define G_LOG_DOMAIN "rawabit-graph-view"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rwb-graph-view.h"
#include "rwb-graph-view-private.h"
#include "rwb-render.h"

/* Blank space kept around the fitted graph, in pixels. */
#define FIT_MARGIN 24.0
/* Zooming in past 8 device pixels per point shows nothing new; zooming out stops at half the
 * scale that fits the whole graph (or 1/4, for small graphs), where it is a speck. */
#define MAX_SCALE 8.0
#define MIN_SCALE_OF_FIT 0.5
#define MIN_SCALE_CAP 0.25
#define ZOOM_STEP 1.25
/* Pixels per wheel click, and per arrow key press. */
#define SCROLL_STEP 64.0
#define KEY_PAN_STEP 64.0
/* How close the pointer must come to an edge's curve to hover or click it, in pixels. */
#define EDGE_HIT_PX 5.0
/* Tile side in widget pixels; 256 keeps a frame's newly exposed area small while panning. */
#define TILE 256
/* Scene points around the graph's bounds that can still hold ink (halos, edge labels). */
#define INK_MARGIN 64.0
/* A drag-start or -end redrawing more items than this redraws all tiles instead. */
#define MAX_PARTIAL_ITEMS 512

#define PROMINENT (RWB_DRAW_SELECTED | RWB_DRAW_HOVER | RWB_DRAW_EMPHASIS)

typedef enum {
  PRESS_NONE,
  PRESS_PAN,
  PRESS_NODE,
} PressKind;

/* One tile of the base picture: its pixels, and a texture sharing them once a GL or Vulkan
 * renderer asked for one. */
typedef struct {
  cairo_surface_t *surface;
  GdkTexture *texture;
} Tile;

/* An edge's geometry as the layout made it, kept when a drag first changes it. */
typedef struct {
  GArray *points;
  gboolean has_head;
  RwbPoint head;
  double label_x, label_y;
} SavedEdge;

struct _RwbGraphView
{
  GtkWidget parent_instance;

  RwbScene *scene;
  RwbGraph *graph;             /* a reference: tells a re-layout of the same graph from a new one */
  RwbViewport viewport;
  /* Once the user zooms or pans, size changes keep their view instead of re-fitting. */
  gboolean user_viewport;
  gboolean dark;
  gboolean show_mentions;
  gboolean show_legend;

  /* Lookups built with the scene. */
  gint *entity_node;           /* graph entity → scene node, -1 */
  guint n_entities;
  gint *relation_edge;         /* graph relation → scene edge, -1 */
  guint n_relations;

  /* Filters (rwb_graph_view_set_hidden), by graph index; NULL: nothing hidden. Their own
   * lengths: the graph may have grown since (a new layout of an edited graph). */
  gboolean *hidden_entities;
  gboolean *hidden_relations;
  guint n_hidden_entities;
  guint n_hidden_relations;

  /* Selection, by graph index. */
  GArray *selected_entities;   /* guint, in selection order */
  gint selected_relation;

  /* Scene indices under the pointer, -1. */
  gint hover_node;
  gint hover_edge;

  /* Draw states, per scene node and edge: the full picture (node_state), the tiled base
   * (hidden and dragged items only) and the per-frame overlay (everything not in it hidden). */
  guint8 *node_state, *edge_state;
  guint8 *base_node_state, *base_edge_state;
  guint8 *overlay_node_state, *overlay_edge_state;
  gboolean has_overlay;
  gboolean veil;               /* a hovered node dims the rest */
  guint entity_type_mask, relation_type_mask;

  /* Tiles of the base picture at tile_scale device pixels per point: (x, y) → Tile. */
  GHashTable *tiles;
  double tile_scale;
  /* After a zoom, the base as one picture of exactly the view (tiles would overhang it by half
   * its area again): whole-device-pixel position (view_x, view_y) of the picture at
   * tile_scale. Panning cuts tiles out of it. */
  Tile *view_tile;
  gboolean view_mode;
  double view_x, view_y;
  RwbRenderCache *render_cache;
  Tile *legend;
  int legend_width, legend_height;

  /* Pointer. */
  double pointer_x, pointer_y; /* -1 when outside: scroll events carry no position */
  PressKind press;
  gboolean dragging;           /* the press moved past the drag threshold */
  double press_x, press_y;
  GdkModifierType press_state;
  gint drag_node;              /* scene node being moved, -1 */
  double drag_origin_x, drag_origin_y;
  double node_start_x, node_start_y;
  double pinch_scale;
  double pinch_anchor_x, pinch_anchor_y;

  /* Positions the user dragged entities to: entity → RwbPoint, scene points. */
  GHashTable *moved;
  RwbPoint *layout_positions;  /* per scene node, as the layout placed it */
  GHashTable *saved_edges;     /* scene edge → SavedEdge, edges a drag reshaped */
};

G_DEFINE_FINAL_TYPE (RwbGraphView, rwb_graph_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HAS_SCENE,
  PROP_SHOW_MENTIONS,
  PROP_SHOW_LEGEND,
  PROP_DARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_states (RwbGraphView *self);

static void
tile_free (gpointer data)
{
  Tile *tile = data;

  cairo_surface_destroy (tile->surface);
  g_clear_object (&tile->texture);
  g_free (tile);
}

static void
saved_edge_free (gpointer data)
{
  SavedEdge *saved = data;

  g_clear_pointer (&saved->points, g_array_unref);
  g_free (saved);
}

/* --- Tiles --------------------------------------------------------------------------------- */

static gpointer
tile_key (gint tx, gint ty)
{
  gint64 *key = g_new (gint64, 1);

  /* Shifted as unsigned: tiles left of or above the origin have negative indices, and a
   * negative value shifted left is undefined behaviour. */
  *key = (gint64) (((guint64) (guint32) tx << 32) | (guint32) ty);
  return key;
}

static void
tile_key_split (gconstpointer key, gint *tx, gint *ty)
{
  gint64 k = *(const gint64 *) key;

  *tx = (gint) (k >> 32);
  *ty = (gint) (guint32) k;
}

static void
drop_base (RwbGraphView *self)
{
  g_hash_table_remove_all (self->tiles);
  g_clear_pointer (&self->view_tile, tile_free);
}

/* Forgets every tile: the next frame draws the base again. */
static void
invalidate (RwbGraphView *self)
{
  drop_base (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
device_scale (RwbGraphView *self)
{
  return self->viewport.scale * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

/* Forgets the tiles that show any of @rect (scene points). */
static void
invalidate_rect (RwbGraphView *self, const RwbRect *rect)
{
  GHashTableIter iter;
  gpointer key;
  double s = self->tile_scale;
  int tp = TILE * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double x0, y0, x1, y1;

  g_clear_pointer (&self->view_tile, tile_free);
  if (s <= 0 || g_hash_table_size (self->tiles) == 0)
    return;

  x0 = floor ((rect->x - INK_MARGIN) * s / tp);
  y0 = floor ((rect->y - INK_MARGIN) * s / tp);
  x1 = floor ((rect->x + rect->width + INK_MARGIN) * s / tp);
  y1 = floor ((rect->y + rect->height + INK_MARGIN) * s / tp);

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint tx, ty;

      tile_key_split (key, &tx, &ty);
      if (tx >= x0 && tx <= x1 && ty >= y0 && ty <= y1)
        g_hash_table_iter_remove (&iter);
    }
}

static void
item_rect (RwbGraphView *self, gboolean edge, guint i, RwbRect *out)
{
  if (edge)
    rwb_scene_edge_bounds (self->scene, i, out);
  else
    {
      const RwbSceneNode *n = &g_array_index (self->scene->nodes, RwbSceneNode, i);

      *out = (RwbRect) { n->x - n->width / 2, n->y - n->height / 2, n->width, n->height };
    }
}

static void
init_style (RwbGraphView *self, RwbStyle *style)
{
  rwb_style_init (style);
  style->dark = self->dark;
  style->show_mentions = self->show_mentions;
  style->cache = self->render_cache;
}

static void
free_surface (gpointer data)
{
  cairo_surface_destroy (data);
}

/* A texture of what @surface holds, sharing its pixels (cairo's ARGB32 is GDK's default). */
static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr (GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height, free_surface,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* The base picture of the width × height device pixels at (x, y) of the whole picture at
 * @s device pixels per point. */
static Tile *
render_base (RwbGraphView *self, double x, double y, int width, int height, double s)
{
  Tile *tile = g_new0 (Tile, 1);
  cairo_t *cr;
  RwbViewport vp = { s, x / s, y / s };
  RwbStyle style;

  /* ARGB32 for textures (GDK 4.8 has no 32-bit opaque format); opaque all the same, since the
   * background is drawn. */
  tile->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (tile->surface);
  init_style (self, &style);
  style.node_state = self->base_node_state;
  style.edge_state = self->base_edge_state;
  rwb_render_scene (cr, self->scene, &style, &vp, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (tile->surface);
  return tile;
}

/* Tile (tx, ty): cut from the view picture when it lies inside it, else drawn. */
static Tile *
make_tile (RwbGraphView *self, gint tx, gint ty, double s, int tp)
{
  double x = (double) tx * tp, y = (double) ty * tp;
  Tile *tile;
  cairo_t *cr;

  if (self->view_tile == NULL || x < self->view_x || y < self->view_y
      || x + tp > self->view_x + cairo_image_surface_get_width (self->view_tile->surface)
      || y + tp > self->view_y + cairo_image_surface_get_height (self->view_tile->surface))
    return render_base (self, x, y, tp, tp, s);

  tile = g_new0 (Tile, 1);
  tile->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, tp, tp);
  cr = cairo_create (tile->surface);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, self->view_tile->surface, self->view_x - x, self->view_y - y);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (tile->surface);
  return tile;
}

/* Puts @tile's pixels at @area (widget coordinates) of the frame. */
static void
append_tile (GtkSnapshot *snapshot, Tile *tile, const graphene_rect_t *area, int sf,
             gboolean use_textures)
{
  cairo_t *cr;

  if (use_textures)
    {
      if (tile->texture == NULL)
        tile->texture = texture_for_surface (tile->surface);
      gtk_snapshot_append_texture (snapshot, tile->texture, area);
      return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, area);
  cairo_translate (cr, area->origin.x, area->origin.y);
  cairo_scale (cr, 1.0 / sf, 1.0 / sf);
  cairo_set_source_surface (cr, tile->surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static Tile *
render_legend (RwbGraphView *self)
{
  int sf = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_surface_t *surface;
  cairo_t *cr;
  RwbStyle style;
  double w, h;
  Tile *tile;

  init_style (self, &style);
  rwb_render_legend (NULL, &style, 0, 0, self->entity_type_mask, self->relation_type_mask, &w, &h);
  if (w <= 0 || h <= 0)
    return NULL;

  self->legend_width = (int) ceil (w);
  self->legend_height = (int) ceil (h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->legend_width * sf,
                                        self->legend_height * sf);
  cr = cairo_create (surface);
  cairo_scale (cr, sf, sf);
  rwb_render_legend (cr, &style, 0, 0, self->entity_type_mask, self->relation_type_mask, NULL,
                     NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  tile = g_new0 (Tile, 1);
  tile->surface = surface;
  return tile;
}

/* --- Coordinates --------------------------------------------------------------------------- */

static void
widget_to_scene (RwbGraphView *self, double x, double y, double *sx, double *sy)
{
  *sx = x / self->viewport.scale + self->viewport.origin_x;
  *sy = y / self->viewport.scale + self->viewport.origin_y;
}

static double
fit_scale (RwbGraphView *self)
{
  RwbViewport fit;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->scene == NULL || width <= 0 || height <= 0)
    return 1.0;
  rwb_viewport_fit (&fit, self->scene, width, height, FIT_MARGIN);
  return fit.scale;
}

static double
min_scale (RwbGraphView *self)
{
  return MIN (fit_scale (self) * MIN_SCALE_OF_FIT, MIN_SCALE_CAP);
}

static void
refit (RwbGraphView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->scene == NULL || width <= 0 || height <= 0)
    return;

  rwb_viewport_fit (&self->viewport, self->scene, width, height, FIT_MARGIN);
}

/* The pointer if it is over the view, else the view's centre: where keyboard zoom anchors. */
static void
zoom_anchor (RwbGraphView *self, double *x, double *y)
{
  if (self->pointer_x >= 0 && self->pointer_y >= 0)
    {
      *x = self->pointer_x;
      *y = self->pointer_y;
    }
  else
    {
      *x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      *y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
}

static void
set_scale_at (RwbGraphView *self, double scale, double x, double y)
{
  double scene_x, scene_y;

  if (self->scene == NULL || !(scale > 0))
    return;

  /* At a limit a further step changes nothing, rather than moving the picture. */
  scale = CLAMP (scale, min_scale (self), MAX_SCALE);
  if (scale == self->viewport.scale)
    return;

  /* Keep the scene point under (x, y) where it is, so zooming follows the pointer. */
  widget_to_scene (self, x, y, &scene_x, &scene_y);
  self->viewport.scale = scale;
  self->viewport.origin_x = scene_x - x / scale;
  self->viewport.origin_y = scene_y - y / scale;
  self->user_viewport = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pan_by (RwbGraphView *self, double dx, double dy)
{
  if (self->scene == NULL || (dx == 0 && dy == 0))
    return;

  self->viewport.origin_x += dx / self->viewport.scale;
  self->viewport.origin_y += dy / self->viewport.scale;
  self->user_viewport = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --- Hit testing --------------------------------------------------------------------------- */

static gboolean
node_hidden (RwbGraphView *self, guint node)
{
  return self->node_state != NULL && self->node_state[node] & RWB_DRAW_HIDDEN;
}

static gboolean
edge_hidden (RwbGraphView *self, guint edge)
{
  return self->edge_state != NULL && self->edge_state[edge] & RWB_DRAW_HIDDEN;
}

/* The topmost visible node under widget point (x, y), or -1. */
static gint
node_at (RwbGraphView *self, double x, double y)
{
  g_autoptr (GArray) hits = NULL;
  RwbRect point;

  if (self->scene == NULL)
    return -1;

  widget_to_scene (self, x, y, &point.x, &point.y);
  point.width = point.height = 0;
  hits = g_array_new (FALSE, FALSE, sizeof (guint));
  rwb_scene_query_rect (self->scene, &point, hits, NULL);
  for (guint k = hits->len; k-- > 0;)
    if (!node_hidden (self, g_array_index (hits, guint, k)))
      return g_array_index (hits, guint, k);
  return -1;
}

/* The visible edge whose curve passes within EDGE_HIT_PX of widget point (x, y), or -1. */
static gint
edge_at (RwbGraphView *self, double x, double y)
{
  g_autoptr (GArray) hits = NULL;
  double tolerance, best = G_MAXDOUBLE;
  gint found = -1;
  RwbRect area;

  if (self->scene == NULL)
    return -1;

  tolerance = EDGE_HIT_PX / self->viewport.scale;
  widget_to_scene (self, x, y, &area.x, &area.y);
  area.x -= tolerance;
  area.y -= tolerance;
  area.width = area.height = 2 * tolerance;
  hits = g_array_new (FALSE, FALSE, sizeof (guint));
  rwb_scene_query_rect (self->scene, &area, NULL, hits);
  for (guint k = 0; k < hits->len; k++)
    {
      guint i = g_array_index (hits, guint, k);
      double d;

      if (edge_hidden (self, i))
        continue;
      d = rwb_scene_edge_distance (self->scene, i, area.x + tolerance, area.y + tolerance);
      if (d < tolerance && d <= best)
        {
          best = d;
          found = i;
        }
    }
  return found;
}

/* --- States -------------------------------------------------------------------------------- */

static gboolean
entity_filtered (RwbGraphView *self, guint entity)
{
  return self->hidden_entities != NULL && entity < self->n_hidden_entities
         && self->hidden_entities[entity];
}

static gboolean
is_selected_entity (RwbGraphView *self, guint entity)
{
  for (guint i = 0; i < self->selected_entities->len; i++)
    if (g_array_index (self->selected_entities, guint, i) == entity)
      return TRUE;
  return FALSE;
}

/* Items of the base that changed from @old to @now; redraws the tiles under them. */
static void
invalidate_changed (RwbGraphView *self, const guint8 *old_nodes, const guint8 *old_edges)
{
  guint nn = self->scene->nodes->len, ne = self->scene->edges->len;
  g_autoptr (GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < nn && changed->len <= MAX_PARTIAL_ITEMS; i++)
    if (old_nodes[i] != self->base_node_state[i])
      {
        guint item = i << 1;
        g_array_append_val (changed, item);
      }
  for (guint i = 0; i < ne && changed->len <= MAX_PARTIAL_ITEMS; i++)
    if (old_edges[i] != self->base_edge_state[i])
      {
        guint item = i << 1 | 1;
        g_array_append_val (changed, item);
      }

  if (changed->len > MAX_PARTIAL_ITEMS)
    {
      drop_base (self);
      return;
    }
  for (guint k = 0; k < changed->len; k++)
    {
      guint item = g_array_index (changed, guint, k);
      RwbRect rect;

      item_rect (self, item & 1, item >> 1, &rect);
      invalidate_rect (self, &rect);
    }
}

/* Recomputes every draw state from filters, selection, hover and drag; redraws the tiles whose
 * base changed and queues a frame. Cheap (a few passes over bytes) next to drawing. */
static void
update_states (RwbGraphView *self)
{
  const RwbScene *scene = self->scene;
  g_autofree guint8 *old_nodes = NULL;
  g_autofree guint8 *old_edges = NULL;
  guint nn, ne, n_adj;
  const guint *adj;
  guint entity_mask = 0, relation_mask = 0;

  if (scene == NULL)
    return;

  nn = scene->nodes->len;
  ne = scene->edges->len;
  old_nodes = g_steal_pointer (&self->base_node_state);
  old_edges = g_steal_pointer (&self->base_edge_state);
  self->base_node_state = g_malloc0 (MAX (nn, 1));
  self->base_edge_state = g_malloc0 (MAX (ne, 1));
  memset (self->node_state, 0, MAX (nn, 1));
  memset (self->edge_state, 0, MAX (ne, 1));

  /* Filters, and mention edges when they are not shown. */
  for (guint i = 0; i < nn; i++)
    {
      const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);

      if (entity_filtered (self, n->entity))
        self->node_state[i] = RWB_DRAW_HIDDEN;
      else
        entity_mask |= 1u << ((const RwbEntity *) g_ptr_array_index (scene->graph->entities,
                                                                       n->entity))->type;
    }
  for (guint i = 0; i < ne; i++)
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      const RwbRelation *r = g_ptr_array_index (scene->graph->relations, e->relation);

      if ((self->hidden_relations != NULL && e->relation < self->n_hidden_relations
           && self->hidden_relations[e->relation])
          || (r->type == RWB_RELATION_MENTION && !self->show_mentions)
          || self->node_state[e->from] & RWB_DRAW_HIDDEN
          || self->node_state[e->to] & RWB_DRAW_HIDDEN)
        self->edge_state[i] = RWB_DRAW_HIDDEN;
      else
        relation_mask |= 1u << r->type;
    }
  memcpy (self->base_node_state, self->node_state, MAX (nn, 1));
  memcpy (self->base_edge_state, self->edge_state, MAX (ne, 1));

  /* A node being dragged, with its edges, leaves the base for the overlay. */
  if (self->drag_node >= 0 && self->dragging)
    {
      self->base_node_state[self->drag_node] |= RWB_DRAW_HIDDEN;
      adj = rwb_scene_node_edges (scene, self->drag_node, &n_adj);
      for (guint k = 0; k < n_adj; k++)
        self->base_edge_state[adj[k]] |= RWB_DRAW_HIDDEN;
    }

  /* Hover on a node: it, its neighbours and the edges to them stand out; the rest fades. */
  if (self->hover_node >= 0 && !node_hidden (self, self->hover_node))
    {
      for (guint i = 0; i < nn; i++)
        if (!(self->node_state[i] & RWB_DRAW_HIDDEN))
          self->node_state[i] |= RWB_DRAW_DIMMED;
      for (guint i = 0; i < ne; i++)
        if (!(self->edge_state[i] & RWB_DRAW_HIDDEN))
          self->edge_state[i] |= RWB_DRAW_DIMMED;

      self->node_state[self->hover_node] = RWB_DRAW_HOVER;
      adj = rwb_scene_node_edges (scene, self->hover_node, &n_adj);
      for (guint k = 0; k < n_adj; k++)
        {
          const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, adj[k]);
          guint other = e->from == (guint) self->hover_node ? e->to : e->from;

          if (self->edge_state[adj[k]] & RWB_DRAW_HIDDEN)
            continue;
          self->edge_state[adj[k]] = RWB_DRAW_EMPHASIS;
          if (other != (guint) self->hover_node)
            self->node_state[other] = RWB_DRAW_EMPHASIS;
        }
    }
  else if (self->hover_edge >= 0 && !edge_hidden (self, self->hover_edge))
    {
      const RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, self->hover_edge);

      self->edge_state[self->hover_edge] |= RWB_DRAW_HOVER;
      self->node_state[e->from] |= RWB_DRAW_EMPHASIS;
      self->node_state[e->to] |= RWB_DRAW_EMPHASIS;
    }

  for (guint k = 0; k < self->selected_entities->len; k++)
    {
      guint entity = g_array_index (self->selected_entities, guint, k);

      if (entity < self->n_entities && self->entity_node[entity] >= 0)
        self->node_state[self->entity_node[entity]] |= RWB_DRAW_SELECTED;
    }
  if (self->selected_relation >= 0 && (guint) self->selected_relation < self->n_relations
      && self->relation_edge[self->selected_relation] >= 0)
    self->edge_state[self->relation_edge[self->selected_relation]] |= RWB_DRAW_SELECTED;

  /* The overlay: what stands out, and what is being dragged. */
  self->has_overlay = FALSE;
  for (guint i = 0; i < nn; i++)
    {
      gboolean over = (self->node_state[i] & PROMINENT) || (self->base_node_state[i]
                                                            & ~self->node_state[i]
                                                            & RWB_DRAW_HIDDEN);

      self->overlay_node_state[i] = over ? self->node_state[i] : RWB_DRAW_HIDDEN;
      self->has_overlay |= over;
    }
  for (guint i = 0; i < ne; i++)
    {
      gboolean over = (self->edge_state[i] & PROMINENT) || (self->base_edge_state[i]
                                                            & ~self->edge_state[i]
                                                            & RWB_DRAW_HIDDEN);

      self->overlay_edge_state[i] = over ? self->edge_state[i] : RWB_DRAW_HIDDEN;
      self->has_overlay |= over;
    }
  self->veil = self->hover_node >= 0 && !node_hidden (self, self->hover_node);

  if (entity_mask != self->entity_type_mask || relation_mask != self->relation_type_mask)
    {
      self->entity_type_mask = entity_mask;
      self->relation_type_mask = relation_mask;
      g_clear_pointer (&self->legend, tile_free);
    }

  if (old_nodes != NULL && old_edges != NULL)
    invalidate_changed (self, old_nodes, old_edges);
  else
    drop_base (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
selection_changed (RwbGraphView *self)
{
  update_states (self);
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

static void
set_hover (RwbGraphView *self, gint node, gint edge)
{
  if (node == self->hover_node && edge == self->hover_edge)
    return;

  self->hover_node = node;
  self->hover_edge = edge;
  update_states (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

/* Drops what filters hide from the selection; TRUE if that changed it. */
static gboolean
prune_selection (RwbGraphView *self)
{
  gboolean changed = FALSE;

  for (guint k = self->selected_entities->len; k-- > 0;)
    {
      guint entity = g_array_index (self->selected_entities, guint, k);
      gint node = entity < self->n_entities ? self->entity_node[entity] : -1;

      if (entity >= self->n_entities || entity_filtered (self, entity)
          || (node >= 0 && node_hidden (self, node)))
        {
          g_array_remove_index (self->selected_entities, k);
          changed = TRUE;
        }
    }
  if (self->selected_relation >= 0)
    {
      gint edge = (guint) self->selected_relation < self->n_relations
                    ? self->relation_edge[self->selected_relation] : -1;

      if ((guint) self->selected_relation >= self->n_relations
          || ((guint) self->selected_relation < self->n_hidden_relations
              && self->hidden_relations[self->selected_relation])
          || (edge >= 0 && edge_hidden (self, edge)))
        {
          self->selected_relation = -1;
          changed = TRUE;
        }
    }
  return changed;
}

/* --- Moving nodes -------------------------------------------------------------------------- */

static void
save_edge (RwbGraphView *self, guint edge)
{
  const RwbSceneEdge *e = &g_array_index (self->scene->edges, RwbSceneEdge, edge);
  SavedEdge *saved;

  if (g_hash_table_contains (self->saved_edges, GUINT_TO_POINTER (edge)) || e->points == NULL)
    return;

  saved = g_new0 (SavedEdge, 1);
  saved->points = g_array_copy (e->points);
  saved->has_head = e->has_head;
  saved->head = e->head;
  saved->label_x = e->label_x;
  saved->label_y = e->label_y;
  g_hash_table_insert (self->saved_edges, GUINT_TO_POINTER (edge), saved);
}

/* Moves scene node @node and remembers where its entity went. */
static void
move_node (RwbGraphView *self, guint node, double x, double y)
{
  const RwbSceneNode *n = &g_array_index (self->scene->nodes, RwbSceneNode, node);
  RwbPoint *where;
  guint n_adj;
  const guint *adj = rwb_scene_node_edges (self->scene, node, &n_adj);

  for (guint k = 0; k < n_adj; k++)
    save_edge (self, adj[k]);
  rwb_scene_move_node (self->scene, node, x, y);

  where = g_new (RwbPoint, 1);
  *where = (RwbPoint) { x, y };
  g_hash_table_insert (self->moved, GUINT_TO_POINTER (n->entity), where);
}

/* --- Input --------------------------------------------------------------------------------- */

static void
click (RwbGraphView *self, double x, double y, GdkModifierType state)
{
  gboolean toggle = (state & GDK_CONTROL_MASK) != 0;
  gint node = node_at (self, x, y);
  gint edge = node < 0 ? edge_at (self, x, y) : -1;

  if (node >= 0)
    {
      guint entity = g_array_index (self->scene->nodes, RwbSceneNode, node).entity;

      if (toggle && is_selected_entity (self, entity))
        {
          for (guint k = 0; k < self->selected_entities->len; k++)
            if (g_array_index (self->selected_entities, guint, k) == entity)
              {
                g_array_remove_index (self->selected_entities, k);
                break;
              }
          self->selected_relation = -1;
          selection_changed (self);
        }
      else
        rwb_graph_view_select_entity (self, entity, toggle);
    }
  else if (edge >= 0)
    rwb_graph_view_select_relation (self,
                                    g_array_index (self->scene->edges, RwbSceneEdge, edge).relation);
  else if (!toggle)
    rwb_graph_view_select_entity (self, -1, FALSE);
}

void
rwb_graph_view_pointer_motion (RwbGraphView *self, double x, double y)
{
  gint node, edge = -1;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  self->pointer_x = x;
  self->pointer_y = y;
  /* While a button is down the picture follows the drag; hover waits for the release. */
  if (self->press != PRESS_NONE || self->scene == NULL)
    return;

  node = node_at (self, x, y);
  if (node < 0)
    edge = edge_at (self, x, y);
  set_hover (self, node, edge);
}

void
rwb_graph_view_pointer_leave (RwbGraphView *self)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  self->pointer_x = -1;
  self->pointer_y = -1;
  if (self->press == PRESS_NONE)
    set_hover (self, -1, -1);
}

void
rwb_graph_view_press (RwbGraphView *self, double x, double y, GdkModifierType state)
{
  gint node;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  if (self->scene == NULL)
    return;

  self->press_x = x;
  self->press_y = y;
  self->press_state = state;
  self->dragging = FALSE;
  self->pointer_x = x;
  self->pointer_y = y;

  node = node_at (self, x, y);
  if (node >= 0 && !(state & GDK_CONTROL_MASK))
    {
      const RwbSceneNode *n = &g_array_index (self->scene->nodes, RwbSceneNode, node);

      self->press = PRESS_NODE;
      self->drag_node = node;
      self->node_start_x = n->x;
      self->node_start_y = n->y;
    }
  else
    {
      self->press = PRESS_PAN;
      self->drag_origin_x = self->viewport.origin_x;
      self->drag_origin_y = self->viewport.origin_y;
    }
}

void
rwb_graph_view_drag_to (RwbGraphView *self, double offset_x, double offset_y)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  if (self->press == PRESS_NONE || self->scene == NULL)
    return;

  self->pointer_x = self->press_x + offset_x;
  self->pointer_y = self->press_y + offset_y;
  if (!self->dragging)
    {
      /* Below the threshold a press is still a click; a shaky hand must not move the node. */
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) offset_x, (int) offset_y))
        return;
      self->dragging = TRUE;
      if (self->press == PRESS_NODE)
        update_states (self); /* the node leaves the tiles for the overlay */
    }

  if (self->press == PRESS_NODE)
    {
      move_node (self, self->drag_node,
                 self->node_start_x + offset_x / self->viewport.scale,
                 self->node_start_y + offset_y / self->viewport.scale);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    {
      self->viewport.origin_x = self->drag_origin_x - offset_x / self->viewport.scale;
      self->viewport.origin_y = self->drag_origin_y - offset_y / self->viewport.scale;
      self->user_viewport = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
rwb_graph_view_release (RwbGraphView *self, double offset_x, double offset_y)
{
  PressKind press;
  gboolean dragging;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  if (self->press == PRESS_NONE || self->scene == NULL)
    return;

  rwb_graph_view_drag_to (self, offset_x, offset_y);
  press = self->press;
  dragging = self->dragging;
  self->press = PRESS_NONE;
  self->dragging = FALSE;
  self->drag_node = -1;

  if (!dragging)
    click (self, self->press_x, self->press_y, self->press_state);
  else if (press == PRESS_NODE)
    {
      /* Back into the tiles, at its new place. */
      rwb_scene_update_bounds (self->scene);
      update_states (self);
    }
  rwb_graph_view_pointer_motion (self, self->pointer_x, self->pointer_y);
}

gboolean
rwb_graph_view_scroll (RwbGraphView *self, double dx, double dy, GdkScrollUnit unit,
                       GdkModifierType state)
{
  double x, y;

  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), FALSE);

  if (self->scene == NULL)
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    {
      if (dy == 0)
        return FALSE;
      zoom_anchor (self, &x, &y);
      /* A wheel click is one zoom step; a touchpad's pixels zoom proportionally. */
      set_scale_at (self, self->viewport.scale
                            * (unit == GDK_SCROLL_UNIT_WHEEL ? pow (ZOOM_STEP, -dy)
                                                             : exp (-dy * 0.01)),
                    x, y);
      return TRUE;
    }

  /* Shift turns a plain wheel sideways, for mice without a horizontal wheel. */
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  if (unit == GDK_SCROLL_UNIT_WHEEL)
    {
      dx *= SCROLL_STEP;
      dy *= SCROLL_STEP;
    }
  pan_by (self, dx, dy);
  return TRUE;
}

void
rwb_graph_view_pinch_begin (RwbGraphView *self, double x, double y)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  self->pinch_scale = self->viewport.scale;
  widget_to_scene (self, x, y, &self->pinch_anchor_x, &self->pinch_anchor_y);
}

void
rwb_graph_view_pinch (RwbGraphView *self, double scale, double x, double y)
{
  double new_scale;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  if (self->scene == NULL || !(scale > 0) || self->pinch_scale <= 0)
    return;

  /* The point that was between the fingers stays between them, wherever they go. */
  new_scale = CLAMP (self->pinch_scale * scale, min_scale (self), MAX_SCALE);
  self->viewport.scale = new_scale;
  self->viewport.origin_x = self->pinch_anchor_x - x / new_scale;
  self->viewport.origin_y = self->pinch_anchor_y - y / new_scale;
  self->user_viewport = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller, double x, double y, RwbGraphView *self)
{
  rwb_graph_view_pointer_motion (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller, RwbGraphView *self)
{
  rwb_graph_view_pointer_leave (self);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, RwbGraphView *self)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  return rwb_graph_view_scroll (self, dx, dy, gtk_event_controller_scroll_get_unit (controller),
                                state);
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, RwbGraphView *self)
{
  if (self->scene == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  rwb_graph_view_press (self, x, y,
                        gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)));
}

static void
on_drag_update (GtkGestureDrag *gesture, double offset_x, double offset_y, RwbGraphView *self)
{
  rwb_graph_view_drag_to (self, offset_x, offset_y);
}

static void
on_drag_end (GtkGestureDrag *gesture, double offset_x, double offset_y, RwbGraphView *self)
{
  rwb_graph_view_release (self, offset_x, offset_y);
}

static void
on_zoom_begin (GtkGesture *gesture, GdkEventSequence *sequence, RwbGraphView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    return;
  /* Two fingers mean zoom: whatever the first finger started is not a drag any more. */
  self->press = PRESS_NONE;
  self->dragging = FALSE;
  self->drag_node = -1;
  rwb_graph_view_pinch_begin (self, x, y);
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture, double scale, RwbGraphView *self)
{
  double x, y;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    rwb_graph_view_pinch (self, scale, x, y);
}

/* --- Tooltip ------------------------------------------------------------------------------- */

char *
rwb_graph_view_tooltip_text_at (RwbGraphView *self, double x, double y)
{
  RwbGraph *graph;
  gint node, edge;

  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), NULL);

  if (self->scene == NULL)
    return NULL;

  graph = self->scene->graph;
  node = node_at (self, x, y);
  if (node >= 0)
    {
      guint index = g_array_index (self->scene->nodes, RwbSceneNode, node).entity;
      const RwbEntity *entity = g_ptr_array_index (graph->entities, index);
      guint degree = rwb_graph_entity_degree (graph, index, FALSE);
      GString *text = g_string_new (entity->name);
      g_autofree char *relations = NULL;
      gboolean first = TRUE;

      relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations",
                                                degree),
                                   degree);
      /* Translators: second line of a node's tooltip: "company · 3 relations". */
      g_string_append_printf (text, _("\n%s · %s"), rwb_entity_type_to_string (entity->type),
                              relations);
      for (guint i = 0; entity->aliases != NULL && i < entity->aliases->len; i++)
        {
          const char *alias = g_ptr_array_index (entity->aliases, i);

          if (g_strcmp0 (alias, entity->name) == 0)
            continue;
          /* Translators: separates an entity's other names in its tooltip. */
          g_string_append (text, first ? "\n" : _(", "));
          /* Each name isolated (FSI … PDI): Latin and Arabic names in one line keep their
           * order, and the commas stay between them. */
          g_string_append_printf (text, "\u2068%s\u2069", alias);
          first = FALSE;
        }
      return g_string_free (text, FALSE);
    }

  edge = edge_at (self, x, y);
  if (edge >= 0)
    {
      const RwbSceneEdge *e = &g_array_index (self->scene->edges, RwbSceneEdge, edge);
      const RwbRelation *r = g_ptr_array_index (graph->relations, e->relation);
      const RwbEntity *source = g_ptr_array_index (graph->entities, r->source);
      const RwbEntity *target = g_ptr_array_index (graph->entities, r->target);
      guint n_evidence = r->evidence ? r->evidence->len : 0;
      g_autofree char *evidence = NULL;

      evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sentence of evidence",
                                               "%u sentences of evidence", n_evidence),
                                  n_evidence);
      /* The names are isolated (FSI … PDI) in a left-to-right line, so "A → B" keeps its order
       * and the arrow its meaning when the names are Arabic. */
      return g_strdup_printf ("%s\n\u200e\u2068%s\u2069 %s \u2068%s\u2069\n%s",
                              rwb_relation_type_to_string (r->type), source->name,
                              r->directed ? "→" : "—", target->name, evidence);
    }

  return NULL;
}

static gboolean
rwb_graph_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard_mode)
    return FALSE;

  text = rwb_graph_view_tooltip_text_at (RWB_GRAPH_VIEW (widget), x, y);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* --- Drawing ------------------------------------------------------------------------------- */

static void
rwb_graph_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int sf = gtk_widget_get_scale_factor (widget);
  int tp = TILE * sf;
  double s, ox, oy, r, g, b;
  gint tx0, ty0, tx1, ty1;
  RwbStyle style;
  GHashTableIter iter;
  gpointer key;
  GskRenderer *renderer;
  gboolean use_textures;

  if (self->scene == NULL || width <= 0 || height <= 0 || self->viewport.scale <= 0)
    return;

  init_style (self, &style);
  rwb_render_background_rgb (&style, &r, &g, &b);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { r, g, b, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));

  s = device_scale (self);
  /* The view's top left in device pixels of the whole picture at this zoom, rounded so tiles
   * land on whole pixels: a texture between pixels would be resampled and blur. */
  ox = round (self->viewport.origin_x * s);
  oy = round (self->viewport.origin_y * s);
  /* The cairo renderer downloads and converts a texture's pixels on every frame; a cairo node
   * that paints the tile's own surface costs one blit. GL and Vulkan keep textures uploaded. */
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  use_textures = renderer != NULL && !GSK_IS_CAIRO_RENDERER (renderer);

  /* A new zoom: while it lasts, draw exactly the view, once per frame at most. */
  if (s != self->tile_scale)
    {
      drop_base (self);
      self->tile_scale = s;
      self->view_mode = TRUE;
    }
  if (self->view_mode && self->view_tile != NULL
      && (self->view_x != ox || self->view_y != oy
          || cairo_image_surface_get_width (self->view_tile->surface) != width * sf
          || cairo_image_surface_get_height (self->view_tile->surface) != height * sf))
    {
      /* It moved at the same zoom: a pan, so tiles from now on, cut from the picture. */
      self->view_mode = FALSE;
    }
  if (self->view_mode)
    {
      if (self->view_tile == NULL)
        {
          self->view_tile = render_base (self, ox, oy, width * sf, height * sf, s);
          self->view_x = ox;
          self->view_y = oy;
        }
      append_tile (snapshot, self->view_tile, &GRAPHENE_RECT_INIT (0, 0, width, height), sf,
                   use_textures);
    }
  else
    {
      /* Tiles that are in view and can hold ink. */
      tx0 = (gint) floor (MAX (ox, (self->scene->bounds.x - INK_MARGIN) * s) / tp);
      ty0 = (gint) floor (MAX (oy, (self->scene->bounds.y - INK_MARGIN) * s) / tp);
      tx1 = (gint) floor (MIN (ox + width * sf - 1,
                               (self->scene->bounds.x + self->scene->bounds.width + INK_MARGIN) * s)
                          / tp);
      ty1 = (gint) floor (MIN (oy + height * sf - 1,
                               (self->scene->bounds.y + self->scene->bounds.height + INK_MARGIN)
                                 * s)
                          / tp);

      for (gint ty = ty0; ty <= ty1; ty++)
        for (gint tx = tx0; tx <= tx1; tx++)
          {
            gint64 k = (gint64) (((guint64) (guint32) tx << 32) | (guint32) ty);
            Tile *tile = g_hash_table_lookup (self->tiles, &k);

            if (tile == NULL)
              {
                tile = make_tile (self, tx, ty, s, tp);
                g_hash_table_insert (self->tiles, tile_key (tx, ty), tile);
              }
            append_tile (snapshot, tile,
                         &GRAPHENE_RECT_INIT ((tx * (double) tp - ox) / sf,
                                              (ty * (double) tp - oy) / sf, TILE, TILE),
                         sf, use_textures);
          }
      g_clear_pointer (&self->view_tile, tile_free);

      /* Keep a ring of one tile around the view for the next pan; forget the rest. */
      g_hash_table_iter_init (&iter, self->tiles);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          gint tx, ty;

          tile_key_split (key, &tx, &ty);
          if (tx < tx0 - 1 || tx > tx1 + 1 || ty < ty0 - 1 || ty > ty1 + 1)
            g_hash_table_iter_remove (&iter);
        }
    }

  if (self->has_overlay || self->veil)
    {
      /* The same rounded origin as the tiles, so the overlay sits exactly on them. */
      RwbViewport vp = { self->viewport.scale, ox / s, oy / s };
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (0, 0, width, height));

      if (self->veil)
        {
          cairo_set_source_rgba (cr, r, g, b, RWB_RENDER_DIM);
          cairo_paint (cr);
        }
      style.transparent = TRUE;
      style.node_state = self->overlay_node_state;
      style.edge_state = self->overlay_edge_state;
      rwb_render_scene (cr, self->scene, &style, &vp, width, height);
      cairo_destroy (cr);
    }

  /* A plain Graphviz file draws in its own colours: the entity and relation legend does not
   * apply to it. */
  if (self->show_legend && !(self->scene != NULL && self->scene->from_dot))
    {
      if (self->legend == NULL)
        self->legend = render_legend (self);
      if (self->legend != NULL)
        {
          /* The bottom corner where lines start: left, or right in a right-to-left locale. */
          double lx = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                        ? width - 12 - self->legend_width : 12;

          append_tile (snapshot, self->legend,
                       &GRAPHENE_RECT_INIT (lx, height - 12 - self->legend_height,
                                            self->legend_width, self->legend_height),
                       gtk_widget_get_scale_factor (widget), use_textures);
        }
    }
}

static void
rwb_graph_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);

  if (!self->user_viewport)
    refit (self);
}

static void
rwb_graph_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  /* The graph scales to whatever it gets; ask for a useful size but need little. */
  *minimum = 64;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

/* A light foreground means a dark background, whatever the theme is called: this covers
 * GTK_THEME=Adwaita:dark, gtk-application-prefer-dark-theme and dark third-party themes. */
static gboolean
style_is_dark (GtkWidget *widget)
{
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  return 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
}

static void
rwb_graph_view_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);
  gboolean dark;

  GTK_WIDGET_CLASS (rwb_graph_view_parent_class)->css_changed (widget, change);

  dark = style_is_dark (widget);
  if (dark == self->dark)
    return;

  self->dark = dark;
  g_clear_pointer (&self->legend, tile_free);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

static void
rwb_graph_view_direction_changed (GtkWidget *widget, GtkTextDirection previous)
{
  gtk_widget_queue_draw (widget);
}

static void
on_scale_factor_changed (RwbGraphView *self)
{
  g_clear_pointer (&self->legend, tile_free);
  invalidate (self);
}

/* --- Actions ------------------------------------------------------------------------------- */

static void
zoom_by (RwbGraphView *self, double factor)
{
  double x, y;

  zoom_anchor (self, &x, &y);
  set_scale_at (self, self->viewport.scale * factor, x, y);
}

static void
zoom_in_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  zoom_by (RWB_GRAPH_VIEW (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  zoom_by (RWB_GRAPH_VIEW (widget), 1.0 / ZOOM_STEP);
}

static void
zoom_reset_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);

  zoom_by (self, 1.0 / self->viewport.scale);
}

static void
fit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (widget);

  self->user_viewport = FALSE;
  refit (self);
  gtk_widget_queue_draw (widget);
}

static void
pan_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  pan_by (RWB_GRAPH_VIEW (widget), dx * KEY_PAN_STEP, dy * KEY_PAN_STEP);
}

static void
clear_selection_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rwb_graph_view_select_entity (RWB_GRAPH_VIEW (widget), -1, FALSE);
}

static void
reset_positions_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rwb_graph_view_reset_positions (RWB_GRAPH_VIEW (widget));
}

static void
update_actions (RwbGraphView *self)
{
  gboolean has_scene = self->scene != NULL;
  static const char *const names[] = {
    "view.zoom-in", "view.zoom-out", "view.zoom-reset", "view.fit", "view.pan",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), names[i], has_scene);
}

/* --- GObject ------------------------------------------------------------------------------- */

static void
rwb_graph_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_HAS_SCENE:
      g_value_set_boolean (value, self->scene != NULL);
      break;
    case PROP_SHOW_MENTIONS:
      g_value_set_boolean (value, self->show_mentions);
      break;
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rwb_graph_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_MENTIONS:
      rwb_graph_view_set_show_mentions (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_LEGEND:
      if (self->show_legend != g_value_get_boolean (value))
        {
          self->show_legend = g_value_get_boolean (value);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clear_scene_data (RwbGraphView *self)
{
  g_clear_pointer (&self->entity_node, g_free);
  g_clear_pointer (&self->relation_edge, g_free);
  g_clear_pointer (&self->node_state, g_free);
  g_clear_pointer (&self->edge_state, g_free);
  g_clear_pointer (&self->base_node_state, g_free);
  g_clear_pointer (&self->base_edge_state, g_free);
  g_clear_pointer (&self->overlay_node_state, g_free);
  g_clear_pointer (&self->overlay_edge_state, g_free);
  g_clear_pointer (&self->layout_positions, g_free);
  g_hash_table_remove_all (self->saved_edges);
  drop_base (self);
  g_clear_pointer (&self->legend, tile_free);
  self->has_overlay = self->veil = FALSE;
  self->hover_node = self->hover_edge = -1;
  self->press = PRESS_NONE;
  self->dragging = FALSE;
  self->drag_node = -1;
  if (self->render_cache != NULL)
    rwb_render_cache_reset (self->render_cache);
}

static void
rwb_graph_view_dispose (GObject *object)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (object);

  clear_scene_data (self);
  g_clear_pointer (&self->scene, rwb_scene_free);
  g_clear_pointer (&self->graph, rwb_graph_unref);

  G_OBJECT_CLASS (rwb_graph_view_parent_class)->dispose (object);
}

static void
rwb_graph_view_finalize (GObject *object)
{
  RwbGraphView *self = RWB_GRAPH_VIEW (object);

  g_clear_pointer (&self->hidden_entities, g_free);
  g_clear_pointer (&self->hidden_relations, g_free);
  g_clear_pointer (&self->selected_entities, g_array_unref);
  g_clear_pointer (&self->moved, g_hash_table_unref);
  g_clear_pointer (&self->saved_edges, g_hash_table_unref);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_pointer (&self->view_tile, tile_free);
  g_clear_pointer (&self->render_cache, rwb_render_cache_free);

  G_OBJECT_CLASS (rwb_graph_view_parent_class)->finalize (object);
}

static void
rwb_graph_view_class_init (RwbGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rwb_graph_view_dispose;
  object_class->finalize = rwb_graph_view_finalize;
  object_class->get_property = rwb_graph_view_get_property;
  object_class->set_property = rwb_graph_view_set_property;

  widget_class->snapshot = rwb_graph_view_snapshot;
  widget_class->size_allocate = rwb_graph_view_size_allocate;
  widget_class->measure = rwb_graph_view_measure;
  widget_class->css_changed = rwb_graph_view_css_changed;
  widget_class->direction_changed = rwb_graph_view_direction_changed;
  widget_class->query_tooltip = rwb_graph_view_query_tooltip;

  properties[PROP_HAS_SCENE] =
    g_param_spec_boolean ("has-scene", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_MENTIONS] =
    g_param_spec_boolean ("show-mentions", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RwbGraphView::selection-changed:
   *
   * Emitted whenever the selected entities or relation change, by the user or through the API.
   */
  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "view.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "view.pan", "(dd)", pan_action);
  gtk_widget_class_install_action (widget_class, "view.clear-selection", NULL,
                                   clear_selection_action);
  gtk_widget_class_install_action (widget_class, "view.reset-positions", NULL,
                                   reset_positions_action);
  gtk_widget_class_install_property_action (widget_class, "view.show-legend", "show-legend");

  /* Keys work while the view has the focus; plain keys too, as in image viewers. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "view.zoom-out",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "view.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "view.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "view.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "view.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "view.clear-selection",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "view.pan", "(dd)",
                                       -1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "view.pan", "(dd)",
                                       1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "view.pan", "(dd)",
                                       0.0, -1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "view.pan", "(dd)",
                                       0.0, 1.0);

  gtk_widget_class_set_css_name (widget_class, "rwb-graph-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rwb_graph_view_init (RwbGraphView *self)
{
  GtkEventController *scroll;
  GtkEventController *motion;
  GtkGesture *drag;
  GtkGesture *zoom;

  self->viewport.scale = 1.0;
  self->show_legend = TRUE;
  self->pointer_x = self->pointer_y = -1;
  self->hover_node = self->hover_edge = -1;
  self->drag_node = -1;
  self->selected_relation = -1;
  self->selected_entities = g_array_new (FALSE, FALSE, sizeof (guint));
  self->moved = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  self->saved_edges = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                             saved_edge_free);
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, tile_free);
  self->render_cache = rwb_render_cache_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));
  /* Grouped, a second finger turns the one-finger drag into the pinch instead of fighting it. */
  gtk_gesture_group (zoom, drag);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Knowledge graph"),
                                  -1);
  update_actions (self);
}

/* --- Public API ---------------------------------------------------------------------------- */

/**
 * rwb_graph_view_new:
 * Creates an empty graph view.
 */
GtkWidget *
rwb_graph_view_new (void)
{
  return g_object_new (RWB_TYPE_GRAPH_VIEW, NULL);
}

/* Places the entities the user moved where they were put, in a fresh scene of their graph. */
static void
apply_moved_positions (RwbGraphView *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->moved);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint entity = GPOINTER_TO_UINT (key);
      const RwbPoint *where = value;

      if (entity < self->n_entities && self->entity_node[entity] >= 0)
        {
          guint n_adj;
          const guint *adj = rwb_scene_node_edges (self->scene, self->entity_node[entity], &n_adj);

          for (guint k = 0; k < n_adj; k++)
            save_edge (self, adj[k]);
          rwb_scene_move_node (self->scene, self->entity_node[entity], where->x, where->y);
        }
    }
  if (g_hash_table_size (self->moved) > 0)
    rwb_scene_update_bounds (self->scene);
}

/**
 * rwb_graph_view_set_scene:
 * Replaces the scene; see the header. A scene of the graph already shown keeps the selection,
 * the filters and the positions the user moved entities to; a scene of another graph starts
 * afresh.
 */
void
rwb_graph_view_set_scene (RwbGraphView *self, RwbScene *scene)
{
  gboolean had_scene, same_graph, had_selection;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  if (scene == self->scene)
    return;

  had_scene = self->scene != NULL;
  had_selection = self->selected_entities->len > 0 || self->selected_relation >= 0;
  same_graph = scene != NULL && self->graph != NULL && scene->graph == self->graph;

  clear_scene_data (self);
  g_clear_pointer (&self->scene, rwb_scene_free);
  self->scene = scene;

  if (!same_graph)
    {
      g_clear_pointer (&self->graph, rwb_graph_unref);
      g_hash_table_remove_all (self->moved);
      g_clear_pointer (&self->hidden_entities, g_free);
      g_clear_pointer (&self->hidden_relations, g_free);
      self->n_hidden_entities = self->n_hidden_relations = 0;
      g_array_set_size (self->selected_entities, 0);
      self->selected_relation = -1;
      if (scene != NULL)
        self->graph = rwb_graph_ref (scene->graph);
    }

  if (scene != NULL)
    {
      guint nn = scene->nodes->len, ne = scene->edges->len;

      rwb_scene_build_index (scene);
      self->n_entities = scene->graph->entities->len;
      self->n_relations = scene->graph->relations->len;
      self->entity_node = g_new (gint, MAX (self->n_entities, 1));
      self->relation_edge = g_new (gint, MAX (self->n_relations, 1));
      for (guint i = 0; i < self->n_entities; i++)
        self->entity_node[i] = -1;
      for (guint i = 0; i < self->n_relations; i++)
        self->relation_edge[i] = -1;
      for (guint i = 0; i < nn; i++)
        {
          guint entity = g_array_index (scene->nodes, RwbSceneNode, i).entity;
          if (entity < self->n_entities)
            self->entity_node[entity] = i;
        }
      for (guint i = 0; i < ne; i++)
        {
          guint relation = g_array_index (scene->edges, RwbSceneEdge, i).relation;
          if (relation < self->n_relations)
            self->relation_edge[relation] = i;
        }
      self->layout_positions = g_new (RwbPoint, MAX (nn, 1));
      for (guint i = 0; i < nn; i++)
        {
          const RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);
          self->layout_positions[i] = (RwbPoint) { n->x, n->y };
        }
      self->node_state = g_malloc0 (MAX (nn, 1));
      self->edge_state = g_malloc0 (MAX (ne, 1));
      self->overlay_node_state = g_malloc0 (MAX (nn, 1));
      self->overlay_edge_state = g_malloc0 (MAX (ne, 1));

      apply_moved_positions (self);
      update_states (self);
    }
  else
    {
      self->n_entities = self->n_relations = 0;
    }

  self->user_viewport = FALSE;
  refit (self);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (had_scene != (scene != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SCENE]);
  if (had_selection && !same_graph)
    g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

/**
 * rwb_graph_view_get_scene:
 * The scene being drawn, or NULL.
 */
const RwbScene *
rwb_graph_view_get_scene (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), NULL);

  return self->scene;
}

/**
 * rwb_graph_view_set_show_mentions:
 * Whether to draw co-occurrence edges.
 */
void
rwb_graph_view_set_show_mentions (RwbGraphView *self, gboolean show_mentions)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  show_mentions = !!show_mentions;
  if (show_mentions == self->show_mentions)
    return;

  self->show_mentions = show_mentions;
  update_states (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MENTIONS]);
}

/**
 * rwb_graph_view_get_show_mentions:
 * Whether co-occurrence edges are drawn.
 */
gboolean
rwb_graph_view_get_show_mentions (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), FALSE);

  return self->show_mentions;
}

/**
 * rwb_graph_view_get_dark:
 * Whether the dark palette is in use.
 */
gboolean
rwb_graph_view_get_dark (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), FALSE);

  return self->dark;
}

/**
 * rwb_graph_view_get_viewport:
 * The scene → widget mapping in use.
 */
void
rwb_graph_view_get_viewport (RwbGraphView *self, RwbViewport *viewport)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));
  g_return_if_fail (viewport != NULL);

  *viewport = self->viewport;
}

/**
 * rwb_graph_view_get_selected_entities:
 * A copy of the selected entity indices, in the order they were selected.
 */
GArray *
rwb_graph_view_get_selected_entities (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), NULL);

  return g_array_copy (self->selected_entities);
}

/**
 * rwb_graph_view_get_selected_relation:
 * The selected relation index, or -1.
 */
gint
rwb_graph_view_get_selected_relation (RwbGraphView *self)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), -1);

  return self->selected_relation;
}

/**
 * rwb_graph_view_select_entity:
 * Selects @entity, adds it to the selection with @add, or clears the selection with -1.
 * Emits ::selection-changed when the selection changed.
 */
void
rwb_graph_view_select_entity (RwbGraphView *self, gint entity, gboolean add)
{
  gboolean changed = FALSE;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));
  g_return_if_fail (entity < (gint) self->n_entities);

  if (entity < 0)
    {
      changed = self->selected_entities->len > 0 || self->selected_relation >= 0;
      g_array_set_size (self->selected_entities, 0);
      self->selected_relation = -1;
    }
  else
    {
      guint e = entity;

      if (self->selected_relation >= 0)
        {
          self->selected_relation = -1;
          changed = TRUE;
        }
      if (!add && (self->selected_entities->len != 1
                   || g_array_index (self->selected_entities, guint, 0) != e))
        {
          g_array_set_size (self->selected_entities, 0);
          changed = TRUE;
        }
      if (!is_selected_entity (self, e))
        {
          g_array_append_val (self->selected_entities, e);
          changed = TRUE;
        }
    }

  if (changed)
    selection_changed (self);
}

/**
 * rwb_graph_view_select_relation:
 * Selects relation @relation alone. Emits ::selection-changed when the selection changed.
 */
void
rwb_graph_view_select_relation (RwbGraphView *self, guint relation)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));
  g_return_if_fail (relation < self->n_relations);

  if (self->selected_relation == (gint) relation && self->selected_entities->len == 0)
    return;

  g_array_set_size (self->selected_entities, 0);
  self->selected_relation = relation;
  selection_changed (self);
}

/**
 * rwb_graph_view_center_on_entity:
 * Pans, at once and keeping the zoom, so @entity's node is in the middle of the view.
 */
void
rwb_graph_view_center_on_entity (RwbGraphView *self, guint entity)
{
  const RwbSceneNode *n;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  if (self->scene == NULL || entity >= self->n_entities || self->entity_node[entity] < 0)
    return;

  n = &g_array_index (self->scene->nodes, RwbSceneNode, self->entity_node[entity]);
  self->viewport.origin_x = n->x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0
                                     / self->viewport.scale;
  self->viewport.origin_y = n->y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0
                                     / self->viewport.scale;
  self->user_viewport = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * rwb_graph_view_set_hidden:
 * Hides entities and relations; what is hidden leaves the selection.
 */
void
rwb_graph_view_set_hidden (RwbGraphView   *self,
                           const gboolean *hidden_entities,
                           const gboolean *hidden_relations)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  g_clear_pointer (&self->hidden_entities, g_free);
  g_clear_pointer (&self->hidden_relations, g_free);
  self->n_hidden_entities = self->n_hidden_relations = 0;
  if (hidden_entities != NULL && self->n_entities > 0)
    {
      self->hidden_entities = g_memdup2 (hidden_entities, sizeof (gboolean) * self->n_entities);
      self->n_hidden_entities = self->n_entities;
    }
  if (hidden_relations != NULL && self->n_relations > 0)
    {
      self->hidden_relations = g_memdup2 (hidden_relations, sizeof (gboolean) * self->n_relations);
      self->n_hidden_relations = self->n_relations;
    }

  if (self->scene == NULL)
    return;

  /* Hover on what just disappeared would keep it drawn. */
  if (self->hover_node >= 0
      && entity_filtered (self, g_array_index (self->scene->nodes, RwbSceneNode,
                                               self->hover_node).entity))
    self->hover_node = -1;
  update_states (self);
  if (self->hover_edge >= 0 && edge_hidden (self, self->hover_edge))
    {
      self->hover_edge = -1;
      update_states (self);
    }
  if (prune_selection (self))
    selection_changed (self);
}

/**
 * rwb_graph_view_get_moved_positions:
 * A new table: entity index → RwbPoint (scene points) for every entity the user moved.
 */
GHashTable *
rwb_graph_view_get_moved_positions (RwbGraphView *self)
{
  GHashTable *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), NULL);

  copy = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_hash_table_iter_init (&iter, self->moved);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, key, g_memdup2 (value, sizeof (RwbPoint)));
  return copy;
}

/**
 * rwb_graph_view_reset_positions:
 * Puts moved nodes and their edges back where the layout placed them and forgets the moves.
 */
void
rwb_graph_view_reset_positions (RwbGraphView *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  g_hash_table_remove_all (self->moved);
  if (self->scene == NULL || self->layout_positions == NULL)
    return;

  for (guint i = 0; i < self->scene->nodes->len; i++)
    {
      RwbSceneNode *n = &g_array_index (self->scene->nodes, RwbSceneNode, i);
      n->x = self->layout_positions[i].x;
      n->y = self->layout_positions[i].y;
    }
  g_hash_table_iter_init (&iter, self->saved_edges);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RwbSceneEdge *e = &g_array_index (self->scene->edges, RwbSceneEdge, GPOINTER_TO_UINT (key));
      SavedEdge *saved = value;

      g_array_unref (e->points);
      e->points = g_steal_pointer (&saved->points);
      e->has_head = saved->has_head;
      e->head = saved->head;
      e->label_x = saved->label_x;
      e->label_y = saved->label_y;
    }
  g_hash_table_remove_all (self->saved_edges);
  rwb_scene_build_index (self->scene);
  rwb_scene_update_bounds (self->scene);
  invalidate (self);
}

/* --- Test entry points --------------------------------------------------------------------- */

const guint8 *
rwb_graph_view_get_node_states (RwbGraphView *self, guint *n_nodes)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), NULL);

  *n_nodes = self->scene ? self->scene->nodes->len : 0;
  return self->node_state;
}

const guint8 *
rwb_graph_view_get_edge_states (RwbGraphView *self, guint *n_edges)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), NULL);

  *n_edges = self->scene ? self->scene->edges->len : 0;
  return self->edge_state;
}

void
rwb_graph_view_get_zoom_range (RwbGraphView *self, double *min, double *max)
{
  g_return_if_fail (RWB_IS_GRAPH_VIEW (self));

  *min = min_scale (self);
  *max = MAX_SCALE;
}
