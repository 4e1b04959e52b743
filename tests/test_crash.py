"""Crash safety of ingestion (issue 14): SIGKILL an ingest at random points, restart it, and
check that nothing committed is lost, nothing is half-written, and the end state equals an
uninterrupted run's.

The ingest runs in a subprocess (``tests/crash_child.py``: a generated corpus with instant,
deterministic extraction, so the time goes into the store) that prints ``committed ID`` after
each committed transaction.  The kills are drawn from a seeded generator: most while articles
are being stored (after a random number of commits, plus a random delay, so they land in
extraction, in a transaction or between two), the last ones while the reports are being
grouped into events.  A slow variant kills the real ``whimbrel ingest`` on real articles.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def child_cmd(db: Path, n: int, seed: int, *extra: str) -> list[str]:
    return [sys.executable, "-m", "tests.crash_child", str(db), "--n", str(n), "--seed", str(seed), *extra]


@dataclass
class Runs:
    """What the killed and restarted runs printed."""

    committed: list[str] = field(default_factory=list)  # every 'committed ID' line, in order
    kills: list[str] = field(default_factory=list)  # where each kill landed
    events_committed: bool = False


def timed_run(cmd: list[str]) -> float:
    """Run ``cmd`` to the end; the seconds between its 'grouping' line and its 'committed events'."""
    proc = subprocess.Popen(cmd, cwd=REPO, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, bufsize=1)
    assert proc.stdout is not None
    start = end = 0.0
    for line in proc.stdout:
        if line.startswith("grouping "):
            start = time.perf_counter()
        elif line == "committed events\n":
            end = time.perf_counter()
    assert proc.wait(timeout=900) == 0
    return max(0.0, end - start)


def _lines(proc: subprocess.Popen, runs: Runs, want: int, stage: str, rng: random.Random, grouping_s: float) -> None:
    """Read ``proc``'s output until the kill trigger (``want`` new commits, or the grouping line),
    wait a random moment, SIGKILL it, then read what it had printed before it died."""
    assert proc.stdout is not None
    seen = 0
    while True:
        line = proc.stdout.readline()
        if not line:
            break
        _note(line, runs)
        seen += line.startswith("committed ") and line.strip() != "committed events"
        if (stage == "articles" and seen >= want) or (stage == "grouping" and line.startswith("grouping ")):
            time.sleep(rng.uniform(0.0, 0.15) if stage == "articles" else rng.uniform(0.05, 0.7) * grouping_s)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                runs.kills.append(f"{stage} after {seen} new commits")
            break
    rest = proc.stdout.read()  # lines flushed before the kill are complete; a cut-off tail is not
    for line in rest.splitlines(keepends=True):
        if line.endswith("\n"):
            _note(line, runs)
    proc.wait()


def _note(line: str, runs: Runs) -> None:
    if line == "committed events\n":
        runs.events_committed = True
    elif line.startswith("committed "):
        runs.committed.append(line.split(" ", 1)[1].strip())


def kill_and_restart(cmd: list[str], n_articles: int, kills: int, in_grouping: int, seed: int,
                     grouping_s: float) -> Runs:
    """Run ``cmd`` ``kills`` times, SIGKILLing each run (the last ``in_grouping`` while grouping),
    then once more to the end; the articles-phase kills are spread over the corpus."""
    rng = random.Random(seed)
    runs = Runs()
    for k in range(kills):
        stage = "grouping" if k >= kills - in_grouping else "articles"
        left = max(1, n_articles - len(set(runs.committed)))
        want = rng.randint(1, max(1, left // (kills - in_grouping - k + 1))) if stage == "articles" else 0
        proc = subprocess.Popen(cmd, cwd=REPO, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                text=True, bufsize=1)
        _lines(proc, runs, want, stage, rng, grouping_s)
    final = subprocess.run(cmd, cwd=REPO, env=child_env(), capture_output=True, text=True, timeout=900)
    assert final.returncode == 0, final.stderr[-2000:]
    for line in final.stdout.splitlines(keepends=True):
        _note(line, runs)
    return runs


# --------------------------------------------------------------------------- the checks


def orphans(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows that belong to nothing (each count must be 0 in a consistent store)."""
    q = {
        "mentions without article": "SELECT COUNT(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)",
        "mentions in no event": "SELECT COUNT(*) FROM mentions WHERE id NOT IN (SELECT mention_id FROM event_mentions)",
        "links without mention": "SELECT COUNT(*) FROM event_mentions WHERE mention_id NOT IN (SELECT id FROM mentions)",
        "links without event": "SELECT COUNT(*) FROM event_mentions WHERE event_id NOT IN (SELECT id FROM events)",
        "events without mention": "SELECT COUNT(*) FROM events WHERE id NOT IN (SELECT event_id FROM event_mentions)",
        "claims without mention": "SELECT COUNT(*) FROM claims WHERE mention_id NOT IN (SELECT id FROM mentions)",
        "entities without mention": "SELECT COUNT(*) FROM entities WHERE mention_id NOT IN (SELECT id FROM mentions)",
        "bands without article": "SELECT COUNT(*) FROM article_bands WHERE article_id NOT IN (SELECT id FROM articles)",
        "pending": "SELECT COUNT(*) FROM pending_mentions",
        "events whose record lists other mentions": (
            "SELECT COUNT(*) FROM events e WHERE n_mentions != (SELECT COUNT(*) FROM event_mentions m"
            " WHERE m.event_id = e.id)"),
    }
    return {k: int(conn.execute(sql).fetchone()[0]) for k, sql in q.items()}


