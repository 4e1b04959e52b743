"""What the other toponyms of an article say about one of them: the context of resolution.

:class:`NamesInText` records, for each normalised name of an article, what its readings stand
for: the countries and admin1 regions it names, the admin1 *areas* of its town and county
readings, and anchor points for spatial coherence.  :meth:`NamesInText.context_without` gives a
mention the context of every *other* name, so that a frequent ambiguous name ("London") cannot
vouch for itself, and names the article's local focus: the one admin1 area that most other names
lie in.  :class:`~whimbrel.knowledge.geoparse.Geoparser` scores candidates against it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional

from ..records import Place

AREA_MARGIN = 1.0
"""A town or county reading within this many score points of a name's best reading also names its area."""

FOCUS_AREA_NAMES = 2
"""The local focus must be the area of at least this many other names (and more than any other area)."""


@dataclass
class NamesInText:
    """What each normalised name of a text stands for: on priors alone (the first pass), then
    as read in the light of the others (the second pass)."""

    countries: dict[str, Counter] = field(default_factory=dict)
    admin1: dict[str, Counter] = field(default_factory=dict)
    areas: dict[str, dict[tuple[str, str], None]] = field(default_factory=dict)  # ordered sets
    near: dict[str, list[tuple[float, float, Optional[str], Optional[str]]]] = field(default_factory=dict)

    def add(self, key: str, ranked: list[tuple[float, Place]],
            anchors: list[tuple[float, float, Optional[str], Optional[str]]]) -> None:
        """Record one mention of ``key`` with its readings, best first, and its anchor points.
        The best reading names the country (and the admin1 region, when it is one); every
        town or county reading within :data:`AREA_MARGIN` of the best names its admin1 area."""
        self.countries.setdefault(key, Counter())
        self.admin1.setdefault(key, Counter())
        areas = self.areas.setdefault(key, {})
        self.near.setdefault(key, []).extend(anchors)
        if not ranked or not ranked[0][1].country_code:
            return
        top, best = ranked[0]
        self.countries[key][best.country_code] += 1
        if best.admin1 and best.feature_code == "ADM1":
            self.admin1[key][(best.country_code, best.admin1)] += 1
            areas[(best.country_code, best.admin1)] = None
        for score, p in ranked:
            if score < top - AREA_MARGIN:
                break
            if p.admin1 and p.country_code and (p.feature_code or "").startswith(("PPL", "ADM2")):
                areas[(p.country_code, p.admin1)] = None

    def context_without(self, key: str) -> dict[str, Any]:
        """The context of a mention of ``key``: what every other name says."""
        named: Counter[str] = Counter()
        regions: set[tuple[str, str]] = set()
        areas: Counter[tuple[str, str]] = Counter()
        points: list[tuple[float, float, Optional[str], Optional[str]]] = []
        for other, c in self.countries.items():
            if other != key:
                named.update(c)
                regions.update(self.admin1[other])
                areas.update(list(self.areas[other]))
                points.extend(self.near[other])
        focus_area = None
        top = areas.most_common(2)
        if top and top[0][1] >= FOCUS_AREA_NAMES and (len(top) == 1 or top[1][1] < top[0][1]):
            focus_area = top[0][0]  # only a clear winner: a tie names no local focus
        return {"countries": named, "admin1": regions, "areas": areas, "near": points,
                "focus": max(named, key=lambda cc: named[cc]) if named else None, "focus_area": focus_area}


EMPTY_CONTEXT: dict[str, Any] = {"countries": Counter(), "admin1": set(), "areas": Counter(), "focus": None,
                                  "near": [], "focus_area": None}


__all__ = ["AREA_MARGIN", "EMPTY_CONTEXT", "FOCUS_AREA_NAMES", "NamesInText"]
