"""Exports of canonical events: jsonl, csv, geojson, parquet, ACLED-style CSV, PLOVER JSONL.

Every writer takes an iterable of :class:`~whimbrel.store.model.StoredEvent` and a
text stream (parquet: a path).  ``FORMATS`` lists the names the CLI accepts.
"""

from __future__ import annotations

import csv
import json
from typing import Any, Callable, Iterable, Optional, TextIO

from .codebook.geo_precision import location_codes
from .errors import ConfigError
from .store.model import StoredEvent
from .store.queries import flat_row

FORMATS = ("table", "jsonl", "csv", "geojson", "parquet", "acled-csv", "plover-jsonl")

_EXCLUDE_JSONL = {"links"}


def event_json(ev: StoredEvent) -> dict[str, Any]:
    """The JSONL line of an event: the Event record plus article_ids, sources,
    first/last_reported, n_sources, n_articles, size_conflict and size_reports."""
    return ev.model_dump(mode="json", exclude=_EXCLUDE_JSONL)


def _write_json_lines(events: Iterable[StoredEvent], out: TextIO, record: Callable[[StoredEvent], dict]) -> int:
    """One JSON object per event and line; returns how many were written."""
    n = 0
    for ev in events:
        out.write(json.dumps(record(ev), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_jsonl(events: Iterable[StoredEvent], out: TextIO) -> int:
    return _write_json_lines(events, out, event_json)


def write_csv(events: Iterable[StoredEvent], out: TextIO) -> int:
    rows = [flat_row(ev) for ev in events]
    cols = list(flat_row(_EMPTY).keys())
    w = csv.DictWriter(out, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return len(rows)


def write_geojson(events: Iterable[StoredEvent], out: TextIO) -> int:
    """A FeatureCollection; events without coordinates get a null geometry."""
    feats = []
    for ev in events:
        loc = ev.location
        geom = None
        if loc is not None and loc.lat is not None and loc.lon is not None:
            geom = {"type": "Point", "coordinates": [loc.lon, loc.lat]}
        feats.append({"type": "Feature", "id": ev.id, "geometry": geom, "properties": flat_row(ev)})
    json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)
    out.write("\n")
    return len(feats)


def write_parquet(events: Iterable[StoredEvent], path: str) -> int:
    """The typed ``events`` table (whimbrel.tables, docs/schema.md) as one Parquet file; needs pyarrow."""
    from .tables import write_events

    return write_events(events, path)


# --------------------------------------------------------------------------- ACLED

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp", "where_prec",
)
"""ACLED's columns, then UCDP's ``where_prec`` (the location precision in UCDP's code)."""

# ACLED's numeric actor-type codes ("inter"), from our PLOVER-style sectors.
_INTER = {"MIL": 1, "GOV": 1, "COP": 1, "SPY": 1, "REB": 2, "INS": 2, "UAF": 3, "MIL-NS": 3,
          "ETH": 4, "REL": 4, "RIO": 5, "PRO": 6, "OPP": 6, "CVL": 7, "MED": 7, "EDU": 7,
          "BUS": 7, "IGO": 8, "NGO": 8}

_DISORDER = {"Battles": "Political violence", "Violence against civilians": "Political violence",
             "Explosions/Remote violence": "Political violence", "Riots": "Political violence",
             "Protests": "Demonstrations", "Strategic developments": "Strategic developments"}

_TIME_PREC = {"day": 1, "week": 2, "month": 3, "year": 3}


def _inter(sector: Optional[str]) -> Optional[int]:
    if not sector:
        return None
    return _INTER.get(sector.upper()) or _INTER.get(sector.upper().split("-")[0])


def _country_name(code: Optional[str]) -> tuple[str, str]:
    if not code:
        return "", ""
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=code.upper())
        if c is not None:
            return c.name, c.numeric
    except ImportError:
        pass
    return code, ""


