/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-analysis-actions-statistics.c — win.statistics: the counts of the whole graph in a window (types,
 * the most connected, communities, and what changed over the timeline).
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
      g_autofree char *a = rwb_analysis_actions_isolated_name (g_ptr_array_index (g->entities, r->source));
      g_autofree char *b = rwb_analysis_actions_isolated_name (g_ptr_array_index (g->entities, r->target));
      g_autofree char *type = g_markup_escape_text (_(rwb_relation_type_label (r->type)), -1);

      g_string_append_printf (out, "    %s —%s%s %s\n", a, type, r->directed ? rwb_analysis_actions_arrow_on () : "—",
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

void
rwb_analysis_actions_statistics (GSimpleAction *action, GVariant *parameter, gpointer data)
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
