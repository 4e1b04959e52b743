"""Concurrency (issue 14): ingest while the HTTP server answers reads, and two ingests at once.

Readers must never see a half-written article or event: every event the API returns has all
its reports, and every report its article.  Two ingest processes on one store serialise on
SQLite's write lock (WAL, busy timeout, ``BEGIN IMMEDIATE``; the grouping into events reads
and writes inside one write transaction), or, when the lock is held longer than the busy
timeout, the second stops with E410 and the store stays whole.
"""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.test_crash import REPO, Runs, check_store, child_cmd, child_env, orphans, snapshot

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The web app over uvicorn in a thread, on a free loopback port."""

    def __init__(self, db: Path, data_dir: Path):
        from whimbrel.web import create_app

        self.port = _free_port()
        config = uvicorn.Config(create_app(str(db), data_dir=str(data_dir)), host="127.0.0.1", port=self.port,
                                log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        deadline = time.time() + 30
        while not self.server.started:
            assert time.time() < deadline, "the server did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)

    def get(self, path: str) -> tuple[int, dict]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=30) as resp:
                return resp.status, json.loads(resp.read())
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read() or b"{}")


class Reader:
    """Polls the API until stopped and records every inconsistency it sees."""

    def __init__(self, server: Server):
        self.server = server
        self.stop = threading.Event()
        self.problems: list[str] = []
        self.requests = 0
        self.events_checked = 0
        self.gone = 0  # events listed, then regrouped under another id before their detail was asked for
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.poll()
            except Exception as exc:  # noqa: BLE001 - every failure of a read is a finding
                self.problems.append(f"{type(exc).__name__}: {exc}")

    def get(self, path: str) -> tuple[int, dict]:
        self.requests += 1
        return self.server.get(path)

    def poll(self) -> None:
        status, health = self.get("/api/health")
        if status != 200:
            self.problems.append(f"/api/health {status}")
            return
        status, page = self.get("/api/events?limit=50&sort=-reported")
        if status != 200:
            self.problems.append(f"/api/events {status}: {page}")
            return
        for ev in page["events"][:8]:
            status, detail = self.get(f"/api/events/{ev['id']}")
            if status == 404:
                self.gone += 1
                continue
            if status != 200:
                self.problems.append(f"/api/events/{ev['id']} {status}")
                continue
            self.events_checked += 1
            self.check_event(detail)

    def check_event(self, detail: dict) -> None:
        ev, reports = detail["event"], detail["reports"]
        if not reports:
            self.problems.append(f"{ev['id']}: an event without reports")
        for r in reports:
            if not r["sentences"]:
                self.problems.append(f"{ev['id']}: report {r['mention_id']} is missing")
            if r["title"] is None or r["published"] is None:
                self.problems.append(f"{ev['id']}: the article {r['article_id']} of a report is missing")
        aid = reports[0]["article_id"] if reports else None
        if aid:
            status, art = self.get(f"/api/articles/{aid}")
            if status == 200 and not art["spans"]:
                self.problems.append(f"article {aid} without its reports")
            elif status != 200:
                self.problems.append(f"/api/articles/{aid} {status}")


def test_readers_never_see_a_half_written_article_or_event(tmp_path):
    db = tmp_path / "live.db"
    from whimbrel.store import Store

    with Store(db):
        pass
    with Server(db, tmp_path) as server:
        reader = Reader(server)
        reader.thread.start()
        try:
            for seed in (21, 22):  # a second corpus regroups events the first made
                done = subprocess.run(child_cmd(db, 400, seed, "--batch", "10"), cwd=REPO, env=child_env(),
                                      capture_output=True, text=True, timeout=900)
                assert done.returncode == 0, done.stderr[-2000:]
        finally:
            reader.stop.set()
            reader.thread.join(timeout=60)
        final_status, final = server.get("/api/health")
    print(json.dumps({"requests": reader.requests, "events_checked": reader.events_checked,
                      "regrouped_between_requests": reader.gone, "problems": len(reader.problems)}))
    assert reader.problems == []
    assert reader.events_checked > 0
    assert final_status == 200 and final["counts"]["events"] > 0


def test_two_ingests_into_one_store_serialise(tmp_path):
    """Two processes ingest the two halves of one corpus (and then the whole) at once."""
    from tests.crash_child import corpus

    n, seed = 400, 7
    arts, events = corpus(n, seed)
    expected = {a.id: len(events[a.id]) for a in arts}
    db = tmp_path / "both.db"
    procs = [subprocess.Popen(child_cmd(db, n, seed, "--part", part, "--batch", "10"), cwd=REPO, env=child_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for part in ("0/2", "1/2")]
    outs = [p.communicate(timeout=900) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-1000:] for o in outs]
    runs = Runs(committed=[line.split(" ", 1)[1] for out, _ in outs for line in out.splitlines()
                           if line.startswith("committed ") and line != "committed events"])
    check_store(db, runs, expected)
    ref = tmp_path / "one.db"
    subprocess.run(child_cmd(ref, n, seed), cwd=REPO, env=child_env(), check=True, capture_output=True, timeout=900)
    got, want = snapshot(db), snapshot(ref)
    assert got["mentions"] == want["mentions"] and got["claims"] == want["claims"]
    assert set(got["articles"]) == set(want["articles"])
    # the same corpus twice at once: the second finds the first's articles unchanged or waits
    procs = [subprocess.Popen(child_cmd(db, n, seed), cwd=REPO, env=child_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    assert [p.wait(timeout=900) for p in procs] == [0, 0]
    check_store(db, runs, expected)
    same = sum(1 for k in want["members"].values() if k in set(got["members"].values()))
    print(json.dumps({"articles": len(arts), "events one run": len(want["events"]),
                      "events two at once": len(got["events"]), "identical events": same}))


def test_a_writer_that_waits_too_long_gets_e410_and_the_store_stays_whole(tmp_path):
    from tests.crash_child import corpus
    from whimbrel.store import Store

    n, seed = 120, 9
    arts, events = corpus(n, seed)
    db = tmp_path / "busy.db"
    with Store(db) as holder:
        with holder.write() as conn:  # another writer holds the lock for longer than the timeout
            conn.execute("INSERT INTO articles(id, text, content_hash) VALUES ('held', 'x', 'h')")
            blocked = subprocess.run(child_cmd(db, n, seed, "--timeout", "0.5"), cwd=REPO, env=child_env(),
                                     capture_output=True, text=True, timeout=300)
        assert blocked.returncode == 4, blocked.stderr
        assert "[E410]" in blocked.stderr and "busy_timeout" in blocked.stderr
        assert holder.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        holder.conn.execute("DELETE FROM articles WHERE id='held'")
    done = subprocess.run(child_cmd(db, n, seed), cwd=REPO, env=child_env(), capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    check_store(db, Runs(), {a.id: len(events[a.id]) for a in arts})


def test_the_busy_timeout_setting_reaches_the_store(tmp_path, monkeypatch):
    from whimbrel.cli.store import _open
    from whimbrel.errors import StoreBusy
    from whimbrel.store import Store

    monkeypatch.setenv("WHIMBREL_BUSY_TIMEOUT", "0.2")
    db = tmp_path / "t.db"
    with Store(db) as holder, _open(str(db)) as store:
        assert store.timeout == pytest.approx(0.2)
        with holder.write():
            t = time.perf_counter()
            with pytest.raises(StoreBusy) as err:
                with store.write():
                    pass
            assert time.perf_counter() - t < 5
        assert err.value.code == "E410" and str(db) in str(err.value)
        with store.write() as conn:  # once the other writer is done, writes go through
            conn.execute("INSERT INTO articles(id, text, content_hash) VALUES ('a', 'x', 'h')")
        assert orphans(store.conn)["pending"] == 0


def test_a_snapshot_sees_one_committed_state(tmp_path):
    """What the API's requests read through (``open_store``): a commit made during a snapshot
    is seen only after it."""
    from whimbrel.store import Store
    from whimbrel.web.reader import ReadOnlyStore

    db = tmp_path / "s.db"
    with Store(db) as writer:
        reader = ReadOnlyStore(db)
        try:
            count = "SELECT COUNT(*) FROM articles"
            with reader.snapshot():
                before = reader.conn.execute(count).fetchone()[0]
                with writer.write() as conn:
                    conn.execute("INSERT INTO articles(id, text, content_hash) VALUES ('a', 'x', 'h')")
                during = reader.conn.execute(count).fetchone()[0]
            after = reader.conn.execute(count).fetchone()[0]
        finally:
            reader.close()
    assert (before, during, after) == (0, 0, 1)


def test_an_event_read_while_a_correction_commits_is_whole(tmp_path, monkeypatch):
    """A correction commits between the API's first and later queries of one request: the
    response still shows the event as it was, with every report and article (one snapshot)."""
    from fastapi.testclient import TestClient

    from tests.crash_child import Extract, corpus
    from whimbrel.settings import Settings
    from whimbrel.store import Store, ingest_items
    from whimbrel.web import create_app
    from whimbrel.web.reader import ReadOnlyStore

    arts, events = corpus(40, 4)
    db = tmp_path / "s.db"
    s = Settings(db=str(db), data_dir=str(tmp_path), batch_size=10)
    with Store(db) as store:
        ingest_items(arts, store, s, extractor=Extract(events))
        eid = store.conn.execute("SELECT event_id FROM event_mentions GROUP BY event_id HAVING COUNT(*) > 1"
                                 " LIMIT 1").fetchone()[0]
        victim = store.get_event(eid).links[0].article_id
    art = next(a for a in arts if a.id == victim)
    fixed = art.model_copy(update={"text": art.text + " Corrected.", "raw": (art.raw or "") + " Corrected."})
    real_get_event = ReadOnlyStore.get_event

    def get_event_then_correct(self, event_id):
        ev = real_get_event(self, event_id)
        with Store(db) as writer:  # another process's correction commits now, mid-request
            ingest_items([fixed], writer, s, extractor=Extract({victim: []}), dedupe=False)
        return ev

    monkeypatch.setattr(ReadOnlyStore, "get_event", get_event_then_correct)
    with TestClient(create_app(str(db), data_dir=str(tmp_path))) as client:
        body = client.get(f"/api/events/{eid}").json()
    reports = body["reports"]
    assert len(reports) >= 2
    assert all(r["sentences"] and r["title"] for r in reports), reports
    with Store(db) as store:  # the correction did commit: the old event is taken apart
        assert store.conn.execute("SELECT COUNT(*) FROM mentions WHERE article_id=?", (victim,)).fetchone()[0] == 0
        assert store.get_event(eid) is None
