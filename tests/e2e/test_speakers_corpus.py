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
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from report_folder import write_report  # noqa: E402

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
        write_report(self.reports, name + ".md",
                     REPORT.format(title="Kennisdag " + name, date=date, speaker=speaker,
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


BODY = """# Netwerkdag {name}

{text}
"""


class PeopleSeenTest(SpeakersCorpusTest):
    """Names a report gives for people who did not speak (an attendee list,
    thanks) resolve the short names of speakers elsewhere in the run; a
    double surname takes in a name written with one part of it; and where
    two people fit, nothing changes."""

    def text(self, name, text):
        write_report(self.reports, name + ".md", BODY.format(name=name, text=text))

    def test_initials_take_a_name_from_an_attendee_list(self):
        self.text("a", "Wethouder T. Verhulst (Zwolle) opende de dag en vertelde over de "
                       "binnenstad.")
        self.text("b", "Aanwezig: Tijn Verhulst (gemeente Zwolle), Mirjam Koppelaar "
                       "(gemeente Kampen).\n\nBurgemeester Hanna Dekkers opende de dag.")
        self.index()
        self.assertEqual(self.speakers(), {"a": ["Tijn Verhulst"], "b": ["Hanna Dekkers"]})

    def test_a_surname_takes_a_name_from_thanks(self):
        self.text("a", "Daarna vertelde wethouder Koppelaar over de regionale woningmarkt.")
        self.text("b", "Burgemeester Hanna Dekkers opende de dag. Zij bedankte Mirjam "
                       "Koppelaar voor de organisatie.")
        self.index()
        self.assertEqual(self.speakers(), {"a": ["Mirjam Koppelaar"], "b": ["Hanna Dekkers"]})

    def test_two_people_that_fit_leave_the_initials_alone(self):
        self.text("a", "Wethouder T. Verhulst (Zwolle) opende de dag.")
        self.text("b", "Aanwezig: Tijn Verhulst (gemeente Zwolle), Tessa Verhulst "
                       "(gemeente Kampen).\n\nBurgemeester Hanna Dekkers opende de dag.")
        self.index()
        self.assertEqual(self.speakers()["a"], ["T. Verhulst"])

    def test_a_double_surname_takes_in_one_part(self):
        self.text("a", "Voorzitter Ilse van der Heide opende de dag.")
        self.text("b", "Voorzitter I. van der Heide sloot de dag af.")
        self.text("c", "Aanwezig: Ilse van der Heide-Bakker (gemeente Zwolle).\n\n"
                       "Burgemeester Hanna Dekkers opende de dag.")
        self.text("d", "Daarna vertelde Ilse Bakker over de woningmarkt.")
        self.index()
        self.assertEqual(self.speakers(), {"a": ["Ilse van der Heide-Bakker"],
                                           "b": ["Ilse van der Heide-Bakker"],
                                           "c": ["Hanna Dekkers"],
                                           "d": ["Ilse van der Heide-Bakker"]})

    def test_two_double_surnames_leave_the_name_alone(self):
        self.text("a", "Voorzitter Ilse van der Heide opende de dag.")
        self.text("c", "Aanwezig: Ilse van der Heide-Bakker (gemeente Zwolle), Ilse van der "
                       "Heide-Smit (gemeente Kampen).\n\nBurgemeester Hanna Dekkers opende "
                       "de dag.")
        self.index()
        self.assertEqual(self.speakers()["a"], ["Ilse van der Heide"])

    def test_a_bare_surname_or_other_given_names_stay_as_written(self):
        self.text("b", "Wethouder Van der Heide sloot de dag af.")
        self.text("c", "Aanwezig: Ilse van der Heide-Bakker (gemeente Zwolle).\n\n"
                       "Burgemeester Hanna Dekkers opende de dag.")
        self.text("d", "Daarna vertelde Kees Bakker over de woningmarkt.")
        self.index()
        self.assertEqual(self.speakers(), {"b": ["Van der Heide"],
                                           "c": ["Hanna Dekkers"],
                                           "d": ["Kees Bakker"]})

    def test_a_rewritten_report_keeps_its_people(self):
        self.text("a", "Wethouder T. Verhulst (Zwolle) opende de dag. Zij bedankte Mirjam "
                       "Koppelaar voor de organisatie.")
        self.text("b", "Aanwezig: Tijn Verhulst (gemeente Zwolle).\n\nBurgemeester Hanna "
                       "Dekkers opende de dag.")
        self.index()
        self.assertEqual(self.speakers()["a"], ["Tijn Verhulst"])   # a was rewritten
        self.text("c", "Daarna vertelde wethouder Koppelaar over de regionale woningmarkt.")
        self.index()
        self.assertEqual(self.speakers()["c"], ["Mirjam Koppelaar"])


if __name__ == "__main__":
    unittest.main()
