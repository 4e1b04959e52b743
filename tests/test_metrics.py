"""Scoring helpers and dataset scorers on hand-built events (no model, no gold files)."""

from __future__ import annotations

import math

import pytest

from whimbrel.evaluate.generic import GoldArticle, GoldEvent, claimant_matches, pair_events, score_generic
from whimbrel.evaluate.metrics import (
    PRF,
    Confusion,
    NumberScore,
    bcubed,
    f1,
    head_word,
    overlaps,
    pairwise,
    prf_sets,
    token_f1,
)
from whimbrel.evaluate.plover import GoldActor, GoldSentence, choose_event, score_plover
from whimbrel.evaluate.wikievents import GoldDoc, Mention, score_wikievents
from whimbrel.records import Claim, Count, DateRef, Entity, Event, Place, Size, Span


def ev(event_type: str, *, conf: float = 0.5, trigger: str | None = None, actor=(), recipient=(), mode=None,
       size: Size = Size(), location: Place | None = None, mentions=(), date=None, claims=()) -> Event:
    return Event(
        id=f"ev:{event_type}:{conf}", article_id="a", event_type=event_type, confidence=conf, trigger=trigger,
        actor=tuple(actor), recipient=tuple(recipient), mode=mode, size=size, location=location,
        mentions=tuple(mentions), date=date, claims=tuple(claims),
    )


# --------------------------------------------------------------------------- P/R/F1


@pytest.mark.parametrize(
    "pred, gold, p, r",
    [
        ({1, 2}, {1, 2}, 1.0, 1.0),
        ({1, 2, 3, 4}, {1, 2}, 0.5, 1.0),
        ({1}, {1, 2, 3, 4}, 1.0, 0.25),
        (set(), {1}, 0.0, 0.0),
        ({1}, set(), 0.0, 0.0),
        (set(), set(), 0.0, 0.0),
    ],
)
def test_prf_sets(pred, gold, p, r):
    s = prf_sets(pred, gold)
    assert s.precision == pytest.approx(p)
    assert s.recall == pytest.approx(r)
    assert s.f1 == pytest.approx(f1(p, r))


def test_prf_micro_accumulates_and_writes_support():
    s = PRF()
    s.add_sets({"a"}, {"a", "b"})
    s.add_sets({"c", "d"}, {"c"})
    assert (s.tp_pred, s.n_pred, s.tp_gold, s.n_gold) == (2, 3, 2, 3)
    metrics, support = {}, {}
    s.into(metrics, support, "x")
    assert metrics["x.f1"] == pytest.approx(2 / 3)
    assert support["x.f1"] == 3


def test_f1_zero_when_both_zero():
    assert f1(0.0, 0.0) == 0.0
    assert f1(1.0, 0.5) == pytest.approx(2 / 3)


# --------------------------------------------------------------------------- confusion


def test_confusion_accuracy_macro_and_matrix():
    c = Confusion()
    for gold, pred in [("A", "A"), ("A", "B"), ("B", "B"), ("B", None), ("C", "A")]:
        c.add(gold, pred)
    assert c.total == 5
    assert c.accuracy == pytest.approx(2 / 5)
    per = c.per_label()
    # A: predicted twice (1 right), gold twice (1 right) -> P=R=F1=0.5
    assert per["A"].f1 == pytest.approx(0.5)
    # B: predicted twice (1 right), gold twice (1 right; the other had no prediction)
    assert per["B"].f1 == pytest.approx(0.5)
    assert per["C"].f1 == 0.0
    assert c.macro_f1 == pytest.approx((0.5 + 0.5 + 0.0) / 3)
    m = c.matrix()
    assert m["B"] == {"B": 1, "NONE": 1}
    assert m["C"] == {"A": 1}


def test_confusion_empty():
    assert Confusion().accuracy == 0.0
    assert Confusion().macro_f1 == 0.0


