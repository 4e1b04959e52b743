"""The ACLED layer: a PLOVER event plus the cues of its sentence → ACLED's coding.

ACLED codes an incident by what was done (the event type and sub-event type), by whom and
to whom (the actor categories ``inter1``/``inter2`` and their interaction code) and by the
kind of disorder.  whimbrel's PLOVER type and mode say much of that but not all: "police
fired tear gas at protesters" is a PROTEST and a COERCE event to PLOVER and one *Protest
with intervention* to ACLED.  So the layer reads, besides the type and mode, the sectors of
the event's actors and recipients and a small set of **cues** of the event's sentence
(weapons, outcomes, protest violence and policing, mobs, intercepts).

The cues are found by the extraction stage that holds the parse
(:mod:`whimbrel.stages.acled_cues`, from :data:`CUE_PHRASES` here); this module only
decides.  :data:`RULES` is the ordered rule table: the first rule whose PLOVER types and
condition fit decides, and its ``id`` is recorded on the event (``acled.rule``).  When no
rule fits, :func:`~whimbrel.codebook.acled_map.acled` (the per-(type, mode) table) does.
``docs/acled.md`` is generated from this table (:func:`render_acled_markdown`).

Category names and definitions follow the ACLED codebook; rules and wording are ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Iterable, Mapping, Optional, Sequence

from ..errors import CodebookError
from ..records import AcledType
from ._tables import ARMED_SECTORS, STATE_SECTORS
from .acled_map import ACLED_TYPES, acled

# --------------------------------------------------------------------------- cues

CUE_PHRASES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    # instruments
    "chemical": ("chlorine", "sarin", "chemical", "nerve agent", "mustard gas", "toxic gas", "poison gas",
                 "toxic chemical", "gas ... canister", "canister ... gas", "poisonous gas", "mustard agent",
                 "blister agent", "nerve gas", "phosgene", "chemical munition"),
    "grenade": ("grenade",),
    # riot-control agents: policing at a protest, a chemical weapon when used in warfare
    "riot_agent": ("tear gas", "teargas", "pepper gas", "cs gas", "tear-gas"),
    "suicide": ("suicide bomber", "suicide bombing", "suicide bomb", "suicide attack", "suicide attacker",
                "suicide car", "suicide vest", "suicide truck", "blow himself up", "blow herself up",
                "blow themselves up", "explosive vest", "explosive belt", "suicide belt", "kill himself|herself|themselves"),
    "air": ("airstrike", "air strike", "air raid", "warplane", "aircraft", "helicopter", "drone", "gunship",
            "air force", "jet", "aerial", "bombing raid", "uav", "quadcopter", "unmanned aerial"),
    "shelling": ("shell", "shelling", "artillery", "mortar", "rocket", "missile", "bombardment", "bombard",
                 "howitzer", "katyusha", "tank fire"),
    "explosive": ("bomb", "bombing", "ied", "explosive", "landmine", "mine", "blast", "explosion", "explode",
                  "detonate", "device"),
    "device": ("bomb", "ied", "landmine", "device", "grenade", "ordnance", "shell", "mortar", "rocket",
               "explosive"),
    # outcomes
    "retook": ("retake", "recapture", "regain ... control", "wrest ... control", "reclaim", "liberate",
               "restore ... control", "take back", "win back", "back ... control",
               "control of ... restore|regain|retake|recapture",
               "recover|regain ... town|village|city|district|locality|base|camp|airport|crossing|territory|"
               "capital|stronghold|position|area|region"),
    "took": ("capture", "overrun", "take over", "take ... control", "seize ... control", "gain ... control",
             "raise ... flag", "fall of ... to", "drive|push|force ... out", "expel ... from", "oust ... from",
             "seize ... town|village|city|district|base|airport|crossing|post|hill|hilltop|territory|capital|"
             "stronghold|position|checkpoint|field|area|region|port|camp|garrison|barracks|outpost|locality",
             "in control of", "control of ... fall to", "fall to"),
    "base": ("set up ... base|camp|headquarters|post|position|outpost",
             "establish ... base|camp|headquarters|post|position|outpost",
             "open ... base|headquarters|outpost|command", "build ... base|outpost",
             "open ... post", "turn ... into ... base|camp|headquarters|stronghold|barracks|outpost|post",
             "convert ... into ... base|camp|headquarters|stronghold|barracks|outpost|post",
             "move|relocate|transfer ... headquarters|base to"),
    "forced": ("storm", "overrun", "assault", "attack", "by force", "force ... out"),
    "handover": ("hand over", "hand it|them over", "hand ... control|base|post|town|city|checkpoint|security|territory|position",
                 "transfer ... control|checkpoint|base|post|security|territory", "without a fight",
                 "control ... pass to", "control ... pass", "pass ... control",
                 "without resistance", "unopposed", "move in"),
    "entered": ("enter ... town|village|city|district|base|camp|capital|neighbourhood|neighborhood|territory|"
                "airport|port|area|region|province|settlement|stronghold",),
    "uncontested": ("peacefully", "without a fight", "without fighting", "no fighting", "without resistance",
                    "no resistance", "unopposed", "without a shot", "without firing", "without bloodshed",
                    "no clash", "no clashes",
                    "after ... withdraw|withdrawal|pullout|leave|retreat|abandon|vacate|flee|evacuate|pull",
                    "abandon by", "vacate by"),
    "disrupted": ("defuse", "intercept", "shoot down", "down ... drone|missile|rocket|aircraft|plane",
                  "foil", "thwart", "fail to detonate", "fail to explode", "not go off", "not explode",
                  "not detonate", "bomb disposal", "controlled explosion", "safely detonate",
                  "seize ... weapon|explosive|ammunition|arm|cache|rocket|grenade|bomb|rifle",
                  "confiscate ... weapon|explosive|ammunition|arm|cache|rifle",
                  "recover ... weapon|explosive|ammunition|cache", "find ... cache|explosive",
                  "destroy ... cache", "dismantle ... bomb|device", "cache of", "make ... safe", "render ... safe",
                  "bomb|device|explosive|ied|grenade find"),
    # protests
    "protest": ("protest", "protester", "protestor", "demonstration", "demonstrator", "demonstrate", "rally",
                "march", "marcher", "sit-in", "picket", "mourner",
                "gather|assemble|converge ... to denounce|demand|protest|oppose|condemn|reject|decry|urge|press",
                "gather|assemble|converge ... against"),
    "violent": ("riot", "rioter", "rioting", "throw ... stone|rock|petrol|molotov|brick", "hurl ... stone|rock|"
                "petrol|molotov|brick", "pelt", "torch", "set ... fire|ablaze", "burn", "smash", "loot", "storm",
                "rampage", "barricade", "clash ... police|security|force", "petrol bomb", "molotov", "violent"),
    "intervention": ("tear gas", "teargas", "disperse", "break up", "water cannon", "baton", "prevent", "rubber bullet",
                     "forcibly remove", "detain", "arrest", "round up"),
    "lethal": ("live ammunition", "live round", "live fire", "open fire", "shoot", "kill", "to death", "sniper",
               "fire on", "fire at", "fire into", "slaying", "gunshot"),
    "peaceful": ("peaceful", "peacefully", "unarmed"),
    # a protest told as still to come ("arrested ahead of the planned rally"): what happens before it is
    # no intervention in it (stopping the protest itself is: "prevented a planned march")
    "protest_ahead": ("ahead of ... protest|rally|march|demonstration|picket",
                      "before ... planned|upcoming ... protest|rally|march|demonstration"),
    # other violence
    "mob": ("mob", "lynch", "vigilante", "set upon", "angry crowd", "crowd ... beat|stone|lynch|burn",
            "villager ... beat|stone|lynch", "resident ... beat|stone|lynch", "stone ... to death"),
    "sexual": ("rape", "sexual", "sexually", "gang-rape"),
    "abduct": ("kidnap", "abduct", "hostage", "abduction", "kidnapping", "ransom"),
    "loot": ("loot", "plunder", "ransack", "pillage", "demolish", "torch", "set ... fire|ablaze", "vandalise",
             "vandalize", "vandalism", "vandal", "deface",
             "burn ... house|home|shop|village|school|bus|car|office|clinic|station|stall|church|mosque"),
    # captives traded between the sides (an agreement, whatever verb the report uses)
    "prisoner_swap": ("exchange|swap|trade ... prisoner|hostage|captive|detainee",
                      "prisoner|hostage|captive|detainee exchange|swap"),
    # what makes an agreement or an explosion no ACLED event
    "conflict_deal": ("ceasefire", "cease-fire", "truce", "peace", "surrender", "hostage", "prisoner", "evacuation",
                      "evacuate", "cessation ... hostility|hostilities", "armistice", "disarmament", "demobilization", "amnesty"),
    "accident": ("accidentally", "accidental", "by accident", "gas explosion", "gas leak", "car crash", "crash",
                 "earthquake", "workplace accident", "unintentionally"),
    # small arms used in the same attack (a ground assault, not remote fire)
    "small_arms": ("rifle", "small arms", "small-arms", "machine gun", "machine-gun", "kalashnikov", "ak-47",
                   "automatic weapon", "assault rifle", "gunfire"),
    # a fight between armed sides named as such
    "gunbattle": ("gunbattle", "gun battle", "gunfight", "gun fight", "firefight", "shootout", "shoot-out",
                  "exchange of fire", "exchange ... fire|gunfire", "trade ... fire|gunfire"),
    # gunfire heard or reported, told with no one firing or hit named ("shots rang out", "reports of shots fired")
    "gunfire_heard": ("shot|gunshot|gunfire ... ring|hear|erupt|echo|crackle|report",
                      "report|sound|burst|volley of ... shot|gunshot|gunfire", "hear ... shot|gunshot|gunfire",
                      "shot fire", "shot be fire"),
    # a coup: power seized, a government or head of state overthrown
    "coup": ("coup", "putsch", "junta", "seize|grab power",
             "overthrow|topple|depose|oust ... president|government|leader|regime|king|premier|ruler|head|"
             "prime|cabinet|civilian"),
    # gunfire aimed at no one, and harm done
    "aimless_fire": ("in the air", "into the air", "in the sky", "into the sky", "skyward", "warning shot",
                     "celebratory gunfire", "celebratory fire", "celebratory shot"),
    # a weapon used: fired, launched, dropped, landed, hit, set off (the verbs of remote violence)
    "weapon_use": ("hit", "strike", "fire", "launch", "drop", "land", "pound", "target", "rain", "explode",
                   "detonate", "go off", "destroy", "damage", "struck", "blow up", "plant", "throw",
                   "hurl", "lob", "toss", "use ... chlorine|sarin|gas|chemical|agent|phosgene"),
    # a munition let fall from the air ("a drone dropped a grenade")
    "air_drop": ("drop", "dropped from"),
    "harm": ("kill", "wound", "injure", "injury", "dead", "die", "hurt", "casualty", "hit", "death"),
    "no_harm": ("no one ... hurt|injure|wound|kill|harm", "nobody ... hurt|injure|wound|kill|harm",
                "no injury|injuries|casualty|casualties|fatality|fatalities|death|deaths",
                "without ... injury|injuries|casualty|casualties", "no one be hurt|injure|wound|kill",
                "unharmed", "no harm"),
    # a change to an armed group itself: merged, renamed, split, allied to another, newly led
    "group_change": ("merge", "merger", "pledge allegiance", "allegiance to", "rename", "change ... name",
                     "new name", "splinter", "break away", "breakaway", "split from",
                     "announce ... split", "split in|within the", "split into", "new leader", "new commander",
                     "new chief", "appoint ... commander|leader|chief|emir|governor|wali", "appointment of ... "
                     "commander|leader|chief|emir|governor|wali", "dissolve", "disband",
                     "name ... commander|leader|chief|emir|governor|wali",
                     "new leadership", "change of leadership", "leadership change", "unite under", "recruit", "recruitment",
                     "replace ... leader|commander|chief|emir", "leader|commander|chief|emir ... replace",
                     "succeed ... leader|commander|chief|emir", "form ... alliance|coalition",
                     "alliance with", "ally with", "join forces with"),
    # an armed organisation named as such (whose own changes ACLED codes)
    "armed_group": ("armed group", "armed movement", "armed faction", "armed wing", "armed organisation",
                    "armed organization", "insurgent group", "rebel group", "militant group", "jihadist group",
                    "faction", "insurgency"),
    # a fight between two sides named by its verb or noun
    "combat": ("fight", "fighting", "battle", "clash", "skirmish"),
    # a peace force (whose arrival or deployment ACLED codes as a change to activity)
    "peace_force": ("peacekeeper", "peacekeeping", "peace-keeping", "blue helmet", "peace force",
                    "stabilisation force", "stabilization force"),
    # armed personnel arriving or deployed somewhere
    "arrival": ("arrive", "arrival", "deploy", "deployment"),
    # an aircraft or drone seen flying over or above a place (no weapon used)
    "overflight": ("drone|warplane|aircraft|jet|helicopter|uav|quadcopter|plane ... fly|hover|circle|spot|sight",
                   "fly|hover|circle ... over|above ... base|town|city|village|camp|position|area|capital|airport"),
    # who is moved: armed personnel and peace forces
    "armed_personnel": ("peacekeeper", "peacekeeping", "blue helmet", "troop", "soldier", "contingent",
                        "battalion", "brigade"),
    # who was hit
    "armed_target": ("soldier", "troop", "policeman", "police officer", "officer", "army", "militant", "rebel",
                     "fighter", "insurgent", "guerrilla", "militia", "militiaman", "patrol", "checkpoint",
                     "convoy", "jihadist", "separatist", "security force", "serviceman", "guard", "position",
                     "gunman", "assailant", "bandit"),
    "civilian_victim": ("man", "woman", "child", "boy", "girl", "people", "person", "civilian", "resident",
                        "villager", "passenger", "student", "worshipper", "journalist", "teacher", "farmer",
                        "family", "baby", "teen", "teenager", "victim", "shopper", "pedestrian", "driver",
                        "worker", "activist", "priest", "ambassador", "wife", "husband", "son", "daughter"),
})
"""Cue name → phrases (lemmas).  ``a b`` is adjacent words; ``a ... b`` allows up to four words
between; ``x|y`` is either word.  Matched on lemmas and lower-cased forms by the stage."""

CUE_IGNORED: tuple[str, ...] = ("riot police", "riot squad", "riot gear", "riot officer", "riot control",
                                 "stun grenade", "tear gas grenade", "murder suicide", "murder-suicide",
                                 "gold mine", "coal mine", "copper mine", "diamond mine", "tin mine", "salt mine",
                                 "mine worker", "mine site", "carry out", "carried out", "carries out",
                                 "carrying out")
"""Phrases whose words are not cues ("riot police" is no riot, a "stun grenade" no grenade attack, a
"gold mine" no landmine, the "out" of "carried out" no one driven out)."""

ARGUMENT_CUES: Mapping[str, str] = MappingProxyType({
    "two_sided": "the event's trigger is a fight or clash \"between A and B\": both sides named",
    "harm_trigger": "one of the event's trigger words tells people killed or hurt (kill, wound, shoot, stab...)",
    "combat_trigger": "the event's trigger itself names a fight between two sides (fight, fighting, battle, "
                      "gunbattle, firefight, skirmish)",
    "armed_subject_only": "the armed words of the sentence (soldiers, militants...) are all in the subject of "
                          "the event's trigger (or the agent of a passive one, or, for a noun trigger, its "
                          "modifiers and its \"by\" phrase: \"a militia attack\"), or in the subject of a "
                          "reporting verb or of a verb of finding or attending to the victim (\"officers found the "
                          "victim with a gunshot wound\"), or in an \"at / in / near X\" phrase of a trigger verb that has "
                          "its victim as object (\"soldiers killed a man at a checkpoint\"): the attacker is armed, "
                          "nothing says the attacked are",
    "person_object": "the event's object (direct object, passive subject, or the noun a participle describes) "
                     "names people: a person's name, a pronoun, or a noun for people (workers, civilians, a chief)",
    "crowd_actor": "the event's subject is a crowd or an unorganised body of people (a crowd, villagers, "
                   "residents, youths, members of a community), not an armed group",
    "ended": "the event is what an ending verb ends (\"an accord ending two years of fighting\", \"a truce to "
             "halt the clashes\"): a past or continuing state named, not an incident of this report",
    "grievance": "the event is told inside what a demand or protest is about (\"demanding the "
                 "return of land seized by the army\", \"protesting against the killing of a student\")",
    "intervention_in_grievance": "every policing word of the sentence (arrest, tear gas...) is inside what a "
                                 "protest is against (\"protested against the arrest of a colleague\"): the "
                                 "grievance, not an intervention in this protest",
    "lethal_in_grievance": "every lethal-force word of the sentence is inside what a protest is against "
                           "(\"marched over the killing of a student\")",
    "protester_violence": "a violent verb of the sentence (stormed, burned, smashed, attacked, threw ...) has "
                          "protesters as its subject, is a relative clause on them (\"protesters who stormed "
                          "parliament\") or is joined to the protest verb (\"demonstrated and attacked the "
                          "embassy\"): the demonstrators, not the police, did the violence",
    "state_taker": "a taking verb of the sentence (took, seized, drove ... out) has a state force as its subject "
                   "(\"government soldiers\", \"the army\")",
    "nonstate_taker": "a taking verb of the sentence has a non-state armed group as its subject (\"rebels\", "
                      "\"militiamen\")",
    "bystander_parties": "the sentence's armed and civilian people (soldiers, residents...) are all subjects of "
                         "reporting verbs or verbs of finding (\"residents reported shots fired\"), or in a "
                         "\"near / around / outside X\" phrase (\"gunfire near the army barracks\"): witnesses "
                         "or landmarks, not parties to what they report",
    "property_object": "the event's object names property: a building, place, vehicle, goods, aid, livestock, "
                       "land, money or weapons",
})
"""Cues read off the trigger's own arguments in the parse (not phrases of the sentence): the
stage gives them from each object's semantic class (:func:`whimbrel.stages.senses.semantic_classes`)."""

