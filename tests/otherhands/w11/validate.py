#!/usr/bin/env python3
"""Check gold.json and queries.json of the w11 report set (standard library only)."""
import json, os, re, sys, datetime

BASE = os.path.dirname(os.path.abspath(__file__))
REP = os.path.join(BASE, "reports")
SLUGS = {"binnenstad", "regionale-samenwerking", "economie-arbeidsmarkt", "wonen-leefomgeving",
         "demografie", "sociaal-domein", "duurzaamheid-energie", "mobiliteit", "digitalisering",
         "veiligheid", "onderwijs-cultuur", "bestuur-financien"}
FILTER_KEYS = {"municipality", "theme", "from", "to", "speaker"}
GOLD_KEYS = {"file", "date", "host", "municipalities", "municipalities_optional", "speakers",
             "speaker_forms", "themes", "themes_optional", "notes"}
errors = []
def err(m): errors.append(m)

def isodate(s):
    try:
        datetime.date.fromisoformat(s); return True
    except Exception:
        return False

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
    if set(g) != GOLD_KEYS:
        err(f"{f}: keys {sorted(set(g) ^ GOLD_KEYS)} wrong")
    if f in files: err(f"{f}: duplicate")
    files.add(f)
    p = os.path.join(REP, f or "")
    if not os.path.isfile(p):
        err(f"{f}: file missing"); continue
    text = open(p, encoding="utf-8").read()
    n = len(re.findall(r"\S+", text))
    if not 150 <= n <= 1200: err(f"{f}: {n} words outside 150-1200")
    if g["date"] is not None and not isodate(g["date"]): err(f"{f}: bad date {g['date']}")
    if g["host"] is not None and g["host"] not in g["municipalities"]:
        err(f"{f}: host not in municipalities")
    if set(g["municipalities"]) & set(g["municipalities_optional"]):
        err(f"{f}: municipality both main and optional")
    if set(g["speakers"]) != set(g["speaker_forms"]):
        err(f"{f}: speakers and speaker_forms keys differ")
    for sp, forms in g["speaker_forms"].items():
        if not forms: err(f"{f}: no forms for {sp}")
        for form in forms:
            if form not in text: err(f"{f}: form {form!r} of {sp} not verbatim in text")
    for t in g["themes"] + g["themes_optional"]:
        if t not in SLUGS: err(f"{f}: bad theme slug {t}")
    if set(g["themes"]) & set(g["themes_optional"]):
        err(f"{f}: theme both main and optional")
    if not g["themes"]: err(f"{f}: no main theme")
    for sp in g["speakers"]:
        canon.setdefault(sp.lower(), set()).add(sp)
for k, v in canon.items():
    if len(v) > 1: err(f"speaker spelled differently across set: {v}")
if len(gold) != 18: err(f"expected 18 reports, got {len(gold)}")

ids = set()
for q in queries:
    qid = q.get("id")
    if qid in ids: err(f"query {qid}: duplicate id")
    ids.add(qid)
    if not q.get("q"): err(f"query {qid}: empty q")
    flt = q.get("filters", {})
    if not isinstance(flt, dict): err(f"query {qid}: filters not an object"); flt = {}
    for k, v in flt.items():
        if k not in FILTER_KEYS: err(f"query {qid}: bad filter key {k}")
        if k == "theme" and v not in SLUGS: err(f"query {qid}: bad theme filter {v}")
        if k in ("from", "to") and not isodate(v): err(f"query {qid}: bad date {v}")
    rel = q.get("relevant", {})
    for r, grade in rel.items():
        if r + ".md" not in files: err(f"query {qid}: relevant id {r} is not a report")
        if grade not in (1, 2): err(f"query {qid}: grade {grade} for {r}")
    if "note" not in q: err(f"query {qid}: no note")
if len(queries) != 16: err(f"expected 16 queries, got {len(queries)}")

if errors:
    print("\n".join(errors)); print(f"FAIL: {len(errors)} problem(s)"); sys.exit(1)
print(f"OK: {len(gold)} reports, {len(queries)} queries")
