"""What the API and the dashboard show, computed from a read-only store.

Functions here take a :class:`~whimbrel.web.reader.ReadOnlyStore` and an
:class:`~whimbrel.web.filters.EventFilter` and return typed records or plain
JSON-ready structures.  All SQL is parameterised.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Optional

from ..chunking import select_in
from ..errors import BadParameter, NotFound
from ..records import Event
from ..store.model import StoredEvent
from .filters import EventFilter, encode_cursor, like_pattern, register_functions
from .reader import ReadOnlyStore

_IN_LIST = 900  # keys a statement in the views' IN (…) lists


def _run(store: ReadOnlyStore, sql: str, args: list[Any], *, fts: bool = False) -> list[sqlite3.Row]:
    """Execute a read; with a full-text query, SQLite's complaint about it becomes a 400, not a 500."""
    try:
        return store.conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError as exc:
        msg = str(exc)
        if fts and not any(w in msg for w in ("locked", "no such table", "disk", "unable to open", "interrupted")):
            raise BadParameter(f"bad full-text query: {msg}",
                               hint='Use words, "quoted phrases", AND / OR / NOT, or a prefix*.') from exc
        raise


# --------------------------------------------------------------------------- events


@dataclass
class EventPage:
    records: list[dict[str, Any]]  # the stored event records as JSON objects
    total: int
    next_cursor: Optional[str]

    @property
    def events(self) -> list[StoredEvent]:
        return [StoredEvent.model_validate(r) for r in self.records]


def page_events(store: ReadOnlyStore, flt: EventFilter, *, count: bool = True) -> EventPage:
    """One page of events matching ``flt`` in its sort order, with the cursor of the next page.

    The page's rowids are found first (from the indexed columns), then only their records are read.
    """
    where, args = flt.where()
    keys = _run(store, f"SELECT e.rowid AS r, {flt.sort_value_sql()} AS k FROM {flt.source()} WHERE {where}"
                       f" ORDER BY {flt.order_by()} LIMIT ?", [*args, flt.limit + 1], fts=bool(flt.q))
    more = len(keys) > flt.limit
    keys = keys[: flt.limit]
    recs: dict[int, str] = dict(select_in(store.conn, "SELECT rowid, record FROM events WHERE rowid IN ({})",
                                          [k["r"] for k in keys], size=_IN_LIST))
    records = [json.loads(recs[k["r"]]) for k in keys if k["r"] in recs]
    nxt = encode_cursor(keys[-1]["k"], keys[-1]["r"]) if more and keys else None
    total = -1
    if count:
        w2, a2 = flt.where(with_cursor=False)
        total = int(_run(store, f"SELECT COUNT(*) FROM {flt.source()} WHERE {w2}", a2, fts=bool(flt.q))[0][0])
    return EventPage(records, total, nxt)


def points(store: ReadOnlyStore, flt: EventFilter, limit: int) -> dict[str, Any]:
    """Map points of the matching events (indexed columns only; no record decoding)."""
    where, args = flt.where(with_cursor=False)
    rows = _run(store, "SELECT e.id, e.lat, e.lon, e.event_type, e.dead_best, e.date, e.place, e.country,"
                       " e.n_sources, json_extract(e.record, '$.location.precision') AS precision"
                       f" FROM {flt.source()} WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL"
                       f" ORDER BY {flt.order_by()} LIMIT ?", [*args, limit + 1], fts=bool(flt.q))
    total = int(_run(store, f"SELECT COUNT(*) FROM {flt.source()} WHERE {where}", args, fts=bool(flt.q))[0][0])
    pts = [{"id": r["id"], "lat": r["lat"], "lon": r["lon"], "type": r["event_type"], "dead": r["dead_best"],
            "date": r["date"], "place": r["place"], "country": r["country"], "sources": r["n_sources"],
            "precision": r["precision"]} for r in rows[:limit]]
    return {"points": pts, "total": total, "truncated": len(rows) > limit,
            "without_coordinates": total - len(pts) if len(rows) <= limit else None}


