"""The one slicing helper (whimbrel/chunking.py): batches and SQL IN lists."""

import itertools
import sqlite3

from whimbrel.chunking import chunked, placeholders, select_in


def test_chunked_keeps_order_and_sizes():
    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []
    assert list(chunked("ab", 5)) == [["a", "b"]]
    assert list(chunked(range(3), 0)) == [[0], [1], [2]]  # below 1 counts as 1


def test_chunked_is_lazy_over_an_endless_stream():
    first = next(chunked(itertools.count(), 4))
    assert first == [0, 1, 2, 3]


def test_select_in_covers_every_key_with_parameters_around_the_list():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t(k TEXT, tag TEXT, n INTEGER)")
    conn.executemany("INSERT INTO t VALUES (?,?,?)", [(f"k{i:02d}", "a" if i % 2 else "b", i) for i in range(25)])
    keys = [f"k{i:02d}" for i in range(25)]
    rows = select_in(conn, "SELECT k FROM t WHERE tag=? AND k IN ({}) AND n < ?", keys,
                     before=("a",), after=(20,), size=4)
    assert [r[0] for r in rows] == [f"k{i:02d}" for i in range(1, 20, 2)]
    assert select_in(conn, "SELECT k FROM t WHERE k IN ({})", []) == []
    assert placeholders(3) == "?,?,?"
