"""``acled-dev``: ACLED event type and sub-event type, sentence by sentence.

The gold set (``whimbrel/evaluate/acled_gold/``, described in its README) has two parts:

* ``recoded.jsonl``: real sentences of the shared corpora re-coded with ACLED's event type
  and sub-event type, stored **by reference** (corpus, document id, character offsets and a
  short sha1 of the sentence) so that no corpus text is in the repository; the text is read
  from the ``shared_dir`` setting at eval time and checked against the sha1;
* ``own.jsonl``: sentences written for whimbrel, with their text.

Each record has a fixed ``half`` (``tune`` or ``check``), drawn once by document with a
fixed seed.  A record whose ``event_type`` is null is a sentence ACLED would not code.

Scoring (docs/evaluation.md, "acled-dev"): every sentence is extracted on its own.  The
sentence's predicted label is the ACLED type of its **highest-salience** event that has
an ACLED event type (ties: the earliest); none when no event is ACLED-typed.  On the event
sentences of each half: event-type accuracy, sub-event-type weighted F1 (per-gold-label F1
weighted by gold support; an untyped sentence is a miss), and the share left untyped; on
the non-event sentences, the share given an ACLED type.  Beside them, two baselines scored
the same way: the majority class of the tune half, and a keyword list (:data:`KEYWORDS`).
Every figure is also given on the re-coded real sentences alone (``{half}.recoded.*``), since
the sentences we wrote were written by the people who wrote the rules.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from ..errors import EvalError
from ..records import Article, Event
from .base import EvalResult
from .metrics import Confusion, safe_div

HALVES = ("tune", "check")


@dataclass(frozen=True)
class GoldSentence:
    id: str
    corpus: str
    doc: str
    text: str
    half: str
    event_type: Optional[str]
    sub_event_type: Optional[str]


# --------------------------------------------------------------------------- corpus text


def _wikievents(path: Path) -> dict[str, str]:
    from .wikievents import rebuild

    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["doc_id"]] = rebuild(rec)[0]
    return out


def _plover(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8") as fh:
        return {r["id"]: r["text"] for r in json.load(fh) if isinstance(r, dict) and r.get("id") and r.get("text")}


def _gvc(path: Path) -> dict[str, str]:
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["doc_id"]] = rec["text"]
    return out


def _trnews(path: Path) -> dict[str, str]:
    from .geo import read_trnews

    return {a.id: a.text for a in read_trnews(str(path))}


def _article_html(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8") as fh:
        return {k: v["articleBody"] for k, v in json.load(fh).items()}


CORPORA: dict[str, tuple[str, Callable[[Path], dict[str, str]]]] = {
    "plover": ("eval/plover_gsr/PLOVER_GSR_CAMEO.json", _plover),
    "wikievents": ("eval/wikievents/dev.jsonl", _wikievents),
    "trnews": ("eval/geo/TR-News.xml", _trnews),
    "gvc": ("eval/gvc/docs.jsonl", _gvc),
    "article_html": ("eval/article_html/ground-truth.json", _article_html),
}
"""Corpus name in ``recoded.jsonl`` → (file under ``shared_dir``, reader of ``{doc id: text}``)."""


def sentence_sha1(text: str) -> str:
    """The short digest stored with each reference (first 12 hex digits of sha1)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _read_jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield n, json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise EvalError(f"{path}:{n}: not JSON: {exc}") from exc
    except OSError as exc:
        raise EvalError(f"cannot read ACLED gold file {path}: {exc}") from exc


def _recoded(folder: Path, shared: Path) -> list[GoldSentence]:
    texts: dict[str, dict[str, str]] = {}
    out = []
    for n, rec in _read_jsonl(folder / "recoded.jsonl"):
        corpus = rec.get("corpus")
        if corpus not in CORPORA:
            raise EvalError(f"{folder / 'recoded.jsonl'}:{n}: unknown corpus {corpus!r}")
        if corpus not in texts:
            rel, reader = CORPORA[corpus]
            src = shared / rel
            if not src.exists():
                raise EvalError(
                    f"acled-dev needs {src} (corpus {corpus!r}) for the text of its re-coded sentences",
                    hint="Set shared_dir (or --shared-dir / WHIMBREL_SHARED_DIR) to the folder holding eval/.",
                )
            texts[corpus] = reader(src)
        doc = texts[corpus].get(rec["doc"])
        text = doc[rec["start"]: rec["end"]] if doc is not None else None
        if text is None or sentence_sha1(text) != rec["sha1"]:
            raise EvalError(
                f"{folder / 'recoded.jsonl'}:{n}: sentence {corpus}/{rec['doc']}[{rec['start']}:{rec['end']}] "
                "does not match its sha1",
                hint="The shared corpus differs from the one the gold set was coded on.",
            )
        out.append(GoldSentence(f"{corpus}:{rec['doc']}:{rec['start']}", corpus, rec["doc"], text,
                                rec["half"], rec.get("event_type"), rec.get("sub_event_type")))
    return out


