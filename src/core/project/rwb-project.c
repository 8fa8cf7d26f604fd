/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-project.c — opening, locking and closing a project; articles, their stored extraction,
 * corrections, positions and view state. The undo history is in rwb-project-history.c, the
 * search index in rwb-project-search.c, the schema in rwb-project-schema.c. */
#define G_LOG_DOMAIN "rawabit-project"

#include "rwb-project-private.h"

#include "rwb-config.h"
#include "rwb-graph-builder.h"
#include "rwb-date.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK (rwb-project-error-quark, rwb_project_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RwbProject, rwb_project, G_TYPE_OBJECT)

/* ---- SQLite helpers ------------------------------------------------------------------ */

gboolean
rwb_project_sql_error (RwbProject *project, int rc, const char *doing, GError **error)
{
  const char *message = project->db ? sqlite3_errmsg (project->db) : sqlite3_errstr (rc);
  int sys = project->db ? sqlite3_system_errno (project->db) : 0;
  RwbProjectError code = RWB_PROJECT_ERROR_IO;
  const char *what = NULL;
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = RWB_PROJECT_ERROR_FULL;
      what = _("the disk is full");
      break;
    case SQLITE_IOERR:
      /* A failed write is nearly always space; the errno may be gone by the time a COMMIT
       * reports it. */
      if (sys == ENOSPC || sys == EDQUOT)
        code = RWB_PROJECT_ERROR_FULL, what = _("the disk is full");
      else if (sys == EFBIG)
        code = RWB_PROJECT_ERROR_FULL, what = _("the file size limit is reached");
      else if (rc == SQLITE_IOERR_WRITE)
        code = RWB_PROJECT_ERROR_FULL, what = _("the disk is full or the file may not grow");
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = RWB_PROJECT_ERROR_CORRUPT;
      what = _("the file is damaged or is not a Rawabit project");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = RWB_PROJECT_ERROR_LOCKED;
      what = _("another program is using it");
      break;
    case SQLITE_READONLY:
      code = RWB_PROJECT_ERROR_READ_ONLY;
      what = _("it cannot be written");
      break;
    default:
      break;
    }
  if (what)
    g_set_error (error, RWB_PROJECT_ERROR, code, _("%s: could not %s: %s (%s)"), project->path,
                 doing, what, message);
  else
    g_set_error (error, RWB_PROJECT_ERROR, code, _("%s: could not %s: %s"), project->path, doing,
                 message);
  return FALSE;
}

static gboolean
check_open (RwbProject *project, GError **error)
{
  if (project->db)
    return TRUE;
  g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_IO, _("%s: the project is closed"),
               project->path);
  return FALSE;
}

sqlite3_stmt *
rwb_project_statement (RwbProject *project, const char *sql, GError **error)
{
  if (!check_open (project, error))
    return NULL;
  sqlite3_stmt *st = g_hash_table_lookup (project->statements, sql);
  if (st)
    {
      sqlite3_reset (st);
      sqlite3_clear_bindings (st);
      return st;
    }
  int rc = sqlite3_prepare_v3 (project->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
  if (rc != SQLITE_OK)
    {
      rwb_project_sql_error (project, rc, _("read the project"), error);
      return NULL;
    }
  g_hash_table_insert (project->statements, (gpointer) sql, st);
  return st;
}

gboolean
rwb_project_exec (RwbProject *project, const char *sql, GError **error)
{
  if (!check_open (project, error))
    return FALSE;
  int rc = sqlite3_exec (project->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rwb_project_sql_error (project, rc, _("write the project"), error);
  return TRUE;
}

gboolean
rwb_project_step_done (RwbProject *project, sqlite3_stmt *stmt, const char *doing,
                       GError **error)
{
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      /* A write that returns rows (none of ours): finish it. */
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, doing, error);
  return TRUE;
}

gboolean
rwb_project_begin (RwbProject *project, GError **error)
{
  if (!check_open (project, error))
    return FALSE;
  if (project->read_only)
    {
      g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_READ_ONLY,
                   _("%s: the project is open read-only"), project->path);
      return FALSE;
    }
  return rwb_project_exec (project, "BEGIN IMMEDIATE", error);
}

gboolean
rwb_project_commit (RwbProject *project, GError **error)
{
  int rc = sqlite3_exec (project->db, "COMMIT", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    return TRUE;
  rwb_project_sql_error (project, rc, _("save the change"), error);
  rwb_project_rollback (project);
  return FALSE;
}

void
rwb_project_rollback (RwbProject *project)
{
  if (project->db && !sqlite3_get_autocommit (project->db))
    sqlite3_exec (project->db, "ROLLBACK", NULL, NULL, NULL);
  /* Rules inserted in the rolled-back transaction are gone again. */
  g_hash_table_remove_all (project->rules);
}

char *
rwb_project_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* ---- the object ---------------------------------------------------------------------- */

static void
release_lock (RwbProject *project)
{
  if (project->lock_fd < 0)
    return;
  /* Unlinked while still locked: a process that opened the old file before this notices,
   * after it gets the lock, that the path no longer names it (see take_lock). */
  g_unlink (project->lock_path);
  close (project->lock_fd);
  project->lock_fd = -1;
}

static void
close_db (RwbProject *project)
{
  if (project->statements)
    g_hash_table_remove_all (project->statements);
  if (project->db)
    {
      sqlite3_close_v2 (project->db);
      project->db = NULL;
    }
  release_lock (project);
}

static void
rwb_project_finalize (GObject *object)
{
  RwbProject *project = RWB_PROJECT (object);
  close_db (project);
  g_hash_table_unref (project->statements);
  g_hash_table_unref (project->rules);
  g_free (project->path);
  g_free (project->lock_path);
  g_free (project->undo_label);
  g_free (project->redo_label);
  G_OBJECT_CLASS (rwb_project_parent_class)->finalize (object);
}

static void
rwb_project_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RwbProject *project = RWB_PROJECT (object);
  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, project->path);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rwb_project_can_undo (project));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, rwb_project_can_redo (project));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, rwb_project_get_undo_label (project));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, rwb_project_get_redo_label (project));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
rwb_project_class_init (RwbProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->finalize = rwb_project_finalize;
  object_class->get_property = rwb_project_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RwbProject::changed:
   * @changes: the RwbProjectChanges of a command, an undo or a redo, after it committed.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                          1, G_TYPE_UINT);
}

static void
rwb_project_init (RwbProject *project)
{
  project->lock_fd = -1;
  project->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                               finalize_statement);
  project->rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
rwb_project_changed (RwbProject *project, RwbProjectChanges changes)
{
  g_autoptr (GError) error = NULL;
  if (!rwb_project_history_load (project, &error))
    g_debug ("%s", error->message);
  g_object_notify_by_pspec (G_OBJECT (project), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (project), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (project), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (project), properties[PROP_REDO_LABEL]);
  g_signal_emit (project, signals[SIGNAL_CHANGED], 0, (guint) changes);
}

/* ---- opening ------------------------------------------------------------------------- */

/* Takes NAME.rawabit-lock: an exclusive flock the system drops when the process dies, so a
 * crashed window never leaves a project locked. */
