"""Issue 9: an event placed at a state or county takes the town inside it that the article
names (the most specific location the report gives); a town elsewhere does not."""

from __future__ import annotations

import pytest

from whimbrel.extract import extract


@pytest.mark.parametrize("text,expected", [
    ("Police in Texas said a man was shot dead on Sunday. The victim was found outside a bar in Waco.", "Waco"),
    # a town in another state is not inside the event's state
    ("Police in Texas said a man was shot dead on Sunday. His family lives in Denver.", "Texas"),
])
def test_issue9_state_refined_to_the_articles_town(text, expected):
    evs = [e for e in extract(text, "2023-06-20") if e.event_type == "ASSAULT"]
    assert evs and evs[0].location is not None
    assert (evs[0].location.name or evs[0].location.text) == expected

