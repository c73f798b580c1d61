#!/usr/bin/env python3
"""The Debian package and the installed programs.

1. `cpack -G DEB` in the build folder makes vindplaats_*.deb; its Depends
   name the runtime libraries (never a -dev package) and it holds the
   programs, data, man pages, units and /etc/default/vindplaats.
2. `dpkg -x` unpacks it into a clean folder; the unpacked programs index
   corpus/ with their default data folder (bin/../share/vindplaats of that
   tree, no --data) and with --data, vind answers a query, searchd answers
   /healthz.
3. `systemd-analyze verify` passes on the packaged units (the program names
   pointed at the unpacked tree, as systemd would find them in /usr/bin).
4. `cmake --install --prefix` of the build folder: the programs find
   PREFIX/share/vindplaats by default, the environment file is under PREFIX.
Standard library only.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import unittest
import urllib.request

ARGS = None
RUNTIME_LIBS = ["libxapian30", "libcmark0.30.2", "libyaml-0-2", "libjansson4",
                "libmicrohttpd12"]


def run(*cmd, ok=(0,), **kw):
    r = subprocess.run(list(cmd), capture_output=True, text=True, timeout=600, **kw)
    assert r.returncode in ok, f"{cmd}: exit {r.returncode}\n{r.stdout}\n{r.stderr}"
    return r


def check_programs(test, bindir, datadir, tmp):
    """The programs in bindir: default data folder, index, query, serve."""
    test.assertIn(f"(default {datadir})", run(f"{bindir}/indexer", "--help").stdout)
    db = os.path.join(tmp, "corpus.db")
    r = run(f"{bindir}/indexer", "--db", db, ARGS.corpus, ok=(0, 1))
    test.assertRegex(r.stdout + r.stderr, r"indexed \d+")
    r = run(f"{bindir}/vind", "--db", db, "--json", "samenwerking")
    test.assertIn('"total"', r.stdout)
    run(f"{bindir}/vind", "--db", db, "--data", datadir, "show", "2017-04-21-gorinchem")
    proc = subprocess.Popen([f"{bindir}/searchd", "--db", db, "--listen", "127.0.0.1:0",
                             "--threads", "1"], stderr=subprocess.PIPE, text=True)
    try:
        m = re.search(r"127\.0\.0\.1:(\d+)/", proc.stderr.readline())
        test.assertTrue(m, "searchd did not start")
        with urllib.request.urlopen(f"http://127.0.0.1:{m.group(1)}/healthz", timeout=30) as resp:
            test.assertIn(b'"status":"ok"', resp.read())
    finally:
        proc.terminate()
        test.assertEqual(proc.wait(timeout=10), 0)


class PackageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        shutil.rmtree(ARGS.tmp, ignore_errors=True)
        os.makedirs(ARGS.tmp)
        out = os.path.join(ARGS.tmp, "pkg")
        run("cpack", "-G", "DEB", "-B", out, "--config",
            os.path.join(ARGS.build, "CPackConfig.cmake"), cwd=ARGS.build)
        debs = glob.glob(os.path.join(out, "vindplaats_*.deb"))
        assert len(debs) == 1, debs
        cls.deb = debs[0]
        cls.root = os.path.join(ARGS.tmp, "root")
        run("dpkg", "-x", cls.deb, cls.root)

    def test_depends_on_runtime_libraries_only(self):
        depends = run("dpkg-deb", "-f", self.deb, "Depends").stdout
        for lib in RUNTIME_LIBS:
            self.assertRegex(depends, rf"(^|, ){re.escape(lib)}\b", depends)
        self.assertNotIn("-dev", depends)

    def test_contents(self):
        files = set(re.findall(r"\s\.(/\S+)\n", run("dpkg-deb", "-c", self.deb).stdout))
        for f in ["/usr/bin/indexer", "/usr/bin/searchd", "/usr/bin/vind",
                  "/usr/share/vindplaats/gemeenten.tsv", "/usr/share/vindplaats/themes.tsv",
                  "/usr/share/vindplaats/theme_terms.tsv", "/usr/share/vindplaats/theme_model.tsv",
                  "/usr/share/vindplaats/synonyms.tsv", "/usr/share/vindplaats/speakers.tsv",
                  "/usr/share/vindplaats/woonplaatsen.tsv",
                  "/usr/share/man/man1/indexer.1",
                  "/usr/share/man/man1/searchd.1", "/usr/share/man/man1/vind.1",
                  "/usr/lib/systemd/system/vindplaats-searchd.service",
                  "/usr/lib/systemd/system/vindplaats-index.service",
                  "/usr/lib/systemd/system/vindplaats-index.timer",
                  "/etc/default/vindplaats", "/usr/share/doc/vindplaats/openapi.yaml"]:
            self.assertIn(f, files)
        conffiles = run("dpkg-deb", "-I", self.deb, "conffiles").stdout
        self.assertEqual(conffiles.split(), ["/etc/default/vindplaats"])

    def test_unpacked_programs(self):
        tmp = os.path.join(ARGS.tmp, "run-deb")
        os.makedirs(tmp)
        check_programs(self, f"{self.root}/usr/bin", f"{self.root}/usr/share/vindplaats", tmp)

    def test_systemd_units_verify(self):
        units = os.path.join(ARGS.tmp, "units")
        os.makedirs(units)
        names = ["vindplaats-searchd.service", "vindplaats-index.service",
                 "vindplaats-index.timer"]
        for name in names:
            with open(f"{self.root}/usr/lib/systemd/system/{name}", encoding="utf-8") as f:
                text = f.read()
            text = re.sub(r"^ExecStart=(\w+)", rf"ExecStart={self.root}/usr/bin/\1", text,
                          flags=re.M)
            with open(os.path.join(units, name), "w", encoding="utf-8") as f:
                f.write(text)
        r = subprocess.run(["systemd-analyze", "verify", "--man=no"] +
                           [os.path.join(units, n) for n in names],
                           capture_output=True, text=True, timeout=120)
        # Any message (an unknown key, a bad value) is a failure, not just the exit status.
        self.assertEqual((r.returncode, r.stdout + r.stderr), (0, ""))

    def test_cmake_install_prefix(self):
        prefix = os.path.join(ARGS.tmp, "prefix")
        run("cmake", "--install", ARGS.build, "--prefix", prefix)
        self.assertTrue(os.path.isfile(f"{prefix}/etc/default/vindplaats"))
        self.assertTrue(os.path.isfile(f"{prefix}/share/man/man1/searchd.1"))
        tmp = os.path.join(ARGS.tmp, "run-prefix")
        os.makedirs(tmp)
        check_programs(self, f"{prefix}/bin", f"{prefix}/share/vindplaats", tmp)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    for opt in ("--build", "--corpus", "--tmp"):
        p.add_argument(opt, required=True)
    ARGS, rest = p.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
