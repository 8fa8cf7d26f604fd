/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for rwb-render: drawn pixels, culling, files in every format. */
#include "rwb-layout.h"
#include "rwb-render.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

static RwbGraph *
graph_with_arabic (void)
{
  RwbGraph *g = rwb_graph_new ();
  guint a = rwb_graph_add_entity (g, "Xiaomi", RWB_ENTITY_COMPANY);
  rwb_entity_add_alias (g_ptr_array_index (g->entities, a), "شاومي");
  guint b = rwb_graph_add_entity (g, "Great Wall", RWB_ENTITY_COMPANY);
  guint c = rwb_graph_add_entity (g, "تايلاند", RWB_ENTITY_PLACE);
  rwb_graph_ensure_relation (g, b, a, RWB_RELATION_MANUFACTURING, 0.9);
  rwb_graph_ensure_relation (g, b, c, RWB_RELATION_LOCATION, 0.7);
  return g;
}

/* Share of pixels that differ clearly from the background colour at (0, 0). */
static double
drawn_share (cairo_surface_t *s)
{
  cairo_surface_flush (s);
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  int stride = cairo_image_surface_get_stride (s);
  const guchar *data = cairo_image_surface_get_data (s);
  guint32 bg = *(const guint32 *) data;
  guint64 n = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + 4 * x);
        int d = 0;
        for (int k = 0; k < 32; k += 8)
          d += ABS ((int) ((p >> k) & 0xff) - (int) ((bg >> k) & 0xff));
        if (d > 60)
          n++;
      }
  return (double) n / ((double) w * h);
}

static void
test_labels (void)
{
  g_autoptr (RwbGraph) g = graph_with_arabic ();
  char *label, *sub;
  rwb_render_entity_labels (g_ptr_array_index (g->entities, 0), &label, &sub);
  g_assert_cmpstr (label, ==, "Xiaomi");
  g_assert_cmpstr (sub, ==, "شاومي");
  g_free (label), g_free (sub);
  /* An Arabic-only name gets a Latin transliteration under it. */
  rwb_render_entity_labels (g_ptr_array_index (g->entities, 2), &label, &sub);
  g_assert_cmpstr (label, ==, "تايلاند");
  g_assert_true (sub && g_str_is_ascii (sub) && strlen (sub) > 3);
  g_free (label), g_free (sub);
  double w1, h1, w2, h2;
  rwb_render_measure_node ("Xiaomi", NULL, &w1, &h1);
  rwb_render_measure_node ("Xiaomi", "شاومي", &w2, &h2);
  g_assert_cmpfloat (h2, >, h1);
  g_assert_cmpfloat (w1, >, 20);
}

static void
test_draw_and_cull (void)
{
  g_autoptr (RwbGraph) g = graph_with_arabic ();
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbScene) scene = rwb_layout_run (g, &options, NULL, &error);
  g_assert_no_error (error);

  RwbStyle style;
  rwb_style_init (&style);
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (s);
  RwbViewport vp;
  rwb_viewport_fit (&vp, scene, 400, 300, 10);
  rwb_render_scene (cr, scene, &style, &vp, 400, 300);
  double fitted = drawn_share (s);
  g_assert_cmpfloat (fitted, >, 0.02);

  /* Looking far away from the graph draws nothing but background. */
  vp.origin_x += 10000;
  rwb_render_scene (cr, scene, &style, &vp, 400, 300);
  g_assert_cmpfloat (drawn_share (s), ==, 0.0);

  /* Dark style: background is dark. */
  style.dark = TRUE;
  rwb_viewport_fit (&vp, scene, 400, 300, 10);
  rwb_render_scene (cr, scene, &style, &vp, 400, 300);
  cairo_surface_flush (s);
  const guchar *px = cairo_image_surface_get_data (s);
  g_assert_cmpuint (px[0] + px[1] + px[2], <, 150);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static void
test_files (void)
{
  g_autoptr (RwbGraph) g = graph_with_arabic ();
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbScene) scene = rwb_layout_run (g, &options, NULL, &error);
  g_assert_no_error (error);
  RwbStyle style;
  rwb_style_init (&style);
  g_autofree char *dir = g_dir_make_tmp ("rawabit-render-XXXXXX", &error);
  const char *names[] = { "g.png", "g.svg", "g.pdf" };
  for (RwbImageFormat f = RWB_IMAGE_PNG; f <= RWB_IMAGE_PDF; f++)
    {
      g_autofree char *path = g_build_filename (dir, names[f], NULL);
      g_assert_true (rwb_render_to_file (scene, &style, f, 2.0, path, &error));
      g_assert_no_error (error);
      g_autofree char *data = NULL;
      gsize len;
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      g_assert_cmpuint (len, >, 500);
      if (f == RWB_IMAGE_PNG)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (path);
          g_assert_cmpint (cairo_image_surface_get_width (png), ==,
                           (int) ((scene->bounds.width + 48) * 2 + 0.999));
          g_assert_cmpfloat (drawn_share (png), >, 0.02);
          cairo_surface_destroy (png);
        }
      else if (f == RWB_IMAGE_SVG)
        g_assert_nonnull (strstr (data, "<svg"));
      else
        g_assert_true (g_str_has_prefix (data, "%PDF"));
      g_remove (path);
    }
  /* An unwritable path is an error, not a crash. */
  g_assert_false (rwb_render_to_file (scene, &style, RWB_IMAGE_PNG, 1, "/nonexistent/x.png",
                                      &error));
  g_assert_nonnull (error);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/labels", test_labels);
  g_test_add_func ("/render/draw-and-cull", test_draw_and_cull);
  g_test_add_func ("/render/files", test_files);
  return g_test_run ();
}
