"""Consistency check for set w1: JSON shape, files, speaker forms present in text,
one canonical name per person across the set, query judgements cover existing reports."""
import json, os, re, sys
from collections import defaultdict
here = os.path.dirname(os.path.abspath(__file__))
gold = json.load(open(os.path.join(here, 'gold.json')))
queries = json.load(open(os.path.join(here, 'queries.json')))
SLUGS = {"binnenstad","regionale-samenwerking","economie-arbeidsmarkt","wonen-leefomgeving","demografie",
         "sociaal-domein","duurzaamheid-energie","mobiliteit","digitalisering","veiligheid","onderwijs-cultuur","bestuur-financien"}
err = []
ids = set()
for g in gold:
    p = os.path.join(here, 'reports', g['file'])
    if not os.path.exists(p): err.append('missing ' + p); continue
    ids.add(g['file'][:-3])
    t = open(p, encoding='utf-8').read()
    n = len(t.split())
    if not 250 <= n <= 1500: err.append(f"{g['file']}: {n} words")
    if g['date'] and not re.fullmatch(r'\d{4}-\d\d-\d\d', g['date']): err.append(g['file'] + ' date')
    for k in ('themes', 'themes_optional'):
        for s in g[k]:
            if s not in SLUGS: err.append(f"{g['file']}: bad slug {s}")
    if set(g['themes']) & set(g['themes_optional']): err.append(g['file'] + ' theme overlap')
    if set(g['municipalities']) & set(g['municipalities_optional']): err.append(g['file'] + ' muni overlap')
    if g['host'] and g['host'] not in g['municipalities']: err.append(g['file'] + ' host not in municipalities')
    if set(g['speakers']) != set(g['speaker_forms']): err.append(g['file'] + ' speakers/forms mismatch')
    for sp, forms in g['speaker_forms'].items():
        for f in forms:
            if f not in t: err.append(f"{g['file']}: form not in text: {f!r}")
# one canonical name per surname-ish key across the set
canon = defaultdict(set)
for g in gold:
    for sp in g['speakers']:
        canon[sp.split()[-1].lower()].add(sp)
for k, v in canon.items():
    if len(v) > 1: print('note: several canonical names share a last word:', k, sorted(v))
for q in queries:
    for r in q['relevant']:
        if r not in ids: err.append(f"{q['id']}: unknown report {r}")
    f = q['filters']
    if 'speaker' in f:
        for r in q['relevant']:
            g = next(x for x in gold if x['file'] == r + '.md')
            if f['speaker'] not in g['speakers']: err.append(f"{q['id']}: {r} lacks speaker")
    if 'municipality' in f:
        for r in q['relevant']:
            g = next(x for x in gold if x['file'] == r + '.md')
            if f['municipality'] not in g['municipalities']: err.append(f"{q['id']}: {r} lacks municipality")
    if 'theme' in f:
        for r in q['relevant']:
            g = next(x for x in gold if x['file'] == r + '.md')
            if f['theme'] not in g['themes'] + g['themes_optional']: err.append(f"{q['id']}: {r} lacks theme")
    if 'from' in f:
        for r in q['relevant']:
            g = next(x for x in gold if x['file'] == r + '.md')
            if not (f['from'] <= (g['date'] or '') <= f['to']): err.append(f"{q['id']}: {r} out of date range")
print('\n'.join(err) or 'all checks passed', f'({len(gold)} reports, {len(queries)} queries)')
sys.exit(1 if err else 0)