static gboolean
take_lock (RwbProject *project, GError **error)
{
  project->lock_path = g_strconcat (project->path, "-lock", NULL);
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      int fd = g_open (project->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
      if (fd < 0)
        {
          int e = errno;
          g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_IO,
                       _("%s: cannot create the lock file %s: %s"), project->path,
                       project->lock_path, g_strerror (e));
          return FALSE;
        }
      if (flock (fd, LOCK_EX | LOCK_NB) < 0)
        {
          int e = errno;
          char holder[32] = "";
          ssize_t n = pread (fd, holder, sizeof holder - 1, 0);
          close (fd);
          if (e == EWOULDBLOCK)
            {
              holder[n > 0 ? n : 0] = '\0';
              g_strstrip (holder);
              if (*holder)
                g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_LOCKED,
                             _("%s is open in another Rawabit window or program (process %s)"),
                             project->path, holder);
              else
                g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_LOCKED,
                             _("%s is open in another Rawabit window or program"),
                             project->path);
            }
          else
            g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_IO,
                         _("%s: cannot lock %s: %s"), project->path, project->lock_path,
                         g_strerror (e));
          return FALSE;
        }
      GStatBuf held, named;
      if (fstat (fd, &held) == 0 && g_stat (project->lock_path, &named) == 0
          && held.st_ino == named.st_ino && held.st_dev == named.st_dev)
        {
          g_autofree char *pid = g_strdup_printf ("%d\n", (int) getpid ());
          if (ftruncate (fd, 0) == 0 && pwrite (fd, pid, strlen (pid), 0) < 0)
            g_debug ("%s: could not note the process id", project->lock_path);
          project->lock_fd = fd;
          return TRUE;
        }
      /* The owner closed and removed the file while we waited for it: take the new one. */
      close (fd);
    }
  g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_LOCKED,
               _("%s is being opened and closed by another program"), project->path);
  return FALSE;
}

static int
pragma_int (RwbProject *project, const char *sql, GError **error)
{
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2 (project->db, sql, -1, &st, NULL);
  int value = -1;
  if (rc == SQLITE_OK && (rc = sqlite3_step (st)) == SQLITE_ROW)
    value = sqlite3_column_int (st, 0);
  else
    rwb_project_sql_error (project, rc, _("read the project"), error);
  sqlite3_finalize (st);
  return value;
}

/* The first 100 bytes of an SQLite file say what it is without opening it. */
static gboolean
sniff (const char *path, gboolean *is_sqlite, guint32 *application_id, GError **error)
{
  guchar header[100] = { 0 };
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, error);
  if (in == NULL)
    return FALSE;
  gsize n = 0;
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &n, NULL, error))
    return FALSE;
  *is_sqlite = n >= 16 && memcmp (header, "SQLite format 3", 16) == 0;
  *application_id = n >= 72 ? ((guint32) header[68] << 24 | (guint32) header[69] << 16
                               | (guint32) header[70] << 8 | header[71])
                            : 0;
  return TRUE;
}

/**
 * rwb_project_file_is_project:
 * Whether @path is an SQLite file with the project's application id (or, while its first
 * transaction may still be in the write-ahead log, an SQLite file named *.rawabit).
 */
gboolean
rwb_project_file_is_project (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);
  gboolean is_sqlite = FALSE;
  guint32 id = 0;
  if (!sniff (path, &is_sqlite, &id, NULL))
    return FALSE;
  return is_sqlite && (id == RWB_PROJECT_APPLICATION_ID
                       || (id == 0 && g_str_has_suffix (path, RWB_PROJECT_SUFFIX)));
}

static RwbProject *
open_database (const char *path, gboolean create, gboolean read_only, GError **error)
{
  g_autoptr (RwbProject) project = g_object_new (RWB_TYPE_PROJECT, NULL);
  project->path = g_strdup (path);
  project->read_only = read_only;

  if (create && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_EXISTS,
                   _("%s already exists"), path);
      return NULL;
    }
  if (!create)
    {
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_NOT_FOUND,
                       _("%s: no such project"), path);
          return NULL;
        }
      gboolean is_sqlite = FALSE;
      guint32 id = 0;
      g_autoptr (GError) local = NULL;
      if (!sniff (path, &is_sqlite, &id, &local))
        {
          g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_IO, "%s: %s", path,
                       local->message);
          return NULL;
        }
      if (!is_sqlite)
        {
          g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_NOT_PROJECT,
                       _("%s is not a Rawabit project (not an SQLite database)"), path);
          return NULL;
        }
    }
  if (!read_only && !take_lock (project, error))
    return NULL;

  /* Read-only openers write nothing (rwb_project_begin refuses) but still open the file for
   * writing where they can: the last connection to close then folds the write-ahead log
   * back and removes NAME.rawabit-wal and -shm, which a read-only connection would leave. */
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2 (path, &project->db, flags | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK && read_only)
    {
      sqlite3_close (project->db);
      project->db = NULL;
      rc = sqlite3_open_v2 (path, &project->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE,
                            NULL);
    }
  if (rc != SQLITE_OK)
    {
      rwb_project_sql_error (project, rc, _("open the project"), error);
      return NULL;
    }
  sqlite3_busy_timeout (project->db, 5000);
  /* WAL: a kill mid-write leaves the last committed state; FULL: committed means on disk. */
  if (!read_only
      && (!rwb_project_exec (project, "PRAGMA journal_mode = WAL", error)
          || !rwb_project_exec (project, "PRAGMA synchronous = FULL", error)))
    return NULL;

  if (create)
    {
      if (!rwb_project_begin (project, error))
        return NULL;
      if (!rwb_project_schema_create (project, error) || !rwb_project_commit (project, error))
        {
          rwb_project_rollback (project);
          return NULL;
        }
    }
  else
    {
      int app = pragma_int (project, "PRAGMA application_id", error);
      if (app < 0)
        return NULL;
      if ((guint32) app != RWB_PROJECT_APPLICATION_ID)
        {
          g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_NOT_PROJECT,
                       _("%s is an SQLite database but not a Rawabit project"), path);
          return NULL;
        }
      int version = pragma_int (project, "PRAGMA user_version", error);
      if (version < 0)
        return NULL;
      if (version > RWB_PROJECT_VERSION)
        {
          g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_TOO_NEW,
                       _("%s was saved by a newer Rawabit (project version %d; this one reads "
                         "up to %d)"), path, version, RWB_PROJECT_VERSION);
          return NULL;
        }
      if (version < RWB_PROJECT_VERSION)
        {
          if (read_only)
            {
              g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_READ_ONLY,
                           _("%s is an older project (version %d): open it for writing once "
                             "to bring it up to date"), path, version);
              return NULL;
            }
          if (!rwb_project_begin (project, error))
            return NULL;
          if (!rwb_project_schema_migrate (project, version, error)
              || !rwb_project_commit (project, error))
            {
              rwb_project_rollback (project);
              return NULL;
            }
        }
    }
  if (!rwb_project_history_load (project, error))
    return NULL;
  return g_steal_pointer (&project);
}

/**
 * rwb_project_create:
 * Creates an empty project at @path.
 */
RwbProject *
rwb_project_create (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  RwbProject *project = open_database (path, TRUE, FALSE, error);
  if (project == NULL && !g_error_matches (*error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_EXISTS))
    {
      /* Leave no half-made file behind. */
      g_unlink (path);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (wal);
      g_unlink (shm);
    }
  return project;
}

/**
 * rwb_project_open:
 * Opens the project at @path (see rwb-project.h).
 */
RwbProject *
rwb_project_open (const char *path, RwbProjectOpenFlags flags, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return open_database (path, FALSE, (flags & RWB_PROJECT_OPEN_READ_ONLY) != 0, error);
}

/**
 * rwb_project_close:
 * Closes the database and releases the lock.
 */
