"""Tune/check halves and do-nothing baselines of the PLOVER, WikiEvents and GVC scorers (issue 9, part 4).

Hand-built gold and predictions: no model, no gold files.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from whimbrel.evaluate.base import EvalResult
from whimbrel.evaluate.gvc import _baselines, _score_halves
from whimbrel.evaluate.halves import constant_accuracy, copy_prefixed, half_of, majority
from whimbrel.evaluate.plover import GoldActor, GoldSentence, add_halves as plover_halves
from whimbrel.evaluate.wikievents import GoldDoc, add_halves as wiki_halves
from whimbrel.records import Entity, Event


def _ev(event_type: str, actor_code: str | None = None, trigger: str = "hit") -> Event:
    actor = (Entity(text="X", code=actor_code),) if actor_code else ()
    return Event(id=f"ev:{event_type}", article_id="a", event_type=event_type, trigger=trigger, actor=actor)


def test_half_of_is_fixed_and_splits_both_ways():
    keys = [f"doc-{i}" for i in range(200)]
    first = [half_of(k) for k in keys]
    assert first == [half_of(k) for k in keys]  # no state, no order dependence
    assert 60 < first.count("tune") < 140
    assert half_of("doc-1", seed="other") in ("tune", "check")


def test_majority_and_constant_accuracy():
    assert majority(["A", "B", "A"]) == "A"
    assert majority([]) is None
    assert constant_accuracy(["A", "B", "A", "C"], "A") == 0.5
    assert constant_accuracy([], "A") == 0.0


def test_copy_prefixed_keeps_support():
    into, part = EvalResult(dataset="x"), EvalResult(dataset="x")
    part.metrics.update({"a.f1": 0.5, "b.f1": 0.25})
    part.support["a.f1"] = 7
    copy_prefixed(into, part, "check", ["a.f1", "missing"])
    assert into.metrics == {"check.a.f1": 0.5}
    assert into.support == {"check.a.f1": 7}


def _sentence(i: int, etype: str, code: str) -> GoldSentence:
    return GoldSentence(id=f"s{i}", text="Troops hit the depot.", date=None, event_type=etype, mode=None,
                        source=(GoldActor("Troops", code, "MIL"),), target=(), trigger_words=frozenset({"hit"}),
                        size=None, location_name=None, location_country=None)


def test_plover_halves_and_majority_baseline():
    golds = [_sentence(i, "ASSAULT" if i % 3 else "PROTEST", "USA" if i % 2 else "RUS") for i in range(40)]
    preds = {g.id: [_ev("ASSAULT", "USA")] for g in golds}
    res = EvalResult(dataset="plover-gsr")
    plover_halves(res, golds, preds)
    for half in ("tune", "check"):
        part = [g for g in golds if half_of(g.id) == half]
        right = sum(1 for g in part if g.event_type == "ASSAULT") / len(part)
        assert res.metrics[f"{half}.event_type.accuracy"] == pytest.approx(right)
        assert res.support[f"{half}.event_type.accuracy"] == len(part)
        # the majority type of the tune half is ASSAULT: the baseline scores like the constant guess
        assert res.metrics[f"baseline.majority.{half}.event_type.accuracy"] == pytest.approx(right)
        assert f"baseline.majority.{half}.actor.country.f1" in res.metrics
    assert res.details["split"]["majority"]["event_type"] == "ASSAULT"
    assert res.details["split"]["tune_sentences"] + res.details["split"]["check_sentences"] == 40


def _wiki_doc(doc_id: str) -> GoldDoc:
    s0, s1 = "Gunmen stormed a police post.", "Ministers met later."
    text = s0 + "\n\n" + s1
    doc = GoldDoc(id=doc_id, text=text, sentences=[(0, len(s0)), (len(s0) + 2, len(text))])
    doc.events = [{"type": "Conflict.Attack.Unspecified", "sent": 0, "start": 7, "end": 14, "trigger": "stormed",
                   "args": []}]
    return doc


def test_wikievents_halves_and_majority_trigger_baseline():
    docs = [_wiki_doc(f"d{i}") for i in range(12)]
    res = EvalResult(dataset="wikievents")
    wiki_halves(res, docs, {}, lambda kairos: "ASSAULT" if kairos.startswith("Conflict") else None)
    for half in ("tune", "check"):
        n = sum(1 for d in docs if half_of(d.id) == half)
        assert res.metrics[f"{half}.trigger.f1"] == 0.0  # nothing predicted
        # one guess per sentence: half the guesses land on the gold sentence, every gold unit found
        assert res.metrics[f"baseline.majority.{half}.trigger.precision"] == pytest.approx(0.5)
        assert res.metrics[f"baseline.majority.{half}.trigger.recall"] == pytest.approx(1.0)
        assert res.support[f"baseline.majority.{half}.trigger.f1"] == n
    assert res.details["split"]["majority_type"] == "ASSAULT"


def test_gvc_baselines_and_halves_by_incident():
    one: dict[str, list[float]] = defaultdict(list)
    _baselines(one, {"killed": 1, "injured": 0})
    _baselines(one, {"killed": 2, "injured": 3})
    assert one["baseline.always_1_killed.exact"] == [1.0, 0.0]
    assert one["baseline.always_0_injured.exact"] == [1.0, 0.0]
    gold_of = {f"a{i}": f"inc{i // 2}" for i in range(20)}  # two articles per incident
    gold: dict[str, list[str]] = defaultdict(list)
    for a, inc in gold_of.items():
        gold[inc].append(a)
    pred = {f"ev{inc}": list(aids) for inc, aids in gold.items()}  # a perfect clustering
    res = EvalResult(dataset="gvc")
    _score_halves(res, pred, dict(gold), gold_of)
    for half in ("tune", "check"):
        if res.support[f"{half}.bcubed.f1"]:
            assert res.metrics[f"{half}.bcubed.f1"] == pytest.approx(1.0)
            # one event per article: precision 1, recall 1/2
            assert res.metrics[f"baseline.{half}.singletons.bcubed.f1"] == pytest.approx(2 / 3)
    assert res.support["tune.bcubed.f1"] + res.support["check.bcubed.f1"] == 20
    split = res.details["split"]
    assert split["by"] == "incident" and split["tune_incidents"] + split["check_incidents"] == 10


def test_generic_halves_and_majority_event_baseline():
    from whimbrel.evaluate.generic import GoldArticle, GoldEvent, add_halves as generic_halves

    golds = [GoldArticle(id=f"g{i}", text="Police detained nine men.", published=None,
                         events=(GoldEvent("COERCE"), GoldEvent("PROTEST")) if i % 2 else (GoldEvent("COERCE"),))
             for i in range(16)]
    preds = {g.id: [_ev("COERCE")] for g in golds}
    res = EvalResult(dataset="demo")
    generic_halves(res, golds, preds)
    assert res.details["split"]["majority_type"] == "COERCE"
    for half in ("tune", "check"):
        part = [g for g in golds if half_of(g.id) == half]
        n_gold = sum(len(g.events) for g in part)
        # the baseline guesses COERCE once per article: every guess right, one gold event found per article
        assert res.metrics[f"baseline.majority.{half}.event.precision"] == pytest.approx(1.0)
        assert res.metrics[f"baseline.majority.{half}.event.recall"] == pytest.approx(len(part) / n_gold)
        assert res.metrics[f"{half}.event.f1"] == pytest.approx(res.metrics[f"baseline.majority.{half}.event.f1"])


def test_article_html_halves_with_all_text_baseline():
    from whimbrel.evaluate.main_text import _halves

    rows = [(f"page{i}", 0.9, 0.9, 0.9, "gold", "pred", 0.4) for i in range(30)]
    res = EvalResult(dataset="article_html")
    _halves(res, rows)
    assert res.metrics["check.text.f1"] == pytest.approx(0.9)
    assert res.metrics["baseline.tune.all_text.f1"] == pytest.approx(0.4)
    assert res.support["tune.text.f1"] + res.support["check.text.f1"] == 30
