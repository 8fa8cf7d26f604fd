/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for opening DOT files (rwb-dot) and drawing them (rwb-render-dot): clusters, colours
 * and shapes arrive, syntax errors name the line, attributes that read other files are removed
 * without the file ever being opened, a crashing helper is an error, and Graphviz's own test
 * graphs open (when ../shared is there). */
#include "rwb-dot.h"
#include "rwb-render.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

static char *
read_fixture (const char *name, gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  char *data = NULL;
  g_autoptr (GError) error = NULL;
  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static gint
find_node (RwbScene *scene, const char *label)
{
  for (guint i = 0; i < scene->nodes->len; i++)
    if (g_str_equal (g_array_index (scene->nodes, RwbSceneNode, i).label, label))
      return (gint) i;
  return -1;
}

static RwbSceneNode *
node (RwbScene *scene, const char *label)
{
  gint i = find_node (scene, label);
  if (i < 0)
    g_error ("no node labelled “%s”", label);
  return &g_array_index (scene->nodes, RwbSceneNode, i);
}

/* The first drawing operation in @first … @first + @n that is not text; with @filled, the
 * first filled one. NULL if there is none. */
static const RwbDrawOp *
shape_op (RwbScene *scene, guint first, guint n, gboolean filled)
{
  for (guint i = first; i < first + n; i++)
    {
      const RwbDrawOp *op = &g_array_index (scene->draw_ops, RwbDrawOp, i);
      if (op->kind != RWB_DRAW_OP_TEXT && (!filled || op->filled))
        return op;
    }
  return NULL;
}

/* A colour of a drawing operation as "#rrggbb" (or "#rrggbbaa" when not opaque). */
static char *
hex (guint32 c)
{
  if ((c & 0xff) == 0xff)
    return g_strdup_printf ("#%06x", c >> 8);
  return g_strdup_printf ("#%08x", c);
}

static char *
node_fill (RwbScene *scene, RwbSceneNode *n)
{
  const RwbDrawOp *op = shape_op (scene, n->draw_first, n->draw_n, TRUE);
  return op ? hex (op->fill) : NULL;
}

static char *
node_pen (RwbScene *scene, RwbSceneNode *n)
{
  const RwbDrawOp *op = shape_op (scene, n->draw_first, n->draw_n, FALSE);
  return op ? hex (op->pen) : NULL;
}

/* The kind of the node's outline, with its number of points. */
static RwbDrawOpKind
node_shape (RwbScene *scene, RwbSceneNode *n, guint *points)
{
  const RwbDrawOp *op = shape_op (scene, n->draw_first, n->draw_n, FALSE);
  g_assert_nonnull (op);
  *points = op->n;
  return op->kind;
}

/* The first text operation of an item. */
static const RwbDrawOp *
text_op (RwbScene *scene, guint first, guint n)
{
  for (guint i = first; i < first + n; i++)
    if (g_array_index (scene->draw_ops, RwbDrawOp, i).kind == RWB_DRAW_OP_TEXT)
      return &g_array_index (scene->draw_ops, RwbDrawOp, i);
  return NULL;
}

/* Draws @scene fitted into a small image; the share of pixels that differ from the corner,
 * whose colour goes to @corner_out (may be NULL). */
static double
render_coverage_corner (RwbScene *scene, gboolean dark, guint32 *corner_out)
{
  const int w = 320, h = 240;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  RwbStyle style;
  rwb_style_init (&style);
  style.dark = dark;
  RwbViewport vp;
  rwb_viewport_fit (&vp, scene, w, h, 10);
  rwb_render_scene (cr, scene, &style, &vp, w, h);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  const guint32 *px = (const guint32 *) cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface) / 4;
  guint32 corner = px[0];
  if (corner_out)
    *corner_out = corner;
  guint differ = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      differ += px[y * stride + x] != corner;
  cairo_surface_destroy (surface);
  return (double) differ / (w * h);
}

