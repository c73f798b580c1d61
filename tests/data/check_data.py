#!/usr/bin/env python3
"""Sanity checks for the plain-text files in data/ (see data/README.md).

Run: python3 tests/data/check_data.py [DATA_DIR]
Prints one line per problem as `file:line: what is wrong` and a closing
'N passed, N failed' line; exits non-zero on any failure.
"""
import os
import re
import sys
import unicodedata

PROVINCES = {
    "Groningen": 10, "Friesland": 18, "Drenthe": 12, "Overijssel": 25,
    "Flevoland": 6, "Gelderland": 51, "Utrecht": 26, "Noord-Holland": 44,
    "Zuid-Holland": 50, "Zeeland": 13, "Noord-Brabant": 56, "Limburg": 31,
}
THEMES = ["binnenstad", "regionale-samenwerking", "economie-arbeidsmarkt",
          "wonen-leefomgeving", "demografie", "sociaal-domein",
          "duurzaamheid-energie", "mobiliteit", "digitalisering", "veiligheid",
          "onderwijs-cultuur", "bestuur-financien"]
FLAGS = {"ambiguous", "seat"}
PLACE_FLAGS = {"ambiguous", "shared"}

errors = []


def err(path, n, msg):
    errors.append(f"{os.path.basename(path)}:{n}: {msg}")


def fold(s):
    """Lookup key: case, accents, hyphens and apostrophes ignored."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['\u2019\-]", " ", s)
    return " ".join(s.split())


def strict_fold(s):
    """Harder key: also drops dots and parentheses, to catch near-duplicates."""
    return " ".join(re.sub(r"[().,/]", " ", fold(s)).split())


def rows(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.endswith("\r"):
                err(path, n, "CR line ending")
            if not line.strip() or line.startswith("#"):
                continue
            if line != line.strip():
                err(path, n, "leading or trailing whitespace")
            yield n, line.split("\t")


def check_gemeenten(path):
    seen = {}        # fold(name or alias) -> (line, text)
    strict = {}      # strict_fold(...) -> line
    names = {}
    successors = []
    current = {p: 0 for p in PROVINCES}
    for n, cols in rows(path):
        if not 2 <= len(cols) <= 6:
            err(path, n, f"{len(cols)} columns, want 2 to 6")
            continue
        cols += [""] * (6 - len(cols))
        name, prov, ended, succ, aliases, flags = cols
        if not name or name != name.strip():
            err(path, n, "empty or padded name")
        if prov not in PROVINCES:
            err(path, n, f"unknown province {prov!r}")
        if ended:
            if not re.fullmatch(r"(19|20)\d\d", ended):
                err(path, n, f"bad year {ended!r}")
            if not succ:
                err(path, n, "ended without successor")
            else:
                successors.append((n, name, succ))
        else:
            if succ:
                err(path, n, "successor without ended")
            if prov in current:
                current[prov] += 1
        for flag in filter(None, (f.strip() for f in flags.split(";"))):
            if flag not in FLAGS:
                err(path, n, f"unknown flag {flag!r}")
        names[name] = (n, ended)
        keys = [name] + [a.strip() for a in aliases.split(";") if aliases]
        for k in keys:
            if not k:
                err(path, n, "empty alias")
                continue
            for table, key in ((seen, fold(k)), (strict, strict_fold(k))):
                other = table.get(key)
                if other is not None and other != n:
                    err(path, n, f"{k!r} collides with line {other}")
                    break
                table[key] = n
    for n, name, succ in successors:
        if succ not in names:
            err(path, n, f"successor {succ!r} of {name!r} is not a name in the file")
        elif succ == name:
            err(path, n, "successor is itself")
    # every chain of successors must end in a current municipality
    for n, name, _ in successors:
        cur, hops = name, 0
        while names.get(cur, (0, ""))[1] and hops < 10:
            cur = next(s for (_, nm, s) in successors if nm == cur)
            hops += 1
        if names.get(cur, (0, "x"))[1]:
            err(path, n, f"successor chain of {name!r} does not end in a current municipality")
    total = sum(current.values())
    if total != 342:
        err(path, 0, f"{total} current municipalities, want 342")
    for p, want in PROVINCES.items():
        if current[p] != want:
            err(path, 0, f"{p}: {current[p]} current municipalities, want {want}")
    return current, len(successors)


def check_themes(path):
    slugs = []
    for n, cols in rows(path):
        if len(cols) != 3:
            err(path, n, f"{len(cols)} columns, want 3")
            continue
        slug, label, kws = cols
        slugs.append(slug)
        if not label:
            err(path, n, "empty label")
        words = kws.split(",")
        if not 15 <= len(words) <= 40:
            err(path, n, f"{len(words)} keywords, want 15 to 40")
        for w in words:
            if not w or w != w.strip():
                err(path, n, f"empty or padded keyword {w!r}")
            if bad_star(w):
                err(path, n, f"'*' only at the start or the end of one word: {w!r}")
        if len({w.lower() for w in words}) != len(words):
            err(path, n, "duplicate keyword")
    if slugs != THEMES:
        err(path, 0, f"slugs {slugs} differ from the twelve expected")


def bad_star(w):
    """A descriptor's '*' marks: a trailing one, or a leading one on a single
    word (a compound's head), always next to a letter or digit."""
    core = w[1:] if w.startswith("*") else w
    core = core[:-1] if core.endswith("*") else core
    return ("*" in core or not core or (w.startswith("*") and (w.endswith("*") or " " in w))
            or not core[0].isalnum() or not core[-1].isalnum())


def check_theme_terms(path, themes_path):
    """theme_terms.tsv: slug, weight, descriptors; no descriptor twice for a
    theme, here or among the theme's own words in themes.tsv."""
    seen = {slug: {w.lower() for w in kws.split(",")}
            for _, (slug, _, kws) in rows(themes_path)}
    count = 0
    for n, cols in rows(path):
        if len(cols) != 3:
            err(path, n, f"{len(cols)} columns, want 3")
            continue
        slug, weight, terms = cols
        if slug not in seen:
            err(path, n, f"unknown theme {slug!r}")
            continue
        try:
            if not 0 < float(weight) <= 10:
                raise ValueError
        except ValueError:
            err(path, n, f"weight {weight!r} not a number in (0, 10]")
        for w in terms.split(","):
            count += 1
            if not w or w != w.strip() or bad_star(w):
                err(path, n, f"malformed descriptor {w!r}")
            elif w.lower() in seen[slug]:
                err(path, n, f"{w!r} given twice for {slug}")
            seen[slug].add(w.lower())
    if count < 12 * 20:
        err(path, 0, f"{count} descriptors, want at least 20 a theme")


def check_synonyms(path):
    seen = {}
    count = 0
    for n, cols in rows(path):
        count += 1
        if len(cols) != 2:
            err(path, n, f"{len(cols)} columns, want 2")
            continue
        term, syns = cols
        words = [term] + [s.strip() for s in syns.split(";")]
        for w in words:
            if not w:
                err(path, n, "empty synonym")
                continue
            k = fold(w)
            if k in seen and seen[k] != n:
                err(path, n, f"{w!r} also on line {seen[k]}")
            seen[k] = n
    if not 300 <= count <= 2000:
        err(path, 0, f"{count} lines, want 300 to 2000 (a glossary of the domain)")


def check_woonplaatsen(path, gemeenten):
    """Places: a current municipality each, `since` a year, `former` a
    municipality that ended in `since`, known flags; shared names flagged."""
    current = {n for n, ended in gemeenten.items() if not ended}
    names = {}
    count = 0
    for n, cols in rows(path):
        count += 1
        if len(cols) < 2 or len(cols) > 5:
            err(path, n, f"{len(cols)} columns, want 2 to 5")
            continue
        cols += [""] * (5 - len(cols))
        name, muni, since, former, flags = cols
        if muni not in current:
            err(path, n, f"{muni!r} is no current municipality")
        if since and not re.fullmatch(r"(19|20)\d\d", since):
            err(path, n, f"since {since!r} is no year")
        if former and (former not in gemeenten or str(gemeenten[former]) != since):
            err(path, n, f"former {former!r} did not end in {since}")
        for f in filter(None, flags.split(",")):
            if f not in PLACE_FLAGS:
                err(path, n, f"unknown flag {f!r}")
        names.setdefault(fold(name), []).append((n, muni, "shared" in flags.split(",")))
    for rows_ in names.values():
        if len({m for _, m, _ in rows_}) > 1 and not all(s for _, _, s in rows_):
            err(path, rows_[0][0], "a name of two municipalities not flagged shared")
    if count < 1500:
        err(path, 0, f"{count} places, want the whole country")


def gemeenten_ended(path):
    out = {}
    for _, cols in rows(path):
        cols += [""] * 3
        out[cols[0]] = int(cols[2]) if cols[2].isdigit() else 0
    return out


# Where the indexer names the lists of data/speakers.tsv: the one place a new
# list is added.
SPEAKER_WORDS_C = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                               "indexer", "speaker_words.c")


