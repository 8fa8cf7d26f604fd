/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-analysis-actions.c — the questions analysts ask, as window actions: how two entities are
 * connected (the shortest paths, highlighted), what clusters there are (Louvain communities as
 * colours), who is central (nodes sized by degree or betweenness), what surrounds an entity
 * (its ego network, laid out afresh), and the counts of the whole.
 *
 * Every analysis reads a snapshot of the session's graph (rwb-analysis-graph.h); the long ones
 * (paths, communities, betweenness) run in a worker thread through their _async calls, and a
 * result for a graph the session no longer shows is dropped.
 */
#define G_LOG_DOMAIN "rawabit-analysis"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rwb-analysis.h"
#include "rwb-analysis-actions.h"
#include "rwb-labels.h"
#include "rwb-layout.h"
#include "rwb-timeline.h"

typedef struct {
  RwbSession *session;
  RwbGraphView *view;           /* weak */
  GtkWindow *parent;            /* weak */
  GActionMap *map;              /* weak */
  void (*message_func) (gpointer data, const char *message);
  gpointer message_data;
  GCancellable *cancellable;    /* of the analyses running */
  RwbScene *whole;              /* while focused: the whole graph's scene, to go back to */
  RwbGraph *focus_graph;        /* the graph the focus is of */
  gboolean setting_focus;       /* the session shows a scene of ours */
  /* Show Connection: the pair asked about last (of connection_graph), so ranking the paths
   * another way asks again, and the window listing the paths (weak). */
  RwbGraph *connection_graph;
  guint connection_source, connection_target;
  GtkWidget *connection_window;
  gint ref_count;
} Analysis;

/* Colours of communities (Tableau 10, readable on light and dark); an entity in a community of
 * its own is grey. */
static const guint32 community_palette[] = {
  0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
  0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac,
};

static Analysis *
analysis_ref (Analysis *a)
{
  a->ref_count++;
  return a;
}

static void
analysis_unref (gpointer data)
{
  Analysis *a = data;

  if (--a->ref_count > 0)
    return;
  g_cancellable_cancel (a->cancellable);
  g_clear_object (&a->cancellable);
  if (a->session != NULL)
    g_signal_handlers_disconnect_by_data (a->session, a);
  g_clear_object (&a->session);
  g_clear_weak_pointer (&a->view);
  g_clear_weak_pointer (&a->parent);
  g_clear_pointer (&a->whole, rwb_scene_free);
  g_clear_pointer (&a->focus_graph, rwb_graph_unref);
  g_clear_pointer (&a->connection_graph, rwb_graph_unref);
  g_clear_weak_pointer (&a->connection_window);
  g_free (a);
}

static void
tell (Analysis *a, const char *message)
{
  if (a->message_func != NULL)
    a->message_func (a->message_data, message);
}

static void
update_enabled (Analysis *a)
{
  g_autoptr (GArray) selected = rwb_session_get_selected_entities (a->session);
  gboolean has_scene = rwb_session_get_scene (a->session) != NULL;
  GAction *action;

  if (a->map == NULL)
    return;
  action = g_action_map_lookup_action (a->map, "show-connection");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_scene && selected->len >= 2);
  action = g_action_map_lookup_action (a->map, "focus");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_scene && selected->len >= 1);
  action = g_action_map_lookup_action (a->map, "unfocus");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), a->whole != NULL);
  action = g_action_map_lookup_action (a->map, "clear-highlight");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               a->view != NULL && rwb_graph_view_has_highlight (a->view));
}

/* --- The view's own actions, for menus ------------------------------------------------------ */

static void
view_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Analysis *a = data;

  if (a->view != NULL)
    gtk_widget_activate_action (GTK_WIDGET (a->view),
                                g_object_get_data (G_OBJECT (action), "view-action"), NULL);
}

/* --- Show Connection ------------------------------------------------------------------------ */

typedef struct {
  Analysis *analysis;
  RwbGraph *graph;
  guint source, target;
  RwbPathCost cost;
} PathJob;

static void
path_job_free (PathJob *job)
{
  analysis_unref (job->analysis);
  rwb_graph_unref (job->graph);
  g_free (job);
}

/* An arrow pointing from the name read first to the one read next: right in a left-to-right
 * window, left in a right-to-left one (arrows are not mirrored by the bidi algorithm). */
static const char *
arrow_on (void)
{
  return gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? "←" : "→";
}

static const char *
arrow_back (void)
{
  return gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? "→" : "←";
}

/* Evidence sentences listed per relation of a hop; the rest are counted. */
#define CONNECTION_SENTENCES 3

/* A name set apart from the text around it, so an Arabic name in an English line (or the
 * reverse) does not carry the arrows with it: FSI … PDI, escaped. */
static char *
isolated_name (const RwbEntity *e)
{
  g_autofree char *shown = rwb_display_name (e->name, RWB_DISPLAY_NAME_MAX);
  g_autofree char *escaped = g_markup_escape_text (shown, -1);

  return g_strdup_printf ("\u2068%s\u2069", escaped);
}

/* The paths as the Connection window lists them: each path, each hop with its relations
 * (the arrow the way the relation points) and their evidence sentences with the article. */
