/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-cli-project.c — `rawabit-cli project`: create a project, add articles, list, export,
 * correct, undo and redo, search, remove, date and re-extract; the same core calls the window
 * makes (rwb-project.h). */
#define G_LOG_DOMAIN "rawabit-cli"

#include "rwb-cli.h"

#include "rwb-date.h"
#include "rwb-formats.h"
#include "rwb-input.h"
#include "rwb-json.h"
#include "rwb-project.h"
#include "rwb-provenance.h"
#include "rwb-timeline.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

/* Articles extracted and committed together by `project add`: a kill keeps every batch
 * committed before it, and memory holds one batch of graphs. */
#define ADD_BATCH 64

static const char *project_usage = N_(
  "Usage:\n"
  "  rawabit-cli project create P.rawabit\n"
  "  rawabit-cli project add [--jobs N] [--lexicon DIR] [--replace-invalid] P.rawabit "
  "FILE|DIR...\n"
  "  rawabit-cli project list [--json] P.rawabit\n"
  "  rawabit-cli project export [--format F] [--as-of DATE] -o OUT P.rawabit\n"
  "  rawabit-cli project correct P.rawabit OPERATION\n"
  "  rawabit-cli project corrections P.rawabit\n"
  "  rawabit-cli project undo|redo|history P.rawabit\n"
  "  rawabit-cli project search [--limit N] P.rawabit WORDS...\n"
  "  rawabit-cli project remove P.rawabit ID...\n"
  "  rawabit-cli project date P.rawabit ID DATE|none\n"
  "  rawabit-cli project reextract [--jobs N] [--lexicon DIR] P.rawabit\n"
  "\n"
  "OPERATION is one of:\n"
  "  --reject NAME                   --reject-relation A B TYPE\n"
  "  --merge A B    (B into A)       --split A ALIAS\n"
  "  --rename A NEW                  --retype A ENTITY-TYPE\n"
  "  --reverse A B TYPE  (A → B)     --retype-relation A B TYPE NEW-TYPE\n"
  "  --add-relation A B TYPE         --confirm NAME\n"
  "  --confirm-relation A B TYPE     --withdraw ID\n"
  "Names are compared in the matching form (case, diacritics and Arabic letter variants do\n"
  "not matter); corrections apply to every article, also those added later.\n");

static int
project_usage_error (const char *message)
{
  g_printerr (_("rawabit-cli: %s (see rawabit-cli project --help)\n"), message);
  return 2;
}

static RwbProject *
open_project (const char *path, gboolean read_only, GError **error)
{
  return rwb_project_open (path, read_only ? RWB_PROJECT_OPEN_READ_ONLY : 0, error);
}

/* Parses OPTIONS P.rawabit [ARGS…]: @entries plus the project path first among the rest;
 * @summary is translated here (mark it with N_). */
static gboolean
parse (int *argc, char ***argv, const char *parameters, const char *summary,
       const GOptionEntry *entries, char ***rest, int *status)
{
  g_autoptr (GOptionContext) ctx = g_option_context_new (parameters);
  g_option_context_set_summary (ctx, _(summary));
  if (entries)
    g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      *status = project_usage_error (error->message);
      return FALSE;
    }
  *rest = *argv + 1;
  if (*argc < 2)
    {
      *status = project_usage_error (_("the command needs a project file P.rawabit"));
      return FALSE;
    }
  return TRUE;
}

static int
cmd_create (int argc, char **argv)
{
  char **rest;
  int status;
  if (!parse (&argc, &argv, "P.rawabit", N_("Create an empty project."), NULL, &rest, &status))
    return status;
  if (argc != 2)
    return project_usage_error (_("create takes one project file"));
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) p = rwb_project_create (rest[0], &error);
  if (p == NULL)
    return rwb_cli_fail (NULL, error);
  if (!rwb_project_close (p, &error))
    return rwb_cli_fail (NULL, error);
  return 0;
}

static RwbLexicon *
load_lexicon (const char *dir, GError **error)
{
  return rwb_lexicon_new_default (dir, error);
}

