"""End-to-end tests of the query glossary (data/synonyms.tsv) as shipped,
and of how a plain query ranks (searchd/expand.h): reports written for the
test are indexed with the real data/, and a query in the words a researcher
types finds the report that says it otherwise, the report about what it asks
for first.

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
    "2018-02-08-oss.md": """Verslag kennisdag in Oss
Donderdag 8 februari 2018, stadhuis van Oss

Wethouder Dirk Bos opende de dag. Een onderzoeker liet zien dat het vertrouwen
van inwoners in het bestuur daalt, en hoe een raad dat vertrouwen terugwint.
""",
    "2024-01-25-kampen.md": """Verslag kennisdag in Kampen
Donderdag 25 januari 2024, stadhuis van Kampen

Wethouder Eva Mulder opende de dag. Na het hoogwater van de winter oefenden
de brandweer en het waterschap de evacuatie van een wijk achter de dijk.
""",
    "2017-11-16-roermond.md": """Verslag kennisdag in Roermond
Donderdag 16 november 2017, stadhuis van Roermond

Wethouder Frank Peters opende de dag. Het aantal werkloze jongeren in de stad
groeit; de gemeente zoekt met werkgevers een eerste baan voor hen.
""",
    "2016-06-02-venray.md": """Verslag kennisdag in Venray
Donderdag 2 juni 2016, stadhuis van Venray

Wethouder Greet Hendriks opende de dag. Venray zoekt woningen voor
statushouders, die na hun asielprocedure in de gemeente komen wonen.
""",
}

RANKING_REPORTS = {
    # about the heat network: in its title, a heading and all through the
    # body; the subsidy named once
    "2023-10-05-zutphen.md": """# Kennisdag: het warmtenet in de wijk

Donderdag 5 oktober 2023, stadhuis van Zutphen

Wethouder Anna de Vries opende de dag over het warmtenet. Zutphen legt een
warmtenet aan in drie wijken. Het warmtenet draait op restwarmte van de
papierfabriek. Bewoners vroegen wat het warmtenet hun gaat kosten, en de
wethouder legde uit hoe het rijk bijdraagt met een subsidie.

## Het warmtenet in de praktijk

Een projectleider liet zien hoe de leidingen van het warmtenet onder de
straten door lopen en welke woningen als eerste aansluiten.
""",
    # both words twice, in passing, in a day about something else
    "2022-03-10-harderwijk.md": """# Kennisdag in Harderwijk

Donderdag 10 maart 2022, stadhuis van Harderwijk

Wethouder Bert Janssen opende de dag over de begroting van de gemeente.
Er was een subsidie voor een buurthuis, een subsidie voor de muziekschool
en de vraag of een warmtenet ooit betaalbaar wordt. De sportvelden krijgen
nieuw gras en de bibliotheek verhuist. Een buurgemeente noemde het warmtenet
van de eigen stad als voorbeeld.
""",
    "2021-06-17-tiel.md": """# Kennisdag in Tiel

Donderdag 17 juni 2021, stadhuis van Tiel

Wethouder Carla Smit opende de dag over de binnenstad. De markt trekt veel
bezoekers en de gemeente zet nieuwe bankjes en bomen op het plein.
""",
    # the author's keyword in the front matter, a word the text never uses
    "2019-04-11-meppel.md": """---
title: Kennisdag in Meppel
date: 2019-04-11
tags: [zwerfafval, vrijwilligers]
---

Wethouder Eva Mulder opende de dag. Scholieren en bewoners ruimden samen
blikjes en plastic op langs de vaart en in het park.
""",
    "2020-09-24-assen.md": """# Kennisdag in Assen

Donderdag 24 september 2020, stadhuis van Assen

Wethouder Dirk Bos opende de dag over de jeugdzorg en de wachtlijsten.
""",
}


def search(db, query):
    """The ids of the hits of query, best first."""
    out = subprocess.run([VIND, "--db", db, "--data", DATA, "--json", query],
                         capture_output=True, text=True, timeout=60)
    if out.returncode not in (0, 1):
        raise AssertionError(out.stderr)
    return [hit["id"] for hit in json.loads(out.stdout)["hits"]]


class IndexedTest(unittest.TestCase):
    REPORTS = {}

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="vp-glossary-")
        cls.db = index_reports(INDEXER, DATA, cls.REPORTS, cls.tmp)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)


class GlossaryTest(IndexedTest):
    REPORTS = REPORTS

    def test_labour_shortage_in_other_words(self):
        for query in ("krapte op de arbeidsmarkt", "labour shortage", "staff shortage"):
            with self.subTest(query=query):
                self.assertEqual(search(self.db, query)[:1], ["2021-03-04-zwolle"])

    def test_apprenticeships_and_technical_education(self):
        for query in ("apprenticeships", "technical education",
                      "technical education and apprenticeships"):
            with self.subTest(query=query):
                self.assertEqual(search(self.db, query)[:1], ["2022-05-12-tiel"])

    def test_trust_flooding_and_youth_unemployment(self):
        for query, report in (("trust in local government", "2018-02-08-oss"),
                              ("citizens' trust", "2018-02-08-oss"),
                              ("flood risk evacuation", "2024-01-25-kampen"),
                              ("youth unemployment", "2017-11-16-roermond"),
                              ("jeugdwerkloosheid", "2017-11-16-roermond")):
            with self.subTest(query=query):
                self.assertEqual(search(self.db, query)[:1], [report])

    def test_a_glossary_key_of_more_than_four_words(self):
        # "refugees with a residence permit" = statushouders (expand.h)
        query = "How do municipalities house refugees with a residence permit?"
        self.assertEqual(search(self.db, query)[:1], ["2016-06-02-venray"])


class RankingTest(IndexedTest):
    REPORTS = RANKING_REPORTS

    def test_the_report_about_a_subject_before_one_that_names_it_in_passing(self):
        # BM25's k1 (expand.h): with Xapian's default of 1 the word's weight
        # saturates and the two mentions of each word in passing won
        for query in ("warmtenet subsidie", "subsidie warmtenet"):
            with self.subTest(query=query):
                self.assertEqual(search(self.db, query)[:2],
                                 ["2023-10-05-zutphen", "2022-03-10-harderwijk"])

    def test_the_authors_keywords_find_the_report(self):
        self.assertEqual(search(self.db, "zwerfafval"), ["2019-04-11-meppel"])


if __name__ == "__main__":
    unittest.main()
