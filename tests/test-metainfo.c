/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-metainfo.c — the AppStream metainfo beyond what `appstreamcli validate --no-net` can
 * check offline: every screenshot is a picture of the repository (a PNG in docs/) addressed by the raw
 * URL of the homepage's repository, with the size it says and a caption; one is the default; there
 * is an OARS rating; and the built file carries the Arabic translation of every paragraph, item
 * and caption (merged from po/ar.po), as the built desktop file carries its name and comment.
 */
#include <glib.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <string.h>

#define APP_ID "io.github.rawabit.Rawabit"

/* @relative (a path inside the repository) in the source tree. */
static char *
source_path (const char *relative)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", relative, NULL);
}

/* Whether @text has a letter of the Arabic block (U+0600–U+06FF). */
static gboolean
has_arabic (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x0600 && g_utf8_get_char (p) <= 0x06FF)
      return TRUE;
  return FALSE;
}

static xmlDocPtr
load (const char *path)
{
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  if (doc == NULL)
    g_error ("%s is not well-formed XML", path);
  return doc;
}

/* The nodes @expr selects in @doc; free with xmlXPathFreeObject. */
static xmlXPathObjectPtr
select_nodes (xmlDocPtr doc, const char *expr)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) expr, ctx);
  xmlXPathFreeContext (ctx);
  g_assert_nonnull (result);
  return result;
}

static guint
count (xmlXPathObjectPtr nodes)
{
  return nodes->nodesetval ? (guint) nodes->nodesetval->nodeNr : 0;
}

static char *
text_of (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);
  return text;
}

/* The width and height in a PNG file's IHDR chunk; FALSE if @data is not a PNG. */
static gboolean
png_size (const guchar *data, gsize len, guint *width, guint *height)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (len < 24 || memcmp (data, signature, 8) != 0 || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;
  *width = (guint) data[16] << 24 | (guint) data[17] << 16 | (guint) data[18] << 8 | data[19];
  *height = (guint) data[20] << 24 | (guint) data[21] << 16 | (guint) data[22] << 8 | data[23];
  return TRUE;
}

static void
test_screenshots (void)
{
  g_autofree char *path = source_path ("data/" APP_ID ".metainfo.xml.in");
  xmlDocPtr doc = load (path);
  xmlXPathObjectPtr homepage = select_nodes (doc, "/component/url[@type='homepage']");
  const char *github = "https://github.com/";

  /* The raw address of the repository the homepage names, on its main branch. */
  g_assert_cmpuint (count (homepage), ==, 1);
  g_autofree char *home = text_of (homepage->nodesetval->nodeTab[0]);
  g_assert_true (g_str_has_prefix (home, github));
  g_autofree char *raw = g_strdup_printf ("https://raw.githubusercontent.com/%s/main/",
                                          home + strlen (github));

  xmlXPathObjectPtr shots = select_nodes (doc, "/component/screenshots/screenshot");
  xmlXPathObjectPtr defaults = select_nodes (doc, "/component/screenshots/screenshot[@type='default']");
  g_assert_cmpuint (count (shots), >=, 3);
  g_assert_cmpuint (count (defaults), ==, 1);
  for (guint i = 0; i < count (shots); i++)
    {
      xmlNodePtr shot = shots->nodesetval->nodeTab[i];
      xmlNodePtr image = NULL, caption = NULL;

      for (xmlNodePtr c = shot->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, (const xmlChar *) "image"))
          image = c;
        else if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, (const xmlChar *) "caption"))
          caption = c;
      g_assert_nonnull (image);
      g_assert_nonnull (caption);
      g_autofree char *caption_text = text_of (caption);
      g_assert_cmpuint (strlen (caption_text), >, 10);

      g_autofree char *url = text_of (image);
      if (!g_str_has_prefix (url, raw))
        g_error ("screenshot %s is not under %s", url, raw);
      g_autofree char *file = source_path (url + strlen (raw));
      g_autofree char *data = NULL;
      gsize len = 0;
      guint width = 0, height = 0;
      if (!g_file_get_contents (file, &data, &len, NULL))
        g_error ("screenshot %s is not in the repository (%s)", url, file);
      g_assert_true (png_size ((const guchar *) data, len, &width, &height));

      /* The size the metainfo states is the picture's. */
      xmlChar *w = xmlGetProp (image, (const xmlChar *) "width");
      xmlChar *h = xmlGetProp (image, (const xmlChar *) "height");
      g_assert_nonnull (w);
      g_assert_nonnull (h);
      g_assert_cmpuint (width, ==, g_ascii_strtoull ((const char *) w, NULL, 10));
      g_assert_cmpuint (height, ==, g_ascii_strtoull ((const char *) h, NULL, 10));
      xmlFree (w);
      xmlFree (h);
      g_test_message ("%s: %ux%u, “%s”", url + strlen (raw), width, height, caption_text);
    }
  xmlXPathFreeObject (defaults);
  xmlXPathFreeObject (shots);
  xmlXPathFreeObject (homepage);
  xmlFreeDoc (doc);
}

