"""Tests for whimbrel.stages.modality."""

from __future__ import annotations

from datetime import date

import pytest

from whimbrel.records import DateRef, Modality
from whimbrel.stages.modality import is_embedded_request_object, is_historical, modality

A, N, H, F, HIST = (
    Modality.asserted,
    Modality.negated,
    Modality.hypothetical,
    Modality.future,
    Modality.historical,
)


def _token(doc, word: str, nth: int = -1):
    hits = [t for t in doc if t.text == word]
    assert hits, f"{word!r} not in {doc.text!r}"
    return hits[nth]


MODALITY_CASES = [
    # negated
    ("The militants did not attack the base.", "attack", N),
    ("No strikes were carried out on Tuesday.", "strikes", N),
    ("The group denied carrying out the attack.", "attack", N),
    ("The ministry denied that its forces shelled the town.", "shelled", N),
    ("Russia never shelled the city, officials said.", "shelled", N),
    ("The rebels failed to capture the town.", "capture", N),
    ("We do not intend to escalate the fighting along the border.", "escalate", N),
    ("The army refused to fire on protesters.", "fire", N),
    ("Government forces were unable to retake the town.", "retake", N),
    ("Police didn't arrest anyone.", "arrest", N),
    # hypothetical
    ("If the talks fail, the army will attack the city.", "attack", H),
    ("If the militants attack, the army will respond.", "attack", H),
    ("Iran could strike US bases in the region.", "strike", H),
    ("The strikes might provoke a wider war.", "provoke", H),
    ("The group threatened to bomb the embassy.", "bomb", H),
    ("We are ready to take further steps to defend our citizens.", "take", H),
    ("They would have killed everyone.", "killed", H),
    ("The UN urged both sides to stop the fighting.", "stop", H),
    ("Officials warned of possible attacks on the capital.", "attacks", H),
    # future
    ("The army will attack the city tomorrow.", "attack", F),
    ("Israel is going to invade Rafah.", "invade", F),
    ("The troops are set to withdraw next week.", "withdraw", F),
    ("The government plans to deploy more troops.", "deploy", F),
    ("Hezbollah vowed to retaliate against Israel.", "retaliate", F),
    ("The minister said he and the president will not hesitate to take firm action.", "take", F),
    ("The rebels intend to seize the airport.", "seize", F),
    # asserted
    ("The militia attacked the convoy on Monday.", "attacked", A),
    ("US forces conducted strikes on three facilities.", "strikes", A),
    ("The group may have carried out the bombing.", "carried", A),
    ("Police arrested 12 protesters in the capital.", "arrested", A),
    ("The attacks continued despite the ceasefire.", "attacks", A),
    ("The coalition has launched a fresh wave of raids.", "launched", A),
    ("The attack did not kill anyone.", "attack", A),
    ("The rebels were able to capture the town.", "capture", A),
    ("She is not accused of taking part in the ambush.", "ambush", A),
    ("We will not hesitate to take necessary action.", "hesitate", A),
    ("The army refrained from shelling the city.", "shelling", N),
    ("The soldiers withdrew without firing a shot.", "firing", N),
    ("Police foiled a bomb attack on the embassy.", "attack", N),
    ("Russia denied the attack.", "attack", N),
    ("The army is about to launch an offensive.", "launch", F),
    ("Troops are expected to withdraw soon.", "withdraw", F),
    ("He said the army would attack the city.", "attack", F),
    ("He said the army would attack the city if talks failed.", "attack", H),
    # historical (publication 2024-02-01)
    ("Rebels killed five soldiers in 2015, the report said.", "killed", HIST),
    ("Rebels killed five soldiers in 2023, the report said.", "killed", A),
]


@pytest.mark.parametrize("text,word,expected", MODALITY_CASES)
def test_modality(nlp, text: str, word: str, expected: Modality) -> None:
    doc = nlp(text)
    assert modality(_token(doc, word), published="2024-02-01") == expected


def test_historical_needs_published(nlp) -> None:
    doc = nlp("Rebels killed five soldiers in 2015.")
    assert modality(_token(doc, "killed")) == A


EMBEDDED_CASES = [
    ("We call on these groups to immediately cease these attacks.", "attacks", True),
    ("We call on these groups to immediately cease these attacks.", "cease", True),
    ("The group threatened to bomb the embassy.", "bomb", True),
    ("The UN urged both sides to stop the fighting.", "fighting", True),
    ("Protesters demanded an end to the airstrikes.", "airstrikes", True),
    ("The minister called for a ceasefire in Gaza.", "ceasefire", True),
    ("Officials warned of attacks on the capital.", "attacks", True),
    ("The army attacked the village.", "attacked", False),
    ("The government condemned the attacks.", "attacks", False),
    ("The general ordered the strike on the bridge.", "strike", False),
    ("Police said the militants attacked the checkpoint.", "attacked", False),
]


@pytest.mark.parametrize("text,word,expected", EMBEDDED_CASES)
def test_is_embedded_request_object(nlp, text: str, word: str, expected: bool) -> None:
    doc = nlp(text)
    assert is_embedded_request_object(_token(doc, word)) is expected


@pytest.mark.parametrize(
    "event_date,published,expected",
    [
        ("2015", "2024-02-01", True),
        ("2023", "2024-02-01", False),
        ("2022-12", "2024-02-01", True),
        ("2023-01-15", "2024-02-01", True),
        ("2023-03-01", "2024-02-01", False),
        ("2024-01-31", "2024-02-01", False),
        (None, "2024-02-01", False),
        ("2015", None, False),
        ("garbage", "2024-02-01", False),
        (date(2020, 5, 1), date(2024, 2, 1), True),
        (DateRef(text="in 2019", value="2019", precision="year"), "2024-02-01", True),
        (DateRef(text="last month", value=None), "2024-02-01", False),
    ],
)
def test_is_historical(event_date, published, expected: bool) -> None:
    assert is_historical(event_date, published) is expected


def test_is_historical_threshold() -> None:
    assert is_historical("2024-01-01", "2024-02-01", threshold_days=30) is True
    assert is_historical("2024-01-01", "2024-02-01", threshold_days=31) is False


# --------------------------------------------------------------------------- the sample article


def test_sample_modalities(nlp, shared_dir) -> None:
    text = (shared_dir / "samples" / "us-strikes-iraq.txt").read_text(encoding="utf-8")
    doc = nlp(text)

    def at(phrase: str, word: str):
        start = text.index(phrase)
        return [t for t in doc if t.idx >= start and t.text == word][0]

    pub = "2024-01-24"
    assert modality(at("has launched", "launched"), pub) == A
    assert modality(at("conducted necessary", "conducted"), pub) == A
    assert modality(at("were launched just", "launched"), pub) == A
    assert modality(at("to escalate conflict", "escalate"), pub) == N
    assert modality(at("take necessary action", "take"), pub) == F
    assert modality(at("prepared to take", "take"), pub) == H
    assert modality(at("killed one member", "killed"), pub) == A
    assert is_embedded_request_object(at("cease these attacks", "attacks"))
    assert is_embedded_request_object(at("cease these attacks", "cease"))
    assert not is_embedded_request_object(at("were launched just", "launched"))
