"""Issue 14, bad values: a clear word and a safe result.

* A publication date that is no real day, not a date, year 0 or more than a day in the
  future gives an E208 warning naming the file and record; the article is processed undated.
* A figure beyond plausibility (over 10^7, or more than the country's population) is refused
  as a figure: it leaves ``size`` for ``size.refused`` with E209.
* Integers never pass through floats.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from click.testing import CliRunner

from whimbrel.cli import main
from whimbrel.records import Count, Size
from whimbrel.settings import Settings
from whimbrel.stages.numbers import parse_quantity
from whimbrel.stages.plausible import MAX_FIGURE, check_size, implausible, population
from whimbrel.stages.pubdate import MIN_YEAR, normalise_date, read_published
from whimbrel.stages.read import read_paths, read_text

TODAY = dt.date(2026, 12, 2)
STORY = "Gunmen attacked a market in Kano on Monday and killed four traders, police said."


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize("value,why", [
    ("2024-02-31", "February 2024 has no day 31"),
    ("2023-02-29", "February 2023 has no day 29"),
    ("2024-13-01", "no month 13"),
    ("0000-01-01", "year 0 does not exist"),
    ("0000-00-00", "year 0 does not exist"),
    ("not a date", "not a date this reader knows"),
    ("Sat, 31 Feb 2024 10:00:00 GMT", "February 2024 has no day 31"),
    ("2024/02/30", "February 2024 has no day 30"),
    ("1066-10-14", f"before {MIN_YEAR}"),
    ("2026-12-04", "lies in the future"),
    ("9999-12-31", "lies in the future"),
    (20240131, "a JSON int, not a string"),
    (True, "a JSON bool"),
    (["2024-01-01"], "a JSON list"),
    ("2" * 500, "a text of 500 characters"),
])
def test_refused_dates_say_why(value, why):
    got = read_published(value, today=TODAY)
    assert got.value is None and why in got.problem, got


@pytest.mark.parametrize("value,day", [
    ("2024-02-29", "2024-02-29"), ("2026-12-03", "2026-12-03"),  # a leap day; tomorrow (clock skew)
    ("2024-01-24T23:30:00-05:00", "2024-01-24"), ("Wed, 24 Jan 2024 09:30:00 GMT", "2024-01-24"),
    ("24 January 2024", "2024-01-24"), (dt.date(2020, 5, 1), "2020-05-01"), (None, None), ("  ", None),
])
def test_good_and_absent_dates(value, day):
    got = read_published(value, today=TODAY)
    assert (got.value, got.problem) == (day, None)


def test_the_clock_decides_the_future():
    today = dt.datetime.now(dt.timezone.utc).date()
    assert normalise_date((today + dt.timedelta(days=1)).isoformat()) is not None
    assert normalise_date((today + dt.timedelta(days=3)).isoformat()) is None


def _jsonl(tmp_path, *recs):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    return path


def test_a_bad_date_warns_naming_file_and_line_and_the_article_is_undated(tmp_path):
    path = _jsonl(tmp_path, {"id": "a", "text": STORY, "published": "2024-03-05"},
                  {"id": "b", "text": STORY, "published": "2024-02-31"},
                  {"id": "c", "text": STORY, "published": "not a date"})
    a, b, c = read_paths([str(path)])
    assert (a.published, a.warnings) == ("2024-03-05", ())
    for art, n, value in ((b, 2, "2024-02-31"), (c, 3, "not a date")):
        assert art.published is None
        (note,) = art.warnings
        assert note.code == "E208" and note.field == "published" and note.origin == f"{path}:{n}"
        assert note.line().startswith(f"{path}:{n}: [E208] line {n}: field 'published': '{value}'")
        assert "read as undated" in note.message and note.hint
    # a --published default fills the gap, as for a record that gives no date
    _, b2, _ = read_paths([str(path)], published="2024-03-01")
    assert b2.published == "2024-03-01" and b2.warnings[0].code == "E208"


def test_ids_of_good_records_do_not_change():
    """A record's content id hashes its own date; valid dates read as before."""
    (a,) = read_text(json.dumps({"text": STORY, "published": "2024-03-05T10:00:00Z"}))
    from whimbrel.records import Article

    assert a.id == Article.content_id(STORY, None, None, None, "2024-03-05")


