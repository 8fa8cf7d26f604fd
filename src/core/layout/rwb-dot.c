/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-dot.c — opening any DOT/GV file through `rawabit-layout --import`.
 *
 * The helper parses, cleans and lays out the file and describes the result line by line (the
 * format is documented in src/layout-helper/rwb-layout-main.c, run_import). Here the lines
 * become an RwbGraph (a node is an entity named by its label, an edge a relation; every DOT
 * attribute is kept in attrs) and an RwbScene with from_dot set, carrying the file's shapes,
 * colours (already "#rrggbb[aa]": Graphviz resolved the names in the helper; NULL where the
 * file sets none, so the renderer can use the style's foreground), styles and clusters, y
 * flipped to point down as in rwb-layout.c. The graph's own label becomes a cluster with style
 * "graph-label", of which only the label is drawn.
 */
#define G_LOG_DOMAIN "rawabit-dot"

#include "rwb-dot.h"
#include "rwb-dot-private.h"
#include "rwb-formats.h"
#include "rwb-layout-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* The helper's exit status for a file Graphviz cannot parse. */
#define EXIT_SYNTAX 3

typedef struct {
  RwbGraph *graph;
  RwbScene *scene;
  GPtrArray *warnings;
} ImportResult;

static void
import_result_free (ImportResult *r)
{
  g_clear_pointer (&r->scene, rwb_scene_free);
  g_clear_pointer (&r->graph, rwb_graph_unref);
  g_clear_pointer (&r->warnings, g_ptr_array_unref);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportResult, import_result_free)

/* A token of the helper's output as valid UTF-8 (a file in another charset keeps its bytes as
 * replacement characters rather than breaking every later string function). */
static char *
token_text (const char *token)
{
  g_autofree char *raw = rwb_layout_unescape (token);
  return g_utf8_make_valid (raw, -1);
}

static gboolean
bad_line (GError **error, guint line)
{
  g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_OUTPUT,
               _("The layout helper wrote something unexpected (line %u)"), line);
  return FALSE;
}

/* KEY=VALUE tokens from @first on into a new table; positional keywords (label X Y, head X Y,
 * tail X Y) are skipped here and read by the callers. */
static GHashTable *
parse_attrs (char **f, guint nf, guint first)
{
  GHashTable *attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = first; i < nf; i++)
    {
      const char *eq = strchr (f[i], '=');
      if (eq == NULL)
        continue;
      g_autofree char *key_raw = g_strndup (f[i], eq - f[i]);
      g_hash_table_insert (attrs, token_text (key_raw), token_text (eq + 1));
    }
  return attrs;
}

static const char *
attr (GHashTable *attrs, const char *key)
{
  const char *v = g_hash_table_lookup (attrs, key);
  return v && *v ? v : NULL;
}

/* Whether the comma-separated style list @style has @word. */
static gboolean
style_has (const char *style, const char *word)
{
  if (style == NULL)
    return FALSE;
  g_auto (GStrv) parts = g_strsplit_set (style, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      /* "setlinewidth(2)" and friends carry arguments. */
      char *paren = strchr (parts[i], '(');
      if (paren)
        *paren = '\0';
      if (g_str_equal (parts[i], word))
        return TRUE;
    }
  return FALSE;
}

/* Looks for "label X Y" (or another keyword) among the positional tokens. */
static gboolean
find_point (char **f, guint nf, guint first, const char *keyword, double *x, double *y)
{
  for (guint i = first; i + 2 < nf; i++)
    if (g_str_equal (f[i], keyword))
      {
        *x = g_ascii_strtod (f[i + 1], NULL);
        *y = g_ascii_strtod (f[i + 2], NULL);
        return TRUE;
      }
  return FALSE;
}

static char *
dup_or_null (const char *s)
{
  return s && *s ? g_strdup (s) : NULL;
}

/* Graphviz's fill for a filled node or cluster: fillcolor, else color, else light grey. */
static char *
fill_color (GHashTable *attrs, gboolean filled, const char *fallback)
{
  if (!filled)
    return NULL;
  const char *c = attr (attrs, "fillcolor");
  if (c == NULL)
    c = attr (attrs, "color");
  return g_strdup (c ? c : fallback);
}

