"""Location precision in the codes of event datasets: ACLED ``geo_precision`` and UCDP ``where_prec``.

:func:`location_codes` is the one place where whimbrel's :class:`~whimbrel.records.PlacePrecision`
becomes those codes; every export reads it.

* ACLED (codebook, "geo_precision"): 1 — the town itself (or a neighbourhood of it);
  2 — a part of a region, or near a town (whose coordinates are used); 3 — only a larger
  region, a province or the country is known.
* UCDP GED (codebook, "where_prec"): 1 — the exact location; 2 — within about 25 km of a known
  point ("near", "outskirts"); 3 — a second-order administrative division (district, county);
  4 — a first-order division (province, state); 5 — a named region, linear feature or part of a
  country ("northern Iraq", a border area); 6 — only the country; 7 — international waters or
  airspace (whimbrel does not produce it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from ..records import PlacePrecision


@dataclass(frozen=True)
class LocationCodes:
    """One place precision in ACLED's and UCDP's codes."""

    acled_geo_precision: int
    ucdp_where_prec: int


# precision -> (ACLED geo_precision, UCDP where_prec)
_CODES: dict[PlacePrecision, tuple[int, int]] = {
    PlacePrecision.point: (1, 1),
    PlacePrecision.city: (1, 1),
    PlacePrecision.district: (1, 1),
    PlacePrecision.near: (2, 2),
    PlacePrecision.admin2: (2, 3),
    PlacePrecision.admin1: (3, 4),
    PlacePrecision.region: (3, 5),
    PlacePrecision.country: (3, 6),
}


def location_codes(precision: Union[PlacePrecision, str, None]) -> Optional[LocationCodes]:
    """ACLED ``geo_precision`` and UCDP ``where_prec`` of a place precision (None when unknown)."""
    if precision is None:
        return None
    try:
        acled, ucdp = _CODES[PlacePrecision(precision)]
    except (ValueError, KeyError):
        return None
    return LocationCodes(acled_geo_precision=acled, ucdp_where_prec=ucdp)


__all__ = ["LocationCodes", "location_codes"]
