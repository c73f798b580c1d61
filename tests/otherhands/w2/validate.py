"""Writer's consistency check for set w2: JSON parses, every file exists,
speaker forms occur literally, slugs valid, queries judge only existing ids."""
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
SLUGS = {"binnenstad", "regionale-samenwerking", "economie-arbeidsmarkt", "wonen-leefomgeving",
         "demografie", "sociaal-domein", "duurzaamheid-energie", "mobiliteit", "digitalisering",
         "veiligheid", "onderwijs-cultuur", "bestuur-financien"}
gold = json.load(open(os.path.join(here, "gold.json"), encoding="utf-8"))
queries = json.load(open(os.path.join(here, "queries.json"), encoding="utf-8"))
errors = []
ids = set()
for g in gold:
    p = os.path.join(here, "reports", g["file"])
    if not os.path.exists(p):
        errors.append(f"missing {p}"); continue
    ids.add(g["file"][:-3])
    text = open(p, encoding="utf-8").read()
    for s in g["speakers"]:
        if s not in g["speaker_forms"]:
            errors.append(f"{g['file']}: no forms for {s}")
    for s, forms in g["speaker_forms"].items():
        if s not in g["speakers"]:
            errors.append(f"{g['file']}: forms for non-speaker {s}")
        for f in forms:
            if f not in text:
                errors.append(f"{g['file']}: form {f!r} not in text")
    for t in g["themes"] + g["themes_optional"]:
        if t not in SLUGS:
            errors.append(f"{g['file']}: bad slug {t}")
    if set(g["themes"]) & set(g["themes_optional"]) or set(g["municipalities"]) & set(g["municipalities_optional"]):
        errors.append(f"{g['file']}: overlap between required and optional")
    if g["host"] is not None and g["host"] not in g["municipalities"]:
        errors.append(f"{g['file']}: host not among municipalities")
if len(queries) != 16:
    errors.append("expected 16 queries")
for q in queries:
    for rid, grade in q["relevant"].items():
        if rid not in ids or grade not in (1, 2):
            errors.append(f"{q['id']}: bad judgement {rid}={grade}")
print("\n".join(errors) or f"ok: {len(gold)} reports, {len(queries)} queries")
sys.exit(1 if errors else 0)