def speaker_lists(source=SPEAKER_WORDS_C):
    """The list names of LIST_NAMES[] in the indexer's speaker_words.c, the
    names it reads speakers.tsv by: `[VP_SW_ROLE] = "role",` ...  Raises
    ValueError when the table is not there (renamed: this check must
    follow)."""
    with open(source, encoding="utf-8") as f:
        text = f.read()
    table = re.search(r"LIST_NAMES\[[^\]]*\]\s*=\s*\{(.*?)\};", text, re.S)
    names = re.findall(r'\[\s*VP_SW_\w+\s*\]\s*=\s*"([^"]+)"', table.group(1)) if table else []
    if not names:
        raise ValueError(f"{source}: no LIST_NAMES table of list names")
    return set(names)


def check_speakers(path, lists=None):
    lists = speaker_lists() if lists is None else lists
    seen = {}
    for n, cols in rows(path):
        if len(cols) != 2:
            err(path, n, f"{len(cols)} columns, want 2")
            continue
        kind, entries = cols
        if kind not in lists:
            err(path, n, f"unknown list {kind!r}")
        for e in entries.split(","):
            if not e.strip():
                err(path, n, "empty entry")
            if "*" in e.strip()[:-1]:
                err(path, n, f"'*' only as the last character: {e.strip()!r}")
            key = (kind, e.strip().lower())
            if key in seen:
                err(path, n, f"{e.strip()!r} also in list {kind} on line {seen[key]}")
            seen[key] = n


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "data")
    checks = [("gemeenten.tsv", check_gemeenten), ("themes.tsv", check_themes),
              ("theme_terms.tsv",
               lambda p: check_theme_terms(p, os.path.join(data, "themes.tsv"))),
              ("synonyms.tsv", check_synonyms), ("speakers.tsv", check_speakers),
              ("woonplaatsen.tsv", lambda p: check_woonplaatsen(
                  p, gemeenten_ended(os.path.join(data, "gemeenten.tsv"))))]
    passed = failed = 0
    for fname, fn in checks:
        before = len(errors)
        res = fn(os.path.join(data, fname))
        if fname == "gemeenten.tsv" and res:
            current, former = res
            print(f"gemeenten.tsv: {sum(current.values())} current, {former} former;",
                  ", ".join(f"{p} {c}" for p, c in current.items()))
        if len(errors) == before:
            passed += 1
        else:
            failed += 1
    for e in errors:
        print(e)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
