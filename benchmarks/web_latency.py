"""Latency of `whimbrel serve` on a 100,000-event store (reported, never asserted).

The store is synthesised directly through the store's own insert functions
(``Store.put_article`` for articles, mentions, entities and claims; ``write_event``
for canonical events, one event per article) instead of ``benchmarks/scale.py``'s
ingest + full deduplication, which needs ~220,000 articles and >5 GB of memory for
100,000 events on this shared 2-core machine.  Events follow scale.py's
distributions (its 20 countries × 20 cities, types, actors), spread over about two
years, with figures, claimants, recipients and location precisions mixed.

Then a ``whimbrel serve`` subprocess answers, one request at a time:
  * the first dashboard page: HTML alone, and (with Debian's chromium) the time
    until the map has drawn its points and the table its rows;
  * p50/p99 of ``/api/events`` with common filters, ``/api/points``, ``/api/trends``
    and ``/api/changes``.

    python benchmarks/web_latency.py --events 100000 --requests 40 [--db /tmp/web100k.db]

With ``--cpu``, each query is instead answered in this process (FastAPI's TestClient, no
socket) and the CPU time it costs is reported (best of ``--requests``): on a shared machine
this moves far less with the other jobs' load than wall-clock latency does.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scale import ACTORS, CITIES, TYPES, VOCAB  # noqa: E402
from whimbrel.records import Article, Claim, Count, DateRef, Entity, Event, Place, Size, Span  # noqa: E402
from whimbrel.store import MergeLink, Store, StoredEvent  # noqa: E402
from whimbrel.store.dedupe import write_event  # noqa: E402 - after the sys.path line above

VICTIMS = ["civilians", "soldiers", "protesters", "police", "villagers", "aid workers"]
CLAIMANTS = ["the army", "a rebel spokesman", "local officials", "a monitoring group", "witnesses"]
PRECISION = ["city", "city", "city", "admin1", "country"]


def synth_event(i: int, rng: random.Random, start: date, per_day: int) -> tuple[Article, Event, StoredEvent]:
    day = start + timedelta(days=i // per_day)
    city = rng.choice(CITIES)
    etype = rng.choice(TYPES)
    actor, victim, claimant = rng.choice(ACTORS), rng.choice(VICTIMS), rng.choice(CLAIMANTS)
    dead = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 12, 30])
    sent = f"{actor.capitalize()} struck {victim} in {city[0]} ({etype.lower()}), {claimant} said; " + \
        " ".join(rng.sample(VOCAB, 12)) + "."
    text = sent + " " + " ".join(rng.sample(VOCAB, 25)) + "."
    aid = f"w{i:07d}"
    art = Article(id=aid, text=text, title=f"{etype.title()} in {city[0]}", published=(day + timedelta(days=1)).isoformat(),
                  publisher=f"pub{rng.randint(0, 300)}", origin=f"synthetic:{i}")
    prec = rng.choice(PRECISION)
    ev = Event(
        id=Event.make_id(aid, etype, 0, len(sent)), article_id=aid, event_type=etype,
        actor=(Entity(text=actor, name=actor, sector="MIL"),), recipient=(Entity(text=victim, name=victim, sector="CVL"),),
        date=DateRef(value=day.isoformat(), precision="day"),
        location=Place(text=city[0], name=city[0], country_code=city[1], precision=prec,
                       lat=city[2] + rng.uniform(-0.02, 0.02), lon=city[3] + rng.uniform(-0.02, 0.02)),
        size=Size(dead=Count(low=dead, best=dead, high=dead) if dead is not None else None),
        claims=(Claim(claimant=Entity(text=claimant, name=claimant), text="said", cue="said"),),
        quad_class=4, intensity=-7.0 if etype == "ASSAULT" else -4.0, trigger="struck",
        mentions=(Span(sentence=0, start=0, end=len(sent), text=sent),),
    )
    stored = StoredEvent(**ev.model_dump(), article_ids=(aid,), sources=(art.publisher,), n_articles=1, n_sources=1,
                         first_reported=art.published, last_reported=art.published,
                         links=(MergeLink(mention_id=ev.id, article_id=aid),))
    stored = stored.model_copy(update={"id": "we:" + ev.id.split(":")[-1]})
    return art, ev, stored


def build(db: Path, n: int, seed: int = 0) -> float:
    rng = random.Random(seed)
    t = time.perf_counter()
    with Store(db) as store:
        for lo in range(0, n, 2000):
            with store.write() as conn:
                for i in range(lo, min(n, lo + 2000)):
                    art, ev, stored = synth_event(i, rng, date(2023, 1, 1), 140)
                    store.put_article(conn, art, [ev])
                    write_event(conn, stored)
        store.conn.execute("ANALYZE")
    return time.perf_counter() - t


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


QUERIES = {
    "events: first page (newest 100)": "/api/events",
    "events: country=SY": "/api/events?country=SY",
    "events: country+month": "/api/events?country=UA&since=2023-09-01&until=2023-09-30",
    "events: type=ASSAULT, most deaths": "/api/events?type=ASSAULT&sort=-dead",
    "events: actor=rebels": "/api/events?actor=rebels",
    "events: dyad army:civilians": "/api/events?dyad=army:civilians",
    "events: claimant=witnesses": "/api/events?claimant=witnesses",
    "events: near 50 km": "/api/events?near=36.2,37.1,50",  # (no event there: the cost of looking)
    "events: near 50 km of a town": f"/api/events?near={CITIES[0][2]:.2f},{CITIES[0][3]:.2f},50",
    "events: full text": "/api/events?q=w0042",
    "events: csv export of 1000": "/api/events?country=SY&limit=1000&format=csv",
    "points: map, newest 3000": "/api/points?max=3000",
    "points: map, country=YE": "/api/points?country=YE&max=3000",
    "trends: by week, all": "/api/trends?interval=week",
    "trends: by week, group=type": "/api/trends?interval=week&group=type",
    "trends: by month, country=SY": "/api/trends?interval=month&country=SY",
    "trends: dyad army:civilians": "/api/trends?dyad=army:civilians&interval=month",
    "changes: 4 weeks": "/api/changes",
    "one event": None,
}


def measure(base: str, requests: int) -> dict:
    import httpx

    out = {}
    with httpx.Client(base_url=base, timeout=120) as c:
        eid = c.get("/api/events?limit=1").json()["events"][0]["id"]
        QUERIES["one event"] = f"/api/events/{eid}"
        for name, path in QUERIES.items():
            c.get(path)  # warm
            times = []
            for _ in range(requests):
                t = time.perf_counter()
                r = c.get(path)
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, (path, r.status_code, r.text[:200])
            times.sort()
            out[name] = {"p50_ms": round(statistics.median(times), 1),
                         "p99_ms": round(times[min(len(times) - 1, int(len(times) * 0.99))], 1)}
            print(f"{name:40s} p50 {out[name]['p50_ms']:8.1f} ms  p99 {out[name]['p99_ms']:8.1f} ms", flush=True)
    return out


def cpu_costs(db: Path, requests: int) -> dict:
    """CPU milliseconds (this process, all threads) per query, best of ``requests``, in-process."""
    import warnings

    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

    from whimbrel.web import create_app

    out = {}
    app = create_app(str(db), data_dir=str(db.parent / (db.stem + "-data")))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        eid = c.get("/api/events?limit=1").json()["events"][0]["id"]
        QUERIES["one event"] = f"/api/events/{eid}"
        for name, path in QUERIES.items():
            c.get(path, headers={"Accept-Encoding": "gzip"})
            best = float("inf")
            for _ in range(requests):
                t = time.process_time()
                r = c.get(path, headers={"Accept-Encoding": "gzip"})
                best = min(best, time.process_time() - t)
                assert r.status_code == 200, (path, r.status_code, r.text[:200])
            out[name] = round(best * 1000, 1)
            print(f"{name:40s} cpu {out[name]:8.1f} ms", flush=True)
    return out


def first_page(base: str) -> dict:
    import httpx

    res = {}
    with httpx.Client(base_url=base, timeout=120) as c:
        t = time.perf_counter()
        c.get("/")
        res["html_ms"] = round((time.perf_counter() - t) * 1000, 1)
    chromium = os.environ.get("WHIMBREL_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        res["browser"] = "skipped: no chromium"
        return res
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        pg = b.new_page(viewport={"width": 1280, "height": 900})
        pg.goto(base + "/")  # warm caches (basemap file, static assets) once
        pg.wait_for_selector("#map[data-points]", timeout=120000)
        runs = {"cold": [], "warm": []}
        for kind in ("cold", "warm"):
            ctx = b.new_context(viewport={"width": 1280, "height": 900})
            pg = ctx.new_page()
            if kind == "warm":  # a returning analyst: static assets and basemap in the browser cache
                pg.goto(base + "/")
                pg.wait_for_selector("#map[data-basemap=ready]", timeout=120000)
            for _ in range(3):
                pg.goto(base + "/", wait_until="commit")
                pg.wait_for_selector("#events[data-rendered-at]", timeout=120000)
                pg.wait_for_selector("#map[data-drawn-at]", timeout=120000)
                # milliseconds since navigation start, as the page itself measured them
                runs[kind].append((float(pg.get_attribute("#events", "data-rendered-at")),
                                   float(pg.get_attribute("#map", "data-drawn-at"))))
                if kind == "cold":
                    ctx.close()
                    ctx = b.new_context(viewport={"width": 1280, "height": 900})
                    pg = ctx.new_page()
            ctx.close()
        b.close()
    for kind, rs in runs.items():
        res[f"{kind}_table_ready_ms"] = round(statistics.median(r[0] for r in rs))
        res[f"{kind}_map_points_drawn_ms"] = round(statistics.median(r[1] for r in rs))
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=40, help="timed requests per query")
    ap.add_argument("--db", default="/tmp/whimbrel-web-bench.db", help="store to build (kept and reused)")
    ap.add_argument("--cpu", action="store_true", help="CPU time per query in-process instead of latency")
    args = ap.parse_args()
    db = Path(args.db)
    report: dict = {"events": args.events}
    if not db.exists():
        report["build_s"] = round(build(db, args.events), 1)
        print(f"built {db} in {report['build_s']} s", flush=True)
    if args.cpu:
        report["cpu_ms"] = cpu_costs(db, args.requests)
        print(json.dumps(report))
        return
    port = _port()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    env.pop("WHIMBREL_API_TOKEN", None)
    data = db.parent / (db.stem + "-data")
    env["WHIMBREL_DATA_DIR"] = str(data)
    srv = subprocess.Popen([sys.executable, "-m", "whimbrel", "serve", "--db", str(db), "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(600):
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        report["events_in_store"] = httpx.get(base + "/api/health").json()["counts"]["events"]
        t = time.perf_counter()
        httpx.get(base + "/basemap.geojson", timeout=300)
        report["basemap_first_build_s"] = round(time.perf_counter() - t, 1)
        report["first_page"] = first_page(base)
        print("first page:", report["first_page"], flush=True)
        report["latency"] = measure(base, args.requests)
    finally:
        srv.terminate()
        srv.wait(10)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