static ImportResult *
parse_import (const char *out, GError **error)
{
  g_autoptr (ImportResult) r = g_new0 (ImportResult, 1);
  r->graph = rwb_graph_new ();
  r->scene = rwb_scene_new (r->graph);
  r->scene->from_dot = TRUE;
  r->warnings = g_ptr_array_new_with_free_func (g_free);
  RwbScene *scene = r->scene;
  RwbGraph *graph = r->graph;
  g_autoptr (GHashTable) node_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               NULL);
  gboolean have_graph = FALSE, digraph = TRUE;
  double top = 0;
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint n = 0; lines[n]; n++)
    {
      if (*lines[n] == '\0')
        continue;
      g_auto (GStrv) f = g_strsplit (lines[n], " ", -1);
      guint nf = g_strv_length (f);
      if (g_str_equal (f[0], "engine") && nf >= 2)
        {
          g_free (scene->engine);
          scene->engine = token_text (f[1]);
          digraph = nf < 3 || !g_str_equal (f[2], "graph");
        }
      else if (g_str_equal (f[0], "warning") && nf == 2)
        g_ptr_array_add (r->warnings, token_text (f[1]));
      /* The helper writes one graph line: a second would leak and overwrite the first. */
      else if (g_str_equal (f[0], "graph") && nf >= 5 && !have_graph)
        {
          double llx = g_ascii_strtod (f[1], NULL), lly = g_ascii_strtod (f[2], NULL);
          double urx = g_ascii_strtod (f[3], NULL), ury = g_ascii_strtod (f[4], NULL);
          top = ury;
          scene->bounds = (RwbRect) { llx, 0, urx - llx, ury - lly };
          have_graph = TRUE;
          g_autoptr (GHashTable) attrs = parse_attrs (f, nf, 5);
          scene->background = dup_or_null (attr (attrs, "bgcolor"));
          double lx, ly;
          const char *label = attr (attrs, "label");
          if (label && find_point (f, nf, 5, "label", &lx, &ly))
            {
              /* The graph's own title: a "cluster" that draws only its label. */
              RwbSceneCluster c = { 0 };
              c.box = scene->bounds;
              c.label = g_strdup (label);
              c.label_x = lx, c.label_y = top - ly;
              c.color = dup_or_null (attr (attrs, "fontcolor"));
              /* Only the label is drawn for this style (rwb-render-dot.c). */
              c.style = g_strdup ("graph-label");
              g_array_append_val (scene->clusters, c);
            }
        }
      else if (g_str_equal (f[0], "cluster") && nf >= 7 && have_graph)
        {
          g_autoptr (GHashTable) attrs = parse_attrs (f, nf, 7);
          double llx = g_ascii_strtod (f[3], NULL), lly = g_ascii_strtod (f[4], NULL);
          double urx = g_ascii_strtod (f[5], NULL), ury = g_ascii_strtod (f[6], NULL);
          RwbSceneCluster c = { 0 };
          c.box = (RwbRect) { llx, top - ury, urx - llx, ury - lly };
          c.label = dup_or_null (attr (attrs, "label"));
          double lx, ly;
          if (find_point (f, nf, 7, "label", &lx, &ly))
            c.label_x = lx, c.label_y = top - ly;
          else
            c.label_x = c.box.x + c.box.width / 2, c.label_y = c.box.y + 10;
          c.style = dup_or_null (attr (attrs, "style"));
          const char *pen = attr (attrs, "pencolor");
          c.color = dup_or_null (pen ? pen : attr (attrs, "color"));
          c.fillcolor = fill_color (attrs, style_has (c.style, "filled"), "#d3d3d3");
          if (c.fillcolor == NULL)
            /* An unfilled cluster still shows its bgcolor. */
            c.fillcolor = dup_or_null (attr (attrs, "bgcolor"));
          g_array_append_val (scene->clusters, c);
        }
      else if (g_str_equal (f[0], "node") && nf >= 6 && have_graph)
        {
          /* Nodes are told apart by their raw bytes: names in another charset may differ only
           * in bytes that are not UTF-8. */
          g_autofree char *key = rwb_layout_unescape (f[1]);
          g_autofree char *name = token_text (f[1]);
          if (g_hash_table_contains (node_by_name, key))
            return bad_line (error, n + 1), NULL;
          GHashTable *attrs = parse_attrs (f, nf, 6);
          const char *label = g_hash_table_lookup (attrs, "label");
          if (label == NULL)
            label = name;
          guint index = rwb_graph_add_entity (graph, label, RWB_ENTITY_COMPANY);
          RwbEntity *entity = g_ptr_array_index (graph->entities, index);
          rwb_entity_add_alias (entity, label);
          if (!g_str_equal (label, name))
            rwb_entity_add_alias (entity, name);

          RwbSceneNode node = { 0 };
          node.entity = index;
          node.x = g_ascii_strtod (f[2], NULL);
          node.y = top - g_ascii_strtod (f[3], NULL);
          node.width = g_ascii_strtod (f[4], NULL);
          node.height = g_ascii_strtod (f[5], NULL);
          node.label = g_strdup (label);
          node.shape = g_strdup (attr (attrs, "shape") ? attr (attrs, "shape") : "ellipse");
          node.style = dup_or_null (attr (attrs, "style"));
          node.color = dup_or_null (attr (attrs, "color"));
          node.fillcolor = fill_color (attrs, style_has (node.style, "filled")
                                                || style_has (node.style, "radial")
                                                || style_has (node.style, "striped")
                                                || style_has (node.style, "wedged"),
                                       "#d3d3d3");
          node.fontcolor = dup_or_null (attr (attrs, "fontcolor"));
          const char *fs = attr (attrs, "fontsize");
          node.fontsize = fs ? g_ascii_strtod (fs, NULL) : 14.0;
          if (!(node.fontsize > 0 && node.fontsize < 10000))
            node.fontsize = 14.0;
          g_array_append_val (scene->nodes, node);
          g_hash_table_insert (node_by_name, g_steal_pointer (&key),
                               GUINT_TO_POINTER (scene->nodes->len));

          /* The label is the entity's name; the rest stays for export and details. */
          g_hash_table_remove (attrs, "label");
          if (g_hash_table_size (attrs) > 0)
            entity->attrs = attrs;
          else
            g_hash_table_unref (attrs);
        }
      else if (g_str_equal (f[0], "edge") && nf >= 5 && have_graph)
        {
          g_autofree char *tail = rwb_layout_unescape (f[2]);
          g_autofree char *head = rwb_layout_unescape (f[3]);
          guint from = GPOINTER_TO_UINT (g_hash_table_lookup (node_by_name, tail));
          guint to = GPOINTER_TO_UINT (g_hash_table_lookup (node_by_name, head));
          guint64 np = g_ascii_strtoull (f[4], NULL, 10);
          if (from == 0 || to == 0 || np > nf || 5 + 2 * np > nf)
            return bad_line (error, n + 1), NULL;
          from--, to--;
          guint first_kw = 5 + 2 * (guint) np;
          GHashTable *attrs = parse_attrs (f, nf, first_kw);

          /* Built here rather than with rwb_graph_ensure_relation(): a DOT file may hold many
           * edges between the same two nodes, and each one is drawn. */
          RwbRelation *rel = g_new0 (RwbRelation, 1);
          rel->source = g_array_index (scene->nodes, RwbSceneNode, from).entity;
          rel->target = g_array_index (scene->nodes, RwbSceneNode, to).entity;
          rel->type = RWB_RELATION_PARTNERSHIP;
          const char *dir = attr (attrs, "dir");
          rel->directed = digraph ? !(dir && g_str_equal (dir, "none"))
                                  : (dir && !g_str_equal (dir, "none"));
          rel->confidence = 1.0;
          rel->evidence = g_array_new (FALSE, TRUE, sizeof (RwbEvidence));
          g_ptr_array_add (graph->relations, rel);

          RwbSceneEdge edge = { 0 };
          edge.relation = graph->relations->len - 1;
          edge.from = from, edge.to = to;
          edge.points = g_array_sized_new (FALSE, FALSE, sizeof (RwbPoint), (guint) np + 4);
          for (guint i = 0; i < np; i++)
            {
              RwbPoint p = { g_ascii_strtod (f[5 + 2 * i], NULL),
                             top - g_ascii_strtod (f[6 + 2 * i], NULL) };
              g_array_append_val (edge.points, p);
            }
          if (edge.points->len < 4 || (edge.points->len - 1) % 3 != 0)
            {
              /* No usable curve (some engines give up on a spline): a straight line. */
              const RwbSceneNode *a = &g_array_index (scene->nodes, RwbSceneNode, from);
              const RwbSceneNode *b = &g_array_index (scene->nodes, RwbSceneNode, to);
              g_array_set_size (edge.points, 0);
              for (guint i = 0; i < 4; i++)
                {
                  RwbPoint p = { a->x + (b->x - a->x) * i / 3.0, a->y + (b->y - a->y) * i / 3.0 };
                  g_array_append_val (edge.points, p);
                }
            }
          double x, y;
          if (find_point (f, nf, first_kw, "head", &x, &y))
            edge.has_head = TRUE, edge.head = (RwbPoint) { x, top - y };
          if (find_point (f, nf, first_kw, "label", &x, &y))
            edge.label_x = x, edge.label_y = top - y;
          else
            {
              RwbPoint mid = g_array_index (edge.points, RwbPoint, edge.points->len / 2);
              edge.label_x = mid.x, edge.label_y = mid.y;
            }
          edge.label = dup_or_null (attr (attrs, "label"));
          edge.color = dup_or_null (attr (attrs, "color"));
          edge.style = dup_or_null (attr (attrs, "style"));
          g_array_append_val (scene->edges, edge);
          if (g_hash_table_size (attrs) > 0)
            rel->attrs = attrs;
          else
            g_hash_table_unref (attrs);
        }
      else
        return bad_line (error, n + 1), NULL;
    }
  if (!have_graph)
    return bad_line (error, 1), NULL;

  /* Rawabit's own attributes (type, aliases, confidence, relation type) back to fields, so a
   * DOT written by Rawabit opens as the graph it was. */
  rwb_formats_adopt_rawabit_attrs (graph);
  rwb_scene_build_index (scene);
  return g_steal_pointer (&r);
}

