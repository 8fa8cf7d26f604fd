/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-extract — extraction throughput on a large input.
 *
 * Usage: bench-extract [--mb N] [FILE...]
 * Builds an article of about N MB (default 50) by repeating FILEs (default: the bundled sample
 * and an English article from tests/data), extracts it once with the shipped lexicon and
 * reports MB/s of text, entities, relations and peak resident memory. Not part of meson test.
 */
#include "rwb-extract.h"
#include "rwb-text.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

static long
peak_rss_mb (void)
{
  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

int
main (int argc, char **argv)
{
  double mb = 50;
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--mb") && i + 1 < argc)
        mb = g_ascii_strtod (argv[++i], NULL);
      else
        g_ptr_array_add (inputs, g_strdup (argv[i]));
    }
  if (inputs->len == 0)
    {
      g_ptr_array_add (inputs, g_build_filename (RWB_SOURCE_ROOT, "data", "samples",
                                                 "xiaomi-great-wall-ar.txt", NULL));
      g_ptr_array_add (inputs, g_build_filename (RWB_SOURCE_ROOT, "tests", "data",
                                                 "article-en-acme.txt", NULL));
    }
  GString *text = g_string_new (NULL);
  g_autoptr (GString) unit = g_string_new (NULL);
  for (guint i = 0; i < inputs->len; i++)
    {
      g_autofree char *data = NULL;
      g_autoptr (GError) error = NULL;
      if (!g_file_get_contents (g_ptr_array_index (inputs, i), &data, NULL, &error))
        {
          fprintf (stderr, "bench-extract: %s\n", error->message);
          return 1;
        }
      g_string_append (unit, data);
      g_string_append (unit, "\n\n");
    }
  while (text->len < mb * 1024 * 1024)
    g_string_append_len (text, unit->str, unit->len);

  g_autoptr (GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr (RwbLexicon) lex = rwb_lexicon_new_default (NULL, &error);
  gint64 t1 = g_get_monotonic_time ();
  g_autoptr (RwbGraph) graph = rwb_graph_new ();
  /* The graph keeps the document text (for evidence); hand it over instead of copying. */
  guint doc = rwb_graph_add_document (graph, NULL, "ar", NULL);
  RwbDocument *d = g_ptr_array_index (graph->documents, doc);
  gsize bytes = text->len;
  d->text = g_string_free (text, FALSE);
  long rss_before = peak_rss_mb ();
  if (!rwb_extract_document (lex, graph, doc, NULL, &error))
    {
      fprintf (stderr, "bench-extract: %s\n", error->message);
      return 1;
    }
  gint64 t2 = g_get_monotonic_time ();
  double secs = (t2 - t1) / 1e6;
  guint evidence = 0;
  for (guint i = 0; i < graph->relations->len; i++)
    evidence += ((RwbRelation *) g_ptr_array_index (graph->relations, i))->evidence->len;
  printf ("input            %.1f MB (%u copies of %u file(s))\n", bytes / 1048576.0,
          (guint) (bytes / unit->len), inputs->len);
  printf ("lexicon load     %.3f s\n", (t1 - t0) / 1e6);
  printf ("extraction       %.3f s\n", secs);
  printf ("throughput       %.1f MB/s\n", bytes / 1048576.0 / secs);
  printf ("graph            %u entities, %u relations, %u evidence sentences\n",
          graph->entities->len, graph->relations->len, evidence);
  printf ("peak RSS         %ld MB (input text alone %.0f MB; %ld MB before extraction)\n",
          peak_rss_mb (), bytes / 1048576.0, rss_before);
  return 0;
}
