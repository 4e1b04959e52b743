"""Issue 14, upgrades: a store made at schema version 1 is migrated in place without loss;
a store from a newer whimbrel is refused with a clear error and left unaltered."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from whimbrel.errors import StoreError
from whimbrel.store import Store
from whimbrel.store.migrations import MIGRATIONS, current_version, migrate
from whimbrel.store.ingest import ingest_items

from .storehelpers import FakeExtractor, article, event, settings

TEXT_A = ("Government aircraft struck a vegetable market in Aleppo on Saturday, killing at least twelve "
          "civilians, rescue workers said.")
TEXT_B = "Rescue workers said an air strike on a market in Aleppo killed 14 people on Saturday."

# A per-article event in the shape whimbrel wrote at schema version 1: no confidence, no held,
# a claim's cue a bare word, no ACLED rule.
_MENTION_A = {
    "id": "ev:aaaa000000000001", "article_id": "v1-a", "event_type": "ASSAULT", "mode": "aerial",
    "context": ["military"], "actor": [{"text": "Government aircraft", "name": "Syrian Arab Air Force", "code": "SYR",
                                         "sector": "MIL", "id": None, "start": 0, "end": 19}],
    "recipient": [{"text": "civilians", "name": None, "code": None, "sector": "CVL", "id": None, "start": 88, "end": 97}],
    "date": {"text": "Saturday", "value": "2024-03-02", "precision": "day"},
    "location": {"text": "Aleppo", "name": "Aleppo", "geonameid": 170063, "lat": 36.20124, "lon": 37.16117,
                 "country_code": "SY", "admin1": "Aleppo", "feature_code": "PPLA", "precision": "city",
                 "kind": "literal", "start": 51, "end": 57},
    "size": {"dead": {"low": 12, "best": 12, "high": None}, "injured": None, "arrested": None},
    "claims": [{"claimant": {"text": "rescue workers", "name": None, "code": None, "sector": "CVL", "id": None,
                             "start": 100, "end": 114}, "text": "said", "hedged": False, "cue": "said"}],
    "modality": "asserted", "acled": {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
                                      "disorder_type": "Political violence", "inter1": 1, "inter2": 7,
                                      "interaction": "17"},
    "cameo": "19", "quad_class": 4, "intensity": -9.5, "trigger": "struck",
    "mentions": [{"sentence": 0, "start": 0, "end": len(TEXT_A), "text": TEXT_A}],
}
_MENTION_B = {**_MENTION_A, "id": "ev:bbbb000000000002", "article_id": "v1-b", "actor": [], "trigger": "air strike",
              "size": {"dead": {"low": 14, "best": 14, "high": 14}, "injured": None, "arrested": None},
              "claims": [], "mentions": [{"sentence": 0, "start": 0, "end": len(TEXT_B), "text": TEXT_B}]}
_EVENT = {**_MENTION_A, "id": "ev:aaaa000000000001", "size": {"dead": {"low": 12, "best": 14, "high": 14}},
          "article_ids": ["v1-a", "v1-b"], "sources": ["Aleppo Today", "wire.example"], "n_articles": 2, "n_sources": 2,
          "first_reported": "2024-03-02", "last_reported": "2024-03-03", "size_conflict": True,
          "size_reports": [
              {"field": "dead", "article_id": "v1-a", "source": "Aleppo Today", "count": {"low": 12, "best": 12}},
              {"field": "dead", "article_id": "v1-b", "source": "wire.example", "count": {"low": 14, "best": 14, "high": 14}}],
          "links": [{"mention_id": "ev:aaaa000000000001", "article_id": "v1-a"},
                    {"mention_id": "ev:bbbb000000000002", "article_id": "v1-b", "linked_to": "ev:aaaa000000000001",
                     "score": 0.83, "reasons": {"type": 1.0, "date": 1.0, "place": 1.0}}]}


def _version_1_store(path: Path) -> None:
    """A store made by the first schema version, its rows written by hand as that version wrote them."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        assert migrate(conn, MIGRATIONS[:1]) == 1
        arts = [("v1-a", "h-a", TEXT_A, TEXT_A, "Market hit in Aleppo", "https://aleppo.example/a", "Aleppo Today",
                 "2024-03-02", "en", "old.jsonl:1", None, None, None),
                ("v1-b", "h-b", TEXT_B, TEXT_B, "Air strike kills 14", "https://wire.example/b", "wire.example",
                 "2024-03-03", None, "old.jsonl:2", None, None, None),
                ("skip:0123456789abcdef", None, None, None, None, None, None, None, None, "old.jsonl:3", "E204",
                 "old.jsonl:3: [E204] line 3: invalid JSON — fix it", None)]
        conn.executemany(
            "INSERT INTO articles(id, content_hash, raw, text, title, url, publisher, published, language, origin,"
            " skip_code, skip_reason, syndicated_of) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", arts)
        conn.executemany("INSERT INTO article_bands(band, key, article_id) VALUES (?,?,?)",
                         [(b, f"k{b}", "v1-a") for b in range(8)])
        for m, day in ((_MENTION_A, "2024-03-02"), (_MENTION_B, "2024-03-02")):
            conn.execute("INSERT INTO mentions(id, article_id, event_type, date, date_known, country, lat, lon, spans,"
                         " event) VALUES (?,?,?,?,?,?,?,?,?,?)",
                         (m["id"], m["article_id"], "ASSAULT", day, 1, "SY", 36.20124, 37.16117,
                          json.dumps(m["mentions"]), json.dumps(m)))
        conn.execute(
            "INSERT INTO events(id, event_type, mode, date, country, admin1, place, lat, lon, dead_low, dead_best,"
            " dead_high, size_conflict, intensity, n_sources, n_articles, n_mentions, first_reported, last_reported,"
            " record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (_EVENT["id"], "ASSAULT", "aerial", "2024-03-02", "SY", "Aleppo", "Aleppo", 36.20124, 37.16117,
             12, 14, 14, 1, -9.5, 2, 2, 2, "2024-03-02", "2024-03-03", json.dumps(_EVENT)))
        conn.executemany("INSERT INTO event_mentions(mention_id, event_id, linked_to, score, reasons) VALUES (?,?,?,?,?)",
                         [(_MENTION_A["id"], _EVENT["id"], None, None, None),
                          (_MENTION_B["id"], _EVENT["id"], _MENTION_A["id"], 0.83, json.dumps({"type": 1.0}))])
        conn.execute("INSERT INTO claims(mention_id, claimant, claimant_code, text, cue, hedged) VALUES (?,?,?,?,?,?)",
                     (_MENTION_A["id"], "rescue workers", None, "said", "said", 0))
        conn.executemany("INSERT INTO entities(mention_id, role, text, name, code, sector, kb_id) VALUES (?,?,?,?,?,?,?)",
                         [(_MENTION_A["id"], "actor", "Government aircraft", "Syrian Arab Air Force", "SYR", "MIL", None),
                          (_MENTION_A["id"], "recipient", "civilians", None, None, "CVL", None),
                          (_MENTION_A["id"], "claimant", "rescue workers", None, None, "CVL", None)])
        assert current_version(conn) == 1
    finally:
        conn.close()


