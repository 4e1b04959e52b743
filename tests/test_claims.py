"""Tests for whimbrel.stages.claims: quotes and speakers, reporting verbs, hedges."""

from __future__ import annotations

from typing import Optional

import pytest

from whimbrel.stages.claims import ClaimCue, QuoteIndex, find_claims, hedge, speaker_span


def _token(doc, word: str, nth: int = -1):
    hits = [t for t in doc if t.text == word]
    assert hits, f"{word!r} not in {doc.text!r}"
    return hits[nth]


def _claims(nlp, text: str, word: str) -> list[ClaimCue]:
    doc = nlp(text)
    return find_claims(_token(doc, word), QuoteIndex.build(doc))


# --------------------------------------------------------------------------- find_claims

CLAIM_CASES = [
    # text, trigger, claimant (None = anonymous), cue, hedged
    ("Militants attacked a checkpoint near Kirkuk, police said.", "attacked", "police", "say", False),
    ("The army shelled the village, a military spokesman told reporters.", "shelled", "a military spokesman", "tell", False),
    ("Israeli jets struck Gaza overnight, the military said in a statement.", "struck", "the military", "say", False),
    ("Two soldiers were killed in the blast, according to local officials.", "killed", "local officials", "according to", False),
    ("The Islamic State group claimed responsibility for the bombing.", "bombing", "The Islamic State group", "claim responsibility", False),
    ("It was reported that troops fired on protesters.", "fired", None, "report", True),
    ("Rebels reportedly seized the airport.", "seized", None, "reportedly", True),
    ("The alleged attack killed three civilians.", "attack", None, "alleged", True),
    ("The opposition claims government forces bombed the market.", "bombed", "The opposition", "claim", True),
    ("The ministry denied that its forces shelled the town.", "shelled", "The ministry", "deny", False),
    ("Hamas accused Israel of bombing a hospital.", "bombing", "Hamas", "accuse", True),
    ("Officials confirmed the attack on the embassy.", "attack", "Officials", "confirm", False),
    ("The governor announced that police had arrested five suspects.", "arrested", "The governor", "announce", False),
    ("The gunmen are said to have kidnapped ten workers.", "kidnapped", None, "say", True),
    ('"We destroyed three tanks," the commander said.', "destroyed", "the commander", "say", False),
    ("“Our forces repelled the assault,” said Colonel Ahmed Hassan.", "repelled", "Colonel Ahmed Hassan", "say", False),
    ("Lloyd Austin, the defense secretary, said US forces struck three sites.", "struck", "Lloyd Austin", "say", False),
    ("Officials who spoke on condition of anonymity said the militia attacked the base.", "attacked", "Officials", "say", False),
    ("The Pentagon said in a statement that it had struck two depots.", "struck", "The Pentagon", "say", False),
    ("Hamas claimed the attack on the checkpoint.", "attack", "Hamas", "claim responsibility", False),
    ("The bombing, which the Taliban claimed, killed four.", "bombing", "the Taliban", "claim responsibility", False),
    ("Paris' counterterrorism authority announced that police had detained a man.", "detained",
     "Paris' counterterrorism authority", "announce", False),
    ("The man, who lives nearby, said gunmen opened fire on the crowd.", "opened", "The man", "say", False),
    ("Kyiv blamed Russia for the missile strike.", "strike", "Kyiv", "blame", True),
    ("The attack was claimed by the Islamic State group.", "attack", "the Islamic State group", "claim responsibility", False),
    ("It was reported by Reuters that troops fired on protesters.", "fired", "Reuters", "report", False),
]


@pytest.mark.parametrize("text,word,claimant,cue,hedged", CLAIM_CASES)
def test_find_claims(nlp, text: str, word: str, claimant: Optional[str], cue: str, hedged: bool) -> None:
    claims = _claims(nlp, text, word)
    got = [(c.claimant_text, c.cue, c.hedged) for c in claims]
    assert (claimant, cue, hedged) in got, got


@pytest.mark.parametrize(
    "text,word",
    [
        ("Protesters clashed with police in the capital.", "clashed"),
        ("The army attacked the village on Monday.", "attacked"),
        ("The militia, which said it wanted peace, attacked the convoy.", "attacked"),
        ("No group has claimed responsibility for the explosion.", "explosion"),
    ],
)
def test_no_claim(nlp, text: str, word: str) -> None:
    assert _claims(nlp, text, word) == []


