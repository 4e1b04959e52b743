"""Cross-article deduplication: reports of one incident become one event.

Steps (all deterministic, so re-running gives the same events and ids):

1. **Blocking** — a mention is only compared with mentions whose effective day
   (the event's day, else the article's publication day) is within
   ``window_days`` (+2 when a day is only the publication day) and whose country
   is the same or unknown.  Cost grows with the number of mentions times the
   block size, i.e. near-linearly for a steady news flow.
2. **Scoring** — features in [0, 1]: event-type compatibility, date distance,
   place distance (haversine), actor overlap, casualty compatibility and text
   similarity (token Jaccard of the mention sentences and titles, with a
   proper-name overlap).  Some disagreements veto a link outright (different
   country, places further apart than ``max_km``, incompatible types, dates
   too far apart).  The score is the weighted mean of the features present.
3. **Clustering** — candidate links in descending score order join two clusters
   when the link reaches ``threshold``, no pair across the two clusters is vetoed
   or unblocked (complete link on compatibility), and the mean score across the
   two clusters reaches ``threshold - avg_margin``.  Two reports of one article are
   never compared directly, but may end in one event through other articles (the
   extractor's within-article merge is not perfect); ``allow_same_article=False``
   forbids that.
   Mentions of a syndicated copy are linked to the matching mention of the
   original story.
4. **Reconciliation** — see :func:`whimbrel.store.reconcile.reconcile`.

The event id is ``"we:"`` + a hash of the earliest mention's id (earliest by
publication day, then article id, then mention id), so it is stable across runs
while that mention stays in the event.
"""

from __future__ import annotations

import gc
import json
import sqlite3
import re
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Optional, Sequence

from ..chunking import IN_LIST_SIZE, chunked, placeholders, select_in
from ..knowledge.distance import haversine_km
from ..records import Event
from .credits import strip_credits
from .followup import follow_up
from .model import LEAD_CHARS, Cluster, MentionView, StoredEvent, best_figure, mention_order
from .names import IndexedCorpus, day_ordinal, NameStats, Scope, StoreCorpus, incremental_scope, rare_limit
from .reconcile import reconcile

if TYPE_CHECKING:
    from .db import Database

# --------------------------------------------------------------------------- inputs

@dataclass(frozen=True)
class DedupeParams:
    """Knobs of the deduplication (defaults documented in docs/store.md)."""

    window_days: int = 7
    threshold: float = 0.5
    avg_margin: float = 0.1
    max_veto_share: float = 0.0
    allow_same_article: bool = True
    max_km: float = 50.0
    w_type: float = 0.5
    w_date: float = 1.5
    w_place: float = 2.0
    w_actor: float = 1.0
    w_size: float = 1.0
    w_text: float = 3.0
    w_names: float = 2.0
    strong_text: float = 0.9
    rare_df: int = 5
    rare_share: float = 0.05
    common_names: float = 0.3
    name_min: int = 2
    name_window_days: int = 366
    unnamed_days: int = 1
    follow_days: int = 21

    @property
    def block_days(self) -> int:
        """Days apart two reports may be and still be compared (see :func:`follow_up`)."""
        return max(self.window_days + 2, self.follow_days)


@dataclass(frozen=True)
class Link:
    """A scored candidate pair (indexes into the mention list)."""

    a: int
    b: int
    score: float
    reasons: dict[str, float] = field(default_factory=dict)


# --------------------------------------------------------------------------- features

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d+")
_STOP = frozenset(
    """a an the and or but of to in on at by for from with as is are was were be been being it its
    this that these those he she they them his her their we our you your i not no said says say
    after before over under into about than then there here who whom which what when where while
    has have had will would could should may might can do does did also more most other some such
    only own same so too very just one two three four five six seven eight nine ten police
    people man woman men women year years old told according news local reported report""".split()
)


