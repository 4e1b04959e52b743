"""Generic, normative and rule statements: sentences that describe no act that happened.

"The law lets asylum seekers stay until their hearing", "protesters must be allowed to
march", "you can ask questions": such a trigger names a kind of act, a permission or a
duty, not an event.  :func:`generic_statement` says so (with the cue) and the screen
stage gives the event modality ``generic``: kept as data, not counted.

Two general patterns over the dependency parse:

* a **rule subject**: a governing verb of permission or obligation (allow, let, permit,
  require, forbid, prohibit, make it ...) whose subject is a law, rule, policy,
  constitution, guideline ...;
* a **modal with a generic subject**: must/can/may/should/could/cannot on the trigger's
  clause, whose subject is the reader ("you"), an indefinite pronoun (anyone, everyone,
  one, people) or a bare plural noun with no determiner ("protesters must ...").
"""

from __future__ import annotations

from typing import Any, Optional

RULE_SUBJECTS = frozenset(
    """law laws rule rules policy policies constitution guideline guidelines regulation regulations
    code statute act bill legislation treaty provision requirement ordinance charter""".split()
)
RULE_VERBS = frozenset("allow let permit require forbid prohibit make oblige entitle enable ban bar".split())
GENERIC_MODALS = frozenset("must can may should could cannot ca might".split())
GENERIC_SUBJECTS = frozenset("you anyone anybody everyone everybody one people someone nobody whoever".split())
_MAX_HOPS = 4


def _clause_verbs(tok: Any) -> list[Any]:
    """The trigger (when a verb) and the verbs above it, nearest first."""
    out = []
    cur = tok
    for _ in range(_MAX_HOPS):
        if cur.pos_ in ("VERB", "AUX"):
            out.append(cur)
        if cur.head is cur:
            break
        cur = cur.head
    return out


def _subject(verb: Any) -> Optional[Any]:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)


def _generic_np(head: Any) -> bool:
    low = head.lower_
    if low in GENERIC_SUBJECTS:
        return True
    if head.tag_ == "NNS" and head.ent_type_ == "":
        dets = [c for c in head.children if c.dep_ in ("det", "poss", "nummod")]
        return not dets
    return False


def generic_statement(tok: Any) -> Optional[str]:
    """The cue when the trigger token sits in a generic or normative statement, else None."""
    for verb in _clause_verbs(tok):
        subj = _subject(verb)
        if verb.lemma_.lower() in RULE_VERBS and subj is not None and subj.lemma_.lower() in RULE_SUBJECTS:
            return f"rule statement: '{subj.text} {verb.text}'"
        modals = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in GENERIC_MODALS]
        if modals and subj is not None and _generic_np(subj):
            return f"generic statement: '{subj.text} {modals[0].text}'"
    return None


__all__ = ["generic_statement"]
