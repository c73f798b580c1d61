#!/usr/bin/env python3
"""The man pages agree with --help, and every program has --version.

For each program: the long options its --help lists are exactly the options
its scdoc source documents (under OPTIONS and in the SYNOPSIS), the
generated page exists and names the program, and --version prints
"PROG (Vindplaats) VERSION".  Standard library only.
"""
import argparse
import os
import re
import subprocess
import sys
import unittest

ARGS = None
OPTION = re.compile(r"--[a-z][a-z-]*")


def help_options(program):
    r = subprocess.run([program, "--help"], capture_output=True, text=True, timeout=30)
    assert r.returncode == 0, r.stderr
    return set(OPTION.findall(r.stdout))


def man_sections(source):
    """{section title: text} of a scdoc source."""
    sections, title = {}, None
    for line in source.splitlines():
        if line.startswith("# "):
            title = line[2:].strip()
            sections[title] = ""
        elif title:
            sections[title] += line + "\n"
    return sections


class ManPageTest(unittest.TestCase):
    def check_program(self, name, program, scd):
        with open(scd, encoding="utf-8") as f:
            sections = man_sections(f.read())
        documented = set(OPTION.findall(sections.get("OPTIONS", "")))
        in_help = help_options(program)
        self.assertEqual(in_help - documented, set(), f"{name}: in --help, not in the man page")
        self.assertEqual(documented - in_help, set(), f"{name}: in the man page, not in --help")
        synopsis = set(OPTION.findall(sections.get("SYNOPSIS", "")))
        self.assertEqual(synopsis, in_help - {"--help", "--version"},
                         f"{name}: the man page's SYNOPSIS")
        page = os.path.join(ARGS.man_dir, name + ".1")
        with open(page, encoding="utf-8") as f:
            self.assertIn(f'.TH "{name}" "1"', f.read())
        r = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, rf"^{name} \(Vindplaats\) {re.escape(ARGS.version)}\b")

    def test_indexer(self):
        self.check_program("indexer", ARGS.indexer, os.path.join(ARGS.src, "indexer/indexer.1.scd"))

    def test_searchd(self):
        self.check_program("searchd", ARGS.searchd, os.path.join(ARGS.src, "searchd/searchd.1.scd"))

    def test_vind(self):
        self.check_program("vind", ARGS.vind, os.path.join(ARGS.src, "searchd/vind.1.scd"))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    for opt in ("--indexer", "--searchd", "--vind", "--src", "--man-dir", "--version"):
        p.add_argument(opt, required=True)
    ARGS, rest = p.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
