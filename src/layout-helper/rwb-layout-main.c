/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-layout-main.c — `rawabit-layout`, the Graphviz child process.
 *
 * Reads a DOT graph on stdin, lays it out with the engine named by --engine and prints what
 * Graphviz itself writes for `-Tjson0` (positions, sizes, edge splines) or, with --import,
 * `-Tjson` (the same plus the `_draw_`/`_ldraw_` operations with resolved colours and fonts), on
 * stdout. It runs apart from the app because Graphviz 2.42 is not thread-safe, cannot be
 * interrupted and crashes on some inputs: here a crash or a runaway layout only ends this
 * process.
 *
 * Its limits: an address-space cap from the start; a CPU-time limit and a wall-clock alarm
 * from the moment the whole input has arrived; death with its parent (PR_SET_PDEATHSIG, and a
 * check that the parent that started it is still there). Its second layer against files named
 * by a graph (the first is the import cleaner, sanitize() below): once Graphviz's plugins and
 * fonts are loaded, a Landlock ruleset lets the process read only the font and fontconfig
 * directories and Graphviz's plugin directory, and write nowhere (see sandbox_files()).
 *
 * With --import it opens any DOT file: attributes that would read other files are removed and
 * reported on stderr as "rawabit-warning: TEXT" lines, and the engine chosen is written into the
 * graph's `layout` attribute, so the JSON says which it was.
 */
#define G_LOG_DOMAIN "rawabit-layout"

#include "rwb-config.h"

#include <errno.h>
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <gvc.h>
#include <json-glib/json-glib.h>
#include <linux/landlock.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Exit statuses the parent tells apart (rwb-layout.c, rwb-dot.c). */
#define EXIT_USAGE 2
#define EXIT_SYNTAX 3
#define EXIT_LAYOUT 4
#define EXIT_COORDS 5

/* Largest coordinate, in points, a layout may have: about 3.5 km. cairo's fixed-point
 * coordinates end near 8 million device units, and nothing real is that large. */
#define MAX_COORD 1e7

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

/* ---- Dying with the parent. ---- */

/* SIGKILL when the thread that started us ends, and an exit if it already has: a parent killed
 * between fork and prctl would otherwise leave us orphaned until our time limit. The parent's
 * pid comes in RAWABIT_PARENT_PID (rwb-layout.c sets it). */
static void
die_with_parent (void)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  const char *parent = g_getenv ("RAWABIT_PARENT_PID");
  if (parent && *parent && (pid_t) g_ascii_strtoll (parent, NULL, 10) != getppid ())
    _exit (EXIT_USAGE);
}

/* ---- The second layer: Landlock. ---- */

