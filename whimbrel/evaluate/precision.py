"""``precision-dev``: how much of what whimbrel emits on an ordinary news stream is real.

The gold is a package data file of hand labels (``data/precision_dev.jsonl``, see
``data/README.md``) over whimbrel's own output on two public sources read from the
``shared_dir`` setting (:mod:`whimbrel.evaluate.stream`): web pages of the
article-extraction benchmark and LGL local news.  Each label is keyed by article id,
the trigger's character offsets in the cleaned text and the event type whimbrel gave
at labelling time, and says whether the event is **valid** (a real political,
conflict or crime event that happened or is asserted), whether its **type** is right
and whether its **actor** is right.  No article text is stored in the repository.

Labels follow the extractor: an event whimbrel emits now that has no label (a new
trigger, a changed type) is *unlabelled*; the report gives the labelled share of the
current output, so a drop says that the set needs new labels.

Metrics, on each half (``tune``, ``check``; split by article with a fixed seed):

* ``H.kept.accuracy`` — precision: the share of counted, labelled events (not held
  back, confidence at least the ``min_confidence`` setting) that are valid *and*
  correctly typed;
* ``H.baseline.precision`` — the same share when everything is kept (the do-nothing
  baseline: ``--all-events --min-confidence 0``);
* ``H.valid.precision`` — share of counted labelled events that are valid at all;
* ``H.type.accuracy`` / ``H.actor.accuracy`` — among counted valid events;
* ``H.real.recall`` — share of the valid, correctly typed labelled events that are
  still counted (what the filters cost);
* ``H.labelled_share`` — labelled share of the counted output of the labelled articles;
* ``H.by_type.T.precision`` — precision per event type.
"""

from __future__ import annotations

import json
import random
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from ..errors import EvalError
from ..records import Event
from .base import EvalResult

LABELS = Path(__file__).resolve().parent / "data" / "precision_dev.jsonl"
HALVES = ("tune", "check")
DRAW_SEED = 10
"""The seed of the draw of the articles and of their split into halves (``data/README.md``)."""
BATCHES = (94, 50, 30, 45, 40)
"""Articles per drawn batch, in the order the label file first names them (``data/README.md``)."""


@dataclass(frozen=True)
class Label:
    """One hand-labelled event."""

    article: str
    half: str
    start: int
    end: int
    type: str
    actor: str
    valid: bool
    type_ok: bool
    actor_ok: bool

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.article, self.start, self.end, self.type)

    @property
    def real(self) -> bool:
        """Valid and correctly typed: what precision counts as right."""
        return self.valid and self.type_ok


def trigger_offsets(event: Event) -> tuple[int, int]:
    """Character offsets of the first word of the event's trigger in the cleaned text.

    The first mention's sentence is searched for the trigger's first word (case
    sensitive, then not); an event without mentions keys on ``(-1, -1)``.
    """
    if not event.mentions:
        return (-1, -1)
    span = event.mentions[0]
    word = (event.trigger or "").split()[0] if (event.trigger or "").split() else ""
    if not word:
        return (span.start, span.start)
    i = span.text.find(word)
    if i < 0:
        i = span.text.lower().find(word.lower())
    if i < 0:
        return (span.start, span.start)
    return (span.start + i, span.start + i + len(word))


def event_key(event: Event) -> tuple[str, int, int, str]:
    start, end = trigger_offsets(event)
    return (event.article_id, start, end, event.event_type)


def actor_text(event: Event) -> str:
    return "; ".join(e.name or e.text for e in event.actor)


def load_labels(path: Path = LABELS) -> list[Label]:
    """Read the label file; a bad line names the file and line."""
    out: list[Label] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"cannot read precision labels {path}: {exc}") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            out.append(Label(**{f: rec[f] for f in Label.__dataclass_fields__}))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise EvalError(f"{path}:{n}: not a precision label ({exc})") from exc
        if out[-1].half not in HALVES:
            raise EvalError(f"{path}:{n}: half must be one of {HALVES}, got {out[-1].half!r}")
    return out


def batch_halves(ids: Iterable[str], seed: int = DRAW_SEED) -> dict[str, str]:
    """The halves of one drawn batch of articles: its sorted ids shuffled with
    ``random.Random(seed)``, alternate articles ``tune`` / ``check``.

    Each batch (the 94 articles of the first draw, then each later extension) is split on
    its own, so that growing the set never moves an article between halves.
    """
    order = sorted(set(ids))
    random.Random(seed).shuffle(order)
    return {a: HALVES[i % 2] for i, a in enumerate(order)}


