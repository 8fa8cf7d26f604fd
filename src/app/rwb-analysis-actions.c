/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-analysis-actions.c — the questions analysts ask, as window actions: how two entities are
 * connected (the shortest paths, highlighted), what clusters there are (Louvain communities as
 * colours), who is central (nodes sized by degree or betweenness), what surrounds an entity
 * (its ego network, laid out afresh), and the counts of the whole.
 *
 * Every analysis reads a snapshot of the session's graph (rwb-analysis-graph.h); the long ones
 * (paths, communities, betweenness) run in a worker thread through their _async calls, and a
 * result for a graph the session no longer shows is dropped.
 *
 * This file holds what they share (the state behind the actions, messages, names for text),
 * communities, centrality, focus and the setup; Show Connection is in
 * rwb-analysis-actions-connection.c, Statistics in rwb-analysis-actions-statistics.c, and
 * rwb-analysis-actions-private.h is what they share.
 */
#define G_LOG_DOMAIN "rawabit-analysis"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rwb-analysis.h"
#include "rwb-analysis-actions-private.h"
#include "rwb-labels.h"
#include "rwb-layout.h"
#include "rwb-timeline.h"

/* Colours of communities (Tableau 10, readable on light and dark); an entity in a community of
 * its own is grey. */
static const guint32 community_palette[] = {
  0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
  0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac,
};

Analysis *
rwb_analysis_actions_ref (Analysis *a)
{
  a->ref_count++;
  return a;
}

void
rwb_analysis_actions_unref (gpointer data)
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

void
rwb_analysis_actions_tell (Analysis *a, const char *message)
{
  if (a->message_func != NULL)
    a->message_func (a->message_data, message);
}

/* An arrow pointing from the name read first to the one read next: right in a left-to-right
 * window, left in a right-to-left one (arrows are not mirrored by the bidi algorithm). */
const char *
rwb_analysis_actions_arrow_on (void)
{
  return gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? "←" : "→";
}

/* A name set apart from the text around it, so an Arabic name in an English line (or the
 * reverse) does not carry the arrows with it: FSI … PDI, escaped. */
char *
rwb_analysis_actions_isolated_name (const RwbEntity *e)
{
  g_autofree char *shown = rwb_display_name (e->name, RWB_DISPLAY_NAME_MAX);
  g_autofree char *escaped = g_markup_escape_text (shown, -1);

  return g_strdup_printf ("\u2068%s\u2069", escaped);
}

void
rwb_analysis_actions_update_enabled (Analysis *a)
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

/* --- Communities ---------------------------------------------------------------------------- */

typedef struct {
  Analysis *analysis;
  RwbGraph *graph;
} GraphJob;

static GraphJob *
graph_job_new (Analysis *a, RwbGraph *g)
{
  GraphJob *job = g_new0 (GraphJob, 1);

  job->analysis = rwb_analysis_actions_ref (a);
  job->graph = rwb_graph_ref (g);
  return job;
}

static void
graph_job_free (GraphJob *job)
{
  rwb_analysis_actions_unref (job->analysis);
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
      rwb_analysis_actions_tell (a, message);
    }
  else if (c == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    rwb_analysis_actions_tell (a, error->message);
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
          rwb_analysis_actions_tell (a, message);
        }
    }
  else if (b == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    rwb_analysis_actions_tell (a, error->message);
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
  rwb_analysis_actions_unref (job->analysis);
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
        rwb_analysis_actions_tell (a, error->message);
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
    rwb_analysis_actions_tell (a, message);
  }
  focus_job_free (job);
  rwb_analysis_actions_update_enabled (a);
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
      rwb_analysis_actions_tell (a, error->message);
      return;
    }
  sub = rwb_analysis_subgraph (g, (const guint *) ego->data, ego->len, &error);
  if (sub == NULL)
    {
      g_array_unref (ego);
      rwb_analysis_actions_tell (a, error->message);
      return;
    }
  job = g_new0 (FocusJob, 1);
  job->analysis = rwb_analysis_actions_ref (a);
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
  rwb_analysis_actions_update_enabled (a);
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
  rwb_analysis_actions_update_enabled (a);
}

/* --- Setup ---------------------------------------------------------------------------------- */

static void
on_action_gone (gpointer data, GObject *gone)
{
  rwb_analysis_actions_unref (data);
}

static void
closure_unref (gpointer data, GClosure *closure)
{
  rwb_analysis_actions_unref (data);
}

static void
add_view_action (GActionMap *map, Analysis *a, const char *name, const char *view_name)
{
  GSimpleAction *action = g_simple_action_new (name, NULL);

  g_object_set_data (G_OBJECT (action), "view-action", (gpointer) view_name);
  g_signal_connect_data (action, "activate", G_CALLBACK (view_action), rwb_analysis_actions_ref (a),
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
    { .name = "show-connection", .activate = rwb_analysis_actions_show_connection },
    { .name = "clear-highlight", .activate = rwb_analysis_actions_clear_highlight },
    { .name = "focus", .activate = focus_action, .parameter_type = "u" },
    { .name = "unfocus", .activate = unfocus_action },
    { .name = "color-communities", .state = "false", .change_state = color_communities_change_state },
    { .name = "size-by", .parameter_type = "s", .state = "'none'", .change_state = size_by_change_state },
    { .name = "statistics", .activate = rwb_analysis_actions_statistics },
    { .name = "connection-by", .parameter_type = "s", .state = "'count'",
      .change_state = rwb_analysis_actions_connection_by },
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
      g_action_map_add_action_entries (map, &entries[i], 1, rwb_analysis_actions_ref (a));
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
  g_signal_connect_swapped (session, "selection-changed", G_CALLBACK (rwb_analysis_actions_update_enabled), a);
  rwb_analysis_actions_update_enabled (a);
  rwb_analysis_actions_unref (a);
}

gboolean
rwb_analysis_actions_is_focused (GActionMap *map)
{
  Analysis *a = g_object_get_data (G_OBJECT (map), "rwb-analysis");

  return a != NULL && a->whole != NULL;
}
