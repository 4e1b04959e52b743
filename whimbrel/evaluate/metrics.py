"""Scoring helpers shared by all evaluators: P/R/F1, confusion matrices, clustering scores.

Everything here is pure (no model, no files) so it can be tested with hand-built values.

Conventions
-----------
* A score with nothing to score is ``0.0`` (e.g. precision with no prediction); evaluators
  report the support next to it so a reader can tell "0 of 0" from "0 of 100".
* F1 is the harmonic mean of precision and recall, ``0.0`` when both are zero.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Hashable, Iterable, Mapping, Optional, Sequence, TypeVar

T = TypeVar("T", bound=Hashable)


def safe_div(num: float, den: float) -> float:
    """``num / den``, or ``0.0`` when ``den`` is zero."""
    return num / den if den else 0.0


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (``0.0`` when both are zero)."""
    return safe_div(2 * precision * recall, precision + recall)


@dataclass
class PRF:
    """Counts of true positives, false positives and false negatives, with their scores.

    ``tp_pred`` and ``tp_gold`` may differ when matching is not one-to-one (e.g. one
    predicted argument matching two gold mentions of the same entity); precision uses
    ``tp_pred`` and recall ``tp_gold``.
    """

    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return safe_div(self.tp_pred, self.n_pred)

    @property
    def recall(self) -> float:
        return safe_div(self.tp_gold, self.n_gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def add(self, tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> None:
        """Accumulate counts (micro-averaging)."""
        self.tp_pred += tp_pred
        self.n_pred += n_pred
        self.tp_gold += tp_gold
        self.n_gold += n_gold

    def add_sets(self, predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> None:
        """Accumulate one item's predicted and gold sets (exact element match)."""
        p, g = set(predicted), set(gold)
        both = len(p & g)
        self.add(both, len(p), both, len(g))

    def into(self, metrics: dict[str, float], support: dict[str, int], name: str) -> None:
        """Write ``name.precision``/``.recall``/``.f1`` into ``metrics`` and gold count into ``support``."""
        metrics[f"{name}.precision"] = self.precision
        metrics[f"{name}.recall"] = self.recall
        metrics[f"{name}.f1"] = self.f1
        support[f"{name}.f1"] = self.n_gold
        support[f"{name}.precision"] = self.n_pred
        support[f"{name}.recall"] = self.n_gold


def prf_sets(predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> PRF:
    """P/R/F1 of one predicted set against one gold set."""
    out = PRF()
    out.add_sets(predicted, gold)
    return out


# --------------------------------------------------------------------------- classification


@dataclass
class Confusion:
    """A confusion matrix over labels, with ``None`` standing for "no prediction".

    ``add(gold, predicted)`` counts one item.  Accuracy counts a missing prediction as
    wrong.  Macro-F1 averages per-label F1 over the labels that occur in gold.
    """

    counts: Counter = field(default_factory=Counter)

    def add(self, gold: str, predicted: Optional[str]) -> None:
        self.counts[(gold, predicted)] += 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def accuracy(self) -> float:
        right = sum(n for (g, p), n in self.counts.items() if g == p)
        return safe_div(right, self.total)

    def labels(self) -> list[str]:
        """Gold labels, sorted."""
        return sorted({g for g, _ in self.counts})

    def per_label(self) -> dict[str, PRF]:
        """P/R/F1 of each gold or predicted label (``None`` predictions are only misses)."""
        out: dict[str, PRF] = defaultdict(PRF)
        for (g, p), n in self.counts.items():
            out[g].n_gold += n
            if p is not None:
                out[p].n_pred += n
            if g == p:
                out[g].tp_gold += n
                out[g].tp_pred += n
        return dict(out)

    @property
    def macro_f1(self) -> float:
        per = self.per_label()
        gold_labels = self.labels()
        return safe_div(sum(per[label].f1 for label in gold_labels), len(gold_labels))

    def matrix(self) -> dict[str, dict[str, int]]:
        """``{gold: {predicted or "NONE": count}}``, JSON-ready."""
        out: dict[str, dict[str, int]] = defaultdict(dict)
        for (g, p), n in sorted(self.counts.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
            out[g]["NONE" if p is None else p] = n
        return dict(out)


# --------------------------------------------------------------------------- numbers


@dataclass
class NumberScore:
    """Exact-match rate and mean absolute error of predicted integers against gold ones.

    A missing prediction counts as wrong for the exact rate and is left out of the MAE
    (``missing`` says how many were missing).
    """

    n: int = 0
    exact: int = 0
    abs_errors: list[int] = field(default_factory=list)
    missing: int = 0

    def add(self, gold: int, predicted: Optional[int]) -> None:
        self.n += 1
        if predicted is None:
            self.missing += 1
            return
        if predicted == gold:
            self.exact += 1
        self.abs_errors.append(abs(predicted - gold))

    @property
    def exact_rate(self) -> float:
        return safe_div(self.exact, self.n)

    @property
    def mae(self) -> float:
        return safe_div(sum(self.abs_errors), len(self.abs_errors))


# --------------------------------------------------------------------------- spans


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when the half-open ranges ``[a_start, a_end)`` and ``[b_start, b_end)`` share a character."""
    return a_start < b_end and b_start < a_end


def token_f1(predicted: str, gold: str) -> float:
    """Bag-of-words F1 between two strings (case-insensitive, punctuation stripped)."""
    p = Counter(_words(predicted))
    g = Counter(_words(gold))
    common = sum((p & g).values())
    return f1(safe_div(common, sum(p.values())), safe_div(common, sum(g.values())))


def _words(text: str) -> list[str]:
    return ["".join(ch for ch in w if ch.isalnum()) for w in text.lower().split() if any(c.isalnum() for c in w)]


def head_word(text: str) -> str:
    """The last alphanumeric word of a phrase, lower-cased (a cheap head for English noun phrases)."""
    words = _words(text)
    return words[-1] if words else ""


# --------------------------------------------------------------------------- clusters


def _membership(clusters: Iterable[Iterable[T]]) -> dict[T, frozenset]:
    out: dict[T, frozenset] = {}
    for cluster in clusters:
        members = frozenset(cluster)
        for item in members:
            if item in out:
                raise ValueError(f"item {item!r} is in more than one cluster")
            out[item] = members
    return out


def bcubed(pred_clusters: Iterable[Iterable[T]], gold_clusters: Iterable[Iterable[T]]) -> PRF:
    """B-cubed precision/recall/F1 of a predicted clustering against a gold one.

    For every item, precision is the share of its predicted cluster that shares its gold
    cluster, and recall the share of its gold cluster that shares its predicted cluster;
    both are averaged over items.  An item present in only one clustering counts as a
    singleton in the other.  Read the result through ``.precision``, ``.recall`` and
    ``.f1`` (the integer counts of the returned :class:`PRF` are not used).
    """
    pred = _membership(pred_clusters)
    gold = _membership(gold_clusters)
    items = set(pred) | set(gold)
    if not items:
        return _FloatPRF(0.0, 0.0)
    p_sum = r_sum = 0.0
    for item in items:
        pc = pred.get(item, frozenset([item]))
        gc = gold.get(item, frozenset([item]))
        both = len(pc & gc)
        p_sum += both / len(pc)
        r_sum += both / len(gc)
    return _FloatPRF(p_sum / len(items), r_sum / len(items))


def pairwise(pred_clusters: Iterable[Iterable[T]], gold_clusters: Iterable[Iterable[T]]) -> PRF:
    """Pairwise P/R/F1: over unordered pairs of items put in the same cluster.

    Precision = linked pairs that are gold pairs / linked pairs; recall = gold pairs that
    are linked / gold pairs.
    """
    pred_pairs = _pairs(pred_clusters)
    gold_pairs = _pairs(gold_clusters)
    both = len(pred_pairs & gold_pairs)
    return PRF(both, len(pred_pairs), both, len(gold_pairs))


def _pairs(clusters: Iterable[Iterable[T]]) -> set[frozenset]:
    out: set[frozenset] = set()
    for cluster in clusters:
        members = sorted(set(cluster), key=repr)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                out.add(frozenset((a, b)))
    return out


class _FloatPRF(PRF):
    """A :class:`PRF` whose precision and recall are given directly (B-cubed averages)."""

    def __init__(self, precision: float, recall: float):
        super().__init__()
        self._p = precision
        self._r = recall

    @property
    def precision(self) -> float:  # type: ignore[override]
        return self._p

    @property
    def recall(self) -> float:  # type: ignore[override]
        return self._r


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean, ``0.0`` for an empty sequence."""
    return safe_div(sum(values), len(values))


def merge_counts(a: Mapping[str, int], b: Mapping[str, int]) -> dict[str, int]:
    """Sum two count mappings key by key."""
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out


__all__ = [
    "Confusion",
    "NumberScore",
    "PRF",
    "bcubed",
    "f1",
    "head_word",
    "mean",
    "merge_counts",
    "overlaps",
    "pairwise",
    "prf_sets",
    "safe_div",
    "token_f1",
]
