"""searchd started for a test on a free loopback port: the one way the
Python tests start it, whatever options each passes.

A test imports it with its own folder's parent on the path:

    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
    from searchd_proc import start_searchd  # noqa: E402

Standard library only; the program's path is the caller's (some tests take
it from the environment, some from arguments).
"""
import re
import subprocess
import threading

# searchd's first line once it listens (searchd/searchd.c), in every log
# format.
LISTENING = re.compile(r"listening on http://127\.0\.0\.1:(\d+)/")


def start_searchd(searchd, db, data=None, threads=4, extra=(), wrapper=(), env=None):
    """(process, port, log lines) of `searchd --db db` listening on
    127.0.0.1 at a port of its choosing.  data: the --data folder (None:
    searchd's default); threads: --threads; extra: more options; wrapper: a
    command to run it under (valgrind ...); env: its environment (None:
    ours).  The log lines (stderr) keep coming in while it runs: the lines
    before the listening line, then every line after it.  Raises
    RuntimeError with what it wrote when it ends before listening."""
    args = [*wrapper, searchd, "--db", db, "--listen", "127.0.0.1:0",
            "--threads", str(threads)]
    if data is not None:
        args += ["--data", data]
    proc = subprocess.Popen([*args, *extra], stderr=subprocess.PIPE, text=True, env=env)
    log = []
    while True:
        line = proc.stderr.readline()
        if not line:
            proc.kill()
            proc.wait()
            raise RuntimeError("searchd did not start: " + "".join(log))
        m = LISTENING.search(line)
        if m:
            break
        log.append(line)
    threading.Thread(target=lambda: log.extend(proc.stderr), daemon=True).start()
    return proc, int(m.group(1)), log
