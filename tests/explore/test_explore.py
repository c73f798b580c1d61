"""Following a thread (issue 20), end to end on corpus/: related reports,
municipality and speaker pages, Atom feeds, through searchd and vind.

- Related reports are judged against related_judged.json (the 3 most
  related reports of 8 reports, written by reading the corpus): precision@3
  must be at least 0.7; no report is ever its own neighbour, nor is a copy
  of it, nor do two copies of one report come both (an index of corpus/
  plus copies this test writes).
- Every municipality of the municipality facet has a page that counts
  exactly what the filter finds, which is the facet's own count with the
  predecessors' reports folded in (brute force from the stored reports and
  the gazetteer); every speaker's page counts what the speaker facet
  counts.
- The feed of a search parses as Atom 1.0 with the elements RFC 4287
  requires, and its entries are /search's hits sorted by date for the same
  parameters; its ids are stable, its updated moves only with the index.

Standard library only (xml.etree for the feed).
"""
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "e2e"))
from test_indexer import CORPUS, DATA, dump, fold, run_indexer, successors  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from searchd_proc import start_searchd  # noqa: E402

SEARCHD = os.environ["VP_SEARCHD"]
VIND = os.environ["VP_VIND"]
HERE = os.path.dirname(os.path.abspath(__file__))
ATOM = "{http://www.w3.org/2005/Atom}"
MIN_PRECISION_AT_3 = 0.7


def start_searchd_at(db):
    """(process, base URL) of a searchd on db."""
    proc, port, _ = start_searchd(SEARCHD, db, data=DATA, threads=2)
    return proc, f"http://127.0.0.1:{port}"