static int
cmd_add (int argc, char **argv)
{
  g_autofree char *lexicon_dir = NULL;
  gboolean replace_invalid = FALSE, verbose = FALSE;
  int jobs = 0;
  const GOptionEntry entries[] = {
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, N_("Extract on N threads (default: one per core)"),
      N_("N") },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME, &lexicon_dir,
      N_("Also load the *.tsv lexicon and pattern files in DIR"), N_("DIR") },
    { "replace-invalid", 0, 0, G_OPTION_ARG_NONE, &replace_invalid,
      N_("Read articles that are not valid UTF-8, each bad byte replaced by U+FFFD"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("Say how many articles are done"), NULL },
    { NULL }
  };
  char **rest;
  int status;
  if (!parse (&argc, &argv, "P.rawabit FILE|DIR…", N_("Add articles to a project."), entries, &rest,
              &status))
    return status;
  if (argc < 3)
    return project_usage_error (_("add needs a project and at least one FILE or DIR"));
  if (jobs < 0 || jobs > 256)
    return project_usage_error (_("--jobs must be between 1 and 256"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) paths = rwb_import_expand_paths ((const char *const *) rest + 1, &error);
  if (paths == NULL)
    return rwb_cli_fail (NULL, error);
  g_autoptr (RwbProject) p = open_project (rest[0], FALSE, &error);
  if (p == NULL)
    return rwb_cli_fail (NULL, error);
  g_autoptr (RwbLexicon) lexicon = load_lexicon (lexicon_dir, &error);
  if (lexicon == NULL)
    return rwb_cli_fail (NULL, error);
  RwbExtractOptions options = { NULL, NULL, replace_invalid ? RWB_TEXT_LOAD_REPLACE_INVALID
                                                             : RWB_TEXT_LOAD_DEFAULT };
  guint failed = 0;
  /* A Rawabit JSON graph brings its articles (with their text); other graphs and projects
   * are not articles. The rest are articles. */
  g_autoptr (GPtrArray) articles = g_ptr_array_new ();
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
      RwbInputKind kind = rwb_input_kind (file, NULL);
      if (kind == RWB_INPUT_ARTICLE)
        {
          g_ptr_array_add (articles, (gpointer) path);
          continue;
        }
      g_autoptr (GError) local = NULL;
      g_autoptr (GPtrArray) items = NULL;
      if (kind == RWB_INPUT_GRAPH && g_str_has_suffix (path, ".json"))
        items = rwb_import_json (lexicon, path, &options, &local);
      else
        g_set_error (&local, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("%s is a graph or a project, not an article (add articles, or a Rawabit "
                       "JSON with their text)"), path);
      if (items == NULL || !rwb_project_add_articles (p, items, NULL, &local))
        {
          if (local->domain == RWB_PROJECT_ERROR)
            return rwb_cli_fail (NULL, local);
          rwb_cli_fail (NULL, local);
          failed++;
        }
    }
  for (guint start = 0; start < articles->len; start += ADD_BATCH)
    {
      guint n = MIN (ADD_BATCH, articles->len - start);
      g_autoptr (GPtrArray) batch = g_ptr_array_new ();
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (batch, g_ptr_array_index (articles, start + i));
      g_ptr_array_add (batch, NULL);
      g_autoptr (GPtrArray) items = rwb_import_files (lexicon, (const char *const *) batch->pdata,
                                                      jobs, &options, NULL, NULL, NULL, &error);
      if (items == NULL)
        return rwb_cli_fail (NULL, error);
      for (guint i = 0; i < items->len; i++)
        {
          RwbImportItem *item = g_ptr_array_index (items, i);
          if (item->error)
            {
              rwb_cli_fail (item->path, item->error);
              failed++;
            }
        }
      g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (!rwb_project_add_articles (p, items, ids, &error))
        return rwb_cli_fail (NULL, error);
      if (verbose)
        g_printerr (_("%u of %u articles\n"), MIN (start + n, articles->len), articles->len);
    }
  if (!rwb_project_close (p, &error))
    return rwb_cli_fail (NULL, error);
  return failed ? 1 : 0;
}

