"""Distances on the globe."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088
"""The mean Earth radius (IUGG)."""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


_KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180.0


def within_km(lat1: float, lon1: float, lat2: float, lon2: float, km: float) -> bool:
    """``haversine_km(lat1, lon1, lat2, lon2) <= km``, answered without the trigonometry for
    points whose latitudes alone are farther apart than ``km``: the great-circle distance is
    never less than the north-south one.  The 0.1 % margin keeps rounding on the exact side,
    so the answer is always the same as the full formula's."""
    if abs(lat2 - lat1) * _KM_PER_DEGREE > km * 1.001:
        return False
    return haversine_km(lat1, lon1, lat2, lon2) <= km


__all__ = ["EARTH_RADIUS_KM", "haversine_km", "within_km"]