def acled_row(ev: StoredEvent) -> dict[str, Any]:
    """One event in ACLED's column names (codes as ACLED documents them where we have them)."""
    loc = ev.location
    a1 = ev.actor[0] if ev.actor else None
    a2 = ev.recipient[0] if ev.recipient else None
    i1, i2 = _inter(a1.sector if a1 else None), _inter(a2.sector if a2 else None)
    inter = "".join(str(x) for x in sorted(x for x in (i1, i2) if x is not None))
    if i1 is not None and i2 is None and a2 is None:
        inter = f"{i1}0"
    country, iso = _country_name(loc.country_code if loc else None)
    codes = location_codes(loc.precision if loc else None)
    day = ev.date.value if ev.date and ev.date.value else ""
    note_bits = [s.text for s in ev.mentions[:1]]
    if ev.size_conflict:
        figs = sorted({(r.source, r.count.best) for r in ev.size_reports if r.field == "dead"})
        if figs:
            note_bits.append("Fatality reports differ: " + "; ".join(f"{s}: {b}" for s, b in figs))
    return {
        "event_id_cnty": ((loc.country_code or "XX") if loc else "XX") + ev.id.split(":")[-1][:10].upper(),
        "event_date": day,
        "year": day[:4],
        "time_precision": _TIME_PREC.get(ev.date.precision.value if ev.date and ev.date.precision else "day", 1),
        "disorder_type": _DISORDER.get(ev.acled.event_type or "", ""),
        "event_type": ev.acled.event_type or "",
        "sub_event_type": ev.acled.sub_event_type or "",
        "actor1": (a1.name or a1.text) if a1 else "",
        "assoc_actor_1": "; ".join(e.name or e.text for e in ev.actor[1:]),
        "inter1": i1 if i1 is not None else "",
        "actor2": (a2.name or a2.text) if a2 else "",
        "assoc_actor_2": "; ".join(e.name or e.text for e in ev.recipient[1:]),
        "inter2": i2 if i2 is not None else "",
        "interaction": inter,
        "civilian_targeting": "Civilian targeting" if i2 == 7 and ev.event_type == "ASSAULT" else "",
        "iso": iso,
        "region": "",
        "country": country,
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": "",
        "admin3": "",
        "location": (loc.name or loc.text) if loc else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": codes.acled_geo_precision if codes else "",
        "source": "; ".join(ev.sources),
        "source_scale": "",
        "notes": " ".join(" ".join(note_bits).split()),
        "fatalities": ev.size.dead.best if ev.size.dead and ev.size.dead.best is not None else 0,
        "tags": "size_conflict" if ev.size_conflict else "",
        "timestamp": "",
        "where_prec": codes.ucdp_where_prec if codes else "",
    }


def write_acled_csv(events: Iterable[StoredEvent], out: TextIO) -> int:
    w = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    w.writeheader()
    n = 0
    for ev in events:
        w.writerow(acled_row(ev))
        n += 1
    return n


# --------------------------------------------------------------------------- PLOVER

PLOVER_EXTENSIONS = ("whimbrel",)
"""Fields outside the PLOVER record format live under the declared ``whimbrel`` key."""


def _plover_actor(e: Any) -> dict[str, Any]:
    out = {"actorText": e.text}
    if e.code:
        out["code"] = e.code
    if e.sector:
        out["sector"] = e.sector
    return out


def plover_record(ev: StoredEvent) -> dict[str, Any]:
    """One event in the PLOVER JSON record format (with the ``whimbrel`` extension block)."""
    rec: dict[str, Any] = {
        "id": ev.id,
        "date": ev.date.value if ev.date else None,
        "event": ev.event_type,
        "source": [_plover_actor(e) for e in ev.actor],
        "target": [_plover_actor(e) for e in ev.recipient],
        "eventText": ev.trigger or "",
        "text": ev.mentions[0].text if ev.mentions else "",
        "language": "en",
        "publication": "; ".join(ev.sources),
        "extensions": list(PLOVER_EXTENSIONS),
    }
    if ev.mode:
        rec["mode"] = ev.mode
    if ev.context:
        rec["context"] = ", ".join(ev.context)
    loc = ev.location
    if loc is not None:
        rec["eventLoc"] = {k: v for k, v in {"name": loc.name or loc.text, "lat": loc.lat, "lon": loc.lon,
                                             "country": loc.country_code, "geonameid": loc.geonameid}.items()
                           if v is not None}
    if ev.size.dead and ev.size.dead.best is not None:
        rec["dead"] = str(ev.size.dead.best)
    if ev.size.injured and ev.size.injured.best is not None:
        rec["injured"] = str(ev.size.injured.best)
    rec["whimbrel"] = {
        "article_ids": list(ev.article_ids), "n_sources": ev.n_sources, "n_articles": ev.n_articles,
        "first_reported": ev.first_reported, "last_reported": ev.last_reported,
        "size": ev.size.model_dump(mode="json"), "size_conflict": ev.size_conflict,
        "claims": [c.model_dump(mode="json") for c in ev.claims], "modality": ev.modality.value,
        "cameo": ev.cameo, "quad_class": ev.quad_class, "intensity": ev.intensity,
        "acled": ev.acled.model_dump(mode="json"),
    }
    return rec


def write_plover_jsonl(events: Iterable[StoredEvent], out: TextIO) -> int:
    return _write_json_lines(events, out, plover_record)


WRITERS: dict[str, Callable[[Iterable[StoredEvent], TextIO], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "geojson": write_geojson,
    "acled-csv": write_acled_csv,
    "plover-jsonl": write_plover_jsonl,
}

_EMPTY = StoredEvent(id="we:0", article_id="a", event_type="X")

__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "PLOVER_EXTENSIONS",
    "WRITERS",
    "acled_row",
    "event_json",
    "plover_record",
    "write_acled_csv",
    "write_csv",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
    "write_plover_jsonl",
]