static int
cmd_list (int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };
  char **rest;
  int status;
  if (!parse (&argc, &argv, "P.rawabit", N_("The articles with their counts and dates."), entries,
              &rest, &status))
    return status;
  if (argc != 2)
    return project_usage_error (_("list takes one project file"));
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) p = open_project (rest[0], TRUE, &error);
  if (p == NULL)
    return rwb_cli_fail (NULL, error);
  g_autoptr (GPtrArray) articles = rwb_project_list_articles (p, FALSE, &error);
  g_autoptr (RwbGraph) graph = articles ? rwb_project_load_corrected_graph (p, NULL, &error)
                                        : NULL;
  if (graph == NULL)
    return rwb_cli_fail (NULL, error);
  /* Counts of the corrected graph: a rejected entity counts in no article. */
  g_autofree guint *n_entities = NULL, *n_relations = NULL;
  rwb_graph_document_counts (graph, FALSE, &n_entities, &n_relations);
  g_autoptr (GHashTable) doc_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = g_new0 (gint64, graph->documents->len + 1);
  for (guint d = 0; d < graph->documents->len; d++)
    {
      ids[d] = rwb_document_article_id (g_ptr_array_index (graph->documents, d));
      g_hash_table_insert (doc_of, &ids[d], GUINT_TO_POINTER (d + 1));
    }
  g_autoptr (JsonBuilder) b = json ? json_builder_new () : NULL;
  if (b)
    json_builder_begin_array (b);
  else
    printf ("id\tdate\tentities\trelations\tlanguage\ttitle\tsource\n");
  for (guint i = 0; i < articles->len; i++)
    {
      RwbArticleInfo *a = g_ptr_array_index (articles, i);
      guint d = GPOINTER_TO_UINT (g_hash_table_lookup (doc_of, &a->id));
      guint ne = d ? n_entities[d - 1] : 0, nr = d ? n_relations[d - 1] : 0;
      if (b == NULL)
        {
          printf ("%" G_GINT64_FORMAT "\t%s\t%u\t%u\t%s\t%s\t%s\n", a->id, a->date ? a->date : "-",
                  ne, nr, a->language, a->title ? a->title : "-", a->source ? a->source : "-");
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, a->id);
      const char *keys[] = { "title", "source", "language", "date", "date_source", "added" };
      const char *values[] = { a->title, a->source, a->language, a->date, a->date_source,
                               a->added };
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          json_builder_set_member_name (b, keys[k]);
          if (values[k])
            json_builder_add_string_value (b, values[k]);
          else
            json_builder_add_null_value (b);
        }
      json_builder_set_member_name (b, "entities");
      json_builder_add_int_value (b, ne);
      json_builder_set_member_name (b, "relations");
      json_builder_add_int_value (b, nr);
      json_builder_end_object (b);
    }
  if (b)
    {
      json_builder_end_array (b);
      g_autoptr (JsonNode) root = json_builder_get_root (b);
      g_autofree char *text = json_to_string (root, TRUE);
      printf ("%s\n", text);
    }
  return fflush (stdout) == 0 ? 0 : 1;
}

static int
cmd_export (int argc, char **argv)
{
  g_autofree char *format = NULL, *output = NULL, *as_of = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the graph to OUT (a folder for csv; - for stdout)"), N_("OUT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace OUT even if it is read-only (it stays read-only)"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("json, dot, graphml, csv… (default: from OUT's extension)"), N_("FORMAT") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("Only what the articles dated up to DATE say (the timeline)"), N_("DATE") },
    { NULL }
  };
  char **rest;
  int status;
  if (!parse (&argc, &argv, "P.rawabit", N_("Write the corrected graph in another format."), entries,
              &rest, &status))
    return status;
  if (argc != 2)
    return project_usage_error (_("export takes one project file"));
  if (output == NULL)
    return project_usage_error (_("export needs -o OUT"));
  RwbFormat out_format;
  if (format ? !rwb_format_from_string (format, &out_format)
             : !rwb_format_from_path (output, &out_format))
    return project_usage_error (format ? _("unknown --format")
                                       : _("cannot tell the format from OUT's extension; use "
                                           "--format"));
  g_autofree char *date = NULL;
  if (as_of && (date = rwb_date_parse (as_of)) == NULL)
    return project_usage_error (_("--as-of needs a date such as 2024-03-18"));
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) p = open_project (rest[0], TRUE, &error);
  if (p == NULL)
    return rwb_cli_fail (NULL, error);
  g_autoptr (RwbGraph) corrected = rwb_project_load_corrected_graph (p, NULL, &error);
  if (corrected == NULL)
    return rwb_cli_fail (NULL, error);
  g_autoptr (RwbGraph) graph = date ? rwb_graph_as_of (corrected, date)
                                    : rwb_graph_ref (corrected);
  if (g_str_equal (output, "-"))
    {
      g_autofree char *text = rwb_formats_to_string (graph, NULL, out_format, &error);
      if (text == NULL)
        return rwb_cli_fail (NULL, error);
      fputs (text, stdout);
      return fflush (stdout) == 0 ? 0 : 1;
    }
  if (!rwb_formats_write_full (graph, NULL, out_format, output,
                               force ? RWB_SAVE_OVERWRITE_READ_ONLY : RWB_SAVE_DEFAULT, &error))
    return rwb_cli_fail (NULL, error);
  return 0;
}

