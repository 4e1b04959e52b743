"""The generic gold format: score whimbrel on your own hand-coded articles.

A JSONL file, one article per line::

    {"id": "a1", "text": "...", "published": "2024-03-02",
     "events": [{"event_type": "ASSAULT", "mode": "aerial",
                 "actor_codes": ["RUS"], "recipient_codes": ["UKR"],
                 "date": "2024-03-01", "location_country": "UA",
                 "dead": 3, "injured": 12,
                 "claimant": "Ukraine's air force", "hedged": false}]}

Only ``id``, ``text`` and ``events`` (each with ``event_type``) are required; every other
field is scored only where the gold gives it.  ``date`` may be ``YYYY-MM-DD``, ``YYYY-MM``
or ``YYYY`` (its length is its precision) or ``{"value": ..., "precision": ...}``.
``location_country`` is ISO 3166 alpha-2 (alpha-3 is converted).

Within an article, predicted events are paired one-to-one with gold events of the same
type, best attribute agreement first; attribute metrics are computed over the pairs.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ..errors import EvalError
from ..records import Article, Event
from .base import EvalResult
from .metrics import PRF, Confusion, NumberScore, token_f1

_PRECISION_BY_LEN = {10: "day", 7: "month", 4: "year"}


@dataclass(frozen=True)
class GoldEvent:
    event_type: str
    mode: Optional[str] = None
    actor_codes: Optional[frozenset[str]] = None
    recipient_codes: Optional[frozenset[str]] = None
    date: Optional[str] = None
    date_precision: Optional[str] = None
    location_country: Optional[str] = None
    dead: Optional[int] = None
    injured: Optional[int] = None
    claimant: Optional[str] = None
    hedged: Optional[bool] = None


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    published: Optional[str]
    events: tuple[GoldEvent, ...]


def _alpha2(code: Any) -> Optional[str]:
    if not isinstance(code, str) or not code.strip():
        return None
    code = code.strip().upper()
    if len(code) == 3:
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
        return country.alpha_2 if country else code
    return code


def _gold_event(raw: dict[str, Any], where: str) -> GoldEvent:
    if not isinstance(raw, dict) or not raw.get("event_type"):
        raise EvalError(f"{where}: every gold event needs an 'event_type'")
    date = raw.get("date")
    prec = None
    if isinstance(date, dict):
        date, prec = date.get("value"), date.get("precision")
    if isinstance(date, str) and prec is None:
        prec = _PRECISION_BY_LEN.get(len(date))

    def codes(key: str) -> Optional[frozenset[str]]:
        val = raw.get(key)
        return frozenset(str(c).upper() for c in val) if isinstance(val, list) else None

    return GoldEvent(
        event_type=str(raw["event_type"]).upper(),
        mode=raw.get("mode") or None,
        actor_codes=codes("actor_codes"),
        recipient_codes=codes("recipient_codes"),
        date=date if isinstance(date, str) else None,
        date_precision=prec,
        location_country=_alpha2(raw.get("location_country")),
        dead=raw.get("dead") if isinstance(raw.get("dead"), int) else None,
        injured=raw.get("injured") if isinstance(raw.get("injured"), int) else None,
        claimant=raw.get("claimant") or None,
        hedged=raw.get("hedged") if isinstance(raw.get("hedged"), bool) else None,
    )


def load_generic(path: Path, limit: Optional[int] = None) -> list[GoldArticle]:
    """Read a generic gold JSONL file (format in the module docstring)."""
    out: list[GoldArticle] = []
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{path}:{n}"
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvalError(f"{where}: not JSON: {exc}") from exc
                if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not isinstance(rec.get("events"), list):
                    raise EvalError(f"{where}: each line needs 'text' and 'events'")
                out.append(
                    GoldArticle(
                        id=str(rec.get("id") or n),
                        text=rec["text"],
                        published=rec.get("published"),
                        events=tuple(_gold_event(e, where) for e in rec["events"]),
                    )
                )
                if limit is not None and len(out) >= limit:
                    break
    except OSError as exc:
        raise EvalError(f"cannot read gold file {path}: {exc}") from exc
    return out


def _codes(entities: tuple) -> frozenset[str]:
    return frozenset(e.code.upper() for e in entities if e.code)


def _agreement(g: GoldEvent, p: Event) -> int:
    """How many scored attributes agree (used only to pair events)."""
    score = 0
    score += g.mode is not None and g.mode == p.mode
    score += g.actor_codes is not None and bool(g.actor_codes & _codes(p.actor))
    score += g.recipient_codes is not None and bool(g.recipient_codes & _codes(p.recipient))
    score += g.date is not None and p.date is not None and g.date == p.date.value
    score += g.dead is not None and p.size.dead is not None and g.dead == p.size.dead.best
    return score


def pair_events(gold: tuple[GoldEvent, ...], predicted: list[Event]) -> list[tuple[GoldEvent, Event]]:
    """One-to-one pairs of gold and predicted events of the same type, best agreement first."""
    candidates = sorted(
        ((-_agreement(g, p), -p.salience, gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if g.event_type == p.event_type),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], predicted[pi]))
    return pairs


def claimant_matches(gold: str, claims: tuple) -> bool:
    """True when a claim's claimant (text or name) shares at least half its words with ``gold`` (token F1 ≥ 0.5)."""
    for claim in claims:
        who = claim.claimant
        if who is None:
            continue
        if any(cand and token_f1(cand, gold) >= 0.5 for cand in (who.text, who.name)):
            return True
    return False


