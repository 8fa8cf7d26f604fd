/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-cli-path.c — `rawabit-cli path A B`: how two entities are connected, the k shortest
 * paths between them with the relations (and, with -v, the sentences) of every hop. */
#define G_LOG_DOMAIN "rawabit-cli"

#include "rwb-cli.h"

#include "rwb-analysis.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

static gboolean
entity_has_name (const RwbEntity *e, const char *folded)
{
  g_autofree char *name = g_utf8_casefold (e->name, -1);
  if (g_str_equal (name, folded))
    return TRUE;
  for (guint j = 0; e->aliases && j < e->aliases->len; j++)
    {
      g_autofree char *alias = g_utf8_casefold (g_ptr_array_index (e->aliases, j), -1);
      if (g_str_equal (alias, folded))
        return TRUE;
    }
  return FALSE;
}

/* The entity @query names: its exact name; else the one name or alias equal to it in any case;
 * else the entity with that id ("e12"). Several matches are an error that lists them. */
static gint
find_entity (RwbGraph *graph, const char *query, GError **error)
{
  for (guint i = 0; i < graph->entities->len; i++)
    if (g_str_equal (((RwbEntity *) g_ptr_array_index (graph->entities, i))->name, query))
      return i;
  g_autofree char *folded = g_utf8_casefold (query, -1);
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < graph->entities->len; i++)
    if (entity_has_name (g_ptr_array_index (graph->entities, i), folded))
      g_array_append_val (found, i);
  if (found->len == 1)
    return g_array_index (found, guint, 0);
  if (found->len > 1)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      for (guint k = 0; k < found->len && k < 5; k++)
        {
          const RwbEntity *e = g_ptr_array_index (graph->entities, g_array_index (found, guint, k));
          g_string_append_printf (names, "%s%s (%s)", k ? ", " : "", e->name, e->id);
        }
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” names %u entities: %s; give its id instead"), query, found->len,
                   names->str);
      return -1;
    }
  for (guint i = 0; i < graph->entities->len; i++)
    if (g_str_equal (((RwbEntity *) g_ptr_array_index (graph->entities, i))->id, query))
      return i;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("no entity is named “%s” (names, aliases and ids are looked up)"), query);
  return -1;
}

static const RwbEntity *
entity_at (RwbGraph *graph, guint index)
{
  return g_ptr_array_index (graph->entities, index);
}

static guint
evidence_count (const RwbRelation *r)
{
  return rwb_analysis_relation_evidence (r);
}

/* --- Text ---------------------------------------------------------------------------------- */

static void
print_relation (RwbGraph *graph, const RwbRelation *rel, gboolean verbose)
{
  guint n_ev = evidence_count (rel);
  printf ("       %s", rwb_relation_type_to_string (rel->type));
  if (rel->directed)
    printf (" (%s → %s)", entity_at (graph, rel->source)->name,
            entity_at (graph, rel->target)->name);
  printf (g_dngettext (GETTEXT_PACKAGE, ", %u sentence\n", ", %u sentences\n", n_ev), n_ev);
  if (!verbose)
    return;
  for (guint v = 0; v < rel->evidence->len; v++)
    {
      const RwbEvidence *ev = &g_array_index (rel->evidence, RwbEvidence, v);
      g_autofree char *text = rwb_graph_evidence_text (graph, ev);
      const RwbDocument *doc = ev->document < graph->documents->len
                                 ? g_ptr_array_index (graph->documents, ev->document) : NULL;
      g_autofree char *where = doc && doc->path ? g_path_get_basename (doc->path)
                                                : g_strdup (doc ? doc->id : "?");
      g_strstrip (text);
      printf ("         “%s” [%s]\n", text, where);
    }
}

