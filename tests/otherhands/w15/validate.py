#!/usr/bin/env python3
import json, os, sys
B = os.path.dirname(os.path.abspath(__file__))
SLUGS = {"binnenstad","regionale-samenwerking","economie-arbeidsmarkt","wonen-leefomgeving","demografie","sociaal-domein",
         "duurzaamheid-energie","mobiliteit","digitalisering","veiligheid","onderwijs-cultuur","bestuur-financien"}
FKEYS = {"municipality","theme","from","to","speaker"}
errs = []
gold = json.load(open(os.path.join(B, "gold.json"), encoding="utf-8"))
queries = json.load(open(os.path.join(B, "queries.json"), encoding="utf-8"))
files = set()
import re
for g in gold:
    f = g["file"]; p = os.path.join(B, "reports", f)
    if f in files: errs.append(f"duplicate {f}")
    files.add(f)
    if not os.path.exists(p): errs.append(f"missing {f}"); continue
    text = open(p, encoding="utf-8").read()
    for k in ["date","host","municipalities","municipalities_optional","speakers","speaker_forms","themes","themes_optional","notes"]:
        if k not in g: errs.append(f"{f}: key {k} missing")
    if g["date"] is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", g["date"]): errs.append(f"{f}: bad date")
    for s in g["speakers"]:
        if s not in g["speaker_forms"]: errs.append(f"{f}: no forms for {s}")
    for s, forms in g["speaker_forms"].items():
        if s not in g["speakers"]: errs.append(f"{f}: forms for non-speaker {s}")
        for fm in forms:
            if fm not in text: errs.append(f"{f}: form '{fm}' not in text")
    for t in g["themes"] + g["themes_optional"]:
        if t not in SLUGS: errs.append(f"{f}: bad slug {t}")
    if set(g["themes"]) & set(g["themes_optional"]): errs.append(f"{f}: theme both main and optional")
    if set(g["municipalities"]) & set(g["municipalities_optional"]): errs.append(f"{f}: municipality both main and optional")
    if g["host"] and g["host"] not in g["municipalities"]: errs.append(f"{f}: host not in municipalities")
ids = set()
for q in queries:
    if q["id"] in ids: errs.append(f"duplicate query id {q['id']}")
    ids.add(q["id"])
    for k in q["filters"]:
        if k not in FKEYS: errs.append(f"{q['id']}: bad filter {k}")
    if "theme" in q["filters"] and q["filters"]["theme"] not in SLUGS: errs.append(f"{q['id']}: bad theme filter")
    for r, v in q["relevant"].items():
        if r + ".md" not in files: errs.append(f"{q['id']}: unknown report {r}")
        if v not in (1, 2): errs.append(f"{q['id']}: bad grade {v}")
for e in errs: print("ERROR", e)
print("OK" if not errs else f"{len(errs)} errors", f"({len(gold)} reports, {len(queries)} queries)")
sys.exit(1 if errs else 0)
