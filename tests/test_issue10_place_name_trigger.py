"""Issue 10 (labels read as events): a word of the lexicon that is the name of a place
("Roundup", Montana; "Fort Attack") is no trigger.  Sentences are our own."""

from __future__ import annotations

import pytest

from whimbrel.extract import extract


@pytest.mark.parametrize("text,word", [
    ("A woman died at her home in Roundup on Sunday, the sheriff said.", "Roundup"),
    ("The family moved from Roundup to Billings last year.", "Roundup"),
])
def test_issue10_a_place_name_is_no_trigger(text, word):
    assert all(word not in (e.trigger or "") for e in extract(text, "2020-03-02"))


def test_issue10_the_same_word_as_an_act_is_still_a_trigger():
    events = extract("Police carried out a roundup of suspected smugglers in Kano on Sunday.", "2020-03-02")
    assert any("roundup" in (e.trigger or "").lower() for e in events)
