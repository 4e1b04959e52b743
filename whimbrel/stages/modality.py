"""Modality of an event mention: asserted, negated, hypothetical, future, historical.

The event extractor calls :func:`modality` per trigger (a spaCy ``Token``),
:func:`hedge` for the words that weaken an assertion (also exported by
:mod:`.claims`, which uses it to mark claims as hedged),
:func:`is_embedded_request_object` to drop or mark events that are only the
content of a request or threat, and :func:`is_historical` once the event date
is resolved.

Decisions
---------
* **negated** — a negation (``not``, ``n't``, ``never``, ``no``) on the trigger,
  on the support verb of a noun trigger ("did not carry out attacks", "no strikes
  were carried out"), or on the verb the trigger is the complement of ("do not
  seek to escalate"); a negative-implicative governor ("failed to", "refused
  to", "declined to", "refrained from", "avoided") or "deny" ("denied carrying
  out the attack": the claimant asserts it did not happen). A negated
  negative-implicative ("will not hesitate to take action") cancels out: the
  complement takes the governor's tense/mood instead.
* **hypothetical** — a conditional clause ("if", "unless"); a modal
  (could/might/may/would/should/can/must) on the trigger's clause, except the
  epistemic "may/might have" + participle, which is a hedge on a past event
  (asserted; see :func:`whimbrel.stages.claims.hedge`); the complement of a
  threat, request, wish, readiness or consideration ("threatened to strike",
  "urged them to cease", "prepared to take measures"). A THREATEN event is the
  threat itself; the threatened act is hypothetical.
* **future** — will/shall/'ll, "is going to", "is set/about/due to", or the
  complement of a commitment ("plans/intends/vowed/pledged/promised to").
* **historical** — the extractor decides with :func:`is_historical` from the
  resolved event date; :func:`modality` only flags it when ``published`` is
  given and the trigger carries an explicit year that ends more than
  :data:`HISTORICAL_DAYS` before publication.
* Precedence: a conditional makes everything hypothetical; then negated, then
  hypothetical, then future, then historical.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from typing import Any, Iterable, Optional, Union

from spacy.tokens import Token

from ..knowledge.vocabulary import (
    CLAUSAL_DEPS,
    HEDGE_ADJECTIVES,
    HEDGE_ADVERBS,
    HEDGING_CUES,
    RAISING_HEDGE_VERBS,
    REPORT_HEDGES,
    REPORTING_VERBS,
    SPEECH_VERBS,
)
from ..records import DateRef, Modality
from ..spacy_doc import remembered, token_table

__all__ = [
    "HEDGE_ADJECTIVES",
    "HEDGE_ADVERBS",
    "HEDGING_CUES",
    "HISTORICAL_DAYS",
    "ancestors_with_links",
    "REPORTING_VERBS",
    "hedge",
    "is_embedded_request_object",
    "is_historical",
    "modality",
    "negated_here",
]

#: An event dated more than this many days before publication is historical.
HISTORICAL_DAYS = 365

_NEG_IMPLICATIVE = frozenset(
    {"fail", "refuse", "decline", "refrain", "avoid", "hesitate", "deny", "neglect", "forgo", "unable"}
)
_HYPO_MODALS = frozenset({"could", "might", "may", "would", "should", "can", "must", "ought", "'d", "wo"})
_FUTURE_MODALS = frozenset({"will", "shall", "'ll"})
#: Governors whose complement has not happened (threat, request, wish, readiness, consideration).
_HYPO_GOVERNORS = frozenset(
    """threaten warn urge call ask demand request appeal press order instruct encourage
    want wish seek hope aim consider mull weigh propose suggest prepare
    prepared ready willing need allow permit authorize authorise approve tell
    recommend advise invite dare offer""".split()
)
#: Governors whose complement is planned or committed: the event is future.
_FUTURE_GOVERNORS = frozenset(
    """plan intend vow pledge promise expect schedule set go due about resolve commit
    decide agree determine poise""".split()
)
#: Request/threat verbs for :func:`is_embedded_request_object`.
_REQUEST_VERBS = frozenset(
    """call urge demand ask request appeal press warn threaten order instruct encourage
    implore beg exhort plead push insist""".split()
)
#: Verbs whose object event is the event itself happening ("carried out attacks").
_SUPPORT_VERBS = frozenset(
    """carry conduct launch stage mount commit perpetrate execute make wage unleash
    undertake perform order begin start continue resume step intensify escalate
    happen occur take""".split()
)
#: Verbs whose object events existed before ("cease these attacks").
_CESSATION_VERBS = frozenset({"cease", "stop", "halt", "end", "suspend", "refrain", "abandon"})

#: Verbs whose object event was stopped before it happened ("foiled an attack").
_PREVENTION_VERBS = frozenset({"foil", "thwart", "prevent", "avert", "frustrate", "preempt", "pre-empt"})
#: Reporting verbs: "would" in their complement is a backshifted "will" (future).
_REPORTING = SPEECH_VERBS

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


# --------------------------------------------------------------------------- helpers


def _aux(verb: Token) -> list[Token]:
    """The auxiliaries before ``verb`` (its children read off the token table)."""
    doc = verb.doc
    table = token_table(doc)
    dep, v = table.dep, verb.i
    return [doc[c] for c in table.children[v] if dep[c] in ("aux", "auxpass") and c < v]


def negated_here(tok: Token) -> bool:
    """A negation attached directly to ``tok`` (its children read off the token table)."""
    table = token_table(tok.doc)
    dep, low = table.dep, table.lower
    for c in table.children[tok.i]:
        if dep[c] == "neg":
            return True
        if dep[c] in ("det", "advmod") and low[c] in ("no", "never"):
            return True
    return False


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _clause_head(trigger: Token) -> Optional[Token]:
    """The verb whose clause the event belongs to.

    A verb trigger is its own head. A noun trigger belongs to the clause of its
    support verb ("carried out attacks", "attacks took place", "no strikes were
    carried out"), reached through dobj/nsubj(pass)/pobj links; a noun that is
    just an argument of another verb ("condemned the attacks") has no clause
    head (``None``) and is judged by its own modifiers.
    """
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    node = trigger
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ == "conj":
            node = head
            continue
        if head.pos_ in ("VERB", "AUX") and node.dep_ in ("dobj", "nsubjpass", "nsubj", "attr", "pobj"):
            lem = _lemma(head)
            if lem in _SUPPORT_VERBS or lem in ("be",) and node.dep_ == "attr":
                return head
            if node.dep_ == "nsubj" and lem in ("happen", "occur", "take"):
                return head
            return None
        if node.dep_ == "pobj" and head.dep_ == "prep":
            node = head.head if head.head.pos_ in ("VERB", "AUX") and _lemma(head.head) in _SUPPORT_VERBS else node
            if node is trigger:
                return None
            return node if node.pos_ in ("VERB", "AUX") else None
        return None
    return None


def _chain(verb: Token) -> list[tuple[Token, Token]]:
    """(complement, governor) pairs from ``verb`` up through xcomp/conj/prep-pcomp links.

    Stops at a finite clause boundary (ccomp, advcl, relcl, root).
    """
    out: list[tuple[Token, Token]] = []
    node = verb
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ == "xcomp":
            out.append((node, head))
            node = head
            continue
        if node.dep_ == "pcomp" and head.dep_ == "prep":
            # "refrained from attacking", "threatened with striking" — but not
            # "charged with taking part in": only governors that change mood
            gov = head.head
            if _lemma(gov) not in _NEG_IMPLICATIVE | _HYPO_GOVERNORS | _FUTURE_GOVERNORS:
                break
            out.append((node, gov))
            node = gov
            continue
        if node.dep_ in ("acomp",) or node.dep_ == "dobj" and node.pos_ in ("VERB",):
            out.append((node, head))
            node = head
            continue
        if node.dep_ == "conj" and not _has_subject(node) and not _aux(node):
            cc = [c for c in head.children if c.dep_ == "cc"]
            if any(c.lower_ == "but" for c in cc):
                break
            out.append((node, head))
            node = head
            continue
        break
    return out


def _own_mood(verb: Token) -> Optional[Modality]:
    """Mood marked on the verb itself by its auxiliaries and "going/set/about to"."""
    aux = [a.lower_ for a in _aux(verb)]
    if any(a in _HYPO_MODALS for a in aux):
        if any(a in ("may", "might") for a in aux) and "have" in aux and verb.tag_ == "VBN":
            return None  # epistemic hedge on a past event
        if (
            aux[0] in ("would", "'d")
            and "have" not in aux
            and verb.dep_ == "ccomp"
            and _lemma(verb.head) in _REPORTING
            and not _conditional(verb)
        ):
            return Modality.future  # "he said the army would attack": reported "will"
        return Modality.hypothetical
    if any(a in _FUTURE_MODALS for a in aux):
        return Modality.future
    return None


_CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest"})  # every mark word _conditional tests


def _has_condition_mark(doc: Any) -> bool:
    """Whether any token of ``doc`` is a ``mark`` among :data:`_CONDITION_MARKS` (once per Doc)."""
    def compute() -> bool:
        table = token_table(doc)
        return any(d == "mark" and w in _CONDITION_MARKS for d, w in zip(table.dep, table.lower))

    return remembered(doc, "modality.condition_mark", compute)


def _conditional(verb: Token) -> bool:
    """The verb's clause (or one it hangs from) is introduced by if/unless."""
    if not _has_condition_mark(verb.doc):
        return False  # every True below needs such a mark
    table = token_table(verb.doc)
    dep, low, up, kids = table.dep, table.lower, table.head, table.children
    node = verb.i
    for _ in range(6):
        if any(dep[c] == "mark" and low[c] in ("if", "unless", "whether", "lest") for c in kids[node]):
            return True
        # the consequent of a conditional: "the army will attack if talks fail"
        for c in kids[node]:
            if dep[c] == "advcl" and any(dep[m] == "mark" and low[m] in ("if", "unless") for m in kids[c]):
                return True
        if dep[node] in ("advcl", "ccomp", "xcomp", "conj", "pcomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass") and up[node] != node:
            if dep[node] in ("advcl", "ccomp"):
                # the conditional has to be on this clause, not a higher one
                return any(dep[c] == "mark" and low[c] in ("if", "unless", "lest") for c in kids[node])
            node = up[node]
        else:
            return False
    return False


def _year_positions(doc: Any) -> list[int]:
    """Indices of the DATE tokens of ``doc`` that hold a four-digit year (once per Doc)."""
    def compute() -> list[int]:
        tt = token_table(doc)
        ents, texts = tt.ent_type, tt.text
        return [i for i in range(len(texts)) if ents[i] == "DATE" and _YEAR.search(texts[i])]

    return remembered(doc, "modality.year_positions", compute)


def _explicit_year(trigger: Token) -> Optional[int]:
    """A four-digit year in a DATE entity attached to the trigger's clause."""
    head = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    # every token looked at below lies in the subtree of ``head``, inside its edges: no year
    # token there, no year (the walk would find none)
    years = _year_positions(trigger.doc)
    k = bisect_left(years, head.left_edge.i)
    if k == len(years) or years[k] > head.right_edge.i:
        return None
    for tok in list(trigger.subtree) + list(head.children):
        if tok.ent_type_ == "DATE":
            m = _YEAR.search(tok.text)
            if m:
                return int(m.group(1))
        if tok.dep_ == "prep":
            for t in tok.subtree:
                if t.ent_type_ == "DATE":
                    m = _YEAR.search(t.text)
                    if m:
                        return int(m.group(1))
    return None


_CLAUSAL_DEPS = CLAUSAL_DEPS  # the old private name, kept for callers not yet moved



def ancestors_with_links(trigger: Token) -> Iterable[tuple[Token, Token]]:
    """(child_on_path, ancestor) pairs from the trigger up to the root."""
    child = trigger
    node = trigger.head
    seen = 0
    while node.i != child.i and seen < 30:
        yield child, node
        child, node = node, node.head
        seen += 1


_ancestors_with_links = ancestors_with_links  # the old private name


# --------------------------------------------------------------------------- hedges (epistemic modality)


def hedge(trigger: Token) -> Optional[str]:
    """:func:`_hedge` of ``trigger``, computed once per token (claims and resolve both ask)."""
    return remembered(trigger.doc, ("modality.hedge", trigger.i), lambda: _hedge(trigger))


def _hedge(trigger: Token) -> Optional[str]:
    """The word(s) weakening the assertion of the event named by ``trigger``, or ``None``.

    Checked, nearest first: hedge adverbs on the trigger or its clause's verbs
    ("allegedly", "reportedly"); hedge adjectives on a noun trigger ("alleged",
    "suspected", "unconfirmed"); scare quotes around the trigger or its modifier
    (“Suspected” drone attacks); raising constructions ("is said to",
    "believed to"); epistemic "may/might have" + participle; a hedging reporting
    verb governing the trigger ("X claims these attacks …").
    """
    doc = trigger.doc
    table = token_table(doc)
    dep, lower, lem, pos, up, kids = table.dep, table.lower, table.lemma, table.pos, table.head, table.children
    # modifiers of the trigger itself
    for c in kids[trigger.i]:
        low = lower[c]
        if dep[c] == "advmod" and low in HEDGE_ADVERBS:
            return low
        if dep[c] in ("amod", "compound", "nmod", "acl") and low in HEDGE_ADJECTIVES:
            return low
        if dep[c] in ("amod", "compound") and _in_scare_quotes(doc[c]):
            return f"“{table.text[c]}”"
    if _in_scare_quotes(trigger):
        return f"“{trigger.text}”"
    # the verbs of the trigger's clause, up to a reporting verb
    for verb in _clause_verbs(trigger):
        for c in kids[verb.i]:
            if dep[c] == "advmod" and lower[c] in HEDGE_ADVERBS:
                return lower[c]
        mod = _may_have(verb)
        if mod:
            return mod
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in RAISING_HEDGE_VERBS and any(
            c.dep_ in ("auxpass", "nsubjpass") for c in verb.head.children
        ):
            return f"{verb.head.lower_} to"
    # a hedging reporting verb above the trigger (the path of :func:`ancestors_with_links`)
    child, anc = trigger.i, up[trigger.i]
    seen = 0
    while anc != child and seen < 30:
        if lem[anc] in HEDGING_CUES and dep[child] in _CLAUSAL_DEPS and pos[anc] == "VERB":
            return lower[anc]
        if lem[anc] in REPORTING_VERBS and dep[child] in _CLAUSAL_DEPS:
            break
        child, anc = anc, up[anc]
        seen += 1
    return None


def _clause_verbs(trigger: Token) -> list[Token]:
    """The trigger's own verb and the verbs its clause hangs from (xcomp/conj chains).

    For a noun trigger, the verb it is an argument of ("carried out attacks").
    """
    verbs: list[Token] = []
    node = trigger
    if node.pos_ not in ("VERB", "AUX"):
        head = node.head
        steps = 0
        while head.pos_ not in ("VERB", "AUX") and head.i != head.head.i and steps < 3 and head.dep_ in ("prep", "pobj", "dobj", "conj", "compound"):
            head = head.head
            steps += 1
        if head.pos_ in ("VERB", "AUX") and node.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "conj", "attr"):
            node = head
        else:
            return verbs
    for _ in range(6):
        verbs.append(node)
        if node.dep_ in ("xcomp", "conj") and node.head.i != node.i and _lemma(node.head) not in REPORTING_VERBS:
            node = node.head
        else:
            break
    return verbs


