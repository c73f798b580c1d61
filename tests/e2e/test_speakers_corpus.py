"""End-to-end test of the corpus-wide speaker names (indexer/speakers_corpus.c):
a name written with initials in one report and in full in another ends up as
the full name in both, in either order of indexing, and stays as written when
the corpus holds two full names it could stand for.

Run by ctest with the paths of the programs in the environment (see
CMakeLists.txt).  Standard library only.
"""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

INDEXER = os.environ["VP_INDEXER"]
DBDUMP = os.environ["VP_DBDUMP"]
VIND = os.environ["VP_VIND"]
DATA = os.environ["VP_DATA"]

REPORT = """---
title: "{title}"
date: {date}
location: Utrecht
speakers:
  - "{speaker}"
---

# {title}

Op deze kennisdag in Utrecht sprak {speaker_text} over de binnenstad en de
samenwerking tussen gemeenten. De deelnemers bespraken daarna in groepjes
wat zij in hun eigen gemeente willen aanpakken.
"""


class SpeakersCorpusTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="vp-speakers-")
        self.reports = os.path.join(self.tmp, "reports")
        self.db = os.path.join(self.tmp, "db")
        os.mkdir(self.reports)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, speaker, date):
        bare = speaker.split(" (")[0]
        with open(os.path.join(self.reports, name + ".md"), "w", encoding="utf-8") as f:
            f.write(REPORT.format(title="Kennisdag " + name, date=date, speaker=speaker,
                                  speaker_text=bare))

    def index(self):
        run = subprocess.run([INDEXER, "--db", self.db, "--data", DATA, "--quiet",
                              self.reports], capture_output=True, text=True, timeout=120)
        self.assertEqual(run.returncode, 0, run.stderr)

    def speakers(self):
        out = subprocess.run([DBDUMP, self.db], capture_output=True, text=True,
                             check=True).stdout
        docs = [json.loads(line) for line in out.splitlines()[1:]]
        return {d["data"]["id"]: sorted(s["name"] for s in d["data"]["speakers"]) for d in docs}

    def facet(self):
        out = subprocess.run([VIND, "--db", self.db, "--json", "--facet-limit", "0"],
                             capture_output=True, text=True, check=True).stdout
        return {v["value"]: v["count"] for v in json.loads(out)["facets"]["speaker"]}

    def filter_count(self, speaker):
        out = subprocess.run([VIND, "--db", self.db, "--json", "--speaker", speaker],
                             capture_output=True, text=True).stdout
        return json.loads(out)["total"]

    def test_initials_take_the_full_name_of_a_later_report(self):
        self.write("a", "M. Hoogerbrugge (Platform31)", "2019-03-01")
        self.index()
        self.assertEqual(self.speakers()["a"], ["M. Hoogerbrugge"])
        self.write("b", "Marloes Hoogerbrugge (Platform31)", "2019-10-01")
        self.index()
        self.assertEqual(self.speakers(), {"a": ["Marloes Hoogerbrugge"],
                                           "b": ["Marloes Hoogerbrugge"]})
        self.assertEqual(self.facet(), {"Marloes Hoogerbrugge": 2})
        self.assertEqual(self.filter_count("Marloes Hoogerbrugge"), 2)
        self.assertEqual(self.filter_count("M. Hoogerbrugge"), 0)

        # a third report with the initials, and a second full name that fits
        self.write("c", "M. Hoogerbrugge (Platform31)", "2020-03-01")
        self.write("d", "Maria Hoogerbrugge (gemeente Utrecht)", "2020-10-01")
        self.index()
        self.assertEqual(self.speakers(), {"a": ["Marloes Hoogerbrugge"],
                                           "b": ["Marloes Hoogerbrugge"],
                                           "c": ["M. Hoogerbrugge"],
                                           "d": ["Maria Hoogerbrugge"]})
        self.assertEqual(self.facet(), {"Marloes Hoogerbrugge": 2, "M. Hoogerbrugge": 1,
                                        "Maria Hoogerbrugge": 1})

    def test_one_run_and_the_next_leaves_them_alone(self):
        self.write("a", "M. Hoogerbrugge (Platform31)", "2019-03-01")
        self.write("b", "Marloes Hoogerbrugge (Platform31)", "2019-10-01")
        self.index()
        self.assertEqual(self.speakers(), {"a": ["Marloes Hoogerbrugge"],
                                           "b": ["Marloes Hoogerbrugge"]})
        run = subprocess.run([INDEXER, "--db", self.db, "--data", DATA, self.reports],
                             capture_output=True, text=True, timeout=120)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("indexed 0, unchanged 2", run.stdout)   # stamps were kept
        self.assertEqual(self.facet(), {"Marloes Hoogerbrugge": 2})


if __name__ == "__main__":
    unittest.main()
