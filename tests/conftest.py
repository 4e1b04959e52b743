"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def nlp():
    import spacy

    from whimbrel.settings import load

    return spacy.load(load().spacy_model)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only gold/sample folder; tests that need it skip when it is absent."""
    path = Path(os.environ.get("WHIMBREL_SHARED_DIR") or REPO.parent / "shared")
    if not path.exists():
        pytest.skip(f"shared folder not found at {path}")
    return path
