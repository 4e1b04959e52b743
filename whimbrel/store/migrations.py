"""Numbered schema migrations for the event store.

The schema is changed only here.  ``MIGRATIONS`` is an ordered list; migration
``n`` (1-based) moves the database from version ``n-1`` to ``n``.  Each runs in
its own transaction together with the update of ``schema_version``, so a failed
migration leaves the database at the previous version.  Never edit a released
migration: append a new one.
"""

from __future__ import annotations

import sqlite3
from typing import Callable, Union

from ..errors import StoreError

Migration = Union[str, Callable[[sqlite3.Connection], None]]

_V1 = """
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT,
    raw TEXT,
    text TEXT,
    title TEXT,
    url TEXT,
    publisher TEXT,
    published TEXT,
    language TEXT,
    origin TEXT,
    skip_code TEXT,
    skip_reason TEXT,
    syndicated_of TEXT,
    minhash BLOB,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_hash ON articles(content_hash);

-- LSH bands of each article's MinHash: candidate syndicated copies share a band key.
CREATE TABLE article_bands (
    band INTEGER NOT NULL,
    key TEXT NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX article_bands_key ON article_bands(band, key);
CREATE INDEX article_bands_article ON article_bands(article_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

-- One row per per-article Event (a report of an event).
CREATE TABLE mentions (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_type TEXT NOT NULL,
    date TEXT,            -- effective day: the event's day, else the article's publication day
    date_known INTEGER NOT NULL DEFAULT 0,
    country TEXT,
    lat REAL,
    lon REAL,
    spans TEXT,           -- JSON list of Span
    event TEXT NOT NULL   -- the Event record as JSON
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_date ON mentions(date);

-- Canonical, cross-article events.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    mode TEXT,
    date TEXT,
    country TEXT,
    admin1 TEXT,
    place TEXT,
    lat REAL,
    lon REAL,
    dead_low INTEGER, dead_best INTEGER, dead_high INTEGER,
    injured_low INTEGER, injured_best INTEGER, injured_high INTEGER,
    size_conflict INTEGER NOT NULL DEFAULT 0,
    intensity REAL,
    n_sources INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    n_mentions INTEGER NOT NULL,
    first_reported TEXT,
    last_reported TEXT,
    record TEXT NOT NULL  -- the StoredEvent as JSON
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_country ON events(country, date);
CREATE INDEX events_type ON events(event_type, date);

CREATE TABLE event_mentions (
    mention_id TEXT PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    linked_to TEXT,       -- the mention it was merged through (null for the first)
    score REAL,
    reasons TEXT          -- JSON: the feature scores of that link
);
CREATE INDEX event_mentions_event ON event_mentions(event_id);

CREATE TABLE claims (
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    claimant TEXT,
    claimant_code TEXT,
    text TEXT NOT NULL,
    cue TEXT,
    hedged INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX claims_mention ON claims(mention_id);

CREATE TABLE entities (
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    role TEXT NOT NULL,   -- actor | recipient | claimant
    text TEXT NOT NULL,
    name TEXT,
    code TEXT,
    sector TEXT,
    kb_id TEXT
);
CREATE INDEX entities_mention ON entities(mention_id);
CREATE INDEX entities_name ON entities(name);
"""

# 2 (issue 10): an article's relevance score and reason; events held back from the
# default output (irrelevant article, no political actor, wrong trigger sense, generic,
# below --min-confidence), kept as data with their reason.
_V2 = """
ALTER TABLE articles ADD COLUMN relevance REAL;
ALTER TABLE articles ADD COLUMN relevance_reason TEXT;
CREATE TABLE held_events (
    id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    reason TEXT NOT NULL,
    confidence REAL,
    event TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX held_events_type ON held_events(event_type);
"""

# 3 (issue 14): the warnings of an article's input (values refused as it was read, e.g. an
# impossible publication date, code E208), as a JSON list of Note records; null when none.
_V3_WARNINGS = """
ALTER TABLE articles ADD COLUMN warnings TEXT;
"""


# 4 (issue 14): reports stored but not yet clustered into events.  A row is written in the
# transaction that stores its article, and removed in the transaction that writes the
# events it belongs to, so a killed ingest leaves a durable to-do list that the next run
# (or ``whimbrel dedupe``) finishes.  Stores made before: every report in no event is pending.
_V4_PENDING = """
CREATE TABLE IF NOT EXISTS pending_mentions (
    mention_id TEXT PRIMARY KEY
);
INSERT OR IGNORE INTO pending_mentions(mention_id)
    SELECT id FROM mentions WHERE id NOT IN (SELECT mention_id FROM event_mentions);
"""


