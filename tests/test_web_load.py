"""The load test in CI form (issue 14): a real `whimbrel serve` on loopback over a 2,000-event
store, 4 clients sharing 400 requests of the dashboard's and the API's mix.  Every request
must be answered and every answer right (status and body); nothing is timed here, the
figures at 100,000 events are benchmarks/web_load.py's (docs/benchmarks.md)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.web_latency import build  # noqa: E402
from benchmarks.web_load import MIX, run_load, server  # noqa: E402


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    db = tmp_path_factory.mktemp("load") / "load2k.db"
    build(db, 2000, seed=7)
    return db


def test_every_request_under_load_is_answered_without_error(small_store, tmp_path):
    with sqlite3.connect(small_store) as conn:
        before = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    with server(small_store, tmp_path / "data") as base:
        report = run_load(base, clients=4, requests=400, seed=3)
    assert report.answered == report.requests == 400
    assert report.error_count == 0, dict(report.errors)
    served = {row["endpoint"]: row["requests"] for row in report.table()}
    assert sum(served.values()) == 400
    assert len(served) >= len(MIX) - 3  # the mix reached (nearly) every endpoint
    assert all(n > 0 for n in served.values())
    with sqlite3.connect(small_store) as conn:
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == before == 2000