static void
allow_read (int ruleset, const char *where, guint64 access)
{
  int fd = open (where, O_PATH | O_CLOEXEC);
  if (fd < 0)
    return;
  struct landlock_path_beneath_attr rule = { .allowed_access = access, .parent_fd = fd };
  /* A file (not a directory) takes only file rights. */
  struct stat st;
  if (fstat (fd, &st) == 0 && !S_ISDIR (st.st_mode))
    rule.allowed_access &= LANDLOCK_ACCESS_FS_READ_FILE;
  syscall (SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
  close (fd);
}

static void
allow_fc_list (int ruleset, FcStrList *list, guint64 access)
{
  if (list == NULL)
    return;
  FcChar8 *s;
  while ((s = FcStrListNext (list)) != NULL)
    allow_read (ruleset, (const char *) s, access);
  FcStrListDone (list);
}

/* From here on the process opens no file but fonts, fontconfig's configuration and cache, and
 * Graphviz's plugins, and those only for reading; nothing anywhere for writing (stdout and
 * stderr are open already). A graph that names /etc/passwd as an image gets EACCES from the
 * kernel whatever Graphviz does. Returns FALSE when the kernel has no Landlock. */
static gboolean
sandbox_files (void)
{
  int abi = (int) syscall (SYS_landlock_create_ruleset, NULL, 0,
                           LANDLOCK_CREATE_RULESET_VERSION);
  if (abi < 1)
    return FALSE;
  struct landlock_ruleset_attr attr = {
    .handled_access_fs = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE
                         | LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR
                         | LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE
                         | LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR
                         | LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK
                         | LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK
                         | LANDLOCK_ACCESS_FS_MAKE_SYM,
  };
#ifdef LANDLOCK_ACCESS_FS_REFER
  if (abi >= 2)
    attr.handled_access_fs |= LANDLOCK_ACCESS_FS_REFER;
#endif
  int ruleset = (int) syscall (SYS_landlock_create_ruleset, &attr, sizeof attr, 0);
  if (ruleset < 0)
    return FALSE;
  const guint64 read = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;
  FcConfig *fc = FcConfigGetCurrent ();
  allow_fc_list (ruleset, FcConfigGetFontDirs (fc), read);
  allow_fc_list (ruleset, FcConfigGetConfigDirs (fc), read);
  allow_fc_list (ruleset, FcConfigGetConfigFiles (fc), read);
  allow_fc_list (ruleset, FcConfigGetCacheDirs (fc), read);
  /* fontconfig's own cache directory, and the system font trees it may not list. */
  /* libthai: pango breaks Thai lines with its dictionary. */
  static const char *const extra[] = { "/var/cache/fontconfig", "/usr/share/fonts", "/usr/share/libthai",
                                       "/usr/local/share/fonts", "/etc/fonts", NULL };
  for (guint i = 0; extra[i]; i++)
    allow_read (ruleset, extra[i], read);
  allow_read (ruleset, RWB_GRAPHVIZ_PLUGIN_DIR, read | LANDLOCK_ACCESS_FS_EXECUTE);
  gboolean ok = prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0
                && syscall (SYS_landlock_restrict_self, ruleset, 0) == 0;
  close (ruleset);
  return ok;
}

/* Loads what Graphviz loads lazily — the engine's and the JSON writer's plugins, the text
 * layout plugin and with it fontconfig — by laying out and writing a two-node graph with a
 * label, so the sandbox that follows need not allow their files. */
static void
warm_up (GVC_t *gvc, const char *engine, const char *format, gboolean text)
{
  /* Without text (a big Rawabit graph: fixed-size boxes, no labels) pango and fontconfig are
   * never needed, and loading them is a tenth of a second. */
  Agraph_t *g = agmemread (text ? "digraph { a [label=\"Aa شركة\"]; a -> b [label=\"x\"]; }"
                                : "digraph { node [label=\"\", shape=box]; a -> b; }");
  if (g == NULL)
    return;
  if (gvLayout (gvc, g, engine) == 0)
    {
      char *data = NULL;
      unsigned int len = 0;
      if (gvRenderData (gvc, g, format, &data, &len) == 0)
        gvFreeRenderData (data);
      gvFreeLayout (gvc, g);
    }
  agclose (g);
}

/* ---- Messages. ---- */

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

/* One removal, reported once with where it was first seen and how often. */
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

/* "rawabit-warning: TEXT", one line each, TEXT valid UTF-8 without line breaks. */
static void
print_warnings (void)
{
  for (guint i = 0; removals && i < removals->len; i++)
    {
      Removal *r = g_ptr_array_index (removals, i);
      g_autofree char *text
        = r->count > 1 ? g_strdup_printf ("%s from %s and %u more: %s", r->message, r->where,
                                          r->count - 1, r->reason)
                       : g_strdup_printf ("%s from %s: %s", r->message, r->where, r->reason);
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      g_strdelimit (valid, "\r\n", ' ');
      fprintf (stderr, "rawabit-warning: %s\n", valid);
    }
}

static char *
shorten (const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);
  if (g_utf8_strlen (valid, -1) > 60)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, 57);
      return g_strconcat (head, "…", NULL);
    }
  return g_steal_pointer (&valid);
}

/* ---- The first layer: the import cleaner. ---- */

static const char *const file_attrs[] = { "image", "imagepath", "shapefile", "fontpath",
                                          "fontnames", "stylesheet", NULL };
static const char *const label_attrs[] = { "label", "xlabel", "headlabel", "taillabel", NULL };

