"""Issue 9, gun-violence counts: each victim counted once, as killed or as injured.

* people told as *shot* in the lead and some of them as dead later ("one of them died") leave
  the rest as injured (:func:`whimbrel.stages.counts_shot.injured_of`);
* one victim told wounded and then dead ("a boy was wounded ... the boy died") is killed, not
  also injured (:func:`whimbrel.stages.counts_shot.wounded_then_dead`).

Sentences are our own.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from whimbrel.extract import build_pipeline, extract
from whimbrel.records import Count
from whimbrel.settings import load
from whimbrel.stages.counts_shot import survivors

PUB = "2021-03-08"


@pytest.fixture(scope="module")
def pipe(nlp):
    return build_pipeline(nlp=nlp)


def _figures(pipe, text: str) -> list[tuple]:
    settings = replace(load(), all_events=True)
    evs = [e for e in extract(text, published=PUB, pipeline=pipe, settings=settings) if e.event_type == "ASSAULT"]
    best = lambda c: None if c is None else c.best  # noqa: E731
    return [(best(e.size.dead), best(e.size.injured)) for e in evs]


@pytest.mark.parametrize("text,dead,injured", [
    ("Five people were shot near a gas station on Sunday. One of them later died at the hospital.", 1, 4),
    ("Three men were shot at a cookout on Friday night. Two of the men died at the scene, police said.", 2, 1),
    ("Two teenagers were shot outside a school on Monday. One died on the way to the hospital.", 1, 1),
])
def test_issue9_shot_then_some_died(pipe, text, dead, injured):
    assert (dead, injured) in _figures(pipe, text)


@pytest.mark.parametrize("text,dead,injured", [
    # the dead not told as some of the shot: the shot figure says nothing of survivors
    ("Three men were shot at a cookout on Friday night. A woman died in a crash nearby, police said.", None, None),
    # shot and killed: the same person, nobody survived
    ("A clerk was shot and killed during a robbery at a liquor store on Sunday.", 1, None),
])
def test_issue9_shot_figure_needs_the_dead_among_them(pipe, text, dead, injured):
    figs = _figures(pipe, text)
    assert all(i in (None, 0) for _, i in figs), figs


@pytest.mark.parametrize("text", [
    "A 15-year-old girl was critically wounded in a shooting on Friday. The girl later died at the hospital, police said.",
    "The hunter was cleaning a rifle on Saturday when he was wounded in a shooting. The 40-year-old man died at the scene.",
])
def test_issue9_wounded_then_dead_is_one_victim(pipe, text):
    figs = _figures(pipe, text)
    assert (1, None) in figs, figs


@pytest.mark.parametrize("text", [
    # someone else: "another", a relative of the dead
    "A cashier was killed and another cashier was wounded in a shooting at the market on Friday.",
    "A woman was killed in a shooting on Friday. Her brother was wounded, police said.",
])
def test_issue9_a_second_victim_stays_injured(pipe, text):
    figs = _figures(pipe, text)
    assert any(i == 1 for _, i in figs), figs


def test_issue9_survivors_arithmetic():
    four, one = Count(low=4, best=4, high=4), Count(low=1, best=1, high=1)
    assert survivors([four], one, None) == Count(low=3, best=3, high=3)
    assert survivors([one], one, None) is None  # shot and killed: no survivor
    assert survivors([four], one, Count(low=3, best=3, high=3)).best == 3  # already told
    assert survivors([four], None, None) is None  # nobody dead: not this rule's case


@pytest.mark.parametrize("text,dead,injured", [
    # an inverted passive: the subject stands after the auxiliary
    ("A driver was killed in a shooting on the highway on Friday. Also wounded were three passengers, police said.", 1, 3),
    # joined outcomes of one shooting: the dead of one clause and the injured of the other
    ("Deputies said a cook died and two waiters were injured in the shooting at the diner on Friday.", 1, 2),
])
def test_issue9_outcomes_told_together(pipe, text, dead, injured):
    figs = _figures(pipe, text)
    assert max(d or 0 for d, _ in figs) == dead and max(i or 0 for _, i in figs) == injured, figs
