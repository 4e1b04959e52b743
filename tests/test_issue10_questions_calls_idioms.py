"""Issue 10 (ninth pass): trigger senses read from the argument structure.

* asking a question is no request (an indirect question after the verb, an "about" phrase,
  or nothing asked at all), while asking for something, asking someone to act or asking
  that someone act stays one;
* a "call" with nothing called for is a telephone call, no request;
* idioms and phrasal verbs: "blast off", "punch a ticket", "grab headlines", a tug-of-war
  (the words a hyphen joins to the trigger modify it), a political battle, a free trial,
  a coal or deep mine, a deployment of equipment, a crackdown by a company;
* a person who harms himself or herself (with no gun in the sentence) is no assault;
* a risk that someone faces is no threat uttered;
* rules marked ``vouch: false`` only rule senses out: a trigger that passes them is not
  vouched for (``check_sense`` gives None).

All sentences are written for these tests.
"""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")


def _events(text: str):
    from whimbrel.extract import extract
    from whimbrel.settings import load

    return extract(text, published="2025-06-02", settings=load({"all_events": "1"}))


def _counted(text: str, event_type: str):
    return [e for e in _events(text) if e.event_type == event_type and e.held is None]


@pytest.mark.parametrize("text", [
    "Asked whether the navy could be sent to the strait, the minister said nothing.",
    '"Who will rebuild the bridge?" the senator asked.',
    "Journalists asked the spokesman why the consulate had been shut.",
    "The inspector was asked if revenge was a likely motive.",
])
def test_issue10_a_question_asked_is_no_request(text):
    assert not _counted(text, "REQUEST")


@pytest.mark.parametrize("text", [
    "The opposition asked the supreme court to annul the vote.",
    "The interior ministry asked for emergency aid after the floods.",
    "The governor asked that anyone with information contact the state police.",
    "State police are asking anyone with details on the robbery to call the tip line.",
])
def test_issue10_asking_for_something_stays_a_request(text):
    assert _counted(text, "REQUEST")


def test_issue10_a_call_received_is_no_request():
    assert not _counted("Police said they received a call from a neighbour who heard the fight.", "REQUEST")


def test_issue10_a_call_for_something_stays_a_request():
    assert _counted("The prime minister renewed his call for a ceasefire in the border region.", "REQUEST")


@pytest.mark.parametrize("text, event_type", [
    ("The cosmonauts blasted off to the orbiting laboratory on Friday.", "ASSAULT"),
    ("Russian-American Crew Blasts Off to Orbiting Laboratory.", "ASSAULT"),
    ("Scotland punched its ticket to the finals after a late goal.", "ASSAULT"),
    ("The senator grabbed headlines in the capital with the speech.", "COERCE"),
    ("The two ministries are locked in a tug-of-war over the budget, officials said.", "ASSAULT"),
    ("The bill passed after a bitter political battle in the senate.", "ASSAULT"),
    ("Thousands of customers signed up for the free trial of the streaming service.", "ACCUSE"),
    ("There is a deep mine up the valley that has been filling with water for years, he said.", "ASSAULT"),
    ("The country is seeing a rapid deployment of wind farms this year.", "MOBILIZE"),
    ("Banks are cracking down on late payers, the report said.", "COERCE"),
])
def test_issue10_idiom_or_phrasal_sense_is_no_event(text, event_type):
    assert not _counted(text, event_type)


@pytest.mark.parametrize("text, event_type", [
    ("The army announced the deployment of troops to the border region.", "MOBILIZE"),
    ("Police are cracking down on drunk drivers in the city.", "COERCE"),
    ("Two soldiers were killed when their truck hit a mine near the border.", "ASSAULT"),
])
def test_issue10_the_event_sense_stays(text, event_type):
    assert _counted(text, event_type)


def test_issue10_harm_to_oneself_is_no_assault():
    assert not _counted("The prisoner hanged himself in his cell last week, the warden said.", "ASSAULT")


def test_issue10_a_gun_keeps_a_self_inflicted_death_as_gun_violence():
    assert _counted("The boy found a loaded rifle in the closet and killed himself by accident.", "ASSAULT")


def test_issue10_a_risk_faced_is_no_threat():
    assert not _counted("Officials say the country faces a grave threat from the insurgents.", "THREATEN")


def test_issue10_rules_that_do_not_vouch():
    from whimbrel.stages.senses import rule_for, rules

    rules.cache_clear()
    assert rule_for("ask", "REQUEST").vouch is False
    assert rule_for("trial", "ACCUSE", "NOUN").vouch is False
    assert rule_for("release", "RETREAT").vouch is True


def test_issue10_possessive_pronoun_names_a_person(nlp):
    from tests.doctokens import token_in
    from whimbrel.stages.senses import semantic_classes

    tok = token_in(nlp, "It was his third deployment abroad.", "his")
    assert "person" in semantic_classes(tok)
