/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-layout-main.c — `rawabit-layout`, the Graphviz child process.
 *
 * Reads a DOT graph on stdin, lays it out with the engine named by --engine and prints the
 * geometry on stdout in a small line format (see rwb-layout.c). It runs apart from the app
 * because Graphviz 2.42 is not thread-safe, cannot be interrupted and crashes on some inputs:
 * here a crash or a runaway layout only ends this process. It limits itself (address space,
 * CPU time, a wall-clock alarm) and Graphviz's file access is off through SERVER_NAME, set by
 * the parent.
 *
 * With --import it opens any DOT file instead (see run_import): attributes that would read other
 * files are removed and reported, and everything a viewer needs is printed.
 */
#define G_LOG_DOMAIN "rawabit-layout"

#include <glib.h>
#include <gvc.h>
#include <color.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static void
limit (int resource, rlim_t value)
{
  struct rlimit rl;
  if (getrlimit (resource, &rl) == 0 && (rl.rlim_max == RLIM_INFINITY || value < rl.rlim_max))
    {
      rl.rlim_cur = value;
      setrlimit (resource, &rl);
    }
}

/* " N X1 Y1 … [head X Y] [tail X Y] [label X Y]": an edge's first spline, its arrow ends and
 * its label position, in both modes' line format. */
static void
print_edge_geometry (Agedge_t *e)
{
  splines *spl = ED_spl (e);
  if (spl && spl->size > 0)
    {
      bezier *bz = &spl->list[0];
      printf (" %d", bz->size);
      for (int i = 0; i < bz->size; i++)
        printf (" %.2f %.2f", bz->list[i].x, bz->list[i].y);
      if (bz->eflag)
        printf (" head %.2f %.2f", bz->ep.x, bz->ep.y);
      if (bz->sflag)
        printf (" tail %.2f %.2f", bz->sp.x, bz->sp.y);
    }
  else
    printf (" 0");
  textlabel_t *lbl = ED_label (e);
  if (lbl && lbl->set)
    printf (" label %.2f %.2f", lbl->pos.x, lbl->pos.y);
}

/* ---- Import mode: any DOT file, cleaned, laid out and described in full. ----
 *
 * Output lines (tokens separated by one space; every token escapes the bytes 0x00–0x20, 0x7f,
 * '\\', '=' and any byte that is not part of valid UTF-8 as \xHH, so a value may hold any
 * byte; UTF-8 text such as Arabic passes through):
 *   engine NAME digraph|graph
 *   warning TEXT
 *   graph LLX LLY URX URY [label X Y] [KEY=VALUE…]         graph attributes set by the file
 *   cluster DEPTH NAME LLX LLY URX URY [label X Y] [KEY=VALUE…]
 *   node NAME X Y WIDTH HEIGHT [KEY=VALUE…]                every attribute with a value
 *   edge ID TAIL HEAD N X1 Y1 … XN YN [head X Y] [tail X Y] [label X Y] [KEY=VALUE…]
 * Points, y up, as in the normal mode. `label` values are the text Graphviz shows (\N
 * substituted, HTML reduced to its text, record fields one per line); colour attributes are
 * resolved by Graphviz to "#rrggbb" or "#rrggbbaa".
 */

/* Declared in Graphviz's private colorprocs.h; exported by libgvc. */
extern int colorxlate (char *str, gvcolor_t *color, color_type_t target_type);

static GString *gv_messages;

static int
collect_message (char *message)
{
  g_string_append (gv_messages, message);
  return 0;
}

/* Graphviz may exit(1) on its own: its messages must still reach the parent. */
static void
flush_messages (void)
{
  if (gv_messages && gv_messages->len)
    fputs (gv_messages->str, stderr);
}

static void
put_escaped (const char *s)
{
  const char *end = s + strlen (s);
  while (s < end)
    {
      gunichar c = g_utf8_get_char_validated (s, end - s);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          printf ("\\x%02x", (unsigned char) *s++);
          continue;
        }
      int len = g_utf8_skip[*(const guchar *) s];
      if (c <= 0x20 || c == 0x7f || c == '\\' || c == '=')
        printf ("\\x%02x", (unsigned char) *s);
      else
        fwrite (s, 1, len, stdout);
      s += len;
    }
}

