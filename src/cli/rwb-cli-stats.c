/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-cli-stats.c — `rawabit-cli stats`: counts, central entities and communities of a graph,
 * as text or JSON. */
#define G_LOG_DOMAIN "rawabit-cli"

#include "rwb-cli.h"

#include "rwb-analysis.h"
#include "rwb-timeline.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

typedef struct {
  RwbGraph *graph;
  RwbAnalysisGraph *ag;
  RwbStatistics *stats;
  RwbBetweenness *betweenness;
  RwbCommunities *communities;
  guint *by_degree;
  guint n_by_degree;
  guint *by_betweenness;
  guint n_by_betweenness;
  gboolean with_mentions;
} Report;

static const RwbEntity *
entity (const Report *r, guint index)
{
  return g_ptr_array_index (r->graph->entities, index);
}

/* --- Text ---------------------------------------------------------------------------------- */

/* "1 relation, 1 sentence" / "7 relations, 10 sentences". */
static char *
relations_and_sentences (guint relations, guint sentences)
{
  g_autofree char *r = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation",
                                                     "%u relations", relations), relations);
  g_autofree char *s = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sentence",
                                                     "%u sentences", sentences), sentences);
  return g_strdup_printf ("%s, %s", r, s);
}

static void
print_ranking (const Report *r, const guint *ranked, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      guint e = ranked[i];
      g_autofree char *counts = relations_and_sentences (r->ag->degree[e],
                                                         (guint) r->ag->weighted_degree[e]);
      /* Translators: a row of a ranking: rank, name, type, "3 relations, 4 sentences",
       * betweenness. */
      printf (_("%4u. %s (%s): %s, betweenness %.1f\n"), i + 1, entity (r, e)->name,
              rwb_entity_type_to_string (entity (r, e)->type), counts,
              r->betweenness->values[e]);
    }
}

