/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-entity-list.c — the entities of the graph in a GtkColumnView.
 *
 * Names are Arabic and Latin, so the name column sorts by ICU collation (rwb-collate), not by
 * bytes or g_utf8_collate() (which follows the C library's locale and is "C" in many
 * sessions). Each item keeps its ICU sort key, so a click on a header is byte comparisons.
 */
#define G_LOG_DOMAIN "rawabit-entity-list"

#include "rwb-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rwb-collate.h"
#include "rwb-entity-item.h"
#include "rwb-analysis.h"
#include "rwb-entity-list.h"
#include "rwb-labels.h"

struct _RwbEntityList
{
  GtkWidget parent_instance;

  /* Template children */
  GtkColumnView *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *degree_column;
  GtkColumnViewColumn *evidence_column;
  GtkColumnViewColumn *centrality_column;

  GCancellable *centrality_cancellable; /* the betweenness being computed, or NULL */
  RwbSession *session;
  RwbGraph *graph;
  GListStore *store;            /* RwbEntityItem, in graph order */
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  RwbCollator *collator;        /* NULL if ICU has no collation data */
  gboolean syncing;             /* while the rows follow the view's selection */
};

G_DEFINE_FINAL_TYPE (RwbEntityList, rwb_entity_list, GTK_TYPE_WIDGET)

static int
compare_names (RwbEntityItem *a, RwbEntityItem *b)
{
  int c = strcmp (rwb_entity_item_get_sort_key (a), rwb_entity_item_get_sort_key (b));

  /* Equal names still get a fixed order, so a re-sort does not shuffle rows. */
  if (c == 0)
    c = (int) rwb_entity_item_get_index (a) - (int) rwb_entity_item_get_index (b);
  return c;
}

static int
sort_by_name (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_names ((RwbEntityItem *) a, (RwbEntityItem *) b);
}

static int
sort_by_type (gconstpointer a, gconstpointer b, gpointer data)
{
  RwbEntityType ta = rwb_entity_item_get_entity_type ((RwbEntityItem *) a);
  RwbEntityType tb = rwb_entity_item_get_entity_type ((RwbEntityItem *) b);

  if (ta != tb)
    return ta < tb ? -1 : 1;
  return compare_names ((RwbEntityItem *) a, (RwbEntityItem *) b);
}

static int
sort_by_degree (gconstpointer a, gconstpointer b, gpointer data)
{
  guint da = rwb_entity_item_get_degree ((RwbEntityItem *) a);
  guint db = rwb_entity_item_get_degree ((RwbEntityItem *) b);

  if (da != db)
    return da < db ? -1 : 1;
  return compare_names ((RwbEntityItem *) a, (RwbEntityItem *) b);
}

static int
sort_by_evidence (gconstpointer a, gconstpointer b, gpointer data)
{
  guint ea = rwb_entity_item_get_evidence ((RwbEntityItem *) a);
  guint eb = rwb_entity_item_get_evidence ((RwbEntityItem *) b);

  if (ea != eb)
    return ea < eb ? -1 : 1;
  return sort_by_degree (a, b, data);
}

static int
sort_by_centrality (gconstpointer a, gconstpointer b, gpointer data)
{
  double ca = rwb_entity_item_get_centrality ((RwbEntityItem *) a);
  double cb = rwb_entity_item_get_centrality ((RwbEntityItem *) b);

  if (ca != cb)
    return ca < cb ? -1 : 1;
  return sort_by_degree (a, b, data);
}

static void
setup_label (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (xalign) ? 1.0f : 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_name (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  RwbEntityItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *name = rwb_display_name (rwb_entity_item_get_name (item), RWB_DISPLAY_NAME_MAX);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), name);
}

static void
bind_type (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  RwbEntityItem *item = gtk_list_item_get_item (list_item);
  RwbEntityType type = rwb_entity_item_get_entity_type (item);
  g_autofree char *label = g_markup_escape_text (rwb_entity_type_label (type), -1);
  g_autofree char *markup = g_strdup_printf ("<span foreground=\"%s\">●</span> %s",
                                             rwb_entity_type_color (type), label);

  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (list_item)), markup);
}