static void
put_kv (const char *key, const char *value)
{
  putchar (' ');
  put_escaped (key);
  putchar ('=');
  put_escaped (value);
}

static gboolean
is_color_attr (const char *name)
{
  static const char *const colors[] = { "color", "fillcolor", "fontcolor", "bgcolor", "pencolor",
                                        "labelfontcolor", NULL };
  return g_strv_contains (colors, name);
}

/* "#rrggbb[aa]" for a Graphviz colour (name, "#rgb…", HSV, first of a list), or NULL. */
static char *
resolve_color (const char *value)
{
  g_autofree char *first = g_strdup (value);
  first[strcspn (first, ":;")] = '\0';
  g_strstrip (first);
  if (*first == '\0')
    return NULL;
  gvcolor_t c;
  memset (&c, 0, sizeof c);
  if (colorxlate (first, &c, RGBA_BYTE) != 0)
    return NULL;
  if (c.u.rgba[3] == 255)
    return g_strdup_printf ("#%02x%02x%02x", c.u.rgba[0], c.u.rgba[1], c.u.rgba[2]);
  return g_strdup_printf ("#%02x%02x%02x%02x", c.u.rgba[0], c.u.rgba[1], c.u.rgba[2],
                          c.u.rgba[3]);
}

/* The text of an HTML label: tags dropped, <BR/> as a line break, entities decoded. */
static char *
html_text (const char *html)
{
  GString *out = g_string_new (NULL);
  for (const char *p = html; *p;)
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');
          if (close == NULL)
            break;
          if (g_ascii_strncasecmp (p, "<br", 3) == 0 || g_ascii_strncasecmp (p, "</tr", 4) == 0)
            {
              if (out->len && out->str[out->len - 1] != '\n')
                g_string_append_c (out, '\n');
            }
          else if (g_ascii_strncasecmp (p, "</td", 4) == 0)
            g_string_append_c (out, ' ');
          p = close + 1;
        }
      else if (*p == '&')
        {
          static const struct { const char *name; const char *text; } entities[] = {
            { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
            { "&apos;", "'" }, { "&nbsp;", " " },
          };
          gboolean done = FALSE;
          for (guint i = 0; i < G_N_ELEMENTS (entities) && !done; i++)
            if (g_str_has_prefix (p, entities[i].name))
              {
                g_string_append (out, entities[i].text);
                p += strlen (entities[i].name);
                done = TRUE;
              }
          if (!done && p[1] == '#')
            {
              char *end;
              gboolean hex = p[2] == 'x' || p[2] == 'X';
              guint64 v = g_ascii_strtoull (p + (hex ? 3 : 2), &end, hex ? 16 : 10);
              if (*end == ';' && v > 0 && v < 0x110000 && g_unichar_validate ((gunichar) v))
                {
                  g_string_append_unichar (out, (gunichar) v);
                  p = end + 1;
                  done = TRUE;
                }
            }
          if (!done)
            g_string_append_c (out, *p++);
        }
      else if (*p == '\n' || *p == '\r' || *p == '\t')
        {
          /* Whitespace in HTML source is layout of the file, not of the label. */
          if (out->len && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          p++;
        }
      else
        g_string_append_c (out, *p++);
    }
  char *s = g_string_free (out, FALSE);
  return g_strstrip (s);
}

