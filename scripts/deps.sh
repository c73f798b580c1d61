#!/usr/bin/env bash
# Installs the Debian 12 packages Vindplaats builds, runs and tests with.
# Run as root.  Safe to run again: apt-get skips what is there.
#   scripts/deps.sh [--print] [PACKAGE...]
# BUILD and RUN are all that scripts/run.sh needs; VP_WITH_TESTS=1 adds what
# the tests need (scripts/test.sh), VP_WITH_BENCH=1 what bench/ needs.
# --print lists the packages this environment asks for, one a line, and
# installs nothing (tests/hardening/test_runtime_only.py reads it).
set -euo pipefail
print=0
if [ "${1:-}" = --print ]; then
  print=1
  shift
fi

BUILD=(build-essential cmake pkg-config
       libxapian-dev libcmark-dev libyaml-dev libjansson-dev libmicrohttpd-dev
       libsqlite3-dev                 # bench/: the FTS5 baseline of the evaluation
       libroaring-dev)                # CRoaring: the query layer's sets of documents
BUILD+=(scdoc)                   # the man pages, generated at build time
RUN=(xapian-tools)               # xapian-tcpsrv, xapian-compact, xapian-check
RUN+=(wdutch)                    # /usr/share/dict/dutch: the indexer splits compounds against it
# chromium, node and npm: the browser tests of the members' page (tests/web);
# node and npm may come from NodeSource instead, whose nodejs bundles npm.
TEST=(libcmocka-dev python3 curl chromium)
command -v node >/dev/null || TEST+=(nodejs)
command -v npm >/dev/null || TEST+=(npm)
# packaging tests: dpkg-shlibdeps (cpack's Depends), systemd-analyze verify,
# the OpenAPI validation with Debian's python3
TEST+=(dpkg-dev systemd python3-jsonschema python3-yaml)
# hardening: libFuzzer targets (clang), memcheck (valgrind), bench/load (wrk)
TEST+=(clang libclang-rt-14-dev valgrind wrk)

# bench/run (not the test command): wrk for the HTTP load, /usr/bin/time for
# CPU time and peak RSS; installed with VP_WITH_BENCH=1
BENCH=(wrk time)
# bench/peers' third peer, Sphinx 2.2.11 (../shared/peers/sphinx): its indexer
# and searchd (sphinxsearch; START=no, nothing runs until bench/peers starts
# it), sx_query's client library (libmariadb-dev), sx_check.py's Xapian counts
# (python3-xapian) and its CALL KEYWORDS on queries whose totals differ (the
# mysql client).  sphinxsearch owns /usr/bin/indexer and /usr/bin/searchd:
# bench/peers calls them by full path, and our .deb cannot be installed beside it.
BENCH+=(sphinxsearch libmariadb-dev python3-xapian mariadb-client)
# scripts/woonplaatsen.py (remaking data/woonplaatsen.tsv, not the build):
# the English word list beside wdutch; installed with VP_WITH_DATA_TOOLS=1
DATA_TOOLS=(wamerican)

wanted=("${BUILD[@]}" "${RUN[@]}" "$@")
[ "${VP_WITH_TESTS:-0}" = 1 ] && wanted+=("${TEST[@]}")
[ "${VP_WITH_BENCH:-0}" = 1 ] && wanted+=("${BENCH[@]}")
[ "${VP_WITH_DATA_TOOLS:-0}" = 1 ] && wanted+=("${DATA_TOOLS[@]}")
if [ "$print" = 1 ]; then
  printf '%s\n' "${wanted[@]}"
  exit 0
fi
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
