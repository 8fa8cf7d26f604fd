/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-session-project.c — the session's project: opening one (its graph, corrections, positions
 * and date read back), saving the work as one, and its articles removed or dated.
 */
#define G_LOG_DOMAIN "rawabit-session"

#include "rwb-config.h"

#include <glib/gi18n.h>

#include "rwb-graph-builder.h"
#include "rwb-import.h"

#include "rwb-session-private.h"

/* --- Project ------------------------------------------------------------------------------- */

gboolean
rwb_session_reload (RwbSession *self, GError **error)
{
  RwbGraph *graph;

  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  if (self->project == NULL)
    return TRUE;
  if (!rwb_session_reload_positions (self, error))
    return FALSE;
  graph = rwb_session_corrected_graph (self, error);
  if (graph == NULL)
    return FALSE;
  if (self->scene == NULL)
    {
      rwb_session_show (self, graph, NULL);
      rwb_graph_unref (graph);
    }
  else
    rwb_session_edited (self, graph);
  return TRUE;
}

gboolean
rwb_session_set_project (RwbSession *self, RwbProject *project, GError **error)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);
  g_return_val_if_fail (project == NULL || RWB_IS_PROJECT (project), FALSE);

  if (project == self->project)
    return TRUE;

  g_set_object (&self->project, project);
  g_clear_pointer (&self->base, rwb_graph_unref);
  if (project == NULL)
    {
      /* In memory from here on: the graph shown is the base of new corrections. */
      if (self->graph != NULL)
        self->base = rwb_graph_ref (self->graph);
      rwb_session_clear_history (self);
      g_object_notify_by_pspec (G_OBJECT (self), rwb_session_properties[PROP_PROJECT]);
      return TRUE;
    }

  g_ptr_array_set_size (self->history, 0);
  self->n_done = 0;
  g_object_notify_by_pspec (G_OBJECT (self), rwb_session_properties[PROP_PROJECT]);
  rwb_session_notify_history (self);
  if (!rwb_session_reload (self, error))
    return FALSE;
  {
    g_autofree char *as_of = rwb_project_get_view (project, "as-of");

    rwb_session_update_as_of (self, as_of);
  }
  return TRUE;
}

RwbProject *
rwb_session_save_as (RwbSession *self, const char *path, RwbLexicon *lexicon, GError **error)
{
  g_autoptr (RwbProject) project = NULL;
  g_autoptr (GPtrArray) texts = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GPtrArray) items = NULL;
  RwbGraph *base;

  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);
  g_return_val_if_fail (path != NULL && lexicon != NULL, NULL);

  if (self->project != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This work is in a project already"));
      return NULL;
    }
  base = self->base != NULL ? self->base : self->graph;
  if (base == NULL || base->documents->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("There are no articles to save"));
      return NULL;
    }
  texts = g_ptr_array_new ();
  sources = g_ptr_array_new ();
  for (guint i = 0; i < base->documents->len; i++)
    {
      const RwbDocument *d = g_ptr_array_index (base->documents, i);

      if (d->text == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only articles can be saved as a project; this graph was read "
                                 "from a graph file without their text"));
          return NULL;
        }
      g_ptr_array_add (texts, d->text);
      g_ptr_array_add (sources, d->path);
    }
  g_ptr_array_add (texts, NULL);

  items = rwb_import_texts (lexicon, (const char *const *) texts->pdata,
                            (const char *const *) sources->pdata, 0, NULL, NULL, NULL, NULL,
                            error);
  if (items == NULL)
    return NULL;
  project = rwb_project_create (path, error);
  if (project == NULL || !rwb_project_add_articles (project, items, NULL, error))
    return NULL;
  for (guint i = 0; i < rwb_corrections_len (self->corrections); i++)
    if (rwb_project_correct (project, rwb_corrections_get (self->corrections, i), error) == 0)
      return NULL;
  if (g_hash_table_size (self->positions) > 0
      && !rwb_project_move_nodes (project, self->positions, NULL, error))
    return NULL;
  if (!rwb_session_set_project (self, project, error))
    return NULL;
  return self->project;
}

/* A command on the project's articles: done there, then the corrected graph read back. */
static gboolean
articles_changed (RwbSession *self, gboolean ok, GError **error)
{
  RwbGraph *graph;

  if (!ok)
    return FALSE;
  rwb_session_notify_history (self);
  graph = rwb_session_corrected_graph (self, error);
  if (graph == NULL)
    return FALSE;
  rwb_session_edited (self, graph);
  return TRUE;
}

static gboolean
need_project (RwbSession *self, GError **error)
{
  if (self->project != NULL)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Save the work as a project to remove articles or change their dates"));
  return FALSE;
}

gboolean
rwb_session_remove_articles (RwbSession *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!need_project (self, error))
    return FALSE;
  return articles_changed (self, rwb_project_remove_articles (self->project, ids, n_ids, error),
                           error);
}

gboolean
rwb_session_set_article_date (RwbSession *self, gint64 id, const char *date, GError **error)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), FALSE);

  if (!need_project (self, error))
    return FALSE;
  return articles_changed (self, rwb_project_set_article_date (self->project, id, date, error),
                           error);
}

RwbProject *
rwb_session_get_project (RwbSession *self)
{
  g_return_val_if_fail (RWB_IS_SESSION (self), NULL);

  return self->project;
}
