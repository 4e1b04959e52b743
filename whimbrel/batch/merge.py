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
    incremental: bool = False  # only the neighbourhood of the appended reports was re-clustered
    rescored: int = 0  # reports clustered in this merge


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


def mention_index(out: Output, articles: dict[str, ArticleMeta]) -> tuple[dict[str, Optional[str]], dict[str, str]]:
    """Every current report's effective day and article (no record decoded)."""
    import pyarrow.parquet as pq

    day_of: dict[str, Optional[str]] = {}
    article_of: dict[str, str] = {}
    size = _part_size(out)
    for part, path in _files(out, "mentions"):
        t = pq.read_table(path, columns=["id", "article_id", "effective_date"])
        for mid, aid, day in zip(*(t[c].to_pylist() for c in t.column_names)):
            a = articles.get(aid)
            if a is None or a.position // size != part:
                continue  # a later occurrence of this article id replaced this one
            day_of[mid] = day.isoformat() if day else None
            article_of[mid] = aid
    return day_of, article_of


def load_mentions(out: Output, articles: dict[str, ArticleMeta], copies: dict[str, str],
                  only: Optional[set[str]] = None) -> list[Any]:
    """The mention views the store's deduper would load (``whimbrel.store.dedupe.load_mentions``);
    with ``only``, just those reports (the others' records are not decoded)."""
    import pyarrow.parquet as pq

    from ..store.model import MentionView

    keep: dict[str, Any] = {}
    size = _part_size(out)
    for part, path in _files(out, "mentions"):
        t = pq.read_table(path, columns=["id", "article_id", "effective_date", "date_known", "record"])
        for mid, aid, day, known, rec in zip(*(t[c].to_pylist() for c in t.column_names)):
            a = articles.get(aid)
            if a is None or a.position // size != part:
                continue  # a later occurrence of this article id replaced this one
            if only is not None and mid not in only:
                continue
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


@dataclass(frozen=True)
class BlockTask:
    """A block of consecutive days to score: its mentions plus the next window's."""

    first_day: int
    end_day: int
    index: tuple[int, ...]  # global positions of ``mentions`` in clustering order
    mentions: tuple[Any, ...]
    prepared: tuple[Any, ...]
    params: Any


def score_block(task: BlockTask) -> list[Any]:
    """The links of one block, with global mention positions (runs on a worker)."""
    from ..store.dedupe import Deduper, Link

    links = Deduper(task.params).block_links(task.mentions, task.prepared, task.first_day, task.end_day)
    return [Link(task.index[l.a], task.index[l.b], l.score, l.reasons) for l in links]


def blocks(prepared: Sequence[Any], params: Any, target: int) -> Iterator[BlockTask]:
    """Blocks of consecutive days holding about ``target`` mentions each, with the window after."""
    from ..store.dedupe import DedupeParams, for_scoring

    p = params or DedupeParams()
    span = p.block_days
    by_day: dict[int, list[int]] = defaultdict(list)
    # what a worker gets is the scoring copy of each dated report (no sentences, claims or
    # lead): pickling the full reports cost the driver ~3 s a block and each worker as much again
    slim: dict[int, Any] = {}
    for i, pm in enumerate(prepared):
        if pm.day is not None:
            by_day[pm.day].append(i)
            slim[i] = for_scoring(pm)
    days = sorted(by_day)
    k = 0
    while k < len(days):
        first, n = days[k], 0
        while k < len(days) and (n == 0 or n + len(by_day[days[k]]) <= target):
            n += len(by_day[days[k]])
            k += 1
        end = days[k] if k < len(days) else days[-1] + 1
        idx = sorted(i for d in days if first <= d < end + span for i in by_day[d])
        yield BlockTask(first, end, tuple(idx), tuple(slim[i].m for i in idx),
                        tuple(slim[i] for i in idx), params)


