"""Issue 10: the within-sentence ranking (``Event.salience``) is kept apart from the calibrated
``confidence``, so the probability can be refitted without changing which reading a sentence gives."""

from __future__ import annotations

from whimbrel.records import AcledType, Event, Span
from whimbrel.stages.confidence import Logistic, auc, load_models


def _ev(i: int, etype: str, confidence: float, salience: float, trigger: str = "hit") -> Event:
    return Event(id=f"ev:{i}", article_id="a", event_type=etype, confidence=confidence, salience=salience,
                 trigger=trigger, acled=AcledType(event_type="Battles" if etype == "ASSAULT" else None),
                 mentions=(Span(sentence=0, start=i, end=i + 3, text="abc"),))


def _extract(text: str, **settings):
    from whimbrel.extract import extract
    from whimbrel.settings import load

    return extract(text, published="2024-03-05", settings=load(settings or None))


def test_weights_file_keeps_the_ranking_apart_from_the_calibrated_model():
    models = load_models()
    assert models.salience is not None and models.ranking is models.salience


def test_a_file_without_a_ranking_model_ranks_by_the_event_model(tmp_path):
    import json

    from whimbrel.stages.confidence import DATA

    data = json.loads(DATA.read_text(encoding="utf-8"))
    data.pop("salience")
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    models = load_models(str(path))
    assert models.salience is None and models.ranking is models.event


def _refitted(monkeypatch, event: Logistic) -> None:
    """Let the screen use a calibrated model other than the shipped one (the ranking stays)."""
    from dataclasses import replace

    from whimbrel.stages import screen

    shipped = load_models()
    monkeypatch.setattr(screen, "load_models", lambda: replace(shipped, event=event))


TEXT = ("Rebels attacked an army post near the border on Monday, killing two soldiers, the army said. "
        "Sign up to our newsletter and we will help you plan better training sessions at home.")


def test_a_refit_of_confidence_leaves_salience_alone(monkeypatch):
    before = _extract(TEXT, all_events=True, min_confidence=0.0)
    _refitted(monkeypatch, Logistic(2.0, {"held": -5.0}))
    after = _extract(TEXT, all_events=True, min_confidence=0.0)
    assert [e.id for e in before] == [e.id for e in after]
    assert [e.salience for e in before] == [e.salience for e in after]
    assert any(e.held for e in after) and any(e.held is None for e in after)
    # the calibrated model sees whether a rule holds the event (feature ``held``)
    for e in after:
        assert (e.confidence < 0.5) is bool(e.held)


def test_default_salience_is_the_shipped_ranking_model():
    events = _extract(TEXT, all_events=True, min_confidence=0.0)
    assert events and all(0.0 <= e.salience <= 1.0 and 0.0 <= e.confidence <= 1.0 for e in events)
    # today the calibrated model is the ranking one, so the two agree on unheld events
    assert all(e.salience == e.confidence for e in events if e.held is None)


def test_plover_choice_follows_salience_not_confidence():
    from whimbrel.evaluate.plover import choose_event

    verbal = _ev(1, "CONSULT", confidence=0.9, salience=0.4, trigger="met")
    violent = _ev(2, "ASSAULT", confidence=0.3, salience=0.6, trigger="attacked")
    assert choose_event([verbal, violent], frozenset()) is violent
    # a predicted trigger that shares a word with the gold one still wins first
    assert choose_event([verbal, violent], frozenset({"met"})) is verbal


def test_acled_label_follows_salience():
    from whimbrel.evaluate.acled_dev import predicted_label

    low = _ev(1, "ASSAULT", confidence=0.9, salience=0.2)
    high = Event(id="ev:3", article_id="a", event_type="PROTEST", confidence=0.1, salience=0.8,
                 acled=AcledType(event_type="Protests", sub_event_type="Peaceful protest"),
                 mentions=(Span(sentence=0, start=9, end=12, text="abc"),))
    assert predicted_label([low, high]) == ("Protests", "Peaceful protest")


def test_auc():
    assert auc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0]) == 1.0
    assert auc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0]) == 0.0
    assert auc([0.5, 0.5], [1, 0]) == 0.5
    assert auc([0.3], [1]) == 0.5  # one class only: no ranking to judge


def test_logistic_scores_named_features():
    m = Logistic(0.0, {"held": -2.0})
    assert m.score({"held": 1.0}) < 0.5 < m.score({}) + 1e-9


# ---------------------------------------------------------------- re-heading (issue 10, eighth pass)

DROPPED = ("Prosecutors in Norway have dropped an investigation into a fraud allegation made against the former "
           "minister Lars Berg. Berg was accused of fraud by a rival party in 2015. Police investigators accused "
           "Berg of taking bribes. He denied the accusation.")


def test_a_failed_head_kept_by_passing_mentions_is_reheaded():
    events = _extract(DROPPED, all_events=True, min_confidence=0.0)
    merged = [e for e in events if e.event_type == "ACCUSE" and len(e.mentions) > 1]
    assert merged, events
    ev = merged[0]
    # the dropped investigation is the end of one, not an accusation: the event is headed by
    # the first mention that passes its sense check, and the stray sentence stays a report
    assert ev.trigger != "investigation"
    assert any("dropped an investigation" in m.text for m in ev.mentions)
    assert len({e.id for e in events}) == len(events)


def test_a_passing_head_is_not_reheaded():
    events = _extract("Police investigators accused the minister of taking bribes. He denied the accusation.",
                      all_events=True, min_confidence=0.0)
    assert any(e.event_type == "ACCUSE" and e.trigger == "accused" for e in events)


def test_the_new_head_tells_an_act_that_happened():
    text = ("Prosecutors in Norway have dropped an investigation into the former minister Lars Berg. "
            "A fraud charge is possible upon a new complaint. Police investigators accused Berg of taking bribes. "
            "He denied the accusation.")
    events = _extract(text, all_events=True, min_confidence=0.0)
    merged = [e for e in events if e.event_type == "ACCUSE" and len(e.mentions) > 1]
    assert merged, events
    # the merely possible charge passes its sense check but tells no act: the accusation heads
    assert merged[0].trigger == "accused"
    assert merged[0].held is None
    assert any("dropped an investigation" in m.text for m in merged[0].mentions)
