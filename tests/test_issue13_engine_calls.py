"""Issue 13: both engines move a call's argument and result the same way (one pickle each), and
the Dask workers the engine starts run with the local workers' thread environment.

distributed serialises a list that a worker sends back element by element (a header and a
pickle call per item); a merge block's ~10,000 links took ~10x longer that way than in one
pickle call, in the event-loop threads the scoring shares the GIL with.  ``map_calls`` now
ships the result pickled, on both engines.
"""

from __future__ import annotations

import gc
import os
import pickle
from dataclasses import dataclass

import pytest

from whimbrel.batch.engine import LocalEngine, _call_pickled, _loads
from whimbrel.settings import load


@dataclass(frozen=True)
class _Pair:
    a: int
    b: int
    reasons: dict


def _pairs(n: int) -> list[_Pair]:
    return [_Pair(i, i + 1, {"type": 1.0, "text": i / (n + 1)}) for i in range(n)]


def _environ_of_interest(_arg: object = None) -> dict:
    return {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                                           "MALLOC_TRIM_THRESHOLD_")}


def test_issue13_a_call_returns_its_result_pickled_in_one_piece():
    blob = _call_pickled(_pairs, pickle.dumps(3))
    assert isinstance(blob, bytes)
    assert pickle.loads(blob) == _pairs(3)


def test_issue13_unpickling_pauses_the_collector_and_restores_it():
    assert gc.isenabled()
    assert _loads(pickle.dumps([{"x": frozenset({"a", "b"})}] * 3)) == [{"x": frozenset({"a", "b"})}] * 3
    assert gc.isenabled()
    gc.disable()
    try:
        _loads(pickle.dumps([1]))
        assert not gc.isenabled()  # a paused collector stays paused
    finally:
        gc.enable()


def test_issue13_local_map_calls_give_the_calls_results():
    with LocalEngine(2) as eng:
        got = sorted(eng.map_calls(_pairs, [5, 1, 0, 7]), key=len)
    assert got == [_pairs(0), _pairs(1), _pairs(5), _pairs(7)]


@pytest.mark.slow
def test_issue13_dask_map_calls_equal_the_local_engines_and_the_workers_environment_too(monkeypatch):
    """The same results from both engines; a Dask worker sees the thread settings a local pool
    worker sees (none pinned by distributed), and the driver's environment is as before."""
    pytest.importorskip("distributed")
    from whimbrel.batch.engine import DaskEngine

    monkeypatch.setenv("OMP_NUM_THREADS", "3")  # the user's choice reaches both engines' workers
    monkeypatch.delenv("MKL_NUM_THREADS", raising=False)
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    # a plain LocalCluster earlier in this process (another test module's) leaves its nanny's
    # trim threshold in the driver's environment; the local pool would hand it on, the engine's
    # Dask workers never get it
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    before = dict(os.environ)
    with LocalEngine(1) as eng:
        local_env = next(eng.map_calls(_environ_of_interest, [None]))
        local = sorted(eng.map_calls(_pairs, [4, 2, 9]), key=len)
    with DaskEngine(load(), 2) as eng:
        dask_envs = eng.client.run(_environ_of_interest)
        dask = sorted(eng.map_calls(_pairs, [4, 2, 9]), key=len)
    assert dask == local == [_pairs(2), _pairs(4), _pairs(9)]
    assert local_env["OMP_NUM_THREADS"] == "3" and local_env["MKL_NUM_THREADS"] is None
    assert list(dask_envs.values()) == [local_env, local_env]
    after = dict(os.environ)
    for k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MALLOC_TRIM_THRESHOLD_",
              "PYTHONHASHSEED"):
        assert after.get(k) == before.get(k), k
