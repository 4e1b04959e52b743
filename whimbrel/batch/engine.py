"""Engines that run partitions: a local process pool, or a dask.distributed cluster.

An engine maps :func:`~whimbrel.batch.worker.run_partition` over tasks and yields the results
as they finish (any order; the driver writes each partition on its own).  Both keep only a
bounded number of partitions in flight, so memory does not grow with the input.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing as mp
import os
import pickle
import time
from typing import Callable, Iterable, Iterator, Optional, Protocol

from ..errors import ConfigError
from ..settings import Settings
from .worker import PartitionResult, PartitionTask, PipelinePlugin, run_partition

Runner = Callable[[PartitionTask], PartitionResult]


class Engine(Protocol):
    """Runs partitions somewhere; a context manager."""

    name: str
    workers: int

    def __enter__(self) -> "Engine": ...

    def __exit__(self, *exc: object) -> None: ...

    def map(self, tasks: Iterable[PartitionTask]) -> Iterator[PartitionResult]: ...

    def map_calls(self, fn: Callable, args: Iterable[object]) -> Iterator[object]: ...


class LocalEngine:
    """The process pool of ``--engine local`` (fork where available, as ``extract_many``).

    A worker process that dies (killed, out of memory) breaks the pool: the pool is rebuilt
    and only the partitions that had not come back are submitted again (``max_restarts`` times).
    """

    name = "local"

    def __init__(self, workers: int = 1, *, runner: Runner = run_partition, max_restarts: int = 3):
        self.workers = max(1, workers)
        self.runner = runner
        self.max_restarts = max_restarts
        self._pool: Optional[cf.ProcessPoolExecutor] = None
        self.restarts = 0

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        methods = mp.get_all_start_methods()
        ctx = mp.get_context("fork") if "fork" in methods else mp.get_context()
        return cf.ProcessPoolExecutor(self.workers, mp_context=ctx)

    def __enter__(self) -> "LocalEngine":
        self._pool = self._new_pool()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def pids(self) -> list[int]:
        """Process ids of the pool's workers (for tests that kill one)."""
        procs = getattr(self._pool, "_processes", None) or {}
        return sorted(procs)

    def map(self, tasks: Iterable[PartitionTask]) -> Iterator[PartitionResult]:
        assert self._pool is not None, "use the engine as a context manager"
        limit = self.workers * 2
        pending: dict[cf.Future, PartitionTask] = {}
        source = iter(tasks)
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                task = next(source, None)
                if task is None:
                    exhausted = True
                    break
                try:
                    pending[self._pool.submit(self.runner, task)] = task
                except cf.process.BrokenProcessPool:  # a worker died since the last wait
                    pending[cf.Future()] = task
                    pending = self._restart(pending)
            if not pending:
                return
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            broken = False
            for fut in done:
                task = pending.pop(fut)
                try:
                    yield fut.result()
                except cf.process.BrokenProcessPool:
                    broken = True
                    pending[fut] = task  # re-run below
            if broken:
                pending = self._restart(pending)

    def map_calls(self, fn: Callable, args: Iterable[object]) -> Iterator[object]:
        """``fn(arg)`` for every arg on the pool (results as they finish; at most 2 per worker in flight).

        The argument and the result travel pickled in one call each, as on Dask
        (:func:`_call_pickled`), so both engines move a call's data the same way."""
        assert self._pool is not None, "use the engine as a context manager"
        source = iter(args)
        pending: set[cf.Future] = set()
        while True:
            while len(pending) < self.workers * 2:
                a = next(source, _END)
                if a is _END:
                    break
                pending.add(self._pool.submit(_call_pickled, fn, _dumps(a)))
            if not pending:
                return
            done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for fut in done:
                yield _loads(fut.result())

    def _restart(self, pending: dict[cf.Future, PartitionTask]) -> dict[cf.Future, PartitionTask]:
        """A worker died: a fresh pool, and every partition not yet returned submitted again."""
        self.restarts += 1
        if self.restarts > self.max_restarts:
            raise ConfigError(f"the local process pool broke {self.restarts} times; giving up",
                              hint="A worker keeps dying: check memory (--workers fewer, --partition-size smaller).")
        assert self._pool is not None
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()
        return {self._pool.submit(self.runner, t): t for t in pending.values()}


