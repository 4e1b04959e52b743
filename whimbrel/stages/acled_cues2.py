"""ACLED cues read off the parse, second part (for :mod:`whimbrel.stages.acled_cues`).

* :func:`pressing_demand`: the ``protest`` cue of people told pressing a demand as they act or are
  acted on (``SYNTAX_CUES`` of :mod:`whimbrel.codebook.acled_rules2`);
* :func:`subject_cues`: the ``labour_strike``, ``aircraft_subject`` and ``artillery_subject`` cues of
  a verb trigger's subject (``ARGUMENT_CUES2`` there).
"""

from __future__ import annotations

from typing import Any, Sequence

from ..codebook._tables import ARMED_SECTORS
from ..codebook.acled_fallback import AIRCRAFT_WORDS, PROTEST_PURPOSE_VERBS
from ..codebook.acled_rules import PEOPLE_NOUNS
from .senses import role_sector, semantic_classes

_DEMAND_PARTICIPLES = frozenset(PROTEST_PURPOSE_VERBS | {"chant"}) - {"call", "press", "urge", "voice"}
_NO_GRIEVANCE_OBJECTS = frozenset("ransom money payment cash fee bribe tax".split())


def pressing_demand(sent: Any, skip: Sequence[tuple[int, int]]) -> frozenset[str]:
    """``protest`` when people are told pressing a demand as they are acted on or act: a present
    participle of a demand verb on a noun for people ("fired at students demanding reforms") or on the
    verb of an unarmed subject ("ransacked the office, denouncing fraud").  Not armed men's demands
    ("gunmen demanding a ransom"): a demonstration is unarmed people's."""
    for t in sent:
        if t.tag_ != "VBG" or t.lemma_.lower() not in _DEMAND_PARTICIPLES or any(lo <= t.i < hi for lo, hi in skip):
            continue
        if any(c.dep_ == "dobj" and c.lemma_.lower() in _NO_GRIEVANCE_OBJECTS for c in t.children):
            continue
        if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
            people = [t.head]
        elif t.dep_ == "advcl" and t.head.pos_ in ("VERB", "AUX"):
            people = [c for c in t.head.children if c.dep_ == "nsubj"]
        else:
            continue
        if people and not any(role_sector(p.lemma_.lower()) in ARMED_SECTORS or role_sector(p.lower_) in ARMED_SECTORS
                              for p in people):
            return frozenset({"protest"})
    return frozenset()


_AIRCRAFT_SUBJECTS = frozenset(AIRCRAFT_WORDS | {"airstrike", "bomber", "gunship"})
_ARTILLERY_SUBJECTS = frozenset("shell rocket missile mortar artillery howitzer katyusha barrage".split())


def subject_cues(token: Any) -> set[str]:
    """``labour_strike``, ``aircraft_subject``, ``artillery_subject`` (``ARGUMENT_CUES2``) of a verb trigger."""
    if getattr(token, "pos_", "") not in ("VERB", "AUX"):
        return set()
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    subjects += [p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    found = set()
    for s in subjects:
        words = {s.lemma_.lower(), s.lower_, s.lower_[:-1] if s.lower_.endswith("s") else s.lower_}
        if words & _AIRCRAFT_SUBJECTS:
            found.add("aircraft_subject")
        elif words & _ARTILLERY_SUBJECTS:
            found.add("artillery_subject")
    if token.lemma_.lower() == "strike" and subjects and not any(
            c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("at", "on", "against"))
            for c in token.children):
        people = [s for s in subjects if "person" in semantic_classes(s) or s.lemma_.lower() in PEOPLE_NOUNS
                  or s.lower_ in PEOPLE_NOUNS or (role_sector(s.lemma_.lower()) or role_sector(s.lower_))]
        if people and not any(role_sector(p.lemma_.lower()) in ARMED_SECTORS or role_sector(p.lower_) in ARMED_SECTORS
                              for p in people):
            found.add("labour_strike")
    return found


__all__ = ["pressing_demand", "subject_cues"]
