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
    # the news, not its background ("after its chief was killed")
    ("The militia has appointed a new military commander after its former chief was killed in an ambush.",
     ("Strategic developments", "Change to group/activity")),
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
    # unarmed sides clashing at a rally; an unorganised group attacking; a split; vandalism
    ("Supporters of two rival parties clashed during a campaign rally in the town, injuring eight people.",
     ("Riots", "Violent demonstration")),
    ("A group of locals assaulted a truck driver accused of causing an accident, police said.",
     ("Riots", "Mob violence")),
    ("The separatist outfit announced a split after a dispute over its leadership.",
     ("Strategic developments", "Change to group/activity")),
    ("Unknown persons vandalised a memorial in the square overnight.",
     ("Strategic developments", "Looting/property destruction")),
    # was xfail before a weapon compounded with an attack noun counted as used (senses._attack_compound)
    ("Rocket Barrage On Border Town, Four Dead", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
]

def _xfail(text: str, want: tuple[str, str], reason: str):
    return pytest.param(text, want, marks=pytest.mark.xfail(reason=reason, strict=False))


# The confusions of issue 9 (violent vs peaceful protest, grenade vs IED, mob violence, territory vs
# armed clash, shelling untyped, intervention vs excessive force), one sentence of ours per style,
# written before the run that scored them; those still wrong are xfail with the reason.
CONFUSIONS = [
    ('Hundreds of youths hurled stones at police and set tyres ablaze in the port city on Monday to protest against fuel price rises.',
     ('Riots', 'Violent demonstration')),
    ('Demonstrators torched a police post and blocked the main highway after a student died in custody, local media reported.',
     ('Riots', 'Violent demonstration')),
    ("Angry protesters stormed the governor's office and smashed windows, demanding the release of detained activists.",
     ('Riots', 'Violent demonstration')),
    ('Thousands marched peacefully through the capital on Saturday calling for early elections.',
     ('Protests', 'Peaceful protest')),
    ('Opposition supporters rallied outside the electoral commission to denounce alleged vote rigging.',
     ('Protests', 'Peaceful protest')),
    ('Traders shut their shops and staged a sit-in outside the municipal building over new taxes.',
     ('Protests', 'Peaceful protest')),
    ('A crowd of villagers beat a suspected thief to death in the market, police said.',
     ('Riots', 'Mob violence')),  # was xfail before crime words named people for the senses
    ('Residents lynched two men accused of witchcraft in a remote village, according to a local official.',
     ('Riots', 'Mob violence')),
    ('A mob set fire to the house of a man accused of blasphemy on Friday night.',
     ('Riots', 'Mob violence')),  # was xfail before 'mob' was a crime cue
    ('An attacker threw a hand grenade at a police patrol in the city centre, wounding three officers.',
     ('Explosions/Remote violence', 'Grenade')),
    ('Unidentified assailants lobbed a grenade into a bar late on Saturday, injuring 12 people.',
     ('Explosions/Remote violence', 'Grenade')),
    ('A roadside bomb struck a military convoy on the highway, killing four soldiers.',
     ('Explosions/Remote violence', 'Remote explosive/landmine/IED')),
    ('Two civilians were killed when their vehicle hit a landmine on a rural road.',
     ('Explosions/Remote violence', 'Remote explosive/landmine/IED')),
    ('A car bomb exploded near a checkpoint outside the ministry, the interior ministry said.',
     ('Explosions/Remote violence', 'Remote explosive/landmine/IED')),
    ('Government forces retook the town of Kurmuk from the rebels on Wednesday, state television said.',
     ('Battles', 'Government regains territory')),
    ('The army regained control of three villages in the north after driving out militants.',
     ('Battles', 'Government regains territory')),
    ('Insurgents seized the district headquarters after overrunning the army garrison, a local lawmaker said.',
     ('Battles', 'Non-state actor overtakes territory')),
    ('Jihadists took control of the border town after government troops fled.',
     ('Strategic developments', 'Non-violent transfer of territory')),
    ('Separatist fighters captured a police station in the western region on Sunday.',
     ('Battles', 'Non-state actor overtakes territory')),
    ('Artillery shells landed on a residential neighbourhood overnight, killing five people.',
     ('Explosions/Remote violence', 'Shelling/artillery/missile attack')),
    ('Mortar fire hit a market in the besieged city, medics said.',
     ('Explosions/Remote violence', 'Shelling/artillery/missile attack')),
    ('Rebels fired rockets at the airport, damaging the runway.',
     ('Explosions/Remote violence', 'Shelling/artillery/missile attack')),
    ('A missile slammed into an apartment block in the city on Tuesday, emergency services said.',
     ('Explosions/Remote violence', 'Shelling/artillery/missile attack')),
    ('The town came under heavy shelling on Thursday as government forces pressed their advance.',
     ('Explosions/Remote violence', 'Shelling/artillery/missile attack')),
    ('Shelling by separatist forces killed two civilians in the village, the regional governor said.',
     ('Explosions/Remote violence', 'Shelling/artillery/missile attack')),
    ('Warplanes pounded rebel positions in the province on Monday, a monitoring group said.',
     ('Explosions/Remote violence', 'Air/drone strike')),
    ('A drone strike hit a vehicle carrying suspected militants near the border, killing three.',
     ('Explosions/Remote violence', 'Air/drone strike')),
    ('Air defence units shot down two drones approaching the airbase overnight, the defence ministry said.',
     ('Strategic developments', 'Disrupted weapons use')),
    ('Police defused a bomb planted under a bridge on the main road.',
     ('Strategic developments', 'Disrupted weapons use')),
    ('Security forces seized a large cache of weapons and explosives during a raid on a farm.',
     ('Strategic developments', 'Disrupted weapons use')),
    ('Gunmen abducted 20 passengers from a bus on the highway on Tuesday.',
     ('Violence against civilians', 'Abduction/forced disappearance')),
    ('Armed men kidnapped a village chief and his two sons, residents said.',
     ('Violence against civilians', 'Abduction/forced disappearance')),
    ('Soldiers raped several women during a raid on the village, a rights group said.',
     ('Violence against civilians', 'Sexual violence')),
    ('Militiamen shot dead six farmers in their fields, local officials said.',
     ('Violence against civilians', 'Attack')),
    _xfail('Fighters from the two armed groups clashed for hours near the gold mine, leaving several dead.',
           ('Battles', 'Armed clash'),
           "the trigger lexicon reads 'mine' of a gold mine as an explosive (mode explosives)"),
    ('Police arrested 40 opposition activists ahead of the planned rally.',
     ('Strategic developments', 'Arrests')),
    ('The two sides signed a ceasefire agreement in the capital on Friday.',
     ('Strategic developments', 'Agreement')),  # was xfail before a truce made needed no political actor
    ('The rebel group announced it was merging with two smaller factions.',
     ('Strategic developments', 'Change to group/activity')),
    ('Insurgents established a new base in the forest near the border, villagers said.',
     ('Strategic developments', 'Headquarters or base established')),
    ('Government troops withdrew from the town, handing it over to a local militia without a fight.',
     ('Strategic developments', 'Non-violent transfer of territory')),
    ('Looters ransacked shops and warehouses in the city centre overnight.',
     ('Strategic developments', 'Looting/property destruction')),
    ('Armed men burned dozens of homes in the village and stole livestock.',
     ('Strategic developments', 'Looting/property destruction')),
    ('Police fired tear gas and rubber bullets to disperse protesters outside parliament.',
     ('Protests', 'Protest with intervention')),
    ('Security forces opened fire on peaceful demonstrators, killing at least eight people.',
     ('Protests', 'Excessive force against protesters')),
    ('A suicide bomber blew himself up at a mosque during Friday prayers, killing 15 worshippers.',
     ('Explosions/Remote violence', 'Suicide bomb')),
    ('Regime aircraft dropped barrels of chlorine on the rebel-held town, rescuers said.',
     ('Explosions/Remote violence', 'Chemical weapon')),
]

