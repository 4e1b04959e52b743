"""In-article merge: the mentions of one incident in one article → one Event.

Two mentions of an article describe the same incident when they have the same
PLOVER type, no conflicting actors or recipients (by country code or resolved
name, roles not reversed), compatible dates and modality.  Mentions without a
date of their own join the compatible incident whose date is closest to the
publication (news is about what just happened) unless they are marked as an
earlier happening ("the previous round of strikes").
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Optional

from .. import codebook
from ..pipeline import Work
from ..spacy_doc import remembered
from ..records import AcledType, Claim, Count, DatePrecision, DateRef, Entity, Event, Modality, PlaceBasis, Size
from .acled_cues import argument_cues, sentence_cues
from .acled_fallback import head_rank, rule_only
from .counts_shot import injured_of, wounded_then_dead
from .counts_sum import add_counts
from .plausible import check_size
from .triggers import Mention

_PRECISION_RANK = {DatePrecision.day: 0, DatePrecision.week: 1, DatePrecision.month: 2, DatePrecision.year: 3}


def _codes(entities: list[Entity]) -> set[str]:
    return {e.code for e in entities if e.code}


def _date_start(ref: Optional[DateRef]) -> Optional[date]:
    if ref is None or not ref.value:
        return None
    parts = [int(p) for p in ref.value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return date(*parts)


def dates_compatible(a: Optional[DateRef], b: Optional[DateRef]) -> bool:
    """Dates agree when one contains the other (2023-12 contains 2023-12-29)."""
    if a is None or b is None or not a.value or not b.value:
        return True
    if a.precision == DatePrecision.week or b.precision == DatePrecision.week:
        da, db = _date_start(a), _date_start(b)
        return da is not None and db is not None and abs((da - db).days) <= 7
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def most_precise_date(members: list[Mention]) -> Optional[DateRef]:
    """The finest resolved date among mentions (day before week before month before year)."""
    dated = [m.date for m in members if m.date is not None and m.date.value]
    if not dated:
        return None
    return min(dated, key=lambda d: _PRECISION_RANK.get(d.precision, 9))


class _Cluster:
    def __init__(self, m: Mention):
        self.members = [m]
        self._known = 0  # how many members the facts below were read from (members are only added)
        self._date: Optional[DateRef] = None
        self._codes: tuple[set[str], set[str]] = (set(), set())

    @property
    def actors(self) -> list[Entity]:
        return [e for m in self.members for e in m.actors]

    @property
    def recipients(self) -> list[Entity]:
        return [e for m in self.members for e in m.recipients]

    def _read(self) -> None:
        if self._known != len(self.members):
            self._known = len(self.members)
            self._date = most_precise_date(self.members)
            self._codes = (_codes(self.actors), _codes(self.recipients))

    @property
    def date(self) -> Optional[DateRef]:
        self._read()
        return self._date

    def accepts(self, m: Mention) -> bool:
        first = self.members[0]
        if m.event_type != first.event_type or m.modality != first.modality:
            return False
        if not dates_compatible(self.date, m.date):
            return False
        if _own_clause_actors(self.members, m):
            return False
        a, r = self._codes  # (read with the date, above)
        ma, mr = _codes(m.actors), _codes(m.recipients)
        # new parties may join only a side that had none ("US strikes" + "the U.S. and Iran")
        if a and ma and not ma <= a:
            return False
        if r and mr and not (r & mr):
            return False
        # roles reversed: who struck is now struck.  Not so for a definite noun that refers back to
        # an incident with no actor yet ("a bomb killed 11 people." + "IS-K claimed the attack"):
        # the victims' country is no striker that the new actor could have been
        back_reference = not a and _refers_back(m)
        if (ma & r and not ma & a and not back_reference) or (mr & a and not mr & r):
            return False
        return True


def _refers_back(m: Mention) -> bool:
    """The mention is a claim of an incident told before: its trigger is a noun with a definite
    or demonstrative determiner that a claim verb takes ("claimed the attack", "claimed
    responsibility for this bombing")."""
    tok = m.trigger
    if getattr(tok, "pos_", "") != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return False
    head = tok.head
    if head.dep_ == "prep" and head.lower_ == "for":
        head = head.head
        if head.lemma_.lower() == "responsibility":
            head = head.head
    return tok.dep_ in ("dobj", "pobj") and head.lemma_.lower() in ("claim", "admit")


def _party_keys(entities: list[Entity]) -> set[str]:
    return {e.code or (e.name or e.text).lower() for e in entities}


def _own_clause_actors(members: list[Mention], m: Mention) -> bool:
    """Two mentions of one sentence that the trigger stage kept apart, each with its own
    actors and none in common, are two events ("troops retook the town while rebels attacked
    a post"; "... as the army presses its offensive")."""
    same = [x for x in members if x.sentence == m.sentence]
    if not same or not m.actors:
        return False
    theirs = _party_keys([e for x in same for e in x.actors])
    return bool(theirs) and not (theirs & _party_keys(m.actors))


def cluster_mentions(mentions: list[Mention]) -> list[list[Mention]]:
    """Group an article's mentions into incidents."""
    clusters: list[_Cluster] = []
    # a cluster accepts only its first mention's type and modality: the clusters of each, in
    # order of creation (the same options, in the same order, as asking every cluster)
    kinds: dict[tuple, list[_Cluster]] = {}
    dated = [m for m in mentions if m.date is not None and m.date.value]
    undated = [m for m in mentions if not (m.date is not None and m.date.value)]
    # (a dated mention is never equal to an undated one: the flag is what ``m in dated`` asked,
    # without comparing mention records field by field)
    for m, is_dated in [(m, True) for m in dated] + [(m, False) for m in undated]:
        kind = kinds.setdefault((m.event_type, m.modality), [])
        options = [c for c in kind if c.accepts(m)]
        if not options:
            clusters.append(_Cluster(m))
            kind.append(clusters[-1])
            continue
        if is_dated:
            options[0].members.append(m)
            continue

        def recency(c: _Cluster) -> tuple:
            d = _date_start(c.date)
            return (d is not None, d or date.min)

        options.sort(key=recency, reverse=not m.prior)
        options[0].members.append(m)
    ordered = sorted(clusters, key=lambda c: min(x.start for x in c.members))
    return [sorted(c.members, key=lambda x: x.start) for c in ordered]


def work_clusters(work: Work) -> list[list[Mention]]:
    """:func:`cluster_mentions` of ``work.mentions``, once per Doc and list of mention objects:
    the merge stage and the screen's :func:`~whimbrel.stages.screen.clusters_of` share it
    (neither changes the mentions or the clusters)."""
    mentions = work.mentions or []
    if work.doc is None:
        return cluster_mentions(mentions)
    # the memo holds the mentions through the clusters, so their ids stay theirs
    key = ("merge.clusters",) + tuple(id(m) for m in mentions)
    return remembered(work.doc, key, lambda: cluster_mentions(mentions))


def _unique_entities(entities: list[Entity]) -> tuple[Entity, ...]:
    seen: dict[tuple, Entity] = {}
    for e in entities:
        key = (e.id or e.name or e.text.lower(), e.code, e.sector)
        if key not in seen:
            seen[key] = e
    # a resolved entity makes an unresolved one with the same text redundant
    return tuple(seen.values())


def _merge_counts(counts: list[Optional[Count]]) -> Optional[Count]:
    vals = [c for c in counts if c is not None]
    if not vals:
        return None
    best = max(vals, key=lambda c: (c.best if c.best is not None else -1))
    lows = [c.low for c in vals if c.low is not None]
    highs = [c.high for c in vals if c.high is not None]
    return Count(low=min(lows) if lows else best.low, best=best.best, high=max(highs) if highs else best.high)


def _additive(m: Mention) -> bool:
    """A toll told as more dead of the same incident ("6 fighters were also killed"): its
    trigger verb has "also" or "too" as a modifier."""
    return any(c.dep_ == "advmod" and c.lower_ in ("also", "too") for t in m.triggers
               if getattr(t, "pos_", "") == "VERB" for c in t.children)


def _merge_dead(members: list[Mention]) -> Optional[Count]:
    """The incident's dead: the largest report, plus each later sentence's "also killed" toll
    (ACLED sums the dead of all sides)."""
    first_sentence = members[0].sentence if members else None
    extra = [m for m in members[1:] if m.sentence != first_sentence and m.size.dead is not None
             and m.size.dead.best is not None and _additive(m)]
    base = _merge_counts([m.size.dead for m in members if m not in extra])
    if not extra or base is None or base.best is None:
        return _merge_counts([m.size.dead for m in members])
    add = sum(int(m.size.dead.best) for m in extra)
    return add_counts(base, Count(low=add, best=add, high=add))


def _unique_claims(claims: list[Claim]) -> tuple[Claim, ...]:
    seen: dict[tuple, Claim] = {}
    for c in claims:
        key = ((c.claimant.text if c.claimant else None), c.text, c.hedged)
        prev = seen.get(key)
        if prev is None:
            seen[key] = c
        elif set(c.figures) - set(prev.figures):  # the same claim giving figures in two sentences
            figures = tuple(f for f in ("dead", "injured", "arrested") if f in prev.figures or f in c.figures)
            seen[key] = prev.model_copy(update={"figures": figures})
    return tuple(seen.values())


def _member_cues(first: Mention, members: list[Mention]) -> frozenset[str]:
    """The ACLED cues of every sentence that reports the event: ACLED codes what the whole report
    tells ("...marched on Tuesday. Some of them threw stones at the police" is a violent
    demonstration), not only the sentence of its first mention."""
    cues = sentence_cues(first.trigger)
    seen = {first.sentence}
    for m in members:
        if m.sentence not in seen and not m.fallback:
            seen.add(m.sentence)
            cues = cues | sentence_cues(m.trigger)
    return cues


def build_event(article_id: str, members: list[Mention], published: Optional[str]) -> Event:
    first = next((m for m in members if not m.fallback), members[0])  # an ACLED fallback report only joins
    etype = first.event_type
    mode = next((m.mode for m in members if m.mode), None)
    when = most_precise_date(members)
    if when is None and published and first.modality in (Modality.asserted, Modality.negated):
        # undated report of a current event: the publication day, said so by an empty text
        when = DateRef(text=None, value=published, precision=DatePrecision.day)
    place = next((m.place for m in members if m.place is not None and m.place.precision is not None and m.place.basis == PlaceBasis.argument), None)
    place = place or next((m.place for m in members if m.place is not None), None)
    size = Size(
        dead=_merge_dead(members),
        injured=_merge_counts([m.size.injured for m in members]),
        arrested=_merge_counts([m.size.arrested for m in members]),
    )
    # "four people were shot ... one of them died": the survivors are the injured
    # ("the boy was wounded ... the boy died"): one victim, counted once, as dead
    injured = wounded_then_dead(members, size.dead, injured_of(members, size.dead, size.injured))
    size = size.model_copy(update={"injured": injured})
    size = check_size(size, place.country_code if place is not None else None)
    claims = _unique_claims([c for m in members for c in m.claims])
    actors = _unique_entities([e for m in members for e in m.actors])
    recipients = _unique_entities([e for m in members for e in m.recipients])
    hedged = any(m.hedged for m in members) and not any(not m.hedged and m.claims for m in members)
    confidence = _confidence(members, actors, recipients, hedged)
    spans = tuple(m.span for m in members if m.span is not None)
    return Event(
        id=Event.make_id(article_id, etype, spans[0].start if spans else first.start, spans[0].end if spans else first.start),
        article_id=article_id,
        event_type=etype,
        mode=mode,
        context=_contexts(etype, mode, actors),
        actor=actors,
        recipient=recipients,
        date=when,
        location=place,
        size=size,
        claims=claims,
        modality=first.modality,
        acled=codebook.acled_coding(
            etype,
            mode,
            recipient_sectors=[s for e in recipients if (s := codebook.acled_sector(e.id, e.sector))],
            actor_sectors=[s for e in actors if (s := codebook.acled_sector(e.id, e.sector))],
            trigger=first.trigger.lemma_.lower(),
            cues=_member_cues(first, members) | argument_cues(first.trigger, *first.triggers),
            claimant_sectors=[s for c in claims if c.claimant is not None
                              and (s := codebook.acled_sector(c.claimant.id, c.claimant.sector))],
        )
        if first.modality == Modality.asserted
        else AcledType(),
        cameo=codebook.cameo_root(etype, mode),
        quad_class=codebook.quad_class(etype),
        intensity=codebook.intensity(etype, mode),
        confidence=confidence,
        trigger=first.text,
        mentions=spans,
    )


_TYPE_CONTEXTS = {
    "ASSAULT": ("military",),
    "MOBILIZE": ("military",),
    "RETREAT": ("military",),
    "SANCTION": ("economic",),
    "AID": ("humanitarian",),
}
_DIPLOMATIC = frozenset({"CONSULT", "AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "CONCEDE", "COOPERATE"})


def _contexts(etype: str, mode: Optional[str], actors: tuple[Entity, ...]) -> tuple[str, ...]:
    """Contexts that follow from the type and the actors (a light, documented default)."""
    out = list(_TYPE_CONTEXTS.get(etype, ()))
    sectors = {a.sector for a in actors if a.sector}
    if etype == "ASSAULT" and mode == "suicide-attack":
        out.append("terrorism")
    if etype in _DIPLOMATIC and sectors & {"GOV"}:
        out.append("diplomatic")
    return tuple(dict.fromkeys(out))


def _confidence(members: list[Mention], actors: tuple, recipients: tuple, hedged: bool) -> float:
    score = 0.35 + 0.15 * min(1.0, max(m.weight for m in members))
    if any(a.code for a in actors):
        score += 0.15
    if any(r.code and not r.from_place for r in recipients):  # a named target, not a place
        score += 0.1
    score += 0.05 * min(3, len(members) - 1)
    if any(m.claims for m in members):
        score += 0.05
    if hedged:
        score -= 0.15
    return round(max(0.05, min(0.99, score)), 3)


def _calendar_day(value: Optional[str]) -> Optional[str]:
    """``value`` when it is a YYYY-MM-DD calendar day, else None: an event never takes a
    publication "date" that is no day (readers refuse those with E208; this guards direct callers)."""
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


class MergeStage:
    """Merge an article's mentions into events."""

    name: ClassVar[str] = "merge"
    needs: ClassVar[tuple[str, ...]] = ("mentions.resolved",)
    gives: ClassVar[tuple[str, ...]] = ("events.merged",)

    def __call__(self, work: Work) -> Work:
        published = _calendar_day(work.article.published)
        mentions = work.mentions or []
        if any(m.fallback for m in mentions):
            ordinary = [m for m in mentions if not m.fallback]
            clusters = cluster_mentions(ordinary)
            events = [build_event(work.article.id, members, published) for members in clusters]
            kept = acled_fallback_events(work.article.id, [m for m in mentions if m.fallback],
                                         events, clusters, published)
            if kept:  # a kept fallback report joins the article's incident of its type, as any mention does
                old = clusters
                clusters = cluster_mentions(sorted(ordinary + kept, key=lambda m: m.start))
                # an incident the triggers found keeps their report first (its trigger, its key)
                clusters = [[m for m in c if not m.fallback] + [m for m in c if m.fallback] for c in clusters]
                # an incident no fallback report joined is the same list of mentions: its event as built
                built = {tuple(map(id, members)): ev for members, ev in zip(old, events)}
                events = [built.get(tuple(map(id, members))) or build_event(work.article.id, members, published)
                          for members in clusters]
        else:  # no fallback report: the clustering the screen shares (work_clusters)
            clusters = work_clusters(work)
            events = [build_event(work.article.id, members, published) for members in clusters]
        events = scene_of_attack(events, clusters)
        events = background_untyped(events, clusters)
        work.events = unique_ids(events, [members[0].start for members in clusters])
        return work


_VIOLENT_TYPES = frozenset({"Explosions/Remote violence", "Violence against civilians", "Battles"})


def scene_of_attack(events: list[Event], clusters: list[list[Mention]]) -> list[Event]:
    """A protest that is only the scene of an attack in the same sentence ("threw a grenade into the
    crowd at the rally"): ACLED codes the attack, so the protest keeps its PLOVER event but no
    ACLED type.  The protest's trigger must lie inside the attack's clause (the subtree of the
    attack's trigger or of its governing verb), and the attack must be violence, not policing."""
    out = list(events)
    for k, (ev, members) in enumerate(zip(events, clusters)):
        if ev.event_type != "PROTEST" or not ev.acled.event_type:
            continue
        trig = members[0].trigger
        for other, om in zip(events, clusters):
            if other is ev or other.acled.event_type not in _VIOLENT_TYPES or om[0].sentence != members[0].sentence:
                continue
            if any(_in_object_of(trig, t) for t in (om[0].trigger, om[0].governor) if t is not None):
                out[k] = ev.model_copy(update={"acled": AcledType()})
                break
    return out


_SCENE_DEPS = frozenset({"dobj", "prep", "pobj", "dative", "npadvmod", "advmod", "advcl"})


def _in_object_of(tok, head) -> bool:
    """Whether ``tok`` lies in an object or adjunct of ``head`` (or of the verb a noun ``head`` is the
    object of): "threw a grenade into the crowd at the rally", not the subject ("rioters ... burned")."""
    heads = [head] + ([head.head] if head.dep_ in ("dobj", "pobj") and head.head.pos_ == "VERB" else [])
    for h in heads:
        for c in h.children:
            if c.dep_ in _SCENE_DEPS and c.i != tok.i and c.left_edge.i <= tok.i <= c.right_edge.i:
                return True
    return False


_BACKGROUND_MARKS = frozenset({"after", "following", "since"})


def in_background(tok) -> bool:
    """Whether a trigger is told as what came before the sentence's news: inside an "after",
    "following" or "since" phrase or clause ("sent reinforcements after a week of attacks", "named a
    new commander after its chief was killed")."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "pobj" and cur.head.lower_ in _BACKGROUND_MARKS:
            return True
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in cur.children):
            return True
        cur = cur.head
    return False


def background_untyped(events: list[Event], clusters: list[list[Mention]]) -> list[Event]:
    """A sentence's background event (:func:`in_background`) gives up its ACLED type to an ACLED-typed
    event of the same sentence that is not background: ACLED codes the news, the rest is context."""
    news = {members[0].sentence for ev, members in zip(events, clusters)
            if ev.acled.event_type and not in_background(members[0].trigger)}
    return [ev.model_copy(update={"acled": AcledType()})
            if ev.acled.event_type and members[0].sentence in news and in_background(members[0].trigger)
            and ev.acled.sub_event_type not in _WHOLE_SENTENCE_TYPES else ev
            for ev, members in zip(events, clusters)]


# sub-types whose rules read the sentence as a whole ("entered the town after the army pulled out"):
# their event is the news even when told in the background phrase
_WHOLE_SENTENCE_TYPES = frozenset({"Non-violent transfer of territory", "Government regains territory",
                                   "Non-state actor overtakes territory"})


def none_reported(tok) -> bool:
    """Whether a noun trigger is quantified by "no" ("no attack was reported", "no clashes"): the
    sentence tells that the act did not take place (the screen holds it), so it reports no event that
    keeps the sentence's other reports (a drone seen overhead) from being coded."""
    return tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _wrong_sense(tok, event_type: str) -> bool:
    """The trigger fails its sense constraint even for a political actor in a conflict context
    ("a video released": no prisoner release), so the screen will hold its event: it tells no
    event that would make the sentence's fallback report redundant."""
    from .senses import check_sense

    ok, _ = check_sense(tok, event_type, True, True)
    return ok is False


def acled_fallback_events(article_id: str, fallback: list[Mention], events: list[Event],
                          clusters: list[list[Mention]], published: Optional[str]) -> list[Mention]:
    """The fallback mentions kept as events (:mod:`whimbrel.stages.acled_fallback`): per sentence, the
    first (most specific) whose ACLED coding gives a type, where no ordinary event of the sentence has
    an ACLED type or was judged by a rule to be no ACLED event.  Nor where an ordinary event of the
    sentence has the fallback's PLOVER type: the extractor read that report (and judged its modality),
    the fallback does not tell it again."""
    done = {members[0].sentence for ev, members in zip(events, clusters)
            if not _wrong_sense(members[0].trigger, ev.event_type)
            and ((ev.acled.event_type and not in_background(members[0].trigger))
                or (ev.acled.rule and not ev.acled.event_type and ev.modality == Modality.asserted))
            and not none_reported(members[0].trigger)}
    read = {(members[0].sentence, ev.event_type) for ev, members in zip(events, clusters)}
    kept: list[Mention] = []
    for m in sorted(fallback, key=lambda m: (m.sentence, head_rank(m.trigger), m.start)):
        if m.sentence in done or m.modality != Modality.asserted or (m.sentence, m.event_type) in read:
            continue
        ev = build_event(article_id, [m], published)
        if ev.acled.event_type and (ev.acled.rule != "table" or not rule_only(m.trigger)):
            kept.append(m)
            done.add(m.sentence)
    return kept


def unique_ids(events: list[Event], trigger_starts: list[int]) -> list[Event]:
    """One id per event of an article (issue 13).  The id hashes the article, the type and the
    first sentence, so two incidents of one type first told in the same sentence ("denied
    carrying out the shelling ... the shelling killed") shared it, and the store and the batch
    kept only the later one.  The first keeps the id; a later one adds its trigger's offset,
    and, where that still collides (the two sides of "A and B exchanged fire" share one
    trigger), its order among them."""
    seen: set[str] = set()
    out = []
    for ev, trigger in zip(events, trigger_starts):
        if ev.id in seen:
            span = ev.mentions[0] if ev.mentions else None
            start, end = (span.start, span.end) if span else (trigger, trigger)
            ev = ev.model_copy(update={"id": Event.make_id(ev.article_id, ev.event_type, start, end, trigger=trigger)})
            n = 1
            while ev.id in seen:
                ev = ev.model_copy(update={"id": Event.make_id(
                    ev.article_id, f"{ev.event_type}#{n}", start, end, trigger=trigger)})
                n += 1
        seen.add(ev.id)
        out.append(ev)
    return out


__all__ = ["MergeStage", "build_event", "cluster_mentions", "work_clusters", "dates_compatible", "unique_ids"]
