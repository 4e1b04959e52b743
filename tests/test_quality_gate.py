"""The quality gate over the real gold sets (slow: runs the extractor on every pinned dataset).

Each pinned dataset runs at the ``--limit`` stored in quality/pins.json (see
docs/evaluation.md for the measured times); a regression beyond the tolerance fails here
with QualityGateFailed, as ``python -m whimbrel.evaluate.gate`` would.
"""

from __future__ import annotations

import pytest

from whimbrel.evaluate import gate

PINNED = sorted(gate.load_pins()["datasets"])


@pytest.mark.slow
@pytest.mark.parametrize("dataset", PINNED)
def test_gate_passes(dataset, shared_dir):
    result, deltas = gate.run_and_check(dataset, shared_dir=str(shared_dir))
    assert deltas, f"{dataset}: no gated metric was compared"
    assert result.n_docs > 0