static void
print_text (const Report *r)
{
  const RwbStatistics *st = r->stats;
  /* Translators: "3 documents, 40 entities, 34 relations between 31 pairs of entities
   * (co-occurrences not counted); 6 entities without a relation". */
  g_autofree char *documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document",
                                                             "%u documents", st->n_documents),
                                                st->n_documents);
  g_autofree char *isolated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u entity without a relation",
                                                            "%u entities without a relation",
                                                            st->n_isolated),
                                               st->n_isolated);
  printf (_("%s, %u entities, %u relations between %u pairs of entities%s; %s\n"), documents,
          st->n_entities, st->n_relations, st->n_pairs,
          r->with_mentions ? "" : _(" (co-occurrences not counted)"), isolated);

  printf ("\n%s\n", _("Entities by type"));
  for (guint t = 0; t < RWB_ENTITY_N_TYPES; t++)
    printf ("  %-14s %6u\n", rwb_entity_type_to_string (t), st->entities_by_type[t]);

  printf ("\n%-30s %9s %9s %9s\n", _("Relations by type"), _("relations"), _("sentences"),
          _("documents"));
  for (guint t = 0; t < RWB_RELATION_N_TYPES; t++)
    if (st->relations_by_type[t] > 0)
      {
        g_autofree char *name = g_strdup (rwb_relation_type_to_string (t));
        if (t == RWB_RELATION_MENTION && !r->with_mentions)
          {
            g_free (name);
            name = g_strdup_printf (_("%s (not counted)"), rwb_relation_type_to_string (t));
          }
        printf ("  %-28s %9u %9u %9u\n", name, st->relations_by_type[t],
                st->evidence_by_type[t], st->documents_by_type[t]);
      }

  printf ("\n%-30s %9s %9s %9s\n", _("Documents"), _("entities"), _("relations"),
          _("sentences"));
  for (guint d = 0; d < st->n_documents; d++)
    {
      const RwbDocument *doc = g_ptr_array_index (r->graph->documents, d);
      g_autofree char *base = doc->path ? g_path_get_basename (doc->path) : g_strdup ("");
      g_autofree char *name = g_strdup_printf ("%s %s", doc->id, doc->title ? doc->title : base);
      printf ("  %-28s %9u %9u %9u\n", name, st->documents[d].n_entities,
              st->documents[d].n_relations, st->documents[d].n_evidence);
    }

  printf ("\n%s\n", _("Most connected companies"));
  for (guint i = 0; i < st->n_top_companies; i++)
    {
      guint e = st->top_companies[i];
      g_autofree char *counts = relations_and_sentences (r->ag->degree[e],
                                                         (guint) r->ag->weighted_degree[e]);
      printf ("%4u. %s: %s\n", i + 1, entity (r, e)->name, counts);
    }

  printf ("\n%s\n", _("Most relations (degree)"));
  print_ranking (r, r->by_degree, r->n_by_degree);
  if (r->betweenness->sampled)
    printf ("\n%s\n", _("Most between others (betweenness, estimated)"));
  else
    printf ("\n%s\n", _("Most between others (betweenness)"));
  if (r->betweenness->sampled)
    printf (_("  estimated from the shortest paths of %u of the %u entities\n"),
            r->betweenness->n_sources, r->betweenness->n_included);
  print_ranking (r, r->by_betweenness, r->n_by_betweenness);

  const RwbCommunities *c = r->communities;
  guint alone = 0;
  printf ("\n");
  printf (_("Communities (Louvain): %u, modularity %.3f\n"), c->n_communities, c->modularity);
  for (guint k = 0; k < c->n_communities; k++)
    {
      guint size = c->member_offsets[k + 1] - c->member_offsets[k];
      if (size < 2)
        {
          alone += size;
          continue;
        }
      printf (_("%4u. %u entities: "), k + 1, size);
      for (guint m = c->member_offsets[k]; m < c->member_offsets[k + 1]; m++)
        printf ("%s%s", m > c->member_offsets[k] ? ", " : "", entity (r, c->members[m])->name);
      printf ("\n");
    }
  if (alone > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, "      and %u entity on its own\n",
                         "      and %u entities on their own\n", alone), alone);

  /* What each date's articles added (rwb_timeline_changes), when articles have dates. */
  g_autoptr (RwbTimeline) tl = rwb_timeline_new (r->graph);
  g_autoptr (GArray) ents = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) rels = g_array_new (FALSE, FALSE, sizeof (guint));
  if (rwb_timeline_n_dates (tl) > 0)
    printf ("\n%s\n", _("What changed, date by date"));
  for (guint d = 0; d < rwb_timeline_n_dates (tl); d++)
    {
      g_array_set_size (ents, 0);
      g_array_set_size (rels, 0);
      rwb_timeline_changes (tl, d > 0 ? rwb_timeline_date (tl, d - 1) : NULL,
                            rwb_timeline_date (tl, d), ents, rels);
      g_autofree char *e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new entity",
                                                         "%u new entities", ents->len),
                                            ents->len);
      g_autofree char *rel = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new relation",
                                                           "%u new relations", rels->len),
                                              rels->len);
      printf ("  %s: %s, %s", rwb_timeline_date (tl, d), e, rel);
      for (guint k = 0; k < ents->len; k++)
        printf ("%s%s", k == 0 ? ": " : ", ", entity (r, g_array_index (ents, guint, k))->name);
      printf ("\n");
    }
}

/* --- JSON ---------------------------------------------------------------------------------- */

static void
add_entity_ref (JsonBuilder *b, const Report *r, guint e)
{
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, entity (r, e)->id);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, entity (r, e)->name);
}

