"""PLOVER's verbal frames: promises, threats, demands and refusals.

PLOVER codes what an actor *says it will do* as a verbal event of its own
(codebook definitions of AGREE, THREATEN, REQUEST and REJECT):

* a commitment to a cooperative act ("Portugal will support ...", "is willing to
  withdraw", "promised to continue aid") is **AGREE**;
* a commitment to a conflictual act ("said they would boycott", "is prepared to
  impose martial law", "will withdraw ... unless") is **THREATEN**;
* an act that someone says another *must* do ("Russia said Sudan must return the
  helicopter") is **REQUEST** by the speaker of the recipient;
* a refused or negated cooperative act ("refused to meet", "will not accept") is
  **REJECT**.

The reframed event is asserted (the promise, threat, demand or refusal was made).
The rules read the parse around the trigger's clause; they never look at word
lists of particular sentences.
"""

from __future__ import annotations

from typing import Any, Optional

from .. import codebook
from ..records import Modality
from ..spacy_doc import token_table

COMMIT_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
COMMIT_HEADS = frozenset(
    "ready willing prepared offer promise pledge vow agree plan intend decide commit "
    "undertake expect set determined resolve swear".split()
)
DEMAND_AUX = frozenset({"must", "should", "ought"})
DEMAND_HEADS = frozenset("demand urge insist push press call ask request appeal require".split())
REFUSE_HEADS = frozenset("refuse decline reject oppose fail".split())
CONDITION_MARKS = frozenset({"unless", "if"})
# PLOVER types that are cooperative (an offer of them is AGREE, a refusal REJECT)
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "AGREE"})
CONFLICTUAL = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


def clause_verb(m: Any) -> Any:
    """The verb whose clause carries the mention (the governor of a nominal trigger)."""
    if m.trigger.pos_ == "VERB" or m.governor is None:
        return m.trigger
    return m.governor


def _aux(verb: Any) -> set[str]:
    table = token_table(verb.doc)
    dep, low = table.dep, table.lower
    return {low[c] for c in table.children[verb.i] if dep[c] in ("aux", "auxpass")}


def _negated(verb: Any) -> bool:
    table = token_table(verb.doc)
    dep = table.dep
    return any(dep[c] == "neg" for c in table.children[verb.i])


def _head_ids(verb: Any, depth: int = 2) -> list[int]:
    """Token indices of the predicates above a clause through xcomp/ccomp/acomp links
    ('willing to X'), read off the Doc's token table."""
    table = token_table(verb.doc)
    dep, up = table.dep, table.head
    out, cur = [], verb.i
    for _ in range(depth):
        if dep[cur] not in ("xcomp", "ccomp", "acomp", "advcl", "pcomp", "acl") or up[cur] == cur:
            break
        cur = up[cur]
        if dep[cur] == "acomp" and up[cur] != cur:  # "is ready to" → ready
            out.append(cur)
        out.append(cur)
    return out


def _heads(verb: Any, depth: int = 2) -> list[Any]:
    """The predicates above a clause through xcomp/ccomp/acomp links ('willing to X')."""
    doc = verb.doc
    return [doc[i] for i in _head_ids(verb, depth)]


def _lemma(tok: Any) -> str:
    return tok.lemma_.lower()


def frame_of(m: Any) -> Optional[str]:
    """The PLOVER verbal type this mention should be coded as, or None to keep it."""
    etype = m.event_type
    if etype not in COOPERATIVE and etype not in CONFLICTUAL:
        return None
    verb = clause_verb(m)
    aux = _aux(verb)
    heads = _heads(verb)
    head_lemmas = {_lemma(h) for h in heads}
    if aux & DEMAND_AUX or (head_lemmas & DEMAND_HEADS and verb.dep_ in ("ccomp", "acl")):
        return "REQUEST"
    refused = bool(head_lemmas & REFUSE_HEADS) or (_negated(verb) and bool(aux & COMMIT_AUX))
    if etype in COOPERATIVE and (refused or m.modality == Modality.negated):
        return "REJECT"
    committed = bool(aux & COMMIT_AUX) or bool(head_lemmas & COMMIT_HEADS)
    if not committed or m.modality not in (Modality.future, Modality.hypothetical, Modality.asserted):
        return None
    conditional = any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for h in [verb, *heads] for c in h.subtree
                      if c.head.dep_ == "advcl")
    if etype in CONFLICTUAL or (etype == "RETREAT" and conditional):
        return "THREATEN"
    if etype in COOPERATIVE and etype != "AGREE":
        return "AGREE"
    return None


# Verbal events whose content has not happened: "demanded that X recognise ...",
# "threatened to attack ...". The demand or threat is the event; its content is not.
UNREALISED = frozenset({"REQUEST", "THREATEN"})


def embedded_in_request(m: Any, others: list[Any]) -> bool:
    """True when the mention is the content of a demand or threat reported by another mention
    of the sentence ("demanded that partners refuse to recognize ...", "threatened to attack")."""
    verb = clause_verb(m)
    ids = set(_head_ids(verb, depth=3))
    return any(o is not m and o.event_type in UNREALISED and any(t.i in ids for t in o.triggers) for o in others)


def demand_of_protest(m: Any, others: list[Any]) -> bool:
    """'demonstrated ... calling for independence', 'staged a strike to demand reforms':
    the demand is what the protest is about, not a separate REQUEST."""
    if m.event_type != "REQUEST" or m.trigger.dep_ not in ("advcl", "xcomp", "acl", "conj"):
        return False
    head = m.trigger.head
    return any(o is not m and o.event_type == "PROTEST"
               and any(t.i == head.i or (o.governor is not None and o.governor.i == head.i) for t in o.triggers)
               for o in others)


def apply(m: Any, claimants: list[Any]) -> None:
    """Reframe a resolved mention in place (type, mode, roles, modality)."""
    new = frame_of(m)
    if new is None:
        return
    if new == "REQUEST":
        # the speaker asks; the one who must act is the recipient
        m.recipients = m.actors or m.recipients
        m.actors = list(claimants)
    # a threat keeps what is threatened as its mode ("would blockade" → THREATEN/restrict)
    mode = codebook.threat_mode(m.event_type, m.mode) if new == "THREATEN" else None
    if m.framed_from is None:
        m.framed_from = m.event_type
    m.event_type = new
    m.mode = mode if mode is not None and codebook.is_valid(new, mode) else None
    m.modality = Modality.asserted


__all__ = ["apply", "demand_of_protest", "embedded_in_request", "frame_of"]
