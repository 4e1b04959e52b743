"""Issue 9 §3: dates and fatalities as conflict notes write them.

Dates: a fronted absolute date frames the undated clauses of its sentence, a full date the
recogniser left out, "7-8 June" as days and not a score.  Fatalities (ACLED's codebook): clauses joined by
a semicolon sum their groups, "an unknown number" counts nobody.

Hand-written sentences (none from any gold set).
"""

from __future__ import annotations

import pytest

from whimbrel.evaluate.acled_notes import note_event, score_notes
from whimbrel.extract import extract
from whimbrel.records import AcledType, Count, DateRef, Event, Place, Size
from whimbrel.stages import counts
from whimbrel.stages.senses import score_in


@pytest.mark.parametrize("text,value", [
    # the second clause has no date of its own: the sentence's opening date frames it
    ("On 14 March 2024, about 300 nurses rallied outside the ministry in Kumasi (Kumasi, Ashanti); "
     "police fired tear gas and detained 11 of them.", "2024-03-14"),
    # a full date the recogniser may leave out, before a report remark
    ("On or around 11 July 2023 (as reported on 14 July), gunmen killed 3 farmers near Funtua (Funtua, Katsina).",
     "2023-07-11"),
    # a night told as two days of a month is no score of a game
    ("On the night of 9-10 March 2024, rebels attacked Kankara (Kankara, Katsina), killing 6 villagers.",
     "2024-03-09"),
])
def test_issue9_note_dates(text, value):
    ev = note_event(list(extract(text)))
    assert ev is not None and ev.date is not None and ev.date.value == value


def test_issue9_days_of_a_month_are_no_score(nlp):
    assert not score_in(next(nlp("On the night of 9-10 March the rebels attacked the camp.").sents))
    assert score_in(next(nlp("The visitors beat the hosts 3-1 in the final.").sents))


@pytest.mark.parametrize("text,dead", [
    ("Rebels killed 3 soldiers; 2 rebels were killed when the troops fired back.", 5),
    ("6 soldiers and an unknown number of fighters were killed.", 6),
])
def test_issue9_note_fatalities(nlp, text, dead):
    size = counts.extract_size(next(nlp(text).sents))
    assert size.dead is not None and size.dead.best == dead


def test_issue9_no_sum_for_the_same_victims(nlp):
    size = counts.extract_size(next(nlp("Gunmen killed 4 farmers; 2 of them were women.").sents))
    assert size.dead is not None and size.dead.best == 4


def _event(lat: float, lon: float) -> Event:
    return Event(id="ev", article_id="a", event_type="ASSAULT", date=DateRef(value="2024-01-01", precision="day"),
                 location=Place(text="T", lat=lat, lon=lon), size=Size(dead=Count(low=0, best=0, high=0)),
                 acled=AcledType(event_type="Battles", sub_event_type="Armed clash"))


def test_issue9_capital_baseline_of_notes():
    gold = [
        {"id": "a", "date": "2024-01-01", "fatalities": 0, "lat": 10.0, "lon": 10.0, "place": "A", "country": "XA",
         "half": "tune", "event_type": "Battles", "sub_event_type": "Armed clash"},
        {"id": "b", "date": "2024-01-01", "fatalities": 0, "lat": 20.0, "lon": 20.0, "place": "B", "country": "XB",
         "half": "check", "event_type": "Battles", "sub_event_type": "Armed clash"},
    ]
    result = score_notes(gold, {"a": _event(10.0, 10.0), "b": _event(0.0, 0.0)},
                         capitals={"XA": (10.05, 10.0), "XB": (25.0, 25.0)})
    assert result.metrics["baseline.capital.location.within_25km"] == 0.5
    assert result.metrics["baseline.tune.capital.location.within_25km"] == 1.0
    assert result.metrics["baseline.check.capital.location.within_25km"] == 0.0
    assert result.metrics["location.within_25km"] == 0.5
