#!/usr/bin/env python3
"""Check gold.json and queries.json of set w7 (standard library only)."""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REP = os.path.join(HERE, "reports")
THEMES = {"binnenstad", "regionale-samenwerking", "economie-arbeidsmarkt", "wonen-leefomgeving",
          "demografie", "sociaal-domein", "duurzaamheid-energie", "mobiliteit", "digitalisering",
          "veiligheid", "onderwijs-cultuur", "bestuur-financien"}
FILTER_KEYS = {"municipality", "theme", "from", "to", "speaker"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
errors = []

def err(msg):
    errors.append(msg)

try:
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
except Exception as e:
    print("gold.json does not load:", e); sys.exit(1)
try:
    queries = json.load(open(os.path.join(HERE, "queries.json"), encoding="utf-8"))
except Exception as e:
    print("queries.json does not load:", e); sys.exit(1)

if not isinstance(gold, list):
    err("gold.json is not a list")
files = set()
speaker_owner = {}
all_speakers = set()
for g in gold:
    f = g.get("file")
    for key in ("file", "date", "host", "municipalities", "municipalities_optional", "speakers",
                "speaker_forms", "themes", "themes_optional", "notes"):
        if key not in g:
            err(f"{f}: missing key {key}")
    if f in files:
        err(f"{f}: duplicate entry")
    files.add(f)
    path = os.path.join(REP, f)
    if not os.path.isfile(path):
        err(f"{f}: report file missing"); continue
    text = open(path, encoding="utf-8").read()
    d = g.get("date")
    if d is not None and not DATE.match(d):
        err(f"{f}: bad date {d}")
    muni = g.get("municipalities", [])
    mopt = g.get("municipalities_optional", [])
    if g.get("host") is not None and g["host"] not in muni:
        err(f"{f}: host {g['host']} not in municipalities")
    if set(muni) & set(mopt):
        err(f"{f}: municipality both main and optional: {set(muni) & set(mopt)}")
    if len(set(muni)) != len(muni):
        err(f"{f}: duplicate municipalities")
    sp = g.get("speakers", [])
    forms = g.get("speaker_forms", {})
    if set(sp) != set(forms):
        err(f"{f}: speakers and speaker_forms keys differ: {set(sp) ^ set(forms)}")
    for name, fl in forms.items():
        if not fl:
            err(f"{f}: no forms for {name}")
        for form in fl:
            if form not in text:
                err(f"{f}: form {form!r} of {name} not found verbatim")
        all_speakers.add(name)
    th, to = g.get("themes", []), g.get("themes_optional", [])
    for t in th + to:
        if t not in THEMES:
            err(f"{f}: invalid theme slug {t}")
    if set(th) & set(to):
        err(f"{f}: theme both main and optional: {set(th) & set(to)}")
    if not th:
        err(f"{f}: no main theme")

# surnames shared by different canonical names (informational consistency check)
by_surname = {}
for n in all_speakers:
    by_surname.setdefault(n.split()[-1].lower(), set()).add(n)

reports_on_disk = {x for x in os.listdir(REP) if x.endswith(".md")}
if reports_on_disk != files:
    err(f"reports on disk and gold differ: {reports_on_disk ^ files}")
ids = [os.path.splitext(x)[0] for x in files]

qids = set()
for q in queries:
    qid = q.get("id")
    for key in ("id", "q", "filters", "relevant", "note"):
        if key not in q:
            err(f"{qid}: missing key {key}")
    if qid in qids:
        err(f"duplicate query id {qid}")
    qids.add(qid)
    fl = q.get("filters", {})
    if not isinstance(fl, dict):
        err(f"{qid}: filters not an object")
    else:
        for k, v in fl.items():
            if k not in FILTER_KEYS:
                err(f"{qid}: bad filter key {k}")
            if k == "theme" and v not in THEMES:
                err(f"{qid}: bad theme filter {v}")
            if k in ("from", "to") and not DATE.match(v):
                err(f"{qid}: bad date filter {v}")
            if k == "speaker" and v not in all_speakers:
                err(f"{qid}: speaker filter {v} is no canonical speaker")
    for r, grade in q.get("relevant", {}).items():
        if r not in ids:
            err(f"{qid}: relevant id {r} is no report")
        if grade not in (1, 2):
            err(f"{qid}: grade {grade} for {r} not 1 or 2")

if errors:
    print("FAIL")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print(f"OK: {len(gold)} reports, {len(queries)} queries, {len(all_speakers)} canonical speakers")
