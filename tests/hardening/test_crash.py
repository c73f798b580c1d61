#!/usr/bin/env python3
"""Crash safety of the indexer: SIGKILL at random points of a large run,
disk full, an unwritable database.  (A second indexer on a locked database
is tested in tests/e2e/test_indexer.py.)"""
import os
import random
import signal
import subprocess
import sys
import time
import unittest

from common import (CORPUS, DATA, INDEXER, dump, fingerprint, fresh_dir,
                    generate_reports, run_indexer)

# Smaller under ASan, where the indexer runs several times slower.
SANITIZED = os.environ.get("VP_SANITIZE") == "1"
N_REPORTS = 300 if SANITIZED else 600
BATCH = 10 if SANITIZED else 20
KILLS = 24
# ASan's shadow memory and quarantine can take the indexer's resident size
# past seven eighths of the default --memory budget, where it commits after
# every report (indexer/build_file.c, near_budget): a kill then finds 296
# documents, not a whole number of batches.  The budget is set out of the
# way, so that the batches are what this test counts.
MEMORY = ["--memory", "16384"] if SANITIZED else []


class KillTest(unittest.TestCase):
    def test_sigkill_anywhere_loses_nothing_and_resumes_identically(self):
        tmp = fresh_dir("kill")
        src = os.path.join(tmp, "reports")
        generate_reports(src, N_REPORTS)
        reference = os.path.join(tmp, "reference.db")
        started = time.monotonic()
        r = run_indexer(reference, src, extra=["--batch", str(BATCH), *MEMORY])
        full_run = time.monotonic() - started
        self.assertEqual(r.returncode, 0, r.stderr)
        _, ref_docs = dump(reference)
        self.assertEqual(len(ref_docs), N_REPORTS)

        db = os.path.join(tmp, "killed.db")
        rng = random.Random(8)
        kills = attempts = 0
        while kills < KILLS:
            attempts += 1
            self.assertLess(attempts, 4 * KILLS, "the indexer finished before every kill")
            # A resumed run only does what is left: kill within that share of
            # a full run, or a loaded machine's resumed runs mostly finish.
            left = 1 - (len(dump(db)[1]) if os.path.exists(db) else 0) / N_REPORTS
            p = subprocess.Popen([INDEXER, "--db", db, "--data", DATA, "--batch", str(BATCH),
                                  *MEMORY, "--quiet", src], stderr=subprocess.DEVNULL)
            try:
                p.wait(timeout=rng.uniform(0.0, full_run * max(left, 0.05)))
            except subprocess.TimeoutExpired:
                p.send_signal(signal.SIGKILL)
                kills += 1
                p.wait()
            print(f"run {attempts}: {kills} kills", file=sys.stderr, flush=True)
            if not os.path.exists(db):
                continue    # killed before the database was created
            _, docs = dump(db)          # opens after every kill
            self.assertTrue(len(docs) % BATCH == 0 or len(docs) == N_REPORTS,
                            f"{len(docs)} documents: not a whole number of batches")
            for doc_id, doc in docs.items():   # each committed document is whole
                self.assertEqual(doc, ref_docs[doc_id])
            if len(docs) == N_REPORTS:
                fresh = fresh_dir("kill/restart")   # start over for more kills
                os.rename(db, os.path.join(fresh, "done.db"))
        r = run_indexer(db, src, extra=["--batch", str(BATCH), *MEMORY])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(fingerprint(db), fingerprint(reference))
        print(f"\n{kills} SIGKILLs survived in {attempts} runs "
              f"(uninterrupted run {full_run:.1f} s)")


