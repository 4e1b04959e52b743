"""Who says so: quotations, reporting verbs, "according to" and hedges.

The event extractor calls these per event trigger (a spaCy ``Token``):

* :meth:`QuoteIndex.build` — once per parsed ``Doc``: every quotation with its
  speaker (the subject of the attribution verb next to it, pronouns resolved to
  the most recent named speaker, unattributed follow-on quotes inheriting the
  previous speaker).
* :func:`find_claims` — the reporting structures that assert one event: a
  reporting verb governing the trigger's clause, "according to X" in the
  trigger's sentence, the speaker of a quotation around the trigger, and
  "X claimed responsibility for the attack".
* :func:`hedge` — the word that weakens the assertion of the event, if any
  (defined with the other epistemic marks in :mod:`.modality`, re-exported here).

Decisions (documented in the function docstrings):

* A claim whose reporting verb has no subject (passive "it was reported that",
  "is said to") has ``claimant_text`` ``None``.
* A pronoun claimant ("he said") is replaced by the most recent earlier named
  speaker or subject of a reporting verb that fits it (he/she → a person,
  it/they → an organisation); when none fits, the pronoun itself is kept.
* "claim", "allege", "accuse" as reporting verbs hedge the claim; "claimed
  responsibility" does not (the perpetrator asserts its own act).
* Report-type hedge words with no reporting structure ("reportedly",
  "allegedly", "is said to") give an anonymous, hedged claim.
"""


from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

from ..knowledge.vocabulary import HEDGE_ADVERBS, HEDGING_CUES, REPORT_HEDGES, REPORTING_VERBS
from ..knowledge.vocabulary import CLAUSAL_DEPS as _CLAUSAL_DEPS
from .modality import ancestors_with_links as _ancestors_with_links
from .modality import hedge
from .quotes import (
    _EXPLETIVE,
    Quote,
    QuoteIndex,
    _cue_text,
    _lemma,
    _subject_of,
    speaker_span,
)

__all__ = [
    "ClaimCue",
    "Quote",
    "QuoteIndex",
    "REPORTING_VERBS",
    "find_claims",
    "hedge",
    "speaker_span",
]

_OBJECT_CUES = frozenset({"confirm", "deny", "announce", "report", "acknowledge", "admit"})
_ACCUSE_VERBS = frozenset({"accuse", "charge", "blame"})
_RESPONSIBILITY_VERBS = frozenset({"claim", "take", "accept", "assume", "bear", "admit"})


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class ClaimCue:
    """One reporting structure asserting an event.

    ``claimant_text`` is the claimant's words (``None`` for anonymous/passive
    reports); ``text`` the attribution words ("said in a statement",
    "according to"); ``cue`` the reporting lemma or hedge word.
    """

    claimant_text: Optional[str]
    claimant_start: Optional[int]
    claimant_end: Optional[int]
    text: str
    cue: str
    hedged: bool = False



# --------------------------------------------------------------------------- claims


def _claim_from_verb(verb: Token, quotes: Optional[QuoteIndex], hedged_event: bool) -> ClaimCue:
    subj = _subject_of(verb)
    if subj is not None and (subj.lower_ in _EXPLETIVE and subj.dep_ != "nsubj" or subj.lower_ == "there"):
        subj = None
    if subj is not None and subj.lower_ == "it" and verb.tag_ == "VBN":
        subj = None
    res: Optional[tuple[str, int, int]] = None
    if subj is not None:
        if subj.pos_ == "PRON" and quotes is not None:
            res = quotes.resolve_pronoun(subj)
        elif subj.pos_ == "PRON":
            res = (subj.text, subj.idx, subj.idx + len(subj.text))
        else:
            res = speaker_span(subj)
    cue = _lemma(verb)
    hedged = hedged_event or cue in HEDGING_CUES or any(
        c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in verb.children
    )
    return ClaimCue(
        claimant_text=res[0] if res else None,
        claimant_start=res[1] if res else None,
        claimant_end=res[2] if res else None,
        text=_cue_text(verb),
        cue=cue,
        hedged=hedged,
    )


def _according_to(sent: Span, hedged_event: bool) -> list[ClaimCue]:
    out: list[ClaimCue] = []
    for tok in sent:
        if tok.lower_ != "according" or tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].lower_ != "to":
            continue
        to = tok.doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if objs:
            text, start, end = speaker_span(objs[0])
            out.append(ClaimCue(text, start, end, "according to", "according to", hedged_event))
        else:
            out.append(ClaimCue(None, None, None, "according to", "according to", hedged_event))
    return out


