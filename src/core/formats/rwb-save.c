/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-save.c — replacing the user's files: temporaries beside the target, locked while they
 * are written, renamed over it; stale ones of killed saves cleaned; symlinks written through;
 * modes kept; read-only targets refused unless asked (see rwb-save.h).
 *
 * Not g_file_set_contents_full(): its NAME.XXXXXX temporaries carry nothing that tells a
 * killed save's leftover from a user's file named like one, nor from another process's save in
 * progress. Ours have a suffix of their own and hold an flock(2) while they are written, which
 * the kernel drops when the writer dies: a temporary nobody holds locked is stale.
 */
#define G_LOG_DOMAIN "rawabit-formats"

#include "rwb-save.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK (rwb-save-error-quark, rwb_save_error)

#define TMP_MARK ".rawabit-"
#define TMP_RANDOM 6
/* Room for the suffix within NAME_MAX (255 bytes) whatever the target's name. */
#define TMP_BASE_MAX 200
#define MAX_LINKS 40

/* ---- the target ---- */

/* @path with every symlink followed (relative ones against their folder); a dangling link
 * gives the path it points at, which the save then creates. NULL on a loop. */
static char *
resolve_target (const char *path)
{
  g_autofree char *current = g_strdup (path);
  for (guint hops = 0; hops < MAX_LINKS; hops++)
    {
      g_autofree char *link = g_file_read_link (current, NULL);
      if (link == NULL)
        return g_steal_pointer (&current);
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_free (current);
          current = g_build_filename (dir, link, NULL);
        }
    }
  return NULL;
}

static gboolean
in_group (gid_t gid)
{
  if (gid == getegid ())
    return TRUE;
  int n = getgroups (0, NULL);
  if (n <= 0)
    return FALSE;
  g_autofree gid_t *groups = g_new (gid_t, n);
  n = getgroups (n, groups);
  for (int i = 0; i < n; i++)
    if (groups[i] == gid)
      return TRUE;
  return FALSE;
}

/* The write bit of the class (owner, group, others) this user falls in: what `rm` and `cp`
 * call write-protected, root included (root could write anyway; the user asked not to). */
static gboolean
mode_read_only (const struct stat *st)
{
  if (st->st_uid == geteuid ())
    return !(st->st_mode & S_IWUSR);
  if (in_group (st->st_gid))
    return !(st->st_mode & S_IWGRP);
  return !(st->st_mode & S_IWOTH);
}

/**
 * rwb_save_is_read_only:
 * Whether saving over @path would be refused without RWB_SAVE_OVERWRITE_READ_ONLY.
 */
gboolean
rwb_save_is_read_only (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_autofree char *target = resolve_target (path);
  struct stat st;
  return target && g_stat (target, &st) == 0 && S_ISREG (st.st_mode) && mode_read_only (&st);
}

/* ---- stale temporaries ---- */

static gboolean
is_temporary_name (const char *name)
{
  gsize len = strlen (name);
  gsize mark = strlen (TMP_MARK);
  if (len <= mark + TMP_RANDOM || memcmp (name + len - TMP_RANDOM - mark, TMP_MARK, mark) != 0)
    return FALSE;
  for (const char *p = name + len - TMP_RANDOM; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

/**
 * rwb_save_clean_folder:
 * Removes temporaries of our pattern in @folder that are regular files of this user and that
 * no save holds locked.
 */
guint
rwb_save_clean_folder (const char *folder)
{
  g_return_val_if_fail (folder != NULL, 0);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return 0;
  guint removed = 0;
  const char *name;
  while ((name = g_dir_read_name (dir)))
    {
      if (!is_temporary_name (name))
        continue;
      g_autofree char *path = g_build_filename (folder, name, NULL);
      struct stat st, held;
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != geteuid ())
        continue;
      int fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0);
      if (fd < 0)
        continue;
      /* Locked: a save is writing it now. Not the file we looked at: leave it. */
      if (flock (fd, LOCK_EX | LOCK_NB) == 0 && fstat (fd, &held) == 0
          && held.st_ino == st.st_ino && held.st_dev == st.st_dev && held.st_nlink > 0
          && g_unlink (path) == 0)
        removed++;
      close (fd);
    }
  if (removed)
    g_debug ("removed %u stale temporaries from %s", removed, folder);
  return removed;
}

