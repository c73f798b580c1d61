"""End-to-end tests of the query glossary (data/synonyms.tsv) as shipped:
reports written for the test are indexed with the real data/, and a query
in the words a researcher types finds the report that says it otherwise.

Run by ctest with the paths of the programs in the environment (see
CMakeLists.txt).  Standard library only.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from report_folder import index_reports  # noqa: E402

INDEXER = os.environ["VP_INDEXER"]
VIND = os.environ["VP_VIND"]
DATA = os.environ["VP_DATA"]

# Each report: its file name and text.  Only one of them speaks of each
# subject the queries below ask for, and never in the query's words.
REPORTS = {
    "2021-03-04-zwolle.md": """Verslag kennisdag in Zwolle
Donderdag 4 maart 2021, stadhuis van Zwolle

Wethouder Anna de Vries opende de dag. De bedrijven in de regio hebben een
groot tekort aan vakmensen: lassers, installateurs en monteurs zijn niet te
vinden. Ook de gemeente zelf kampt met een tekort aan personeel.
""",
    "2022-05-12-tiel.md": """Verslag kennisdag in Tiel
Donderdag 12 mei 2022, stadhuis van Tiel

Wethouder Bert Janssen opende de dag. Scholen en bedrijven sloten een
leerwerkakkoord: jongeren volgen techniekonderwijs en krijgen een leerbaan
bij een bedrijf in de regio, zodat werkend leren de gewone weg wordt.
""",
    "2019-09-20-assen.md": """Verslag kennisdag in Assen
Vrijdag 20 september 2019, stadhuis van Assen

Wethouder Carla Smit opende de dag over het centrum. De markt op zaterdag
trekt veel bezoekers en de gemeente investeert in nieuwe bankjes en bomen
op het plein bij de kerk.
""",
}


def search(db, query):
    """The ids of the hits of query, best first."""
    out = subprocess.run([VIND, "--db", db, "--data", DATA, "--json", query],
                         capture_output=True, text=True, timeout=60)
    if out.returncode not in (0, 1):
        raise AssertionError(out.stderr)
    return [hit["id"] for hit in json.loads(out.stdout)["hits"]]


class GlossaryTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="vp-glossary-")
        cls.db = index_reports(INDEXER, DATA, REPORTS, cls.tmp)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_labour_shortage_in_other_words(self):
        for query in ("krapte op de arbeidsmarkt", "labour shortage", "staff shortage"):
            with self.subTest(query=query):
                self.assertEqual(search(self.db, query)[:1], ["2021-03-04-zwolle"])

    def test_apprenticeships_and_technical_education(self):
        for query in ("apprenticeships", "technical education",
                      "technical education and apprenticeships"):
            with self.subTest(query=query):
                self.assertEqual(search(self.db, query)[:1], ["2022-05-12-tiel"])


if __name__ == "__main__":
    unittest.main()