static double
render_coverage (RwbScene *scene, gboolean dark)
{
  return render_coverage_corner (scene, dark, NULL);
}

static void
test_clusters (void)
{
  gsize len;
  g_autofree char *dot = read_fixture ("clusters.gv", &len);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RwbScene) scene = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) graph = rwb_dot_import (dot, len, NULL, &scene, warnings, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (graph);
  g_assert_nonnull (scene);
  g_assert_true (scene->from_dot);
  g_assert_cmpstr (scene->engine, ==, "dot");
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (graph->entities->len, ==, 8);
  g_assert_cmpuint (scene->nodes->len, ==, 8);
  /* Two edges between the same pair stay two. */
  g_assert_cmpuint (graph->relations->len, ==, 8);
  g_assert_cmpuint (scene->edges->len, ==, 8);
  g_assert_cmpuint (scene->clusters->len, ==, 3);

  /* Names are what Graphviz drew, with the node's own name as an alias; Arabic passes
   * through. */
  RwbSceneNode *x = node (scene, "Xiaomi\nشاومي");
  RwbEntity *xe = g_ptr_array_index (graph->entities, x->entity);
  g_assert_cmpstr (xe->name, ==, "Xiaomi\nشاومي");
  g_assert_cmpint (rwb_graph_find_entity (graph, "xiaomi"), ==, (gint) x->entity);
  /* Styles are Graphviz's drawing: a rounded box is a filled bezier in its fillcolor, the
   * label in the node's font. */
  guint np;
  g_assert_cmpint (node_shape (scene, x, &np), ==, RWB_DRAW_OP_BEZIER);
  g_autofree char *xfill = node_fill (scene, x);
  g_assert_cmpstr (xfill, ==, "#ffcc00");
  const RwbDrawOp *xt = text_op (scene, x->draw_first, x->draw_n);
  g_assert_cmpstr (xt->font, ==, "DejaVu Sans");
  g_assert_cmpfloat (xt->size, ==, 14);
  RwbSceneNode *gw = node (scene, "Great Wall");
  g_autofree char *gwpen = node_pen (scene, gw);
  g_assert_cmpstr (gwpen, ==, "#ff0000");
  g_assert_cmpint (node_shape (scene, gw, &np), ==, RWB_DRAW_OP_ELLIPSE);
  g_autofree char *webfill = node_fill (scene, node (scene, "web"));
  g_assert_cmpstr (webfill, ==, "#add8e6");
  g_assert_cmpint (node_shape (scene, node (scene, "web"), &np), ==, RWB_DRAW_OP_POLYGON);
  g_assert_cmpuint (np, ==, 6);
  g_assert_cmpint (node_shape (scene, node (scene, "shop"), &np), ==, RWB_DRAW_OP_POLYGON);
  g_assert_cmpuint (np, ==, 4);
  /* A point is a filled ellipse; with no colour set, its black is the theme's. */
  RwbSceneNode *dot1 = node (scene, "dot1");
  const RwbDrawOp *pt = shape_op (scene, dot1->draw_first, dot1->draw_n, TRUE);
  g_assert_cmpint (pt->kind, ==, RWB_DRAW_OP_ELLIPSE);
  g_assert_true (pt->flags & RWB_DRAW_OP_DEFAULT_PEN);
  g_assert_false (shape_op (scene, gw->draw_first, gw->draw_n, FALSE)->flags
                  & RWB_DRAW_OP_DEFAULT_PEN);
  /* Record fields become lines. */
  g_assert_cmpint (find_node (scene, "left\nright"), >=, 0);
  /* The file's attributes stay on the entity for export, as the file wrote them. */
  g_assert_cmpstr (g_hash_table_lookup (xe->attrs, "fontname"), ==, "DejaVu Sans");
  g_assert_cmpstr (g_hash_table_lookup (xe->attrs, "fillcolor"), ==, "#ffcc00");

  gboolean saw_label = FALSE, saw_dashed = FALSE;
  for (guint i = 0; i < scene->edges->len; i++)
    {
      RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      g_assert_cmpuint (e->points->len, >=, 4);
      if (e->label && g_str_equal (e->label, "supplies"))
        {
          saw_label = TRUE;
          const RwbDrawOp *curve = shape_op (scene, e->draw_first, e->draw_n, FALSE);
          g_autofree char *pen = hex (curve->pen);
          g_assert_cmpstr (pen, ==, "#0000ff");
          saw_dashed = curve->line == RWB_DRAW_LINE_DASHED;
          /* The arrowhead is Graphviz's filled polygon in the edge's colour. */
          const RwbDrawOp *arrow = shape_op (scene, e->draw_first, e->draw_n, TRUE);
          g_assert_nonnull (arrow);
          g_assert_cmphex (arrow->fill, ==, 0x0000ffff);
          g_assert_true (e->has_head);
          /* The label sits inside the drawing, y down. */
          g_assert_cmpfloat (e->label_y, >=, scene->bounds.y);
          g_assert_cmpfloat (e->label_y, <=, scene->bounds.y + scene->bounds.height);
        }
    }
  g_assert_true (saw_label && saw_dashed);

  gboolean saw_makers = FALSE;
  for (guint i = 0; i < scene->clusters->len; i++)
    {
      RwbSceneCluster *c = &g_array_index (scene->clusters, RwbSceneCluster, i);
      if (c->label && g_str_equal (c->label, "Makers"))
        {
          saw_makers = TRUE;
          const RwbDrawOp *box = shape_op (scene, c->draw_first, c->draw_n, FALSE);
          g_assert_true (box->filled);
          g_assert_cmphex (box->fill, ==, 0xffffe0ff);
          g_assert_cmphex (box->pen, ==, 0x006400ff);
          /* It encloses its nodes. */
          g_assert_cmpfloat (c->box.x, <=, x->x - x->width / 2 + 0.5);
          g_assert_cmpfloat (c->box.y, <=, x->y - x->height / 2 + 0.5);
          g_assert_cmpfloat (c->box.y + c->box.height, >=, x->y + x->height / 2 - 0.5);
        }
    }
  g_assert_true (saw_makers);
  /* The graph's own label. */
  g_assert_nonnull (text_op (scene, scene->draw_first, scene->draw_n));
  g_assert_cmpstr (text_op (scene, scene->draw_first, scene->draw_n)->text, ==, "Supply chain");

  g_assert_cmpfloat (render_coverage (scene, FALSE), >, 0.02);
  g_assert_cmpfloat (render_coverage (scene, TRUE), >, 0.02);

  g_autofree char *dir = g_dir_make_tmp ("rawabit-dot-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "clusters.png", NULL);
  RwbStyle style;
  rwb_style_init (&style);
  g_assert_true (rwb_render_to_file (scene, &style, RWB_IMAGE_PNG, 1.0, png, &error));
  g_assert_no_error (error);
  cairo_surface_t *img = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (img), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (img), >=, (int) scene->bounds.width);
  cairo_surface_destroy (img);
  g_remove (png);
  g_rmdir (dir);
}

