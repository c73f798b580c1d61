#!/usr/bin/env python3
"""Check gold.json and queries.json of the w17 report set (standard library only)."""
import json, os, sys, re

HERE = os.path.dirname(os.path.abspath(__file__))
REP = os.path.join(HERE, "reports")
THEMES = {"binnenstad", "regionale-samenwerking", "economie-arbeidsmarkt", "wonen-leefomgeving",
          "demografie", "sociaal-domein", "duurzaamheid-energie", "mobiliteit", "digitalisering",
          "veiligheid", "onderwijs-cultuur", "bestuur-financien"}
FILTER_KEYS = {"municipality", "theme", "from", "to", "speaker"}
KEYS = {"file", "date", "host", "municipalities", "municipalities_optional", "speakers",
        "speaker_forms", "themes", "themes_optional", "notes"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
errors = []
def err(m): errors.append(m)

try:
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
except Exception as e:
    print("gold.json does not load:", e); sys.exit(1)
try:
    queries = json.load(open(os.path.join(HERE, "queries.json"), encoding="utf-8"))
except Exception as e:
    print("queries.json does not load:", e); sys.exit(1)

if not isinstance(gold, list): err("gold.json is not a list")
files = set()
canon = {}
for r in gold:
    f = r.get("file")
    missing = KEYS - set(r); extra = set(r) - KEYS
    if missing: err(f"{f}: missing keys {sorted(missing)}")
    if extra: err(f"{f}: unknown keys {sorted(extra)}")
    if f in files: err(f"{f}: duplicate entry")
    files.add(f)
    path = os.path.join(REP, f or "")
    if not os.path.isfile(path):
        err(f"{f}: report file missing"); continue
    text = open(path, encoding="utf-8").read()
    n = len(text.split())
    if not 150 <= n <= 1200: err(f"{f}: {n} words, outside 150-1200")
    d = r.get("date")
    if d is not None and not DATE.match(d): err(f"{f}: bad date {d}")
    for k in ("municipalities", "municipalities_optional", "speakers", "themes", "themes_optional"):
        if not isinstance(r.get(k), list): err(f"{f}: {k} is not a list")
    if r.get("host") and r["host"] not in r.get("municipalities", []):
        err(f"{f}: host {r['host']} not in municipalities")
    if set(r.get("municipalities", [])) & set(r.get("municipalities_optional", [])):
        err(f"{f}: municipality both main and optional")
    for t in r.get("themes", []) + r.get("themes_optional", []):
        if t not in THEMES: err(f"{f}: invalid theme slug {t}")
    both = set(r.get("themes", [])) & set(r.get("themes_optional", []))
    if both: err(f"{f}: theme both main and optional: {sorted(both)}")
    forms = r.get("speaker_forms", {})
    if set(forms) != set(r.get("speakers", [])):
        err(f"{f}: speakers and speaker_forms keys differ: {sorted(set(forms) ^ set(r.get('speakers', [])))}")
    for name, fl in forms.items():
        if not fl: err(f"{f}: no forms for {name}")
        for form in fl:
            if form not in text: err(f"{f}: speaker form not verbatim in text: {form!r}")
        canon.setdefault(name, []).append(f)

qids = set()
valid_ids = {os.path.splitext(f)[0] for f in files}
for q in queries:
    qid = q.get("id")
    if qid in qids: err(f"duplicate query id {qid}")
    qids.add(qid)
    if not q.get("q"): err(f"{qid}: empty query")
    fl = q.get("filters", {})
    if not isinstance(fl, dict): err(f"{qid}: filters not an object"); fl = {}
    bad = set(fl) - FILTER_KEYS
    if bad: err(f"{qid}: unknown filter keys {sorted(bad)}")
    if "theme" in fl and fl["theme"] not in THEMES: err(f"{qid}: invalid theme filter")
    for k in ("from", "to"):
        if k in fl and not DATE.match(fl[k]): err(f"{qid}: bad {k} date")
    rel = q.get("relevant", {})
    for rid, grade in rel.items():
        if rid not in valid_ids: err(f"{qid}: relevant id {rid} is not an existing report")
        if grade not in (1, 2): err(f"{qid}: grade for {rid} must be 1 or 2")
    if "speaker" in fl:
        for rid in rel:
            g = next((r for r in gold if r["file"].startswith(rid + ".")), None)
            if g and fl["speaker"] not in g["speakers"]:
                err(f"{qid}: {rid} relevant but speaker filter not satisfied")

if errors:
    print("FAIL"); [print(" -", e) for e in errors]; sys.exit(1)
multi = {k: v for k, v in canon.items() if len(v) > 1}
print(f"OK: {len(gold)} reports, {len(queries)} queries; speakers in several reports: {multi}")
