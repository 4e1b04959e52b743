"""Issue 9, part 3: several parties or clauses in a sentence, headlines, part-of-day dates.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.extract import build_pipeline, extract
from whimbrel.records import Article
from whimbrel.stages.clean import with_title
from whimbrel.stages.dates import event_date
from whimbrel.stages.headlines import reparse_headlines, sentence_case

PUB = "2025-06-14"  # a Saturday


@pytest.fixture(scope="module")
def pipe(nlp):
    return build_pipeline(nlp=nlp)


def _events(pipe, text: str, published: str = PUB, **kw):
    return extract(text, published=published, pipeline=pipe, **kw)


def _pairs(events, etype: str) -> set[tuple[frozenset, frozenset]]:
    return {(frozenset(a.code for a in e.actor if a.code), frozenset(r.code for r in e.recipient if r.code))
            for e in events if e.event_type == etype}


# --------------------------------------------------------------------------- reciprocal acts


@pytest.mark.parametrize("sentence,one,other", [
    ("Thai and Cambodian soldiers exchanged fire near a disputed temple on Thursday.", "THA", "KHM"),
    ("Serbian and Albanian police units are trading shots along the boundary line.", "SRB", "ALB"),
])
def test_exchange_of_fire_is_both_ways(pipe, sentence, one, other):
    pairs = _pairs(_events(pipe, sentence), "ASSAULT")
    assert pairs == {(frozenset({one}), frozenset({other})), (frozenset({other}), frozenset({one}))}


def test_traded_accusations_are_two_accuse_events(pipe):
    events = _events(pipe, "Ethiopia and Eritrea traded accusations over the border raid.")
    assert _pairs(events, "ACCUSE") == {(frozenset({"ETH"}), frozenset({"ERI"})),
                                         (frozenset({"ERI"}), frozenset({"ETH"}))}
    assert not [e for e in events if e.event_type == "COOPERATE"]  # "traded" is no trade deal here


def test_each_other_splits_a_conjoined_subject(pipe):
    events = _events(pipe, "Sudanese and Chadian troops clashed with each other near the frontier.")
    pairs = _pairs(events, "ASSAULT")
    assert (frozenset({"SDN"}), frozenset({"TCD"})) in pairs
    assert (frozenset({"TCD"}), frozenset({"SDN"})) in pairs
    assert len({e.id for e in events}) == len(events)  # the two sides have their own ids


def test_a_named_target_is_not_made_reciprocal(pipe):
    events = _events(pipe, "French and Malian troops attacked a jihadist camp near Menaka.")
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    assert len(assaults) == 1
    assert {a.code for a in assaults[0].actor} >= {"FRA", "MLI"}
    assert not {r.code for r in assaults[0].recipient} & {"FRA"}


# --------------------------------------------------------------------------- independent clauses


def test_clause_with_its_own_subject_is_its_own_event(pipe):
    events = _events(pipe, "Insurgents burned a school in the valley while the army pushed its offensive "
                           "toward the hills.")
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    actors = [{a.text.lower() for a in e.actor} for e in assaults]
    assert {"army"} in actors
    assert not any("army" in a and "insurgents" in a for a in actors)
    assert not [e for e in events if e.event_type == "REQUEST"]  # "pushed its offensive" asks nothing


def test_two_clauses_two_actors_stay_apart(pipe):
    events = _events(pipe, "Police detained six students in the square as soldiers shelled a hamlet further north.")
    by_type = {e.event_type: e for e in events}
    assert "COERCE" in by_type and "ASSAULT" in by_type
    assert {a.text.lower() for a in by_type["ASSAULT"].actor} == {"soldiers"}


# --------------------------------------------------------------------------- headlines


def test_sentence_case_keeps_names_and_length():
    line = "Rebels Capture Port Town Near Kismayo After Heavy Fighting"
    names = {"Kismayo"}
    copy = sentence_case(line, names, lambda w: w == "Somalia")
    assert len(copy) == len(line)
    assert copy == "Rebels capture port town near Kismayo after heavy fighting"
    assert sentence_case("Army Says It Repelled Attack: Militants Flee", set()) == "Army says it repelled attack: Militants flee"
    assert sentence_case("U.S. Envoy Meets Leaders", set()).startswith("U.S. envoy")


def test_headline_parse_finds_the_verb(nlp):
    doc = nlp("Gunmen Abduct Twenty Students From School In Katsina")
    reparse_headlines(nlp, doc, lambda w: False)
    verbs = [t.lemma_ for t in doc if t.pos_ == "VERB"]
    assert "abduct" in verbs
    assert doc.text == "Gunmen Abduct Twenty Students From School In Katsina"  # the text is untouched


def test_headline_line_gives_an_event_with_its_claim(pipe):
    text = ("Army Says It Shot Down 7 Armed Drones Over The Capital\n\n"
            "The drones were launched before dawn, a spokesman told reporters.")
    events = _events(pipe, text)
    downed = [e for e in events if e.mentions and e.mentions[0].start == 0]
    assert downed, [(e.event_type, e.trigger) for e in events]
    ev = downed[0]
    assert ev.acled.sub_event_type == "Disrupted weapons use"
    assert any(c.claimant is not None and "army" in c.claimant.text.lower() for c in ev.claims)


def test_title_field_is_appended_once():
    body = "Troops opened fire on a crowd in the northern town on Friday."
    assert with_title("Soldiers Fire On Crowd In Northern Town", body).endswith("\n\nSoldiers Fire On Crowd In Northern Town")
    assert with_title("Soldiers fire on crowd - Example News", body).endswith("\n\nSoldiers fire on crowd")
    opening = "Soldiers Fire On Crowd\n\n" + body
    assert with_title("Soldiers Fire On Crowd", opening) == opening  # already the first line
    assert with_title(None, body) == body
    assert with_title("Update", body) == body  # too short to be a headline


def test_title_field_gives_events(pipe, nlp):
    from whimbrel.extract import extract_many

    art = Article(id="t1", text="Residents described a night of panic.", title="Gunmen Kill Four Farmers In Plateau State",
                  published=PUB)
    [(_, events)] = list(extract_many([art], pipeline=pipe))
    assert any(e.event_type == "ASSAULT" for e in events)
    first = min(e.mentions[0].start for e in events)
    assert first > len("Residents described a night of panic.")  # the body keeps its offsets


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize("sentence,trigger,value", [
    ("Drones struck an oil depot overnight on Thursday.", "struck", "2025-06-12"),
    ("Gunmen raided the village on June 10 overnight, residents said.", "raided", "2025-06-10"),
    ("Troops stormed the camp on Wednesday at dawn.", "stormed", "2025-06-11"),
    ("Rockets hit the port on Tuesday in the evening.", "hit", "2025-06-10"),
    ("Shells landed on the market overnight.", "landed", "2025-06-13"),  # no day named: the night before
])
def test_part_of_day_keeps_the_named_day(nlp, sentence, trigger, value):
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == trigger)
    ref = event_date(tok, dt.date(2025, 6, 14))
    assert ref is not None and ref.value == value
