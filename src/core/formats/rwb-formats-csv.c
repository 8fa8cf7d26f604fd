/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-formats-csv.c — CSV (RFC 4180) for spreadsheets and tables: nodes.csv and edges.csv in
 * one folder. Written only: two CSV files cannot carry what a graph file does.
 */
#define G_LOG_DOMAIN "rawabit-formats"

#include "rwb-formats-private.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

/* ---- CSV ---- */

/* RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
static void
csv_field (GString *s, const char *value, gboolean last)
{
  if (value && strpbrk (value, ",\"\r\n"))
    {
      g_string_append_c (s, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (s, '"');
          g_string_append_c (s, *p);
        }
      g_string_append_c (s, '"');
    }
  else if (value)
    g_string_append (s, value);
  g_string_append (s, last ? "\r\n" : ",");
}

static char *
write_nodes_csv (RwbGraph *graph, const RwbScene *scene)
{
  g_autofree guint *scene_nodes = rwb_formats_scene_nodes (graph, scene);
  GString *s = g_string_new ("id,name,type,aliases,degree,x,y\r\n");
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      g_autofree char *aliases = rwb_formats_join_aliases (e);
      g_autofree char *degree = g_strdup_printf ("%u", rwb_graph_entity_degree (graph, i, TRUE));
      g_autofree char *xs = NULL, *ys = NULL;
      double x, y;
      if (rwb_formats_entity_position (graph, scene, scene_nodes, i, &x, &y))
        {
          xs = rwb_formats_format_double (x, "%.2f");
          ys = rwb_formats_format_double (y, "%.2f");
        }
      csv_field (s, e->id, FALSE);
      csv_field (s, e->name, FALSE);
      csv_field (s, rwb_entity_type_to_string (e->type), FALSE);
      csv_field (s, aliases, FALSE);
      csv_field (s, degree, FALSE);
      csv_field (s, xs, FALSE);
      csv_field (s, ys, TRUE);
    }
  return g_string_free (s, FALSE);
}

static char *
write_edges_csv (RwbGraph *graph)
{
  GString *s = g_string_new ("source,target,type,directed,confidence,evidence\r\n");
  for (guint i = 0; i < graph->relations->len; i++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, i);
      RwbEntity *src = g_ptr_array_index (graph->entities, r->source);
      RwbEntity *dst = g_ptr_array_index (graph->entities, r->target);
      g_autofree char *conf = rwb_formats_format_double (r->confidence, "%.3f");
      g_autofree char *count = g_strdup_printf ("%u", rwb_formats_evidence_count (r));
      csv_field (s, src->id, FALSE);
      csv_field (s, dst->id, FALSE);
      csv_field (s, rwb_relation_type_to_string (r->type), FALSE);
      csv_field (s, r->directed ? "true" : "false", FALSE);
      csv_field (s, conf, FALSE);
      csv_field (s, count, TRUE);
    }
  return g_string_free (s, FALSE);
}


/**
 * rwb_formats_write_csv:
 * Writes nodes.csv and edges.csv into the folder @path, made if missing: both are written
 * before either is renamed, so a failure leaves both as they were.
 */
gboolean
rwb_formats_write_csv (RwbGraph *graph, const RwbScene *scene, const char *path,
                       RwbSaveFlags flags, GError **error)
{
  if (g_mkdir_with_parents (path, 0777) != 0)
    {
      int err = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (err),
                   _("Could not create the folder %s: %s"), path, g_strerror (err));
      return FALSE;
    }
  g_autofree char *nodes = write_nodes_csv (graph, scene);
  g_autofree char *edges = write_edges_csv (graph);
  g_autofree char *nodes_path = g_build_filename (path, "nodes.csv", NULL);
  g_autofree char *edges_path = g_build_filename (path, "edges.csv", NULL);
  const char *paths[] = { nodes_path, edges_path };
  const char *data[] = { nodes, edges };
  const gsize lengths[] = { strlen (nodes), strlen (edges) };
  return rwb_save_files (2, paths, data, lengths, flags, error);
}