def _may_have(verb: Token) -> Optional[str]:
    """'may have' / 'might have' + past participle: an epistemic hedge on a past event."""
    if verb.tag_ != "VBN":
        return None  # (tested first: the only answer below is for a participle)
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    lows = [a.lower_ for a in aux]
    for modal in ("may", "might"):
        if modal in lows and "have" in lows and verb.tag_ == "VBN":
            return f"{modal} have"
    return None


def _quote_positions(doc: Any) -> list[int]:
    """Indices of the quote-mark tokens of ``doc`` (once per Doc)."""
    return remembered(doc, "modality.quote_positions",
                      lambda: [i for i, q in enumerate(token_table(doc).is_quote) if q])


def _in_scare_quotes(tok: Token) -> bool:
    """True when ``tok`` sits alone (or with ≤ 2 words) between quote marks."""
    doc = tok.doc
    # the opening mark is looked for at most four tokens back: none there, no scare quotes
    quotes = _quote_positions(doc)
    k = bisect_left(quotes, tok.i - 4)
    if k == len(quotes) or quotes[k] >= tok.i:
        return False
    left = tok.i - 1
    while left >= 0 and tok.i - left <= 3 and not doc[left].is_quote:
        if doc[left].is_punct or doc[left].is_space:
            return False
        left -= 1
    if left < 0 or not doc[left].is_quote or doc[left].text in "”»":
        return False
    right = tok.i + 1
    while right < len(doc) and right - tok.i <= 3 and not doc[right].is_quote:
        if doc[right].is_space or doc[right].text in ".!?;":
            return False
        right += 1
    if right >= len(doc) or not doc[right].is_quote or doc[right].text in "“«":
        return False
    # a whole clause in quotes is a (partial) quotation, not scare quotes
    if right - left - 1 > 2:
        return False
    return tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound")