static void
add_uint (JsonBuilder *b, const char *name, guint value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_ranking (JsonBuilder *b, const Report *r, const char *name, const guint *ranked, guint n)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      guint e = ranked[i];
      json_builder_begin_object (b);
      add_entity_ref (b, r, e);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, rwb_entity_type_to_string (entity (r, e)->type));
      add_uint (b, "degree", r->ag->degree[e]);
      add_uint (b, "evidence", (guint) r->ag->weighted_degree[e]);
      json_builder_set_member_name (b, "betweenness");
      json_builder_add_double_value (b, r->betweenness->values[e]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static char *
to_json (const Report *r)
{
  const RwbStatistics *st = r->stats;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  add_uint (b, "documents", st->n_documents);
  add_uint (b, "entities", st->n_entities);
  add_uint (b, "relations", st->n_relations);
  add_uint (b, "pairs", st->n_pairs);
  add_uint (b, "isolated", st->n_isolated);
  json_builder_set_member_name (b, "with_mentions");
  json_builder_add_boolean_value (b, r->with_mentions);

  json_builder_set_member_name (b, "entities_by_type");
  json_builder_begin_object (b);
  for (guint t = 0; t < RWB_ENTITY_N_TYPES; t++)
    add_uint (b, rwb_entity_type_to_string (t), st->entities_by_type[t]);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "relations_by_type");
  json_builder_begin_object (b);
  for (guint t = 0; t < RWB_RELATION_N_TYPES; t++)
    {
      json_builder_set_member_name (b, rwb_relation_type_to_string (t));
      json_builder_begin_object (b);
      add_uint (b, "relations", st->relations_by_type[t]);
      add_uint (b, "evidence", st->evidence_by_type[t]);
      add_uint (b, "documents", st->documents_by_type[t]);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "per_document");
  json_builder_begin_array (b);
  for (guint d = 0; d < st->n_documents; d++)
    {
      const RwbDocument *doc = g_ptr_array_index (r->graph->documents, d);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, doc->id);
      if (doc->path)
        {
          json_builder_set_member_name (b, "path");
          json_builder_add_string_value (b, doc->path);
        }
      if (doc->title)
        {
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, doc->title);
        }
      add_uint (b, "entities", st->documents[d].n_entities);
      add_uint (b, "relations", st->documents[d].n_relations);
      add_uint (b, "evidence", st->documents[d].n_evidence);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "top_companies");
  json_builder_begin_array (b);
  for (guint i = 0; i < st->n_top_companies; i++)
    {
      guint e = st->top_companies[i];
      json_builder_begin_object (b);
      add_entity_ref (b, r, e);
      add_uint (b, "degree", r->ag->degree[e]);
      add_uint (b, "evidence", (guint) r->ag->weighted_degree[e]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "betweenness");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sampled");
  json_builder_add_boolean_value (b, r->betweenness->sampled);
  add_uint (b, "sources", r->betweenness->n_sources);
  add_uint (b, "entities", r->betweenness->n_included);
  json_builder_end_object (b);
  add_ranking (b, r, "top_degree", r->by_degree, r->n_by_degree);
  add_ranking (b, r, "top_betweenness", r->by_betweenness, r->n_by_betweenness);

  const RwbCommunities *c = r->communities;
  json_builder_set_member_name (b, "communities");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "algorithm");
  json_builder_add_string_value (b, "louvain");
  json_builder_set_member_name (b, "modularity");
  json_builder_add_double_value (b, c->modularity);
  json_builder_set_member_name (b, "list");
  json_builder_begin_array (b);
  for (guint k = 0; k < c->n_communities; k++)
    {
      json_builder_begin_object (b);
      add_uint (b, "size", c->member_offsets[k + 1] - c->member_offsets[k]);
      json_builder_set_member_name (b, "members");
      json_builder_begin_array (b);
      for (guint m = c->member_offsets[k]; m < c->member_offsets[k + 1]; m++)
        {
          json_builder_begin_object (b);
          add_entity_ref (b, r, c->members[m]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  /* What each date's articles added: [{date, entities: [refs], relations: n}], oldest first. */
  g_autoptr (RwbTimeline) tl = rwb_timeline_new (r->graph);
  g_autoptr (GArray) ents = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) rels = g_array_new (FALSE, FALSE, sizeof (guint));
  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  for (guint d = 0; d < rwb_timeline_n_dates (tl); d++)
    {
      g_array_set_size (ents, 0);
      g_array_set_size (rels, 0);
      rwb_timeline_changes (tl, d > 0 ? rwb_timeline_date (tl, d - 1) : NULL,
                            rwb_timeline_date (tl, d), ents, rels);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "date");
      json_builder_add_string_value (b, rwb_timeline_date (tl, d));
      json_builder_set_member_name (b, "entities");
      json_builder_begin_array (b);
      for (guint k = 0; k < ents->len; k++)
        {
          json_builder_begin_object (b);
          add_entity_ref (b, r, g_array_index (ents, guint, k));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      add_uint (b, "relations", rels->len);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

int
rwb_cli_cmd_stats (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *lexicon_dir = NULL;
  g_auto (GStrv) files = NULL;
  gboolean replace_invalid = FALSE, mentions = FALSE;
  int top = 10, pivots = 0;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text (default) or json"),
      N_("FORMAT") },
    { "top", 'n', 0, G_OPTION_ARG_INT, &top, N_("Rank the N most central entities (default 10)"),
      N_("N") },
    { "mentions", 0, 0, G_OPTION_ARG_NONE, &mentions,
      N_("Count co-occurrences (mention relations) as relations"), NULL },
    { "pivots", 0, 0, G_OPTION_ARG_INT, &pivots,
      N_("Estimate betweenness from K pivots (default: exact below 5000 entities, else 1024)"),
      N_("K") },
    { "replace-invalid", 0, 0, G_OPTION_ARG_NONE, &replace_invalid,
      N_("Read articles that are not valid UTF-8, each bad byte replaced by U+FFFD"), NULL },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME, &lexicon_dir,
      N_("Also load the *.tsv lexicon and pattern files in DIR"), N_("DIR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (NULL);
  g_option_context_set_summary (ctx, _("Counts, central entities and communities of a graph."));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return rwb_cli_usage_error (error->message);
  if (files == NULL || files[0] == NULL)
    return rwb_cli_usage_error (_("stats needs at least one FILE"));
  if (format && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return rwb_cli_usage_error (_("--format must be text or json"));
  if (top < 0)
    return rwb_cli_usage_error (_("--top must be 0 or more"));
  if (pivots < 0)
    return rwb_cli_usage_error (_("--pivots must be 1 or more"));

  char *failed = NULL;
  g_autoptr (RwbGraph) graph = rwb_cli_load_inputs (files, lexicon_dir, FALSE, replace_invalid, 0,
                                                    NULL, NULL, &failed, &error);
  if (graph == NULL)
    return rwb_cli_fail (failed, error);

  RwbAnalysisOptions options = { .with_mentions = mentions };
  g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (graph, &options);
  g_autoptr (RwbStatistics) stats = rwb_analysis_statistics (graph, &options, top);
  /* --pivots asks for an estimate even below the exact limit. */
  RwbBetweennessOptions bopts = { .n_pivots = pivots, .exact_limit = pivots > 0 ? 1 : 0 };
  g_autoptr (RwbBetweenness) betweenness = rwb_analysis_betweenness (ag, &bopts, NULL, &error);
  if (betweenness == NULL)
    return rwb_cli_fail (NULL, error);
  g_autoptr (RwbCommunities) communities = rwb_analysis_communities (ag, NULL, NULL, &error);
  if (communities == NULL)
    return rwb_cli_fail (NULL, error);

  /* Rankings leave out who has no relation, or lies between no one. */
  g_autofree double *degree = g_new0 (double, ag->n_nodes + 1);
  g_autofree guint8 *linked = g_new0 (guint8, ag->n_nodes + 1);
  g_autofree guint8 *between = g_new0 (guint8, ag->n_nodes + 1);
  for (guint i = 0; i < ag->n_nodes; i++)
    {
      degree[i] = ag->degree[i];
      linked[i] = ag->included[i] && ag->degree[i] > 0;
      between[i] = ag->included[i] && betweenness->values[i] > 0;
    }
  Report r = { graph, ag, stats, betweenness, communities, NULL, 0, NULL, 0, mentions };
  r.by_degree = rwb_analysis_rank (degree, betweenness->values, linked, ag->n_nodes, top,
                                   &r.n_by_degree);
  r.by_betweenness = rwb_analysis_rank (betweenness->values, degree, between, ag->n_nodes,
                                        top, &r.n_by_betweenness);
  if (format && g_str_equal (format, "json"))
    {
      g_autofree char *json = to_json (&r);
      puts (json);
    }
  else
    print_text (&r);
  g_free (r.by_degree);
  g_free (r.by_betweenness);
  return fflush (stdout) == 0 ? 0 : 1;
}
