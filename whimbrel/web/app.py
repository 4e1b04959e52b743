"""The ASGI application of ``whimbrel serve``: the JSON API, the dashboard pages and their assets.

::

    from whimbrel.web import create_app
    app = create_app("events.db")            # uvicorn.run(app, host="127.0.0.1")

Reads open the store read-only for each request; writes (``POST /api/articles``)
go through :func:`whimbrel.store.ingest.ingest`, only with the bearer token set
in ``WHIMBREL_API_TOKEN`` (or given to :func:`create_app`).
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BadParameter, NotFound, WebError, WhimbrelError
from .reader import prepare_store

log = logging.getLogger("whimbrel.web")
HERE = Path(__file__).resolve().parent
DEFAULT_MAX_BODY = 5_000_000

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
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    pipeline: Any = None  # built on the first write, then reused


def error_body(err: WhimbrelError) -> dict[str, Any]:
    return {"error": {"code": err.code, "message": err.message, "hint": err.hint}}


def _wants_json(request: Request) -> bool:
    p = request.url.path
    return p.startswith("/api/") or p == "/openapi.json" or "application/json" in request.headers.get("accept", "")


def _error_response(request: Request, err: WhimbrelError, status: int) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(err), status_code=status)
    from .pages import render_error

    return render_error(request, err, status)


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(WhimbrelError)
    async def _whimbrel(request: Request, err: WhimbrelError) -> Response:
        if isinstance(err, WebError):
            status = err.http_status
        else:  # input and codebook errors are the client's; anything else is ours
            status = 400 if err.code.startswith(("E2", "E6")) else 500
            if status == 500:
                log.error("request %s failed: %s", request.url.path, err)
        return _error_response(request, err, status)

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
        log.exception("unexpected error on %s", request.url.path)
        err = WhimbrelError("internal error while answering this request (details are in the server log)")
        return _error_response(request, err, 500)


def create_app(db: str, *, token: Optional[str] = None, max_body: int = DEFAULT_MAX_BODY,
               data_dir: Optional[str] = None, poll_seconds: int = 5) -> FastAPI:
    """The whimbrel web app over the store at ``db`` (created and migrated once if needed).

    ``token`` defaults to the environment variable ``WHIMBREL_API_TOKEN``; without
    one, ``POST /api/articles`` answers 403 (E704).
    """
    prepare_store(db)
    if token is None:
        token = os.environ.get("WHIMBREL_API_TOKEN") or None
    cfg = ServerConfig(db=str(db), token=token, max_body=max_body, data_dir=data_dir, poll_seconds=poll_seconds)
    app = FastAPI(title="whimbrel", version=_version(), docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Structured, attributed, deduplicated event data from a local whimbrel store. "
                              "Errors are `{\"error\": {\"code\", \"message\", \"hint\"}}`. See docs/api.md.")
    app.state.cfg = cfg

    from starlette.middleware.gzip import GZipMiddleware

    app.add_middleware(GZipMiddleware, minimum_size=2000)
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


__all__ = ["DEFAULT_MAX_BODY", "SECURITY_HEADERS", "ServerConfig", "create_app", "error_body", "vendor_dirs"]