def _tokens(text: str, before: str = "") -> tuple[frozenset[str], frozenset[str]]:
    """Content words (lower case) and proper names (capitalised, not sentence-initial).

    ``before`` is the last non-space character in front of ``text`` when it is a piece of a
    longer text ("" at its start): the pieces' tokens then add up to the whole text's."""
    words, names = set(), set()
    for m in _WORD.finditer(text):
        w = m.group(0)
        low = w.lower()
        if low in _STOP or len(low) < 3:
            continue
        words.add(low)
        if w[0].isupper():
            j = m.start() - 1
            while j >= 0 and text[j].isspace():
                j -= 1
            prev = text[j] if j >= 0 else before
            if prev and prev not in ".!?\"'\u201c\u201d:":
                names.add(low)
    return frozenset(words), frozenset(names)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> Optional[float]:
    if not a or not b:
        return None
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)  # the size of a | b, without building it


def _entity_keys(event: Event) -> frozenset[str]:
    keys = set()
    for e in (*event.actor, *event.recipient):
        keys.add((e.name or e.text).strip().lower())
    return frozenset(k for k in keys if k)


_COARSE = frozenset({"country", "region", "admin1"})


def _coarse(loc: Any) -> bool:
    """A place that says little of where in the country: a country or region, or unlocated."""
    return loc.lat is None or loc.lon is None or (loc.precision.value if loc.precision else "city") in _COARSE


def _named_in(loc: Any, words: frozenset[str]) -> bool:
    """Whether a report's content words hold every word of a place's name ("Saint Paul")."""
    toks = [w.lower() for w in _WORD.findall(loc.name or loc.text or "")]
    toks = [w for w in toks if w not in _STOP and len(w) >= 3]
    return bool(toks) and all(w in words for w in toks)


def _figure_sim(a: Optional[int], b: Optional[int]) -> Optional[float]:
    if a is None or b is None:
        return None
    if a == b:
        return 1.0
    return 1.0 - abs(a - b) / max(a, b, 1)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one block (scoring makes millions of
    short-lived tuples, which the collector only slows down) and restore its previous
    state afterwards, even when the block raises."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class _Prepared:
    m: MentionView
    day: Optional[int]
    words: frozenset[str]
    names: frozenset[str]
    ents: frozenset[str]
    dead: Optional[int]
    injured: Optional[int]
    rare: frozenset[str] = frozenset()  # names found in at most ``rare_df`` articles of the batch