static void
test_colors (void)
{
  gsize len;
  g_autofree char *dot = read_fixture ("colors.gv", &len);
  g_autoptr (RwbScene) scene = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) graph = rwb_dot_import (dot, len, NULL, &scene, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (scene->has_background);
  g_assert_cmphex (scene->background, ==, 0x000080ff);
  RwbSceneNode *a = node (scene, "أحمر");
  g_autofree char *afill = node_fill (scene, a);
  g_assert_cmpstr (afill, ==, "#ff0000");
  const RwbDrawOp *at = text_op (scene, a->draw_first, a->draw_n);
  g_assert_cmphex (at->pen, ==, 0xffffffff);
  g_assert_false (at->flags & RWB_DRAW_OP_DEFAULT_PEN);
  RwbSceneNode *b = node (scene, "b");
  g_autofree char *bfill = node_fill (scene, b);
  g_assert_cmpstr (bfill, ==, "#00ff0080");
  /* HSV resolved by Graphviz. */
  g_autofree char *bpen = node_pen (scene, b);
  g_assert_true (g_regex_match_simple ("^#[0-9a-f]{6}$", bpen, 0, 0));
  g_assert_cmpstr (bpen, !=, "#000000");
  RwbSceneNode *c = node (scene, "c");
  /* The first colour of a list. */
  g_autofree char *cpen = node_pen (scene, c);
  g_assert_cmpstr (cpen, ==, "#ffa500");
  g_assert_cmpfloat (text_op (scene, c->draw_first, c->draw_n)->size, ==, 20);
  /* Filled without a fillcolor: Graphviz's light grey. */
  g_autofree char *dfill = node_fill (scene, node (scene, "d"));
  g_assert_cmpstr (dfill, ==, "#d3d3d3");
  /* An undirected graph: no arrowheads. */
  for (guint i = 0; i < scene->edges->len; i++)
    {
      RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);
      g_assert_false (e->has_head);
      g_assert_false (((RwbRelation *) g_ptr_array_index (graph->relations, e->relation))->directed);
    }
  RwbSceneEdge *e0 = &g_array_index (scene->edges, RwbSceneEdge, 0);
  g_assert_cmphex (shape_op (scene, e0->draw_first, e0->draw_n, FALSE)->pen, ==, 0x228b22ff);
  /* The file's background, in either theme. */
  guint32 corner;
  g_assert_cmpfloat (render_coverage_corner (scene, FALSE, &corner), >, 0.02);
  g_assert_cmphex (corner, ==, 0xff000080);
  g_assert_cmpfloat (render_coverage_corner (scene, TRUE, &corner), >, 0.02);
  g_assert_cmphex (corner, ==, 0xff000080);
}

