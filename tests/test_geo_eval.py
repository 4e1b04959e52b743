"""The toponym evaluator: raw-distance and exact-span metrics, the capital baseline, tune/check halves."""

from __future__ import annotations

import pytest

from whimbrel.evaluate.geo import HALF_METRICS, article_half, evaluate_toponyms
from whimbrel.records import Place

# Two articles of our own: a country mention and a town mention each.
_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="{a}"><text>Floods hit Syria and then Palmyra.</text><toponyms>
    <toponym><start>11</start><end>16</end><phrase>Syria</phrase>
      <gaztag geonameid="163843"><name>Syria</name><fcode>PCLI</fcode><lat>35.0</lat><lon>38.0</lon>
      <country geonameid="163843">Syria</country></gaztag></toponym>
    <toponym><start>26</start><end>33</end><phrase>Palmyra</phrase>
      <gaztag geonameid="170961"><name>Tadmur</name><fcode>PPL</fcode><lat>34.56</lat><lon>38.28</lon>
      <country geonameid="163843">Syria</country></gaztag></toponym>
  </toponyms></article>
  <article docid="{b}"><text>Rain fell on Damascus.</text><toponyms>
    <toponym><start>13</start><end>21</end><phrase>Damascus</phrase>
      <gaztag geonameid="170654"><name>Damascus</name><fcode>PPLC</fcode><lat>33.51</lat><lon>36.29</lon>
      <country geonameid="163843">Syria</country></gaztag></toponym>
  </toponyms></article>
</articles>
"""


class _FixedParser:
    """Returns prepared places for each text."""

    def __init__(self, by_text: dict[str, list[Place]]) -> None:
        self.by_text = by_text

    def parse(self, text: str) -> list[Place]:
        return self.by_text[text]


def _ids_in_both_halves() -> tuple[str, str]:
    ids = [f"doc{i}" for i in range(50)]
    return next(i for i in ids if article_half(i) == "tune"), next(i for i in ids if article_half(i) == "check")


def test_article_half_is_fixed_and_balanced():
    ids = [f"a{i}" for i in range(400)]
    halves = [article_half(i) for i in ids]
    assert halves == [article_half(i) for i in ids]
    assert 150 < halves.count("tune") < 250


@pytest.mark.parametrize("syria_at_capital,within_raw", [(True, 2 / 3), (False, 1.0)])
def test_raw_distance_sees_a_country_drawn_at_its_capital(tmp_path, syria_at_capital, within_raw):
    tune, check = _ids_in_both_halves()
    gold = tmp_path / "gold.xml"
    gold.write_text(_XML.format(a=tune, b=check), encoding="utf-8")
    syria = (33.51, 36.29) if syria_at_capital else (35.0, 38.0)
    parser = _FixedParser({
        "Floods hit Syria and then Palmyra.": [
            Place(text="Syria", geonameid=163843, lat=syria[0], lon=syria[1], start=11, end=16),
            Place(text="then Palmyra", geonameid=170961, lat=34.56, lon=38.28, start=21, end=33),  # a wider span
        ],
        "Rain fell on Damascus.": [Place(text="Damascus", geonameid=170654, lat=33.51, lon=36.29, start=13, end=21)],
    })
    result = evaluate_toponyms(str(gold), nlp=lambda text: text, geoparser=parser, dataset="test")
    m = result.metrics
    assert m["resolution.within_161km"] == 1.0  # the same id counts as 0 km
    assert m["resolution.within_161km_raw"] == pytest.approx(within_raw)
    # exact spans: Syria and Damascus, not "then Palmyra"
    assert result.support["resolution.within_161km_raw_exact_span"] == 2
    assert m["resolution.within_161km_raw_exact_span"] == pytest.approx(0.5 if syria_at_capital else 1.0)
    # the capital baseline: Syria's point is 270 km from Damascus, Palmyra 215 km, Damascus 0 km
    assert m["baseline.capital_within_161km_raw"] == pytest.approx(1 / 3)
    assert m["check.resolution.within_161km_raw"] == 1.0
    assert m["tune.resolution.within_161km_raw"] == pytest.approx(0.5 if syria_at_capital else 1.0)
    assert all(f"{h}.{k}" in m for h in ("tune", "check") for k in HALF_METRICS)
    assert result.details["split"] == {"seed": "whimbrel-geo-split-1", "tune_docs": 1, "check_docs": 1}
