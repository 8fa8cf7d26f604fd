/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the legend overlay's place (rwb_legend_choose_corner: the corner of the view that
 * hides the least, with hysteresis, mirrored right to left) and its chip, with known answers on
 * rectangles laid out by hand. */
#include "rwb-render.h"

#include <cairo.h>
#include <string.h>

/* A 800 × 600 view, a 200 × 150 legend 12 pixels in from the sides. */
static const RwbRect area = { 0, 0, 800, 600 };
#define W 200.0
#define H 150.0
#define MARGIN 12.0

static RwbLegendCorner
choose (const RwbOccupied *occ, guint n, gboolean rtl, int current, double hysteresis)
{
  return rwb_legend_choose_corner (&area, W, H, MARGIN, rtl, occ, n, current, hysteresis);
}

static void
test_rects (void)
{
  RwbRect r;

  rwb_legend_corner_rect (&area, W, H, MARGIN, FALSE, RWB_LEGEND_BOTTOM_START, &r);
  g_assert_cmpfloat (r.x, ==, 12);
  g_assert_cmpfloat (r.y, ==, 600 - 12 - 150);
  rwb_legend_corner_rect (&area, W, H, MARGIN, FALSE, RWB_LEGEND_TOP_END, &r);
  g_assert_cmpfloat (r.x, ==, 800 - 12 - 200);
  g_assert_cmpfloat (r.y, ==, 12);
  g_assert_cmpfloat (r.width, ==, W);
  g_assert_cmpfloat (r.height, ==, H);
  /* Right to left, the start is on the right. */
  rwb_legend_corner_rect (&area, W, H, MARGIN, TRUE, RWB_LEGEND_BOTTOM_START, &r);
  g_assert_cmpfloat (r.x, ==, 800 - 12 - 200);
  rwb_legend_corner_rect (&area, W, H, MARGIN, TRUE, RWB_LEGEND_TOP_END, &r);
  g_assert_cmpfloat (r.x, ==, 12);
  /* An area not at the origin. */
  RwbRect shifted = { 100, -50, 800, 600 };
  rwb_legend_corner_rect (&shifted, W, H, MARGIN, FALSE, RWB_LEGEND_TOP_START, &r);
  g_assert_cmpfloat (r.x, ==, 112);
  g_assert_cmpfloat (r.y, ==, -38);
}

static void
test_emptiest (void)
{
  /* Nothing anywhere: the bottom corner where lines start. */
  g_assert_cmpint (choose (NULL, 0, FALSE, -1, 0), ==, RWB_LEGEND_BOTTOM_START);

  /* Two nodes bottom left, one bottom right, one top right: top left is empty. */
  RwbOccupied occ[] = {
    { { 20, 500, 60, 30 }, 1 },
    { { 100, 520, 60, 30 }, 1 },
    { { 700, 500, 60, 30 }, 1 },
    { { 700, 40, 60, 30 }, 1 },
  };
  g_assert_cmpint (choose (occ, G_N_ELEMENTS (occ), FALSE, -1, 0), ==, RWB_LEGEND_TOP_START);

  /* A node in the middle meets no corner; one in every corner: the fewest win, then the
   * weights. */
  RwbOccupied all[] = {
    { { 380, 280, 40, 40 }, 1 }, { { 20, 20, 40, 40 }, 1 }, /* top left */
    { { 740, 20, 40, 40 }, 1 },                             /* top right */
    { { 740, 540, 40, 40 }, 1 },                            /* bottom right */
    { { 20, 540, 40, 40 }, 1 },                             /* bottom left */
    { { 60, 540, 40, 40 }, 1 },                             /* bottom left */
    { { 60, 20, 40, 40 }, 0.5 },                            /* top left, dimmed */
  };
  /* Bottom right and top right hold one each (top left 1.5, bottom left 2): the tie goes to
   * the bottom. */
  g_assert_cmpint (choose (all, G_N_ELEMENTS (all), FALSE, -1, 0), ==, RWB_LEGEND_BOTTOM_END);
  /* The node bottom right selected (weight 100): top right instead. */
  all[3].weight = 100;
  g_assert_cmpint (choose (all, G_N_ELEMENTS (all), FALSE, -1, 0), ==, RWB_LEGEND_TOP_END);

  /* A rectangle that only touches a corner's edge does not count. */
  RwbOccupied touching[] = {
    { { 212, 450, 30, 30 }, 1 }, /* starts where the bottom-left legend ends */
  };
  g_assert_cmpint (choose (touching, 1, FALSE, -1, 0), ==, RWB_LEGEND_BOTTOM_START);
}

/* Issue 13: a hub hidden costs more than leaves. With a node in every corner, a hub of eight
 * relations bottom left and two leaves each in the other corners, the legend goes to a corner
 * of leaves (counting every node as 1, the hub's corner with one node won). No corner free:
 * the view folds the legend; a corner with only an edge's box or a hidden node is free. */
