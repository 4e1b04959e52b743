"""The SQLite event store: articles, per-article mentions and canonical events.

One writer at a time (a process-local lock plus ``BEGIN IMMEDIATE``, which takes
SQLite's write lock up front; another process waits up to the busy timeout, then
gets :class:`~whimbrel.errors.StoreBusy`, E410), any number of readers (WAL journal;
:meth:`Database.snapshot` gives a reader one consistent view over several queries).
Every write runs inside one transaction, so a failure, or a kill, rolls back the
whole batch and nothing already stored is lost.  An article's rows (article, mentions,
entities, claims, bands, held events) are written together with its rows in
``pending_mentions``: the reports still to be grouped into events, which the
deduplicator removes in the transaction that writes those events.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence, Union

from ..chunking import IN_LIST_SIZE, chunked, placeholders
from ..errors import StoreBusy, StoreError
from ..records import Article, Count, Event, Skip
from .migrations import migrate
from .model import StoredArticle, StoredEvent, content_hash, effective_date


# --------------------------------------------------------------------------- the store


class Database:
    """The event store at ``path`` (created and migrated on open).

    Use as a context manager or call :meth:`close`.  This class owns the connection,
    the writes and the reads of single rows; queries over many events live in
    :mod:`whimbrel.store.queries`, and :class:`whimbrel.store.Store` adds them as methods.
    """

    def __init__(self, path: Union[str, Path], *, timeout: float = 30.0):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + timeout
        pause = 0.01
        while True:
            try:
                self._open(timeout)
                break
            except sqlite3.OperationalError as exc:
                self._close_quietly()
                # Switching a new file to WAL, or a read upgrading to a write while another
                # process migrates, can be refused at once without SQLite's busy wait: retry
                # the whole opening until the busy timeout is spent.
                if _busy(exc) and time.monotonic() + pause < deadline:
                    time.sleep(pause)
                    pause = min(pause * 2, 0.5)
                    continue
                if _busy(exc):
                    raise StoreBusy(f"cannot open the store at {self.path}: another process held its lock "
                                    f"for more than {timeout:g}s") from exc
                raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc
            except sqlite3.Error as exc:
                self._close_quietly()
                raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc
            except StoreError:  # e.g. a store from a newer whimbrel: refused, and left as it is
                self._close_quietly()
                raise
        self._lock = threading.RLock()
        self.timeout = timeout

    def _open(self, timeout: float) -> None:
        """Connect, set the journal and pragmas, and migrate (one attempt)."""
        self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.version = migrate(self.conn)

    # -- lifecycle
    def _close_quietly(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            try:
                conn.close()
            except sqlite3.Error:
                pass

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``); rolled back on any error."""
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if _busy(exc):
                    raise StoreBusy(f"the store at {self.path} is being written by another process; "
                                    f"waited {self.timeout:g}s for its write lock") from exc
                raise StoreError(f"cannot start a write on {self.path}: {exc}") from exc
            except sqlite3.Error as exc:
                raise StoreError(f"cannot start a write on {self.path}: {exc}") from exc
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                try:
                    self.conn.execute("COMMIT")
                except sqlite3.Error as exc:
                    self.conn.execute("ROLLBACK")
                    raise StoreError(f"commit failed on {self.path}: {exc}") from exc

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: every query inside sees the same committed state, so a reader
        never sees an event without its reports, or a report without its article, even while
        an ingest commits beside it (WAL).  Re-entrant; a no-op inside a write."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN DEFERRED")
        try:
            self.conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # start the snapshot now
            yield self.conn
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def pending(self) -> int:
        """How many stored reports are still to be grouped into events (left by an interrupted ingest)."""
        return int(self.conn.execute("SELECT COUNT(*) FROM pending_mentions").fetchone()[0])

    # -- articles
    def article_hash(self, article_id: str) -> Optional[str]:
        row = self.conn.execute("SELECT content_hash FROM articles WHERE id=?", (article_id,)).fetchone()
        return None if row is None else (row[0] or "")

    def put_article(
        self,
        conn: sqlite3.Connection,
        article: Article,
        events: Sequence[Event],
        *,
        syndicated_of: Optional[str] = None,
        minhash: Optional[bytes] = None,
        bands: Sequence[tuple[int, str]] = (),
        digest: Optional[str] = None,
    ) -> str:
        """Insert or replace one article and its mentions inside ``conn``'s transaction.

        Returns ``"new"``, ``"unchanged"`` (same content hash: nothing written) or
        ``"replaced"`` (same id, changed content: its old mentions are deleted).
        """
        digest = digest or content_hash(article)
        old = conn.execute("SELECT content_hash FROM articles WHERE id=?", (article.id,)).fetchone()
        if old is not None and old[0] == digest:
            return "unchanged"
        status = "new" if old is None or old[0] is None else "replaced"
        if old is not None:
            self._ungroup(conn, article.id)
            conn.execute("DELETE FROM mentions WHERE article_id=?", (article.id,))
            conn.execute("DELETE FROM article_bands WHERE article_id=?", (article.id,))
            conn.execute(
                "UPDATE articles SET content_hash=?, raw=?, text=?, title=?, url=?, publisher=?,"
                " published=?, language=?, origin=?, skip_code=NULL, skip_reason=NULL,"
                " syndicated_of=?, minhash=? WHERE id=?",
                (digest, article.raw, article.text, article.title, article.url, article.publisher,
                 article.published, article.language, article.origin, syndicated_of, minhash,
                 article.id),
            )
        else:
            conn.execute(
                "INSERT INTO articles(id, content_hash, raw, text, title, url, publisher, published,"
                " language, origin, syndicated_of, minhash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (article.id, digest, article.raw, article.text, article.title, article.url,
                 article.publisher, article.published, article.language, article.origin,
                 syndicated_of, minhash),
            )
        conn.executemany(
            "INSERT INTO article_bands(band, key, article_id) VALUES (?,?,?)",
            [(b, k, article.id) for b, k in bands],
        )
        for event in events:
            self._put_mention(conn, article, event)
        conn.executemany("INSERT OR IGNORE INTO pending_mentions(mention_id) VALUES (?)",
                         [(event.id,) for event in events])
        conn.execute("UPDATE articles SET relevance=?, relevance_reason=?, warnings=? WHERE id=?",
                     (article.relevance, article.relevance_reason,
                      json.dumps([n.to_json() for n in article.warnings]) if article.warnings else None, article.id))
        return status

    @staticmethod
    def _ungroup(conn: sqlite3.Connection, article_id: str) -> None:
        """Take apart the events an article's reports belong to (it is being replaced): their
        other reports become pending, to be grouped again, so no event ever lists a report
        that is gone, even while a correction waits for its grouping."""
        evs = [r[0] for r in conn.execute(
            "SELECT DISTINCT em.event_id FROM mentions m JOIN event_mentions em ON em.mention_id=m.id"
            " WHERE m.article_id=?", (article_id,))]
        for chunk in chunked(evs, IN_LIST_SIZE):
            q = placeholders(len(chunk))
            conn.execute("INSERT OR IGNORE INTO pending_mentions(mention_id) SELECT mention_id FROM event_mentions"
                         f" WHERE event_id IN ({q})", chunk)
            conn.execute(f"DELETE FROM event_mentions WHERE event_id IN ({q})", chunk)
            conn.execute(f"DELETE FROM events WHERE id IN ({q})", chunk)

    def put_held(self, conn: sqlite3.Connection, article_id: str, held: Sequence[tuple[Event, str]]) -> None:
        """Replace the held-back events of an article: ``(event, reason)`` pairs (a skip is data)."""
        conn.execute("DELETE FROM held_events WHERE article_id=?", (article_id,))
        conn.executemany(
            "INSERT OR REPLACE INTO held_events(id, article_id, event_type, reason, confidence, event) VALUES (?,?,?,?,?,?)",
            [(ev.id, article_id, ev.event_type, why, ev.confidence, json.dumps(ev.to_json())) for ev, why in held],
        )

    def held_events(self, limit: Optional[int] = None) -> list[tuple[Event, str]]:
        """The events held back from the default output, with their reasons (newest articles first)."""
        sql = ("SELECT h.event, h.reason FROM held_events h LEFT JOIN articles a ON a.id=h.article_id"
               " ORDER BY a.rowid DESC, h.id")
        rows = self.conn.execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ()).fetchall()
        return [(Event.model_validate(json.loads(ev)), why) for ev, why in rows]

    def _put_mention(self, conn: sqlite3.Connection, article: Article, event: Event) -> None:
        day, known = effective_date(event, article.published)
        loc = event.location
        conn.execute(
            "INSERT OR REPLACE INTO mentions(id, article_id, event_type, date, date_known, country,"
            " lat, lon, spans, event) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (event.id, article.id, event.event_type, day, int(known),
             loc.country_code if loc else None, loc.lat if loc else None, loc.lon if loc else None,
             json.dumps([s.to_json() for s in event.mentions]), json.dumps(event.to_json())),
        )
        rows = []
        for role, ents in (("actor", event.actor), ("recipient", event.recipient)):
            for e in ents:
                rows.append((event.id, role, e.text, e.name, e.code, e.sector, e.id))
        for c in event.claims:
            if c.claimant is not None:
                e = c.claimant
                rows.append((event.id, "claimant", e.text, e.name, e.code, e.sector, e.id))
        conn.executemany(
            "INSERT INTO entities(mention_id, role, text, name, code, sector, kb_id) VALUES (?,?,?,?,?,?,?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO claims(mention_id, claimant, claimant_code, text, cue, hedged) VALUES (?,?,?,?,?,?)",
            [
                (event.id, (c.claimant.name or c.claimant.text) if c.claimant else None,
                 c.claimant.code if c.claimant else None, c.text, c.cue.lemma if c.cue else None, int(c.hedged))
                for c in event.claims
            ],
        )

    def put_skip(self, conn: sqlite3.Connection, skip: Skip) -> None:
        """Record an input that could not be processed, with its code and reason."""
        key = skip.article_id or "skip:" + hashlib.sha1(skip.origin.encode("utf-8")).hexdigest()[:16]
        conn.execute(
            "INSERT INTO articles(id, origin, skip_code, skip_reason) VALUES (?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET skip_code=excluded.skip_code,"
            " skip_reason=excluded.skip_reason, origin=excluded.origin"
            " WHERE articles.content_hash IS NULL",
            (key, skip.origin, skip.code, skip.reason),
        )

    # -- reads (thin delegates to queries)
    def get_event(self, event_id: str) -> Optional[StoredEvent]:
        row = self.conn.execute("SELECT record FROM events WHERE id=?", (event_id,)).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT e.record FROM events e JOIN event_mentions m ON m.event_id=e.id"
                " WHERE m.mention_id=?", (event_id,)
            ).fetchone()
        return None if row is None else StoredEvent.model_validate_json(row[0])

    def get_article(self, article_id: str, *, text: bool = False) -> Optional[StoredArticle]:
        cols = "id, content_hash, title, url, publisher, published, origin, skip_code, skip_reason, syndicated_of, warnings"
        if text:
            cols += ", text"
        row = self.conn.execute(f"SELECT {cols} FROM articles WHERE id=?", (article_id,)).fetchone()
        return None if row is None else StoredArticle(**dict(row))

    def mention_events(self, article_id: Optional[str] = None) -> list[Event]:
        """The stored per-article Event records (all, or one article's)."""
        if article_id is None:
            rows = self.conn.execute("SELECT event FROM mentions ORDER BY id")
        else:
            rows = self.conn.execute("SELECT event FROM mentions WHERE article_id=? ORDER BY id", (article_id,))
        return [Event.model_validate_json(r[0]) for r in rows]

    def search(self, text: str, limit: int = 20) -> list[StoredArticle]:
        """Full-text search (FTS5 syntax) over article titles and texts."""
        try:
            rows = self.conn.execute(
                "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid=f.rowid"
                " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (text, limit)
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search expression {text!r}: {exc}",
                             hint="Use FTS5 syntax: words, \"phrases\", AND/OR/NOT.") from exc
        return [a for a in (self.get_article(r[0]) for r in rows) if a is not None]

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        out = {}
        for table in ("articles", "mentions", "events", "claims", "entities"):
            out[table] = int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        out["pending"] = self.pending()
        out["skipped"] = int(
            self.conn.execute("SELECT COUNT(*) FROM articles WHERE skip_code IS NOT NULL").fetchone()[0]
        )
        return out


def _busy(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite gave up waiting for another connection's lock."""
    msg = str(exc).lower()
    return "locked" in msg or "busy" in msg


__all__ = ["Database"]