class Deduper:
    """Scores and clusters mentions; holds no state between calls besides its parameters."""

    def __init__(self, params: Optional[DedupeParams] = None):
        self.params = params or DedupeParams()

    # -- preparation
    def _prepare(self, m: MentionView, memo: Optional[dict[tuple[str, str], tuple[frozenset[str], frozenset[str]]]] = None) -> _Prepared:
        """Features of one report.  Its text is the title, ". ", the mention sentences and the
        trigger, a new line and the article's lead; it is tokenised piece by piece (no word
        spans a separator), the title and lead, shared by an article's reports, once per
        article through ``memo``."""
        body = " ".join(strip_credits(s.text) for s in m.event.mentions)
        if m.event.trigger:
            body += " " + m.event.trigger
        pieces = [(body, "." if m.title else "")]
        if m.title:
            pieces.append((m.title, ""))
        if m.lead:  # a news lead names the who, what and where of the article's main story
            prefix = (m.title + ". " + body) if m.title else body
            pieces.append((strip_credits(m.lead[:LEAD_CHARS]), prefix.rstrip()[-1:]))
        words: frozenset[str] = frozenset()
        names: frozenset[str] = frozenset()
        for k, piece in enumerate(pieces):
            if k == 0 or memo is None:
                got = _tokens(*piece)
            else:
                got = memo.get(piece) or memo.setdefault(piece, _tokens(*piece))
            words, names = words | got[0], names | got[1]
        return _Prepared(m, day_ordinal(m.date), words, names, _entity_keys(m.event),
                         best_figure(m.event.size.dead), best_figure(m.event.size.injured))

    # -- pair scoring
    def score(self, a: MentionView, b: MentionView) -> Optional[Link]:
        """The link between two mentions, or ``None`` when a feature vetoes it.

        Two mentions alone have no background to judge rare names against: the ``names``
        feature only counts inside :meth:`cluster`."""
        return self._score(self._prepare(a), self._prepare(b), 0, 1)

    def names_of(self, m: MentionView) -> frozenset[str]:
        """The proper names of a report (title, mention sentences, trigger, lead) that rarity is
        judged on; the store and the batch keep them in their name index."""
        return self._prepare(m).names

    def _mark_rare(self, prepared: Sequence[_Prepared], stats: Optional[NameStats] = None) -> None:
        """Set each mention's rare names: names used by at most ``rare_df`` articles and at most
        ``rare_share`` of them (document frequency counted per article, so an article's several
        reports count once) — of the corpus ``stats`` describes, else of the batch itself."""
        if stats is None:
            per_article: dict[str, set[str]] = defaultdict(set)
            for pm in prepared:
                per_article[pm.m.article_id] |= pm.names
            counted: Counter[str] = Counter()
            for names in per_article.values():
                counted.update(names)
            stats = NameStats(counted, len(per_article))
        # rarity needs a background: in a corpus of n articles, a name is rare only if it is in
        # at most rare_share * n of them (so a handful of articles has no rare names)
        limit = rare_limit(self.params.rare_df, self.params.rare_share, stats.articles)
        df = stats.df
        for pm in prepared:
            # a name missing from the corpus counts is at least in this article
            pm.rare = frozenset(w for w in pm.names if 0 < df.get(w, 1) <= limit)

    def _score(self, pa: _Prepared, pb: _Prepared, i: int, j: int) -> Optional[Link]:
        p = self.params
        a, b = pa.m.event, pb.m.event
        feats: dict[str, float] = {}
        # type
        if a.event_type == b.event_type:
            feats["type"] = 1.0
        elif a.quad_class is not None and a.quad_class == b.quad_class:
            feats["type"] = 0.5
        else:
            return None
        # date
        if pa.day is None or pb.day is None:
            return None
        both = pa.m.date_known and pb.m.date_known
        limit = p.window_days if both else p.window_days + 2
        # names: proper names rare in the batch (victims, suspects, streets, small towns) that
        # both reports use; enough of them outweigh a misread date or a mis-geocoded place
        shared = pa.rare & pb.rare
        named = len(shared) >= p.name_min
        d = abs(pa.day - pb.day)
        if d > limit:
            if named and d <= p.name_window_days:
                feats["date"] = 0.0
            elif not (d <= p.follow_days and follow_up(pa, pb)):
                return None
            # else a follow-up story: its date is when it was written, no evidence either way
        else:
            feats["date"] = (1.0 - d / (limit + 1)) * (1.0 if both else 0.8)
        if shared:
            feats["names"] = min(1.0, len(shared) / 3)
        elif pa.rare and pb.rare:
            feats["names"] = 0.0  # both name rare people or places, but not the same ones
        # place
        la, lb = a.location, b.location
        ca = la.country_code if la else None
        cb = lb.country_code if lb else None
        if ca and cb and ca != cb:
            if not named:
                return None
            feats["place"] = 0.0
        # text
        tw = _jaccard(pa.words, pb.words)
        tn = _jaccard(pa.names, pb.names)
        text: Optional[float] = None
        # Jaccard of short texts is low even for one story: rescale so 0.35 counts as full;
        # content words and proper names are two signals, averaged after rescaling.
        parts = [min(1.0, x / 0.35) for x in (tw, tn) if x is not None]
        if parts:
            text = feats["text"] = sum(parts) / len(parts)
        if "place" not in feats and la and lb and la.lat is not None and lb.lat is not None \
                and la.lon is not None and lb.lon is not None:
            km = haversine_km(la.lat, la.lon, lb.lat, lb.lon)
            coarse = {"country", "region", "admin1", "admin2"}
            pa_prec = la.precision.value if la.precision else "city"
            pb_prec = lb.precision.value if lb.precision else "city"
            if pa_prec in coarse or pb_prec in coarse:
                # a region or admin1 says little; only a clear mismatch counts (as a veto)
                if la.admin1 and lb.admin1 and la.admin1 != lb.admin1 and km > p.max_km:
                    if not named:
                        return None
                    feats["place"] = 0.0
            elif km > p.max_km:
                # two precise places far apart: a veto, unless the texts are near-identical or
                # share rare names (then a geocoding slip is likelier than two incidents)
                if not named and (text is None or text < p.strong_text or tn is None):
                    return None
                feats["place"] = 0.0
            else:
                feats["place"] = max(0.0, 1.0 - km / p.max_km)
        # a country-level or unknown place is no evidence either way, unless its report names
        # the other's town on a day close to it: the geoparser missed or misread the place
        if "place" not in feats and la and lb and feats.get("date", 0.0) > 0.0:
            if _coarse(la) and not _coarse(lb) and _named_in(lb, pa.words) or \
                    _coarse(lb) and not _coarse(la) and _named_in(la, pb.words):
                feats["place"] = 1.0
        # actors
        ent = _jaccard(pa.ents, pb.ents)
        if feats.get("names") == 0.0 and tn is not None and tn >= p.common_names:
            # no rare name in common, but many names in common: a big story whose names are
            # too widely reported to count as rare; no evidence either way
            del feats["names"]
        # days apart, no rare name in common, and either two different types or two sets of
        # rare names: on a busy city's feed the place and date alone do not make one incident
        # (a type misread in one report shows up within a day).  Not a veto — the pair cannot
        # start a merge, but other reports may still join the two (as a veto they could not)
        unnamed = d > p.unnamed_days and not shared and (feats["type"] < 1.0 or feats.get("names") == 0.0)
        if ent:  # shared actors are evidence; different wording of actors is not counter-evidence
            feats["actor"] = ent
        # casualties
        sims = [s for s in (_figure_sim(pa.dead, pb.dead), _figure_sim(pa.injured, pb.injured)) if s is not None]
        if sims:
            feats["size"] = sum(sims) / len(sims)
        if text is not None and text < 0.3 and feats.get("size", 1.0) < 0.3:
            # same time and place, but no shared words and contradicting tolls: two incidents
            return None
        weights = {"type": p.w_type, "date": p.w_date, "place": p.w_place, "actor": p.w_actor,
                   "size": p.w_size, "text": p.w_text, "names": p.w_names}
        total = sum(weights[k] for k in feats)
        s = sum(weights[k] * v for k, v in feats.items()) / total
        if unnamed:
            s = min(s, p.threshold - 0.01)
        return Link(i, j, round(s, 4), {k: round(v, 3) for k, v in feats.items()})

    # -- blocking
    def candidates(self, prepared: Sequence[_Prepared]) -> Iterator[tuple[int, int]]:
        """Pairs (i < j) sharing a block: close days and same-or-unknown country, or (outside
        that block) articles sharing at least ``name_min`` rare names."""
        yield from self._day_candidates(prepared)
        yield from self._name_candidates(prepared)

    def _name_candidates(self, prepared: Sequence[_Prepared]) -> Iterator[tuple[int, int]]:
        """Pairs of mentions whose articles share ``name_min`` rare names but not a day block.

        Each rare name is held by at most ``rare_df`` articles, so the article pairs counted
        are at most ``rare_df**2 / 2`` per distinct rare name: linear in the batch size."""
        p = self.params
        span = p.block_days
        by_article: dict[str, list[int]] = defaultdict(list)
        holders: dict[str, set[str]] = defaultdict(set)
        for i, pm in enumerate(prepared):
            by_article[pm.m.article_id].append(i)
            for w in pm.rare:
                holders[w].add(pm.m.article_id)
        together: Counter[tuple[str, str]] = Counter()
        for arts in holders.values():
            if 1 < len(arts) <= p.rare_df:
                ordered_arts = sorted(arts)
                for x in range(len(ordered_arts)):
                    for y in range(x + 1, len(ordered_arts)):
                        together[(ordered_arts[x], ordered_arts[y])] += 1
        for (x, y), n in sorted(together.items()):
            if n < p.name_min:
                continue
            for i in by_article[x]:
                for j in by_article[y]:
                    pi, pj = prepared[i], prepared[j]
                    if len(pi.rare & pj.rare) < p.name_min:
                        continue
                    if pi.day is not None and pj.day is not None and abs(pi.day - pj.day) <= span \
                            and _compatible_country(_country(pi), _country(pj)):
                        continue  # already a day-block pair
                    yield (i, j) if i < j else (j, i)

    def _day_candidates(self, prepared: Sequence[_Prepared], days: Optional[range] = None) -> Iterator[tuple[int, int]]:
        """Pairs (i < j) with close days and same-or-unknown country (with ``days``: only pairs
        whose earlier day is in that range)."""
        span = self.params.block_days
        by_day: dict[int, dict[Optional[str], list[int]]] = defaultdict(lambda: defaultdict(list))
        for i, pm in enumerate(prepared):
            if pm.day is not None:
                by_day[pm.day][_country(pm)].append(i)
        for day in sorted(by_day):
            if days is not None and day not in days:
                continue
            for c, members in by_day[day].items():
                for i in members:
                    for off in range(0, span + 1):
                        bucket = by_day.get(day + off)
                        if not bucket:
                            continue
                        if c is None:
                            targets: Iterable[list[int]] = bucket.values()
                        else:
                            targets = (bucket.get(c, ()), bucket.get(None, ()))
                        for group in targets:
                            for j in group:
                                if off == 0 and j <= i:
                                    continue
                                yield (i, j) if i < j else (j, i)

    # -- clustering
    def _links(self, ordered: Sequence[MentionView], prepared: Sequence[_Prepared],
               pairs: Optional[Iterable[tuple[int, int]]] = None) -> list[Link]:
        """Scored candidate pairs (default: all of :meth:`candidates`) that reach the threshold
        (only these can start a merge)."""
        links: list[Link] = []
        for i, j in (self.candidates(prepared) if pairs is None else pairs):
            if ordered[i].article_id == ordered[j].article_id:
                continue
            link = self._score(prepared[i], prepared[j], i, j)
            if link is None:
                continue
            link = self._syndication_boost(ordered, link)
            if link.score >= self.params.threshold:
                links.append(link)
        return links

    def cluster(self, mentions: Sequence[MentionView], stats: Optional[NameStats] = None) -> list[Cluster]:
        """Group mentions into incidents (deterministic for a given input set); rare names are
        judged on ``stats`` (corpus-wide counts), else counted over ``mentions``."""
        ordered, prepared = self.prepare(mentions, stats)
        # Only links that can start a merge are kept; scores of other pairs needed by the
        # average-link check are recomputed on demand (memory stays linear in the links kept).
        with collector_paused():
            links = self._links(ordered, prepared)
        return self.join(ordered, prepared, links)

    def prepare(self, mentions: Sequence[MentionView],
                stats: Optional[NameStats] = None) -> tuple[list[MentionView], list[_Prepared]]:
        """Mentions in clustering order with their features; rare names judged on the corpus
        document frequencies ``stats``, else counted over the mentions themselves."""
        ordered = sorted(mentions, key=mention_order)
        memo: dict[tuple[str, str], tuple[frozenset[str], frozenset[str]]] = {}
        prepared = [self._prepare(m, memo) for m in ordered]
        self._mark_rare(prepared, stats)
        return ordered, prepared

    def block_links(self, ordered: Sequence[MentionView], prepared: Sequence[_Prepared],
                    first_day: int, end_day: int) -> list[Link]:
        """The links of the day-block pairs whose earlier day is in [first_day, end_day): blocks
        of consecutive days partition the day-candidate pairs, so they can be scored apart
        (``ordered``/``prepared`` must hold every mention up to ``end_day`` + the window)."""
        with collector_paused():
            return self._links(ordered, prepared, self._day_candidates(prepared, range(first_day, end_day)))

    def name_links(self, ordered: Sequence[MentionView], prepared: Sequence[_Prepared]) -> list[Link]:
        """The links of the rare-name pairs outside the day blocks."""
        with collector_paused():
            return self._links(ordered, prepared, self._name_candidates(prepared))

    def join(self, ordered: Sequence[MentionView], prepared: Sequence[_Prepared], links: list[Link]) -> list[Cluster]:
        """Clusters from the scored links (complete link on compatibility, average-link check)."""
        p = self.params
        links = sorted(links, key=lambda l: (-l.score, l.a, l.b))
        cache: dict[tuple[int, int], Optional[float]] = {(l.a, l.b): l.score for l in links}

        def pair_score(i: int, j: int) -> Optional[float]:
            key = (i, j) if i < j else (j, i)
            if key not in cache:
                if ordered[key[0]].article_id == ordered[key[1]].article_id:
                    # two reports of one article: not compared (the extractor kept them apart);
                    # neutral for the average when same-article clusters are allowed
                    cache[key] = self.params.threshold if self.params.allow_same_article else None
                else:
                    got = self._score(prepared[key[0]], prepared[key[1]], key[0], key[1])
                    if got is not None:
                        got = self._syndication_boost(ordered, got)
                    cache[key] = None if got is None else got.score
            return cache[key]

        parent = list(range(len(ordered)))
        members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
        tree: dict[int, list[tuple[int, int, float, dict[str, float]]]] = defaultdict(list)
        # two clusters that failed the check fail it again until one of them grows: the many
        # links between two big clusters are then not each checked over all their pairs
        grown: dict[int, int] = defaultdict(int)  # root -> merges it has absorbed
        refused: set[tuple[int, int, int, int]] = set()

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for link in links:
            if link.score < p.threshold:
                break
            ra, rb = find(link.a), find(link.b)
            if ra == rb:
                continue
            tried = (ra, rb, grown[ra], grown[rb]) if ra < rb else (rb, ra, grown[rb], grown[ra])
            if tried in refused:
                continue
            ma, mb = members[ra], members[rb]
            if not p.allow_same_article:
                arts_a = {ordered[i].article_id for i in ma}
                if any(ordered[j].article_id in arts_a for j in mb):
                    refused.add(tried)
                    continue
            total, vetoed = 0.0, 0
            for i in ma:
                for j in mb:
                    s = pair_score(i, j)
                    if s is None:
                        vetoed += 1
                    else:
                        total += s
            pairs = len(ma) * len(mb)
            if vetoed > p.max_veto_share * pairs or total / pairs < p.threshold - p.avg_margin:
                refused.add(tried)
                continue
            root, other = (ra, rb) if ra < rb else (rb, ra)
            grown[root] += 1
            parent[other] = root
            members[root] = sorted(members[ra] + members[rb])
            del members[other]
            tree[root].extend(tree.pop(other, []))
            tree[root].append((link.a, link.b, link.score, link.reasons))
        out = []
        for root in sorted(members):
            idx = members[root]
            cl = Cluster([ordered[i] for i in idx])
            cl.links = [(ordered[a].id, ordered[b].id, s, r) for a, b, s, r in tree.get(root, [])]
            out.append(cl)
        return out

    @staticmethod
    def _syndication_boost(ordered: Sequence[MentionView], link: Link) -> Link:
        ma, mb = ordered[link.a], ordered[link.b]
        if (ma.syndicated_of == mb.article_id or mb.syndicated_of == ma.article_id or
                (ma.syndicated_of and ma.syndicated_of == mb.syndicated_of)) and \
                ma.event.event_type == mb.event.event_type:
            return Link(link.a, link.b, max(link.score, 0.99), {**link.reasons, "syndicated": 1.0})
        return link


