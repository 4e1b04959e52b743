"""ACLED fallback mentions: a sentence that reports an ACLED event its PLOVER triggers miss.

For every sentence, the heads of :data:`~whimbrel.codebook.acled_fallback.FALLBACK_HEADS` that are
used as an event (read from the parse, :func:`fallback_heads`) become *fallback* mentions
(``Mention.fallback``), resolved like any other.  The merge stage keeps one of them (the most
specific head) only for a sentence none of whose ordinary events has an ACLED type, and only when
the ACLED rules give it one; otherwise it is dropped and changes nothing.

A head counts as an event when it is

* a verb that is not negated, has no modal auxiliary ("would", "could") and is not the
  complement of an intention verb ("threatened to shell"), or a participle on a noun
  ("looted shops", "a shelled village");
* a noun that is an argument of such a verb (subject, object, the object of one of its
  prepositions), through compounds and coordination ("a recruitment drive", "a change of name
  and a new leadership"), or the head of a verbless headline.
"""

from __future__ import annotations

from typing import Any, ClassVar, Iterable, Optional

from ..codebook.acled_fallback import (ACTING_GROUPS, AIRCRAFT_WORDS, MODAL_WORDS, NON_REALIS_GOVERNORS,
                                       PEACE_FORCE_WORDS, PROTEST_PURPOSE_VERBS, RULE_ONLY_GROUPS,
                                       TEMPORAL_PREPOSITIONS, VERBAL_GROUPS, FallbackHead, fallback_head)
from ..codebook.acled_rules import CROWD_NOUNS, PEOPLE_NOUNS, PROPERTY_NOUNS
from ..pipeline import Work
from ..spacy_doc import PLACE_ENTS as _PLACE_ENTS, doc_sents, token_table
from .acled_cues import sentence_cues
from .senses import role_sector, semantic_classes
from .triggers import Mention

_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "oprd", "agent"})
_CLIMB_DEPS = frozenset({"compound", "conj", "amod", "nmod", "pobj", "prep", "poss"})
_PLACE_NOUNS = frozenset(
    "camp base post outpost town city village checkpoint position territory airport port control garrison "
    "barracks district area crossing headquarters".split())


def _forms(tok: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(((tok.lemma_ or "").lower(), tok.lower_)))


def _head_of(tok: Any) -> Optional[FallbackHead]:
    for form in _forms(tok):
        head = fallback_head(form)
        if head is not None:
            return head
    return None


def head_rank(tok: Any) -> int:
    """The rank of a fallback head (lower: more specific); 9 for a token that is none."""
    head = _head_of(tok)
    return head.rank if head is not None else 9


def rule_only(tok: Any) -> bool:
    """Whether a fallback head's event counts only when an ACLED rule types it (:data:`RULE_ONLY_GROUPS`)."""
    head = _head_of(tok)
    return head is not None and head.group in RULE_ONLY_GROUPS


def _asserted_verb(verb: Any) -> bool:
    """A verb told as having happened: no negation, no modal, not the complement of an intention."""
    for c in verb.children:
        if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODAL_WORDS):
            return False
    cur = verb
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "ccomp", "pcomp", "advcl", "conj") or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.dep_ != "conj" and cur.lemma_.lower() in NON_REALIS_GOVERNORS:
            return False
        if any(c.dep_ == "neg" for c in cur.children) and verb.dep_ == "xcomp":
            return False
    return True


def _governing_verb(noun: Any) -> Optional[Any]:
    """The verb a noun is an argument of (through compounds, coordination and prepositions)."""
    cur = noun
    for _ in range(5):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in _ARGUMENT_DEPS and cur.head.pos_ in _VERB_POS:
            return cur.head
        if cur.dep_ == "pobj" and cur.head.lower_ in TEMPORAL_PREPOSITIONS:
            return None  # "after the explosion, ...": the time frame, not the event
        if cur.dep_ == "pobj" and cur.head.dep_ in ("prep", "agent") and cur.head.head.pos_ in _VERB_POS:
            return cur.head.head
        if cur.dep_ not in _CLIMB_DEPS and cur.dep_ not in _ARGUMENT_DEPS:
            return None
        cur = cur.head
    return None


def _verbless_line(tok: Any) -> bool:
    """Whether the token's sentence has no verb (a headline, a fragment: "Missile Strike Hits Block, 11
    Dead", parsed as one noun phrase; a verb read as a modifier, "Military Seizes Power In Coup", is no
    clause): its nouns are the report."""
    return not any(t.pos_ in _VERB_POS and t.dep_ not in ("compound", "amod") for t in tok.sent)


def _acting(tok: Any) -> bool:
    """Whether a noun is the subject of a verb (through coordination: "students and workers marched")."""
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    return cur.dep_ == "nsubj" and cur.head.pos_ in _VERB_POS and _asserted_verb(cur.head)


