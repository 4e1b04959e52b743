"""The tables behind :mod:`whimbrel.codebook`: plain data, no logic.

The ACLED tables live with their rules in :mod:`whimbrel.codebook.acled_map`; the trigger
words in :mod:`whimbrel.codebook._lexicon_text`.

Facts (type names, mode names, context names, sector codes, CAMEO codes, KAIROS
type names) follow their public codebooks: the PLOVER manual and its CAMEO→PLOVER
table (Open Event Data Alliance), the CAMEO manual and the KAIROS ontology used by
WikiEvents.  Definitions are written in our own words.  Intensities are our
Goldstein-like values: the PLOVER per-type "Schrodt scores" as the type default,
adjusted per mode toward the Goldstein value of the matching CAMEO sub-codes.

Edit this file to change the codebook; then run ``whimbrel codebook --format md
> docs/codebook.md`` (a test checks that the document is current).
"""

from __future__ import annotations

# --------------------------------------------------------------------------- event types
# name: (quad_class, definition, cameo roots, default intensity, ((mode, definition, intensity|None), ...))

TYPE_TABLE: dict[str, tuple[int, str, tuple[str, ...], float, tuple[tuple[str, str, float | None], ...]]] = {
    "AGREE": (
        1,
        "Say one will cooperate: offer, promise or commit to a future cooperative act, "
        "including promises to sign, meet, settle, mediate, ease restrictions or give aid.",
        ("03",),
        4.2,
        (),
    ),
    "CONSULT": (
        1,
        "Meet or talk: visits, hosted visits, meetings at a third place, multilateral "
        "meetings, negotiations and talks by phone or other remote means.",
        ("04",),
        2.1,
        (
            ("visit", "the source travels to meet the recipient, who hosts", 1.9),
            ("host", "the source receives a visiting recipient", 2.8),
            ("third-party", "the meeting takes place at a third party's invitation or venue", 2.5),
            ("multilateral", "the meeting takes place within an alliance, summit or international organization", 2.5),
            ("phone", "the consultation is by telephone, video or another remote medium", 1.0),
        ),
    ),
    "SUPPORT": (
        1,
        "Back an actor or policy in words or diplomacy: praise, endorse, defend, recognize "
        "a state or government, open or improve diplomatic ties, sign or ratify an agreement.",
        ("05",),
        4.6,
        (),
    ),
    "CONCEDE": (
        1,
        "Give ground in words: announce or promise a concession without its material "
        "effect yet, such as easing restrictions, lifting a curfew, pardons, apologies, "
        "declaring (not carrying out) a ceasefire or a withdrawal.",
        ("08",),
        5.0,
        (),
    ),
    "COOPERATE": (
        2,
        "Take part in mutually beneficial material cooperation: trade and economic "
        "cooperation, joint military exercises, judicial cooperation and extradition, "
        "sharing intelligence.",
        ("06",),
        6.8,
        (),
    ),
    "AID": (
        2,
        "Give material help whose benefit goes mainly to the recipient: money, loans, "
        "arms, troops, police help, humanitarian relief, asylum.",
        ("07",),
        7.4,
        (
            ("economic", "money, loans, grants, credit or other economic help", 7.4),
            ("military", "arms, training, troops or protection for the recipient", 8.3),
            ("humanitarian", "emergency relief: food, shelter, medicine", 7.4),
            ("asylum", "granting asylum or refuge to persons", 7.0),
        ),
    ),
    "RETREAT": (
        2,
        "Carry out a concession with material effect: withdraw forces or cede territory, "
        "release captives, return property, disarm, observe a ceasefire, let observers or "
        "aid workers in, resign from office.",
        ("08",),
        7.6,
        (
            ("withdraw", "pull forces out of an area or cede territory", 9.0),
            ("release", "free prisoners, hostages or detainees", 7.0),
            ("return", "give back seized property", 7.0),
            ("disarm", "give up weapons or demobilize forces", 9.0),
            ("ceasefire", "stop fighting under a truce or ceasefire", 9.0),
            ("access", "allow observers, inspectors, peacekeepers or aid workers in", 9.0),
            ("resign", "an official leaves office", 5.0),
        ),
    ),
    "REQUEST": (
        3,
        "Ask, appeal or demand that another actor act: for help, for a change of policy "
        "or leadership, for a concession, or for a meeting.",
        ("10", "02"),
        -3.0,
        (
            ("assist", "ask for aid or for economic, military, judicial or diplomatic cooperation", -2.0),
            ("change", "ask for a change of policy, leadership, institutions or rights", -4.0),
            ("yield", "ask for a concession: release, easing sanctions or restrictions, de-escalation", -4.0),
            ("meet", "ask for a meeting, negotiation, mediation or settlement", -2.0),
        ),
    ),
    "ACCUSE": (
        3,
        "Find fault in words or by formal process: criticize, condemn, blame, allege, "
        "charge, sue, or open an investigation.",
        ("11", "09"),
        -2.0,
        (
            ("disapprove", "criticize, condemn, denounce or complain", -2.0),
            ("accuse", "accuse or blame an actor for a specific act", -2.0),
            ("investigate", "open or conduct an inquiry into an actor or act", -2.0),
            ("sue", "bring a lawsuit or legal charges", -2.0),
        ),
    ),
    "REJECT": (
        3,
        "Refuse: turn down a request, proposal, agreement or demand; refuse to meet, yield "
        "or cooperate; veto; defy a law or norm.",
        ("12",),
        -4.2,
        (
            ("assist", "refuse aid or cooperation", -4.0),
            ("change", "refuse a change of policy, leadership, institutions or rights", -4.0),
            ("yield", "refuse a concession: release, easing, de-escalation, access", -4.0),
            ("meet", "refuse to meet, negotiate, accept mediation or a settlement", -5.0),
        ),
    ),
    "THREATEN": (
        3,
        "Warn of a harmful act one may take: force, sanctions, restrictions, arrests, "
        "breaking relations, expulsion, occupation; ultimatums.",
        ("13",),
        -5.1,
        (
            ("restrict", "threaten to restrict people or goods: blockade, boycott, curfew, embargo", -5.8),
            ("ban", "threaten to ban parties, groups or persons", -5.0),
            ("arrest", "threaten arrest, detention or imprisonment", -5.0),
            ("relations", "threaten to cut aid, relations or talks", -4.4),
            ("expel", "threaten to expel diplomats, peacekeepers or agencies", -5.0),
            ("territory", "threaten to occupy or seize territory", -7.0),
            ("violence", "threaten violence or military force", -7.0),
        ),
    ),
    "PROTEST": (
        4,
        "Collective public dissent against an actor or policy: demonstrations, rallies, "
        "marches, strikes, hunger strikes, boycotts, blockades, riots.",
        ("14",),
        -6.6,
        (
            ("demo", "a largely peaceful demonstration, rally, march or sit-in", -6.5),
            ("riot", "a violent demonstration meant to injure people or damage property", -7.5),
            ("strike-gen", "a general strike across workplaces and public services", -6.5),
            ("strike-lim", "a strike in one sector, firm or industry", -6.5),
            ("strike-hun", "a hunger strike", -6.5),
            ("boycott", "a consumer, electoral or institutional boycott", -6.5),
            ("obstruct", "blocking roads, buildings or passage", -7.5),
        ),
    ),
    "SANCTION": (
        4,
        "Reduce normal relations as a penalty: cut or break diplomatic ties, stop aid, "
        "impose sanctions or embargoes, cancel talks, expel or withdraw diplomats, "
        "observers or agencies; convict in a court.",
        ("16",),
        -5.2,
        (
            ("convict", "find an actor guilty or liable in court", -5.0),
            ("cancel", "cancel or halt meetings, talks or mediation", -7.0),
            ("expel", "expel an actor from a group, organization or country (not individual deportation)", -7.0),
            ("withdraw", "withdraw one's own aid, diplomats, observers or other non-military presence", -5.6),
            ("sever", "curtail or break diplomatic, commercial or material exchange", -4.0),
            ("embargo", "impose sanctions, an embargo or a boycott by a state or organization", -8.0),
        ),
    ),
    "MOBILIZE": (
        4,
        "Show or build force without using it: deploy or reinforce troops or police, raise "
        "alert levels, mobilize reserves, move or test weapons.",
        ("15",),
        -5.3,
        (
            ("troops", "mobilize, deploy or reinforce armed forces", -7.2),
            ("weapons", "raise readiness of weapons systems, move or test weapons", -7.2),
            ("police", "mobilize or raise the readiness of police or security units", -5.0),
        ),
    ),
    "COERCE": (
        4,
        "Repress or restrict without deadly force: arrest, detain, deport, ban, censor, "
        "impose curfews or martial law, confiscate property, blockade, withhold services.",
        ("17",),
        -7.2,
        (
            ("confiscate", "seize property, assets or territory", -9.2),
            ("restrict", "restrict movement or political freedoms; blockades", -5.0),
            ("ban", "ban persons, parties or organizations", -5.0),
            ("censor", "censor, ban or block publications and media", -5.0),
            ("curfew", "impose a curfew", -5.0),
            ("martial-law", "impose a state of emergency or martial law", -5.0),
            ("arrest", "arrest, detain, imprison or charge persons", -5.0),
            ("deport", "expel or deport individuals", -5.0),
            ("withhold", "cut off public goods or services: power, water, internet, food, medicine", -5.0),
        ),
    ),
    "ASSAULT": (
        4,
        "Use violence that can cause substantial physical harm: armed clashes, shootings, "
        "bombings, air and artillery strikes, killings, abductions, torture, sexual "
        "violence, destruction of property.",
        ("18", "19", "20"),
        -9.3,
        (
            ("abduct", "abduct, kidnap, take hostage or hijack", -9.0),
            ("beat", "physical assault without weapons", -9.0),
            ("torture", "torture", -9.0),
            ("execute", "judicial or summary execution", -10.0),
            ("sexual", "sexual violence", -9.5),
            ("assassinate", "targeted killing of a named person, with any weapon", -10.0),
            ("destroy", "destroy or burn property", -9.2),
            ("primitive", "knives, machetes, fire, stones and other primitive weapons", -9.0),
            ("firearms", "rifles, pistols, light machine guns", -10.0),
            ("explosives", "bombs, IEDs, mines, grenades and car bombs not fired from heavy weapons", -10.0),
            ("suicide-attack", "suicide bombing or suicide vehicle attack", -10.0),
            ("heavy-weapons", "crew-served weapons: artillery, shelling, rockets, missiles, tanks", -10.0),
            ("aerial", "air and drone strikes (whimbrel's extension; PLOVER counts them as heavy weapons)", -10.0),
        ),
    ),
}

