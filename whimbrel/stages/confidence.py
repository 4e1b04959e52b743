"""A calibrated confidence: logistic regression over interpretable features.

The weights live in a versioned data file (``knowledge/data/confidence.json``), fitted
on the *tune* half of the precision development set by :func:`fit` (see
``docs/evaluation.md``, "precision-dev").  Two models share the file:

* ``event``: P(the event is real and correctly typed | its features);
* ``relevance``: P(the article reports at least one real event | its features);
* ``salience``: the score that ranks the readings of one sentence (which event is the
  sentence's primary one: evaluators and notes take the highest).  It is kept apart from
  ``event`` so that the calibrated model can be refitted without changing which reading
  a sentence gives; it holds the version-2 event weights (absent: the event model).

Every feature is a number in [0, 1] with a name a reader can look up in
:mod:`whimbrel.stages.screen`; :func:`explain` lists each one's contribution.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Optional, Sequence

DATA = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "confidence.json"


@dataclass(frozen=True)
class Logistic:
    """``sigmoid(bias + sum(w_f * x_f))`` over named features (missing features are 0)."""

    bias: float
    weights: Mapping[str, float]

    def score(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(w * float(features.get(name, 0.0)) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def explain(self, features: Mapping[str, float]) -> list[tuple[str, float]]:
        """Each non-zero feature's contribution to the log-odds, largest first."""
        parts = [(n, w * float(features.get(n, 0.0))) for n, w in self.weights.items() if features.get(n)]
        return sorted(parts, key=lambda p: -abs(p[1]))


@dataclass(frozen=True)
class Models:
    version: str
    event: Logistic
    relevance: Logistic
    relevance_threshold: float
    # the higher bar of article relevance for verbal and cooperative types (screen.VERBAL_TYPES)
    verbal_threshold: float = 0.0
    # the within-sentence ranking score (Event.salience); None: the event model
    salience: Optional[Logistic] = None

    @property
    def ranking(self) -> Logistic:
        return self.salience if self.salience is not None else self.event


@lru_cache(maxsize=4)
def load_models(path: str = str(DATA)) -> Models:
    """Read the weights file (once per process)."""
    from ..errors import ConfigError

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return Models(
            version=str(data["version"]),
            event=Logistic(float(data["event"]["bias"]), dict(data["event"]["weights"])),
            relevance=Logistic(float(data["relevance"]["bias"]), dict(data["relevance"]["weights"])),
            relevance_threshold=float(data["relevance"]["threshold"]),
            verbal_threshold=float(data["relevance"].get("verbal_threshold", data["relevance"]["threshold"])),
            salience=(Logistic(float(data["salience"]["bias"]), dict(data["salience"]["weights"]))
                      if "salience" in data else None),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"cannot read the confidence weights {path}: {exc}") from exc


def fit(rows: Sequence[Mapping[str, float]], labels: Sequence[int], *, l2: float = 1.0, iters: int = 500) -> Logistic:
    """Maximum-likelihood logistic regression with an L2 penalty (Newton steps, numpy)."""
    import numpy as np

    names = sorted({k for r in rows for k in r})
    X = np.array([[float(r.get(n, 0.0)) for n in names] for r in rows])
    X = np.hstack([np.ones((len(rows), 1)), X])
    y = np.array(labels, dtype=float)
    w = np.zeros(X.shape[1])
    penalty = np.full(X.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ w, -30, 30)))
        grad = X.T @ (p - y) + penalty * w
        hess = (X.T * (p * (1 - p))) @ X + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return Logistic(round(float(w[0]), 4), {n: round(float(v), 4) for n, v in zip(names, w[1:])})


def reliability(pred: Sequence[float], gold: Sequence[int], bins: int = 5) -> list[tuple[str, int, float, float]]:
    """``(bin, n, mean predicted, observed share)`` for equal-width bins of the prediction."""
    out = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(pred) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not idx:
            out.append((f"{lo:.1f}-{hi:.1f}", 0, 0.0, 0.0))
            continue
        out.append((f"{lo:.1f}-{hi:.1f}", len(idx), sum(pred[i] for i in idx) / len(idx), sum(gold[i] for i in idx) / len(idx)))
    return out


def auc(pred: Sequence[float], gold: Sequence[int]) -> float:
    """The area under the ROC curve: the chance that a real event scores above a wrong one (ties count half)."""
    pos = [p for p, g in zip(pred, gold) if g]
    neg = [p for p, g in zip(pred, gold) if not g]
    if not pos or not neg:
        return 0.5
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


__all__ = ["DATA", "Logistic", "Models", "auc", "fit", "load_models", "reliability"]
