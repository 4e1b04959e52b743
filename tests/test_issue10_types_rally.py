"""Issue 10 (wrong types among real events): a politician's campaign rally, a market rally
or the rally where a speaker spoke is no PROTEST (PLOVER PROTEST: civilians demonstrating);
a rally of protesters stays one."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")


def _protests(text: str, rally_only: bool = True):
    from whimbrel.extract import extract
    from whimbrel.settings import load

    events = extract(text, published="2024-03-05", settings=load({"all_events": "1"}))
    return [e for e in events if e.event_type == "PROTEST" and e.held is None
            and (not rally_only or e.trigger.lower().startswith("rall"))]


@pytest.mark.parametrize("text", [
    "\"Our farmers deserve better,\" the governor said at a rally in Dayton on Friday.",
    "The senator spoke at a rally in Tampa about the price of groceries.",
    "The president held a campaign rally in Ohio on Saturday night.",
    "The currency recovered after a stock market rally in Tokyo on Monday.",
])
def test_issue10_rally_that_is_no_protest(text):
    assert not _protests(text)


@pytest.mark.parametrize("text", [
    "Thousands of students joined a rally outside parliament against the new fees.",
    "Protesters said at the rally that they would block the highway.",
])
def test_issue10_rally_of_protesters_stays_a_protest(text):
    assert _protests(text, rally_only=False)
