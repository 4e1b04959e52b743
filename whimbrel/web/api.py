"""The JSON API under ``/api`` (see docs/api.md; the schema is at ``/openapi.json``)."""

from __future__ import annotations

import io
import json
from typing import Any, Iterator, Optional

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from ..errors import BadParameter
from .filters import DEFAULT_LIMIT, MAX_LIMIT, EventFilter
from .reader import ReadOnlyStore
from . import views

router = APIRouter(prefix="/api")

FORMATS = ("json", "geojson", "csv", "acled-csv", "jsonl")
MEDIA = {"json": "application/json", "geojson": "application/geo+json", "csv": "text/csv; charset=utf-8",
         "acled-csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}
MAX_POINTS = 20_000


def open_store(request: Request) -> Iterator[ReadOnlyStore]:
    """A read-only store for one request (closed after it), read in one snapshot: every query of
    the request sees the same committed state, so an ingest committing meanwhile never shows
    an event without its reports or a report without its article."""
    cfg = request.app.state.cfg
    store = ReadOnlyStore(cfg.db, query_seconds=cfg.query_seconds)
    views.register_functions(store.conn)
    try:
        with store.snapshot():
            yield store
    finally:
        store.close()


def event_filter(
    request: Request,
    since: Optional[str] = Query(None, description="first day, YYYY-MM-DD (or YYYY-MM, YYYY)"),
    until: Optional[str] = Query(None, description="last day, YYYY-MM-DD (inclusive)"),
    country: Optional[str] = Query(None, description="ISO alpha-2/alpha-3 codes or names, comma-separated"),
    admin1: Optional[str] = Query(None, description="first-level region name, e.g. Idlib"),
    type: Optional[str] = Query(None, description="PLOVER event types, comma-separated, e.g. ASSAULT,PROTEST"),
    mode: Optional[str] = Query(None, description="PLOVER mode, e.g. aerial"),
    acled_type: Optional[str] = Query(None, description="ACLED event type, e.g. Explosions/Remote violence"),
    acled_subtype: Optional[str] = Query(None, description="ACLED sub-event type, e.g. Air/drone strike"),
    actor: Optional[str] = Query(None, description="actor name (substring), code or knowledge-base id"),
    recipient: Optional[str] = Query(None, description="recipient name (substring), code or knowledge-base id"),
    dyad: Optional[str] = Query(None, description="A:B, events between A and B in either direction"),
    claimant: Optional[str] = Query(None, description="who asserts the event (substring of name, or code)"),
    modality: Optional[str] = Query(None, description="asserted | negated | hypothetical | future | historical"),
    bbox: Optional[str] = Query(None, description="west,south,east,north in degrees"),
    near: Optional[str] = Query(None, description="lat,lon,km: within km kilometres of a point"),
    min_sources: Optional[str] = Query(None, description="at least this many independent sources"),
    q: Optional[str] = Query(None, description="full-text search (FTS5) over the reporting articles"),
    sort: Optional[str] = Query(None, description="date | dead | sources | intensity | reported; prefix - for "
                                                  "descending (default -date)"),
    cursor: Optional[str] = Query(None, description="next_cursor of the previous page"),
    limit: Optional[str] = Query(None, description=f"page size, 1..{MAX_LIMIT} (default {DEFAULT_LIMIT})"),
) -> EventFilter:
    params = {k: v for k, v in locals().items() if k != "request" and v is not None}
    return EventFilter.from_params(params)


@router.get("/health", summary="Server and store status")
def health(request: Request, store: ReadOnlyStore = Depends(open_store)) -> JSONResponse:
    """Liveness, row counts and the time of the last ingest (the dashboard polls this for live updates)."""
    cfg = request.app.state.cfg
    return _json({"status": "ok", "writes_enabled": cfg.token is not None, "poll_seconds": cfg.poll_seconds,
                  **views.status(store)})


@router.get("/events", summary="Events, filtered, sorted and paged", responses={
    200: {"content": {m: {} for m in MEDIA.values()}, "description": "a page of events in the chosen format"}})
def list_events(
    flt: EventFilter = Depends(event_filter),
    format: str = Query("json", description="json | geojson | csv | acled-csv | jsonl"),
    store: ReadOnlyStore = Depends(open_store),
) -> Response:
    """One page of canonical events. Follow ``next_cursor`` (JSON) or the ``Link: rel=next`` header for more."""
    if format not in FORMATS:
        raise BadParameter(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    page = views.page_events(store, flt)
    headers = {"X-Total-Count": str(page.total)}
    if page.next_cursor:
        nxt = {**flt.to_params(), "cursor": page.next_cursor, "format": format}
        from urllib.parse import urlencode

        headers["Link"] = f'</api/events?{urlencode(nxt)}>; rel="next"'
    if format == "json":  # the stored record as JSON, less the merge links (as in export.event_json)
        events = [{k: v for k, v in r.items() if k != "links"} for r in page.records]
        return JSONResponse({"total": page.total, "limit": flt.limit, "sort": flt.sort,
                             "next_cursor": page.next_cursor, "filters": flt.to_params(),
                             "events": events}, headers=headers)
    from ..export import WRITERS

    buf = io.StringIO()
    WRITERS["jsonl" if format == "jsonl" else format](page.events, buf)
    if format in ("csv", "acled-csv"):
        headers["Content-Disposition"] = f'attachment; filename="whimbrel-events{"-acled" if format == "acled-csv" else ""}.csv"'
    return Response(buf.getvalue(), media_type=MEDIA[format], headers=headers)


@router.get("/points", summary="Map points of the matching events")
def list_points(
    flt: EventFilter = Depends(event_filter),
    max: int = Query(5000, ge=1, le=MAX_POINTS, description=f"at most this many points (1..{MAX_POINTS})"),
    store: ReadOnlyStore = Depends(open_store),
) -> JSONResponse:
    """Coordinates, type, deaths and location precision of every matching event (for the map)."""
    return _json(views.points(store, flt, max))


@router.get("/events/{event_id}", summary="One event with its reports, claims and figures")
def get_event(event_id: str, store: ReadOnlyStore = Depends(open_store)) -> JSONResponse:
    """The event (``we:...``, or the id ``ev:...`` of one of its reports) with every merged report,
    mention sentence and claim, the low/best/high figures with their sources, and the merge links."""
    return _json(views.event_detail(store, event_id))


@router.get("/articles/{article_id}", summary="An article's cleaned text with its event mentions as spans")
def get_article(article_id: str, store: ReadOnlyStore = Depends(open_store)) -> JSONResponse:
    return _json(views.article_detail(store, article_id))


@router.get("/trends", summary="Counts, fatalities and mean intensity over time")
def get_trends(
    flt: EventFilter = Depends(event_filter),
    interval: str = Query("week", description="day | week | month"),
    group: Optional[str] = Query(None, description="country | type | actor | dyad (top groups as series)"),
    top: int = Query(8, ge=1, le=50, description="number of group series"),
    store: ReadOnlyStore = Depends(open_store),
) -> JSONResponse:
    """Per period: events, fatalities (best) and mean intensity, in total and per group.
    Use ``dyad=USA:IRN`` to follow one pair of actors."""
    return _json(views.trends(store, flt, interval=interval, group=group, top=top))


@router.get("/changes", summary="Per-country change against the previous weeks")
def get_changes(
    flt: EventFilter = Depends(event_filter),
    weeks: int = Query(4, ge=1, le=104, description="length of the two windows compared"),
    store: ReadOnlyStore = Depends(open_store),
) -> JSONResponse:
    """Events per country in the last ``weeks`` weeks (ending at ``until``, else the latest event) and in
    the ``weeks`` weeks before: the map's change layer."""
    return _json(views.changes(store, flt, weeks=weeks))


@router.get("/actors/{actor_id}", summary="What an actor did and what was done to it")
def get_actor(actor_id: str, store: ReadOnlyStore = Depends(open_store)) -> JSONResponse:
    """``actor_id`` is a name (substring), a code (e.g. USA, IRQMIL) or a knowledge-base id."""
    if len(actor_id) > 200:
        raise BadParameter("actor id is longer than 200 characters")
    return _json(views.actor_detail(store, actor_id))


@router.get("/places/{geonameid}", summary="What happened at a GeoNames place")
def get_place(geonameid: int = Path(ge=0, lt=2**63, description="GeoNames id (a non-negative 64-bit integer)"),
              store: ReadOnlyStore = Depends(open_store)) -> JSONResponse:
    return _json(views.place_detail(store, geonameid))


@router.post("/articles", summary="Ingest articles (needs the bearer token)", status_code=200, openapi_extra={
    "requestBody": {"content": {
        "application/json": {"schema": {"oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]}},
        "application/x-ndjson": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
        "text/plain": {"schema": {"type": "string"}}}}})
async def post_articles(request: Request) -> JSONResponse:
    """Ingest article records (``{id?, title?, text | html, published?, url?, publisher?}``, one or a list,
    or JSON lines) or one HTML/plain-text page (metadata in the query: id, title, published, url, publisher),
    through the same reader, extractor, store and deduplication as ``whimbrel ingest``."""
    from starlette.concurrency import run_in_threadpool

    from .writes import authorise, ingest_body, read_body

    cfg = request.app.state.cfg
    authorise(cfg, request.headers.get("authorization"))
    body = await read_body(request, cfg.max_body)
    meta = {k: v for k, v in request.query_params.items() if k in ("id", "title", "published", "url", "publisher")}
    result = await run_in_threadpool(ingest_body, cfg, body, request.headers.get("content-type", ""), meta)
    return JSONResponse(result)


def _json(obj: Any) -> JSONResponse:
    """A JSON answer encoded directly (FastAPI's generic encoder is slow on 5,000-point pages)."""
    return JSONResponse(obj)


__all__ = ["FORMATS", "router"]
