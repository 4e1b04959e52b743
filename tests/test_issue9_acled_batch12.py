"""Issue 9 (session 12): ACLED typing classes found on the tune half of the fresh news snippets
(own-217 onward): a chemical agent named by its class or carried by another weapon, tear gas that
is no chemical weapon, demonstrators named by a demand participle, lethal force or an intervention
at a protest with no one named as firing, South Asian policing words,
re-formed groups, places moved into unopposed, a contingent's arrival, property
named by its users' sector; and classes found on probe sentences of our own (not gold): takings told
as nouns, weapons downed or dismantled, destruction by rioters, title-case plurals, allegiance, labour strikes, property destroyed
by aircraft or rockets.

Every sentence here is ours, written for the construction named above each group (none is a gold
sentence).  The sentence tests run the default extractor and read the label the acled-dev scorer
reads; the codebook tests call the rule table directly with the cues the stage would hand over.
"""

from __future__ import annotations

import pytest

from whimbrel.codebook import acled_coding

from tests.acledlabels import acled_labels

CHEMICAL = ("Explosions/Remote violence", "Chemical weapon")
EXCESSIVE = ("Protests", "Excessive force against protesters")
INTERVENTION = ("Protests", "Protest with intervention")

CASES = [
    # a chemical agent named by its class, or loaded into another weapon, decides over that weapon
    ("Insurgents fired mortar rounds carrying a toxic substance at the army's trenches outside the town.", CHEMICAL),
    ("Soldiers said hand grenades filled with chloropicrin were thrown into their dugout overnight.", CHEMICAL),
    # a tear gas canister that kills a protester is lethal force at a protest, not a chemical weapon
    ("A young man died after a tear gas canister fired at close range struck his head during a peaceful march "
     "in the capital.", EXCESSIVE),
    # people pressing a demand as they are shot at are demonstrators
    ("Troops fired live rounds at villagers demanding the reopening of the border crossing, killing two.", EXCESSIVE),
    # South Asian policing of a crowd, and the hyphenated "tear-gassed"
    ("Police baton-charged striking nurses outside the secretariat, leaving several with bruises.", INTERVENTION),
    ("Opposition supporters were tear-gassed by police as they marched towards the election office.", INTERVENTION),
    # a destructive crowd pressing a demand is a violent demonstration
    ("Traders ransacked the municipal office in the market town, denouncing a new levy.",
     ("Riots", "Violent demonstration")),
    # a re-formed armed group, and a person made to disappear
    ("Two rival rebel factions in the hills reunited under one commander last week.",
     ("Strategic developments", "Change to group/activity")),
    # a place moved into without resistance after the other side left
    ("Insurgents moved into the district centre after the garrison pulled out, meeting no resistance.",
     ("Strategic developments", "Non-violent transfer of territory")),
    # a foreign contingent arriving is a change to the activity of armed forces
    ("A second contingent of the regional force arrived in the northern city on Friday.",
     ("Strategic developments", "Change to group/activity")),
    # a building named by its users' sector ("a church") is property that was vandalised
    ("Unknown men vandalised a church in the eastern suburb overnight.",
     ("Strategic developments", "Looting/property destruction")),
    # a taking told as a noun: the taker named by its preposition decides who took the place
    ("The capture of the hilltop town by separatist fighters was confirmed by a provincial official.",
     ("Battles", "Non-state actor overtakes territory")),
    ("The fall of the garrison to the insurgents was reported by local radio.",
     ("Battles", "Non-state actor overtakes territory")),
    # weapons stopped: downed, brought down, found and dismantled, launchers and munitions seized
    ("Air defence units downed six drones over the port city overnight, the governor said.",
     ("Strategic developments", "Disrupted weapons use")),
    ("A missile was brought down over the southern suburbs before it reached the airport.",
     ("Strategic developments", "Disrupted weapons use")),
    ("A roadside bomb was found and dismantled near the bridge by army engineers.",
     ("Strategic developments", "Disrupted weapons use")),
    ("Soldiers recovered three grenade launchers and several boxes of ammunition from an abandoned hideout.",
     ("Strategic developments", "Disrupted weapons use")),
    # property burnt by the demonstrators themselves is their violent demonstration
    ("Rioters burned two police vehicles after the court ruling.", ("Riots", "Violent demonstration")),
    # a title-case plural the tagger reads as a name still names its weapon
    ("Mortars Hit Market In Northern Town, Killing Three", ("Explosions/Remote violence",
                                                           "Shelling/artillery/missile attack")),
    # "strike" with working people as its subject and no target is a work stoppage, a protest
    ("Bus drivers strike over unpaid overtime", ("Protests", "Peaceful protest")),
    ("Dock workers struck for a third day over a pay freeze.", ("Protests", "Peaceful protest")),
    ("Insurgents struck at a police station overnight, killing two officers.", ("Battles", "Armed clash")),
    # property destroyed by aircraft or by rockets is the air strike or the shelling
    ("Army says its helicopters destroyed a rebel depot in the hills", ("Explosions/Remote violence", "Air/drone strike")),
    ("Rockets destroyed two houses and a shop in the border town.", ("Explosions/Remote violence",
                                                            "Shelling/artillery/missile attack")),
    # pledging allegiance is an armed group's change
    ("The faction pledged allegiance to a rival jihadist movement.",
     ("Strategic developments", "Change to group/activity")),
]


@pytest.fixture(scope="module")
def labels():
    return acled_labels([c[0] for c in CASES])


@pytest.mark.parametrize("text,want", CASES, ids=[c[1][1] + ":" + c[0][:30] for c in CASES])
def test_issue9_batch12_sentence_gets_its_acled_type(labels, text, want):
    assert labels[text] == want


@pytest.mark.parametrize("cues,want", [
    (["protest", "lethal", "peaceful"], EXCESSIVE),
    (["protest", "intervention"], INTERVENTION),
])
def test_issue9_protest_force_with_no_actor_named(cues, want):
    """Lethal force or an intervention at a protest with no one named as its actor: the protest rules decide."""
    got = acled_coding("ASSAULT", "firearms", cues=cues)
    assert (got.event_type, got.sub_event_type) == want


@pytest.mark.parametrize("text,chemical", [
    ("police fired a tear gas canister at the crowd", False),
    ("a canister releasing a yellow gas landed near the homes", True),
    ("they used chloropicrin against the trenches", True),
])
def test_issue9_tear_gas_is_masked_for_the_chemical_cue(nlp, text, chemical):
    from whimbrel.stages.acled_cues import cues_in_tokens

    assert ("chemical" in cues_in_tokens(nlp(text))) is chemical
