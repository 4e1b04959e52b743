"""The ACLED layer: constructions we wrote → ACLED sub-event types, and the rule table's pieces.

Every sentence here is ours (no gold or sample text).  The table runs the real extractor,
so it checks cue reading from the parse, the codebook's rules and the merge together.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from whimbrel import codebook as cb
from whimbrel.codebook.acled_rules import CUE_PHRASES, RULES, acled_coding, disorder_type, interaction
from whimbrel.evaluate.acled_dev import keyword_label, predicted_label, score_acled_dev, weighted_f1, GoldSentence
from whimbrel.evaluate.metrics import Confusion
from whimbrel.stages.acled_cues import cues_in_tokens

REPO = Path(__file__).resolve().parents[1]

CONSTRUCTIONS = [
    ("Anti-aircraft units downed six attack drones above the port city overnight, the army said.", "Disrupted weapons use"),
    ("Sappers defused a landmine buried beside the school road on Tuesday.", "Disrupted weapons use"),
    ("Customs officers seized a truckload of rifles and ammunition at the border post.", "Disrupted weapons use"),
    ("Doctors said a rocket carrying chlorine landed on the clinic, leaving nine people gasping.", "Chemical weapon"),
    ("Police opened fire on a peaceful march by nurses in the capital, killing two of them.", "Excessive force against protesters"),
    ("Police fired tear gas to scatter a crowd of traders protesting against new taxes.", "Protest with intervention"),
    ("Protesters hurled rocks at the police and torched a bank during the march on Friday.", "Violent demonstration"),
    ("A mob lynched a man accused of stealing goats in the market town.", "Mob violence"),
    ("Attackers hurled a grenade into a crowded cafe in the old town, wounding six people.", "Grenade"),
    ("Insurgents shelled the army garrison with mortars overnight, officials said.", "Shelling/artillery/missile attack"),
    ("Warplanes bombed a fuel depot on the edge of the city, the monitor said.", "Air/drone strike"),
    ("A suicide bomber blew himself up outside the police academy gate.", "Suicide bomb"),
    ("A roadside bomb struck a convoy of soldiers near the river crossing.", "Remote explosive/landmine/IED"),
    ("Government troops recaptured the hill town from the rebels after a week of fighting.", "Government regains territory"),
    ("Rebel fighters captured the district capital after a night of heavy fighting.", "Non-state actor overtakes territory"),
    ("The militia set up a base in the hills above the lake, residents said.", "Headquarters or base established"),
    ("Gunmen kidnapped two engineers working at the dam, police said.", "Abduction/forced disappearance"),
    ("Soldiers and rebels fought a gunbattle for three hours outside the town.", "Armed clash"),
    ("Thousands of farmers marched peacefully through the capital to demand higher crop prices.", "Peaceful protest"),
    ("Police arrested seven opposition organisers at a party office in the north.", "Arrests"),
]


@pytest.fixture(scope="module")
def extracted():
    """Every event of each construction, held ones included: these tests are about the ACLED
    layer, not the screen (which holds e.g. a defusal whose actor it does not know)."""
    from whimbrel import extract_many
    from whimbrel.records import Article
    from whimbrel.settings import load

    arts = [Article(id=str(i), text=t) for i, (t, _) in enumerate(CONSTRUCTIONS)]
    return {a.id: ev for a, ev in extract_many(arts, load({"all_events": True}))}


@pytest.mark.parametrize("idx", range(len(CONSTRUCTIONS)), ids=[c[1] for c in CONSTRUCTIONS])
def test_construction_gets_acled_sub_type(extracted, idx):
    text, want = CONSTRUCTIONS[idx]
    label = predicted_label(extracted[str(idx)])
    assert label is not None, f"untyped: {text}"
    assert label[1] == want, f"{text!r}: got {label}, want {want}"
    best = [e for e in extracted[str(idx)] if e.acled.sub_event_type == want]
    assert best and best[0].acled.rule, "the deciding rule is recorded"
    assert best[0].acled.disorder_type


def test_intercept_is_attributed_to_whoever_claims_it(extracted):
    events = extracted["0"]
    dw = [e for e in events if e.acled.sub_event_type == "Disrupted weapons use"]
    assert any(e.acled.inter1 == 1 for e in dw), [(e.actor, e.acled) for e in dw]


def test_rule_ids_are_unique_and_results_are_acled_pairs():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        assert r.definition and r.when and r.types


def test_coding_without_cues_falls_back_on_the_table():
    got = acled_coding("PROTEST", "demo")
    assert (got.event_type, got.sub_event_type, got.rule) == ("Protests", "Peaceful protest", "table")
    assert got.inter1 == 6 and got.interaction == "60"
    pi = acled_coding("COERCE", None, cues=["protest", "intervention"], actor_sectors=["COP"])
    assert pi.sub_event_type == "Protest with intervention" and pi.interaction == "16"
    assert acled_coding("CONSULT").event_type is None


def test_cues_decide_over_the_mode():
    got = acled_coding("ASSAULT", "explosives", cues=["grenade", "explosive"])
    assert got.sub_event_type == "Grenade" and got.rule == "grenade"
    got = acled_coding("ASSAULT", "heavy-weapons", cues=["disrupted", "shelling"], actor_sectors=["MIL"])
    assert got.sub_event_type == "Disrupted weapons use" and got.inter1 == 1
    got = acled_coding("ASSAULT", None, cues=["took"], actor_sectors=["REB"], recipient_sectors=["MIL"])
    assert got.sub_event_type == "Non-state actor overtakes territory" and got.interaction == "12"
    got = acled_coding("ASSAULT", "firearms", cues=["protest", "lethal"], actor_sectors=["COP"])
    assert got.sub_event_type == "Excessive force against protesters"
    assert got.disorder_type == "Political violence; Demonstrations" and got.interaction == "16"


def test_disorder_and_interaction():
    assert disorder_type("Riots", "Violent demonstration") == "Demonstrations"
    assert disorder_type("Battles", "Armed clash") == "Political violence"
    assert disorder_type(None, None) is None
    assert interaction(7, 1) == "17" and interaction(2, 0) == "20" and interaction(0, 0) == ""


class _Tok:
    def __init__(self, word: str, lemma: str | None = None):
        self.lower_ = word.lower()
        self.lemma_ = lemma or word.lower()


def _toks(text: str) -> list[_Tok]:
    return [_Tok(w) for w in text.split()]


def test_cue_phrases_with_gaps_and_alternatives():
    assert "base" in cues_in_tokens(_toks("they set up a new forward base"))
    assert "base" not in cues_in_tokens(_toks("they set up a committee to study the old naval base"))
    assert "intervention" in cues_in_tokens(_toks("police fired tear gas"))


def test_riot_police_is_no_riot():
    assert "violent" not in cues_in_tokens(_toks("riot police watched the march"))
    assert "violent" in cues_in_tokens(_toks("the march turned into a riot"))


def test_every_cue_name_is_known_to_the_rules():
    assert set(CUE_PHRASES) >= {"disrupted", "chemical", "protest", "violent", "intervention", "lethal", "mob"}


def test_docs_acled_is_current():
    path = REPO / "docs" / "acled.md"
    assert path.read_text(encoding="utf-8") == cb.render_acled_markdown(), (
        "docs/acled.md is stale; run: python -m whimbrel.codebook.acled_render > docs/acled.md"
    )


# --------------------------------------------------------------------------- the acled-dev scorer


def _g(i: str, half: str, et, st, text="x") -> GoldSentence:
    return GoldSentence(i, "own", i, text, half, et, st)


def test_weighted_f1_and_scores_with_baselines():
    conf = Confusion()
    conf.add("A", "A")
    conf.add("A", None)
    conf.add("B", "B")
    # A: P=1 R=.5 F=.667 (2 gold), B: F=1 (1 gold) -> (2*.667+1)/3
    assert abs(weighted_f1(conf) - (2 * (2 / 3) + 1) / 3) < 1e-9
    gold = [
        _g("1", "tune", "Protests", "Peaceful protest", "workers held a protest"),
        _g("2", "tune", "Protests", "Peaceful protest"),
        _g("3", "check", "Riots", "Mob violence", "a mob beat him"),
        _g("4", "check", None, None),
    ]
    pred = {"1": ("Protests", "Peaceful protest"), "2": None, "3": ("Riots", "Mob violence"), "4": ("Riots", "Mob violence")}
    res = score_acled_dev(gold, pred)
    assert res.metrics["tune.event_type.accuracy"] == 0.5
    assert res.metrics["tune.untyped_share"] == 0.5
    assert res.metrics["check.sub_event_type.weighted.f1"] == 1.0
    assert res.metrics["check.nonevent_typed_share"] == 1.0
    assert res.metrics["baseline.majority.check.event_type.accuracy"] == 0.0
    assert res.metrics["baseline.keywords.check.event_type.accuracy"] == 1.0
    assert {e["doc"] for e in res.errors} == {"2", "4"}


def test_keyword_baseline_first_match_wins():
    assert keyword_label("a suicide bomber struck the market") == ("Explosions/Remote violence", "Suicide bomb")
    assert keyword_label("the weather was fine") is None


def test_gold_files_are_references_not_text():
    folder = REPO / "whimbrel" / "evaluate" / "acled_gold"
    recs = [json.loads(line) for line in (folder / "recoded.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(recs) >= 400
    assert all("text" not in r and {"corpus", "doc", "start", "end", "sha1", "half"} <= set(r) for r in recs)
    own = [json.loads(line) for line in (folder / "own.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(own) >= 150
    docs_by_half: dict[tuple, set] = {}
    for r in recs:
        docs_by_half.setdefault((r["corpus"], r["doc"]), set()).add(r["half"])
    assert all(len(h) == 1 for h in docs_by_half.values()), "a document sits in one half only"


def test_agreements_and_accidents_outside_acled_are_not_coded():
    trade = acled_coding("AGREE", None, actor_sectors=["GOV"], recipient_sectors=["BUS"])
    assert trade.event_type is None and trade.rule == "not-conflict-agreement"
    truce = acled_coding("AGREE", None, actor_sectors=["GOV"], cues=["conflict_deal"])
    assert truce.sub_event_type == "Agreement"
    with_rebels = acled_coding("AGREE", None, actor_sectors=["REB"])
    assert with_rebels.sub_event_type == "Agreement"
    mishap = acled_coding("ASSAULT", "firearms", cues=["accident"])
    assert mishap.event_type is None and mishap.rule == "accident"
