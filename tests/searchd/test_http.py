#!/usr/bin/env python3
"""searchd end to end on a real loopback port, and vind against it.

Every route, every error code, concurrent requests, reindex while serving,
graceful shutdown; vind's human and JSON output and exit codes with --db and
--server.  Run by ctest (see CMakeLists.txt) with the paths of the binaries.
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import unittest
import urllib.parse

ARGS = None


def start_searchd(db, threads=4):
    proc = subprocess.Popen([ARGS.searchd, "--db", db, "--listen", "127.0.0.1:0",
                             "--threads", str(threads)],
                            stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
    if not m:
        proc.kill()
        raise RuntimeError("searchd did not start: " + line + proc.stderr.read())
    log = []
    threading.Thread(target=lambda: log.extend(proc.stderr), daemon=True).start()
    return proc, int(m.group(1)), log


def request(port, target, method="GET", headers=None, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, target, body=body, headers=headers or {})
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, dict(resp.getheaders()), data


def get_json(port, target):
    status, headers, data = request(port, target)
    return status, headers, json.loads(data) if data else None


def vind(*args):
    return subprocess.run([ARGS.vind, *args], capture_output=True, text=True, timeout=60)


class SearchdTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = os.path.join(ARGS.tmp, "small.db")
        subprocess.run([ARGS.fixture, cls.db, "--small"], check=True)
        cls.proc, cls.port, cls.log = start_searchd(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.proc.send_signal(signal.SIGTERM)
        assert cls.proc.wait(timeout=10) == 0, "searchd did not stop cleanly on SIGTERM"

    def assert_error(self, target, status, code, method="GET", headers=None, body=None):
        st, hdrs, data = request(self.port, target, method, headers, body)
        self.assertEqual(st, status, data)
        err = json.loads(data)["error"]
        self.assertEqual(err["code"], code)
        self.assertTrue(len(err["message"]) > 10)
        return hdrs

    # ---- routes ----
    def test_search_shape(self):
        st, hdrs, res = get_json(self.port, "/search?q=binnenstad")
        self.assertEqual(st, 200)
        self.assertTrue(hdrs["Content-Type"].startswith("application/json"))
        self.assertEqual(set(res), {"query", "total", "page", "per_page", "took_ms", "hits",
                                    "facets", "suggestion", "corrected", "relaxed"})
        self.assertEqual(res["total"], 1)
        hit = res["hits"][0]
        self.assertEqual(set(hit), {"id", "title", "date", "host", "path", "municipalities",
                                    "speakers", "themes", "snippet", "section", "score"})
        self.assertIn("<mark>", hit["snippet"])
        self.assertEqual(hit["section"]["anchor"], "a-concept-binnenstad")
        self.assertEqual(set(res["facets"]), {"municipality", "speaker", "theme", "year"})

    def test_filters_and_disjunctive_counts(self):
        q = urllib.parse.urlencode([("municipality", "Den Bosch"), ("municipality", "Veghel"),
                                    ("theme", "wonen-leefomgeving")])
        st, _, res = get_json(self.port, "/search?" + q)
        self.assertEqual(st, 200)
        self.assertEqual([h["id"] for h in res["hits"]], ["2018-02-16-den-bosch"])
        counts = {f["value"]: f["count"] for f in res["facets"]["municipality"]}
        self.assertEqual(counts["Súdwest-Fryslân"], 2)   # without the municipality filter

    def test_facets_route(self):
        st, _, res = get_json(self.port, "/facets/municipality?prefix=S%C3%BA")
        self.assertEqual(st, 200)
        self.assertEqual(res["values"], [{"value": "Súdwest-Fryslân", "count": 2}])
        self.assert_error("/facets/colour", 404, "not_found")

    def test_documents_route(self):
        st, _, doc = get_json(self.port, "/documents/2018-02-16-den-bosch")
        self.assertEqual(st, 200)
        self.assertNotIn("<script", doc["html"])
        self.assertEqual(doc["speakers"][0]["role"], "wethouder")
        self.assert_error("/documents/nope", 404, "not_found")

    def test_healthz_and_metrics(self):
        st, _, res = get_json(self.port, "/healthz")
        self.assertEqual((st, res["status"]), (200, "ok"))
        self.assertGreaterEqual(res["documents"], 5)
        self.assertGreater(res["revision"], 0)
        request(self.port, "/search?q=x")
        st, hdrs, data = request(self.port, "/metrics")
        text = data.decode()
        self.assertEqual(st, 200)
        self.assertTrue(hdrs["Content-Type"].startswith("text/plain"))
        self.assertRegex(text, r'vindplaats_requests_total\{route="search",status="200"\} \d+')
        self.assertIn("vindplaats_request_duration_seconds_bucket", text)
        self.assertRegex(text, r"vindplaats_documents \d+")

    def test_index_page(self):
        st, hdrs, data = request(self.port, "/")
        self.assertEqual(st, 200)
        self.assertTrue(hdrs["Content-Type"].startswith("text/html"))
        self.assertIn(b"Vindplaats", data)
        st, _, _ = request(self.port, "/static/index.html")
        self.assertEqual(st, 200)
        self.assert_error("/static/../etc/passwd", 404, "not_found")

    def test_head(self):
        st, _, data = request(self.port, "/healthz", method="HEAD")
        self.assertEqual((st, data), (200, b""))

    # ---- errors ----
    def test_error_codes(self):
        self.assert_error("/search?page=0", 400, "bad_parameter")
        self.assert_error("/search?per_page=101", 400, "bad_parameter")
        self.assert_error("/search?q=%zz", 400, "bad_parameter")
        self.assert_error("/search?q=%FF", 400, "bad_parameter")
        self.assert_error("/search?from=2017-13", 400, "bad_parameter")
        self.assert_error("/search?q=a&q=b", 400, "bad_parameter")
        self.assert_error("/search?q=AND+OR+NOT", 400, "bad_query")
        self.assert_error("/nowhere", 404, "not_found")
        hdrs = self.assert_error("/search", 405, "method_not_allowed", method="POST", body=b"x")
        self.assertEqual(hdrs["Allow"], "GET, HEAD")
        self.assert_error("/search", 413, "payload_too_large", body=b"x" * 100)
        self.assert_error("/search?q=" + "a" * 9000, 414, "uri_too_long")
        self.assert_error("/search?q=" + "a" * 1200, 400, "bad_parameter")

    def test_unavailable_database(self):
        proc, port, _ = start_searchd(os.path.join(ARGS.tmp, "missing.db"), threads=1)
        try:
            for target in ("/search", "/healthz", "/documents/x"):
                st, hdrs, data = request(port, target)
                self.assertEqual(st, 503, target)
                self.assertEqual(json.loads(data)["error"]["code"], "unavailable")
            st, _, data = request(port, "/metrics")
            self.assertIn(b"vindplaats_database_up 0", data)
        finally:
            proc.send_signal(signal.SIGINT)
            self.assertEqual(proc.wait(timeout=10), 0)

    # ---- load ----
    def test_concurrent_requests(self):
        targets = ["/search?q=wonen", "/search?municipality=Meierijstad", "/search",
                   "/facets/speaker", "/documents/undated-emmen", "/healthz"] * 40
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            statuses = list(pool.map(lambda t: request(self.port, t)[0], targets))
        self.assertEqual(set(statuses), {200})

    def test_access_log(self):
        # Common log format; the query string (what a member searched for)
        # is left out unless --log-queries.
        request(self.port, "/documents/logcheck?q=geheim")
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and not any("logcheck" in l for l in self.log):
            time.sleep(0.05)
        line = next((l for l in self.log if "logcheck" in l), "")
        self.assertRegex(line, r'^127\.0\.0\.1 - - \[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d \+0000\] '
                               r'"GET /documents/logcheck HTTP/1\.1" 404 \d+$')
        self.assertFalse(any("geheim" in l for l in self.log))


class ReindexTest(unittest.TestCase):
    def test_reindex_while_serving(self):
        db = os.path.join(ARGS.tmp, "reindex.db")
        subprocess.run([ARGS.fixture, db, "--small"], check=True)
        proc, port, _ = start_searchd(db, threads=4)
        failures, stop = [], threading.Event()

        def hammer():
            while not stop.is_set():
                st, _, data = request(port, "/search?q=verslag+OR+wonen&per_page=20")
                if st != 200:
                    failures.append((st, data))
        workers = [threading.Thread(target=hammer) for _ in range(4)]
        try:
            for w in workers:
                w.start()
            for round_ in range(3):
                subprocess.run([ARGS.fixture, db, "--generated", str(100 * (round_ + 1)),
                                "--seed", str(round_), "--append"], check=True)
                committed = time.monotonic()
                expected = 5 + 100 * (round_ + 1)
                while True:
                    # every worker must see it: ask several times
                    seen = [get_json(port, "/search?per_page=1")[2]["total"] for _ in range(8)]
                    if all(n == expected for n in seen):
                        break
                    self.assertLess(time.monotonic() - committed, 1.0,
                                    "new revision not served within a second: %s" % seen)
                    time.sleep(0.02)
        finally:
            stop.set()
            for w in workers:
                w.join()
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=10)
        self.assertEqual(failures, [])


class VindTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = os.path.join(ARGS.tmp, "vind.db")
        subprocess.run([ARGS.fixture, cls.db, "--small"], check=True)
        cls.proc, cls.port, _ = start_searchd(cls.db, threads=2)
        cls.server = "http://127.0.0.1:%d" % cls.port

    @classmethod
    def tearDownClass(cls):
        cls.proc.send_signal(signal.SIGTERM)
        cls.proc.wait(timeout=10)

    def test_human_output(self):
        r = vind("--db", self.db, "binnenstad")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("1 verslag voor \"binnenstad\"", r.stdout)
        self.assertIn("Werkconferentie binnenstad Veghel", r.stdout)
        self.assertIn("2016-05-12 | Veghel", r.stdout)
        self.assertIn("> A. Concept binnenstad", r.stdout)
        self.assertIn("Gemeente: Gorinchem (1), Veghel (1)", r.stdout)
        self.assertNotIn("<mark>", r.stdout)       # not a terminal: plain
        self.assertNotIn("\033[", r.stdout)

    def test_json_equals_search_api(self):
        for args, qs in ((["--municipality", "Meierijstad", "--sort", "date"],
                          "municipality=Meierijstad&sort=date"),
                         (["wonen"], "q=wonen")):
            local = json.loads(vind("--db", self.db, "--json", *args).stdout)
            remote = json.loads(vind("--server", self.server, "--json", *args).stdout)
            api = get_json(self.port, "/search?" + qs)[2]
            for res in (local, remote, api):
                res.pop("took_ms")
            self.assertEqual(local, api)
            self.assertEqual(remote, api)

    def test_exit_codes(self):
        self.assertEqual(vind("--db", self.db, "nergensnietsniks").returncode, 1)
        self.assertEqual(vind("--server", self.server, "nergensnietsniks").returncode, 1)
        r = vind("--db", self.db, "--per-page", "500", "x")
        self.assertEqual(r.returncode, 2)
        self.assertIn("per_page", r.stderr)
        self.assertEqual(vind("--db", os.path.join(ARGS.tmp, "none.db"), "x").returncode, 2)
        self.assertEqual(vind("--server", "http://127.0.0.1:1", "x").returncode, 2)
        self.assertEqual(vind("x").returncode, 2)
        r = vind("--server", self.server, "--from", "2019", "--to", "2018")
        self.assertEqual(r.returncode, 2)

    def test_show(self):
        for where in (["--db", self.db], ["--server", self.server]):
            r = vind(*where, "show", "2018-02-16-den-bosch")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("Netwerkdag 's-Hertogenbosch over wonen", r.stdout)
            self.assertIn("Sprekers: Jan de Vries (gemeente 's-Hertogenbosch)", r.stdout)
            self.assertEqual(vind(*where, "show", "no-such-id").returncode, 1)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    for opt in ("--searchd", "--vind", "--fixture", "--tmp"):
        parser.add_argument(opt, required=True)
    ARGS, rest = parser.parse_known_args()
    shutil.rmtree(ARGS.tmp, ignore_errors=True)
    os.makedirs(ARGS.tmp)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
