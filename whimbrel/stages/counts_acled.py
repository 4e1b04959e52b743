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

__all__ = ["ACLED_VAGUE_DEAD", "NEUTRALISE", "coded_figures", "neutralised_people", "unknown_number", "vague_dead",
           "vague_of_noun", "toll_value"]

NEUTRALISE = frozenset({"neutralise", "neutralize"})
"""Military communiques' word for killing combatants ("21 terrorists were neutralised"),
which ACLED codes as fatalities; a cue only when it counts people (:func:`neutralised_people`)."""


def neutralised_people(cue: Any, head: Any) -> bool:
    """False for "neutralise" said of no counted people ("neutralised an explosive device",
    "neutralised the threat"): only a plural noun with a written or vague number counts."""
    if cue.lemma_.lower() not in NEUTRALISE:
        return True
    return head.tag_ == "NNS" and any(c.dep_ in ("nummod", "amod") and (c.like_num or c.lower_ in ACLED_VAGUE_DEAD
                                                                        or c.lower_ == "dozen")
                                      for c in head.children)

ACLED_VAGUE_DEAD: dict[str, int] = {
    "several": 10, "many": 10, "multiple": 10, "numerous": 10, "dozens": 12, "hundreds": 100,
}
"""ACLED's figures for vague fatality reports (codebook, "Reported fatalities")."""

_QUANT_DEPS = ("amod", "det", "nummod", "quantmod", "advmod")
_FEW = frozenset({"several", "few", "many"})


def _quantifier(head: Any) -> Optional[str]:
    """The vague plural that counts the phrase headed by ``head`` ("several fighters",
    "dozens of bandits", "many"), or None when a number is written or there is none."""
    words = [head] + [c for c in head.children if c.dep_ in _QUANT_DEPS]
    if any(t.like_num or t.pos_ == "NUM" and t.lower_ not in ACLED_VAGUE_DEAD for t in words):
        return None
    for t in words:
        if t.lower_ == "dozen" and t is not head and any(c.lower_ in _FEW for c in t.children):
            return "dozens"  # "several dozen attackers": dozens
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


def vague_of_noun(cue: Any) -> Optional[Count]:
    """The ACLED figure of a death noun counted by a vague quantifier before "of" ("dozens of
    fatalities", "hundreds of deaths"), or None."""
    of = cue.head
    if cue.dep_ != "pobj" or of.lower_ != "of" or of.head.lower_ not in ACLED_VAGUE_DEAD:
        return None
    figure = ACLED_VAGUE_DEAD[of.head.lower_]
    return Count(low=figure, best=figure, high=None)


CODED_REACH = 15
"""How many tokens before "(coded as N)" the figure it codes may stand."""


def coded_figures(doc: Any, start: int, end: int, cues: list, is_death_cue: Callable[[Any], bool]) -> list:
    """``cues`` ((token index, figures) of a sentence ``doc[start:end]``) with ACLED's own remark
    "(coded as N)" / "coded as N" applied: N is the dead of the death cue nearest before it
    ("dozens of fatalities on both sides (coded as 12)", "Fatalities unknown; coded as 0")."""
    out = list(cues)
    for k in range(start, end - 2):
        if doc[k].lower_ != "coded" or doc[k + 1].lower_ != "as" or not doc[k + 2].like_num:
            continue
        try:
            n = int(doc[k + 2].text.replace(",", ""))
        except ValueError:
            continue
        before = [j for j, (i, _) in enumerate(out) if k - CODED_REACH <= i < k and is_death_cue(doc[i])]
        if not before:
            continue
        j = before[-1]
        i, figures = out[j]
        out[j] = (i, [f for f in figures if f[0] != "dead"] + [("dead", Count(low=n, best=n, high=n))])
    return out