gboolean
rwb_project_close (RwbProject *project, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), FALSE);
  g_hash_table_remove_all (project->statements);
  if (project->db)
    {
      int rc = sqlite3_close (project->db);
      if (rc != SQLITE_OK)
        {
          rwb_project_sql_error (project, rc, _("close the project"), error);
          close_db (project);
          return FALSE;
        }
      project->db = NULL;
    }
  release_lock (project);
  return TRUE;
}

/**
 * rwb_project_get_path:
 * The project's file.
 */
const char *
rwb_project_get_path (RwbProject *project)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), NULL);
  return project->path;
}

/**
 * rwb_project_is_read_only:
 * Whether the project was opened with RWB_PROJECT_OPEN_READ_ONLY.
 */
gboolean
rwb_project_is_read_only (RwbProject *project)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), TRUE);
  return project->read_only;
}

/**
 * rwb_document_article_id:
 * The article id in a project document's id ("a17"), or 0.
 */
gint64
rwb_document_article_id (const RwbDocument *document)
{
  g_return_val_if_fail (document != NULL, 0);
  if (document->id == NULL || document->id[0] != 'a' || !g_ascii_isdigit (document->id[1]))
    return 0;
  char *end = NULL;
  gint64 id = g_ascii_strtoll (document->id + 1, &end, 10);
  return end && *end == '\0' ? id : 0;
}

/* ---- articles: storing what extraction found ----------------------------------------- */

static gint64
rule_id (RwbProject *project, const char *rule, GError **error)
{
  if (rule == NULL)
    return 0;
  gpointer cached = g_hash_table_lookup (project->rules, rule);
  if (cached)
    return GPOINTER_TO_SIZE (cached);
  sqlite3_stmt *st = rwb_project_statement (
    project, "INSERT INTO rules (text) VALUES (?1) ON CONFLICT (text) DO NOTHING", error);
  if (st == NULL)
    return -1;
  sqlite3_bind_text (st, 1, rule, -1, SQLITE_STATIC);
  if (!rwb_project_step_done (project, st, _("save the article"), error))
    return -1;
  st = rwb_project_statement (project, "SELECT id FROM rules WHERE text = ?1", error);
  if (st == NULL)
    return -1;
  sqlite3_bind_text (st, 1, rule, -1, SQLITE_STATIC);
  int rc = sqlite3_step (st);
  gint64 id = rc == SQLITE_ROW ? sqlite3_column_int64 (st, 0) : -1;
  sqlite3_reset (st);
  if (id < 0)
    {
      rwb_project_sql_error (project, rc, _("save the article"), error);
      return -1;
    }
  g_hash_table_insert (project->rules, g_strdup (rule), GSIZE_TO_POINTER ((gsize) id));
  return id;
}

