"""Fatality conventions of ACLED's codebook, for :mod:`whimbrel.stages.counts`.

ACLED's codebook ("Reported fatalities") codes the number of the dead as reported, and
the most conservative figure where reports differ.  Two of its conventions are applied to
the **dead** (never to the injured or arrested, which ACLED does not count):

* **Vague counts.**  Where a report gives no number but a vague plural, ACLED records a
  fixed figure: "several", "many", "multiple", "numerous" (and "unknown" or plural
  fatalities) → 10; "dozens" → 12; "hundreds" → 100.  :func:`vague_dead` gives that figure
  as ``best``; ``low`` is the smaller of it and the word's smallest reading (:mod:`numbers`:
  "several" 3), ``high`` stays open.  A written number always wins ("dozens" is not read
  when "at least 30" is written), and "a few", "scores", "thousands" keep their readings.
* **"Neutralised"** in a military communique is killed ("21 militants were neutralised"),
  when it counts people (:func:`neutralised_people`).
* **A toll put at a range or a figure** ("put the death toll at 30", "estimated the toll
  between 25 and 56"): the toll noun as the object of a verb of estimating, with the figure
  in an ``at`` / ``between`` / ``to`` phrase; a range gives its low end (:func:`toll_value`).

Both helpers take spaCy tokens and hold no state.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from whimbrel.records import Count

__all__ = ["ACLED_VAGUE_DEAD", "NEUTRALISE", "neutralised_people", "unknown_number", "vague_dead", "toll_value"]

NEUTRALISE = frozenset({"neutralise", "neutralize"})
"""Military communiques' word for killing combatants ("21 terrorists were neutralised"),
which ACLED codes as fatalities; a cue only when it counts people (:func:`neutralised_people`)."""


def neutralised_people(cue: Any, head: Any) -> bool:
    """False for "neutralise" said of no counted people ("neutralised an explosive device",
    "neutralised the threat"): only a plural noun with a written or vague number counts."""
    if cue.lemma_.lower() not in NEUTRALISE:
        return True
    return head.tag_ == "NNS" and any(c.dep_ in ("nummod", "amod") and (c.like_num or c.lower_ in ACLED_VAGUE_DEAD)
                                      for c in head.children)

ACLED_VAGUE_DEAD: dict[str, int] = {
    "several": 10, "many": 10, "multiple": 10, "numerous": 10, "dozens": 12, "hundreds": 100,
}
"""ACLED's figures for vague fatality reports (codebook, "Reported fatalities")."""

_QUANT_DEPS = ("amod", "det", "nummod", "quantmod", "advmod")


def _quantifier(head: Any) -> Optional[str]:
    """The vague plural that counts the phrase headed by ``head`` ("several fighters",
    "dozens of bandits", "many"), or None when a number is written or there is none."""
    words = [head] + [c for c in head.children if c.dep_ in _QUANT_DEPS]
    if any(t.like_num or t.pos_ == "NUM" and t.lower_ not in ACLED_VAGUE_DEAD for t in words):
        return None
    for t in words:
        if t.lower_ in ACLED_VAGUE_DEAD:
            if t is head and t.lower_ == "many" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
                    g.dep_ == "pobj" and g.lower_ in ("them", "us", "those") for g in c.children)
                    for c in head.children):
                return None  # "many of them": a share of a counted group
            if any(c.lower_ in ("how", "so", "too") for c in t.children):
                return None  # "how many were killed", "so many"
            return t.lower_
    return None


def vague_dead(head: Any, count: Optional[Count]) -> Optional[Count]:
    """The dead counted by the phrase ``head`` under ACLED's vague-count convention, else ``count``."""
    if head is None:
        return count
    word = _quantifier(head)
    if word is None:
        return count
    figure = ACLED_VAGUE_DEAD[word]
    low = figure if count is None or count.low is None else min(count.low, figure)
    return Count(low=low, best=figure, high=None)


_ESTIMATE_VERBS = {"put", "place", "estimate", "set", "raise", "revise", "bring", "push", "lift"}


def toll_value(toll: Any, is_quantity: Callable[[Any], bool], np_count: Callable[[Any], Optional[Count]]) -> Optional[Count]:
    """'the death toll rose to 30' / 'stands at 30' / 'is 30' / 'toll of 30' / 'put the toll at 30'
    / 'put the toll between 25 and 56' (the low end, as ACLED codes conflicting figures)."""
    for c in toll.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if is_quantity(g):
                    return np_count(g)
    verb = toll.head
    as_object = toll.dep_ in ("dobj", "obj") and verb.lemma_.lower() in _ESTIMATE_VERBS
    if toll.dep_ in ("nsubj", "nsubjpass") or as_object:
        for c in list(verb.children) + (list(toll.children) if as_object else []):
            if c.dep_ == "prep" and c.lower_ in ("to", "at", "between"):
                for g in c.children:
                    if g.dep_ == "pobj" and is_quantity(g):
                        return np_count(g)
                if c.lower_ == "between":  # "between 25 and 56": the parser may hang the figures loosely
                    nums = [t for t in c.subtree if t.like_num]
                    if nums:
                        return np_count(nums[0])
            if not as_object and c.dep_ in ("attr", "dobj", "npadvmod") and is_quantity(c):
                return np_count(c)
    return None


_UNKNOWN = frozenset({"unknown", "undetermined", "unspecified", "unconfirmed", "undisclosed", "unclear"})


def unknown_number(head: Any) -> bool:
    """"an unknown number of assailants": a group of no known size (ACLED codes it as no
    fatality), not one person for its article."""
    return head.lemma_.lower() in ("number", "amount") and any(c.lower_ in _UNKNOWN for c in head.children)
