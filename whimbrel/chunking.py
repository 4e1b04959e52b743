"""Slices of at most ``n`` items: pipeline batches and SQL ``IN (…)`` lists.

The one helper for cutting a stream or a list into consecutive pieces (``extract``,
``Pipeline.stream``, the store, batch workers, the web views all use it). It imports nothing of
whimbrel's, so every layer may import it.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Sequence, TypeVar

T = TypeVar("T")

#: How many keys one ``IN (…)`` list holds by default (well below SQLite's bound on parameters).
IN_LIST_SIZE = 500


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most ``size`` items, in input order; lazy (any iterable, even an
    endless one, is read one chunk ahead at the most). The last list may be shorter; no list
    is empty. ``size`` below 1 counts as 1."""
    size = max(1, size)
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def placeholders(n: int) -> str:
    """``?,?,…`` for ``n`` parameters."""
    return ",".join("?" * n)


def select_in(conn: Any, sql: str, keys: Iterable[object], *, before: Sequence[object] = (),
              after: Sequence[object] = (), size: int = IN_LIST_SIZE) -> list[Any]:
    """The rows of ``sql`` over all ``keys``, ``size`` keys a statement, in key order.

    ``sql`` has one ``{}`` where the ``IN`` list's placeholders go; ``before`` and ``after`` are
    the parameters that stand before and after that list. ``conn`` is a DB-API connection
    (``sqlite3``).
    """
    rows: list[Any] = []
    for chunk in chunked(keys, size):
        rows.extend(conn.execute(sql.format(placeholders(len(chunk))), (*before, *chunk, *after)).fetchall())
    return rows


__all__ = ["IN_LIST_SIZE", "chunked", "placeholders", "select_in"]
