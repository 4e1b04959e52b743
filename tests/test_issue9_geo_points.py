"""GeoNames' own country points (issue 9 §2): a country is drawn where GeoNames puts it."""

from __future__ import annotations

import pytest

from whimbrel.knowledge import gazetteer as gz_mod
from whimbrel.knowledge import geonames_points as gp_mod
from whimbrel.knowledge.distance import haversine_km


def test_parse_points_reads_a_hand_built_table():
    table = [
        "# a comment line",
        "",
        "QQ\t12.5\t-7.25",
        "qr\t-3\t40   # lower-case code, trailing comment",
        "QS 1.0 2.0",  # spaces instead of tabs
        "QT\tnorth\t3.0",  # not a number
        "QU\t95.0\t3.0",  # latitude out of range
        "QV\t1.0",  # a column missing
        "QQ\t0.0\t0.0",  # a repeated code keeps its first point
    ]
    assert gp_mod.parse_points(table) == {"QQ": (12.5, -7.25), "QR": (-3.0, 40.0), "QS": (1.0, 2.0)}


def test_shipped_table_covers_the_big_countries():
    pts = gp_mod.country_points()
    assert len(pts) > 190
    for cc in ("CA", "US", "RU", "CN", "BR", "AU", "IN", "CD", "DE", "SY", "NG"):
        assert cc in pts


def test_points_tag_joins_the_data_version():
    assert gp_mod.points_tag().startswith("gnpoints=")
    assert gp_mod.points_tag() in gz_mod.data_version()


def test_country_point_wins_over_centroid_and_falls_back():
    builder = gz_mod._Builder()
    builder.add(1, "Alpha", "ZZ", None, "PPL", 10.0, 20.0, 100)
    points = {"ZZ": (5.0, 6.0)}
    assert gz_mod._country_centroid(builder, "ZZ", {"ZZ": (1.0, 2.0)}, points) == (5.0, 6.0)
    assert gz_mod._country_centroid(builder, "ZZ", {"ZZ": (1.0, 2.0)}, {}) == (1.0, 2.0)
    assert gz_mod._country_centroid(builder, "ZZ", {}, {}) == pytest.approx((10.0, 20.0))


@pytest.mark.parametrize("name,code", [("Canada", "CA"), ("Democratic Republic of the Congo", "CD"),
                                       ("India", "IN"), ("Libya", "LY"), ("Mali", "ML")])
def test_country_mention_gets_the_geonames_point(gazetteer, name, code):
    lat, lon = gp_mod.country_points()[code]
    place = next(p for p in gazetteer.lookup(name) if p.country_code == code and p.feature_code.startswith("PCL"))
    assert haversine_km(place.lat, place.lon, lat, lon) < 1


def test_canada_is_drawn_in_the_west_not_at_hudson_bay(gazetteer):
    canada = gazetteer.country("CA")
    assert canada.lon < -110  # GeoNames' point lies in northern Alberta
