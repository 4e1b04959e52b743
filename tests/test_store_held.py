"""Issue 10: events held back at ingest are stored apart with their reason; articles keep relevance."""

from __future__ import annotations

from click.testing import CliRunner

from .storehelpers import FakeExtractor, article, event, settings
from whimbrel.store import Store
from whimbrel.store.ingest import ingest_items


def test_held_events_and_relevance_are_stored(tmp_path):
    art = article("a1", "Troops shelled Aleppo. Sign up for our newsletter.").model_copy(
        update={"relevance": 0.71, "relevance_reason": "relevance 0.71: political-actor sentences 50%"})
    kept = event("a1", actors=["troops"])
    noise = event("a1", etype="AID", sentence="Sign up for our newsletter.", start=23).model_copy(
        update={"held": "trigger sense: 'help' in the everyday sense"})
    low = event("a1", etype="CONSULT", sentence="Troops shelled Aleppo.", start=0).model_copy(update={"confidence": 0.05})
    db = tmp_path / "w.db"
    with Store(str(db)) as s:
        ingest_items([art], s, settings(tmp_path), extractor=FakeExtractor({"a1": [kept, noise, low]}))
        stored = s.conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
        held = s.held_events()
        rel = s.conn.execute("SELECT relevance, relevance_reason FROM articles WHERE id='a1'").fetchone()
    assert stored == 1
    reasons = {ev.event_type: why for ev, why in held}
    assert reasons["AID"].startswith("trigger sense")
    assert "below min_confidence" in reasons["CONSULT"]
    assert rel[0] == 0.71 and rel[1].startswith("relevance 0.71")

    from whimbrel.cli import main

    out = CliRunner().invoke(main, ["events", "--db", str(db), "--include-rejected", "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    assert "trigger sense" in out.output and "below min_confidence" in out.output
    plain = CliRunner().invoke(main, ["events", "--db", str(db), "--format", "jsonl"])
    assert "trigger sense" not in plain.output
