#!/usr/bin/env python3
"""searchd end to end on a real loopback port, and vind against it.

Every route, every error code, concurrent requests, reindex while serving,
graceful shutdown; vind's human and JSON output and exit codes with --db and
--server.  The connection (issue 21): keep-alive and pipelining, the request
head (header limits, Content-Length framing, Host), HEAD without a body,
the headers every answer carries, the access log's escaping and the client
behind a trusted proxy.  Run by ctest (see CMakeLists.txt) with the paths
of the binaries.
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

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from searchd_proc import start_searchd  # noqa: E402

ARGS = None


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


def read_response(f, head=False):
    """One HTTP/1.1 response from the buffered socket file f: (status,
    {lower-case header: value}, body, header block as bytes)."""
    status_line = f.readline()
    if not status_line:
        return None
    lines = [status_line]
    headers = {}
    while True:
        line = f.readline()
        lines.append(line)
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    body = b""
    if head:
        pass
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int(f.readline().split(b";")[0], 16)
            chunk = f.read(size + 2)
            if size == 0:
                break
            body += chunk[:-2]
    else:
        body = f.read(int(headers.get("content-length", "0")))
    return int(status_line.split()[1]), headers, body, b"".join(lines)


def exchange(port, data, timeout=10):
    """Sends raw bytes and reads until the server closes the connection or
    stays silent for a second: (everything read, whether it closed)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        s.settimeout(1)
        out = b""
        while True:
            try:
                got = s.recv(65536)
            except socket.timeout:
                return out, False
            except ConnectionResetError:
                return out, True
            if not got:
                return out, True
            out += got


def metric(port, name):
    _, _, data = request(port, "/metrics")
    return int(re.search(r"(?m)^%s (\d+)$" % name, data.decode()).group(1))


def vind(*args):
    return subprocess.run([ARGS.vind, *args], capture_output=True, text=True, timeout=60)


class SearchdTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = os.path.join(ARGS.tmp, "small.db")
        subprocess.run([ARGS.fixture, cls.db, "--small"], check=True)
        cls.proc, cls.port, cls.log = start_searchd(ARGS.searchd, cls.db)

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
        proc, port, _ = start_searchd(ARGS.searchd, os.path.join(ARGS.tmp, "missing.db"),
                                      threads=1)
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


