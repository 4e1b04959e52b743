"""The article → events pipeline and its public entry points."""

from __future__ import annotations

import collections
import gc
import itertools
import threading
import warnings
from typing import Iterable, Iterator, Optional, Union

from .chunking import chunked
from .errors import BadDate, EmptyInput, StageFailed, WhimbrelError
from .pipeline import Pipeline, Work
from .records import Article, Event, Skip
from .settings import Settings, load
from .spacy_doc import forget


def build_pipeline(settings: Optional[Settings] = None, *, nlp=None, gazetteer=None, kb=None) -> Pipeline:
    """The default stages: clean → nlp → places → triggers → acled-fallback → resolve → merge → screen."""
    from .stages.acled_fallback import AcledFallbackStage
    from .stages.clean import CleanStage
    from .stages.merge import MergeStage
    from .stages.nlp import NlpStage
    from .stages.resolve import PlacesStage, ResolveStage
    from .stages.screen import ScreenStage
    from .stages.triggers import TriggerStage

    s = settings or load()
    return Pipeline(
        [
            CleanStage(s),
            NlpStage(s.spacy_model, nlp=nlp, batch_size=s.batch_size),
            PlacesStage(gazetteer),
            TriggerStage(),
            AcledFallbackStage(),
            ResolveStage(s.actors or None, kb=kb),
            MergeStage(),
            ScreenStage(),
        ]
    )