/* A plain label's text as drawn: \n, \l and \r are line ends, \\ a backslash. */
static char *
plain_text (const char *text)
{
  GString *out = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    {
      if (p[0] == '\\' && (p[1] == 'n' || p[1] == 'l' || p[1] == 'r'))
        {
          if (p[2] != '\0')
            g_string_append_c (out, '\n');
          p++;
        }
      else if (p[0] == '\\' && p[1] != '\0')
        g_string_append_c (out, *++p);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* A record label's fields, one per line: "{<p0> a | b}" → "a\nb". */
static char *
record_text (const char *text)
{
  GString *out = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    {
      if (*p == '\\' && p[1])
        {
          p++;
          if (*p == 'n' || *p == 'l' || *p == 'r')
            g_string_append_c (out, '\n');
          else
            g_string_append_c (out, *p);
        }
      else if (*p == '<')
        {
          const char *close = strchr (p, '>');
          if (close == NULL)
            break;
          p = close;
        }
      else if (*p == '|')
        g_string_append_c (out, '\n');
      else if (*p != '{' && *p != '}')
        g_string_append_c (out, *p);
    }
  /* Trim each line. */
  g_auto (GStrv) lines = g_strsplit (out->str, "\n", -1);
  g_string_free (out, TRUE);
  GString *joined = g_string_new (NULL);
  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (joined->len)
        g_string_append_c (joined, '\n');
      g_string_append (joined, lines[i]);
    }
  return g_string_free (joined, FALSE);
}

static char *
label_text (textlabel_t *lbl, const char *shape)
{
  if (lbl == NULL || lbl->text == NULL)
    return g_strdup ("");
  if (lbl->html)
    return html_text (lbl->text);
  if (shape && (g_str_equal (shape, "record") || g_str_equal (shape, "Mrecord")))
    return record_text (lbl->text);
  return plain_text (lbl->text);
}

/* One kind of removal, reported once with where it was first seen and how often. */
typedef struct {
  char *message;  /* "Removed image=\"x.png\"" */
  char *where;    /* "node a" */
  char *reason;
  guint count;
} Removal;

static GPtrArray *removals;   /* Removal* in order of first sight */
static GHashTable *removal_by_key;

static void
note_removal (const char *what, const char *where, const char *reason)
{
  Removal *r = g_hash_table_lookup (removal_by_key, what);
  if (r)
    {
      r->count++;
      return;
    }
  r = g_new0 (Removal, 1);
  r->message = g_strdup (what);
  r->where = g_strdup (where);
  r->reason = g_strdup (reason);
  r->count = 1;
  g_ptr_array_add (removals, r);
  g_hash_table_insert (removal_by_key, r->message, r);
}

static char *
shorten (const char *value)
{
  if (g_utf8_validate (value, -1, NULL) && g_utf8_strlen (value, -1) > 60)
    {
      g_autofree char *head = g_utf8_substring (value, 0, 57);
      return g_strconcat (head, "…", NULL);
    }
  return g_strdup (value);
}

static const char *const file_attrs[] = { "image", "imagepath", "shapefile", "fontpath",
                                          "fontnames", "stylesheet", NULL };
static const char *const label_attrs[] = { "label", "xlabel", "headlabel", "taillabel", NULL };

/* Removes from @obj every attribute value that would make Graphviz read another file. */
static void
sanitize_object (Agraph_t *root, void *obj, int kind, const char *where, const char *name)
{
  for (Agsym_t *sym = agnxtattr (root, kind, NULL); sym; sym = agnxtattr (root, kind, sym))
    {
      char *value = agxget (obj, sym);
      if (value == NULL || *value == '\0')
        continue;
      g_autofree char *shown = shorten (value);
      if (g_strv_contains (file_attrs, sym->name))
        {
          g_autofree char *what = g_strdup_printf ("Removed %s=\"%s\"", sym->name, shown);
          note_removal (what, where, "Rawabit does not read other files");
          agxset (obj, sym, "");
        }
      else if (g_str_equal (sym->name, "fontname") && strchr (value, '/'))
        {
          g_autofree char *what = g_strdup_printf ("Removed fontname=\"%s\"", shown);
          note_removal (what, where, "a font is named, not read from a file");
          agxset (obj, sym, "");
        }
      else if (g_strv_contains (label_attrs, sym->name) && aghtmlstr (value)
               && g_regex_match_simple ("<\\s*img", value, G_REGEX_CASELESS, 0))
        {
          g_autofree char *text = html_text (value);
          if (*text == '\0' && name && g_str_equal (sym->name, "label"))
            {
              g_free (text);
              text = g_strdup (name);
            }
          g_autofree char *what = g_strdup_printf ("Replaced an HTML %s showing an image with "
                                                   "its text", sym->name);
          note_removal (what, where, "Rawabit does not read other files");
          agxset (obj, sym, text);
        }
    }
}

static void
sanitize_graph (Agraph_t *root, Agraph_t *g)
{
  const char *name = agnameof (g);
  g_autofree char *where = g == root ? g_strdup ("the graph")
                           : g_strdup_printf ("%s %s",
                                              g_str_has_prefix (name, "cluster") ? "cluster"
                                                                                 : "subgraph",
                                              name);
  sanitize_object (root, g, AGRAPH, where, NULL);
  for (Agraph_t *sub = agfstsubg (g); sub; sub = agnxtsubg (sub))
    sanitize_graph (root, sub);
}

static void
sanitize (Agraph_t *g)
{
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    {
      g_autofree char *where = g_strdup_printf ("node %s", agnameof (n));
      sanitize_object (g, n, AGNODE, where, agnameof (n));
    }
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e; e = agnxtout (g, e))
      {
        g_autofree char *where = g_strdup_printf ("edge %s %s %s", agnameof (agtail (e)),
                                                  agisdirected (g) ? "->" : "--",
                                                  agnameof (aghead (e)));
        sanitize_object (g, e, AGEDGE, where, NULL);
      }
  sanitize_graph (g, g);
  /* The declared defaults too, so nothing made later inherits them. */
  for (guint i = 0; file_attrs[i]; i++)
    for (int kind = AGRAPH; kind <= AGEDGE; kind++)
      {
        Agsym_t *sym = agattr (g, kind, (char *) file_attrs[i], NULL);
        if (sym && sym->defval && *sym->defval)
          agattr (g, kind, (char *) file_attrs[i], "");
      }
}