def _fitting_object(verb: Any, head: FallbackHead) -> bool:
    """A harm verb's direct object is people ("killed the trade deal" is no violence); a looting
    verb's is not people."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return True
    # a building named by its users' sector ("a mosque", "a school") is property, not people
    people = [o for o in objects if (_people(o) and not (head.mode == "destroy" and _property(o)))
              or o.ent_type_ in ("CARDINAL", "NORP", "PERSON") or o.pos_ in ("NUM", "PRON")]
    return not people if head.mode == "destroy" else bool(people)


def _used_as_event(tok: Any, head: FallbackHead) -> bool:
    if head.group in ACTING_GROUPS:
        return _acting(tok)
    if head.group in VERBAL_GROUPS:
        if (tok.pos_ not in _VERB_POS and tok.dep_ not in ("amod", "acl")) or tok.dep_ in _ARGUMENT_DEPS:
            return False  # "the wounded", "130 injured": people named by what was done to them
        if tok.dep_ == "amod" and tok.tag_ not in ("VBN", "VBD"):
            return False  # "the shooting death", "a killing spree": a kind of thing, not an act told
        if not _fitting_object(tok, head):
            return False
    if tok.pos_ in _VERB_POS:
        return _asserted_verb(tok)
    if tok.dep_ in ("amod", "acl") and tok.tag_ in ("VBN", "VBD") and tok.head.pos_ in _NOUN_POS:
        return True  # "looted shops", "the shelled town" (a past participle: done to the noun)
    if tok.pos_ in _NOUN_POS or tok.pos_ == "ADJ":
        verb = _governing_verb(tok)
        if verb is not None:
            return _asserted_verb(verb)
        return _verbless_line(tok)
    return False


def _local_cues(tok: Any) -> frozenset[str]:
    """Cues of the head itself that a table row may need (beyond the sentence's cues)."""
    found = set()
    if tok.pos_ in _VERB_POS and any(c.dep_ == "nsubjpass" for c in tok.children):
        subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]
        agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents and any(_people(a) for a in agents) and any(_people(s) for s in subjects):
            found.add("taken_by_armed")  # "were taken from their homes by gunmen": people seized by others
    if tok.pos_ in _VERB_POS and any(
            (c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in PROTEST_PURPOSE_VERBS)
            or (c.dep_ == "prep" and c.lower_ == "against") for c in tok.children):
        found.add("protest_purpose")  # "gathered in the square to denounce ...", "assembled against the law"
    if tok.pos_ in _VERB_POS:
        subject = [w for c in tok.children if c.dep_ == "nsubj" for w in c.subtree]
        if any(_forms(w)[0] in PEACE_FORCE_WORDS or w.lower_ in PEACE_FORCE_WORDS for w in subject):
            found.add("peace_mover")  # "a first contingent of peacekeepers arrived in ..."
        passive = [w for c in tok.children if c.dep_ == "nsubjpass" for w in c.subtree]
        if any(_forms(w)[0] in AIRCRAFT_WORDS or w.lower_ in AIRCRAFT_WORDS for w in subject + passive):
            found.add("aircraft_mover")  # "a drone flew over the base"
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ in ("amod", "acl"):
        objects.append(tok.head)  # "burning homes": the participle's noun is what was burnt
    if any(_property(o) for o in objects):
        found.add("property_object")
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ in _PLACE_ENTS or c.lemma_.lower() in _PLACE_NOUNS):
            found.add("place_object")
    return frozenset(found)


def _people(tok: Any) -> bool:
    lemma = tok.lemma_.lower()
    return ("person" in semantic_classes(tok) or lemma in PEOPLE_NOUNS or lemma in CROWD_NOUNS
            or tok.lower_ in ("they", "he", "she", "we") or bool(role_sector(lemma)))


def _property(tok: Any) -> bool:
    """A noun for property (read on the lemma, or on the lower-cased word less a plural -s, since a
    title-case headline's nouns are often parsed as names)."""
    words = {tok.lemma_.lower(), tok.lower_, tok.lower_[:-1] if tok.lower_.endswith("s") else tok.lower_}
    return bool(words & PROPERTY_NOUNS) or "facility" in semantic_classes(tok)


def _police_agent(tok: Any) -> bool:
    agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return any(role_sector(a.lemma_.lower()) in ("COP", "JUD") for a in agents)


def fallback_heads(sent: Any, taken: Iterable[int] = ()) -> list[tuple[Any, FallbackHead]]:
    """The heads of a sentence used as an event, most specific first (tokens in ``taken`` are
    already triggers of ordinary mentions and are left out)."""
    skip = set(taken)
    cues: Optional[frozenset[str]] = None
    out = []
    doc = sent.doc
    table = token_table(doc)  # _head_of read off the token table: a Token only for a head word
    lemmas, lowers = table.lemma, table.lower
    for i in range(sent.start, sent.end):
        if i in skip:
            continue
        head = fallback_head(lemmas[i])
        if head is None:
            lower = lowers[i] or doc[i].lower_  # (a form the table lacks: the token's own)
            if lower != lemmas[i]:
                head = fallback_head(lower)
        if head is None:
            continue
        tok = doc[i]
        if not _used_as_event(tok, head):
            continue
        if head.needs:
            if cues is None:
                cues = sentence_cues(tok)
            have = cues | _local_cues(tok)
            if not any(n in have for n in head.needs):
                continue
            if "taken_by_armed" in head.needs and _police_agent(tok):
                continue
        out.append((tok, head))
    out.sort(key=lambda th: (th[1].rank, th[0].i))
    return out


class AcledFallbackStage:
    """Add fallback mentions for heads that report an ACLED event (kept by the merge stage only
    where a sentence has no ACLED-typed event)."""

    name: ClassVar[str] = "acled-fallback"
    needs: ClassVar[tuple[str, ...]] = ("doc", "mentions.raw")
    gives: ClassVar[tuple[str, ...]] = ("mentions.raw",)

    def __call__(self, work: Work) -> Work:
        mentions = list(work.mentions or [])
        taken = {t.i for m in mentions for t in m.triggers}
        extra = []
        for s_i, sent in enumerate(doc_sents(work.doc)):
            for tok, head in fallback_heads(sent, taken)[:3]:
                extra.append(Mention(trigger=tok, triggers=[tok], sentence=s_i, event_type=head.event_type,
                                     mode=head.mode, weight=0.4, fallback=True))
        work.mentions = sorted(mentions + extra, key=lambda m: m.start)
        return work


__all__ = ["AcledFallbackStage", "fallback_heads", "head_rank", "rule_only"]
