"""Issue 9: more ACLED typing classes (seizures of people, seizures with no object, surrenders and
ceasefires, attacks told from the victim's side, deployments).

Every sentence here is ours, written for the construction named above each group.  The sentence
tests run the default extractor and read the label the acled-dev scorer reads; the codebook tests
call the rule table directly with the cues the stage would hand over.
"""

from __future__ import annotations

import pytest

from whimbrel.codebook.acled_rules import acled_coding

from tests.acledlabels import acled_labels

ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")
AGREEMENT = ("Strategic developments", "Agreement")
CHANGE = ("Strategic developments", "Change to group/activity")

CASES = [
    # 1. seize / grab / snatch with people as the object is an abduction, not looting
    ("Insurgents seized two engineers on the highway north of the town.", ABDUCTION),
    ("Gunmen grabbed a local chief from his home overnight, residents said.", ABDUCTION),
    ("Bandits Grab Two Teachers Near Border Village", ABDUCTION),
    ("Armed men seized a nurse and her driver outside the clinic on Tuesday.", ABDUCTION),
    # ... by the police it is an arrest; with property as the object it stays looting
    ("Police seized three suspects after a raid on the warehouse.", ("Strategic developments", "Arrests")),
    ("Militiamen grabbed livestock from herders in the valley.", ("Strategic developments", "Looting/property destruction")),
    ("Troops seized a truck loaded with fuel at the checkpoint.", ("Strategic developments", "Looting/property destruction")),
    # 2. a hunger strike is a peaceful protest
    ("Students started a hunger strike outside the university on Monday.", ("Protests", "Peaceful protest")),
    ("Dozens of detainees have been on hunger strike for a week, their lawyers said.", ("Protests", "Peaceful protest")),
    # ... and the seizure a protest demands back is its grievance, not a looting of this report
    ("Dismissed workers went on hunger strike outside the ministry, demanding the return of land seized by the "
     "army years ago.", ("Protests", "Peaceful protest")),
    ("Hundreds of students marched in the capital to protest against the killing of a classmate by police.",
     ("Protests", "Peaceful protest")),
    # (a seizure beside a demand is still the seizure)
    ("Rebels seized two engineers and demanded a ransom.", ABDUCTION),
    # 4. a surrender or a declared ceasefire is an agreement, not the fighting before it
    ("Two hundred fighters surrendered to the army after a week of fighting.", AGREEMENT),
    ("The insurgent faction declared a three-day truce in the eastern hills after weeks of clashes with a rival militia.",
     AGREEMENT),
    ("The guerrillas announced a ceasefire on Sunday following a month of heavy fighting.", AGREEMENT),
    # 5. an attack told as the victim's experience is still the attack
    ("A police patrol came under fire near the market.", ("Battles", "Armed clash")),
    ("An army convoy came under attack on the highway south of the city.", ("Battles", "Armed clash")),
    ("Soldiers at the outpost were fired upon by insurgents.", ("Battles", "Armed clash")),
    ("Villagers came under fire as they fled the town.", ("Violence against civilians", "Attack")),
    # a gunbattle fought by an armed actor is an armed clash, whoever was killed in it
    ("Soldiers killed four villagers in a gunbattle near the river crossing, local officials said.",
     ("Battles", "Armed clash")),
    ("Police shot dead two men during an exchange of fire on the outskirts of the city.", ("Battles", "Armed clash")),
    # an attack by a crowd or a community, no armed group among the attackers, is mob violence
    ("Residents of two neighbouring villages attacked each other with machetes and clubs over a land dispute.",
     ("Riots", "Mob violence")),
    ("A crowd attacked a bus driver after a quarrel at the station, witnesses said.", ("Riots", "Mob violence")),
    ("Armed villagers attacked an army post overnight.", ("Battles", "Armed clash")),
    # a strike named by its weapon is an attack, not a labour strike
    ("Doctors said a chemical weapons strike on the town had left dozens struggling to breathe.",
     ("Explosions/Remote violence", "Chemical weapon")),
    ("Teachers went on strike for a third week over unpaid wages.", ("Protests", "Peaceful protest")),
    # 3. deployments of armed forces
    ("The army deployed two battalions to the northern province on Monday.", CHANGE),
]

NOT_CODED = [
    # a seizure with neither people nor property as its object is no ACLED event
    "Customs officers seized counterfeit perfume worth thousands at the port.",
]


@pytest.fixture(scope="module")
def labels():
    return acled_labels([c[0] for c in CASES] + NOT_CODED)


@pytest.mark.parametrize("text,want", CASES, ids=[c[1][1] + ":" + c[0][:30] for c in CASES])
def test_issue9_sentence_gets_its_acled_type(labels, text, want):
    assert labels[text] == want


@pytest.mark.parametrize("text", NOT_CODED)
def test_issue9_sentence_not_coded(labels, text):
    assert labels[text] is None


@pytest.mark.parametrize("cues,actors,want", [
    (["person_object"], ["REB"], ABDUCTION),
    (["person_object"], [], ABDUCTION),
    (["person_object"], ["COP"], ("Strategic developments", "Arrests")),
    (["property_object"], ["REB"], ("Strategic developments", "Looting/property destruction")),
    (["loot"], ["REB"], ("Strategic developments", "Looting/property destruction")),
    ([], ["REB"], (None, None)),
])
def test_issue9_seizure_needs_an_object(cues, actors, want):
    """(COERCE, confiscate) is looting only with property as its object; with people an abduction
    (an arrest by the police); with neither, the fallback table no longer calls it looting."""
    got = acled_coding("COERCE", "confiscate", cues=cues, actor_sectors=actors)
    assert (got.event_type, got.sub_event_type) == want


@pytest.mark.parametrize("etype,mode,actors,cues,want", [
    ("RETREAT", None, ["REB"], ["conflict_deal"], AGREEMENT),
    ("RETREAT", "ceasefire", ["REB"], ["conflict_deal"], AGREEMENT),
    ("CONCEDE", None, ["REB"], ["conflict_deal"], AGREEMENT),
    ("CONCEDE", None, ["GOV"], [], (None, None)),          # conceding defeat in an election
    ("CONCEDE", None, ["OPP"], ["conflict_deal"], (None, None)),  # no armed party: no conflict deal
])
def test_issue9_surrender_and_ceasefire_are_agreements(etype, mode, actors, cues, want):
    got = acled_coding(etype, mode, cues=cues, actor_sectors=actors)
    assert (got.event_type, got.sub_event_type) == want
