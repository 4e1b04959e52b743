"""`whimbrel pipeline`: the stages of the default pipeline with what each needs and gives."""

from __future__ import annotations

import json
from dataclasses import asdict

import click


@click.command("pipeline")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per stage instead of a table.")
def pipeline_cmd(as_json: bool) -> None:
    """Explain the default pipeline: each stage in order, the slots of the per-article
    work it needs and gives, and whether it runs on batches of articles.

    The pipeline is checked when it is built: a stage whose needs no earlier stage
    gives is refused (E300).  Nothing is loaded to print this.
    """
    from ..extract import build_pipeline
    from ..pipeline import SLOTS

    rows = build_pipeline().explain()
    if as_json:
        for row in rows:
            click.echo(json.dumps(asdict(row)))
        return
    width = max(len(r.name) for r in rows)
    for r in rows:
        batched = "  (batched)" if r.batched else ""
        click.echo(f"{r.name:<{width}}  needs {', '.join(r.needs)}  →  gives {', '.join(r.gives)}{batched}")
        if r.summary:
            click.echo(f"{'':<{width}}  {r.summary}")
    click.echo("\nslots:")
    for slot, meaning in SLOTS.items():
        click.echo(f"  {slot:<18} {meaning}")


commands = [pipeline_cmd]
