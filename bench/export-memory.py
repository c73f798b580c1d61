#!/usr/bin/env python3
"""Memory of searchd during a large /export (issue 10): it must stay flat.

Generates N reports with the test fixture builder (tests/searchd), or takes
an index built with the indexer (--db), starts searchd on it, streams GET
/export (JSON lines and CSV) while sampling searchd's resident set size
(VmRSS in /proc) after every MiB received, and does the same for an export
of the matches of one word: if memory grew with the number of records, the
large export's peak would stand far above the small one's.  Also times
/trends over the whole index (year and quarter).  A measurement, not a test:
nothing here passes or fails.

--searchd runs another searchd binary on the same index (an older build, for
a comparison); --batch sets VP_EXPORT_BATCH, the matches per batch of an
export (keyset paging, see searchd/match_iter.c).

    python3 bench/export-memory.py --build BUILD_DIR [--n 100000] [--tmp DIR]
    python3 bench/export-memory.py --build BUILD_DIR --db INDEX [--searchd BIN]
                                   [--batch N] [--word WORD] [--no-trends]
"""
import argparse
import http.client
import os
import re
import shutil
import signal
import subprocess
import threading
import time


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def start_searchd(searchd, db, data, batch=None):
    env = dict(os.environ)
    if batch:
        env["VP_EXPORT_BATCH"] = str(batch)
    proc = subprocess.Popen([searchd, "--db", db, "--listen", "127.0.0.1:0", "--threads", "4",
                             "--data", data], stderr=subprocess.PIPE, text=True, env=env)
    m = re.search(r":(\d+)/", proc.stderr.readline())
    threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()
    return proc, int(m.group(1))


def stream(port, pid, target):
    """(records, bytes, seconds, RSS samples in KiB) of one streamed answer."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    t0 = time.monotonic()
    conn.request("GET", target)
    resp = conn.getresponse()
    assert resp.status == 200, resp.status
    samples, total, lines, next_mark = [rss_kib(pid)], 0, 0, 1 << 20
    while True:
        chunk = resp.read(256 * 1024)
        if not chunk:
            break
        total += len(chunk)
        lines += chunk.count(b"\n")
        if total >= next_mark:
            samples.append(rss_kib(pid))
            next_mark += 1 << 20
    samples.append(rss_kib(pid))
    conn.close()
    return lines, total, time.monotonic() - t0, samples


def timed_get(port, target):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    t0 = time.monotonic()
    conn.request("GET", target)
    resp = conn.getresponse()
    resp.read()
    conn.close()
    return resp.status, time.monotonic() - t0


def generate(a):
    fixture = os.path.join(a.build, "tests", "searchd", "vp_fixture")
    shutil.rmtree(a.tmp, ignore_errors=True)
    os.makedirs(a.tmp)
    db = os.path.join(a.tmp, "db")
    t0 = time.monotonic()
    subprocess.run([fixture, db, "--generated", str(a.n)], check=True)
    print("generated %d reports in %.1f s" % (a.n, time.monotonic() - t0))
    return db


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--build", required=True, help="a build folder (cmake -B ...)")
    p.add_argument("--n", type=int, default=100000)
    p.add_argument("--tmp", default="/tmp/vp-export-memory")
    p.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "data"))
    p.add_argument("--db", help="an existing index (else N generated reports)")
    p.add_argument("--searchd", help="the searchd binary (default: BUILD_DIR's)")
    p.add_argument("--batch", type=int, help="VP_EXPORT_BATCH for searchd")
    p.add_argument("--word", default="kleur1", help="the word of the smaller exports")
    p.add_argument("--no-trends", action="store_true")
    a = p.parse_args()
    searchd = a.searchd or os.path.join(a.build, "searchd", "searchd")
    db = a.db or generate(a)
    proc, port = start_searchd(searchd, db, a.data, a.batch)
    w = a.word
    try:
        timed_get(port, "/search?q=" + w)          # warm up one worker
        print("searchd %s, batch %s" % (searchd, a.batch or "default"))
        print("searchd RSS before any export: %d KiB" % rss_kib(proc.pid))
        print("%-34s %8s %9s %7s %9s %9s %9s" % ("export", "records", "MiB", "s",
                                                   "RSS start", "RSS peak", "RSS end"))
        for target in ("/export?q=%s&format=jsonl" % w, "/export?format=jsonl",
                       "/export?q=%s&format=csv" % w, "/export?format=csv",
                       "/export?sort=date_asc&format=jsonl"):
            records, size, secs, s = stream(port, proc.pid, target)
            print("%-34s %8d %9.1f %7.1f %9d %9d %9d" % (target[:34], records, size / 2**20,
                                                         secs, s[0], max(s), s[-1]))
        for target in () if a.no_trends else (
                "/trends", "/trends?interval=quarter", "/trends?by=speaker&q=" + w,
                "/trends?by=municipality&interval=quarter&limit=50"):
            status, secs = timed_get(port, target)
            print("%-50s %d %.3f s" % (target, status, secs))
        print("searchd RSS at the end: %d KiB" % rss_kib(proc.pid))
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
