"""Issue 9 (dates): an incident told first and dated in a following sentence ("It happened
... Sunday") takes that day, not the publication day.  Sentences are our own."""

from __future__ import annotations

import pytest

from whimbrel.extract import extract


def _assault_dates(text: str, published: str) -> list:
    return [e.date.value if e.date else None for e in extract(text, published) if e.event_type == "ASSAULT"]


@pytest.mark.parametrize("text,published,day", [
    ("A 14-year-old girl was shot and wounded outside a grocery store in Dayton, police said.\n\n"
     "It happened shortly after 7 p.m. Thursday near the corner of Main and Fifth.", "2019-05-11", "2019-05-09"),
    ("Two men were killed in a shooting at a bar in Tulsa.\n\n"
     "The shooting occurred around 1 a.m. on Saturday, police said.", "2019-05-13", "2019-05-11"),
    ("A man was stabbed to death outside a nightclub in Leeds.\n\n"
     "The attack took place on Friday night, detectives said.", "2021-02-08", "2021-02-05"),
])
def test_issue9_an_undated_incident_takes_the_day_it_happened(text, published, day):
    assert day in _assault_dates(text, published)


@pytest.mark.parametrize("text,published", [
    # a later sentence dates another act (a statement), not the incident
    ("Gunmen attacked a checkpoint near Gao, killing three soldiers.\n\n"
     "The army said on Tuesday it would send reinforcements.", "2019-05-16"),
    # the occurrence sentence is too far away (three sentences later)
    ("A boy was shot at a park in Akron.\n\nHe was taken to a hospital.\n\nHis family asked for privacy.\n\n"
     "It happened on Monday.", "2019-05-16"),
])
def test_issue9_other_dated_sentences_do_not_date_the_incident(text, published):
    assert _assault_dates(text, published) and all(d == published for d in _assault_dates(text, published))


def test_issue9_the_incident_s_own_date_wins_over_the_next_sentence():
    text = ("Gunmen shot dead a village chief near Kidal on Monday.\n\n"
            "It happened two days after a similar attack on Saturday, residents said.")
    assert _assault_dates(text, "2019-05-16")[0] == "2019-05-13"


@pytest.mark.parametrize("text,published,wrong", [
    # the time belongs to the refusal, not to the shooting the phrase refers back to
    ("A man was shot dead outside a bar in Macon on Friday night.\n\n"
     "The sheriff declined to give names early Sunday because of the age of a witness at the scene of the shooting.",
     "2019-05-12", "2019-05-12"),
    ("A girl was shot and wounded at a park in Gary on Saturday.\n\n"
     "Neighbours will hold a prayer meeting on Monday at the site of the shooting.", "2019-05-12", "2019-05-13"),
])
def test_issue9_an_incident_named_again_does_not_take_another_act_s_day(text, published, wrong):
    assert wrong not in _assault_dates(text, published)
