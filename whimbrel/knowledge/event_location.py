"""An event's location among the places of its article: :func:`event_place`.

It prefers a place that fills a locative slot of the event's trigger ("attacked in Mosul",
"the Baghdad bombing"), then the place of the same sentence closest to the trigger, then the
article's focus country, and says which it did (``basis``, ``reason``).  A state, county or
country chosen from the sentence is refined to the town inside it that the article names in
another sentence ("shot dead in Texas ... outside a bar in Waco"; :func:`_refined`).
"""

from __future__ import annotations

import re
from typing import Any, Optional

from ..records import Place, PlaceBasis, PlaceKind, PlacePrecision
from ..spacy_doc import doc_text, remembered, sent_of, token_table
from .affiliation import names_affiliation
from .gazetteer import Gazetteer
from .notes_locator import LOCATED, locates

LOC_PREPS = frozenset(
    "in near at outside inside across into from on around throughout within along off over through toward towards by".split()
)
"""Prepositions that make a place a locative argument of a trigger ("in", "near", "outside"...)."""


def _country_level(place: Place) -> bool:
    return (place.feature_code or "").startswith("PCL")


_PRECISION_ORDER = {p: i for i, p in enumerate(PlacePrecision)}  # finest first


def _root_of(doc: Any, start: int, end: int) -> Optional[int]:
    """Index of the root token of the characters ``start:end`` (expanded to tokens), once per Doc."""
    def compute() -> Optional[int]:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return span.root.i

    return remembered(doc, ("event_location.root", start, end), compute)


def _is_argument(trigger: Any, place: Place) -> bool:
    """Whether ``place`` fills a locative slot of ``trigger`` (in/near/at X, "X bombing", "X-based")."""
    doc = trigger.doc
    root = _root_of(doc, place.start, place.end) if place.start is not None else None
    if root is None:
        return False
    # the climb reads the Doc's token table (indices, labels, heads) instead of Tokens
    table = token_table(doc)
    dep, low, pos, up = table.dep, table.lower, table.pos, table.head
    t = trigger.i
    tok = root
    if up[tok] == t and dep[tok] in ("compound", "amod", "nmod", "npadvmod"):
        return True
    saw_prep = False
    for _ in range(5):
        if dep[tok] == "prep" and low[tok] in LOC_PREPS:
            saw_prep = True
        head = up[tok]
        if head == tok:
            return False
        if head == t:
            return saw_prep or (dep[tok] == "prep" and low[tok] in LOC_PREPS)
        if pos[head] == "VERB" and head != t and dep[head] not in ("xcomp", "advcl", "acl", "relcl", "conj"):
            return False
        tok = head
    return False


def event_place(
    trigger: Any, places: list[Place], focus: Optional[str], *, gazetteer: Optional[Gazetteer] = None
) -> Optional[Place]:
    """The location of the event named by ``trigger`` (a spaCy Token).

    In order: a literal/regional place in a locative argument of the trigger
    (finest precision first), then the literal place of the same sentence closest
    to the trigger, then the article's focus country.  A place that is part of an actor's
    name ("Police Forces of Nigeria", "Armed Group (Sudan)"; :mod:`.affiliation`) is
    considered only when the sentence has no other.  The result carries that
    choice as ``basis`` (:class:`PlaceBasis`, for code) and as ``reason`` (for people):
    "argument of trigger", "same sentence" or "article focus".
    """
    sent = sent_of(trigger)  # = trigger.sent, from the remembered sentences
    first, last = sent.start_char, sent.end_char
    usable = [
        p for p in places
        if p.start is not None and first <= p.start < last and p.lat is not None
        and p.kind in (PlaceKind.literal, PlaceKind.region)
    ]
    # a place of an actor's name ("Military Forces of Ukraine") stands for the event only alone
    located = [p for p in usable if not names_affiliation(trigger.doc, p.start, p.end)]
    if located:
        usable = located
    # a town written with the divisions that locate it ("Tsafe (Tsafe LGA, Zamfara)") is where the
    # sentence's event is, the way conflict notes write it; other places of the sentence are context
    text = doc_text(trigger.doc)
    noted = [p for p in usable if locates(text, p, usable)]
    if noted:
        usable = noted
    args = [p for p in usable if _is_argument(trigger, p)]
    if args:
        unknown = len(_PRECISION_ORDER)  # after the coarsest
        best = min(args, key=lambda p: (_PRECISION_ORDER.get(p.precision, unknown) if p.precision else unknown,
                                        abs(p.start - trigger.idx)))
        best = _head_of(trigger.doc, best, usable)
        return _refined(best.model_copy(update={"reason": "argument of trigger", "basis": PlaceBasis.argument}),
                        places, (first, last))
    if usable:
        best = _head_of(trigger.doc, min(usable, key=lambda p: abs(p.start - trigger.idx)), usable)
        return _refined(best.model_copy(update={"reason": "same sentence", "basis": PlaceBasis.sentence}),
                        places, (first, last))
    if focus:
        town = _article_town(places, lambda p: p.country_code == focus and p.start < last and p.reason == LOCATED)
        if town is not None:
            # no place in the sentence: the town a note located with its divisions, in the country it
            # is about ("... in Dhaka (Dhaka, Dhaka). Police opened fire on the marchers, killing 5.");
            # news that names towns otherwise keeps the country (an article's towns are many)
            return town.model_copy(update={"reason": "article focus: the article's town",
                                           "basis": PlaceBasis.focus})
        country = next((p for p in places if p.country_code == focus and _country_level(p)), None)
        if country is None and gazetteer is not None:
            country = gazetteer.country(focus)
        if country is None:
            country = Place(text=focus, country_code=focus)
        return country.model_copy(update={
            "reason": "article focus", "basis": PlaceBasis.focus, "precision": PlacePrecision.country, "kind": PlaceKind.literal,
            "start": None, "end": None, "name": country.name, "text": country.name or focus,
            "geonameid": country.geonameid, "feature_code": country.feature_code or "PCLI", "admin1": None,
        })
    return None


