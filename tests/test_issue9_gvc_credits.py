"""Publisher furniture (dateline credits, share bars) is no evidence that two reports are one incident."""

import random

from whimbrel.store.credits import strip_credits
from whimbrel.store.dedupe import Deduper
from whimbrel.store.model import MentionView

from .storehelpers import event


def test_dateline_credit_dropped_place_kept():
    assert strip_credits("TOLEDO, Ohio (WQXR) — A man was shot.") == "TOLEDO, Ohio — A man was shot."
    assert strip_credits("BOISE (KZZY) - Two people were hurt.") == "BOISE - Two people were hurt."


def test_share_bar_line_dropped():
    text = "Follow KZZY.COM: Facebook | Twitter\n\nBOISE - Two people were hurt."
    assert "Facebook" not in strip_credits(text)
    assert strip_credits("Her sister posted on Facebook about it.") == "Her sister posted on Facebook about it."


def test_ordinary_parentheses_kept():
    for text in ("Police (state troopers) - said nothing.", "He said (KZZY) - no.", "A (B) - c"):
        assert strip_credits(text) == text


def _view(i: str, art: str, day: str, sentence: str, lead: str, title: str) -> MentionView:
    ev = event(art, day=day, sentence=sentence)
    return MentionView(id=i, article_id=art, event=ev, date=day, date_known=True, published=day,
                       source="kzzy.example", title=title, lead=lead)


def _corpus() -> list[MentionView]:
    bar = "Follow KZZY.COM: Facebook | Twitter\n\n"
    out = [_view("m1", "a1", "2019-01-05", "ALEPPO (KZZY) — Garrick Pendleworth was shot outside a bakery.",
                 bar + "ALEPPO (KZZY) — Garrick Pendleworth was shot outside a bakery on Elm Row.", "Man shot at bakery"),
           _view("m2", "a2", "2019-09-14", "ALEPPO (KZZY) — A teenager was wounded in a drive-by on Quarry Lane.",
                 bar + "ALEPPO (KZZY) — A teenager was wounded in a drive-by on Quarry Lane.", "Teen wounded in drive-by")]
    # a background of unrelated articles, so that names can be rare
    for k in range(40):
        out.append(_view(f"b{k}", f"bg{k}", f"2018-0{1 + k % 9}-1{k % 9}", f"Officers responded to call number {k}.",
                         f"Officers responded to call number {k} in Town{k}.", f"Call {k}"))
    return out


def test_outlet_credit_does_not_bridge_two_incidents_months_apart():
    clusters = Deduper().cluster(_corpus())
    together = [c for c in clusters if {"m1", "m2"} <= {m.id for m in c.mentions}]
    assert not together


def test_clusters_do_not_depend_on_input_order():
    base = _corpus()
    want = sorted(sorted(m.id for m in c.mentions) for c in Deduper().cluster(base))
    for seed in range(3):
        shuffled = list(base)
        random.Random(seed).shuffle(shuffled)
        got = sorted(sorted(m.id for m in c.mentions) for c in Deduper().cluster(shuffled))
        assert got == want
