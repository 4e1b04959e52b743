"""Trigger senses: the arguments and context a trigger word needs to name an event.

The constraints are data (``knowledge/data/senses.yaml``); this module reads them and
checks one mention against them with general means: the dependency parse gives the
trigger's arguments, and each argument head gets a coarse *semantic class* from spaCy's
entity label, its pronoun or its lemma (``person``, ``detainee``, ``polity``, ``armed``,
``facility``, ``aid_goods``).  A failed constraint gives a reason in words; the
screen stage (:mod:`whimbrel.stages.screen`) holds the event back with it.

Also here: :func:`political_actor`, whether an entity is one PLOVER codes (a state or
its organs, an official, a party, an armed group, an IO or NGO, protesters or rioters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from ..records import Entity
from ..spacy_doc import remembered, token_table
from .dates import MONTHS

DATA = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "senses.yaml"

# Sectors of political actors (roles.yaml); CVL/REF count only as victims of violence.
POLITICAL_SECTORS = frozenset("GOV MIL COP SPY REB UAF CRM OPP LEG JUD PTY NGO IGO ELI".split())
VICTIM_SECTORS = frozenset("CVL REF MED EDU JRN REL LAB AGR".split())
SECOND_PERSON = frozenset("you your yours yourself yourselves we us our i me my".split())

_PERSON_PRONOUNS = frozenset("he him she her they them who whom himself herself themselves someone somebody anyone".split())
# Lemmas of nouns that name people (beyond the role words of roles.yaml).
_PERSON_NOUNS = frozenset(
    """man woman boy girl child kid teen teenager youth person people adult baby infant son daughter
    mother father wife husband brother sister neighbor neighbour friend victim suspect driver resident
    citizen individual employee worker student pupil patient officer deputy agent trooper guard
    priest journalist activist protester demonstrator prisoner inmate hostage detainee captive
    refugee migrant immigrant deportee civilian soldier fighter rebel militant gunman attacker
    member leader official opponent critic dissident pilot crew sailor seaman fisherman passenger
    tourist traveller traveler nurse doctor teacher lawyer farmer villager worker crewman
    national thief robber burglar criminal offender kidnapper rapist murderer killer herder herdsman
    trader vendor miner worshipper mourner chief elder cleric imam pastor bishop monk nun councillor
    mayor candidate voter shopkeeper customer motorist pedestrian witch""".split()
)
_DETAINEE_NOUNS = frozenset("prisoner inmate hostage detainee captive convict suspect deportee".split())
# participles that make whoever they modify a detainee ("the detained pilots", "jailed activists")
_DETAINING = frozenset("detain jail imprison capture kidnap abduct arrest hold seize kidnapped detained jailed".split())
ARMED_NOUNS = frozenset(
    """weapon arm gun rifle missile rocket bomb ammunition munition tank jet aircraft helicopter drone
    warship ship vessel boat troop soldier force artillery grenade mortar vehicle cache arsenal stockpile""".split()
)
_FACILITY_NOUNS = frozenset(
    """house home building village town city school hospital church mosque temple office station
    base camp checkpoint compound embassy consulate car vehicle bus truck shop store market bridge
    road facility plant refinery pipeline port airport headquarters barracks prison jail crop field
    farmland property tower mast depot warehouse outpost post position hill hilltop ridge crossing
    stronghold territory area region district province island garrison fort fortress capital bastion
    enclave""".split()
)
_AID_GOODS = frozenset(
    """aid food water medicine medication supply supplies assistance relief shelter tent blanket
    vaccine dose fuel grain wheat rice money fund funding loan grant cash equipment ship
    protection support asylum training troop weapon arm intelligence photograph""".split()
)
_POLITY_LABELS = frozenset({"GPE", "NORP"})
# What violence is done to beyond people, polities and buildings: gatherings, families and
# communities, military units on the move, the places or sites an armed attack aims at, and
# the parts of a body ("slashed his throat").
_TARGET_NOUNS = frozenset(
    """crowd gathering wedding funeral procession family community population tribe clan unit
    convoy patrol column motorcade target site installation infrastructure neighbourhood
    neighborhood street square hideout positions encampment settlement residence
    head face neck throat chest back arm hand leg foot eye body wrist stomach""".split()
)


@dataclass(frozen=True)
class SenseRule:
    lemma: str
    types: tuple[str, ...]
    object: tuple[str, ...] = ()
    object_missing: str = "ok"
    # semantic classes of an argument that rule the sense out ("fired the manager": a person
    # fired is dismissed, not shot at); a trigger with one of ``not_object_preps`` keeps the
    # sense ("was fired upon", "fired at them")
    not_object: tuple[str, ...] = ()
    not_object_preps: frozenset = frozenset()
    prep_ok: tuple[tuple[str, tuple[str, ...]], ...] = ()
    not_modifiers: frozenset = frozenset()
    not_context: frozenset = frozenset()
    not_subjects: frozenset = frozenset()
    needs_political: bool = False
    pos: str = ""
    deps: frozenset = frozenset()
    # lemmas of speech verbs: a noun trigger that is only the setting ("at"/"during") of one
    # names where someone spoke, not the event ("the senator said at a rally that ...")
    venue_of: frozenset = frozenset()
    # the word also names winning or playing a contest ("beat the visitors 2-0", "beat the
    # incumbent in the election", "the striker's attack"): the sense fails in a contest clause
    contest: bool = False
    # {preposition: classes}: when the trigger has this preposition, one of its objects must
    # have one of the classes ("attributed the deaths to a faulty heater": an accusation
    # needs someone held responsible, not a cause)
    agent_preps: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # "fail": a verb with a direct object, a clausal complement or a passive agent fails
    clausal: str = ""
    # the sense fails when the trigger is a price: a sum of money is its modifier or object
    # ("the $30 annual charge", "charged $5 a head"), or the verb has two objects ("charge
    # customers a premium")
    price: bool = False
    # the sense fails when what the trigger is about is an accident, a fire or a natural
    # force ("investigating the crash", "the collision is under investigation"): an inquiry
    # into an accident accuses no one
    accident_object: bool = False
    # true: the sense fails when the verb asks a question ("asked whether troops could be
    # sent", "asked why", a bare "he asked" after a quotation): asking for something needs
    # what is asked for (a "for" phrase, an infinitive, a that-clause, a thing asked)
    question: bool = False
    # prepositions one of which (or a to-infinitive) a noun trigger needs ("a call for calm",
    # "calls to release him"; "received a call from a neighbour" is a telephone call)
    complement: tuple[str, ...] = ()
    # false: the rule only rules senses out; a trigger that passes it is not vouched for
    # (check_sense gives None, as for a word with no rule), so a negative constraint added
    # for one sense does not raise the confidence of every other use of the word
    vouch: bool = True
    # role sectors of an agent that satisfy ``object`` all the same: a verb trigger whose active
    # subject or passive agent is an armed actor ("insurgents burned a mission and huts": an
    # armed actor setting fire to something is arson whatever the lexicon knows of the thing)
    agent_sectors: frozenset = frozenset()
    reason: str = ""


def _prep_key(key: Any) -> str:
    """A preposition key of the table: YAML 1.1 reads a bare ``on``/``off`` key as a boolean."""
    if isinstance(key, bool):
        return "on" if key else "off"
    return str(key)


@lru_cache(maxsize=1)
def rules() -> dict[str, tuple[SenseRule, ...]]:
    """The sense table by lemma (read once per process; immutable)."""
    import yaml

    from ..errors import ConfigError

    try:
        data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the trigger-sense table {DATA}: {exc}") from exc
    out: dict[str, list[SenseRule]] = {}
    for n, entry in enumerate(data.get("senses", []), start=1):
        try:
            rule = SenseRule(
                lemma=entry["lemma"],
                types=tuple(entry.get("types", ())),
                object=tuple(entry.get("object", ())),
                object_missing=entry.get("object_missing", "ok"),
                not_object=tuple(entry.get("not_object", ())),
                not_object_preps=frozenset(entry.get("not_object_preps", ())),
                prep_ok=tuple((_prep_key(k), tuple(v)) for k, v in (entry.get("prep_ok") or {}).items()),
                not_modifiers=frozenset(entry.get("not_modifiers", ())),
                not_context=frozenset(entry.get("not_context", ())),
                not_subjects=frozenset(entry.get("not_subjects", ())),
                needs_political=bool(entry.get("needs_political", False)),
                pos=entry.get("pos", ""),
                deps=frozenset(entry.get("deps", ())),
                venue_of=frozenset(entry.get("venue_of", ())),
                contest=bool(entry.get("contest", False)),
                agent_preps=tuple((_prep_key(k), tuple(v)) for k, v in (entry.get("agent_preps") or {}).items()),
                clausal=entry.get("clausal", ""),
                price=bool(entry.get("price", False)),
                accident_object=bool(entry.get("accident_object", False)),
                question=bool(entry.get("question", False)),
                complement=tuple(str(x) for x in entry.get("complement", ())),
                vouch=bool(entry.get("vouch", True)),
                agent_sectors=frozenset(entry.get("agent_sectors", ())),
                reason=entry.get("reason", ""),
            )
        except (KeyError, TypeError) as exc:
            raise ConfigError(f"{DATA}: sense entry {n} is malformed ({exc})") from exc
        out.setdefault(rule.lemma, []).append(rule)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _role_sectors() -> dict[str, Optional[str]]:
    """One-word role nouns of the actor knowledge base (roles.yaml) and their sectors."""
    from ..knowledge.actors import _load_roles

    return {r.word: r.sector for r in _load_roles() if " " not in r.word}


def _plural_forms(word: str) -> list[str]:
    """The singulars a plural form may have ("soldiers" → soldier, "policemen" → policeman,
    "militias" → militia, "agencies" → agency, "churches" → church), most specific first."""
    out = []
    if word.endswith("men") and len(word) > 4:
        out.append(word[:-3] + "man")
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("es") and word[:-2].endswith(("ch", "sh", "x", "ss", "z")):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        out.append(word[:-1])
    return out


@lru_cache(maxsize=4096)
def role_sector(word: str) -> Optional[str]:
    """The sector of a one-word role noun; a plural form that is not listed itself takes its
    singular's entry ("militiamen" → militiaman)."""
    table = _role_sectors()
    if word in table:
        return table[word]
    for form in _plural_forms(word):
        if form in table:
            return table[form]
    return None


