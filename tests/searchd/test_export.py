#!/usr/bin/env python3
"""GET /export, GET /trends and vind --export / vind trends, end to end.

- an export equals the concatenation of every /search page in the same date
  order (newest first by default, or sort=date_asc), record for record, for
  many queries and filters, on the corpus and on 3000 generated reports, each
  with 40 reports on one day and 6 undated ones (ties broken by id), with the
  default batch and with batches of 7 (VP_EXPORT_BATCH), so that ties cross
  batch boundaries; scores equal the relevance-ordered /search's;
- sort=relevance is a 400, and vind --export --sort relevance exit status 2;
- an index of an older schema is refused with a clear 503 and exit status 2;
- the CSV parses with Python's csv module and round-trips every field
  (quotes, commas, semicolons, LF and CRLF, UTF-8) against the JSON lines;
- trend counts equal the year facet of /search under the same query, and
  every value's counts equal a brute-force count over the export;
- spreadsheet safety: reports written for the test, whose title, file
  name, heading and organisation begin with = + - @, come out of the CSV
  (/export, vind --export with --db and --server) with an apostrophe in
  front, reversibly, and unchanged in the JSON lines;
- error cases, the limit on concurrent exports, vind's output and exit codes.
Run by ctest with the paths of the binaries (see CMakeLists.txt).
"""
import argparse
import collections
import csv
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import unittest
import urllib.parse
import http.client

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from report_folder import index_reports  # noqa: E402
import searchd_proc  # noqa: E402

ARGS = None


def start_searchd(db, threads=4, batch=None):
    """(process, port): a server of the export tests.  They test what an
    export holds, not what it may cost (test_budget.py does): under the
    sanitizers on a loaded machine an export of the generated index was
    refused as "about 90 s of work".  batch: VP_EXPORT_BATCH; batches of 7
    run ~70 times the matches a real export does: they test how batches
    join."""
    env = dict(os.environ, VP_EXPORT_BATCH=str(batch)) if batch else None
    proc, port, _ = searchd_proc.start_searchd(
        ARGS.searchd, db, data=ARGS.data, threads=threads, env=env,
        extra=("--deadline", "0", "--export-deadline", "0"))
    return proc, port


def get(port, target):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    conn.request("GET", target)
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, dict(resp.getheaders()), data


def get_json(port, target):
    status, headers, data = get(port, target)
    assert status == 200, (target, status, data[:300])
    return json.loads(data)


def all_pages(port, qs):
    hits, page = [], 1
    while True:
        r = get_json(port, "/search?%s&per_page=100&page=%d" % (qs, page))
        hits += r["hits"]
        if page * 100 >= r["total"]:
            return hits, r["total"]
        page += 1


def export_jsonl(port, qs):
    status, headers, data = get(port, "/export?%s&format=jsonl" % qs)
    assert status == 200, (qs, status, data[:300])
    text = data.decode("utf-8")
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()], headers


def export_csv(port, qs):
    status, headers, data = get(port, "/export?%s&format=csv" % qs)
    assert status == 200, (qs, status, data[:300])
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""))), headers


def unguard(cell):
    """The value of a CSV cell: a cell that begins with apostrophes followed
    by = + - @ tab or CR had one apostrophe put in front (docs/api.md)."""
    return cell[1:] if re.match(r"'+[=+\-@\t\r]", cell) else cell


def close(a, b):
    return abs(a - b) <= 1e-5 * max(1.0, abs(a), abs(b))


def vind(*args):
    return subprocess.run([ARGS.vind, *args], capture_output=True, timeout=120)


CORPUS_QUERIES = ["", "q=wonen", "q=samenwerking", "q=gemeente", "q=%22de+gemeente%22",
                  "q=energie+OR+wonen", "q=binnenstad&sort=date_asc", "q=-wonen",
                  "theme=wonen-leefomgeving", "municipality=Meierijstad",
                  "from=2016&to=2019", "q=gemeente&sort=date", "q=kleur1",
                  "q=kleur2&sort=date_asc", "theme=binnenstad&sort=date_asc"]
