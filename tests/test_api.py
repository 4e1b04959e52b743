"""The public API: an exhaustive __all__ and nothing heavy loaded at import time."""

from __future__ import annotations

import subprocess
import sys


def test_all_names_exist():
    import whimbrel

    for name in whimbrel.__all__:
        assert hasattr(whimbrel, name), name
    assert {"extract", "extract_many", "Store", "Event"} <= set(whimbrel.__all__)


def test_import_loads_no_model():
    code = "import sys, whimbrel; print('spacy' in sys.modules, 'torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
