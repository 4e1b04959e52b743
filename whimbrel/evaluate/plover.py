"""The PLOVER gold-standard records (PLOVER_GSR_CAMEO): one coded event per sentence.

Each gold record is one sentence with its PLOVER ``event`` type, ``mode``, ``source`` and
``target`` actors (``actorText``, ``code``, ``sector``), ``eventText`` and a markup string
with ``(EVT: ...)`` trigger spans, sometimes ``size`` and ``eventLoc``.

Every sentence is extracted on its own (as an article published on its gold ``date``),
and **one** predicted event is compared with the gold event: among the predicted events
whose ``trigger`` shares a word with the gold trigger words (the ``EVT`` markup plus
``eventText``), the one with the highest salience; when none shares a word, the
highest-salience event of the sentence.  The metrics are defined in docs/evaluation.md.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..codebook import legacy_to_plover
from ..errors import EvalError
from ..records import Article, Event
from .base import EvalResult
from .halves import HALVES, SPLIT_SEED, constant_accuracy, copy_prefixed, half_of, majority
from .metrics import PRF, Confusion, NumberScore, overlaps, safe_div

# CAMEO country codes in the gold file that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

_EVT = re.compile(r"\(EVT:\s*([^)]*)\)")
_WORD = re.compile(r"[a-z0-9]+")

# gold event types whose numeric ``size`` is a count of people killed or arrested
_DEAD_TYPES = {"ASSAULT", "FIGHT"}
_ARREST_TYPES = {"COERCE"}


@dataclass(frozen=True)
class GoldActor:
    text: str
    code: Optional[str]
    sector: Optional[str]


@dataclass(frozen=True)
class GoldSentence:
    """One coded PLOVER gold sentence."""

    id: str
    text: str
    date: Optional[str]
    event_type: str
    mode: Optional[str]
    source: tuple[GoldActor, ...]
    target: tuple[GoldActor, ...]
    trigger_words: frozenset[str]
    size: Optional[int]
    location_name: Optional[str]
    location_country: Optional[str]


def _norm_code(code: Any) -> Optional[str]:
    if not isinstance(code, str) or not code.strip():
        return None
    code = code.strip().upper()
    return CAMEO_TO_ISO.get(code, code)


def _norm_sector(sector: Any) -> Optional[str]:
    """Gold sectors carry ethnic/religious suffixes (``CVLalb``); keep the 3-letter base."""
    if not isinstance(sector, str):
        return None
    base = sector.strip()[:3].upper()
    return base if base.isalpha() and len(base) == 3 else None


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    out = []
    for item in value:
        if isinstance(item, dict) and item.get("actorText"):
            out.append(GoldActor(str(item["actorText"]), _norm_code(item.get("code")), _norm_sector(item.get("sector"))))
    return tuple(out)


def _int_or_none(value: Any) -> Optional[int]:
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        digits = value.replace(",", "").strip()
        if digits.isdigit():
            return int(digits)
    return None


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def load_plover(path: Path, limit: Optional[int] = None) -> list[GoldSentence]:
    """Read the gold JSON array (skipping ``DOCUMENT`` records)."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read PLOVER gold file {path}: {exc}") from exc
    if not isinstance(data, list):
        raise EvalError(f"{path} is not a JSON array of PLOVER records")
    out: list[GoldSentence] = []
    for rec in data:
        if not isinstance(rec, dict) or rec.get("event") in (None, "DOCUMENT") or not rec.get("text"):
            continue
        markup = (rec.get("textInfo") or {}).get("markup", "") if isinstance(rec.get("textInfo"), dict) else ""
        trig = words(" ".join(_EVT.findall(markup or ""))) | words(str(rec.get("eventText") or ""))
        loc = rec.get("eventLoc") if isinstance(rec.get("eventLoc"), dict) else {}
        # the gold file uses PLOVER 0.5 labels (DEMAND, DISAPPROVE, FIGHT, ...): translate
        # them to the current 16 types with the codebook's table
        gold_type, gold_mode = legacy_to_plover(str(rec["event"]).upper(), rec.get("mode") or None)
        out.append(
            GoldSentence(
                id=str(rec.get("id") or f"plover-{len(out)}"),
                text=str(rec["text"]),
                date=rec.get("date") or None,
                event_type=gold_type,
                mode=gold_mode,
                source=_actors(rec.get("source")),
                target=_actors(rec.get("target")),
                trigger_words=frozenset(trig),
                size=_int_or_none(rec.get("size")),
                location_name=loc.get("name") or None,
                location_country=(loc.get("country code") or None),
            )
        )
        if limit is not None and len(out) >= limit:
            break
    return out


