"""The article → events pipeline and its public entry points."""

from __future__ import annotations

from typing import Iterable, Iterator, Optional, Union

from .pipeline import Pipeline, Work
from .records import Article, Event, Skip
from .settings import Settings, load


def build_pipeline(settings: Optional[Settings] = None, *, nlp=None, gazetteer=None, kb=None) -> Pipeline:
    """The default stages: clean → nlp → places → triggers → resolve → merge."""
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
            ResolveStage(s.actors or None, kb=kb),
            MergeStage(),
            ScreenStage(),
        ]
    )


def counted(event: Event, min_confidence: float = 0.0) -> bool:
    """Whether an event is in the default output: not held back and confident enough."""
    return event.held is None and event.confidence >= min_confidence


def visible(events: list[Event], settings: Settings) -> list[Event]:
    """The events ``settings`` lets through (all of them with ``all_events``)."""
    if settings.all_events:
        return list(events)
    return [e for e in events if counted(e, settings.min_confidence)]


def extract_many(
    articles: Iterable[Union[Article, Skip]],
    settings: Optional[Settings] = None,
    *,
    pipeline: Optional[Pipeline] = None,
) -> Iterator[tuple[Union[Article, Skip], Union[list[Event], Skip]]]:
    """Run the pipeline over articles (batched); yields (cleaned article, events) or (input, Skip)."""
    s = settings or load()
    if s.workers > 1 and pipeline is None:
        yield from _extract_parallel(articles, s)
        return
    pipe = pipeline or build_pipeline(s)
    pending: list[Work] = []

    def flush() -> Iterator[tuple]:
        for w in pipe.run_many(pending):
            if w.skip is not None:
                yield w.article, w.skip
            else:
                yield w.article, visible(w.events or [], s)
        pending.clear()

    for item in articles:
        if isinstance(item, Skip):
            yield item, item
            continue
        pending.append(Work(article=item))
        if len(pending) >= s.batch_size:
            yield from flush()
    if pending:
        yield from flush()


class _Worker:
    """The pipeline of one worker process, built on its first batch."""

    pipeline: Optional[Pipeline] = None
    settings: Optional[Settings] = None


def _init_worker(settings: Settings) -> None:
    _Worker.settings = settings
    _Worker.pipeline = None


def _run_batch(batch: list[Article]) -> list[tuple]:
    if _Worker.pipeline is None:
        _Worker.pipeline = build_pipeline(_Worker.settings)
    out = []
    for w in _Worker.pipeline.run_many([Work(article=a) for a in batch]):
        out.append((w.article, w.skip if w.skip is not None else visible(w.events or [], _Worker.settings)))
    return out


def _extract_parallel(articles: Iterable[Union[Article, Skip]], s: Settings) -> Iterator[tuple]:
    """Batches of articles over ``s.workers`` processes, results in input order."""
    import multiprocessing as mp

    def batches() -> Iterator[list]:
        chunk: list = []
        for item in articles:
            chunk.append(item)
            if len(chunk) >= s.batch_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def work(chunk: list) -> list:
        return [a for a in chunk if not isinstance(a, Skip)]

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(s.workers, initializer=_init_worker, initargs=(s,)) as pool:
        pending = []
        for chunk in batches():
            skips = [a for a in chunk if isinstance(a, Skip)]
            for sk in skips:
                yield sk, sk
            pending.append(pool.apply_async(_run_batch, (work(chunk),)))
            while len(pending) > s.workers * 2:
                yield from pending.pop(0).get()
        for job in pending:
            yield from job.get()


def extract(text: str, published: Optional[str] = None, *, pipeline: Optional[Pipeline] = None, article_id: Optional[str] = None,
            settings: Optional[Settings] = None) -> list[Event]:
    """Events of one article's text, dates resolved against ``published`` (YYYY-MM-DD).

    Held-back and low-confidence events are left out as ``settings`` say (default: the
    ``min_confidence`` and ``all_events`` settings)."""
    article = Article(id=article_id or Article.content_id(text), text=text, raw=text, published=published)
    pipe = pipeline or _default_pipeline()
    work = pipe.run(Work(article=article))
    if work.skip is not None:
        from .errors import InputError

        raise InputError(work.skip.reason, origin=work.skip.origin)
    return visible(work.events or [], settings or load())


class _Default:
    """Holds the default pipeline for repeated ``extract`` calls in one process."""

    pipeline: Optional[Pipeline] = None


def _default_pipeline() -> Pipeline:
    if _Default.pipeline is None:
        _Default.pipeline = build_pipeline()
    return _Default.pipeline


__all__ = ["build_pipeline", "extract", "extract_many"]
