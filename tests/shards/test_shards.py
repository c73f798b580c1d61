#!/usr/bin/env python3
"""Sharded indexes: `indexer --shards N`, local shards through the stub file,
remote shards served by xapian-tcpsrv on 127.0.0.1, and what searchd does
when the stub changes or a shard server stops.

The reference is one database holding the same reports: every /search
(results, totals, snippets, every facet count, the spelling suggestion),
/facets/{name} and /documents/{id} answer must be byte-identical (but for
took_ms) from three local shards and from two remote ones, except for the
order of hits that rank equal: Xapian breaks ties by docid, and a sharded
database numbers its documents shard by shard, so equal-ranked hits may come
in another order (and at a page boundary, be other ones).  And a wildcard
(participatie*) is weighted as a synonym group whose statistics Xapian
estimates shard by shard: the same hits, with other scores.
"""
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "e2e"))
from test_indexer import CORPUS, DATA, dump, run_indexer  # noqa: E402

SEARCHD = os.environ["VP_SEARCHD"]
VIND = os.environ["VP_VIND"]
FACETS = ("municipality", "speaker", "theme")
QUERIES = ["", "samenwerking", "samenwerkng", "wonen zorg", "participatie*",
           '"sociaal domein"', "titel:wonen", "gemeente OR dorp", "energie -wind",
           "spreker:jansen", "thema:wonen", "digitalisering"]