@dataclass(frozen=True, slots=True)
class _ScoringEvent:
    """The fields of an :class:`Event` that block scoring reads (a plain record: building a
    pydantic copy of each report cost more than the pickling it saves)."""

    event_type: Any
    quad_class: Optional[int]
    location: Any


def for_scoring(pm: _Prepared) -> _Prepared:
    """A copy of a prepared report holding only what block scoring reads (:meth:`Deduper._score`,
    ``_links``, the syndication boost): the ids, dates and syndication of its view, and of its
    event the type, quad class and place.  A merge block of these pickles in a fraction of the
    time of one of the full reports (sentences, claims, actors, lead: 0.4 s against 3.1 s for
    5,400 reports, docs/scaling.md), on the driver and again on the worker that unpickles it;
    the links it scores are the same."""
    m, e = pm.m, pm.m.event
    event: Any = _ScoringEvent(e.event_type, e.quad_class, e.location)
    view = MentionView(m.id, m.article_id, event, date=m.date, date_known=m.date_known,
                       published=m.published, source=m.source, syndicated_of=m.syndicated_of)
    return _Prepared(view, pm.day, pm.words, pm.names, pm.ents, pm.dead, pm.injured, pm.rare)


def _country(pm: _Prepared) -> Optional[str]:
    loc = pm.m.event.location
    return loc.country_code if loc else None


