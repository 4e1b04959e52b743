"""Issue 10 (session 12): acts that no report says happened.

"any ceasefire" names a kind of act; a penalty a charge carries is a rule; an act that is
necessary, or that someone would like to see done, is not done; a cabinet's own meeting is no consultation between actors.  The sentences
are written for these tests."""

from __future__ import annotations

import pytest

from tests.doctokens import token_in
from whimbrel.stages.generic import generic_statement, unrealised
from whimbrel.stages.senses import check_sense


@pytest.mark.parametrize("sentence,word,held", [
    ("The minister will have the final word on any ceasefire, aides said.", "ceasefire", True),
    ("Police have not said whether any arrests were made.", "arrests", True),
    ("Detectives could not build a case to charge the owner.", "charge", True),
    ("The army said it had the means to crush the rebellion.", "crush", True),
    ("The reforms necessary to shield the poor and prosecute the fraudsters were delayed.", "prosecute", True),
    ("Some European diplomats would like to see Iran accept the inspectors.", "accept", True),
    ("The opposition hopes to see the president resign.", "resign", True),
    # done acts stay done
    ("The police arrested the owner on Tuesday after the ceasefire collapsed.", "arrested", False),
    ("The ministers said the ceasefire would hold.", "ceasefire", False),
    ("Rebels attacked the town and killed 12 people.", "attacked", False),
    ("The diplomats saw Iran accept the inspectors last year.", "accept", False),
    ("Fighters crossed the border to reinforce the besieged garrison.", "reinforce", False),
])
def test_issue10_unrealised_kinds(nlp, sentence, word, held):
    assert bool(unrealised(token_in(nlp, sentence, word))) is held


@pytest.mark.parametrize("sentence,word,rule", [
    ("The two counts of fraud carry a maximum sentence of eight years.", "sentence", True),
    ("Burglary is a felony punishable by imprisonment for up to five years.", "imprisonment", True),
    ("He was given the maximum sentence of ten years on Monday.", "sentence", False),
    ("The judge handed down a sentence of eight years.", "sentence", False),
    ("Detectives are carrying out investigations to find the robbers.", "investigations", False),
])
def test_issue10_penalty_set_by_law_is_a_rule(nlp, sentence, word, rule):
    cue = generic_statement(token_in(nlp, sentence, word))
    assert bool(cue) is rule
    if rule:
        assert "penalty" in cue


@pytest.mark.parametrize("sentence,word,etype,fails", [
    ("The governor told reporters after a cabinet meeting that taxes would rise.", "meeting", "CONSULT", True),
    ("The school board's monthly meeting approved the budget.", "meeting", "CONSULT", True),
    ("The foreign ministers of Egypt and Jordan held a meeting in Cairo on Tuesday.", "meeting", "CONSULT", False),
])
def test_issue10_attempts_and_own_sessions(nlp, sentence, word, etype, fails):
    ok, reason = check_sense(token_in(nlp, sentence, word), etype, True, False)
    assert (ok is False) is fails
    if fails:
        assert reason


@pytest.mark.parametrize("sentence,word,wishes,held", [
    ("A truce could pave the way for an eventual withdrawal of the militia.", "withdrawal", True, True),
    ("The envoy kept his options open concerning future talks with the rebels.", "talks", True, True),
    ("The two sides held talks in Geneva on Monday.", "talks", True, False),
    ("The planned rally will start at noon outside parliament.", "rally", True, False),
    # violence under doubt may still have happened (a "possible shooting" is investigated)
    ("Police are investigating a possible shooting on Elm Street.", "shooting", False, False),
])
def test_issue10_attributive_doubt(nlp, sentence, word, wishes, held):
    assert bool(unrealised(token_in(nlp, sentence, word), wishes=wishes)) is held


@pytest.mark.parametrize("sentence,word,generic", [
    ("Arraignments are when suspects formally hear what they are charged with.", "charged", True),
    ("When the mayor was arrested, his deputy took over the office.", "arrested", False),
])
def test_issue10_habitual_when_clause_about_a_kind(nlp, sentence, word, generic):
    assert bool(generic_statement(token_in(nlp, sentence, word))) is generic
