"""NamesInText.context_without from article-wide sums equals the name-by-name sum it replaced."""

from __future__ import annotations

import random
from collections import Counter

from whimbrel.knowledge.distance import within_km
from whimbrel.knowledge.geocontext import FOCUS_AREA_NAMES, NamesInText, near_any
from whimbrel.records import Place


def _reference(names: NamesInText, key: str) -> dict:
    """The former quadratic sum over every other name."""
    named: Counter = Counter()
    regions: set = set()
    areas: Counter = Counter()
    points: list = []
    for other, c in names.countries.items():
        if other != key:
            named.update(c)
            regions.update(names.admin1[other])
            areas.update(list(names.areas[other]))
            points.extend(names.near[other])
    top = areas.most_common(2)
    focus_area = None
    if top and top[0][1] >= FOCUS_AREA_NAMES and (len(top) == 1 or top[1][1] < top[0][1]):
        focus_area = top[0][0]
    return {"countries": named, "admin1": regions, "areas": areas, "near": points,
            "focus": max(named, key=lambda cc: named[cc]) if named else None, "focus_area": focus_area}


def _random_names(rng: random.Random) -> NamesInText:
    names = NamesInText()
    for _ in range(rng.randint(0, 14)):
        key = rng.choice("abcdefghij")
        ranked = []
        for _ in range(rng.randint(0, 3)):
            cc = rng.choice(["US", "FR", "NG", None])
            code = rng.choice(["ADM1", "PPL", "ADM2", "PCLI"])
            ranked.append((rng.uniform(0, 3), Place(text="x", name="x", country_code=cc, admin1=rng.choice(["01", "02", None]),
                                                    feature_code=code)))
        ranked.sort(key=lambda t: -t[0])
        anchors = [(rng.uniform(-5, 5), rng.uniform(-5, 5), "US", "01") for _ in range(rng.randint(0, 2))]
        names.add(key, ranked, anchors)
    return names


def test_context_without_equals_name_by_name_sum():
    rng = random.Random(7)
    for _ in range(400):
        names = _random_names(rng)
        for key in list(names.countries) + ["zz"]:
            got, want = names.context_without(key), _reference(names, key)
            assert list(got["countries"].items()) == list(want["countries"].items())  # the order decides ties
            assert got["admin1"] == want["admin1"]
            assert dict(got["areas"]) == dict(want["areas"])
            assert got["near"] == want["near"]
            assert got["focus"] == want["focus"] and got["focus_area"] == want["focus_area"]
            for _ in range(5):
                lat, lon = rng.uniform(-6, 6), rng.uniform(-6, 6)
                assert near_any(got, lat, lon, 100.0) == any(
                    within_km(lat, lon, la, lo, 100.0) for la, lo, _, _ in want["near"])


def test_context_after_add_is_recomputed():
    names = NamesInText()
    fr = Place(text="Paris", name="Paris", country_code="FR", admin1="11", feature_code="PPLC")
    names.add("paris", [(5.0, fr)], [])
    assert names.context_without("lyon")["focus"] == "FR"
    names.add("lagos", [(5.0, Place(text="Lagos", name="Lagos", country_code="NG", admin1="05", feature_code="PPLA"))], [])
    names.add("abuja", [(5.0, Place(text="Abuja", name="Abuja", country_code="NG", admin1="11", feature_code="PPLC"))], [])
    assert names.context_without("paris")["countries"] == Counter({"NG": 2})
    assert names.context_without("lyon")["focus"] == "NG"
