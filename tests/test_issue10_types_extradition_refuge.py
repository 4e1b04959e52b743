"""Issue 10 (wrong types among real events): asking for an extradition is a REQUEST for
judicial cooperation (PLOVER REQUEST, mode assist), not the extradition itself; taking,
seeking or finding refuge is the refugee's act, not the AID (asylum) of a grant."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")


def _events(text: str):
    from whimbrel.extract import extract
    from whimbrel.settings import load

    return extract(text, published="2024-03-05", settings=load({"all_events": "1"}))


def _counted(text: str):
    return [e for e in _events(text) if e.held is None]


@pytest.mark.parametrize("text", [
    "Brazil is seeking the extradition of the former governor from Portugal.",
    "The Turkish government formally requested the extradition of the exiled cleric.",
    "Prosecutors in Lima demanded the extradition of the fugitive banker from Spain.",
])
def test_issue10_asking_for_extradition_is_a_request(text):
    types = {e.event_type for e in _counted(text)}
    assert "REQUEST" in types
    assert "COOPERATE" not in types


def test_issue10_an_extradition_carried_out_stays_cooperation():
    text = "Colombia extradited the cartel leader to the United States on Tuesday."
    assert "COOPERATE" in {e.event_type for e in _counted(text)}


@pytest.mark.parametrize("text,trigger", [
    ("The opposition leader took refuge in the Dutch embassy in Caracas in 2019.", "refuge"),
    ("Thousands of villagers found refuge in the hills above the town.", "refuge"),
    ("The dissident took sanctuary in a church near the border.", "sanctuary"),
])
def test_issue10_taking_refuge_is_no_aid(text, trigger):
    assert not [e for e in _counted(text) if e.trigger == trigger and e.event_type == "AID"]


def test_issue10_granted_refuge_stays_aid():
    text = "Ecuador granted refuge to the journalist at its embassy in London."
    assert "AID" in {e.event_type for e in _counted(text)}
