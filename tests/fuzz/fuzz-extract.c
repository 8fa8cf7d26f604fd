/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-extract.c — libFuzzer target: see rwb_fuzz_extract in fuzz-targets.h. The default
 * lexicon (compiled into the core as a GResource, so nothing is read from disk) is loaded
 * once and kept for the whole run. */
#include "fuzz-targets.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static RwbLexicon *lexicon;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_log_set_writer_func (rwb_fuzz_log_writer, NULL, NULL);
  /* GLib 2.74's slice allocator keeps per-thread magazines that LeakSanitizer reports as
   * leaked once the fuzzer exits; plain malloc lets it see real leaks only. */
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  g_autoptr (GError) error = NULL;
  lexicon = rwb_lexicon_new_default (NULL, &error);
  if (lexicon == NULL)
    g_error ("default lexicon: %s", error->message);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  rwb_fuzz_extract (lexicon, (const char *) data, size);
  return 0;
}