static void
print_attrs (Agraph_t *root, void *obj, int kind, gboolean skip_label)
{
  for (Agsym_t *sym = agnxtattr (root, kind, NULL); sym; sym = agnxtattr (root, kind, sym))
    {
      char *value = agxget (obj, sym);
      if (value == NULL || *value == '\0' || (skip_label && g_str_equal (sym->name, "label"))
          || (kind == AGRAPH && g_str_equal (sym->name, "bb")))
        continue;
      if (is_color_attr (sym->name))
        {
          g_autofree char *hex = resolve_color (value);
          if (hex)
            {
              put_kv (sym->name, hex);
              continue;
            }
        }
      put_kv (sym->name, value);
    }
}

static void
print_clusters (Agraph_t *root, Agraph_t *g, int depth)
{
  for (int i = 1; i <= GD_n_cluster (g); i++)
    {
      Agraph_t *c = GD_clust (g)[i];
      boxf bb = GD_bb (c);
      printf ("cluster %d ", depth);
      put_escaped (agnameof (c));
      printf (" %.2f %.2f %.2f %.2f", bb.LL.x, bb.LL.y, bb.UR.x, bb.UR.y);
      textlabel_t *lbl = GD_label (c);
      if (lbl && lbl->set)
        printf (" label %.2f %.2f", lbl->pos.x, lbl->pos.y);
      print_attrs (root, c, AGRAPH, TRUE);
      if (lbl)
        {
          g_autofree char *text = label_text (lbl, NULL);
          put_kv ("label", text);
        }
      printf ("\n");
      print_clusters (root, c, depth + 1);
    }
}

