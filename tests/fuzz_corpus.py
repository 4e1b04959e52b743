"""A corpus of nasty input files, made in code (nothing big is committed).

:func:`write_corpus` writes every file of :data:`NASTY` into a folder; each entry says what
the readers must answer for it: the error codes of its skips (in order) and how many
articles must still be read from it.  ``tests/test_issue14_fuzz.py`` runs the readers
(``read_paths`` as ``extract``/``ingest`` use it, and ``iter_file`` as ``batch`` does)
over the corpus.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

STORY = "Gunmen killed five people in a village near Kano on Monday, police said."


@dataclass(frozen=True)
class Nasty:
    name: str
    make: Callable[[], bytes]
    codes: tuple[str, ...]  # the skips' codes, in order ("" for none)
    articles: int  # articles still read from the file
    warnings: tuple[str, ...] = ()  # warning codes carried by its articles


def _random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _deep_html(levels: int, closed: bool = True) -> bytes:
    body = b"<div>" * levels + STORY.encode() + (b"</div>" * levels if closed else b"")
    return b"<html><body>" + body + b"</body></html>"


def _entity_bomb_html(n: int) -> bytes:
    return b"<html><body><p>" + STORY.encode() + b" " + b"&amp;&lt;&#65;&#x42;" * n + b"</p></body></html>"


def _billion_laughs_feed() -> bytes:
    ents = b'<!ENTITY l0 "lol">' + b"".join(
        b'<!ENTITY l%d "%s">' % (i, (b"&l%d;" % (i - 1)) * 10) for i in range(1, 10))
    return (b'<?xml version="1.0"?>\n<!DOCTYPE rss [' + ents + b']>\n<rss version="2.0"><channel><title>t</title>'
            b"<item><title>x</title><description>" + STORY.encode() + b" &l9;</description></item></channel></rss>")


def _feed(items: int) -> bytes:
    body = b"".join(b"<item><title>T%d</title><description>%s</description></item>" % (i, STORY.encode())
                    for i in range(items))
    return b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>' + body + b"</channel></rss>"


def _atom_bad_dates() -> bytes:
    entry = ('<entry><id>urn:x:{i}</id><title>T</title><updated>{d}</updated>'
             '<summary>' + STORY + '</summary></entry>')
    dates = ["2024-02-31T10:00:00Z", "0000-01-01T00:00:00Z", "not a date", "2024-03-05T10:00:00Z"]
    body = "".join(entry.format(i=i, d=d) for i, d in enumerate(dates))
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            + body + "</feed>").encode()


def _jsonl(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


_OK = '{"id": "ok", "text": "%s", "published": "2024-03-05"}' % STORY

NASTY: tuple[Nasty, ...] = (
    Nasty("empty.txt", lambda: b"", ("E201",), 0),
    Nasty("empty.html", lambda: b"", ("E201",), 0),
    Nasty("empty.json", lambda: b"", ("E201",), 0),
    Nasty("empty.jsonl", lambda: b"", ("E201",), 0),
    Nasty("empty.rss", lambda: b"", ("E201",), 0),
    Nasty("spaces.txt", lambda: b" \n\t \r\n", ("E201",), 0),
    Nasty("binary.txt", lambda: b"\x00" + _random_bytes(4096, 1), ("E202",), 0),
    Nasty("binary.jsonl", lambda: b"\x00" + _random_bytes(4096, 2), ("E202",), 0),
    Nasty("binary.html", lambda: b"\x00" + _random_bytes(4096, 3), ("E202",), 0),
    Nasty("bad-utf8.txt", lambda: STORY.encode()[:20] + b"\xff\xfe\xfa" + STORY.encode()[20:], ("E203",), 0),
    Nasty("bad-utf8.jsonl", lambda: b'{"id": "x", "text": "caf\xff"}\n' + _jsonl(_OK), ("E203",), 1),
    Nasty("utf16-bom.txt", lambda: STORY.encode("utf-16"), (), 1),
    Nasty("utf16le-no-bom.txt", lambda: STORY.encode("utf-16-le"), ("E203",), 0),
    Nasty("utf16be-no-bom.txt", lambda: STORY.encode("utf-16-be"), ("E203",), 0),
    Nasty("utf16-bom.jsonl", lambda: _jsonl(_OK).decode().encode("utf-16"), ("E203",), 0),
    Nasty("utf16-no-bom.jsonl", lambda: _jsonl(_OK).decode().encode("utf-16-le"), ("E203",), 0),
    Nasty("deep.html", lambda: _deep_html(100_000), ("E205",), 0),
    Nasty("deep-unclosed.html", lambda: _deep_html(100_000, closed=False), ("E205",), 0),
    Nasty("entity-bomb.html", lambda: _entity_bomb_html(100_000), (), 1),
    Nasty("billion-laughs.rss", _billion_laughs_feed, (), 1),
    Nasty("many-items.rss", lambda: _feed(100_000), ("E205",), 0),
    Nasty("bad-dates.atom", _atom_bad_dates, (), 4, ("E208", "E208", "E208")),
    Nasty("huge-number.json", lambda: b'{"id": "h", "text": "' + STORY.encode() + b'", "n": ' + b"9" * 100_000 + b"}",
          ("E204",), 0),
    Nasty("huge-numbers.jsonl", lambda: _jsonl(
        '{"id": "h", "text": "x", "n": %s}' % ("9" * 50_000),
        '{"id": 1e999, "text": "%s", "published": 1e400}' % STORY,
        '{"id": 123456789012345678901234567890, "text": "%s"}' % STORY,
        _OK), ("E204",), 3, ("E208",)),
    Nasty("deep.jsonl", lambda: _jsonl("[" * 100_000 + "]" * 100_000, "{" + '"a":{' * 50_000 + "}" * 50_001, _OK),
          ("E204", "E204"), 1),
    Nasty("duplicate-keys.jsonl", lambda: _jsonl(
        '{"id": "d", "text": "%s", "text": "Police arrested two men."}' % STORY,
        '{"id": "d2", "text": "%s", "extra": 1, "extra": 2}' % STORY, _OK), ("E204",), 2),
    Nasty("bad-dates.jsonl", lambda: _jsonl(*[
        '{"id": "d%d", "text": "%s", "published": %s}' % (i, STORY, v) for i, v in enumerate(
            ['"2024-02-31"', '"not a date"', '"0000-01-01"', '"2999-01-01"', '"2023-02-29"', "20240131",
             '["2024-01-01"]', '"2024-03-05"'])]), (), 8, ("E208",) * 7),
    Nasty("not-json.jsonl", lambda: _jsonl("{", "[1, 2]", '"text"', "null", '{"text": 5}', _OK),
          ("E204",) * 5, 1),
    Nasty("truncated.html", lambda: b"<html><body><p>" + STORY.encode() + b'<p class="le', ("E207",), 0),
    Nasty("tags-only.html", lambda: b"<html><body><div><span></span></div></body></html>", ("E207",), 0),
    Nasty("not-a-feed.rss", lambda: b"this is not xml at all " * 10, ("E204",), 0),
    Nasty("nul-in-record.jsonl", lambda: _jsonl('{"id": "n", "text": "a\\u0000b"}', _OK), ("E202",), 1),
)


def write_corpus(folder: Path) -> dict[str, Nasty]:
    """Write every :data:`NASTY` file into ``folder``; their entries by file name."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in NASTY:
        (folder / n.name).write_bytes(n.make())
    return {n.name: n for n in NASTY}


def write_long_line(path: Path, size: int) -> None:
    """A JSON-lines file whose first line is one record of ``size`` bytes, then a good record,
    written in blocks (never held whole in memory)."""
    block = b"a" * (1 << 20)
    with open(path, "wb") as fh:
        fh.write(b'{"id": "long", "text": "')
        left = size
        while left > 0:
            fh.write(block[: min(left, len(block))])
            left -= len(block)
        fh.write(b'"}\n' + _OK.encode() + b"\n")
    assert os.path.getsize(path) > size


__all__ = ["NASTY", "Nasty", "STORY", "write_corpus", "write_long_line"]
