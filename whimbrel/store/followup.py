"""Follow-up reports: a later story dated to the day it was published.

A charge, a coroner's ruling, a funeral or a death days after the shooting is reported days or
weeks after the incident, and the date the extractor finds in it is often that later day (the
story's own news: "police confirmed Tuesday"), or only the publication day.  Such a report is
compared with the earlier reports of its incident up to ``follow_days`` apart: the date then
counts as no evidence either way (feature 0), not as a veto, and the other features decide.
"""

from __future__ import annotations

from typing import Any

from .names import day_ordinal

# the later report's date is at most this many days before its publication: the story's own day
_REPORT_LAG = 1


def follow_up(pa: Any, pb: Any) -> bool:
    """Whether the later of two prepared reports (``day``, ``m.published``) is dated to its own
    publication (within a day) while the earlier one is dated before it: the shape of a
    follow-up story, whose date says when it was written, not when the incident happened."""
    if pa.day is None or pb.day is None or pa.day == pb.day:
        return False
    late = pa if pa.day > pb.day else pb
    pub = day_ordinal(late.m.published)
    return pub is not None and 0 <= pub - late.day <= _REPORT_LAG
