"""Reconciliation: the figures, place, date, actors and claims of one merged event.

Casualties are reconciled as low / best / high across the reports of an incident: best is
the most conservative well-sourced figure (as ACLED does), low and high the range (as UCDP
does); contradictions between sources are flagged with the per-source figures, never
averaged away.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from typing import Iterable, Optional, Sequence

from ..records import Count, DatePrecision, DateRef, Entity, Event, Place, PlacePrecision, Size
from .model import Cluster, MentionView, MergeLink, SizeReport, StoredEvent, best_figure, mention_order


def event_id_for(first_mention_id: str) -> str:
    """The stable id of a canonical event, from its earliest mention's id."""
    return "we:" + hashlib.sha1(first_mention_id.encode("utf-8")).hexdigest()[:16]


def _majority(values: Iterable[Optional[str]]) -> Optional[str]:
    vals = [v for v in values if v]
    if not vals:
        return None
    counts = Counter(vals)
    top = max(counts.values())
    for v in vals:  # earliest among the most frequent
        if counts[v] == top:
            return v
    return None


def _majority_earliest(values: Iterable[Optional[str]]) -> Optional[str]:
    """The most frequent value; ties go to the smallest (for ISO days: the earliest)."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    top = max(counts.values())
    return min(v for v, n in counts.items() if n == top)


_PREC_RANK = {p.value: i for i, p in enumerate(PlacePrecision)}  # finest first: point, city, district, near, admin2...


def _pick_place(mentions: Sequence[MentionView]) -> Optional[Place]:
    places = [m.event.location for m in mentions if m.event.location is not None]
    if not places:
        return None
    def rank(p: Place) -> int:
        unlocated = len(_PREC_RANK) + 1
        return _PREC_RANK.get(p.precision.value if p.precision else "city", unlocated - 1) if p.lat is not None else unlocated
    best_rank = min(rank(p) for p in places)
    pool = [p for p in places if rank(p) == best_rank]
    name = _majority(p.name or p.text for p in pool)
    for p in pool:
        if (p.name or p.text) == name:
            return p
    return pool[0]


def _figure_claimant(event: Event, field_name: str) -> Optional[str]:
    """Who gives an event's figure: the first named claim on a sentence with that figure."""
    for cl in event.claims:
        if field_name in cl.figures and cl.claimant is not None:
            return cl.claimant.text  # the words of the report ("a local council official")
    return None


def _reconcile_field(field_name: str, cluster: Sequence[MentionView]) -> tuple[Optional[Count], list[SizeReport], bool]:
    """Casualty figures across reports: best = most-reported figure (ties: the lowest),
    low/high = the range of all reports; conflict when reports disagree."""
    reports: list[SizeReport] = []
    per_source: dict[str, tuple[str, int, SizeReport]] = {}
    for m in cluster:
        c = getattr(m.event.size, field_name)
        if c is None or best_figure(c) is None:
            continue
        hedged = any(cl.hedged for cl in m.event.claims)
        rep = SizeReport(field=field_name, article_id=m.article_id, source=m.source_key, count=c, hedged=hedged,
                         claimant=_figure_claimant(m.event, field_name))
        reports.append(rep)
        key = m.source_key
        prev = per_source.get(key)
        stamp = m.published or ""
        # the latest article of a source; of one article's reports, the first, unless it is
        # an open lower bound ("a murder-suicide": at least 2) that a larger figure refines
        if prev is None or (stamp, m.article_id) > (prev[0], prev[2].article_id) or (
                (stamp, m.article_id) == (prev[0], prev[2].article_id) and prev[2].count.high is None
                and (best_figure(c) or 0) > prev[1]):
            per_source[key] = (stamp, best_figure(c) or 0, rep)
    if not per_source:
        return None, reports, False
    chosen = [r for _, _, r in per_source.values()]
    firm = [r for r in chosen if not r.hedged] or chosen
    bests = [best_figure(r.count) for r in firm]
    freq = Counter(b for b in bests if b is not None)
    top = max(freq.values())
    best = min(v for v, n in freq.items() if n == top)
    lows = [r.count.low if r.count.low is not None else best_figure(r.count) for r in chosen]
    highs = [r.count.high if r.count.high is not None else best_figure(r.count) for r in chosen]
    low = min(v for v in lows if v is not None)
    high = max(v for v in highs if v is not None)
    conflict = len({best_figure(r.count) for r in chosen}) > 1
    return Count(low=min(low, best), best=best, high=max(high, best)), reports, conflict


def _injured_sources(cluster: Sequence[MentionView]) -> Sequence[MentionView]:
    """Reports to read the injured from: those that know the most deaths. A victim first
    reported wounded and later dead has moved from one count to the other, so an earlier
    report's injured figure no longer holds."""
    deaths = [(best_figure(m.event.size.dead) or 0) for m in cluster]
    most = max(deaths, default=0)
    if most == 0:
        return cluster
    return [m for m, d in zip(cluster, deaths) if d == most]


def _dedupe_entities(groups: Iterable[Iterable[Entity]]) -> tuple[Entity, ...]:
    seen, out = set(), []
    for group in groups:
        for e in group:
            key = ((e.name or e.text).lower(), e.code)
            if key not in seen:
                seen.add(key)
                out.append(e.model_copy(update={"start": None, "end": None}))
    return tuple(out)