# --------------------------------------------------------------------------- public


def modality(trigger: Token, published: Optional[str] = None) -> Modality:
    """The modality of the event named by ``trigger`` (see the module docstring).

    ``published`` (YYYY-MM-DD) enables the historical check on an explicit year
    attached to the trigger; otherwise the extractor applies
    :func:`is_historical` to the resolved event date.
    """
    # noun-level marks: "no attacks", "possible strikes", "planned attack"
    if trigger.pos_ not in ("VERB", "AUX"):
        for c in trigger.children:
            if c.dep_ == "det" and c.lower_ == "no":
                return Modality.negated
            if c.dep_ in ("amod", "compound") and c.lower_ in ("possible", "potential", "hypothetical", "threatened"):
                return Modality.hypothetical
            if c.dep_ in ("amod", "compound") and c.lower_ in ("planned", "future", "upcoming", "imminent", "coming"):
                return Modality.future
        if trigger.dep_ in ("dobj", "nsubjpass") and not negated_here(trigger.head):
            if _lemma(trigger.head) in _PREVENTION_VERBS:
                return Modality.negated  # "police foiled a bomb attack": it did not take place
            if _lemma(trigger.head) == "deny":
                return Modality.negated  # "Russia denied the attack"
    verb = _clause_head(trigger)
    if verb is None:
        return _historical_or_asserted(trigger, published)
    if verb is trigger and _lemma(trigger) in _NEG_IMPLICATIVE and negated_here(trigger):
        # litotes: "will not hesitate to act", "did not fail to respond" — the
        # statement itself is the (threat or) assertion, made now
        return Modality.hypothetical if _conditional(trigger) else Modality.asserted
    if _conditional(verb):
        return Modality.hypothetical
    negated = negated_here(verb)
    if verb is not trigger and negated_here(trigger):
        negated = True
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        negated = True  # "withdrew without firing a shot"
    if verb.dep_ in ("xcomp", "pcomp") and _lemma(verb.head) in _PREVENTION_VERBS | {"prevented"}:
        negated = True
    mood = _own_mood(verb)
    for comp, gov in _chain(verb):
        # a conjunct is no complement of a future-marking head: "set upon a man and beat him"
        # is not "set to beat him"
        lem = _lemma(gov)
        if comp.dep_ == "conj" and lem in _FUTURE_GOVERNORS:
            lem = ""
        gov_neg = negated_here(gov)
        if lem in _NEG_IMPLICATIVE:
            if gov_neg:
                # "will not hesitate to act": double negation; take the governor's mood
                mood = mood or _own_mood(gov) or Modality.hypothetical
                if _own_mood(gov) is Modality.future:
                    mood = Modality.future
            else:
                negated = not negated if lem != "deny" else True
            continue
        if gov_neg:
            negated = True
        if _conditional(gov):
            return Modality.hypothetical
        if lem in _FUTURE_GOVERNORS or gov.lower_ in ("going",):
            mood = mood or Modality.future
        elif lem in _HYPO_GOVERNORS:
            mood = Modality.hypothetical if mood is None or mood is Modality.future else mood
        gov_mood = _own_mood(gov)
        if gov_mood is not None and mood is None:
            mood = gov_mood
    # "denied that it attacked" / "denied carrying out the attack"
    node = verb
    for _ in range(3):
        if node.dep_ in ("ccomp", "xcomp", "dobj", "pcomp") and _lemma(node.head) == "deny":
            if not negated_here(node.head):
                negated = True
            break
        if node.dep_ in ("conj", "pcomp", "pobj", "prep") and node.head.i != node.i:
            node = node.head
        else:
            break
    if negated:
        return Modality.negated
    if mood is not None:
        return mood
    return _historical_or_asserted(trigger, published)


