"""Figures in words and digits, and casualty counts from sentences (hand-built cases)."""

from __future__ import annotations

from typing import Optional

import pytest

from whimbrel.records import Count
from whimbrel.stages.counts import extract_size, parse_quantity, victims


def c(low: Optional[int], best: Optional[int], high: Optional[int]) -> Count:
    return Count(low=low, best=best, high=high)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("one", c(1, 1, 1)),
        ("eighteen", c(18, 18, 18)),
        ("18", c(18, 18, 18)),
        ("1,200", c(1200, 1200, 1200)),
        ("twenty-five", c(25, 25, 25)),
        ("one hundred and twenty", c(120, 120, 120)),
        ("1.5 million", c(1_500_000, 1_500_000, 1_500_000)),
        ("a dozen", c(12, 12, 12)),
        ("half a dozen", c(6, 6, 6)),
        ("two dozen", c(24, 24, 24)),
        ("dozens", c(24, 24, None)),
        ("scores", c(40, 40, None)),
        ("hundreds", c(200, 200, None)),
        ("tens of thousands", c(20_000, 20_000, None)),
        ("several", c(3, 3, None)),
        ("a number of", c(2, 2, None)),
        ("a few", c(2, 2, None)),
        ("at least 12", c(12, 12, None)),
        ("more than 100", c(100, 100, None)),
        ("12 or more", c(12, 12, None)),
        ("nearly 30", c(None, 30, 30)),
        ("almost 30", c(None, 30, 30)),
        ("up to 30", c(None, None, 30)),
        ("about 40", c(None, 40, None)),
        ("around 40", c(None, 40, None)),
        ("some 40", c(None, 40, None)),
        ("between 5 and 10", c(5, 5, 10)),
        ("5 to 10", c(5, 5, 10)),
        ("5-10", c(5, 5, 10)),
        ("a", c(1, 1, 1)),
        ("an", c(1, 1, 1)),
        ("no one", c(0, 0, 0)),
        ("none", c(0, 0, 0)),
        ("the", None),
        ("soldiers", None),
    ],
)
def test_parse_quantity(text: str, expected: Optional[Count]) -> None:
    got = parse_quantity(text)
    assert got == expected
    if got is not None:
        values = [v for v in (got.low, got.best, got.high) if v is not None]
        assert values == sorted(values)


N = None  # "no figure for this category"


@pytest.mark.parametrize(
    "sentence,dead,injured,arrested",
    [
        ("The strike killed 12 people.", 12, N, N),
        ("12 people were killed in the attack.", 12, N, N),
        ("The blast left 5 dead and 20 wounded.", 5, 20, N),
        ("The death toll rose to 30.", 30, N, N),
        ("Gunmen opened fire, killing at least 3 and injuring 18 people, including civilians.", 3, 18, N),
        ("A mortar round killed one member of Kirkuk's police force.", 1, N, N),
        ("Three soldiers died.", 3, N, N),
        ("2 police officers were wounded.", N, 2, N),
        ("Police arrested 40 protesters.", N, N, 40),
        ("Dozens were detained.", N, N, 24),
        ("No one was hurt.", N, 0, N),
        ("The man killed himself.", 1, N, N),
        ("There were no casualties.", 0, 0, N),
        ("The attack caused 30 casualties.", N, N, N),
        ("Dozens of people were injured.", N, 24, N),
        ("Between 5 and 10 people were killed.", 5, N, N),
        ("A man was shot and killed on Main Street.", 1, N, N),
        ("Five people were shot, one fatally.", 1, 4, N),
        ("The attack killed 12 and wounded 30, officials said.", 12, 30, N),
        ("No injuries were reported.", N, 0, N),
        ("A woman and her two children were killed.", 3, N, N),
        ("Eighteen people were injured in the explosion.", N, 18, N),
        ("Soldiers were deployed to the city.", N, N, N),
        ("Two men were shot on Friday.", N, 2, N),  # shot, and the article reports no death: wounded
        ("Four people were shot and wounded.", N, 4, N),
        ("A teenager was shot dead outside the school.", 1, N, N),
        ("Police are investigating a double homicide.", 2, N, N),
        ("The fatal shooting happened at noon.", 1, N, N),
        ("Man dies after shooting.", 1, N, N),
        ("Authorities said the gunman shot himself.", N, 1, N),  # no death reported: he survived
        ("Police did not arrest anyone.", N, N, 0),
        ("The city has recorded 700 homicides so far this year.", N, N, N),  # a running total
        ("More than 300 people have been killed in the city this year.", N, N, N),
        ("Justin Burns, 14, died in the hunting incident.", 1, N, N),  # 14 is an age
        ("The 2014 killing of a boy shocked the city.", 1, N, N),  # the boy, not 2014
        ("The ministry condemned the attack.", N, N, N),
    ],
)
def test_extract_size(nlp, sentence: str, dead, injured, arrested) -> None:
    sent = next(iter(nlp(sentence).sents))
    size = extract_size(sent)
    got = tuple(None if x is None else (x.best if x.best is not None else x.low) for x in (size.dead, size.injured, size.arrested))
    assert got == (dead, injured, arrested)


def test_lower_bound_kept(nlp) -> None:
    size = extract_size(next(iter(nlp("The blast killed at least 12 people.").sents)))
    assert size.dead == Count(low=12, best=12, high=None)