static void
print_scene (Agraph_t *g)
{
  boxf bb = GD_bb (g);
  printf ("graph %.2f %.2f %.2f %.2f", bb.LL.x, bb.LL.y, bb.UR.x, bb.UR.y);
  textlabel_t *glbl = GD_label (g);
  if (glbl && glbl->set)
    printf (" label %.2f %.2f", glbl->pos.x, glbl->pos.y);
  print_attrs (g, g, AGRAPH, TRUE);
  if (glbl)
    {
      g_autofree char *text = label_text (glbl, NULL);
      put_kv ("label", text);
    }
  printf ("\n");
  print_clusters (g, g, 0);
  for (Agnode_t *node = agfstnode (g); node; node = agnxtnode (g, node))
    {
      printf ("node ");
      put_escaped (agnameof (node));
      printf (" %.2f %.2f %.2f %.2f", ND_coord (node).x, ND_coord (node).y,
              ND_width (node) * 72.0, ND_height (node) * 72.0);
      print_attrs (g, node, AGNODE, TRUE);
      g_autofree char *text = label_text (ND_label (node), agget (node, "shape"));
      put_kv ("label", text);
      printf ("\n");
    }
  guint index = 0;
  for (Agnode_t *node = agfstnode (g); node; node = agnxtnode (g, node))
    for (Agedge_t *e = agfstout (g, node); e; e = agnxtout (g, e), index++)
      {
        printf ("edge %u ", index);
        put_escaped (agnameof (agtail (e)));
        printf (" ");
        put_escaped (agnameof (aghead (e)));
        print_edge_geometry (e);
        textlabel_t *lbl = ED_label (e);
        print_attrs (g, e, AGEDGE, TRUE);
        if (lbl)
          {
            g_autofree char *text = label_text (lbl, NULL);
            put_kv ("label", text);
          }
        printf ("\n");
      }
}

/* Sets a graph attribute unless the file set it: Graphviz's own limits on its iterations. */
static void
bound_effort (Agraph_t *g, const char *name, const char *value)
{
  Agsym_t *sym = agattr (g, AGRAPH, (char *) name, NULL);
  if (sym == NULL)
    /* Declared with this default, as `nslimit=2` at the top of a file would be: clusters are
     * ranked with it too (an empty value would mean zero iterations there). */
    agattr (g, AGRAPH, (char *) name, (char *) value);
  else if (agxget (g, sym) == NULL || *agxget (g, sym) == '\0')
    agxset (g, sym, (char *) value);
}

static int
run_import (const char *engine, gboolean engine_given)
{
  static const char *const engines[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi",
                                         "osage", "patchwork", NULL };
  /* Graphviz's pango plugin warns through GLib (invalid UTF-8 in a label, …); an inherited
   * G_DEBUG=fatal-warnings must not turn that into a crash. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  gv_messages = g_string_new (NULL);
  agseterrf (collect_message);
  atexit (flush_messages);
  removals = g_ptr_array_new ();
  removal_by_key = g_hash_table_new (g_str_hash, g_str_equal);

  GString *input = g_string_new (NULL);
  char buf[65536];
  size_t n;
  while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
    g_string_append_len (input, buf, n);

  GVC_t *gvc = gvContext ();
  Agraph_t *g = agmemread (input->str);
  if (g == NULL)
    {
      /* "Error: syntax error in line 3 near 'x'": keep Graphviz's words, which name the line. */
      g_autofree char *msg = g_strstrip (g_strdup (gv_messages->str));
      g_string_truncate (gv_messages, 0);
      if (g_str_has_prefix (msg, "Error: "))
        memmove (msg, msg + 7, strlen (msg + 7) + 1);
      fprintf (stderr, "%s\n", *msg ? msg : input->len ? "not a DOT graph" : "the file is empty");
      return 3;
    }
  if (!engine_given)
    {
      const char *layout = agget (g, "layout");
      if (layout && *layout)
        {
          if (g_strv_contains (engines, layout))
            engine = layout;
          else
            {
              g_autofree char *what = g_strdup_printf ("Ignored layout=\"%s\"", layout);
              note_removal (what, "the graph", "not a Graphviz engine Rawabit offers; using dot");
            }
        }
    }
  /* gvLayout() switches to the graph's `layout` on its own: make it say what we chose. */
  if (agattr (g, AGRAPH, "layout", NULL))
    agsafeset (g, "layout", (char *) engine, "");

  sanitize (g);
  guint size = (guint) (agnnodes (g) + agnedges (g));
  bound_effort (g, "nslimit", size > 2000 ? "2" : "20");
  bound_effort (g, "nslimit1", size > 2000 ? "2" : "20");
  bound_effort (g, "mclimit", size > 2000 ? "0.2" : "1");
  bound_effort (g, "maxiter", size > 2000 ? "200" : "1000");

  printf ("engine %s %s\n", engine, agisdirected (g) ? "digraph" : "graph");
  for (guint i = 0; i < removals->len; i++)
    {
      Removal *r = g_ptr_array_index (removals, i);
      g_autofree char *text
        = r->count > 1 ? g_strdup_printf ("%s from %s and %u more: %s", r->message, r->where,
                                          r->count - 1, r->reason)
                       : g_strdup_printf ("%s from %s: %s", r->message, r->where, r->reason);
      printf ("warning ");
      put_escaped (text);
      printf ("\n");
    }

  if (gvLayout (gvc, g, engine) != 0)
    {
      fprintf (stderr, "Graphviz could not lay out the graph with %s\n", engine);
      return 4;
    }
  print_scene (g);
  fflush (stdout);
  /* The parent has what it needs; Graphviz's warnings matter only when it fails. */
  g_string_truncate (gv_messages, 0);
  gvFreeLayout (gvc, g);
  agclose (g);
  gvFreeContext (gvc);
  g_string_free (input, TRUE);
  return 0;
}

