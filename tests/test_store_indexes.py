"""The read-side index migration (entity_names and covering indexes) and the one WHERE builder shared by
`whimbrel events` (store.queries.find_events) and the HTTP API (store/filters.py)."""

from __future__ import annotations

import sqlite3

import pytest

from whimbrel.store import Store
from whimbrel.store.filters import EventFilter, register_functions
from whimbrel.store.migrations import MIGRATIONS, migrate
from whimbrel.store.queries import EventQuery, event_filter, find_events


def _v2_store(path):
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:2])
    conn.execute("INSERT INTO articles(id, text) VALUES ('a1', 'x')")
    conn.execute("INSERT INTO mentions(id, article_id, event_type, event) VALUES ('m1', 'a1', 'ASSAULT', '{}')")
    for role, text, name in (("actor", "the rebels", "Rebel Front"), ("recipient", "villagers", None),
                             ("actor", "the rebels", "Rebel Front")):
        conn.execute("INSERT INTO entities(mention_id, role, text, name) VALUES ('m1', ?, ?, ?)", (role, text, name))
    conn.close()


def test_index_migration_fills_and_keeps_entity_names(tmp_path):
    db = tmp_path / "v2.db"
    _v2_store(db)
    with Store(db) as store:  # migrates to the latest version
        conn = store.conn
        names = {tuple(r) for r in conn.execute("SELECT role, name FROM entity_names")}
        assert names == {("actor", "the rebels"), ("actor", "Rebel Front"), ("recipient", "villagers")}
        with store.write() as w:
            w.execute("INSERT INTO entities(mention_id, role, text, name, code) VALUES ('m1', 'recipient', 'aid workers',"
                      " 'Aid Workers', 'NGO')")
        names = {tuple(r) for r in conn.execute("SELECT role, name FROM entity_names")}
        assert {("recipient", "aid workers"), ("recipient", "Aid Workers")} <= names
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {"entities_role_name", "entities_role_text", "entities_role_code", "entities_role_kb",
                "event_mentions_cover", "events_by_id", "events_cover", "events_latlon", "events_dead"} <= indexes
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == len(MIGRATIONS)


def _plan(conn, flt: EventFilter, *, sql: str = "SELECT e.rowid FROM {src} WHERE {w} ORDER BY {o} LIMIT 101") -> str:
    w, a = flt.where()
    q = sql.format(src=flt.source(), w=w, o=flt.order_by())
    return " | ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + q, a))


@pytest.mark.parametrize("flt", [EventFilter(actor="rebels"), EventFilter(recipient="REB"),
                                 EventFilter(dyad=("army", "civilians")), EventFilter(party="police"),
                                 EventFilter(actor="rebels", sort="-dead")])
def test_name_filters_never_scan_the_entities(tmp_path, flt):
    with Store(tmp_path / "s.db") as store:  # a store without statistics, as users have them
        register_functions(store.conn)
        plan = _plan(store.conn, flt)
    assert "SCAN entities" not in plan and "SCAN em" not in plan and "SCAN e " not in plan + " ", plan
    assert "entities_role_name" in plan and "event_mentions_cover" in plan and "events_by_id" in plan


def test_near_and_sort_by_deaths_use_their_indexes(tmp_path):
    with Store(tmp_path / "s.db") as store:
        register_functions(store.conn)
        assert "events_latlon" in _plan(store.conn, EventFilter(near=(36.2, 37.1, 50)))
        trend = _plan(store.conn, EventFilter(), sql="SELECT e.date, COUNT(*), SUM(e.intensity) FROM {src}"
                                                     " WHERE {w} GROUP BY e.date")
        assert "COVERING INDEX events_cover" in trend and "TEMP B-TREE" not in trend