class PipelineCache:
    """Built pipelines, one per distinct :class:`Settings`, safe to share between threads.

    Building a pipeline is cheap (models load on first use), but the first use is not:
    callers that extract article after article (the HTTP server, a notebook) reuse the
    pipeline of their settings.  A new settings value gets its own pipeline, so a change
    of settings is never silently ignored.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._built: dict[Settings, Pipeline] = {}

    def get(self, settings: Settings) -> Pipeline:
        with self._lock:
            pipe = self._built.get(settings)
            if pipe is None:
                pipe = self._built[settings] = build_pipeline(settings)
            return pipe

    def clear(self) -> None:
        with self._lock:
            self._built.clear()


_PIPELINES = PipelineCache()


def counted(event: Event, min_confidence: float = 0.0) -> bool:
    """Whether an event is in the default output: not held back and confident enough."""
    return event.held is None and event.confidence >= min_confidence


def visible(events: list[Event], settings: Settings) -> list[Event]:
    """The events ``settings`` lets through (all of them with ``all_events``)."""
    if settings.all_events:
        return list(events)
    return [e for e in events if counted(e, settings.min_confidence)]


def _outcome(w: Work, settings: Settings) -> tuple[Article, Union[list[Event], Skip]]:
    return w.article, (w.skip if w.skip is not None else visible(w.events or [], settings))


def extract_many(
    articles: Iterable[Union[Article, Skip]],
    settings: Optional[Settings] = None,
    *,
    pipeline: Optional[Pipeline] = None,
) -> Iterator[tuple[Union[Article, Skip], Union[list[Event], Skip]]]:
    """Run the pipeline over articles (batched); yields (cleaned article, events) or (input, Skip),
    in input order, skips in their place.

    With more than one worker (``settings.workers``; 0 means one per core) and more than one
    batch of input, batches go to worker processes; the output is the same as in one process.
    """
    s = settings or load()
    workers = s.worker_count()
    pipe = pipeline or _PIPELINES.get(s)
    items = iter(articles)
    if workers > 1 and pipeline is None:
        head = list(itertools.islice(items, s.batch_size + 1))
        if len(head) > s.batch_size:  # more than one batch: worth the worker processes
            yield from _extract_parallel(itertools.chain(head, items), s, workers)
            return
        items = iter(head)
    with _BatchGC() as quiet:
        for chunk in chunked(items, s.batch_size):
            done = _run_chunk(pipe, chunk, s)
            quiet.batch_done()  # the first batch loaded the models: frozen from now on
            yield from done


class _BatchGC:
    """The cyclic garbage collector tuned for a run of batches, and put back as it was after.

    A run keeps the loaded models (hundreds of thousands of objects) alive throughout and
    makes millions of short-lived ones; by default every full collection walks the models
    again.  :meth:`freeze` collects once and moves what survives (the models) out of the
    collector's sight (``gc.freeze``); the young generation is collected every 10,000
    allocations instead of 700, and everything after each batch (:meth:`batch_done`: a
    batch's Docs are cyclic garbage once it is done, and with the rarer collections they
    would pile up: 300 articles, peak memory 978 MiB without, 585-645 MiB with or with
    the default collector).  Objects are freed as before, cyclic garbage at the end of
    its batch.  On exit the threshold is put back
    and the frozen objects returned to the collector (unless something had frozen objects
    before, or another run is still going in another thread).
    """

    _lock = threading.Lock()
    _depth = 0
    _saved: Optional[tuple] = None

    def __init__(self) -> None:
        self._frozen = False

    def __enter__(self) -> "_BatchGC":
        cls = _BatchGC
        with cls._lock:
            if cls._depth == 0:
                cls._saved = (gc.get_threshold(), gc.get_freeze_count())
                first = cls._saved[0]
                gc.set_threshold(max(first[0], 10_000), *first[1:])
            cls._depth += 1
        return self

    def freeze(self) -> None:
        if not self._frozen:
            self._frozen = True
            gc.collect()
            gc.freeze()

    def batch_done(self) -> None:
        """A batch is done: its garbage collected; the first time, what survives frozen."""
        if self._frozen:
            gc.collect()
        else:
            self.freeze()

    def __exit__(self, *exc: object) -> None:
        cls = _BatchGC
        with cls._lock:
            cls._depth -= 1
            if cls._depth == 0 and cls._saved is not None:
                threshold, frozen_before = cls._saved
                gc.set_threshold(*threshold)
                if not frozen_before:
                    gc.unfreeze()
                cls._saved = None


def _run_chunk(pipe: Pipeline, chunk: list, settings: Settings) -> list[tuple]:
    """One batch of articles and skips → outcomes in the same order (held-back and
    low-confidence events left out as ``settings`` say)."""
    works = [Work(article=a) for a in chunk if not isinstance(a, Skip)]
    done = iter(pipe.run_many(works))
    out = [(item, item) if isinstance(item, Skip) else _outcome(next(done), settings) for item in chunk]
    _forget_docs(works)
    return out


def _forget_docs(works: Iterable[Work]) -> None:
    """Works done with: each Doc's memo dropped (:func:`~whimbrel.spacy_doc.forget`), so the Doc is
    freed when its Work goes instead of being left as cyclic garbage for the collector."""
    for w in works:
        if w.doc is not None:
            forget(w.doc)


class _Worker:
    """The pipeline of one worker process: inherited from the parent (fork) or built on its
    first batch."""

    pipeline: Optional[Pipeline] = None
    settings: Optional[Settings] = None
    since_collect = 0  # articles since the last full collection (:class:`_BatchGC`)


def _init_worker(settings: Settings, inherited: bool) -> None:
    _Worker.settings = settings
    # a forked worker finds the parent's loaded pipeline in its copy of the cache
    _Worker.pipeline = _PIPELINES.get(settings) if inherited else None


def _run_batch(batch: list) -> list[tuple]:
    if _Worker.pipeline is None:
        _Worker.pipeline = build_pipeline(_Worker.settings)
    done = _run_chunk(_Worker.pipeline, batch, _Worker.settings)
    _Worker.since_collect += len(batch)
    if _Worker.since_collect >= _Worker.settings.batch_size:  # a batch's worth of cyclic garbage
        _Worker.since_collect = 0
        gc.collect()
    return done


_WARM_UP = (
    "Syrian government forces shelled the town of Idlib on Monday, killing 12 civilians, the Syrian "
    "Observatory for Human Rights said. Police in Lagos arrested 20 protesters, witnesses told reporters."
)


def _warm(pipe: Pipeline) -> None:
    """Load what a pipeline loads on first use (the model, the knowledge bases)."""
    pipe.run_many([Work(article=Article(id="warm-up", text=_WARM_UP, raw=_WARM_UP, language="en"))])


def parallel_task_size(batch_size: int) -> int:
    """Articles per worker task: a quarter of ``batch_size`` (at least 1)."""
    return max(1, batch_size // 4)


def _extract_parallel(articles: Iterable[Union[Article, Skip]], s: Settings, workers: int) -> Iterator[tuple]:
    """Batches of articles over ``workers`` processes, results in input order."""
    import multiprocessing as mp

    fork = "fork" in mp.get_all_start_methods()
    ctx = mp.get_context("fork") if fork else mp.get_context()
    with _BatchGC() as quiet:
        if fork:
            # load once here; the forked workers share the loaded model instead of each loading
            # it, and inherit it frozen: their collections never walk it (nor copy its pages)
            _warm(_PIPELINES.get(s))
            quiet.freeze()
        yield from _run_in_pool(articles, s, workers, ctx, fork)


def _run_in_pool(articles: Iterable[Union[Article, Skip]], s: Settings, workers: int, ctx, fork: bool) -> Iterator[tuple]:
    # tasks a quarter of a batch: the workers end together, and they share cores with other
    # programs more evenly (300 articles, 2 workers: 10.9 against 7.5 articles/s with batches
    # of 32 under load); a Doc's parse does not depend on the batch it is parsed in
    task = parallel_task_size(s.batch_size)
    with ctx.Pool(workers, initializer=_init_worker, initargs=(s, fork)) as pool:
        pending: collections.deque = collections.deque()
        for chunk in chunked(articles, task):
            pending.append(pool.apply_async(_run_batch, (chunk,)))
            while len(pending) > workers * 2 * (s.batch_size // task):
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def extract(
    text: str,
    published: Optional[str] = None,
    *,
    pipeline: Optional[Pipeline] = None,
    settings: Optional[Settings] = None,
    article_id: Optional[str] = None,
) -> list[Event]:
    """Events of one article's text, dates resolved against ``published`` (YYYY-MM-DD or a date).

    A ``published`` value that is no real day, or more than a day in the future, is refused
    with a ``UserWarning`` (E208) and the text is read as undated.

    Raises the specific :class:`~whimbrel.errors.WhimbrelError` that stopped the article
    (e.g. :class:`~whimbrel.errors.EmptyInput` for an empty text).  Without ``pipeline``,
    the pipeline of ``settings`` (default: the loaded settings) is built once and reused.
    Held-back and low-confidence events are left out as ``settings`` say (the
    ``min_confidence`` and ``all_events`` settings).
    """
    if not text or not text.strip():
        raise EmptyInput("the text to extract from is empty or only whitespace",
                         hint="Pass the article's text; there is nothing to read in an empty string.")
    published = _checked_published(published)
    article = Article(id=article_id or Article.content_id(text), text=text, raw=text, published=published)
    s = settings or load()
    pipe = pipeline or _PIPELINES.get(s)
    work = pipe.run(Work(article=article))
    if work.skip is not None:
        raise _error_of(work)
    return visible(work.events or [], s)


def _checked_published(value: object) -> Optional[str]:
    """``published`` read as every reader reads it; a refused value warns (E208) and reads as undated."""
    from .stages.pubdate import read_published

    got = read_published(value)
    if got.problem:
        warnings.warn(f"[{BadDate.code}] published: {got.problem}; the article is read as undated", UserWarning,
                      stacklevel=3)
    return got.value


def _error_of(work: Work) -> WhimbrelError:
    """The error that skipped ``work``, as its own class (never a generic batch error)."""
    if work.error is not None:
        return work.error
    skip = work.skip
    return StageFailed(skip.reason if skip else "the article was skipped", origin=skip.origin if skip else None)


__all__ = ["PipelineCache", "build_pipeline", "counted", "extract", "extract_many", "visible"]