PROPERTY_NOUNS: frozenset[str] = frozenset(
    """property land farmland plot estate asset belonging possession good goods merchandise cargo
    livestock cattle cow goat sheep camel herd donkey horse harvest crop grain money cash fund
    farm valuable jewellery jewelry gold equipment machinery vehicle car truck lorry motorcycle bus boat
    house home shop store warehouse office factory building""".split())
"""Lemmas of nouns for property, beyond the stage's facility and goods classes (what Looting/property
destruction is about: property taken or destroyed)."""

PEOPLE_NOUNS: frozenset[str] = frozenset(
    """engineer technician contractor nurse doctor medic trader merchant businessman businesswoman
    shopkeeper herder herdsman farmer fisherman miner pilot crew sailor seafarer missionary tourist
    traveller traveler pilgrim foreigner expatriate national staff staffer employee volunteer
    villager passenger commuter chief elder headman cleric imam pastor monk nun schoolgirl
    schoolboy pupil student teacher lawyer judge candidate politician lawmaker mayor governor
    official diplomat reporter photographer cameraman relative family""".split())
"""Lemmas of nouns for people by occupation or standing, beyond the stage's person class (who can be
abducted, as opposed to what can be looted)."""

FINDER_VERBS: frozenset[str] = frozenset(
    "find discover locate spot see witness notice respond arrive recover identify confirm investigate pronounce "
    "rush transport".split())
