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


def test_the_package_all_is_the_one_list_of_records():
    """records.py keeps no __all__ of its own; every record and enum users meet is in whimbrel's."""
    import inspect
    from enum import Enum

    import whimbrel
    from whimbrel import records

    assert not hasattr(records, "__all__")
    public = {
        name
        for name, obj in vars(records).items()
        if inspect.isclass(obj) and obj.__module__ == records.__name__ and not name.startswith("_")
        and (issubclass(obj, records.Record) or issubclass(obj, Enum)) and obj is not records.Record
    }
    assert public <= set(whimbrel.__all__), sorted(public - set(whimbrel.__all__))
    for name in public:
        assert getattr(whimbrel, name) is getattr(records, name)
