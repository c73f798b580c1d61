#!/usr/bin/env bash
# Every test on a fresh Debian 12 machine (as root): install the packages,
# then build and run the whole ctest suite twice, once as released and once
# under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

VP_WITH_TESTS=1 scripts/deps.sh

status=0
for preset in default asan; do
  echo "=== $preset build"
  # VP_TESTS=ON: a missing test package stops here instead of leaving the
  # tests unconfigured (which the default, AUTO, does for scripts/run.sh).
  cmake --preset "$preset" -DVP_TESTS=ON >/dev/null
  cmake --build --preset "$preset" -j"$(nproc)"
  echo "=== $preset tests"
  ctest --preset "$preset" -j2 || status=1
done
# libFuzzer targets (clang) in build-fuzz/, VP_FUZZ_SECONDS (default 60) each.
echo "=== fuzz"
tests/fuzz/run.sh "${VP_FUZZ_SECONDS:-60}" || status=1
exit $status
