"""Places inside or near a named place, after the geoparser resolved the names it knows.

News often names a place the gazetteer does not hold by way of one it does:

* a neighbourhood or district with its city — "the Karrada district of Baghdad", "Baghdad's
  Karrada district", "a neighbourhood in northern Aleppo": the place is the city, with
  precision ``district`` (ACLED geo_precision 1, UCDP where_prec 1);
* a place near a town — "near Tessalit", "outside Mosul", "on the outskirts of Kharkiv",
  "the village of X near T": the town, with precision ``near`` (ACLED 2, UCDP 2);
* a village missing from the gazetteer with the division it lies in — "the village of X in
  Kidal region", "X, Nineveh province", "X district of Helmand": that admin1 or admin2, with
  its precision (``admin1``: ACLED 3, UCDP 4; ``admin2``: ACLED 2, UCDP 3).

:func:`refine_places` applies these rules to the parsed places of a document, reading the
words between them; it never changes a place that the text does not tie to another.
"""

from __future__ import annotations

from typing import Any, Optional

from ..records import Place, PlaceKind, PlacePrecision
from ..spacy_doc import doc_ents, token_table
from .distance import haversine_km

SUBUNIT_NOUNS = frozenset(
    """district districts neighbourhood neighbourhoods neighborhood neighborhoods quarter quarters suburb suburbs
    area areas sector sectors municipality borough""".split()
)
"""Nouns of a part of a city ("the Karrada district of Baghdad")."""

NEAR_WORDS = frozenset("near outside nearby outskirts outskirt edge edges vicinity environs".split())
"""Words that put an event near a town rather than in it ("near Tessalit", "the outskirts of Kharkiv")."""

SETTLEMENT_WORDS = frozenset("the a town village city hamlet settlement of".split())
"""Words that may stand between a near-word and the town ("near the town of Tessalit")."""

DIRECTION_WORDS = frozenset(
    """northern southern eastern western central north south east west northeast northwest southeast southwest
    northeastern northwestern southeastern southwestern""".split()
)
LINK_WORDS = frozenset(", in of near within".split()) | DIRECTION_WORDS | frozenset("the a".split())
"""Words that may join an unknown village to the place that locates it ("X, in the north of Y")."""

ADMIN_NOUNS = frozenset("province region governorate state district county oblast prefecture department".split())
DISTRICT_KM = 30.0
"""A district the gazetteer places within this distance of its city keeps its own point."""
FACILITY_LABELS = frozenset({"FAC"})
"""Entity labels of facilities (bases, camps, streets, parks): not villages, never given a division's point."""
SEAT_CODES = frozenset("PPLC PPLA PPLA2 PPLA3 PPLG".split())
"""Feature codes of seats of government: such a city is never taken for a district of another."""
MAX_GAP = 6
"""At most this many tokens between an unknown village and the division that locates it."""


def _town(p: Place) -> bool:
    return p.lat is not None and (p.feature_code or "").startswith("PPL")


def _division(p: Place) -> bool:
    return p.lat is not None and p.feature_code in ("ADM1", "ADM2")


def _tokens(doc: Any, p: Place) -> Optional[Any]:
    if p.start is None or p.end is None:
        return None
    return doc.char_span(p.start, p.end, alignment_mode="expand")


def _words_between(doc: Any, a: Any, b: Any) -> list[str]:
    return token_table(doc).lower[a.end:b.start]  # the words' lower_, read once per Doc


def _as(place: Place, like: Place, precision: PlacePrecision) -> Place:
    """``place`` (its words and offsets) located at ``like``, with ``precision``."""
    return like.model_copy(update={"text": place.text, "start": place.start, "end": place.end,
                                   "kind": PlaceKind.literal, "precision": precision})


def _subunit_of(doc: Any, span: Any, other: Any, words: list[str]) -> bool:
    """"X district of C", "X neighbourhood in C", "X, a district of C": a subunit noun right after X,
    then of/in (and direction words) before C."""
    if not words or words[0] not in SUBUNIT_NOUNS:
        if words[:1] == [","] and len(words) >= 3 and words[2] in SUBUNIT_NOUNS and words[1] in ("a", "the"):
            words = words[2:]
        else:
            return False
    rest = [w for w in words[1:] if w not in DIRECTION_WORDS and w not in ("the", "city")]
    return rest in (["of"], ["in"], ["of", "of"])


def _possessive_subunit(doc: Any, city: Any, span: Any) -> bool:
    """"C's X district": C, a possessive, X, then a subunit noun."""
    between = token_table(doc).lower[city.end:span.start]
    return between == ["'s"] and span.end < len(doc) and doc[span.end].lower_ in SUBUNIT_NOUNS


def _unnamed_subunit(doc: Any, span: Any) -> bool:
    """"a neighbourhood in northern Aleppo", "the eastern districts of Aleppo": a subunit noun, of/in,
    maybe direction words, then the city."""
    k = span.start - 1
    while k >= 0 and doc[k].lower_ in DIRECTION_WORDS | {"the", "city"}:
        k -= 1
    if not (k >= 1 and doc[k].lower_ in ("of", "in") and doc[k - 1].lower_ in SUBUNIT_NOUNS):
        return False
    return k < 2 or doc[k - 2].pos_ != "PROPN"  # not "the Karrada district of Baghdad": that names the district


