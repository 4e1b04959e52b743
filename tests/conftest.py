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


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory):
    """The offline gazetteer index, built once per test session in pytest's temporary folder."""
    from whimbrel.knowledge.gazetteer import SQLiteGazetteer

    gz = SQLiteGazetteer(tmp_path_factory.getbasetemp() / "whimbrel-gazetteer.sqlite")
    gz.country("US")  # builds the index on first use (its cost: benchmarks, not tests)
    return gz


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory) -> Path:
    """A store built once per session from the bundled demo corpus (ingested with the real extractor)."""
    from whimbrel.demo import corpus_path
    from whimbrel.settings import Settings
    from whimbrel.store import Store
    from whimbrel.store.ingest import ingest

    folder = tmp_path_factory.mktemp("demo-store")
    db = folder / "demo.db"
    with Store(db) as store:
        ingest([str(corpus_path())], store, Settings(db=str(db), data_dir=str(folder)))
    return db


@pytest.fixture()
def demo_copy(demo_store, tmp_path) -> Path:
    """A private copy of the demo store, for tests that write."""
    import shutil

    dst = tmp_path / "demo-copy.db"
    shutil.copyfile(demo_store, dst)
    return dst
