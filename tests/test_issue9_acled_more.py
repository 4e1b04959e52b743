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
    # one extraction for every sentence of the module (the lists further down too)
    return acled_labels([c[0] for c in CASES + MORE_CASES] + NOT_CODED + MORE_NOT_OTHER)


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


# --------------------------------------------------------------------------- second pass (classes 1-5)

OTHER = ("Strategic developments", "Other")
ATTACK = ("Violence against civilians", "Attack")
CLASH = ("Battles", "Armed clash")

MORE_CASES = [
    # 1. gunfire heard or reported: no one firing or hit named is Other; two armed sides a clash; people hit an attack
    ("Shots rang out near the bus station late on Friday, witnesses said.", OTHER),
    ("Gunfire was heard around the state broadcaster's compound before dawn.", OTHER),
    ("Police said they had received reports of shots fired near a nightclub shortly after midnight.", OTHER),
    # (those who report or hear it are witnesses, not parties)
    ("Neighbours reported shots fired behind a petrol station shortly before midnight.", OTHER),
    ("Heavy gunfire was heard across the town as troops and insurgents fought for the bridge.", CLASH),
    ("Sustained gunfire broke out between soldiers and militants on the edge of the camp.", CLASH),
    ("Two shoppers were wounded when shots rang out in the crowded square.", ATTACK),
    # 2. a death from wounds told after the attack: the attack, read off who was hit
    ("Four farmers wounded in the militia attack on their village died of their wounds in hospital, an official said.",
     ATTACK),
    ("A trader who was shot by robbers on the market road succumbed to his injuries two days later.", ATTACK),
    ("Two police officers hurt in the ambush on their convoy later died of their injuries.", CLASH),
    ("A teenager stabbed outside the stadium on Saturday has died of her wounds, police said.", ATTACK),
    # 3. officers who find or attend to a victim are no armed target of the shooting
    ("Officers found the man slumped in the doorway with a gunshot wound to the chest.", ATTACK),
    ("Responding deputies discovered a woman suffering from a gunshot wound in the parking lot.", ATTACK),
    ("Troopers located the driver with several gunshot wounds beside the highway.", ATTACK),
    # ... an armed side that is hit still makes it a clash
    ("An officer suffered a gunshot wound when a suspect opened fire at a checkpoint.", CLASH),
    # 4. a coup: power seized, a government overthrown, with no fighting told
    ("Soldiers seized power in a coup on Tuesday and dissolved the cabinet.", OTHER),
    ("The army ousted the elected president in a coup overnight, state radio said.", OTHER),
    ("A group of colonels overthrew the government and suspended the constitution.", OTHER),
    ("Junior officers staged a putsch overnight, state media said.", OTHER),
    ("The junta announced on national television that it had taken power.", OTHER),
    # ... an arrest of plotters is an arrest, fighting during a coup is the fighting
    ("Police arrested six army officers accused of plotting a coup against the president.",
     ("Strategic developments", "Arrests")),
    # ... a coup told in a relative clause on an actor is who the actor is, not this report's event
    ("Gunmen loyal to the officers who seized power in a coup two years ago killed four farmers on Monday.", ATTACK),
    ("Mutinous troops clashed with the presidential guard outside the palace during the coup attempt.", CLASH),
    # 5. title-case headlines are reported events too
    ("Gunmen Kill Seven In Raid On Farming Village", ATTACK),
    ("Troops Clash With Insurgents Near Border Crossing", CLASH),
    ("Militants Abduct 15 Pupils From Boarding School", ABDUCTION),
    ("Army Shells Rebel Positions Outside Provincial Capital",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    # ... a headline drops "were": the subject of "Killed" is who was killed
    ("Three Guards Killed In Night Raid On Army Depot", CLASH),
    ("Police Officers Wounded In Ambush Outside Capital", CLASH),
    # ... a plural before the noun it would modify is the headline's verb
    ("Armed Gang Attacks Hill Village", ATTACK),
    ("Dozens Feared Dead As Militia Attacks Farming Settlement", ATTACK),
    # ... a verb parsed as a modifier leaves the headline's nouns to tell the report
    ("Army Seizes Power In Coup", OTHER),
]

MORE_NOT_OTHER = [
    # gunfire aimed at no one and reported with harm is no "Other": the rule needs no one hurt
    "Shots rang out in the market and three people were killed.",
]


@pytest.mark.parametrize("text,want", MORE_CASES, ids=[c[1][1] + ":" + c[0][:30] for c in MORE_CASES])
def test_issue9_more_sentence_gets_its_acled_type(labels, text, want):
    assert labels[text] == want


@pytest.mark.parametrize("text", MORE_NOT_OTHER)
def test_issue9_gunfire_with_harm_is_coded_as_the_violence(labels, text):
    assert labels[text] not in (None, OTHER)


@pytest.mark.parametrize("etype,mode,cues,actors,want", [
    ("ASSAULT", "firearms", ["gunfire_heard"], [], OTHER),
    ("ASSAULT", "firearms", ["gunfire_heard", "harm"], [], ATTACK),
    ("ASSAULT", "firearms", ["gunfire_heard", "combat", "armed_target"], [], CLASH),
    ("ASSAULT", "firearms", ["gunfire_heard", "civilian_victim"], [], ATTACK),
    ("ASSAULT", "firearms", ["gunfire_heard", "civilian_victim", "bystander_parties"], ["CVL"], OTHER),
    ("COERCE", None, ["coup"], ["MIL"], OTHER),
    ("ASSAULT", None, ["coup", "harm", "armed_target"], ["MIL"], CLASH),
    ("COERCE", "arrest", ["coup"], ["COP"], ("Strategic developments", "Arrests")),
])
def test_issue9_gunfire_and_coup_rules(etype, mode, cues, actors, want):
    got = acled_coding(etype, mode, cues=cues, actor_sectors=actors)
    assert (got.event_type, got.sub_event_type) == want