/* Aliases are stored one per line. */
static char *
join_aliases (const RwbEntity *e)
{
  GString *out = g_string_new (NULL);
  for (guint j = 0; j < e->aliases->len; j++)
    {
      if (j > 0)
        g_string_append_c (out, '\n');
      for (const char *p = g_ptr_array_index (e->aliases, j); *p; p++)
        g_string_append_c (out, *p == '\n' || *p == '\r' ? ' ' : *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
delete_rows (RwbProject *project, gint64 id, GError **error)
{
  static const char *const deletes[] = {
    "DELETE FROM entities WHERE article = ?1",
    "DELETE FROM mentions WHERE article = ?1",
    "DELETE FROM relations WHERE article = ?1",
    "DELETE FROM evidence WHERE article = ?1",
  };
  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      sqlite3_stmt *st = rwb_project_statement (project, deletes[i], error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, id);
      if (!rwb_project_step_done (project, st, _("save the article"), error))
        return FALSE;
    }
  return TRUE;
}

/* Stores the entities, mentions, relations and evidence of @graph (one document). */
static gboolean
store_rows (RwbProject *project, gint64 id, RwbGraph *graph, GError **error)
{
  const char *doing = _("save the article");
  RwbDocument *doc = g_ptr_array_index (graph->documents, 0);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      RwbEntity *e = g_ptr_array_index (graph->entities, i);
      sqlite3_stmt *st = rwb_project_statement (
        project, "INSERT INTO entities (article, idx, name, type, aliases, source)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (st == NULL)
        return FALSE;
      g_autofree char *aliases = join_aliases (e);
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_int (st, 2, i);
      sqlite3_bind_text (st, 3, e->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 4, rwb_entity_type_to_string (e->type), -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 5, aliases, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 6, e->source, -1, SQLITE_STATIC);
      if (!rwb_project_step_done (project, st, doing, error))
        return FALSE;
      for (guint j = 0; j < e->mentions->len; j++)
        {
          RwbSpan *s = &g_array_index (e->mentions, RwbSpan, j);
          st = rwb_project_statement (project,
                                      "INSERT INTO mentions (article, entity, seq, start, end,"
                                      " kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
          if (st == NULL)
            return FALSE;
          sqlite3_bind_int64 (st, 1, id);
          sqlite3_bind_int (st, 2, i);
          sqlite3_bind_int (st, 3, j);
          sqlite3_bind_int64 (st, 4, s->start);
          sqlite3_bind_int64 (st, 5, s->end);
          sqlite3_bind_text (st, 6, rwb_mention_kind_to_string (s->kind), -1, SQLITE_STATIC);
          if (!rwb_project_step_done (project, st, doing, error))
            return FALSE;
        }
    }
  for (guint k = 0; k < graph->relations->len; k++)
    {
      RwbRelation *r = g_ptr_array_index (graph->relations, k);
      sqlite3_stmt *st = rwb_project_statement (
        project, "INSERT INTO relations (article, idx, source, target, type, directed,"
                 " confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_int (st, 2, k);
      sqlite3_bind_int (st, 3, r->source);
      sqlite3_bind_int (st, 4, r->target);
      sqlite3_bind_text (st, 5, rwb_relation_type_to_string (r->type), -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 6, r->directed);
      sqlite3_bind_double (st, 7, r->confidence);
      if (!rwb_project_step_done (project, st, doing, error))
        return FALSE;
      for (guint j = 0; j < r->evidence->len; j++)
        {
          RwbEvidence *ev = &g_array_index (r->evidence, RwbEvidence, j);
          gsize bstart = ev->byte_start, bend = ev->byte_end;
          if (bend <= bstart && doc->text && ev->end <= doc->length && ev->start < ev->end)
            {
              /* Evidence that carried its own copy of the sentence: point into the text. */
              const char *p = g_utf8_offset_to_pointer (doc->text, ev->start);
              bstart = p - doc->text;
              bend = g_utf8_offset_to_pointer (p, ev->end - ev->start) - doc->text;
            }
          gint64 rule = rule_id (project, ev->rule, error);
          if (rule < 0)
            return FALSE;
          st = rwb_project_statement (project,
                                      "INSERT INTO evidence (article, relation, seq, start, end,"
                                      " byte_start, byte_end, rule)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
          if (st == NULL)
            return FALSE;
          sqlite3_bind_int64 (st, 1, id);
          sqlite3_bind_int (st, 2, k);
          sqlite3_bind_int (st, 3, j);
          sqlite3_bind_int64 (st, 4, ev->start);
          sqlite3_bind_int64 (st, 5, ev->end);
          sqlite3_bind_int64 (st, 6, bstart);
          sqlite3_bind_int64 (st, 7, bend);
          if (rule > 0)
            sqlite3_bind_int64 (st, 8, rule);
          if (!rwb_project_step_done (project, st, doing, error))
            return FALSE;
        }
    }
  return TRUE;
}

static char *
ids_json (const gint64 *ids, guint n)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "articles");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    json_builder_add_int_value (b, ids[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

/* Adds or refreshes one article inside the caller's transaction; *@back is set when it
 * (re)joins the project's articles. */
static gint64
add_one (RwbProject *project, RwbImportItem *item, gboolean *back, GError **error)
{
  const char *doing = _("save the article");
  RwbDocument *doc = g_ptr_array_index (item->graph->documents, 0);
  g_autofree char *key = rwb_document_key (doc);
  if (key == NULL)
    {
      g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_INVALID,
                   _("%s: the article has no text"), item->path ? item->path : "?");
      return 0;
    }
  sqlite3_stmt *st = rwb_project_statement (project,
                                            "SELECT id, removed IS NOT NULL FROM articles"
                                            " WHERE key = ?1", error);
  if (st == NULL)
    return 0;
  sqlite3_bind_text (st, 1, key, -1, SQLITE_STATIC);
  int rc = sqlite3_step (st);
  gint64 id = rc == SQLITE_ROW ? sqlite3_column_int64 (st, 0) : 0;
  gboolean removed = rc == SQLITE_ROW && sqlite3_column_int (st, 1);
  sqlite3_reset (st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, doing, error), 0;
  *back = id == 0 || removed;
  if (id)
    {
      /* The same article again: extracted anew, in place. */
      if (!delete_rows (project, id, error) || (removed && !rwb_project_mark_removed (project, &id, 1, FALSE, error)))
        return 0;
      st = rwb_project_statement (project, "UPDATE articles SET extractor = ?2 WHERE id = ?1",
                                  error);
      if (st == NULL)
        return 0;
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_text (st, 2, RWB_VERSION, -1, SQLITE_STATIC);
      if (!rwb_project_step_done (project, st, doing, error))
        return 0;
    }
  else
    {
      g_autofree char *now = rwb_project_now ();
      st = rwb_project_statement (
        project, "INSERT INTO articles (key, title, source, language, date, date_source, added,"
                 " length, extractor, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        error);
      if (st == NULL)
        return 0;
      sqlite3_bind_text (st, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 2, doc->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 3, doc->path, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 4, doc->language ? doc->language : "und", -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 5, doc->date, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 6, doc->date ? item->date_source : NULL, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 7, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (st, 8, doc->length);
      sqlite3_bind_text (st, 9, RWB_VERSION, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 10, doc->text, -1, SQLITE_STATIC);
      if (!rwb_project_step_done (project, st, doing, error))
        return 0;
      id = sqlite3_last_insert_rowid (project->db);
      if (!rwb_project_index_article (project, id, doc->text, error))
        return 0;
    }
  if (!store_rows (project, id, item->graph, error))
    return 0;
  return id;
}

/**
 * rwb_project_add_articles:
 * Stores extracted articles in one transaction and one undo entry.
 */
gboolean
rwb_project_add_articles (RwbProject *project, GPtrArray *items, GArray *ids, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && items != NULL, FALSE);
  if (!rwb_project_begin (project, error))
    return FALSE;
  g_autoptr (GArray) joined = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (ids)
    g_array_set_size (ids, 0);
  for (guint i = 0; i < items->len; i++)
    {
      RwbImportItem *item = g_ptr_array_index (items, i);
      gint64 id = 0;
      gboolean back = FALSE;
      if (item->graph && item->graph->documents->len == 1)
        {
          id = add_one (project, item, &back, error);
          if (id == 0)
            {
              rwb_project_rollback (project);
              return FALSE;
            }
          if (back)
            g_array_append_val (joined, id);
        }
      if (ids)
        g_array_append_val (ids, id);
    }
  if (joined->len > 0)
    {
      g_autofree char *data = ids_json ((gint64 *) joined->data, joined->len);
      if (!rwb_project_record (project, "add-articles",
                               joined->len == 1 ? N_("Add Article") : N_("Add Articles"), data,
                               error))
        {
          rwb_project_rollback (project);
          return FALSE;
        }
    }
  if (!rwb_project_commit (project, error))
    return FALSE;
  rwb_project_changed (project, RWB_PROJECT_CHANGED_ARTICLES);
  return TRUE;
}

gboolean
rwb_project_mark_removed (RwbProject *project, const gint64 *ids, guint n, gboolean removed,
                          GError **error)
{
  g_autofree char *now = rwb_project_now ();
  for (guint i = 0; i < n; i++)
    {
      sqlite3_stmt *st = rwb_project_statement (project,
                                                "UPDATE articles SET removed = ?2 WHERE id = ?1",
                                                error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, ids[i]);
      if (removed)
        sqlite3_bind_text (st, 2, now, -1, SQLITE_STATIC);
      if (!rwb_project_step_done (project, st, _("remove the article"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
article_exists (RwbProject *project, gint64 id, gboolean *removed, GError **error)
{
  sqlite3_stmt *st = rwb_project_statement (project,
                                            "SELECT removed IS NOT NULL FROM articles"
                                            " WHERE id = ?1", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  int rc = sqlite3_step (st);
  if (rc == SQLITE_ROW && removed)
    *removed = sqlite3_column_int (st, 0);
  sqlite3_reset (st);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_NOT_FOUND,
                 _("%s: there is no article %lld"), project->path, (long long) id);
  else
    rwb_project_sql_error (project, rc, _("read the articles"), error);
  return FALSE;
}

/**
 * rwb_project_remove_articles:
 * Removes articles, undoably.
 */
gboolean
rwb_project_remove_articles (RwbProject *project, const gint64 *ids, guint n_ids,
                             GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && (ids != NULL || n_ids == 0), FALSE);
  g_autoptr (GArray) going = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < n_ids; i++)
    {
      gboolean removed = FALSE;
      if (!article_exists (project, ids[i], &removed, error))
        return FALSE;
      if (!removed)
        g_array_append_val (going, ids[i]);
    }
  if (going->len == 0)
    return TRUE;
  if (!rwb_project_begin (project, error))
    return FALSE;
  g_autofree char *data = ids_json ((gint64 *) going->data, going->len);
  if (!rwb_project_mark_removed (project, (gint64 *) going->data, going->len, TRUE, error)
      || !rwb_project_record (project, "remove-articles",
                              going->len == 1 ? N_("Remove Article") : N_("Remove Articles"),
                              data, error))
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  if (!rwb_project_commit (project, error))
    return FALSE;
  rwb_project_changed (project, RWB_PROJECT_CHANGED_ARTICLES);
  return TRUE;
}

static void
add_date_pair (JsonBuilder *b, const char *member, const char *date, const char *source)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  if (date)
    json_builder_add_string_value (b, date);
  else
    json_builder_add_null_value (b);
  if (source)
    json_builder_add_string_value (b, source);
  else
    json_builder_add_null_value (b);
  json_builder_end_array (b);
}

/**
 * rwb_project_set_article_date:
 * Sets the article's date (ISO 8601 or NULL), undoably.
 */
gboolean
rwb_project_set_article_date (RwbProject *project, gint64 id, const char *date, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), FALSE);
  if (date && !rwb_date_is_valid (date))
    {
      g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_INVALID,
                   _("“%s” is not a date (write it as 2024-03-18)"), date);
      return FALSE;
    }
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT date, date_source FROM articles"
                                                     " WHERE id = ?1", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  int rc = sqlite3_step (st);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (st);
      if (rc == SQLITE_DONE)
        return article_exists (project, id, NULL, error);
      return rwb_project_sql_error (project, rc, _("read the articles"), error);
    }
  g_autofree char *old = g_strdup ((const char *) sqlite3_column_text (st, 0));
  g_autofree char *old_source = g_strdup ((const char *) sqlite3_column_text (st, 1));
  sqlite3_reset (st);

  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "article");
  json_builder_add_int_value (b, id);
  add_date_pair (b, "before", old, old_source);
  add_date_pair (b, "after", date, date ? RWB_DATE_SOURCE_USER : NULL);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autofree char *data = json_to_string (root, FALSE);

  if (!rwb_project_begin (project, error))
    return FALSE;
  st = rwb_project_statement (project, "UPDATE articles SET date = ?2, date_source = ?3"
                                       " WHERE id = ?1", error);
  if (st == NULL)
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  sqlite3_bind_int64 (st, 1, id);
  sqlite3_bind_text (st, 2, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, date ? RWB_DATE_SOURCE_USER : NULL, -1, SQLITE_STATIC);
  if (!rwb_project_step_done (project, st, _("change the date"), error)
      || !rwb_project_record (project, "set-date", N_("Change Date"), data, error))
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  if (!rwb_project_commit (project, error))
    return FALSE;
  rwb_project_changed (project, RWB_PROJECT_CHANGED_ARTICLES);
  return TRUE;
}

static char *
column_strdup (sqlite3_stmt *st, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (st, column));
}

/**
 * rwb_article_info_free:
 * Frees @info.
 */
void
rwb_article_info_free (RwbArticleInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->key);
  g_free (info->title);
  g_free (info->source);
  g_free (info->language);
  g_free (info->date);
  g_free (info->date_source);
  g_free (info->added);
  g_free (info);
}

/**
 * rwb_project_list_articles:
 * The project's articles, by id.
 */
GPtrArray *
rwb_project_list_articles (RwbProject *project, gboolean include_removed, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), NULL);
  sqlite3_stmt *st = rwb_project_statement (
    project, "SELECT id, key, title, source, language, date, date_source, added, length,"
             " removed IS NOT NULL FROM articles WHERE ?1 OR removed IS NULL ORDER BY id", error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int (st, 1, include_removed);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rwb_article_info_free);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      RwbArticleInfo *info = g_new0 (RwbArticleInfo, 1);
      info->id = sqlite3_column_int64 (st, 0);
      info->key = column_strdup (st, 1);
      info->title = column_strdup (st, 2);
      info->source = column_strdup (st, 3);
      info->language = column_strdup (st, 4);
      info->date = column_strdup (st, 5);
      info->date_source = column_strdup (st, 6);
      info->added = column_strdup (st, 7);
      info->length = (guint) CLAMP (sqlite3_column_int64 (st, 8), 0, G_MAXUINT);
      info->removed = sqlite3_column_int (st, 9);
      g_ptr_array_add (out, info);
    }
  sqlite3_reset (st);
  if (rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the articles"), error), NULL;
  return g_steal_pointer (&out);
}

