"""Issue 13: one id per event within an article.

An event's id hashes its article, type and first sentence; two incidents of one type first
told in the same sentence (a denial and the attack itself) shared it, and the store and the
batch kept only the later one."""

from __future__ import annotations

from dataclasses import replace

from whimbrel.records import Event, Span
from whimbrel.stages.merge import unique_ids

TEXT = ("The defence ministry denied carrying out artillery shelling on Gao and blamed rebels for the deaths. "
        "Residents said the shelling on Tuesday destroyed a market.")


def _event(etype: str, start: int, end: int) -> Event:
    return Event(id=Event.make_id("a1", etype, start, end), article_id="a1", event_type=etype,
                 mentions=(Span(sentence=0, start=start, end=end, text="x" * (end - start)),))


def test_issue13_colliding_ids_are_told_apart_by_the_trigger():
    a, b, c = _event("ASSAULT", 0, 99), _event("ASSAULT", 0, 99), _event("PROTEST", 0, 99)
    assert a.id == b.id
    got = unique_ids([a, b, c], [40, 52, 60])
    assert len({e.id for e in got}) == 3
    assert got[0].id == a.id and got[2].id == c.id  # ids that did not collide stay as they were
    assert got[1].id == Event.make_id("a1", "ASSAULT", 0, 99, trigger=52)
    assert unique_ids([a, b, c], [40, 52, 60]) == got  # deterministic


def test_issue13_no_duplicate_event_ids_within_an_article():
    from whimbrel import extract
    from whimbrel.settings import load

    events = extract(TEXT, "2024-05-08", settings=replace(load(), all_events=True), article_id="issue13-ids")
    ids = [e.id for e in events]
    assert ids and len(ids) == len(set(ids)), [(e.event_type, e.modality, e.trigger) for e in events]