def _listed(words: frozenset, lemma: str, low: str) -> bool:
    """Whether a noun (its lemma or form, or the singular of a plural form the lemmatizer left
    alone: a headline's "Servicemen") is one of ``words``."""
    if lemma in words or low in words:
        return True
    return lemma == low and any(f in words for f in _plural_forms(low))


def semantic_classes(tok: Any) -> frozenset:
    """Coarse semantic classes of an argument head token."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    out = set()
    ent = tok.ent_type_
    bare_name = tok.pos_ == "PROPN" and ent in ("", "PERSON")
    # a possessive pronoun of a person ("his third deployment", "their arrest")
    owner = tok.tag_ == "PRP$" and low in ("his", "her", "their", "my", "our", "your")
    if ent == "PERSON" or low in _PERSON_PRONOUNS or _listed(_PERSON_NOUNS, lemma, low) or bare_name or owner:
        out.add("person")
    if lemma in _DETAINEE_NOUNS or any(c.dep_ == "amod" and c.lemma_.lower() in _DETAINING for c in tok.children):
        out.update(("detainee", "person"))
    if ent in _POLITY_LABELS:
        out.add("polity")
    if ent == "ORG":
        out.add("organisation")
    sector = role_sector(lemma) or role_sector(low)
    if sector in POLITICAL_SECTORS:
        out.add("polity")
        out.add("person")
    elif sector in VICTIM_SECTORS:
        out.add("person")
    if _listed(ARMED_NOUNS, lemma, low):
        out.add("armed")
    if _listed(_FACILITY_NOUNS, lemma, low) or ent == "FAC":
        out.add("facility")
    if lemma in _AID_GOODS or ent == "MONEY" or any(c.lemma_.lower() in _AID_GOODS for c in tok.children if c.dep_ in ("compound", "amod")):
        out.add("aid_goods")
    if out & {"person", "facility", "polity"} or lemma in _TARGET_NOUNS or low in _TARGET_NOUNS:
        out.add("violence_target")
    return frozenset(out)


# nouns of quantity, measure, collection or part: their "of" object is what is counted
PARTITIVE_NOUNS = frozenset(
    """ton tonne kilo kilogram kilogramme pound litre liter gallon barrel load shipment consignment
    truckload convoy crate box bag sack package parcel dollar euro pound dozen score hundred
    thousand million billion number group crowd band gang team unit batch cluster handful
    couple pair set series lot plenty majority minority part portion rest half third quarter
    members member family families body bodies remains corpse corpses""".split()
)


def _partitive(tok: Any) -> bool:
    """A noun of quantity, measure, collection or part ("tons", "dozens", "a group"), or a number."""
    return (tok.lemma_.lower() in PARTITIVE_NOUNS or tok.lower_ in PARTITIVE_NOUNS or tok.like_num
            or tok.ent_type_ in ("QUANTITY", "MONEY", "CARDINAL"))


def arguments(tok: Any) -> list[Any]:
    """The heads of a trigger's object-like arguments (verb: dobj / passive subject;
    noun: 'of' object, possessor, compound), through coordination (found once per token
    of a Doc: the screen and the ACLED cues both ask)."""
    doc = getattr(tok, "doc", None)
    if doc is None:
        return _arguments(tok)
    return list(remembered(doc, ("senses.arguments", tok.i), lambda: _arguments(tok)))


def _arguments(tok: Any) -> list[Any]:
    heads: list[Any] = []
    if tok.pos_ in ("VERB", "AUX"):
        heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "dative")]
        if not heads:
            # "beat and killed two civilians": two verbs sharing the object that follows the second
            heads = [c for v in tok.children if v.dep_ == "conj" and v.pos_ == "VERB"
                     and not any(x.dep_ in ("nsubj", "nsubjpass") for x in v.children)
                     for c in v.children if c.dep_ == "dobj"]
        if not heads and tok.dep_ == "conj" and tok.tag_ == "VBN" and tok.head.pos_ == "VERB":
            # "was dragged from his cell and beaten to death": a passive conjunct shares its head's subject
            heads = [c for c in tok.head.children if c.dep_ == "nsubjpass"]
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "the man arrested yesterday", "a helicopter that was captured"; but in "the
            # clerks whose names were withheld" the clause has its own object
            heads = [h for h in heads if h.lower_ not in ("that", "which", "who", "whom")]
            if not heads:
                heads = [tok.head]
        if not heads and tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
            # a past participle on a noun is said of it: "the mutilated bodies of two farmers"
            heads = [tok.head]
    else:
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "nmod"):
                heads.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("of", "on", "against"):
                heads.extend(p for p in c.children if p.dep_ == "pobj")
    out = list(heads)
    for h in heads:
        out.extend(c for c in h.conjuncts)
    # "tons of food aid", "5 million dollars of aid", "a group of protesters", and so in a
    # conjunct ("burned a mission and dozens of houses"): the quantified noun is the argument;
    # not the owner of a quality or an abstraction ("damaged the dignity of the people")
    for h in list(out):
        if not _partitive(h):
            continue
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def _prep_objects(tok: Any) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in tok.children:
        if c.dep_ == "prep":
            out.setdefault(c.lower_, set()).update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
    return out


# A place phrase says where, not what kind: "an attack in the heart of London" is no heart attack.
_LOCATIVE_PREPS = frozenset("in at near outside inside across around throughout".split())


def _label_prefix(tok: Any) -> bool:
    """A caption label opening the sentence ("Photo: ...", "Video: ..."), which the parser
    may take for a subject: it is no argument."""
    nxt = tok.i + 1
    return tok.i == tok.sent.start and nxt < len(tok.doc) and tok.doc[nxt].text == ":"


def _function(tok: Any) -> str:
    """The dependency label of a trigger, a conjunct taking its first conjunct's ("gunmen and
    suicide bombers attacked": "bombers" is a subject too)."""
    cur = tok
    for _ in range(4):
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            break
        cur = cur.head
    return cur.dep_


