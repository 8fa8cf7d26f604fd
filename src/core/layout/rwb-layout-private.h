/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-layout-private.h — the layout helper's process handling, shared with rwb-dot.c (which
 * runs the same helper in its --import mode). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RWB_LAYOUT_DEFAULT_TIMEOUT 60

/* Starts `rawabit-layout ARGS…` (found as rwb_layout_run does) with stdin, stdout and stderr
 * piped and SERVER_NAME set, so Graphviz opens no files a graph names. */
GSubprocess *rwb_layout_spawn_helper (const char *const *args, GError **error);
/* A GError for a helper that was killed by our limits, crashed or exited non-zero; TRUE if it
 * exited with status 0. @err_text is its stderr. */
gboolean     rwb_layout_check_exit   (GSubprocess *proc, const char *err_text, guint timeout,
                                      GError **error);
/* Undoes the helper's \xHH escapes; the result may hold any byte. */
char        *rwb_layout_unescape     (const char *s);

G_END_DECLS
