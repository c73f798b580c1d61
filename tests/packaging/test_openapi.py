#!/usr/bin/python3
"""searchd's real responses against docs/openapi.yaml.

Indexes corpus/, starts searchd (JSON access log, --log-queries) and hits
every route, error responses included; each JSON body is validated with
python3-jsonschema against the schema the OpenAPI document gives for that
path and status.  It also fails when searchd has a route the document does
not describe, or the document lists a (path, status) no case exercises, so
the description cannot drift from the code.  A second searchd on a missing
database gives the 503s.  Debian's python3 (python3-jsonschema, python3-yaml).
"""
import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import time
import unittest

import jsonschema
import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import searchd_proc  # noqa: E402

ARGS = None
SPEC = None


def openapi_to_jsonschema(node):
    """OpenAPI 3.0 schema objects to JSON Schema: `nullable` becomes a null
    alternative; $refs stay, resolved against the whole document."""
    if isinstance(node, list):
        return [openapi_to_jsonschema(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: openapi_to_jsonschema(v) for k, v in node.items() if k != "nullable"}
    if node.get("nullable"):
        return {"anyOf": [out, {"type": "null"}]}
    return out


def start_searchd(db):
    """(process, port, log lines): the JSON access log, queries in it, is
    part of what the spec describes."""
    return searchd_proc.start_searchd(ARGS.searchd, db, data=ARGS.data, threads=2,
                                      extra=("--log-format", "json", "--log-queries"))


def request(port, target, method="GET", body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.putrequest(method, target, skip_accept_encoding=True)
    if body is not None:
        conn.putheader("Content-Length", str(len(body)))
    conn.endheaders(body)
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, dict(resp.getheaders()), data


def template_of(target):
    """The OpenAPI path a request target falls under (None: no route)."""
    path = target.split("?", 1)[0]
    for template in SPEC["paths"]:
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path):
            return template
    return None


def response_spec(template, status, method):
    """The documented response for a status (405 and unknown routes: the
    shared component responses)."""
    if template is None:
        shared = {404: "NotFound", 400: "BadRequest"}.get(status)
        return SPEC["components"]["responses"][shared] if shared else None
    op = SPEC["paths"][template].get(method.lower()) or SPEC["paths"][template]["get"]
    spec = op["responses"].get(str(status))
    if spec and "$ref" in spec:
        spec = SPEC["components"]["responses"][spec["$ref"].rsplit("/", 1)[1]]
    return spec


# (method, target, expected status).  Every route of searchd, every error.
CASES = [
    ("GET", "/search?q=wonen", 200),
    ("GET", "/search?q=samenwerkng&per_page=1", 200),
    ("GET", "/search?municipality=Den%20Bosch&theme=digitalisering&from=2014&to=2024-12", 200),
    ("GET", "/search?q=&sort=date_asc&page=2&per_page=5&facet_limit=0", 200),
    ("GET", "/search?q=zzzzqqq", 200),
    ("GET", "/search?bogus=1", 400),
    ("GET", "/search?page=0", 400),
    ("GET", "/search?q=%ff", 400),
    ("GET", "/search?from=gisteren", 400),
    ("GET", "/search?q=" + "+OR+".join("w%d" % i for i in range(101)), 400),
    ("GET", "/search?q=" + "+OR+".join(c + "*" for c in "abdegosv"), 400),
    ("GET", "/search?q=" + "a" * 9000, 414),
    ("POST", "/search", 405),
    ("GET", "/facets/theme?prefix=w", 200),
    ("GET", "/facets/municipality?q=wonen", 200),
    ("GET", "/facets/year", 200),
    ("GET", "/facets/speaker?sort=nonsense", 400),
    ("GET", "/facets/nope", 404),
    ("DELETE", "/facets/theme", 405),
    ("GET", "/documents/2017-04-21-gorinchem", 200),
    ("GET", "/documents/nope", 404),
    ("PUT", "/documents/2017-04-21-gorinchem", 405),
    ("GET", "/documents/2017-04-21-gorinchem/related", 200),
    ("GET", "/documents/2021-10-01-hoorn/related?limit=20", 200),
    ("GET", "/documents/2017-04-21-gorinchem/related?limit=0", 400),
    ("GET", "/documents/2017-04-21-gorinchem/related?q=x", 400),
    ("GET", "/documents/nope/related", 404),
    ("POST", "/documents/2017-04-21-gorinchem/related", 405),
    ("GET", "/municipalities/Meierijstad", 200),
    ("GET", "/municipalities/Veghel?per_page=1&page=2", 200),
    ("GET", "/municipalities/Vaals", 200),
    ("GET", "/municipalities/Emmen?page=0", 400),
    ("GET", "/municipalities/Nergensdorp", 404),
    ("POST", "/municipalities/Emmen", 405),
    ("GET", "/speakers/Koos%20Janssen", 200),
    ("GET", "/speakers/Koos%20Janssen?sort=date", 400),
    ("GET", "/speakers/Niemand", 404),
    ("POST", "/speakers/Koos%20Janssen", 405),
    ("GET", "/feed", 200),
    ("GET", "/feed?q=wonen&theme=wonen-leefomgeving&per_page=3", 200),
    ("GET", "/feed?per_page=0", 400),
    ("POST", "/feed", 405),
    ("GET", "/gemeente/Meierijstad", 200),
    ("GET", "/gemeente/Emmen?page=0", 400),
    ("GET", "/gemeente/Nergensdorp", 404),
    ("GET", "/spreker/Koos%20Janssen", 200),
    ("GET", "/spreker/Niemand", 404),
    ("GET", "/healthz", 200),
    ("POST", "/healthz", 405),
    ("GET", "/export?q=wonen", 200),
    ("GET", "/export?format=csv&theme=digitalisering&sort=date", 200),
    ("GET", "/export?page=2", 400),
    ("GET", "/export?format=xml", 400),
    ("POST", "/export", 405),
    ("GET", "/trends?q=wonen&limit=2", 200),
    ("GET", "/trends?by=municipality&interval=quarter&limit=1", 200),
    ("GET", "/trends?format=csv", 200),
    ("GET", "/trends?interval=week", 400),
    ("POST", "/trends", 405),
    ("GET", "/metrics", 200),
    ("GET", "/", 200),
    ("GET", "/static/index.html", 200),
    ("GET", "/r/2017-04-21-gorinchem", 200),
    ("GET", "/r/nope", 404),
    ("GET", "/static/nope.css", 404),
    ("GET", "/nope", 404),
    ("GET", "/x%ff", 400),
]


class OpenApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        shutil.rmtree(ARGS.tmp, ignore_errors=True)
        os.makedirs(ARGS.tmp)
        cls.db = os.path.join(ARGS.tmp, "corpus.db")
        r = subprocess.run([ARGS.indexer, "--quiet", "--db", cls.db, "--data", ARGS.data,
                            ARGS.corpus], capture_output=True, text=True)
        if r.returncode not in (0, 1):
            raise RuntimeError("indexer failed: " + r.stderr)
        cls.proc, cls.port, cls.log = start_searchd(cls.db)
        cls.seen = set()
        resolver_root = openapi_to_jsonschema(SPEC)
        cls.resolver = jsonschema.RefResolver("", resolver_root)
        cls.root = resolver_root

    @classmethod
    def tearDownClass(cls):
        cls.proc.terminate()
        cls.proc.wait(timeout=10)

    def check(self, port, method, target, expected, body=None):
        status, headers, data = request(port, target, method, body)
        self.assertEqual(status, expected, (method, target[:80], data[:300]))
        template = template_of(target)
        spec = response_spec(template, status, method)
        self.assertIsNotNone(spec, f"{method} {target[:80]}: status {status} not documented")
        self.seen.add((template, str(status)))
        ctype = headers.get("Content-Type", "").split(";")[0]
        content = spec.get("content", {})
        if ctype == "application/json":
            self.assertIn("application/json", content, f"{target[:80]}: JSON not documented")
            schema = openapi_to_jsonschema(content["application/json"]["schema"])
            jsonschema.validate(json.loads(data), schema, resolver=self.resolver)
        elif ctype == "application/x-ndjson":
            self.assertIn(ctype, content, f"{target[:80]}: JSON lines not documented")
            schema = openapi_to_jsonschema(content[ctype]["schema"])
            lines = data.decode("utf-8").splitlines()
            self.assertTrue(lines, target)
            for line in lines:
                jsonschema.validate(json.loads(line), schema, resolver=self.resolver)
        elif content:
            self.assertIn(ctype, content, f"{target[:80]}: {ctype} not documented")
        for name in spec.get("headers", {}):
            self.assertIn(name, headers, f"{target[:80]}: header {name} missing")
        return status, headers, data

    def test_every_case(self):
        for method, target, expected in CASES:
            with self.subTest(method=method, target=target[:80]):
                self.check(self.port, method, target, expected)

    def test_a_get_with_a_body(self):
        self.check(self.port, "GET", "/search?q=wonen", 413, body=b"abc")

    def test_unavailable_index(self):
        proc, port, _ = start_searchd(os.path.join(ARGS.tmp, "missing.db"))
        try:
            for target in ["/healthz", "/search?q=wonen", "/documents/x", "/facets/theme",
                           "/export?q=wonen", "/trends", "/documents/x/related",
                           "/municipalities/Emmen", "/speakers/x", "/feed"]:
                with self.subTest(target=target):
                    self.check(port, "GET", target, 503)
        finally:
            proc.terminate()
            proc.wait(timeout=10)

    def test_zz_every_documented_response_is_exercised(self):
        # Runs after the other tests (unittest sorts by name).
        documented = {(path, status) for path, item in SPEC["paths"].items()
                      for status in item["get"]["responses"]}
        missing = documented - self.seen
        self.assertFalse(missing, f"documented but never exercised: {sorted(missing)}")

    def test_every_route_is_documented(self):
        with open(ARGS.http_c, encoding="utf-8") as f:
            routes = re.findall(r'\{"(/[^"]*)",\s*VP_ROUTE_', f.read())
        self.assertTrue(routes)
        for route in routes:
            probe = route + "x" if route.endswith("/") and route != "/" else route
            self.assertIsNotNone(template_of(probe), f"route {route} not in openapi.yaml")

    def test_json_access_log(self):
        request(self.port, "/search?q=logjson")
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any("logjson" in l for l in self.log):
            time.sleep(0.05)
        line = json.loads(next(l for l in self.log if "logjson" in l))
        self.assertEqual(line["route"], "search")
        self.assertEqual(line["status"], 200)
        self.assertEqual(line["path"], "/search?q=logjson")   # --log-queries
        self.assertEqual(line["results"], 0)
        self.assertGreaterEqual(line["latency_ms"], 0)
        self.assertRegex(line["time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def main():
    global ARGS, SPEC
    p = argparse.ArgumentParser()
    for opt in ("--indexer", "--searchd", "--corpus", "--data", "--openapi", "--http-c", "--tmp"):
        p.add_argument(opt, required=True)
    ARGS, rest = p.parse_known_args()
    with open(ARGS.openapi, encoding="utf-8") as f:
        SPEC = yaml.safe_load(f)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
