#!/usr/bin/env python3
"""Check gold.json and queries.json of writer set w6 (standard library only)."""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REP = os.path.join(HERE, "reports")
SLUGS = {"binnenstad", "regionale-samenwerking", "economie-arbeidsmarkt", "wonen-leefomgeving",
         "demografie", "sociaal-domein", "duurzaamheid-energie", "mobiliteit", "digitalisering",
         "veiligheid", "onderwijs-cultuur", "bestuur-financien"}
FILTER_KEYS = {"municipality", "theme", "from", "to", "speaker"}
GOLD_KEYS = {"file", "date", "host", "municipalities", "municipalities_optional", "speakers",
             "speaker_forms", "themes", "themes_optional", "notes"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
errors = []

def err(msg):
    errors.append(msg)

try:
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
except Exception as e:
    sys.exit(f"gold.json does not load: {e}")
try:
    queries = json.load(open(os.path.join(HERE, "queries.json"), encoding="utf-8"))
except Exception as e:
    sys.exit(f"queries.json does not load: {e}")

files = set()
canon_all = {}
for g in gold:
    f = g.get("file")
    if set(g) != GOLD_KEYS:
        err(f"{f}: keys {sorted(set(g) ^ GOLD_KEYS)} wrong")
    path = os.path.join(REP, f or "")
    if not f or not os.path.isfile(path):
        err(f"{f}: report file missing"); continue
    if f in files:
        err(f"{f}: duplicate entry")
    files.add(f)
    text = open(path, encoding="utf-8").read()
    words = len(text.split())
    if not 150 <= words <= 1200:
        err(f"{f}: {words} words (want 150-1200)")
    d = g["date"]
    if d is not None and not DATE.match(d):
        err(f"{f}: bad date {d}")
    if g["host"] is not None and g["host"] not in g["municipalities"]:
        err(f"{f}: host {g['host']} not in municipalities")
    if set(g["municipalities"]) & set(g["municipalities_optional"]):
        err(f"{f}: municipality both main and optional")
    if len(set(g["municipalities"])) != len(g["municipalities"]):
        err(f"{f}: duplicate municipality")
    if set(g["speakers"]) != set(g["speaker_forms"]):
        err(f"{f}: speakers and speaker_forms keys differ")
    for sp, forms in g["speaker_forms"].items():
        if not forms:
            err(f"{f}: no forms for {sp}")
        for form in forms:
            if form not in text:
                err(f"{f}: form {form!r} of {sp} not found verbatim")
    for t in g["themes"] + g["themes_optional"]:
        if t not in SLUGS:
            err(f"{f}: invalid theme slug {t}")
    if set(g["themes"]) & set(g["themes_optional"]):
        err(f"{f}: theme both main and optional")
    if not g["themes"]:
        err(f"{f}: no main theme")

for i in range(1, 19):
    if f"x{i:02d}.md" not in files:
        err(f"x{i:02d}.md missing from gold")

ids = set()
stems = {f[:-3] for f in files}
for q in queries:
    qid = q.get("id")
    if qid in ids:
        err(f"query id {qid} duplicate")
    ids.add(qid)
    if set(q) != {"id", "q", "filters", "relevant", "note"}:
        err(f"{qid}: keys wrong {sorted(q)}")
    if not q.get("q"):
        err(f"{qid}: empty query")
    fl = q.get("filters", {})
    if not isinstance(fl, dict) or set(fl) - FILTER_KEYS:
        err(f"{qid}: bad filter keys {fl}")
    if "theme" in fl and fl["theme"] not in SLUGS:
        err(f"{qid}: bad theme filter {fl['theme']}")
    for k in ("from", "to"):
        if k in fl and not DATE.match(fl[k]):
            err(f"{qid}: bad {k} date")
    for rid, grade in q.get("relevant", {}).items():
        if rid not in stems:
            err(f"{qid}: relevant id {rid} is not a report")
        if grade not in (1, 2):
            err(f"{qid}: grade {grade} for {rid} not 1/2")
if len(queries) != 16:
    err(f"expected 16 queries, found {len(queries)}")

if errors:
    print("\n".join(errors)); print(f"FAILED: {len(errors)} problem(s)"); sys.exit(1)
print(f"OK: {len(gold)} reports, {len(queries)} queries")
