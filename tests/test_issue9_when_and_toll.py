"""Issue 9: dates, fatalities and their reconciliation as conflict-event datasets code them.

Every sentence here is our own, written for the construction it tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.extract import extract
from whimbrel.records import DatePrecision
from whimbrel.stages import counts
from whimbrel.stages.dates import resolve_date
from whimbrel.store.model import Cluster
from whimbrel.store.reconcile import reconcile

from .storehelpers import event
from .test_dedupe import view


def _dead(text: str, published: str | None = None):
    evs = [e for e in extract(text, published) if e.event_type == "ASSAULT"]
    assert evs, text
    return evs[0].size.dead


# --------------------------------------------------------------------------- ACLED vague counts

@pytest.mark.parametrize("sentence,low,best", [
    ("Troops raided the camp, killing several fighters.", 3, 10),
    ("Jets bombed a convoy near the border, killing dozens of militants.", 12, 12),
    ("A roadside bomb hit a minibus on the highway, killing many passengers.", 10, 10),
    ("Rebels stormed the village at dawn, killing at least 30 people.", 30, 30),  # a written figure wins
])
def test_issue9_vague_fatalities_follow_acled(nlp, sentence, low, best):
    size = counts.extract_size(next(nlp(sentence).sents))
    assert size.dead is not None and (size.dead.low, size.dead.best) == (low, best)


def test_issue9_vague_injured_keep_their_reading(nlp):
    size = counts.extract_size(next(nlp("Gunmen opened fire at the market, wounding several traders.").sents))
    assert size.injured is not None and size.injured.best == 3
    assert size.dead is None


@pytest.mark.parametrize("sentence,dead", [
    ("Officials put the death toll between 14 and 30 people.", 14),
    ("Medics put the toll at 9.", 9),
    ("The army said 17 insurgents were neutralised.", 17),
    ("Engineers neutralised a mine on the bridge.", None),
])
def test_issue9_toll_phrasings(nlp, sentence, dead):
    size = counts.extract_size(next(nlp(sentence).sents))
    assert (size.dead.best if size.dead else None) == dead


# --------------------------------------------------------------------------- follow-up sentences

@pytest.mark.parametrize("text,dead", [
    ("On 2 March 2023, militants attacked an army post near Gao. 7 fatalities were reported.", 7),
    ("On 2 March 2023, a missile hit a market in Kharkiv. The death toll later rose to 19.", 19),
    # the clause after a semicolon that tells no event of its own
    ("On 2 March 2023, rebels raided a checkpoint near Goma; 4 rebels and 3 policemen died.", 7),
    # speech and a dated figure are not the event's toll
    ("On 2 March 2023, militants attacked an army post near Gao. 'We lost 40 men,' one officer said.", None),
    ("On 2 March 2023, militants attacked an army post near Gao. Last year 30 soldiers died in the region.", None),
])
def test_issue9_figures_in_a_sentence_of_their_own(text, dead):
    got = _dead(text)
    assert (got.best if got else None) == dead


# --------------------------------------------------------------------------- dates

PUB = dt.date(2023, 6, 20)


@pytest.mark.parametrize("text,value,precision", [
    ("14-15 April 2023", "2023-04-14", DatePrecision.day),            # overnight: the night began on the 14th
    ("between 6 and 9 May 2023", "2023-05-06", DatePrecision.week),
    ("May 6-9", "2023-05-06", DatePrecision.week),
    ("the week of June 7", "2023-06-05", DatePrecision.week),          # ISO week: its Monday
    ("from 2 to 20 March 2022", "2022-03", DatePrecision.month),
    ("11 June", "2023-06-11", DatePrecision.day),
])
def test_issue9_day_ranges(text, value, precision):
    ref = resolve_date(text, PUB)
    assert ref is not None and (ref.value, ref.precision) == (value, precision)


def test_issue9_day_left_out_of_the_date_entity():
    evs = extract("Around 9 October 2023, gunmen killed a village chief in Kidal.")
    assert evs and evs[0].date is not None and evs[0].date.value == "2023-10-09"


@pytest.mark.parametrize("text,value", [
    # the date of an aftermath verb dates the aftermath, not the shooting
    ("A vigil for the boy who was shot outside the store is planned for Thursday.", "2023-06-20"),
    # a casualty verb governing the shooting keeps its date
    ("A clerk died Friday after the shooting at the store.", "2023-06-16"),
])
def test_issue9_aftermath_dates(text, value):
    evs = [e for e in extract(text, "2023-06-20") if e.event_type == "ASSAULT"]
    assert evs and evs[0].date is not None and evs[0].date.value == value


def test_issue9_one_vote_per_article_for_the_day():
    """An article telling a later day three times does not outvote two that give the day."""
    a = [view("a", event("a", day="2024-03-02", sentence="A shooting on Saturday left one dead."), published="2024-03-04")]
    b = [view("b", event("b", day="2024-03-02", sentence="He was shot Saturday night."), published="2024-03-04")]
    c = [view("c", event("c", day="2024-03-03", sentence=f"Sunday note number {k}.", start=100 * k), published="2024-03-04")
         for k in range(3)]
    ev = reconcile(Cluster(a + b + c))
    assert ev.date is not None and ev.date.value == "2024-03-02"


def test_issue9_a_day_beats_the_week_that_contains_it():
    week = event("w", day="2024-02-26", sentence="The boy was shot last weekend.")
    week = week.model_copy(update={"date": week.date.model_copy(update={"text": "last weekend", "precision": DatePrecision.week})})
    day = event("d", day="2024-03-02", sentence="The boy was shot on Saturday.")
    ev = reconcile(Cluster([view("w", week, published="2024-03-04"), view("d", day, published="2024-03-04")]))
    assert ev.date is not None and ev.date.value == "2024-03-02"


def test_issue9_tied_days_go_to_the_one_told_with_a_figure():
    vigil = event("v", day="2024-02-29", sentence="A vigil at the scene is set for Thursday.")
    shot = event("s", day="2024-03-03", sentence="A teenager was killed on Sunday night.", dead=1)
    ev = reconcile(Cluster([view("v", vigil, published="2024-03-04"), view("s", shot, published="2024-03-04")]))
    assert ev.date is not None and ev.date.value == "2024-03-03"
