"""`whimbrel ingest`, `whimbrel events`, `whimbrel show` and `whimbrel trend`."""

from __future__ import annotations

import json
import sys
from typing import Optional

import click

from ..errors import StoreError

_DB = click.option("--db", "db", help="Event store (SQLite) to use instead of the default settings.db.")


def _open(db: Optional[str]):
    from ..settings import load
    from ..store import Store

    s = load({"db": db})
    return Store(s.db, timeout=s.busy_timeout)


def _print_commit(commit) -> None:
    """One flushed line per article stored, and a line when grouping starts and ends: a
    process killed at any point has printed only what is durable."""
    if commit.stage == "articles":
        lines = [f"committed {aid}" for aid in commit.ids]
    elif commit.stage == "grouping":
        lines = [f"grouping {commit.pending} reports"]
    else:
        lines = ["committed events"]
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()


@click.command()
@click.argument("paths", nargs=-1, required=True)
@_DB
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Leave out events below this confidence (default: the min_confidence setting).")
@click.option("--all-events", is_flag=True, default=None,
              help="Store every event, also those held back (irrelevant article, no political actor, wrong trigger sense, generic).")
@click.option("--print-commits", is_flag=True,
              help="Print 'committed ID' for each article once its transaction is committed, "
                   "'grouping N reports' and 'committed events' around the grouping into events.")
@click.option("--workers", type=int, default=None,
              help="Extraction processes (default: the workers setting; 0: one per CPU core).")
def ingest(paths: tuple[str, ...], db: Optional[str], published: Optional[str], no_progress: bool, as_json: bool,
           min_confidence: Optional[float], all_events: Optional[bool], print_commits: bool,
           workers: Optional[int]) -> None:
    """Read, extract, store and deduplicate articles.

    PATHS are files or folders (.txt, .html, .jsonl, feeds...).  Re-ingesting an
    unchanged article changes nothing; an article whose id is known but whose
    text changed (a correction) replaces its reports.  Inputs that cannot be read
    are stored as skipped, with their reason.  A value that cannot be used (an
    impossible or future publication date) is a warning on stderr naming the
    record, stored with the article; the article is read without it.  An interrupted ingest loses nothing committed: run it
    again and it stores what is missing and groups every report still pending into events.
    """
    from ..settings import load
    from ..store.ingest import ingest as run_ingest

    settings = load({"db": db, "min_confidence": min_confidence, "all_events": all_events or None, "workers": workers})
    with _open(db) as store:
        s = run_ingest(list(paths), store, settings, published=published,
                       progress=not no_progress and sys.stderr.isatty(),
                       on_commit=_print_commit if print_commits else None)
    from .extract import echo_notes

    echo_notes(s.warnings)
    if as_json:
        click.echo(json.dumps(s.to_json()))
        return
    click.echo(f"read {s.read}: ingested {s.ingested}, corrected {s.replaced}, unchanged {s.unchanged}, "
               f"syndicated copies {s.syndicated}, skipped {s.skipped}")
    for code, n in sorted(s.skip_codes.items()):
        reasons = sorted({k.reason for k in s.skips if k.code == code})[:3]
        click.echo(f"  skipped {code} x{n}: " + " | ".join(reasons))
    click.echo(f"reports {s.mentions} → events {s.events_before} before, {s.events_after} after "
               f"({s.events_created} new; {s.merged_mentions} reports merged across articles) "
               f"in {s.seconds:.1f}s")


@click.command()
@_DB
@click.option("--since", help="First day (YYYY-MM-DD).")
@click.option("--until", help="Last day (YYYY-MM-DD).")
@click.option("--country", help="Country: ISO alpha-2/alpha-3 code or name.")
@click.option("--type", "etype", help="PLOVER event type, e.g. ASSAULT.")
@click.option("--actor", help="Actor or recipient name/code (substring).")
@click.option("--near", help="LAT,LON,KM: events within KM kilometres.")
@click.option("--min-sources", type=int, help="Only events reported by at least N independent sources.")
@click.option("--limit", type=int, help="At most N events.")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "jsonl", "csv", "geojson", "parquet", "acled-csv", "plover-jsonl"]),
              help="Output: a table, the event record as JSONL, flat CSV, GeoJSON, Parquet, "
                   "ACLED-compatible CSV or PLOVER JSONL.")