QUAD_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

# --------------------------------------------------------------------------- contexts

CONTEXT_TABLE: dict[str, str] = {
    "political": "politics not covered by a more specific context",
    "military": "armed forces, war and military assistance",
    "intelligence": "intelligence services and information sharing",
    "peacekeeping": "peacekeeping, usually multilateral operations",
    "economic": "trade, finance and economic development",
    "diplomatic": "diplomacy and foreign relations",
    "resource": "territory and natural resources",
    "culture": "cultural and educational exchange",
    "disease": "disease outbreaks and epidemics",
    "enviro_disaster": "environment, climate, natural disasters and accidents",
    "migration": "migration, refugees and displaced people",
    "humanitarian": "humanitarian assistance in general",
    "legal": "national and international law other than human rights",
    "human_rights": "explicit mention of human rights",
    "rights_freedoms": "political rights and freedoms",
    "gender": "gender, women's issues and gender equality",
    "lgbt": "LGBTQ issues",
    "terrorism": "terrorism",
    "human_security": "access to water, food, housing, energy, land",
    "religion_ethnicity": "religion and ethnicity, specific religious or ethnic groups",
    "government": "government matters other than elections and legislatures",
    "election": "elections and campaigns",
    "legislative": "legislative debate and coalition building",
    "cbrn": "chemical, biological, radiological and nuclear weapons or attacks",
    "cyber": "cyber attacks and cyber crime",
    "political_institutions": "norms, institutions, democratic backsliding",
    "corruption": "abuse of public office for private gain",
    "crime": "crime and criminals in general",
    "crime_murder": "a death reported as murder or criminal homicide",
    "crime_theft": "theft, burglary, robbery",
    "crime_drugs": "illegal drugs: possession, trade, manufacture",
    "crime_sexual": "sexual assault or harassment",
    "future": "the event is expected to happen later",
    "historical": "the event happened in the past, outside the news period",
    "hypothetical": "the event is conditional or imagined",
}

