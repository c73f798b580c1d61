#!/usr/bin/env python3
"""Validate gold.json and queries.json for the w12 report set (standard library only)."""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
REP = os.path.join(HERE, "reports")
SLUGS = {"binnenstad","regionale-samenwerking","economie-arbeidsmarkt","wonen-leefomgeving","demografie",
         "sociaal-domein","duurzaamheid-energie","mobiliteit","digitalisering","veiligheid","onderwijs-cultuur","bestuur-financien"}
FKEYS = {"municipality","theme","from","to","speaker"}
errs = []
def err(m): errs.append(m)
try:
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    queries = json.load(open(os.path.join(HERE, "queries.json"), encoding="utf-8"))
except Exception as e:
    print("JSON load failed:", e); sys.exit(1)
files = set()
for g in gold:
    f = g.get("file"); files.add(f)
    p = os.path.join(REP, f)
    if not os.path.isfile(p):
        err(f"{f}: file missing"); continue
    text = open(p, encoding="utf-8").read()
    n = len(text.split())
    if not 150 <= n <= 1200: err(f"{f}: {n} words")
    d = g.get("date")
    if d is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d): err(f"{f}: bad date {d}")
    for k in ("host","municipalities","municipalities_optional","speakers","speaker_forms","themes","themes_optional","notes"):
        if k not in g: err(f"{f}: missing key {k}")
    if g.get("host") and g["host"] not in g["municipalities"]: err(f"{f}: host not in municipalities")
    if set(g["municipalities"]) & set(g["municipalities_optional"]): err(f"{f}: municipality both main and optional")
    for s in g["speakers"]:
        if s not in g["speaker_forms"]: err(f"{f}: speaker {s} has no forms")
    for s, forms in g["speaker_forms"].items():
        if s not in g["speakers"]: err(f"{f}: forms for non-speaker {s}")
        for form in forms:
            if form not in text: err(f"{f}: form {form!r} of {s} not in text")
    for t in g["themes"] + g["themes_optional"]:
        if t not in SLUGS: err(f"{f}: bad theme {t}")
    if set(g["themes"]) & set(g["themes_optional"]): err(f"{f}: theme both main and optional")
if len(files) != len(gold): err("duplicate files in gold")
allspeakers = {s for g in gold for s in g["speakers"]}
ids = [q["id"] for q in queries]
if len(ids) != len(set(ids)): err("duplicate query ids")
for q in queries:
    for k in q.get("filters", {}):
        if k not in FKEYS: err(f"{q['id']}: bad filter key {k}")
    fl = q.get("filters", {})
    if "theme" in fl and fl["theme"] not in SLUGS: err(f"{q['id']}: bad theme filter")
    if "speaker" in fl and fl["speaker"] not in allspeakers: err(f"{q['id']}: unknown speaker filter")
    for k in ("from","to"):
        if k in fl and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fl[k]): err(f"{q['id']}: bad {k}")
    for r, v in q["relevant"].items():
        if r + ".md" not in files: err(f"{q['id']}: unknown report {r}")
        if v not in (1, 2): err(f"{q['id']}: bad grade {v}")
if errs:
    print("\n".join(errs)); print(f"FAILED: {len(errs)} problem(s)"); sys.exit(1)
print(f"OK: {len(gold)} reports, {len(queries)} queries")
