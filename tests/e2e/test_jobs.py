"""End-to-end tests of `indexer --jobs N` and `--memory MiB`: a parallel
build must give the index a one-thread build gives (the same documents,
terms, values, spelling, document ids, and so the same vind results,
totals and facet counts), on corpus/ and on a generated corpus, for one
database and for a shard set; bad files are still reported and skipped;
an update of an existing database falls back to one thread; the options
are checked.

Standard library only; xapian-delve (xapian-tools) lists document ids.
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import urllib.parse

from test_indexer import CORPUS, DATA, DBDUMP, INDEXER, dump, run_indexer

VIND = os.environ["VP_VIND"]
GENCORPUS = os.environ["VP_GENCORPUS"]
# Smaller under ASan, where the indexer runs several times slower.
GENERATED = 500 if os.environ.get("VP_SANITIZE") == "1" else 2000
CORPUS_QUERIES = ["", "samenwerking", "samenwerkng", "wonen zorg", "participatie*",
                  '"sociaal domein"', "titel:wonen", "gemeente OR dorp", "energie -wind",
                  "spreker:jansen", "thema:wonen"]


def spelling(db):
    return subprocess.run([DBDUMP, "--spelling", db], capture_output=True, text=True,
                          check=True).stdout


def docids(db):
    """{Q term: Xapian document id} for every report."""
    info = subprocess.run(["xapian-delve", db], capture_output=True, text=True,
                          check=True).stdout
    last = int(re.search(r"highest document id ever used = (\d+)", info).group(1))
    args = ["xapian-delve"]
    for docid in range(1, last + 1):
        args += ["-r", str(docid)]
    out = subprocess.run(args + [db], capture_output=True, text=True).stdout
    ids = {}
    for m in re.finditer(r"^Term List for record #(\d+):(.*)$", out, re.M):
        for term in m.group(2).split():
            if term.startswith("Q"):
                ids[term] = int(m.group(1))
    return ids


def vind(db, args):
    r = subprocess.run([VIND, "--db", db, "--data", DATA, "--json", "--per-page", "50",
                        *args], capture_output=True, text=True, timeout=60)
    if r.returncode == 2:
        raise AssertionError(f"vind {args}: {r.stderr}")
    out = json.loads(r.stdout)
    out.pop("took_ms", None)
    return out


def querymix_args(line):
    """A gencorpus querymix line (a /search query string) as vind arguments."""
    args = []
    for key, value in urllib.parse.parse_qsl(line.strip(), keep_blank_values=True):
        if key in ("municipality", "speaker", "theme"):
            args += [f"--{key}", value]
    q = urllib.parse.parse_qs(line.strip()).get("q", [""])[0]
    return args + ([q] if q else [])


class SameIndexMixin:
    """Asserts that two databases hold the same index."""

    def assert_same_index(self, one, other, spelling_db=None, queries=()):
        self.assertEqual(dump(one), dump(other))
        self.assertEqual(spelling(spelling_db(one) if spelling_db else one),
                         spelling(spelling_db(other) if spelling_db else other))
        for args in queries:
            with self.subTest(query=args):
                self.assertEqual(vind(one, args), vind(other, args))


class CorpusJobsTest(SameIndexMixin, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="vp-jobs-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def path(self, name):
        shutil.rmtree(os.path.join(self.tmp, name), ignore_errors=True)
        return os.path.join(self.tmp, name)

    def build(self, name, *extra, src=CORPUS):
        db = self.path(name)
        r = run_indexer(db, src, extra=extra)
        self.assertEqual(r.returncode, 0, r.stderr)
        return db, r

    def test_two_jobs_build_the_index_one_job_builds(self):
        one, _ = self.build("one")
        two, r = self.build("two", "--jobs", "2")
        n = len([f for f in os.listdir(CORPUS) if f.endswith(".md")])
        self.assertIn(f"indexed {n}, unchanged 0, removed 0, skipped 0", r.stdout)
        self.assertEqual(r.stderr, "")
        queries = [[q] if q else [] for q in CORPUS_QUERIES]
        queries += [["--theme", "wonen"], ["--speaker", "Marloes Hoogerbrugge"],
                    ["--municipality", "Zwolle", "samenwerking"]]
        self.assert_same_index(one, two, queries=queries)
        self.assertEqual(docids(one), docids(two))
        self.assertFalse(os.path.exists(two + ".parts"))
        self.assertFalse(os.path.exists(two + ".rebuild"))

    def test_more_jobs_than_reports_and_a_small_memory_budget(self):
        one, _ = self.build("one-small")
        many, _ = self.build("many", "--jobs", "40", "--memory", "64", "--batch", "1000000")
        self.assert_same_index(one, many)
        self.assertEqual(docids(one), docids(many))

    def test_jobs_with_shards_build_the_shards_one_job_builds(self):
        meta = lambda db: os.path.join(db, "meta")  # noqa: E731
        one, _ = self.build("shards-one", "--shards", "3")
        two, r = self.build("shards-two", "--shards", "3", "--jobs", "2")
        self.assertEqual(r.stderr, "")
        self.assert_same_index(one, two, spelling_db=meta,
                               queries=[[q] if q else [] for q in CORPUS_QUERIES])
        for i in range(3):
            shard = f"shard-{i:03d}"
            self.assertEqual(docids(os.path.join(one, shard)),
                             docids(os.path.join(two, shard)))
        # an update of a shard set runs its jobs as well
        r = run_indexer(two, CORPUS, extra=["--jobs", "3"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("indexed 0, unchanged", r.stdout)
        self.assertEqual(r.stderr, "")

    def test_rebuild_with_jobs_replaces_the_index(self):
        db, _ = self.build("rebuilt")
        one = os.path.join(self.tmp, "rebuilt-src")
        shutil.rmtree(one, ignore_errors=True)
        os.makedirs(one)
        shutil.copy(os.path.join(CORPUS, "2017-04-21-gorinchem.md"), one)
        shutil.copy(os.path.join(CORPUS, "2013-03-15-emmen.md"), one)
        r = run_indexer(db, one, extra=["--rebuild", "--jobs", "2"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(dump(db)[1]), ["2013-03-15-emmen", "2017-04-21-gorinchem"])
        self.assertFalse(os.path.exists(db + ".parts"))
        self.assertFalse(os.path.exists(db + ".rebuild"))

    def test_update_of_one_database_runs_on_one_thread_and_says_so(self):
        src = self.path("update-src")
        shutil.copytree(CORPUS, src)
        db, _ = self.build("update", "--jobs", "2", src=src)
        files = sorted(f for f in os.listdir(src) if f.endswith(".md"))
        with open(os.path.join(src, files[0]), "a", encoding="utf-8") as f:
            f.write("\nNaschrift: de presentaties staan online.\n")
        os.remove(os.path.join(src, files[1]))
        r = run_indexer(db, src, extra=["--jobs", "2"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"indexed 1, unchanged {len(files) - 2}, removed 1", r.stdout)
        self.assertIn("--jobs 2: updating an existing database runs on one thread", r.stderr)
        reference, _ = self.build("update-reference", src=src)
        self.assertEqual(dump(db)[1], dump(reference)[1])

    def test_bad_files_are_reported_and_skipped_by_every_layout(self):
        src = self.path("bad-src")
        shutil.copytree(CORPUS, src)
        with open(os.path.join(src, "leeg.md"), "w") as f:
            pass
        with open(os.path.join(src, "zz-latin1.md"), "wb") as f:
            f.write("# Kennisdag\n\nDe caf\xe9 in Zwolle.\n".encode("latin-1"))
        n = len([f for f in os.listdir(CORPUS) if f.endswith(".md")])
        for extra in (["--jobs", "2"], ["--jobs", "2", "--shards", "2"]):
            with self.subTest(extra=extra):
                db = self.path("bad")
                r = run_indexer(db, src, extra=extra)
                self.assertEqual(r.returncode, 1, r.stderr)
                lines = sorted(r.stderr.splitlines())
                self.assertEqual(len(lines), 2, r.stderr)
                self.assertTrue(lines[0].endswith("leeg.md: empty file"), lines)
                self.assertRegex(lines[1], r"zz-latin1\.md:3: invalid UTF-8")
                self.assertIn(f"indexed {n}, unchanged 0, removed 0, skipped 2", r.stdout)
                self.assertEqual(len(dump(db)[1]), n)

    def test_option_errors_exit_2(self):
        db = self.path("options")
        for args, message in ((["--jobs", "0"], "--jobs wants a number from 1 to 64"),
                              (["--jobs", "65"], "--jobs wants a number from 1 to 64"),
                              (["--jobs", "two"], "--jobs wants a number"),
                              (["--memory", "63"], "--memory wants a number from 64 to"),
                              (["--memory", ""], "--memory wants a number"),
                              (["--memory", "512M"], "--memory wants a number")):
            with self.subTest(args=args):
                r = run_indexer(db, CORPUS, extra=args)
                self.assertEqual(r.returncode, 2)
                self.assertIn(message, r.stderr)
        self.assertFalse(os.path.exists(db))


class GeneratedJobsTest(SameIndexMixin, unittest.TestCase):
    def test_generated_corpus(self):
        tmp = tempfile.mkdtemp(prefix="vp-jobs-gen-")
        try:
            src = os.path.join(tmp, "corpus")
            subprocess.run([GENCORPUS, str(GENERATED), "7", src, "--queries", "40"],
                           check=True, capture_output=True)
            with open(os.path.join(src, "querymix.txt"), encoding="utf-8") as f:
                queries = [querymix_args(line) for line in f if line.strip()]
            one, two = os.path.join(tmp, "one"), os.path.join(tmp, "two")
            for db, extra in ((one, ()), (two, ("--jobs", "2", "--memory", "64"))):
                r = run_indexer(db, src, extra=extra)
                self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(f"indexed {GENERATED},", r.stdout)
            self.assert_same_index(one, two, queries=queries + [[]])
            self.assertEqual(docids(one), docids(two))
            # One thread, reports larger than a part: built in parts and merged,
            # the same index (one was written straight into the database)
            parts = os.path.join(tmp, "parts")
            env = dict(os.environ, VP_PART_BYTES=str(sum(
                os.path.getsize(os.path.join(src, f)) for f in os.listdir(src)) // 9))
            r = subprocess.run([INDEXER, "--db", parts, "--data", DATA, src], env=env,
                               capture_output=True, text=True, timeout=300)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(f"indexed {GENERATED},", r.stdout)
            self.assert_same_index(one, parts, queries=queries[:10])
            self.assertEqual(docids(one), docids(parts))
            self.assertFalse(os.path.exists(parts + ".rebuild"))
        finally:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    unittest.main()
