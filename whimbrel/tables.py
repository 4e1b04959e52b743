"""The one typed Parquet schema of whimbrel's outputs (``batch`` and ``events --format parquet``).

Four linked tables, keyed by id (docs/schema.md, *Parquet tables*):

* ``events`` — canonical cross-article events (:class:`~whimbrel.store.model.StoredEvent`);
* ``mentions`` — per-article events (:class:`~whimbrel.records.Event`), the reports;
* ``event_mentions`` — which mention belongs to which event, and the link that merged it;
* ``articles`` — every input article, skipped inputs included with their code and reason.

Dates are DATE columns with a separate precision column (a month-precise date is stored as
the first of the month); casualty figures are integer ``low``/``best``/``high`` columns for
dead, injured and arrested; actors, recipients, claims and casualty reports are lists of
structs.  Every column has a concrete type, so files written at different times (one with
all nulls in a column, one with values) concatenate.  ``record`` keeps the full JSON record,
so nothing is lost and the store can be rebuilt from the files.

pyarrow is imported lazily (it is optional for the rest of whimbrel).
"""

from __future__ import annotations

import json
from datetime import date as _date
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence

from .errors import ConfigError
from .records import Article, Count, Entity, Event, Skip

if TYPE_CHECKING:  # pragma: no cover
    from .store.model import StoredEvent

SCHEMA_VERSION = 1


def _pa() -> Any:
    try:
        import pyarrow as pa
    except ImportError as exc:
        raise ConfigError("Parquet output needs pyarrow, which is not installed",
                          hint="pip install pyarrow, or use --format csv / jsonl.") from exc
    return pa


# --------------------------------------------------------------------------- schemas


def _entity_type(pa: Any) -> Any:
    return pa.struct([("text", pa.string()), ("name", pa.string()), ("code", pa.string()),
                      ("sector", pa.string()), ("kb_id", pa.string())])


def _event_fields(pa: Any) -> list[tuple[str, Any]]:
    """Columns shared by events and mentions: the Event record, typed."""
    ent = pa.list_(_entity_type(pa))
    claim = pa.list_(pa.struct([
        ("claimant", _entity_type(pa)), ("text", pa.string()), ("cue", pa.string()), ("cue_lemma", pa.string()),
        ("hedged", pa.bool_()), ("hedge", pa.string()), ("via", _entity_type(pa)),
    ]))
    out: list[tuple[str, Any]] = [
        ("id", pa.string()), ("event_type", pa.string()), ("mode", pa.string()),
        ("context", pa.list_(pa.string())), ("actors", ent), ("recipients", ent),
        ("date", pa.date32()), ("date_precision", pa.string()), ("date_text", pa.string()),
        ("country", pa.string()), ("admin1", pa.string()), ("place", pa.string()),
        ("place_text", pa.string()), ("geonameid", pa.int64()), ("lat", pa.float64()),
        ("lon", pa.float64()), ("place_precision", pa.string()), ("feature_code", pa.string()),
    ]
    for what in ("dead", "injured", "arrested"):
        out += [(f"{what}_low", pa.int64()), (f"{what}_best", pa.int64()), (f"{what}_high", pa.int64())]
    out += [
        ("claims", claim), ("modality", pa.string()), ("acled_event_type", pa.string()),
        ("acled_sub_event_type", pa.string()), ("cameo", pa.string()), ("quad_class", pa.int8()),
        ("intensity", pa.float64()), ("confidence", pa.float64()), ("trigger", pa.string()),
    ]
    return out


