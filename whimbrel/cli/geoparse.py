"""`whimbrel geoparse`: every toponym of the input articles, resolved offline."""

from __future__ import annotations

import json
from typing import Any, Iterator

import click

from ..errors import InputError
from ..records import Article, Place, Skip

FIELDS = ("article_id", "text", "start", "end", "geonameid", "name", "lat", "lon", "country_code",
          "feature_code", "kind")


def toponym_rows(paths: list[str], settings: Any, nlp: Any = None, geoparser: Any = None) -> Iterator[dict[str, Any] | Skip]:
    """Read, clean, parse and geoparse ``paths``: one dict per toponym, or a :class:`Skip`."""
    from ..knowledge.gazetteer import SQLiteGazetteer
    from ..knowledge.geoparse import Geoparser
    from ..stages.clean import CleanStage
    from ..stages.nlp import load_model
    from ..stages.read import read_paths

    from pathlib import Path

    if nlp is None:
        nlp = load_model(settings.spacy_model)
    if geoparser is None:
        geoparser = Geoparser(SQLiteGazetteer(Path(settings.data_dir) / "gazetteer.sqlite"))
    cleaner = CleanStage(settings, check_language=False)
    for item in read_paths(paths, settings):
        if isinstance(item, Skip):
            yield item
            continue
        article: Article = item
        try:
            text = cleaner.clean(article)
        except InputError as err:
            yield Skip.from_error(err, article.origin or article.id, article.id)
            continue
        places: list[Place] = geoparser.parse(nlp(text))
        for p in places:
            row = p.to_json()
            row["article_id"] = article.id
            yield {k: row.get(k) for k in FIELDS}


@click.command("geoparse")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="JSON Lines (one object per toponym) or a table.")
@click.option("--data-dir", default=None, help="Where the gazetteer index is built (setting data_dir).")
def geoparse(paths: tuple[str, ...], fmt: str, data_dir: str | None) -> None:
    """Find and resolve the place names of articles (no server, no GPU).

    PATHS are read like `whimbrel extract` reads them (files, folders, feeds, `-`
    for stdin).  Each toponym becomes one JSON object {article_id, text, start,
    end, geonameid, name, lat, lon, country_code, feature_code, kind}; offsets
    index the cleaned text.  Skipped inputs are reported on stderr.
    """
    from ..settings import load

    settings = load({"data_dir": data_dir})
    rows: list[dict[str, Any]] = []
    for item in toponym_rows(list(paths), settings):
        if isinstance(item, Skip):
            click.echo(f"skipped {item.origin}: [{item.code}] {item.reason}", err=True)
            continue
        if fmt == "jsonl":
            click.echo(json.dumps(item, ensure_ascii=False))
        else:
            rows.append(item)
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table()
        for col in ("article", "text", "kind", "name", "country", "code", "geonameid", "lat", "lon"):
            table.add_column(col)
        for r in rows:
            table.add_row(str(r["article_id"])[:18], r["text"], r["kind"], r["name"] or "", r["country_code"] or "",
                          r["feature_code"] or "", str(r["geonameid"] or ""),
                          "" if r["lat"] is None else f"{r['lat']:.3f}", "" if r["lon"] is None else f"{r['lon']:.3f}")
        Console().print(table)


commands = [geoparse]
