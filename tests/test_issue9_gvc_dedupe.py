"""Issue 9, gun-violence deduplication: a report placed only at country level whose text names
the other report's town counts as told in that town (the geoparser missed it), on close days.
Sentences are our own."""

from __future__ import annotations

from whimbrel.records import Place
from whimbrel.store import Deduper, MentionView

from .storehelpers import event

US = Place(text="US", name=None, country_code="US", lat=39.76, lon=-98.5, precision="country")


def _view(aid, ev, title):
    return MentionView(id=ev.id, article_id=aid, event=ev, date=ev.date.value, date_known=True,
                       published="2024-03-03", source=f"pub-{aid}", title=title)


def _pair(other_sentence, other_title, day="2024-03-02"):
    a = event("a", where="gary", injured=3, sentence="Three men were wounded outside a Gary nightclub early Saturday.")
    b = event("b", where=None, injured=3, day=day, sentence=other_sentence).model_copy(update={"location": US})
    return Deduper().score(_view("a", a, "Three wounded at nightclub"), _view("b", b, other_title))


def test_issue9_gvc_country_level_report_naming_the_town_agrees_on_place():
    link = _pair("Officers said the three victims were taken to a hospital.", "Three hurt in west Gary shooting")
    assert link is not None and link.reasons.get("place") == 1.0


def test_issue9_gvc_country_level_report_naming_no_town_is_no_evidence():
    link = _pair("Officers said the three victims were taken to a hospital.", "Three hurt in nightclub shooting")
    assert link is not None and "place" not in link.reasons


def test_issue9_gvc_town_named_weeks_apart_is_no_evidence():
    link = _pair("Officers said the three victims were taken to a hospital.", "Three hurt in west Gary shooting",
                 day="2024-01-10")
    assert link is None or "place" not in link.reasons