/* ---- one file of a save ---- */

typedef struct {
  const char *path;   /* as the caller named it */
  char *target;       /* symlinks followed */
  char *tmp;          /* our temporary, written and synced; NULL once renamed */
  int fd;             /* the temporary, locked; -1 when closed */
  char *backup;       /* a hard link to the old file while a pair is renamed, or NULL */
  int backup_fd;
  gboolean existed;
  gboolean renamed;
} SaveItem;

static gboolean
set_io_error (GError **error, int err, const char *path)
{
  g_autofree char *name = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (err), _("Could not write %s: %s"),
               name, g_strerror (err));
  return FALSE;
}

/* A new locked file named like @target plus our suffix, in @target's folder; its name in
 * @out_name. -1 with errno set on failure. */
static int
create_locked (const char *target, mode_t mode, char **out_name)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  if (strlen (base) > TMP_BASE_MAX)
    base[TMP_BASE_MAX] = '\0';
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *tmpl = g_strdup_printf ("%s/%s" TMP_MARK "XXXXXX", dir, base);
      int fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, mode);
      if (fd < 0)
        return -1;
      struct stat st;
      /* Between creating and locking, another save's cleaning may have taken it. */
      if (flock (fd, LOCK_EX | LOCK_NB) == 0 && fstat (fd, &st) == 0 && st.st_nlink > 0)
        {
          *out_name = g_steal_pointer (&tmpl);
          return fd;
        }
      close (fd);
    }
  errno = EAGAIN;
  return -1;
}

