"""Issue 10: a merged event whose head mention is no event is held when half its mentions are;
a risk that a warning is about is not an act of threatening."""

from __future__ import annotations

import pytest

from whimbrel.stages.screen import _risk_statement, head_held, sense_failure
from tests.doctokens import token_in


def test_issue10_head_held_needs_the_head_and_half_the_mentions():
    assert head_held(["risk", None]) == "risk"  # a held head is not rescued by one other mention
    assert head_held(["name", "name", None, None]) == "name"
    assert head_held(["risk", None, None]) is None  # a stray head merged into a real event
    assert head_held([None, "risk", "risk"]) is None  # a head that passes keeps the event
    assert head_held(["a", "b"]) == "a"  # the head's own reason
    assert head_held([]) is None


def test_issue10_sense_failure_is_the_head_rule():
    ok, fail, free = (True, ""), (False, "not this sense"), (None, "")
    for checks in ([fail, ok], [fail, ok, ok], [ok, fail, fail], [free, fail], [fail, fail, free]):
        assert sense_failure(checks) == head_held([why if res is False else None for res, why in checks])




@pytest.mark.parametrize("sentence,word", [
    ("The governor issued a threat to close the border crossings.", "threat"),
    ("Rebels made a threat against the convoy on Tuesday.", "threat"),
])
def test_issue10_uttered_threat_is_not_a_risk(nlp, sentence, word):
    assert not _risk_statement(token_in(nlp, sentence, word))


def test_issue10_risk_sentence_holds_the_threat_and_the_warning_about_it():
    # the risk noun is no threat; nor is the warning about it: PLOVER THREATEN is a coercive
    # warning of what the speaker will do, not a caution about a risk others pose
    from whimbrel.extract import extract
    from whimbrel.settings import load

    text = ("The Kenyan foreign minister said: \"Today we focus on the threat the generals have been warning "
            "about for months: the militia and the threat it poses to the border.\"")
    events = extract(text, published="2024-03-05", settings=load({"all_events": "1"}))
    risk = [e for e in events if e.event_type == "THREATEN" and e.trigger.lower() == "threat"]
    warning = [e for e in events if e.event_type == "THREATEN" and e.trigger.lower().startswith("warn")]
    assert risk and all(e.held and "threat or risk" in e.held for e in risk)
    assert warning and all(e.held and "threat or risk" in e.held for e in warning)