def test_json_arrays_and_feeds_name_the_record(tmp_path):
    arr = tmp_path / "a.json"
    arr.write_text(json.dumps([{"id": "x", "text": STORY}, {"id": "y", "text": STORY, "published": "0000-01-01"}]))
    x, y = read_paths([str(arr)])
    assert not x.warnings and y.warnings[0].origin == f"{arr}#1" and "record 1:" in y.warnings[0].message
    feed = tmp_path / "f.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                    f"<item><title>a</title><pubDate>Sat, 31 Feb 2024 10:00:00 GMT</pubDate><description>{STORY}</description></item>"
                    f"<item><title>b</title><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>{STORY}</description></item>"
                    "</channel></rss>")
    first, second = read_paths([str(feed)])
    assert first.published is None and first.warnings[0].origin == f"{feed}#0"
    assert "February 2024 has no day 31" in first.warnings[0].message
    assert second.published == "2024-03-05" and not second.warnings


def test_parquet_rows_warn_with_their_row(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from whimbrel.batch.inputs import iter_file

    path = tmp_path / "rows.parquet"
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": [STORY, STORY], "published": ["2024-03-05", "2024-02-30"]}), path)
    p1, p2 = iter_file(str(path), Settings())
    assert p1.published == "2024-03-05" and not p1.warnings
    assert p2.published is None and p2.warnings[0].origin == f"{path}:row 2"


def test_extract_prints_the_warning_and_does_not_fail(tmp_path):
    path = _jsonl(tmp_path, {"id": "b", "text": STORY, "published": "2024-02-31"})
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("whimbrel: warning")]
    assert f"{path}:1: [E208]" in line and "'2024-02-31'" in line
    events = [json.loads(x) for x in result.stdout.splitlines()]
    assert events and all(e["date"] is None or e["date"]["value"] is None for e in events)


def test_extract_refuses_a_bad_published_flag(tmp_path):
    path = _jsonl(tmp_path, {"id": "b", "text": STORY})
    result = CliRunner().invoke(main, ["extract", "--published", "2024-02-31", str(path)])
    assert result.exit_code == 2 and "February 2024 has no day 31" in result.output


