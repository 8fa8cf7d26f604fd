/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for rwb_render_export: every format, scopes, background, legend and title, filters,
 * atomic writes, and the CLI writing the very bytes the library does. */
#include "rwb-extract.h"
#include "rwb-layout.h"
#include "rwb-render.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#define SPECIAL "A & <B> \"C\""

typedef struct {
  RwbGraph *graph;
  RwbScene *scene;
  char *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  f->graph = rwb_graph_new ();
  guint a = rwb_graph_add_entity (f->graph, "Xiaomi", RWB_ENTITY_COMPANY);
  rwb_entity_add_alias (g_ptr_array_index (f->graph->entities, a), "شاومي");
  guint b = rwb_graph_add_entity (f->graph, "Great Wall", RWB_ENTITY_COMPANY);
  guint c = rwb_graph_add_entity (f->graph, "تايلاند", RWB_ENTITY_PLACE);
  guint d = rwb_graph_add_entity (f->graph, SPECIAL, RWB_ENTITY_PERSON);
  rwb_graph_ensure_relation (f->graph, b, a, RWB_RELATION_MANUFACTURING, 0.9);
  rwb_graph_ensure_relation (f->graph, b, c, RWB_RELATION_LOCATION, 0.7);
  rwb_graph_ensure_relation (f->graph, d, b, RWB_RELATION_EXECUTIVE, 0.8);
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  f->scene = rwb_layout_run (f->graph, &options, NULL, &error);
  g_assert_no_error (error);
  f->dir = g_dir_make_tmp ("rawabit-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;
      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  rwb_scene_free (f->scene);
  rwb_graph_unref (f->graph);
}

static char *
export (Fixture *f, const RwbExportOptions *options, const char *name)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  g_assert_true (rwb_render_export (f->scene, options, path, &error));
  g_assert_no_error (error);
  return path;
}

static char *
read_file (const char *path, gsize *len)
{
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  g_assert_true (g_file_get_contents (path, &data, len, &error));
  g_assert_no_error (error);
  return data;
}

/* Share of pixels that are not (nearly) the colour at (0, 0). */
static double
drawn_share (cairo_surface_t *s)
{
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

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *s = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  return s;
}

/* Runs a program; FALSE (and the test skipped) when it is not installed. */
static gboolean
run_tool (const char *const *argv, char **out, int *status)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", argv[0]);
      g_test_skip (message);
      return FALSE;
    }
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out,
                               &err, status, &error));
  g_assert_no_error (error);
  if (err && *err)
    g_test_message ("%s: %s", argv[0], err);
  return TRUE;
}

/* Whether @needle occurs in binary data (g_strstr_len stops at a NUL byte). */
static gboolean
mem_contains (const char *data, gsize len, const char *needle)
{
  gsize n = strlen (needle);
  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* pdftotext puts Arabic between bidi embedding marks and may split a word where its glyphs
 * join: compare without either. */
static char *
squeeze (const char *s)
{
  GString *out = g_string_new (NULL);
  for (const char *c = s; *c; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      if (g_unichar_isspace (u) || (u >= 0x200E && u <= 0x200F) || (u >= 0x202A && u <= 0x202E))
        continue;
      g_string_append_unichar (out, u);
    }
  return g_string_free (out, FALSE);
}

static void
test_png (Fixture *f, gconstpointer data)
{
  RwbExportOptions o;
  rwb_export_options_init (&o);
  g_autofree char *path = export (f, &o, "g.png");
  cairo_surface_t *s = load_png (path);
  double w, h;
  g_assert_true (rwb_export_get_size (f->scene, &o, &w, &h, NULL));
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, (int) w);
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, (int) h);
  g_assert_cmpfloat (drawn_share (s), >, 0.02);
  /* Solid light background by default, whatever a desktop theme would say. */
  const guchar *px = cairo_image_surface_get_data (s);
  g_assert_cmpuint (px[3], ==, 255);
  g_assert_cmpuint (px[0] + px[1] + px[2], >, 600);
  cairo_surface_destroy (s);
}

