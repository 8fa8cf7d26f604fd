/* rwb-layout-main.c — `rawabit-layout`, the Graphviz child process.
 *
 * Reads a DOT graph on stdin, lays it out with the engine named by --engine and prints the
 * geometry on stdout in a small line format (see rwb-layout.c). It runs apart from the app
 * because Graphviz 2.42 is not thread-safe, cannot be interrupted and crashes on some inputs:
 * here a crash or a runaway layout only ends this process. It limits itself (address space,
 * CPU time, a wall-clock alarm) and Graphviz's file access is off through SERVER_NAME, set by
 * the parent.
 */
#define G_LOG_DOMAIN "rawabit-layout"

#include <glib.h>
#include <gvc.h>
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

static void
print_name (const char *s)
{
  /* Names go on one line: escape what could break the line format. */
  for (; *s; s++)
    {
      if (*s == '\\' || *s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')
        printf ("\\x%02x", (unsigned char) *s);
      else
        putchar (*s);
    }
}

int
main (int argc, char **argv)
{
  const char *engine = "dot";
  guint timeout = 60;
  guint64 memory_mb = 4096;
  setlocale (LC_NUMERIC, "C");

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--engine") && i + 1 < argc)
        engine = argv[++i];
      else if (g_str_equal (argv[i], "--timeout") && i + 1 < argc)
        timeout = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--memory-mb") && i + 1 < argc)
        memory_mb = g_ascii_strtoull (argv[++i], NULL, 10);
      else
        {
          fprintf (stderr, "usage: rawabit-layout [--engine E] [--timeout S] [--memory-mb M] "
                           "< graph.gv\n");
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
      print_name (agnameof (node));
      printf (" %.2f %.2f %.2f %.2f\n", ND_coord (node).x, ND_coord (node).y,
              ND_width (node) * 72.0, ND_height (node) * 72.0);
    }
  for (Agnode_t *node = agfstnode (g); node; node = agnxtnode (g, node))
    for (Agedge_t *e = agfstout (g, node); e; e = agnxtout (g, e))
      {
        const char *id = agget (e, "id");
        printf ("edge ");
        print_name (id && *id ? id : "-");
        printf (" ");
        print_name (agnameof (agtail (e)));
        printf (" ");
        print_name (agnameof (aghead (e)));
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
        printf ("\n");
      }
  fflush (stdout);
  gvFreeLayout (gvc, g);
  agclose (g);
  gvFreeContext (gvc);
  g_string_free (input, TRUE);
  return 0;
}
