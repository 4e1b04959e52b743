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

from dataclasses import dataclass, replace
from typing import Iterable, Optional

from spacy.tokens import Span, Token

from ..knowledge.vocabulary import (
    ATTRIBUTION_VERBS,
    CLAUSAL_DEPS,
    HEDGE_ADVERBS,
    HEDGING_CUES,
    REPORT_ADVERBS,
    REPORT_HEDGES,
    REPORT_NOUNS,
    REPORTING_VERBS,
    SUSPICION_VERBS,
    UNVERIFIED_ADJECTIVES,
    UNVERIFIED_PHRASES,
)
from ..spacy_doc import doc_text, memo, remembered, sent_of, token_table
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
_ACCUSE_VERBS = frozenset({"accuse", "charge", "blame"}) | SUSPICION_VERBS
_RESPONSIBILITY_VERBS = frozenset({"claim", "take", "accept", "assume", "bear", "admit"})


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class ClaimCue:
    """One reporting structure asserting an event.

    ``claimant_*`` is the claimant's words and span (``None`` for anonymous or
    agentless reports); ``text`` the attribution words ("said in a statement",
    "according to") and ``cue_start``/``cue_end`` their span; ``cue`` the reporting
    lemma or hedge word; ``hedge_text`` the words that hedge the claim, when it is
    hedged; ``via_*`` the outer reporter of a nested report ("A said B accused C":
    claimant B, via A); ``pronoun_*`` the pronoun the claimant was resolved from.
    """

    claimant_text: Optional[str]
    claimant_start: Optional[int]
    claimant_end: Optional[int]
    text: str
    cue: str
    hedged: bool = False
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    hedge_text: Optional[str] = None
    via_text: Optional[str] = None
    via_start: Optional[int] = None
    via_end: Optional[int] = None
    pronoun_text: Optional[str] = None
    pronoun_start: Optional[int] = None
    pronoun_end: Optional[int] = None


# --------------------------------------------------------------------------- claims


def _cue_span(verb: Token, text: str) -> tuple[int, int]:
    """Character span of the attribution words ``text`` that start at ``verb``."""
    return verb.idx, verb.idx + len(text)


def _source(subj: Optional[Token], quotes: Optional[QuoteIndex]) -> tuple[Optional[tuple[str, int, int]], Optional[Token]]:
    """The claimant span for a subject token, and the pronoun it was resolved from."""
    if subj is None:
        return None, None
    if subj.pos_ == "PRON":
        if quotes is not None:
            return quotes.resolve_pronoun(subj), subj
        return (subj.text, subj.idx, subj.idx + len(subj.text)), subj
    return speaker_span(subj), None


def _agentless_passive(verb: Token) -> bool:
    """"it was reported that", "is believed": a passive report with no agent."""
    kids = list(verb.children)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in kids) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
    )
    return passive and not any(c.dep_ == "agent" for c in kids)


def _claim_from_verb(verb: Token, quotes: Optional[QuoteIndex], hedge_word: Optional[str]) -> ClaimCue:
    """The claim of a reporting verb; ``hedge_word`` (the event's own hedge) hedges it when the
    verb brings no hedge of its own."""
    fields, fixed_hedge, agentless_words = _verb_cue(verb, quotes)
    hedge_text = fixed_hedge if fixed_hedge is not None else hedge_word or agentless_words
    return ClaimCue(**fields, hedged=hedge_text is not None, hedge_text=hedge_text)


def _verb_cue(verb: Token, quotes: Optional[QuoteIndex]) -> tuple:
    """What :func:`_claim_from_verb` reads off ``verb`` whatever the event, once per verb and quote
    index: the other mentions under the same reporting verb share it.  (The index is kept with
    the answer: one built anew for the same Doc asks again.)"""
    facts = memo(verb.doc)
    key = ("claims.verb", verb.i, quotes is None)
    kept = facts.get(key)
    if kept is not None and kept[0] is quotes:
        return kept[1]
    found = _read_verb_cue(verb, quotes)
    facts[key] = (quotes, found)
    return found