def test_find_events_uses_the_api_builder(demo_store):
    with Store(demo_store) as store:
        register_functions(store.conn)

        def api_ids(flt: EventFilter) -> set[str]:
            w, a = flt.where()
            return {r[0] for r in store.conn.execute(f"SELECT e.id FROM {flt.source()} WHERE {w}", a)}

        for name in ("people", "gunmen", "RUS", "Armed"):
            got = {e.id for e in find_events(store, EventQuery(actor=name))}
            assert got and got == api_ids(EventFilter(actor=name)) | api_ids(EventFilter(recipient=name))
        sd = find_events(store, EventQuery(country="Sudan", type="assault"))
        assert sd and {e.id for e in sd} == api_ids(EventFilter(country=("SD",), type=("ASSAULT",)))
        assert all(e.location.country_code == "SD" and e.event_type == "ASSAULT" for e in sd)
        assert find_events(store, EventQuery(actor="%")) == []  # a wildcard is a character, not "anything"
        near = find_events(store, EventQuery(near=(13.0, 30.0, 800)))
        assert {e.id for e in near} == api_ids(EventFilter(near=(13.0, 30.0, 800)))
        limited = find_events(store, EventQuery(limit=3))
        assert [e.id for e in limited] == [e.id for e in find_events(store, EventQuery())][:3]


def test_event_filter_of_a_query():
    f = event_filter(EventQuery(since="2024-01-01", country="SYR", type="protest", actor="army", min_sources=2))
    assert f.country == ("SY",) and f.type == ("PROTEST",) and f.party == "army" and f.actor is None
    assert f.min_sources == 2 and f.since == "2024-01-01"


def test_claimant_filter_reads_the_claimant_index_not_the_claims(tmp_path):
    with Store(tmp_path / "s.db") as store:
        plan = _plan(store.conn, EventFilter(claimant="ministry"))
    assert "SCAN claims" not in plan and "SCAN entities" not in plan and "SCAN em" not in plan, plan
    assert "entities_role_name" in plan and "entities_role_code" in plan and "events_by_id" in plan


def test_claimant_filter_matches_what_the_claims_say(demo_store):
    """The same events as the claims table's own reading: the claimant's name (its text when it
    has no name) contains the value, or its code is the value."""
    with Store(demo_store) as store:
        conn = store.conn
        claimants = [r[0] for r in conn.execute("SELECT DISTINCT claimant FROM claims WHERE claimant IS NOT NULL")]
        codes = [r[0] for r in conn.execute("SELECT DISTINCT claimant_code FROM claims WHERE claimant_code IS NOT NULL")]
        assert claimants and codes
        values = [claimants[0], claimants[-1][:4].lower(), codes[0], codes[0].lower(), "nobody-says-this", "%", "_"]
        found = []
        for value in values:
            w, a = EventFilter(claimant=value).where()
            got = {r[0] for r in conn.execute(f"SELECT e.id FROM events e WHERE {w}", a)}
            like = "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            want = {r[0] for r in conn.execute(
                "SELECT DISTINCT em.event_id FROM event_mentions em JOIN claims c ON c.mention_id = em.mention_id"
                " WHERE c.claimant LIKE ? ESCAPE '\\' OR c.claimant_code = ?", (like, value.upper()))}
            assert got == want, value
            found.append(len(got))
        assert all(found[:4]) and found[4] == 0


def test_trend_of_a_dyad_counts_the_api_dyad_events(demo_store):
    """`whimbrel trend --dyad` reads the events of the API's dyad filter (either direction)."""
    from whimbrel.store.queries import trend

    with Store(demo_store) as store:
        conn = store.conn
        pairs = conn.execute(
            "SELECT a.name, r.name, COUNT(DISTINCT em.event_id) FROM entities a JOIN entities r"
            " ON r.mention_id = a.mention_id AND r.role = 'recipient' AND r.name IS NOT NULL"
            " JOIN event_mentions em ON em.mention_id = a.mention_id"
            " WHERE a.role = 'actor' AND a.name IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 3").fetchall()
        assert pairs
        for x, y, _ in pairs:
            w, a = EventFilter(dyad=(x, y)).where()
            rows = conn.execute(f"SELECT e.date, e.dead_best FROM events e WHERE {w}"
                                " AND e.date IS NOT NULL AND length(e.date) >= 10", a).fetchall()
            got = trend(store, dyad=(x, y), by="month")
            assert sum(p.events for p in got) == len(rows) > 0
            assert sum(p.fatalities for p in got) == sum(r[1] or 0 for r in rows)
            assert got == trend(store, dyad=(y, x), by="month")  # either direction
