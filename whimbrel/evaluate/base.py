"""The result type every evaluator returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class EvalResult:
    """Scores of whimbrel on one gold set.

    ``metrics`` maps a flat, dotted metric name (``"event_type.accuracy"``,
    ``"actor.country.f1"``) to its value; ``support`` gives the count behind a
    metric where it applies; ``errors`` lists every miss / false positive as a
    dict with at least ``kind`` (``"miss"``, ``"false_positive"``, ``"wrong"``),
    ``field``, ``doc``, ``sentence``, ``gold`` and ``predicted``.
    """

    dataset: str
    metrics: dict[str, float] = field(default_factory=dict)
    support: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    n_docs: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "n_docs": self.n_docs,
            "seconds": round(self.seconds, 3),
            "metrics": {k: round(v, 4) for k, v in sorted(self.metrics.items())},
            "support": dict(sorted(self.support.items())),
            "details": self.details,
        }
