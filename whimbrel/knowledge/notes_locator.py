"""A town located by the divisions in parentheses after it: "Mamfe town (Manyu, South-West)".

Conflict notes (ACLED's ``notes`` field, UN and NGO incident logs) locate each event as
``Town (District, Province)``, ``near Town (Province)`` or ``Village (Township, Region)``.
The parentheses say where the town lies, so they settle which town of that name it is, and
where the gazetteer has no town of that name they still say where the event was:

* **Head found.**  The words before the parentheses (a capitalised name, maybe followed by
  a settlement noun: "Mamfe town", "Tsafe LGA", "Makhmour camp") name a populated place of
  the country and admin1 region that the last item names: the place is that town, with
  precision ``city`` (``near`` after a near-word: "near Zemio (Haut-Mbomou)").  The recogniser
  often misses such names ("Fortaleza", "Misrata") or splits them ("Port-au-Prince"); the
  pattern finds them anyway.  A name spelled another way than the gazetteer's ("Babanusa"
  for "Babanusah") is taken when it is a close spelling variant of a town of that region
  (same first three letters, difflib ratio >= :data:`VARIANT_RATIO`).
* **Head unknown.**  A village missing from the gazetteer falls back to the finest division
  of the parentheses that resolves inside that region (the admin2, else the admin1), with
  that precision, at the village's words.

The parentheses must name an admin1 region (or a country) in their last item; "(2021-)",
"(ISWAP)" or "(coded as 12)" locate nothing, and an actor's parenthesised country
("Unidentified Armed Group (Nigeria)") has no town before it.  :func:`locate_parenthesised`
applies the rule to the parsed places of a document; :func:`locates` tells the event
locator which place carries such parentheses (the place the note is about).
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Optional

from ..records import Place, PlaceKind, PlacePrecision
from .gazetteer import Gazetteer, SQLiteGazetteer, normalise

SETTLEMENT_SUFFIXES = ("town", "city", "village", "villages", "camp", "LGA", "township", "area", "municipality",
                       "commune", "locality", "hromada", "settlement", "neighbourhood", "district")
"""Nouns that may stand between a town's name and its parentheses ("Mamfe town (Manyu, South-West)")."""

_LOWER_LINKS = "al|el|de|del|da|das|do|dos|du|des|la|le|ad|as|ash|ar|an|at|az|bin|ibn|of"
_WORD = r"[A-Z][\w'’\.]*(?:-[\w'’]+)*"
_HEAD = re.compile(
    rf"({_WORD}(?:\s+(?:{_WORD}|(?:{_LOWER_LINKS})(?=\s+[A-Z]))){{0,3}})"
    rf"(?:\s+(?:{'|'.join(SETTLEMENT_SUFFIXES)}))?\s*\(([A-Z][^()]{{0,80}})\)"
)
NEAR_WORDS = frozenset("near outside nearby outskirts vicinity around".split())
VARIANT_RATIO = 0.85
LOCATED = "located by the divisions in parentheses after it"
"""The ``reason`` this module gives the places it resolves (the event locator replaces it)."""
_DIVISION_WORD = re.compile(r"\s+(?:district|province|region|state|governorate|oblast|raion|county|department|"
                            r"prefecture|division|LGA|municipality|township|territory|sub-county)s?$", re.I)
_NOT_HEADS = frozenset("on in at near the a an and of between around overnight".split())


def _places(gazetteer: Gazetteer, name: str) -> list[tuple[Place, int, int]]:
    if isinstance(gazetteer, SQLiteGazetteer):
        return gazetteer.candidates(name, limit=25, with_abbreviations=False)
    return [(p, 0, 1) for p in gazetteer.lookup(name, limit=25)]


def _item_places(gazetteer: Gazetteer, item: str) -> list[Place]:
    item = item.strip()
    found = [p for p, _, _ in _places(gazetteer, item)]
    bare = _DIVISION_WORD.sub("", item)
    if bare != item:
        found += [p for p, _, _ in _places(gazetteer, bare)]
    return found


def _region(gazetteer: Gazetteer, items: list[str], towns: list[Place]) -> Optional[tuple[str, Optional[str]]]:
    """(country, admin1) that the last item of the parentheses names (an admin1 region or a
    country); among several regions of that name, one that holds a town of the head's name."""
    last = _item_places(gazetteer, items[-1])
    regions = [p for p in last if p.feature_code == "ADM1" and p.country_code]
    if regions:
        fit = [r for r in regions if any(t.country_code == r.country_code and t.admin1 == r.admin1 for t in towns)]
        r = (fit or regions)[0]
        return r.country_code or "", r.admin1
    countries = [p for p in last if (p.feature_code or "").startswith("PCL") and p.country_code]
    if countries and len(items) > 1:
        return countries[0].country_code or "", None
    return None