def _read_verb_cue(verb: Token, quotes: Optional[QuoteIndex]) -> tuple:
    subj = _subject_of(verb)
    if subj is not None and (subj.lower_ in _EXPLETIVE and subj.dep_ != "nsubj" or subj.lower_ == "there"):
        subj = None
    if subj is not None and subj.lower_ == "it" and verb.tag_ == "VBN":
        subj = None
    res, pron = _source(subj, quotes)
    cue = _lemma(verb)
    adverb = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS), None)
    agentless = res is None and _agentless_passive(verb)
    words = _cue_text(verb)
    fixed_hedge = verb.text if cue in HEDGING_CUES else adverb.text if adverb is not None else None
    start, end = _cue_span(verb, words)
    if pron is not None and res is not None and res[1] == pron.idx:
        pron = None  # not resolved: the pronoun is the claimant
    fields = dict(
        claimant_text=res[0] if res else None,
        claimant_start=res[1] if res else None,
        claimant_end=res[2] if res else None,
        text=words,
        cue=cue,
        cue_start=start,
        cue_end=end,
        pronoun_text=pron.text if pron is not None else None,
        pronoun_start=pron.idx if pron is not None else None,
        pronoun_end=pron.idx + len(pron.text) if pron is not None else None,
    )
    return fields, fixed_hedge, words if agentless else None


def _according_to(tok: Token, hedge_word: Optional[str]) -> ClaimCue:
    """"according to X" at ``tok`` ("according")."""
    to = tok.doc[tok.i + 1]
    end = to.idx + len(to.text)
    objs = [c for c in to.children if c.dep_ == "pobj"]
    src = speaker_span(objs[0]) if objs else (None, None, None)
    return ClaimCue(src[0], src[1], src[2], "according to", "according to", hedge_word is not None,
                    tok.idx, end, hedge_word)


def _according_tokens(sent: Span) -> list[Token]:
    doc = sent.doc

    def compute() -> tuple:
        low = token_table(doc).lower
        return tuple(doc[i] for i in range(sent.start, sent.end)
                     if low[i] == "according" and i + 1 < len(doc) and low[i + 1] == "to")

    return list(remembered(doc, ("claims.according", sent.start, sent.end), compute))


