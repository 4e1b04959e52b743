"""``whimbrel eval`` (scores on gold sets, quality gate) and ``whimbrel bench`` (throughput)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import click


def _print_table(result) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"whimbrel on {result.dataset} ({result.n_docs} docs, {result.seconds:.0f}s)")
    table.add_column("metric")
    table.add_column("score", justify="right")
    table.add_column("support", justify="right")
    for name, value in sorted(result.metrics.items()):
        sup = result.support.get(name)
        table.add_row(name, f"{value:.4f}", "" if sup is None else str(sup))
    Console().print(table)
    for half, rows in (result.details.get("per_class") or {}).items():
        per = Table(title=f"{result.dataset}, {half} half: sub-event types, weakest F1 first")
        for col in ("sub-event type", "gold", "predicted", "precision", "recall", "F1"):
            per.add_column(col, justify="left" if col == "sub-event type" else "right")
        for label, r in sorted(rows.items(), key=lambda kv: (kv[1]["f1"], -kv[1]["gold"], kv[0])):
            per.add_row(label, str(r["gold"]), str(r["predicted"]), f"{r['precision']:.3f}", f"{r['recall']:.3f}",
                        f"{r['f1']:.3f}")
        Console().print(per)


@click.command("eval")
@click.argument("dataset")
@click.option("--limit", type=int, default=None, help="Score only the first N gold records (default: all; with --check: the pinned limit).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Write the result (EvalResult JSON) to this file.")
@click.option("--errors", "errors_out", type=click.Path(dir_okay=False), help="Write every miss / false positive as JSONL with its sentence.")
@click.option("--check", is_flag=True, help="Fail (exit 5, E501) when a gated score is below its pin in quality/pins.json.")
@click.option("--update-pins", is_flag=True, help="Raise the pins of this dataset to the new scores.")
@click.option("--allow-lower", is_flag=True, help="With --update-pins: also lower pins (needs --reason).")
@click.option("--reason", help="Why pins are lowered; kept in the pins file's history.")
@click.option("--tolerance", type=float, default=None, help="Allowed drop below a pin (default: the pins file's, 0.01).")
@click.option("--pins", "pins_path", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Pins file (default quality/pins.json).")
@click.option("--shared-dir", help="Folder of gold sets (setting shared_dir / WHIMBREL_SHARED_DIR).")
def eval_cmd(
    dataset: str,
    limit: Optional[int],
    json_out: Optional[str],
    errors_out: Optional[str],
    check: bool,
    update_pins: bool,
    allow_lower: bool,
    reason: Optional[str],
    tolerance: Optional[float],
    pins_path: Optional[Path],
    shared_dir: Optional[str],
) -> None:
    """Score whimbrel on a gold set and print its metrics.

    DATASET is one of plover-gsr, wikievents, tr-news, lgl, article-html, gvc, demo,
    attribution-dev (who claims each event), acled-dev (ACLED types sentence by sentence),
    acled-notes (date, place and fatalities of our own ACLED-style notes), or the path of a gold file in one of those formats or in the generic format
    (docs/evaluation.md).
    """
    from ..evaluate import gold_digests, resolve
    from ..evaluate import gate

    spec, path = resolve(dataset, shared_dir)
    if check and limit is None:
        limit = gate.load_pins(pins_path)["datasets"].get(spec.name, {}).get("limit")
    digests = gold_digests(spec, path)
    if check:
        entry = gate.load_pins(pins_path)["datasets"].get(spec.name, {})
        gate._same_gold(spec.name, entry.get("gold", {}), digests)
    result = spec.run(path, limit=limit, shared_dir=shared_dir)
    _print_table(result)
    if json_out:
        Path(json_out).write_text(json.dumps(result.to_json(), indent=2) + "\n", encoding="utf-8")
    if errors_out:
        with open(errors_out, "w", encoding="utf-8") as fh:
            for err in result.errors:
                fh.write(json.dumps(err, ensure_ascii=False, default=str) + "\n")
        click.echo(f"{len(result.errors)} errors written to {errors_out}", err=True)
    if update_pins:
        for line in gate.update_pins(spec.name, result, digests, limit, allow_lower=allow_lower, reason=reason, pins_path=pins_path):
            click.echo(line, err=True)
    if check:
        deltas = gate.check(spec.name, result, digests, limit, pins=gate.load_pins(pins_path), tolerance=tolerance)
        worst = min(deltas.values(), default=0.0)
        click.echo(f"quality gate passed: {len(deltas)} gated metrics, worst delta {worst:+.4f}", err=True)


@click.command("bench")
@click.option("--articles", "n_articles", type=int, default=200, show_default=True, help="Generated articles.")
@click.option("--words", type=int, default=400, show_default=True, help="Words per article (about).")
@click.option("--workers", type=int, default=0, show_default=True,
              help="Worker processes for the parallel and ingest runs (0: one per CPU core).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the generated corpus (same seed, same articles).")
@click.option("--no-ingest", is_flag=True, help="Leave out the ingest run (extract + store + dedupe).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON instead of markdown.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Markdown file to append to (default docs/benchmarks.md).")
@click.option("--no-append", is_flag=True, help="Print only; do not append to the benchmarks file.")
def bench_cmd(n_articles: int, words: int, workers: int, seed: int, no_ingest: bool, as_json: bool,
              out: Optional[Path], no_append: bool) -> None:
    """Time extraction on a generated corpus: side by side with a plain spaCy parse of the same
    texts in one process (the ratio, per-stage seconds), then with worker processes, then ingest
    (articles/s, words/s, peak memory)."""
    from ..evaluate.bench import append_markdown, run_bench, to_markdown

    result = run_bench(n_articles, words, workers, seed, ingest=not no_ingest)
    click.echo(json.dumps(result.to_json(), indent=2) if as_json else to_markdown(result))
    if not no_append:
        click.echo(f"appended to {append_markdown(result, out)}", err=True)


commands = [eval_cmd, bench_cmd]
