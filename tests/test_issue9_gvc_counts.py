"""Issue 9, gun-violence counts: victim groups told in pieces within one sentence are summed
(GVA/ACLED count every person killed, the perpetrator included), and reconciliation keeps
an article's figure over an open lower bound of the same article.  Sentences are our own."""

from __future__ import annotations

import pytest

from whimbrel.records import Count, Event, Size
from whimbrel.stages.counts import extract_size
from whimbrel.store.model import Cluster, MentionView
from whimbrel.store.reconcile import reconcile


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    from whimbrel.settings import load

    try:
        return spacy.load(load().spacy_model)
    except OSError:
        pytest.skip("spaCy model not installed")


def _dead(nlp, text):
    doc = nlp(text)
    size = extract_size(doc[:])
    return size.dead.best if size.dead else None


@pytest.mark.parametrize("text,dead", [
    # "along with": the predicate is said of the companions too
    ("Two teenage sisters are dead along with their mother after what deputies called a murder-suicide.", 3),
    ("Three men were killed along with a woman when the gunman opened fire at the bar.", 4),
    # conjoined clauses with subjects of their own: disjoint groups, summed
    ("Police said the four boys died of gunshot injuries, and their grandfather died of a stab wound.", 5),
    ("Two guards were killed and a visitor was killed when the man began shooting in the lobby.", 3),
    # "a family of five": the group's own figure
    ("A family of six was found fatally shot inside the farmhouse on Sunday.", 6),
    # a dateline parsed as the subject: the victims after the dash are counted
    ("DAYTON, Ohio (WXYZ) -- Four girls and three men were found dead by a relative on Monday.", 7),
])
def test_issue9_gvc_groups_are_summed(nlp, text, dead):
    assert _dead(nlp, text) == dead


@pytest.mark.parametrize("text,dead", [
    # partitive and anaphoric subjects refer to people already counted: no sum
    ("Three men were killed on the porch and one of them died in his mother's arms.", 3),
    ("Two women were killed in the crash, and they died before help came.", 2),
    # a separate incident told in the same sentence is not added (the larger figure stands)
    ("A man was killed on Elm Street, and two others died in a separate shooting downtown.", 2),
    # the same people told twice
    ("The gunman shot and killed two clerks.", 2),
])
def test_issue9_gvc_no_double_count(nlp, text, dead):
    assert _dead(nlp, text) == dead


def _view(mid, article, dead, published="2021-04-02", source="example.com"):
    ev = Event(id=mid, article_id=article, event_type="ASSAULT", size=Size(dead=dead))
    return MentionView(id=mid, article_id=article, event=ev, date="2021-04-01", date_known=True,
                       published=published, source=source)


def test_issue9_gvc_open_lower_bound_refined_within_an_article():
    # one article: "a murder-suicide" (at least 2) and "five were found dead": 5 is its figure
    ms = [_view("m1", "a1", Count(low=2, best=2, high=None)), _view("m2", "a1", Count(low=5, best=5, high=5))]
    assert reconcile(Cluster(ms)).size.dead.best == 5


def test_issue9_gvc_closed_first_figure_of_an_article_kept():
    # a closed first figure is not replaced by a larger one of the same article
    ms = [_view("m1", "a1", Count(low=1, best=1, high=1)), _view("m2", "a1", Count(low=7, best=7, high=7))]
    assert reconcile(Cluster(ms)).size.dead.best == 1
