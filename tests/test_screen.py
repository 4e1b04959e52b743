"""Issue 10: trigger senses, political actors, generic statements, relevance, confidence."""

from __future__ import annotations

import json

import pytest

from whimbrel.records import Entity, Event, Modality, Span
from whimbrel.stages import senses
from whimbrel.stages.confidence import Logistic, fit, load_models, reliability
from whimbrel.stages.generic import generic_statement
from tests.doctokens import token_in




@pytest.mark.parametrize(
    "sentence,word,etype,expected",
    [
        ("The band released a new album on Friday.", "released", "RETREAT", False),
        ("The rebels released three hostages on Friday.", "released", "RETREAT", True),
        ("He was released from prison last week.", "released", "RETREAT", True),
        ("The new sedan easily beat its rivals in our test.", "beat", "ASSAULT", False),
        ("Officers beat the protester with batons.", "beat", "ASSAULT", True),
        ("The singer died of cardiac arrest at home.", "arrest", "COERCE", False),
        ("The two countries struck a deal on fishing rights.", "struck", "ASSAULT", False),
        ("Residents fought the fire for hours.", "fought", "ASSAULT", False),
        ("The trade war hurt farmers in the region.", "war", "ASSAULT", False),
        ("The app lets you charge your phone faster.", "charge", "ACCUSE", False),
    ],
)
def test_trigger_sense_constraints(nlp, sentence, word, etype, expected):
    ok, why = senses.check_sense(token_in(nlp, sentence, word), etype, political=False, conflict_context=False)
    assert ok is expected
    assert (why != "") is (expected is False)


@pytest.mark.parametrize(
    "sentence,word,political,expected",
    [
        ("Our guide will help you plan a cheaper holiday.", "help", False, False),
        ("The ministry will provide food and medicine to the flood victims.", "provide", True, True),
        ("The company will provide a free trial to new users.", "provide", False, False),
    ],
)
def test_help_and_provide_need_a_political_donor_and_goods(nlp, sentence, word, political, expected):
    ok, _ = senses.check_sense(token_in(nlp, sentence, word), "AID", political=political, conflict_context=False)
    assert ok is expected


@pytest.mark.parametrize(
    "sentence,word,expected",
    [
        ("The law allows asylum seekers to stay until their hearing.", "stay", "rule statement"),
        ("Protesters must be allowed to march.", "march", "generic statement"),
        ("You can ask questions at the end.", "ask", "generic statement"),
        ("Police arrested two men on Tuesday.", "arrested", None),
        ("The army must withdraw from the town, the minister said.", "withdraw", None),
    ],
)
def test_generic_statements(nlp, sentence, word, expected):
    cue = generic_statement(token_in(nlp, sentence, word))
    if expected is None:
        assert cue is None
    else:
        assert cue is not None and cue.startswith(expected)


@pytest.mark.parametrize(
    "entity,expected",
    [
        (Entity(text="police", sector="COP"), True),
        (Entity(text="Russia", code="RUS", id="country:RUS"), True),
        (Entity(text="Kabul", code="AFG", id="place:1138958"), False),
        (Entity(text="you"), False),
        (Entity(text="the company", sector="BUS"), False),
        (Entity(text="Taylor Swift"), False),
    ],
)
def test_political_actor(entity, expected):
    assert senses.political_actor(entity) is expected


def test_semantic_classes(nlp):
    doc = nlp("Gunmen abducted three villagers and burned the mosque.")
    by = {t.text: senses.semantic_classes(t) for t in doc}
    assert "person" in by["villagers"]
    assert "facility" in by["mosque"]


def test_sense_table_is_well_formed():
    table = senses.rules()
    assert "release" in table and "beat" in table
    for lemma, rules in table.items():
        for rule in rules:
            assert rule.reason, lemma
            assert rule.object_missing in ("ok", "fail"), lemma


def test_logistic_fit_recovers_a_separable_signal():
    rows = [{"a": float(i % 2), "b": 0.5} for i in range(200)]
    labels = [i % 2 for i in range(200)]
    model = fit(rows, labels, l2=0.1)
    assert model.weights["a"] > 2
    assert model.score({"a": 1.0, "b": 0.5}) > 0.9 > 0.1 > model.score({"a": 0.0, "b": 0.5})


def test_reliability_bins():
    table = reliability([0.1, 0.15, 0.9, 0.95], [0, 1, 1, 1], bins=5)
    assert table[0][1] == 2 and table[0][3] == 0.5
    assert table[4][1] == 2 and table[4][3] == 1.0


def test_shipped_weights_load_and_explain():
    models = load_models()
    assert models.version
    assert 0.0 < models.relevance_threshold < 1.0
    assert models.event.weights, "the event model has fitted weights"
    parts = models.event.explain({"rel": 1.0, "asserted": 1.0})
    assert {name for name, _ in parts} <= {"rel", "asserted"}
    assert Logistic(0.0, {}).score({}) == 0.5