/**
 * rwb_project_get_article_text:
 * The text of article @id.
 */
char *
rwb_project_get_article_text (RwbProject *project, gint64 id, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), NULL);
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT text FROM articles WHERE id = ?1",
                                            error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, id);
  int rc = sqlite3_step (st);
  char *text = rc == SQLITE_ROW ? column_strdup (st, 0) : NULL;
  sqlite3_reset (st);
  if (rc == SQLITE_DONE)
    article_exists (project, id, NULL, error);
  else if (rc != SQLITE_ROW)
    rwb_project_sql_error (project, rc, _("read the article"), error);
  return text;
}

/* ---- loading the graph --------------------------------------------------------------- */

/* One cursor per table, all ordered by article: the rows of each article are read in one
 * pass, like a merge join. */
typedef struct {
  sqlite3_stmt *st;
  int rc;
} Cursor;

static void
cursor_next (Cursor *c)
{
  c->rc = sqlite3_step (c->st);
}

/* Skips rows of articles before @article; TRUE while the cursor is on one of @article's. */
static gboolean
cursor_at (Cursor *c, gint64 article)
{
  while (c->rc == SQLITE_ROW && sqlite3_column_int64 (c->st, 0) < article)
    cursor_next (c);
  return c->rc == SQLITE_ROW && sqlite3_column_int64 (c->st, 0) == article;
}

static gboolean
valid_span (gint64 start, gint64 end, guint length)
{
  return start >= 0 && end > start && end <= length;
}

static gboolean
load_rules (RwbProject *project, GPtrArray *rules, GError **error)
{
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT id, text FROM rules", error);
  if (st == NULL)
    return FALSE;
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (st, 0);
      const char *text = (const char *) sqlite3_column_text (st, 1);
      if (id <= 0 || id > 10000000 || text == NULL)
        continue;
      if ((guint) id >= rules->len)
        g_ptr_array_set_size (rules, id + 1);
      g_ptr_array_index (rules, id) = (gpointer) g_intern_string (text);
    }
  sqlite3_reset (st);
  if (rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the project"), error);
  return TRUE;
}

/* The part graph of one article (the current row of @articles) from the cursors' rows. Rows
 * that do not fit the article (offsets outside its text, indices of no entity, unknown types)
 * are dropped: the file is not trusted. */