def fetch(base, target):
    """(status, content type, body bytes)."""
    try:
        with urllib.request.urlopen(base + target, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def get_json(base, target, status=200):
    code, ctype, body = fetch(base, target)
    assert code == status, (target, code, body[:300])
    assert ctype.startswith("application/json"), (target, ctype)
    return json.loads(body)


def q(value):
    return urllib.parse.quote(value, safe="")


def write_copies(folder):
    """Two near-duplicates of corpus reports (a sentence changed, another
    added): one in a subfolder, so its id holds a slash."""
    os.makedirs(os.path.join(folder, "kopie"))
    with open(os.path.join(CORPUS, "2014-11-20-deventer.md"), encoding="utf-8") as f:
        deventer = f.read()
    with open(os.path.join(folder, "kopie", "2014-11-20-deventer-kopie.md"), "w",
              encoding="utf-8") as f:
        f.write(deventer.replace("Het regende pijpenstelen", "Het miezerde") +
                "\nDit verslag is later aangevuld met een correctie.\n")
    with open(os.path.join(CORPUS, "2021-10-01-hoorn.md"), encoding="utf-8") as f:
        hoorn = f.read()
    with open(os.path.join(folder, "2021-10-01-hoorn-herzien.md"), "w", encoding="utf-8") as f:
        f.write(hoorn.replace("zo'n vijftig mensen", "ruim vijftig mensen"))


class ExploreTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="vp-explore-")
        cls.db = os.path.join(cls.tmp, "corpus.db")
        r = run_indexer(cls.db, CORPUS)
        assert r.returncode == 0, r.stderr
        copies = os.path.join(cls.tmp, "copies")
        write_copies(copies)
        cls.db_copies = os.path.join(cls.tmp, "copies.db")
        r = run_indexer(cls.db_copies, CORPUS, copies)
        assert r.returncode == 0, r.stderr
        _, cls.docs = dump(cls.db)
        cls.succ = successors()
        cls.proc, cls.base = start_searchd_at(cls.db)
        cls.proc2, cls.base2 = start_searchd_at(cls.db_copies)
        with open(os.path.join(HERE, "related_judged.json"), encoding="utf-8") as f:
            cls.judged = json.load(f)["judged"]

    @classmethod
    def tearDownClass(cls):
        for proc in (cls.proc, cls.proc2):
            proc.terminate()
            proc.wait(timeout=10)
        shutil.rmtree(cls.tmp)

    # ---- helpers ------------------------------------------------------------------

    def vind(self, *args):
        return subprocess.run([VIND, "--db", self.db, "--data", DATA, *args],
                              capture_output=True, text=True, timeout=60)

    def chain(self, name):
        """A municipality and every successor, folded: whom a filter on any
        of them finds this name's reports for."""
        names = [name]
        while names[-1] in self.succ:
            names.append(self.succ[names[-1]])
        return {fold(n) for n in names}

    def related(self, base, doc_id, limit):
        return get_json(base, f"/documents/{q(doc_id)}/related?limit={limit}")["related"]

    # ---- related reports --------------------------------------------------------------

    def test_related_precision_at_3(self):
        hits = 0
        lines = []
        for source, judged in self.judged.items():
            got = [r["id"] for r in self.related(self.base, source, 3)]
            self.assertEqual(len(got), 3, source)
            self.assertNotIn(source, got)
            found = len(set(got) & set(judged["related"]))
            hits += found
            lines.append(f"{source}: {found}/3 {got}")
        precision = hits / (3 * len(self.judged))
        print(f"\nprecision@3 = {precision:.3f} ({hits}/{3 * len(self.judged)})\n" + "\n".join(lines))
        self.assertGreaterEqual(precision, MIN_PRECISION_AT_3)

    def test_no_report_is_its_own_neighbour(self):
        for doc_id, doc in self.docs.items():
            with self.subTest(doc_id):
                answer = get_json(self.base, f"/documents/{q(doc_id)}/related?limit=20")
                self.assertEqual(answer["id"], doc_id)
                ids = [r["id"] for r in answer["related"]]
                self.assertNotIn(doc_id, ids)
                self.assertEqual(len(ids), len(set(ids)))
                self.assertGreater(len(ids), 0)
                scores = [r["score"] for r in answer["related"]]
                self.assertEqual(scores, sorted(scores, reverse=True))
                mine = set(doc["data"]["themes"])
                for r in answer["related"]:
                    self.assertTrue(r["reason"])
                    self.assertLessEqual(set(r["shared"]["themes"]), mine & set(r["themes"]))
                    if r["shared"]["themes"]:
                        self.assertIn("thema", r["reason"])

    def test_near_duplicates_never_twice_nor_as_the_report(self):
        twins = {"2014-11-20-deventer", "kopie/2014-11-20-deventer-kopie"}
        hoorn = {"2021-10-01-hoorn", "2021-10-01-hoorn-herzien"}
        for source in ("2021-10-01-hoorn", "2017-04-21-gorinchem", "2021-10-01-hoorn-herzien"):
            with self.subTest(source):
                ids = [r["id"] for r in self.related(self.base2, source, 20)]
                self.assertEqual(len(twins & set(ids)), 1, ids)
                # A copy of the report is the report; of another's copies one.
                self.assertEqual(len(hoorn & set(ids)), 0 if source in hoorn else 1, ids)
        # An id with a slash, and a copy's neighbours without its original.
        ids = [r["id"] for r in self.related(self.base2, "kopie/2014-11-20-deventer-kopie", 20)]
        self.assertNotIn("2014-11-20-deventer", ids)
        self.assertEqual(len({"2021-10-01-hoorn", "2021-10-01-hoorn-herzien"} & set(ids)), 1, ids)

    def test_related_errors(self):
        for target in ("?limit=0", "?limit=21", "?limit=abc", "?limit=", "?limit=2&limit=3",
                       "?limit=%2B3", "?page=2", "?limit=1.5"):
            with self.subTest(target):
                body = get_json(self.base, "/documents/2013-03-15-emmen/related" + target, 400)
                self.assertEqual(body["error"]["code"], "bad_parameter")
        body = get_json(self.base, "/documents/geen-verslag/related", 404)
        self.assertEqual(body["error"]["code"], "not_found")
        self.assertEqual(len(self.related(self.base, "2013-03-15-emmen", 1)), 1)
        self.assertEqual(len(get_json(self.base, "/documents/2013-03-15-emmen/related")["related"]), 5)

    def test_vind_related_is_the_api(self):
        r = self.vind("--json", "--limit", "4", "related", "2019-11-21-midden-groningen")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout),
                         get_json(self.base, "/documents/2019-11-21-midden-groningen/related?limit=4"))
        r = subprocess.run([VIND, "--server", self.base, "--limit", "2", "related", "2019-11-21-midden-groningen"],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Warm wonen in een bevende regio", r.stdout)
        self.assertEqual(self.vind("related", "geen-verslag").returncode, 1)
        self.assertEqual(self.vind("--limit", "0", "related", "2013-03-15-emmen").returncode, 2)

    # ---- municipality and speaker pages ------------------------------------------------

    def all_facets(self):
        return get_json(self.base, "/search?per_page=100&facet_limit=0")

    def test_municipality_pages_count_what_the_filter_counts(self):
        everything = self.all_facets()
        facet = {v["value"]: v["count"] for v in everything["facets"]["municipality"]}
        reports = {d: x["data"] for d, x in self.docs.items()}
        self.assertGreater(len(facet), 100)
        folded_somewhere = 0
        for name, count in facet.items():
            with self.subTest(name):
                page = get_json(self.base, f"/municipalities/{q(name)}?per_page=100")
                search = get_json(self.base, f"/search?municipality={q(name)}&per_page=100")
                self.assertEqual(page["total"], search["total"])
                key = fold(page["name"])
                finds = {d for d, data in reports.items()
                         if any(key in self.chain(m) for m in data["municipalities"])}
                self.assertEqual(page["total"], len(finds))
                self.assertEqual({h["id"] for h in page["reports"]}, finds)
                named = {d for d, data in reports.items()
                         if any(fold(m) == fold(name) for m in data["municipalities"])}
                self.assertEqual(count, len(named))
                if finds != named:        # a predecessor's reports folded in
                    folded_somewhere += 1
                    self.assertGreater(page["total"], count)
                    self.assertTrue(page["predecessors"] and page["history"])
                else:
                    self.assertEqual(page["total"], count)
                hosted = {d for d in finds if reports[d]["host"] and
                          key in self.chain(reports[d]["host"])}
                self.assertEqual(page["hosted"], len(hosted))
                dated = sum(1 for d in finds if reports[d]["date"])
                self.assertEqual(sum(y["count"] for y in page["years"]), dated)
                self.assertEqual(page["themes"], get_json(
                    self.base, f"/search?municipality={q(name)}&facet_limit=0")["facets"]["theme"])
                dates = [h["date"] or "" for h in page["reports"]]
                self.assertEqual(dates, sorted(dates, reverse=True))
        self.assertGreater(folded_somewhere, 0, "the corpus names predecessors of municipalities")

    def test_mergers_in_words(self):
        veghel = get_json(self.base, "/municipalities/Veghel")
        self.assertEqual(veghel["history"], "Veghel, sinds 2017 Meierijstad")
        self.assertEqual((veghel["ended"], veghel["successor"]), (2017, "Meierijstad"))
        meierijstad = get_json(self.base, "/municipalities/meierijstad")
        self.assertEqual(meierijstad["name"], "Meierijstad")
        self.assertIn("Veghel", meierijstad["history"])
        self.assertTrue(meierijstad["history"].endswith("sinds 2017 Meierijstad"))
        self.assertEqual({p["name"] for p in meierijstad["predecessors"]},
                         {"Veghel", "Schijndel", "Sint-Oedenrode"})
        self.assertGreater(meierijstad["total"], veghel["total"])
        alias = get_json(self.base, "/municipalities/Den%20Bosch")
        self.assertEqual(alias["name"], "'s-Hertogenbosch")
        self.assertEqual(alias["total"], get_json(self.base, "/municipalities/%27s-Hertogenbosch")["total"])
        # The speakers from a municipality: their organisation names it or a predecessor.
        names = {s["name"]: s for s in meierijstad["speakers"]}
        self.assertIn("Marco van Lierop", names)
        for s in meierijstad["speakers"]:
            self.assertRegex(fold(s["organisation"]), r"veghel|schijndel|sint-oedenrode|meierijstad")
        # A municipality the gazetteer knows and no report names: an empty page.
        empty = get_json(self.base, "/municipalities/Vaals")
        self.assertEqual((empty["total"], empty["reports"]), (0, []))

    def test_speaker_pages_count_what_the_facet_counts(self):
        facet = {v["value"]: v["count"] for v in self.all_facets()["facets"]["speaker"]}
        reports = {d: x["data"] for d, x in self.docs.items()}
        self.assertGreater(len(facet), 100)
        for name, count in facet.items():
            with self.subTest(name):
                page = get_json(self.base, f"/speakers/{q(name)}?per_page=100")
                self.assertEqual(page["total"], count)
                self.assertEqual(page["total"], get_json(self.base, f"/search?speaker={q(name)}")["total"])
                mine = {d for d, data in reports.items()
                        if any(fold(s["name"]) == fold(name) for s in data["speakers"])}
                self.assertEqual({h["id"] for h in page["reports"]}, mine)
                self.assertEqual(sum(o["reports"] for o in page["organisations"]), count)
                self.assertTrue(page["organisations_complete"])
                hosts = {}
                for d in mine:
                    if reports[d]["host"]:
                        hosts[reports[d]["host"]] = hosts.get(reports[d]["host"], 0) + 1
                self.assertEqual({m["value"]: m["count"] for m in page["municipalities"]}, hosts)
                froms = [o["from"] or "" for o in page["organisations"]]
                self.assertEqual(froms, sorted(froms))
        koos = get_json(self.base, "/speakers/koos%20janssen")
        self.assertEqual(koos["name"], "Koos Janssen")
        self.assertEqual([(o["organisation"], o["role"]) for o in koos["organisations"]],
                         [("PMG", "voorzitter")])

    def test_entity_errors_and_paging(self):
        for target, status in (("/municipalities/Nergensdorp", 404), ("/speakers/Niemand%20Anders", 404),
                               ("/municipalities/Emmen?page=0", 400), ("/municipalities/Emmen?per_page=101", 400),
                               ("/speakers/Koos%20Janssen?q=wonen", 400), ("/municipalities/Emmen?page=1&page=2", 400),
                               ("/municipalities/%ff", 400)):
            with self.subTest(target):
                get_json(self.base, target, status)
        whole = get_json(self.base, "/municipalities/Hoogeveen?per_page=100")
        first = get_json(self.base, "/municipalities/Hoogeveen?per_page=4")
        second = get_json(self.base, "/municipalities/Hoogeveen?per_page=4&page=2")
        self.assertEqual([h["id"] for h in first["reports"] + second["reports"]],
                         [h["id"] for h in whole["reports"]][:len(first["reports"]) + len(second["reports"])])
        self.assertEqual((second["page"], second["per_page"]), (2, 4))
        r = self.vind("--json", "municipality", "Hoogeveen")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout), get_json(self.base, "/municipalities/Hoogeveen"))
        r = self.vind("speaker", "Koos Janssen")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("PMG", r.stdout)
        self.assertEqual(self.vind("speaker", "Niemand Anders").returncode, 1)

    # ---- feeds --------------------------------------------------------------------------

    def feed(self, base, query):
        code, ctype, body = fetch(base, "/feed" + ("?" + query if query else ""))
        self.assertEqual(code, 200, body[:300])
        self.assertTrue(ctype.startswith("application/atom+xml"), ctype)
        return ET.fromstring(body)

    def check_atom(self, root):
        """The elements RFC 4287 requires (4.1.1, 4.1.2), with valid values."""
        def one(parent, name):
            found = parent.findall(ATOM + name)
            self.assertEqual(len(found), 1, name)
            return found[0]

        def is_time(text):
            return re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", text or "")

        def is_iri(text):
            return re.fullmatch(r"[a-z][a-z0-9+.-]*:\S+", text or "")

        self.assertEqual(root.tag, ATOM + "feed")
        self.assertTrue(is_iri(one(root, "id").text))
        self.assertTrue(one(root, "title").text)
        self.assertTrue(is_time(one(root, "updated").text))
        self.assertTrue(root.findall(f"{ATOM}author/{ATOM}name"), "a feed-level author")
        rels = {(l.get("rel"), l.get("type")) for l in root.findall(ATOM + "link")}
        self.assertIn(("self", "application/atom+xml"), rels)
        self.assertIn(("alternate", "text/html"), rels)
        ids = []
        for entry in root.findall(ATOM + "entry"):
            ids.append(one(entry, "id").text)
            self.assertTrue(is_iri(ids[-1]))
            self.assertTrue(one(entry, "title").text)
            self.assertTrue(is_time(one(entry, "updated").text))
            links = [l for l in entry.findall(ATOM + "link") if l.get("rel") == "alternate"]
            self.assertEqual(len(links), 1)
            self.assertTrue(links[0].get("href").startswith("/r/"))
            summary = one(entry, "summary")
            self.assertEqual(summary.get("type"), "html")
            for p in entry.findall(ATOM + "published"):
                self.assertTrue(is_time(p.text))
        self.assertEqual(len(ids), len(set(ids)))
        return ids

    def test_feed_is_atom_and_the_search_by_date(self):
        cases = ["", "q=samenwerking", "theme=binnenstad", "municipality=Emmen&from=2015",
                 "q=wonen&per_page=3&page=2", "speaker=Koos%20Janssen&sort=relevance",
                 "q=zzzzqqq", "q=krimp&to=2020-12&per_page=100"]
        for query in cases:
            with self.subTest(query):
                ids = self.check_atom(self.feed(self.base, query))
                params = urllib.parse.parse_qsl(query)
                params = [(k, v) for k, v in params if k != "sort"] + [("sort", "date")]
                search = get_json(self.base, "/search?" + urllib.parse.urlencode(params))
                self.assertEqual(ids, ["tag:vindplaats,2013:report/" + h["id"] for h in search["hits"]])
        root = self.feed(self.base, "q=samenwerking")
        self.assertEqual(root.find(ATOM + "title").text, "Vindplaats: \u201csamenwerking\u201d")
        for status_query in ("page=0", "bogus=1", "from=gisteren"):
            code, ctype, _ = fetch(self.base, "/feed?" + status_query)
            self.assertEqual(code, 400, status_query)
            self.assertTrue(ctype.startswith("application/json"))

    def test_feed_ids_stable_and_updated_from_the_revision(self):
        a = self.feed(self.base, "per_page=100")
        b = self.feed(self.base, "per_page=100")
        self.assertEqual(ET.tostring(a), ET.tostring(b))
        ids = {e.find(ATOM + "link").get("href")[3:]: e.find(ATOM + "id").text
               for e in a.findall(ATOM + "entry")}
        self.assertEqual(set(ids), set(self.docs))
        themed = self.feed(self.base, "theme=binnenstad&per_page=100")
        for e in themed.findall(ATOM + "entry"):
            self.assertEqual(ids[e.find(ATOM + "link").get("href")[3:]], e.find(ATOM + "id").text)
        self.assertNotEqual(a.find(ATOM + "id").text, themed.find(ATOM + "id").text)
        self.assertEqual(self.feed(self.base, "theme=binnenstad&per_page=5").find(ATOM + "id").text,
                         themed.find(ATOM + "id").text)
        # updated is the commit's time: not the time of the fetch, and it moves
        # when the indexer commits a change (and only then).
        updated = a.find(ATOM + "updated").text
        when = datetime.datetime.strptime(updated, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
        self.assertLess(when, datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=1))
        db = os.path.join(self.tmp, "moving.db")
        shutil.copytree(self.db, db)
        proc, base = start_searchd_at(db)
        try:
            self.assertEqual(self.feed(base, "").find(ATOM + "updated").text, updated)
            time.sleep(1.1)
            extra = os.path.join(self.tmp, "extra")
            os.makedirs(extra)
            with open(os.path.join(extra, "2026-11-26-nieuw.md"), "w", encoding="utf-8") as f:
                f.write("---\ntitle: Een nieuw verslag over binnensteden\ndate: 2026-11-26\n---\n"
                        "De binnenstad van Hoorn en leegstand, opnieuw besproken.\n")
            r = run_indexer(db, CORPUS, extra)
            self.assertEqual(r.returncode, 0, r.stderr)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                now = self.feed(base, "per_page=100")
                if now.find(ATOM + "updated").text != updated:
                    break
                time.sleep(0.1)
            self.assertGreater(now.find(ATOM + "updated").text, updated)
            entries = now.findall(ATOM + "entry")
            self.assertEqual(entries[0].find(ATOM + "id").text, "tag:vindplaats,2013:report/2026-11-26-nieuw")
            for e in entries[1:]:
                self.assertEqual(ids[e.find(ATOM + "link").get("href")[3:]], e.find(ATOM + "id").text)
        finally:
            proc.terminate()
            proc.wait(timeout=10)

    def test_vind_feed_is_the_api_feed(self):
        r = self.vind("feed", "--theme", "binnenstad", "leegstand")
        self.assertEqual(r.returncode, 0, r.stderr)
        local = ET.fromstring(r.stdout)
        remote = self.feed(self.base, "theme=binnenstad&q=leegstand")
        for tag in ("id", "title", "updated"):
            self.assertEqual(local.find(ATOM + tag).text, remote.find(ATOM + tag).text)
        self.assertEqual([ET.tostring(e) for e in local.findall(ATOM + "entry")],
                         [ET.tostring(e) for e in remote.findall(ATOM + "entry")])
        self.assertEqual(self.vind("feed", "zzzzqqq").returncode, 1)
        self.assertEqual(self.vind("--json", "feed", "x").returncode, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