static char *
connection_markup (RwbGraph *g, guint source, guint target, GPtrArray *paths, RwbPathCost cost)
{
  GString *out = g_string_new (NULL);
  /* Every line starts on the window's side, whatever script its first name is in. */
  const char *dir = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? "\u200f" : "\u200e";
  g_autofree char *from = isolated_name (g_ptr_array_index (g->entities, source));
  g_autofree char *to = isolated_name (g_ptr_array_index (g->entities, target));

  g_string_append_printf (out, "%s<b>%s — %s</b>\n", dir, from, to);
  g_string_append (out, cost == RWB_PATH_BY_EVIDENCE
                        /* Translators: Show Connection: how the paths listed are ordered. */
                        ? _("Ranked by evidence: the pairs most sentences support first")
                        /* Translators: Show Connection: how the paths listed are ordered. */
                        : _("Ranked by relation count: the fewest steps first"));
  g_string_append_c (out, '\n');
  if (paths->len == 0)
    {
      /* Translators: Show Connection found no path between the two entities. */
      g_string_append_printf (out, "\n%s\n", _("No path joins them."));
      return g_string_free (out, FALSE);
    }
  for (guint p = 0; p < paths->len; p++)
    {
      const RwbPath *path = g_ptr_array_index (paths, p);
      guint sentences = 0;

      for (guint h = 0; h < path->n_hops; h++)
        sentences += (guint) path->hops[h].evidence;
      g_string_append_c (out, '\n');
      g_string_append_printf (out, "<b>");
      /* Translators: Show Connection: a path's heading; %u are its number, how many steps
       * (relations) it takes and how many evidence sentences support them. */
      g_string_append_printf (out, _("Path %u · steps: %u · evidence sentences: %u"), p + 1,
                              path->n_hops, sentences);
      g_string_append (out, "</b>\n");
      for (guint h = 0; h < path->n_hops; h++)
        {
          const RwbPathHop *hop = &path->hops[h];
          g_autofree char *a = isolated_name (g_ptr_array_index (g->entities, hop->from));
          g_autofree char *b = isolated_name (g_ptr_array_index (g->entities, hop->to));

          for (guint k = 0; k < hop->n_relations; k++)
            {
              const RwbRelation *r = g_ptr_array_index (g->relations, hop->relations[k]);
              g_autofree char *type = g_markup_escape_text (_(rwb_relation_type_label (r->type)),
                                                            -1);
              guint n = r->evidence ? r->evidence->len : 0;

              g_string_append (out, dir);
              if (!r->directed)
                g_string_append_printf (out, "%s —%s— %s\n", a, type, b);
              else if (r->source == hop->from)
                g_string_append_printf (out, "%s —%s%s %s\n", a, type, arrow_on (), b);
              else
                g_string_append_printf (out, "%s %s%s— %s\n", a, arrow_back (), type, b);
              for (guint e = 0; e < MIN (n, CONNECTION_SENTENCES); e++)
                {
                  const RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, e);
                  g_autofree char *text = rwb_graph_evidence_text (g, ev);
                  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);
                  const RwbDocument *doc = ev->document < g->documents->len
                                               ? g_ptr_array_index (g->documents, ev->document)
                                               : NULL;
                  const char *title = doc == NULL    ? NULL
                                      : doc->title   ? doc->title
                                                     : doc->path;
                  g_autofree char *base = title && title == doc->path ? g_path_get_basename (title)
                                                                       : NULL;
                  g_autofree char *where = g_markup_escape_text (base    ? base
                                                                 : title ? title
                                                                         : "",
                                                                 -1);

                  /* Isolated, so an Arabic sentence keeps its quotes and the article after it. */
                  g_string_append_printf (out, "%s    “\u2068%s\u2069”", dir, escaped);
                  if (*where != '\0')
                    g_string_append_printf (out, " <i>(%s)</i>", where);
                  g_string_append_c (out, '\n');
                }
              if (n > CONNECTION_SENTENCES)
                {
                  g_string_append_printf (out, "%s    ", dir);
                  /* Translators: Show Connection: more evidence sentences than listed. */
                  g_string_append_printf (out, _("(%u more sentences)"), n - CONNECTION_SENTENCES);
                  g_string_append_c (out, '\n');
                }
            }
        }
    }
  return g_string_free (out, FALSE);
}

/* The Connection window: how to rank the paths (connection-by) over the list of them.
 * One window, its text replaced by each answer. */
static void
show_connection_window (Analysis *a, const char *markup)
{
  GtkWidget *label;

  if (a->connection_window == NULL)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *by_count, *by_evidence, *scrolled;

      gtk_window_set_title (GTK_WINDOW (window), _("Connection"));
      gtk_window_set_default_size (GTK_WINDOW (window), 560, 520);
      if (a->parent != NULL)
        gtk_window_set_transient_for (GTK_WINDOW (window), a->parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
      /* The window's own win.connection-by, not the window's whole map: that would hold the
       * main window alive as long as this one. */
      if (a->map != NULL)
        {
          g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();

          g_action_map_add_action (G_ACTION_MAP (group),
                                   g_action_map_lookup_action (a->map, "connection-by"));
          gtk_widget_insert_action_group (window, "connection", G_ACTION_GROUP (group));
        }

      gtk_widget_add_css_class (row, "linked");
      gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
      /* Translators: Show Connection: rank the paths by how many relations they take. */
      by_count = gtk_toggle_button_new_with_mnemonic (_("Fewest _Relations"));
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (by_count),
                                               "connection.connection-by::count");
      /* Translators: Show Connection: rank the paths by how many sentences support them. */
      by_evidence = gtk_toggle_button_new_with_mnemonic (_("Most _Evidence"));
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (by_evidence),
                                               "connection.connection-by::evidence");
      gtk_box_append (GTK_BOX (row), by_count);
      gtk_box_append (GTK_BOX (row), by_evidence);

      label = gtk_label_new (NULL);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_widget_set_name (label, "connection-text");
      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_widget_set_vexpand (scrolled, TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      gtk_widget_set_margin_start (box, 18);
      gtk_widget_set_margin_end (box, 18);
      gtk_widget_set_margin_top (box, 12);
      gtk_widget_set_margin_bottom (box, 12);
      gtk_box_append (GTK_BOX (box), row);
      gtk_box_append (GTK_BOX (box), scrolled);
      gtk_window_set_child (GTK_WINDOW (window), box);
      g_object_set_data (G_OBJECT (window), "connection-text", label);
      g_set_weak_pointer (&a->connection_window, window);
    }
  label = g_object_get_data (G_OBJECT (a->connection_window), "connection-text");
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_window_present (GTK_WINDOW (a->connection_window));
}