def fnv1a(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, up=True, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            if up:
                return
        except OSError:
            if not up:
                return
        time.sleep(0.05)
    raise RuntimeError(f"port {port} did not come {'up' if up else 'down'}")


class TcpServer:
    """xapian-tcpsrv in a session of its own: it signals its whole process
    group when it stops, and forks a child per connection."""

    def __init__(self, db, port):
        self.db, self.port, self.proc = db, port, None

    def start(self):
        self.proc = subprocess.Popen(["xapian-tcpsrv", "--interface", "127.0.0.1",
                                      "--port", str(self.port), self.db],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     start_new_session=True)
        wait_for_port(self.port)

    def signal(self, sig):
        os.killpg(self.proc.pid, sig)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.signal(signal.SIGKILL)
            self.proc.wait(timeout=10)
        wait_for_port(self.port, up=False)


class Searchd:
    def __init__(self, db, tmp, name, threads=2):
        self.log = open(os.path.join(tmp, name + ".log"), "w+")
        # Exports of 5 matches a batch: paging by key ranges across shards.
        self.proc = subprocess.Popen([SEARCHD, "--db", db, "--data", DATA, "--listen",
                                      "127.0.0.1:0", "--threads", str(threads)],
                                     stderr=self.log,
                                     env=dict(os.environ, VP_EXPORT_BATCH="5"))
        for _ in range(200):
            self.log.seek(0)
            m = re.search(r"listening on (http://127\.0\.0\.1:\d+)/", self.log.read())
            if m:
                self.base = m.group(1)
                return
            time.sleep(0.05)
        raise RuntimeError("searchd did not start")

    def get(self, target, timeout=30):
        try:
            with urllib.request.urlopen(self.base + target, timeout=timeout) as r:
                return r.status, json.load(r)
        except urllib.error.HTTPError as e:
            return e.code, json.load(e)

    def export(self, query):
        with urllib.request.urlopen(self.base + "/export?" + query, timeout=30) as r:
            return r.status, [json.loads(line) for line in r.read().decode().splitlines()]

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.log.close()


def canonical(status_body, target):
    """The answer without took_ms, and hits that rank equal in id order;
    equal-ranked hits at a page boundary are compared by rank only."""
    status, body = status_body
    body.pop("took_ms", None)
    hits = body.get("hits")
    if not hits:
        return status, body
    params = urllib.parse.parse_qs(urllib.parse.urlparse(target).query)
    sort = params.get("sort", [""])[0] or ("relevance" if params.get("q", [""])[0].strip()
                                           else "date")
    # Date orders break ties by id (the sort key), on shards as on one database.
    rank = (lambda h: (h["date"], h["id"])) if sort != "relevance" else (lambda h: h["score"])
    if "*" in params.get("q", [""])[0]:
        complete = body["total"] <= len(hits)
        body["hits"] = sorted(h["id"] for h in hits) if complete else len(hits)
        return status, body
    page, per_page = int(params.get("page", ["1"])[0]), len(hits)
    more_after = (page - 1) * int(params.get("per_page", ["10"])[0]) + per_page < body["total"]
    groups = []
    for h in hits:
        if groups and rank(groups[-1][0]) == rank(h):
            groups[-1].append(h)
        else:
            groups.append([h])
    out = []
    for i, g in enumerate(groups):
        at_edge = (i == 0 and page > 1) or (i == len(groups) - 1 and more_after)
        if at_edge:   # the tie may go on beyond the page
            out += [{"rank": rank(h)} for h in g]
        else:
            out += sorted(g, key=lambda h: h["id"])
    body["hits"] = out
    return status, body


def write_stub(folder, lines):
    """Atomically, as a research group swaps shard sets."""
    tmp = os.path.join(folder, "XAPIANDB.tmp")
    with open(tmp, "w") as f:
        f.write("".join(line + "\n" for line in lines))
    os.rename(tmp, os.path.join(folder, "XAPIANDB"))


class ShardsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="vp-shards-")
        cls.single = os.path.join(cls.tmp, "single")
        cls.local3 = os.path.join(cls.tmp, "local3")
        cls.two = os.path.join(cls.tmp, "two")
        for db, extra in ((cls.single, ()), (cls.local3, ("--shards", "3")),
                          (cls.two, ("--shards", "2"))):
            r = run_indexer(db, CORPUS, extra=("--quiet", *extra))
            assert r.returncode == 0, r.stderr
        _, cls.docs = dump(cls.single)
        # The remote set: a stub of remote lines and a copy of meta beside it,
        # as on a search machine that holds no shard itself.
        cls.servers = [TcpServer(os.path.join(cls.two, f"shard-00{i}"), free_port())
                       for i in range(2)]
        for s in cls.servers:
            s.start()
        cls.remote = os.path.join(cls.tmp, "remote")
        os.mkdir(cls.remote)
        shutil.copytree(os.path.join(cls.two, "meta"), os.path.join(cls.remote, "meta"))
        write_stub(cls.remote, [f"remote 127.0.0.1:{s.port}" for s in cls.servers])
        cls.searchd = {name: Searchd(db, cls.tmp, name) for name, db in
                       (("single", cls.single), ("local3", cls.local3),
                        ("remote", os.path.join(cls.remote, "XAPIANDB")))}

    @classmethod
    def tearDownClass(cls):
        for s in cls.searchd.values():
            s.stop()
        for s in cls.servers:
            s.stop()
        shutil.rmtree(cls.tmp)

    def targets(self):
        """Many queries and filter combinations, sorted three ways, paged."""
        rnd = random.Random(7)
        values = {f: sorted({v for d in self.docs.values() for v in self.values(d, f)})
                  for f in FACETS}
        out = []
        for q in QUERIES:
            for sort in ("", "relevance", "date", "date_asc"):
                out.append({"q": q, "sort": sort, "facet_limit": "0"})
        for _ in range(60):
            params = {"q": rnd.choice(QUERIES), "sort": rnd.choice(["", "date", "date_asc"]),
                      "per_page": rnd.choice(["3", "10", "100"]), "page": rnd.choice(["1", "2"]),
                      "facet_limit": rnd.choice(["0", "5"])}
            for f in rnd.sample(FACETS, rnd.randint(1, 3)):
                params[f] = rnd.sample(values[f], min(len(values[f]), rnd.randint(1, 2)))
            if rnd.random() < 0.3:
                params["from"] = str(rnd.randint(2013, 2022))
            out.append(params)
        return ["/search?" + urllib.parse.urlencode({k: v for k, v in p.items() if v},
                                                    doseq=True) for p in out]

    @staticmethod
    def values(doc, facet):
        data = doc["data"]
        if facet == "speaker":
            return [s["name"] for s in data["speakers"]]
        return data["municipalities"] if facet == "municipality" else data["themes"]

    maxDiff = 2000

    def assert_same(self, target, names=("local3", "remote")):
        want = canonical(self.searchd["single"].get(target), target)
        for name in names:
            self.assertEqual(canonical(self.searchd[name].get(target), target), want,
                             f"{name}: {target}")
        return want

    # ---- the indexer ----
    def test_shard_layout(self):
        with open(os.path.join(self.local3, "XAPIANDB")) as f:
            self.assertEqual(f.read(), "auto shard-000\nauto shard-001\nauto shard-002\n")
        seen = set()
        for i in range(3):
            _, docs = dump(os.path.join(self.local3, f"shard-00{i}"))
            for doc_id in docs:
                self.assertEqual(fnv1a(doc_id.encode()) % 3, i, doc_id)
            seen |= set(docs)
        self.assertEqual(seen, set(self.docs))
        # meta holds the metadata and no document
        meta, docs = dump(os.path.join(self.local3, "meta"))
        self.assertEqual(docs, {})
        self.assertEqual(meta.get("vindplaats.stemmer"), "dutch")

    def test_incremental_runs_across_shards(self):
        corpus = os.path.join(self.tmp, "inc-corpus")
        shutil.copytree(CORPUS, corpus)
        db = os.path.join(self.tmp, "inc")
        r = run_indexer(db, corpus, extra=("--shards", "3"))
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run_indexer(db, corpus)   # the existing set: no --shards needed
        self.assertIn(f"indexed 0, unchanged {len(self.docs)}, removed 0", r.stdout)
        victim = sorted(self.docs)[0]
        changed = sorted(self.docs)[1]
        os.unlink(os.path.join(corpus, victim + ".md"))
        with open(os.path.join(corpus, changed + ".md"), "a") as f:
            f.write("\nEen extra alinea over zonnepanelen.\n")
        with open(os.path.join(corpus, "leeg.md"), "w"):
            pass
        r = run_indexer(db, corpus, extra=("--shards", "3"))
        self.assertEqual(r.returncode, 1, r.stderr)   # the empty file
        self.assertIn("leeg.md", r.stderr)
        self.assertIn(f"indexed 1, unchanged {len(self.docs) - 2}, removed 1, skipped 1",
                      r.stdout)
        _, home = dump(os.path.join(db, f"shard-00{fnv1a(changed.encode()) % 3}"))
        self.assertIn("zonnepanelen", home[changed]["data"]["text"])
        for i in range(3):
            _, docs = dump(os.path.join(db, f"shard-00{i}"))
            self.assertNotIn(victim, docs)

    def test_changing_the_number_of_shards_needs_rebuild(self):
        db = os.path.join(self.tmp, "renum")
        self.assertEqual(run_indexer(db, CORPUS, extra=("--shards", "2")).returncode, 0)
        r = run_indexer(db, CORPUS, extra=("--shards", "3"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("holds 2 shards, not 3", r.stderr)
        self.assertIn("--rebuild", r.stderr)
        r = run_indexer(db, CORPUS, extra=("--shards", "3", "--rebuild"))
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(db, "XAPIANDB")) as f:
            self.assertEqual(len(f.read().splitlines()), 3)
        r = run_indexer(self.single, CORPUS, extra=("--shards", "2"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("holds a single database", r.stderr)

    def test_locked_shard(self):
        db = os.path.join(self.tmp, "locked")
        self.assertEqual(run_indexer(db, CORPUS, extra=("--shards", "2")).returncode, 0)
        holder = subprocess.Popen([os.environ["VP_HOLD_LOCK"], os.path.join(db, "shard-001")],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            self.assertEqual(holder.stdout.readline().strip(), "locked")
            r = run_indexer(db, CORPUS)
            self.assertEqual(r.returncode, 2)
            self.assertIn("shard-001: database is locked by another indexer", r.stderr)
        finally:
            holder.stdin.close()
            holder.wait()
            holder.stdout.close()

    # ---- equal to one database ----
    def test_search_equals_single_database(self):
        targets = self.targets()
        self.assertGreater(len(targets), 100)
        for target in targets:
            status, _ = self.assert_same(target)
            self.assertEqual(status, 200, target)

    def test_export_equals_single_database_and_search(self):
        """/export in batches of 5 on local and remote shards: the records of
        one database, in the order of /search sorted by date."""
        for q in QUERIES:
            for extra in ("", "&sort=date_asc", "&theme=wonen-leefomgeving", "&from=2018"):
                query = "q=" + urllib.parse.quote(q) + extra
                with self.subTest(query=query):
                    status, want = self.searchd["single"].export(query)
                    self.assertEqual(status, 200)
                    sort = "" if "sort=" in extra else "&sort=date"
                    _, body = self.searchd["single"].get(f"/search?{query}{sort}&per_page=100")
                    self.assertEqual([r["id"] for r in want], [h["id"] for h in body["hits"]])
                    for name in ("local3", "remote"):
                        status, got = self.searchd[name].export(query)
                        self.assertEqual(status, 200, name)
                        if "*" in q:   # wildcards expand per shard: other weights
                            self.assertEqual([r["id"] for r in got], [r["id"] for r in want])
                        else:
                            self.assertEqual(got, want, name)

    def test_spelling_and_synonyms_come_from_meta(self):
        _, body = self.assert_same("/search?q=samenwerkng")
        self.assertEqual(body["suggestion"], "samenwerking")

    def test_facets_route_and_documents(self):
        for facet in ("municipality", "speaker", "theme", "year"):
            for q in ("", "wonen"):
                self.assert_same(f"/facets/{facet}?q={q}&prefix=")
        for doc_id in sorted(self.docs)[:5]:
            status, _ = self.assert_same("/documents/" + urllib.parse.quote(doc_id))
            self.assertEqual(status, 200)

    def test_vind_accepts_folder_and_stub(self):
        outs = [subprocess.run([VIND, "--db", db, "--data", DATA, "--json", "wonen"],
                               capture_output=True, text=True, timeout=60)
                for db in (self.single, self.local3, os.path.join(self.remote, "XAPIANDB"))]
        bodies = [json.loads(o.stdout) for o in outs]
        canon = [canonical((0, b), "/search?q=wonen") for b in bodies]
        self.assertEqual(canon[1], canon[0])
        self.assertEqual(canon[2], canon[0])

    # ---- a new stub ----
    def test_stub_swap_without_a_failed_request(self):
        small_corpus = os.path.join(self.tmp, "small-corpus")
        os.mkdir(small_corpus)
        for doc_id in sorted(self.docs)[:5]:
            shutil.copy(os.path.join(CORPUS, doc_id + ".md"), small_corpus)
        small = os.path.join(self.tmp, "small")
        self.assertEqual(run_indexer(small, small_corpus, extra=("--shards", "2")).returncode, 0)
        live = os.path.join(self.tmp, "live")
        os.mkdir(live)
        shutil.copytree(os.path.join(self.local3, "meta"), os.path.join(live, "meta"))
        write_stub(live, [f"auto {self.local3}/shard-00{i}" for i in range(3)])
        server = Searchd(live, self.tmp, "live", threads=4)
        failures, stop = [], threading.Event()

        def hammer():
            while not stop.is_set():
                status, body = server.get("/search?q=wonen+OR+gemeente&per_page=20")
                if status != 200:
                    failures.append(body)
        workers = [threading.Thread(target=hammer) for _ in range(4)]
        try:
            self.assertEqual(server.get("/search?per_page=1")[1]["total"], len(self.docs))
            for w in workers:
                w.start()
            time.sleep(0.3)
            write_stub(live, [f"auto {small}/shard-000", f"auto {small}/shard-001"])
            deadline = time.monotonic() + 5
            while True:
                totals = {server.get("/search?per_page=1")[1]["total"] for _ in range(8)}
                if totals == {5}:
                    break
                self.assertLess(time.monotonic(), deadline, f"new stub not served: {totals}")
                time.sleep(0.05)
        finally:
            stop.set()
            for w in workers:
                w.join()
            server.stop()
        self.assertEqual(failures, [])

    # ---- a shard server that stops ----
    def test_shard_down_503_then_recovers(self):
        remote = self.searchd["remote"]
        target = "/search?q=wonen&per_page=5"
        self.assert_same(target, names=("remote",))
        down = self.servers[1]
        down.stop()
        try:
            for _ in range(4):   # both workers, an open and a broken handle
                started = time.monotonic()
                status, body = remote.get(target)
                self.assertEqual(status, 503, body)
                self.assertEqual(body["error"]["code"], "unavailable")
                self.assertLess(time.monotonic() - started, 8)
            self.assertIn(f"127.0.0.1:{down.port}", body["error"]["message"])
        finally:
            down.start()
        for _ in range(4):
            self.assert_same(target, names=("remote",))

    def test_stopped_shard_does_not_hang_a_worker(self):
        remote = self.searchd["remote"]
        target = "/search?q=samenwerking&per_page=5"
        self.assert_same(target, names=("remote",))
        hung = self.servers[0]
        hung.signal(signal.SIGSTOP)   # accepts nothing, answers nothing
        try:
            # Each request waits out one remote timeout (5 s), not one per
            # lookup: a compound word's splitting, the count for the
            # spelling suggestion and the match itself would each wait.
            # The second request reconnects first (the kernel still accepts
            # the connection; the greeting never comes).
            for query in (target, "/search?q=woningbouwcorporatie+zorg&municipality=Zwolle",
                          "/facets/theme?q=samenwerking"):
                started = time.monotonic()
                status, body = remote.get(query)
                elapsed = time.monotonic() - started
                self.assertEqual(status, 503, body)
                self.assertLess(elapsed, 9, f"{query}: more than one remote timeout")
        finally:
            hung.signal(signal.SIGCONT)
        deadline = time.monotonic() + 20
        while remote.get(target)[0] != 200:
            self.assertLess(time.monotonic(), deadline, "no recovery after SIGCONT")
            time.sleep(0.1)
        for _ in range(4):
            self.assert_same(target, names=("remote",))


if __name__ == "__main__":
    unittest.main()
