"""Corpus ingestion: read → extract → store → deduplicate.

Each batch of articles is written in one transaction, each article inside its own
savepoint: an article that fails to store is recorded as skipped (E400) and the
rest of the batch, and everything stored before, is kept.

Crash safety: an article's rows and its reports' place in ``pending_mentions`` (the
reports still to be grouped into events) commit together; the grouping (see
:func:`whimbrel.store.dedupe.dedupe_pending`) runs once the articles are stored, over
every pending report, and removes them from the table in the transaction that writes
their events.  So a run killed at any point leaves whole articles and a durable list
of what is left to group, and the next run, even one that finds every article
unchanged, finishes it; the end state is the same as an uninterrupted run's.

Syndicated copies (the same wire story on several sites) are found with MinHash
over 5-word shingles: signatures are cut into bands whose keys are stored in the
``article_bands`` table, so candidates are found with an index lookup across
runs; a candidate counts when the estimated Jaccard similarity reaches
``SYNDICATION_JACCARD``.  The copy's ``syndicated_of`` names the original (the
earliest stored article of the story), and its reports count as the same source.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union
from urllib.parse import urlsplit

from ..errors import StoreError
from ..records import Article, Event, Note, Skip
from ..settings import Settings, load
from .db import Database
from .model import content_hash
from .dedupe import DedupeParams, dedupe_pending

Item = Union[Article, Skip]


@dataclass(frozen=True)
class Commit:
    """What one committed transaction of an ingest made durable (for ``on_commit``).

    ``stage`` is ``"articles"`` (a batch of articles, ``ids`` those stored or replaced),
    ``"grouping"`` (the articles are all stored; grouping ``pending`` reports into events
    starts) or ``"events"`` (the events are written; ``ids`` is empty)."""

    stage: str
    ids: tuple[str, ...] = ()
    pending: int = 0
Extractor = Callable[..., Iterator[tuple[Item, Union[list[Event], Skip]]]]

NUM_PERM = 64
BANDS = 8
ROWS = NUM_PERM // BANDS
SHINGLE = 5
MIN_WORDS = 40
SYNDICATION_JACCARD = 0.8


@dataclass
class IngestSummary:
    """What one ingestion run did."""

    read: int = 0
    ingested: int = 0
    replaced: int = 0
    unchanged: int = 0
    syndicated: int = 0
    skipped: int = 0
    skip_codes: Counter = field(default_factory=Counter)
    skips: list[Skip] = field(default_factory=list)
    warnings: list[Note] = field(default_factory=list)
    mentions: int = 0
    events_before: int = 0
    events_after: int = 0
    merged_mentions: int = 0
    seconds: float = 0.0

    @property
    def events_created(self) -> int:
        return max(0, self.events_after - self.events_before)

    def to_json(self) -> dict:
        return {
            "read": self.read, "ingested": self.ingested, "replaced": self.replaced,
            "unchanged": self.unchanged, "syndicated": self.syndicated, "skipped": self.skipped,
            "skip_codes": dict(self.skip_codes), "warnings": len(self.warnings), "mentions": self.mentions,
            "events_before": self.events_before, "events_after": self.events_after,
            "events_created": self.events_created, "merged_mentions": self.merged_mentions,
            "seconds": round(self.seconds, 2),
        }


# --------------------------------------------------------------------------- minhash


class Syndication:
    """MinHash signatures and LSH band keys of article texts (the hasher is built lazily)."""

    def signature(self, text: str) -> Optional[list[int]]:
        words = re.findall(r"\w+", text.lower())
        if len(words) < MIN_WORDS:
            return None
        from datasketch import MinHash

        mh = MinHash(num_perm=NUM_PERM, seed=7)
        shingles = {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}
        mh.update_batch(list(shingles))
        return [int(v) for v in mh.hashvalues]

    @staticmethod
    def bands(sig: Sequence[int]) -> list[tuple[int, str]]:
        out = []
        for b in range(BANDS):
            chunk = ",".join(str(v) for v in sig[b * ROWS : (b + 1) * ROWS])
            out.append((b, hashlib.sha1(chunk.encode()).hexdigest()[:16]))
        return out

    @staticmethod
    def pack(sig: Sequence[int]) -> bytes:
        return b"".join(int(v).to_bytes(4, "little") for v in sig)

    @staticmethod
    def unpack(blob: bytes) -> list[int]:
        return [int.from_bytes(blob[i : i + 4], "little") for i in range(0, len(blob), 4)]

    def original_of(self, conn: sqlite3.Connection, article_id: str, sig: Sequence[int]) -> Optional[str]:
        """The stored article this text is a near-copy of (its root original), if any."""
        cands: set[str] = set()
        for b, key in self.bands(sig):
            for row in conn.execute("SELECT article_id FROM article_bands WHERE band=? AND key=?", (b, key)):
                if row[0] != article_id:
                    cands.add(row[0])
        rows = []
        for cid in sorted(cands):
            row = conn.execute(
                "SELECT minhash, syndicated_of, published FROM articles WHERE id=?", (cid,)
            ).fetchone()
            if row is not None:
                rows.append((cid, row[0], row[1], row[2]))
        return self.original_among(sig, rows)

    def original_among(
        self, sig: Sequence[int], rows: Iterable[tuple[str, Optional[bytes], Optional[str], Optional[str]]]
    ) -> Optional[str]:
        """The root original among candidates ``(id, minhash, syndicated_of, published)`` (sorted by
        id) whose estimated Jaccard similarity with ``sig`` reaches ``SYNDICATION_JACCARD``: the
        earliest published, then the smallest root id.  Used by the store and by ``batch``."""
        best: Optional[tuple[str, str]] = None
        for cid, blob, syndicated_of, published in rows:
            if blob is None:
                continue
            other = self.unpack(blob)
            same = sum(1 for x, y in zip(sig, other) if x == y) / len(sig)
            if same >= SYNDICATION_JACCARD:
                root = syndicated_of or cid
                key = (published or "9999", root)
                if best is None or key < best:
                    best = key
        return best[1] if best else None


def publisher_of(article: Article) -> Optional[str]:
    """The publisher, else the host of its URL (inside web.archive.org links too)."""
    if article.publisher:
        return article.publisher
    if not article.url:
        return None
    url = article.url
    m = re.search(r"web\.archive\.org/web/\d+[a-z_]*/(.+)$", url)
    if m:
        url = m.group(1)
        if "://" not in url:
            url = "http://" + url
    host = (urlsplit(url).hostname or "").lower()
    host = re.sub(r"^(www\d?|m|mobile|amp)\.", "", host)
    return host or None


# --------------------------------------------------------------------------- ingestion


def ingest(
    paths: Sequence[str],
    store: Database,
    settings: Optional[Settings] = None,
    *,
    published: Optional[str] = None,
    progress: bool = False,
    extractor: Optional[Extractor] = None,
    params: Optional[DedupeParams] = None,
    on_commit: Optional[Callable[[Commit], None]] = None,
) -> IngestSummary:
    """Read ``paths``, extract events, store articles and mentions, deduplicate."""
    from ..stages.read import read_paths

    s = settings or load()
    return ingest_items(read_paths(paths, s, published=published), store, s,
                        progress=progress, extractor=extractor, params=params, on_commit=on_commit)


def ingest_items(
    items: Iterable[Item],
    store: Database,
    settings: Optional[Settings] = None,
    *,
    progress: bool = False,
    extractor: Optional[Extractor] = None,
    params: Optional[DedupeParams] = None,
    dedupe: bool = True,
    on_commit: Optional[Callable[[Commit], None]] = None,
) -> IngestSummary:
    """Ingest already-read articles (or Skips).  ``extractor`` defaults to
    :func:`whimbrel.extract_many`; tests and benchmarks pass their own.  ``on_commit`` is
    called after each committed transaction (see :class:`Commit`).  With ``dedupe=False``
    the reports stay pending for a later :func:`~whimbrel.store.dedupe.dedupe_pending`."""
    s = settings or load()
    if extractor is None:
        extractor = _default_extractor()
    t0 = time.perf_counter()
    summary = IngestSummary()
    summary.events_before = int(store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])
    syn = Syndication()
    digests: dict[str, str] = {}
    note = on_commit or (lambda c: None)

    def fresh() -> Iterator[Item]:
        for item in items:
            summary.read += 1
            if isinstance(item, Skip):
                yield item
                continue
            summary.warnings.extend(item.warnings)
            digest = content_hash(item)
            if store.article_hash(item.id) == digest:
                summary.unchanged += 1
                continue
            digests[item.id] = digest
            yield item

    bar = _Progress(progress)
    batch: list[tuple] = []
    with bar:
        # every event comes back; those held back are stored apart, with their reason
        for pair in extractor(fresh(), replace(s, all_events=True)):
            batch.append(_split_held(pair, s))
            if len(batch) >= max(1, s.batch_size):
                note(Commit("articles", _write_batch(store, batch, summary, syn, digests)))
                bar.advance(len(batch))
                batch = []
        if batch:
            note(Commit("articles", _write_batch(store, batch, summary, syn, digests)))
            bar.advance(len(batch))
    pending = store.pending() if dedupe else 0
    if pending:
        note(Commit("grouping", pending=pending))
        ds = dedupe_pending(store, params)
        summary.merged_mentions = ds.merged
        note(Commit("events"))
    summary.events_after = int(store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])
    summary.seconds = time.perf_counter() - t0
    return summary


def _split_held(pair: tuple, s: Settings) -> tuple:
    """``(item, result)`` → ``(item, counted events, [(held event, reason)])`` under ``s``."""
    item, result = pair
    if isinstance(result, Skip) or isinstance(item, Skip):
        return item, result, []
    kept, held = split_held(result, s)
    return item, kept, held


def split_held(events: Iterable[Event], s: Settings) -> tuple[list[Event], list[tuple[Event, str]]]:
    """The events that count under ``s``, and those held back with their reason (screened
    out, or below ``min_confidence``); with ``all_events`` every event counts.  The store
    and the batch engine both apply this, so they count the same events."""
    if s.all_events:
        return list(events), []
    kept: list[Event] = []
    held: list[tuple[Event, str]] = []
    for ev in events:
        if ev.held is not None:
            held.append((ev, ev.held))
        elif ev.confidence < s.min_confidence:
            held.append((ev, f"confidence {ev.confidence:.2f} below min_confidence {s.min_confidence:.2f}"))
        else:
            kept.append(ev)
    return kept, held


def _default_extractor() -> Extractor:
    from ..extract import extract_many

    return extract_many


def _write_batch(
    store: Database,
    batch: list[tuple],
    summary: IngestSummary,
    syn: Syndication,
    digests: dict[str, str],
) -> tuple[str, ...]:
    """Store one batch in one transaction; the ids of the articles stored or replaced."""
    stored: list[str] = []
    with store.write() as conn:
        for n, (item, result, held) in enumerate(batch):
            if isinstance(result, Skip) or isinstance(item, Skip):
                skip = result if isinstance(result, Skip) else item  # type: ignore[assignment]
                _record_skip(store, conn, skip, summary)
                continue
            article = item
            conn.execute(f"SAVEPOINT a{n}")
            try:
                if article.publisher is None:
                    pub = publisher_of(article)
                    if pub:
                        article = article.model_copy(update={"publisher": pub})
                sig = syn.signature(article.text)
                original = syn.original_of(conn, article.id, sig) if sig else None
                status = store.put_article(
                    conn, article, result, syndicated_of=original,
                    minhash=syn.pack(sig) if sig else None,
                    bands=syn.bands(sig) if sig else (), digest=digests.get(article.id),
                )
                if status != "unchanged":
                    store.put_held(conn, article.id, held)
                conn.execute(f"RELEASE a{n}")
            except (sqlite3.Error, ValueError, TypeError, StoreError) as exc:
                conn.execute(f"ROLLBACK TO a{n}")
                conn.execute(f"RELEASE a{n}")
                err = StoreError(f"could not store: {exc}", origin=article.origin or article.id)
                _record_skip(store, conn, Skip.from_error(err, article.origin or article.id), summary)
                continue
            if status == "unchanged":
                summary.unchanged += 1
                continue
            summary.ingested += status == "new"
            summary.replaced += status == "replaced"
            summary.syndicated += original is not None
            summary.mentions += len(result)
            stored.append(article.id)
    return tuple(stored)


def _record_skip(store: Database, conn: sqlite3.Connection, skip: Skip, summary: IngestSummary) -> None:
    store.put_skip(conn, skip)
    summary.skipped += 1
    summary.skip_codes[skip.code] += 1
    summary.skips.append(skip)


class _Progress:
    """A rich progress line on stderr (a no-op when disabled)."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._p = None
        self._task = None

    def __enter__(self) -> "_Progress":
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._p = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(),
                               TextColumn("{task.completed} articles"), TimeElapsedColumn(),
                               console=Console(stderr=True), transient=True)
            self._p.__enter__()
            self._task = self._p.add_task("ingest", total=None)
        return self

    def advance(self, n: int) -> None:
        if self._p is not None:
            self._p.advance(self._task, n)

    def __exit__(self, *exc: object) -> None:
        if self._p is not None:
            self._p.__exit__(*exc)


__all__ = ["Commit", "IngestSummary", "Syndication", "ingest", "ingest_items", "publisher_of", "split_held"]
