"""The typed Parquet schema (whimbrel.tables): read back with pyarrow and DuckDB."""

from __future__ import annotations

import datetime as dt

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
duckdb = pytest.importorskip("duckdb")

from whimbrel.records import Claim, Count, DateRef, Entity, Event, Place, Size  # noqa: E402
from whimbrel.store.model import MergeLink, SizeReport, StoredEvent  # noqa: E402
from whimbrel.tables import SCHEMAS, event_row, to_date, write_events  # noqa: E402


def _event(i: int, **kw) -> StoredEvent:
    base = dict(
        id=f"we:{i:04d}", article_id=f"a{i}", event_type="ASSAULT", mode="aerial",
        actor=(Entity(text="the air force", name="Air Force", code="SYR", sector="MIL"),),
        recipient=(Entity(text="villagers", sector="CVL"),),
        date=DateRef(text="in March", value="2024-03", precision="month"),
        location=Place(text="Idlib", name="Idlib", country_code="SY", lat=35.93, lon=36.63, precision="city"),
        size=Size(dead=Count(low=10, best=12, high=15), injured=Count(best=20), arrested=Count(low=3, high=5)),
        claims=(Claim(claimant=Entity(text="a monitor", name="Monitor"), text="said", cue="said", hedged=True),),
        article_ids=(f"a{i}", f"b{i}"), sources=("Wire", "Paper"), n_articles=2, n_sources=2,
        first_reported="2024-03-12", last_reported="2024-03-14", size_conflict=True,
        size_reports=(SizeReport(field="dead", article_id=f"a{i}", source="Wire", count=Count(best=12)),),
        links=(MergeLink(mention_id=f"ev:{i}", article_id=f"a{i}"),
               MergeLink(mention_id=f"ev:{i}b", article_id=f"b{i}", linked_to=f"ev:{i}", score=0.8,
                         reasons={"type": 1.0})),
    )
    base.update(kw)
    return StoredEvent(**base)


def test_no_column_is_null_typed():
    for name, schema in SCHEMAS.items():
        for f in schema():
            assert not pa.types.is_null(f.type), f"{name}.{f.name} is NULL-typed"


def test_events_file_types_and_values(tmp_path):
    path = tmp_path / "e.parquet"
    assert write_events([_event(1), _event(2, first_reported=None, date=None, size=Size())], str(path)) == 2
    t = pq.read_table(path)
    sch = t.schema
    assert sch.field("date").type == pa.date32() and sch.field("first_reported").type == pa.date32()
    for c in ("dead_low", "dead_best", "dead_high", "injured_low", "injured_high", "arrested_low", "arrested_high"):
        assert sch.field(c).type == pa.int64()
    assert pa.types.is_list(sch.field("claims").type) and pa.types.is_list(sch.field("actors").type)
    rows = t.to_pylist()
    assert rows[0]["date"] == dt.date(2024, 3, 1) and rows[0]["date_precision"] == "month"
    assert (rows[0]["dead_low"], rows[0]["dead_best"], rows[0]["dead_high"]) == (10, 12, 15)
    assert (rows[0]["arrested_low"], rows[0]["arrested_best"], rows[0]["arrested_high"]) == (3, None, 5)
    assert rows[0]["claims"][0]["claimant"]["name"] == "Monitor" and rows[0]["claims"][0]["hedged"] is True
    assert rows[0]["mention_ids"] == ["ev:1", "ev:1b"] and rows[0]["acled_event_type"] is None
    assert rows[1]["date"] is None and rows[1]["first_reported"] is None and rows[1]["dead_best"] is None
    assert StoredEvent.model_validate_json(rows[0]["record"]) == _event(1)


def test_files_with_all_null_columns_still_merge(tmp_path):
    write_events([_event(1, first_reported=None, last_reported=None)], str(tmp_path / "a.parquet"))
    write_events([_event(2)], str(tmp_path / "b.parquet"))
    merged = pa.concat_tables([pq.read_table(tmp_path / "a.parquet"), pq.read_table(tmp_path / "b.parquet")])
    assert merged.num_rows == 2 and merged.schema.field("first_reported").type == pa.date32()


def test_duckdb_reads_the_events(tmp_path):
    write_events([_event(1), _event(2, location=Place(text="Aleppo", country_code="SY"))], str(tmp_path / "e.parquet"))
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT country, CAST(date_trunc('week', date) AS DATE) AS week, count(*), sum(dead_best)"
        f" FROM read_parquet('{tmp_path}/e.parquet') GROUP BY ALL").fetchall()
    assert rows == [("SY", dt.date(2024, 2, 26), 2, 24)]
    claim = con.execute(f"SELECT unnest(claims).claimant.name FROM read_parquet('{tmp_path}/e.parquet') LIMIT 1").fetchone()
    assert claim == ("Monitor",)


def test_to_date_precisions():
    assert to_date("2024-03-05") == dt.date(2024, 3, 5)
    assert to_date("2024-03") == dt.date(2024, 3, 1) and to_date("2024") == dt.date(2024, 1, 1)
    assert to_date(None) is None and to_date("soon") is None and to_date("2024-02-30") is None


def test_event_row_counts_mentions():
    assert event_row(_event(3))["n_mentions"] == 2


def test_every_column_is_documented():
    from whimbrel.tables import COLUMN_DOCS, describe

    for name in SCHEMAS:
        for col, _ in describe(name):
            assert COLUMN_DOCS.get(col), f"{name}.{col} has no documentation"
