/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-html.c — articles from web pages (rwb-html.h): main text, title, date, encodings,
 * offsets into the text, and hostile pages (huge, deeply nested, broken encodings). Every
 * page here is written for the test. */
#include "rwb-extract.h"
#include "rwb-html.h"

#include <glib/gstdio.h>
#include <string.h>

static const char page[] =
  "<!DOCTYPE html>\n<html lang=\"en\"><head>\n"
  "<meta charset=\"utf-8\">\n"
  "<title>Orvane buys Telmar | The Harbour Ledger</title>\n"
  "<meta property=\"article:published_time\" content=\"2025-06-14T08:30:00+03:00\">\n"
  "<style>p { color: red }</style>\n"
  "<script>var tracking = \"Skip this\";</script>\n"
  "</head><body>\n"
  "<header><a href=\"/\">The Harbour Ledger</a> <nav><a>Markets</a> <a>Energy</a></nav></header>\n"
  "<div class=\"ad\" hidden>Advertisement text</div>\n"
  "<article>\n"
  "  <header><h1>Orvane buys   Telmar</h1></header>\n"
  "  <p>Orvane Logistics Group said on Friday it had\n   acquired Telmar Systems.</p>\n"
  "  <p>The deal&nbsp;was <b>worth</b> <a href=\"#\">$40 million</a>.<script>x()</script></p>\n"
  "  <ul><li>First point</li><li>Second<br>line</li></ul>\n"
  "  <aside>Read more: unrelated story</aside>\n"
  "  <footer>Tags: logistics</footer>\n"
  "</article>\n"
  "<article><p>A short related story.</p></article>\n"
  "<footer>Copyright notice</footer>\n"
  "</body></html>\n";

static void
test_main_text (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbHtmlArticle) a = rwb_html_read (page, strlen (page), RWB_TEXT_LOAD_DEFAULT,
                                                &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  g_assert_cmpstr (a->text, ==,
                   "Orvane buys Telmar\n\n"
                   "Orvane Logistics Group said on Friday it had acquired Telmar Systems.\n\n"
                   "The deal\xc2\xa0was worth $40 million.\n\n"
                   "First point\n\n"
                   "Second\nline\n");
  g_assert_cmpstr (a->title, ==, "Orvane buys Telmar | The Harbour Ledger");
  g_assert_cmpstr (a->date, ==, "2025-06-14");
  g_assert_cmpstr (a->lang, ==, "en");
}

static void
test_no_article (void)
{
  /* No <article> or <main>: the body, without its navigation, site header and footer. */
  static const char body[] =
    "<html><head><meta property=\"og:title\" content=\"Port  deal\"></head><body>"
    "<div role=\"navigation\">Home | World</div><header>Site name</header>"
    "<h2>Port deal signed</h2><div>Text in a div, <i>with</i> inline parts</div>"
    "<table><tr><td>Cell one</td><td>Cell two</td></tr></table>"
    "<p>Published <time datetime=\"2024-02-29\">29 February</time>.</p>"
    "<footer>About us</footer><noscript>Enable scripts</noscript></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbHtmlArticle) a = rwb_html_read (body, strlen (body), RWB_TEXT_LOAD_DEFAULT,
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->text, ==, "Port deal signed\n\nText in a div, with inline parts\n\n"
                                "Cell one\n\nCell two\n\nPublished 29 February.\n");
  g_assert_cmpstr (a->title, ==, "Port deal");
  g_assert_cmpstr (a->date, ==, "2024-02-29");
  g_assert_null (a->lang);
}

static void
test_main_element (void)
{
  /* <main> wins over articles outside it; a <pre> keeps its lines; the <h1> titles a page
   * without <title>; a date meta that is no date is ignored. */
  static const char text[] =
    "<body><article><p>Outside</p></article><main><h1>The headline</h1>"
    "<pre>line one\n  line two</pre><p>End.</p></main>"
    "<meta name=\"date\" content=\"not a date\"></body>";
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbHtmlArticle) a = rwb_html_read (text, strlen (text), RWB_TEXT_LOAD_DEFAULT,
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->text, ==, "The headline\n\nline one\n  line two\n\nEnd.\n");
  g_assert_cmpstr (a->title, ==, "The headline");
  g_assert_null (a->date);
}

