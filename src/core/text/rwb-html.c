/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-html.c — an article from a saved web page, read with libxml2's HTML parser.
 *
 * Every walk over the tree is iterative (parent and sibling pointers, counters instead of an
 * ancestor search), so a page nested a million elements deep costs what a flat one of the same
 * size costs and never exhausts the stack.
 */
#define G_LOG_DOMAIN "rawabit-text"

#include "rwb-html.h"

#include "rwb-date.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

/* Longest title kept, in characters. */
#define TITLE_MAX_CHARS 200
/* How many <article> elements are weighed to find the main one. */
#define MAX_ARTICLES 16
/* How far into the page a <meta charset> is looked for, in bytes. */
#define CHARSET_SEARCH_BYTES 4096

void
rwb_html_article_free (RwbHtmlArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->text);
  g_free (article->title);
  g_free (article->date);
  g_free (article->lang);
  g_free (article);
}

static gboolean
has_suffix_ci (const char *name, const char *suffix)
{
  gsize n = strlen (name), s = strlen (suffix);
  return n >= s && g_ascii_strcasecmp (name + n - s, suffix) == 0;
}

/**
 * rwb_html_is_page:
 * Tells a web page by its name or its first bytes.
 */
gboolean
rwb_html_is_page (const char *name, const char *head, gsize head_len)
{
  if (name && (has_suffix_ci (name, ".html") || has_suffix_ci (name, ".htm")
               || has_suffix_ci (name, ".xhtml")))
    return TRUE;
  if (head == NULL)
    return FALSE;
  gsize i = 0;
  if (head_len >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < head_len && g_ascii_isspace (head[i]))
    i++;
  const char *p = head + i;
  gsize left = head_len - i;
  return (left >= 14 && g_ascii_strncasecmp (p, "<!doctype html", 14) == 0)
         || (left >= 5 && g_ascii_strncasecmp (p, "<html", 5) == 0
             && (left == 5 || p[5] == '>' || g_ascii_isspace (p[5])));
}

/* ---- decoding ------------------------------------------------------------------------ */

/* The charset a <meta charset=…> or <meta http-equiv content="…; charset=…"> declares in the
 * first CHARSET_SEARCH_BYTES of @data, lower-cased, or NULL. */
static char *
declared_charset (const char *data, gsize length)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, CHARSET_SEARCH_BYTES));
  gsize n = strlen (head);   /* a NUL byte ends the search; such a page is refused later */
  for (const char *p = head; (p = strstr (p, "<meta")) != NULL; p += 5)
    {
      const char *end = memchr (p, '>', head + n - p);
      if (end == NULL)
        break;
      for (const char *c = p; c < end && (c = g_strstr_len (c, end - c, "charset")); c += 7)
        {
          const char *v = c + 7;
          while (v < end && g_ascii_isspace (*v))
            v++;
          if (v >= end || *v != '=')
            continue;
          v++;
          while (v < end && (g_ascii_isspace (*v) || *v == '"' || *v == '\''))
            v++;
          const char *s = v;
          while (v < end && (g_ascii_isalnum (*v) || strchr ("-_.:", *v)))
            v++;
          if (v > s)
            return g_strndup (s, v - s);
        }
    }
  return NULL;
}

static gboolean
is_utf8_name (const char *charset)
{
  return g_ascii_strcasecmp (charset, "utf-8") == 0 || g_ascii_strcasecmp (charset, "utf8") == 0
         || g_ascii_strcasecmp (charset, "us-ascii") == 0
         || g_ascii_strcasecmp (charset, "ascii") == 0;
}

/* @data in @charset, as UTF-8; bad sequences are an error naming their byte offset, or
 * U+FFFD each with @replace. */