def _share(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass
class Scored:
    """One event of the current output with its label (None: unlabelled)."""

    event: Event
    label: Optional[Label]
    counted: bool
    half: str


def score_half(rows: list[Scored], half: str, out: EvalResult) -> None:
    """Fill ``out`` with the metrics of one half."""
    mine = [r for r in rows if r.half == half]
    labelled = [r for r in mine if r.label is not None]
    counted = [r for r in labelled if r.counted]
    real_all = [r for r in labelled if r.label.real]
    valid = [r for r in counted if r.label.valid]
    m, s = out.metrics, out.support
    p = f"{half}."
    m[p + "kept.accuracy"] = _share(sum(r.label.real for r in counted), len(counted))
    s[p + "kept.accuracy"] = len(counted)
    m[p + "baseline.precision"] = _share(len(real_all), len(labelled))
    s[p + "baseline.precision"] = len(labelled)
    m[p + "valid.precision"] = _share(len(valid), len(counted))
    m[p + "type.accuracy"] = _share(sum(r.label.type_ok for r in valid), len(valid))
    s[p + "type.accuracy"] = len(valid)
    same_actor = [r for r in valid if actor_text(r.event) == r.label.actor]
    m[p + "actor.accuracy"] = _share(sum(r.label.actor_ok for r in same_actor), len(same_actor))
    s[p + "actor.accuracy"] = len(same_actor)
    m[p + "real.recall"] = _share(sum(r.counted for r in real_all), len(real_all))
    s[p + "real.recall"] = len(real_all)
    shown = [r for r in mine if r.counted]
    m[p + "labelled_share"] = _share(sum(r.label is not None for r in shown), len(shown))
    s[p + "labelled_share"] = len(shown)
    _precision_by_type(p + "by_type.", counted, out)
    _precision_by_type(p + "baseline.by_type.", labelled, out)
    _confidence_quality(p, [r for r in labelled if r.event.held is None], out)


def _confidence_quality(prefix: str, rows: list[Scored], out: EvalResult) -> None:
    """How well ``confidence`` ranks and is calibrated on the labelled events no rule holds
    (any confidence): ``{half}.confidence.auc`` and the reliability table,
    ``{half}.reliability.{bin}.predicted`` / ``.observed`` (support: events in the bin)."""
    from ..stages.confidence import auc, reliability

    pred = [r.event.confidence for r in rows]
    gold = [int(r.label.real) for r in rows]
    out.metrics[prefix + "confidence.auc"] = auc(pred, gold)
    out.support[prefix + "confidence.auc"] = len(rows)
    for name, n, mean, observed in reliability(pred, gold):
        if n:
            out.metrics[f"{prefix}reliability.{name}.predicted"] = mean
            out.metrics[f"{prefix}reliability.{name}.observed"] = observed
            out.support[f"{prefix}reliability.{name}.predicted"] = n


def _precision_by_type(prefix: str, rows: list[Scored], out: EvalResult) -> None:
    """``{prefix}T.precision`` (share of real events) and its support for each event type T of ``rows``."""
    by_type: dict[str, list[Scored]] = defaultdict(list)
    for r in rows:
        by_type[r.event.event_type].append(r)
    for etype, group in sorted(by_type.items()):
        out.metrics[f"{prefix}{etype}.precision"] = _share(sum(r.label.real for r in group), len(group))
        out.support[f"{prefix}{etype}.precision"] = len(group)


def join_labels(events_by_article: dict[str, list[Event]], labels: Iterable[Label], min_confidence: float) -> list[Scored]:
    """Match the current output to the labels; ``counted`` follows the default output filter."""
    from ..extract import counted as is_counted

    by_key = {lab.key: lab for lab in labels}
    half_of = {lab.article: lab.half for lab in by_key.values()}
    rows: list[Scored] = []
    for art_id, events in events_by_article.items():
        for ev in events:
            rows.append(Scored(ev, by_key.get(event_key(ev)), is_counted(ev, min_confidence), half_of.get(art_id, "tune")))
    return rows


def evaluate_precision_dev(path: Path, limit: Optional[int] = None) -> EvalResult:
    """Score the labelled articles of the stream under ``path`` (the ``eval`` folder of shared_dir)."""
    from ..extract import extract_many
    from ..settings import load
    from .stream import stream_articles

    labels = load_labels()
    wanted = sorted({lab.article for lab in labels})
    if limit is not None:
        wanted = wanted[:limit]
    keep = set(wanted)
    t0 = time.perf_counter()
    articles = [a for a in stream_articles(Path(path).parent) if a.id in keep]
    missing = keep - {a.id for a in articles}
    if missing:
        raise EvalError(f"{len(missing)} labelled articles are missing from {path}, e.g. {sorted(missing)[0]}")
    settings = load({"all_events": "1"})
    events = {art.id: ([] if not isinstance(evs, list) else evs) for art, evs in extract_many(articles, settings)}
    rows = join_labels(events, [lab for lab in labels if lab.article in keep], load().min_confidence)
    result = EvalResult(dataset="precision-dev", n_docs=len(articles), seconds=time.perf_counter() - t0)
    for half in HALVES:
        score_half(rows, half, result)
    result.details = {"labels": len(labels), "min_confidence": load().min_confidence}
    for r in rows:
        if r.counted and (r.label is None or not r.label.real):
            result.errors.append({
                "kind": "unlabelled" if r.label is None else "false_positive", "field": "event",
                "doc": r.event.article_id, "sentence": r.event.mentions[0].text if r.event.mentions else None,
                "gold": None if r.label is None else {"valid": r.label.valid, "type_ok": r.label.type_ok},
                "predicted": {"type": r.event.event_type, "trigger": r.event.trigger, "confidence": r.event.confidence},
                "half": r.half,
            })
    return result


__all__ = ["BATCHES", "DRAW_SEED", "LABELS", "Label", "batch_halves", "evaluate_precision_dev", "event_key", "join_labels", "load_labels", "score_half", "trigger_offsets"]