static void
paths_done (GObject *source, GAsyncResult *result, gpointer data)
{
  PathJob *job = data;
  Analysis *a = job->analysis;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) paths = rwb_analysis_paths_finish (result, &error);
  RwbGraph *g = job->graph;
  const RwbEntity *from = g_ptr_array_index (g->entities, job->source);
  const RwbEntity *to = g_ptr_array_index (g->entities, job->target);
  g_autofree char *markup = NULL;

  if (paths == NULL || rwb_session_get_graph (a->session) != g || a->view == NULL)
    {
      if (paths == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tell (a, error->message);
      path_job_free (job);
      return;
    }
  markup = connection_markup (g, job->source, job->target, paths, job->cost);
  show_connection_window (a, markup);
  if (paths->len == 0)
    {
      g_autofree char *message = NULL;
      g_autofree char *from_name = rwb_display_name (from->name, RWB_DISPLAY_NAME_MAX);
      g_autofree char *to_name = rwb_display_name (to->name, RWB_DISPLAY_NAME_MAX);

      /* Translators: Show Connection found no path; %s are two entity names. */
      g_autofree char *a_name = rwb_isolated_name (from->name);
      g_autofree char *b_name = rwb_isolated_name (to->name);
      g_autofree char *text = g_strdup_printf (_("%s and %s are not connected"), a_name, b_name);

      message = rwb_ui_line (text);
      rwb_graph_view_set_highlight (a->view, g, NULL, NULL);
      tell (a, message);
      path_job_free (job);
      update_enabled (a);
      return;
    }

  g_autofree guint8 *entities = g_malloc0 (MAX (g->entities->len, 1));
  g_autofree guint8 *relations = g_malloc0 (MAX (g->relations->len, 1));
  for (guint p = 0; p < paths->len; p++)
    {
      const RwbPath *path = g_ptr_array_index (paths, p);

      for (guint h = 0; h < path->n_hops; h++)
        {
          const RwbPathHop *hop = &path->hops[h];

          entities[hop->from] = entities[hop->to] = 1;
          for (guint r = 0; r < hop->n_relations; r++)
            relations[hop->relations[r]] = 1;
        }
    }
  rwb_graph_view_set_highlight (a->view, g, entities, relations);

  /* The best path, hop by hop, in the status line. */
  {
    const RwbPath *best = g_ptr_array_index (paths, 0);
    g_autofree char *first = rwb_isolated_name (from->name);
    GString *hops = g_string_new (first);
    g_autofree char *text = NULL;
    g_autofree char *message = NULL;

    /* Each name isolated, and the hops in the window's reading order: "A —Supply→ B" in an
     * English window, "A ←توريد— B" read from the right in an Arabic one. */
    for (guint h = 0; h < best->n_hops; h++)
      {
        const RwbPathHop *hop = &best->hops[h];
        const RwbRelation *r = g_ptr_array_index (g->relations, hop->relations[0]);
        const RwbEntity *next = g_ptr_array_index (g->entities, hop->to);
        g_autofree char *name = rwb_isolated_name (next->name);
        g_autofree char *kind = rwb_bidi_isolate (rwb_relation_type_label (r->type));

        if (rwb_ui_is_rtl ())
          g_string_append_printf (hops, " ←%s— %s", kind, name);
        else
          g_string_append_printf (hops, " —%s→ %s", kind, name);
      }
    /* Translators: Show Connection: %u paths highlighted, then the shortest, "A —Supply→ B". */
    text = g_strdup_printf (g_dngettext (NULL, "%u path: %s", "%u paths, the shortest: %s",
                                         paths->len),
                            paths->len, hops->str);
    message = rwb_ui_line (text);
    g_string_free (hops, TRUE);
    tell (a, message);
  }
  path_job_free (job);
  update_enabled (a);
}

static RwbPathCost
connection_cost (Analysis *a)
{
  GAction *action = a->map ? g_action_map_lookup_action (a->map, "connection-by") : NULL;
  g_autoptr (GVariant) state = action ? g_action_get_state (action) : NULL;

  return state != NULL && g_str_equal (g_variant_get_string (state, NULL), "evidence")
             ? RWB_PATH_BY_EVIDENCE
             : RWB_PATH_BY_COUNT;
}