# --------------------------------------------------------------------------- sectors and actor codes

SECTOR_TABLE: dict[str, str] = {
    "GOV": "government: heads of state and government, ministers, the executive and its agencies",
    "JUD": "judiciary: judges, courts, prosecutors",
    "LEG": "legislature: parliaments, assemblies, lawmakers",
    "MIL": "state military: troops, soldiers, armed forces, military equipment",
    "COP": "police, gendarmes, security and criminal investigation units",
    "SPY": "state intelligence services",
    "OPP": "political opposition: opposition parties, figures and anti-government activists",
    "PTY": "political parties not identified as government or opposition",
    "REB": "rebels: armed groups or persons fighting the state (insurgents, separatists, jihadist groups)",
    "PRM": "paramilitaries and militias not opposed to the government",
    "UAF": "unidentified armed persons or forces ('gunmen')",
    "CVL": "civilians and private persons; the catch-all for individuals",
    "ELI": "elites: former officials, celebrities, spokespersons of organizations",
    "BUS": "businesses, companies and business people",
    "EDU": "schools, universities, teachers and students",
    "MED": "health: doctors, hospitals, health workers and organizations",
    "LAB": "organized labour: trade unions and workers",
    "AGR": "farmers, peasants and agricultural labour",
    "JRN": "journalists and the news media",
    "REF": "refugees and internally displaced persons",
    "REL": "religious leaders, organizations and institutions",
    "SOC": "civil society organizations and movements not covered above",
    "CRM": "criminals and criminal gangs",
}