def _mentions(store: ReadOnlyStore, ids: list[str]) -> dict[str, Event]:
    if not ids:
        return {}
    rows = store.conn.execute(f"SELECT id, event FROM mentions WHERE id IN ({','.join('?' * len(ids))})", ids)
    return {r["id"]: Event.model_validate_json(r["event"]) for r in rows}


def event_detail(store: ReadOnlyStore, event_id: str) -> dict[str, Any]:
    """An event with every merged report: its figures and claimants, contradictions, articles, links."""
    ev = store.get_event(event_id)
    if ev is None:
        raise NotFound(f"no event {event_id!r}")
    mentions = _mentions(store, [link.mention_id for link in ev.links])
    reports = []
    for link in ev.links:
        m = mentions.get(link.mention_id)
        art = store.get_article(link.article_id)
        reports.append({
            "mention_id": link.mention_id, "article_id": link.article_id,
            "publisher": art.publisher if art else None, "title": art.title if art else None,
            "published": art.published if art else None, "url": art.url if art else None,
            "syndicated_of": art.syndicated_of if art else None,
            "linked_to": link.linked_to, "score": link.score, "reasons": link.reasons,
            "size": m.size.model_dump(mode="json") if m else None,
            "claims": [c.model_dump(mode="json") for c in m.claims] if m else [],
            "sentences": [s.model_dump(mode="json") for s in m.mentions] if m else [],
            "date": m.date.model_dump(mode="json") if m and m.date else None,
            "location": m.location.model_dump(mode="json") if m and m.location else None,
        })
    return {"event": ev.model_dump(mode="json"), "reports": reports, "figures": figures(ev, reports)}


