"""Places on the map: countries and demonyms at their centroid, districts of cities, places near
towns, villages missing from the gazetteer (sentences of our own)."""

from __future__ import annotations

import pytest

from whimbrel.knowledge.distance import haversine_km
from whimbrel.knowledge.gazetteer import SQLiteGazetteer
from whimbrel.knowledge.geoparse import Geoparser
from whimbrel.records import PlaceKind, PlacePrecision


@pytest.fixture(scope="session")
def geoparser(tmp_path_factory) -> Geoparser:
    path = tmp_path_factory.getbasetemp() / "whimbrel-gazetteer.sqlite"  # shared with the other gazetteer tests
    return Geoparser(SQLiteGazetteer(path))


def _by_text(places):
    return {p.text: p for p in places}


def _capital(geoparser, name, cc):
    return next(p for p in geoparser.gazetteer.lookup(name, country=cc) if p.feature_code == "PPLC")


@pytest.mark.parametrize("sentence,text,cc,capital,kind", [
    ("Aid convoys crossed into Syria at dawn.", "Syria", "SY", "Damascus", PlaceKind.literal),
    ("Storms battered the United States for a week.", "the United States", "US", "Washington", PlaceKind.literal),
    ("Wildfires spread across Russia this summer.", "Russia", "RU", "Moscow", PlaceKind.literal),
    ("Canadian firefighters were flown in.", "Canadian", "CA", "Ottawa", PlaceKind.demonym),
    ("Protests spread in Iraq after the vote.", "Iraq", "IQ", "Baghdad", PlaceKind.literal),
])
def test_country_mentions_are_at_the_country_not_its_capital(nlp, geoparser, sentence, text, cc, capital, kind):
    places = _by_text(geoparser.parse(nlp(sentence)))
    key = next(k for k in places if k.endswith(text.split()[-1]))
    p = places[key]
    cap = _capital(geoparser, capital, cc)
    assert p.country_code == cc and p.kind == kind and p.precision == PlacePrecision.country
    assert p.feature_code.startswith("PCL")
    assert haversine_km(p.lat, p.lon, cap.lat, cap.lon) > 50


def test_admin1_mention_is_the_region(nlp, geoparser):
    p = _by_text(geoparser.parse(nlp("Heavy rain fell across Idlib province on Sunday.")))["Idlib"]
    assert p.feature_code == "ADM1" and p.precision == PlacePrecision.admin1


@pytest.mark.parametrize("sentence,text,city,precision", [
    ("A bomb went off in the Karrada district of Baghdad on Tuesday.", "Karrada", "Baghdad", PlacePrecision.district),
    ("Gunmen fired on a bakery in Baghdad's Mansour district.", "Mansour", "Baghdad", PlacePrecision.district),
    ("Rockets struck the eastern districts of Aleppo.", "Aleppo", "Aleppo", PlacePrecision.district),
    ("Troops clashed with rebels outside Mosul on Friday.", "Mosul", "Mosul", PlacePrecision.near),
    ("Militants ambushed a patrol near Tessalit, Kidal region.", "Tessalit", "Tessalit", PlacePrecision.near),
    ("A drone was shot down on the outskirts of Kharkiv.", "Kharkiv", "Kharkiv", PlacePrecision.near),
])
def test_parts_of_and_places_near_a_city(nlp, geoparser, sentence, text, city, precision):
    places = _by_text(geoparser.parse(nlp(sentence)))
    assert text in places, list(places)
    p = places[text]
    assert p.name == city and p.precision == precision and p.lat is not None
    assert (p.feature_code or "").startswith("PPL")


def test_named_city_keeps_city_precision(nlp, geoparser):
    places = _by_text(geoparser.parse(nlp("A bomb went off in the Karrada district of Baghdad on Tuesday.")))
    assert places["Baghdad"].precision == PlacePrecision.city


def test_a_seat_modifying_suburb_is_not_a_district(nlp, geoparser):
    places = _by_text(geoparser.parse(nlp("Police searched a house in the Denver suburb of Aurora on Monday.")))
    assert places["Denver"].name == "Denver" and places["Denver"].precision == PlacePrecision.city


@pytest.mark.parametrize("sentence,village,region,precision", [
    ("Fighters stormed the village of Tin Hamzaqat in Kidal region.", "Tin Hamzaqat", "Kidal", PlacePrecision.admin1),
])
def test_village_missing_from_gazetteer_falls_back_to_its_division(nlp, geoparser, sentence, village, region,
                                                                     precision):
    places = _by_text(geoparser.parse(nlp(sentence)))
    assert village in places, list(places)
    p = places[village]
    assert p.name == region and p.precision == precision and p.feature_code == "ADM1"


def test_unlocated_unknown_name_is_not_invented(nlp, geoparser):
    places = _by_text(geoparser.parse(nlp("Police said the blast on Orchard Street, Alexandria, injured two.")))
    assert places["Orchard Street"].lat is None
    assert places["Alexandria"].precision == PlacePrecision.city
