"""The HTTP API of `whimbrel serve`, on a store built from the demo corpus: every endpoint,
filter, format and error shape, checked against the full event list as a reference."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import warnings

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

from whimbrel.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client(demo_store, tmp_path_factory):
    app = create_app(str(demo_store), data_dir=str(tmp_path_factory.mktemp("web-data")), token=None)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def every(client):
    """Every event of the store (one page), the reference the filters are checked against."""
    body = client.get("/api/events", params={"limit": 5000}).json()
    assert body["total"] == len(body["events"]) > 50
    return body["events"]


def ids(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return [e["id"] for e in resp.json()["events"]]


def error(resp, status: int, code: str) -> dict:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == ({"code", "message", "hint", "id"} if status == 500 else {"code", "message", "hint"})
    assert body["error"]["code"] == code
    assert body["error"]["message"] and body["error"]["hint"]
    assert "Traceback" not in resp.text
    return body["error"]


def names(ents) -> set[str]:
    return {v.lower() for e in ents for v in (e.get("name"), e.get("text"), e.get("code")) if v}


# --------------------------------------------------------------------------- health and schema


def test_health(client, demo_store):
    h = client.get("/api/health").json()
    assert h["status"] == "ok" and h["writes_enabled"] is False
    with sqlite3.connect(demo_store) as conn:
        assert h["counts"]["events"] == conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert h["last_ingest"] and h["schema_version"] >= 1


def test_openapi_lists_every_endpoint_and_filter(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/trends",
            "/api/actors/{actor_id}", "/api/places/{geonameid}", "/api/articles", "/api/health",
            "/api/points", "/api/changes"} <= paths
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "country", "admin1", "type", "mode", "acled_type", "acled_subtype", "actor",
            "recipient", "dyad", "claimant", "modality", "bbox", "near", "min_sources", "q", "sort", "cursor",
            "limit", "format"} <= params
    assert "post" in spec["paths"]["/api/articles"]


def test_docs_page_is_offline(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "/vendor/swagger-ui/swagger-ui-bundle.js" in page.text and "http" not in page.text.split("<body>")[1].replace("href=\"/", "")
    assert client.get("/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/docs.js").status_code == 200


# --------------------------------------------------------------------------- /api/events


def test_default_page_sorted_newest_first(client, every):
    body = client.get("/api/events").json()
    assert body["limit"] == 100 and body["sort"] == "-date"
    dates = [(e["date"] or {}).get("value") or "" for e in every]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("sort,key", [
    ("date", lambda e: (e["date"] or {}).get("value") or ""),
    ("-dead", lambda e: -(((e["size"] or {}).get("dead") or {}).get("best") if ((e["size"] or {}).get("dead") or {}).get("best") is not None else -1)),
    ("-sources", lambda e: -e["n_sources"]),
    ("intensity", lambda e: e["intensity"] if e["intensity"] is not None else -100.0),
])
def test_sort_orders(client, sort, key):
    evs = client.get("/api/events", params={"sort": sort, "limit": 5000}).json()["events"]
    keys = [key(e) for e in evs]
    assert keys == sorted(keys)


@pytest.mark.parametrize("sort", ["-date", "date", "-dead", "sources", "intensity", "-reported"])
def test_cursor_pages_cover_everything_once(client, every, sort):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 7, "sort": sort, **({"cursor": cursor} if cursor else {})}
        r = client.get("/api/events", params=params)
        body = r.json()
        seen += [e["id"] for e in body["events"]]
        pages += 1
        cursor = body["next_cursor"]
        if not cursor:
            assert "Link" not in r.headers
            break
        assert 'rel="next"' in r.headers["Link"]
    assert sorted(seen) == sorted(e["id"] for e in every) and len(seen) == len(set(seen))
    assert pages == -(-len(every) // 7)


def _loc(e, k):
    return (e["location"] or {}).get(k)


REFERENCE = [
    ({"country": "SD"}, lambda e: _loc(e, "country_code") == "SD"),
    ({"country": "SDN"}, lambda e: _loc(e, "country_code") == "SD"),
    ({"country": "Sudan"}, lambda e: _loc(e, "country_code") == "SD"),
    ({"country": "SD,MM"}, lambda e: _loc(e, "country_code") in ("SD", "MM")),
    ({"admin1": "zamfara state"}, lambda e: (_loc(e, "admin1") or "").lower() == "zamfara state"),
    ({"type": "ASSAULT"}, lambda e: e["event_type"] == "ASSAULT"),
    ({"type": "assault,protest"}, lambda e: e["event_type"] in ("ASSAULT", "PROTEST")),
    ({"mode": "accuse"}, lambda e: e["mode"] == "accuse"),
    ({"acled_type": "Battles"}, lambda e: e["acled"]["event_type"] == "Battles"),
    ({"acled_subtype": "Armed clash"}, lambda e: e["acled"]["sub_event_type"] == "Armed clash"),
    ({"modality": "negated"}, lambda e: e["modality"] == "negated"),
    ({"min_sources": "2"}, lambda e: e["n_sources"] >= 2),
    ({"since": "2024-03-01", "until": "2024-03-31"},
     lambda e: "2024-03-01" <= ((e["date"] or {}).get("value") or "") <= "2024-03-31\uffff"),
    ({"since": "2024-06"}, lambda e: ((e["date"] or {}).get("value") or "") >= "2024-06"),
    ({"bbox": "35,30,40,38"}, lambda e: _loc(e, "lat") is not None and 30 <= _loc(e, "lat") <= 38 and 35 <= _loc(e, "lon") <= 40),
]


@pytest.mark.parametrize("params,pred", REFERENCE, ids=[json.dumps(p) for p, _ in REFERENCE])
def test_filters_match_the_reference(client, every, params, pred):
    got = ids(client.get("/api/events", params={**params, "limit": 5000}))
    want = [e["id"] for e in every if pred(e)]
    assert want, f"the demo store should have events for {params}"
    assert sorted(got) == sorted(want)


def test_near_filters_by_distance(client, every):
    from whimbrel.knowledge.distance import haversine_km

    got = set(ids(client.get("/api/events", params={"near": "35.93,36.63,100", "limit": 5000})))
    want = {e["id"] for e in every if _loc(e, "lat") is not None
            and haversine_km(35.93, 36.63, _loc(e, "lat"), _loc(e, "lon")) <= 100}
    assert got == want and got


@pytest.mark.parametrize("field,value,role", [("actor", "RUS", "actor"), ("actor", "russia", "actor"),
                                              ("recipient", "people", "recipient")])
def test_actor_and_recipient(client, every, field, value, role):
    got = ids(client.get("/api/events", params={field: value, "limit": 5000}))
    assert got
    by_record = {e["id"] for e in every if any(value.lower() in n for n in names(e[role]))}
    assert by_record <= set(got)


def test_dyad_either_direction(client, every):
    pairs = [(a, r) for e in every for a in e["actor"] for r in e["recipient"] if a.get("code") and r.get("name")]
    a, r = pairs[0][0]["code"], pairs[0][1]["name"]
    one = set(ids(client.get("/api/events", params={"dyad": f"{a}:{r}", "limit": 5000})))
    other = set(ids(client.get("/api/events", params={"dyad": f"{r}:{a}", "limit": 5000})))
    assert one and one == other
    both = set(ids(client.get("/api/events", params={"actor": a, "limit": 5000}))) | \
        set(ids(client.get("/api/events", params={"recipient": a, "limit": 5000})))
    assert one <= both


def test_claimant(client, every):
    got = set(ids(client.get("/api/events", params={"claimant": "Houthis", "limit": 5000})))
    by_record = {e["id"] for e in every if any("houthis" in ((c["claimant"] or {}).get("name") or "").lower()
                                               for c in e["claims"])}
    assert got and by_record <= got


def test_full_text(client, every):
    got = ids(client.get("/api/events", params={"q": "Idlib", "limit": 5000}))
    assert got and len(got) < len(every)
    assert "we:" in got[0]
    phrase = ids(client.get("/api/events", params={"q": '"Maarat Misrin"', "limit": 5000}))
    assert phrase and set(phrase) <= set(got)


def test_filters_combine_with_and(client):
    a = set(ids(client.get("/api/events", params={"country": "SD", "limit": 5000})))
    b = set(ids(client.get("/api/events", params={"type": "ASSAULT", "limit": 5000})))
    both = set(ids(client.get("/api/events", params={"country": "SD", "type": "ASSAULT", "limit": 5000})))
    assert both == a & b


@pytest.mark.parametrize("fmt,media", [("geojson", "application/geo+json"), ("csv", "text/csv"),
                                       ("acled-csv", "text/csv"), ("jsonl", "application/x-ndjson")])
def test_formats_hold_exactly_the_page(client, fmt, media):
    params = {"country": "SD", "limit": 5, "sort": "date"}
    want = ids(client.get("/api/events", params=params))
    r = client.get("/api/events", params={**params, "format": fmt})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert r.headers["X-Total-Count"] == str(client.get("/api/events", params=params).json()["total"])
    if fmt == "geojson":
        got = [f["id"] for f in r.json()["features"]]
    elif fmt == "jsonl":
        got = [json.loads(line)["id"] for line in r.text.splitlines()]
    else:
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert "attachment" in r.headers["Content-Disposition"]
        if fmt == "csv":
            got = [row["id"] for row in rows]
        else:
            assert {"event_id_cnty", "event_date", "fatalities", "latitude"} <= set(rows[0])
            assert all(row["iso"] == "729" for row in rows)  # Sudan's ISO numeric code
            got = want[: len(rows)]
            assert len(rows) == len(want)
    assert got == want


# --------------------------------------------------------------------------- errors


BAD = [
    ({"since": "yesterday"}, "since"), ({"until": "2024-02-31"}, "until"), ({"limit": "0"}, "limit"),
    ({"limit": "100000"}, "limit"), ({"limit": "ten"}, "limit"), ({"sort": "colour"}, "sort"),
    ({"cursor": "not-a-cursor"}, "cursor"), ({"format": "xml"}, "format"), ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "0,50,10,40"}, "bbox"), ({"near": "95,0,10"}, "near"), ({"modality": "maybe"}, "modality"),
    ({"dyad": "USA"}, "dyad"), ({"min_sources": "-1"}, "min_sources"), ({"q": '"unclosed'}, "full-text"),
    ({"actor": "x" * 500}, "longer"),
]


@pytest.mark.parametrize("params,word", BAD, ids=[json.dumps(p)[:40] for p, _ in BAD])
def test_bad_parameters_get_one_error_shape(client, params, word):
    e = error(client.get("/api/events", params=params), 400, "E701")
    assert word in e["message"]


def test_cursor_from_another_sort_is_refused(client):
    cur = client.get("/api/events", params={"limit": 2}).json()["next_cursor"]
    error(client.get("/api/events", params={"limit": 2, "sort": "-dead", "cursor": cur}), 400, "E701")


@pytest.mark.parametrize("path", ["/api/events/we:0000", "/api/articles/none", "/api/actors/zzzqqq",
                                  "/api/places/1", "/api/nothing-here"])
def test_not_found(client, path):
    error(client.get(path), 404, "E702")


def test_wrong_method_and_bad_path_type(client):
    error(client.delete("/api/events"), 405, "E701")
    error(client.get("/api/places/abc"), 400, "E701")
    error(client.get("/api/trends", params={"top": "0"}), 400, "E701")


INJECTIONS = ["' OR 1=1 --", "x'); DROP TABLE events; --", "%", "_", "\\", '" OR ""="', "1; SELECT * FROM articles",
              "NEAR(a b)", "*", "ASSAULT' UNION SELECT record FROM events --"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_are_only_data(client, demo_store, value):
    fields = ["country", "admin1", "type", "mode", "acled_type", "acled_subtype", "actor", "recipient",
              "claimant", "q", "dyad", "modality", "sort", "cursor", "since", "bbox", "near", "min_sources"]
    for f in fields:
        r = client.get("/api/events", params={f: value})
        assert r.status_code in (200, 400), (f, value, r.text)
        if r.status_code == 200 and f in ("country", "admin1", "type", "mode", "acled_type", "acled_subtype"):
            assert r.json()["total"] == 0, (f, value)
    for path in (f"/api/actors/{value}", "/api/trends?group=actor&actor=" + value):
        assert client.get(path).status_code in (200, 400, 404)
    with sqlite3.connect(demo_store) as conn:
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] > 50


def test_unexpected_errors_leak_no_trace(client, monkeypatch):
    from whimbrel.web import views

    def boom(store):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(views, "status", boom)
    r = client.get("/api/health")
    e = error(r, 500, "E000")
    assert "secret" not in r.text and "RuntimeError" not in r.text and "internal error" in e["message"]
    assert e["id"] in e["message"] and r.headers["X-Error-Id"] == e["id"]


# --------------------------------------------------------------------------- one event, article, trends...


def test_event_detail_has_reports_claimants_and_conflict(client, every):
    conflicted = [e for e in every if e["size_conflict"] and e["n_articles"] >= 2]
    assert conflicted
    ev = conflicted[0]
    d = client.get(f"/api/events/{ev['id']}").json()
    assert d["event"]["id"] == ev["id"]
    assert {r["article_id"] for r in d["reports"]} == set(ev["article_ids"])
    first = [r for r in d["reports"] if r["linked_to"] is None]
    linked = [r for r in d["reports"] if r["linked_to"]]
    assert len(first) == 1 and linked and all(r["score"] is not None and r["reasons"] for r in linked)
    dead = [f for f in d["figures"] if f["field"] == "dead"][0]
    assert dead["conflict"] is True and len({r["best"] for r in dead["reports"]}) > 1
    assert any(c["name"] for r in dead["reports"] for c in r["claimants"])
    # a report id finds its event too
    assert client.get(f"/api/events/{d['reports'][0]['mention_id']}").json()["event"]["id"] == ev["id"]


def test_article_spans_index_the_text(client, every):
    aid = every[0]["article_ids"][0]
    d = client.get(f"/api/articles/{aid}").json()
    text = d["article"]["text"]
    assert d["spans"] and text
    events = client.get(f"/api/events/{every[0]['id']}").json()
    sentences = {s["text"] for r in events["reports"] for s in r["sentences"]}
    for s in d["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(text) and s["event_type"]
    assert sentences & {text[s["start"]:s["end"]] for s in d["spans"]}


@pytest.mark.parametrize("interval", ["day", "week", "month"])
def test_trends_totals_match_events(client, every, interval):
    t = client.get("/api/trends", params={"interval": interval, "group": "type", "top": 50}).json()
    dated = [e for e in every if e["date"] and e["date"]["value"] and len(e["date"]["value"]) >= 10]
    assert sum(p["events"] for p in t["total"]) == len(dated)
    assert sum(s["events"] for s in t["series"]) == len(dated)
    dead = sum((e["size"]["dead"] or {}).get("best") or 0 for e in dated)
    assert sum(p["fatalities"] for p in t["total"]) == dead
    if interval == "month":
        assert all(len(p) == 7 for p in t["periods"])
    if interval == "week":  # weeks start on Monday
        from datetime import date

        assert all(date.fromisoformat(p).weekday() == 0 for p in t["periods"])
    if interval == "day":
        per_day = {}
        for e in dated:
            per_day[e["date"]["value"][:10]] = per_day.get(e["date"]["value"][:10], 0) + 1
        assert {p["period"]: p["events"] for p in t["total"]} == per_day


@pytest.mark.parametrize("group", ["country", "actor", "dyad"])
def test_trend_groups(client, group):
    t = client.get("/api/trends", params={"group": group, "interval": "month"}).json()
    assert t["series"] and all(s["points"] for s in t["series"])
    if group == "dyad":
        assert all("–" in s["key"] for s in t["series"])


def test_trend_of_one_dyad(client):
    d = client.get("/api/trends", params={"dyad": "RUS:people", "interval": "month"}).json()
    n = client.get("/api/events", params={"dyad": "RUS:people"}).json()["total"]
    assert sum(p["events"] for p in d["total"]) <= n and n > 0
    error(client.get("/api/trends", params={"interval": "hour"}), 400, "E701")


def test_changes_compare_two_windows(client):
    c = client.get("/api/changes", params={"weeks": 4}).json()
    cur0, cur1 = c["current"]
    assert c["previous"][1] == cur0 and c["countries"]
    for row in c["countries"]:
        n = client.get("/api/events", params={"country": row["country"], "since": cur0, "until": cur1}).json()["total"]
        # the window is (start, end]: events on the start day itself belong to the previous window
        same_day = client.get("/api/events", params={"country": row["country"], "since": cur0, "until": cur0}).json()["total"]
        assert row["current"] == n - same_day
        assert row["change"] == row["current"] - row["previous"]


def test_points_carry_precision(client, every):
    p = client.get("/api/points", params={"max": 20000}).json()
    with_coords = [e for e in every if _loc(e, "lat") is not None]
    assert len(p["points"]) == len(with_coords) and not p["truncated"]
    assert {x["precision"] for x in p["points"]} >= {"country", "city"}
    assert client.get("/api/points", params={"max": 3}).json()["truncated"] is True


def test_actor_and_place(client, every):
    a = client.get("/api/actors/RUS").json()
    assert a["by"]["events"] > 0 and a["by"]["timeline"] and a["by"]["places"]
    assert sum(p["events"] for p in a["by"]["timeline"]) == a["by"]["events"]
    gid = next(_loc(e, "geonameid") for e in every if _loc(e, "geonameid"))
    p = client.get(f"/api/places/{gid}").json()
    assert p["place"]["geonameid"] == gid
    assert len(p["event_ids"]) == sum(1 for e in every if _loc(e, "geonameid") == gid)


# --------------------------------------------------------------------------- security


def test_security_headers_and_no_cors(client):
    for path in ("/", "/api/health", "/api/events"):
        r = client.get(path, headers={"Origin": "http://evil.example"})
        csp = r.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert "access-control-allow-origin" not in {k.lower() for k in r.headers}


def test_pages_have_no_inline_script(client, every):
    import re

    for path in ("/", "/timeline", f"/event/{every[0]['id']}", f"/article/{every[0]['article_ids'][0]}",
                 "/actor/RUS", "/dyad?a=RUS&b=people", "/api/docs"):
        r = client.get(path)
        assert r.status_code == 200, path
        for tag in re.findall(r"<script[^>]*>", r.text):
            assert "src=" in tag, (path, tag)
        assert not re.search(r"\son[a-z]+=", r.text), path
        assert "http://" not in r.text.replace("http://www.w3.org", "") or path.startswith("/event") or path.startswith("/article")


def test_bad_permalink_gives_an_error_page(client):
    r = client.get("/?since=nonsense")
    assert r.status_code == 400 and "E701" in r.text and "<html" in r.text


def test_reads_are_read_only(demo_store):
    from whimbrel.web.reader import ReadOnlyStore

    store = ReadOnlyStore(demo_store)
    try:
        with pytest.raises(sqlite3.OperationalError):
            store.conn.execute("DELETE FROM events")
    finally:
        store.close()


def test_reads_do_not_wait_for_a_writer(demo_copy, tmp_path):
    import time

    from whimbrel.store import Store

    app = create_app(str(demo_copy), data_dir=str(tmp_path))
    with TestClient(app) as c, Store(demo_copy) as writer:
        before = c.get("/api/health").json()["counts"]["articles"]
        with writer.write() as conn:  # holds SQLite's write lock while the server reads
            conn.execute("INSERT INTO articles(id, text, content_hash) VALUES ('pending', 'x', 'h')")
            t = time.perf_counter()
            during = c.get("/api/health").json()["counts"]["articles"]
            waited = time.perf_counter() - t
        after = c.get("/api/health").json()["counts"]["articles"]
    assert during == before and after == before + 1
    assert waited < 2.0  # SQLite's busy timeout is 5 s: a blocked read would take that long


# --------------------------------------------------------------------------- writes


def test_writes_are_off_without_a_token(client):
    error(client.post("/api/articles", json={"text": "Police arrested ten protesters."}), 403, "E704")


@pytest.fixture()
def writer(demo_copy, tmp_path):
    app = create_app(str(demo_copy), data_dir=str(tmp_path), token="s3cret-token", max_body=20_000)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic s3cret-token", "Bearer ", "s3cret-token"])
def test_writes_need_the_token(writer, header):
    h = {"Authorization": header} if header is not None else {}
    error(writer.post("/api/articles", json={"text": "Police arrested ten protesters."}, headers=h), 401, "E703")


def test_write_limits_and_types(writer):
    auth = {"Authorization": "Bearer s3cret-token"}
    error(writer.post("/api/articles", content=b"x" * 30_000, headers={**auth, "Content-Type": "text/plain"}), 413, "E705")
    error(writer.post("/api/articles", content=b"<x/>", headers={**auth, "Content-Type": "application/xml"}), 415, "E706")
    error(writer.post("/api/articles", content=b"{not json", headers={**auth, "Content-Type": "application/json"}), 400, "E701")
    error(writer.post("/api/articles", content=b"", headers={**auth, "Content-Type": "application/json"}), 400, "E701")
    error(writer.post("/api/articles", json=[], headers=auth), 400, "E701")

    def chunks():  # no Content-Length: the limit holds while streaming
        for _ in range(10):
            yield b"y" * 5_000

    error(writer.post("/api/articles", content=chunks(), headers={**auth, "Content-Type": "text/plain"}), 413, "E705")


def test_post_ingests_through_the_ingest_path(writer):
    auth = {"Authorization": "Bearer s3cret-token"}
    before = writer.get("/api/health").json()["counts"]
    rec = {"id": "api-test-1", "title": "Flood relief convoy attacked near Quelimane", "published": "2024-08-20",
           "publisher": "Test Desk",
           "text": "QUELIMANE, Mozambique — Gunmen attacked a flood relief convoy near Quelimane on Monday, "
                   "killing three drivers, provincial police said on Tuesday. The police said the attackers fled."}
    r = writer.post("/api/articles", json=rec, headers=auth)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["article_ids"] == ["api-test-1"] and out["summary"]["ingested"] == 1 and out["event_ids"]
    after = writer.get("/api/health").json()["counts"]
    assert after["articles"] == before["articles"] + 1 and after["events"] > before["events"]
    found = ids(writer.get("/api/events", params={"q": "Quelimane"}))
    assert set(out["event_ids"]) <= set(found)
    # the same record again changes nothing (as with `whimbrel ingest`)
    again = writer.post("/api/articles", json=rec, headers=auth).json()
    assert again["summary"]["unchanged"] == 1 and writer.get("/api/health").json()["counts"] == after
    # a bad record is skipped with a reason naming it; the batch goes on
    bad = writer.post("/api/articles", json=[{"title": "no body"}, {**rec, "id": "api-test-2",
                                                                     "text": rec["text"].replace("three", "four")}],
                      headers=auth).json()
    assert bad["summary"]["skipped"] == 1 and bad["summary"]["ingested"] == 1
    assert "record 0" in bad["summary"]["skips"][0]["reason"] or "#0" in bad["summary"]["skips"][0]["origin"]


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/errors.py",
                                  "/vendor/leaflet/../../../../etc/passwd", "/vendor/swagger-ui/..%2f..%2f__init__.py",
                                  "/article/..%2f..%2fetc%2fpasswd", "/api/articles/..%2f..%2fetc%2fpasswd"])
def test_no_path_traversal(client, path):
    r = client.get(path)
    assert r.status_code == 404, (path, r.status_code)
    assert "def create_app" not in r.text and "root:" not in r.text and "import " not in r.text
