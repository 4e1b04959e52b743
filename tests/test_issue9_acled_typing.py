"""Issue 9: ACLED typing fixes (rule order)."""

from whimbrel.codebook.acled_rules import acled_coding


def test_issue9_sexual_violence_beats_territory_capture():
    got = acled_coding("ASSAULT", None, cues=["took", "sexual"], actor_sectors=["REB"], recipient_sectors=["CVL"])
    assert (got.event_type, got.sub_event_type) == ("Violence against civilians", "Sexual violence")