static void
find_paths (Analysis *a, RwbGraph *g, guint source, guint target)
{
  g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (g, NULL);
  PathJob *job = g_new0 (PathJob, 1);

  if (a->connection_graph != g)
    {
      g_clear_pointer (&a->connection_graph, rwb_graph_unref);
      a->connection_graph = rwb_graph_ref (g);
    }
  a->connection_source = source;
  a->connection_target = target;
  job->analysis = analysis_ref (a);
  job->graph = rwb_graph_ref (g);
  job->source = source;
  job->target = target;
  job->cost = connection_cost (a);
  rwb_analysis_paths_async (ag, source, target, 3, job->cost, a->cancellable, paths_done, job);
}

static void
show_connection_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Analysis *a = data;
  g_autoptr (GArray) selected = rwb_session_get_selected_entities (a->session);
  RwbGraph *g = rwb_session_get_graph (a->session);

  if (g == NULL || selected->len < 2)
    return;
  find_paths (a, g, g_array_index (selected, guint, 0), g_array_index (selected, guint, 1));
}

/* Ranked another way: the same two entities asked again, if their graph is still shown. */
static void
connection_by_change_state (GSimpleAction *action, GVariant *value, gpointer data)
{
  Analysis *a = data;
  const char *by = g_variant_get_string (value, NULL);
  RwbGraph *g = rwb_session_get_graph (a->session);

  if (!g_str_equal (by, "count") && !g_str_equal (by, "evidence"))
    return;
  g_simple_action_set_state (action, value);
  if (g != NULL && g == a->connection_graph && a->connection_window != NULL)
    find_paths (a, g, a->connection_source, a->connection_target);
}

static void
clear_highlight_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Analysis *a = data;
  RwbGraph *g = rwb_session_get_graph (a->session);

  if (a->view != NULL && g != NULL)
    rwb_graph_view_set_highlight (a->view, g, NULL, NULL);
  update_enabled (a);
}

/* --- Communities ---------------------------------------------------------------------------- */

typedef struct {
  Analysis *analysis;
  RwbGraph *graph;
} GraphJob;

static GraphJob *
graph_job_new (Analysis *a, RwbGraph *g)
{
  GraphJob *job = g_new0 (GraphJob, 1);

  job->analysis = analysis_ref (a);
  job->graph = rwb_graph_ref (g);
  return job;
}

static void
graph_job_free (GraphJob *job)
{
  analysis_unref (job->analysis);
  rwb_graph_unref (job->graph);
  g_free (job);
}

static gboolean
job_wanted (GraphJob *job)
{
  return job->analysis->view != NULL && rwb_session_get_graph (job->analysis->session) == job->graph;
}

static void
communities_done (GObject *source, GAsyncResult *result, gpointer data)
{
  GraphJob *job = data;
  Analysis *a = job->analysis;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbCommunities) c = rwb_analysis_communities_finish (result, &error);
  GAction *action = a->map ? g_action_map_lookup_action (a->map, "color-communities") : NULL;
  g_autoptr (GVariant) state = action ? g_action_get_state (action) : NULL;

  if (c != NULL && job_wanted (job) && state != NULL && g_variant_get_boolean (state))
    {
      g_autofree guint32 *colors = g_new0 (guint32, MAX (c->n_nodes, 1));
      g_autofree char *message = NULL;
      guint shown = 0;

      for (guint k = 0; k < c->n_communities; k++)
        {
          guint size = c->member_offsets[k + 1] - c->member_offsets[k];

          if (size < 2)
            {
              /* Alone: neutral grey, so no type colour reads as a community. */
              for (guint m = c->member_offsets[k]; m < c->member_offsets[k + 1]; m++)
                colors[c->members[m]] = RWB_NODE_COLOR_SET | 0x9a9a9a;
              continue;
            }
          for (guint m = c->member_offsets[k]; m < c->member_offsets[k + 1]; m++)
            colors[c->members[m]] = RWB_NODE_COLOR_SET
                                    | community_palette[shown % G_N_ELEMENTS (community_palette)];
          shown++;
        }
      rwb_graph_view_set_entity_colors (a->view, job->graph, colors);
      /* Translators: after colouring by community (Louvain); %u is how many, %.2f modularity. */
      message = g_strdup_printf (_("%u communities (Louvain), modularity %.2f"), shown,
                                 c->modularity);
      tell (a, message);
    }
  else if (c == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    tell (a, error->message);
  graph_job_free (job);
}

static void
start_communities (Analysis *a)
{
  RwbGraph *g = rwb_session_get_graph (a->session);
  g_autoptr (RwbAnalysisGraph) ag = NULL;

  if (g == NULL)
    return;
  ag = rwb_analysis_graph_new (g, NULL);
  rwb_analysis_communities_async (ag, NULL, a->cancellable, communities_done,
                                  graph_job_new (a, g));
}

static void
color_communities_change_state (GSimpleAction *action, GVariant *value, gpointer data)
{
  Analysis *a = data;
  RwbGraph *g = rwb_session_get_graph (a->session);

  g_simple_action_set_state (action, value);
  if (g_variant_get_boolean (value))
    start_communities (a);
  else if (a->view != NULL && g != NULL)
    rwb_graph_view_set_entity_colors (a->view, g, NULL);
}

/* --- Centrality sizing ---------------------------------------------------------------------- */

/* 1 for the least, 2 for the most central: the area grows with the value. */
static double *
sizes_from (const double *values, guint n)
{
  double max = 0;
  double *sizes = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    max = MAX (max, values[i]);
  for (guint i = 0; i < n; i++)
    sizes[i] = max > 0 ? 1.0 + sqrt (values[i] / max) * 0.9 : 1.0;
  return sizes;
}

