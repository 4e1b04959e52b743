"""Load GeoNames dump files that a user downloaded into the offline gazetteer index.

GeoNames publishes every place it knows as tab-separated text: ``allCountries.zip`` and one
``XX.zip`` per country (each holding ``XX.txt``), 19 columns a line — geonameid, name,
asciiname, alternatenames (comma-separated), latitude, longitude, feature class, feature
code, country code, cc2, admin1 code, admin2 code, admin3 code, admin4 code, population,
elevation, dem, timezone, modification date.

:func:`import_geonames` reads such files (``.zip`` or plain ``.txt``) and keeps the populated
places (feature class ``P``, except historical, abandoned and destroyed ones) and the first-
and second-level administrative divisions (``ADM1``, ``ADM2``).  They go into the user's
SQLite index (:class:`~whimbrel.knowledge.gazetteer.SQLiteGazetteer`), survive its rebuilds,
and make every village of the countries imported resolvable offline.  A line that is not in
this format is reported with its file and line number and skipped; the rest of the file and
the other files are still loaded.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

from ..errors import InputError, MalformedRecord
from .gazetteer import SQLiteGazetteer

N_COLUMNS = 19
"""Columns of a GeoNames dump line (the ``geoname`` table)."""

SKIPPED_CODES = frozenset({"PPLH", "PPLQ", "PPLW", "PPLCH"})
"""Populated-place codes not imported: historical, abandoned, destroyed places and former capitals."""

ADMIN_CODES = frozenset({"ADM1", "ADM2"})
BATCH = 20_000


@dataclass
class ImportReport:
    """What one import did: places read and new, lines skipped as out of scope, and bad lines."""

    files: list[str] = field(default_factory=list)
    rows: int = 0
    new: int = 0
    out_of_scope: int = 0
    errors: list[InputError] = field(default_factory=list)


def _lines(path: Path) -> Iterator[tuple[str, int, str]]:
    """``(origin name, line number, line)`` of a dump file: a ``.zip`` (each ``.txt`` member but
    ``readme.txt``) or a plain text file."""
    if path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise InputError(f"{path} is not a readable zip archive: {exc}",
                             hint="Download the GeoNames file again (allCountries.zip or XX.zip).") from exc
        with archive:
            members = [m for m in archive.namelist() if m.lower().endswith(".txt") and Path(m).name.lower() != "readme.txt"]
            if not members:
                raise InputError(f"{path} holds no .txt dump file", hint="A GeoNames XX.zip holds XX.txt.")
            for member in members:
                with archive.open(member) as raw:
                    for n, line in enumerate(io.TextIOWrapper(raw, encoding="utf-8", errors="replace"), 1):
                        yield f"{path}:{member}", n, line
        return
    with open(path, encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            yield str(path), n, line


def parse_line(line: str, origin: str, lineno: int) -> Optional[tuple[Any, ...]]:
    """One dump line as an ``imported`` row (:data:`~whimbrel.knowledge.gazetteer.IMPORTED_COLUMNS`
    order), None when the place is out of scope (not a populated place or ADM1/ADM2).

    Raises :class:`~whimbrel.errors.MalformedRecord` naming the file and line when the line is
    not in GeoNames' format."""
    cols = line.rstrip("\r\n").split("\t")
    where = f"{origin}, line {lineno}"
    if len(cols) != N_COLUMNS:
        raise MalformedRecord(f"{len(cols)} tab-separated columns, expected {N_COLUMNS}",
                              hint="Give GeoNames dump files (allCountries.zip, XX.zip or their .txt).",
                              origin=where)
    fclass, fcode = cols[6], cols[7]
    if not ((fclass == "P" and fcode not in SKIPPED_CODES) or (fclass == "A" and fcode in ADMIN_CODES)):
        return None
    try:
        gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
        pop = int(cols[14]) if cols[14] else 0
    except ValueError as exc:
        raise MalformedRecord(f"bad number ({exc})",
                              hint="geonameid, latitude, longitude and population must be numbers.",
                              origin=where) from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not cols[1] or len(cols[8]) != 2:
        raise MalformedRecord("no name, no two-letter country code or coordinates out of range",
                              hint="Give GeoNames dump files (allCountries.zip, XX.zip or their .txt).",
                              origin=where)
    return (gid, cols[1], cols[2], cols[3], cols[8].upper(), cols[10], fcode or "PPL", lat, lon, pop, origin)


def import_geonames(paths: list[str], gazetteer: Optional[SQLiteGazetteer] = None) -> ImportReport:
    """Load GeoNames dump files into the gazetteer index (the default one in the data dir).

    A missing or unreadable file, and each bad line, is recorded in the report's ``errors``
    and skipped; the other files and lines are loaded."""
    gz = gazetteer or SQLiteGazetteer()
    report = ImportReport()
    for name in paths:
        path = Path(name)
        batch: list[tuple[Any, ...]] = []
        try:
            if not path.is_file():
                raise InputError(f"{path}: no such file", hint="Give the path of a downloaded GeoNames dump file.")
            for origin, lineno, line in _lines(path):
                if not line.strip():
                    continue
                try:
                    row = parse_line(line, origin, lineno)
                except MalformedRecord as err:
                    report.errors.append(err)
                    continue
                if row is None:
                    report.out_of_scope += 1
                    continue
                batch.append(row)
                if len(batch) >= BATCH:
                    report.new += gz.add_imported(batch)
                    report.rows += len(batch)
                    batch = []
        except (InputError, OSError) as err:
            report.errors.append(err if isinstance(err, InputError)
                                 else InputError(f"{path}: {err}", hint="Check the file's path and permissions."))
        if batch:
            report.new += gz.add_imported(batch)
            report.rows += len(batch)
        report.files.append(str(path))
    return report


__all__ = ["ImportReport", "N_COLUMNS", "import_geonames", "parse_line"]