def choose_event(events: list[Event], trigger_words: frozenset[str]) -> Optional[Event]:
    """The predicted event compared with the gold one (see the module docstring)."""
    if not events:
        return None
    on_trigger = [e for e in events if e.trigger and words(e.trigger) & trigger_words]
    pool = on_trigger or events
    return max(pool, key=lambda e: e.salience)


def _codes(entities: tuple) -> set[str]:
    return {c for c in (_norm_code(e.code) for e in entities) if c}


def _sectors(entities: tuple) -> set[str]:
    return {s for s in (_norm_sector(e.sector) for e in entities) if s}


def _span_of(entity: Any, text: str) -> Optional[tuple[int, int]]:
    if entity.start is not None and entity.end is not None and text[entity.start : entity.end] == entity.text:
        return entity.start, entity.end
    at = text.find(entity.text) if entity.text else -1
    return (at, at + len(entity.text)) if at >= 0 else None


def _span_prf(pred: tuple, gold: tuple[GoldActor, ...], text: str) -> tuple[int, int, int, int]:
    """(matched predicted, predicted, matched gold, gold) by character overlap within the sentence."""
    gspans = [s for s in ((text.find(g.text), len(g.text)) for g in gold)]
    gspans2 = [(a, a + n) for a, n in gspans if a >= 0]
    pspans = [s for s in (_span_of(e, text) for e in pred) if s]
    tp_p = sum(1 for p in pspans if any(overlaps(*p, *g) for g in gspans2))
    tp_g = sum(1 for g in gspans2 if any(overlaps(*p, *g) for p in pspans))
    return tp_p, len(pspans), tp_g, len(gspans2)


def _err(kind: str, fld: str, gold: GoldSentence, g: Any, p: Any) -> dict[str, Any]:
    return {"kind": kind, "field": fld, "doc": gold.id, "sentence": gold.text, "gold": g, "predicted": p}