UNREAL_MODALITIES = frozenset({"negated", "hypothetical", "future"})


def score_generic(golds: list[GoldArticle], predictions: dict[str, list[Event]], dataset: str = "generic") -> EvalResult:
    """Score predicted events (``{article id: events}``) against generic gold articles."""
    res = EvalResult(dataset=dataset, n_docs=len(golds))
    events = PRF()
    mode, date, date_prec, loc, claimant, hedge = (Confusion() for _ in range(6))
    roles = {"actor": PRF(), "recipient": PRF()}
    dead, injured = NumberScore(), NumberScore()
    for art in golds:
        # gold events are things that happened: a predicted event that the extractor itself
        # marks as negated, hypothetical or future does not claim one, and is not scored
        preds = [p for p in predictions.get(art.id, []) if p.modality.value not in UNREAL_MODALITIES]
        pairs = pair_events(art.events, preds)
        events.add(len(pairs), len(preds), len(pairs), len(art.events))
        paired_g = {id(g) for g, _ in pairs}
        paired_p = {id(p) for _, p in pairs}
        for g in art.events:
            if id(g) not in paired_g:
                res.errors.append(_err("miss", "event", art, g.event_type, None))
        for p in preds:
            if id(p) not in paired_p:
                res.errors.append(_err("false_positive", "event", art, None, p.event_type, p))
        for g, p in pairs:
            if g.mode is not None:
                mode.add(g.mode, p.mode)
                _check(res, art, "mode", g.mode, p.mode, p)
            for role, gc, pe in (("actor", g.actor_codes, p.actor), ("recipient", g.recipient_codes, p.recipient)):
                if gc is not None:
                    pc = _codes(pe)
                    roles[role].add_sets(pc, gc)
                    _check(res, art, f"{role}.country", sorted(gc), sorted(pc), p)
            if g.date is not None:
                pv = p.date.value if p.date else None
                date.add(g.date, pv)
                _check(res, art, "date", g.date, pv, p)
                pp = p.date.precision.value if p.date and p.date.precision else None
                date_prec.add(g.date_precision or "", pp)
            if g.location_country is not None:
                pc2 = p.location.country_code.upper() if p.location and p.location.country_code else None
                loc.add(g.location_country, pc2)
                _check(res, art, "location.country", g.location_country, pc2, p)
            for name, gv, num, cnt in (("dead", g.dead, dead, p.size.dead), ("injured", g.injured, injured, p.size.injured)):
                if gv is not None:
                    pv2 = cnt.best if cnt is not None else None
                    num.add(gv, pv2)
                    _check(res, art, name, gv, pv2, p)
            if g.claimant is not None:
                ok = claimant_matches(g.claimant, p.claims)
                claimant.add("match", "match" if ok else None)
                if not ok:
                    res.errors.append(_err("wrong", "claimant", art, g.claimant, [c.claimant.text for c in p.claims if c.claimant], p))
            if g.hedged is not None:
                ph = any(c.hedged for c in p.claims)
                hedge.add(str(g.hedged), str(ph))
                _check(res, art, "hedged", g.hedged, ph, p)
    m, s = res.metrics, res.support
    events.into(m, s, "event")
    for name, conf in (("mode", mode), ("date", date), ("date.precision", date_prec), ("location.country", loc),
                       ("claimant", claimant), ("hedged", hedge)):
        if conf.total:
            key = f"{name}.exact" if name == "date" else f"{name}.accuracy"
            m[key] = conf.accuracy
            s[key] = conf.total
    for role, prf in roles.items():
        if prf.n_gold or prf.n_pred:
            prf.into(m, s, f"{role}.country")
    for name, num in (("dead", dead), ("injured", injured)):
        if num.n:
            m[f"{name}.exact"] = num.exact_rate
            m[f"{name}.mae"] = num.mae
            s[f"{name}.exact"] = num.n
            s[f"{name}.mae"] = len(num.abs_errors)
    return res


