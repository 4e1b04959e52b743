"""Helpers of :mod:`whimbrel.stages.counts`: who is counted when no figure is written.

* :func:`bare_person_count` — a noun phrase without a number that still denotes a known
  number of people: "son" (1), "himself" (1), "the 16-year-old" (1), "a couple" (2),
  "his parents" / "her children" (at least 2).
* :func:`self_harm_extra` — a killer who also killed himself ("killed his wife before
  shooting himself", "shot the boy and then himself", "then turned the gun on herself",
  "and then committed suicide"): one more dead, counted with the cue's victims.
* :func:`murder_suicide` — "a murder-suicide" means at least two dead; "a double
  murder-suicide" three.
* :func:`condition_holder` — who is "in critical condition" (injured).
* :func:`of_victims` — the people counted by "the deaths of A and B", "the killing of a boy".
* :func:`wound_holder` — who has a wound: "X suffered gunshot wounds", "X was found with a
  gunshot wound", "X was treated for injuries".  A wound alone says someone was hit, not
  whether they lived: :func:`is_fatal_wound` ("a fatal wound") and :func:`is_survived_wound`
  ("minor injuries", "being treated for a gunshot wound") tell.

All functions take spaCy tokens and hold no state.
"""

from __future__ import annotations

from typing import Any, Optional

from whimbrel.knowledge.vocabulary import MULTIPLE_WORDS, PAIR_NOUNS
from whimbrel.records import Count

__all__ = [
    "REFLEXIVE", "KIN_PLURALS", "NOT_PEOPLE", "bare_person_count", "self_harm_extra", "murder_suicide",
    "is_condition_cue", "condition_holder", "of_victims", "is_hospital_verb", "is_suicide_verb",
    "WOUND_NOUNS", "wound_holder", "is_fatal_wound", "is_survived_wound",
]

REFLEXIVE = {"himself", "herself", "self", "him-", "herself.", "himself."}
# plural nouns that denote at least two people when no number is written
KIN_PLURALS = {
    "children", "kids", "daughters", "sons", "grandchildren", "grandsons", "granddaughters",
    "brothers", "sisters", "siblings", "parents", "grandparents", "twins", "stepchildren",
    "stepdaughters", "stepsons", "babies", "toddlers", "nephews", "nieces", "cousins",
}
_PAIR_NOUNS = PAIR_NOUNS
NOT_PEOPLE = {
    "police", "family", "security", "military", "army", "crowd", "staff", "personnel",
    "group", "force", "team", "government", "public", "population", "unit", "gunfire", "fire",
    "violence", "everyone", "anyone", "someone", "somebody", "gun", "weapon", "home", "house",
    "car", "shooting", "incident", "attack", "head", "chest", "leg", "arm", "back", "face",
    "wound", "wounds", "injury", "injuries", "life", "death", "time", "way", "year", "day", "number", "amount",
}
_MULTIPLE = MULTIPLE_WORDS
_HARM_VERBS = {"kill", "shoot", "gun", "slay", "murder", "stab"}
_CONDITION_ADJ = {"critical", "serious", "grave", "stable", "fair", "guarded", "life-threatening"}
_HOSPITAL = {"hospital", "hospitals", "emergency", "er"}


def _is_age_noun(tok: Any) -> bool:
    """ "the 16-year-old", "a 3-year-old": an adjective of age used as a noun."""
    return tok.lower_ == "old" and any(c.lower_ in ("year", "month", "week") for c in tok.children)


def bare_person_count(tok: Any, singular_nouns: bool = True) -> Optional[Count]:
    """People denoted by a noun phrase head that carries no number (None: unknown).

    With ``singular_nouns`` False, a bare singular noun or name ("son", "Xavier") is not
    counted: only ages, pairs, kin plurals, "both" and reflexives.
    """
    low = tok.lower_
    if low in REFLEXIVE:
        return Count(low=1, best=1, high=1)
    if _is_age_noun(tok):
        return Count(low=1, best=1, high=1)
    if low in _PAIR_NOUNS and any(c.dep_ in ("det", "poss") for c in tok.children):
        return Count(low=2, best=2, high=2)
    if low in KIN_PLURALS:
        return Count(low=2, best=2)
    if any(c.lower_ == "both" for c in tok.children):
        return Count(low=2, best=2, high=2)
    if not singular_nouns:
        return None
    if tok.tag_ == "NN" and tok.pos_ == "NOUN" and low not in NOT_PEOPLE and not tok.is_stop \
            and tok.ent_type_ in ("", "PERSON"):
        return Count(low=1, best=1, high=1)
    if tok.tag_ == "NNP" and tok.ent_type_ == "PERSON":
        return Count(low=1, best=1, high=1)
    return None


