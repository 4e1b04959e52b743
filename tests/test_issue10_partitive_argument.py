"""Issue 10: a trigger's argument passes through "of" only from a noun of quantity, measure,
collection or part ("tons of aid", "a group of protesters"), not from a quality or an
abstraction ("damaged the dignity of the people")."""

from __future__ import annotations

import pytest

from whimbrel.stages import senses
from tests.doctokens import token_in


@pytest.mark.parametrize("sentence,word,etype,expected", [
    ("His joke damaged the pride of the residents of the valley.", "damaged", "ASSAULT", False),
    ("The crisis damaged the economy of the country.", "damaged", "ASSAULT", False),
    ("Shelling damaged dozens of homes in the old town.", "damaged", "ASSAULT", True),
    ("Soldiers beat a group of protesters outside the court.", "beat", "ASSAULT", True),
])
def test_issue10_of_argument_needs_a_partitive_head(nlp, sentence, word, etype, expected):
    ok, _ = senses.check_sense(token_in(nlp, sentence, word), etype, political=True, conflict_context=False)
    assert ok is expected


def test_issue10_partitive_heads(nlp):
    doc = nlp("Tons of food and a group of men reached the dignity of the town.")
    by_text = {t.text: t for t in doc}
    assert senses._partitive(by_text["Tons"]) and senses._partitive(by_text["group"])
    assert not senses._partitive(by_text["dignity"])
