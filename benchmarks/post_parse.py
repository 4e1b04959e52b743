"""CPU seconds of whimbrel's stages after the parse, on documents parsed once beforehand.

Separates whimbrel's own cost from spaCy's, so that two trees can be compared on the same
parsed documents, alternately, in the same minutes of a shared machine:

    python benchmarks/post_parse.py parse /work/notes/inputs/gen300.jsonl 60 /tmp/gen60.pkl
    PYTHONPATH=TREE_A python benchmarks/post_parse.py time /tmp/gen60.pkl
    PYTHONPATH=TREE_B python benchmarks/post_parse.py time /tmp/gen60.pkl
    PYTHONPATH=TREE_B python benchmarks/post_parse.py profile /tmp/gen60.pkl /tmp/gen60.prof

``once`` runs the stages once over documents 5..N+4 (the first four load what is loaded on first
use) inside ``functools.reduce``, so that callgrind counts the instructions of that run alone,
a figure the load of a shared machine does not move (~1 min per document under valgrind)::

    PYTHONPATH=TREE valgrind --tool=callgrind --collect-atstart=no --toggle-collect=functools_reduce \
        --callgrind-out-file=/tmp/cg.out "$(python -c 'import sys; print(sys.executable)')" \
        benchmarks/post_parse.py once /tmp/gen60.pkl 10        # then: grep totals /tmp/cg.out

``time`` prints the best of ``--repeat`` runs per stage (``time.process_time``; the collector set
as ``extract_many`` sets it, a collection after every 30 articles) and a digest of the events,
which must be the same for trees that are meant to give the same output.  ``profile`` writes a
cProfile of one run and prints the 40 functions with the most own time.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import pickle
import sys
import time


def _parse(src: str, n: int, out: str) -> None:
    from whimbrel.extract import build_pipeline
    from whimbrel.pipeline import Work
    from whimbrel.records import Article

    articles = []
    with open(src, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                articles.append(Article(**{k: v for k, v in d.items() if k in Article.model_fields}))
            if len(articles) >= n:
                break
    works = [Work(article=a) for a in articles]
    pipe = build_pipeline()
    for stage in pipe.stages[:2]:  # clean, nlp
        live = [w for w in works if w.skip is None]
        if hasattr(stage, "run_batch"):
            stage.run_batch(live)
        else:
            for w in live:
                stage(w)
    kept = [w for w in works if w.skip is None]
    with open(out, "wb") as fh:
        pickle.dump(kept, fh)
    print(f"{len(kept)} parsed documents -> {out}")


def _run(stages: list, works: list, timings: dict[str, float]) -> None:
    for k in range(0, len(works), 30):
        chunk = works[k:k + 30]
        for stage in stages:
            t0 = time.process_time()
            for w in chunk:
                if w.skip is None:
                    stage(w)
            timings[stage.name] = timings.get(stage.name, 0.0) + time.process_time() - t0
        gc.collect()


def _digest(works: list) -> str:
    h = hashlib.sha256()
    for w in works:
        for e in w.events or []:
            h.update(e.model_dump_json().encode())
    return h.hexdigest()[:16]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["parse", "time", "profile", "once"])
    ap.add_argument("args", nargs="+")
    ap.add_argument("--repeat", type=int, default=2)
    a = ap.parse_args()
    if a.mode == "parse":
        _parse(a.args[0], int(a.args[1]), a.args[2])
        return
    from whimbrel.extract import build_pipeline

    with open(a.args[0], "rb") as fh:
        blob = fh.read()
    stages = build_pipeline().stages[2:]
    _run(stages, pickle.loads(blob)[:4], {})  # models, gazetteer and knowledge base loaded
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    if a.mode == "once":
        import functools

        works = pickle.loads(blob)[4:4 + int(a.args[1])]
        functools.reduce(lambda _a, _b: _run(stages, works, {}), [0, 1])  # the toggle of callgrind
        print(f"{len(works)} documents; events digest {_digest(works)}")
        return
    if a.mode == "profile":
        import cProfile
        import pstats

        works = pickle.loads(blob)
        prof = cProfile.Profile()
        prof.enable()
        _run(stages, works, {})
        prof.disable()
        prof.dump_stats(a.args[1])
        pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(40)
        return
    best: tuple[float, dict[str, float], str] = (float("inf"), {}, "")
    for _ in range(a.repeat):
        works = pickle.loads(blob)
        t: dict[str, float] = {}
        _run(stages, works, t)
        if sum(t.values()) < best[0]:
            best = (sum(t.values()), t, _digest(works))
        del works
        gc.collect()
    stages_s = ", ".join(f"{k} {v:.2f}" for k, v in best[1].items())
    print(f"best of {a.repeat}: {best[0]:.2f} s ({stages_s}); events digest {best[2]}")


if __name__ == "__main__":
    main()
