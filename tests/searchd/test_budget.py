#!/usr/bin/env python3
"""What one request may cost searchd (issue 21, item 1), end to end, on an
index of reports from bench/gencorpus (3,000; 1,000 under the sanitizers),
searchd with --threads 2.  Each case is first reproduced on a searchd with
the limits off, then shown bounded with them on:

- the wildcard bomb (140 wildcards OR'ed, under 1,000 bytes) takes seconds
  unbounded; bounded it is a 400 query_too_expensive within 1 s, from
  /search, /trends, /export and vind;
- /healthz while two bombs run: unbounded it waits for a bomb; bounded it
  answers as fast as it does on an idle server;
- /trends?interval=quarter of an expensive query (two broad wildcards,
  within the budget) stops at --deadline with a 503 query_too_expensive
  and Retry-After;
- /export of it is refused before its first byte when its projected work
  exceeds --export-deadline, and cut at that much work when the projection
  is left out (VP_EXPORT_SAMPLE=0, VP_EXPORT_BATCH: one batch);
- RSS comes back after a query that grew it by tens of MB (not under the
  sanitizers, whose allocator keeps what is freed).

Times are judged against what the same test measured on the same index and
machine (the unbounded run, an idle baseline), with margins of several
times, never against a fixed wall clock alone: this machine is shared and
loaded.  The one fixed figure is the issue's: the bomb within 1 s, which it
meets here in a few milliseconds.
"""
import argparse
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import unittest
import urllib.parse

ARGS = None
SANITIZED = os.environ.get("VP_SANITIZE", "0").lower() in ("1", "on", "true", "yes")
REPORTS = 1000 if SANITIZED else 3000
OFF = ["--deadline", "0", "--export-deadline", "0", "--max-query-terms", "0",
       "--max-wildcard-terms", "0"]

# 140 two-letter wildcards OR'ed: 976 bytes, inside the 1,000 a q may have.
PREFIXES = ([c + v for c in "bcdfghjklmnpqrstvwxyz" for v in "aeiou"] +
            [v + c for v in "aeiou" for c in "nrstlmdgk"])[:140]
BOMB = " OR ".join(p + "*" for p in PREFIXES)
# Two broad wildcards: 1,000 terms at most, within the default budget, but
# costly enough on this index that a trends by quarter runs for seconds.
COSTLY = "ba* OR be*"


def qs(**params):
    return urllib.parse.urlencode(params)


class Searchd:
    """A searchd on the test index with these options, stopped on exit (by
    SIGKILL: an unbounded one may be busy for a minute)."""

    def __init__(self, *options, env=None):
        self.log = []
        self.proc = subprocess.Popen(
            [ARGS.searchd, "--db", Budget.db, "--data", ARGS.data, "--listen",
             "127.0.0.1:0", "--threads", "2", *options],
            stderr=subprocess.PIPE, text=True, env=dict(os.environ, **(env or {})))
        line = self.proc.stderr.readline()
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            self.proc.kill()
            raise RuntimeError("searchd did not start: " + line + self.proc.stderr.read())
        self.port = int(m.group(1))
        self.reader = threading.Thread(
            target=lambda: [self.log.append(l) for l in self.proc.stderr], daemon=True)
        self.reader.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.proc.kill()
        self.proc.wait()
        self.reader.join(timeout=5)
        self.proc.stderr.close()

    def get(self, target, timeout=300):
        """(status, headers, body, seconds)."""
        start = time.monotonic()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        conn.request("GET", target)
        resp = conn.getresponse()
        body = resp.read()
        conn.close()
        return resp.status, dict(resp.getheaders()), body, time.monotonic() - start

    def memory_kib(self, field):
        with open("/proc/%d/status" % self.proc.pid) as f:
            return int(re.search(r"^%s:\s+(\d+) kB" % field, f.read(), re.M).group(1))

    def rss_at_rest(self):
        """VmRSS once the last answer's clean-up (after it is sent) is done."""
        time.sleep(0.5)
        return self.memory_kib("VmRSS")