static void
test_content_rating (void)
{
  g_autofree char *path = source_path ("data/" APP_ID ".metainfo.xml.in");
  xmlDocPtr doc = load (path);
  xmlXPathObjectPtr rating = select_nodes (doc, "/component/content_rating[@type='oars-1.1']");

  g_assert_cmpuint (count (rating), ==, 1);
  xmlXPathFreeObject (rating);
  xmlFreeDoc (doc);
}

/* Each translatable element of the built metainfo has an Arabic twin right after it. */
static void
test_translated (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "data",
                                            APP_ID ".metainfo.xml", NULL);
  xmlDocPtr doc = load (path);
  static const char *const exprs[] = {
    "/component/name", "/component/summary", "/component/description/p",
    "/component/description/ul/li", "/component/screenshots/screenshot/caption",
  };

  for (guint e = 0; e < G_N_ELEMENTS (exprs); e++)
    {
      g_autofree char *english = g_strdup_printf ("%s[not(@xml:lang)]", exprs[e]);
      g_autofree char *arabic = g_strdup_printf ("%s[@xml:lang='ar']", exprs[e]);
      xmlXPathObjectPtr en = select_nodes (doc, english);
      xmlXPathObjectPtr ar = select_nodes (doc, arabic);

      g_assert_cmpuint (count (en), >=, 1);
      if (count (ar) != count (en))
        g_error ("%s: %u in English, %u in Arabic", exprs[e], count (en), count (ar));
      for (guint i = 0; i < count (ar); i++)
        {
          g_autofree char *text = text_of (ar->nodesetval->nodeTab[i]);
          g_assert_true (has_arabic (text));
        }
      xmlXPathFreeObject (en);
      xmlXPathFreeObject (ar);
    }
  xmlFreeDoc (doc);
}

/* The built desktop file: the name, generic name, comment and keywords in Arabic. */
static void
test_desktop_translated (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "data",
                                            APP_ID ".desktop", NULL);
  g_autoptr (GKeyFile) keys = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  static const char *const names[] = { "Name", "GenericName", "Comment", "Keywords" };

  g_assert_true (g_key_file_load_from_file (keys, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *key = g_strdup_printf ("%s[ar]", names[i]);
      g_autofree char *value = g_key_file_get_string (keys, G_KEY_FILE_DESKTOP_GROUP, key, &error);
      g_assert_no_error (error);
      g_assert_true (has_arabic (value));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/metainfo/screenshots", test_screenshots);
  g_test_add_func ("/metainfo/content-rating", test_content_rating);
  g_test_add_func ("/metainfo/translated", test_translated);
  g_test_add_func ("/metainfo/desktop-translated", test_desktop_translated);
  int status = g_test_run ();
  xmlCleanupParser ();
  return status;
}