static char *
convert_charset (const char *data, gsize length, const char *charset, gboolean replace,
                 GError **error)
{
  /* What browsers do: a page labelled Latin-1 is read as windows-1252. */
  const char *from = g_ascii_strcasecmp (charset, "iso-8859-1") == 0
                       || g_ascii_strcasecmp (charset, "latin1") == 0
                     ? "WINDOWS-1252" : charset;
  GIConv cd = g_iconv_open ("UTF-8", from);
  if (cd == (GIConv) -1)
    {
      g_set_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_INVALID_UTF8,
                   _("The page declares an encoding this system cannot read (%s)"), charset);
      return NULL;
    }
  gsize size = length * 2 + 16;
  GString *out = g_string_sized_new (size);
  char *in = (char *) data;
  gsize in_left = length;
  char buf[16384];
  while (in_left > 0)
    {
      char *o = buf;
      gsize o_left = sizeof buf;
      gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);
      g_string_append_len (out, buf, o - buf);
      if (r != (gsize) -1)
        continue;
      if (errno == E2BIG)
        continue;
      /* EILSEQ (a bad sequence) or EINVAL (one cut off at the end). */
      if (!replace)
        {
          gsize offset = in - data;
          g_set_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_INVALID_UTF8,
                       _("The page is not valid %s: byte %lu (0x%02X) is not part of a "
                         "character"), charset, (gulong) offset, (guint) (guchar) data[offset]);
          g_iconv_close (cd);
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append (out, "\xef\xbf\xbd");
      in++;
      in_left--;
      g_iconv (cd, NULL, NULL, NULL, NULL);
    }
  char *o = buf;
  gsize o_left = sizeof buf;
  g_iconv (cd, NULL, NULL, &o, &o_left);
  g_string_append_len (out, buf, o - buf);
  g_iconv_close (cd);
  return g_string_free (out, FALSE);
}

/* The page as UTF-8: by its byte order mark, else the charset it declares, else UTF-8. */
static char *
decode (const char *data, gsize length, RwbTextLoadFlags flags, gsize *out_length,
        GError **error)
{
  gboolean replace = (flags & RWB_TEXT_LOAD_REPLACE_INVALID) != 0;
  g_autofree char *charset = NULL;
  char *text;

  if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      gboolean le = data[0] == '\xff';
      text = convert_charset (data + 2, length - 2, le ? "UTF-16LE" : "UTF-16BE", replace,
                              error);
    }
  else
    {
      if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
        {
          data += 3;
          length -= 3;
        }
      else
        charset = declared_charset (data, length);
      if (charset == NULL || is_utf8_name (charset))
        {
          if (replace && memchr (data, '\0', length) == NULL
              && !g_utf8_validate_len (data, length, NULL))
            text = g_utf8_make_valid (data, length);
          else
            {
              if (!rwb_text_validate (data, length, error))
                return NULL;
              text = g_strndup (data, length);
            }
        }
      else
        {
          const char *nul = memchr (data, '\0', length);
          if (nul)
            {
              g_set_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_BINARY,
                           _("This is a binary file, not text (byte %lu is a NUL byte)"),
                           (gulong) (nul - data));
              return NULL;
            }
          text = convert_charset (data, length, charset, replace, error);
        }
    }
  if (text == NULL)
    return NULL;
  *out_length = strlen (text);
  if (!rwb_text_validate (text, *out_length, error))
    {
      g_free (text);
      return NULL;
    }
  return text;
}

/* ---- the tree ------------------------------------------------------------------------ */

