"""Event triggers: the words that name events, typed by PLOVER with modes.

Verbal ("US forces struck ...") and nominal ("the airstrikes killed ...")
triggers come from the codebook's trigger lexicon.  Several trigger words of
one sentence that name the same happening ("launched a new round of attacks
... in a new round of airstrikes"; "the airstrikes killed one ... and injured
18") are grouped into one :class:`Mention` by their dependency links, so each
mention is one report of one event in one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Optional

from .. import codebook
from ..pipeline import Work
from ..records import Claim, Count, DateRef, Entity, Modality, Place, Size, Span
from ..knowledge.vocabulary import COGNITION_VERBS, REPORTING_VERBS, VERBAL_ACT_REPORTING_VERBS
from ..spacy_doc import PLACE_ENTS as _PLACE_ENTS, doc_sents, remembered, token_table
from .senses import ATTACK_NOUNS

# Verbs that carry no event of their own but govern a nominal trigger:
# "launched strikes", "carried out an attack", "imposed sanctions", "held talks".
LIGHT_VERBS = frozenset(
    """launch conduct carry stage mount hold impose sign deliver make issue take exchange
    continue begin resume intensify escalate order perform unleash step wage commit
    execute undertake initiate lead join organize organise stage call announce declare
    reach conclude broker open extend provide send give offer renew restart start reopen
    postpone resume press push""".split()
)
# Verbs whose own sense (press: REQUEST) gives way when they carry an event on:
# "pressed its offensive", "pushed the attack" (the event is the noun's).
CARRYING_VERBS = frozenset("press push".split())
# Nouns that quantify an event noun: "a new round of airstrikes", "a series of attacks".
QUANTIFIER_NOUNS = frozenset(
    "round series wave spate string barrage volley campaign number couple salvo flurry "
    "surge escalation wave set day night week".split()
)
# Generic heads whose compound modifier names the event: "mediation efforts", "aid program".
EVENT_HEAD_NOUNS = frozenset("effort mission programme program operation process initiative bid delivery shipment".split())
# Verbs whose object is an event that is stopped or prevented, not reported.
STOPPING_VERBS = frozenset("cease stop halt end prevent avoid deter suspend refrain abandon".split())
# Links through which two triggers are NOT the same happening.
SEPARATING_PREPS = frozenset(
    "response retaliation reprisal revenge after following since before amid despite "
    "like unlike".split()
)
# Noun modifiers that give an ASSAULT its PLOVER mode.
ASSAULT_MODE_CUES = {
    "air": "aerial",
    "airstrike": "aerial",
    "aerial": "aerial",
    "warplane": "aerial",
    "jet": "aerial",
    "helicopter": "aerial",
    "bombing": "explosives",
    "drone": "aerial",
    "uav": "aerial",
    "missile": "heavy-weapons",
    "rocket": "heavy-weapons",
    "artillery": "heavy-weapons",
    "mortar": "heavy-weapons",
    "shell": "heavy-weapons",
    "shelling": "heavy-weapons",
    "suicide": "suicide-attack",
    "bomb": "explosives",
    "ied": "explosives",
    "explosive": "explosives",
    "landmine": "explosives",
    "mine": "explosives",
    "grenade": "explosives",
    "car": "explosives",
    "gun": "firearms",
    "gunfire": "firearms",
    "gunman": "firearms",
    "gunmen": "firearms",
    "sniper": "firearms",
    "knife": "primitive",
    "tank": "heavy-weapons",
    "kidnap": "abduct",
    "kidnapping": "abduct",
    "abduction": "abduct",
    "hostage": "abduct",
    "behead": "execute",
    "execution": "execute",
    "assassination": "assassinate",
    "assassinate": "assassinate",
    "arson": "destroy",
    "torch": "destroy",
    "machete": "primitive",
}


@dataclass
class Mention:
    """One report of one event in one sentence (working state, not a public record)."""

    trigger: Any  # spaCy Token: the main trigger word
    triggers: list[Any]  # every trigger word grouped into this mention
    sentence: int
    event_type: str
    mode: Optional[str]
    weight: float
    governor: Any = None  # light or governing verb of a nominal trigger
    # filled by the argument and resolve stages
    actor_heads: list[Any] = field(default_factory=list)
    recipient_heads: list[Any] = field(default_factory=list)
    actors: list[Entity] = field(default_factory=list)
    recipients: list[Entity] = field(default_factory=list)
    date: Optional[DateRef] = None
    place: Optional[Place] = None
    size: Size = Size()
    shot: Optional[Count] = None  # the people hit by gunfire, outcome untold (stages.counts_shot)
    victims: tuple = ()  # (category, victim head token) of its dead and injured figures (stages.counts_shot)
    claims: list[Claim] = field(default_factory=list)
    modality: Modality = Modality.asserted
    hedged: bool = False
    prior: bool = False  # "the previous round of strikes": an earlier happening
    frame: bool = False  # found by a construction (a threat formula), not a lexicon word
    # the type the lexicon gave before a verbal frame recoded it ("did not release the name":
    # RETREAT refused, now REJECT); the screen checks the refused act's sense too
    framed_from: Optional[str] = None
    span: Optional[Span] = None
    fallback: bool = False  # an ACLED fallback head (stages.acled_fallback), kept only where nothing else is typed

    @property
    def start(self) -> int:
        return min(t.idx for t in self.triggers)

    @property
    def text(self) -> str:
        return " ".join(t.text for t in sorted(self.triggers, key=lambda t: t.i))


def hyphen_lemma(tok: Any) -> Optional[str]:
    """The lemma of a hyphenated word the tokenizer split ("sit-in" as "sit", "-", "in"), read at
    its last part: ``"sit-in"``; ``None`` when the token is no such last part."""
    i = tok.i
    if i < 2:
        return None
    doc = tok.doc
    dash, first = doc[i - 1], doc[i - 2]
    if dash.text != "-" or dash.whitespace_ or first.whitespace_ or not first.is_alpha:
        return None
    return f"{first.lower_}-{tok.lemma_.lower()}"


def _object_lemmas(tok: Any) -> set[str]:
    tt = token_table(tok.doc)
    dep, lemma, kids = tt.dep, tt.lemma, tt.children
    out = set()
    for c in kids[tok.i]:
        if dep[c] in ("dobj", "attr", "oprd", "nsubjpass", "pobj", "prt"):
            out.add(lemma[c])
            if c >= 2 and tt.lower[c - 1] == "-":
                joined = hyphen_lemma(tok.doc[c])
                if joined:
                    out.add(joined)  # "staged a sit-in"
            if lemma[c] in QUANTIFIER_NOUNS:
                for g in kids[c]:
                    if dep[g] == "prep":
                        out.update(lemma[p] for p in kids[g] if dep[p] == "pobj")
        if dep[c] == "prep":
            out.add(tt.lower[c])
            out.update(lemma[p] for p in kids[c] if dep[p] == "pobj")
    return out


# Particles the parser sometimes attaches as adverbs ("took away a journalist": advmod).
ADVERB_PARTICLES = frozenset("away back off out down up over".split())


def _particles(tok: Any) -> set[str]:
    tt = token_table(tok.doc)
    dep, lower = tt.dep, tt.lower
    return {lower[c] for c in tt.children[tok.i] if dep[c] in ("prt", "prep", "dobj", "compound:prt")
            or (dep[c] == "advmod" and lower[c] in ADVERB_PARTICLES)}


# Below this lexicon weight a sense is too weak to stand alone ("claim", "troops").
MIN_WEIGHT = 0.45
# Words of armed conflict: in their presence an ambiguous word ("strikes", "fire")
# takes its ASSAULT sense rather than a labour or other one.
CONFLICT_CUES = frozenset(
    """military army force troop soldier militia militant rebel insurgent fighter airstrike
    kill wound injure target facility base drone missile rocket artillery air bomb
    jet warplane war offensive attack raid sarin shelling mortar grenade""".split()
)
# Reporting verbs are not events when they report a clause ("claims these attacks are ...").
# (a reporting verb whose report is a verbal act of its own, "alleged that", stays an event)
REPORTING = (REPORTING_VERBS - VERBAL_ACT_REPORTING_VERBS) | COGNITION_VERBS


def _context_lemmas(tok: Any) -> set[str]:
    """The lemmas of the whole article (cached per Doc): an ambiguous word is read in the
    light of what the article is about, not only its own sentence."""
    doc = tok.doc
    return set(remembered(doc, "lemmas", lambda: frozenset(t.lemma_.lower() for t in doc)))


# What a violent act leaves its victim in ("shot dead", "burned alive", "beaten unconscious"):
# a result, not a name given to something ("calling them a violation").
RESULT_STATES = frozenset("dead alive unconscious senseless lifeless".split())


def _choose_sense(tok: Any, pos: str) -> Optional[codebook.TriggerSense]:
    lemma = tok.lemma_.lower()
    options = codebook.senses(lemma, pos)
    if not options and pos == "NOUN" and tok.lower_ != lemma:
        options = codebook.senses(tok.lower_, pos)
    options = [o for o in options if o.weight >= MIN_WEIGHT]
    if not options:
        return None
    # the children's words read off the TokenTable
    tt = token_table(tok.doc)
    dep, lemmas, kids = tt.dep, tt.lemma, tt.children[tok.i]
    if pos == "VERB":
        if lemma in REPORTING and any(dep[c] in ("ccomp", "parataxis") for c in kids):
            return None
        if dep[tok.i] in ("amod", "compound") or (tok.i > 0 and tt.text[tok.i - 1] == "-"
                                                   and not any(dep[c] in ("dobj", "nsubj") for c in kids)):
            return None  # "Iranian-backed", "US-led" (but "gang-raped three women" is a clause)
        if any(dep[c] == "oprd" and lemmas[c] not in RESULT_STATES for c in kids):
            return None  # "calling them a violation": naming, not an event (but "shot dead")
        if lemma in CARRYING_VERBS and any(
                dep[c] == "dobj" and any(o.weight >= 0.8 for o in codebook.senses(lemmas[c], "NOUN"))
                for c in kids):
            return None  # "the army pressed its offensive": the offensive is the event
    mods = {lemmas[c] for c in kids if dep[c] in ("compound", "amod", "nmod", "poss")}
    mods |= {tt.lower[c] for c in kids if dep[c] in ("compound", "amod", "nmod", "poss")}
    # for a verb the context is its objects; for a noun, its modifiers ("air strikes", "general strike")
    objs = _object_lemmas(tok) if pos == "VERB" else mods
    parts = _particles(tok) if pos == "VERB" else set()
    best, best_score = None, float("-inf")
    for sense in options:
        score = sense.weight
        if sense.particle:
            if sense.particle.split()[0] not in parts:
                continue
            score += 1.0
        if sense.object_lemmas:
            if not objs.intersection(sense.object_lemmas):
                continue
            score += 1.0
        if score > best_score:
            best, best_score = sense, score
    if best is not None and not best.object_lemmas and best.event_type != "ASSAULT" and best.weight < 0.8:
        # a weak fallback sense; an ASSAULT reading wins where the sentence speaks of armed conflict
        assault = [o for o in options if o.event_type == "ASSAULT"]
        if assault and _context_lemmas(tok) & CONFLICT_CUES:
            return codebook.TriggerSense(lemma=lemma, pos=pos, event_type="ASSAULT", mode=None, weight=0.8)
    return best


def governor(tok: Any) -> Any:
    """The verb that governs a nominal trigger, through quantifiers and prepositions."""
    gov = _raw_governor(tok)
    # parser slips: "conducted necessary and proportionate strikes" hangs the noun off the adjective
    for _ in range(3):
        if gov is None or gov.dep_ not in ("conj", "oprd", "acomp") or gov.head.i == gov.i:
            break
        if gov.pos_ == "VERB" and gov.dep_ == "conj" and gov.tag_ not in ("JJ",) and gov.lemma_.lower() in LIGHT_VERBS:
            break
        if gov.pos_ in ("VERB", "AUX") and gov.dep_ == "conj" and _own_clause(gov):
            break  # "did not involve the army, but their posts came under fire": a clause of its own
        gov = gov.head
    return gov


def _own_clause(verb: Any) -> bool:
    """A verb conjunct that is a clause of its own: it has its own subject, or it is set against
    the first conjunct by a contrastive conjunction ("..., but ..."); its governor's negation
    and mood are not its own."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return True
    return any(c.dep_ == "cc" and c.lower_ in CONTRASTIVE_CC for c in verb.head.children)


