"""Issue 9 §2: places right on a map in conflict-note and news conventions.

Hand-written sentences (none from any gold set): a town located by the district and province
in parentheses after it, the region written after a town's comma, English compass words of
admin1 names, a town hidden after "near" in another entity, the seat of a region spelled
another way, a legislator's party and state, a town vouched for by a resident noun.
"""

from __future__ import annotations

import pytest

from whimbrel.extract import extract
from whimbrel.knowledge.gazetteer import SQLiteGazetteer, _admin1_variants, _english_compass
from whimbrel.knowledge.geoparse import Geoparser


@pytest.fixture(scope="module")
def geoparser(tmp_path_factory) -> Geoparser:
    path = tmp_path_factory.getbasetemp() / "whimbrel-gazetteer.sqlite"
    return Geoparser(SQLiteGazetteer(path))


def _first(places, text):
    return next((p for p in places if p.text == text), None)


@pytest.mark.parametrize("name,variant", [
    ("Nord Kivu", "North Kivu"), ("Sud-Ouest", "South-West"), ("Nord-Est", "North-East"),
])
def test_issue9_admin1_compass_words_in_english(name, variant):
    assert variant in _admin1_variants(name)


@pytest.mark.parametrize("name", ["Est", "Nord", "Centre", "Norte de Santander", "Rio Grande do Sul"])
def test_issue9_no_compass_variant_that_is_no_name(name):
    assert _english_compass(name) is None


def test_issue9_north_kivu_is_found(geoparser):
    places = geoparser.gazetteer.lookup("North Kivu")
    assert places and places[0].country_code == "CD" and places[0].feature_code == "ADM1"


@pytest.mark.parametrize("text,name,code", [
    # the town of the region's own name, when the parentheses name the region
    ("On 3 May 2024, gunmen killed two traders in Hama (Hama, Hama).", "Hama", "SY"),
    ("On 12 March 2024, farmers marched through Oaxaca (Oaxaca de Juarez, Oaxaca) to the assembly.", "Oaxaca", "MX"),
])
def test_issue9_a_region_does_not_locate_itself(nlp, geoparser, text, name, code):
    p = _first(geoparser.parse(nlp(text)), name)
    assert p is not None and p.country_code == code
    assert (p.feature_code or "").startswith("PPL"), (p.name, p.feature_code)


@pytest.mark.parametrize("name", ["Zaporizhzhia", "Mykolaiv"])
def test_issue9_a_regions_seat_spelled_another_way_is_the_city(nlp, geoparser, name):
    p = _first(geoparser.parse(nlp(f"Drones hit power stations in {name} overnight, officials said.")), name)
    assert p is not None and p.feature_code == "PPLA", p and (p.name, p.feature_code)


def test_issue9_an_alternate_name_ranked_first_does_not_hide_a_town(nlp, geoparser):
    p = _first(geoparser.parse(nlp("Shots were heard in Gao late on Friday.")), "Gao")
    assert p is not None and p.country_code == "ML"


def test_issue9_town_after_near_inside_another_entity(nlp, geoparser):
    text = "On 2 April 2024, militiamen raided the hamlet of Kwararo near Beni (Beni, North Kivu) at night."
    places = geoparser.parse(nlp(text))
    beni = [p for p in places if p.text == "Beni"]
    assert beni and beni[0].country_code == "CD", [(p.text, p.name) for p in places]


@pytest.mark.parametrize("text,state", [
    ("Rep. Tom Hale, D-S.C., voted against the measure.", "South Carolina"),
    ("The bill's sponsor, Sen. Mary Doe, R-Pa., spoke first.", "Pennsylvania"),
    ("Rep. Ann Lee (R-N.D.) said she would vote no.", "North Dakota"),
])
def test_issue9_party_and_state_of_a_legislator(nlp, geoparser, text, state):
    names = [p.name for p in geoparser.parse(nlp(text))]
    assert state in names, names


def test_issue9_resident_noun_vouches_for_a_small_town(nlp, geoparser):
    text = "Deputies arrested a Wapakoneta man after the chase ended near the fairgrounds."
    p = _first(geoparser.parse(nlp(text)), "Wapakoneta")
    assert p is not None and p.country_code == "US"


def test_issue9_a_capitalised_noun_is_a_name_of_its_own(nlp, geoparser):
    places = geoparser.parse(nlp("Reporters waited outside the White House for the statement."))
    assert not [p for p in places if p.text == "White"]


@pytest.mark.parametrize("text,expected", [
    # the district and province in parentheses only say where the town is
    ("On 8 May 2024, air force jets struck a camp in Tsafe (Tsafe, Zamfara), killing 14 gunmen.", "Tsafe"),
    # the state after a town's comma likewise
    ("On 8 May 2024, a gunman shot dead two people at a diner in Waco, Texas.", "Waco"),
])
def test_issue9_event_at_the_town_not_its_qualifier(text, expected):
    evs = [e for e in extract(text) if e.location is not None]
    assert evs
    assert all((e.location.text or "") == expected for e in evs), [(e.event_type, e.location.text) for e in evs]


def test_issue9_south_ossetia_is_a_named_region(nlp, geoparser):
    places = geoparser.parse(nlp("Shelling was reported in South Ossetia overnight, the ministry said."))
    region = _first(places, "South Ossetia")
    assert region is not None and region.country_code == "GE" and region.kind.value == "region"