static void
betweenness_done (GObject *source, GAsyncResult *result, gpointer data)
{
  GraphJob *job = data;
  Analysis *a = job->analysis;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbBetweenness) b = rwb_analysis_betweenness_finish (result, &error);
  GAction *action = a->map ? g_action_map_lookup_action (a->map, "size-by") : NULL;
  g_autoptr (GVariant) state = action ? g_action_get_state (action) : NULL;

  if (b != NULL && job_wanted (job) && state != NULL
      && g_str_equal (g_variant_get_string (state, NULL), "betweenness"))
    {
      g_autofree double *sizes = sizes_from (b->values, b->n_nodes);

      rwb_graph_view_set_entity_sizes (a->view, job->graph, sizes);
      if (b->sampled)
        {
          g_autofree char *message = NULL;

          /* Translators: betweenness of a large graph is estimated from %u sampled entities. */
          message = g_strdup_printf (_("Betweenness estimated from %u sampled entities"),
                                     b->n_sources);
          tell (a, message);
        }
    }
  else if (b == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    tell (a, error->message);
  graph_job_free (job);
}

static void
apply_sizes (Analysis *a, const char *by)
{
  RwbGraph *g = rwb_session_get_graph (a->session);
  g_autoptr (RwbAnalysisGraph) ag = NULL;

  if (g == NULL || a->view == NULL)
    return;
  if (g_str_equal (by, "none"))
    {
      rwb_graph_view_set_entity_sizes (a->view, g, NULL);
      return;
    }
  ag = rwb_analysis_graph_new (g, NULL);
  if (g_str_equal (by, "degree"))
    {
      g_autofree double *values = g_new (double, MAX (ag->n_nodes, 1));
      g_autofree double *sizes = NULL;

      for (guint i = 0; i < ag->n_nodes; i++)
        values[i] = ag->degree[i];
      sizes = sizes_from (values, ag->n_nodes);
      rwb_graph_view_set_entity_sizes (a->view, g, sizes);
    }
  else
    rwb_analysis_betweenness_async (ag, NULL, NULL, NULL, a->cancellable, betweenness_done,
                                    graph_job_new (a, g));
}

static void
size_by_change_state (GSimpleAction *action, GVariant *value, gpointer data)
{
  const char *by = g_variant_get_string (value, NULL);

  if (!g_str_equal (by, "none") && !g_str_equal (by, "degree") && !g_str_equal (by, "betweenness"))
    return;
  g_simple_action_set_state (action, value);
  apply_sizes (data, by);
}

/* --- Focus ---------------------------------------------------------------------------------- */

typedef struct {
  Analysis *analysis;
  RwbGraph *graph;              /* the whole graph */
  GArray *entities;             /* the focus's entities, as indices of @graph */
  GArray *relations;            /* its relations, as indices of @graph */
  guint depth;
} FocusJob;

static void
focus_job_free (FocusJob *job)
{
  analysis_unref (job->analysis);
  rwb_graph_unref (job->graph);
  g_array_unref (job->entities);
  g_array_unref (job->relations);
  g_free (job);
}

static void
focus_laid_out (GObject *source, GAsyncResult *result, gpointer data)
{
  FocusJob *job = data;
  Analysis *a = job->analysis;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbScene) scene = rwb_layout_run_finish (result, &error);
  RwbScene *shown;

  if (scene == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tell (a, error->message);
      focus_job_free (job);
      return;
    }
  shown = rwb_session_get_scene (a->session);
  if (shown == NULL || shown->graph != job->graph)
    {
      focus_job_free (job);
      return;
    }

  /* The scene of the subgraph becomes a scene of the whole graph with only these nodes. */
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      RwbSceneNode *n = &g_array_index (scene->nodes, RwbSceneNode, i);

      n->entity = g_array_index (job->entities, guint, n->entity);
    }
  for (guint i = 0; i < scene->edges->len; i++)
    {
      RwbSceneEdge *e = &g_array_index (scene->edges, RwbSceneEdge, i);

      e->relation = g_array_index (job->relations, guint, e->relation);
    }
  rwb_graph_unref (scene->graph);
  scene->graph = rwb_graph_ref (job->graph);

  if (a->whole == NULL)
    {
      a->whole = rwb_scene_copy (shown);
      g_clear_pointer (&a->focus_graph, rwb_graph_unref);
      a->focus_graph = rwb_graph_ref (job->graph);
    }
  a->setting_focus = TRUE;
  rwb_session_set_scene (a->session, g_steal_pointer (&scene));
  a->setting_focus = FALSE;
  {
    g_autofree char *message = NULL;

    /* Translators: focus mode: %u entities within %u steps of the selection. */
    message = g_strdup_printf (_("Focus: %u entities within %u steps; Back to Whole Graph returns"),
                               job->entities->len, job->depth);
    tell (a, message);
  }
  focus_job_free (job);
  update_enabled (a);
}

