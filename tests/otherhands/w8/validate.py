#!/usr/bin/env python3
import json, os, re, sys
D=os.path.dirname(os.path.abspath(__file__))
SLUGS={"binnenstad","regionale-samenwerking","economie-arbeidsmarkt","wonen-leefomgeving","demografie","sociaal-domein","duurzaamheid-energie","mobiliteit","digitalisering","veiligheid","onderwijs-cultuur","bestuur-financien"}
FKEYS={"municipality","theme","from","to","speaker"}
err=[]
gold=json.load(open(os.path.join(D,"gold.json"),encoding="utf-8"))
files=set()
canon={}
for r in gold:
    f=r["file"]; files.add(f[:-3])
    p=os.path.join(D,"reports",f)
    if not os.path.exists(p): err.append(f"missing {f}"); continue
    t=open(p,encoding="utf-8").read()
    n=len(t.split())
    if not 150<=n<=1200: err.append(f"{f}: {n} words")
    if r["date"] is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d",r["date"]): err.append(f"{f}: bad date")
    if set(r["speakers"])!=set(r["speaker_forms"]): err.append(f"{f}: speakers vs forms mismatch")
    for s,fs in r["speaker_forms"].items():
        if not fs: err.append(f"{f}: no forms for {s}")
        for x in fs:
            if x not in t: err.append(f"{f}: form not verbatim: {x!r}")
    for th in r["themes"]+r["themes_optional"]:
        if th not in SLUGS: err.append(f"{f}: bad slug {th}")
    if set(r["themes"])&set(r["themes_optional"]): err.append(f"{f}: theme both main and optional")
    if set(r["municipalities"])&set(r["municipalities_optional"]): err.append(f"{f}: muni both main and optional")
    if r["host"] and r["host"] not in r["municipalities"]: err.append(f"{f}: host not in municipalities")
q=json.load(open(os.path.join(D,"queries.json"),encoding="utf-8"))
ids=[x["id"] for x in q]
if len(ids)!=len(set(ids)): err.append("duplicate query ids")
for x in q:
    for k,v in x["filters"].items():
        if k not in FKEYS: err.append(f"{x['id']}: bad filter key {k}")
        if k=="theme" and v not in SLUGS: err.append(f"{x['id']}: bad theme filter")
        if k in("from","to") and not re.fullmatch(r"\d{4}-\d\d-\d\d",v): err.append(f"{x['id']}: bad date filter")
    for z,g in x["relevant"].items():
        if z not in files: err.append(f"{x['id']}: unknown report {z}")
        if g not in (1,2): err.append(f"{x['id']}: bad grade")
print("\n".join(err) if err else f"OK: {len(gold)} reports, {len(q)} queries")
sys.exit(1 if err else 0)