@pytest.mark.parametrize(
    "sentence,trigger,dead,arrested",
    [
        ("Police arrested 40 people after a bomb killed 3 soldiers.", "arrested", N, 40),
        ("Police arrested 40 people after a bomb killed 3 soldiers.", "bomb", 3, N),
        ("A bomb killed 3 soldiers and police arrested 40 people.", "bomb", 3, N),
        ("An airstrike hit a market, killing 12 people.", "airstrike", 12, N),
        ("12 people were killed in the attack.", "attack", 12, N),
    ],
)
def test_trigger_restricts_figures(nlp, sentence: str, trigger: str, dead, arrested) -> None:
    doc = nlp(sentence)
    sent = next(iter(doc.sents))
    tok = next(t for t in doc if t.text == trigger)
    size = extract_size(sent, tok)
    assert (size.dead.best if size.dead else None, size.arrested.best if size.arrested else None) == (dead, arrested)


def test_victims(nlp) -> None:
    sent = next(iter(nlp("Gunmen opened fire, killing at least 3 and injuring 18 people, including civilians.").sents))
    assert victims(sent) == ["at least 3", "18 people"]


@pytest.mark.parametrize(
    "sentence,dead,injured",
    [
        # the killer who also dies is counted (GVA totals include suspects)
        ("A man shot and killed his two sons before killing himself.", 3, N),
        ("A woman killed her husband and daughter before shooting herself.", 3, N),
        ("Deputies said a woman shot a 10-year-old girl and then herself.", 2, N),
        ("The husband shot his wife and children in their farmhouse before turning the gun on himself.", 4, N),
        ("The boy died after accidentally shooting himself.", 1, N),  # no other victim
        ("Police say he shot his brother, initially claiming the child shot himself.", N, 1),
        # bare coordinated nouns and predicative "dead"
        ("A grandmother, uncle, and infant were found dead.", 3, N),
        ("Two men were found shot to death in a parked truck.", 2, N),
        ("Four women found dead in an apartment.", 4, N),
        ("One teen is dead after the shooting.", 1, N),
        ("Officers discovered one woman and three teenagers dead inside the trailer.", 4, N),
        ("Joe Knarr and Jen Knarr were deceased.", 2, N),
        # murder-suicide: at least two dead; a double one three
        ("Police are calling it a murder-suicide.", 2, N),
        ("It was an apparent double murder-suicide.", 3, N),
        ("She then turned the weapon on herself in what police called an attempted murder-suicide.", N, N),
        ("The man later committed suicide.", 1, N),
        # deaths of named victims
        ("Two brothers are charged in the killings of Misty Nunley and Julie Jackson.", 2, N),
        ("He was charged in the death of Eric Summerfield.", 1, N),
        # injured without an injury verb
        ("The boy remains in critical condition.", N, 1),
        ("The shooting sent four people to the hospital.", N, 4),
        ("He was taken in critical condition to a hospital, where he died.", 1, N),
    ],
)
def test_who_is_counted(nlp, sentence: str, dead, injured) -> None:
    sent = next(iter(nlp(sentence).sents))
    size = extract_size(sent)
    got = tuple(None if x is None else (x.best if x.best is not None else x.low) for x in (size.dead, size.injured))
    assert got == (dead, injured)


@pytest.mark.parametrize(
    "sentence,dead,injured",
    [
        # a harm participle conjoined without its auxiliary: its subject is the victim
        ("Four villagers were killed and another badly injured in the raid.", 4, 1),
        ("She is charged with killing 2 guards and seriously wounding another.", 2, 1),
        ("The blast left a 9-year-old boy dead and his uncle wounded.", 1, 1),
        # fatally wounded: dead, not injured
        ("A 19-year-old man was fatally wounded during the robbery.", 1, N),
        ("The gun discharged, fatally injuring the boy.", 1, N),
        # wounded, then died: counted once, as dead
        ("A woman wounded in Tuesday's attack died of her injuries overnight.", 1, N),
        # wounds: who has them, and whether they lived
        ("A 12-year-old boy suffered minor injuries in the crash.", N, 1),
        ("The boy suffered non-life-threatening injuries.", N, 1),
        ("He was treated for a gunshot wound at a local hospital.", N, 1),
        ("He suffered a fatal gunshot wound.", 1, N),
        ("The boy did not suffer life-threatening wounds.", N, N),
    ],
)
def test_wounded_and_dead(nlp, sentence: str, dead, injured) -> None:
    sent = next(iter(nlp(sentence).sents))
    size = extract_size(sent)
    got = tuple(None if x is None else x.point() for x in (size.dead, size.injured))
    assert got == (dead, injured)


@pytest.mark.parametrize(
    "text,injured",
    [
        # shot or wounded, nobody in the article died: the wounded survived
        ("A 12-year-old girl was shot at a gun range. She was flown to a hospital.", 1),
        ("Two people suffered gunshot wounds. Police are looking for the gunman.", 2),
        # somebody died: whether the shot survived is unknown from this sentence
        ("A 12-year-old girl was shot at a gun range. She died at the hospital.", N),
        ("A man was found with a gunshot wound. The death was ruled a homicide.", N),
    ],
)
def test_shot_counts_as_wounded_when_no_one_died(nlp, text: str, injured) -> None:
    sent = next(iter(nlp(text).sents))
    size = extract_size(sent)
    assert (size.injured.point() if size.injured else None) == injured


@pytest.mark.parametrize(
    "sentence,trigger,injured",
    [
        # an outcome whose cause is an "after" clause belongs to that event
        ("A 23-year-old man remains in serious condition after he was shot outside a bar.", "shot", 1),
        ("A cyclist suffered minor injuries after he was struck by rubber bullets.", "struck", 1),
        # an unrelated event in an "after" clause keeps its own figures
        ("Police arrested two men after a man was wounded.", "arrested", N),
    ],
)
def test_outcome_linked_to_its_cause(nlp, sentence: str, trigger: str, injured) -> None:
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == trigger)
    size = extract_size(next(iter(doc.sents)), tok)
    assert (size.injured.point() if size.injured else None) == injured