#: Conjunctions that set one clause against another.
CONTRASTIVE_CC = frozenset({"but", "yet", "whereas", "although", "though"})


def _raw_governor(tok: Any) -> Any:
    cur = tok
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return None
        if cur.dep_ == "pobj" and head.dep_ == "prep":
            if head.lower_ in SEPARATING_PREPS or head.head.lemma_.lower() in SEPARATING_PREPS:
                return None
            cur = head
            continue
        if cur.dep_ == "prep":
            if head.pos_ in ("VERB", "AUX"):
                return head
            if head.lemma_.lower() in QUANTIFIER_NOUNS:
                cur = head
                continue
            return None
        if cur.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "conj", "appos") and head.pos_ in ("VERB", "AUX"):
            return head
        if cur.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "appos", "conj") and head.lemma_.lower() in QUANTIFIER_NOUNS:
            cur = head
            continue
        return None
    return None


def _assault_mode(tok: Any, sense_mode: Optional[str]) -> Optional[str]:
    cues = [tok.lemma_.lower(), tok.lower_]
    cues += [c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "by"):
            cues += [p.lemma_.lower() for p in c.children if p.dep_ == "pobj"]
    if tok.pos_ == "VERB":
        cues += [c.lemma_.lower() for c in tok.children if c.dep_ == "dobj"]
    modes = {m.name for m in codebook.event_type("ASSAULT").modes}
    for cue in cues:
        mode = ASSAULT_MODE_CUES.get(cue)
        if mode and mode in modes:
            return mode
    return sense_mode