def _events(nlp_text: str, **settings):
    from whimbrel.extract import extract
    from whimbrel.settings import load

    return extract(nlp_text, published="2024-03-05", settings=load(settings or None))


def test_held_events_are_kept_as_data_with_all_events():
    text = "Join our mailing list for weekly recipes. Our guide will help you plan a cheaper holiday."
    counted = _events(text)
    everything = _events(text, all_events=True)
    assert all(e.held is None for e in counted)
    assert len(everything) >= len(counted)
    assert any(e.held for e in everything)


def test_violent_crime_stays_an_event():
    text = "A man was shot and killed outside a bar in Dayton on Saturday night, police said. Officers arrested a suspect on Sunday."
    events = _events(text, min_confidence=0.0)
    types = {e.event_type for e in events}
    assert "ASSAULT" in types and "COERCE" in types
    assert all(0.0 <= e.confidence <= 1.0 for e in events)


def test_min_confidence_filters():
    text = "Soldiers attacked the village on Monday, killing four civilians, the governor said."
    all_conf = _events(text, min_confidence=0.0)
    none_left = _events(text, min_confidence=1.0)
    assert all_conf and not none_left


def test_event_record_has_held_and_generic():
    ev = Event(id="ev:1", article_id="a", event_type="ASSAULT", modality=Modality.generic, held="generic statement",
               mentions=(Span(sentence=0, start=0, end=3, text="abc"),))
    data = ev.to_json()
    assert data["modality"] == "generic" and data["held"] == "generic statement"
    assert json.loads(json.dumps(data))["held"] == "generic statement"


def test_verbal_types_need_a_political_party_not_a_role_word():
    # "office" is a role word of the actor tables, but no party of the meeting is political
    private = _events("The couple met at the office of a friend last spring.", all_events=True)
    meeting = [e for e in private if e.event_type == "CONSULT"]
    assert meeting and all(e.held and "political actor" in e.held for e in meeting)
    # a sentence that names a country keeps a verbal event whose actor the parse missed
    state = _events("Turkey will allow refugees to return home as part of a deal signed on Monday.", all_events=True)
    assert any(e.event_type == "AGREE" and e.held is None for e in state)
    officials = _events("The Foreign Minister met his Iranian counterpart in Geneva on Monday.", all_events=True)
    assert any(e.event_type == "CONSULT" and e.held is None for e in officials)


def test_verbal_relevance_bar_is_at_least_the_article_bar():
    from whimbrel.evaluate.fit_confidence import Row, passes

    models = load_models()
    assert models.relevance_threshold <= models.verbal_threshold < 1.0
    verbal = Row("a", "tune", {"verbal_type": 1.0}, None, True, False)
    violent = Row("a", "tune", {"verbal_type": 0.0}, None, True, False)
    between = (models.relevance_threshold + models.verbal_threshold) / 2
    assert passes(violent, between, models.relevance_threshold, models.verbal_threshold)
    assert not passes(verbal, between, models.relevance_threshold, models.verbal_threshold)
    assert passes(verbal, models.verbal_threshold, models.relevance_threshold, models.verbal_threshold)


@pytest.mark.parametrize(
    "sentence,word,subject,main,local",
    [
        ("The ministry said troops withdrew from the town.", "withdrew", "troops", True, False),
        ("The county council approved the new budget.", "approved", "council", True, True),
        ("Officials hope to sign the agreement soon.", "sign", "Officials", False, False),
        ("Russia's offer of talks surprised the diplomats.", "offer", "Russia", False, False),
    ],
)
def test_clause_features(nlp, sentence, word, subject, main, local):
    from whimbrel.stages import screen

    tok = token_in(nlp, sentence, word)
    subj = screen._subject(tok)
    assert subj is not None and subj.text == subject
    assert screen._main_clause(tok) is main
    ev = Event(id="ev:1", article_id="a", event_type="SUPPORT", mentions=(Span(sentence=0, start=0, end=3, text="abc"),))
    assert screen._local_body(ev, [tok]) is local


def test_political_noun_phrase(nlp):
    from whimbrel.stages import screen

    assert screen._political_np(token_in(nlp, "Iranian officials rejected the plan.", "officials"))
    assert not screen._political_np(token_in(nlp, "The couple rejected the plan.", "couple"))


def test_fitted_event_model_uses_the_declared_features():
    from whimbrel.evaluate.fit_confidence import FEATURES

    assert set(load_models().event.weights) <= set(FEATURES) | {"rel"}


