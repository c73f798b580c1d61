"""searchd over the real corpus: every facet value alone and random pairs and
triples of filters, each checked against a brute-force count made in plain
Python from the documents the indexer stored (read back with dbdump).

Checks the total, the set of hits and every facet count, which must be
exact, multi-valued and disjunctive (a facet is counted with every filter
except its own).
"""
import json
import os
import random
import re
import shutil
import subprocess
import tempfile
import time
import unittest
import urllib.parse
import urllib.request

from test_indexer import CORPUS, DATA, dump, fold, run_indexer, successors

SEARCHD = os.environ["VP_SEARCHD"]
FACETS = ("municipality", "speaker", "theme", "year")


def doc_values(data):
    return {
        "municipality": set(data["municipalities"]),
        "speaker": {s["name"] for s in data["speakers"]},
        "theme": set(data["themes"]),
        "year": {data["date"][:4]} if data["date"] else set(),
    }


class CorpusSearchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="vp-search-")
        db = os.path.join(cls.tmp, "db")
        assert run_indexer(db, CORPUS).returncode == 0
        _, docs = dump(db)
        cls.docs = {i: doc_values(d["data"]) for i, d in docs.items()}
        cls.succ = successors()
        # The access log goes to a file: a pipe nobody drains would fill up
        # after a few hundred requests and block the server.
        cls.log = open(os.path.join(cls.tmp, "searchd.log"), "w+")
        cls.proc = subprocess.Popen([SEARCHD, "--db", db, "--data", DATA, "--listen",
                                     "127.0.0.1:0", "--threads", "2"], stderr=cls.log)
        for _ in range(100):
            cls.log.seek(0)
            m = re.search(r"listening on (http://127\.0\.0\.1:\d+)/", cls.log.read())
            if m:
                break
            time.sleep(0.05)
        cls.base = m.group(1)

    @classmethod
    def tearDownClass(cls):
        cls.proc.terminate()
        cls.proc.wait(timeout=10)
        cls.log.close()
        shutil.rmtree(cls.tmp)

    def search(self, filters):
        params = [(k, v) for k, vs in filters.items() for v in vs if k != "year"]
        for y in filters.get("year", []):
            params += [("from", y), ("to", y)]
        params += [("per_page", "100"), ("facet_limit", "0")]
        url = f"{self.base}/search?{urllib.parse.urlencode(params)}"
        with urllib.request.urlopen(url, timeout=10) as r:
            return json.load(r)

    def names_of(self, municipality):
        """A municipality and every successor: what a filter on it matches."""
        names = {fold(municipality)}
        while municipality in self.succ:
            municipality = self.succ[municipality]
            names.add(fold(municipality))
        return names

    def matches(self, values, facet, wanted):
        if facet == "municipality":
            return any(fold(w) in self.names_of(m) for m in values for w in wanted)
        return bool(values & set(wanted))

    def brute_force(self, filters):
        def passes(doc, skip=None):
            return all(self.matches(doc[f], f, w) for f, w in filters.items() if f != skip)
        hits = {i for i, d in self.docs.items() if passes(d)}
        counts = {}
        for facet in FACETS:
            c = {}
            for d in self.docs.values():
                if passes(d, skip=facet):
                    for v in d[facet]:
                        c[v] = c.get(v, 0) + 1
            counts[facet] = c
        return hits, counts

    def check(self, filters):
        got = self.search(filters)
        hits, counts = self.brute_force(filters)
        label = json.dumps(filters, ensure_ascii=False)
        self.assertEqual(got["total"], len(hits), label)
        self.assertEqual({h["id"] for h in got["hits"]}, hits, label)
        for facet in FACETS:
            have = {e["value"]: e["count"] for e in got["facets"][facet]}
            self.assertEqual(have, counts[facet], f"{label} facet {facet}")

    def all_values(self):
        return {f: sorted({v for d in self.docs.values() for v in d[f]}) for f in FACETS}

    def test_no_filter(self):
        self.check({})

    def test_every_single_value(self):
        for facet, values in self.all_values().items():
            for v in values:
                self.check({facet: [v]})

    def test_random_pairs_and_triples(self):
        rng = random.Random(20170421)
        values = self.all_values()
        for _ in range(150):
            n = rng.choice([2, 3])
            filters = {}
            for facet in rng.sample(FACETS, k=min(n, len(FACETS))):
                k = 1 if facet == "year" else rng.choice([1, 1, 2])  # a year is from/to
                filters[facet] = rng.sample(values[facet], k=k)
            self.check(filters)

    def test_successor_finds_predecessors(self):
        named = {m for d in self.docs.values() for m in d["municipality"]}
        merged = sorted(m for m in named if m in self.succ)
        self.assertTrue(merged, "the corpus names merged municipalities")
        for m in merged:
            final = m
            while final in self.succ:
                final = self.succ[final]
            self.check({"municipality": [final]})


if __name__ == "__main__":
    unittest.main()