_PRIOR_WORDS = frozenset(("previous", "earlier", "prior", "past", "last", "former"))


def _is_prior(tok: Any) -> bool:
    table = token_table(tok.doc)
    dep, lemma = table.dep, table.lemma
    return any(dep[c] in ("amod", "advmod") and lemma[c] in _PRIOR_WORDS for c in table.children[tok.i])


# Cutting off a cooperative act is a SANCTION in PLOVER ("suspended aid", "ended mediation").
CUTTING_VERBS = STOPPING_VERBS | frozenset("cut reduce freeze cancel prohibit terminate withhold curtail".split())
COOPERATIVE_TYPES = frozenset({"AID", "CONSULT", "COOPERATE", "AGREE", "SUPPORT"})


def _stopped(tok: Any) -> bool:
    """True when the trigger is the thing to be stopped: 'to cease these attacks'."""
    head = tok.head
    return tok.dep_ in ("dobj", "xcomp", "nsubjpass") and head.lemma_.lower() in STOPPING_VERBS


def _cut_off(tok: Any, sense: codebook.TriggerSense) -> Optional[codebook.TriggerSense]:
    """'suspended aid deliveries', 'ended mediation efforts': SANCTION on a cooperative act."""
    if sense.event_type not in COOPERATIVE_TYPES or tok.pos_ == "VERB":
        return None
    cur = tok
    if cur.dep_ == "compound":  # "aid deliveries", "mediation efforts"
        cur = cur.head
    if cur.dep_ in ("dobj", "nsubjpass") and cur.head.lemma_.lower() in CUTTING_VERBS:
        return codebook.TriggerSense(lemma=tok.lemma_.lower(), pos="NOUN", event_type="SANCTION", mode=None, weight=0.9)
    return None