def test_number_score_exact_and_mae_skip_missing():
    n = NumberScore()
    n.add(3, 3)
    n.add(10, 7)
    n.add(5, None)
    assert n.exact_rate == pytest.approx(1 / 3)
    assert n.mae == pytest.approx(1.5)
    assert n.missing == 1


@pytest.mark.parametrize(
    "a, b, expected",
    [((0, 5), (5, 9), False), ((0, 5), (4, 9), True), ((3, 4), (0, 10), True), ((0, 0), (0, 3), False)],
)
def test_overlaps(a, b, expected):
    assert overlaps(*a, *b) is expected


def test_token_f1_and_head_word():
    assert token_f1("the Syrian army", "Syrian army") == pytest.approx(0.8)
    assert token_f1("", "x") == 0.0
    assert head_word("Major General Vyacheslav Gladkikh,") == "gladkikh"
    assert head_word("...") == ""


# --------------------------------------------------------------------------- clusters


def test_bcubed_perfect_and_all_in_one():
    gold = [[1, 2], [3]]
    assert bcubed(gold, gold).f1 == pytest.approx(1.0)
    lumped = bcubed([[1, 2, 3]], gold)
    # item 1: P=2/3 R=1; item 2: same; item 3: P=1/3 R=1
    assert lumped.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert lumped.recall == pytest.approx(1.0)


def test_bcubed_singletons_and_missing_items():
    gold = [["a", "b"], ["c"]]
    split = bcubed([["a"], ["b"], ["c"]], gold)
    assert split.precision == pytest.approx(1.0)
    assert split.recall == pytest.approx((0.5 + 0.5 + 1) / 3)
    # items absent from the prediction count as singletons there
    assert bcubed([["a"]], gold).recall == pytest.approx(split.recall)
    assert bcubed([], []).f1 == 0.0


def test_bcubed_rejects_item_in_two_clusters():
    with pytest.raises(ValueError):
        bcubed([[1, 2], [2, 3]], [[1, 2, 3]])


def test_pairwise():
    gold = [[1, 2, 3], [4]]
    s = pairwise([[1, 2], [3, 4]], gold)
    # predicted pairs {1,2},{3,4}; gold pairs {1,2},{1,3},{2,3}
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(1 / 3)
    assert pairwise([[1], [2]], [[1], [2]]).f1 == 0.0


# --------------------------------------------------------------------------- PLOVER scorer


def _gold(id_: str, text: str, etype: str, *, source=(), target=(), mode=None, size=None, trig=("struck",)) -> GoldSentence:
    return GoldSentence(
        id=id_, text=text, date="2000-01-01", event_type=etype, mode=mode, source=tuple(source), target=tuple(target),
        trigger_words=frozenset(trig), size=size, location_name=None, location_country=None,
    )


def test_choose_event_prefers_trigger_overlap_then_confidence():
    said = ev("CONSULT", conf=0.9, trigger="said")
    struck = ev("ASSAULT", conf=0.4, trigger="struck")
    assert choose_event([said, struck], frozenset({"struck"})) is struck
    assert choose_event([said, struck], frozenset({"nothing"})) is said
    assert choose_event([], frozenset({"x"})) is None


def test_score_plover_hand_built():
    text = "Israeli jets struck Gaza, killing 5."
    golds = [
        _gold("s1", text, "ASSAULT", source=[GoldActor("Israeli", "ISR", "MIL")], target=[GoldActor("Gaza", "PSE", None)],
              mode="aerial", size=5),
        _gold("s2", "Protesters marched.", "PROTEST", trig=("marched",)),
    ]
    good = ev("ASSAULT", trigger="struck", mode="aerial",
              actor=[Entity(text="Israeli", code="ISR", sector="MIL", start=0, end=7)],
              recipient=[Entity(text="Gaza", code="PSE")],
              size=Size(dead=Count(best=5)))
    res = score_plover(golds, {"s1": [good]})  # s2 has no prediction
    m = res.metrics
    assert m["event.detection.recall"] == 0.5
    assert m["event_type.accuracy"] == 0.5
    assert m["event_type.macro_f1"] == pytest.approx(0.5)
    assert m["mode.accuracy"] == 1.0
    assert m["actor.country.f1"] == 1.0
    assert m["actor_recipient.country.f1"] == 1.0
    assert m["actor.sector.f1"] == 1.0
    assert m["actor.span.f1"] == 1.0
    assert m["size.dead.exact"] == 1.0
    assert res.details["confusion"]["PROTEST"] == {"NONE": 1}
    assert [e["field"] for e in res.errors] == ["event_type"]
    assert res.errors[0]["sentence"] == "Protesters marched."