"""Lemmas of verbs of coming upon, attending to or looking into an attack ("officers found the victim with a
gunshot wound"): their subject (like a reporting verb's) is no party to the attack."""

GRIEVANCE_WORDS: frozenset[str] = frozenset(
    "demand protest".split())
"""Lemmas of the verbs and nouns whose object is what a protest or demand is about."""

HARM_WORDS: frozenset[str] = frozenset("kill wound injure shoot stab murder massacre behead hack maim".split())
"""Lemmas of trigger words that tell people killed or hurt (an event told with one of them, "raided the
village, killing nine and burning homes", is violence, not property destruction)."""

COMBAT_WORDS: frozenset[str] = frozenset("fight fighting battle gunbattle firefight skirmish".split())
"""Lemmas of triggers that name a fight between two sides (a clash may be one-sided: "police clashed with
villagers")."""

CROWD_NOUNS: frozenset[str] = frozenset(
    "crowd mob throng horde villager resident youth community neighbour neighbor onlooker bystander".split())
"""Lemmas of nouns for an unorganised body of people: as the attacker, what ACLED calls mob violence."""

CUES: frozenset[str] = frozenset(CUE_PHRASES) | frozenset(ARGUMENT_CUES)


@dataclass(frozen=True)
class AcledCues:
    """The cue names found in an event's sentence (see :data:`CUE_PHRASES`)."""

    found: frozenset[str] = frozenset()

    def __contains__(self, name: str) -> bool:
        return name in self.found


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class AcledFacts:
    """Everything a rule may read: the PLOVER event, its parties' sectors, its sentence's cues."""

    etype: str
    mode: Optional[str]
    actors: frozenset[str]
    recipients: frozenset[str]
    cues: AcledCues

    def cue(self, *names: str) -> bool:
        return any(n in self.cues for n in names)

    @property
    def state_actor(self) -> bool:
        # external forces fighting for the government (EXT: Wagner beside the Malian army) are its side
        return bool(self.actors & (STATE_SECTORS | {"MIL", "COP", "EXT"})) and not self.actors & {"REB", "UAF", "OPP"}

    @property
    def nonstate_actor(self) -> bool:
        return bool(self.actors) and not self.state_actor