def reconcile(cluster: Cluster) -> StoredEvent:
    """Build the canonical event of a cluster.

    * type and mode: the most frequent across reports (ties: the earliest report);
    * date: the most frequent day among reports that state one, one vote per article and day
      (a week or month only when no report gives a day; days after the first report's
      publication only when no other is stated; ties: a day told with a casualty figure,
      then the earliest day), else the earliest report's;
    * location: the most precise resolved place, most frequent name among those;
    * actors, recipients, claims: the union over reports (claims keep their claimant);
    * casualties: see :func:`_reconcile_field`; ``size_conflict`` flags disagreement and
      ``size_reports`` keeps every report's figure.
    """
    ms = sorted(cluster.mentions, key=mention_order)
    first = ms[0]
    etype = _majority(m.event.event_type for m in ms) or first.event.event_type
    rep = next(m for m in ms if m.event.event_type == etype)
    # one vote per article and day: an article that repeats a day in several sentences (a
    # vigil "planned for Thursday" told twice) is one source for it, not several
    dated = [m for m in ms if m.date_known and m.date]
    # a day beats a week or month that a report gives (the Monday standing for "last weekend"
    # is no day of the incident)
    days = [m for m in dated if m.event.date is None or m.event.date.precision in (None, DatePrecision.day)]
    dated = days or dated
    voted = list(dict.fromkeys((m.article_id, m.date) for m in dated))
    # an incident happens before its first report: days after it are a later report's own
    # news (a trial, a funeral) or misreadings, so they only count when nothing else is known
    pubs_known = [m.published[:10] for m in ms if m.published]
    if pubs_known:
        voted = [(a, d) for a, d in voted if d[:10] <= min(pubs_known)] or voted
    # ties: the day told with a casualty figure (the incident's own report, not a vigil or a trial)
    with_figures = {m.date for m in dated if m.event.size.dead is not None or m.event.size.injured is not None}
    day = _majority_earliest(d for _, d in voted)
    if day is not None:
        counts = Counter(d for _, d in voted)
        tied = sorted(d for d, n in counts.items() if n == counts[day])
        day = next((d for d in tied if d in with_figures), day)
    if day is not None:
        date = DateRef(value=day, precision="day")
        for m in ms:
            if m.date_known and m.date == day and m.event.date is not None:
                date = m.event.date
                break
    else:
        date = first.event.date or (DateRef(value=first.published, precision="day") if first.published else None)
    size_parts, reports, conflict = {}, [], False
    for f in ("dead", "injured", "arrested"):
        c, r, k = _reconcile_field(f, _injured_sources(ms) if f == "injured" else ms)
        size_parts[f] = c
        reports.extend(r)
        conflict = conflict or k
    claims_seen, claims = set(), []
    for m in ms:
        for c in m.event.claims:
            key = (c.text, (c.claimant.name or c.claimant.text) if c.claimant else None)
            if key not in claims_seen:
                claims_seen.add(key)
                claims.append(c if c.claimant is None else c.model_copy(
                    update={"claimant": c.claimant.model_copy(update={"start": None, "end": None})}))
    articles = list(dict.fromkeys(m.article_id for m in ms))
    sources = sorted({m.source_key for m in ms})
    pubs = sorted(m.published for m in ms if m.published)
    adjacency: dict[str, list[tuple[str, float, dict[str, float]]]] = defaultdict(list)
    for a, b, s, r in cluster.links:
        adjacency[a].append((b, s, r))
        adjacency[b].append((a, s, r))
    via: dict[str, tuple[str, float, dict[str, float]]] = {}
    queue, seen = [first.id], {first.id}
    while queue:
        cur = queue.pop(0)
        for nxt, s, r in adjacency.get(cur, ()):
            if nxt not in seen:
                seen.add(nxt)
                via[nxt] = (cur, s, r)
                queue.append(nxt)
    links = []
    for m in ms:
        v = via.get(m.id)
        links.append(MergeLink(mention_id=m.id, article_id=m.article_id,
                               linked_to=v[0] if v else None, score=v[1] if v else None,
                               reasons=v[2] if v else {}))
    intens = [m.event.intensity for m in ms if m.event.intensity is not None]
    return StoredEvent(
        id=event_id_for(first.id),
        article_id=first.article_id,
        event_type=etype,
        mode=_majority(m.event.mode for m in ms),
        context=tuple(dict.fromkeys(c for m in ms for c in m.event.context)),
        actor=_dedupe_entities(m.event.actor for m in ms),
        recipient=_dedupe_entities(m.event.recipient for m in ms),
        date=date,
        location=_pick_place(ms),
        size=Size(**size_parts),
        claims=tuple(claims),
        modality=rep.event.modality,
        acled=rep.event.acled,
        cameo=rep.event.cameo,
        quad_class=rep.event.quad_class,
        intensity=round(sum(intens) / len(intens), 3) if intens else None,
        confidence=max(m.event.confidence for m in ms),
        trigger=rep.event.trigger,
        mentions=rep.event.mentions,
        article_ids=tuple(articles),
        sources=tuple(sources),
        n_articles=len(articles),
        n_sources=len(sources),
        first_reported=pubs[0] if pubs else None,
        last_reported=pubs[-1] if pubs else None,
        size_conflict=conflict,
        size_reports=tuple(reports),
        links=tuple(links),
    )


__all__ = ["event_id_for", "reconcile"]