class TriggerStage:
    """Find event triggers and group them into mentions (one per event per sentence)."""

    name: ClassVar[str] = "triggers"
    needs: ClassVar[tuple[str, ...]] = ("doc",)
    gives: ClassVar[tuple[str, ...]] = ("mentions.raw",)

    def __call__(self, work: Work) -> Work:
        work.mentions = find_mentions(work.doc)
        return work


# Diplomatic threat formulas: "will not hesitate to (take action)", "prepared to take
# (further) measures", "reserves the right to respond".
_THREAT_OBJECTS = frozenset("action measure step response".split())


def _threat_frame(tok: Any) -> Optional[codebook.TriggerSense]:
    lemma = tok.lemma_.lower()
    if lemma not in _FRAME_LEMMAS:
        return None  # no formula opens with this word (the tests below all ask for one of them)
    xcomps = [c for c in tok.children if c.dep_ in ("xcomp", "acomp")]
    negated = any(c.dep_ == "neg" for c in tok.children)
    hit = False
    if lemma == "hesitate" and negated and xcomps:
        hit = True
    elif lemma in ("prepare", "ready", "reserve") or (tok.pos_ == "ADJ" and lemma in ("prepared", "ready")):
        for x in xcomps + [c for c in tok.children if c.dep_ in ("dobj",)]:
            words = {t.lemma_.lower() for t in x.subtree}
            if ("take" in words and words & _THREAT_OBJECTS) or "right" in words:
                hit = True
    if not hit:
        return None
    return codebook.TriggerSense(lemma=lemma, pos="VERB", event_type="THREATEN", mode=None, weight=0.8)