def _turned_on_self(tok: Any) -> bool:
    """'turned the gun on himself'."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_.lower() == "turn"


def is_suicide_verb(tok: Any) -> bool:
    """'committed suicide', 'took his own life'."""
    lemma = tok.lemma_.lower()
    if lemma not in ("commit", "take"):
        return False  # only these two verbs can answer yes below
    for c in tok.children:
        if c.dep_ != "dobj":
            continue
        if lemma == "commit" and c.lower_ == "suicide":
            return True
        if lemma == "take" and c.lower_ == "life" and any(g.lower_ == "own" for g in c.children):
            return True
    return False


def self_harm_extra(cue: Any) -> int:
    """1 when the cue's agent also killed himself in a clause attached to the cue, else 0.

    The self-harm must hang off the cue (its conjunct, its "before/after" clause, or an
    elliptical conjunct "and then himself"); a reflexive that is the cue's own object is
    already counted with the victims and is not added again.
    """
    first_obj = next((c for c in cue.children if c.dep_ in ("dobj", "obj")), None)
    if first_obj is None or first_obj.lower_ in REFLEXIVE:
        return 0  # only a killer of others adds himself ("died after shooting himself": no)
    for tok in cue.subtree:
        if tok.i == cue.i or tok.sent.start != cue.sent.start:
            continue
        if first_obj is not None and tok.i in {t.i for t in first_obj.subtree}:
            continue  # "killed the boy and himself": counted with the object
        low = tok.lower_
        if low in REFLEXIVE:
            head = tok.head
            if head.i == cue.i and tok.dep_ in ("conj", "npadvmod", "appos", "dobj"):
                return 1
            if tok.dep_ == "dobj" and head.lemma_.lower() in _HARM_VERBS and head.i != cue.i \
                    and not any(c.dep_ in ("prt", "nsubj", "nsubjpass") for c in head.children):
                return 1
            if _turned_on_self(tok):
                return 1
        elif tok.pos_ in ("VERB", "AUX") and tok.i != cue.i and is_suicide_verb(tok) \
                and not any(c.dep_ == "nsubj" for c in tok.children):
            return 1
    return 0


def murder_suicide(tok: Any) -> Optional[Count]:
    """The dead implied by 'murder-suicide' (at the token 'suicide'), or None."""
    if tok.lower_ not in ("suicide", "murder-suicide", "murder/suicide", "suicides"):
        return None
    doc = tok.doc
    if tok.lower_ in ("suicide", "suicides"):
        prev = doc[tok.i - 1].lower_ if tok.i >= 1 else ""
        prev2 = doc[tok.i - 2].lower_ if tok.i >= 2 else ""
        if not (prev in ("-", "/") and prev2 == "murder" or prev == "murder"):
            return None
    words = [doc[k].lower_ for k in range(max(tok.doc[:].start, tok.i - 5), tok.i)]
    if "attempted" in words:
        return None
    for w in reversed(words):
        if w in _MULTIPLE:
            n = _MULTIPLE[w] + 1
            return Count(low=n, best=n, high=n)
    return Count(low=2, best=2)


def is_condition_cue(tok: Any) -> bool:
    """'in critical condition', 'in serious condition'."""
    return tok.lower_ == "condition" and any(c.lower_ in _CONDITION_ADJ for c in tok.children)


def condition_holder(tok: Any) -> Optional[Any]:
    """The noun head of whoever is 'in critical condition' (``tok`` is 'condition')."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "in":
        return None
    gov = prep.head
    if gov.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return gov
    if gov.lemma_.lower() == "leave":
        return next((c for c in gov.children if c.dep_ in ("dobj", "obj")), None)
    for c in gov.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if gov.dep_ in ("acl", "relcl") and gov.head.pos_ in ("NOUN", "PROPN"):
        return gov.head
    return None


