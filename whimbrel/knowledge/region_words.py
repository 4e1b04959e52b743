"""Words that stand for a region: the demonyms of first-level divisions and named regions
("Chechen", "Dagestani", "Catalan"), and English names of divisions that GeoNames spells
otherwise ("Ingushetia").  The list is ``data/region_words.tsv`` (``kind<TAB>alpha2<TAB>indexed
name<TAB>word``, kind ``demonym`` or ``alias``); :func:`apply_region_words` adds it to a gazetteer
build once its divisions and regions are in."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable

REGION_WORDS_FILE = "data/region_words.tsv"
KINDS = ("demonym", "alias")


def parse_region_words(lines: Iterable[str]) -> list[tuple[str, str, str, str]]:
    """``(kind, alpha2, region, word)`` rows; comments, blank and malformed lines skipped."""
    out = []
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 4 or parts[0] not in KINDS or not all(parts):
            continue
        out.append((parts[0], parts[1].upper(), parts[2], parts[3]))
    return out


def _read() -> str:
    try:
        return resources.files("whimbrel.knowledge").joinpath(REGION_WORDS_FILE).read_text(encoding="utf-8")
    except OSError:
        return ""


@lru_cache(maxsize=1)
def region_words() -> tuple[tuple[str, str, str, str], ...]:
    """The shipped rows."""
    return tuple(parse_region_words(_read().splitlines()))


def words_tag() -> str:
    """A short hash of the shipped list, for the gazetteer's data version."""
    return "regionwords=" + hashlib.sha1(_read().encode("utf-8")).hexdigest()[:12]


def apply_region_words(builder: Any, normalise: Callable[[str], str],
                       rows: Iterable[tuple[str, str, str, str]] | None = None) -> int:
    """Add each row to ``builder`` (a gazetteer build: ``places``, ``names``, ``demonyms``): the
    word becomes a demonym (or a main name) of the division or region (ADM1/RGN) of that name in
    that country.  A row whose region is not indexed is skipped, and a demonym already taken (by a
    country) keeps its place.  Returns the number of rows applied."""
    rows = region_words() if rows is None else rows
    wanted = {(cc, normalise(region)) for _, cc, region, _ in rows}
    found: dict[tuple[str, str], int] = {}
    for norm, pid in builder.names:
        place = builder.places.get(pid)
        if place is None or place[4] not in ("ADM1", "RGN"):
            continue
        key = (place[2] or "", norm)
        if key in wanted and (key not in found or builder.names[(norm, pid)] == 1):
            found[key] = pid
    applied = 0
    for kind, cc, region, word in rows:
        pid = found.get((cc, normalise(region)))
        if pid is None:
            continue
        if kind == "alias":
            builder.name(word, pid, 1)
        elif normalise(word) not in builder.demonyms:
            builder.demonyms[normalise(word)] = pid
        else:
            continue
        applied += 1
    return applied