def _modifiers(tok: Any) -> set[str]:
    mods = set()
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "prt", "dobj", "advmod", "npadvmod", "pobj", "attr", "oprd"):
            mods.add(c.lemma_.lower())
            mods.add(c.lower_)
        if c.dep_ == "prep" and c.lower_ not in _LOCATIVE_PREPS:
            mods.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
    if tok.dep_ in ("compound", "amod", "nmod"):
        mods.add(tok.head.lemma_.lower())
        # a slash pair ("evading arrest/detention") shares the modifiers of its second word
        if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "/" and tok.head.i == tok.i + 2:
            mods.update(c.lemma_.lower() for c in tok.head.children if c.dep_ in ("amod", "compound"))
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        mods.add(tok.head.lower_)  # "in demand", "in charge"
    # the words a hyphen joins to the trigger's left ("a tug-of-war", "a heart-attack") modify it
    doc, i = tok.doc, tok.i
    # (content words only: the "of" of "tug-of-war", the "out" of "walk-out" are no modifiers)
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        if doc[i - 2].pos_ not in ("ADP", "PART", "DET", "CCONJ"):
            mods.update((doc[i - 2].lemma_.lower(), doc[i - 2].lower_))
        i -= 2
    if tok.dep_ in ("dobj", "attr", "nsubjpass", "nsubj"):
        # "strike a deal" seen from "deal"; "made a big deal"; "a fire broke out"
        mods.add(tok.head.lemma_.lower())
    for c in tok.children:
        if c.dep_ == "xcomp":
            mods.add(c.lemma_.lower())  # "declined to comment"
        elif c.dep_ == "nsubjpass" and not _label_prefix(c):
            mods.add(c.lemma_.lower())  # "officers were called to the bar"
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        mods.add(tok.head.lemma_.lower())  # "the rates charged by utilities": the noun is the object
    return mods