static void
bind_degree (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  RwbEntityItem *item = gtk_list_item_get_item (list_item);
  char text[16];

  g_snprintf (text, sizeof text, "%u", rwb_entity_item_get_degree (item));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
bind_evidence (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  RwbEntityItem *item = gtk_list_item_get_item (list_item);
  char text[16];

  g_snprintf (text, sizeof text, "%u", rwb_entity_item_get_evidence (item));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
bind_centrality (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  RwbEntityItem *item = gtk_list_item_get_item (list_item);
  double c = rwb_entity_item_get_centrality (item);
  char text[16];

  /* Shown once computed (a worker thread computes it for each graph). */
  if (c < 0)
    g_strlcpy (text, "…", sizeof text);
  else
    g_snprintf (text, sizeof text, "%.2f", c);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
set_column_factory (GtkColumnViewColumn *column, GCallback bind, gboolean align_end)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (align_end));
  g_signal_connect (factory, "bind", bind, NULL);
  gtk_column_view_column_set_factory (column, factory);
}

static void
set_column_sorter (GtkColumnViewColumn *column, GCompareDataFunc compare)
{
  g_autoptr (GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

static void
select_in_view (RwbEntityList *self, guint position)
{
  g_autoptr (RwbEntityItem) item = NULL;
  guint entity;

  if (self->session == NULL || self->graph == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (item == NULL)
    return;
  entity = rwb_entity_item_get_index (item);
  if (entity >= self->graph->entities->len)
    return;
  rwb_session_reveal_entity (self->session, entity);
}

static void
on_selected (GtkSingleSelection *selection, GParamSpec *pspec, RwbEntityList *self)
{
  guint position = gtk_single_selection_get_selected (selection);

  if (self->syncing || position == GTK_INVALID_LIST_POSITION)
    return;
  select_in_view (self, position);
}

static void
on_activate (GtkColumnView *column_view, guint position, RwbEntityList *self)
{
  select_in_view (self, position);
}

/* The row of the entity the view selected last, so the list shows where the user is. */
static void
follow_view_selection (RwbEntityList *self)
{
  g_autoptr (GArray) selected = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->session == NULL || self->graph == NULL)
    return;

  selected = rwb_session_get_selected_entities (self->session);
  if (selected != NULL && selected->len > 0)
    {
      guint entity = g_array_index (selected, guint, selected->len - 1);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

      for (guint i = 0; i < n && position == GTK_INVALID_LIST_POSITION; i++)
        {
          g_autoptr (RwbEntityItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

          if (rwb_entity_item_get_index (item) == entity)
            position = i;
        }
    }

  if (gtk_single_selection_get_selected (self->selection) == position)
    return;
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
}

static void
rwb_entity_list_dispose (GObject *object)
{
  RwbEntityList *self = RWB_ENTITY_LIST (object);
  GtkWidget *child;

  rwb_entity_list_set_session (self, NULL);
  if (self->centrality_cancellable != NULL)
    g_cancellable_cancel (self->centrality_cancellable);
  g_clear_object (&self->centrality_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RWB_TYPE_ENTITY_LIST);
  /* Only bound template children are unparented by the call above; the root of the template
   * may not be one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);
  g_clear_pointer (&self->graph, rwb_graph_unref);
  g_clear_pointer (&self->collator, rwb_collator_free);

  G_OBJECT_CLASS (rwb_entity_list_parent_class)->dispose (object);
}

static void
rwb_entity_list_class_init (RwbEntityListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rwb_entity_list_dispose;


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rawabit/Rawabit/rwb-entity-list.ui");
  gtk_widget_class_bind_template_child (widget_class, RwbEntityList, column_view);
  gtk_widget_class_bind_template_child (widget_class, RwbEntityList, name_column);
  gtk_widget_class_bind_template_child (widget_class, RwbEntityList, type_column);
  gtk_widget_class_bind_template_child (widget_class, RwbEntityList, degree_column);
  gtk_widget_class_bind_template_child (widget_class, RwbEntityList, evidence_column);
  gtk_widget_class_bind_template_child (widget_class, RwbEntityList, centrality_column);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rwb-entity-list");
}

static void
rwb_entity_list_init (RwbEntityList *self)
{
  g_autoptr (GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->collator = rwb_collator_new (rwb_collate_default_locale (), RWB_COLLATE_TERTIARY, &error);
  if (self->collator == NULL)
    g_debug ("sorting names by code point: %s", error->message);

  set_column_factory (self->name_column, G_CALLBACK (bind_name), FALSE);
  set_column_factory (self->type_column, G_CALLBACK (bind_type), FALSE);
  set_column_factory (self->degree_column, G_CALLBACK (bind_degree), TRUE);
  set_column_factory (self->evidence_column, G_CALLBACK (bind_evidence), TRUE);
  set_column_factory (self->centrality_column, G_CALLBACK (bind_centrality), TRUE);
  set_column_sorter (self->name_column, sort_by_name);
  set_column_sorter (self->type_column, sort_by_type);
  set_column_sorter (self->degree_column, sort_by_degree);
  set_column_sorter (self->evidence_column, sort_by_evidence);
  set_column_sorter (self->centrality_column, sort_by_centrality);

  self->store = g_list_store_new (RWB_TYPE_ENTITY_ITEM);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selected), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
}

GtkWidget *
rwb_entity_list_new (void)
{
  return g_object_new (RWB_TYPE_ENTITY_LIST, NULL);
}

void
rwb_entity_list_set_session (RwbEntityList *self, RwbSession *session)
{
  g_return_if_fail (RWB_IS_ENTITY_LIST (self));
  g_return_if_fail (session == NULL || RWB_IS_SESSION (session));

  if (!rwb_session_replace (&self->session, session, self))
    return;
  if (session != NULL)
    g_signal_connect_swapped (session, "selection-changed", G_CALLBACK (follow_view_selection),
                              self);

}

static void
centrality_done (GObject *source, GAsyncResult *result, gpointer data)
{
  GWeakRef *weak = data;
  g_autoptr (RwbEntityList) self = g_weak_ref_get (weak);
  g_autoptr (GError) error = NULL;
  g_autoptr (RwbBetweenness) b = rwb_analysis_betweenness_finish (result, &error);
  guint n;

  g_weak_ref_clear (weak);
  g_free (weak);
  if (self == NULL || b == NULL || self->graph == NULL || b->n_nodes != self->graph->entities->len)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  if (n != b->n_nodes)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RwbEntityItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      rwb_entity_item_set_centrality (item, rwb_betweenness_normalized (b, i));
    }
  /* The rows show the new values, and a sort by them sorts again. */
  self->syncing = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self->store), 0, n, n);
  self->syncing = FALSE;
  follow_view_selection (self);
}

void
rwb_entity_list_set_graph (RwbEntityList *self, RwbGraph *graph)
{
  g_autoptr (GPtrArray) items = NULL;

  g_return_if_fail (RWB_IS_ENTITY_LIST (self));

  if (graph == self->graph)
    return;

  g_clear_pointer (&self->graph, rwb_graph_unref);
  if (graph != NULL)
    self->graph = rwb_graph_ref (graph);

  /* The snapshot gives the weighted degree of every row in one pass, and the betweenness. */
  g_autoptr (RwbAnalysisGraph) ag = graph != NULL ? rwb_analysis_graph_new (graph, NULL) : NULL;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; graph != NULL && i < graph->entities->len; i++)
    {
      const RwbEntity *entity = g_ptr_array_index (graph->entities, i);
      /* Sorted by what the row shows: a sort key of a 10 MB name takes ICU a good part of a
       * second on the UI thread, and no two names differ only after their first characters
       * in a way a reader of the list could tell apart. */
      g_autofree char *shown = rwb_display_name (entity->name, RWB_DISPLAY_NAME_MAX_DETAILS);
      g_autofree char *key = self->collator != NULL
                               ? rwb_collator_sort_key (self->collator, shown)
                               : g_utf8_collate_key (shown, -1);
      RwbEntityItem *item = rwb_entity_item_new (graph, i, key);

      if (i < ag->n_nodes)
        rwb_entity_item_set_evidence (item, (guint) ag->weighted_degree[i]);
      g_ptr_array_add (items, item);
    }

  /* One splice: the sort model sorts once, not once per row. */
  self->syncing = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
  follow_view_selection (self);

  /* Betweenness off the UI thread; the rows show it when it comes. */
  if (self->centrality_cancellable != NULL)
    g_cancellable_cancel (self->centrality_cancellable);
  g_clear_object (&self->centrality_cancellable);
  if (graph != NULL && graph->entities->len > 0)
    {
      GWeakRef *weak = g_new0 (GWeakRef, 1);

      /* Weak: a window closed meanwhile goes at once. */
      g_weak_ref_init (weak, self);
      self->centrality_cancellable = g_cancellable_new ();
      rwb_analysis_betweenness_async (ag, NULL, NULL, NULL, self->centrality_cancellable,
                                      centrality_done, weak);
    }
}

GListModel *
rwb_entity_list_get_model (RwbEntityList *self)
{
  g_return_val_if_fail (RWB_IS_ENTITY_LIST (self), NULL);

  return G_LIST_MODEL (self->sorted);
}