def events_schema() -> Any:
    """Canonical events: the Event columns plus sources, reports and merge provenance."""
    pa = _pa()
    report = pa.struct([("field", pa.string()), ("article_id", pa.string()), ("source", pa.string()),
                        ("low", pa.int64()), ("best", pa.int64()), ("high", pa.int64()),
                        ("hedged", pa.bool_())])
    return pa.schema(_event_fields(pa) + [
        ("size_conflict", pa.bool_()), ("n_sources", pa.int32()), ("n_articles", pa.int32()),
        ("n_mentions", pa.int32()), ("first_reported", pa.date32()), ("last_reported", pa.date32()),
        ("sources", pa.list_(pa.string())), ("article_ids", pa.list_(pa.string())),
        ("mention_ids", pa.list_(pa.string())), ("size_reports", pa.list_(report)),
        ("record", pa.string()),
    ], metadata={"whimbrel.table": "events", "whimbrel.schema_version": str(SCHEMA_VERSION)})


def mentions_schema() -> Any:
    """Per-article events (reports), with the blocking day and their sentences."""
    pa = _pa()
    span = pa.struct([("sentence", pa.int32()), ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
    fields = _event_fields(pa)
    fields.insert(1, ("article_id", pa.string()))
    return pa.schema(fields + [
        ("effective_date", pa.date32()), ("date_known", pa.bool_()), ("sentences", pa.list_(span)),
        ("record", pa.string()),
    ], metadata={"whimbrel.table": "mentions", "whimbrel.schema_version": str(SCHEMA_VERSION)})


def event_mentions_schema() -> Any:
    """Mention → event links with the score and feature values of the merging link."""
    pa = _pa()
    return pa.schema([
        ("mention_id", pa.string()), ("event_id", pa.string()), ("article_id", pa.string()),
        ("linked_to", pa.string()), ("score", pa.float64()),
        ("reasons", pa.list_(pa.struct([("feature", pa.string()), ("value", pa.float64())]))),
    ], metadata={"whimbrel.table": "event_mentions", "whimbrel.schema_version": str(SCHEMA_VERSION)})


def articles_schema() -> Any:
    """Articles, skipped inputs included (``skip_code``/``skip_reason`` set, no text)."""
    pa = _pa()
    return pa.schema([
        ("id", pa.string()), ("content_hash", pa.string()), ("title", pa.string()), ("url", pa.string()),
        ("publisher", pa.string()), ("published", pa.date32()), ("language", pa.string()),
        ("origin", pa.string()), ("skip_code", pa.string()), ("skip_reason", pa.string()),
        ("skip_message", pa.string()), ("skip_hint", pa.string()),
        ("n_mentions", pa.int32()), ("minhash", pa.binary()), ("position", pa.int64()),
        ("text", pa.string()), ("raw", pa.string()), ("warnings", pa.string()),
    ], metadata={"whimbrel.table": "articles", "whimbrel.schema_version": str(SCHEMA_VERSION)})


def syndication_schema() -> Any:
    """Syndicated copies: the article and the original it copies (found in input order)."""
    pa = _pa()
    return pa.schema([("article_id", pa.string()), ("syndicated_of", pa.string())],
                     metadata={"whimbrel.table": "syndication", "whimbrel.schema_version": str(SCHEMA_VERSION)})


def names_schema() -> Any:
    """Every report's proper names, for rare-name document frequencies across runs."""
    pa = _pa()
    return pa.schema([("mention_id", pa.string()), ("article_id", pa.string()), ("names", pa.list_(pa.string()))],
                     metadata={"whimbrel.table": "names", "whimbrel.schema_version": str(SCHEMA_VERSION)})


SCHEMAS = {"events": events_schema, "mentions": mentions_schema, "event_mentions": event_mentions_schema,
           "articles": articles_schema, "syndication": syndication_schema, "names": names_schema}


# --------------------------------------------------------------------------- rows


def to_date(value: Optional[str]) -> Optional[_date]:
    """YYYY-MM-DD, YYYY-MM or YYYY as a date (the first day of a month or year); else None."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        if len(parts) == 3:
            return _date(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts) == 2:
            return _date(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 1 and len(parts[0]) == 4:
            return _date(int(parts[0]), 1, 1)
    except ValueError:
        return None
    return None


def _entity(e: Optional[Entity]) -> Optional[dict[str, Any]]:
    if e is None:
        return None
    return {"text": e.text, "name": e.name, "code": e.code, "sector": e.sector, "kb_id": e.id}


def _count(prefix: str, c: Optional[Count]) -> dict[str, Optional[int]]:
    return {f"{prefix}_low": c.low if c else None, f"{prefix}_best": c.best if c else None,
            f"{prefix}_high": c.high if c else None}


def _event_cols(ev: Event) -> dict[str, Any]:
    loc, d = ev.location, ev.date
    row: dict[str, Any] = {
        "id": ev.id, "event_type": ev.event_type, "mode": ev.mode, "context": list(ev.context),
        "actors": [_entity(e) for e in ev.actor], "recipients": [_entity(e) for e in ev.recipient],
        "date": to_date(d.value) if d else None,
        "date_precision": d.precision.value if d and d.precision else None,
        "date_text": d.text if d else None,
        "country": loc.country_code if loc else None, "admin1": loc.admin1 if loc else None,
        "place": loc.name if loc else None, "place_text": loc.text if loc else None,
        "geonameid": loc.geonameid if loc else None, "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "place_precision": loc.precision.value if loc and loc.precision else None,
        "feature_code": loc.feature_code if loc else None,
        "claims": [{"claimant": _entity(c.claimant), "text": c.text, "cue": c.cue.text if c.cue else None,
                    "cue_lemma": c.cue.lemma if c.cue else None, "hedged": c.hedged, "hedge": c.hedge,
                    "via": _entity(c.via)} for c in ev.claims],
        "modality": ev.modality.value, "acled_event_type": ev.acled.event_type,
        "acled_sub_event_type": ev.acled.sub_event_type, "cameo": ev.cameo,
        "quad_class": ev.quad_class, "intensity": ev.intensity, "confidence": ev.confidence,
        "trigger": ev.trigger,
    }
    for what in ("dead", "injured", "arrested"):
        row.update(_count(what, getattr(ev.size, what)))
    return row


def event_row(ev: "StoredEvent") -> dict[str, Any]:
    """One row of the ``events`` table."""
    row = _event_cols(ev)
    row.update({
        "size_conflict": ev.size_conflict, "n_sources": ev.n_sources, "n_articles": ev.n_articles,
        "n_mentions": len(ev.links), "first_reported": to_date(ev.first_reported),
        "last_reported": to_date(ev.last_reported), "sources": list(ev.sources),
        "article_ids": list(ev.article_ids), "mention_ids": [l.mention_id for l in ev.links],
        "size_reports": [{"field": r.field, "article_id": r.article_id, "source": r.source,
                          "low": r.count.low, "best": r.count.best, "high": r.count.high,
                          "hedged": r.hedged} for r in ev.size_reports],
        "record": ev.model_dump_json(),
    })
    return row


def mention_row(ev: Event, effective: Optional[str], known: bool) -> dict[str, Any]:
    """One row of the ``mentions`` table (``effective``/``known``: the blocking day)."""
    row = _event_cols(ev)
    row.update({
        "article_id": ev.article_id, "effective_date": to_date(effective), "date_known": known,
        "sentences": [{"sentence": s.sentence, "start": s.start, "end": s.end, "text": s.text}
                      for s in ev.mentions],
        "record": ev.model_dump_json(),
    })
    return row


def link_rows(ev: "StoredEvent") -> list[dict[str, Any]]:
    """The ``event_mentions`` rows of one event."""
    return [{"mention_id": l.mention_id, "event_id": ev.id, "article_id": l.article_id,
             "linked_to": l.linked_to, "score": l.score,
             "reasons": [{"feature": k, "value": float(v)} for k, v in sorted(l.reasons.items())]}
            for l in ev.links]


def article_row(article: Article, *, digest: str, n_mentions: int, position: int,
                minhash: Optional[bytes] = None) -> dict[str, Any]:
    """One row of the ``articles`` table for an article that was read."""
    return {"id": article.id, "content_hash": digest, "title": article.title, "url": article.url,
            "publisher": article.publisher, "published": to_date(article.published),
            "language": article.language, "origin": article.origin, "skip_code": None,
            "skip_reason": None, "skip_message": None, "skip_hint": None, "n_mentions": n_mentions,
            "minhash": minhash, "position": position,
            "text": article.text, "raw": article.raw,
            "warnings": json.dumps([n.to_json() for n in article.warnings]) if article.warnings else None}


def skip_row(skip: Skip, key: str, position: int) -> dict[str, Any]:
    """One row of the ``articles`` table for an input that could not be processed."""
    return {"id": key, "content_hash": None, "title": None, "url": None, "publisher": None,
            "published": None, "language": None, "origin": skip.origin, "skip_code": skip.code,
            "skip_reason": skip.reason, "skip_message": skip.message, "skip_hint": skip.hint,
            "n_mentions": 0, "minhash": None, "position": position,
            "text": None, "raw": None, "warnings": None}


def table(name: str, rows: Sequence[dict[str, Any]]) -> Any:
    """A pyarrow Table of ``rows`` in the schema of table ``name``."""
    pa = _pa()
    schema = SCHEMAS[name]()
    return pa.Table.from_pylist(list(rows), schema=schema)


def write_table(name: str, rows: Sequence[dict[str, Any]], path: str) -> int:
    """Write ``rows`` as one Parquet file of table ``name``; returns the row count."""
    import pyarrow.parquet as pq

    t = table(name, rows)
    pq.write_table(t, path, compression="zstd")
    return t.num_rows


def write_events(events: Iterable["StoredEvent"], path: str) -> int:
    """The ``events`` table of ``events`` as one Parquet file (``whimbrel events --format parquet``)."""
    return write_table("events", [event_row(ev) for ev in events], path)


def reasons_dict(reasons: Optional[list[dict[str, Any]]]) -> dict[str, float]:
    """The ``reasons`` list of an ``event_mentions`` row back as a dict."""
    return {r["feature"]: r["value"] for r in reasons or []}


TABLE_DOCS = {
    "events": "One row per canonical cross-article event (also `whimbrel events --format parquet`).",
    "mentions": "One row per per-article event (a report), keyed by `id`; `article_id` links to articles.",
    "event_mentions": "One row per mention: the event it belongs to and the link that merged it.",
    "articles": "One row per input record; skipped inputs have `skip_code`/`skip_reason` and no text.",
    "syndication": "One row per syndicated copy (near-identical text of an earlier article).",
    "names": "One row per mention: the proper names rare-name deduplication counts (document frequencies for `batch --append`).",
}

COLUMN_DOCS = {
    "id": "event id (`we:`… for events, `ev:`… for mentions) or article id",
    "article_id": "the article (articles.id)",
    "event_type": "PLOVER event type", "mode": "PLOVER mode", "context": "PLOVER contexts",
    "actors": "who did it: text, canonical name, country code, sector, knowledge-base id",
    "recipients": "to whom it was done (as actors)",
    "date": "the event day; a month- or year-precise date is its first day",
    "date_precision": "day, week, month or year (null when undated)",
    "date_text": "the date words in the article",
    "country": "ISO 3166 alpha-2", "admin1": "first-level division", "place": "resolved place name",
    "place_text": "the place words in the article", "geonameid": "GeoNames id", "lat": "latitude",
    "lon": "longitude", "place_precision": "point, city, admin1, region or country",
    "feature_code": "GeoNames feature code",
    "dead_low": "killed, lowest figure", "dead_best": "killed, best figure", "dead_high": "killed, highest figure",
    "injured_low": "injured, lowest", "injured_best": "injured, best", "injured_high": "injured, highest",
    "arrested_low": "arrested, lowest", "arrested_best": "arrested, best", "arrested_high": "arrested, highest",
    "claims": "who asserts it: claimant (as actors), attribution words, cue words and lemma, hedged and the hedging words, via (the outer source of a nested report)",
    "modality": "asserted, negated, hypothetical, future or historical",
    "acled_event_type": "machine-derived ACLED event type", "acled_sub_event_type": "ACLED sub-event type",
    "cameo": "CAMEO root code", "quad_class": "0-4 quad class", "intensity": "-10 .. +10",
    "confidence": "extractor confidence 0..1", "trigger": "the words naming the event",
    "size_conflict": "reports disagree on a casualty figure", "n_sources": "distinct publishers",
    "n_articles": "articles reporting it", "n_mentions": "reports merged (events) or stored (articles)",
    "first_reported": "earliest publication day", "last_reported": "latest publication day",
    "sources": "publishers", "article_ids": "articles reporting it", "mention_ids": "its reports (mentions.id)",
    "size_reports": "each report's casualty figure with its source (never averaged)",
    "record": "the full JSON record (StoredEvent or Event): lossless",
    "effective_date": "the day used for blocking (event day, else publication day)",
    "date_known": "effective_date is the event's own day",
    "sentences": "provenance: sentence index, offsets and text",
    "mention_id": "the report (mentions.id)", "event_id": "the event (events.id)",
    "linked_to": "the report it was merged through (null for the first)", "score": "link score",
    "reasons": "feature values of the link", "content_hash": "hash of the input as read (as the store keys it)",
    "title": "title", "url": "URL", "publisher": "publisher (else the URL host)",
    "published": "publication day", "language": "language code", "origin": "file and line/row",
    "skip_code": "error code of a skipped input", "skip_reason": "why it was skipped (the whole line)",
    "skip_message": "what went wrong", "skip_hint": "what to do about it",
    "minhash": "MinHash signature (64 × uint32) for syndication",
    "position": "0-based record number in the inputs", "text": "cleaned text", "raw": "the input as read",
    "syndicated_of": "the original article",
    "names": "proper names of the report, lower case (title, sentences, trigger, lead)",
    "warnings": "values refused as the input was read (JSON list of notes, e.g. E208 dates); null when none",
}


def render_markdown() -> str:
    """The Parquet tables as Markdown (part of docs/schema.md)."""
    lines = ["# Parquet tables", "",
             "Generated from `whimbrel/tables.py`. `whimbrel batch` writes these tables under",
             "`OUT/<table>/month=YYYY-MM/` (Hive-style partitions; `month=unknown` when undated);",
             "`whimbrel events --format parquet` writes the `events` table. Every column has a",
             "concrete type (no NULL-typed columns), so files concatenate. Tables link by id:",
             "`event_mentions.event_id` → `events.id`, `event_mentions.mention_id` → `mentions.id`,",
             "`mentions.article_id` → `articles.id`.", ""]
    for name in SCHEMAS:
        lines += [f"## Parquet `{name}`", "", TABLE_DOCS[name], "", "| column | type | meaning |", "|---|---|---|"]
        for col, typ in describe(name):
            lines.append(f"| `{col}` | `{typ.replace('|', '/')}` | {COLUMN_DOCS.get(col, '')} |")
        lines.append("")
    return "\n".join(lines)


def describe(name: str) -> list[tuple[str, str]]:
    """(column, type) pairs of table ``name`` (for docs/schema.md)."""
    return [(f.name, str(f.type)) for f in SCHEMAS[name]()]


def record_json(row: dict[str, Any]) -> Any:
    """The full record of an ``events`` or ``mentions`` row, decoded."""
    return json.loads(row["record"])


__all__ = ["COLUMN_DOCS", "SCHEMAS", "TABLE_DOCS", "render_markdown", "SCHEMA_VERSION", "article_row", "articles_schema", "describe", "event_mentions_schema",
           "event_row", "events_schema", "link_rows", "mention_row", "mentions_schema", "reasons_dict",
           "skip_row", "syndication_schema", "table", "to_date", "write_events", "write_table"]
