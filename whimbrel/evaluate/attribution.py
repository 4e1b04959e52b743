"""``whimbrel eval attribution-dev``: who claims each event, on real articles.

The gold file (``whimbrel/evaluate/data/attribution_dev.jsonl``, described in that
folder's README) holds no article text: each record names a document of one of the shared
corpora (``gvc``, ``article_html``, ``wikievents``) and character offsets into that
document's text, which is read from the ``shared_dir`` setting at evaluation time.

One record is one event mention (its trigger's offsets) with what a reader found:

* ``attributed`` — a named source asserts the event; ``claimant`` is that source's span
  (for a pronoun source, the named mention it refers to; ``pronoun`` keeps the pronoun);
* ``cue`` — the span of the reporting or hedging words, ``hedged`` whether they hedge,
  ``via`` — the outer reporter of a nested report ("A said B accused C": claimant B, via A);
* unattributed records (``attributed`` false) are the narrator's own statements; those
  with a ``cue`` and no claimant are anonymous reports ("it was reported", "allegedly").

The claims stage is scored directly (gold triggers, so event detection does not enter):
each document is parsed by the same spaCy pipeline the extractor uses, and
:func:`whimbrel.stages.claims.find_claims` is asked about the trigger's token.

Scores, per half (``tune``/``check``, fixed by document in the gold file) and overall:

* ``claimant.precision`` — of the events given a named claimant (the first named claim),
  the share whose claimant is the gold source; claims on unattributed events are wrong;
* ``claimant.recall`` — of the attributed events, the share whose first named claimant is
  the gold source; ``claimant.f1`` their harmonic mean;
* ``hedged.recall`` — of the events whose gold cue hedges, the share with a hedged claim
  (``hedged.precision``/``hedged.f1`` beside it);
* ``via.recall`` — of nested reports, the share whose outer reporter whimbrel names (as
  ``via`` or as a later claim);
* ``*_baseline`` — the same measures for the baseline "the claimant is the nearest person
  or organisation entity in the event's sentence" (it never hedges).

A claimant matches the gold source when the spans overlap or when both end in the same
word ("police" for "Bastrop police", "Patton" for "Jimmy Patton" mentioned earlier).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from ..errors import EvalError
from .base import EvalResult

CORPORA = ("gvc", "article_html", "wikievents")
HALVES = ("tune", "check")
_BASELINE_LABELS = frozenset({"PERSON", "ORG"})


@dataclass(frozen=True)
class GoldItem:
    """One coded event mention (offsets index the shared document's text)."""

    line: int
    corpus: str
    doc: str
    trigger: tuple[int, int]
    attributed: bool
    claimant: Optional[tuple[int, int]]
    cue: Optional[tuple[int, int]]
    hedged: bool
    via: Optional[tuple[int, int]]
    pronoun: Optional[tuple[int, int]]
    split: str


@dataclass(frozen=True)
class Prediction:
    """What one system said about one gold item."""

    claimant: Optional[tuple[int, int, str]]
    hedged: bool
    others: tuple[tuple[int, int, str], ...] = ()


def _span(value: Any, where: str) -> Optional[tuple[int, int]]:
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)):
        raise EvalError(f"{where}: a span must be [start, end] integers, got {value!r}")
    return (value[0], value[1])


def load_gold(path: Union[str, Path], limit: Optional[int] = None) -> list[GoldItem]:
    """Read the gold JSONL; a bad record raises :class:`EvalError` naming its line."""
    path = Path(path)
    items: list[GoldItem] = []
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            where = f"{path}:{n}"
            try:
                rec = json.loads(raw)
                item = GoldItem(
                    line=n,
                    corpus=rec["corpus"],
                    doc=str(rec["doc"]),
                    trigger=_span(rec["trigger"], where) or (0, 0),
                    attributed=bool(rec["attributed"]),
                    claimant=_span(rec.get("claimant"), where),
                    cue=_span(rec.get("cue"), where),
                    hedged=bool(rec.get("hedged", False)),
                    via=_span(rec.get("via"), where),
                    pronoun=_span(rec.get("pronoun"), where),
                    split=rec["split"],
                )
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise EvalError(f"{where}: not an attribution gold record ({exc})") from exc
            if item.corpus not in CORPORA or item.split not in HALVES:
                raise EvalError(f"{where}: unknown corpus {item.corpus!r} or split {item.split!r}")
            if item.attributed and item.claimant is None:
                raise EvalError(f"{where}: an attributed record needs a claimant span")
            items.append(item)
            if limit is not None and len(items) >= limit:
                break
    return items