static void
test_engine_from_file (void)
{
  const char *dot = "graph { layout=circo; a -- b -- c -- a }";
  g_autoptr (RwbScene) scene = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) graph = rwb_dot_import (dot, strlen (dot), NULL, &scene, NULL, NULL,
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scene->engine, ==, "circo");
  /* Options name an engine: it wins. */
  RwbLayoutOptions options;
  rwb_layout_options_init (&options);
  options.engine = RWB_LAYOUT_NEATO;
  g_autoptr (RwbScene) scene2 = NULL;
  g_autoptr (RwbGraph) graph2 = rwb_dot_import (dot, strlen (dot), &options, &scene2, NULL,
                                                NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scene2->engine, ==, "neato");
}

static void
test_syntax_error (void)
{
  const char *dot = "digraph {\n  a -> b;\n  c -> ;\n}\n";
  g_autoptr (RwbScene) scene = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) graph = rwb_dot_import (dot, strlen (dot), NULL, &scene, NULL, NULL,
                                               &error);
  g_assert_null (graph);
  g_assert_null (scene);
  g_assert_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_GRAPHVIZ);
  g_test_message ("syntax error: %s", error->message);
  g_assert_nonnull (strstr (error->message, "line 3"));

  g_clear_error (&error);
  g_autoptr (RwbGraph) empty = rwb_dot_import ("", 0, NULL, &scene, NULL, NULL, &error);
  g_assert_null (empty);
  g_assert_nonnull (error);
}

