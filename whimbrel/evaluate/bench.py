"""``whimbrel bench``: extraction against the parser's own pace, throughput with workers, memory.

The corpus comes from :mod:`whimbrel.demo.generate` (``generate(n, words, seed)``) in the source
tree, so the same command gives comparable numbers on any machine.  Its records declare no
language (as real feeds mostly do), so the language check runs as it would on them.

One run measures, on the same texts:

1. **side by side, one process**: the plain spaCy pipeline of the same model
   (``spacy.load(model)`` + ``nlp.pipe`` with the same batch size) and whimbrel's whole
   pipeline, batch after batch alternately, so that the load of other programs on the
   machine weighs on both alike; the **ratio** is whimbrel's time over spaCy's, with
   whimbrel's time per stage (``clean.language``: the language check inside ``clean``);
2. **extract with workers**: :func:`whimbrel.extract_many` with ``workers`` processes, end to
   end after one model load (articles/s), and the peak memory of one worker;
3. **ingest**: the same with storing and deduplication into a fresh store (articles/s).

Results are appended to ``docs/benchmarks.md`` with the machine's details and load average.
"""

from __future__ import annotations

import datetime as _dt
import os
import platform
import resource
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Optional

from ..chunking import chunked
from ..records import Article


@dataclass
class BenchResult:
    """One benchmark run (seconds exclude model loading, reported apart)."""

    articles: int
    words: int
    workers: int
    seconds: float  # whimbrel, one process, side by side with spaCy
    load_seconds: float
    events: int
    peak_rss_mb: float  # the largest process: the one-process run (both models) or a worker
    stage_seconds: dict[str, float] = field(default_factory=dict)
    machine: dict[str, str] = field(default_factory=dict)
    date: str = ""
    spacy_seconds: float = 0.0
    parallel_seconds: float = 0.0  # extract_many with ``workers`` processes
    worker_rss_mb: float = 0.0
    ingest_seconds: float = 0.0
    load_average: tuple[float, float, float] = (0.0, 0.0, 0.0)
    # CPU seconds of this process (``time.process_time``) for the same two parts: what each
    # costs, whatever else the machine runs (wall seconds swing with other programs' load)
    spacy_cpu_seconds: float = 0.0
    cpu_seconds: float = 0.0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def ratio(self) -> float:
        """whimbrel's time over a plain spaCy parse of the same texts (same run)."""
        return self.seconds / self.spacy_seconds if self.spacy_seconds else 0.0

    @property
    def cpu_ratio(self) -> float:
        """The same ratio in CPU seconds of this process (steadier than wall time under load)."""
        return self.cpu_seconds / self.spacy_cpu_seconds if self.spacy_cpu_seconds else 0.0

    @property
    def parallel_articles_per_s(self) -> float:
        return self.articles / self.parallel_seconds if self.parallel_seconds else 0.0

    @property
    def ingest_articles_per_s(self) -> float:
        return self.articles / self.ingest_seconds if self.ingest_seconds else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "articles": self.articles,
            "words": self.words,
            "workers": self.workers,
            "seconds": round(self.seconds, 3),
            "spacy_seconds": round(self.spacy_seconds, 3),
            "ratio": round(self.ratio, 3),
            "spacy_cpu_seconds": round(self.spacy_cpu_seconds, 3),
            "cpu_seconds": round(self.cpu_seconds, 3),
            "cpu_ratio": round(self.cpu_ratio, 3),
            "load_seconds": round(self.load_seconds, 3),
            "articles_per_s": round(self.articles_per_s, 3),
            "words_per_s": round(self.words_per_s, 1),
            "parallel_seconds": round(self.parallel_seconds, 3),
            "parallel_articles_per_s": round(self.parallel_articles_per_s, 3),
            "ingest_seconds": round(self.ingest_seconds, 3),
            "ingest_articles_per_s": round(self.ingest_articles_per_s, 3),
            "events": self.events,
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "worker_rss_mb": round(self.worker_rss_mb, 1),
            "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "load_average": [round(x, 2) for x in self.load_average],
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
    """``n`` generated articles of about ``words`` words each (:mod:`whimbrel.demo.generate`),
    their language undeclared."""
    from ..demo.generate import generate

    return [a.model_copy(update={"language": None}) for a in generate(n, words, seed)]


def _rss_mb(who: int) -> float:
    """Peak resident memory of this process (RUSAGE_SELF) or of its largest finished child, in MiB."""
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return resource.getrusage(who).ru_maxrss / divisor


def _peak_rss_mb() -> float:
    return max(_rss_mb(resource.RUSAGE_SELF), _rss_mb(resource.RUSAGE_CHILDREN))


def _side_by_side(corpus: list[Article], settings: Any) -> tuple[float, float, float, int, dict[str, float],
                                                                  tuple[float, float]]:
    """(spaCy seconds, whimbrel seconds, load seconds, events, stage seconds, (spaCy CPU seconds,
    whimbrel CPU seconds)), batch by batch."""
    from ..extract import _BatchGC, _forget_docs, _warm, build_pipeline
    from ..pipeline import Work
    import spacy

    t0 = time.perf_counter()
    pipe = build_pipeline(settings)
    _warm(pipe)
    load = time.perf_counter() - t0
    plain = spacy.load(settings.spacy_model)  # the model as spaCy ships it, nothing of whimbrel's
    list(plain.pipe(["Police arrested two men in Paris."]))
    bs = settings.batch_size
    t_spacy = t_whim = c_spacy = c_whim = 0.0
    events = 0
    stages: dict[str, float] = {}
    with _BatchGC() as quiet:  # the collector as extract_many sets it, for both
        quiet.freeze()
        for chunk in chunked(corpus, bs):
            t, c = time.perf_counter(), time.process_time()
            for _ in plain.pipe([a.text for a in chunk], batch_size=bs):
                pass
            t_spacy += time.perf_counter() - t
            c_spacy += time.process_time() - c
            t, c = time.perf_counter(), time.process_time()
            done = pipe.run_many([Work(article=a) for a in chunk])
            _forget_docs(done)  # as extract_many does after each batch
            quiet.batch_done()
            t_whim += time.perf_counter() - t
            c_whim += time.process_time() - c
            for w in done:
                events += len(w.events or [])
                for name, sec in w.timings.items():
                    stages[name] = stages.get(name, 0.0) + sec
    return t_spacy, t_whim, load, events, stages, (c_spacy, c_whim)