@click.option("--output", "-o", help="Write to this file (required for parquet).")
@click.option("--include-rejected", is_flag=True,
              help="Also list the events held back at ingest (irrelevant article, no political actor, wrong trigger "
                   "sense, generic statement, low confidence), each with its reason.")
def events(db, since, until, country, etype, actor, near, min_sources, limit, fmt, output, include_rejected) -> None:
    """List deduplicated events, filtered, in a table or an export format."""
    from ..export import WRITERS, write_parquet
    from ..store.queries import EventQuery, find_events, parse_near

    q = EventQuery(since=since, until=until, country=country, type=etype, actor=actor,
                   near=parse_near(near) if near else None, min_sources=min_sources, limit=limit)
    with _open(db) as store:
        evs = find_events(store, q)
        held = store.held_events(limit) if include_rejected else []
    if include_rejected:
        held = [(e, why) for e, why in held if not etype or e.event_type == etype.upper()]
    if fmt == "table":
        _table(evs)
        if include_rejected:
            _held_table(held)
        return
    if include_rejected and fmt == "jsonl" and not output:
        WRITERS[fmt](evs, sys.stdout)
        for ev, why in held:
            sys.stdout.write(json.dumps({**ev.to_json(), "held": why}, ensure_ascii=False) + "\n")
        return
    if fmt == "parquet":
        if not output:
            raise StoreError("parquet needs --output FILE", hint="e.g. --format parquet -o events.parquet")
        n = write_parquet(evs, output)
        click.echo(f"wrote {n} events to {output}", err=True)
        return
    if output:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            n = WRITERS[fmt](evs, fh)
        click.echo(f"wrote {n} events to {output}", err=True)
    else:
        WRITERS[fmt](evs, sys.stdout)


def _held_table(held) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"held back: {len(held)} events")
    for col in ("article", "type", "trigger", "conf", "why"):
        t.add_column(col)
    for ev, why in held:
        t.add_row(ev.article_id[:18], ev.event_type, ev.trigger or "", f"{ev.confidence:.2f}", why[:110])
    Console(width=None if sys.stdout.isatty() else 200).print(t)


def _place(loc) -> str:
    if loc is None:
        return ""
    name = loc.name or loc.text
    if not loc.country_code or name == loc.country_code:
        return name
    return f"{name}, {loc.country_code}"


def _fig(c) -> str:
    if c is None:
        return ""
    s = str(c.best)
    if c.low != c.high:
        s += f" ({c.low}-{c.high})"
    return s


