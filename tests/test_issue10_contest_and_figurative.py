"""Issue 10 (everyday senses, sport): a verb of violence names an attack only when what it
harms is a person, a place, property or a force; a win in a game or an election (a score,
a contest noun as its argument) is no assault; a news conference is no consultation; a
trigger word cannot vouch for its own sense as a crime cue."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")


def _counted(text: str, event_type: str):
    from whimbrel.extract import extract
    from whimbrel.settings import load

    events = extract(text, published="2024-03-05", settings=load({"all_events": "1"}))
    return [e for e in events if e.event_type == event_type and e.held is None]


_CONTESTS = [
    "The visitors beat the champions 1-0 on a wet Sunday.",
    "In the second round the veteran kept beating the teenager, who lost 6-4, 6-3.",
    "The Republican challenger beat the incumbent governor in the election on Tuesday.",
    "The manager said the team's attack looked tired in the second half of the match.",
]
_NO_VIOLABLE_OBJECT = [
    "The singer struck a nerve with her fans.",
    "The county slashed its library budget by a third.",
    "Detectives executed a warrant at a flat in the old town.",
    "The committee wiped out the savings of the reform.",
    "Critics blast the mayor's new parking rules.",
    "The earthquake struck the region on Monday.",
]


@pytest.mark.parametrize("text", [pytest.param(t, id=f"contest-{k}") for k, t in enumerate(_CONTESTS)]
                         + [pytest.param(t, id=f"no-violable-object-{k}") for k, t in enumerate(_NO_VIOLABLE_OBJECT)])
def test_issue10_contest_or_violence_verb_with_no_violable_object_is_no_assault(text):
    assert not _counted(text, "ASSAULT")


@pytest.mark.parametrize("text", [
    "Police said a man beat his neighbour with a bat on Sunday.",
    "Gunmen struck a police checkpoint outside the city.",
    "Rebels wiped out an army convoy near the border.",
    "The regime executed three dissidents on Friday.",
])
def test_issue10_violence_verb_with_a_victim_stays(text):
    assert _counted(text, "ASSAULT")


def test_issue10_news_conference_is_no_consultation():
    assert not _counted("At a news conference, the mayor said the bridge would reopen in June.", "CONSULT")


def test_issue10_score_detection():
    import spacy

    from whimbrel.settings import load
    from whimbrel.stages.senses import score_in

    nlp = spacy.load(load().spacy_model)
    assert score_in(next(nlp("They won 2-0 at home.").sents))
    assert not score_in(next(nlp("Call the office at 252-8011 for the 2-1-1 line.").sents))
    assert not score_in(next(nlp("The 2009-10 budget was cut.").sents))


@pytest.mark.parametrize("text", [
    "The coroner attributed the deaths to a faulty heater.",
    "Officials blamed the power cut on the storm.",
])
def test_issue10_blame_on_a_cause_accuses_no_one(text):
    assert not _counted(text, "ACCUSE")


@pytest.mark.parametrize("text", [
    "The minister attributed the bombing to the rebels.",
    "Police blamed the attack on a local gang leader.",
])
def test_issue10_blame_on_someone_stays_an_accusation(text):
    assert _counted(text, "ACCUSE")


def test_issue10_slash_pair_shares_its_modifiers():
    text = "She was charged with evading arrest/detention on foot."
    assert not _counted(text, "COERCE")


def test_issue10_on_key_of_the_sense_table_is_a_preposition():
    from whimbrel.stages.senses import rules

    release = next(r for r in rules()["release"] if r.prep_ok)
    assert "on" in dict(release.prep_ok)
    blame = rules()["blame"][0]
    assert dict(blame.agent_preps).keys() == {"on"}


@pytest.mark.parametrize("text", [
    "The agency has not released the identity of the driver.",
    "The ministry did not provide any figures on Tuesday.",
    "The two clerks, whose names were not released, work at the town hall.",
])
def test_issue10_refusal_keeps_the_sense_of_what_is_refused(text):
    assert not _counted(text, "REJECT")


@pytest.mark.parametrize("text", [
    "The junta has refused to release the detained opposition leaders.",
    "The government refused to provide food aid to the rebel region.",
])
def test_issue10_refusal_of_a_release_or_of_aid_stays(text):
    assert _counted(text, "REJECT")


@pytest.mark.parametrize("text", [
    "A cyclist was killed in a crash on the ring road.",
    "A collision between two buses injured six passengers on Monday.",
    "The flu killed dozens of villagers last winter.",
])
def test_issue10_harm_by_accident_or_disease_is_no_assault(text):
    assert not _counted(text, "ASSAULT")


@pytest.mark.parametrize("text", [
    "Sniper fire killed two soldiers near the checkpoint.",
    "The gunman was killed in a shootout with police.",
    "A hunter died after being shot in a hunting accident near the lake.",
    "Two men were found shot dead in a van outside the depot.",
    "Police charged the driver after the hit-and-run crash that killed a pedestrian.",
])
def test_issue10_violence_or_crime_beside_an_accident_word_stays(text):
    assert _counted(text, "ASSAULT")


@pytest.mark.parametrize("text, event_type", [
    ("The sheriff said in a release that the road was closed.", "RETREAT"),
    ("The trial opens in May, according to a release from the clerk's office.", "RETREAT"),
    ("The state patrol opened a new office beside the motorway.", "MOBILIZE"),
    ("Our correspondent in Cairo contributed reporting.", "AID"),
    ("Only the sergeant, armed with a stun gun, entered the hall.", "AID"),
    ("He grabbed his umbrella and ran for the bus.", "COERCE"),
    ("The study demonstrates that the new vaccine works.", "PROTEST"),
])
def test_issue10_boilerplate_and_everyday_senses(text, event_type):
    assert not _counted(text, event_type)


@pytest.mark.parametrize("text, event_type", [
    ("Police have increased their patrols in the area after the robberies.", "MOBILIZE"),
    ("Thousands demonstrated outside the embassy on Friday against the new law.", "PROTEST"),
    ("The rebels released three hostages on Monday.", "RETREAT"),
])
def test_issue10_the_political_sense_stays(text, event_type):
    assert _counted(text, event_type)