def test_score_plover_wrong_codes_count_both_ways():
    golds = [_gold("s1", "X attacked Y.", "ASSAULT", source=[GoldActor("X", "USA", "GOV")], target=[GoldActor("Y", "IRQ", None)])]
    wrong = ev("ASSAULT", trigger="attacked", actor=[Entity(text="Y", code="IRQ")], recipient=[Entity(text="X", code="USA")])
    m = score_plover(golds, {"s1": [wrong]}).metrics
    assert m["actor.country.f1"] == 0.0
    assert m["actor_recipient.country.f1"] == 0.0  # roles matter in the combined score


# --------------------------------------------------------------------------- WikiEvents scorer


def _mapper(kairos: str):
    table = {"Conflict.Attack.Unspecified": ("ASSAULT", None), "Life.Die.Unspecified": ("ASSAULT", None),
             "Contact.Contact.Meet": ("CONSULT", None)}
    return table.get(kairos)


def _wiki_doc() -> GoldDoc:
    s0 = "Gunmen attacked a market in Kano, killing 4 traders."
    s1 = "Officials met on Friday."
    text = s0 + "\n\n" + s1
    doc = GoldDoc(id="d1", text=text, sentences=[(0, len(s0)), (len(s0) + 2, len(text))])
    for mid, word in (("T1", "Gunmen"), ("T2", "Kano"), ("T3", "traders"), ("T4", "Officials")):
        at = text.index(word)
        doc.mentions[mid] = Mention(mid, at, at + len(word), word)
    doc.events = [
        {"type": "Conflict.Attack.Unspecified", "sent": 0, "start": 7, "end": 15, "trigger": "attacked",
         "args": [("Attacker", "T1"), ("Place", "T2")]},
        {"type": "Life.Die.Unspecified", "sent": 0, "start": 34, "end": 41, "trigger": "killing",
         "args": [("Victim", "T3"), ("Place", "T2")]},
        {"type": "Contact.Contact.Meet", "sent": 1, "start": 0, "end": 0, "trigger": "met", "args": [("Participant", "T4")]},
        {"type": "Movement.Transportation.Unspecified", "sent": 1, "start": 0, "end": 0, "trigger": "x", "args": []},
    ]
    return doc


def test_score_wikievents_triggers_and_arguments():
    doc = _wiki_doc()
    s0 = doc.text[: doc.sentences[0][1]]
    attack = ev(
        "ASSAULT", trigger="attacked", mentions=[Span(sentence=0, start=0, end=len(s0), text=s0)],
        actor=[Entity(text="Gunmen", start=0, end=6)],
        recipient=[Entity(text="market")],  # not a gold argument
        location=Place(text="Kano"),
    )
    stray = ev("PROTEST", trigger="x", mentions=[Span(sentence=1, start=doc.sentences[1][0], end=doc.sentences[1][1], text=doc.text[doc.sentences[1][0]:])])
    wrong = ev("ASSAULT", conf=0.1, mentions=[Span(sentence=1, start=doc.sentences[1][0], end=doc.sentences[1][1], text=doc.text[doc.sentences[1][0]:])])
    res = score_wikievents([doc], {"d1": [attack, stray, wrong]}, _mapper)
    m = res.metrics
    # gold units: (0, ASSAULT) [attack+die merged], (1, CONSULT); PROTEST is outside the mapped types
    assert res.support["trigger.f1"] == 2
    assert m["trigger.precision"] == pytest.approx(0.5)
    assert m["trigger.recall"] == pytest.approx(0.5)
    assert m["trigger.attack_die_injure.recall"] == 1.0
    assert m["trigger.attack_die_injure.precision"] == pytest.approx(0.5)
    assert m["argument.actor.f1"] == 1.0
    assert m["argument.place.f1"] == 1.0
    assert m["argument.target.precision"] == 0.0
    assert m["argument.target.recall"] == 0.0
    kinds = {(e["kind"], e["field"]) for e in res.errors}
    assert ("miss", "trigger") in kinds and ("false_positive", "trigger") in kinds
    assert ("miss", "argument.target") in kinds


