"""Issue 9: one sense per discourse for place names, and admin1 regions at the centroid of their towns' area.

Hand-written sentences (none from any gold set).
"""

from __future__ import annotations

import pytest

from whimbrel.knowledge.areas import middle_of
from whimbrel.knowledge.gazetteer import SQLiteGazetteer
from whimbrel.knowledge.geoparse import Geoparser


@pytest.fixture(scope="session")
def geoparser(tmp_path_factory) -> Geoparser:
    path = tmp_path_factory.getbasetemp() / "whimbrel-gazetteer.sqlite"
    return Geoparser(SQLiteGazetteer(path))


def _at(places, article, name, nth):
    """The place parsed at the ``nth`` occurrence (0-based) of ``name`` in ``article``, or None."""
    start = -1
    for _ in range(nth + 1):
        start = article.index(name, start + 1)
    return next((p for p in places if p.start == start), None)


@pytest.mark.parametrize(
    "article,name,nth,country",
    [
        ("A storm knocked down power lines in Chillicothe on Tuesday. The Chillicothe Garden Club "
         "cancelled its spring show.", "Chillicothe", 1, "US"),
        ("Volunteers planted trees along the river in Wapakoneta last week. Wapakoneta officers "
         "closed two streets for the event.", "Wapakoneta", 1, "US"),
        ("Council approves new library hours. WAPAKONETA — The council voted on Monday to keep the "
         "library in Wapakoneta open until nine.", "WAPAKONETA", 0, "US"),
    ],
)
def test_issue9_a_place_name_is_a_place_again_where_the_recogniser_missed_it(nlp, geoparser, article, name, nth,
                                                                           country):
    places = geoparser.parse(nlp(article))
    p = _at(places, article, name, nth)
    assert p is not None, [(q.text, q.start) for q in places]
    assert p.country_code == country and p.lat is not None


def test_issue9_a_surname_is_not_made_a_place(nlp, geoparser):
    article = ("Heavy rain flooded roads in Kent on Friday. Council leader Robert Kent said crews worked "
               "overnight, and Kent added that schools would reopen.")
    places = geoparser.parse(nlp(article))
    last = article.rindex("Kent")
    assert all(p.start != last for p in places)


def test_issue9_capitals_only_before_a_dateline_dash(nlp, geoparser):
    article = ("Crews repaired the bridge in Wapakoneta this week. Signs reading WAPAKONETA SAYS THANKS "
               "went up on the bridge.")
    places = geoparser.parse(nlp(article))
    shouted = article.index("WAPAKONETA")
    assert all(p.start != shouted for p in places)


@pytest.mark.parametrize(
    "points,expected",
    [
        # the centroid of the area the towns span, not their mean (50 towns crowd one corner)
        ([(0.0, 0.0, 1), (0.0, 10.0, 1), (10.0, 0.0, 1), (10.0, 10.0, 1)] + [(1.0, 1.0, 1)] * 50, (5.0, 5.0)),
        # towns on one line span no area: their mean
        ([(0.0, 0.0, 1), (1.0, 1.0, 1), (2.0, 2.0, 1)], (1.0, 1.0)),
        # a division across the antimeridian is not placed on the other side of the globe
        ([(50.0, 170.0, 1), (60.0, 170.0, 1), (50.0, -170.0, 1), (60.0, -170.0, 1)], (55.0, 180.0)),
    ],
)
def test_issue9_admin1_at_the_centroid_of_its_towns_area(points, expected):
    lat, lon = middle_of(points)
    assert (round(lat, 3), round(lon, 3)) == expected


def test_issue9_a_state_with_coastal_towns_is_placed_inland(geoparser):
    qld = next(p for p in geoparser.gazetteer.lookup("Queensland") if p.feature_code == "ADM1")
    # Queensland's towns crowd its south-east coast (Brisbane -27.5, 153.0); its middle lies far
    # north-west of them
    assert qld.lat > -24.0 and qld.lon < 149.0


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Schools in Fulton, Cobb and Gwinnett counties closed on Monday as snow fell across Georgia.",
         {"Fulton": "Fulton County", "Cobb": "Cobb County", "Gwinnett": "Gwinnett County"}),
        ("Flood warnings were issued for Polk and Story counties in Iowa.",
         {"Polk": "Polk County", "Story": "Story County"}),
    ],
)
def test_issue9_each_name_before_a_plural_division_noun_is_a_division(nlp, geoparser, sentence, expected):
    places = {p.text: p for p in geoparser.parse(nlp(sentence))}
    for text, name in expected.items():
        assert places[text].name == name and places[text].feature_code == "ADM2"


