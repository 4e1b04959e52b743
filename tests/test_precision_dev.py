"""precision-dev: the label file, the keys and the scoring (with events we build ourselves)."""

from __future__ import annotations

import json

import pytest

from whimbrel.errors import EvalError
from whimbrel.evaluate.base import EvalResult
from whimbrel.evaluate.precision import BATCHES, Label, batch_halves, event_key, join_labels, load_labels, score_half, trigger_offsets
from whimbrel.records import Entity, Event, Span


def _event(article: str, start: int, text: str, trigger: str, etype: str = "ASSAULT", **kw) -> Event:
    span = Span(sentence=0, start=start, end=start + len(text), text=text)
    return Event(id=f"ev:{article}{start}{etype}", article_id=article, event_type=etype, trigger=trigger, mentions=(span,), **kw)


def test_shipped_labels_are_complete():
    labels = load_labels()
    assert len(labels) >= 500
    assert {lab.half for lab in labels} == {"tune", "check"}
    assert len({lab.key for lab in labels}) == len(labels)
    by_article: dict[str, set[str]] = {}
    for lab in labels:
        by_article.setdefault(lab.article, set()).add(lab.half)
        assert lab.article.startswith(("html:", "lgl:"))
        assert lab.end > lab.start >= 0
        assert not (lab.type_ok and not lab.valid)
    assert all(len(h) == 1 for h in by_article.values()), "halves are split by article"


def test_shipped_labels_cover_every_batch():
    labels = load_labels()
    # 558 over batch 1, 273 over batch 2, 164 over batch 3, 280 over batch 4, 250 over batch 5,
    # 15 re-labelled in session 12
    assert len(labels) >= 1540
    order = list(dict.fromkeys(lab.article for lab in labels))
    assert len(order) == sum(BATCHES) == 259


def test_halves_follow_the_split_of_each_batch():
    """Each batch is split on its own (sorted ids, Random(10), alternate), so growing the set
    moves no article between halves."""
    labels = load_labels()
    half = {lab.article: lab.half for lab in labels}
    order = list(dict.fromkeys(lab.article for lab in labels))
    at = 0
    for size in BATCHES:
        batch = order[at:at + size]
        assert batch_halves(batch) == {a: half[a] for a in batch}
        at += size
    assert {h: list(half.values()).count(h) for h in ("tune", "check")} == {"tune": 130, "check": 129}


def test_batch_halves_alternate_a_seeded_shuffle():
    ids = [f"lgl:{n}" for n in range(10)]
    halves = batch_halves(list(reversed(ids)))
    assert halves == batch_halves(ids)  # the input order does not matter
    assert sorted(halves.values()).count("tune") == 5
    assert list(halves) != sorted(ids)  # shuffled


def test_label_file_holds_no_text():
    from whimbrel.evaluate.precision import LABELS

    for line in LABELS.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert set(rec) == {"article", "half", "start", "end", "type", "actor", "valid", "type_ok", "actor_ok"}


def test_bad_label_line_names_the_file(tmp_path):
    path = tmp_path / "labels.jsonl"
    path.write_text('{"article": "x"}\n', encoding="utf-8")
    with pytest.raises(EvalError, match="labels.jsonl:1"):
        load_labels(path)


def test_trigger_offsets_find_the_trigger_in_its_sentence():
    ev = _event("a", 100, "Police arrested two men on Tuesday.", "arrested", "COERCE")
    assert trigger_offsets(ev) == (107, 115)
    assert event_key(ev) == ("a", 107, 115, "COERCE")


def test_scoring_counts_precision_baseline_and_unlabelled():
    s1 = "Troops shelled the town on Monday."
    s2 = "The band released its album."
    kept = _event("a", 0, s1, "shelled")
    noise = _event("a", 40, s2, "released", "RETREAT", held="trigger sense: release needs prisoners")
    new = _event("a", 80, "Rebels ambushed a convoy.", "ambushed")
    labels = [
        Label("a", "check", 7, 14, "ASSAULT", "", True, True, True),
        Label("a", "check", 49, 57, "RETREAT", "", False, False, False),
    ]
    rows = join_labels({"a": [kept, noise, new]}, labels, 0.0)
    result = EvalResult(dataset="t")
    score_half(rows, "check", result)
    m = result.metrics
    assert m["check.kept.accuracy"] == 1.0  # the held event is not counted
    assert m["check.baseline.precision"] == 0.5  # everything kept: one of two labelled is real
    assert m["check.real.recall"] == 1.0
    assert m["check.labelled_share"] == 0.5  # the new event has no label
    assert m["check.by_type.ASSAULT.precision"] == 1.0
    assert "check.by_type.RETREAT.precision" not in m  # held: not counted
    # the baseline keeps everything, held events included
    assert m["check.baseline.by_type.ASSAULT.precision"] == 1.0
    assert m["check.baseline.by_type.RETREAT.precision"] == 0.0
    assert result.support["check.baseline.by_type.RETREAT.precision"] == 1
    assert result.support["check.by_type.ASSAULT.precision"] == 1


def test_actor_accuracy_only_while_the_actor_is_unchanged():
    s = "Troops shelled the town on Monday."
    ev = _event("a", 0, s, "shelled", actor=(Entity(text="Troops"),))
    right = [Label("a", "tune", 7, 14, "ASSAULT", "Troops", True, True, True)]
    changed = [Label("a", "tune", 7, 14, "ASSAULT", "Rebels", True, True, False)]
    for labels, support in ((right, 1), (changed, 0)):
        result = EvalResult(dataset="t")
        score_half(join_labels({"a": [ev]}, labels, 0.0), "tune", result)
        assert result.support["tune.actor.accuracy"] == support


def test_stream_ids(shared_dir):
    from whimbrel.evaluate.stream import lgl_articles

    first = next(lgl_articles(shared_dir))
    assert first.id.startswith("lgl:") and first.text