/**
 * rwb_dot_parse_import_output:
 * Turns the helper's --import output into a graph and scene; see rwb-dot-private.h.
 */
RwbGraph *
rwb_dot_parse_import_output (const char *out, RwbScene **scene, GPtrArray *warnings,
                             GError **error)
{
  g_return_val_if_fail (out != NULL && scene != NULL, NULL);
  *scene = NULL;
  g_autoptr (ImportResult) r = parse_import (out, error);
  if (r == NULL)
    return NULL;
  if (warnings)
    for (guint i = 0; i < r->warnings->len; i++)
      g_ptr_array_add (warnings, g_strdup (g_ptr_array_index (r->warnings, i)));
  *scene = g_steal_pointer (&r->scene);
  return g_steal_pointer (&r->graph);
}

static guint
timeout_of (const RwbLayoutOptions *options)
{
  return options && options->timeout_seconds ? options->timeout_seconds
                                             : RWB_LAYOUT_DEFAULT_TIMEOUT;
}

static GSubprocess *
spawn_import (const RwbLayoutOptions *options, GError **error)
{
  g_autofree char *timeout = g_strdup_printf ("%u", timeout_of (options));
  const char *args[] = { "--import", "--timeout", timeout, NULL, NULL, NULL };
  /* An engine beyond the list means "the file's own", as NULL options do. */
  if (options && options->engine < RWB_LAYOUT_N_ENGINES)
    {
      args[3] = "--engine";
      args[4] = rwb_layout_engine_to_string (options->engine);
    }
  return rwb_layout_spawn_helper (args, error);
}

