"""Draw and show the articles of the precision development set (``whimbrel eval precision-dev``).

The draw (``whimbrel/evaluate/data/README.md``): the sorted ids of the stream's articles
(``whimbrel.evaluate.stream``) that have at least one event, shuffled with
``random.Random(10)``; whole articles are taken in that order.  Batch 1 (94 articles) was
drawn with the extractor of the time and is fixed; a later batch takes the next ``--articles N``
articles of that order (over the articles with an event *now*) that have no labels yet; batches 2
(50 articles) and 3 (30) were drawn in session 10 with main at 3cb2f7c.  The halves of a batch come from
``whimbrel.evaluate.precision.batch_halves`` (the batch's sorted ids shuffled with
``random.Random(10)``, alternate articles tune / check: batch 1's split, applied to each batch
on its own, so that adding a batch never moves an article between halves).  A new batch's
size is appended to ``precision.BATCHES``.

Usage (from the repository root, ``shared_dir`` set)::

    python benchmarks/precision_draw.py extract            # cache every stream event (slow, once)
    python benchmarks/precision_draw.py draw --articles 50 # the next batch: ids and halves
    python benchmarks/precision_draw.py show --articles 50 # each event of the batch with its sentence
    python benchmarks/precision_draw.py todo               # labelled articles' events that have no label
    python benchmarks/precision_draw.py merge CODES --articles 50  # append the batch's labels

``CODES`` (kept outside the repository) holds one line per article of the batch,
``ARTICLE: VTA VTA ...``, one three-digit code per event in ``show`` order: valid, type right,
actor right (``1``/``0``; an invalid event is ``000``).  Events of one article that share a key
get one label.

``show`` prints, per event, a key line ``KEY article start end type half | actor`` that a
labeller turns into a label line of ``precision_dev.jsonl``.  The cache lives in the
``data_dir`` setting, never in the repository (it holds article text).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from whimbrel.evaluate.precision import DRAW_SEED, LABELS, actor_text, batch_halves, event_key, load_labels
from whimbrel.records import Event



def _cache() -> Path:
    from whimbrel.settings import load

    return Path(load().data_dir) / "precision_draw" / "events.jsonl"


def extract() -> None:
    """Run whimbrel (``--all-events``, every confidence) over the whole stream; cache the events."""
    from whimbrel.extract import extract_many
    from whimbrel.settings import load
    from whimbrel.evaluate.stream import stream_articles

    s = load()
    arts = stream_articles(Path(s.shared_dir))
    path = _cache()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for art, evs in extract_many(arts, load({"all_events": "1", "workers": "1"})):
            events = evs if isinstance(evs, list) else []
            fh.write(json.dumps({"article": art.id, "events": [json.loads(e.model_dump_json()) for e in events]}) + "\n")
    print(f"{len(arts)} articles -> {path}")


def cached() -> dict[str, list[Event]]:
    out: dict[str, list[Event]] = {}
    for line in _cache().read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        out[rec["article"]] = [Event.model_validate(e) for e in rec["events"]]
    return out


def draw(events: dict[str, list[Event]], n: int) -> dict[str, str]:
    """The next ``n`` unlabelled articles of the fixed shuffled order, with their halves."""
    labelled = {lab.article for lab in load_labels()}
    order = sorted(a for a, evs in events.items() if evs)
    random.Random(DRAW_SEED).shuffle(order)
    batch = [a for a in order if a not in labelled][:n]
    return batch_halves(batch)


def show(events: dict[str, list[Event]], halves: dict[str, str]) -> None:
    for art in sorted(halves, key=list(halves).index):
        print(f"=== {art} ({halves[art]}, {len(events[art])} events)")
        for ev in events[art]:
            a, s, e, t = event_key(ev)
            sent = ev.mentions[0].text if ev.mentions else ""
            held = f" HELD[{ev.held}]" if ev.held else ""
            print(f"KEY {a} {s} {e} {t} {halves[art]} | {actor_text(ev)}")
            print(f"    trig={ev.trigger!r} conf={ev.confidence:.2f}{held} rcp={'; '.join(x.name or x.text for x in ev.recipient)} mod={ev.modality.value}")
            print(f"    {sent}")


def merge(events: dict[str, list[Event]], halves: dict[str, str], codes_path: Path) -> list[dict]:
    """Label records of a batch from a codes file (see the module docstring), in ``show`` order."""
    codes: dict[str, list[str]] = {}
    for line in codes_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            art, _, rest = line.partition(": ")
            codes[art.strip()] = rest.split()
    if set(codes) != set(halves):
        raise SystemExit(f"codes name other articles than the batch: {sorted(set(codes) ^ set(halves))}")
    out: list[dict] = []
    seen: dict[tuple, tuple] = {}
    for art in halves:
        if len(codes[art]) != len(events[art]):
            raise SystemExit(f"{art}: {len(codes[art])} codes for {len(events[art])} events")
        for ev, code in zip(events[art], codes[art]):
            valid, type_ok, actor_ok = (c == "1" for c in code)
            if not valid:
                type_ok = actor_ok = False
            key = event_key(ev)
            if key in seen:
                if seen[key] != (valid, type_ok, actor_ok):
                    raise SystemExit(f"{key}: two events of one key coded differently")
                continue
            seen[key] = (valid, type_ok, actor_ok)
            out.append({"article": key[0], "half": halves[art], "start": key[1], "end": key[2], "type": key[3],
                        "actor": actor_text(ev), "valid": valid, "type_ok": type_ok, "actor_ok": actor_ok})
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["extract", "draw", "show", "todo", "merge"])
    ap.add_argument("codes", nargs="?", type=Path, help="merge: the codes file")
    ap.add_argument("--articles", type=int, default=50, help="articles in the next batch")
    a = ap.parse_args(argv)
    if a.command == "extract":
        extract()
        return 0
    events = cached()
    if a.command == "todo":
        labels = load_labels()
        keys = {lab.key for lab in labels}
        halves = {lab.article: lab.half for lab in labels}
        for art in sorted(halves):
            for ev in events.get(art, []):
                if event_key(ev) not in keys:
                    show({art: [ev]}, {art: halves[art]})
        return 0
    halves = draw(events, a.articles)
    if a.command == "draw":
        for art, h in halves.items():
            print(art, h, len(events[art]))
        return 0
    if a.command == "merge":
        if a.codes is None:
            ap.error("merge needs the codes file")
        records = merge(events, halves, a.codes)
        with LABELS.open("a", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec) + "\n")
        print(f"{len(records)} labels appended to {LABELS}")
        return 0
    show(events, halves)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
