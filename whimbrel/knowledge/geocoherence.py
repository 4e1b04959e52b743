"""Spatial coherence of an article's ambiguous names: a town and a county that lie together.

Local news names places that are each ambiguous on their own and coherent only together:
"Lebanon" and "Boone County" (Indiana), "Richmond" and "Madison County" (Kentucky), "Huntsville"
and "Walker County" (Texas), "Decatur" and "DeKalb County" (Georgia).  Each name's own prior
picks its biggest namesake, in a different state each.  :func:`colocated_readings` looks at the
town and county readings of every name of the article at once and finds, for each reading, the
*other* names with a reading that lies within :data:`COLOCATED_KM` of it, where at least one of
the two is a county (ADM2): a town in its county, or two neighbouring counties.  Two towns alone
are not enough: common town names ("Washington", "Middletown", "Springfield") lie together by
chance in many states, and on LGL such town pairs moved as many readings wrong as right.

A name with several readings lying with the same other name learns less from it: each such pair
counts 1/(k·j), where k readings of this name and j of the other lie together.  Only readings
within :data:`COLOCATED_GAP` of their name's best score take part (a country's or named region's
score left out: "Lebanon" the country does not silence "Lebanon", Indiana).
:class:`~whimbrel.knowledge.geoparse.Geoparser` adds :data:`COLOCATED_BONUS` per such name (at
most :data:`COLOCATED_MAX` of them) to a reading's score: on the priors first, then again among
the readings the article's context left likely (resolve what is clear first, then choose).

Readings are bucketed on a grid of about :data:`COLOCATED_KM`, so an article of n names with k
readings each costs about n·k, not (n·k)².
"""

from __future__ import annotations

import math
from typing import Iterable, Optional

from ..records import Place
from .distance import _KM_PER_DEGREE, within_km

COLOCATED_KM = 40.0
"""A county reading and another town or county reading this close lie together."""

COLOCATED_BONUS = 1.5
"""Score a reading gains per other name of the article with a reading that lies with it."""

COLOCATED_MAX = 2
"""At most this many other names count for one reading."""

COLOCATED_GAP = 3.0
"""A reading this far below its name's best score (countries and named regions left out) is too
unlikely to lie with anything."""

_LOCAL_CODES = ("PPL", "ADM2")
_COUNTRY_LEVEL = ("PCLI", "PCLD", "PCLS", "CONT", "RGN")
_DIVISION_WORDS = (" county", " parish", " city", " township", " borough")


def _base(key: str) -> str:
    """The name without its division word: "dekalb county" and "dekalb" are one name, and
    cannot vouch for each other."""
    for w in _DIVISION_WORDS:
        if key.endswith(w):
            return key[: -len(w)]
    return key


def _local(place: Place) -> bool:
    return place.lat is not None and place.lon is not None and (place.feature_code or "").startswith(_LOCAL_CODES)


def colocated_readings(names: Iterable[tuple[str, list[tuple[Place, float]]]],
                       km: Optional[float] = None, gap: Optional[float] = None) -> dict[int, float]:
    """Which readings of an article's names lie with readings of its other names.

    ``names``: (normalised name, its readings with their scores) pairs, a name given once or more
    (its first list counts).  Returns, keyed by ``id()`` of each reading that lies with some other
    name, the sum over those names of 1/(k·j) (see the module text); readings with none are left
    out.  ``km`` and ``gap`` default to :data:`COLOCATED_KM` and :data:`COLOCATED_GAP`."""
    km = COLOCATED_KM if km is None else km
    gap = COLOCATED_GAP if gap is None else gap
    step = km / _KM_PER_DEGREE  # grid cell in degrees of latitude
    grid: dict[tuple[int, int], list[tuple[float, float, str, bool]]] = {}
    readings: list[tuple[Place, str]] = []
    seen: set[str] = set()
    for name, cands in names:
        key = _base(name)
        if key in seen:
            continue
        seen.add(key)
        top = max((score for p, score in cands if p.feature_code not in _COUNTRY_LEVEL), default=0.0)
        for p, score in cands:
            if not _local(p) or score < top - gap:
                continue
            readings.append((p, key))
            grid.setdefault(_cell(p.lat, p.lon, step), []).append(  # type: ignore[arg-type]
                (p.lat, p.lon, key, p.feature_code == "ADM2"))  # type: ignore[arg-type]
    if len(seen) < 2:
        return {}
    edges: list[tuple[Place, str, set[str]]] = []
    shared: dict[tuple[str, str], int] = {}  # (name, other name): how many readings of name lie with other
    for p, key in readings:
        lat, lon = p.lat, p.lon
        county = p.feature_code == "ADM2"
        ci, cj = _cell(lat, lon, step)  # type: ignore[arg-type]
        span = _lon_cells(lat)  # type: ignore[arg-type]
        others: set[str] = set()
        for di in (-1, 0, 1):
            for dj in range(-span, span + 1):
                for la, lo, other, other_county in grid.get((ci + di, cj + dj), ()):
                    if (county or other_county) and other != key and other not in others \
                            and within_km(lat, lon, la, lo, km):  # type: ignore[arg-type]
                        others.add(other)
        if others:
            edges.append((p, key, others))
            for other in others:
                shared[(key, other)] = shared.get((key, other), 0) + 1
    return {id(p): sum(1.0 / (shared[(key, o)] * shared[(o, key)]) for o in others) for p, key, others in edges}


def _cell(lat: float, lon: float, step: float) -> tuple[int, int]:
    return int(math.floor(lat / step)), int(math.floor(lon / step))


def _lon_cells(lat: float) -> int:
    """How many cells east and west a neighbour may lie: degrees of longitude shrink with latitude."""
    c = math.cos(math.radians(min(abs(lat) + 1.0, 89.0)))
    return max(1, int(math.ceil(1.0 / c)))


def colocated_bonus(share: Optional[float]) -> float:
    """The score a reading gains from the other names lying with it (``share``, as
    :func:`colocated_readings` counts them)."""
    return COLOCATED_BONUS * min(share or 0.0, COLOCATED_MAX)


__all__ = ["COLOCATED_BONUS", "COLOCATED_GAP", "COLOCATED_KM", "COLOCATED_MAX", "colocated_bonus",
           "colocated_readings"]
