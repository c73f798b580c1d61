"""searchd answers while the indexer changes the index, and no answer mixes
revisions: its total and every facet count belong to the revision its hits
come from.

The test writes its own reports (front matter: date, host, municipalities,
themes, speakers) and indexes them.  Then, while two clients search without
pause, a writer rewrites reports with other themes, municipalities and
speakers, adds one and deletes one per round, and runs the indexer with
--batch 1: a commit per report, so searchd meets many revisions in a run,
counted through Xapian until the indexer writes the facet column at the end
of its run, and from the column after that.

Every answer is checked against itself: the index never holds more reports
than a page, so the hits are every match; the total must be their number,
and each facet without a filter of its own must count exactly what the
hits' own fields give (a filtered facet: the hits must pass the filter).  A
count from another revision than the hits shows as a mismatch.  The test
also requires that it saw many distinct answers and the facet column in use
(/healthz), so it cannot pass by seeing one revision only.
"""
import json
import os
import random
import re
import shutil
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.parse
import urllib.request
from collections import Counter

from test_indexer import DATA, run_indexer

SEARCHD = os.environ["VP_SEARCHD"]
MUNICIPALITIES = ["Gorinchem", "Leerdam", "Zwolle", "Deventer", "Assen", "Emmen",
                  "Helmond", "Venlo", "Hoorn", "Ede"]
THEMES = ["binnenstad", "wonen-leefomgeving", "demografie", "mobiliteit", "veiligheid"]
SPEAKERS = ["Anna de Vries", "Bram Jansen", "Carla Bakker", "Dirk Visser", "Eva Smit",
            "Frank Mulder"]
N_REPORTS = 40      # at most per_page: every match is a hit
ROUNDS = 6


def report(rng, i):
    munis = rng.sample(MUNICIPALITIES, rng.randint(1, 3))
    lines = ["---", f'title: "Bijeenkomst {i}"',
             f"date: {rng.randint(2014, 2024)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
             f'location: "{munis[0]}"', "municipalities:"]
    lines += [f'  - "{m}"' for m in munis]
    lines += ["themes: [" + ", ".join(rng.sample(THEMES, rng.randint(1, 2))) + "]", "speakers:"]
    lines += [f'  - "{s}"' for s in rng.sample(SPEAKERS, rng.randint(1, 3))]
    words = " ".join(f"kleur{rng.randint(0, 4)}" for _ in range(6))
    lines += ["---", "", f"# Bijeenkomst {i}", "", f"Verslag van de dag over {words}.", ""]
    return "\n".join(lines)


class RevisionsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="vp-revisions-")
        self.corpus = os.path.join(self.tmp, "reports")
        self.db = os.path.join(self.tmp, "db")
        os.makedirs(self.corpus)
        self.rng = random.Random(17)
        self.next_id = 0
        for _ in range(N_REPORTS):
            self.write_report()
        self.assertEqual(run_indexer(self.db, self.corpus).returncode, 0)
        self.log = open(os.path.join(self.tmp, "searchd.log"), "w+")
        # No deadline: on a loaded machine a request may outlast the default
        # 2 s and answer 503, which is not what this test is about.
        self.proc = subprocess.Popen([SEARCHD, "--db", self.db, "--data", DATA, "--listen",
                                      "127.0.0.1:0", "--threads", "2", "--deadline", "0"],
                                     stderr=self.log)
        for _ in range(200):
            self.log.seek(0)
            m = re.search(r"listening on (http://127\.0\.0\.1:\d+)/", self.log.read())
            if m:
                break
            time.sleep(0.05)
        self.base = m.group(1)

    def tearDown(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.log.close()
        shutil.rmtree(self.tmp)

    def write_report(self, i=None):
        if i is None:
            i, self.next_id = self.next_id, self.next_id + 1
        with open(os.path.join(self.corpus, f"r{i:03d}.md"), "w") as f:
            f.write(report(self.rng, i))

    def get(self, path):
        with urllib.request.urlopen(self.base + path, timeout=30) as r:
            return json.load(r)

    def check(self, params, answer):
        """The answer agrees with itself (see the module's doc)."""
        hits = answer["hits"]
        self.assertEqual(answer["total"], len(hits), params)
        own = {"municipality": [m for h in hits for m in h["municipalities"]],
               "speaker": [s for h in hits for s in h["speakers"]],
               "theme": [t for h in hits for t in h["themes"]],
               "year": [h["date"][:4] for h in hits if h["date"]]}
        filtered = {k for k, _ in params} & {"municipality", "speaker", "theme"}
        for facet, values in own.items():
            listed = {e["value"]: e["count"] for e in answer["facets"][facet]}
            if facet in filtered:
                wanted = {v for k, v in params if k == facet}
                for h in hits:
                    have = set(h[{"municipality": "municipalities", "speaker": "speakers",
                                  "theme": "themes"}[facet]])
                    self.assertTrue(have & wanted, (params, h["id"]))
            else:
                self.assertEqual(listed, dict(Counter(values)), (params, facet))

    def test_no_answer_mixes_revisions(self):
        stop = threading.Event()
        failures, seen, column_seen = [], Counter(), []
        queries = [[], [("q", "kleur1")], [("q", "kleur2 OR kleur3")],
                   [("theme", "demografie")], [("municipality", "Zwolle"), ("q", "kleur0")]]

        def client(seed):
            rng = random.Random(seed)
            while not stop.is_set():
                params = rng.choice(queries) + [("per_page", "100"), ("facet_limit", "0")]
                try:
                    answer = self.get("/search?" + urllib.parse.urlencode(params))
                    self.check(params, answer)
                    seen[json.dumps(sorted((h["id"], h["themes"], h["municipalities"])
                                           for h in answer["hits"]))] += 1
                    if self.get("/healthz").get("counts_by_column"):
                        column_seen.append(True)
                except Exception as e:   # reported after the clients stop
                    body = e.read().decode(errors="replace") if hasattr(e, "read") else ""
                    failures.append(f"{e!r} {body}")
                    stop.set()

        clients = [threading.Thread(target=client, args=(s,)) for s in (1, 2)]
        for c in clients:
            c.start()
        try:
            for _ in range(ROUNDS):
                for i in self.rng.sample(range(self.next_id), 5):
                    if os.path.exists(os.path.join(self.corpus, f"r{i:03d}.md")):
                        self.write_report(i)
                self.write_report()
                gone = sorted(os.listdir(self.corpus))[self.rng.randrange(N_REPORTS - 1)]
                os.remove(os.path.join(self.corpus, gone))
                result = run_indexer(self.db, self.corpus, extra=("--batch", "1"))
                self.assertEqual(result.returncode, 0, result.stderr)
                time.sleep(0.5)   # searchd at the run's last revision, with its column
                if stop.is_set():
                    break
        finally:
            stop.set()
            for c in clients:
                c.join(timeout=60)
        self.assertEqual(failures, [], failures[:3])
        self.assertGreaterEqual(len(seen), ROUNDS)   # it did see the index change
        self.assertTrue(column_seen)                 # and counted from the column too


if __name__ == "__main__":
    unittest.main()
