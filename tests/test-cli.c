/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for rawabit-cli, run as a user would: the sample article end to end. */
#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

static int
run_cli (const char *const *args, char **out, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) g_getenv ("RAWABIT_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) proc = g_subprocess_newv ((const char *const *) argv->pdata,
                                                    G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                    | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

static const char *
entity_id (JsonArray *entities, const char *name)
{
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);
      if (g_str_equal (json_object_get_string_member (e, "name"), name))
        return json_object_get_string_member (e, "id");
    }
  return NULL;
}

static gboolean
typed_edge (JsonArray *relations, const char *a, const char *b)
{
  for (guint i = 0; a && b && i < json_array_get_length (relations); i++)
    {
      JsonObject *r = json_array_get_object_element (relations, i);
      const char *s = json_object_get_string_member (r, "source");
      const char *t = json_object_get_string_member (r, "target");
      const char *type = json_object_get_string_member (r, "type");
      if (g_str_equal (type, "mention"))
        continue;
      if ((g_str_equal (s, a) && g_str_equal (t, b)) || (g_str_equal (s, b) && g_str_equal (t, a)))
        {
          /* Every typed edge carries its evidence sentence with offsets. */
          JsonArray *ev = json_object_get_array_member (r, "evidence");
          g_assert_cmpuint (json_array_get_length (ev), >=, 1);
          JsonObject *e0 = json_array_get_object_element (ev, 0);
          g_assert_cmpint (json_object_get_int_member (e0, "end"), >,
                           json_object_get_int_member (e0, "start"));
          g_assert_true (strlen (json_object_get_string_member (e0, "text")) > 10);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_extract_sample (void)
{
  const char *args[] = { "extract", "--format", "json", g_getenv ("RAWABIT_SAMPLE"), NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "rawabit-graph");
  JsonArray *docs = json_object_get_array_member (root, "documents");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (docs, 0),
                                                  "language"), ==, "ar");
  JsonArray *ents = json_object_get_array_member (root, "entities");
  JsonArray *rels = json_object_get_array_member (root, "relations");
  const char *xiaomi = entity_id (ents, "Xiaomi");
  const char *gw = entity_id (ents, "Great Wall");
  if (gw == NULL)
    gw = entity_id (ents, "Great Wall Motor");
  const char *bmw = entity_id (ents, "BMW");
  const char *baidu = entity_id (ents, "Baidu");
  const char *geely = entity_id (ents, "Geely");
  g_assert_nonnull (xiaomi);
  g_assert_nonnull (gw);
  g_assert_true (typed_edge (rels, xiaomi, gw));
  g_assert_true (typed_edge (rels, gw, bmw));
  g_assert_true (typed_edge (rels, baidu, geely));
}

/* `extract --jobs N` on the project's articles: the same bytes on one thread and on two, each
 * document once, in the order given, and the graph `convert` writes; --jobs out of range is a
 * usage error. */
static void
test_extract_jobs (void)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "corpus", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out1 = NULL, *out2 = NULL, *err = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));
  g_assert_cmpuint (names->len, >=, 4);
  g_ptr_array_add (args, "extract");
  g_ptr_array_add (args, "--jobs");
  g_ptr_array_add (args, "1");
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (names, i));
  g_ptr_array_add (args, NULL);
  g_assert_cmpint (run_cli ((const char *const *) args->pdata, &out1, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  args->pdata[2] = "2";
  g_assert_cmpint (run_cli ((const char *const *) args->pdata, &out2, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (strlen (out1) > 10000);
  g_assert_cmpstr (out2, ==, out1);

  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (json_parser_load_from_data (parser, out2, -1, &error));
  g_assert_no_error (error);
  JsonArray *docs = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                  "documents");
  g_assert_cmpuint (json_array_get_length (docs), ==, names->len);
  for (guint d = 0; d < names->len; d++)
    {
      JsonObject *doc = json_array_get_object_element (docs, d);
      g_autofree char *id = g_strdup_printf ("d%u", d);
      g_assert_cmpstr (json_object_get_string_member (doc, "id"), ==, id);
      g_assert_true (g_str_has_suffix (g_ptr_array_index (names, d),
                                       json_object_get_string_member (doc, "path")));
    }

  /* convert joins articles as extract does (its JSON lacks only the final newline). */
  g_autofree char *converted = NULL, *err_convert = NULL;
  g_autoptr (GPtrArray) convert = g_ptr_array_new ();
  const char *convert_head[] = { "convert", "--format", "json", "-o", "-" };
  for (guint i = 0; i < G_N_ELEMENTS (convert_head); i++)
    g_ptr_array_add (convert, (gpointer) convert_head[i]);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (convert, g_ptr_array_index (names, i));
  g_ptr_array_add (convert, NULL);
  g_assert_cmpint (run_cli ((const char *const *) convert->pdata, &converted, &err_convert), ==,
                   0);
  g_assert_cmpstr (err_convert, ==, "");
  g_assert_cmpuint (strlen (converted) + 1, ==, strlen (out1));
  g_assert_true (strncmp (converted, out1, strlen (converted)) == 0);

  const char *zero[] = { "extract", "--jobs", "0", g_ptr_array_index (names, 0), NULL };
  g_autofree char *out0 = NULL, *err0 = NULL;
  g_assert_cmpint (run_cli (zero, &out0, &err0), ==, 2);
  g_assert_nonnull (strstr (err0, "--jobs"));
}

static void
test_render_sample (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-cli-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "sample.png", NULL);
  const char *args[] = { "render", "-o", png, g_getenv ("RAWABIT_SAMPLE"), NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  cairo_surface_t *s = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  g_assert_cmpint (w, >, 100);
  g_assert_cmpint (h, >, 100);
  const guchar *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);
  guint32 bg = *(const guint32 *) data;
  guint drawn = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      drawn += *(const guint32 *) (data + y * stride + 4 * x) != bg;
  g_assert_cmpfloat ((double) drawn / (w * h), >, 0.02);
  cairo_surface_destroy (s);
  g_remove (png);
  g_rmdir (dir);
}

/* Issue 13: `render` draws no legend unless --legend is given, in every format: the SVG has
 * no legend rows (the types' names as text) and the PNG is narrower (the legend goes right of
 * the picture). */
static void
test_render_no_legend (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-cli-XXXXXX", &error);
  const char *sample = g_getenv ("RAWABIT_SAMPLE");
  int widths[2];

  for (int legend = 0; legend < 2; legend++)
    {
      g_autofree char *svg = g_build_filename (dir, legend ? "l.svg" : "n.svg", NULL);
      g_autofree char *png = g_build_filename (dir, legend ? "l.png" : "n.png", NULL);
      const char *svg_args[] = { "render", "-o", svg, legend ? "--legend" : sample,
                                 legend ? sample : NULL, NULL };
      const char *png_args[] = { "render", "-o", png, legend ? "--legend" : sample,
                                 legend ? sample : NULL, NULL };
      g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *text = NULL;

      g_assert_cmpint (run_cli (svg_args, &out, &err), ==, 0);
      g_assert_true (g_file_get_contents (svg, &text, NULL, &error));
      g_assert_no_error (error);
      if (legend)
        g_assert_nonnull (strstr (text, ">company</text>"));
      else
        g_assert_null (strstr (text, ">company</text>"));
      g_assert_cmpint (run_cli (png_args, &out2, &err2), ==, 0);
      cairo_surface_t *s = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
      widths[legend] = cairo_image_surface_get_width (s);
      cairo_surface_destroy (s);
      g_remove (svg);
      g_remove (png);
    }
  g_assert_cmpint (widths[0], <, widths[1] - 100);
  g_rmdir (dir);
}

static void
test_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-cli-XXXXXX", &error);
  g_autofree char *bad = g_build_filename (dir, "bad.txt", NULL);
  g_assert_true (g_file_set_contents (bad, "Xiaomi \xc3\x28 plans", -1, NULL));
  struct { const char *args[8]; int status; const char *needle; } cases[] = {
    { { "extract", bad, NULL }, 1, "byte 7" },
    { { "extract", "/nonexistent/article.txt", NULL }, 1, "/nonexistent/article.txt" },
    { { "extract", NULL }, 2, "FILE" },
    { { "extract", "--format", "xml", bad, NULL }, 2, "--format" },
    { { "render", bad, NULL }, 2, "-o" },
    { { "render", "--engine", "nope", "-o", "x.png", bad, NULL }, 2, "--engine" },
    { { "frobnicate", NULL }, 2, "unknown command" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_assert_cmpint (run_cli (cases[i].args, &out, &err), ==, cases[i].status);
      g_assert_cmpstr (out, ==, "");
      /* One line on stderr that says what went wrong. */
      g_assert_nonnull (strstr (err, cases[i].needle));
      g_assert_true (g_str_has_prefix (err, "rawabit-cli"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }
  g_remove (bad);
  g_rmdir (dir);
}

/* Input nested 100,000 levels deep (JSON overflowed json-glib's stack: SIGSEGV) is one line
 * of error and exit status 1, for every command that reads graph files. */
static void
test_deep_input (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-cli-XXXXXX", &error);
  g_autofree char *json = g_build_filename (dir, "deep.json", NULL);
  g_autofree char *graphml = g_build_filename (dir, "deep.graphml", NULL);
  g_autofree char *out_path = g_build_filename (dir, "out.json", NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '\n');
  g_assert_true (g_file_set_contents (json, text->str, text->len, NULL));
  g_string_assign (text, "<graphml><graph>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "<graph>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "</graph>");
  g_string_append (text, "</graph></graphml>\n");
  g_assert_true (g_file_set_contents (graphml, text->str, text->len, NULL));
  struct { const char *args[6]; } cases[] = {
    { { "convert", "-o", out_path, json, NULL } },
    { { "extract", json, NULL } },
    { { "stats", json, NULL } },
    { { "convert", "-o", out_path, graphml, NULL } },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_assert_cmpint (run_cli (cases[i].args, &out, &err), ==, 1);
      if (strstr (err, "nested more than") == NULL)
        g_error ("case %u: “%s” does not say the input is nested too deeply", i, err);
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  g_remove (json);
  g_remove (graphml);
  g_rmdir (dir);
}

/* A write-protected output is refused without --force (nothing changes), replaced with it and
 * left write-protected; render and project export take --force too. */
static void
test_force (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-cli-XXXXXX", &error);
  g_autofree char *out_path = g_build_filename (dir, "out.gv", NULL);
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  const char *sample = g_getenv ("RAWABIT_SAMPLE");
  const char *old = "digraph old { a -> b }\n";
  const char *paths[] = { out_path, png };
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_assert_true (g_file_set_contents (paths[i], old, -1, NULL));
      g_assert_cmpint (g_chmod (paths[i], 0444), ==, 0);
    }
  struct { const char *args[8]; const char *path; } cases[] = {
    { { "convert", "-o", out_path, sample, NULL }, out_path },
    { { "render", "-o", png, sample, NULL }, png },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL, *now = NULL;
      g_assert_cmpint (run_cli (cases[i].args, &out, &err), ==, 1);
      g_assert_nonnull (strstr (err, "read-only"));
      g_assert_nonnull (strstr (err, "--force"));
      g_assert_true (g_file_get_contents (cases[i].path, &now, NULL, NULL));
      g_assert_cmpstr (now, ==, old);

      g_autoptr (GPtrArray) forced = g_ptr_array_new ();
      g_ptr_array_add (forced, (gpointer) cases[i].args[0]);
      g_ptr_array_add (forced, (gpointer) "--force");
      for (guint j = 1; cases[i].args[j]; j++)
        g_ptr_array_add (forced, (gpointer) cases[i].args[j]);
      g_ptr_array_add (forced, NULL);
      g_autofree char *out2 = NULL, *err2 = NULL, *after = NULL;
      g_assert_cmpint (run_cli ((const char *const *) forced->pdata, &out2, &err2), ==, 0);
      g_assert_true (g_file_get_contents (cases[i].path, &after, NULL, NULL));
      g_assert_cmpstr (after, !=, old);
      GStatBuf st;
      g_assert_cmpint (g_stat (cases[i].path, &st), ==, 0);
      g_assert_cmpuint (st.st_mode & 07777, ==, 0444);
      g_remove (cases[i].path);
    }
  g_rmdir (dir);
}

/* The number in attribute @name="…" of the element starting at @elem (before its end '>'). */
static gboolean
attr_number (const char *elem, const char *name, double *out)
{
  const char *end = strchr (elem, '>');
  g_autofree char *pattern = g_strdup_printf (" %s=\"", name);
  const char *at = strstr (elem, pattern);
  char *stop;
  if (at == NULL || end == NULL || at > end)
    return FALSE;
  at += strlen (pattern);
  *out = g_ascii_strtod (at, &stop);
  return stop != at && *stop == '"';
}

/* The position each <node> of @xml gives in its first element named @tag (x, y; and width and
 * height when @sized), asserted finite; the positions asserted all different. Returns the
 * number of nodes. */
static guint
assert_placed_nodes (const char *xml, const char *tag, gboolean sized)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;
  for (const char *node = strstr (xml, "<node "); node; node = strstr (node + 1, "<node "))
    {
      const char *close = strstr (node, "</node>");
      const char *elem = strstr (node, tag);
      double x, y, w, h;
      g_assert_nonnull (close);
      if (elem == NULL || elem > close)
        g_error ("node %u has no %s", n, tag);
      g_assert_true (attr_number (elem, "x", &x) && attr_number (elem, "y", &y));
      g_assert_true (isfinite (x) && isfinite (y));
      if (sized)
        {
          g_assert_true (attr_number (elem, "width", &w) && attr_number (elem, "height", &h));
          g_assert_true (isfinite (w) && isfinite (h) && w > 0 && h > 0);
        }
      g_autofree char *key = g_strdup_printf ("%.2f,%.2f", x, y);
      if (g_hash_table_contains (seen, key))
        g_error ("two nodes share the position %s", key);
      g_hash_table_add (seen, g_steal_pointer (&key));
      n++;
    }
  return n;
}

/* `convert --layout` lays the graph out in the helper and writes the positions: every node of
 * the GraphML has a yEd box and every node of the GEXF a viz:position, finite and each its own;
 * the GraphML is well-formed for xmllint. A bad engine is a usage error, and so is JSON. */
static void
test_convert_layout (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-cli-XXXXXX", &error);
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *graphml = g_build_filename (dir, "out.graphml", NULL);
  g_autofree char *gexf = g_build_filename (dir, "out.gexf", NULL);
  g_autofree char *json = g_build_filename (dir, "out.json", NULL);
  const char *text = "Volvo will build electric trucks with Daimler in Sweden.\n\n"
                     "Nordlicht Motors will supply software to Volvo, according to Reuters.\n\n"
                     "Daimler opened a battery plant in Gothenburg.\n";
  g_assert_true (g_file_set_contents (article, text, -1, NULL));
  const struct
  {
    const char *args[8];
    const char *path, *tag;
    gboolean sized;
  } cases[] = {
    { { "convert", "--layout", "-o", graphml, article, NULL }, graphml, "<y:Geometry ", TRUE },
    { { "convert", "--layout=neato", "-o", gexf, article, NULL }, gexf, "<viz:position ",
      FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL, *xml = NULL;
      if (run_cli (cases[i].args, &out, &err) != 0)
        g_error ("%s: %s", cases[i].args[1], err);
      g_assert_true (g_file_get_contents (cases[i].path, &xml, NULL, NULL));
      g_assert_cmpuint (assert_placed_nodes (xml, cases[i].tag, cases[i].sized), >=, 4);
    }
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  if (xmllint)
    {
      const char *argv[] = { xmllint, "--noout", "--nonet", graphml, NULL };
      g_autofree char *err = NULL;
      int status = 0;
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                   &err, &status, NULL));
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("xmllint: %s", err);
    }
  else
    g_test_message ("xmllint is not installed: the GraphML is not checked by it");
  const struct
  {
    const char *args[8];
    const char *message;
  } bad[] = {
    { { "convert", "--layout=spring", "-o", gexf, article, NULL }, "--layout must be" },
    { { "convert", "--layout", "-o", json, article, NULL }, "--layout needs" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_assert_cmpint (run_cli (bad[i].args, &out, &err), ==, 2);
      g_assert_nonnull (strstr (err, bad[i].message));
    }
  g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));
  g_remove (article);
  g_remove (graphml);
  g_remove (gexf);
  g_rmdir (dir);
}

