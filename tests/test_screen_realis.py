"""Issue 10, session 4: head-mention sense checks, unrealised acts, new trigger senses."""

from __future__ import annotations

import pytest

from whimbrel.stages import senses
from whimbrel.stages.generic import generic_statement, unrealised
from whimbrel.stages.screen import sense_failure
from tests.doctokens import token_in




@pytest.mark.parametrize(
    "sentence,word,etype,expected",
    [
        ("The spokesman declined to comment on the report.", "declined", "REJECT", False),
        ("The ministry refused to comment on the arrests.", "refused", "REJECT", False),
        ("The government declined the offer of talks.", "declined", "REJECT", True),
        ("Prosecutors dropped the investigation last week.", "investigation", "ACCUSE", False),
        ("Police opened an investigation into the shooting.", "investigation", "ACCUSE", True),
        ("The alliance agreed to expand its mission.", "alliance", "COOPERATE", False),
        ("The two parties formed an alliance before the vote.", "alliance", "COOPERATE", True),
        ("The plan has wide support in parliament.", "support", "SUPPORT", False),
        ("A car driven by a local man struck a lamp post.", "struck", "ASSAULT", False),
        ("Gunmen struck a police checkpoint at dawn.", "struck", "ASSAULT", True),
        ("A neighbour called police after hearing shouts.", "called", "CONSULT", False),
        ("The hearing will take place in the capital.", "take", "ACCUSE", False),
        ("He is charged with conspiracy to commit fraud.", "commit", "AGREE", False),
        ("She pressed the button twice.", "pressed", "REQUEST", False),
        ("Diplomats pressed the government to free the journalists.", "pressed", "REQUEST", True),
        ("The country built new missiles last year.", "missiles", "ASSAULT", False),
        ("A missile hit the school on Monday.", "missile", "ASSAULT", True),
    ],
)
def test_new_trigger_senses(nlp, sentence, word, etype, expected):
    ok, why = senses.check_sense(token_in(nlp, sentence, word), etype, political=True, conflict_context=False)
    assert ok is expected
    assert (why != "") is (expected is False)


def test_the_head_mention_decides_the_sense():
    fail, ok, free = (False, "not this sense"), (True, ""), (None, "")
    assert sense_failure([fail, ok]) == "not this sense"  # a failed head is not rescued by one mention
    assert sense_failure([fail, fail, ok, ok]) == "not this sense"
    assert sense_failure([fail, ok, free, ok, free]) is None  # a stray head merged into a real event
    assert sense_failure([ok, fail, fail]) is None  # a passing head keeps the event
    assert sense_failure([free, fail]) is None  # an unconstrained head: only all-fail holds
    assert sense_failure([(False, "a"), (False, "b")]) == "a"
    assert sense_failure([]) is None


@pytest.mark.parametrize(
    "sentence,word,expected",
    [
        ("His fear of being extradited kept him abroad.", "extradited", "not happened"),
        ("A prison term is possible upon conviction.", "conviction", "possibility"),
        ("He was accused of conspiring to hack the computers.", "hack", "planned act"),
        ("The state is under pressure to ban the trade.", "ban", "planned act"),
        ("Soldiers attacked the village on Monday.", "attacked", None),
        ("He did not intend to kill her, his lawyer said.", "kill", None),
        ("Fighters crossed the border to reinforce the rebels.", "reinforce", None),
        ("Protesters gathered to demand the minister's resignation.", "demand", None),
    ],
)
def test_unrealised_acts(nlp, sentence, word, expected):
    cue = unrealised(token_in(nlp, sentence, word))
    if expected is None:
        assert cue is None
    else:
        assert cue is not None and cue.startswith(expected), cue


def test_habitual_when_clause_is_generic(nlp):
    cue = generic_statement(token_in(nlp, "When a country slaps tariffs on imports, shoppers pay more.", "slaps"))
    assert cue is not None and cue.startswith("habitual statement")
    assert generic_statement(token_in(nlp, "When police arrived, they arrested two men.", "arrested")) is None


def _events(text: str):
    from whimbrel.extract import extract
    from whimbrel.settings import load

    return extract(text, published="2024-03-05", settings=load({"all_events": True, "min_confidence": 0.0}))


def test_a_conditional_charge_is_held_as_data():
    events = _events("If convicted, the mayor could face ten years in prison.")
    conv = [e for e in events if (e.trigger or "").lower().startswith("convicted")]
    assert conv and all(e.held and e.held.startswith("hypothetical") for e in conv)


def test_a_shooting_under_whether_stays_counted():
    # crime reports put real shootings under "whether": modality alone holds nothing
    events = _events("Police are investigating whether the woman shot herself at the house on Tuesday.")
    shots = [e for e in events if e.event_type == "ASSAULT"]
    assert shots and all(e.held is None for e in shots)


def test_an_animal_killed_is_no_assault_but_a_relative_is(nlp):
    horse = senses.check_sense(token_in(nlp, "A horse was killed after being attacked.", "killed"), "ASSAULT", True, False)
    assert horse[0] is False
    man = senses.check_sense(token_in(nlp, "A man killed his ex-girlfriend on Sunday.", "killed"), "ASSAULT", True, False)
    assert man[0] is True


def test_a_place_phrase_is_no_modifier(nlp):
    # "heart" rules out a heart attack, not an attack in the heart of a city
    ok, _ = senses.check_sense(token_in(nlp, "The attack in the heart of the city killed five people.", "attack"),
                               "ASSAULT", True, False)
    assert ok is True


def test_a_conjunct_subject_is_a_subject(nlp):
    tok = token_in(nlp, "Gunmen and suicide bombers attacked the base at dawn.", "bombers")
    assert senses.check_sense(tok, "ASSAULT", True, False)[0] is True


def test_a_private_accusation_needs_a_political_actor_or_a_crime():
    private = [e for e in _events("The singer accused her former label of bullying her for years.") if e.event_type == "ACCUSE"]
    assert private and all(e.held and "political actor" in e.held for e in private)
    police = [e for e in _events("Police accused the man of robbery on Tuesday.") if e.event_type == "ACCUSE"]
    assert police and any(e.held is None for e in police)


def test_a_charity_named_after_a_march_is_no_protest():
    events = _events("Volunteers raised money for the March of Dimes in Ohio. The March of Dimes thanked them.")
    marches = [e for e in events if e.event_type == "PROTEST"]
    assert all(e.held for e in marches)