class DaskEngine:
    """``--engine dask``: the cluster at ``scheduler``, else a ``LocalCluster`` of processes.

    Each worker builds the pipeline once (:class:`PipelinePlugin`); a task whose worker dies
    is re-run elsewhere by the scheduler, so only that worker's partitions run again.
    """

    name = "dask"

    def __init__(self, settings: Settings, workers: int = 1, *, scheduler: Optional[str] = None,
                 runner: Runner = run_partition, threads_per_worker: int = 1):
        self.settings = settings
        self.workers = max(1, workers)
        self.scheduler = scheduler
        self.runner = runner
        self.threads = threads_per_worker
        self.client = None
        self._cluster = None
        self._environ: dict[str, Optional[str]] = {}

    def __enter__(self) -> "DaskEngine":
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError("--engine dask needs dask.distributed, which is not installed",
                              hint='pip install "whimbrel[dask]" (or use --engine local).') from exc
        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout="30s")
            except (OSError, TimeoutError) as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}",
                                  hint="Check the address (tcp://host:8786) and that the scheduler runs.") from exc
        else:
            import dask

            # distributed starts each worker process with MALLOC_TRIM_THRESHOLD_=65536 to hand
            # freed memory back sooner; any explicit glibc setting also fixes the mmap threshold at
            # 128 KiB, so every larger buffer (a parse's arrays) became an mmap, page faults and a
            # munmap: extraction ran ~1.5x slower than in a plain process (docs/scaling.md).
            # It also pins OMP/MKL/OpenBLAS to 1 thread, where a local pool worker gets the
            # libraries' default (OpenBLAS: one thread per core): these are left out too, so a
            # Dask worker runs with the environment a local worker runs with, the driver's (set
            # OMP_NUM_THREADS and the others there to choose, for both engines alike).
            # A nanny copies what it sets into this process's environment (and PYTHONHASHSEED),
            # which later pools and clusters would inherit: the environment is restored after.
            self._environ = {k: os.environ.get(k) for k in (*_UNSET_FOR_WORKERS, "PYTHONHASHSEED")}
            os.environ.pop(_TRIM, None)
            unset = {f"distributed.nanny.pre-spawn-environ.{k}": None for k in _UNSET_FOR_WORKERS}
            with dask.config.set(unset):
                self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=self.threads,
                                             processes=True, dashboard_address=None)
            self.client = Client(self._cluster)
        n = len(self.client.scheduler_info(n_workers=-1).get("workers", {}))
        self.workers = max(1, n) if self.scheduler else self.workers
        from .daskplugin import DaskPipelinePlugin

        self.client.register_plugin(DaskPipelinePlugin(self.settings), name=PipelinePlugin.name)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()
            for k, v in self._environ.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        self.client = self._cluster = None

    def map(self, tasks: Iterable[PartitionTask]) -> Iterator[PartitionResult]:
        yield from self._bounded(self._submit, tasks)

    def map_calls(self, fn: Callable, args: Iterable[object]) -> Iterator[object]:
        """``fn(arg)`` for every arg on the cluster (results as they finish; bounded in flight).

        Each argument is scattered to the worker with the fewest calls in flight and the call
        refers to it, so a large argument (a merge block holds ~4 MiB of scoring copies of
        reports) goes to the worker as data instead of inside the task graph, which the
        scheduler would unpickle and forward.  Should the worker that holds an argument die,
        the argument is scattered again and the call re-run (twice).

        The result comes back pickled in one call too: distributed serialises a list that a
        worker sends element by element (a header and a pickle call per item), which for a
        block's ~10,000 links cost ~0.3 s on the worker and more on the driver, each block,
        in the event-loop threads that the scoring and the driver's work share the GIL with
        (docs/scaling.md, "The merge on Dask")."""
        assert self.client is not None, "use the engine as a context manager"
        client = self.client
        held: dict[str, tuple[object, object, int, Optional[str]]] = {}  # key -> (data, arg, tries, worker)
        busy: dict[str, int] = {}  # calls in flight per worker address

        def least_busy() -> Optional[str]:
            # the scheduler would put every single-item scatter on the same worker, and each
            # call runs where its data is: the calls are spread by hand instead
            addrs = sorted(client.scheduler_info(n_workers=-1).get("workers", {}))
            return min(addrs, key=lambda w: busy.get(w, 0)) if addrs else None

        def place(blob: bytes) -> tuple[object, Optional[str]]:
            # the chosen worker may die between the scheduler's answer and the scatter (the
            # scatter then fails with a closed stream): ask again, a little later, up to 5 times
            for attempt in range(5):
                where = least_busy()
                try:
                    [data] = client.scatter([blob], hash=False, workers=[where] if where else None)
                    return data, where
                except Exception as exc:  # noqa: BLE001 - a lost worker surfaces as any of several errors
                    if attempt == 4 or not _lost_worker(exc):
                        raise
                    time.sleep(0.5 * (attempt + 1))
            raise AssertionError("unreachable")

        def submit(a: object, tries: int = 0):
            # pickled here, in one C call: distributed's own serialisation of a block of
            # reports took ~2 s a block on the driver, longer than scoring it
            blob = _dumps(a)
            data, where = place(blob)
            workers = [where] if where else None
            fut = client.submit(_call_pickled, fn, data, pure=False, retries=2, workers=workers,
                                allow_other_workers=True)
            held[fut.key] = (data, a, tries, where)
            if where:
                busy[where] = busy.get(where, 0) + 1
            return fut

        def collect(fut):
            data, a, tries, where = held.pop(fut.key)
            if where:
                busy[where] -= 1
            try:
                return _loads(fut.result()), None
            except Exception as exc:  # noqa: BLE001 - a lost worker surfaces as any of several errors
                if tries >= 2 or not _lost_worker(exc):
                    raise
                return None, submit(a, tries + 1)
            finally:
                fut.release()
                data.release()

        yield from self._bounded(submit, args, collect)

    def _bounded(self, submit: Callable[[object], object], items: Iterable,
                 collect: Optional[Callable[[object], tuple[object, object]]] = None) -> Iterator:
        """Results of ``submit(item)`` futures as they finish, at most 2 per worker in flight:
        one more is submitted each time one comes back, and each is released once read
        (``collect(future)`` gives its result, or a future re-submitted in its place)."""
        from distributed import as_completed

        assert self.client is not None, "use the engine as a context manager"
        source = iter(items)
        first = [submit(t) for t in _take(source, self.workers * 2)]
        if not first:
            return
        queue = as_completed(first)
        for fut in queue:
            if collect is None:
                result = fut.result()
                fut.release()
            else:
                result, again = collect(fut)
                if again is not None:
                    queue.add(again)
                    continue
            yield result
            for t in _take(source, 1):
                queue.add(submit(t))

    def _submit(self, task: PartitionTask):
        assert self.client is not None
        return self.client.submit(self.runner, task, key=f"whimbrel-partition-{task.index}-{id(task)}",
                                  pure=False, retries=2)