static void
test_encodings (void)
{
  /* windows-1256 Arabic, declared by <meta charset>: "شركة" is D4 D1 DF C9. */
  static const char cp1256[] = "<html><head><meta charset=\"windows-1256\"></head><body>"
                               "<p>\xd4\xd1\xdf\xc9</p></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbHtmlArticle) a = rwb_html_read (cp1256, strlen (cp1256), RWB_TEXT_LOAD_DEFAULT,
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->text, ==, "شركة\n");

  /* Latin-1 declared the old way is read as windows-1252 (0x93/0x94 are quotes). */
  static const char latin1[] = "<html><head><meta http-equiv=\"Content-Type\" "
                               "content=\"text/html; charset=ISO-8859-1\"></head>"
                               "<body><p>\x93" "Caf\xe9\x94</p></body></html>";
  g_autoptr (RwbHtmlArticle) b = rwb_html_read (latin1, strlen (latin1), RWB_TEXT_LOAD_DEFAULT,
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->text, ==, "\xe2\x80\x9c" "Caf\xc3\xa9\xe2\x80\x9d\n");

  /* UTF-16 with a byte order mark. */
  static const char utf16[] = "\xff\xfe<\0p\0>\0H\0i\0<\0/\0p\0>\0";
  g_autoptr (RwbHtmlArticle) c = rwb_html_read (utf16, sizeof utf16 - 1, RWB_TEXT_LOAD_DEFAULT,
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->text, ==, "Hi\n");

  /* A meta that claims UTF-8 but a page in Latin-1: refused, naming the byte, or read with
   * U+FFFD on request. */
  static const char bad[] = "<meta charset=utf-8><p>Caf\xe9 au lait</p>";
  g_autoptr (RwbHtmlArticle) d = rwb_html_read (bad, strlen (bad), RWB_TEXT_LOAD_DEFAULT, &error);
  g_assert_null (d);
  g_assert_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte 26"));
  g_clear_error (&error);
  d = rwb_html_read (bad, strlen (bad), RWB_TEXT_LOAD_REPLACE_INVALID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (d->text, ==, "Caf\xef\xbf\xbd au lait\n");

  /* A bad byte for the declared charset: windows-1256 has no gap, but shift_jis does. */
  static const char sjis[] = "<meta charset=\"shift_jis\"><p>ab\x81\x20</p>";
  g_autoptr (RwbHtmlArticle) e = rwb_html_read (sjis, strlen (sjis), RWB_TEXT_LOAD_DEFAULT,
                                                &error);
  g_assert_null (e);
  g_assert_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_INVALID_UTF8);
  g_clear_error (&error);

  /* An encoding nobody knows. */
  static const char unknown[] = "<meta charset=\"x-no-such-charset\"><p>Text</p>";
  g_autoptr (RwbHtmlArticle) f = rwb_html_read (unknown, strlen (unknown),
                                                RWB_TEXT_LOAD_DEFAULT, &error);
  g_assert_null (f);
  g_assert_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "x-no-such-charset"));
  g_clear_error (&error);

  /* NUL bytes: binary. */
  static const char binary[] = "<p>abc\0def</p>";
  g_autoptr (RwbHtmlArticle) g = rwb_html_read (binary, sizeof binary - 1,
                                                RWB_TEXT_LOAD_REPLACE_INVALID, &error);
  g_assert_null (g);
  g_assert_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_BINARY);
}

static void
test_empty (void)
{
  static const char *const pages[] = {
    "", "<html></html>", "<html><head><title>Only a title</title></head><body></body></html>",
    "<body><script>lots()</script><nav>Menu</nav><p>   </p></body>",
    "<p><!-- only a comment --></p><div hidden>Hidden</div>",
  };
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RwbHtmlArticle) a = rwb_html_read (pages[i], strlen (pages[i]),
                                                    RWB_TEXT_LOAD_DEFAULT, &error);
      g_test_message ("page %u: %s", i, error ? error->message : a->text);
      g_assert_null (a);
      g_assert_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_EMPTY);
    }
}