static void
focus_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Analysis *a = data;
  guint depth = CLAMP (g_variant_get_uint32 (parameter), 1, 5);
  g_autoptr (GArray) selected = rwb_session_get_selected_entities (a->session);
  RwbGraph *g = rwb_session_get_graph (a->session);
  g_autoptr (RwbAnalysisGraph) ag = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbGraph) sub = NULL;
  g_autofree guint8 *in = NULL;
  RwbLayoutOptions options;
  FocusJob *job;
  GArray *ego;

  if (g == NULL || selected->len == 0)
    return;
  ag = rwb_analysis_graph_new (g, NULL);
  ego = rwb_analysis_ego (ag, (const guint *) selected->data, selected->len, depth, NULL, &error);
  if (ego == NULL)
    {
      tell (a, error->message);
      return;
    }
  sub = rwb_analysis_subgraph (g, (const guint *) ego->data, ego->len, &error);
  if (sub == NULL)
    {
      g_array_unref (ego);
      tell (a, error->message);
      return;
    }
  job = g_new0 (FocusJob, 1);
  job->analysis = analysis_ref (a);
  job->graph = rwb_graph_ref (g);
  job->entities = ego;
  job->depth = depth;
  /* The subgraph keeps the whole graph's relations among its entities, in their order. */
  job->relations = g_array_new (FALSE, FALSE, sizeof (guint));
  in = g_malloc0 (MAX (g->entities->len, 1));
  for (guint i = 0; i < ego->len; i++)
    in[g_array_index (ego, guint, i)] = 1;
  for (guint r = 0; r < g->relations->len; r++)
    {
      const RwbRelation *rel = g_ptr_array_index (g->relations, r);

      if (rel->source < g->entities->len && rel->target < g->entities->len && in[rel->source]
          && in[rel->target])
        g_array_append_val (job->relations, r);
    }
  g_assert (job->relations->len == sub->relations->len);

  rwb_layout_options_init (&options);
  options.include_mentions = rwb_session_get_show_mentions (a->session);
  rwb_layout_run_async (sub, &options, a->cancellable, focus_laid_out, job);
}

static void
unfocus_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Analysis *a = data;
  RwbScene *shown = rwb_session_get_scene (a->session);

  if (a->whole == NULL)
    return;
  if (shown != NULL && shown->graph == a->focus_graph)
    {
      a->setting_focus = TRUE;
      rwb_session_set_scene (a->session, g_steal_pointer (&a->whole));
      a->setting_focus = FALSE;
    }
  g_clear_pointer (&a->whole, rwb_scene_free);
  g_clear_pointer (&a->focus_graph, rwb_graph_unref);
  update_enabled (a);
}

/* Another graph, or a layout of the window: the focus is over, and the colours and sizes are
 * those of the new graph. */
static void
on_scene_changed (Analysis *a)
{
  RwbScene *shown = rwb_session_get_scene (a->session);
  GAction *action;
  g_autoptr (GVariant) colors = NULL, sizes = NULL;

  if (!a->setting_focus)
    {
      g_clear_pointer (&a->whole, rwb_scene_free);
      g_clear_pointer (&a->focus_graph, rwb_graph_unref);
    }
  /* The paths listed are of a graph no longer shown. */
  if (a->connection_window != NULL
      && (shown == NULL || shown->graph != a->connection_graph))
    gtk_window_destroy (GTK_WINDOW (a->connection_window));
  if (a->map != NULL && shown != NULL && a->view != NULL)
    {
      action = g_action_map_lookup_action (a->map, "color-communities");
      colors = g_action_get_state (action);
      action = g_action_map_lookup_action (a->map, "size-by");
      sizes = g_action_get_state (action);
      /* The view dropped them with the old graph. */
      if (g_variant_get_boolean (colors))
        start_communities (a);
      if (!g_str_equal (g_variant_get_string (sizes, NULL), "none"))
        apply_sizes (a, g_variant_get_string (sizes, NULL));
    }
  update_enabled (a);
}

/* --- Statistics ----------------------------------------------------------------------------- */

/* Names of up to @max entities of @list (entity indices), comma separated, escaped, with how
 * many more there are. */
static void
append_names (GString *out, RwbGraph *g, const guint *list, guint n, guint max)
{
  for (guint k = 0; k < MIN (n, max); k++)
    {
      const RwbEntity *e = g_ptr_array_index (g->entities, list[k]);
      g_autofree char *shown = rwb_display_name (e->name, RWB_DISPLAY_NAME_MAX);
      g_autofree char *name = g_markup_escape_text (shown, -1);

      /* Translators: the separator between names in a list of the statistics window. */
      g_string_append_printf (out, "%s\u2068%s\u2069", k > 0 ? _(", ") : "", name);
    }
  if (n > max)
    {
      g_string_append_c (out, ' ');
      /* Translators: after a list of names cut short in the statistics window. */
      g_string_append_printf (out, _("(+%u more)"), n - max);
    }
}

/* What the articles of the date shown added: the date the timeline handle stands on (or the
 * latest) against the one before it. */