@dataclass(frozen=True)
class Rule:
    """One row of the rule table."""

    id: str
    types: frozenset[str]
    """PLOVER types the rule applies to."""
    when: str
    """The condition, in words (for docs/acled.md)."""
    test: Callable[[AcledFacts], bool]
    result: Callable[[AcledFacts], Optional[tuple[str, str]]]
    """The (event type, sub-event type); ``None`` for rules that say ACLED would not code the event."""
    definition: str
    """What ACLED's codebook says of the sub-event type (our paraphrase)."""
    results_text: str = ""


def _fixed(event_type: str, sub: str) -> Callable[[AcledFacts], tuple[str, str]]:
    return lambda f: (event_type, sub)


_NONSTATE_ARMED = frozenset({"REB", "UAF", "INS"})


def _territory(f: AcledFacts) -> tuple[str, str]:
    if not f.actors & ARMED_SECTORS and f.cue("state_taker") != f.cue("nonstate_taker"):
        # no armed taker among the event's actors ("heavy fighting"; the official who confirmed it): the taker named does
        return ("Battles", "Government regains territory" if f.cue("state_taker") else
                "Non-state actor overtakes territory")
    if f.cue("retook") and not f.nonstate_actor:
        return ("Battles", "Government regains territory")
    if f.state_actor:
        return ("Battles", "Government regains territory")
    if not f.actors and f.recipients & _NONSTATE_ARMED and not f.recipients & (STATE_SECTORS | {"MIL", "COP", "EXT"}):
        return ("Battles", "Government regains territory")  # no taker named, non-state armed ones driven out
    return ("Battles", "Non-state actor overtakes territory")


def _hit(f: AcledFacts) -> tuple[str, str]:
    if f.recipients & ARMED_SECTORS or (f.cue("gunbattle", "combat_trigger") and (f.actors & ARMED_SECTORS)):
        return ("Battles", "Armed clash")
    if f.cue("two_sided"):
        return ("Battles", "Armed clash")  # "clashes between herders and farmers": both sides fought
    if f.cue("combat_trigger") and f.cue("armed_target") and not f.actors:
        # "fighting between the army and the rebels killed 15 people": the fight's dead, whoever they were
        return ("Battles", "Armed clash")
    if f.recipients & {"CVL", "EDU", "MED", "JRN", "REL", "REF", "BUS", "LAB", "AGR", "GOV", "LEG", "JUD", "OPP", "PTY", "ELI", "SOC"}:
        return ("Violence against civilians", "Attack")
    if f.cue("combat") and f.actors & ARMED_SECTORS:
        return ("Battles", "Armed clash")  # "soldiers fought a band of raiders": a fight has two armed sides
    if f.cue("armed_target") and not f.cue("armed_subject_only"):
        return ("Battles", "Armed clash")
    if f.cue("combat") and not f.actors and not f.recipients and not f.cue("civilian_victim"):
        return ("Battles", "Armed clash")  # "heavy clashes continued in the district": two unnamed sides fought
    return ("Violence against civilians", "Attack")


_ASSAULT = frozenset({"ASSAULT"})
_PROTESTISH = frozenset({"PROTEST", "ASSAULT", "COERCE"})
_FIREARM_LIKE = (None, "firearms", "primitive", "beat", "torture", "execute", "assassinate")
_WEAPON_MODES_AIR = (None, "aerial", "explosives")
_WEAPON_MODES_SHELL = (None, "heavy-weapons", "explosives", "firearms")


def _seizes_people(f: AcledFacts) -> bool:
    """A seizure (PLOVER's confiscate mode) whose object names people and no property."""
    return f.mode == "confiscate" and f.cue("person_object") and not f.cue("property_object")


def _policing(f: AcledFacts) -> bool:
    return bool(f.actors & {"COP", "JUD"})


def _in_protest(f: AcledFacts) -> bool:
    """A protest event, or another event told in a protest sentence (not one before a protest to come)."""
    return f.etype == "PROTEST" or (f.cue("protest") and not f.cue("protest_ahead"))


