/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-filter-panel.c — hides parts of the graph: by type, by confidence, or all but the
 * neighbourhood of the selection.
 *
 * Hiding is the view's job (rwb_graph_view_set_hidden); this panel only decides what to hide
 * and says how much is hidden, so a user never wonders where an entity went. Co-occurrence
 * (`mention`) links are a layout option (win.show-mentions: they change the layout, not just
 * the picture), so their check button is that action rather than a filter of its own, and
 * the summary counts them no more than the status line does.
 */
#define G_LOG_DOMAIN "rawabit-filter-panel"

#include "rwb-config.h"

#include <glib/gi18n.h>

#include "rwb-filter-panel.h"
#include "rwb-labels.h"

struct _RwbFilterPanel
{
  GtkWidget parent_instance;

  /* Template children */
  GtkLabel *hidden_label;
  GtkBox *entity_types_box;
  GtkGrid *relation_types_grid;
  GtkScale *confidence_scale;
  GtkCheckButton *near_check;
  GtkSpinButton *steps_spin;

  GtkCheckButton *entity_checks[RWB_ENTITY_N_TYPES];
  GtkLabel *entity_labels[RWB_ENTITY_N_TYPES];
  GtkCheckButton *relation_checks[RWB_RELATION_N_TYPES];
  GtkLabel *relation_labels[RWB_RELATION_N_TYPES];

  RwbSession *session;
  RwbGraph *graph;
  gboolean *hidden_entities;    /* graph->entities->len, from the last apply */
  gboolean *hidden_relations;   /* graph->relations->len */
  gboolean applying;            /* the view may signal back while it is told what to hide */
  gboolean resetting;           /* one apply for a reset, not one per control */
};

G_DEFINE_FINAL_TYPE (RwbFilterPanel, rwb_filter_panel, GTK_TYPE_WIDGET)

static void
update_summary (RwbFilterPanel *self, guint n_entities, guint n_relations)
{
  g_autofree char *entities = NULL;
  g_autofree char *relations = NULL;
  g_autofree char *text = NULL;

  if (self->graph == NULL)
    {
      gtk_label_set_text (self->hidden_label, "");
      return;
    }
  if (n_entities == 0 && n_relations == 0)
    {
      gtk_label_set_text (self->hidden_label, _("Everything is shown."));
      return;
    }

  entities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities",
                                           n_entities),
                              n_entities);
  relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations",
                                            n_relations),
                               n_relations);
  /* Translators: "3 entities and 7 relations hidden"; the two %s are counted nouns. */
  text = g_strdup_printf (_("%s and %s hidden"), entities, relations);
  gtk_label_set_text (self->hidden_label, text);
}

/* Entities to measure the neighbourhood from: the selected ones, or a selected relation's
 * two ends. */
static GArray *
neighbourhood_seeds (RwbFilterPanel *self)
{
  GArray *seeds = rwb_session_get_selected_entities (self->session);
  gint relation = rwb_session_get_selected_relation (self->session);

  if (seeds == NULL)
    seeds = g_array_new (FALSE, FALSE, sizeof (guint));
  if (relation >= 0 && (guint) relation < self->graph->relations->len)
    {
      const RwbRelation *r = g_ptr_array_index (self->graph->relations, relation);

      g_array_append_val (seeds, r->source);
      g_array_append_val (seeds, r->target);
    }
  return seeds;
}

