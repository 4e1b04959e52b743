"""Country centroids, location precision codes, and `whimbrel gazetteer import` of GeoNames dump files."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from click.testing import CliRunner

from whimbrel.codebook import location_codes
from whimbrel.knowledge import gazetteer as gz_mod
from whimbrel.knowledge.distance import haversine_km
from whimbrel.knowledge.gazetteer import SQLiteGazetteer
from whimbrel.knowledge.gazetteer_import import N_COLUMNS, import_geonames, parse_line
from whimbrel.records import PlacePrecision


# ----------------------------------------------------------------------------- countries at their centroid

@pytest.mark.parametrize("code,capital", [("SY", "Damascus"), ("US", "Washington"), ("RU", "Moscow"),
                                          ("CA", "Ottawa"), ("AU", "Canberra"), ("IQ", "Baghdad")])
def test_country_is_not_placed_at_its_capital(gazetteer, code, capital):
    country = gazetteer.country(code)
    cap = next(p for p in gazetteer.lookup(capital, country=code) if p.feature_code == "PPLC")
    assert country is not None and country.precision == PlacePrecision.country
    assert (country.lat, country.lon) != (cap.lat, cap.lon)


@pytest.mark.parametrize("code,lat,lon,km", [
    # a point inside each country, far from its capital; the centroid lies within km of it
    ("SY", 35.0, 38.5, 120), ("US", 39.0, -98.0, 400), ("RU", 61.0, 98.0, 800), ("CA", 58.0, -105.0, 700),
])
def test_country_centroid_is_central(gazetteer, code, lat, lon, km):
    country = gazetteer.country(code)
    assert haversine_km(country.lat, country.lon, lat, lon) < km


@pytest.mark.parametrize("code,lat,lon", [("US", 39.76, -98.5), ("AU", -25.0, 135.0)])
def test_coarse_countryinfo_points_give_way_to_geonames_points(gazetteer, code, lat, lon):
    # countryinfo puts the US at whole degrees 235 km from where GeoNames puts it (near Lebanon, Kansas)
    country = gazetteer.country(code)
    assert haversine_km(country.lat, country.lon, lat, lon) < 5
    assert gz_mod._country_centroid(gz_mod._Builder(), code, {code: (0.0, 0.0)}) == (lat, lon)


def test_data_version_names_countryinfo():
    assert "countryinfo=" in gz_mod.data_version() and "countryinfo=absent" not in gz_mod.data_version()


def test_centroid_fallback_is_mean_of_towns():
    builder = gz_mod._Builder()
    builder.add(1, "Alpha", "ZZ", None, "PPL", 10.0, 20.0, 100)
    builder.add(2, "Beta", "ZZ", None, "PPLC", 12.0, 24.0, 900_000)
    assert gz_mod._country_centroid(builder, "ZZ", {}) == pytest.approx((11.0, 22.0))
    assert gz_mod._country_centroid(builder, "ZZ", {"ZZ": (1.0, 2.0)}) == (1.0, 2.0)
    assert gz_mod._country_centroid(builder, "QQ", {}) is None


# ----------------------------------------------------------------------------- ACLED / UCDP codes

@pytest.mark.parametrize("precision,acled,ucdp", [
    (PlacePrecision.city, 1, 1), (PlacePrecision.point, 1, 1), (PlacePrecision.district, 1, 1),
    (PlacePrecision.near, 2, 2), (PlacePrecision.admin2, 2, 3), (PlacePrecision.admin1, 3, 4),
    (PlacePrecision.region, 3, 5), (PlacePrecision.country, 3, 6), ("country", 3, 6),
])
def test_location_codes(precision, acled, ucdp):
    codes = location_codes(precision)
    assert codes is not None and (codes.acled_geo_precision, codes.ucdp_where_prec) == (acled, ucdp)


def test_location_codes_cover_every_precision():
    assert all(location_codes(p) is not None for p in PlacePrecision)
    assert location_codes(None) is None and location_codes("somewhere") is None


# ----------------------------------------------------------------------------- GeoNames dump import

def _line(gid, name, ascii_name, alts, lat, lon, fclass, fcode, cc, a1, pop=0):
    cols = [str(gid), name, ascii_name, alts, str(lat), str(lon), fclass, fcode, cc, "", a1, "", "", "",
            str(pop), "", "300", "Africa/Bamako", "2024-01-01"]
    assert len(cols) == N_COLUMNS
    return "\t".join(cols) + "\n"


# Made-up villages with made-up ids (GeoNames ids are below 13 million), in Mali's Kidal region
# (GeoNames admin1 code 10) and in Iraq's Nineveh (admin1 code 15).
_VILLAGES = [
    _line(99000001, "Tin Zawaqqat", "Tin Zawaqqat", "Tinzawaqat,Tin-Zawaqat", 19.9, 1.2, "P", "PPL", "ML", "10"),
    _line(99000002, "Qaryat al Bawadir", "Qaryat al Bawadir", "Al Bawadir", 36.1, 43.0, "P", "PPL", "IQ", "15", 800),
    _line(99000003, "Wadi Sahmar", "Wadi Sahmar", "", 36.0, 43.1, "H", "WAD", "IQ", "15"),  # a wadi: out of scope
    _line(99000004, "Old Kharabat", "Old Kharabat", "", 36.2, 43.2, "P", "PPLQ", "IQ", "15"),  # abandoned
]


@pytest.fixture()
def private_gazetteer(gazetteer, tmp_path) -> SQLiteGazetteer:
    path = tmp_path / "g.sqlite"
    shutil.copy(gazetteer.path, path)
    return SQLiteGazetteer(path)


def test_import_txt_makes_villages_resolvable(private_gazetteer, tmp_path):
    dump = tmp_path / "ML.txt"
    dump.write_text("".join(_VILLAGES), encoding="utf-8")
    assert private_gazetteer.lookup("Tin Zawaqqat") == []
    report = import_geonames([str(dump)], private_gazetteer)
    assert (report.rows, report.new, report.out_of_scope, report.errors) == (2, 2, 2, [])
    hit = private_gazetteer.lookup("Tin Zawaqqat")
    assert hit and hit[0].geonameid == 99000001 and hit[0].country_code == "ML"
    assert hit[0].admin1 == private_gazetteer.lookup("Kidal", country="ML")[0].admin1
    assert private_gazetteer.lookup("Tinzawaqat")[0].geonameid == 99000001  # alternate name
    assert private_gazetteer.lookup("Al Bawadir")[0].admin1 is not None
    assert private_gazetteer.lookup("Wadi Sahmar") == [] and private_gazetteer.lookup("Old Kharabat") == []


def test_import_zip_and_survives_rebuild(private_gazetteer, tmp_path, monkeypatch):
    archive = tmp_path / "IQ.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("IQ.txt", "".join(_VILLAGES[1:]))
        zf.writestr("readme.txt", "not a dump\n")
    report = import_geonames([str(archive)], private_gazetteer)
    assert report.rows == 1 and not report.errors
    private_gazetteer.close()
    monkeypatch.setattr(gz_mod, "SCHEMA_VERSION", gz_mod.SCHEMA_VERSION + 100)
    rebuilt = SQLiteGazetteer(private_gazetteer.path)
    assert rebuilt.lookup("Qaryat al Bawadir")[0].geonameid == 99000002
    assert rebuilt.built
    rebuilt.close()


@pytest.mark.parametrize("bad,why", [
    ("99000009\tOnly three\tcolumns\n", "columns"),
    (_line(99000010, "Xtown", "Xtown", "", "north", 1.0, "P", "PPL", "ML", "08"), "bad number"),
    (_line(99000011, "Ytown", "Ytown", "", 95.0, 1.0, "P", "PPL", "ML", "08"), "out of range"),
])
def test_bad_lines_are_reported_and_skipped(private_gazetteer, tmp_path, bad, why):
    dump = tmp_path / "XX.txt"
    dump.write_text(_VILLAGES[0] + bad + _VILLAGES[1], encoding="utf-8")
    report = import_geonames([str(dump), str(tmp_path / "missing.zip")], private_gazetteer)
    assert report.rows == 2
    assert len(report.errors) == 2
    assert f"{dump}, line 2" in str(report.errors[0]) and why in str(report.errors[0])
    assert "missing.zip" in str(report.errors[1])


def test_parse_line_keeps_admin_divisions():
    row = parse_line(_line(99000020, "Tarkint Cercle", "Tarkint Cercle", "", 17.5, 0.5, "A", "ADM2", "ML", "08"),
                     "ML.txt", 1)
    assert row is not None and row[6] == "ADM2"
    assert parse_line(_line(99000021, "Some Hill", "Some Hill", "", 17.5, 0.5, "T", "HLL", "ML", "08"),
                      "ML.txt", 2) is None


def test_cli_gazetteer_import(gazetteer, tmp_path):
    from whimbrel.cli import main

    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(gazetteer.path, data / "gazetteer.sqlite")
    dump = tmp_path / "ML.txt"
    dump.write_text(_VILLAGES[0] + "broken line\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["gazetteer", "import", str(dump), "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    assert "1 places read from 1 file(s), 1 new" in result.output
    assert "line 2" in result.output  # the bad line, on stderr
    assert SQLiteGazetteer(data / "gazetteer.sqlite").lookup("Tin Zawaqqat")[0].geonameid == 99000001