_QUALIFIER_GAP = re.compile(r"\s*(?:\(|,)\s*$")


def _head_of(doc: Any, place: Place, usable: list[Place]) -> Place:
    """The place that ``place`` locates, when it is only the division or country written after
    a town to say where the town is: an item of the parentheses after it ("Tsafe (Tsafe,
    Zamfara)", the way conflict notes write a town's district and province) or the region after
    its comma ("Waco, Texas").  A list of towns ("Gao, Kidal") keeps each town."""
    text = doc_text(doc)
    chain = place
    for _ in range(4):
        before = [p for p in usable if p.end is not None and p.end <= (chain.start or 0)]
        if not before:
            break
        prev = max(before, key=lambda p: p.end or 0)
        gap = text[prev.end:chain.start]
        if _QUALIFIER_GAP.match(gap) and "(" in gap:
            return prev if prev.precision in _HEADS or prev.precision is None else place
        if gap.strip() != ",":
            break
        chain = prev  # an earlier item of the same parentheses, or of a "Town, County, State" chain
    if chain is not place and chain.precision in _HEADS and _coarser(place):
        return chain
    return place


def _coarser(place: Place) -> bool:
    """Whether ``place`` is a division or country (what a qualifier after a town's comma is)."""
    return place.precision in _REGIONS or place.precision in (PlacePrecision.region, PlacePrecision.country)


_TOWN = frozenset({PlacePrecision.point, PlacePrecision.city, PlacePrecision.district})
_HEADS = _TOWN | {PlacePrecision.near}
"""What a qualifier locates: a town, or a place near one ("near Arad (Beersheba, Southern District)")."""
_REGIONS = frozenset({PlacePrecision.admin1, PlacePrecision.admin2})


def _article_town(places: list[Place], inside: Any) -> Optional[Place]:
    """The town the article names most often among those ``inside`` accepts (ties: the first named)."""
    towns = [p for p in places if p.lat is not None and p.kind == PlaceKind.literal and p.precision in _TOWN
             and p.start is not None and inside(p)]
    if not towns:
        return None
    counts: dict[str, int] = {}
    for p in towns:
        key = p.name or p.text
        counts[key] = counts.get(key, 0) + 1
    top = max(counts.values())
    return next(p for p in towns if counts[p.name or p.text] == top)


def _refined(place: Place, places: list[Place], sentence: tuple[int, int]) -> Place:
    """A state, county or country chosen for the event, when another sentence of the article
    names a town inside it (in that admin1 region; in that country), becomes that town: the
    most specific location the report gives, as event datasets code it (the town the article
    names most often, ties: the first).  The region stays in the reason.  A town of the
    trigger's own sentence is never taken: the sentence's syntax already preferred the region
    to it ("fighters from Aleppo attacked in Idlib province")."""
    if place.precision not in _REGIONS and place.precision != PlacePrecision.country or not place.country_code:
        return place
    region = place.admin1 or place.name if place.precision in _REGIONS else None
    if place.precision in _REGIONS and not region:
        return place

    def inside(p: Place) -> bool:
        return p.country_code == place.country_code and (region is None or p.admin1 == region) and \
            not (sentence[0] <= (p.start or 0) < sentence[1])

    town = _article_town(places, inside)
    if town is None:
        return place
    return town.model_copy(update={"reason": f"{place.reason}: {place.name or place.text}, the article's town in it",
                                   "basis": place.basis})


__all__ = ["LOC_PREPS", "event_place"]