void
rwb_filter_panel_apply (RwbFilterPanel *self)
{
  gboolean entity_on[RWB_ENTITY_N_TYPES];
  gboolean relation_on[RWB_RELATION_N_TYPES];
  gboolean show_mentions;
  double min_confidence;
  guint n_entities = 0, n_relations = 0;
  RwbGraph *graph;

  g_return_if_fail (RWB_IS_FILTER_PANEL (self));

  if (self->applying || self->resetting)
    return;

  graph = self->graph;
  g_clear_pointer (&self->hidden_entities, g_free);
  g_clear_pointer (&self->hidden_relations, g_free);
  if (graph == NULL)
    {
      update_summary (self, 0, 0);
      return;
    }

  for (guint t = 0; t < RWB_ENTITY_N_TYPES; t++)
    entity_on[t] = gtk_check_button_get_active (self->entity_checks[t]);
  for (guint t = 0; t < RWB_RELATION_N_TYPES; t++)
    relation_on[t] = t == RWB_RELATION_MENTION
                     || gtk_check_button_get_active (self->relation_checks[t]);
  show_mentions = self->session != NULL && rwb_session_get_show_mentions (self->session);
  min_confidence = gtk_range_get_value (GTK_RANGE (self->confidence_scale));

  self->hidden_entities = g_new0 (gboolean, MAX (graph->entities->len, 1));
  self->hidden_relations = g_new0 (gboolean, MAX (graph->relations->len, 1));

  for (guint i = 0; i < graph->entities->len; i++)
    {
      const RwbEntity *e = g_ptr_array_index (graph->entities, i);

      self->hidden_entities[i] = !entity_on[e->type];
    }
  /* A relation's own filters; its ends come after the neighbourhood is known. Confidence is
   * compared with a little slack, so "0.45" on the scale keeps a relation of 0.45. */
  for (guint i = 0; i < graph->relations->len; i++)
    {
      const RwbRelation *r = g_ptr_array_index (graph->relations, i);

      self->hidden_relations[i] = !relation_on[r->type] || r->confidence < min_confidence - 1e-9;
    }

  if (gtk_check_button_get_active (self->near_check) && self->session != NULL)
    {
      g_autoptr (GArray) seeds = neighbourhood_seeds (self);
      guint steps = (guint) gtk_spin_button_get_value_as_int (self->steps_spin);

      if (seeds->len > 0)
        {
          g_autofree guint *distance = g_new (guint, graph->entities->len);

          for (guint i = 0; i < graph->entities->len; i++)
            distance[i] = G_MAXUINT;
          for (guint i = 0; i < seeds->len; i++)
            {
              guint seed = g_array_index (seeds, guint, i);

              if (seed < graph->entities->len)
                distance[seed] = 0;
            }

          /* Breadth first over what is visible, one sweep of the relations per step: a few
           * steps over a list, no adjacency to build. */
          for (guint step = 1; step <= steps; step++)
            for (guint i = 0; i < graph->relations->len; i++)
              {
                const RwbRelation *r = g_ptr_array_index (graph->relations, i);

                if (self->hidden_relations[i] || self->hidden_entities[r->source]
                    || self->hidden_entities[r->target]
                    || (r->type == RWB_RELATION_MENTION && !show_mentions))
                  continue;
                if (distance[r->source] == step - 1 && distance[r->target] == G_MAXUINT)
                  distance[r->target] = step;
                else if (distance[r->target] == step - 1 && distance[r->source] == G_MAXUINT)
                  distance[r->source] = step;
              }

          for (guint i = 0; i < graph->entities->len; i++)
            self->hidden_entities[i] |= distance[i] == G_MAXUINT;
        }
    }

  for (guint i = 0; i < graph->entities->len; i++)
    n_entities += self->hidden_entities[i] ? 1 : 0;
  for (guint i = 0; i < graph->relations->len; i++)
    {
      const RwbRelation *r = g_ptr_array_index (graph->relations, i);

      self->hidden_relations[i] |= self->hidden_entities[r->source]
                                   || self->hidden_entities[r->target];
      if (self->hidden_relations[i] && r->type != RWB_RELATION_MENTION)
        n_relations++;
    }

  if (self->session != NULL && rwb_session_get_scene (self->session) != NULL
      && rwb_session_get_scene (self->session)->graph == graph)
    {
      self->applying = TRUE;
      rwb_session_set_hidden (self->session, self->hidden_entities, self->hidden_relations);
      self->applying = FALSE;
    }
  update_summary (self, n_entities, n_relations);
}