static void
test_canary (void)
{
  /* Every attribute that would make Graphviz read a file points at a canary: the import works,
   * says what it removed, and the canary is never opened. */
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-canary-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *canary = g_build_filename (dir, "canary.png", NULL);
  /* A real PNG, so a Graphviz that did read it would get far. */
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  g_assert_cmpint (cairo_surface_write_to_png (s, canary), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);
  g_autofree char *dot = g_strdup_printf (
    "digraph canary {\n"
    "  imagepath=\"%s\"; fontpath=\"%s\"; stylesheet=\"%s\";\n"
    "  a [image=\"%s\", label=\"A\"];\n"
    "  b [shape=custom, shapefile=\"%s\"];\n"
    "  a -> b;\n"
    "}\n",
    dir, dir, canary, canary, canary);
  g_autofree char *gv = g_build_filename (dir, "canary.gv", NULL);
  g_assert_true (g_file_set_contents (gv, dot, -1, NULL));

  int fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (fd, canary, IN_OPEN | IN_ACCESS), >=, 0);

  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RwbScene) scene = NULL;
  g_autoptr (RwbGraph) graph = rwb_dot_import (dot, strlen (dot), NULL, &scene, warnings, NULL,
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scene->nodes->len, ==, 2);
  /* It draws too (nothing of the canary reaches the renderer). */
  g_assert_cmpfloat (render_coverage (scene, FALSE), >, 0.01);

  char buf[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  ssize_t n = read (fd, buf, sizeof buf);
  int saved_errno = errno;
  close (fd);
  if (n > 0)
    g_error ("the canary was opened or read during the import");
  g_assert_cmpint (n, ==, -1);
  g_assert_cmpint (saved_errno, ==, EAGAIN);

  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("warning: %s", (char *) g_ptr_array_index (warnings, i));
  g_assert_cmpuint (warnings->len, ==, 5);
  const char *attrs[] = { "image=", "shapefile=", "imagepath=", "fontpath=", "stylesheet=" };
  for (guint k = 0; k < G_N_ELEMENTS (attrs); k++)
    {
      guint found = 0;
      for (guint i = 0; i < warnings->len; i++)
        found += strstr (g_ptr_array_index (warnings, i), attrs[k]) != NULL;
      if (found != 1)
        g_error ("expected one warning about %s, got %u", attrs[k], found);
    }
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "Rawabit does not read other files"));

  /* An HTML label with an image keeps its text; a font file path goes. */
  g_autofree char *html = g_strdup_printf (
    "digraph { a [label=<<B>Bold</B><IMG SRC=\"%s\"/>>, fontname=\"%s\"]; }", canary, canary);
  g_autoptr (GPtrArray) w2 = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RwbScene) scene2 = NULL;
  g_autoptr (RwbGraph) graph2 = rwb_dot_import (html, strlen (html), NULL, &scene2, w2, NULL,
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (w2->len, ==, 2);
  g_assert_cmpstr (g_array_index (scene2->nodes, RwbSceneNode, 0).label, ==, "Bold");

  g_remove (gv);
  g_remove (canary);
  g_rmdir (dir);
}

static void
test_crash_is_error (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-dot-XXXXXX", &error);
  g_autofree char *fake = g_build_filename (dir, "crash", NULL);
  g_assert_true (g_file_set_contents (fake, "#!/bin/sh\ncat >/dev/null\nkill -SEGV $$\n", -1,
                                      NULL));
  g_chmod (fake, 0755);
  g_autofree char *saved = g_strdup (g_getenv ("RAWABIT_LAYOUT_HELPER"));
  g_setenv ("RAWABIT_LAYOUT_HELPER", fake, TRUE);
  const char *dot = "digraph { a -> b }";
  g_autoptr (RwbScene) scene = NULL;
  g_autoptr (RwbGraph) graph = rwb_dot_import (dot, strlen (dot), NULL, &scene, NULL, NULL,
                                               &error);
  g_assert_null (graph);
  g_assert_null (scene);
  g_assert_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_CRASHED);
  g_setenv ("RAWABIT_LAYOUT_HELPER", saved, TRUE);
  g_remove (fake);
  g_rmdir (dir);
}

typedef struct {
  RwbGraph *graph;
  RwbScene *scene;
  GPtrArray *warnings;
  GError *error;
  gboolean done;
} AsyncResult;

static void
async_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncResult *r = user_data;
  r->graph = rwb_dot_import_finish (result, &r->scene, &r->warnings, &r->error);
  r->done = TRUE;
}