def _denied_claim(verb: Token) -> bool:
    """"no group claimed", "did not claim": no claim was made."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subj = _subject_of(verb)
    return subj is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


def _responsibility(trigger: Token, hedged_event: bool) -> list[ClaimCue]:
    """"X claimed responsibility for the attack", "the attack, which X claimed".

    A negated claim ("no group has claimed responsibility") gives nothing.
    """
    out: list[ClaimCue] = []
    # trigger ← for ← responsibility/credit ← claim/take
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("for", "of"):
        noun = trigger.head.head
        if (
            noun.lemma_.lower() in ("responsibility", "credit")
            and noun.head.lemma_.lower() in _RESPONSIBILITY_VERBS
            and not _denied_claim(noun.head)
        ):
            verb = noun.head
            c = _claim_from_verb(verb, None, hedged_event)
            end = trigger.head.i
            text = verb.doc[verb.i : end + 1].text if end > verb.i else verb.text
            out.append(ClaimCue(c.claimant_text, c.claimant_start, c.claimant_end, text, "claim responsibility", hedged_event))
    # "X claimed the attack"
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() == "claim" and not _denied_claim(trigger.head):
        c = _claim_from_verb(trigger.head, None, hedged_event)
        out.append(ClaimCue(c.claimant_text, c.claimant_start, c.claimant_end, trigger.head.text, "claim responsibility", hedged_event))
    # "the attack was claimed by X"
    if trigger.dep_ == "nsubjpass" and trigger.head.lemma_.lower() == "claim" and not _denied_claim(trigger.head):
        c = _claim_from_verb(trigger.head, None, hedged_event)
        if c.claimant_text is not None:
            out.append(ClaimCue(c.claimant_text, c.claimant_start, c.claimant_end, trigger.head.text, "claim responsibility", hedged_event))
    # "the attack, which X claimed"
    for child in trigger.children:
        if child.dep_ == "relcl" and child.lemma_.lower() == "claim" and not _denied_claim(child):
            c = _claim_from_verb(child, None, hedged_event)
            out.append(ClaimCue(c.claimant_text, c.claimant_start, c.claimant_end, child.text, "claim responsibility", hedged_event))
    return out


def find_claims(trigger: Token, quotes: Optional[QuoteIndex] = None) -> list[ClaimCue]:
    """The reporting structures that assert the event named by ``trigger``.

    In order: reporting verbs governing the trigger through a clausal link
    (ccomp/parataxis/xcomp; for confirm/deny/announce/report also a direct
    object), nearest first; the speaker of a quotation containing the trigger;
    "according to X" in the trigger's sentence; "X claimed responsibility for
    the attack". With none of these but a report-type hedge ("reportedly",
    "is said to"), one anonymous hedged claim. Duplicates (same claimant and
    cue) are dropped.
    """
    hedge_word = hedge(trigger)
    hedged_event = hedge_word is not None
    out: list[ClaimCue] = []
    used_verbs: set[int] = set()
    for child, anc in _ancestors_with_links(trigger):
        lem = _lemma(anc)
        if lem not in REPORTING_VERBS or anc.pos_ not in ("VERB", "AUX"):
            continue
        accusation = lem in _ACCUSE_VERBS and child.dep_ == "prep" and child.lower_ in ("of", "for", "over")
        if child.dep_ in _CLAUSAL_DEPS or accusation or (
            child.dep_ == "dobj" and lem in _OBJECT_CUES and child.i == trigger.i
        ):
            # "is said to" is a raising hedge, not a claim by a subject
            out.append(_claim_from_verb(anc, quotes, hedged_event))
            used_verbs.add(anc.i)
    if quotes is not None:
        q = quotes.quote_at(trigger.idx)
        if q is not None and q.speaker_text is not None and not q.is_scare:
            out.append(
                ClaimCue(q.speaker_text, q.speaker_start, q.speaker_end, q.cue_text or "said",
                         q.cue or "say", hedged_event or (q.cue in HEDGING_CUES))
            )
    out.extend(_according_to(trigger.sent, hedged_event))
    out.extend(_responsibility(trigger, hedged_event))
    if not out and hedge_word in REPORT_HEDGES:
        out.append(ClaimCue(None, None, None, hedge_word, hedge_word, True))
    return _dedupe(out)


def _dedupe(claims: list[ClaimCue]) -> list[ClaimCue]:
    seen: set[tuple[Optional[str], str]] = set()
    out: list[ClaimCue] = []
    for c in claims:
        key = ((c.claimant_text or "").lower() or None, c.cue)
        if key in seen:
            continue
        # a quote speaker repeating a reporting verb's claimant (same span) is one claim
        if any(o.claimant_start is not None and o.claimant_start == c.claimant_start for o in out):
            continue
        seen.add(key)
        out.append(c)
    return out
