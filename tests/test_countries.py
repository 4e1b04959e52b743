"""The country table: codes, names, demonyms and metonyms."""

from __future__ import annotations

import pickle

import pytest

from whimbrel.knowledge.countries import CountryTable, normalise, plural


@pytest.fixture(scope="module")
def table() -> CountryTable:
    return CountryTable.load()


def test_every_iso_country_present(table: CountryTable) -> None:
    assert len(table) >= 249
    assert {c.alpha3 for c in table.all()} >= {"USA", "IRQ", "COD", "PSE", "SSD", "TWN"}


@pytest.mark.parametrize(
    "text,alpha3",
    [
        ("US", "USA"), ("U.S.", "USA"), ("USA", "USA"), ("America", "USA"),
        ("the United States", "USA"), ("UK", "GBR"), ("Britain", "GBR"), ("Great Britain", "GBR"),
        ("Russia", "RUS"), ("Russian Federation", "RUS"), ("South Korea", "KOR"),
        ("North Korea", "PRK"), ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"), ("DRC", "COD"),
        ("Congo-Kinshasa", "COD"), ("Burma", "MMR"), ("Palestine", "PSE"), ("Gaza Strip", "PSE"),
        ("Turkey", "TUR"), ("Türkiye", "TUR"), ("Syria", "SYR"), ("Ethopia", "ETH"),
    ],
)
def test_by_name(table: CountryTable, text: str, alpha3: str) -> None:
    country = table.by_name(text)
    assert country is not None and country.alpha3 == alpha3


@pytest.mark.parametrize(
    "text,alpha3",
    [
        ("American", "USA"), ("Americans", "USA"), ("Iraqi", "IRQ"), ("Iraqis", "IRQ"),
        ("Iranian", "IRN"), ("Israeli", "ISR"), ("Palestinians", "PSE"), ("Ukrainian", "UKR"),
        ("Russian", "RUS"), ("Syrian", "SYR"), ("Turkish", "TUR"), ("Afghan", "AFG"),
        ("Malian", "MLI"), ("Nigerian", "NGA"), ("Nigerien", "NER"), ("Chinese", "CHN"),
        ("British", "GBR"), ("Frenchmen", "FRA"), ("Burkinabe", "BFA"), ("Congolese", "COD"),
    ],
)
def test_by_demonym(table: CountryTable, text: str, alpha3: str) -> None:
    country = table.by_demonym(text)
    assert country is not None and country.alpha3 == alpha3


@pytest.mark.parametrize(
    "text,alpha3",
    [
        ("Washington", "USA"), ("the White House", "USA"), ("the Pentagon", "USA"),
        ("the Kremlin", "RUS"), ("Moscow", "RUS"), ("Beijing", "CHN"), ("Tehran", "IRN"),
        ("Baghdad", "IRQ"), ("Downing Street", "GBR"), ("Whitehall", "GBR"), ("Elysee", "FRA"),
        ("Élysée", "FRA"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Naypyitaw", "MMR"),
    ],
)
def test_by_metonym(table: CountryTable, text: str, alpha3: str) -> None:
    country = table.by_metonym(text)
    assert country is not None and country.alpha3 == alpha3


def test_codes_and_unknowns(table: CountryTable) -> None:
    usa = table.by_code("us")
    assert usa is not None and usa.alpha3 == "USA" and usa.capital == "Washington"
    assert table.by_code("IRQ").alpha2 == "IQ"  # type: ignore[union-attr]
    assert table.by_code("XXX") is None
    assert table.by_name("Atlantis") is None
    assert table.by_demonym("Martian") is None
    assert table.by_name("NATO") is None  # an IGO is an actor, not a country


def test_lookup_kind_and_pickle(table: CountryTable) -> None:
    country, kind = table.lookup("Iraqi")  # type: ignore[misc]
    assert (country.alpha3, kind) == ("IRQ", "demonym")
    clone = pickle.loads(pickle.dumps(table))
    assert clone.by_name("DRC").alpha3 == "COD"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text,key",
    [("Kata'ib Hezbollah", "kataib hezbollah"), ("U.S.", "us"), ("al-Shabaab", "al shabaab"),
     ("Côte d’Ivoire", "cote divoire")],
)
def test_normalise(text: str, key: str) -> None:
    assert normalise(text) == key


@pytest.mark.parametrize("dem,pl", [("Iraqi", "Iraqis"), ("Chinese", None), ("Frenchman", "Frenchmen"), ("Swiss", None)])
def test_plural(dem: str, pl: str | None) -> None:
    assert plural(dem) == pl
