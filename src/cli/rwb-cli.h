/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rwb-cli.h — the commands of rawabit-cli, one file each, and what they share.
 *
 * A command is `int rwb_cli_cmd_NAME (int argc, char **argv)` with argv[0] "rawabit-cli NAME";
 * it returns the exit status: 0, 1 for bad input or a failure, 2 for bad usage.
 */
#pragma once

#include "rwb-extract.h"
#include "rwb-layout.h"

G_BEGIN_DECLS

int       rwb_cli_cmd_extract   (int argc, char **argv);
int       rwb_cli_cmd_render    (int argc, char **argv);
int       rwb_cli_cmd_convert   (int argc, char **argv);
int       rwb_cli_cmd_stats     (int argc, char **argv);
int       rwb_cli_cmd_path      (int argc, char **argv);
int       rwb_cli_cmd_project   (int argc, char **argv);

/* Prints "rawabit-cli: WHAT: message" (WHAT may be NULL) and returns 1. */
int       rwb_cli_fail          (const char *what, const GError *error);
/* Prints "rawabit-cli: MESSAGE (see rawabit-cli --help)" and returns 2. */
int       rwb_cli_usage_error   (const char *message);
/* An RwbExtractLogFunc that prints each decision on stderr (-v). */
void      rwb_cli_log_to_stderr (const char *message, gpointer user_data);
/* Builds one graph from article files (each extracted on its own, @n_jobs at once, 0: one per
 * core; joined in order) or one graph file, or opens one Graphviz file (laid
 * out in the helper with @dot_options; its scene goes to @dot_scene, may be NULL). On failure
 * *failed_file names the input at fault (or is NULL). Returns: (transfer full) */
RwbGraph *rwb_cli_load_inputs   (char **files, const char *lexicon_dir, gboolean verbose,
                                 gboolean replace_invalid, guint n_jobs,
                                 const RwbLayoutOptions *dot_options,
                                 RwbScene **dot_scene, char **failed_file, GError **error);

/* Whether @path is a Rawabit project (NAME.rawabit, or an SQLite file with its id). */
gboolean  rwb_cli_is_project    (const char *path);
/* The corrected graph of a project, opened read-only (a window may have it open).
 * Returns: (transfer full) */
RwbGraph *rwb_cli_load_project  (const char *path, GError **error);

G_END_DECLS