static void
test_hostile (void)
{
  /* 300,000 nested elements (a recursive walk or parser would exhaust the stack), unclosed
   * tags, and broken markup around the text. */
  GString *deep = g_string_new ("<html><body>");
  for (guint i = 0; i < 300000; i++)
    g_string_append (deep, i % 2 ? "<div>" : "<span>");
  g_string_append (deep, "Deep text");
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbHtmlArticle) a = rwb_html_read (deep->str, deep->len, RWB_TEXT_LOAD_DEFAULT,
                                                &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (a->text, "Deep text"));
  g_string_free (deep, TRUE);

  /* About 8 MB of paragraphs: all of them, in order. */
  GString *huge = g_string_new ("<html><body><article>");
  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (huge, "<p>Paragraph %u of a long page.</p>", i);
  g_autoptr (RwbHtmlArticle) b = rwb_html_read (huge->str, huge->len, RWB_TEXT_LOAD_DEFAULT,
                                                &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (b->text, "Paragraph 0 of a long page.\n\nParagraph 1 "));
  g_assert_true (g_str_has_suffix (b->text, "\n\nParagraph 199999 of a long page.\n"));
  g_string_free (huge, TRUE);

  /* Over the size limit: refused before it is parsed. */
  g_autoptr (RwbHtmlArticle) c = rwb_html_read ("", RWB_TEXT_MAX_BYTES + 1,
                                                RWB_TEXT_LOAD_DEFAULT, &error);
  g_assert_null (c);
  g_assert_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  static const char broken[] = "<p>One <b>two <i>three</p> four</b> <p<p>five &amp &#x110000; "
                               "&bogus; <!-- unclosed comment";
  g_autoptr (RwbHtmlArticle) d = rwb_html_read (broken, strlen (broken), RWB_TEXT_LOAD_DEFAULT,
                                                &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (d->text, -1, NULL));
  g_assert_true (g_str_has_prefix (d->text, "One two three"));
}

static void
test_is_page (void)
{
  g_assert_true (rwb_html_is_page ("a/News.HTML", NULL, 0));
  g_assert_true (rwb_html_is_page ("story.htm", NULL, 0));
  g_assert_false (rwb_html_is_page ("story.txt", "plain text", 10));
  g_assert_true (rwb_html_is_page ("saved", "\xef\xbb\xbf  <!doctype HTML>", 20));
  g_assert_true (rwb_html_is_page (NULL, "<HTML lang=ar>", 14));
  g_assert_false (rwb_html_is_page (NULL, "<htmlfoo>", 9));
  g_assert_false (rwb_html_is_page (NULL, "I wrote <html> by hand", 22));
}

/* Through rwb_extract_file: the page's text is the document, its title and date the
 * document's, and every mention's offsets are code points of that text. */
static void
test_extract_file (void)
{
  static const char arabic[] =
    "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
    "<title>صفقة</title><meta name=\"date\" content=\"2023-11-02\"></head><body>"
    "<nav>الرئيسية</nav><article>"
    "<p>قالت <b>شركة</b> تويوتا اليابانية إنها وقعت اتفاقية مع شركة باناسونيك.</p>"
    "<p>Orvane Logistics Group acquired Telmar Systems Inc. in Dubai.</p>"
    "</article></body></html>";
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rawabit-html-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *path = g_build_filename (dir, "page.html", NULL);
  g_assert_true (g_file_set_contents (path, arabic, -1, &error));
  g_autoptr (RwbLexicon) lexicon = rwb_lexicon_new_default (NULL, &error);
  g_assert_no_error (error);
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_assert_true (rwb_extract_file (lexicon, graph, file, NULL, NULL, &error));
  g_assert_no_error (error);
  RwbDocument *doc = g_ptr_array_index (graph->documents, 0);
  g_assert_null (strchr (doc->text, '<'));
  g_assert_null (strstr (doc->text, "الرئيسية"));
  g_assert_true (g_str_has_prefix (doc->text, "قالت شركة تويوتا"));
  g_assert_cmpstr (doc->title, ==, "صفقة");
  g_assert_cmpstr (doc->date, ==, "2023-11-02");
  glong n_chars = g_utf8_strlen (doc->text, -1);
  guint checked = 0;
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      for (guint m = 0; e->mentions && m < e->mentions->len; m++)
        {
          RwbSpan *span = &g_array_index (e->mentions, RwbSpan, m);
          g_assert_cmpuint (span->end, <=, n_chars);
          const char *s = g_utf8_offset_to_pointer (doc->text, span->start);
          const char *t = g_utf8_offset_to_pointer (doc->text, span->end);
          g_autofree char *surface = g_strndup (s, t - s);
          g_test_message ("%s: \"%s\" at %u-%u", e->name, surface, span->start, span->end);
          g_assert_null (strchr (surface, '<'));
          if (span->kind == RWB_MENTION_NAME && strstr (e->name, surface))
            checked++;
        }
    }
  g_assert_cmpuint (graph->entities->len, >=, 3);
  g_assert_cmpuint (checked, >=, 3);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/html/main-text", test_main_text);
  g_test_add_func ("/html/no-article", test_no_article);
  g_test_add_func ("/html/main-element", test_main_element);
  g_test_add_func ("/html/encodings", test_encodings);
  g_test_add_func ("/html/empty", test_empty);
  g_test_add_func ("/html/hostile", test_hostile);
  g_test_add_func ("/html/is-page", test_is_page);
  g_test_add_func ("/html/extract-file", test_extract_file);
  return g_test_run ();
}
