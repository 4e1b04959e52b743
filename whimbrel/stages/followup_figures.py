"""Figures told in a sentence of their own, after the event: "... attacked a base in Monguno.
8 fatalities were reported." / "The death toll rose to 46 in the following days."

Conflict notes and wire copy often tell the event in one sentence and its toll in the next,
in a sentence that names no event of its own ("8 fatalities were reported", "Two soldiers
died", "The death toll later rose to 46").  Such a **follow-up sentence** gives its dead and
injured to the event told just before it:

* the follow-up sentence has no event mention of its own (a sentence that tells another
  event keeps its figures for it) and states no date of its own (a dated figure is another
  happening: "Last year 30 people died");
* the follow-up sentence is the writer's own narration: no quotation marks and no first or
  second person ("'I hurt him,' he said", "We are hurting": speech, not a toll);
* the receiving mention is a counted type (:data:`whimbrel.stages.resolve.COUNTED_TYPES`) in the
  nearest earlier sentence that has mentions, at most two sentences back, with no other
  sentence between them that tells an event; the last such mention of that sentence receives
  the figures;
* a figure only fills a category the mention lacks, or raises it (a later toll updates an
  earlier one, as in the in-article merge, :func:`whimbrel.stages.merge.build_event`).

The same holds for the clause after a **semicolon** that tells no event of its own ("the army
repelled the attack; 5 militants and 2 soldiers died"): a semicolon joins two independent
clauses of one report, and the figure clause gives its dead and injured to the sentence's
last counted mention before it.

Running totals ("so far this year 30 people have died") are already left out by
:func:`whimbrel.stages.counts.extract_size`.
"""

from __future__ import annotations

import re
from typing import Any, Optional, Sequence

from ..records import Count, Size
from ..spacy_doc import token_table
from . import counts, dates

__all__ = ["attach_followup_figures", "narrated"]

_MAX_GAP = 2
"""How many sentences back a follow-up sentence may look for its event."""


def _raised(old: Optional[Count], new: Optional[Count]) -> Optional[Count]:
    if new is None:
        return old
    if old is None or (new.best is not None and (old.best is None or new.best > old.best)):
        return new
    return old


def _give(m: Any, size: Size) -> None:
    """The follow-up figures ``size`` fill or raise the dead and injured of mention ``m``."""
    m.size = Size(dead=_raised(m.size.dead, size.dead), injured=_raised(m.size.injured, size.injured),
                  arrested=m.size.arrested)


def _has_date(sent: Any) -> bool:
    """The sentence names a time of its own ("last year", "on 3 May"; not "in the following days")."""
    return any(e.label_ == "DATE" and dates.resolve_date(e.text, None) is not None for e in sent.ents)


_QUOTES = ('"', "\u201c", "\u201d", "'", "\u2018")
_SPEAKER = frozenset({"i", "we", "you", "me", "us", "my", "our", "your"})


def narrated(sent: Any) -> bool:
    """No direct speech in the sentence: no quotation mark opening a word, no I / we / you."""
    return not any(re.split(r"[`'\u2019]", t.lower_)[0] in _SPEAKER or (t.text in _QUOTES and t.is_quote)
                   for t in sent)


def _semicolon_clause(sent: Any, here: Sequence[Any], counted: frozenset) -> None:
    """The figures of the clause after a sentence's last semicolon, when no mention is in it."""
    text = token_table(sent.doc).text  # (no Token per word of every told sentence)
    semis = [i for i in range(sent.start, sent.end) if text[i] == ";"]
    if not semis:
        return
    cut = semis[-1]
    before = [m for m in here if m.trigger.i < cut and m.event_type in counted and m.size is not None]
    if not before or any(m.trigger.i > cut for m in here):
        return
    clause = sent.doc[cut + 1 : sent.end]
    if len(clause) < 2 or _has_date(clause) or not narrated(clause):
        return
    size = counts.extract_size(clause)
    if size.dead is None and size.injured is None:
        return
    _give(max(before, key=lambda x: x.trigger.i), size)


def attach_followup_figures(mentions: Sequence[Any], sents: Sequence[Any], counted: frozenset) -> None:
    """Give the figures of follow-up sentences to the mention just before them (in place)."""
    told = {m.sentence for m in mentions}
    if not told:
        return
    last_counted: dict[int, Any] = {}
    for m in mentions:
        if m.event_type in counted and m.size is not None:
            prev = last_counted.get(m.sentence)
            if prev is None or m.trigger.i > prev.trigger.i:
                last_counted[m.sentence] = m
    for s, sent in enumerate(sents):
        if s in told:
            _semicolon_clause(sent, [m for m in mentions if m.sentence == s], counted)
            continue
        back = next((t for t in range(s - 1, max(-1, s - 1 - _MAX_GAP), -1) if t in told), None)
        if back is None or back not in last_counted:
            continue
        if _has_date(sent) or not narrated(sent):
            continue
        size = counts.extract_size(sent)
        if size.dead is None and size.injured is None:
            continue
        _give(last_counted[back], size)
