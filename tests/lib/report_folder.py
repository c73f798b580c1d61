"""A folder of reports written for a test, and the indexer run over it: what
the Python tests share when their reports are text in the test rather than
files of corpus/.

A test imports it with its own folder's parent on the path:

    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
    from report_folder import index_reports  # noqa: E402

Standard library only; the programs' paths are the caller's (some tests take
them from the environment, some from arguments).
"""
import os
import subprocess


def write_report(folder, name, text):
    """Writes one report: text (str, as UTF-8) or bytes (as they are, for
    a report that is not UTF-8) into folder/name; returns the path."""
    path = os.path.join(folder, name)
    if isinstance(text, bytes):
        with open(path, "wb") as f:
            f.write(text)
    else:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return path


def write_reports(folder, reports):
    """Writes every report of {file name: text} into folder, which is made
    when missing; returns folder."""
    os.makedirs(folder, exist_ok=True)
    for name, text in reports.items():
        write_report(folder, name, text)
    return folder


def index_reports(indexer, data, reports, tmp, db_name="db", timeout=300):
    """Writes the reports ({file name: text}) into tmp/reports and indexes
    them with the data folder data into tmp/db_name; returns the database's
    path.  A failed run raises AssertionError with the indexer's stderr."""
    folder = write_reports(os.path.join(tmp, "reports"), reports)
    db = os.path.join(tmp, db_name)
    r = subprocess.run([indexer, "--quiet", "--db", db, "--data", data, folder],
                       capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise AssertionError(f"indexer exit status {r.returncode}: {r.stderr}")
    return db
