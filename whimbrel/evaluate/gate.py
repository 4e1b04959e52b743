"""The quality gate: pinned scores per dataset, and a check that none has dropped.

``quality/pins.json`` holds, per dataset, the score of each gated metric, the sha256 of
each gold file and the ``--limit`` the scores were measured with::

    {"tolerance": 0.01,
     "datasets": {"plover-gsr": {"limit": null,
                                 "gold": {"PLOVER_GSR_CAMEO.json": "<sha256>"},
                                 "metrics": {"event_type.accuracy": 0.61, ...},
                                 "updated": "2026-01-01"}},
     "history": [{"date": ..., "dataset": ..., "metric": ..., "from": ..., "to": ..., "reason": ...}]}

* :func:`check` raises :class:`~whimbrel.errors.QualityGateFailed` when a gated metric is
  below its pin by more than the tolerance (0.01 by default), and
  :class:`~whimbrel.errors.EvalError` when the gold files or the limit differ from the pinned ones.
* :func:`update_pins` raises pins to the new scores; lowering a pin needs
  ``allow_lower=True`` and a ``reason``, which is kept in ``history``.

Run every pinned dataset and check it: ``python -m whimbrel.evaluate.gate`` (or
``whimbrel eval DATASET --check`` for one).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

from ..errors import EvalError, QualityGateFailed, WhimbrelError
from .base import EvalResult

DEFAULT_TOLERANCE = 0.01

# A metric is gated when its last dotted part is one of these (higher is better).
# Precision and recall trade against each other; the gate holds their F1 (and accuracies),
# so a change that moves the balance without losing F1 is not a regression.
_GATED_SUFFIXES = ("f1", "macro_f1", "accuracy", "exact")


def default_pins_path() -> Path:
    """``$WHIMBREL_PINS`` or ``quality/pins.json`` at the root of the source tree."""
    env = os.environ.get("WHIMBREL_PINS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "quality" / "pins.json"


def is_gated(metric: str) -> bool:
    """Whether a metric takes part in the gate (higher-is-better scores only; not MAE, km, seconds)."""
    last = metric.rsplit(".", 1)[-1]
    return last in _GATED_SUFFIXES or last.startswith("within_") or last.startswith("acc_")


MIN_SUPPORT = 20
"""Metrics scored on fewer gold items than this are not pinned (one item would move them > 0.01)."""


def gated_metrics(result: EvalResult) -> dict[str, float]:
    """The gated metrics of a result (support unknown or >= MIN_SUPPORT), rounded to 4 decimals."""
    return {
        k: round(v, 4)
        for k, v in sorted(result.metrics.items())
        if is_gated(k) and result.support.get(k, MIN_SUPPORT) >= MIN_SUPPORT
    }


@dataclass(frozen=True)
class Regression:
    """One gated metric below its pin."""

    dataset: str
    metric: str
    pinned: float
    measured: float

    def __str__(self) -> str:
        return f"{self.dataset} {self.metric}: {self.measured:.4f} < pin {self.pinned:.4f}"


def load_pins(path: Optional[Path] = None) -> dict[str, Any]:
    """The pins file as a dict (an empty structure when it does not exist yet)."""
    path = Path(path or default_pins_path())
    if not path.exists():
        return {"tolerance": DEFAULT_TOLERANCE, "datasets": {}, "history": []}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read pins file {path}: {exc}", hint="Fix the JSON or restore quality/pins.json from git.") from exc
    data.setdefault("tolerance", DEFAULT_TOLERANCE)
    data.setdefault("datasets", {})
    data.setdefault("history", [])
    return data


def save_pins(pins: dict[str, Any], path: Optional[Path] = None) -> Path:
    """Write the pins file (sorted keys, trailing newline)."""
    path = Path(path or default_pins_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(pins, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def _same_gold(dataset: str, pinned: dict[str, str], digests: dict[str, str]) -> None:
    if pinned and pinned != digests:
        changed = sorted(k for k in set(pinned) | set(digests) if pinned.get(k) != digests.get(k))
        raise EvalError(
            f"gold data of {dataset!r} differs from the pinned version ({', '.join(changed)})",
            hint="Scores on other gold files are not comparable: restore the pinned gold files, or re-pin "
            "with --update-pins --allow-lower --reason '...'.",
        )


def check(
    dataset: str,
    result: EvalResult,
    digests: dict[str, str],
    limit: Optional[int],
    *,
    pins: Optional[dict[str, Any]] = None,
    tolerance: Optional[float] = None,
) -> dict[str, float]:
    """Compare a result with its pins; raise on a regression, return ``{metric: measured - pinned}``."""
    pins = pins if pins is not None else load_pins()
    entry = pins["datasets"].get(dataset)
    if entry is None:
        raise EvalError(
            f"no pinned scores for {dataset!r}",
            hint=f"Pin them first: whimbrel eval {dataset} --update-pins.",
        )
    _same_gold(dataset, entry.get("gold", {}), digests)
    if entry.get("limit") != limit:
        raise EvalError(
            f"{dataset!r} was pinned with --limit {entry.get('limit')}, this run used --limit {limit}",
            hint="Run with the pinned limit (the default of --check) so scores are comparable.",
        )
    tol = float(pins.get("tolerance", DEFAULT_TOLERANCE)) if tolerance is None else tolerance
    deltas: dict[str, float] = {}
    failures: list[Regression] = []
    for metric, pinned in sorted(entry.get("metrics", {}).items()):
        if not is_gated(metric):
            continue  # pinned under an older gating rule
        measured = result.metrics.get(metric)
        if measured is None:
            failures.append(Regression(dataset, metric, pinned, float("nan")))
            continue
        deltas[metric] = round(measured - pinned, 4)
        if measured < pinned - tol - 1e-9:
            failures.append(Regression(dataset, metric, pinned, measured))
    if failures:
        raise QualityGateFailed(
            f"{len(failures)} score(s) below their pins (tolerance {tol}): " + "; ".join(str(f) for f in failures)
        )
    return deltas


def update_pins(
    dataset: str,
    result: EvalResult,
    digests: dict[str, str],
    limit: Optional[int],
    *,
    allow_lower: bool = False,
    reason: Optional[str] = None,
    pins_path: Optional[Path] = None,
) -> list[str]:
    """Raise the pins of ``dataset`` to ``result``; lower them only with ``allow_lower`` and a ``reason``.

    Returns one line per change.  Without ``allow_lower``, a metric below its pin keeps
    its pin, and a gold-digest or limit change is refused.
    """
    if allow_lower and not (reason and reason.strip()):
        raise EvalError("lowering pins needs a reason", hint="Add --reason '...' saying why the score may drop.")
    pins = load_pins(pins_path)
    entry = pins["datasets"].get(dataset)
    today = _dt.date.today().isoformat()
    changes: list[str] = []
    if entry is None:
        entry = {"limit": limit, "gold": digests, "metrics": {}}
        pins["datasets"][dataset] = entry
        changes.append(f"{dataset}: new pins (limit {limit})")
    elif not allow_lower:
        _same_gold(dataset, entry.get("gold", {}), digests)
        if entry.get("limit") != limit:
            raise EvalError(
                f"{dataset!r} is pinned with --limit {entry.get('limit')}, not {limit}",
                hint="Use the pinned limit, or change it with --allow-lower --reason '...'.",
            )
    else:
        if entry.get("gold") != digests or entry.get("limit") != limit:
            pins["history"].append(
                {"date": today, "dataset": dataset, "metric": "(gold/limit)", "from": entry.get("limit"), "to": limit, "reason": reason}
            )
            entry["gold"], entry["limit"] = digests, limit
            changes.append(f"{dataset}: gold files / limit re-pinned")
    current = entry.setdefault("metrics", {})
    for metric in [m for m in current if not is_gated(m)]:
        del current[metric]
        changes.append(f"{dataset} {metric}: no longer gated (precision/recall are held through F1)")
    for metric, value in gated_metrics(result).items():
        old = current.get(metric)
        if old is None or value > old:
            current[metric] = value
            changes.append(f"{dataset} {metric}: {old} -> {value}")
        elif value < old and allow_lower:
            current[metric] = value
            pins["history"].append({"date": today, "dataset": dataset, "metric": metric, "from": old, "to": value, "reason": reason})
            changes.append(f"{dataset} {metric}: {old} -> {value} (lowered: {reason})")
    entry["updated"] = today
    save_pins(pins, pins_path)
    return changes


def run_and_check(
    dataset: str,
    *,
    limit: Optional[int] = None,
    use_pinned_limit: bool = True,
    shared_dir: Optional[str] = None,
    pins_path: Optional[Path] = None,
    tolerance: Optional[float] = None,
) -> tuple[EvalResult, dict[str, float]]:
    """Run one dataset at its pinned limit and check it against its pins."""
    from . import gold_digests, resolve

    spec, path = resolve(dataset, shared_dir)
    pins = load_pins(pins_path)
    entry = pins["datasets"].get(spec.name, {})
    if use_pinned_limit and limit is None:
        limit = entry.get("limit")
    digests = gold_digests(spec, path)
    _same_gold(spec.name, entry.get("gold", {}), digests)  # fail before spending minutes on a run
    t0 = time.perf_counter()
    result = spec.run(path, limit=limit, shared_dir=shared_dir)
    result.seconds = result.seconds or time.perf_counter() - t0
    return result, check(spec.name, result, digests, limit, pins=pins, tolerance=tolerance)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``python -m whimbrel.evaluate.gate [DATASET ...]``: check every (or the named) pinned dataset."""
    parser = argparse.ArgumentParser(prog="python -m whimbrel.evaluate.gate", description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="*", help="datasets to check (default: every pinned one)")
    parser.add_argument("--pins", type=Path, default=None, help="pins file (default quality/pins.json)")
    parser.add_argument("--shared-dir", default=None, help="gold-data folder (setting shared_dir)")
    parser.add_argument("--tolerance", type=float, default=None)
    args = parser.parse_args(argv)
    pins = load_pins(args.pins)
    names = args.datasets or sorted(pins["datasets"])
    failed = 0
    for name in names:
        try:
            result, deltas = run_and_check(name, shared_dir=args.shared_dir, pins_path=args.pins, tolerance=args.tolerance)
        except WhimbrelError as err:
            print(f"FAIL {name}: {err}", file=sys.stderr)
            failed = max(failed, err.exit_code)
            continue
        worst = min(deltas.values(), default=0.0)
        print(f"ok   {name}: {len(deltas)} gated metrics, worst delta {worst:+.4f}, {result.seconds:.0f}s")
    return failed


if __name__ == "__main__":
    sys.exit(main())


__all__ = [
    "DEFAULT_TOLERANCE",
    "MIN_SUPPORT",
    "Regression",
    "check",
    "default_pins_path",
    "gated_metrics",
    "is_gated",
    "load_pins",
    "main",
    "run_and_check",
    "save_pins",
    "update_pins",
]