def figures(ev: StoredEvent, reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per casualty field: the event's low/best/high and each report's figure with its claimants."""
    out = []
    for fld in ("dead", "injured", "arrested"):
        merged = getattr(ev.size, fld)
        rows = []
        for r in reports:
            c = (r["size"] or {}).get(fld)
            if not c:
                continue
            who = [{"name": (cl.get("claimant") or {}).get("name") or (cl.get("claimant") or {}).get("text"),
                    "cue": cl.get("cue"), "text": cl.get("text"), "hedged": cl.get("hedged")}
                   for cl in r["claims"]]
            rows.append({"article_id": r["article_id"], "source": r["publisher"] or r["article_id"],
                         "low": c.get("low"), "best": c.get("best"), "high": c.get("high"), "claimants": who})
        if merged is None and not rows:
            continue
        values = {x["best"] for x in rows if x["best"] is not None}
        out.append({"field": fld, "merged": merged.model_dump(mode="json") if merged else None,
                    "reports": rows, "conflict": len(values) > 1})
    return out


def article_detail(store: ReadOnlyStore, article_id: str) -> dict[str, Any]:
    """The cleaned text of an article with its event mentions as character spans."""
    art = store.get_article(article_id, text=True)
    if art is None:
        raise NotFound(f"no article {article_id!r}")
    rows = store.conn.execute(
        "SELECT m.id, m.event, em.event_id FROM mentions m LEFT JOIN event_mentions em ON em.mention_id=m.id"
        " WHERE m.article_id=? ORDER BY m.id", (article_id,)).fetchall()
    spans = []
    for r in rows:
        m = Event.model_validate_json(r["event"])
        for s in m.mentions:
            spans.append({"start": s.start, "end": s.end, "sentence": s.sentence, "mention_id": r["id"],
                          "event_id": r["event_id"], "event_type": m.event_type, "mode": m.mode})
    spans.sort(key=lambda s: (s["start"], s["end"]))
    return {"article": art.model_dump(mode="json"), "spans": spans}


def highlight(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """Cut ``text`` into ``(piece, marked)`` segments; overlapping spans are joined."""
    merged: list[list[int]] = []
    for s, e in sorted((max(0, s), min(len(text), e)) for s, e in spans if e > s):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, pos = [], 0
    for s, e in merged:
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < len(text):
        out.append((text[pos:], False))
    return out


# --------------------------------------------------------------------------- trends


def _event_names(store: ReadOnlyStore, ids: list[str], role: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for r in select_in(store.conn, "SELECT em.event_id, COALESCE(en.name, en.text) FROM event_mentions em"
                       " JOIN entities en ON en.mention_id=em.mention_id WHERE en.role=? AND em.event_id IN ({})",
                       ids, before=(role,), size=_IN_LIST):
        out[r[0]].add(r[1])
    return out


def period_of(day: str, interval: str) -> str:
    """The period a day (``YYYY-MM-DD``) falls in: the day, the Monday of its week, or ``YYYY-MM``."""
    if interval == "month":
        return day[:7]
    if interval == "week":
        try:
            d = date.fromisoformat(day)
        except ValueError:  # not a calendar day: its own period, as SQLite's date() would not place it
            return day
        return (d - timedelta(days=d.weekday())).isoformat()
    return day


INTERVALS = ("day", "week", "month")


def trends(store: ReadOnlyStore, flt: EventFilter, *, interval: str = "week", group: Optional[str] = None,
           top: int = 8) -> dict[str, Any]:
    """Events, fatalities and mean intensity per period, overall and per group (country, type, actor, dyad).

    Only events dated to the day (or finer) are counted.  SQLite sums per day (and country or
    type) from a covering index; the days are folded into weeks or months here, and actor and
    dyad groups come from the events' entities.
    """
    if interval not in INTERVALS:
        raise BadParameter(f"interval must be day, week or month, not {interval!r}")
    if group not in (None, "country", "type", "actor", "dyad"):
        raise BadParameter(f"group must be country, type, actor or dyad, not {group!r}")
    where, args = flt.where(with_cursor=False)
    where += " AND e.date IS NOT NULL AND length(e.date) >= 10"
    col = {"country": "e.country", "type": "e.event_type"}.get(group or "")
    # grouped by the stored date (and country), the covering index is read in order, with no sort
    rows = _run(store, f"SELECT e.date AS d, {col or 'NULL'} AS g, COUNT(*) AS n, SUM(e.intensity) AS si,"
                       " COUNT(e.intensity) AS ni, SUM(COALESCE(e.dead_best, 0)) AS dead"
                       f" FROM {flt.source(aggregate=True)} WHERE {where} GROUP BY e.date{', ' + col if col else ''}", args,
                fts=bool(flt.q))
    total = _Acc()
    per: dict[str, _Acc] = defaultdict(_Acc)
    periods: dict[str, str] = {}
    for r in rows:
        day = r["d"][:10]
        p = periods.get(day) or periods.setdefault(day, period_of(day, interval))
        total.add_sums(p, r["n"], r["si"], r["ni"], r["dead"])
        if col:
            per["?" if r["g"] is None else r["g"]].add_sums(p, r["n"], r["si"], r["ni"], r["dead"])
    if group in ("actor", "dyad"):
        _group_by_entities(store, flt, where, args, interval, group, per)
    ranked = sorted(per.items(), key=lambda kv: (-kv[1].n, kv[0]))[:top]
    return {"interval": interval, "group": group, "periods": sorted(total.periods),
            "total": total.points(), "series": [{"key": k, "events": acc.n, "points": acc.points()}
                                                for k, acc in ranked]}


def _group_by_entities(store: ReadOnlyStore, flt: EventFilter, where: str, args: list[Any], interval: str,
                       group: str, per: dict[str, "_Acc"]) -> None:
    rows = _run(store, f"SELECT e.id, substr(e.date, 1, 10) AS d, e.intensity, e.dead_best FROM {flt.source()}"
                       f" WHERE {where}", args, fts=bool(flt.q))
    ids = [r["id"] for r in rows]
    actors = _event_names(store, ids, "actor")
    targets = _event_names(store, ids, "recipient") if group == "dyad" else {}
    periods: dict[str, str] = {}
    for r in rows:
        p = periods.get(r["d"]) or periods.setdefault(r["d"], period_of(r["d"], interval))
        a = sorted(actors.get(r["id"], ()))
        keys = a if group == "actor" else [f"{x}–{y}" for x in a for y in sorted(targets.get(r["id"], ()))]
        for k in keys:
            per[k].add_sums(p, 1, r["intensity"], 0 if r["intensity"] is None else 1, r["dead_best"] or 0)


@dataclass
class _Acc:
    n: int = 0
    periods: dict[str, list[float]] = field(default_factory=dict)

    def add_sums(self, period: str, n: int, sum_intensity: Optional[float], n_intensity: int, dead: int) -> None:
        self.n += n
        a = self.periods.setdefault(period, [0, 0.0, 0, 0])
        a[0] += n
        a[1] += sum_intensity or 0.0
        a[2] += n_intensity
        a[3] += dead or 0

    def points(self) -> list[dict[str, Any]]:
        return [{"period": p, "events": int(a[0]), "fatalities": int(a[3]),
                 "mean_intensity": round(a[1] / a[2], 3) if a[2] else None}
                for p, a in sorted(self.periods.items())]


def changes(store: ReadOnlyStore, flt: EventFilter, *, weeks: int = 4) -> dict[str, Any]:
    """Per country: events in the last ``weeks`` weeks up to ``until`` (else the latest event) vs the weeks before."""
    if not 1 <= weeks <= 104:
        raise BadParameter(f"weeks must be between 1 and 104, not {weeks}")
    end_s = flt.until
    if not end_s or len(end_s) != 10:
        row = store.conn.execute("SELECT MAX(date) FROM events WHERE length(date) >= 10").fetchone()
        end_s = row[0][:10] if row and row[0] else date.today().isoformat()
    end = date.fromisoformat(end_s)
    mid, start = end - timedelta(weeks=weeks), end - timedelta(weeks=2 * weeks)
    base = replace(flt, since=None, until=None, cursor=None)
    where, args = base.where(with_cursor=False)
    rows = _run(store, f"SELECT e.country, e.date > ? AS recent, COUNT(*) AS n, SUM(COALESCE(e.dead_best,0)) AS dead"
                       f" FROM {base.source()} WHERE {where} AND e.date > ? AND e.date <= ? AND e.country IS NOT NULL"
                       " GROUP BY e.country, recent", [mid.isoformat() + "\uffff", *args,
                                                        start.isoformat() + "\uffff", end.isoformat() + "\uffff"], fts=bool(flt.q))
    acc: dict[str, dict[str, int]] = defaultdict(lambda: {"current": 0, "previous": 0, "dead_current": 0,
                                                          "dead_previous": 0})
    for r in rows:
        k = "current" if r["recent"] else "previous"
        acc[r["country"]][k] += r["n"]
        acc[r["country"]]["dead_" + k] += r["dead"] or 0
    out = []
    for cc, a in sorted(acc.items()):
        prev, cur = a["previous"], a["current"]
        out.append({"country": cc, **a, "change": cur - prev,
                    "ratio": round(cur / prev, 3) if prev else None})
    return {"weeks": weeks, "current": [mid.isoformat(), end.isoformat()],
            "previous": [start.isoformat(), mid.isoformat()], "countries": out}


# --------------------------------------------------------------------------- actors and places


def _summary(store: ReadOnlyStore, ids: list[str], exclude: set[str]) -> dict[str, Any]:
    if not ids:
        return {"events": 0, "timeline": [], "counterparts": [], "places": [], "types": []}
    evs = [StoredEvent.model_validate_json(r[0])
           for r in select_in(store.conn, "SELECT record FROM events WHERE id IN ({})", ids, size=_IN_LIST)]
    months: Counter = Counter()
    dead: Counter = Counter()
    others: Counter = Counter()
    places: dict[str, dict[str, Any]] = {}
    types: Counter = Counter()
    for ev in evs:
        m = ev.date.value[:7] if ev.date and ev.date.value else "unknown"
        months[m] += 1
        dead[m] += (ev.size.dead.best or 0) if ev.size.dead else 0
        types[ev.event_type] += 1
        for e in (*ev.actor, *ev.recipient):
            name = e.name or e.text
            if name.lower() not in exclude:
                others[name] += 1
        loc = ev.location
        if loc is not None:
            key = str(loc.geonameid or loc.name or loc.text)
            p = places.setdefault(key, {"name": loc.name or loc.text, "geonameid": loc.geonameid,
                                        "country": loc.country_code, "lat": loc.lat, "lon": loc.lon, "events": 0})
            p["events"] += 1
    return {
        "events": len(evs),
        "timeline": [{"period": k, "events": months[k], "fatalities": dead[k]} for k in sorted(months)],
        "counterparts": [{"name": k, "events": n} for k, n in others.most_common(20)],
        "places": sorted(places.values(), key=lambda p: (-p["events"], p["name"] or ""))[:20],
        "types": [{"type": k, "events": n} for k, n in types.most_common()],
    }


def actor_detail(store: ReadOnlyStore, actor: str) -> dict[str, Any]:
    """What an actor (name, code or knowledge-base id) did and what was done to it."""
    out: dict[str, Any] = {"actor": actor}
    names: set[str] = set()
    for role in ("actor", "recipient"):
        flt = EventFilter(**{role: actor})
        where, args = flt.where(with_cursor=False)
        ids = [r[0] for r in _run(store, f"SELECT e.id FROM {flt.source()} WHERE {where} ORDER BY e.date", args)]
        out["as_" + role] = ids
    like = like_pattern(actor)
    names_sql = "SELECT name FROM entity_names WHERE role IN ('actor','recipient') AND name LIKE ? ESCAPE '\\'"
    for r in store.conn.execute(
        "SELECT DISTINCT COALESCE(name, text) AS n, code, kb_id, sector FROM entities WHERE role IN ('actor','recipient')"
        f" AND (name IN ({names_sql}) OR text IN ({names_sql}) OR code = ? OR kb_id = ?) LIMIT 20",
            (like, like, actor.upper(), actor)):
        names.add(r["n"])
        out.setdefault("matched", []).append({"name": r["n"], "code": r["code"], "kb_id": r["kb_id"],
                                              "sector": r["sector"]})
    if not out["as_actor"] and not out["as_recipient"]:
        raise NotFound(f"no events with actor or recipient {actor!r}",
                       hint="Try a shorter name or a code; GET /api/events?actor=... searches the same way.")
    exclude = {n.lower() for n in names}
    out["by"] = _summary(store, out.pop("as_actor"), exclude)
    out["against"] = _summary(store, out.pop("as_recipient"), exclude)
    return out


def place_detail(store: ReadOnlyStore, geonameid: int) -> dict[str, Any]:
    """Events located at a GeoNames place, with its actors and timeline."""
    rows = store.conn.execute(
        "SELECT id, json_extract(record, '$.location') AS loc FROM events"
        " WHERE json_extract(record, '$.location.geonameid') = ? ORDER BY date", (geonameid,)).fetchall()
    if not rows:
        raise NotFound(f"no events at GeoNames place {geonameid}")
    loc = json.loads(rows[0]["loc"])
    summary = _summary(store, [r["id"] for r in rows], set())
    return {"place": loc, "event_ids": [r["id"] for r in rows], **summary}


def status(store: ReadOnlyStore) -> dict[str, Any]:
    """Row counts and the time of the last ingest (the dashboard polls this for live updates).

    Only tables whose COUNT(*) an index answers quickly are counted (claims and entities would
    cost a scan of hundreds of thousands of rows on every poll of a large store).
    """
    counts = {t: int(store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
              for t in ("articles", "mentions", "events")}
    last = store.conn.execute("SELECT MAX(ingested_at) FROM articles").fetchone()[0]
    span = store.conn.execute("SELECT MIN(date), MAX(date) FROM events WHERE date IS NOT NULL").fetchone()
    return {"counts": counts, "last_ingest": last, "first_event": span[0], "last_event": span[1],
            "schema_version": store.version}


__all__ = ["EventPage", "actor_detail", "article_detail", "changes", "event_detail", "figures", "highlight",
           "page_events", "place_detail", "points", "register_functions", "status", "trends"]
