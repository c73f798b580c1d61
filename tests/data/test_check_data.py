"""Tests of check_data.py's own rules: the speaker lists it accepts are the
ones the indexer's source names (indexer/speaker_words.c), so a new list
needs no second edit here.  Sources and data written for the test."""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_data  # noqa: E402

SOURCE = """static const char *const LIST_NAMES[VP_SW_COUNT] = {
    [VP_SW_ROLE] = "role",
    [VP_SW_HARBOUR_CUE]  =  "harbour-cue",
};
static const char *const OTHER[] = {"not-a-list"};
"""


class SpeakerListsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.source = self.write("speaker_words.c", SOURCE)
        del check_data.errors[:]

    def tearDown(self):
        self.tmp.cleanup()
        del check_data.errors[:]

    def write(self, name, text):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_the_lists_are_the_source_table(self):
        self.assertEqual(check_data.speaker_lists(self.source), {"role", "harbour-cue"})

    def test_a_list_new_in_the_source_is_accepted(self):
        tsv = self.write("speakers.tsv", "role\twethouder\nharbour-cue\thavenmeester\n"
                         "not-a-list\tkade\n")
        check_data.check_speakers(tsv, check_data.speaker_lists(self.source))
        self.assertEqual(check_data.errors, ["speakers.tsv:3: unknown list 'not-a-list'"])

    def test_a_source_without_the_table_is_an_error(self):
        with self.assertRaises(ValueError):
            check_data.speaker_lists(self.write("other.c", "int x;\n"))

    def test_the_real_source_names_every_list_of_the_real_data(self):
        here = os.path.dirname(os.path.abspath(__file__))
        check_data.check_speakers(os.path.join(here, "..", "..", "data", "speakers.tsv"))
        self.assertEqual(check_data.errors, [])


if __name__ == "__main__":
    unittest.main()