def _subject_words(tok: Any) -> set[str]:
    """Lemmas of the active subject of a verb trigger (through a conjunct or a causative
    "causing the car to strike"), with "drive" when the subject is "driven by" someone."""
    cur = tok
    for _ in range(2):
        subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            words = {subj.lemma_.lower()}
            words.update(c.lemma_.lower() for c in subj.children if c.dep_ == "acl")
            return words
        if cur.dep_ not in ("conj", "xcomp", "ccomp") or cur.head.i == cur.i:
            break
        cur = cur.head
    return set()


def _agent_words(tok: Any) -> set[str]:
    """Lemmas of a verb trigger's doer: its active subject (:func:`_subject_words`) or the
    object of its passive "by" ("were burned by insurgents")."""
    words = _subject_words(tok)
    for c in tok.children:
        if c.dep_ == "agent":
            words.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
    return words


# speakers whose speech at a rally still reports the protest ("protesters said at the rally")
_PROTESTER_WORDS = frozenset({"protester", "protestor", "demonstrator", "activist", "marcher", "striker", "picketer"})


def _speech_venue(tok: Any, verbs: frozenset) -> bool:
    """``tok`` is the object of "at"/"during"/"in" attached to a speech verb of ``verbs`` whose
    subject is no protester: the trigger is where the speaker spoke ("said at a rally", "said
    in a release"); or, when ``verbs`` has "according", the object of "according to": the
    source of a report."""
    if tok.dep_ != "pobj":
        return False
    if tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
        return "according" in verbs  # "according to the office release": the source of a report
    if tok.head.lower_ not in ("at", "during", "in"):
        return False
    verb = tok.head.head
    if verb.lemma_.lower() not in verbs:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(c.lemma_.lower() in _PROTESTER_WORDS for c in subjects)


