"""Issue 9: the ACLED fallback and the rules it relies on, on sentences of our own.

Every sentence is ours, written for one mechanism in one of several wire-service styles (agency
lead, ACLED-note style, headline, quote-attributed, passive).  ``POSITIVE`` sentences report an
ACLED event that the PLOVER triggers alone left untyped (or typed wrong); ``NEGATIVE`` ones name
the same words without reporting an ACLED event and must stay untyped.
"""

from __future__ import annotations

import pytest

from whimbrel.codebook.acled_fallback import FALLBACK_HEADS
from whimbrel.codebook.acled_rules import CUES, acled_coding

from tests.acledlabels import acled_labels

POSITIVE = [
    # passives and group changes (Change to group/activity)
    ("The armed movement was renamed the National Liberation Front at a congress in the hills, its spokesman said.",
     ("Strategic developments", "Change to group/activity")),
    ("Two insurgent factions in the north announced on Sunday that they had merged into a single organisation.",
     ("Strategic developments", "Change to group/activity")),
    pytest.param("The militia has appointed a new military commander after its former chief was killed in an ambush.",
                 ("Strategic developments", "Change to group/activity"),
                 marks=pytest.mark.xfail(reason="the background killing (an 'after' clause) is typed, so the "
                                         "sentence is not left to the fallback, and it outranks nothing", strict=False)),
    ("On 4 February 2025, the rebel group named a new leader for its eastern wing.",
     ("Strategic developments", "Change to group/activity")),
    ("Local elders said the armed group had launched a recruitment campaign among displaced youths.",
     ("Strategic developments", "Change to group/activity")),
    # bases (Headquarters or base established)
    ("Fighters of the armed group have turned a disused school into a base, villagers said.",
     ("Strategic developments", "Headquarters or base established")),
    ("The insurgents opened a new forward post on the ridge overlooking the valley road, a security source said.",
     ("Strategic developments", "Headquarters or base established")),
    # territory changing hands without a fight
    ("Control of the river crossing passed to government troops on Tuesday without a shot fired, residents said.",
     ("Strategic developments", "Non-violent transfer of territory")),
    ("On 9 March 2025, the departing peacekeepers handed over their base near Gao to the national army.",
     ("Strategic developments", "Non-violent transfer of territory")),
    # taking by force (territory sub-types, not Armed clash)
    ("Government soldiers drove the rebels out of the market town after two days of heavy fighting, the army said.",
     ("Battles", "Government regains territory")),
    # chemical weapons, tear gas in war
    ("Opposition doctors said regime helicopters used chlorine against the besieged suburb, choking dozens.",
     ("Explosions/Remote violence", "Chemical weapon")),
    ("The rights group accused the army of using toxic gas against rebel positions in the valley.",
     ("Explosions/Remote violence", "Chemical weapon")),
    ("On 2 April 2025, Russian forces dropped tear gas munitions on Ukrainian positions near the river.",
     ("Explosions/Remote violence", "Chemical weapon")),
    # abduction told in the passive with an agent
    ("Three aid workers were taken from their vehicle by armed men on the road to the camp, the agency said.",
     ("Violence against civilians", "Abduction/forced disappearance")),
    # multi-event ranking: the attack, not the rally it hit
    ("An assailant hurled a grenade into a crowd at an opposition rally, wounding 14 people, police said.",
     ("Explosions/Remote violence", "Grenade")),
    ("Gunmen opened fire on a march by teachers in the capital, killing two, witnesses said.",
     ("Violence against civilians", "Attack")),
    # headlines and instrument nouns with no verb
    pytest.param("Rocket Barrage On Border Town, Four Dead",
                 ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
                 marks=pytest.mark.xfail(reason="the screen holds 'rocket' as a compound (a weapon named, not used, "
                                         "senses.yaml), and the fallback does not retell a sentence whose ASSAULT was read",
                                         strict=False)),
]

NEGATIVE = [
    "The airline said it had ordered 20 new jets from the manufacturer for delivery next year.",
    "Farmers use drones to spray crops and count cattle on the plains.",
    pytest.param("After the explosion, the minister called for calm and promised an inquiry.",
                 marks=pytest.mark.xfail(reason="an ordinary trigger: the explosion told as a time frame is typed "
                                         "(not the fallback's doing)", strict=False)),
    "The group says it will appoint a new leader at its congress next month.",
    pytest.param("Aid workers evacuated the wounded from the town on Friday.",
                 marks=pytest.mark.xfail(reason="an ordinary trigger: 'the wounded' (people) is read as an attack "
                                         "(not the fallback's doing)", strict=False)),
    "The company was renamed last year after a merger with a rival retailer.",
    "The board named a new chief executive on Monday.",
    "He was taken aback by the response to his speech.",
    "Officials said the deal had been killed by the new tariffs.",
    "The charity handed over 300 food parcels to families in the camp.",
]


def _text(p) -> str:
    return p.values[0] if hasattr(p, "values") else (p if isinstance(p, str) else p[0])


@pytest.fixture(scope="module")
def labels(nlp) -> dict[str, object]:
    return acled_labels([_text(p) for p in POSITIVE + NEGATIVE])


@pytest.mark.parametrize("text,want", POSITIVE, ids=[_text(p)[:36] for p in POSITIVE])
def test_issue9_fallback_types_the_sentence(labels, text, want):
    assert labels[text] == want


@pytest.mark.parametrize("text", NEGATIVE, ids=[_text(p)[:36] for p in NEGATIVE])
def test_issue9_fallback_leaves_non_events_untyped(labels, text):
    assert labels[text] is None


def test_issue9_fallback_heads_need_known_cues():
    """Every cue a head row needs is a cue of the ACLED layer or one the stage reads off the head."""
    from whimbrel.codebook.acled_fallback import LOCAL_CUES

    for lemma, head in FALLBACK_HEADS.items():
        for need in head.needs:
            assert need in CUES or need in LOCAL_CUES, (lemma, need)


@pytest.mark.parametrize("recipients,cues,want", [
    (("MIL",), ("riot_agent", "armed_target"), "Chemical weapon"),
    ((), ("riot_agent", "armed_target", "protest"), "Grenade"),
    ((), ("riot_agent", "armed_target", "violent"), "Grenade"),
    ((), ("riot_agent",), "Grenade"),
])
def test_issue9_tear_gas_in_war_is_a_chemical_weapon(recipients, cues, want):
    coded = acled_coding("ASSAULT", "explosives", recipient_sectors=recipients, cues=("grenade",) + cues)
    assert coded.sub_event_type == want
