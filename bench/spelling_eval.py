#!/usr/bin/env python3
"""Did-you-mean on typos made from the reports' own words (issue 17).

    bench/spelling_eval.py VIND DB DIR...

DB is an index of the reports under the DIRs (indexer --db DB DIR...).  The
words of six letters or more are read from the reports, grouped by where
they occur: in two reports or more, in one report only but in its title or a
heading, in one report's body only.  From a seeded sample of each group
every word gets one typo (a letter deleted, swapped with the next, replaced
or added, never the first letter), and `vind --json TYPO` must suggest the
word again.  The words of one report are also searched as typed, where a
suggestion would be a false alarm.  Prints one line a group:
recovered/asked and false alarms/asked.  Reads the DIRs' files, writes
nothing.
"""
import json
import os
import random
import re
import subprocess
import sys

WORD = re.compile(r"[a-zà-öø-ÿ]+")
MIN_LEN = 6
PER_GROUP = 120
SEED = 17


def reports(dirs):
    for d in dirs:
        for root, _, files in os.walk(d):
            for f in sorted(files):
                if f.endswith(".md"):
                    with open(os.path.join(root, f), encoding="utf-8", errors="replace") as h:
                        yield h.read()


def named_words(text):
    """Words of the title (front matter) and of the headings."""
    lines = [l for l in text.splitlines()
             if l.startswith("#") or re.match(r"(title|titel):", l, re.I)]
    return set(WORD.findall("\n".join(lines).lower()))


def vocabulary(dirs):
    df, named = {}, set()
    for text in reports(dirs):
        for w in set(WORD.findall(text.lower())):
            df[w] = df.get(w, 0) + 1
        named |= named_words(text)
    return df, named


def typo(word, rng):
    i = rng.randrange(1, len(word))
    letters = "abcdefghijklmnopqrstuvwxyz"
    kind = rng.choice(("delete", "swap", "replace", "insert"))
    if kind == "delete":
        return word[:i] + word[i + 1:]
    if kind == "swap" and i + 1 < len(word) and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "insert":
        return word[:i] + rng.choice(letters) + word[i:]
    return word[:i] + rng.choice(letters.replace(word[i], "")) + word[i + 1:]


def suggestion(vind, db, query):
    r = subprocess.run([vind, "--db", db, "--json", "--per-page", "1", query],
                       capture_output=True, text=True)
    if r.returncode == 2:
        raise SystemExit(f"vind failed on {query!r}: {r.stderr}")
    return (json.loads(r.stdout).get("suggestion") or "").lower()


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    vind, db, dirs = sys.argv[1], sys.argv[2], sys.argv[3:]
    df, named = vocabulary(dirs)
    words = sorted(w for w in df if len(w) >= MIN_LEN)
    groups = {
        "in >= 2 reports": [w for w in words if df[w] >= 2],
        "1 report, title/heading": [w for w in words if df[w] == 1 and w in named],
        "1 report, body only": [w for w in words if df[w] == 1 and w not in named],
    }
    rng = random.Random(SEED)
    for name, members in groups.items():
        sample = rng.sample(members, min(PER_GROUP, len(members)))
        asked = found = 0
        for w in sample:
            t = typo(w, rng)
            if t in df:
                continue
            asked += 1
            found += suggestion(vind, db, t) == w
        alarms = sum(suggestion(vind, db, w) not in ("", w) for w in sample)
        print(f"{name:26s} typo -> word {found}/{asked} ({found / max(asked, 1):.3f}); "
              f"false alarm as typed {alarms}/{len(sample)}  (group size {len(members)})")


if __name__ == "__main__":
    main()
