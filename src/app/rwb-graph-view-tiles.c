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

/* Space between the chip and the panel under it. */
#define CHIP_GAP 4.0

/* The legend as the view draws it: the "Legend" chip and, unless collapsed, the panel of the
 * types, the chip in the picture's corner that is the view's corner (top left for a legend in
 * the top left corner of the view, so that the panel unfolds away from the view's sides). NULL
 * when there is no type to show. */
static Tile *
render_legend (RwbGraphView *self)
{
  gboolean left = self->legend_left, top = self->legend_top;
  int sf = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  /* TRANSLATORS: the header of the graph's legend; a click on it folds the legend away. */
  const char *label = _("Legend");
  cairo_surface_t *surface;
  cairo_t *cr;
  RwbStyle style;
  double w, h, cw, ch, pw = 0, ph = 0;
  Tile *tile;

  init_style (self, &style);
  style.rtl = rtl;
  rwb_render_legend (NULL, &style, 0, 0, self->entity_type_mask, self->relation_type_mask, &w, &h);
  if (w <= 0 || h <= 0)
    return NULL;
  gboolean folded = self->legend_collapsed || (self->legend_auto_folded && !self->legend_opened);
  rwb_render_legend_chip (NULL, &style, 0, 0, label, folded, rtl, &cw, &ch);
  self->legend_open_width = (int) ceil (MAX (cw, w));
  self->legend_open_height = (int) ceil (ch + CHIP_GAP + h);
  if (!folded)
    pw = w, ph = h;

  self->legend_rtl = rtl;
  self->legend_width = (int) ceil (MAX (cw, pw));
  self->legend_height = (int) ceil (ch + (ph > 0 ? CHIP_GAP + ph : 0));
  self->chip_width = cw;
  self->chip_height = ch;
  self->chip_x = left ? 0 : self->legend_width - cw;
  self->chip_y = top ? 0 : self->legend_height - ch;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->legend_width * sf,
                                        self->legend_height * sf);
  cr = cairo_create (surface);
  cairo_scale (cr, sf, sf);
  rwb_render_legend_chip (cr, &style, self->chip_x, self->chip_y, label, folded, rtl, NULL,
                          NULL);
  if (ph > 0)
    rwb_render_legend (cr, &style, left ? 0 : self->legend_width - pw, top ? ch + CHIP_GAP : 0,
                       self->entity_type_mask, self->relation_type_mask, NULL, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  tile = g_new0 (Tile, 1);
  tile->surface = surface;
  return tile;
}

/* --- Drawing ------------------------------------------------------------------------------- */

static int
compare_guint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Sorts @array of guint and drops repeats. */
static void
sort_unique (GArray *array)
{
  guint n = 0;

  g_array_sort (array, compare_guint);
  for (guint k = 0; k < array->len; k++)
    if (n == 0 || g_array_index (array, guint, k) != g_array_index (array, guint, n - 1))
      g_array_index (array, guint, n++) = g_array_index (array, guint, k);
  g_array_set_size (array, n);
}

static void
scene_to_widget_rect (RwbGraphView *self, const RwbRect *in, RwbRect *out)
{
  double s = self->viewport.scale;

  *out = (RwbRect) { (in->x - self->viewport.origin_x) * s, (in->y - self->viewport.origin_y) * s,
                     in->width * s, in->height * s };
}

/* What the view's spatial index holds in the corners of a @w × @h legend, each grown by the
 * hysteresis: the nodes first (*@n_nodes of them), weighted by rwb_legend_node_weight() — a
 * hub more than a leaf, a selected or highlighted node far more, a dimmed one less — then the
 * edges' bounding boxes, a little each. */
