"""Reading inputs: files, folders, feeds and stdin → :class:`Article` or :class:`Skip`.

:func:`read_paths` is the one entry point.  A PATH may be

* ``-``: standard input (JSON Lines when it starts with ``{``, a JSON array when
  it starts with ``[``, HTML when it starts with ``<``, plain text otherwise);
* a ``.txt`` file (one article), an ``.html``/``.htm`` page (one article);
* a ``.json`` file (one record object or an array of records);
* a ``.jsonl`` or ``.jsonl.gz`` file of records, one per line;
* an RSS or Atom feed (``.rss``, ``.atom``, ``.xml``), one article per entry;
* a directory, walked recursively in sorted order for the extensions above.

A *record* is a JSON object ``{id?, title?, text | html, published?, url?,
publisher?, language?}``; other fields are ignored.

Bad input never stops the batch: every input that cannot be used becomes a
:class:`Skip` carrying the error code and one-line reason of the matching
:mod:`whimbrel.errors` class (E201 empty, E202 binary, E203 not UTF-8, E204
malformed record, E205 too large, E207 no text in a page or a truncated page).

``Article.text`` is the raw text (or HTML) as read; the clean stage
(:mod:`whimbrel.stages.clean`) replaces it with the cleaned text.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from pathlib import Path
from typing import Any, BinaryIO, Iterator, Optional, Sequence, Union

from ..errors import (
    BadDate,
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    MalformedRecord,
    NoMainText,
    TooLarge,
)
from ..records import Article, Note, Skip
from ..settings import Settings
from .pubdate import normalise_date, read_published

Item = Union[Article, Skip]

TEXT_EXT = (".txt",)
HTML_EXT = (".html", ".htm")
JSON_EXT = (".json",)
JSONL_EXT = (".jsonl", ".jsonl.gz")
FEED_EXT = (".rss", ".atom", ".xml")
KNOWN_EXT = TEXT_EXT + HTML_EXT + JSON_EXT + JSONL_EXT + FEED_EXT

_RECORD_FIELDS = ("id", "title", "text", "html", "published", "url", "publisher", "language")
_STR_FIELDS = ("title", "url", "publisher", "language")
_TAG = re.compile(r"<[^>]*>")
_TITLE_OPEN = re.compile(r"<title[^>]*>", re.I)
_TITLE_CLOSE = re.compile(r"</title>", re.I)

# ---- bounds (docs/robustness.md): every reader stops at these, with a clear error naming the input
MAX_FEED_ITEMS = 10_000
"""A feed with more items (or entries) is refused (E205) before it is parsed."""
MAX_JSON_DIGITS = 4_000
"""A JSON number with more digits makes its record malformed (E204): no field needs one."""
MAX_HTML_DEPTH = 5_000
"""A page whose tags nest deeper (void and optional-close tags not counted) is refused (E205)."""
_SCRIPT = re.compile(r"<(script|style)\b.*?(</\1>|$)", re.I | re.S)


# --------------------------------------------------------------------------- errors → skips


def skip_from(err: InputError, origin: str) -> Skip:
    """The :class:`Skip` record for an input error (its origin wins when it has one).

    ``reason`` is ``str(err)``, the one line the CLI prints, origin included.
    """
    if not err.origin:
        err.origin = origin
    return Skip.from_error(err, origin)


# --------------------------------------------------------------------------- dates


def date_note(value: Any, origin: str, where: str = "") -> tuple[Optional[str], tuple[Note, ...]]:
    """A record's ``published`` value read by :func:`~whimbrel.stages.pubdate.read_published`:
    the day, and the E208 warning (naming ``origin``) when a given value was refused."""
    got = read_published(value)
    if got.problem is None:
        return got.value, ()
    prefix = f"{where}: " if where else ""
    return None, (Note(code=BadDate.code, field="published", origin=origin,
                       message=f"{prefix}field 'published': {got.problem}; the article is read as undated",
                       hint=BadDate.hint),)


# --------------------------------------------------------------------------- decoding


def decode_bytes(data: bytes) -> str:
    """Decode an input's bytes as UTF-8 (with or without BOM, or UTF-16 with BOM).

    Raises :class:`EmptyInput`, :class:`BinaryInput` or :class:`EncodingError`;
    never guesses a legacy encoding, so nothing is silently garbled.
    """
    if not data.strip():
        raise EmptyInput("file is empty" if not data else "file holds only whitespace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError(f"UTF-16 byte-order mark but undecodable text ({exc.reason})") from exc
    head = data[:8192]
    if b"\x00" in head:
        order = utf16_without_bom(head)
        if order:
            code = "utf-16le" if order == "little-endian" else "utf-16be"
            raise EncodingError(f"looks like UTF-16 ({order}) without a byte-order mark",
                                hint=f"Convert the file to UTF-8 (e.g. iconv -f {code} -t utf-8), or save it with a BOM.")
        raise BinaryInput("binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            bad = data[exc.start : exc.start + 1]
            controls = sum(1 for b in head if b < 9 or 13 < b < 32)
            if controls > len(head) * 0.05:
                raise BinaryInput("binary data, not text") from exc
            raise EncodingError(
                f"not UTF-8: byte 0x{bad.hex()} at offset {exc.start} "
                "(the file may be Latin-1 or Windows-1252)"
            ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise BinaryInput("binary data (NUL characters), not text")
    if not text.strip():
        raise EmptyInput("file holds only whitespace")
    return text


def utf16_without_bom(head: bytes) -> Optional[str]:
    """'little-endian' or 'big-endian' when ``head`` reads as UTF-16 text without a BOM
    (NUL in every other byte, mostly), else None."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    for nuls, other, order in ((odd, even, "little-endian"), (even, odd, "big-endian")):
        if nuls.count(0) >= 0.9 * len(nuls) and other.count(0) <= 0.1 * len(other):
            try:
                text = head[: len(head) // 2 * 2].decode("utf-16-le" if order == "little-endian" else "utf-16-be")
            except UnicodeDecodeError:
                return None
            return order if sum(c.isprintable() or c.isspace() for c in text) >= 0.95 * len(text) else None
    return None


def _read_limited(fh: BinaryIO, limit: int, what: str) -> bytes:
    """Read at most ``limit`` bytes; raise :class:`TooLarge` if there is more."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"{what} is larger than max_bytes={limit:,} bytes")
    return data


def _read_file(path: Path, settings: Settings) -> bytes:
    """The bytes of a file, refusing (without reading) one over ``max_bytes``."""
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise TooLarge(f"file is {size:,} bytes, over max_bytes={settings.max_bytes:,}")
    if path.name.lower().endswith(".gz"):
        try:
            with gzip.open(path, "rb") as fh:
                return _read_limited(fh, settings.max_bytes, "decompressed file")
        except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError
            raise MalformedRecord(f"not a readable gzip file ({exc})") from exc
    with open(path, "rb") as fh:
        return _read_limited(fh, settings.max_bytes, "file")


# --------------------------------------------------------------------------- records


def _parse_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_JSON_DIGITS:
        raise MalformedRecord(f"a JSON number of {len(digits):,} digits (over {MAX_JSON_DIGITS:,})")
    return int(digits)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen and key in _RECORD_FIELDS:
            raise MalformedRecord(f"the key {key!r} appears twice in one object (which one is meant?)")
        seen.add(key)
    return dict(pairs)


def load_json(text: str) -> Any:
    """``json.loads`` with the readers' rules: numbers of more than :data:`MAX_JSON_DIGITS`
    digits, a record field given twice and nesting too deep for the parser are
    :class:`MalformedRecord` (the message says which), never a crash."""
    try:
        return json.loads(text, parse_int=_parse_int, object_pairs_hook=_object)
    except RecursionError as exc:
        raise MalformedRecord("invalid JSON: nested too deeply to read") from exc
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # e.g. Python's limit on the digits of an integer
        raise MalformedRecord(f"invalid JSON: {str(exc)[:120]}") from exc


def record_to_article(
    rec: Any, origin: str, *, published: Optional[str] = None, where: str = ""
) -> Article:
    """Build an :class:`Article` from one JSON record, or raise an :class:`InputError`."""
    prefix = f"{where}: " if where else ""
    if not isinstance(rec, dict):
        raise MalformedRecord(
            f"{prefix}expected a JSON object, got {type(rec).__name__}", origin=origin
        )
    text = rec.get("text")
    html = rec.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise MalformedRecord(
                f"{prefix}field {name!r} must be a string, got {type(value).__name__}",
                origin=origin,
            )
    body = text if (text and text.strip()) else html
    if text is None and html is None:
        raise MalformedRecord(f"{prefix}record has neither 'text' nor 'html'", origin=origin)
    if not body or not body.strip():
        raise EmptyInput(f"{prefix}record has an empty text", origin=origin)
    if "\x00" in body:
        raise BinaryInput(f"{prefix}text holds NUL characters", origin=origin)
    if body is html:
        why = html_truncation(body)
        if why:
            raise NoMainText(f"{prefix}field 'html': {why}", origin=origin)
        if html_depth(body) > MAX_HTML_DEPTH:
            raise TooLarge(f"{prefix}field 'html' nests more than {MAX_HTML_DEPTH:,} tags deep", origin=origin)
    extra: dict[str, Optional[str]] = {}
    for name in _STR_FIELDS:
        value = rec.get(name)
        extra[name] = str(value).strip() or None if value is not None else None
    rid = rec.get("id")
    own_date, notes = date_note(rec.get("published"), origin, where)
    when = own_date or published
    # the record's own metadata only: a --published default must not change its id
    art_id = str(rid) if rid not in (None, "") else Article.content_id(
        body, extra.get("url"), extra.get("publisher"), extra.get("title"), own_date
    )
    return Article(
        id=art_id,
        text=body,
        raw=body,
        published=when,
        origin=origin,
        warnings=notes,
        **extra,
    )


def _html_title(html: str) -> Optional[str]:
    """The page's first <title>...</title> (two linear searches: a page of unclosed
    <title> tags must not cost quadratic time)."""
    m = _TITLE_OPEN.search(html)
    if not m:
        return None
    end = _TITLE_CLOSE.search(html, m.end())
    if not end:
        return None
    title = " ".join(_TAG.sub(" ", html[m.end():end.start()]).split())
    return title or None


_OPEN_OR_CLOSE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_NOT_NESTING = frozenset(
    "area base br col embed hr img input link meta param source track wbr "  # void elements
    "p li dt dd td th tr option thead tbody tfoot colgroup rb rt rp optgroup".split()  # optional end tags
)


def html_depth(html: str, limit: int = MAX_HTML_DEPTH) -> int:
    """How deep the tags of ``html`` nest (stops counting past ``limit``); linear time.

    Void elements and elements whose end tag may be left out are not counted, so the
    figure is a floor of what a parser builds; it is for refusing absurd pages only.
    """
    depth = deepest = 0
    for m in _OPEN_OR_CLOSE.finditer(html):
        if m.group(3) or m.group(2).lower() in _NOT_NESTING:
            continue
        depth = max(0, depth - 1) if m.group(1) else depth + 1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def check_html_depth(html: str) -> None:
    """Raise :class:`TooLarge` for a page nested deeper than :data:`MAX_HTML_DEPTH`."""
    if html_depth(html) > MAX_HTML_DEPTH:
        raise TooLarge(f"the HTML nests more than {MAX_HTML_DEPTH:,} tags deep (a parser would drop its text)",
                       hint="This is not an ordinary web page; check how it was made.")


_HTML_OPEN = re.compile(r"<html\b", re.I)
_HTML_CLOSE = re.compile(r"</(?:html|body)\s*>", re.I)


def html_truncation(html: str) -> Optional[str]:
    """Why ``html`` looks cut off (a one-line reason), or ``None`` when it looks whole.

    A page is truncated when it opens ``<html>`` but closes neither ``</body>``
    nor ``</html>``, or when it ends inside a tag (``<p class="le``).  Reading
    part of an article silently would lose events, so such pages are skipped.
    """
    tail = html.rstrip()
    if tail.rfind("<") > tail.rfind(">"):
        return "the HTML ends inside a tag (the page is truncated)"
    if _HTML_OPEN.search(html[:4096]) and not _HTML_CLOSE.search(html[-65536:]):
        return "the page opens <html> but never closes </body> or </html> (truncated)"
    return None


def _html_has_text(html: str) -> bool:
    return bool(_TAG.sub(" ", _SCRIPT.sub(" ", html)).strip())


def _text_article(text: str, origin: str, published: Optional[str], *, html: bool) -> Article:
    if html:
        why = html_truncation(text)
        if why:
            raise NoMainText(why, origin=origin)
        check_html_depth(text)
        if not _html_has_text(text):
            raise NoMainText("the page holds no text outside its tags", origin=origin)
    return Article(
        id=Article.content_id(text),
        text=text,
        raw=text,
        title=_html_title(text) if html else None,
        published=published,
        origin=origin,
    )


# --------------------------------------------------------------------------- formats


def _iter_jsonl_lines(lines: Sequence[bytes], origin: str, published: Optional[str]) -> Iterator[Item]:
    for n, raw in enumerate(lines, start=1):
        item = read_jsonl_line(raw, n, origin, published)
        if item is not None:
            yield item


def read_jsonl_line(raw: bytes, n: int, origin: str, published: Optional[str] = None) -> Optional[Item]:
    """Line ``n`` (1-based) of JSON Lines file ``origin`` as an Article, a Skip, or None when blank."""
    where = f"{origin}:{n}"
    if not raw.strip():
        return None
    try:
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"line {n}: not UTF-8 (byte 0x{raw[exc.start:exc.start + 1].hex()} at column {exc.start + 1})",
                origin=where,
            ) from exc
        try:
            rec = load_json(line)
        except json.JSONDecodeError as exc:
            raise MalformedRecord(f"line {n}: invalid JSON: {exc.msg} at column {exc.colno}", origin=where) from exc
        except MalformedRecord as exc:
            raise MalformedRecord(f"line {n}: {exc.message}", origin=where) from exc
        return record_to_article(rec, where, published=published, where=f"line {n}")
    except InputError as err:
        return skip_from(err, where)


def check_jsonl_head(head: bytes) -> None:
    """Refuse JSON lines that are UTF-16 (with or without BOM) or binary, from the file's first bytes."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or (b"\x00" in head and utf16_without_bom(head)):
        raise EncodingError("JSON lines in UTF-16, not UTF-8",
                            hint="Convert the file to UTF-8 (e.g. iconv -f utf-16 -t utf-8); JSON lines are read as UTF-8.")
    if b"\x00" in head:
        raise BinaryInput("binary data (NUL bytes), not JSON Lines")


def _iter_json(text: str, origin: str, published: Optional[str]) -> Iterator[Item]:
    try:
        data = load_json(text)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from exc
    if isinstance(data, list):
        if not data:
            raise EmptyInput("JSON array has no records")
        for i, rec in enumerate(data):
            where = f"{origin}#{i}"
            try:
                yield record_to_article(rec, where, published=published, where=f"record {i}")
            except InputError as err:
                yield skip_from(err, where)
    else:
        yield record_to_article(data, origin, published=published)


def _entry_body(entry: Any) -> Optional[str]:
    contents = entry.get("content") or []
    for c in contents:
        value = c.get("value") if isinstance(c, dict) else None
        if value and value.strip():
            return value
    summary = entry.get("summary") or entry.get("description")
    return summary if summary and summary.strip() else None


def _iter_feed(data: bytes, origin: str, published: Optional[str]) -> Iterator[Item]:
    import feedparser  # lazy: only feeds need it

    items = len(re.findall(rb"<(?:item|entry)[\s>/]", data, re.I))
    if items > MAX_FEED_ITEMS:
        raise TooLarge(f"the feed has {items:,} items, over {MAX_FEED_ITEMS:,}",
                       hint=f"Split the feed into files of at most {MAX_FEED_ITEMS:,} items.")
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception")
        detail = f": {why}" if why else ""
        raise MalformedRecord(f"no RSS/Atom entries found{detail}")
    publisher = (parsed.get("feed") or {}).get("title") or None
    for i, entry in enumerate(entries):
        where = f"{origin}#{i}"
        try:
            body = _entry_body(entry)
            if body is None:
                raise MalformedRecord(f"entry {i} has no summary or content", origin=where)
            when, notes = None, ()
            for key in ("published_parsed", "updated_parsed"):
                if entry.get(key):
                    when, notes = date_note(entry.get(key), where, f"entry {i}")
                    break
            raw_date = entry.get("published") or entry.get("updated")
            if when is None and not notes:
                when, notes = date_note(raw_date, where, f"entry {i}")
            elif raw_date and read_published(raw_date).known_form and read_published(raw_date).problem:
                # feedparser rolls a day that does not exist over ("31 Feb" → 2 March): refuse it
                when, notes = date_note(raw_date, where, f"entry {i}")
            eid = entry.get("id") or entry.get("link") or Article.content_id(body)
            title = entry.get("title")
            yield Article(
                id=str(eid),
                text=body,
                raw=body,
                title=" ".join(title.split()) if title else None,
                url=entry.get("link") or None,
                published=when or published,
                publisher=publisher,
                origin=where,
                warnings=notes,
            )
        except InputError as err:
            yield skip_from(err, where)


def _kind_of(name: str) -> Optional[str]:
    low = name.lower()
    if low.endswith(JSONL_EXT):
        return "jsonl"
    for kind, exts in (("text", TEXT_EXT), ("html", HTML_EXT), ("json", JSON_EXT), ("feed", FEED_EXT)):
        if low.endswith(exts):
            return kind
    return None


def _sniff(text: str) -> str:
    head = text.lstrip()[:500].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("["):
        return "json"
    if head.startswith("<?xml") or "<rss" in head or "<feed" in head:
        return "feed"
    if head.startswith("<"):
        return "html"
    return "text"


def _iter_bytes(data: bytes, origin: str, kind: Optional[str], published: Optional[str]) -> Iterator[Item]:
    """Articles from the bytes of one input; raises for a whole-input failure."""
    if kind == "jsonl":
        if not data.strip():
            raise EmptyInput("file is empty")
        check_jsonl_head(data[:8192])
        yield from _iter_jsonl_lines(data.split(b"\n"), origin, published)
        return
    if kind == "feed":
        decode_bytes(data)  # same empty / binary / encoding checks as other text
        yield from _iter_feed(data, origin, published)
        return
    text = decode_bytes(data)
    if kind is None:
        kind = _sniff(text)
        if kind == "jsonl":
            yield from _iter_jsonl_lines(data.split(b"\n"), origin, published)
            return
    if kind == "json":
        yield from _iter_json(text, origin, published)
    else:
        yield _text_article(text, origin, published, html=(kind == "html"))


def _iter_path(path: Path, settings: Settings, published: Optional[str]) -> Iterator[Item]:
    origin = str(path)
    try:
        data = _read_file(path, settings)
        yield from _iter_bytes(data, origin, _kind_of(path.name), published)
    except InputError as err:
        yield skip_from(err, origin)
    except OSError as exc:
        yield skip_from(InputError(f"cannot read: {exc.strerror or exc}"), origin)


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` with a known extension, recursively, in sorted order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and _kind_of(name) is not None:
                yield Path(root) / name


def _read_stdin(settings: Settings) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream (e.g. replaced in tests)
        return sys.stdin.read().encode("utf-8")
    return _read_limited(stream, settings.max_bytes, "standard input")


def read_paths(
    paths: Sequence[str],
    settings: Optional[Settings] = None,
    *,
    published: Optional[str] = None,
) -> Iterator[Item]:
    """Yield an :class:`Article` for every readable input and a :class:`Skip` for every other.

    ``published`` (any form :func:`normalise_date` reads) is used for articles
    whose record gives no publication date.  Nothing raises for bad input: the
    batch always goes on.
    """
    settings = settings or Settings()
    if isinstance(paths, (str, os.PathLike)):  # one path given bare
        paths = [os.fspath(paths)]
    default_pub = normalise_date(published) if published else None
    for p in paths:
        if p == "-":
            origin = "<stdin>"
            try:
                yield from _iter_bytes(_read_stdin(settings), origin, None, default_pub)
            except InputError as err:
                yield skip_from(err, origin)
            continue
        path = Path(p)
        if path.is_dir():
            found = False
            for f in _walk(path):
                found = True
                yield from _iter_path(f, settings, default_pub)
            if not found:
                yield skip_from(EmptyInput("folder holds no readable inputs (" + ", ".join(KNOWN_EXT) + ")"), str(path))
        elif path.exists():
            yield from _iter_path(path, settings, default_pub)
        else:
            yield skip_from(InputError("no such file or directory", hint="Check the path."), str(path))


def read_text(text: str, *, origin: str = "<text>", published: Optional[str] = None) -> list[Item]:
    """Read articles from an in-memory string (JSONL, JSON, HTML or plain text, sniffed)."""
    try:
        return list(_iter_bytes(text.encode("utf-8"), origin, None, normalise_date(published)))
    except InputError as err:
        return [skip_from(err, origin)]


__all__ = ["KNOWN_EXT", "MAX_FEED_ITEMS", "MAX_HTML_DEPTH", "MAX_JSON_DIGITS", "check_html_depth", "check_jsonl_head", "date_note",
           "decode_bytes", "html_depth", "load_json", "utf16_without_bom", "html_truncation", "normalise_date", "read_jsonl_line", "read_paths", "read_text",
           "record_to_article", "skip_from"]