static void
test_hub_weighs_more (void)
{
  RwbOccupied occ[] = {
    { { 20, 500, 60, 30 }, rwb_legend_node_weight (8, 0) },  /* bottom left, the hub */
    { { 700, 500, 60, 30 }, rwb_legend_node_weight (1, 0) }, /* bottom right */
    { { 620, 520, 60, 30 }, rwb_legend_node_weight (1, 0) },
    { { 700, 40, 60, 30 }, rwb_legend_node_weight (1, 0) },  /* top right */
    { { 620, 60, 60, 30 }, rwb_legend_node_weight (2, 0) },
    { { 20, 40, 60, 30 }, rwb_legend_node_weight (1, 0) },   /* top left */
    { { 100, 60, 60, 30 }, rwb_legend_node_weight (2, 0) },
  };

  g_assert_cmpfloat (rwb_legend_node_weight (8, 0), >, 4 * rwb_legend_node_weight (1, 0));
  g_assert_cmpfloat (rwb_legend_node_weight (0, RWB_DRAW_SELECTED), >,
                     rwb_legend_node_weight (20, 0));
  g_assert_cmpfloat (rwb_legend_node_weight (3, RWB_DRAW_DIMMED), <,
                     rwb_legend_node_weight (3, 0));
  g_assert_cmpfloat (rwb_legend_node_weight (3, RWB_DRAW_HIDDEN), ==, 0);
  g_assert_cmpint (choose (occ, G_N_ELEMENTS (occ), FALSE, -1, 0), ==, RWB_LEGEND_BOTTOM_END);

  g_assert_false (rwb_legend_has_free_corner (&area, W, H, MARGIN, FALSE, occ, G_N_ELEMENTS (occ)));
  /* The top left's nodes hidden: free. */
  occ[5].weight = occ[6].weight = 0;
  g_assert_true (rwb_legend_has_free_corner (&area, W, H, MARGIN, FALSE, occ, G_N_ELEMENTS (occ)));
  /* A legend as big as the view is never free of a node. */
  occ[5].weight = 1;
  g_assert_false (rwb_legend_has_free_corner (&area, 800, 600, 0, FALSE, occ, 1));
  g_assert_true (rwb_legend_has_free_corner (&area, 800, 600, 0, FALSE, NULL, 0));
}

static void
test_rtl (void)
{
  /* Bottom left is full, bottom right empty. Left to right, bottom right is the bottom end;
   * right to left it is the bottom start. The same place on screen either way. */
  RwbOccupied occ[] = {
    { { 20, 500, 60, 30 }, 1 },
    { { 20, 40, 60, 30 }, 1 },
    { { 700, 40, 60, 30 }, 1 },
  };
  RwbRect ltr_rect, rtl_rect;

  g_assert_cmpint (choose (occ, G_N_ELEMENTS (occ), FALSE, -1, 0), ==, RWB_LEGEND_BOTTOM_END);
  g_assert_cmpint (choose (occ, G_N_ELEMENTS (occ), TRUE, -1, 0), ==, RWB_LEGEND_BOTTOM_START);
  rwb_legend_corner_rect (&area, W, H, MARGIN, FALSE, RWB_LEGEND_BOTTOM_END, &ltr_rect);
  rwb_legend_corner_rect (&area, W, H, MARGIN, TRUE, RWB_LEGEND_BOTTOM_START, &rtl_rect);
  g_assert_cmpmem (&ltr_rect, sizeof ltr_rect, &rtl_rect, sizeof rtl_rect);

  /* Nothing anywhere: bottom right, where Arabic lines start. */
  RwbRect r;
  rwb_legend_corner_rect (&area, W, H, MARGIN, TRUE, choose (NULL, 0, TRUE, -1, 0), &r);
  g_assert_cmpfloat (r.x, ==, 800 - 12 - 200);
  g_assert_cmpfloat (r.y, ==, 600 - 12 - 150);
}

static void
test_hysteresis (void)
{
  /* The legend is bottom left; one node in it. The bottom right has a node just outside the
   * legend's rectangle there (10 px above it), every top corner two nodes. */
  RwbOccupied occ[] = {
    { { 40, 500, 40, 30 }, 1 },                       /* in the bottom-left legend */
    { { 700, 600 - 12 - 150 - 10 - 30, 40, 30 }, 1 }, /* ends 10 px above bottom right's */
    { { 20, 20, 40, 40 }, 1 },
    { { 60, 20, 40, 40 }, 1 },
    { { 740, 20, 40, 40 }, 1 },
    { { 700, 20, 40, 40 }, 1 },
  };

  /* Without hysteresis the legend would move to the empty bottom right... */
  g_assert_cmpint (choose (occ, G_N_ELEMENTS (occ), FALSE, RWB_LEGEND_BOTTOM_START, 0), ==,
                   RWB_LEGEND_BOTTOM_END);
  /* ...but 16 px of hysteresis: bottom right is not clear by 16 px, so it stays. */
  g_assert_cmpint (choose (occ, G_N_ELEMENTS (occ), FALSE, RWB_LEGEND_BOTTOM_START, 16), ==,
                   RWB_LEGEND_BOTTOM_START);
  /* Once the view pans the node 20 px further up, bottom right is clear by 16: it moves. */
  occ[1].rect.y -= 20;
  g_assert_cmpint (choose (occ, G_N_ELEMENTS (occ), FALSE, RWB_LEGEND_BOTTOM_START, 16), ==,
                   RWB_LEGEND_BOTTOM_END);
  /* And panning back a little (the node 10 px from the bottom-right legend, under the
   * bottom-left one again as before): it stays bottom right, where it now is. */
  occ[1].rect.y += 15;
  g_assert_cmpint (choose (occ, G_N_ELEMENTS (occ), FALSE, RWB_LEGEND_BOTTOM_END, 16), ==,
                   RWB_LEGEND_BOTTOM_END);

  /* A tie keeps the current corner. */
  RwbOccupied one[] = { { { 380, 280, 40, 40 }, 1 } };
  g_assert_cmpint (choose (one, 1, FALSE, RWB_LEGEND_TOP_END, 16), ==, RWB_LEGEND_TOP_END);
  /* A current corner out of range is none. */
  g_assert_cmpint (choose (one, 1, FALSE, 7, 16), ==, RWB_LEGEND_BOTTOM_START);
}

