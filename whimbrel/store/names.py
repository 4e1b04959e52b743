"""Corpus-wide rare names, and the neighbourhood an incremental deduplication must redo.

Deduplication pairs reports that share at least ``name_min`` *rare* proper names — names
used by at most ``rare_df`` articles (and at most ``rare_share`` of them) — up to
``name_window_days`` apart, so that a follow-up months later meets the first reports of its
incident.  Rarity is a property of the whole corpus, not of the reports being clustered: this
module keeps the names of every report in an index (the store's ``mention_names`` table, or
the batch output's ``names`` table), counts document frequencies over it, and finds what an
incremental pass must re-cluster when new reports arrive:

1. the reports within the blocking window of the new reports' days (as before);
2. the reports anywhere in the corpus (within ``name_window_days``) that share ``name_min``
   of a new report's rare names — the incident a late report belongs to;
3. the reports holding a name the new articles made common (its document frequency crossed
   the rare limit), and, while the corpus is small enough for the limit to grow with it, the
   names that the larger corpus made rare: their rarity changed, so their links may change;
4. every report of an event any of those belongs to (an event is redone whole).

The corpus is reached through :class:`Corpus` (the store's SQL, or the batch's tables), so the
store and ``batch --append`` share the rules.  Nothing here computes names: the deduper does
(:meth:`whimbrel.store.dedupe.Deduper.names_of`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date as _date
from typing import TYPE_CHECKING, Iterable, Mapping, Optional, Protocol, Sequence

from ..chunking import select_in

if TYPE_CHECKING:
    import sqlite3

NO_NAMES = ""  # the index row of a report that has no proper names (so it counts as indexed)


@dataclass(frozen=True)
class NameStats:
    """Document frequencies (articles using each name) over a corpus of ``articles`` articles
    that hold at least one report; ``df`` needs only the names being asked about."""

    df: Mapping[str, int]
    articles: int


def rare_limit(rare_df: int, rare_share: float, articles: int) -> int:
    """The largest document frequency of a rare name in a corpus of ``articles`` articles."""
    return min(rare_df, int(rare_share * articles))


class Knobs(Protocol):
    """The deduplication parameters this module needs (a :class:`DedupeParams`)."""

    window_days: int
    block_days: int
    rare_df: int
    rare_share: float
    name_min: int
    name_window_days: int


class Corpus(Protocol):
    """The reports already deduplicated, with their days, names and events."""

    def days(self, ids: Iterable[str]) -> dict[str, Optional[str]]:
        """Effective day (ISO) of each report."""
        ...

    def between(self, lo: str, hi: str) -> set[str]:
        """Reports whose effective day is in [lo, hi]."""
        ...

    def names(self, ids: Iterable[str]) -> dict[str, frozenset[str]]:
        """Indexed names of each report."""
        ...

    def stats(self, names: Iterable[str]) -> NameStats:
        """Document frequencies of ``names`` over the whole corpus."""
        ...

    def holders(self, names: Iterable[str]) -> dict[str, frozenset[str]]:
        """Reports using any of ``names``, with which of them they use."""
        ...

    def names_with_df(self, lo: int, hi: int) -> set[str]:
        """Names whose document frequency is in [lo, hi] (asked only of small corpora)."""
        ...

    def events_of(self, ids: Iterable[str]) -> set[str]:
        """Events the reports belong to."""
        ...

    def members(self, events: Iterable[str]) -> set[str]:
        """Reports of the events."""
        ...


class IndexedCorpus(Corpus, Protocol):
    """A :class:`Corpus` that keeps the names of its reports and can be told those it lacks."""

    def unindexed(self) -> list[str]:
        """Reports held without their names."""
        ...

    def add_names(self, names: Mapping[str, Iterable[str]]) -> None:
        """Record the names of reports (those :meth:`unindexed` gave)."""
        ...


@dataclass
class Scope:
    """What an incremental pass re-clusters: the reports, the events they replace, and the
    document frequencies of the reports' names over the whole corpus."""

    ids: set[str]
    stale_events: list[str]
    stats: NameStats
    by_names: int = 0  # reports pulled in by rare names outside the day window
    by_rarity: int = 0  # reports pulled in because a name's rarity changed
    notes: list[str] = field(default_factory=list)


