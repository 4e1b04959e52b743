"""``batch --append`` without re-clustering everything: the merge redoes only what new reports touch.

The previous merge left its events, their links and the ``names`` table (every report's
proper names).  The reports of the appended partitions are the new ones; the neighbourhood
they can change is found with the store's own rule (:func:`whimbrel.store.names.incremental_scope`:
the blocking window of their days, the incidents that share their rare names however many
months away, the reports whose names' rarity changed, whole events), re-clustered with rare
names judged on the whole output, and swapped in for the events it replaces.  The rest is
copied as it was.  When the previous merge cannot be continued (none, other parameters, or a
report it linked is gone), the full merge runs instead.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Optional

from ..store.names import NameStats
from .output import Output


@dataclass
class Previous:
    """What the last merge wrote: links and names."""

    event_of: dict[str, str]
    names: dict[str, frozenset[str]]


def read_previous(out: Output) -> Optional[Previous]:
    """The last merge's links and names, or ``None`` when it has no names table (older output)."""
    import pyarrow.parquet as pq

    names_file = out.root / "names" / "names.parquet"
    if not names_file.exists() or not (out.root / "event_mentions").exists():
        return None
    event_of: dict[str, str] = {}
    for p in sorted((out.root / "event_mentions").glob("month=*/*.parquet")):
        t = pq.read_table(p, columns=["mention_id", "event_id"])
        event_of.update(zip(t["mention_id"].to_pylist(), t["event_id"].to_pylist()))
    t = pq.read_table(names_file, columns=["mention_id", "names"])
    names = {m: frozenset(ns or ()) for m, ns in zip(t["mention_id"].to_pylist(), t["names"].to_pylist())}
    return Previous(event_of, names)


class BatchCorpus:
    """:class:`whimbrel.store.names.Corpus` over a batch output's tables, held in memory."""

    def __init__(self, day_of: dict[str, Optional[str]], article_of: dict[str, str],
                 names: dict[str, frozenset[str]], event_of: dict[str, str]):
        self.day_of, self.article_of, self.event_of = day_of, article_of, event_of
        self.names_of: dict[str, frozenset[str]] = {}
        self._by_day = sorted((d, i) for i, d in day_of.items() if d)
        self._holders: dict[str, set[str]] = {}
        self._per_article: dict[str, set[str]] = {}
        self._df: Counter = Counter()
        self._articles = len(set(article_of.values()))
        self._members: dict[str, set[str]] = {}
        for m, e in event_of.items():
            self._members.setdefault(e, set()).add(m)
        self.add_names(names)

    def unindexed(self) -> list[str]:
        return [i for i in self.day_of if i not in self.names_of]

    def add_names(self, names: Mapping[str, Iterable[str]]) -> None:
        for i, ns in names.items():
            ns = self.names_of[i] = frozenset(ns)
            for w in ns:
                self._holders.setdefault(w, set()).add(i)
            if i in self.article_of:
                used = self._per_article.setdefault(self.article_of[i], set())
                self._df.update(ns - used)
                used |= ns

    def days(self, ids: Iterable[str]) -> dict[str, Optional[str]]:
        return {i: self.day_of[i] for i in ids if i in self.day_of}

    def between(self, lo: str, hi: str) -> set[str]:
        k = bisect.bisect_left(self._by_day, (lo, ""))
        out = set()
        while k < len(self._by_day) and self._by_day[k][0][:10] <= hi:
            out.add(self._by_day[k][1])
            k += 1
        return out

    def names(self, ids: Iterable[str]) -> dict[str, frozenset[str]]:
        return {i: self.names_of[i] for i in ids if i in self.names_of}

    def stats(self, names: Iterable[str]) -> NameStats:
        return NameStats({w: self._df[w] for w in names if w in self._df}, self._articles)

    def holders(self, names: Iterable[str]) -> dict[str, frozenset[str]]:
        got: dict[str, set[str]] = {}
        for w in names:
            for i in self._holders.get(w, ()):
                got.setdefault(i, set()).add(w)
        return {k: frozenset(v) for k, v in got.items()}

    def names_with_df(self, lo: int, hi: int) -> set[str]:
        return {w for w, n in self._df.items() if lo <= n <= hi}

    def events_of(self, ids: Iterable[str]) -> set[str]:
        return {self.event_of[i] for i in ids if i in self.event_of}

    def members(self, events: Iterable[str]) -> set[str]:
        return {m for e in events for m in self._members.get(e, ())}


def append_merge(out: Output, params: Any, engine: Any, previous: Previous) -> Optional[tuple]:
    """Re-cluster only what the new reports touch; ``None`` when a full merge is needed.

    Returns ``(events, copies, names, summary numbers)`` for :func:`whimbrel.batch.merge.write_merge`."""
    from ..store.dedupe import Deduper, recluster_new
    from ..store.model import LEAD_CHARS
    from ..store.reconcile import reconcile
    from .merge import cluster_blocked, load_articles, load_mentions, mention_index, read_events, syndication

    articles = load_articles(out, LEAD_CHARS)
    copies = syndication(articles)
    day_of, article_of = mention_index(out, articles)
    if not set(previous.event_of) <= set(day_of):
        return None  # a report the last merge linked is gone (its article was replaced)
    new_ids = set(day_of) - set(previous.event_of)
    corpus = BatchCorpus(day_of, article_of, {i: ns for i, ns in previous.names.items() if i in day_of},
                         previous.event_of)
    done = recluster_new(corpus, Deduper(params), {i: article_of[i] for i in new_ids},
                         lambda some: load_mentions(out, articles, copies, only=some),
                         lambda scope, stats: cluster_blocked(scope, params, engine, stats=stats))
    stale = set(done.scope.stale_events)
    events = [e for e in read_events(str(out.root)) if e.id not in stale]
    events += [reconcile(cl) for cl in done.clusters]
    merged = sum(1 for e in events if len(e.links) > 1 for _ in e.links)
    return events, copies, corpus.names_of, {"mentions": len(day_of), "rescored": len(done.mentions),
                                             "new": len(new_ids), "merged": merged,
                                             "by_names": done.scope.by_names, "by_rarity": done.scope.by_rarity}


def merge_appended(out: Output, params: Any = None, engine: Any = None) -> Any:
    """The merge of ``batch --append``: only what the new reports touch when the last merge can
    be continued, else the full :func:`~whimbrel.batch.merge.run_merge`."""
    from .merge import MergeSummary, names_rows, run_merge, write_merge

    previous = read_previous(out)
    done = append_merge(out, params, engine, previous) if previous is not None else None
    if done is None:
        return run_merge(out, params, engine)
    events, copies, names, numbers = done
    article_of = {l.mention_id: l.article_id for e in events for l in e.links}
    write_merge(out, events, copies, names_rows(names, article_of))
    return MergeSummary(mentions=numbers["mentions"], events=len(events), merged=numbers["merged"],
                        syndicated=len(copies), incremental=True, rescored=numbers["rescored"])


__all__ = ["BatchCorpus", "Previous", "append_merge", "merge_appended", "read_previous"]
