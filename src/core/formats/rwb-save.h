/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-save.h — replacing files the user named, safely: every file Rawabit writes for the user
 * (graph files, CSV pairs, images) goes through here.
 *
 * A save writes a temporary file beside the target, named NAME.rawabit-XXXXXX and locked
 * (flock) while it is written, syncs it and renames it over the target, so readers see the
 * old file or the new one. A save killed half way leaves its temporary behind; the next save
 * into the same folder removes every such temporary that no live save holds locked. A symlink
 * target is written through (the file it points at is replaced, the link stays); the target's
 * permissions are kept; a target nobody may write (0444) is refused unless the caller says
 * so — the command line with --force, the window after asking (rwb_save_is_read_only).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  RWB_SAVE_DEFAULT = 0,
  /* Replace a target whose permissions say it may not be written (it stays read-only). */
  RWB_SAVE_OVERWRITE_READ_ONLY = 1 << 0,
} RwbSaveFlags;

#define RWB_SAVE_ERROR (rwb_save_error_quark ())
typedef enum {
  RWB_SAVE_ERROR_READ_ONLY,   /* the target is write-protected; retry with the flag above */
  RWB_SAVE_ERROR_NOT_A_FILE,  /* the target is a folder or a device */
} RwbSaveError;

GQuark   rwb_save_error_quark  (void);

/* Whether @path (after symlinks) is an existing file whose permissions do not let this user
 * write it — judged by its mode bits, so root is told too. The window asks before saving
 * over such a file. */
gboolean rwb_save_is_read_only (const char *path);

/* Replaces @path with @length bytes of @data (see above). FALSE with @error set, the old file
 * untouched, on any failure. */
gboolean rwb_save_file         (const char *path, const void *data, gsize length,
                                RwbSaveFlags flags, GError **error);

/* Replaces @n files as a pair (or more): all are written and synced first, then renamed in
 * order; if a rename fails, the files already renamed get their old contents back. On
 * failure no target has changed (a kill between two renames can still leave them apart). */
gboolean rwb_save_files        (guint n, const char *const *paths, const char *const *data,
                                const gsize *lengths, RwbSaveFlags flags, GError **error);

/* Removes the stale temporaries of killed saves from @folder (done by every save; public for
 * tests and for the window's own housekeeping). Returns how many were removed. */
guint    rwb_save_clean_folder (const char *folder);

G_END_DECLS
