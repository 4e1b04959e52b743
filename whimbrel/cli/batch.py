"""`whimbrel batch` (scale-out runs to Parquet) and `whimbrel load` (a batch output into the store)."""

from __future__ import annotations

import json
import sys
from typing import Optional

import click


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", required=True, help="Output folder: Parquet tables by month and manifest.json.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: a process pool on this machine; dask: a dask.distributed cluster.")
@click.option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786); "
                                   "without it --engine dask starts a LocalCluster.")
@click.option("--workers", type=int, help="Worker processes (local pool or LocalCluster); default: the workers setting.")
@click.option("--partition-size", type=int, default=500, show_default=True,
              help="Input records per partition (the unit of work, of resuming and of retries).")
@click.option("--append", is_flag=True, help="Add INPUTS to an existing output; only the events their reports "
                                             "can change are re-clustered (rare names judged on the whole output).")
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def batch(inputs: tuple[str, ...], out: str, engine: str, scheduler: Optional[str], workers: Optional[int],
          partition_size: int, append: bool, published: Optional[str], no_progress: bool, as_json: bool) -> None:
    """Extract and deduplicate INPUTS into a Parquet dataset, on many cores or a Dask cluster.

    INPUTS are JSONL(.gz) or Parquet files, or folders of them (other kinds ingest reads
    work too).  Rerunning the same command resumes: finished partitions are kept, half-written
    ones are redone.  See docs/scaling.md.
    """
    from ..batch import run_batch
    from ..settings import load
    from .extract import echo_notes

    s = run_batch(list(inputs), out, load(), engine=engine, scheduler=scheduler, workers=workers,
                  partition_size=partition_size, append=append, published=published,
                  progress=not no_progress and sys.stderr.isatty())
    echo_notes(s.warnings)
    if as_json:
        click.echo(json.dumps(s.to_json()))
        return
    click.echo(f"{s.out}: read {s.read}, articles {s.articles}, skipped {s.skipped}, reports {s.mentions}, "
               f"events {s.events} ({s.merged_mentions} reports merged, {s.syndicated} syndicated copies)")
    for code, n in sorted(s.skip_codes.items()):
        reasons = s.skip_reasons.get(code, [])
        click.echo(f"  skipped {code} x{n}" + (": " + " | ".join(reasons) if reasons else ""))
    click.echo(f"partitions {s.partitions}: {s.partitions_run} run, {s.partitions_resumed} already done, "
               f"{s.half_written} half-written redone; engine {s.engine} with {s.workers} workers")
    click.echo(f"{s.throughput:.1f} articles/s extracting ({s.extract_seconds:.1f}s), merge "
               f"{s.merge_seconds:.1f}s{'' if s.merge_ran else ' (already done)'}"
               + (f" (incremental: {s.merge_rescored} of {s.mentions} reports re-clustered)" if s.merge_incremental else "")
               + f", total {s.seconds:.1f}s")


@click.command()
@click.argument("folder")
@click.option("--db", "db", help="Event store (SQLite) to use instead of the default settings.db.")
def load(folder: str, db: Optional[str]) -> None:
    """Load a `whimbrel batch` output FOLDER into the event store.

    Articles, skips and reports are stored as ingest stores them; the merged events are
    written as they are into an empty store, or re-deduplicated with the events it holds.
    """
    from ..batch import load_batch
    from ..settings import load as load_settings
    from ..store import Store

    with Store(load_settings({"db": db}).db) as store:
        s = load_batch(folder, store)
    click.echo(f"loaded {s.articles} articles ({s.unchanged} unchanged, {s.skips} skipped inputs), "
               f"{s.mentions} reports; the store holds {s.events} events"
               + (" (deduplicated with the events it held)" if s.deduplicated else ""))


commands = [batch, load]