# 5 (issue 13): the proper names of every report, so that deduplication judges rare names on
# document frequencies of the whole store and an incremental ingest finds the incident of a
# late follow-up (whimbrel.store.names). '' marks a report indexed without names; reports
# stored before this migration are indexed by the next deduplication.
_V5_NAMES = """
CREATE TABLE IF NOT EXISTS mention_names (
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (mention_id, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mention_names_name ON mention_names(name);
"""


# 6 (issue 14): indexes for the filters of `whimbrel events` and the HTTP API on large stores.
# entity_names holds each distinct actor/recipient/claimant name and text once (kept by a
# trigger; a name left by deleted rows only matches nothing), so a substring filter scans the
# names, not every entity, then finds their mentions through entities(role, ...) and their
# events through a covering event_mentions index; events_by_id covers what the pages sort
# and sum for a set of event ids, lat/lon serves near and bbox, dead_best sort=-dead, and
# events_cover the trends and counts over the whole store.
_V6_INDEXES = """
CREATE TABLE IF NOT EXISTS entity_names (
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (role, name)
) WITHOUT ROWID;
INSERT OR IGNORE INTO entity_names(role, name) SELECT role, text FROM entities;
INSERT OR IGNORE INTO entity_names(role, name) SELECT role, name FROM entities WHERE name IS NOT NULL;
CREATE TRIGGER IF NOT EXISTS entities_names_ai AFTER INSERT ON entities BEGIN
    INSERT OR IGNORE INTO entity_names(role, name) VALUES (new.role, new.text);
    INSERT OR IGNORE INTO entity_names(role, name) SELECT new.role, new.name WHERE new.name IS NOT NULL;
END;
CREATE INDEX IF NOT EXISTS entities_role_name ON entities(role, name, mention_id);
CREATE INDEX IF NOT EXISTS entities_role_text ON entities(role, text, mention_id);
CREATE INDEX IF NOT EXISTS entities_role_code ON entities(role, code, mention_id);
CREATE INDEX IF NOT EXISTS entities_role_kb ON entities(role, kb_id, mention_id);
CREATE INDEX IF NOT EXISTS event_mentions_cover ON event_mentions(mention_id, event_id);
CREATE INDEX IF NOT EXISTS events_by_id ON events(id, date, dead_best, n_sources, intensity, last_reported, country,
                                                  event_type);
CREATE INDEX IF NOT EXISTS events_latlon ON events(lat, lon);
CREATE INDEX IF NOT EXISTS events_dead ON events(dead_best);
CREATE INDEX IF NOT EXISTS events_cover ON events(date, country, event_type, intensity, dead_best, n_sources);
"""

MIGRATIONS: list[Migration] = [_V1, _V2, _V3_WARNINGS, _V4_PENDING, _V5_NAMES, _V6_INDEXES]
"""Migration n (1-based) takes the schema from version n-1 to n."""


def current_version(conn: sqlite3.Connection) -> int:
    """The schema version of ``conn`` (0 for an empty database)."""
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'"
    ).fetchone()
    if row is None:
        return 0
    got = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(got[0] or 0)


def migrate(conn: sqlite3.Connection, migrations: list[Migration] | None = None) -> int:
    """Apply every pending migration, each in its own transaction; return the new version.

    Raises :class:`StoreError` if the database is newer than this whimbrel or a
    migration fails (the database then stays at the last good version).
    """
    steps = MIGRATIONS if migrations is None else migrations
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
        " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
    )
    version = current_version(conn)
    if version > len(steps):
        raise StoreError(
            f"database schema version {version} is newer than this whimbrel ({len(steps)})",
            hint="Upgrade whimbrel, or point --db at another database.",
        )
    for number in range(version + 1, len(steps) + 1):
        step = steps[number - 1]
        try:
            conn.execute("BEGIN IMMEDIATE")
            if current_version(conn) >= number:  # another process migrated it while we waited
                conn.execute("COMMIT")
                continue
            if callable(step):
                step(conn)
            else:
                for statement in _split(step):
                    conn.execute(statement)
            conn.execute("INSERT INTO schema_version(version) VALUES (?)", (number,))
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise  # the caller waits and opens again
            raise StoreError(f"migration {number} failed: {exc}") from exc
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"migration {number} failed: {exc}") from exc
    return len(steps)


def _split(script: str) -> list[str]:
    """Split a script into statements (``executescript`` would commit on its own)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


__all__ = ["MIGRATIONS", "Migration", "current_version", "migrate"]
