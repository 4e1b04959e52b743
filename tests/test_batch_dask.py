"""`whimbrel batch --engine dask` on a LocalCluster of 2 worker processes (slow: real extraction).

On the GVC development documents (the first ``N_GVC`` of the 436, to keep CI time in bounds)
the Dask run, the local process pool and the embedded store give identical events; a worker
killed mid-run and a run interrupted and resumed end with the same events as well.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from whimbrel.batch import read_events, run_batch
from whimbrel.settings import load
from whimbrel.store import Store, ingest
from whimbrel.store.model import StoredEvent

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow

N_GVC = 200  # of the 436 development documents
N_FAULTS = 60


def _dump(events) -> list[dict]:
    return [e.model_dump(mode="json") for e in events]


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def gvc(shared_dir, tmp_path_factory) -> dict[int, Path]:
    src = shared_dir / "eval" / "gvc" / "docs.jsonl"
    if not src.exists():
        pytest.skip("GVC documents not found")
    lines = [l for l in src.read_text("utf-8").splitlines() if l.strip()]
    d = tmp_path_factory.mktemp("gvc")
    out = {}
    for n in (N_GVC, N_FAULTS):
        p = d / f"gvc{n}.jsonl"
        p.write_text("\n".join(lines[:n]) + "\n", encoding="utf-8")
        out[n] = p
    return out


@pytest.fixture(scope="module")
def local_run(gvc, tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "out"
    s = run_batch([str(gvc[N_GVC])], str(out), load(), engine="local", workers=2, partition_size=25)
    return out, s


@pytest.fixture(scope="module")
def faults_reference(gvc, tmp_path_factory):
    out = tmp_path_factory.mktemp("ref") / "out"
    run_batch([str(gvc[N_FAULTS])], str(out), load(), engine="local", workers=2, partition_size=10)
    return _dump(read_events(str(out)))


def test_dask_and_local_give_identical_events_on_gvc(cluster, local_run, gvc, tmp_path):
    out_local, s_local = local_run
    out = tmp_path / "dask"
    s = run_batch([str(gvc[N_GVC])], str(out), load(), engine="dask", scheduler=cluster.scheduler_address,
                  partition_size=25)
    assert s.workers == 2 and s.articles == s_local.articles == N_GVC
    a, b = list(read_events(str(out_local))), list(read_events(str(out)))
    assert len(a) == s.events and len(a) > 100
    assert [e.id for e in a] == [e.id for e in b]
    assert _dump(a) == _dump(b)
    # the Parquet tables themselves are equal too (row order aside)
    import pyarrow.parquet as pq

    for table in ("articles", "mentions", "events", "event_mentions"):
        ta = sorted(json.dumps(r, default=str, sort_keys=True) for r in pq.read_table(out_local / table).to_pylist())
        tb = sorted(json.dumps(r, default=str, sort_keys=True) for r in pq.read_table(out / table).to_pylist())
        assert ta == tb, table


def test_batch_events_equal_the_embedded_store_on_gvc(local_run, gvc, tmp_path):
    out, _ = local_run
    db = tmp_path / "gvc.db"
    with Store(db) as st:
        ingest([str(gvc[N_GVC])], st, load({"db": str(db)}))
        rows = st.conn.execute("SELECT record FROM events").fetchall()
    ref = sorted((StoredEvent.model_validate_json(r[0]) for r in rows), key=lambda e: e.id)
    got = list(read_events(str(out)))
    assert [e.id for e in got] == [e.id for e in ref]
    assert _dump(got) == _dump(ref)


def test_a_killed_dask_worker_reruns_only_its_partitions(cluster, gvc, faults_reference, tmp_path):
    killed = []

    def kill_one(engine, result):
        if not killed:
            pids = engine.client.run(os.getpid)
            victim = sorted(pids.values())[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    out = tmp_path / "out"
    s = run_batch([str(gvc[N_FAULTS])], str(out), load(), engine="dask", scheduler=cluster.scheduler_address,
                  partition_size=10, on_partition=kill_one)
    assert killed and s.partitions_run == 6
    assert _dump(read_events(str(out))) == faults_reference


def test_an_interrupted_dask_run_resumes(cluster, gvc, faults_reference, tmp_path):
    def stop(engine, result):
        raise KeyboardInterrupt

    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(gvc[N_FAULTS])], str(out), load(), engine="dask", scheduler=cluster.scheduler_address,
                  partition_size=10, on_partition=stop)
    s = run_batch([str(gvc[N_FAULTS])], str(out), load(), engine="dask", scheduler=cluster.scheduler_address,
                  partition_size=10)
    assert s.partitions_resumed == 1 and s.partitions_run == 5
    assert _dump(read_events(str(out))) == faults_reference


def test_issue13_local_cluster_workers_keep_glibc_dynamic_thresholds():
    """A LocalCluster started by the engine spawns its workers without distributed's
    MALLOC_TRIM_THRESHOLD_, which made extraction ~1.5x slower than in a plain process."""
    from whimbrel.batch.engine import DaskEngine

    with DaskEngine(load(), 1) as eng:
        seen = eng.client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert seen and set(seen.values()) == {None}


def _die_once(arg):
    marker, value = arg
    if not os.path.exists(marker):
        Path(marker).write_text("died", encoding="utf-8")
        os._exit(1)  # the worker holding the scattered argument goes away
    return value * 2


def test_issue13_a_call_whose_worker_dies_is_scattered_again(tmp_path):
    """map_calls scatters each argument to a worker; when that worker dies the argument is
    lost with it, so the engine scatters it again and re-runs the call."""
    from whimbrel.batch.engine import DaskEngine

    marker = str(tmp_path / "died")
    with DaskEngine(load(), 2) as eng:
        results = sorted(eng.map_calls(_die_once, [(marker, 1), (marker, 2), (marker, 3)]))
    assert results == [2, 4, 6]
    assert Path(marker).exists()


def _double(value):
    return value * 2


def test_issue13_a_scatter_to_a_worker_that_just_died_is_tried_again(monkeypatch):
    """Regression (stop 22's flaky slow run): the worker chosen for an argument can die
    between the scheduler's answer and the scatter, which then fails with a closed stream;
    the engine asks for a worker again instead of failing the whole map."""
    from distributed.comm.core import CommClosedError

    from whimbrel.batch.engine import DaskEngine

    with DaskEngine(load(), 2) as eng:
        real = eng.client.scatter
        failures = []

        def flaky(*args, **kwargs):
            if not failures:
                failures.append(kwargs.get("workers"))
                raise CommClosedError("in <TCP (closed) ConnectionPool.scatter>: Stream is closed")
            return real(*args, **kwargs)

        monkeypatch.setattr(eng.client, "scatter", flaky)
        results = sorted(eng.map_calls(_double, [1, 2, 3]))
    assert results == [2, 4, 6]
    assert len(failures) == 1