def snapshot(db: Path) -> dict:
    """The ids and figures that must be equal between a killed and an uninterrupted run."""
    conn = sqlite3.connect(db)
    try:
        events = {}
        for row in conn.execute("SELECT id, event_type, date, country, dead_low, dead_best, dead_high, n_sources,"
                                " n_articles, n_mentions, first_reported, last_reported FROM events"):
            events[row[0]] = tuple(row[1:])
        members = {}
        for eid, mid in conn.execute("SELECT event_id, mention_id FROM event_mentions"):
            members.setdefault(eid, set()).add(mid)
        return {
            "articles": {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, content_hash, syndicated_of FROM articles")},
            "mentions": {r[0]: r[1] for r in conn.execute("SELECT id, article_id FROM mentions")},
            "claims": sorted((tuple(r) for r in conn.execute("SELECT mention_id, claimant, text FROM claims")),
                             key=lambda r: tuple("" if x is None else str(x) for x in r)),
            "events": events,
            "members": {k: frozenset(v) for k, v in members.items()},
        }
    finally:
        conn.close()


def check_store(db: Path, runs: Runs, expected: dict[str, int]) -> None:
    """Every committed article once, nothing partial or orphaned, integrity ok.
    ``expected``: article id -> the number of reports its extraction gives."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = [r[0] for r in conn.execute("SELECT id FROM articles WHERE content_hash IS NOT NULL")]
        assert len(stored) == len(set(stored))
        missing = set(runs.committed) - set(stored)
        assert not missing, f"{len(missing)} articles reported committed are not in the store"
        assert set(stored) == set(expected)
        per_article = dict(conn.execute("SELECT article_id, COUNT(*) FROM mentions GROUP BY article_id").fetchall())
        partial = {a: (per_article.get(a, 0), n) for a, n in expected.items() if per_article.get(a, 0) != n}
        assert not partial, f"articles with some of their reports only: {list(partial.items())[:5]}"
        assert all(v == 0 for v in orphans(conn).values()), orphans(conn)
    finally:
        conn.close()


def crash_test(tmp_path: Path, n: int, kills: int, in_grouping: int, seed: int) -> tuple[Runs, dict]:
    from tests.crash_child import corpus

    arts, events = corpus(n, seed)
    expected = {a.id: len(events[a.id]) for a in arts}
    return compare_killed(tmp_path, lambda db: child_cmd(db, n, seed), expected, kills, in_grouping, seed)


def compare_killed(tmp_path: Path, cmd, expected: dict[str, int] | None, kills: int, in_grouping: int,
                   seed: int) -> tuple[Runs, dict]:
    """An uninterrupted run of ``cmd(db)``, then killed and restarted runs; the checks.
    ``expected`` (article id -> reports) defaults to what the uninterrupted run stored."""
    ref = tmp_path / "uninterrupted.db"
    grouping_s = timed_run(cmd(ref))
    if expected is None:
        with sqlite3.connect(ref) as conn:
            expected = {a: 0 for (a,) in conn.execute("SELECT id FROM articles WHERE content_hash IS NOT NULL")}
            expected.update(conn.execute("SELECT article_id, COUNT(*) FROM mentions GROUP BY article_id").fetchall())
    db = tmp_path / "killed.db"
    runs = kill_and_restart(cmd(db), len(expected), kills, in_grouping, seed, grouping_s)
    assert len(runs.kills) == kills, runs.kills  # every run was still going when it was killed
    check_store(db, runs, expected)
    check_store(ref, Runs(), expected)
    got, want = snapshot(db), snapshot(ref)
    for key in want:
        assert got[key] == want[key], f"{key} differ from the uninterrupted run"
    report = {"articles": len(expected), "kills": runs.kills, "committed lines": len(runs.committed),
              "mentions": len(want["mentions"]), "events": len(want["events"])}
    print(json.dumps(report))
    return runs, want


def test_sigkill_during_ingest_loses_nothing_and_ends_as_an_uninterrupted_run(tmp_path):
    runs, want = crash_test(tmp_path, n=500, kills=3, in_grouping=1, seed=11)
    assert len(want["events"]) < len(want["mentions"])  # the grouping merged reports
    assert runs.events_committed


@pytest.mark.slow
def test_many_sigkills_over_a_few_thousand_articles(tmp_path):
    runs, want = crash_test(tmp_path, n=3000, kills=8, in_grouping=2, seed=5)
    assert len(want["articles"]) >= 3000


@pytest.mark.slow
def test_sigkill_of_whimbrel_ingest_on_real_articles(tmp_path, monkeypatch):
    """The issue's scenario, smaller: ``whimbrel ingest --print-commits`` with the real
    extractor on Gun Violence Corpus articles, killed three times, then run to the end."""
    gvc = REPO.parent / "shared" / "eval" / "gvc" / "docs.jsonl"
    if not gvc.is_file():
        pytest.skip("the GVC documents (../shared/eval/gvc) are not here")
    src = tmp_path / "gvc.jsonl"
    with open(gvc, encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
        for k, line in enumerate(fh):
            if k == 96:
                break
            d = json.loads(line)
            out.write(json.dumps({"id": d["doc_id"], "title": d.get("title"), "text": d["text"],
                                  "published": d.get("published"), "url": d.get("url")}) + "\n")
    monkeypatch.setenv("WHIMBREL_BATCH_SIZE", "8")  # more commits, so more places for a kill to land
    runs, want = compare_killed(
        tmp_path, lambda db: [sys.executable, "-m", "whimbrel", "ingest", str(src), "--db", str(db),
                              "--no-progress", "--print-commits"], None, kills=3, in_grouping=1, seed=14)
    assert len(want["events"]) > 0 and runs.events_committed


def test_a_store_left_by_a_killed_run_is_finished_by_a_run_with_nothing_new(tmp_path):
    """The issue's bug: reports stored by a killed run were never grouped, because the next run
    found their articles unchanged.  Here the run is stopped before grouping (dedupe=False
    leaves the reports pending, as a kill at that point does) and the next run has nothing new."""
    from tests.crash_child import Extract, corpus
    from whimbrel.settings import Settings
    from whimbrel.store import Store, ingest_items

    arts, events = corpus(80, 2)
    s = Settings(db=str(tmp_path / "s.db"), data_dir=str(tmp_path), batch_size=10)
    with Store(tmp_path / "s.db") as store:
        first = ingest_items(arts, store, s, extractor=Extract(events), dedupe=False)
        assert first.ingested == len(arts) and store.counts()["events"] == 0
        assert store.pending() == sum(len(v) for v in events.values())
        again = ingest_items(arts, store, s, extractor=Extract(events))
        assert again.unchanged == len(arts) and again.ingested == 0
        assert store.pending() == 0
        assert all(v == 0 for v in orphans(store.conn).values())
    with Store(tmp_path / "ref.db") as ref:
        ingest_items(arts, ref, s, extractor=Extract(events))
    assert snapshot(tmp_path / "s.db") == snapshot(tmp_path / "ref.db")


def test_a_correction_left_pending_regroups_the_old_event(tmp_path):
    """A replaced article's old event is regrouped even when the run that stored the
    correction was stopped before grouping: the old event's other reports are pending too."""
    from tests.crash_child import Extract, corpus
    from whimbrel.settings import Settings
    from whimbrel.store import Store, ingest_items

    arts, events = corpus(40, 4)
    s = Settings(db=str(tmp_path / "s.db"), data_dir=str(tmp_path), batch_size=10)
    with Store(tmp_path / "s.db") as store:
        ingest_items(arts, store, s, extractor=Extract(events))
        merged = store.conn.execute("SELECT event_id FROM event_mentions GROUP BY event_id HAVING COUNT(*) > 1"
                                    " LIMIT 1").fetchone()[0]
        victim = store.conn.execute("SELECT m.article_id FROM event_mentions em JOIN mentions m ON m.id=em.mention_id"
                                    " WHERE em.event_id=? ORDER BY m.id LIMIT 1", (merged,)).fetchone()[0]
        art = next(a for a in arts if a.id == victim)
        note = " Correction: the item was withdrawn."
        fixed = art.model_copy(update={"text": art.text + note, "raw": (art.raw or "") + note})
        ingest_items([fixed], store, s, extractor=Extract({victim: []}), dedupe=False)  # stopped before grouping
        assert store.pending() >= 1
        waiting = orphans(store.conn)  # no event lists a report that is gone, even before regrouping
        assert {k: v for k, v in waiting.items() if k not in ("pending", "mentions in no event")} == \
            {k: 0 for k in waiting if k not in ("pending", "mentions in no event")}
        assert store.conn.execute("SELECT COUNT(*) FROM events WHERE id=?", (merged,)).fetchone()[0] == 0
        ingest_items([], store, s, extractor=Extract({}))  # the next run, with nothing to read
        assert store.pending() == 0
        assert all(v == 0 for v in orphans(store.conn).values()), orphans(store.conn)
        left = {r[0] for r in store.conn.execute("SELECT m.article_id FROM mentions m")}
        assert victim not in left


def test_reports_an_older_whimbrel_left_ungrouped_are_grouped_after_the_upgrade(tmp_path):
    """A store whose killed ingest (before the migration that adds ``pending_mentions``)
    left reports in no event: opening it marks them pending, and the next ingest groups them."""
    from tests.crash_child import Extract, corpus
    from whimbrel.settings import Settings
    from whimbrel.store import Store, ingest_items
    from whimbrel.store.migrations import MIGRATIONS, migrate

    arts, events = corpus(30, 6)
    db = tmp_path / "old.db"
    s = Settings(db=str(db), data_dir=str(tmp_path), batch_size=10)
    pending_at = next(n for n, m in enumerate(MIGRATIONS, 1) if "pending_mentions" in str(m))
    with Store(db) as store:
        ingest_items(arts, store, s, extractor=Extract(events), dedupe=False)
        store.conn.execute("DROP TABLE pending_mentions")  # as the schema before that migration had it
        store.conn.execute("DELETE FROM schema_version WHERE version >= ?", (pending_at,))
    conn = sqlite3.connect(db)
    assert migrate(conn, MIGRATIONS[: pending_at - 1]) == pending_at - 1
    conn.close()
    with Store(db) as store:
        assert store.pending() == sum(len(v) for v in events.values())
        ingest_items(arts, store, s, extractor=Extract(events))
        assert all(v == 0 for v in orphans(store.conn).values())
        assert store.counts()["events"] > 0