def _riot_agent_in_war(f: AcledFacts) -> bool:
    """Tear gas used against armed forces away from any protest: ACLED codes it a chemical weapon."""
    return (f.cue("riot_agent") and not f.cue("protest", "violent") and not f.actors & {"COP"}
            and bool(f.recipients & ARMED_SECTORS or f.cue("armed_target")))


def _unarmed_clash(f: AcledFacts) -> bool:
    """A clash with no armed side named ("rival supporters clashed during a rally")."""
    return (f.cue("combat") and not (f.actors | f.recipients) & ARMED_SECTORS and not f.cue("armed_target")
            and not f.cue("gunbattle"))


def _harms_people(f: AcledFacts) -> bool:
    """People killed or hurt: a trigger says so ("killing nine"), or a harm word in the report and no "no one
    was hurt" (the attack and the killing told as two events); property destruction is coded only without."""
    return f.cue("harm_trigger") or (f.cue("harm") and not f.cue("no_harm"))


def _ground_assault(f: AcledFacts) -> bool:
    """Rockets or shells fired with small arms at armed targets: a ground assault, the battle it is."""
    return f.cue("small_arms") and bool(f.recipients & ARMED_SECTORS or (f.cue("armed_target") and not f.cue("armed_subject_only")))


def _mob_only(f: AcledFacts) -> bool:
    """A mob or lynching named with no demonstration in the sentence: ACLED's mob violence."""
    return f.cue("mob") and not f.cue("protest")