def load_acled_dev(folder: Path, shared: Path, limit: Optional[int] = None) -> list[GoldSentence]:
    """All gold sentences (re-coded, then our own), validated; ``limit`` keeps the first N."""
    from ..codebook import ACLED_TYPES

    out = _recoded(folder, shared)
    for n, rec in _read_jsonl(folder / "own.jsonl"):
        out.append(GoldSentence(rec["id"], "own", rec["id"], rec["text"], rec["half"],
                                rec.get("event_type"), rec.get("sub_event_type")))
    for g in out:
        if g.half not in HALVES:
            raise EvalError(f"acled-dev sentence {g.id}: half {g.half!r} is not tune or check")
        if g.event_type is not None and g.sub_event_type not in ACLED_TYPES.get(g.event_type, ()):
            raise EvalError(f"acled-dev sentence {g.id}: {g.event_type!r}/{g.sub_event_type!r} is not an ACLED pair")
    return out[:limit] if limit is not None else out


# --------------------------------------------------------------------------- predictions

Label = Optional[tuple[str, str]]


def predicted_label(events: Iterable[Event]) -> Label:
    """The ACLED (event type, sub-event type) of the sentence's highest-salience ACLED-typed event."""
    typed = [e for e in events if e.acled.event_type]
    if not typed:
        return None
    best = max(typed, key=lambda e: (e.salience, -(e.mentions[0].start if e.mentions else 0)))
    return (best.acled.event_type, best.acled.sub_event_type or "")


