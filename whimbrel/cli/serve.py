"""`whimbrel serve`: the web dashboard and HTTP API over an event store."""

from __future__ import annotations

import ipaddress
import os
from typing import Optional, Sequence

import click

from ..errors import ConfigError

LOOPBACK = ("127.0.0.1", "::1", "localhost")
WILDCARD = ("0.0.0.0", "::", "")


def check_host(host: str, allow_remote: bool) -> None:
    """Refuse an address other than loopback unless ``--allow-remote`` was given."""
    if host in LOOPBACK:
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    if not allow_remote:
        raise ConfigError(f"--host {host} would expose the server beyond this machine",
                          hint="Pass --allow-remote as well if you mean it (and set WHIMBREL_API_TOKEN "
                               "only over a trusted network: the server speaks plain HTTP).")


def answered_hosts(host: str, trusted: Sequence[str]) -> tuple[str, ...]:
    """The Host header names the server answers: loopback, the --host it listens on, and each
    --trusted-host; any name (``*``) only for a wildcard address with no --trusted-host."""
    from ..web.app import DEFAULT_HOSTS

    if host in WILDCARD and not trusted:
        return ("*",)
    names = [*DEFAULT_HOSTS, *trusted]
    if host not in WILDCARD:
        names.append(host)
    return tuple(dict.fromkeys(n.lower().strip("[]") for n in names))


@click.command()
@click.option("--db", "db", help="Event store (SQLite) to serve instead of the default settings.db.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback only unless --allow-remote).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--allow-remote", is_flag=True, help="Allow --host to be an address other than loopback.")
@click.option("--max-body", default=5_000_000, show_default=True, type=click.IntRange(1_000, 100_000_000),
              help="Largest accepted request body, in bytes.")
@click.option("--max-query", default=4096, show_default=True, type=click.IntRange(256, 65_536),
              help="Longest accepted query string, in bytes (E708 beyond).")
@click.option("--query-seconds", default=20.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="A request whose reads use more CPU seconds is stopped and answered with E709.")
@click.option("--max-connections", default=100, show_default=True, type=click.IntRange(1, 10_000),
              help="Connections served at once; more are answered 503.")
@click.option("--trusted-host", "trusted_hosts", multiple=True, metavar="NAME",
              help="Another Host header name to answer (repeatable); loopback names and --host always are.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="A web origin (https://host[:port]) whose pages may call the API (repeatable; none by default).")
@click.option("--poll", "poll_seconds", default=5, show_default=True, type=click.IntRange(1, 3600),
              help="Seconds between the dashboard's checks for new events.")
def serve(db: Optional[str], host: str, port: int, allow_remote: bool, max_body: int, max_query: int,
          query_seconds: float, max_connections: int, trusted_hosts: tuple[str, ...], cors_origins: tuple[str, ...],
          poll_seconds: int) -> None:
    """Serve the dashboard (map, timeline, events, event pages) and the JSON API.

    Open http://HOST:PORT/ in a browser; the API is under /api (schema at
    /openapi.json, docs at /api/docs).  Everything is served from this machine:
    no CDN, no tiles, no fonts.  Writing (POST /api/articles) is on only when
    the environment variable WHIMBREL_API_TOKEN is set; clients then send
    'Authorization: Bearer <token>'.  See docs/security.md for the controls.
    """
    check_host(host, allow_remote)
    from ..web.app import check_origin

    for origin in cors_origins:
        try:
            check_origin(origin)
        except ValueError as exc:
            raise ConfigError(f"--cors-origin: {exc}", hint="Give an origin such as https://example.org:8443, "
                                                             "never '*'.") from exc
    import uvicorn

    from ..settings import load
    from ..web import create_app

    settings = load({"db": db})
    app = create_app(settings.db, max_body=max_body, data_dir=settings.data_dir, poll_seconds=poll_seconds,
                     max_query=max_query, query_seconds=query_seconds,
                     allowed_hosts=answered_hosts(host, trusted_hosts), cors_origins=cors_origins)
    writes = "on (bearer token)" if os.environ.get("WHIMBREL_API_TOKEN") else "off (no WHIMBREL_API_TOKEN)"
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"whimbrel serve: {settings.db} at http://{shown}:{port}/  (API docs /api/docs; writes {writes}; Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False,
                limit_concurrency=max_connections, timeout_keep_alive=5)


commands = [serve]