def healthz_latencies(server, n=20, gap=0.03):
    out = []
    for _ in range(n):
        status, _, _, seconds = server.get("/healthz")
        assert status == 200, status
        out.append(seconds)
        time.sleep(gap)
    return out


def p90(values):
    return sorted(values)[int(0.9 * (len(values) - 1))]


class Budget(unittest.TestCase):
    db = None

    @classmethod
    def setUpClass(cls):
        shutil.rmtree(ARGS.tmp, ignore_errors=True)
        os.makedirs(ARGS.tmp)
        reports = os.path.join(ARGS.tmp, "reports")
        cls.db = os.path.join(ARGS.tmp, "db")
        subprocess.run([ARGS.gencorpus, str(REPORTS), "21", reports, "--queries", "1"],
                       check=True, capture_output=True)
        subprocess.run([ARGS.indexer, "--db", cls.db, "--data", ARGS.data, "--jobs", "2",
                        "--quiet", reports], check=True)

    def assert_too_expensive(self, status, headers, body, code_status):
        self.assertEqual(status, code_status, body[:300])
        self.assertEqual(json.loads(body)["error"]["code"], "query_too_expensive")
        if code_status == 503:
            self.assertEqual(headers.get("Retry-After"), "5")
        else:
            self.assertNotIn("Retry-After", headers)

    def test_bomb(self):
        self.assertEqual(len(PREFIXES), 140)
        self.assertLess(len(BOMB), 1000)
        with Searchd(*OFF) as off:
            status, _, _, unbounded = off.get("/search?" + qs(q=BOMB))
            self.assertEqual(status, 200)
        with Searchd() as on:
            status, headers, body, bounded = on.get("/search?" + qs(q=BOMB))
            self.assert_too_expensive(status, headers, body, 400)
            self.assertIn("140 wildcards expand to more than the 1000 terms",
                          json.loads(body)["error"]["message"])
            print("bomb: %.3f s unbounded, %.3f s bounded" % (unbounded, bounded),
                  file=sys.stderr)
            self.assertLess(bounded, 1.0)
            self.assertLess(bounded * 10, unbounded)
            for target in ("/trends?" + qs(q=BOMB, interval="quarter"),
                           "/export?" + qs(q=BOMB), "/facets/theme?" + qs(q=BOMB)):
                status, headers, body, seconds = on.get(target)
                self.assert_too_expensive(status, headers, body, 400)
                self.assertLess(seconds, 1.0, target)
            # A query with more terms than --max-query-terms, wildcards or not.
            words = " OR ".join("w%d" % i for i in range(101))
            self.assert_too_expensive(*on.get("/search?" + qs(q=words))[:3], 400)
        r = subprocess.run([ARGS.vind, "--db", self.db, "--data", ARGS.data, BOMB],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("wildcards expand to more than the 1000 terms", r.stderr)
        # vind honours --deadline too: no match over 3,000 reports takes 1 ms.
        r = subprocess.run([ARGS.vind, "--db", self.db, "--data", ARGS.data,
                            "--deadline", "1", COSTLY],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("deadline of 1 ms", r.stderr)

    def test_healthz_while_two_bombs_run(self):
        with Searchd(*OFF) as off:
            idle = healthz_latencies(off, n=5)
            # What one bomb costs alone on this machine: about a second on
            # a loaded one, a fifth of it on a quiet fast one.
            alone = off.get("/search?" + qs(q=BOMB))[3]

            def bomb_once():
                try:
                    off.get("/search?" + qs(q=BOMB))
                except OSError:
                    pass         # the server is killed before it answers

            # One after the other, so that the second finds the first's
            # worker busy and goes to the other one.
            for _ in range(2):
                threading.Thread(target=bomb_once, daemon=True).start()
                time.sleep(0.05)
            _, _, _, blocked = off.get("/healthz")
        with Searchd() as on:
            idle_on = healthz_latencies(on)
            stop = threading.Event()
            answered = []

            def bomb_loop():
                while not stop.is_set():
                    status, _, _, _ = on.get("/search?" + qs(q=BOMB))
                    answered.append(status)

            threads = [threading.Thread(target=bomb_loop) for _ in range(2)]
            for t in threads:
                t.start()
            time.sleep(0.2)
            during = healthz_latencies(on)
            stop.set()
            for t in threads:
                t.join()
        print("healthz: idle median %.1f ms; one bomb alone %.0f ms; during two unbounded "
              "bombs %.0f ms; during two bounded ones median %.1f ms, p90 %.1f ms, max %.1f ms "
              "(idle p90 %.1f ms), %d bombs answered"
              % (1e3 * statistics.median(idle), 1e3 * alone, 1e3 * blocked,
                 1e3 * statistics.median(during), 1e3 * p90(during), 1e3 * max(during),
                 1e3 * p90(idle_on), len(answered)), file=sys.stderr)
        # Unbounded, /healthz waits for a bomb to finish: for most of what
        # one bomb alone takes (both started within 0.1 s), and far above an
        # idle answer.  A fixed floor (0.3 s, after bombs 0.3 s apart) failed
        # on a quiet machine where a bomb takes 0.85 s.
        self.assertGreater(blocked, max(0.5 * alone, 50 * statistics.median(idle)))
        # Bounded, the bombs kept coming and /healthz answered as when idle.
        self.assertGreater(len(answered), 10)
        self.assertEqual(set(answered), {400})
        self.assertLess(p90(during), max(0.1, 3 * p90(idle_on)))
        self.assertLess(max(during), max(1.0, 10 * max(idle_on)))

    def test_trends_by_quarter_stops_at_the_deadline(self):
        trends = "/trends?" + qs(q=COSTLY, interval="quarter")
        cheap = "/trends?" + qs(q="gemeente", interval="quarter")
        with Searchd(*OFF) as off:
            status, _, body, first = off.get(trends)
            self.assertEqual(status, 200)
            quarters = len(json.loads(body)["intervals"])
            # The faster of two runs: one run on a busy machine once took
            # 15 s where the bounded server then answered in 3 s, inside a
            # deadline made from it.
            unbounded = min(first, off.get(trends)[3])
            within = max(off.get(cheap)[3] for _ in range(3))
        # The deadline follows the machine's speed (a quarter of what the
        # costly trends take unbounded), and stays well above what a cheap
        # query's trends take, which must still be answered.
        deadline_ms = max(50, int(1000 * unbounded / 4), int(3000 * within))
        print("trends by quarter (%d quarters): %.2f s unbounded; cheap trends %.3f s; "
              "deadline %d ms" % (quarters, unbounded, within, deadline_ms), file=sys.stderr)
        # Otherwise the index is too small for this test to show anything
        # (CI once measured 0.85 s unbounded against a 300 ms floor).
        self.assertGreater(unbounded, 2.5 * deadline_ms / 1e3)
        with Searchd("--deadline", str(deadline_ms)) as on:
            status, headers, body, bounded = on.get(trends)
            print("trends by quarter bounded: %d in %.2f s" % (status, bounded), file=sys.stderr)
            self.assert_too_expensive(status, headers, body, 503)
            self.assertIn("deadline of %d ms" % deadline_ms, json.loads(body)["error"]["message"])
            self.assertLess(bounded, deadline_ms / 1e3 + max(1.0, deadline_ms / 1e3))
            self.assertLess(bounded, unbounded / 2)
            # What stays within the deadline is answered.
            self.assertEqual(on.get(cheap)[0], 200)

    def test_export_stops_at_its_deadline(self):
        export = "/export?" + qs(q=COSTLY)
        with Searchd(*OFF) as off:
            status, headers, body, unbounded = off.get(export)
            self.assertEqual(status, 200)
            total = int(headers["X-Total-Count"])
            self.assertEqual(len(body.splitlines()), total)
        budget_ms = max(200, int(250 * unbounded))
        print("export of %d records: %.2f s unbounded; budget %d ms"
              % (total, unbounded, budget_ms), file=sys.stderr)
        # Projected from its first batch and records: refused before it starts.
        with Searchd("--export-deadline", str(budget_ms)) as on:
            status, headers, body, refused = on.get(export)
            self.assert_too_expensive(status, headers, body, 503)
            self.assertIn("this export would take about", json.loads(body)["error"]["message"])
            self.assertLess(refused, unbounded / 2)
        # Projected from the first batch's matching alone (one batch of
        # them all), it starts, and stops when its work reaches the budget.
        env = {"VP_EXPORT_SAMPLE": "0", "VP_EXPORT_BATCH": "100000"}
        with Searchd("--export-deadline", str(budget_ms), env=env) as on:
            start = time.monotonic()
            conn = http.client.HTTPConnection("127.0.0.1", on.port, timeout=300)
            conn.request("GET", export)
            resp = conn.getresponse()
            self.assertEqual(resp.status, 200)
            with self.assertRaises(http.client.IncompleteRead) as cut:
                resp.read()
            cut_after = time.monotonic() - start
            conn.close()
            records = len(cut.exception.partial.splitlines())
            print("export cut after %.2f s, %d of %d records" % (cut_after, records, total),
                  file=sys.stderr)
            self.assertLess(records, total)
            self.assertGreater(cut_after, 0.8 * budget_ms / 1e3)
            self.assertLess(cut_after, budget_ms / 1e3 + max(1.0, budget_ms / 1e3))
            time.sleep(0.2)
            self.assertTrue(any("the export was stopped after" in l for l in on.log), on.log)

    @unittest.skipIf(SANITIZED, "the sanitizers' allocator keeps freed memory")
    def test_memory_comes_back(self):
        # The bomb with no budget but the deadline: it reads thousands of
        # posting lists into sets (and opens them in Xapian's matcher)
        # before the deadline stops it.  The deadline is half of what the
        # bomb takes unbounded (in a fresh searchd, as the bounded one is),
        # so that it has allocated its share however fast or busy the
        # machine is, and stops well before its end.  One bomb only: the
        # sets a stopped bomb finished stay cached, so a second one would
        # get further and might finish inside the deadline.
        with Searchd(*OFF) as off:
            unbounded = off.get("/search?" + qs(q=BOMB))[3]
        deadline_ms = max(50, int(1000 * unbounded / 2))
        with Searchd("--max-query-terms", "0", "--max-wildcard-terms", "0",
                     "--deadline", str(deadline_ms)) as on:
            for target in ("/search?q=gemeente", "/trends?q=gemeente",
                           "/facets/theme?q=gemeente", "/search?" + qs(q=COSTLY)):
                self.assertEqual(on.get(target)[0], 200)
            before = on.rss_at_rest()
            status, _, _, _ = on.get("/search?" + qs(q=BOMB))
            self.assertEqual(status, 503)
            peak = on.memory_kib("VmHWM")
            after = on.rss_at_rest()
        print("bomb %.2f s unbounded, deadline %d ms: RSS %d kB at rest, peak %d kB, "
              "%d kB after the bombs" % (unbounded, deadline_ms, before, peak, after),
              file=sys.stderr)
        self.assertGreater(peak - before, 20 * 1024)       # the case reproduces
        self.assertLess(after - before, max(8 * 1024, (peak - before) // 4))


def main():
    global ARGS
    p = argparse.ArgumentParser()
    for opt in ("--searchd", "--vind", "--indexer", "--gencorpus", "--data", "--tmp"):
        p.add_argument(opt, required=True)
    ARGS, rest = p.parse_known_args()
    unittest.main(argv=[sys.argv[0], "-v"] + rest)


if __name__ == "__main__":
    main()