# Nouns that name a contest (a game, a race, an election) or what one is played for.
CONTEST_NOUNS = frozenset(
    """match game final semifinal semi-final quarterfinal quarter-final tournament championship title
    cup trophy medal league season playoff playoffs derby fixture bout race election primary runoff
    run-off poll polls ballot contest round record seat nomination""".split()
)
_SCORE = re.compile(r"^\d{1,3}[-\u2013]\d{1,3}$")
_SCORE_PART = re.compile(r"^\d{1,3}$")


_MONTHS = frozenset(MONTHS)
"""Month names and their abbreviations (lower case), from :data:`whimbrel.stages.dates.MONTHS`."""


def _date_range(toks: list, i: int) -> bool:
    """Whether ``toks[i]`` opens days of a month written as a range ("7-8 June", "7 - 8 June")."""
    k = i + 1 if _SCORE.match(toks[i].text) else i + 3
    return k < len(toks) and toks[k].lower_.rstrip(".") in _MONTHS


def score_in(sent: Any) -> bool:
    """The sentence gives a score ("2-0", "6-4"), one token or three ("6" "-" "4" with no
    spaces); longer numbers (years, phone numbers) and chains ("2-1-1") are no scores."""
    toks = list(sent)
    for i, t in enumerate(toks):
        if _date_range(toks, i):
            continue  # "on the night of 7-8 June": days of a month, not a score
        if _SCORE.match(t.text):
            return True
        if (i + 2 < len(toks) and _SCORE_PART.match(t.text) and toks[i + 1].text in ("-", "\u2013")
                and _SCORE_PART.match(toks[i + 2].text) and not t.whitespace_ and not toks[i + 1].whitespace_
                and not (i > 0 and toks[i - 1].text in ("-", "\u2013"))
                and not (i + 3 < len(toks) and toks[i + 3].text in ("-", "\u2013"))):
            return True
    return False


def contest_clause(tok: Any) -> bool:
    """The trigger tells a contest, not violence: its sentence gives a score ("beat them 2-0"),
    or a contest noun is its own argument or prepositional object ("beat him in the election",
    "the title fight", "an attack in the final").  A contest noun elsewhere in the sentence
    says nothing of the trigger."""
    if score_in(tok.sent):
        return True
    words = {a.lemma_.lower() for a in arguments(tok)}
    for preps in _prep_objects(tok).values():
        words |= preps
    return bool(words & CONTEST_NOUNS)