def load_texts(shared: Path, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The texts of the wanted ``(corpus, doc)`` pairs, read from the shared corpora."""
    texts: dict[tuple[str, str], str] = {}
    eval_dir = shared / "eval"
    sources = {
        "gvc": eval_dir / "gvc" / "docs.jsonl",
        "article_html": eval_dir / "article_html" / "ground-truth.json",
        "wikievents": eval_dir / "wikievents" / "dev.jsonl",
    }
    for corpus in sorted({c for c, _ in wanted}):
        src = sources[corpus]
        if not src.exists():
            raise EvalError(
                f"attribution-dev needs {src} (corpus {corpus!r})",
                hint="Set shared_dir (or WHIMBREL_SHARED_DIR) to the folder that holds eval/.",
            )
        if corpus == "article_html":
            for key, rec in json.loads(src.read_text(encoding="utf-8")).items():
                if (corpus, key) in wanted:
                    texts[(corpus, key)] = rec["articleBody"]
            continue
        id_key = "doc_id"
        with open(src, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                key = (corpus, str(rec[id_key]))
                if key in wanted:
                    texts[key] = rec["text"]
    missing = sorted(wanted - set(texts))
    if missing:
        raise EvalError(f"attribution-dev: documents not found in the shared corpora: {missing[:3]}")
    return texts


# --------------------------------------------------------------------------- predicting


def _token_at(doc: Any, start: int, end: int) -> Any:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return max(span, key=lambda t: t.pos_ in ("VERB", "NOUN"))


def _whimbrel(doc: Any, quotes: Any, item: GoldItem) -> Prediction:
    from ..stages import claims as claims_mod

    tok = _token_at(doc, *item.trigger)
    if tok is None:
        return Prediction(None, False)
    found = claims_mod.find_claims(tok, quotes)
    named = [
        (c.claimant_start, c.claimant_end, c.claimant_text)
        for c in found
        if c.claimant_text is not None and c.claimant_start is not None
    ]
    vias = [
        (c.via_start, c.via_end, c.via_text)
        for c in found
        if getattr(c, "via_text", None) is not None and c.via_start is not None
    ]
    return Prediction(
        named[0] if named else None,
        any(c.hedged for c in found),
        tuple(named[1:]) + tuple(vias),
    )


def _baseline(doc: Any, item: GoldItem) -> Prediction:
    tok = _token_at(doc, *item.trigger)
    if tok is None:
        return Prediction(None, False)
    sent = tok.sent
    ents = [e for e in sent.ents if e.label_ in _BASELINE_LABELS]
    if not ents:
        return Prediction(None, False)
    best = min(ents, key=lambda e: min(abs(e.start - tok.i), abs(e.end - 1 - tok.i)))
    return Prediction((best.start_char, best.end_char, best.text), False)


# --------------------------------------------------------------------------- scoring


def _last_word(text: str) -> str:
    words = [w.strip(".,;:'’\"()").lower() for w in text.split()]
    words = [w for w in words if w and w not in ("'s", "’s")]
    return words[-1].removesuffix("’s").removesuffix("'s") if words else ""


def same_source(pred: tuple[int, int, str], gold: tuple[int, int], text: str) -> bool:
    """Overlapping spans, or phrases that end in the same word."""
    if pred[0] < gold[1] and gold[0] < pred[1]:
        return True
    return _last_word(pred[2]) != "" and _last_word(pred[2]) == _last_word(text[gold[0] : gold[1]])


@dataclass
class _Tally:
    predicted: int = 0
    correct: int = 0
    gold: int = 0
    hedged_gold: int = 0
    hedged_found: int = 0
    hedged_predicted: int = 0
    via_gold: int = 0
    via_found: int = 0
    unattributed: int = 0
    narrator_kept: int = 0

    def add(self, item: GoldItem, pred: Prediction, text: str) -> bool:
        right = (
            item.attributed
            and pred.claimant is not None
            and item.claimant is not None
            and same_source(pred.claimant, item.claimant, text)
        )
        self.predicted += pred.claimant is not None
        self.correct += right
        self.gold += item.attributed
        self.hedged_gold += item.hedged
        self.hedged_found += item.hedged and pred.hedged
        self.hedged_predicted += pred.hedged
        if item.via is not None:
            self.via_gold += 1
            self.via_found += any(same_source(o, item.via, text) for o in pred.others)
        if not item.attributed and item.cue is None:
            self.unattributed += 1
            self.narrator_kept += pred.claimant is None
        return right

    def metrics(self, prefix: str, suffix: str = "") -> tuple[dict[str, float], dict[str, int]]:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        hp = self.hedged_found / self.hedged_predicted if self.hedged_predicted else 0.0
        hr = self.hedged_found / self.hedged_gold if self.hedged_gold else 0.0
        hf = 2 * hp * hr / (hp + hr) if hp + hr else 0.0
        m = {
            f"{prefix}claimant.precision{suffix}": p,
            f"{prefix}claimant.recall{suffix}": r,
            f"{prefix}claimant.f1{suffix}": f,
            f"{prefix}hedged.recall{suffix}": hr,
            f"{prefix}hedged.precision{suffix}": hp,
            f"{prefix}hedged.f1{suffix}": hf,
            f"{prefix}narrator.accuracy{suffix}": (self.narrator_kept / self.unattributed) if self.unattributed else 0.0,
        }
        s = {
            f"{prefix}claimant.precision{suffix}": self.predicted,
            f"{prefix}claimant.recall{suffix}": self.gold,
            f"{prefix}claimant.f1{suffix}": self.gold,
            f"{prefix}hedged.recall{suffix}": self.hedged_gold,
            f"{prefix}hedged.precision{suffix}": self.hedged_predicted,
            f"{prefix}hedged.f1{suffix}": self.hedged_gold,
            f"{prefix}narrator.accuracy{suffix}": self.unattributed,
        }
        if self.via_gold:
            m[f"{prefix}via.recall{suffix}"] = self.via_found / self.via_gold
            s[f"{prefix}via.recall{suffix}"] = self.via_gold
        return m, s


def _error(item: GoldItem, pred: Prediction, text: str, system: str) -> dict[str, Any]:
    def show(span: Optional[tuple[int, ...]]) -> Optional[str]:
        return None if span is None else text[span[0] : span[1]]

    lo = text.rfind("\n", 0, item.trigger[0]) + 1
    hi = text.find("\n", item.trigger[1])
    return {
        "kind": "wrong" if pred.claimant is not None and item.attributed else
                ("false_positive" if pred.claimant is not None else "miss"),
        "field": "claimant",
        "system": system,
        "doc": f"{item.corpus}:{item.doc}",
        "line": item.line,
        "split": item.split,
        "trigger": show(item.trigger),
        "sentence": text[lo : hi if hi >= 0 else len(text)][:600],
        "gold": show(item.claimant),
        "gold_hedged": item.hedged,
        "gold_via": show(item.via),
        "predicted": pred.claimant[2] if pred.claimant else None,
        "predicted_hedged": pred.hedged,
    }


def _parse(texts: dict[tuple[str, str], str]) -> Iterable[tuple[tuple[str, str], Any]]:
    from ..settings import load
    from ..stages.nlp import load_model

    nlp = load_model(load().spacy_model)
    keys = sorted(texts)
    for key, doc in zip(keys, nlp.pipe((texts[k] for k in keys), batch_size=16)):
        yield key, doc


def evaluate_attribution(path: Union[str, Path], limit: Optional[int] = None, *,
                         shared_dir: Optional[str] = None) -> EvalResult:
    """Score claim attribution (whimbrel and the nearest-entity baseline) on the dev gold."""
    from ..stages import claims as claims_mod
    from . import shared_dir_setting

    t0 = time.perf_counter()
    items = load_gold(path, limit)
    texts = load_texts(shared_dir_setting(shared_dir), {(i.corpus, i.doc) for i in items})
    by_doc: dict[tuple[str, str], list[GoldItem]] = {}
    for item in items:
        by_doc.setdefault((item.corpus, item.doc), []).append(item)
    tallies = {(half, system): _Tally() for half in ("all",) + HALVES for system in ("whimbrel", "baseline")}
    errors: list[dict[str, Any]] = []
    for key, doc in _parse(texts):
        quotes = claims_mod.QuoteIndex.build(doc)
        text = texts[key]
        for item in by_doc[key]:
            for system, pred in (("whimbrel", _whimbrel(doc, quotes, item)), ("baseline", _baseline(doc, item))):
                for half in ("all", item.split):
                    right = tallies[(half, system)].add(item, pred, text)
                wrong_hedge = system == "whimbrel" and item.hedged != pred.hedged
                if system == "whimbrel" and (not right and (item.attributed or pred.claimant) or wrong_hedge):
                    errors.append(_error(item, pred, text, system))
    result = EvalResult(dataset="attribution-dev", n_docs=len(texts), errors=errors)
    for (half, system), tally in tallies.items():
        prefix = "" if half == "all" else f"{half}."
        m, s = tally.metrics(prefix, "" if system == "whimbrel" else "_baseline")
        result.metrics.update(m)
        result.support.update(s)
    result.details = _sizes(items)
    result.seconds = time.perf_counter() - t0
    return result


def _sizes(items: list[GoldItem]) -> dict[str, Any]:
    """Counts of the gold set: attributed / anonymous / unattributed, per corpus and half."""
    out: dict[str, Any] = {}
    for item in items:
        kind = "attributed" if item.attributed else ("anonymous" if item.cue else "unattributed")
        for key in (f"{item.corpus}.{kind}", f"{item.split}.{kind}", kind):
            out[key] = out.get(key, 0) + 1
    return {"gold": dict(sorted(out.items()))}


__all__ = ["GoldItem", "Prediction", "evaluate_attribution", "load_gold", "load_texts", "same_source"]