def test_wikievents_argument_matches_through_coreference():
    doc = _wiki_doc()
    doc.text = doc.text  # unchanged
    at = doc.text.index("market")
    doc.mentions["T5"] = Mention("T5", at, at + 6, "market")
    doc.clusters = {"T3": ("T3", "T5"), "T5": ("T3", "T5")}
    s0 = doc.text[: doc.sentences[0][1]]
    attack = ev("ASSAULT", mentions=[Span(sentence=0, start=0, end=len(s0), text=s0)], recipient=[Entity(text="market")])
    m = score_wikievents([doc], {"d1": [attack]}, _mapper).metrics
    assert m["argument.target.f1"] == 1.0


# --------------------------------------------------------------------------- generic scorer


def test_generic_pairs_by_type_and_scores_fields():
    gold = GoldArticle("a", "text", "2024-01-02", (
        GoldEvent("ASSAULT", mode="aerial", actor_codes=frozenset({"RUS"}), date="2024-01-01", date_precision="day",
                  location_country="UA", dead=3, injured=10, claimant="the air force", hedged=False),
        GoldEvent("PROTEST"),
    ))
    pred = ev("ASSAULT", mode="aerial", actor=[Entity(text="Russia", code="RUS")],
              date=DateRef(value="2024-01-01", precision="day"), location=Place(text="Kyiv", country_code="UA"),
              size=Size(dead=Count(best=3), injured=Count(best=8)),
              claims=[Claim(claimant=Entity(text="Ukraine's air force"), text="said", hedged=False)])
    extra = ev("COERCE")
    res = score_generic([gold], {"a": [pred, extra]})
    m = res.metrics
    assert m["event.precision"] == 0.5 and m["event.recall"] == 0.5
    assert m["mode.accuracy"] == 1.0
    assert m["actor.country.f1"] == 1.0
    assert m["date.exact"] == 1.0 and m["date.precision.accuracy"] == 1.0
    assert m["location.country.accuracy"] == 1.0
    assert m["dead.exact"] == 1.0
    assert m["injured.exact"] == 0.0 and m["injured.mae"] == 2.0
    assert m["claimant.accuracy"] == 1.0 and m["hedged.accuracy"] == 1.0
    fields = sorted(e["field"] for e in res.errors)
    assert fields == ["event", "event", "injured"]


def test_pair_events_is_one_to_one():
    golds = (GoldEvent("ASSAULT", dead=1), GoldEvent("ASSAULT", dead=2))
    p1 = ev("ASSAULT", conf=0.3, size=Size(dead=Count(best=2)))
    pairs = pair_events(golds, [p1])
    assert len(pairs) == 1 and pairs[0][0].dead == 2


@pytest.mark.parametrize("claimant, ok", [("the army", True), ("police", False)])
def test_claimant_matches(claimant, ok):
    claims = (Claim(claimant=Entity(text="the Syrian army"), text="said"),)
    assert claimant_matches(claimant, claims) is ok
    assert not math.isnan(token_f1(claimant, "x"))