# ACLED-note style ("On <date>, <actor> <did> in <place>."), ours; a note dated in March must not read
# the month as a march.
NOTES = [
    ('On 4 March 2024, the body of a man with gunshot wounds was found near the river in Kasai.',
     ('Violence against civilians', 'Attack')),
    ('On 12 June 2023, RSF and SAF fought in the southern neighbourhoods of Omdurman.',
     ('Battles', 'Armed clash')),
    ("On 7 May 2024, members of the teachers' union staged a demonstration in front of the governorate building to demand unpaid salaries.",
     ('Protests', 'Peaceful protest')),
    ('On 19 January 2024, around 200 people gathered in the main square to denounce rising bread prices.',
     ('Protests', 'Peaceful protest')),
    ('On 2 February 2024, Israeli forces demolished a house in the village of Beit Ummar.',
     ('Strategic developments', 'Looting/property destruction')),
    ('On 3 October 2023, a Russian drone hit an energy facility in the city, causing a fire.',
     ('Explosions/Remote violence', 'Air/drone strike')),
    ('On 21 November 2023, Ukrainian forces struck a Russian command post with HIMARS rockets near Tokmak.',
     ('Explosions/Remote violence', 'Shelling/artillery/missile attack')),
    ('On 28 December 2023, JNIM militants ambushed a FAMa convoy on the road between Douentza and Boni.',
     ('Battles', 'Armed clash')),
    ('On 11 September 2023, Fulani militiamen raided a village, killing nine residents and burning homes.',
     ('Violence against civilians', 'Attack')),
    ('On 6 July 2024, a landmine planted by unknown actors exploded under a truck near the border.',
     ('Explosions/Remote violence', 'Remote explosive/landmine/IED')),
    ('On 17 March 2024, police arrested an opposition journalist at his home in the capital.',
     ('Strategic developments', 'Arrests')),
    ('On 9 May 2024, students held a sit-in at the university to protest fee increases; police dispersed them with tear gas.',
     ('Protests', 'Protest with intervention')),
    ('On 30 April 2024, rioters blocked roads and burned tyres after a local leader was killed.',
     ('Riots', 'Violent demonstration')),
    ('On 25 February 2024, a group of residents killed a man suspected of theft.',
     ('Riots', 'Mob violence')),
    ('On 13 January 2024, M23 took control of the town of Mweso after FARDC withdrew.',
     ('Strategic developments', 'Non-violent transfer of territory')),
    ('On 22 August 2023, Al Shabaab fighters overran a military base in Hiraan after a suicide car bomb attack.',
     ('Battles', 'Non-state actor overtakes territory')),
    ('On 5 June 2024, ISWAP abducted 15 farmers working in their fields near Monguno.',
     ('Violence against civilians', 'Abduction/forced disappearance')),
    ('On 14 October 2023, Israeli air force jets bombed a residential building in Gaza City.',
     ('Explosions/Remote violence', 'Air/drone strike')),
    ('On 1 December 2023, the Houthis launched a ballistic missile at a commercial ship in the Red Sea.',
     ('Explosions/Remote violence', 'Shelling/artillery/missile attack')),
    ('On 18 March 2024, Burkinabe army forces executed several civilians in a village near Djibo.',
     ('Violence against civilians', 'Attack')),
    ('On 26 July 2024, a woman was raped by two armed men in Ituri.',
     ('Violence against civilians', 'Sexual violence')),
    ('On 10 October 2023, Syrian regime forces shelled the outskirts of Idlib city.',
     ('Explosions/Remote violence', 'Shelling/artillery/missile attack')),
    ('On 3 April 2024, Yemeni security forces intercepted a boat carrying weapons off the coast.',
     ('Strategic developments', 'Disrupted weapons use')),
    ('On 16 May 2024, the Wagner-linked unit set up a new camp near the airport.',
     ('Strategic developments', 'Headquarters or base established')),
    ('On 20 June 2024, militants torched a primary school in the district.',
     ('Strategic developments', 'Looting/property destruction')),
    ('On 2 November 2023, an explosive device planted on a motorcycle detonated in a market, wounding seven.',
     ('Explosions/Remote violence', 'Remote explosive/landmine/IED')),
    ('On 8 January 2024, the Sudanese Armed Forces recaptured the bridge from the RSF.',
     ('Battles', 'Government regains territory')),
    ('On 24 May 2024, armed men stormed a church during mass and shot dead 12 worshippers.',
     ('Violence against civilians', 'Attack')),
    ('On 7 April 2024, the national army and the rebel coalition agreed to a 72-hour truce.',
     ('Strategic developments', 'Agreement')),
    ('On 12 February 2024, a grenade was thrown into a nightclub, injuring four people.',
     ('Explosions/Remote violence', 'Grenade')),
    ('On 19 July 2024, lawyers protested outside the courthouse against the arrest of a colleague.',
     ('Protests', 'Peaceful protest')),
    ('On 1 May 2024, workers marched through the city to mark Labour Day.',
     ('Protests', 'Peaceful protest')),
    ('On 27 March 2024, police fired live bullets at demonstrators, killing two.',
     ('Protests', 'Excessive force against protesters')),
    ('On 15 September 2023, unknown gunmen shot and injured a local councillor in front of his house.',
     ('Violence against civilians', 'Attack')),
    ('On 23 October 2023, Turkish drones struck a vehicle near Qamishli, killing two SDF members.',
     ('Explosions/Remote violence', 'Air/drone strike')),
    _xfail('On 11 November 2023, clashes erupted between police and supporters of a jailed politician.',
           ('Riots', 'Violent demonstration'),
           "no protest cue: a party's supporters clashing with the police are not read as rioters"),
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
    return acled_labels([_text(p) for p in POSITIVE + CONFUSIONS + NOTES + NEGATIVE])


@pytest.mark.parametrize("text,want", POSITIVE, ids=[_text(p)[:36] for p in POSITIVE])
def test_issue9_fallback_types_the_sentence(labels, text, want):
    assert labels[text] == want


@pytest.mark.parametrize("text,want", CONFUSIONS, ids=[_text(p)[:36] for p in CONFUSIONS])
def test_issue9_confusions_get_the_codebook_type(labels, text, want):
    assert labels[text] == want


@pytest.mark.parametrize("text,want", NOTES, ids=[_text(p)[:40] for p in NOTES])
def test_issue9_notes_get_the_codebook_type(labels, text, want):
    assert labels[text] == want


@pytest.mark.parametrize("text", NEGATIVE, ids=[_text(p)[:36] for p in NEGATIVE])
def test_issue9_fallback_leaves_non_events_untyped(labels, text):
    assert labels[text] is None


def test_issue9_fallback_heads_need_known_cues():
    """Every cue a head row needs is a cue of the ACLED layer or one the stage reads off the head."""
    from whimbrel.codebook.acled_fallback import LOCAL_CUES
    from whimbrel.codebook.acled_rules2 import PART2_CUES

    for lemma, head in FALLBACK_HEADS.items():
        for need in head.needs:
            assert need in CUES or need in PART2_CUES or need in LOCAL_CUES, (lemma, need)


@pytest.mark.parametrize("recipients,cues,want", [
    (("MIL",), ("riot_agent", "armed_target"), "Chemical weapon"),
    ((), ("riot_agent", "armed_target", "protest"), "Grenade"),
    ((), ("riot_agent", "armed_target", "violent"), "Grenade"),
    ((), ("riot_agent",), "Grenade"),
])
def test_issue9_tear_gas_in_war_is_a_chemical_weapon(recipients, cues, want):
    coded = acled_coding("ASSAULT", "explosives", recipient_sectors=recipients, cues=("grenade",) + cues)
    assert coded.sub_event_type == want


@pytest.mark.parametrize("text,present,absent", [
    ("Clashes broke out near the gold mine.", set(), {"explosive"}),
    ("A mine exploded under the truck.", {"explosive"}, set()),
    ("Police detained six activists ahead of the planned march.", {"protest_ahead", "intervention"}, set()),
    ("Police prevented a planned march and detained three organisers.", {"intervention"}, {"protest_ahead"}),
    ("Government soldiers drove the rebels out of the town.", {"state_taker"}, {"nonstate_taker"}),
    ("Rebel fighters seized the town.", {"nonstate_taker"}, {"state_taker"}),
    ("TPLF forces seized the town.", set(), {"state_taker", "nonstate_taker"}),
])
def test_issue9_sentence_cues(nlp, text, present, absent):
    from whimbrel.stages.acled_cues import sentence_cues

    cues = sentence_cues(nlp(text)[0])
    assert present <= cues and not (absent & cues), cues


@pytest.mark.parametrize("text,heads", [
    ("Looted shops lined the street.", ["Looted"]),
    ("The shooting death of a teenager shocked the town.", []),
    ("After the blast, the minister spoke.", []),
    ("Protesters blocked the road.", ["Protesters"]),
    ("Aid was sent to protesters.", []),
    ("The rebels will not recruit children, their leader said.", []),
])
def test_issue9_fallback_heads_read_from_the_parse(nlp, text, heads):
    from whimbrel.stages.acled_fallback import fallback_heads

    doc = nlp(text)
    found = [t.text for s in doc.sents for t, _ in fallback_heads(s)]
    assert found == heads