# What kills, injures or destroys by no one's act: accidents, fires, diseases and natural
# forces.  A death or injury they cause is no assault (PLOVER ASSAULT, ACLED violence: an
# actor's use of force), whatever verb tells it.
ACCIDENT_NOUNS = frozenset(
    """crash collision accident wreck rollover pileup derailment fire blaze flame flames smoke
    disease illness plague virus flu influenza cancer outbreak epidemic pandemic infection
    overdose drowning fall storm flood earthquake quake avalanche landslide lightning tornado
    hurricane typhoon cyclone tsunami""".split()
)
# vehicles cause a collision as the subject or agent ("struck by a car"); "in a car" is a place
VEHICLE_NOUNS = frozenset("car vehicle truck pickup van bus train motorcycle suv sedan tractor trailer lorry".split())
# modifiers that make a fire a weapon's or an accident a shooting ("sniper fire", "a hunting accident")
_ARMED_CAUSE = frozenset("""gun sniper mortar artillery tank rocket machine automatic heavy enemy hostile friendly
    small cross return hunting shooting firearm""".split())


def _accident_noun(tok: Any, vehicles: bool) -> bool:
    lemma = tok.lemma_.lower()
    if lemma not in ACCIDENT_NOUNS and not (vehicles and lemma in VEHICLE_NOUNS):
        return False
    return not any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _ARMED_CAUSE for c in tok.children)


def accident_cause(tok: Any) -> Optional[str]:
    """The noun when an accident, a fire, a disease or a natural force causes the harm the
    trigger tells: the subject of an active verb ("a collision injures a woman"), the agent of
    a passive ("struck by a car"), or the object of "in"/"from"/"during" on it ("killed in a
    crash", "died from the flu"); else None.  A shooting accident is gun violence, not this."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    # a relative or participial clause on the cause: "a crash that killed two", "the blaze
    # which destroyed the barn", "a collision injuring three"
    if tok.dep_ in ("relcl", "acl") and tok.head.i != tok.i and _accident_noun(tok.head, vehicles=True):
        rel_subject = [c for c in tok.children if c.dep_ == "nsubj"]
        if tok.dep_ == "acl" and tok.tag_ == "VBG" or any(c.lower_ in ("that", "which") for c in rel_subject):
            return tok.head.text
    for c in tok.children:
        if c.dep_ == "nsubj" and _accident_noun(c, vehicles=True):
            return c.text
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("in", "from", "during")):
            for p in c.children:
                if p.dep_ == "pobj" and _accident_noun(p, vehicles=c.dep_ == "agent"):
                    return p.text
    return None


QUESTION_WORDS = frozenset("whether if why how what when where who whom which".split())


def _clause_opens_question(c: Any) -> bool:
    """A clausal complement that is an indirect question ("whether they could", "why he left")."""
    first = c.left_edge
    return first.lower_ in QUESTION_WORDS or any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children)


def asks_question(tok: Any) -> bool:
    """A verb trigger that asks a question, not for something: an indirect question as its
    complement, a question as its object, an "about" phrase, or nothing asked at all (a bare
    "he asked" after a quotation, "asked him")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    # what is asked for, read off the surface when the parser hangs it elsewhere: a that-clause
    # right after the verb ("asked that anyone with information call"), or a to-infinitive
    # later in the sentence ("asking anyone with information on the case to call")
    doc, sent = tok.doc, tok.sent
    asked_for = (tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "that") or any(
        doc[j].tag_ == "TO" and doc[j + 1].tag_ == "VB" for j in range(tok.i + 1, sent.end - 1))
    for c in tok.children:
        # an indirect question follows the verb; an "if" clause before it is a condition
        # ("if anyone has information, they are asked to call")
        if c.dep_ in ("ccomp", "advcl", "xcomp") and c.i > tok.i and _clause_opens_question(c):
            return True
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ("question", "query"):
            return True
        if c.dep_ == "prep" and c.lower_ == "about":
            return True
        if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("for", "of")):
            asked_for = True
        elif c.dep_ in ("dobj", "nsubjpass") and "person" not in semantic_classes(c):
            asked_for = True
    return not asked_for