static void
print_text (RwbGraph *graph, GPtrArray *paths, guint a, guint b, RwbPathCost cost,
            gboolean verbose)
{
  if (paths->len == 0)
    {
      printf (_("No path between %s and %s.\n"), entity_at (graph, a)->name,
              entity_at (graph, b)->name);
      return;
    }
  for (guint i = 0; i < paths->len; i++)
    {
      const RwbPath *p = g_ptr_array_index (paths, i);
      printf ("%u. %s", i + 1, entity_at (graph, p->hops[0].from)->name);
      for (guint h = 0; h < p->n_hops; h++)
        printf (" → %s", entity_at (graph, p->hops[h].to)->name);
      if (cost == RWB_PATH_BY_EVIDENCE)
        printf (g_dngettext (GETTEXT_PACKAGE, "  (%u step, cost %.3f)\n",
                             "  (%u steps, cost %.3f)\n", p->n_hops),
                p->n_hops, p->cost);
      else
        printf (g_dngettext (GETTEXT_PACKAGE, "  (%u step)\n", "  (%u steps)\n", p->n_hops),
                p->n_hops);
      for (guint h = 0; h < p->n_hops; h++)
        {
          const RwbPathHop *hop = &p->hops[h];
          printf ("   %s – %s\n", entity_at (graph, hop->from)->name,
                  entity_at (graph, hop->to)->name);
          for (guint k = 0; k < hop->n_relations; k++)
            print_relation (graph, g_ptr_array_index (graph->relations, hop->relations[k]),
                            verbose);
        }
    }
}

/* --- JSON ---------------------------------------------------------------------------------- */

static void
add_entity (JsonBuilder *b, RwbGraph *graph, const char *member, guint index)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, entity_at (graph, index)->id);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, entity_at (graph, index)->name);
  json_builder_end_object (b);
}