def _table(evs, width: Optional[int] = None) -> None:
    """Events as a table that fits the terminal: narrow terminals drop the actor columns, never cut ids."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console(width=width) if width else Console()
    w = console.width
    wide, medium = w >= 130, w >= 100
    t = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    t.add_column("id", no_wrap=True, min_width=19)
    t.add_column("date", no_wrap=True)
    t.add_column("type", no_wrap=True, max_width=12, overflow="ellipsis")
    t.add_column("place", overflow="ellipsis", no_wrap=True, max_width=28 if wide else 18)
    if medium:
        t.add_column("actor", overflow="ellipsis", no_wrap=True, max_width=24 if wide else 14)
    if wide:
        t.add_column("recipient", overflow="ellipsis", no_wrap=True, max_width=24)
    t.add_column("dead", no_wrap=True, justify="right")
    if medium:
        t.add_column("inj", no_wrap=True, justify="right")
    t.add_column("src", no_wrap=True, justify="right")
    for ev in evs:
        row = [ev.id, ev.date.value if ev.date and ev.date.value else "", ev.event_type, _place(ev.location)]
        if medium:
            row.append(", ".join(e.name or e.text for e in ev.actor))
        if wide:
            row.append(", ".join(e.name or e.text for e in ev.recipient))
        row.append(_fig(ev.size.dead) + ("!" if ev.size_conflict else ""))
        if medium:
            row.append(_fig(ev.size.injured))
        row.append(str(ev.n_sources))
        t.add_row(*row)
    console.print(t)
    if not wide:
        click.echo(f"(terminal of {w} columns: some columns left out; --format csv or `whimbrel serve` show all)")
    click.echo(f"{len(evs)} events")


@click.command()
@click.argument("event_id")
@_DB
@click.option("--json", "as_json", is_flag=True, help="Print the stored record as JSON.")
def show(event_id: str, db: Optional[str], as_json: bool) -> None:
    """Show one event: its merged reports, their sources, figures and the scores that linked them.

    EVENT_ID is an event id (we:...) or the id of one of its reports (ev:...).
    """
    with _open(db) as store:
        ev = store.get_event(event_id)
        if ev is None:
            raise StoreError(f"no event {event_id!r} in {store.path}",
                             hint="List ids with `whimbrel events`.")
        arts = {a: store.get_article(a) for a in ev.article_ids}
    if as_json:
        click.echo(ev.model_dump_json(indent=2))
        return
    loc = ev.location
    click.echo(f"{ev.id}  {ev.event_type}{'/' + ev.mode if ev.mode else ''}  "
               f"{ev.date.value if ev.date else '?'}  "
               f"{_place(loc) or 'place unknown'}")
    click.echo(f"  actors: {', '.join(e.name or e.text for e in ev.actor) or '-'}; "
               f"recipients: {', '.join(e.name or e.text for e in ev.recipient) or '-'}")
    for f in ("dead", "injured", "arrested"):
        c = getattr(ev.size, f)
        if c is not None:
            click.echo(f"  {f}: best {c.best} (range {c.low}-{c.high})")
    if ev.size_conflict:
        click.echo("  size_conflict: reports disagree:")
        for r in ev.size_reports:
            who = f", says {r.claimant}" if r.claimant else ""
            click.echo(f"    {r.field} {_figure(r.count)} — {r.source} ({r.article_id}{who}){' hedged' if r.hedged else ''}")
    click.echo(f"  {ev.n_articles} articles, {ev.n_sources} sources, reported {ev.first_reported} .. {ev.last_reported}")
    for c in ev.claims:
        who = (c.claimant.name or c.claimant.text) if c.claimant else "?"
        via = f" via {c.via.name or c.via.text}" if c.via else ""
        click.echo(f"  claim: {who}{via} — {c.text}{' (hedged: ' + (c.hedge or c.text) + ')' if c.hedged else ''}")
    click.echo("  merged reports:")
    for link in ev.links:
        a = arts.get(link.article_id)
        head = f"{a.publisher or '?'} {a.published or ''} {(a.title or '')[:60]}" if a else ""
        if link.linked_to is None:
            click.echo(f"    {link.mention_id} [{link.article_id}] {head}  (first report)")
        else:
            why = ", ".join(f"{k}={v:g}" for k, v in link.reasons.items())
            click.echo(f"    {link.mention_id} [{link.article_id}] {head}\n"
                       f"      linked to {link.linked_to} score {link.score:g} ({why})")


@click.command()
@_DB
@click.option("--country", help="Country: ISO code or name.")
@click.option("--dyad", help="A:B — events between actors A and B (either direction).")
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="day", show_default=True,
              help="Width of the time buckets.")
@click.option("--since", help="First day (YYYY-MM-DD).")
@click.option("--until", help="Last day (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per period.")
def trend(db, country, dyad, by, since, until, as_json) -> None:
    """Event counts, mean intensity and fatalities over time."""
    from ..store.queries import trend as run_trend

    pair = None
    if dyad:
        if ":" not in dyad:
            raise StoreError(f"--dyad wants A:B, got {dyad!r}", hint="e.g. --dyad Russia:Ukraine")
        a, b = dyad.split(":", 1)
        pair = (a.strip(), b.strip())
    with _open(db) as store:
        points = run_trend(store, country=country, dyad=pair, by=by, since=since, until=until)
    for p in points:
        if as_json:
            click.echo(json.dumps(p.__dict__))
        else:
            mi = "" if p.mean_intensity is None else f"{p.mean_intensity:+.2f}"
            click.echo(f"{p.period}  {p.events:5d} events  intensity {mi:>6}  fatalities {p.fatalities}")


def _figure(count) -> str:  # type: ignore[no-untyped-def]
    """One report's figure as words: its best, else its bounds ("up to 20", "at least 3")."""
    if count.best is not None:
        return str(count.best)
    if count.low is not None and count.high is not None:
        return f"{count.low}-{count.high}"
    if count.high is not None:
        return f"up to {count.high}"
    return f"at least {count.low}" if count.low is not None else "unknown"


commands = [ingest, events, show, trend]