/* Ink in the left and right halves of a picture of the chip. */
static void
chip_ink (gboolean collapsed, gboolean rtl, double *w, double *h, guint64 ink[2])
{
  RwbStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  rwb_style_init (&style);
  rwb_render_legend_chip (NULL, &style, 0, 0, "Legend", collapsed, rtl, w, h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)*w, (int)*h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  rwb_render_legend_chip (cr, &style, 0, 0, "Legend", collapsed, rtl, NULL, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  ink[0] = ink[1] = 0;
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < (int)*h; y++)
    for (int x = 0; x < (int)*w; x++)
      ink[x >= *w / 2] += data[y * stride + 4 * x + 1] < 128; /* dark: text or arrow */
  cairo_surface_destroy (surface);
}

static void
test_chip (void)
{
  double w, h, cw, ch;
  guint64 ink[2], rtl_ink[2];

  chip_ink (FALSE, FALSE, &w, &h, ink);
  g_assert_cmpfloat (w, >, 40);
  g_assert_cmpfloat (w, <, 120);
  g_assert_cmpfloat (h, >, 12);
  g_assert_cmpfloat (h, <, 30);
  g_assert_cmpuint (ink[0] + ink[1], >, 50);
  /* Collapsed, the same size: only the arrow turns. */
  chip_ink (TRUE, FALSE, &cw, &ch, ink);
  g_assert_cmpfloat (cw, ==, w);
  g_assert_cmpfloat (ch, ==, h);
  /* The text is at the start: left to right most ink is on the left, mirrored on the right. */
  chip_ink (FALSE, FALSE, &w, &h, ink);
  chip_ink (FALSE, TRUE, &w, &h, rtl_ink);
  g_assert_cmpuint (ink[0], >, ink[1]);
  g_assert_cmpuint (rtl_ink[1], >, rtl_ink[0]);
}

/* Right to left the legend's swatches are on the right: the ink of the swatch column moves. */
static void
test_legend_rtl (void)
{
  RwbStyle style;
  double w, h;
  guint64 ink[2][2] = { { 0 } };

  rwb_style_init (&style);
  for (int rtl = 0; rtl < 2; rtl++)
    {
      style.rtl = rtl;
      rwb_render_legend (NULL, &style, 0, 0, 0x3, 0, &w, &h);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)w, (int)h);
      cairo_t *cr = cairo_create (surface);
      rwb_render_legend (cr, &style, 0, 0, 0x3, 0, NULL, NULL);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      const guchar *data = cairo_image_surface_get_data (surface);
      int stride = cairo_image_surface_get_stride (surface);
      /* Coloured (not grey) pixels: the swatches. */
      for (int y = 0; y < (int)h; y++)
        for (int x = 0; x < (int)w; x++)
          {
            const guchar *p = data + y * stride + 4 * x;
            int spread = MAX (MAX (p[0], p[1]), p[2]) - MIN (MIN (p[0], p[1]), p[2]);
            ink[rtl][x >= w / 2] += p[3] > 128 && spread > 60;
          }
      cairo_surface_destroy (surface);
    }
  g_test_message ("swatch ink ltr %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT
                  ", rtl %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT,
                  ink[0][0], ink[0][1], ink[1][0], ink[1][1]);
  g_assert_cmpuint (ink[0][0], >, 4 * ink[0][1] + 10);
  g_assert_cmpuint (ink[1][1], >, 4 * ink[1][0] + 10);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/legend/rects", test_rects);
  g_test_add_func ("/legend/emptiest", test_emptiest);
  g_test_add_func ("/legend/rtl", test_rtl);
  g_test_add_func ("/legend/hub-weighs-more", test_hub_weighs_more);
  g_test_add_func ("/legend/hysteresis", test_hysteresis);
  g_test_add_func ("/legend/chip", test_chip);
  g_test_add_func ("/legend/legend-rtl", test_legend_rtl);
  return g_test_run ();
}