def _rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table, cols in (("articles", "id, content_hash, text, title, url, publisher, published, origin, skip_code"),
                            ("mentions", "id, article_id, date, event"), ("events", "id, dead_best, record"),
                            ("event_mentions", "mention_id, event_id, linked_to"), ("claims", "mention_id, text"),
                            ("entities", "mention_id, role, text"), ("article_bands", "band, key, article_id")):
            out[table] = sorted(conn.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
        return out
    finally:
        conn.close()


def test_a_version_1_store_is_migrated_in_place_without_loss(tmp_path):
    path = tmp_path / "old.db"
    _version_1_store(path)
    before = _rows(path)
    inode = os.stat(path).st_ino
    with Store(path) as store:
        assert store.version == len(MIGRATIONS)
        assert [r[0] for r in store.conn.execute("SELECT version FROM schema_version ORDER BY version")] == \
            list(range(1, len(MIGRATIONS) + 1))
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # every row is still there, unchanged
        assert _rows(path) == before
        assert store.counts() == {"articles": 3, "mentions": 2, "events": 1, "claims": 1, "entities": 3, "skipped": 1, "pending": 0}
        # and readable through the Store API
        a = store.get_article("v1-a", text=True)
        assert (a.title, a.publisher, a.published, a.text, a.warnings) == (
            "Market hit in Aleppo", "Aleppo Today", "2024-03-02", TEXT_A, ())
        assert store.get_article("skip:0123456789abcdef").skip_code == "E204"
        mentions = {m.id: m for m in store.mention_events()}
        assert set(mentions) == {_MENTION_A["id"], _MENTION_B["id"]}
        old = mentions[_MENTION_A["id"]]
        assert old.claims[0].cue.lemma == "said" and old.size.dead.best == 12 and old.location.geonameid == 170063
        ev = store.get_event(_EVENT["id"])
        assert ev.n_sources == 2 and ev.size.dead.best == 14 and ev.size_conflict
        assert store.get_event(_MENTION_B["id"]).id == _EVENT["id"]  # found through its mention
        assert [e.id for e in store.events(country="SY")] == [_EVENT["id"]]
        assert [s.id for s in store.search("vegetable")] == ["v1-a"]
        assert store.held_events() == []
        # the migrated store takes new articles
        s = settings(tmp_path)
        fresh = article("new-1", "Shelling hit Idlib on Monday.", published="2024-03-04")
        summary = ingest_items([fresh], store, s, extractor=FakeExtractor({"new-1": [
            event("new-1", where="idlib", day="2024-03-04", dead=3, sentence="Shelling hit Idlib on Monday.")]}))
        assert summary.ingested == 1 and store.counts()["articles"] == 4
    assert os.stat(path).st_ino == inode  # the same file, upgraded where it lies
    with Store(path) as again:  # opening it again changes nothing
        assert again.version == len(MIGRATIONS) and again.counts()["events"] == 2


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_store_from_a_newer_whimbrel_is_refused_and_not_altered(tmp_path):
    path = tmp_path / "newer.db"
    with Store(path) as store:
        store.conn.execute("INSERT INTO schema_version(version) VALUES (?)", (len(MIGRATIONS) + 1,))
    digest, mtime = _digest(path), os.stat(path).st_mtime_ns
    with pytest.raises(StoreError) as info:
        Store(path)
    err = info.value
    assert err.code == "E400" and f"version {len(MIGRATIONS) + 1}" in err.message and "newer" in err.message
    assert "Upgrade whimbrel" in err.hint
    assert _digest(path) == digest and os.stat(path).st_mtime_ns == mtime
    conn = sqlite3.connect(path)
    try:
        assert current_version(conn) == len(MIGRATIONS) + 1
    finally:
        conn.close()


def test_the_cli_refuses_a_newer_store_with_its_code(tmp_path):
    from click.testing import CliRunner

    from whimbrel.cli import main

    path = tmp_path / "newer.db"
    with Store(path) as store:
        store.conn.execute("INSERT INTO schema_version(version) VALUES (?)", (len(MIGRATIONS) + 7,))
    digest = _digest(path)
    result = CliRunner().invoke(main, ["events", "--db", str(path)])
    assert result.exit_code == StoreError.exit_code
    assert "[E400]" in result.output + result.stderr and "newer than this whimbrel" in result.output + result.stderr
    assert _digest(path) == digest
