"""Event filters compiled to parameterised SQL: the one WHERE builder over ``events e``.

One :class:`EventFilter` serves ``whimbrel events`` (through
:func:`whimbrel.store.queries.find_events`), ``GET /api/events``, ``/api/points``,
``/api/trends`` and the dashboard pages, so a permalink means the same events
everywhere.  Every value reaches SQLite as a bound parameter; only column names
chosen from fixed tables here are ever formatted into the SQL text.

Names of actors, recipients and claimants match by substring (case-insensitive) in
two steps: the distinct names that contain the value, from the small
``entity_names`` table, then the mentions with exactly those names through the
``entities(role, name)`` indexes (migration 6), never a scan of every entity or claim.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import sqlite3
from dataclasses import dataclass, field, fields
from typing import Any, Mapping, Optional

from ..errors import BadParameter

DEFAULT_LIMIT = 100
MAX_LIMIT = 5000
MAX_VALUE_CHARS = 200

# Sort columns; ties are broken by rowid, so "date" walks the events_date index.  Events without
# the value sort as the smallest (last when descending, first when ascending), as SQLite does.
SORT_KEYS = {
    "date": "e.date",
    "dead": "e.dead_best",
    "sources": "e.n_sources",
    "intensity": "e.intensity",
    "reported": "e.last_reported",
}
MODALITIES = ("asserted", "negated", "hypothetical", "future", "historical")


@dataclass(frozen=True)
class EventFilter:
    """Filters over canonical events; every field is optional and they combine with AND."""

    since: Optional[str] = None
    until: Optional[str] = None
    country: tuple[str, ...] = ()
    admin1: Optional[str] = None
    type: tuple[str, ...] = ()
    mode: Optional[str] = None
    acled_type: Optional[str] = None
    acled_subtype: Optional[str] = None
    actor: Optional[str] = None
    recipient: Optional[str] = None
    party: Optional[str] = None  # actor or recipient (``whimbrel events --actor``); not an API parameter
    dyad: Optional[tuple[str, str]] = None
    claimant: Optional[str] = None
    modality: Optional[str] = None
    bbox: Optional[tuple[float, float, float, float]] = None  # west, south, east, north
    near: Optional[tuple[float, float, float]] = None  # lat, lon, km
    min_sources: Optional[int] = None
    q: Optional[str] = None
    sort: str = "-date"
    cursor: Optional[str] = None
    limit: int = DEFAULT_LIMIT
    extra: dict = field(default_factory=dict, compare=False)

    # ------------------------------------------------------------------ parsing
    @classmethod
    def from_params(cls, params: Mapping[str, str], *, max_limit: int = MAX_LIMIT) -> "EventFilter":
        """Build a filter from query parameters, or raise :class:`BadParameter` naming the bad one."""
        known = {f.name for f in fields(cls)} - {"extra"}
        p = {k: v.strip() for k, v in params.items() if v is not None and v.strip() != ""}
        for k, v in p.items():
            if len(v) > MAX_VALUE_CHARS and k != "cursor":
                raise BadParameter(f"parameter {k!r} is longer than {MAX_VALUE_CHARS} characters")
        kw: dict[str, Any] = {}
        for name in ("since", "until"):
            if name in p:
                kw[name] = _day(name, p[name])
        for name in ("admin1", "mode", "acled_type", "acled_subtype", "actor", "recipient", "claimant", "q"):
            if name in p:
                kw[name] = p[name]
        if "country" in p:
            kw["country"] = tuple(c for part in p["country"].split(",") if part.strip()
                                  for c in country_codes(part.strip()))
        if "type" in p:
            kw["type"] = tuple(t.strip().upper() for t in p["type"].split(",") if t.strip())
        if "dyad" in p:
            kw["dyad"] = _dyad(p["dyad"])
        if "modality" in p:
            if p["modality"] not in MODALITIES:
                raise BadParameter(f"modality must be one of {', '.join(MODALITIES)}, not {p['modality']!r}")
            kw["modality"] = p["modality"]
        if "bbox" in p:
            kw["bbox"] = _bbox(p["bbox"])
        if "near" in p:
            kw["near"] = _near(p["near"])
        if "min_sources" in p:
            kw["min_sources"] = _int("min_sources", p["min_sources"], 1, 10_000)
        if "sort" in p:
            if p["sort"].lstrip("-") not in SORT_KEYS:
                raise BadParameter(f"sort must be one of {', '.join(SORT_KEYS)} (prefix - for descending), "
                                   f"not {p['sort']!r}")
            kw["sort"] = p["sort"]
        if "limit" in p:
            kw["limit"] = _int("limit", p["limit"], 1, max_limit)
        if "cursor" in p:
            kw["cursor"] = p["cursor"]
        extra = {k: v for k, v in p.items() if k not in known}
        return cls(**kw, extra=extra)

    def to_params(self) -> dict[str, str]:
        """The query parameters that give this filter back (for permalinks and export links)."""
        out: dict[str, str] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if f.name in ("extra", "cursor") or v in (None, (), "") or (f.name == "sort" and v == "-date") \
                    or (f.name == "limit" and v == DEFAULT_LIMIT):
                continue
            if f.name == "dyad":
                out[f.name] = ":".join(v)
            elif isinstance(v, tuple):
                out[f.name] = ",".join(str(x) for x in v)
            else:
                out[f.name] = str(v)
        return out

    # ------------------------------------------------------------------ SQL
    def where(self, *, with_cursor: bool = True) -> tuple[str, list[Any]]:
        """``(sql, args)``: a WHERE clause over ``events e`` (``"1"`` when there is no filter)."""
        w: list[str] = []
        a: list[Any] = []
        if self.since:
            w.append("e.date >= ?")
            a.append(self.since)
        if self.until:
            w.append("e.date <= ?")
            a.append(self.until + "\uffff")
        if self.country:
            w.append(f"e.country IN ({','.join('?' * len(self.country))})")
            a.extend(self.country)
        if self.type:
            w.append(f"e.event_type IN ({','.join('?' * len(self.type))})")
            a.extend(self.type)
        for col, value in (("e.admin1", self.admin1), ("e.mode", self.mode)):
            if value:
                w.append(f"{col} = ? COLLATE NOCASE")
                a.append(value)
        for path, value in (("$.acled.event_type", self.acled_type), ("$.acled.sub_event_type", self.acled_subtype),
                            ("$.modality", self.modality)):
            if value:
                w.append(f"json_extract(e.record, '{path}') = ? COLLATE NOCASE")
                a.append(value)
        for roles, name in ((("actor",), self.actor), (("recipient",), self.recipient),
                            (("actor", "recipient"), self.party)):
            if name:
                _entity(w, a, roles, name)
        if self.dyad:  # A acts on B, or B on A
            x, y = self.dyad
            w.append(f"(({_ENT} AND {_ENT}) OR ({_ENT} AND {_ENT}))")
            for role, name in (("actor", x), ("recipient", y), ("actor", y), ("recipient", x)):
                a.extend(_ent_args(role, name))
        if self.claimant:
            w.append(_CLAIMANT)
            a.extend(_claimant_args(self.claimant))
        if self.min_sources:
            w.append("e.n_sources >= ?")
            a.append(self.min_sources)
        if self.bbox:
            west, south, east, north = self.bbox
            w.append("e.lat BETWEEN ? AND ?")
            a.extend([south, north])
            w.append("(e.lon BETWEEN ? AND ?)" if west <= east else "(e.lon >= ? OR e.lon <= ?)")
            a.extend([west, east])
        if self.near:
            lat, lon, km = self.near
            dlat = km / 111.0
            dlon = min(180.0, km / max(1e-6, 111.0 * math.cos(math.radians(lat))))
            w.append("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ? AND whim_km(?, ?, e.lat, e.lon) <= ?")
            a.extend([lat - dlat, lat + dlat, lon - dlon, lon + dlon, lat, lon, km])
        if self.q:
            w.append("e.id IN (SELECT em.event_id FROM event_mentions em JOIN mentions m ON m.id=em.mention_id"
                     " JOIN articles ar ON ar.id=m.article_id"
                     " WHERE ar.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))")
            a.append(self.q)
        if with_cursor and self.cursor:
            self._after_cursor(w, a)
        return (" AND ".join(w) or "1"), a

    def source(self, *, aggregate: bool = False) -> str:
        """The FROM clause for :meth:`where`, naming the index SQLite should read when its choice
        without statistics (a store is never ANALYZEd) would read every matching row instead.

        When the only narrowing filters are sets of event ids (names, claimants, full text), the
        events are read through the covering ``events_by_id`` index, so the cost grows with the
        matches, not the store.  An ``aggregate`` over the whole store or a date range (trends)
        reads the covering ``events_cover`` index in date order.
        """
        by_id = self.actor or self.recipient or self.party or self.dyad or self.claimant or self.q
        by_column = (self.country or self.type or self.admin1 or self.mode or self.bbox or self.near
                     or self.acled_type or self.acled_subtype or self.modality)
        if by_id and not by_column and not self.since and not self.until:
            return "events e INDEXED BY events_by_id"
        if aggregate and not by_id and not by_column:
            return "events e INDEXED BY events_cover"
        return "events e"

    def _after_cursor(self, w: list[str], a: list[Any]) -> None:
        """Keyset paging: rows after (value, rowid) in the sort order, NULL values being the smallest."""
        value, rowid = decode_cursor(self.cursor or "", self.sort)
        key = SORT_KEYS[self.sort.lstrip("-")]
        if self.sort.startswith("-"):
            if value is None:
                w.append(f"({key} IS NULL AND e.rowid < ?)")
                a.append(rowid)
            else:
                w.append(f"({key} < ? OR ({key} = ? AND e.rowid < ?) OR {key} IS NULL)")
                a.extend([value, value, rowid])
        elif value is None:
            w.append(f"(({key} IS NULL AND e.rowid > ?) OR {key} IS NOT NULL)")
            a.append(rowid)
        else:
            w.append(f"({key} > ? OR ({key} = ? AND e.rowid > ?))")
            a.extend([value, value, rowid])

    def order_by(self) -> str:
        key = SORT_KEYS[self.sort.lstrip("-")]
        d = "DESC" if self.sort.startswith("-") else "ASC"
        return f"{key} {d}, e.rowid {d}"

    def sort_value_sql(self) -> str:
        return SORT_KEYS[self.sort.lstrip("-")]


# --------------------------------------------------------------------------- helpers

# the distinct names of a role that contain a value (entity_names is small: one row per name)
_NAMES = "SELECT name FROM entity_names WHERE role = ? AND name LIKE ? ESCAPE '\\'"
# events with an entity of a role whose name or text contains the value, or whose code or
# knowledge-base id is the value: each branch walks one entities(role, ...) index
_ENT = ("e.id IN (SELECT em.event_id FROM event_mentions em INDEXED BY event_mentions_cover WHERE em.mention_id IN ("
        f"SELECT mention_id FROM entities WHERE role = ? AND name IN ({_NAMES})"
        f" UNION ALL SELECT mention_id FROM entities WHERE role = ? AND text IN ({_NAMES})"
        " UNION ALL SELECT mention_id FROM entities WHERE role = ? AND code = ?"
        " UNION ALL SELECT mention_id FROM entities WHERE role = ? AND kb_id = ?))")

# events with a claim whose claimant's name (its text when it has no name) contains the value,
# or whose code is the value: the claimants' entity rows (role 'claimant', one per claim with a
# claimant) through the same indexes, never a scan of the claims
_CLAIMANT = ("e.id IN (SELECT em.event_id FROM event_mentions em INDEXED BY event_mentions_cover WHERE em.mention_id IN ("
             f"SELECT mention_id FROM entities WHERE role = ? AND name IN ({_NAMES})"
             f" UNION ALL SELECT mention_id FROM entities WHERE role = ? AND text IN ({_NAMES}) AND name IS NULL"
             " UNION ALL SELECT mention_id FROM entities WHERE role = ? AND code = ?))")


def country_codes(value: str) -> list[str]:
    """An alpha-2 or alpha-3 code or a country name → the alpha-2 codes events are stored with."""
    import pycountry

    v = value.strip()
    hit = pycountry.countries.get(alpha_2=v.upper()) if len(v) == 2 else None
    hit = hit or (pycountry.countries.get(alpha_3=v.upper()) if len(v) == 3 else None)
    if hit is None:
        try:
            hit = pycountry.countries.lookup(v)
        except LookupError:
            hit = None
    return [hit.alpha_2] if hit is not None else [v.upper()]


def like_pattern(value: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) matching ``value`` anywhere, its ``%`` and ``_`` taken literally."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_like = like_pattern


def _ent_args(role: str, name: str) -> list[Any]:
    like = _like(name)
    return [role, role, like, role, role, like, role, name.upper(), role, name]


def _claimant_args(name: str) -> list[Any]:
    like, role = _like(name), "claimant"
    return [role, role, like, role, role, like, role, name.upper()]


def _entity(w: list[str], a: list[Any], roles: tuple[str, ...], name: str) -> None:
    w.append("(" + " OR ".join([_ENT] * len(roles)) + ")")
    for role in roles:
        a.extend(_ent_args(role, name))


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the filters use (``whim_km``: great-circle distance in km)."""
    from ..knowledge.distance import haversine_km

    conn.create_function("whim_km", 4, haversine_km, deterministic=True)