static void
test_help_version (void)
{
  const char *help[] = { "--help", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run_cli (help, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "rawabit-cli extract"));
  g_assert_nonnull (strstr (out, "rawabit-cli render"));
  const char *version[] = { "--version", NULL };
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_assert_cmpint (run_cli (version, &out2, &err2), ==, 0);
  g_assert_true (g_str_has_prefix (out2, "rawabit-cli "));
}

/* An Arabic user whose locale is named but not installed (LANG=ar_XX.UTF-8 with no such locale
 * generated) still reads Arabic messages: the program falls back to C.UTF-8, where gettext
 * honours LANGUAGE, instead of the "C" locale, where it does not. */
static void
test_missing_locale_still_translated (void)
{
  const char *argv[] = { g_getenv ("RAWABIT_CLI"), "no-such-command", NULL };
  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_subprocess_launcher_unsetenv (launcher, "LC_ALL");
  g_subprocess_launcher_unsetenv (launcher, "LC_MESSAGES");
  g_subprocess_launcher_setenv (launcher, "LANG", "ar_ZZ.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "ar", TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_test_message ("stderr: %s", err);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), !=, 0);
  g_assert_nonnull (strstr (err, "أمر غير معروف «no-such-command»"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/extract-sample", test_extract_sample);
  g_test_add_func ("/cli/extract-jobs", test_extract_jobs);
  g_test_add_func ("/cli/render-sample", test_render_sample);
  g_test_add_func ("/cli/render-no-legend", test_render_no_legend);
  g_test_add_func ("/cli/errors", test_errors);
  g_test_add_func ("/cli/deep-input", test_deep_input);
  g_test_add_func ("/cli/force", test_force);
  g_test_add_func ("/cli/convert-layout", test_convert_layout);
  g_test_add_func ("/cli/help-version", test_help_version);
  g_test_add_func ("/cli/missing-locale-still-translated", test_missing_locale_still_translated);
  return g_test_run ();
}