def _compatible_country(a: Optional[str], b: Optional[str]) -> bool:
    return a is None or b is None or a == b


# --------------------------------------------------------------------------- store level


@dataclass
class DedupeSummary:
    """What one deduplication pass did."""

    mentions: int = 0
    events: int = 0
    merged: int = 0  # mentions that joined an event with another mention
    events_before: int = 0


_MENTION_SQL = (
    f"SELECT m.id, m.article_id, m.event, m.date, m.date_known, a.published, a.title, a.syndicated_of,"
    f" substr(a.text, 1, {LEAD_CHARS}) AS lead,"
    " COALESCE(r.publisher, a.publisher, r.id) AS source"
    " FROM mentions m JOIN articles a ON a.id = m.article_id"
    " LEFT JOIN articles r ON r.id = a.syndicated_of"
)


def load_mentions(store: "Database", where: str = "", args: Sequence[object] = ()) -> list[MentionView]:
    """Mentions from the store (optionally filtered by a SQL ``where`` over ``m``/``a``)."""
    sql = _MENTION_SQL + (f" WHERE {where}" if where else "")
    out = []
    for row in store.conn.execute(sql, tuple(args)):
        out.append(MentionView(
            id=row["id"], article_id=row["article_id"], event=Event.model_validate_json(row["event"]),
            date=row["date"], date_known=bool(row["date_known"]), published=row["published"],
            source=row["source"], title=row["title"], syndicated_of=row["syndicated_of"], lead=row["lead"],
        ))
    return out