def _with_workers(corpus: list[Article], settings: Any) -> float:
    """Seconds of :func:`whimbrel.extract_many` over the corpus (the pipeline loaded before)."""
    from ..extract import _PIPELINES, _warm, extract_many

    _warm(_PIPELINES.get(settings))
    t = time.perf_counter()
    for _ in extract_many(corpus, settings):
        pass
    return time.perf_counter() - t


def _ingest(corpus: list[Article], settings: Any) -> float:
    """Seconds of ingesting the corpus (extract, store, deduplicate) into a fresh store."""
    from ..extract import _PIPELINES, _warm
    from ..store import Store
    from ..store.ingest import ingest_items

    _warm(_PIPELINES.get(replace(settings, all_events=True)))  # the settings ingest extracts with
    with tempfile.TemporaryDirectory(prefix="whimbrel-bench-") as tmp:
        with Store(Path(tmp) / "bench.db") as store:
            t = time.perf_counter()
            ingest_items(corpus, store, settings)
            return time.perf_counter() - t


def run_bench(n_articles: int = 200, words: int = 400, workers: int = 0, seed: int = 0,
              *, ingest: bool = True) -> BenchResult:
    """Generate the corpus and time it: side by side with spaCy in one process, then with
    ``workers`` processes (0: one per core), then ingested."""
    from ..settings import load as load_settings

    corpus = make_corpus(n_articles, words, seed)
    n_words = sum(len(a.text.split()) for a in corpus)
    base = load_settings()
    t_spacy, t_whim, load, events, stages, (c_spacy, c_whim) = _side_by_side(corpus, replace(base, workers=1))
    own_rss = _rss_mb(resource.RUSAGE_SELF)
    par = replace(base, workers=workers)
    k = par.worker_count()
    parallel = _with_workers(corpus, par)
    ingested = _ingest(corpus, par) if ingest else 0.0
    return BenchResult(
        articles=len(corpus),
        words=n_words,
        workers=k,
        seconds=t_whim,
        load_seconds=load,
        events=events,
        peak_rss_mb=max(own_rss, _rss_mb(resource.RUSAGE_CHILDREN)),
        stage_seconds=stages,
        machine=machine_info(),
        date=_dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        spacy_seconds=t_spacy,
        spacy_cpu_seconds=c_spacy,
        cpu_seconds=c_whim,
        parallel_seconds=parallel,
        worker_rss_mb=_rss_mb(resource.RUSAGE_CHILDREN) if k > 1 else own_rss,
        ingest_seconds=ingested,
        load_average=os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0),
    )


def to_markdown(r: BenchResult) -> str:
    """One benchmark as a markdown section."""
    m = r.machine
    total = sum(v for k, v in r.stage_seconds.items() if "." not in k) or 1.0
    la = ", ".join(f"{x:.2f}" for x in r.load_average)
    lines = [
        f"### {r.date} — {r.articles} articles × ~{r.words // max(r.articles, 1)} words, {r.workers} worker(s)",
        "",
        f"Machine: {m.get('cpu')}, {m.get('cores')} cores, {m.get('os')}; Python {m.get('python')}, "
        f"spaCy {m.get('spacy')}; load average at the end {la}.",
        "",
        "| one process, same texts | seconds | articles/s |",
        "|---|---:|---:|",
        f"| spaCy alone (`nlp.pipe`) | {r.spacy_seconds:.1f} | {r.articles / r.spacy_seconds if r.spacy_seconds else 0:.2f} |",
        f"| whimbrel extract | {r.seconds:.1f} | {r.articles_per_s:.2f} |",
        f"| **ratio whimbrel / spaCy** | **{r.ratio:.2f}** | |",
        f"| ratio in CPU seconds of this process ({r.cpu_seconds:.1f} / {r.spacy_cpu_seconds:.1f}) | "
        f"{r.cpu_ratio:.2f} | |",
        "",
        "| run | articles/s | words/s | seconds |",
        "|---|---:|---:|---:|",
        f"| extract, 1 process | {r.articles_per_s:.2f} | {r.words_per_s:,.0f} | {r.seconds:.1f} |",
    ]
    if r.parallel_seconds:
        lines.append(f"| extract, {r.workers} worker(s) | {r.parallel_articles_per_s:.2f} | "
                     f"{r.words / r.parallel_seconds:,.0f} | {r.parallel_seconds:.1f} |")
    if r.ingest_seconds:
        lines.append(f"| ingest (extract + store + dedupe), {r.workers} worker(s) | {r.ingest_articles_per_s:.2f} | "
                     f"{r.words / r.ingest_seconds:,.0f} | {r.ingest_seconds:.1f} |")
    lines += [
        "",
        f"Model load {r.load_seconds:.1f} s (not counted above); {r.events} events; peak RSS "
        f"{r.peak_rss_mb:.0f} MiB (the one-process run holds both models), one worker {r.worker_rss_mb:.0f} MiB.",
        "",
        "| stage | seconds | share of whimbrel |",
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
