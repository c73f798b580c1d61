#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, VP_FUZZ=ON) in their own build dir
# and runs each for SECONDS.  A crash, leak, hang (-timeout) or UB report
# fails the run and leaves the input in BUILD/artifacts/NAME/: add it to
# tests/fuzz/regressions/NAME/ once fixed.
#   tests/fuzz/run.sh [SECONDS [BUILD_DIR [TARGET...]]]
# scripts/test.sh runs it for 60 s per target; run-long.sh for hours.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
build="${2:-$root/build-fuzz}"
shift $(( $# > 2 ? 2 : $# ))
targets=(ingest date matchers query http)
[ $# -gt 0 ] && targets=("$@")

cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVP_FUZZ=ON >/dev/null
cmake --build "$build" --target fuzzers -j"$(nproc)" >/dev/null

dicts() {
  case "$1" in
    ingest) echo "$here/dict/markdown_yaml.dict" ;;
    date|matchers) echo "$here/dict/date.dict" ;;
    *) echo "$here/dict/query.dict" ;;
  esac
}

# Leaks inside Xapian itself are not ours to fix (see lsan.supp).
export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
for t in "${targets[@]}"; do
  work="$build/corpus/$t"; art="$build/artifacts/$t"
  mkdir -p "$work" "$art"
  seeds=("$here/seeds/$t" "$here/regressions/$t")
  [ "$t" = ingest ] && seeds+=("$root/corpus" "$root/tests/heldout")
  log="$build/fuzz-$t.log"
  if "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -max_len=65536 -print_final_stats=1 -dict="$(dicts "$t")" \
       -artifact_prefix="$art/" "$work" "${seeds[@]}" >"$log" 2>&1; then
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz_$t: ok, $execs executions in ${seconds}s, corpus $(ls "$work" | wc -l) inputs"
  else
    echo "fuzz_$t: FAILED (log $log, input in $art/)"
    grep -m5 -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" || true
    status=1
  fi
done
exit $status