static gboolean
is_element (const xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name
         && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (const xmlNode *node, const char *const *names)
{
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  for (guint i = 0; names[i]; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The attribute's value (freed by the caller), or NULL. */
static char *
attr (const xmlNode *node, const char *name)
{
  xmlChar *v = xmlGetNoNsProp (node, (const xmlChar *) name);
  if (v == NULL)
    return NULL;
  char *s = g_strdup ((const char *) v);
  xmlFree (v);
  return s;
}

static gboolean
attr_is (const xmlNode *node, const char *name, const char *value)
{
  g_autofree char *v = attr (node, name);
  return v && g_ascii_strcasecmp (g_strstrip (v), value) == 0;
}

/* The next node of a depth-first walk of @root's subtree, entering @node's children when
 * @descend; NULL after the last. */
static xmlNode *
walk_next (xmlNode *node, xmlNode *root, gboolean descend)
{
  if (descend && node->children)
    return node->children;
  while (node && node != root)
    {
      if (node->next)
        return node->next;
      node = node->parent;
    }
  return NULL;
}

/* Elements whose text is not the article's. */
static const char *const excluded_names[] = {
  "head", "script", "style", "noscript", "template", "nav", "footer", "aside", "form",
  "button", "select", "textarea", "input", "iframe", "frame", "frameset", "object", "embed",
  "svg", "math", "canvas", "audio", "video", "map", "menu", "dialog", NULL
};

/* Elements that begin and end a paragraph of their own. */
static const char *const block_names[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
  "blockquote", "pre", "section", "article", "main", "header", "table", "thead", "tbody",
  "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "address", "hr", "details",
  "summary", "center", "body", "html", "hgroup", "fieldset", "legend", NULL
};

/* Landmark roles of what is not the article (role="navigation" on a <div> is a <nav>). */
static const char *const excluded_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
  "dialog", "alert", NULL
};

typedef struct {
  GString *out;        /* paragraphs so far, "\n\n" between them */
  GString *para;       /* the paragraph being read */
  gboolean space;      /* white space seen since the last character of @para */
  guint in_content;    /* <article>/<main> elements entered and not left */
  guint in_pre;        /* <pre> elements entered and not left */
  const xmlNode *time; /* the first <time datetime> read */
} Emit;

static gboolean
is_content (const xmlNode *node)
{
  return is_element (node, "article") || is_element (node, "main")
         || (node->type == XML_ELEMENT_NODE && attr_is (node, "role", "main"));
}

/* Whether the element and all it holds are left out; a <header> only outside an article. */
static gboolean
is_excluded (const xmlNode *node, const Emit *emit)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (name_in (node, excluded_names))
    return TRUE;
  if (is_element (node, "header") && emit->in_content == 0)
    return TRUE;
  if (xmlHasProp (node, (const xmlChar *) "hidden") || attr_is (node, "aria-hidden", "true"))
    return TRUE;
  g_autofree char *role = attr (node, "role");
  if (role)
    for (guint i = 0; excluded_roles[i]; i++)
      if (g_ascii_strcasecmp (g_strstrip (role), excluded_roles[i]) == 0)
        return TRUE;
  return FALSE;
}

static void
flush (Emit *emit)
{
  GString *p = emit->para;
  while (p->len > 0 && g_ascii_isspace (p->str[p->len - 1]))
    g_string_truncate (p, p->len - 1);
  gsize start = 0;
  while (start < p->len && g_ascii_isspace (p->str[start]))
    start++;
  if (start < p->len)
    {
      if (emit->out->len > 0)
        g_string_append (emit->out, "\n\n");
      g_string_append_len (emit->out, p->str + start, p->len - start);
    }
  g_string_truncate (p, 0);
  emit->space = FALSE;
}

static void
append_text (Emit *emit, const char *text)
{
  GString *p = emit->para;
  if (emit->in_pre > 0)
    {
      g_string_append (p, text);
      return;
    }
  for (const char *c = text; *c; c++)
    {
      if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r' || *c == '\f')
        {
          emit->space = TRUE;
          continue;
        }
      if (emit->space && p->len > 0 && p->str[p->len - 1] != '\n')
        g_string_append_c (p, ' ');
      emit->space = FALSE;
      g_string_append_c (p, *c);
    }
}

static void
line_break (Emit *emit)
{
  GString *p = emit->para;
  while (p->len > 0 && p->str[p->len - 1] == ' ')
    g_string_truncate (p, p->len - 1);
  if (p->len > 0)
    g_string_append_c (p, '\n');
  emit->space = FALSE;
}

/* Entering @node; returns whether to walk its children. */
static gboolean
enter (Emit *emit, xmlNode *node)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content)
        append_text (emit, (const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE && node->type != XML_HTML_DOCUMENT_NODE
      && node->type != XML_DOCUMENT_NODE)
    return FALSE;
  if (is_excluded (node, emit))
    return FALSE;
  if (is_element (node, "br"))
    {
      line_break (emit);
      return FALSE;
    }
  if (emit->time == NULL && is_element (node, "time") && xmlHasProp (node, (const xmlChar *)
                                                                     "datetime"))
    emit->time = node;
  if (name_in (node, block_names))
    flush (emit);
  if (is_content (node))
    emit->in_content++;
  if (is_element (node, "pre"))
    emit->in_pre++;
  return TRUE;
}

/* Leaving @node, which enter() let the walk into. */
static void
leave (Emit *emit, xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE)
    return;
  if (is_element (node, "pre"))
    emit->in_pre--;
  if (is_content (node))
    emit->in_content--;
  if (name_in (node, block_names))
    flush (emit);
}

