"""Batch inputs: files found under the INPUT paths, streamed record by record, with digests.

JSON Lines (``.jsonl``, ``.jsonl.gz``) and Parquet files are streamed (memory does not grow
with the file; a line over ``max_bytes`` is skipped with E205 without being held whole); other kinds the reader knows (text, HTML, JSON, feeds) are read whole, as by
``ingest``.  A record that cannot be read becomes a :class:`~whimbrel.records.Skip` naming the
file and line (or row), exactly as ``ingest`` reports it.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterator, Optional, Sequence, Union

from ..errors import EmptyInput, InputError, MalformedRecord, TooLarge
from ..records import Article, Skip
from ..settings import Settings
from ..stages.read import KNOWN_EXT, check_jsonl_head, read_jsonl_line, read_paths, record_to_article, skip_from

Item = Union[Article, Skip]
PARQUET_EXT = (".parquet",)


@dataclass(frozen=True)
class InputFile:
    """One input file with its size and SHA-256 digest (recorded in the manifest)."""

    path: str
    bytes: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "bytes": self.bytes, "sha256": self.sha256}


def _known(name: str) -> bool:
    low = name.lower()
    return low.endswith(KNOWN_EXT) or low.endswith(PARQUET_EXT)


def expand(paths: Sequence[str]) -> tuple[list[str], list[Skip]]:
    """Files under ``paths`` (folders walked in sorted order), and Skips for paths that are missing."""
    files: list[str] = []
    missing: list[Skip] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [str(Path(root) / n) for n in sorted(names) if not n.startswith(".") and _known(n)]
            if not found:
                missing.append(skip_from(EmptyInput("folder holds no readable inputs"), str(path)))
            files += found
        elif path.is_file():
            files.append(str(path))
        else:
            missing.append(skip_from(InputError("no such file or directory", hint="Check the path."), str(path)))
    return files, missing


def digest(path: str) -> InputFile:
    """Size and SHA-256 of one file (read in 1 MiB blocks)."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
            size += len(block)
    return InputFile(path=path, bytes=size, sha256=h.hexdigest())


def iter_file(path: str, settings: Settings, published: Optional[str] = None) -> Iterator[Item]:
    """The records of one input file, in order."""
    low = path.lower()
    if low.endswith(".jsonl") or low.endswith(".jsonl.gz"):
        yield from _iter_jsonl(path, published, settings.max_bytes)
    elif low.endswith(PARQUET_EXT):
        yield from _iter_parquet(path, published)
    else:
        yield from read_paths([path], settings, published=published)


def _lines(fh: BinaryIO, limit: int) -> Iterator[Optional[bytes]]:
    """The lines of ``fh`` without their newline; ``None`` for a line over ``limit`` bytes,
    which is read past in blocks, never held whole in memory."""
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield raw.rstrip(b"\n")
            continue
        while raw and not raw.endswith(b"\n"):
            raw = fh.readline(1 << 20)
        yield None


def _iter_jsonl(path: str, published: Optional[str], limit: int) -> Iterator[Item]:
    try:
        opener = gzip.open if path.lower().endswith(".gz") else open
        with opener(path, "rb") as fh:
            head = fh.peek(8192)[:8192] if hasattr(fh, "peek") else b""
            check_jsonl_head(head)
            seen = False
            for n, raw in enumerate(_lines(fh, limit), start=1):
                if raw is None:
                    where = f"{path}:{n}"
                    yield skip_from(TooLarge(f"line {n} is longer than max_bytes={limit:,} bytes", origin=where), where)
                    seen = True
                    continue
                seen = seen or bool(raw.strip())
                item = read_jsonl_line(raw, n, path, published)
                if item is not None:
                    yield item
            if not seen:
                raise EmptyInput("file is empty")
    except InputError as err:
        yield skip_from(err, path)
    except (OSError, EOFError) as exc:
        yield skip_from(MalformedRecord(f"cannot read: {exc}"), path)


def _iter_parquet(path: str, published: Optional[str]) -> Iterator[Item]:
    try:
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(path)
    except ImportError:
        yield skip_from(InputError("Parquet input needs pyarrow", hint="pip install pyarrow"), path)
        return
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError) on a bad file
        yield skip_from(MalformedRecord(f"not a readable Parquet file ({exc})"), path)
        return
    n = 0
    for batch in pf.iter_batches(batch_size=1024):
        for rec in batch.to_pylist():
            n += 1
            where = f"{path}:row {n}"
            clean = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in rec.items() if v is not None}
            try:
                yield record_to_article(clean, where, published=published, where=f"row {n}")
            except InputError as err:
                yield skip_from(err, where)


def iter_inputs(files: Sequence[str], settings: Settings, published: Optional[str] = None) -> Iterator[Item]:
    """The records of all ``files``, in order."""
    for f in files:
        yield from iter_file(f, settings, published)


__all__ = ["InputFile", "digest", "expand", "iter_file", "iter_inputs"]
