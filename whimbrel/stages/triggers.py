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
from ..records import Claim, DateRef, Entity, Modality, Place, Size, Span

# Verbs that carry no event of their own but govern a nominal trigger:
# "launched strikes", "carried out an attack", "imposed sanctions", "held talks".
LIGHT_VERBS = frozenset(
    """launch conduct carry stage mount hold impose sign deliver make issue take exchange
    continue begin resume intensify escalate order perform unleash step wage commit
    execute undertake initiate lead join organize organise stage call announce declare
    reach conclude broker open extend provide send give offer""".split()
)
# Nouns that quantify an event noun: "a new round of airstrikes", "a series of attacks".
QUANTIFIER_NOUNS = frozenset(
    "round series wave spate string barrage volley campaign number couple salvo flurry "
    "surge escalation wave set day night week".split()
)
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
    "bombing": "aerial",
    "drone": "drone",
    "uav": "drone",
    "missile": "missile",
    "rocket": "missile",
    "artillery": "shelling",
    "mortar": "shelling",
    "shell": "shelling",
    "shelling": "shelling",
    "suicide": "suicide",
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
    claims: list[Claim] = field(default_factory=list)
    modality: Modality = Modality.asserted
    hedged: bool = False
    prior: bool = False  # "the previous round of strikes": an earlier happening
    span: Optional[Span] = None

    @property
    def start(self) -> int:
        return min(t.idx for t in self.triggers)

    @property
    def text(self) -> str:
        return " ".join(t.text for t in sorted(self.triggers, key=lambda t: t.i))


def _object_lemmas(tok: Any) -> set[str]:
    out = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass", "pobj", "prt"):
            out.add(c.lemma_.lower())
            if c.lemma_.lower() in QUANTIFIER_NOUNS:
                for g in c.children:
                    if g.dep_ == "prep":
                        out.update(p.lemma_.lower() for p in g.children if p.dep_ == "pobj")
        if c.dep_ == "prep":
            out.add(c.lower_)
            out.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
    return out


def _particles(tok: Any) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "dobj", "compound:prt")}


def _choose_sense(tok: Any, pos: str) -> Optional[codebook.TriggerSense]:
    lemma = tok.lemma_.lower()
    options = codebook.senses(lemma, pos)
    if not options and pos == "NOUN" and tok.lower_ != lemma:
        options = codebook.senses(tok.lower_, pos)
    if not options:
        return None
    objs = _object_lemmas(tok) if pos == "VERB" else set()
    parts = _particles(tok) if pos == "VERB" else set()
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
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
        if sense.context_lemmas and (objs | mods).intersection(sense.context_lemmas):
            score += 2.0
        if score > best_score:
            best, best_score = sense, score
    return best


def _governor(tok: Any) -> Any:
    """The verb that governs a nominal trigger, through quantifiers and prepositions."""
    cur = tok
    for _ in range(6):
        head = cur.head
        if head is cur:
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
    modes = codebook.modes("ASSAULT")
    for cue in cues:
        mode = ASSAULT_MODE_CUES.get(cue)
        if mode and mode in modes:
            return mode
    return sense_mode


def _is_prior(tok: Any) -> bool:
    return any(
        c.dep_ in ("amod", "advmod") and c.lemma_.lower() in ("previous", "earlier", "prior", "past", "last", "former")
        for c in tok.children
    )


def _stopped(tok: Any) -> bool:
    """True when the trigger is the thing to be stopped: 'to cease these attacks'."""
    head = tok.head
    return tok.dep_ in ("dobj", "xcomp") and head.lemma_.lower() in STOPPING_VERBS


class TriggerStage:
    """Find event triggers and group them into mentions (one per event per sentence)."""

    name: ClassVar[str] = "triggers"
    needs: ClassVar[tuple[str, ...]] = ("doc",)
    gives: ClassVar[tuple[str, ...]] = ("mentions",)

    def __call__(self, work: Work) -> Work:
        work.mentions = find_mentions(work.doc)
        return work


def find_mentions(doc: Any) -> list[Mention]:
    mentions: list[Mention] = []
    for s_i, sent in enumerate(doc.sents):
        found: list[tuple[Any, codebook.TriggerSense]] = []
        for tok in sent:
            if tok.pos_ == "VERB":
                pos = "VERB"
            elif tok.pos_ in ("NOUN", "PROPN"):
                pos = "NOUN"
                if tok.dep_ == "compound" and codebook.senses(tok.head.lemma_.lower(), "NOUN") == []:
                    continue  # "attack helicopter", "protest movement"
            else:
                continue
            sense = _choose_sense(tok, pos)
            if sense is None or _stopped(tok):
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
        gov = _governor(tok) if tok.pos_ != "VERB" else None
        if gov is not None:
            governors[k] = gov
        links = []
        if gov is not None and gov.i in index:
            links.append(index[gov.i])
        if tok.dep_ == "conj" and tok.head.i in index:
            links.append(index[tok.head.i])
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
            )
        )
    return sorted(out, key=lambda m: m.start)


__all__ = ["Mention", "TriggerStage", "find_mentions"]