def is_hospital_verb(tok: Any) -> bool:
    """'sent four people to the hospital', 'put two in the hospital'."""
    if tok.lemma_.lower() not in ("send", "put", "land"):
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "in", "into"):
            if any(g.lower_ in _HOSPITAL or g.lemma_.lower() in _HOSPITAL for g in c.children):
                return True
    return False


def of_victims(cue: Any) -> Optional[Any]:
    """The head after 'of' in 'the deaths of two men' / 'the killing of Eric Summerfield'."""
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or g.pos_ in ("NOUN", "NUM", "ADJ")) \
                        and g.lower_ not in NOT_PEOPLE:
                    return g
    return None


WOUND_NOUNS = {"wound", "injury", "gunshot"}
# verbs whose subject has the wound they take as object: "suffered a gunshot wound"
_HAVE_WOUND = {"suffer", "sustain", "receive", "have", "incur"}
_FATAL_WOUND = {"fatal", "mortal", "deadly", "lethal", "fatally"}


def is_fatal_wound(tok: Any) -> bool:
    """'a fatal gunshot wound', 'mortal wounds'."""
    return any(c.lower_ in _FATAL_WOUND for c in tok.children)


_MILD = {"minor", "superficial", "non-life-threatening", "non-life", "non", "nonlife-threatening",
         "nonfatal", "non-fatal", "slight", "light"}


def is_survived_wound(tok: Any) -> bool:
    """A wound its holder lived through: 'minor injuries', 'non-life-threatening wounds',
    'is being treated for a gunshot wound', 'is recovering from'."""
    for c in tok.subtree:
        if c.i >= tok.i:
            break
        if c.lower_ in _MILD or (c.lower_ == "threatening" and any(
                g.lower_ in ("non", "not") for g in tok.doc[max(0, c.i - 4):c.i])):
            return True
    gov = tok.head.head if tok.dep_ == "pobj" else tok.head
    return gov.lemma_.lower() in ("treat", "recover") and not any(c.dep_ == "neg" for c in gov.children)


def _clause_subject(verb: Any) -> Optional[Any]:
    """The subject of ``verb``, of the verb it is conjoined to, or the noun a participle modifies."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        for c in verb.head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    return None


def wound_holder(tok: Any) -> Optional[Any]:
    """The noun head of whoever has the wound ``tok`` ('wound', 'injuries', 'gunshot').

    "X suffered/sustained/received/had (a gunshot wound)", "X was found/admitted/taken
    (with a gunshot wound)", "a man with gunshot wounds", "X was treated for injuries".
    A negated verb ("did not suffer") or a wound someone died of gives None.
    """
    if tok.lemma_.lower() not in WOUND_NOUNS or tok.pos_ != "NOUN":
        return None
    if tok.lower_ == "gunshot" and tok.dep_ == "compound":
        return None  # "gunshot wound": the head noun is read
    gov = tok.head
    if tok.dep_ in ("dobj", "obj") and gov.lemma_.lower() in _HAVE_WOUND:
        verb = gov
    elif tok.dep_ == "pobj" and gov.lower_ in ("with", "for"):
        verb = gov.head
        if gov.lower_ == "for" and verb.lemma_.lower() != "treat":
            return None
        if verb.pos_ in ("NOUN", "PROPN") and gov.lower_ == "with":
            return verb if verb.lower_ not in NOT_PEOPLE else None
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
        return None
    if verb.lemma_.lower() in ("die", "succumb", "perish"):
        return None
    holder = _clause_subject(verb)
    if holder is None or holder.lower_ in NOT_PEOPLE or holder.lower_ in ("who", "that", "which"):
        if holder is not None and holder.lower_ in ("who", "that") and verb.dep_ == "relcl":
            return verb.head
        return None
    return holder
