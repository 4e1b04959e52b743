"""Scale benchmark of the event store: ingestion, size on disk, memory, queries, dedup cost.

NLP is bypassed: articles come from ``benchmarks.corpus.generate`` (their texts feed
MinHash syndication and FTS5), while their events are generated directly, so this
measures the store, not the extractor.  Incidents are drawn at a steady rate
(``--per-day`` articles a day, as from a news feed), each reported by 1-4 articles
with slightly different dates, places (same city), figures and sentences, so
deduplication has real merging to do and the number of days grows with N.

    python benchmarks/scale.py 10000 50000 --words 80
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whimbrel.records import Count, DateRef, Entity, Event, Place, Size, Span  # noqa: E402
from whimbrel.settings import Settings  # noqa: E402
from whimbrel.store import DedupeParams, Store, dedupe_store, ingest_items  # noqa: E402
from whimbrel.store.queries import EventQuery, find_events, trend  # noqa: E402

COUNTRIES = [
    ("SY", 36.2, 37.1), ("SY", 35.9, 36.6), ("YE", 15.4, 44.2), ("SD", 15.6, 32.5), ("ML", 14.5, -4.2),
     ("NG", 11.8, 13.2), ("CD", -1.7, 29.2), ("UA", 50.0, 36.2), ("MM", 21.9, 96.1), ("CO", 3.4, -76.5),
     ("SO", 2.0, 45.3), ("AF", 31.6, 65.7), ("PK", 34.0, 71.5), ("IQ", 36.3, 43.1), ("HT", 18.5, -72.3),
     ("ET", 9.0, 38.7), ("SS", 4.9, 31.6), ("LY", 32.9, 13.2), ("BF", 12.4, -1.5), ("NE", 13.5, 2.1)]
_R = random.Random(42)
# Distinct alphabetic place names: the text features tokenise words of letters, so names like
# "City12" all read as the one name "city" and made every pair of reports share their only
# proper name (10,000 articles of 4,570 incidents became 2,333 events, B-cubed P 0.546).
_SYL = ["ka", "ro", "mi", "tan", "sel", "bu", "dor", "vi", "zam", "le", "qu", "an", "ost", "ri", "pe", "gal", "hu", "nor", "ye", "ba"]
CITY_NAMES = [(_SYL[k % 20] + _SYL[(k // 20) % 20] + _SYL[(k * 7 + 3) % 20]).capitalize() for k in range(400)]
# 20 cities per country, spread over about 6 degrees: many are further apart than the 50 km merge limit
CITIES = [(CITY_NAMES[k], cc, lat + _R.uniform(-3, 3), lon + _R.uniform(-3, 3))
          for k, (cc, lat, lon) in enumerate(COUNTRIES * 20)]
assert len(set(CITY_NAMES)) == len(CITY_NAMES)
VOCAB = [f"w{k:04d}" for k in range(5000)]
TYPES = ["ASSAULT", "PROTEST", "COERCE", "THREATEN", "MOBILIZE"]
ACTORS = ["army", "rebels", "police", "militia", "protesters", "gunmen", "air force", "insurgents"]


# Words that name one incident and no other, as real reports name a neighbourhood, a street,
# a victim or a suspect: four syllables, so the pool (160,000) is far larger than the incidents.
def _rare_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL) for _ in range(4)).capitalize()


# An incident's own words (what the reports of it tell: the street, the vehicle, the shop...):
# each report uses REPORT_WORDS of its incident's OWN_WORDS.  Sized so that the text signal of
# two reports of one incident, and of two incidents in one city a few days apart, is spread
# as on the GVC gold set (text feature medians about 0.6 and 0.1; docs/store.md).
OWN_WORDS, REPORT_WORDS = 14, 9
HEADLINE = {"ASSAULT": "attack", "PROTEST": "protest", "COERCE": "raid", "THREATEN": "threat", "MOBILIZE": "deployment"}


def make_events(articles, per_day: int, seed: int, random_leads: bool = False):
    """Events for generated articles: incidents reported by 1-4 articles each.

    Each incident has its own details, as real ones do: a district and a person named by most
    of its reports (rare names), its actor, figures and a few words of its own.  A report's
    title and first sentence describe its incident and the generated article text follows as
    background.  ``random_leads`` keeps the generated title and text unrelated to the incident
    (the generator before issue 13's review: every article's lead told another story, drawn
    from the same 20 templates, so the text signal compared template words, not incidents)."""
    from whimbrel.codebook import quad_class

    rng = random.Random(seed)
    start = date(2023, 1, 1)
    out, i, inc = {}, 0, 0
    dated = []
    incident_of: dict[str, tuple] = {}  # article id -> (incident number, city, type, day)
    while i < len(articles):
        inc += 1
        day = start + timedelta(days=i // per_day)
        city = rng.choice(CITIES)
        etype = rng.choice(TYPES)
        dead = rng.choice([None, 0, 1, 2, 3, 5, 8, 12])
        actor = rng.choice(ACTORS)
        if random_leads:  # the draws of the old generator, in its order
            own = rng.sample(VOCAB, 6)
            words = " ".join([actor, city[0], etype.lower(), *own])
        else:
            district, person = _rare_name(rng), _rare_name(rng)
            own = rng.sample(VOCAB, OWN_WORDS)
        for _ in range(min(rng.choice([1, 1, 2, 2, 3, 4]), len(articles) - i)):
            art = articles[i]
            pub = (day + timedelta(days=rng.randint(0, 1))).isoformat()
            update = {"published": pub, "publisher": f"pub{rng.randint(0, 300)}"}
            if random_leads:
                sent = f"{words} {' '.join(rng.sample(VOCAB, 3))}"
            else:
                named = [n for n, p in ((district, 0.8), (person, 0.6)) if rng.random() < p]
                where = f"the {named[0]} district of {city[0]}" if district in named else city[0]
                who = f", {person} said" if person in named else ""
                toll = f", {dead} dead" if dead is not None and rng.random() < 0.7 else ""
                sent = (f"The {actor} carried out a {HEADLINE[etype]} in {where}{toll}{who}. "
                        f"{' '.join(rng.sample(own, REPORT_WORDS))} {' '.join(rng.sample(VOCAB, 3))}.")
                update["title"] = f"{actor.capitalize()} {HEADLINE[etype]} in {city[0]}"
                update["text"] = update["raw"] = sent + "\n\n" + art.text
            art = art.model_copy(update=update)
            dated.append(art)
            fig = None if dead is None else dead + rng.choice([0, 0, 0, 1])
            ev = Event(
                id=Event.make_id(art.id, etype, 0, len(sent)), article_id=art.id, event_type=etype,
                actor=(Entity(text=actor, name=actor, sector="MIL"),),
                date=DateRef(value=day.isoformat(), precision="day"),
                location=Place(text=city[0], name=city[0], country_code=city[1], precision="city",
                               lat=city[2] + rng.uniform(-0.02, 0.02), lon=city[3] + rng.uniform(-0.02, 0.02)),
                size=Size(dead=Count(best=fig) if fig is not None else None),
                quad_class=4 if random_leads else quad_class(etype), intensity=-7.0, trigger=etype.lower(),
                mentions=(Span(sentence=0, start=0, end=len(sent), text=sent),),
            )
            out[art.id] = [ev]
            incident_of[art.id] = (inc, city[0], etype, day.isoformat())
            i += 1
    return dated, out, inc, incident_of


def clustering_quality(store, incident_of: dict[str, tuple]) -> dict:
    """B-cubed and pairwise scores of the store's events against the generated incidents, and
    the share of incidents that have a twin (another incident of the same city, type and day:
    indistinguishable but for their words)."""
    from collections import defaultdict

    from whimbrel.evaluate.metrics import bcubed, pairwise

    pred: dict[str, list[str]] = defaultdict(list)
    for mid, eid, aid in store.conn.execute(
            "SELECT em.mention_id, em.event_id, m.article_id FROM event_mentions em JOIN mentions m ON m.id = em.mention_id"):
        pred[eid].append(aid)
    gold: dict[int, list[str]] = defaultdict(list)
    keys: dict[tuple, set[int]] = defaultdict(set)
    for aid, (inc, city, etype, day) in incident_of.items():
        gold[inc].append(aid)
        keys[(city, etype, day)].add(inc)
    twins = sum(len(v) for v in keys.values() if len(v) > 1)
    # incidents with a neighbour: another incident in the same city within the 7-day window
    by_city: dict[str, dict[int, int]] = defaultdict(dict)
    for inc, city, _, day in incident_of.values():
        by_city[city][inc] = date.fromisoformat(day).toordinal()
    neighbours = sum(1 for incs in by_city.values() for i, d in incs.items()
                     if any(j != i and abs(e - d) <= 7 for j, e in incs.items()))
    b3, pw = bcubed(pred.values(), gold.values()), pairwise(pred.values(), gold.values())
    return {"bcubed_p": round(b3.precision, 3), "bcubed_r": round(b3.recall, 3), "bcubed_f1": round(b3.f1, 3),
            "pairwise_p": round(pw.precision, 3), "pairwise_r": round(pw.recall, 3), "pairwise_f1": round(pw.f1, 3),
            "incidents_with_a_same_day_twin": round(twins / max(1, len(gold)), 3),
            "incidents_with_a_same_city_neighbour_within_7_days": round(neighbours / max(1, len(gold)), 3)}


class Extract:
    def __init__(self, events):
        self.events = events

    def __call__(self, items, settings=None):
        for it in items:
            yield it, self.events.get(it.id, [])


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return round(best * 1000, 1)


def run(n: int, words: int, per_day: int, seed: int, folder: str, random_leads: bool = False,
        params: Optional[DedupeParams] = None) -> dict:
    from benchmarks.corpus import generate

    t = time.perf_counter()
    arts = generate(n, words=words, seed=seed)
    arts, events, incidents, incident_of = make_events(arts, per_day, seed, random_leads)
    gen_s = time.perf_counter() - t
    db = Path(folder) / f"scale-{n}.db"
    settings = Settings(db=str(db), data_dir=folder, batch_size=500)
    with Store(db) as store:
        t = time.perf_counter()
        summary = ingest_items(arts, store, settings, extractor=Extract(events), dedupe=False)
        store_s = time.perf_counter() - t
        t = time.perf_counter()
        ds = dedupe_store(store, params=params)
        dedupe_s = time.perf_counter() - t
        mid = arts[len(arts) // 2].published
        queries = {
            "country+month": timed(lambda: find_events(store, EventQuery(country="SY", since=mid[:8] + "01", until=mid[:8] + "28"))),
            "near 50km, 1 month": timed(lambda: find_events(store, EventQuery(near=(36.2, 37.1, 50), since=mid[:8] + "01", until=mid[:8] + "28"))),
            "type+min_sources=2 (all)": timed(lambda: find_events(store, EventQuery(type="PROTEST", min_sources=2)), 1),
            "show one event": timed(lambda: store.get_event(store.conn.execute("SELECT id FROM events LIMIT 1").fetchone()[0])),
            "trend by week, one country": timed(lambda: trend(store, country="UA", by="week"), 1),
            "FTS search": timed(lambda: store.search("ceasefire", limit=20)),
        }
        counts = store.counts()
        quality = clustering_quality(store, incident_of)
    store_size = sum(os.path.getsize(p) for p in Path(folder).glob(f"scale-{n}.db*"))
    return {
        "articles": n, "incidents": incidents, "generate_s": round(gen_s, 1),
        "store_s": round(store_s, 1), "articles_per_s": round(n / store_s, 1),
        "dedupe_full_s": round(dedupe_s, 1), "dedupe_us_per_mention": round(dedupe_s / max(1, ds.mentions) * 1e6, 1),
        "events": counts["events"], "syndicated": summary.syndicated,
        "db_mb": round(store_size / 1e6, 1), "peak_rss_mb": round(peak_rss_mb(), 1), "query_ms": queries,
        "quality": quality,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[10000])
    ap.add_argument("--words", type=int, default=80)
    ap.add_argument("--per-day", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--random-leads", action="store_true",
                    help="the generator before issue 13's review: titles and leads unrelated to the incident")
    ap.add_argument("--unnamed-days", type=int, default=None,
                    help="DedupeParams.unnamed_days (a large value turns the rule off, for an A/B)")
    args = ap.parse_args()
    params = DedupeParams(unnamed_days=args.unnamed_days) if args.unnamed_days is not None else None
    with tempfile.TemporaryDirectory(prefix="whimbrel-scale-") as tmp:
        for n in args.sizes:
            print(json.dumps(run(n, args.words, args.per_day, args.seed, tmp, args.random_leads, params)), flush=True)


if __name__ == "__main__":
    main()
