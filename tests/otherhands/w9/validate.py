#!/usr/bin/env python3
import json, os, sys, re
D = os.path.dirname(os.path.abspath(__file__))
SLUGS = {"binnenstad","regionale-samenwerking","economie-arbeidsmarkt","wonen-leefomgeving","demografie",
         "sociaal-domein","duurzaamheid-energie","mobiliteit","digitalisering","veiligheid","onderwijs-cultuur","bestuur-financien"}
FKEYS = {"municipality","theme","from","to","speaker"}
err = []
gold = json.load(open(os.path.join(D, "gold.json"), encoding="utf-8"))
queries = json.load(open(os.path.join(D, "queries.json"), encoding="utf-8"))
files = set(); allspk = {}
datere = re.compile(r"^\d{4}-\d{2}-\d{2}$")
for g in gold:
    f = g["file"]; files.add(f[:-3])
    p = os.path.join(D, "reports", f)
    if not os.path.exists(p): err.append(f"{f}: missing"); continue
    txt = open(p, encoding="utf-8").read()
    n = len(txt.split())
    if not 150 <= n <= 1200: err.append(f"{f}: {n} words")
    for k in ["date","host","municipalities","municipalities_optional","speakers","speaker_forms","themes","themes_optional","notes"]:
        if k not in g: err.append(f"{f}: key {k} missing")
    if g["date"] is not None and not datere.match(g["date"]): err.append(f"{f}: bad date")
    if g["host"] and g["host"] not in g["municipalities"]: err.append(f"{f}: host not in municipalities")
    if set(g["municipalities"]) & set(g["municipalities_optional"]): err.append(f"{f}: municipality main+optional")
    for t in g["themes"] + g["themes_optional"]:
        if t not in SLUGS: err.append(f"{f}: bad theme {t}")
    if set(g["themes"]) & set(g["themes_optional"]): err.append(f"{f}: theme main+optional")
    if set(g["speakers"]) != set(g["speaker_forms"]): err.append(f"{f}: speakers != speaker_forms keys")
    for s, forms in g["speaker_forms"].items():
        allspk.setdefault(s, []).append(f)
        if not forms: err.append(f"{f}: no forms for {s}")
        for fm in forms:
            if fm not in txt: err.append(f"{f}: form '{fm}' not in text")
ids = [q["id"] for q in queries]
if len(ids) != len(set(ids)): err.append("duplicate query ids")
for q in queries:
    for k in q["filters"]:
        if k not in FKEYS: err.append(f"{q['id']}: bad filter key {k}")
    if q["filters"].get("theme") and q["filters"]["theme"] not in SLUGS: err.append(f"{q['id']}: bad theme filter")
    for k in ("from","to"):
        if k in q["filters"] and not datere.match(q["filters"][k]): err.append(f"{q['id']}: bad {k}")
    for r, v in q["relevant"].items():
        if r not in files: err.append(f"{q['id']}: unknown report {r}")
        if v not in (1, 2): err.append(f"{q['id']}: bad grade {v}")
if err:
    print("\n".join(err)); sys.exit(1)
print(f"OK: {len(gold)} reports, {len(queries)} queries, {len(allspk)} distinct speakers")