def _sentence(ev: Optional[Event]) -> Optional[str]:
    return ev.mentions[0].text if ev is not None and ev.mentions else None


def _err(kind: str, fld: str, art: GoldArticle, gold: Any, pred: Any, ev: Optional[Event] = None) -> dict[str, Any]:
    return {"kind": kind, "field": fld, "doc": art.id, "sentence": _sentence(ev), "gold": gold, "predicted": pred}


def _check(res: EvalResult, art: GoldArticle, fld: str, gold: Any, pred: Any, ev: Event) -> None:
    if gold != pred:
        res.errors.append(_err("wrong", fld, art, gold, pred, ev))


def evaluate_generic(path: Path, limit: Optional[int] = None) -> EvalResult:
    """Extract every article of a generic gold file and score it."""
    from . import predict

    t0 = time.perf_counter()
    golds = load_generic(Path(path), limit)
    articles = [Article(id=g.id, text=g.text, raw=g.text, language="en", published=g.published, origin=f"{Path(path).name}:{g.id}") for g in golds]
    predictions = predict(articles)
    res = score_generic(golds, predictions)
    add_halves(res, golds, predictions)
    res.seconds = time.perf_counter() - t0
    return res


def add_halves(res: EvalResult, golds: list[GoldArticle], predictions: dict[str, list[Event]]) -> None:
    """``tune.*`` / ``check.*`` (split by article id, :mod:`.halves`) and the majority baseline
    ``baseline.majority.{half}.event.*``: one event per article, of the tune half's most frequent type."""
    from .halves import HALVES, SPLIT_SEED, copy_prefixed, half_of, majority
    from .metrics import PRF

    tune = [g for g in golds if half_of(g.id) == "tune"]
    guess = majority(e.event_type for g in tune for e in g.events)
    for half in HALVES:
        part = [g for g in golds if half_of(g.id) == half]
        copy_prefixed(res, score_generic(part, predictions, res.dataset), half)
        prf = PRF()
        for g in part:
            hit = int(any(e.event_type == guess for e in g.events))
            prf.add(hit, 1, hit, len(g.events))
        prf.into(res.metrics, res.support, f"baseline.majority.{half}.event")
    res.details["split"] = {"seed": SPLIT_SEED, "tune_articles": len(tune), "check_articles": len(golds) - len(tune),
                            "majority_type": guess}


__all__ = ["GoldArticle", "GoldEvent", "add_halves", "claimant_matches", "evaluate_generic", "load_generic", "pair_events", "score_generic"]
