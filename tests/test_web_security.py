"""The controls of `whimbrel serve` listed in docs/security.md, one test (at least) for each:
Host names answered, URL and page size limits, CORS off by default and an explicit
allow-list, no details in 500s (an error id instead), a time limit on reads, injection
strings through every filter and id parameter leaving the store intact, no path traversal,
security headers on every kind of response, and no inline script or style in any page."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import warnings
from urllib.parse import quote

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")
from click.testing import CliRunner  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from whimbrel.cli import main  # noqa: E402
from whimbrel.cli.serve import answered_hosts  # noqa: E402
from whimbrel.web import create_app  # noqa: E402
from whimbrel.web.app import check_origin, host_name  # noqa: E402

FILTERS = ["since", "until", "country", "admin1", "type", "mode", "acled_type", "acled_subtype", "actor",
           "recipient", "dyad", "claimant", "modality", "bbox", "near", "min_sources", "q", "sort", "cursor", "limit"]

# Strings an attacker tries: SQL quoting and comments, stacked statements, LIKE wildcards, NUL,
# non-ASCII and direction marks, and FTS5 syntax (quotes, NEAR, prefix stars, operators, columns).
INJECTIONS = [
    "' OR '1'='1", "x'); DROP TABLE events; --", "1; DELETE FROM articles", "%", "_", "%_%", "\\", "\x00",
    "a\x00b", "Ñandú 🙂 \u202egnp", "\ufeff", '"', '""', 'NEAR(', 'NEAR(a b, 2)', "*", "a*", "OR", "AND NOT",
    "title: x", "{title text}: x", "^x", "-x", "x' UNION SELECT record FROM events --", "/*", "*/", "0x41",
    "9" * 40, "-1", "nan", "1e308", ",,,", ":", "a:b:c",
]
JSON_ENDPOINTS = ["/api/events", "/api/points", "/api/trends", "/api/changes"]


@pytest.fixture(scope="module")
def app_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("web-sec")


@pytest.fixture(scope="module")
def client(demo_store, app_dir):
    app = create_app(str(demo_store), data_dir=str(app_dir), token=None)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def error(resp, status: int, code: str) -> dict:
    assert resp.status_code == status, (resp.status_code, resp.text[:300])
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["code"] == code, body
    assert body["error"]["message"] and body["error"]["hint"]
    return body["error"]


def store_digest(db) -> dict:
    """Everything an injection could change: the schema, every table's row count and content hash."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        out = {"schema": hashlib.sha256(repr(schema).encode()).hexdigest()}
        for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%fts%'"):
            rows = sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)  # some are WITHOUT ROWID
            out[t] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return out


# --------------------------------------------------------------------------- host names (DNS rebinding)


def test_only_known_host_names_are_answered(client):
    for host in ("127.0.0.1:8000", "localhost", "LOCALHOST:1", "[::1]:8000", "testserver"):
        assert client.get("/api/health", headers={"Host": host}).status_code == 200, host
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", ""):
        e = error(client.get("/api/health", headers={"Host": host}), 400, "E701")
        assert "host name" in e["message"]
    assert client.get("/", headers={"Host": "rebound.example"}).status_code == 400


def test_host_name_parsing():
    assert host_name("Example.ORG:8080") == "example.org"
    assert host_name("[::1]:8000") == "::1" and host_name("::1") == "::1"
    assert host_name("127.0.0.1") == "127.0.0.1"


def test_serve_answers_loopback_its_host_and_trusted_names():
    assert "*" not in answered_hosts("127.0.0.1", ())
    assert {"127.0.0.1", "localhost", "::1"} <= set(answered_hosts("127.0.0.1", ()))
    assert "10.0.0.5" in answered_hosts("10.0.0.5", ())
    assert "events.lan" in answered_hosts("0.0.0.0", ("events.lan",))
    assert "0.0.0.0" not in answered_hosts("0.0.0.0", ("events.lan",))
    assert answered_hosts("0.0.0.0", ()) == ("*",)  # a wildcard bind with no names: opted out
    assert answered_hosts("::", ()) == ("*",)


def test_any_host_when_asked(demo_store, app_dir):
    app = create_app(str(demo_store), data_dir=str(app_dir), allowed_hosts=("*",))
    with TestClient(app) as c:
        assert c.get("/api/health", headers={"Host": "anything.example"}).status_code == 200


# --------------------------------------------------------------------------- size limits


