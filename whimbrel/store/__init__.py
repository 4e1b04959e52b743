"""The event store: articles, per-article mentions and deduplicated events in SQLite.

::

    from whimbrel.store import Store, ingest
    with Store("events.db") as store:
        summary = ingest(["articles.jsonl"], store)
        for ev in store.events(country="SY", since="2024-01-01", min_sources=2):
            print(ev.id, ev.event_type, ev.n_sources, ev.size.dead)

The modules, each importing only those before it:

* ``model``      the store's records (StoredEvent, StoredArticle, MentionView, Cluster...)
  and the rules its modules share (content hash, effective day, mention order);
* ``migrations`` numbered schema changes;
* ``db``         :class:`~whimbrel.store.db.Database`: the connection, one writer, the writes;
* ``reconcile``  one cluster of mentions → one canonical event (figures low/best/high);
* ``dedupe``     mentions across articles → clusters → events written back;
* ``queries``    the read side shared by the CLI, exports and the API;
* ``ingest``     files → articles → mentions → events, idempotently.

See docs/store.md.
"""

from __future__ import annotations

from typing import Any

from .db import Database
from .dedupe import DedupeParams, Deduper, DedupeSummary, dedupe_pending, dedupe_store
from .ingest import Commit, IngestSummary, ingest, ingest_items
from .model import Cluster, MentionView, MergeLink, SizeReport, StoredArticle, StoredEvent, content_hash
from .queries import EventQuery, TrendPoint, find_events, flat_row, to_frame, trend
from .reconcile import reconcile


class Store(Database):
    """The event store at ``path``: a :class:`Database` with the read side's queries as methods."""

    def events(self, **filters: Any) -> list[StoredEvent]:
        """Canonical events matching ``filters`` (see :class:`whimbrel.store.queries.EventQuery`)."""
        return find_events(self, EventQuery(**filters))

    def to_frame(self, **filters: Any) -> Any:
        """The matching events as a pandas DataFrame (one flat row per event; pandas optional)."""
        return to_frame(self, **filters)


__all__ = [
    "Cluster",
    "Commit",
    "Database",
    "DedupeParams",
    "DedupeSummary",
    "Deduper",
    "EventQuery",
    "IngestSummary",
    "MentionView",
    "MergeLink",
    "SizeReport",
    "Store",
    "StoredArticle",
    "StoredEvent",
    "TrendPoint",
    "content_hash",
    "dedupe_pending",
    "dedupe_store",
    "find_events",
    "flat_row",
    "ingest",
    "ingest_items",
    "reconcile",
    "to_frame",
    "trend",
]
