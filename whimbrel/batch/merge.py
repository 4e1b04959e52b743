"""The batch's merge step: syndication and cross-article deduplication over all partitions.

This calls the store's own functions — :meth:`Syndication.original_among`,
:class:`~whimbrel.store.dedupe.Deduper` and :func:`~whimbrel.store.reconcile.reconcile` — on
the same inputs the embedded store would give them, so the merged events equal the store's
for the same articles: the same ids and the same figures.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

from ..records import Event
from .output import Output

_PART = re.compile(r"part-(\d+)\.parquet$")


@dataclass(frozen=True)
class ArticleMeta:
    """What the merge needs of one article."""

    id: str
    position: int
    published: Optional[str]
    title: Optional[str]
    publisher: Optional[str]
    lead: Optional[str]
    minhash: Optional[bytes]


@dataclass
class MergeSummary:
    """What the merge step did."""

    mentions: int = 0
    events: int = 0
    merged: int = 0
    syndicated: int = 0


def _files(out: Output, table: str) -> list[tuple[int, Path]]:
    found = []
    for p in (out.root / table).glob("month=*/part-*.parquet"):
        m = _PART.search(p.name)
        if m:
            found.append((int(m.group(1)), p))
    return sorted(found, key=lambda x: (x[0], str(x[1])))


def load_articles(out: Output, lead_chars: int) -> dict[str, ArticleMeta]:
    """Articles that were read (not skipped), the last occurrence of an id winning (as in the store)."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    by_id: dict[str, ArticleMeta] = {}
    rows: list[ArticleMeta] = []
    cols = ["id", "position", "published", "title", "publisher", "text", "minhash", "skip_code"]
    for _, path in _files(out, "articles"):
        t = pq.read_table(path, columns=cols)
        t = t.filter(pc.is_null(t["skip_code"]))
        lead = pc.utf8_slice_codeunits(t["text"], 0, lead_chars).to_pylist()
        for k, (i, pos, pub, title, publisher, mh) in enumerate(zip(
                *(t[c].to_pylist() for c in ("id", "position", "published", "title", "publisher", "minhash")))):
            rows.append(ArticleMeta(i, pos, pub.isoformat() if pub else None, title, publisher, lead[k], mh))
    for a in sorted(rows, key=lambda a: a.position):
        by_id[a.id] = a
    return by_id


def syndication(articles: dict[str, ArticleMeta]) -> dict[str, str]:
    """``syndicated_of`` of every copy, found in input order with the store's rule and band keys."""
    from ..store.ingest import Syndication

    syn = Syndication()
    index: dict[tuple[int, str], list[str]] = defaultdict(list)
    found: dict[str, str] = {}
    for a in sorted(articles.values(), key=lambda a: a.position):
        if a.minhash is None:
            continue
        sig = syn.unpack(a.minhash)
        bands = syn.bands(sig)
        cands = sorted({c for b in bands for c in index.get(b, ()) if c != a.id})
        rows = [(c, articles[c].minhash, found.get(c), articles[c].published) for c in cands]
        original = syn.original_among(sig, rows)
        if original is not None:
            found[a.id] = original
        for b in bands:
            index[b].append(a.id)
    return found


def load_mentions(out: Output, articles: dict[str, ArticleMeta], copies: dict[str, str]) -> list[Any]:
    """The mention views the store's deduper would load (``whimbrel.store.dedupe.load_mentions``)."""
    import pyarrow.parquet as pq

    from ..store.dedupe import MentionView

    keep: dict[str, Any] = {}
    size = _part_size(out)
    for part, path in _files(out, "mentions"):
        t = pq.read_table(path, columns=["id", "article_id", "effective_date", "date_known", "record"])
        for mid, aid, day, known, rec in zip(*(t[c].to_pylist() for c in t.column_names)):
            a = articles.get(aid)
            if a is None or a.position // size != part:
                continue  # a later occurrence of this article id replaced this one
            root = copies.get(aid)
            r = articles.get(root) if root else None
            source = (r.publisher if r else None) or a.publisher or (root if root else None)
            keep[mid] = MentionView(
                id=mid, article_id=aid, event=Event.model_validate_json(rec),
                date=day.isoformat() if day else None, date_known=bool(known), published=a.published,
                source=source, title=a.title, syndicated_of=root, lead=a.lead)
    return list(keep.values())


def _part_size(out: Output) -> int:
    m = out.read_manifest()
    assert m is not None
    return m.partition_size


def merge_digest(partition_digests: Sequence[str], params: Any) -> str:
    """What the merge depends on: every partition's digest and the dedupe parameters."""
    h = hashlib.sha1(repr(params).encode())
    for d in partition_digests:
        h.update(d.encode())
    return h.hexdigest()[:16]


def run_merge(out: Output, params: Any = None) -> MergeSummary:
    """Syndication, deduplication and reconciliation; writes events, event_mentions, syndication."""
    from ..store.dedupe import LEAD_CHARS, Deduper
    from ..store.reconcile import reconcile

    articles = load_articles(out, LEAD_CHARS)
    copies = syndication(articles)
    mentions = load_mentions(out, articles, copies)
    summary = MergeSummary(mentions=len(mentions), syndicated=len(copies))
    clusters = Deduper(params).cluster(mentions)
    events = [reconcile(cl) for cl in clusters]
    summary.events = len(events)
    summary.merged = sum(len(cl.mentions) for cl in clusters if len(cl.mentions) > 1)
    write_merge(out, events, copies)
    return summary


def _month(ev: Any) -> str:
    for v in (ev.date.value if ev.date else None, ev.first_reported):
        if v and len(v) >= 7:
            return v[:7]
    return "unknown"


def write_merge(out: Output, events: Sequence[Any], copies: dict[str, str]) -> None:
    """Stage the merge tables, then swap them into place."""
    import shutil

    from ..tables import event_row, link_rows, write_table

    staged = out.merge_dir(True)
    shutil.rmtree(staged, ignore_errors=True)
    by_month: dict[str, list[Any]] = defaultdict(list)
    for ev in sorted(events, key=lambda e: e.id):
        by_month[_month(ev)].append(ev)
    for month, evs in sorted(by_month.items()):
        d = staged / "events" / f"month={month}"
        d.mkdir(parents=True, exist_ok=True)
        write_table("events", [event_row(e) for e in evs], str(d / "events.parquet"))
        d = staged / "event_mentions" / f"month={month}"
        d.mkdir(parents=True, exist_ok=True)
        write_table("event_mentions", [r for e in evs for r in link_rows(e)], str(d / "events.parquet"))
    (staged / "syndication").mkdir(parents=True, exist_ok=True)
    write_table("syndication", [{"article_id": k, "syndicated_of": v} for k, v in sorted(copies.items())],
                str(staged / "syndication" / "syndication.parquet"))
    out.swap_merge()


def read_events(root: str) -> Iterator[Any]:
    """The merged events of a batch output, as StoredEvent records (sorted by id)."""
    import pyarrow.parquet as pq

    from ..store.db import StoredEvent

    recs = []
    for p in sorted(Path(root, "events").glob("month=*/events.parquet")):
        recs += pq.read_table(p, columns=["record"])["record"].to_pylist()
    evs = [StoredEvent.model_validate_json(r) for r in recs]
    yield from sorted(evs, key=lambda e: e.id)


__all__ = ["MergeSummary", "merge_digest", "read_events", "run_merge", "syndication"]
