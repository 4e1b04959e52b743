"""Typed reasons: how an event's place was chosen is ``Place.basis``, and code branches on it.

Sentences are our own.  ``Place.reason`` stays the words for people; the tests check the
two agree and that the stages and the WikiEvents evaluator act on ``basis``.
"""

from __future__ import annotations

import pytest

import whimbrel
from whimbrel import Entity, Event, Place, PlaceBasis, Span
from whimbrel.evaluate.wikievents import GoldDoc, Mention, score_wikievents

REASON_OF = {
    PlaceBasis.argument: "argument of trigger",
    PlaceBasis.sentence: "same sentence",
    PlaceBasis.focus: "article focus",
}


def _only(events, etype):
    found = [e for e in events if e.event_type == etype]
    assert len(found) == 1, [(e.event_type, e.trigger) for e in events]
    return found[0]


def test_a_place_in_the_triggers_argument_has_basis_argument(nlp):
    ev = _only(whimbrel.extract("The government lifted the curfew in Montenegro on Tuesday.", published="2024-03-05"),
               "CONCEDE")
    assert ev.location is not None and ev.location.country_code == "ME"
    assert ev.location.basis == PlaceBasis.argument and ev.location.reason == REASON_OF[PlaceBasis.argument]
    # resolve: a place that is the trigger's argument makes the affected state the recipient
    assert [r.code for r in ev.recipient if r.from_place] == ["MNE"]


def test_a_place_elsewhere_in_the_sentence_has_basis_sentence(nlp):
    ev = _only(whimbrel.extract("Shops stayed shut in Tikrit after rebels attacked a convoy on Monday.",
                                published="2024-03-05"), "ASSAULT")
    assert ev.location is not None and ev.location.country_code == "IQ"
    assert ev.location.basis == PlaceBasis.sentence and ev.location.reason == REASON_OF[PlaceBasis.sentence]
    # an attack is one of the types whose same-sentence place is the affected state
    assert any(r.from_place and r.code == "IRQ" for r in ev.recipient)


def test_the_articles_focus_has_basis_focus_and_gives_no_recipient(nlp):
    text = "Syria's army advanced on Sunday. Gunmen attacked a checkpoint on Monday. Syria's president condemned it."
    ev = _only(whimbrel.extract(text, published="2024-03-05"), "ASSAULT")
    assert ev.location is not None and ev.location.country_code == "SY"
    assert ev.location.basis == PlaceBasis.focus and ev.location.reason == REASON_OF[PlaceBasis.focus]
    assert not any(r.from_place for r in ev.recipient)  # the focus alone is too weak to name a target


def test_basis_is_in_the_event_json(nlp):
    ev = _only(whimbrel.extract("The government lifted the curfew in Montenegro on Tuesday.", published="2024-03-05"),
               "CONCEDE")
    loc = ev.to_json()["location"]
    assert loc["basis"] == "argument" and loc["reason"] == "argument of trigger"
    assert Event.model_validate(ev.to_json()) == ev


def test_basis_defaults_to_none_for_a_place_not_chosen_for_an_event():
    assert Place(text="Tikrit").basis is None
    assert Place.model_validate({"text": "Tikrit", "reason": "same sentence"}).basis is None


def test_entity_from_place():
    e = Entity(text="Montenegro", code="MNE", id=Entity.place_id(3194884))
    assert e.id == "place:3194884" and e.from_place
    assert not Entity(text="the army", code="MNE", id="Q1").from_place
    assert not Entity(text="the army").from_place


def _gold_attack_in_tikrit() -> tuple[GoldDoc, int, int]:
    text = "Gunmen attacked a market in Tikrit on Monday."
    start = text.index("Tikrit")
    end = start + len("Tikrit")
    doc = GoldDoc(
        id="d1",
        text=text,
        sentences=[(0, len(text))],
        events=[{"type": "Conflict.Attack.Unspecified", "sent": 0, "start": 7, "end": 15, "trigger": "attacked",
                 "args": [("Place", "m1")]}],
        mentions={"m1": Mention("m1", start, end, "Tikrit")},
    )
    return doc, start, end


@pytest.mark.parametrize("basis,scored", [(PlaceBasis.argument, True), (PlaceBasis.sentence, True),
                                          (PlaceBasis.focus, False), (None, True)])
def test_wikievents_scores_a_place_argument_unless_it_came_from_the_focus(basis, scored):
    doc, start, end = _gold_attack_in_tikrit()
    where = Place(text="Tikrit", country_code="IQ", start=start, end=end, basis=basis)
    ev = Event(id="ev:1", article_id="d1", event_type="ASSAULT", location=where, trigger="attacked",
               mentions=(Span(sentence=0, start=0, end=len(doc.text), text=doc.text),))
    res = score_wikievents([doc], {"d1": [ev]}, lambda kairos: "ASSAULT")
    assert res.support["argument.place.precision"] == (1 if scored else 0)
    assert res.metrics["argument.place.recall"] == (1.0 if scored else 0.0)