static GArray *
gather_occupied (RwbGraphView *self, const RwbRect *area, double w, double h, guint *n_nodes)
{
  g_autoptr (GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *occupied = g_array_new (FALSE, FALSE, sizeof (RwbOccupied));

  for (int c = 0; c < RWB_LEGEND_N_CORNERS; c++)
    {
      RwbRect rect, scene_rect;

      rwb_legend_corner_rect (area, w, h, LEGEND_MARGIN, self->legend_rtl, c, &rect);
      rwb_graph_view_widget_to_scene (self, rect.x - LEGEND_HYSTERESIS,
                                      rect.y - LEGEND_HYSTERESIS, &scene_rect.x, &scene_rect.y);
      scene_rect.width = (rect.width + 2 * LEGEND_HYSTERESIS) / self->viewport.scale;
      scene_rect.height = (rect.height + 2 * LEGEND_HYSTERESIS) / self->viewport.scale;
      rwb_scene_query_rect (self->scene, &scene_rect, nodes, edges);
    }
  sort_unique (nodes);
  sort_unique (edges);

  for (guint k = 0; k < nodes->len; k++)
    {
      guint node = g_array_index (nodes, guint, k);
      guint8 state = self->node_state != NULL ? self->node_state[node] : 0;
      const RwbSceneNode *n = &g_array_index (self->scene->nodes, RwbSceneNode, node);
      RwbOccupied o;
      RwbRect r;

      if (state & RWB_DRAW_HIDDEN)
        continue;
      rwb_graph_view_item_rect (self, FALSE, node, &r);
      scene_to_widget_rect (self, &r, &o.rect);
      o.weight = rwb_legend_node_weight (rwb_graph_entity_degree (self->scene->graph, n->entity,
                                                                  FALSE),
                                         state);
      g_array_append_val (occupied, o);
    }
  *n_nodes = occupied->len;
  for (guint k = 0; k < edges->len; k++)
    {
      guint edge = g_array_index (edges, guint, k);
      RwbOccupied o;
      RwbRect r;

      if (rwb_graph_view_edge_hidden (self, edge))
        continue;
      rwb_graph_view_item_rect (self, TRUE, edge, &r);
      scene_to_widget_rect (self, &r, &o.rect);
      o.weight = 0.25;
      g_array_append_val (occupied, o);
    }
  return occupied;
}

/* The legend's corner, and whether it folds: open, it folds to its chip when every corner
 * would hide a node (unless the user opened it since); then rwb_legend_choose_corner() picks
 * the corner it hides the least in. Only when the viewport, the legend's size or the states
 * changed since the last frame; state changes under a hovering pointer wait (hover changes the
 * states, and the legend would jump). */
static void
update_legend_corner (RwbGraphView *self, double width, double height)
{
  const double key[8] = { self->viewport.origin_x, self->viewport.origin_y, self->viewport.scale,
                          width, height, self->legend_width, self->legend_height,
                          self->legend_rtl };
  gboolean hovering = self->hover_node >= 0 || self->hover_edge >= 0;
  const RwbRect area = { 0, 0, width, height };
  g_autoptr (GArray) occupied = NULL;
  gboolean fold = FALSE;
  guint n_nodes;

  if (self->legend_corner >= 0 && memcmp (key, self->legend_key, sizeof key) == 0
      && (!self->legend_dirty || hovering))
    return;
  memcpy (self->legend_key, key, sizeof key);
  self->legend_dirty = FALSE;

  if (!self->legend_collapsed && !self->legend_opened)
    {
      occupied = gather_occupied (self, &area, self->legend_open_width,
                                  self->legend_open_height, &n_nodes);
      fold = !rwb_legend_has_free_corner (&area, self->legend_open_width,
                                          self->legend_open_height, LEGEND_MARGIN,
                                          self->legend_rtl, (const RwbOccupied *) occupied->data,
                                          n_nodes);
    }
  if (fold != self->legend_auto_folded)
    {
      self->legend_auto_folded = fold;
      g_clear_pointer (&self->legend, rwb_graph_view_tile_free);
      self->legend = render_legend (self);
      if (self->legend == NULL)
        return;
    }
  if (occupied == NULL || self->legend_width != self->legend_open_width
      || self->legend_height != self->legend_open_height)
    {
      g_clear_pointer (&occupied, g_array_unref);
      occupied = gather_occupied (self, &area, self->legend_width, self->legend_height, &n_nodes);
    }

  self->legend_corner = rwb_legend_choose_corner (&area, self->legend_width, self->legend_height,
                                                  LEGEND_MARGIN, self->legend_rtl,
                                                  (const RwbOccupied *) occupied->data,
                                                  occupied->len, self->legend_corner,
                                                  LEGEND_HYSTERESIS);
}

void
rwb_graph_view_toggle_legend (RwbGraphView *self)
{
  if (self->legend_collapsed || (self->legend_auto_folded && !self->legend_opened))
    {
      self->legend_opened = TRUE;
      self->legend_dirty = TRUE;
      g_clear_pointer (&self->legend, rwb_graph_view_tile_free);
      g_object_set (self, "legend-collapsed", FALSE, NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    g_object_set (self, "legend-collapsed", TRUE, NULL);
}

gboolean
rwb_graph_view_legend_at (RwbGraphView *self, double x, double y, gboolean *on_chip)
{
  gboolean in;

  if (on_chip)
    *on_chip = FALSE;
  if (!self->legend_drawn || !self->show_legend)
    return FALSE;
  in = x >= self->legend_x && x < self->legend_x + self->legend_width && y >= self->legend_y
       && y < self->legend_y + self->legend_height;
  if (in && on_chip)
    *on_chip = x >= self->legend_x + self->chip_x
               && x < self->legend_x + self->chip_x + self->chip_width
               && y >= self->legend_y + self->chip_y
               && y < self->legend_y + self->chip_y + self->chip_height;
  return in;
}

gboolean
rwb_graph_view_get_legend_rect (RwbGraphView *self, graphene_rect_t *legend,
                                graphene_rect_t *chip)
{
  g_return_val_if_fail (RWB_IS_GRAPH_VIEW (self), FALSE);

  if (!self->legend_drawn || !self->show_legend)
    return FALSE;
  if (legend)
    graphene_rect_init (legend, self->legend_x, self->legend_y, self->legend_width,
                        self->legend_height);
  if (chip)
    graphene_rect_init (chip, self->legend_x + self->chip_x, self->legend_y + self->chip_y,
                        self->chip_width, self->chip_height);
  return TRUE;
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

  rwb_graph_view_snapshot_focus (self, snapshot);

  /* A plain Graphviz file draws in its own colours: the entity and relation legend does not
   * apply to it. */
  self->legend_drawn = FALSE;
  if (self->show_legend && !(self->scene != NULL && self->scene->from_dot))
    {
      gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

      if (self->legend != NULL && self->legend_rtl != rtl)
        g_clear_pointer (&self->legend, rwb_graph_view_tile_free);
      if (self->legend == NULL)
        self->legend = render_legend (self);
      if (self->legend != NULL)
        {
          const RwbRect area = { 0, 0, width, height };
          RwbRect rect;

          update_legend_corner (self, width, height);
          {
            RwbLegendCorner c = self->legend_corner;
            gboolean top = c == RWB_LEGEND_TOP_START || c == RWB_LEGEND_TOP_END;
            gboolean start = c == RWB_LEGEND_TOP_START || c == RWB_LEGEND_BOTTOM_START;
            gboolean left = start != self->legend_rtl;

            /* The same size, only the chip and the panel change places: the corner holds. */
            if (left != self->legend_left || top != self->legend_top)
              {
                self->legend_left = left;
                self->legend_top = top;
                g_clear_pointer (&self->legend, rwb_graph_view_tile_free);
                self->legend = render_legend (self);
              }
          }
          rwb_legend_corner_rect (&area, self->legend_width, self->legend_height, LEGEND_MARGIN,
                                  self->legend_rtl, self->legend_corner, &rect);
          if (self->legend == NULL)
            return;
          /* Whole pixels, or the picture would be resampled and blur. */
          self->legend_x = round (rect.x);
          self->legend_y = round (rect.y);
          self->legend_drawn = TRUE;
          append_tile (snapshot, self->legend,
                       &GRAPHENE_RECT_INIT (self->legend_x, self->legend_y, self->legend_width,
                                            self->legend_height),
                       gtk_widget_get_scale_factor (widget), use_textures);
        }
    }
}
