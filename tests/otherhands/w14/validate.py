#!/usr/bin/env python3
import json, os, sys
D=os.path.dirname(os.path.abspath(__file__))
SLUGS={"binnenstad","regionale-samenwerking","economie-arbeidsmarkt","wonen-leefomgeving","demografie","sociaal-domein",
"duurzaamheid-energie","mobiliteit","digitalisering","veiligheid","onderwijs-cultuur","bestuur-financien"}
FK={"municipality","theme","from","to","speaker"}
err=[]
gold=json.load(open(os.path.join(D,"gold.json"),encoding="utf-8"))
queries=json.load(open(os.path.join(D,"queries.json"),encoding="utf-8"))
ids=set(); canon={}
import re, datetime
for g in gold:
    f=g["file"]; p=os.path.join(D,"reports",f)
    if not os.path.exists(p): err.append(f"{f}: missing"); continue
    txt=open(p,encoding="utf-8").read(); ids.add(f[:-3])
    w=len(txt.split())
    if not 150<=w<=1200: err.append(f"{f}: {w} words")
    if g["date"] is not None:
        try: datetime.date.fromisoformat(g["date"])
        except Exception: err.append(f"{f}: bad date")
    for k in ["host","municipalities","municipalities_optional","speakers","speaker_forms","themes","themes_optional","notes"]:
        if k not in g: err.append(f"{f}: missing key {k}")
    if g["host"] and g["host"] not in g["municipalities"]: err.append(f"{f}: host not in municipalities")
    if set(g["municipalities"])&set(g["municipalities_optional"]): err.append(f"{f}: municipality both main and optional")
    if set(g["speakers"])!=set(g["speaker_forms"]): err.append(f"{f}: speakers != speaker_forms keys")
    for s,forms in g["speaker_forms"].items():
        if not forms: err.append(f"{f}: {s} no forms")
        for fm in forms:
            if fm not in txt: err.append(f"{f}: form not verbatim: {fm!r}")
    for t in g["themes"]+g["themes_optional"]:
        if t not in SLUGS: err.append(f"{f}: bad slug {t}")
    if set(g["themes"])&set(g["themes_optional"]): err.append(f"{f}: theme both main and optional")
    if not g["themes"]: err.append(f"{f}: no main theme")
qids=[q["id"] for q in queries]
if len(qids)!=len(set(qids)): err.append("duplicate query ids")
for q in queries:
    for k in q["filters"]:
        if k not in FK: err.append(f"{q['id']}: bad filter key {k}")
    if "theme" in q["filters"] and q["filters"]["theme"] not in SLUGS: err.append(f"{q['id']}: bad theme filter")
    for r,v in q["relevant"].items():
        if r not in ids: err.append(f"{q['id']}: unknown report {r}")
        if v not in (1,2): err.append(f"{q['id']}: bad grade {v}")
G={g["file"][:-3]:g for g in gold}
for q in queries:
    fl=q["filters"]
    for r in q["relevant"]:
        g=G.get(r)
        if not g: continue
        if "municipality" in fl and fl["municipality"] not in g["municipalities"]+g["municipalities_optional"]: err.append(f"{q['id']}: {r} fails municipality filter")
        if "theme" in fl and fl["theme"] not in g["themes"]+g["themes_optional"]: err.append(f"{q['id']}: {r} fails theme filter")
        if "speaker" in fl and fl["speaker"] not in g["speakers"]: err.append(f"{q['id']}: {r} fails speaker filter")
        if g["date"] and "from" in fl and g["date"]<fl["from"]: err.append(f"{q['id']}: {r} before from")
        if g["date"] and "to" in fl and g["date"]>fl["to"]: err.append(f"{q['id']}: {r} after to")
for e in err: print("ERROR",e)
print("OK" if not err else f"{len(err)} errors", f"({len(gold)} reports, {len(queries)} queries)")
sys.exit(1 if err else 0)
