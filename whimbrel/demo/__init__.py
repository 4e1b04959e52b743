"""whimbrel's own demo corpus: 18 short wire-style reports written for this project.

The reports are **fictional**: the events, figures and quotes were invented for
demonstrations and tests (real country, place and organisation names give the
geocoder and actor resolver something to do; no statement in them should be
read as a real one).  They cover airstrikes, a suicide bombing, shelling, an
ambush, a kidnapping, mass arrests, a peaceful march, sanctions, a ceasefire, a
troop deployment, threats, condemnation, a call for a truce, aid and a
withdrawal, with varied casualty wordings, attributions, hedges, a denial and
conditional statements.  Three reports (``demo-01``..``demo-03``) describe the
same air raid with different figures, and ``demo-08`` is a syndicated near-copy
of ``demo-07``.

Each JSONL record is an article record (``id, title, published, publisher, url,
language, text``) plus ``demo_incident``, our own annotation of which incident
the report describes (see :func:`load_incidents`).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from ..records import Article

_FILE = "corpus.jsonl"


def corpus_path() -> Path:
    """Path of the bundled demo corpus (JSONL)."""
    return Path(str(resources.files(__name__).joinpath(_FILE)))


def _records() -> list[dict]:
    with open(corpus_path(), encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_corpus() -> list[Article]:
    """The demo reports as :class:`Article` records (raw text; not yet cleaned)."""
    from ..stages.read import read_paths

    out: list[Article] = []
    for item in read_paths([str(corpus_path())]):
        if not isinstance(item, Article):  # the bundled file is valid; a Skip is a packaging bug
            raise RuntimeError(f"demo corpus record could not be read: {item.reason}")
        out.append(item)
    return out


def load_incidents() -> dict[str, str]:
    """Our annotation: article id → demo incident id (same id = same real-world event)."""
    return {rec["id"]: rec["demo_incident"] for rec in _records()}


__all__ = ["corpus_path", "load_corpus", "load_incidents"]