def _denied_claim(verb: Token) -> bool:
    """"no group claimed", "did not claim": no claim was made."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subj = _subject_of(verb)
    return subj is not None and any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subj.children)


def _responsibility(trigger: Token, hedge_word: Optional[str]) -> list[ClaimCue]:
    """"X claimed responsibility for (shooting down) the plane", "the attack, which X claimed".

    A negated claim ("no group has claimed responsibility") gives nothing.
    """
    out: list[ClaimCue] = []

    def add(verb: Token, text: str) -> None:
        c = _claim_from_verb(verb, None, None)
        if c.claimant_text is not None:
            out.append(replace(c, text=text, cue="claim responsibility", hedged=hedge_word is not None,
                               hedge_text=hedge_word, cue_end=verb.idx + len(text)))

    # the tests read the Doc's token table; only the verbs that pass become Tokens
    doc = trigger.doc
    table = token_table(doc)
    dep, low, lem = table.dep, table.lower, table.lemma
    i = trigger.i
    h = table.head[i]
    # trigger ← for ← responsibility/credit ← claim/take
    if dep[i] in ("pobj", "pcomp") and low[h] in ("for", "of"):
        noun = table.head[h]
        v = table.head[noun]
        if lem[noun] in ("responsibility", "credit") and lem[v] in _RESPONSIBILITY_VERBS:
            verb = doc[v]
            if not _denied_claim(verb):
                add(verb, doc[v : h + 1].text if h > v else verb.text)
    if dep[i] in ("dobj", "nsubjpass") and lem[h] == "claim":
        head = doc[h]
        if not _denied_claim(head):
            add(head, head.text)  # "X claimed the attack", "the attack was claimed by X"
    for j in table.children[i]:  # "the attack, which X claimed"
        if dep[j] == "relcl" and lem[j] == "claim":
            child = doc[j]
            if not _denied_claim(child):
                add(child, child.text)
    return out


def _open_question(child: Token) -> bool:
    """"asked whether ...", "said if ...": the complement is a question, not an assertion."""
    return child.left_edge.lower_ in ("if", "whether")


def _governs(child: Token, anc: Token, trigger: Token) -> bool:
    """Whether ``anc`` is a reporting verb whose complement (through ``child``) holds the event."""
    lem = _lemma(anc)
    if anc.pos_ not in ("VERB", "AUX"):
        return False
    if lem in ATTRIBUTION_VERBS:
        if child.dep_ in CLAUSAL_DEPS:
            return lem in REPORTING_VERBS or child.dep_ == "ccomp"
        if lem in _ACCUSE_VERBS and child.dep_ == "prep" and child.lower_ in ("of", "for", "over", "in"):
            return True  # "accused of killing", "suspected in the shooting"
        if lem == "admit" and child.dep_ == "prep" and child.lower_ == "to":
            return True  # "admitted to shooting"
        return child.dep_ == "dobj" and lem in _OBJECT_CUES and child.i == trigger.i
    return False


def _verb_claims(trigger: Token, quotes: Optional[QuoteIndex], hedge_word: Optional[str]) -> list[tuple[Token, ClaimCue]]:
    """Claims of the reporting verbs governing the event, nearest first."""
    out: list[tuple[Token, ClaimCue]] = []
    doc = trigger.doc
    table = token_table(doc)
    pos, low, lem, head = table.pos, table.lower, table.lemma, table.head
    # the path of :func:`.modality.ancestors_with_links`, read off the table: only an ancestor that can
    # be a reporting verb (what :func:`_governs` asks first) becomes a Token
    child, node = trigger.i, head[trigger.i]
    seen = 0
    while node != child and seen < 30:
        if pos[node] in ("VERB", "AUX") and ("according to" if low[node] == "according" else lem[node]) in ATTRIBUTION_VERBS:
            link, anc = doc[child], doc[node]
            if _governs(link, anc, trigger) and not (any(c.dep_ == "neg" for c in anc.children) or _open_question(link)):
                out.append((anc, _claim_from_verb(anc, quotes, hedge_word)))
            # "police did not say whether ...": nothing asserted
        child, node = node, head[node]
        seen += 1
    return out


def _report_noun(trigger: Token, hedge_word: Optional[str]) -> list[ClaimCue]:
    """"unconfirmed reports that a child fired": content of a report noun, hedged when unverified."""
    doc = trigger.doc
    table = token_table(doc)
    pos, lem, dep, head = table.pos, table.lemma, table.dep, table.head
    child_i, node = trigger.i, head[trigger.i]
    seen = 0
    while node != child_i and seen < 30:  # the path of :func:`.modality.ancestors_with_links`, off the table
        if not (pos[node] == "NOUN" and lem[node] in REPORT_NOUNS and dep[child_i] in ("acl", "ccomp")):
            child_i, node = node, head[node]
            seen += 1
            continue
        anc = doc[node]
        adj = next((c for c in anc.children if c.dep_ == "amod" and c.lower_ in UNVERIFIED_ADJECTIVES), None)
        unverified = adj is not None or anc.lemma_.lower() in ("claim", "allegation", "rumor", "rumour", "accusation")
        owner = next((c for c in anc.children if c.dep_ == "poss"), None)
        src = speaker_span(owner) if owner is not None and owner.pos_ != "PRON" else (None, None, None)
        words = f"{adj.text} {anc.text}" if adj is not None and adj.i == anc.i - 1 else anc.text
        start = adj.idx if adj is not None and adj.i == anc.i - 1 else anc.idx
        htext = words if unverified else hedge_word
        return [ClaimCue(src[0], src[1], src[2], words, anc.lemma_.lower(), htext is not None,
                         start, start + len(words), htext)]
    return []


def _unverified(sent: Span) -> Optional[str]:
    """"could not be independently verified" in the event's sentence."""
    def compute() -> Optional[str]:
        low = doc_text(sent.doc)[sent.start_char:sent.end_char].lower()  # = sent.text, without a token walk
        return next((p for p in UNVERIFIED_PHRASES if p in low), None)

    return remembered(sent.doc, ("claims.unverified", sent.start, sent.end), compute)


