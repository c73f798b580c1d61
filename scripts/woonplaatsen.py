#!/usr/bin/env python3
"""scripts/woonplaatsen.py: makes data/woonplaatsen.tsv, the places of the
Netherlands and the municipality each belongs to, from CBS's table of
woonplaatsen (see data/README.md for the source and what each column means).

    scripts/woonplaatsen.py [--source CSV] [--gemeenten TSV] [--seats TSV] > data/woonplaatsen.tsv

Input:
  --source     the CBS table "Woonplaatsen in Nederland 2024" (85877NED) joined
               with "Gebieden in Nederland 2024" (85755NED) for the municipality
               names: columns Woonplaatscode, Woonplaats, Gemeentecode, Gemeente
               (default scripts/data-sources/cbs-woonplaatsen-2024.csv)
  --gemeenten  data/gemeenten.tsv: the municipalities and their mergers
  --seats      scripts/data-sources/seats.tsv: the main place of former
               municipalities whose name is no place name (hand-checked)
  /usr/share/dict/dutch and /usr/share/dict/american-english (Debian's wdutch
  and wamerican): a place whose name is also an ordinary word is flagged.

What is inferred, and how:
  since, former  A place in a municipality that was formed or grew by a merger
      (gemeenten.tsv: a former municipality whose successor chain ends there)
      was, before the merger, in one of the merged municipalities.  Which one
      is read from the BAG woonplaatscode: the codes were issued in 2009 per
      municipality of the day, in a run, so the places of one former
      municipality sit in one block of near-consecutive codes (no gap over
      BLOCK_GAP).  A block whose places name the former municipality (the
      place "Hoogezand" in "Hoogezand-Sappemeer", "Broek op Langedijk" in
      "Langedijk"), or hold its seat (seats.tsv), was that municipality; a
      block holding the place named like the municipality itself ("Oss" in
      Oss) was in it all along.  A block with no such place, or with two
      that disagree, is left unknown: the extractor then knows the place's
      municipality only from `since` on.
  flags  `ambiguous` when the name, lower-cased, is an ordinary Dutch or
      English word (Goor, Enter, Hoek); `shared` when two places carry the
      name (the extractor then needs the report's region).
  plain names  A place CBS writes with a province suffix ("Bergen L",
      "Rijswijk (NB)") is also listed under its plain name ("Bergen",
      "Rijswijk") unless a municipality has that name; the plain name is then
      usually shared.

Places named exactly like a municipality (current or former, name or alias
in gemeenten.tsv) are left out: the gazetteer of municipalities covers them.
So are places named like a province (the village Zeeland in Maashorst):
a report that says "Zeeland" means the province; and places better known
as something else (ELSEWHERE: Nederland, America).
Standard library only; the output is sorted, so a rerun on the same input
gives the same bytes.
"""
import argparse
import csv
import hashlib
import os
import re
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLOCK_GAP = 2
BAG_YEAR = 2009     # the woonplaatscodes were issued for the municipalities of 2009
NEW_CODES = 1880    # CBS municipality codes from here on were issued from 2009 on
# Names better known as something else than the Dutch place: left out.
ELSEWHERE = {"america", "sint maarten", "de krim", "nieuw amsterdam", "nederland"}
# CBS tells places of one name apart by a province suffix ("Bergen L",
# "Rijswijk (NB)"); texts write the plain name too.
SUFFIX = re.compile(r"^(.*?)\s+\(?(L|NH|NB|ZH|Gn|GN|Gld|GLD|Fr|Dr|Ov|O|Z|U)\.?\)?$")
PROVINCES = {"groningen", "friesland", "fryslan", "drenthe", "overijssel", "flevoland",
             "gelderland", "utrecht", "noord holland", "zuid holland", "zeeland",
             "noord brabant", "limburg", "brabant", "holland"}


