"""Issue 2: the reference article must give the events the issue pins."""

from __future__ import annotations

import json

import pytest

from whimbrel.extract import build_pipeline, extract


@pytest.fixture(scope="module")
def events(nlp, shared_dir):
    record = json.loads((shared_dir / "samples" / "us-strikes-iraq.jsonl").read_text(encoding="utf-8").splitlines()[0])
    pipe = build_pipeline(nlp=nlp)
    return extract(record["text"], published=record["published"], pipeline=pipe, article_id=record["id"])


def _codes(entities):
    return {e.code for e in entities if e.code}


def _names(entities):
    return {(e.name or e.text).lower() for e in entities}


def _assaults_on_kh(events):
    return [
        e for e in events
        if e.event_type == "ASSAULT" and "USA" in _codes(e.actor) and any("kataib" in n for n in _names(e.recipient))
    ]


def test_wednesday_strikes_are_one_aerial_assault(events):
    current = [e for e in _assaults_on_kh(events) if e.date and e.date.value == "2024-01-24"]
    assert len(current) == 1
    ev = current[0]
    assert ev.mode == "aerial"
    assert "IRQ" in _codes(ev.recipient)
    assert any(e.sector == "MIL" and e.code == "USA" for e in ev.actor)
    assert ev.location is not None and ev.location.country_code == "IQ"
    assert len(ev.mentions) >= 2
    claimants = " ".join((c.claimant.text if c.claimant else "") for c in ev.claims).lower()
    assert "austin" in claimants or "secretary of defense" in claimants
    assert "central command" in claimants or "centcom" in claimants


def test_december_strikes_are_separate_with_casualties(events):
    december = [e for e in events if e.event_type == "ASSAULT" and e.date and e.date.value == "2023-12"]
    assert len(december) == 1
    ev = december[0]
    assert ev.date.precision.value == "month"
    assert ev.size.dead is not None and ev.size.dead.best == 1
    assert ev.size.injured is not None and ev.size.injured.best == 18
    claimants = " ".join((c.claimant.text if c.claimant else "") for c in ev.claims).lower()
    assert "prime minister" in claimants
    assert ev not in _assaults_on_kh(events) or ev.date.value != "2024-01-24"


def test_iraq_accuses_united_states(events):
    accuse = [e for e in events if e.event_type == "ACCUSE" and "IRQ" in _codes(e.actor) and "USA" in _codes(e.recipient)]
    assert accuse


def test_threat_and_request(events):
    types = {e.event_type for e in events if "USA" in _codes(e.actor)}
    assert "THREATEN" in types
    assert "REQUEST" in types


def test_nothing_from_blog_leftovers(events):
    for ev in events:
        for m in ev.mentions:
            assert "Read the full article" not in m.text
            assert "Comments are closed" not in m.text


def test_mentions_index_the_cleaned_text(events):
    for ev in events:
        for m in ev.mentions:
            assert m.start < m.end
            assert len(m.text) == m.end - m.start