static void
on_filter_changed (RwbFilterPanel *self)
{
  rwb_filter_panel_apply (self);
}

static void
on_selection_changed (RwbFilterPanel *self)
{
  /* Only the neighbourhood depends on the selection. */
  if (gtk_check_button_get_active (self->near_check))
    rwb_filter_panel_apply (self);
}

static void
reset_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RwbFilterPanel *self = RWB_FILTER_PANEL (widget);

  self->resetting = TRUE;
  for (guint t = 0; t < RWB_ENTITY_N_TYPES; t++)
    gtk_check_button_set_active (self->entity_checks[t], TRUE);
  for (guint t = 0; t < RWB_RELATION_N_TYPES; t++)
    if (t != RWB_RELATION_MENTION)
      gtk_check_button_set_active (self->relation_checks[t], TRUE);
  gtk_range_set_value (GTK_RANGE (self->confidence_scale), 0.0);
  gtk_check_button_set_active (self->near_check, FALSE);
  self->resetting = FALSE;
  rwb_filter_panel_apply (self);
}

/* "● Company  8": the type, in its colour where it has one, and how many the graph has. */
static void
set_check_label (GtkLabel *label, const char *color, const char *name, guint count,
                 gboolean known)
{
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *markup = NULL;

  if (!known)
    markup = g_strdup (escaped);
  else if (color != NULL)
    markup = g_strdup_printf ("<span foreground=\"%s\">●</span> %s  <span alpha=\"55%%\">%u</span>",
                              color, escaped, count);
  else
    markup = g_strdup_printf ("%s  <span alpha=\"55%%\">%u</span>", escaped, count);
  gtk_label_set_markup (label, markup);
}

static void
update_counts (RwbFilterPanel *self)
{
  guint entities[RWB_ENTITY_N_TYPES] = { 0 };
  guint relations[RWB_RELATION_N_TYPES] = { 0 };
  gboolean known = self->graph != NULL;

  for (guint i = 0; known && i < self->graph->entities->len; i++)
    entities[((const RwbEntity *) g_ptr_array_index (self->graph->entities, i))->type]++;
  for (guint i = 0; known && i < self->graph->relations->len; i++)
    relations[((const RwbRelation *) g_ptr_array_index (self->graph->relations, i))->type]++;

  for (guint t = 0; t < RWB_ENTITY_N_TYPES; t++)
    set_check_label (self->entity_labels[t], rwb_entity_type_color (t),
                     rwb_entity_type_label (t), entities[t], known);
  for (guint t = 0; t < RWB_RELATION_N_TYPES; t++)
    set_check_label (self->relation_labels[t], NULL, rwb_relation_type_label (t), relations[t],
                     known);
}

static GtkCheckButton *
make_check (GtkLabel **label_out)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  *label_out = GTK_LABEL (label);
  return GTK_CHECK_BUTTON (check);
}