int
main (int argc, char **argv)
{
  const char *engine = "dot";
  gboolean import = FALSE, engine_given = FALSE;
  guint timeout = 60;
  guint64 memory_mb = 4096;
  setlocale (LC_NUMERIC, "C");

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--engine") && i + 1 < argc)
        engine = argv[++i], engine_given = TRUE;
      else if (g_str_equal (argv[i], "--import"))
        import = TRUE;
      else if (g_str_equal (argv[i], "--timeout") && i + 1 < argc)
        timeout = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--memory-mb") && i + 1 < argc)
        memory_mb = g_ascii_strtoull (argv[++i], NULL, 10);
      else
        {
          fprintf (stderr, "usage: rawabit-layout [--import] [--engine E] [--timeout S] "
                           "[--memory-mb M] < graph.gv\n");
          return 2;
        }
    }
  static const char *const engines[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL };
  if (!g_strv_contains (engines, engine))
    {
      fprintf (stderr, "unknown layout engine “%s”\n", engine);
      return 2;
    }
  if (timeout > 0)
    {
      limit (RLIMIT_CPU, timeout);
      alarm (timeout + 1);
    }
  limit (RLIMIT_AS, (rlim_t) memory_mb * 1024 * 1024);
  /* Belt and braces: the parent sets it too. Graphviz then refuses to open image, shape and
   * font files named by the graph. */
  g_setenv ("SERVER_NAME", "rawabit-layout", TRUE);

  if (import)
    return run_import (engine, engine_given);

  GString *input = g_string_new (NULL);
  char buf[65536];
  size_t n;
  while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
    g_string_append_len (input, buf, n);

  GVC_t *gvc = gvContext ();
  Agraph_t *g = agmemread (input->str);
  if (g == NULL)
    {
      fprintf (stderr, "Graphviz could not read the graph (DOT syntax error)\n");
      return 3;
    }
  if (gvLayout (gvc, g, engine) != 0)
    {
      fprintf (stderr, "Graphviz could not lay out the graph with %s\n", engine);
      return 4;
    }

  boxf bb = GD_bb (g);
  printf ("graph %.2f %.2f %.2f %.2f\n", bb.LL.x, bb.LL.y, bb.UR.x, bb.UR.y);
  for (Agnode_t *node = agfstnode (g); node; node = agnxtnode (g, node))
    {
      printf ("node ");
      put_escaped (agnameof (node));
      printf (" %.2f %.2f %.2f %.2f\n", ND_coord (node).x, ND_coord (node).y,
              ND_width (node) * 72.0, ND_height (node) * 72.0);
    }
  for (Agnode_t *node = agfstnode (g); node; node = agnxtnode (g, node))
    for (Agedge_t *e = agfstout (g, node); e; e = agnxtout (g, e))
      {
        const char *id = agget (e, "id");
        printf ("edge ");
        put_escaped (id && *id ? id : "-");
        printf (" ");
        put_escaped (agnameof (agtail (e)));
        printf (" ");
        put_escaped (agnameof (aghead (e)));
        print_edge_geometry (e);
        printf ("\n");
      }
  fflush (stdout);
  gvFreeLayout (gvc, g);
  agclose (g);
  gvFreeContext (gvc);
  g_string_free (input, TRUE);
  return 0;
}
