"""What the hardening tests share: the programs (from the environment ctest
sets, see CMakeLists.txt), a generated report set (copies of corpus/ under
unique names), running the indexer, and comparing two databases."""
import http.client
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import searchd_proc  # noqa: E402

INDEXER = os.environ["VP_INDEXER"]
DBDUMP = os.environ["VP_DBDUMP"]
SEARCHD = os.environ.get("VP_SEARCHD", "")
VIND = os.environ.get("VP_VIND", "")
CORPUS = os.environ["VP_CORPUS"]
DATA = os.environ["VP_DATA"]
TMP = os.environ["VP_TEST_TMP"]


def fresh_dir(name):
    path = os.path.join(TMP, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def generate_reports(dest, n):
    """n reports: corpus/ copied round-robin under unique names r00000.md ..."""
    files = sorted(f for f in os.listdir(CORPUS) if f.endswith(".md"))
    os.makedirs(dest, exist_ok=True)
    for i in range(n):
        shutil.copy2(os.path.join(CORPUS, files[i % len(files)]),
                     os.path.join(dest, f"r{i:05d}.md"))


def run_indexer(db, *paths, extra=(), timeout=600, env=None):
    return subprocess.run([INDEXER, "--db", db, "--data", DATA, "--quiet", *extra, *paths],
                          capture_output=True, text=True, timeout=timeout, env=env)


def dump(db):
    """(metadata, {id: document}) as tests/e2e/dbdump prints them."""
    r = subprocess.run([DBDUMP, db], capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError(f"the database does not open: {r.stderr}")
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    return lines[0]["metadata"], {d["id"]: d for d in lines[1:]}


def fingerprint(db):
    """Everything that makes two indexes the same: every document's id, data,
    boolean terms and values (dbdump), and per Xapian docid every term with
    its wdf and term frequency (xapian-delve)."""
    meta, docs = dump(db)
    out = subprocess.run(["xapian-delve", "-V0", db], capture_output=True, text=True,
                         check=True).stdout
    docids = [int(m) for m in re.findall(r"(\d+):", out.split(":", 1)[1])]
    args = ["xapian-delve", "-v"]
    for d in docids:
        args += ["-r", str(d)]
    terms = subprocess.run(args + [db], capture_output=True, text=True, check=True).stdout
    return meta, docs, terms


def start_searchd(db, threads=4, extra=(), wrapper=()):
    """(process, port, log lines): searchd_proc.start_searchd with this
    suite's programs and data."""
    return searchd_proc.start_searchd(SEARCHD, db, data=DATA, threads=threads, extra=extra,
                                      wrapper=wrapper)


def get(port, target, timeout=10):
    """GET target from searchd on 127.0.0.1:port: (status, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    conn.request("GET", target)
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, body