def dedupe_store(
    store: "Database", mention_ids: Optional[Iterable[str]] = None, params: Optional[DedupeParams] = None
) -> DedupeSummary:
    """Re-cluster the store's mentions into events.

    With ``mention_ids`` (e.g. those just ingested), only the neighbourhood that can change is
    redone (:func:`whimbrel.store.names.incremental_scope`): mentions within the blocking window
    of their days, mentions anywhere that share rare names with them (a late follow-up meets
    its incident), mentions whose names' rarity the new articles changed, and every mention of
    an event those belong to; rare names are judged on the document frequencies of the whole
    store (the ``mention_names`` index).  Events that lost all their mentions (corrections) are
    removed.  Without ``mention_ids``, everything is re-clustered.

    The reads, the clustering and the writes run in one write transaction, so two
    processes never interleave their clustering, and a kill leaves the events as they
    were.  The pending rows of the mentions clustered (all of them, without
    ``mention_ids``) are removed in that transaction.
    """
    with store.write() as conn:
        if mention_ids is None:
            return _dedupe(store, conn, None, params, all_pending=True)
        return _dedupe(store, conn, set(mention_ids), params)


def dedupe_pending(store: "Database", params: Optional[DedupeParams] = None) -> DedupeSummary:
    """Cluster every pending mention (stored but not yet in an event: this run's, and those an
    interrupted run left) with its neighbourhood, as :func:`dedupe_store` does with ids."""
    with store.write() as conn:
        ids = {r[0] for r in conn.execute("SELECT mention_id FROM pending_mentions")}
        if not ids:
            return DedupeSummary()
        return _dedupe(store, conn, ids, params)