/* The operations of `project correct`, their argument counts and what each argument is. */
static const struct {
  const char *option;
  RwbCorrectionKind kind;
  guint n_args;
  const char *args;   /* n: name, e: entity type, r: relation type, R: new relation type */
} operations[] = {
  { "--reject", RWB_CORRECTION_REJECT_ENTITY, 1, "n" },
  { "--reject-relation", RWB_CORRECTION_REJECT_RELATION, 3, "nnr" },
  { "--merge", RWB_CORRECTION_MERGE, 2, "nn" },
  { "--split", RWB_CORRECTION_SPLIT, 2, "nn" },
  { "--rename", RWB_CORRECTION_RENAME, 2, "nn" },
  { "--retype", RWB_CORRECTION_RETYPE_ENTITY, 2, "ne" },
  { "--reverse", RWB_CORRECTION_DIRECT_RELATION, 3, "nnr" },
  { "--retype-relation", RWB_CORRECTION_RETYPE_RELATION, 4, "nnrR" },
  { "--add-relation", RWB_CORRECTION_ADD_RELATION, 3, "nnr" },
  { "--confirm", RWB_CORRECTION_CONFIRM_ENTITY, 1, "n" },
  { "--confirm-relation", RWB_CORRECTION_CONFIRM_RELATION, 3, "nnr" },
};

static int
cmd_correct (int argc, char **argv)
{
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      fputs (_(project_usage), stdout);
      return 0;
    }
  if (argc < 3)
    return project_usage_error (_("correct needs a project and an operation (--merge A B, …)"));
  const char *path = argv[1], *op = argv[2];
  char **args = argv + 3;
  guint n_args = argc - 3;
  g_autoptr (GError) error = NULL;
  if (g_str_equal (op, "--withdraw"))
    {
      gint64 id = 0;
      if (n_args != 1 || !g_ascii_string_to_signed (args[0], 10, 1, G_MAXINT64, &id, NULL))
        return project_usage_error (_("--withdraw needs the number of a correction "
                                    "(see project corrections)"));
      g_autoptr (RwbProject) p = open_project (path, FALSE, &error);
      if (p == NULL || !rwb_project_withdraw_correction (p, id, &error))
        return rwb_cli_fail (NULL, error);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    {
      if (!g_str_equal (op, operations[i].option))
        continue;
      if (n_args != operations[i].n_args)
        {
          g_autofree char *m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%s takes %u argument",
                                                             "%s takes %u arguments",
                                                             operations[i].n_args),
                                                op, operations[i].n_args);
          return project_usage_error (m);
        }
      g_autoptr (RwbCorrection) c = rwb_correction_new (operations[i].kind, args[0],
                                                        n_args > 1 && operations[i].args[1] == 'n'
                                                          ? args[1] : NULL);
      for (guint a = 0; a < n_args; a++)
        {
          gboolean ok = TRUE;
          switch (operations[i].args[a])
            {
            case 'e':
              ok = rwb_entity_type_from_string (args[a], &c->entity_type);
              break;
            case 'r':
              ok = rwb_relation_type_from_string (args[a], &c->relation_type);
              break;
            case 'R':
              ok = rwb_relation_type_from_string (args[a], &c->new_relation_type);
              break;
            default:
              break;
            }
          if (!ok)
            {
              g_autofree char *m = g_strdup_printf (operations[i].args[a] == 'e'
                                                      ? _("“%s” is not an entity type")
                                                      : _("“%s” is not a relation type"),
                                                    args[a]);
              return project_usage_error (m);
            }
        }
      g_autoptr (RwbProject) p = open_project (path, FALSE, &error);
      if (p == NULL)
        return rwb_cli_fail (NULL, error);
      gint64 id = rwb_project_correct (p, c, &error);
      if (id == 0)
        return rwb_cli_fail (NULL, error);
      /* Say when it finds nothing in the articles so far: it is kept, for articles to come. */
      g_autoptr (GArray) applied = NULL;
      g_autoptr (RwbGraph) graph = rwb_project_load_corrected_graph (p, &applied, &error);
      if (graph == NULL)
        return rwb_cli_fail (NULL, error);
      if (applied->len > 0 && !g_array_index (applied, gboolean, applied->len - 1))
        g_printerr (_("rawabit-cli: warning: correction %lld changes nothing in the articles "
                      "so far (is the name right?); it is kept for articles added later\n"),
                    (long long) id);
      printf ("%" G_GINT64_FORMAT "\n", id);
      if (!rwb_project_close (p, &error))
        return rwb_cli_fail (NULL, error);
      return 0;
    }
  g_autofree char *m = g_strdup_printf (_("unknown operation “%s”"), op);
  return project_usage_error (m);
}

