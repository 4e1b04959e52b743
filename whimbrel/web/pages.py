"""The dashboard's HTML pages (Jinja2, server-rendered; their scripts are static files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from ..errors import BadParameter, WhimbrelError
from .api import open_store
from .filters import EventFilter
from .reader import ReadOnlyStore
from . import views

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
router = APIRouter(include_in_schema=False)

FILTER_FIELDS = [
    ("since", "From", "date", ""), ("until", "To", "date", ""),
    ("country", "Country", "text", "SY, Iraq, UKR…"), ("admin1", "Region (admin1)", "text", "Idlib"),
    ("type", "PLOVER type", "select", ""), ("mode", "Mode", "text", "aerial"),
    ("acled_type", "ACLED type", "text", "Battles"), ("acled_subtype", "ACLED sub-type", "text", "Air/drone strike"),
    ("actor", "Actor", "text", "name or code"), ("recipient", "Recipient", "text", "name or code"),
    ("dyad", "Dyad", "text", "A:B"), ("claimant", "Claimant", "text", "who says so"),
    ("modality", "Modality", "modality", ""), ("min_sources", "Min. sources", "number", "1"),
    ("bbox", "Bounding box", "text", "W,S,E,N"), ("near", "Near", "text", "lat,lon,km"),
    ("q", "Full text", "search", "words or \"a phrase\""),
]


def _choices(store: ReadOnlyStore) -> dict[str, list[str]]:
    types = [r[0] for r in store.conn.execute("SELECT DISTINCT event_type FROM events ORDER BY event_type")]
    return {"type": types, "modality": ["asserted", "negated", "hypothetical", "future", "historical"]}


def _page(request: Request, name: str, store: Optional[ReadOnlyStore], **ctx: Any) -> HTMLResponse:
    params = dict(request.query_params)
    base = {"request": request, "params": params, "fields": FILTER_FIELDS,
            "choices": _choices(store) if store is not None else {},
            "poll": request.app.state.cfg.poll_seconds, "writes": request.app.state.cfg.token is not None}
    return templates.TemplateResponse(request, name, {**base, **ctx})


def render_error(request: Request, err: WhimbrelError, status: int) -> Response:
    return templates.TemplateResponse(request, "error.html", {"request": request, "err": err, "status": status, "title": f"Error {err.code}",
                                                              "params": {}, "fields": [], "choices": {}},
                                      status_code=status)


def _check(request: Request) -> EventFilter:
    """Validate the page's filters up front, so a bad permalink shows a clear error page."""
    return EventFilter.from_params(dict(request.query_params))


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, store: ReadOnlyStore = Depends(open_store)) -> HTMLResponse:
    _check(request)
    return _page(request, "index.html", store, title="Map and events", view="map")


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, store: ReadOnlyStore = Depends(open_store)) -> HTMLResponse:
    _check(request)
    return _page(request, "timeline.html", store, title="Timeline and escalation", view="timeline")


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event_page(event_id: str, request: Request, store: ReadOnlyStore = Depends(open_store)) -> HTMLResponse:
    d = views.event_detail(store, event_id)
    spans: dict[str, list[tuple[int, int]]] = {}
    for r in d["reports"]:  # one article can hold several reports of the event: show it once
        spans.setdefault(r["article_id"], []).extend((s["start"], s["end"]) for s in r["sentences"])
    articles = []
    for article_id, marks in spans.items():
        art = store.get_article(article_id, text=True)
        if art is not None:
            articles.append({"article": art, "segments": views.highlight(art.text or "", marks)})
    return _page(request, "event.html", None, title=f"Event {d['event']['id']}", d=d, ev=d["event"],
                 articles=articles, view="event")


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request, store: ReadOnlyStore = Depends(open_store)) -> HTMLResponse:
    d = views.article_detail(store, article_id)
    text = d["article"].get("text") or ""
    segs = views.highlight(text, [(s["start"], s["end"]) for s in d["spans"]])
    return _page(request, "article.html", None, title=d["article"].get("title") or article_id, d=d,
                 segments=segs, view="article")


@router.get("/actor/{actor_id}", response_class=HTMLResponse)
def actor_page(actor_id: str, request: Request, store: ReadOnlyStore = Depends(open_store)) -> HTMLResponse:
    if len(actor_id) > 200:
        raise BadParameter("actor id is longer than 200 characters")
    d = views.actor_detail(store, actor_id)
    return _page(request, "actor.html", None, title=f"Actor {actor_id}", d=d, actor=actor_id, other=None,
                 view="actor")


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, a: str = "", b: str = "", store: ReadOnlyStore = Depends(open_store)) -> HTMLResponse:
    if not a or not b or len(a) > 200 or len(b) > 200:
        raise BadParameter("a dyad page needs ?a=ACTOR&b=ACTOR", hint="e.g. /dyad?a=USA&b=IRN")
    flt = EventFilter(dyad=(a, b), limit=500)
    page = views.page_events(store, flt)
    t = views.trends(store, EventFilter(dyad=(a, b)), interval="month")
    return _page(request, "dyad.html", None, title=f"Dyad {a}–{b}", a=a, b=b, page=page, trend=t, view="actor")


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "docs.html", {"request": request, "params": {}, "fields": [],
                                                             "choices": {}, "title": "API", "view": "docs"})


@router.get("/basemap.geojson")
def basemap(request: Request) -> Response:
    """Natural Earth countries for the map (built once into the data directory)."""
    from fastapi.responses import FileResponse

    from ..settings import load
    from .basemap import basemap_path

    cfg = request.app.state.cfg
    path = basemap_path(cfg.data_dir or load().data_dir)
    headers = {"Cache-Control": "public, max-age=86400", "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        return FileResponse(path, media_type="application/geo+json", headers={**headers, "Content-Encoding": "gzip"})
    import gzip

    return Response(gzip.decompress(path.read_bytes()), media_type="application/geo+json", headers=headers)


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)
