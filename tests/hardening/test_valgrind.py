#!/usr/bin/env python3
"""valgrind memcheck of indexer, vind and searchd (a few hundred requests,
then SIGTERM): no invalid access, no leak of any kind (definite, indirect,
possible).  Skipped in the ASan build, where valgrind cannot run."""
import http.client
import os
import signal
import subprocess
import unittest

from common import CORPUS, DATA, INDEXER, VIND, fresh_dir, start_searchd

SANITIZED = os.environ.get("VP_SANITIZE") == "1"
LEAK_ERROR = 99
VALGRIND = ["valgrind", "--quiet", "--leak-check=full", "--show-leak-kinds=all",
            "--errors-for-leak-kinds=definite,indirect,possible",
            f"--error-exitcode={LEAK_ERROR}", "--num-callers=30"]
QUERIES = ["/search?q=samenwerking", "/search?q=wonen&municipality=Den+Bosch",
           "/search?theme=sociaal-domein&sort=date&page=2&per_page=5", "/search?q=krimp*",
           "/search?q=titel:binnenstad+OR+spreker:hoving", "/facets/municipality?prefix=G",
           "/documents/2017-04-21-gorinchem", "/healthz", "/metrics",
           "/search?q=%zz", "/documents/nope", "/search?page=0", "/"]


@unittest.skipIf(SANITIZED, "valgrind does not run ASan binaries; the release build runs this")
class MemcheckTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = fresh_dir("memcheck")
        cls.db = os.path.join(cls.tmp, "corpus.db")
        cls.indexer = subprocess.run(VALGRIND + [INDEXER, "--db", cls.db, "--data", DATA,
                                                 "--quiet", CORPUS],
                                     capture_output=True, text=True, timeout=900)

    def test_indexer(self):
        self.assertIn(self.indexer.returncode, (0, 1), self.indexer.stderr)

    def test_vind(self):
        for args in (["samenwerking"], ["--json", "--municipality", "Gorinchem", "wonen"],
                     ["show", "2017-04-21-gorinchem"], ["--page", "0", "x"]):
            r = subprocess.run(VALGRIND + [VIND, "--db", self.db, *args],
                               capture_output=True, text=True, timeout=600)
            self.assertIn(r.returncode, (0, 1, 2), r.stderr)
            self.assertNotIn("definitely lost", r.stderr)
            self.assertNotEqual(r.returncode, LEAK_ERROR, r.stderr)

    def test_searchd_serving_300_requests(self):
        # No deadline: under valgrind (tens of times slower, on a shared
        # machine) a request may pass the default 2 s and be a 503
        # query_too_expensive (budget.h); this test is about memory.
        proc, port, log = start_searchd(self.db, threads=4, extra=("--deadline", "0"),
                                        wrapper=VALGRIND)
        try:
            statuses = set()
            for i in range(300):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                conn.request("GET", QUERIES[i % len(QUERIES)])
                resp = conn.getresponse()
                resp.read()
                statuses.add(resp.status)
                conn.close()
            self.assertEqual(statuses, {200, 400, 404})
        finally:
            proc.send_signal(signal.SIGTERM)
            rc = proc.wait(timeout=300)
        report = "".join(log)
        self.assertEqual(rc, 0, report[-5000:])


if __name__ == "__main__":
    unittest.main(verbosity=2)
