#!/usr/bin/env python3
"""Validate gold.json and queries.json for the w13 report set."""
import json, os, sys
BASE = os.path.dirname(os.path.abspath(__file__))
REP = os.path.join(BASE, "reports")
SLUGS = {"binnenstad","regionale-samenwerking","economie-arbeidsmarkt","wonen-leefomgeving","demografie",
         "sociaal-domein","duurzaamheid-energie","mobiliteit","digitalisering","veiligheid",
         "onderwijs-cultuur","bestuur-financien"}
FKEYS = {"municipality","theme","from","to","speaker"}
KEYS = {"file","date","host","municipalities","municipalities_optional","speakers","speaker_forms",
        "themes","themes_optional","notes"}
errs = []
def err(m): errs.append(m)
try:
    gold = json.load(open(os.path.join(BASE, "gold.json"), encoding="utf-8"))
    queries = json.load(open(os.path.join(BASE, "queries.json"), encoding="utf-8"))
except Exception as e:
    print("JSON load failed:", e); sys.exit(1)
import re, datetime
files = set(); canon = {}
for g in gold:
    f = g.get("file")
    if set(g) != KEYS: err(f"{f}: keys {sorted(set(g) ^ KEYS)}")
    if f in files: err(f"duplicate file {f}")
    files.add(f)
    p = os.path.join(REP, f)
    if not os.path.exists(p): err(f"{f}: missing"); continue
    text = open(p, encoding="utf-8").read()
    n = len(text.split())
    if not 150 <= n <= 1200: err(f"{f}: {n} words")
    if g["date"] is not None:
        try: datetime.date.fromisoformat(g["date"])
        except Exception: err(f"{f}: bad date {g['date']}")
    if g["host"] and g["host"] not in g["municipalities"]: err(f"{f}: host not in municipalities")
    if set(g["municipalities"]) & set(g["municipalities_optional"]): err(f"{f}: municipality main+optional")
    if set(g["speakers"]) != set(g["speaker_forms"]): err(f"{f}: speakers != speaker_forms keys")
    for s, forms in g["speaker_forms"].items():
        if not forms: err(f"{f}: no forms for {s}")
        for form in forms:
            if form not in text: err(f"{f}: form not verbatim: {form!r}")
    for t in g["themes"] + g["themes_optional"]:
        if t not in SLUGS: err(f"{f}: bad theme {t}")
    if set(g["themes"]) & set(g["themes_optional"]): err(f"{f}: theme main+optional")
    if not g["themes"]: err(f"{f}: no main theme")
ids = set()
for q in queries:
    if q["id"] in ids: err(f"duplicate query id {q['id']}")
    ids.add(q["id"])
    for k in q.get("filters", {}):
        if k not in FKEYS: err(f"{q['id']}: bad filter key {k}")
    fl = q.get("filters", {})
    if "theme" in fl and fl["theme"] not in SLUGS: err(f"{q['id']}: bad theme filter")
    for k in ("from", "to"):
        if k in fl:
            try: datetime.date.fromisoformat(fl[k])
            except Exception: err(f"{q['id']}: bad {k}")
    for rid, v in q["relevant"].items():
        if rid + ".md" not in files: err(f"{q['id']}: unknown report {rid}")
        if v not in (1, 2): err(f"{q['id']}: bad grade {v}")
if len(queries) != 16: err(f"{len(queries)} queries, expected 16")
if len(gold) != 18: err(f"{len(gold)} gold entries, expected 18")
if errs:
    print("\n".join(errs)); sys.exit(1)
print(f"OK: {len(gold)} reports, {len(queries)} queries")
