"""What the other toponyms of an article say about one of them: the context of resolution.

:class:`NamesInText` records, for each normalised name of an article, what its readings stand
for: the countries and admin1 regions it names, the admin1 *areas* of its town and county
readings, and anchor points for spatial coherence.  :meth:`NamesInText.context_without` gives a
mention the context of every *other* name, so that a frequent ambiguous name ("London") cannot
vouch for itself, and names the article's local focus: the one admin1 area that most other names
lie in.  :class:`~whimbrel.knowledge.geoparse.Geoparser` scores candidates against it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional

from ..records import Place
from .distance import _KM_PER_DEGREE, within_km

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
    _totals: Optional["_Totals"] = field(default=None, repr=False, compare=False)

    def add(self, key: str, ranked: list[tuple[float, Place]],
            anchors: list[tuple[float, float, Optional[str], Optional[str]]]) -> None:
        """Record one mention of ``key`` with its readings, best first, and its anchor points.
        The best reading names the country (and the admin1 region, when it is one); every
        town or county reading within :data:`AREA_MARGIN` of the best names its admin1 area."""
        self._totals = None
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
        """The context of a mention of ``key``: what every other name says.

        The article-wide sums are made once (again after an :meth:`add`); each name's context
        takes its own share off them, so an article of n names costs n, not n squared.  The
        countries keep the order in which the other names first name them (the focus of a tie
        is the first), as if summed name by name."""
        totals = self._totals
        if totals is None:
            totals = self._totals = _Totals(self)
        own = self.countries.get(key)
        named: Counter[str] = Counter()
        if own:
            pos = totals.position.get(key, -1)
            ordered = []
            for cc, n in totals.countries.items():
                n -= own.get(cc, 0)
                if n > 0:
                    first = totals.owners[cc]
                    at = first[0] if first[0][0] != pos else first[1]
                    ordered.append((at, cc, n))
            ordered.sort()
            for _, cc, n in ordered:
                named[cc] = n
        else:
            named.update(totals.countries)
        own_regions = self.admin1.get(key) or ()
        regions = {r for r, n in totals.regions.items() if n > (r in own_regions)}
        own_areas = self.areas.get(key) or ()
        areas: Counter[tuple[str, str]] = Counter()
        for a, n in totals.areas.items():
            if a in own_areas:
                n -= 1
            if n:
                areas[a] = n
        lo, hi = totals.near_span.get(key, (0, 0))
        points = totals.near[:lo] + totals.near[hi:]
        focus_area = None
        top = areas.most_common(2)
        if top and top[0][1] >= FOCUS_AREA_NAMES and (len(top) == 1 or top[1][1] < top[0][1]):
            focus_area = top[0][0]  # only a clear winner: a tie names no local focus
        return {"countries": named, "admin1": regions, "areas": areas, "near": points,
                "near_by_lat": (totals.lats, totals.by_lat, totals.position.get(key, -1)), "focus": max(named, key=lambda cc: named[cc]) if named else None,
                "focus_area": focus_area}


class _Totals:
    """What all the names of a text say together, summed once, with where each part came from."""

    __slots__ = ("countries", "owners", "position", "regions", "areas", "near", "near_span", "lats", "by_lat")

    def __init__(self, names: NamesInText) -> None:
        self.countries: dict[str, int] = {}
        # per country code, the (name position, place in that name's counter) of its first two names
        self.owners: dict[str, list[tuple[int, int]]] = {}
        self.position: dict[str, int] = {}
        self.regions: dict[tuple[str, str], int] = {}
        self.areas: dict[tuple[str, str], int] = {}
        self.near: list[tuple[float, float, Optional[str], Optional[str]]] = []
        self.near_span: dict[str, tuple[int, int]] = {}
        for pos, (name, c) in enumerate(names.countries.items()):
            self.position[name] = pos
            for k, (cc, n) in enumerate(c.items()):
                self.countries[cc] = self.countries.get(cc, 0) + n
                first = self.owners.setdefault(cc, [])
                if len(first) < 2:
                    first.append((pos, k))
            for r in names.admin1[name]:
                self.regions[r] = self.regions.get(r, 0) + 1
            for a in names.areas[name]:
                self.areas[a] = self.areas.get(a, 0) + 1
            start = len(self.near)
            self.near.extend(names.near[name])
            self.near_span[name] = (start, len(self.near))
        # every anchor point by latitude, with the position of the name it came from
        self.by_lat: list[tuple[float, float, int]] = sorted(
            (lat, lon, self.position[name]) for name, pts in names.near.items() for lat, lon, _, _ in pts
            if lat == lat)  # a NaN is near nothing (and would spoil the order)
        self.lats = [t[0] for t in self.by_lat]


def near_any(ctx: dict[str, Any], lat: float, lon: float, km: float) -> bool:
    """Whether a point of ``ctx["near"]`` lies within ``km`` of (lat, lon): the points whose
    latitude alone is too far are skipped by bisection, the rest asked of :func:`within_km`."""
    index = ctx.get("near_by_lat")
    if index is None:
        return any(within_km(lat, lon, la, lo, km) for la, lo, _, _ in ctx["near"])
    lats, by_lat, own = index  # the article's points by latitude; ``own``: the name left out
    reach = km * 1.01 / _KM_PER_DEGREE  # wider than within_km's own latitude cut: it decides
    for k in range(bisect_left(lats, lat - reach), len(by_lat)):
        la, lo, pos = by_lat[k]
        if la > lat + reach:
            return False
        if pos != own and within_km(lat, lon, la, lo, km):
            return True
    return False


EMPTY_CONTEXT: dict[str, Any] = {"countries": Counter(), "admin1": set(), "areas": Counter(), "focus": None,
                                  "near": [], "focus_area": None}


__all__ = ["AREA_MARGIN", "EMPTY_CONTEXT", "FOCUS_AREA_NAMES", "NamesInText", "near_any"]
