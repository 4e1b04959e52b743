"""Headline lines inside an article: the report's own headlines give events, a list of
related links does not (issue 9).  Every text here is ours."""

from __future__ import annotations

BODY = "Officials in the provincial capital said on Tuesday that the roads to the north had been closed."
BODY2 = "Aid groups said they had not been able to reach the area for a week."
HEAD1 = "Rebels Seize Two Border Towns After Heavy Fighting"
HEAD2 = "Army Says It Shot Down Seven Drones Over The Capital"


def _types(text: str) -> list[str]:
    from whimbrel import extract

    return [e.acled.sub_event_type or e.event_type for e in extract(text)]


def test_two_headlines_between_paragraphs_give_events():
    types = _types(f"{BODY}\n\n{HEAD1}\n\n{HEAD2}\n\n{BODY2}")
    assert "Non-state actor overtakes territory" in types


def test_a_related_links_list_gives_no_events():
    types = _types(f"{BODY}\n\nRelated stories\n\n{HEAD1}\n2 hours ago\n\n{HEAD2}\n4 hours ago\n\n{BODY2}")
    assert "Non-state actor overtakes territory" not in types
    assert "Disrupted weapons use" not in types
