"""British counties are named bare ("Essex", "Lancashire"): they are indexed as admin2 divisions
(issue 9 §2: admin2 choices), where other countries' county names need their "County" suffix."""

from __future__ import annotations

import pytest

from whimbrel.knowledge import gazetteer as gz_mod
from whimbrel.knowledge.geoparse import Geoparser


def test_only_british_counties_go_without_suffix():
    assert gz_mod.ADMIN2_AS_NAMED == frozenset({"GB"})


@pytest.mark.parametrize("name", ["Lancashire", "Cambridgeshire", "Essex", "Kent", "Greater London"])
def test_british_county_is_an_admin2(gazetteer, name):
    assert any(p.feature_code == "ADM2" and p.country_code == "GB" and p.admin1 == "England"
               for p in gazetteer.lookup(name))


def test_county_after_a_british_town(nlp, gazetteer):
    doc = nlp("A man from Clacton, Essex was charged on Monday.")
    essex = next(p for p in Geoparser(gazetteer).parse(doc) if p.text == "Essex")
    assert (essex.country_code, essex.feature_code) == ("GB", "ADM2")


def test_us_town_beside_its_state_keeps_its_place(nlp, gazetteer):
    doc = nlp("The Navy base in Norfolk, Virginia, expanded its shipyard.")
    norfolk = next(p for p in Geoparser(gazetteer).parse(doc) if p.text == "Norfolk")
    assert (norfolk.country_code, norfolk.admin1) == ("US", "Virginia")
