/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-graphml.c — libFuzzer target: see rwb_fuzz_graphml in fuzz-targets.h. */
#include "fuzz-targets.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  /* As in the test suite (G_DEBUG=fatal-warnings): a warning or critical is a finding (see
   * rwb_fuzz_log_writer). */
  g_log_set_writer_func (rwb_fuzz_log_writer, NULL, NULL);
  /* GLib 2.74's slice allocator keeps per-thread magazines that LeakSanitizer reports as
   * leaked once the fuzzer exits; plain malloc lets it see real leaks only. */
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  rwb_fuzz_graphml ((const char *) data, size);
  return 0;
}
