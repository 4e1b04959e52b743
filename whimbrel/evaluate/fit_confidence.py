"""Fit the relevance and confidence models on the *tune* half of precision-dev.

``python -m whimbrel.evaluate.fit_confidence [--write]`` runs the extractor (all events)
over the labelled articles, fits both logistic models (:func:`whimbrel.stages.confidence.fit`)
on the tune half only, prints precision / recall by threshold on both halves and the
reliability table of the check half, and with ``--write`` stores the weights in
``knowledge/data/confidence.json`` (with a new version).

Targets: an article is relevant when it has at least one real (valid, correctly typed)
labelled event; an event is right when it is real.  Events held back by a rule are left
out of the event model's training rows (the model scores what would be counted).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..stages.confidence import DATA, Logistic, fit, reliability


# The event model's features: a compact set chosen by leave-articles-out cross-validation on
# the tune half (5 folds; log loss 0.61 against 0.64-0.69 for all features with or without
# the per-type indicators, which the ~110 training events cannot support).
FEATURES = ("rel", "crime_cue", "verbal_type", "asserted", "modal", "weight", "sense_ok", "main_clause", "past")
L2 = 3.0


@dataclass
class Row:
    article: str
    half: str
    features: dict
    rule_held: Optional[str]
    real: Optional[bool]
    generic: bool


def collect(shared: Path) -> tuple[list[Row], list[tuple[str, str, dict, bool, int]]]:
    """Event rows and article rows ``(id, half, features, has_real, sentences)`` of the labelled articles."""
    from ..extract import build_pipeline
    from ..pipeline import Work
    from ..records import Modality
    from ..settings import load
    from ..stages import screen
    from .precision import event_key, load_labels
    from .stream import stream_articles

    labels = load_labels()
    by_key = {lab.key: lab for lab in labels}
    half = {lab.article: lab.half for lab in labels}
    arts = [a for a in stream_articles(shared) if a.id in half]
    rows: list[Row] = []
    art_rows = []
    for w in build_pipeline(load()).run_many([Work(article=a) for a in arts]):
        if w.skip is not None:
            continue
        af = screen.article_features(w.doc, w.mentions or [], w.article.title)
        has_real = False
        for ev, members in zip(w.events, screen.clusters_of(w)):
            f, held = screen.event_features(ev, members, 0.0, af["headline"])
            lab = by_key.get(event_key(ev))
            has_real = has_real or bool(lab and lab.real)
            rows.append(Row(w.article.id, half[w.article.id], f, held, None if lab is None else lab.real,
                            ev.modality == Modality.generic or (ev.held or "").startswith(("generic", "rule"))))
        art_rows.append((w.article.id, half[w.article.id], af, has_real, sum(1 for _ in w.doc.sents)))
    return rows, art_rows


def passes(row: Row, rel: float, threshold: float, verbal_threshold: float) -> bool:
    """Whether the article's relevance lets the event through (the screen stage's two bars)."""
    return rel >= threshold and (not row.features.get("verbal_type") or rel >= verbal_threshold)


def fit_all(rows: list[Row], art_rows: list, threshold: float, l2: float = L2,
            verbal_threshold: float = 0.0, features: tuple[str, ...] = FEATURES) -> tuple[Logistic, Logistic]:
    from ..stages.screen import MIN_SENTENCES

    tune_arts = [a for a in art_rows if a[1] == "tune" and a[4] >= MIN_SENTENCES]
    rel = fit([a[2] for a in tune_arts], [int(a[3]) for a in tune_arts], l2=1.0)
    score = {a[0]: (rel.score(a[2]) if a[4] >= MIN_SENTENCES else 1.0) for a in art_rows}
    for r in rows:
        r.features["rel"] = score[r.article]
    train = [r for r in rows if r.half == "tune" and r.real is not None and not r.rule_held and not r.generic
             and passes(r, score[r.article], threshold, verbal_threshold)]
    ev = fit([{k: r.features.get(k, 0.0) for k in features} for r in train], [int(r.real) for r in train], l2=l2)
    return rel, ev


def report(rows: list[Row], art_rel: dict, ev: Logistic, threshold: float, verbal_threshold: float = 0.0) -> dict:
    out = {}
    for half in ("tune", "check"):
        mine = [r for r in rows if r.half == half and r.real is not None]
        total = sum(r.real for r in mine)
        kept = [r for r in mine if not r.rule_held and not r.generic
                and passes(r, art_rel[r.article], threshold, verbal_threshold)]
        table = []
        for t in (0.0, 0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7):
            k = [r for r in kept if ev.score(r.features) >= t]
            if k:
                table.append((t, len(k), round(sum(r.real for r in k) / len(k), 3), round(sum(r.real for r in k) / max(1, total), 3)))
        out[half] = {"by_threshold": table,
                     "reliability": reliability([ev.score(r.features) for r in kept], [int(r.real) for r in kept])}
    return out


def main(argv: Optional[list[str]] = None) -> int:
    from ..settings import load

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="store the fitted weights in knowledge/data/confidence.json")
    ap.add_argument("--threshold", type=float, default=0.25, help="relevance threshold")
    ap.add_argument("--verbal-threshold", type=float, default=None,
                    help="relevance bar of verbal and cooperative types (default: the weights file's)")
    ap.add_argument("--l2", type=float, default=L2, help="L2 penalty of the event model")
    ap.add_argument("--version", default="1")
    args = ap.parse_args(argv)
    rows, art_rows = collect(Path(load().shared_dir) / "eval" / "..")
    from ..stages.confidence import load_models

    verbal = load_models().verbal_threshold if args.verbal_threshold is None else args.verbal_threshold
    rel, ev = fit_all(rows, art_rows, args.threshold, args.l2, verbal)
    art_rel = {a[0]: (rel.score(a[2]) if a[4] >= 4 else 1.0) for a in art_rows}
    print(json.dumps(report(rows, art_rel, ev, args.threshold, verbal), indent=1))
    print("relevance", rel)
    print("event", ev)
    if args.write:
        data = {
            "version": args.version,
            "fitted_on": "precision-dev tune half (whimbrel/evaluate/data/precision_dev.jsonl)",
            "event": {"bias": ev.bias, "weights": dict(ev.weights)},
            "relevance": {"bias": rel.bias, "weights": dict(rel.weights), "threshold": args.threshold,
                          "verbal_threshold": verbal},
        }
        DATA.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {DATA}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