/* Removes from @obj every attribute value that would make Graphviz read another file. */
static void
sanitize_object (Agraph_t *root, void *obj, int kind, const char *where)
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
          /* The label stays HTML, with its text and fonts; only the images go. */
          g_autoptr (GRegex) img = g_regex_new ("<\\s*img\\b[^>]*>(\\s*<\\s*/\\s*img\\s*>)?",
                                                G_REGEX_CASELESS, 0, NULL);
          g_autofree char *text = g_regex_replace_literal (img, value, -1, 0, "", 0, NULL);
          char *html = agstrdup_html (root, text ? text : "");
          agxset (obj, sym, html);
          agstrfree (root, html);
          g_autofree char *what = g_strdup_printf ("Removed an image from an HTML %s",
                                                   sym->name);
          note_removal (what, where, "Rawabit does not read other files");
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
  sanitize_object (root, g, AGRAPH, where);
  for (Agraph_t *sub = agfstsubg (g); sub; sub = agnxtsubg (sub))
    sanitize_graph (root, sub);
}

static void
sanitize (Agraph_t *g)
{
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    {
      g_autofree char *where = g_strdup_printf ("node %s", agnameof (n));
      sanitize_object (g, n, AGNODE, where);
    }
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e; e = agnxtout (g, e))
      {
        g_autofree char *where = g_strdup_printf ("edge %s %s %s", agnameof (agtail (e)),
                                                  agisdirected (g) ? "->" : "--",
                                                  agnameof (aghead (e)));
        sanitize_object (g, e, AGEDGE, where);
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

/* ---- Checking and writing the result. ---- */

static gboolean
coord_ok (double v)
{
  return isfinite (v) && fabs (v) <= MAX_COORD;
}

static gboolean
point_ok (pointf p)
{
  return coord_ok (p.x) && coord_ok (p.y);
}

static gboolean
label_ok (textlabel_t *l)
{
  return l == NULL || !l->set || point_ok (l->pos);
}

static gboolean
clusters_ok (Agraph_t *g)
{
  for (int i = 1; i <= GD_n_cluster (g); i++)
    {
      Agraph_t *c = GD_clust (g)[i];
      if (!point_ok (GD_bb (c).LL) || !point_ok (GD_bb (c).UR) || !label_ok (GD_label (c))
          || !clusters_ok (c))
        return FALSE;
    }
  return TRUE;
}

/* Whether every coordinate of the layout is a finite number of sane size: Graphviz writes
 * `inf` and `nan` (not JSON) for a graph that pins nodes at ±1e308, and the parent could not
 * draw such a picture anyway. Names the first bad object in @what. */
static gboolean
layout_ok (Agraph_t *g, char **what)
{
  if (!point_ok (GD_bb (g).LL) || !point_ok (GD_bb (g).UR) || !label_ok (GD_label (g)))
    {
      *what = g_strdup ("the graph's bounding box");
      return FALSE;
    }
  if (!clusters_ok (g))
    {
      *what = g_strdup ("a cluster");
      return FALSE;
    }
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    {
      if (!point_ok (ND_coord (n)) || !coord_ok (ND_width (n) * 72)
          || !coord_ok (ND_height (n) * 72) || !label_ok (ND_label (n))
          || !label_ok (ND_xlabel (n)))
        {
          *what = g_strdup_printf ("node %s", agnameof (n));
          return FALSE;
        }
      for (Agedge_t *e = agfstout (g, n); e; e = agnxtout (g, e))
        {
          gboolean ok = label_ok (ED_label (e)) && label_ok (ED_xlabel (e))
                        && label_ok (ED_head_label (e)) && label_ok (ED_tail_label (e));
          splines *spl = ED_spl (e);
          for (int i = 0; ok && spl && i < spl->size; i++)
            {
              bezier *bz = &spl->list[i];
              for (int k = 0; ok && k < bz->size; k++)
                ok = point_ok (bz->list[k]);
              ok = ok && (!bz->sflag || point_ok (bz->sp)) && (!bz->eflag || point_ok (bz->ep));
            }
          if (!ok)
            {
              *what = g_strdup_printf ("edge %s %s %s", agnameof (agtail (e)),
                                       agisdirected (g) ? "->" : "--", agnameof (aghead (e)));
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* Graphviz 2.42's JSON writer copies strings as they are: control characters stay raw and bytes
 * that are not UTF-8 (a Latin-1 file) pass through, so the result is not JSON. Inside strings
 * this escapes both as \u00XX: a stray byte reads as its Latin-1 character, as Graphviz itself
 * treats it, and two names that differ in such bytes stay apart. Outside strings it drops the
 * trailing commas Graphviz sometimes leaves. */
static void
write_json (const char *data, gsize len)
{
  GString *out = g_string_sized_new (len + 64);
  gboolean in_string = FALSE;
  const char *end = data + len;
  for (const char *p = data; p < end;)
    {
      guchar c = (guchar) *p;
      if (!in_string)
        {
          if (c == '"')
            in_string = TRUE;
          if (c == ',')
            {
              /* It also leaves a comma before the `]` of a list whose last subgraph it
               * skipped (issue 2282 of Graphviz's tracker reproduces it). */
              const char *q = p + 1;
              while (q < end && g_ascii_isspace (*q))
                q++;
              if (q < end && (*q == ']' || *q == '}'))
                {
                  p++;
                  continue;
                }
            }
          g_string_append_c (out, (char) c);
          p++;
          continue;
        }
      if (c == '\\' && p + 1 < end)
        {
          g_string_append_len (out, p, 2);
          p += 2;
          continue;
        }
      if (c == '"')
        {
          in_string = FALSE;
          g_string_append_c (out, '"');
          p++;
          continue;
        }
      if (c < 0x20 || c == 0x7f)
        {
          g_string_append_printf (out, "\\u%04x", c);
          p++;
          continue;
        }
      if (c < 0x80)
        {
          g_string_append_c (out, (char) c);
          p++;
          continue;
        }
      gunichar u = g_utf8_get_char_validated (p, end - p);
      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          g_string_append_printf (out, "\\u%04x", c);
          p++;
          continue;
        }
      const char *next = g_utf8_next_char (p);
      g_string_append_len (out, p, next - p);
      p = next;
    }
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
  g_string_free (out, TRUE);
}

static GString *
read_all (FILE *in)
{
  GString *input = g_string_new (NULL);
  char buf[65536];
  size_t n;
  while ((n = fread (buf, 1, sizeof buf, in)) > 0)
    g_string_append_len (input, buf, n);
  return input;
}

/* A string for JSON: UTF-8 as it is, any other byte read as Latin-1, as write_json does. */
static char *
json_text (const char *s)
{
  if (g_utf8_validate (s, -1, NULL))
    return g_strdup (s);
  GString *out = g_string_new (NULL);
  for (const char *p = s; *p;)
    {
      const char *end;
      if (g_utf8_validate (p, -1, &end))
        end = p + strlen (p);
      g_string_append_len (out, p, end - p);
      p = end;
      if (*p)
        g_string_append_unichar (out, (guchar) *p++);
    }
  return g_string_free (out, FALSE);
}

static void
add_member (JsonBuilder *b, const char *key, const char *value)
{
  g_autofree char *k = json_text (key);
  g_autofree char *v = json_text (value);
  json_builder_set_member_name (b, k);
  json_builder_add_string_value (b, v);
}

/* The attributes of @obj that have a value, skipping the members the reader counts on. */
static void
add_attrs (JsonBuilder *b, Agraph_t *g, void *obj, int kind)
{
  for (Agsym_t *sym = agnxtattr (g, kind, NULL); sym; sym = agnxtattr (g, kind, sym))
    {
      const char *value = agxget (obj, sym);
      if (value == NULL || *value == '\0' || sym->name[0] == '_'
          || g_str_equal (sym->name, "name") || g_str_equal (sym->name, "tail")
          || g_str_equal (sym->name, "head"))
        continue;
      add_member (b, sym->name, value);
      /* What Graphviz's dot_json cannot say: whether a label was HTML. */
      if (kind == AGNODE && g_str_equal (sym->name, "label") && aghtmlstr ((char *) value))
        add_member (b, "rawabit_html_label", "1");
    }
}

/* --no-layout: the graph's nodes, edges and attributes in the shape of Graphviz's dot_json
 * (which Graphviz 2.42 writes only after a layout), through json-glib, with no layout at all:
 * converting a DOT file to a format without positions needs nothing more. */
static void
write_graph_json (Agraph_t *g)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  add_member (b, "name", agnameof (g));
  json_builder_set_member_name (b, "directed");
  json_builder_add_boolean_value (b, agisdirected (g));
  json_builder_set_member_name (b, "strict");
  json_builder_add_boolean_value (b, agisstrict (g));
  add_attrs (b, g, g, AGRAPH);
  json_builder_set_member_name (b, "_subgraph_cnt");
  json_builder_add_int_value (b, 0);
  g_autoptr (GHashTable) ids = g_hash_table_new (NULL, NULL);
  json_builder_set_member_name (b, "objects");
  json_builder_begin_array (b);
  guint id = 0;
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n), id++)
    {
      g_hash_table_insert (ids, n, GUINT_TO_POINTER (id));
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "_gvid");
      json_builder_add_int_value (b, id);
      add_member (b, "name", agnameof (n));
      add_attrs (b, g, n, AGNODE);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "edges");
  json_builder_begin_array (b);
  guint edge_id = 0;
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e; e = agnxtout (g, e))
      {
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "_gvid");
        json_builder_add_int_value (b, edge_id++);
        json_builder_set_member_name (b, "tail");
        json_builder_add_int_value (b, GPOINTER_TO_UINT (g_hash_table_lookup (ids, agtail (e))));
        json_builder_set_member_name (b, "head");
        json_builder_add_int_value (b, GPOINTER_TO_UINT (g_hash_table_lookup (ids, aghead (e))));
        add_attrs (b, g, e, AGEDGE);
        json_builder_end_object (b);
      }
  json_builder_end_array (b);
  json_builder_end_object (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  gsize len = 0;
  g_autofree char *text = json_generator_to_data (gen, &len);
  fwrite (text, 1, len, stdout);
  fflush (stdout);
}