static RwbGraph *
read_article (sqlite3_stmt *articles, Cursor *ents, Cursor *ments, Cursor *rels, Cursor *evs,
              GPtrArray *rules)
{
  gint64 id = sqlite3_column_int64 (articles, 0);
  const char *text = (const char *) sqlite3_column_text (articles, 6);
  gsize text_bytes = (gsize) sqlite3_column_bytes (articles, 6);
  RwbGraph *g = rwb_graph_new ();
  guint d = rwb_graph_add_document (g, (const char *) sqlite3_column_text (articles, 2),
                                    (const char *) sqlite3_column_text (articles, 3), text);
  RwbDocument *doc = g_ptr_array_index (g->documents, d);
  g_free (doc->id);
  doc->id = g_strdup_printf ("a%" G_GINT64_FORMAT, id);
  doc->title = column_strdup (articles, 1);
  doc->date = column_strdup (articles, 4);
  guint length = doc->length;

  /* Stored entity index → index in @g (rows may be missing or out of order). */
  g_autoptr (GHashTable) ent_map = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (; cursor_at (ents, id); cursor_next (ents))
    {
      sqlite3_stmt *st = ents->st;
      const char *name = (const char *) sqlite3_column_text (st, 2);
      RwbEntityType type;
      if (name == NULL || *name == '\0'
          || !rwb_entity_type_from_string ((const char *) sqlite3_column_text (st, 3), &type))
        continue;
      gint64 idx = sqlite3_column_int64 (st, 1);
      guint e = rwb_graph_add_entity (g, name, type);
      RwbEntity *entity = g_ptr_array_index (g->entities, e);
      const char *aliases = (const char *) sqlite3_column_text (st, 4);
      for (const char *p = aliases; p && *p;)
        {
          const char *nl = strchr (p, '\n');
          gsize len = nl ? (gsize) (nl - p) : strlen (p);
          if (len > 0)
            g_ptr_array_add (entity->aliases, g_strndup (p, len));
          p = nl ? nl + 1 : p + len;
        }
      entity->source = column_strdup (st, 5);
      if (idx >= 0 && idx <= G_MAXINT)
        g_hash_table_insert (ent_map, GINT_TO_POINTER ((gint) idx), GUINT_TO_POINTER (e + 1));
    }
  for (; cursor_at (ments, id); cursor_next (ments))
    {
      sqlite3_stmt *st = ments->st;
      gint64 idx = sqlite3_column_int64 (st, 1);
      guint e = idx >= 0 && idx <= G_MAXINT
                  ? GPOINTER_TO_UINT (g_hash_table_lookup (ent_map, GINT_TO_POINTER ((gint) idx)))
                  : 0;
      gint64 start = sqlite3_column_int64 (st, 2), end = sqlite3_column_int64 (st, 3);
      RwbMentionKind kind;
      if (e == 0 || !valid_span (start, end, length)
          || !rwb_mention_kind_from_string ((const char *) sqlite3_column_text (st, 4), &kind))
        continue;
      RwbSpan span = { d, (guint) start, (guint) end, kind };
      g_array_append_val (((RwbEntity *) g_ptr_array_index (g->entities, e - 1))->mentions,
                          span);
    }
  g_autoptr (GHashTable) rel_map = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (; cursor_at (rels, id); cursor_next (rels))
    {
      sqlite3_stmt *st = rels->st;
      gint64 idx = sqlite3_column_int64 (st, 1), s = sqlite3_column_int64 (st, 2);
      gint64 t = sqlite3_column_int64 (st, 3);
      guint se = s >= 0 && s <= G_MAXINT
                   ? GPOINTER_TO_UINT (g_hash_table_lookup (ent_map, GINT_TO_POINTER ((gint) s)))
                   : 0;
      guint te = t >= 0 && t <= G_MAXINT
                   ? GPOINTER_TO_UINT (g_hash_table_lookup (ent_map, GINT_TO_POINTER ((gint) t)))
                   : 0;
      RwbRelationType type;
      double confidence = sqlite3_column_double (st, 6);
      if (se == 0 || te == 0 || idx < 0 || idx > G_MAXINT || !isfinite (confidence)
          || !rwb_relation_type_from_string ((const char *) sqlite3_column_text (st, 4), &type))
        continue;
      guint k = rwb_graph_add_relation (g, se - 1, te - 1, type, sqlite3_column_int (st, 5) != 0,
                                        CLAMP (confidence, 0.0, 1.0));
      g_hash_table_insert (rel_map, GINT_TO_POINTER ((gint) idx), GUINT_TO_POINTER (k + 1));
    }
  for (; cursor_at (evs, id); cursor_next (evs))
    {
      sqlite3_stmt *st = evs->st;
      gint64 idx = sqlite3_column_int64 (st, 1);
      guint k = idx >= 0 && idx <= G_MAXINT
                  ? GPOINTER_TO_UINT (g_hash_table_lookup (rel_map, GINT_TO_POINTER ((gint) idx)))
                  : 0;
      gint64 start = sqlite3_column_int64 (st, 2), end = sqlite3_column_int64 (st, 3);
      gint64 bstart = sqlite3_column_int64 (st, 4), bend = sqlite3_column_int64 (st, 5);
      gint64 rule = sqlite3_column_int64 (st, 6);
      if (k == 0 || !valid_span (start, end, length) || bstart < 0 || bend <= bstart
          || (guint64) bend > text_bytes)
        continue;
      RwbRelation *r = g_ptr_array_index (g->relations, k - 1);
      RwbEvidence ev = { d, (guint) start, (guint) end, NULL,
                         rule > 0 && rule < rules->len ? g_ptr_array_index (rules, rule) : NULL,
                         (gsize) bstart, (gsize) bend };
      g_array_append_val (r->evidence, ev);
    }
  return g;
}

/**
 * rwb_project_load_graph:
 * The joined graph of the stored extraction results.
 */
RwbGraph *
rwb_project_load_graph (RwbProject *project, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), NULL);
  g_autoptr (GPtrArray) rules = g_ptr_array_new ();
  g_ptr_array_add (rules, NULL);
  if (!load_rules (project, rules, error))
    return NULL;
  static const char *const queries[] = {
    "SELECT article, idx, name, type, aliases, source FROM entities ORDER BY article, idx",
    "SELECT article, entity, start, end, kind FROM mentions ORDER BY article, entity, seq",
    "SELECT article, idx, source, target, type, directed, confidence FROM relations"
    " ORDER BY article, idx",
    "SELECT article, relation, start, end, byte_start, byte_end, rule FROM evidence"
    " ORDER BY article, relation, seq",
  };
  Cursor cursors[G_N_ELEMENTS (queries)];
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      cursors[i].st = rwb_project_statement (project, queries[i], error);
      if (cursors[i].st == NULL)
        return NULL;
    }
  sqlite3_stmt *articles = rwb_project_statement (
    project, "SELECT id, title, source, language, date, length, text FROM articles"
             " WHERE removed IS NULL ORDER BY id", error);
  if (articles == NULL)
    return NULL;
  /* One read transaction, so every table is read as of the same commit. */
  if (!rwb_project_exec (project, "BEGIN", error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (cursors); i++)
    cursor_next (&cursors[i]);
  g_autoptr (RwbGraphBuilder) builder = rwb_graph_builder_new ();
  int rc;
  while ((rc = sqlite3_step (articles)) == SQLITE_ROW)
    {
      if (sqlite3_column_text (articles, 6) == NULL)
        continue;
      g_autoptr (RwbGraph) part = read_article (articles, &cursors[0], &cursors[1], &cursors[2],
                                                &cursors[3], rules);
      rwb_graph_builder_add (builder, part);
    }
  int failed = rc != SQLITE_DONE ? rc : SQLITE_OK;
  for (guint i = 0; i < G_N_ELEMENTS (cursors); i++)
    {
      if (failed == SQLITE_OK && cursors[i].rc != SQLITE_DONE && cursors[i].rc != SQLITE_ROW)
        failed = cursors[i].rc;
      sqlite3_reset (cursors[i].st);
    }
  sqlite3_reset (articles);
  sqlite3_exec (project->db, "COMMIT", NULL, NULL, NULL);
  if (failed != SQLITE_OK)
    return rwb_project_sql_error (project, failed, _("read the articles"), error), NULL;
  return rwb_graph_ref (rwb_graph_builder_get_graph (builder));
}

/* ---- corrections --------------------------------------------------------------------- */

/**
 * rwb_project_get_corrections:
 * The corrections in force, in the order they were made.
 */
RwbCorrections *
rwb_project_get_corrections (RwbProject *project, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), NULL);
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT id, op FROM corrections"
                                                     " WHERE active ORDER BY id", error);
  if (st == NULL)
    return NULL;
  g_autoptr (RwbCorrections) list = rwb_corrections_new ();
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (st, 0);
      const char *op = (const char *) sqlite3_column_text (st, 1);
      g_autoptr (GError) local = NULL;
      RwbCorrection *c = op ? rwb_correction_from_json (op, &local) : NULL;
      if (c == NULL)
        {
          sqlite3_reset (st);
          g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_CORRUPT,
                       _("%s: correction %lld cannot be read: %s"), project->path,
                       (long long) id, local ? local->message : _("it is empty"));
          return NULL;
        }
      rwb_corrections_add (list, c, id);
    }
  sqlite3_reset (st);
  if (rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the corrections"), error), NULL;
  return g_steal_pointer (&list);
}

/**
 * rwb_project_load_corrected_graph:
 * The stored graph with the corrections applied.
 */
RwbGraph *
rwb_project_load_corrected_graph (RwbProject *project, GArray **applied, GError **error)
{
  g_autoptr (RwbGraph) graph = rwb_project_load_graph (project, error);
  if (graph == NULL)
    return NULL;
  g_autoptr (RwbCorrections) corrections = rwb_project_get_corrections (project, error);
  if (corrections == NULL)
    return NULL;
  return rwb_corrections_apply (graph, corrections, applied);
}

