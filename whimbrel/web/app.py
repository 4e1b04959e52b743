"""The ASGI application of ``whimbrel serve``: the JSON API, the dashboard pages and their assets.

::

    from whimbrel.web import create_app
    app = create_app("events.db")            # uvicorn.run(app, host="127.0.0.1")

Reads open the store read-only for each request; writes (``POST /api/articles``)
go through :func:`whimbrel.store.ingest.ingest`, only with the bearer token set
in ``WHIMBREL_API_TOKEN`` (or given to :func:`create_app`).  The controls and what
each defends against are in docs/security.md.
"""

from __future__ import annotations

import logging
import os
import secrets
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BadParameter, NotFound, QueryTimeout, UriTooLong, WebError, WhimbrelError
from .reader import prepare_store

log = logging.getLogger("whimbrel.web")
HERE = Path(__file__).resolve().parent
DEFAULT_MAX_BODY = 5_000_000
DEFAULT_MAX_QUERY = 4096  # bytes of query string (the longest filter set is far shorter)
MAX_PATH = 1024  # bytes of URL path
DEFAULT_QUERY_SECONDS = 20.0  # a read running longer is stopped (E709)
# Host headers answered by default: loopback names, and Starlette's TestClient ("testserver").
# Any other name is refused, so a web page that rebinds its own DNS name to 127.0.0.1 cannot
# read the store through the visitor's browser (docs/security.md).
DEFAULT_HOSTS = ("localhost", "127.0.0.1", "::1", "testserver")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
       " font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
}


@dataclass
class ServerConfig:
    """What one server instance serves and allows."""

    db: str
    token: Optional[str] = None
    max_body: int = DEFAULT_MAX_BODY
    data_dir: Optional[str] = None
    poll_seconds: int = 5
    max_query: int = DEFAULT_MAX_QUERY
    query_seconds: float = DEFAULT_QUERY_SECONDS
    allowed_hosts: tuple[str, ...] = DEFAULT_HOSTS  # ("*",) answers any Host header
    cors_origins: tuple[str, ...] = ()
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    pipeline: Any = None  # built on the first write, then reused


def error_body(err: WhimbrelError, error_id: Optional[str] = None) -> dict[str, Any]:
    body = {"code": err.code, "message": err.message, "hint": err.hint}
    if error_id:
        body["id"] = error_id
    return {"error": body}


def _wants_json(request: Request) -> bool:
    p = request.url.path
    return p.startswith("/api/") or p == "/openapi.json" or "application/json" in request.headers.get("accept", "")


def _error_response(request: Request, err: WhimbrelError, status: int, error_id: Optional[str] = None) -> Response:
    if _wants_json(request):
        headers = {"X-Error-Id": error_id} if error_id else None
        return JSONResponse(error_body(err, error_id), status_code=status, headers=headers)
    from .pages import render_error

    return render_error(request, err, status)


def _internal_error(request: Request, exc: BaseException) -> Response:
    """A generic 500 naming only an error id; the details and traceback go to the server log."""
    error_id = secrets.token_hex(6)
    log.error("error %s on %s %s", error_id, request.method, request.url.path, exc_info=exc)
    err = WhimbrelError(f"internal error while answering this request (error id {error_id}; "
                        "the details are in the server log)",
                        hint="Report this with the error id to whoever runs this server.")
    return _error_response(request, err, 500, error_id)


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(WhimbrelError)
    async def _whimbrel(request: Request, err: WhimbrelError) -> Response:
        if isinstance(err, WebError):
            return _error_response(request, err, err.http_status)
        if err.code.startswith(("E2", "E6")):  # input and codebook errors are the client's
            return _error_response(request, err, 400)
        return _internal_error(request, err)  # anything else is ours: no details to the client

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors()[:3]:
            loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{loc}: {e.get('msg')}")
        return _error_response(request, BadParameter("; ".join(parts) or "invalid request"), 400)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            err: WhimbrelError = NotFound(f"nothing at {request.url.path}", hint="See docs/api.md for the endpoints.")
        elif exc.status_code == 405:
            err = BadParameter(f"method {request.method} is not allowed on {request.url.path}",
                               hint="See docs/api.md for the methods of each endpoint.")
        else:
            err = WebError(str(exc.detail))
        return _error_response(request, err, exc.status_code)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        if isinstance(exc, sqlite3.OperationalError) and "interrupted" in str(exc):
            limit = request.app.state.cfg.query_seconds
            err = QueryTimeout(f"the reads of this request used more than the limit of {limit:g} s of CPU time")
            return _error_response(request, err, 503)
        return _internal_error(request, exc)