def shift(day: str, days: int) -> str:
    return _date.fromordinal(_date.fromisoformat(day[:10]).toordinal() + days).isoformat()


def day_ordinal(day: Optional[str]) -> Optional[int]:
    """The proleptic ordinal of an ISO date's day (its first ten characters), None if it has none."""
    try:
        return _date.fromisoformat(day[:10]).toordinal() if day and len(day) >= 10 else None
    except ValueError:
        return None


def incremental_scope(corpus: Corpus, new_ids: Iterable[str], p: Knobs,
                      new_articles: Mapping[str, str]) -> Scope:
    """The reports to re-cluster when ``new_ids`` (stored and indexed) join ``corpus``.

    ``new_articles`` maps each new report to its article (to count the document frequency the
    names had before these articles came)."""
    new = set(new_ids)
    span = p.block_days
    days = corpus.days(new)
    scope = set(new)
    known = [d for d in days.values() if d]
    if known:  # 1. the blocking window
        scope |= corpus.between(shift(min(known), -span), shift(max(known), span))
    names = corpus.names(new)
    asked = {w for ns in names.values() for w in ns}
    stats = corpus.stats(asked)
    far = _far_holders(corpus, names, days, stats, scope, p)  # 2. late reports' incidents
    scope |= far
    changed = _rarity_changed(corpus, names, stats, p, new_articles)  # 3.
    by_rarity = set(corpus.holders(changed)) - scope if changed else set()
    scope |= by_rarity
    stale: list[str] = []
    for _ in range(4):  # 4. pull in whole events that straddle the window
        evs = corpus.events_of(scope)
        more = corpus.members(evs)
        stale = sorted(evs)
        if more <= scope:
            break
        scope |= more
    all_names = {w for ns in corpus.names(scope).values() for w in ns}
    return Scope(ids=scope, stale_events=stale, stats=corpus.stats(all_names),
                 by_names=len(far), by_rarity=len(by_rarity))


def _far_holders(corpus: Corpus, names: Mapping[str, frozenset[str]], days: Mapping[str, Optional[str]],
                 stats: NameStats, scope: set[str], p: Knobs) -> set[str]:
    """Reports outside ``scope``, up to ``name_window_days`` from a new report, that share
    ``name_min`` of its rare names."""
    limit = rare_limit(p.rare_df, p.rare_share, stats.articles)
    users: dict[str, list[str]] = {}
    for i, ns in names.items():
        rare = [w for w in ns if stats.df.get(w, 0) <= limit]
        if len(rare) >= p.name_min:
            for w in rare:
                users.setdefault(w, []).append(i)
    held = corpus.holders(users) if users else {}
    far: set[str] = set()
    if not held:
        return far
    held_days = corpus.days(set(held) - set(days))
    held_days.update(days)
    for j, ns in held.items():
        if j in scope:
            continue
        shared = Counter(i for w in ns for i in users.get(w, ()))
        dj = day_ordinal(held_days.get(j))
        for i, n in shared.items():
            di = day_ordinal(days.get(i))
            if n >= p.name_min and di is not None and dj is not None and abs(di - dj) <= p.name_window_days:
                far.add(j)
                break
    return far


def _rarity_changed(corpus: Corpus, names: Mapping[str, frozenset[str]], stats: NameStats, p: Knobs,
                    new_articles: Mapping[str, str]) -> set[str]:
    """Names whose rarity the new articles changed: made common (their document frequency
    crossed the limit), or made rare by a larger corpus's higher limit (small corpora only)."""
    limit = rare_limit(p.rare_df, p.rare_share, stats.articles)
    before_articles = stats.articles - len(set(new_articles.values()))
    limit_before = rare_limit(p.rare_df, p.rare_share, max(0, before_articles))
    per_article: dict[str, set[str]] = {}
    for i, ns in names.items():
        if i in new_articles:
            per_article.setdefault(new_articles[i], set()).update(ns)
    new_df = Counter(w for ns in per_article.values() for w in ns)
    changed: set[str] = set()
    for w in {w for ns in names.values() for w in ns}:
        df_before = stats.df.get(w, 0) - new_df[w]
        if 0 < df_before <= limit_before and stats.df.get(w, 0) > limit:
            changed.add(w)  # was rare in the other articles, now common
    if limit > limit_before:  # the corpus grew enough for more names to count as rare
        changed |= corpus.names_with_df(limit_before + 1, limit)
    return changed