def _day(name: str, value: str) -> str:
    from datetime import date

    try:
        if len(value) == 10:
            date.fromisoformat(value)
        elif len(value) == 7:
            date.fromisoformat(value + "-01")
        elif len(value) == 4 and value.isdigit():
            pass
        else:
            raise ValueError(value)
    except ValueError as exc:
        raise BadParameter(f"{name} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not {value!r}") from exc
    return value


def _int(name: str, value: str, lo: int, hi: int) -> int:
    try:
        n = int(value)
    except ValueError as exc:
        raise BadParameter(f"{name} must be a whole number, not {value!r}") from exc
    if not lo <= n <= hi:
        raise BadParameter(f"{name} must be between {lo} and {hi}, not {n}")
    return n


def _floats(name: str, value: str, n: int, example: str) -> list[float]:
    try:
        out = [float(x) for x in value.split(",")]
    except ValueError as exc:
        raise BadParameter(f"{name} wants {n} numbers like {example}, not {value!r}") from exc
    if len(out) != n or not all(math.isfinite(x) for x in out):
        raise BadParameter(f"{name} wants {n} numbers like {example}, not {value!r}")
    return out


def _bbox(value: str) -> tuple[float, float, float, float]:
    west, south, east, north = _floats("bbox", value, 4, "35.5,32.0,37.5,37.0 (west,south,east,north)")
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise BadParameter(f"bbox out of range: {value!r} (west,south,east,north in degrees)")
    return west, south, east, north