def _dedupe(store: "Database", conn: "sqlite3.Connection", ids: Optional[set[str]],
            params: Optional[DedupeParams], *, all_pending: bool = False) -> DedupeSummary:
    """The body of :func:`dedupe_store`, inside the caller's write transaction ``conn``."""
    deduper = Deduper(params)
    corpus = StoreCorpus(conn)
    if ids is None:
        scope = load_mentions(store)
        stale_events = [r[0] for r in conn.execute("SELECT id FROM events")]
        missing = set(corpus.unindexed())
        fresh = {m.id: deduper.names_of(m) for m in scope if m.id in missing}
        if fresh:
            corpus.add_names(fresh)
        clusters = deduper.cluster(scope)
    else:
        article_of = dict(select_in(conn, "SELECT id, article_id FROM mentions WHERE id IN ({})", sorted(ids)))
        done = recluster_new(corpus, deduper, article_of, lambda some: _load_by_ids(store, some))
        scope, stale_events, clusters = done.mentions, done.scope.stale_events, done.clusters
    summary = DedupeSummary(mentions=len(scope), events_before=len(stale_events))
    for chunk in chunked(stale_events, IN_LIST_SIZE):
        q = placeholders(len(chunk))
        conn.execute(f"DELETE FROM event_mentions WHERE event_id IN ({q})", chunk)
        conn.execute(f"DELETE FROM events WHERE id IN ({q})", chunk)
    for cl in clusters:
        ev = reconcile(cl)
        write_event(conn, ev)
        summary.events += 1
        if len(cl.mentions) > 1:
            summary.merged += len(cl.mentions)
    conn.execute("DELETE FROM events WHERE id NOT IN (SELECT DISTINCT event_id FROM event_mentions)")
    if all_pending:
        conn.execute("DELETE FROM pending_mentions")
    else:
        for chunk in chunked(sorted(ids or ()), IN_LIST_SIZE):
            conn.execute(f"DELETE FROM pending_mentions WHERE mention_id IN ({placeholders(len(chunk))})", chunk)
    return summary


