"""GeoNames' own points for countries (and, where a table is shipped, admin1 divisions).

A news map, and every gold set scored against GeoNames, puts "Canada" where GeoNames puts the
feature Canada (60.11, -113.64, in Alberta), not at another source's centroid (``countryinfo``
has 60, -95, 1,031 km away).  The points are facts about GeoNames features, recorded in
``data/geonames_country_points.tsv`` with their attribution (GeoNames, CC BY 4.0): one line per
country, ``alpha2<TAB>lat<TAB>lon``; ``#`` starts a comment.  The gazetteer build
(:mod:`.gazetteer`) places a country at its point here first, then falls back to its centroid.

The table is read once per process and its hash joins the gazetteer's data version, so an edit
rebuilds users' indexes.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from typing import Iterable

COUNTRY_POINTS_FILE = "data/geonames_country_points.tsv"


def parse_points(lines: Iterable[str]) -> dict[str, tuple[float, float]]:
    """``{code: (lat, lon)}`` from lines of ``code<TAB>lat<TAB>lon``.  Comments (``#``), blank
    lines, and lines whose coordinates are not numbers or out of range are skipped; a code
    given twice keeps its first point."""
    out: dict[str, tuple[float, float]] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        if len(parts) != 3:
            continue
        code = parts[0].strip().upper()
        try:
            lat, lon = float(parts[1]), float(parts[2])
        except ValueError:
            continue
        if not code or not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            continue
        out.setdefault(code, (lat, lon))
    return out


def _read(name: str) -> str:
    try:
        return resources.files("whimbrel.knowledge").joinpath(name).read_text(encoding="utf-8")
    except OSError:
        return ""


@lru_cache(maxsize=1)
def country_points() -> dict[str, tuple[float, float]]:
    """GeoNames' point of each country in the shipped table, by ISO alpha-2 code."""
    return parse_points(_read(COUNTRY_POINTS_FILE).splitlines())


def points_tag() -> str:
    """A short hash of the shipped table, for the gazetteer's data version."""
    return "gnpoints=" + hashlib.sha1(_read(COUNTRY_POINTS_FILE).encode("utf-8")).hexdigest()[:12]