def create_app(db: str, *, token: Optional[str] = None, max_body: int = DEFAULT_MAX_BODY,
               data_dir: Optional[str] = None, poll_seconds: int = 5, max_query: int = DEFAULT_MAX_QUERY,
               query_seconds: float = DEFAULT_QUERY_SECONDS, allowed_hosts: Sequence[str] = DEFAULT_HOSTS,
               cors_origins: Sequence[str] = ()) -> FastAPI:
    """The whimbrel web app over the store at ``db`` (created and migrated once if needed).

    ``token`` defaults to the environment variable ``WHIMBREL_API_TOKEN``; without
    one, ``POST /api/articles`` answers 403 (E704).  ``allowed_hosts`` are the Host
    header names answered (``("*",)``: any); ``cors_origins`` the browser origins
    allowed to read the API from other sites (none by default).
    """
    origins = tuple(check_origin(o) for o in cors_origins)
    prepare_store(db)
    if token is None:
        token = os.environ.get("WHIMBREL_API_TOKEN")
    token = token or None  # an empty token is no token: writes stay off
    cfg = ServerConfig(db=str(db), token=token, max_body=max_body, data_dir=data_dir, poll_seconds=poll_seconds,
                       max_query=max_query, query_seconds=query_seconds,
                       allowed_hosts=tuple(h.lower().strip("[]") for h in allowed_hosts), cors_origins=origins)
    app = FastAPI(title="whimbrel", version=_version(), docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Structured, attributed, deduplicated event data from a local whimbrel store. "
                              "Errors are `{\"error\": {\"code\", \"message\", \"hint\"}}`. See docs/api.md.")
    app.state.cfg = cfg

    from starlette.middleware.gzip import GZipMiddleware

    app.add_middleware(GZipMiddleware, minimum_size=2000, compresslevel=5)  # 3,000 map points: 11 ms vs 38 ms at 9, 7% larger
    if origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(origins), allow_credentials=False,
                           allow_methods=["GET", "POST"] if token else ["GET"],
                           allow_headers=["Authorization", "Content-Type"],
                           expose_headers=["X-Total-Count", "Link", "X-Error-Id"], max_age=600)
    app.add_middleware(RequestGuard, cfg=cfg)
    app.add_middleware(SecurityHeaders)
    _install_handlers(app)
    from . import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", CachedStatic(directory=HERE / "static", max_age=300), name="static")
    for name, directory in vendor_dirs().items():
        app.mount(f"/vendor/{name}", CachedStatic(directory=directory, max_age=86400), name=f"vendor-{name}")
    return app


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every response (and ``no-store`` to the API's)."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = scope.get("path", "").startswith("/api/")

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                         if k.lower().encode() not in have]
                if api and b"cache-control" not in have:
                    extra.append((b"cache-control", b"no-store"))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RequestGuard:
    """ASGI middleware refusing, before any route runs, a URL over the size limits (E708)
    and a Host header this server does not answer to (E701)."""

    def __init__(self, app: Any, cfg: ServerConfig):
        self.app = app
        self.cfg = cfg

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        err = self.refusal(scope)
        if err is None:
            await self.app(scope, receive, send)
            return
        await JSONResponse(error_body(err), status_code=err.http_status)(scope, receive, send)

    def refusal(self, scope: dict) -> Optional[WebError]:
        path = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
        query = scope.get("query_string", b"")
        if len(path) > MAX_PATH:
            return UriTooLong(f"the URL path is {len(path):,} bytes, over the limit of {MAX_PATH:,}")
        if len(query) > self.cfg.max_query:
            return UriTooLong(f"the query string is {len(query):,} bytes, over the limit of {self.cfg.max_query:,}")
        if b"%00" in query or b"%00" in path or b"\x00" in query:  # SQLite's LIKE would end the pattern there
            return BadParameter("the URL holds a NUL character (%00)", hint="Remove it; no value needs one.")
        if "*" in self.cfg.allowed_hosts:
            return None
        host = ""
        for k, v in scope.get("headers", ()):
            if k == b"host":
                host = v.decode("latin-1")
                break
        name = host_name(host)
        if name not in self.cfg.allowed_hosts:
            return BadParameter(f"this server does not answer to the host name {name[:100]!r}",
                                hint="Open it at http://127.0.0.1:PORT/, or start `whimbrel serve` with "
                                     "--trusted-host NAME for a name of your own.")
        return None


def host_name(host: str) -> str:
    """The name part of a Host header, lower-case, without the port or IPv6 brackets."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def check_origin(origin: str) -> str:
    """A CORS origin as browsers send it (``scheme://host[:port]``), or a ValueError; never ``*``."""
    from urllib.parse import urlsplit

    o = origin.strip().rstrip("/")
    parts = urlsplit(o)
    if o == "*" or parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query \
            or parts.fragment or parts.username or "*" in o:
        raise ValueError(f"not a CORS origin: {origin!r} (want scheme://host[:port], e.g. https://example.org)")
    return o


class CachedStatic(StaticFiles):
    """Static files with a ``Cache-Control: max-age`` (they change only with the installed packages)."""

    def __init__(self, *args: Any, max_age: int = 3600, **kw: Any):
        super().__init__(*args, **kw)
        self.max_age = max_age

    def file_response(self, *args: Any, **kw: Any) -> Response:
        resp = super().file_response(*args, **kw)
        resp.headers.setdefault("Cache-Control", f"public, max-age={self.max_age}")
        return resp


def vendor_dirs() -> dict[str, Path]:
    """Third-party front-end assets, each from the pinned Python package that ships it."""
    import swagger_ui_bundle
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as cluster

    return {"leaflet": Path(leaflet.BASE_DIR), "markercluster": Path(cluster.BASE_DIR),
            "swagger-ui": Path(swagger_ui_bundle.swagger_ui_path)}


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("whimbrel")
    except Exception:  # noqa: BLE001 - metadata missing in a source checkout
        return "0"


__all__ = ["DEFAULT_HOSTS", "DEFAULT_MAX_BODY", "DEFAULT_MAX_QUERY", "DEFAULT_QUERY_SECONDS", "SECURITY_HEADERS",
           "ServerConfig", "check_origin", "create_app", "error_body", "host_name", "vendor_dirs"]