@dataclass
class _Scores:
    """The accumulators of one PLOVER-GSR scoring run; each ``_score_*`` adds one gold sentence."""

    types: Confusion = field(default_factory=Confusion)
    modes: Confusion = field(default_factory=Confusion)
    detected: int = 0
    roles: dict[str, PRF] = field(default_factory=lambda: {"actor": PRF(), "recipient": PRF(), "actor_recipient": PRF()})
    sectors: dict[str, PRF] = field(default_factory=lambda: {"actor": PRF(), "recipient": PRF()})
    spans: dict[str, PRF] = field(default_factory=lambda: {"actor": PRF(), "recipient": PRF()})
    dead: NumberScore = field(default_factory=NumberScore)
    arrested: NumberScore = field(default_factory=NumberScore)
    loc_name: Confusion = field(default_factory=Confusion)
    loc_country: Confusion = field(default_factory=Confusion)

    def score_type_and_mode(self, gold: GoldSentence, ev: Optional[Event], errors: list) -> None:
        predicted_type = ev.event_type if ev else None
        self.types.add(gold.event_type, predicted_type)
        if predicted_type != gold.event_type:
            errors.append(_err("miss" if ev is None else "wrong", "event_type", gold, gold.event_type, predicted_type))
        if gold.mode:
            pm = ev.mode if ev else None
            self.modes.add(gold.mode, pm)
            if pm != gold.mode:
                errors.append(_err("wrong", "mode", gold, gold.mode, pm))

    def score_parties(self, gold: GoldSentence, ev: Optional[Event], errors: list) -> None:
        """Actor and recipient: country codes, sectors and spans."""
        p_act = ev.actor if ev else ()
        p_rec = ev.recipient if ev else ()
        for role, pred_ents, gold_ents in (("actor", p_act, gold.source), ("recipient", p_rec, gold.target)):
            pc = _codes(pred_ents)
            gc = {a.code for a in gold_ents if a.code}
            self.roles[role].add_sets(pc, gc)
            self.roles["actor_recipient"].add_sets({(role, c) for c in pc}, {(role, c) for c in gc})
            if pc != gc:
                errors.append(_err("wrong", f"{role}.country", gold, sorted(gc), sorted(pc)))
            self.sectors[role].add_sets(_sectors(pred_ents), {a.sector for a in gold_ents if a.sector})
            self.spans[role].add(*_span_prf(pred_ents, gold_ents, gold.text))

    def score_size(self, gold: GoldSentence, ev: Optional[Event], errors: list) -> None:
        """The dead (of killing types) or the arrested (of arrest types), when the gold gives a size."""
        if gold.size is None or gold.event_type not in _DEAD_TYPES | _ARREST_TYPES:
            return
        count = None
        if ev is not None:
            c = ev.size.dead if gold.event_type in _DEAD_TYPES else ev.size.arrested
            count = c.best if c is not None else None
        (self.dead if gold.event_type in _DEAD_TYPES else self.arrested).add(gold.size, count)
        if count != gold.size:
            errors.append(_err("wrong", "size", gold, gold.size, count))

    def score_location(self, gold: GoldSentence, ev: Optional[Event], errors: list) -> None:
        if gold.location_name:
            loc = ev.location if ev else None
            ok = bool(loc and _place_matches(loc.text, loc.name, gold.location_name))
            self.loc_name.add("match", "match" if ok else None)
            if not ok:
                errors.append(_err("wrong", "location", gold, gold.location_name, loc.text if loc else None))
        if gold.location_country:
            cc = ev.location.country_code if ev and ev.location else None
            self.loc_country.add(gold.location_country.upper(), cc.upper() if cc else None)

    def into(self, res: EvalResult, n_golds: int) -> None:
        """Write the metrics, their support and the per-type details into ``res``."""
        m, s = res.metrics, res.support
        m["event.detection.recall"] = safe_div(self.detected, n_golds)
        s["event.detection.recall"] = n_golds
        m["event_type.accuracy"] = self.types.accuracy
        m["event_type.macro_f1"] = self.types.macro_f1
        s["event_type.accuracy"] = s["event_type.macro_f1"] = self.types.total
        if self.modes.total:
            m["mode.accuracy"] = self.modes.accuracy
            s["mode.accuracy"] = self.modes.total
        for group, prfs in (("country", self.roles), ("sector", self.sectors), ("span", self.spans)):
            for role, prf in prfs.items():
                prf.into(m, s, f"{role}.{group}")
        for name, num in (("dead", self.dead), ("arrested", self.arrested)):
            if num.n:
                m[f"size.{name}.exact"] = num.exact_rate
                m[f"size.{name}.mae"] = num.mae
                s[f"size.{name}.exact"] = num.n
        for key, conf in (("location.text.accuracy", self.loc_name), ("location.country.accuracy", self.loc_country)):
            if conf.total:
                m[key] = conf.accuracy
                s[key] = conf.total
        res.details["confusion"] = self.types.matrix()
        res.details["per_type"] = {
            label: {"precision": round(p.precision, 4), "recall": round(p.recall, 4), "f1": round(p.f1, 4), "support": p.n_gold}
            for label, p in sorted(self.types.per_label().items())
        }