def _has_complement(tok: Any, preps: tuple[str, ...]) -> bool:
    """A noun trigger with one of these prepositions or a to-infinitive ("a call for talks", "calls to resign")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            return True
        if c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children):
            return True
    # or the prepositional phrase from the verb the noun is the object of ("made a plea on
    # Saturday for the public's help")
    if tok.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i for c in tok.head.children):
        return True
    # the parser often hangs the infinitive from the verb ("issued calls to release them")
    doc, i = tok.doc, tok.i
    return i + 2 < len(doc) and doc[i + 1].tag_ == "TO" and doc[i + 2].tag_ == "VB"


REFLEXIVES = frozenset("himself herself themselves themself myself yourself yourselves ourselves itself".split())


FIREARM_WORDS = frozenset("gun handgun pistol revolver rifle shotgun firearm shot shoot gunshot bullet".split())


def names_firearm(sent: Any) -> bool:
    """The sentence names a gun or a shot ("took his rifle and shot himself")."""
    doc = getattr(sent, "doc", None)
    if doc is None or not hasattr(sent, "start"):
        return any(t.lemma_.lower() in FIREARM_WORDS or t.lower_ in FIREARM_WORDS for t in sent)
    table = token_table(doc)  # the same words read off the table
    lemma, lower = table.lemma, table.lower
    return any(lemma[i] in FIREARM_WORDS or lower[i] in FIREARM_WORDS for i in range(sent.start, sent.end))


def self_inflicted(tok: Any) -> Optional[str]:
    """The reflexive pronoun when a verb trigger's direct object is its own subject ("hanged
    himself in his cell", "tried to kill herself"): harm done to oneself, else None."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    return next((c.text for c in tok.children if c.dep_ == "dobj" and c.lower_ in REFLEXIVES), None)


_PRICE_DEPS = frozenset({"compound", "amod", "nummod", "dobj", "npadvmod", "quantmod", "nmod", "attr"})


def _price(tok: Any) -> bool:
    """A sum of money modifies the trigger or is its object, or the verb has a dative object."""
    for c in tok.children:
        if c.dep_ == "dative":
            return True
        if c.dep_ in _PRICE_DEPS and (c.ent_type_ == "MONEY" or any(t.ent_type_ == "MONEY" for t in c.subtree)):
            return True
    return False


def _about_accident(tok: Any) -> bool:
    """What the trigger is about is an accident noun: its object or passive subject, the
    object of its "into"/"of", or the subject of the clause it is "under" ("the crash is
    under investigation")."""
    about = list(arguments(tok))
    # the phrase may hang from the verb the noun is the object of ("opened an investigation into ...")
    holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
    about += [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("into", "of")
              for p in c.children if p.dep_ == "pobj"]
    if tok.dep_ == "pobj" and tok.head.lower_ == "under":
        verb = tok.head.head
        about += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(_accident_noun(a, vehicles=False) for a in about)


def rule_for(lemma: str, event_type: str, pos: str = "") -> Optional[SenseRule]:
    for rule in rules().get(lemma, ()):
        if (not rule.types or event_type in rule.types) and (not rule.pos or not pos or rule.pos == pos):
            return rule
    return None


# nouns of an attack that a weapon noun can name the means of ("missile strike", "drone attack")
ATTACK_NOUNS = frozenset("attack strike raid barrage bombardment assault fire salvo volley shelling".split())


def _attack_compound(tok: Any, deps: frozenset) -> bool:
    """A weapon noun compounded with an attack noun that is itself an argument of the clause
    ("Missile Strike Hits Town", "a rocket attack wounded three"): the weapon names the means of
    an attack that happened, as a headline's title-case nouns often put it, not a weapon merely named."""
    head = tok.head
    if tok.dep_ != "compound" or head.i == tok.i or head.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = head.lemma_.lower()
    if lemma not in ATTACK_NOUNS and head.lower_ not in ATTACK_NOUNS:
        return False
    return _function(head) in deps


# verbs of an attack whose "with" object a weapon noun can be ("struck the town with missiles")
ATTACK_VERBS = frozenset(
    "strike hit attack target shell bombard pound kill destroy damage wound injure bomb raid assault "
    "blast ambush fire hammer batter".split())


def _attack_instrument(tok: Any) -> bool:
    """A weapon noun that is the instrument of an attack verb ("forces struck a hospital with a
    missile", "shelled the centre with rockets"): the weapon was used, not merely named."""
    cur = tok
    for _ in range(4):
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            break
        cur = cur.head
    prep = cur.head
    if cur.dep_ != "pobj" or prep.lower_ != "with" or prep.dep_ != "prep":
        return False
    verb = prep.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in ATTACK_VERBS


