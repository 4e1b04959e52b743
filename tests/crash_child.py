"""The process the crash and concurrency tests kill: ingest a generated corpus into a store.

    python -m tests.crash_child DB --n 600 --seed 3 [--part 0/2] [--batch 25]

The articles come from ``benchmarks.corpus.generate`` (their texts feed MinHash syndication
and the full-text index); their events are made here, deterministically from the seed, so the
extraction is instant and the process spends its time in the store: incidents reported by 1-4
articles (same city and type, nearby days and figures, sentences sharing words), some reports
with a claimant, and some articles repeated under a second id (syndicated copies).  It prints
``committed ID`` per stored article after each commit, with the CLI's own printer, so a test
can tell what a killed process had made durable.  ``--part k/m`` ingests every m-th article
from the k-th (two processes ingesting halves of one corpus).
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

from whimbrel.records import Article, Claim, Count, DateRef, Entity, Event, Place, Size, Span

_SYL = ["ka", "ro", "mi", "tan", "sel", "bu", "dor", "vi", "zam", "le", "qu", "an", "ost", "ri", "pe", "gal"]
CITIES = [((_SYL[k % 16] + _SYL[(k // 16) % 16] + _SYL[(k * 5 + 3) % 16]).capitalize(), cc, lat + (k % 7) * 0.9,
           lon + (k % 5) * 0.9)
          for k, (cc, lat, lon) in enumerate([("SY", 35.0, 36.0), ("YE", 14.0, 43.0), ("SD", 14.0, 31.0),
                                              ("ML", 13.0, -5.0), ("NG", 10.0, 12.0), ("UA", 48.0, 34.0)] * 12)]
TYPES = ["ASSAULT", "PROTEST", "COERCE", "THREATEN"]
ACTORS = ["soldiers", "rebels", "police", "a militia", "protesters", "gunmen"]
WORDS = [f"{a}{b}" for a in ("tor", "mel", "vas", "quin", "dra", "pol", "sun", "yel") for b in
         ("ith", "ark", "onde", "ulm", "esk", "ar", "ov", "iff")]


def corpus(n: int, seed: int) -> tuple[list[Article], dict[str, list[Event]]]:
    """``n`` articles in ingest order and the events each one reports (keyed by article id)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.corpus import generate

    rng = random.Random(seed)
    base = generate(n, words=60, seed=seed)
    arts: list[Article] = []
    events: dict[str, list[Event]] = {}
    i, inc = 0, 0
    while i < len(base):
        inc += 1
        day = date(2024, 1, 1) + timedelta(days=i // 12)
        city, cc, lat, lon = rng.choice(CITIES)
        etype, actor = rng.choice(TYPES), rng.choice(ACTORS)
        dead = rng.choice([None, 0, 1, 2, 4, 7])
        story = " ".join([actor, city, *rng.sample(WORDS, 5)])
        for _ in range(min(rng.choice([1, 1, 2, 2, 3, 4]), len(base) - i)):
            art = base[i].model_copy(update={"published": (day + timedelta(days=rng.randint(0, 1))).isoformat(),
                                             "publisher": f"paper{rng.randint(0, 60)}"})
            sent = f"In {city} {story} {' '.join(rng.sample(WORDS, 2))}."
            claims = (Claim(claimant=Entity(text="officials", name="officials"), text="said"),) if rng.random() < 0.4 else ()
            fig = None if dead is None else dead + rng.choice([0, 0, 1])
            ev = Event(
                id=Event.make_id(art.id, etype, 0, len(sent)), article_id=art.id, event_type=etype,
                actor=(Entity(text=actor, name=actor, sector="MIL"),), claims=claims,
                date=DateRef(value=day.isoformat(), precision="day"),
                location=Place(text=city, name=city, country_code=cc, precision="city",
                               lat=lat + rng.uniform(-0.01, 0.01), lon=lon + rng.uniform(-0.01, 0.01)),
                size=Size(dead=Count(best=fig) if fig is not None else None),
                quad_class=4 if etype == "ASSAULT" else 3, intensity=-6.0, trigger=etype.lower(), confidence=0.8,
                mentions=(Span(sentence=0, start=0, end=len(sent), text=sent),),
            )
            arts.append(art)
            events[art.id] = [ev]
            if rng.random() < 0.05:  # a syndicated copy of the same text under another id
                copy = art.model_copy(update={"id": art.id + "-copy", "url": (art.url or "") + "?copy",
                                              "publisher": "wire-reprints"})
                arts.append(copy)
                events[copy.id] = [ev.model_copy(update={"id": Event.make_id(copy.id, etype, 0, len(sent)),
                                                         "article_id": copy.id})]
            i += 1
    return arts, events


class Extract:
    """The extractor: each article's generated events (instant)."""

    def __init__(self, events: dict[str, list[Event]]):
        self.events = events

    def __call__(self, items, settings=None):
        for it in items:
            yield it, list(self.events.get(it.id, []))


def main(argv: list[str] | None = None) -> int:
    from whimbrel.cli.store import _print_commit
    from whimbrel.errors import WhimbrelError
    from whimbrel.settings import Settings
    from whimbrel.store import Store, ingest_items

    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--batch", type=int, default=25)
    ap.add_argument("--part", default="0/1")
    ap.add_argument("--timeout", type=float, default=30.0)
    args = ap.parse_args(argv)
    k, m = (int(x) for x in args.part.split("/"))
    arts, events = corpus(args.n, args.seed)
    arts = arts[k::m]
    settings = Settings(db=args.db, data_dir=str(Path(args.db).parent), batch_size=args.batch)
    try:
        with Store(args.db, timeout=args.timeout) as store:
            s = ingest_items(arts, store, settings, extractor=Extract(events), on_commit=_print_commit)
    except WhimbrelError as err:
        print(f"error {err}", file=sys.stderr, flush=True)
        return err.exit_code
    print(f"done ingested {s.ingested} unchanged {s.unchanged} events {s.events_after}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
