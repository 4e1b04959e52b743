"""Issue 2: PLOVER's verbal frames and the in-sentence grouping of triggers."""

from __future__ import annotations

import pytest

from whimbrel.extract import build_pipeline, extract


@pytest.fixture(scope="module")
def pipe(nlp):
    return build_pipeline(nlp=nlp)


def _types(pipe, text):
    return {e.event_type for e in extract(text, published="2024-03-05", pipeline=pipe)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Portugal will support Turkey's bid to join the bloc, the president said on Tuesday.", "AGREE"),
        ("Ethiopia says it is willing to pull its soldiers out of the border town.", "AGREE"),
        ("Opposition leaders said they would boycott the vote in the northern provinces.", "THREATEN"),
        ("Russia said on Tuesday that Sudan must release the detained pilots immediately.", "REQUEST"),
        ("The Serbian prime minister has refused to meet the Kosovo envoy in Brussels.", "REJECT"),
        ("Red Cross officials suspended aid deliveries in the city on Wednesday.", "SANCTION"),
        ("Officials ended mediation efforts between the rival militias.", "SANCTION"),
        ("The minister said the army will not hesitate to take necessary action.", "THREATEN"),
    ],
)
def test_verbal_frames(pipe, text, expected):
    assert expected in _types(pipe, text)


def test_reported_pronoun_takes_the_reporter(pipe):
    events = extract("Hungary has said it will support the resolution.", published="2024-03-05", pipeline=pipe)
    agree = [e for e in events if e.event_type == "AGREE"]
    assert agree and "HUN" in {a.code for a in agree[0].actor}


def test_one_sentence_one_assault_with_counts(pipe):
    events = extract(
        "The air strikes on Tuesday killed 12 civilians and wounded at least 30 others, local officials said.",
        published="2024-03-05",
        pipeline=pipe,
    )
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    assert len(assaults) == 1
    ev = assaults[0]
    assert ev.mode == "aerial"
    assert ev.size.dead.best == 12
    assert ev.size.injured.low == 30
    assert ev.date.value == "2024-03-05"


def test_negated_attack_is_not_asserted(pipe):
    events = extract("The army did not carry out any strikes on the village.", published="2024-03-05", pipeline=pipe)
    assert all(e.modality.value != "asserted" for e in events if e.event_type == "ASSAULT")


def test_a_protest_demand_is_part_of_the_protest(pipe):
    text = "Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday calling for independence."
    events = extract(text, published="2024-03-05", pipeline=pipe)
    assert [e.event_type for e in events] == ["PROTEST"]
    assert "IRQ" in {a.code for a in events[0].actor}