KEYWORDS: tuple[tuple[str, str, str], ...] = (
    (r"chemical|chlorine|sarin|nerve agent|toxic gas|poison gas|mustard gas", "Explosions/Remote violence", "Chemical weapon"),
    (r"suicide", "Explosions/Remote violence", "Suicide bomb"),
    (r"grenade", "Explosions/Remote violence", "Grenade"),
    (r"air ?strike|air raid|warplane|aircraft|drone|helicopter", "Explosions/Remote violence", "Air/drone strike"),
    (r"shell|artillery|mortar|rocket|missile", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    (r"bomb|explosi|explode|blast|\bied\b|landmine|mine\b", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    (r"\brap|sexual", "Violence against civilians", "Sexual violence"),
    (r"kidnap|abduct|hostage", "Violence against civilians", "Abduction/forced disappearance"),
    (r"lynch|\bmob\b", "Riots", "Mob violence"),
    (r"\briot", "Riots", "Violent demonstration"),
    (r"tear gas|disperse|broke up", "Protests", "Protest with intervention"),
    (r"protest|demonstrat|rally|march|strike", "Protests", "Peaceful protest"),
    (r"arrest|detain", "Strategic developments", "Arrests"),
    (r"loot|plunder|torch", "Strategic developments", "Looting/property destruction"),
    (r"ceasefire|cease-fire|truce|agree|deal|surrender", "Strategic developments", "Agreement"),
    (r"retook|recaptur|retake|regain", "Battles", "Government regains territory"),
    (r"seized|captured|overran|took control", "Battles", "Non-state actor overtakes territory"),
    (r"clash|fight|battle|gunfight|exchange of fire", "Battles", "Armed clash"),
    (r"kill|shot|shoot|stab|attack|murder", "Violence against civilians", "Attack"),
)
"""The keyword-list baseline: the first pattern found in the lower-cased sentence decides."""

_KEYWORDS = tuple((re.compile(p), et, st) for p, et, st in KEYWORDS)


def keyword_label(text: str) -> Label:
    low = text.lower()
    for rx, et, st in _KEYWORDS:
        if rx.search(low):
            return (et, st)
    return None


# --------------------------------------------------------------------------- scoring


def weighted_f1(conf: Confusion) -> float:
    """Per-gold-label F1 weighted by gold support (a ``None`` prediction is a miss)."""
    per = conf.per_label()
    total = conf.total
    return safe_div(sum(per[g].f1 * per[g].n_gold for g in conf.labels()), total)


def per_class(conf: Confusion) -> dict[str, dict[str, float]]:
    """Per sub-event type: gold support, predictions, precision, recall and F1 (gold labels, and any
    label only predicted), for ``details["per_class"]`` and the table ``whimbrel eval`` prints."""
    return {label: {"gold": prf.n_gold, "predicted": prf.n_pred, "precision": round(prf.precision, 4),
                    "recall": round(prf.recall, 4), "f1": round(prf.f1, 4)}
            for label, prf in sorted(conf.per_label().items())}


def score_half(gold: list[GoldSentence], labels: dict[str, Label], prefix: str, res: EvalResult) -> None:
    """Add ``{prefix}.event_type.accuracy`` etc. for one half and one labeller."""
    etype, sub = Confusion(), Confusion()
    untyped = nonevent_typed = nonevent = 0
    for g in gold:
        lab = labels.get(g.id)
        if g.event_type is None:
            nonevent += 1
            nonevent_typed += lab is not None
            continue
        etype.add(g.event_type, lab[0] if lab else None)
        sub.add(g.sub_event_type or "", lab[1] if lab else None)
        untyped += lab is None
    n = etype.total
    res.metrics[f"{prefix}.event_type.accuracy"] = etype.accuracy
    res.metrics[f"{prefix}.sub_event_type.weighted.f1"] = weighted_f1(sub)
    if "." not in prefix:  # a half of whimbrel's own labels (not a baseline, not the re-coded part)
        res.details.setdefault("per_class", {})[prefix] = per_class(sub)
    res.metrics[f"{prefix}.untyped_share"] = safe_div(untyped, n)
    res.metrics[f"{prefix}.nonevent_typed_share"] = safe_div(nonevent_typed, nonevent)
    for k in ("event_type.accuracy", "sub_event_type.weighted.f1", "untyped_share"):
        res.support[f"{prefix}.{k}"] = n
    res.support[f"{prefix}.nonevent_typed_share"] = nonevent


def _majority(gold: list[GoldSentence]) -> Label:
    from collections import Counter

    counts = Counter((g.event_type, g.sub_event_type) for g in gold if g.half == "tune" and g.event_type)
    return counts.most_common(1)[0][0] if counts else None


def score_acled_dev(gold: list[GoldSentence], predicted: dict[str, Label]) -> EvalResult:
    """Scores of whimbrel and of both baselines on both halves (predicted: sentence id → label)."""
    res = EvalResult(dataset="acled-dev", n_docs=len(gold))
    majority = _majority(gold)
    baselines = {
        "baseline.majority": {g.id: majority for g in gold},
        "baseline.keywords": {g.id: keyword_label(g.text) for g in gold},
    }
    for half in HALVES:
        part = [g for g in gold if g.half == half]
        real = [g for g in part if g.corpus != "own"]
        score_half(part, predicted, half, res)
        score_half(real, predicted, f"{half}.recoded", res)
        for name, labels in baselines.items():
            score_half(part, labels, f"{name}.{half}", res)
            score_half(real, labels, f"{name}.{half}.recoded", res)
    for g in gold:
        lab = predicted.get(g.id)
        gold_lab = (g.event_type, g.sub_event_type) if g.event_type else None
        if lab != gold_lab:
            res.errors.append({
                "kind": "miss" if lab is None else ("false_positive" if gold_lab is None else "wrong"),
                "field": "acled", "doc": g.id, "half": g.half, "sentence": g.text,
                "gold": list(gold_lab) if gold_lab else None, "predicted": list(lab) if lab else None,
            })
    res.details["majority_class"] = list(majority) if majority else None
    res.details["sentences"] = {h: sum(1 for g in gold if g.half == h) for h in HALVES}
    return res


def evaluate_acled_dev(path: Path, limit: Optional[int] = None, shared_dir: Optional[str] = None) -> EvalResult:
    """Run whimbrel on every gold sentence (each as its own article) and score it."""
    from . import extract_articles, shared_dir_setting

    gold = load_acled_dev(Path(path), shared_dir_setting(shared_dir), limit)
    articles = [Article(id=g.id, text=g.text) for g in gold]
    predicted = {art.id: predicted_label(events) for art, events in extract_articles(articles)}
    return score_acled_dev(gold, predicted)


__all__ = ["GoldSentence", "KEYWORDS", "evaluate_acled_dev", "keyword_label", "load_acled_dev",
           "per_class", "predicted_label", "score_acled_dev", "sentence_sha1", "weighted_f1"]
