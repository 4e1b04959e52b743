"""Tune and check halves of the development sets, and do-nothing baselines.

Every development set is split once, by document (or by incident, for GVC), into a
*tune* half and a *check* half: :func:`half_of` hashes the document's key with a fixed
seed, so the split never depends on the order of the file or on ``--limit``.  Rules are
tuned on the tune half; a rule that raises ``tune.*`` but not ``check.*`` is fitted to
sentences, not to language, and is dropped.

The helpers here copy an evaluator's metrics under a ``tune.`` / ``check.`` prefix and
score the do-nothing baselines the evaluation docs list beside each score (always the
majority class of the tune half, always 0 injured, always 1 killed, ...).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Hashable, Iterable, Optional, Sequence

from .base import EvalResult

SPLIT_SEED = "whimbrel-dev-split-1"
"""The fixed seed of the PLOVER, WikiEvents and GVC splits (never change it: the pins depend on it)."""

HALVES = ("tune", "check")


def half_of(key: str, seed: str = SPLIT_SEED) -> str:
    """``"tune"`` or ``"check"``: the half of a document or incident, fixed by a hash of its key."""
    digest = hashlib.sha256(f"{seed}:{key}".encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "check"


def copy_prefixed(into: EvalResult, part: EvalResult, prefix: str, names: Optional[Iterable[str]] = None) -> None:
    """Copy ``part``'s metrics (all, or those in ``names``) and their support into ``into`` as ``prefix.<name>``."""
    keys = list(part.metrics) if names is None else [n for n in names if n in part.metrics]
    for k in keys:
        into.metrics[f"{prefix}.{k}"] = part.metrics[k]
        if k in part.support:
            into.support[f"{prefix}.{k}"] = part.support[k]


def majority(labels: Iterable[Hashable]) -> Optional[Hashable]:
    """The most frequent label (ties: the one seen first), or None for no labels."""
    counts = Counter(labels)
    return counts.most_common(1)[0][0] if counts else None


def constant_accuracy(gold: Sequence[Hashable], guess: Optional[Hashable]) -> float:
    """Share of gold labels equal to one constant guess (0.0 for no gold)."""
    return sum(1 for g in gold if g == guess) / len(gold) if gold else 0.0


__all__ = ["HALVES", "SPLIT_SEED", "constant_accuracy", "copy_prefixed", "half_of", "majority"]
