#!/usr/bin/env python3
"""Consistency check for set w3: JSON parses, files exist, speaker forms occur
verbatim in their report, theme slugs are valid, query ids and filters refer
to existing reports, speakers, municipalities and themes."""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
THEMES = {"binnenstad", "regionale-samenwerking", "economie-arbeidsmarkt",
          "wonen-leefomgeving", "demografie", "sociaal-domein",
          "duurzaamheid-energie", "mobiliteit", "digitalisering", "veiligheid",
          "onderwijs-cultuur", "bestuur-financien"}
KEYS = {"file", "date", "host", "municipalities", "municipalities_optional",
        "speakers", "speaker_forms", "themes", "themes_optional", "notes"}
FILTER_KEYS = {"municipality", "theme", "speaker", "date_from", "date_to"}
errors = []

def err(msg):
    errors.append(msg)

def load(name):
    try:
        with open(os.path.join(HERE, name), encoding="utf-8") as fh:
            return json.load(fh)
    except Exception as exc:  # noqa: BLE001
        err(f"{name}: does not parse: {exc}")
        return None

gold = load("gold.json") or []
queries = load("queries.json") or []

for name in ("README.md", "validate.py"):
    if not os.path.exists(os.path.join(HERE, name)):
        err(f"missing {name}")

ids, all_speakers, all_muns = set(), set(), set()
date_re = re.compile(r"^\d{4}-\d{2}-\d{2}$")
report_files = sorted(f for f in os.listdir(os.path.join(HERE, "reports")) if f.endswith(".md"))
for g in gold:
    f = g.get("file", "?")
    if set(g) != KEYS:
        err(f"{f}: keys {sorted(set(g) ^ KEYS)} differ")
    path = os.path.join(HERE, "reports", f)
    if not os.path.exists(path):
        err(f"{f}: report file missing")
        continue
    text = open(path, encoding="utf-8").read()
    ids.add(f[:-3])
    if g["date"] is not None and not date_re.match(g["date"]):
        err(f"{f}: bad date {g['date']}")
    if set(g["speakers"]) != set(g["speaker_forms"]):
        err(f"{f}: speakers and speaker_forms keys differ")
    for sp, forms in g["speaker_forms"].items():
        all_speakers.add(sp)
        if not forms:
            err(f"{f}: no forms for {sp}")
        for form in forms:
            if form not in text:
                err(f"{f}: form {form!r} of {sp} not in text")
    for t in g["themes"] + g["themes_optional"]:
        if t not in THEMES:
            err(f"{f}: invalid theme slug {t}")
    if set(g["themes"]) & set(g["themes_optional"]):
        err(f"{f}: theme both main and optional")
    if set(g["municipalities"]) & set(g["municipalities_optional"]):
        err(f"{f}: municipality both main and optional")
    if g["host"] is not None and g["host"] not in g["municipalities"]:
        err(f"{f}: host {g['host']} not among municipalities")
    all_muns.update(g["municipalities"])
    words = len(text.split())
    if not 150 <= words <= 1500:
        err(f"{f}: {words} words")

if sorted(g["file"] for g in gold) != report_files:
    err("gold files and reports/ differ")

if len(queries) != 16:
    err(f"{len(queries)} queries, expected 16")
seen = set()
for q in queries:
    qid = q.get("id")
    if qid in seen:
        err(f"duplicate query id {qid}")
    seen.add(qid)
    if set(q) != {"id", "q", "filters", "relevant", "note"}:
        err(f"{qid}: wrong keys")
    for k, v in q["filters"].items():
        if k not in FILTER_KEYS:
            err(f"{qid}: unknown filter {k}")
        elif k == "theme" and v not in THEMES:
            err(f"{qid}: unknown theme {v}")
        elif k == "speaker" and v not in all_speakers:
            err(f"{qid}: unknown speaker {v}")
        elif k == "municipality" and v not in all_muns:
            err(f"{qid}: unknown municipality {v}")
        elif k.startswith("date") and not date_re.match(v):
            err(f"{qid}: bad date {v}")
    if not q["relevant"]:
        err(f"{qid}: no relevant reports")
    for rid, grade in q["relevant"].items():
        if rid not in ids:
            err(f"{qid}: unknown report id {rid}")
        if grade not in (1, 2):
            err(f"{qid}: grade {grade}")

# relevant reports must pass the query's filters (judged on the gold)
by_id = {g["file"][:-3]: g for g in gold}
for q in queries:
    f = q["filters"]
    for rid in q["relevant"]:
        g = by_id.get(rid)
        if g is None:
            continue
        if "theme" in f and f["theme"] not in g["themes"] + g["themes_optional"]:
            err(f"{q['id']}: {rid} lacks theme {f['theme']}")
        if "municipality" in f and f["municipality"] not in g["municipalities"]:
            err(f"{q['id']}: {rid} lacks municipality {f['municipality']}")
        if "speaker" in f and f["speaker"] not in g["speakers"]:
            err(f"{q['id']}: {rid} lacks speaker {f['speaker']}")
        if "date_from" in f and (g["date"] is None or g["date"] < f["date_from"]):
            err(f"{q['id']}: {rid} before date_from")
        if "date_to" in f and (g["date"] is None or g["date"] > f["date_to"]):
            err(f"{q['id']}: {rid} after date_to")

if errors:
    print("\n".join(errors))
    sys.exit(1)
print(f"OK: {len(gold)} reports, {len(queries)} queries, {len(all_speakers)} canonical speakers")
