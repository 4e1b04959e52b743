"""The event store: migrations, idempotent ingest, corrections, failures, syndication, CLI."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from whimbrel.errors import StoreError
from whimbrel.records import Skip
from whimbrel.store import Store, ingest_items
from whimbrel.store.migrations import MIGRATIONS, current_version, migrate

from .storehelpers import WIRE, FakeExtractor, article, event, settings


def test_migrations_from_empty(tmp_path):
    with Store(tmp_path / "a.db") as s:
        assert s.version == len(MIGRATIONS)
        assert current_version(s.conn) == len(MIGRATIONS)
        tables = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"articles", "mentions", "events", "event_mentions", "claims", "entities",
                "schema_version", "articles_fts"} <= tables
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(tmp_path / "a.db") as s:  # reopening applies nothing new
        assert s.conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)


def test_failed_migration_rolls_back():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    steps = ["CREATE TABLE t(x INTEGER);", "CREATE TABLE u(y INTEGER); CREATE TABLE t(x INTEGER);"]
    with pytest.raises(StoreError):
        migrate(conn, steps)
    assert current_version(conn) == 1
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "u" not in names and "t" in names


def test_newer_database_is_refused():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, ["CREATE TABLE t(x);", "CREATE TABLE u(x);"])
    with pytest.raises(StoreError):
        migrate(conn, ["CREATE TABLE t(x);"])


def _corpus():
    arts = [article("a1", "Strike on Aleppo market. " * 3), article("a2", "Clashes in Idlib. " * 3)]
    evs = {"a1": [event("a1", dead=12, sentence="An air strike hit a market in Aleppo.")],
           "a2": [event("a2", where="idlib", day="2024-03-10", sentence="Rebels clashed with troops in Idlib.")]}
    return arts, evs


def test_reingest_is_idempotent(tmp_path):
    arts, evs = _corpus()
    with Store(tmp_path / "w.db") as s:
        first = ingest_items(arts, s, settings(tmp_path), extractor=FakeExtractor(evs))
        assert first.ingested == 2 and first.mentions == 2 and first.events_after == 2
        before = s.counts()
        ids = [e.id for e in s.events()]
        fx = FakeExtractor(evs)
        again = ingest_items(arts, s, settings(tmp_path), extractor=fx)
        assert again.unchanged == 2 and again.ingested == 0 and fx.calls == 0
        assert s.counts() == before
        assert [e.id for e in s.events()] == ids


def test_correction_replaces_mentions(tmp_path):
    arts, evs = _corpus()
    with Store(tmp_path / "w.db") as s:
        ingest_items(arts, s, settings(tmp_path), extractor=FakeExtractor(evs))
        fixed = article("a1", "Strike on Aleppo market, corrected toll. " * 3)
        new = {"a1": [event("a1", dead=15, sentence="An air strike killed 15 in Aleppo.", start=5)]}
        out = ingest_items([fixed], s, settings(tmp_path), extractor=FakeExtractor(new))
        assert out.replaced == 1
        ms = s.mention_events("a1")
        assert [m.size.dead.best for m in ms] == [15]
        assert s.counts()["mentions"] == 2
        assert s.counts()["events"] == 2
        assert {e.size.dead.best for e in s.events() if e.size.dead} == {15}


def test_bad_record_mid_batch_keeps_earlier_rows(tmp_path):
    arts, evs = _corpus()
    with Store(tmp_path / "w.db") as s:
        ingest_items(arts[:1], s, settings(tmp_path), extractor=FakeExtractor(evs))
        # a3 cannot be stored (the database refuses its mentions); the rest of the batch goes on
        s.conn.execute("CREATE TRIGGER no_idlib BEFORE INSERT ON mentions WHEN new.article_id='a3'"
                       " BEGIN SELECT RAISE(ABORT, 'boom'); END")
        batch = [article("a2", "Clashes in Idlib. " * 3), article("a3", "Broken record text. " * 3),
                 Skip(origin="in.jsonl:4", code="E204", reason="not JSON"), article("a4", "Later ok. " * 3)]
        new = {"a2": evs["a2"], "a3": [event("a3")], "a4": [event("a4", where="damascus", day="2024-05-01")]}
        out = ingest_items(batch, s, settings(tmp_path), extractor=FakeExtractor(new))
        assert out.ingested == 2
        assert out.skip_codes == {"E400": 1, "E204": 1}
        assert s.get_article("a1") is not None and s.get_article("a2") is not None
        assert s.get_article("a4") is not None
        assert s.conn.execute("SELECT COUNT(*) FROM mentions WHERE article_id='a3'").fetchone()[0] == 0
        assert s.mention_events("a1")[0].size.dead.best == 12
        assert s.counts()["skipped"] == 2


def test_syndicated_copy_is_linked_and_not_an_extra_source(tmp_path):
    arts = [article("w1", WIRE, publisher="wire.example", published="2024-03-02"),
            article("w2", WIRE + " Reuters", publisher="paper.example", published="2024-03-03"),
            article("w3", "A completely different story about a flood in a river valley. " * 8,
                    publisher="other.example")]
    evs = {"w1": [event("w1", dead=12, sentence=WIRE[:120])],
           "w2": [event("w2", dead=12, sentence=WIRE[:120])],
           "w3": []}
    with Store(tmp_path / "w.db") as s:
        out = ingest_items(arts, s, settings(tmp_path), extractor=FakeExtractor(evs))
        assert out.syndicated == 1
        assert s.get_article("w2").syndicated_of == "w1"
        assert s.get_article("w3").syndicated_of is None
        (ev,) = s.events()
        assert ev.n_articles == 2 and ev.n_sources == 1 and ev.sources == ("wire.example",)


def test_fulltext_search(tmp_path):
    arts, evs = _corpus()
    with Store(tmp_path / "w.db") as s:
        ingest_items(arts, s, settings(tmp_path), extractor=FakeExtractor(evs))
        assert [a.id for a in s.search("Idlib")] == ["a2"]
        with pytest.raises(StoreError):
            s.search('"unbalanced')


def test_cli_smoke(tmp_path, monkeypatch):
    from whimbrel.cli import main
    import importlib

    ing = importlib.import_module("whimbrel.store.ingest")

    arts, evs = _corpus()
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": a.id, "text": a.text, "published": a.published,
                                         "publisher": a.publisher}) for a in arts) + "\n{bad\n")
    fake = FakeExtractor(evs)
    monkeypatch.setattr(ing, "_default_extractor", lambda: fake)
    db = str(tmp_path / "cli.db")
    r = CliRunner().invoke(main, ["ingest", str(src), "--db", db])
    assert r.exit_code == 0, r.output
    assert "ingested" in r.output and "2" in r.output
    r = CliRunner().invoke(main, ["events", "--db", db, "--format", "jsonl"])
    lines = [json.loads(x) for x in r.output.splitlines() if x.strip()]
    assert len(lines) == 2 and {"article_ids", "sources", "first_reported", "last_reported"} <= set(lines[0])
    r = CliRunner().invoke(main, ["events", "--db", db, "--country", "SY", "--near", "36.2,37.1,20"])
    assert r.exit_code == 0 and r.output.rstrip().endswith("1 events")
    r = CliRunner().invoke(main, ["show", lines[0]["id"], "--db", db])
    assert r.exit_code == 0 and lines[0]["id"] in r.output
    r = CliRunner().invoke(main, ["show", "we:nope", "--db", db])
    assert r.exit_code != 0
    r = CliRunner().invoke(main, ["trend", "--db", db, "--country", "Syria", "--by", "week"])
    assert r.exit_code == 0 and "2024-" in r.output


def test_readers_see_committed_data_while_a_writer_holds_the_lock(tmp_path):
    arts, evs = _corpus()
    path = tmp_path / "c.db"
    with Store(path) as writer, Store(path) as reader:
        ingest_items(arts[:1], writer, settings(tmp_path), extractor=FakeExtractor(evs))
        with writer.write() as conn:
            conn.execute("UPDATE articles SET title='pending' WHERE id='a1'")
            # WAL: the reader is not blocked and sees the last committed state
            assert reader.get_article("a1").title is None
            assert len(reader.events()) == 1
        assert reader.get_article("a1").title == "pending"


def test_cli_parquet_without_output_is_a_clear_error(tmp_path):
    from whimbrel.cli import main

    r = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "p.db"), "--format", "parquet"])
    assert r.exit_code == 4 and "--output" in r.output


def _open_after(path, barrier, results):
    barrier.wait()
    try:
        Store(path).close()
        results.put("ok")
    except StoreError as exc:
        results.put(str(exc))


def test_processes_opening_a_new_store_at_once_all_succeed(tmp_path):
    """CI regression (stop 21): two ingests opening one fresh store at the same moment; switching
    the new file to WAL was refused at once (no busy wait) and one of them stopped with E400."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    for round_ in range(6):
        path = tmp_path / f"new{round_}.db"
        barrier = ctx.Barrier(3)
        procs = [ctx.Process(target=_open_after, args=(str(path), barrier, results)) for _ in range(3)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=120)
        got = [results.get(timeout=5) for _ in procs]
        assert got == ["ok"] * 3, got
        with Store(path) as s:
            assert current_version(s.conn) == len(MIGRATIONS)