/* Untranslated labels of corrections for the history (translated when shown). */
static const char *
correction_label (RwbCorrectionKind kind)
{
  static const char *const labels[RWB_CORRECTION_N_KINDS] = {
    [RWB_CORRECTION_REJECT_ENTITY] = N_("Delete Entity"),
    [RWB_CORRECTION_REJECT_RELATION] = N_("Delete Relation"),
    [RWB_CORRECTION_MERGE] = N_("Merge"),
    [RWB_CORRECTION_SPLIT] = N_("Split Alias"),
    [RWB_CORRECTION_RENAME] = N_("Rename"),
    [RWB_CORRECTION_RETYPE_ENTITY] = N_("Change Type"),
    [RWB_CORRECTION_DIRECT_RELATION] = N_("Reverse Relation"),
    [RWB_CORRECTION_RETYPE_RELATION] = N_("Change Relation Type"),
    [RWB_CORRECTION_ADD_RELATION] = N_("Add Relation"),
    [RWB_CORRECTION_CONFIRM_ENTITY] = N_("Confirm Entity"),
    [RWB_CORRECTION_CONFIRM_RELATION] = N_("Confirm Relation"),
  };
  return kind < RWB_CORRECTION_N_KINDS ? labels[kind] : N_("Correction");
}

static char *
correction_data (gint64 id)
{
  return g_strdup_printf ("{\"correction\":%" G_GINT64_FORMAT "}", id);
}

/**
 * rwb_project_correct:
 * Records @correction as a command; returns its id.
 */
gint64
rwb_project_correct (RwbProject *project, const RwbCorrection *correction, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && correction != NULL, 0);
  g_autoptr (GError) invalid = NULL;
  if (!rwb_correction_validate (correction, &invalid))
    {
      g_set_error_literal (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_INVALID, invalid->message);
      return 0;
    }
  g_autofree char *op = rwb_correction_to_json (correction);
  g_autofree char *now = rwb_project_now ();
  if (!rwb_project_begin (project, error))
    return 0;
  sqlite3_stmt *st = rwb_project_statement (project, "INSERT INTO corrections (op, active,"
                                                     " created) VALUES (?1, 1, ?2)", error);
  if (st == NULL)
    {
      rwb_project_rollback (project);
      return 0;
    }
  sqlite3_bind_text (st, 1, op, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, now, -1, SQLITE_STATIC);
  if (!rwb_project_step_done (project, st, _("save the correction"), error))
    {
      rwb_project_rollback (project);
      return 0;
    }
  gint64 id = sqlite3_last_insert_rowid (project->db);
  g_autofree char *data = correction_data (id);
  if (!rwb_project_record (project, "correct", correction_label (correction->kind), data, error)
      || !rwb_project_commit (project, error))
    {
      rwb_project_rollback (project);
      return 0;
    }
  rwb_project_changed (project, RWB_PROJECT_CHANGED_CORRECTIONS);
  return id;
}

/**
 * rwb_project_withdraw_correction:
 * Withdraws correction @id, undoably.
 */
gboolean
rwb_project_withdraw_correction (RwbProject *project, gint64 id, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), FALSE);
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT active FROM corrections"
                                                     " WHERE id = ?1", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  int rc = sqlite3_step (st);
  gboolean active = rc == SQLITE_ROW && sqlite3_column_int (st, 0);
  sqlite3_reset (st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the corrections"), error);
  if (!active)
    {
      g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_NOT_FOUND,
                   _("%s: there is no correction %lld in force"), project->path,
                   (long long) id);
      return FALSE;
    }
  if (!rwb_project_begin (project, error))
    return FALSE;
  st = rwb_project_statement (project, "UPDATE corrections SET active = 0 WHERE id = ?1", error);
  g_autofree char *data = correction_data (id);
  if (st == NULL)
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  sqlite3_bind_int64 (st, 1, id);
  if (!rwb_project_step_done (project, st, _("save the correction"), error)
      || !rwb_project_record (project, "withdraw", N_("Withdraw Correction"), data, error)
      || !rwb_project_commit (project, error))
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  rwb_project_changed (project, RWB_PROJECT_CHANGED_CORRECTIONS);
  return TRUE;
}

/* ---- positions ----------------------------------------------------------------------- */

/**
 * rwb_project_get_positions:
 * Node positions by name key.
 */
GHashTable *
rwb_project_get_positions (RwbProject *project, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project), NULL);
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT key, x, y, pinned FROM positions",
                                            error);
  if (st == NULL)
    return NULL;
  g_autoptr (GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (st, 0);
      double x = sqlite3_column_double (st, 1), y = sqlite3_column_double (st, 2);
      if (key == NULL || !isfinite (x) || !isfinite (y))
        continue;
      RwbPosition *p = g_new (RwbPosition, 1);
      *p = (RwbPosition) { x, y, sqlite3_column_int (st, 3) != 0 };
      g_hash_table_insert (out, g_strdup (key), p);
    }
  sqlite3_reset (st);
  if (rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the positions"), error), NULL;
  return g_steal_pointer (&out);
}

/**
 * rwb_positions_lookup:
 * @entity's position in @positions, by name key, else by an alias's.
 */
const RwbPosition *
rwb_positions_lookup (GHashTable *positions, const RwbEntity *entity)
{
  g_return_val_if_fail (positions != NULL && entity != NULL, NULL);
  for (gint j = -1; j < (gint) entity->aliases->len; j++)
    {
      g_autofree char *key = rwb_name_key (j < 0 ? entity->name
                                                 : g_ptr_array_index (entity->aliases, j));
      const RwbPosition *p = g_hash_table_lookup (positions, key);
      if (p)
        return p;
    }
  return NULL;
}

gboolean
rwb_project_write_positions (RwbProject *project, GHashTable *positions, GError **error)
{
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const RwbPosition *p = value;
      sqlite3_stmt *st = rwb_project_statement (
        project, p ? "INSERT INTO positions (key, x, y, pinned) VALUES (?1, ?2, ?3, ?4)"
                     " ON CONFLICT (key) DO UPDATE SET x = ?2, y = ?3, pinned = ?4"
                   : "DELETE FROM positions WHERE key = ?1", error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_text (st, 1, key, -1, SQLITE_STATIC);
      if (p)
        {
          sqlite3_bind_double (st, 2, p->x);
          sqlite3_bind_double (st, 3, p->y);
          sqlite3_bind_int (st, 4, p->pinned);
        }
      if (!rwb_project_step_done (project, st, _("save the positions"), error))
        return FALSE;
    }
  return TRUE;
}

