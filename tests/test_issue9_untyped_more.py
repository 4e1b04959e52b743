"""Issue 9: event-bearing sentences that ended up with no ACLED-typed event (more classes).

Every sentence here is ours, written for the construction named above each group.  The sentence
tests run the default extractor and read the label the acled-dev scorer reads.
"""

from __future__ import annotations

import pytest

CLASH = ("Battles", "Armed clash")
TRANSFER = ("Strategic developments", "Non-violent transfer of territory")
OVERTAKE = ("Battles", "Non-state actor overtakes territory")

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
]

# ... while a negation over the same clause still holds
NOT_CODED = [
    "The rebels did not claim the raid and denied launching attacks.",
    "Troops did not come under fire during the patrol, the spokesman said.",
    # a withdrawal with no armed actor named anywhere in its sentence is still no ACLED event
    "The rival bidder withdrew from the auction on Friday.",
]


@pytest.fixture(scope="module")
def labels():
    from whimbrel import extract_many
    from whimbrel.evaluate.acled_dev import predicted_label
    from whimbrel.records import Article

    texts = [c[0] for c in CASES] + NOT_CODED
    arts = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    return {texts[int(a.id)]: predicted_label(ev) for a, ev in extract_many(arts)}


@pytest.mark.parametrize("text,want", CASES, ids=[c[1][1] + ":" + c[0][:30] for c in CASES])
def test_issue9_untyped_sentence_gets_its_acled_type(labels, text, want):
    assert labels[text] == want


@pytest.mark.parametrize("text", NOT_CODED, ids=[t[:30] for t in NOT_CODED])
def test_issue9_negated_sentence_not_coded(labels, text):
    assert labels[text] is None