def _historical_or_asserted(trigger: Token, published: Optional[str]) -> Modality:
    if published:
        year = _explicit_year(trigger)
        if year is not None and is_historical(str(year), published):
            return Modality.historical
    return Modality.asserted


def is_embedded_request_object(trigger: Token) -> bool:
    """True when the event is only the content of a request or threat.

    The trigger is the complement (xcomp/ccomp/dobj) of a request/threat verb
    ("urged them to cease", "threatened to strike"), its object through "for",
    "of", "against" or "to" ("called for an end to attacks", "warned of
    attacks"), or the object of the requested verb when that verb performs or
    stops events ("call on these groups to cease these attacks", "demanded they
    stop the shelling"). Such mentions are not new events: the extractor drops
    or marks them (the request itself is the event).
    """
    node = trigger
    # climb coordination first: "to stop and withdraw"
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    head = node.head
    if head.i == node.i:
        return False
    if _lemma(head) in _REQUEST_VERBS and node.dep_ in ("xcomp", "ccomp", "dobj", "oprd"):
        if node.dep_ == "dobj" and node.pos_ not in ("VERB", "AUX") and _lemma(head) in ("order", "press", "push"):
            return False  # "ordered the strike" is the order itself
        return node.pos_ in ("VERB", "AUX") or node.dep_ == "dobj" and _lemma(head) in ("demand", "request", "urge", "threaten", "warn")
    if node.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("for", "of", "against", "to", "on"):
        gov = head.head
        if gov.pos_ == "NOUN" and gov.dep_ == "pobj" and gov.head.dep_ == "prep":
            gov = gov.head.head  # "called for an end to attacks"
        elif gov.pos_ == "NOUN" and gov.dep_ in ("dobj",):
            gov = gov.head  # "demanded a halt to attacks"
        if _lemma(gov) in _REQUEST_VERBS and not (head.lower_ == "on" and _lemma(gov) == "call"):
            return True
    if node.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        lem = _lemma(head)
        if lem in _CESSATION_VERBS or lem in _SUPPORT_VERBS:
            return is_embedded_request_object(head) if head.dep_ in ("xcomp", "ccomp", "conj") else False
    return False


DateLike = Union[str, date, DateRef, None]


def _period_end(value: DateLike) -> Optional[date]:
    """The last day covered by a YYYY, YYYY-MM or YYYY-MM-DD value."""
    if value is None:
        return None
    if isinstance(value, DateRef):
        value = value.value
        if value is None:
            return None
    if isinstance(value, date):
        return value
    parts = value.strip().split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            nxt = date(year + (month == 12), month % 12 + 1, 1)
            return nxt - timedelta(days=1)
        return date(year, month, int(parts[2][:2]))
    except (ValueError, IndexError):
        return None


def is_historical(event_date: DateLike, published: DateLike, threshold_days: int = HISTORICAL_DAYS) -> bool:
    """True when the event ended more than ``threshold_days`` (default 365) before publication.

    Dates may be ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` strings, ``date`` objects
    or :class:`~whimbrel.records.DateRef`; a year or month counts from its last
    day, so "in 2023" in an article of 2024-06 is not historical but "in 2022" is.
    Unknown dates are never historical.
    """
    end = _period_end(event_date)
    pub = _period_end(published) if not isinstance(published, str) or len(published) >= 10 else _period_end(published)
    if end is None or pub is None:
        return False
    return (pub - end).days > threshold_days
