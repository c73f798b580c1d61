#!/usr/bin/env bash
# Installs the Debian 12 packages Vindplaats builds, runs and tests with.
# Run as root.  Safe to run again: apt-get skips what is there.
set -euo pipefail

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

missing=()
for p in "${BUILD[@]}" "${RUN[@]}" "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${VP_WITH_TESTS:-0}" = 1 ]; then
  for p in "${TEST[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
# bench/run (not the test command): wrk for the HTTP load, /usr/bin/time for
# CPU time and peak RSS; installed with VP_WITH_BENCH=1
BENCH=(wrk time)
if [ "${VP_WITH_BENCH:-0}" = 1 ]; then
  for p in "${BENCH[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
