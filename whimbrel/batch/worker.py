"""What runs on a worker: one partition of articles through the whole per-article pipeline.

Workers receive :class:`~whimbrel.records.Article` records (never spaCy objects) and return
typed results: the cleaned article, its events (or the Skip that stopped it) and its MinHash
signature for syndication.  The pipeline (spaCy model, gazetteer, actor knowledge base) is
built once per process and per settings digest, on the first partition, by
:func:`pipeline_for`; a Dask worker builds it when it joins (:class:`PipelinePlugin`).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from typing import Optional, Sequence, Union

from ..chunking import chunked
from ..pipeline import Pipeline, Work
from ..records import Article, Event, Skip
from ..settings import Settings

# settings that change how work is scheduled, never what it produces
_SCHEDULING = ("workers", "batch_size", "db", "data_dir")


def settings_digest(settings: Settings) -> str:
    """A digest of the settings that decide the output (not the scheduling ones)."""
    values = {k: v for k, v in sorted(asdict(settings).items()) if k not in _SCHEDULING}
    return hashlib.sha1(json.dumps(values, sort_keys=True).encode("utf-8")).hexdigest()[:16]


class _ProcessPipelines:
    """The pipelines built in this process, by settings digest.

    Held on the class, checked against the process id: a forked child never reuses the
    parent's objects, and no state is shared between processes.
    """

    pid: Optional[int] = None
    built: dict[str, Pipeline] = {}
    builds: int = 0


def pipeline_for(settings: Settings) -> Pipeline:
    """This process's pipeline for ``settings`` (built on first use, then reused)."""
    from ..extract import build_pipeline

    if _ProcessPipelines.pid != os.getpid():
        _ProcessPipelines.pid = os.getpid()
        _ProcessPipelines.built = {}
        _ProcessPipelines.builds = 0
    key = settings_digest(settings)
    pipe = _ProcessPipelines.built.get(key)
    if pipe is None:
        pipe = build_pipeline(settings)
        _ProcessPipelines.built[key] = pipe
        _ProcessPipelines.builds += 1
    return pipe


def pipelines_built() -> int:
    """How many pipelines this process has built (1 per settings digest when cached right)."""
    return _ProcessPipelines.builds if _ProcessPipelines.pid == os.getpid() else 0


@dataclass(frozen=True)
class ArticleResult:
    """One input's outcome: the cleaned article and its events, or the Skip."""

    item: Union[Article, Skip]
    events: tuple[Event, ...] = ()  # the events that count (as the store counts them)
    held: tuple[tuple[Event, str], ...] = ()  # events held back by the screen, with their reason
    skip: Optional[Skip] = None
    minhash: Optional[bytes] = None
    digest: Optional[str] = None  # content hash of the article as read (as the store keys it)


@dataclass(frozen=True)
class PartitionTask:
    """A partition of the input, as shipped to a worker."""

    index: int
    items: tuple[Union[Article, Skip], ...]
    settings: Settings


@dataclass(frozen=True)
class PartitionResult:
    """A worker's answer for one partition."""

    index: int
    results: tuple[ArticleResult, ...]
    pid: int = 0
    peak_rss_mb: float = 0.0
    seconds: float = 0.0
    notes: dict[str, int] = field(default_factory=dict)


def run_partition(task: PartitionTask) -> PartitionResult:
    """Extract every article of ``task`` (in input order); inputs that fail become Skips."""
    import time

    from ..store.model import content_hash
    from ..store.ingest import Syndication, split_held

    t0 = time.perf_counter()
    pipe = pipeline_for(task.settings)
    syn = Syndication()
    articles = [it for it in task.items if isinstance(it, Article)]
    done: dict[int, Work] = {}
    for chunk in chunked(articles, task.settings.batch_size):
        for a, w in zip(chunk, pipe.run_many([Work(article=a) for a in chunk])):
            done[id(a)] = w
    out: list[ArticleResult] = []
    for it in task.items:
        if isinstance(it, Skip):
            out.append(ArticleResult(item=it, skip=it))
            continue
        w = done[id(it)]
        if w.skip is not None:
            out.append(ArticleResult(item=w.article or it, skip=w.skip))
            continue
        art = w.article
        sig = syn.signature(art.text)
        kept, held = split_held(w.events or (), task.settings)
        out.append(ArticleResult(item=art, events=tuple(kept), held=tuple(held),
                                 minhash=Syndication.pack(sig) if sig else None, digest=content_hash(it)))
    return PartitionResult(index=task.index, results=tuple(out), pid=os.getpid(),
                           peak_rss_mb=_peak_rss_mb(), seconds=time.perf_counter() - t0,
                           notes={"pipelines_built": pipelines_built()})


def _peak_rss_mb() -> float:
    """This process's peak resident set size in MB.

    Linux's ``VmHWM`` belongs to the address space, which ``exec`` replaces, so a Dask worker
    (spawned: fork, then exec) reports its own peak.  ``ru_maxrss`` is kept across ``exec``: a
    worker spawned by a driver holding 2.7 GB after a merge reported 2.7 GB it never used.
    """
    import resource
    import sys

    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class PipelinePlugin:
    """A Dask worker plugin that builds the pipeline once when the worker starts."""

    name = "whimbrel-pipeline"

    def __init__(self, settings: Settings):
        self.settings = settings

    def setup(self, worker: object) -> None:
        if os.environ.get("MALLOC_TRIM_THRESHOLD_"):
            import logging

            logging.getLogger("whimbrel.batch").warning(
                "this worker runs with MALLOC_TRIM_THRESHOLD_=%s (distributed's default for the "
                "workers a nanny spawns): extraction runs ~1.5x slower; set "
                "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_ to null in the "
                "workers' Dask configuration (docs/scaling.md)", os.environ["MALLOC_TRIM_THRESHOLD_"])
        pipeline_for(self.settings)

    def teardown(self, worker: object) -> None:
        return None


__all__ = ["ArticleResult", "PartitionResult", "PartitionTask", "PipelinePlugin", "pipeline_for",
           "pipelines_built", "run_partition", "settings_digest"]