_NON_EVENT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT", "WORK_OF_ART"})


def _verbless_headline(sent: Any) -> bool:
    from .clean import is_headline

    return remembered(sent.doc, ("verbless_headline", sent.start), lambda: not any(
        t.pos_ in ("VERB", "AUX") for t in sent) and is_headline(sent.text.strip()))


def _headline_verb(tok: Any, sent: Any) -> Optional[codebook.TriggerSense]:
    """In a headline parsed without any verb ("Jihadists Overrun Army Post"), a word the
    lexicon knows only as a verb is that verb: its plain sense (no particle or object).  So is a
    word it knows as a noun and a verb written as a plural modifying the noun after it ("Militia
    Attacks Market Town", :func:`_verb_form_modifier`)."""
    lemma = tok.lemma_.lower()
    if tok.i == sent.end - 1 or not _verbless_headline(sent):
        return None
    if codebook.senses(lemma, "NOUN") and not _verb_form_modifier(tok):
        return None
    plain = [o for o in codebook.senses(lemma, "VERB")
             if o.weight >= MIN_WEIGHT and not o.particle and not o.object_lemmas]
    return max(plain, key=lambda o: o.weight) if plain else None


def _verb_form_modifier(tok: Any) -> bool:
    """A word in -s ("Attacks") parsed as the modifier of a noun that follows it ("Militia Attacks Market
    Town"): a plural is no compound modifier in English, so in a verbless headline it is the verb, its
    head noun the object."""
    lower = tok.lower_
    return (tok.dep_ == "compound" and tok.head.i > tok.i and lower.endswith("s") and not lower.endswith("ss")
            and tok.lemma_.lower() != lower and tok.tag_ in ("NNS", "NNPS", "VBZ"))


# lemmas of the threat formulas (:func:`_threat_frame`): the only words outside the lexicon
# that can be triggers
_FRAME_LEMMAS = frozenset({"hesitate", "prepare", "prepared", "ready", "reserve"})
_TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN"})


def _may_trigger(table: Any, i: int, known: dict[tuple[str, str], bool]) -> bool:
    """Whether token ``i`` can be a trigger at all, from the TokenTable alone: a verb or noun
    whose lemma (or, for a noun, lower-cased form) the lexicon knows, or a threat formula's
    word.  Every other token is passed over by :func:`find_mentions` whatever its syntax."""
    if table.ent_type[i] in _NON_EVENT_ENTS:
        return False  # "in March 2019", "Strike Force 7": a date or a name, not an event
    lemma, pos = table.lemma[i], table.pos[i]
    if pos == "PROPN" and table.ent_type[i] in _PLACE_ENTS:
        return False  # "at their home in Roundup", "Fort Attack Road": a place's name, not an event
    if lemma in _FRAME_LEMMAS and pos in ("VERB", "ADJ", "AUX"):
        return True
    if pos not in _TRIGGER_POS:
        return False
    words = ((lemma, "VERB"), (lemma, "NOUN")) if pos == "VERB" else ((lemma, "NOUN"), (lemma, "VERB"),
                                                                        (table.lower[i], "NOUN"))
    for key in words:
        hit = known.get(key)
        if hit is None:
            hit = known[key] = bool(codebook.senses(*key))
        if hit:
            return True
    return False