@pytest.mark.parametrize(
    "sentence,word,etype,expected",
    [
        # a person fired is dismissed; shots and weapons are fired at people
        ("The mayor fired the police chief on Tuesday.", "fired", "ASSAULT", False),
        ("He was fired after the audit found gaps.", "fired", "ASSAULT", False),
        ("Two officers were fired upon near the station.", "fired", "ASSAULT", True),
        ("The gunman fired three shots at the crowd.", "fired", "ASSAULT", True),
        ("Soldiers fired on the marchers.", "fired", "ASSAULT", True),
        # "beat out" a rival is a win in a competition
        ("She beat out two rivals for the council seat.", "beat", "ASSAULT", False),
        # a settlement built, expanded or named by a people is a place, not an agreement
        ("The plan would freeze the building of Israeli settlements.", "settlements", "AGREE", False),
        ("They kept building settlements on the hills.", "settlements", "AGREE", False),
        ("Shells landed at settlements near the border overnight.", "settlements", "AGREE", False),
        ("The two firms reached a settlement over the patent dispute.", "settlement", "AGREE", True),
    ],
)
def test_issue10_argument_senses(nlp, sentence, word, etype, expected):
    ok, why = senses.check_sense(token_in(nlp, sentence, word), etype, political=True, conflict_context=False)
    assert ok is expected
    assert (why != "") is (expected is False)


@pytest.mark.parametrize(
    "sentence,word,expected",
    [
        ("One driver a year is killed on that stretch of road, the mayor said.", "killed", True),
        ("Dozens of people are shot every week in the city.", "shot", True),
        ("A man is stabbed in the district each day, residents say.", "stabbed", True),
        ("Two drivers were killed on that road last year.", "killed", False),
        ("He was shot on Sunday near the park.", "shot", False),
    ],
)
def test_issue10_frequency_is_a_rate(nlp, sentence, word, expected):
    cue = generic_statement(token_in(nlp, sentence, word))
    assert (cue is not None) is expected
    if expected:
        assert cue.startswith("habitual statement")


@pytest.mark.parametrize(
    "sentence,word,cause",
    [
        ("Firefighters are looking into a blaze that heavily damaged a house on Monday.", "damaged", "blaze"),
        ("It was the worst crash that killed more people in a decade.", "killed", "crash"),
        ("A collision injuring three closed the road.", "injuring", "collision"),
        ("The gunman who killed three was arrested.", "killed", None),
    ],
)
def test_issue10_accident_in_a_relative_clause(nlp, sentence, word, cause):
    assert senses.accident_cause(token_in(nlp, sentence, word)) == cause


@pytest.mark.parametrize(
    "sentence,word,expected",
    [
        ("The council said the $30 annual charge falls short of the costs.", "charge", False),
        ("The utility will charge customers a premium for peak use.", "charge", False),
        ("He was charged with stealing $500 from the store.", "charged", True),
        ("Prosecutors charged him with murder on Friday.", "charged", True),
    ],
)
def test_issue10_charge_as_a_price(nlp, sentence, word, expected):
    ok, _ = senses.check_sense(token_in(nlp, sentence, word), "ACCUSE", political=True, conflict_context=True)
    assert ok is expected


@pytest.mark.parametrize(
    "sentence,word,expected",
    [
        ("Police are investigating a fiery crash early Thursday.", "investigating", False),
        ("The collision is under investigation by the police.", "investigation", False),
        ("Officials opened an investigation into the fire at the plant.", "investigation", False),
        ("Police are investigating the death of a man found shot.", "investigating", True),
        ("Prosecutors opened an investigation into the mayor.", "investigation", True),
    ],
)
def test_issue10_inquiry_into_an_accident(nlp, sentence, word, expected):
    ok, _ = senses.check_sense(token_in(nlp, sentence, word), "ACCUSE", political=True, conflict_context=True)
    assert ok is expected


@pytest.mark.parametrize(
    "sentence,word,negated",
    [
        ("No arrests were made on Friday.", "arrests", True),
        ("No one was injured in the blast.", "injured", True),
        ("Nobody was hurt, the officers said.", "hurt", True),
        ("Two men were arrested on Friday.", "arrested", False),
        ("The man who hurt no one was arrested.", "arrested", False),
    ],
)
def test_issue10_no_participant(nlp, sentence, word, negated):
    from whimbrel.stages.screen import _no_participant

    assert (_no_participant(token_in(nlp, sentence, word)) is not None) is negated


@pytest.mark.parametrize(
    "sentence,word,expected",
    [
        ("Let us focus on the threat she has been warning about for years.", "warning", True),
        ("The minister warned of the danger to shipping in the strait.", "warned", True),
        ("The minister warned that the army would retaliate.", "warned", False),
    ],
)
def test_issue10_warning_of_a_risk(nlp, sentence, word, expected):
    from whimbrel.stages.screen import _warning_of_risk

    assert _warning_of_risk(token_in(nlp, sentence, word)) is expected


@pytest.mark.parametrize(
    "sentence,word,etype,expected",
    [
        ("The stock index has been rallying for a week.", "rallying", "PROTEST", False),
        ("Thousands of farmers rallied outside parliament.", "rallied", "PROTEST", True),
    ],
)
def test_issue10_market_rally(nlp, sentence, word, etype, expected):
    ok, _ = senses.check_sense(token_in(nlp, sentence, word), etype, political=True, conflict_context=True)
    assert ok is expected