/* The text of @root's subtree; @time receives its first <time datetime>. */
static char *
emit_text (xmlNode *root, gboolean inside_content, const xmlNode **time)
{
  Emit emit = { g_string_new (NULL), g_string_new (NULL), FALSE, inside_content ? 1 : 0, 0,
                NULL };
  xmlNode *node = root;
  gboolean descend = enter (&emit, node);
  for (;;)
    {
      if (descend && node->children)
        {
          node = node->children;
          descend = enter (&emit, node);
          continue;
        }
      if (descend)
        leave (&emit, node);
      /* Up to the first ancestor with a next sibling, leaving each on the way. */
      while (node != root && node->next == NULL)
        {
          node = node->parent;
          leave (&emit, node);
        }
      if (node == root)
        break;
      node = node->next;
      descend = enter (&emit, node);
    }
  flush (&emit);
  g_string_free (emit.para, TRUE);
  if (time)
    *time = emit.time;
  return g_string_free (emit.out, FALSE);
}

/* What one walk of the whole tree finds. */
typedef struct {
  xmlNode *main;
  xmlNode *articles[MAX_ARTICLES];
  guint n_articles;
  xmlNode *body;
  xmlNode *title;
  xmlNode *h1;
  char *og_title;
  char *date;          /* the first date meta, by priority */
  guint date_rank;
} Survey;

/* Meta names and properties that give an article's publication date, best first. */
static const char *const date_metas[] = {
  "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
  "publishdate", "publish-date", "publication_date", "dc.date.issued", "dcterms.issued",
  "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date", NULL
};

/* @value as an ISO 8601 date: its first ten characters when they are one, else any form
 * rwb_date_parse reads; NULL if neither. */
static char *
parse_date (const char *value)
{
  g_autofree char *v = g_strstrip (g_strdup (value));
  if (strlen (v) >= 10)
    {
      g_autofree char *head = g_strndup (v, 10);
      if (rwb_date_is_valid (head))
        return g_steal_pointer (&head);
    }
  return rwb_date_parse (v);
}

static void
survey_date (Survey *s, const char *key, const char *value)
{
  if (key == NULL || value == NULL)
    return;
  for (guint rank = 0; date_metas[rank] && rank < s->date_rank; rank++)
    if (g_ascii_strcasecmp (key, date_metas[rank]) == 0)
      {
        char *date = parse_date (value);
        if (date)
          {
            g_free (s->date);
            s->date = date;
            s->date_rank = rank;
          }
        return;
      }
}

static void
survey (Survey *s, xmlNode *root)
{
  s->date_rank = G_N_ELEMENTS (date_metas);
  for (xmlNode *node = root; node; node = walk_next (node, root, TRUE))
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (node, "meta"))
        {
          g_autofree char *content = attr (node, "content");
          g_autofree char *property = attr (node, "property");
          g_autofree char *name = attr (node, "name");
          g_autofree char *itemprop = attr (node, "itemprop");
          if (content && s->og_title == NULL
              && ((property && g_ascii_strcasecmp (property, "og:title") == 0)
                  || (name && g_ascii_strcasecmp (name, "twitter:title") == 0)))
            s->og_title = g_strdup (content);
          survey_date (s, property, content);
          survey_date (s, name, content);
          survey_date (s, itemprop, content);
        }
      else if (xmlHasProp (node, (const xmlChar *) "itemprop"))
        {
          /* <time itemprop="datePublished" datetime="…"> and the like. */
          g_autofree char *itemprop = attr (node, "itemprop");
          g_autofree char *when = attr (node, "datetime");
          if (when == NULL)
            when = attr (node, "content");
          survey_date (s, itemprop, when);
        }
      if (s->main == NULL && (is_element (node, "main") || attr_is (node, "role", "main")))
        s->main = node;
      else if (is_element (node, "article") && s->n_articles < MAX_ARTICLES)
        s->articles[s->n_articles++] = node;
      else if (s->body == NULL && is_element (node, "body"))
        s->body = node;
      else if (s->title == NULL && is_element (node, "title"))
        s->title = node;
      else if (s->h1 == NULL && is_element (node, "h1"))
        s->h1 = node;
    }
}

