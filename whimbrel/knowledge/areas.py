"""Where a region is placed, from the towns it holds: the area centroid of their convex hull.

Pure geometry on (lat, lon) points, used when the gazetteer index is built (admin1 divisions
have no point of their own in the shipped data).
"""

from __future__ import annotations

from typing import Optional


def hull_centroid(pts: list[tuple[float, float]]) -> Optional[tuple[float, float]]:
    """Area centroid (lat, lon) of the convex hull of ``pts`` in plain lat/lon, or None when the
    hull has no area (fewer than three distinct towns, or all on one line)."""
    ps = sorted(set((lon, lat) for lat, lon in pts))
    if len(ps) < 3:
        return None

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in ps:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(ps):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    hull = lower[:-1] + upper[:-1]
    area = cx = cy = 0.0
    for i, (x0, y0) in enumerate(hull):
        x1, y1 = hull[(i + 1) % len(hull)]
        c = x0 * y1 - x1 * y0
        area, cx, cy = area + c, cx + (x0 + x1) * c, cy + (y0 + y1) * c
    if abs(area) < 1e-9:
        return None
    return cy / (3 * area), cx / (3 * area)


def middle_of(pts: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Where an admin1 division is placed: the centroid of the area its towns span (the convex hull
    of their points), near where GeoNames puts a division; not their mean, which follows where
    towns are dense (southern Ontario, Queensland's south-east coast), nor the middle of their
    latitudes' and longitudes' range, which one outlying town moves.  A division across the
    antimeridian (Alaska's Aleutians, Chukotka) is computed with its western longitudes shifted by
    360°; a hull without area falls back to the mean."""
    lons = [p[1] for p in pts]
    shift = max(lons) - min(lons) > 180
    flat = [(lat, lon + 360 if shift and lon < 0 else lon) for lat, lon, _ in pts]
    centre = hull_centroid(flat)
    if centre is None:
        centre = (sum(p[0] for p in flat) / len(flat), sum(p[1] for p in flat) / len(flat))
    lat, lon = centre
    return lat, lon - 360 if lon > 180 else lon


__all__ = ["hull_centroid", "middle_of"]
