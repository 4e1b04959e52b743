"""A small pipeline of declared stages.

Each stage names the slots of :class:`Work` it ``needs`` and the slots it ``gives``
(:data:`SLOTS` lists them all).  :class:`Pipeline` checks when it is built that every
need is given by an earlier stage (or is present at the start: ``article``), so a
mis-ordered or incomplete pipeline fails at construction, not halfway through a corpus.
Slots are fine-grained where one attribute changes meaning along the way: the
``mentions`` a trigger stage finds (``mentions.raw``) are not yet the resolved ones a
merge stage needs (``mentions.resolved``).  :meth:`Pipeline.explain` (``whimbrel
pipeline``) prints each stage with what it needs and gives.

Stages are plain objects; heavy resources (the spaCy model, the gazetteer) are
created lazily by the stage on first use and never at import time, so a pipeline
can be pickled to worker processes before anything is loaded, and a :class:`Work`
pickles after any stage.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Callable, ClassVar, Iterable, Iterator, Optional, Protocol, Sequence

from .chunking import chunked
from .errors import PipelineError, StageFailed, WhimbrelError
from .records import Article, Event, Skip

SLOTS: dict[str, str] = {
    "article": "the Article as read (given at the start)",
    "text": "the cleaned main text",
    "doc": "the spaCy Doc over the text",
    "places": "every toponym of the text, resolved (list[Place])",
    "mentions.raw": "event reports found by their triggers: type, mode, trigger words, sentence",
    "mentions.resolved": "the same reports with actors, place, date, figures, claims and modality",
    "events.merged": "the article's merged events (list[Event]), not yet screened",
    "events.screened": "the same events with relevance, trigger-sense and actor checks, held reasons and confidence",
}
"""Every slot a stage can need or give, with what it holds.  A slot ``a.b`` lives in the
attribute ``a`` of :class:`Work`."""


def slot_attribute(slot: str) -> str:
    """The :class:`Work` attribute that holds ``slot`` (``mentions.raw`` → ``mentions``)."""
    return slot.split(".", 1)[0]


@dataclass
class Work:
    """The working state of one article as it moves through the stages.

    A Work pickles whatever stage it has reached: spaCy tokens and spans held by its
    mentions travel as positions in its Doc and are bound again to the unpickled Doc.
    """

    article: Article
    text: Optional[str] = None
    doc: Any = None
    places: Optional[list] = None
    mentions: Optional[list] = None
    events: Optional[list[Event]] = None
    skip: Optional[Skip] = None
    error: Optional[WhimbrelError] = None  # the error behind ``skip``, for a caller of one article
    timings: dict[str, float] = field(default_factory=dict)

    def has(self, slot: str) -> bool:
        return getattr(self, slot_attribute(slot)) is not None

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        if self.mentions and self.doc is not None:
            state["mentions"] = _convert(self.mentions, _to_positions())
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        if self.mentions and self.doc is not None:
            self.mentions = _convert(self.mentions, _to_views(self.doc))


@dataclass(frozen=True)
class _TokenAt:
    """A spaCy Token in transit: its position in the Work's Doc."""

    i: int


@dataclass(frozen=True)
class _SpanAt:
    """A spaCy Span in transit: its token range and label in the Work's Doc."""

    start: int
    end: int
    label: str


def _to_positions() -> Callable[[Any], Any]:
    from spacy.tokens import Span, Token

    def leaf(v: Any) -> Any:
        if isinstance(v, Token):
            return _TokenAt(v.i)
        if isinstance(v, Span):
            return _SpanAt(v.start, v.end, v.label_)
        return v

    return leaf


def _to_views(doc: Any) -> Callable[[Any], Any]:
    from spacy.tokens import Span

    def leaf(v: Any) -> Any:
        if isinstance(v, _TokenAt):
            return doc[v.i]
        if isinstance(v, _SpanAt):
            return Span(doc, v.start, v.end, label=v.label)
        return v

    return leaf


def _convert(value: Any, leaf: Callable[[Any], Any]) -> Any:
    """``value`` rebuilt with ``leaf`` applied inside lists, tuples, dicts and mutable
    dataclasses (the working records of the stages; public records hold no spaCy views)."""
    if isinstance(value, list):
        return [_convert(x, leaf) for x in value]
    if isinstance(value, tuple):
        return tuple(_convert(x, leaf) for x in value)
    if isinstance(value, dict):
        return {k: _convert(x, leaf) for k, x in value.items()}
    if is_dataclass(value) and not isinstance(value, type) and not value.__dataclass_params__.frozen:
        clone = copy.copy(value)
        for f in fields(value):
            setattr(clone, f.name, _convert(getattr(value, f.name), leaf))
        return clone
    return leaf(value)


class Stage(Protocol):
    name: ClassVar[str]
    needs: ClassVar[tuple[str, ...]]
    gives: ClassVar[tuple[str, ...]]

    def __call__(self, work: Work) -> Work: ...


@dataclass(frozen=True)
class StageInfo:
    """One row of :meth:`Pipeline.explain`: a stage and the slots it needs and gives."""

    name: str
    needs: tuple[str, ...]
    gives: tuple[str, ...]
    batched: bool
    summary: str


def _guarded(stage: Stage, work: Work) -> None:
    """Run one stage on one article; a failure skips that article (as data), not the batch."""
    try:
        stage(work)
    except WhimbrelError as err:
        _skip(work, err)
    except Exception as exc:  # noqa: BLE001 - any bug in a stage must not lose the rest of the batch
        _skip(work, StageFailed(f"stage {stage.name!r} failed on this article: {type(exc).__name__}: {exc}"))


def _skip(work: Work, err: WhimbrelError) -> None:
    """Mark ``work`` skipped by ``err``: a Skip record for the batch, the error for a caller."""
    work.error = err
    work.skip = Skip.from_error(err, work.article.origin or work.article.id, work.article.id)


def _missing_hint(slot: str) -> str:
    return (f"Add a stage that gives {slot!r} ({SLOTS[slot]}) before this one; "
            "`whimbrel pipeline` shows what each default stage needs and gives.")


class Pipeline:
    """An ordered list of stages whose needs and gives have been checked."""

    def __init__(self, stages: Sequence[Stage]):
        available = {"article"}
        for stage in stages:
            for slot in stage.needs:
                if slot not in SLOTS:
                    raise PipelineError(f"stage {stage.name!r} needs unknown slot {slot!r}")
                if slot not in available:
                    raise PipelineError(f"stage {stage.name!r} needs {slot!r}, which no earlier stage gives",
                                        hint=_missing_hint(slot))
            for slot in stage.gives:
                if slot not in SLOTS:
                    raise PipelineError(f"stage {stage.name!r} gives unknown slot {slot!r}")
                available.add(slot)
        self.stages = list(stages)
        self.gives = frozenset(available)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def explain(self) -> list[StageInfo]:
        """Each stage in order with the slots it needs and gives (``whimbrel pipeline``)."""
        rows = []
        for stage in self.stages:
            lines = (type(stage).__doc__ or "").strip().splitlines()
            rows.append(StageInfo(stage.name, tuple(stage.needs), tuple(stage.gives),
                                  hasattr(stage, "run_batch"), lines[0].replace("``", "") if lines else ""))
        return rows

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
        for chunk in chunked(works, batch_size):
            yield from self.run_many(chunk)


__all__ = ["Pipeline", "SLOTS", "Stage", "StageInfo", "Work", "slot_attribute"]
