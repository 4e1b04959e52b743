"""Issue 9: event-bearing sentences that ended up with no ACLED-typed event (more classes).

Every sentence here is ours, written for the construction named above each group.  The sentence
tests run the default extractor and read the label the acled-dev scorer reads.
"""

from __future__ import annotations

import pytest

from tests.acledlabels import acled_labels

CLASH = ("Battles", "Armed clash")
TRANSFER = ("Strategic developments", "Non-violent transfer of territory")
OVERTAKE = ("Battles", "Non-state actor overtakes territory")
CHANGE = ("Strategic developments", "Change to group/activity")
OTHER = ("Strategic developments", "Other")

CASES = [
    # 1. a negation in one clause does not reach a contrasted clause ('..., but ...') or a
    #    conjunct clause with its own subject: the event there is asserted
    ("Officials said the first blasts did not involve the army, but that later its checkpoints came under "
     "heavy gunfire.", CLASH),
    ("Rebels did not take the town, and their positions came under intense gunfire at dawn.", CLASH),
    ("The statement did not blame any group, but the patrol came under gunfire near the bridge.", CLASH),
    # 2. a place taken with no fight (peacefully, unopposed, after the other side withdrew or left) is a
    #    non-violent transfer of territory, not a battle; taken by force it stays a battle
    ("Militiamen took control of the market town after police abandoned their posts, residents said.", TRANSFER),
    ("Insurgents captured the district headquarters unopposed on Sunday.", TRANSFER),
    ("Government troops recaptured the hill town peacefully after the insurgents fled.", TRANSFER),
    ("Insurgents captured the district headquarters after a fierce gunbattle with soldiers.", OVERTAKE),
    ("Rebels overran the border town on Sunday, residents said.", OVERTAKE),
    # ... and so is a place entered after a withdrawal told beside armed actors, whoever the parser
    #    made the withdrawal's subject
    ("Gunmen entered the settlement after the other faction pulled out, witnesses said.", TRANSFER),
    ("Rebel fighters entered the town without a fight after the garrison withdrew.", TRANSFER),
    # 3. peace forces or troops shipped or flown out (a withdrawal, PLOVER SANCTION withdraw as CAMEO's
    #    "withdraw peacekeepers") are a change to the force's activity
    ("Sixty peacekeepers were shipped out of the northern province on Thursday, the mission said.", CHANGE),
    ("The last UN contingent was flown out of the besieged city at dawn.", CHANGE),
    ("The alliance shipped out two hundred peacekeepers from the border zone this week.", CHANGE),
    # 4. gunfire aimed at no one (into the air, warning shots), no one hurt, is a strategic development
    #    (Other), not an attack; with someone hurt, or at a protest, the other rules decide
    ("Masked men fired shots into the air outside the polling station, frightening voters.", OTHER),
    ("Gunmen fired into the air as they fled the village.", OTHER),
    ("Troops fired warning shots near the border fence overnight, a spokesman said.", OTHER),
    ("Police fired shots in the air to disperse the protesters.", ("Protests", "Protest with intervention")),
]

# ... while a negation over the same clause still holds
NOT_CODED = [
    "The rebels did not claim the raid and denied launching attacks.",
    "Troops did not come under fire during the patrol, the spokesman said.",
    # a withdrawal with no armed actor named anywhere in its sentence is still no ACLED event
    "The rival bidder withdrew from the auction on Friday.",
    # goods shipped out are no withdrawal of a force
    "The factory shipped out its first batch of tractors on Friday.",
]


@pytest.fixture(scope="module")
def labels():
    return acled_labels([c[0] for c in CASES] + NOT_CODED)


@pytest.mark.parametrize("text,want", CASES, ids=[c[1][1] + ":" + c[0][:30] for c in CASES])
def test_issue9_untyped_sentence_gets_its_acled_type(labels, text, want):
    assert labels[text] == want


@pytest.mark.parametrize("text", NOT_CODED, ids=[t[:30] for t in NOT_CODED])
def test_issue9_negated_sentence_not_coded(labels, text):
    assert labels[text] is None


@pytest.mark.parametrize("etype,mode,cues,actors,want", [
    # the rule table on the cues the stage hands over
    ("SANCTION", "withdraw", ["armed_personnel"], ["IGO"], CHANGE),
    ("SANCTION", "withdraw", [], ["GOV"], (None, None)),          # an ambassador recalled: no ACLED event
    ("ASSAULT", None, ["took", "uncontested"], ["REB"], TRANSFER),
    ("ASSAULT", None, ["retook", "uncontested"], ["MIL"], TRANSFER),
    ("ASSAULT", None, ["took", "uncontested", "gunbattle"], ["REB"], OVERTAKE),
    ("ASSAULT", None, ["took"], ["REB"], OVERTAKE),
    ("RETREAT", "withdraw", ["entered"], ["REB"], TRANSFER),
    ("RETREAT", "withdraw", [], ["REB"], CHANGE),
    ("ASSAULT", "firearms", ["aimless_fire"], ["UAF"], OTHER),
    ("ASSAULT", "firearms", ["aimless_fire", "harm"], ["UAF"], ("Violence against civilians", "Attack")),
])
def test_issue9_untyped_rules(etype, mode, cues, actors, want):
    from whimbrel.codebook.acled_rules import acled_coding

    got = acled_coding(etype, mode, cues=cues, actor_sectors=actors)
    assert (got.event_type, got.sub_event_type) == want


@pytest.mark.parametrize("text,recipient", [
    # 5. "X came under fire/shelling", "X was under attack": X is the one hit, not the attacker
    ("Government troops came under heavy shelling from rebel positions.", "Government troops"),
    ("The garrison town was under attack by insurgents for a week.", "town"),
])
def test_issue9_under_attack_subject_is_recipient(text, recipient):
    from whimbrel import extract_many
    from whimbrel.records import Article

    [(_, events)] = list(extract_many([Article(id="0", text=text)]))
    hit = [e for e in events if e.event_type == "ASSAULT"]
    assert hit
    assert any(recipient in r.text for r in hit[0].recipient)
    assert not any(recipient in a.text for a in hit[0].actor)
