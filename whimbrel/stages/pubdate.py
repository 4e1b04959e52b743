"""Publication dates of inputs: the one reader (:func:`read_published`).

Every reader of article records (``ingest``, ``extract``, ``batch``, the HTTP API, JSON,
JSON lines, Parquet rows and RSS/Atom entries) reads a record's ``published`` value
through :func:`read_published`.  It gives the date as ``YYYY-MM-DD``, or ``None`` with a
one-line reason when a value was given but cannot be used:

* not a date at all ("not a date", a number, a list);
* a day that does not exist ("2024-02-31", "2023-02-29", month 13);
* year 0 or a year before :data:`MIN_YEAR` (no news article was published then, and date
  arithmetic on such years would leave the calendar);
* more than :data:`MAX_SKEW` after the clock's current day (UTC): a publication date in
  the future is a wrong clock or a wrong field.

The article is then read as if it had no date (a ``--published`` default applies, as for
a record without one), and the reader attaches a :class:`~whimbrel.records.Note` with code
``E208`` (:class:`~whimbrel.errors.BadDate`) naming the file and record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime, parsedate_tz
from typing import Any, Optional

MIN_YEAR = 1800
"""The earliest publication year accepted."""
MAX_SKEW = timedelta(days=1)
"""How far after today (UTC) a publication date may lie (clock skew between machines)."""
MAX_DATE_CHARS = 200
"""A longer ``published`` value is not read (it is not a date)."""

_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d.%m.%Y",
)
_UNKNOWN = "not a date this reader knows (use YYYY-MM-DD)"
_ISO_PREFIX = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_ISO_NUMBERS = re.compile(r"\s*([0-9]{1,4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})\b")


@dataclass(frozen=True)
class Published:
    """A ``published`` value as read: the day (``YYYY-MM-DD``) or why it was refused."""

    value: Optional[str] = None
    problem: Optional[str] = None
    """None when the value is usable or absent; else why it was refused, in words."""
    known_form: bool = True
    """False when the value is a text in no form this reader knows (other readers may know it)."""


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _day_problem(y: int, m: int, d: int) -> Optional[str]:
    """Why year ``y``, month ``m``, day ``d`` is no calendar day (None when it is one)."""
    if y == 0:
        return "year 0 does not exist"
    if not 1 <= m <= 12:
        return f"there is no month {m}"
    try:
        date(y, m, d)
    except ValueError:
        return f"{date(2000, m, 1):%B} {y} has no day {d}"
    return None


def _calendar(value: Any) -> tuple[Optional[date], Optional[str]]:
    """The calendar day a value names (no plausibility check), or why it names none."""
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if hasattr(value, "tm_year"):  # time.struct_time from feedparser
        try:
            y, m, d = int(value.tm_year), int(value.tm_mon), int(value.tm_mday)
        except (TypeError, ValueError, AttributeError):
            return None, "not a date"
        return (None, _day_problem(y, m, d)) if _day_problem(y, m, d) else (date(y, m, d), None)
    if isinstance(value, bool) or not isinstance(value, str):
        return None, f"not a date (a JSON {type(value).__name__}, not a string)"
    s = value.strip()
    if len(s) > MAX_DATE_CHARS:
        return None, f"not a date (a text of {len(s):,} characters)"
    iso = s[:-1] + "+00:00" if s.endswith("Z") else s
    try:
        return datetime.fromisoformat(iso).date(), None
    except ValueError:
        pass
    m = _ISO_PREFIX.match(s)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        why = _day_problem(y, mo, d)
        return (None, why) if why else (date(y, mo, d), None)
    try:
        return parsedate_to_datetime(s).date(), None
    except (TypeError, ValueError, IndexError, OverflowError):
        parts = parsedate_tz(s)  # an RFC 822 date naming no day: "Sat, 31 Feb 2024 10:00:00 GMT"
        if parts is not None and _day_problem(parts[0], parts[1], parts[2]):
            return None, _day_problem(parts[0], parts[1], parts[2])
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date(), None
        except ValueError:
            continue
    m = _ISO_NUMBERS.match(s)
    if m:  # numbers in a date's shape that make no day: "2024/02/30", "0000-1-1"
        why = _day_problem(int(m[1]), int(m[2]), int(m[3]))
        if why:
            return None, why
    return None, _UNKNOWN


def read_published(value: Any, *, today: Optional[date] = None) -> Published:
    """Read a record's ``published`` value (see the module docstring for what is refused).

    ``None`` and blank strings are *absent* (no problem).  ``today`` is the clock's day
    in UTC unless given (tests pass it).  Never raises.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return Published()
    day, why = _calendar(value)
    if day is None:
        return Published(problem=f"{_shown(value)} is not a usable date: {why}", known_form=why != _UNKNOWN)
    if day.year < MIN_YEAR:
        return Published(problem=f"{_shown(value)} is not a plausible publication date: before {MIN_YEAR}")
    now = today or datetime.now(timezone.utc).date()
    if day > now + MAX_SKEW:
        return Published(
            problem=f"{_shown(value)} lies in the future (after {(now + MAX_SKEW).isoformat()}, today and a day of clock skew)"
        )
    return Published(value=day.isoformat())


def normalise_date(value: Any) -> Optional[str]:
    """A publication date as ``YYYY-MM-DD``, or ``None`` when it is absent or refused.

    Accepts ISO dates and datetimes (``2024-01-24``, ``2024-01-24T09:30:00Z``),
    RFC 822 dates as in RSS (``Wed, 24 Jan 2024 09:30:00 GMT``), a few written
    forms (``24 January 2024``, ``January 24, 2024``), ``datetime``/``date``
    objects and ``time.struct_time``.  The calendar date is kept as written
    (no time-zone conversion).  :func:`read_published` says why a value is refused.
    """
    return read_published(value).value


__all__ = ["MAX_SKEW", "MIN_YEAR", "Published", "normalise_date", "read_published"]