def test_issue9_provinces_listed_are_the_provinces_not_their_seats(nlp, geoparser):
    places = {p.text: p for p in geoparser.parse(nlp("Clashes were reported in Idlib and Hama provinces."))}
    assert places["Idlib"].feature_code == "ADM1" and places["Hama"].feature_code == "ADM1"


@pytest.mark.parametrize(
    "sentence,demonym,country",
    [
        ("A spokesman for the Lebanese Army said the patrol returned safely.", "Lebanese", "LB"),
        ("The Canadian Coast Guard sent a hovercraft to the stranded ferry.", "Canadian", "CA"),
    ],
)
def test_issue9_a_body_named_by_its_demonym_carries_the_country(nlp, geoparser, sentence, demonym, country):
    places = {p.text: p for p in geoparser.parse(nlp(sentence))}
    assert places[demonym].country_code == country and places[demonym].kind.value == "demonym"


@pytest.mark.parametrize(
    "sentence,surface,name",
    [
        ("Diner reopens. SOUTH CHARLESTON, W.Va. -- A local cook reopened his diner on Monday.",
         "SOUTH CHARLESTON", "South Charleston"),
        ("The team won in Belle Plaine on Friday night.", "Belle Plaine", "Belle Plaine"),
    ],
)
def test_issue9_an_entity_cut_short_is_widened_to_the_whole_name(nlp, geoparser, sentence, surface, name):
    places = {p.text: p for p in geoparser.parse(nlp(sentence))}
    assert surface in places and places[surface].name == name


@pytest.mark.parametrize(
    "sentence,surface,admin1",
    [
        # a dateline after the headline, on the same line
        ("Board trims road budget. WAPAKONETA — The board cut the road budget by a tenth on Tuesday.",
         "WAPAKONETA", "Ohio"),
        # a legislator's party and home town
        ("Rep. Ann Roe, R-Elbow Lake, spoke against the bill.", "Elbow Lake", "Minnesota"),
        # the town after "in" inside an organisation's name
        ("Pupils at St. Mary's Catholic School in Wapakoneta won the spelling contest.", "Wapakoneta", "Ohio"),
        # a civic noun after a small town's name
        ("A Chillicothe Republican said the vote was close.", "Chillicothe", "Ohio"),
    ],
)
def test_issue9_small_towns_vouched_for_by_news_conventions(nlp, geoparser, sentence, surface, admin1):
    places = {p.text: p for p in geoparser.parse(nlp(sentence))}
    assert surface in places and places[surface].admin1 == admin1


@pytest.mark.parametrize(
    "sentence,surface",
    [
        ("Oil prices in Texas and Oklahoma rose as tensions grew in the Middle East.", "Middle East"),
        ("Farmers in Ohio watched the talks on Kashmir closely.", "Kashmir"),
    ],
)
def test_issue9_a_named_region_beats_a_same_named_hamlet(nlp, geoparser, sentence, surface):
    places = {p.text: p for p in geoparser.parse(nlp(sentence))}
    assert places[surface].feature_code == "RGN"


@pytest.mark.parametrize(
    "article,name,feature",
    [
        # the recogniser takes a parish or province for a group (NORP), or tags only its noun
        ("Sheriff deputies in Rapides Parish arrested a man in Alexandria on Tuesday.", "Rapides Parish", "ADM2"),
        ("Residents of Avoyelles Parish were told to boil their water until Friday.", "Avoyelles Parish", "ADM2"),
    ],
)
def test_issue9_a_division_tagged_as_a_group_is_a_place(nlp, geoparser, article, name, feature):
    places = geoparser.parse(nlp(article))
    p = _at(places, article, name, 0)
    assert p is not None, [(q.text, q.start) for q in places]
    assert p.text == name and p.feature_code == feature and p.country_code == "US"


def test_issue9_a_county_named_beside_a_town_picks_that_town(nlp, geoparser):
    article = "Sheriff deputies in Rapides Parish arrested a man in Alexandria on Tuesday."
    p = _at(geoparser.parse(nlp(article)), article, "Alexandria", 0)
    assert p is not None and p.country_code == "US" and p.admin1 == "Louisiana"


def test_issue9_a_group_closing_with_a_division_noun_is_no_place_unless_one_is_called_so(nlp, geoparser):
    article = "Members of the Zorbly Parish choir sang at the fair."
    assert _at(geoparser.parse(nlp(article)), article, "Zorbly", 0) is None