static int
cmd_corrections (int argc, char **argv)
{
  char **rest;
  int status;
  if (!parse (&argc, &argv, "P.rawabit", N_("The corrections in force."), NULL, &rest, &status))
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) p = open_project (rest[0], TRUE, &error);
  g_autoptr (RwbCorrections) list = p ? rwb_project_get_corrections (p, &error) : NULL;
  g_autoptr (RwbGraph) base = list ? rwb_project_load_graph (p, &error) : NULL;
  if (base == NULL)
    return rwb_cli_fail (NULL, error);
  g_autoptr (GArray) applied = NULL;
  g_autoptr (RwbGraph) corrected = rwb_corrections_apply (base, list, &applied);
  for (guint i = 0; i < rwb_corrections_len (list); i++)
    {
      g_autofree char *said = rwb_correction_describe (rwb_corrections_get (list, i));
      printf ("%" G_GINT64_FORMAT "\t%s%s\n", rwb_corrections_get_id (list, i), said,
              g_array_index (applied, gboolean, i) ? "" : _("\t(changes nothing so far)"));
    }
  return fflush (stdout) == 0 ? 0 : 1;
}

static int
cmd_undo_redo (int argc, char **argv, gboolean redo)
{
  char **rest;
  int status;
  if (!parse (&argc, &argv, "P.rawabit",
              redo ? N_("Redo the last command undone.") : N_("Undo the last command."), NULL,
              &rest, &status))
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) p = open_project (rest[0], FALSE, &error);
  if (p == NULL)
    return rwb_cli_fail (NULL, error);
  g_autoptr (RwbHistoryEntry) entry = NULL;
  if (!(redo ? rwb_project_redo (p, &entry, &error) : rwb_project_undo (p, &entry, &error)))
    return rwb_cli_fail (NULL, error);
  printf ("%s %s\n", redo ? _("Redid") : _("Undid"), _(entry->label));
  if (!rwb_project_close (p, &error))
    return rwb_cli_fail (NULL, error);
  return 0;
}

static int
cmd_history (int argc, char **argv)
{
  char **rest;
  int status;
  if (!parse (&argc, &argv, "P.rawabit", N_("The undo history."), NULL, &rest, &status))
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) p = open_project (rest[0], TRUE, &error);
  g_autoptr (GPtrArray) history = p ? rwb_project_list_history (p, &error) : NULL;
  if (history == NULL)
    return rwb_cli_fail (NULL, error);
  for (guint i = 0; i < history->len; i++)
    {
      RwbHistoryEntry *e = g_ptr_array_index (history, i);
      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", e->seq, e->done ? "done" : "undone",
              e->created, e->kind, _(e->label));
    }
  return fflush (stdout) == 0 ? 0 : 1;
}

static int
cmd_search (int argc, char **argv)
{
  int limit = 20;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N sentences (default 20)"), N_("N") },
    { NULL }
  };
  char **rest;
  int status;
  if (!parse (&argc, &argv, "P.rawabit WORDS…", N_("Sentences of the articles with these words."),
              entries, &rest, &status))
    return status;
  if (argc < 3)
    return project_usage_error (_("search needs a project and words to look for"));
  if (limit < 1)
    return project_usage_error (_("--limit must be at least 1"));
  g_autofree char *query = g_strjoinv (" ", rest + 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) p = open_project (rest[0], TRUE, &error);
  g_autoptr (GPtrArray) hits = p ? rwb_project_search (p, query, limit, &error) : NULL;
  if (hits == NULL)
    return rwb_cli_fail (NULL, error);
  for (guint i = 0; i < hits->len; i++)
    {
      RwbSearchHit *h = g_ptr_array_index (hits, i);
      g_autofree char *flat = g_strdelimit (g_strdup (h->text), "\t\n\r", ' ');
      printf ("%" G_GINT64_FORMAT "\t%u\t%u\t%s\n", h->article, h->start, h->end, flat);
    }
  return fflush (stdout) == 0 ? 0 : 1;
}

static gboolean
parse_id (const char *s, gint64 *id)
{
  return g_ascii_string_to_signed (s, 10, 1, G_MAXINT64, id, NULL);
}

