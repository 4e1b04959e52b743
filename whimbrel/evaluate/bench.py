"""``whimbrel bench``: extraction throughput, peak memory and per-stage time on a generated corpus.

The corpus comes from :mod:`whimbrel.demo.generate` (``generate(n, words, seed)``) in the source
tree, so the same command gives comparable numbers on any machine.  Results are appended
to ``docs/benchmarks.md`` with the machine's details.
"""

from __future__ import annotations

import datetime as _dt
import os
import platform
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..records import Article



@dataclass
class BenchResult:
    """One benchmark run."""

    articles: int
    words: int
    workers: int
    seconds: float
    load_seconds: float
    events: int
    peak_rss_mb: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    machine: dict[str, str] = field(default_factory=dict)
    date: str = ""

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "articles": self.articles,
            "words": self.words,
            "workers": self.workers,
            "seconds": round(self.seconds, 3),
            "load_seconds": round(self.load_seconds, 3),
            "articles_per_s": round(self.articles_per_s, 3),
            "words_per_s": round(self.words_per_s, 1),
            "events": self.events,
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "machine": self.machine,
        }


def machine_info() -> dict[str, str]:
    """CPU model, cores, OS, Python and spaCy versions."""
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        import spacy

        spacy_version = spacy.__version__
    except ImportError:
        spacy_version = "not installed"
    return {
        "cpu": cpu or "unknown",
        "cores": str(os.cpu_count() or "?"),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "spacy": spacy_version,
    }


def make_corpus(n: int, words: int, seed: int = 0) -> list[Article]:
    """``n`` generated articles of about ``words`` words each (:mod:`whimbrel.demo.generate`)."""
    from ..demo.generate import generate

    return generate(n, words, seed)


def _peak_rss_mb() -> float:
    """Peak resident memory of this process and its finished children, in MiB (Linux: KiB units)."""
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / divisor
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / divisor
    return max(own, kids)


def _run_chunk(articles: list[Article]) -> tuple[int, dict[str, float], float, float]:
    """Extract a chunk: (events, stage seconds, load seconds, extraction seconds)."""
    from ..extract import build_pipeline
    from ..pipeline import Work

    pipe = build_pipeline()
    t0 = time.perf_counter()
    pipe.run_many([Work(article=Article(id="warmup", text="Police arrested two men in Paris.", raw="Police arrested two men in Paris.", language="en"))])
    load = time.perf_counter() - t0
    stages: dict[str, float] = {}
    events = 0
    t1 = time.perf_counter()
    from ..settings import load as load_settings

    for w in pipe.stream((Work(article=a) for a in articles), batch_size=load_settings().batch_size):
        events += len(w.events or [])
        for name, sec in w.timings.items():
            stages[name] = stages.get(name, 0.0) + sec
    return events, stages, load, time.perf_counter() - t1


def run_bench(n_articles: int = 200, words: int = 400, workers: int = 1, seed: int = 0) -> BenchResult:
    """Generate the corpus and time extraction over it (``workers`` processes)."""
    corpus = make_corpus(n_articles, words, seed)
    n_words = sum(len(a.text.split()) for a in corpus)
    t0 = time.perf_counter()
    if workers <= 1:
        parts = [_run_chunk(corpus)]
        wall = parts[0][3]
        load = parts[0][2]
    else:
        chunks = [corpus[i::workers] for i in range(workers)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(_run_chunk, chunks))
        load = max(p[2] for p in parts)
        wall = time.perf_counter() - t0 - load  # model loading runs in parallel, once per worker
    stages: dict[str, float] = {}
    for _, st, _, _ in parts:
        for k, v in st.items():
            stages[k] = stages.get(k, 0.0) + v
    return BenchResult(
        articles=len(corpus),
        words=n_words,
        workers=workers,
        seconds=wall,
        load_seconds=load,
        events=sum(p[0] for p in parts),
        peak_rss_mb=_peak_rss_mb(),
        stage_seconds=stages,
        machine=machine_info(),
        date=_dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
    )


def to_markdown(r: BenchResult) -> str:
    """One benchmark as a markdown section."""
    m = r.machine
    total = sum(r.stage_seconds.values()) or 1.0
    lines = [
        f"### {r.date} — {r.articles} articles × ~{r.words // max(r.articles, 1)} words, {r.workers} worker(s)",
        "",
        f"Machine: {m.get('cpu')}, {m.get('cores')} cores, {m.get('os')}; Python {m.get('python')}, spaCy {m.get('spacy')}.",
        "",
        "| articles/s | words/s | seconds | model load s | events | peak RSS MiB |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {r.articles_per_s:.2f} | {r.words_per_s:,.0f} | {r.seconds:.1f} | {r.load_seconds:.1f} | {r.events} | {r.peak_rss_mb:.0f} |",
        "",
        "| stage | seconds | share |",
        "|---|---:|---:|",
    ]
    lines += [f"| {k} | {v:.2f} | {v / total:.0%} |" for k, v in r.stage_seconds.items()]
    return "\n".join(lines) + "\n\n"


def append_markdown(r: BenchResult, path: Optional[Path] = None) -> Path:
    """Append a run to ``docs/benchmarks.md`` (created with a header if missing)."""
    # relative to where the command runs (a checkout's root), never inside the installed package
    path = Path(path or Path.cwd() / "docs" / "benchmarks.md")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# Benchmarks\n\nAppended by `whimbrel bench`.\n\n", encoding="utf-8")
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(to_markdown(r))
    return path


__all__ = ["BenchResult", "append_markdown", "machine_info", "make_corpus", "run_bench", "to_markdown"]