typedef struct {
  const char *engine;
  gboolean engine_given;
  gboolean import;
  gboolean no_layout; /* --no-layout (with --import): the graph only, as Graphviz's dot_json */
  gboolean sanitize;  /* --no-sanitize (tests only): the cleaner off, to test the sandbox */
  gboolean sandbox;   /* --no-sandbox (tests only): Landlock off */
  guint timeout;
} Options;

static int
run (const Options *o)
{
  static const char *const engines[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi",
                                         "osage", "patchwork", NULL };
  const char *engine = o->engine;
  const char *format = o->import ? "json" : "json0";
  /* Graphviz's pango plugin warns through GLib (invalid UTF-8 in a label, …); an inherited
   * G_DEBUG=fatal-warnings must not turn that into a crash. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  gv_messages = g_string_new (NULL);
  agseterrf (collect_message);
  atexit (flush_messages);
  removals = g_ptr_array_new ();
  removal_by_key = g_hash_table_new (g_str_hash, g_str_equal);

  g_autoptr (GString) input = read_all (stdin);
  /* The clock starts now that the input is here: a parent slow to write (a big graph) does
   * not use up Graphviz's time. RLIMIT_CPU counts from the process start. */
  if (o->timeout > 0)
    {
      struct rusage ru;
      getrusage (RUSAGE_SELF, &ru);
      limit (RLIMIT_CPU, (rlim_t) ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + 1 + o->timeout);
      alarm (o->timeout + 1);
    }

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
      return EXIT_SYNTAX;
    }
  if (o->import)
    {
      if (!o->engine_given)
        {
          const char *layout = agget (g, "layout");
          if (layout && *layout)
            {
              if (g_strv_contains (engines, layout))
                engine = layout;
              else
                {
                  g_autofree char *what = g_strdup_printf ("Ignored layout=\"%s\"", layout);
                  note_removal (what, "the graph",
                                "not a Graphviz engine Rawabit offers; using dot");
                }
            }
        }
      /* gvLayout() switches to the graph's `layout` on its own: make it say what we chose,
       * which also tells the parent. */
      agsafeset (g, "layout", (char *) engine, "");
      if (o->sanitize)
        sanitize (g);
      guint size = (guint) (agnnodes (g) + agnedges (g));
      if (!o->no_layout)
        {
          bound_effort (g, "nslimit", size > 2000 ? "2" : "20");
          bound_effort (g, "nslimit1", size > 2000 ? "2" : "20");
          bound_effort (g, "mclimit", size > 2000 ? "0.2" : "1");
          bound_effort (g, "maxiter", size > 2000 ? "200" : "1000");
        }
    }

  /* Rawabit's own DOT names a font only on the edge labels of small graphs. */
  if (!o->no_layout)
    warm_up (gvc, engine, format, o->import || strstr (input->str, "fontname=") != NULL);
  if (o->sandbox && !sandbox_files ())
    fprintf (stderr, "rawabit-warning: this system has no Landlock: the layout helper cannot "
                     "forbid itself to open files\n");

  if (o->no_layout)
    {
      write_graph_json (g);
      print_warnings ();
      g_string_truncate (gv_messages, 0);
      agclose (g);
      gvFreeContext (gvc);
      return 0;
    }
  if (gvLayout (gvc, g, engine) != 0)
    {
      fprintf (stderr, "Graphviz could not lay out the graph with %s\n", engine);
      return EXIT_LAYOUT;
    }
  g_autofree char *bad = NULL;
  if (!layout_ok (g, &bad))
    {
      g_autofree char *shown = shorten (bad);
      fprintf (stderr, "Graphviz placed %s at coordinates that cannot be drawn (infinite, not a "
                       "number, or beyond ±10 million points)\n", shown);
      return EXIT_COORDS;
    }
  char *data = NULL;
  unsigned int len = 0;
  if (gvRenderData (gvc, g, format, &data, &len) != 0 || data == NULL)
    {
      fprintf (stderr, "Graphviz could not write the layout\n");
      return EXIT_LAYOUT;
    }
  write_json (data, len);
  gvFreeRenderData (data);
  print_warnings ();
  /* The parent has what it needs; Graphviz's warnings matter only when it fails. */
  g_string_truncate (gv_messages, 0);
  gvFreeLayout (gvc, g);
  agclose (g);
  gvFreeContext (gvc);
  return 0;
}