def fold(s):
    """What model/text.c's vp_fold_key does to a name, near enough for names."""
    s = unicodedata.normalize("NFKD", s.replace("\u2019", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"'s[ -]", "'s", s)
    s = s.replace("'", "")
    return " ".join(re.split(r"[^a-z0-9]+", s)).strip()


def words(s):
    return set(fold(s).split())


def read_gemeenten(path):
    """name -> (ended, successor); and every folded name and alias."""
    rows, keys = {}, set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t") + [""] * 6
            rows[c[0]] = (int(c[2]) if c[2] else 0, c[3] or None)
            keys.add(fold(c[0]))
            keys.update(fold(a) for a in c[4].split(";") if a.strip())
    return rows, keys


def read_words(paths):
    out = set()
    for p in paths:
        with open(p, encoding="utf-8", errors="replace") as f:
            out.update(w.strip() for w in f if w.strip() and w[0].islower())
    return {fold(w) for w in out}


def blocks(places):
    """Runs of near-consecutive woonplaatscodes: [(code, name), ...] each."""
    runs, prev = [], None
    for code, name in sorted(places):
        if prev is None or code - prev > BLOCK_GAP:
            runs.append([])
        runs[-1].append((code, name))
        prev = code
    return runs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default=os.path.join(ROOT, "scripts/data-sources/cbs-woonplaatsen-2024.csv"))
    ap.add_argument("--gemeenten", default=os.path.join(ROOT, "data/gemeenten.tsv"))
    ap.add_argument("--seats", default=os.path.join(ROOT, "scripts/data-sources/seats.tsv"))
    args = ap.parse_args()

    gemeenten, taken = read_gemeenten(args.gemeenten)
    seats = {}
    with open(args.seats, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            former, seat = line.rstrip("\n").split("\t")[:2]
            if former not in gemeenten or not gemeenten[former][0]:
                sys.exit(f"seats.tsv: '{former}' is no former municipality in gemeenten.tsv")
            seats[fold(seat)] = former
    common = read_words(["/usr/share/dict/dutch", "/usr/share/dict/american-english"])

    with open(args.source, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    by_gemeente, codes = defaultdict(list), {}
    with open(args.source, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            g = r["Gemeente"].strip()
            if g not in gemeenten or gemeenten[g][0]:
                sys.exit(f"{args.source}: municipality '{g}' is not current in gemeenten.tsv")
            by_gemeente[g].append((int(r["Woonplaatscode"]), r["Woonplaats"].strip()))
            codes[g] = int(r["Gemeentecode"])

    def final(name):
        while gemeenten[name][1]:
            name = gemeenten[name][1]
        return name

    places_of = {g: {fold(n) for _, n in ps} for g, ps in by_gemeente.items()}
    for seat, former in seats.items():
        if seat not in places_of[final(former)]:
            sys.exit(f"seats.tsv: '{seat}' is no place of {final(former)}, where {former} went")

    predecessors = defaultdict(list)
    for name, (ended, _) in gemeenten.items():
        if ended > BAG_YEAR:
            predecessors[final(name)].append(name)

    out, names = [], defaultdict(set)
    for g, places in by_gemeente.items():
        preds = predecessors.get(g, [])
        latest = max((gemeenten[p][0] for p in preds), default=0)
        for block in blocks(places):
            owners = set()
            for _, name in block:
                w = words(name)
                if fold(name) == fold(g):
                    owners.add(g)
                if fold(name) in seats and final(seats[fold(name)]) == g:
                    owners.add(seats[fold(name)])
                for p in preds:
                    pw = words(p)
                    if fold(name) == fold(p) or (w and w <= pw) or (pw and pw <= w):
                        owners.add(p)
            if not owners and codes[g] < NEW_CODES:
                owners.add(g)
            owner = owners.pop() if len(owners) == 1 else None
            for code, name in block:
                suffixed = SUFFIX.match(name)
                if suffixed:
                    block_names = [name, suffixed.group(1)]
                else:
                    block_names = [name]
                for name in block_names:
                    if fold(name) in taken or fold(name) in PROVINCES or fold(name) in ELSEWHERE:
                        continue
                    if owner == g or not preds:
                        since, former = "", ""
                    elif owner:
                        since, former = str(gemeenten[owner][0]), owner
                    else:
                        since, former = str(latest), ""
                    names[fold(name)].add(g)
                    out.append([name, g, since, former])
    for row in out:
        key = fold(row[0])
        flags = []
        if key in common:
            flags.append("ambiguous")
        if len(names[key]) > 1:
            flags.append("shared")
        row.append(",".join(flags))
    out.sort(key=lambda r: (fold(r[0]), r[1]))

    print("# woonplaatsen.tsv -- Dutch places and their municipality (see data/README.md)")
    print("#")
    print("# name <TAB> municipality <TAB> since <TAB> former <TAB> flags")
    print("#")
    print("# Made by scripts/woonplaatsen.py from CBS 'Woonplaatsen in Nederland 2024'")
    print(f"# (sha256 {digest}); do not edit by hand.")
    for row in out:
        print("\t".join(row).rstrip("\t"))


if __name__ == "__main__":
    main()