def test_claim_offsets_and_text(nlp) -> None:
    text = "Israeli jets struck Gaza overnight, the military said in a statement."
    (claim,) = _claims(nlp, text, "struck")
    assert claim.text == "said in a statement"
    assert text[claim.claimant_start : claim.claimant_end] == "the military"


def test_according_to_text(nlp) -> None:
    text = "The raid killed two guards, according to the Chilean interior minister’s office."
    (claim,) = _claims(nlp, text, "killed")
    assert claim.text == "according to"
    assert claim.claimant_text == "the Chilean interior minister’s office"


# --------------------------------------------------------------------------- quotes and speakers

SPEAKER_CASES = [
    # text, a phrase inside a quote, expected speaker (None = no speaker)
    ("“We hit them hard,” General Mark Smith said on Monday.", "hit them", "General Mark Smith"),
    ('"The city is calm," the governor told reporters.', "city is calm", "the governor"),
    ("“The raid was a success,” said the interior minister.", "raid was", "the interior minister"),
    # a quote running over two sentences
    ("“We struck the depot. It is destroyed,” the army said.", "It is destroyed", "the army"),
    # a follow-on quote inherits the speaker of the previous sentence's quote
    ("“We struck the depot,” Colonel Jane Doe said. “The operation will go on until the threat is gone.”",
     "operation will go on", "Colonel Jane Doe"),
    # a quote after a reporting sentence in the same paragraph
    ("Austin added that the strikes were necessary. “We do not seek a wider war in the region.”",
     "wider war", "Austin"),
    # pronoun speaker resolved to the latest named person
    ("President Joe Biden spoke on Monday. “We will respond,” he said.", "will respond", "President Joe Biden"),
    ("Defense Minister Yoav Gallant visited the troops. “The operation will continue,” he told them.",
     "operation will continue", "Defense Minister Yoav Gallant"),
    # straight quotes, speaker first
    ('The spokesman said: "Our units returned fire."', "returned fire", "The spokesman"),
    # a speech verb misparsed as a reduced relative; a title abbreviation cut by the sentencizer
    ('"This is very serious," a family friend posted on Facebook.', "very serious", "a family friend"),
    ("“We have to check those stories,” said IMPD Sgt. Kendale Adams.", "check those", "IMPD Sgt. Kendale Adams"),
    # pronoun gender: "she" skips a man named later
    ("Ms. Sarah Cole led the protest. Mr. John Smith joined it. “We were attacked,” she said.",
     "were attacked", "Ms. Sarah Cole"),
    ("Ms. Sarah Cole led the protest. Mr. John Smith joined it. “We were attacked,” he said.",
     "were attacked", "Mr. John Smith"),
    # an attribution in the next paragraph belongs to the next quote
    ("“The red balloons are for the mother,” explained Williams. “The pink one is for the girl who never had a chance.”"
     "\n\n\"We are combing the area,\" said Deputy Tom Gill.", "pink one", "Williams"),
    # quote-only attribution verbs
    ('"Nobody would let us near the boat," Hal Brennan choked out.', "let us near", "Hal Brennan"),
    ("“He was always happy,” his mother Ann Lee recalled.", "always happy", "his mother Ann Lee"),
    # scare quotes have no speaker
    ("Officials described the “suspected” drone attacks.", "suspected", None),
]


@pytest.mark.parametrize("text,phrase,speaker", SPEAKER_CASES)
def test_speaker_of(nlp, text: str, phrase: str, speaker: Optional[str]) -> None:
    doc = nlp(text)
    index = QuoteIndex.build(doc)
    got = index.speaker_of(text.index(phrase))
    if speaker is None:
        assert got is None
    else:
        assert got is not None, [q for q in index.quotes]
        assert got[0] == speaker
        assert text[got[1] : got[2]] == speaker


def test_quote_spans_curly_straight_and_paragraphs(nlp) -> None:
    text = (
        "“First part of a long quote, the minister said.\n\n"
        "“Second paragraph of it,” he said. Then \"a straight one\" and it’s fine."
    )
    index = QuoteIndex.build(nlp(text))
    contents = [text[q.start : q.end] for q in index.quotes]
    assert contents[0].startswith("First part")
    assert "\n" not in contents[0]
    assert any(c.startswith("Second paragraph of it") for c in contents)
    assert "a straight one" in contents
    assert all("it’s" not in c for c in contents)