GENERATED_QUERIES = ["", "q=kleur1", "q=kleur2+kleur3", "q=kleur4+OR+kleur5", "q=-kleur6",
                     "theme=binnenstad&theme=mobiliteit", "speaker=Anna+Jansen&q=kleur7",
                     "from=2016&to=2019-06", "sort=date_asc", "q=kleur8&sort=date",
                     "q=kleur9&municipality=Gouda&sort=date_asc", "q=kleur2&sort=date_asc",
                     "theme=binnenstad&sort=date_asc", "municipality=Gouda&q=kleur1",
                     "from=2018-06-01&to=2018-06-01", "q=samen&sort=date_asc"]
SMALL_BATCH = 7    # many batch boundaries, and ties on 2018-06-01 across them


class ExportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        shutil.rmtree(ARGS.tmp, ignore_errors=True)
        os.makedirs(ARGS.tmp)
        corpus_db = os.path.join(ARGS.tmp, "corpus.db")
        subprocess.run([ARGS.indexer, "--db", corpus_db, "--quiet", "--data", ARGS.data,
                        ARGS.corpus], check=True)
        subprocess.run([ARGS.export_fixture, corpus_db], check=True)
        gen_db = os.path.join(ARGS.tmp, "generated.db")
        subprocess.run([ARGS.fixture, gen_db, "--generated", "3000"], check=True)
        subprocess.run([ARGS.export_fixture, gen_db], check=True)
        cls.dbs = {"corpus": corpus_db, "generated": gen_db}
        cls.servers = {name: start_searchd(db) for name, db in cls.dbs.items()}
        cls.servers.update({name + "-small-batch": start_searchd(db, batch=SMALL_BATCH)
                            for name, db in cls.dbs.items()})
        cls.ports = {name: port for name, (_, port) in cls.servers.items()}

    @classmethod
    def tearDownClass(cls):
        for proc, _ in cls.servers.values():
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=10)

    def queries(self):
        for name, qs in [("corpus", q) for q in CORPUS_QUERIES] + \
                        [("generated", q) for q in GENERATED_QUERIES]:
            yield name, self.ports[name], qs

    # ---- /export ----
    def test_export_equals_all_search_pages(self):
        """/export, with the default batch and with batches of 7, equals every
        /search page in the same date order; without sort= both are newest
        first (with q too, where /search's default would be relevance)."""
        nonempty = 0
        for name, port, qs in self.queries():
            search_qs = qs if "sort=" in qs else qs + "&sort=date"
            hits, total = all_pages(port, search_qs)
            for server in (name, name + "-small-batch"):
                with self.subTest(db=server, qs=qs):
                    records, headers = export_jsonl(self.ports[server], qs)
                    self.assertEqual(int(headers["X-Total-Count"]), total)
                    self.assertEqual(headers.get("Transfer-Encoding"), "chunked")
                    self.check_records(records, hits)
            nonempty += bool(hits)
        self.assertGreater(nonempty, 25)

    def check_records(self, records, hits):
        self.assertEqual([r["id"] for r in records], [h["id"] for h in hits])
        for rec, hit in zip(records, hits):
            self.assertEqual(list(rec), ["id", "title", "date", "host", "municipalities",
                                         "speakers", "themes", "path", "score", "section"])
            for key in ("title", "date", "host", "municipalities", "themes", "path",
                        "section"):
                self.assertEqual(rec[key], hit[key], key)
            self.assertTrue(close(rec["score"], hit["score"]))
            self.assertEqual([s["name"] for s in rec["speakers"]], hit["speakers"])

    def test_date_order_breaks_ties_by_id(self):
        for name in ("corpus", "generated"):
            for server in (name, name + "-small-batch"):
                for sort in ("date", "date_asc"):
                    with self.subTest(db=server, sort=sort):
                        records, _ = export_jsonl(self.ports[server], "sort=" + sort)
                        keys = [((r["date"] or "0000-00-00"), r["id"]) for r in records]
                        self.assertEqual(keys, sorted(keys, reverse=sort == "date"))
                        same = [r["id"] for r in records if r["date"] == "2018-06-01"
                                and r["id"].startswith("sameday/")]
                        self.assertEqual(len(same), 40)

    def test_scores_are_the_relevance_scores(self):
        """Sorted by date, Xapian still weighs every match: each record's score
        is the score the relevance-ordered /search gives the same report."""
        for name, port, qs in self.queries():
            if "q=" not in qs or "q=-" in qs:
                continue
            with self.subTest(db=name, qs=qs):
                base = re.sub(r"&?sort=\w+", "", qs)
                hits, _ = all_pages(port, base + "&sort=relevance")
                want = {h["id"]: h["score"] for h in hits}
                records, _ = export_jsonl(self.ports[name + "-small-batch"], qs)
                self.assertEqual(len(records), len(want))
                for r in records:
                    self.assertGreater(r["score"], 0)
                    self.assertTrue(close(r["score"], want[r["id"]]), r["id"])

    def test_export_of_more_than_a_page_depth(self):
        # every report, beyond /search's depth limit of 10000 would be too:
        # here at least past many batches of 500
        records, headers = export_jsonl(self.ports["generated"], "")
        self.assertEqual(len(records), 3048)
        self.assertEqual(int(headers["X-Total-Count"]), 3048)
        self.assertEqual(len({r["id"] for r in records}), 3048)

    def test_csv_round_trips_every_field(self):
        for name, port, qs in self.queries():
            with self.subTest(db=name, qs=qs):
                rows, headers = export_csv(port, qs)
                records, _ = export_jsonl(port, qs)
                self.assertTrue(headers["Content-Type"].startswith("text/csv"))
                self.assertEqual(rows[0], ["id", "title", "date", "host", "municipalities",
                                           "speakers", "themes", "path", "score", "section",
                                           "section_anchor"])
                self.assertEqual(len(rows) - 1, len(records))
                for row, rec in zip(rows[1:], records):
                    row = [unguard(cell) for cell in row]
                    self.assertEqual(row[:4], [rec["id"], rec["title"], rec["date"] or "",
                                               rec["host"] or ""])
                    self.assertEqual(row[4], "; ".join(rec["municipalities"]))
                    self.assertEqual(row[5], "; ".join(
                        s["name"] + (" (%s)" % s["organisation"] if s["organisation"] else "")
                        for s in rec["speakers"]))
                    self.assertEqual(row[6], "; ".join(rec["themes"]))
                    self.assertEqual(row[7], rec["path"])
                    self.assertTrue(close(float(row[8]), rec["score"]))
                    section = rec["section"] or {}
                    self.assertEqual(row[9:], [section.get("heading", ""),
                                               section.get("anchor", "")])

    def test_csv_quotes_line_breaks_and_utf8(self):
        for name, port in self.ports.items():
            rows, _ = export_csv(port, "q=kleur1&sort=date")
            by_id = {row[0]: row for row in rows[1:]}
            quotes = by_id["tricky/quotes"]
            self.assertEqual(quotes[1], 'Wonen, "samen"; of niet?\nTweede regel\r\nmet CRLF, '
                                        'en "meer"')
            self.assertEqual(quotes[5], 'Jan "de" Vries (Gemeente Gouda, afdeling "Wonen")')
            self.assertEqual(quotes[9], 'Kop, met "aanhalingstekens"')
            utf8 = by_id["tricky/utf8"]
            self.assertEqual(utf8[1], "Súdwest-Fryslân \u2014 één, twee; drie")
            self.assertEqual(utf8[4], "Súdwest-Fryslân; Gouda")   # as stored
            # RFC 4180: CRLF between records, quotes doubled inside quoted fields
            _, _, raw = get(port, "/export?q=kleur1&format=csv")
            self.assertTrue(raw.startswith(b"id,title,date,host,municipalities,"))
            self.assertIn(b'"Wonen, ""samen""; of niet?\nTweede regel\r\nmet CRLF', raw)
            self.assertTrue(raw.endswith(b"\r\n"))

    def test_export_errors(self):
        port = self.ports["corpus"]
        for target, code in [("/export?format=xml", "bad_parameter"),
                             ("/export?format=csv&format=jsonl", "bad_parameter"),
                             ("/export?colour=red", "bad_parameter"),
                             ("/export?page=2", "bad_parameter"),
                             ("/export?per_page=100", "bad_parameter"),
                             ("/export?from=2020&to=2019", "bad_parameter"),
                             ("/export?sort=relevance", "bad_parameter"),
                             ("/export?q=wonen&sort=relevance&format=csv", "bad_parameter"),
                             ("/export?q=%22open", None),
                             ("/export?q=%zz", "bad_parameter")]:
            with self.subTest(target=target):
                status, _, data = get(port, target)
                if code is None:     # the parser may accept an unclosed phrase
                    self.assertIn(status, (200, 400))
                    continue
                self.assertEqual(status, 400, data)
                err = json.loads(data)["error"]
                self.assertEqual(err["code"], code)
                self.assertGreater(len(err["message"]), 10)

    def test_concurrent_export_limit(self):
        """Four exports that the client does not read hold their slots; the
        fifth is a 503 with Retry-After; once they close, exports work again."""
        port = self.ports["generated"]
        held = []
        try:
            for _ in range(4):
                s = socket.socket()
                s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                s.connect(("127.0.0.1", port))
                s.sendall(b"GET /export?format=jsonl HTTP/1.1\r\nHost: x\r\n\r\n")
                s.recv(1)          # the export has started (status line sent)
                held.append(s)
            status, headers, data = get(port, "/export?q=kleur1")
            self.assertEqual(status, 503, data[:200])
            self.assertIn("Retry-After", headers)
            self.assertEqual(json.loads(data)["error"]["code"], "too_many_exports")
        finally:
            for s in held:
                s.close()
        for _ in range(100):       # the server notices the closed sockets
            status, _, _ = get(port, "/export?q=kleur1")
            if status == 200:
                break
            threading.Event().wait(0.1)
        self.assertEqual(status, 200)

    # ---- /trends ----
    def brute_force(self, records, by, interval):
        key = {"theme": "themes", "municipality": "municipalities", "speaker": "speakers"}[by]
        counts = collections.defaultdict(collections.Counter)
        for r in records:
            if not r["date"]:
                continue
            y, m = r["date"][:4], int(r["date"][5:7])
            iv = y if interval == "year" else "%s-Q%d" % (y, (m - 1) // 3 + 1)
            for v in r[key]:
                counts[v["name"] if isinstance(v, dict) else v][iv] += 1
        return counts

    def test_trends_equal_year_facets_and_brute_force(self):
        checked = 0
        for name, port, qs in self.queries():
            if "from=" in qs:
                continue         # the year facet is counted without its own filter
            qs = re.sub(r"&?sort=\w+", "", qs)    # /trends has no order
            for by in ("theme", "municipality", "speaker"):
                for interval in ("year", "quarter"):
                    with self.subTest(db=name, qs=qs, by=by, interval=interval):
                        t = get_json(port, "/trends?%s&by=%s&interval=%s&limit=6"
                                     % (qs, by, interval))
                        self.check_trends(port, qs, t, by, interval)
                        checked += 1
        self.assertGreater(checked, 100)

    def check_trends(self, port, qs, t, by, interval):
        records, _ = export_jsonl(port, qs)
        dated = [r for r in records if r["date"]]
        self.assertEqual(t["total"], len(dated))
        self.assertEqual(sum(t["totals"]), t["total"])
        if interval == "year":
            search = get_json(port, "/search?%s&facet_limit=0&per_page=1" % qs)
            years = {f["value"]: f["count"] for f in search["facets"]["year"]}
            self.assertEqual({k: v for k, v in zip(t["intervals"], t["totals"]) if v}, years)
        if dated:    # contiguous intervals, zeros filled in
            first, last = min(r["date"] for r in dated), max(r["date"] for r in dated)
            self.assertEqual(t["intervals"][0][:4], first[:4])
            self.assertEqual(t["intervals"][-1][:4], last[:4])
            self.assertEqual(len(set(t["intervals"])), len(t["intervals"]))
        brute = self.brute_force(records, by, interval)
        want = sorted(((sum(c.values()), v) for v, c in brute.items()), key=lambda x: -x[0])
        self.assertEqual([v["total"] for v in t["values"]], [n for n, _ in want[:6]])
        for v in t["values"]:
            self.assertEqual(len(v["counts"]), len(t["intervals"]))
            self.assertEqual(dict((k, n) for k, n in zip(t["intervals"], v["counts"]) if n),
                             dict(brute[v["value"]]), v["value"])
            self.assertEqual(sum(v["counts"]), v["total"])

    def test_trends_per_value_equal_filtered_year_facet(self):
        port = self.ports["generated"]
        for by in ("theme", "speaker"):
            t = get_json(port, "/trends?q=kleur2&by=%s&limit=4" % by)
            for v in t["values"]:
                search = get_json(port, "/search?q=kleur2&%s=%s&facet_limit=0&per_page=1"
                                  % (by, urllib.parse.quote(v["value"])))
                years = {f["value"]: f["count"] for f in search["facets"]["year"]}
                self.assertEqual({k: n for k, n in zip(t["intervals"], v["counts"]) if n}, years)

    def test_trends_csv(self):
        port = self.ports["corpus"]
        t = get_json(port, "/trends?q=gemeente&by=municipality&limit=5")
        status, headers, data = get(port, "/trends?q=gemeente&by=municipality&limit=5&format=csv")
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith("text/csv"))
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        self.assertEqual(rows[0], ["value", "total"] + t["intervals"])
        for row, v in zip(rows[1:], t["values"]):
            self.assertEqual(row, [v["value"], str(v["total"])] + [str(n) for n in v["counts"]])
        self.assertEqual(rows[-1], ["(all)", str(t["total"])] + [str(n) for n in t["totals"]])
        self.assertEqual(len(rows), len(t["values"]) + 2)

    def test_trends_errors(self):
        port = self.ports["corpus"]
        for target in ["/trends?by=year", "/trends?by=colour", "/trends?interval=month",
                       "/trends?limit=0", "/trends?limit=abc", "/trends?limit=1001",
                       "/trends?format=xml", "/trends?colour=red", "/trends?by=theme&by=speaker",
                       "/trends?sort=date", "/trends?page=2"]:
            with self.subTest(target=target):
                status, _, data = get(port, target)
                self.assertEqual(status, 400, data)
                err = json.loads(data)["error"]
                self.assertEqual(err["code"], "bad_parameter")
                self.assertGreater(len(err["message"]), 10)

    def test_trends_without_matches(self):
        t = get_json(self.ports["corpus"], "/trends?q=zzzqqqxxx")
        self.assertEqual((t["intervals"], t["totals"], t["total"], t["values"]), ([], [], 0, []))

    # ---- vind ----
    def test_vind_export_and_trends_match_the_server(self):
        name, port = "corpus", self.ports["corpus"]
        db, server = self.dbs[name], "http://127.0.0.1:%d" % port
        for fmt in ("csv", "jsonl"):
            _, _, want = get(port, "/export?q=gemeente&theme=wonen-leefomgeving&format=" + fmt)
            for where in (["--db", db, "--data", ARGS.data], ["--server", server]):
                r = vind(*where, "--export", fmt, "--theme", "wonen-leefomgeving", "gemeente")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stdout, want)
        _, _, want_csv = get(port, "/trends?q=gemeente&by=speaker&interval=quarter&format=csv")
        want_json = get_json(port, "/trends?q=gemeente&by=speaker&interval=quarter")
        for where in (["--db", db, "--data", ARGS.data], ["--server", server]):
            r = vind(*where, "trends", "--by", "speaker", "--interval", "quarter", "gemeente")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, want_csv)       # not a terminal: CSV
            r = vind(*where, "--json", "trends", "--by", "speaker", "--interval", "quarter",
                     "gemeente")
            self.assertEqual(json.loads(r.stdout), want_json)

    def test_vind_exit_codes(self):
        db = self.dbs["corpus"]
        base = ["--db", db, "--data", ARGS.data]
        self.assertEqual(vind(*base, "--export", "csv", "zzzqqqxxx").returncode, 1)
        self.assertEqual(vind(*base, "trends", "zzzqqqxxx").returncode, 1)
        for bad in (["--export", "xml"], ["trends", "--by", "year"], ["--by", "theme"],
                    ["trends", "--interval", "week"], ["--export", "csv", "trends"],
                    ["--export", "csv", "--sort", "relevance", "wonen"]):
            r = vind(*base, *bad)
            self.assertEqual(r.returncode, 2, bad)
            self.assertTrue(r.stderr.startswith(b"vind: "), r.stderr)
        r = vind(*base, "--export", "jsonl", "--sort", "relevance", "wonen")
        self.assertIn(b"relevance order cannot be streamed", r.stderr)

    def test_export_sort_relevance_message(self):
        status, _, data = get(self.ports["corpus"], "/export?q=wonen&sort=relevance")
        self.assertEqual(status, 400)
        self.assertIn("relevance order cannot be streamed", json.loads(data)["error"]["message"])

    def test_older_schema_is_refused_until_reindexed(self):
        """An index an older indexer wrote has no sort keys: searchd answers
        503 with what to do, vind fails with exit status 2."""
        old = os.path.join(ARGS.tmp, "old-schema.db")
        shutil.rmtree(old, ignore_errors=True)
        shutil.copytree(self.dbs["corpus"], old)
        subprocess.run([ARGS.export_fixture, old, "--schema", "1"], check=True)
        proc, port = start_searchd(old)
        try:
            for target in ("/search?q=wonen", "/export?q=wonen"):
                status, _, data = get(port, target)
                self.assertEqual(status, 503, data)
                message = json.loads(data)["error"]["message"]
                self.assertIn("schema version 1", message)
                self.assertIn("run the indexer", message)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=10)
        r = vind("--db", old, "--data", ARGS.data, "--export", "csv", "wonen")
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"schema version 1", r.stderr)

    def test_vind_trends_table(self):
        """On a terminal: a table with the values down and the years across."""
        import pty
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(ARGS.vind, [ARGS.vind, "--db", self.dbs["corpus"], "--data", ARGS.data,
                                 "trends", "--limit", "3"])
        out = b""
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        _, status = os.waitpid(pid, 0)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)
        lines = out.decode("utf-8").splitlines()
        t = get_json(self.ports["corpus"], "/trends?limit=3")
        self.assertEqual(lines[0].split()[0], "theme")
        self.assertEqual(lines[0].split()[1:], t["intervals"] + ["total"])
        self.assertEqual(len(lines), 2 + len(t["values"]))
        self.assertTrue(lines[1].startswith(t["values"][0]["label"]))
        self.assertEqual(lines[-1].split()[-1], str(t["total"]))