ACTOR_CODE_TABLE: dict[str, str] = {
    "IGO": "international governmental organization (UN, EU, AU, NATO, ...)",
    "NGO": "non-governmental organization",
    "ISM": "international social movement or person acting internationally",
    "IMG": "transnational militarized group",
    "MNC": "multinational corporation",
}

# Sectors whose members count as armed (for ACLED: Battles vs Violence against civilians).
ARMED_SECTORS: frozenset[str] = frozenset({"MIL", "COP", "SPY", "REB", "PRM", "UAF", "IMG", "EXT"})
"""Armed sectors; ``EXT`` (external/other forces) is a category of the ACLED layer only
(:data:`whimbrel.codebook.acled_rules.ACLED_ACTOR_SECTORS`), never an entity's sector."""
STATE_SECTORS: frozenset[str] = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})

# --------------------------------------------------------------------------- CAMEO

CAMEO_ROOT_NAMES: dict[str, str] = {
    "01": "make public statement",
    "02": "appeal",
    "03": "express intent to cooperate",
    "04": "consult",
    "05": "engage in diplomatic cooperation",
    "06": "engage in material cooperation",
    "07": "provide aid",
    "08": "yield",
    "09": "investigate",
    "10": "demand",
    "11": "disapprove",
    "12": "reject",
    "13": "threaten",
    "14": "protest",
    "15": "exhibit force posture",
    "16": "reduce relations",
    "17": "coerce",
    "18": "assault",
    "19": "fight",
    "20": "use unconventional mass violence",
}

