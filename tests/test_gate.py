"""The quality gate: pins, tolerance, lowering with a reason, gold digests, a broken extractor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import whimbrel
from whimbrel.errors import EvalError, QualityGateFailed
from whimbrel.evaluate import gate
from whimbrel.evaluate.base import EvalResult
from whimbrel.evaluate.generic import load_generic
from whimbrel.records import Article, Count, DateRef, Entity, Event, Place, Size

DATA = Path(__file__).parent / "data"
GOLD = DATA / "generic_gold.jsonl"


def result(**metrics: float) -> EvalResult:
    return EvalResult(dataset="d", metrics=dict(metrics))


@pytest.mark.parametrize(
    "name, gated",
    [("event_type.accuracy", True), ("trigger.f1", True), ("event_type.macro_f1", True), ("size.dead.exact", True),
     ("dead.mae", False), ("error_km.median", False), ("acc_161km", True)],
)
def test_is_gated(name, gated):
    assert gate.is_gated(name) is gated


def test_pin_check_tolerance_and_raise(tmp_path):
    pins = tmp_path / "pins.json"
    dig = {"g.jsonl": "abc"}
    changes = gate.update_pins("d", result(**{"x.f1": 0.80, "x.mae": 3.0}), dig, None, pins_path=pins)
    assert any("new pins" in c for c in changes)
    stored = json.loads(pins.read_text())
    assert stored["datasets"]["d"]["metrics"] == {"x.f1": 0.8}  # MAE is not gated
    loaded = gate.load_pins(pins)
    assert gate.check("d", result(**{"x.f1": 0.795}), dig, None, pins=loaded) == {"x.f1": -0.005}
    with pytest.raises(QualityGateFailed, match="x.f1"):
        gate.check("d", result(**{"x.f1": 0.78}), dig, None, pins=loaded)
    with pytest.raises(QualityGateFailed):
        gate.check("d", result(), dig, None, pins=loaded)  # a pinned metric that disappeared fails
    assert gate.check("d", result(**{"x.f1": 0.78}), dig, None, pins=loaded, tolerance=0.05)


def test_gold_digest_and_limit_mismatch_are_clear_errors(tmp_path):
    pins = tmp_path / "pins.json"
    gate.update_pins("d", result(**{"x.f1": 0.5}), {"g": "abc"}, 50, pins_path=pins)
    loaded = gate.load_pins(pins)
    with pytest.raises(EvalError, match="differs from the pinned version") as err:
        gate.check("d", result(**{"x.f1": 0.5}), {"g": "zzz"}, 50, pins=loaded)
    assert not isinstance(err.value, QualityGateFailed)
    with pytest.raises(EvalError, match="--limit 50"):
        gate.check("d", result(**{"x.f1": 0.5}), {"g": "abc"}, None, pins=loaded)
    with pytest.raises(EvalError, match="no pinned scores"):
        gate.check("other", result(), {}, None, pins=loaded)


def test_update_raises_only_unless_lowering_with_reason(tmp_path):
    pins = tmp_path / "pins.json"
    dig = {"g": "abc"}
    gate.update_pins("d", result(**{"a.f1": 0.6, "b.f1": 0.6}), dig, None, pins_path=pins)
    gate.update_pins("d", result(**{"a.f1": 0.7, "b.f1": 0.5}), dig, None, pins_path=pins)
    assert gate.load_pins(pins)["datasets"]["d"]["metrics"] == {"a.f1": 0.7, "b.f1": 0.6}
    with pytest.raises(EvalError, match="reason"):
        gate.update_pins("d", result(**{"b.f1": 0.5}), dig, None, allow_lower=True, pins_path=pins)
    gate.update_pins("d", result(**{"a.f1": 0.7, "b.f1": 0.5}), dig, None, allow_lower=True,
                     reason="stricter matching", pins_path=pins)
    data = gate.load_pins(pins)
    assert data["datasets"]["d"]["metrics"]["b.f1"] == 0.5
    assert data["history"][-1]["reason"] == "stricter matching" and data["history"][-1]["from"] == 0.6


# --------------------------------------------------------------------------- end to end with a stand-in extractor


def _gold_events(article: Article) -> list[Event]:
    """A perfect extractor for tests/data/generic_gold.jsonl (built from the gold itself)."""
    gold = {g.id: g for g in load_generic(GOLD)}[article.id]
    out = []
    for i, g in enumerate(gold.events):
        out.append(Event(
            id=f"ev{i}", article_id=article.id, event_type=g.event_type, mode=g.mode,
            actor=tuple(Entity(text=c, code=c) for c in g.actor_codes or ()),
            recipient=tuple(Entity(text=c, code=c) for c in g.recipient_codes or ()),
            date=DateRef(value=g.date, precision=g.date_precision) if g.date else None,
            location=Place(text="x", country_code=g.location_country) if g.location_country else None,
            size=Size(dead=Count(best=g.dead) if g.dead is not None else None,
                      injured=Count(best=g.injured) if g.injured is not None else None),
        ))
    return out


def _install(monkeypatch, fn) -> None:
    monkeypatch.setattr(whimbrel, "extract_many", lambda arts, *a, **k: ((art, fn(art)) for art in arts))
    monkeypatch.setattr(whimbrel, "extract", lambda text, *a, **k: [])


def test_broken_extractor_fails_the_gate(tmp_path, monkeypatch):
    pins = tmp_path / "pins.json"
    monkeypatch.setattr(gate, "MIN_SUPPORT", 1)  # the example gold has 3 events
    runner = CliRunner()
    from whimbrel.cli import main

    _install(monkeypatch, _gold_events)
    out = runner.invoke(main, ["eval", str(GOLD), "--update-pins", "--pins", str(pins)])
    assert out.exit_code == 0, out.output
    pinned = gate.load_pins(pins)["datasets"]["generic"]["metrics"]
    assert pinned["event.f1"] == 1.0
    ok = runner.invoke(main, ["eval", str(GOLD), "--check", "--pins", str(pins)])
    assert ok.exit_code == 0, ok.output

    _install(monkeypatch, lambda art: [])  # the deliberately broken extractor
    with pytest.raises(QualityGateFailed, match="event.f1"):
        gate.run_and_check(str(GOLD), pins_path=pins)
    failed = runner.invoke(main, ["eval", str(GOLD), "--check", "--pins", str(pins)])
    assert failed.exit_code == QualityGateFailed.exit_code
    assert "E501" in failed.output


def test_errors_and_json_outputs(tmp_path, monkeypatch):
    _install(monkeypatch, lambda art: [])
    from whimbrel.cli import main

    res = CliRunner().invoke(main, ["eval", str(GOLD), "--json", str(tmp_path / "r.json"), "--errors", str(tmp_path / "e.jsonl")])
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["dataset"] == "generic" and data["metrics"]["event.recall"] == 0.0
    errors = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert len(errors) == 3 and all(e["kind"] == "miss" for e in errors)


def test_small_support_metrics_are_not_pinned():
    r = EvalResult(dataset="d", metrics={"a.accuracy": 0.5, "b.accuracy": 0.5, "c.f1": 0.5},
                   support={"a.accuracy": 4, "b.accuracy": 400})
    assert gate.gated_metrics(r) == {"b.accuracy": 0.5, "c.f1": 0.5}