def cluster_blocked(mentions: Sequence[Any], params: Any = None, engine: Any = None,
                    block_size: int = 5000, stats: Any = None,
                    names_out: Optional[dict[str, frozenset[str]]] = None) -> list[Any]:
    """``Deduper.cluster`` with the day-block scoring spread over ``engine``'s workers.

    Rare names are judged on ``stats`` (corpus-wide document frequencies), else counted over
    all mentions first; the day blocks partition the candidate pairs (a pair belongs to the
    block of its earlier day, and each block carries the window of days after it, so pairs
    across block and partition boundaries are scored once); the rare-name pairs are scored
    here; the links are then joined exactly as ``cluster`` joins them, so the clusters are the
    same.  ``names_out`` receives every mention's proper names (for the ``names`` table)."""
    from ..store.dedupe import Deduper

    deduper = Deduper(params)
    ordered, prepared = deduper.prepare(mentions, stats)
    if names_out is not None:
        names_out.update((pm.m.id, pm.names) for pm in prepared)
    tasks = blocks(prepared, params, block_size)
    if engine is None:
        results = map(score_block, tasks)
    else:
        results = engine.map_calls(score_block, tasks)
    links = [l for block in results for l in block]
    links += deduper.name_links(ordered, prepared)
    return deduper.join(ordered, prepared, links)


def run_merge(out: Output, params: Any = None, engine: Any = None) -> MergeSummary:
    """Syndication, deduplication and reconciliation of every report; writes events,
    event_mentions, syndication and names (``batch --append`` continues a merge instead:
    :func:`whimbrel.batch.append.merge_appended`)."""
    from ..store.dedupe import collector_paused

    # the merge holds every report's record (hundreds of thousands of objects) for its whole
    # length: with the cyclic collector on, each full collection walks all of them again, so
    # its cost grew with the square of the reports; nothing the merge builds needs it
    with collector_paused():
        return _merge(out, params, engine)


def _merge(out: Output, params: Any, engine: Any) -> MergeSummary:
    """The body of :func:`run_merge`."""
    from ..store.model import LEAD_CHARS
    from ..store.reconcile import reconcile

    articles = load_articles(out, LEAD_CHARS)
    copies = syndication(articles)
    mentions = load_mentions(out, articles, copies)
    summary = MergeSummary(mentions=len(mentions), syndicated=len(copies), rescored=len(mentions))
    names: dict[str, frozenset[str]] = {}
    clusters = cluster_blocked(mentions, params, engine, names_out=names)
    events = [reconcile(cl) for cl in clusters]
    summary.events = len(events)
    summary.merged = sum(len(cl.mentions) for cl in clusters if len(cl.mentions) > 1)
    write_merge(out, events, copies, names_rows(names, {m.id: m.article_id for m in mentions}))
    return summary


def names_rows(names: dict[str, frozenset[str]], article_of: dict[str, str]) -> list[dict[str, Any]]:
    """Rows of the ``names`` table."""
    return [{"mention_id": i, "article_id": article_of.get(i), "names": sorted(ns)} for i, ns in sorted(names.items())]


def _month(ev: Any) -> str:
    for v in (ev.date.value if ev.date else None, ev.first_reported):
        if v and len(v) >= 7:
            return v[:7]
    return "unknown"


def write_merge(out: Output, events: Sequence[Any], copies: dict[str, str],
                names: Sequence[dict[str, Any]] = ()) -> None:
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
    (staged / "names").mkdir(parents=True, exist_ok=True)
    write_table("names", list(names), str(staged / "names" / "names.parquet"))
    out.swap_merge()


def read_events(root: str) -> Iterator[Any]:
    """The merged events of a batch output, as StoredEvent records (sorted by id)."""
    import pyarrow.parquet as pq

    from ..store.model import StoredEvent

    recs = []
    for p in sorted(Path(root, "events").glob("month=*/events.parquet")):
        recs += pq.read_table(p, columns=["record"])["record"].to_pylist()
    evs = [StoredEvent.model_validate_json(r) for r in recs]
    yield from sorted(evs, key=lambda e: e.id)


__all__ = ["BlockTask", "MergeSummary", "blocks", "cluster_blocked", "score_block", "merge_digest", "read_events", "run_merge", "syndication"]