# (type, mode) -> CAMEO root; mode "*" is the type's default.
CAMEO_ROOT_TABLE: dict[tuple[str, str], str] = {
    ("AGREE", "*"): "03",
    ("CONSULT", "*"): "04",
    ("SUPPORT", "*"): "05",
    ("COOPERATE", "*"): "06",
    ("AID", "*"): "07",
    ("CONCEDE", "*"): "08",
    ("RETREAT", "*"): "08",
    ("REQUEST", "*"): "10",
    ("ACCUSE", "*"): "11",
    ("ACCUSE", "investigate"): "09",
    ("REJECT", "*"): "12",
    ("THREATEN", "*"): "13",
    ("PROTEST", "*"): "14",
    ("MOBILIZE", "*"): "15",
    ("SANCTION", "*"): "16",
    ("COERCE", "*"): "17",
    ("ASSAULT", "*"): "18",
    ("ASSAULT", "destroy"): "17",
    ("ASSAULT", "firearms"): "19",
    ("ASSAULT", "heavy-weapons"): "19",
    ("ASSAULT", "aerial"): "19",
}

# CAMEO code (2-4 digits) -> (PLOVER type, mode) or None (no PLOVER analogue).
# The longest matching prefix wins, so "1951" falls back to "195", then "19".
CAMEO_TO_PLOVER_TABLE: dict[str, tuple[str, str | None] | None] = {
    "01": None,
    "02": ("REQUEST", None), "021": ("REQUEST", "assist"), "022": ("REQUEST", "assist"),
    "023": ("REQUEST", "assist"), "024": ("REQUEST", "change"), "025": ("REQUEST", "yield"),
    "026": ("REQUEST", "meet"), "027": ("REQUEST", "meet"), "028": ("REQUEST", "meet"),
    "03": ("AGREE", None),
    "04": ("CONSULT", None), "041": ("CONSULT", "phone"), "042": ("CONSULT", "visit"),
    "043": ("CONSULT", "host"), "044": ("CONSULT", "third-party"),
    "05": ("SUPPORT", None),
    "06": ("COOPERATE", None),
    "07": ("AID", None), "071": ("AID", "economic"), "072": ("AID", "military"),
    "073": ("AID", "humanitarian"), "074": ("AID", "military"), "075": ("AID", "asylum"),
    "08": ("CONCEDE", None),
    "084": ("RETREAT", None), "0841": ("RETREAT", "release"), "0842": ("RETREAT", "return"),
    "085": ("RETREAT", None), "086": ("RETREAT", "access"), "087": ("RETREAT", None),
    "0871": ("RETREAT", "ceasefire"), "0872": ("RETREAT", "withdraw"),
    "0873": ("RETREAT", "disarm"), "0874": ("RETREAT", "withdraw"),
    "09": ("ACCUSE", "investigate"),
    "10": ("REQUEST", None), "101": ("REQUEST", "assist"), "102": ("REQUEST", "assist"),
    "103": ("REQUEST", "assist"), "104": ("REQUEST", "change"), "105": ("REQUEST", "yield"),
    "106": ("REQUEST", "meet"), "107": ("REQUEST", "meet"), "108": ("REQUEST", "meet"),
    "11": ("ACCUSE", "disapprove"), "112": ("ACCUSE", "accuse"), "115": ("ACCUSE", "sue"),
    "116": ("SANCTION", "convict"),
    "12": ("REJECT", None), "121": ("REJECT", "assist"), "122": ("REJECT", "assist"),
    "123": ("REJECT", "change"), "124": ("REJECT", "yield"), "125": ("REJECT", "meet"),
    "126": ("REJECT", "meet"), "127": ("REJECT", "meet"),
    "13": ("THREATEN", None), "1311": ("THREATEN", "relations"), "1312": ("THREATEN", "restrict"),
    "1313": ("THREATEN", "relations"), "132": ("THREATEN", "restrict"),
    "1322": ("THREATEN", "ban"), "134": ("THREATEN", "relations"),
    "135": ("THREATEN", "relations"), "136": ("THREATEN", "expel"), "137": ("THREATEN", "violence"),
    "138": ("THREATEN", "violence"), "1381": ("THREATEN", "restrict"),
    "1382": ("THREATEN", "territory"),
    "14": ("PROTEST", None), "141": ("PROTEST", "demo"), "142": ("PROTEST", "strike-hun"),
    "143": ("PROTEST", "boycott"), "144": ("PROTEST", "obstruct"), "145": ("PROTEST", "riot"),
    "15": ("MOBILIZE", None), "151": ("MOBILIZE", "police"), "152": ("MOBILIZE", "troops"),
    "153": ("MOBILIZE", "police"), "154": ("MOBILIZE", "troops"), "155": ("MOBILIZE", "weapons"),
    "16": ("SANCTION", None), "161": ("SANCTION", "sever"), "162": ("SANCTION", "sever"),
    "163": ("SANCTION", "embargo"), "164": ("SANCTION", "cancel"), "165": ("SANCTION", "cancel"),
    "166": ("SANCTION", "expel"),
    "17": ("COERCE", None), "171": ("COERCE", "confiscate"), "1712": ("ASSAULT", "destroy"),
    "172": ("COERCE", "restrict"), "1721": ("COERCE", "censor"), "1722": ("COERCE", "ban"),
    "1723": ("COERCE", "curfew"), "1724": ("COERCE", "martial-law"), "173": ("COERCE", "arrest"),
    "174": ("COERCE", "deport"), "175": ("ASSAULT", None), "176": ("ASSAULT", None),
    "18": ("ASSAULT", None), "181": ("ASSAULT", "abduct"), "182": ("ASSAULT", "beat"),
    "1821": ("ASSAULT", "sexual"), "1822": ("ASSAULT", "torture"), "1823": ("ASSAULT", None),
    "183": ("ASSAULT", "explosives"), "1831": ("ASSAULT", "suicide-attack"),
    "184": ("ASSAULT", "abduct"), "185": ("ASSAULT", "assassinate"), "186": ("ASSAULT", "assassinate"),
    "19": ("ASSAULT", None), "191": ("COERCE", "restrict"), "192": ("COERCE", "confiscate"),
    "193": ("ASSAULT", "firearms"), "194": ("ASSAULT", "heavy-weapons"), "195": ("ASSAULT", "aerial"),
    "20": ("ASSAULT", None),
}