# Reports written for the spreadsheet-safety test: what a careless or
# hostile author can put at the start of a cell.
FORMULA_REPORTS = {
    "=formule.md": """---
title: "=HYPERLINK(\\"https://example.org/x\\",\\"Klik\\")"
date: 2021-03-04
location: Zwolle
speakers:
  - name: "Karin de Wit"
    organisation: "=1+1"
themes:
  - wonen-leefomgeving
---

## =SUM(A1:A9)

Zwolle en Deventer over wonen en formuleveiligheid in spreadsheets.
""",
    "-min.md": """---
title: "-2+3 is geen titel"
date: 2021-03-05
location: Zwolle
---

## +31 bellen

Over formuleveiligheid en telefoonnummers.
""",
    "@at.md": """---
title: "@gemeente op sociale media"
date: 2021-03-06
location: Deventer
---

## @vermelding

Formuleveiligheid bij vermeldingen.
""",
    "apostrof.md": """---
title: "'=al met een apostrof"
date: 2021-03-07
location: Deventer
---

Formuleveiligheid met een apostrof vooraan.
""",
    "hertogenbosch.md": """---
title: "'s-Hertogenbosch en de formuleveiligheid"
date: 2021-03-08
location: "'s-Hertogenbosch"
speakers:
  - "Jan de Vries (gemeente 's-Hertogenbosch)"
---

Over formuleveiligheid in 's-Hertogenbosch.
""",
}


class CsvSafetyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = os.path.join(ARGS.tmp, "csv-safety")
        shutil.rmtree(cls.tmp, ignore_errors=True)
        cls.db = index_reports(ARGS.indexer, ARGS.data, FORMULA_REPORTS, cls.tmp, "formula.db")
        cls.proc, cls.port = start_searchd(cls.db, threads=1)

    @classmethod
    def tearDownClass(cls):
        cls.proc.send_signal(signal.SIGTERM)
        cls.proc.wait(timeout=10)

    def check_csv(self, data, records):
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        self.assertEqual(len(rows) - 1, len(FORMULA_REPORTS))
        by_id = {unguard(row[0]): row for row in rows[1:]}
        for row in rows[1:]:
            for cell in row:
                self.assertNotRegex(cell, r"^[=+\-@\t\r]", row)   # never a formula
        # What was guarded: the title, file name and heading of each report
        # that begins with = + - @ (and a guard that was there already).
        f = by_id["=formule"]
        self.assertEqual([f[0], f[1], f[7], f[9]],
                         ["'=formule", "'=HYPERLINK(\"https://example.org/x\",\"Klik\")",
                          "'=formule.md", "'=SUM(A1:A9)"])
        self.assertEqual(f[5], "Karin de Wit (=1+1)")     # begins with a name: as it is
        self.assertEqual([by_id["-min"][i] for i in (0, 1, 9)],
                         ["'-min", "'-2+3 is geen titel", "'+31 bellen"])
        self.assertEqual([by_id["@at"][i] for i in (0, 1, 9)],
                         ["'@at", "'@gemeente op sociale media", "'@vermelding"])
        self.assertEqual(by_id["apostrof"][1], "''=al met een apostrof")
        h = by_id["hertogenbosch"]                        # Dutch names stay as they are
        self.assertEqual(h[1], "'s-Hertogenbosch en de formuleveiligheid")
        self.assertEqual(h[3], "'s-Hertogenbosch")
        # Reversible: every cell gives the JSON lines' value back.
        for rec in records:
            row = [unguard(cell) for cell in by_id[rec["id"]]]
            self.assertEqual(row[:4], [rec["id"], rec["title"], rec["date"], rec["host"] or ""])
            self.assertEqual(row[7], rec["path"])
            self.assertEqual(row[9], (rec["section"] or {}).get("heading", ""))
        # The raw bytes: guarded cells are quoted.
        self.assertIn(b'"\'=formule","\'=HYPERLINK(', data)

    def test_export_csv_is_safe_and_jsonl_untouched(self):
        q = "q=formuleveiligheid"
        records, _ = export_jsonl(self.port, q)
        titles = {r["id"]: r["title"] for r in records}
        self.assertEqual(titles["=formule"], '=HYPERLINK("https://example.org/x","Klik")')
        self.assertEqual(titles["-min"], "-2+3 is geen titel")
        self.assertEqual(titles["apostrof"], "'=al met een apostrof")
        status, headers, data = get(self.port, "/export?%s&format=csv" % q)
        self.assertEqual(status, 200)
        self.check_csv(data, records)
        # vind prints the same bytes, from the database and from the server.
        for where in (["--db", self.db, "--data", ARGS.data],
                      ["--server", "http://127.0.0.1:%d" % self.port]):
            r = vind(*where, "--export", "csv", "formuleveiligheid")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, data)
            r = vind(*where, "--export", "jsonl", "formuleveiligheid")
            self.assertEqual([json.loads(l) for l in r.stdout.splitlines()], records)


def main():
    global ARGS
    p = argparse.ArgumentParser()
    for opt in ("--searchd", "--vind", "--fixture", "--export-fixture", "--indexer",
                "--corpus", "--data", "--tmp"):
        p.add_argument(opt, required=True)
    ARGS, rest = p.parse_known_args()
    unittest.main(argv=[sys.argv[0], "-v"] + rest)


if __name__ == "__main__":
    main()
