"""Issue 9 §2: toponym spans as gold sets mark them, and towns the recogniser labels otherwise.

Sentences written for these tests; each exercises one construction of news text.
"""

from __future__ import annotations

import pytest

from whimbrel.knowledge.gazetteer import SQLiteGazetteer
from whimbrel.knowledge.geoparse import Geoparser
from whimbrel.records import PlaceKind


@pytest.fixture(scope="module")
def geoparser(tmp_path_factory) -> Geoparser:
    return Geoparser(SQLiteGazetteer(tmp_path_factory.getbasetemp() / "whimbrel-gazetteer.sqlite"))


def _by_text(places):
    return {p.text: p for p in places}


@pytest.mark.parametrize(
    "sentence,name,country",
    [
        ("Heavy snow closed schools across southwest Kansas on Monday.", "Kansas", "US"),
        ("Wildfires spread through northern Spain overnight.", "Spain", "ES"),
        ("Flooding cut power across eastern Kentucky on Tuesday.", "Kentucky", "US"),
    ],
)
def test_issue9_compass_word_makes_the_kind_not_the_span(nlp, geoparser, sentence, name, country):
    doc = nlp(sentence)
    places = _by_text(geoparser.parse(doc))
    assert name in places, list(places)
    place = places[name]
    assert doc.text[place.start:place.end] == name
    assert place.kind == PlaceKind.region and place.country_code == country


@pytest.mark.parametrize(
    "sentence,name",
    [
        ("Mudslides buried homes in Yunnan province after a week of rain.", "Yunnan"),
        ("Officials in Hunan province ordered an evacuation.", "Hunan"),
    ],
)
def test_issue9_lower_case_admin_noun_is_not_in_the_span(nlp, geoparser, sentence, name):
    doc = nlp(sentence)
    places = _by_text(geoparser.parse(doc))
    assert name in places, list(places)
    assert places[name].feature_code == "ADM1"


@pytest.mark.parametrize(
    "sentence,name",
    [
        ("The Boston toll increase was delayed again.", "Boston"),
        ("The Omaha firm recalled its beef on Friday.", "Omaha"),
    ],
)
def test_issue9_no_determiner_in_a_widened_name(nlp, geoparser, sentence, name):
    places = geoparser.parse(nlp(sentence))
    assert all(not p.text.startswith("The ") for p in places), [p.text for p in places]
    assert name in _by_text(places)


@pytest.mark.parametrize(
    "sentence,names",
    [
        ("New rail lines would link Toledo, Akron, Dayton and Cincinnati by 2030.", ("Dayton", "Cincinnati")),
        ("Clinics stayed open in Hamilton and Middletown through the storm.", ("Hamilton", "Middletown")),
    ],
)
def test_issue9_towns_listed_with_a_place(nlp, geoparser, sentence, names):
    places = _by_text(geoparser.parse(nlp(sentence)))
    for name in names:
        assert name in places, list(places)
        assert places[name].country_code == "US"


@pytest.mark.parametrize(
    "sentence,name,code",
    [
        ("The crash was confirmed by Barren County Sheriff Tom Reese on Sunday.", "Barren County", "ADM2"),
        ("Huntsville Fire Chief Dan Moore said the blaze was contained.", "Huntsville", None),
    ],
)
def test_issue9_place_opening_a_person_title(nlp, geoparser, sentence, name, code):
    places = _by_text(geoparser.parse(nlp(sentence)))
    assert name in places, list(places)
    assert places[name].country_code == "US"
    if code:
        assert places[name].feature_code == code


@pytest.mark.parametrize(
    "sentence,name,country",
    [
        ("A Northbrook-based retailer closed two stores.", "Northbrook", "US"),
        ("Shelling was reported in Khan Younis on Tuesday, medics said.", "Khan Younis", "PS"),
    ],
)
def test_issue9_based_and_transliterated_names(nlp, geoparser, sentence, name, country):
    doc = nlp(sentence)
    places = _by_text(geoparser.parse(doc))
    assert name in places, list(places)
    assert places[name].country_code == country
    assert doc.text[places[name].start:places[name].end] == name


def test_issue9_a_surname_that_is_a_civic_noun_is_no_title(nlp, geoparser):
    # "Sheriff" closes a person's name here; no name follows it, so "Kyle" stays a first name
    places = geoparser.parse(nlp("The shot killed 19-year-old Kyle Sheriff, and the suspect fled."))
    assert all(p.text != "Kyle" for p in places), [p.text for p in places]


def test_issue9_place_of_an_official_title_is_a_metonym(nlp, geoparser):
    places = _by_text(geoparser.parse(nlp("The victim was named by Marion County Coroner Lee Ames on Monday.")))
    assert "Marion County" in places, list(places)
    assert places["Marion County"].kind == PlaceKind.metonym


@pytest.mark.parametrize(
    "sentence,name,code",
    [
        ("The Danbury Board of Education voted to close two schools.", "Danbury", None),
        ("She studied at Northern Illinois University before moving west.", "Illinois", "ADM1"),
    ],
)
def test_issue9_place_opening_an_institution(nlp, geoparser, sentence, name, code):
    places = _by_text(geoparser.parse(nlp(sentence)))
    assert name in places, list(places)
    assert places[name].country_code == "US"
    if code:
        assert places[name].feature_code == code