def _variant_towns(gazetteer: Gazetteer, name: str, cc: str, admin1: Optional[str]) -> list[Place]:
    """Towns of ``cc`` (and ``admin1``) whose name is a close spelling variant of ``name``."""
    if not isinstance(gazetteer, SQLiteGazetteer) or not admin1:
        return []
    norm = normalise(name)
    if len(norm) < 5:
        return []
    rows = gazetteer.names_starting(norm[:3], cc)
    out = []
    for other, place in rows:
        if place.admin1 != admin1 or not (place.feature_code or "").startswith("PPL"):
            continue
        if other.count(" ") == norm.count(" ") and difflib.SequenceMatcher(None, norm, other).ratio() >= VARIANT_RATIO:
            out.append(place)
    return out


def _head_place(gazetteer: Gazetteer, head: str, towns: list[Place], cc: str,
                admin1: Optional[str]) -> Optional[Place]:
    """The town the head names in the region: one of ``towns`` (the populated places called
    ``head``), else a close spelling variant of a town there."""
    inside = [p for p in towns if p.country_code == cc and (admin1 is None or p.admin1 == admin1)]
    if inside:
        return inside[0]
    variants = _variant_towns(gazetteer, head, cc, admin1)
    return variants[0] if variants else None


def _fallback(gazetteer: Gazetteer, items: list[str], cc: str, admin1: Optional[str]) -> Optional[Place]:
    """The finest division of the parentheses inside the region: an admin2, else the admin1."""
    for want in ("ADM2", "ADM1"):
        for item in items:
            for p in _item_places(gazetteer, item):
                if p.feature_code == want and p.country_code == cc and (admin1 is None or p.admin1 == admin1) \
                        and p.lat is not None:
                    return p
    return None


def locate_parenthesised(text: str, places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """``places`` with every ``Head (items)`` town of ``text`` resolved by its parentheses (see
    the module docstring): the head's place replaces the places that overlap its words."""
    out = list(places)
    for m in _HEAD.finditer(text):
        head, inner = m.group(1), m.group(2)
        start = m.start(1)
        words = head.split()
        while words and words[0].casefold() in _NOT_HEADS:
            start += len(words[0]) + 1
            words = words[1:]
        if not words:
            continue
        head = " ".join(words)
        items = [i.strip() for i in inner.split(",") if i.strip()]
        if not items or len(items) > 4 or any(not i[:1].isupper() for i in items):
            continue
        end = start + len(head)
        towns = [p for p, _, _ in _places(gazetteer, head) if (p.feature_code or "").startswith("PPL")]
        region = _region(gazetteer, items, towns)
        if region is None:
            continue
        cc, admin1 = region
        town = _head_place(gazetteer, head, towns, cc, admin1)
        before = text[max(0, start - 30):start].split()
        near = bool(before) and before[-1].casefold() in NEAR_WORDS
        if town is not None:
            precision = PlacePrecision.near if near else PlacePrecision.city
            new = town.model_copy(update={"text": head, "start": start, "end": end, "kind": PlaceKind.literal,
                                          "precision": precision, "reason": LOCATED})
        else:
            if head.casefold() == items[0].casefold() and len(items) == 1:
                continue  # "Misrata (Misrata)" with no town: the division itself, found as such
            division = _fallback(gazetteer, items, cc, admin1)
            if division is None:
                continue
            precision = PlacePrecision.admin1 if division.feature_code == "ADM1" else PlacePrecision.admin2
            new = division.model_copy(update={"text": head, "start": start, "end": end, "kind": PlaceKind.literal,
                                              "precision": precision, "reason": LOCATED})
        kept = [p for p in out if p.start is None or p.end is None or p.end <= start or p.start >= end]
        out = sorted(kept + [new], key=lambda p: p.start if p.start is not None else -1)
    return out


_LOCATOR_GAP = re.compile(rf"^(?:\s+(?:{'|'.join(SETTLEMENT_SUFFIXES)}))?\s*\([^()]*$")


def locates(text: str, place: Place, places: list[Place]) -> bool:
    """Whether ``place`` is a town written with the divisions that locate it in parentheses
    after it ("Tsafe (Tsafe LGA, Zamfara)"): a division or country of the same country opens
    or follows in those parentheses."""
    if place.reason == LOCATED:
        return True
    if place.end is None or place.precision not in (PlacePrecision.city, PlacePrecision.near, PlacePrecision.district,
                                                     PlacePrecision.point, PlacePrecision.admin2,
                                                     PlacePrecision.admin1):
        return False
    close = text.find(")", place.end)
    if close < 0 or close - place.end > 100:
        return False
    for q in places:
        if q is place or q.start is None or not (place.end < q.start < close) or q.country_code != place.country_code:
            continue
        if _LOCATOR_GAP.match(text[place.end:q.start]):
            return True
    return False


__all__ = ["locate_parenthesised", "locates"]