/* The helper's result, given what it wrote and how it ended. */
static ImportResult *
finish_import (GSubprocess *proc, GBytes *out, GBytes *err, guint timeout, GError **error)
{
  g_autofree char *err_text = NULL;
  if (err)
    {
      gsize len;
      const char *data = g_bytes_get_data (err, &len);
      g_autofree char *raw = g_strndup (data ? data : "", len);
      err_text = g_utf8_make_valid (raw, -1);
    }
  if (!g_subprocess_get_if_signaled (proc) && g_subprocess_get_exit_status (proc) == EXIT_SYNTAX)
    {
      g_autofree char *msg = g_strstrip (g_strndup (err_text ? err_text : "", 400));
      g_set_error (error, RWB_LAYOUT_ERROR, RWB_LAYOUT_ERROR_GRAPHVIZ,
                   _("Not a valid DOT file: %s"), *msg ? msg : _("syntax error"));
      return NULL;
    }
  if (!rwb_layout_check_exit (proc, err_text, timeout, error))
    return NULL;
  gsize len = 0;
  const char *data = out ? g_bytes_get_data (out, &len) : NULL;
  g_autofree char *text = g_strndup (data ? data : "", len);
  return parse_import (text, error);
}

static void
kill_on_cancel (GCancellable *cancellable, gpointer proc)
{
  g_subprocess_force_exit (proc);
}

