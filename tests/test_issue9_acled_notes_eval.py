"""Issue 9: the acled-notes evaluator (our own ACLED-style notes) scores date, place and fatalities."""

from __future__ import annotations

from whimbrel.evaluate import resolve
from whimbrel.evaluate.acled_notes import load_notes, note_event, score_notes
from whimbrel.records import AcledType, Count, DateRef, Event, Place, Size


def _event(day: str, dead: int | None, lat: float, lon: float, typed: bool = True, conf: float = 0.5) -> Event:
    return Event(id=f"ev:{day}{dead}{conf}", article_id="a", event_type="ASSAULT",
                 date=DateRef(value=day, precision="day"),
                 location=Place(text="Town", lat=lat, lon=lon),
                 size=Size(dead=Count(low=dead, best=dead, high=dead) if dead is not None else None),
                 acled=AcledType(event_type="Battles" if typed else None), confidence=conf)


def test_issue9_notes_scoring_by_half():
    gold = [
        {"id": "a", "date": "2023-01-02", "fatalities": 4, "lat": 10.0, "lon": 10.0, "place": "A", "half": "tune"},
        {"id": "b", "date": "2023-01-03", "fatalities": 0, "lat": None, "lon": None, "place": "B", "half": "check"},
    ]
    pred = {"a": _event("2023-01-02", 4, 10.1, 10.0), "b": _event("2023-01-04", 2, 0.0, 0.0)}
    r = score_notes(gold, pred)
    assert r.metrics["tune.date.exact"] == 1.0 and r.metrics["check.date.exact"] == 0.0
    assert r.metrics["tune.location.within_25km"] == 1.0 and "check.location.within_25km" not in r.metrics
    assert r.metrics["fatalities.exact"] == 0.5 and r.metrics["fatalities.exact_with_deaths"] == 1.0
    assert r.metrics["baseline.always_0.fatalities.exact"] == 0.5


def test_issue9_note_event_prefers_the_acled_typed_one():
    plain = _event("2023-01-01", None, 0, 0, typed=False, conf=0.9)
    typed = _event("2023-01-02", 3, 0, 0, typed=True, conf=0.4)
    assert note_event([plain, typed]) is typed
    assert note_event([plain]) is plain and note_event([]) is None


def test_issue9_packaged_notes_are_ours_and_complete():
    spec, path = resolve("acled-notes")
    rows = load_notes(path)
    assert len(rows) >= 140 and {r["half"] for r in rows} == {"tune", "check"}
    assert all(r["date"] and r["text"] and isinstance(r["fatalities"], int) for r in rows)
