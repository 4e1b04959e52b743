"""The event store: articles, per-article mentions and deduplicated events in SQLite.

::

    from whimbrel.store import Store, ingest
    with Store("events.db") as store:
        summary = ingest(["articles.jsonl"], store)
        for ev in store.events(country="SY", since="2024-01-01", min_sources=2):
            print(ev.id, ev.event_type, ev.n_sources, ev.size.dead)

See docs/store.md.
"""

from .db import MergeLink, SizeReport, Store, StoredArticle, StoredEvent, content_hash
from .dedupe import DedupeParams, Deduper, DedupeSummary, MentionView, dedupe_store
from .reconcile import reconcile
from .ingest import IngestSummary, ingest, ingest_items
from .queries import EventQuery, TrendPoint, find_events, flat_row, trend

__all__ = [
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
    "dedupe_store",
    "find_events",
    "flat_row",
    "ingest",
    "ingest_items",
    "reconcile",
    "trend",
]
