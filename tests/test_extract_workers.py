"""Worker processes change nothing: N workers give what one process gives, in input order,
with skips (given in the input, or made by the pipeline) in their place."""

from __future__ import annotations

import importlib
import os
from dataclasses import replace

from whimbrel.extract import extract_many
from whimbrel.records import Article, Skip
from whimbrel.settings import Settings, load

# sentences of our own; each article reports one or two events
STORIES = [
    "Gunmen killed {n} villagers near the town of Kidal on Tuesday, the army said.",
    "Police arrested {n} protesters in Bamako on Monday after a march against fuel prices, witnesses said.",
    "Rebels shelled an army base outside Goma overnight, wounding {n} soldiers, a military spokesman said.",
    "The defence ministry said {n} militants were killed in airstrikes on their camp in northern Mali.",
]
FOREIGN = (
    "Bewaffnete Männer haben am Dienstag im Zentrum des Landes mehrere Dorfbewohner getötet, wie die Armee "
    "mitteilte. Die Regierung kündigte eine Untersuchung an und schickte Soldaten in die Region."
)


def _inputs() -> list:
    items: list = []
    for k in range(11):
        text = STORIES[k % len(STORIES)].format(n=k + 2)
        items.append(Article(id=f"w-{k:02d}", text=text, raw=text, published="2024-03-12"))
        if k == 3:
            items.append(Skip(origin="input.jsonl:5", code="E204", reason="input.jsonl:5: [E204] not JSON"))
        if k == 6:  # the pipeline skips this one (not English)
            items.append(Article(id="w-foreign", text=FOREIGN, raw=FOREIGN))
        if k == 8:  # and this one (nothing left after cleaning)
            items.append(Article(id="w-empty", text="Share this:", raw="Share this:"))
    return items


def _run(settings: Settings) -> list[tuple]:
    out = []
    for item, result in extract_many(_inputs(), settings):
        if isinstance(result, Skip):
            out.append(("skip", result.origin, result.code, result.article_id))
        else:
            out.append((item.id, [ev.to_json() for ev in result]))
    return out


def test_two_workers_give_the_output_of_one_in_order_with_skips_in_place(monkeypatch) -> None:
    ex = importlib.import_module("whimbrel.extract")  # the module (the package exports a function of that name)

    pools: list[int] = []
    real = ex._extract_parallel

    def counted(articles, s, workers):  # type: ignore[no-untyped-def]
        pools.append(workers)
        yield from real(articles, s, workers)

    monkeypatch.setattr(ex, "_extract_parallel", counted)
    base = replace(load(), batch_size=3)  # 14 inputs: five batches, so two processes take part
    one = _run(replace(base, workers=1))
    assert pools == []
    two = _run(replace(base, workers=2))
    assert pools == [2]
    assert two == one
    order = [row[0] if row[0] != "skip" else row[1] for row in one]
    assert order[:5] == ["w-00", "w-01", "w-02", "w-03", "input.jsonl:5"]
    codes = {row[3]: row[2] for row in one if row[0] == "skip"}
    assert codes.get("w-foreign") == "E206" and codes.get("w-empty") == "E207"
    assert sum(len(row[1]) for row in one if row[0] != "skip") >= 8  # real events, not empty lists


def test_default_worker_count_is_the_machine() -> None:
    assert Settings().workers == 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert Settings().worker_count() == max(1, cores or 1)
    assert Settings(workers=3).worker_count() == 3


def test_small_inputs_do_not_start_workers(monkeypatch) -> None:
    ex = importlib.import_module("whimbrel.extract")  # the module (the package exports a function of that name)

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a pool was started for one batch")

    monkeypatch.setattr(ex, "_extract_parallel", refuse)
    rows = _run(replace(load(), workers=4, batch_size=64))  # 14 inputs, one batch: this process
    assert len(rows) == 14 and rows[4] == ("skip", "input.jsonl:5", "E204", None)


def test_issue15_worker_tasks_are_a_quarter_batch() -> None:
    from whimbrel.extract import parallel_task_size

    assert [parallel_task_size(b) for b in (32, 8, 3, 1)] == [8, 2, 1, 1]


def test_issue15_the_collector_is_tuned_during_a_run_and_put_back_after() -> None:
    import gc

    before = (gc.get_threshold(), gc.get_freeze_count())
    seen = []
    for _item, _result in extract_many(_inputs(), replace(load(), workers=1, batch_size=4)):
        seen.append((gc.get_threshold()[0], gc.get_freeze_count()))
    assert len(seen) == 14
    assert all(threshold >= 10_000 for threshold, _ in seen)
    assert all(frozen > 0 for _, frozen in seen)  # frozen after the first batch, before its first item
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