static void
test_svg (Fixture *f, gconstpointer data)
{
  RwbExportOptions o;
  rwb_export_options_init (&o);
  o.format = RWB_IMAGE_SVG;
  /* A control character XML 1.0 forbids even as a reference: the shared escaper
   * (rwb-xml.h) drops it, and xmllint below accepts the file. */
  o.title = "Title <&> ‘quoted’\x01";
  o.legend = TRUE;
  g_autofree char *path = export (f, &o, "g.svg");
  gsize len;
  g_autofree char *svg = read_file (path, &len);

  /* Labels are text, not glyph outlines. */
  g_assert_nonnull (strstr (svg, ">Xiaomi</text>"));
  g_assert_nonnull (strstr (svg, ">Great Wall</text>"));
  g_assert_nonnull (strstr (svg, "xml:lang=\"ar\""));
  g_assert_nonnull (strstr (svg, "direction=\"rtl\""));
  g_assert_nonnull (strstr (svg, ">شاومي</text>"));
  g_assert_nonnull (strstr (svg, ">تايلاند</text>"));
  g_assert_nonnull (strstr (svg, ">A &amp; &lt;B&gt; &quot;C&quot;</text>"));
  g_assert_nonnull (strstr (svg, ">Title &lt;&amp;&gt; ‘quoted’</text>"));
  g_assert_nonnull (strstr (svg, ">manufacturing</text>")); /* edge label and legend */
  g_assert_null (strstr (svg, "&#x1;"));
  g_assert_null (strstr (svg, "\x01"));
  g_assert_null (strstr (svg, "<B>"));
  g_assert_null (strstr (svg, "<glyph"));
  g_assert_null (strstr (svg, "javascript:"));

  g_autofree char *out = NULL;
  int status;
  if (!run_tool ((const char *const[]) { "xmllint", "--noout", path, NULL }, &out, &status))
    return;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_pdf (Fixture *f, gconstpointer data)
{
  RwbExportOptions o;
  rwb_export_options_init (&o);
  o.format = RWB_IMAGE_PDF;
  o.scale = 1;
  g_autofree char *path = export (f, &o, "g.pdf");
  gsize len;
  g_autofree char *pdf = read_file (path, &len);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

  g_autofree char *text = NULL;
  int status;
  if (!run_tool ((const char *const[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL }, &text,
                 &status))
    return;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_autofree char *flat = squeeze (text);
  g_assert_nonnull (strstr (flat, "Xiaomi"));
  g_assert_nonnull (strstr (flat, "GreatWall"));
  g_assert_nonnull (strstr (flat, "A&<B>\"C\""));
  g_assert_true (strstr (flat, "تايلاند") != NULL || strstr (flat, "شاومي") != NULL);
}

static void
test_page_fit (Fixture *f, gconstpointer data)
{
  RwbExportOptions o;
  rwb_export_options_init (&o);
  o.format = RWB_IMAGE_PDF;
  o.page_fit = TRUE;
  double w, h;
  g_assert_true (rwb_export_get_size (f->scene, &o, &w, &h, NULL));
  g_assert_cmpfloat_with_epsilon (w, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 595.28, 0.01);
  g_autofree char *path = export (f, &o, "page.pdf");
  gsize len;
  g_autofree char *pdf = read_file (path, &len);
  g_assert_true (mem_contains (pdf, len, "/MediaBox [ 0 0 841.89 595.28 ]"));
  /* Without page fit the page is the picture's size. */
  o.page_fit = FALSE;
  g_assert_true (rwb_export_get_size (f->scene, &o, &w, &h, NULL));
  g_assert_cmpfloat (fabs (w - 841.89), >, 1);
}

static void
test_selection (Fixture *f, gconstpointer data)
{
  RwbExportOptions o;
  rwb_export_options_init (&o);
  g_autofree char *whole = export (f, &o, "whole.png");
  guint selected[] = { 0, 1 }; /* Xiaomi, Great Wall */
  o.scope = RWB_EXPORT_SELECTION;
  o.selection = selected;
  o.n_selection = G_N_ELEMENTS (selected);
  g_autofree char *part = export (f, &o, "part.png");
  cairo_surface_t *a = load_png (whole), *b = load_png (part);
  int wa = cairo_image_surface_get_width (a), ha = cairo_image_surface_get_height (a);
  int wb = cairo_image_surface_get_width (b), hb = cairo_image_surface_get_height (b);
  g_test_message ("whole %d×%d, selection %d×%d", wa, ha, wb, hb);
  g_assert_cmpint (wb * hb, <, wa * ha * 3 / 4);
  g_assert_cmpfloat (drawn_share (b), >, 0.05);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  /* Only the selected entities' labels are drawn. */
  o.format = RWB_IMAGE_SVG;
  g_autofree char *svg_path = export (f, &o, "part.svg");
  g_autofree char *svg = read_file (svg_path, NULL);
  g_assert_nonnull (strstr (svg, ">Xiaomi</text>"));
  g_assert_nonnull (strstr (svg, ">manufacturing</text>"));
  g_assert_null (strstr (svg, ">تايلاند</text>"));
  g_assert_null (strstr (svg, ">location</text>"));

  /* Nothing selected is an error, not an empty picture. */
  g_autoptr (GError) error = NULL;
  o.n_selection = 0;
  g_autofree char *none = g_build_filename (f->dir, "none.png", NULL);
  g_assert_false (rwb_render_export (f->scene, &o, none, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
}

static void
test_visible (Fixture *f, gconstpointer data)
{
  RwbExportOptions o;
  rwb_export_options_init (&o);
  o.scope = RWB_EXPORT_VISIBLE;
  o.scale = 1;
  const RwbSceneNode *n = &g_array_index (f->scene->nodes, RwbSceneNode, 0);
  o.visible = (RwbRect) { n->x - 60, n->y - 40, 120, 80 };
  g_autofree char *path = export (f, &o, "visible.png");
  cairo_surface_t *s = load_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, 120);
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, 80);
  g_assert_cmpfloat (drawn_share (s), >, 0.1);
  cairo_surface_destroy (s);
}

static void
test_transparent (Fixture *f, gconstpointer data)
{
  RwbExportOptions o;
  rwb_export_options_init (&o);
  o.transparent = TRUE;
  g_autofree char *path = export (f, &o, "t.png");
  cairo_surface_t *s = load_png (path);
  g_assert_cmpint (cairo_image_surface_get_format (s), ==, CAIRO_FORMAT_ARGB32);
  const guchar *px = cairo_image_surface_get_data (s);
  g_assert_cmpuint (*(const guint32 *) px >> 24, ==, 0);
  /* …while the nodes are opaque. */
  g_assert_cmpfloat (drawn_share (s), >, 0.02);
  cairo_surface_destroy (s);
}

static void
test_dark (Fixture *f, gconstpointer data)
{
  RwbExportOptions o;
  rwb_export_options_init (&o);
  o.dark = TRUE;
  g_autofree char *path = export (f, &o, "dark.png");
  cairo_surface_t *s = load_png (path);
  const guchar *px = cairo_image_surface_get_data (s);
  g_assert_cmpuint (px[0] + px[1] + px[2], <, 150);
  cairo_surface_destroy (s);
}

static void
test_legend_title (Fixture *f, gconstpointer data)
{
  RwbExportOptions o;
  rwb_export_options_init (&o);
  o.scale = 1;
  g_autofree char *plain_path = export (f, &o, "plain.png");
  o.legend = TRUE;
  g_autofree char *legend_path = export (f, &o, "legend.png");
  o.legend = FALSE;
  o.title = "Xiaomi and Great Wall";
  g_autofree char *title_path = export (f, &o, "title.png");

  cairo_surface_t *plain = load_png (plain_path);
  cairo_surface_t *legend = load_png (legend_path);
  cairo_surface_t *title = load_png (title_path);
  int pw = cairo_image_surface_get_width (plain), ph = cairo_image_surface_get_height (plain);
  /* The legend goes right of the picture, the title above it. */
  g_assert_cmpint (cairo_image_surface_get_width (legend), >, pw + 50);
  g_assert_cmpint (cairo_image_surface_get_height (title), >, ph + 10);
  g_assert_cmpint (cairo_image_surface_get_width (title), ==, pw);

  /* Pixels: the legend's strip and the title's band hold drawing. */
  cairo_surface_t *strip = cairo_surface_create_for_rectangle (legend, pw, 0,
                                                               cairo_image_surface_get_width (legend) - pw,
                                                               cairo_image_surface_get_height (legend));
  cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                     cairo_image_surface_get_width (legend) - pw,
                                                     cairo_image_surface_get_height (legend));
  cairo_t *cr = cairo_create (img);
  cairo_set_source_surface (cr, strip, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (img);
  g_assert_cmpfloat (drawn_share (img), >, 0.03);
  cairo_surface_destroy (img);
  cairo_surface_destroy (strip);

  int band = cairo_image_surface_get_height (title) - ph;
  img = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, band);
  cr = cairo_create (img);
  cairo_set_source_surface (cr, title, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (img);
  g_assert_cmpfloat (drawn_share (img), >, 0.01);
  cairo_surface_destroy (img);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (legend);
  cairo_surface_destroy (title);
}

static void
test_hidden (Fixture *f, gconstpointer data)
{
  RwbExportOptions o;
  rwb_export_options_init (&o);
  o.format = RWB_IMAGE_SVG;
  gboolean hidden_entities[4] = { FALSE, FALSE, TRUE, FALSE }; /* تايلاند */
  gboolean hidden_relations[3] = { TRUE, FALSE, FALSE };       /* manufacturing */
  o.hidden_entities = hidden_entities;
  o.n_hidden_entities = 4;
  o.hidden_relations = hidden_relations;
  o.n_hidden_relations = 3;
  g_autofree char *path = export (f, &o, "hidden.svg");
  g_autofree char *svg = read_file (path, NULL);
  g_assert_nonnull (strstr (svg, ">Xiaomi</text>"));
  g_assert_nonnull (strstr (svg, ">executive</text>"));
  g_assert_null (strstr (svg, ">تايلاند</text>"));
  g_assert_null (strstr (svg, ">location</text>"));    /* edge of a hidden entity */
  g_assert_null (strstr (svg, ">manufacturing</text>"));
}

static void
test_atomic (Fixture *f, gconstpointer data)
{
  RwbExportOptions o;
  rwb_export_options_init (&o);
  g_autoptr (GError) error = NULL;

  /* Over an existing file: a whole new image replaces it. */
  g_autofree char *path = g_build_filename (f->dir, "old.png", NULL);
  g_assert_true (g_file_set_contents (path, "OLD", -1, NULL));
  g_assert_true (rwb_render_export (f->scene, &o, path, &error));
  g_assert_no_error (error);
  cairo_surface_t *s = load_png (path);
  g_assert_cmpfloat (drawn_share (s), >, 0.02);
  cairo_surface_destroy (s);

  /* A failed export leaves the file as it was. */
  g_assert_true (g_file_set_contents (path, "OLD", -1, NULL));
  o.scope = RWB_EXPORT_SELECTION; /* with nothing selected */
  g_assert_false (rwb_render_export (f->scene, &o, path, &error));
  g_clear_error (&error);
  o.scope = RWB_EXPORT_WHOLE;
  o.scale = 16;
  o.format = RWB_IMAGE_PNG;
  g_autofree char *big_dir = g_build_filename (f->dir, "big", NULL);
  /* The target is a folder: the rename fails after the image is written beside it. */
  g_assert_cmpint (g_mkdir (big_dir, 0755), ==, 0);
  g_autofree char *inside = g_build_filename (big_dir, "keep", NULL);
  g_assert_true (g_file_set_contents (inside, "keep", -1, NULL));
  o.scale = 1;
  g_assert_false (rwb_render_export (f->scene, &o, big_dir, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  /* …and no temporary file is left behind. */
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  while ((name = g_dir_read_name (dir)))
    g_assert_true (g_str_equal (name, "old.png") || g_str_equal (name, "big"));

  /* A folder that cannot exist (its parent is a file): an error, the old file untouched. */
  g_autofree char *bad = g_build_filename (path, "sub", "x.png", NULL);
  g_assert_false (rwb_render_export (f->scene, &o, bad, &error));
  g_assert_nonnull (error);
  g_autofree char *old = read_file (path, NULL);
  g_assert_cmpstr (old, ==, "OLD");
}

static void
export_async_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  int *state = user_data;
  g_autoptr (GError) error = NULL;
  *state = rwb_render_export_finish (result, &error) ? 1 : 2;
  g_assert_no_error (error);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  RwbExportOptions o;
  rwb_export_options_init (&o);
  o.format = RWB_IMAGE_SVG;
  g_autofree char *title = g_strdup ("Copied");
  o.title = title;
  g_autofree char *path = g_build_filename (f->dir, "async.svg", NULL);
  int state = 0;
  rwb_render_export_async (f->scene, &o, path, NULL, export_async_done, &state);
  /* The thread works on copies: changing ours now must not matter. */
  title[0] = 'X';
  rwb_scene_move_node (f->scene, 0, 5000, 5000);
  while (state == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (state, ==, 1);
  g_autofree char *svg = read_file (path, NULL);
  g_assert_nonnull (strstr (svg, ">Copied</text>"));
}

static void
test_options (void)
{
  RwbExportOptions a, b;
  rwb_export_options_init (&a);
  rwb_export_options_init (&b);
  g_assert_true (rwb_export_options_equal (&a, &b));
  gboolean none[2] = { FALSE, FALSE }, one[2] = { FALSE, TRUE };
  a.hidden_entities = none;
  a.n_hidden_entities = 2;
  g_assert_true (rwb_export_options_equal (&a, &b));
  a.hidden_entities = one;
  g_assert_false (rwb_export_options_equal (&a, &b));
  g_autoptr (RwbExportOptions) copy = rwb_export_options_copy (&a);
  g_assert_true (rwb_export_options_equal (&a, copy));
  g_assert_true (copy->hidden_entities != a.hidden_entities);
  b = a;
  b.title = "x";
  g_assert_false (rwb_export_options_equal (&a, &b));
}

/* The CLI and the library (which the export dialog calls) write the same bytes for the same
 * graph, layout and options. */
static void
test_cli_same_bytes (Fixture *f, gconstpointer data)
{
  const char *cli = g_getenv ("RAWABIT_CLI");
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  if (cli == NULL || srcdir == NULL)
    {
      g_test_skip ("RAWABIT_CLI or G_TEST_SRCDIR not set");
      return;
    }
  g_autofree char *article = g_build_filename (srcdir, "data", "article-en-acme.txt", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbLexicon) lexicon = rwb_lexicon_new_default (NULL, &error);
  g_assert_no_error (error);
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  g_autoptr (GFile) file = g_file_new_for_path (article);
  g_assert_true (rwb_extract_file (lexicon, graph, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (graph->entities->len, >=, 2);
  RwbLayoutOptions layout;
  rwb_layout_options_init (&layout);
  g_autoptr (RwbScene) scene = rwb_layout_run (graph, &layout, NULL, &error);
  g_assert_no_error (error);

  const RwbEntity *first = g_ptr_array_index (graph->entities, 0);
  const RwbEntity *second = g_ptr_array_index (graph->entities, 1);
  g_autofree char *select = g_strdup_printf ("%s,%s", first->name, second->name);
  const char *const variants[][12] = {
    { "--scale", "1.5", "--legend", "--title", "Acme & partners", "--transparent", NULL },
    { "--select", select, "--scale", "1", NULL },
  };
  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autofree char *cli_out = g_strdup_printf ("%s/cli-%u.png", f->dir, v);
      g_autofree char *lib_out = g_strdup_printf ("%s/lib-%u.png", f->dir, v);
      g_autoptr (GPtrArray) argv = g_ptr_array_new ();
      g_ptr_array_add (argv, (gpointer) cli);
      g_ptr_array_add (argv, "render");
      for (guint i = 0; variants[v][i]; i++)
        g_ptr_array_add (argv, (gpointer) variants[v][i]);
      g_ptr_array_add (argv, "-o");
      g_ptr_array_add (argv, cli_out);
      g_ptr_array_add (argv, article);
      g_ptr_array_add (argv, NULL);
      int status;
      g_autofree char *err = NULL;
      g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, NULL, &err,
                                   &status, &error));
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("rawabit-cli failed: %s", err);

      RwbExportOptions o;
      rwb_export_options_init (&o);
      guint selection[] = { 0, 1 };
      if (v == 0)
        {
          o.scale = 1.5;
          o.legend = TRUE;
          o.title = "Acme & partners";
          o.transparent = TRUE;
        }
      else
        {
          o.scale = 1;
          o.scope = RWB_EXPORT_SELECTION;
          o.selection = selection;
          o.n_selection = 2;
        }
      g_assert_true (rwb_render_export (scene, &o, lib_out, &error));
      g_assert_no_error (error);

      gsize cli_len, lib_len;
      g_autofree char *a = read_file (cli_out, &cli_len);
      g_autofree char *b = read_file (lib_out, &lib_len);
      g_assert_cmpuint (cli_len, >, 1000);
      g_assert_cmpmem (a, cli_len, b, lib_len);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/export/png", test_png);
  ADD ("/export/svg", test_svg);
  ADD ("/export/pdf", test_pdf);
  ADD ("/export/page-fit", test_page_fit);
  ADD ("/export/selection", test_selection);
  ADD ("/export/visible", test_visible);
  ADD ("/export/transparent", test_transparent);
  ADD ("/export/dark", test_dark);
  ADD ("/export/legend-title", test_legend_title);
  ADD ("/export/hidden", test_hidden);
  ADD ("/export/atomic", test_atomic);
  ADD ("/export/async", test_async);
  ADD ("/export/cli-same-bytes", test_cli_same_bytes);
#undef ADD
  g_test_add_func ("/export/options", test_options);
  return g_test_run ();
}