/* @text with its white space collapsed and cut to TITLE_MAX_CHARS; NULL if it has none. */
static char *
clean_title (const char *text)
{
  if (text == NULL)
    return NULL;
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;
  for (const char *c = text; *c; c++)
    {
      if (g_ascii_isspace (*c))
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_c (s, *c);
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  if (g_utf8_strlen (s->str, -1) > TITLE_MAX_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (s->str, TITLE_MAX_CHARS);
      g_string_truncate (s, cut - s->str);
      g_string_append (s, "…");
    }
  return g_string_free (s, FALSE);
}

static char *
node_title (xmlNode *node)
{
  if (node == NULL)
    return NULL;
  g_autofree char *text = emit_text (node, TRUE, NULL);
  return clean_title (text);
}

static gpointer
init_parser (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

/**
 * rwb_html_read:
 * Decodes the page, parses it and takes its main text, title and date.
 */
RwbHtmlArticle *
rwb_html_read (const char *data, gsize length, RwbTextLoadFlags flags, GError **error)
{
  static GOnce once = G_ONCE_INIT;
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > RWB_TEXT_MAX_BYTES)
    {
      g_set_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_TOO_LARGE,
                   _("The file is too large; the limit for one article is %d MB"),
                   RWB_TEXT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  gsize utf8_length = 0;
  g_autofree char *utf8 = decode (data ? data : "", length, flags, &utf8_length, error);
  if (utf8 == NULL)
    return NULL;

  g_once (&once, init_parser, NULL);
  /* Decoded already: the parser reads UTF-8 whatever the page's <meta> says; no network;
   * no depth limit (XML_PARSE_HUGE: past 256 levels libxml2 drops the rest of the page, and
   * nothing here recurses). */
  htmlDocPtr doc = htmlReadMemory (utf8, (int) utf8_length, NULL, "UTF-8",
                                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR
                                   | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                                   | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT
                                   | XML_PARSE_HUGE);
  xmlNode *top = doc ? xmlDocGetRootElement (doc) : NULL;
  if (top == NULL)
    {
      if (doc)
        xmlFreeDoc (doc);
      g_set_error_literal (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_EMPTY,
                           _("The page has no article text"));
      return NULL;
    }

  Survey s = { 0 };
  survey (&s, top);

  /* The main content: <main>, else the <article> with the most text, else the body. */
  const xmlNode *time = NULL;
  char *text = NULL;
  if (s.main)
    text = emit_text (s.main, TRUE, &time);
  else
    for (guint i = 0; i < s.n_articles; i++)
      {
        const xmlNode *t = NULL;
        char *candidate = emit_text (s.articles[i], TRUE, &t);
        if (text == NULL || strlen (candidate) > strlen (text))
          {
            g_free (text);
            text = candidate;
            time = t;
          }
        else
          g_free (candidate);
      }
  if (text == NULL || *text == '\0')
    {
      g_free (text);
      text = emit_text (s.body ? s.body : top, FALSE, &time);
    }
  if (*text == '\0')
    {
      g_free (text);
      g_free (s.og_title);
      g_free (s.date);
      xmlFreeDoc (doc);
      g_set_error_literal (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_EMPTY,
                           _("The page has no article text"));
      return NULL;
    }

  RwbHtmlArticle *article = g_new0 (RwbHtmlArticle, 1);
  article->text = g_strconcat (text, "\n", NULL);
  g_free (text);
  article->title = clean_title (s.og_title);
  if (article->title == NULL)
    article->title = node_title (s.title);
  if (article->title == NULL)
    article->title = node_title (s.h1);
  article->date = g_steal_pointer (&s.date);
  if (article->date == NULL && time)
    {
      g_autofree char *when = attr (time, "datetime");
      article->date = parse_date (when);
    }
  article->lang = attr (top, "lang");
  g_free (s.og_title);
  xmlFreeDoc (doc);
  return article;
}

/**
 * rwb_html_load_file:
 * Reads @file (at most RWB_TEXT_MAX_BYTES) and takes its article.
 */
RwbHtmlArticle *
rwb_html_load_file (GFile *file, RwbTextLoadFlags flags, GCancellable *cancellable,
                    GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                  G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  goffset size = g_file_info_get_size (info);
  if (size > RWB_TEXT_MAX_BYTES)
    {
      g_set_error (error, RWB_TEXT_ERROR, RWB_TEXT_ERROR_TOO_LARGE,
                   _("The file is too large (%lld MB); the limit for one article is %d MB"),
                   (long long) (size / (1024 * 1024)), RWB_TEXT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  g_autofree char *contents = NULL;
  gsize length = 0;
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  return rwb_html_read (contents, length, flags, error);
}