static void
test_async (void)
{
  gsize len;
  g_autofree char *dot = read_fixture ("clusters.gv", &len);
  g_autoptr (GBytes) bytes = g_bytes_new (dot, len);
  AsyncResult r = { 0 };
  rwb_dot_import_async (bytes, NULL, NULL, async_done, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_cmpuint (r.scene->nodes->len, ==, 8);
  g_assert_cmpuint (r.warnings->len, ==, 0);
  rwb_scene_free (r.scene);
  rwb_graph_unref (r.graph);
  g_ptr_array_unref (r.warnings);

  /* Cancel kills the helper; the caller gets G_IO_ERROR_CANCELLED. */
  AsyncResult c = { 0 };
  g_autoptr (GCancellable) cancel = g_cancellable_new ();
  rwb_dot_import_async (bytes, NULL, cancel, async_done, &c);
  g_cancellable_cancel (cancel);
  while (!c.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (c.graph);
  g_assert_error (c.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&c.error);
}

/* ---- Graphviz's own graphs ---- */

typedef struct {
  GQueue pending;       /* char* paths */
  guint running;
  guint opened, failed, timed_out, total;
  guint timeout;
  GString *failures;
} Corpus;

typedef struct {
  Corpus *corpus;
  char *path;
} CorpusJob;

static void start_next (Corpus *c);

static void
corpus_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CorpusJob *job = user_data;
  Corpus *c = job->corpus;
  RwbScene *scene = NULL;
  GPtrArray *warnings = NULL;
  GError *error = NULL;
  RwbGraph *graph = rwb_dot_import_finish (result, &scene, &warnings, &error);
  g_autofree char *base = g_path_get_basename (job->path);
  if (graph)
    {
      g_assert_nonnull (scene);
      /* Drawing it must not crash either; an empty graph draws nothing. */
      render_coverage (scene, FALSE);
      c->opened++;
      rwb_scene_free (scene);
      rwb_graph_unref (graph);
      g_ptr_array_unref (warnings);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_null (scene);
      c->failed++;
      if (g_error_matches (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_TIMEOUT))
        c->timed_out++;
      g_string_append_printf (c->failures, "  %s: %s\n", base, error->message);
      g_error_free (error);
    }
  g_free (job->path);
  g_free (job);
  c->running--;
  start_next (c);
}

static void
start_next (Corpus *c)
{
  guint parallel = MAX (2, g_get_num_processors ());
  while (c->running < parallel && !g_queue_is_empty (&c->pending))
    {
      char *path = g_queue_pop_head (&c->pending);
      char *data = NULL;
      gsize len = 0;
      if (!g_file_get_contents (path, &data, &len, NULL))
        g_error ("cannot read %s", path);
      GBytes *bytes = g_bytes_new_take (data, len);
      RwbLayoutOptions options;
      rwb_layout_options_init (&options);
      options.engine = RWB_LAYOUT_N_ENGINES;   /* the file's own layout */
      options.timeout_seconds = c->timeout;
      CorpusJob *job = g_new0 (CorpusJob, 1);
      job->corpus = c;
      job->path = path;
      c->running++;
      rwb_dot_import_async (bytes, &options, NULL, corpus_done, job);
      g_bytes_unref (bytes);
    }
}

/* Imports and draws every graph file in @folder, @parallel at a time. */
static void
run_folder (const char *folder, guint timeout, guint *opened, guint *timed_out, guint *total,
            GString *failures)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  Corpus c = { G_QUEUE_INIT, 0, 0, 0, 0, 0, timeout, failures };
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (dir)))
    if (!g_str_has_suffix (name, ".md") && !g_str_has_suffix (name, ".tsv"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    g_queue_push_tail (&c.pending, g_build_filename (folder, g_ptr_array_index (names, i), NULL));
  c.total = names->len;
  start_next (&c);
  while (c.running > 0 || !g_queue_is_empty (&c.pending))
    g_main_context_iteration (NULL, TRUE);
  *opened = c.opened;
  *timed_out = c.timed_out;
  *total = c.total;
}

static char *
corpus_dir (void)
{
  const char *shared = g_getenv ("RAWABIT_SHARED");
  if (shared == NULL)
    return NULL;
  char *dir = g_build_filename (shared, "corpus", "graphviz", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_free (dir);
      return NULL;
    }
  return dir;
}

static void
test_corpus_good (void)
{
  g_autofree char *root = corpus_dir ();
  if (root == NULL)
    {
      g_test_skip ("no ../shared/corpus/graphviz");
      return;
    }
  const char *folders[] = { "gallery", "tests-graphs" };
  guint opened_all = 0, timed_out_all = 0, total_all = 0;
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (root, folders[i], NULL);
      g_autoptr (GString) failures = g_string_new (NULL);
      guint opened, timed_out, total;
      gint64 start = g_get_monotonic_time ();
      run_folder (folder, 20, &opened, &timed_out, &total, failures);
      g_test_message ("%s: %u of %u open and draw, %u stopped at the time limit (%.1f s)%s%s",
                      folders[i], opened, total, timed_out,
                      (g_get_monotonic_time () - start) / 1e6, failures->len ? "; failures:\n" : "",
                      failures->str);
      opened_all += opened;
      timed_out_all += timed_out;
      total_all += total;
    }
  g_assert_cmpuint (total_all, >, 0);
  /* A graph stopped at the time limit was handled (a clear message, nothing lost), but how many
   * reach the limit depends on the machine's speed and load, so those are judged apart: of
   * the graphs that finished in time, the share that opens; and only a few may time out. */
  g_assert_cmpuint (timed_out_all, <, total_all);
  double rate = (double) opened_all / (total_all - timed_out_all);
  g_test_message ("gallery + tests-graphs: %u of %u open (%.1f%% of the %u that finished in "
                  "time)", opened_all, total_all, 100 * rate, total_all - timed_out_all);
  g_assert_cmpfloat (rate, >=, DOT_MIN_SUCCESS);
  g_assert_cmpfloat ((double) timed_out_all / total_all, <=, 0.05);
}

