#!/usr/bin/env python3
"""searchd keeps answering while `indexer --rebuild` rewrites the whole
database under it: no failed request, and the new index is served within
seconds of the rebuild (no stale-forever revision).

--rebuild writes a fresh index beside the live one and swaps the two
folders atomically (indexer/rebuild.h), so readers never see a database
being overwritten.
Run by hand: VP_INDEXER=... VP_DBDUMP=... VP_SEARCHD=... VP_CORPUS=corpus
VP_DATA=data VP_TEST_TMP=/tmp/x python3 tests/hardening/test_rebuild.py"""
import json
import os
import signal
import subprocess
import threading
import time
import unittest

from common import DATA, INDEXER, fresh_dir, generate_reports, get, run_indexer, start_searchd

QUERIES = ["/search?q=samenwerking", "/search?q=wonen&per_page=3&page=2",
           "/search?theme=sociaal-domein&sort=date", "/facets/municipality?prefix=G",
           "/healthz"]


class RebuildTest(unittest.TestCase):
    def test_search_while_rebuilding(self):
        tmp = fresh_dir("rebuild")
        big, small = os.path.join(tmp, "big"), os.path.join(tmp, "small")
        generate_reports(big, 400)
        generate_reports(small, 150)
        db = os.path.join(tmp, "db")
        self.assertEqual(run_indexer(db, big).returncode, 0)
        proc, port, log = start_searchd(db, threads=4)
        failures, served = [], [0]
        stop = threading.Event()

        def client(k):
            i = k
            while not stop.is_set():
                target = QUERIES[i % len(QUERIES)]
                i += 1
                try:
                    status, body = get(port, target, timeout=30)
                except OSError as e:
                    failures.append((target, repr(e)))
                    continue
                served[0] += 1
                if status != 200:
                    failures.append((target, status, body[:200]))

        threads = [threading.Thread(target=client, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        try:
            for src, expected in [(small, 150), (big, 400), (small, 150)]:
                r = subprocess.run([INDEXER, "--db", db, "--data", DATA, "--rebuild",
                                    "--batch", "50", "--quiet", src],
                                   capture_output=True, text=True, timeout=600)
                self.assertEqual(r.returncode, 0, r.stderr)
                deadline = time.monotonic() + 5
                while json.loads(get(port, "/healthz", timeout=30)[1])["documents"] != expected:
                    self.assertLess(time.monotonic(), deadline, "stale revision after rebuild")
                    time.sleep(0.05)
        finally:
            stop.set()
            for t in threads:
                t.join()
            if proc.poll() is not None:  # searchd died: show why
                print(f"searchd exited with {proc.returncode}:\n" + "".join(l for l in log if "\"GET " not in l)[-6000:])
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
        self.assertGreater(served[0], 50)
        self.assertEqual(failures, [], f"{len(failures)} of {served[0]} requests failed")
        print(f"\n{served[0]} requests during 3 rebuilds, none failed")


if __name__ == "__main__":
    unittest.main(verbosity=2)
