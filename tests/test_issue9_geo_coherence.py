"""Spatial coherence of an article's ambiguous names (issue 9 §2): a town and a county reading of
two names that lie together beat the scattered biggest namesakes ("Lebanon" beside "Boone County"
is Lebanon, Indiana).  Sentences written for these tests."""

from __future__ import annotations

import pytest

from whimbrel.knowledge import geocoherence as gc
from whimbrel.knowledge.gazetteer import SQLiteGazetteer
from whimbrel.knowledge.geocoherence import colocated_bonus, colocated_readings
from whimbrel.knowledge.geoparse import Geoparser
from whimbrel.records import Place


def _p(name, lat, lon, code="PPL", admin1="A"):
    return Place(text=name, name=name, lat=lat, lon=lon, feature_code=code, country_code="US", admin1=admin1)


def test_a_town_and_its_county_lie_together_two_towns_do_not():
    town, county = _p("Lebanon", 40.05, -86.47), _p("Boone County", 40.0, -86.4, "ADM2")
    far_town, other_town = _p("Lebanon", 36.2, -86.3, admin1="B"), _p("Zionsville", 39.95, -86.26)
    got = colocated_readings([("lebanon", [(town, 5.0), (far_town, 5.5)]), ("boone county", [(county, 7.0)]),
                              ("zionsville", [(other_town, 5.0)])])
    assert got[id(town)] == 1.0 and got[id(county)] == 2.0  # the county lies with both towns
    assert id(far_town) not in got
    assert id(other_town) in got  # beside the county; town to town alone would not count
    only_towns = colocated_readings([("lebanon", [(town, 5.0)]), ("zionsville", [(other_town, 5.0)])])
    assert only_towns == {}


def test_a_name_does_not_vouch_for_itself_nor_alone():
    town, county = _p("DeKalb", 41.93, -88.75), _p("DeKalb County", 41.89, -88.77, "ADM2")
    assert colocated_readings([("dekalb", [(town, 5.0)]), ("dekalb county", [(county, 6.0)])]) == {}
    assert colocated_readings([("dekalb county", [(county, 6.0)]), ("dekalb county", [(county, 6.0)])]) == {}


def test_several_readings_that_lie_together_share_the_credit():
    c1, c2 = _p("Madison County", 37.7, -84.3, "ADM2"), _p("Madison County", 38.4, -78.3, "ADM2", "B")
    t1, t2 = _p("Richmond", 37.75, -84.29), _p("Richmond", 38.45, -78.2, admin1="B")
    got = colocated_readings([("madison county", [(c1, 7.0), (c2, 7.0)]), ("richmond", [(t1, 6.0), (t2, 6.0)])])
    assert got[id(t1)] == pytest.approx(0.25) and got[id(c2)] == pytest.approx(0.25)


def test_an_unlikely_reading_takes_no_part_but_a_country_does_not_set_the_bar():
    hamlet, county = _p("California", 40.06, -79.9, admin1="B"), _p("Washington County", 40.2, -80.2, "ADM2", "B")
    state = Place(text="California", name="California", lat=37.0, lon=-120.0, feature_code="ADM1",
                  country_code="US", admin1="California")
    got = colocated_readings([("california", [(state, 9.0), (hamlet, 4.0)]), ("washington county", [(county, 7.0)])])
    assert got == {}
    country = Place(text="Lebanon", name="Lebanon", lat=33.8, lon=35.8, feature_code="PCLI", country_code="LB")
    town, boone = _p("Lebanon", 40.05, -86.47), _p("Boone County", 40.0, -86.4, "ADM2")
    got = colocated_readings([("lebanon", [(country, 11.0), (town, 5.0)]), ("boone county", [(boone, 7.0)])])
    assert id(town) in got


def test_bonus_is_capped():
    assert colocated_bonus(None) == 0.0
    assert colocated_bonus(5.0) == gc.COLOCATED_BONUS * gc.COLOCATED_MAX


@pytest.fixture(scope="module")
def geoparser(tmp_path_factory) -> Geoparser:
    return Geoparser(SQLiteGazetteer(tmp_path_factory.getbasetemp() / "whimbrel-gazetteer.sqlite"))


def _place(places, text):
    return next(p for p in places if p.text == text)


def test_town_beside_its_county_reads_in_that_state(nlp, geoparser):
    places = geoparser.parse(nlp("Firefighters from Lebanon were called to a barn blaze in rural Boone County late on Tuesday."))
    assert (_place(places, "Lebanon").admin1, _place(places, "Boone County").admin1) == ("Indiana", "Indiana")
    places = geoparser.parse(nlp("A Richmond man was charged after a crash on a county road, the Madison County sheriff said."))
    assert (_place(places, "Richmond").admin1, _place(places, "Madison County").admin1) == ("Kentucky", "Kentucky")


def test_two_towns_alone_keep_their_priors(nlp, geoparser):
    places = geoparser.parse(nlp("Police in Springfield said the suspect was later seen in Middletown."))
    assert _place(places, "Springfield").admin1 == "Missouri"


def test_a_lone_county_keeps_its_prior(nlp, geoparser):
    places = geoparser.parse(nlp("Crews in Boone County cleared the roads after the storm."))
    assert _place(places, "Boone County").admin1 == "Missouri"