@dataclass
class Reclustered:
    """An incremental pass: its scope, the reports it read and their clusters."""

    scope: Scope
    mentions: list[MentionView]
    clusters: list[Cluster]


def recluster_new(corpus: IndexedCorpus, deduper: Deduper, new_articles: Mapping[str, str],
                  load: Callable[[set[str]], list[MentionView]],
                  cluster: Optional[Callable[[list[MentionView], NameStats], list[Cluster]]] = None) -> Reclustered:
    """Cluster the neighbourhood of new reports, the one sequence of the store's incremental
    dedupe and of ``batch --append``: index the names of the reports ``corpus`` holds without
    them, find what the new reports (``new_articles``: report → article, already in ``corpus``)
    can change (:func:`~whimbrel.store.names.incremental_scope`), and cluster it with rare names
    judged on the whole corpus. ``load`` reads reports by id; ``cluster`` (the deduper's own by
    default) takes the reports and the corpus-wide name statistics."""
    missing = set(corpus.unindexed())
    if missing:
        corpus.add_names({m.id: deduper.names_of(m) for m in load(missing)})
    found = incremental_scope(corpus, new_articles, deduper.params, new_articles)
    mentions = load(found.ids)
    clusters = (cluster or deduper.cluster)(mentions, found.stats)
    return Reclustered(found, mentions, clusters)


def write_event(conn: "sqlite3.Connection", ev: StoredEvent) -> None:
    """Insert (or replace) one canonical event and its mention links."""
    loc = ev.location
    dead, inj = ev.size.dead, ev.size.injured
    conn.execute(
        "INSERT OR REPLACE INTO events(id, event_type, mode, date, country, admin1, place, lat, lon,"
        " dead_low, dead_best, dead_high, injured_low, injured_best, injured_high, size_conflict,"
        " intensity, n_sources, n_articles, n_mentions, first_reported, last_reported, record)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (ev.id, ev.event_type, ev.mode, ev.date.value if ev.date else None,
         loc.country_code if loc else None, loc.admin1 if loc else None,
         (loc.name or loc.text) if loc else None, loc.lat if loc else None, loc.lon if loc else None,
         dead.low if dead else None, dead.best if dead else None, dead.high if dead else None,
         inj.low if inj else None, inj.best if inj else None, inj.high if inj else None,
         int(ev.size_conflict), ev.intensity, ev.n_sources, ev.n_articles, len(ev.links),
         ev.first_reported, ev.last_reported, ev.model_dump_json()),
    )
    conn.executemany(
        "INSERT OR REPLACE INTO event_mentions(mention_id, event_id, linked_to, score, reasons) VALUES (?,?,?,?,?)",
        [(l.mention_id, ev.id, l.linked_to, l.score, json.dumps(l.reasons)) for l in ev.links],
    )


def _load_by_ids(store: "Database", ids: set[str]) -> list[MentionView]:
    out: list[MentionView] = []
    for chunk in chunked(sorted(ids), IN_LIST_SIZE):
        out.extend(load_mentions(store, f"m.id IN ({placeholders(len(chunk))})", chunk))
    return out


__all__ = [
    "DedupeSummary",
    "Reclustered",
    "dedupe_pending",
    "dedupe_store",
    "load_mentions",
    "recluster_new",
    "write_event",
    "DedupeParams",
    "Deduper",
    "Link",
    "collector_paused",
    "for_scoring",
]