static gboolean
write_all (int fd, const char *data, gsize length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Checks @item's target and writes its temporary. */
static gboolean
item_prepare (SaveItem *item, const char *data, gsize length, RwbSaveFlags flags,
              GError **error)
{
  item->target = resolve_target (item->path);
  if (item->target == NULL)
    return set_io_error (error, ELOOP, item->path);
  struct stat st;
  item->existed = g_stat (item->target, &st) == 0;
  if (item->existed && !S_ISREG (st.st_mode))
    {
      g_autofree char *name = g_filename_display_name (item->path);
      g_set_error (error, RWB_SAVE_ERROR, RWB_SAVE_ERROR_NOT_A_FILE,
                   _("Could not write %s: it is a folder or a device, not a file"), name);
      return FALSE;
    }
  if (item->existed && mode_read_only (&st) && !(flags & RWB_SAVE_OVERWRITE_READ_ONLY))
    {
      g_autofree char *name = g_filename_display_name (item->path);
      g_set_error (error, RWB_SAVE_ERROR, RWB_SAVE_ERROR_READ_ONLY,
                   _("%s is read-only; it was left as it was"), name);
      return FALSE;
    }
  item->fd = create_locked (item->target, 0666, &item->tmp);
  if (item->fd < 0)
    return set_io_error (error, errno, item->path);
  if (item->existed)
    {
      /* The new file is the old one's successor: same permissions (umask aside) and, where
       * this user may give them, the same owner and group. */
      if (fchmod (item->fd, st.st_mode & 07777) != 0)
        return set_io_error (error, errno, item->path);
      if ((st.st_uid != geteuid () || st.st_gid != getegid ())
          && fchown (item->fd, st.st_uid, st.st_gid) != 0)
        g_debug ("%s: owner not kept: %s", item->target, g_strerror (errno));
    }
  if (!write_all (item->fd, data, length) || fsync (item->fd) != 0)
    return set_io_error (error, errno, item->path);
  return TRUE;
}

/* Keeps the old file of @item under a temporary name (a hard link, locked) so a failed rename
 * of a later file of the pair can put it back. */
static gboolean
item_keep_old (SaveItem *item, GError **error)
{
  if (!item->existed)
    return TRUE;
  g_autofree char *dir = g_path_get_dirname (item->target);
  g_autofree char *base = g_path_get_basename (item->target);
  if (strlen (base) > TMP_BASE_MAX)
    base[TMP_BASE_MAX] = '\0';
  static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      char random[TMP_RANDOM + 1];
      for (guint i = 0; i < TMP_RANDOM; i++)
        random[i] = alnum[g_random_int_range (0, sizeof alnum - 1)];
      random[TMP_RANDOM] = '\0';
      g_autofree char *name = g_strdup_printf ("%s/%s" TMP_MARK "%s", dir, base, random);
      if (link (item->target, name) == 0)
        {
          item->backup_fd = g_open (name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
          if (item->backup_fd >= 0)
            flock (item->backup_fd, LOCK_EX | LOCK_NB);
          item->backup = g_steal_pointer (&name);
          return TRUE;
        }
      if (errno != EEXIST)
        return set_io_error (error, errno, item->path);
    }
  return set_io_error (error, EEXIST, item->path);
}

static void
item_clear (SaveItem *item)
{
  if (item->tmp)
    g_unlink (item->tmp);
  if (item->backup)
    g_unlink (item->backup);
  if (item->fd >= 0)
    close (item->fd);
  if (item->backup_fd >= 0)
    close (item->backup_fd);
  g_free (item->target);
  g_free (item->tmp);
  g_free (item->backup);
}

/**
 * rwb_save_files:
 * Writes every file, then renames them all; see rwb-save.h.
 */
gboolean
rwb_save_files (guint n, const char *const *paths, const char *const *data,
                const gsize *lengths, RwbSaveFlags flags, GError **error)
{
  g_return_val_if_fail (n > 0 && paths != NULL && data != NULL && lengths != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_autofree SaveItem *items = g_new0 (SaveItem, n);
  for (guint i = 0; i < n; i++)
    {
      items[i].path = paths[i];
      items[i].fd = items[i].backup_fd = -1;
    }
  gboolean ok = TRUE;
  g_autoptr (GHashTable) cleaned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          NULL);
  for (guint i = 0; ok && i < n; i++)
    {
      g_autofree char *target = resolve_target (paths[i]);
      g_autofree char *folder = target ? g_path_get_dirname (target) : NULL;
      if (folder && !g_hash_table_contains (cleaned, folder))
        {
          rwb_save_clean_folder (folder);
          g_hash_table_add (cleaned, g_steal_pointer (&folder));
        }
      ok = item_prepare (&items[i], data[i], lengths[i], flags, error);
    }
  for (guint i = 0; ok && n > 1 && i < n; i++)
    ok = item_keep_old (&items[i], error);
  guint renamed = 0;
  for (; ok && renamed < n; renamed++)
    {
      SaveItem *item = &items[renamed];
      if (g_rename (item->tmp, item->target) != 0)
        {
          ok = set_io_error (error, errno, item->path);
          break;
        }
      g_clear_pointer (&item->tmp, g_free);
    }
  if (!ok)
    /* Put back what was already replaced. */
    for (guint i = 0; i < renamed; i++)
      {
        SaveItem *item = &items[i];
        if (item->backup && g_rename (item->backup, item->target) == 0)
          g_clear_pointer (&item->backup, g_free);
        else if (!item->existed)
          g_unlink (item->target);
      }
  for (guint i = 0; i < n; i++)
    item_clear (&items[i]);
  return ok;
}

/**
 * rwb_save_file:
 * Replaces one file; see rwb-save.h.
 */
gboolean
rwb_save_file (const char *path, const void *data, gsize length, RwbSaveFlags flags,
               GError **error)
{
  g_return_val_if_fail (path != NULL && (data != NULL || length == 0), FALSE);
  const char *bytes = data ? data : "";
  return rwb_save_files (1, &path, &bytes, &length, flags, error);
}