static char *
to_json (RwbGraph *graph, GPtrArray *paths, guint a, guint b, RwbPathCost cost,
         gboolean verbose)
{
  g_autoptr (JsonBuilder) jb = json_builder_new ();
  json_builder_begin_object (jb);
  add_entity (jb, graph, "source", a);
  add_entity (jb, graph, "target", b);
  json_builder_set_member_name (jb, "by");
  json_builder_add_string_value (jb, cost == RWB_PATH_BY_EVIDENCE ? "evidence" : "count");
  json_builder_set_member_name (jb, "paths");
  json_builder_begin_array (jb);
  for (guint i = 0; i < paths->len; i++)
    {
      const RwbPath *p = g_ptr_array_index (paths, i);
      json_builder_begin_object (jb);
      json_builder_set_member_name (jb, "cost");
      json_builder_add_double_value (jb, p->cost);
      json_builder_set_member_name (jb, "hops");
      json_builder_begin_array (jb);
      for (guint h = 0; h < p->n_hops; h++)
        {
          const RwbPathHop *hop = &p->hops[h];
          json_builder_begin_object (jb);
          add_entity (jb, graph, "from", hop->from);
          add_entity (jb, graph, "to", hop->to);
          json_builder_set_member_name (jb, "relations");
          json_builder_begin_array (jb);
          for (guint k = 0; k < hop->n_relations; k++)
            {
              const RwbRelation *rel = g_ptr_array_index (graph->relations, hop->relations[k]);
              json_builder_begin_object (jb);
              json_builder_set_member_name (jb, "index");
              json_builder_add_int_value (jb, hop->relations[k]);
              json_builder_set_member_name (jb, "type");
              json_builder_add_string_value (jb, rwb_relation_type_to_string (rel->type));
              json_builder_set_member_name (jb, "source");
              json_builder_add_string_value (jb, entity_at (graph, rel->source)->id);
              json_builder_set_member_name (jb, "target");
              json_builder_add_string_value (jb, entity_at (graph, rel->target)->id);
              json_builder_set_member_name (jb, "directed");
              json_builder_add_boolean_value (jb, rel->directed);
              json_builder_set_member_name (jb, "evidence_count");
              json_builder_add_int_value (jb, evidence_count (rel));
              if (verbose)
                {
                  json_builder_set_member_name (jb, "evidence");
                  json_builder_begin_array (jb);
                  for (guint v = 0; v < rel->evidence->len; v++)
                    {
                      const RwbEvidence *ev = &g_array_index (rel->evidence, RwbEvidence, v);
                      g_autofree char *text = rwb_graph_evidence_text (graph, ev);
                      const RwbDocument *doc = ev->document < graph->documents->len
                                                 ? g_ptr_array_index (graph->documents,
                                                                      ev->document)
                                                 : NULL;
                      json_builder_begin_object (jb);
                      json_builder_set_member_name (jb, "document");
                      json_builder_add_string_value (jb, doc ? doc->id : "");
                      json_builder_set_member_name (jb, "start");
                      json_builder_add_int_value (jb, ev->start);
                      json_builder_set_member_name (jb, "end");
                      json_builder_add_int_value (jb, ev->end);
                      json_builder_set_member_name (jb, "text");
                      json_builder_add_string_value (jb, text);
                      json_builder_end_object (jb);
                    }
                  json_builder_end_array (jb);
                }
              json_builder_end_object (jb);
            }
          json_builder_end_array (jb);
          json_builder_end_object (jb);
        }
      json_builder_end_array (jb);
      json_builder_end_object (jb);
    }
  json_builder_end_array (jb);
  json_builder_end_object (jb);

  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (jb);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

int
rwb_cli_cmd_path (int argc, char **argv)
{
  g_autofree char *format = NULL, *by = NULL, *lexicon_dir = NULL;
  g_auto (GStrv) args = NULL;
  gboolean verbose = FALSE, replace_invalid = FALSE, mentions = FALSE;
  int k = 3;
  const GOptionEntry entries[] = {
    { "k", 'k', 0, G_OPTION_ARG_INT, &k, N_("Show up to N shortest paths (default 3)"), N_("N") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("count (default: fewest relations) or evidence (best attested: Σ 1/sentences)"), N_("COST") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text (default) or json"),
      N_("FORMAT") },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      N_("Print the evidence sentences of every hop"), NULL },
    { "mentions", 0, 0, G_OPTION_ARG_NONE, &mentions,
      N_("Let paths go through co-occurrences (mention relations) too"), NULL },
    { "replace-invalid", 0, 0, G_OPTION_ARG_NONE, &replace_invalid,
      N_("Read articles that are not valid UTF-8, each bad byte replaced by U+FFFD"), NULL },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME, &lexicon_dir,
      N_("Also load the *.tsv lexicon and pattern files in DIR"), N_("DIR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("A B FILE…") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (NULL);
  g_option_context_set_summary (ctx, _("The shortest paths between entities A and B."));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return rwb_cli_usage_error (error->message);
  if (args == NULL || g_strv_length (args) < 3)
    return rwb_cli_usage_error (_("path needs two entities and at least one FILE"));
  if (format && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return rwb_cli_usage_error (_("--format must be text or json"));
  if (by && !g_str_equal (by, "count") && !g_str_equal (by, "evidence"))
    return rwb_cli_usage_error (_("--by must be count or evidence"));
  if (k < 1)
    return rwb_cli_usage_error (_("--k must be 1 or more"));
  RwbPathCost cost = by && g_str_equal (by, "evidence") ? RWB_PATH_BY_EVIDENCE
                                                        : RWB_PATH_BY_COUNT;

  /* Entity names are text, not file names: they are read as UTF-8 whatever the locale. */
  for (guint i = 0; i < 2; i++)
    if (!g_utf8_validate (args[i], -1, NULL))
      return rwb_cli_usage_error (_("entity names must be UTF-8"));

  char *failed = NULL;
  g_autoptr (RwbGraph) graph = rwb_cli_load_inputs (args + 2, lexicon_dir, FALSE,
                                                    replace_invalid, 0, NULL, NULL, &failed,
                                                    &error);
  if (graph == NULL)
    return rwb_cli_fail (failed, error);
  gint a = find_entity (graph, args[0], &error);
  if (a < 0)
    return rwb_cli_fail (NULL, error);
  gint b = find_entity (graph, args[1], &error);
  if (b < 0)
    return rwb_cli_fail (NULL, error);
  if (a == b)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” and “%s” are the same entity (%s)"), args[0], args[1],
                   entity_at (graph, a)->id);
      return rwb_cli_fail (NULL, error);
    }

  RwbAnalysisOptions options = { .with_mentions = mentions };
  g_autoptr (RwbAnalysisGraph) ag = rwb_analysis_graph_new (graph, &options);
  g_autoptr (GPtrArray) paths = rwb_analysis_paths (ag, a, b, k, cost, NULL, &error);
  if (paths == NULL)
    return rwb_cli_fail (NULL, error);
  if (format && g_str_equal (format, "json"))
    {
      g_autofree char *json = to_json (graph, paths, a, b, cost, verbose);
      puts (json);
    }
  else
    print_text (graph, paths, a, b, cost, verbose);
  return fflush (stdout) == 0 ? 0 : 1;
}
