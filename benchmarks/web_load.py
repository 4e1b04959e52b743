"""A bounded load test of `whimbrel serve` on loopback (issue 14): errors counted, latency reported.

A real ``whimbrel serve`` runs in a subprocess (uvicorn, one process, as a user starts it)
over a synthetic store (``benchmarks/web_latency.py``'s builder: one event per article,
scale.py's countries, cities, types and actors).  ``--clients`` threads, each with its own
keep-alive HTTP connection, share ``--requests`` requests drawn (seeded) from a mix of the
dashboard's and the API's endpoints with varied filters.  Every answer is checked: a status
other than 200, a body that is not what the endpoint gives, or a request that gets no answer
within the client timeout counts as an error.  Nothing is asserted here; the CI form is
tests/test_web_load.py (a small store, fewer clients and requests, zero errors asserted).

    python benchmarks/web_load.py --events 100000 --clients 20 --requests 10000 [--db /tmp/web100k.db]
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
import threading
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scale import ACTORS, CITIES, COUNTRIES, TYPES, VOCAB  # noqa: E402

VICTIMS = ["civilians", "soldiers", "protesters", "police", "villagers"]


@dataclass(frozen=True)
class Sample:
    """Ids seen in the store, for the requests that name one."""

    event_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    first_day: str
    last_day: str


def _month(rng: random.Random, s: Sample) -> tuple[str, str]:
    y0, y1 = int(s.first_day[:4]), int(s.last_day[:4])
    y, m = rng.randint(y0, y1), rng.randint(1, 12)
    return f"{y}-{m:02d}-01", f"{y}-{m:02d}-28"


def _q(rng: random.Random, s: Sample) -> str:
    return "/api/events?q=" + rng.choice([rng.choice(VOCAB), rng.choice(ACTORS).split()[0], f'"{rng.choice(VOCAB)}"'])


# name -> (weight, make path, check of the parsed body).  The weights mimic a dashboard session:
# pages and their map/table/trend calls most, exports and detail pages less.
MIX: dict[str, tuple[int, Callable[[random.Random, Sample], str], str]] = {
    "GET / (dashboard page)": (6, lambda r, s: "/", "html"),
    "GET /static/map.js": (3, lambda r, s: "/static/map.js", "text"),
    "/api/health": (8, lambda r, s: "/api/health", "health"),
    "/api/events (newest)": (10, lambda r, s: "/api/events", "events"),
    "/api/events?country": (8, lambda r, s: f"/api/events?country={r.choice(COUNTRIES)[0]}", "events"),
    "/api/events?country+month": (6, lambda r, s: "/api/events?country={}&since={}&until={}".format(
        r.choice(COUNTRIES)[0], *_month(r, s)), "events"),
    "/api/events?type&sort=-dead": (4, lambda r, s: f"/api/events?type={r.choice(TYPES)}&sort=-dead", "events"),
    "/api/events?actor": (5, lambda r, s: f"/api/events?actor={r.choice(ACTORS)}", "events"),
    "/api/events?dyad": (4, lambda r, s: f"/api/events?dyad={r.choice(ACTORS)}:{r.choice(VICTIMS)}", "events"),
    "/api/events?near": (4, lambda r, s: "/api/events?near={:.2f},{:.2f},50".format(*r.choice(CITIES)[2:4]), "events"),
    "/api/events?q (full text)": (4, _q, "events"),
    "/api/events?cursor (page 2)": (3, None, "events"),  # filled in from a first page, see _paths
    "/api/events?format=csv": (2, lambda r, s: f"/api/events?country={r.choice(COUNTRIES)[0]}&limit=200&format=csv",
                               "csv"),
    "/api/points (map)": (8, lambda r, s: "/api/points?max=3000", "points"),
    "/api/points?country": (4, lambda r, s: f"/api/points?country={r.choice(COUNTRIES)[0]}&max=3000", "points"),
    "/api/trends?interval=week": (4, lambda r, s: "/api/trends?interval=week", "trends"),
    "/api/trends?month&country": (3, lambda r, s: f"/api/trends?interval=month&country={r.choice(COUNTRIES)[0]}",
                                  "trends"),
    "/api/trends?dyad": (2, lambda r, s: f"/api/trends?interval=month&dyad={r.choice(ACTORS)}:{r.choice(VICTIMS)}",
                         "trends"),
    "/api/changes": (4, lambda r, s: "/api/changes", "changes"),
    "/api/events/{id}": (6, lambda r, s: f"/api/events/{r.choice(s.event_ids)}", "event"),
    "/api/articles/{id}": (2, lambda r, s: f"/api/articles/{r.choice(s.article_ids)}", "article"),
}


def _ok(kind: str, resp) -> Optional[str]:
    """None when the answer is what the endpoint gives, else what is wrong with it."""
    if resp.status_code != 200:
        return f"HTTP {resp.status_code}"
    if kind == "html":
        return None if "<html" in resp.text else "no HTML"
    if kind == "text":
        return None if resp.content else "empty"
    if kind == "csv":
        return None if resp.text.startswith("id,") else "not CSV"
    body = resp.json()
    need = {"health": "counts", "events": "events", "points": "points", "trends": "total", "changes": "countries",
            "event": "reports", "article": "spans"}[kind]
    return None if need in body else f"no {need!r} in the body"


@dataclass
class LoadReport:
    clients: int
    requests: int
    answered: int = 0
    errors: Counter = field(default_factory=Counter)  # "endpoint: what" -> count
    latency_ms: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    wall_s: float = 0.0

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    def table(self) -> list[dict]:
        rows = []
        for name in MIX:
            ts = sorted(self.latency_ms.get(name, []))
            if not ts:
                continue
            rows.append({"endpoint": name, "requests": len(ts), "p50_ms": round(statistics.median(ts), 1),
                         "p99_ms": round(ts[min(len(ts) - 1, int(len(ts) * 0.99))], 1), "max_ms": round(ts[-1], 1)})
        return rows

    def to_json(self) -> dict:
        every = sorted(t for ts in self.latency_ms.values() for t in ts)
        return {"clients": self.clients, "requests": self.requests, "answered": self.answered,
                "errors": self.error_count, "error_kinds": dict(self.errors), "wall_s": round(self.wall_s, 1),
                "requests_per_s": round(self.answered / self.wall_s, 1) if self.wall_s else None,
                "p50_ms": round(statistics.median(every), 1) if every else None,
                "p99_ms": round(every[min(len(every) - 1, int(len(every) * 0.99))], 1) if every else None,
                "endpoints": self.table()}


def sample(base: str) -> Sample:
    import httpx

    with httpx.Client(base_url=base, timeout=120) as c:
        evs = c.get("/api/events", params={"limit": 500}).json()["events"]
        health = c.get("/api/health").json()
    return Sample(tuple(e["id"] for e in evs), tuple(a for e in evs for a in e["article_ids"]),
                  (health["first_event"] or "2023-01-01")[:10], (health["last_event"] or "2023-12-31")[:10])


def _paths(n: int, seed: int, s: Sample, cursor: str) -> list[tuple[str, str, str]]:
    """``n`` (endpoint, path, kind) drawn from :data:`MIX` with its weights."""
    rng = random.Random(seed)
    names = list(MIX)
    weights = [MIX[k][0] for k in names]
    out = []
    for name in rng.choices(names, weights, k=n):
        make, kind = MIX[name][1], MIX[name][2]
        out.append((name, f"/api/events?cursor={cursor}" if make is None else make(rng, s), kind))
    return out


def run_load(base: str, *, clients: int, requests: int, seed: int = 0, timeout: float = 120.0) -> LoadReport:
    """Send ``requests`` requests from ``clients`` threads; every answer timed and checked."""
    import httpx

    s = sample(base)
    with httpx.Client(base_url=base, timeout=timeout) as c:
        cursor = c.get("/api/events").json()["next_cursor"] or ""
    todo = _paths(requests, seed, s, cursor)
    report = LoadReport(clients=clients, requests=requests)
    lock = threading.Lock()
    nxt = iter(range(len(todo)))

    def client() -> None:
        with httpx.Client(base_url=base, timeout=timeout) as c:
            while True:
                with lock:
                    i = next(nxt, None)
                if i is None:
                    return
                name, path, kind = todo[i]
                resp = None
                t = time.perf_counter()
                try:
                    resp = c.get(path)
                    ms = (time.perf_counter() - t) * 1000
                    wrong = _ok(kind, resp)
                except httpx.HTTPError as exc:  # no answer
                    ms, wrong = (time.perf_counter() - t) * 1000, type(exc).__name__
                except ValueError:  # an answer whose body does not parse
                    wrong = "body is not JSON"
                with lock:
                    if resp is not None:
                        report.answered += 1
                        report.latency_ms[name].append(ms)
                    if wrong:
                        report.errors[f"{name}: {wrong}"] += 1

    threads = [threading.Thread(target=client, name=f"load-{k}") for k in range(clients)]
    t0 = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    report.wall_s = time.perf_counter() - t0
    return report


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(db: Path, data_dir: Path, *, extra: tuple[str, ...] = ()) -> Iterator[str]:
    """``whimbrel serve`` over ``db`` in a subprocess on a free loopback port; yields its base URL."""
    import httpx

    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), "WHIMBREL_DATA_DIR": str(data_dir)}
    env.pop("WHIMBREL_API_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "whimbrel", "serve", "--db", str(db), "--port", str(port), *extra],
                            env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"whimbrel serve exited with {proc.returncode}")
            try:
                if httpx.get(base + "/api/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("whimbrel serve did not answer within 300 s")
            time.sleep(0.2)
        httpx.get(base + "/basemap.geojson", timeout=300)  # build the basemap cache before the clock starts
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--db", default="/tmp/whimbrel-web-bench.db", help="store to build (kept and reused)")
    ap.add_argument("--json", help="also write the report here")
    args = ap.parse_args()
    db = Path(args.db)
    if not db.exists():
        from benchmarks.web_latency import build

        print(f"building {db} ({args.events:,} events)...", flush=True)
        print(f"built in {build(db, args.events):.0f} s", flush=True)
    with server(db, db.parent / (db.stem + "-data")) as base:
        load = os.getloadavg()
        report = run_load(base, clients=args.clients, requests=args.requests, seed=args.seed)
    out = {"events": args.events, "load_before": [round(x, 2) for x in load],
           "load_after": [round(x, 2) for x in os.getloadavg()], **report.to_json()}
    print(f"\n{out['answered']:,} of {out['requests']:,} requests answered, {out['errors']} errors, "
          f"{out['wall_s']} s ({out['requests_per_s']} req/s) with {out['clients']} clients; "
          f"load average before {out['load_before']}, after {out['load_after']}\n")
    print("| endpoint | requests | p50 | p99 | max |\n|---|---:|---:|---:|---:|")
    for r in out["endpoints"]:
        print(f"| `{r['endpoint']}` | {r['requests']:,} | {r['p50_ms']:,.0f} ms | {r['p99_ms']:,.0f} ms | "
              f"{r['max_ms']:,.0f} ms |")
    print(f"| all | {out['answered']:,} | {out['p50_ms']:,.0f} ms | {out['p99_ms']:,.0f} ms | |")
    if out["error_kinds"]:
        print("errors:", json.dumps(out["error_kinds"], indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