_END = object()
_TRIM = "MALLOC_TRIM_THRESHOLD_"
# what distributed's nannies set in the workers they spawn that a local pool worker does not get
_UNSET_FOR_WORKERS = (_TRIM, "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def _call_pickled(fn: Callable, blob: bytes) -> bytes:
    """``fn`` of the argument pickled in ``blob``, its result pickled (runs on a worker, either
    engine): the argument and the result each cross in one pickle call."""
    return _dumps(fn(_loads(blob)))


def _dumps(obj: object) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def _loads(blob: bytes) -> object:
    """``pickle.loads`` with the cyclic collector paused: a merge block unpickles to ~10^5
    containers (token sets), and the collections they trigger on the way took about half
    of the unpickling (a worker's heap holds the pipeline's objects too, walked by each one)."""
    from ..store.dedupe import collector_paused

    with collector_paused():
        return pickle.loads(blob)


def _lost_worker(exc: BaseException) -> bool:
    """Whether ``exc`` says a call failed because a worker (and the data it held) went away."""
    from distributed.scheduler import KilledWorker

    # distributed's FutureCancelledError (lost data) is a CancelledError, its CommClosedError an OSError
    return isinstance(exc, (KilledWorker, cf.CancelledError, OSError))


def _take(source: Iterator, n: int) -> list:
    out = []
    for _ in range(n):
        t = next(source, _END)
        if t is _END:
            break
        out.append(t)
    return out


def make_engine(name: str, settings: Settings, workers: int, scheduler: Optional[str] = None,
                runner: Runner = run_partition) -> Engine:
    """The engine called ``name`` (``local`` or ``dask``)."""
    if name == "local":
        if scheduler:
            raise ConfigError("--scheduler needs --engine dask")
        return LocalEngine(workers, runner=runner)
    if name == "dask":
        return DaskEngine(settings, workers, scheduler=scheduler, runner=runner)
    raise ConfigError(f"unknown engine {name!r}", hint="Use --engine local or --engine dask.")


__all__ = ["DaskEngine", "Engine", "LocalEngine", "make_engine"]
