/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-graph-view-tiles.c — how the graph view draws: the base picture in cached tiles, the
 * overlay of what is hovered, selected or dragged, and the legend. See rwb-graph-view.c for why.
 */
#define G_LOG_DOMAIN "rawabit-graph-view"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rwb-graph-view-private.h"
#include "rwb-render.h"


void
rwb_graph_view_tile_free (gpointer data)
{
  Tile *tile = data;

  cairo_surface_destroy (tile->surface);
  g_clear_object (&tile->texture);
  g_free (tile);
}


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

void
rwb_graph_view_drop_tiles (RwbGraphView *self)
{
  g_hash_table_remove_all (self->tiles);
  g_clear_pointer (&self->view_tile, rwb_graph_view_tile_free);
}

/* Forgets every tile: the next frame draws the base again. */
void
rwb_graph_view_invalidate (RwbGraphView *self)
{
  rwb_graph_view_drop_tiles (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
device_scale (RwbGraphView *self)
{
  return self->viewport.scale * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

/* Forgets the tiles that show any of @rect (scene points). */
void
rwb_graph_view_invalidate_rect (RwbGraphView *self, const RwbRect *rect)
{
  GHashTableIter iter;
  gpointer key;
  double s = self->tile_scale;
  int tp = TILE * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double x0, y0, x1, y1;

  g_clear_pointer (&self->view_tile, rwb_graph_view_tile_free);
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

void
rwb_graph_view_item_rect (RwbGraphView *self, gboolean edge, guint i, RwbRect *out)
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
  style->show_mentions = rwb_session_get_show_mentions (self->session);
  style->cache = self->render_cache;
  rwb_graph_view_analysis_style (self, style);
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

/* --- Drawing ------------------------------------------------------------------------------- */

/* Where the legend goes: the corner of the view it would hide the fewest nodes in (and above
 * all of what stands out), the bottom
 * corner where lines start (left, or right in a right-to-left locale) on a tie. */
static void
legend_corner (RwbGraphView *self, double width, double height, double *x, double *y)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  double start = rtl ? width - 12 - self->legend_width : 12;
  double end = rtl ? 12 : width - 12 - self->legend_width;
  double bottom = height - 12 - self->legend_height, top = 12;
  const double corners[4][2] = { { start, bottom }, { end, bottom }, { end, top }, { start, top } };
  g_autoptr (GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  guint best_count = G_MAXUINT;

  *x = corners[0][0];
  *y = corners[0][1];
  if (self->scene == NULL || self->viewport.scale <= 0)
    return;
  for (guint c = 0; c < G_N_ELEMENTS (corners); c++)
    {
      double sx, sy;
      guint count = 0;

      rwb_graph_view_widget_to_scene (self, corners[c][0], corners[c][1], &sx, &sy);
      RwbRect rect = { sx, sy, self->legend_width / self->viewport.scale,
                       self->legend_height / self->viewport.scale };
      g_array_set_size (nodes, 0);
      rwb_scene_query_rect (self->scene, &rect, nodes, NULL);
      /* What stands out (a selection, a path) counts for many. */
      for (guint k = 0; k < nodes->len; k++)
        {
          guint node = g_array_index (nodes, guint, k);

          if (!rwb_graph_view_node_hidden (self, node))
            count += self->node_state[node] & PROMINENT ? 100 : 1;
        }
      if (count < best_count)
        {
          best_count = count;
          *x = corners[c][0];
          *y = corners[c][1];
        }
    }
}

void
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
      rwb_graph_view_drop_tiles (self);
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
      g_clear_pointer (&self->view_tile, rwb_graph_view_tile_free);

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
          double lx, ly;

          legend_corner (self, width, height, &lx, &ly);
          append_tile (snapshot, self->legend,
                       &GRAPHENE_RECT_INIT (lx, ly, self->legend_width, self->legend_height),
                       gtk_widget_get_scale_factor (widget), use_textures);
        }
    }
}