def _chain(verb_claims: list[tuple[Token, ClaimCue]], according: list[Token],
           hedge_word: Optional[str]) -> tuple[list[ClaimCue], set[int]]:
    """Nested reports as one claim: the nearest source, with the next reporter as ``via``.

    "According to X" attached to a reporting verb of the chain is that verb's reporter.
    Returns the claims and the "according" tokens used as reporters.
    """
    used: set[int] = set()
    out: list[ClaimCue] = []
    chain = [c for _, c in verb_claims]
    for k, (verb, claim) in enumerate(verb_claims):
        if k > 0 and out:
            break  # the outer reporters are the inner claim's via, not claims of their own
        outer: Optional[ClaimCue] = None
        for acc in according:
            if acc.head.i == verb.i:
                outer = _according_to(acc, hedge_word)
                used.add(acc.i)
                break
        if outer is None:
            outer = next((c for c in chain[k + 1 :] if c.claimant_text is not None), None)
        if claim.claimant_text is None and outer is not None and outer.claimant_text is not None:
            # "police said he is accused of ...": the police claim, hedged by the inner cue
            claim = replace(outer, hedged=claim.hedged or outer.hedged,
                            hedge_text=outer.hedge_text or claim.hedge_text)
            outer = next((c for c in chain[k + 2 :] if c.claimant_text is not None), None)
        if outer is not None and outer.claimant_text is not None:
            claim = replace(claim, via_text=outer.claimant_text, via_start=outer.claimant_start,
                            via_end=outer.claimant_end, hedged=claim.hedged or outer.hedged,
                            hedge_text=claim.hedge_text or outer.hedge_text)
        out.append(claim)
    return out, used


def find_claims(trigger: Token, quotes: Optional[QuoteIndex] = None) -> list[ClaimCue]:
    """The reporting structures that assert the event named by ``trigger``.

    In order: the reporting verbs governing the trigger's clause (ccomp/parataxis/
    xcomp; for confirm/deny/announce/report also a direct object; "accused/suspected
    of"), folded into one claim by the nearest source with the next reporter as
    ``via``; the speaker of a quotation containing the
    trigger; "according to X" in the trigger's sentence; a report noun ("unconfirmed
    reports that"); "X claimed responsibility for the attack". With none of these but a
    report-type hedge ("reportedly", "is said to"), one anonymous hedged claim.
    Duplicates (same claimant and cue) are dropped. Nothing here reaches outside the
    trigger's sentence except a quotation that runs on from an earlier one.
    """
    hedge_word = hedge(trigger)
    sent = sent_of(trigger)  # = trigger.sent, no rescan
    according = _according_tokens(sent)
    verb_claims = _verb_claims(trigger, quotes, hedge_word)
    out, used = _chain(verb_claims, according, hedge_word)
    if quotes is not None:
        q = quotes.quote_at(trigger.idx)
        if q is not None and q.speaker_text is not None and not q.is_scare:
            hedged = hedge_word is not None or q.cue in HEDGING_CUES
            pron_end = q.pronoun_start + len(q.pronoun_text) if q.pronoun_start is not None and q.pronoun_text else None
            out.append(ClaimCue(q.speaker_text, q.speaker_start, q.speaker_end, q.cue_text or "said",
                                q.cue or "say", hedged, hedge_text=(hedge_word or q.cue_text) if hedged else None,
                                pronoun_text=q.pronoun_text, pronoun_start=q.pronoun_start, pronoun_end=pron_end))
    out.extend(_according_to(t, hedge_word) for t in according if t.i not in used)
    out.extend(_report_noun(trigger, hedge_word))
    out.extend(_responsibility(trigger, hedge_word))
    if not out and hedge_word in REPORT_HEDGES | REPORT_ADVERBS:
        out.append(ClaimCue(None, None, None, hedge_word, hedge_word, True, hedge_text=hedge_word))
    unverified = _unverified(sent)
    if unverified is not None:
        out = [replace(c, hedged=True, hedge_text=c.hedge_text or unverified) for c in out] or [
            ClaimCue(None, None, None, unverified, "unverified", True, hedge_text=unverified)
        ]
    return _dedupe(out)


def _dedupe(claims: Iterable[ClaimCue]) -> list[ClaimCue]:
    seen: set[tuple[Optional[str], str]] = set()
    out: list[ClaimCue] = []
    for c in claims:
        key = ((c.claimant_text or "").lower() or None, c.cue)
        if key in seen:
            continue
        # a quote speaker repeating a reporting verb's claimant (same span) is one claim
        if any(o.claimant_start is not None and o.claimant_start == c.claimant_start for o in out):
            continue
        # the reporter of a nested claim is not a second claim of its own
        if c.claimant_start is not None and any(o.via_start == c.claimant_start for o in out):
            continue
        seen.add(key)
        out.append(c)
    return out