def find_mentions(doc: Any) -> list[Mention]:
    mentions: list[Mention] = []
    table = token_table(doc)
    known: dict[tuple[str, str], bool] = {}
    sents = doc_sents(doc)
    t_pos, t_lemma = table.pos, table.lemma
    for s_i, (start, end) in enumerate(table.sent_bounds):
        sent = sents[s_i]
        found: list[tuple[Any, codebook.TriggerSense]] = []
        for i in range(start, end):
            if t_pos[i] not in _TRIGGER_POS and t_lemma[i] not in _FRAME_LEMMAS:
                continue  # (what _may_trigger answers first for most words, without the call)
            if not _may_trigger(table, i, known):
                continue
            tok = doc[i]
            frame = _threat_frame(tok) if tok.pos_ in ("VERB", "ADJ", "AUX") else None
            if frame is not None:
                found.append((tok, frame))
                continue
            if tok.pos_ == "VERB":
                pos = "VERB"
            elif tok.pos_ in ("NOUN", "PROPN"):
                pos = "NOUN"
                verb = _headline_verb(tok, sent)
                if verb is not None:
                    found.append((tok, verb))
                    continue
                if (tok.dep_ == "compound" and codebook.senses(tok.head.lemma_.lower(), "NOUN") == []
                        and tok.head.lemma_.lower() not in EVENT_HEAD_NOUNS):
                    continue  # "attack helicopter", "protest movement" (but "mediation efforts")
            else:
                continue
            sense = _choose_sense(tok, pos)
            if sense is None:
                continue
            cut = _cut_off(tok, sense)
            if cut is not None:
                found.append((tok, cut))
                continue
            if _stopped(tok):
                continue
            found.append((tok, sense))
        if found:
            mentions.extend(_group(found, s_i))
    return mentions


def _group(found: list[tuple[Any, Any]], s_i: int) -> list[Mention]:
    """Union triggers of one sentence linked by syntax into mentions."""
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index = {tok.i: k for k, (tok, _) in enumerate(found)}
    governors: dict[int, Any] = {}
    for k, (tok, sense) in enumerate(found):
        gov = governor(tok) if tok.pos_ != "VERB" else None
        if gov is not None:
            governors[k] = gov
        links = []
        if gov is not None and gov.i in index:
            links.append(index[gov.i])
        if tok.dep_ == "conj" and tok.head.i in index:
            links.append(index[tok.head.i])
        if tok.dep_ == "compound" and tok.head.i in index and tok.head.lemma_.lower() in ATTACK_NOUNS:
            links.append(index[tok.head.i])  # "missile strike", "rocket fire": the weapon of that attack
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i in index:
            links.append(index[tok.head.i])  # "attacked the camp, killing 156": one happening
        if tok.pos_ == "VERB":
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i in index:
                    links.append(index[c.i])
        for j in links:
            if found[j][1].event_type == sense.event_type:
                parent[root(k)] = root(j)
    # two nominal triggers under the same light verb: "launched attacks ... in airstrikes"
    by_gov: dict[int, int] = {}
    for k, gov in governors.items():
        j = by_gov.setdefault(gov.i, k)
        if j != k and found[j][1].event_type == found[k][1].event_type:
            parent[root(k)] = root(j)

    groups: dict[int, list[int]] = {}
    for k in range(len(found)):
        groups.setdefault(root(k), []).append(k)
    out = []
    for members in groups.values():
        toks = [found[k][0] for k in members]
        # the main trigger: a noun with a mode beats a bare verb ("airstrikes" over "killed")
        def rank(k: int) -> tuple:
            tok, sense = found[k]
            return (sense.mode is not None or tok.lemma_.lower() in ASSAULT_MODE_CUES, tok.pos_ != "VERB", sense.weight, -tok.i)

        main = max(members, key=rank)
        tok, sense = found[main]
        etype = sense.event_type
        mode = sense.mode
        if etype == "ASSAULT":
            for k in sorted(members, key=rank, reverse=True):
                mode = _assault_mode(found[k][0], found[k][1].mode)
                if mode:
                    break
        gov = next((governors[k] for k in members if k in governors), None)
        out.append(
            Mention(
                trigger=tok,
                triggers=sorted(toks, key=lambda t: t.i),
                sentence=s_i,
                event_type=etype,
                mode=mode,
                weight=max(found[k][1].weight for k in members),
                governor=gov,
                prior=any(_is_prior(t) for t in toks),
                frame=sense.lemma in ("hesitate", "prepare", "prepared", "ready", "reserve") and etype == "THREATEN",
            )
        )
    return sorted(out, key=lambda m: m.start)


__all__ = ["Mention", "TriggerStage", "find_mentions", "governor"]
