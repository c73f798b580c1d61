#!/usr/bin/env python3
"""Validate gold.json and queries.json for the w16 report set (standard library only)."""
import json, os, re, sys

BASE = os.path.dirname(os.path.abspath(__file__))
REP = os.path.join(BASE, "reports")
THEMES = {"binnenstad", "regionale-samenwerking", "economie-arbeidsmarkt", "wonen-leefomgeving",
          "demografie", "sociaal-domein", "duurzaamheid-energie", "mobiliteit", "digitalisering",
          "veiligheid", "onderwijs-cultuur", "bestuur-financien"}
FILTER_KEYS = {"municipality", "theme", "from", "to", "speaker"}
GOLD_KEYS = {"file", "date", "host", "municipalities", "municipalities_optional", "speakers",
             "speaker_forms", "themes", "themes_optional", "notes"}
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
all_munis = set()
all_speakers = set()
for g in gold:
    f = g.get("file")
    if set(g) != GOLD_KEYS:
        err(f"{f}: keys differ: missing {GOLD_KEYS-set(g)}, extra {set(g)-GOLD_KEYS}")
    if f in files: err(f"{f}: duplicate entry")
    files.add(f)
    path = os.path.join(REP, f or "")
    if not f or not os.path.isfile(path):
        err(f"{f}: report file missing"); continue
    text = open(path, encoding="utf-8").read()
    words = len(text.split())
    if not 150 <= words <= 1200: err(f"{f}: {words} words, outside 150-1200")
    d = g.get("date")
    if d is not None and not DATE.match(d): err(f"{f}: bad date {d}")
    if g.get("host") is not None and g["host"] not in g.get("municipalities", []):
        err(f"{f}: host {g['host']} not in municipalities")
    m, mo = set(g.get("municipalities", [])), set(g.get("municipalities_optional", []))
    if m & mo: err(f"{f}: municipality both main and optional: {m & mo}")
    all_munis |= m | mo
    sp, forms = g.get("speakers", []), g.get("speaker_forms", {})
    if set(sp) != set(forms): err(f"{f}: speakers and speaker_forms keys differ: {set(sp) ^ set(forms)}")
    for name, fl in forms.items():
        if not fl: err(f"{f}: no forms for {name}")
        for form in fl:
            if form not in text: err(f"{f}: speaker form not verbatim in text: {form!r}")
    all_speakers |= set(sp)
    t, to = set(g.get("themes", [])), set(g.get("themes_optional", []))
    for s in t | to:
        if s not in THEMES: err(f"{f}: invalid theme slug {s}")
    if t & to: err(f"{f}: theme both main and optional: {t & to}")

ids = set()
for q in queries:
    qid = q.get("id")
    if qid in ids: err(f"query id duplicate: {qid}")
    ids.add(qid)
    for k in ("id", "q", "filters", "relevant", "note"):
        if k not in q: err(f"{qid}: missing key {k}")
    fl = q.get("filters", {})
    bad = set(fl) - FILTER_KEYS
    if bad: err(f"{qid}: filter keys not allowed: {bad}")
    for k in ("from", "to"):
        if k in fl and not DATE.match(fl[k]): err(f"{qid}: bad {k} date {fl[k]}")
    if "theme" in fl and fl["theme"] not in THEMES: err(f"{qid}: bad theme filter {fl['theme']}")
    if "speaker" in fl and fl["speaker"] not in all_speakers: err(f"{qid}: speaker filter not a gold speaker")
    if "municipality" in fl and fl["municipality"] not in all_munis: err(f"{qid}: municipality filter unknown")
    for rid, v in q.get("relevant", {}).items():
        if rid + ".md" not in files: err(f"{qid}: relevant id {rid} is not an existing report")
        if v not in (1, 2): err(f"{qid}: relevance {v} for {rid} not 1 or 2")

if errors:
    print("\n".join(errors)); print(f"FAILED: {len(errors)} problem(s)"); sys.exit(1)
print(f"OK: {len(gold)} reports, {len(queries)} queries")
