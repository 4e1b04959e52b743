"""`whimbrel bench` measures spaCy alone and whimbrel on the same texts in one run (the ratio),
per stage, with workers and ingest.  Only the shape and the bookkeeping are checked: speed
figures are reported by the benchmark, never asserted in tests."""

from __future__ import annotations

from whimbrel.evaluate.bench import make_corpus, run_bench, to_markdown


def test_the_bench_corpus_leaves_the_language_undeclared() -> None:
    corpus = make_corpus(3, 80, seed=2)
    assert len(corpus) == 3 and all(a.language is None for a in corpus)
    assert corpus[0].text == make_corpus(3, 80, seed=2)[0].text  # deterministic


def test_bench_reports_the_ratio_stages_workers_and_ingest() -> None:
    r = run_bench(4, 80, workers=1, seed=3)
    assert r.articles == 4 and r.workers == 1
    assert r.spacy_seconds > 0 and r.seconds > 0 and r.parallel_seconds > 0 and r.ingest_seconds > 0
    assert abs(r.ratio - r.seconds / r.spacy_seconds) < 1e-9
    for stage in ("clean", "clean.language", "nlp", "places", "triggers", "resolve", "merge", "screen"):
        assert stage in r.stage_seconds
    # the stages' seconds are whimbrel's time, up to the pipeline's own bookkeeping
    top = sum(v for k, v in r.stage_seconds.items() if "." not in k)
    assert 0.8 * r.seconds <= top <= r.seconds * 1.01
    assert r.events > 0 and r.peak_rss_mb > 100
    md = to_markdown(r)
    assert "ratio whimbrel / spaCy" in md and "| resolve |" in md and "ingest" in md
    assert r.to_json()["ratio"] == round(r.ratio, 3)
