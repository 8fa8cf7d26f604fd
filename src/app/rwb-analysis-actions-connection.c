/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-analysis-actions-connection.c — win.show-connection: how two (or more) selected entities are
 * connected — the shortest paths between them, found in a worker thread, highlighted in the view
 * and listed with their evidence in a window, ranked by win.connection-by.
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
  rwb_analysis_actions_unref (job->analysis);
  rwb_graph_unref (job->graph);
  g_free (job);
}

static const char *
arrow_back (void)
{
  return gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? "→" : "←";
}

/* Evidence sentences listed per relation of a hop; the rest are counted. */
#define CONNECTION_SENTENCES 3

/* The paths as the Connection window lists them: each path, each hop with its relations
 * (the arrow the way the relation points) and their evidence sentences with the article. */
static char *
connection_markup (RwbGraph *g, guint source, guint target, GPtrArray *paths, RwbPathCost cost)
{
  GString *out = g_string_new (NULL);
  /* Every line starts on the window's side, whatever script its first name is in. */
  const char *dir = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? "\u200f" : "\u200e";
  g_autofree char *from = rwb_analysis_actions_isolated_name (g_ptr_array_index (g->entities, source));
  g_autofree char *to = rwb_analysis_actions_isolated_name (g_ptr_array_index (g->entities, target));

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
          g_autofree char *a = rwb_analysis_actions_isolated_name (g_ptr_array_index (g->entities, hop->from));
          g_autofree char *b = rwb_analysis_actions_isolated_name (g_ptr_array_index (g->entities, hop->to));

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
                g_string_append_printf (out, "%s —%s%s %s\n", a, type, rwb_analysis_actions_arrow_on (), b);
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
        rwb_analysis_actions_tell (a, error->message);
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
      rwb_analysis_actions_tell (a, message);
      path_job_free (job);
      rwb_analysis_actions_update_enabled (a);
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
    rwb_analysis_actions_tell (a, message);
  }
  path_job_free (job);
  rwb_analysis_actions_update_enabled (a);
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
  job->analysis = rwb_analysis_actions_ref (a);
  job->graph = rwb_graph_ref (g);
  job->source = source;
  job->target = target;
  job->cost = connection_cost (a);
  rwb_analysis_paths_async (ag, source, target, 3, job->cost, a->cancellable, paths_done, job);
}

void
rwb_analysis_actions_show_connection (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Analysis *a = data;
  g_autoptr (GArray) selected = rwb_session_get_selected_entities (a->session);
  RwbGraph *g = rwb_session_get_graph (a->session);

  if (g == NULL || selected->len < 2)
    return;
  find_paths (a, g, g_array_index (selected, guint, 0), g_array_index (selected, guint, 1));
}

/* Ranked another way: the same two entities asked again, if their graph is still shown. */
void
rwb_analysis_actions_connection_by (GSimpleAction *action, GVariant *value, gpointer data)
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

void
rwb_analysis_actions_clear_highlight (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Analysis *a = data;
  RwbGraph *g = rwb_session_get_graph (a->session);

  if (a->view != NULL && g != NULL)
    rwb_graph_view_set_highlight (a->view, g, NULL, NULL);
  rwb_analysis_actions_update_enabled (a);
}
