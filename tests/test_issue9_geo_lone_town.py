"""A foreign town nothing else in a local article points to yields to the same-named town of the
article's country (issue 9 §2: same-named US towns decided by the article's other places)."""

from __future__ import annotations

import pytest

from whimbrel.knowledge.gazetteer import SQLiteGazetteer
from whimbrel.knowledge.geoparse import LONE_TOWN_FOCUS, LONE_TOWN_PENALTY, Geoparser


@pytest.fixture(scope="module")
def geoparser(tmp_path_factory) -> Geoparser:
    return Geoparser(SQLiteGazetteer(tmp_path_factory.getbasetemp() / "whimbrel-gazetteer.sqlite"))


def _place(places, text):
    return next(p for p in places if p.text == text)


def test_constants_are_modest():
    assert 0 < LONE_TOWN_PENALTY < 3 and LONE_TOWN_FOCUS >= 2


def test_paris_beside_henry_county_tennessee_is_the_tennessee_town(nlp, geoparser):
    doc = nlp("Sheriff's deputies in Henry County, Tennessee, said a barn fire near Paris destroyed two tractors on Sunday.")
    paris = _place(geoparser.parse(doc), "Paris")
    assert paris.country_code == "US" and paris.admin1 == "Tennessee"


def test_paris_stays_in_france_when_france_is_named(nlp, geoparser):
    doc = nlp("The mayor of Paris met French officials after the summit in Brussels.")
    assert _place(geoparser.parse(doc), "Paris").country_code == "FR"


def test_one_mention_of_the_home_country_is_not_local_news(nlp, geoparser):
    doc = nlp("The delegation from Ohio flew to Paris on Monday for the air show.")
    assert _place(geoparser.parse(doc), "Paris").country_code == "FR"