static int
compare_keys (const void *a, const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
add_positions (JsonBuilder *b, const char *member, GHashTable *positions)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  /* Sorted, so the stored history is the same for the same change. */
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (positions, NULL);
  guint n = g_hash_table_size (positions);
  qsort (keys, n, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n; i++)
    {
      const RwbPosition *p = g_hash_table_lookup (positions, keys[i]);
      json_builder_set_member_name (b, keys[i]);
      if (p == NULL)
        {
          json_builder_add_null_value (b);
          continue;
        }
      json_builder_begin_array (b);
      json_builder_add_double_value (b, p->x);
      json_builder_add_double_value (b, p->y);
      json_builder_add_boolean_value (b, p->pinned);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

/* Records a change of positions (@after: key → RwbPosition* or NULL) as one command. */
static gboolean
change_positions (RwbProject *project, const char *kind, const char *label, GHashTable *after,
                  const char *engine, GError **error)
{
  g_autoptr (GHashTable) current = rwb_project_get_positions (project, error);
  if (current == NULL)
    return FALSE;
  g_autoptr (GHashTable) before = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (before, key, g_hash_table_lookup (current, key));
  g_autofree char *old_engine = engine ? rwb_project_get_view (project, "engine") : NULL;

  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  add_positions (b, "before", before);
  add_positions (b, "after", after);
  if (engine)
    {
      json_builder_set_member_name (b, "engine");
      json_builder_begin_array (b);
      if (old_engine)
        json_builder_add_string_value (b, old_engine);
      else
        json_builder_add_null_value (b);
      json_builder_add_string_value (b, engine);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autofree char *data = json_to_string (root, FALSE);

  if (!rwb_project_begin (project, error))
    return FALSE;
  sqlite3_stmt *st = engine ? rwb_project_statement (project,
                                                     "INSERT INTO view (key, value) VALUES"
                                                     " ('engine', ?1) ON CONFLICT (key)"
                                                     " DO UPDATE SET value = ?1", error)
                            : NULL;
  if (engine && st)
    sqlite3_bind_text (st, 1, engine, -1, SQLITE_STATIC);
  if (!rwb_project_write_positions (project, after, error)
      || (engine && (st == NULL || !rwb_project_step_done (project, st, _("save the view"), error)))
      || !rwb_project_record (project, kind, label, data, error)
      || !rwb_project_commit (project, error))
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  rwb_project_changed (project, RWB_PROJECT_CHANGED_POSITIONS
                                  | (engine ? RWB_PROJECT_CHANGED_VIEW : 0));
  return TRUE;
}

static gboolean
check_positions (RwbProject *project, GHashTable *positions, GError **error)
{
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const RwbPosition *p = value;
      if (key == NULL || *(const char *) key == '\0'
          || (p && (!isfinite (p->x) || !isfinite (p->y))))
        {
          g_set_error (error, RWB_PROJECT_ERROR, RWB_PROJECT_ERROR_INVALID,
                       _("%s: a position without a name or not a finite number"),
                       project->path);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * rwb_project_move_nodes:
 * Sets the positions in @moves as one undoable command.
 */
gboolean
rwb_project_move_nodes (RwbProject *project, GHashTable *moves, const char *label,
                        GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && moves != NULL, FALSE);
  if (g_hash_table_size (moves) == 0)
    return TRUE;
  if (!check_positions (project, moves, error))
    return FALSE;
  return change_positions (project, "move", label ? label : N_("Move"), moves, NULL, error);
}

/**
 * rwb_project_record_layout:
 * A layout run's positions replace the unpinned ones, as one undoable command.
 */
gboolean
rwb_project_record_layout (RwbProject *project, const char *engine, GHashTable *positions,
                           GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && positions != NULL, FALSE);
  if (!check_positions (project, positions, error))
    return FALSE;
  g_autoptr (GHashTable) current = rwb_project_get_positions (project, error);
  if (current == NULL)
    return FALSE;
  g_autoptr (GHashTable) after = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer key, value;
  /* Unpinned places the new layout does not give are forgotten; pinned ones stay. */
  g_hash_table_iter_init (&iter, current);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!((RwbPosition *) value)->pinned && !g_hash_table_contains (positions, key))
      g_hash_table_insert (after, key, NULL);
  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RwbPosition *old = g_hash_table_lookup (current, key);
      if (value == NULL || (old && old->pinned))
        continue;
      RwbPosition *p = g_memdup2 (value, sizeof (RwbPosition));
      p->pinned = FALSE;
      g_hash_table_insert (after, key, p);
    }
  return change_positions (project, "layout", N_("Layout"), after, engine ? engine : "", error);
}

/* ---- view state ---------------------------------------------------------------------- */

/**
 * rwb_project_get_view:
 * The view setting @key, or NULL.
 */
char *
rwb_project_get_view (RwbProject *project, const char *key)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && key != NULL, NULL);
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT value FROM view WHERE key = ?1",
                                            NULL);
  if (st == NULL)
    return NULL;
  sqlite3_bind_text (st, 1, key, -1, SQLITE_STATIC);
  char *value = sqlite3_step (st) == SQLITE_ROW ? column_strdup (st, 0) : NULL;
  sqlite3_reset (st);
  return value;
}

/**
 * rwb_project_set_view:
 * Sets or removes the view setting @key.
 */
gboolean
rwb_project_set_view (RwbProject *project, const char *key, const char *value, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && key != NULL, FALSE);
  if (!rwb_project_begin (project, error))
    return FALSE;
  sqlite3_stmt *st = rwb_project_statement (
    project, value ? "INSERT INTO view (key, value) VALUES (?1, ?2) ON CONFLICT (key)"
                     " DO UPDATE SET value = ?2"
                   : "DELETE FROM view WHERE key = ?1", error);
  if (st == NULL)
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  sqlite3_bind_text (st, 1, key, -1, SQLITE_STATIC);
  if (value)
    sqlite3_bind_text (st, 2, value, -1, SQLITE_STATIC);
  if (!rwb_project_step_done (project, st, _("save the view"), error)
      || !rwb_project_commit (project, error))
    {
      rwb_project_rollback (project);
      return FALSE;
    }
  rwb_project_changed (project, RWB_PROJECT_CHANGED_VIEW);
  return TRUE;
}

/* ---- extracting again ---------------------------------------------------------------- */

/**
 * rwb_project_reextract:
 * Extracts every article again with @lexicon; not an undoable change.
 */
gboolean
rwb_project_reextract (RwbProject *project, RwbLexicon *lexicon, guint n_threads,
                       RwbImportProgress progress, gpointer user_data,
                       GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (RWB_IS_PROJECT (project) && lexicon != NULL, FALSE);
  sqlite3_stmt *st = rwb_project_statement (project, "SELECT id, text, source FROM articles"
                                                     " ORDER BY id", error);
  if (st == NULL)
    return FALSE;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (st, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (texts, column_strdup (st, 1));
      g_ptr_array_add (sources, column_strdup (st, 2));
    }
  sqlite3_reset (st);
  if (rc != SQLITE_DONE)
    return rwb_project_sql_error (project, rc, _("read the articles"), error);
  g_ptr_array_add (texts, NULL);
  g_autoptr (GPtrArray) items = rwb_import_texts (lexicon, (const char *const *) texts->pdata,
                                                  (const char *const *) sources->pdata,
                                                  n_threads, NULL, progress, user_data,
                                                  cancellable, error);
  if (items == NULL)
    return FALSE;
  if (!rwb_project_begin (project, error))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      RwbImportItem *item = g_ptr_array_index (items, i);
      gint64 id = g_array_index (ids, gint64, i);
      if (item->graph == NULL)
        continue;
      if (!delete_rows (project, id, error) || !store_rows (project, id, item->graph, error))
        {
          rwb_project_rollback (project);
          return FALSE;
        }
      st = rwb_project_statement (project, "UPDATE articles SET extractor = ?2 WHERE id = ?1",
                                  error);
      if (st == NULL)
        {
          rwb_project_rollback (project);
          return FALSE;
        }
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_text (st, 2, RWB_VERSION, -1, SQLITE_STATIC);
      if (!rwb_project_step_done (project, st, _("save the article"), error))
        {
          rwb_project_rollback (project);
          return FALSE;
        }
    }
  if (!rwb_project_commit (project, error))
    return FALSE;
  rwb_project_changed (project, RWB_PROJECT_CHANGED_ARTICLES);
  return TRUE;
}