static void
append_changes (GString *out, RwbGraph *g, const char *as_of)
{
  g_autoptr (RwbTimeline) tl = rwb_timeline_new (g);
  g_autoptr (GArray) ents = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) rels = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = rwb_timeline_n_dates (tl), d = n;

  /* Translators: a heading of the statistics window: what the latest articles added. */
  g_string_append_printf (out, "\n<b>%s</b>\n", _("What changed"));
  if (n == 0)
    {
      /* Translators: the statistics window, when no article has a date. */
      g_string_append_printf (out, "%s\n", _("No article has a date."));
      return;
    }
  for (guint i = 0; i < n && d == n; i++)
    if (as_of != NULL && strcmp (rwb_timeline_date (tl, i), as_of) >= 0)
      d = strcmp (rwb_timeline_date (tl, i), as_of) == 0 || i == 0 ? i : i - 1;
  if (d == n)
    d = n - 1;
  rwb_timeline_changes (tl, d > 0 ? rwb_timeline_date (tl, d - 1) : NULL,
                        rwb_timeline_date (tl, d), ents, rels);
  if (d > 0)
    /* Translators: the statistics window: %s are two dates, the later first. */
    g_string_append_printf (out, _("On %s, since %s:"), rwb_timeline_date (tl, d),
                            rwb_timeline_date (tl, d - 1));
  else
    /* Translators: the statistics window: %s is the first date of the articles. */
    g_string_append_printf (out, _("On %s, the first date:"), rwb_timeline_date (tl, d));
  g_string_append_c (out, '\n');
  /* Translators: the statistics window: how many entities the date added, then their names. */
  g_string_append_printf (out, _("New entities: %u"), ents->len);
  if (ents->len > 0)
    {
      g_string_append (out, " — ");
      append_names (out, g, (const guint *) ents->data, ents->len, 12);
    }
  g_string_append_c (out, '\n');
  /* Translators: the statistics window: how many relations the date added. */
  g_string_append_printf (out, _("New relations: %u"), rels->len);
  g_string_append_c (out, '\n');
  for (guint k = 0; k < MIN (rels->len, 8); k++)
    {
      const RwbRelation *r = g_ptr_array_index (g->relations, g_array_index (rels, guint, k));
      g_autofree char *a = isolated_name (g_ptr_array_index (g->entities, r->source));
      g_autofree char *b = isolated_name (g_ptr_array_index (g->entities, r->target));
      g_autofree char *type = g_markup_escape_text (_(rwb_relation_type_label (r->type)), -1);

      g_string_append_printf (out, "    %s —%s%s %s\n", a, type, r->directed ? arrow_on () : "—",
                              b);
    }
}

/* Louvain's communities of two or more, each with its members. */
static void
append_communities (GString *out, RwbGraph *g, const RwbCommunities *c)
{
  guint shown = 0;

  for (guint k = 0; k < c->n_communities; k++)
    {
      guint size = c->member_offsets[k + 1] - c->member_offsets[k];

      if (size < 2)
        continue;
      shown++;
      /* Translators: the statistics window: community number %u and how many members. */
      g_string_append_printf (out, _("%u. members: %u"), shown, size);
      g_string_append (out, " — ");
      append_names (out, g, c->members + c->member_offsets[k], size, 10);
      g_string_append_c (out, '\n');
    }
  if (shown == 0)
    /* Translators: the statistics window, when no two entities form a community. */
    g_string_append_printf (out, "%s\n", _("None: no two entities cluster together."));
}

typedef struct {
  GtkWidget *label;  /* weak */
  char *head;        /* what the label shows above the communities */
  RwbGraph *graph;
} StatisticsJob;

static void
statistics_job_free (StatisticsJob *job)
{
  g_clear_weak_pointer (&job->label);
  g_free (job->head);
  rwb_graph_unref (job->graph);
  g_free (job);
}

static void
statistics_communities_done (GObject *source, GAsyncResult *result, gpointer data)
{
  StatisticsJob *job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbCommunities) c = rwb_analysis_communities_finish (result, &error);

  if (job->label != NULL)
    {
      GString *text = g_string_new (job->head);

      if (c != NULL)
        {
          /* Translators: %.2f is Louvain's modularity of the communities listed. */
          g_string_append_printf (text, _("modularity %.2f"), c->modularity);
          g_string_append_c (text, '\n');
          append_communities (text, job->graph, c);
        }
      else
        g_string_append_printf (text, "%s\n", error->message);
      gtk_label_set_markup (GTK_LABEL (job->label), text->str);
      g_string_free (text, TRUE);
    }
  statistics_job_free (job);
}

static void
statistics_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Analysis *a = data;
  RwbGraph *g = rwb_session_get_graph (a->session);
  g_autoptr (RwbStatistics) st = NULL;
  g_autoptr (RwbAnalysisGraph) ag = NULL;
  GString *text;
  GtkWidget *window, *scrolled, *label;
  StatisticsJob *job;

  if (g == NULL)
    return;
  st = rwb_analysis_statistics (g, NULL, 10);
  text = g_string_new (NULL);
  /* Translators: the statistics window's first line. */
  g_string_append_printf (text, _("%u entities, %u relations, %u articles; %u entities without a relation"),
                          st->n_entities, st->n_relations, st->n_documents, st->n_isolated);
  g_string_append_printf (text, "\n\n<b>%s</b>\n", _("Entities by type"));
  for (guint t = 0; t < RWB_ENTITY_N_TYPES; t++)
    g_string_append_printf (text, "%s\t%u\n", _(rwb_entity_type_label (t)), st->entities_by_type[t]);
  g_string_append_printf (text, "\n<b>%s</b>\n", _("Relation types over all articles"));
  for (guint t = 0; t < RWB_RELATION_N_TYPES; t++)
    if (st->relations_by_type[t] > 0)
      g_string_append_printf (text, "%s\t%u\n", _(rwb_relation_type_label (t)),
                              st->relations_by_type[t]);
  g_string_append_printf (text, "\n<b>%s</b>\n", _("Most connected companies"));
  for (guint k = 0; k < st->n_top_companies; k++)
    {
      guint e = st->top_companies[k];
      const RwbEntity *entity = g_ptr_array_index (g->entities, e);
      g_autofree char *name = rwb_isolated_name_markup (entity->name);

      /* The mark first: the line keeps the window's direction whatever the name's script. */
      g_string_append_printf (text, "%s%u. %s\t%u\n", rwb_ui_is_rtl () ? RWB_BIDI_RLM : RWB_BIDI_LRM,
                              k + 1, name,
                              rwb_graph_entity_degree (g, e, FALSE));
    }
  append_changes (text, g, rwb_session_get_as_of (a->session));
  /* Translators: a heading of the statistics window; Louvain is the algorithm's name. */
  g_string_append_printf (text, "\n<b>%s</b>\n", _("Communities (Louvain)"));

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Statistics"));
  gtk_window_set_default_size (GTK_WINDOW (window), 460, 560);
  if (a->parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), a->parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  label = gtk_label_new (NULL);
  {
    g_autofree char *waiting = g_strdup_printf ("%s%s\n", text->str, _("Finding communities…"));

    gtk_label_set_markup (GTK_LABEL (label), waiting);
  }
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_end (label, 18);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_name (label, "statistics-text");
  {
    /* The counts in one column after the names, in either direction (tab stops every eight
     * spaces leave them ragged). */
    PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 260);

    gtk_label_set_tabs (GTK_LABEL (label), tabs);
    pango_tab_array_free (tabs);
  }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  g_object_set_data (G_OBJECT (window), "statistics-text", label);
  gtk_window_present (GTK_WINDOW (window));
  /* A selectable label takes the focus with all its text selected: start with none. */
  gtk_label_select_region (GTK_LABEL (label), 0, 0);

  /* The communities in a worker thread: a large graph takes a while. */
  job = g_new0 (StatisticsJob, 1);
  g_set_weak_pointer (&job->label, label);
  job->head = g_string_free (text, FALSE);
  job->graph = rwb_graph_ref (g);
  ag = rwb_analysis_graph_new (g, NULL);
  rwb_analysis_communities_async (ag, NULL, a->cancellable, statistics_communities_done, job);
}