class ConnectionTest(unittest.TestCase):
    """Keep-alive, pipelining and the request head, on a server of its own
    (so that its connection counter counts this test's connections only)."""

    @classmethod
    def setUpClass(cls):
        cls.db = os.path.join(ARGS.tmp, "conn.db")
        subprocess.run([ARGS.fixture, cls.db, "--small"], check=True)
        cls.proc, cls.port, cls.log = start_searchd(ARGS.searchd, cls.db, threads=2)

    @classmethod
    def tearDownClass(cls):
        cls.proc.send_signal(signal.SIGTERM)
        assert cls.proc.wait(timeout=10) == 0

    def tearDown(self):
        self.assertIsNone(self.proc.poll(), "searchd died")
        self.assertEqual(request(self.port, "/healthz")[0], 200)   # still serving

    def log_line(self, needle):
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            line = next((l for l in self.log if needle in l), None)
            if line:
                return line
            time.sleep(0.05)
        self.fail(f"no log line with {needle!r}: {self.log[-5:]}")

    def test_keep_alive_client_reuses_its_connection(self):
        before = metric(self.port, "vindplaats_connections_total")
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        ports = set()
        for target in ["/healthz", "/search?q=wonen", "/export?q=wonen&format=csv",
                       "/trends?format=csv", "/static/app.js", "/nowhere", "/search?page=0",
                       "/documents/2018-02-16-den-bosch", "/metrics"]:
            conn.request("GET", target)
            resp = conn.getresponse()
            resp.read()
            self.assertNotEqual(resp.getheader("Connection"), "close", target)
            ports.add(conn.sock.getsockname()[1])
        conn.request("HEAD", "/search?q=wonen")        # HEAD keeps it too
        resp = conn.getresponse()
        self.assertEqual((resp.status, resp.read()), (200, b""))
        conn.request("GET", "/healthz")
        self.assertEqual(json.loads(conn.getresponse().read())["status"], "ok")
        conn.close()
        self.assertEqual(len(ports), 1)
        # This client's one connection, and the one metric() itself opened.
        self.assertEqual(metric(self.port, "vindplaats_connections_total") - before, 2)

    def test_no_keep_alive_beyond_32_open_connections(self):
        # libmicrohttpd zeroes a kept-alive connection's whole 512 kB pool
        # between requests: beyond 32 open connections answers close theirs.
        idle = [socket.create_connection(("127.0.0.1", self.port), timeout=10)
                for _ in range(32)]
        try:
            time.sleep(0.2)
            st, hdrs, _ = request(self.port, "/healthz")
            self.assertEqual((st, hdrs.get("Connection")), (200, "close"))
        finally:
            for s in idle:
                s.close()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            st, hdrs, _ = request(self.port, "/healthz")
            if "Connection" not in hdrs:
                break
            time.sleep(0.1)
        self.assertNotIn("Connection", hdrs)

    def test_pipelined_requests_are_all_answered_in_order(self):
        targets = ["/healthz", "/search?q=binnenstad", "/nowhere", "/facets/theme",
                   "/export?q=wonen", "/healthz"]
        data = b"".join(b"GET %s HTTP/1.1\r\nHost: x\r\n\r\n" % t.encode()
                        for t in targets)
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as s:
            s.sendall(data)
            f = s.makefile("rb")
            answers = [read_response(f) for _ in targets]
        self.assertEqual([a[0] for a in answers], [200, 200, 404, 200, 200, 200])
        self.assertEqual(json.loads(answers[1][2])["total"], 1)
        self.assertEqual(json.loads(answers[3][2])["facet"], "theme")
        self.assertEqual(answers[4][1]["transfer-encoding"], "chunked")
        self.assertEqual(len(answers[4][2].splitlines()),
                         int(answers[4][1]["x-total-count"]))
        self.assertEqual(answers[0][2], answers[5][2])

    def test_head_sends_no_body(self):
        # HEAD /export (streamed): the headers and nothing after them, then
        # the connection closes (no length or framing to send).
        out, closed = exchange(self.port, b"HEAD /export?q=wonen HTTP/1.1\r\nHost: x\r\n\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 200 "), out[:100])
        self.assertTrue(out.endswith(b"\r\n\r\n"), out[-40:])
        self.assertEqual(out.count(b"\r\n\r\n"), 1)
        self.assertIn(b"X-Total-Count: ", out)
        self.assertNotIn(b"Content-Length", out)
        self.assertTrue(closed)
        # HEAD of a buffered answer keeps the connection: the next answer
        # follows right after the headers, with no stray bytes between.
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as s:
            s.sendall(b"HEAD /search?q=wonen HTTP/1.1\r\nHost: x\r\n\r\n"
                      b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            f = s.makefile("rb")
            status, headers, _, _ = read_response(f, head=True)
            self.assertEqual(status, 200)
            self.assertGreater(int(headers["content-length"]), 100)   # what GET would send
            status, _, body, _ = read_response(f)
            self.assertEqual((status, json.loads(body)["status"]), (200, "ok"))

    def assert_refused(self, data, status, code):
        out, closed = exchange(self.port, data)
        self.assertTrue(out.startswith(b"HTTP/1.1 %d " % status), out[:200])
        self.assertEqual(out.count(b"\r\nDate: "), 1, out)        # one answer, once
        self.assertEqual(json.loads(out.split(b"\r\n\r\n", 1)[1])["error"]["code"], code)
        self.assertTrue(closed, "the connection stays open after a refused request head")

    def test_ambiguous_length_is_400(self):
        for lengths in [(b"0", b"5"), (b"5", b"0"), (b"5", b"5")]:
            self.assert_refused(b"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: %s\r\n"
                                b"Content-Length: %s\r\n\r\nhello" % lengths, 400, "bad_request")
        self.assert_refused(b"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                            b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400, "bad_request")
        # Nothing after the refused request is read as a request of its own.
        out, _ = exchange(self.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                          b"Content-Length: 40\r\n\r\nGET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n")
        self.assertEqual(out.count(b"HTTP/1.1 "), 1, out)

    def test_host_header(self):
        self.assert_refused(b"GET /healthz HTTP/1.1\r\n\r\n", 400, "bad_request")
        self.assert_refused(b"GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400,
                            "bad_request")
        out, _ = exchange(self.port, b"GET /healthz HTTP/1.0\r\n\r\n")   # 1.0 needs none
        self.assertTrue(out.startswith(b"HTTP/1.1 200 "), out[:100])

    def test_space_or_control_character_in_target(self):
        self.assert_refused(b"GET /search?q=a b HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad_request")
        self.assert_refused(b"GET /search?q=a\x01b HTTP/1.1\r\nHost: x\r\n\r\n", 400,
                            "bad_request")

    def test_header_limits(self):
        def fields(n, size=1):
            return b"".join(b"X-F%03d: %s\r\n" % (i, b"v" * size) for i in range(n))
        head = b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
        # 100 fields in all (Host is one), and 16384 bytes counted as
        # "Name: value" CRLF each, are allowed; one more of either is not.
        out, _ = exchange(self.port, head + fields(99) + b"\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 200 "), out[:100])
        self.assert_refused(head + fields(100) + b"\r\n", 431, "headers_too_large")
        exact = b"X-Big: " + b"b" * (16384 - 9 - 9) + b"\r\n"     # Host: x is 9 bytes
        self.assertEqual(len(exact) + 9, 16384)
        out, _ = exchange(self.port, head + exact + b"\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 200 "), out[:100])
        self.assert_refused(head + exact.replace(b": b", b": bb") + b"\r\n", 431,
                            "headers_too_large")
        # The hostile cases of issue 18: one 100 kB header, 2000 fields.
        self.assert_refused(head + b"X-Big: " + b"b" * 100_000 + b"\r\n\r\n", 431,
                            "headers_too_large")
        self.assert_refused(head + fields(2000) + b"\r\n", 431, "headers_too_large")
        # Beyond the 512 kB a connection may hold, libmicrohttpd answers 431
        # itself (HTML), once, and closes.
        out, closed = exchange(self.port, head + b"X-Big: " + b"b" * 600_000 + b"\r\n\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 431 "), out[:100])
        self.assertEqual(out.count(b"HTTP/1.1 431"), 1, out)
        self.assertTrue(closed)

    def test_libmicrohttpd_answers_once(self):
        # Its own answers to a URL beyond its memory and to an unsupported
        # version come once.  (A Content-Length that is not a number is the
        # one case where libmicrohttpd 0.9.75 writes its answer's status line
        # and headers twice, before searchd sees the request: the status is
        # right and the connection closes; see docs/api.md.)
        for data, status in [(b"GET /search?q=" + b"a" * 600_000 + b" HTTP/1.1\r\n\r\n", 414),
                             (b"GET /healthz HTTP/2.0\r\nHost: x\r\n\r\n", 505)]:
            out, closed = exchange(self.port, data)
            self.assertTrue(out.startswith(b"HTTP/1.1 %d " % status), out[:100])
            self.assertEqual(out.count(b"\r\nDate: "), 1, out)
            self.assertTrue(closed)
        out, closed = exchange(self.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
                                          b"Content-Length: abc\r\n\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 400 "), out[:100])
        self.assertTrue(closed)

    def test_headers_on_every_answer(self):
        for target in ["/export?q=wonen&format=csv", "/export?q=wonen", "/trends?format=csv",
                       "/trends", "/metrics", "/healthz", "/", "/nowhere", "/search?page=0",
                       "/static/app.js"]:
            st, hdrs, _ = request(self.port, target)
            self.assertIn(st, (200, 400, 404), target)
            self.assertIn("script-src 'self'", hdrs.get("Content-Security-Policy", ""), target)
            self.assertEqual(hdrs.get("X-Content-Type-Options"), "nosniff", target)
            want = "no-cache" if target.startswith("/static/") else "no-store"
            self.assertEqual(hdrs.get("Cache-Control"), want, target)

    def test_access_log_escapes_what_the_client_sent(self):
        exchange(self.port, b'G"ET\x1b[31m\\ /logescape\x7f"x HTTP/1.1\r\nHost: x\r\n\r\n')
        line = self.log_line("logescape")
        self.assertRegex(line, r'^127\.0\.0\.1 - - \[[^]]+\] "G\\x22ET\\x1b\[31m\\x5c '
                               r'/logescape\\x7f\\x22x HTTP/1\.1" 400 \d+$')
        self.assertNotIn("\x1b", line)
        # A space in the target (refused) does not split the request field.
        exchange(self.port, b"GET /log space HTTP/1.1\r\nHost: x\r\n\r\n")
        self.assertIn('"GET /log\\x20space HTTP/1.1" 400', self.log_line("/log\\x20space"))

    def test_json_log_and_trusted_proxy(self):
        proc, port, log = start_searchd(ARGS.searchd, self.db, threads=1, extra=(
            "--log-format", "json", "--trusted-proxy", "127.0.0.1"))
        try:
            for xff, tag in [("198.51.100.9, 203.0.113.7", "proxied"), ("evil", "notanip"),
                             ("2001:db8::1", "six")]:
                request(port, "/documents/" + tag, headers={"X-Forwarded-For": xff})
            exchange(port, b"G\xffET /documents/badmethod HTTP/1.1\r\nHost: x\r\n\r\n")
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline and not any("badmethod" in l for l in log):
                time.sleep(0.05)
            lines = {json.loads(l)["path"]: json.loads(l) for l in log if l.startswith("{")}
            self.assertEqual(lines["/documents/proxied"]["client"], "203.0.113.7")
            self.assertEqual(lines["/documents/notanip"]["client"], "127.0.0.1")
            self.assertEqual(lines["/documents/six"]["client"], "2001:db8::1")
            self.assertEqual(lines["/documents/badmethod"]["method"], "G\\xffET")
        finally:
            proc.send_signal(signal.SIGTERM)
            self.assertEqual(proc.wait(timeout=10), 0)
        # Without --trusted-proxy the header is not believed.
        request(self.port, "/documents/untrusted", headers={"X-Forwarded-For": "203.0.113.7"})
        self.assertTrue(self.log_line("/documents/untrusted").startswith("127.0.0.1 "))


class ReindexTest(unittest.TestCase):
    def test_reindex_while_serving(self):
        db = os.path.join(ARGS.tmp, "reindex.db")
        subprocess.run([ARGS.fixture, db, "--small"], check=True)
        proc, port, _ = start_searchd(ARGS.searchd, db, threads=4)
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
        cls.proc, cls.port, _ = start_searchd(ARGS.searchd, cls.db, threads=2)
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
