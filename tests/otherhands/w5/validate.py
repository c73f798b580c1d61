#!/usr/bin/env python3
"""Consistency check for set w5: gold.json, queries.json and reports/."""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
THEMES = {"binnenstad", "regionale-samenwerking", "economie-arbeidsmarkt",
          "wonen-leefomgeving", "demografie", "sociaal-domein",
          "duurzaamheid-energie", "mobiliteit", "digitalisering",
          "veiligheid", "onderwijs-cultuur", "bestuur-financien"}
errors = []

def err(msg):
    errors.append(msg)

def load(name):
    try:
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            return json.load(f)
    except Exception as e:
        err(f"{name}: does not parse: {e}")
        return None

gold = load("gold.json")
queries = load("queries.json")
reports = sorted(f for f in os.listdir(os.path.join(HERE, "reports")) if f.endswith(".md"))
ids = set()

if gold is not None:
    seen = set()
    for g in gold:
        f = g.get("file")
        if f in seen:
            err(f"gold: {f} twice")
        seen.add(f)
        path = os.path.join(HERE, "reports", f or "")
        if not f or not os.path.isfile(path):
            err(f"gold: file {f} does not exist")
            continue
        ids.add(f[:-3])
        text = open(path, encoding="utf-8").read()
        for k in ("date", "host", "municipalities", "municipalities_optional", "speakers",
                  "speaker_forms", "themes", "themes_optional", "notes"):
            if k not in g:
                err(f"{f}: key {k} missing")
        d = g.get("date")
        if d is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
            err(f"{f}: bad date {d}")
        if g.get("host") and g["host"] not in g.get("municipalities", []):
            err(f"{f}: host {g['host']} not in municipalities")
        both = set(g.get("municipalities", [])) & set(g.get("municipalities_optional", []))
        if both:
            err(f"{f}: municipalities both main and optional: {both}")
        for t in g.get("themes", []) + g.get("themes_optional", []):
            if t not in THEMES:
                err(f"{f}: unknown theme {t}")
        if set(g.get("themes", [])) & set(g.get("themes_optional", [])):
            err(f"{f}: theme both main and optional")
        forms = g.get("speaker_forms", {})
        for s in g.get("speakers", []):
            if s not in forms or not forms[s]:
                err(f"{f}: speaker {s} has no speaker_forms entry")
                continue
            for form in forms[s]:
                if form not in text:
                    err(f"{f}: form '{form}' of {s} not in text")
        for s in forms:
            if s not in g.get("speakers", []):
                err(f"{f}: speaker_forms has {s} who is not in speakers")
    for r in reports:
        if r not in seen:
            err(f"report {r} has no gold entry")

if queries is not None:
    qids = set()
    for q in queries:
        qid = q.get("id")
        if qid in qids:
            err(f"query {qid} twice")
        qids.add(qid)
        if not q.get("q"):
            err(f"{qid}: empty q")
        flt = q.get("filters", {})
        for k in flt:
            if k not in ("municipality", "theme", "from", "to", "speaker"):
                err(f"{qid}: unknown filter {k}")
        if "theme" in flt and flt["theme"] not in THEMES:
            err(f"{qid}: unknown theme filter {flt['theme']}")
        rel = q.get("relevant", {})
        if not rel:
            err(f"{qid}: no relevant reports")
        for rid, grade in rel.items():
            if rid not in ids:
                err(f"{qid}: relevant id {rid} does not exist")
            if grade not in (1, 2):
                err(f"{qid}: grade {grade} for {rid}")
    if len(queries) != 16:
        err(f"queries.json has {len(queries)} queries, expected 16")

# all canonical speaker names must be unique persons across the set
if gold is not None:
    print(f"{len(gold)} gold entries, {len(reports)} reports, "
          f"{len(queries) if queries else 0} queries, "
          f"{len({s for g in gold for s in g.get('speakers', [])})} distinct speakers")
if errors:
    print("FAIL")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print("OK")
