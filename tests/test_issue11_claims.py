"""Issue 11 — who says so: claim attribution on real news constructions.

Every sentence here is written for these tests. Each table row is one construction and
what find_claims must give for the event word in it: the first named claimant (or
None), its cue lemma, whether the claim is hedged, and the outer reporter (via).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import pytest

from whimbrel.evaluate.attribution import load_gold, same_source
from whimbrel.knowledge import vocabulary
from whimbrel.records import Claim, Cue
from whimbrel.stages import modality
from whimbrel.stages.claims import ClaimCue, QuoteIndex, find_claims


def _token(doc, word: str, nth: int = -1):
    hits = [t for t in doc if t.text == word]
    assert hits, f"{word!r} not in {doc.text!r}"
    return hits[nth]


def _claims(nlp, text: str, word: str, nth: int = -1) -> list[ClaimCue]:
    doc = nlp(text)
    return find_claims(_token(doc, word, nth), QuoteIndex.build(doc))


def _first_named(claims: list[ClaimCue]) -> Optional[ClaimCue]:
    return next((c for c in claims if c.claimant_text is not None), None)


# --------------------------------------------------------------------------- nested reports

NESTED = [
    # text, event word, claimant, cue, hedged, via
    ("The deputy said the farmer claimed his neighbour had fired at the barn.", "fired",
     "the farmer", "claim", True, "The deputy"),
    ("Investigators said the driver told them he struck the cyclist by accident.", "struck",
     "the driver", "tell", False, "Investigators"),
    ("The mayor said the union accused the company of firing the strikers.", "firing",
     "the union", "accuse", True, "The mayor"),
    ("According to the court filing, the clerk told detectives that she shot the intruder.", "shot",
     "the clerk", "tell", False, "the court filing"),
]


@pytest.mark.parametrize("text,word,claimant,cue,hedged,via", NESTED)
def test_nested_report_gives_nearest_source_via_reporter(nlp, text, word, claimant, cue, hedged, via) -> None:
    claims = _claims(nlp, text, word)
    first = _first_named(claims)
    assert first is not None, claims
    assert (first.claimant_text, first.cue, first.hedged, first.via_text) == (claimant, cue, hedged, via), claims
    # the reporter is the via, not a second claim of its own
    assert all(c.claimant_text != via for c in claims), claims


# --------------------------------------------------------------------------- no leakage

NARRATOR = [
    # event sentences with no reporting structure over the event: the narrator's own
    ("“We heard three bangs,” the grocer said. Firefighters arrived at the warehouse an hour later.",
     "arrived"),
    ("The council member said she was worried. Two men were arrested outside the depot.", "arrested"),
    ("The sergeant would not say whether the suspect fired first.", "fired"),
    ("Detectives have not said how the pensioner was injured.", "injured"),
    ("A neighbour who heard the shooting called the police.", "shooting"),
    ("Officers found the man wounded in the stairwell.", "wounded"),
    ("The family of a boy hurt in the crash said the road was dangerous.", "hurt"),
]


@pytest.mark.parametrize("text,word", NARRATOR)
def test_no_claimant_without_a_governing_structure(nlp, text: str, word: str) -> None:
    claims = _claims(nlp, text, word)
    assert _first_named(claims) is None, claims


def test_quote_running_over_sentences_keeps_its_speaker(nlp) -> None:
    text = ("“The van came round the corner far too fast,” said Mira Okafor, who saw it. "
            "“Then it hit the bus shelter and two people were thrown onto the road.”")
    claims = _claims(nlp, text, "thrown")
    first = _first_named(claims)
    assert first is not None and first.claimant_text == "Mira Okafor", claims


# --------------------------------------------------------------------------- hedges

HEDGED = [
    # text, event word, claimant (None: anonymous), hedge words expected in hedge_text
    ("The teenager is accused of stabbing a classmate.", "stabbing", None, "accused"),
    ("The man suspected of robbing the pharmacy was caught on Friday.", "robbing", None, "suspected"),
    ("It was reported that soldiers looted the market.", "looted", None, "reported"),
    ("Rebels allegedly burned the clinic.", "burned", None, "allegedly"),
    ("The militia purportedly shelled the ferry.", "shelled", None, "purportedly"),
    ("The raiders are said to have seized two trucks.", "seized", None, "said to"),
    ("The station received unconfirmed reports that guards had beaten a prisoner.", "beaten", None,
     "unconfirmed reports"),
    ("The ministry said its jets destroyed the depot, which could not be independently verified.",
     "destroyed", "The ministry", "could not be independently verified"),
    ("The sheriff said the boy allegedly fired the rifle.", "fired", "The sheriff", "allegedly"),
    ("The landlord claimed that the tenant set the fire.", "set", "The landlord", "claimed"),
    ("Police said the suspect is accused of shooting two clerks.", "shooting", "Police", "accused"),
]


@pytest.mark.parametrize("text,word,claimant,hedge_words", HEDGED)
def test_hedges_mark_the_claim_with_their_words(nlp, text, word, claimant, hedge_words) -> None:
    claims = _claims(nlp, text, word)
    assert claims, text
    first = _first_named(claims) if claimant is not None else claims[0]
    assert first is not None and first.claimant_text == claimant, claims
    assert first.hedged, claims
    assert first.hedge_text is not None and hedge_words in first.hedge_text.lower(), claims


UNHEDGED = [
    ("Police said the cashier was shot twice.", "shot", "Police"),
    ("The coroner confirmed that the hiker died of exposure.", "died", "The coroner"),
    ("Court records show the guard was struck with a bottle.", "struck", "Court records"),
    ("Investigators believe the blaze was started on purpose.", "started", "Investigators"),
    ("The group claimed responsibility for the ambush.", "ambush", "The group"),
]


@pytest.mark.parametrize("text,word,claimant", UNHEDGED)
def test_plain_reports_are_not_hedged(nlp, text: str, word: str, claimant: str) -> None:
    first = _first_named(_claims(nlp, text, word))
    assert first is not None and first.claimant_text == claimant and not first.hedged


def test_hedging_belongs_to_the_claim_not_the_event(nlp) -> None:
    # one source asserts the arrest, another only alleges the beating
    text = "Police said officers arrested the man, whom witnesses accused of beating a clerk."
    doc = nlp(text)
    quotes = QuoteIndex.build(doc)
    arrest = _first_named(find_claims(_token(doc, "arrested"), quotes))
    beating = _first_named(find_claims(_token(doc, "beating"), quotes))
    assert arrest is not None and arrest.claimant_text == "Police" and not arrest.hedged
    assert beating is not None and beating.claimant_text == "witnesses" and beating.hedged


# --------------------------------------------------------------------------- who is the source

SOURCES = [
    # the subject of a non-reporting verb is not a claimant; a survey claims its results
    ("The survey found that most residents had been burgled at least once.", "burgled", None),
    ("According to the poll, a third of drivers were robbed last year.", "robbed", "the poll"),
    ("A new study suggests that looting spread after the storm.", "looting", "A new study"),
    ("The farmer who lost his barn attended the hearing about the arson.", "arson", None),
]


@pytest.mark.parametrize("text,word,claimant", SOURCES)
def test_sources_and_non_sources(nlp, text: str, word: str, claimant: Optional[str]) -> None:
    first = _first_named(_claims(nlp, text, word))
    assert (first.claimant_text if first else None) == claimant


PRONOUNS = [
    # text, event word, claimant, pronoun
    ("Sheriff Dana Whitcomb spoke at noon. She said the prisoner escaped through a vent.", "escaped",
     "Sheriff Dana Whitcomb", "She"),
    ("Harbour officials met the press on Monday. They said a crewman was injured in the blast.",
     "injured", "Harbour officials", "They"),
]


@pytest.mark.parametrize("text,word,claimant,pronoun", PRONOUNS)
def test_pronoun_source_names_its_antecedent_and_keeps_the_pronoun(nlp, text, word, claimant, pronoun) -> None:
    first = _first_named(_claims(nlp, text, word))
    assert first is not None and first.claimant_text == claimant
    assert first.pronoun_text == pronoun
    assert text[first.pronoun_start : first.pronoun_end] == pronoun


def test_quote_with_pronoun_speaker_keeps_the_pronoun(nlp) -> None:
    text = ("Captain Iris Moreau briefed reporters at the harbour. "
            "“The trawler was rammed twice,” she said.")
    claims = _claims(nlp, text, "rammed")
    first = _first_named(claims)
    assert first is not None and first.claimant_text == "Captain Iris Moreau", claims
    assert first.pronoun_text == "she" and text[first.pronoun_start : first.pronoun_end] == "she"


def test_cue_span_points_at_the_attribution_words(nlp) -> None:
    text = "Two guards were hurt in the riot, the warden said in a statement."
    first = _first_named(_claims(nlp, text, "hurt"))
    assert first is not None and first.cue_start is not None
    assert text[first.cue_start : first.cue_end] == first.text == "said in a statement"


# --------------------------------------------------------------------------- records, vocabulary, gold


def test_claim_record_keeps_cue_span_via_and_reads_a_bare_cue_word() -> None:
    c = Claim(text="said", cue=Cue(text="said", lemma="say", start=4, end=8), via=None)
    assert c.to_json()["cue"] == {"text": "said", "start": 4, "end": 8, "lemma": "say"}
    old = Claim.model_validate({"text": "said", "cue": "say"})
    assert old.cue is not None and old.cue.lemma == "say"


def test_one_vocabulary_serves_claims_and_modality() -> None:
    assert modality.REPORTING_VERBS is vocabulary.REPORTING_VERBS
    assert modality.HEDGE_ADVERBS is vocabulary.HEDGE_ADVERBS
    assert vocabulary.REPORTING_VERBS <= vocabulary.ATTRIBUTION_VERBS
    assert {"suspect", "accuse", "allege"} <= vocabulary.SUSPICION_VERBS


def test_attribution_gold_holds_offsets_not_text() -> None:
    path = Path(__file__).resolve().parents[1] / "whimbrel" / "evaluate" / "data" / "attribution_dev.jsonl"
    items = load_gold(path)
    attributed = [i for i in items if i.attributed]
    unattributed = [i for i in items if not i.attributed and i.cue is None]
    assert len(attributed) >= 300 and len(unattributed) >= 150
    # halves are split by document: no document in both
    halves: dict[tuple[str, str], set[str]] = {}
    for i in items:
        halves.setdefault((i.corpus, i.doc), set()).add(i.split)
    assert all(len(v) == 1 for v in halves.values())
    for line in path.read_text(encoding="utf-8").splitlines()[:50]:
        assert "text" not in json.loads(line)


def test_load_gold_names_the_bad_line(tmp_path) -> None:
    from whimbrel.errors import EvalError

    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"corpus": "gvc", "doc": "a", "trigger": [1, 2], "attributed": true, "split": "tune"}\n'
                   "not json\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"gold.jsonl:1"):
        load_gold(bad)


def test_same_source_by_overlap_or_head_word() -> None:
    text = "Jimmy Patton, the sheriff, spoke. Later Patton said more."
    gold = (0, len("Jimmy Patton"))
    later = text.index("Patton said")
    assert same_source((later, later + 6, "Patton"), gold, text)
    assert same_source((6, 12, "Patton"), gold, text)
    assert not same_source((27, 32, "spoke"), gold, text)
