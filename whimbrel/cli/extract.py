"""`whimbrel extract` and `whimbrel schema`."""

from __future__ import annotations

import json
import sys
from typing import Iterable

import click

from ..records import Article, Event, Note, Skip


def skip_line(skip: Skip) -> str:
    """The one stderr line for a skipped input: ``whimbrel: skipped ORIGIN: [CODE] message — hint``,
    built from the skip's fields (:meth:`~whimbrel.records.Skip.line`), newlines flattened."""
    return f"whimbrel: skipped {skip.line()}"


def note_line(note: Note) -> str:
    """The one stderr line for a refused value (a warning; the input was still read):
    ``whimbrel: warning ORIGIN: [CODE] message — hint``."""
    return f"whimbrel: warning {note.line()}"


def echo_notes(notes: Iterable[Note]) -> int:
    """Print warnings on stderr, a :func:`note_line` each; how many there were."""
    n = 0
    for n, note in enumerate(notes, 1):
        click.echo(note_line(note), err=True)
    return n


def echo_warnings(item: object) -> int:
    """Print the warnings an article carries on stderr; how many there were."""
    return echo_notes(item.warnings if isinstance(item, Article) else ())


def _emit_table(events: list[Event]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("article", "type", "mode", "actor", "recipient", "date", "place", "dead", "inj", "claimed by", "modality"):
        table.add_column(col)
    for ev in events:
        def ents(xs):
            return ", ".join(f"{e.name or e.text} ({e.code or '?'})" for e in xs)

        size = ev.size
        table.add_row(
            ev.article_id[:18],
            ev.event_type,
            ev.mode or "",
            ents(ev.actor),
            ents(ev.recipient),
            f"{ev.date.value} ({ev.date.precision.value})" if ev.date and ev.date.value else "",
            (ev.location.name or ev.location.text) if ev.location else "",
            str(size.dead.best) if size.dead else "",
            str(size.injured.best) if size.injured else "",
            "; ".join((c.claimant.text if c.claimant else "?") for c in ev.claims),
            ev.modality.value,
        )
    # piped or redirected: rich would squeeze 11 columns into 80 characters
    Console(width=None if sys.stdout.isatty() else 220).print(table)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that carry none; relative dates ('on Tuesday') resolve against it.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl", show_default=True,
              help="jsonl: one event per line; json: one array of events; table: a readable summary.")
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False), help="Extra actor knowledge-base file.")
@click.option("--model", help="Installed spaCy pipeline to use instead of the default.")
@click.option("--workers", type=int, help="Parallel processes (default: the workers setting; 0: one per CPU core).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Leave out events below this confidence (default: the min_confidence setting).")
@click.option("--all-events", is_flag=True, default=None,
              help="Keep every event, also those held back (irrelevant article, no political actor, wrong trigger sense, generic); each says why in `held`.")
def extract(paths: tuple[str, ...], published: str | None, fmt: str, actors_file: str | None, model: str | None,
            workers: int | None, min_confidence: float | None, all_events: bool | None) -> None:
    """Extract events from articles.

    PATHS are files or folders (.txt, .html, .json, .jsonl, .jsonl.gz, RSS/Atom
    feeds) or `-` for standard input.  A JSON record is {id?, title?, text |
    html, published?, url?, publisher?, language?}; an event's article_id is
    the record's id, else a hash of its text.  HTML pages give their main text
    (comments, navigation and furniture left out).  JSONL output is one event
    per line.

    Inputs that cannot be used (empty, binary, not UTF-8, truncated HTML, a
    malformed JSONL line, over max_bytes, not English) are reported on stderr,
    one line each naming the file (and line or record), and the rest go on;
    the exit code is 3 when anything was skipped, else 0.  A value that cannot
    be used (an impossible or future publication date) is a warning on stderr
    naming the record; the article is read without it.
    """
    from ..extract import extract_many
    from ..settings import load
    from ..stages.read import read_paths

    from ..stages.pubdate import read_published

    if published is not None and read_published(published).value is None:
        why = read_published(published).problem or "an empty value"
        raise click.BadParameter(f"{why} (use YYYY-MM-DD)", param_hint="--published")
    settings = load({"actors": actors_file, "spacy_model": model, "workers": workers, "min_confidence": min_confidence,
                     "all_events": all_events or None})
    skipped = 0
    collected: list[Event] = []
    for article, result in extract_many(read_paths(list(paths), settings, published=published), settings):
        echo_warnings(article)
        if isinstance(result, Skip):
            skipped += 1
            sys.stdout.flush()  # the events before it are out first, also when stdout is a pipe
            click.echo(skip_line(result), err=True)
            continue
        if fmt == "jsonl":
            for ev in result:
                sys.stdout.write(json.dumps(ev.to_json(), ensure_ascii=False) + "\n")
        else:
            collected.extend(result)
    if fmt == "json":
        click.echo(json.dumps([e.to_json() for e in collected], ensure_ascii=False, indent=2))
    elif fmt == "table":
        _emit_table(collected)
    if skipped:
        sys.exit(3)


@click.command()
@click.option("--record", type=click.Choice(["event", "article"]), default="event", show_default=True,
              help="Which record's schema to print.")
def schema(record: str) -> None:
    """Print the JSON Schema of the event (or article) record."""
    from ..records import Article

    model = Event if record == "event" else Article
    click.echo(json.dumps(model.model_json_schema(mode="serialization"), indent=2))


commands = [extract, schema]
