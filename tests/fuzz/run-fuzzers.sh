#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs libFuzzer targets one after another (never two at once) and prints, per target, the
# executions and the coverage at the start (after the seed corpus) and at the end.
#
#   tests/fuzz/run-fuzzers.sh BUILD_DIR WORK_DIR SECONDS TARGET...
#
# BUILD_DIR is a build made with -Dfuzzing=true (see tests/fuzz/README.md); WORK_DIR receives a
# working corpus, the crash/leak/timeout artifacts and the log of each target; the seeds in
# tests/fuzz/corpus-TARGET are only read. A target's dictionary (tests/fuzz/fuzz-TARGET.dict)
# is used when there is one.
set -uo pipefail

if (($# < 4)); then
  echo "usage: $0 BUILD_DIR WORK_DIR SECONDS TARGET..." >&2
  exit 2
fi
build=$(realpath "$1")
work=$2
seconds=$3
shift 3
here=$(dirname "$(realpath "$0")")
mkdir -p "$work"
work=$(realpath "$work")

export RAWABIT_LAYOUT_HELPER="$build/src/rawabit-layout"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS="suppressions=$here/../../.ci/lsan.supp"

status=0
for target in "$@"; do
  exe="$build/tests/fuzz/fuzz-$target"
  if [[ ! -x $exe ]]; then
    echo "$target: no $exe" >&2
    status=1
    continue
  fi
  corpus="$work/corpus-$target"
  artifacts="$work/artifacts-$target/"
  log="$work/fuzz-$target.log"
  mkdir -p "$corpus" "$artifacts"
  dict=()
  [[ -f $here/fuzz-$target.dict ]] && dict=(-dict="$here/fuzz-$target.dict")
  "$exe" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$artifacts" "${dict[@]}" "$corpus" "$here/corpus-$target" \
    >"$log" 2>&1
  rc=$?
  inited=$(grep -m1 -o 'INITED cov: [0-9]* ft: [0-9]*' "$log" | sed 's/INITED //')
  last=$(grep -o '#[0-9]*.*cov: [0-9]* ft: [0-9]*' "$log" | tail -1 | grep -o 'cov: [0-9]* ft: [0-9]*')
  execs=$(grep -m1 -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$')
  found=$(find "$artifacts" -type f | wc -l)
  echo "$target: rc=$rc executions=${execs:-?} start(${inited:-?}) end(${last:-?}) artifacts=$found"
  ((rc == 0)) || status=1
done
exit $status
