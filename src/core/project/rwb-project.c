/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-project.c — opening, locking and closing a project, the SQLite helpers the other files
 * of the module share, and view state. Articles are in rwb-project-articles.c, what extraction
 * found in them in rwb-project-store.c, corrections and positions in rwb-project-edits.c, the
 * undo history in rwb-project-history.c, the search index in rwb-project-search.c, the schema
 * in rwb-project-schema.c. */
#define G_LOG_DOMAIN "rawabit-project"

#include "rwb-project-private.h"

#include "rwb-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
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

char *
rwb_project_column_strdup (sqlite3_stmt *st, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (st, column));
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
  char *value = sqlite3_step (st) == SQLITE_ROW ? rwb_project_column_strdup (st, 0) : NULL;
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
