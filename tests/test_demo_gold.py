"""The hand-coded gold set over the demo corpus (``whimbrel/demo/gold.jsonl``).

Checks that the file is well formed and consistent with the corpus and the codebook, and
(slow) that ``whimbrel eval demo`` scores it with the generic scorer.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pycountry
import pytest
from click.testing import CliRunner

from whimbrel.codebook import ACTOR_CODES, is_valid
from whimbrel.evaluate import DATASETS, resolve
from whimbrel.evaluate.generic import load_generic

DEMO = Path(__file__).resolve().parent.parent / "whimbrel" / "demo"
GOLD = DEMO / "gold.jsonl"
CORPUS = DEMO / "corpus.jsonl"

EVENT_KEYS = {
    "event_type", "mode", "actor_codes", "recipient_codes", "date", "location_country",
    "dead", "injured", "claimant", "hedged", "note",
}


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


GOLD_RECORDS = _read(GOLD)
CORPUS_BY_ID = {rec["id"]: rec for rec in _read(CORPUS)}
EVENTS = [(rec["id"], n, ev) for rec in GOLD_RECORDS for n, ev in enumerate(rec["events"])]
EVENT_IDS = [f"{doc}#{n}" for doc, n, _ in EVENTS]


def _is_actor_code(code: str) -> bool:
    return code in ACTOR_CODES or pycountry.countries.get(alpha_3=code) is not None


def test_gold_parses_with_the_generic_loader() -> None:
    golds = load_generic(GOLD)
    assert len(golds) == len(GOLD_RECORDS) == 18
    assert sum(len(g.events) for g in golds) == len(EVENTS)
    assert len(EVENTS) >= 2 * len(golds)


def test_every_corpus_record_is_coded_once() -> None:
    ids = [rec["id"] for rec in GOLD_RECORDS]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(CORPUS_BY_ID)


@pytest.mark.parametrize("rec", GOLD_RECORDS, ids=[r["id"] for r in GOLD_RECORDS])
def test_record_matches_corpus(rec: dict[str, Any]) -> None:
    src = CORPUS_BY_ID[rec["id"]]
    assert rec["text"] == src["text"]
    assert rec["published"] == src["published"]
    assert rec["events"], "every report has at least its headline event"


@pytest.mark.parametrize("doc,n,ev", EVENTS, ids=EVENT_IDS)
def test_event_is_valid(doc: str, n: int, ev: dict[str, Any]) -> None:
    assert set(ev) <= EVENT_KEYS, set(ev) - EVENT_KEYS
    assert is_valid(ev["event_type"], ev.get("mode")), (ev["event_type"], ev.get("mode"))
    for key in ("actor_codes", "recipient_codes"):
        codes = ev.get(key)
        if codes is not None:
            assert isinstance(codes, list) and codes, key
            assert all(isinstance(c, str) and _is_actor_code(c) for c in codes), codes
    loc = ev.get("location_country")
    if loc is not None:
        assert len(loc) == 2 and pycountry.countries.get(alpha_2=loc) is not None, loc
    for key in ("dead", "injured"):
        if key in ev:
            assert isinstance(ev[key], int) and ev[key] >= 0
    if "hedged" in ev:
        assert isinstance(ev["hedged"], bool)
    if "claimant" in ev:
        assert ev["claimant"] in CORPUS_BY_ID[doc]["text"], ev["claimant"]


@pytest.mark.parametrize("doc,n,ev", [e for e in EVENTS if "date" in e[2]], ids=[i for i, e in zip(EVENT_IDS, EVENTS) if "date" in e[2]])
def test_date_is_well_formed_and_not_after_publication(doc: str, n: int, ev: dict[str, Any]) -> None:
    value = ev["date"]
    fmt = {10: "%Y-%m-%d", 7: "%Y-%m", 4: "%Y"}[len(value)]
    parsed = dt.datetime.strptime(value, fmt).date()
    published = dt.date.fromisoformat(CORPUS_BY_ID[doc]["published"])
    assert parsed <= published


@pytest.mark.parametrize(
    "doc,event_type,date",
    [
        ("demo-01", "ASSAULT", "2024-03-11"),  # "on Monday", published Tuesday
        ("demo-02", "ASSAULT", "2024-03-11"),  # "yesterday"
        ("demo-09", "COERCE", "2024-02-01"),  # "on Thursday", the coup anniversary
        ("demo-13", "ASSAULT", "2024-03-16"),  # "on Saturday", published Wednesday
        ("demo-15", "ASSAULT", "2024-04-01"),  # "late on Monday", published Wednesday
    ],
)
def test_relative_dates_resolved_against_publication(doc: str, event_type: str, date: str) -> None:
    rec = next(r for r in GOLD_RECORDS if r["id"] == doc)
    assert any(e["event_type"] == event_type and e.get("date") == date for e in rec["events"])


def test_demo_dataset_is_registered_and_ships_in_the_package(tmp_path: Path) -> None:
    spec = DATASETS["demo"]
    assert spec.packaged and spec.target == "whimbrel.evaluate.generic:evaluate_generic"
    found_spec, path = resolve("demo", str(tmp_path))  # no shared dir needed
    assert found_spec is spec
    assert path.resolve() == GOLD.resolve()


@pytest.mark.slow
def test_eval_demo_runs_and_returns_metrics(tmp_path: Path) -> None:
    from whimbrel.cli import main

    out = tmp_path / "demo.json"
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(main, ["eval", "demo", "--json", str(out), "--errors", str(errors)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["n_docs"] == 18
    metrics = data["metrics"]
    for key in ("event.f1", "event.recall", "mode.accuracy", "actor.country.f1", "date.exact",
                "dead.exact", "claimant.accuracy", "hedged.accuracy", "location.country.accuracy"):
        assert key in metrics and 0.0 <= metrics[key] <= 1.0, key
    assert errors.exists()