def test_ingest_warns_and_stores_the_warning_with_the_article(tmp_path):
    from whimbrel.store import Store

    path = _jsonl(tmp_path, {"id": "b", "text": STORY, "published": "2999-01-01"},
                  {"id": "ok", "text": STORY, "published": "2024-03-05"})
    db = tmp_path / "w.db"
    result = CliRunner().invoke(main, ["ingest", "--db", str(db), "--no-progress", "--json", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["warnings"] == 1
    assert any(f"{path}:1: [E208]" in x and "lies in the future" in x for x in result.stderr.splitlines())
    with Store(db) as store:
        b = store.get_article("b")
        assert b.published is None and [w.code for w in b.warnings] == ["E208"]
        assert b.warnings[0].origin == f"{path}:1"
        assert store.get_article("ok").warnings == ()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT warnings FROM articles WHERE id='ok'").fetchone()[0] is None


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize("text,count", [
    ("99999999999999999999999 people", Count(low=99999999999999999999999, best=99999999999999999999999,
                                             high=99999999999999999999999)),
    ("1234567890123456789012345678901234567890 people", Count(low=1234567890123456789012345678901234567890,
                                                              best=1234567890123456789012345678901234567890,
                                                              high=1234567890123456789012345678901234567890)),
    ("٣ people", Count(low=3, best=3, high=3)),
    ("३ people", Count(low=3, best=3, high=3)),
    ("١٢٬٠٠٠ people", Count(low=12000, best=12000, high=12000)),  # with the Arabic thousands separator
    ("1,250 people", Count(low=1250, best=1250, high=1250)),
    ("2.5 million", Count(low=2_500_000, best=2_500_000, high=2_500_000)),
    ("1.15 million", Count(low=1_150_000, best=1_150_000, high=1_150_000)),
    ("-5 killed", None),
    ("1,2,3 killed", None),
    ("12,34 killed", None),
    ("5-10 killed", Count(low=5, best=5, high=10)),
    ("9" * 61, None),  # longer than any count: not read
])
def test_numbers_are_exact_or_refused(text, count):
    got = parse_quantity(text)
    assert got == count
    if got is not None:
        assert all(type(v) is int for v in (got.low, got.best, got.high) if v is not None)


def test_digit_runs_past_the_bound_are_not_read():
    from whimbrel.stages.numbers import MAX_DIGITS

    assert parse_quantity("9" * MAX_DIGITS + " people").best == int("9" * MAX_DIGITS)
    assert parse_quantity("9" * (MAX_DIGITS + 1) + " people") is None
    assert parse_quantity("1" * 100_000) is None  # past Python's own 4,300-digit limit: no crash


def test_plausibility_bounds():
    assert implausible(Count(best=MAX_FIGURE)) is None
    assert "over 10,000,000" in implausible(Count(best=MAX_FIGURE + 1))
    assert population("VA") and population("VA") < 10_000 and population("ZZ") is None
    assert "population of VA" in implausible(Count(low=5000, best=5000), "VA")
    assert implausible(Count(low=5000, best=5000), "NG") is None
    size = Size(dead=Count(low=3, best=3, high=3), injured=Count(best=10**20))
    checked = check_size(size, "NG")
    assert checked.dead == size.dead and checked.injured is None
    (r,) = checked.refused
    assert (r.figure, r.code, r.count.best) == ("injured", "E209", 10**20)
    assert check_size(Size(dead=Count(best=3)), "NG") == Size(dead=Count(best=3))  # nothing to refuse
    assert "refused" not in Size(dead=Count(best=3)).to_json()  # the JSON of a plausible size is unchanged


@pytest.fixture(scope="module")
def pipeline():
    from whimbrel.extract import build_pipeline

    return build_pipeline(Settings())


def _events(pipeline, text):
    from whimbrel.extract import extract

    return extract(text, "2024-03-05", pipeline=pipeline, settings=Settings(all_events=True))


def test_an_impossible_toll_is_refused_not_rounded(pipeline):
    events = _events(pipeline, "Gunmen killed 99999999999999999999999 people in Kano on Monday, police said.")
    assert events
    ev = events[0]
    assert ev.size.dead is None
    (r,) = ev.size.refused
    assert r.figure == "dead" and r.code == "E209" and r.count.best == 99999999999999999999999
    text = json.dumps(ev.to_json())
    assert "99999999999999999999999" in text and "99999999999999991611392" not in text and "e+" not in text


def test_more_arrests_than_people_in_the_country_are_refused(pipeline):
    events = _events(pipeline, "Police arrested 5,000 protesters in Vatican City on Monday.")
    refused = [r for ev in events for r in ev.size.refused]
    assert refused and all(r.figure == "arrested" and "population of VA" in r.reason for r in refused)
    assert all(ev.size.arrested is None for ev in events)


@pytest.mark.parametrize("figure,dead", [("-5", None), ("1,2,3", None), ("٣", 3), ("३", 3), ("40,000", 40000),
                                         ("1234567890123456789012345678901234567890", None)])
def test_nasty_figures_in_the_pipeline(pipeline, figure, dead):
    events = _events(pipeline, f"Gunmen killed {figure} people in Kano on Monday, police said.")
    assert events
    got = events[0].size.dead
    assert (got.best if got else None) == dead


def test_the_store_keeps_refused_figures_out_of_its_tables(pipeline, tmp_path):
    from whimbrel.store import Store
    from whimbrel.store.ingest import ingest_items

    from whimbrel.records import Article

    art = Article(id="big", text="Gunmen killed 99999999999999999999999 people in Kano on Monday, police said.",
                  raw="Gunmen killed 99999999999999999999999 people in Kano on Monday, police said.",
                  published="2024-03-05")
    with Store(tmp_path / "w.db") as store:
        ingest_items([art], store, Settings(db=str(tmp_path / "w.db"), data_dir=str(tmp_path), all_events=True))
        (mention,) = [m for m in store.mention_events("big") if m.size.refused]
        assert mention.size.refused[0].count.best == 99999999999999999999999
        assert store.conn.execute("SELECT MAX(dead_best) FROM events").fetchone()[0] is None


@pytest.mark.parametrize("value", ["2024-02-31", "not a date", "0000-01-01", "2999-01-01"])
def test_the_library_call_warns_and_reads_undated(pipeline, value):
    from whimbrel.extract import extract

    with pytest.warns(UserWarning, match=r"\[E208\] published: .* read as undated"):
        events = extract(STORY, value, pipeline=pipeline, settings=Settings(all_events=True))
    assert events and all(e.date is None or e.date.value is None for e in events)


def test_an_article_built_by_hand_with_a_bad_date_gives_undated_events(pipeline):
    from whimbrel.pipeline import Work
    from whimbrel.records import Article

    work = pipeline.run(Work(article=Article(id="h", text=STORY, raw=STORY, published="2024-02-31")))
    assert work.events and all(e.date is None or e.date.value != "2024-02-31" for e in work.events)


@pytest.mark.parametrize("text", ["9999999999 years ago", "3000 years ago", "9999999999 days ago", "500000 weeks ago"])
def test_event_dates_that_leave_the_calendar_are_unresolved_not_a_crash(text):
    from whimbrel.stages.dates import resolve_date

    ref = resolve_date(text, dt.date(2000, 1, 1))
    assert ref is not None and ref.text == text and ref.value is None and ref.precision is None


def test_event_dates_near_the_calendar_start():
    from whimbrel.stages.dates import resolve_date

    assert resolve_date("2 days ago", dt.date(1, 1, 1)).value is None
    assert resolve_date("last year", dt.date(1, 1, 1)).value is None
    assert resolve_date("2 days ago", dt.date(2024, 3, 1)).value == "2024-02-28"
