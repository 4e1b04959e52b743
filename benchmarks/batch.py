"""Throughput of ``whimbrel batch``: local process pool against dask.distributed, 1 and 2 workers.

Generated articles (``whimbrel.demo.generate``, default 5,000 of ~300 words) are written to
JSONL and run through the real pipeline with each engine and worker count into a fresh output
folder.  Reported per run: wall time, start-up (engine up and the first partition back),
steady throughput (articles per second after the first partition), the merge step, peak RSS
of each worker process and of the driver, and the projected articles per day per core (steady
throughput ÷ workers × 86,400).  Each run has a fresh driver process, so that no run's workers
inherit what an earlier run left in memory.  Events are compared across runs (they must be
identical).

    python benchmarks/batch.py                       # 5,000 articles, all four runs
    python benchmarks/batch.py -n 400 --words 300    # a quick look
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whimbrel.batch import read_events, run_batch  # noqa: E402
from whimbrel.demo.generate import generate  # noqa: E402
from whimbrel.settings import load  # noqa: E402


def write_corpus(path: Path, n: int, words: int, seed: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for art in generate(n, words, seed):
            fh.write(json.dumps(art.model_dump(exclude={"raw", "origin"}), ensure_ascii=False) + "\n")


def one_run(corpus: Path, out: Path, engine: str, workers: int, partition_size: int) -> dict:
    marks: list[tuple[float, int]] = []

    def mark(_engine, result) -> None:
        marks.append((time.perf_counter(), len(result.results)))

    t0 = time.perf_counter()
    s = run_batch([str(corpus)], str(out), load(), engine=engine, workers=workers,
                  partition_size=partition_size, on_partition=mark)
    first_t, first_n = marks[0]
    last_t = marks[-1][0]
    steady = (s.run_articles - first_n) / (last_t - first_t) if len(marks) > 1 and last_t > first_t else 0.0
    return {
        "engine": engine, "workers": workers, "articles": s.articles, "events": s.events,
        "wall_s": round(time.perf_counter() - t0, 1), "startup_s": round(first_t - t0, 1),
        "extract_s": round(s.extract_seconds, 1), "merge_s": round(s.merge_seconds, 1),
        "throughput": round(s.throughput, 2), "steady_throughput": round(steady, 2),
        "per_day_per_core": int(steady / workers * 86400),
        "peak_rss_mb_per_worker": sorted(round(v) for v in s.peak_rss_mb.values()),
        "driver_peak_rss_mb": round(_peak_rss_mb()),
    }


def _peak_rss_mb() -> float:
    from whimbrel.batch.worker import _peak_rss_mb as peak

    return peak()


def run_fresh(corpus: Path, out: Path, spec: str, partition_size: int) -> dict:
    """One run in a new Python process (its figures printed as the last line of JSON)."""
    import subprocess

    cmd = [sys.executable, __file__, "--one", spec, "--corpus", str(corpus), "--out", str(out),
           "--partition-size", str(partition_size)]
    done = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=5000, help="generated articles")
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--partition-size", type=int, default=100)
    ap.add_argument("--runs", default="local:1,local:2,dask:1,dask:2", help="engine:workers, comma-separated")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # engine:workers, run in this process
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        engine, workers = args.one.split(":")
        print(json.dumps(one_run(Path(args.corpus), Path(args.out), engine, int(workers), args.partition_size)))
        return
    with tempfile.TemporaryDirectory(prefix="whimbrel-batch-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, args.n, args.words, args.seed)
        events = {}
        for spec in args.runs.split(","):
            out = Path(tmp) / f"out-{spec.replace(':', '-')}"
            row = run_fresh(corpus, out, spec, args.partition_size)
            events[spec] = [e.model_dump(mode="json") for e in read_events(str(out))]
            row["same_events_as_first"] = events[spec] == next(iter(events.values()))
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
