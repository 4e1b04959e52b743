"""Issue 10: an act negated on its own trigger did not happen; a noun object of a planned
infinitive is planned with it."""

from __future__ import annotations

import pytest

from whimbrel.stages.generic import unrealised
from tests.doctokens import token_in


def _events(text: str):
    from whimbrel.extract import extract
    from whimbrel.settings import load

    return extract(text, published="2024-03-05", settings=load({"all_events": "1"}))


@pytest.mark.parametrize("text,trigger", [
    ("The spokesman said the two students had never been arrested by the Kenyan police.", "arrested"),
    ("The Kenyan minister declared that his government would not be intimidated by the rebels.", "intimidated"),
])
def test_issue10_negation_on_the_trigger_holds_the_event(text, trigger):
    events = [e for e in _events(text) if e.trigger == trigger]
    assert events and all(e.held and "negated" in e.held for e in events)


def test_issue10_negation_elsewhere_keeps_the_event():
    text = "Kenyan police said they were not linking the arrests of four men to the planned protests."
    arrests = [e for e in _events(text) if e.trigger == "arrests"]
    assert arrests and all(e.held is None for e in arrests)


@pytest.mark.parametrize("sentence,word,planned", [
    ("Moscow believed the radar was intended to shoot down the rebel missiles.", "missiles", True),
    ("Investigators said the cell had conspired to plant bombs near the harbour.", "bombs", True),
    ("Government efforts to persuade protesters to go home have failed.", "protesters", False),
    ("The rebels fired missiles at the town on Sunday.", "missiles", False),
])
def test_issue10_noun_object_of_planned_infinitive(nlp, sentence, word, planned):
    assert bool(unrealised(token_in(nlp, sentence, word))) is planned


@pytest.mark.parametrize("sentence,word,planned", [
    ("The ministry said the new radars were there to intercept rockets fired from the hills.", "intercept", True),
    ("The council is under pressure to follow its neighbours to ban the trade and to expel the dealers.", "ban", True),
    ("The council is under pressure to follow its neighbours to ban the trade and to expel the dealers.", "expel", True),
    ("Fighters crossed the border to reinforce the besieged garrison.", "reinforce", False),
    ("Protesters gathered outside parliament to demand his release.", "demand", False),
])
def test_issue10_purpose_of_a_state_or_of_a_plan_is_not_done(nlp, sentence, word, planned):
    assert bool(unrealised(token_in(nlp, sentence, word))) is planned


def test_issue10_an_escaped_act_still_happened(nlp):
    from types import SimpleNamespace

    from whimbrel.records import Modality
    from whimbrel.stages.screen import _negated_trigger

    tok = token_in(nlp, "The villagers escaped the deportation inflicted on their neighbours.", "deportation")
    assert _negated_trigger(SimpleNamespace(trigger=tok, modality=Modality.asserted)) is None