/**
 * rwb_dot_import:
 * Parses, cleans and lays out DOT text in the helper; see rwb-dot.h. A NULL @options (or an
 * engine of RWB_LAYOUT_N_ENGINES) uses the file's own `layout` or dot.
 */
RwbGraph *
rwb_dot_import (const char *data, gsize length, const RwbLayoutOptions *options,
                RwbScene **scene, GPtrArray *warnings, GCancellable *cancellable,
                GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (scene != NULL, NULL);
  *scene = NULL;
  g_autoptr (GSubprocess) proc = spawn_import (options, error);
  if (proc == NULL)
    return NULL;
  gulong handler = cancellable ? g_cancellable_connect (cancellable, G_CALLBACK (kill_on_cancel),
                                                        proc, NULL)
                               : 0;
  g_autoptr (GBytes) in = g_bytes_new (data, length);
  g_autoptr (GBytes) out = NULL, err = NULL;
  gboolean ok = g_subprocess_communicate (proc, in, NULL, &out, &err, error);
  if (cancellable)
    g_cancellable_disconnect (cancellable, handler);
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (!ok)
    {
      g_subprocess_force_exit (proc);
      g_subprocess_wait (proc, NULL, NULL);
      return NULL;
    }
  g_subprocess_wait (proc, NULL, NULL);
  g_autoptr (ImportResult) r = finish_import (proc, out, err, timeout_of (options), error);
  if (r == NULL)
    return NULL;
  if (warnings)
    for (guint i = 0; i < r->warnings->len; i++)
      g_ptr_array_add (warnings, g_strdup (g_ptr_array_index (r->warnings, i)));
  *scene = g_steal_pointer (&r->scene);
  return g_steal_pointer (&r->graph);
}

typedef struct {
  GSubprocess *proc;
  guint timeout;
  GCancellable *cancellable;
  gulong handler;
} AsyncData;

static void
async_data_free (AsyncData *data)
{
  if (data->cancellable)
    {
      g_cancellable_disconnect (data->cancellable, data->handler);
      g_object_unref (data->cancellable);
    }
  g_clear_object (&data->proc);
  g_free (data);
}

static void
communicate_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  AsyncData *data = g_task_get_task_data (task);
  g_autoptr (GBytes) out = NULL, err = NULL;
  GError *error = NULL;
  if (!g_subprocess_communicate_finish (data->proc, result, &out, &err, &error))
    {
      g_subprocess_force_exit (data->proc);
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  /* Both pipes are at EOF: the exit status follows at once. */
  g_subprocess_wait (data->proc, NULL, NULL);
  ImportResult *r = finish_import (data->proc, out, err, data->timeout, &error);
  if (r == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, r, (GDestroyNotify) import_result_free);
}

/**
 * rwb_dot_import_async:
 * Starts an import in the helper; Cancel kills it at once.
 */
void
rwb_dot_import_async (GBytes *data, const RwbLayoutOptions *options, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (data != NULL);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rwb_dot_import_async);
  AsyncData *ad = g_new0 (AsyncData, 1);
  ad->timeout = timeout_of (options);
  g_task_set_task_data (task, ad, (GDestroyNotify) async_data_free);
  GError *error = NULL;
  ad->proc = spawn_import (options, &error);
  if (ad->proc == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (cancellable)
    {
      ad->cancellable = g_object_ref (cancellable);
      ad->handler = g_cancellable_connect (cancellable, G_CALLBACK (kill_on_cancel), ad->proc,
                                           NULL);
    }
  g_subprocess_communicate_async (ad->proc, data, cancellable, communicate_done, task);
}

/**
 * rwb_dot_import_finish:
 * The graph of a finished asynchronous import, its scene in @scene and its warnings (a new
 * array of strings, possibly empty) in @warnings; NULL with @error set on failure.
 */
RwbGraph *
rwb_dot_import_finish (GAsyncResult *result, RwbScene **scene, GPtrArray **warnings,
                       GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (scene != NULL, NULL);
  *scene = NULL;
  if (warnings)
    *warnings = NULL;
  g_autoptr (ImportResult) r = g_task_propagate_pointer (G_TASK (result), error);
  if (r == NULL)
    return NULL;
  *scene = g_steal_pointer (&r->scene);
  if (warnings)
    *warnings = g_steal_pointer (&r->warnings);
  return g_steal_pointer (&r->graph);
}