def _near(value: str) -> tuple[float, float, float]:
    lat, lon, km = _floats("near", value, 3, "36.2,37.1,50 (lat,lon,km)")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_000):
        raise BadParameter(f"near out of range: {value!r} (lat -90..90, lon -180..180, 0 < km <= 20000)")
    return lat, lon, km


def _dyad(value: str) -> tuple[str, str]:
    for sep in (":", "–", "-"):
        if sep in value:
            x, y = (s.strip() for s in value.split(sep, 1))
            if x and y:
                return x, y
    raise BadParameter(f"dyad wants A:B (two actor names or codes), not {value!r}")


def encode_cursor(value: Any, rowid: int) -> str:
    raw = json.dumps([value, rowid], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value, rowid = json.loads(raw)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise BadParameter("cursor is not one this server gave out",
                           hint="Pass back the next_cursor of the previous page unchanged.") from exc
    want = str if sort.lstrip("-") in ("date", "reported") else (int, float)
    if not isinstance(rowid, int) or isinstance(rowid, bool) or \
            (value is not None and (not isinstance(value, want) or isinstance(value, bool))):
        raise BadParameter("cursor does not match the sort order",
                           hint="Keep the same sort parameter while paging.")
    return value, rowid


__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "MAX_VALUE_CHARS", "EventFilter", "SORT_KEYS", "country_codes",
           "decode_cursor", "encode_cursor", "like_pattern", "register_functions"]