def test_query_string_and_path_limits(client):
    e = error(client.get("/api/events?" + "country=SY&" * 400), 414, "E708")
    assert "query string" in e["message"] and "4,096" in e["message"]
    error(client.get("/api/events/" + "x" * 2000), 414, "E708")
    assert client.get("/api/events?" + "country=SY&" * 300).status_code == 200  # 3,300 bytes: under


def test_query_limit_is_configurable(demo_store, app_dir):
    app = create_app(str(demo_store), data_dir=str(app_dir), max_query=300)
    with TestClient(app, raise_server_exceptions=False) as c:
        error(c.get("/api/events?q=" + "a" * 400), 414, "E708")
        assert c.get("/api/events?q=" + "a" * 100).status_code == 200


@pytest.mark.parametrize("path", ["/api/events?limit=5001", "/api/events?limit=0", "/api/points?max=20001",
                                  "/api/trends?top=51", "/api/changes?weeks=105", "/api/events?actor=" + "x" * 201])
def test_page_size_limits(client, path):
    error(client.get(path), 400, "E701")


# --------------------------------------------------------------------------- CORS


def test_no_cors_by_default(client):
    r = client.options("/api/events", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in {k.lower() for k in r.headers}
    r = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in {k.lower() for k in r.headers}


def test_cors_allow_list(demo_store, app_dir):
    app = create_app(str(demo_store), data_dir=str(app_dir), cors_origins=["https://analyst.example:8443/"])
    with TestClient(app) as c:
        ok = c.get("/api/events?limit=1", headers={"Origin": "https://analyst.example:8443"})
        assert ok.headers["access-control-allow-origin"] == "https://analyst.example:8443"
        assert "access-control-allow-credentials" not in ok.headers
        pre = c.options("/api/events", headers={"Origin": "https://analyst.example:8443",
                                                "Access-Control-Request-Method": "GET"})
        assert pre.status_code == 200 and "GET" in pre.headers["access-control-allow-methods"]
        assert "POST" not in pre.headers["access-control-allow-methods"]  # no token: no writes to allow
        other = c.get("/api/events?limit=1", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        bad = c.options("/api/events", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
        assert bad.status_code == 400 and "access-control-allow-origin" not in bad.headers


@pytest.mark.parametrize("origin", ["*", "https://*.example", "example.org", "ftp://example.org",
                                    "https://example.org/path", "https://user@example.org", "https://"])
def test_bad_cors_origins_are_refused(origin, tmp_path):
    with pytest.raises(ValueError):
        check_origin(origin)
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.db"), "--cors-origin", origin])
    assert r.exit_code == 2 and "E100" in r.output
    assert not (tmp_path / "x.db").exists()


# --------------------------------------------------------------------------- errors and time limits


def test_internal_errors_name_an_id_and_nothing_else(client, monkeypatch, caplog):
    from whimbrel.errors import StoreError
    from whimbrel.web import views

    def boom(store, flt):
        raise StoreError("cannot read /srv/private/events.db: table secret_table is corrupt")

    monkeypatch.setattr(views, "page_events", boom)
    with caplog.at_level("ERROR", logger="whimbrel.web"):
        r = client.get("/api/events")
    e = error(r, 500, "E000")
    assert "secret_table" not in r.text and "/srv/private" not in r.text and "E400" not in r.text
    assert r.headers["X-Error-Id"] == e["id"] and re.fullmatch(r"[0-9a-f]{12}", e["id"])
    logged = " ".join(rec.getMessage() + str(rec.exc_info) for rec in caplog.records)
    assert e["id"] in logged and "secret_table" in logged  # the details are in the server log only
    page = client.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 200  # pages do not use page_events
    monkeypatch.setattr(views, "status", lambda store: 1 / 0)
    r = client.get("/api/health")
    assert error(r, 500, "E000") and "ZeroDivision" not in r.text and "Traceback" not in r.text


LONG_QUERY = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT MAX(i) FROM n"


def test_slow_reads_are_stopped(demo_store):
    import time

    from whimbrel.web.reader import ReadOnlyStore

    store = ReadOnlyStore(demo_store, query_seconds=0.2)
    try:
        t = time.perf_counter()
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            store.conn.execute(LONG_QUERY).fetchone()
        assert time.perf_counter() - t < 5
    finally:
        store.close()


def test_a_stopped_read_is_answered_with_e709(demo_store, app_dir, monkeypatch):
    from whimbrel.web import views

    def slow(store, flt):
        store.conn.execute(LONG_QUERY).fetchone()

    monkeypatch.setattr(views, "page_events", slow)
    app = create_app(str(demo_store), data_dir=str(app_dir), query_seconds=0.2)
    with TestClient(app, raise_server_exceptions=False) as c:
        e = error(c.get("/api/events"), 503, "E709")
        assert "0.2 s" in e["message"]
        monkeypatch.setattr(views, "page_events", lambda store, flt: slow(store, flt) if flt.q else None)
        e = error(c.get("/api/events", params={"q": "police"}), 503, "E709")  # not a "bad full-text query"


# --------------------------------------------------------------------------- injection


def _sane(resp, where):
    assert resp.status_code in (200, 400, 404), (where, resp.status_code, resp.text[:300])
    assert "Traceback" not in resp.text and "sqlite3." not in resp.text, where
    if resp.headers.get("content-type", "").startswith("application/json"):
        body = resp.json()
        if resp.status_code == 200:
            assert isinstance(body, dict) and "error" not in body, where
        else:
            assert set(body) == {"error"} and body["error"]["code"] in ("E701", "E702"), (where, body)


def test_injection_strings_reach_sqlite_only_as_data(client, demo_store):
    before = store_digest(demo_store)
    sent = 0
    for value in INJECTIONS:
        for f in FILTERS:
            for path in JSON_ENDPOINTS:
                _sane(client.get(path, params={f: value}), (path, f, value))
                sent += 1
            _sane(client.get("/", params={f: value}), ("/", f, value))
            sent += 1
        for path in ("/api/events/{}", "/api/articles/{}", "/api/actors/{}", "/event/{}", "/article/{}", "/actor/{}"):
            _sane(client.get(path.format(quote(value, safe=""))), (path, value))
            sent += 1
        _sane(client.get("/dyad", params={"a": value, "b": value}), ("/dyad", value))
        _sane(client.get("/api/trends", params={"group": "dyad", "dyad": f"{value}:{value}"}), ("trends", value))
        sent += 2
    assert sent > 3000
    assert store_digest(demo_store) == before


@pytest.mark.parametrize("field", ["actor", "recipient", "claimant", "admin1", "mode", "acled_type"])
@pytest.mark.parametrize("value", ["%", "_", "%%", "' OR '1'='1", "\\"])
def test_wildcards_and_quotes_match_literally(client, field, value):
    r = client.get("/api/events", params={field: value})
    assert r.status_code == 200 and r.json()["total"] == 0, (field, value, r.text[:200])


@pytest.mark.parametrize("path", ["/api/events?actor=%00", "/api/events?q=a%00b", "/api/actors/%00",
                                  "/actor/x%00y", "/api/events/we%3A%00", "/static/common.js%00"])
def test_nul_is_refused_everywhere(client, path):
    # SQLite's LIKE stops a pattern at NUL: "%<NUL>%" would have matched every actor
    assert "NUL" in error(client.get(path), 400, "E701")["message"]


def test_fts_syntax_errors_are_the_clients(client):
    for q in ('"', "NEAR(", "a AND", "(((", "title:"):
        r = client.get("/api/events", params={"q": q})
        assert r.status_code in (200, 400), q
        if r.status_code == 400:
            assert "full-text" in error(r, 400, "E701")["message"]


def test_invalid_utf8_in_the_query_string(client):
    for raw in ("/api/events?actor=%ff%fe", "/api/events?q=%c3%28", "/api/events?country=%00%ff"):
        _sane(client.get(raw), raw)


# --------------------------------------------------------------------------- paths and headers


@pytest.mark.parametrize("path", [
    "/static/..%5c..%5capp.py", "/static/%2e%2e%5capp.py", "/static/%252e%252e/app.py", "/static//etc/passwd",
    "/static/nothing.js%2f..%2f..%2fapp.py", "/vendor/leaflet/%2e%2e/%2e%2e/%2e%2e/setup.py",
    "/vendor/markercluster/..%2f..%2f..%2f..%2fetc%2fpasswd", "/static/../../pyproject.toml",
    "/basemap.geojson/../app.py", "/static/templates/base.html", "/static/.", "/static/",
])
def test_no_path_traversal(client, path):
    r = client.get(path)
    assert r.status_code in (400, 404, 405), (path, r.status_code)
    assert "def create_app" not in r.text and "root:" not in r.text and "[project]" not in r.text
    assert "{% block" not in r.text


def test_security_headers_on_every_kind_of_response(client):
    for path, status in (("/", 200), ("/api/health", 200), ("/static/common.js", 200),
                         ("/vendor/leaflet/leaflet.js", 200), ("/api/nothing", 404), ("/nothing", 404),
                         ("/api/events?limit=x", 400), ("/api/events?" + "a" * 5000, 414)):
        r = client.get(path)
        assert r.status_code == status, path
        h = r.headers
        csp = h["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert h["X-Content-Type-Options"] == "nosniff" and h["Referrer-Policy"] == "no-referrer"
        assert h["X-Frame-Options"] == "DENY"
        assert "server" not in {k.lower() for k in h} or "uvicorn" not in h.get("server", "")
        if path.startswith("/api/"):
            assert h["Cache-Control"] == "no-store"


def test_pages_have_no_inline_script_style_or_handlers(client):
    ev = client.get("/api/events", params={"limit": 1}).json()["events"][0]
    for path in ("/", "/timeline", f"/event/{ev['id']}", f"/article/{ev['article_ids'][0]}", "/actor/police",
                 "/dyad?a=police&b=protesters", "/api/docs", "/nothing-here"):
        html = client.get(path).text
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag, (path, tag)
        assert "<style" not in html and not re.search(r"\sstyle=", html), path
        assert not re.search(r"\son[a-z]+\s*=", html) and "javascript:" not in html, path


def test_templates_have_no_inline_script_style_or_handlers():
    from pathlib import Path

    import whimbrel.web

    folder = Path(whimbrel.web.__file__).parent / "templates"
    for t in folder.glob("*.html"):
        text = t.read_text()
        for tag in re.findall(r"<script[^>]*>", text):
            assert "src=" in tag, (t.name, tag)
        assert "<style" not in text and not re.search(r"\sstyle=", text), t.name
        assert not re.search(r"\son[a-z]+\s*=", text) and "javascript:" not in text, t.name


# --------------------------------------------------------------------------- writes


def test_an_empty_token_means_writes_off(demo_copy, app_dir):
    app = create_app(str(demo_copy), data_dir=str(app_dir), token="")
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.get("/api/health").json()["writes_enabled"] is False
        error(c.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer "}), 403, "E704")


def test_token_check_is_constant_time_and_total(demo_copy, app_dir, monkeypatch):
    import hmac

    from whimbrel.web import writes

    calls = []
    real = hmac.compare_digest
    monkeypatch.setattr(writes.hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    app = create_app(str(demo_copy), data_dir=str(app_dir), token="tøken-1")
    with TestClient(app, raise_server_exceptions=False) as c:
        for given in ("tøken-", "tøken-12", "TØKEN-1", "tken-1", "x" * 10_000):
            error(c.post("/api/articles", json={"text": "x"},
                         headers={"Authorization": b"Bearer " + given.encode("utf-8")}), 401, "E703")
    assert len(calls) == 5 and all(isinstance(a, bytes) and b == "tøken-1".encode() for a, b in calls)


def test_a_utf8_token_is_accepted():
    from types import SimpleNamespace

    from whimbrel.errors import AuthRequired
    from whimbrel.web.writes import authorise

    cfg = SimpleNamespace(token="tøken-1")
    sent = "Bearer " + "tøken-1".encode("utf-8").decode("latin-1")  # as Starlette hands the header over
    authorise(cfg, sent)
    authorise(cfg, sent.replace("Bearer", "bearer") + " ")
    with pytest.raises(AuthRequired):
        authorise(cfg, "Bearer tøken-1")  # the same text sent as latin-1 bytes is another token


def test_body_limit_applies_before_the_token_is_useful(demo_copy, app_dir):
    app = create_app(str(demo_copy), data_dir=str(app_dir), token="t", max_body=20_000)
    with TestClient(app, raise_server_exceptions=False) as c:
        error(c.post("/api/articles", content=b"{" + b" " * 30_000 + b"}",
                     headers={"Authorization": "Bearer t", "Content-Type": "application/json"}), 413, "E705")
        error(c.post("/api/articles", content=json.dumps([{"text": "a"}] * 1001).encode(),
                     headers={"Authorization": "Bearer t", "Content-Type": "application/json"}), 413, "E705")