def check_sense(tok: Any, event_type: str, political: bool, conflict_context: bool) -> tuple[Optional[bool], str]:
    """``(True, '')`` when the trigger's constraint holds, ``(False, reason)`` when it fails,
    ``(None, '')`` when the word has no constraint for this type."""
    pos = "NOUN" if tok.pos_ in ("NOUN", "PROPN") else "VERB"
    rule = rule_for(tok.lemma_.lower(), event_type, pos) or rule_for(tok.lower_, event_type, pos)
    if rule is None:
        return None, ""
    if rule.deps and _function(tok) not in rule.deps and not _attack_compound(tok, rule.deps) \
            and not _attack_instrument(tok):
        return False, rule.reason
    if rule.contest and contest_clause(tok):
        return False, rule.reason
    if rule.clausal == "fail" and pos == "VERB" and any(c.dep_ in ("dobj", "ccomp", "agent") for c in tok.children):
        return False, rule.reason
    for prep, classes in rule.agent_preps:
        # the phrase may hang from the direct object ("blamed [the power cut on the storm]")
        holders = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
        objs = [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == prep
                for p in c.children if p.dep_ == "pobj"]
        objs += [cj for o in objs for cj in o.conjuncts]
        if objs and not any(semantic_classes(o) & set(classes) for o in objs):
            return False, rule.reason
    if rule.price and _price(tok):
        return False, rule.reason
    if rule.accident_object and _about_accident(tok):
        return False, rule.reason
    if rule.question and asks_question(tok):
        return False, rule.reason
    if rule.complement and pos == "NOUN" and not _has_complement(tok, rule.complement):
        return False, rule.reason
    mods = _modifiers(tok)
    if mods & rule.not_modifiers:
        return False, rule.reason
    if rule.venue_of and _speech_venue(tok, rule.venue_of):
        return False, rule.reason
    if rule.not_subjects and pos == "VERB" and _subject_words(tok) & rule.not_subjects:
        return False, rule.reason
    if rule.not_context and not conflict_context:
        doc = tok.doc  # the Doc's lemmas once per Doc (token_table's lemma is lemma_.lower())
        lemmas = doc.user_data.get("whimbrel_lemmas") or remembered(doc, "senses.lemmas",
                                                                     lambda: frozenset(token_table(doc).lemma))
        if lemmas & rule.not_context:
            return False, rule.reason
    if rule.not_object:
        # a direct object always counts ("fired him at the office"); a passive subject not when
        # a preposition keeps the sense ("he was fired upon")
        kept = any(c.dep_ in ("prep", "prt") and c.lower_ in rule.not_object_preps for c in tok.children)
        if any(semantic_classes(a) & set(rule.not_object) for a in arguments(tok) if a.dep_ == "dobj" or not kept):
            return False, rule.reason
    if rule.object:
        args = arguments(tok)
        ok = any(semantic_classes(a) & set(rule.object) for a in args)
        if not ok and rule.prep_ok:
            preps = _prep_objects(tok)
            ok = any(preps.get(p, set()) & set(words) for p, words in rule.prep_ok)
        if not ok and rule.agent_sectors and pos == "VERB":
            ok = any(role_sector(w) in rule.agent_sectors for w in _agent_words(tok))
        if not ok and (args or rule.object_missing == "fail"):
            return False, rule.reason
    if rule.needs_political and not political:
        return False, rule.reason
    return (True, "") if rule.vouch else (None, "")


@lru_cache(maxsize=1)
def _countries() -> Any:
    from ..knowledge.countries import CountryTable

    return CountryTable.load()


def names_country(text: str) -> bool:
    """Whether ``text`` names a country or its people ("Sudan", "the UK", "Iranian")."""
    try:
        return _countries().lookup(text) is not None
    except (KeyError, ValueError):
        return False


def political_actor(ent: Entity) -> bool:
    """Whether an entity is a political actor PLOVER codes (not a place, not 'you')."""
    if (ent.id or "").startswith("place:"):
        return False
    if ent.text.strip().lower() in SECOND_PERSON:
        return False
    if ent.sector in POLITICAL_SECTORS:
        return True
    if (ent.id or "").startswith(("country:", "igo", "ngo", "grp", "p-", "pw-")) and ent.sector not in ("BUS",):
        return True
    return False


def victim(ent: Entity, tok_classes: frozenset = frozenset()) -> bool:
    """Whether an entity can be a civilian party to violence (a person or civilians)."""
    if (ent.id or "").startswith("place:") or ent.text.strip().lower() in SECOND_PERSON:
        return False
    return ent.sector in VICTIM_SECTORS or "person" in tok_classes


__all__ = ["POLITICAL_SECTORS", "SenseRule", "arguments", "check_sense", "political_actor", "rule_for", "rules",
           "semantic_classes", "victim"]