static int
cmd_remove (int argc, char **argv)
{
  char **rest;
  int status;
  if (!parse (&argc, &argv, "P.rawabit ID…", N_("Remove articles (undoably)."), NULL, &rest, &status))
    return status;
  if (argc < 3)
    return project_usage_error (_("remove needs a project and article ids (see project list)"));
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (int i = 1; i < argc - 1; i++)
    {
      gint64 id;
      if (!parse_id (rest[i], &id))
        return project_usage_error (_("article ids are numbers (see project list)"));
      g_array_append_val (ids, id);
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) p = open_project (rest[0], FALSE, &error);
  if (p == NULL || !rwb_project_remove_articles (p, (gint64 *) ids->data, ids->len, &error)
      || !rwb_project_close (p, &error))
    return rwb_cli_fail (NULL, error);
  return 0;
}

static int
cmd_date (int argc, char **argv)
{
  char **rest;
  int status;
  if (!parse (&argc, &argv, "P.rawabit ID DATE", N_("Set an article's date."), NULL, &rest, &status))
    return status;
  gint64 id;
  if (argc != 4 || !parse_id (rest[1], &id))
    return project_usage_error (_("date needs a project, an article id and a date (or none)"));
  g_autofree char *date = NULL;
  if (!g_str_equal (rest[2], "none") && (date = rwb_date_parse (rest[2])) == NULL)
    return project_usage_error (_("the date must be a date such as 2024-03-18 or 18 March 2024"));
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbProject) p = open_project (rest[0], FALSE, &error);
  if (p == NULL || !rwb_project_set_article_date (p, id, date, &error)
      || !rwb_project_close (p, &error))
    return rwb_cli_fail (NULL, error);
  return 0;
}

static int
cmd_reextract (int argc, char **argv)
{
  g_autofree char *lexicon_dir = NULL;
  int jobs = 0;
  const GOptionEntry entries[] = {
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, N_("Extract on N threads (default: one per core)"),
      N_("N") },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME, &lexicon_dir,
      N_("Also load the *.tsv lexicon and pattern files in DIR"), N_("DIR") },
    { NULL }
  };
  char **rest;
  int status;
  if (!parse (&argc, &argv, "P.rawabit", N_("Extract every article again (corrections re-apply)."),
              entries, &rest, &status))
    return status;
  if (jobs < 0 || jobs > 256)
    return project_usage_error (_("--jobs must be between 1 and 256"));
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbLexicon) lexicon = load_lexicon (lexicon_dir, &error);
  if (lexicon == NULL)
    return rwb_cli_fail (NULL, error);
  g_autoptr (RwbProject) p = open_project (rest[0], FALSE, &error);
  if (p == NULL || !rwb_project_reextract (p, lexicon, jobs, NULL, NULL, NULL, &error)
      || !rwb_project_close (p, &error))
    return rwb_cli_fail (NULL, error);
  return 0;
}

int
rwb_cli_cmd_project (int argc, char **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      fputs (_(project_usage), argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  static const struct {
    const char *name;
    int (*run) (int argc, char **argv);
  } subcommands[] = {
    { "create", cmd_create }, { "add", cmd_add }, { "list", cmd_list },
    { "export", cmd_export }, { "correct", cmd_correct }, { "corrections", cmd_corrections },
    { "history", cmd_history }, { "search", cmd_search }, { "remove", cmd_remove },
    { "date", cmd_date }, { "reextract", cmd_reextract },
  };
  const char *sub = argv[1];
  g_autofree char *prog = g_strdup_printf ("rawabit-cli project %s", sub);
  argv[1] = prog;
  if (g_str_equal (sub, "undo") || g_str_equal (sub, "redo"))
    return cmd_undo_redo (argc - 1, argv + 1, g_str_equal (sub, "redo"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (sub, subcommands[i].name))
      return subcommands[i].run (argc - 1, argv + 1);
  g_printerr (_("rawabit-cli: unknown project command “%s” (see rawabit-cli project --help)\n"),
              sub);
  return 2;
}

RwbGraph *
rwb_cli_load_project (const char *path, GError **error)
{
  g_autoptr (RwbProject) p = rwb_project_open (path, RWB_PROJECT_OPEN_READ_ONLY, error);
  if (p == NULL)
    return NULL;
  return rwb_project_load_corrected_graph (p, NULL, error);
}

gboolean
rwb_cli_is_project (const char *path)
{
  return g_str_has_suffix (path, RWB_PROJECT_SUFFIX) || rwb_project_file_is_project (path);
}