def test_trigger_in_quote_gets_speaker_claim(nlp) -> None:
    text = "“These precision strikes are a response to attacks by militias,” Austin said. “They killed our people.”"
    doc = nlp(text)
    index = QuoteIndex.build(doc)
    claims = find_claims(_token(doc, "killed"), index)
    assert [c.claimant_text for c in claims] == ["Austin"]
    assert claims[0].text == "said"


def test_speaker_span_trims_apposition(nlp) -> None:
    doc = nlp("The Joint Air Command (JAC) said on Tuesday that it hit the depot.")
    head = [t for t in doc if t.dep_ == "nsubj"][0]
    assert speaker_span(head)[0] == "The Joint Air Command (JAC)"


# --------------------------------------------------------------------------- hedges

HEDGE_CASES = [
    ("Rebels allegedly executed the prisoners.", "executed", "allegedly"),
    ("Rebels reportedly seized the airport.", "seized", "reportedly"),
    ("The suspected airstrike hit a school.", "airstrike", "suspected"),
    ("The purported attack was filmed.", "attack", "purported"),
    ("Unconfirmed reports spoke of an unconfirmed raid on the camp.", "raid", "unconfirmed"),
    ("The gunmen are said to have kidnapped ten workers.", "kidnapped", "said to"),
    ("The group is believed to have planted the bomb.", "planted", "believed to"),
    ("The militia may have fired the rockets.", "fired", "may have"),
    ("The opposition claims government forces bombed the market.", "bombed", "claims"),
    ("Navies Say They Downed Nine “Suspected” Missile Attacks", "Attacks", "suspected"),
    ("The army apparently shelled the village.", "shelled", "apparently"),
    ("They denounced the so-called “raid” on the camp.", "raid", "“raid”"),
    # no hedge
    ("The army shelled the village, officials said in a statement.", "shelled", None),
    ("US forces conducted strikes on three facilities.", "strikes", None),
    ("Austin said they will not hesitate to “take necessary action”.", "take", None),
]


@pytest.mark.parametrize("text,word,expected", HEDGE_CASES)
def test_hedge(nlp, text: str, word: str, expected: Optional[str]) -> None:
    doc = nlp(text)
    assert hedge(_token(doc, word)) == expected


# --------------------------------------------------------------------------- the sample article


@pytest.fixture(scope="module")
def sample(nlp, shared_dir):
    text = (shared_dir / "samples" / "us-strikes-iraq.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    return doc, QuoteIndex.build(doc)


def _at(doc, phrase: str, word: str):
    start = doc.text.index(phrase)
    return [t for t in doc if t.idx >= start and t.text == word][0]


def test_sample_quote_speakers(sample) -> None:
    doc, index = sample
    text = doc.text
    assert index.speaker_of(text.index("Today, at President"))[0] == "US Secretary of Defense Lloyd Austin"
    # the follow-on quote without its own attribution
    assert index.speaker_of(text.index("These precision strikes"))[0] == "US Secretary of Defense Lloyd Austin"
    # the multi-sentence quote after "Austin added that ..."
    assert index.speaker_of(text.index("We call on these groups"))[0] == "Austin"
    assert index.speaker_of(text.index("We do not seek"))[0] == "Austin"


def test_sample_claims(sample) -> None:
    doc, index = sample
    launched = _at(doc, "were launched just after", "launched")
    (claim,) = find_claims(launched, index)
    assert claim.claimant_text == "the US Central Command (CENTCOM)"
    assert claim.text == "said in a statement" and claim.cue == "say" and not claim.hedged

    killed = _at(doc, "killed one member", "killed")
    (claim,) = find_claims(killed, index)
    assert claim.claimant_text == "the Iraqi prime minister’s office"
    assert claim.cue == "according to"

    attacks = _at(doc, "claims these attacks", "attacks")
    (claim,) = find_claims(attacks, index)
    assert claim.claimant_text == "The ruling class" and claim.hedged

    conducted = _at(doc, "conducted necessary", "conducted")
    claims = find_claims(conducted, index)
    assert [c.claimant_text for c in claims] == ["US Secretary of Defense Lloyd Austin"]
    assert not claims[0].hedged

    drone = _at(doc, "Drone Attacks", "Attacks")
    assert hedge(drone) == "suspected"
