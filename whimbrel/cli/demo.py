"""`whimbrel demo`: the main job on the bundled demo corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click


@click.command()
@click.option("--db", "db", help="Store to fill (default: demo.db in the data directory).")
@click.option("--serve", "then_serve", is_flag=True, help="Then serve the dashboard of the demo store on 127.0.0.1.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port for --serve.")
@click.pass_context
def demo(ctx: click.Context, db: Optional[str], then_serve: bool, port: int) -> None:
    """Ingest the bundled demo corpus into an event store and list its events.

    The corpus (whimbrel/demo/corpus.jsonl) is 18 short fictional wire reports
    written for whimbrel, three of which report the same incident and one of
    which is a syndicated copy.  Re-running changes nothing (idempotent).
    It ends by saying how to open the dashboard; --serve opens it right away.
    """
    from ..demo import corpus_path
    from ..settings import load
    from .store import events, ingest

    target = db or str(Path(load().data_dir) / "demo.db")
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    click.echo(f"whimbrel demo: ingesting {corpus_path().name} into {target}")
    ctx.invoke(ingest, paths=(str(corpus_path()),), db=target, no_progress=False, as_json=False)
    ctx.invoke(events, db=target)
    click.echo(f"Explore: whimbrel show EVENT_ID --db {target}")
    if then_serve:
        from .serve import serve

        ctx.invoke(serve, db=target, host="127.0.0.1", port=port)
        return
    click.echo(f"Dashboard: whimbrel serve --db {target}   then open http://127.0.0.1:{port}/ "
               f"(or run `whimbrel demo --serve`)")


commands = [demo]