def _near(doc: Any, span: Any) -> bool:
    """"near Tessalit", "outside Mosul", "on the outskirts of Kharkiv", "near the town of Gao"."""
    k = span.start - 1
    while k >= 0 and doc[k].lower_ in SETTLEMENT_WORDS:
        k -= 1
    return k >= 0 and doc[k].lower_ in NEAR_WORDS and doc[k].sent == span.sent


def _locating_place(doc: Any, places: list[Place], spans: list[Any], i: int) -> Optional[tuple[Place, PlacePrecision]]:
    """For an unknown place ``i``: the division (or the town it is near) that the following words
    name, within :data:`MAX_GAP` tokens of the same sentence, joined by commas, in/of/near."""
    span = spans[i]
    for j in range(i + 1, len(places)):
        other, ospan = places[j], spans[j]
        if ospan is None or ospan.start - span.end > MAX_GAP or ospan.sent != span.sent:
            return None
        words = _words_between(doc, span, ospan)
        words = [w for w in words if w not in ADMIN_NOUNS and w not in SETTLEMENT_WORDS - {"of"}]
        if any(w not in LINK_WORDS for w in words):
            return None
        if _division(other):
            return other, (PlacePrecision.admin1 if other.feature_code == "ADM1" else PlacePrecision.admin2)
        if _town(other) and "near" in words:
            return other, PlacePrecision.near
        if other.lat is not None:
            return None
    return None


SETTLEMENT_NOUNS = frozenset("village villages town hamlet settlement".split())
_NOT_PLACE_LABELS = frozenset("DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL".split())


def _unknown_settlements(doc: Any, places: list[Place]) -> list[Place]:
    """Entities the geoparser left out that the text calls a village or town ("the village of X",
    "the village X", even when the recogniser took X for a person), as unresolved places."""
    taken = [(p.start, p.end) for p in places if p.start is not None and p.end is not None]
    out = []
    for ent in doc_ents(doc):
        if ent.label_ in _NOT_PLACE_LABELS or any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        k = ent.start - 1
        if k >= 0 and doc[k].lower_ == "of":
            k -= 1
        if k >= 0 and doc[k].lower_ in SETTLEMENT_NOUNS:
            out.append(Place(text=ent.text, start=ent.start_char, end=ent.end_char))
    return out


def refine_places(doc: Any, places: list[Place]) -> list[Place]:
    """The places of ``doc`` with the rules of this module applied (same order; settlements the
    geoparser left out are added only when the text locates them)."""
    extra = _unknown_settlements(doc, places)
    if extra:
        places = sorted([*places, *extra], key=lambda p: p.start if p.start is not None else -1)
    out = _refined(doc, places)
    return [p for p in out if p.lat is not None or not any(p is e for e in extra)]


def _refined(doc: Any, places: list[Place]) -> list[Place]:
    spans = [_tokens(doc, p) for p in places]
    out = list(places)
    for i, p in enumerate(places):
        span = spans[i]
        if span is None or len(span) == 0 or p.kind not in (PlaceKind.literal, PlaceKind.region):
            continue
        city = _city_of_subunit(doc, places, spans, i)
        if city is not None:
            out[i] = _as(p, city, PlacePrecision.district)
        elif _town(p) and p.precision == PlacePrecision.city and _unnamed_subunit(doc, span):
            out[i] = p.model_copy(update={"precision": PlacePrecision.district})
        elif _town(p) and p.precision == PlacePrecision.city and _near(doc, span):
            out[i] = p.model_copy(update={"precision": PlacePrecision.near})
        elif p.lat is None and span.root.ent_type_ not in FACILITY_LABELS:
            found = _locating_place(doc, places, spans, i)
            if found is not None:
                out[i] = _as(p, found[0], found[1])
    return out


def _city_of_subunit(doc: Any, places: list[Place], spans: list[Any], i: int) -> Optional[Place]:
    """The city that place ``i`` is a named district of ("X district of C", "C's X district"), if any."""
    span = spans[i]
    if i + 1 < len(places) and spans[i + 1] is not None and _town(places[i + 1]):
        nxt = spans[i + 1]
        words = _words_between(doc, span, nxt)
        if span[-1].lower_ in SUBUNIT_NOUNS:  # the entity took the noun: "the Karrada district"
            words = [span[-1].lower_, *words]
        city = places[i + 1]
        if nxt.sent == span.sent and _subunit_of(doc, span, nxt, words):
            mine = places[i]
            if _town(mine) and (mine.feature_code in SEAT_CODES
                                or haversine_km(mine.lat, mine.lon, city.lat, city.lon) <= DISTRICT_KM):
                # the gazetteer knows this part of the city (keep its own point), or it is a city in its
                # own right, a seat, that modifies the noun ("the Cincinnati suburb of West Chester")
                return None
            return city
    if i > 0 and spans[i - 1] is not None and _town(places[i - 1]) and _possessive_subunit(doc, spans[i - 1], span):
        return places[i - 1]
    return None


__all__ = ["refine_places"]
