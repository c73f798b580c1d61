"""End-to-end tests of did-you-mean: `indexer` writes the spelling table from
the words of two reports or more, and `vind` still knows the words of one
report (the term list): taken as typed, offered for a typo one letter away,
never offered once no report uses them (issue 17).

Reports written for the test.  Run by ctest with the paths of the programs
in the environment (see CMakeLists.txt).  Standard library only.
"""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from test_indexer import run_indexer

VIND = os.environ["VP_VIND"]

REPORT = """---
title: "{title}"
date: 2021-0{month}-12
location: Zwolle
---

# {title}

{body}
"""

# One report alone uses "kwelderherstel" and "kustlijnen"; both use
# "waterschapsbestuur" and "kustlijn" (two letters from "kustlijnen").
REPORTS = {
    "a.md": ("Kwelders aan de kust", 3,
             "Het waterschapsbestuur sprak over kwelderherstel langs de dijk. "
             "De kustlijn en de kustlijnen van vroeger."),
    "b.md": ("Dijken en dorpen", 4,
             "Het waterschapsbestuur koos in 2021 voor versterking van de dijk bij de "
             "kustlijn."),
}


def write(folder, name, title, month, body):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(REPORT.format(title=title, month=month, body=body))


class SpellingTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="vp-spelling-")
        self.reports = os.path.join(self.tmp, "reports")
        self.db = os.path.join(self.tmp, "db")
        os.mkdir(self.reports)
        for name, (title, month, body) in REPORTS.items():
            write(self.reports, name, title, month, body)
        self.index()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def index(self):
        r = run_indexer(self.db, self.reports, extra=("--quiet",))
        self.assertEqual(r.returncode, 0, r.stderr)

    def suggestion(self, query):
        r = subprocess.run([VIND, "--db", self.db, "--json", "--per-page", "1", query],
                           capture_output=True, text=True, timeout=60)
        self.assertIn(r.returncode, (0, 1), r.stderr)   # 1: nothing found
        return json.loads(r.stdout).get("suggestion")

    def test_words_of_one_report_are_known_and_offered(self):
        self.assertIsNone(self.suggestion("kwelderherstel"))
        for typo in ("kwelderhestel", "kwelderherstle", "kwelderherstrel", "kwelderhersgel"):
            with self.subTest(typo=typo):
                self.assertEqual(self.suggestion(typo), "kwelderherstel")

    def test_a_question_is_words_too(self):
        # The question mark once sent the text to the parser's correction,
        # which knows only the table: one report's words came back changed.
        self.assertIsNone(self.suggestion("Hoe ging het kwelderherstel langs de dijk?"))
        self.assertEqual(self.suggestion("Wie sprak over kwelderhestel?"),
                         "Wie sprak over kwelderherstel?")

    def test_a_query_with_operators_is_checked_word_by_word(self):
        # Once sent whole to Xapian's correction, which knows only the words
        # of two reports and offered "kustlijn" for "kustlijnen".
        self.assertIsNone(self.suggestion("kustlijnen AND waterschapsbestuur"))
        self.assertIsNone(self.suggestion('(kustlijnen OR dorpen) NOT "dagelijks bestuur"'))
        self.assertEqual(self.suggestion('(kwelderhestel OR dorpen) NOT "dagelijks bestuur"'),
                         '(kwelderherstel OR dorpen) NOT "dagelijks bestuur"')
        self.assertEqual(self.suggestion("+kwelderhestel -dorpen"), "+kwelderherstel -dorpen")

    def test_a_field_value_is_checked_and_the_field_kept(self):
        # Digits are left as typed.
        self.assertIsNone(self.suggestion("titel:dorpen 2021"))
        self.assertEqual(self.suggestion("titel:dorpem 2021"), "titel:dorpen 2021")

    def test_words_of_two_reports_two_letters_away(self):
        self.assertIsNone(self.suggestion("waterschapsbestuur"))
        self.assertEqual(self.suggestion("watreschapsbestur"), "waterschapsbestuur")

    def test_a_changed_report_leaves_no_stale_suggestion(self):
        write(self.reports, "a.md", "Kwelders aan de kust", 3,
              "Het dagelijks bestuur sprak over zandsuppletie langs de dijk.")
        self.index()
        self.assertNotEqual(self.suggestion("kwelderhestel"), "kwelderherstel")
        self.assertEqual(self.suggestion("zandsupletie"), "zandsuppletie")
        # Left to one report, the word is still known and one letter away.
        self.assertIsNone(self.suggestion("waterschapsbestuur"))
        self.assertEqual(self.suggestion("waterschapsbestur"), "waterschapsbestuur")

    def test_a_removed_report_leaves_no_stale_suggestion(self):
        os.remove(os.path.join(self.reports, "a.md"))
        self.index()
        self.assertNotEqual(self.suggestion("kwelderhestel"), "kwelderherstel")


if __name__ == "__main__":
    unittest.main()
