"""Date resolution against the publication date (hand-built cases)."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.records import DatePrecision
from whimbrel.stages.dates import dateline, event_date, resolve_date

PUB = dt.date(2024, 1, 24)  # a Wednesday

D, W, M, Y = DatePrecision.day, DatePrecision.week, DatePrecision.month, DatePrecision.year


@pytest.mark.parametrize(
    "text,value,precision",
    [
        ("in December", "2023-12", M),
        ("Wednesday", "2024-01-24", D),
        ("on Tuesday", "2024-01-23", D),
        ("Thursday", "2024-01-18", D),
        ("last month", "2023-12", M),
        ("last week", "2024-01-15", W),
        ("this week", "2024-01-22", W),
        ("yesterday", "2024-01-23", D),
        ("today", "2024-01-24", D),
        ("tonight", "2024-01-24", D),
        ("this morning", "2024-01-24", D),
        ("on Jan. 3", "2024-01-03", D),
        ("January 3, 2023", "2023-01-03", D),
        ("3 January", "2024-01-03", D),
        ("2023-12-29", "2023-12-29", D),
        ("in 2019", "2019", Y),
        ("earlier this month", "2024-01", M),
        ("last year", "2023", Y),
        ("two days ago", "2024-01-22", D),
        ("Sunday night", "2024-01-21", D),
        ("late on Friday", "2024-01-19", D),
        ("early hours of Monday", "2024-01-22", D),
        ("at midnight on Wednesday", "2024-01-24", D),
        ("Jan 25", "2023-01-25", D),  # never in the future: last year's Jan 25
        ("in March", "2023-03", M),  # never in the future
        ("December 2022", "2022-12", M),
        ("Sept. 5", "2023-09-05", D),
        ("three weeks ago", "2024-01-01", W),
        ("this year", "2024", Y),
        ("in January", "2024-01", M),
        ("the 12th of January", "2024-01-12", D),
        ("Saturday's attack", "2024-01-20", D),
    ],
)
def test_resolve_against_publication(text: str, value: str, precision: DatePrecision) -> None:
    ref = resolve_date(text, PUB)
    assert ref is not None
    assert (ref.value, ref.precision) == (value, precision)
    assert ref.text == text


@pytest.mark.parametrize(
    "text",
    ["Tuesday", "yesterday", "last month", "in December", "two days ago", "last week", "on Jan. 3"],
)
def test_relative_without_publication_stays_unresolved(text: str) -> None:
    ref = resolve_date(text, None)
    assert ref is not None and ref.value is None and ref.text == text


@pytest.mark.parametrize(
    "text,value", [("January 3, 2023", "2023-01-03"), ("2023-12-29", "2023-12-29"), ("in 2019", "2019")]
)
def test_absolute_without_publication(text: str, value: str) -> None:
    ref = resolve_date(text, None)
    assert ref is not None and ref.value == value


@pytest.mark.parametrize("text", ["", "the soldiers", "20-year-old", "the past decade", "three people"])
def test_not_a_time_expression(text: str) -> None:
    assert resolve_date(text, PUB) is None


@pytest.mark.parametrize("text", ["tomorrow", "next week", "next Monday"])
def test_future_is_not_resolved(text: str) -> None:
    ref = resolve_date(text, PUB)
    assert ref is not None and ref.value is None


@pytest.mark.parametrize(
    "text,place,when",
    [
        ("BAGHDAD, Jan 24 (Reuters) - Gunmen killed two.", "BAGHDAD", dt.date(2024, 1, 24)),
        ("KYIV (AP) \u2014 Russia launched drones.", "KYIV", None),
        ("GAZA CITY, Jan 20 (Reuters) - Israel", "GAZA CITY", dt.date(2024, 1, 20)),
        ("Police said on Monday - nothing", None, None),
        ("The army said two died.", None, None),
    ],
)
def test_dateline(text: str, place: str | None, when: dt.date | None) -> None:
    assert dateline(text, PUB) == (place, when)


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    "sentence,trigger,value",
    [
        ("The airstrikes began shortly after midnight on Wednesday, the ministry said.",
         "airstrikes", "2024-01-24"),
        ("Gunmen attacked a checkpoint on Tuesday, police said on Wednesday.", "attacked", "2024-01-23"),
        ("Protesters marched in the capital yesterday.", "marched", "2024-01-23"),
        ("Police arrested 40 people on Monday after a bomb exploded on Sunday.", "arrested", "2024-01-22"),
    ],
)
def test_event_date(nlp, sentence: str, trigger: str, value: str) -> None:
    doc = nlp(sentence)
    ref = event_date(_token(doc, trigger), PUB)
    assert ref is not None and ref.value == value


def test_event_date_none(nlp) -> None:
    doc = nlp("Protesters marched in the capital.")
    assert event_date(_token(doc, "marched"), PUB) is None