# --------------------------------------------------------------------------- the store's index


class StoreCorpus:
    """:class:`Corpus` over the store's tables (``mentions``, ``mention_names``, ``event_mentions``)."""

    def __init__(self, conn: "sqlite3.Connection"):
        self.conn = conn

    def _rows(self, sql: str, ids: Iterable[str], extra: Sequence[object] = ()) -> list[tuple]:
        return select_in(self.conn, sql, sorted(ids), after=extra)

    def days(self, ids: Iterable[str]) -> dict[str, Optional[str]]:
        return {r[0]: r[1] for r in self._rows("SELECT id, date FROM mentions WHERE id IN ({})", ids)}

    def between(self, lo: str, hi: str) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT id FROM mentions WHERE date BETWEEN ? AND ?", (lo, hi))}

    def names(self, ids: Iterable[str]) -> dict[str, frozenset[str]]:
        got: dict[str, set[str]] = {}
        for mid, name in self._rows("SELECT mention_id, name FROM mention_names WHERE mention_id IN ({})", ids):
            s = got.setdefault(mid, set())
            if name != NO_NAMES:
                s.add(name)
        return {k: frozenset(v) for k, v in got.items()}

    def stats(self, names: Iterable[str]) -> NameStats:
        df = {r[0]: int(r[1]) for r in self._rows(
            "SELECT n.name, COUNT(DISTINCT m.article_id) FROM mention_names n JOIN mentions m ON m.id = n.mention_id"
            " WHERE n.name IN ({}) GROUP BY n.name", [w for w in names if w != NO_NAMES])}
        articles = int(self.conn.execute("SELECT COUNT(DISTINCT article_id) FROM mentions").fetchone()[0])
        return NameStats(df, articles)

    def holders(self, names: Iterable[str]) -> dict[str, frozenset[str]]:
        got: dict[str, set[str]] = {}
        for mid, name in self._rows("SELECT mention_id, name FROM mention_names WHERE name IN ({})",
                                    [w for w in names if w != NO_NAMES]):
            got.setdefault(mid, set()).add(name)
        return {k: frozenset(v) for k, v in got.items()}

    def names_with_df(self, lo: int, hi: int) -> set[str]:
        return {r[0] for r in self.conn.execute(
            "SELECT n.name FROM mention_names n JOIN mentions m ON m.id = n.mention_id WHERE n.name != ?"
            " GROUP BY n.name HAVING COUNT(DISTINCT m.article_id) BETWEEN ? AND ?", (NO_NAMES, lo, hi))}

    def events_of(self, ids: Iterable[str]) -> set[str]:
        return {r[0] for r in self._rows("SELECT DISTINCT event_id FROM event_mentions WHERE mention_id IN ({})", ids)}

    def members(self, events: Iterable[str]) -> set[str]:
        return {r[0] for r in self._rows("SELECT mention_id FROM event_mentions WHERE event_id IN ({})", events)}

    # -- maintenance
    def unindexed(self) -> list[str]:
        """Reports stored without their names (stored before the index existed, loaded from a
        batch, or ingested without deduplication)."""
        return [r[0] for r in self.conn.execute(
            "SELECT m.id FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM mention_names n WHERE n.mention_id = m.id)")]

    def add_names(self, names: Mapping[str, Iterable[str]]) -> None:
        self.index(self.conn, names)

    @staticmethod
    def index(conn: "sqlite3.Connection", names: Mapping[str, Iterable[str]]) -> None:
        """Record each report's names (a report without names gets the :data:`NO_NAMES` row).
        Rows go when their report goes (``ON DELETE CASCADE``)."""
        rows = [(mid, w) for mid, ns in names.items() for w in (sorted(set(ns)) or [NO_NAMES])]
        conn.executemany("INSERT OR IGNORE INTO mention_names(mention_id, name) VALUES (?, ?)", rows)


__all__ = ["Corpus", "IndexedCorpus", "Knobs", "NO_NAMES", "NameStats", "Scope", "StoreCorpus", "incremental_scope", "rare_limit"]
