#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine (as root): install the packages,
# build, index corpus/ and serve it on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."

# Only the packages to build and run (no VP_WITH_TESTS): the tests are then
# not configured, and configure says so in one line on stderr.
scripts/deps.sh
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)"

# Exit 1 means some reports had problems (listed above): still worth serving.
build/indexer/indexer --db build/corpus.db corpus/ || [ $? -eq 1 ]

if [ -x build/searchd/searchd ]; then
  exec build/searchd/searchd --db build/corpus.db --listen "${VP_LISTEN:-127.0.0.1:8080}"
fi
echo "searchd is not built yet; the index is at build/corpus.db"
