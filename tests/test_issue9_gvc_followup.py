"""A follow-up story dated the day it was written still meets the first reports of its incident."""

from whimbrel.store.dedupe import DedupeParams, Deduper
from whimbrel.store.model import MentionView

from .storehelpers import event

FIRST = "A gunman shot shopkeeper Quillon dead inside a pawn shop in Gary on Monday, officers said."
LATER = "Prosecutors on Friday charged a man with murder in the killing of pawn shop owner Quillon in Gary."
OTHER = "Two men were wounded in a drive-by shooting on Ketterby Row in Gary, officers said."


def _background() -> list:
    """Unrelated reports, so that a name used by a handful of articles is rare (and Gary is not)."""
    out = []
    for k in range(30):
        ev = event(f"bg{k}", day=f"2023-0{1 + k % 9}-1{k % 9}", where="aleppo",
                   sentence=f"Crews in Gary answered call number {k} at dawn.")
        out.append(MentionView(id=ev.id, article_id=f"bg{k}", event=ev, date=ev.date.value, date_known=True,
                               published=ev.date.value, source="pub-bg", title=f"Call {k}"))
    return out


def _view(aid: str, day: str, published: str, sentence: str, dead=None) -> MentionView:
    ev = event(aid, day=day, where="gary", sentence=sentence, dead=dead)
    return MentionView(id=ev.id, article_id=aid, event=ev, date=day, date_known=True,
                       published=published, source=f"pub-{aid}", title=sentence[:40])


def _together(views, params=None) -> bool:
    clusters = Deduper(params).cluster(views + _background())
    ids = {v.id for v in views}
    return any(ids <= {m.id for m in c.mentions} for c in clusters)


def test_follow_up_dated_at_publication_joins_its_incident():
    first = _view("a", "2024-03-04", "2024-03-04", FIRST, dead=1)
    later = _view("b", "2024-03-15", "2024-03-15", LATER, dead=1)  # 11 days on, dated the day written
    assert _together([first, later])
    assert not _together([first, later], DedupeParams(follow_days=0))  # beyond the window: a veto


def test_later_report_dated_before_its_publication_is_not_a_follow_up():
    first = _view("a", "2024-03-04", "2024-03-04", FIRST, dead=1)
    later = _view("b", "2024-03-15", "2024-03-20", LATER, dead=1)  # dated days before it was published
    assert not _together([first, later])


def test_follow_up_window_is_bounded():
    first = _view("a", "2024-03-04", "2024-03-04", FIRST, dead=1)
    later = _view("b", "2024-04-20", "2024-04-20", LATER, dead=1)
    assert not _together([first, later])


def test_follow_up_alone_does_not_merge_a_different_incident():
    first = _view("a", "2024-03-04", "2024-03-04", FIRST, dead=1)
    other = _view("b", "2024-03-16", "2024-03-16", OTHER)
    assert not _together([first, other])


def test_follow_up_join_does_not_depend_on_input_order():
    views = [_view("a", "2024-03-04", "2024-03-04", FIRST, dead=1),
             _view("b", "2024-03-15", "2024-03-15", LATER, dead=1),
             _view("c", "2024-03-16", "2024-03-16", OTHER)]
    want = sorted(sorted(m.id for m in c.mentions) for c in Deduper().cluster(views))
    got = sorted(sorted(m.id for m in c.mentions) for c in Deduper().cluster(views[::-1]))
    assert got == want
