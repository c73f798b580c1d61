#!/usr/bin/env bash
# Long fuzzing runs: every target for HOURS (default 1) each, the corpora
# kept in BUILD_DIR/corpus between runs so each run starts where the last
# one stopped.   tests/fuzz/run-long.sh [HOURS [BUILD_DIR]]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
hours="${1:-1}"
exec "$here/run.sh" "$(python3 -c "print(int(float('$hours') * 3600))")" "${2:-$here/../../build-fuzz}"
