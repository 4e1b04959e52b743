"""Issue 9: the district and province written in parentheses after a place "near" a town
("near Zaria (Kaduna, Kaduna)", the way conflict notes qualify a town) locate that town; they
do not win the event location over it.  Sentences are our own."""

from __future__ import annotations

from whimbrel.extract import extract


def test_issue9_the_qualifier_after_a_near_town_locates_the_town():
    events = extract("On 5 June 2024, gunmen shot dead two farmers near Zaria (Kaduna, Kaduna).", "2024-06-10")
    assert {e.location.text for e in events if e.location is not None} == {"Zaria"}