# PLOVER 0.5 labels used by the gold standard records (PLOVER_GSR_CAMEO) -> current types.
LEGACY_TYPE_TABLE: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "YIELD": "CONCEDE",
}

# (legacy type or "*", legacy mode) -> current mode ("" = no mode); applied after the type map.
# PLOVER 0.5 DISAPPROVE covered all of CAMEO 11 (criticize, accuse, complain, sue), so a
# DISAPPROVE record says nothing about today's ACCUSE mode: it stays None (unscored).
LEGACY_MODE_TABLE: dict[tuple[str, str], str] = {
    ("INVESTIGATE", ""): "investigate",
    ("PROTEST", "demo-org"): "demo",
    ("PROTEST", "demo-spon"): "demo",
    ("PROTEST", "riot-spon"): "riot",
    ("PROTEST", "riot-org"): "riot",
    ("THREATEN", "political"): "restrict",
    ("THREATEN", "curfew"): "restrict",
    ("THREATEN", "martial-law"): "restrict",
    ("FIGHT", "deport"): "",
    ("FIGHT", "other"): "",
}

# --------------------------------------------------------------------------- threats
# What a THREATEN event threatens decides its mode (CAMEO 13x): (type, mode) of the
# threatened act -> THREATEN mode; mode "*" is the type's default.  Unlisted: no mode.

