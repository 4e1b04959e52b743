"""`whimbrel demo`: the main job on the bundled demo corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click


@click.command()
@click.option("--db", "db", help="Store to fill (default: demo.db in the data directory).")
@click.pass_context
def demo(ctx: click.Context, db: Optional[str]) -> None:
    """Ingest the bundled demo corpus into an event store and list its events.

    The corpus (whimbrel/demo/corpus.jsonl) is 18 short fictional wire reports
    written for whimbrel, three of which report the same incident and one of
    which is a syndicated copy.  Re-running changes nothing (idempotent).
    """
    from ..demo import corpus_path
    from ..settings import load
    from .store import events, ingest

    target = db or str(Path(load().data_dir) / "demo.db")
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    click.echo(f"whimbrel demo: ingesting {corpus_path().name} into {target}")
    ctx.invoke(ingest, paths=(str(corpus_path()),), db=target, no_progress=False, as_json=False)
    ctx.invoke(events, db=target)
    click.echo(f"Explore: whimbrel events --db {target} --format jsonl | whimbrel show EVENT_ID --db {target}")


commands = [demo]
