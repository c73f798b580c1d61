#!/usr/bin/env python3
"""Validate gold.json and queries.json of the w10 report set (standard library only)."""
import json, os, re, sys

BASE = os.path.dirname(os.path.abspath(__file__))
REP = os.path.join(BASE, "reports")
SLUGS = {"binnenstad", "regionale-samenwerking", "economie-arbeidsmarkt", "wonen-leefomgeving",
         "demografie", "sociaal-domein", "duurzaamheid-energie", "mobiliteit", "digitalisering",
         "veiligheid", "onderwijs-cultuur", "bestuur-financien"}
FILTER_KEYS = {"municipality", "theme", "from", "to", "speaker"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
errors = []
def err(m): errors.append(m)

try:
    gold = json.load(open(os.path.join(BASE, "gold.json"), encoding="utf-8"))
except Exception as e:
    print("gold.json does not load:", e); sys.exit(1)
try:
    queries = json.load(open(os.path.join(BASE, "queries.json"), encoding="utf-8"))
except Exception as e:
    print("queries.json does not load:", e); sys.exit(1)

files = set()
canon = {}
for g in gold:
    f = g.get("file")
    for k in ["file", "date", "host", "municipalities", "municipalities_optional", "speakers",
              "speaker_forms", "themes", "themes_optional", "notes"]:
        if k not in g: err(f"{f}: missing key {k}")
    if f in files: err(f"{f}: duplicate")
    files.add(f)
    path = os.path.join(REP, f)
    if not os.path.isfile(path):
        err(f"{f}: file missing"); continue
    text = open(path, encoding="utf-8").read()
    n = len(text.split())
    if not 150 <= n <= 1200: err(f"{f}: {n} words")
    if g["date"] is not None and not DATE.match(g["date"]): err(f"{f}: bad date {g['date']}")
    if g["host"] is not None and g["host"] not in g["municipalities"]: err(f"{f}: host not in municipalities")
    if set(g["municipalities"]) & set(g["municipalities_optional"]): err(f"{f}: municipality both main and optional")
    if set(g["speakers"]) != set(g["speaker_forms"]): err(f"{f}: speakers and speaker_forms keys differ")
    for sp, forms in g["speaker_forms"].items():
        if not forms: err(f"{f}: no forms for {sp}")
        for form in forms:
            if form not in text: err(f"{f}: form '{form}' of {sp} not verbatim in text")
    for t in g["themes"] + g["themes_optional"]:
        if t not in SLUGS: err(f"{f}: bad theme slug {t}")
    if set(g["themes"]) & set(g["themes_optional"]): err(f"{f}: theme both main and optional")
    if not g["themes"]: err(f"{f}: no main theme")

# canonical names: warn when two canonical names share a surname token suspiciously (manual check aid)
allsp = sorted({s for g in gold for s in g["speakers"]})

ids = set()
stems = {f[:-3] for f in files}
for q in queries:
    qid = q.get("id")
    if qid in ids: err(f"query id {qid} duplicate")
    ids.add(qid)
    for k in ["id", "q", "filters", "relevant", "note"]:
        if k not in q: err(f"{qid}: missing {k}")
    for k, v in q.get("filters", {}).items():
        if k not in FILTER_KEYS: err(f"{qid}: bad filter key {k}")
        if k == "theme" and v not in SLUGS: err(f"{qid}: bad theme filter {v}")
        if k in ("from", "to") and not DATE.match(v): err(f"{qid}: bad date filter {v}")
        if k == "speaker" and v not in allsp: err(f"{qid}: speaker filter {v} not a canonical speaker")
    for r, grade in q.get("relevant", {}).items():
        if r not in stems: err(f"{qid}: relevant id {r} not a report")
        if grade not in (1, 2): err(f"{qid}: grade {grade} for {r}")

if errors:
    print("FAIL"); print("\n".join(errors)); sys.exit(1)
print(f"OK: {len(gold)} reports, {len(queries)} queries, {len(allsp)} canonical speakers")