def score_plover(golds: list[GoldSentence], predictions: dict[str, list[Event]]) -> EvalResult:
    """Score predicted events (``{gold id: events}``) against the gold sentences."""
    res = EvalResult(dataset="plover-gsr", n_docs=len(golds))
    scores = _Scores()
    for gold in golds:
        events = predictions.get(gold.id, [])
        if events:
            scores.detected += 1
        ev = choose_event(events, gold.trigger_words)
        scores.score_type_and_mode(gold, ev, res.errors)
        scores.score_parties(gold, ev, res.errors)
        scores.score_size(gold, ev, res.errors)
        scores.score_location(gold, ev, res.errors)
    scores.into(res, len(golds))
    return res


def _place_matches(text: str, name: Optional[str], gold: str) -> bool:
    g = words(gold)
    return any(cand and (words(cand) & g) for cand in (text, name))


def evaluate_plover(path: Path, limit: Optional[int] = None) -> EvalResult:
    """Extract every gold sentence and score it (``whimbrel eval plover-gsr``)."""
    from . import predict

    t0 = time.perf_counter()
    golds = load_plover(Path(path), limit)
    articles = [Article(id=g.id, text=g.text, raw=g.text, language="en", published=g.date, origin=f"{Path(path).name}:{g.id}") for g in golds]
    predictions = predict(articles)
    res = score_plover(golds, predictions)
    add_halves(res, golds, predictions)
    res.seconds = time.perf_counter() - t0
    return res


HALF_METRICS = ("event.detection.recall", "event_type.accuracy", "event_type.macro_f1", "mode.accuracy",
                "actor.country.f1", "recipient.country.f1", "actor_recipient.country.f1", "actor.sector.f1",
                "recipient.sector.f1", "actor.span.f1", "recipient.span.f1", "location.text.accuracy")
"""The metrics repeated for the tune and the check half."""


def add_halves(res: EvalResult, golds: list[GoldSentence], predictions: dict[str, list[Event]]) -> None:
    """``tune.*`` / ``check.*`` (each sentence is its own document, split by its id) and the
    majority baselines ``baseline.majority.{half}.*``: the tune half's most frequent type, mode
    and actor / recipient country for every sentence."""
    tune = [g for g in golds if half_of(g.id) == "tune"]
    guess_type = majority(g.event_type for g in tune)
    guess_mode = majority(g.mode for g in tune if g.mode)
    guess_actor = majority(a.code for g in tune for a in g.source if a.code)
    guess_recipient = majority(a.code for g in tune for a in g.target if a.code)
    for half in HALVES:
        part = [g for g in golds if half_of(g.id) == half]
        copy_prefixed(res, score_plover(part, predictions), half, HALF_METRICS)
        base = f"baseline.majority.{half}"
        res.metrics[f"{base}.event_type.accuracy"] = constant_accuracy([g.event_type for g in part], guess_type)
        res.support[f"{base}.event_type.accuracy"] = len(part)
        modes = [g.mode for g in part if g.mode]
        res.metrics[f"{base}.mode.accuracy"] = constant_accuracy(modes, guess_mode)
        res.support[f"{base}.mode.accuracy"] = len(modes)
        for role, guess, attr in (("actor", guess_actor, "source"), ("recipient", guess_recipient, "target")):
            prf = PRF()
            for g in part:
                prf.add_sets({guess} if guess else set(), {a.code for a in getattr(g, attr) if a.code})
            prf.into(res.metrics, res.support, f"{base}.{role}.country")
    res.details["split"] = {"seed": SPLIT_SEED, "tune_sentences": len(tune), "check_sentences": len(golds) - len(tune),
                            "majority": {"event_type": guess_type, "mode": guess_mode, "actor": guess_actor,
                                         "recipient": guess_recipient}}


__all__ = ["GoldSentence", "add_halves", "choose_event", "evaluate_plover", "load_plover", "score_plover"]