static void
rwb_filter_panel_dispose (GObject *object)
{
  RwbFilterPanel *self = RWB_FILTER_PANEL (object);
  GtkWidget *child;

  rwb_filter_panel_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RWB_TYPE_FILTER_PANEL);
  /* Only bound template children are unparented by the call above; the root of the template
   * may not be one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->graph, rwb_graph_unref);
  g_clear_pointer (&self->hidden_entities, g_free);
  g_clear_pointer (&self->hidden_relations, g_free);

  G_OBJECT_CLASS (rwb_filter_panel_parent_class)->dispose (object);
}

static void
rwb_filter_panel_class_init (RwbFilterPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rwb_filter_panel_dispose;


  gtk_widget_class_install_action (widget_class, "filter.reset", NULL, reset_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rawabit/Rawabit/rwb-filter-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RwbFilterPanel, hidden_label);
  gtk_widget_class_bind_template_child (widget_class, RwbFilterPanel, entity_types_box);
  gtk_widget_class_bind_template_child (widget_class, RwbFilterPanel, relation_types_grid);
  gtk_widget_class_bind_template_child (widget_class, RwbFilterPanel, confidence_scale);
  gtk_widget_class_bind_template_child (widget_class, RwbFilterPanel, near_check);
  gtk_widget_class_bind_template_child (widget_class, RwbFilterPanel, steps_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rwb-filter-panel");
}

static void
rwb_filter_panel_init (RwbFilterPanel *self)
{
  guint cell = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint t = 0; t < RWB_ENTITY_N_TYPES; t++)
    {
      g_autofree char *name = g_strconcat ("entity-", rwb_entity_type_to_string (t), NULL);

      self->entity_checks[t] = make_check (&self->entity_labels[t]);
      gtk_widget_set_name (GTK_WIDGET (self->entity_checks[t]), name);
      g_signal_connect_swapped (self->entity_checks[t], "toggled",
                                G_CALLBACK (on_filter_changed), self);
      gtk_box_append (self->entity_types_box, GTK_WIDGET (self->entity_checks[t]));
    }

  /* Two columns, in the order of the type list; co-occurrence last. */
  for (guint t = 0; t < RWB_RELATION_N_TYPES; t++, cell++)
    {
      g_autofree char *name = g_strconcat ("relation-", rwb_relation_type_to_string (t), NULL);

      self->relation_checks[t] = make_check (&self->relation_labels[t]);
      gtk_widget_set_name (GTK_WIDGET (self->relation_checks[t]), name);
      if (t == RWB_RELATION_MENTION)
        {
          /* Off until the action says otherwise, as the setting is by default. */
          gtk_check_button_set_active (self->relation_checks[t], FALSE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->relation_checks[t]),
                                          "win.show-mentions");
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->relation_checks[t]),
                                       _("Links between entities named in the same sentence "
                                         "with no relation found; shown, they are laid out too"));
        }
      else
        g_signal_connect_swapped (self->relation_checks[t], "toggled",
                                  G_CALLBACK (on_filter_changed), self);
      gtk_grid_attach (self->relation_types_grid, GTK_WIDGET (self->relation_checks[t]),
                       cell % 2, cell / 2, 1, 1);
    }

  update_counts (self);
  update_summary (self, 0, 0);
}

GtkWidget *
rwb_filter_panel_new (void)
{
  return g_object_new (RWB_TYPE_FILTER_PANEL, NULL);
}

void
rwb_filter_panel_set_session (RwbFilterPanel *self, RwbSession *session)
{
  g_return_if_fail (RWB_IS_FILTER_PANEL (self));
  g_return_if_fail (session == NULL || RWB_IS_SESSION (session));

  if (!rwb_session_replace (&self->session, session, self))
    return;
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "selection-changed", G_CALLBACK (on_selection_changed),
                                self);
      g_signal_connect_swapped (session, "notify::show-mentions", G_CALLBACK (on_filter_changed),
                                self);
    }

}

void
rwb_filter_panel_set_graph (RwbFilterPanel *self, RwbGraph *graph)
{
  g_return_if_fail (RWB_IS_FILTER_PANEL (self));

  if (graph != self->graph)
    {
      g_clear_pointer (&self->graph, rwb_graph_unref);
      if (graph != NULL)
        self->graph = rwb_graph_ref (graph);
      update_counts (self);
    }
  rwb_filter_panel_apply (self);
}

const gboolean *
rwb_filter_panel_get_hidden_entities (RwbFilterPanel *self)
{
  g_return_val_if_fail (RWB_IS_FILTER_PANEL (self), NULL);

  return self->hidden_entities;
}

const gboolean *
rwb_filter_panel_get_hidden_relations (RwbFilterPanel *self)
{
  g_return_val_if_fail (RWB_IS_FILTER_PANEL (self), NULL);

  return self->hidden_relations;
}
