/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-session-private.h — what the files of the session share: its instance struct, its history
 * commands, its properties and signals, and the functions one file of it calls in another
 * (rwb-session.c: graph, scene, selection, history; -filters.c: what is hidden and the date;
 * -edits.c: positions, corrections, undo; -project.c: the project).
 */
#pragma once

#include "rwb-session.h"

G_BEGIN_DECLS

typedef enum {
  COMMAND_CORRECT,
  COMMAND_MOVE,
  COMMAND_WITHDRAW,
} CommandKind;

typedef struct {
  CommandKind kind;
  RwbCorrection *correction;   /* COMMAND_CORRECT, COMMAND_WITHDRAW (the one withdrawn) */
  guint index;                 /* COMMAND_WITHDRAW: where it was in the list in force */
  /* COMMAND_MOVE: name key → RwbPosition* before and after; a NULL value is "not moved". */
  GHashTable *before, *after;
  char *label;
} Command;

struct _RwbSession
{
  GObject parent_instance;

  RwbGraph *graph;             /* shown */
  RwbScene *scene;             /* of graph, or NULL */
  RwbGraph *pending;           /* an edit's graph waiting for its layout, or NULL */
  RwbGraph *base;              /* without a project: the graph before corrections */
  RwbProject *project;

  GArray *selected_entities;   /* guint, in selection order */
  gint selected_relation;

  gboolean *hidden_entities;
  gboolean *hidden_relations;
  guint n_hidden_entities, n_hidden_relations;
  gboolean show_mentions;
  guint hidden_entity_types, hidden_relation_types;
  double min_confidence;

  char *as_of;                 /* the timeline's date: what is known by then is shown */
  RwbTimeline *timeline;       /* of graph, made when first asked for */

  GHashTable *positions;       /* name key → RwbPosition */

  /* Without a project. */
  RwbCorrections *corrections;
  GPtrArray *history;          /* Command */

  GArray *applied;             /* gboolean per correction in force, from the last application */
  guint n_done;
};

enum {
  PROP_0,
  PROP_HAS_SCENE,
  PROP_PENDING,
  PROP_SHOW_MENTIONS,
  PROP_HIDDEN_ENTITY_TYPES,
  PROP_HIDDEN_RELATION_TYPES,
  PROP_MIN_CONFIDENCE,
  PROP_PROJECT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_AS_OF,
  N_PROPS
};

enum {
  SIGNAL_GRAPH_CHANGED,
  SIGNAL_SCENE_CHANGED,
  SIGNAL_SELECTION_CHANGED,
  SIGNAL_FILTER_CHANGED,
  SIGNAL_POSITIONS_CHANGED,
  SIGNAL_REVEAL_ENTITY,
  SIGNAL_HISTORY_CHANGED,
  N_SIGNALS
};

extern GParamSpec *rwb_session_properties[N_PROPS];
extern guint rwb_session_signals[N_SIGNALS];

/* rwb-session.c */
void         rwb_session_notify_history  (RwbSession *self);
/* Appends a done command, dropping what was undone after the last one done. */
void         rwb_session_push_command    (RwbSession *self,
                                          Command    *command);
void         rwb_session_clear_history   (RwbSession *self);
void         rwb_session_clear_hidden    (RwbSession *self);
/* Makes @graph (and @scene, of it, owned) the one shown. */
void         rwb_session_show            (RwbSession *self,
                                          RwbGraph   *graph,
                                          RwbScene   *scene);
/* An edit made @graph (owned): shown at once without a scene, else pending for its layout. */
void         rwb_session_edited          (RwbSession *self,
                                          RwbGraph   *graph);
gboolean     rwb_session_entity_visible  (RwbSession *self,
                                          guint       entity);

/* rwb-session-filters.c */
/* Sets the date without writing it to the project (which is where it may come from). */
gboolean     rwb_session_update_as_of    (RwbSession *self,
                                          const char *date);

/* rwb-session-edits.c */
GHashTable  *rwb_session_positions_table_new (void);
RwbGraph    *rwb_session_corrected_graph (RwbSession *self,
                                          GError    **error);
gboolean     rwb_session_reload_positions (RwbSession *self,
                                           GError    **error);

G_END_DECLS