class KillJobsTest(unittest.TestCase):
    """indexer --jobs 2 writes its parts and the merged index beside the live
    one: a SIGKILL anywhere leaves the live index exactly as it was."""

    def kill_at_random(self, db, src, extra, full_run, rng):
        p = subprocess.Popen([INDEXER, "--db", db, "--data", DATA, "--quiet", *extra, src],
                             stderr=subprocess.DEVNULL)
        try:
            p.wait(timeout=rng.uniform(0.0, full_run))
            return False
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            p.wait()
            return True

    def test_sigkill_during_a_parallel_build_keeps_the_previous_index(self):
        tmp = fresh_dir("kill-jobs")
        src = os.path.join(tmp, "reports")
        generate_reports(src, N_REPORTS // 3)
        reference = os.path.join(tmp, "reference.db")
        started = time.monotonic()
        self.assertEqual(run_indexer(reference, src).returncode, 0)
        full_run = time.monotonic() - started
        rng = random.Random(9)

        empty = os.path.join(tmp, "empty.db")  # a first run: nothing to keep
        for _ in range(2):
            if self.kill_at_random(empty, src, ["--jobs", "2"], full_run, rng):
                self.assertEqual(dump(empty)[1] if os.path.exists(empty) else {}, {})

        db = os.path.join(tmp, "live.db")
        self.assertEqual(run_indexer(db, CORPUS).returncode, 0)
        before, rebuilt = fingerprint(db), fingerprint(reference)
        kills = 0
        for _ in range(5):
            if self.kill_at_random(db, src, ["--jobs", "2", "--rebuild"], full_run, rng):
                kills += 1
                # The swap is one rename: a kill that comes after it (while the
                # indexer removes the old index and exits; slow under ASan)
                # leaves the new index whole.  Never a mix.  (No assertEqual: its diff of two
                # indexes' fingerprints runs for many minutes.)
                now = fingerprint(db)
                self.assertTrue(now == before or now == rebuilt,
                                "a killed --rebuild left neither the old index nor the new")
        self.assertGreater(kills, 0)
        r = run_indexer(db, src, extra=["--jobs", "2", "--rebuild"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(fingerprint(db) == rebuilt, "the rebuilt index is not the reference")
        for leftover in (db + ".parts", db + ".rebuild"):
            self.assertFalse(os.path.exists(leftover), leftover)
        print(f"\n{kills} SIGKILLs of indexer --jobs 2 --rebuild survived")


def xapian_disk_full_leak_suppressed():
    """The environment for an indexer run that fills the disk: under the
    sanitizers, LeakSanitizer ignores what Xapian itself loses when a write
    in a commit fails (lsan_disk_full.supp says what and why)."""
    if not SANITIZED:
        return None
    supp = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lsan_disk_full.supp")
    lsan = os.environ.get("LSAN_OPTIONS")
    mine = f"suppressions={supp}:fast_unwind_on_malloc=0"
    return dict(os.environ, LSAN_OPTIONS=f"{mine}:{lsan}" if lsan else mine)


def can_mount():
    probe = fresh_dir("mount-probe")
    ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe],
                        capture_output=True).returncode == 0
    if ok:
        subprocess.run(["umount", probe], check=True)
    return ok


@unittest.skipUnless(can_mount(), "needs root with mount (CAP_SYS_ADMIN): not in this sandbox")
class UnwritableTest(unittest.TestCase):
    def tearDown(self):
        subprocess.run(["umount", self.mnt], capture_output=True)

    def assert_fails_intact(self, db, src, before, env=None):
        r = run_indexer(db, src, env=env)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("indexer:", r.stderr)
        self.assertEqual(dump(db)[1], before)

    def test_disk_full_exits_2_and_keeps_the_previous_index(self):
        self.mnt = fresh_dir("full")
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", self.mnt], check=True)
        db = os.path.join(self.mnt, "corpus.db")
        self.assertEqual(run_indexer(db, CORPUS).returncode, 0)
        before = dump(db)[1]
        big = os.path.join(fresh_dir("full-src"), "reports")
        generate_reports(big, 3000)
        self.assert_fails_intact(db, big, before, env=xapian_disk_full_leak_suppressed())

    def test_read_only_database_exits_2_and_keeps_the_previous_index(self):
        tmp = fresh_dir("readonly")
        db = os.path.join(tmp, "corpus.db")
        self.assertEqual(run_indexer(db, CORPUS).returncode, 0)
        before = dump(db)[1]
        self.mnt = db
        subprocess.run(["mount", "--bind", db, db], check=True)
        subprocess.run(["mount", "-o", "remount,bind,ro", db], check=True)
        src = os.path.join(tmp, "more")
        generate_reports(src, 40)
        self.assert_fails_intact(db, src, before)


if __name__ == "__main__":
    unittest.main(verbosity=2)