int
main (int argc, char **argv)
{
  Options o = { .engine = "dot", .sanitize = TRUE, .sandbox = TRUE, .timeout = 60 };
  guint64 memory_mb = 4096;
  setlocale (LC_NUMERIC, "C");
  die_with_parent ();

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--engine") && i + 1 < argc)
        o.engine = argv[++i], o.engine_given = TRUE;
      else if (g_str_equal (argv[i], "--import"))
        o.import = TRUE;
      else if (g_str_equal (argv[i], "--no-layout"))
        o.no_layout = o.import = TRUE;
      else if (g_str_equal (argv[i], "--no-sanitize"))
        o.sanitize = FALSE;
      else if (g_str_equal (argv[i], "--no-sandbox"))
        o.sandbox = FALSE;
      else if (g_str_equal (argv[i], "--timeout") && i + 1 < argc)
        o.timeout = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--memory-mb") && i + 1 < argc)
        memory_mb = g_ascii_strtoull (argv[++i], NULL, 10);
      else
        {
          fprintf (stderr, "usage: rawabit-layout [--import [--no-layout]] [--engine E] [--timeout S] "
                           "[--memory-mb M] < graph.gv\n");
          return EXIT_USAGE;
        }
    }
  static const char *const engines[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL };
  if (!g_strv_contains (engines, o.engine))
    {
      fprintf (stderr, "unknown layout engine “%s”\n", o.engine);
      return EXIT_USAGE;
    }
  limit (RLIMIT_AS, (rlim_t) memory_mb * 1024 * 1024);
  /* Belt and braces (the parent sets it too): Graphviz then refuses some of the files a graph
   * names — not all, hence the cleaner and the sandbox. */
  g_setenv ("SERVER_NAME", "rawabit-layout", TRUE);
  return run (&o);
}