/* --- Setup ---------------------------------------------------------------------------------- */

static void
on_action_gone (gpointer data, GObject *gone)
{
  analysis_unref (data);
}

static void
closure_unref (gpointer data, GClosure *closure)
{
  analysis_unref (data);
}

static void
add_view_action (GActionMap *map, Analysis *a, const char *name, const char *view_name)
{
  GSimpleAction *action = g_simple_action_new (name, NULL);

  g_object_set_data (G_OBJECT (action), "view-action", (gpointer) view_name);
  g_signal_connect_data (action, "activate", G_CALLBACK (view_action), analysis_ref (a),
                         closure_unref, 0);
  g_action_map_add_action (map, G_ACTION (action));
  g_object_unref (action);
}

void
rwb_analysis_actions_add (GActionMap *map, RwbSession *session, RwbGraphView *view,
                          GtkWindow *parent,
                          void (*message_func) (gpointer data, const char *message),
                          gpointer message_data)
{
  Analysis *a = g_new0 (Analysis, 1);
  const GActionEntry entries[] = {
    { .name = "show-connection", .activate = show_connection_action },
    { .name = "clear-highlight", .activate = clear_highlight_action },
    { .name = "focus", .activate = focus_action, .parameter_type = "u" },
    { .name = "unfocus", .activate = unfocus_action },
    { .name = "color-communities", .state = "false", .change_state = color_communities_change_state },
    { .name = "size-by", .parameter_type = "s", .state = "'none'", .change_state = size_by_change_state },
    { .name = "statistics", .activate = statistics_action },
    { .name = "connection-by", .parameter_type = "s", .state = "'count'",
      .change_state = connection_by_change_state },
  };

  g_return_if_fail (G_IS_ACTION_MAP (map) && RWB_IS_SESSION (session));
  g_return_if_fail (RWB_IS_GRAPH_VIEW (view));

  a->ref_count = 1;
  a->session = g_object_ref (session);
  g_set_weak_pointer (&a->view, view);
  g_set_weak_pointer (&a->parent, parent);
  a->map = map;
  a->message_func = message_func;
  a->message_data = message_data;
  a->cancellable = g_cancellable_new ();

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_action_map_add_action_entries (map, &entries[i], 1, analysis_ref (a));
      /* Each action holds a reference, dropped when it is finalized. */
      g_object_weak_ref (G_OBJECT (g_action_map_lookup_action (map, entries[i].name)),
                         on_action_gone, a);
    }
  add_view_action (map, a, "fit", "view.fit");
  add_view_action (map, a, "zoom-in", "view.zoom-in");
  add_view_action (map, a, "zoom-out", "view.zoom-out");
  add_view_action (map, a, "zoom-reset", "view.zoom-reset");
  {
    g_autoptr (GPropertyAction) legend = g_property_action_new ("show-legend", view, "show-legend");
    /* The chip's click, for the keyboard and the menu. */
    g_autoptr (GPropertyAction) collapsed = g_property_action_new ("legend-collapsed", view,
                                                                   "legend-collapsed");

    g_action_map_add_action (map, G_ACTION (legend));
    g_action_map_add_action (map, G_ACTION (collapsed));
  }
  g_object_set_data (G_OBJECT (map), "rwb-analysis", a);

  g_signal_connect_swapped (session, "scene-changed", G_CALLBACK (on_scene_changed), a);
  g_signal_connect_swapped (session, "selection-changed", G_CALLBACK (update_enabled), a);
  update_enabled (a);
  analysis_unref (a);
}

gboolean
rwb_analysis_actions_is_focused (GActionMap *map)
{
  Analysis *a = g_object_get_data (G_OBJECT (map), "rwb-analysis");

  return a != NULL && a->whole != NULL;
}