RULES: tuple[Rule, ...] = (
    Rule("group-change", frozenset({"AGREE", "COOPERATE", "MOBILIZE"}),
         "an armed group merges, renames itself, splits, pledges allegiance to another, dissolves or names a new "
         "leader (an armed party among the actors, or armed actors named in the sentence)",
         lambda f: f.cue("group_change") and (bool((f.actors | f.recipients) & ARMED_SECTORS)
                                              or f.cue("armed_target", "armed_group")),
         _fixed("Strategic developments", "Change to group/activity"),
         "Change to group/activity: a significant change in an armed or political group's make-up or conduct, "
         "such as a merger, a new name, a split, a new alliance or allegiance, or new leadership."),
    Rule("prisoner-exchange", frozenset({"COOPERATE"}),
         "prisoners, hostages or captives exchanged or swapped between two sides",
         lambda f: f.cue("prisoner_swap"), _fixed("Strategic developments", "Agreement"),
         "Agreement covers deals between the parties to a conflict or disorder, prisoner exchanges among them."),
    Rule("not-conflict-agreement", frozenset({"AGREE"}),
         "an agreement with no armed party and no ceasefire, truce, peace, surrender, prisoner or evacuation in "
         "its sentence (trade deals, budgets, business)",
         lambda f: not (f.actors | f.recipients) & ARMED_SECTORS and not f.cue("conflict_deal"),
         lambda f: None,
         "Agreement covers deals between the parties to a conflict or disorder: ceasefires, peace deals, "
         "surrenders, prisoner exchanges, evacuations. Other agreements are not ACLED events.",
         results_text="not coded"),
    Rule("conflict-agreement", frozenset({"RETREAT", "CONCEDE"}),
         "a surrender, or a ceasefire or truce declared or agreed, by a party to the conflict or with a ceasefire, "
         "truce, surrender or prisoner release in its sentence",
         lambda f: f.mode in (None, "ceasefire") and f.cue("conflict_deal")
         and (f.etype == "RETREAT" or bool((f.actors | f.recipients) & ARMED_SECTORS)),
         _fixed("Strategic developments", "Agreement"),
         "Agreement covers deals between the parties to a conflict or disorder: ceasefires, peace deals, "
         "surrenders, prisoner exchanges, evacuations."),
    Rule("grievance", frozenset({"ASSAULT", "COERCE"}),
         "an attack or seizure told as what a demand or protest is about",
         lambda f: f.cue("grievance"), lambda f: None,
         "ACLED codes the demonstration; the earlier act the demonstrators name is its grievance, not an event "
         "of this report.",
         results_text="not coded"),
    Rule("ended-fighting", _ASSAULT, "fighting or violence named as what an agreement, truce or call ends, halts or "
         "stops", lambda f: f.cue("ended"), lambda f: None,
         "ACLED codes the agreement (or the call) reported; the fighting it ends is the background of the report, "
         "not an incident of its own.",
         results_text="not coded"),
    Rule("accident", _ASSAULT, "a shooting, explosion or death reported as an accident (gas explosion, crash), "
         "unless a weapon went off (a bomb, mine, shell or other device)",
         lambda f: f.cue("accident") and not f.cue("device"), lambda f: None,
         "ACLED codes political violence and demonstrations; accidents are not events. A weapon that goes off "
         "by accident (a landmine, unexploded ordnance, a bomb detonating while being planted) is still coded "
         "as the explosion it is.",
         results_text="not coded"),
    Rule("disrupted-weapons", frozenset({"ASSAULT", "COERCE", "MOBILIZE"}),
         "the sentence reports an intercept, shoot-down, defusal, failed detonation or a seizure of weapons (not "
         "weapons seized by a non-state armed group that took the place: \"insurgents overran a base and seized "
         "weapons\")",
         lambda f: f.cue("disrupted") and not (f.cue("took") and bool(f.actors & _NONSTATE_ARMED)),
         _fixed("Strategic developments", "Disrupted weapons use"),
         "An attempted attack or weapons use that was stopped: explosives defused or failing to go off, missiles "
         "and drones intercepted or shot down, caches and weapons seized. Coded to whoever stopped or reports it."),
    Rule("chemical-weapon", _ASSAULT, "an attack whose sentence names a chemical agent (chlorine, sarin, toxic gas), "
         "or tear gas used against armed forces with no protest or riot in the sentence",
         lambda f: f.cue("chemical") or _riot_agent_in_war(f),
         _fixed("Explosions/Remote violence", "Chemical weapon"),
         "Use of chemical weapons in warfare, whatever the delivery; a riot-control agent (tear gas) used "
         "against armed forces, not at a protest, counts too."),
    Rule("excessive-force", _PROTESTISH,
         "a protest sentence with lethal force (live fire, shootings, killings) by state forces (or by no one "
         "named), the protest itself not violent",
         lambda f: _in_protest(f) and f.cue("lethal") and not f.cue("lethal_in_grievance")
         and not (f.cue("violent") and not f.cue("peaceful"))
         and (f.etype == "PROTEST" or f.state_actor or not f.actors),
         _fixed("Protests", "Excessive force against protesters"),
         "Peaceful protesters met with lethal or life-threatening force by state forces or their allies."),
    Rule("violent-demonstration", frozenset({"PROTEST", "ASSAULT"}),
         "a protest sentence where the demonstrators riot, throw stones or petrol bombs, burn or smash, or clash "
         "with the police, or where unarmed sides clash (rival supporters at a rally); an event of state forces "
         "only when the protesters themselves did the violence (police shooting protesters who stormed a "
         "building); a mob or lynching with no protest named is mob violence",
         lambda f: _in_protest(f) and (f.cue("violent") or _unarmed_clash(f))
         and (not f.state_actor or f.cue("protester_violence")) and not _mob_only(f),
         _fixed("Riots", "Violent demonstration"),
         "A demonstration in which participants act violently or destructively (stone-throwing, arson, "
         "vandalism, clashes with police)."),
    Rule("protest-intervention", _PROTESTISH,
         "a protest sentence where the police (or no one named) disperse, tear-gas, break up, prevent or arrest it",
         lambda f: _in_protest(f) and f.cue("intervention") and not f.cue("intervention_in_grievance")
         and (f.etype != "ASSAULT" or f.state_actor or not f.actors),
         _fixed("Protests", "Protest with intervention"),
         "A peaceful protest that is physically dispersed or suppressed (tear gas, batons, arrests) without "
         "lethal force."),
    Rule("mob-violence", frozenset({"ASSAULT", "PROTEST"}),
         "a mob, lynching or crowd attack; or an attack (or riot) whose subject is a crowd or community, no armed "
         "or state party among its actors (a crowd that demonstrates is a protest)",
         lambda f: f.cue("mob") or (f.cue("crowd_actor") and not f.actors & ARMED_SECTORS and not f.state_actor
                                    and (f.etype == "ASSAULT" or f.mode == "riot")),
         _fixed("Riots", "Mob violence"),
         "Violence by a disorderly crowd or rioters without a demonstration's aims, e.g. lynchings and communal "
         "crowd attacks."),
    Rule("coup", frozenset({"ASSAULT", "COERCE", "MOBILIZE"}),
         "a coup: power seized or a government or head of state overthrown (coup, putsch, junta, seized power, "
         "overthrew the president), no fighting and no one killed or hurt told, no protest in the sentence and not an arrest "
         "(\"arrested officers accused of plotting a coup\")",
         lambda f: f.cue("coup") and not f.cue("harm", "harm_trigger", "protest", "combat", "gunbattle")
         and f.mode in (None, "confiscate"),
         _fixed("Strategic developments", "Other"),
         "Other: a significant development that fits no other sub-event type. A coup changes who holds state "
         "power, not who controls a territory (no transfer of territory) and, told without fighting, is no "
         "battle; fighting or killing during it is coded as the clash or attack it is."),
    Rule("sexual-violence", _ASSAULT, "rape or other sexual violence", lambda f: f.mode == "sexual" or f.cue("sexual"),
         _fixed("Violence against civilians", "Sexual violence"), "Sexual violence against civilians."),
    Rule("taken-unopposed", frozenset({"ASSAULT", "COERCE", "RETREAT", "MOBILIZE"}),
         "a place taken (captured, taken over, retaken, entered) peacefully, unopposed or after the other side "
         "withdrew or left, with no fighting or storming named",
         lambda f: f.cue("took", "retook", "entered") and f.cue("uncontested") and not f.cue("gunbattle", "forced")
         and (f.etype != "COERCE" or f.mode == "confiscate"),
         _fixed("Strategic developments", "Non-violent transfer of territory"),
         "Non-violent transfer of territory: an actor acquires control of a place without a violent interaction "
         "with another actor (taking a place by force is a battle: Government regains territory or Non-state "
         "actor overtakes territory)."),
    Rule("territory", frozenset({"ASSAULT", "COERCE"}),
         "a capture, seizure or recapture of a place (the actor's sector says government or non-state)",
         lambda f: f.cue("retook", "took") and (f.etype == "ASSAULT" or f.mode == "confiscate"),
         _territory,
         "Government regains territory: state forces retake a place from a non-state group. Non-state actor "
         "overtakes territory: a non-state group takes a place by force.",
         results_text="Battles / Government regains territory or Non-state actor overtakes territory"),
    Rule("suicide-bomb", _ASSAULT, "an attack whose sentence names a suicide bomber or bombing",
         lambda f: f.mode == "suicide-attack" or f.cue("suicide"),
         _fixed("Explosions/Remote violence", "Suicide bomb"),
         "An explosive attack in which the attacker dies by the detonation."),
    Rule("grenade", _ASSAULT, "an attack with a grenade; one dropped from a drone or aircraft is an air strike",
         lambda f: f.cue("grenade"),
         lambda f: ("Explosions/Remote violence",
                    "Air/drone strike" if f.cue("air") and f.cue("air_drop") else "Grenade"),
         "An attack with a hand-thrown or launched grenade. Munitions dropped from drones or aircraft are "
         "Air/drone strikes.",
         results_text="Explosions/Remote violence / Grenade or Air/drone strike"),
    Rule("air-drone-strike", _ASSAULT, "an aerial attack: warplanes, helicopters, drones, air strikes (also a bombardment verb, \"pounded\", "
         "with aircraft and no artillery, shell, rocket or missile named)",
         lambda f: f.mode == "aerial" or (f.cue("air") and f.mode in _WEAPON_MODES_AIR)
         or (f.cue("air") and f.mode == "heavy-weapons" and not f.cue("shelling")),
         _fixed("Explosions/Remote violence", "Air/drone strike"),
         "Attacks from the air by planes, helicopters or drones."),
    Rule("shelling", _ASSAULT, "shelling, artillery, mortars, rockets or missiles (not with small arms at armed "
         "targets: a ground assault is the battle it is)",
         lambda f: (f.mode == "heavy-weapons" or (f.cue("shelling") and f.mode in _WEAPON_MODES_SHELL))
         and not _ground_assault(f),
         _fixed("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         "Long-range fire by artillery, mortars, rockets or missiles."),
    Rule("remote-explosive", _ASSAULT, "a bomb, IED, landmine or other explosive set off remotely or on contact",
         lambda f: f.mode == "explosives" or (f.cue("explosive") and f.mode is None),
         _fixed("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         "Explosive devices detonated remotely, by timer or by contact: bombs, IEDs, landmines, car bombs."),
    Rule("headquarters", frozenset({"ASSAULT", "MOBILIZE", "COERCE", "RETREAT"}),
         "an armed group sets up or establishes a base, camp or headquarters",
         lambda f: f.cue("base"), _fixed("Strategic developments", "Headquarters or base established"),
         "An armed group establishes a permanent or semi-permanent base or headquarters."),
    Rule("non-violent-transfer", frozenset({"RETREAT", "AGREE", "ASSAULT", "MOBILIZE"}),
         "a place changes hands without a fight (handed over, unopposed, after the other side withdrew); not "
         "weapons handed over (a disarmament)",
         lambda f: f.mode != "disarm" and (f.cue("handover") or (f.mode == "withdraw" and f.cue("took", "entered"))),
         _fixed("Strategic developments", "Non-violent transfer of territory"),
         "An actor acquires control of a place without fighting, e.g. after the other side withdraws or hands "
         "it over."),
    Rule("peace-force-arrival", frozenset({"RETREAT"}),
         "peacekeepers or another peace force arrive in or are deployed to a place (PLOVER: the host lets them in)",
         lambda f: f.mode == "access" and f.cue("peace_force") and f.cue("arrival"),
         _fixed("Strategic developments", "Change to group/activity"),
         "Change to group/activity: a significant change in an armed force's presence or posture, e.g. troop "
         "movements, deployments and the arrival of a peace force (the PLOVER type stays RETREAT, access)."),
    Rule("overflight", frozenset({"MOBILIZE"}),
         "a drone or an aircraft told as flying, hovering or seen over a place, with no weapon used and no harm "
         "named (\"a drone flew over the base; no attack was reported\")",
         lambda f: f.cue("overflight") and not f.cue("harm", "weapon_use"),
         _fixed("Strategic developments", "Other"),
         "Other: a significant development that fits no other sub-event type, e.g. a drone or aircraft seen over "
         "a place where no attack is reported (an attack from the air is an Air/drone strike)."),
    Rule("withdrawal", frozenset({"RETREAT"}), "a withdrawal of forces with no one reported taking over",
         lambda f: f.mode == "withdraw", _fixed("Strategic developments", "Change to group/activity"),
         "A significant change in a group's activity or posture, e.g. troop movements and withdrawals."),
    Rule("force-withdrawal", frozenset({"SANCTION"}),
         "a withdrawal (pulled out, shipped out) of troops or peacekeepers, told as the sending side's sanction",
         lambda f: f.mode == "withdraw" and f.cue("armed_personnel"),
         _fixed("Strategic developments", "Change to group/activity"),
         "Change to group/activity: a significant change in an armed group's or force's posture, e.g. troop "
         "movements and withdrawals (a peace force is an armed force too)."),
    Rule("abduction", frozenset({"ASSAULT", "COERCE"}),
         "a kidnapping or abduction, or a seizure (seize, grab, snatch) whose object is people and whose actor "
         "is not the police or the courts",
         lambda f: f.mode == "abduct" or f.cue("abduct") or (_seizes_people(f) and not _policing(f)),
         _fixed("Violence against civilians", "Abduction/forced disappearance"),
         "Civilians kidnapped, abducted or made to disappear by an organised armed actor."),
    Rule("seized-by-police", frozenset({"ASSAULT", "COERCE"}),
         "a seizure whose object is people, by the police or the courts",
         lambda f: _seizes_people(f) and _policing(f), _fixed("Strategic developments", "Arrests"),
         "Arrests: state forces or others in control of an area detain people."),
    Rule("looting", frozenset({"ASSAULT", "COERCE"}),
         "looting, plundering, burning or demolishing property; a seizure (confiscate) only when its object is "
         "property; not an attack that is also told as killing or hurting people (that violence is coded)",
         lambda f: (f.mode == "destroy" or f.cue("loot") or (f.mode == "confiscate" and f.cue("property_object")))
         and not (_harms_people(f) and f.etype == "ASSAULT"),
         _fixed("Strategic developments", "Looting/property destruction"),
         "Property looted, seized or destroyed without other violence being reported."),
    Rule("seizure-of-nothing-named", frozenset({"ASSAULT", "COERCE"}),
         "a seizure (confiscate) with neither people nor property as its object",
         lambda f: f.mode == "confiscate", lambda f: None,
         "Looting/property destruction needs property taken or destroyed; a seizure of nothing named (a "
         "reference to earlier seizures, a seized opportunity) is not coded.",
         results_text="not coded"),
    Rule("shots-in-the-air", _ASSAULT,
         "shots fired into the air or as a warning, no one reported hurt (no harm named, or harm denied: \"no one was "
         "hurt\") and no protest in the sentence",
         lambda f: f.mode in (None, "firearms") and f.cue("aimless_fire") and not f.cue("protest")
         and (f.cue("no_harm") or not f.cue("harm")),
         _fixed("Strategic developments", "Other"),
         "Gunfire aimed at no one (into the air, warning shots) with no one hurt is no attack or clash: it is "
         "coded as a strategic development (Other); at a protest the protest rules decide."),
    Rule("gunfire-report", _ASSAULT,
         "gunfire heard or reported (\"shots rang out\", \"gunfire was heard\", \"reports of shots fired\") with "
         "no one firing or fired on named, no one reported killed or hurt, and no fight, protest or armed or "
         "civilian party in the sentence (those who report or hear it are witnesses, not parties)",
         lambda f: f.mode in (None, "firearms") and f.cue("gunfire_heard")
         and not f.cue("harm", "harm_trigger", "combat", "gunbattle", "protest")
         and (f.cue("bystander_parties") or not ((f.actors | f.recipients) or f.cue("armed_target", "civilian_victim"))),
         _fixed("Strategic developments", "Other"),
         "An attack needs a target and an armed clash two armed sides; gunfire reported with neither, and no one "
         "hurt, is coded as a strategic development (Other). Where civilians are hit it is an Attack, where two "
         "armed sides fire an Armed clash."),
    Rule("armed-or-civilian", _ASSAULT,
         "a shooting or other attack (also a destruction told with killing or hurting people): armed targets (or a gunbattle, fight, battle or clash an armed actor fought, "
         "or fighting or clashes with no party and no civilian named) make it a battle, unarmed "
         "ones violence against civilians",
         lambda f: f.mode in _FIREARM_LIKE or (f.mode == "destroy" and _harms_people(f)) or _ground_assault(f), _hit,
         "Armed clash: armed, organised groups fight each other. Attack: an armed actor attacks unarmed "
         "civilians.", results_text="Battles / Armed clash or Violence against civilians / Attack"),
)
"""The ordered rule table: the first rule that applies to the event's PLOVER type and whose condition holds decides."""

# --------------------------------------------------------------------------- actors and disorder

INTER_NAMES: Mapping[int, str] = MappingProxyType({
    1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
})
"""ACLED's actor categories (``inter1``/``inter2``)."""

SECTOR_INTER: Mapping[str, int] = MappingProxyType({
    "GOV": 1, "MIL": 1, "COP": 1, "SPY": 1, "JUD": 1, "LEG": 1,
    "REB": 2, "IMG": 2,
    "PRM": 3, "UAF": 3,
    "CVL": 7, "EDU": 7, "MED": 7, "JRN": 7, "REL": 7, "REF": 7, "BUS": 7, "LAB": 7, "AGR": 7,
    "OPP": 7, "PTY": 7, "ELI": 7, "SOC": 7, "CRM": 7,
    "EXT": 8,
})
"""whimbrel sector → ACLED actor category (where the sector decides it)."""

ACLED_ACTOR_SECTORS: Mapping[str, tuple[str, str]] = MappingProxyType({
    "grp-wagner": ("EXT", "ACLED codes the Wagner Group (and its successor Africa Corps) as External/Other "
                          "forces (inter 8), an associated actor of the state forces it fights beside"),
    "grp-rsf": ("REB", "ACLED codes the Rapid Support Forces as a rebel group (inter 2) since their war with "
                       "the Sudanese Armed Forces began in April 2023 (before, as state forces)"),
})
"""Knowledge-base actors whose ACLED category differs from their PLOVER sector: id → (sector the
ACLED layer reads, why)."""


def acled_sector(actor_id: Optional[str], sector: Optional[str]) -> Optional[str]:
    """The sector the ACLED layer reads for an entity: its ACLED category where
    :data:`ACLED_ACTOR_SECTORS` lists its knowledge-base id, else its own sector."""
    listed = ACLED_ACTOR_SECTORS.get(actor_id or "")
    return listed[0] if listed is not None else sector

DISORDER: Mapping[str, str] = MappingProxyType({
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
})
_DISORDER_SUB = {"Excessive force against protesters": "Political violence; Demonstrations",
                 "Mob violence": "Political violence"}


def disorder_type(event_type: Optional[str], sub_event_type: Optional[str]) -> Optional[str]:
    """ACLED's disorder type of an event/sub-event type."""
    if not event_type:
        return None
    return _DISORDER_SUB.get(sub_event_type or "") or DISORDER.get(event_type)


def _category(sectors: frozenset[str]) -> int:
    found = sorted(SECTOR_INTER[s] for s in sectors if s in SECTOR_INTER)
    return found[0] if found else 0


def _inters(actors: frozenset[str], recipients: frozenset[str], event_type: str, sub: str) -> tuple[int, int]:
    """ACLED categories of the two sides (0: absent).  Protesters are the first side of a protest and
    the second of excessive force against them; the police are the second side of an intervention."""
    if sub == "Excessive force against protesters":
        return (_category(actors) or 1, 6)
    if sub == "Protest with intervention":
        return (6, 1)
    if event_type == "Protests":
        return (6, _category(recipients))
    if event_type == "Riots":
        return (5, _category(recipients))
    i2 = _category(recipients)
    if not i2 and event_type == "Violence against civilians":
        i2 = 7
    return (_category(actors), i2)


def interaction(inter1: int, inter2: int) -> str:
    """ACLED's interaction code: the two categories, lower first ("17"); one side alone is "10"."""
    if not inter1 and not inter2:
        return ""
    a, b = sorted((inter1, inter2))
    return f"{b}0" if a == 0 else f"{a}{b}"


def _norm(sectors: Iterable[str]) -> frozenset[str]:
    return frozenset(s[:3].upper() for s in sectors if s)


def acled_coding(
    etype: str,
    mode: Optional[str] = None,
    context: Iterable[str] = (),
    *,
    actor_sectors: Sequence[str] = (),
    recipient_sectors: Sequence[str] = (),
    trigger: Optional[str] = None,
    cues: Iterable[str] = (),
    claimant_sectors: Sequence[str] = (),
) -> AcledType:
    """The full ACLED coding of a PLOVER event: type, sub-type, disorder, inter1/inter2, interaction, rule.

    ``cues`` are cue names from :data:`CUE_PHRASES` found in the event's sentence.  The rule
    that decided is named in ``rule`` ("table" when the per-(type, mode) table did).  A
    disrupted attack with no actor of its own is attributed to whoever claims it
    (``claimant_sectors``: "air defences downed nine drones, the ministry said").
    """
    facts = AcledFacts(etype=etype.upper(), mode=mode, actors=_norm(actor_sectors),
                       recipients=_norm(recipient_sectors), cues=AcledCues(frozenset(cues) & CUES))
    if "cbrn" in set(context):
        facts = AcledFacts(facts.etype, facts.mode, facts.actors, facts.recipients,
                           AcledCues(facts.cues.found | {"chemical"}))
    rule_id, pair = "table", None
    for rule in RULES:
        if facts.etype in rule.types and rule.test(facts):
            rule_id, pair = rule.id, rule.result(facts)
            if pair is None:
                return AcledType(rule=rule_id)
            break
    if pair is None:
        base = acled(etype, mode, context, recipient_sectors=recipient_sectors, actor_sectors=actor_sectors,
                     trigger=trigger, intervention="intervention" in facts.cues
                     and "intervention_in_grievance" not in facts.cues)
        if not base.event_type:
            return AcledType()
        pair = (base.event_type, base.sub_event_type or "")
    et, sub = pair
    if sub not in ACLED_TYPES.get(et, ()):
        raise CodebookError(f"ACLED rule {rule_id!r} gave {et!r}/{sub!r}, which is not an ACLED pair")
    actors = facts.actors
    if rule_id == "disrupted-weapons" and not actors:
        actors = _norm(claimant_sectors)
    i1, i2 = _inters(actors, facts.recipients, et, sub)
    return AcledType(event_type=et, sub_event_type=sub, disorder_type=disorder_type(et, sub),
                     inter1=i1 or None, inter2=i2 or None, interaction=interaction(i1, i2) or None, rule=rule_id)


__all__ = ["ACLED_ACTOR_SECTORS", "AcledCues", "AcledFacts", "COMBAT_WORDS", "FINDER_VERBS", "HARM_WORDS", "CUES", "CUE_IGNORED", "CUE_PHRASES", "DISORDER", "INTER_NAMES", "RULES", "Rule",
           "SECTOR_INTER", "acled_coding", "acled_sector", "disorder_type", "interaction"]