THREAT_MODE_TABLE: dict[tuple[str, str], str] = {
    ("ASSAULT", "*"): "violence",
    ("MOBILIZE", "*"): "violence",
    ("PROTEST", "*"): "restrict",
    ("PROTEST", "riot"): "violence",
    ("COERCE", "restrict"): "restrict",
    ("COERCE", "curfew"): "restrict",
    ("COERCE", "martial-law"): "restrict",
    ("COERCE", "withhold"): "restrict",
    ("COERCE", "censor"): "restrict",
    ("COERCE", "ban"): "ban",
    ("COERCE", "arrest"): "arrest",
    ("COERCE", "deport"): "expel",
    ("SANCTION", "*"): "relations",
    ("SANCTION", "embargo"): "restrict",
    ("SANCTION", "expel"): "expel",
}

# --------------------------------------------------------------------------- KAIROS (WikiEvents)
# Exact KAIROS type -> (PLOVER type, mode) or None; "Type.Subtype.*" rows cover unlisted sub-subtypes.

KAIROS_TABLE: dict[str, tuple[str, str | None] | None] = {
    "Conflict.Attack.DetonateExplode": ("ASSAULT", "explosives"),
    "Conflict.Attack.Unspecified": ("ASSAULT", None),
    "Conflict.Attack.AirstrikeMissileStrike": ("ASSAULT", "aerial"),
    "Conflict.Attack.FirearmAttack": ("ASSAULT", "firearms"),
    "Conflict.Attack.Hanging": ("ASSAULT", "execute"),
    "Conflict.Attack.SetFire": ("ASSAULT", "destroy"),
    "Conflict.Attack.Stabbing": ("ASSAULT", "primitive"),
    "Conflict.Attack.Strangling": ("ASSAULT", "beat"),
    "Conflict.Attack.Invade": ("ASSAULT", None),
    "Conflict.Attack.StealRobHijack": ("ASSAULT", "abduct"),
    "Conflict.Attack.*": ("ASSAULT", None),
    "Conflict.Defeat.*": None,
    "Conflict.Demonstrate.Unspecified": ("PROTEST", "demo"),
    "Conflict.Demonstrate.DemonstrateWithViolence": ("PROTEST", "riot"),
    "Conflict.Demonstrate.*": ("PROTEST", None),
    "Life.Die.Unspecified": ("ASSAULT", None),
    "Life.Die.*": ("ASSAULT", None),
    "Life.Injure.Unspecified": ("ASSAULT", None),
    "Life.Injure.*": ("ASSAULT", None),
    "Life.Infect.*": None,
    "Contact.Contact.Meet": ("CONSULT", None),
    "Contact.Contact.Correspondence": ("CONSULT", "phone"),
    "Contact.Contact.Broadcast": None,
    "Contact.Contact.Unspecified": None,
    "Contact.Contact.*": None,
    "Contact.Negotiate.*": ("CONSULT", None),
    "Contact.RequestCommand.Broadcast": ("REQUEST", None),
    "Contact.RequestCommand.Meet": ("REQUEST", None),
    "Contact.RequestCommand.Unspecified": ("REQUEST", None),
    "Contact.RequestCommand.*": ("REQUEST", None),
    "Contact.ThreatenCoerce.Broadcast": ("THREATEN", None),
    "Contact.ThreatenCoerce.Unspecified": ("THREATEN", None),
    "Contact.ThreatenCoerce.*": ("THREATEN", None),
    "Contact.Prevarication.*": None,
    "Contact.Collaborate.*": ("COOPERATE", None),
    "Contact.FuneralVigil.*": None,
    "Contact.Publicize.*": None,
    "Control.ImpedeInterfereWith.Unspecified": ("COERCE", "restrict"),
    "Control.ImpedeInterfereWith.*": ("COERCE", "restrict"),
    "Justice.ArrestJailDetain.Unspecified": ("COERCE", "arrest"),
    "Justice.ArrestJailDetain.*": ("COERCE", "arrest"),
    "Justice.ChargeIndict.Unspecified": ("ACCUSE", "sue"),
    "Justice.ChargeIndict.*": ("ACCUSE", "sue"),
    "Justice.Convict.Unspecified": ("SANCTION", "convict"),
    "Justice.Convict.*": ("SANCTION", "convict"),
    "Justice.InvestigateCrime.Unspecified": ("ACCUSE", "investigate"),
    "Justice.InvestigateCrime.*": ("ACCUSE", "investigate"),
    "Justice.ReleaseParole.Unspecified": ("RETREAT", "release"),
    "Justice.ReleaseParole.*": ("RETREAT", "release"),
    "Justice.Sentence.Unspecified": ("COERCE", "arrest"),
    "Justice.Sentence.*": ("COERCE", "arrest"),
    "Justice.TrialHearing.Unspecified": ("ACCUSE", "sue"),
    "Justice.TrialHearing.*": ("ACCUSE", "sue"),
    "Justice.Acquit.*": None,
    "Justice.Pardon.*": ("CONCEDE", None),
    "Justice.Extradite.*": ("COOPERATE", None),
    "Justice.Execute.*": ("ASSAULT", "execute"),
    "ArtifactExistence.DamageDestroyDisableDismantle.Damage": ("ASSAULT", "destroy"),
    "ArtifactExistence.DamageDestroyDisableDismantle.Destroy": ("ASSAULT", "destroy"),
    "ArtifactExistence.DamageDestroyDisableDismantle.DisableDefuse": None,
    "ArtifactExistence.DamageDestroyDisableDismantle.Dismantle": None,
    "ArtifactExistence.DamageDestroyDisableDismantle.*": ("ASSAULT", "destroy"),
    "ArtifactExistence.ManufactureAssemble.Unspecified": None,
    "ArtifactExistence.ManufactureAssemble.*": None,
    "Cognitive.IdentifyCategorize.Unspecified": None,
    "Cognitive.Inspection.SensoryObserve": None,
    "Cognitive.*": None,
    "Disaster.DiseaseOutbreak.Unspecified": None,
    "Disaster.*": None,
    "GenericCrime.GenericCrime.GenericCrime": None,
    "GenericCrime.*": None,
    "Medical.Intervention.Unspecified": None,
    "Medical.*": None,
    "Movement.Transportation.Evacuation": None,
    "Movement.Transportation.IllegalTransportation": None,
    "Movement.Transportation.Unspecified": None,
    "Movement.Transportation.PreventPassage": ("COERCE", "restrict"),
    "Movement.*": None,
    "Personnel.EndPosition.Unspecified": None,
    "Personnel.*": None,
    "Transaction.ExchangeBuySell.Unspecified": None,
    "Transaction.Donation.*": ("AID", None),
    "Transaction.AidBetweenGovernments.*": ("AID", None),
    "Transaction.*": None,
}

KAIROS_NOTES: tuple[str, ...] = (
    "Life.Die and Life.Injure are the consequences of an attack; WikiEvents marks "
    "'killed', 'wounded' as their triggers where a PLOVER coder sees the ASSAULT, so we map them to ASSAULT.",
    "Contact.Contact.Broadcast/Unspecified are statements ('said', 'reported'); PLOVER codes no "
    "comments, so they map to None. Contact.Contact.Meet is a meeting: CONSULT.",
    "Justice.Sentence maps to COERCE/arrest (a prison sentence detains); Justice.Convict to "
    "SANCTION/convict as in the PLOVER manual; charges and trials to ACCUSE/sue.",
    "Movement, Personnel, Transaction (except aid), Disaster, Medical, Cognitive and GenericCrime "
    "have no PLOVER interaction of their own and map to None.",
)
