"""A small pipeline of declared stages.

Each stage names the slots of :class:`Work` it ``needs`` and the slots it ``gives``.
:class:`Pipeline` checks when it is built that every need is given by an earlier
stage (or is present at the start: ``article``), so a mis-ordered or incomplete
pipeline fails at construction, not halfway through a corpus.

Stages are plain objects; heavy resources (the spaCy model, the gazetteer) are
created lazily by the stage on first use and never at import time, so a pipeline
can be pickled to Dask workers before anything is loaded.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable, Iterator, Optional, Protocol, Sequence

from .errors import PipelineError, StageFailed, WhimbrelError
from .records import Article, Event, Skip

SLOTS = (
    "article",  # Article as read (given at the start)
    "text",  # cleaned text (Article.text after clean)
    "doc",  # spaCy Doc over text
    "places",  # list[Place]: every toponym in the text
    "mentions",  # list[Mention]: event reports, one per trigger
    "events",  # list[Event]: merged, resolved events
)


@dataclass
class Work:
    """The working state of one article as it moves through the stages."""

    article: Article
    text: Optional[str] = None
    doc: Any = None
    places: Optional[list] = None
    mentions: Optional[list] = None
    events: Optional[list[Event]] = None
    skip: Optional[Skip] = None
    timings: dict[str, float] = field(default_factory=dict)

    def has(self, slot: str) -> bool:
        return getattr(self, slot) is not None


class Stage(Protocol):
    name: ClassVar[str]
    needs: ClassVar[tuple[str, ...]]
    gives: ClassVar[tuple[str, ...]]

    def __call__(self, work: Work) -> Work: ...


class BatchStage(Stage, Protocol):
    """A stage that is faster on many articles at once (e.g. spaCy's nlp.pipe)."""

    def run_batch(self, works: Sequence[Work]) -> list[Work]: ...


def _guarded(stage: Stage, work: Work) -> None:
    """Run one stage on one article; a failure skips that article (as data), not the batch."""
    try:
        stage(work)
    except WhimbrelError as err:
        work.skip = Skip(origin=work.article.origin or work.article.id, code=err.code, reason=str(err),
                         article_id=work.article.id)
    except Exception as exc:  # noqa: BLE001 - any bug in a stage must not lose the rest of the batch
        err = StageFailed(f"stage {stage.name!r} failed on this article: {type(exc).__name__}: {exc}")
        work.skip = Skip(origin=work.article.origin or work.article.id, code=err.code, reason=str(err),
                         article_id=work.article.id)


class Pipeline:
    """An ordered list of stages whose needs and gives have been checked."""

    def __init__(self, stages: Sequence[Stage]):
        available = {"article"}
        for stage in stages:
            for slot in stage.needs:
                if slot not in SLOTS:
                    raise PipelineError(f"stage {stage.name!r} needs unknown slot {slot!r}")
                if slot not in available:
                    raise PipelineError(
                        f"stage {stage.name!r} needs {slot!r}, which no earlier stage gives"
                    )
            for slot in stage.gives:
                if slot not in SLOTS:
                    raise PipelineError(f"stage {stage.name!r} gives unknown slot {slot!r}")
                available.add(slot)
        self.stages = list(stages)
        self.gives = frozenset(available)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, work: Work) -> Work:
        return self.run_many([work])[0]

    def run_many(self, works: Iterable[Work]) -> list[Work]:
        """Run all stages over a batch; skipped articles stop early and keep their reason."""
        batch = list(works)
        for stage in self.stages:
            live = [w for w in batch if w.skip is None]
            if not live:
                break
            t0 = time.perf_counter()
            run_batch = getattr(stage, "run_batch", None)
            if run_batch is not None:
                try:
                    run_batch(live)
                except Exception:  # noqa: BLE001 - retried one by one below to isolate the article
                    for w in live:
                        _guarded(stage, w)
            else:
                for w in live:
                    _guarded(stage, w)
            spent = time.perf_counter() - t0
            for w in live:
                w.timings[stage.name] = w.timings.get(stage.name, 0.0) + spent / len(live)
        return batch

    def stream(self, works: Iterable[Work], batch_size: int = 32) -> Iterator[Work]:
        chunk: list[Work] = []
        for w in works:
            chunk.append(w)
            if len(chunk) >= batch_size:
                yield from self.run_many(chunk)
                chunk = []
        if chunk:
            yield from self.run_many(chunk)


__all__ = ["BatchStage", "Pipeline", "SLOTS", "Stage", "Work"]
