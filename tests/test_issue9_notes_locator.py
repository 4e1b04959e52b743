"""Issue 9 §2: a town located by the divisions in parentheses after it, as conflict notes write
it (knowledge/notes_locator), and the event's place it gives.

Hand-written sentences (none from any gold set).
"""

from __future__ import annotations

import pytest

from whimbrel.extract import extract
from whimbrel.knowledge.distance import haversine_km
from whimbrel.knowledge.gazetteer import SQLiteGazetteer
from whimbrel.knowledge.notes_locator import LOCATED, locate_parenthesised, locates
from whimbrel.records import Place, PlacePrecision


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory) -> SQLiteGazetteer:
    return SQLiteGazetteer(tmp_path_factory.getbasetemp() / "whimbrel-gazetteer.sqlite")


@pytest.mark.parametrize("text,head,country,precision", [
    ("Fighters raided Mamfe town (Manyu, South-West) before dawn.", "Mamfe", "CM", PlacePrecision.city),
    ("Troops were ambushed near Zemio (Haut-Mbomou) on the main road.", "Zemio", "CF", PlacePrecision.near),
    ("Heavy fighting was reported in Babanusa (Babanusa, West Kordofan) all day.", "Babanusa", "SD",
     PlacePrecision.city),
    ("Youths marched through Port-au-Prince (Port-au-Prince, Ouest) at noon.", "Port-au-Prince", "HT",
     PlacePrecision.city),
    # a village the gazetteer lacks: the admin1 of its parentheses, at its words
    ("Raiders burned Tellzorin village (Makhmour, Erbil) overnight.", "Tellzorin", "IQ", PlacePrecision.admin1),
])
def test_issue9_town_located_by_its_parentheses(gazetteer, text, head, country, precision):
    places = locate_parenthesised(text, [], gazetteer)
    found = [p for p in places if p.text == head]
    assert len(found) == 1, places
    place = found[0]
    assert place.country_code == country and place.precision == precision and place.reason == LOCATED
    assert text[place.start:place.end] == head and place.lat is not None


@pytest.mark.parametrize("text", [
    "Unidentified Armed Group (Mali) attacked a convoy.",
    "Military Forces of Mali (2021-) patrolled the road.",
    "Fighters of the Group for Support of Islam and Muslims (JNIM) fled.",
    "Fatalities were reported (coded as 3) after the raid.",
])
def test_issue9_parentheses_that_locate_nothing(gazetteer, text):
    assert locate_parenthesised(text, [], gazetteer) == []


def test_issue9_locates_reads_the_marker_and_the_parentheses():
    text = "Gunmen struck in Kaya (Sanmatenga, Centre-Nord) on Friday."
    a, b = text.index("Kaya"), text.index("Centre-Nord")
    town = Place(text="Kaya", start=a, end=a + 4, country_code="BF", precision=PlacePrecision.city, lat=13.1, lon=-1.1)
    region = Place(text="Centre-Nord", start=b, end=b + 11, country_code="BF", precision=PlacePrecision.admin1,
                   lat=13.3, lon=-1.2)
    assert locates(text, town, [town, region])
    assert not locates(text, region, [town, region])
    assert locates(text, town.model_copy(update={"reason": LOCATED, "end": None}), [])


@pytest.mark.parametrize("text,lat,lon", [
    # the located town wins over a town of the route and one of the victims' origin
    ("On 3 May 2024, gunmen kidnapped 9 traders travelling from Funtua near Kankara (Kankara, Katsina).",
     11.93, 7.41),
    ("On 5 May 2024, a crowd attacked the Swedish consulate in Kaya (Sanmatenga, Centre-Nord) over a burning "
     "of books in Stockholm.", 13.09, -1.08),
])
def test_issue9_event_at_the_located_town(text, lat, lon):
    events = extract(text)
    assert events
    located = [e for e in events if e.location is not None and e.location.lat is not None]
    assert located and all(haversine_km(e.location.lat, e.location.lon, lat, lon) <= 25 for e in located)


def test_issue9_sentence_without_place_takes_the_article_town():
    text = ("On 2 June 2024, hundreds of traders marched in Kumasi (Kumasi, Ashanti) against new taxes. "
            "Police fired tear gas at the marchers and detained 7 of them.")
    events = [e for e in extract(text) if e.location is not None]
    assert events
    for e in events:
        assert e.location.country_code == "GH" and e.location.precision != PlacePrecision.country
        assert haversine_km(e.location.lat, e.location.lon, 6.69, -1.62) <= 25
