"""Queries over the event store, shared by the CLI, the API and the dashboard."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date as _date
from datetime import timedelta
from typing import Any, Optional

from ..codebook.geo_precision import location_codes
from ..errors import StoreError
from .db import Database
from .filters import EventFilter, country_codes, register_functions
from .model import StoredEvent


@dataclass(frozen=True)
class EventQuery:
    """Filters over canonical events; every field is optional and they combine with AND."""

    since: Optional[str] = None
    until: Optional[str] = None
    country: Optional[str] = None
    type: Optional[str] = None
    actor: Optional[str] = None
    near: Optional[tuple[float, float, float]] = None  # lat, lon, km
    min_sources: Optional[int] = None
    limit: Optional[int] = None


def parse_near(value: str) -> tuple[float, float, float]:
    """``"LAT,LON,KM"`` → a tuple, or a StoreError saying what is wrong."""
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise StoreError(f"--near wants LAT,LON,KM, got {value!r}", hint="e.g. --near 33.5,36.3,50") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise StoreError(f"--near out of range: {value!r}", hint="latitude -90..90, longitude -180..180, km > 0")
    return lat, lon, km


def _country_codes(value: str) -> list[str]:
    """Accept an alpha-2 or alpha-3 code or a country name; events store alpha-2 codes."""
    return country_codes(value)


def event_filter(q: EventQuery) -> EventFilter:
    """The :class:`~whimbrel.store.filters.EventFilter` of an :class:`EventQuery` (``actor``
    matches actors and recipients alike)."""
    return EventFilter(since=q.since, until=q.until, country=tuple(_country_codes(q.country)) if q.country else (),
                       type=(q.type.upper(),) if q.type else (), party=q.actor or None, near=q.near,
                       min_sources=q.min_sources)


def find_events(store: Database, q: EventQuery) -> list[StoredEvent]:
    """Events matching ``q``, ordered by date then id (the WHERE clause is the API's)."""
    where, args = event_filter(q).where(with_cursor=False)
    if q.near:
        register_functions(store.conn)
    sql = f"SELECT e.record FROM events e WHERE {where} ORDER BY e.date, e.id"
    if q.limit:
        sql += " LIMIT ?"
        args = [*args, q.limit]
    return [StoredEvent.model_validate_json(row[0]) for row in store.conn.execute(sql, args)]


@dataclass(frozen=True)
class TrendPoint:
    """Events in one period: count, mean intensity, fatalities (best) summed."""

    period: str
    events: int
    mean_intensity: Optional[float]
    fatalities: int


def _period(day: str, by: str) -> str:
    d = _date.fromisoformat(day[:10])
    if by == "week":
        return (d - timedelta(days=d.weekday())).isoformat()
    if by == "month":
        return day[:7]
    return d.isoformat()


def trend(
    store: Database,
    *,
    country: Optional[str] = None,
    dyad: Optional[tuple[str, str]] = None,
    by: str = "day",
    since: Optional[str] = None,
    until: Optional[str] = None,
) -> list[TrendPoint]:
    """Counts and mean intensity per day/week/month; ``dyad`` = (actor A, actor B), either
    direction, as the API's ``dyad`` filter matches them (the WHERE clause is the API's).
    Only events dated to the day (or finer) are counted; the sums come from the indexed
    columns, without decoding event records."""
    if by not in ("day", "week", "month"):
        raise StoreError(f"--by must be day, week or month, not {by!r}")
    flt = replace(event_filter(EventQuery(since=since, until=until, country=country)), dyad=dyad)
    where, args = flt.where(with_cursor=False)
    acc: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0, 0])
    for day, intensity, dead in store.conn.execute(
        f"SELECT e.date, e.intensity, e.dead_best FROM {flt.source(aggregate=True)} WHERE {where}"
        " AND e.date IS NOT NULL AND length(e.date) >= 10", args
    ):
        a = acc[_period(day, by)]
        a[0] += 1
        if intensity is not None:
            a[1] += intensity
            a[2] += 1
        a[3] += dead or 0
    return [TrendPoint(k, int(a[0]), round(a[1] / a[2], 3) if a[2] else None, int(a[3]))
            for k, a in sorted(acc.items())]


def flat_row(ev: StoredEvent) -> dict[str, Any]:
    """One flat dict per event (for tables, CSV and DataFrames)."""
    loc = ev.location
    dead, inj = ev.size.dead, ev.size.injured
    codes = location_codes(loc.precision if loc else None)
    return {
        "id": ev.id,
        "date": ev.date.value if ev.date else None,
        "event_type": ev.event_type,
        "mode": ev.mode,
        "actor": "; ".join(e.name or e.text for e in ev.actor),
        "recipient": "; ".join(e.name or e.text for e in ev.recipient),
        "country": loc.country_code if loc else None,
        "admin1": loc.admin1 if loc else None,
        "location": (loc.name or loc.text) if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "dead_low": dead.low if dead else None,
        "dead_best": dead.best if dead else None,
        "dead_high": dead.high if dead else None,
        "injured_best": inj.best if inj else None,
        "size_conflict": ev.size_conflict,
        "intensity": ev.intensity,
        "n_sources": ev.n_sources,
        "n_articles": ev.n_articles,
        "first_reported": ev.first_reported,
        "last_reported": ev.last_reported,
        "sources": "; ".join(ev.sources),
        "article_ids": "; ".join(ev.article_ids),
        # the location's precision, and the same in ACLED's and UCDP's codes
        "precision": loc.precision.value if loc and loc.precision else None,
        "geo_precision": codes.acled_geo_precision if codes else None,
        "where_prec": codes.ucdp_where_prec if codes else None,
    }


def to_frame(store: Database, **filters: Any) -> Any:
    """The events matching ``filters`` as a pandas DataFrame (one flat row per event)."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise StoreError("pandas is not installed", hint="pip install pandas to use to_frame().") from exc
    return pd.DataFrame([flat_row(e) for e in find_events(store, EventQuery(**filters))])


__all__ = ["EventQuery", "TrendPoint", "find_events", "flat_row", "parse_near", "to_frame", "trend"]
