"""Issue 9 §1 (an event-bearing sentence should not end up untyped) and issue 10's screen:
arson and captures by an armed actor whatever the lexicon knows of the thing burned or
taken, a partitive inside a conjunct ("a mission and dozens of houses") or of a participle's
noun ("the mutilated bodies of two farmers"), a chemical agent used as a weapon and violence
with casualties counted with no actor named, and a deal ACLED types as a conflict Agreement.

Every sentence here is ours.  The default output is checked through the label the acled-dev
scorer reads; the sentences that must stay untyped check that the rules let no noise through.
"""

from __future__ import annotations

import pytest

from whimbrel.stages import senses

from tests.acledlabels import acled_labels

TYPED = [
    ("Rebels burned a chapel and dozens of huts in the hamlet.", "Looting/property destruction"),
    ("Assailants burned a clinic and a granary near the river.", "Looting/property destruction"),
    ("Insurgents captured the district centre without a fight.", None),
    ("Poison gas was used against the neighbourhood overnight, medics said.", "Chemical weapon"),
    ("Under an evacuation agreement, hundreds of families left the town.", "Agreement"),
    ("A massacre in the village claimed 30 lives.", "Attack"),
]
UNTYPED = [
    "The chef burned the toast again this morning.",
    "Her photographs captured the mood of the city.",
    "The new gas prices were announced on Monday.",
    "The two firms agreed a merger worth 3 billion dollars.",
    "The massacre of the tribe is a dark chapter in history.",
    "The company decapitated its board after the scandal.",
]


@pytest.fixture(scope="module")
def labels():
    return acled_labels([t for t, _ in TYPED] + UNTYPED)


@pytest.mark.parametrize("text, sub", TYPED)
def test_event_bearing_sentence_is_typed(labels, text, sub):
    label = labels[text]
    assert label is not None, text
    if sub is not None:
        assert label[1] == sub


@pytest.mark.parametrize("text", UNTYPED)
def test_everyday_sentence_stays_untyped(labels, text):
    assert labels[text] is None


@pytest.mark.parametrize("text, lemma, expected", [
    ("Gunmen attacked a convoy and dozens of trucks.", "attack", {"convoy", "dozens", "trucks"}),
    ("The mutilated bodies of two farmers were found.", "mutilate", {"bodies", "farmers"}),
    ("Rebels burned a chapel and dozens of huts.", "burn", {"chapel", "dozens", "huts"}),
])
def test_partitive_in_a_conjunct_gives_its_counted_noun(nlp, text, lemma, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.lemma_ == lemma)
    assert expected <= {a.text for a in senses.arguments(tok)}


@pytest.mark.parametrize("lemma, sectors", [("burn", {"MIL", "COP", "REB", "UAF", "CRM"}), ("capture", {"MIL", "REB", "UAF"})])
def test_sense_rules_name_their_agent_sectors(lemma, sectors):
    rule = senses.rule_for(lemma, "ASSAULT", "VERB")
    assert rule is not None and set(rule.agent_sectors) == sectors
