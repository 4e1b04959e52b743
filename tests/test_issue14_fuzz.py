"""Issue 14, fuzzing: every parser, property-based (hypothesis) and over a corpus of nasty files.

Every parser must answer any input with a result or an input error (E2xx) naming the input,
never a crash and never a hang (each has a size bound: docs/robustness.md).  Each property
runs ``FAST`` examples in the default run and ``SLOW`` in its ``_slow`` twin (``-m slow``);
docs/robustness.md lists the figures per parser.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tracemalloc
from pathlib import Path
from typing import Any, Callable
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from whimbrel.errors import InputError
from whimbrel.records import Article, Count, DateRef, Skip
from whimbrel.settings import Settings
from whimbrel.stages import dates as dates_mod
from whimbrel.stages.numbers import parse_quantity
from whimbrel.stages.pubdate import MIN_YEAR, read_published
from whimbrel.stages.read import decode_bytes, read_jsonl_line, read_paths, read_text

from .fuzz_corpus import NASTY, STORY, write_corpus, write_long_line

FAST = 60
"""Examples per property in the default run."""
SLOW = 200
"""Examples per property under ``-m slow``."""

_BASE = dict(deadline=None, database=None, derandomize=True,
             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                    HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])

CASES: dict[str, tuple[str, int, int]] = {}
"""Property name → (parser, fast examples, slow examples): the figures in docs/robustness.md."""


def fuzz(parser: str, fast: int = FAST, slow: int = SLOW, **strategies: Any) -> Callable:
    """Run the property with ``fast`` examples, and register its ``_slow`` twin with ``slow``."""

    def deco(fn: Callable) -> Callable:
        module = sys.modules[fn.__module__]
        twin = pytest.mark.slow(settings(max_examples=slow, **_BASE)(given(**strategies)(fn)))
        setattr(module, fn.__name__ + "_slow", twin)
        CASES[fn.__name__] = (parser, fast, slow)
        return settings(max_examples=fast, **_BASE)(given(**strategies)(fn))

    return deco


def _is_item(x: object) -> bool:
    if isinstance(x, Skip):
        return x.code.startswith("E2") and bool(x.origin) and x.origin in x.line()
    return isinstance(x, Article) and isinstance(x.text, str)


def _valid_published(value: object) -> bool:
    if value is None:
        return True
    d = dt.date.fromisoformat(str(value))
    return MIN_YEAR <= d.year and d <= dt.date.today() + dt.timedelta(days=2)


# --------------------------------------------------------------------------- strategies

_NASTY_TEXT = st.sampled_from([
    "", " ", "\x00", "\ufeff", "\u202e", "\ud7ff", "\U0001F4A3", "&amp;", "&#0;", "&#xFFFFFFFF;", "<", ">", "]]>",
    "<!--", "-->", "<script>", "</script>", "\r\n", "\u2028", "٣", "३", "-5", "1,2,3", "9" * 40, "31 February",
    "0000-01-01", "2024-02-31", "\\", '"', "'", "%s", "{}", "[]", "null",
])
TEXT = st.one_of(st.text(max_size=400), st.lists(st.one_of(_NASTY_TEXT, st.text(max_size=20)), max_size=30).map("".join))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(min_value=-(10**60), max_value=10**60)
    | st.floats(allow_nan=True, allow_infinity=True) | TEXT,
    lambda kids: st.lists(kids, max_size=5) | st.dictionaries(st.text(max_size=8), kids, max_size=5),
    max_leaves=20,
)
RECORDS = st.fixed_dictionaries({}, optional={
    "id": JSON_VALUES, "title": JSON_VALUES, "text": st.one_of(TEXT, JSON_VALUES), "html": st.one_of(TEXT, JSON_VALUES),
    "published": st.one_of(TEXT, JSON_VALUES, st.dates().map(str)), "url": JSON_VALUES, "language": JSON_VALUES,
})
_TAGS = ["div", "p", "span", "article", "main", "script", "style", "title", "a", "br", "table", "td", "h1", "li"]
HTML = st.recursive(
    TEXT.map(escape) | _NASTY_TEXT,
    lambda kids: st.tuples(st.sampled_from(_TAGS), st.lists(kids, max_size=4), st.booleans(), TEXT).map(
        lambda t: f"<{t[0]} class=\"{escape(t[3][:10])}\">{''.join(t[1])}" + (f"</{t[0]}>" if t[2] else "")),
    max_leaves=30,
).map(lambda body: f"<html><head><title>t</title></head><body>{body}</body></html>")


# --------------------------------------------------------------------------- text and bytes


@fuzz("decode_bytes", data=st.binary(max_size=3000))
def test_decode_bytes_answers_text_or_an_input_error(data):
    try:
        assert isinstance(decode_bytes(data), str)
    except InputError as err:
        assert err.code in ("E201", "E202", "E203")


@fuzz("read_paths (files of every kind)", data=st.one_of(st.binary(max_size=3000), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
      ext=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".rss", ".atom", ".xml", ".jsonl.gz"]))
def test_any_file_gives_articles_or_skips_naming_it(tmp_path, data, ext):
    path = tmp_path / f"in{ext}"
    path.write_bytes(data)
    out = list(read_paths([str(path)], Settings()))
    assert out and all(_is_item(x) for x in out)
    for x in out:
        if isinstance(x, Skip):
            assert x.origin.startswith(str(path))
        else:
            assert _valid_published(x.published)


@fuzz("read_text (sniffed: text, HTML, JSON, JSONL, feed)", text=TEXT)
def test_read_text_never_raises(text):
    assert all(_is_item(x) for x in read_text(text, origin="fuzz"))


@fuzz("clean (plain text)", text=TEXT)
def test_clean_plain_text(text):
    from whimbrel.stages.clean import CleanStage

    try:
        assert isinstance(CleanStage().clean(Article(id="f", text=text, raw=text)), str)
    except InputError as err:
        assert err.code in ("E205", "E206", "E207")


# --------------------------------------------------------------------------- HTML


@fuzz("HTML (read + main text)", html=HTML)
def test_html_pages(html):
    from whimbrel.stages.clean import CleanStage

    for item in read_text(html, origin="page.html"):
        assert _is_item(item)
        if isinstance(item, Article):
            try:
                assert isinstance(CleanStage(check_language=False).clean(item), str)
            except InputError as err:
                assert err.code in ("E205", "E207")


# --------------------------------------------------------------------------- JSON and JSON lines


@fuzz("JSONL line (any JSON value)", value=JSON_VALUES)
def test_jsonl_line_any_value(value):
    raw = json.dumps(value, allow_nan=True).encode()
    item = read_jsonl_line(raw, 3, "f.jsonl")
    assert item is None or _is_item(item)
    if isinstance(item, Skip):
        assert item.origin == "f.jsonl:3" and "line 3" in item.line()


@fuzz("JSONL line (record-shaped)", rec=RECORDS)
def test_jsonl_records(rec):
    item = read_jsonl_line(json.dumps(rec).encode(), 1, "r.jsonl")
    assert item is not None and _is_item(item)
    if isinstance(item, Article):
        assert _valid_published(item.published)
        if "published" in rec and rec["published"] not in (None, "") and item.published is None:
            assert [w.code for w in item.warnings] == ["E208"] and "r.jsonl:1" in item.warnings[0].line()


@fuzz("JSONL line (raw bytes)", raw=st.binary(max_size=500))
def test_jsonl_raw_bytes(raw):
    item = read_jsonl_line(raw, 1, "b.jsonl")
    assert item is None or _is_item(item)


@fuzz("JSON file (array of records)", recs=st.lists(RECORDS, max_size=6))
def test_json_arrays(recs):
    out = read_text(json.dumps(recs), origin="a.json")
    assert all(_is_item(x) for x in out)
    assert len(out) == max(1, len(recs))  # one item per record (or one skip for an empty array)


# --------------------------------------------------------------------------- feeds


_FEED_ITEM = st.tuples(TEXT, TEXT, st.one_of(TEXT, st.dates().map(lambda d: d.strftime("%a, %d %b %Y 10:00:00 GMT"))),
                       st.booleans())


@fuzz("RSS/Atom feed", items=st.lists(_FEED_ITEM, max_size=6), atom=st.booleans())
def test_feeds(items, atom):
    def text(t: str, raw: bool) -> str:
        return t if raw else escape(t)

    if atom:
        body = "".join(f"<entry><id>u{i}</id><title>{text(a, r)}</title><updated>{text(d, r)}</updated>"
                       f"<summary>{text(b, r)}</summary></entry>" for i, (a, b, d, r) in enumerate(items))
        feed = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{body}</feed>'
    else:
        body = "".join(f"<item><title>{text(a, r)}</title><pubDate>{text(d, r)}</pubDate>"
                       f"<description>{text(b, r)}</description></item>" for a, b, d, r in items)
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'
    out = read_text(feed, origin="f.rss")
    assert all(_is_item(x) for x in out)
    assert all(_valid_published(x.published) for x in out if isinstance(x, Article))


# --------------------------------------------------------------------------- dates

_ANY_DATE_VALUE = st.one_of(JSON_VALUES, TEXT, st.dates().map(str), st.datetimes(), st.dates(),
                            st.tuples(st.integers(-5, 10000), st.integers(-2, 14), st.integers(-2, 40)).map(
                                lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}"))


@fuzz("publication dates (read_published)", value=_ANY_DATE_VALUE)
def test_read_published_any_value(value):
    got = read_published(value)
    assert (got.value is None) or (got.problem is None)
    assert _valid_published(got.value)


@fuzz("publication dates (every y-m-d)", y=st.integers(0, 9999), m=st.integers(0, 13), d=st.integers(0, 32))
def test_read_published_is_the_calendar(y, m, d):
    got = read_published(f"{y:04d}-{m:02d}-{d:02d}", today=dt.date(2026, 12, 2))
    try:
        real = dt.date(y, m, d)
    except ValueError:
        real = None
    ok = real is not None and real.year >= MIN_YEAR and real <= dt.date(2026, 12, 3)
    assert (got.value == real.isoformat()) if ok else (got.value is None and got.problem)


@fuzz("event dates (resolve_date, dateline)", text=st.one_of(TEXT, st.sampled_from([
    "31 February", "on 31 February 2024", "year 0", "in 0000", "February 30, 2023", "3 days ago", "last week",
    "9999999999 years ago", "on Tuesday", "next month", "in 10000", "since 1799", "tomorrow"])),
      published=st.one_of(st.none(), st.dates(min_value=dt.date(MIN_YEAR, 1, 1), max_value=dt.date(2100, 12, 31))))
def test_resolve_date(text, published):
    ref = dates_mod.resolve_date(text, published)
    assert ref is None or isinstance(ref, DateRef)
    if ref is not None and ref.value:
        parts = [int(p) for p in ref.value.split("-")]
        dt.date(parts[0], *(parts[1:] + [1, 1])[:2])  # a real calendar period
    dates_mod.dateline(text, published)


# --------------------------------------------------------------------------- numbers


@fuzz("numbers (parse_quantity, any text)", text=TEXT)
def test_parse_quantity_any_text(text):
    got = parse_quantity(text)
    assert got is None or isinstance(got, Count)
    if got is not None:
        for v in (got.low, got.best, got.high):
            assert v is None or (type(v) is int and v >= 0)


_SCRIPTS = {"latin": "0123456789", "arabic-indic": "٠١٢٣٤٥٦٧٨٩", "devanagari": "०१२३४५६७८९"}


@fuzz("numbers (exact integers of up to 40 digits, three scripts)", n=st.integers(0, 10**40),
      script=st.sampled_from(sorted(_SCRIPTS)), grouped=st.booleans())
def test_integers_are_exact(n, script, grouped):
    written = f"{n:,}" if grouped else str(n)
    written = written.translate(str.maketrans("0123456789", _SCRIPTS[script]))
    assert parse_quantity(f"{written} people") == Count(low=n, best=n, high=n)
    assert parse_quantity(f"-{written} people") is None  # a signed figure is no headcount


@fuzz("numbers (misgrouped digits)", parts=st.lists(st.integers(0, 99), min_size=2, max_size=5))
def test_misgrouped_digits_are_refused(parts):
    assert parse_quantity(",".join(str(p) for p in parts) + " killed") is None


@fuzz("plausibility (check_size)", n=st.integers(0, 10**30), country=st.sampled_from([None, "NG", "VA", "US", "ZZ", ""]))
def test_check_size(n, country):
    from whimbrel.records import Size
    from whimbrel.stages.plausible import MAX_FIGURE, check_size, population

    size = check_size(Size(dead=Count(low=n, best=n, high=n)), country)
    limit = min(MAX_FIGURE, population(country) or MAX_FIGURE)
    if n > limit:
        assert size.dead is None and size.refused[0].count.best == n and size.refused[0].code == "E209"
    else:
        assert size.dead == Count(low=n, best=n, high=n) and not size.refused


# --------------------------------------------------------------------------- the pipeline over nasty figures


@pytest.fixture(scope="module")
def pipeline():
    from whimbrel.extract import build_pipeline

    return build_pipeline(Settings())


@fuzz("extraction (figures in a sentence, spaCy pipeline)", fast=25, slow=200,
      figure=st.one_of(st.integers(0, 10**45).map(str), _NASTY_TEXT, st.integers(0, 10**9).map(lambda n: f"{n:,}")))
def test_figures_through_the_pipeline(pipeline, figure):
    from whimbrel.extract import extract

    events = extract(f"Gunmen killed {figure} people in Kano on Monday, police said.", "2024-03-05",
                     pipeline=pipeline, settings=Settings(all_events=True))
    for ev in events:
        for c in (ev.size.dead, ev.size.injured, ev.size.arrested):
            for v in (c.low, c.best, c.high) if c else ():
                assert v is None or (type(v) is int and 0 <= v <= 10**7)
        for r in ev.size.refused:
            assert r.code == "E209" and r.reason


# --------------------------------------------------------------------------- gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    from whimbrel.knowledge.gazetteer import SQLiteGazetteer

    gz = SQLiteGazetteer()  # the index the pipeline uses (built on first use)
    gz.country("US")
    yield gz
    gz.close()


@fuzz("gazetteer queries", name=TEXT, country=st.one_of(st.none(), st.text(max_size=4)),
      pid=st.integers(-(10**30), 10**30))
def test_gazetteer_queries(gazetteer, name, country, pid):
    for p in gazetteer.lookup(name, country=country):
        assert p.name
    gazetteer.country(name[:3])
    gazetteer.demonym(name)
    place = gazetteer.get(pid)
    # an index's own places (regions without a GeoNames row) have negative ids and no geonameid
    assert place is None or place.geonameid == (pid if pid > 0 else None)


# --------------------------------------------------------------------------- the HTTP API (TestClient)


@pytest.fixture(scope="module")
def api(demo_store, tmp_path_factory):
    import shutil

    from fastapi.testclient import TestClient

    from whimbrel.web import create_app

    folder = tmp_path_factory.mktemp("fuzz-api")
    db = folder / "store.db"
    shutil.copyfile(demo_store, db)
    app = create_app(str(db), data_dir=str(folder), token="fuzz-token")
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


_PARAMS = ["since", "until", "country", "admin1", "type", "mode", "acled_type", "acled_subtype", "actor", "recipient",
           "dyad", "claimant", "modality", "bbox", "near", "min_sources", "q", "sort", "cursor", "limit", "format",
           "interval", "group", "top", "max", "zz"]
_PATHS = ["/api/events", "/api/points", "/api/trends", "/api/changes", "/api/health"]


def _answered(resp) -> None:
    assert resp.status_code < 500, (resp.status_code, resp.text[:300])
    if resp.status_code >= 400 and resp.headers.get("content-type", "").startswith("application/json"):
        err = resp.json()["error"]
        assert err["code"].startswith("E7") and err["message"]


@fuzz("API query strings", fast=60, slow=400, path=st.sampled_from(_PATHS),
      params=st.dictionaries(st.sampled_from(_PARAMS), st.one_of(TEXT, st.integers().map(str)), max_size=4))
def test_api_query_strings(api, path, params):
    _answered(api.get(path, params=params))


@fuzz("API path parameters", fast=60, slow=400, kind=st.sampled_from(["events", "articles", "actors", "places"]),
      value=st.one_of(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/?#"),
                              min_size=1, max_size=40), st.integers(-(10**30), 10**30).map(str)))
def test_api_path_parameters(api, kind, value):
    from urllib.parse import quote

    _answered(api.get(f"/api/{kind}/{quote(value, safe='')}"))



def test_api_place_id_beyond_64_bits(api):
    """Found by the fuzz run (issue 14): an id beyond 64 bits crashed place_detail (OverflowError
    in SQLite's binding); the route now refuses it as a bad parameter."""
    for value in (2**63, -1, 10**40):
        resp = api.get(f"/api/places/{value}")
        _answered(resp)
        assert resp.status_code in (400, 422), (value, resp.status_code)


@fuzz("API bodies (POST /api/articles)", fast=30, slow=200,
      body=st.one_of(st.binary(max_size=600), JSON_VALUES.map(lambda v: json.dumps(v).encode()),
                     st.lists(RECORDS, max_size=2).map(lambda v: json.dumps(v).encode())),
      ctype=st.sampled_from(["application/json", "application/x-ndjson", "text/html", "text/plain", "image/png", ""]),
      auth=st.booleans())
def test_api_bodies(api, body, ctype, auth):
    headers = {"content-type": ctype} if ctype else {}
    if auth:
        headers["authorization"] = "Bearer fuzz-token"
    _answered(api.post("/api/articles", content=body, headers=headers))


# --------------------------------------------------------------------------- the corpus of nasty files


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("nasty")
    write_corpus(folder)
    return folder


@pytest.mark.parametrize("nasty", NASTY, ids=lambda n: n.name)
@pytest.mark.parametrize("reader", ["read_paths", "batch"])
def test_nasty_file(corpus, nasty, reader):
    from whimbrel.batch.inputs import iter_file

    path = str(corpus / nasty.name)
    out = list(read_paths([path], Settings()) if reader == "read_paths" else iter_file(path, Settings()))
    skips = [x for x in out if isinstance(x, Skip)]
    arts = [x for x in out if isinstance(x, Article)]
    assert tuple(s.code for s in skips) == nasty.codes, [s.line() for s in skips]
    assert len(arts) == nasty.articles
    assert tuple(w.code for a in arts for w in a.warnings) == nasty.warnings
    assert all(s.origin.startswith(path) and path in s.line() for s in skips)
    assert all(path in w.line() for a in arts for w in a.warnings)


def test_a_folder_of_nasty_files_goes_on(corpus):
    """One batch over the whole corpus: every file answers, the good records are all read."""
    out = list(read_paths([str(corpus)], Settings()))
    assert sum(isinstance(x, Article) for x in out) == sum(n.articles for n in NASTY)
    assert sum(isinstance(x, Skip) for x in out) == sum(len(n.codes) for n in NASTY)


def test_nasty_files_through_extract_cli(corpus):
    """`whimbrel extract` over the corpus: one stderr line per skip and per warning, each naming its file."""
    from click.testing import CliRunner

    from whimbrel.cli import main

    files = [str(corpus / n) for n in ("bad-dates.jsonl", "deep.jsonl", "many-items.rss", "utf16le-no-bom.txt")]
    result = CliRunner().invoke(main, ["extract", *files])
    assert result.exit_code == 3, result.output
    lines = result.stderr.splitlines()
    assert sum("whimbrel: warning" in line and "[E208]" in line and "bad-dates.jsonl:" in line for line in lines) == 7
    assert any("[E205]" in line and "many-items.rss" in line for line in lines)
    assert any("[E203]" in line and "utf16le-no-bom.txt" in line for line in lines)


def _long_line_bounded(tmp_path: Path, size: int) -> None:
    from whimbrel.batch.inputs import iter_file

    path = tmp_path / "long.jsonl"
    write_long_line(path, size)
    limit = 1_000_000
    tracemalloc.start()
    try:
        out = list(iter_file(str(path), Settings(max_bytes=limit)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [x.code for x in out if isinstance(x, Skip)] == ["E205"]
    assert "long.jsonl:1" in out[0].line() and [x.id for x in out if isinstance(x, Article)] == ["ok"]
    assert peak < 8 * limit, f"peak {peak:,} bytes: the long line was held in memory"
    # read_paths (extract, ingest) refuses the file by its size before reading it
    (skip,) = list(read_paths([str(path)], Settings(max_bytes=limit)))
    assert skip.code == "E205"


def test_a_long_single_line_is_refused_without_reading_it_whole(tmp_path):
    _long_line_bounded(tmp_path, 10 * 1024 * 1024)


@pytest.mark.slow
def test_a_100_mb_single_line_is_refused_without_reading_it_whole(tmp_path):
    _long_line_bounded(tmp_path, 100 * 1024 * 1024)


def test_the_cases_are_counted():
    """Every parser of the issue has properties, with the example counts docs/robustness.md reports."""
    parsers = " ".join(p for p, _, _ in CASES.values())
    for word in ("read_paths", "HTML", "JSONL", "JSON file", "feed", "dates", "numbers", "gazetteer", "API"):
        assert word in parsers, word
    assert all(fast >= 25 and slow >= fast for _, fast, slow in CASES.values())
