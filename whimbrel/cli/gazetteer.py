"""`whimbrel gazetteer import`: load downloaded GeoNames dump files into the offline gazetteer."""

from __future__ import annotations

from pathlib import Path

import click


@click.group("gazetteer")
def gazetteer() -> None:
    """The offline gazetteer index (GeoNames data in SQLite, in the data dir)."""


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True)
@click.option("--data-dir", default=None, help="Where the gazetteer index lives (setting data_dir).")
def import_cmd(files: tuple[str, ...], data_dir: str | None) -> None:
    """Load GeoNames dump files (allCountries.zip, XX.zip or their .txt) into the gazetteer.

    Keeps populated places (feature class P, except historical, abandoned and destroyed
    ones) and ADM1/ADM2 divisions, with their Latin-script alternate names, so that every
    village of the countries imported resolves offline.  Imported places are kept when the
    index is rebuilt.  Bad lines are reported on stderr with their file and line and skipped.
    """
    from ..knowledge.gazetteer import SQLiteGazetteer
    from ..knowledge.gazetteer_import import import_geonames
    from ..settings import load

    settings = load({"data_dir": data_dir})
    gz = SQLiteGazetteer(Path(settings.data_dir) / "gazetteer.sqlite")
    report = import_geonames(list(files), gz)
    for err in report.errors[:50]:
        click.echo(f"skipped {err}", err=True)
    if len(report.errors) > 50:
        click.echo(f"... and {len(report.errors) - 50} more bad lines", err=True)
    click.echo(f"{report.rows} places read from {len(report.files)} file(s), {report.new} new in {gz.path}; "
               f"{report.out_of_scope} lines out of scope, {len(report.errors)} bad")
    if report.errors and not report.rows:
        raise SystemExit(3)


commands = [gazetteer]
