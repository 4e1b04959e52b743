"""`whimbrel serve`: the web dashboard and HTTP API over an event store."""

from __future__ import annotations

import ipaddress
import os
from typing import Optional

import click

from ..errors import ConfigError

LOOPBACK = ("127.0.0.1", "::1", "localhost")


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


@click.command()
@click.option("--db", "db", help="Event store (SQLite) to serve instead of the default settings.db.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback only unless --allow-remote).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--allow-remote", is_flag=True, help="Allow --host to be an address other than loopback.")
@click.option("--max-body", default=5_000_000, show_default=True, type=click.IntRange(1_000, 100_000_000),
              help="Largest accepted request body, in bytes.")
@click.option("--poll", "poll_seconds", default=5, show_default=True, type=click.IntRange(1, 3600),
              help="Seconds between the dashboard's checks for new events.")
def serve(db: Optional[str], host: str, port: int, allow_remote: bool, max_body: int, poll_seconds: int) -> None:
    """Serve the dashboard (map, timeline, events, event pages) and the JSON API.

    Open http://HOST:PORT/ in a browser; the API is under /api (schema at
    /openapi.json, docs at /api/docs).  Everything is served from this machine:
    no CDN, no tiles, no fonts.  Writing (POST /api/articles) is on only when
    the environment variable WHIMBREL_API_TOKEN is set; clients then send
    'Authorization: Bearer <token>'.
    """
    check_host(host, allow_remote)
    import uvicorn

    from ..settings import load
    from ..web import create_app

    settings = load({"db": db})
    app = create_app(settings.db, max_body=max_body, data_dir=settings.data_dir, poll_seconds=poll_seconds)
    writes = "on (bearer token)" if os.environ.get("WHIMBREL_API_TOKEN") else "off (no WHIMBREL_API_TOKEN)"
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"whimbrel serve: {settings.db} at http://{shown}:{port}/  (API docs /api/docs; writes {writes}; Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False)


commands = [serve]