static void
test_corpus_hostile (void)
{
  g_autofree char *root = corpus_dir ();
  if (root == NULL)
    {
      g_test_skip ("no ../shared/corpus/graphviz");
      return;
    }
  /* Each one ends in a scene or an error, never in a crash of this process; the timeout is
   * shorter than the GUI's so the suite stays fast (Graphviz 2.42 loops on a few). */
  const struct { const char *name; guint timeout; } folders[] = {
    { "issue-repros", 5 }, { "large", 10 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (root, folders[i].name, NULL);
      g_autoptr (GString) failures = g_string_new (NULL);
      guint opened, timed_out, total;
      gint64 start = g_get_monotonic_time ();
      run_folder (folder, folders[i].timeout, &opened, &timed_out, &total, failures);
      g_test_message ("%s: %u of %u open and draw, %u errors (%u at the time limit) (%.1f s)%s%s",
                      folders[i].name, opened, total, total - opened, timed_out,
                      (g_get_monotonic_time () - start) / 1e6,
                      failures->len ? ":\n" : "", failures->str);
      g_assert_cmpuint (total, >, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dot/clusters", test_clusters);
  g_test_add_func ("/dot/colors", test_colors);
  g_test_add_func ("/dot/engine-from-file", test_engine_from_file);
  g_test_add_func ("/dot/syntax-error", test_syntax_error);
  g_test_add_func ("/dot/canary", test_canary);
  g_test_add_func ("/dot/crash-is-error", test_crash_is_error);
  g_test_add_func ("/dot/async", test_async);
  g_test_add_func ("/dot/corpus/gallery-and-tests", test_corpus_good);
  g_test_add_func ("/dot/corpus/issues-and-large", test_corpus_hostile);
  return g_test_run ();
}
